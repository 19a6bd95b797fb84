/* SPDX-License-Identifier: MIT */
/* Named-entity recognition over tokens, in passes of falling certainty:
 * dateline, "Long Name (LN)" definitions and typed organisation names,
 * titles and honorifics before names, gazetteer names, then names typed
 * by their neighbours (reporting verbs, partial names). */
#include "ner.h"

#include "buf.h"
#include "gazetteer.h"
#include "segment.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_MATCHES 24
#define MAX_TITLES 4
#define MAX_NAME_WORDS 6

/* A surface defined by the article itself ("(MATRADE)"). */
struct alias {
  char *s;
  size_t len;
  size_t ent;
};

/* A title phrase before (or after) a person's name. */
struct trec {
  size_t person;                            /* entity */
  const struct ng_lex_item *t[MAX_TITLES]; /* titles */
  enum ng_office off[MAX_TITLES];          /* the office each title gives */
  enum ng_office org_off[MAX_TITLES];      /* … and by an organisation */
  size_t n_t;
  size_t title_b, title_e; /* tokens of the title words */
  bool counterpart;  /* "his Bolivian counterpart X" */
  bool blocked;      /* Deputy, former … */
  size_t qual_end;   /* token index just past the qualifier, or NG_NONE */
  size_t qual_begin; /* first token of an unknown qualifier, or NG_NONE */
  size_t comp_begin; /* first token of the complement, or NG_NONE */
  size_t sentence;   /* evidence */
};

/* A word of the text that starts with a lower-case ASCII letter at a word
 * start (occurs_lower()); bytes into the text. */
struct lword {
  const char *p;  /* NULL: an empty slot */
  uint32_t len;   /* bytes, at most 64 */
  uint32_t hash;  /* lword_hash() of the bytes */
};

/* FNV-1a hash of @p len bytes at @p s, continuing from @p h (start with
 * 2166136261). */
static uint32_t
lword_hash(uint32_t h, const char *s, size_t len)
{
  for (size_t i = 0; i < len; i++) {
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  }
  return h;
}

/* support()'s counts of country labels in the text, so each is counted
 * once per doc instead of once per ambiguous name. */
#define LABEL_MEMO 32
struct label_memo {
  size_t c[LABEL_MEMO];     /* gazetteer entries of the countries */
  size_t count[LABEL_MEMO]; /* occurrences of their labels */
  size_t n;
};

struct ner {
  ng_world *world;
  struct ng_doc *doc;
  const struct ng_gazetteer *gaz;
  const char *text;
  size_t len;
  struct ng_token *tok;
  size_t n_tok;
  size_t *sent_of;      /* sentence index per token */
  size_t *sent_first;   /* first token per sentence, n_sentences + 1 */
  size_t *ment_begin;   /* mention starting at a token, or NG_NONE */
  size_t *ment_end;     /* mention whose last token is this, or NG_NONE */
  unsigned char *used;  /* token belongs to a mention or a title */
  struct alias *aliases;
  size_t n_aliases, cap_aliases;
  struct trec *recs;
  size_t n_recs, cap_recs;
  size_t agency;        /* news agency credited in the text, or NG_NONE */
  size_t *ent_entry;    /* gazetteer entry per doc entity, or NG_NONE */
  size_t cap_ent_entry;
  size_t home;          /* home country entry of the meta publisher */
  struct lword *lower;  /* words starting in lower case: a hash set
                         * (open addressing) */
  size_t n_lower;       /* slots in lower: 0 or a power of two */
  struct label_memo *memo; /* support() cache (points into ng__ner_run) */
  struct tok_cache *tc; /* per-token lookups (points into ng__ner_run) */
};

/* Per-token results of the gazetteer and word-list lookups the passes
 * repeat at the same token: ng__gazetteer_match() at a token's first
 * byte (kept in one pooled array) and word_is() per kind. Filled on
 * first use; with any array missing the lookups are simply redone. */
/* The cache bit of portfolio_word()'s lower-case lookup: past every
 * ng_lex_kind (word_is() uses bit 1 << kind). */
#define TC_LOWER_PORTFOLIO 31u
/* The bit of tok_cache.wk saying that wv holds word_is()'s kinds. */
#define TC_KINDS_DONE ((uint32_t)1 << 30)
_Static_assert(NG_LEX_COUNT <= 30,
               "word_is() cache bits: too many ng_lex_kind values");

struct tok_cache {
  struct ng_gaz_match *m; /* pooled matches */
  size_t n_m, cap_m;
  uint32_t *off;          /* per token: first match in m, or UINT32_MAX */
  unsigned char *cnt;     /* per token: number of matches */
  uint32_t *wk, *wv;      /* per token: TC_* bits computed, and their
                           * values; wv bit (1 << kind) for word_is() */
  uint32_t *mk;           /* per token with off set: bit 1 << kind for
                           * each kind among its matches */
};

/* ---- token helpers ---- */

/* True if token @p i is the @p l bytes at @p s; through tok_eq(). */
static bool
tok_eq_n(const struct ner *n, size_t i, const char *s, size_t l)
{
  return i < n->n_tok && n->tok[i].end - n->tok[i].begin == l &&
         n->text[n->tok[i].begin] == s[0] &&
         memcmp(n->text + n->tok[i].begin, s, l) == 0;
}

/* True if token @p i is the string literal @p s (its length known at
 * compile time; a non-literal does not compile). */
#define tok_eq(n, i, s) tok_eq_n((n), (i), "" s "", sizeof("" s "") - 1)

static size_t
tok_len(const struct ner *n, size_t i)
{
  return n->tok[i].end - n->tok[i].begin;
}

static bool
is_word(const struct ner *n, size_t i)
{
  return i < n->n_tok && (n->tok[i].flags & NG_TOK_WORD);
}

static bool
is_cap(const struct ner *n, size_t i)
{
  return is_word(n, i) && (n->tok[i].flags & (NG_TOK_CAP | NG_TOK_UPPER));
}

static bool
same_sentence(const struct ner *n, size_t i, size_t j)
{
  return i < n->n_tok && j < n->n_tok && n->sent_of[i] == n->sent_of[j];
}

/* Token end (exclusive) for a match ending at byte @p end, starting at
 * token @p i, within its sentence; NG_NONE if it does not end on a token. */
static size_t
tok_after(const struct ner *n, size_t i, size_t end)
{
  size_t s = n->sent_of[i];
  for (size_t j = i; j < n->n_tok && n->sent_of[j] == s; j++) {
    if (n->tok[j].end == end) {
      return j + 1;
    }
    if (n->tok[j].end > end) {
      break;
    }
  }
  return NG_NONE;
}

/* ng__gazetteer_match() at the first byte of token @p i (at most
 * MAX_MATCHES), remembered in n->tc for the next call at the same token.
 * Returns the matches: in n->tc (valid until the next call) or else in
 * @p m; *k is their number and *kinds (when not NULL) has bit 1 << kind
 * for each kind among them. */
static const struct ng_gaz_match *
tok_matches_ref(const struct ner *n, size_t i, struct ng_gaz_match *m,
                size_t *k, uint32_t *kinds)
{
  struct tok_cache *c = n->tc;
  if (c && c->off && c->off[i] != UINT32_MAX) {
    *k = c->cnt[i];
    if (kinds) {
      *kinds = c->mk[i];
    }
    /* c->m may be NULL when no token matched */
    return c->cnt[i] > 0 ? c->m + c->off[i] : m;
  }
  *k = ng__gazetteer_match(n->gaz, n->text, n->len, n->tok[i].begin, m,
                           MAX_MATCHES);
  uint32_t mk = 0;
  for (size_t x = 0; x < *k; x++) {
    mk |= (uint32_t)1 << (unsigned)m[x].item->kind;
  }
  if (kinds) {
    *kinds = mk;
  }
  if (!c || !c->off || c->n_m + *k >= UINT32_MAX) {
    return m;
  }
  if (c->n_m + *k > c->cap_m) {
    size_t cap = (c->n_m + *k) * 2 + 64;
    struct ng_gaz_match *p = realloc(c->m, cap * sizeof *p);
    if (!p) {
      return m; /* not remembered: the next call looks again */
    }
    c->m = p;
    c->cap_m = cap;
  }
  if (*k) {
    memcpy(c->m + c->n_m, m, *k * sizeof *m);
  }
  c->off[i] = (uint32_t)c->n_m;
  c->cnt[i] = (unsigned char)*k;
  c->mk[i] = mk;
  c->n_m += *k;
  return m;
}

/* ng__gazetteer_match() at the first byte of token @p i (at most
 * MAX_MATCHES, into @p m) through tok_matches_ref(). Returns the number
 * of matches. */
static size_t
tok_matches(const struct ner *n, size_t i, struct ng_gaz_match *m)
{
  size_t k;
  const struct ng_gaz_match *r = tok_matches_ref(n, i, m, &k, NULL);
  if (r != m && k > 0) {
    memcpy(m, r, k * sizeof *m);
  }
  return k;
}

/* True if token @p i's matches are remembered and none is of a kind in
 * @p kinds (bits 1 << kind). */
static bool
known_none(const struct ner *n, size_t i, uint32_t kinds)
{
  const struct tok_cache *c = n->tc;
  return c && c->off && c->off[i] != UINT32_MAX && !(c->mk[i] & kinds);
}

/* Longest lexicon item of @p kind at token @p i; *end = token after it. */
static const struct ng_lex_item *
lex_at(const struct ner *n, size_t i, enum ng_lex_kind kind, size_t *end)
{
  if (i >= n->n_tok || !is_word(n, i) ||
      known_none(n, i, (uint32_t)1 << (unsigned)kind)) {
    return NULL;
  }
  struct ng_gaz_match buf[MAX_MATCHES];
  size_t k;
  uint32_t kinds;
  const struct ng_gaz_match *m = tok_matches_ref(n, i, buf, &k, &kinds);
  if (!((kinds >> (unsigned)kind) & 1u)) {
    return NULL;
  }
  for (size_t x = 0; x < k; x++) {
    if (m[x].item->kind != kind) {
      continue;
    }
    size_t e = tok_after(n, i, m[x].end);
    if (e != NG_NONE) {
      *end = e;
      return m[x].item;
    }
  }
  return NULL;
}

/* Longest gazetteer name (entry or demonym) at token @p i. */
static const struct ng_lex_item *
entry_at(const struct ner *n, size_t i, size_t *end)
{
  if (i >= n->n_tok || !is_word(n, i) ||
      known_none(n, i, ((uint32_t)1 << NG_LEX_ENTRY) |
                           ((uint32_t)1 << NG_LEX_DEMONYM))) {
    return NULL;
  }
  struct ng_gaz_match buf[MAX_MATCHES];
  size_t k;
  uint32_t kinds;
  const struct ng_gaz_match *m = tok_matches_ref(n, i, buf, &k, &kinds);
  if (!(kinds & (((uint32_t)1 << NG_LEX_ENTRY) |
                 ((uint32_t)1 << NG_LEX_DEMONYM)))) {
    return NULL;
  }
  for (size_t x = 0; x < k; x++) {
    enum ng_lex_kind kind = m[x].item->kind;
    if (kind != NG_LEX_ENTRY && kind != NG_LEX_DEMONYM) {
      continue;
    }
    size_t e = tok_after(n, i, m[x].end);
    if (e != NG_NONE) {
      *end = e;
      return m[x].item;
    }
  }
  return NULL;
}

static bool
has_lex(const struct ner *n, size_t i, enum ng_lex_kind kind)
{
  size_t e;
  return lex_at(n, i, kind, &e) != NULL;
}

/* ng__gazetteer_word_kinds() of word token @p i, taken from the token's
 * matches (tok_matches_ref()) when they hold the answer: the token ends
 * on a word boundary, so its first word is the whole token and the
 * names of its length that match there are the matches ending at its
 * end, and the matches are not cut at MAX_MATCHES (which is above the
 * 16 ng__gazetteer_find_word() looks at). */
static uint32_t
word_kinds(const struct ner *n, size_t i)
{
  const char *s = n->text + n->tok[i].begin;
  size_t len = tok_len(n, i);
  _Static_assert(MAX_MATCHES > 16, "word_kinds() needs all 16 matches");
  if (!ng__gazetteer_is_boundary(n->text, n->len, n->tok[i].end)) {
    return ng__gazetteer_word_kinds(n->gaz, s, len);
  }
  struct ng_gaz_match buf[MAX_MATCHES];
  size_t k;
  const struct ng_gaz_match *m = tok_matches_ref(n, i, buf, &k, NULL);
  if (k >= MAX_MATCHES) {
    return ng__gazetteer_word_kinds(n->gaz, s, len);
  }
  uint32_t kinds = 0;
  size_t n_len = 0; /* matches of the token's length, up to 16 count */
  for (size_t x = 0; x < k && n_len < 16; x++) {
    if (m[x].end != n->tok[i].end) {
      continue;
    }
    n_len++;
    if (memcmp(m[x].item->surface, s, len) == 0) {
      kinds |= (uint32_t)1 << (unsigned)m[x].item->kind;
    }
  }
  return kinds;
}

/* A single-token word of @p kind exactly. */
static bool
word_is(const struct ner *n, size_t i, enum ng_lex_kind kind)
{
  if (!is_word(n, i)) {
    return false;
  }
  struct tok_cache *c = n->tc;
  const char *s = n->text + n->tok[i].begin;
  size_t len = tok_len(n, i);
  if (!c || !c->wk) {
    return ng__gazetteer_find_word(n->gaz, kind, s, len) != NULL;
  }
  if (!(c->wk[i] & TC_KINDS_DONE)) {
    /* every kind ng__gazetteer_find_word() finds for this word */
    c->wk[i] |= TC_KINDS_DONE;
    c->wv[i] |= word_kinds(n, i);
  }
  return (c->wv[i] >> (unsigned)kind) & 1u;
}

static bool
is_apostrophe(const struct ner *n, size_t i)
{
  return tok_eq(n, i, "'") || tok_eq(n, i, "\xE2\x80\x99");
}

/* Token @p i is the "s" of a possessive "'s". */
static bool
is_possessive_s(const struct ner *n, size_t i)
{
  return i >= 1 && tok_eq(n, i, "s") && is_apostrophe(n, i - 1) &&
         !(n->tok[i - 1].flags & NG_TOK_SPACE) &&
         !(n->tok[i].flags & NG_TOK_SPACE);
}

/* True if the text has a word start at @p off where occurs_lower() looks:
 * the start of the text or after a space, newline, '(' or '"'. */
static bool
lower_word_start(const struct ner *n, size_t off)
{
  const char *t = n->text;
  return (off == 0 || t[off - 1] == ' ' || t[off - 1] == '\n' ||
          t[off - 1] == '(' || t[off - 1] == '"') &&
         ng__gazetteer_is_boundary(t, n->len, off);
}

/* True for an ASCII letter or digit. */
static bool
is_ascii_alnum(unsigned char c)
{
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
         (c >= 'a' && c <= 'z');
}

/* Indexes every word of 2 to 64 bytes that starts with a lower-case ASCII
 * letter at a word start and ends at a word boundary (every boundary up
 * to the next space, so "co-op" gives "co" and "co-op") in a hash set,
 * so occurs_lower() is a lookup instead of a scan of the whole text per
 * sentence (which made NER quadratic in the article's length). */
static ng_status
index_lower_words(struct ner *n)
{
  struct lword *all = NULL;
  size_t n_all = 0, cap = 0;
  for (size_t off = 0; off < n->len; off++) {
    unsigned char c = (unsigned char)n->text[off];
    if (c < 'a' || c > 'z' || !lower_word_start(n, off)) {
      continue;
    }
    uint32_t h = 2166136261u; /* of the bytes [off, hashed) */
    size_t hashed = off;
    for (size_t e = off + 2; e <= n->len && e - off <= 64; e++) {
      if (n->text[e - 1] == ' ' || n->text[e - 1] == '\n') {
        break;
      }
      unsigned char b0 = (unsigned char)n->text[e - 1];
      unsigned char b1 = e < n->len ? (unsigned char)n->text[e] : 0;
      if (b0 < 0x80 && b1 < 0x80 && e < n->len) {
        /* ASCII on both sides: ng__gazetteer_is_boundary() inline */
        if (is_ascii_alnum(b0) && is_ascii_alnum(b1)) {
          continue;
        }
      } else if (!ng__gazetteer_is_boundary(n->text, n->len, e)) {
        continue;
      }
      if (n_all == cap) {
        size_t ncap = cap ? 2 * cap : 1024;
        struct lword *p = realloc(all, ncap * sizeof *p);
        if (!p) {
          free(all);
          return NG_ERR_NOMEM;
        }
        all = p;
        cap = ncap;
      }
      h = lword_hash(h, n->text + hashed, e - hashed);
      hashed = e;
      all[n_all].p = n->text + off;
      all[n_all].len = (uint32_t)(e - off);
      all[n_all].hash = h;
      n_all++;
    }
  }
  if (n_all == 0) {
    return NG_OK;
  }
  size_t size = 16;
  while (size < 2 * n_all) {
    size *= 2;
  }
  n->lower = calloc(size, sizeof *n->lower);
  if (!n->lower) {
    free(all);
    return NG_ERR_NOMEM;
  }
  n->n_lower = size;
  for (size_t k = 0; k < n_all; k++) {
    const struct lword *w = &all[k];
    for (size_t h = w->hash & (size - 1);; h = (h + 1) & (size - 1)) {
      struct lword *slot = &n->lower[h];
      if (!slot->p) {
        *slot = *w;
        break;
      }
      if (slot->hash == w->hash && slot->len == w->len &&
          memcmp(slot->p, w->p, w->len) == 0) {
        break; /* already there */
      }
    }
  }
  free(all);
  return NG_OK;
}

/* True if the lower-case form of word token @p i occurs in the text as a
 * word: a capitalised sentence-initial word that is an ordinary word. */
static bool
occurs_lower(const struct ner *n, size_t i)
{
  size_t l = tok_len(n, i);
  const char *w = n->text + n->tok[i].begin;
  if (l < 2 || l > 64 || (unsigned char)w[0] >= 0x80) {
    return false;
  }
  char low[65];
  memcpy(low, w, l);
  low[0] = (char)(low[0] - 'A' + 'a');
  if (low[0] < 'a' || low[0] > 'z') {
    return false;
  }
  for (size_t p = 1; p < l; p++) {
    if (low[p] >= 'A' && low[p] <= 'Z') {
      return false; /* ALL CAPS or CamelCase: not an ordinary word */
    }
  }
  if (n->n_lower == 0) {
    return false;
  }
  uint32_t hash = lword_hash(2166136261u, low, l);
  size_t mask = n->n_lower - 1;
  for (size_t h = hash & mask;; h = (h + 1) & mask) {
    const struct lword *slot = &n->lower[h];
    if (!slot->p) {
      return false;
    }
    if (slot->hash == hash && slot->len == l &&
        memcmp(slot->p, low, l) == 0) {
      return true;
    }
  }
}

/* First token of the sentence, after opening quotes and brackets. */
static bool
is_sentence_initial(const struct ner *n, size_t i)
{
  size_t s = n->sent_of[i];
  size_t j = n->sent_first[s];
  while (j < i && !is_word(n, j)) {
    j++;
  }
  return j == i;
}

static bool is_name_word(const struct ner *n, size_t i);

/* A straight or curly double quotation mark. */
static bool
is_quote(const struct ner *n, size_t i)
{
  return tok_eq(n, i, "\"") || tok_eq(n, i, "\xE2\x80\x9C") ||
         tok_eq(n, i, "\xE2\x80\x9D");
}

/* True if token @p i is a number ("5", "2024"). */
static bool
is_number(const struct ner *n, size_t i)
{
  return is_word(n, i) && n->text[n->tok[i].begin] >= '0' &&
         n->text[n->tok[i].begin] <= '9';
}

/* A month or weekday abbreviation (ngl:DateAbbreviation) used as a date:
 * next to a number, before a full stop or comma, or standing alone. Inside
 * a run of capitalised words it is a name word ("Jan Nowicki", "Pham Thi
 * Thu Ha"). */
static bool
date_abbrev(const struct ner *n, size_t i)
{
  if (!word_is(n, i, NG_LEX_DATE_ABBREV)) {
    return false;
  }
  if ((i > 0 && is_number(n, i - 1) && same_sentence(n, i - 1, i)) ||
      is_number(n, i + 1) || tok_eq(n, i + 1, ".") || tok_eq(n, i + 1, ",")) {
    return true;
  }
  bool before = i > 0 && same_sentence(n, i - 1, i) && is_cap(n, i - 1) &&
                !word_is(n, i - 1, NG_LEX_DATE_ABBREV) &&
                !word_is(n, i - 1, NG_LEX_STOPWORD) &&
                !is_sentence_initial(n, i - 1);
  bool after = same_sentence(n, i, i + 1) && is_cap(n, i + 1) &&
               !word_is(n, i + 1, NG_LEX_DATE_ABBREV) &&
               !word_is(n, i + 1, NG_LEX_STOPWORD) && !is_number(n, i + 2);
  return !before && !after;
}

/* A function word (ngl:Stopword) or an abbreviation used as a date. */
static bool
stop_word(const struct ner *n, size_t i)
{
  return word_is(n, i, NG_LEX_STOPWORD) || date_abbrev(n, i);
}

/* A capitalised word that can be part of a name. */
static bool
is_name_word(const struct ner *n, size_t i)
{
  if (!is_cap(n, i) || stop_word(n, i)) {
    return false;
  }
  if (is_sentence_initial(n, i) && occurs_lower(n, i) &&
      !(tok_eq(n, i + 1, "-") && !(n->tok[i + 1].flags & NG_TOK_SPACE) &&
        is_cap(n, i + 2) && !(n->tok[i + 2].flags & NG_TOK_SPACE))) {
    return false; /* "Al-Qahtani said" is a name even though "al" occurs */
  }
  return true;
}

/* ---- entities and mentions ---- */

/* Copies the text of tokens [b, e) collapsing white space into *out. */
static ng_status
span_text(const struct ner *n, size_t b, size_t e, char **out)
{
  struct ng_buf buf;
  ng__buf_init(&buf, 4096);
  ng_status st = NG_OK;
  for (size_t i = b; i < e; i++) {
    if (i > b && (n->tok[i].flags & NG_TOK_SPACE)) {
      TRY(st, ng__buf_add(&buf, " ", 1));
    }
    TRY(st, ng__buf_add(&buf, n->text + n->tok[i].begin, tok_len(n, i)));
  }
  *out = ng__buf_take(&buf);
  return *out ? NG_OK : NG_ERR_NOMEM;
}

static ng_status
get_entity(struct ner *n, enum ng_etype type, const char *label,
           const char *qid, size_t *idx)
{
  ng_status st;
  size_t e = ng__doc_find_entity(n->doc, type, label);
  if (e == NG_NONE) {
    TRY(st, ng__doc_add_entity(n->doc, type, label, &e));
    if (qid) {
      TRY(st, ng__doc_set_str(&n->doc->entities[e].qid, qid, strlen(qid)));
    }
  }
  *idx = e;
  return NG_OK;
}

static ng_status
entry_entity(struct ner *n, size_t entry, size_t *idx)
{
  ng_status st;
  const struct ng_gaz_entry *g = ng__gazetteer_entry(n->gaz, entry);
  if (!g) {
    return NG_ERR_INTERNAL;
  }
  TRY(st, get_entity(n, g->type, g->label, g->qid, idx));
  if (*idx >= n->cap_ent_entry) {
    size_t ncap = (*idx + 1) * 2;
    size_t *p = realloc(n->ent_entry, ncap * sizeof *p);
    if (!p) {
      return NG_ERR_NOMEM;
    }
    for (size_t k = n->cap_ent_entry; k < ncap; k++) {
      p[k] = NG_NONE;
    }
    n->ent_entry = p;
    n->cap_ent_entry = ncap;
  }
  n->ent_entry[*idx] = entry;
  return NG_OK;
}

/* The gazetteer entry behind doc entity @p ent, or NG_NONE. */
static size_t
entry_of(const struct ner *n, size_t ent)
{
  return ent < n->cap_ent_entry ? n->ent_entry[ent] : NG_NONE;
}

/* How strongly the text supports entry @p g: mentions of its country's
 * name or demonym, and the publisher's home country. */
static size_t
support(const struct ner *n, size_t g)
{
  size_t c = ng__gazetteer_country_of(n->gaz, g);
  const struct ng_gaz_entry *ce = ng__gazetteer_entry(n->gaz, c);
  if (!ce) {
    return 0;
  }
  size_t score = c == n->home ? 2 : 0;
  if (c != g) {
    for (size_t k = 0; n->memo && k < n->memo->n; k++) {
      if (n->memo->c[k] == c) {
        return score + n->memo->count[k];
      }
    }
    const char *h = n->text;
    size_t l = strlen(ce->label), hits = 0;
    while ((h = strstr(h, ce->label)) != NULL) {
      hits++;
      h += l;
    }
    if (n->memo && n->memo->n < LABEL_MEMO) {
      n->memo->c[n->memo->n] = c;
      n->memo->count[n->memo->n++] = hits;
    }
    score += hits;
  }
  return score;
}

/* True if the sentence of token @p i, outside the bytes [@p b, @p e),
 * names country entry @p c: the country by another name ("U.S."), its
 * demonym, or a city located in it. */
static bool
sentence_names_country(const struct ner *n, size_t i, size_t b, size_t e,
                       size_t c)
{
  size_t s = n->sent_of[i];
  for (size_t j = n->sent_first[s]; j < n->sent_first[s + 1]; j++) {
    if (!is_cap(n, j) || (n->tok[j].begin >= b && n->tok[j].begin < e)) {
      continue;
    }
    struct ng_gaz_match m[MAX_MATCHES];
    size_t k = tok_matches(n, j, m);
    for (size_t x = 0; x < k; x++) {
      const struct ng_lex_item *o = m[x].item;
      if (o->entry == NG_NONE ||
          ng__gazetteer_country_of(n->gaz, o->entry) != c) {
        continue;
      }
      const struct ng_gaz_entry *g = ng__gazetteer_entry(n->gaz, o->entry);
      if (o->kind == NG_LEX_DEMONYM ||
          (o->kind == NG_LEX_ENTRY &&
           (o->entry == c || g->type == NG_ETYPE_CITY))) {
        return true;
      }
    }
  }
  return false;
}

/* A name that is both country @p country and a subdivision @p sub of
 * another country (Georgia): the subdivision only when its sentence says
 * "state of X" (ngl:AdminDivisionWord) or names the subdivision's country
 * (a city in it, "U.S.") and not the other country (a city in it, its
 * demonym); otherwise the country. Source: FAULT-CASES.md N07 (GDELT's
 * Georgia/Paris disambiguation notes). */
static size_t
country_or_subdivision(const struct ner *n, size_t i,
                       const struct ng_lex_item *it, size_t country,
                       size_t sub)
{
  size_t b = n->tok[i].begin, e = b + it->len;
  if (sentence_names_country(n, i, b, e, country)) {
    return country;
  }
  if (i >= 2 && tok_eq(n, i - 1, "of") && same_sentence(n, i - 2, i) &&
      word_is(n, i - 2, NG_LEX_ADMIN_UNIT)) {
    return sub;
  }
  size_t sc = ng__gazetteer_country_of(n->gaz, sub);
  if (sc != NG_NONE && sentence_names_country(n, i, b, e, sc)) {
    return sub;
  }
  return country;
}

/* Among the entries that share the surface of match @p it at token @p i
 * (George Town, Malaysia and Cayman Islands), the one the text supports
 * most; ties keep the first. A country against a subdivision of another
 * country is decided by country_or_subdivision. */
static size_t
choose_entry(const struct ner *n, size_t i, const struct ng_lex_item *it)
{
  struct ng_gaz_match m[MAX_MATCHES];
  size_t k = tok_matches(n, i, m);
  size_t best = it->entry, best_score = support(n, it->entry);
  const struct ng_gaz_entry *ie = ng__gazetteer_entry(n->gaz, it->entry);
  for (size_t x = 0; x < k; x++) {
    const struct ng_lex_item *o = m[x].item;
    if (o == it || o->kind != it->kind || o->len != it->len ||
        o->entry == it->entry || o->entry == NG_NONE) {
      continue;
    }
    const struct ng_gaz_entry *oe = ng__gazetteer_entry(n->gaz, o->entry);
    if (it->kind == NG_LEX_ENTRY && ie && oe) {
      if (ie->type == NG_ETYPE_COUNTRY && oe->type == NG_ETYPE_PLACE &&
          ng__gazetteer_country_of(n->gaz, o->entry) != it->entry) {
        return country_or_subdivision(n, i, it, it->entry, o->entry);
      }
      if (oe->type == NG_ETYPE_COUNTRY && ie->type == NG_ETYPE_PLACE &&
          ng__gazetteer_country_of(n->gaz, it->entry) != o->entry) {
        return country_or_subdivision(n, i, it, o->entry, it->entry);
      }
    }
    size_t sc = support(n, o->entry);
    if (sc > best_score) {
      best = o->entry;
      best_score = sc;
    }
  }
  return best;
}

/* True if @p label occurs in the text as a name of its own, not as the
 * tail of a longer capitalised name ("Republic of the Congo" inside
 * "Democratic Republic of the Congo"). */
static bool
label_in_text(const struct ner *n, const char *label)
{
  size_t l = strlen(label);
  const char *h = n->text;
  while (l > 0 && (h = memmem(h, n->len - (size_t)(h - n->text), label, l))) {
    size_t p = (size_t)(h - n->text);
    h++;
    if (!ng__gazetteer_is_boundary(n->text, n->len, p) ||
        !ng__gazetteer_is_boundary(n->text, n->len, p + l)) {
      continue;
    }
    size_t w = p;
    while (w > 0 && n->text[w - 1] == ' ') {
      w--;
    }
    size_t ws = w;
    while (ws > 0 && n->text[ws - 1] != ' ' && n->text[ws - 1] != '\n') {
      ws--;
    }
    if (w < p && ws < w && n->text[ws] >= 'A' && n->text[ws] <= 'Z') {
      continue; /* "Democratic Republic of ..." */
    }
    return true;
  }
  return false;
}

/* A country alias that is a word of another country's full name which
 * the text uses: "Congo" in a story about the "Democratic Republic of the
 * Congo" is that country, not the Republic of the Congo. */
static size_t
fuller_country(const struct ner *n, size_t entry, size_t b, size_t e)
{
  const struct ng_gaz_entry *g = ng__gazetteer_entry(n->gaz, entry);
  if (!g || g->type != NG_ETYPE_COUNTRY || label_in_text(n, g->label)) {
    return entry;
  }
  const char *sf = n->text + n->tok[b].begin;
  size_t sl = n->tok[e - 1].end - n->tok[b].begin;
  for (size_t x = 0;; x++) {
    const struct ng_gaz_entry *o = ng__gazetteer_entry(n->gaz, x);
    if (!o) {
      break;
    }
    if (x == entry || o->type != NG_ETYPE_COUNTRY) {
      continue;
    }
    size_t ol = strlen(o->label);
    const char *hit = ol > sl ? memmem(o->label, ol, sf, sl) : NULL;
    if (hit && (hit == o->label || hit[-1] == ' ') &&
        (hit + sl == o->label + ol || hit[sl] == ' ') &&
        label_in_text(n, o->label)) {
      return x;
    }
  }
  return entry;
}

/* Adds a mention over tokens [b, e) and marks them used; NAME and
 * PARTIAL surfaces become alt labels. */
static ng_status
add_mention(struct ner *n, size_t b, size_t e, size_t ent,
            enum ng_mention_kind kind)
{
  ng_status st;
  size_t mi = n->doc->n_mentions;
  TRY(st, ng__doc_add_mention(n->doc, n->tok[b].begin, n->tok[e - 1].end,
                              ent, kind));
  if (kind == NG_MENTION_NAME || kind == NG_MENTION_PARTIAL) {
    char *s = NULL;
    TRY(st, span_text(n, b, e, &s));
    st = ng__doc_add_alt_label(n->doc, ent, s, strlen(s));
    free(s);
    TRY(st, st);
  }
  for (size_t i = b; i < e; i++) {
    n->used[i] = 1;
  }
  n->ment_begin[b] = mi;
  n->ment_end[e - 1] = mi;
  return NG_OK;
}

static ng_status
add_alias(struct ner *n, size_t b, size_t e, size_t ent)
{
  ng_status st;
  if (n->n_aliases == n->cap_aliases) {
    size_t ncap = n->cap_aliases ? n->cap_aliases * 2 : 16;
    struct alias *p = realloc(n->aliases, ncap * sizeof *p);
    if (!p) {
      return NG_ERR_NOMEM;
    }
    n->aliases = p;
    n->cap_aliases = ncap;
  }
  char *s = NULL;
  TRY(st, span_text(n, b, e, &s));
  n->aliases[n->n_aliases].s = s;
  n->aliases[n->n_aliases].len = strlen(s);
  n->aliases[n->n_aliases].ent = ent;
  n->n_aliases++;
  return NG_OK;
}

/* ---- pass 0: dateline and agency credits ---- */

/* Title-cases an ALL-CAPS ASCII span: "KOTA KINABALU" -> "Kota Kinabalu". */
static void
title_case(char *s)
{
  bool start = true;
  for (; *s; s++) {
    char c = *s;
    if (c >= 'A' && c <= 'Z' && !start) {
      *s = (char)(c - 'A' + 'a');
    }
    start = !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              (unsigned char)c >= 0x80);
  }
}

/* "(Agency)" at token @p i: the agency entity, mention added. */
static ng_status
agency_in_parens(struct ner *n, size_t i, size_t *out)
{
  ng_status st;
  *out = NG_NONE;
  if (!tok_eq(n, i, "(") || !is_cap(n, i + 1)) {
    return NG_OK;
  }
  size_t j = i + 1;
  while (j < n->n_tok && j < i + 5 && same_sentence(n, i, j) &&
         !tok_eq(n, j, ")")) {
    j++;
  }
  if (!tok_eq(n, j, ")")) {
    return NG_OK;
  }
  size_t e;
  const struct ng_lex_item *it = entry_at(n, i + 1, &e);
  size_t ent;
  if (it && it->kind == NG_LEX_ENTRY && e == j &&
      it->type == NG_ETYPE_NEWS_AGENCY) {
    TRY(st, entry_entity(n, it->entry, &ent));
  } else if (!it || (e < j && j - (i + 1) >= 2)) {
    /* unknown, or longer than the known name it starts with ("(Asia
     * Markets Journal)" is no mention of Asia) */
    char *label = NULL;
    TRY(st, span_text(n, i + 1, j, &label));
    st = get_entity(n, NG_ETYPE_NEWS_AGENCY, label, NULL, &ent);
    free(label);
    TRY(st, st);
  } else {
    return NG_OK;
  }
  TRY(st, add_mention(n, i + 1, j, ent, NG_MENTION_NAME));
  *out = ent;
  return NG_OK;
}

static bool
is_dash(const struct ner *n, size_t i)
{
  return tok_eq(n, i, "-") || tok_eq(n, i, "\xE2\x80\x94") ||
         tok_eq(n, i, "\xE2\x80\x93");
}

/* A dateline at token @p b, the first word of a paragraph: the place
 * tokens [b, *pe) and the token after them, or false. Forms (Reuters,
 * AP, AFP and national agencies): "KUALA LUMPUR, May 15 (Bernama) --",
 * "AMMAN, Jordan (AP) --", "N'DJAMENA, July 5", "NEW DELHI (PTI):" and
 * the mixed-case "Tbilisi (AFP) -". */
static bool
dateline_at(const struct ner *n, size_t b, size_t *pe)
{
  size_t s = n->sent_of[b];
  size_t j = b;
  while (j < n->n_tok && n->sent_of[j] == s && j - b < 8 &&
         ((is_word(n, j) && (n->tok[j].flags & NG_TOK_UPPER)) ||
          (is_word(n, j) && (n->tok[j].flags & NG_TOK_CAP) &&
           tok_len(n, j) == 1 && is_apostrophe(n, j + 1) &&
           !(n->tok[j + 1].flags & NG_TOK_SPACE)) ||
          (j > b && (tok_eq(n, j, ".") || tok_eq(n, j, "-") ||
                     is_apostrophe(n, j)) &&
           !(n->tok[j].flags & NG_TOK_SPACE)))) {
    j++;
  }
  bool caps = j > b && j - b <= 6;
  if (!caps) {
    /* mixed case only before an agency credit: "Tbilisi (AFP) -" */
    j = b;
    while (j < n->n_tok && n->sent_of[j] == s && j - b < 4 &&
           is_name_word(n, j)) {
      j++;
    }
    if (j > b && tok_eq(n, j, ",") && is_word(n, j + 1) &&
        stop_word(n, j + 1) && is_number(n, j + 2) &&
        same_sentence(n, j, j + 2)) {
      /* "Ha Noi, September 8 (VNA) -", "Hanoi, Sept 8 -" */
      size_t k = j + 3;
      if (tok_eq(n, k, ",") && is_number(n, k + 1)) {
        k += 2; /* ", 2025" */
      }
      if (tok_eq(n, k, "(")) {
        size_t c = k + 1;
        while (c < n->n_tok && c < k + 6 && n->sent_of[c] == s &&
               !tok_eq(n, c, ")")) {
          c++;
        }
        k = tok_eq(n, c, ")") ? c + 1 : NG_NONE;
      }
      if (k != NG_NONE && (is_dash(n, k) || tok_eq(n, k, ":"))) {
        *pe = j;
        return true;
      }
      return false;
    }
    if (j == b || !tok_eq(n, j, "(")) {
      return false;
    }
    size_t k = j + 1;
    while (k < n->n_tok && k < j + 6 && n->sent_of[k] == s &&
           !tok_eq(n, k, ")")) {
      k++;
    }
    if (!tok_eq(n, k, ")") || !(is_dash(n, k + 1) || tok_eq(n, k + 1, ":"))) {
      return false;
    }
    *pe = j;
    return true;
  }
  if (tok_eq(n, j, "(")) {
    *pe = j; /* "NEW DELHI (PTI):" */
    return true;
  }
  if (!tok_eq(n, j, ",") || !same_sentence(n, j, j + 1)) {
    return false;
  }
  if (is_word(n, j + 1) && (stop_word(n, j + 1) ||
                            (n->tok[j + 1].flags & NG_TOK_DIGIT))) {
    *pe = j; /* "KUALA LUMPUR, May 15" */
    return true;
  }
  /* "AMMAN, Jordan (AP)": the country or region of the place */
  size_t e;
  const struct ng_lex_item *it = entry_at(n, j + 1, &e);
  if (it && it->kind == NG_LEX_ENTRY &&
      (it->type == NG_ETYPE_COUNTRY || it->type == NG_ETYPE_PLACE) &&
      (tok_eq(n, e, "(") || tok_eq(n, e, ",") || is_dash(n, e))) {
    *pe = j;
    return true;
  }
  return false;
}

static ng_status
pass_dateline(struct ner *n)
{
  ng_status st;
  if (n->n_tok == 0) {
    return NG_OK;
  }
  /* the dateline opens the story: one of its first three sentences (an
   * ALL-CAPS kicker or a headline may come first) */
  size_t b = NG_NONE, j = 0;
  for (size_t sn = 0; sn < 3 && sn < n->doc->n_sentences; sn++) {
    size_t f = n->sent_first[sn];
    if (f < n->n_tok && n->sent_of[f] == sn && dateline_at(n, f, &j)) {
      b = f;
      break;
    }
  }
  if (b == NG_NONE) {
    return NG_OK;
  }
  size_t e, ent;
  const struct ng_lex_item *it = entry_at(n, b, &e);
  if (it && it->kind == NG_LEX_ENTRY && e == j &&
      (it->type == NG_ETYPE_CITY || it->type == NG_ETYPE_COUNTRY ||
       it->type == NG_ETYPE_PLACE)) {
    TRY(st, entry_entity(n, choose_entry(n, b, it), &ent));
  } else {
    char *label = NULL;
    TRY(st, span_text(n, b, j, &label));
    title_case(label);
    st = get_entity(n, NG_ETYPE_CITY, label, NULL, &ent);
    free(label);
    TRY(st, st);
  }
  TRY(st, add_mention(n, b, j, ent, NG_MENTION_NAME));
  n->doc->dateline = ent;
  /* "CEBU CITY, Philippines (PNA) -": the dateline place is in the
   * country named after it */
  size_t ce;
  const struct ng_lex_item *ci =
      tok_eq(n, j, ",") ? entry_at(n, j + 1, &ce) : NULL;
  if (ci && ci->kind == NG_LEX_ENTRY && ci->type == NG_ETYPE_COUNTRY &&
      same_sentence(n, b, ce - 1) &&
      n->doc->entities[ent].type != NG_ETYPE_COUNTRY) {
    size_t cent;
    TRY(st, entry_entity(n, choose_entry(n, j + 1, ci), &cent));
    TRY(st, add_mention(n, j + 1, ce, cent, NG_MENTION_NAME));
    struct ng_fact f = {NG_REL_LOCATED_IN, ent, cent, n->sent_of[b], 0.8,
                        NG_MOD_ASSERTED};
    TRY(st, ng__doc_add_fact(n->doc, &f));
  }
  /* "KUALA LUMPUR, Oct 26 (Bernama) --" */
  for (size_t k = j; k < j + 8 && k < n->n_tok && same_sentence(n, b, k);
       k++) {
    if (tok_eq(n, k, "(")) {
      size_t ag;
      TRY(st, agency_in_parens(n, k, &ag));
      if (ag != NG_NONE) {
        n->agency = ag;
      }
      break;
    }
  }
  return NG_OK;
}

/* "— Bernama" at the very end of the text. */
static ng_status
pass_trailer(struct ner *n)
{
  ng_status st;
  if (n->n_tok < 2) {
    return NG_OK;
  }
  size_t last = n->n_tok - 1;
  size_t b = last;
  while (b > 0 && is_cap(n, b) && last - b < 3) {
    b--;
  }
  if (b == last || !is_dash(n, b)) {
    return NG_OK;
  }
  size_t first = b + 1;
  while (b > 0 && is_dash(n, b - 1)) {
    b--; /* "--" */
  }
  size_t e, ent;
  const struct ng_lex_item *it = entry_at(n, first, &e);
  if (it && it->kind == NG_LEX_ENTRY && e == last + 1 &&
      it->type == NG_ETYPE_NEWS_AGENCY) {
    TRY(st, entry_entity(n, it->entry, &ent));
  } else if (!it && last - first < 2) {
    char *label = NULL;
    TRY(st, span_text(n, first, last + 1, &label));
    st = get_entity(n, NG_ETYPE_NEWS_AGENCY, label, NULL, &ent);
    free(label);
    TRY(st, st);
  } else {
    return NG_OK;
  }
  if (!n->used[first]) {
    TRY(st, add_mention(n, first, last + 1, ent, NG_MENTION_NAME));
  }
  if (n->agency == NG_NONE) {
    n->agency = ent;
  }
  return NG_OK;
}

/* ---- pass 1: organisation names ---- */

/* Type given by a name suffix/prefix word anywhere in [b, e), or false. */
static bool
org_type_of_span(const struct ner *n, size_t b, size_t e, enum ng_etype *type)
{
  for (size_t i = e; i-- > b;) {
    size_t x;
    const struct ng_lex_item *it = lex_at(n, i, NG_LEX_SUFFIX, &x);
    if (!it) {
      it = lex_at(n, i, NG_LEX_PREFIX, &x);
    }
    if (it && x <= e && it->type != NG_ETYPE_PLACE) {
      *type = it->type;
      return true;
    }
  }
  return false;
}

/* Schwartz & Hearst (2003): does @p sf abbreviate the text [lb, le)? */
static bool
abbreviates(const char *sf, size_t sl, const char *lf, size_t ll)
{
  if (sl < 2) {
    return false;
  }
  size_t s = sl, l = ll;
  while (s > 0) {
    char c = sf[s - 1];
    if (c >= 'A' && c <= 'Z') {
      c = (char)(c - 'A' + 'a');
    }
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      s--;
      continue;
    }
    for (;;) {
      if (l == 0) {
        return false;
      }
      char d = lf[l - 1];
      if (d >= 'A' && d <= 'Z') {
        d = (char)(d - 'A' + 'a');
      }
      bool word_start = l == 1 || lf[l - 2] == ' ' || lf[l - 2] == '-';
      l--;
      if (d == c && (s > 1 || word_start)) {
        break;
      }
    }
    s--;
  }
  return true;
}

/* "Long Name (LN)": defines LN as an alias of the long name. */
static ng_status
pass_definitions(struct ner *n)
{
  ng_status st;
  for (size_t i = 1; i + 2 < n->n_tok; i++) {
    if (!tok_eq(n, i, "(") || !tok_eq(n, i + 2, ")") ||
        !same_sentence(n, i - 1, i + 2) || !is_word(n, i + 1) ||
        !(n->tok[i + 1].flags & (NG_TOK_UPPER | NG_TOK_CAP)) ||
        n->used[i + 1] || n->used[i - 1]) {
      continue;
    }
    size_t sf = i + 1;
    size_t e;
    const struct ng_lex_item *known = entry_at(n, sf, &e);
    if (known && e == sf + 1) {
      continue; /* "(ASEAN)": the gazetteer knows both forms */
    }
    /* the long form: capitalised words and connectors before "(" */
    size_t b = i;
    size_t n_words = 0;
    while (b > 0 && same_sentence(n, b - 1, i) && i - b < 12) {
      size_t p = b - 1;
      if (is_cap(n, p)) {
        n_words++;
      } else if (!(tok_eq(n, p, "of") || tok_eq(n, p, "and") ||
                   tok_eq(n, p, "for") || tok_eq(n, p, "the") ||
                   tok_eq(n, p, "&") || tok_eq(n, p, "-"))) {
        break;
      }
      b = p;
    }
    while (b < i && (!is_cap(n, b) || stop_word(n, b))) {
      b++;
    }
    if (b >= i || n_words < 2) {
      continue;
    }
    const char *sfs = n->text + n->tok[sf].begin;
    size_t sfl = tok_len(n, sf);
    /* shortest suffix of the window the short form abbreviates */
    size_t lb = NG_NONE;
    for (size_t c = i - 1; c + 1 > b; c--) {
      if (!is_cap(n, c)) {
        continue;
      }
      if (abbreviates(sfs, sfl, n->text + n->tok[c].begin,
                      n->tok[i - 1].end - n->tok[c].begin)) {
        lb = c;
        break;
      }
      if (c == 0) {
        break;
      }
    }
    if (lb == NG_NONE || i - lb < 2) {
      continue;
    }
    size_t ent;
    const struct ng_lex_item *lk = entry_at(n, lb, &e);
    if (lk && lk->kind == NG_LEX_ENTRY && e == i) {
      TRY(st, entry_entity(n, lk->entry, &ent));
    } else {
      enum ng_etype type;
      if (!org_type_of_span(n, lb, i, &type)) {
        continue;
      }
      char *label = NULL;
      TRY(st, span_text(n, sf, sf + 1, &label));
      st = get_entity(n, type, label, NULL, &ent);
      free(label);
      TRY(st, st);
    }
    for (size_t k = lb; k < i; k++) {
      if (n->used[k]) {
        goto next;
      }
    }
    TRY(st, add_mention(n, lb, i, ent, NG_MENTION_NAME));
    TRY(st, add_mention(n, sf, sf + 1, ent, NG_MENTION_NAME));
    TRY(st, add_alias(n, lb, i, ent));
    TRY(st, add_alias(n, sf, sf + 1, ent));
  next:;
  }
  return NG_OK;
}

/* A connector inside organisation names, followed by a capitalised word. */
static bool
org_connector(const struct ner *n, size_t i)
{
  if (!(tok_eq(n, i, "of") || tok_eq(n, i, "and") || tok_eq(n, i, "for") ||
        tok_eq(n, i, "&") || tok_eq(n, i, "the") || tok_eq(n, i, "on"))) {
    return false;
  }
  size_t j = i + 1;
  if (tok_eq(n, j, "the")) {
    j++;
  }
  return is_cap(n, j) && same_sentence(n, i, j);
}

/* True if tokens [b, e) are exactly a name the article defined. */
static bool
is_alias_span(const struct ner *n, size_t b, size_t e)
{
  size_t l = n->tok[e - 1].end - n->tok[b].begin;
  for (size_t a = 0; a < n->n_aliases; a++) {
    if (n->aliases[a].len == l &&
        memcmp(n->aliases[a].s, n->text + n->tok[b].begin, l) == 0) {
      return true;
    }
  }
  return false;
}

/* The entity an earlier name defined as the exact text of tokens [b, e)
 * ("Inpex Corporation" defines "Inpex"), or NG_NONE. */
static size_t
alias_entity(const struct ner *n, size_t b, size_t e)
{
  size_t l = n->tok[e - 1].end - n->tok[b].begin;
  for (size_t a = 0; a < n->n_aliases; a++) {
    if (n->aliases[a].len == l &&
        memcmp(n->aliases[a].s, n->text + n->tok[b].begin, l) == 0) {
      return n->aliases[a].ent;
    }
  }
  return NG_NONE;
}

/* A portfolio word at @p i followed by a ministerial title ("Energy
 * Minister"). */
static bool
portfolio_title_at(const struct ner *n, size_t i)
{
  size_t e = i + 1, te;
  if (!word_is(n, i, NG_LEX_PORTFOLIO)) {
    return false;
  }
  while (word_is(n, e, NG_LEX_PORTFOLIO) && e < i + 4) {
    e++;
  }
  const struct ng_lex_item *t = lex_at(n, e, NG_LEX_TITLE, &te);
  return t && t->portfolio;
}

/* A title of state or government office at @p i ("Minister", "Prime
 * Minister", "President"), optionally after portfolio words. */
static bool
starts_title(const struct ner *n, size_t i)
{
  size_t te;
  if (portfolio_title_at(n, i)) {
    return true;
  }
  const struct ng_lex_item *t = lex_at(n, i, NG_LEX_TITLE, &te);
  return t && (t->office == NG_OFFICE_HEAD_OF_STATE ||
               t->office == NG_OFFICE_HEAD_OF_GOVERNMENT ||
               t->office == NG_OFFICE_MINISTER);
}

/* True when a gazetteer organisation's name (not a demonym) starts at
 * token @p i. */
static bool
org_entry_at(const struct ner *n, size_t i)
{
  size_t e;
  const struct ng_lex_item *it = entry_at(n, i, &e);
  if (!it || it->kind != NG_LEX_ENTRY) {
    return false;
  }
  const struct ng_gaz_entry *g = ng__gazetteer_entry(n->gaz, it->entry);
  return g && (g->type == NG_ETYPE_ORGANIZATION ||
               g->type == NG_ETYPE_INTL_ORG || g->type == NG_ETYPE_GOV_BODY ||
               g->type == NG_ETYPE_COMPANY);
}

/* Is [b, e) ("Quezon City", ending in the City name suffix) a city
 * name by itself? Not when a connector joins its words ("Fans of Cloud
 * City"), nor when it continues a capitalised run of unknown words joined
 * by "and" ("Miami Herald and Kansas City Star": one longer name list).
 * A known place before "and" ("Manila and Quezon City") is fine. */
static bool
city_suffix_ok(const struct ner *n, size_t b, size_t e)
{
  for (size_t k = b; k < e; k++) {
    if (!is_cap(n, k)) {
      return false;
    }
  }
  if (b < 2 || !(tok_eq(n, b - 1, "and") || tok_eq(n, b - 1, "&")) ||
      !same_sentence(n, b - 2, b) || !is_cap(n, b - 2)) {
    return true;
  }
  size_t s = b - 2;
  while (s > 0 && b - 2 - s < 4 && same_sentence(n, s - 1, b) &&
         is_cap(n, s - 1)) {
    s--;
  }
  for (size_t k = s; k <= b - 2; k++) {
    size_t ge;
    const struct ng_lex_item *it = entry_at(n, k, &ge);
    if (it && ge == b - 1) {
      const struct ng_gaz_entry *g =
          it->kind == NG_LEX_ENTRY ? ng__gazetteer_entry(n->gaz, it->entry)
                                   : NULL;
      return g && (g->type == NG_ETYPE_CITY || g->type == NG_ETYPE_PLACE ||
                   g->type == NG_ETYPE_COUNTRY);
    }
  }
  return false;
}

/* A capitalised title of an organisation's leader at @p i followed by a
 * capitalised word ("Chairperson Sipho Dlamini"): the organisation's name
 * before it ends at @p i, whatever word ends the run later. */
static bool
leader_title_before_name(const struct ner *n, size_t i)
{
  size_t te;
  if (!is_cap(n, i)) {
    return false;
  }
  const struct ng_lex_item *t = lex_at(n, i, NG_LEX_TITLE, &te);
  return t && t->org_office == NG_OFFICE_LEADER && te < n->n_tok &&
         same_sentence(n, i, te) && is_cap(n, te);
}

/* The canonical label of a government body named "X Ministry" over
 * tokens [b, e): when the last word is an ngl:MinistryWord ("Ministry",
 * "Department"; never "Office" nor "Council": "Home Office", "Security
 * Council" are names) and the words before it are all portfolio words,
 * "Ministry of X"
 * ("External Affairs Ministry" → "Ministry of External Affairs"; a lone
 * ngl:AffairsPortfolio word takes "Affairs": "Foreign Ministry" →
 * "Ministry of Foreign Affairs"), so both forms are one entity. Sets *out
 * to NULL when the rule does not apply. */
static ng_status
ministry_label(const struct ner *n, size_t b, size_t e, char **out)
{
  *out = NULL;
  if (e < b + 2) {
    return NG_OK;
  }
  const char *sw = n->text + n->tok[e - 1].begin;
  size_t sl = tok_len(n, e - 1);
  if (!ng__gazetteer_find_word(n->gaz, NG_LEX_MINISTRY_WORD, sw, sl)) {
    return NG_OK;
  }
  for (size_t k = b; k < e - 1; k++) {
    if (!word_is(n, k, NG_LEX_PORTFOLIO) &&
        !((tok_eq(n, k, "and") || tok_eq(n, k, ",") || tok_eq(n, k, "&")) &&
          k > b)) {
      return NG_OK;
    }
  }
  size_t pl = n->tok[e - 2].end - n->tok[b].begin;
  bool affairs = e == b + 2 && word_is(n, b, NG_LEX_AFFAIRS);
  struct ng_buf buf;
  ng_status st;
  ng__buf_init(&buf, 256);
  TRY(st, ng__buf_add(&buf, sw, sl));
  TRY(st, ng__buf_adds(&buf, " of "));
  TRY(st, ng__buf_add(&buf, n->text + n->tok[b].begin, pl));
  if (affairs) {
    TRY(st, ng__buf_adds(&buf, " Affairs"));
  }
  *out = ng__buf_take(&buf);
  return *out ? NG_OK : NG_ERR_NOMEM;
}

/* "Ministry of X" / "X Corporation": organisation names typed by a
 * prefix or suffix word (ngl:NamePrefix, ngl:NameSuffix). */
static ng_status
pass_typed_names(struct ner *n)
{
  ng_status st;
  for (size_t i = 0; i < n->n_tok; i++) {
    if (n->used[i] || !is_cap(n, i)) {
      continue;
    }
    size_t x, e;
    const struct ng_lex_item *gz = entry_at(n, i, &e);
    size_t gz_end = gz ? e : i;
    bool gz_free = gz != NULL;
    for (size_t k = i; gz && k < gz_end; k++) {
      gz_free = gz_free && !n->used[k];
    }
    /* prefix: Ministry of Foreign Affairs */
    const struct ng_lex_item *pre = lex_at(n, i, NG_LEX_PREFIX, &x);
    if (pre && (tok_eq(n, x, "of") || tok_eq(n, x, "for")) &&
        is_cap(n, x + 1) && same_sentence(n, i, x + 1)) {
      size_t j = x + 1;
      while (j < n->n_tok && same_sentence(n, i, j)) {
        if (is_cap(n, j) && !n->used[j]) {
          j++;
        } else if (org_connector(n, j) && !tok_eq(n, j, "on")) {
          j++;
        } else if (tok_eq(n, j, ",") && is_cap(n, j + 1)) {
          /* "Investment, Trade and Industry": a list ending in "and" */
          size_t k = j + 1;
          while (is_cap(n, k) || tok_eq(n, k, ",")) {
            k++;
          }
          if (!tok_eq(n, k, "and")) {
            break;
          }
          j++;
        } else {
          break;
        }
      }
      if (gz && gz_end >= j) {
        continue; /* the gazetteer knows the whole name */
      }
      bool free_span = true;
      for (size_t k = i; k < j; k++) {
        free_span = free_span && !n->used[k];
      }
      if (free_span) {
        char *label = NULL;
        size_t ent;
        TRY(st, span_text(n, i, j, &label));
        st = get_entity(n, pre->type, label, NULL, &ent);
        free(label);
        TRY(st, st);
        TRY(st, add_mention(n, i, j, ent, NG_MENTION_NAME));
        TRY(st, add_alias(n, i, j, ent));
        i = j - 1;
        continue;
      }
    }
    /* suffix: the name runs from i to a suffix word */
    size_t j = i;
    size_t suf_end = NG_NONE;
    enum ng_etype type = NG_ETYPE_ORGANIZATION;
    while (j < n->n_tok && same_sentence(n, i, j) && j - i < 10) {
      if (j > i && starts_title(n, j)) {
        break; /* "Danish Climate Minister X and Swedish Energy Minister" */
      }
      if (j > i && leader_title_before_name(n, j)) {
        break; /* "African Union Commission Chairperson X and World Bank" */
      }
      if (!is_cap(n, j) || n->used[j] || is_possessive_s(n, j + 2)) {
        const struct ng_lex_item *sx =
            is_cap(n, j) && !n->used[j] ? lex_at(n, j, NG_LEX_SUFFIX, &x)
                                        : NULL;
        if (sx && j > i) {
          suf_end = x;
          type = sx->type;
        }
        break;
      }
      const struct ng_lex_item *sx = lex_at(n, j, NG_LEX_SUFFIX, &x);
      if (sx && j > i && portfolio_title_at(n, j)) {
        break; /* "Qatari Energy Minister": a portfolio, not a company */
      }
      if (sx && j > i) {
        suf_end = x;
        type = sx->type;
        size_t x2;
        const struct ng_lex_item *sx2 =
            tok_eq(n, x, ",") ? lex_at(n, x + 1, NG_LEX_SUFFIX, &x2) : NULL;
        if (sx2 && sx2->type == NG_ETYPE_COMPANY && type == NG_ETYPE_COMPANY &&
            same_sentence(n, x, x2 - 1)) {
          suf_end = x2; /* "Hanseong Electronics Co., Ltd." */
          break;
        }
        if (tok_eq(n, x, "and") || tok_eq(n, x, ",")) {
          break; /* "Intel Corporation and Micron Technology Inc" */
        }
      }
      if (org_connector(n, j + 1) && !tok_eq(n, j + 1, "the") &&
          !tok_eq(n, j + 1, "on")) {
        if ((tok_eq(n, j + 1, "and") || tok_eq(n, j + 1, "&")) &&
            is_alias_span(n, i, j + 1)) {
          break; /* "NMC and Norvale Mining Corporation": two names */
        }
        if ((tok_eq(n, j + 1, "and") || tok_eq(n, j + 1, "&")) &&
            org_entry_at(n, j + 2)) {
          break; /* "Sipho Dlamini and World Bank": a known name follows */
        }
        j += 2;
      } else if (tok_eq(n, j + 1, "-") && is_cap(n, j + 2) &&
                 !(n->tok[j + 1].flags & NG_TOK_SPACE) &&
                 !(n->tok[j + 2].flags & NG_TOK_SPACE)) {
        j += 2; /* "Inter-American" */
      } else {
        j++;
      }
    }
    if (suf_end != NG_NONE && suf_end < n->n_tok &&
        (type == NG_ETYPE_GOV_BODY || type == NG_ETYPE_ORGANIZATION) &&
        (tok_eq(n, suf_end, "for") || tok_eq(n, suf_end, "of")) &&
        is_cap(n, suf_end + 1) && same_sentence(n, i, suf_end + 1) &&
        !entry_at(n, suf_end + 1, &x)) {
      /* "National Centre for Statistics and Information" */
      size_t k = suf_end + 1;
      while (k < n->n_tok && same_sentence(n, i, k) && k - suf_end < 8) {
        if (is_cap(n, k) && !n->used[k] && !entry_at(n, k, &x)) {
          k++;
        } else if (org_connector(n, k) && !tok_eq(n, k, "the") &&
                   !tok_eq(n, k, "on") && !tok_eq(n, k, "of") &&
                   !entry_at(n, k + 1, &x)) {
          k++;
        } else {
          break;
        }
      }
      suf_end = k;
    }
    if (suf_end == NG_NONE || suf_end > n->n_tok) {
      if (gz_free && gz->kind == NG_LEX_ENTRY) {
        i = gz_end - 1; /* never re-type the tail of a known name */
      }
      continue;
    }
    if (suf_end > i + 2 && tok_eq(n, suf_end - 1, ".") &&
        (suf_end >= n->n_tok || !same_sentence(n, suf_end - 1, suf_end))) {
      suf_end--; /* "... with Teluk Port Bhd." ends the sentence */
    }
    if (gz_free && gz_end >= suf_end) {
      i = gz_end - 1; /* the gazetteer knows the name: "Petroliam Nasional
                       * Berhad" is not "Nasional Berhad" */
      continue;
    }
    /* drop a leading stopword ("Tonight Norvale Energy") and a leading
     * title ("CEO of Norvale Energy") */
    size_t b = i;
    for (;;) {
      size_t te;
      if (b < suf_end && is_cap(n, b) && b + 1 < suf_end &&
          stop_word(n, b) &&
          (word_is(n, b, NG_LEX_PORTFOLIO) ||
           word_is(n, b, NG_LEX_TITLE_MOD)) &&
          is_cap(n, b + 1) && !starts_title(n, b + 1) &&
          !has_lex(n, b + 1, NG_LEX_TITLE)) {
        break; /* "Federal Cartel Office", "National Centre for ..." */
      }
      if (b < suf_end && (!is_name_word(n, b) ||
                          stop_word(n, b))) {
        b++;
      } else if (b < suf_end && (lex_at(n, b, NG_LEX_TITLE, &te) ||
                                 lex_at(n, b, NG_LEX_HONORIFIC, &te) ||
                                 lex_at(n, b, NG_LEX_TITLE_MOD, &te))) {
        b = te;
        if (tok_eq(n, b, "of") || tok_eq(n, b, "for")) {
          b++;
        }
      } else {
        break;
      }
    }
    if (suf_end - b < 2 || (gz && gz_end >= suf_end && b == i)) {
      continue;
    }
    size_t gb_end;
    const struct ng_lex_item *gb = b > i ? entry_at(n, b, &gb_end) : NULL;
    if (gb && gb->kind == NG_LEX_ENTRY && gb_end >= suf_end) {
      i = gb_end - 1; /* "The International Monetary Fund warned": the
                       * gazetteer knows the name after the dropped word */
      continue;
    }
    if (type == NG_ETYPE_CITY && !city_suffix_ok(n, b, suf_end)) {
      continue;
    }
    /* words before the suffix must not all be portfolio or title words */
    bool content = false;
    for (size_t k = b; k < suf_end - 1; k++) {
      content = content || (is_cap(n, k) && !has_lex(n, k, NG_LEX_TITLE));
    }
    bool free_span = true;
    for (size_t k = b; k < suf_end; k++) {
      free_span = free_span && !n->used[k];
    }
    if (!content || !free_span) {
      continue;
    }
    size_t ent = alias_entity(n, b, suf_end);
    if (ent != NG_NONE) {
      /* "Teluk Ramunia Port Bhd" named before: "Teluk Ramunia Port" is
       * that company, not a port */
      TRY(st, add_mention(n, b, suf_end, ent, NG_MENTION_NAME));
      i = suf_end - 1;
      continue;
    }
    char *label = NULL;
    if (type == NG_ETYPE_GOV_BODY) {
      TRY(st, ministry_label(n, b, suf_end, &label));
    }
    if (!label) {
      TRY(st, span_text(n, b, suf_end, &label));
    }
    st = get_entity(n, type, label, NULL, &ent);
    free(label);
    TRY(st, st);
    TRY(st, add_mention(n, b, suf_end, ent, NG_MENTION_NAME));
    TRY(st, add_alias(n, b, suf_end, ent));
    /* "Inpex Corporation" is also "Inpex" */
    size_t sb = suf_end - 1; /* the suffix word, before any "." */
    while (sb > b && !is_word(n, sb)) {
      sb--;
    }
    if (type == NG_ETYPE_COMPANY && sb > b && is_cap(n, b)) {
      TRY(st, add_alias(n, b, sb, ent));
    }
    i = suf_end - 1;
  }
  return NG_OK;
}

/* ---- pass 1a: organisations named after a description ---- */

/* A lower-case description word of a company or organisation at @p i
 * ("firm", "refiner", "group"; ngl:Description), or NULL. */
static const struct ng_lex_item *
org_description_at(const struct ner *n, size_t i)
{
  size_t e;
  if (i >= n->n_tok || is_cap(n, i)) {
    return NULL;
  }
  const struct ng_lex_item *it = lex_at(n, i, NG_LEX_DESCRIPTION, &e);
  if (!it || e != i + 1 ||
      !(it->type == NG_ETYPE_COMPANY || it->type == NG_ETYPE_ORGANIZATION)) {
    return NULL;
  }
  return it;
}

/* "Chilean copper group Andes Cobre", "the refiner Huilerie Lefevre et
 * Fils", "a Turkish firm, Karadeniz Kablo Sanayi, has bid": a name right
 * after a company description is that company, even when a word of it is
 * a known place. A name the gazetteer knows whole, a title ("group
 * Chairman X") or a person's honorific is left to the later passes. */
static ng_status
pass_described_orgs(struct ner *n)
{
  ng_status st;
  for (size_t d = 0; d + 1 < n->n_tok; d++) {
    const struct ng_lex_item *desc = org_description_at(n, d);
    if (!desc) {
      continue;
    }
    size_t b = d + 1;
    bool appos = tok_eq(n, b, ",");
    if (appos) {
      b++;
    }
    if (b >= n->n_tok || !same_sentence(n, d, b) || !is_cap(n, b) ||
        is_sentence_initial(n, b) || starts_title(n, b) ||
        has_lex(n, b, NG_LEX_TITLE) || has_lex(n, b, NG_LEX_HONORIFIC) ||
        stop_word(n, b)) {
      continue;
    }
    size_t e = b;
    while (e < n->n_tok && same_sentence(n, b, e) && e - b < 6) {
      if (is_cap(n, e) && !n->used[e] && !stop_word(n, e) &&
          !starts_title(n, e) && !has_lex(n, e, NG_LEX_TITLE) &&
          !has_lex(n, e, NG_LEX_HONORIFIC) && !is_possessive_s(n, e + 1)) {
        e++;
      } else if (e > b && (tok_eq(n, e, "&") || tok_eq(n, e, "et")) &&
                 is_cap(n, e + 1)) {
        e++;
      } else {
        break;
      }
    }
    if (e == b || is_possessive_s(n, e) || is_possessive_s(n, e + 1)) {
      continue;
    }
    if (appos && !(tok_eq(n, e, ",") || tok_eq(n, e, "."))) {
      continue; /* the apposition must close */
    }
    size_t ge;
    const struct ng_lex_item *gz = entry_at(n, b, &ge);
    if (gz && ge >= e) {
      continue; /* "oil company Petronas": known whole */
    }
    if (e - b == 1 && !(n->tok[b].flags & NG_TOK_UPPER)) {
      continue; /* "the ethnic group Tamils": one word is too weak */
    }
    bool free_span = true;
    for (size_t k = b; k < e; k++) {
      free_span = free_span && !n->used[k];
    }
    if (!free_span) {
      continue;
    }
    size_t ent = alias_entity(n, b, e);
    if (ent == NG_NONE) {
      char *label = NULL;
      TRY(st, span_text(n, b, e, &label));
      st = get_entity(n, desc->type, label, NULL, &ent);
      free(label);
      TRY(st, st);
      TRY(st, add_alias(n, b, e, ent));
    }
    TRY(st, add_mention(n, b, e, ent, NG_MENTION_NAME));
    d = e - 1;
  }
  return NG_OK;
}

/* ---- pass 1b: administrative areas ---- */

/* First token of the space-delimited word that ends with token @p k
 * ("Ma'an" is three tokens). */
static size_t
glued_start(const struct ner *n, size_t k)
{
  while (k > 0 && !(n->tok[k].flags & NG_TOK_SPACE) &&
         same_sentence(n, k - 1, k)) {
    k--;
  }
  return k;
}

/* True if the tokens [b, e) may name an administrative area: unused
 * capitalised words, none a title, demonym, stopword or compass word
 * ("the Malaysian state", "the Northern region"). */
static bool
area_name_ok(const struct ner *n, size_t b, size_t e)
{
  for (size_t k = b; k < e; k++) {
    if (n->used[k]) {
      return false;
    }
    if (!is_word(n, k)) {
      if (!is_apostrophe(n, k) && !tok_eq(n, k, "-")) {
        return false; /* "OQ Group, Oman": a comma ends a name */
      }
      continue;
    }
    size_t x;
    const struct ng_lex_item *it = entry_at(n, k, &x);
    if ((it && it->kind == NG_LEX_DEMONYM) || has_lex(n, k, NG_LEX_TITLE) ||
        word_is(n, k, NG_LEX_PLACE_QUAL) ||
        ((n->tok[k].flags & NG_TOK_SPACE || k == b) &&
         !is_name_word(n, k))) {
      return false;
    }
  }
  return e > b;
}

/* "Quang Ninh province", "Sabah state", "the state of Penang", "Ma'an
 * governorate": the name before an administrative-area word
 * (ngl:AdminDivisionWord, lower case), or after "the W of", is an
 * ng:Place labelled without the word; the gazetteer's entry when it knows
 * the name. Later bare mentions of the name refer to it. */
static ng_status
pass_admin_places(struct ner *n)
{
  ng_status st;
  for (size_t i = 1; i < n->n_tok; i++) {
    if (n->used[i] || !(n->tok[i].flags & NG_TOK_LOWER) ||
        !word_is(n, i, NG_LEX_ADMIN_UNIT)) {
      continue;
    }
    size_t b = NG_NONE, e = NG_NONE;
    if (tok_eq(n, i + 1, "of") && is_cap(n, i + 2) &&
        same_sentence(n, i, i + 2)) {
      /* "the state of Penang" */
      b = i + 2;
      e = b;
      while (e < n->n_tok && same_sentence(n, b, e) && e - b < 6 &&
             (is_cap(n, e) ||
              (!(n->tok[e].flags & NG_TOK_SPACE) && e > b &&
               (is_apostrophe(n, e) || tok_eq(n, e, "-") ||
                (is_word(n, e) && is_apostrophe(n, e - 1)))))) {
        e++;
      }
    } else if (is_word(n, i - 1) && same_sentence(n, i - 1, i) &&
               !is_possessive_s(n, i - 1)) {
      /* "Quang Ninh province": up to three words before ("Oman's state
       * energy company" names no state) */
      e = i;
      b = glued_start(n, i - 1);
      if (!is_cap(n, b)) {
        continue;
      }
      for (int w = 0; w < 2 && b > 0 && same_sentence(n, b - 1, i) &&
                      is_cap(n, glued_start(n, b - 1)) &&
                      !n->used[b - 1];
           w++) {
        b = glued_start(n, b - 1);
      }
      while (b < e && !is_name_word(n, b)) {
        b = b + 1; /* "The", "In" at the start of a sentence */
      }
    }
    if (b == NG_NONE || !area_name_ok(n, b, e)) {
      continue;
    }
    if (e == b + 1 && (word_is(n, b, NG_LEX_SUFFIX) ||
                       word_is(n, b, NG_LEX_PREFIX) ||
                       word_is(n, b, NG_LEX_PORTFOLIO))) {
      continue; /* "the Gulf region": a common name word alone */
    }
    size_t ge, ent;
    const struct ng_lex_item *it = entry_at(n, b, &ge);
    if (it && it->kind == NG_LEX_ENTRY && ge == e) {
      TRY(st, entry_entity(n, choose_entry(n, b, it), &ent));
    } else if (it && ge > b) {
      continue; /* a known name inside: leave it to the gazetteer */
    } else {
      char *label = NULL;
      TRY(st, span_text(n, b, e, &label));
      st = get_entity(n, NG_ETYPE_PLACE, label, NULL, &ent);
      free(label);
      TRY(st, st);
      TRY(st, add_alias(n, b, e, ent));
    }
    TRY(st, add_mention(n, b, e, ent, NG_MENTION_NAME));
  }
  return NG_OK;
}

/* ---- pass 2: titles and honorifics before names ---- */

/* A lower-case particle joined by a hyphen to a capitalised word at
 * @p i: "al-Harthi", "el-Sisi" (a name on second reference). */
static bool
lower_particle_start(const struct ner *n, size_t i)
{
  return i + 2 < n->n_tok && word_is(n, i, NG_LEX_PARTICLE) &&
         (n->tok[i].flags & NG_TOK_LOWER) && tok_eq(n, i + 1, "-") &&
         !(n->tok[i + 1].flags & NG_TOK_SPACE) && is_cap(n, i + 2) &&
         !(n->tok[i + 2].flags & NG_TOK_SPACE) && same_sentence(n, i, i + 2);
}

/* Parses a person's name at @p i; returns the token after it (i if
 * none). The first word is taken even if the gazetteer knows it when
 * @p forced (it follows a title or honorific). */
static size_t
parse_name(const struct ner *n, size_t i, bool forced)
{
  size_t j = i, words = 0;
  if (lower_particle_start(n, i)) {
    j = i + 2; /* "al-Harthi said": the particle starts the name */
  }
  while (j < n->n_tok && same_sentence(n, i, j) && words < MAX_NAME_WORDS) {
    if (j > i && !(n->tok[j].flags & NG_TOK_SPACE) &&
        (tok_eq(n, j, "-") || is_apostrophe(n, j)) && is_word(n, j + 1) &&
        (is_cap(n, j + 1) || (is_apostrophe(n, j) && !tok_eq(n, j + 1, "s"))) &&
        !(n->tok[j + 1].flags & NG_TOK_SPACE)) {
      j += 2; /* Al-Rashid, O'Brien */
      continue;
    }
    if (words > 0 && tok_eq(n, j, "-") && !(n->tok[j].flags & NG_TOK_SPACE) &&
        is_word(n, j + 1) && (n->tok[j + 1].flags & NG_TOK_LOWER) &&
        !(n->tok[j + 1].flags & NG_TOK_SPACE) &&
        !word_is(n, j + 1, NG_LEX_COMPOUND_TAIL) &&
        !(j + 2 < n->n_tok && tok_eq(n, j + 2, "-") &&
          !(n->tok[j + 2].flags & NG_TOK_SPACE))) {
      j += 2; /* a hyphenated given name: "Park Ji-hoon", not "Paris-based" */
      continue;
    }
    if (j > i && word_is(n, j, NG_LEX_PARTICLE) &&
        (n->tok[j].flags & NG_TOK_LOWER)) {
      /* particles may come in a row: "Fernández de la Vega", "van der" */
      size_t k = j + 1;
      for (size_t p = 0; p < 2 && word_is(n, k, NG_LEX_PARTICLE) &&
                         (n->tok[k].flags & NG_TOK_LOWER) &&
                         same_sentence(n, j, k);
           p++) {
        k++;
      }
      if (tok_eq(n, k, "-") || tok_eq(n, k, "/") || tok_eq(n, k, ".")) {
        k++;
      }
      if (is_cap(n, k) && same_sentence(n, j, k)) {
        j = k;
        continue;
      }
      break;
    }
    if (!is_cap(n, j) || n->used[j]) {
      break;
    }
    if (words > 0 || !forced) {
      size_t e;
      const struct ng_lex_item *it = entry_at(n, j, &e);
      if (stop_word(n, j) || has_lex(n, j, NG_LEX_TITLE) ||
          (it && it->kind == NG_LEX_ENTRY && !it->fold) ||
          (it && it->kind == NG_LEX_DEMONYM)) {
        break;
      }
      if (it && it->kind == NG_LEX_ENTRY && it->type != NG_ETYPE_PERSON) {
        break;
      }
    } else if (stop_word(n, j) ||
               word_is(n, j, NG_LEX_PRONOUN)) {
      break;
    }
    if ((n->tok[j].flags & NG_TOK_UPPER) && tok_len(n, j) <= 3 && words == 0 &&
        !forced) {
      break; /* acronyms are no names */
    }
    j++;
    words++;
  }
  return words ? j : i;
}

/* Honorifics at @p i (repeated, longest first); returns the token after. */
static size_t
parse_honorifics(const struct ner *n, size_t i, int *gender)
{
  size_t j = i, e;
  const struct ng_lex_item *it;
  while ((it = lex_at(n, j, NG_LEX_HONORIFIC, &e)) != NULL) {
    if (it->gender && gender) {
      *gender = it->gender;
    }
    j = e;
    if (tok_eq(n, j, ".") && !(n->tok[j].flags & NG_TOK_SPACE)) {
      j++;
    }
  }
  return j;
}

struct tphrase {
  const struct ng_lex_item *t[MAX_TITLES];
  enum ng_office off[MAX_TITLES]; /* ngl:office, or ngl:portfolioOffice */
  size_t n_t;
  bool blocked;
  size_t end;        /* token after the phrase (and complement) */
  size_t title_end;  /* token after the title words */
  size_t comp_begin; /* complement entity's first token, or NG_NONE */
  size_t comp_end;
};

/* A portfolio word at @p i, also written in lower case ("deputy foreign
 * minister"). */
static bool
portfolio_word(const struct ner *n, size_t i)
{
  if (word_is(n, i, NG_LEX_PORTFOLIO)) {
    return true;
  }
  if (i >= n->n_tok || !(n->tok[i].flags & NG_TOK_LOWER)) {
    return false;
  }
  char w[32];
  size_t l = tok_len(n, i);
  const char *t = n->text + n->tok[i].begin;
  if (l >= sizeof w || t[0] < 'a' || t[0] > 'z') {
    return false;
  }
  /* remembered in the word_is() cache under a bit no kind uses */
  struct tok_cache *c = n->tc;
  uint32_t bit = (uint32_t)1 << TC_LOWER_PORTFOLIO;
  if (c && c->wk && (c->wk[i] & bit)) {
    return (c->wv[i] & bit) != 0;
  }
  memcpy(w, t, l);
  w[0] = (char)(w[0] - 'a' + 'A');
  bool r = ng__gazetteer_find_word(n->gaz, NG_LEX_PORTFOLIO, w, l) != NULL;
  if (c && c->wk) {
    c->wk[i] |= bit;
    c->wv[i] |= r ? bit : 0;
  }
  return r;
}

/* Portfolio words from @p i; returns the token after them. */
static size_t
skip_portfolio(const struct ner *n, size_t i)
{
  size_t j = i;
  while (j < n->n_tok && same_sentence(n, i, j)) {
    if (portfolio_word(n, j)) {
      j++;
    } else if ((tok_eq(n, j, "and") || tok_eq(n, j, ",") ||
                tok_eq(n, j, "&")) &&
               portfolio_word(n, j + 1) && j > i) {
      j++;
    } else {
      break;
    }
  }
  return j;
}

/* One title at @p i (modifiers, portfolio, title word, "for X"). */
static bool
parse_one_title(const struct ner *n, size_t i, struct tphrase *tp, size_t *out)
{
  size_t j = i, e;
  const struct ng_lex_item *it;
  bool blocked = false;
  for (;;) {
    const struct ng_lex_item *mod = lex_at(n, j, NG_LEX_TITLE_MOD, &e);
    if (!mod) {
      break;
    }
    /* a modifier that is also a title ("Deputy Minister"): title wins */
    size_t e2;
    const struct ng_lex_item *as_title = lex_at(n, j, NG_LEX_TITLE, &e2);
    if (as_title && e2 >= e) {
      break;
    }
    blocked = blocked || mod->blocks_office;
    j = e;
    if (tok_eq(n, j, "-")) {
      j++;
    }
  }
  size_t pj = skip_portfolio(n, j);
  size_t te;
  bool with_portfolio = false;
  if (pj > j && lex_at(n, j, NG_LEX_TITLE, &te) && te >= pj) {
    pj = j; /* "Treasury Secretary" is a title of its own */
  }
  if (pj > j) {
    it = lex_at(n, pj, NG_LEX_TITLE, &e);
    if (!it || !it->portfolio) {
      return false;
    }
    with_portfolio = true;
  } else {
    it = lex_at(n, j, NG_LEX_TITLE, &e);
    if (!it) {
      return false;
    }
    if (it->portfolio && (tok_eq(n, e, "for") || tok_eq(n, e, "of")) &&
        word_is(n, e + 1, NG_LEX_PORTFOLIO)) {
      size_t k = e + 1;
      if (tok_eq(n, k, "the")) {
        k++;
      }
      e = skip_portfolio(n, k);
      with_portfolio = true;
      /* "Minister of State for Energy Affairs" */
      while ((tok_eq(n, e, "for") || tok_eq(n, e, "of")) &&
             word_is(n, e + 1, NG_LEX_PORTFOLIO) && e - i < 12) {
        e = skip_portfolio(n, e + 1);
      }
    }
  }
  if (tp->n_t < MAX_TITLES) {
    tp->off[tp->n_t] = with_portfolio && it->portfolio_office != NG_OFFICE_NONE
                           ? it->portfolio_office
                           : it->office;
    tp->t[tp->n_t++] = it;
  }
  tp->blocked = tp->blocked || blocked;
  *out = e;
  return true;
}

/* A title phrase at @p i: titles joined by "and" / "," / "&", then an
 * optional complement ("of Malaysia", "to Malaysia", "of Norvale Energy"). */
static bool
parse_title_phrase(const struct ner *n, size_t i, struct tphrase *tp)
{
  memset(tp, 0, sizeof *tp);
  tp->comp_begin = tp->comp_end = NG_NONE;
  size_t j;
  if (!parse_one_title(n, i, tp, &j)) {
    return false;
  }
  for (;;) {
    if (tok_eq(n, j, "and") || tok_eq(n, j, "&") || tok_eq(n, j, ",")) {
      size_t k;
      if (parse_one_title(n, j + 1, tp, &k)) {
        j = k;
        continue;
      }
    }
    break;
  }
  tp->title_end = j;
  if ((tok_eq(n, j, "of") || tok_eq(n, j, "to") || tok_eq(n, j, "for") ||
       tok_eq(n, j, "at")) &&
      same_sentence(n, i, j + 1)) {
    size_t k = j + 1, e;
    if (tok_eq(n, k, "the")) {
      k++;
    }
    const struct ng_lex_item *it = entry_at(n, k, &e);
    size_t me = k;
    if (k < n->n_tok && n->ment_begin[k] != NG_NONE) {
      const struct ng_mention *m = &n->doc->mentions[n->ment_begin[k]];
      while (me < n->n_tok && n->tok[me].end <= m->end) {
        me++;
      }
    }
    if (it && it->kind == NG_LEX_ENTRY && me <= e) {
      tp->comp_begin = k;
      tp->comp_end = e;
      j = e;
    } else if (me > k) {
      /* a longer name found earlier: "of Kenya Airways", "of the AU
       * Commission" is not "of Kenya", "of the AU" */
      tp->comp_begin = k;
      tp->comp_end = me;
      j = me;
    }
  }
  tp->end = j;
  return true;
}

static ng_status
add_rec(struct ner *n, const struct trec *r)
{
  if (n->n_recs == n->cap_recs) {
    size_t ncap = n->cap_recs ? n->cap_recs * 2 : 16;
    struct trec *p = realloc(n->recs, ncap * sizeof *p);
    if (!p) {
      return NG_ERR_NOMEM;
    }
    n->recs = p;
    n->cap_recs = ncap;
  }
  n->recs[n->n_recs++] = *r;
  return NG_OK;
}

/* Creates the person over name tokens [nb, ne) with honorific tokens
 * [hb, nb); returns the entity. */
static ng_status
make_person(struct ner *n, size_t hb, size_t nb, size_t ne, size_t *out)
{
  ng_status st;
  char *label = NULL;
  size_t ent;
  TRY(st, span_text(n, nb, ne, &label));
  st = get_entity(n, NG_ETYPE_PERSON, label, NULL, &ent);
  free(label);
  TRY(st, st);
  TRY(st, add_mention(n, nb, ne, ent, NG_MENTION_NAME));
  if (hb < nb) {
    char *hon = NULL, *full = NULL;
    size_t he = nb;
    if (tok_eq(n, he - 1, ".")) {
      he--;
    }
    TRY(st, span_text(n, hb, he, &hon));
    if (!n->doc->entities[ent].honorific) {
      st = ng__doc_set_str(&n->doc->entities[ent].honorific, hon, strlen(hon));
    }
    free(hon);
    TRY(st, st);
    TRY(st, span_text(n, hb, ne, &full));
    st = ng__doc_add_alt_label(n->doc, ent, full, strlen(full));
    free(full);
    TRY(st, st);
    for (size_t k = hb; k < nb; k++) {
      n->used[k] = 1;
    }
  }
  *out = ent;
  return NG_OK;
}

/* The qualifier before a title starting at @p b: sets qual_end (token
 * after the qualifier) and, for an unknown capitalised word run,
 * qual_begin. */
static void
find_qualifier(const struct ner *n, size_t b, struct trec *r)
{
  r->qual_end = r->qual_begin = NG_NONE;
  if (b == 0 || !same_sentence(n, b - 1, b)) {
    return;
  }
  size_t q = b;
  if (is_possessive_s(n, b - 1)) {
    q = b - 2;
  }
  if (q == 0 || !same_sentence(n, q - 1, b) ||
      (!is_word(n, q - 1) && !tok_eq(n, q - 1, "."))) {
    return;
  }
  r->qual_end = q;
  if (!n->used[q - 1] && is_cap(n, q - 1)) {
    size_t k = q - 1;
    while (k > 0 && same_sentence(n, k - 1, b) && is_cap(n, k - 1) &&
           !n->used[k - 1] && q - k < 4) {
      k--;
    }
    while (k < q && !is_name_word(n, k)) {
      k++;
    }
    if (k < q) {
      r->qual_begin = k;
    }
  }
}

/* True when a gazetteer organisation name that starts up to three words
 * before @p i runs through token @p i: "European Commission President X"
 * names the Commission, so "Commission President" there is no title; the
 * title starts after the organisation's name. */
static bool
org_name_across(const struct ner *n, size_t i)
{
  for (size_t j = i > 3 ? i - 3 : 0; j < i; j++) {
    if (n->used[j] || !same_sentence(n, j, i)) {
      continue;
    }
    size_t e;
    const struct ng_lex_item *it = entry_at(n, j, &e);
    if (!it || it->kind != NG_LEX_ENTRY || e <= i) {
      continue;
    }
    const struct ng_gaz_entry *g = ng__gazetteer_entry(n->gaz, it->entry);
    if (g && (g->type == NG_ETYPE_ORGANIZATION ||
              g->type == NG_ETYPE_INTL_ORG || g->type == NG_ETYPE_GOV_BODY ||
              g->type == NG_ETYPE_COMPANY)) {
      return true;
    }
  }
  return false;
}

/* "The chief executive of Northgate Turbines, Dr Ivo Marsh,": after a
 * leader's title, "of" and a capitalised run closed by a comma that the
 * gazetteer does not know whole, with a full name after the comma, name
 * an organisation: adds it and sets *added. Errors: NG_ERR_NOMEM. */
static ng_status
title_org_complement(struct ner *n, const struct tphrase *tp, bool *added)
{
  ng_status st;
  *added = false;
  bool leader = false;
  for (size_t k = 0; k < tp->n_t; k++) {
    leader = leader || tp->t[k]->org_office == NG_OFFICE_LEADER;
  }
  size_t j = tp->end;
  if (!leader || tp->comp_begin != NG_NONE || !tok_eq(n, j, "of")) {
    return NG_OK;
  }
  size_t b = j + 1;
  if (tok_eq(n, b, "the")) {
    b++;
  }
  size_t e = b;
  while (e < n->n_tok && same_sentence(n, j, e) && e - b < 8) {
    if (is_cap(n, e) && !n->used[e] && !has_lex(n, e, NG_LEX_TITLE) &&
        !has_lex(n, e, NG_LEX_HONORIFIC) &&
        !(e == b && stop_word(n, e))) {
      e++;
    } else if (e > b && (tok_eq(n, e, "of") || tok_eq(n, e, "and") ||
                         tok_eq(n, e, "&")) &&
               is_cap(n, e + 1)) {
      e++;
    } else {
      break;
    }
  }
  if (e == b || !tok_eq(n, e, ",") || !same_sentence(n, e, e + 1)) {
    return NG_OK;
  }
  size_t ge;
  if (entry_at(n, b, &ge) && ge >= e) {
    return NG_OK; /* known: the gazetteer pass types it */
  }
  size_t nb = parse_honorifics(n, e + 1, NULL);
  if (parse_name(n, nb, true) < nb + 2) {
    return NG_OK;
  }
  enum ng_etype type = NG_ETYPE_ORGANIZATION;
  (void)org_type_of_span(n, b, e, &type);
  size_t ent = alias_entity(n, b, e);
  if (ent == NG_NONE) {
    char *label = NULL;
    TRY(st, span_text(n, b, e, &label));
    st = get_entity(n, type, label, NULL, &ent);
    free(label);
    TRY(st, st);
    TRY(st, add_alias(n, b, e, ent));
  }
  TRY(st, add_mention(n, b, e, ent, NG_MENTION_NAME));
  *added = true;
  return NG_OK;
}

static ng_status
pass_titles(struct ner *n)
{
  ng_status st;
  for (size_t i = 0; i < n->n_tok; i++) {
    if (n->used[i] || !is_word(n, i)) {
      continue;
    }
    struct trec r;
    memset(&r, 0, sizeof r);
    r.comp_begin = NG_NONE;
    r.sentence = n->sent_of[i];
    struct tphrase tp;
    int gender = 0;
    size_t hb, nb, ne;
    if (!org_name_across(n, i) && parse_title_phrase(n, i, &tp)) {
      bool added;
      TRY(st, title_org_complement(n, &tp, &added));
      if (added && !parse_title_phrase(n, i, &tp)) {
        continue;
      }
      hb = tp.end;
      if (tp.comp_begin != NG_NONE && tok_eq(n, hb, ",")) {
        hb++; /* "The acting CEO of Norvale Energy, Dr Ivo Marsh," */
      } else if (tok_eq(n, hb, ",") && same_sentence(n, hb, hb + 1)) {
        /* "Singapore's Minister for Trade and Industry, Grace Lim Hui
         * Min, said": a full name of two words or more set off by commas */
        size_t nb2 = parse_honorifics(n, hb + 1, NULL);
        size_t ne2 = parse_name(n, nb2, true);
        if (ne2 >= nb2 + 2 &&
            (tok_eq(n, ne2, ",") || ne2 >= n->n_tok ||
             !same_sentence(n, nb2, ne2) || tok_eq(n, ne2, ".") ||
             word_is(n, ne2, NG_LEX_REPORTING))) {
          hb++;
        }
      }
      nb = parse_honorifics(n, hb, &gender);
      ne = parse_name(n, nb, true);
      if (ne == nb) {
        continue; /* a title with no name: a description */
      }
      memcpy(r.t, tp.t, sizeof r.t);
      memcpy(r.off, tp.off, sizeof r.off);
      for (size_t k = 0; k < tp.n_t; k++) {
        r.org_off[k] = tp.t[k]->org_office;
        r.counterpart = r.counterpart || tp.off[k] == NG_OFFICE_COUNTERPART;
      }
      r.title_b = i;
      r.title_e = tp.title_end;
      r.n_t = tp.n_t;
      r.blocked = tp.blocked;
      r.comp_begin = tp.comp_begin;
      find_qualifier(n, i, &r);
      for (size_t k = i; k < hb; k++) {
        if (tp.comp_begin == NG_NONE || k < tp.comp_begin ||
            k >= tp.comp_end) {
          n->used[k] = 1;
        }
      }
    } else {
      hb = i;
      nb = parse_honorifics(n, i, &gender);
      if (nb == i) {
        continue;
      }
      /* "Her Majesty Queen Letizia Ortiz": a title after the honorific
       * is not part of the name either */
      if (parse_title_phrase(n, nb, &tp) && tp.comp_begin == NG_NONE) {
        size_t nb2 = parse_honorifics(n, tp.end, &gender);
        size_t ne2 = parse_name(n, nb2, true);
        if (ne2 > nb2) {
          memcpy(r.t, tp.t, sizeof r.t);
          memcpy(r.off, tp.off, sizeof r.off);
          for (size_t k = 0; k < tp.n_t; k++) {
            r.org_off[k] = tp.t[k]->org_office;
          }
          r.title_b = nb;
          r.title_e = tp.title_end;
          r.n_t = tp.n_t;
          r.blocked = tp.blocked;
          r.qual_end = r.qual_begin = NG_NONE;
          nb = nb2;
        }
      }
      ne = parse_name(n, nb, true);
      if (ne == nb) {
        continue;
      }
      if (hb > 0 && is_quote(n, hb - 1) && is_quote(n, ne) &&
          same_sentence(n, hb - 1, ne)) {
        i = ne - 1; /* known as "Mr Copper": a nickname, not a person */
        continue;
      }
    }
    if (r.n_t == 0 && tok_eq(n, ne, ",") && same_sentence(n, ne, ne + 1)) {
      /* "Sayyid Faris Al Busaidi, Oman's Minister of Energy, said" */
      size_t k = ne + 1, qe = NG_NONE;
      if (tok_eq(n, k, "the") || tok_eq(n, k, "a") || tok_eq(n, k, "an")) {
        k++;
      }
      const struct ng_lex_item *q = entry_at(n, k, &qe);
      if (q) {
        k = qe;
        if (is_possessive_s(n, k + 1)) {
          k += 2;
        }
      }
      if (parse_title_phrase(n, k, &tp) && !is_cap(n, tp.end) &&
          !word_is(n, tp.end, NG_LEX_REPORTING)) {
        memcpy(r.t, tp.t, sizeof r.t);
        memcpy(r.off, tp.off, sizeof r.off);
        for (size_t c = 0; c < tp.n_t; c++) {
          r.org_off[c] = tp.t[c]->org_office;
          r.counterpart = r.counterpart || tp.off[c] == NG_OFFICE_COUNTERPART;
        }
        r.title_b = k;
        r.title_e = tp.title_end;
        r.n_t = tp.n_t;
        r.blocked = tp.blocked;
        r.comp_begin = tp.comp_begin;
        r.qual_end = q ? qe : NG_NONE;
        r.qual_begin = NG_NONE;
      }
    }
    TRY(st, make_person(n, hb, nb, ne, &r.person));
    if (r.n_t > 0) {
      TRY(st, add_rec(n, &r));
    }
    i = ne - 1;
  }
  return NG_OK;
}

/* "Labour MP Nia Brandwood", "Likud lawmakers": one unknown capitalised
 * word right before a party role (ngl:PartyRole) names the party. */
static ng_status
pass_parties(struct ner *n)
{
  ng_status st;
  for (size_t i = 0; i + 1 < n->n_tok; i++) {
    if (n->used[i] || !is_name_word(n, i) || !same_sentence(n, i, i + 1) ||
        !word_is(n, i + 1, NG_LEX_PARTY_ROLE) ||
        (i > 0 && same_sentence(n, i - 1, i) && is_cap(n, i - 1)) ||
        (n->tok[i].flags & NG_TOK_UPPER) || has_lex(n, i, NG_LEX_TITLE) ||
        has_lex(n, i, NG_LEX_TITLE_MOD) ||
        entry_at(n, i, &(size_t){0}) || tok_len(n, i) < 3) {
      continue;
    }
    char *label = NULL;
    size_t ent;
    TRY(st, span_text(n, i, i + 1, &label));
    st = get_entity(n, NG_ETYPE_ORGANIZATION, label, NULL, &ent);
    free(label);
    TRY(st, st);
    TRY(st, add_mention(n, i, i + 1, ent, NG_MENTION_NAME));
  }
  return NG_OK;
}

/* CJK name with an honorific suffix: "山本健様". */
static ng_status
pass_cjk_names(struct ner *n)
{
  ng_status st;
  for (size_t i = 0; i < n->n_tok; i++) {
    if (n->used[i] || !(n->tok[i].flags & NG_TOK_CJK)) {
      continue;
    }
    const char *w = n->text + n->tok[i].begin;
    size_t l = tok_len(n, i);
    for (size_t cut = 1; cut < l; cut++) {
      if (((unsigned char)w[cut] & 0xC0) == 0x80) {
        continue;
      }
      if (!ng__gazetteer_find_word(n->gaz, NG_LEX_HON_SUFFIX, w + cut,
                                   l - cut)) {
        continue;
      }
      char *label = malloc(cut + 1);
      if (!label) {
        return NG_ERR_NOMEM;
      }
      memcpy(label, w, cut);
      label[cut] = '\0';
      size_t ent;
      st = get_entity(n, NG_ETYPE_PERSON, label, NULL, &ent);
      free(label);
      TRY(st, st);
      size_t mi = n->doc->n_mentions;
      TRY(st, ng__doc_add_mention(n->doc, n->tok[i].begin,
                                  n->tok[i].begin + cut, ent,
                                  NG_MENTION_NAME));
      n->ment_begin[i] = n->ment_end[i] = mi;
      n->used[i] = 1;
      if (!n->doc->entities[ent].honorific) {
        TRY(st, ng__doc_set_str(&n->doc->entities[ent].honorific, w + cut,
                                l - cut));
      }
      TRY(st, ng__doc_add_alt_label(n->doc, ent, w, l));
      break;
    }
  }
  return NG_OK;
}

/* ---- pass 2b: place names that are also person names ---- */

/* An unknown capitalised name word at @p k: no gazetteer name, title,
 * honorific, name-typing or portfolio word, stopword or place qualifier. */
static bool
plain_name_word(const struct ner *n, size_t k)
{
  size_t x;
  return k < n->n_tok && !n->used[k] && is_name_word(n, k) &&
         !(n->tok[k].flags & NG_TOK_UPPER) && !entry_at(n, k, &x) &&
         !has_lex(n, k, NG_LEX_TITLE) && !has_lex(n, k, NG_LEX_HONORIFIC) &&
         !has_lex(n, k, NG_LEX_SUFFIX) && !has_lex(n, k, NG_LEX_PREFIX) &&
         !word_is(n, k, NG_LEX_PORTFOLIO) && !word_is(n, k, NG_LEX_PLACE_QUAL);
}

/* "Ellen Jordan", "Chad Morrison": a place name that is also a common
 * given or family name (ngl:alsoPersonName) written next to an unknown
 * capitalised name word is part of a person's name, not the place
 * (FAULT-CASES N07: ambiguous names resolved by context). */
static ng_status
pass_person_places(struct ner *n)
{
  ng_status st;
  for (size_t i = 0; i < n->n_tok; i++) {
    size_t e;
    const struct ng_lex_item *it = n->used[i] ? NULL : entry_at(n, i, &e);
    const struct ng_gaz_entry *g =
        it && it->kind == NG_LEX_ENTRY ? ng__gazetteer_entry(n->gaz, it->entry)
                                       : NULL;
    if (!g || !g->person_name || e != i + 1) {
      continue;
    }
    size_t b = i, end = e;
    if (i > 0 && same_sentence(n, i - 1, i) && plain_name_word(n, i - 1) &&
        !(i > 1 && same_sentence(n, i - 2, i) && is_cap(n, i - 2) &&
          !plain_name_word(n, i - 2))) {
      b = i - 1; /* "Ellen Jordan" */
      if (b > 0 && same_sentence(n, b - 1, i) && plain_name_word(n, b - 1)) {
        b--;
      }
    } else if (e < n->n_tok && same_sentence(n, i, e) &&
               plain_name_word(n, e)) {
      end = e + 1; /* "Chad Morrison" */
      if (plain_name_word(n, end) && same_sentence(n, i, end)) {
        end++;
      }
    } else {
      continue;
    }
    size_t ent;
    TRY(st, make_person(n, b, b, end, &ent));
    i = end - 1;
  }
  return NG_OK;
}

/* ---- pass 3: gazetteer names ---- */

static bool
place_context(const struct ner *n, size_t i, size_t e)
{
  return (i > 0 && (tok_eq(n, i - 1, "in") || tok_eq(n, i - 1, "to") ||
                    tok_eq(n, i - 1, "from") || tok_eq(n, i - 1, "at"))) ||
         (tok_eq(n, e, ",") && entry_at(n, e + 1, &(size_t){0})) ||
         /* "will visit Santiago next year", not "met Santiago Ramos" */
         (i > 0 && word_is(n, i - 1, NG_LEX_PLACE_CONTEXT) &&
          !word_is(n, i - 1, NG_LEX_INTERACTION) && !is_cap(n, e));
}

static ng_status
pass_gazetteer(struct ner *n)
{
  ng_status st;
  for (size_t i = 0; i < n->n_tok; i++) {
    if (n->used[i] || !is_word(n, i)) {
      continue;
    }
    size_t e;
    const struct ng_lex_item *it = entry_at(n, i, &e);
    if (!it) {
      continue;
    }
    bool free_span = true;
    for (size_t k = i; k < e; k++) {
      free_span = free_span && !n->used[k];
    }
    if (!free_span) {
      continue;
    }
    /* "US$2.48 billion": a currency prefix, not the country */
    if (e < n->n_tok && tok_eq(n, e, "$") &&
        !(n->tok[e].flags & NG_TOK_SPACE)) {
      continue;
    }
    /* "5 billion U.S. dollars", "the Singapore dollar": a currency */
    if (word_is(n, e, NG_LEX_CURRENCY) && same_sentence(n, i, e)) {
      i = e - 1;
      continue;
    }
    const struct ng_gaz_entry *g = ng__gazetteer_entry(n->gaz, it->entry);
    if (!g || (g->context_only && !place_context(n, i, e))) {
      continue;
    }
    size_t ent, chosen = choose_entry(n, i, it);
    if (it->kind == NG_LEX_ENTRY && !it->is_label) {
      chosen = fuller_country(n, chosen, i, e);
    }
    TRY(st, entry_entity(n, chosen, &ent));
    TRY(st, add_mention(n, i, e, ent,
                        it->kind == NG_LEX_DEMONYM ? NG_MENTION_DEMONYM
                                                   : NG_MENTION_NAME));
    i = e - 1;
  }
  return NG_OK;
}

/* Surfaces the article defined: "(MATRADE)", "Inpex" for "Inpex
 * Corporation". A capitalised token also matches an ALL-CAPS alias. */
static ng_status
pass_aliases(struct ner *n)
{
  ng_status st;
  for (size_t i = 0; i < n->n_tok; i++) {
    if (n->used[i] || !is_cap(n, i)) {
      continue;
    }
    size_t best = NG_NONE, best_end = 0;
    for (size_t a = 0; a < n->n_aliases; a++) {
      const struct alias *al = &n->aliases[a];
      if (al->len > n->len - n->tok[i].begin) {
        continue;
      }
      const char *t = n->text + n->tok[i].begin;
      bool ok = memcmp(t, al->s, al->len) == 0;
      if (!ok && al->len >= 4) {
        ok = strncasecmp(t, al->s, al->len) == 0;
      }
      if (!ok) {
        continue;
      }
      size_t e = tok_after(n, i, n->tok[i].begin + al->len);
      if (e != NG_NONE && e > best_end) {
        best = a;
        best_end = e;
      }
    }
    if (best == NG_NONE) {
      continue;
    }
    bool free_span = true;
    for (size_t k = i; k < best_end; k++) {
      free_span = free_span && !n->used[k];
    }
    if (free_span) {
      TRY(st, add_mention(n, i, best_end, n->aliases[best].ent,
                          NG_MENTION_NAME));
      i = best_end - 1;
    }
  }
  return NG_OK;
}

/* ---- pass 3b: unknown cities typed by their context ---- */

static bool share_word(const char *a, const char *b);

/* True if the word at @p i is a word of a person's name already found
 * ("confidence in Kamau."). */
static bool
person_word(const struct ner *n, size_t i)
{
  char w[64];
  size_t l = tok_len(n, i);
  if (l >= sizeof w) {
    return false;
  }
  memcpy(w, n->text + n->tok[i].begin, l);
  w[l] = '\0';
  for (size_t e = 0; e < n->doc->n_entities; e++) {
    if (n->doc->entities[e].type == NG_ETYPE_PERSON &&
        share_word(w, n->doc->entities[e].label)) {
      return true;
    }
  }
  return false;
}

/* True if unknown name tokens [b, e) may name a city: 1 to 3 unused
 * capitalised name words, none a known name, title, suffix or prefix word
 * alone. */
static bool
city_name_ok(const struct ner *n, size_t b, size_t e)
{
  if (e <= b || e - b > 3 || !area_name_ok(n, b, e)) {
    return false;
  }
  for (size_t k = b; k < e; k++) {
    size_t x;
    if (!is_cap(n, k) || entry_at(n, k, &x) ||
        has_lex(n, k, NG_LEX_HONORIFIC) || word_is(n, k, NG_LEX_PORTFOLIO)) {
      return false;
    }
  }
  if (e == b + 1 && (word_is(n, b, NG_LEX_SUFFIX) ||
                     word_is(n, b, NG_LEX_PREFIX))) {
    return false;
  }
  return true;
}

/* The token after the capitalised name starting at @p b (up to 3 words),
 * or @p b if none. */
static size_t
cap_run_end(const struct ner *n, size_t b)
{
  size_t e = b;
  while (e < n->n_tok && e - b < 3 && is_cap(n, e) && same_sentence(n, b, e)) {
    e++;
  }
  return e;
}

/* A word that puts "in X" in a place context (ngl:PlaceContextWord, or an
 * interaction verb) in the sentence of @p i before it. */
static bool
place_context_before(const struct ner *n, size_t i)
{
  for (size_t k = n->sent_first[n->sent_of[i]]; k < i; k++) {
    if (word_is(n, k, NG_LEX_PLACE_CONTEXT) ||
        word_is(n, k, NG_LEX_INTERACTION)) {
      return true;
    }
  }
  return false;
}

static ng_status
add_context_city(struct ner *n, size_t b, size_t e)
{
  ng_status st;
  char *label = NULL;
  size_t ent;
  TRY(st, span_text(n, b, e, &label));
  st = get_entity(n, NG_ETYPE_CITY, label, NULL, &ent);
  free(label);
  TRY(st, st);
  TRY(st, add_alias(n, b, e, ent));
  return add_mention(n, b, e, ent, NG_MENTION_NAME);
}

/* Unknown names that the context makes cities (conservative: a wrong city
 * costs precision):
 * - "in Antofagasta, Chile": after a place preposition, before a comma
 *   and a country name that is not followed by "and"/"or"/"'s";
 * - "the city of X", "the port (city) of X", "the town of X"
 *   (ngl:CityWord, lower case);
 * - "talks in Nadi.": one unknown word after "in", ending the clause or
 *   before a time word, in a sentence with a visit or meeting word. */
static ng_status
pass_city_context(struct ner *n)
{
  ng_status st;
  for (size_t i = 1; i + 1 < n->n_tok; i++) {
    if (n->used[i] || !is_cap(n, i) || !same_sentence(n, i - 1, i)) {
      continue;
    }
    bool prep = tok_eq(n, i - 1, "in") || tok_eq(n, i - 1, "at") ||
                tok_eq(n, i - 1, "from") || tok_eq(n, i - 1, "to") ||
                tok_eq(n, i - 1, "near") || tok_eq(n, i - 1, "outside") ||
                tok_eq(n, i - 1, "of") || tok_eq(n, i - 1, "via");
    size_t e = cap_run_end(n, i);
    /* "X, Country" */
    if (prep && tok_eq(n, e, ",") && same_sentence(n, e, e + 1) &&
        e + 1 < n->n_tok && n->ment_begin[e + 1] != NG_NONE &&
        city_name_ok(n, i, e)) {
      const struct ng_mention *m = &n->doc->mentions[n->ment_begin[e + 1]];
      size_t c = e + 1;
      while (c < n->n_tok && n->tok[c].end <= m->end) {
        c++;
      }
      if (m->kind == NG_MENTION_NAME &&
          n->doc->entities[m->entity].type == NG_ETYPE_COUNTRY &&
          !tok_eq(n, c, "and") && !tok_eq(n, c, "or") &&
          !is_possessive_s(n, c + 1) && !is_cap(n, c)) {
        TRY(st, add_context_city(n, i, e));
        i = e - 1;
        continue;
      }
    }
    /* "the city of X", "the port city of X" */
    if (tok_eq(n, i - 1, "of") && i >= 3 && same_sentence(n, i - 3, i)) {
      size_t w = i - 2;
      if (w >= 2 && word_is(n, w, NG_LEX_CITY_WORD) &&
          word_is(n, w - 1, NG_LEX_CITY_WORD)) {
        w--; /* "the port city of" */
      }
      if (word_is(n, w, NG_LEX_CITY_WORD) && (n->tok[w].flags & NG_TOK_LOWER) &&
          w >= 1 && tok_eq(n, w - 1, "the") && city_name_ok(n, i, e)) {
        TRY(st, add_context_city(n, i, e));
        i = e - 1;
        continue;
      }
    }
    /* "held talks in Nadi on Monday" */
    if (tok_eq(n, i - 1, "in") && e == i + 1 && !is_sentence_initial(n, i) &&
        city_name_ok(n, i, e) && place_context_before(n, i - 1) &&
        !person_word(n, i) &&
        (!is_word(n, e) || !same_sentence(n, i, e) ||
         word_is(n, e, NG_LEX_PLACE_CONTEXT_END)) &&
        !tok_eq(n, e, "(") && !tok_eq(n, e, "-") && !is_apostrophe(n, e)) {
      TRY(st, add_context_city(n, i, e));
    }
  }
  return NG_OK;
}

/* ---- pass 4: names typed by their neighbours ---- */

/* Does the token run [b, e) equal a contiguous part of a person label
 * (whole words)? Returns the longest such person, or NG_NONE. */
static size_t
known_person_part(const struct ner *n, size_t b, size_t e)
{
  char *s = NULL;
  if (span_text(n, b, e, &s) != NG_OK) {
    return NG_NONE;
  }
  size_t sl = strlen(s), best = NG_NONE, best_len = 0;
  for (size_t k = 0; k < n->doc->n_entities; k++) {
    const struct ng_entity *en = &n->doc->entities[k];
    if (en->type != NG_ETYPE_PERSON || en->merged) {
      continue;
    }
    const char *l = en->label;
    size_t ll = strlen(l);
    if (ll <= sl) {
      continue;
    }
    for (const char *p = l; (p = strstr(p, s)) != NULL; p++) {
      bool left = p == l || p[-1] == ' ';
      bool right = p[sl] == '\0' || p[sl] == ' ';
      if (left && right) {
        if (ll > best_len) {
          best = k;
          best_len = ll;
        }
        break;
      }
    }
  }
  free(s);
  return best;
}

static ng_status
pass_context(struct ner *n)
{
  ng_status st;
  for (size_t i = 0; i < n->n_tok; i++) {
    if (n->used[i] || (!is_name_word(n, i) && !lower_particle_start(n, i))) {
      continue;
    }
    if (word_is(n, i, NG_LEX_PORTFOLIO) && has_lex(n, i, NG_LEX_TITLE)) {
      continue;
    }
    size_t e = parse_name(n, i, false);
    if (e == i) {
      continue;
    }
    size_t p = known_person_part(n, i, e);
    if (p != NG_NONE) {
      TRY(st, add_mention(n, i, e, p, NG_MENTION_PARTIAL));
      i = e - 1;
      continue;
    }
    if (e < n->n_tok && n->used[e] && has_lex(n, e, NG_LEX_TITLE)) {
      i = e - 1; /* "met Odisha Chief Minister X": a qualifier, no person */
      continue;
    }
    bool acronym = (n->tok[i].flags & NG_TOK_UPPER) && e == i + 1;
    if (e == i + 1 && (word_is(n, i, NG_LEX_SUFFIX) ||
                       word_is(n, i, NG_LEX_PREFIX) ||
                       word_is(n, i, NG_LEX_PORTFOLIO))) {
      continue; /* "the Gulf states": a common name word alone */
    }
    bool after_prep = i > 0 && same_sentence(n, i - 1, i) &&
                      (tok_eq(n, i - 1, "at") || tok_eq(n, i - 1, "of") ||
                       tok_eq(n, i - 1, "from") || tok_eq(n, i - 1, "by") ||
                       tok_eq(n, i - 1, "in") || tok_eq(n, i - 1, "to"));
    bool reporting = word_is(n, e, NG_LEX_REPORTING) &&
                     same_sentence(n, i, e) && !after_prep;
    bool interaction =
        (has_lex(n, e, NG_LEX_INTERACTION) && same_sentence(n, i, e)) ||
        (i >= 1 && same_sentence(n, i - 1, i) &&
         word_is(n, i - 1, NG_LEX_INTERACTION) && !tok_eq(n, e, "'"));
    /* "the talks were chaired by Amara Okafor": a full name as the agent
     * of a verb that takes a person */
    bool agent = e >= i + 2 && i >= 2 && same_sentence(n, i - 2, i) &&
                 tok_eq(n, i - 1, "by") &&
                 word_is(n, i - 2, NG_LEX_AGENT_VERB) &&
                 !entry_at(n, i, &(size_t){0});
    /* "X, the Prime Minister of Malaysia," */
    struct tphrase tp;
    struct trec r;
    memset(&r, 0, sizeof r);
    r.comp_begin = NG_NONE;
    r.qual_end = r.qual_begin = NG_NONE;
    bool appos = false;
    if (tok_eq(n, e, ",") && same_sentence(n, i, e + 1)) {
      size_t k = e + 1, qe;
      bool det = false;
      if (tok_eq(n, k, "the") || tok_eq(n, k, "a") || tok_eq(n, k, "an")) {
        k++;
        det = true;
      }
      size_t qb = k;
      const struct ng_lex_item *q = entry_at(n, k, &qe);
      if (q) {
        k = qe;
        if (is_possessive_s(n, k + 1)) {
          k += 2;
        }
      }
      /* "X, a trade adviser at ...", "X, a senior rubber trader,": up to
       * two lower-case words before a role after an article */
      for (int w = 0; w < 2 && det && !parse_title_phrase(n, k, &tp) &&
                      (n->tok[k].flags & NG_TOK_LOWER) &&
                      !stop_word(n, k) &&
                      !word_is(n, k, NG_LEX_REPORTING) &&
                      same_sentence(n, e, k + 1);
           w++) {
        k++;
      }
      if (parse_title_phrase(n, k, &tp) && !is_cap(n, tp.end) &&
          !word_is(n, tp.end, NG_LEX_REPORTING)) {
        /* not "talks with Kenya Power, the official said" */
        appos = true;
        memcpy(r.t, tp.t, sizeof r.t);
        memcpy(r.off, tp.off, sizeof r.off);
        for (size_t c = 0; c < tp.n_t; c++) {
          r.org_off[c] = tp.t[c]->org_office;
          r.counterpart =
              r.counterpart || tp.off[c] == NG_OFFICE_COUNTERPART;
        }
        r.title_b = k;
        r.title_e = tp.title_end;
        r.n_t = tp.n_t;
        r.blocked = tp.blocked;
        r.comp_begin = tp.comp_begin;
        if (q) {
          r.qual_end = qe;
        }
        (void)qb;
      }
    }
    /* "had hired Priya Natarajan as senior project engineer": a full
     * name followed by "as" and a role */
    bool as_role = false;
    if (!appos && e >= i + 2 && tok_eq(n, e, "as") &&
        same_sentence(n, i, e + 1)) {
      size_t k = e + 1;
      if (tok_eq(n, k, "a") || tok_eq(n, k, "an") || tok_eq(n, k, "the") ||
          tok_eq(n, k, "its") || tok_eq(n, k, "his") || tok_eq(n, k, "her") ||
          tok_eq(n, k, "their")) {
        k++;
      }
      for (int w = 0; w < 3 && !as_role && same_sentence(n, i, k); w++) {
        as_role = parse_title_phrase(n, k, &tp) && !is_cap(n, tp.end);
        if (!(n->tok[k].flags & NG_TOK_LOWER) ||
            stop_word(n, k)) {
          break;
        }
        k++;
      }
    }
    /* "Okafor, 54, is a former banker": a name with an age in commas */
    bool aged = false;
    if (!appos && tok_eq(n, e, ",") && tok_eq(n, e + 2, ",") &&
        (n->tok[e + 1].flags & NG_TOK_DIGIT) && same_sentence(n, i, e + 2) &&
        !entry_at(n, i, &(size_t){0})) {
      size_t dl = tok_len(n, e + 1);
      const char *dp = n->text + n->tok[e + 1].begin;
      unsigned age = 0;
      for (size_t c = 0; c < dl && dl <= 3; c++) {
        age = dp[c] >= '0' && dp[c] <= '9' ? age * 10 + (unsigned)(dp[c] - '0')
                                           : 1000;
      }
      aged = dl <= 3 && age >= 16 && age <= 110;
    }
    if (acronym || !(reporting || interaction || appos || as_role || aged ||
                     agent)) {
      i = e - 1; /* never retry the tail of a name ("Sachs") */
      continue;
    }
    size_t ent;
    TRY(st, make_person(n, i, i, e, &ent));
    if (appos) {
      r.person = ent;
      r.sentence = n->sent_of[i];
      TRY(st, add_rec(n, &r));
    }
    i = e - 1;
  }
  /* partial names of persons found above, anywhere */
  for (size_t i = 0; i < n->n_tok; i++) {
    if (n->used[i] || (!is_cap(n, i) && !lower_particle_start(n, i))) {
      continue;
    }
    size_t e = parse_name(n, i, true);
    if (e == i) {
      continue;
    }
    size_t p = known_person_part(n, i, e);
    if (p != NG_NONE) {
      TRY(st, add_mention(n, i, e, p, NG_MENTION_PARTIAL));
      i = e - 1;
    }
  }
  return NG_OK;
}

/* ---- offices ---- */

static size_t
entity_ending_at(const struct ner *n, size_t tok_end)
{
  if (tok_end == NG_NONE || tok_end == 0 || tok_end > n->n_tok) {
    return NG_NONE;
  }
  size_t m = n->ment_end[tok_end - 1];
  return m == NG_NONE ? NG_NONE : n->doc->mentions[m].entity;
}

static size_t
entity_starting_at(const struct ner *n, size_t tok)
{
  if (tok == NG_NONE || tok >= n->n_tok) {
    return NG_NONE;
  }
  size_t m = n->ment_begin[tok];
  return m == NG_NONE ? NG_NONE : n->doc->mentions[m].entity;
}

static bool
is_org_type(enum ng_etype t)
{
  return t == NG_ETYPE_ORGANIZATION || t == NG_ETYPE_INTL_ORG ||
         t == NG_ETYPE_GOV_BODY || t == NG_ETYPE_COMPANY ||
         t == NG_ETYPE_NEWS_AGENCY;
}

/* The doc entity of gazetteer entry @p g if the article mentions it. */
static ng_status
existing_entity(const struct ner *n, size_t g, size_t *out)
{
  const struct ng_gaz_entry *ge = ng__gazetteer_entry(n->gaz, g);
  *out = ge ? ng__doc_find_entity(n->doc, ge->type, ge->label) : NG_NONE;
  if (*out != NG_NONE && n->doc->entities[*out].n_mentions == 0) {
    *out = NG_NONE;
  }
  return NG_OK;
}

/* The country of a doc entity through the gazetteer, as a doc entity the
 * article mentions, or NG_NONE. */
static ng_status
country_entity_of(struct ner *n, size_t ent, size_t *out)
{
  *out = NG_NONE;
  if (ent == NG_NONE) {
    return NG_OK;
  }
  const struct ng_entity *en = &n->doc->entities[ent];
  if (en->type == NG_ETYPE_COUNTRY) {
    *out = ent;
    return NG_OK;
  }
  size_t g = entry_of(n, ent);
  size_t c = ng__gazetteer_country_of(n->gaz, g);
  if (en->type == NG_ETYPE_NEWS_AGENCY) {
    const struct ng_gaz_entry *ge = ng__gazetteer_entry(n->gaz, g);
    c = ge ? ge->home_country : NG_NONE;
  }
  return existing_entity(n, c, out);
}

/* The country implied for unqualified titles, or NG_NONE (see ner.h). */
static ng_status
implied_country(struct ner *n, size_t *out)
{
  ng_status st;
  size_t from_dateline = NG_NONE, from_agency = NG_NONE;
  *out = NG_NONE;
  if (n->doc->dateline != NG_NONE) {
    TRY(st, country_entity_of(n, n->doc->dateline, &from_dateline));
  }
  size_t ag = n->agency;
  if (n->home != NG_NONE) {
    TRY(st, existing_entity(n, n->home, &from_agency));
    if (from_agency == NG_NONE) {
      from_agency = n->n_tok; /* a home country the article never names */
    }
  } else if (ag != NG_NONE) {
    TRY(st, country_entity_of(n, ag, &from_agency));
  }
  if (from_dateline != NG_NONE && from_agency != NG_NONE &&
      from_dateline != from_agency) {
    return NG_OK; /* a national agency reporting from abroad: ambiguous */
  }
  *out = from_dateline != NG_NONE ? from_dateline : from_agency;
  if (*out == n->n_tok) {
    *out = NG_NONE;
  }
  return NG_OK;
}

/* True if two person labels share a word (same person, partly named). */
static bool
share_word(const char *a, const char *b)
{
  const char *p = a;
  while (*p) {
    const char *q = strchr(p, ' ');
    size_t l = q ? (size_t)(q - p) : strlen(p);
    const char *h = b;
    while ((h = strstr(h, p)) != NULL) {
      bool left = h == b || h[-1] == ' ';
      bool right = h[l] == '\0' || h[l] == ' ';
      if (left && right && l > 0 && strncmp(h, p, l) == 0) {
        return true;
      }
      h++;
    }
    if (!q) {
      break;
    }
    p = q + 1;
  }
  return false;
}

/* True if records @p a and @p b name the same office @p office: one head
 * of state or of government per country; ministers by the same title
 * words ("Foreign Minister"), compared ignoring case. */
static bool
same_office(const struct ner *n, const struct trec *a, const struct trec *b,
            enum ng_office office)
{
  for (size_t k = 0; k < b->n_t; k++) {
    if (b->off[k] != office) {
      continue;
    }
    if (office != NG_OFFICE_MINISTER) {
      return true;
    }
    if (a->title_e <= a->title_b || b->title_e <= b->title_b) {
      continue;
    }
    size_t la = n->tok[a->title_e - 1].end - n->tok[a->title_b].begin;
    size_t lb = n->tok[b->title_e - 1].end - n->tok[b->title_b].begin;
    if (la == lb && strncasecmp(n->text + n->tok[a->title_b].begin,
                                n->text + n->tok[b->title_b].begin, la) == 0) {
      return true;
    }
  }
  return false;
}

/* True if the article gives another person than @p rec's holder the same
 * office of country @p c through a qualified title: one country has one
 * foreign minister, so an unqualified "Foreign Minister X" is not the
 * dateline country's when "Swiss Foreign Minister Y" is. */
static bool
office_taken(const struct ner *n, const size_t *target, size_t rec_idx,
             enum ng_office office, size_t c)
{
  const struct trec *rec = &n->recs[rec_idx];
  for (size_t o = 0; o < n->n_recs; o++) {
    const struct trec *other = &n->recs[o];
    if (o == rec_idx || target[o] != c || other->blocked ||
        other->person == rec->person ||
        share_word(n->doc->entities[other->person].label,
                   n->doc->entities[rec->person].label)) {
      continue;
    }
    if (same_office(n, rec, other, office)) {
      return true;
    }
  }
  return false;
}

/* A word whose capitalised form is a government-body name suffix
 * ("ministry", "government"). */
static bool
gov_word(const struct ner *n, size_t i)
{
  if (!is_word(n, i)) {
    return false;
  }
  size_t l = tok_len(n, i);
  char w[32];
  if (l >= sizeof w) {
    return false;
  }
  memcpy(w, n->text + n->tok[i].begin, l);
  if (w[0] >= 'a' && w[0] <= 'z') {
    w[0] = (char)(w[0] - 'a' + 'A');
  }
  const struct ng_lex_item *it =
      ng__gazetteer_find_word(n->gaz, NG_LEX_SUFFIX, w, l);
  return it && it->type == NG_ETYPE_GOV_BODY;
}

/* The country whose government speaks in the sentence of an unqualified
 * title: a country that opens the sentence (after a dateline and "the")
 * and owns a government word ("Pakistan's foreign ministry denied that
 * Foreign Minister X met …", "The Bolivian government said President Y
 * …"). Returns the country entity or NG_NONE. */
static size_t
speaking_country(const struct ner *n, const struct trec *rec)
{
  size_t i = n->sent_first[rec->sentence];
  size_t m = i < n->n_tok ? n->ment_begin[i] : NG_NONE;
  if (m != NG_NONE && n->doc->mentions[m].entity == n->doc->dateline) {
    for (size_t k = i; k < i + 12 && k < rec->title_b; k++) {
      if (is_dash(n, k)) {
        i = k + 1;
        break;
      }
    }
  }
  while (i < rec->title_b && (!is_word(n, i) || tok_eq(n, i, "The") ||
                              tok_eq(n, i, "the"))) {
    i++;
  }
  if (i >= rec->title_b || n->ment_begin[i] == NG_NONE) {
    return NG_NONE;
  }
  const struct ng_mention *mm = &n->doc->mentions[n->ment_begin[i]];
  if (n->doc->entities[mm->entity].type != NG_ETYPE_COUNTRY) {
    return NG_NONE;
  }
  size_t j = i;
  while (j < n->n_tok && n->tok[j].end <= mm->end) {
    j++;
  }
  if (is_possessive_s(n, j + 1)) {
    j += 2;
  }
  for (size_t w = 0; w < 3 && j < rec->title_b; w++, j++) {
    if (gov_word(n, j)) {
      return mm->entity;
    }
    if (!is_word(n, j) || (!(n->tok[j].flags & NG_TOK_LOWER) &&
                           !word_is(n, j, NG_LEX_PORTFOLIO))) {
      break;
    }
  }
  return NG_NONE;
}

/* Gives "his Bolivian counterpart X" the office of the title holder named
 * before it in the same or the previous sentence ("Chilean Foreign
 * Minister Y and his Bolivian counterpart X": X is Bolivia's minister). */
static void
resolve_counterparts(struct ner *n)
{
  for (size_t r = 0; r < n->n_recs; r++) {
    struct trec *rec = &n->recs[r];
    if (!rec->counterpart) {
      continue;
    }
    for (size_t o = r; o-- > 0;) {
      const struct trec *ante = &n->recs[o];
      if (ante->sentence + 1 < rec->sentence) {
        break;
      }
      if (ante->person == rec->person || ante->counterpart || ante->blocked) {
        continue;
      }
      size_t k = 0;
      while (k < ante->n_t && ante->off[k] == NG_OFFICE_ROLE &&
             ante->org_off[k] == NG_OFFICE_NONE) {
        k++;
      }
      if (k == ante->n_t) {
        continue;
      }
      for (size_t c = 0; c < rec->n_t; c++) {
        if (rec->off[c] == NG_OFFICE_COUNTERPART) {
          rec->off[c] = ante->off[k];
          rec->org_off[c] = ante->org_off[k];
          rec->title_b = ante->title_b; /* the same title words */
          rec->title_e = ante->title_e;
        }
      }
      break;
    }
  }
}

static ng_status
pass_offices(struct ner *n)
{
  ng_status st;
  size_t implied = NG_NONE;
  bool implied_done = false;
  /* targets: resolve qualifiers; create unknown organisation qualifiers */
  size_t *target = calloc(n->n_recs ? n->n_recs : 1, sizeof *target);
  if (!target) {
    return NG_ERR_NOMEM;
  }
  for (size_t r = 0; r < n->n_recs; r++) {
    struct trec *rec = &n->recs[r];
    size_t t = entity_ending_at(n, rec->qual_end);
    if (t == NG_NONE && rec->qual_begin != NG_NONE &&
        rec->qual_end != NG_NONE) {
      bool leader = false;
      for (size_t k = 0; k < rec->n_t; k++) {
        leader = leader || rec->t[k]->org_office == NG_OFFICE_LEADER;
      }
      bool free_span = true;
      for (size_t k = rec->qual_begin; k < rec->qual_end; k++) {
        free_span = free_span && !n->used[k];
      }
      if (leader && free_span) {
        char *label = NULL;
        st = span_text(n, rec->qual_begin, rec->qual_end, &label);
        if (st == NG_OK) {
          st = get_entity(n, NG_ETYPE_ORGANIZATION, label, NULL, &t);
        }
        free(label);
        if (st == NG_OK) {
          st = add_mention(n, rec->qual_begin, rec->qual_end, t,
                           NG_MENTION_NAME);
        }
        if (st != NG_OK) {
          free(target);
          return st;
        }
      }
    }
    if (t == NG_NONE) {
      t = entity_starting_at(n, rec->comp_begin);
    }
    target[r] = t;
  }
  resolve_counterparts(n);
  for (size_t r = 0; r < n->n_recs; r++) {
    const struct trec *rec = &n->recs[r];
    if (rec->blocked) {
      continue;
    }
    size_t t = target[r];
    for (size_t k = 0; k < rec->n_t; k++) {
      enum ng_office office = rec->off[k];
      struct ng_fact f;
      memset(&f, 0, sizeof f);
      f.subject = rec->person;
      f.sentence = rec->sentence;
      f.confidence = 0.9;
      f.modality = NG_MOD_ASSERTED;
      f.rel = NG_REL_COUNT;
      if (t != NG_NONE) {
        enum ng_etype tt = n->doc->entities[t].type;
        if (tt == NG_ETYPE_COUNTRY) {
          f.rel = ng__gazetteer_office_rel(office);
          if (f.rel == NG_REL_LEADER_OF) {
            f.rel = NG_REL_COUNT;
          }
        } else if (is_org_type(tt)) {
          f.rel = ng__gazetteer_office_rel(rec->org_off[k]);
        }
        f.object = t;
      } else if (!rec->counterpart &&
                 (office == NG_OFFICE_HEAD_OF_STATE ||
                  office == NG_OFFICE_HEAD_OF_GOVERNMENT ||
                  office == NG_OFFICE_MINISTER)) {
        size_t speaker = speaking_country(n, rec);
        if (speaker != NG_NONE &&
            !office_taken(n, target, r, office, speaker)) {
          f.rel = ng__gazetteer_office_rel(office);
          f.object = speaker;
          f.confidence = 0.8;
          goto add;
        }
        if (!implied_done) {
          st = implied_country(n, &implied);
          if (st != NG_OK) {
            free(target);
            return st;
          }
          implied_done = true;
        }
        if (implied == NG_NONE) {
          continue;
        }
        /* no qualified title gives this person another country */
        bool conflict = false;
        for (size_t o = 0; o < n->n_recs; o++) {
          size_t ot = target[o];
          if (ot == NG_NONE || ot == implied ||
              n->doc->entities[ot].type != NG_ETYPE_COUNTRY) {
            continue;
          }
          conflict = conflict ||
                     share_word(n->doc->entities[n->recs[o].person].label,
                                n->doc->entities[rec->person].label);
        }
        if (conflict || speaker != NG_NONE ||
            office_taken(n, target, r, office, implied)) {
          continue;
        }
        f.rel = ng__gazetteer_office_rel(office);
        f.object = implied;
        f.confidence = 0.75;
      }
      if (f.rel == NG_REL_COUNT) {
        continue;
      }
    add:
      st = ng__doc_add_fact(n->doc, &f);
      if (st != NG_OK) {
        free(target);
        return st;
      }
    }
  }
  free(target);
  return NG_OK;
}

/* ---- driver ---- */

static ng_status
tokenize_doc(struct ner *n)
{
  ng_status st;
  struct ng_doc *doc = n->doc;
  n->sent_first = calloc(doc->n_sentences + 1, sizeof *n->sent_first);
  if (!n->sent_first) {
    return NG_ERR_NOMEM;
  }
  size_t cap = 0;
  for (size_t s = 0; s < doc->n_sentences; s++) {
    struct ng_token *t = NULL;
    size_t k = 0;
    TRY(st, ng__segment_tokenize(doc->text, doc->sentences[s].begin,
                                 doc->sentences[s].end, &t, &k));
    n->sent_first[s] = n->n_tok;
    if (n->n_tok + k > cap) {
      size_t ncap = (n->n_tok + k) * 2 + 64;
      struct ng_token *p = realloc(n->tok, ncap * sizeof *p);
      size_t *q = realloc(n->sent_of, ncap * sizeof *q);
      if (p) {
        n->tok = p;
      }
      if (q) {
        n->sent_of = q;
      }
      if (!p || !q) {
        free(t);
        return NG_ERR_NOMEM;
      }
      cap = ncap;
    }
    for (size_t x = 0; x < k; x++) {
      n->tok[n->n_tok] = t[x];
      n->sent_of[n->n_tok] = s;
      n->n_tok++;
    }
    free(t);
  }
  n->sent_first[doc->n_sentences] = n->n_tok;
  size_t nt = n->n_tok ? n->n_tok : 1;
  n->used = calloc(nt, 1);
  n->ment_begin = malloc(nt * sizeof *n->ment_begin);
  n->ment_end = malloc(nt * sizeof *n->ment_end);
  if (!n->used || !n->ment_begin || !n->ment_end) {
    return NG_ERR_NOMEM;
  }
  for (size_t i = 0; i < nt; i++) {
    n->ment_begin[i] = n->ment_end[i] = NG_NONE;
  }
  struct tok_cache *c = n->tc;
  if (c) {
    /* the cache is optional: without its arrays the lookups are redone */
    c->off = malloc(nt * sizeof *c->off);
    c->cnt = malloc(nt);
    c->wk = calloc(nt, sizeof *c->wk);
    c->wv = calloc(nt, sizeof *c->wv);
    c->mk = malloc(nt * sizeof *c->mk);
    if (!c->off || !c->cnt || !c->wk || !c->wv || !c->mk) {
      free(c->off);
      free(c->cnt);
      free(c->wk);
      free(c->wv);
      free(c->mk);
      c->off = NULL;
      c->cnt = NULL;
      c->wk = c->wv = c->mk = NULL;
    } else {
      for (size_t i = 0; i < nt; i++) {
        c->off[i] = UINT32_MAX;
      }
    }
  }
  return NG_OK;
}

/* Hands the tokens of @p n over to its doc (doc->toks, for
 * ng__coref_run()), with the sentence bounds they were made for; keeps
 * nothing when out of memory (coref then tokenizes again). */
static void
keep_tokens(struct ner *n)
{
  struct ng_doc *doc = n->doc;
  size_t ns = doc->n_sentences;
  size_t *bounds = ns ? malloc(2 * ns * sizeof *bounds) : NULL;
  if (!bounds || !n->sent_first) {
    free(bounds);
    return;
  }
  for (size_t s = 0; s < ns; s++) {
    bounds[2 * s] = doc->sentences[s].begin;
    bounds[2 * s + 1] = doc->sentences[s].end;
  }
  free(doc->toks);
  free(doc->tok_first);
  free(doc->tok_bounds);
  doc->toks = n->tok;
  doc->tok_first = n->sent_first;
  doc->tok_bounds = bounds;
  doc->n_tok_sents = ns;
  n->tok = NULL;
  n->sent_first = NULL;
}

static void
ner_clear(struct ner *n)
{
  free(n->tok);
  free(n->sent_of);
  free(n->sent_first);
  free(n->used);
  free(n->ment_begin);
  free(n->ment_end);
  for (size_t a = 0; a < n->n_aliases; a++) {
    free(n->aliases[a].s);
  }
  free(n->aliases);
  free(n->recs);
  free(n->ent_entry);
  free(n->lower);
  if (n->tc) {
    free(n->tc->m);
    free(n->tc->off);
    free(n->tc->cnt);
    free(n->tc->wk);
    free(n->tc->wv);
    free(n->tc->mk);
  }
}

ng_status
ng__ner_run(ng_world *world, struct ng_doc *doc)
{
  ng_status st;
  if (!world || !world->gaz || !doc->text || doc->n_sentences == 0) {
    return NG_OK;
  }
  struct ner n;
  struct label_memo memo;
  struct tok_cache tc;
  memset(&n, 0, sizeof n);
  memset(&tc, 0, sizeof tc);
  memo.n = 0;
  n.memo = &memo;
  n.tc = &tc;
  n.world = world;
  n.doc = doc;
  n.gaz = world->gaz;
  n.text = doc->text;
  n.len = doc->text_len ? doc->text_len : strlen(doc->text);
  n.agency = NG_NONE;
  n.home = NG_NONE;
  if (doc->meta.publisher) {
    size_t g = ng__gazetteer_find_entry(n.gaz, NG_ETYPE_NEWS_AGENCY, false,
                                        doc->meta.publisher,
                                        strlen(doc->meta.publisher));
    const struct ng_gaz_entry *ge = ng__gazetteer_entry(n.gaz, g);
    n.home = ge ? ge->home_country : NG_NONE;
  }
  TRY_DONE(st, tokenize_doc(&n));
  TRY_DONE(st, index_lower_words(&n));
  TRY_DONE(st, pass_dateline(&n));
  TRY_DONE(st, pass_trailer(&n));
  TRY_DONE(st, pass_definitions(&n));
  TRY_DONE(st, pass_admin_places(&n));
  TRY_DONE(st, pass_typed_names(&n));
  TRY_DONE(st, pass_described_orgs(&n));
  TRY_DONE(st, pass_titles(&n));
  TRY_DONE(st, pass_parties(&n));
  TRY_DONE(st, pass_cjk_names(&n));
  TRY_DONE(st, pass_person_places(&n));
  TRY_DONE(st, pass_gazetteer(&n));
  TRY_DONE(st, pass_city_context(&n));
  TRY_DONE(st, pass_aliases(&n));
  TRY_DONE(st, pass_context(&n));
  TRY_DONE(st, pass_offices(&n));
  if (doc->publisher == NG_NONE && n.agency != NG_NONE) {
    doc->publisher = n.agency;
  }
  keep_tokens(&n);
done:
  ner_clear(&n);
  return st;
}
