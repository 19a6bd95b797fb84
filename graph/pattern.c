/* SPDX-License-Identifier: MIT */
/* Sentence views (tokens with entity mentions folded in, fallback
 * resolution of pronouns, descriptions and pair phrases, quotation spans)
 * and the matcher for compiled trigger patterns. */
#include "pattern.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- plain tokens ---- */

static bool
is_ascii_letter(unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_alnum(unsigned char c)
{
  return is_ascii_letter(c) || (c >= '0' && c <= '9');
}

/* Bytes of whitespace at @p s (space, tab, CR, LF, no-break space). */
static size_t
space_len(const unsigned char *s, size_t rest)
{
  if (rest >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' ||
                    s[0] == '\r')) {
    return 1;
  }
  if (rest >= 2 && s[0] == 0xC2 && s[1] == 0xA0) {
    return 2;
  }
  if (rest >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
      (s[2] <= 0x8A || s[2] == 0xAF)) {
    return 3; /* en/em/thin/narrow no-break spaces */
  }
  return 0;
}

/* Punctuation classes of multi-byte characters. */
enum pclass { P_NONE, P_QUOTE, P_APOS, P_HYPHEN, P_DASH, P_OTHER };

/* The class and byte length of a punctuation character at @p s, or
 * P_NONE for a letter. */
static enum pclass
punct_at(const unsigned char *s, size_t rest, size_t *n)
{
  unsigned char c = s[0];
  *n = 1;
  if (c == '"') {
    return P_QUOTE;
  }
  if (c == '\'') {
    return P_APOS;
  }
  if (c == '-') {
    if (rest >= 2 && s[1] == '-') {
      *n = 2;
      return P_DASH;
    }
    return P_HYPHEN;
  }
  if (c < 0x80) {
    return is_alnum(c) ? P_NONE : P_OTHER;
  }
  if (c == 0xC2 && rest >= 2) {
    *n = 2;
    if (s[1] == 0xAB || s[1] == 0xBB) {
      return P_QUOTE;
    }
    return s[1] < 0xC0 ? P_OTHER : P_NONE;
  }
  if (c == 0xE2 && rest >= 3) {
    *n = 3;
    if (s[1] == 0x80) {
      switch (s[2]) {
      case 0x9C: case 0x9D: case 0x9E: case 0x9F:
        return P_QUOTE;
      case 0x98: case 0x99: case 0x9A: case 0x9B:
        return P_APOS;
      case 0x90: case 0x91: case 0x92: case 0x93:
        return P_HYPHEN;
      case 0x94: case 0x95:
        return P_DASH;
      default:
        return P_OTHER;
      }
    }
    if (s[1] >= 0x80 && s[1] <= 0x82) {
      return P_OTHER; /* general punctuation, super/subscripts, currency */
    }
    return P_NONE;
  }
  /* other non-ASCII: a letter; consume the whole UTF-8 sequence */
  *n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (*n > rest) {
    *n = rest;
  }
  return P_NONE;
}

static void
set_low(char *low, size_t lowcap, const char *s, size_t n)
{
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < lowcap; i++) {
    char c = s[i];
    low[k++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  }
  low[k] = '\0';
}

bool
ng__tok_next(const char *text, size_t len, size_t pos, size_t *begin,
             size_t *end, enum ng_tok_kind *kind, char *low, size_t lowcap)
{
  const unsigned char *s = (const unsigned char *)text;
  size_t n;
  while (pos < len && (n = space_len(s + pos, len - pos)) > 0) {
    pos += n;
  }
  if (pos >= len) {
    return false;
  }
  *begin = pos;
  enum pclass pc = punct_at(s + pos, len - pos, &n);
  if (pc == P_QUOTE) {
    *kind = NG_TOK_QUOTE;
    *end = pos + n;
    set_low(low, lowcap, "\"", 1);
    return true;
  }
  if (pc == P_APOS) {
    size_t q = pos + n;
    if (q < len && (s[q] == 's' || s[q] == 'S') &&
        (q + 1 >= len || !is_alnum(s[q + 1]))) {
      *kind = NG_TOK_PUNCT;
      *end = q + 1;
      set_low(low, lowcap, "'s", 2);
      return true;
    }
    *kind = NG_TOK_PUNCT;
    *end = q;
    set_low(low, lowcap, "'", 1);
    return true;
  }
  if (pc == P_HYPHEN || pc == P_DASH) {
    *kind = NG_TOK_PUNCT;
    *end = pos + n;
    set_low(low, lowcap, pc == P_DASH ? "--" : "-", pc == P_DASH ? 2 : 1);
    return true;
  }
  if (pc == P_OTHER) {
    *kind = NG_TOK_PUNCT;
    *end = pos + n;
    set_low(low, lowcap, text + pos, n);
    return true;
  }
  /* "n't" as its own token */
  if ((s[pos] == 'n' || s[pos] == 'N') && pos + 1 < len) {
    size_t an;
    if (punct_at(s + pos + 1, len - pos - 1, &an) == P_APOS &&
        pos + 1 + an < len && (s[pos + 1 + an] | 0x20) == 't' &&
        (pos + 2 + an >= len || !is_alnum(s[pos + 2 + an]))) {
      *kind = NG_TOK_WORD;
      *end = pos + 2 + an;
      set_low(low, lowcap, "n't", 3);
      return true;
    }
  }
  /* a word */
  size_t i = pos, k = 0;
  while (i < len) {
    if (s[i] < 0x80 && is_alnum(s[i])) {
      /* the common case, as punct_at() would class it: a letter */
      if (k + 1 < lowcap) {
        unsigned char c = s[i];
        low[k++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
      }
      i++;
      continue;
    }
    pc = punct_at(s + i, len - i, &n);
    if (pc == P_NONE) {
      for (size_t b = 0; b < n && k + 1 < lowcap; b++) {
        unsigned char c = s[i + b];
        low[k++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
      }
      i += n;
      continue;
    }
    if ((s[i] == '.' || s[i] == ',') && i > pos && i + 1 < len &&
        s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' &&
        s[i + 1] <= '9') {
      /* "11.46", "16,189": one number */
      if (k + 1 < lowcap) {
        low[k++] = (char)s[i];
      }
      i++;
      continue;
    }
    if (pc == P_APOS && i + n < len && is_ascii_letter(s[i + n])) {
      size_t q = i + n;
      bool poss = (s[q] | 0x20) == 's' && (q + 1 >= len || !is_alnum(s[q + 1]));
      bool nt = (s[q] | 0x20) == 't' && i > pos && (s[i - 1] | 0x20) == 'n' &&
                (q + 1 >= len || !is_alnum(s[q + 1]));
      if (poss) {
        break;
      }
      if (nt) {
        if (i - 1 > pos) {
          i--; /* end before the 'n' of "n't" */
          if (k > 0) {
            k--;
          }
        }
        break;
      }
      if (k + 1 < lowcap) {
        low[k++] = '\'';
      }
      i = q;
      continue;
    }
    break;
  }
  low[k] = '\0';
  *kind = NG_TOK_WORD;
  *end = i > pos ? i : pos + 1;
  return true;
}

bool
ng__tok_is_hard_barrier(const struct ng_tok *t)
{
  if (t->kind == NG_TOK_QUOTE) {
    return true;
  }
  if (t->kind != NG_TOK_PUNCT) {
    return false;
  }
  if (t->wf & NG_WF_SET) {
    return (t->wf & NG_WF_STOP) != 0;
  }
  return strcmp(t->low, ".") == 0 || strcmp(t->low, ";") == 0 ||
         strcmp(t->low, ":") == 0 || strcmp(t->low, "!") == 0 ||
         strcmp(t->low, "?") == 0 || strcmp(t->low, "--") == 0;
}

/* The one-word phrases of a word list in an open-addressing hash table
 * (FNV-1a of the word), so that a token's membership costs one hash
 * instead of a scan of the list. Filled per ng__views_build() call on
 * the stack: no allocation; with more words than fit, ok is false and
 * the callers scan the list. */
#define WSET_SLOTS 1024u
struct wset {
  const char *slot[WSET_SLOTS];
  bool ok;
};

static uint32_t
wset_hash(const char *w)
{
  uint32_t h = 2166136261u;
  for (const unsigned char *p = (const unsigned char *)w; *p; p++) {
    h = (h ^ *p) * 16777619u;
  }
  return h;
}

static void
wset_fill(struct wset *ws, const struct ng_wordlist *wl)
{
  memset(ws->slot, 0, sizeof ws->slot);
  ws->ok = false;
  size_t n = 0;
  for (size_t p = 0; p < wl->n_phrases; p++) {
    if (wl->phrases[p].n_words == 1 && ++n > WSET_SLOTS / 2) {
      return; /* too many for the table: callers scan the list */
    }
  }
  for (size_t p = 0; p < wl->n_phrases; p++) {
    if (wl->phrases[p].n_words != 1) {
      continue;
    }
    const char *w = wl->phrases[p].words[0];
    for (uint32_t h = wset_hash(w) & (WSET_SLOTS - 1);;
         h = (h + 1) & (WSET_SLOTS - 1)) {
      if (!ws->slot[h]) {
        ws->slot[h] = w;
        break;
      }
      if (strcmp(ws->slot[h], w) == 0) {
        break;
      }
    }
  }
  ws->ok = true;
}

static bool
wset_has(const struct wset *ws, const char *w)
{
  for (uint32_t h = wset_hash(w) & (WSET_SLOTS - 1);;
       h = (h + 1) & (WSET_SLOTS - 1)) {
    if (!ws->slot[h]) {
      return false;
    }
    if (ws->slot[h][0] == w[0] && strcmp(ws->slot[h], w) == 0) {
      return true;
    }
  }
}

/* The NG_WF_* bits of the lower-cased token text @p low (see pattern.h);
 * NG_WF_SPEECH from the one-word phrases of @p lex's speech verbs (looked
 * up in @p speech when it is filled, else scanned). */
static unsigned
word_flags(const struct ng_lexicon *lex, const struct wset *speech,
           const char *low)
{
  /* NG_WF_CLAUSE: while whilst whereas but although though however;
   * NG_WF_REL: which who whose; NG_WF_BE: is are was were; NG_WF_STOP:
   * . ; : ! ? --; and the single words below. Dispatched on the first
   * byte: a token is compared with the few words that start like it. */
  static const struct {
    const char *w;
    unsigned f;
  } words[] = {
      {"while", NG_WF_CLAUSE},  {"whilst", NG_WF_CLAUSE},
      {"whereas", NG_WF_CLAUSE}, {"which", NG_WF_REL},
      {"who", NG_WF_REL},        {"whose", NG_WF_REL},
      {"was", NG_WF_BE},         {"were", NG_WF_BE},
      {"but", NG_WF_CLAUSE | NG_WF_BUT},
      {"although", NG_WF_CLAUSE}, {"and", NG_WF_AND},
      {"are", NG_WF_BE},         {"though", NG_WF_CLAUSE},
      {"to", NG_WF_TO},          {"however", NG_WF_CLAUSE},
      {"is", NG_WF_BE},          {"--", NG_WF_STOP},
  };
  unsigned f = NG_WF_SET;
  switch (low[0]) {
  case '.': case ';': case ':': case '!': case '?':
    f |= low[1] == '\0' ? NG_WF_STOP : 0;
    break;
  case ',':
    f |= low[1] == '\0' ? NG_WF_COMMA : 0;
    break;
  case '(': case ')':
    f |= low[1] == '\0' ? NG_WF_PAREN : 0;
    break;
  case 'w': case 'b': case 'a': case 't': case 'h': case 'i': case '-':
    for (size_t k = 0; k < ARRAY_LEN(words); k++) {
      if (words[k].w[0] == low[0] && strcmp(words[k].w, low) == 0) {
        f |= words[k].f;
        break;
      }
    }
    break;
  default:
    break;
  }
  if (speech && speech->ok) {
    return wset_has(speech, low) ? f | NG_WF_SPEECH : f;
  }
  const struct ng_wordlist *wl = &lex->lists[NG_WL_SPEECH];
  for (size_t p = 0; p < wl->n_phrases; p++) {
    if (wl->phrases[p].n_words == 1 && wl->phrases[p].words[0][0] == low[0] &&
        strcmp(wl->phrases[p].words[0], low) == 0) {
      f |= NG_WF_SPEECH;
      break;
    }
  }
  return f;
}

/* ---- quotation spans ---- */

static ng_status
add_qspan(struct ng_views *v, size_t *cap, size_t open, size_t begin,
          size_t end, size_t close)
{
  if (v->n_quotes == *cap) {
    size_t ncap = *cap ? *cap * 2 : 16;
    struct ng_qspan *p = realloc(v->quotes, ncap * sizeof *p);
    if (!p) {
      return NG_ERR_NOMEM;
    }
    v->quotes = p;
    *cap = ncap;
  }
  v->quotes[v->n_quotes++] = (struct ng_qspan){open, begin, end, close};
  return NG_OK;
}

/* Quotation spans: curly marks pair by direction, straight marks
 * alternate; neither runs past a paragraph break. */
static ng_status
find_quotes(const char *text, size_t len, struct ng_views *v)
{
  size_t cap = 0, i = 0;
  size_t open = NG_NONE, begin = 0;
  ng_status st;
  while (i < len) {
    const unsigned char *s = (const unsigned char *)text + i;
    if (s[0] < 0x80 && s[0] != '"' && s[0] != '\n') {
      i++; /* no quotation mark starts with another ASCII byte */
      continue;
    }
    if (s[0] == '\n' && i + 1 < len && s[1] == '\n') {
      if (open != NG_NONE) {
        TRY(st, add_qspan(v, &cap, open, begin, i, i));
        open = NG_NONE;
      }
      i += 2;
      continue;
    }
    size_t n;
    enum pclass pc = punct_at(s, len - i, &n);
    if (pc == P_QUOTE) {
      bool opening = s[0] == 0xE2 ? (s[2] == 0x9C || s[2] == 0x9E)
                     : s[0] == 0xC2 ? s[1] == 0xAB
                                    : open == NG_NONE;
      bool closing = s[0] == 0xE2 ? (s[2] == 0x9D || s[2] == 0x9F)
                     : s[0] == 0xC2 ? s[1] == 0xBB
                                    : open != NG_NONE;
      if (opening && open == NG_NONE) {
        open = i;
        begin = i + n;
      } else if (closing && open != NG_NONE) {
        TRY(st, add_qspan(v, &cap, open, begin, i, i + n));
        open = NG_NONE;
      } else if (opening) {
        /* a new opening mark before a close: restart there */
        open = i;
        begin = i + n;
      }
    }
    i += n ? n : 1;
  }
  if (open != NG_NONE) {
    TRY(st, add_qspan(v, &cap, open, begin, len, len));
  }
  return NG_OK;
}

/* True if byte @p off lies inside a quotation span. find_quotes() makes
 * the spans in text order and disjoint (a span ends before the next
 * opening mark), so the only candidate is the last span beginning at or
 * before @p off: binary search, O(log quotes). */
static bool
in_quote(const struct ng_views *v, size_t off)
{
  size_t lo = 0, hi = v->n_quotes;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (v->quotes[mid].begin <= off) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo > 0 && off < v->quotes[lo - 1].end;
}

/* ---- views ---- */

static int
cmp_mention(const void *a, const void *b)
{
  const struct ng_mention *x = *(const struct ng_mention *const *)a;
  const struct ng_mention *y = *(const struct ng_mention *const *)b;
  if (x->begin != y->begin) {
    return x->begin < y->begin ? -1 : 1;
  }
  /* longer first */
  if (x->end != y->end) {
    return x->end > y->end ? -1 : 1;
  }
  return 0;
}

static ng_status
push_tok(struct ng_view *view, size_t *cap, const struct ng_tok *t)
{
  if (view->n_toks == *cap) {
    size_t ncap = *cap ? *cap * 2 : 64;
    struct ng_tok *p = realloc(view->toks, ncap * sizeof *p);
    if (!p) {
      return NG_ERR_NOMEM;
    }
    view->toks = p;
    *cap = ncap;
  }
  view->toks[view->n_toks++] = *t;
  return NG_OK;
}

/* The two countries most often mentioned (ties: the one mentioned
 * first). One pass over the mentions counts them per entity. */
static ng_status
salient_pair(const struct ng_doc *doc, size_t pair[2])
{
  pair[0] = pair[1] = NG_NONE;
  size_t best[2] = {0, 0};
  size_t first[2] = {SIZE_MAX, SIZE_MAX};
  if (doc->n_entities == 0) {
    return NG_OK;
  }
  size_t *counts = calloc(doc->n_entities, sizeof *counts);
  size_t *ats = malloc(doc->n_entities * sizeof *ats);
  if (!counts || !ats) {
    free(counts);
    free(ats);
    return NG_ERR_NOMEM;
  }
  for (size_t e = 0; e < doc->n_entities; e++) {
    ats[e] = SIZE_MAX;
  }
  for (size_t m = 0; m < doc->n_mentions; m++) {
    size_t e = ng__doc_resolve(doc, doc->mentions[m].entity);
    if (e >= doc->n_entities) {
      continue;
    }
    counts[e]++;
    if (doc->mentions[m].begin < ats[e]) {
      ats[e] = doc->mentions[m].begin;
    }
  }
  for (size_t e = 0; e < doc->n_entities; e++) {
    if (doc->entities[e].merged || doc->entities[e].type != NG_ETYPE_COUNTRY) {
      continue;
    }
    size_t count = counts[e], at = ats[e];
    if (count == 0) {
      continue;
    }
    for (int k = 0; k < 2; k++) {
      if (count > best[k] || (count == best[k] && at < first[k])) {
        if (k == 0) {
          pair[1] = pair[0];
          best[1] = best[0];
          first[1] = first[0];
        }
        pair[k] = e;
        best[k] = count;
        first[k] = at;
        break;
      }
    }
  }
  free(counts);
  free(ats);
  return NG_OK;
}

size_t
ng__doc_office_of(const struct ng_doc *doc, size_t person, unsigned types)
{
  for (size_t i = 0; i < doc->n_facts; i++) {
    const struct ng_fact *f = &doc->facts[i];
    if (f->modality == NG_MOD_DENIED ||
        ng__doc_resolve(doc, f->subject) != person) {
      continue;
    }
    if (f->rel != NG_REL_HEAD_OF_STATE_OF &&
        f->rel != NG_REL_HEAD_OF_GOVERNMENT_OF &&
        f->rel != NG_REL_MINISTER_OF && f->rel != NG_REL_LEADER_OF) {
      continue;
    }
    size_t o = ng__doc_resolve(doc, f->object);
    if (o != NG_NONE && (types & NG_TYPE_BIT(doc->entities[o].type))) {
      return o;
    }
  }
  return NG_NONE;
}

/* One answer read from the office facts during a search. */
enum fq_kind { FQ_OFFICE_OF, FQ_FITS, FQ_HOLDER };

struct fact_query {
  enum fq_kind kind;
  size_t ent;          /* the person (FQ_OFFICE_OF, FQ_FITS) or country */
  unsigned types;      /* FQ_OFFICE_OF: the entity types asked for */
  bool ministers;      /* FQ_HOLDER: ministers rather than leaders */
  size_t qent;         /* FQ_FITS: the description's qualifying entity */
  bool has_qword;      /* FQ_FITS: it has a qualifying word ... */
  size_t qbegin, qend; /* ... at these bytes of doc->text */
  enum ng_rel rel;     /* FQ_FITS: the office the title gives */
  size_t answer;       /* the entity found, or the boolean */
};

#define FACT_LOG_MAX 65536

struct ng_fact_log {
  struct fact_query *q;
  size_t n, cap;
  bool full; /* a query was not recorded: answers unknown */
};

/* Appends @p fq to the log of @p views (repeats of a recent entry are
 * not kept twice). */
static void
log_query(const struct ng_views *views, const struct fact_query *fq)
{
  struct ng_fact_log *log = views->log;
  if (!log || log->full) {
    return;
  }
  for (size_t k = log->n; k-- > 0 && log->n - k <= 4;) {
    if (memcmp(&log->q[k], fq, sizeof *fq) == 0) {
      return;
    }
  }
  if (log->n == log->cap) {
    size_t ncap = log->cap ? 2 * log->cap : 64;
    struct fact_query *p =
        ncap <= FACT_LOG_MAX ? realloc(log->q, ncap * sizeof *p) : NULL;
    if (!p) {
      log->full = true;
      return;
    }
    log->q = p;
    log->cap = ncap;
  }
  log->q[log->n++] = *fq;
}

void
ng__views_mark(const struct ng_views *views, size_t ent, unsigned bit)
{
  if (views->asked && ent < views->n_asked) {
    views->asked[ent] |= (unsigned char)bit;
  }
}

size_t
ng__views_office_of(const struct ng_views *views, const struct ng_doc *doc,
                    size_t person, unsigned types)
{
  ng__views_mark(views, person, NG_ASKED_OFFICE);
  size_t o = ng__doc_office_of(doc, person, types);
  struct fact_query fq;
  memset(&fq, 0, sizeof fq); /* compared with memcmp: no stray padding */
  fq.kind = FQ_OFFICE_OF;
  fq.ent = person;
  fq.types = types;
  fq.answer = o;
  log_query(views, &fq);
  return o;
}

/* Length in tokens of a phrase of @p wl starting at token @p i, or 0. */
static size_t
phrase_at(const struct ng_view *v, size_t i, const struct ng_wordlist *wl)
{
  size_t best = 0;
  if (i >= v->n_toks || (v->toks[i].kind != NG_TOK_WORD &&
                         v->toks[i].kind != NG_TOK_PUNCT)) {
    return 0; /* no phrase starts on another kind of token */
  }
  char c0 = v->toks[i].low[0];
  /* only the phrases beginning with c0, from the list's index */
  size_t q = 0, q_end = wl->n_phrases;
  if (wl->by_first) {
    q = wl->at[(unsigned char)c0];
    q_end = wl->at[(unsigned char)c0 + 1];
  }
  for (; q < q_end; q++) {
    size_t p = wl->by_first ? wl->by_first[q] : q;
    const struct ng_phrase *ph = &wl->phrases[p];
    /* the first byte first: most phrases fail there */
    if (ph->n_words == 0 || ph->words[0][0] != c0 ||
        i + ph->n_words > v->n_toks || ph->n_words <= best) {
      continue;
    }
    size_t k = 0;
    for (; k < ph->n_words; k++) {
      const struct ng_tok *t = &v->toks[i + k];
      if ((t->kind != NG_TOK_WORD && t->kind != NG_TOK_PUNCT) ||
          t->low[0] != ph->words[k][0] || strcmp(t->low, ph->words[k]) != 0) {
        break;
      }
    }
    if (k == ph->n_words) {
      best = ph->n_words;
    }
  }
  return best;
}

size_t
ng__view_find(const struct ng_view *view, size_t from, size_t to,
              const struct ng_wordlist *list, size_t *n)
{
  /* first bytes of the phrases' first words: a token with another first
   * byte starts none of them, and phrase_at() is not tried there */
  if (to > from && to - from <= 2) {
    /* one or two tokens: phrase_at() tests the first bytes itself */
    for (size_t i = from; i < to && i < view->n_toks; i++) {
      size_t k = phrase_at(view, i, list);
      if (k) {
        if (n) {
          *n = k;
        }
        return i;
      }
    }
    return NG_NONE;
  }
  uint64_t first[4] = {0, 0, 0, 0};
  if (list->by_first) {
    memcpy(first, list->first, sizeof first);
  }
  for (size_t p = 0; !list->by_first && p < list->n_phrases; p++) {
    if (list->phrases[p].n_words > 0) {
      unsigned char c = (unsigned char)list->phrases[p].words[0][0];
      first[c >> 6] |= (uint64_t)1 << (c & 63u);
    }
  }
  for (size_t i = from; i < to && i < view->n_toks; i++) {
    const struct ng_tok *t = &view->toks[i];
    unsigned char c0 = (unsigned char)t->low[0];
    if ((t->kind != NG_TOK_WORD && t->kind != NG_TOK_PUNCT) ||
        !(first[c0 >> 6] & ((uint64_t)1 << (c0 & 63u)))) {
      continue;
    }
    size_t k = phrase_at(view, i, list);
    if (k) {
      if (n) {
        *n = k;
      }
      return i;
    }
  }
  return NG_NONE;
}

/* A phrase of @p w words ends at token @p end - 1 when its words are
 * the word or punctuation tokens [end - w, end) (then phrase_at() at
 * end - w finds it or a longer one). O(phrases) per call. */
bool
ng__view_ends_with(const struct ng_view *view, size_t end,
                   const struct ng_wordlist *list)
{
  /* the last token, tested first: most phrases end otherwise */
  bool last_ok = false;
  char last0 = 0;
  if (end > 0 && end <= view->n_toks) {
    const struct ng_tok *t = &view->toks[end - 1];
    last_ok = t->kind == NG_TOK_WORD || t->kind == NG_TOK_PUNCT;
    last0 = t->low[0];
  }
  for (size_t p = 0; p < list->n_phrases; p++) {
    const struct ng_phrase *ph = &list->phrases[p];
    size_t w = ph->n_words;
    if (w == 0) {
      return true;
    }
    if (w > end || end > view->n_toks || !last_ok ||
        ph->words[w - 1][0] != last0) {
      continue;
    }
    size_t k = 0;
    for (; k < w; k++) {
      const struct ng_tok *t = &view->toks[end - w + k];
      if ((t->kind != NG_TOK_WORD && t->kind != NG_TOK_PUNCT) ||
          t->low[0] != ph->words[k][0] || strcmp(t->low, ph->words[k]) != 0) {
        break;
      }
    }
    if (k == w) {
      return true;
    }
  }
  return false;
}

/* Replaces tokens [i, i + n) of @p v with one token @p t. */
static void
collapse(struct ng_view *v, size_t i, size_t n, const struct ng_tok *t)
{
  struct ng_tok nt = *t;
  nt.begin = v->toks[i].begin;
  nt.end = v->toks[i + n - 1].end;
  nt.quoted = v->toks[i].quoted;
  v->toks[i] = nt;
  memmove(&v->toks[i + 1], &v->toks[i + n],
          (v->n_toks - i - n) * sizeof *v->toks);
  v->n_toks -= n - 1;
}

/* The most recent entity before token @p ti of view @p vi accepted by
 * @p ok (scanning back through earlier views), or NG_NONE. */
static size_t
recent_entity(const struct ng_doc *doc, const struct ng_views *views,
              size_t vi, size_t ti,
              bool (*ok)(const struct ng_doc *, size_t, int), int arg)
{
  for (size_t k = vi + 1; k-- > 0;) {
    const struct ng_view *v = &views->v[k];
    size_t end = k == vi ? ti : v->n_toks;
    for (size_t t = end; t-- > 0;) {
      if (v->toks[t].kind == NG_TOK_ENT && ok(doc, v->toks[t].ent, arg)) {
        return v->toks[t].ent;
      }
    }
    if (vi - k > 12) {
      break;
    }
  }
  return NG_NONE;
}

static bool
ok_intl_org(const struct ng_doc *doc, size_t e, int arg)
{
  (void)arg;
  return doc->entities[e].type == NG_ETYPE_INTL_ORG;
}


/* What a definite description of an office holder says: "the
 * [qualifier] <title>". */
struct described {
  size_t qent;               /* qualifying country or organisation */
  const struct ng_tok *qword; /* qualifying capitalised word, or NULL */
  enum ng_rel rel;           /* the office the bare title gives */
  const char *head;          /* the title's last word, lower case */
};

/* True if @p word (@p n bytes) is a whole word of @p label, ignoring
 * case ("Commission" in "European Commission"). */
static bool
label_has_word(const char *label, const char *word, size_t n)
{
  size_t ll = strlen(label);
  for (size_t i = 0; i + n <= ll; i++) {
    if ((i == 0 || label[i - 1] == ' ' || label[i - 1] == '-') &&
        (i + n == ll || label[i + n] == ' ' || label[i + n] == '-') &&
        strncasecmp(label + i, word, n) == 0) {
      return true;
    }
  }
  return false;
}

/* True if @p person holds the office @p d describes according to the
 * office facts. */
static bool
fits_office(const struct ng_doc *doc, size_t person,
            const struct described *d)
{
  for (size_t i = 0; i < doc->n_facts; i++) {
    const struct ng_fact *f = &doc->facts[i];
    if (f->modality == NG_MOD_DENIED ||
        ng__doc_resolve(doc, f->subject) != person ||
        (f->rel != NG_REL_HEAD_OF_STATE_OF &&
         f->rel != NG_REL_HEAD_OF_GOVERNMENT_OF &&
         f->rel != NG_REL_MINISTER_OF && f->rel != NG_REL_LEADER_OF)) {
      continue;
    }
    size_t o = ng__doc_resolve(doc, f->object);
    if (d->qent != NG_NONE) {
      if (o == d->qent && (f->rel == d->rel || f->rel == NG_REL_LEADER_OF ||
                           d->rel == NG_REL_LEADER_OF)) {
        return true;
      }
    } else if (d->qword) {
      if (o != NG_NONE &&
          label_has_word(doc->entities[o].label,
                         doc->text + d->qword->begin,
                         d->qword->end - d->qword->begin)) {
        return true;
      }
    } else if (f->rel == d->rel) {
      return true;
    }
  }
  return false;
}

/* True if the name of the person at token @p t of @p v is written after
 * the title word @p d->head within six tokens of its clause ("The
 * Minister of State for Petroleum Resources, Mr X"), with the qualifying
 * entity among them when there is one. */
static bool
titled_before(const struct ng_doc *doc, const struct ng_view *v, size_t t,
              const struct described *d)
{
  bool head = false, qual = d->qent == NG_NONE;
  for (size_t k = t; k-- > 0 && t - k <= 8;) {
    const struct ng_tok *x = &v->toks[k];
    if (ng__tok_is_hard_barrier(x) || x->kind == NG_TOK_PAIR ||
        (x->kind == NG_TOK_ENT &&
         doc->entities[x->ent].type == NG_ETYPE_PERSON)) {
      break; /* another person's title */
    }
    if (x->kind == NG_TOK_WORD && strcmp(x->low, d->head) == 0) {
      head = true;
    }
    if (x->kind == NG_TOK_ENT && x->ent == d->qent) {
      qual = true;
    }
  }
  return head && qual && d->qword == NULL;
}

/* The person a definite description "the [qualifier] <title>" before
 * token @p ti of view @p vi refers to: the most recent person (this
 * sentence, then up to twelve before) holding the office it describes
 * or whose name came right after the title word.
 * NG_NONE if none. */
static size_t
described_person(const struct ng_doc *doc, const struct ng_views *views,
                 size_t vi, size_t ti, const struct described *d)
{
  for (size_t k = vi + 1; k-- > 0 && vi - k <= 12;) {
    const struct ng_view *v = &views->v[k];
    size_t end = k == vi ? ti : v->n_toks;
    for (size_t t = end; t-- > 0;) {
      const struct ng_tok *x = &v->toks[t];
      if (x->kind != NG_TOK_ENT ||
          doc->entities[x->ent].type != NG_ETYPE_PERSON) {
        continue;
      }
      ng__views_mark(views, x->ent, NG_ASKED_OFFICE);
      bool fits = fits_office(doc, x->ent, d);
      struct fact_query fq;
      memset(&fq, 0, sizeof fq);
      fq.kind = FQ_FITS;
      fq.ent = x->ent;
      fq.qent = d->qent;
      fq.has_qword = d->qword != NULL;
      fq.qbegin = d->qword ? d->qword->begin : 0;
      fq.qend = d->qword ? d->qword->end : 0;
      fq.rel = d->rel;
      fq.answer = fits;
      log_query(views, &fq);
      if (fits ||
          (x->mkind == NG_MENTION_NAME && titled_before(doc, v, t, d))) {
        return x->ent;
      }
    }
  }
  return NG_NONE;
}

static bool
is_pronoun(const char *w)
{
  static const char *const words[] = {"he", "she", "him", "his", "her",
                                      "hers"};
  if (w[0] != 'h' && w[0] != 's') {
    return false; /* the first byte of none of them */
  }
  for (size_t k = 0; k < ARRAY_LEN(words); k++) {
    if (strcmp(w, words[k]) == 0) {
      return true;
    }
  }
  return false;
}

static bool
is_party_type(enum ng_etype t)
{
  return t == NG_ETYPE_COUNTRY || t == NG_ETYPE_INTL_ORG ||
         t == NG_ETYPE_ORGANIZATION || t == NG_ETYPE_GOV_BODY ||
         t == NG_ETYPE_COMPANY;
}

/* The two parties a pair phrase at token @p i refers to when its
 * sentence names exactly two distinct countries or organisations before
 * it ("Indonesia's trade with the EU rose ... as the two sides prepared
 * to sign"). */
static bool
sentence_pair(const struct ng_doc *doc, const struct ng_view *v, size_t i,
              size_t *x, size_t *y)
{
  size_t found[3], n = 0;
  for (size_t k = 0; k < i && n < 3; k++) {
    const struct ng_tok *t = &v->toks[k];
    if (t->kind != NG_TOK_ENT || t->quoted ||
        t->mkind == NG_MENTION_PRONOUN ||
        !is_party_type(doc->entities[t->ent].type)) {
      continue;
    }
    bool dup = false;
    for (size_t j = 0; j < n; j++) {
      dup |= found[j] == t->ent;
    }
    if (!dup) {
      found[n++] = t->ent;
    }
  }
  if (n != 2) {
    return false;
  }
  *x = found[0];
  *y = found[1];
  return true;
}

/* The parties of the most recent meeting before token @p i of view @p vi
 * (@p here: in that view, else in the three views before it): the
 * offices (country or organisation) of the first two participants of the
 * last match of a meets pattern, when they differ ("X met Y in Z ... The
 * two sides signed" names the parties X and Y stand for, not other
 * countries named in between). */
static bool
meeting_pair(const struct ng_doc *doc, const struct ng_lexicon *lex,
             const struct ng_views *views, size_t vi, size_t i, bool here,
             size_t *x, size_t *y)
{
  unsigned party = NG_TYPE_BIT(NG_ETYPE_COUNTRY) |
                   NG_TYPE_BIT(NG_ETYPE_INTL_ORG) |
                   NG_TYPE_BIT(NG_ETYPE_ORGANIZATION) |
                   NG_TYPE_BIT(NG_ETYPE_GOV_BODY);
  struct ng_match found[8];
  size_t lo = here ? vi : (vi > 3 ? vi - 3 : 0);
  size_t hi = here ? vi + 1 : vi;
  for (size_t kv = hi; kv-- > lo;) {
    size_t best = NG_NONE, px = NG_NONE, py = NG_NONE;
    for (size_t r = 0; r < lex->n_rules; r++) {
      if (lex->rules[r].rel != NG_REL_MEETS) {
        continue;
      }
      size_t n = ng__pattern_match(doc, lex, views, kv, &lex->rules[r],
                                   found, ARRAY_LEN(found));
      for (size_t j = 0; j < n; j++) {
        const struct ng_match *m = &found[j];
        size_t p[2], np = 0;
        for (size_t k = 0; k < m->n_a && np < 2; k++) {
          p[np++] = m->a[k];
        }
        for (size_t k = 0; k < m->n_b && np < 2; k++) {
          if (np == 0 || p[0] != m->b[k]) {
            p[np++] = m->b[k];
          }
        }
        if (np < 2 || (here && m->last >= i) ||
            (best != NG_NONE && m->last <= best)) {
          continue;
        }
        size_t ox = ng__views_office_of(views, doc, p[0], party);
        size_t oy = ng__views_office_of(views, doc, p[1], party);
        if (ox == NG_NONE || oy == NG_NONE || ox == oy) {
          continue;
        }
        best = m->last;
        px = ox;
        py = oy;
      }
    }
    if (best != NG_NONE) {
      *x = px;
      *y = py;
      return true;
    }
  }
  return false;
}

static bool
holds_office(const struct ng_views *views, const struct ng_doc *doc,
             size_t person)
{
  return ng__views_office_of(views, doc, person, ~0u) != NG_NONE;
}

/* The person the article makes head of state or government (or minister,
 * for "ministers") of @p country, or NG_NONE. */
static size_t
office_holder(const struct ng_doc *doc, size_t country, bool ministers)
{
  static const enum ng_rel leaders[] = {NG_REL_HEAD_OF_GOVERNMENT_OF,
                                        NG_REL_HEAD_OF_STATE_OF};
  static const enum ng_rel mins[] = {NG_REL_MINISTER_OF};
  const enum ng_rel *rels = ministers ? mins : leaders;
  size_t n_rels = ministers ? 1 : 2;
  for (size_t r = 0; r < n_rels; r++) {
    for (size_t i = 0; i < doc->n_facts; i++) {
      const struct ng_fact *f = &doc->facts[i];
      if (f->rel == rels[r] && f->modality != NG_MOD_DENIED &&
          ng__doc_resolve(doc, f->object) == country) {
        return ng__doc_resolve(doc, f->subject);
      }
    }
  }
  return NG_NONE;
}

static int
count_word(const char *w)
{
  static const char *const nums[] = {"two", "three", "four", "five", "six"};
  for (int k = 0; k < (int)ARRAY_LEN(nums); k++) {
    if (strcmp(w, nums[k]) == 0) {
      return k + 2;
    }
  }
  return 0;
}

/* A group of office holders at token @p i of view @p vi, collapsed into
 * one PAIR token: "the two leaders", "both ministers", "the three
 * presidents" (the most recent persons holding an office, in this
 * sentence or the six before), or "the leaders of X, Y and Z" (the
 * heads of those countries). True if one was made. */
static bool
person_group(const struct ng_doc *doc, const struct ng_lexicon *lex,
             struct ng_views *views, size_t vi, size_t i)
{
  struct ng_view *v = &views->v[vi];
  const struct ng_wordlist *nouns = &lex->lists[NG_WL_GROUP_NOUN];
  struct ng_tok g = v->toks[i];
  g.kind = NG_TOK_PAIR;
  g.mkind = NG_MENTION_DESCRIPTION;
  g.n_grp = 0;
  size_t want = 0, k = i + 1, n;
  if (strcmp(v->toks[i].low, "both") == 0) {
    want = 2;
    if (k < v->n_toks && strcmp(v->toks[k].low, "the") == 0) {
      k++;
    }
  } else if (k < v->n_toks && v->toks[k].kind == NG_TOK_WORD &&
             (want = (size_t)count_word(v->toks[k].low)) > 0) {
    k++;
  }
  if (k >= v->n_toks || (n = phrase_at(v, k, nouns)) == 0) {
    return false;
  }
  bool ministers = strstr(v->toks[k + n - 1].low, "minister") != NULL &&
                   strcmp(v->toks[k].low, "prime") != 0;
  size_t end = k + n;
  if (want == 0) {
    /* "the leaders of Thailand, Cambodia and Laos" */
    if (end >= v->n_toks || strcmp(v->toks[end].low, "of") != 0) {
      return false;
    }
    size_t j = end + 1, last = NG_NONE;
    while (j < v->n_toks && g.n_grp < NG_GROUP_MAX) {
      const struct ng_tok *x = &v->toks[j];
      if (x->kind != NG_TOK_ENT ||
          doc->entities[x->ent].type != NG_ETYPE_COUNTRY) {
        break;
      }
      ng__views_mark(views, x->ent, NG_ASKED_HOLDER);
      size_t p = office_holder(doc, x->ent, ministers);
      struct fact_query fq;
      memset(&fq, 0, sizeof fq);
      fq.kind = FQ_HOLDER;
      fq.ent = x->ent;
      fq.ministers = ministers;
      fq.answer = p;
      log_query(views, &fq);
      if (p != NG_NONE) {
        g.grp[g.n_grp++] = p;
      }
      last = j++;
      if (j < v->n_toks && (strcmp(v->toks[j].low, ",") == 0 ||
                            strcmp(v->toks[j].low, "and") == 0)) {
        j++;
        if (j < v->n_toks && strcmp(v->toks[j].low, "and") == 0) {
          j++;
        }
        continue;
      }
      break;
    }
    if (last == NG_NONE || g.n_grp < 2) {
      return false;
    }
    end = last + 1;
  } else {
    /* the most recent office holders, this sentence first */
    for (size_t kv = vi + 1; kv-- > 0 && vi - kv <= 6 && g.n_grp < want;) {
      const struct ng_view *w = &views->v[kv];
      size_t stop = kv == vi ? i : w->n_toks;
      for (size_t t = stop; t-- > 0 && g.n_grp < want;) {
        const struct ng_tok *x = &w->toks[t];
        if ((x->kind != NG_TOK_ENT && x->kind != NG_TOK_PAIR) || x->quoted) {
          continue;
        }
        size_t m = x->kind == NG_TOK_PAIR ? x->n_grp : 1;
        for (size_t q = 0; q < m && g.n_grp < want; q++) {
          size_t e = x->kind == NG_TOK_PAIR ? x->grp[q] : x->ent;
          if (doc->entities[e].type != NG_ETYPE_PERSON ||
              !holds_office(views, doc, e)) {
            continue;
          }
          /* "the two leaders" of a bilateral story come from different
           * countries: skip a second office holder of the same one */
          size_t ce = ng__views_office_of(views, doc, e,
                                        NG_TYPE_BIT(NG_ETYPE_COUNTRY));
          bool dup = false;
          for (size_t d = 0; d < g.n_grp; d++) {
            dup |= g.grp[d] == e ||
                   (ce != NG_NONE &&
                    ng__views_office_of(views, doc, g.grp[d],
                                      NG_TYPE_BIT(NG_ETYPE_COUNTRY)) == ce);
          }
          if (!dup) {
            g.grp[g.n_grp++] = e;
          }
        }
      }
    }
    if (g.n_grp < want) {
      return false;
    }
  }
  g.ent = g.grp[0];
  g.ent2 = g.grp[1];
  collapse(v, i, end - i, &g);
  return true;
}

/* The two international organisations named last before token @p i of
 * view @p vi (this sentence, then up to six before), for "the two
 * blocs". */
static bool
org_pair(const struct ng_doc *doc, const struct ng_views *views, size_t vi,
         size_t i, size_t *x, size_t *y)
{
  size_t found[2], n = 0;
  for (size_t k = vi + 1; k-- > 0 && vi - k <= 6 && n < 2;) {
    const struct ng_view *v = &views->v[k];
    size_t end = k == vi ? i : v->n_toks;
    for (size_t t = end; t-- > 0 && n < 2;) {
      const struct ng_tok *tok = &v->toks[t];
      if (tok->kind != NG_TOK_ENT || tok->quoted ||
          doc->entities[tok->ent].type != NG_ETYPE_INTL_ORG ||
          (n == 1 && found[0] == tok->ent)) {
        continue;
      }
      found[n++] = tok->ent;
    }
  }
  if (n < 2) {
    return false;
  }
  *x = found[1];
  *y = found[0];
  return true;
}

/* The two parties "they" stands for at the start of a clause of view
 * @p vi: the sides of the last meeting in the three sentences before,
 * else a pair phrase of the sentence before, else the exactly two
 * countries or organisations it names ("Japan and Vietnam set up a
 * partnership. They are expected to sign ..."). */
static bool
they_pair(const struct ng_doc *doc, const struct ng_lexicon *lex,
          const struct ng_views *views, size_t vi, size_t *x, size_t *y)
{
  if (vi == 0) {
    return false;
  }
  if (meeting_pair(doc, lex, views, vi, 0, false, x, y)) {
    return true;
  }
  const struct ng_view *p = &views->v[vi - 1];
  for (size_t k = 0; k < p->n_toks; k++) {
    const struct ng_tok *t = &p->toks[k];
    if (t->kind == NG_TOK_PAIR && t->n_grp == 2 && !t->quoted &&
        is_party_type(doc->entities[t->ent].type) &&
        is_party_type(doc->entities[t->ent2].type)) {
      *x = t->ent;
      *y = t->ent2;
      return true;
    }
  }
  return sentence_pair(doc, p, p->n_toks, x, y);
}

/* Fallback resolution in view @p vi for what the entity stages left as
 * plain words: pronouns, "they", "the <title>", "the <modifiers> bloc",
 * "the two countries". */
static void
resolve_fallbacks(const struct ng_doc *doc, const struct ng_lexicon *lex,
                  struct ng_views *views, size_t vi)
{
  struct ng_view *v = &views->v[vi];
  static const struct {
    enum ng_wl list;
    enum ng_rel rel;
  } titles[] = {{NG_WL_T_HOG, NG_REL_HEAD_OF_GOVERNMENT_OF},
                {NG_WL_T_HOS, NG_REL_HEAD_OF_STATE_OF},
                {NG_WL_T_MIN, NG_REL_MINISTER_OF},
                {NG_WL_T_LEADER, NG_REL_LEADER_OF}};
  for (size_t i = 0; i < v->n_toks; i++) {
    struct ng_tok *t = &v->toks[i];
    if (t->kind != NG_TOK_WORD) {
      continue;
    }
    if (is_pronoun(t->low)) {
      size_t ent = NG_NONE;
      for (size_t k = 0; k < i; k++) {
        if (v->toks[k].kind == NG_TOK_ENT &&
            doc->entities[v->toks[k].ent].type == NG_ETYPE_PERSON &&
            v->toks[k].quoted == t->quoted) {
          ent = v->toks[k].ent;
          break;
        }
      }
      for (size_t k = vi; ent == NG_NONE && k-- > 0 && vi - k <= 3;) {
        ent = views->v[k].subject;
      }
      if (ent != NG_NONE) {
        t->kind = NG_TOK_ENT;
        t->ent = ent;
        t->mkind = NG_MENTION_PRONOUN;
      }
      continue;
    }
    if (t->low[0] == 't' && strcmp(t->low, "they") == 0 && !t->quoted &&
        (i == 0 || ng__tok_is_hard_barrier(&v->toks[i - 1]) ||
         strcmp(v->toks[i - 1].low, ",") == 0)) {
      size_t x, y;
      if (they_pair(doc, lex, views, vi, &x, &y)) {
        t->kind = NG_TOK_PAIR;
        t->ent = t->grp[0] = x;
        t->ent2 = t->grp[1] = y;
        t->n_grp = 2;
        t->mkind = NG_MENTION_DESCRIPTION;
      }
      continue;
    }
    bool both = t->low[0] == 'b' && strcmp(t->low, "both") == 0;
    if (both && phrase_at(v, i, &lex->lists[NG_WL_PAIR]) == 0) {
      (void)person_group(doc, lex, views, vi, i);
      continue;
    }
    if ((t->low[0] != 't' || strcmp(t->low, "the") != 0) && !both) {
      continue;
    }
    /* "the two countries", "both countries" */
    size_t n = phrase_at(v, i, &lex->lists[NG_WL_PAIR]);
    if (n) {
      size_t x = NG_NONE, y = NG_NONE;
      const char *head = v->toks[i + n - 1].low;
      if (strncmp(head, "bloc", 4) == 0 || strncmp(head, "group", 5) == 0 ||
          strncmp(head, "organi", 6) == 0) {
        /* "the two blocs": the two international organisations named
         * last, never countries */
        if (org_pair(doc, views, vi, i, &x, &y)) {
          struct ng_tok p = *t;
          p.kind = NG_TOK_PAIR;
          p.ent = p.grp[0] = x;
          p.ent2 = p.grp[1] = y;
          p.n_grp = 2;
          p.mkind = NG_MENTION_DESCRIPTION;
          collapse(v, i, n, &p);
        }
        continue;
      }
      if (!meeting_pair(doc, lex, views, vi, i, true, &x, &y) &&
          !sentence_pair(doc, v, i, &x, &y) &&
          !meeting_pair(doc, lex, views, vi, i, false, &x, &y)) {
        x = views->pair[0];
        y = views->pair[1];
      }
      if (y != NG_NONE) {
        struct ng_tok p = *t;
        p.kind = NG_TOK_PAIR;
        p.ent = p.grp[0] = x;
        p.ent2 = p.grp[1] = y;
        p.n_grp = 2;
        p.mkind = NG_MENTION_DESCRIPTION;
        collapse(v, i, n, &p);
        continue;
      }
    }
    if (person_group(doc, lex, views, vi, i)) {
      continue;
    }
    bool done = false;
    /* "the Egyptian minister", "the Commission president": up to two
     * qualifiers (a country, an organisation, a capitalised word) */
    size_t nq = 0, qent = NG_NONE;
    const struct ng_tok *qword = NULL;
    while (nq < 2 && i + 1 + nq < v->n_toks) {
      const struct ng_tok *q = &v->toks[i + 1 + nq];
      unsigned char c0 = (unsigned char)doc->text[q->begin];
      if (q->kind == NG_TOK_ENT && q->quoted == t->quoted &&
          is_party_type(doc->entities[q->ent].type)) {
        qent = q->ent;
      } else if (q->kind == NG_TOK_WORD && c0 >= 'A' && c0 <= 'Z' &&
                 q->end - q->begin > 2) {
        qword = q;
      } else {
        break;
      }
      nq++;
    }
    for (size_t k = 0; k < ARRAY_LEN(titles) && !done; k++) {
      size_t skip = nq;
      for (;;) {
        n = phrase_at(v, i + 1 + skip, &lex->lists[titles[k].list]);
        if (n || skip == 0) {
          break;
        }
        skip--; /* "the Prime Minister": capitalised title words */
      }
      if (!n) {
        continue;
      }
      size_t after = i + 1 + skip + n;
      if (after < v->n_toks &&
          (v->toks[after].kind == NG_TOK_ENT ||
           strcmp(v->toks[after].low, "of") == 0 ||
           strcmp(v->toks[after].low, "-") == 0)) {
        continue;
      }
      struct described d = {
          skip ? qent : NG_NONE, skip ? qword : NULL, titles[k].rel,
          v->toks[i + skip + n].low};
      size_t ent = described_person(doc, views, vi, i, &d);
      if (ent != NG_NONE) {
        struct ng_tok p = *t;
        p.kind = NG_TOK_ENT;
        p.ent = ent;
        p.mkind = NG_MENTION_DESCRIPTION;
        collapse(v, i, skip + n + 1, &p);
        done = true;
      }
    }
    if (done) {
      continue;
    }
    /* "the [up to 3 modifiers] bloc" */
    for (size_t k = i + 1; k < v->n_toks && k <= i + 4; k++) {
      const struct ng_tok *h = &v->toks[k];
      if (h->kind != NG_TOK_WORD && strcmp(h->low, "-") != 0) {
        break;
      }
      if (phrase_at(v, k, &lex->lists[NG_WL_ORGDESC]) == 1) {
        size_t ent = recent_entity(doc, views, vi, i, ok_intl_org, 0);
        if (ent != NG_NONE) {
          struct ng_tok p = *t;
          p.kind = NG_TOK_ENT;
          p.ent = ent;
          p.mkind = NG_MENTION_DESCRIPTION;
          collapse(v, i, k - i + 1, &p);
        }
        break;
      }
    }
  }
  v->subject = NG_NONE;
  for (size_t i = 0; i < v->n_toks; i++) {
    const struct ng_tok *t = &v->toks[i];
    if (t->kind == NG_TOK_ENT && !t->quoted &&
        doc->entities[t->ent].type == NG_ETYPE_PERSON) {
      v->subject = t->ent;
      break;
    }
  }
}

bool
ng__views_answers_same(const struct ng_views *views, const struct ng_doc *doc)
{
  const struct ng_fact_log *log = views->log;
  if (!log || log->full) {
    return false;
  }
  for (size_t i = 0; i < log->n; i++) {
    const struct fact_query *fq = &log->q[i];
    size_t now = NG_NONE;
    switch (fq->kind) {
    case FQ_OFFICE_OF:
      now = ng__doc_office_of(doc, fq->ent, fq->types);
      break;
    case FQ_FITS: {
      struct ng_tok qword;
      memset(&qword, 0, sizeof qword);
      qword.begin = fq->qbegin;
      qword.end = fq->qend;
      struct described d = {fq->qent, fq->has_qword ? &qword : NULL, fq->rel,
                            NULL};
      now = fits_office(doc, fq->ent, &d);
      break;
    }
    case FQ_HOLDER:
      now = office_holder(doc, fq->ent, fq->ministers);
      break;
    }
    if (now != fq->answer) {
      return false;
    }
  }
  return true;
}

void
ng__views_clear(struct ng_views *views)
{
  for (size_t i = 0; i < views->n; i++) {
    free(views->v[i].toks);
  }
  free(views->v);
  free(views->quotes);
  free(views->capital);
  free(views->asked);
  if (views->log) {
    free(views->log->q);
    free(views->log);
  }
  memset(views, 0, sizeof *views);
}

static void view_keys(const struct ng_view *v, uint64_t *seen);

ng_status
ng__views_build(const struct ng_doc *doc, const struct ng_lexicon *lex,
                struct ng_views *out)
{
  ng_status st = NG_OK;
  const struct ng_mention **ms = NULL;
  struct wset *speech = NULL;
  memset(out, 0, sizeof *out);
  out->pair[0] = out->pair[1] = out->home = NG_NONE;
  if (doc->n_entities) {
    out->asked = calloc(doc->n_entities, 1);
    if (!out->asked) {
      return NG_ERR_NOMEM;
    }
    out->n_asked = doc->n_entities;
  }
  out->log = calloc(1, sizeof *out->log); /* NULL: answers unknown */
  if (!doc->text || doc->n_sentences == 0) {
    return NG_OK;
  }
  TRY_DONE(st, find_quotes(doc->text, doc->text_len, out));
  TRY_DONE(st, salient_pair(doc, out->pair));
  if (doc->n_mentions) {
    ms = malloc(doc->n_mentions * sizeof *ms);
    if (!ms) {
      st = NG_ERR_NOMEM;
      goto done;
    }
    for (size_t i = 0; i < doc->n_mentions; i++) {
      ms[i] = &doc->mentions[i];
    }
    qsort(ms, doc->n_mentions, sizeof *ms, cmp_mention);
  }
  out->v = calloc(doc->n_sentences, sizeof *out->v);
  if (!out->v) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  out->n = doc->n_sentences;
  speech = malloc(sizeof *speech);
  if (speech) {
    wset_fill(speech, &lex->lists[NG_WL_SPEECH]); /* else word_flags scans */
  }
  size_t mi = 0;
  for (size_t si = 0; si < doc->n_sentences; si++) {
    const struct ng_sentence *s = &doc->sentences[si];
    struct ng_view *v = &out->v[si];
    size_t cap = 0;
    v->sentence = si;
    size_t pos = s->begin;
    while (mi < doc->n_mentions && ms[mi]->begin < pos) {
      mi++;
    }
    for (;;) {
      size_t b, e;
      enum ng_tok_kind kind;
      struct ng_tok t;
      memset(&t, 0, sizeof t);
      bool more = ng__tok_next(doc->text, s->end, pos, &b, &e, &kind, t.low,
                               sizeof t.low);
      while (mi < doc->n_mentions && ms[mi]->begin < pos) {
        mi++;
      }
      if (mi < doc->n_mentions && ms[mi]->begin < s->end &&
          (!more || ms[mi]->begin < e)) {
        const struct ng_mention *m = ms[mi];
        size_t ent = ng__doc_resolve(doc, m->entity);
        size_t mend = m->end > s->end ? s->end : m->end;
        while (mi < doc->n_mentions && ms[mi]->begin < mend) {
          mi++;
        }
        if (ent != NG_NONE && ent < doc->n_entities) {
          t.kind = NG_TOK_ENT;
          t.begin = m->begin;
          t.end = mend;
          t.ent = ent;
          t.mkind = m->kind;
          t.low[0] = '\0';
          t.wf = word_flags(lex, speech, t.low);
          t.quoted = in_quote(out, m->begin);
          TRY_DONE(st, push_tok(v, &cap, &t));
        }
        pos = mend > pos ? mend : pos + 1;
        continue;
      }
      if (!more) {
        break;
      }
      t.kind = kind;
      t.begin = b;
      t.end = e;
      t.ent = t.ent2 = NG_NONE;
      t.quoted = kind != NG_TOK_QUOTE && in_quote(out, b);
      t.wf = word_flags(lex, speech, t.low);
      TRY_DONE(st, push_tok(v, &cap, &t));
      pos = e;
    }
    resolve_fallbacks(doc, lex, out, si);
  }
  /* the views are final now: the matcher's literal bits of each */
  for (size_t si = 0; si < out->n; si++) {
    view_keys(&out->v[si], out->v[si].lit_keys);
    out->v[si].lit_keys_set = true;
  }
done:
  free(ms);
  free(speech);
  if (st != NG_OK) {
    ng__views_clear(out);
  }
  return st;
}

/* ---- matching ---- */

struct mstate {
  const struct ng_doc *doc;
  const struct ng_lexicon *lex;
  const struct ng_views *views;
  const struct ng_view *v;
  const struct ng_rule *rule;
  bool quoted;
  struct ng_match cur;
};

#define SHORT_GAP 6
#define LONG_GAP 15

static bool match_from(struct mstate *ms, size_t e, size_t t);
static bool gap_from(struct mstate *ms, size_t e, size_t p, size_t cost);

static bool
is_word(const struct ng_tok *t, const char *w)
{
  return (t->kind == NG_TOK_WORD || t->kind == NG_TOK_PUNCT) &&
         strcmp(t->low, w) == 0;
}

/* True for an apostrophe at @p t that makes the entity before it a
 * possessive ("the Philippines' chairmanship"). */
static bool
bare_possessive(const struct ng_view *v, size_t t)
{
  return t > 0 && t < v->n_toks && is_word(&v->toks[t], "'") &&
         v->toks[t - 1].kind == NG_TOK_ENT &&
         v->toks[t].begin == v->toks[t - 1].end;
}

static bool
is_speech_word(const struct mstate *ms, const struct ng_tok *t)
{
  if (t->kind != NG_TOK_WORD) {
    return false;
  }
  if (t->wf & NG_WF_SET) {
    return (t->wf & NG_WF_SPEECH) != 0;
  }
  const struct ng_wordlist *wl = &ms->lex->lists[NG_WL_SPEECH];
  for (size_t p = 0; p < wl->n_phrases; p++) {
    if (wl->phrases[p].n_words == 1 &&
        strcmp(wl->phrases[p].words[0], t->low) == 0) {
      return true;
    }
  }
  return false;
}

/* True if the "and" at token @p i joins two titles of one person
 * ("met Crown Prince and Prime Minister X"): capitalised words, not
 * entities, on both sides. */
static bool
title_and(const struct mstate *ms, size_t i)
{
  const struct ng_view *v = ms->v;
  if (i == 0 || i + 1 >= v->n_toks) {
    return false;
  }
  const struct ng_tok *p = &v->toks[i - 1];
  const struct ng_tok *n = &v->toks[i + 1];
  if (p->kind != NG_TOK_WORD || n->kind != NG_TOK_WORD) {
    return false;
  }
  unsigned char cp = (unsigned char)ms->doc->text[p->begin];
  unsigned char cn = (unsigned char)ms->doc->text[n->begin];
  return cp >= 'A' && cp <= 'Z' && cn >= 'A' && cn <= 'Z';
}

/* True if @p t is a word or punctuation token whose text has one of
 * the NG_WF_* bits @p f: is_word() for the words the bits stand for. */
static bool
is_wf(const struct ng_tok *t, unsigned f)
{
  return (t->kind == NG_TOK_WORD || t->kind == NG_TOK_PUNCT) &&
         (t->wf & f) != 0;
}

/* May token @p i be skipped by a gap? A short gap stops at commas and
 * brackets, except a comma opening a relative clause (", which"). */
static bool
gap_ok(const struct mstate *ms, size_t i, bool long_gap)
{
  const struct ng_tok *t = &ms->v->toks[i];
  if (t->quoted != ms->quoted || ng__tok_is_hard_barrier(t)) {
    return false;
  }
  if (is_speech_word(ms, t)) {
    /* "is said to have visited": a hedge, not a new clause */
    bool hedge = i > 0 && i + 1 < ms->v->n_toks &&
                 is_wf(&ms->v->toks[i + 1], NG_WF_TO) &&
                 is_wf(&ms->v->toks[i - 1], NG_WF_BE);
    if (!hedge) {
      return false;
    }
  }
  if (is_wf(t, NG_WF_CLAUSE)) {
    return false; /* a new clause with its own subject */
  }
  if (!long_gap && is_wf(t, NG_WF_AND) && !title_and(ms, i)) {
    return false; /* "X and hold talks with Y": a coordinated clause */
  }
  if (is_wf(t, NG_WF_COMMA) && i + 2 < ms->v->n_toks &&
      is_wf(&ms->v->toks[i + 1], NG_WF_AND | NG_WF_BUT) &&
      ms->v->toks[i + 2].kind == NG_TOK_ENT) {
    return false; /* ", and Colombia became ...": a new clause, subject */
  }
  if (!long_gap && t->kind == NG_TOK_PUNCT &&
      (t->wf & (NG_WF_COMMA | NG_WF_PAREN))) {
    /* ", which/who" opens a relative clause on the subject */
    if ((t->wf & NG_WF_COMMA) && i + 1 < ms->v->n_toks) {
      return is_wf(&ms->v->toks[i + 1], NG_WF_REL);
    }
    return false;
  }
  return true;
}

/* True if the comma at @p t opens a noun phrase in apposition: ", a
 * member of", ", the foreign minister of", ", Egypt's top diplomat": an
 * article or a possessive entity, then a word written in lower case (so
 * ", the Philippines and" is a list, not an apposition). */
static bool
apposition(const struct mstate *ms, size_t t)
{
  const struct ng_view *v = ms->v;
  size_t w = t + 2;
  if (w >= v->n_toks) {
    return false;
  }
  const struct ng_tok *d = &v->toks[t + 1];
  if (d->kind == NG_TOK_ENT && is_word(&v->toks[t + 2], "'s")) {
    w = t + 3;
  } else if (!is_word(d, "a") && !is_word(d, "an") && !is_word(d, "the")) {
    return false;
  }
  if (w >= v->n_toks || v->toks[w].kind != NG_TOK_WORD) {
    return false;
  }
  unsigned char c = (unsigned char)ms->doc->text[v->toks[w].begin];
  return c >= 'a' && c <= 'z';
}

/* A relative clause or an apposition set off by commas at @p t (", who
 * ... ,", ", a member of the bloc since 2004,"): the index
 * after its closing comma, or 0. */
static size_t
relative_clause(const struct mstate *ms, size_t t)
{
  const struct ng_view *v = ms->v;
  if (t + 2 >= v->n_toks || !is_word(&v->toks[t], ",")) {
    return 0;
  }
  bool rel = is_word(&v->toks[t + 1], "who") ||
             is_word(&v->toks[t + 1], "which") ||
             is_word(&v->toks[t + 1], "whose");
  if (!rel && !apposition(ms, t)) {
    return 0;
  }
  for (size_t k = t + 2; k < v->n_toks && k <= t + 16; k++) {
    const struct ng_tok *x = &v->toks[k];
    if (x->quoted != ms->quoted || ng__tok_is_hard_barrier(x)) {
      return 0;
    }
    if (is_word(x, ",")) {
      return k + 1;
    }
  }
  return 0;
}

/* Index after a parenthesis opening at @p t ("(EU)", "(RM39.8 billion)"),
 * or @p t when none opens there. */
static size_t
skip_paren(const struct mstate *ms, size_t t)
{
  const struct ng_view *v = ms->v;
  if (t >= v->n_toks || !is_word(&v->toks[t], "(")) {
    return t;
  }
  for (size_t k = t + 1; k < v->n_toks && k <= t + 12; k++) {
    if (v->toks[k].kind == NG_TOK_QUOTE) {
      return t;
    }
    if (is_word(&v->toks[k], ")")) {
      return k + 1;
    }
  }
  return t;
}

/* True if the city at token @p t is the place where something happens
 * ("met in Seoul", "flew to Tokyo"): a place preposition before it. */
static bool
place_of_action(const struct ng_view *v, size_t t)
{
  static const char *const preps[] = {"in", "at", "to", "from", "near",
                                      "outside", "inside", "via", "into"};
  if (t == 0) {
    return false;
  }
  size_t p = t - 1;
  if (p > 0 && is_word(&v->toks[p], "the")) {
    p--;
  }
  for (size_t k = 0; k < ARRAY_LEN(preps); k++) {
    if (is_word(&v->toks[p], preps[k])) {
      return true;
    }
  }
  return false;
}

/* The entity token @p t stands for in slot @p el, or NG_NONE. */
static size_t
slot_entity(struct mstate *ms, const struct ng_pel *el, size_t t,
            bool *coerced, bool *uncoerced)
{
  const struct ng_tok *tok = &ms->v->toks[t];
  *coerced = *uncoerced = false;
  if (tok->kind != NG_TOK_ENT || tok->quoted != ms->quoted) {
    return NG_NONE;
  }
  size_t ent = tok->ent;
  enum ng_etype type = ms->doc->entities[ent].type;
  if (type == NG_ETYPE_CITY && ms->views->capital &&
      ms->views->capital[ent] != NG_NONE &&
      !(el->types & NG_TYPE_BIT(NG_ETYPE_CITY)) &&
      (el->types & NG_TYPE_BIT(NG_ETYPE_COUNTRY)) &&
      tok->mkind == NG_MENTION_NAME && !place_of_action(ms->v, t) &&
      tok->begin >= ng__doc_dateline_end(ms->doc)) {
    return ms->views->capital[ent]; /* "Canberra has sought" */
  }
  if (el->coerce && type == NG_ETYPE_PERSON) {
    unsigned others = el->types & ~NG_TYPE_BIT(NG_ETYPE_PERSON);
    size_t o = ng__views_office_of(ms->views, ms->doc, ent, others);
    if (o != NG_NONE) {
      *coerced = true;
      return o;
    }
    if (el->types & NG_TYPE_BIT(NG_ETYPE_PERSON)) {
      *uncoerced = true;
      return ent;
    }
    return NG_NONE;
  }
  return (el->types & NG_TYPE_BIT(type)) ? ent : NG_NONE;
}

static bool
weak_tok(const struct ng_tok *t)
{
  return t->kind == NG_TOK_PAIR || t->mkind == NG_MENTION_PRONOUN ||
         t->mkind == NG_MENTION_DESCRIPTION;
}

/* "X's Y": when the entity at @p t is a possessive modifier and an entity
 * fitting the slot follows within four tokens, the slot takes the head. */
/* True for a possessive determiner pronoun ("her counterpart X"). */
static bool
possessive_pronoun(const struct mstate *ms, size_t t)
{
  static const char *const words[] = {"his", "her", "their", "its"};
  const struct ng_tok *tok = &ms->v->toks[t];
  if (tok->kind != NG_TOK_ENT || tok->mkind != NG_MENTION_PRONOUN ||
      t + 1 >= ms->v->n_toks) {
    return false;
  }
  const struct ng_tok *nx = &ms->v->toks[t + 1];
  if (nx->kind != NG_TOK_WORD &&
      !(nx->kind == NG_TOK_ENT && nx->mkind == NG_MENTION_DEMONYM)) {
    return false;
  }
  size_t n = tok->end - tok->begin;
  for (size_t k = 0; k < ARRAY_LEN(words); k++) {
    if (strlen(words[k]) == n &&
        strncasecmp(ms->doc->text + tok->begin, words[k], n) == 0) {
      return true;
    }
  }
  return false;
}

/* A demonym modifying the person after it ("Mexican President X"): the
 * index of that person (up to four title words later), or NG_NONE. */
static size_t
demonym_head(const struct mstate *ms, size_t t)
{
  const struct ng_view *v = ms->v;
  const struct ng_tok *tok = &v->toks[t];
  /* a country's name used as a modifier works the same way, with at
   * least one title word before the person ("UAE President X") */
  bool named = tok->kind == NG_TOK_ENT && tok->mkind == NG_MENTION_NAME &&
               ms->doc->entities[tok->ent].type == NG_ETYPE_COUNTRY &&
               t + 2 < v->n_toks && v->toks[t + 1].kind == NG_TOK_WORD;
  if (tok->kind != NG_TOK_ENT ||
      (tok->mkind != NG_MENTION_DEMONYM && !named)) {
    return NG_NONE;
  }
  for (size_t k = t + 1; k < v->n_toks && k <= t + 5; k++) {
    const struct ng_tok *x = &v->toks[k];
    if (x->kind == NG_TOK_ENT) {
      if (x->quoted == tok->quoted &&
          ms->doc->entities[x->ent].type == NG_ETYPE_PERSON &&
          x->mkind != NG_MENTION_PRONOUN) {
        return k;
      }
      if (ms->doc->entities[x->ent].type == NG_ETYPE_PERSON ||
          x->mkind != NG_MENTION_DEMONYM) {
        return NG_NONE;
      }
      continue; /* "Indian External Affairs Minister" */
    }
    if (x->kind != NG_TOK_WORD || x->low[0] < 'a' || x->low[0] > 'z') {
      return NG_NONE;
    }
    /* title words are capitalised: "President", "Foreign Minister" */
    unsigned char c = (unsigned char)ms->doc->text[x->begin];
    if (c < 'A' || c > 'Z') {
      return NG_NONE;
    }
  }
  return NG_NONE;
}

static size_t
possessive_head(struct mstate *ms, const struct ng_pel *el, size_t e,
                size_t t)
{
  const struct ng_view *v = ms->v;
  size_t dh = demonym_head(ms, t);
  if (dh != NG_NONE) {
    /* a slot that takes the person takes the person: the demonym only
     * says where the person comes from */
    bool c, u;
    /* "Philippine President X, whose country chairs ASEAN": the clause
     * speaks of the country */
    const struct ng_view *w = ms->v;
    bool whose = dh + 3 < w->n_toks && is_word(&w->toks[dh + 1], ",") &&
                 is_word(&w->toks[dh + 2], "whose") &&
                 (is_word(&w->toks[dh + 3], "country") ||
                  is_word(&w->toks[dh + 3], "nation") ||
                  is_word(&w->toks[dh + 3], "government"));
    if (!whose && slot_entity(ms, el, dh, &c, &u) != NG_NONE) {
      return dh;
    }
    return t;
  }
  if (possessive_pronoun(ms, t)) {
    /* "her counterpart X", "her Kenyan counterpart, Foreign Minister X":
     * a comma after the head noun opens the name in apposition */
    for (size_t k = t + 1; k < v->n_toks && k <= t + 7; k++) {
      bool c, u;
      if (slot_entity(ms, el, k, &c, &u) != NG_NONE) {
        return k;
      }
      if (!gap_ok(ms, k, false)) {
        if (is_word(&v->toks[k], ",") && k > t + 1 &&
            v->toks[k - 1].kind == NG_TOK_WORD &&
            !v->toks[k - 1].quoted) {
          continue;
        }
        break;
      }
    }
    return t;
  }
  if (t + 1 >= v->n_toks || !(is_word(&v->toks[t + 1], "'s") ||
                                bare_possessive(v, t + 1))) {
    return t;
  }
  if (e + 1 < ms->rule->n_els && ms->rule->els[e + 1].kind == NG_PEL_LIT) {
    const struct ng_pel *nx = &ms->rule->els[e + 1];
    for (size_t k = 0; k < nx->n_alts; k++) {
      if (strcmp(nx->alts[k], "'s") == 0) {
        return t;
      }
    }
  }
  for (size_t k = t + 2; k < v->n_toks && k <= t + 5; k++) {
    bool c, u;
    if (slot_entity(ms, el, k, &c, &u) != NG_NONE) {
      return k;
    }
    if (!gap_ok(ms, k, false)) {
      break;
    }
  }
  return t;
}

static bool
bind(struct mstate *ms, int role, size_t ent, size_t tok, bool weak,
     bool coerced, bool uncoerced)
{
  size_t *arr = role == NG_ROLE_A ? ms->cur.a : ms->cur.b;
  size_t *toks = role == NG_ROLE_A ? ms->cur.a_tok : ms->cur.b_tok;
  size_t *n = role == NG_ROLE_A ? &ms->cur.n_a : &ms->cur.n_b;
  for (size_t i = 0; i < *n; i++) {
    if (arr[i] == ent) {
      return true;
    }
  }
  if (*n >= NG_MATCH_MAX) {
    return false;
  }
  arr[*n] = ent;
  toks[*n] = tok;
  (*n)++;
  ms->cur.weak |= weak;
  ms->cur.coerced |= coerced;
  ms->cur.uncoerced |= uncoerced;
  return true;
}

/* Extends a list slot after its item at @p t: ", Y", " and Z". Returns the
 * index after the last item. */
static size_t
extend_list(struct mstate *ms, const struct ng_pel *el, int role, size_t t)
{
  const struct ng_view *v = ms->v;
  size_t last = t + 1;
  for (;;) {
    size_t j = skip_paren(ms, last);
    /* up to six tokens continuing the item's noun phrase */
    size_t k = j;
    while (k < v->n_toks && k < j + 6 && !is_word(&v->toks[k], ",") &&
           !is_word(&v->toks[k], "and") && !is_word(&v->toks[k], "or") &&
           gap_ok(ms, k, false)) {
      k++;
    }
    if (k >= v->n_toks) {
      return last;
    }
    bool final = false;
    if (is_word(&v->toks[k], ",")) {
      k++;
      if (k < v->n_toks && (is_word(&v->toks[k], "and") ||
                            is_word(&v->toks[k], "or"))) {
        k++;
        final = true;
      }
    } else if (is_word(&v->toks[k], "and") || is_word(&v->toks[k], "or")) {
      k++;
      final = true;
    } else {
      return last;
    }
    size_t found = NG_NONE;
    for (size_t m = k; m < v->n_toks && m <= k + 4; m++) {
      bool c, u;
      size_t ent = slot_entity(ms, el, m, &c, &u);
      if (ent != NG_NONE) {
        m = possessive_head(ms, el, (size_t)-2, m);
        if (m == NG_NONE) {
          return last;
        }
        ent = slot_entity(ms, el, m, &c, &u);
        if (ent == NG_NONE || !bind(ms, role, ent, m, weak_tok(&v->toks[m]),
                                    c, u)) {
          return last;
        }
        found = m;
        break;
      }
      /* only "the" and title words may come before the next item, no
       * clause (", a year after the UAE") */
      const struct ng_tok *w = &v->toks[m];
      unsigned char c0 = (unsigned char)ms->doc->text[w->begin];
      if (!gap_ok(ms, m, false) || is_word(w, "and") ||
          (w->kind == NG_TOK_WORD && c0 >= 'a' && c0 <= 'z' &&
           !is_word(w, "the"))) {
        break;
      }
    }
    if (found == NG_NONE) {
      return last;
    }
    last = found + 1;
    if (final) {
      return skip_paren(ms, last);
    }
  }
}

/* What member @p ent of a group stands for in slot @p el: itself, or
 * for a '^' slot the office of a person; NG_NONE if it does not fit. */
static size_t
grp_member(const struct mstate *ms, const struct ng_pel *el, size_t ent)
{
  enum ng_etype type = ms->doc->entities[ent].type;
  if (el->coerce && type == NG_ETYPE_PERSON) {
    unsigned others = el->types & ~NG_TYPE_BIT(NG_ETYPE_PERSON);
    size_t o = ng__views_office_of(ms->views, ms->doc, ent, others);
    if (o != NG_NONE) {
      return o;
    }
  }
  return (el->types & NG_TYPE_BIT(type)) ? ent : NG_NONE;
}

/* Sentence countries for an implied pair: exactly two distinct countries
 * outside quotes, else the article's salient pair. */
static bool
implied_pair(const struct mstate *ms, size_t *x, size_t *y)
{
  size_t found[3];
  size_t n = 0;
  for (size_t i = 0; i < ms->v->n_toks && n < 3; i++) {
    const struct ng_tok *t = &ms->v->toks[i];
    if (t->kind != NG_TOK_ENT || t->quoted ||
        ms->doc->entities[t->ent].type != NG_ETYPE_COUNTRY) {
      continue;
    }
    bool dup = false;
    for (size_t k = 0; k < n; k++) {
      dup |= found[k] == t->ent;
    }
    if (!dup) {
      found[n++] = t->ent;
    }
  }
  if (n == 2) {
    *x = found[0];
    *y = found[1];
    return true;
  }
  if (n < 2 && ms->views->pair[1] != NG_NONE) {
    *x = ms->views->pair[0];
    *y = ms->views->pair[1];
    return true;
  }
  return false;
}

/* The subject of the sentence for slot @p el: the first entity before
 * token @p t, outside quotes, that fits the slot (a demonym modifying a
 * person gives way to the person), or NG_NONE. Its token goes to *tok. */
static size_t
sentence_subject(struct mstate *ms, const struct ng_pel *el, size_t t,
                 size_t *tok)
{
  for (size_t k = 0; k < t && k < ms->v->n_toks; k++) {
    const struct ng_tok *x = &ms->v->toks[k];
    if (x->kind != NG_TOK_ENT || x->quoted) {
      continue;
    }
    if (demonym_head(ms, k) != NG_NONE) {
      continue;
    }
    bool c, u;
    size_t ent = slot_entity(ms, el, k, &c, &u);
    if (ent != NG_NONE) {
      *tok = k;
      return ent;
    }
    if (ms->doc->entities[x->ent].type == NG_ETYPE_PERSON) {
      return NG_NONE; /* a person subject that does not fit */
    }
  }
  return NG_NONE;
}

/* The international organisation a '!' slot that takes no country
 * implies ("Ethiopia joined BRICS in 2024, and Indonesia became a member
 * in January"): the last one named outside quotes before the match, in
 * its sentence or the two before, not bound yet; NG_NONE otherwise. */
static size_t
implied_org(const struct mstate *ms)
{
  const struct ng_views *views = ms->views;
  size_t vi = (size_t)(ms->v - views->v);
  for (size_t k = vi + 1; k-- > 0 && vi - k <= 2;) {
    const struct ng_view *v = &views->v[k];
    size_t end = k == vi ? ms->cur.first : v->n_toks;
    for (size_t t = end; t-- > 0;) {
      const struct ng_tok *x = &v->toks[t];
      if (x->kind != NG_TOK_ENT || x->quoted ||
          ms->doc->entities[x->ent].type != NG_ETYPE_INTL_ORG) {
        continue;
      }
      for (size_t j = 0; j < ms->cur.n_a; j++) {
        if (ms->cur.a[j] == x->ent) {
          return NG_NONE;
        }
      }
      return x->ent;
    }
  }
  return NG_NONE;
}

/* The party a single '!' slot implies ("trade with Japan fell" in an
 * article about Indonesia): the dateline's country, else the article's
 * most salient country, that the match has not bound yet, when no
 * possessive names the party just before the match ("Indonesia's total
 * trade with ..."); for a slot that takes no country, implied_org().
 * NG_NONE otherwise. */
static size_t
implied_party(const struct mstate *ms, const struct ng_pel *el)
{
  if (!(el->types & NG_TYPE_BIT(NG_ETYPE_COUNTRY))) {
    return (el->types & NG_TYPE_BIT(NG_ETYPE_INTL_ORG)) ? implied_org(ms)
                                                         : NG_NONE;
  }
  static const char *const mods[] = {"two", "-", "way", "total", "overall",
                                     "bilateral", "annual", "combined"};
  const struct ng_view *v = ms->v;
  size_t k = ms->cur.first;
  while (k > 0) {
    bool mod = false;
    for (size_t i = 0; i < ARRAY_LEN(mods) && !mod; i++) {
      mod = is_word(&v->toks[k - 1], mods[i]);
    }
    if (!mod) {
      break;
    }
    k--;
  }
  if (k > 0 && (is_word(&v->toks[k - 1], "'s") ||
                v->toks[k - 1].kind == NG_TOK_ENT ||
                v->toks[k - 1].kind == NG_TOK_PAIR ||
                is_word(&v->toks[k - 1], "between"))) {
    return NG_NONE;
  }
  size_t cands[3] = {ms->views->home, ms->views->pair[0],
                     ms->views->pair[1]};
  for (int i = 0; i < 3; i++) {
    size_t c = cands[i];
    if (c == NG_NONE ||
        !(el->types & NG_TYPE_BIT(ms->doc->entities[c].type))) {
      continue;
    }
    bool bound = false;
    for (size_t j = 0; j < ms->cur.n_a; j++) {
      bound |= ms->cur.a[j] == c;
    }
    for (size_t j = 0; j < ms->cur.n_b; j++) {
      bound |= ms->cur.b[j] == c;
    }
    if (!bound) {
      return c;
    }
  }
  return NG_NONE;
}

static bool
match_slot(struct mstate *ms, size_t e, size_t t)
{
  const struct ng_pel *el = &ms->rule->els[e];
  const struct ng_view *v = ms->v;
  if (!el->subject && !el->implicit &&
      (t >= v->n_toks ||
       (v->toks[t].kind != NG_TOK_ENT && v->toks[t].kind != NG_TOK_PAIR) ||
       v->toks[t].quoted != ms->quoted)) {
    return false; /* a slot that consumes a token needs an entity here */
  }
  struct ng_match saved = ms->cur;
  if (el->subject) {
    size_t st = NG_NONE;
    size_t ent = ms->quoted ? NG_NONE : sentence_subject(ms, el, t, &st);
    if (ent != NG_NONE &&
        bind(ms, el->role, ent, st, weak_tok(&v->toks[st]), false, false) &&
        match_from(ms, e + 1, t)) {
      return true;
    }
    ms->cur = saved;
    return false;
  }
  if (el->implicit && el->role != NG_ROLE_AB) {
    size_t x = implied_party(ms, el);
    if (x != NG_NONE && bind(ms, el->role, x, t, true, 0, 0) &&
        match_from(ms, e + 1, t)) {
      return true;
    }
    ms->cur = saved;
    return false;
  }
  if (el->implicit) {
    size_t x, y;
    ms->cur.implicit = true;
    /* "two-way trade with India": the partner is named, no pair implied */
    bool named = t < v->n_toks && (is_word(&v->toks[t], "with") ||
                                   is_word(&v->toks[t], "between"));
    if (!named && implied_pair(ms, &x, &y) &&
        bind(ms, NG_ROLE_A, x, t, true, 0, 0) &&
        bind(ms, NG_ROLE_B, y, t, true, 0, 0) && match_from(ms, e + 1, t)) {
      return true;
    }
    ms->cur = saved;
    return false;
  }
  if (t >= v->n_toks) {
    return false;
  }
  const struct ng_tok *tok = &v->toks[t];
  if (el->role == NG_ROLE_AB) {
    if (tok->kind == NG_TOK_PAIR && tok->quoted == ms->quoted) {
      /* a pair binds one member to each slot; a larger group binds every
       * member to both (the facts are its pairs) */
      bool ok = tok->n_grp >= 2;
      bool pair = tok->n_grp == 2;
      for (size_t k = 0; k < tok->n_grp && ok; k++) {
        size_t m = grp_member(ms, el, tok->grp[k]);
        bool to_a = !pair || k == 0;
        bool to_b = !pair || k == 1;
        ok = m != NG_NONE &&
             (!to_a || bind(ms, NG_ROLE_A, m, t, true, 0, 0)) &&
             (!to_b || bind(ms, NG_ROLE_B, m, t, true, 0, 0));
      }
      if (ok && ms->cur.n_a + ms->cur.n_b >= 2 &&
          match_from(ms, e + 1, t + 1)) {
        return true;
      }
      ms->cur = saved;
      return false;
    }
    bool c1, u1, c2, u2;
    size_t x = slot_entity(ms, el, t, &c1, &u1);
    if (x == NG_NONE) {
      return false;
    }
    /* "X, Y and Z": the items before the last one; every item is bound
     * to both slots (the facts are the pairs) */
    size_t items[NG_MATCH_MAX], itoks[NG_MATCH_MAX], n_items = 1;
    bool iweak[NG_MATCH_MAX], ic[NG_MATCH_MAX], iu[NG_MATCH_MAX];
    items[0] = x;
    itoks[0] = t;
    iweak[0] = weak_tok(tok);
    ic[0] = c1;
    iu[0] = u1;
    size_t j = skip_paren(ms, t + 1);
    while (j + 1 < v->n_toks && is_word(&v->toks[j], ",") &&
           !is_word(&v->toks[j + 1], "and") && n_items < NG_MATCH_MAX - 1) {
      size_t found = NG_NONE;
      for (size_t k = j + 1; k < v->n_toks && k <= j + 5; k++) {
        bool c, u;
        if (slot_entity(ms, el, k, &c, &u) != NG_NONE) {
          size_t h = possessive_head(ms, el, e, k);
          if (h != NG_NONE && slot_entity(ms, el, h, &c, &u) != NG_NONE) {
            found = h;
            items[n_items] = slot_entity(ms, el, h, &ic[n_items],
                                         &iu[n_items]);
            itoks[n_items] = h;
            iweak[n_items] = weak_tok(&v->toks[h]);
          }
          break;
        }
        /* only title words may come before the next item ("Chilean
         * Foreign Minister Y"), no clause (", which chairs Z") */
        const struct ng_tok *w = &v->toks[k];
        unsigned char c0 = (unsigned char)ms->doc->text[w->begin];
        if (!gap_ok(ms, k, false) || is_word(w, "and") ||
            (w->kind == NG_TOK_WORD && c0 >= 'a' && c0 <= 'z' &&
             !is_word(w, "the"))) {
          break;
        }
      }
      if (found == NG_NONE) {
        break;
      }
      bool dup = false;
      for (size_t q = 0; q < n_items; q++) {
        dup |= items[q] == items[n_items];
      }
      if (!dup) {
        n_items++;
      }
      j = skip_paren(ms, found + 1);
    }
    size_t rc = n_items == 1 ? relative_clause(ms, j) : 0;
    if (rc) {
      j = rc; /* "X, which chairs Z, and Y signed" */
    } else if (j < v->n_toks && is_word(&v->toks[j], ",")) {
      j++;
    }
    if (j >= v->n_toks || !(is_word(&v->toks[j], "and") ||
                            is_word(&v->toks[j], "&"))) {
      return false;
    }
    for (size_t k = j + 1; k < v->n_toks && k <= j + 5; k++) {
      size_t y = slot_entity(ms, el, k, &c2, &u2);
      if (y != NG_NONE) {
        size_t h = possessive_head(ms, el, e, k);
        if (h == NG_NONE) {
          break;
        }
        if (h != k) {
          k = h;
          y = slot_entity(ms, el, k, &c2, &u2);
        }
        bool dup = false;
        for (size_t q = 0; q < n_items; q++) {
          dup |= items[q] == y;
        }
        if (dup) {
          break;
        }
        bool ok = true;
        if (n_items > 1) {
          for (size_t q = 0; q < n_items && ok; q++) {
            ok = bind(ms, NG_ROLE_A, items[q], itoks[q], iweak[q], ic[q],
                      iu[q]) &&
                 bind(ms, NG_ROLE_B, items[q], itoks[q], iweak[q], ic[q],
                      iu[q]);
          }
          ok = ok && bind(ms, NG_ROLE_A, y, k, weak_tok(&v->toks[k]), c2,
                          u2);
        } else {
          ok = bind(ms, NG_ROLE_A, x, t, weak_tok(tok), c1, u1);
        }
        if (ok && bind(ms, NG_ROLE_B, y, k, weak_tok(&v->toks[k]), c2, u2)) {
          size_t after = skip_paren(ms, k + 1);
          if (match_from(ms, e + 1, after) ||
              (after != k + 1 && match_from(ms, e + 1, k + 1))) {
            return true;
          }
        }
        ms->cur = saved;
        break;
      }
      if (!gap_ok(ms, k, false)) {
        break;
      }
    }
    return false;
  }
  bool c, u;
  if (el->list && tok->kind == NG_TOK_PAIR && tok->quoted == ms->quoted) {
    /* "Both countries are members of X": every member of the group */
    bool ok = tok->n_grp >= 2;
    for (size_t k = 0; k < tok->n_grp && ok; k++) {
      size_t m = grp_member(ms, el, tok->grp[k]);
      ok = m != NG_NONE && bind(ms, el->role, m, t, true, 0, 0);
    }
    if (ok && match_from(ms, e + 1, t + 1)) {
      return true;
    }
    ms->cur = saved;
    return false;
  }
  size_t ent = slot_entity(ms, el, t, &c, &u);
  if (ent == NG_NONE) {
    return false;
  }
  size_t h = possessive_head(ms, el, e, t);
  if (h == NG_NONE) {
    return false;
  }
  if (h != t) {
    t = h;
    ent = slot_entity(ms, el, t, &c, &u);
  }
  if (!bind(ms, el->role, ent, t, weak_tok(&v->toks[t]), c, u)) {
    ms->cur = saved;
    return false;
  }
  size_t after = t + 1;
  struct ng_match one = ms->cur;
  if (el->list) {
    after = extend_list(ms, el, el->role, t);
  }
  size_t skipped = skip_paren(ms, after);
  if ((skipped != after && match_from(ms, e + 1, skipped)) ||
      match_from(ms, e + 1, after)) {
    return true;
  }
  if (after != t + 1) {
    /* the list took in words of another clause ("X joined Y in 2024,
     * and Z became ..."): the single item */
    ms->cur = one;
    skipped = skip_paren(ms, t + 1);
    if ((skipped != t + 1 && match_from(ms, e + 1, skipped)) ||
        match_from(ms, e + 1, t + 1)) {
      return true;
    }
  }
  ms->cur = saved;
  return false;
}

/* Matches gap element @p e from token @p p, having skipped @p cost
 * tokens: shortest first; a relative clause (", who first met in 2019,")
 * may be skipped as one token or entered. */
static bool
gap_from(struct mstate *ms, size_t e, size_t p, size_t cost)
{
  const struct ng_pel *el = &ms->rule->els[e];
  size_t max = el->long_gap ? LONG_GAP : SHORT_GAP;
  if (match_from(ms, e + 1, p)) {
    return true;
  }
  if (cost >= max || p >= ms->v->n_toks) {
    return false;
  }
  size_t skip = relative_clause(ms, p);
  if (skip && gap_from(ms, e, skip, cost + 1)) {
    return true;
  }
  return gap_ok(ms, p, el->long_gap) && gap_from(ms, e, p + 1, cost + 1);
}

static bool
match_from(struct mstate *ms, size_t e, size_t t)
{
  const struct ng_view *v = ms->v;
  if (e == ms->rule->n_els) {
    ms->cur.last = t > 0 ? t - 1 : 0;
    return true;
  }
  const struct ng_pel *el = &ms->rule->els[e];
  switch (el->kind) {
  case NG_PEL_LIT: {
    bool hit = false;
    if (t < v->n_toks && v->toks[t].quoted == ms->quoted) {
      for (size_t k = 0; k < el->n_alts && !hit; k++) {
        hit = is_word(&v->toks[t], el->alts[k]) ||
              (strcmp(el->alts[k], "'s") == 0 && bare_possessive(v, t));
      }
    }
    if (hit) {
      size_t saved_anchor = ms->cur.anchor;
      /* a conjunction joins clauses; it is never the trigger */
      if (ms->cur.anchor == NG_NONE && !el->optional &&
          !is_word(&v->toks[t], "and")) {
        ms->cur.anchor = t;
      }
      if (match_from(ms, e + 1, t + 1)) {
        return true;
      }
      ms->cur.anchor = saved_anchor;
    }
    return el->optional && match_from(ms, e + 1, t);
  }
  case NG_PEL_GAP:
    return gap_from(ms, e, t, 0);
  case NG_PEL_SLOT:
    return match_slot(ms, e, t);
  }
  return false;
}

/* A pronoun bound to the same entity as the other slot ("X will host a
 * lunch in his honour") refers to someone else: the sentence's first
 * person, else the subject of one of the three sentences before. */
static void
reresolve_self(struct mstate *ms)
{
  struct ng_match *m = &ms->cur;
  if (m->n_a != 1 || m->n_b != 1 || m->a[0] != m->b[0]) {
    return;
  }
  const struct ng_view *v = ms->v;
  size_t *ent = NULL, tok = NG_NONE;
  if (v->toks[m->b_tok[0]].mkind == NG_MENTION_PRONOUN) {
    ent = &m->b[0];
    tok = m->b_tok[0];
  } else if (v->toks[m->a_tok[0]].mkind == NG_MENTION_PRONOUN) {
    ent = &m->a[0];
    tok = m->a_tok[0];
  } else {
    return;
  }
  size_t other = *ent;
  size_t vi = (size_t)(v - ms->views->v);
  for (size_t k = 0; k < tok; k++) {
    const struct ng_tok *t = &v->toks[k];
    if (t->kind == NG_TOK_ENT && !t->quoted && t->ent != other &&
        ms->doc->entities[t->ent].type == NG_ETYPE_PERSON) {
      *ent = t->ent;
      return;
    }
  }
  for (size_t k = vi; k-- > 0 && vi - k <= 3;) {
    size_t s = ms->views->v[k].subject;
    if (s != NG_NONE && s != other) {
      *ent = s;
      return;
    }
  }
}

/* False if match_from(@p ms, @p e, @p t) certainly fails at its first
 * step: a leading slot that consumes a token finds no entity there, or a
 * leading literal is not there (optional literals are looked through).
 * Cheap enough to run at every start token; true when unsure. */
static bool
may_start(const struct mstate *ms, size_t e, size_t t)
{
  const struct ng_view *v = ms->v;
  for (; e < ms->rule->n_els; e++) {
    const struct ng_pel *el = &ms->rule->els[e];
    if (el->kind == NG_PEL_SLOT) {
      if (el->subject || el->implicit) {
        return true;
      }
      return t < v->n_toks &&
             (v->toks[t].kind == NG_TOK_ENT ||
              v->toks[t].kind == NG_TOK_PAIR) &&
             v->toks[t].quoted == ms->quoted;
    }
    if (el->kind != NG_PEL_LIT) {
      return true;
    }
    if (t < v->n_toks && v->toks[t].quoted == ms->quoted) {
      for (size_t k = 0; k < el->n_alts; k++) {
        if (is_word(&v->toks[t], el->alts[k]) ||
            (strcmp(el->alts[k], "'s") == 0 && bare_possessive(v, t))) {
          return true;
        }
      }
    }
    if (!el->optional) {
      return false;
    }
  }
  return true;
}

/* False if some mandatory literal of @p rule is nowhere in @p v (no word
 * or punctuation token is one of its alternatives; "'s" also stands for
 * a bare apostrophe, see bare_possessive()): then no match can exist.
 * The exact form of the word-bit prefilter (ng__rule_sig_may_match). */
static size_t
two_byte_key(const char *w)
{
  return ((size_t)(unsigned char)w[0] * 31u +
          (size_t)(unsigned char)(w[0] ? w[1] : 0)) & 1023u;
}

/* Sets @p seen (16 words) to the two_byte_key() bits of the word and
 * punctuation tokens of @p v. */
static void
view_keys(const struct ng_view *v, uint64_t *seen)
{
  memset(seen, 0, 16 * sizeof *seen);
  for (size_t i = 0; i < v->n_toks; i++) {
    const struct ng_tok *t = &v->toks[i];
    if (t->kind == NG_TOK_WORD || t->kind == NG_TOK_PUNCT) {
      size_t key = two_byte_key(t->low);
      seen[key >> 6] |= (uint64_t)1 << (key & 63u);
    }
  }
}

static bool
literals_present(const struct ng_view *v, const struct ng_rule *rule)
{
  /* First a filter on the first two bytes of the words (1024 bits): an
   * element none of whose alternatives has its two bytes in the view is
   * absent; the exact test below runs only when every element passes.
   * The bits of a finished view are computed once (ng__views_build). */
  uint64_t own[16];
  const uint64_t *seen = v->lit_keys;
  if (!v->lit_keys_set) {
    view_keys(v, own);
    seen = own;
  }
  size_t apos = two_byte_key("'");
  for (size_t e = 0; e < rule->n_els; e++) {
    const struct ng_pel *el = &rule->els[e];
    if (el->kind != NG_PEL_LIT || el->optional) {
      continue;
    }
    bool maybe = false;
    for (size_t k = 0; k < el->n_alts && !maybe; k++) {
      size_t key = two_byte_key(el->alts[k]);
      maybe = (seen[key >> 6] >> (key & 63u)) & 1u;
      if (!maybe && strcmp(el->alts[k], "'s") == 0) {
        maybe = (seen[apos >> 6] >> (apos & 63u)) & 1u;
      }
    }
    if (!maybe) {
      return false;
    }
  }
  for (size_t e = 0; e < rule->n_els; e++) {
    const struct ng_pel *el = &rule->els[e];
    if (el->kind != NG_PEL_LIT || el->optional) {
      continue;
    }
    /* first bytes of the alternatives: most tokens fail on that */
    uint64_t first[4] = {0, 0, 0, 0};
    for (size_t k = 0; k < el->n_alts; k++) {
      unsigned char c = (unsigned char)el->alts[k][0];
      first[c >> 6] |= (uint64_t)1 << (c & 63u);
      if (strcmp(el->alts[k], "'s") == 0) {
        first['\'' >> 6] |= (uint64_t)1 << ('\'' & 63u);
      }
    }
    bool found = false;
    for (size_t i = 0; i < v->n_toks && !found; i++) {
      const struct ng_tok *t = &v->toks[i];
      unsigned char c0 = (unsigned char)t->low[0];
      if ((t->kind != NG_TOK_WORD && t->kind != NG_TOK_PUNCT) ||
          !(first[c0 >> 6] & ((uint64_t)1 << (c0 & 63u)))) {
        continue;
      }
      for (size_t k = 0; k < el->n_alts && !found; k++) {
        const char *a = el->alts[k];
        found = (t->low[0] == a[0] && strcmp(t->low, a) == 0) ||
                (t->low[0] == '\'' && t->low[1] == '\0' &&
                 strcmp(a, "'s") == 0);
      }
    }
    if (!found) {
      return false;
    }
  }
  return true;
}

size_t
ng__pattern_match(const struct ng_doc *doc, const struct ng_lexicon *lex,
                  const struct ng_views *views, size_t vi,
                  const struct ng_rule *rule, struct ng_match *out,
                  size_t max)
{
  struct mstate ms;
  size_t n = 0;
  if (!literals_present(&views->v[vi], rule)) {
    return 0; /* the usual case: decided before ms is set up */
  }
  memset(&ms, 0, sizeof ms);
  ms.doc = doc;
  ms.lex = lex;
  ms.views = views;
  ms.v = &views->v[vi];
  ms.rule = rule;
  for (size_t t0 = 0; t0 < ms.v->n_toks && n < max; t0++) {
    if (ms.v->toks[t0].kind == NG_TOK_QUOTE) {
      continue;
    }
    ms.quoted = ms.v->toks[t0].quoted;
    if (!may_start(&ms, 0, t0)) {
      continue;
    }
    memset(&ms.cur, 0, sizeof ms.cur);
    ms.cur.rule = rule;
    ms.cur.view = vi;
    ms.cur.anchor = NG_NONE;
    ms.cur.first = t0;
    ms.quoted = ms.v->toks[t0].quoted;
    if (!match_from(&ms, 0, t0)) {
      continue;
    }
    reresolve_self(&ms);
    bool dup = false;
    for (size_t k = 0; k < n; k++) {
      dup |= out[k].anchor == ms.cur.anchor;
    }
    if (!dup) {
      out[n++] = ms.cur;
    }
  }
  return n;
}

/* ---- prefilter ---- */

uint64_t
ng__sig_bit(const char *low)
{
  uint32_t h = 2166136261u;
  for (const unsigned char *p = (const unsigned char *)low; *p; p++) {
    h = (h ^ *p) * 16777619u;
  }
  return (uint64_t)1 << ((h ^ (h >> 16)) & 63u);
}

void
ng__rule_sig(const struct ng_rule *rule, struct ng_rule_sig *sig)
{
  memset(sig, 0, sizeof *sig);
  for (size_t e = 0; e < rule->n_els; e++) {
    const struct ng_pel *el = &rule->els[e];
    if (el->kind == NG_PEL_SLOT && !el->implicit) {
      sig->needs_ent = true;
    }
    if (el->kind != NG_PEL_LIT || el->optional || sig->n_need == NG_SIG_MAX) {
      continue;
    }
    uint64_t bits = 0;
    size_t nk = 0;
    uint16_t *keys = sig->keys[sig->n_need];
    bool all = true; /* every key fits in keys */
    for (size_t k = 0; k < el->n_alts; k++) {
      bits |= ng__sig_bit(el->alts[k]);
      all = all && nk < NG_SIG_KEYS;
      if (all) {
        keys[nk++] = (uint16_t)two_byte_key(el->alts[k]);
      }
      if (strcmp(el->alts[k], "'s") == 0) {
        bits |= ng__sig_bit("'"); /* bare_possessive() */
        all = all && nk < NG_SIG_KEYS;
        if (all) {
          keys[nk++] = (uint16_t)two_byte_key("'");
        }
      }
    }
    sig->n_keys[sig->n_need] = all ? (unsigned char)nk : 0;
    sig->need[sig->n_need++] = bits;
  }
}

uint64_t
ng__view_sig(const struct ng_view *view, bool *has_ent)
{
  uint64_t bits = 0;
  *has_ent = false;
  for (size_t i = 0; i < view->n_toks; i++) {
    const struct ng_tok *t = &view->toks[i];
    if (t->kind == NG_TOK_WORD || t->kind == NG_TOK_PUNCT) {
      bits |= ng__sig_bit(t->low);
    } else if (t->kind == NG_TOK_ENT || t->kind == NG_TOK_PAIR) {
      *has_ent = true;
    }
  }
  return bits;
}

bool
ng__rule_sig_may_match_view(const struct ng_rule_sig *sig,
                            const struct ng_view *view)
{
  if (!view->lit_keys_set) {
    return true;
  }
  const uint64_t *seen = view->lit_keys;
  for (size_t e = 0; e < sig->n_need; e++) {
    size_t nk = sig->n_keys[e];
    bool maybe = nk == 0;
    for (size_t k = 0; k < nk && !maybe; k++) {
      size_t key = sig->keys[e][k];
      maybe = (seen[key >> 6] >> (key & 63u)) & 1u;
    }
    if (!maybe) {
      return false;
    }
  }
  return true;
}
