/* SPDX-License-Identifier: MIT */
/* The report subcommand: one static, self-contained HTML page about a
 * store, from one SPARQL query over every article graph, built with
 * libxml2's HTML tree and serializer (which escape every string). */
/* libxml2 is included here although cmd/ otherwise includes only
 * newsgraph.h (STYLE.md 2.9 rule 6): HTML is written with the library,
 * never by hand-written escaping (STYLE.md "Library over hand-written
 * code"), and the library links libxml2 already. */
#include "report.h"

#include <errno.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Rows shown in the capped sections. */
#define TOP_ENTITIES 20
#define MAX_EVENTS 100

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define SCHEMA "https://schema.org/"
#define NG "https://w3id.org/newsgraph/ns#"

/* Every term the report reads (VOCABULARY.md), interned first so that its
 * string id is its index here. Labels are the ontology's rdfs:label
 * (ontology/newsgraph.ttl). */
enum term {
  T_NONE,
  /* predicates read from the store (the query's FILTER list) */
  T_TYPE, T_LABEL, T_HEADLINE, T_PUBLISHED, T_URL, T_MENTIONS,
  T_SUBJECT, T_PREDICATE, T_OBJECT, T_EVIDENCE, T_MODALITY,
  T_PARTICIPANT, T_LOCATION, T_DATE, T_AGENT, T_DESTINATION,
  T_START, T_END, T_PARTY, T_YEAR, T_VALUE, T_CURRENCY,
  /* node classes */
  T_ARTICLE, T_STATEMENT, T_MEETING, T_VISIT, T_TRADE,
  /* entity classes, in the order of VOCABULARY.md "Entities" */
  T_PERSON, T_COUNTRY, T_CITY, T_PLACE, T_ORGANIZATION, T_INTL_ORG,
  T_GOV_BODY, T_COMPANY, T_NEWS_AGENCY,
  /* binary relations, in the order of VOCABULARY.md "Binary facts" */
  T_MEETS, T_VISITS, T_HOSTS, T_HEAD_OF_STATE, T_HEAD_OF_GOV,
  T_MINISTER, T_LEADER, T_MEMBER, T_PARTNER, T_CHAIRS, T_COOPERATES,
  T_TRADING, T_SIGNS, T_INVITES, T_LOCATED,
  /* modalities */
  T_ASSERTED, T_PLANNED, T_REPORTED, T_DENIED,
  T_COUNT
};

static const struct {
  const char *iri;
  const char *label;
} terms[T_COUNT] = {
  [T_NONE] = {"", ""},
  [T_TYPE] = {RDF "type", ""},
  [T_LABEL] = {RDFS "label", ""},
  [T_HEADLINE] = {SCHEMA "headline", ""},
  [T_PUBLISHED] = {SCHEMA "datePublished", ""},
  [T_URL] = {SCHEMA "url", ""},
  [T_MENTIONS] = {SCHEMA "mentions", ""},
  [T_SUBJECT] = {RDF "subject", ""},
  [T_PREDICATE] = {RDF "predicate", ""},
  [T_OBJECT] = {RDF "object", ""},
  [T_EVIDENCE] = {NG "evidence", ""},
  [T_MODALITY] = {NG "modality", ""},
  [T_PARTICIPANT] = {NG "participant", ""},
  [T_LOCATION] = {NG "location", ""},
  [T_DATE] = {NG "date", ""},
  [T_AGENT] = {NG "agent", ""},
  [T_DESTINATION] = {NG "destination", ""},
  [T_START] = {NG "startDate", ""},
  [T_END] = {NG "endDate", ""},
  [T_PARTY] = {NG "party", ""},
  [T_YEAR] = {NG "year", ""},
  [T_VALUE] = {SCHEMA "value", ""},
  [T_CURRENCY] = {SCHEMA "currency", ""},
  [T_ARTICLE] = {SCHEMA "NewsArticle", "Article"},
  [T_STATEMENT] = {RDF "Statement", ""},
  [T_MEETING] = {NG "Meeting", "Meeting"},
  [T_VISIT] = {NG "Visit", "Visit"},
  [T_TRADE] = {NG "TradeFigure", "Trade figure"},
  [T_PERSON] = {NG "Person", "Person"},
  [T_COUNTRY] = {NG "Country", "Country"},
  [T_CITY] = {NG "City", "City"},
  [T_PLACE] = {NG "Place", "Place"},
  [T_ORGANIZATION] = {NG "Organization", "Organization"},
  [T_INTL_ORG] = {NG "InternationalOrganization",
                  "International organization"},
  [T_GOV_BODY] = {NG "GovernmentBody", "Government body"},
  [T_COMPANY] = {NG "Company", "Company"},
  [T_NEWS_AGENCY] = {NG "NewsAgency", "News agency"},
  [T_MEETS] = {NG "meets", "meets"},
  [T_VISITS] = {NG "visits", "visits"},
  [T_HOSTS] = {NG "hosts", "hosts"},
  [T_HEAD_OF_STATE] = {NG "headOfStateOf", "head of state of"},
  [T_HEAD_OF_GOV] = {NG "headOfGovernmentOf", "head of government of"},
  [T_MINISTER] = {NG "ministerOf", "minister of"},
  [T_LEADER] = {NG "leaderOf", "leader of"},
  [T_MEMBER] = {NG "memberOf", "member of"},
  [T_PARTNER] = {NG "partnerOf", "partner of"},
  [T_CHAIRS] = {NG "chairs", "chairs"},
  [T_COOPERATES] = {NG "cooperatesWith", "cooperates with"},
  [T_TRADING] = {NG "tradingPartnerOf", "trading partner of"},
  [T_SIGNS] = {NG "signsAgreementWith", "signs agreement with"},
  [T_INVITES] = {NG "invites", "invites"},
  [T_LOCATED] = {NG "locatedIn", "located in"},
  [T_ASSERTED] = {NG "Asserted", "asserted"},
  [T_PLANNED] = {NG "Planned", "planned"},
  [T_REPORTED] = {NG "Reported", "reported"},
  [T_DENIED] = {NG "Denied", "denied"},
};

/* Symmetric relations (VOCABULARY.md "Binary facts"): written once, in
 * either direction, so a fact's two ends are put in label order. */
static bool
is_symmetric(uint32_t p)
{
  return p == T_MEETS || p == T_COOPERATES || p == T_TRADING ||
         p == T_SIGNS;
}

static bool
is_entity_class(uint32_t c)
{
  return c >= T_PERSON && c <= T_NEWS_AGENCY;
}

/* The three tables of the "Offices, memberships and partnerships"
 * section, each a list of relations ended by T_NONE. */
static const struct {
  const char *title;
  uint32_t rel[6];
} roles[] = {
  {"Offices", {T_HEAD_OF_STATE, T_HEAD_OF_GOV, T_MINISTER, T_LEADER,
               T_CHAIRS, T_NONE}},
  {"Memberships", {T_MEMBER, T_PARTNER, T_NONE}},
  {"Partnerships", {T_COOPERATES, T_TRADING, T_SIGNS, T_NONE}},
};

/* The page's style sheet: inline, so the page needs nothing else. */
static const char css[] =
  "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,"
  "'Liberation Sans','DejaVu Sans',Arial,sans-serif;"
  "max-width:72rem;margin:0 auto;padding:1rem 1.5rem;color:#1d2228;"
  "background:#fff;line-height:1.45}"
  "h1{margin-bottom:.2rem}h2{border-bottom:2px solid #d5dbe1;"
  "padding-bottom:.2rem;margin-top:2.2rem}h3{margin:1.2rem 0 .4rem}"
  "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}"
  "th,td{border:1px solid #d5dbe1;padding:.3rem .5rem;text-align:left;"
  "vertical-align:top}th{background:#f1f4f7}"
  "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;"
  "white-space:nowrap}#classes{width:auto}"
  "tr:nth-child(even) td{background:#fafbfc}"
  ".summary{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}"
  ".stat{border:1px solid #d5dbe1;border-radius:6px;padding:.5rem .9rem;"
  "min-width:8rem}.stat b{display:block;font-size:1.6rem}"
  ".nav a{margin-right:1rem}.muted{color:#5b6670}"
  ".badge{display:inline-block;font-size:.8em;border-radius:4px;"
  "padding:0 .35rem;margin-left:.3rem;background:#e8edf2;color:#33404d}"
  ".denied{background:#fbe3e3;color:#8a1c1c}"
  ".planned{background:#e6f0fb;color:#1c4f8a}"
  ".reported{background:#fbf3dd;color:#7a5a00}"
  ".fact{border-left:3px solid #d5dbe1;padding:.1rem 0 .1rem .8rem;"
  "margin:.9rem 0}.fact h3{font-size:1rem;margin:0 0 .3rem}"
  ".fact ul{margin:.2rem 0;padding-left:1.2rem}"
  ".evidence{font-style:italic}"
  ".empty{font-size:1.2rem;padding:2rem 0}"
  /* Text from pages may hold an unbalanced U+202E (right-to-left
   * override): each element that holds it is isolated, so it cannot
   * reverse the dates and links after it. */
  "td,th,a,span,li,h3,p{unicode-bidi:isolate}";

/* ------------------------------------------------------------- strings */

/* Interned strings: the id of a string is 1 + its index; 0 is none. */
struct pool {
  char **s;
  uint32_t n, cap;
  uint32_t *slot; /* open addressing over ids, 0 = empty */
  size_t n_slot;  /* a power of two, > 2 * n */
};

static uint64_t
hash_bytes(const char *s, size_t len)
{
  uint64_t h = 1469598103934665603u; /* FNV-1a */
  for (size_t i = 0; i < len; i++) {
    h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  }
  return h;
}

static bool
pool_grow(struct pool *p)
{
  size_t n_slot = p->n_slot ? 2 * p->n_slot : 1024;
  uint32_t *slot = calloc(n_slot, sizeof *slot);
  if (!slot) {
    return false;
  }
  for (uint32_t id = 1; id <= p->n; id++) {
    const char *s = p->s[id - 1];
    size_t i = hash_bytes(s, strlen(s)) & (n_slot - 1);
    while (slot[i]) {
      i = (i + 1) & (n_slot - 1);
    }
    slot[i] = id;
  }
  free(p->slot);
  p->slot = slot;
  p->n_slot = n_slot;
  return true;
}

/* The id of the @p len bytes at @p s, added if new; 0 when out of
 * memory. */
static uint32_t
pool_add(struct pool *p, const char *s, size_t len)
{
  if ((p->n + 1) * 2 >= p->n_slot && !pool_grow(p)) {
    return 0;
  }
  size_t i = hash_bytes(s, len) & (p->n_slot - 1);
  for (; p->slot[i]; i = (i + 1) & (p->n_slot - 1)) {
    const char *t = p->s[p->slot[i] - 1];
    if (strncmp(t, s, len) == 0 && t[len] == '\0') {
      return p->slot[i];
    }
  }
  if (p->n == p->cap) {
    uint32_t cap = p->cap ? 2 * p->cap : 1024;
    char **v = realloc(p->s, cap * sizeof *v);
    if (!v) {
      return 0;
    }
    p->s = v;
    p->cap = cap;
  }
  char *copy = malloc(len + 1);
  if (!copy) {
    return 0;
  }
  memcpy(copy, s, len);
  copy[len] = '\0';
  p->s[p->n++] = copy;
  p->slot[i] = p->n;
  return p->n;
}

static void
pool_clear(struct pool *p)
{
  for (uint32_t i = 0; i < p->n; i++) {
    free(p->s[i]);
  }
  free(p->s);
  free(p->slot);
}

/* ---------------------------------------------------------------- model */

struct quad {
  uint32_t g, s, p, o;
};

struct entity {
  uint32_t iri, cls, label;
  size_t facts, articles;
};

struct article {
  uint32_t iri, headline, date, url;
};

/* An rdf:Statement node: one article's statement of a binary fact. */
struct statement {
  uint32_t g, s, p, o, evidence, modality;
};

/* An ng:Meeting, ng:Visit or ng:TradeFigure node. people is an index
 * into report.people: participants, the visitor, or the two parties. */
struct event {
  uint32_t g, cls, date, end, place, year, value, currency, modality;
  size_t people, n_people;
};

/* A distinct fact: statements [first, first + n) of report.st, sorted. */
struct fact {
  uint32_t s, p, o;
  size_t first, n;
  size_t articles; /* distinct articles stating it (not denying it) */
};

#define VEC(type)                                                          \
  struct {                                                                 \
    type *v;                                                               \
    size_t n, cap;                                                         \
    void *grown; /* vec_grow()'s result, before it is assigned to v */     \
  }

struct report {
  struct pool pool;
  VEC(struct quad) quads;
  VEC(struct entity) ent;
  VEC(struct article) art;
  VEC(struct statement) st;
  VEC(struct event) ev;
  VEC(uint32_t) people;
  VEC(struct fact) facts;
  VEC(struct quad) pairs; /* (s: entity, g: article) it appears in */
  uint32_t *ent_of;       /* string id -> 1 + index in ent, or 0 */
  uint32_t *art_of;       /* string id -> 1 + index in art, or 0 */
  uint32_t *label_of;     /* string id -> id of its label */
  uint32_t *rank;         /* string id -> position in byte order */
  size_t n_lookup;        /* entries of those arrays */
  bool oom;               /* an allocation failed (libxml2 or here) */
  char xml_error[256];    /* the results' parse error, or "" */
};

/* Makes room for one more element of vector @p vec; false when out of
 * memory (the vector is then unchanged). */
#define VEC_ROOM(vec)                                                      \
  ((vec).n < (vec).cap ||                                                  \
   (((vec).grown = vec_grow((vec).v, &(vec).cap, sizeof *(vec).v)) &&      \
    ((vec).v = (vec).grown)))

/* @p v (of *cap elements of @p size bytes) reallocated to twice as many,
 * *cap updated; NULL when out of memory, @p v and *cap unchanged. */
static void *
vec_grow(void *v, size_t *cap, size_t size)
{
  size_t ncap = *cap ? 2 * *cap : 64;
  void *p = ncap <= SIZE_MAX / size ? realloc(v, ncap * size) : NULL;
  if (p) {
    *cap = ncap;
  }
  return p;
}

static const char *
str(const struct report *r, uint32_t id)
{
  return id && id <= r->pool.n ? r->pool.s[id - 1] : "";
}

/* The sort order of everything shown: byte order of the strings, through
 * their ranks (qsort has no context argument; the program is one
 * thread). */
static const uint32_t *sort_rank;

/* qsort() of @p n elements, none when there are fewer than two (@p v may
 * then be NULL, which qsort() does not accept). */
static void
sort(void *v, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
  if (n > 1) {
    qsort(v, n, size, cmp);
  }
}

static int
cmp_u32(uint32_t a, uint32_t b)
{
  return a < b ? -1 : a > b;
}

/* Compares strings @p a and @p b by byte order (0 sorts first). */
static int
cmp_str(uint32_t a, uint32_t b)
{
  return cmp_u32(sort_rank[a], sort_rank[b]);
}

/* ---------------------------------------------------- reading the store */

/* Quietly records the results parser's first error. */
static void
xml_error(void *arg, xmlErrorPtr err)
{
  struct report *r = arg;
  if (!r->xml_error[0] && err && err->message) {
    snprintf(r->xml_error, sizeof r->xml_error, "line %d: %s", err->line,
             err->message);
    size_t n = strlen(r->xml_error);
    if (n && r->xml_error[n - 1] == '\n') {
      r->xml_error[n - 1] = '\0';
    }
  }
}

/* Reads SPARQL XML results with the variables g, s, p, o from @p fd into
 * r->quads, streaming. NG_ERR_PARSE (r->xml_error says why), or
 * NG_ERR_NOMEM. */
static ng_status
read_results(struct report *r, int fd)
{
  static const char *const vars[] = {"g", "s", "p", "o"};
  xmlTextReaderPtr rd = xmlReaderForFd(fd, NULL, NULL,
                                       XML_PARSE_NONET | XML_PARSE_HUGE);
  if (!rd) {
    return NG_ERR_NOMEM;
  }
  xmlTextReaderSetStructuredErrorHandler(rd, xml_error, r);
  uint32_t row[4] = {0, 0, 0, 0};
  int var = -1, ret;
  ng_status st = NG_OK;
  while (st == NG_OK && (ret = xmlTextReaderRead(rd)) == 1) {
    int type = xmlTextReaderNodeType(rd);
    const char *name = (const char *)xmlTextReaderConstLocalName(rd);
    if (!name) {
      continue;
    }
    if (type == XML_READER_TYPE_ELEMENT && strcmp(name, "result") == 0) {
      memset(row, 0, sizeof row);
    } else if (type == XML_READER_TYPE_ELEMENT &&
               strcmp(name, "binding") == 0) {
      xmlChar *v = xmlTextReaderGetAttribute(rd, BAD_CAST "name");
      var = -1;
      for (int i = 0; v && i < 4; i++) {
        if (strcmp((const char *)v, vars[i]) == 0) {
          var = i;
        }
      }
      xmlFree(v);
    } else if (type == XML_READER_TYPE_ELEMENT && var >= 0 &&
               (strcmp(name, "uri") == 0 || strcmp(name, "literal") == 0 ||
                strcmp(name, "bnode") == 0)) {
      xmlChar *v = xmlTextReaderReadString(rd);
      const char *s = v ? (const char *)v : "";
      if (name[0] == 'b') {
        /* blank nodes keep a prefix no IRI or literal of the page has */
        char buf[512];
        snprintf(buf, sizeof buf, "_:%s", s);
        row[var] = pool_add(&r->pool, buf, strlen(buf));
      } else {
        row[var] = pool_add(&r->pool, s, strlen(s));
      }
      xmlFree(v);
      if (!row[var]) {
        st = NG_ERR_NOMEM;
      }
      var = -1;
    } else if (type == XML_READER_TYPE_END_ELEMENT &&
               strcmp(name, "result") == 0 && row[0] && row[1] && row[2] &&
               row[3]) {
      if (!VEC_ROOM(r->quads)) {
        st = NG_ERR_NOMEM;
        break;
      }
      r->quads.v[r->quads.n++] = (struct quad){row[0], row[1], row[2],
                                               row[3]};
    }
  }
  if (st == NG_OK && ret != 0) {
    st = NG_ERR_PARSE;
    if (!r->xml_error[0]) {
      snprintf(r->xml_error, sizeof r->xml_error, "unreadable results");
    }
  }
  xmlFreeTextReader(rd);
  return st;
}

/* Runs the one query of the report (every quad whose predicate the report
 * reads, in every article graph: one pass over the store, which rasqal
 * does far faster than joins across GRAPH patterns) and reads its
 * results. Errors: those of ng_store_query() (the library's message says
 * why), NG_ERR_IO (no temporary file; message printed), NG_ERR_PARSE,
 * NG_ERR_NOMEM. */
static ng_status
load(struct report *r, ng_store *store, const char *output)
{
  char query[4096];
  size_t len = (size_t)snprintf(query, sizeof query,
                                "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { "
                                "?s ?p ?o . FILTER (?p IN (");
  for (uint32_t t = T_TYPE; t <= T_CURRENCY && len < sizeof query; t++) {
    len += (size_t)snprintf(query + len, sizeof query - len, "%s<%s>",
                            t == T_TYPE ? "" : ", ", terms[t].iri);
  }
  if (len < sizeof query) {
    len += (size_t)snprintf(query + len, sizeof query - len, ")) } }");
  }
  if (len >= sizeof query) {
    return NG_ERR_INTERNAL;
  }
  FILE *tmp = tmpfile();
  if (!tmp) {
    fprintf(stderr, "newsgraph: cannot write %s: no temporary file: %s\n",
            output, strerror(errno));
    return NG_ERR_IO;
  }
  ng_status st = ng_store_query(store, query, "xml", tmp);
  if (st == NG_OK && (fflush(tmp) != 0 || fseek(tmp, 0, SEEK_SET) != 0)) {
    fprintf(stderr, "newsgraph: cannot write %s: temporary file: %s\n",
            output, strerror(errno));
    st = NG_ERR_IO;
  }
  if (st == NG_OK) {
    st = read_results(r, fileno(tmp));
    if (st == NG_ERR_PARSE) {
      fprintf(stderr, "newsgraph: cannot write %s: the query results do "
              "not parse: %s\n", output, r->xml_error);
    }
  }
  fclose(tmp);
  return st;
}

static int
cmp_quad(const void *a, const void *b)
{
  const struct quad *x = a, *y = b;
  int c = cmp_u32(x->s, y->s);
  c = c ? c : cmp_u32(x->g, y->g);
  c = c ? c : cmp_u32(x->p, y->p);
  return c ? c : cmp_u32(x->o, y->o);
}

static bool
add_pair(struct report *r, uint32_t entity, uint32_t g)
{
  if (!VEC_ROOM(r->pairs)) {
    return false;
  }
  r->pairs.v[r->pairs.n++] = (struct quad){g, entity, 0, 0};
  return true;
}

/* The quads [q, end) of one subject in one graph. */
static bool
take_node(struct report *r, const struct quad *q, const struct quad *end)
{
  uint32_t cls = T_NONE, s = q->s, g = q->g;
  for (const struct quad *x = q; x < end; x++) {
    if (x->p != T_TYPE || x->o >= T_COUNT) {
      continue;
    }
    /* one class per node; an entity typed ng:Organization in one
     * article and a subclass in another keeps the subclass */
    if (cls == T_NONE || (cls == T_ORGANIZATION && is_entity_class(x->o)) ||
        x->o == T_ARTICLE || x->o == T_STATEMENT) {
      cls = x->o;
    }
  }
  if (cls == T_ARTICLE) {
    if (!r->art_of[s]) {
      if (!VEC_ROOM(r->art)) {
        return false;
      }
      r->art.v[r->art.n++] = (struct article){s, 0, 0, 0};
      r->art_of[s] = (uint32_t)r->art.n;
    }
    struct article *a = &r->art.v[r->art_of[s] - 1];
    for (const struct quad *x = q; x < end; x++) {
      uint32_t *field = x->p == T_HEADLINE    ? &a->headline
                        : x->p == T_PUBLISHED ? &a->date
                        : x->p == T_URL       ? &a->url
                                              : NULL;
      if (field && !*field) {
        *field = x->o;
      }
      if (x->p == T_MENTIONS && !add_pair(r, x->o, s)) {
        return false;
      }
    }
  } else if (is_entity_class(cls)) {
    if (!r->ent_of[s]) {
      if (!VEC_ROOM(r->ent)) {
        return false;
      }
      r->ent.v[r->ent.n++] = (struct entity){s, cls, 0, 0, 0};
      r->ent_of[s] = (uint32_t)r->ent.n;
    }
    struct entity *e = &r->ent.v[r->ent_of[s] - 1];
    if (e->cls == T_ORGANIZATION) {
      e->cls = cls;
    }
    for (const struct quad *x = q; x < end; x++) {
      /* the first label in byte order: the same whatever the store */
      if (x->p == T_LABEL &&
          (!e->label || strcmp(str(r, x->o), str(r, e->label)) < 0)) {
        e->label = x->o;
      }
    }
  } else if (cls == T_STATEMENT) {
    struct statement t = {g, 0, 0, 0, 0, T_ASSERTED};
    for (const struct quad *x = q; x < end; x++) {
      uint32_t *field = x->p == T_SUBJECT     ? &t.s
                        : x->p == T_PREDICATE ? &t.p
                        : x->p == T_OBJECT    ? &t.o
                        : x->p == T_EVIDENCE  ? &t.evidence
                        : x->p == T_MODALITY  ? &t.modality
                                              : NULL;
      if (field) {
        *field = x->o;
      }
    }
    if (t.s && t.p && t.o) {
      if (!VEC_ROOM(r->st)) {
        return false;
      }
      r->st.v[r->st.n++] = t;
    }
  } else if (cls == T_MEETING || cls == T_VISIT || cls == T_TRADE) {
    struct event e = {g, cls, 0, 0, 0, 0, 0, 0, T_ASSERTED,
                      r->people.n, 0};
    for (const struct quad *x = q; x < end; x++) {
      uint32_t *field = x->p == T_DATE || x->p == T_START ? &e.date
                        : x->p == T_END                   ? &e.end
                        : x->p == T_LOCATION ||
                                x->p == T_DESTINATION     ? &e.place
                        : x->p == T_YEAR                  ? &e.year
                        : x->p == T_VALUE                 ? &e.value
                        : x->p == T_CURRENCY              ? &e.currency
                        : x->p == T_MODALITY              ? &e.modality
                                                          : NULL;
      if (field) {
        *field = x->o;
      }
      if (x->p == T_PARTICIPANT || x->p == T_AGENT || x->p == T_PARTY) {
        if (!VEC_ROOM(r->people)) {
          return false;
        }
        r->people.v[r->people.n++] = x->o;
        e.n_people++;
      }
    }
    if (!VEC_ROOM(r->ev)) {
      return false;
    }
    r->ev.v[r->ev.n++] = e;
  }
  return true;
}

/* The id of a readable name for @p iri: its entity's label, else the last
 * segment of the IRI with hyphens as spaces (labels, not IRIs); 0 when
 * out of memory. */
static uint32_t
make_label(struct report *r, uint32_t iri)
{
  if (r->ent_of[iri] && r->ent.v[r->ent_of[iri] - 1].label) {
    return r->ent.v[r->ent_of[iri] - 1].label;
  }
  const char *s = str(r, iri);
  const char *seg = s;
  for (const char *p = s; *p; p++) {
    if ((*p == '/' || *p == '#' || *p == ':') && p[1]) {
      seg = p + 1;
    }
  }
  char buf[256];
  size_t n = 0;
  for (; seg[n] && n + 1 < sizeof buf; n++) {
    buf[n] = seg[n] == '-' || seg[n] == '_' ? ' ' : seg[n];
  }
  buf[n] = '\0';
  return pool_add(&r->pool, buf, n);
}

struct ranked {
  const char *s;
  uint32_t id;
};

static int
cmp_ranked(const void *a, const void *b)
{
  return strcmp(((const struct ranked *)a)->s,
                ((const struct ranked *)b)->s);
}

/* Sets r->rank: each string's position in byte order (0 for none). */
static bool
rank_strings(struct report *r)
{
  uint32_t n = r->pool.n;
  struct ranked *v = malloc((n + 1) * sizeof *v);
  r->rank = calloc(n + 1, sizeof *r->rank);
  if (!v || !r->rank) {
    free(v);
    return false;
  }
  for (uint32_t i = 0; i < n; i++) {
    v[i] = (struct ranked){r->pool.s[i], i + 1};
  }
  qsort(v, n, sizeof *v, cmp_ranked);
  for (uint32_t i = 0; i < n; i++) {
    r->rank[v[i].id] = i + 1;
  }
  free(v);
  sort_rank = r->rank;
  return true;
}

/* ---------------------------------------------------------- the model */

static const struct report *sort_report;

static uint32_t
label(const struct report *r, uint32_t iri)
{
  return iri < r->n_lookup ? r->label_of[iri] : 0;
}

/* The date of article @p g, or 0. */
static uint32_t
article_date(const struct report *r, uint32_t g)
{
  return g < r->n_lookup && r->art_of[g] ? r->art.v[r->art_of[g] - 1].date
                                         : 0;
}

/* Statements by fact (subject, relation, object labels, then IRIs), then
 * newest article first. */
static int
cmp_statement(const void *a, const void *b)
{
  const struct statement *x = a, *y = b;
  const struct report *r = sort_report;
  int c = cmp_str(label(r, x->s), label(r, y->s));
  c = c ? c : cmp_u32(x->p, y->p);
  c = c ? c : cmp_str(label(r, x->o), label(r, y->o));
  c = c ? c : cmp_str(x->s, y->s);
  c = c ? c : cmp_str(x->o, y->o);
  c = c ? c : -cmp_str(article_date(r, x->g), article_date(r, y->g));
  c = c ? c : cmp_str(x->g, y->g);
  return c ? c : cmp_str(x->evidence, y->evidence);
}

static int
cmp_id(const void *a, const void *b)
{
  return cmp_u32(*(const uint32_t *)a, *(const uint32_t *)b);
}

static int
cmp_pair(const void *a, const void *b)
{
  const struct quad *x = a, *y = b;
  int c = cmp_u32(x->s, y->s);
  return c ? c : cmp_u32(x->g, y->g);
}

/* Sorts the people of @p e by label (then IRI). */
static void
sort_people(struct report *r, const struct event *e)
{
  uint32_t *p = r->people.v + e->people;
  for (size_t i = 1; i < e->n_people; i++) {
    uint32_t x = p[i];
    size_t j = i;
    while (j > 0) {
      int c = cmp_str(label(r, p[j - 1]), label(r, x));
      if (c < 0 || (c == 0 && cmp_str(p[j - 1], x) <= 0)) {
        break;
      }
      p[j] = p[j - 1];
      j--;
    }
    p[j] = x;
  }
}

/* The date an event is listed by: its own, else its article's. */
static uint32_t
event_date(const struct report *r, const struct event *e)
{
  return e->date ? e->date : article_date(r, e->g);
}

/* Compares what two events say, ignoring the article: equal events are
 * one row. */
static int
cmp_event_what(const struct report *r, const struct event *x,
               const struct event *y)
{
  /* meetings and visits by date, then trade figures by year */
  int c = (x->cls == T_TRADE) - (y->cls == T_TRADE);
  if (!c && x->cls == T_TRADE) {
    c = -cmp_str(x->year, y->year);
  } else if (!c) {
    c = -cmp_str(event_date(r, x), event_date(r, y));
  }
  c = c ? c : cmp_u32(x->cls, y->cls);
  for (size_t i = 0; !c && i < x->n_people && i < y->n_people; i++) {
    uint32_t px = r->people.v[x->people + i];
    uint32_t py = r->people.v[y->people + i];
    c = cmp_str(label(r, px), label(r, py));
    c = c ? c : cmp_str(px, py);
  }
  c = c ? c : cmp_u32((uint32_t)x->n_people, (uint32_t)y->n_people);
  c = c ? c : cmp_str(label(r, x->place), label(r, y->place));
  c = c ? c : cmp_str(x->end, y->end);
  c = c ? c : cmp_str(x->currency, y->currency);
  c = c ? c : cmp_str(x->value, y->value);
  return c ? c : cmp_u32(x->modality, y->modality);
}

static int
cmp_event(const void *a, const void *b)
{
  const struct event *x = a, *y = b;
  const struct report *r = sort_report;
  int c = cmp_event_what(r, x, y);
  c = c ? c : -cmp_str(article_date(r, x->g), article_date(r, y->g));
  return c ? c : cmp_str(x->g, y->g);
}

/* Most facts first, then most articles, then by label. */
static int
cmp_connected(const void *a, const void *b)
{
  const struct entity *x = a, *y = b;
  int c = x->facts < y->facts ? 1 : x->facts > y->facts ? -1 : 0;
  c = c ? c : x->articles < y->articles ? 1 : x->articles > y->articles;
  c = c ? c : cmp_str(x->label, y->label);
  return c ? c : cmp_str(x->iri, y->iri);
}

/* Newest first, then by headline. */
static int
cmp_article(const void *a, const void *b)
{
  const struct article *x = a, *y = b;
  int c = -cmp_str(x->date, y->date);
  c = c ? c : cmp_str(x->headline, y->headline);
  return c ? c : cmp_str(x->iri, y->iri);
}

/* Builds entities, articles, statements, events and facts from r->quads.
 * false when out of memory. */
static bool
build(struct report *r)
{
  struct quad *q = r->quads.v;
  size_t n = r->quads.n;
  sort(q, n, sizeof *q, cmp_quad);
  r->n_lookup = (size_t)r->pool.n + 1;
  r->ent_of = calloc(r->n_lookup, sizeof *r->ent_of);
  r->art_of = calloc(r->n_lookup, sizeof *r->art_of);
  if (!r->ent_of || !r->art_of) {
    return false;
  }
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && q[j].s == q[i].s && q[j].g == q[i].g) {
      j++;
    }
    if (!take_node(r, q + i, q + j)) {
      return false;
    }
    i = j;
  }
  /* every name shown gets a label id, then every string a rank */
  r->label_of = calloc(r->n_lookup, sizeof *r->label_of);
  if (!r->label_of) {
    return false;
  }
  for (size_t i = 0; i < r->st.n; i++) {
    const struct statement *t = &r->st.v[i];
    uint32_t ends[2] = {t->s, t->o};
    for (int k = 0; k < 2; k++) {
      if (!r->label_of[ends[k]] &&
          !(r->label_of[ends[k]] = make_label(r, ends[k]))) {
        return false;
      }
    }
  }
  for (size_t i = 0; i < r->ev.n; i++) {
    const struct event *e = &r->ev.v[i];
    for (size_t k = 0; k <= e->n_people; k++) {
      uint32_t id = k < e->n_people ? r->people.v[e->people + k] : e->place;
      if (id && !r->label_of[id] && !(r->label_of[id] = make_label(r, id))) {
        return false;
      }
    }
  }
  for (size_t i = 0; i < r->ent.n; i++) {
    struct entity *e = &r->ent.v[i];
    if (!e->label && !(e->label = make_label(r, e->iri))) {
      return false;
    }
    r->label_of[e->iri] = e->label;
  }
  if (!rank_strings(r)) {
    return false;
  }
  sort_report = r;
  /* symmetric facts: their two ends in label order */
  for (size_t i = 0; i < r->st.n; i++) {
    struct statement *t = &r->st.v[i];
    int c = cmp_str(label(r, t->s), label(r, t->o));
    if (is_symmetric(t->p) && (c > 0 || (c == 0 && cmp_str(t->s, t->o) > 0)))
    {
      uint32_t s = t->s;
      t->s = t->o;
      t->o = s;
    }
  }
  sort(r->st.v, r->st.n, sizeof *r->st.v, cmp_statement);
  VEC(uint32_t) graphs = {NULL, 0, 0, NULL};
  for (size_t i = 0; i < r->st.n;) {
    const struct statement *t = &r->st.v[i];
    size_t j = i + 1;
    while (j < r->st.n && r->st.v[j].s == t->s && r->st.v[j].p == t->p &&
           r->st.v[j].o == t->o) {
      j++;
    }
    if (!VEC_ROOM(r->facts)) {
      free(graphs.v);
      return false;
    }
    struct fact f = {t->s, t->p, t->o, i, j - i, 0};
    /* statements of one fact are sorted by date, not by article: count
     * the distinct articles among the ones not denied */
    graphs.n = 0;
    for (size_t k = i; k < j; k++) {
      if (r->st.v[k].modality != T_DENIED) {
        if (!VEC_ROOM(graphs)) {
          free(graphs.v);
          return false;
        }
        graphs.v[graphs.n++] = r->st.v[k].g;
      }
    }
    sort(graphs.v, graphs.n, sizeof *graphs.v, cmp_id);
    for (size_t k = 0; k < graphs.n; k++) {
      f.articles += k == 0 || graphs.v[k] != graphs.v[k - 1];
    }
    r->facts.v[r->facts.n++] = f;
    for (size_t k = i; k < j; k++) {
      if (!add_pair(r, t->s, r->st.v[k].g) ||
          !add_pair(r, t->o, r->st.v[k].g)) {
        free(graphs.v);
        return false;
      }
    }
    if (f.articles) {
      uint32_t ends[2] = {t->s, t->o};
      for (int k = 0; k < (t->s == t->o ? 1 : 2); k++) {
        if (r->ent_of[ends[k]]) {
          r->ent.v[r->ent_of[ends[k]] - 1].facts++;
        }
      }
    }
    i = j;
  }
  free(graphs.v);
  for (size_t i = 0; i < r->ev.n; i++) {
    const struct event *e = &r->ev.v[i];
    sort_people(r, e);
    for (size_t k = 0; k < e->n_people; k++) {
      if (!add_pair(r, r->people.v[e->people + k], e->g)) {
        return false;
      }
    }
  }
  sort(r->ev.v, r->ev.n, sizeof *r->ev.v, cmp_event);
  /* articles per entity: distinct (entity, article) pairs */
  sort(r->pairs.v, r->pairs.n, sizeof *r->pairs.v, cmp_pair);
  for (size_t i = 0; i < r->pairs.n; i++) {
    const struct quad *p = &r->pairs.v[i];
    if ((i == 0 || cmp_pair(p, p - 1) != 0) && p->s < r->n_lookup &&
        r->ent_of[p->s]) {
      r->ent.v[r->ent_of[p->s] - 1].articles++;
    }
  }
  return true;
}

/* ------------------------------------------------------------- the page */

/* libxml2 tree helpers: each records an allocation failure in r->oom and
 * then does nothing, so the page is built without a check per call. */

static xmlNodePtr
el(struct report *r, xmlNodePtr parent, const char *name, const char *text)
{
  if (!parent) {
    return NULL;
  }
  xmlNodePtr n = xmlNewTextChild(parent, NULL, BAD_CAST name,
                                 text ? BAD_CAST text : NULL);
  r->oom |= !n;
  return n;
}

static void
attr(struct report *r, xmlNodePtr node, const char *name, const char *value)
{
  if (node && !xmlNewProp(node, BAD_CAST name, BAD_CAST value)) {
    r->oom = true;
  }
}

static xmlNodePtr
el_class(struct report *r, xmlNodePtr parent, const char *name,
         const char *cls, const char *text)
{
  xmlNodePtr n = el(r, parent, name, text);
  attr(r, n, "class", cls);
  return n;
}

static void
text(struct report *r, xmlNodePtr parent, const char *s)
{
  if (!parent) {
    return;
  }
  xmlNodePtr t = xmlNewText(BAD_CAST s);
  if (!t || !xmlAddChild(parent, t)) {
    xmlFreeNode(t);
    r->oom = true;
  }
}

static void
num(struct report *r, xmlNodePtr tr, size_t n)
{
  char buf[32];
  snprintf(buf, sizeof buf, "%zu", n);
  el_class(r, tr, "td", "num", buf);
}

/* True for an http(s) IRI: the only ones the page links to. */
static bool
is_web(const char *iri)
{
  return strncasecmp(iri, "http://", 7) == 0 ||
         strncasecmp(iri, "https://", 8) == 0;
}

/* Writes a link to article @p g: its headline (else "untitled article"),
 * to its schema:url, else to the graph IRI when that is a web address;
 * then its date. */
static void
article_link(struct report *r, xmlNodePtr parent, uint32_t g, bool date)
{
  const struct article *a =
    g < r->n_lookup && r->art_of[g] ? &r->art.v[r->art_of[g] - 1] : NULL;
  const char *head = a && a->headline ? str(r, a->headline)
                                      : "untitled article";
  const char *url = a && a->url && is_web(str(r, a->url)) ? str(r, a->url)
                    : is_web(str(r, g))                    ? str(r, g)
                                                           : NULL;
  xmlNodePtr n = el(r, parent, url ? "a" : "span", head);
  if (url) {
    attr(r, n, "href", url);
  }
  attr(r, n, "title", str(r, g));
  if (date && a && a->date) {
    char buf[40];
    snprintf(buf, sizeof buf, " (%.10s)", str(r, a->date));
    el_class(r, parent, "span", "muted", buf);
  }
}

static void
badge(struct report *r, xmlNodePtr parent, uint32_t modality)
{
  const char *cls = modality == T_DENIED    ? "badge denied"
                    : modality == T_PLANNED ? "badge planned"
                                            : "badge reported";
  if (modality > T_ASSERTED && modality < T_COUNT) {
    el_class(r, parent, "span", cls, terms[modality].label);
  }
}

static xmlNodePtr
table(struct report *r, xmlNodePtr parent, const char *const *heads)
{
  xmlNodePtr t = el(r, parent, "table", NULL);
  xmlNodePtr tr = el(r, t, "tr", NULL);
  for (size_t i = 0; heads[i]; i++) {
    const char *h = heads[i];
    bool right = h[0] == '#';
    xmlNodePtr th = el(r, tr, "th", right ? h + 1 : h);
    if (right) {
      attr(r, th, "class", "num");
    }
  }
  return t;
}

static void
section_head(struct report *r, xmlNodePtr body, const char *id,
             const char *title)
{
  xmlNodePtr h = el(r, body, "h2", title);
  attr(r, h, "id", id);
}

static void
stat_box(struct report *r, xmlNodePtr parent, size_t n, const char *what)
{
  xmlNodePtr d = el_class(r, parent, "div", "stat", NULL);
  char buf[32];
  snprintf(buf, sizeof buf, "%zu", n);
  el(r, d, "b", buf);
  text(r, d, " ");
  text(r, d, what);
}

static void
write_totals(struct report *r, xmlNodePtr body)
{
  size_t n_ev[3] = {0, 0, 0}, n_facts = 0, n_denied = 0;
  for (size_t i = 0; i < r->ev.n; i++) {
    uint32_t c = r->ev.v[i].cls;
    n_ev[c == T_MEETING ? 0 : c == T_VISIT ? 1 : 2]++;
  }
  for (size_t i = 0; i < r->facts.n; i++) {
    n_facts += r->facts.v[i].articles > 0;
  }
  for (size_t i = 0; i < r->st.n; i++) {
    n_denied += r->st.v[i].modality == T_DENIED;
  }
  xmlNodePtr d = el_class(r, body, "div", "summary", NULL);
  stat_box(r, d, r->art.n, "articles");
  stat_box(r, d, r->ent.n, "entities");
  stat_box(r, d, n_facts, "facts");
  stat_box(r, d, r->st.n, "fact statements");
  stat_box(r, d, n_ev[0], "meetings");
  stat_box(r, d, n_ev[1], "visits");
  stat_box(r, d, n_ev[2], "trade figures");
  if (n_denied) {
    stat_box(r, d, n_denied, "denied statements");
  }
  static const char *const heads[] = {"Entity class", "#Entities", NULL};
  xmlNodePtr t = table(r, body, heads);
  attr(r, t, "id", "classes");
  for (uint32_t c = T_PERSON; c <= T_NEWS_AGENCY; c++) {
    size_t n = 0;
    for (size_t i = 0; i < r->ent.n; i++) {
      n += r->ent.v[i].cls == c;
    }
    xmlNodePtr tr = el(r, t, "tr", NULL);
    el(r, tr, "td", terms[c].label);
    num(r, tr, n);
  }
}

static void
write_entities(struct report *r, xmlNodePtr body)
{
  section_head(r, body, "entities", "Most-connected entities");
  el_class(r, body, "p", "muted",
           "By the number of distinct facts they take part in (denied "
           "ones not counted), then by the number of articles that "
           "mention them.");
  size_t n = r->ent.n;
  struct entity *v = malloc((n ? n : 1) * sizeof *v);
  if (!v) {
    r->oom = true;
    return;
  }
  if (n) {
    memcpy(v, r->ent.v, n * sizeof *v);
  }
  sort(v, n, sizeof *v, cmp_connected);
  static const char *const heads[] = {"#", "Entity", "Class", "#Facts",
                                      "#Articles", NULL};
  xmlNodePtr t = table(r, body, heads);
  for (size_t i = 0; i < n && i < TOP_ENTITIES; i++) {
    xmlNodePtr tr = el(r, t, "tr", NULL);
    num(r, tr, i + 1);
    el(r, tr, "td", str(r, v[i].label));
    el(r, tr, "td", terms[v[i].cls].label);
    num(r, tr, v[i].facts);
    num(r, tr, v[i].articles);
  }
  free(v);
}

/* The people of @p e, by label, joined with ", ". */
static void
people(struct report *r, xmlNodePtr parent, const struct event *e,
       const char *sep)
{
  for (size_t k = 0; k < e->n_people; k++) {
    if (k) {
      text(r, parent, sep);
    }
    text(r, parent, str(r, label(r, r->people.v[e->people + k])));
  }
}

/* Events [i, j) that say the same thing: the articles column. */
static void
event_articles(struct report *r, xmlNodePtr td, size_t i, size_t j)
{
  for (size_t k = i; k < j; k++) {
    if (k > i && r->ev.v[k].g == r->ev.v[k - 1].g) {
      continue;
    }
    if (k > i) {
      el(r, td, "br", NULL);
    }
    article_link(r, td, r->ev.v[k].g, true);
  }
}

/* The end of the run of events from @p i that say the same thing. */
static size_t
same_events(const struct report *r, size_t i)
{
  size_t j = i + 1;
  while (j < r->ev.n && cmp_event_what(r, &r->ev.v[i], &r->ev.v[j]) == 0) {
    j++;
  }
  return j;
}

static void
write_events(struct report *r, xmlNodePtr body)
{
  section_head(r, body, "meetings", "Recent meetings and visits");
  static const char *const heads[] = {"Date", "Event", "Participants",
                                      "Place", "Articles", NULL};
  size_t shown = 0, more = 0;
  xmlNodePtr t = NULL;
  for (size_t i = 0; i < r->ev.n;) {
    const struct event *e = &r->ev.v[i];
    size_t j = same_events(r, i);
    if (e->cls == T_TRADE) {
      i = j;
      continue;
    }
    if (shown == MAX_EVENTS) {
      more++;
      i = j;
      continue;
    }
    if (!t) {
      t = table(r, body, heads);
    }
    shown++;
    xmlNodePtr tr = el(r, t, "tr", NULL);
    char date[48];
    const char *from = str(r, event_date(r, e));
    if (e->date && e->end && strncmp(str(r, e->end), from, 10) != 0) {
      snprintf(date, sizeof date, "%.10s to %.10s", from, str(r, e->end));
    } else if (!e->date && from[0]) {
      /* The article gives no date for the event: its own date only
       * places it, and must not read as the event's. */
      snprintf(date, sizeof date, "undated (article %.10s)", from);
    } else {
      snprintf(date, sizeof date, "%.10s", from);
    }
    el(r, tr, "td", date[0] ? date : "undated");
    xmlNodePtr td = el(r, tr, "td", terms[e->cls].label);
    badge(r, td, e->modality);
    td = el(r, tr, "td", NULL);
    people(r, td, e, ", ");
    el(r, tr, "td", e->place ? str(r, label(r, e->place)) : "");
    event_articles(r, el(r, tr, "td", NULL), i, j);
    i = j;
  }
  if (!shown) {
    el_class(r, body, "p", "muted", "No meetings or visits.");
  } else if (more) {
    char buf[96];
    snprintf(buf, sizeof buf, "%zu older meeting%s or visit%s not shown.",
             more, more == 1 ? "" : "s", more == 1 ? "" : "s");
    el_class(r, body, "p", "muted", buf);
  }
}

/* "1.1 billion" for 1100000000: the decimal value @p lexical in words
 * for the large units, else as written. */
static void
amount(const char *lexical, char *buf, size_t size)
{
  char *end;
  double v = strtod(lexical, &end);
  static const struct {
    double unit;
    const char *name;
  } units[] = {{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}};
  if (end != lexical && *end == '\0') {
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
      if (v >= units[i].unit || v <= -units[i].unit) {
        snprintf(buf, size, "%.3f", v / units[i].unit);
        /* at most three decimals, trailing zeros dropped */
        char *dot = strchr(buf, '.');
        size_t n = strlen(buf);
        while (dot && n > 0 && buf[n - 1] == '0') {
          buf[--n] = '\0';
        }
        if (n > 0 && buf[n - 1] == '.') {
          buf[--n] = '\0';
        }
        snprintf(buf + n, size - n, " %s", units[i].name);
        return;
      }
    }
  }
  snprintf(buf, size, "%s", lexical);
}

static void
write_trade(struct report *r, xmlNodePtr body)
{
  section_head(r, body, "trade", "Trade figures by year");
  static const char *const heads[] = {"Parties", "#Figure", "Currency",
                                      "Year", "Articles", NULL};
  xmlNodePtr t = NULL;
  uint32_t year = 0;
  bool any = false;
  for (size_t i = 0; i < r->ev.n;) {
    const struct event *e = &r->ev.v[i];
    size_t j = same_events(r, i);
    if (e->cls != T_TRADE) {
      i = j;
      continue;
    }
    if (!any || e->year != year) {
      el(r, body, "h3", e->year ? str(r, e->year) : "Year not stated");
      t = table(r, body, heads);
      year = e->year;
      any = true;
    }
    xmlNodePtr tr = el(r, t, "tr", NULL);
    xmlNodePtr td = el(r, tr, "td", NULL);
    people(r, td, e, " \xe2\x80\x93 ");
    char buf[64];
    amount(str(r, e->value), buf, sizeof buf);
    td = el_class(r, tr, "td", "num", buf);
    attr(r, td, "title", str(r, e->value));
    /* a forecast or target is ng:Planned: not a measured figure */
    badge(r, td, e->modality);
    el(r, tr, "td", str(r, e->currency));
    el(r, tr, "td", e->year ? str(r, e->year) : "");
    event_articles(r, el(r, tr, "td", NULL), i, j);
    i = j;
  }
  if (!any) {
    el_class(r, body, "p", "muted", "No trade figures.");
  }
}

static void
fact_ref(struct report *r, xmlNodePtr td, size_t i)
{
  char id[32];
  snprintf(id, sizeof id, "#fact-%zu", i + 1);
  xmlNodePtr a = el(r, td, "a", "evidence");
  attr(r, a, "href", id);
}

/* The modality a fact is shown with in a table: T_ASSERTED when one of
 * its statements asserts it (no ng:modality, or ng:Asserted), else the
 * first of T_PLANNED, T_REPORTED, T_DENIED its statements have
 * (VOCABULARY.md "Evidence and confidence"). */
static uint32_t
fact_modality(const struct report *r, const struct fact *f)
{
  uint32_t m = T_DENIED;
  for (size_t k = f->first; k < f->first + f->n; k++) {
    uint32_t s = r->st.v[k].modality;
    if (s != T_PLANNED && s != T_REPORTED && s != T_DENIED) {
      return T_ASSERTED;
    }
    m = s < m ? s : m;
  }
  return m;
}

static void
write_roles(struct report *r, xmlNodePtr body)
{
  section_head(r, body, "roles", "Offices, memberships and partnerships");
  static const char *const heads[] = {"Entity", "Relation", "Entity",
                                      "#Articles", "Evidence", NULL};
  for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++) {
    el(r, body, "h3", roles[k].title);
    xmlNodePtr t = NULL;
    for (size_t i = 0; i < r->facts.n; i++) {
      const struct fact *f = &r->facts.v[i];
      bool in = false;
      for (size_t m = 0; roles[k].rel[m] != T_NONE; m++) {
        in |= roles[k].rel[m] == f->p;
      }
      if (!in || !f->articles) {
        continue;
      }
      if (!t) {
        t = table(r, body, heads);
      }
      xmlNodePtr tr = el(r, t, "tr", NULL);
      el(r, tr, "td", str(r, label(r, f->s)));
      badge(r, el(r, tr, "td", terms[f->p].label), fact_modality(r, f));
      el(r, tr, "td", str(r, label(r, f->o)));
      num(r, tr, f->articles);
      fact_ref(r, el(r, tr, "td", NULL), i);
    }
    if (!t) {
      el_class(r, body, "p", "muted", "None.");
    }
  }
}

static void
write_facts(struct report *r, xmlNodePtr body)
{
  section_head(r, body, "facts", "Facts and their evidence");
  if (!r->facts.n) {
    el_class(r, body, "p", "muted", "No facts.");
  }
  for (size_t i = 0; i < r->facts.n; i++) {
    const struct fact *f = &r->facts.v[i];
    xmlNodePtr d = el_class(r, body, "div", "fact", NULL);
    char id[32];
    snprintf(id, sizeof id, "fact-%zu", i + 1);
    attr(r, d, "id", id);
    xmlNodePtr h = el(r, d, "h3", str(r, label(r, f->s)));
    text(r, h, " \xe2\x80\x94 ");
    text(r, h, f->p < T_COUNT ? terms[f->p].label : str(r, f->p));
    text(r, h, " \xe2\x80\x94 ");
    text(r, h, str(r, label(r, f->o)));
    xmlNodePtr ul = el(r, d, "ul", NULL);
    for (size_t k = f->first; k < f->first + f->n; k++) {
      const struct statement *t = &r->st.v[k];
      xmlNodePtr li = el(r, ul, "li", NULL);
      el_class(r, li, "span", "evidence",
               t->evidence ? str(r, t->evidence) : "(no sentence)");
      badge(r, li, t->modality);
      text(r, li, " \xe2\x80\x94 ");
      article_link(r, li, t->g, true);
    }
  }
}

static void
write_articles(struct report *r, xmlNodePtr body)
{
  section_head(r, body, "articles", "Articles");
  size_t n = r->art.n;
  struct article *v = malloc((n ? n : 1) * sizeof *v);
  if (!v) {
    r->oom = true;
    return;
  }
  if (n) {
    memcpy(v, r->art.v, n * sizeof *v);
  }
  sort(v, n, sizeof *v, cmp_article);
  static const char *const heads[] = {"Date", "Article", NULL};
  xmlNodePtr t = table(r, body, heads);
  for (size_t i = 0; i < n; i++) {
    xmlNodePtr tr = el(r, t, "tr", NULL);
    char date[16];
    snprintf(date, sizeof date, "%.10s", str(r, v[i].date));
    el(r, tr, "td", date);
    article_link(r, el(r, tr, "td", NULL), v[i].iri, false);
  }
  free(v);
}

/* The whole page as a libxml2 HTML document, or NULL when out of
 * memory. */
static htmlDocPtr
make_page(struct report *r)
{
  htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
  if (!doc) {
    return NULL;
  }
  /* <!DOCTYPE html>: standards mode */
  if (!xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL)) {
    r->oom = true;
  }
  xmlNodePtr html = xmlNewNode(NULL, BAD_CAST "html");
  if (!html) {
    xmlFreeDoc(doc);
    return NULL;
  }
  xmlDocSetRootElement(doc, html);
  attr(r, html, "lang", "en");
  xmlNodePtr head = el(r, html, "head", NULL);
  xmlNodePtr meta = el(r, head, "meta", NULL);
  attr(r, meta, "http-equiv", "Content-Type");
  attr(r, meta, "content", "text/html; charset=UTF-8");
  meta = el(r, head, "meta", NULL);
  attr(r, meta, "name", "viewport");
  attr(r, meta, "content", "width=device-width, initial-scale=1");
  meta = el(r, head, "meta", NULL);
  attr(r, meta, "name", "generator");
  attr(r, meta, "content", "newsgraph " NG_VERSION_STRING);
  el(r, head, "title", "newsgraph report");
  el(r, head, "style", css);
  xmlNodePtr body = el(r, html, "body", NULL);
  el(r, body, "h1", "newsgraph report");
  if (!r->art.n) {
    el_class(r, body, "p", "empty",
             "The store has no articles: nothing to report.");
    return doc;
  }
  el_class(r, body, "p", "muted",
           "What the articles in the store say: entities, facts with the "
           "sentences that state them, meetings, visits and trade "
           "figures.");
  write_totals(r, body);
  xmlNodePtr nav = el_class(r, body, "p", "nav", NULL);
  static const char *const links[][2] = {
    {"#entities", "Entities"}, {"#meetings", "Meetings and visits"},
    {"#trade", "Trade"}, {"#roles", "Offices and memberships"},
    {"#facts", "Facts"}, {"#articles", "Articles"}};
  for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
    attr(r, el(r, nav, "a", links[i][1]), "href", links[i][0]);
  }
  write_entities(r, body);
  write_events(r, body);
  write_trade(r, body);
  write_roles(r, body);
  write_facts(r, body);
  write_articles(r, body);
  el_class(r, body, "p", "muted", "Made by newsgraph " NG_VERSION_STRING
           ".");
  return doc;
}

/* ------------------------------------------------------------ the file */

static bool
write_all(int fd, const unsigned char *p, size_t n)
{
  while (n > 0) {
    ssize_t k = write(fd, p, n);
    if (k < 0 && errno == EINTR) {
      continue;
    }
    if (k <= 0) {
      if (k == 0) {
        errno = EIO;
      }
      return false;
    }
    p += k;
    n -= (size_t)k;
  }
  return true;
}

/* Writes @p n bytes to @p path through a temporary file beside it, renamed
 * into place once complete, so that a failure leaves no partial file;
 * "-" is standard output. Prints the message naming @p path itself.
 * NG_ERR_IO, NG_ERR_NOMEM. */
static ng_status
write_file(const char *path, const unsigned char *data, size_t n)
{
  if (strcmp(path, "-") == 0) {
    if (fwrite(data, 1, n, stdout) != n || fflush(stdout) != 0) {
      fprintf(stderr, "newsgraph: cannot write standard output: %s\n",
              strerror(errno));
      return NG_ERR_IO;
    }
    return NG_OK;
  }
  size_t len = strlen(path);
  char *tmp = malloc(len + 8);
  if (!tmp) {
    fprintf(stderr, "newsgraph: cannot write %s: out of memory\n", path);
    return NG_ERR_NOMEM;
  }
  snprintf(tmp, len + 8, "%s.XXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    fprintf(stderr, "newsgraph: cannot write %s: %s\n", path,
            strerror(errno));
    free(tmp);
    return NG_ERR_IO;
  }
  mode_t mask = umask(0);
  umask(mask);
  bool ok = write_all(fd, data, n) && fchmod(fd, 0666 & ~mask) == 0 &&
            (fsync(fd) == 0 || errno == EINVAL);
  int err = errno;
  if (close(fd) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (ok && rename(tmp, path) != 0) {
    ok = false;
    err = errno;
  }
  if (!ok) {
    unlink(tmp);
    fprintf(stderr, "newsgraph: cannot write %s: %s\n", path,
            strerror(err));
  }
  free(tmp);
  return ok ? NG_OK : NG_ERR_IO;
}

static void
report_clear(struct report *r)
{
  pool_clear(&r->pool);
  free(r->quads.v);
  free(r->ent.v);
  free(r->art.v);
  free(r->st.v);
  free(r->ev.v);
  free(r->people.v);
  free(r->facts.v);
  free(r->pairs.v);
  free(r->ent_of);
  free(r->art_of);
  free(r->label_of);
  free(r->rank);
  sort_rank = NULL;
  sort_report = NULL;
}

ng_status
ng_cli_report(ng_store *store, const struct ng_cli_options *o)
{
  struct report r;
  memset(&r, 0, sizeof r);
  ng_status st = NG_OK;
  for (uint32_t t = 1; t < T_COUNT && st == NG_OK; t++) {
    if (pool_add(&r.pool, terms[t].iri, strlen(terms[t].iri)) != t) {
      st = NG_ERR_NOMEM;
    }
  }
  st = st == NG_OK ? load(&r, store, o->output) : st;
  if (st == NG_OK && !build(&r)) {
    st = NG_ERR_NOMEM;
  }
  htmlDocPtr doc = st == NG_OK ? make_page(&r) : NULL;
  if (st == NG_OK && (!doc || r.oom)) {
    st = NG_ERR_NOMEM;
  }
  xmlChar *mem = NULL;
  int size = 0;
  if (st == NG_OK) {
    htmlDocDumpMemoryFormat(doc, &mem, &size, 1);
    if (!mem || size <= 0) {
      st = NG_ERR_NOMEM;
    }
  }
  if (st == NG_ERR_NOMEM) {
    fprintf(stderr, "newsgraph: cannot write %s: out of memory\n",
            o->output);
  } else if (st == NG_OK) {
    st = write_file(o->output, mem, (size_t)size);
  }
  xmlFree(mem);
  xmlFreeDoc(doc);
  report_clear(&r);
  return st;
}
