/* SPDX-License-Identifier: MIT */
/* Unit tests for buf.c, utf8.c, doc.c and world.c. */
#include "../test.h"

#include "buf.h"
#include "doc.h"
#include "hash.h"
#include "utf8.h"
#include "world.h"

#include <stdlib.h>

static void
test_buf(void)
{
  struct ng_buf b;
  ng__buf_init(&b, 8);
  CHECK_OK(ng__buf_adds(&b, "abcd"));
  CHECK_OK(ng__buf_addf(&b, "%d", 123));
  CHECK_EQ_STR(b.data, "abcd123");
  /* Over the cap: NG_ERR_TOO_LARGE and the buffer is freed. */
  CHECK(ng__buf_adds(&b, "xy") == NG_ERR_TOO_LARGE);
  CHECK(b.data == NULL && b.len == 0);
  ng__buf_init(&b, 0);
  char *s = ng__buf_take(&b);
  CHECK_EQ_STR(s, "");
  free(s);
}

static void
test_utf8(void)
{
  CHECK(ng__utf8_is_valid("abc \xC3\xA9 \xF0\x9F\x98\x80", 11));
  CHECK(!ng__utf8_is_valid("\xC0\xAF", 2));     /* overlong */
  CHECK(!ng__utf8_is_valid("\xED\xA0\x80", 3)); /* surrogate */
  CHECK(!ng__utf8_is_valid("a\0b", 3));         /* NUL */
  size_t len;
  char *s = ng__utf8_sanitize("a\xFF" "b\0c", 5, &len);
  CHECK_EQ_STR(s, "a\xEF\xBF\xBD" "bc");
  CHECK(len == 6);
  free(s);
  CHECK(ng__utf8_cp_count("\xC3\xA9t\xC3\xA9", 5) == 3);
}

static void
test_doc(void)
{
  struct ng_doc *doc = ng__doc_new("x");
  CHECK(doc != NULL);
  const char *text = "A \xC3\xA9t\xC3\xA9. B c.";
  CHECK_OK(ng__doc_set_str(&doc->text, text, strlen(text)));
  doc->text_len = strlen(text);
  CHECK_OK(ng__doc_add_sentence(doc, 0, 8));
  CHECK_OK(ng__doc_add_sentence(doc, 9, 13));
  CHECK(doc->sentences[1].cp_begin == 7 && doc->sentences[1].cp_end == 11);
  CHECK(ng__doc_sentence_at(doc, 10) == 1);
  CHECK(ng__doc_sentence_at(doc, 8) == NG_NONE);
  size_t a, b;
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_PERSON, "Ana Lee", &a));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_PERSON, "Bo Kim", &b));
  CHECK(ng__doc_find_entity(doc, NG_ETYPE_PERSON, "Bo Kim") == b);
  CHECK_OK(ng__doc_add_alt_label(doc, a, "Lee", 3));
  CHECK_OK(ng__doc_add_alt_label(doc, a, "Lee", 3));
  CHECK_OK(ng__doc_add_alt_label(doc, a, "Ana Lee", 7));
  CHECK(doc->entities[a].n_alt_labels == 1);
  struct ng_fact f = {NG_REL_MEETS, a, b, 0, 0.5, NG_MOD_ASSERTED};
  CHECK_OK(ng__doc_add_fact(doc, &f));
  struct ng_fact g = {NG_REL_MEETS, b, a, 1, 0.9, NG_MOD_ASSERTED};
  CHECK_OK(ng__doc_add_fact(doc, &g)); /* symmetric duplicate */
  CHECK(doc->n_facts == 1 && doc->facts[0].confidence == 0.9);
  doc->entities[b].merged = true;
  doc->entities[b].merged_into = a;
  CHECK(ng__doc_resolve(doc, b) == a);
  ng_doc_free(doc);
  ng_doc_free(NULL);
}

static void
test_hash(void)
{
  char hex[65];
  /* FIPS 180-4 example vectors. */
  ng__sha256_hex("abc", 3, hex);
  CHECK_EQ_STR(hex,
               "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  ng__sha256_hex("", 0, hex);
  CHECK_EQ_STR(hex,
               "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void
test_world(void)
{
  ng_world *world = ng_world_new();
  CHECK(world != NULL);
  CHECK_OK(ng_world_set_option(world, "base", "https://example.org/id"));
  CHECK_EQ_STR(world->base, "https://example.org/id/");
  CHECK(ng_world_set_option(world, "base", "relative/") == NG_ERR_ARG);
  CHECK(ng_world_set_option(world, "max-bytes", "-1") == NG_ERR_ARG);
  CHECK(ng_world_set_option(world, "nope", "1") == NG_ERR_ARG);
  CHECK(strstr(ng_world_errmsg(world), "nope") != NULL);
  CHECK_OK(ng_world_set_option(world, "now", "1747300000"));
  CHECK(ng__world_now(world) == 1747300000);
  ng_world_free(world);
  ng_world_free(NULL);
}

int
main(void)
{
  test_buf();
  test_utf8();
  test_doc();
  test_hash();
  test_world();
  return test_report();
}
