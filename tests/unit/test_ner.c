/* SPDX-License-Identifier: MIT */
/* Unit tests for ner.c: titles and honorifics (FAULT-CASES N01, N02),
 * demonyms (N03), case variants (N04), sentence-initial words (N05),
 * countries as countries (N06), span punctuation (N08), datelines,
 * "Long Name (LN)" definitions and office facts. With NG_DEV_DIR set to a
 * folder of eval source articles (header, "---", body), also prints what
 * it finds in each (NG_DEBUG=1). */
#include "entities.h"

#include <dirent.h>

static void
test_N01_honorifics(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "Datuk Seri Haslan Mokri met Tan Sri Tan Boon Kee and Ratu Josefa "
      "Vale in Putrajaya. Engineer Farid Qazi joined later. "
      "\xE5\xB1\xB1\xE6\x9C\xAC\xE5\x81\xA5\xE6\xA7\x98 sent a message.",
      NULL);
  test_dump(doc);
  size_t e = test_entity(doc, NG_ETYPE_PERSON, "Haslan Mokri");
  CHECK(e != NG_NONE);
  if (e != NG_NONE) {
    CHECK_EQ_STR(doc->entities[e].honorific, "Datuk Seri");
  }
  e = test_entity(doc, NG_ETYPE_PERSON, "Tan Boon Kee");
  CHECK(e != NG_NONE);
  if (e != NG_NONE) {
    CHECK_EQ_STR(doc->entities[e].honorific, "Tan Sri");
  }
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Josefa Vale") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Farid Qazi") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON,
                    "\xE5\xB1\xB1\xE6\x9C\xAC\xE5\x81\xA5") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Putrajaya") != NG_NONE);
  CHECK(test_count_label(doc, "Boon Kee") == 0);
  ng_doc_free(doc);
}

static void
test_N02_titles(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "Labour MP Nia Brand asked for answers. The acting CEO of Norvale "
      "Energy, Dr Ivo Marsh, said sales fell. \"It is early,\" Sgt Mat "
      "Rooney said. She works as Senior Software Engineer at Norvale Energy.",
      NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Nia Brand") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Ivo Marsh") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Mat Rooney") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_COMPANY, "Norvale Energy") != NG_NONE);
  CHECK(test_count_label(doc, "Norvale Energy") == 1);
  CHECK(test_count_label(doc, "Senior Software Engineer") == 0);
  CHECK(test_count_label(doc, "MP Nia Brand") == 0);
  CHECK(test_fact(doc, NG_REL_LEADER_OF, "Ivo Marsh", "Norvale Energy"));
  ng_doc_free(doc);
}

static void
test_N03_demonyms(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "German envoy Lutz Hamm met Georgian officials in Tbilisi. Tamils in "
      "Orlan marched on Sunday. The Russian-Malaysian talks went well.",
      NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Lutz Hamm") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Germany") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Georgia") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Russia") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Malaysia") != NG_NONE);
  CHECK(test_count_label(doc, "German") == 0);
  CHECK(test_count_label(doc, "Georgian") == 0);
  CHECK(test_count_label(doc, "Tamils") == 0);
  CHECK(test_count_label(doc, "Russian-Malaysian") == 0);
  /* an envoy holds no office in the vocabulary */
  CHECK(doc && doc->n_facts == 0);
  size_t demonyms = 0;
  for (size_t m = 0; doc && m < doc->n_mentions; m++) {
    demonyms += doc->mentions[m].kind == NG_MENTION_DEMONYM;
  }
  CHECK(demonyms == 4);
  ng_doc_free(doc);
}

/* FAULT-CASES N07: a name that is a country and a US state (Georgia)
 * follows its sentence: a US city makes it the state, a city of the
 * country or its demonym the country; no evidence keeps the country. */
static size_t
n07_entity_at(const struct ng_doc *doc, size_t begin)
{
  for (size_t m = 0; doc && m < doc->n_mentions; m++) {
    if (doc->mentions[m].begin == begin) {
      return doc->mentions[m].entity;
    }
  }
  return NG_NONE;
}

static void
test_N07_ambiguous_places(ng_world *world)
{
  const char *t = "Georgia lawmakers met in Atlanta. Georgian citizens "
                  "rallied in Tbilisi.";
  struct ng_doc *doc = test_run(world, t, NULL);
  test_dump(doc);
  size_t st = test_entity(doc, NG_ETYPE_PLACE, "Georgia");
  size_t co = test_entity(doc, NG_ETYPE_COUNTRY, "Georgia");
  CHECK(st != NG_NONE);
  CHECK(co != NG_NONE);
  CHECK(st != NG_NONE && n07_entity_at(doc, 0) == st);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Atlanta") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Tbilisi") != NG_NONE);
  ng_doc_free(doc);
  doc = test_run(world, "Georgia signed a trade deal with the United "
                 "States in Tbilisi.", NULL);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Georgia") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PLACE, "Georgia") == NG_NONE);
  ng_doc_free(doc);
  doc = test_run(world, "Officials in Georgia signed a trade deal.", NULL);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Georgia") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PLACE, "Georgia") == NG_NONE);
  ng_doc_free(doc);
}

static void
test_N04_case(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "Asean ministers met Brics envoys. ASEAN said the BRICS bloc would "
      "meet again. Traders in cyprus waited.", NULL);
  test_dump(doc);
  CHECK(test_count_label(doc, "ASEAN") == 1);
  CHECK(test_count_label(doc, "BRICS") == 1);
  CHECK(test_count_label(doc, "Asean") == 0);
  CHECK(test_count_label(doc, "Brics") == 0);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Cyprus") != NG_NONE);
  size_t e = test_entity(doc, NG_ETYPE_INTL_ORG, "ASEAN");
  bool kept = false;
  for (size_t a = 0; e != NG_NONE && a < doc->entities[e].n_alt_labels; a++) {
    kept = kept || strcmp(doc->entities[e].alt_labels[a], "Asean") == 0;
  }
  CHECK(kept);
  ng_doc_free(doc);
}

static void
test_N05_sentence_start(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "AS the Orlan delegation arrived, talks began. Tonight Norvale Energy "
      "posts results. Mira met Oskar in Warsaw.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_COMPANY, "Norvale Energy") != NG_NONE);
  CHECK(test_count_label(doc, "Tonight Norvale Energy") == 0);
  CHECK(test_count_label(doc, "AS") == 0);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Mira") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Oskar") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Warsaw") != NG_NONE);
  ng_doc_free(doc);
}

static void
test_N06_N08_spans(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "Croatia signed the accord with Velmar. La variante -originaria de la "
      "India- preocupa a Orlan. Talks (in Jakarta.) ended.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Croatia") != NG_NONE);
  CHECK(test_count_label(doc, "Croatia") == 1);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "India") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Jakarta") != NG_NONE);
  for (size_t e = 0; doc && e < doc->n_entities; e++) {
    const char *l = doc->entities[e].label;
    size_t n = strlen(l);
    CHECK(n > 0 && l[n - 1] != '-' && l[n - 1] != '.' && l[0] != '-' &&
          l[0] != '(');
  }
  ng_doc_free(doc);
}

static void
test_dateline_offices(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "NAIROBI, March 3 (Savanna News) -- Kenyan Trade Minister Wanjiru "
      "Odhiambo met Indonesia's Minister for Foreign Affairs Sari Wulan on "
      "Monday.\n\nOdhiambo said Prime Minister Joseph Kamau would attend. "
      "Former President Amos Kip was absent. Sabah Chief Minister Datuk Ali "
      "Osman and ASEAN Secretary-General Dr Lin Mei Hua spoke. The Kenya "
      "Export Promotion Agency (KEPA) agreed. KEPA chief executive officer "
      "Tom Otieno said so.", NULL);
  test_dump(doc);
  CHECK(doc && doc->dateline != NG_NONE &&
        strcmp(doc->entities[doc->dateline].label, "Nairobi") == 0);
  CHECK(doc && doc->publisher != NG_NONE &&
        strcmp(doc->entities[doc->publisher].label, "Savanna News") == 0 &&
        doc->entities[doc->publisher].type == NG_ETYPE_NEWS_AGENCY);
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Wanjiru Odhiambo", "Kenya"));
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Sari Wulan", "Indonesia"));
  /* no country modifier: the dateline's country */
  CHECK(test_fact(doc, NG_REL_HEAD_OF_GOVERNMENT_OF, "Joseph Kamau", "Kenya"));
  CHECK(!test_fact(doc, NG_REL_HEAD_OF_STATE_OF, "Amos Kip", "Kenya"));
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Ali Osman") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PLACE, "Sabah") != NG_NONE);
  CHECK(doc && doc->n_facts > 0);
  for (size_t f = 0; doc && f < doc->n_facts; f++) {
    size_t s = ng__doc_resolve(doc, doc->facts[f].subject);
    CHECK(strcmp(doc->entities[s].label, "Ali Osman") != 0);
  }
  CHECK(test_fact(doc, NG_REL_LEADER_OF, "Lin Mei Hua", "ASEAN"));
  CHECK(test_fact(doc, NG_REL_LEADER_OF, "Tom Otieno", "KEPA"));
  CHECK(test_count_label(doc, "Minister") == 0);
  CHECK(test_count_label(doc, "Monday") == 0);
  ng_doc_free(doc);
}

/* Odd inputs never crash and never give labels with edge punctuation. */
static void
test_odd_inputs(ng_world *world)
{
  static const char *const inputs[] = {
      "", "(", "( )", "A (B)", "KUALA LUMPUR,", "\xE2\x80\x94 \xE2\x80\x94",
      "\xFF\xFE Tan", "Mr", "Tan Sri", "Datuk Seri Dr", "the", "US$", "(X) (Y)",
      "President", "Prime Minister of", "-- Bernama", "ALL CAPS, 12",
      "Minister for Foreign Affairs", "X. Y. Z.", "'s 's", "Ministry of",
      "Ab Corp", "Investment, Trade and Industry Minister"};
  for (size_t i = 0; i < ARRAY_LEN(inputs); i++) {
    struct ng_doc *doc = test_run(world, inputs[i], NULL);
    CHECK(doc != NULL);
    for (size_t e = 0; doc && e < doc->n_entities; e++) {
      const char *l = doc->entities[e].label;
      CHECK(l[0] != '\0' && l[0] != ' ' && l[strlen(l) - 1] != ' ');
    }
    ng_doc_free(doc);
  }
}

/* Prints what NER finds in each eval source article (NG_DEV_DIR). */
static void
dump_dev(ng_world *world)
{
  const char *dir = getenv("NG_DEV_DIR");
  if (!dir || !*dir) {
    return;
  }
  DIR *d = opendir(dir);
  if (!d) {
    return;
  }
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    size_t nl = strlen(de->d_name);
    if (nl < 5 || strcmp(de->d_name + nl - 4, ".txt") != 0) {
      continue;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
    FILE *f = fopen(path, "rb");
    if (!f) {
      continue;
    }
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *body = strstr(buf, "\n---\n");
    if (!body) {
      continue;
    }
    *body = '\0';
    body += 5;
    char *pub = strstr(buf, "publisher: ");
    char publisher[256] = "";
    if (pub) {
      pub += 11;
      size_t k = strcspn(pub, "\n");
      snprintf(publisher, sizeof publisher, "%.*s", (int)k, pub);
    }
    size_t bl = strlen(body);
    while (bl > 0 && (body[bl - 1] == '\n' || body[bl - 1] == ' ')) {
      body[--bl] = '\0';
    }
    /* paragraphs: the source uses blank lines already */
    printf("=== %s\n", de->d_name);
    struct ng_doc *doc = test_run(world, body, publisher[0] ? publisher : NULL);
    char *au = strstr(buf, "author: ");
    if (doc && au) {
      au += 8;
      size_t k = strcspn(au, "\n");
      doc->meta.authors = calloc(1, sizeof *doc->meta.authors);
      if (doc->meta.authors) {
        doc->meta.authors[0] = strndup(au, k);
        doc->meta.n_authors = 1;
        CHECK_OK(ng__link_run(world, doc));
      }
    }
    test_dump(doc);
    ng_doc_free(doc);
  }
  closedir(d);
}

/* "X province", "the state of X": an unknown name before an
 * administrative-area word is a Place labelled without the word. */
static void
test_admin_places(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "Plants in Quang Tri province and Vellore state will reopen, and "
      "farms in the state of Ostrava Nova were flooded. Ma'an governorate "
      "was spared. Quang Tri officials said the Northern region and the "
      "Malaysian state of Johor were calm.", NULL);
  test_dump(doc);
  size_t qt = test_entity(doc, NG_ETYPE_PLACE, "Quang Tri");
  CHECK(qt != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PLACE, "Vellore") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PLACE, "Ostrava Nova") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PLACE, "Ma'an") != NG_NONE);
  CHECK(test_count_label(doc, "Quang Tri province") == 0);
  CHECK(test_count_label(doc, "Northern") == 0);
  CHECK(test_count_label(doc, "Malaysian") == 0);
  CHECK(test_entity(doc, NG_ETYPE_PLACE, "Johor") != NG_NONE);
  if (qt != NG_NONE) {
    CHECK(doc->entities[qt].n_mentions == 2); /* the bare second mention */
  }
  ng_doc_free(doc);
}

/* Dateline forms of the wires: mixed case before "(AFP) -", "CITY,
 * Country (AP) --", an apostrophe in ALL CAPS, and a kicker line first. */
static void
test_dateline_forms(ng_world *world)
{
  static const struct {
    const char *text, *city;
  } cases[] = {
      {"Tbilisi (AFP) - Georgia chose a builder on Thursday.", "Tbilisi"},
      {"AMMAN, Jordan (AP) \xE2\x80\x94 Officials broke ground on Tuesday.",
       "Amman"},
      {"N'DJAMENA, July 5 (Sahel Wire) - Leaders met on Saturday.",
       "N'Djamena"},
      {"RICE PACT SEALED\n\nMANILA, Dec 2 (Island Times) - Two ministers "
       "signed on Tuesday.", "Manila"},
      {"NEW DELHI (Deccan Ledger): The cabinet met on Thursday.",
       "New Delhi"},
  };
  for (size_t c = 0; c < ARRAY_LEN(cases); c++) {
    struct ng_doc *doc = test_run(world, cases[c].text, NULL);
    test_dump(doc);
    CHECK(doc && doc->dateline != NG_NONE);
    if (doc && doc->dateline != NG_NONE) {
      CHECK_EQ_STR(doc->entities[doc->dateline].label, cases[c].city);
    }
    ng_doc_free(doc);
  }
  /* "(Asia Markets Journal)" credits the agency, not the place Asia */
  struct ng_doc *doc = test_run(world,
      "KUALA LUMPUR, Nov 3 (Asia Markets Journal) - Shares rose.", NULL);
  CHECK(doc && doc->publisher != NG_NONE);
  if (doc && doc->publisher != NG_NONE) {
    CHECK_EQ_STR(doc->entities[doc->publisher].label, "Asia Markets Journal");
  }
  CHECK(test_entity(doc, NG_ETYPE_PLACE, "Asia") == NG_NONE);
  ng_doc_free(doc);
}

/* Names: South Asian honorifics, hyphenated given names, particle runs,
 * "al-" on second reference, place names that are person names, and a
 * title set off by commas. Portfolio words before a title are no
 * company suffix; company suffix chains ("Co., Ltd."). */
static void
test_names_titles(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "NEW DELHI, Aug 21 - India's Railways Minister Shri Varun Kesh Rao met "
      "Odisha Chief Minister Smt. Leela Panigrahi. Zarnian Energy Minister "
      "Tomas Velko and Danish Climate Minister Bo Kjeldgaard also spoke. "
      "Velmar's Minister for Trade and Industry, Grace Toh Mei Lin, said "
      "Daeryong Motors Co., Ltd. would invest. Daeryong president Kwon "
      "Ji-hoon said a Seoul-based unit would lead. Lucia Fernandez de "
      "la Vega met Faisal bin Karim al-Sudairi. Fernandez de la Vega said "
      "so, and al-Sudairi said so too. Ellen Jordan, a bank director, and "
      "the envoy Chad Merriweather visited Jordan and Chad. A "
      "Bhubaneswar-based firm agreed.", NULL);
  test_dump(doc);
  size_t e = test_entity(doc, NG_ETYPE_PERSON, "Varun Kesh Rao");
  CHECK(e != NG_NONE);
  if (e != NG_NONE) {
    CHECK_EQ_STR(doc->entities[e].honorific, "Shri");
  }
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Leela Panigrahi") != NG_NONE);
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Varun Kesh Rao", "India"));
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Tomas Velko") != NG_NONE);
  CHECK(test_count_label(doc, "Zarnian Energy") == 0);
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Bo Kjeldgaard", "Denmark"));
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Grace Toh Mei Lin") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Kwon Ji-hoon") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_COMPANY, "Daeryong Motors Co., Ltd.") !=
        NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Lucia Fernandez de la Vega") !=
        NG_NONE);
  CHECK(test_count_label(doc, "Vega") == 0);
  CHECK(test_count_label(doc, "Sudairi") == 0);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Faisal bin Karim al-Sudairi") !=
        NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Ellen Jordan") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Chad Merriweather") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Jordan") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Chad") != NG_NONE);
  CHECK(test_count_label(doc, "Bhubaneswar-based") == 0);
  /* "Odisha Chief Minister": the state is a place, never a person or an
   * organisation */
  CHECK(test_count_label(doc, "Odisha") ==
        (test_entity(doc, NG_ETYPE_PLACE, "Odisha") != NG_NONE));
  CHECK(test_fact(doc, NG_REL_LEADER_OF, "Kwon Ji-hoon",
                  "Daeryong Motors Co., Ltd."));
  ng_doc_free(doc);
}

/* Offices from context: a portfolio secretary is a minister; a
 * counterpart holds the office of the title holder before it for its own
 * country; an unqualified title belongs to the country whose ministry
 * speaks in its sentence, never to a country whose same office another
 * person holds; "X Ministry" and "Ministry of X" are one body. */
static void
test_office_context(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "CAIRO, May 4 - Trade Secretary Lorna Bautista met Egyptian Energy "
      "Minister Karim Fathy. Chilean Foreign Minister Elena Rojas and her "
      "Peruvian counterpart, Mateo Quilca Huaman, spoke. Egyptian Finance "
      "Minister Hany Amin and his Moroccan counterpart Driss Alaoui met too. "
      "Kenya's foreign ministry said Foreign Minister Amos Wekesa met "
      "Egyptian Foreign Minister Samir Naguib in Cairo. Wekesa met the "
      "Party Secretary Li Ming, Cabinet Secretary Omar Zaki and President "
      "Nabil Adly. The External "
      "Affairs Ministry of India and the Ministry of External Affairs "
      "agreed. The Foreign Ministry and the Ministry of Foreign Affairs "
      "agreed. The Commerce Department, the Department of Commerce, the Home "
      "Office and the National Security Council agreed.", NULL);
  test_dump(doc);
  /* the dateline gives Egypt to unqualified titles */
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Lorna Bautista", "Egypt"));
  CHECK(!test_fact(doc, NG_REL_MINISTER_OF, "Li Ming", "Egypt"));
  CHECK(!test_fact(doc, NG_REL_MINISTER_OF, "Omar Zaki", "Egypt"));
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Omar Zaki") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Li Ming") != NG_NONE);
  CHECK(test_fact(doc, NG_REL_HEAD_OF_STATE_OF, "Nabil Adly", "Egypt"));
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Mateo Quilca Huaman") != NG_NONE);
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Mateo Quilca Huaman", "Peru"));
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Driss Alaoui", "Morocco"));
  CHECK(!test_fact(doc, NG_REL_MINISTER_OF, "Driss Alaoui", "Egypt"));
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Amos Wekesa", "Kenya"));
  CHECK(!test_fact(doc, NG_REL_MINISTER_OF, "Amos Wekesa", "Egypt"));
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Samir Naguib", "Egypt"));
  CHECK(test_count_label(doc, "External Affairs Ministry") == 0);
  CHECK(test_count_label(doc, "Ministry of External Affairs") == 1);
  CHECK(test_count_label(doc, "Foreign Ministry") == 0);
  CHECK(test_count_label(doc, "Ministry of Foreign Affairs") == 1);
  CHECK(test_count_label(doc, "Department of Commerce") == 1);
  CHECK(test_count_label(doc, "Commerce Department") == 0);
  CHECK(test_count_label(doc, "Home Office") == 1);
  CHECK(test_count_label(doc, "National Security Council") == 1);
  ng_doc_free(doc);

  /* no speaking ministry: the dateline's country unless another person
   * holds the same office of it */
  doc = test_run(world,
      "GENEVA, May 4 - Foreign Minister Amos Wekesa met Swiss Foreign "
      "Minister Urs Keller. After talks with Kenya's trade ministry, Trade "
      "Minister Ida Lutz spoke.", NULL);
  test_dump(doc);
  CHECK(!test_fact(doc, NG_REL_MINISTER_OF, "Amos Wekesa", "Switzerland"));
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Urs Keller", "Switzerland"));
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Ida Lutz", "Switzerland"));
  CHECK(!test_fact(doc, NG_REL_MINISTER_OF, "Ida Lutz", "Kenya"));
  ng_doc_free(doc);
}

/* Unknown cities typed by context, and the contexts that type none. */
static void
test_city_context(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "The copper will be shipped from Puerto Velkaro, Chile, by sea. "
      "The rail line will reach the port city of Marnesca and the town of "
      "Dravik. The two ministers held talks in Quollen on Monday. They "
      "visited a plant in Tesmaro. A Vornhal-based firm and Acme, Peru and "
      "Chile agreed. Investors in Zentrix, Chile's largest lender, and "
      "funds in Oldbrook rose. Sales in March rose in Paris. Then the "
      "Stavelin City council met in Brightwater Hall. Envoy Tomas Verhoek "
      "visited Lisbon; the summit voiced trust in Verhoek.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Puerto Velkaro") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Marnesca") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Dravik") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Quollen") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Tesmaro") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Vornhal") == NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Acme") == NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Zentrix") == NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Oldbrook") == NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "March") == NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Brightwater") == NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Verhoek") == NG_NONE);
  ng_doc_free(doc);
}

/* "<Organisation> <title> <Person>": a title word that is part of the
 * gazetteer organisation's name ("Commission" in "European Commission")
 * does not cut the name; the person leads the whole organisation. */
static void
test_org_name_titles(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "European Commission President Edda Lindqvist met Kenyan President "
      "Joel Muriuki in Nairobi. African Union Commission Chairperson Sipho "
      "Dlamini and World Bank President Anouk Verbeek joined them. IMF "
      "Managing Director Raisa Petrenko spoke later.", NULL);
  test_dump(doc);
  CHECK(test_fact(doc, NG_REL_LEADER_OF, "Edda Lindqvist",
                  "European Commission"));
  CHECK(test_count_label(doc, "European") == 0);
  CHECK(test_fact(doc, NG_REL_LEADER_OF, "Sipho Dlamini",
                  "African Union Commission"));
  CHECK(test_fact(doc, NG_REL_LEADER_OF, "Anouk Verbeek", "World Bank"));
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Joel Muriuki") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Raisa Petrenko") != NG_NONE);
  ng_doc_free(doc);

  /* the "X City" suffix names one city, not a joined run of names */
  doc = test_run(world,
      "The Harbor Gazette and Velmont City Ledger ran the story. Friends of "
      "Brisa City met. Officials in Quezon City and in Manila and Pasay "
      "City agreed.", NULL);
  test_dump(doc);
  CHECK(test_count_label(doc, "Harbor Gazette and Velmont City") == 0);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Velmont City") == NG_NONE);
  CHECK(test_count_label(doc, "Friends of Brisa City") == 0);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Quezon City") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Pasay City") != NG_NONE);
  ng_doc_free(doc);
}

/* A capitalised word dropped from the front of a typed name ("The" at the
 * start of a sentence) leaves a name the gazetteer knows: that entry is
 * used, not a new organisation of the suffix's type. */
static void
test_known_after_initial(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "Talks began. The Association of Southeast Asian Nations met. The "
      "International Monetary Fund warned. The Gulf Cooperation Council "
      "agreed. The Southern Grain Traders Association complained.", NULL);
  test_dump(doc);
  CHECK(test_count_label(doc, "Association of Southeast Asian Nations") == 0);
  CHECK(test_count_label(doc, "International Monetary Fund") == 0);
  CHECK(test_entity(doc, NG_ETYPE_INTL_ORG, "ASEAN") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_INTL_ORG, "IMF") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_INTL_ORG, "Gulf Cooperation Council") !=
        NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_ORGANIZATION,
                    "Southern Grain Traders Association") != NG_NONE);
  ng_doc_free(doc);
}

/* A company named right after a description word ("copper group X", "a
 * Turkish firm, X,") is that company, even when a word of it is a known
 * place; a known name, a title or a person is not re-typed. */
static void
test_described_orgs(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "Chilean copper group Andes Cobre will build a plant. A Turkish firm, "
      "Karadeniz Kablo Sanayi, has bid. Lefevre works for the French "
      "refiner Huilerie Lefevre et Fils. The oil company Petronas agreed. "
      "The group Chairman Tan Sri Lim Kok Wing spoke. Members of the "
      "ethnic group Tamils marched.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_COMPANY, "Andes Cobre") != NG_NONE);
  CHECK(test_count_label(doc, "Andes") == 0);
  CHECK(test_entity(doc, NG_ETYPE_COMPANY, "Karadeniz Kablo Sanayi") !=
        NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_COMPANY, "Huilerie Lefevre et Fils") !=
        NG_NONE);
  CHECK(test_count_label(doc, "Petronas") == 0);
  CHECK(test_count_label(doc, "Chairman") == 0);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Lim Kok Wing") != NG_NONE);
  CHECK(test_count_label(doc, "Tamils") == 0);
  ng_doc_free(doc);

  /* the short form of a company named before is the company, even when
   * its last word types places ("Port") */
  doc = test_run(world,
      "Sinar Padu Berhad signed a deal with Teluk Ramunia Port Bhd on "
      "Tuesday. Teluk Ramunia Port chief executive officer Dato' Sri Rosli "
      "Kamal said the "
      "funds were ready. OQ Group, Oman's state energy company, agreed.",
      NULL);
  test_dump(doc);
  CHECK(test_count_label(doc, "Teluk Ramunia Port") == 0);
  CHECK(test_fact(doc, NG_REL_LEADER_OF, "Rosli Kamal",
                  "Teluk Ramunia Port Bhd"));
  CHECK(test_count_label(doc, "OQ Group, Oman's") == 0);
  ng_doc_free(doc);

  /* a company suffix that ends the sentence keeps no full stop, and its
   * short form is still the company */
  doc = test_run(world,
      "Sinar Padu signed a deal with Teluk Ramunia Port Bhd. The deal is "
      "big. Teluk Ramunia Port chief executive officer Rosli Kamal said it "
      "was good.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_COMPANY, "Teluk Ramunia Port Bhd") !=
        NG_NONE);
  CHECK(test_count_label(doc, "Teluk Ramunia Port") == 0);
  CHECK(test_fact(doc, NG_REL_LEADER_OF, "Rosli Kamal",
                  "Teluk Ramunia Port Bhd"));
  CHECK(test_count_label(doc, "OQ Group, Oman") == 0);
  ng_doc_free(doc);
}

/* Titles with a portfolio chain ("Minister of State for Energy Affairs",
 * "Commissioner for Agriculture") do not join the name; roles in
 * apposition or after "as" mark a person; "the chief executive of X, Dr Y"
 * names an unknown organisation X. */
static void
test_title_forms(ng_world *world)
{
  struct ng_doc *doc = test_run(world,
      "Qatar's Minister of State for Energy Affairs Sheikh Nasser bin Hamad "
      "Al-Kuwari arrived on Wednesday. Commissioner for Agriculture Josefa "
      "Sacko-Mbeki said the fund was needed. Jurgen Kohler, a trade adviser "
      "at the embassy, attended. A Brazilian delegate, Marina Coelho Prado, "
      "said more. The firm hired Priya Natarajan as senior project "
      "engineer. The acting chief executive of Northgate Turbines, Dr Ivo "
      "Marshall, said sales rose. She works for the British Chambers of "
      "Commerce. Talks with Velmar Power, the official said, went well. "
      "Dame Harriet Oakes, chair of the British Chambers of Commerce, "
      "agreed. Sayyid Faris bin Badr Al Busaidi, Oman's Minister of Energy "
      "and Minerals, said the study would start.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Nasser bin Hamad Al-Kuwari") !=
        NG_NONE);
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Nasser bin Hamad Al-Kuwari",
                  "Qatar"));
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Josefa Sacko-Mbeki") != NG_NONE);
  CHECK(test_count_label(doc, "Velmar Power") == 0);
  CHECK(test_fact(doc, NG_REL_LEADER_OF, "Harriet Oakes",
                  "British Chambers of Commerce"));
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Faris bin Badr Al Busaidi",
                  "Oman"));
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Jurgen Kohler") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Marina Coelho Prado") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Priya Natarajan") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_ORGANIZATION, "Northgate Turbines") !=
        NG_NONE);
  CHECK(test_fact(doc, NG_REL_LEADER_OF, "Ivo Marshall",
                  "Northgate Turbines"));
  CHECK(test_entity(doc, NG_ETYPE_ORGANIZATION,
                    "British Chambers of Commerce") != NG_NONE);
  ng_doc_free(doc);

  /* a lower-case portfolio keeps the modifier before it: a deputy foreign
   * minister is no minister of the country */
  doc = test_run(world,
      "WARSAW, Oct 8 - Thanh will sign the deal, deputy foreign minister "
      "Agnieszka Kowal told reporters. Polish foreign minister Pawel Nowicki "
      "agreed.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Agnieszka Kowal") != NG_NONE);
  CHECK(!test_fact(doc, NG_REL_MINISTER_OF, "Agnieszka Kowal", "Poland"));
  CHECK(test_fact(doc, NG_REL_MINISTER_OF, "Pawel Nowicki", "Poland"));
  ng_doc_free(doc);

  /* a city that is also a given name: after a visit verb it is the city,
   * with a name after it the person */
  doc = test_run(world,
      "The prime minister will visit Santiago next year. Pham met Santiago "
      "Ramos on Monday.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Santiago") != NG_NONE);
  CHECK(test_count_label(doc, "Santiago Ramos") <= 1);
  ng_doc_free(doc);

  /* an age in commas after a name marks a person; a year does not */
  doc = test_run(world,
      "Amara Okafor, 54, is a former banker. Kenya, 2024, was different. "
      "Talks with Velmar, 1998, failed. Kenya Railways will run the train.",
      NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Amara Okafor") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Velmar") == NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_COMPANY, "Kenya Railways") != NG_NONE);
  ng_doc_free(doc);

  /* lexicon data: "based in X", "in X as ...", a lower-case "speaker"
   * before a name, the Bruneian "Pengiran Muda" */
  doc = test_run(world,
      "The secretariat is based in Arusha. The next ministerial meeting in "
      "Tromso as a guest was planned. He was received by parliament speaker "
      "Aud Berg. Pengiran Muda Mahdi Bolkiah attended.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Arusha") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Tromso") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Aud Berg") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Mahdi Bolkiah") != NG_NONE);
  ng_doc_free(doc);

  /* an honorific before a title: neither joins the name, and the royal's
   * given name is not the city of the same name */
  doc = test_run(world,
      "Her Majesty Queen Letizia Ortiz spoke. Her Majesty Queen Sofia "
      "opened the port.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Letizia Ortiz") != NG_NONE);
  CHECK(test_count_label(doc, "Queen Letizia Ortiz") == 0);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Sofia") != NG_NONE);
  CHECK(test_count_label(doc, "Queen") == 0);
  CHECK(test_entity(doc, NG_ETYPE_CITY, "Sofia") == NG_NONE);
  ng_doc_free(doc);
}

/* round 2 classes seen on unseen wire copy */
static void
test_round2_entities(ng_world *world)
{
  /* month and weekday abbreviations are name words inside a name, dates
   * next to a number or a full stop */
  struct ng_doc *doc = test_run(world,
      "WARSAW, Jan. 5 (Reuters) - Jan Nowicki, a Polish diplomat, agreed on "
      "Thu, Jan 4. Deputy Prime Minister Pham Thi Thu Ha met him.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Jan Nowicki") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Pham Thi Thu Ha") != NG_NONE);
  CHECK(test_count_label(doc, "Pham Thi") == 0);
  CHECK(test_count_label(doc, "Jan") == 0);
  ng_doc_free(doc);

  /* a country name before a currency name is the currency */
  doc = test_run(world,
      "The deal is worth 5 billion U.S. dollars, or 3 billion US dollars, "
      "and the Singapore dollar rose. Ships left Singapore.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "United States") == NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Singapore") != NG_NONE);
  ng_doc_free(doc);

  /* gazetteer data: a region whose name holds a country's or another
   * region's name, landmarks, an agency's full name, public bodies */
  doc = test_run(world,
      "Oil output in the Niger Delta fell. Talks in the South Caucasus "
      "continued. Kyodo News reported it, according to Eurostat data. The "
      "Sultan received guests at Istana Nurul Iman. Students of Universiti "
      "Brunei Darussalam protested.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_PLACE, "Niger Delta") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Niger") == NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PLACE, "South Caucasus") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PLACE, "Caucasus") == NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_NEWS_AGENCY, "Kyodo News") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_GOV_BODY, "Eurostat") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PLACE, "Istana Nurul Iman") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_ORGANIZATION,
                    "Universiti Brunei Darussalam") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Brunei") == NG_NONE);
  ng_doc_free(doc);

  /* an apposition whose complement is a name found earlier that starts
   * with a known name ("Kenya Airways", "AU Commission") */
  doc = test_run(world,
      "Fatima Bello, chairperson of Kenya Airways, spoke. Amina Yusuf, "
      "chairperson of the AU Commission, agreed.", NULL);
  test_dump(doc);
  CHECK(test_fact(doc, NG_REL_LEADER_OF, "Fatima Bello", "Kenya Airways"));
  CHECK(test_fact(doc, NG_REL_LEADER_OF, "Amina Yusuf", "AU Commission"));
  ng_doc_free(doc);

  /* a mixed-case dateline with a date; "PLACE, Country" gives locatedIn
   * and the city's usual name */
  doc = test_run(world,
      "Ha Noi, September 8 (VNA) \xE2\x80\x93 Officials met. Trade rose.",
      NULL);
  test_dump(doc);
  CHECK(doc && doc->dateline != NG_NONE &&
        strcmp(doc->entities[doc->dateline].label, "Hanoi") == 0);
  ng_doc_free(doc);
  doc = test_run(world,
      "Hanoi, Sept 8 - Officials met. Trade rose.", NULL);
  test_dump(doc);
  CHECK(doc && doc->dateline != NG_NONE);
  ng_doc_free(doc);
  doc = test_run(world,
      "CEBU CITY, Philippines (PNA) - Mayor Lito Cruz met envoys.", NULL);
  test_dump(doc);
  CHECK(doc && doc->dateline != NG_NONE &&
        strcmp(doc->entities[doc->dateline].label, "Cebu City") == 0);
  CHECK(test_fact(doc, NG_REL_LOCATED_IN, "Cebu City", "Philippines"));
  ng_doc_free(doc);

  /* a country alias that is a word of another country's full name used
   * in the text (a headline before the body) */
  doc = test_run(world,
      "Qatar to host new round of Congo-Rwanda talks\n\nQatar will host "
      "talks between the Democratic Republic of the Congo and Rwanda.",
      NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Republic of the Congo") ==
        NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY,
                    "Democratic Republic of the Congo") != NG_NONE);
  ng_doc_free(doc);
  doc = test_run(world, "Officials from Congo and Gabon met.", NULL);
  CHECK(test_entity(doc, NG_ETYPE_COUNTRY, "Republic of the Congo") !=
        NG_NONE);
  ng_doc_free(doc);

  /* a nickname in quotes is no person; a party before "MP" */
  doc = test_run(world,
      "Zhou, who is known as \"Mr Copper\" for his years at the ministry, "
      "spoke. Labour MP Nia Brandwood agreed. Senior MP Ali Khan objected.",
      NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Copper") == NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_ORGANIZATION, "Labour") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Nia Brandwood") != NG_NONE);
  CHECK(test_count_label(doc, "Senior") == 0);
  ng_doc_free(doc);

  /* a full name as the "by" agent of a verb that takes a person */
  doc = test_run(world,
      "The session was chaired by Amara Okafor. It was led by Kenya "
      "Airways.", NULL);
  test_dump(doc);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Amara Okafor") != NG_NONE);
  CHECK(test_entity(doc, NG_ETYPE_PERSON, "Kenya Airways") == NG_NONE);
  ng_doc_free(doc);
}

int
main(void)
{
  ng_world *world = test_world();
  CHECK(world != NULL);
  if (!world) {
    return test_report();
  }
  test_N01_honorifics(world);
  test_N02_titles(world);
  test_N03_demonyms(world);
  test_N07_ambiguous_places(world);
  test_N04_case(world);
  test_N05_sentence_start(world);
  test_N06_N08_spans(world);
  test_dateline_offices(world);
  test_odd_inputs(world);
  test_admin_places(world);
  test_dateline_forms(world);
  test_names_titles(world);
  test_office_context(world);
  test_city_context(world);
  test_org_name_titles(world);
  test_known_after_initial(world);
  test_described_orgs(world);
  test_title_forms(world);
  test_round2_entities(world);
  dump_dev(world);
  ng_world_free(world);
  return test_report();
}
