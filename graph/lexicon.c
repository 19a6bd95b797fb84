/* SPDX-License-Identifier: MIT */
/* Loads the trigger lexicon (ontology/triggers.ttl), read by turtle.c
 * through raptor, and compiles its patterns and word lists. */
#include "lexicon.h"

#include "pattern.h"
#include "relation.h"
#include "turtle.h"
#include "vocab.h"
#include "world.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- compiling ---- */

static const struct {
  const char *iri;
  enum ng_rel rel;
} rel_iris[] = {
    {NG_MEETS, NG_REL_MEETS},
    {NG_VISITS, NG_REL_VISITS},
    {NG_HOSTS, NG_REL_HOSTS},
    {NG_HEAD_OF_STATE_OF, NG_REL_HEAD_OF_STATE_OF},
    {NG_HEAD_OF_GOVERNMENT_OF, NG_REL_HEAD_OF_GOVERNMENT_OF},
    {NG_MINISTER_OF, NG_REL_MINISTER_OF},
    {NG_LEADER_OF, NG_REL_LEADER_OF},
    {NG_MEMBER_OF, NG_REL_MEMBER_OF},
    {NG_PARTNER_OF, NG_REL_PARTNER_OF},
    {NG_CHAIRS, NG_REL_CHAIRS},
    {NG_COOPERATES_WITH, NG_REL_COOPERATES_WITH},
    {NG_TRADING_PARTNER_OF, NG_REL_TRADING_PARTNER_OF},
    {NG_SIGNS_AGREEMENT_WITH, NG_REL_SIGNS_AGREEMENT_WITH},
    {NG_INVITES, NG_REL_INVITES},
    {NG_LOCATED_IN, NG_REL_LOCATED_IN},
};

static const char *const role_iris[NG_WL_COUNT] = {
    [NG_WL_PLANNED] = NGL_PLANNED_MARKER,
    [NG_WL_REPORTED] = NGL_REPORTED_MARKER,
    [NG_WL_DENIED] = NGL_DENIED_MARKER,
    [NG_WL_SPEECH] = NGL_SPEECH_VERB,
    [NG_WL_WITNESS] = NGL_WITNESS_MARKER,
    [NG_WL_INVEST] = NGL_INVESTMENT_WORD,
    [NG_WL_TRADE] = NGL_TRADE_WORD,
    [NG_WL_CHANGE] = NGL_CHANGE_WORD,
    [NG_WL_PAIR] = NGL_COUNTRY_PAIR_PHRASE,
    [NG_WL_ORGDESC] = NGL_ORG_DESCRIPTION,
    [NG_WL_VSTART] = NGL_VISIT_START_WORD,
    [NG_WL_VEND] = NGL_VISIT_END_WORD,
    [NG_WL_AGREEMENT] = NGL_AGREEMENT_NOUN,
    [NG_WL_NICKNAME] = NGL_NICKNAME_MARKER,
    [NG_WL_T_HOS] = NGL_HEAD_OF_STATE_TITLE,
    [NG_WL_T_HOG] = NGL_HEAD_OF_GOVERNMENT_TITLE,
    [NG_WL_T_MIN] = NGL_MINISTER_TITLE,
    [NG_WL_T_LEADER] = NGL_LEADER_TITLE,
    [NG_WL_INTENT] = NGL_INTENT_MARKER,
    [NG_WL_DENIED_CLAUSE] = NGL_DENIED_CLAUSE_MARKER,
    [NG_WL_REF_YEAR] = NGL_REFERENCE_YEAR_MARKER,
    [NG_WL_GROUP_NOUN] = NGL_PERSON_GROUP_NOUN,
    [NG_WL_INTRA_TRADE] = NGL_INTRA_TRADE_MARKER,
    [NG_WL_COUNTRY_VISIT] = NGL_COUNTRY_VISIT_PHRASE,
    [NG_WL_HYPOTHETICAL] = NGL_HYPOTHETICAL_MARKER,
    [NG_WL_CANCELLED] = NGL_CANCELLED_MARKER,
    [NG_WL_REPORTED_TAIL] = NGL_REPORTED_TAIL_MARKER,
    [NG_WL_DENIED_TAIL] = NGL_DENIED_TAIL_MARKER,
    [NG_WL_NON_MEMBER] = NGL_NON_MEMBER_WORD,
    [NG_WL_REPORT_NOUN] = NGL_NS "ReportNoun",
    [NG_WL_FORECAST] = NGL_NS "ForecastMarker",
};

/* Slot type names of the pattern language. */
static const struct {
  const char *name;
  unsigned mask;
} type_names[] = {
    {"Person", NG_TYPE_BIT(NG_ETYPE_PERSON)},
    {"Country", NG_TYPE_BIT(NG_ETYPE_COUNTRY)},
    {"City", NG_TYPE_BIT(NG_ETYPE_CITY)},
    {"Place", NG_TYPE_BIT(NG_ETYPE_PLACE)},
    {"IntlOrg", NG_TYPE_BIT(NG_ETYPE_INTL_ORG)},
    {"GovBody", NG_TYPE_BIT(NG_ETYPE_GOV_BODY)},
    {"Company", NG_TYPE_BIT(NG_ETYPE_COMPANY)},
    {"Org", NG_TYPE_BIT(NG_ETYPE_ORGANIZATION) |
                NG_TYPE_BIT(NG_ETYPE_INTL_ORG) |
                NG_TYPE_BIT(NG_ETYPE_GOV_BODY) |
                NG_TYPE_BIT(NG_ETYPE_COMPANY) |
                NG_TYPE_BIT(NG_ETYPE_NEWS_AGENCY)},
    {"Geo", NG_TYPE_BIT(NG_ETYPE_COUNTRY) | NG_TYPE_BIT(NG_ETYPE_CITY) |
                NG_TYPE_BIT(NG_ETYPE_PLACE)},
    {"Party", NG_TYPE_BIT(NG_ETYPE_COUNTRY) |
                  NG_TYPE_BIT(NG_ETYPE_ORGANIZATION) |
                  NG_TYPE_BIT(NG_ETYPE_INTL_ORG) |
                  NG_TYPE_BIT(NG_ETYPE_GOV_BODY) |
                  NG_TYPE_BIT(NG_ETYPE_COMPANY)},
};

void
ng__lexicon_rule_clear(struct ng_rule *rule)
{
  for (size_t i = 0; i < rule->n_els; i++) {
    for (size_t k = 0; k < rule->els[i].n_alts; k++) {
      free(rule->els[i].alts[k]);
    }
    free(rule->els[i].alts);
  }
  free(rule->els);
  free(rule->source);
  memset(rule, 0, sizeof *rule);
}

/* Splits @p s (@p len bytes) at '|' into lower-case alternatives. */
static ng_status
split_alts(const char *s, size_t len, struct ng_pel *el)
{
  size_t i = 0;
  while (i <= len) {
    size_t j = i;
    while (j < len && s[j] != '|') {
      j++;
    }
    if (j > i) {
      char **p = realloc(el->alts, (el->n_alts + 1) * sizeof *p);
      if (!p) {
        return NG_ERR_NOMEM;
      }
      el->alts = p;
      char *w = malloc(j - i + 1);
      if (!w) {
        return NG_ERR_NOMEM;
      }
      for (size_t k = i; k < j; k++) {
        char c = s[k];
        w[k - i] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
      }
      w[j - i] = '\0';
      p[el->n_alts++] = w;
    }
    i = j + 1;
  }
  return el->n_alts ? NG_OK : NG_ERR_PARSE;
}

/* Parses a slot "{A:Person|Country}+^!<" of @p len bytes. */
static ng_status
parse_slot(const char *s, size_t len, struct ng_pel *el)
{
  const char *close = memchr(s, '}', len);
  const char *colon = memchr(s, ':', len);
  if (!close || !colon || colon > close) {
    return NG_ERR_PARSE;
  }
  size_t rl = (size_t)(colon - s - 1);
  if (rl == 1 && s[1] == 'A') {
    el->role = NG_ROLE_A;
  } else if (rl == 1 && s[1] == 'B') {
    el->role = NG_ROLE_B;
  } else if (rl == 2 && s[1] == 'A' && s[2] == 'B') {
    el->role = NG_ROLE_AB;
  } else {
    return NG_ERR_PARSE;
  }
  const char *t = colon + 1;
  while (t < close) {
    const char *e = t;
    while (e < close && *e != '|') {
      e++;
    }
    bool found = false;
    for (size_t k = 0; k < ARRAY_LEN(type_names); k++) {
      if (strlen(type_names[k].name) == (size_t)(e - t) &&
          memcmp(type_names[k].name, t, (size_t)(e - t)) == 0) {
        el->types |= type_names[k].mask;
        found = true;
      }
    }
    if (!found) {
      return NG_ERR_PARSE;
    }
    t = e + 1;
  }
  for (const char *m = close + 1; m < s + len; m++) {
    if (*m == '+') {
      el->list = true;
    } else if (*m == '!') {
      el->implicit = true;
    } else if (*m == '^') {
      el->coerce = true;
    } else if (*m == '<') {
      el->subject = true;
    } else {
      return NG_ERR_PARSE;
    }
  }
  if ((el->implicit && el->list) ||
      (el->subject && (el->role == NG_ROLE_AB || el->list))) {
    return NG_ERR_PARSE;
  }
  el->kind = NG_PEL_SLOT;
  return NG_OK;
}

ng_status
ng__lexicon_compile(ng_world *world, const char *src, struct ng_rule *rule)
{
  ng_status st = NG_OK;
  size_t len = strlen(src);
  bool has_lit = false;
  memset(rule, 0, sizeof *rule);
  rule->source = strdup(src);
  if (!rule->source) {
    return NG_ERR_NOMEM;
  }
  size_t i = 0;
  while (i < len) {
    while (i < len && src[i] == ' ') {
      i++;
    }
    if (i >= len) {
      break;
    }
    size_t j = i;
    while (j < len && src[j] != ' ') {
      j++;
    }
    struct ng_pel *p = realloc(rule->els, (rule->n_els + 1) * sizeof *p);
    if (!p) {
      st = NG_ERR_NOMEM;
      goto fail;
    }
    rule->els = p;
    struct ng_pel *el = &p[rule->n_els++];
    memset(el, 0, sizeof *el);
    const char *w = src + i;
    size_t wl = j - i;
    if (wl == 1 && (*w == '~' || *w == '*')) {
      el->kind = NG_PEL_GAP;
      el->long_gap = *w == '*';
    } else if (*w == '{') {
      st = parse_slot(w, wl, el);
    } else if (*w == '[' && wl > 2 && w[wl - 1] == ']') {
      el->kind = NG_PEL_LIT;
      el->optional = true;
      st = split_alts(w + 1, wl - 2, el);
    } else {
      el->kind = NG_PEL_LIT;
      has_lit = true;
      st = split_alts(w, wl, el);
    }
    if (st != NG_OK) {
      goto fail;
    }
    i = j;
  }
  if (rule->n_els == 0 || !has_lit) {
    st = NG_ERR_PARSE;
    goto fail;
  }
  return NG_OK;
fail:
  if (st == NG_ERR_PARSE) {
    ng__errorf(world, st, "bad trigger pattern \"%s\"", src);
  }
  ng__lexicon_rule_clear(rule);
  return st;
}

/* Tokenises a word-list surface into lower-case tokens. */
static ng_status
add_phrase(struct ng_wordlist *wl, const char *surface)
{
  struct ng_phrase ph = {NULL, 0};
  size_t len = strlen(surface), pos = 0, b, e;
  enum ng_tok_kind kind;
  char low[24];
  while (ng__tok_next(surface, len, pos, &b, &e, &kind, low, sizeof low)) {
    char **p = realloc(ph.words, (ph.n_words + 1) * sizeof *p);
    if (!p) {
      goto nomem;
    }
    ph.words = p;
    p[ph.n_words] = strdup(low);
    if (!p[ph.n_words]) {
      goto nomem;
    }
    ph.n_words++;
    pos = e;
  }
  if (ph.n_words == 0) {
    return NG_OK;
  }
  struct ng_phrase *pp = realloc(wl->phrases,
                                 (wl->n_phrases + 1) * sizeof *pp);
  if (!pp) {
    goto nomem;
  }
  wl->phrases = pp;
  pp[wl->n_phrases++] = ph;
  return NG_OK;
nomem:
  for (size_t k = 0; k < ph.n_words; k++) {
    free(ph.words[k]);
  }
  free(ph.words);
  return NG_ERR_NOMEM;
}

/* The first object of (s, p), or NULL. */
static const char *
object_of(const struct ng_triples *ld, const char *s, const char *p)
{
  for (size_t i = 0; i < ld->n; i++) {
    if (strcmp(ld->t[i].s, s) == 0 && strcmp(ld->t[i].p, p) == 0) {
      return ld->t[i].o;
    }
  }
  return NULL;
}

static void
money_name_clear(struct ng_money_name *nm)
{
  for (size_t k = 0; k < nm->n_words; k++) {
    free(nm->words[k]);
  }
  free(nm->words);
  free(nm->country);
  memset(nm, 0, sizeof *nm);
}

/* Splits @p surface at spaces into lower-case (ASCII) words. */
static ng_status
money_name_words(struct ng_money_name *nm, const char *surface)
{
  const char *p = surface;
  while (*p) {
    while (*p == ' ') {
      p++;
    }
    size_t n = 0;
    while (p[n] && p[n] != ' ') {
      n++;
    }
    if (n == 0) {
      break;
    }
    char **w = realloc(nm->words, (nm->n_words + 1) * sizeof *w);
    if (!w) {
      return NG_ERR_NOMEM;
    }
    nm->words = w;
    char *word = malloc(n + 1);
    if (!word) {
      return NG_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
      char c = p[i];
      word[i] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
    word[n] = '\0';
    nm->words[nm->n_words++] = word;
    p += n;
  }
  return NG_OK;
}

/* One ngl:CurrencyName node @p s: an ng_money_name per ngl:surface, with
 * its ngl:currency code and optional ngl:country label. */
static ng_status
add_currency(ng_world *world, const struct ng_triples *ld,
             struct ng_lexicon *lex, const char *s, const char *path)
{
  const char *code = object_of(ld, s, NGL_CURRENCY);
  const char *country = object_of(ld, s, NGL_COUNTRY);
  if (!code || strlen(code) != 3 || code[0] < 'A' || code[0] > 'Z' ||
      code[1] < 'A' || code[1] > 'Z' || code[2] < 'A' || code[2] > 'Z') {
    return ng__errorf(world, NG_ERR_PARSE,
                      "lexicon %s: currency name without an ISO 4217 "
                      "ngl:currency",
                      path);
  }
  for (size_t k = 0; k < ld->n; k++) {
    if (strcmp(ld->t[k].s, s) != 0 || strcmp(ld->t[k].p, NGL_SURFACE) != 0) {
      continue;
    }
    struct ng_money_name *v = realloc(lex->currencies,
                                      (lex->n_currencies + 1) * sizeof *v);
    if (!v) {
      return NG_ERR_NOMEM;
    }
    lex->currencies = v;
    struct ng_money_name *nm = &v[lex->n_currencies];
    memset(nm, 0, sizeof *nm);
    memcpy(nm->code, code, 4);
    ng_status st = money_name_words(nm, ld->t[k].o);
    if (st == NG_OK && country) {
      nm->country = strdup(country);
      st = nm->country ? NG_OK : NG_ERR_NOMEM;
    }
    if (st == NG_OK && nm->n_words == 0) {
      st = ng__errorf(world, NG_ERR_PARSE,
                      "lexicon %s: empty currency name for %s", path, code);
    }
    if (st != NG_OK) {
      money_name_clear(nm);
      return st;
    }
    lex->n_currencies++;
  }
  return NG_OK;
}

static ng_status
build(ng_world *world, const struct ng_triples *ld, struct ng_lexicon *lex,
      const char *path)
{
  ng_status st;
  for (size_t i = 0; i < ld->n; i++) {
    const struct ng_triple *t = &ld->t[i];
    if (strcmp(t->p, RDF_TYPE) != 0) {
      continue;
    }
    if (strcmp(t->o, NGL_RELATION_PATTERN) == 0) {
      const char *rel_iri = object_of(ld, t->s, NGL_RELATION);
      const char *conf = object_of(ld, t->s, NGL_CONFIDENCE);
      size_t r = ARRAY_LEN(rel_iris);
      for (size_t k = 0; rel_iri && k < ARRAY_LEN(rel_iris); k++) {
        if (strcmp(rel_iris[k].iri, rel_iri) == 0) {
          r = k;
        }
      }
      if (r == ARRAY_LEN(rel_iris)) {
        return ng__errorf(world, NG_ERR_PARSE,
                          "lexicon %s: pattern without a known ngl:relation",
                          path);
      }
      double c = 0.5;
      if (conf) {
        char *end;
        errno = 0;
        c = strtod(conf, &end);
        if (errno || *end || c < 0 || c > 1) {
          return ng__errorf(world, NG_ERR_PARSE,
                            "lexicon %s: bad ngl:confidence \"%s\"", path,
                            conf);
        }
      }
      for (size_t k = 0; k < ld->n; k++) {
        if (strcmp(ld->t[k].s, t->s) != 0 ||
            strcmp(ld->t[k].p, NGL_PATTERN) != 0) {
          continue;
        }
        struct ng_rule *rules = realloc(lex->rules,
                                        (lex->n_rules + 1) * sizeof *rules);
        if (!rules) {
          return NG_ERR_NOMEM;
        }
        lex->rules = rules;
        struct ng_rule *rule = &rules[lex->n_rules];
        TRY(st, ng__lexicon_compile(world, ld->t[k].o, rule));
        rule->rel = rel_iris[r].rel;
        rule->confidence = c;
        lex->n_rules++;
      }
    } else if (strcmp(t->o, NGL_CURRENCY_NAME) == 0) {
      TRY(st, add_currency(world, ld, lex, t->s, path));
    } else if (strcmp(t->o, NGL_WORD_LIST) == 0) {
      const char *role = object_of(ld, t->s, NGL_ROLE);
      int w = -1;
      for (int k = 0; role && k < NG_WL_COUNT; k++) {
        if (strcmp(role_iris[k], role) == 0) {
          w = k;
        }
      }
      if (w < 0) {
        ng__warnf(world, "lexicon %s: word list with unknown role %s", path,
                  role ? role : "(none)");
        continue;
      }
      for (size_t k = 0; k < ld->n; k++) {
        if (strcmp(ld->t[k].s, t->s) == 0 &&
            strcmp(ld->t[k].p, NGL_SURFACE) == 0) {
          TRY(st, add_phrase(&lex->lists[w], ld->t[k].o));
        }
      }
    }
  }
  return NG_OK;
}

/* Makes the first-byte index of @p wl (struct ng_wordlist). A list of
 * more than UINT_MAX phrases is left unindexed. Errors: NG_ERR_NOMEM. */
static ng_status
index_list(struct ng_wordlist *wl)
{
  if (wl->n_phrases == 0 || wl->n_phrases > UINT_MAX) {
    return NG_OK;
  }
  size_t *by = malloc(wl->n_phrases * sizeof *by);
  unsigned *at = calloc(257, sizeof *at);
  if (!by || !at) {
    free(by);
    free(at);
    return NG_ERR_NOMEM;
  }
  wl->at = at;
  memset(wl->first, 0, sizeof wl->first);
  for (size_t p = 0; p < wl->n_phrases; p++) {
    unsigned char c = (unsigned char)wl->phrases[p].words[0][0];
    wl->at[c + 1]++;
    wl->first[c >> 6] |= (uint64_t)1 << (c & 63u);
  }
  for (unsigned c = 0; c < 256; c++) {
    wl->at[c + 1] += wl->at[c];
  }
  unsigned fill[256];
  memcpy(fill, wl->at, sizeof fill); /* the first 256 entries */
  for (size_t p = 0; p < wl->n_phrases; p++) {
    unsigned char c = (unsigned char)wl->phrases[p].words[0][0];
    by[fill[c]++] = p; /* file order within a byte */
  }
  wl->by_first = by;
  return NG_OK;
}

ng_status
ng__lexicon_load(ng_world *world, const char *dir, struct ng_lexicon **out)
{
  ng_status st;
  char path[4096];
  *out = NULL;
  int n = snprintf(path, sizeof path, "%s/triggers.ttl", dir ? dir : ".");
  if (n < 0 || (size_t)n >= sizeof path) {
    return ng__errorf(world, NG_ERR_IO, "lexicon folder name too long");
  }
  struct ng_lexicon *lex = calloc(1, sizeof *lex);
  if (!lex) {
    return NG_ERR_NOMEM;
  }
  struct ng_triples ld = {NULL, 0, 0};
  const char *paths[] = {path};
  st = ng__turtle_read(world, paths, 1, &ld);
  if (st == NG_OK) {
    st = build(world, &ld, lex, path);
  }
  ng__triples_clear(&ld);
  for (int w = 0; w < NG_WL_COUNT && st == NG_OK; w++) {
    st = index_list(&lex->lists[w]);
  }
  if (st == NG_OK && lex->n_rules) {
    lex->sigs = malloc(lex->n_rules * sizeof *lex->sigs);
    if (!lex->sigs) {
      st = NG_ERR_NOMEM;
    }
    for (size_t r = 0; lex->sigs && r < lex->n_rules; r++) {
      ng__rule_sig(&lex->rules[r], &lex->sigs[r]);
    }
  }
  if (st != NG_OK) {
    ng__lexicon_free(lex);
    return st;
  }
  *out = lex;
  return NG_OK;
}

void
ng__lexicon_free(struct ng_lexicon *lex)
{
  if (!lex) {
    return;
  }
  for (size_t i = 0; i < lex->n_rules; i++) {
    ng__lexicon_rule_clear(&lex->rules[i]);
  }
  free(lex->rules);
  free(lex->sigs);
  for (size_t i = 0; i < lex->n_currencies; i++) {
    money_name_clear(&lex->currencies[i]);
  }
  free(lex->currencies);
  for (int w = 0; w < NG_WL_COUNT; w++) {
    struct ng_wordlist *wl = &lex->lists[w];
    for (size_t i = 0; i < wl->n_phrases; i++) {
      for (size_t k = 0; k < wl->phrases[i].n_words; k++) {
        free(wl->phrases[i].words[k]);
      }
      free(wl->phrases[i].words);
    }
    free(wl->phrases);
    free(wl->by_first);
    free(wl->at);
  }
  free(lex);
}
