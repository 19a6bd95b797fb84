/* SPDX-License-Identifier: MIT */
/* Resource limits (issue 7): the defaults the README documents (body
 * size, redirects, connect and total time per fetch), the caps on entities
 * and facts per article in the doc adders, and an article of thousands of
 * invented names, which is extracted from the text before the cap with a
 * warning. The sentence-length cap is tested in test_segment.c
 * (test_long_sentence); fetch.sh and fault-hostile.sh run the fetch limits
 * against a loopback server. */
#include "../test.h"
#include "doc.h"
#include "world.h"

#include <stdlib.h>
#include <string.h>

static void
test_limits_defaults(void)
{
  ng_world *world = ng_world_new();
  CHECK(world != NULL);
  if (!world) {
    return;
  }
  CHECK(world->max_bytes == 10u * 1024 * 1024); /* README: 10 MB */
  CHECK(world->max_redirs == 10);
  CHECK(world->connect_timeout == 10);
  CHECK(world->timeout == 30);
  ng_world_free(world);
}

static void
test_limits_entities(void)
{
  struct ng_doc *doc = ng__doc_new("entities");
  CHECK(doc != NULL);
  if (!doc) {
    return;
  }
  bool all_ok = true;
  for (int i = 0; i < NG_DOC_MAX_ENTITIES; i++) {
    char label[32];
    size_t e;
    snprintf(label, sizeof label, "Name %d", i);
    all_ok &= ng__doc_add_entity(doc, NG_ETYPE_PERSON, label, &e) == NG_OK;
  }
  CHECK(all_ok);
  size_t e = NG_NONE;
  CHECK(ng__doc_add_entity(doc, NG_ETYPE_PERSON, "One more", &e) ==
        NG_ERR_TOO_LARGE);
  CHECK(e == NG_NONE);
  CHECK(doc->n_entities == NG_DOC_MAX_ENTITIES);
  CHECK(doc->n_refused_entities == 1);
  ng_doc_free(doc);
}

static void
test_limits_facts(void)
{
  struct ng_doc *doc = ng__doc_new("facts");
  CHECK(doc != NULL);
  if (!doc) {
    return;
  }
  size_t e;
  for (int i = 0; i < 200; i++) {
    char label[32];
    snprintf(label, sizeof label, "Name %d", i);
    CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_PERSON, label, &e));
  }
  /* 200 x 199 ordered pairs of a non-symmetric relation: all distinct */
  size_t n = 0;
  bool all_ok = true;
  for (size_t s = 0; s < 200 && n <= NG_DOC_MAX_FACTS; s++) {
    for (size_t o = 0; o < 200 && n <= NG_DOC_MAX_FACTS; o++) {
      if (s == o) {
        continue;
      }
      struct ng_fact f = {NG_REL_VISITS, s, o, 0, 0.5, NG_MOD_ASSERTED};
      all_ok &= ng__doc_add_fact(doc, &f) == NG_OK;
      n++;
    }
  }
  CHECK(all_ok);
  CHECK(n == NG_DOC_MAX_FACTS + 1);
  CHECK(doc->n_facts == NG_DOC_MAX_FACTS);
  CHECK(doc->n_refused_facts == 1);
  /* a fact already held is still merged at the cap */
  struct ng_fact again = {NG_REL_VISITS, 0, 1, 3, 0.9, NG_MOD_ASSERTED};
  CHECK_OK(ng__doc_add_fact(doc, &again));
  CHECK(doc->n_facts == NG_DOC_MAX_FACTS && doc->n_refused_facts == 1);
  CHECK(doc->facts[0].confidence > 0.8);
  ng_doc_free(doc);
}

static char warning[1024];

static void
keep_warning(void *handle, ng_log_level level, const char *msg)
{
  (void)handle;
  if (level == NG_LOG_WARNING && strstr(msg, "entities")) {
    snprintf(warning, sizeof warning, "%s", msg);
  }
}

/* An article of 3,500 sentences naming two new people each (7,000 names):
 * extraction keeps the text before the cap, warns, and succeeds. */
static void
test_limits_many_names(void)
{
  static const char *const syl[] = {"ka", "lo", "mi", "ra", "te", "vo", "su",
                                    "ne", "di", "ba", "ro", "fe", "li", "zu",
                                    "an", "or", "el", "us", "ta", "pe"};
  size_t cap = 3500 * 80 + 64, len = 0;
  char *text = malloc(cap);
  CHECK(text != NULL);
  if (!text) {
    return;
  }
  for (unsigned i = 0; i < 7000; i += 2) {
    char a[16], b[16];
    unsigned x = i, y = i + 1;
    /* two-word names from the digits of the index in base 20 */
    snprintf(a, sizeof a, "%s%s%s", syl[x % 20], syl[x / 20 % 20],
             syl[x / 400 % 20]);
    snprintf(b, sizeof b, "%s%s%s", syl[y % 20], syl[y / 20 % 20],
             syl[y / 400 % 20]);
    a[0] = (char)(a[0] - 'a' + 'A');
    b[0] = (char)(b[0] - 'a' + 'A');
    int w = snprintf(text + len, cap - len,
                     "Minister %s Tarn met Minister %s Vell in Geneva.\n\n",
                     a, b);
    CHECK(w > 0 && (size_t)w < cap - len);
    len += (size_t)w;
  }
  ng_world *world = ng_world_new();
  CHECK(world != NULL);
  ng_world_set_log_sink(world, keep_warning, NULL);
  ng_doc *doc = NULL;
  CHECK_OK(ng_doc_load_bytes(world, text, len, "names.txt", "text/plain",
                             &doc));
  CHECK_OK(ng_doc_extract(world, doc));
  if (doc) {
    size_t n_people = 0;
    for (size_t i = 0; i < doc->n_entities; i++) {
      n_people += doc->entities[i].type == NG_ETYPE_PERSON;
    }
    printf("limits: %zu entities (%zu people), %zu facts, text cut to %zu "
           "of %zu bytes\n", doc->n_entities, n_people, doc->n_facts,
           doc->text_len, len);
    CHECK(doc->n_entities <= NG_DOC_MAX_ENTITIES);
    CHECK(n_people > NG_DOC_MAX_ENTITIES / 2);
    CHECK(doc->text_len < len && doc->text_len > len / 3);
    CHECK(strstr(warning, "names.txt: more than 5000 entities") != NULL);
  }
  ng_doc_free(doc);
  ng_world_free(world);
  free(text);
}

int
main(void)
{
  test_limits_defaults();
  test_limits_entities();
  test_limits_facts();
  test_limits_many_names();
  return test_report();
}
