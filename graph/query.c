/* SPDX-License-Identifier: MIT */
/* SPARQL over the union of the store's graphs through librdf/rasqal.
 * Refuses, with a clear message, what rasqal 0.9.33 cannot run or answers
 * wrongly without a word (REDLAND-NOTES.md §3, FAULT-CASES.md X07),
 * repairs the time zones rasqal writes wrongly, and writes every result
 * format itself from the repaired terms: rasqal's writers print its
 * broken strings, and its JSON, CSV, TSV and XML writers fail on empty or
 * unbound results. */
#include "query.h"

#include "buf.h"

#include "serialize.h"
#include "store.h"
#include "utf8.h"
#include "vocab.h"

#include <errno.h>
#include <json-c/json.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <libxml/xmlwriter.h>
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
  int depth = 0, sub_depth = 0; /* braces; depth of an open sub-SELECT */
  bool sub_closed = false, warned_sub = false, warned_ymd = false;
  bool date_literal = false, date_cast = false;
  const struct tok *date_var[8];     /* objects of date properties */
  size_t n_date_var = 0;
  bool order_date = false; /* ORDER BY on one of them, not in STR() */
  size_t order_at = 0;     /* token after ORDER BY, or 0 */
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
    } else if (is_word(k, "FROM")) {
      /* librdf ignores the dataset and queries every graph. */
      unsupported = "FROM / FROM NAMED (the query would run over every "
                    "graph: use GRAPH <IRI> { ... })";
    } else if (is_word(k, "BY") && prev && is_word(prev, "GROUP") && next &&
               is_punct(next, "(")) {
      /* Wrong keys and merged groups (seen with STRLEN, YEAR, DATATYPE). */
      unsupported = "GROUP BY on an expression (rasqal groups it wrongly: "
                    "BIND it to a variable and group by that)";
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
                "about 200 rows: count a sub-SELECT DISTINCT instead");
    }
    if ((is_word(k, "YEAR") || is_word(k, "MONTH") || is_word(k, "DAY")) &&
        next && is_punct(next, "(") && !warned_ymd) {
      warned_ymd = true;
      ng__warnf(world, "%.*s() gives no value on an xsd:date in rasqal, and "
                "schema:datePublished may be one: use "
                "xsd:integer(SUBSTR(STR(?d), 1, 4)) (year), 6, 2 (month) "
                "or 9, 2 (day)", (int)k->len, k->s);
    }
    if (is_word(k, "VALUES") && prev && is_punct(prev, "{")) {
      ng__warnf(world, "VALUES at the start of a group gives wrong "
                "bindings in rasqal: put it after the patterns");
    }
    /* REDLAND-NOTES.md §3: a FILTER outside a sub-SELECT (on its
     * aggregate, typically) gives shifted and unfiltered rows. */
    depth += is_punct(k, "{") - is_punct(k, "}");
    if (is_word(k, "SELECT") && depth > 0 && !sub_depth) {
      sub_depth = depth;
    } else if (sub_depth && depth < sub_depth) {
      sub_closed = true;
      sub_depth = 0;
    }
    if (sub_closed && !warned_sub && is_word(k, "FILTER")) {
      warned_sub = true;
      ng__warnf(world, "a FILTER outside a sub-SELECT gives wrong rows in "
                "rasqal: use HAVING inside it");
    }
    /* An xsd:dateTime never compares with an xsd:date in rasqal: the row
     * is dropped without a word, and schema:datePublished is either. */
    bool xsd_date =
        (k->kind == TK_PNAME && k->len == 8 &&
         strncmp(k->s, "xsd:date", 8) == 0) ||
        (k->kind == TK_IRI && k->len == strlen(XSD_DATE) + 2 &&
         strncmp(k->s + 1, XSD_DATE, strlen(XSD_DATE)) == 0);
    date_literal = date_literal ||
                   (xsd_date && prev && is_punct(prev, "^^"));
    date_cast = date_cast || (xsd_date && next && is_punct(next, "("));
    /* ?d in "?a schema:datePublished ?d": a property named for a date
     * whose values may be xsd:date or xsd:dateTime. */
    if ((k->kind == TK_PNAME || k->kind == TK_IRI) && !xsd_date && next &&
        next->kind == TK_VAR && n_date_var < ARRAY_LEN(date_var)) {
      for (size_t c = 0; c + 4 <= k->len; c++) {
        if (strncasecmp(k->s + c, "date", 4) == 0) {
          date_var[n_date_var++] = next;
          break;
        }
      }
    }
    if (is_word(k, "BY") && prev && is_word(prev, "ORDER")) {
      order_at = i + 1;
    }
    if (order_at && i >= order_at && k->kind == TK_VAR &&
        !(prev && is_punct(prev, "(") && i >= 2 &&
          is_word(&t.v[i - 2], "STR"))) {
      for (size_t d = 0; d < n_date_var; d++) {
        if (date_var[d]->len == k->len &&
            strncmp(date_var[d]->s + 1, k->s + 1, k->len - 1) == 0) {
          order_date = true;
        }
      }
    }
  }
  if (!unsupported && order_date) {
    /* Seen: ORDER BY ?d puts every xsd:date after (or before) every
     * xsd:dateTime, whatever the days. */
    ng__warnf(world, "ORDER BY sorts xsd:date and xsd:dateTime values "
              "apart in rasqal (not by day), and schema:datePublished may "
              "be either: ORDER BY STR(?d) orders both by their text");
  }
  if (!unsupported && date_literal && !date_cast) {
    ng__warnf(world, "rasqal never finds an xsd:dateTime equal to, before "
              "or after an xsd:date (such rows are dropped), and "
              "schema:datePublished may be either: compare "
              "xsd:date(SUBSTR(STR(?d), 1, 10))");
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

/* ------------------------------------------------ rasqal's time zones */

/* rasqal_xsd_timezone_format() (src/rasqal_datetime.c, rasqal 0.9.33 and
 * every later release so far) writes an offset of m minutes past the hour
 * (0..59) as
 *     buffer[4] = (mins / 10) + '0';
 *     mins -= mins * 10;              -- meant: mins -= (mins / 10) * 10
 *     buffer[5] = mins + '0';
 * so the last byte is (char)('0' - 9 * m), mod 256: "+05:30" comes out as
 * "+05:3\"" and "+09:45" as "+09:4" and the byte 0x9B (invalid UTF-8).
 * The value rasqal compares is right; only the string is wrong, and it is
 * the string every query result carries. 9 is invertible mod 256 and
 * m < 60 < 256, so the byte gives m back: the unique m in 0..59 with
 * (48 - 9 m) mod 256 == byte, accepted only when m / 10 is the tens digit
 * written before it. The same function writes '-' for every zero offset
 * (`!mins ? '-'`), so "+00:00" comes back "-00:00". Both bugs are probed
 * on the linked rasqal (ng__query_rasqal_bugs()), so a fixed rasqal's
 * correct strings, such as "+05:24" (which the minutes rule alone would
 * read as 28), are never "repaired". */

unsigned
ng__query_rasqal_bugs(struct librdf_world_s *rdf_world)
{
  static const struct {
    const char *in, *right, *wrong; /* wrong: NULL = anything not right */
    unsigned bug;
  } probes[] = {
      {"2000-01-01T00:00:00+05:30", "2000-01-01T00:00:00+05:30", NULL,
       NG__RASQAL_ZONE_MINUTES},
      {"2000-01-01T00:00:00+00:00", "2000-01-01T00:00:00+00:00",
       "2000-01-01T00:00:00-00:00", NG__RASQAL_ZONE_SIGN},
  };
  rasqal_world *rw = rdf_world ? librdf_world_get_rasqal(rdf_world) : NULL;
  unsigned bugs = 0;
  for (size_t i = 0; i < ARRAY_LEN(probes); i++) {
    rasqal_xsd_datetime *dt =
        rw ? rasqal_new_xsd_datetime(rw, probes[i].in) : NULL;
    char *s = dt ? rasqal_xsd_datetime_to_string(dt) : NULL;
    if (!s ? true
           : probes[i].wrong ? strcmp(s, probes[i].wrong) == 0
                             : strcmp(s, probes[i].right) != 0) {
      bugs |= probes[i].bug;
    }
    if (s) {
      rasqal_free_memory(s);
    }
    if (dt) {
      rasqal_free_xsd_datetime(dt);
    }
  }
  return bugs;
}

static bool
is_digit(char c)
{
  return c >= '0' && c <= '9';
}

bool
ng__query_repair_zone(const char *datatype, char *lex, unsigned bugs)
{
  if (!datatype || !lex ||
      (strcmp(datatype, XSD_DATE_TIME) != 0 &&
       strcmp(datatype, XSD_DATE) != 0)) {
    return false;
  }
  size_t len = strlen(lex);
  if (len < 7) {
    return false;
  }
  char *z = lex + len - 6; /* [+-]HH:M and one byte */
  if (!((z[0] == '+' || z[0] == '-') && is_digit(z[1]) && is_digit(z[2]) &&
        z[3] == ':' && is_digit(z[4]))) {
    return false;
  }
  bool changed = false;
  if (bugs & NG__RASQAL_ZONE_MINUTES) {
    unsigned char b = (unsigned char)z[5];
    for (int m = 0; m < 60; m++) {
      if ((unsigned char)(48 - 9 * m) == b) { /* at most one m matches */
        char unit = (char)('0' + m % 10);
        if (m / 10 == z[4] - '0' && z[5] != unit) {
          z[5] = unit;
          changed = true;
        }
        break;
      }
    }
  }
  if ((bugs & NG__RASQAL_ZONE_SIGN) && strcmp(z, "-00:00") == 0) {
    z[0] = '+';
    changed = true;
  }
  return changed;
}

/* ---------------------------------------------------------- result terms */

/* One term of a result as written: owned copies of the node's strings,
 * the time zone repaired, then made valid UTF-8 (ng__utf8_sanitize() as a
 * last resort), so no output format can carry rasqal's bytes. */
struct rterm {
  bool bound;        /* false: unbound (t is all zero) */
  struct ng_term t;  /* value / lang / datatype point into own[] */
  char *own[3];
};

static void
rterm_clear(struct rterm *r)
{
  for (size_t i = 0; i < ARRAY_LEN(r->own); i++) {
    free(r->own[i]);
  }
  memset(r, 0, sizeof *r);
}

/* A valid UTF-8 copy of the owned string *s (replaced in place). */
static bool
make_valid(char **s)
{
  size_t len = strlen(*s);
  if (ng__utf8_is_valid(*s, len)) {
    return true;
  }
  char *clean = ng__utf8_sanitize(*s, len, NULL);
  if (!clean) {
    return false;
  }
  free(*s);
  *s = clean;
  return true;
}

/* Fills @p r (cleared first) from @p node (borrowed; NULL = unbound).
 * NG_ERR_NOMEM on failure. */
static ng_status
rterm_set(struct rterm *r, void *node, unsigned bugs)
{
  struct ng_term t;
  rterm_clear(r);
  if (!node || !ng__store_term(node, &t)) {
    return NG_OK;
  }
  const char *src[3] = {t.value, t.lang && *t.lang ? t.lang : NULL,
                        t.kind == NG_TERM_LITERAL ? t.datatype : NULL};
  for (size_t i = 0; i < ARRAY_LEN(src); i++) {
    if (src[i] && !(r->own[i] = strdup(src[i]))) {
      rterm_clear(r);
      return NG_ERR_NOMEM;
    }
  }
  /* Repair first: the broken byte may be >= 0x80, which sanitizing would
   * turn into U+FFFD and lose. */
  if (t.kind == NG_TERM_LITERAL) {
    ng__query_repair_zone(r->own[2], r->own[0], bugs);
  }
  for (size_t i = 0; i < ARRAY_LEN(src); i++) {
    if (r->own[i] && !make_valid(&r->own[i])) {
      rterm_clear(r);
      return NG_ERR_NOMEM;
    }
  }
  r->bound = true;
  r->t.kind = t.kind;
  r->t.value = r->own[0];
  r->t.lang = r->own[1];
  r->t.datatype = r->own[2];
  return NG_OK;
}

/* A SELECT or ASK result being written: the variable names (valid UTF-8
 * copies, taken before the first row is consumed) and the current row. */
struct sel {
  ng_world *world;
  librdf_query_results *res;
  unsigned bugs;
  bool boolean;      /* an ASK result */
  int n;             /* variables */
  char **names;      /* n names, without "?" */
  struct rterm *row; /* n terms of the current row */
  bool synthetic;    /* the one row of an empty aggregate is in row[] */
  bool none;         /* GROUP BY over no match: write no row at all */
};

static void
sel_clear(struct sel *s)
{
  for (int i = 0; s->names && i < s->n; i++) {
    free(s->names[i]);
  }
  for (int i = 0; s->row && i < s->n; i++) {
    rterm_clear(&s->row[i]);
  }
  free(s->names);
  free(s->row);
  s->names = NULL;
  s->row = NULL;
}

/* Adds the copy of @p name as variable s->n. */
static bool
sel_add_name(struct sel *s, const char *name)
{
  char **p = realloc(s->names, ((size_t)s->n + 1) * sizeof *p);
  if (!p) {
    return false;
  }
  s->names = p;
  if (!(p[s->n] = strdup(name ? name : "")) || !make_valid(&p[s->n])) {
    free(p[s->n]);
    return false;
  }
  s->n++;
  return true;
}

/* The projected variables of @p sparql, for a result with no row, where
 * librdf gives none (rasqal_query_results_get_bindings_count() counts the
 * current row's fields): parsed again with rasqal itself. */
static ng_status
sel_names_from_query(struct sel *s, librdf_world *lw, const char *sparql)
{
  static const char *const langs[] = {"sparql11", "sparql"};
  rasqal_world *rw = librdf_world_get_rasqal(lw);
  for (size_t k = 0; rw && k < ARRAY_LEN(langs); k++) {
    rasqal_query *rq = rasqal_new_query(rw, langs[k], NULL);
    if (!rq) {
      continue;
    }
    raptor_sequence *seq = NULL;
    if (rasqal_query_prepare(rq, (const unsigned char *)sparql, NULL) == 0) {
      seq = rasqal_query_get_bound_variable_sequence(rq);
    }
    for (int i = 0; seq && i < raptor_sequence_size(seq); i++) {
      rasqal_variable *v = raptor_sequence_get_at(seq, i);
      if (v && !sel_add_name(s, (const char *)v->name)) {
        rasqal_free_query(rq);
        return NG_ERR_NOMEM;
      }
    }
    rasqal_free_query(rq);
    if (seq) {
      break;
    }
  }
  return NG_OK;
}

/* REDLAND-NOTES.md §3: rasqal gives no row for an aggregate query without
 * GROUP BY over no match, where SPARQL 1.1 §11.2 (one group, the empty
 * one) gives one row: COUNT and SUM 0 (§18.5.1.2-3), GROUP_CONCAT "", the
 * rest unbound (AVG's 0 is left out: rasqal would type it differently).
 * For such a query with no result, fills s->row with that row and sets
 * s->synthetic. A query rasqal cannot parse again is left as it is. */
static ng_status
sel_empty_aggregate(struct sel *s, librdf_world *lw, const char *sparql)
{
  rasqal_world *rw = librdf_world_get_rasqal(lw);
  rasqal_query *rq = rw ? rasqal_new_query(rw, "sparql11", NULL) : NULL;
  ng_status st = NG_OK;
  if (!rq || rasqal_query_prepare(rq, (const unsigned char *)sparql, NULL)) {
    goto done;
  }
  raptor_sequence *groups = rasqal_query_get_group_conditions_sequence(rq);
  raptor_sequence *vars = rasqal_query_get_bound_variable_sequence(rq);
  if ((groups && raptor_sequence_size(groups) > 0) || !vars) {
    goto done;
  }
  bool aggregate = false;
  for (int i = 0; i < raptor_sequence_size(vars); i++) {
    rasqal_variable *v = raptor_sequence_get_at(vars, i);
    if (v && v->expression &&
        (v->expression->op == RASQAL_EXPR_COUNT ||
         v->expression->op == RASQAL_EXPR_SUM ||
         v->expression->op == RASQAL_EXPR_AVG ||
         v->expression->op == RASQAL_EXPR_MIN ||
         v->expression->op == RASQAL_EXPR_MAX ||
         v->expression->op == RASQAL_EXPR_SAMPLE ||
         v->expression->op == RASQAL_EXPR_GROUP_CONCAT)) {
      aggregate = true;
    }
  }
  for (int k = 0; aggregate && k < s->n; k++) {
    for (int i = 0; i < raptor_sequence_size(vars); i++) {
      rasqal_variable *v = raptor_sequence_get_at(vars, i);
      if (!v || !v->expression || !v->name ||
          strcmp((const char *)v->name, s->names[k]) != 0) {
        continue;
      }
      rasqal_op op = v->expression->op;
      const char *lex = op == RASQAL_EXPR_COUNT || op == RASQAL_EXPR_SUM
                            ? "0"
                        : op == RASQAL_EXPR_GROUP_CONCAT ? ""
                                                         : NULL;
      if (!lex) {
        break;
      }
      struct rterm *r = &s->row[k];
      r->own[0] = strdup(lex);
      if (*lex) {
        r->own[2] = strdup(XSD_NS "integer");
      }
      if (!r->own[0] || (*lex && !r->own[2])) {
        st = NG_ERR_NOMEM;
        goto done;
      }
      r->bound = true;
      r->t.kind = NG_TERM_LITERAL;
      r->t.value = r->own[0];
      r->t.datatype = r->own[2];
      break;
    }
  }
  s->synthetic = aggregate;
done:
  if (rq) {
    rasqal_free_query(rq);
  }
  return st;
}

/* REDLAND-NOTES.md §3: over no match, rasqal answers a GROUP BY query
 * with one row (unbound keys, COUNT 1) where SPARQL 1.1 §11.2 has no
 * group and so no row. Whether the WHERE pattern matches at all is asked
 * with ASK: the query's prolog (PREFIX, BASE) and its first top-level
 * group { ... } after SELECT, found with the tokenizer (so braces in
 * strings, IRIs and comments do not count). Sets s->none when the ASK
 * says false; leaves the result alone when the query does not split. */
static ng_status
sel_check_group_by(struct sel *s, librdf_world *lw, librdf_model *model,
                   const char *sparql)
{
  struct toks t = {0};
  const char *select = NULL, *open = NULL, *close = NULL;
  bool group_by = false;
  int depth = 0;
  if (!tokenize(sparql, &t)) {
    free(t.v);
    return NG_ERR_NOMEM;
  }
  for (size_t i = 0; i < t.n; i++) {
    const struct tok *k = &t.v[i];
    if (!select && is_word(k, "SELECT")) {
      select = k->s;
    } else if (select && is_punct(k, "{")) {
      open = depth == 0 && !open ? k->s : open;
      depth++;
    } else if (select && is_punct(k, "}")) {
      depth--;
      close = depth == 0 && open && !close ? k->s : close;
    } else if (close && depth == 0 && is_word(k, "GROUP")) {
      group_by = true;
    }
  }
  free(t.v);
  if (!group_by || !close) {
    return NG_OK;
  }
  size_t n_pro = (size_t)(select - sparql), n_pat = (size_t)(close + 1 - open);
  char *ask = malloc(n_pro + n_pat + 6);
  if (!ask) {
    return NG_ERR_NOMEM;
  }
  memcpy(ask, sparql, n_pro);
  memcpy(ask + n_pro, "ASK ", 4);
  memcpy(ask + n_pro + 4, open, n_pat);
  ask[n_pro + 4 + n_pat] = '\0';
  librdf_query *q =
      librdf_new_query(lw, "sparql", NULL, (const unsigned char *)ask, NULL);
  librdf_query_results *r = q ? librdf_model_query_execute(model, q) : NULL;
  if (r && librdf_query_results_is_boolean(r) &&
      librdf_query_results_get_boolean(r) == 0) {
    s->none = true;
  }
  if (r) {
    librdf_free_query_results(r);
  }
  if (q) {
    librdf_free_query(q);
  }
  free(ask);
  return NG_OK;
}

static ng_status
sel_init(struct sel *s, ng_world *world, librdf_query_results *res,
         librdf_world *lw, const char *sparql)
{
  memset(s, 0, sizeof *s);
  s->world = world;
  s->res = res;
  s->bugs = ng__query_rasqal_bugs(lw);
  s->boolean = librdf_query_results_is_boolean(res) != 0;
  if (s->boolean) {
    return NG_OK;
  }
  int n = librdf_query_results_get_bindings_count(res);
  for (int i = 0; i < n; i++) {
    if (!sel_add_name(s, librdf_query_results_get_binding_name(res, i))) {
      return NG_ERR_NOMEM;
    }
  }
  if (n <= 0 && librdf_query_results_finished(res)) {
    ng_status st = sel_names_from_query(s, lw, sparql);
    if (st != NG_OK) {
      return st;
    }
  }
  s->row = calloc((size_t)s->n + 1, sizeof *s->row);
  if (!s->row) {
    return NG_ERR_NOMEM;
  }
  return librdf_query_results_finished(res)
             ? sel_empty_aggregate(s, lw, sparql)
             : NG_OK;
}

/* Reads the current row into s->row. */
static ng_status
sel_read_row(struct sel *s)
{
  for (int i = 0; i < s->n; i++) {
    librdf_node *v = librdf_query_results_get_binding_value(s->res, i);
    ng_status st = rterm_set(&s->row[i], v, s->bugs);
    if (v) {
      librdf_free_node(v);
    }
    if (st != NG_OK) {
      return st;
    }
  }
  return NG_OK;
}

/* Steps: true while there is a row; *st set on failure. */
static bool
sel_next(struct sel *s, bool *first, ng_status *st)
{
  if (s->none) {
    return false;
  }
  if (s->synthetic) {
    bool once = *first;
    *first = false;
    return once;
  }
  if (!*first) {
    librdf_query_results_next(s->res);
  }
  *first = false;
  if (librdf_query_results_finished(s->res)) {
    return false;
  }
  *st = sel_read_row(s);
  return *st == NG_OK;
}

/* ----------------------------------------------------------------- JSON */

/* One binding as a SPARQL 1.1 JSON term object, or NULL. */
static json_object *
json_term(const struct rterm *r)
{
  if (!r->bound) {
    return NULL;
  }
  json_object *o = json_object_new_object();
  if (!o) {
    return NULL;
  }
  const struct ng_term *t = &r->t;
  const char *type = t->kind == NG_TERM_IRI     ? "uri"
                     : t->kind == NG_TERM_BLANK ? "bnode"
                                                : "literal";
  json_object_object_add(o, "type", json_object_new_string(type));
  json_object_object_add(o, "value", json_object_new_string(t->value));
  if (t->kind == NG_TERM_LITERAL && t->lang) {
    json_object_object_add(o, "xml:lang", json_object_new_string(t->lang));
  } else if (t->kind == NG_TERM_LITERAL && t->datatype) {
    json_object_object_add(o, "datatype",
                           json_object_new_string(t->datatype));
  }
  return o;
}

static const int json_flags =
    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE;

/* SPARQL 1.1 Query Results JSON, one row at a time (constant memory).
 * Unbound variables are left out of a row, as the format says. */
static ng_status
write_json(struct sel *s, FILE *out)
{
  ng_status st = NG_OK;
  if (s->boolean) {
    int b = librdf_query_results_get_boolean(s->res);
    fprintf(out, "{\"head\":{},\"boolean\":%s}\n", b > 0 ? "true" : "false");
    return NG_OK;
  }
  json_object *vars = json_object_new_array();
  if (!vars) {
    return NG_ERR_NOMEM;
  }
  for (int i = 0; i < s->n; i++) {
    json_object_array_add(vars, json_object_new_string(s->names[i]));
  }
  fprintf(out, "{\"head\":{\"vars\":%s},\"results\":{\"bindings\":[",
          json_object_to_json_string_ext(vars, json_flags));
  json_object_put(vars);
  bool first = true, start = true;
  while (sel_next(s, &start, &st)) {
    json_object *row = json_object_new_object();
    if (!row) {
      return NG_ERR_NOMEM;
    }
    for (int i = 0; i < s->n; i++) {
      json_object *term = json_term(&s->row[i]);
      if (term) {
        json_object_object_add(row, s->names[i], term);
      }
    }
    fprintf(out, "%s\n%s", first ? "" : ",",
            json_object_to_json_string_ext(row, json_flags));
    json_object_put(row);
    first = false;
  }
  if (st == NG_OK) {
    fputs("]}}\n", out);
  }
  return st;
}

/* ---------------------------------------------------------------- table */

/* A table cell for @p r: prefixed name or <IRI>, _:blank, or a quoted
 * literal with its tag or short datatype (malloc'd; NULL when OOM). */
static char *
cell(ng_world *world, const struct rterm *r)
{
  const struct ng_term *t = &r->t;
  char curie[512], *s = NULL;
  size_t len = 0;
  FILE *f;
  if (!r->bound) {
    return strdup("");
  }
  f = open_memstream(&s, &len);
  if (!f) {
    return NULL;
  }
  switch (t->kind) {
  case NG_TERM_IRI:
    if (ng__serialize_qualify(world, t->value, curie, sizeof curie)) {
      fputs(curie, f);
    } else {
      fprintf(f, "<%s>", t->value);
    }
    break;
  case NG_TERM_BLANK:
    fprintf(f, "_:%s", t->value);
    break;
  case NG_TERM_LITERAL:
    fputc('"', f);
    for (const char *p = t->value; *p; p++) {
      if (*p == '\n') {
        fputs("\\n", f);
      } else if (*p == '\r' || *p == '\t') {
        fputc(' ', f);
      } else {
        fputc(*p, f);
      }
    }
    fputc('"', f);
    if (t->lang) {
      fprintf(f, "@%s", t->lang);
    } else if (t->datatype &&
               ng__serialize_qualify(world, t->datatype, curie,
                                     sizeof curie)) {
      fprintf(f, "^^%s", curie);
    } else if (t->datatype) {
      fprintf(f, "^^<%s>", t->datatype);
    }
    break;
  }
  if (fclose(f) != 0) {
    free(s);
    return NULL;
  }
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
write_table(struct sel *s, FILE *out)
{
  ng_status st = NG_OK;
  if (s->boolean) {
    fprintf(out, "%s\n",
            librdf_query_results_get_boolean(s->res) > 0 ? "true" : "false");
    return NG_OK;
  }
  int n = s->n;
  size_t rows = 0, cap = 0;
  char **cells = NULL;
  size_t *w = calloc((size_t)n + 1, sizeof *w);
  char **head = calloc((size_t)n + 1, sizeof *head);
  if (!w || !head) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  for (int i = 0; i < n; i++) {
    size_t k = strlen(s->names[i]) + 2;
    head[i] = malloc(k);
    if (!head[i]) {
      st = NG_ERR_NOMEM;
      goto done;
    }
    snprintf(head[i], k, "?%s", s->names[i]);
    w[i] = width(head[i]);
  }
  bool start = true;
  while (sel_next(s, &start, &st)) {
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
      char *c = cell(s->world, &s->row[i]);
      cells[rows * (size_t)n + (size_t)i] = c;
      if (!c) {
        for (int k = i + 1; k < n; k++) {
          cells[rows * (size_t)n + (size_t)k] = NULL;
        }
        rows++;
        st = NG_ERR_NOMEM;
        goto done;
      }
      size_t cw = width(c);
      w[i] = cw > w[i] ? cw : w[i];
    }
    rows++;
  }
  if (st != NG_OK) {
    goto done;
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

/* ------------------------------------------------------------ CSV, TSV */

/* SPARQL 1.1 Query Results CSV and TSV Formats (W3C Recommendation,
 * 2013-03-21). Neither defines a form for ASK: both write the one-column
 * table "_askResult" with true or false, as Apache Jena does. */
static const char ask_column[] = "_askResult";

/* One CSV field (§3.2): quoted, with '"' doubled, when it holds '"', ',',
 * LF or CR (RFC 4180 §2). */
static void
csv_field(FILE *out, const char *prefix, const char *s)
{
  if (!strpbrk(s, "\",\r\n")) {
    fprintf(out, "%s%s", prefix, s);
    return;
  }
  fputc('"', out);
  fputs(prefix, out);
  for (; *s; s++) {
    if (*s == '"') {
      fputc('"', out);
    }
    fputc(*s, out);
  }
  fputc('"', out);
}

/* CSV (§3): header of names without "?", then per row each term's string
 * (IRI, lexical form, or _:label), empty when unbound; CRLF line ends
 * (§2). */
static ng_status
write_csv(struct sel *s, FILE *out)
{
  ng_status st = NG_OK;
  if (s->boolean) {
    fprintf(out, "%s\r\n%s\r\n", ask_column,
            librdf_query_results_get_boolean(s->res) > 0 ? "true" : "false");
    return NG_OK;
  }
  for (int i = 0; i < s->n; i++) {
    if (i) {
      fputc(',', out);
    }
    csv_field(out, "", s->names[i]);
  }
  fputs("\r\n", out);
  bool start = true;
  while (sel_next(s, &start, &st)) {
    for (int i = 0; i < s->n; i++) {
      const struct rterm *r = &s->row[i];
      if (i) {
        fputc(',', out);
      }
      if (r->bound) {
        csv_field(out, r->t.kind == NG_TERM_BLANK ? "_:" : "", r->t.value);
      }
    }
    fputs("\r\n", out);
  }
  return st;
}

/* Writes @p s between '"' with Turtle's escapes (STRING_LITERAL_QUOTE):
 * \t \n \r (required by TSV §4.2), \" and \\, and \u00XX for the other
 * control characters. */
static void
tsv_string(FILE *out, const char *s)
{
  fputc('"', out);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    switch (c) {
    case '\t':
      fputs("\\t", out);
      break;
    case '\n':
      fputs("\\n", out);
      break;
    case '\r':
      fputs("\\r", out);
      break;
    case '"':
      fputs("\\\"", out);
      break;
    case '\\':
      fputs("\\\\", out);
      break;
    default:
      if (c < 0x20 || c == 0x7F) {
        fprintf(out, "\\u%04X", c);
      } else {
        fputc(c, out);
      }
    }
  }
  fputc('"', out);
}

/* Writes <@p iri>, with \u00XX for the characters Turtle's IRIREF
 * forbids (controls, space, <>"{}|^`\). */
static void
tsv_iri(FILE *out, const char *iri)
{
  fputc('<', out);
  for (; *iri; iri++) {
    unsigned char c = (unsigned char)*iri;
    if (c <= 0x20 || strchr("<>\"{}|^`\\", c)) {
      fprintf(out, "\\u%04X", c);
    } else {
      fputc(c, out);
    }
  }
  fputc('>', out);
}

static const char xsd_integer[] = XSD_NS "integer";
static const char xsd_double[] = XSD_NS "double";

/* True when @p lex, of datatype @p datatype, can be written as a bare
 * Turtle number that reads back as the same literal (TSV §4.2 says the
 * abbreviated forms should be used): INTEGER for xsd:integer, DECIMAL for
 * xsd:decimal, DOUBLE (exponent required) for xsd:double. */
static bool
is_turtle_number(const char *lex, const char *datatype)
{
  static const char digits[] = "0123456789";
  int kind = !datatype                            ? -1
             : strcmp(datatype, xsd_integer) == 0 ? 0
             : strcmp(datatype, XSD_DECIMAL) == 0 ? 1
             : strcmp(datatype, xsd_double) == 0  ? 2
                                                  : -1;
  if (kind < 0) {
    return false;
  }
  const char *p = lex + (*lex == '+' || *lex == '-');
  size_t n_int = strspn(p, digits), n_frac = 0;
  bool dot = false, exp = false;
  p += n_int;
  if (*p == '.') {
    dot = true;
    n_frac = strspn(++p, digits);
    p += n_frac;
  }
  if (*p == 'e' || *p == 'E') {
    p++;
    p += *p == '+' || *p == '-';
    size_t n_exp = strspn(p, digits);
    if (n_exp == 0) {
      return false;
    }
    exp = true;
    p += n_exp;
  }
  if (*p != '\0') {
    return false;
  }
  return kind == 0   ? n_int > 0 && !dot && !exp
         : kind == 1 ? dot && n_frac > 0 && !exp
                     : exp && n_int + n_frac > 0;
}

/* TSV (§4): header of "?name"s, then per row each term in Turtle syntax
 * (<iri>, "lexical"@lang, "lexical"^^<datatype>, _:label, bare numbers),
 * empty when unbound; LF line ends (§2). xsd:string literals are written
 * without a datatype (the same RDF 1.1 term). */
static ng_status
write_tsv(struct sel *s, FILE *out)
{
  ng_status st = NG_OK;
  if (s->boolean) {
    fprintf(out, "?%s\n%s\n", ask_column,
            librdf_query_results_get_boolean(s->res) > 0 ? "true" : "false");
    return NG_OK;
  }
  for (int i = 0; i < s->n; i++) {
    fprintf(out, "%s?%s", i ? "\t" : "", s->names[i]);
  }
  fputc('\n', out);
  bool start = true;
  while (sel_next(s, &start, &st)) {
    for (int i = 0; i < s->n; i++) {
      const struct ng_term *t = &s->row[i].t;
      if (i) {
        fputc('\t', out);
      }
      if (!s->row[i].bound) {
        continue;
      }
      if (t->kind == NG_TERM_IRI) {
        tsv_iri(out, t->value);
      } else if (t->kind == NG_TERM_BLANK) {
        fprintf(out, "_:%s", t->value);
      } else if (is_turtle_number(t->value, t->datatype)) {
        fputs(t->value, out);
      } else {
        tsv_string(out, t->value);
        if (t->lang) {
          fprintf(out, "@%s", t->lang);
        } else if (t->datatype && strcmp(t->datatype, XSD_STRING) != 0) {
          fputs("^^", out);
          tsv_iri(out, t->datatype);
        }
      }
    }
    fputc('\n', out);
  }
  return st;
}

/* ------------------------------------------------------------------ XML */

/* The namespace of the SPARQL Query Results XML Format (W3C
 * Recommendation, 2013-03-21): a result format, not vocabulary. */
static const char srx_ns[] = "http://www.w3.org/2005/sparql-results#";

/* A copy of the valid UTF-8 @p s in which every code point that is not an
 * XML 1.0 Char (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) is
 * replaced by U+FFFD: such text has no form in an XML document. NULL when
 * out of memory. */
static char *
xml_chars(const char *s)
{
  size_t len = strlen(s);
  char *out = len < (SIZE_MAX - 1) / 3 ? malloc(len * 3 + 1) : NULL;
  if (!out) {
    return NULL;
  }
  size_t i = 0, o = 0;
  while (i < len) {
    uint32_t cp;
    size_t n = ng__utf8_decode(s + i, len - i, &cp);
    bool ok = n > 0 && (cp == 0x9 || cp == 0xA || cp == 0xD ||
                        (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF));
    if (ok) {
      memcpy(out + o, s + i, n);
      o += n;
    } else {
      o += ng__utf8_encode(0xFFFD, out + o);
    }
    i += n ? n : 1;
  }
  out[o] = '\0';
  return out;
}

/* Writes an element's text or an attribute through @p w, after
 * xml_chars(). Negative on failure, like xmlTextWriter's calls. */
static int
xml_text(xmlTextWriterPtr w, const char *attr, const char *s)
{
  char *clean = xml_chars(s);
  if (!clean) {
    return -1;
  }
  int rc = attr ? xmlTextWriterWriteAttribute(w, BAD_CAST attr,
                                              BAD_CAST clean)
                : xmlTextWriterWriteString(w, BAD_CAST clean);
  free(clean);
  return rc;
}

/* One <binding> (the variable bound). */
static int
xml_binding(xmlTextWriterPtr w, const char *name, const struct ng_term *t)
{
  static const char *const elem[] = {
      [NG_TERM_IRI] = "uri", [NG_TERM_BLANK] = "bnode",
      [NG_TERM_LITERAL] = "literal"};
  if (xmlTextWriterStartElement(w, BAD_CAST "binding") < 0 ||
      xml_text(w, "name", name) < 0 ||
      xmlTextWriterStartElement(w, BAD_CAST elem[t->kind]) < 0) {
    return -1;
  }
  if (t->kind == NG_TERM_LITERAL && t->lang) {
    if (xml_text(w, "xml:lang", t->lang) < 0) {
      return -1;
    }
  } else if (t->kind == NG_TERM_LITERAL && t->datatype) {
    if (xml_text(w, "datatype", t->datatype) < 0) {
      return -1;
    }
  }
  if (xml_text(w, NULL, t->value) < 0 || xmlTextWriterEndElement(w) < 0 ||
      xmlTextWriterEndElement(w) < 0) {
    return -1;
  }
  return 0;
}

/* The SPARQL Query Results XML Format through libxml2's xmlTextWriter:
 * <head> with a <variable> per name, then <boolean> for ASK or <results>
 * with a <result> per row and a <binding> per bound variable (§2-3). */
static ng_status
write_xml(struct sel *s, FILE *out)
{
  ng_status st = NG_OK;
  xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(out, NULL);
  xmlTextWriterPtr w = buf ? xmlNewTextWriter(buf) : NULL;
  if (!w) {
    if (buf) {
      xmlOutputBufferClose(buf);
    }
    return NG_ERR_NOMEM;
  }
  bool ok = xmlTextWriterSetIndent(w, 1) >= 0 &&
            xmlTextWriterSetIndentString(w, BAD_CAST "  ") >= 0 &&
            xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) >= 0 &&
            xmlTextWriterStartElement(w, BAD_CAST "sparql") >= 0 &&
            xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
                                        BAD_CAST srx_ns) >= 0 &&
            xmlTextWriterStartElement(w, BAD_CAST "head") >= 0;
  for (int i = 0; ok && i < s->n; i++) {
    ok = xmlTextWriterStartElement(w, BAD_CAST "variable") >= 0 &&
         xml_text(w, "name", s->names[i]) >= 0 &&
         xmlTextWriterEndElement(w) >= 0;
  }
  ok = ok && xmlTextWriterEndElement(w) >= 0;
  if (ok && s->boolean) {
    int b = librdf_query_results_get_boolean(s->res);
    ok = xmlTextWriterWriteElement(w, BAD_CAST "boolean",
                                   BAD_CAST(b > 0 ? "true" : "false")) >= 0;
  } else if (ok) {
    ok = xmlTextWriterStartElement(w, BAD_CAST "results") >= 0;
    bool start = true;
    while (ok && sel_next(s, &start, &st)) {
      ok = xmlTextWriterStartElement(w, BAD_CAST "result") >= 0;
      for (int i = 0; ok && i < s->n; i++) {
        ok = !s->row[i].bound ||
             xml_binding(w, s->names[i], &s->row[i].t) >= 0;
      }
      ok = ok && xmlTextWriterEndElement(w) >= 0;
    }
  }
  /* Closes every open element, so the document stays well-formed even
   * when a row failed. */
  ok = xmlTextWriterEndDocument(w) >= 0 && ok;
  xmlFreeTextWriter(w);
  if (st == NG_OK && !ok) {
    st = ng__errorf(s->world, NG_ERR_IO, "cannot write the results as xml");
  }
  return st;
}

/* ------------------------------------------------------------ CONSTRUCT */

/* CONSTRUCT results through our serializer (Turtle or N-Triples), every
 * term repaired and valid UTF-8 like the SELECT bindings. */
static ng_status
write_graph(ng_world *world, librdf_query_results *res, unsigned bugs,
            ng_syntax syntax, FILE *out)
{
  ng_status st = NG_OK;
  struct ng_writer *w = NULL;
  struct rterm s = {0}, p = {0}, o = {0};
  librdf_stream *stream = librdf_query_results_as_stream(res);
  if (!stream) {
    return ng__errorf(world, NG_ERR_RDF, "cannot read the query results");
  }
  TRY_DONE(st, ng__writer_new(world, syntax, out, &w));
  for (; !librdf_stream_end(stream); librdf_stream_next(stream)) {
    librdf_statement *stmt = librdf_stream_get_object(stream);
    if (!stmt) {
      continue;
    }
    TRY_DONE(st, rterm_set(&s, librdf_statement_get_subject(stmt), bugs));
    TRY_DONE(st, rterm_set(&p, librdf_statement_get_predicate(stmt), bugs));
    TRY_DONE(st, rterm_set(&o, librdf_statement_get_object(stmt), bugs));
    if (!s.bound || !p.bound || !o.bound) {
      continue;
    }
    struct ng_quad q = {NULL, s.t, p.t.value, o.t};
    TRY_DONE(st, ng__writer_write(w, &q));
  }
  st = ng__writer_finish(w);
done:
  rterm_clear(&s);
  rterm_clear(&p);
  rterm_clear(&o);
  ng__writer_free(w);
  librdf_free_stream(stream);
  return st;
}

/* ---------------------------------------------------------------- query */

/* rasqal matches GRAPH <IRI> once, with nothing bound, when the store has
 * no such graph (ASK says true, COUNT(*) 1): a query naming a graph the
 * store lacks is refused with NG_NOT_FOUND instead, naming the graph.
 * NG_ERR_NOMEM. Relative IRIs and prefixed names are left to rasqal. */
static ng_status
check_named_graphs(ng_store *store, const char *sparql)
{
  ng_world *world = ng__store_world(store);
  librdf_world *lw;
  struct toks t = {0};
  ng_status st = NG_OK;
  if (!tokenize(sparql, &t)) {
    free(t.v);
    return NG_ERR_NOMEM;
  }
  for (size_t i = 0; st == NG_OK && i + 1 < t.n; i++) {
    const struct tok *g = &t.v[i + 1];
    if (!is_word(&t.v[i], "GRAPH") || g->kind != TK_IRI || g->len < 3 ||
        memchr(g->s, ':', g->len) == NULL) {
      continue;
    }
    char *iri = strndup(g->s + 1, g->len - 2);
    st = iri ? ng__store_rdf_world(world, &lw) : NG_ERR_NOMEM;
    librdf_node *ctx = st == NG_OK ? librdf_new_node_from_uri_string(
                                         lw, (const unsigned char *)iri)
                                   : NULL;
    if (st == NG_OK && !ctx) {
      st = NG_ERR_NOMEM;
    } else if (ctx && !librdf_model_contains_context(ng__store_model(store),
                                                     ctx)) {
      st = ng__errorf(world, NG_NOT_FOUND, "no graph <%s> in the store "
                      "(rasqal would match it once with nothing bound)",
                      iri);
    }
    if (ctx) {
      librdf_free_node(ctx);
    }
    free(iri);
  }
  free(t.v);
  return st;
}

/* True when tokens @p a and @p b are the same variable (?x, $x). */
static bool
same_var(const struct tok *a, const struct tok *b)
{
  return a->kind == TK_VAR && b->kind == TK_VAR && a->len == b->len &&
         strncmp(a->s + 1, b->s + 1, a->len - 1) == 0;
}

/* rasqal over-counts COUNT(DISTINCT ?x) (REDLAND-NOTES.md §3; measured on
 * a 60-article store: 1230 for 832 distinct subjects) but counts a
 * sub-SELECT DISTINCT right, so the common shape
 *     SELECT ?g... (COUNT(DISTINCT ?x) AS ?n) WHERE { P } [GROUP BY ?g...]
 *     [ORDER BY / LIMIT / OFFSET ...]
 * (one SELECT, one such aggregate, plain variables that are all grouped
 * by) is rewritten into
 *     SELECT ?g... (COUNT(?x) AS ?n) WHERE { SELECT DISTINCT ?g... ?x
 *     WHERE { P } } [GROUP BY ?g...] [...]
 * which has the same answer (COUNT skips an unbound ?x either way).
 * *out is the new text (free with free()), or NULL when the query has
 * another shape and runs as written. NG_ERR_NOMEM. */
static ng_status
rewrite_count_distinct(const char *q, char **out)
{
  struct toks t = {0};
  *out = NULL;
  if (!tokenize(q, &t)) {
    free(t.v);
    return NG_ERR_NOMEM;
  }
  size_t sel = t.n, agg = 0, open = 0, close = 0, group = 0, n_sel = 0;
  size_t n_plain = 0;
  const struct tok *plain[16];
  bool ok = true;
  for (size_t i = 0; i < t.n; i++) {
    if (is_word(&t.v[i], "SELECT")) {
      n_sel++;
      sel = sel == t.n ? i : sel;
    }
  }
  ok = n_sel == 1;
  /* The projection: plain variables and one (COUNT(DISTINCT ?x) AS ?n). */
  size_t i = sel + 1;
  while (ok && i < t.n && !is_word(&t.v[i], "WHERE") &&
         !is_punct(&t.v[i], "{")) {
    const struct tok *k = t.v + i;
    if (k->kind == TK_VAR && n_plain < ARRAY_LEN(plain)) {
      plain[n_plain++] = k;
      i++;
    } else if (!agg && i + 8 < t.n && is_punct(k, "(") &&
               is_word(k + 1, "COUNT") && is_punct(k + 2, "(") &&
               is_word(k + 3, "DISTINCT") && k[4].kind == TK_VAR &&
               is_punct(k + 5, ")") && is_word(k + 6, "AS") &&
               k[7].kind == TK_VAR && is_punct(k + 8, ")")) {
      agg = i;
      i += 9;
    } else {
      ok = false;
    }
  }
  ok = ok && agg && i < t.n;
  open = ok && is_word(&t.v[i], "WHERE") ? i + 1 : i;
  ok = ok && open < t.n && is_punct(&t.v[open], "{");
  int depth = 0;
  for (i = open; ok && i < t.n; i++) {
    depth += is_punct(&t.v[i], "{") - is_punct(&t.v[i], "}");
    if (depth == 0) {
      close = i;
      break;
    }
  }
  ok = ok && close > open;
  /* After the pattern: GROUP BY the plain variables (all of them), then
   * only modifiers without a second DISTINCT or aggregate. */
  size_t n_group = 0;
  for (i = close + 1; ok && i < t.n; i++) {
    const struct tok *k = t.v + i;
    if (is_word(k, "GROUP") && i + 1 < t.n && is_word(k + 1, "BY")) {
      group = i + 2;
      for (i = group; i < t.n && t.v[i].kind == TK_VAR; i++) {
        n_group++;
      }
      i--;
    } else if (is_word(k, "DISTINCT") || is_word(k, "COUNT") ||
               is_word(k, "SUM") || is_word(k, "HAVING") ||
               is_punct(k, "{")) {
      ok = false;
    }
  }
  for (size_t p = 0; ok && p < n_plain; p++) {
    bool found = false;
    for (size_t g = 0; g < n_group; g++) {
      found = found || same_var(plain[p], &t.v[group + g]);
    }
    ok = found;
  }
  if (!ok) {
    free(t.v);
    return NG_OK;
  }
  struct ng_buf b;
  const struct tok *x = &t.v[agg + 4], *n = &t.v[agg + 7];
  const struct tok *o = &t.v[open], *c = &t.v[close];
  ng_status st;
  ng__buf_init(&b, 0);
  st = ng__buf_add(&b, q, (size_t)(t.v[agg].s - q));
  if (st == NG_OK) {
    st = ng__buf_addf(&b, "(COUNT(%.*s) AS %.*s)", (int)x->len, x->s,
                      (int)n->len, n->s);
  }
  if (st == NG_OK) {
    const char *from = t.v[agg + 8].s + 1;
    st = ng__buf_add(&b, from, (size_t)(o->s - from));
  }
  if (st == NG_OK) {
    st = ng__buf_adds(&b, "{ SELECT DISTINCT");
  }
  for (size_t g = 0; st == NG_OK && g < n_group; g++) {
    st = ng__buf_addf(&b, " %.*s", (int)t.v[group + g].len,
                      t.v[group + g].s);
  }
  if (st == NG_OK) {
    st = ng__buf_addf(&b, " %.*s WHERE ", (int)x->len, x->s);
  }
  if (st == NG_OK) {
    st = ng__buf_add(&b, o->s, (size_t)(c->s + 1 - o->s));
  }
  if (st == NG_OK) {
    st = ng__buf_addf(&b, " }%s", c->s + 1);
  }
  free(t.v);
  if (st != NG_OK) {
    ng__buf_free(&b);
    return NG_ERR_NOMEM;
  }
  *out = b.data;
  return NG_OK;
}

/* ------------------------------------------------- OPTIONAL in rasqal */

/* rasqal 0.9.33 answers OPTIONAL with wrong extra rows (REDLAND-NOTES.md
 * §3). Cause, in its source: rasqal_query_graph_pattern_build_variables_
 * use_map_binds() (src/rasqal_query_transform.c) walks a GROUP's and an
 * OPTIONAL's parts like UNION branches, each from a copy of the scope
 * outside the group, so in { ?m a ng:Meeting . ?m ng:participant ?p .
 * OPTIONAL { ?m ng:location ?l } } the OPTIONAL's triple pattern is marked
 * as binding ?m again (the bits are OR-ed and never cleared by the right
 * second walk). Its triples rowsource then sets the shared variable ?m to
 * no value when it starts and ends (rasqal_reset_triple_meta()), and the
 * required patterns' rowsource builds its next row from the variables'
 * current values (rasqal_triples_rowsource_read_row()): a row made by
 * advancing only a later pattern (the next ?p of the same meeting) has ?m
 * unbound, which rasqal_row_compatible_check() accepts with every row of
 * the OPTIONAL, ?m then taken from it. Rows stay right when the required
 * part is computed in full before the OPTIONAL first runs: a sub-SELECT
 * with ORDER BY (which sorts, so reads every row first). Measured with
 * rdflib as the oracle (tests/cli/optional.sh). */

/* Index of the token closing the bracket opened at @p o ("{" or "("),
 * or t->n. */
static size_t
close_of(const struct toks *t, size_t o)
{
  const char *open = is_punct(&t->v[o], "{") ? "{" : "(";
  const char *shut = open[0] == '{' ? "}" : ")";
  int depth = 0;
  for (size_t i = o; i < t->n; i++) {
    depth += is_punct(&t->v[i], open) - is_punct(&t->v[i], shut);
    if (depth == 0) {
      return i;
    }
  }
  return t->n;
}

/* True when the "{" at @p i opens a group graph pattern: not a CONSTRUCT
 * template, not VALUES data. */
static bool
opens_group(const struct toks *t, size_t i)
{
  if (i == 0 || !is_punct(&t->v[i], "{")) {
    return false;
  }
  const struct tok *p = &t->v[i - 1];
  if (is_word(p, "CONSTRUCT")) {
    return false;
  }
  if (p->kind == TK_VAR && i >= 2 && is_word(&t->v[i - 2], "VALUES")) {
    return false;
  }
  if (is_punct(p, ")")) {
    int depth = 0;
    for (size_t k = i - 1; k > 0; k--) {
      depth += is_punct(&t->v[k], ")") - is_punct(&t->v[k], "(");
      if (depth == 0) {
        return !is_word(&t->v[k - 1], "VALUES");
      }
    }
    return false;
  }
  return true;
}

/* True when token @p k ends a block of triple patterns. */
static bool
ends_triples(const struct tok *k)
{
  static const char *const words[] = {"OPTIONAL", "FILTER", "BIND",
                                      "VALUES",   "GRAPH",  "UNION",
                                      "MINUS",    "SERVICE"};
  for (size_t w = 0; w < ARRAY_LEN(words); w++) {
    if (is_word(k, words[w])) {
      return true;
    }
  }
  return is_punct(k, "{") || is_punct(k, "}");
}

/* The triple patterns from token @p a up to the first token ending them:
 * stores that token's index in *end, and returns how many patterns there
 * are (separated by ".", ";" or ","), or -1 when they hold "[" or "("
 * (blank node syntax or collections: not rewritten). */
static int
triples_run(const struct toks *t, size_t a, size_t *end)
{
  int n = 0;
  bool term = false, complex = false;
  size_t i = a;
  for (; i < t->n && !ends_triples(&t->v[i]); i++) {
    const struct tok *k = &t->v[i];
    if (is_punct(k, ".") || is_punct(k, ";") || is_punct(k, ",")) {
      n += term;
      term = false;
    } else {
      complex = complex || is_punct(k, "[") || is_punct(k, "(");
      term = true;
    }
  }
  *end = i;
  return complex ? -1 : n + term;
}

/* The end (exclusive) of the FILTER element starting at @p i, or 0. */
static size_t
filter_end(const struct toks *t, size_t i)
{
  size_t o = i + 1;
  if (o < t->n && (t->v[o].kind == TK_WORD || t->v[o].kind == TK_PNAME ||
                   t->v[o].kind == TK_IRI)) {
    o++;
  }
  if (o >= t->n || !is_punct(&t->v[o], "(")) {
    return 0;
  }
  size_t c = close_of(t, o);
  return c < t->n ? c + 1 : 0;
}

/* Appends the distinct variables of tokens [a, b) to @p b, each after a
 * space; @p extra (or NULL) first. */
static ng_status
add_vars(struct ng_buf *out, const struct toks *t, size_t a, size_t b,
         const struct tok *extra)
{
  ng_status st = NG_OK;
  if (extra) {
    st = ng__buf_addf(out, " %.*s", (int)extra->len, extra->s);
  }
  for (size_t i = a; st == NG_OK && i < b; i++) {
    bool seen = extra && same_var(&t->v[i], extra);
    for (size_t k = a; k < i && !seen; k++) {
      seen = same_var(&t->v[k], &t->v[i]);
    }
    if (t->v[i].kind == TK_VAR && !seen) {
      st = ng__buf_addf(out, " %.*s", (int)t->v[i].len, t->v[i].s);
    }
  }
  return st;
}

/* One step of rewrite_optional(): the first group whose leading triple
 * patterns (two or more, then OPTIONAL, FILTERs allowed between) are not
 * yet computed in full is rewritten in @p out (*done set), else @p out is
 * untouched. In GRAPH X { L OPTIONAL { B } FILTER(...) ... } (nothing but
 * OPTIONALs and FILTERs after L), GRAPH X is moved onto L and each B, as
 * rasqal answers no row for a sub-SELECT inside GRAPH: the same answer,
 * as GRAPH X distributes over the left join. */
static ng_status
rewrite_optional_step(const char *q, const struct toks *t,
                      struct ng_buf *out, bool *done)
{
  *done = false;
  for (size_t o = 0; o < t->n; o++) {
    if (!opens_group(t, o)) {
      continue;
    }
    size_t c = close_of(t, o), j;
    int n = triples_run(t, o + 1, &j);
    size_t k = j;
    while (k < c && is_word(&t->v[k], "FILTER") && filter_end(t, k)) {
      k = filter_end(t, k);
    }
    if (n < 2 || c >= t->n || k >= c || !is_word(&t->v[k], "OPTIONAL")) {
      continue;
    }
    const struct tok *first = NULL;
    for (size_t i = o + 1; i < j && !first; i++) {
      first = t->v[i].kind == TK_VAR ? &t->v[i] : NULL;
    }
    if (!first) {
      continue;
    }
    const struct tok *gx = NULL; /* X of GRAPH X { */
    if (o >= 2 && is_word(&t->v[o - 2], "GRAPH")) {
      gx = &t->v[o - 1];
      if (gx->kind == TK_VAR) {
        /* Not rewritten: rasqal's GRAPH ?g rowsource
         * (rasqal_rowsource_graph.c) walks every named graph whether or
         * not ?g is bound, so the moved OPTIONAL { GRAPH ?g { B } } would
         * cost rows x graphs lookups (the README's evidence query: over
         * 120 s at 1,000 articles instead of 2 s). Left as written, and
         * warned by optional_unsafe(). */
        continue;
      }
      /* Only OPTIONAL { } and FILTER ( ) after the triples. */
      for (size_t e = j; gx && e < c;) {
        if (is_word(&t->v[e], "FILTER") && filter_end(t, e)) {
          e = filter_end(t, e);
        } else if (is_word(&t->v[e], "OPTIONAL") && e + 1 < c &&
                   is_punct(&t->v[e + 1], "{")) {
          e = close_of(t, e + 1) + 1;
        } else {
          gx = NULL;
        }
      }
      if (!gx) {
        continue;
      }
    }
    const struct tok *L = &t->v[o + 1], *J = &t->v[j];
    ng_status st;
    if (!gx) {
      st = ng__buf_add(out, q, (size_t)(L->s - q));
      if (st == NG_OK) {
        st = ng__buf_adds(out, "{ SELECT");
      }
      if (st == NG_OK) {
        st = add_vars(out, t, o + 1, j, NULL);
      }
      if (st == NG_OK) {
        st = ng__buf_addf(out, " WHERE { %.*s } ORDER BY %.*s } ",
                          (int)(J->s - L->s), L->s, (int)first->len,
                          first->s);
      }
      if (st == NG_OK) {
        st = ng__buf_adds(out, J->s);
      }
      *done = st == NG_OK;
      return st;
    }
    const struct tok *G = &t->v[o - 2];
    st = ng__buf_add(out, q, (size_t)(G->s - q));
    if (st == NG_OK) {
      st = ng__buf_adds(out, "{ { SELECT");
    }
    if (st == NG_OK) {
      st = add_vars(out, t, o + 1, j, gx->kind == TK_VAR ? gx : NULL);
    }
    if (st == NG_OK) {
      st = ng__buf_addf(out, " WHERE { GRAPH %.*s { %.*s } } ORDER BY %.*s }",
                        (int)gx->len, gx->s, (int)(J->s - L->s), L->s,
                        (int)first->len, first->s);
    }
    for (size_t e = j; st == NG_OK && e < c;) {
      size_t end;
      if (is_word(&t->v[e], "FILTER")) {
        end = filter_end(t, e);
        st = ng__buf_addf(out, " %.*s",
                          (int)(t->v[end - 1].s + 1 - t->v[e].s), t->v[e].s);
      } else {
        end = close_of(t, e + 1) + 1;
        st = ng__buf_addf(out, " OPTIONAL { GRAPH %.*s %.*s }",
                          (int)gx->len, gx->s,
                          (int)(t->v[end - 1].s + 1 - t->v[e + 1].s),
                          t->v[e + 1].s);
      }
      e = end;
    }
    if (st == NG_OK) {
      st = ng__buf_addf(out, " }%s", t->v[c].s + 1);
    }
    *done = st == NG_OK;
    return st;
  }
  return NG_OK;
}

/* True when a FILTER among tokens [a, b) (an OPTIONAL's body) uses a
 * variable that no other token of the body has: rasqal evaluates it with
 * that outer variable unbound and drops the optional part of a row that
 * should keep it (seen: OPTIONAL { ?m ng:date ?d FILTER(isIRI(?p)) } left
 * a meeting without its date). */
static bool
filter_uses_outer(const struct toks *t, size_t a, size_t b)
{
  for (size_t e = a; e < b; e++) {
    size_t fe = is_word(&t->v[e], "FILTER") ? filter_end(t, e) : 0;
    for (size_t i = e + 1; fe && i < fe && i < b; i++) {
      if (t->v[i].kind != TK_VAR) {
        continue;
      }
      bool inner = false;
      for (size_t k = a; k < b && !inner; k++) {
        inner = (k < e || k >= fe) && t->v[k].kind == TK_VAR &&
                t->v[k].len == t->v[i].len &&
                strncmp(t->v[k].s + 1, t->v[i].s + 1, t->v[i].len - 1) == 0;
      }
      if (!inner) {
        return true;
      }
    }
  }
  return false;
}

/* True when the group of tokens [o, c] ("{" ... "}") has an OPTIONAL
 * among its parts in a shape not proven right with rasqal 0.9.33 (see
 * above and tests/cli/optional.sh): before the first OPTIONAL, anything
 * but one triple pattern, FILTERs, or a sub-SELECT with ORDER BY (what
 * rewrite_optional() makes); after it, anything but OPTIONALs and
 * FILTERs; or an OPTIONAL of more than one triple pattern followed by
 * another OPTIONAL. */
static bool
optional_unsafe(const struct toks *t, size_t o, size_t c)
{
  bool seen_opt = false, prev_big = false;
  int lead = 0;
  for (size_t e = o + 1; e < c;) {
    const struct tok *k = &t->v[e];
    if (is_word(k, "FILTER") && filter_end(t, e)) {
      e = filter_end(t, e);
    } else if (is_word(k, "OPTIONAL") && e + 1 < c &&
               is_punct(&t->v[e + 1], "{")) {
      size_t bc = close_of(t, e + 1), bj;
      if (seen_opt && prev_big) {
        return true;
      }
      if (filter_uses_outer(t, e + 2, bc)) {
        return true;
      }
      if (!seen_opt && lead > 1) {
        return true;
      }
      seen_opt = true;
      prev_big = triples_run(t, e + 2, &bj) != 1 || bj != bc;
      e = bc + 1;
    } else if (seen_opt) {
      return true;
    } else if (is_punct(k, "{")) {
      size_t bc = close_of(t, e);
      bool sorted = false;
      if (e + 1 < bc && is_word(&t->v[e + 1], "SELECT")) {
        for (size_t i = e; i + 1 < bc; i++) {
          sorted = sorted || (is_word(&t->v[i], "ORDER") &&
                              is_word(&t->v[i + 1], "BY"));
        }
      }
      lead += sorted ? 1 : 2;
      e = bc + 1;
    } else if (ends_triples(k)) {
      lead += 2; /* GRAPH, BIND, VALUES, UNION... before an OPTIONAL */
      e++;
    } else {
      size_t j;
      int n = triples_run(t, e, &j);
      lead += n < 0 ? 2 : n;
      e = j > e ? j : e + 1;
    }
  }
  return false;
}

/* Rewrites @p q so that rasqal answers its OPTIONALs right where that is
 * proven (rewrite_optional_step(), repeated), and sets *unsafe when an
 * OPTIONAL is left in a shape not proven right (optional_unsafe()).
 * *out is the new text (free with free()), or NULL when nothing changed.
 * CONSTRUCT WHERE { } is left alone (its pattern is its template).
 * NG_ERR_NOMEM. */
static ng_status
rewrite_optional(const char *q, char **out, bool *unsafe)
{
  struct toks t = {0};
  char *cur = NULL;
  ng_status st = NG_OK;
  *out = NULL;
  *unsafe = false;
  for (int step = 0; step < 64; step++) {
    const char *text = cur ? cur : q;
    t.n = 0;
    if (!tokenize(text, &t)) {
      st = NG_ERR_NOMEM;
      break;
    }
    bool short_construct = false, any = false;
    for (size_t i = 0; i + 1 < t.n; i++) {
      short_construct = short_construct ||
                        (is_word(&t.v[i], "CONSTRUCT") &&
                         is_word(&t.v[i + 1], "WHERE"));
      any = any || is_word(&t.v[i], "OPTIONAL");
    }
    if (!any || short_construct) {
      break;
    }
    struct ng_buf b;
    bool done;
    ng__buf_init(&b, 0);
    st = rewrite_optional_step(text, &t, &b, &done);
    if (st != NG_OK) {
      ng__buf_free(&b);
      break;
    }
    if (!done) {
      for (size_t o = 0; o < t.n && !*unsafe; o++) {
        *unsafe = opens_group(&t, o) && optional_unsafe(&t, o,
                                                        close_of(&t, o));
      }
      ng__buf_free(&b);
      break;
    }
    free(cur);
    cur = b.data;
  }
  free(t.v);
  if (st != NG_OK) {
    free(cur);
    return NG_ERR_NOMEM;
  }
  *out = cur;
  return NG_OK;
}

static ng_status query_run(ng_store *store, const char *sparql,
                           const char *format, FILE *out);
static ng_status query_exec(ng_store *store, const char *sparql,
                            enum ng_query_form form, const char *format,
                            FILE *out);

ng_status
ng_store_query(ng_store *store, const char *sparql, const char *format,
               FILE *out)
{
  char *rewritten = NULL;
  if (!store || !sparql || !out) {
    return NG_ERR_ARG;
  }
  /* A UTF-8 byte order mark, as some editors save a .rq file: not SPARQL
   * (rasqal refuses it), so skipped. */
  if (strncmp(sparql, "\xEF\xBB\xBF", 3) == 0) {
    sparql += 3;
  }
  if (rewrite_count_distinct(sparql, &rewritten) != NG_OK) {
    return ng__errorf(ng__store_world(store), NG_ERR_NOMEM,
                      "out of memory");
  }
  ng_status st = query_run(store, rewritten ? rewritten : sparql, format,
                           out);
  free(rewritten);
  return st;
}

/* True when @p sparql has the keyword GRAPH (not inside a string, IRI
 * or comment); false also when out of memory. */
static bool
names_graph(const char *sparql)
{
  struct toks t = {0};
  bool found = false;
  if (tokenize(sparql, &t)) {
    for (size_t i = 0; i < t.n && !found; i++) {
      found = is_word(&t.v[i], "GRAPH");
    }
  }
  free(t.v);
  return found;
}

/* ------------------------------------------------- messages held back */

/* Messages to the world's sink held back while rasqal parses or starts a
 * query (hold_begin(), hold_end()): librdf's logger passes a syntax error
 * on as a warning ("redland: line 1: ..."), and the error returned then
 * repeats it, so it would be printed twice. */
#define HELD_MAX 8

struct held_log {
  ng_log_sink sink;      /* the world's sink, restored by hold_end() */
  void *handle;
  ng_log_level level[HELD_MAX];
  char msg[HELD_MAX][1024];
  size_t n;
};

/* The holding sink: keeps a message, or passes it on when full. */
static void
held_sink(void *handle, ng_log_level level, const char *msg)
{
  struct held_log *h = handle;
  if (h->n == HELD_MAX) {
    h->sink(h->handle, level, msg);
    return;
  }
  h->level[h->n] = level;
  snprintf(h->msg[h->n], sizeof h->msg[h->n], "%s", msg);
  h->n++;
}

/* Holds back the messages @p world's sink would get until hold_end(). */
static void
hold_begin(ng_world *world, struct held_log *h)
{
  h->sink = world->sink;
  h->handle = world->sink_handle;
  h->n = 0;
  if (world->sink) {
    world->sink = held_sink;
    world->sink_handle = h;
  }
}

/* Restores @p world's sink and passes on the held messages, except, when
 * @p failed, the last librdf message (world->rdf_error): the error the
 * caller returns says it. */
static void
hold_end(ng_world *world, struct held_log *h, bool failed)
{
  world->sink = h->sink;
  world->sink_handle = h->handle;
  size_t skip = SIZE_MAX;
  char last[sizeof world->rdf_error + 16];
  snprintf(last, sizeof last, "redland: %s", world->rdf_error);
  for (size_t i = h->n; failed && world->rdf_error[0] && i-- > 0;) {
    if (strcmp(h->msg[i], last) == 0) {
      skip = i;
      break;
    }
  }
  for (size_t i = 0; h->sink && i < h->n; i++) {
    if (i != skip) {
      h->sink(h->handle, h->level[i], h->msg[i]);
    }
  }
}

/* rasqal's messages while query_parses() parses (user data: the
 * ng_world, which owns the rasqal world): the errors are kept in
 * world->rdf_error, "line N: text" as store.c's librdf logger writes
 * them, joined by "; " (the first says the cause: 'The namespace prefix
 * in "zz:p" was not declared.', then "syntax error"), and nothing is
 * printed; warnings are dropped as that logger drops rasqal's
 * (REDLAND-NOTES.md §3). librdf sets its own handler again for each
 * query it makes (librdf_new_query()). */
static void
parse_log(void *user_data, raptor_log_message *message)
{
  ng_world *world = user_data;
  if (message->level < RAPTOR_LOG_LEVEL_ERROR) {
    return;
  }
  const char *text = message->text ? message->text : "";
  size_t n = strlen(world->rdf_error);
  size_t room = sizeof world->rdf_error - n;
  const char *sep = n ? "; " : "";
  if (message->locator && message->locator->line > 0) {
    snprintf(world->rdf_error + n, room, "%sline %d: %s", sep,
             message->locator->line, text);
  } else {
    snprintf(world->rdf_error + n, room, "%s%s", sep, text);
  }
}

/* NG_OK if rasqal parses @p sparql as librdf will (language "sparql"),
 * else NG_ERR_PARSE with "the query does not parse: line N: ...": the
 * syntax error is said once, in the error, not also as a warning of
 * librdf's logger. Errors: those of ng__store_rdf_world(). */
static ng_status
query_parses(ng_world *world, const char *sparql)
{
  ng_status st;
  librdf_world *lw;
  TRY(st, ng__store_rdf_world(world, &lw));
  rasqal_world *rw = librdf_world_get_rasqal(lw);
  rasqal_query *rq = rw ? rasqal_new_query(rw, "sparql", NULL) : NULL;
  if (!rq) {
    return NG_OK; /* librdf says what is wrong when it runs the query */
  }
  world->rdf_error[0] = '\0';
  rasqal_world_set_log_handler(rw, world, parse_log);
  bool bad = rasqal_query_prepare(rq, (const unsigned char *)sparql, NULL) !=
             0;
  rasqal_free_query(rq);
  if (bad) {
    return ng__errorf(world, NG_ERR_PARSE, "the query does not parse%s%s",
                      world->rdf_error[0] ? ": " : "", world->rdf_error);
  }
  return NG_OK;
}

/* ng_store_query() once the query text is final. */
static ng_status
query_run(ng_store *store, const char *sparql, const char *format,
          FILE *out)
{
  ng_status st;
  enum ng_query_form form;
  if (!store || !sparql || !out) {
    return NG_ERR_ARG;
  }
  ng_world *world = ng__store_world(store);
  TRY(st, ng__query_check(world, sparql, &form));
  TRY(st, check_named_graphs(store, sparql));
  TRY(st, query_parses(world, sparql));
  if (ng__store_is_virtuoso(store) && !names_graph(sparql)) {
    /* librdf 1.0.17's Virtuoso module (rdf_storage_virtuoso.c,
     * find_statements) matches a pattern without a graph against its
     * model_name graph only, where newsgraph writes nothing: the answer
     * would be empty, without a word. */
    return ng__errorf(world, NG_ERR_PARSE,
                      "on a Virtuoso store a query must put its patterns "
                      "inside GRAPH ?g { ... } (librdf's Virtuoso module "
                      "matches patterns outside GRAPH against none of the "
                      "article graphs)");
  }
  char *opt_rewritten = NULL;
  bool opt_unsafe = false;
  if (rewrite_optional(sparql, &opt_rewritten, &opt_unsafe) != NG_OK) {
    return ng__errorf(world, NG_ERR_NOMEM, "out of memory");
  }
  if (opt_unsafe) {
    ng__warnf(world, "rasqal may answer this OPTIONAL with wrong extra "
              "rows when a required pattern after the first of its group "
              "matches several times (corrected outside GRAPH ?var when "
              "only OPTIONALs and FILTERs follow, and an OPTIONAL of one "
              "triple pattern precedes another); write the pattern that "
              "matches several times first, or compare with the query "
              "without OPTIONAL");
  }
  st = query_exec(store, opt_rewritten ? opt_rewritten : sparql, form,
                  format, out);
  free(opt_rewritten);
  return st;
}

/* query_run() once the query is checked and rewritten for rasqal. */
static ng_status
query_exec(ng_store *store, const char *sparql, enum ng_query_form form,
           const char *format, FILE *out)
{
  static const struct {
    const char *name;
    ng_status (*write)(struct sel *, FILE *);
  } table_formats[] = {{"table", write_table}, {"csv", write_csv},
                       {"tsv", write_tsv},     {"json", write_json},
                       {"xml", write_xml}};
  ng_status st;
  ng_world *world = ng__store_world(store);
  bool graph_form = form == NG_QUERY_CONSTRUCT;
  if (!format) {
    format = graph_form ? "turtle" : "table";
  }
  ng_status (*write_fn)(struct sel *, FILE *) = NULL;
  bool ok = false;
  ng_syntax syntax = NG_SYNTAX_TURTLE;
  if (graph_form) {
    ok = strcmp(format, "turtle") == 0 || strcmp(format, "ntriples") == 0;
    syntax = format[0] == 't' ? NG_SYNTAX_TURTLE : NG_SYNTAX_NTRIPLES;
  } else {
    for (size_t i = 0; i < ARRAY_LEN(table_formats); i++) {
      if (strcmp(format, table_formats[i].name) == 0) {
        write_fn = table_formats[i].write;
        ok = true;
      }
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
  struct held_log h;
  hold_begin(world, &h);
  librdf_query *query = librdf_new_query(lw, "sparql", NULL,
                                         (const unsigned char *)sparql, NULL);
  librdf_query_results *res =
      query ? librdf_model_query_execute(ng__store_model(store), query)
            : NULL;
  hold_end(world, &h, !res);
  if (!query) {
    return ng__errorf(world, NG_ERR_PARSE, "the query does not parse%s%s",
                      world->rdf_error[0] ? ": " : "", world->rdf_error);
  }
  if (!res) {
    librdf_free_query(query);
    return ng__errorf(world, NG_ERR_PARSE, "the query does not parse or "
                      "cannot run%s%s",
                      world->rdf_error[0] ? ": " : "", world->rdf_error);
  }
  if (graph_form) {
    st = write_graph(world, res, ng__query_rasqal_bugs(lw), syntax, out);
  } else {
    struct sel s;
    st = sel_init(&s, world, res, lw, sparql);
    if (st == NG_OK && !s.boolean) {
      st = sel_check_group_by(&s, lw, ng__store_model(store), sparql);
    }
    if (st == NG_OK) {
      st = write_fn(&s, out);
    }
    sel_clear(&s);
  }
  librdf_free_query_results(res);
  librdf_free_query(query);
  if (st == NG_ERR_NOMEM) {
    st = ng__errorf(world, st, "out of memory writing the query results");
  } else if (st == NG_OK && (fflush(out) != 0 || ferror(out))) {
    st = ng__errorf(world, NG_ERR_IO, "cannot write the query results: %s",
                    strerror(errno));
  }
  return st;
}

/* ------------------------------------------------------------ time limit */

/* rasqal has no way to stop a query (it may spend all its time before the
 * first row: ORDER BY, GROUP BY and DISTINCT materialise), so the query
 * runs in a child process that is killed at the limit. The child writes
 * the results to a pipe, which the parent copies to @p out as they come
 * (constant memory), and its error message to a second pipe. The child
 * only reads the store, inherited open, while the parent waits; it ends
 * with _exit() so nothing of the parent's is flushed or freed twice. */
ng_status
ng_store_query_ex(ng_store *store, const char *sparql, const char *format,
                  double timeout_seconds, FILE *out)
{
  if (!store || !sparql || !out) {
    return NG_ERR_ARG;
  }
  if (!(timeout_seconds > 0)) {
    return ng_store_query(store, sparql, format, out);
  }
  ng_world *world = ng__store_world(store);
  int data[2], err[2];
  if (fflush(out) != 0) {
    return ng__errorf(world, NG_ERR_IO, "cannot write the query results: %s",
                      strerror(errno));
  }
  if (pipe(data) != 0) {
    return ng__errorf(world, NG_ERR_IO, "cannot run the query: %s",
                      strerror(errno));
  }
  if (pipe(err) != 0) {
    close(data[0]);
    close(data[1]);
    return ng__errorf(world, NG_ERR_IO, "cannot run the query: %s",
                      strerror(errno));
  }
  pid_t pid = fork();
  if (pid < 0) {
    int e = errno;
    close(data[0]);
    close(data[1]);
    close(err[0]);
    close(err[1]);
    return ng__errorf(world, NG_ERR_IO, "cannot run the query: %s",
                      strerror(e));
  }
  if (pid == 0) {
    close(data[0]);
    close(err[0]);
    FILE *f = fdopen(data[1], "w");
    ng_status st = f ? ng_store_query(store, sparql, format, f) : NG_ERR_IO;
    if (f && fclose(f) != 0 && st == NG_OK) {
      st = NG_ERR_IO;
    }
    if (st != NG_OK) {
      const char *m = ng_world_errmsg(world);
      ssize_t w = write(err[1], m, strlen(m));
      (void)w;
    }
    _exit((int)st);
  }
  close(data[1]);
  close(err[1]);
  double end = ng__monotonic() + timeout_seconds;
  char buf[65536], msg[1024] = "";
  size_t n_msg = 0;
  bool data_open = true, err_open = true, timed_out = false, write_err = false;
  while (data_open || err_open) {
    double left = end - ng__monotonic();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    struct pollfd p[2] = {{data_open ? data[0] : -1, POLLIN, 0},
                          {err_open ? err[0] : -1, POLLIN, 0}};
    int rc = poll(p, 2, (int)(left * 1000) + 1);
    if (rc < 0 && errno != EINTR) {
      break;
    }
    if (rc > 0 && data_open && (p[0].revents & (POLLIN | POLLHUP | POLLERR))) {
      ssize_t n = read(data[0], buf, sizeof buf);
      if (n <= 0) {
        data_open = false;
      } else if (!write_err && fwrite(buf, 1, (size_t)n, out) != (size_t)n) {
        write_err = true;
      }
    }
    if (rc > 0 && err_open && (p[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      ssize_t n = read(err[0], msg + n_msg, sizeof msg - 1 - n_msg);
      if (n <= 0) {
        err_open = false;
      } else {
        n_msg += (size_t)n;
      }
    }
  }
  msg[n_msg] = '\0';
  close(data[0]);
  close(err[0]);
  int status = 0;
  if (timed_out) {
    kill(pid, SIGKILL);
  }
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return ng__errorf(world, NG_ERR_TOO_LARGE, "the query was stopped at "
                      "its time limit of %g s", timeout_seconds);
  }
  if (write_err || fflush(out) != 0 || ferror(out)) {
    return ng__errorf(world, NG_ERR_IO, "cannot write the query results: %s",
                      strerror(errno));
  }
  if (!WIFEXITED(status)) {
    return ng__errorf(world, NG_ERR_INTERNAL, "the query process died "
                      "(signal %d)", WIFSIGNALED(status) ? WTERMSIG(status)
                                                         : 0);
  }
  ng_status st = (ng_status)WEXITSTATUS(status);
  if (st != NG_OK) {
    return ng__errorf(world, st, "%s", msg[0] ? msg : ng_strerror(st));
  }
  return NG_OK;
}
