/* SPDX-License-Identifier: MIT */
/* Doc records to quads in the output vocabulary (VOCABULARY.md): article,
 * entities, facts with rdf:Statement evidence, events, NIF. Literals are
 * made valid UTF-8 here; escaping is the serializer's job. */
#include "emit.h"

#include "buf.h"
#include "hash.h"
#include "iri.h"
#include "meta.h"
#include "serialize.h"
#include "utf8.h"
#include "vocab.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------ quad list */

void
ng__quads_clear(struct ng_quads *quads)
{
  for (size_t i = 0; i < quads->n_strs; i++) {
    free(quads->strs[i]);
  }
  free(quads->strs);
  free(quads->q);
  memset(quads, 0, sizeof *quads);
}

/* Takes @p s (may be NULL: then NG_ERR_NOMEM) into the list's pool. */
static ng_status
pool_take(struct ng_quads *qs, char *s, const char **out)
{
  if (!s) {
    return NG_ERR_NOMEM;
  }
  if (qs->n_strs == qs->cap_strs) {
    size_t ncap = qs->cap_strs ? 2 * qs->cap_strs : 64;
    char **p = realloc(qs->strs, ncap * sizeof *p);
    if (!p) {
      free(s);
      return NG_ERR_NOMEM;
    }
    qs->strs = p;
    qs->cap_strs = ncap;
  }
  qs->strs[qs->n_strs++] = s;
  *out = s;
  return NG_OK;
}

/* Copies @p len bytes at @p s into the pool as valid UTF-8 (invalid
 * sequences become U+FFFD, NULs are dropped). */
static ng_status
pool_text(struct ng_quads *qs, const char *s, size_t len, const char **out)
{
  return pool_take(qs, ng__utf8_sanitize(s, len, NULL), out);
}

/* pool_text() for a name shown as a label: also without the invisible
 * bidi and zero-width marks (ng__meta_strip_invisible; issue 7). */
static ng_status
pool_label(struct ng_quads *qs, const char *s, const char **out)
{
  char *v = ng__utf8_sanitize(s, strlen(s), NULL);
  if (v) {
    ng__meta_strip_invisible(v);
  }
  return pool_take(qs, v, out);
}

static ng_status
add_quad(struct ng_quads *qs, const char *graph, const char *subject,
         const char *predicate, struct ng_term object)
{
  if (qs->n == qs->cap) {
    size_t ncap = qs->cap ? 2 * qs->cap : 64;
    struct ng_quad *p = realloc(qs->q, ncap * sizeof *p);
    if (!p) {
      return NG_ERR_NOMEM;
    }
    qs->q = p;
    qs->cap = ncap;
  }
  struct ng_quad *q = &qs->q[qs->n++];
  q->graph = graph;
  q->subject.kind = NG_TERM_IRI;
  q->subject.value = subject;
  q->subject.lang = NULL;
  q->subject.datatype = NULL;
  q->predicate = predicate;
  q->object = object;
  return NG_OK;
}

static struct ng_term
iri(const char *value)
{
  struct ng_term t = {NG_TERM_IRI, value, NULL, NULL};
  return t;
}

static struct ng_term
lit(const char *value, const char *lang, const char *datatype)
{
  struct ng_term t = {NG_TERM_LITERAL, value, lang, datatype};
  return t;
}

/* -------------------------------------------------------- lexical forms */

static bool
digits(const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') {
      return false;
    }
  }
  return true;
}

static int
num(const char *s, size_t n)
{
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    v = 10 * v + (s[i] - '0');
  }
  return v;
}

static int
days_in_month(int y, int m)
{
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

bool
ng__emit_date(const char *in, char out[40], const char **datatype)
{
  while (*in == ' ' || *in == '\t') {
    in++;
  }
  if (!(digits(in, 4) && in[4] == '-' && digits(in + 5, 2) && in[7] == '-' &&
        digits(in + 8, 2))) {
    return false;
  }
  int y = num(in, 4), mo = num(in + 5, 2), d = num(in + 8, 2);
  if (y == 0 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) {
    return false;
  }
  snprintf(out, 40, "%04d-%02d-%02d", y, mo, d);
  *datatype = XSD_DATE;
  const char *t = in + 10;
  if (!((*t == 'T' || *t == ' ') && digits(t + 1, 2) && t[3] == ':' &&
        digits(t + 4, 2))) {
    return true;
  }
  int h = num(t + 1, 2), mi = num(t + 4, 2), s = 0;
  t += 6;
  char frac[16] = "";
  if (*t == ':' && digits(t + 1, 2)) {
    s = num(t + 1, 2);
    t += 3;
    if (*t == '.' && digits(t + 1, 1)) {
      size_t n = 0;
      frac[n++] = '.';
      for (t++; *t >= '0' && *t <= '9'; t++) {
        if (n + 1 < sizeof frac) {
          frac[n++] = *t;
        }
      }
      frac[n] = '\0';
    }
  }
  char zone[8] = "";
  if (*t == 'Z' || *t == 'z') {
    memcpy(zone, "Z", 2);
    t++;
  } else if ((*t == '+' || *t == '-') && digits(t + 1, 2)) {
    int zh = num(t + 1, 2), zm = 0;
    char sign = *t;
    t += 3;
    if (*t == ':' && digits(t + 1, 2)) {
      zm = num(t + 1, 2);
      t += 3;
    } else if (digits(t, 2)) {
      zm = num(t, 2);
      t += 2;
    }
    if (zh > 14 || zm > 59 || (zh == 14 && zm != 0)) {
      return true;
    }
    int zn = snprintf(zone, sizeof zone, "%c%02d:%02d", sign, zh, zm);
    if (zn < 0 || (size_t)zn >= sizeof zone) {
      return true;
    }
  }
  while (*t == ' ') {
    t++;
  }
  if (*t != '\0') {
    return true; /* trailing text: keep the date only */
  }
  if (h == 24 && mi == 0 && s == 0 && frac[0] == '\0') {
    /* XSD: 24:00:00 is 00:00:00 of the next day (T09). */
    h = 0;
    if (++d > days_in_month(y, mo)) {
      d = 1;
      if (++mo > 12) {
        mo = 1;
        y++;
      }
    }
  } else if (h > 23 || mi > 59 || s > 59) {
    return true;
  }
  int n = snprintf(out, 40, "%04d-%02d-%02dT%02d:%02d:%02d%s%s", y, mo, d, h,
                   mi, s, frac, zone);
  if (n < 0 || n >= 40) {
    out[10] = '\0'; /* cannot happen for the ranges checked above */
    return true;
  }
  *datatype = XSD_DATE_TIME;
  return true;
}

static bool
is_alpha(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_alnum(char c)
{
  return is_alpha(c) || (c >= '0' && c <= '9');
}

bool
ng__emit_lang(const char *in, char out[36])
{
  size_t n = 0, sub = 0;
  const char *p = in;
  if (!in || !*in) {
    return false;
  }
  while (*p) {
    const char *b = p;
    while (is_alnum(*p)) {
      p++;
    }
    size_t len = (size_t)(p - b);
    if (len == 0 || len > 8 || (sub == 0 && !is_alpha(*b)) ||
        n + len + 2 > 36) {
      return false;
    }
    if (sub > 0) {
      out[n++] = '-';
    }
    for (size_t i = 0; i < len; i++) {
      char c = b[i];
      out[n++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    sub++;
    if (*p == '-' || *p == '_') {
      p++;
      if (!*p) {
        return false;
      }
    } else if (*p) {
      return false;
    }
  }
  out[n] = '\0';
  return true;
}

/* True for an xsd:decimal lexical form: [+-]?digits(.digits)? */
static bool
is_decimal(const char *s)
{
  if (*s == '+' || *s == '-') {
    s++;
  }
  size_t n = 0;
  while (*s >= '0' && *s <= '9') {
    s++;
    n++;
  }
  if (*s == '.') {
    s++;
    while (*s >= '0' && *s <= '9') {
      s++;
      n++;
    }
  }
  return n > 0 && *s == '\0';
}

/* True for a valid "YYYY-MM-DD" event date. */
static bool
is_date(const char *s)
{
  char out[40];
  const char *dt;
  return strlen(s) == 10 && ng__emit_date(s, out, &dt) &&
         strcmp(dt, XSD_DATE) == 0;
}

/* True for a Wikidata item id "Q" followed by 1-12 digits. */
static bool
is_qid(const char *s)
{
  size_t n = s ? strlen(s) : 0;
  return n >= 2 && n <= 13 && s[0] == 'Q' && s[1] != '0' &&
         digits(s + 1, n - 1);
}

/* ------------------------------------------------------------ vocabulary */

static const char *
class_iri(enum ng_etype type)
{
  switch (type) {
  case NG_ETYPE_PERSON: return NG_PERSON;
  case NG_ETYPE_COUNTRY: return NG_COUNTRY;
  case NG_ETYPE_CITY: return NG_CITY;
  case NG_ETYPE_PLACE: return NG_PLACE;
  case NG_ETYPE_ORGANIZATION: return NG_ORGANIZATION;
  case NG_ETYPE_INTL_ORG: return NG_INTERNATIONAL_ORGANIZATION;
  case NG_ETYPE_GOV_BODY: return NG_GOVERNMENT_BODY;
  case NG_ETYPE_COMPANY: return NG_COMPANY;
  case NG_ETYPE_NEWS_AGENCY: return NG_NEWS_AGENCY;
  case NG_ETYPE_COUNT: return NULL;
  }
  return NULL;
}

static const char *
rel_iri(enum ng_rel rel)
{
  switch (rel) {
  case NG_REL_MEETS: return NG_MEETS;
  case NG_REL_VISITS: return NG_VISITS;
  case NG_REL_HOSTS: return NG_HOSTS;
  case NG_REL_HEAD_OF_STATE_OF: return NG_HEAD_OF_STATE_OF;
  case NG_REL_HEAD_OF_GOVERNMENT_OF: return NG_HEAD_OF_GOVERNMENT_OF;
  case NG_REL_MINISTER_OF: return NG_MINISTER_OF;
  case NG_REL_LEADER_OF: return NG_LEADER_OF;
  case NG_REL_MEMBER_OF: return NG_MEMBER_OF;
  case NG_REL_PARTNER_OF: return NG_PARTNER_OF;
  case NG_REL_CHAIRS: return NG_CHAIRS;
  case NG_REL_COOPERATES_WITH: return NG_COOPERATES_WITH;
  case NG_REL_TRADING_PARTNER_OF: return NG_TRADING_PARTNER_OF;
  case NG_REL_SIGNS_AGREEMENT_WITH: return NG_SIGNS_AGREEMENT_WITH;
  case NG_REL_INVITES: return NG_INVITES;
  case NG_REL_LOCATED_IN: return NG_LOCATED_IN;
  case NG_REL_COUNT: return NULL;
  }
  return NULL;
}

static const char *
modality_iri(enum ng_modality m)
{
  switch (m) {
  case NG_MOD_ASSERTED: return NULL; /* the default: omitted */
  case NG_MOD_PLANNED: return NG_PLANNED;
  case NG_MOD_REPORTED: return NG_REPORTED;
  case NG_MOD_DENIED: return NG_DENIED;
  }
  return NULL;
}

static const char *
event_class(enum ng_event_kind k, const char **slug)
{
  switch (k) {
  case NG_EV_VISIT: *slug = "event-visit"; return NG_VISIT;
  case NG_EV_MEETING: *slug = "event-meeting"; return NG_MEETING;
  case NG_EV_SIGNING: *slug = "event-signing"; return NG_SIGNING;
  case NG_EV_QUOTATION: *slug = "event-quotation"; return NG_QUOTATION;
  case NG_EV_TRADE_FIGURE: *slug = "event-trade"; return NG_TRADE_FIGURE;
  }
  *slug = "event";
  return NULL;
}

/* ---------------------------------------------------------------- emit */

/* State of one emission. */
struct emitter {
  ng_world *world;
  const struct ng_doc *doc;
  struct ng_quads *qs;
  const char *graph;      /* the article IRI (pooled) */
  const char *lang;       /* canonical language tag (pooled) */
  const char **ent_iri;   /* IRI per entity index (resolved), or NULL */
};

static ng_status
add(struct emitter *em, const char *s, const char *p, struct ng_term o)
{
  return add_quad(em->qs, em->graph, s, p, o);
}

/* The IRI of entity @p ent after following merges, or NULL. */
static const char *
entity(const struct emitter *em, size_t ent)
{
  ent = ng__doc_resolve(em->doc, ent);
  if (ent == NG_NONE || ent >= em->doc->n_entities) {
    return NULL;
  }
  return em->ent_iri[ent];
}

static ng_status
add_uint(struct emitter *em, const char *s, const char *p, size_t v)
{
  ng_status st;
  const char *val;
  char tmp[32];
  snprintf(tmp, sizeof tmp, "%zu", v);
  TRY(st, pool_take(em->qs, strdup(tmp), &val));
  return add(em, s, p, lit(val, NULL, XSD_NON_NEGATIVE_INTEGER));
}

/* The evidence properties shared by statements and events (VOCABULARY.md
 * "Evidence and confidence"). */
static ng_status
add_evidence(struct emitter *em, const char *node, size_t sentence,
             double confidence, enum ng_modality modality)
{
  ng_status st;
  const struct ng_doc *doc = em->doc;
  if (sentence < doc->n_sentences && doc->text) {
    const struct ng_sentence *s = &doc->sentences[sentence];
    if (s->begin <= s->end && s->end <= doc->text_len) {
      const char *text;
      TRY(st, pool_text(em->qs, doc->text + s->begin, s->end - s->begin,
                        &text));
      TRY(st, add(em, node, NG_EVIDENCE, lit(text, NULL, NULL)));
      TRY(st, add_uint(em, node, NIF_BEGIN_INDEX, s->cp_begin));
      TRY(st, add_uint(em, node, NIF_END_INDEX, s->cp_end));
    }
  }
  if (confidence < 0 || confidence != confidence) {
    confidence = 0;
  } else if (confidence > 1) {
    confidence = 1;
  }
  char tmp[16];
  const char *val;
  snprintf(tmp, sizeof tmp, "%.3f", confidence);
  TRY(st, pool_take(em->qs, strdup(tmp), &val));
  TRY(st, add(em, node, NG_CONFIDENCE, lit(val, NULL, XSD_DECIMAL)));
  const char *mod = modality_iri(modality);
  if (mod) {
    TRY(st, add(em, node, NG_MODALITY_P, iri(mod)));
  }
  return add(em, node, PROV_WAS_DERIVED_FROM, iri(em->graph));
}

/* The slug of @p label without a leading "the-", for matching names. */
static void
match_slug(const char *label, char out[NG_SLUG_MAX + 1])
{
  ng__iri_slug(label, out);
  if (strncmp(out, "the-", 4) == 0) {
    memmove(out, out + 4, strlen(out + 4) + 1);
  }
}

/* schema:publisher: the publisher entity; else an organization entity
 * named like the page's publisher (or og:site_name); else a new
 * ng:NewsAgency node for that name (VOCABULARY.md "Article"). */
static ng_status
emit_publisher(struct emitter *em)
{
  ng_status st;
  const struct ng_doc *doc = em->doc;
  const char *v;
  if (doc->publisher != NG_NONE && (v = entity(em, doc->publisher))) {
    return add(em, em->graph, SCHEMA_PUBLISHER, iri(v));
  }
  const char *name = doc->meta.publisher && *doc->meta.publisher
                         ? doc->meta.publisher
                         : doc->meta.site_name;
  char want[NG_SLUG_MAX + 1], have[NG_SLUG_MAX + 1];
  if (!name || !*name) {
    return NG_OK;
  }
  match_slug(name, want);
  for (size_t i = 0; i < doc->n_entities; i++) {
    const struct ng_entity *e = &doc->entities[i];
    if (e->merged || !em->ent_iri[i] ||
        strcmp(ng__iri_type_segment(e->type), "organization") != 0) {
      continue;
    }
    match_slug(e->label, have);
    if (strcmp(have, want) == 0) {
      return add(em, em->graph, SCHEMA_PUBLISHER, iri(em->ent_iri[i]));
    }
  }
  char *s = NULL;
  const char *node, *label;
  TRY(st, ng__iri_entity(em->world, NG_ETYPE_NEWS_AGENCY, name, &s));
  TRY(st, pool_take(em->qs, s, &node));
  TRY(st, pool_label(em->qs, name, &label));
  TRY(st, add(em, node, RDF_TYPE, iri(NG_NEWS_AGENCY)));
  TRY(st, add(em, node, RDFS_LABEL, lit(label, NULL, NULL)));
  return add(em, em->graph, SCHEMA_PUBLISHER, iri(node));
}

static ng_status
emit_article(struct emitter *em)
{
  ng_status st;
  const struct ng_doc *doc = em->doc;
  const char *a = em->graph;
  const char *v;
  TRY(st, add(em, a, RDF_TYPE, iri(SCHEMA_NEWS_ARTICLE)));

  /* schema:url: the article IRI when it is a web address, else the URL
   * the page was fetched from. */
  const char *url = NULL;
  if (strncmp(a, "http://", 7) == 0 || strncmp(a, "https://", 8) == 0) {
    url = a;
  } else if (doc->final_url) {
    char *s = NULL;
    TRY(st, ng__iri_sanitize(doc->final_url, &s));
    TRY(st, pool_take(em->qs, s, &url));
    if (!ng__iri_is_valid(url)) {
      url = NULL;
    }
  }
  if (url) {
    TRY(st, add(em, a, SCHEMA_URL, iri(url)));
  }
  if (doc->meta.headline && *doc->meta.headline) {
    TRY(st, pool_text(em->qs, doc->meta.headline, strlen(doc->meta.headline),
                      &v));
    TRY(st, add(em, a, SCHEMA_HEADLINE, lit(v, em->lang, NULL)));
  }
  /* VOCABULARY.md "Article": datePublished from --date, else metadata. */
  const char *date = doc->user_date ? doc->user_date : doc->meta.date_published;
  if (date) {
    char lex[40];
    const char *dt;
    if (ng__emit_date(date, lex, &dt)) {
      TRY(st, pool_take(em->qs, strdup(lex), &v));
      TRY(st, add(em, a, SCHEMA_DATE_PUBLISHED, lit(v, NULL, dt)));
    } else {
      ng__warnf(em->world, "%s: ignoring publication date that is not a "
                "date: %s", doc->name, date);
    }
  }
  TRY(st, emit_publisher(em));
  TRY(st, add(em, a, SCHEMA_IN_LANGUAGE, lit(em->lang, NULL, NULL)));
  if (doc->dateline != NG_NONE && (v = entity(em, doc->dateline))) {
    TRY(st, add(em, a, NG_DATELINE, iri(v)));
  }
  for (size_t i = 0; i < doc->n_entities; i++) {
    const struct ng_entity *e = &doc->entities[i];
    if (e->merged || !em->ent_iri[i]) {
      continue;
    }
    if (e->is_author) {
      TRY(st, add(em, a, SCHEMA_AUTHOR, iri(em->ent_iri[i])));
    }
    /* The byline author and the publisher are named by the page, not
     * mentioned in the text, unless the text names them too. */
    if (e->n_mentions > 0 || !(e->is_author || i == doc->publisher)) {
      TRY(st, add(em, a, SCHEMA_MENTIONS, iri(em->ent_iri[i])));
    }
  }
  time_t t = doc->retrieved_at ? doc->retrieved_at : ng__world_now(em->world);
  struct tm tm;
  char stamp[40];
  if (gmtime_r(&t, &tm) && tm.tm_year + 1900 >= 1 &&
      tm.tm_year + 1900 <= 9999) {
    snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02dZ",
             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
             tm.tm_min, tm.tm_sec);
    TRY(st, pool_take(em->qs, strdup(stamp), &v));
    TRY(st, add(em, a, NG_RETRIEVED_AT, lit(v, NULL, XSD_DATE_TIME)));
  }
  /* The HTTP validators, kept so that a later build sends a conditional
   * request for the same URL (ng_store_get_validators()). */
  if (doc->requested_url) {
    char *s = NULL;
    TRY(st, ng__iri_sanitize(doc->requested_url, &s));
    TRY(st, pool_take(em->qs, s, &v));
    if (ng__iri_is_valid(v)) {
      TRY(st, add(em, a, NG_REQUESTED_URL, iri(v)));
      if (doc->etag) {
        TRY(st, pool_text(em->qs, doc->etag, strlen(doc->etag), &v));
        TRY(st, add(em, a, NG_HTTP_ETAG, lit(v, NULL, NULL)));
      }
      if (doc->last_modified) {
        TRY(st, pool_text(em->qs, doc->last_modified,
                          strlen(doc->last_modified), &v));
        TRY(st, add(em, a, NG_HTTP_LAST_MODIFIED, lit(v, NULL, NULL)));
      }
    }
  }
  return NG_OK;
}

/* The label of the publisher entity: the name the page itself gives its
 * publisher (JSON-LD publisher, og:site_name ...) when that name is one of
 * the entity's known names, so "Press Trust of India" stays the label on a
 * page that calls itself so, while the IRI, minted from the gazetteer's
 * canonical name ("PTI"), stays the same in every article. */
static const char *
publisher_label(const struct ng_doc *doc, const struct ng_entity *e)
{
  const char *name = doc->meta.publisher;
  if (!name || !*name || strlen(name) > 200) {
    return e->label;
  }
  char want[NG_SLUG_MAX + 1], have[NG_SLUG_MAX + 1];
  match_slug(name, want);
  for (size_t k = 0; k < e->n_alt_labels; k++) {
    if (e->alt_labels[k]) {
      match_slug(e->alt_labels[k], have);
      if (strcmp(have, want) == 0) {
        return e->alt_labels[k];
      }
    }
  }
  return e->label;
}

static ng_status
emit_entities(struct emitter *em)
{
  ng_status st;
  const struct ng_doc *doc = em->doc;
  for (size_t i = 0; i < doc->n_entities; i++) {
    const struct ng_entity *e = &doc->entities[i];
    const char *s = em->ent_iri[i], *v;
    if (e->merged || !s) {
      continue;
    }
    TRY(st, add(em, s, RDF_TYPE, iri(class_iri(e->type))));
    const char *label = i == doc->publisher ? publisher_label(doc, e)
                                            : e->label;
    const char *shown, *own;
    TRY(st, pool_label(em->qs, label, &shown));
    TRY(st, add(em, s, RDFS_LABEL, lit(shown, NULL, NULL)));
    TRY(st, pool_label(em->qs, e->label, &own));
    if (label != e->label &&
        (strcmp(own, shown) != 0 || strcmp(label, e->label) == 0)) {
      TRY(st, add(em, s, SKOS_ALT_LABEL, lit(own, NULL, NULL)));
    }
    for (size_t k = 0; k < e->n_alt_labels; k++) {
      const char *alt = e->alt_labels[k];
      if (!alt || !*alt || strcmp(alt, e->label) == 0 ||
          strcmp(alt, label) == 0) {
        continue;
      }
      TRY(st, pool_label(em->qs, alt, &v));
      if (!*v || strcmp(v, shown) == 0 || strcmp(v, own) == 0) {
        continue;
      }
      TRY(st, add(em, s, SKOS_ALT_LABEL, lit(v, NULL, NULL)));
    }
    if (is_qid(e->qid)) {
      char tmp[64];
      snprintf(tmp, sizeof tmp, "%s%s", WD_NS, e->qid);
      TRY(st, pool_take(em->qs, strdup(tmp), &v));
      TRY(st, add(em, s, OWL_SAME_AS, iri(v)));
    }
  }
  return NG_OK;
}

/* Appends the decimal form of @p v to @p b (what "%d" writes). */
static ng_status
key_int(struct ng_buf *b, int v)
{
  char tmp[16];
  size_t i = sizeof tmp;
  unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
  do {
    tmp[--i] = (char)('0' + u % 10u);
    u /= 10u;
  } while (u);
  if (v < 0) {
    tmp[--i] = '-';
  }
  return ng__buf_add(b, tmp + i, sizeof tmp - i);
}

/* Appends @p s and a newline to @p b (what "%s\n" writes). */
static ng_status
key_line(struct ng_buf *b, const char *s)
{
  ng_status st;
  TRY(st, ng__buf_adds(b, s));
  return ng__buf_add(b, "\n", 1);
}

static ng_status
emit_facts(struct emitter *em)
{
  ng_status st;
  const struct ng_doc *doc = em->doc;
  for (size_t i = 0; i < doc->n_facts; i++) {
    const struct ng_fact *f = &doc->facts[i];
    const char *p = rel_iri(f->rel);
    const char *s = entity(em, f->subject), *o = entity(em, f->object);
    if (!p || !s || !o || strcmp(s, o) == 0) {
      continue;
    }
    /* VOCABULARY.md: a denied fact is never a plain triple. */
    if (f->modality != NG_MOD_DENIED) {
      TRY(st, add(em, s, p, iri(o)));
    }
    struct ng_buf key;
    const char *node;
    char *n = NULL;
    ng__buf_init(&key, 0);
    /* the key "%s\n%s\n%s\n%d" of s, p, o and the modality */
    st = key_line(&key, s);
    st = st == NG_OK ? key_line(&key, p) : st;
    st = st == NG_OK ? key_line(&key, o) : st;
    st = st == NG_OK ? key_int(&key, (int)f->modality) : st;
    if (st == NG_OK) {
      st = ng__iri_hashed(em->world, em->graph, "fact", key.data, key.len,
                          &n);
    }
    ng__buf_free(&key);
    if (st != NG_OK) {
      return st;
    }
    TRY(st, pool_take(em->qs, n, &node));
    TRY(st, add(em, node, RDF_TYPE, iri(RDF_STATEMENT)));
    TRY(st, add(em, node, RDF_SUBJECT, iri(s)));
    TRY(st, add(em, node, RDF_PREDICATE, iri(p)));
    TRY(st, add(em, node, RDF_OBJECT, iri(o)));
    TRY(st, add_evidence(em, node, f->sentence, f->confidence, f->modality));
  }
  return NG_OK;
}

static int
str_cmp(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds @p p → entity @p ent to @p node and to the content key. */
static ng_status
event_ent(struct emitter *em, const char *node, const char *p, size_t ent)
{
  const char *o = ent == NG_NONE ? NULL : entity(em, ent);
  return o && node ? add(em, node, p, iri(o)) : NG_OK;
}

/* Writes the content key of event @p ev (what makes two events the same)
 * into @p key; the sorted party IRIs go into @p parties. */
static ng_status
event_key(struct emitter *em, const struct ng_event *ev, struct ng_buf *key,
          const char **parties, size_t *n_parties)
{
  ng_status st;
  const char *a = ev->agent == NG_NONE ? NULL : entity(em, ev->agent);
  const char *d =
      ev->destination == NG_NONE ? NULL : entity(em, ev->destination);
  const char *l = ev->location == NG_NONE ? NULL : entity(em, ev->location);
  size_t n = 0;
  for (size_t k = 0; k < ev->n_parties; k++) {
    const char *p = entity(em, ev->parties[k]);
    bool dup = false;
    for (size_t j = 0; p && j < n; j++) {
      dup = dup || strcmp(parties[j], p) == 0;
    }
    if (p && !dup) {
      parties[n++] = p;
    }
  }
  qsort(parties, n, sizeof *parties, str_cmp);
  *n_parties = n;
  /* "%d\n%s\n%s\n%s\n", a "%s\n" per party, then
   * "%s\n%s\n%s\n%s\n%d\n%s\n%s\n%d", written piece by piece */
  TRY(st, key_int(key, (int)ev->kind));
  TRY(st, ng__buf_add(key, "\n", 1));
  TRY(st, key_line(key, a ? a : ""));
  TRY(st, key_line(key, d ? d : ""));
  TRY(st, key_line(key, l ? l : ""));
  for (size_t k = 0; k < n; k++) {
    TRY(st, key_line(key, parties[k]));
  }
  TRY(st, key_line(key, ev->start_date));
  TRY(st, key_line(key, ev->end_date));
  TRY(st, key_line(key, ev->date));
  TRY(st, key_line(key, ev->text ? ev->text : ""));
  TRY(st, key_int(key, ev->year));
  TRY(st, ng__buf_add(key, "\n", 1));
  TRY(st, key_line(key, ev->value ? ev->value : ""));
  TRY(st, key_line(key, ev->currency));
  return key_int(key, (int)ev->modality);
}

static ng_status
emit_event(struct emitter *em, const struct ng_event *ev)
{
  ng_status st;
  const char *slug, *node, *v;
  const char *cls = event_class(ev->kind, &slug);
  /* VOCABULARY.md: a denied event gets no node. */
  if (!cls || ev->modality == NG_MOD_DENIED) {
    return NG_OK;
  }
  const char **parties = calloc(ev->n_parties + 1, sizeof *parties);
  size_t n_parties = 0;
  struct ng_buf key;
  char *n = NULL;
  if (!parties) {
    return NG_ERR_NOMEM;
  }
  ng__buf_init(&key, 0);
  st = event_key(em, ev, &key, parties, &n_parties);
  if (st == NG_OK) {
    st = ng__iri_hashed(em->world, em->graph, slug, key.data, key.len, &n);
  }
  ng__buf_free(&key);
  TRY_DONE(st, st);
  TRY_DONE(st, pool_take(em->qs, n, &node));
  TRY_DONE(st, add(em, node, RDF_TYPE, iri(cls)));
  switch (ev->kind) {
  case NG_EV_VISIT:
    TRY_DONE(st, event_ent(em, node, NG_AGENT, ev->agent));
    TRY_DONE(st, event_ent(em, node, NG_DESTINATION, ev->destination));
    if (is_date(ev->start_date)) {
      TRY_DONE(st, pool_take(em->qs, strdup(ev->start_date), &v));
      TRY_DONE(st, add(em, node, NG_START_DATE, lit(v, NULL, XSD_DATE)));
    }
    if (is_date(ev->end_date)) {
      TRY_DONE(st, pool_take(em->qs, strdup(ev->end_date), &v));
      TRY_DONE(st, add(em, node, NG_END_DATE, lit(v, NULL, XSD_DATE)));
    }
    break;
  case NG_EV_MEETING:
  case NG_EV_SIGNING:
    for (size_t k = 0; k < n_parties; k++) {
      TRY_DONE(st, add(em, node, NG_PARTICIPANT, iri(parties[k])));
    }
    if (ev->kind == NG_EV_MEETING) {
      TRY_DONE(st, event_ent(em, node, NG_LOCATION, ev->location));
    } else if (ev->text && *ev->text) {
      TRY_DONE(st, pool_text(em->qs, ev->text, strlen(ev->text), &v));
      TRY_DONE(st, add(em, node, NG_AGREEMENT_TITLE, lit(v, em->lang, NULL)));
    }
    if (is_date(ev->date)) {
      TRY_DONE(st, pool_take(em->qs, strdup(ev->date), &v));
      TRY_DONE(st, add(em, node, NG_DATE, lit(v, NULL, XSD_DATE)));
    }
    break;
  case NG_EV_QUOTATION:
    TRY_DONE(st, event_ent(em, node, NG_SPEAKER, ev->agent));
    if (ev->text && *ev->text) {
      TRY_DONE(st, pool_text(em->qs, ev->text, strlen(ev->text), &v));
      TRY_DONE(st, add(em, node, SCHEMA_TEXT, lit(v, em->lang, NULL)));
    }
    break;
  case NG_EV_TRADE_FIGURE:
    for (size_t k = 0; k < n_parties; k++) {
      TRY_DONE(st, add(em, node, NG_PARTY, iri(parties[k])));
    }
    if (ev->year > 0 && ev->year <= 9999) {
      char tmp[8];
      snprintf(tmp, sizeof tmp, "%04d", ev->year);
      TRY_DONE(st, pool_take(em->qs, strdup(tmp), &v));
      TRY_DONE(st, add(em, node, NG_YEAR, lit(v, NULL, XSD_GYEAR)));
    }
    if (ev->value && is_decimal(ev->value)) {
      TRY_DONE(st, pool_take(em->qs, strdup(ev->value), &v));
      TRY_DONE(st, add(em, node, SCHEMA_VALUE, lit(v, NULL, XSD_DECIMAL)));
    }
    if (strlen(ev->currency) == 3 && is_alpha(ev->currency[0]) &&
        is_alpha(ev->currency[1]) && is_alpha(ev->currency[2])) {
      TRY_DONE(st, pool_take(em->qs, strdup(ev->currency), &v));
      TRY_DONE(st, add(em, node, SCHEMA_CURRENCY, lit(v, NULL, NULL)));
    }
    break;
  }
  TRY_DONE(st, add_evidence(em, node, ev->sentence, ev->confidence,
                            ev->modality));
done:
  free(parties);
  return st;
}

/* --nif: the text as a nif:Context and each mention as a nif:Phrase
 * (VOCABULARY.md "Evidence and confidence"; NIF 2.0 RFC 5147 offsets in
 * code points). */
static ng_status
emit_nif(struct emitter *em)
{
  ng_status st;
  const struct ng_doc *doc = em->doc;
  const char *ctx, *v;
  char *fb = NULL;
  if (!doc->text) {
    return NG_OK;
  }
  TRY(st, ng__iri_fragment_base(em->world, em->graph, &fb));
  const char *fbase;
  TRY(st, pool_take(em->qs, fb, &fbase));
  struct ng_buf b;
  ng__buf_init(&b, 0);
  TRY(st, ng__buf_addf(&b, "%s#text", fbase));
  TRY(st, pool_take(em->qs, ng__buf_take(&b), &ctx));
  TRY(st, add(em, ctx, RDF_TYPE, iri(NIF_CONTEXT)));
  TRY(st, pool_text(em->qs, doc->text, doc->text_len, &v));
  TRY(st, add(em, ctx, NIF_IS_STRING, lit(v, NULL, NULL)));
  TRY(st, add_uint(em, ctx, NIF_BEGIN_INDEX, 0));
  TRY(st, add_uint(em, ctx, NIF_END_INDEX,
                   ng__utf8_cp_count(doc->text, doc->text_len)));
  for (size_t i = 0; i < doc->n_mentions; i++) {
    const struct ng_mention *m = &doc->mentions[i];
    const char *ent = entity(em, m->entity), *node;
    if (!ent || m->begin >= m->end || m->end > doc->text_len) {
      continue;
    }
    size_t from = 0, cp_from = 0;
    if (m->sentence < doc->n_sentences &&
        doc->sentences[m->sentence].begin <= m->begin) {
      from = doc->sentences[m->sentence].begin;
      cp_from = doc->sentences[m->sentence].cp_begin;
    }
    size_t cpb = cp_from + ng__utf8_cp_count(doc->text + from, m->begin - from);
    size_t cpe = cpb + ng__utf8_cp_count(doc->text + m->begin,
                                         m->end - m->begin);
    ng__buf_init(&b, 0);
    TRY(st, ng__buf_addf(&b, "%s#char=%zu,%zu", fbase, cpb, cpe));
    TRY(st, pool_take(em->qs, ng__buf_take(&b), &node));
    TRY(st, add(em, node, RDF_TYPE, iri(NIF_PHRASE)));
    TRY(st, add(em, node, NIF_REFERENCE_CONTEXT, iri(ctx)));
    TRY(st, pool_text(em->qs, doc->text + m->begin, m->end - m->begin, &v));
    TRY(st, add(em, node, NIF_ANCHOR_OF, lit(v, NULL, NULL)));
    TRY(st, add_uint(em, node, NIF_BEGIN_INDEX, cpb));
    TRY(st, add_uint(em, node, NIF_END_INDEX, cpe));
    TRY(st, add(em, node, ITSRDF_TA_IDENT_REF, iri(ent)));
  }
  return NG_OK;
}

ng_status
ng__emit_graph_iri(const struct ng_doc *doc, char **out)
{
  *out = NULL;
  if (doc->iri && *doc->iri) {
    return ng__iri_sanitize(doc->iri, out);
  }
  /* VOCABULARY.md "Graph layout": urn:sha256 of the raw bytes. */
  char hex[65], *s = malloc(11 + 65);
  if (!s) {
    return NG_ERR_NOMEM;
  }
  ng__sha256_hex(doc->raw ? doc->raw : "", doc->raw ? doc->raw_len : 0, hex);
  snprintf(s, 11 + 65, "urn:sha256:%s", hex);
  *out = s;
  return NG_OK;
}

/* Sort order: the article first, then by subject; rdf:type first within
 * a subject; then predicate and object, so equal quads are adjacent. */

static int
term_cmp(const struct ng_term *a, const struct ng_term *b)
{
  if (a->kind != b->kind) {
    return (int)a->kind - (int)b->kind;
  }
  int c = strcmp(a->value, b->value);
  if (c == 0) {
    c = strcmp(a->lang ? a->lang : "", b->lang ? b->lang : "");
  }
  if (c == 0) {
    c = strcmp(a->datatype ? a->datatype : "",
               b->datatype ? b->datatype : "");
  }
  return c;
}

static int
quad_cmp(const void *pa, const void *pb, void *article)
{
  const struct ng_quad *a = pa, *b = pb;
  bool aa = strcmp(a->subject.value, article) == 0;
  bool ba = strcmp(b->subject.value, article) == 0;
  if (aa != ba) {
    return aa ? -1 : 1;
  }
  int c = strcmp(a->subject.value, b->subject.value);
  if (c != 0) {
    return c;
  }
  bool at = strcmp(a->predicate, RDF_TYPE) == 0;
  bool bt = strcmp(b->predicate, RDF_TYPE) == 0;
  if (at != bt) {
    return at ? -1 : 1;
  }
  c = strcmp(a->predicate, b->predicate);
  return c != 0 ? c : term_cmp(&a->object, &b->object);
}

/* A quad with its first two sort criteria decided once, not per
 * comparison; @c i (the position before sorting) makes the order of equal
 * quads the input order, as a stable sort would. */
struct qkey {
  const struct ng_quad *q;
  size_t i;
  bool art;  /* the subject is the article */
  bool type; /* the predicate is rdf:type */
  size_t srank, prank; /* the subject's and predicate's places in strcmp()
                        * order among the list's (rank_strings) */
};

/* A distinct string pointer and its rank (rank_strings). */
struct rank_slot {
  const char *p;
  size_t u; /* index among the distinct pointers */
};

static int
rank_slot_cmp(const void *pa, const void *pb)
{
  const struct rank_slot *a = pa, *b = pb;
  return a->p == b->p ? 0 : strcmp(a->p, b->p);
}

/* Sets @c *field of each of the @p n keys (the offset @p off in struct
 * qkey) to the rank of its string (@p str of the key's quad) in strcmp()
 * order, equal strings the same rank: the strings are compared once per
 * distinct pointer, not once per comparison of the sort. False when out
 * of memory. */
static bool
rank_strings(struct qkey *k, size_t n, bool subject, size_t off)
{
  size_t cap = 16;
  while (cap < n + n / 2) {
    cap *= 2;
  }
  struct rank_slot *tab = calloc(cap, sizeof *tab);
  struct rank_slot *uniq = malloc(n * sizeof *uniq);
  size_t *uid = malloc(n * sizeof *uid);
  size_t *urank = malloc(n * sizeof *urank);
  bool ok = tab && uniq && uid && urank;
  size_t nu = 0;
  for (size_t i = 0; ok && i < n; i++) {
    const char *p = subject ? k[i].q->subject.value : k[i].q->predicate;
    size_t h = (size_t)(((uintptr_t)p >> 3) * 0x9E3779B97F4A7C15u);
    h = (h ^ (h >> 29)) & (cap - 1);
    while (tab[h].p && tab[h].p != p) {
      h = (h + 1) & (cap - 1);
    }
    if (!tab[h].p) {
      tab[h].p = p;
      tab[h].u = nu;
      uniq[nu].p = p;
      uniq[nu].u = nu;
      nu++;
    }
    uid[i] = tab[h].u;
  }
  if (ok) {
    qsort(uniq, nu, sizeof *uniq, rank_slot_cmp);
    size_t r = 0;
    for (size_t j = 0; j < nu; j++) {
      if (j > 0 && strcmp(uniq[j - 1].p, uniq[j].p) != 0) {
        r++;
      }
      urank[uniq[j].u] = r;
    }
    for (size_t i = 0; i < n; i++) {
      memcpy((char *)&k[i] + off, &urank[uid[i]], sizeof(size_t));
    }
  }
  free(tab);
  free(uniq);
  free(uid);
  free(urank);
  return ok;
}

/* quad_cmp() on keys, without the tie-break on position. */
static int
qkey_cmp_quads(const struct qkey *a, const struct qkey *b)
{
  if (a->art != b->art) {
    return a->art ? -1 : 1;
  }
  const struct ng_quad *x = a->q, *y = b->q;
  if (a->srank != b->srank) {
    return a->srank < b->srank ? -1 : 1;
  }
  if (a->type != b->type) {
    return a->type ? -1 : 1;
  }
  if (a->prank != b->prank) {
    return a->prank < b->prank ? -1 : 1;
  }
  if (x->object.kind == y->object.kind &&
      x->object.value == y->object.value &&
      x->object.lang == y->object.lang &&
      x->object.datatype == y->object.datatype) {
    return 0;
  }
  return term_cmp(&x->object, &y->object);
}

static int
qkey_cmp(const void *pa, const void *pb)
{
  const struct qkey *a = pa, *b = pb;
  int c = qkey_cmp_quads(a, b);
  if (c != 0) {
    return c;
  }
  return a->i < b->i ? -1 : a->i > b->i;
}

/* Sorts the quads from @p first on by quad_cmp() (equal quads in input
 * order) and keeps the first of each run of equal ones. Falls back to
 * sorting the quads themselves when the keys cannot be allocated. */
static void
sort_from(struct ng_quads *qs, size_t first, const char *article)
{
  size_t n = qs->n - first;
  struct ng_quad *q = qs->q + first;
  struct qkey *k = n > 1 ? malloc(n * sizeof *k) : NULL;
  struct ng_quad *sorted = k ? malloc(n * sizeof *sorted) : NULL;
  for (size_t i = 0; sorted && i < n; i++) {
    k[i].q = &q[i];
  }
  if (sorted && (!rank_strings(k, n, true, offsetof(struct qkey, srank)) ||
                 !rank_strings(k, n, false, offsetof(struct qkey, prank)))) {
    free(sorted);
    sorted = NULL;
  }
  if (!sorted) {
    free(k);
    qsort_r(q, n, sizeof *q, quad_cmp, (void *)article);
    size_t w = first;
    for (size_t r = first; r < qs->n; r++) {
      if (w > first &&
          quad_cmp(&qs->q[w - 1], &qs->q[r], (void *)article) == 0) {
        continue;
      }
      qs->q[w++] = qs->q[r];
    }
    qs->n = w;
    return;
  }
  for (size_t i = 0; i < n; i++) {
    k[i].q = &q[i];
    k[i].i = i;
    k[i].art = strcmp(q[i].subject.value, article) == 0;
    k[i].type = strcmp(q[i].predicate, RDF_TYPE) == 0;
  }
  qsort(k, n, sizeof *k, qkey_cmp);
  size_t w = 0;
  for (size_t r = 0; r < n; r++) {
    if (w > 0 && qkey_cmp_quads(&k[r - 1], &k[r]) == 0) {
      continue;
    }
    sorted[w++] = *k[r].q;
  }
  memcpy(q, sorted, w * sizeof *q);
  qs->n = first + w;
  free(sorted);
  free(k);
}

void
ng__quads_sort(struct ng_quads *quads, const char *article)
{
  sort_from(quads, 0, article);
}

/* A pooled copy of @p s, or NULL for NULL. */
static ng_status
pool_dup(struct ng_quads *qs, const char *s, const char **out)
{
  *out = NULL;
  return s ? pool_take(qs, strdup(s), out) : NG_OK;
}

ng_status
ng__quads_add_copy(struct ng_quads *quads, const char *graph,
                   const struct ng_term *s, const char *predicate,
                   const struct ng_term *o)
{
  ng_status st;
  const char *g = NULL, *p;
  struct ng_term sc = *s, oc = *o;
  if (graph && quads->n > 0 && quads->q[quads->n - 1].graph &&
      strcmp(quads->q[quads->n - 1].graph, graph) == 0) {
    g = quads->q[quads->n - 1].graph;
  } else {
    TRY(st, pool_dup(quads, graph, &g));
  }
  TRY(st, pool_dup(quads, s->value, &sc.value));
  TRY(st, pool_dup(quads, predicate, &p));
  TRY(st, pool_dup(quads, o->value, &oc.value));
  TRY(st, pool_dup(quads, o->lang, &oc.lang));
  TRY(st, pool_dup(quads, o->datatype, &oc.datatype));
  TRY(st, add_quad(quads, g, sc.value, p, oc));
  quads->q[quads->n - 1].subject.kind = s->kind;
  return NG_OK;
}

ng_status
ng__emit_doc(ng_world *world, const struct ng_doc *doc, unsigned flags,
             struct ng_quads *out)
{
  ng_status st;
  struct emitter em = {world, doc, out, NULL, NULL, NULL};
  char *g = NULL;
  size_t first = out->n;
  TRY(st, ng__emit_graph_iri(doc, &g));
  TRY(st, pool_take(out, g, &em.graph));
  if (!ng__iri_is_valid(em.graph)) {
    return ng__errorf(world, NG_ERR_ARG, "%s: article IRI is not an "
                      "absolute IRI: %s", doc->name, em.graph);
  }
  char tag[36];
  if (!doc->meta.language || !ng__emit_lang(doc->meta.language, tag)) {
    memcpy(tag, "en", 3); /* VOCABULARY.md: headline always has a tag */
  }
  TRY(st, pool_take(out, strdup(tag), &em.lang));

  em.ent_iri = calloc(doc->n_entities + 1, sizeof *em.ent_iri);
  if (!em.ent_iri) {
    return NG_ERR_NOMEM;
  }
  for (size_t i = 0; i < doc->n_entities; i++) {
    const struct ng_entity *e = &doc->entities[i];
    char *s = NULL;
    if (e->merged || !e->label || !class_iri(e->type)) {
      continue;
    }
    TRY_DONE(st, ng__iri_entity(world, e->type, e->label, &s));
    TRY_DONE(st, pool_take(out, s, &em.ent_iri[i]));
  }
  TRY_DONE(st, emit_article(&em));
  TRY_DONE(st, emit_entities(&em));
  TRY_DONE(st, emit_facts(&em));
  for (size_t i = 0; i < doc->n_events; i++) {
    TRY_DONE(st, emit_event(&em, &doc->events[i]));
  }
  if (flags & NG__EMIT_NIF) {
    TRY_DONE(st, emit_nif(&em));
  }
  /* Sort and drop duplicates: two entities of one doc may share an IRI
   * (same name, organization subclasses), and stores without
   * de-duplication rely on this (REDLAND-NOTES.md §6.4). */
  sort_from(out, first, em.graph);
done:
  free(em.ent_iri);
  return st;
}

void
ng_world_set_emit_flags(ng_world *world, unsigned flags)
{
  if (world) {
    world->emit_flags = flags;
  }
}

ng_status
ng_doc_write(ng_world *world, ng_doc *doc, ng_syntax syntax, FILE *out)
{
  ng_status st;
  struct ng_quads qs = {0};
  if (!world || !doc || !out) {
    return NG_ERR_ARG;
  }
  TRY(st, ng_doc_extract(world, doc));
  unsigned flags = (world->emit_flags & NG_EMIT_NIF) ? NG__EMIT_NIF : 0;
  TRY_DONE(st, ng__emit_doc(world, doc, flags, &qs));
  TRY_DONE(st, ng__serialize_quads(world, &qs, syntax, out));
done:
  if (st == NG_ERR_NOMEM) {
    ng__errorf(world, st, "%s: out of memory writing the graph", doc->name);
  }
  ng__quads_clear(&qs);
  return st;
}
