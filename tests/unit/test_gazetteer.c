/* SPDX-License-Identifier: MIT */
/* Unit tests for gazetteer.c: loading the Turtle lexicons, entries and
 * QIDs, longest match on word boundaries, case rules (N04), demonyms
 * (N03), titles and honorifics, and errors for missing or bad files. */
#include "entities.h"

#include <stdio.h>
#include <unistd.h>

static const struct ng_lex_item *
longest(const struct ng_gazetteer *gaz, const char *text, size_t *end)
{
  struct ng_gaz_match m[16];
  size_t n = ng__gazetteer_match(gaz, text, strlen(text), 0, m, 16);
  if (n == 0) {
    return NULL;
  }
  *end = m[0].end;
  return m[0].item;
}

static void
test_entries(const struct ng_gazetteer *gaz)
{
  size_t end = 0;
  const struct ng_lex_item *it = longest(gaz, "Malaysia's trade", &end);
  CHECK(it && it->kind == NG_LEX_ENTRY && end == 8);
  const struct ng_gaz_entry *e = it ? ng__gazetteer_entry(gaz, it->entry)
                                    : NULL;
  CHECK(e && e->type == NG_ETYPE_COUNTRY);
  CHECK(e && strcmp(e->label, "Malaysia") == 0 && e->qid &&
        strcmp(e->qid, "Q833") == 0);
  /* longest match: the full organisation name, not the country */
  it = longest(gaz, "Association of Southeast Asian Nations (ASEAN)", &end);
  CHECK(it && end == strlen("Association of Southeast Asian Nations"));
  e = it ? ng__gazetteer_entry(gaz, it->entry) : NULL;
  CHECK(e && strcmp(e->label, "ASEAN") == 0 &&
        e->type == NG_ETYPE_INTL_ORG && e->n_members >= 10);
  /* N04: Asean is listed; "asean" and "ASEan" are not */
  CHECK(longest(gaz, "Asean ministers", &end) != NULL);
  CHECK(longest(gaz, "asean ministers", &end) == NULL);
  /* lower case only for names that are no ordinary word */
  it = longest(gaz, "cyprus waited", &end);
  CHECK(it && it->kind == NG_LEX_ENTRY);
  it = longest(gaz, "turkey dinner", &end);
  CHECK(!it || it->kind != NG_LEX_ENTRY);
  /* ALL CAPS datelines */
  it = longest(gaz, "KUALA LUMPUR, May 15", &end);
  CHECK(it && end == 12);
  /* word boundaries: no match inside a longer word */
  it = longest(gaz, "Indiana", &end);
  CHECK(!it || end != 5);
  /* demonyms and capitals */
  it = longest(gaz, "Russian-Malaysian", &end);
  CHECK(it && it->kind == NG_LEX_DEMONYM && end == 7);
  size_t city = ng__gazetteer_find_entry(gaz, NG_ETYPE_CITY, false, "Moscow",
                                         6);
  size_t ru = ng__gazetteer_country_of(gaz, city);
  CHECK(ru != NG_NONE &&
        strcmp(ng__gazetteer_entry(gaz, ru)->label, "Russia") == 0);
  /* city-states are one entity: Singapore is the country */
  CHECK(ng__gazetteer_find_entry(gaz, NG_ETYPE_CITY, false, "Singapore", 9) ==
        NG_NONE);
  /* news agencies and their home country */
  size_t ag = ng__gazetteer_find_entry(gaz, NG_ETYPE_NEWS_AGENCY, false,
                                       "Bernama", 7);
  CHECK(ag != NG_NONE);
  if (ag != NG_NONE) {
    size_t home = ng__gazetteer_entry(gaz, ag)->home_country;
    CHECK(home != NG_NONE &&
          strcmp(ng__gazetteer_entry(gaz, home)->label, "Malaysia") == 0);
  }
  /* ports and provincial cities often in trade news, with their country;
   * the label keeps diacritics, the ASCII form is an alias */
  static const struct {
    const char *city, *country;
  } ports[] = {{"Aqaba", "Jordan"},       {"Malmö", "Sweden"},
               {"Malmo", "Sweden"},       {"Antofagasta", "Chile"},
               {"Hai Phong", "Vietnam"},  {"Haiphong", "Vietnam"},
               {"Bhubaneswar", "India"},  {"Duqm", "Oman"},
               {"Nadi", "Fiji"},          {"Chemnitz", "Germany"},
               {"Valparaíso", "Chile"},   {"Guayaquil", "Ecuador"}};
  for (size_t p = 0; p < ARRAY_LEN(ports); p++) {
    size_t c = ng__gazetteer_find_entry(gaz, NG_ETYPE_CITY, false,
                                        ports[p].city,
                                        strlen(ports[p].city));
    size_t k = ng__gazetteer_country_of(gaz, c);
    CHECK(c != NG_NONE && k != NG_NONE &&
          strcmp(ng__gazetteer_entry(gaz, k)->label, ports[p].country) == 0);
  }
  city = ng__gazetteer_find_entry(gaz, NG_ETYPE_CITY, false, "Malmo", 5);
  CHECK(city != NG_NONE &&
        strcmp(ng__gazetteer_entry(gaz, city)->label, "Malmö") == 0);
  CHECK(ng__gazetteer_find_entry(gaz, NG_ETYPE_COMPANY, false,
                                 "Bursa Malaysia", 14) != NG_NONE);
  /* EU institutions are government bodies (documented mapping) */
  size_t ec = ng__gazetteer_find_entry(gaz, NG_ETYPE_GOV_BODY, false,
                                       "European Commission", 19);
  CHECK(ec != NG_NONE);
}

static void
test_words(const struct ng_gazetteer *gaz)
{
  size_t end = 0;
  const struct ng_lex_item *it = ng__gazetteer_find_word(
      gaz, NG_LEX_TITLE, "Prime Minister", 14);
  CHECK(it && it->office == NG_OFFICE_HEAD_OF_GOVERNMENT);
  it = ng__gazetteer_find_word(gaz, NG_LEX_TITLE, "Chief Minister", 14);
  CHECK(it && it->office == NG_OFFICE_ROLE);
  it = ng__gazetteer_find_word(gaz, NG_LEX_TITLE, "President", 9);
  CHECK(it && it->office == NG_OFFICE_HEAD_OF_STATE &&
        it->org_office == NG_OFFICE_LEADER);
  it = ng__gazetteer_find_word(gaz, NG_LEX_TITLE, "Minister", 8);
  CHECK(it && it->portfolio && it->office == NG_OFFICE_MINISTER);
  /* a bare "Secretary" is a role; with a portfolio a minister */
  it = ng__gazetteer_find_word(gaz, NG_LEX_TITLE, "Secretary", 9);
  CHECK(it && it->portfolio && it->office == NG_OFFICE_ROLE &&
        it->portfolio_office == NG_OFFICE_MINISTER);
  it = ng__gazetteer_find_word(gaz, NG_LEX_TITLE, "counterpart", 11);
  CHECK(it && it->office == NG_OFFICE_COUNTERPART);
  CHECK(ng__gazetteer_find_word(gaz, NG_LEX_AFFAIRS, "Foreign", 7) != NULL);
  CHECK(ng__gazetteer_find_word(gaz, NG_LEX_CITY_WORD, "port", 4) != NULL);
  /* N01: the longest honorific, and "Tan" alone is none */
  struct ng_gaz_match m[16];
  const char *t = "Tan Sri Tan Boon Kee";
  size_t n = ng__gazetteer_match(gaz, t, strlen(t), 0, m, 16);
  bool hon = false;
  for (size_t i = 0; i < n; i++) {
    if (m[i].item->kind == NG_LEX_HONORIFIC) {
      hon = true;
      CHECK(m[i].end == 7);
      break;
    }
  }
  CHECK(hon);
  CHECK(ng__gazetteer_find_word(gaz, NG_LEX_HONORIFIC, "Tan", 3) == NULL);
  it = ng__gazetteer_find_word(gaz, NG_LEX_HONORIFIC, "Datin", 5);
  CHECK(it && it->gender == 'f');
  it = longest(gaz, "Dato' Sri Lim", &end);
  CHECK(it && it->kind == NG_LEX_HONORIFIC && end == 9);
  CHECK(ng__gazetteer_find_word(gaz, NG_LEX_STOPWORD, "Monday", 6) != NULL);
  CHECK(ng__gazetteer_find_word(gaz, NG_LEX_ABBREVIATION, "Mr.", 3) != NULL);
  it = ng__gazetteer_find_word(gaz, NG_LEX_SUFFIX, "Berhad", 6);
  CHECK(it && it->type == NG_ETYPE_COMPANY);
  it = ng__gazetteer_find_word(gaz, NG_LEX_PRONOUN, "she", 3);
  CHECK(it && it->gender == 'f');
}

static void
test_errors(void)
{
  ng_world *world = ng_world_new();
  struct ng_gazetteer *gaz = (struct ng_gazetteer *)1;
  CHECK(ng__gazetteer_load(world, "/nonexistent-dir", &gaz) == NG_ERR_IO);
  CHECK(gaz == NULL);
  CHECK(strstr(ng_world_errmsg(world), "countries.ttl") != NULL);
  /* a folder whose first file is not Turtle */
  char dir[] = "/tmp/ng-gaz-XXXXXX";
  if (mkdtemp(dir)) {
    char path[256];
    snprintf(path, sizeof path, "%s/countries.ttl", dir);
    FILE *f = fopen(path, "w");
    if (f) {
      fputs("this is not turtle <<<\n", f);
      fclose(f);
    }
    CHECK(ng__gazetteer_load(world, dir, &gaz) == NG_ERR_RDF);
    CHECK(gaz == NULL);
    remove(path);
    rmdir(dir);
  }
  ng__gazetteer_free(NULL);
  ng_world_free(world);
}

/* The hash index of first words: every key gives the first name a binary
 * search gives; absent keys give nothing. */
static void
test_index(const struct ng_gazetteer *gaz)
{
  CHECK(ng__gazetteer_index_ok(gaz));
  CHECK(ng__gazetteer_key_first(gaz, "malaysia") != NG_NONE);
  CHECK(ng__gazetteer_key_first(gaz, "qqzzxv") == NG_NONE);
  CHECK(ng__gazetteer_key_first(NULL, "malaysia") == NG_NONE);
}

/* ng__gazetteer_find_word(), ng__gazetteer_word_kinds() and
 * ng__gazetteer_find_entry() give what their definition through
 * ng__gazetteer_match() gives (the first 16 matches at the start of the
 * word that cover all of it), for words of many kinds and cases, absent
 * words and words of lengths no name has. */
static void
test_word_lookups(const struct ng_gazetteer *gaz)
{
  static const char *const words[] = {
      "he", "He", "she", "they", "the", "The", "THE", "Minister",
      "minister", "President", "Prime Minister", "Mr", "Dr", "Jr", "said",
      "Malaysia", "MALAYSIA", "malaysia", "Malaysian", "ASEAN", "Asean",
      "asean", "Foreign", "Bhd.", "Inc.", "Jan", "Thu", "dollars", "of",
      "qqzzxv", "Q", "a", "United States", "US", "U.S.", "Kuala Lumpur",
      "KUALA LUMPUR", "Association of Southeast Asian Nations",
      "Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"};
  for (size_t w = 0; w < ARRAY_LEN(words); w++) {
    const char *s = words[w];
    size_t len = strlen(s);
    struct ng_gaz_match m[16];
    size_t n = ng__gazetteer_match(gaz, s, len, 0, m, ARRAY_LEN(m));
    uint32_t want = 0;
    size_t want_entry = NG_NONE;
    for (size_t x = 0; x < n; x++) {
      const struct ng_lex_item *it = m[x].item;
      if (m[x].end != len) {
        continue;
      }
      if (it->len == len && memcmp(it->surface, s, len) == 0) {
        want |= (uint32_t)1 << (unsigned)it->kind;
      }
      if (it->kind == NG_LEX_ENTRY && want_entry == NG_NONE) {
        want_entry = it->entry;
      }
    }
    CHECK(ng__gazetteer_word_kinds(gaz, s, len) == want);
    for (unsigned k = 0; k < NG_LEX_COUNT; k++) {
      const struct ng_lex_item *it =
          ng__gazetteer_find_word(gaz, (enum ng_lex_kind)k, s, len);
      CHECK((it != NULL) == (((want >> k) & 1u) != 0));
      CHECK(!it || (it->kind == k && it->len == len &&
                    memcmp(it->surface, s, len) == 0));
    }
    CHECK(ng__gazetteer_find_entry(gaz, NG_ETYPE_COUNTRY, true, s, len) ==
          want_entry);
  }
  CHECK((ng__gazetteer_word_kinds(gaz, "he", 2) >> NG_LEX_PRONOUN) & 1u);
  CHECK(ng__gazetteer_word_kinds(gaz, "qqzzxv", 6) == 0);
  CHECK(ng__gazetteer_word_kinds(gaz, "he", 0) == 0);
  CHECK(ng__gazetteer_word_kinds(NULL, "he", 2) == 0);
}

int
main(void)
{
  ng_world *world = test_world();
  CHECK(world != NULL);
  if (world) {
    test_entries(world->gaz);
    test_words(world->gaz);
    test_index(world->gaz);
    test_word_lookups(world->gaz);
  }
  test_errors();
  ng_world_free(world);
  return test_report();
}
