/* SPDX-License-Identifier: MIT */
/* The draw subcommand (issue 8): an entity's neighbourhood or one article's
 * graph, read through the public API (ng_store_write_entity() and SPARQL
 * SELECTs as JSON), laid out and rendered by Graphviz's libraries. */
#include "draw.h"

#include <errno.h>
#include <gvc.h>
#include <json-c/json.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define NS_NG "https://w3id.org/newsgraph/ns#"
#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
#define SKOS_PREF_LABEL "http://www.w3.org/2004/02/skos/core#prefLabel"
#define SCHEMA "https://schema.org/"

/* At most this many facts are drawn (the best-supported ones): beyond it a
 * picture of a busy entity stops being readable. */
#define MAX_FACTS 40
/* An entity with more facts than this is drawn as a star (Graphviz's
 * twopi layout) rather than in columns (dot), which would grow too tall. */
#define STAR_FACTS 12
/* At most this many entities without a drawn fact (--graph). */
#define MAX_LONE 30
/* Labels are cut to this many code points (with an ellipsis). */
#define MAX_LABEL 48

/* Entity classes (VOCABULARY.md "Entities"), most specific first, each
 * with its look. The last row is for anything else. */
static const struct cls {
  const char *name;  /* local name in the ng: namespace */
  const char *words; /* for the legend */
  const char *shape, *style, *fill;
} classes[] = {
    {"Person", "person", "ellipse", "filled", "#cfe2f3"},
    {"Country", "country", "box", "filled", "#d9ead3"},
    {"City", "city", "box", "filled,rounded", "#fff2cc"},
    {"Place", "place", "hexagon", "filled", "#fce5cd"},
    {"InternationalOrganization", "international organization", "octagon",
     "filled", "#d9d2e9"},
    {"GovernmentBody", "government body", "octagon", "filled", "#d0e0e3"},
    {"Company", "company", "octagon", "filled", "#f4cccc"},
    {"NewsAgency", "news agency", "note", "filled", "#eeeeee"},
    {"Organization", "organization", "octagon", "filled", "#ead1dc"},
    {NULL, "other", "ellipse", "solid", "#ffffff"},
};
#define N_CLASSES (sizeof classes / sizeof classes[0])
#define OTHER_CLASS (N_CLASSES - 1)

/* VOCABULARY.md "Binary facts": the symmetric ones, drawn without arrows. */
static const char *const symmetric[] = {"meets", "cooperatesWith",
                                        "tradingPartnerOf",
                                        "signsAgreementWith"};

struct node {
  char *iri;   /* owned */
  char *label; /* owned, cleaned for Graphviz; NULL until known */
  size_t cls;  /* index in classes[] */
  bool center;
  bool in_fact; /* has a drawn fact */
  Agnode_t *an;
};

struct edge {
  size_t tail, head; /* node indexes */
  char rel[80];      /* the relation in words */
  bool sym;
  unsigned support; /* articles stating it */
  char first[11], last[11];
  char mod[12]; /* "planned", "reported", "denied", or "" (asserted) */
};

struct pic {
  struct node *nodes;
  size_t n_nodes, cap_nodes;
  struct edge *edges;
  size_t n_edges, cap_edges;
  size_t facts_total; /* facts found, drawn or not */
  size_t lone_left;   /* entities without facts left out */
  char *title;        /* owned, cleaned */
  char *note;         /* owned, cleaned; what was left out, or NULL */
  size_t others;      /* other entities of that name, not drawn */
};

static void
pic_clear(struct pic *p)
{
  for (size_t i = 0; i < p->n_nodes; i++) {
    free(p->nodes[i].iri);
    free(p->nodes[i].label);
  }
  free(p->nodes);
  free(p->edges);
  free(p->title);
  free(p->note);
  memset(p, 0, sizeof *p);
}

/* ------------------------------------------------------------- strings */

/* Decodes one UTF-8 sequence at @p s (NUL-terminated): returns its length
 * in bytes (at least 1) and sets *cp, U+FFFD for an invalid, overlong or
 * surrogate sequence (one byte consumed). */
static size_t
utf8_next(const unsigned char *s, uint32_t *cp)
{
  size_t n;
  uint32_t c = s[0], min;
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xC0 && c < 0xE0) {
    n = 2, c &= 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c < 0xF0) {
    n = 3, c &= 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c < 0xF5) {
    n = 4, c &= 0x07, min = 0x10000;
  } else {
    *cp = 0xFFFD;
    return 1;
  }
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    c = (c << 6) | (s[i] & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c < 0xE000)) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = c;
  return n;
}

/* Appends code point @p c as UTF-8 to @p out (room checked by caller). */
static size_t
utf8_put(uint32_t c, char *out)
{
  if (c < 0x80) {
    out[0] = (char)c;
    return 1;
  }
  if (c < 0x800) {
    out[0] = (char)(0xC0 | (c >> 6));
    out[1] = (char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = (char)(0xE0 | (c >> 12));
    out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (c >> 18));
  out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
  out[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

/* A copy of @p s fit for a Graphviz label or tooltip (plain, not HTML):
 * valid UTF-8 (bad bytes become U+FFFD); control characters, line breaks
 * and tabs become one space, XML's non-characters U+FFFE/U+FFFF become
 * U+FFFD, bidirectional embeddings, overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069) are dropped so that a label cannot reorder what follows
 * it; "\" is doubled and "&" written "&amp;", because Graphviz reads
 * escapes (\N, \G, \n) and HTML entities (&#1;) in plain labels. At most
 * @p max_cp code points are kept (0: no limit), then "…". NULL when out of
 * memory. */
static char *
clean_text(const char *s, size_t max_cp)
{
  size_t len = s ? strlen(s) : 0;
  /* worst case: every byte "&amp;", plus the ellipsis */
  char *out = malloc(5 * len + 8);
  if (!out) {
    return NULL;
  }
  size_t o = 0, n_cp = 0;
  bool space = true; /* trims leading spaces */
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  while (*p) {
    uint32_t c;
    p += utf8_next(p, &c);
    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == ' ') {
      if (!space) {
        out[o++] = ' ';
        n_cp++;
      }
      space = true;
      continue;
    }
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
      continue;
    }
    if (c == 0xFFFE || c == 0xFFFF) {
      c = 0xFFFD;
    }
    if (max_cp && n_cp >= max_cp) {
      while (o > 0 && out[o - 1] == ' ') {
        o--;
      }
      o += utf8_put(0x2026, out + o);
      break;
    }
    space = false;
    n_cp++;
    if (c == '\\') {
      out[o++] = '\\';
      out[o++] = '\\';
    } else if (c == '&') {
      memcpy(out + o, "&amp;", 5);
      o += 5;
    } else {
      o += utf8_put(c, out + o);
    }
  }
  while (o > 0 && out[o - 1] == ' ') {
    o--;
  }
  out[o] = '\0';
  return out;
}

/* The local name of an IRI or prefixed name: after the last '#', '/' or
 * ':'. */
static const char *
local_name(const char *iri)
{
  const char *l = iri;
  for (const char *p = iri; *p; p++) {
    if (*p == '#' || *p == '/' || *p == ':') {
      l = p + 1;
    }
  }
  return l;
}

/* The class index of class IRI or prefixed name @p c (ng: namespace, or
 * "ng:" prefix), or OTHER_CLASS. */
static size_t
class_index(const char *c)
{
  size_t ns = strlen(NS_NG);
  if (!c || !((strncmp(c, NS_NG, ns) == 0 && !strchr(c + ns, '/')) ||
              strncmp(c, "ng:", 3) == 0)) {
    return OTHER_CLASS;
  }
  const char *l = local_name(c);
  for (size_t i = 0; i < OTHER_CLASS; i++) {
    if (strcmp(l, classes[i].name) == 0) {
      return i;
    }
  }
  return OTHER_CLASS;
}

/* The relation @p pred (IRI or prefixed name) in words: its local name with
 * camelCase split ("tradingPartnerOf" -> "trading partner of"); *sym is set
 * for the symmetric relations. */
static void
relation_words(const char *pred, char *out, size_t size, bool *sym)
{
  const char *l = local_name(pred);
  size_t o = 0;
  *sym = false;
  for (size_t i = 0; i < sizeof symmetric / sizeof symmetric[0]; i++) {
    *sym = *sym || strcmp(l, symmetric[i]) == 0;
  }
  for (; *l && o + 3 < size; l++) {
    unsigned char c = (unsigned char)*l;
    if (c >= 'A' && c <= 'Z') {
      if (o > 0) {
        out[o++] = ' ';
      }
      out[o++] = (char)(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out[o++] = (char)c;
    } else if (c == '_' || c == '-') {
      out[o++] = ' ';
    }
  }
  out[o] = '\0';
  if (o == 0) {
    snprintf(out, size, "related to");
  }
}

/* True if @p iri can stand between <> in a SPARQL query as it is (no
 * character IRIREF excludes). */
static bool
iri_ok(const char *iri)
{
  if (!iri || !*iri || strlen(iri) > 2000 || !strchr(iri, ':')) {
    return false;
  }
  for (const unsigned char *p = (const unsigned char *)iri; *p; p++) {
    if (*p <= 0x20 || strchr("<>\"{}|^`\\", *p)) {
      return false;
    }
  }
  return true;
}

/* ---------------------------------------------------------------- data */

/* Runs the SELECT @p sparql and parses its SPARQL JSON results: *root is
 * the parsed document (free with json_object_put()), *rows its bindings
 * array (borrowed from *root). Errors: those of ng_store_query() (the
 * library has the message), NG_ERR_NOMEM, NG_ERR_PARSE (results that are
 * not JSON; message written here). */
static ng_status
select_rows(ng_store *store, const char *sparql, json_object **root,
            json_object **rows)
{
  char *buf = NULL;
  size_t len = 0;
  *root = *rows = NULL;
  FILE *mem = open_memstream(&buf, &len);
  if (!mem) {
    return NG_ERR_NOMEM;
  }
  ng_status st = ng_store_query(store, sparql, "json", mem);
  if (fclose(mem) != 0 && st == NG_OK) {
    st = NG_ERR_NOMEM;
  }
  if (st == NG_OK) {
    *root = json_tokener_parse(buf);
    json_object *res = NULL;
    if (!*root || !json_object_object_get_ex(*root, "results", &res) ||
        !json_object_object_get_ex(res, "bindings", rows) ||
        !json_object_is_type(*rows, json_type_array)) {
      fprintf(stderr, "newsgraph: the store's query results do not "
                      "parse as SPARQL JSON\n");
      json_object_put(*root);
      *root = *rows = NULL;
      st = NG_ERR_PARSE;
    }
  }
  free(buf);
  return st;
}

/* The value of variable @p var in result row @p row, or NULL if unbound. */
static const char *
value_of(json_object *row, const char *var)
{
  json_object *b = NULL, *v = NULL;
  if (json_object_object_get_ex(row, var, &b) &&
      json_object_object_get_ex(b, "value", &v)) {
    return json_object_get_string(v);
  }
  return NULL;
}

/* Index of the node for @p iri, adding it when new (label unknown,
 * class "other"). NG_ERR_NOMEM. */
static ng_status
node_find_add(struct pic *p, const char *iri, size_t *idx)
{
  for (size_t i = 0; i < p->n_nodes; i++) {
    if (strcmp(p->nodes[i].iri, iri) == 0) {
      *idx = i;
      return NG_OK;
    }
  }
  if (p->n_nodes == p->cap_nodes) {
    size_t cap = p->cap_nodes ? 2 * p->cap_nodes : 16;
    struct node *v = realloc(p->nodes, cap * sizeof *v);
    if (!v) {
      return NG_ERR_NOMEM;
    }
    p->nodes = v;
    p->cap_nodes = cap;
  }
  char *copy = strdup(iri);
  if (!copy) {
    return NG_ERR_NOMEM;
  }
  p->nodes[p->n_nodes] = (struct node){copy, NULL, OTHER_CLASS, false, false,
                                       NULL};
  *idx = p->n_nodes++;
  return NG_OK;
}

/* Sets node @p n's label from @p label (NULL or "" leave it unset).
 * NG_ERR_NOMEM. */
static ng_status
node_set_label(struct node *n, const char *label)
{
  if (n->label || !label || !*label) {
    return NG_OK;
  }
  n->label = clean_text(label, MAX_LABEL);
  if (!n->label) {
    return NG_ERR_NOMEM;
  }
  if (!*n->label) { /* nothing printable in it */
    free(n->label);
    n->label = NULL;
  }
  return NG_OK;
}

/* Gives node @p n a label when it has none: skos:prefLabel, else its IRI's
 * local name with '-' and '_' as spaces (never the whole IRI). Also finds
 * its class when @p want_class. Errors: those of select_rows(). */
static ng_status
node_complete(ng_store *store, struct node *n, bool want_class)
{
  ng_status st = NG_OK;
  if ((want_class || !n->label) && iri_ok(n->iri)) {
    size_t qlen = 3 * strlen(n->iri) + 256;
    char *q = malloc(qlen);
    if (!q) {
      return NG_ERR_NOMEM;
    }
    snprintf(q, qlen,
             "SELECT ?c ?pl WHERE { <%s> a ?c . OPTIONAL { <%s> <"
             SKOS_PREF_LABEL "> ?pl } }",
             n->iri, n->iri);
    json_object *root, *rows;
    st = select_rows(store, q, &root, &rows);
    free(q);
    size_t n_rows = rows ? json_object_array_length(rows) : 0;
    for (size_t i = 0; st == NG_OK && i < n_rows; i++) {
      json_object *row = json_object_array_get_idx(rows, i);
      size_t c = class_index(value_of(row, "c"));
      if (want_class && c < n->cls) {
        n->cls = c;
      }
      st = node_set_label(n, value_of(row, "pl"));
    }
    json_object_put(root);
  }
  if (st == NG_OK && !n->label) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", local_name(n->iri));
    for (char *c = buf; *c; c++) {
      *c = *c == '-' || *c == '_' ? ' ' : *c;
    }
    st = node_set_label(n, *buf ? buf : n->iri);
  }
  return st;
}

/* Adds a fact as an edge. NG_ERR_NOMEM. */
static ng_status
edge_add(struct pic *p, size_t tail, size_t head, const char *pred,
         unsigned support, const char *first, const char *last,
         const char *mod)
{
  if (p->n_edges == p->cap_edges) {
    size_t cap = p->cap_edges ? 2 * p->cap_edges : 16;
    struct edge *v = realloc(p->edges, cap * sizeof *v);
    if (!v) {
      return NG_ERR_NOMEM;
    }
    p->edges = v;
    p->cap_edges = cap;
  }
  struct edge *e = &p->edges[p->n_edges++];
  memset(e, 0, sizeof *e);
  e->tail = tail;
  e->head = head;
  relation_words(pred, e->rel, sizeof e->rel, &e->sym);
  e->support = support;
  snprintf(e->first, sizeof e->first, "%s", first ? first : "");
  snprintf(e->last, sizeof e->last, "%s", last ? last : "");
  snprintf(e->mod, sizeof e->mod, "%s", mod ? mod : "");
  p->nodes[tail].in_fact = p->nodes[head].in_fact = true;
  return NG_OK;
}

/* One entity of ng_store_write_entity()'s output. */
struct found {
  char *iri, *cls, *label; /* borrowed from the output buffer */
  char *facts;             /* first fact line, or NULL */
  size_t n_facts;
};

/* Splits @p line at tabs into at most @p n fields; returns how many. */
static size_t
split_tabs(char *line, char **f, size_t n)
{
  size_t k = 0;
  while (k < n) {
    f[k++] = line;
    char *t = strchr(line, '\t');
    if (!t) {
      break;
    }
    *t = '\0';
    line = t + 1;
  }
  return k;
}

/* Parses ng_store_write_entity()'s output @p buf (modified) into @p v
 * (at most @p max entities); returns how many were found. */
static size_t
parse_entities(char *buf, struct found *v, size_t max)
{
  size_t n = 0;
  bool in_facts = false;
  for (char *line = buf; line;) {
    char *nl = strchr(line, '\n');
    if (nl) {
      *nl = '\0';
    }
    if (strncmp(line, "entity\t", 7) == 0 && n < max) {
      v[n++] = (struct found){line + 7, NULL, NULL, NULL, 0};
      in_facts = false;
    } else if (n > 0 && n <= max && !in_facts) {
      struct found *e = &v[n - 1];
      if (strncmp(line, "class\t", 6) == 0 && !e->cls) {
        e->cls = line + 6;
      } else if (strncmp(line, "label\t", 6) == 0 && !e->label) {
        e->label = line + 6;
      } else if (strncmp(line, "relation\t", 9) == 0) {
        in_facts = true;
      }
    } else if (n > 0 && in_facts && *line) {
      struct found *e = &v[n - 1];
      if (!e->facts) {
        e->facts = line;
      }
      e->n_facts++;
      if (nl) {
        *nl = '\n'; /* kept whole: read again by gather_entity() */
      }
    }
    line = nl ? nl + 1 : NULL;
  }
  return n;
}

/* Gathers entity @p name's neighbourhood: the entity as
 * ng_store_write_entity() finds it (the most connected one when several
 * match, said on stderr) and its facts, the MAX_FACTS best-supported.
 * Errors: NG_NOT_FOUND (said on stderr), those of the library. */
static ng_status
gather_entity(ng_store *store, const char *name, struct pic *p)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  if (!mem) {
    return NG_ERR_NOMEM;
  }
  ng_status st = ng_store_write_entity(store, name, mem);
  if (fclose(mem) != 0 && st == NG_OK) {
    st = NG_ERR_NOMEM;
  }
  struct found found[64];
  size_t n_found = st == NG_OK ? parse_entities(buf, found, 64) : 0;
  if (st == NG_OK && n_found == 0) {
    st = NG_NOT_FOUND; /* every match had an IRI that cannot be queried */
    fprintf(stderr, "newsgraph: no entity named %s in the store\n", name);
  }
  if (st != NG_OK) {
    free(buf);
    return st;
  }
  size_t best = 0;
  for (size_t i = 1; i < n_found; i++) {
    if (found[i].n_facts > found[best].n_facts) {
      best = i;
    }
  }
  struct found *f = &found[best];
  if (n_found > 1) {
    fprintf(stderr, "newsgraph: %zu entities are named %s; drawing the "
                    "most connected, %s (%zu facts); the others:",
            n_found, name, f->iri, f->n_facts);
    for (size_t i = 0; i < n_found; i++) {
      if (i != best) {
        fprintf(stderr, " %s (%zu fact%s)", found[i].iri, found[i].n_facts,
                found[i].n_facts == 1 ? "" : "s");
      }
    }
    fputs(" (draw one with --entity IRI)\n", stderr);
    p->others = n_found - 1;
  }
  size_t c;
  st = node_find_add(p, f->iri, &c);
  if (st == NG_OK) {
    p->nodes[c].center = true;
    p->nodes[c].cls = class_index(f->cls);
    st = node_set_label(&p->nodes[c], f->label);
  }
  if (st == NG_OK) {
    st = node_complete(store, &p->nodes[c], false);
  }
  /* Fact lines: relation, other label, other IRI, articles, first, last,
   * source articles; sorted by support, most first. */
  char *line = f->facts;
  for (size_t i = 0; st == NG_OK && line && i < f->n_facts; i++) {
    char *nl = strchr(line, '\n');
    if (nl) {
      *nl = '\0';
    }
    char *fl[7];
    if (split_tabs(line, fl, 7) >= 6) {
      p->facts_total++;
      if (p->n_edges < MAX_FACTS) {
        bool inverse = fl[0][0] == '^';
        size_t o;
        st = node_find_add(p, fl[2], &o);
        if (st == NG_OK) {
          st = node_set_label(&p->nodes[o], fl[1]);
        }
        unsigned long support = strtoul(fl[3], NULL, 10);
        /* "ng:visits (planned)": the modality after the relation */
        char mod[12] = "", *sp = strchr(fl[0], ' ');
        if (sp) {
          *sp = '\0';
          if (sp[1] == '(' && strchr(sp + 2, ')')) {
            snprintf(mod, sizeof mod, "%.*s",
                     (int)(strchr(sp + 2, ')') - (sp + 2)), sp + 2);
          }
        }
        if (st == NG_OK) {
          st = edge_add(p, inverse ? o : c, inverse ? c : o, fl[0] + inverse,
                        support > 0 && support < 1000000 ? (unsigned)support
                                                         : 1,
                        fl[4], fl[5], mod);
        }
      }
    }
    line = nl ? nl + 1 : NULL;
  }
  for (size_t i = 0; st == NG_OK && i < p->n_nodes; i++) {
    if (!p->nodes[i].center) {
      st = node_complete(store, &p->nodes[i], true);
    }
  }
  if (st == NG_OK) {
    char title[1024];
    const struct node *cn = &p->nodes[c];
    snprintf(title, sizeof title, "%s (%s): %zu fact%s", cn->label,
             classes[cn->cls].words, p->facts_total,
             p->facts_total == 1 ? "" : "s");
    p->title = strdup(title);
    size_t o = 0;
    if (p->facts_total > p->n_edges) {
      o = (size_t)snprintf(title, sizeof title,
                           "the %zu stated in most articles are drawn, %zu "
                           "left out", p->n_edges,
                           p->facts_total - p->n_edges);
      fprintf(stderr, "newsgraph: %s has %zu facts: drawing the %zu stated "
                      "in most articles, leaving out %zu\n",
              f->iri, p->facts_total, p->n_edges,
              p->facts_total - p->n_edges);
    }
    if (p->others) {
      snprintf(title + o, sizeof title - o, "%s%zu other entit%s of that "
               "name not drawn", o ? "; " : "", p->others,
               p->others == 1 ? "y" : "ies");
    }
    if (o || p->others) {
      p->note = strdup(title);
    }
    if (!p->title || ((o || p->others) && !p->note)) {
      st = NG_ERR_NOMEM;
    }
  }
  free(buf);
  return st;
}

/* The facts the rdf:Statement nodes of one article graph describe, each
 * with the modalities of its statements (VOCABULARY.md "Evidence and
 * confidence": a statement with no ng:modality, or ng:Asserted, asserts
 * its fact; a denied fact is never a plain triple). */
#define MOD_ASSERTED 1u
#define MOD_PLANNED 2u
#define MOD_REPORTED 4u
#define MOD_DENIED 8u

struct fmod {
  char *s, *p, *o; /* owned */
  unsigned flags;  /* MOD_ bits */
};

struct fmods {
  struct fmod *v;
  size_t n, cap;
};

static void
fmods_clear(struct fmods *m)
{
  for (size_t i = 0; i < m->n; i++) {
    free(m->v[i].s);
    free(m->v[i].p);
    free(m->v[i].o);
  }
  free(m->v);
  memset(m, 0, sizeof *m);
}

static unsigned
mod_flag(const char *m)
{
  if (!m) {
    return MOD_ASSERTED;
  }
  if (strcmp(m, NS_NG "Planned") == 0) {
    return MOD_PLANNED;
  }
  if (strcmp(m, NS_NG "Reported") == 0) {
    return MOD_REPORTED;
  }
  return strcmp(m, NS_NG "Denied") == 0 ? MOD_DENIED : MOD_ASSERTED;
}

/* Reads the statements of graph @p iri (an iri_ok() IRI) into @p m.
 * Errors: those of select_rows(), NG_ERR_NOMEM. */
static ng_status
gather_mods(ng_store *store, const char *iri, struct fmods *m)
{
  size_t qlen = strlen(iri) + 512;
  char *q = malloc(qlen);
  if (!q) {
    return NG_ERR_NOMEM;
  }
  json_object *root = NULL, *rows = NULL, *mroot = NULL, *mrows = NULL;
  snprintf(q, qlen,
           "SELECT ?st ?m WHERE { GRAPH <%s> { ?st <" NS_NG "modality> ?m "
           "} }",
           iri);
  ng_status st = select_rows(store, q, &mroot, &mrows);
  if (st == NG_OK) {
    snprintf(q, qlen,
             "SELECT ?st ?s ?p ?o WHERE { GRAPH <%s> { ?st <" RDF_NS
             "subject> ?s . ?st <" RDF_NS "predicate> ?p . ?st <" RDF_NS
             "object> ?o } }",
             iri);
    st = select_rows(store, q, &root, &rows);
  }
  free(q);
  size_t n = rows ? json_object_array_length(rows) : 0;
  size_t nm = mrows ? json_object_array_length(mrows) : 0;
  for (size_t i = 0; st == NG_OK && i < n; i++) {
    json_object *row = json_object_array_get_idx(rows, i);
    const char *id = value_of(row, "st"), *s = value_of(row, "s"),
               *pr = value_of(row, "p"), *o = value_of(row, "o");
    if (!id || !s || !pr || !o) {
      continue;
    }
    unsigned flags = 0;
    for (size_t k = 0; k < nm; k++) {
      json_object *mr = json_object_array_get_idx(mrows, k);
      const char *mid = value_of(mr, "st");
      if (mid && strcmp(mid, id) == 0) {
        flags |= mod_flag(value_of(mr, "m"));
      }
    }
    flags = flags ? flags : MOD_ASSERTED;
    size_t k = 0;
    while (k < m->n && (strcmp(m->v[k].s, s) || strcmp(m->v[k].p, pr) ||
                        strcmp(m->v[k].o, o))) {
      k++;
    }
    if (k < m->n) {
      m->v[k].flags |= flags;
      continue;
    }
    if (m->n == m->cap) {
      size_t cap = m->cap ? 2 * m->cap : 16;
      struct fmod *v = realloc(m->v, cap * sizeof *v);
      if (!v) {
        st = NG_ERR_NOMEM;
        break;
      }
      m->v = v;
      m->cap = cap;
    }
    struct fmod f = {strdup(s), strdup(pr), strdup(o), flags};
    m->v[m->n++] = f;
    if (!f.s || !f.p || !f.o) {
      st = NG_ERR_NOMEM;
    }
  }
  json_object_put(root);
  json_object_put(mroot);
  return st;
}

/* The modality word of plain triple (@p s, @p p, @p o): "" when some
 * statement asserts it or none describes it, else "planned" or
 * "reported". */
static const char *
fact_mod(const struct fmods *m, const char *s, const char *p, const char *o)
{
  for (size_t k = 0; k < m->n; k++) {
    const struct fmod *f = &m->v[k];
    if (strcmp(f->s, s) == 0 && strcmp(f->p, p) == 0 &&
        strcmp(f->o, o) == 0) {
      if (f->flags & MOD_ASSERTED) {
        return "";
      }
      return f->flags & MOD_PLANNED    ? "planned"
             : f->flags & MOD_REPORTED ? "reported"
                                       : "";
    }
  }
  return "";
}

/* Gathers article graph @p iri: its entities (rdf:type in the ng:
 * entity classes) and the ng: facts between them. Errors: NG_NOT_FOUND
 * (said on stderr), those of the library. */
static ng_status
gather_graph(ng_store *store, const char *iri, struct pic *p)
{
  if (!iri_ok(iri)) {
    fprintf(stderr, "newsgraph: no graph %s in the store (not an IRI a "
                    "graph can have)\n", iri);
    return NG_NOT_FOUND;
  }
  size_t qlen = strlen(iri) + 512;
  char *q = malloc(qlen);
  if (!q) {
    return NG_ERR_NOMEM;
  }
  json_object *root = NULL, *rows = NULL;
  ng_status st;
  /* the entities, with their classes and labels */
  snprintf(q, qlen,
           "SELECT ?e ?c ?l ?pl WHERE { GRAPH <%s> { ?e a ?c . "
           "OPTIONAL { ?e <" RDFS_LABEL "> ?l } "
           "OPTIONAL { ?e <" SKOS_PREF_LABEL "> ?pl } } }",
           iri);
  st = select_rows(store, q, &root, &rows);
  size_t n_typed = rows ? json_object_array_length(rows) : 0;
  for (size_t i = 0; st == NG_OK && i < n_typed; i++) {
    json_object *row = json_object_array_get_idx(rows, i);
    const char *e = value_of(row, "e");
    size_t c = class_index(value_of(row, "c"));
    size_t k;
    if (!e || c == OTHER_CLASS) {
      continue; /* the article, its events and fact nodes */
    }
    st = node_find_add(p, e, &k);
    if (st == NG_OK) {
      p->nodes[k].cls = c < p->nodes[k].cls ? c : p->nodes[k].cls;
      st = node_set_label(&p->nodes[k], value_of(row, "l"));
    }
    if (st == NG_OK) {
      st = node_set_label(&p->nodes[k], value_of(row, "pl"));
    }
  }
  json_object_put(root);
  /* the article's headline and date, for the title */
  char *headline = NULL, date[11] = "";
  if (st == NG_OK) {
    snprintf(q, qlen,
             "SELECT ?h ?d WHERE { GRAPH <%s> { ?a a <" SCHEMA
             "NewsArticle> . OPTIONAL { ?a <" SCHEMA "headline> ?h } "
             "OPTIONAL { ?a <" SCHEMA "datePublished> ?d } } }",
             iri);
    st = select_rows(store, q, &root, &rows);
    if (st == NG_OK && json_object_array_length(rows) > 0) {
      json_object *row = json_object_array_get_idx(rows, 0);
      const char *h = value_of(row, "h"), *d = value_of(row, "d");
      headline = h ? clean_text(h, 90) : NULL;
      snprintf(date, sizeof date, "%s", d ? d : "");
      if (h && !headline) {
        st = NG_ERR_NOMEM;
      }
    }
    if (st == NG_OK && json_object_array_length(rows) == 0 && n_typed == 0) {
      /* nothing typed in it: is there such a graph at all? */
      json_object_put(root);
      snprintf(q, qlen,
               "SELECT ?s WHERE { GRAPH <%s> { ?s ?p ?o } } LIMIT 1", iri);
      st = select_rows(store, q, &root, &rows);
      if (st == NG_OK && json_object_array_length(rows) == 0) {
        fprintf(stderr, "newsgraph: no graph %s in the store\n", iri);
        st = NG_NOT_FOUND;
      }
    }
    json_object_put(root);
  }
  /* the facts: ng: properties between two of its entities, then the
   * denied ones, which only their statements record */
  struct fmods mods = {0};
  if (st == NG_OK) {
    st = gather_mods(store, iri, &mods);
  }
  if (st == NG_OK) {
    snprintf(q, qlen,
             "SELECT ?s ?p ?o WHERE { GRAPH <%s> { ?s ?p ?o } "
             "FILTER(isIRI(?o) && STRSTARTS(STR(?p), \"" NS_NG "\")) }",
             iri);
    st = select_rows(store, q, &root, &rows);
    size_t n = rows ? json_object_array_length(rows) : 0;
    size_t n_entities = p->n_nodes;
    for (size_t i = 0; st == NG_OK && i < n + mods.n; i++) {
      bool denied = i >= n;
      json_object *row = denied ? NULL : json_object_array_get_idx(rows, i);
      if (denied && !(mods.v[i - n].flags & MOD_DENIED)) {
        continue;
      }
      const char *s = denied ? mods.v[i - n].s : value_of(row, "s"),
                 *pr = denied ? mods.v[i - n].p : value_of(row, "p"),
                 *o = denied ? mods.v[i - n].o : value_of(row, "o");
      size_t si = n_entities, oi = n_entities;
      for (size_t k = 0; s && o && k < n_entities; k++) {
        si = strcmp(p->nodes[k].iri, s) == 0 ? k : si;
        oi = strcmp(p->nodes[k].iri, o) == 0 ? k : oi;
      }
      if (si == n_entities || oi == n_entities || si == oi || !pr) {
        continue;
      }
      /* a symmetric fact written both ways is one fact */
      bool dup = false, sym;
      char words[80];
      relation_words(pr, words, sizeof words, &sym);
      const char *mod = denied ? "denied" : fact_mod(&mods, s, pr, o);
      for (size_t k = 0; k < p->n_edges && !dup; k++) {
        const struct edge *e = &p->edges[k];
        dup = strcmp(e->rel, words) == 0 && strcmp(e->mod, mod) == 0 &&
              ((e->tail == si && e->head == oi) ||
               (sym && e->tail == oi && e->head == si));
      }
      if (dup) {
        continue;
      }
      p->facts_total++;
      if (p->n_edges < MAX_FACTS) {
        st = edge_add(p, si, oi, pr, 1, date, date, mod);
      }
    }
    json_object_put(root);
  }
  fmods_clear(&mods);
  free(q);
  /* entities without a drawn fact: a few are shown, the rest counted */
  size_t lone = 0;
  for (size_t i = 0; st == NG_OK && i < p->n_nodes; i++) {
    if (!p->nodes[i].in_fact && ++lone > MAX_LONE) {
      p->lone_left++;
    }
  }
  for (size_t i = 0; st == NG_OK && i < p->n_nodes; i++) {
    st = node_complete(store, &p->nodes[i], false);
  }
  if (st == NG_OK) {
    char title[1024], note[512] = "";
    snprintf(title, sizeof title, "%s%s%s%s: %zu entities, %zu facts",
             headline ? headline : "article", *date ? " (" : "", date,
             *date ? ")" : "", p->n_nodes, p->facts_total);
    p->title = strdup(title);
    size_t o = 0;
    if (p->facts_total > p->n_edges) {
      o += (size_t)snprintf(note, sizeof note, "%zu facts left out",
                            p->facts_total - p->n_edges);
    }
    if (p->lone_left) {
      snprintf(note + o, sizeof note - o, "%s%zu entities without facts "
               "left out", o ? ", " : "", p->lone_left);
    }
    if (*note) {
      p->note = strdup(note);
      fprintf(stderr, "newsgraph: graph %s: %s\n", iri, note);
    }
    if (!p->title || (*note && !p->note)) {
      st = NG_ERR_NOMEM;
    }
  }
  free(headline);
  return st;
}

/* ------------------------------------------------------------- picture */

/* Graphviz's error messages, said as ours. */
static int
gv_error(char *msg)
{
  size_t n = strlen(msg);
  while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) {
    n--;
  }
  fprintf(stderr, "newsgraph: graphviz: %.*s\n", (int)n, msg);
  return 0;
}

/* The legend: an HTML-like table of fixed text only (never a label from
 * the store), one row per class drawn and a line on edges. */
static void
add_legend(Agraph_t *g, const struct pic *p)
{
  char html[4096];
  size_t o = 0;
  bool used[N_CLASSES] = {false};
  for (size_t i = 0; i < p->n_nodes; i++) {
    used[p->nodes[i].cls] |= p->nodes[i].in_fact || p->nodes[i].center;
  }
  o += (size_t)snprintf(html + o, sizeof html - o,
                        "<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
                        "CELLSPACING=\"0\" CELLPADDING=\"3\">"
                        "<TR><TD><B>legend</B></TD></TR>");
  for (size_t i = 0; i < N_CLASSES && o < sizeof html; i++) {
    if (used[i]) {
      o += (size_t)snprintf(html + o, sizeof html - o,
                            "<TR><TD BGCOLOR=\"%s\">%s</TD></TR>",
                            classes[i].fill, classes[i].words);
    }
  }
  if (o < sizeof html) {
    snprintf(html + o, sizeof html - o,
             "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
             "edge: relation (articles)<BR/>no arrow: mutual<BR/>"
             "thicker: more articles<BR/>dashed: planned, reported or "
             "denied only</TD></TR></TABLE>");
  }
  Agnode_t *n = agnode(g, "legend", 1);
  agsafeset(n, "shape", "plain", "");
  agsafeset(n, "style", "solid", "");
  agsafeset(n, "fontsize", "9", "");
  agsafeset(n, "label", agstrdup_html(g, html), "");
}

/* Builds the Graphviz graph of @p p, with the attributes of the twopi
 * layout when @p star (NULL when out of memory). */
static Agraph_t *
make_graph(const struct pic *p, bool star)
{
  Agraph_t *g = agopen("newsgraph", Agdirected, NULL);
  if (!g) {
    return NULL;
  }
  char buf[2048];
  char font[] = "Helvetica,Arial,sans-serif";
  snprintf(buf, sizeof buf, "%s%s%s", p->title ? p->title : "",
           p->note ? "\\n" : "", p->note ? p->note : "");
  agsafeset(g, "label", buf, "");
  agsafeset(g, "labelloc", "t", "");
  agsafeset(g, "fontname", font, "");
  agsafeset(g, "fontsize", "14", "");
  agsafeset(g, "rankdir", "LR", "");
  agsafeset(g, "nodesep", "0.2", "");
  agsafeset(g, "ranksep", "0.9", "");
  agsafeset(g, "bgcolor", "white", "");
  for (size_t i = 0; star && i < p->n_nodes; i++) {
    if (p->nodes[i].center) {
      snprintf(buf, sizeof buf, "n%zu", i);
      agsafeset(g, "root", buf, "");
      agsafeset(g, "ranksep", "2.2", "");
      agsafeset(g, "overlap", "false", "");
    }
  }
  agsafeset(g, "pad", "0.2", "");
  agattr(g, AGNODE, "fontname", font);
  agattr(g, AGNODE, "fontsize", "11");
  agattr(g, AGNODE, "shape", "ellipse");
  agattr(g, AGNODE, "style", "filled");
  agattr(g, AGNODE, "fillcolor", "white");
  agattr(g, AGNODE, "penwidth", "1");
  agattr(g, AGNODE, "tooltip", "");
  agattr(g, AGEDGE, "fontname", font);
  agattr(g, AGEDGE, "fontsize", "9");
  agattr(g, AGEDGE, "color", "#555555");
  agattr(g, AGEDGE, "fontcolor", "#333333");
  agattr(g, AGEDGE, "dir", "forward");
  agattr(g, AGEDGE, "penwidth", "1");
  agattr(g, AGEDGE, "tooltip", "");
  /* Entities without a drawn fact share one box, a few names a line, so
   * that they do not stretch the picture. */
  size_t lone = 0, o = 0, line = 0;
  struct node *nodes = p->nodes;
  for (size_t i = 0; i < p->n_nodes; i++) {
    struct node *n = &nodes[i];
    n->an = NULL;
    if (n->in_fact || n->center) {
      continue;
    }
    const char *l = n->label ? n->label : "?";
    if (++lone > MAX_LONE || o + strlen(l) + 8 >= sizeof buf) {
      continue;
    }
    if (lone == 1) {
      o += (size_t)snprintf(buf, sizeof buf, "also mentioned:\\n");
    } else if (line + strlen(l) > 50) {
      o += (size_t)snprintf(buf + o, sizeof buf - o, ",\\n");
      line = 0;
    } else {
      o += (size_t)snprintf(buf + o, sizeof buf - o, ", ");
    }
    o += (size_t)snprintf(buf + o, sizeof buf - o, "%s", l);
    line += strlen(l) + 2;
  }
  if (lone > 0) {
    Agnode_t *m = agnode(g, "mentioned", 1);
    agsafeset(m, "label", buf, "");
    agsafeset(m, "shape", "box", "");
    agsafeset(m, "style", "dashed,rounded", "");
    agsafeset(m, "fontsize", "10", "");
  }
  for (size_t i = 0; i < p->n_nodes; i++) {
    struct node *n = &nodes[i];
    if (!n->in_fact && !n->center) {
      continue;
    }
    const struct cls *c = &classes[n->cls];
    snprintf(buf, sizeof buf, "n%zu", i);
    n->an = agnode(g, buf, 1);
    agsafeset(n->an, "label", n->label ? n->label : "?", "");
    agsafeset(n->an, "shape", (char *)c->shape, "");
    agsafeset(n->an, "style", (char *)c->style, "");
    agsafeset(n->an, "fillcolor", (char *)c->fill, "");
    char *tip = clean_text(n->iri, 0);
    agsafeset(n->an, "tooltip", tip ? tip : "", "");
    free(tip);
    if (n->center) {
      agsafeset(n->an, "penwidth", "2.5", "");
      agsafeset(n->an, "fontsize", "14", "");
    }
  }
  /* one Graphviz edge per pair and direction, a line per relation */
  bool *done = calloc(p->n_edges + 1, sizeof *done);
  if (!done) {
    agclose(g);
    return NULL;
  }
  for (size_t i = 0; i < p->n_edges; i++) {
    if (done[i]) {
      continue;
    }
    const struct edge *e = &p->edges[i];
    unsigned most = 0;
    bool modal = true; /* every relation on it planned, reported or denied */
    o = 0;
    char tip[1024];
    size_t t = 0;
    buf[0] = tip[0] = '\0';
    for (size_t j = i; j < p->n_edges; j++) {
      const struct edge *f = &p->edges[j];
      bool same = f->sym == e->sym &&
                  ((f->tail == e->tail && f->head == e->head) ||
                   (e->sym && f->tail == e->head && f->head == e->tail));
      if (!same || done[j] || o + 100 >= sizeof buf) {
        continue;
      }
      done[j] = true;
      most = f->support > most ? f->support : most;
      modal = modal && *f->mod;
      /* "visits (planned)": a fact not asserted says how it was stated */
      char rel[100];
      snprintf(rel, sizeof rel, "%s%s%s%s", f->rel, *f->mod ? " (" : "",
               f->mod, *f->mod ? ")" : "");
      if (f->support > 1) {
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s (%u)",
                              o ? "\\n" : "", rel, f->support);
      } else {
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s",
                              o ? "\\n" : "", rel);
      }
      if (t + 140 < sizeof tip) {
        t += (size_t)snprintf(tip + t, sizeof tip - t,
                              "%s%s: %u article%s%s%s%s%s", t ? "; " : "",
                              rel, f->support, f->support == 1 ? "" : "s",
                              *f->first ? ", " : "", f->first,
                              strcmp(f->first, f->last) ? " to " : "",
                              strcmp(f->first, f->last) ? f->last : "");
      }
    }
    Agnode_t *a = nodes[e->tail].an, *b = nodes[e->head].an;
    if (!a || !b) {
      continue;
    }
    Agedge_t *ae = agedge(g, a, b, NULL, 1);
    agsafeset(ae, "label", buf, "");
    agsafeset(ae, "tooltip", tip, "");
    if (e->sym) {
      agsafeset(ae, "dir", "none", "");
    }
    if (modal) {
      agsafeset(ae, "style", "dashed", "");
    }
    char w[32];
    snprintf(w, sizeof w, "%.1f", 1.0 + 1.5 * log2((double)(most ? most : 1)));
    agsafeset(ae, "penwidth", w, "");
  }
  free(done);
  add_legend(g, p);
  return g;
}

/* Renders @p p in @p format ("svg", "png", "dot") into *out (free with
 * free()). Errors, said on stderr: NG_ERR_NOMEM, NG_ERR_INTERNAL (Graphviz
 * cannot lay it out or render it). */
static ng_status
render(const struct pic *p, const char *format, char **out, size_t *len)
{
  *out = NULL;
  *len = 0;
  agseterr(AGERR); /* warnings (fonts) are not ours to pass on */
  agseterrf(gv_error);
  bool star = false; /* only around an entity (not for --graph) */
  for (size_t i = 0; i < p->n_nodes; i++) {
    star = star || (p->nodes[i].center && p->n_edges > STAR_FACTS);
  }
  Agraph_t *g = make_graph(p, star);
  if (!g) {
    return NG_ERR_NOMEM;
  }
  ng_status st = NG_OK;
  if (strcmp(format, "dot") == 0) {
    /* the graph as built, before any layout, for people to edit */
    FILE *mem = open_memstream(out, len);
    if (!mem) {
      st = NG_ERR_NOMEM;
    } else if (agwrite(g, mem) != 0 || fclose(mem) != 0) {
      free(*out);
      *out = NULL;
      st = NG_ERR_NOMEM;
    }
    agclose(g);
    return st;
  }
  GVC_t *gvc = gvContext();
  if (!gvc) {
    agclose(g);
    return NG_ERR_NOMEM;
  }
  char *data = NULL;
  unsigned int n = 0;
  if (gvLayout(gvc, g, star ? "twopi" : "dot") != 0) {
    fprintf(stderr, "newsgraph: graphviz cannot lay out the picture (is "
                    "its dot layout plugin installed? libgvc6)\n");
    st = NG_ERR_INTERNAL;
  } else {
    if (gvRenderData(gvc, g, format, &data, &n) != 0 || !data || n == 0) {
      fprintf(stderr, "newsgraph: graphviz cannot render %s (is its %s "
                      "plugin installed? libgvc6)\n", format,
              strcmp(format, "png") == 0 ? "cairo" : "core");
      st = NG_ERR_INTERNAL;
    } else if (!(*out = malloc(n))) {
      st = NG_ERR_NOMEM;
    } else {
      memcpy(*out, data, n);
      *len = n;
    }
    if (data) {
      gvFreeRenderData(data);
    }
    gvFreeLayout(gvc, g);
  }
  agclose(g);
  gvFreeContext(gvc);
  return st;
}

/* Writes @p len bytes to @p file through a temporary file beside it and a
 * rename, so that a failed run never leaves a partial picture; straight
 * into it when it exists and is not a regular file (a device such as
 * /dev/null, a pipe, a symbolic link), which a rename would replace; to
 * standard output when @p file is NULL or "-". Errors, said on stderr:
 * NG_ERR_IO. */
static ng_status
write_out(const char *file, const char *data, size_t len)
{
  if (!file || strcmp(file, "-") == 0) {
    if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
      fprintf(stderr, "newsgraph: cannot write the picture to standard "
                      "output: %s\n", strerror(errno));
      return NG_ERR_IO;
    }
    return NG_OK;
  }
  struct stat sb;
  if (lstat(file, &sb) == 0 && !S_ISREG(sb.st_mode)) {
    /* a device, pipe or link (/dev/null, /dev/stdout): write through it,
     * never rename over it */
    FILE *f = fopen(file, "wb");
    int err = !f ? errno : 0;
    if (f && fwrite(data, 1, len, f) != len) {
      err = errno ? errno : EIO;
    }
    if (f && fclose(f) != 0 && !err) {
      err = errno;
    }
    if (err) {
      fprintf(stderr, "newsgraph: cannot write %s: %s\n", file,
              strerror(err));
    }
    return err ? NG_ERR_IO : NG_OK;
  }
  size_t n = strlen(file) + 16;
  char *tmp = malloc(n);
  if (!tmp) {
    return NG_ERR_NOMEM;
  }
  snprintf(tmp, n, "%s.XXXXXX", file);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    fprintf(stderr, "newsgraph: cannot write %s: %s\n", file,
            strerror(errno));
    free(tmp);
    return NG_ERR_IO;
  }
  mode_t mask = umask(0);
  umask(mask);
  int err = fchmod(fd, 0666 & ~mask) != 0 ? errno : 0;
  for (size_t o = 0; !err && o < len;) {
    ssize_t w = write(fd, data + o, len - o);
    if (w < 0 && errno != EINTR) {
      err = errno;
    } else if (w > 0) {
      o += (size_t)w;
    }
  }
  if (close(fd) != 0 && !err) {
    err = errno;
  }
  if (!err && rename(tmp, file) != 0) {
    err = errno;
  }
  if (err) {
    unlink(tmp);
    fprintf(stderr, "newsgraph: cannot write %s: %s\n", file, strerror(err));
  }
  free(tmp);
  return err ? NG_ERR_IO : NG_OK;
}

/* The output format: --format, else -o FILE's extension when it names
 * one, else svg; NULL for an extension that names another format
 * (x.jpg), which must not silently get SVG. */
static const char *
pick_format(const struct ng_cli_options *o)
{
  static const char *const known[] = {"svg", "png", "dot"};
  if (o->format) {
    return o->format;
  }
  const char *dot = o->output ? strrchr(o->output, '.') : NULL;
  if (dot && !strchr(dot, '/')) {
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
      if (strcasecmp(dot + 1, known[i]) == 0) {
        return known[i];
      }
    }
    if (strcasecmp(dot + 1, "gv") == 0) {
      return "dot";
    }
    static const char *const images[] = {"jpg", "jpeg", "gif", "pdf",
                                         "ps", "eps", "bmp", "webp",
                                         "tif", "tiff", "html"};
    for (size_t i = 0; i < sizeof images / sizeof images[0]; i++) {
      if (strcasecmp(dot + 1, images[i]) == 0) {
        return NULL;
      }
    }
  }
  return "svg";
}

ng_status
ng_cli_draw(ng_store *store, const struct ng_cli_options *o)
{
  struct pic p = {0};
  const char *format = pick_format(o);
  if (!format) {
    fprintf(stderr, "newsgraph: cannot write %s: draw writes svg, png or "
            "dot (name the file .svg, .png or .dot, or give --format)\n",
            o->output);
    return NG_ERR_ARG;
  }
  ng_status st = o->entity ? gather_entity(store, o->entity, &p)
                           : gather_graph(store, o->graph, &p);
  char *data = NULL;
  size_t len = 0;
  if (st == NG_OK) {
    st = render(&p, format, &data, &len);
  }
  if (st == NG_OK) {
    st = write_out(o->output, data, len);
  }
  if (st == NG_ERR_NOMEM) {
    fprintf(stderr, "newsgraph: out of memory drawing %s\n",
            o->entity ? o->entity : o->graph);
  }
  free(data);
  pic_clear(&p);
  return st;
}
