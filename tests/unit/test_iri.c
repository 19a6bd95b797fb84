/* SPDX-License-Identifier: MIT */
/* iri.c: slugs (accents, compatibility characters, hostile labels), entity
 * IRIs, percent-encoding, content-hash IRIs (FAULT-CASES.md T05, T10,
 * T11). */
#include "iri.h"

#include "../test.h"

#include <stdlib.h>
#include <string.h>

static void
check_slug(const char *label, const char *want)
{
  char slug[NG_SLUG_MAX + 1];
  ng__iri_slug(label, slug);
  CHECK_EQ_STR(slug, want);
}

static void
test_slugs(void)
{
  check_slug("Vladimir Putin", "vladimir-putin");
  check_slug("Anwar Ibrahim", "anwar-ibrahim");
  check_slug("ASEAN", "asean");
  check_slug("  Kuala   Lumpur ", "kuala-lumpur");
  check_slug("Stra\xc3\x9f" "e", "strasse");        /* ß */
  check_slug("S\xc3\xb8ren \xc3\x86rlig", "soren-aerlig"); /* ø Æ */
  check_slug("Mu\xc3\xb1oz", "munoz");              /* ñ */
  check_slug("J\xc3\xbcrgen M\xc3\xbcller", "jurgen-muller"); /* ü */
  check_slug("\xc5\x81\xc3\xb3" "d\xc5\xba", "lodz"); /* Łódź */
  check_slug("Ph\xe1\xba\xa1m Minh Ch\xc3\xadnh", "pham-minh-chinh");
  check_slug("\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3", "abc"); /* fullwidth */
  check_slug("\xef\xac\x81nance", "finance");       /* ﬁ ligature */
  check_slug("O'Brien-Smith", "o-brien-smith");
  check_slug("Asia-Pacific", "asia-pacific");
  check_slug("G20", "g20");

  /* Never empty: non-Latin or punctuation-only names get a hash slug. */
  char a[NG_SLUG_MAX + 1], b[NG_SLUG_MAX + 1];
  ng__iri_slug("\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd", a); /* Путин */
  ng__iri_slug("!!!", b);
  CHECK(strncmp(a, "x-", 2) == 0 && strlen(a) == 18);
  CHECK(strncmp(b, "x-", 2) == 0 && strlen(b) == 18);
  CHECK(strcmp(a, b) != 0);
  ng__iri_slug("", a);
  CHECK(strncmp(a, "x-", 2) == 0);

  /* Capped, cut at a word boundary, no trailing '-'. */
  char longname[400];
  for (int i = 0; i < 30; i++) {
    memcpy(longname + 5 * i, "word ", 5);
  }
  longname[150] = '\0';
  ng__iri_slug(longname, a);
  CHECK(strlen(a) <= NG_SLUG_MAX);
  CHECK(a[strlen(a) - 1] != '-');
  CHECK(strncmp(a, "word-word-", 10) == 0);

  /* Invalid UTF-8 never leaks into the slug. */
  ng__iri_slug("Bad\xff\xfe Name", a);
  CHECK_EQ_STR(a, "bad-name");
}

static void
test_entity(ng_world *world)
{
  char *s = NULL;
  CHECK_OK(ng__iri_entity(world, NG_ETYPE_PERSON, "Vladimir Putin", &s));
  CHECK_EQ_STR(s, "https://w3id.org/newsgraph/id/person/vladimir-putin");
  free(s);
  /* One organization keeps one IRI whatever its subclass. */
  char *o1 = NULL, *o2 = NULL;
  CHECK_OK(ng__iri_entity(world, NG_ETYPE_INTL_ORG, "ASEAN", &o1));
  CHECK_OK(ng__iri_entity(world, NG_ETYPE_ORGANIZATION, "Asean", &o2));
  CHECK_EQ_STR(o1, "https://w3id.org/newsgraph/id/organization/asean");
  CHECK_EQ_STR(o1, o2);
  free(o1);
  free(o2);
  CHECK_EQ_STR(ng__iri_type_segment(NG_ETYPE_NEWS_AGENCY), "organization");
  CHECK_EQ_STR(ng__iri_type_segment(NG_ETYPE_COUNTRY), "country");
  CHECK_EQ_STR(ng__iri_type_segment(NG_ETYPE_CITY), "city");
  CHECK_EQ_STR(ng__iri_type_segment(NG_ETYPE_PLACE), "place");

  /* --base */
  CHECK_OK(ng_world_set_option(world, "base", "https://data.example/kg"));
  CHECK_OK(ng__iri_entity(world, NG_ETYPE_COUNTRY, "Russia", &s));
  CHECK_EQ_STR(s, "https://data.example/kg/country/russia");
  CHECK(ng__iri_is_valid(s));
  free(s);
  CHECK_OK(ng_world_set_option(world, "base",
                               "https://w3id.org/newsgraph/id/"));
}

/* T11: one IRI for NFC and decomposed spellings; compatibility
 * characters fold by one documented rule (NFKD, marks dropped). */
static void
test_T11(void)
{
  check_slug("Caf\xc3\xa9 Noir", "cafe-noir");  /* precomposed U+00E9 */
  check_slug("Cafe\xcc\x81 Noir", "cafe-noir"); /* e + U+0301 */
  check_slug("Pier N\xc2\xba 1", "pier-no-1");  /* º */
  check_slug("\xe2\x85\xa0 \xe2\x91\xa0", "i-1"); /* Ⅰ ① */
}

/* T05: hostile names and URLs never give an invalid IRI. */
static void
test_T05(void)
{
  char *s = NULL;
  check_slug("Velmar ", "velmar"); /* (c) trimmed */
  check_slug("x> <http://evil.example/p> \"pwn\" .",
             "x-http-evil-example-p-pwn"); /* (b) */
  /* (a) */
  CHECK_OK(ng__iri_sanitize("https://news.example/a b/\"x\"?q={1}|2^3", &s));
  CHECK_EQ_STR(s, "https://news.example/a%20b/%22x%22?q=%7B1%7D%7C2%5E3");
  CHECK(ng__iri_is_valid(s));
  free(s);
  CHECK_OK(ng__iri_sanitize("https://x.example/<a>\\`b`\n", &s));
  CHECK_EQ_STR(s, "https://x.example/%3Ca%3E%5C%60b%60%0A");
  free(s);
  /* Existing escapes and UTF-8 stay; stray '%' and bad bytes are encoded. */
  CHECK_OK(ng__iri_sanitize("https://x.example/caf\xc3\xa9%20%zz\xff", &s));
  CHECK_EQ_STR(s, "https://x.example/caf\xc3\xa9%20%25zz%FF");
  CHECK(ng__iri_is_valid(s));
  free(s);

}

/* T10: only absolute IRIs are valid output. */
static void
test_T10(void)
{
  CHECK(ng__iri_is_valid("urn:sha256:abc"));
  CHECK(ng__iri_is_valid("https://a.example/#x"));
  CHECK(!ng__iri_is_valid("#quote-1"));             /* T10: relative */
  CHECK(!ng__iri_is_valid("/a/b"));
  CHECK(!ng__iri_is_valid(""));
  CHECK(!ng__iri_is_valid("https://a.example/a b"));
  CHECK(!ng__iri_is_valid("https://a.example/>"));
  CHECK(!ng__iri_is_valid("1http://a"));
}

static void
test_hashed(ng_world *world)
{
  char *a = NULL, *b = NULL, *c = NULL;
  CHECK_OK(ng__iri_hashed(world, "https://n.example/a", "event-visit", "k",
                          1, &a));
  CHECK_OK(ng__iri_hashed(world, "https://n.example/a", "event-visit", "k",
                          1, &b));
  CHECK_OK(ng__iri_hashed(world, "https://n.example/a", "event-visit", "l",
                          1, &c));
  CHECK_EQ_STR(a, b);
  CHECK(strcmp(a, c) != 0);
  CHECK(strncmp(a, "https://n.example/a#event-visit-", 32) == 0);
  CHECK(strlen(a) == 32 + 16);
  free(a);
  free(b);
  free(c);
  /* An article IRI with a fragment: the base is used (one '#' only). */
  CHECK_OK(ng__iri_hashed(world, "https://n.example/a#top", "fact", "k", 1,
                          &a));
  CHECK(strncmp(a, "https://w3id.org/newsgraph/id/article/", 38) == 0);
  CHECK(strchr(a, '#') == strrchr(a, '#'));
  CHECK(ng__iri_is_valid(a));
  free(a);
  CHECK_OK(ng__iri_fragment_base(world, "urn:sha256:00ff", &a));
  CHECK_EQ_STR(a, "urn:sha256:00ff");
  free(a);
}

int
main(void)
{
  ng_world *world = ng_world_new();
  CHECK(world != NULL);
  test_slugs();
  test_entity(world);
  test_T05();
  test_T10();
  test_T11();
  test_hashed(world);
  ng_world_free(world);
  return test_report();
}
