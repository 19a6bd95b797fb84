/* SPDX-License-Identifier: MIT */
/* Unit tests for coref.c: partial names, pronouns with salience and
 * gender, definite descriptions, acronyms and case variants (N04). */
#include "entities.h"
#include "internal.h"

static size_t
mention_entity(const struct ng_doc *doc, const char *surface, size_t nth)
{
  size_t l = strlen(surface);
  for (size_t m = 0; doc && m < doc->n_mentions; m++) {
    const struct ng_mention *mn = &doc->mentions[m];
    if (mn->end - mn->begin == l &&
        memcmp(doc->text + mn->begin, surface, l) == 0 && nth-- == 0) {
      return ng__doc_resolve(doc, mn->entity);
    }
  }
  return NG_NONE;
}

static void
test_partials_pronouns(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "BERLIN, June 3 - Chilean Foreign Minister Dr Rosa Valdes met German "
      "Chancellor Otto Brenner on Monday.\n\nValdes said she valued the "
      "talks. \"We agreed on much,\" she told reporters. Brenner said his "
      "government would reply. The chancellor added that Datin Mariam Aziz "
      "and Valdes would meet again. She said the bloc mattered.", NULL);
  test_dump(doc);
  size_t rosa = test_entity(doc, NG_ETYPE_PERSON, "Rosa Valdes");
  size_t otto = test_entity(doc, NG_ETYPE_PERSON, "Otto Brenner");
  size_t mariam = test_entity(doc, NG_ETYPE_PERSON, "Mariam Aziz");
  CHECK(rosa != NG_NONE && otto != NG_NONE && mariam != NG_NONE);
  CHECK(test_count_label(doc, "Valdes") == 0);
  CHECK(test_count_label(doc, "Brenner") == 0);
  CHECK(mention_entity(doc, "Valdes", 1) == rosa);
  CHECK(mention_entity(doc, "she", 0) == rosa);
  CHECK(mention_entity(doc, "she", 1) == rosa);
  CHECK(mention_entity(doc, "his", 0) == otto);
  CHECK(mention_entity(doc, "The chancellor", 0) == otto);
  /* "She" after a sentence with Mariam (female by honorific) and Valdes */
  size_t she = mention_entity(doc, "She", 0);
  CHECK(she == mariam || she == rosa);
  CHECK(she != otto);
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Rosa Valdes", "Chile"));
  CHECK(test_fact(doc, NG_REL_HEAD_OF_GOVERNMENT_OF, "Otto Brenner",
                  "Germany"));
  bool alt = false;
  for (size_t a = 0; rosa != NG_NONE && a < doc->entities[rosa].n_alt_labels;
       a++) {
    alt = alt || strcmp(doc->entities[rosa].alt_labels[a], "Valdes") == 0;
  }
  CHECK(alt);
  ng_doc_free(doc);
}

static void
test_descriptions_acronyms(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "Malaysia joined talks with the Pacific Islands Forum in Suva. The "
      "regional bloc welcomed it, and the 18-member bloc said more. The "
      "Norvale Mining Corporation (NMC) signed. NMC and Norvale Mining "
      "Corporation are one. The Velmar Export Board met the VELMAR EXPORT "
      "BOARD staff.", NULL);
  test_dump(doc);
  size_t pif = test_entity(doc, NG_ETYPE_INTL_ORG, "Pacific Islands Forum");
  CHECK(pif != NG_NONE);
  CHECK(mention_entity(doc, "The regional bloc", 0) == pif);
  CHECK(mention_entity(doc, "the 18-member bloc", 0) == pif);
  CHECK(test_count_label(doc, "NMC") == 1);
  CHECK(test_count_label(doc, "Norvale Mining Corporation") == 0);
  CHECK(test_entity(doc, NG_ETYPE_COMPANY, "NMC") != NG_NONE);
  CHECK(test_count_label(doc, "Velmar Export Board") +
            test_count_label(doc, "VELMAR EXPORT BOARD") <= 1);
  ng_doc_free(doc);
}

/* Short forms of organisation names corefer with the full name, whether
 * a title ("Orvane chief executive") or a reporting verb ("Kestrel
 * Foods said") typed them; a known name is never a short form. */
static void
test_org_short_forms(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "Orvane Tidal Energy Corporation signed a deal with Kestrel Foods "
      "Joint Stock Company. Orvane Tidal chief executive officer Lio Danter "
      "said costs would fall. Kestrel Foods said it was pleased. The "
      "African Union Commission met African Union envoys.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_COMPANY, "Orvane Tidal Energy Corporation")
        != NG_NONE);
  CHECK(test_count_label(doc, "Orvane Tidal") == 0);
  CHECK(test_count_label(doc, "Kestrel Foods") == 0);
  CHECK(test_entity(doc, NG_ETYPE_COMPANY,
                    "Kestrel Foods Joint Stock Company") != NG_NONE);
  CHECK(test_fact(doc, NG_REL_LEADER_OF, "Lio Danter",
                  "Orvane Tidal Energy Corporation"));
  CHECK(test_count_label(doc, "African Union") == 1);
  CHECK(test_count_label(doc, "African Union Commission") == 1);
  ng_doc_free(doc);
}

static void
test_merge_api(void)
{
  struct ng_doc *doc = ng__doc_new("t");
  size_t a, b;
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_ORGANIZATION, "KEPA", &a));
  CHECK_OK(ng__doc_add_entity(doc, NG_ETYPE_GOV_BODY, "Kenya Export Agency",
                              &b));
  CHECK_OK(ng__coref_merge(doc, b, a));
  CHECK(doc->entities[b].merged && doc->entities[b].merged_into == a);
  CHECK(doc->entities[a].type == NG_ETYPE_GOV_BODY);
  CHECK(doc->entities[a].n_alt_labels == 1);
  CHECK(ng__doc_resolve(doc, b) == a);
  CHECK_OK(ng__coref_merge(doc, b, a)); /* already merged: no-op */
  ng_doc_free(doc);
}

/* The entity a mention over the first occurrence of @p surf resolves to,
 * when its kind is @p kind; else NULL. */
static const char *
described(const struct ng_doc *doc, const char *surf,
          enum ng_mention_kind kind)
{
  const char *p = doc ? strstr(doc->text, surf) : NULL;
  for (size_t m = 0; p && m < doc->n_mentions; m++) {
    const struct ng_mention *mn = &doc->mentions[m];
    if (mn->begin == (size_t)(p - doc->text) && mn->kind == kind) {
      return doc->entities[ng__doc_resolve(doc, mn->entity)].label;
    }
  }
  return NULL;
}

/* "the foreign minister" is the person titled so; "the Malaysian leader"
 * and "the Egyptian minister" hold an office of that country */
static void
test_office_descriptions(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "Trade Minister Ali Osman and Foreign Minister Amal Hassan met "
      "Malaysian Prime Minister Anwar Ibrahim and Egyptian Minister of Trade "
      "Samir Fahmy. The foreign minister said ties were strong. The "
      "Malaysian leader thanked the hosts. The Egyptian minister agreed. "
      "The minister said more.", NULL);
  test_dump(doc);
  const char *a = described(doc, "The foreign minister",
                            NG_MENTION_DESCRIPTION);
  const char *b = described(doc, "The Malaysian leader",
                            NG_MENTION_DESCRIPTION);
  const char *c = described(doc, "The Egyptian minister",
                            NG_MENTION_DESCRIPTION);
  const char *d = described(doc, "The minister said",
                            NG_MENTION_DESCRIPTION);
  CHECK(a && strcmp(a, "Amal Hassan") == 0);
  CHECK(b && strcmp(b, "Anwar Ibrahim") == 0);
  CHECK(c && strcmp(c, "Samir Fahmy") == 0);
  CHECK(d && strcmp(d, "Samir Fahmy") == 0);
  ng_doc_free(doc);
}

/* True if entity @p e has the alt label @p alt. */
static bool
has_alt(const struct ng_doc *doc, size_t e, const char *alt)
{
  for (size_t a = 0; e != NG_NONE && a < doc->entities[e].n_alt_labels; a++) {
    if (strcmp(doc->entities[e].alt_labels[a], alt) == 0) {
      return true;
    }
  }
  return false;
}

/* A nickname in quotation marks between the given and the family name is
 * one person named by the two, the nickname an alt label; a later
 * sentence-initial family name is that person; a title before the quote
 * is no given name. */
static void
test_nicknames(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "ABUJA, March 3 - Maria \"Mimi\" Okafor, a Nigerian trade envoy, "
      "attended the talks on Monday.\n\nOkafor reportedly met Ghanaian "
      "President Kwame Boateng later.\n\nNigerian envoy Samuel \xE2\x80\x9C"
      "Sammy\xE2\x80\x9D Adeyemi met Boateng too.\n\nFormer boxer Tunde "
      "'Big T' Bello said he was pleased.\n\nPresident \"Big Man\" Eze "
      "spoke.", NULL);
  test_dump(doc);
  size_t maria = test_entity(doc, NG_ETYPE_PERSON, "Maria Okafor");
  size_t samuel = test_entity(doc, NG_ETYPE_PERSON, "Samuel Adeyemi");
  size_t tunde = test_entity(doc, NG_ETYPE_PERSON, "Tunde Bello");
  CHECK(maria != NG_NONE && samuel != NG_NONE && tunde != NG_NONE);
  CHECK(has_alt(doc, maria, "Mimi"));
  CHECK(has_alt(doc, samuel, "Sammy"));
  CHECK(has_alt(doc, tunde, "Big T"));
  /* no person of a part or of the nickname */
  CHECK(test_count_label(doc, "Okafor") == 0);
  CHECK(test_count_label(doc, "Maria") == 0);
  CHECK(test_count_label(doc, "Mimi") == 0);
  CHECK(test_count_label(doc, "Samuel") == 0);
  CHECK(test_count_label(doc, "Adeyemi") == 0);
  CHECK(test_count_label(doc, "Sammy") == 0);
  CHECK(test_count_label(doc, "Bello") == 0);
  /* the mention spans the whole name, nickname included */
  CHECK(mention_entity(doc, "Maria \"Mimi\" Okafor", 0) == maria);
  /* the second reference opening a sentence */
  CHECK(mention_entity(doc, "Okafor", 0) == maria);
  /* a title is no given name: no "President Eze" */
  CHECK(test_count_label(doc, "President Eze") == 0);
  ng_doc_free(doc);
}

/* The nickname with the family name on a later reference ("Tom Wilk"
 * after 'Tomasz "Tom" Wilk') names the same person, before or after the
 * quoted form; the family name alone stays that person too. */
static void
test_nickname_references(ng_world *world)
{
  static const char *const texts[] = {
      "WARSAW, March 10 - Polish trade envoy Tomasz \"Tom\" Wilk arrived "
      "in Nairobi on Monday.\n\nTom Wilk met Kenyan officials on Tuesday. "
      "Wilk said the talks went well.",
      "Polish trade envoy Tomasz \xE2\x80\x9CTom\xE2\x80\x9D Wilk arrived "
      "in Nairobi on Monday. Later, Tom Wilk met Kenyan officials. Wilk "
      "said the talks went well.",
      "Tom Wilk met Kenyan officials on Tuesday.\n\nPolish trade envoy "
      "Tomasz 'Tom' Wilk had arrived in Nairobi on Monday. Wilk said the "
      "talks went well.",
  };
  for (size_t i = 0; i < ARRAY_LEN(texts); i++) {
    struct ng_doc *doc = test_run(world, texts[i], NULL);
    test_dump(doc);
    size_t tomasz = test_entity(doc, NG_ETYPE_PERSON, "Tomasz Wilk");
    CHECK(tomasz != NG_NONE);
    CHECK(test_count_label(doc, "Tom Wilk") == 0);
    CHECK(test_count_label(doc, "Wilk") == 0);
    CHECK(test_count_label(doc, "Tom") == 0);
    CHECK(has_alt(doc, tomasz, "Tom"));
    CHECK(mention_entity(doc, "Tom Wilk", 0) == tomasz);
    CHECK(mention_entity(doc, "Wilk", 0) == tomasz);
    size_t persons = 0;
    for (size_t e = 0; doc && e < doc->n_entities; e++) {
      persons += !doc->entities[e].merged &&
                 doc->entities[e].type == NG_ETYPE_PERSON;
    }
    CHECK(persons == 1);
    ng_doc_free(doc);
  }
}

/* The nicknamed name after a title in mid-sentence: the entity finder
 * ends the person at the given name ("Minister Tomasz"); the family name
 * after the nickname completes it (extend_given_names; new-user
 * finding: a person "Tomasz" met Daniel Kamau, "Wilk" was lost). */
static void
test_nickname_after_title(ng_world *world)
{
  static const char *const texts[] = {
      "Kenyan President Daniel Kamau met Polish Foreign Minister Tomasz "
      "\"Tom\" Wilk on Monday. Tom Wilk later visited Mombasa. Wilk said "
      "the talks went well.",
      "Kenyan President Daniel Kamau met Polish Foreign Minister Tomasz "
      "\xE2\x80\x9CTom\xE2\x80\x9D Wilk, who later visited Mombasa. Wilk "
      "said the talks went well.",
  };
  for (size_t i = 0; i < ARRAY_LEN(texts); i++) {
    struct ng_doc *doc = test_run(world, texts[i], NULL);
    test_dump(doc);
    size_t tomasz = test_entity(doc, NG_ETYPE_PERSON, "Tomasz Wilk");
    CHECK(tomasz != NG_NONE);
    CHECK(test_count_label(doc, "Tomasz") == 0);
    CHECK(test_count_label(doc, "Tom Wilk") == 0);
    CHECK(test_count_label(doc, "Wilk") == 0);
    CHECK(has_alt(doc, tomasz, "Tom"));
    CHECK(mention_entity(doc, "Wilk", 0) == tomasz);
    CHECK(test_entity(doc, NG_ETYPE_PERSON, "Daniel Kamau") != NG_NONE);
    size_t persons = 0;
    for (size_t e = 0; doc && e < doc->n_entities; e++) {
      persons += !doc->entities[e].merged &&
                 doc->entities[e].type == NG_ETYPE_PERSON;
    }
    CHECK(persons == 2);
    ng_doc_free(doc);
  }
  /* a quoted phrase after a full name is no nickname between given and
   * family names: "Reports" does not join the name */
  struct ng_doc *doc = test_run(world,
      "Polish President Jan Kowal \"Will Not Resign\" Reports Say.", NULL);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Jan Kowal Reports") == NG_NONE);
  ng_doc_free(doc);
}

int
main(void)
{
  ng_world *world = test_world();
  CHECK(world != NULL);
  if (world) {
    test_partials_pronouns(world);
    test_descriptions_acronyms(world);
    test_org_short_forms(world);
    test_office_descriptions(world);
    test_nicknames(world);
    test_nickname_references(world);
    test_nickname_after_title(world);
  }
  test_merge_api();
  ng_world_free(world);
  return test_report();
}
