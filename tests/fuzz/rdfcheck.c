/* SPDX-License-Identifier: MIT */
/* Round-trip oracle for the fuzz targets: raptor parses what newsgraph
 * wrote, and the statements must equal the quads, term by term. */
#include "rdfcheck.h"

#include "fuzz.h"

#include <raptor2.h>
#include <string.h>

static raptor_world *rworld;
static bool parse_failed;

static void
log_handler(void *data, raptor_log_message *msg)
{
  (void)data;
  if (msg->level >= RAPTOR_LOG_LEVEL_WARN) {
    fprintf(stderr, "raptor: %s (line %d)\n", msg->text,
            msg->locator ? msg->locator->line : -1);
    parse_failed = true;
  }
}

static void
keys_add(struct fuzz_keys *keys, char *key)
{
  if (keys->n == keys->cap) {
    keys->cap = keys->cap ? 2 * keys->cap : 64;
    keys->k = realloc(keys->k, keys->cap * sizeof *keys->k);
    FUZZ_CHECK(keys->k != NULL);
  }
  keys->k[keys->n++] = key;
}

/* Appends "<len>:<bytes>" of @p s (@p n bytes) to the growing key. */
struct key {
  char *s;
  size_t n, cap;
};

static void
key_add(struct key *k, char tag, const char *s, size_t n)
{
  char num[32];
  int w = snprintf(num, sizeof num, "%c%zu:", tag, n);
  FUZZ_CHECK(w > 0);
  size_t need = k->n + (size_t)w + n + 1;
  if (need > k->cap) {
    k->cap = need * 2;
    k->s = realloc(k->s, k->cap);
    FUZZ_CHECK(k->s != NULL);
  }
  memcpy(k->s + k->n, num, (size_t)w);
  k->n += (size_t)w;
  if (n > 0) {
    memcpy(k->s + k->n, s, n);
  }
  k->n += n;
  k->s[k->n] = '\0';
}

/* The IRIREF rule of N-Triples/Turtle: no control, space or <>"{}|^`\ */
static void
check_iri(const char *iri, size_t n)
{
  FUZZ_CHECK(n > 0);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)iri[i];
    if (c <= 0x20 || strchr("<>\"{}|^`\\", c)) {
      fprintf(stderr, "bad IRI: %.*s\n", (int)n, iri);
      FUZZ_CHECK(!"IRI breaks the IRIREF rule");
    }
  }
  FUZZ_CHECK(memchr(iri, ':', n) != NULL); /* absolute (T10) */
}

static void
add_raptor_term(struct key *k, raptor_term *t)
{
  size_t n;
  const unsigned char *s;
  switch (t->type) {
  case RAPTOR_TERM_TYPE_URI:
    s = raptor_uri_as_counted_string(t->value.uri, &n);
    check_iri((const char *)s, n);
    key_add(k, 'I', (const char *)s, n);
    break;
  case RAPTOR_TERM_TYPE_LITERAL:
    key_add(k, 'L', (const char *)t->value.literal.string,
            t->value.literal.string_len);
    if (t->value.literal.language) {
      key_add(k, '@', (const char *)t->value.literal.language,
              t->value.literal.language_len);
    }
    if (t->value.literal.datatype) {
      s = raptor_uri_as_counted_string(t->value.literal.datatype, &n);
      key_add(k, '^', (const char *)s, n);
    }
    break;
  case RAPTOR_TERM_TYPE_BLANK:
    key_add(k, 'B', "", 0); /* labels are not kept across a parse */
    break;
  default:
    FUZZ_CHECK(!"unknown raptor term");
  }
}

struct parse_ctx {
  struct fuzz_keys *out;
  bool graphs;
  size_t n;
};

static void
on_statement(void *data, raptor_statement *st)
{
  struct parse_ctx *c = data;
  struct key k = {NULL, 0, 0};
  if (c->graphs) {
    if (st->graph) {
      add_raptor_term(&k, st->graph);
    } else {
      key_add(&k, 'D', "", 0);
    }
  }
  add_raptor_term(&k, st->subject);
  add_raptor_term(&k, st->predicate);
  add_raptor_term(&k, st->object);
  keys_add(c->out, k.s);
  c->n++;
}

size_t
fuzz_rdf_parse(const char *syntax, const char *buf, size_t len, bool graphs,
               struct fuzz_keys *out)
{
  if (!rworld) {
    rworld = raptor_new_world();
    FUZZ_CHECK(rworld != NULL);
    FUZZ_CHECK(raptor_world_open(rworld) == 0);
    raptor_world_set_log_handler(rworld, NULL, log_handler);
  }
  raptor_parser *p = raptor_new_parser(rworld, syntax);
  FUZZ_CHECK(p != NULL);
  struct parse_ctx c = {out, graphs, 0};
  raptor_parser_set_statement_handler(p, &c, on_statement);
  /* A base that no output should need (T10): every IRI is absolute. */
  raptor_uri *base =
      raptor_new_uri(rworld, (const unsigned char *)"http://base.invalid/");
  FUZZ_CHECK(base != NULL);
  parse_failed = false;
  int rc = raptor_parser_parse_start(p, base);
  if (rc == 0) {
    rc = raptor_parser_parse_chunk(p, (const unsigned char *)buf, len, 1);
  }
  raptor_free_uri(base);
  raptor_free_parser(p);
  if (rc != 0 || parse_failed) {
    fprintf(stderr, "---- %s output that raptor rejects:\n%.*s\n----\n",
            syntax, (int)(len > 20000 ? 20000 : len), buf);
    FUZZ_CHECK(!"output does not re-parse");
  }
  return c.n;
}

static void
add_term(struct key *k, const struct ng_term *t)
{
  switch (t->kind) {
  case NG_TERM_IRI:
    key_add(k, 'I', t->value, strlen(t->value));
    break;
  case NG_TERM_LITERAL:
    key_add(k, 'L', t->value, strlen(t->value));
    if (t->lang && *t->lang) {
      key_add(k, '@', t->lang, strlen(t->lang));
    }
    if (t->datatype) {
      key_add(k, '^', t->datatype, strlen(t->datatype));
    }
    break;
  case NG_TERM_BLANK:
    key_add(k, 'B', "", 0);
    break;
  }
}

void
fuzz_quads_keys(const struct ng_quads *quads, bool graphs,
                struct fuzz_keys *out)
{
  for (size_t i = 0; i < quads->n; i++) {
    const struct ng_quad *q = &quads->q[i];
    struct key k = {NULL, 0, 0};
    if (graphs) {
      if (q->graph) {
        key_add(&k, 'I', q->graph, strlen(q->graph));
      } else {
        key_add(&k, 'D', "", 0);
      }
    }
    add_term(&k, &q->subject);
    key_add(&k, 'I', q->predicate, strlen(q->predicate));
    add_term(&k, &q->object);
    keys_add(out, k.s);
  }
}

static int
cmp_key(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

void
fuzz_keys_sort(struct fuzz_keys *keys)
{
  if (keys->n < 2) {
    return;
  }
  qsort(keys->k, keys->n, sizeof *keys->k, cmp_key);
  size_t o = 1;
  for (size_t i = 1; i < keys->n; i++) {
    if (strcmp(keys->k[i], keys->k[o - 1]) == 0) {
      free(keys->k[i]);
    } else {
      keys->k[o++] = keys->k[i];
    }
  }
  keys->n = o;
}

void
fuzz_keys_check_equal(const struct fuzz_keys *a, const struct fuzz_keys *b,
                      const char *what)
{
  size_t i = 0;
  for (; i < a->n && i < b->n; i++) {
    if (strcmp(a->k[i], b->k[i]) != 0) {
      break;
    }
  }
  if (i == a->n && i == b->n) {
    return;
  }
  fprintf(stderr, "%s: %zu vs %zu statements, first difference:\n  %s\n  %s\n",
          what, a->n, b->n, i < a->n ? a->k[i] : "(none)",
          i < b->n ? b->k[i] : "(none)");
  FUZZ_CHECK(!"output does not round-trip");
}

void
fuzz_keys_clear(struct fuzz_keys *keys)
{
  for (size_t i = 0; i < keys->n; i++) {
    free(keys->k[i]);
  }
  free(keys->k);
  keys->k = NULL;
  keys->n = keys->cap = 0;
}
