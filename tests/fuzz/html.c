/* SPDX-License-Identifier: MIT */
/* Fuzz target: bytes served as text/html through charset decoding, HTML
 * parsing, metadata and main-text extraction (ng_doc_parse). The main text
 * and every metadata string must be valid UTF-8, and the JSON line must be
 * writable. */
#include "fuzz.h"

#include "doc.h"
#include "utf8.h"

#include <string.h>

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  (void)fuzz_world();
  return 0;
}

/* Aborts unless @p s is NULL or valid UTF-8 without NUL bytes. */
static void
check_str(const char *s)
{
  if (s) {
    FUZZ_CHECK(ng__utf8_is_valid(s, strlen(s)));
  }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  ng_world *world = fuzz_world();
  ng_doc *doc = NULL;
  /* The first byte picks how the page was served: with a header charset,
   * with none, or with no Content-Type at all (sniffed). */
  const char *ctype = "text/html";
  if (size > 0 && data[0] == 'L') {
    ctype = "text/html; charset=iso-8859-1";
  } else if (size > 0 && data[0] == 'S') {
    ctype = NULL;
  }
  if (ng_doc_load_bytes(world, (const char *)data, size, "fuzz.html", ctype,
                        &doc) != NG_OK) {
    return 0;
  }
  if (ng_doc_parse(world, doc) == NG_OK) {
    const char *text = ng_doc_get_text(doc);
    FUZZ_CHECK(text != NULL);
    FUZZ_CHECK(strlen(text) == doc->text_len);
    FUZZ_CHECK(ng__utf8_is_valid(text, doc->text_len));
    check_str(doc->meta.headline);
    check_str(doc->meta.publisher);
    check_str(doc->meta.description);
    check_str(doc->meta.language);
    for (size_t i = 0; i < doc->meta.n_authors; i++) {
      FUZZ_CHECK(doc->meta.authors[i] != NULL);
      check_str(doc->meta.authors[i]);
    }
    FUZZ_CHECK(ng_doc_get_iri(doc) != NULL);
    FUZZ_CHECK(ng_doc_write_json(doc, fuzz_null()) == NG_OK);
  }
  ng_doc_free(doc);
  return 0;
}
