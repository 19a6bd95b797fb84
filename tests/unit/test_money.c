/* SPDX-License-Identifier: MIT */
/* Unit tests for money.c: symbols, codes and names to ISO 4217, scale
 * words, exact decimals (FAULT-CASES.md R01), ranges (R02). */
#include "../test.h"

#include "doc.h"
#include "money.h"

#include <stdlib.h>

static void
test_scale(void)
{
  char out[48];
  CHECK(ng__money_scale("11.46", 5, 9, out, sizeof out));
  CHECK_EQ_STR(out, "11460000000");
  CHECK(ng__money_scale("16,189", 6, 7, out, sizeof out));
  CHECK_EQ_STR(out, "161890000000");
  CHECK(ng__money_scale("0.25", 4, 0, out, sizeof out));
  CHECK_EQ_STR(out, "0.25");
  CHECK(ng__money_scale("1.23456", 7, 3, out, sizeof out));
  CHECK_EQ_STR(out, "1234.56");
  CHECK(ng__money_scale("007.50", 6, 0, out, sizeof out));
  CHECK_EQ_STR(out, "7.5");
  CHECK(!ng__money_scale("1.2.3", 5, 0, out, sizeof out));
  CHECK(!ng__money_scale("12", 2, 9, out, 4)); /* does not fit */
}

static size_t
scan(const char *s, struct ng_money *out, size_t max)
{
  return ng__money_scan(s, strlen(s), out, max);
}

static void
test_R01(void)
{
  struct ng_money m[8];
  const char *s = "Exports hit RM10 million. Orlan's trade surplus was $1.8 "
                  "bln; imports were $728 mil. Revenue reached Rs16,189-crore "
                  "(\xE2\x82\xAC" "2.1 billion).";
  CHECK(scan(s, m, 8) == 5);
  CHECK_EQ_STR(m[0].value, "10000000");
  CHECK_EQ_STR(m[0].currency, "MYR");
  CHECK_EQ_STR(m[1].value, "1800000000");
  CHECK_EQ_STR(m[1].currency, "USD");
  CHECK_EQ_STR(m[2].value, "728000000");
  CHECK_EQ_STR(m[3].value, "161890000000");
  CHECK_EQ_STR(m[3].currency, "INR");
  CHECK_EQ_STR(m[4].value, "2100000000");
  CHECK_EQ_STR(m[4].currency, "EUR");
  /* the surface span covers symbol and scale word */
  CHECK(strncmp(s + m[0].begin, "RM10 million", m[0].end - m[0].begin) == 0);
}

static void
test_pairs_and_ranges(void)
{
  struct ng_money m[8];
  CHECK(scan("total trade reaching RM11.46 billion (US$2.48 billion).", m,
             8) == 2);
  CHECK_EQ_STR(m[0].value, "11460000000");
  CHECK_EQ_STR(m[0].currency, "MYR");
  CHECK_EQ_STR(m[1].value, "2480000000");
  CHECK_EQ_STR(m[1].currency, "USD");
  /* R02: three amounts, not one */
  CHECK_CASE("R02", scan("Q2 exports from Orlan to Velmar decreased $1.2 "
                         "million to $23.5 million, from $24.7 million a "
                         "year earlier.",
                         m, 8) == 3);
  CHECK_CASE_EQ_STR("R02", m[1].value, "23500000");
  CHECK_CASE_EQ_STR("R02", m[2].value, "24700000");
  CHECK(scan("a budget of RM10-12 million", m, 8) == 2);
  CHECK_EQ_STR(m[0].value, "10000000");
  CHECK_EQ_STR(m[1].value, "12000000");
  /* R01, Indian compound scales: 2.5 lakh crore = 2.5 x 10^12 */
  CHECK(scan("trade stood at \xE2\x82\xB9" "2.5 lakh crore last year and "
             "Rs 1,200 thousand crore before", m, 8) == 2);
  CHECK_EQ_STR(m[0].value, "2500000000000");
  CHECK_EQ_STR(m[0].currency, "INR");
  CHECK_EQ_STR(m[1].value, "12000000000000");
  /* a range with "between ... and": two amounts */
  CHECK(scan("between \xC2\xA3" "3 billion and \xC2\xA3" "3.5 billion", m,
             8) == 2);
  CHECK_EQ_STR(m[1].value, "3500000000");
  CHECK_EQ_STR(m[1].currency, "GBP");
}

static void
test_currencies(void)
{
  struct ng_money m[8];
  CHECK(scan("S$31.2 billion", m, 8) == 1);
  CHECK_EQ_STR(m[0].currency, "SGD");
  CHECK(scan("about \xE2\x82\xAC" "31 billion in 2024", m, 8) == 1);
  CHECK_EQ_STR(m[0].value, "31000000000");
  CHECK(scan("\xC2\xA3" "5m and \xC2\xA5" "300 billion", m, 8) == 2);
  CHECK_EQ_STR(m[0].currency, "GBP");
  CHECK_EQ_STR(m[0].value, "5000000");
  CHECK_EQ_STR(m[1].currency, "JPY");
  CHECK(scan("\xC2\xA5" "2 billion of yuan loans", m, 8) == 1);
  CHECK_EQ_STR(m[0].currency, "CNY");
  CHECK(scan("5.5 billion ringgit and 30 million euros", m, 8) == 2);
  CHECK_EQ_STR(m[0].currency, "MYR");
  CHECK_EQ_STR(m[1].currency, "EUR");
  CHECK(scan("worth 4 million Singapore dollars", m, 8) == 1);
  CHECK_EQ_STR(m[0].currency, "SGD");
  CHECK(scan("Rp 2.5 trillion, \xE2\x82\xB1" "8bn, A$3 million, HK$2k", m,
             8) == 4);
  CHECK_EQ_STR(m[0].currency, "IDR");
  CHECK_EQ_STR(m[0].value, "2500000000000");
  CHECK_EQ_STR(m[1].currency, "PHP");
  CHECK_EQ_STR(m[2].currency, "AUD");
  CHECK_EQ_STR(m[3].currency, "HKD");
  CHECK_EQ_STR(m[3].value, "2000");
  CHECK(scan("a 5 lakh grant of \xE2\x82\xB9" "5 lakh", m, 8) == 1);
  CHECK_EQ_STR(m[0].value, "500000");
  CHECK(scan("USD 40 million", m, 8) == 1);
  CHECK_EQ_STR(m[0].value, "40000000");
  CHECK(scan("RM11.46\xC2\xA0" "billion", m, 8) == 1);
  CHECK_EQ_STR(m[0].value, "11460000000");
  /* numbers without a currency are not money */
  CHECK(scan("rose 8.2 per cent to 220 units; 2,000 jobs", m, 8) == 0);
  CHECK(scan("RMX5 and FORM 3", m, 8) == 0);
}


/* Context for test_names: the article names Pakistan twice and India
 * once. */
static size_t
ctx_count(void *ud, const char *country)
{
  (void)ud;
  return strcmp(country, "Pakistan") == 0 ? 2
         : strcmp(country, "India") == 0  ? 1
                                          : 0;
}

static void
test_names(void)
{
  static char *w_omr[] = {"omani", "rials"}, *w_rials[] = {"rials"},
              *w_inr[] = {"rupees"}, *w_pkr[] = {"rupees"},
              *w_dkk[] = {"danish", "crowns"};
  struct ng_money_name nv[] = {
      {w_omr, 2, "OMR", "Oman"},     {w_rials, 1, "IRR", "Iran"},
      {w_inr, 1, "INR", "India"},    {w_pkr, 1, "PKR", "Pakistan"},
      {w_dkk, 2, "DKK", "Denmark"},
  };
  struct ng_money_names names = {nv, ARRAY_LEN(nv), NULL, NULL, false};
  struct ng_money m[4];
  const char *s = "rose to 1.2 billion Omani rials, or 310 billion Danish "
                  "crowns, and 5 million rials.";
  CHECK(ng__money_scan_names(s, strlen(s), &names, m, 4) == 3);
  CHECK_EQ_STR(m[0].currency, "OMR");
  CHECK_EQ_STR(m[0].value, "1200000000");
  CHECK(strncmp(s + m[0].begin, "1.2 billion Omani rials",
                m[0].end - m[0].begin) == 0);
  CHECK_EQ_STR(m[1].currency, "DKK");
  CHECK_EQ_STR(m[1].value, "310000000000");
  CHECK_EQ_STR(m[2].currency, "IRR");
  /* the built-in names alone know neither */
  CHECK(scan(s, m, 4) == 0);
  /* a bare name shared by several currencies: the first listed, unless
   * the context prefers another */
  s = "2.5 trillion rupees";
  CHECK(ng__money_scan_names(s, strlen(s), &names, m, 4) == 1);
  CHECK_EQ_STR(m[0].currency, "INR");
  names.context = ctx_count;
  CHECK(ng__money_scan_names(s, strlen(s), &names, m, 4) == 1);
  CHECK_EQ_STR(m[0].currency, "PKR");
  /* a name must end on a word boundary; ISO codes cover the rest */
  s = "5 million rialsx; OMR 3 billion; 4 billion NGN";
  CHECK(ng__money_scan_names(s, strlen(s), &names, m, 4) == 2);
  CHECK_EQ_STR(m[0].currency, "OMR");
  CHECK_EQ_STR(m[1].currency, "NGN");
  /* regional symbols before the number */
  s = "KSh 1.2 trillion, QR6 billion, SR 9bn, Dh3 billion, "
      "\xE2\x82\xA6" "5 trillion, \xE2\x82\xBA" "4 billion; KSR9 is no "
      "amount";
  static const char *const codes[] = {"KES", "QAR", "SAR", "AED", "NGN",
                                      "TRY"};
  struct ng_money m6[8];
  CHECK(scan(s, m6, 8) == 6);
  for (size_t i = 0; i < ARRAY_LEN(codes); i++) {
    CHECK_EQ_STR(m6[i].currency, codes[i]);
  }
  CHECK_EQ_STR(m6[0].value, "1200000000000");
}

/* Issue 3 audit: Malaysian "bil", a range whose first amount repeats
 * the marker and shares the scale (R02), Tk and Php, and ¥ as the yuan
 * when the article (not the sentence) names the yuan. */
static void
test_issue3(void)
{
  struct ng_money m[4];
  const char *s = "exports of RM45.7 bil and US$1.2bil, worth 3.5 bil "
                  "ringgit";
  CHECK(scan(s, m, 4) == 3);
  CHECK_EQ_STR(m[0].value, "45700000000");
  CHECK_EQ_STR(m[0].currency, "MYR");
  CHECK_EQ_STR(m[1].value, "1200000000");
  CHECK_EQ_STR(m[1].currency, "USD");
  CHECK_EQ_STR(m[2].value, "3500000000");
  s = "between RM1.2 and RM1.5 billion";
  CHECK(scan(s, m, 4) == 2);
  CHECK_EQ_STR(m[0].value, "1200000000");
  CHECK_EQ_STR(m[1].value, "1500000000");
  s = "from RM1.2 to RM1.5 billion";
  CHECK(scan(s, m, 4) == 2);
  CHECK_EQ_STR(m[0].value, "1200000000");
  /* "and" shares a scale only after "between" */
  s = "rose to RM5 and RM6 billion";
  CHECK(scan(s, m, 4) == 2);
  CHECK_EQ_STR(m[0].value, "5");
  s = "goods worth Tk 21,000 crore and Php 3 billion";
  CHECK(scan(s, m, 4) == 2);
  CHECK_EQ_STR(m[0].currency, "BDT");
  CHECK_EQ_STR(m[0].value, "210000000000");
  CHECK_EQ_STR(m[1].currency, "PHP");
  s = "cherries worth \xC2\xA5" "18.2 billion";
  CHECK(scan(s, m, 4) == 1);
  CHECK_EQ_STR(m[0].currency, "JPY");
  struct ng_money_names names = {NULL, 0, NULL, NULL, true};
  CHECK(ng__money_scan_names(s, strlen(s), &names, m, 4) == 1);
  CHECK_EQ_STR(m[0].currency, "CNY");
  CHECK(ng__money_says_yuan("438 billion yuan", 16));
  CHECK(!ng__money_says_yuan("the Yuanshan hotel", 18));
}

/* Round 2: Indian lakh/crore digit grouping, "Rs." with a dot, attached
 * scale abbreviations. */
static void
test_indian_grouping(void)
{
  struct ng_money m[4];
  const char *s = "trade stood at \xE2\x82\xB9" "1,09,450 crore last year";
  CHECK(scan(s, m, 4) == 1);
  CHECK_EQ_STR(m[0].value, "1094500000000");
  CHECK_EQ_STR(m[0].currency, "INR");
  CHECK(m[0].end == strlen("trade stood at \xE2\x82\xB9" "1,09,450 crore"));
  s = "a grant of Rs 2,50,000 and \xE2\x82\xB9" "12,34,567 for each";
  CHECK(scan(s, m, 4) == 2);
  CHECK_EQ_STR(m[0].value, "250000");
  CHECK_EQ_STR(m[1].value, "1234567");
  s = "Rs. 1,00,00,000 in all";
  CHECK(scan(s, m, 4) == 1);
  CHECK_EQ_STR(m[0].value, "10000000");
  CHECK_EQ_STR(m[0].currency, "INR");
  /* western grouping is unchanged; a list of small numbers is no amount */
  s = "US$1,234,567 and US$12,345";
  CHECK(scan(s, m, 4) == 2);
  CHECK_EQ_STR(m[0].value, "1234567");
  CHECK_EQ_STR(m[1].value, "12345");
  s = "US$1.2bn, $3.4 trn and $0.3 trillion";
  CHECK(scan(s, m, 4) == 3);
  CHECK_EQ_STR(m[0].value, "1200000000");
  CHECK_EQ_STR(m[1].value, "3400000000000");
  CHECK_EQ_STR(m[2].value, "300000000000");
  s = "Rp12.6 trillion (US$775 million)";
  CHECK(scan(s, m, 4) == 2);
  CHECK_EQ_STR(m[0].currency, "IDR");
  CHECK_EQ_STR(m[0].value, "12600000000000");
  CHECK_EQ_STR(m[1].currency, "USD");
  CHECK_EQ_STR(m[1].value, "775000000");
}

/* The trade figures extracted from plain text @p text, through the whole
 * pipeline (event.c makes the figures from money.c's amounts). */
static struct ng_doc *
extract_text(ng_world *world, const char *text)
{
  struct ng_doc *doc = NULL;
  CHECK_OK(ng_doc_load_bytes(world, text, strlen(text), "forecast.txt",
                             "text/plain", &doc));
  if (doc) {
    CHECK_OK(ng_doc_extract(world, doc));
  }
  return doc;
}

/* The trade figure of @p value in @p doc, or NULL. */
static const struct ng_event *
figure(const struct ng_doc *doc, const char *value)
{
  for (size_t i = 0; doc && i < doc->n_events; i++) {
    const struct ng_event *e = &doc->events[i];
    if (e->kind == NG_EV_TRADE_FIGURE && e->value &&
        strcmp(e->value, value) == 0) {
      return e;
    }
  }
  return NULL;
}

/* A forecast, target or goal of trade is not trade measured in its year:
 * ng:Planned (lexicon ngl:ForecastMarker), and it takes no year from an
 * earlier figure, nor gives one to a later figure. */
static void
test_forecasts(void)
{
  ng_world *world = ng_world_new();
  CHECK(world != NULL);
  const char *dir = getenv("NEWSGRAPH_DATA");
  CHECK_OK(ng_world_set_option(world, "data-dir",
                               dir && *dir ? dir : NG_SRCDIR "/ontology"));
  struct ng_doc *doc = extract_text(world,
      "LONDON, March 3, 2026 - Trade officials of Britain and Nigeria met "
      "on Tuesday.\n\nBilateral trade between Britain and Nigeria stood at "
      "\xC2\xA3" "2.1 billion in 2025.\n\n"
      "Officials expect bilateral trade between the two countries to reach "
      "\xC2\xA3" "3 billion by 2027.\n\n"
      "The two countries aim to double trade to \xC2\xA3" "6 billion by "
      "2030.\n\n"
      "Trade between Britain and Nigeria rose to \xC2\xA3" "2.4 billion in "
      "2024, short of a \xC2\xA3" "4 billion target.\n\n"
      "Exports from Nigeria to Britain could reach \xC2\xA3" "1.5 "
      "billion.\n\n"
      "Trade between Britain and Nigeria was \xC2\xA3" "1.9 billion.\n");
  const struct ng_event *measured = figure(doc, "2100000000");
  const struct ng_event *expect = figure(doc, "3000000000");
  const struct ng_event *aim = figure(doc, "6000000000");
  const struct ng_event *rose = figure(doc, "2400000000");
  const struct ng_event *target = figure(doc, "4000000000");
  const struct ng_event *could = figure(doc, "1500000000");
  const struct ng_event *later = figure(doc, "1900000000");
  CHECK(measured && measured->modality == NG_MOD_ASSERTED &&
        measured->year == 2025);
  CHECK(expect && expect->modality == NG_MOD_PLANNED && expect->year == 2027);
  CHECK(aim && aim->modality == NG_MOD_PLANNED && aim->year == 2030);
  CHECK(rose && rose->modality == NG_MOD_ASSERTED && rose->year == 2024);
  CHECK(target && target->modality == NG_MOD_PLANNED);
  CHECK(could && could->modality == NG_MOD_PLANNED && could->year == 0);
  /* the year of the last measured figure, not of a forecast */
  CHECK(later && later->modality == NG_MOD_ASSERTED && later->year == 2024);
  ng_doc_free(doc);
  ng_world_free(world);
}

int
main(void)
{
  test_forecasts();
  test_scale();
  test_R01();
  test_pairs_and_ranges();
  test_currencies();
  test_names();
  test_issue3();
  test_indian_grouping();
  return test_report();
}
