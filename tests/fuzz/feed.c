/* SPDX-License-Identifier: MIT */
/* Fuzz target: RSS, Atom, sitemaps, sitemap indexes and HTML feed
 * autodiscovery (ng__feed_parse). Every item must be an absolute http(s)
 * URL without a fragment or raw space, with an xsd:date or no date. */
#include "fuzz.h"

#include "feed.h"
#include "timex.h"

#include <string.h>

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  (void)fuzz_world();
  return 0;
}

static void
check_items(const struct ng_feed *f)
{
  for (size_t i = 0; i < f->n; i++) {
    const char *u = f->items[i].url;
    FUZZ_CHECK(u != NULL);
    FUZZ_CHECK(strncmp(u, "http://", 7) == 0 ||
               strncmp(u, "https://", 8) == 0);
    FUZZ_CHECK(strchr(u, '#') == NULL);
    for (const char *p = u; *p; p++) {
      FUZZ_CHECK((unsigned char)*p > 0x20);
    }
    if (f->items[i].date[0]) {
      int y, m, d;
      FUZZ_CHECK(strlen(f->items[i].date) == 10);
      FUZZ_CHECK(ng__timex_parse_iso(f->items[i].date, &y, &m, &d));
    }
  }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  ng_world *world = fuzz_world();
  struct ng_feed items, next;
  memset(&items, 0, sizeof items);
  memset(&next, 0, sizeof next);
  enum ng_feed_kind kind = NG_FEED_UNKNOWN;
  (void)ng__feed_is_feed((const char *)data, size);
  /* The first byte picks the base: none, or a page URL to resolve
   * relative links against. */
  const char *base = size > 0 && data[0] == '<' ? "https://news.example/feeds/"
                                                : NULL;
  ng_status st = ng__feed_parse(world, "fuzz-feed", (const char *)data, size,
                                NULL, base, &items, &next, &kind);
  FUZZ_CHECK(st == NG_OK || st == NG_ERR_PARSE || st == NG_NOT_FOUND ||
             st == NG_ERR_ENCODING || st == NG_ERR_TOO_LARGE);
  check_items(&items);
  check_items(&next);
  ng__feed_clear(&items);
  ng__feed_clear(&next);
  return 0;
}
