/* SPDX-License-Identifier: MIT */
/* Fuzz target: plain text through the whole extraction (sentences,
 * mentions, entities, coreference, linking, dates, money, relations,
 * events), then emitted with NIF and written as N-Quads, which raptor must
 * parse back to exactly the emitted quads (no injected triple, T05). */
#include "fuzz.h"

#include "doc.h"
#include "emit.h"
#include "rdfcheck.h"
#include "serialize.h"

#include <string.h>

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  ng_world *world = fuzz_world();
  /* Loads the lexicons once, outside the timed runs. */
  ng_doc *doc = NULL;
  FUZZ_CHECK(ng_doc_load_bytes(world, "Oslo.", 5, "warm-up", "text/plain",
                               &doc) == NG_OK);
  FUZZ_CHECK(ng_doc_extract(world, doc) == NG_OK);
  ng_doc_free(doc);
  return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  ng_world *world = fuzz_world();
  ng_doc *doc = NULL;
  if (size > 65536) {
    return 0; /* sentences per second, not megabytes, are the point */
  }
  if (ng_doc_load_bytes(world, (const char *)data, size, "fuzz.txt",
                        "text/plain", &doc) != NG_OK) {
    return 0;
  }
  FUZZ_CHECK(ng_doc_set_url(doc, "https://news.example/world/fuzz") ==
             NG_OK);
  FUZZ_CHECK(ng_doc_set_date(doc, "2025-05-15") == NG_OK);
  if (ng_doc_extract(world, doc) != NG_OK) {
    ng_doc_free(doc);
    return 0;
  }
  /* Offsets the stages left must lie inside the text, on UTF-8
   * boundaries (NIF offsets are counted from them). */
  for (size_t i = 0; i < doc->n_mentions; i++) {
    FUZZ_CHECK(doc->mentions[i].begin <= doc->mentions[i].end);
    FUZZ_CHECK(doc->mentions[i].end <= doc->text_len);
  }
  for (size_t i = 0; i < doc->n_sentences; i++) {
    FUZZ_CHECK(doc->sentences[i].begin <= doc->sentences[i].end);
    FUZZ_CHECK(doc->sentences[i].end <= doc->text_len);
  }
  struct ng_quads quads;
  memset(&quads, 0, sizeof quads);
  FUZZ_CHECK(ng__emit_doc(world, doc, NG__EMIT_NIF, &quads) == NG_OK);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  FUZZ_CHECK(out != NULL);
  FUZZ_CHECK(ng__serialize_quads(world, &quads, NG_SYNTAX_NQUADS, out) ==
             NG_OK);
  FUZZ_CHECK(fclose(out) == 0);
  struct fuzz_keys want = {NULL, 0, 0}, got = {NULL, 0, 0};
  fuzz_quads_keys(&quads, true, &want);
  (void)fuzz_rdf_parse("nquads", buf, len, true, &got);
  fuzz_keys_sort(&want);
  fuzz_keys_sort(&got);
  fuzz_keys_check_equal(&want, &got, "text N-Quads");
  fuzz_keys_clear(&want);
  fuzz_keys_clear(&got);
  free(buf);
  ng__quads_clear(&quads);
  ng_doc_free(doc);
  return 0;
}
