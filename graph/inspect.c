/* SPDX-License-Identifier: MIT */
/* Looking into a store: the graph list (headline, date, size), totals per
 * entity class, relation and event type, and an entity's facts with their
 * support across articles (GDELT's Mentions idea: how many sources state
 * each, first and last date, which ones). Reads only. No text a user
 * gives ever becomes SPARQL: names are matched in C, and an IRI reaches a
 * query only after ng__inspect_iri_ok(). */
#include "inspect.h"

#include "buf.h"
#include "serialize.h"
#include "store.h"
#include "utf8.h"
#include "vocab.h"

#include <errno.h>
#include <json-c/json.h>
#include <redland.h>
#include <stdlib.h>
#include <string.h>

/* VOCABULARY.md "Entities": the entity classes. */
static const char *const entity_classes[] = {
    NG_PERSON,  NG_COUNTRY, NG_CITY, NG_PLACE, NG_ORGANIZATION,
    NG_INTERNATIONAL_ORGANIZATION, NG_GOVERNMENT_BODY, NG_COMPANY,
    NG_NEWS_AGENCY};
/* VOCABULARY.md "Events and figures". */
static const char *const event_classes[] = {
    NG_VISIT, NG_MEETING, NG_SIGNING, NG_QUOTATION, NG_TRADE_FIGURE};
/* VOCABULARY.md "Binary facts"; the first four are symmetric. */
static const char *const fact_predicates[] = {
    NG_MEETS, NG_COOPERATES_WITH, NG_TRADING_PARTNER_OF,
    NG_SIGNS_AGREEMENT_WITH, NG_VISITS, NG_HOSTS, NG_HEAD_OF_STATE_OF,
    NG_HEAD_OF_GOVERNMENT_OF, NG_MINISTER_OF, NG_LEADER_OF, NG_MEMBER_OF,
    NG_PARTNER_OF, NG_CHAIRS, NG_INVITES, NG_LOCATED_IN};
#define N_SYMMETRIC 4

/* Index of @p s in @p list, or -1. */
static int
find_in(const char *s, const char *const *list, size_t n)
{
  for (size_t i = 0; s && i < n; i++) {
    if (strcmp(s, list[i]) == 0) {
      return (int)i;
    }
  }
  return -1;
}

/* --------------------------------------------------------- string sets */

/* A growable array of owned strings; sorted and de-duplicated on demand. */
struct strv {
  char **v;        /* owned strings */
  size_t n, cap;   /* used and allocated entries */
};

static void
strv_clear(struct strv *s)
{
  for (size_t i = 0; i < s->n; i++) {
    free(s->v[i]);
  }
  free(s->v);
  memset(s, 0, sizeof *s);
}

/* Appends the concatenation of @p a, a 0x1F separator and @p b (b may be
 * NULL: @p a alone). NG_ERR_NOMEM. */
static ng_status
strv_add2(struct strv *s, const char *a, const char *b)
{
  if (s->n == s->cap) {
    size_t ncap = s->cap ? 2 * s->cap : 64;
    char **p = realloc(s->v, ncap * sizeof *p);
    if (!p) {
      return NG_ERR_NOMEM;
    }
    s->v = p;
    s->cap = ncap;
  }
  size_t la = strlen(a), lb = b ? strlen(b) + 1 : 0;
  char *c = malloc(la + lb + 1);
  if (!c) {
    return NG_ERR_NOMEM;
  }
  memcpy(c, a, la);
  if (b) {
    c[la] = '\x1f';
    memcpy(c + la + 1, b, lb - 1);
  }
  c[la + lb] = '\0';
  s->v[s->n++] = c;
  return NG_OK;
}

static int
cmp_str(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts and removes duplicates. */
static void
strv_uniq(struct strv *s)
{
  size_t w = 0;
  if (s->n > 1) {
    qsort(s->v, s->n, sizeof *s->v, cmp_str);
  }
  for (size_t r = 0; r < s->n; r++) {
    if (w > 0 && strcmp(s->v[w - 1], s->v[r]) == 0) {
      free(s->v[r]);
    } else {
      s->v[w++] = s->v[r];
    }
  }
  s->n = w;
}

/* Length of the part of @p s before its first 0x1F (all of it if none). */
static size_t
field_len(const char *s)
{
  return strcspn(s, "\x1f");
}

/* -------------------------------------------------------------- helpers */

char *
ng__inspect_fold(const char *s)
{
  size_t len = strlen(s);
  char *out = malloc(len * 2 + 1); /* a folded code point never grows by
                                      more than one byte */
  if (!out) {
    return NULL;
  }
  size_t i = 0, o = 0;
  while (i < len) {
    uint32_t cp;
    size_t n = ng__utf8_decode(s + i, len - i, &cp);
    if (n == 0) {
      out[o++] = s[i++];
      continue;
    }
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
        (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) ||
        (cp >= 0x410 && cp <= 0x42F)) {
      cp += 0x20;
    } else if (cp >= 0x400 && cp <= 0x40F) {
      cp += 0x50;
    } else if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 &&
               cp != 0x138 && cp != 0x149 && cp != 0x17F) {
      /* Latin Extended-A pairs capital/small; the run 0x139-0x148 and
       * 0x179-0x17E puts the capital on the odd code point. */
      bool odd_capital = (cp >= 0x139 && cp <= 0x148) ||
                         (cp >= 0x179 && cp <= 0x17E);
      if (odd_capital ? (cp & 1) : !(cp & 1)) {
        cp += 1;
      }
    }
    o += ng__utf8_encode(cp, out + o);
    i += n;
  }
  out[o] = '\0';
  return out;
}

bool
ng__inspect_iri_ok(const char *iri)
{
  if (!iri || !*iri) {
    return false;
  }
  for (const unsigned char *p = (const unsigned char *)iri; *p; p++) {
    if (*p <= 0x20 || *p == 0x7F || strchr("<>\"{}|^`\\", *p)) {
      return false;
    }
  }
  return true;
}

/* The IRI string of @p n, or NULL when it is not an IRI (borrowed). */
static const char *
iri_of(librdf_node *n)
{
  if (!n || !librdf_node_is_resource(n)) {
    return NULL;
  }
  return (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
}

/* Writes @p iri as prefix:local when a project prefix fits, else as is. */
static void
put_name(ng_world *world, FILE *out, const char *iri)
{
  char curie[512];
  fputs(ng__serialize_qualify(world, iri, curie, sizeof curie) ? curie : iri,
        out);
}

/* Writes @p s as a TSV field: tab, LF and CR become spaces, so a field
 * never splits a line or a column. */
static void
put_tsv(FILE *out, const char *s)
{
  for (; s && *s; s++) {
    fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
  }
}

/* Writes @p s as an RFC 4180 CSV field. */
static void
put_csv(FILE *out, const char *s)
{
  s = s ? s : "";
  if (!strpbrk(s, "\",\r\n")) {
    fputs(s, out);
    return;
  }
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"') {
      fputc('"', out);
    }
    fputc(*s, out);
  }
  fputc('"', out);
}

static ng_status
check_output(ng_world *world, FILE *out)
{
  if (fflush(out) != 0 || ferror(out)) {
    return ng__errorf(world, NG_ERR_IO, "cannot write the output: %s",
                      strerror(errno));
  }
  return NG_OK;
}

/* 0 tsv, 1 csv, 2 json; -1 unknown. NULL is tsv. */
static int
table_format(const char *format)
{
  static const char *const names[] = {"tsv", "csv", "json"};
  if (!format) {
    return 0;
  }
  return find_in(format, names, ARRAY_LEN(names));
}

/* ---------------------------------------------------------- graph list */

/* One article graph as listed. */
struct graph_row {
  char *iri;       /* graph IRI (owned) */
  char *headline;  /* schema:headline of the article, or NULL (owned) */
  char *date;      /* schema:datePublished lexical form, or NULL (owned) */
  size_t triples;  /* statements in the graph */
};

/* Reads graph @p iri: its size, and the headline and date of the article
 * node that names it (VOCABULARY.md "Graph layout": the graph name is the
 * article IRI). */
static ng_status
read_graph_row(ng_store *store, const char *iri, struct graph_row *row)
{
  librdf_world *lw;
  ng_status st;
  TRY(st, ng__store_rdf_world(ng__store_world(store), &lw));
  memset(row, 0, sizeof *row);
  row->iri = strdup(iri);
  librdf_node *ctx =
      librdf_new_node_from_uri_string(lw, (const unsigned char *)iri);
  librdf_stream *s =
      ctx ? librdf_model_context_as_stream(ng__store_model(store), ctx) : NULL;
  if (!row->iri || !ctx || !s) {
    st = !row->iri || !ctx ? NG_ERR_NOMEM : NG_ERR_RDF;
  }
  for (; s && !librdf_stream_end(s); librdf_stream_next(s)) {
    librdf_statement *stmt = librdf_stream_get_object(s);
    row->triples++;
    const char *subj = iri_of(librdf_statement_get_subject(stmt));
    const char *pred = iri_of(librdf_statement_get_predicate(stmt));
    librdf_node *o = librdf_statement_get_object(stmt);
    if (!subj || !pred || strcmp(subj, iri) != 0 ||
        !librdf_node_is_literal(o)) {
      continue;
    }
    char **slot = strcmp(pred, SCHEMA_HEADLINE) == 0         ? &row->headline
                  : strcmp(pred, SCHEMA_DATE_PUBLISHED) == 0 ? &row->date
                                                             : NULL;
    if (slot && !*slot) {
      /* Through ng__store_term(): Virtuoso gives an xsd:dateTime back
       * in SQL form ("2025-05-14 10:00:00"), repaired there. */
      struct ng_term t;
      const char *v = ng__store_term(o, &t) ? t.value : NULL;
      *slot = strdup(v ? v : "");
      if (!*slot) {
        st = NG_ERR_NOMEM;
        break;
      }
    }
  }
  if (s) {
    librdf_free_stream(s);
  }
  if (ctx) {
    librdf_free_node(ctx);
  }
  return st;
}

static void
graph_row_clear(struct graph_row *row)
{
  free(row->iri);
  free(row->headline);
  free(row->date);
  memset(row, 0, sizeof *row);
}

ng_status
ng_store_write_graph_list(ng_store *store, const char *format, FILE *out)
{
  ng_status st = NG_OK;
  char **graphs = NULL;
  size_t n = 0;
  if (!store || !out) {
    return NG_ERR_ARG;
  }
  ng_world *world = ng__store_world(store);
  int fmt = table_format(format);
  if (fmt < 0) {
    return ng__errorf(world, NG_ERR_ARG, "unknown graph list format %s "
                      "(tsv, csv or json)", format);
  }
  TRY(st, ng__store_graphs(store, &graphs, &n));
  static const char *const head[] = {"graph", "date", "triples", "headline"};
  if (fmt == 2) {
    fputs("[", out);
  } else {
    for (size_t i = 0; i < ARRAY_LEN(head); i++) {
      fprintf(out, "%s%s", i ? (fmt ? "," : "\t") : "", head[i]);
    }
    fputs(fmt ? "\r\n" : "\n", out);
  }
  /* One graph at a time: memory stays that of one graph's row. */
  for (size_t i = 0; i < n && st == NG_OK; i++) {
    struct graph_row row;
    st = read_graph_row(store, graphs[i], &row);
    if (st == NG_OK && fmt == 2) {
      json_object *o = json_object_new_object();
      if (!o) {
        st = NG_ERR_NOMEM;
      } else {
        json_object_object_add(o, "graph", json_object_new_string(row.iri));
        json_object_object_add(o, "date", row.date
                               ? json_object_new_string(row.date) : NULL);
        json_object_object_add(o, "triples",
                               json_object_new_int64((int64_t)row.triples));
        json_object_object_add(o, "headline", row.headline
                               ? json_object_new_string(row.headline) : NULL);
        fprintf(out, "%s\n%s", i ? "," : "",
                json_object_to_json_string_ext(
                    o, JSON_C_TO_STRING_PLAIN |
                           JSON_C_TO_STRING_NOSLASHESCAPE));
        json_object_put(o);
      }
    } else if (st == NG_OK && fmt == 1) {
      put_csv(out, row.iri);
      fputc(',', out);
      put_csv(out, row.date);
      fprintf(out, ",%zu,", row.triples);
      put_csv(out, row.headline);
      fputs("\r\n", out);
    } else if (st == NG_OK) {
      put_tsv(out, row.iri);
      fputc('\t', out);
      put_tsv(out, row.date);
      fprintf(out, "\t%zu\t", row.triples);
      put_tsv(out, row.headline);
      fputc('\n', out);
    }
    graph_row_clear(&row);
  }
  if (fmt == 2 && st == NG_OK) {
    fputs("\n]\n", out);
  }
  ng__store_free_graphs(graphs, n);
  if (st == NG_ERR_NOMEM) {
    return ng__errorf(world, st, "out of memory listing the graphs");
  }
  if (st == NG_ERR_RDF) {
    return ng__errorf(world, st, "cannot read the graphs of the store");
  }
  return st == NG_OK ? check_output(world, out) : st;
}

/* ---------------------------------------------------------------- stats */

/* Counts the keys of the de-duplicated @p s whose first field is @p name. */
static size_t
count_prefix(const struct strv *s, const char *name)
{
  size_t n = 0, len = strlen(name);
  for (size_t i = 0; i < s->n; i++) {
    n += strncmp(s->v[i], name, len) == 0 && s->v[i][len] == '\x1f';
  }
  return n;
}

ng_status
ng_store_write_stats(ng_store *store, const char *format, FILE *out)
{
  ng_status st = NG_OK;
  char **graphs = NULL;
  size_t n_graphs = 0, n_quads = 0;
  struct strv typed = {0}, facts = {0};
  size_t fact_statements[ARRAY_LEN(fact_predicates)] = {0};
  librdf_world *lw;
  if (!store || !out) {
    return NG_ERR_ARG;
  }
  ng_world *world = ng__store_world(store);
  int fmt = table_format(format);
  if (fmt < 0) {
    return ng__errorf(world, NG_ERR_ARG, "unknown stats format %s (tsv, "
                      "csv or json)", format);
  }
  TRY(st, ng__store_rdf_world(world, &lw));
  TRY(st, ng__store_graphs(store, &graphs, &n_graphs));
  /* Graph by graph (librdf_model_size() is -1 on BDB: REDLAND-NOTES.md
   * §6.6); entities and facts repeat across articles, so they are
   * collected as keys and counted once each. */
  for (size_t g = 0; g < n_graphs && st == NG_OK; g++) {
    librdf_node *ctx = librdf_new_node_from_uri_string(
        lw, (const unsigned char *)graphs[g]);
    librdf_stream *s =
        ctx ? librdf_model_context_as_stream(ng__store_model(store), ctx)
            : NULL;
    if (!s) {
      st = ctx ? NG_ERR_RDF : NG_ERR_NOMEM;
    }
    for (; s && st == NG_OK && !librdf_stream_end(s);
         librdf_stream_next(s)) {
      librdf_statement *stmt = librdf_stream_get_object(s);
      n_quads++;
      const char *subj = iri_of(librdf_statement_get_subject(stmt));
      const char *pred = iri_of(librdf_statement_get_predicate(stmt));
      const char *obj = iri_of(librdf_statement_get_object(stmt));
      if (!subj || !pred || !obj) {
        continue;
      }
      int k;
      if (strcmp(pred, RDF_TYPE) == 0) {
        if (find_in(obj, entity_classes, ARRAY_LEN(entity_classes)) >= 0 ||
            find_in(obj, event_classes, ARRAY_LEN(event_classes)) >= 0) {
          st = strv_add2(&typed, obj, subj);
        }
      } else if ((k = find_in(pred, fact_predicates,
                              ARRAY_LEN(fact_predicates))) >= 0) {
        fact_statements[k]++;
        /* symmetric facts are one fact whichever way they are written */
        bool swap = k < N_SYMMETRIC && strcmp(subj, obj) > 0;
        char *so = malloc(strlen(subj) + strlen(obj) + 2);
        if (!so) {
          st = NG_ERR_NOMEM;
          break;
        }
        snprintf(so, strlen(subj) + strlen(obj) + 2, "%s\x1f%s",
                 swap ? obj : subj, swap ? subj : obj);
        st = strv_add2(&facts, pred, so);
        free(so);
      }
    }
    if (s) {
      librdf_free_stream(s);
    }
    if (ctx) {
      librdf_free_node(ctx);
    }
  }
  if (st != NG_OK) {
    goto done;
  }
  strv_uniq(&typed);
  strv_uniq(&facts);

  /* Rows: kind, name, distinct count, statements over all graphs. */
  struct row {
    const char *kind, *iri;
    size_t n, statements;
  };
  struct row rows[2 + ARRAY_LEN(entity_classes) + ARRAY_LEN(event_classes) +
                  ARRAY_LEN(fact_predicates)];
  size_t n_rows = 0;
  rows[n_rows++] = (struct row){"total", "graphs", n_graphs, n_graphs};
  rows[n_rows++] = (struct row){"total", "quads", n_quads, n_quads};
  for (size_t i = 0; i < ARRAY_LEN(entity_classes); i++) {
    size_t c = count_prefix(&typed, entity_classes[i]);
    rows[n_rows++] = (struct row){"entity", entity_classes[i], c, c};
  }
  for (size_t i = 0; i < ARRAY_LEN(event_classes); i++) {
    size_t c = count_prefix(&typed, event_classes[i]);
    rows[n_rows++] = (struct row){"event", event_classes[i], c, c};
  }
  for (size_t i = 0; i < ARRAY_LEN(fact_predicates); i++) {
    rows[n_rows++] = (struct row){"relation", fact_predicates[i],
                                  count_prefix(&facts, fact_predicates[i]),
                                  fact_statements[i]};
  }
  if (fmt == 2) {
    json_object *o = json_object_new_object(), *a[3];
    const char *sect[3] = {"entities", "events", "relations"};
    if (!o) {
      st = NG_ERR_NOMEM;
      goto done;
    }
    json_object_object_add(o, "graphs",
                           json_object_new_int64((int64_t)n_graphs));
    json_object_object_add(o, "quads", json_object_new_int64((int64_t)n_quads));
    for (int k = 0; k < 3; k++) {
      a[k] = json_object_new_object();
      json_object_object_add(o, sect[k], a[k]);
    }
    for (size_t i = 2; i < n_rows; i++) {
      int k = rows[i].kind[1] == 'n' ? 0 : rows[i].kind[1] == 'v' ? 1 : 2;
      char curie[512];
      const char *name = ng__serialize_qualify(world, rows[i].iri, curie,
                                               sizeof curie)
                             ? curie : rows[i].iri;
      if (k == 2) {
        json_object *r = json_object_new_object();
        json_object_object_add(r, "distinct",
                               json_object_new_int64((int64_t)rows[i].n));
        json_object_object_add(
            r, "statements",
            json_object_new_int64((int64_t)rows[i].statements));
        json_object_object_add(a[k], name, r);
      } else {
        json_object_object_add(a[k], name,
                               json_object_new_int64((int64_t)rows[i].n));
      }
    }
    fprintf(out, "%s\n", json_object_to_json_string_ext(
                             o, JSON_C_TO_STRING_PRETTY |
                                    JSON_C_TO_STRING_NOSLASHESCAPE));
    json_object_put(o);
  } else {
    /* The first two lines keep the shape "graphs N", "quads N" that
     * scripts read; then one line per class, event type and relation. */
    const char *sep = fmt ? "," : "\t";
    const char *eol = fmt ? "\r\n" : "\n";
    fprintf(out, "graphs%s%zu%squads%s%zu%s", sep, n_graphs, eol, sep,
            n_quads, eol);
    for (size_t i = 2; i < n_rows; i++) {
      fprintf(out, "%s%s", rows[i].kind, sep);
      put_name(world, out, rows[i].iri);
      fprintf(out, "%s%zu", sep, rows[i].n);
      if (strcmp(rows[i].kind, "relation") == 0) {
        fprintf(out, "%s%zu", sep, rows[i].statements);
      }
      fputs(eol, out);
    }
  }
done:
  strv_clear(&typed);
  strv_clear(&facts);
  ng__store_free_graphs(graphs, n_graphs);
  if (st == NG_ERR_NOMEM) {
    return ng__errorf(world, st, "out of memory counting the store");
  }
  if (st == NG_ERR_RDF) {
    return ng__errorf(world, st, "cannot read the graphs of the store");
  }
  return st == NG_OK ? check_output(world, out) : st;
}

/* --------------------------------------------------------------- entity */

/* Runs the SELECT @p sparql: *q and *res for free_select(), both NULL
 * on failure. Errors: NG_ERR_RDF (named in the message). */
static ng_status
run_select(ng_store *store, librdf_world *lw, const char *sparql,
           librdf_query **q, librdf_query_results **res)
{
  ng_world *world = ng__store_world(store);
  *q = librdf_new_query(lw, "sparql", NULL, (const unsigned char *)sparql,
                        NULL);
  *res = *q ? librdf_model_query_execute(ng__store_model(store), *q) : NULL;
  if (*res) {
    return NG_OK;
  }
  return ng__errorf(world, NG_ERR_RDF, "cannot run the entity query%s%s",
                    world->rdf_error[0] ? ": " : "", world->rdf_error);
}

/* Frees what run_select() made (either may be NULL). */
static void
free_select(librdf_query *q, librdf_query_results *res)
{
  if (res) {
    librdf_free_query_results(res);
  }
  if (q) {
    librdf_free_query(q);
  }
}

/* Runs the SELECT @p sparql, whose one or two variables are bound to IRIs
 * or literals, and adds per row "v1" or "v1 0x1F v2" (IRI or lexical
 * form) to @p out. For Virtuoso stores, where librdf's own lookups see
 * only the default graph; the query runs on the server. */
static ng_status
select_values(ng_store *store, librdf_world *lw, const char *sparql,
              int n_vars, struct strv *out)
{
  librdf_query *q = NULL;
  librdf_query_results *res = NULL;
  ng_status st = run_select(store, lw, sparql, &q, &res);
  for (; res && st == NG_OK && !librdf_query_results_finished(res);
       librdf_query_results_next(res)) {
    librdf_node *v[2] = {NULL, NULL};
    const char *s[2] = {NULL, NULL};
    for (int i = 0; i < n_vars; i++) {
      v[i] = librdf_query_results_get_binding_value(res, i);
      s[i] = v[i] && librdf_node_is_literal(v[i])
                 ? (const char *)librdf_node_get_literal_value(v[i])
                 : iri_of(v[i]);
    }
    if (s[0] && (n_vars < 2 || s[1])) {
      st = strv_add2(out, s[0], n_vars < 2 ? NULL : s[1]);
    }
    for (int i = 0; i < n_vars; i++) {
      if (v[i]) {
        librdf_free_node(v[i]);
      }
    }
  }
  free_select(q, res);
  return st;
}

/* Adds to @p out the objects (IRI or lexical form) of (@p subject,
 * @p predicate, ?) in any graph. */
static ng_status
objects_of(ng_store *store, librdf_world *lw, const char *subject,
           const char *predicate, struct strv *out)
{
  ng_status st = NG_OK;
  if (ng__store_is_virtuoso(store)) {
    if (!ng__inspect_iri_ok(subject)) {
      return NG_OK; /* no such subject can be stored */
    }
    size_t len = strlen(subject) + strlen(predicate) + 64;
    char *q = malloc(len);
    if (!q) {
      return NG_ERR_NOMEM;
    }
    snprintf(q, len, "SELECT ?o WHERE { GRAPH ?g { <%s> <%s> ?o } }",
             subject, predicate);
    st = select_values(store, lw, q, 1, out);
    free(q);
    strv_uniq(out);
    return st;
  }
  librdf_node *s =
      librdf_new_node_from_uri_string(lw, (const unsigned char *)subject);
  librdf_node *p =
      librdf_new_node_from_uri_string(lw, (const unsigned char *)predicate);
  librdf_iterator *it =
      s && p ? librdf_model_get_targets(ng__store_model(store), s, p) : NULL;
  if (!it) {
    st = s && p ? NG_OK : NG_ERR_NOMEM; /* none */
  }
  for (; it && st == NG_OK && !librdf_iterator_end(it);
       librdf_iterator_next(it)) {
    librdf_node *o = librdf_iterator_get_object(it);
    const char *v = librdf_node_is_literal(o)
                        ? (const char *)librdf_node_get_literal_value(o)
                        : iri_of(o);
    if (v) {
      st = strv_add2(out, v, NULL);
    }
  }
  if (it) {
    librdf_free_iterator(it);
  }
  if (s) {
    librdf_free_node(s);
  }
  if (p) {
    librdf_free_node(p);
  }
  strv_uniq(out);
  return st;
}

/* Finds the entities @p name stands for: the IRI itself when it is one
 * that has a type in the store, else every subject with an rdfs:label or
 * skos:altLabel equal to @p name ignoring case (ng__inspect_fold()). The
 * name is compared in C, never put into a query. */
static ng_status
resolve(ng_store *store, librdf_world *lw, const char *name,
        struct strv *out)
{
  ng_status st = NG_OK;
  if (strchr(name, ':') && ng__inspect_iri_ok(name)) {
    struct strv types = {0};
    st = objects_of(store, lw, name, RDF_TYPE, &types);
    if (st == NG_OK && types.n > 0) {
      st = strv_add2(out, name, NULL);
    }
    strv_clear(&types);
    if (st != NG_OK || out->n > 0) {
      return st;
    }
  }
  char *want = ng__inspect_fold(name);
  if (!want) {
    return NG_ERR_NOMEM;
  }
  static const char *const label_props[] = {RDFS_LABEL, SKOS_ALT_LABEL};
  for (size_t k = 0; k < ARRAY_LEN(label_props) && st == NG_OK &&
                     ng__store_is_virtuoso(store);
       k++) {
    char q[256];
    struct strv rows = {0};
    snprintf(q, sizeof q, "SELECT ?s ?o WHERE { GRAPH ?g { ?s <%s> ?o } }",
             label_props[k]);
    st = select_values(store, lw, q, 2, &rows);
    for (size_t i = 0; i < rows.n && st == NG_OK; i++) {
      char *sep = strchr(rows.v[i], '\x1f');
      char *have = sep ? ng__inspect_fold(sep + 1) : NULL;
      if (sep && !have) {
        st = NG_ERR_NOMEM;
      } else if (have && strcmp(have, want) == 0) {
        *sep = '\0';
        st = strv_add2(out, rows.v[i], NULL);
      }
      free(have);
    }
    strv_clear(&rows);
  }
  for (size_t k = 0; k < ARRAY_LEN(label_props) && st == NG_OK &&
                     !ng__store_is_virtuoso(store);
       k++) {
    librdf_node *p = librdf_new_node_from_uri_string(
        lw, (const unsigned char *)label_props[k]);
    librdf_statement *pattern = p ? librdf_new_statement(lw) : NULL;
    if (pattern) {
      librdf_statement_set_predicate(pattern, p); /* takes p */
    }
    librdf_stream *s =
        pattern ? librdf_model_find_statements(ng__store_model(store),
                                               pattern)
                : NULL;
    if (!s) {
      st = pattern ? NG_ERR_RDF : NG_ERR_NOMEM;
    }
    for (; s && st == NG_OK && !librdf_stream_end(s);
         librdf_stream_next(s)) {
      librdf_statement *stmt = librdf_stream_get_object(s);
      librdf_node *o = librdf_statement_get_object(stmt);
      const char *subj = iri_of(librdf_statement_get_subject(stmt));
      if (!subj || !librdf_node_is_literal(o)) {
        continue;
      }
      char *have =
          ng__inspect_fold((const char *)librdf_node_get_literal_value(o));
      if (!have) {
        st = NG_ERR_NOMEM;
      } else if (strcmp(have, want) == 0) {
        st = strv_add2(out, subj, NULL);
      }
      free(have);
    }
    if (s) {
      librdf_free_stream(s);
    }
    if (pattern) {
      librdf_free_statement(pattern); /* frees p too */
    } else if (p) {
      librdf_free_node(p);
    }
  }
  free(want);
  strv_uniq(out);
  return st;
}

/* Runs the SELECT @p sparql and adds, per row, the values of its three
 * variables (IRIs only; a row with another term is skipped) to @p out as
 * "v1 0x1F v2 0x1F v3", each with the prefix @p tag before v2. */
static ng_status
select3(ng_store *store, librdf_world *lw, const char *sparql,
        const char *tag, struct strv *out)
{
  librdf_query *q = NULL;
  librdf_query_results *res = NULL;
  ng_status st = run_select(store, lw, sparql, &q, &res);
  for (; res && st == NG_OK && !librdf_query_results_finished(res);
       librdf_query_results_next(res)) {
    librdf_node *v[3];
    const char *s[3];
    for (int i = 0; i < 3; i++) {
      v[i] = librdf_query_results_get_binding_value(res, i);
      s[i] = iri_of(v[i]);
    }
    if (s[0] && s[1] && s[2]) {
      size_t len = strlen(tag) + strlen(s[1]) + strlen(s[2]) + 3;
      char *rest = malloc(len);
      if (!rest) {
        st = NG_ERR_NOMEM;
      } else {
        snprintf(rest, len, "%s%s\x1f%s", tag, s[1], s[2]);
        st = strv_add2(out, s[0], rest);
        free(rest);
      }
    }
    for (int i = 0; i < 3; i++) {
      if (v[i]) {
        librdf_free_node(v[i]);
      }
    }
  }
  free_select(q, res);
  return st;
}

/* Runs the SELECT @p sparql and adds per row the values of its @p n
 * variables @p names (all bound to IRIs; a row with another term is
 * skipped), in that order, joined by 0x1F, to @p out. Errors: those of
 * run_select(), NG_ERR_NOMEM. */
static ng_status
select_iris(ng_store *store, librdf_world *lw, const char *sparql,
            const char *const *names, int n, struct strv *out)
{
  librdf_query *q = NULL;
  librdf_query_results *res = NULL;
  ng_status st = run_select(store, lw, sparql, &q, &res);
  for (; res && st == NG_OK && !librdf_query_results_finished(res);
       librdf_query_results_next(res)) {
    struct ng_buf b;
    ng__buf_init(&b, 0);
    bool all = true;
    for (int i = 0; i < n && st == NG_OK; i++) {
      librdf_node *v = librdf_query_results_get_binding_value_by_name(
          res, names[i]);
      const char *s = iri_of(v);
      all = all && s;
      if (s) {
        st = ng__buf_addf(&b, "%s%s", i ? "\x1f" : "", s);
      }
      if (v) {
        librdf_free_node(v);
      }
    }
    if (st == NG_OK && all) {
      st = strv_add2(out, b.data, NULL);
    }
    ng__buf_free(&b);
  }
  free_select(q, res);
  return st;
}

/* Modalities of the rdf:Statement nodes of one fact in one graph
 * (VOCABULARY.md "Evidence and confidence"): a statement with no
 * ng:modality, or ng:Asserted, asserts it. */
#define MOD_ASSERTED 1u
#define MOD_PLANNED 2u
#define MOD_REPORTED 4u
#define MOD_DENIED 8u

static unsigned
mod_flag(const char *m)
{
  if (strcmp(m, NG_PLANNED) == 0) {
    return MOD_PLANNED;
  }
  if (strcmp(m, NG_REPORTED) == 0) {
    return MOD_REPORTED;
  }
  return strcmp(m, NG_DENIED) == 0 ? MOD_DENIED : MOD_ASSERTED;
}

/* Index of the first entry of sorted @p s not below @p key. */
static size_t
strv_lower(const struct strv *s, const char *key)
{
  size_t lo = 0, hi = s->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(s->v[mid], key) < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/* The fact key of a statement row: the predicate with '^' before it when
 * the entity is the object, except for a symmetric predicate
 * (VOCABULARY.md: written once, either way round); NULL for a predicate
 * that is no binary fact. */
static const char *
fact_pname(const char *p, bool inverse, char *buf, size_t cap)
{
  int k = find_in(p, fact_predicates, ARRAY_LEN(fact_predicates));
  if (k < 0) {
    return NULL;
  }
  snprintf(buf, cap, "%s%s", inverse && k >= N_SYMMETRIC ? "^" : "", p);
  return buf;
}

/* Collects into @p out, sorted, one entry "graph 0x1F [^]predicate 0x1F
 * other 0x1F flags" per fact of entity @p iri that rdf:Statement nodes
 * describe, flags being the MOD_ bits of its statements in that graph
 * plus '@' (a printable character). Errors: those of select_iris(). */
static ng_status
fact_modalities(ng_store *store, librdf_world *lw, const char *iri,
                struct strv *out)
{
  ng_status st = NG_OK;
  struct strv tmp = {0};
  for (int inverse = 0; inverse < 2 && st == NG_OK; inverse++) {
    struct strv with = {0}, all = {0};
    const char *me = inverse ? RDF_OBJECT : RDF_SUBJECT;
    const char *other = inverse ? RDF_SUBJECT : RDF_OBJECT;
    char q[4096];
    int len = snprintf(q, sizeof q,
                       "SELECT ?g ?p ?o ?s ?m WHERE { GRAPH ?g { ?s <%s> "
                       "<%s> . ?s <" RDF_PREDICATE "> ?p . ?s <%s> ?o . ?s "
                       "<" NG_MODALITY_P "> ?m } }",
                       me, iri, other);
    if (len < 0 || (size_t)len >= sizeof q) {
      break; /* write_one_entity() reports a long IRI */
    }
    static const char *const vars[] = {"g", "p", "o", "s", "m"};
    st = select_iris(store, lw, q, vars, 5, &with);
    snprintf(q, sizeof q,
             "SELECT ?g ?p ?o ?s WHERE { GRAPH ?g { ?s <%s> <%s> . ?s <"
             RDF_PREDICATE "> ?p . ?s <%s> ?o } }",
             me, iri, other);
    if (st == NG_OK) {
      st = select_iris(store, lw, q, vars, 4, &all);
    }
    strv_uniq(&with);
    strv_uniq(&all);
    for (size_t i = 0; i < all.n && st == NG_OK; i++) {
      /* all.v[i] is "g p o s": its modalities follow it in with */
      size_t kl = strlen(all.v[i]);
      unsigned flags = 0;
      for (size_t j = strv_lower(&with, all.v[i]);
           j < with.n && strncmp(with.v[j], all.v[i], kl) == 0; j++) {
        if (with.v[j][kl] == '\x1f') {
          flags |= mod_flag(with.v[j] + kl + 1);
        }
      }
      char *g = all.v[i], *p = g + field_len(g) + 1;
      char *o = p + field_len(p) + 1;
      char pbuf[512], fl[2] = {(char)('@' + (flags ? flags : MOD_ASSERTED)),
                               '\0'};
      g[field_len(g)] = '\0';
      p[field_len(p)] = '\0';
      o[field_len(o)] = '\0';
      const char *pname = fact_pname(p, inverse, pbuf, sizeof pbuf);
      if (!pname) {
        continue;
      }
      struct ng_buf b;
      ng__buf_init(&b, 0);
      st = ng__buf_addf(&b, "%s\x1f%s\x1f%s", g, pname, o);
      if (st == NG_OK) {
        st = strv_add2(&tmp, b.data, fl);
      }
      ng__buf_free(&b);
    }
    strv_clear(&with);
    strv_clear(&all);
  }
  /* one entry per fact and graph, its flags OR-ed */
  strv_uniq(&tmp);
  for (size_t i = 0; i < tmp.n && st == NG_OK; i++) {
    size_t kl = strlen(tmp.v[i]) - 2;
    if (out->n > 0 && strncmp(out->v[out->n - 1], tmp.v[i], kl + 1) == 0) {
      char *f = out->v[out->n - 1] + kl + 1;
      *f = (char)('@' + ((unsigned)(*f - '@') |
                         (unsigned)(tmp.v[i][kl + 1] - '@')));
    } else {
      st = strv_add2(out, tmp.v[i], NULL);
    }
  }
  strv_clear(&tmp);
  return st;
}

/* The MOD_ flags of fact (@p pname, @p other) in graph @p g from
 * fact_modalities()' @p mods, 0 when no statement describes it. */
static unsigned
mods_get(const struct strv *mods, const char *g, const char *pname,
         const char *other)
{
  struct ng_buf b;
  unsigned flags = 0;
  ng__buf_init(&b, 0);
  if (ng__buf_addf(&b, "%s\x1f%s\x1f%s\x1f", g, pname, other) == NG_OK) {
    size_t j = strv_lower(mods, b.data);
    if (j < mods->n && strncmp(mods->v[j], b.data, b.len) == 0 &&
        strlen(mods->v[j]) == b.len + 1) {
      flags = (unsigned)(mods->v[j][b.len] - '@');
    }
  }
  ng__buf_free(&b);
  return flags;
}

/* The marker written after a fact's relation: none for an asserted fact
 * (one that some statement in its graph asserts, or that no statement
 * describes), else " (planned)" or " (reported)". */
static const char *
mod_suffix(unsigned flags)
{
  if (!flags || (flags & MOD_ASSERTED)) {
    return "";
  }
  if (flags & MOD_PLANNED) {
    return " (planned)";
  }
  return flags & MOD_REPORTED ? " (reported)" : "";
}

/* The first literal of (@p subject, @p predicate), copied, or NULL. */
static char *
first_literal(ng_store *store, librdf_world *lw, const char *subject,
              const char *predicate)
{
  struct strv v = {0};
  char *r = NULL;
  if (objects_of(store, lw, subject, predicate, &v) == NG_OK && v.n > 0) {
    r = strdup(v.v[0]);
  }
  strv_clear(&v);
  return r;
}

/* One fact about the entity, with its support. */
struct fact {
  char *key;        /* "[^]predicate 0x1F other": borrowed from the list */
  size_t n_graphs;  /* articles that state it */
  size_t first;     /* index of its first entry in the sorted list */
};

static int
cmp_fact(const void *a, const void *b)
{
  const struct fact *x = a, *y = b;
  if (x->n_graphs != y->n_graphs) {
    return x->n_graphs < y->n_graphs ? 1 : -1;
  }
  return strcmp(x->key, y->key);
}

/* The date (xsd:date part) of article graph @p graph, or "". */
static void
graph_date(ng_store *store, librdf_world *lw, const char *graph,
           char out[11])
{
  char *d = first_literal(store, lw, graph, SCHEMA_DATE_PUBLISHED);
  snprintf(out, 11, "%s", d ? d : "");
  free(d);
}

/* Writes one entity: class, labels, sameAs, then each fact it takes part
 * in with the articles that state it. */
static ng_status
write_one_entity(ng_store *store, librdf_world *lw, const char *iri,
                 FILE *out)
{
  ng_world *world = ng__store_world(store);
  ng_status st = NG_OK;
  struct strv rows = {0}, mods = {0};
  struct fact *facts = NULL;
  size_t n_facts = 0;
  static const struct {
    const char *label, *predicate;
    bool iri;
  } props[] = {{"class", RDF_TYPE, true},
               {"label", RDFS_LABEL, false},
               {"altLabel", SKOS_ALT_LABEL, false},
               {"sameAs", OWL_SAME_AS, true}};
  fputs("entity\t", out);
  fputs(iri, out);
  fputc('\n', out);
  for (size_t k = 0; k < ARRAY_LEN(props) && st == NG_OK; k++) {
    struct strv v = {0};
    st = objects_of(store, lw, iri, props[k].predicate, &v);
    for (size_t i = 0; st == NG_OK && i < v.n; i++) {
      fprintf(out, "%s\t", props[k].label);
      if (props[k].iri) {
        put_name(world, out, v.v[i]);
      } else {
        put_tsv(out, v.v[i]);
      }
      fputc('\n', out);
    }
    strv_clear(&v);
  }
  if (st != NG_OK) {
    goto done;
  }
  /* The IRI came from the store or passed ng__inspect_iri_ok(): it can
   * stand between <> as it is. */
  char q[4096];
  int len = snprintf(q, sizeof q,
                     "SELECT ?g ?p ?o WHERE { GRAPH ?g { <%s> ?p ?o } }",
                     iri);
  if (len < 0 || (size_t)len >= sizeof q) {
    st = ng__errorf(world, NG_ERR_TOO_LARGE, "entity IRI too long: %.60s",
                    iri);
    goto done;
  }
  TRY_DONE(st, select3(store, lw, q, "", &rows));
  snprintf(q, sizeof q,
           "SELECT ?g ?p ?s WHERE { GRAPH ?g { ?s ?p <%s> } }", iri);
  TRY_DONE(st, select3(store, lw, q, "^", &rows));
  TRY_DONE(st, fact_modalities(store, lw, iri, &mods));
  /* Keep the binary facts; rows are "graph 0x1F [^]pred 0x1F other". Re-key
   * as "[^]pred[ (modality)] 0x1F other 0x1F graph" so that a sort groups
   * each fact; a fact an article only plans or reports is another fact
   * than one it asserts, and a denied one is never a plain triple:
   * it comes from its statement (VOCABULARY.md "Evidence and
   * confidence"). */
  struct strv keyed = {0};
  for (size_t i = 0; i < mods.n && st == NG_OK; i++) {
    char *g = mods.v[i], *p = g + field_len(g) + 1;
    char *o = p + field_len(p) + 1;
    size_t ol = field_len(o);
    if (!(((unsigned)(o[ol + 1] - '@')) & MOD_DENIED)) {
      continue;
    }
    struct ng_buf b;
    ng__buf_init(&b, 0);
    st = ng__buf_addf(&b, "%.*s (denied)\x1f%.*s", (int)field_len(p), p,
                      (int)ol, o);
    if (st == NG_OK) {
      g[field_len(g)] = '\0';
      st = strv_add2(&keyed, b.data, g);
      g[strlen(g)] = '\x1f';
    }
    ng__buf_free(&b);
  }
  for (size_t i = 0; i < rows.n && st == NG_OK; i++) {
    char *g = rows.v[i], *p = g + field_len(g) + 1;
    char *o = p + field_len(p) + 1;
    p[field_len(p)] = '\0';
    g[field_len(g)] = '\0';
    bool inverse = *p == '^';
    int k = find_in(p + inverse, fact_predicates, ARRAY_LEN(fact_predicates));
    if (k < 0) {
      continue;
    }
    /* VOCABULARY.md: symmetric facts are written once, either way round */
    const char *pname = k < N_SYMMETRIC ? p + inverse : p;
    const char *suffix = mod_suffix(mods_get(&mods, g, pname, o));
    size_t n = strlen(pname) + strlen(suffix) + strlen(o) + 2;
    char *po = malloc(n);
    if (!po) {
      st = NG_ERR_NOMEM;
      break;
    }
    snprintf(po, n, "%s%s\x1f%s", pname, suffix, o);
    st = strv_add2(&keyed, po, g);
    free(po);
  }
  strv_clear(&rows);
  rows = keyed;
  if (st != NG_OK) {
    goto done;
  }
  strv_uniq(&rows);
  facts = calloc(rows.n + 1, sizeof *facts);
  if (!facts) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  for (size_t i = 0; i < rows.n; i++) {
    size_t klen = field_len(rows.v[i]);
    klen += 1 + field_len(rows.v[i] + klen + 1);
    if (n_facts > 0 &&
        strncmp(facts[n_facts - 1].key, rows.v[i], klen) == 0 &&
        facts[n_facts - 1].key[klen] == '\x1f') {
      facts[n_facts - 1].n_graphs++;
      continue;
    }
    facts[n_facts++] = (struct fact){rows.v[i], 1, i};
  }
  qsort(facts, n_facts, sizeof *facts, cmp_fact);
  fputs("relation\tother\tother IRI\tarticles\tfirst\tlast\tsource "
        "articles\n", out);
  for (size_t f = 0; f < n_facts; f++) {
    const char *k = facts[f].key;
    size_t plen = field_len(k);
    char pred[512], other[2048];
    snprintf(pred, sizeof pred, "%.*s", (int)plen, k);
    snprintf(other, sizeof other, "%.*s", (int)field_len(k + plen + 1),
             k + plen + 1);
    char *label = first_literal(store, lw, other, RDFS_LABEL);
    char first[11] = "", last[11] = "";
    for (size_t i = facts[f].first; i < facts[f].first + facts[f].n_graphs;
         i++) {
      const char *g = rows.v[i] + plen + 1;
      g += field_len(g) + 1;
      char d[11];
      graph_date(store, lw, g, d);
      if (*d && (!*first || strcmp(d, first) < 0)) {
        memcpy(first, d, sizeof d);
      }
      if (*d && strcmp(d, last) > 0) {
        memcpy(last, d, sizeof d);
      }
    }
    if (pred[0] == '^') {
      fputc('^', out);
    }
    char *mark = strchr(pred, ' '); /* " (planned)": no IRI has a space */
    if (mark) {
      *mark = '\0';
    }
    put_name(world, out, pred + (pred[0] == '^'));
    if (mark) {
      *mark = ' ';
      fputs(mark, out);
    }
    fputc('\t', out);
    put_tsv(out, label ? label : "");
    free(label);
    fprintf(out, "\t%s\t%zu\t%s\t%s\t", other, facts[f].n_graphs, first,
            last);
    for (size_t i = facts[f].first; i < facts[f].first + facts[f].n_graphs;
         i++) {
      const char *g = rows.v[i] + plen + 1;
      g += field_len(g) + 1;
      fprintf(out, "%s%s", i > facts[f].first ? " " : "", g);
    }
    fputc('\n', out);
  }
done:
  free(facts);
  strv_clear(&rows);
  strv_clear(&mods);
  return st;
}

ng_status
ng_store_write_entity(ng_store *store, const char *name, FILE *out)
{
  ng_status st;
  struct strv iris = {0};
  librdf_world *lw;
  if (!store || !name || !out) {
    return NG_ERR_ARG;
  }
  ng_world *world = ng__store_world(store);
  TRY(st, ng__store_rdf_world(world, &lw));
  TRY_DONE(st, resolve(store, lw, name, &iris));
  if (iris.n == 0) {
    st = ng__errorf(world, NG_NOT_FOUND, "no entity named %s in the store",
                    name);
    goto done;
  }
  for (size_t i = 0; i < iris.n && st == NG_OK; i++) {
    if (!ng__inspect_iri_ok(iris.v[i])) {
      continue; /* cannot be queried safely; the store never mints one */
    }
    if (i > 0) {
      fputc('\n', out);
    }
    st = write_one_entity(store, lw, iris.v[i], out);
  }
done:
  strv_clear(&iris);
  if (st == NG_ERR_NOMEM) {
    return ng__errorf(world, st, "out of memory reading entity %s", name);
  }
  return st == NG_OK ? check_output(world, out) : st;
}
