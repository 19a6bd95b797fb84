/* SPDX-License-Identifier: MIT */
/* Unit tests for the lead sentence after a dateline: a trade figure in it
 * is found as in the same sentence without the dateline, whatever the
 * dateline's style (event.c has_trade_word, opens_after_dateline). */
#include "../test.h"

#include "doc.h"
#include "internal.h"
#include "newsgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The doc of @p text, extracted (NULL on failure, counted). */
static struct ng_doc *
extract_text(ng_world *world, const char *text)
{
  struct ng_doc *doc = NULL;
  CHECK_OK(ng_doc_load_bytes(world, text, strlen(text), "lead.txt",
                             "text/plain", &doc));
  if (doc) {
    CHECK_OK(ng_doc_extract(world, doc));
  }
  return doc;
}

/* True if @p doc has a measured trade figure of @p value in @p year
 * between the countries labelled @p a and @p b. */
static bool
has_figure(const struct ng_doc *doc, const char *value, int year,
           const char *a, const char *b)
{
  for (size_t i = 0; doc && i < doc->n_events; i++) {
    const struct ng_event *e = &doc->events[i];
    if (e->kind != NG_EV_TRADE_FIGURE || !e->value ||
        strcmp(e->value, value) != 0 || e->year != year ||
        e->n_parties != 2 || e->modality != NG_MOD_ASSERTED) {
      continue;
    }
    const char *x =
        doc->entities[ng__doc_resolve(doc, e->parties[0])].label;
    const char *y =
        doc->entities[ng__doc_resolve(doc, e->parties[1])].label;
    if ((strcmp(x, a) == 0 && strcmp(y, b) == 0) ||
        (strcmp(x, b) == 0 && strcmp(y, a) == 0)) {
      return true;
    }
  }
  return false;
}

static void
test_trade_after_dateline(void)
{
  ng_world *world = ng_world_new();
  CHECK(world != NULL);
  const char *dir = getenv("NEWSGRAPH_DATA");
  CHECK_OK(ng_world_set_option(world, "data-dir",
                               dir && *dir ? dir : NG_SRCDIR "/ontology"));
  /* every dateline style the entity finder reads, then a sentence
   * opening with a capitalised trade word */
  static const char *const leads[] = {
      "",
      "WARSAW, March 10 \xE2\x80\x94 ",
      "WARSAW, March 10 \xE2\x80\x93 ",
      "WARSAW, March 10 - ",
      "WARSAW, March 10 -- ",
      "WARSAW, March 10 (Reuters) - ",
      "WARSAW (Reuters) - ",
      "WARSAW, Poland (AP) \xE2\x80\x94 ",
      "Warsaw (AFP) - ",
      "NAIROBI, Kenya, March 10 \xE2\x80\x94 ",
      "NEW DELHI (PTI): ",
      "WARSAW, March 10: ",
      /* leads the entity finder does not read as datelines, of the same
       * shape: a place or words in capitals, then a colon or dash */
      "WARSAW: ",
      "Warsaw: ",
      "WARSAW - ",
      "NEW DELHI: ",
      "HO CHI MINH CITY: ",
  };
  static const char *const bodies[] = {
      "Trade between Poland and Kenya was worth $5 billion in 2025.\n",
      "Exports from Poland to Kenya were worth $5 billion in 2025.\n",
  };
  for (size_t b = 0; b < ARRAY_LEN(bodies); b++) {
    for (size_t l = 0; l < ARRAY_LEN(leads); l++) {
      char text[256];
      int n = snprintf(text, sizeof text, "%s%s", leads[l], bodies[b]);
      CHECK(n > 0 && (size_t)n < sizeof text);
      struct ng_doc *doc = extract_text(world, text);
      bool ok = has_figure(doc, "5000000000", 2025, "Poland", "Kenya");
      if (!ok) {
        fprintf(stderr, "no trade figure in: %s", text);
      }
      CHECK(ok);
      ng_doc_free(doc);
    }
  }
  /* a capitalised trade word inside the sentence is still part of a name,
   * not a statement about trade, after a dateline too */
  struct ng_doc *doc = extract_text(world,
      "WARSAW, March 10 \xE2\x80\x94 Poland said UK Export Finance will "
      "lend Kenya $5 billion in 2025.\n");
  CHECK(doc && !has_figure(doc, "5000000000", 2025, "Poland", "Kenya"));
  ng_doc_free(doc);
  /* a capitalised trade word opening the sentence, followed by a word in
   * capitals, opens the name of an export credit agency: a loan, not
   * trade, with and without a dateline */
  static const char *const agencies[] = {
      "Export Development Canada said it lent $5 billion to Kenya in "
      "2025.\n",
      "OTTAWA, March 10 \xE2\x80\x94 Export Development Canada said it "
      "lent $5 billion to Kenya in 2025.\n",
      "Export Finance Canada lent $5 billion to Kenya in 2025.\n",
      "Export-Import Canada lent $5 billion to Kenya in 2025.\n",
  };
  for (size_t a = 0; a < ARRAY_LEN(agencies); a++) {
    doc = extract_text(world, agencies[a]);
    bool bad = !doc || has_figure(doc, "5000000000", 2025, "Canada", "Kenya");
    if (bad) {
      fprintf(stderr, "a trade figure in: %s", agencies[a]);
    }
    CHECK(!bad);
    ng_doc_free(doc);
  }
  ng_world_free(world);
}

int
main(void)
{
  test_trade_after_dateline();
  return test_report();
}
