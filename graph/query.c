/* SPDX-License-Identifier: MIT */
/* SPARQL over the union of the store's graphs through librdf/rasqal.
 * Refuses, with a clear message, what rasqal 0.9.33 cannot run or answers
 * wrongly without a word (REDLAND-NOTES.md §3, FAULT-CASES.md X07), and
 * writes SPARQL 1.1 JSON itself (json-c) because rasqal's JSON writer
 * emits invalid JSON for unbound values. */
#include "query.h"

#include "serialize.h"
#include "store.h"

#include <errno.h>
#include <json-c/json.h>
#include <redland.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------- scanning */

enum tok_kind { TK_IRI, TK_PNAME, TK_VAR, TK_WORD, TK_NUMBER, TK_STRING,
                TK_PUNCT };

struct tok {
  enum tok_kind kind;
  const char *s; /* start in the query text */
  size_t len;    /* bytes */
};

struct toks {
  struct tok *v;
  size_t n, cap;
};

static bool
push(struct toks *t, enum tok_kind kind, const char *s, size_t len)
{
  if (t->n == t->cap) {
    size_t ncap = t->cap ? 2 * t->cap : 128;
    struct tok *p = realloc(t->v, ncap * sizeof *p);
    if (!p) {
      return false;
    }
    t->v = p;
    t->cap = ncap;
  }
  t->v[t->n].kind = kind;
  t->v[t->n].s = s;
  t->v[t->n].len = len;
  t->n++;
  return true;
}

static bool
is_name_char(unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

/* Splits @p q into tokens; strings, IRIs and comments become one token
 * each (or none), so keywords inside them are never seen. */
static bool
tokenize(const char *q, struct toks *t)
{
  const char *p = q;
  while (*p) {
    unsigned char c = (unsigned char)*p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      p++;
    } else if (c == '#') {
      while (*p && *p != '\n') {
        p++;
      }
    } else if (c == '"' || c == '\'') {
      const char *b = p;
      bool longq = p[1] == (char)c && p[2] == (char)c;
      p += longq ? 3 : 1;
      while (*p) {
        if (*p == '\\' && p[1]) {
          p += 2;
        } else if (*p == (char)c &&
                   (!longq || (p[1] == (char)c && p[2] == (char)c))) {
          p += longq ? 3 : 1;
          break;
        } else {
          p++;
        }
      }
      if (!push(t, TK_STRING, b, (size_t)(p - b))) {
        return false;
      }
    } else if (c == '<') {
      const char *e = p + 1;
      while (*e && !strchr("<>\"{}|^`\\ \t\r\n", *e)) {
        e++;
      }
      if (*e == '>') {
        if (!push(t, TK_IRI, p, (size_t)(e + 1 - p))) {
          return false;
        }
        p = e + 1;
      } else {
        size_t n = p[1] == '=' ? 2 : 1;
        if (!push(t, TK_PUNCT, p, n)) {
          return false;
        }
        p += n;
      }
    } else if ((c == '?' || c == '$') && is_name_char((unsigned char)p[1])) {
      const char *b = p++;
      while (is_name_char((unsigned char)*p)) {
        p++;
      }
      if (!push(t, TK_VAR, b, (size_t)(p - b))) {
        return false;
      }
    } else if (is_name_char(c) ||
               (c == ':' && (is_name_char((unsigned char)p[1]) ||
                             p[1] == ' ' || p[1] == '\0'))) {
      const char *b = p;
      bool colon = false;
      while (is_name_char((unsigned char)*p) || *p == ':' || *p == '-' ||
             *p == '%' || (*p == '.' && is_name_char((unsigned char)p[1]))) {
        colon = colon || *p == ':';
        p++;
      }
      enum tok_kind k = colon                   ? TK_PNAME
                        : (c >= '0' && c <= '9') ? TK_NUMBER
                                                 : TK_WORD;
      if (!push(t, k, b, (size_t)(p - b))) {
        return false;
      }
    } else {
      size_t n = 1;
      if ((c == '|' && p[1] == '|') || (c == '&' && p[1] == '&') ||
          (c == '^' && p[1] == '^') || (c == '!' && p[1] == '=') ||
          (c == '>' && p[1] == '=')) {
        n = 2;
      }
      if (!push(t, TK_PUNCT, p, n)) {
        return false;
      }
      p += n;
    }
  }
  return true;
}

static bool
is_word(const struct tok *t, const char *w)
{
  return t->kind == TK_WORD && strlen(w) == t->len &&
         strncasecmp(t->s, w, t->len) == 0;
}

static bool
is_punct(const struct tok *t, const char *p)
{
  return t->kind == TK_PUNCT && strlen(p) == t->len &&
         strncmp(t->s, p, t->len) == 0;
}

/* A token that can stand for a predicate: an IRI, a prefixed name, "a". */
static bool
is_pred(const struct tok *t)
{
  return t->kind == TK_IRI || t->kind == TK_PNAME || is_word(t, "a");
}

ng_status
ng__query_check(ng_world *world, const char *sparql,
                enum ng_query_form *form)
{
  static const char *const update[] = {"INSERT", "DELETE", "LOAD", "CLEAR",
                                       "CREATE", "DROP",   "COPY", "MOVE",
                                       "ADD",    "WITH"};
  struct toks t = {0};
  ng_status st = NG_OK;
  *form = NG_QUERY_OTHER;
  if (!tokenize(sparql, &t)) {
    free(t.v);
    return NG_ERR_NOMEM;
  }
  const char *unsupported = NULL;
  int shown = 0;
  const char *shown_s = "";
  for (size_t i = 0; i < t.n && !unsupported; i++) {
    const struct tok *k = &t.v[i];
    const struct tok *prev = i > 0 ? &t.v[i - 1] : NULL;
    const struct tok *next = i + 1 < t.n ? &t.v[i + 1] : NULL;
    if (*form == NG_QUERY_OTHER) {
      if (is_word(k, "SELECT")) {
        *form = NG_QUERY_SELECT;
      } else if (is_word(k, "ASK")) {
        *form = NG_QUERY_ASK;
      } else if (is_word(k, "CONSTRUCT")) {
        *form = NG_QUERY_CONSTRUCT;
      }
    }
    if (is_word(k, "EXISTS")) {
      unsupported = "EXISTS / NOT EXISTS";
    } else if (is_word(k, "MINUS")) {
      unsupported = "MINUS";
    } else if (is_word(k, "DESCRIBE")) {
      unsupported = "DESCRIBE";
    } else if (is_word(k, "SERVICE")) {
      unsupported = "SERVICE (federated query)";
    }
    for (size_t u = 0; u < ARRAY_LEN(update) && !unsupported; u++) {
      if (is_word(k, update[u])) {
        unsupported = "SPARQL Update (the store changes only through "
                      "build and remove)";
      }
    }
    if (unsupported) {
      shown = (int)k->len;
      shown_s = k->s;
      break;
    }
    /* Property paths: '|' and a single '^' only occur in paths; '/' and
     * '!' between or before predicates; '*', '+', '?' right after one. */
    bool path = is_punct(k, "|") || is_punct(k, "^") ||
                (is_punct(k, "/") && prev && next && is_pred(prev) &&
                 (is_pred(next) || is_punct(next, "^") ||
                  is_punct(next, "(") || is_punct(next, "!"))) ||
                (is_punct(k, "!") && next &&
                 (next->kind == TK_IRI || next->kind == TK_PNAME ||
                  is_punct(next, "^"))) ||
                ((is_punct(k, "*") || is_punct(k, "+") || is_punct(k, "?")) &&
                 prev && is_pred(prev) && k->s == prev->s + prev->len);
    if (path) {
      unsupported = "a property path";
      shown = prev ? (int)(k->s + k->len - prev->s) : (int)k->len;
      shown_s = prev ? prev->s : k->s;
      if (shown > 60) {
        shown = 60;
      }
      break;
    }
    /* Silently wrong in rasqal: warn, still run. */
    if (is_word(k, "COUNT") && next && is_punct(next, "(") && i + 2 < t.n &&
        is_word(&t.v[i + 2], "DISTINCT")) {
      ng__warnf(world, "COUNT(DISTINCT ...) over-counts in rasqal beyond "
                "about 200 rows (REDLAND-NOTES.md §3)");
    }
    if (is_word(k, "VALUES") && prev && is_punct(prev, "{")) {
      ng__warnf(world, "VALUES at the start of a group gives wrong "
                "bindings in rasqal: put it after the patterns");
    }
  }
  if (unsupported) {
    st = ng__errorf(world, NG_ERR_PARSE,
                    "the query uses %s (\"%.*s\"), which rasqal, the SPARQL "
                    "engine, cannot run",
                    unsupported, shown, shown_s);
  } else if (*form == NG_QUERY_OTHER) {
    st = ng__errorf(world, NG_ERR_PARSE, "not a SELECT, ASK or CONSTRUCT "
                    "query");
  }
  free(t.v);
  return st;
}

/* ----------------------------------------------------------------- JSON */

/* One binding as a SPARQL 1.1 JSON term object, or NULL. */
static json_object *
json_term(librdf_node *node)
{
  struct ng_term t;
  if (!node || !ng__store_term(node, &t)) {
    return NULL;
  }
  json_object *o = json_object_new_object();
  if (!o) {
    return NULL;
  }
  const char *type = t.kind == NG_TERM_IRI     ? "uri"
                     : t.kind == NG_TERM_BLANK ? "bnode"
                                               : "literal";
  json_object_object_add(o, "type", json_object_new_string(type));
  json_object_object_add(o, "value", json_object_new_string(t.value));
  if (t.kind == NG_TERM_LITERAL && t.lang && *t.lang) {
    json_object_object_add(o, "xml:lang", json_object_new_string(t.lang));
  } else if (t.kind == NG_TERM_LITERAL && t.datatype) {
    json_object_object_add(o, "datatype",
                           json_object_new_string(t.datatype));
  }
  return o;
}

static const int json_flags =
    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE;

/* SPARQL 1.1 Query Results JSON, one row at a time (constant memory).
 * Unbound variables are left out of a row, as the format says. */
static ng_status
write_json(librdf_query_results *res, FILE *out)
{
  if (librdf_query_results_is_boolean(res)) {
    int b = librdf_query_results_get_boolean(res);
    fprintf(out, "{\"head\":{},\"boolean\":%s}\n", b > 0 ? "true" : "false");
    return NG_OK;
  }
  int n = librdf_query_results_get_bindings_count(res);
  json_object *vars = json_object_new_array();
  if (!vars) {
    return NG_ERR_NOMEM;
  }
  for (int i = 0; i < n; i++) {
    const char *name = librdf_query_results_get_binding_name(res, i);
    json_object_array_add(vars, json_object_new_string(name ? name : ""));
  }
  fprintf(out, "{\"head\":{\"vars\":%s},\"results\":{\"bindings\":[",
          json_object_to_json_string_ext(vars, json_flags));
  json_object_put(vars);
  bool first = true;
  for (; !librdf_query_results_finished(res);
       librdf_query_results_next(res)) {
    json_object *row = json_object_new_object();
    if (!row) {
      return NG_ERR_NOMEM;
    }
    for (int i = 0; i < n; i++) {
      librdf_node *v = librdf_query_results_get_binding_value(res, i);
      json_object *term = json_term(v);
      if (term) {
        json_object_object_add(
            row, librdf_query_results_get_binding_name(res, i), term);
      }
      if (v) {
        librdf_free_node(v);
      }
    }
    fprintf(out, "%s\n%s", first ? "" : ",",
            json_object_to_json_string_ext(row, json_flags));
    json_object_put(row);
    first = false;
  }
  fputs("]}}\n", out);
  return NG_OK;
}

/* A table cell for @p node: prefixed name or <IRI>, _:blank, or a quoted
 * literal with its tag or short datatype (malloc'd; NULL when OOM). */
static char *
cell(ng_world *world, librdf_node *node)
{
  struct ng_term t;
  char curie[512], *s = NULL;
  size_t len = 0;
  FILE *f;
  if (!node || !ng__store_term(node, &t)) {
    return strdup("");
  }
  f = open_memstream(&s, &len);
  if (!f) {
    return NULL;
  }
  switch (t.kind) {
  case NG_TERM_IRI:
    if (ng__serialize_qualify(world, t.value, curie, sizeof curie)) {
      fputs(curie, f);
    } else {
      fprintf(f, "<%s>", t.value);
    }
    break;
  case NG_TERM_BLANK:
    fprintf(f, "_:%s", t.value);
    break;
  case NG_TERM_LITERAL:
    fputc('"', f);
    for (const char *p = t.value; *p; p++) {
      if (*p == '\n') {
        fputs("\\n", f);
      } else if (*p == '\r' || *p == '\t') {
        fputc(' ', f);
      } else {
        fputc(*p, f);
      }
    }
    fputc('"', f);
    if (t.lang && *t.lang) {
      fprintf(f, "@%s", t.lang);
    } else if (t.datatype &&
               ng__serialize_qualify(world, t.datatype, curie,
                                     sizeof curie)) {
      fprintf(f, "^^%s", curie);
    } else if (t.datatype) {
      fprintf(f, "^^<%s>", t.datatype);
    }
    break;
  }
  fclose(f);
  return s;
}

/* Display width of a UTF-8 string: its code points. */
static size_t
width(const char *s)
{
  size_t n = 0;
  for (; *s; s++) {
    n += ((unsigned char)*s & 0xC0) != 0x80;
  }
  return n;
}

static void
put_row(FILE *out, char **cells, const size_t *w, int n)
{
  for (int i = 0; i < n; i++) {
    fprintf(out, "| %s%*s ", cells[i], (int)(w[i] - width(cells[i])), "");
  }
  fputs("|\n", out);
}

/* A plain-text table (rasqal's "table" writer loses the header through
 * librdf). Rows are kept in memory to size the columns. */
static ng_status
write_table(ng_world *world, librdf_query_results *res, FILE *out)
{
  ng_status st = NG_OK;
  if (librdf_query_results_is_boolean(res)) {
    fprintf(out, "%s\n",
            librdf_query_results_get_boolean(res) > 0 ? "true" : "false");
    return NG_OK;
  }
  int n = librdf_query_results_get_bindings_count(res);
  size_t rows = 0, cap = 0;
  char **cells = NULL;
  size_t *w = calloc((size_t)n + 1, sizeof *w);
  char **head = calloc((size_t)n + 1, sizeof *head);
  if (!w || !head) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  for (int i = 0; i < n; i++) {
    const char *name = librdf_query_results_get_binding_name(res, i);
    size_t k = strlen(name ? name : "") + 2;
    head[i] = malloc(k);
    if (!head[i]) {
      st = NG_ERR_NOMEM;
      goto done;
    }
    snprintf(head[i], k, "?%s", name ? name : "");
    w[i] = width(head[i]);
  }
  for (; !librdf_query_results_finished(res);
       librdf_query_results_next(res)) {
    if ((rows + 1) * (size_t)n > cap) {
      size_t ncap = cap ? 2 * cap : 64 * ((size_t)n + 1);
      char **p = realloc(cells, ncap * sizeof *p);
      if (!p) {
        st = NG_ERR_NOMEM;
        goto done;
      }
      cells = p;
      cap = ncap;
    }
    for (int i = 0; i < n; i++) {
      librdf_node *v = librdf_query_results_get_binding_value(res, i);
      char *c = cell(world, v);
      if (v) {
        librdf_free_node(v);
      }
      cells[rows * (size_t)n + (size_t)i] = c ? c : strdup("");
      if (!cells[rows * (size_t)n + (size_t)i]) {
        for (int k = i + 1; k < n; k++) {
          cells[rows * (size_t)n + (size_t)k] = NULL;
        }
        rows++;
        st = NG_ERR_NOMEM;
        goto done;
      }
      size_t cw = width(cells[rows * (size_t)n + (size_t)i]);
      w[i] = cw > w[i] ? cw : w[i];
    }
    rows++;
  }
  put_row(out, head, w, n);
  for (int i = 0; i < n; i++) {
    fputc('|', out);
    for (size_t k = 0; k < w[i] + 2; k++) {
      fputc('-', out);
    }
  }
  fputs("|\n", out);
  for (size_t r = 0; r < rows; r++) {
    put_row(out, cells + r * (size_t)n, w, n);
  }
done:
  for (size_t i = 0; cells && i < rows * (size_t)n; i++) {
    free(cells[i]);
  }
  free(cells);
  for (int i = 0; head && i < n; i++) {
    free(head[i]);
  }
  free(head);
  free(w);
  return st;
}

/* CONSTRUCT results through our serializer (Turtle or N-Triples). */
static ng_status
write_graph(ng_world *world, librdf_query_results *res, ng_syntax syntax,
            FILE *out)
{
  ng_status st = NG_OK;
  struct ng_writer *w = NULL;
  librdf_stream *stream = librdf_query_results_as_stream(res);
  if (!stream) {
    return ng__errorf(world, NG_ERR_RDF, "cannot read the query results");
  }
  TRY_DONE(st, ng__writer_new(world, syntax, out, &w));
  for (; !librdf_stream_end(stream); librdf_stream_next(stream)) {
    librdf_statement *stmt = librdf_stream_get_object(stream);
    struct ng_quad q = {0};
    struct ng_term p;
    if (!stmt || !ng__store_term(librdf_statement_get_subject(stmt),
                                 &q.subject) ||
        !ng__store_term(librdf_statement_get_predicate(stmt), &p) ||
        !ng__store_term(librdf_statement_get_object(stmt), &q.object)) {
      continue;
    }
    q.predicate = p.value;
    TRY_DONE(st, ng__writer_write(w, &q));
  }
  st = ng__writer_finish(w);
done:
  ng__writer_free(w);
  librdf_free_stream(stream);
  return st;
}

ng_status
ng_store_query(ng_store *store, const char *sparql, const char *format,
               FILE *out)
{
  static const char *const table_formats[] = {"table", "csv", "tsv", "json",
                                              "xml"};
  ng_status st;
  enum ng_query_form form;
  if (!store || !sparql || !out) {
    return NG_ERR_ARG;
  }
  ng_world *world = ng__store_world(store);
  TRY(st, ng__query_check(world, sparql, &form));
  bool graph_form = form == NG_QUERY_CONSTRUCT;
  if (!format) {
    format = graph_form ? "turtle" : "table";
  }
  bool ok = false;
  ng_syntax syntax = NG_SYNTAX_TURTLE;
  if (graph_form) {
    ok = strcmp(format, "turtle") == 0 || strcmp(format, "ntriples") == 0;
    syntax = format[0] == 't' ? NG_SYNTAX_TURTLE : NG_SYNTAX_NTRIPLES;
  } else {
    for (size_t i = 0; i < ARRAY_LEN(table_formats); i++) {
      ok = ok || strcmp(format, table_formats[i]) == 0;
    }
  }
  if (!ok) {
    return ng__errorf(world, NG_ERR_ARG, "format %s does not fit a %s "
                      "query (SELECT/ASK: table, csv, tsv, json, xml; "
                      "CONSTRUCT: turtle, ntriples)",
                      format, graph_form ? "CONSTRUCT" : "SELECT/ASK");
  }
  librdf_world *lw;
  TRY(st, ng__store_rdf_world(world, &lw));
  world->rdf_error[0] = '\0';
  librdf_query *query = librdf_new_query(lw, "sparql", NULL,
                                         (const unsigned char *)sparql, NULL);
  if (!query) {
    return ng__errorf(world, NG_ERR_PARSE, "the query does not parse%s%s",
                      world->rdf_error[0] ? ": " : "", world->rdf_error);
  }
  librdf_query_results *res =
      librdf_model_query_execute(ng__store_model(store), query);
  if (!res) {
    librdf_free_query(query);
    return ng__errorf(world, NG_ERR_PARSE, "the query does not parse or "
                      "cannot run%s%s",
                      world->rdf_error[0] ? ": " : "", world->rdf_error);
  }
  if (graph_form) {
    st = write_graph(world, res, syntax, out);
  } else if (strcmp(format, "json") == 0) {
    st = write_json(res, out);
  } else if (strcmp(format, "table") == 0) {
    st = write_table(world, res, out);
  } else if (librdf_query_results_to_file_handle2(res, out, format, NULL,
                                                  NULL, NULL) != 0) {
    st = ng__errorf(world, NG_ERR_RDF, "cannot write the results as %s",
                    format);
  }
  librdf_free_query_results(res);
  librdf_free_query(query);
  if (st == NG_OK && (fflush(out) != 0 || ferror(out))) {
    st = ng__errorf(world, NG_ERR_IO, "cannot write the query results: %s",
                    strerror(errno));
  }
  return st;
}
