/* SPDX-License-Identifier: MIT */
/* Shared helpers for the entity tests (segment, gazetteer, ner, coref,
 * link): a world with the source tree's lexicons, docs built by hand, the
 * entity pipeline, lookups, and a debug dump (NG_DEBUG=1). */
#ifndef NG_TEST_ENTITIES_H
#define NG_TEST_ENTITIES_H

#include "../test.h"

#include "coref.h"
#include "doc.h"
#include "gazetteer.h"
#include "link.h"
#include "ner.h"
#include "segment.h"
#include "world.h"

#include <stdlib.h>
#include <string.h>

/* A world whose gazetteer is loaded from $NEWSGRAPH_DATA (the Makefile
 * sets it to the source ontology/), else NG_SRCDIR/ontology. */
static __attribute__((unused)) ng_world *
test_world(void)
{
  ng_world *world = ng_world_new();
  if (!world) {
    return NULL;
  }
  const char *dir = getenv("NEWSGRAPH_DATA");
  if (!dir || !*dir) {
    dir = NG_SRCDIR "/ontology";
  }
  ng_status st = ng__gazetteer_load(world, dir, &world->gaz);
  if (st != NG_OK) {
    fprintf(stderr, "gazetteer: %s\n", ng_world_errmsg(world));
    ng_world_free(world);
    return NULL;
  }
  return world;
}

/* A doc with @p text (and optional publisher), run through segment, ner,
 * coref and link. */
static __attribute__((unused)) struct ng_doc *
test_run(ng_world *world, const char *text, const char *publisher)
{
  struct ng_doc *doc = ng__doc_new("test");
  if (!doc) {
    return NULL;
  }
  size_t len = strlen(text);
  if (ng__doc_set_str(&doc->text, text, len) != NG_OK) {
    ng_doc_free(doc);
    return NULL;
  }
  doc->text_len = len;
  if (publisher &&
      ng__doc_set_str(&doc->meta.publisher, publisher, strlen(publisher))) {
    ng_doc_free(doc);
    return NULL;
  }
  ng_status st = ng__segment_run(world, doc);
  if (st == NG_OK) {
    st = ng__ner_run(world, doc);
  }
  if (st == NG_OK) {
    st = ng__coref_run(world, doc);
  }
  if (st == NG_OK) {
    st = ng__link_run(world, doc);
  }
  CHECK_OK(st);
  return doc;
}

/* The unmerged entity labelled @p label of @p type, or NG_NONE. */
static __attribute__((unused)) size_t
test_entity(const struct ng_doc *doc, enum ng_etype type, const char *label)
{
  return doc ? ng__doc_find_entity(doc, type, label) : NG_NONE;
}

/* Unmerged entities with @p label of any type. */
static __attribute__((unused)) size_t
test_count_label(const struct ng_doc *doc, const char *label)
{
  size_t n = 0;
  for (size_t e = 0; doc && e < doc->n_entities; e++) {
    n += !doc->entities[e].merged && strcmp(doc->entities[e].label, label) == 0;
  }
  return n;
}

/* True if a fact rel(subject, object) exists, by resolved labels. */
static __attribute__((unused)) bool
test_fact(const struct ng_doc *doc, enum ng_rel rel, const char *subject,
          const char *object)
{
  for (size_t f = 0; doc && f < doc->n_facts; f++) {
    const struct ng_fact *fa = &doc->facts[f];
    size_t s = ng__doc_resolve(doc, fa->subject);
    size_t o = ng__doc_resolve(doc, fa->object);
    if (fa->rel == rel && strcmp(doc->entities[s].label, subject) == 0 &&
        strcmp(doc->entities[o].label, object) == 0) {
      return true;
    }
  }
  return false;
}

static const char *const test_type_names[] = {
    "Person", "Country", "City", "Place", "Organization",
    "InternationalOrganization", "GovernmentBody", "Company", "NewsAgency"};
static const char *const test_rel_names[] = {
    "meets", "visits", "hosts", "headOfStateOf", "headOfGovernmentOf",
    "ministerOf", "leaderOf", "memberOf", "partnerOf", "chairs",
    "cooperatesWith", "tradingPartnerOf", "signsAgreementWith", "invites",
    "locatedIn"};
static const char *const test_kind_names[] = {"NAME", "PARTIAL", "PRONOUN",
                                              "DEMONYM", "DESCRIPTION"};

/* Prints entities, mentions and facts when NG_DEBUG is set. */
static __attribute__((unused)) void
test_dump(const struct ng_doc *doc)
{
  const char *dbg = getenv("NG_DEBUG");
  if (!doc || !dbg || !*dbg || *dbg == '0') {
    return;
  }
  for (size_t e = 0; e < doc->n_entities; e++) {
    const struct ng_entity *en = &doc->entities[e];
    if (en->merged) {
      continue;
    }
    printf("entity\t%s\t%s\t", test_type_names[en->type], en->label);
    for (size_t a = 0; a < en->n_alt_labels; a++) {
      printf("%s%s", a ? "|" : "", en->alt_labels[a]);
    }
    printf("\t%s%s%s%s\n", en->qid ? en->qid : "",
           en->honorific ? " hon=" : "", en->honorific ? en->honorific : "",
           en->is_author ? " author" : "");
  }
  if (getenv("NG_DEBUG_MENTIONS")) {
    for (size_t m = 0; m < doc->n_mentions; m++) {
      const struct ng_mention *mn = &doc->mentions[m];
      printf("mention\t%s\t%.*s\t-> %s\n", test_kind_names[mn->kind],
             (int)(mn->end - mn->begin), doc->text + mn->begin,
             doc->entities[ng__doc_resolve(doc, mn->entity)].label);
    }
  }
  for (size_t f = 0; f < doc->n_facts; f++) {
    const struct ng_fact *fa = &doc->facts[f];
    printf("fact\t%s\t%s\t%s\t%.2f\n", test_rel_names[fa->rel],
           doc->entities[ng__doc_resolve(doc, fa->subject)].label,
           doc->entities[ng__doc_resolve(doc, fa->object)].label,
           fa->confidence);
  }
  printf("dateline\t%s\npublisher\t%s\n",
         doc->dateline != NG_NONE ? doc->entities[doc->dateline].label : "-",
         doc->publisher != NG_NONE ? doc->entities[doc->publisher].label
                                   : "-");
}

#endif
