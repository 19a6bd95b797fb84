/* SPDX-License-Identifier: MIT */
/* Turtle data files to string triples, through raptor2 (never a
 * hand-written parser). Knows nothing of what the triples mean. */
#include "turtle.h"

#include <errno.h>
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct reader {
  struct ng_triples *out; /* where triples go */
  bool nomem;             /* an allocation failed */
  char err[512];          /* first parse error, "line N: text" */
};

static char *
term_string(const raptor_term *term, char *kind)
{
  const unsigned char *s = NULL;
  switch (term->type) {
  case RAPTOR_TERM_TYPE_URI:
    *kind = 'I';
    s = raptor_uri_as_string(term->value.uri);
    break;
  case RAPTOR_TERM_TYPE_BLANK:
    *kind = 'B';
    s = term->value.blank.string;
    break;
  case RAPTOR_TERM_TYPE_LITERAL:
    *kind = 'L';
    s = term->value.literal.string;
    break;
  case RAPTOR_TERM_TYPE_UNKNOWN:
  default:
    return NULL;
  }
  return strdup(s ? (const char *)s : "");
}

static void
on_statement(void *user_data, raptor_statement *st)
{
  struct reader *rd = user_data;
  struct ng_triples *ts = rd->out;
  if (rd->nomem) {
    return;
  }
  if (ts->n == ts->cap) {
    size_t ncap = ts->cap ? ts->cap * 2 : 1024;
    struct ng_triple *p = realloc(ts->t, ncap * sizeof *p);
    if (!p) {
      rd->nomem = true;
      return;
    }
    ts->t = p;
    ts->cap = ncap;
  }
  struct ng_triple *t = &ts->t[ts->n];
  char kind;
  t->s = term_string(st->subject, &kind);
  t->p = term_string(st->predicate, &kind);
  t->o = term_string(st->object, &t->obj_kind);
  if (!t->s || !t->p || !t->o) {
    free(t->s);
    free(t->p);
    free(t->o);
    rd->nomem = true;
    return;
  }
  ts->n++;
}

static void
on_log(void *user_data, raptor_log_message *msg)
{
  struct reader *rd = user_data;
  if (msg->level >= RAPTOR_LOG_LEVEL_ERROR && !rd->err[0]) {
    int line = msg->locator ? msg->locator->line : -1;
    snprintf(rd->err, sizeof rd->err, "line %d: %s", line,
             msg->text ? msg->text : "syntax error");
  }
}

ng_status
ng__turtle_read(ng_world *world, const char *const *paths, size_t n_paths,
                struct ng_triples *out)
{
  struct reader rd = {out, false, ""};
  ng_status st = NG_OK;
  /* One raptor world for all the files, so blank node labels stay unique
   * across them; not the store's librdf world, which must not receive our
   * parse errors. */
  raptor_world *rw = raptor_new_world();
  if (!rw || raptor_world_open(rw) != 0) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  raptor_world_set_log_handler(rw, &rd, on_log);
  for (size_t i = 0; i < n_paths && st == NG_OK; i++) {
    /* Files are read in order: an error names the first bad one. */
    FILE *f = fopen(paths[i], "rb");
    if (!f) {
      st = ng__errorf(world, NG_ERR_IO, "cannot read lexicon %s: %s",
                      paths[i], strerror(errno));
      break;
    }
    fclose(f);
    raptor_parser *parser = raptor_new_parser(rw, "turtle");
    raptor_uri *uri = raptor_new_uri_from_uri_or_file_string(
        rw, NULL, (const unsigned char *)paths[i]);
    if (!parser || !uri) {
      st = NG_ERR_NOMEM;
    } else {
      raptor_parser_set_statement_handler(parser, &rd, on_statement);
      rd.err[0] = '\0';
      int rc = raptor_parser_parse_file(parser, uri, uri);
      if (rd.nomem) {
        st = NG_ERR_NOMEM;
      } else if (rc != 0 || rd.err[0]) {
        st = ng__errorf(world, NG_ERR_RDF, "lexicon %s does not parse: %s",
                        paths[i], rd.err[0] ? rd.err : "error");
      }
    }
    if (parser) {
      raptor_free_parser(parser);
    }
    if (uri) {
      raptor_free_uri(uri);
    }
  }
done:
  if (rw) {
    raptor_free_world(rw);
  }
  return st;
}

void
ng__triples_clear(struct ng_triples *ts)
{
  for (size_t i = 0; i < ts->n; i++) {
    free(ts->t[i].s);
    free(ts->t[i].p);
    free(ts->t[i].o);
  }
  free(ts->t);
  ts->t = NULL;
  ts->n = ts->cap = 0;
}
