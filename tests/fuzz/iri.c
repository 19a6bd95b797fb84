/* SPDX-License-Identifier: MIT */
/* Fuzz target: IRI minting and literal escaping. The input's lines become
 * the article URL, headline, language, date and entity labels of a small
 * hand-built doc (as the extraction stages would leave it); its graph is
 * emitted with NIF and written as N-Quads, N-Triples, Turtle and TriG, and
 * raptor must parse each back to exactly the emitted quads: no second
 * triple injected, every IRI absolute and IRIREF-clean, every literal
 * byte-identical (FAULT-CASES.md T01, T02, T05, T06, T08, T10, T11, X06).
 * Lines: 1 article URL, 2 headline, 3 language, 4 published date, 5 quote,
 * 6.. entity labels (types in turn). */
#include "fuzz.h"

#include "doc.h"
#include "emit.h"
#include "iri.h"
#include "rdfcheck.h"
#include "serialize.h"
#include "utf8.h"

#include <string.h>

#define MAX_FIELDS 24

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  (void)fuzz_world();
  return 0;
}

/* Writes @p quads in @p syntax to a new buffer; *len its size. */
static char *
write_quads(const struct ng_quads *quads, ng_syntax syntax, size_t *len)
{
  char *buf = NULL;
  FILE *out = open_memstream(&buf, len);
  FUZZ_CHECK(out != NULL);
  FUZZ_CHECK(ng__serialize_quads(fuzz_world(), quads, syntax, out) ==
             NG_OK);
  FUZZ_CHECK(fclose(out) == 0);
  return buf;
}

/* Serializes in @p syntax, parses back with raptor's @p parser and
 * compares with @p want. */
static void
round_trip(const struct ng_quads *quads, ng_syntax syntax,
           const char *parser, bool graphs, const struct fuzz_keys *want)
{
  size_t len = 0;
  char *buf = write_quads(quads, syntax, &len);
  struct fuzz_keys got = {NULL, 0, 0};
  (void)fuzz_rdf_parse(parser, buf, len, graphs, &got);
  fuzz_keys_sort(&got);
  fuzz_keys_check_equal(want, &got, parser);
  fuzz_keys_clear(&got);
  free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size > 8192) {
    return 0;
  }
  ng_world *world = fuzz_world();
  size_t len = 0;
  char *text = ng__utf8_sanitize((const char *)data, size, &len);
  FUZZ_CHECK(text != NULL);
  /* Fields: byte ranges of the lines. */
  size_t fb[MAX_FIELDS], fe[MAX_FIELDS], nf = 0;
  for (size_t b = 0; nf < MAX_FIELDS;) {
    const char *nl = memchr(text + b, '\n', len - b);
    size_t e = nl ? (size_t)(nl - text) : len;
    fb[nf] = b;
    fe[nf] = e;
    nf++;
    if (!nl) {
      break;
    }
    b = e + 1;
  }
  struct ng_doc *doc = ng__doc_new("fuzz-iri");
  FUZZ_CHECK(doc != NULL);
  FUZZ_CHECK(ng__doc_set_str(&doc->text, text, len) == NG_OK);
  doc->text_len = len;
  doc->retrieved_at = 1747267200;
  char **fields[] = {&doc->iri, &doc->meta.headline, &doc->meta.language,
                     &doc->meta.date_published};
  /* The article IRI: the first line, made absolute as input.c does
   * (the doc always has one) when it is not; emit.c sanitises it. */
  char *url = strndup(text + fb[0], fe[0] - fb[0]);
  FUZZ_CHECK(url != NULL);
  if (!ng__iri_is_valid(url)) {
    size_t n = strlen(url) + 32;
    char *abs = malloc(n);
    FUZZ_CHECK(abs != NULL);
    snprintf(abs, n, "https://news.example/%s", url);
    free(url);
    url = abs;
  }
  FUZZ_CHECK(ng__doc_set_str(&doc->iri, url, strlen(url)) == NG_OK);
  free(url);
  for (size_t i = 1; i < 4 && i < nf; i++) {
    FUZZ_CHECK(ng__doc_set_str(fields[i], text + fb[i], fe[i] - fb[i]) ==
               NG_OK);
  }
  if (len > 0) {
    FUZZ_CHECK(ng__doc_add_sentence(doc, 0, len) == NG_OK);
  }
  size_t ents[MAX_FIELDS], n_ents = 0;
  for (size_t i = 5; i < nf; i++) {
    if (fe[i] == fb[i]) {
      continue;
    }
    char *label = strndup(text + fb[i], fe[i] - fb[i]);
    FUZZ_CHECK(label != NULL);
    enum ng_etype type = (enum ng_etype)((i - 5) % NG_ETYPE_COUNT);
    size_t e;
    FUZZ_CHECK(ng__doc_add_entity(doc, type, label, &e) == NG_OK);
    free(label);
    ents[n_ents++] = e;
    FUZZ_CHECK(ng__doc_add_mention(doc, fb[i], fe[i], e, NG_MENTION_NAME) ==
               NG_OK);
    if (fe[i - 1] > fb[i - 1]) {
      FUZZ_CHECK(ng__doc_add_alt_label(doc, e, text + fb[i - 1],
                                       fe[i - 1] - fb[i - 1]) == NG_OK);
    }
  }
  if (n_ents >= 2) {
    struct ng_fact f = {NG_REL_MEETS, ents[0], ents[1], 0, 0.9,
                        NG_MOD_ASSERTED};
    FUZZ_CHECK(ng__doc_add_fact(doc, &f) == NG_OK);
  }
  if (n_ents >= 1 && nf > 4 && len > 0) {
    struct ng_event ev;
    memset(&ev, 0, sizeof ev);
    ev.kind = NG_EV_QUOTATION;
    ev.agent = ents[0];
    ev.destination = ev.location = NG_NONE;
    ev.text = strndup(text + fb[4], fe[4] - fb[4]);
    FUZZ_CHECK(ev.text != NULL);
    ev.confidence = 0.95;
    FUZZ_CHECK(ng__doc_take_event(doc, &ev) == NG_OK);
  }

  struct ng_quads quads;
  memset(&quads, 0, sizeof quads);
  ng_status st = ng__emit_doc(world, doc, NG__EMIT_NIF, &quads);
  if (st != NG_OK) {
    fprintf(stderr, "emit: %s\n", ng_world_errmsg(world));
  }
  FUZZ_CHECK(st == NG_OK);
  struct fuzz_keys with_g = {NULL, 0, 0}, no_g = {NULL, 0, 0};
  fuzz_quads_keys(&quads, true, &with_g);
  fuzz_quads_keys(&quads, false, &no_g);
  fuzz_keys_sort(&with_g);
  fuzz_keys_sort(&no_g);
  round_trip(&quads, NG_SYNTAX_NQUADS, "nquads", true, &with_g);
  round_trip(&quads, NG_SYNTAX_TRIG, "trig", true, &with_g);
  round_trip(&quads, NG_SYNTAX_NTRIPLES, "ntriples", false, &no_g);
  round_trip(&quads, NG_SYNTAX_TURTLE, "turtle", false, &no_g);
  fuzz_keys_clear(&with_g);
  fuzz_keys_clear(&no_g);
  ng__quads_clear(&quads);
  ng_doc_free(doc);
  free(text);
  return 0;
}
