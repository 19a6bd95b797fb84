/* SPDX-License-Identifier: MIT */
/* RDF writing: serd for Turtle, TriG, N-Triples and N-Quads (it streams
 * and escapes correctly: FAULT-CASES.md T01, T02, T08), raptor for RDF/XML
 * (REDLAND-NOTES.md §2: raptor's Turtle writer buffers everything and
 * writes raw CR, and raptor has no TriG writer). */
#include "serialize.h"

#include "store.h"
#include "vocab.h"

#include <errno.h>
#include <redland.h>
#include <serd/serd.h>
#include <stdlib.h>
#include <string.h>

/* The project prefixes (VOCABULARY.md "Namespaces"); entity-type
 * prefixes are added from the world's base. */
static const struct {
  const char *prefix;
  const char *ns;
} prefixes[] = {
    {"ng", NG_NS},         {"schema", SCHEMA_NS}, {"rdf", RDF_NS},
    {"rdfs", RDFS_NS},     {"owl", OWL_NS},       {"xsd", XSD_NS},
    {"skos", SKOS_NS},     {"prov", PROV_NS},     {"nif", NIF_NS},
    {"itsrdf", ITSRDF_NS}, {"wd", WD_NS},
};

static const char *const segments[] = {"person", "country", "city", "place",
                                       "organization"};

struct ng_writer {
  ng_world *world;
  ng_syntax syntax;
  FILE *out;
  bool io_error;            /* a write to out failed */
  int err;                  /* errno of the first failed write */
  bool rdf_error;           /* the serializer reported an error */
  SerdEnv *env;             /* serd syntaxes */
  SerdWriter *serd;         /* serd syntaxes */
  raptor_serializer *rser;  /* RDF/XML */
  raptor_world *rworld;     /* RDF/XML, borrowed from the librdf world */
  bool rser_ended;          /* raptor_serializer_serialize_end called */
  char *seg_ns[ARRAY_LEN(segments)]; /* {base}{segment}/ */
  char curie[3][512];       /* scratch for subject, predicate, object */
};

/* A PN_LOCAL that every Turtle parser reads the same way (T06): ASCII
 * only, no escapes needed, not empty, no "." at the end. */
static bool
is_safe_local(const char *s)
{
  size_t n = strlen(s);
  if (n == 0 || s[n - 1] == '.' || s[0] == '-' || s[0] == '.') {
    return false;
  }
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.')) {
      return false;
    }
  }
  return true;
}

static bool
qualify_with(const char *iri, const char *prefix, const char *ns, char *out,
             size_t cap)
{
  size_t k = strlen(ns);
  if (strncmp(iri, ns, k) != 0 || !is_safe_local(iri + k)) {
    return false;
  }
  int n = snprintf(out, cap, "%s:%s", prefix, iri + k);
  return n > 0 && (size_t)n < cap;
}

bool
ng__serialize_qualify(const ng_world *world, const char *iri, char *out,
                      size_t cap)
{
  for (size_t i = 0; i < ARRAY_LEN(prefixes); i++) {
    if (qualify_with(iri, prefixes[i].prefix, prefixes[i].ns, out, cap)) {
      return true;
    }
  }
  size_t k = strlen(world->base);
  if (strncmp(iri, world->base, k) != 0) {
    return false;
  }
  for (size_t i = 0; i < ARRAY_LEN(segments); i++) {
    size_t m = strlen(segments[i]);
    if (strncmp(iri + k, segments[i], m) == 0 && iri[k + m] == '/' &&
        is_safe_local(iri + k + m + 1)) {
      int n = snprintf(out, cap, "%s:%s", segments[i], iri + k + m + 1);
      return n > 0 && (size_t)n < cap;
    }
  }
  return false;
}

/* Records the failed write on the world; returns NG_ERR_IO. */
static ng_status
io_fail(struct ng_writer *w)
{
  return ng__errorf(w->world, NG_ERR_IO, "cannot write the output: %s",
                    strerror(w->err ? w->err : EIO));
}

/* serd sink: records a short write instead of losing it. */
static size_t
file_sink(const void *buf, size_t len, void *stream)
{
  struct ng_writer *w = stream;
  size_t n = fwrite(buf, 1, len, w->out);
  if (n != len && !w->io_error) {
    w->io_error = true;
    w->err = errno;
  }
  return n;
}

static SerdStatus
serd_error(void *handle, const SerdError *error)
{
  struct ng_writer *w = handle;
  char msg[512];
  vsnprintf(msg, sizeof msg, error->fmt, *error->args);
  w->rdf_error = true;
  ng__warnf(w->world, "serd: %s", msg);
  return SERD_SUCCESS;
}

static bool
is_serd(ng_syntax syntax)
{
  switch (syntax) {
  case NG_SYNTAX_TURTLE:
  case NG_SYNTAX_TRIG:
  case NG_SYNTAX_NTRIPLES:
  case NG_SYNTAX_NQUADS:
    return true;
  case NG_SYNTAX_RDFXML:
    return false;
  }
  return false;
}

static SerdSyntax
serd_syntax(ng_syntax syntax)
{
  switch (syntax) {
  case NG_SYNTAX_TURTLE: return SERD_TURTLE;
  case NG_SYNTAX_TRIG: return SERD_TRIG;
  case NG_SYNTAX_NTRIPLES: return SERD_NTRIPLES;
  case NG_SYNTAX_NQUADS: return SERD_NQUADS;
  case NG_SYNTAX_RDFXML: return SERD_NTRIPLES;
  }
  return SERD_NTRIPLES;
}

static bool
is_abbreviated(ng_syntax syntax)
{
  return syntax == NG_SYNTAX_TURTLE || syntax == NG_SYNTAX_TRIG;
}

static ng_status
start_serd(struct ng_writer *w)
{
  w->env = serd_env_new(NULL);
  if (!w->env) {
    return NG_ERR_NOMEM;
  }
  /* SERD_STYLE_BULK: serd collects the output in pages and calls
   * file_sink once per page, not once per token (same bytes). */
  SerdStyle style = SERD_STYLE_BULK;
  if (is_abbreviated(w->syntax)) {
    style |= SERD_STYLE_ABBREVIATED;
  }
  w->serd = serd_writer_new(serd_syntax(w->syntax), style, w->env, NULL,
                            file_sink, w);
  if (!w->serd) {
    return NG_ERR_NOMEM;
  }
  serd_writer_set_error_sink(w->serd, serd_error, w);
  if (!is_abbreviated(w->syntax)) {
    return NG_OK;
  }
  for (size_t i = 0; i < ARRAY_LEN(prefixes) + ARRAY_LEN(segments); i++) {
    const char *p, *ns;
    if (i < ARRAY_LEN(prefixes)) {
      p = prefixes[i].prefix;
      ns = prefixes[i].ns;
    } else {
      p = segments[i - ARRAY_LEN(prefixes)];
      ns = w->seg_ns[i - ARRAY_LEN(prefixes)];
    }
    SerdNode name = serd_node_from_string(SERD_LITERAL, (const uint8_t *)p);
    SerdNode uri = serd_node_from_string(SERD_URI, (const uint8_t *)ns);
    if (serd_writer_set_prefix(w->serd, &name, &uri) != SERD_SUCCESS) {
      return NG_ERR_RDF;
    }
  }
  return w->io_error ? io_fail(w) : NG_OK;
}

static ng_status
start_raptor(struct ng_writer *w)
{
  librdf_world *lw = NULL;
  ng_status st;
  TRY(st, ng__store_rdf_world(w->world, &lw));
  w->rworld = librdf_world_get_raptor(lw);
  w->rser = raptor_new_serializer(w->rworld, "rdfxml");
  if (!w->rser) {
    return ng__errorf(w->world, NG_ERR_RDF, "cannot create the RDF/XML "
                      "serializer");
  }
  for (size_t i = 0; i < ARRAY_LEN(prefixes) + ARRAY_LEN(segments); i++) {
    const char *p, *ns;
    if (i < ARRAY_LEN(prefixes)) {
      p = prefixes[i].prefix;
      ns = prefixes[i].ns;
    } else {
      p = segments[i - ARRAY_LEN(prefixes)];
      ns = w->seg_ns[i - ARRAY_LEN(prefixes)];
    }
    raptor_uri *u = raptor_new_uri(w->rworld, (const unsigned char *)ns);
    if (!u) {
      return NG_ERR_NOMEM;
    }
    /* Best effort: the RDF/XML writer refuses prefixes it declares
     * itself (rdf:), which only costs a longer name. */
    (void)raptor_serializer_set_namespace(w->rser, u,
                                          (const unsigned char *)p);
    raptor_free_uri(u);
  }
  if (raptor_serializer_start_to_file_handle(w->rser, NULL, w->out)) {
    return ng__errorf(w->world, NG_ERR_RDF, "cannot start the RDF/XML "
                      "serializer");
  }
  return NG_OK;
}

ng_status
ng__writer_new(ng_world *world, ng_syntax syntax, FILE *out,
               struct ng_writer **wp)
{
  ng_status st;
  struct ng_writer *w = calloc(1, sizeof *w);
  *wp = NULL;
  if (!w) {
    return NG_ERR_NOMEM;
  }
  w->world = world;
  w->syntax = syntax;
  w->out = out;
  for (size_t i = 0; i < ARRAY_LEN(segments); i++) {
    size_t n = strlen(world->base) + strlen(segments[i]) + 2;
    w->seg_ns[i] = malloc(n);
    if (!w->seg_ns[i]) {
      ng__writer_free(w);
      return NG_ERR_NOMEM;
    }
    snprintf(w->seg_ns[i], n, "%s%s/", world->base, segments[i]);
  }
  st = is_serd(syntax) ? start_serd(w) : start_raptor(w);
  if (st != NG_OK) {
    ng__writer_free(w);
    return st;
  }
  *wp = w;
  return NG_OK;
}

/* A serd node of @p type for @p s. Turtle and TriG need the node's
 * flags (serd writes a literal with a quote or newline as a long string),
 * so serd computes them; N-Triples and N-Quads are written from buf,
 * n_bytes and type alone (serd 0.30 writer.c: write_literal,
 * write_uri_node), so serd's per-character count is skipped there and
 * n_chars is left at the byte count. */
static SerdNode
node_of(const struct ng_writer *w, SerdType type, const char *s)
{
  if (is_abbreviated(w->syntax)) {
    return serd_node_from_string(type, (const uint8_t *)s);
  }
  size_t n = strlen(s);
  SerdNode node = {(const uint8_t *)s, n, n, 0, type};
  return node;
}

/* A serd node for an IRI, written as a prefixed name when safe. */
static SerdNode
serd_iri(struct ng_writer *w, const char *iri, int slot)
{
  if (is_abbreviated(w->syntax) &&
      ng__serialize_qualify(w->world, iri, w->curie[slot],
                            sizeof w->curie[slot])) {
    return serd_node_from_string(SERD_CURIE, (const uint8_t *)w->curie[slot]);
  }
  return node_of(w, SERD_URI, iri);
}

static SerdNode
serd_term(struct ng_writer *w, const struct ng_term *t, int slot)
{
  switch (t->kind) {
  case NG_TERM_IRI:
    return serd_iri(w, t->value, slot);
  case NG_TERM_BLANK:
    return node_of(w, SERD_BLANK, t->value);
  case NG_TERM_LITERAL:
    return node_of(w, SERD_LITERAL, t->value);
  }
  return SERD_NODE_NULL;
}

static ng_status
write_serd(struct ng_writer *w, const struct ng_quad *q)
{
  SerdNode s = serd_term(w, &q->subject, 0);
  SerdNode p = serd_iri(w, q->predicate, 1);
  SerdNode o = serd_term(w, &q->object, 2);
  SerdNode g = SERD_NODE_NULL, dt = SERD_NODE_NULL, lang = SERD_NODE_NULL;
  char dt_curie[128];
  bool quads = w->syntax == NG_SYNTAX_TRIG || w->syntax == NG_SYNTAX_NQUADS;
  if (quads && q->graph) {
    g = node_of(w, SERD_URI, q->graph);
  }
  if (q->object.kind == NG_TERM_LITERAL) {
    if (q->object.lang && *q->object.lang) {
      lang = node_of(w, SERD_LITERAL, q->object.lang);
    } else if (q->object.datatype && strcmp(q->object.datatype,
                                            XSD_STRING) != 0) {
      if (is_abbreviated(w->syntax) &&
          ng__serialize_qualify(w->world, q->object.datatype, dt_curie,
                                sizeof dt_curie)) {
        dt = serd_node_from_string(SERD_CURIE, (const uint8_t *)dt_curie);
      } else {
        dt = node_of(w, SERD_URI, q->object.datatype);
      }
    }
  }
  SerdStatus ss = serd_writer_write_statement(
      w->serd, 0, g.buf ? &g : NULL, &s, &p, &o, dt.buf ? &dt : NULL,
      lang.buf ? &lang : NULL);
  if (w->io_error) {
    return io_fail(w);
  }
  return ss == SERD_SUCCESS ? NG_OK : NG_ERR_RDF;
}

static raptor_term *
raptor_term_new(raptor_world *rw, const struct ng_term *t)
{
  switch (t->kind) {
  case NG_TERM_IRI:
    return raptor_new_term_from_uri_string(rw,
                                           (const unsigned char *)t->value);
  case NG_TERM_BLANK:
    return raptor_new_term_from_blank(rw, (const unsigned char *)t->value);
  case NG_TERM_LITERAL: {
    raptor_uri *dt = NULL;
    if (!(t->lang && *t->lang) && t->datatype &&
        strcmp(t->datatype, XSD_STRING) != 0) {
      dt = raptor_new_uri(rw, (const unsigned char *)t->datatype);
      if (!dt) {
        return NULL;
      }
    }
    raptor_term *r = raptor_new_term_from_literal(
        rw, (const unsigned char *)t->value, dt,
        t->lang && *t->lang ? (const unsigned char *)t->lang : NULL);
    if (dt) {
      raptor_free_uri(dt);
    }
    return r;
  }
  }
  return NULL;
}

static ng_status
write_raptor(struct ng_writer *w, const struct ng_quad *q)
{
  struct ng_term pt = {NG_TERM_IRI, q->predicate, NULL, NULL};
  raptor_term *s = raptor_term_new(w->rworld, &q->subject);
  raptor_term *p = raptor_term_new(w->rworld, &pt);
  raptor_term *o = raptor_term_new(w->rworld, &q->object);
  if (!s || !p || !o) {
    raptor_free_term(s);
    raptor_free_term(p);
    raptor_free_term(o);
    return NG_ERR_NOMEM;
  }
  /* raptor_new_statement_from_nodes takes the terms, even on failure. */
  raptor_statement *stmt =
      raptor_new_statement_from_nodes(w->rworld, s, p, o, NULL);
  if (!stmt) {
    return NG_ERR_NOMEM;
  }
  int rc = raptor_serializer_serialize_statement(w->rser, stmt);
  raptor_free_statement(stmt);
  if (ferror(w->out)) {
    w->err = errno;
    return io_fail(w);
  }
  return rc ? NG_ERR_RDF : NG_OK;
}

ng_status
ng__writer_write(struct ng_writer *w, const struct ng_quad *q)
{
  return is_serd(w->syntax) ? write_serd(w, q) : write_raptor(w, q);
}

ng_status
ng__writer_finish(struct ng_writer *w)
{
  bool failed = false;
  if (w->serd) {
    failed = serd_writer_finish(w->serd) != SERD_SUCCESS;
  } else if (w->rser) {
    failed = raptor_serializer_serialize_end(w->rser) != 0;
    w->rser_ended = true;
  }
  if (fflush(w->out) != 0 || ferror(w->out) || w->io_error) {
    if (!w->err) {
      w->err = errno;
    }
    return io_fail(w);
  }
  if (failed || w->rdf_error) {
    return ng__errorf(w->world, NG_ERR_RDF, "the RDF serializer failed");
  }
  return NG_OK;
}

void
ng__writer_free(struct ng_writer *w)
{
  if (!w) {
    return;
  }
  if (w->serd) {
    serd_writer_free(w->serd);
  }
  if (w->env) {
    serd_env_free(w->env);
  }
  if (w->rser) {
    /* raptor frees the iostream that start_to_file_handle made only in
     * serialize_end (raptor_serialize.c), so an unfinished writer (an
     * error path) still ends it; what it writes no longer matters. */
    if (!w->rser_ended) {
      (void)raptor_serializer_serialize_end(w->rser);
    }
    raptor_free_serializer(w->rser);
  }
  for (size_t i = 0; i < ARRAY_LEN(segments); i++) {
    free(w->seg_ns[i]);
  }
  free(w);
}

ng_status
ng__serialize_quads(ng_world *world, const struct ng_quads *quads,
                    ng_syntax syntax, FILE *out)
{
  ng_status st;
  struct ng_writer *w = NULL;
  TRY(st, ng__writer_new(world, syntax, out, &w));
  for (size_t i = 0; i < quads->n; i++) {
    st = ng__writer_write(w, &quads->q[i]);
    if (st == NG_ERR_IO) {
      break;
    }
    if (st != NG_OK) {
      ng__warnf(world, "cannot write a triple of %s: skipped",
                quads->q[i].subject.value);
    }
  }
  ng_status fst = ng__writer_finish(w);
  ng__writer_free(w);
  return st == NG_ERR_IO ? st : fst;
}

ng_status
ng_syntax_parse(const char *name, ng_syntax *out)
{
  static const struct {
    const char *name;
    ng_syntax syntax;
  } names[] = {{"turtle", NG_SYNTAX_TURTLE},     {"trig", NG_SYNTAX_TRIG},
               {"ntriples", NG_SYNTAX_NTRIPLES}, {"nquads", NG_SYNTAX_NQUADS},
               {"rdfxml", NG_SYNTAX_RDFXML}};
  if (!name || !out) {
    return NG_ERR_ARG;
  }
  for (size_t i = 0; i < ARRAY_LEN(names); i++) {
    if (strcmp(name, names[i].name) == 0) {
      *out = names[i].syntax;
      return NG_OK;
    }
  }
  return NG_ERR_ARG;
}
