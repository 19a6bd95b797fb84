/* SPDX-License-Identifier: MIT */
/* Unit tests for link.c: publisher from metadata or the text's agency
 * credit, authors, canonical labels and QIDs. */
#include "entities.h"

static void
test_publisher_trailer(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "PUTRAJAYA, Jan 2 -- Trade rose, officials said.\n\nMore talks are "
      "due. -- Bernama", NULL);
  test_dump(doc);
  CHECK(doc && doc->publisher != NG_NONE &&
        strcmp(doc->entities[doc->publisher].label, "Bernama") == 0 &&
        doc->entities[doc->publisher].type == NG_ETYPE_NEWS_AGENCY);
  CHECK(doc && doc->dateline != NG_NONE &&
        strcmp(doc->entities[doc->dateline].label, "Putrajaya") == 0);
  ng_doc_free(doc);
}

static void
test_publisher_meta_authors(ng_world *world)
{
  struct ng_doc *doc = ng__doc_new("t");
  const char *text = "MOSCOW, May 2 (BERNAMA) -- Prime Minister Lev Orlov "
                     "met Nia Okafor, the reporter said.";
  CHECK_OK(ng__doc_set_str(&doc->text, text, strlen(text)));
  doc->text_len = strlen(text);
  CHECK_OK(ng__doc_set_str(&doc->meta.publisher, "BERNAMA", 7));
  doc->meta.authors = calloc(4, sizeof *doc->meta.authors);
  doc->meta.authors[0] = strdup("By Nia Okafor");
  doc->meta.authors[1] = strdup("Bernama");
  doc->meta.authors[2] = strdup("editor@example.com");
  doc->meta.authors[3] = strdup("Sam Lee");
  doc->meta.n_authors = 4;
  CHECK_OK(ng__segment_run(world, doc));
  CHECK_OK(ng__ner_run(world, doc));
  CHECK_OK(ng__coref_run(world, doc));
  CHECK_OK(ng__link_run(world, doc));
  test_dump(doc);
  /* the agency's canonical name; one entity for text and metadata */
  CHECK(doc->publisher != NG_NONE &&
        strcmp(doc->entities[doc->publisher].label, "Bernama") == 0);
  CHECK(test_count_label(doc, "Bernama") == 1);
  CHECK(test_count_label(doc, "BERNAMA") == 0);
  size_t nia = test_entity(doc, NG_ETYPE_PERSON, "Nia Okafor");
  size_t sam = test_entity(doc, NG_ETYPE_PERSON, "Sam Lee");
  CHECK(nia != NG_NONE && doc->entities[nia].is_author);
  CHECK(sam != NG_NONE && doc->entities[sam].is_author);
  CHECK(test_count_label(doc, "editor@example.com") == 0);
  /* a Malaysian agency reporting from Moscow: an unqualified "Prime
   * Minister" belongs to no country (the two disagree) */
  CHECK(!test_fact(doc, NG_REL_HEAD_OF_GOVERNMENT_OF, "Lev Orlov",
                   "Malaysia"));
  CHECK(!test_fact(doc, NG_REL_HEAD_OF_GOVERNMENT_OF, "Lev Orlov", "Russia"));
  size_t ru = test_entity(doc, NG_ETYPE_CITY, "Moscow");
  CHECK(ru != NG_NONE);
  ng_doc_free(doc);
}

static void
test_canonical(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "Officials from the Russian Federation and Viet Nam met in Hanoi with "
      "U.N. staff.", "Reuters");
  test_dump(doc);
  size_t ru = test_entity(doc, NG_ETYPE_COUNTRY, "Russia");
  CHECK(ru != NG_NONE && doc->entities[ru].qid &&
        strcmp(doc->entities[ru].qid, "Q159") == 0);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Vietnam") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_INTL_ORG, "United Nations") != NG_NONE);
  CHECK(doc && doc->publisher != NG_NONE &&
        doc->entities[doc->publisher].type == NG_ETYPE_NEWS_AGENCY);
  ng_doc_free(doc);
}

int
main(void)
{
  ng_world *world = test_world();
  CHECK(world != NULL);
  if (world) {
    test_publisher_trailer(world);
    test_publisher_meta_authors(world);
    test_canonical(world);
  }
  ng_world_free(world);
  return test_report();
}
