/* SPDX-License-Identifier: MIT */
/* Fuzz target: the input as the JSON-LD block of an otherwise fixed news
 * page (ng_doc_parse reads it through json-c). Metadata strings must be
 * valid UTF-8 and the dates in the shapes doc.h promises. */
#include "fuzz.h"

#include "doc.h"
#include "utf8.h"

#include <string.h>

static const char head[] =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Harbour talks resume - Example News</title>"
    "<script type=\"application/ld+json\">";
static const char tail[] =
    "</script></head><body><article><h1>Harbour talks resume</h1>"
    "<p>Port workers and the shipping council met on Tuesday in Oslo to "
    "discuss the new contract, the third round of talks this year.</p>"
    "<p>The council said it expected an agreement before the summer, "
    "while the union asked for a second meeting next week.</p>"
    "</article></body></html>";

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  (void)fuzz_world();
  return 0;
}

static void
check_str(const char *s)
{
  if (s) {
    FUZZ_CHECK(ng__utf8_is_valid(s, strlen(s)));
  }
}

/* A date as doc.h says: "YYYY-MM-DD" optionally followed by "T". */
static void
check_date(const char *s)
{
  if (!s) {
    return;
  }
  size_t n = strlen(s);
  FUZZ_CHECK(n >= 10 && s[4] == '-' && s[7] == '-');
  FUZZ_CHECK(n == 10 || s[10] == 'T');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  ng_world *world = fuzz_world();
  size_t len = sizeof head - 1 + size + sizeof tail - 1;
  char *page = malloc(len);
  FUZZ_CHECK(page != NULL);
  memcpy(page, head, sizeof head - 1);
  if (size > 0) {
    memcpy(page + sizeof head - 1, data, size);
  }
  memcpy(page + sizeof head - 1 + size, tail, sizeof tail - 1);
  ng_doc *doc = NULL;
  ng_status st = ng_doc_load_bytes(world, page, len, "fuzz-jsonld.html",
                                   "text/html; charset=utf-8", &doc);
  free(page);
  if (st != NG_OK) {
    return 0;
  }
  if (ng_doc_parse(world, doc) == NG_OK) {
    check_str(doc->meta.headline);
    check_str(doc->meta.publisher);
    check_str(doc->meta.description);
    check_str(doc->meta.canonical_url);
    for (size_t i = 0; i < doc->meta.n_authors; i++) {
      check_str(doc->meta.authors[i]);
    }
    check_date(doc->meta.date_published);
    check_date(doc->meta.date_modified);
    FUZZ_CHECK(ng_doc_write_json(doc, fuzz_null()) == NG_OK);
  }
  ng_doc_free(doc);
  return 0;
}
