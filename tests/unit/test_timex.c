/* SPDX-License-Identifier: MIT */
/* Unit tests for timex.c: explicit dates, ranges, weekdays resolved by
 * tense, today/yesterday, years and months, calendar arithmetic. */
#include "../test.h"

#include "timex.h"

/* The value of the only (or @p k-th) expression in @p s, or "". */
static const char *
first(const char *s, const char *ref, size_t k, struct ng_timex *t)
{
  struct ng_timex out[8];
  size_t n = ng__timex_scan(s, strlen(s), ref, out, 8);
  if (n <= k) {
    return "";
  }
  *t = out[k];
  return t->value;
}

static void
test_calendar(void)
{
  char out[11];
  int y, m, d;
  CHECK(ng__timex_parse_iso("2025-05-15T09:10:00+08:00", &y, &m, &d));
  CHECK(y == 2025 && m == 5 && d == 15);
  CHECK(!ng__timex_parse_iso("2025-02-29", &y, &m, &d));
  CHECK(ng__timex_parse_iso("2024-02-29", &y, &m, &d));
  CHECK(ng__timex_weekday(2025, 5, 15) == 3); /* Thursday */
  CHECK(ng__timex_add_days("2024-12-31", 1, out));
  CHECK_EQ_STR(out, "2025-01-01");
  CHECK(ng__timex_add_days("2025-03-01", -1, out));
  CHECK_EQ_STR(out, "2025-02-28");
  long diff;
  CHECK(ng__timex_diff_days("2025-05-13", "2025-05-16", &diff) && diff == 3);
  CHECK(!ng__timex_add_days("nonsense", 1, out));
}

static void
test_explicit(void)
{
  struct ng_timex t;
  const char *ref = "2025-05-15";
  CHECK_EQ_STR(first("They met on May 13.", ref, 0, &t), "2025-05-13");
  CHECK(t.kind == NG_TIMEX_DATE && !t.relative);
  CHECK_EQ_STR(first("signed on 13 May 2021 in Oslo", ref, 0, &t),
               "2021-05-13");
  CHECK_EQ_STR(first("The deal (Aug. 12) held", ref, 0, &t), "2025-08-12");
  CHECK_EQ_STR(first("at the summit on Oct 26 here", ref, 0, &t),
               "2025-10-26");
  CHECK_EQ_STR(first("dated 2024-11-03.", ref, 0, &t), "2024-11-03");
  CHECK_EQ_STR(first("on March 6, 2023, she left", ref, 0, &t),
               "2023-03-06");
  /* weekday + explicit date: the date wins, one expression */
  CHECK_EQ_STR(first("The tour ends on Thursday, March 6.", "2025-03-04", 0,
                     &t),
               "2025-03-06");
  struct ng_timex out[4];
  const char *s = "The tour ends on Thursday, March 6.";
  CHECK(ng__timex_scan(s, strlen(s), "2025-03-04", out, 4) == 1);
  /* "may" the modal verb is not a month */
  s = "Ministers may 3 times refuse.";
  CHECK(ng__timex_scan(s, strlen(s), ref, out, 4) == 1); /* "May 3" only */
  s = "Officials may decide later.";
  CHECK(ng__timex_scan(s, strlen(s), ref, out, 4) == 0);
  /* year-less dates need a reference date */
  CHECK_EQ_STR(first("on May 13", NULL, 0, &t), "");
  /* December/January turn */
  CHECK_EQ_STR(first("talks on Jan 3", "2025-12-30", 0, &t), "2026-01-03");
  CHECK_EQ_STR(first("talks on Dec 30", "2026-01-02", 0, &t), "2025-12-30");
  /* regression: a curly apostrophe before the date (3-byte punctuation
   * once stalled the tokenizer) and a no-break space inside it */
  CHECK_EQ_STR(first("Anwar\xE2\x80\x99s visit started on May 13.", ref, 0,
                     &t),
               "2025-05-13");
  CHECK_EQ_STR(first("on May\xC2\xA0" "14", ref, 0, &t), "2025-05-14");
  /* invalid day */
  CHECK_EQ_STR(first("on February 30", ref, 0, &t), "");
}

static void
test_ranges(void)
{
  struct ng_timex t;
  const char *ref = "2025-05-15";
  CHECK_EQ_STR(first("a four-day visit, from May 13 to 16, shows", ref, 0,
                     &t),
               "2025-05-13");
  CHECK(t.kind == NG_TIMEX_RANGE);
  CHECK_EQ_STR(t.end_value, "2025-05-16");
  first("the fair runs May 13-16 in Hanoi", ref, 0, &t);
  CHECK(t.kind == NG_TIMEX_RANGE && strcmp(t.end_value, "2025-05-16") == 0);
  first("held 13\xE2\x80\x93" "16 May 2024", ref, 0, &t);
  CHECK_EQ_STR(t.value, "2024-05-13");
  CHECK_EQ_STR(t.end_value, "2024-05-16");
  first("between June 30 and July 2 the port closes", ref, 0, &t);
  CHECK_EQ_STR(t.value, "2025-06-30");
  CHECK_EQ_STR(t.end_value, "2025-07-02");
  first("from December 29 to January 2", "2025-12-01", 0, &t);
  CHECK_EQ_STR(t.end_value, "2026-01-02");
  /* "May 13 and 16" without "between" is not a range */
  struct ng_timex out[4];
  const char *s = "on May 13 and 16";
  CHECK(ng__timex_scan(s, strlen(s), ref, out, 4) == 1);
  CHECK(out[0].kind == NG_TIMEX_DATE);
  s = "between 2019 and 2022";
  CHECK(ng__timex_scan(s, strlen(s), ref, out, 4) == 2);
  CHECK(out[1].year == 2022);
}

static void
test_relative(void)
{
  struct ng_timex t;
  /* 2025-05-15 is a Thursday */
  CHECK_EQ_STR(first("Earlier Wednesday, Ana Lee arrived.", "2025-05-15", 0,
                     &t),
               "2025-05-14");
  CHECK(t.relative && !t.future);
  /* past: latest on or before the reference date */
  CHECK_EQ_STR(first("Omar Diallo met her on Monday.", "2025-06-03", 0, &t),
               "2025-06-02");
  CHECK_EQ_STR(first("He arrived on Tuesday.", "2025-03-04", 0, &t),
               "2025-03-04");
  /* future: first on or after */
  CHECK_EQ_STR(first("He will call on the king on Wednesday.", "2025-03-04",
                     0, &t),
               "2025-03-05");
  CHECK(t.future);
  CHECK_EQ_STR(first("Leaders are scheduled to join the talks on Monday.",
                     "2025-10-26", 0, &t),
               "2025-10-27");
  /* the future marker may stand far back in the sentence (2025-11-12 is
   * a Wednesday) ... */
  CHECK_EQ_STR(first("Dung will host an official welcome ceremony for Lins "
                     "at the Presidential Palace in Hanoi on Thursday.",
                     "2025-11-12", 0, &t),
               "2025-11-13");
  /* ... but the day of a report is past, whatever it reports */
  CHECK_EQ_STR(first("Kapoor will visit Japan, the ministry said on Monday.",
                     "2025-11-12", 0, &t),
               "2025-11-10");
  CHECK(!t.future);
  /* a relative clause after the weekday has its own tense (2025-03-06 is
   * a Thursday) */
  CHECK_EQ_STR(first("The two sides signed a deal on Monday under which "
                     "Chile will sell copper to Peru.",
                     "2025-03-06", 0, &t),
               "2025-03-03");
  CHECK(!t.future);
  CHECK_EQ_STR(first("They met on Tuesday and will meet again soon.",
                     "2025-03-06", 0, &t),
               "2025-03-04");
  CHECK_EQ_STR(first("She left last Thursday.", "2025-05-15", 0, &t),
               "2025-05-08");
  CHECK_EQ_STR(first("They meet next Thursday.", "2025-05-15", 0, &t),
               "2025-05-22");
  CHECK_EQ_STR(first("signed today", "2025-08-12", 0, &t), "2025-08-12");
  CHECK_EQ_STR(first("met yesterday", "2025-01-01", 0, &t), "2024-12-31");
  CHECK_EQ_STR(first("leaves tomorrow", "2025-02-28", 0, &t), "2025-03-01");
  /* no reference date: relative expressions are skipped */
  CHECK_EQ_STR(first("met on Monday", "", 0, &t), "");
}

static void
test_years(void)
{
  struct ng_timex t;
  first("In 2024, trade rose.", "2025-05-15", 0, &t);
  CHECK(t.kind == NG_TIMEX_YEAR && t.year == 2024);
  first("Trade reached S$3 billion last year.", "2025-03-04", 0, &t);
  CHECK(t.kind == NG_TIMEX_YEAR && t.year == 2024 && t.relative);
  first("talks next month", "2025-12-04", 0, &t);
  CHECK(t.kind == NG_TIMEX_MONTH && t.year == 2026 && t.month == 1);
  first("signed in March 2023", "2025-12-04", 0, &t);
  CHECK(t.kind == NG_TIMEX_MONTH && t.year == 2023 && t.month == 3);
  /* a count is not a year */
  struct ng_timex out[4];
  const char *s = "about 2000 jobs and 1999 homes";
  CHECK(ng__timex_scan(s, strlen(s), "2025-01-01", out, 4) == 0);
}

/* Issue 3 audit: weeks, weekdays of a named week, a year after a
 * year-less date, month names without a day, present-tense schedules. */
static void
test_issue3(void)
{
  struct ng_timex t;
  struct ng_timex out[4];
  /* 2025-05-15 is a Thursday */
  const char *ref = "2025-05-15";
  first("Earlier this week, the minister met Ali.", ref, 0, &t);
  CHECK(t.kind == NG_TIMEX_WEEK && t.relative);
  CHECK_EQ_STR(t.value, "2025-05-12");
  CHECK_EQ_STR(t.end_value, "2025-05-14");
  first("The two met last week.", ref, 0, &t);
  CHECK(t.kind == NG_TIMEX_WEEK);
  CHECK_EQ_STR(t.value, "2025-05-05");
  CHECK_EQ_STR(t.end_value, "2025-05-11");
  first("talks late last week", ref, 0, &t);
  CHECK_EQ_STR(t.value, "2025-05-08");
  first("later this week", ref, 0, &t);
  CHECK(t.future && strcmp(t.value, "2025-05-16") == 0);
  /* only Monday is left before a Tuesday: a day */
  first("earlier this week", "2025-05-13", 0, &t);
  CHECK(t.kind == NG_TIMEX_DATE && strcmp(t.value, "2025-05-12") == 0);
  /* "over the past week" is a duration */
  const char *s = "over the past week";
  CHECK(ng__timex_scan(s, strlen(s), ref, out, 4) == 0);
  CHECK_EQ_STR(first("He will meet her on Friday next week.", ref, 0, &t),
               "2025-05-23");
  CHECK_EQ_STR(first("They met on Monday of last week.", ref, 0, &t),
               "2025-05-05");
  first("He will travel to Cairo on March 3-5 next year.", ref, 0, &t);
  CHECK(t.kind == NG_TIMEX_RANGE);
  CHECK_EQ_STR(t.value, "2026-03-03");
  CHECK_EQ_STR(t.end_value, "2026-03-05");
  CHECK_EQ_STR(first("signed on 3 March last year", ref, 0, &t),
               "2024-03-03");
  /* an explicit year wins */
  s = "on March 3, 2023 next year";
  CHECK(ng__timex_scan(s, strlen(s), ref, out, 4) >= 1);
  CHECK_EQ_STR(out[0].value, "2023-03-03");
  first("He visited Japan in mid-April.", ref, 0, &t);
  CHECK(t.kind == NG_TIMEX_MONTH && t.year == 2025 && t.month == 4);
  first("Santos visited Tokyo in mid-November.", "2025-02-12", 0, &t);
  CHECK(t.kind == NG_TIMEX_MONTH && t.year == 2024 && t.month == 11);
  first("She is scheduled to visit Beijing in January.", ref, 0, &t);
  CHECK(t.kind == NG_TIMEX_MONTH && t.year == 2026 && t.month == 1);
  first("signed last March", ref, 0, &t);
  CHECK(t.kind == NG_TIMEX_MONTH && t.year == 2025 && t.month == 3);
  first("due to open next March", ref, 0, &t);
  CHECK(t.kind == NG_TIMEX_MONTH && t.year == 2026);
  /* the modal verb and a lower-case name are no month */
  s = "Officials said they may act.";
  CHECK(ng__timex_scan(s, strlen(s), ref, out, 4) == 0);
  s = "in may";
  CHECK(ng__timex_scan(s, strlen(s), ref, out, 4) == 0);
  /* a present-tense schedule verb makes a weekday future (2025-11-20 is
   * a Thursday) ... */
  CHECK_EQ_STR(first("a state visit that ends on Friday", "2025-11-20", 0,
                     &t),
               "2025-11-21");
  CHECK_EQ_STR(first("Kang flies on to Doha on Friday.", "2025-11-20", 0,
                     &t),
               "2025-11-21");
  /* weekday ranges, with a named week or by tense */
  first("He will visit Nigeria from Monday to Wednesday next week.", ref, 0,
        &t);
  CHECK(t.kind == NG_TIMEX_RANGE);
  CHECK_EQ_STR(t.value, "2025-05-19");
  CHECK_EQ_STR(t.end_value, "2025-05-21");
  first("The fair ran from Monday to Wednesday.", ref, 0, &t);
  CHECK(t.kind == NG_TIMEX_RANGE && strcmp(t.value, "2025-05-12") == 0 &&
        strcmp(t.end_value, "2025-05-14") == 0);
  first("She will be there between Friday and Sunday.", ref, 0, &t);
  CHECK_EQ_STR(t.end_value, "2025-05-18");
  /* two days are no range without "from" or "between" */
  s = "He met Ali on Monday and Tuesday";
  CHECK(ng__timex_scan(s, strlen(s), ref, out, 4) == 2);
  CHECK(out[0].kind == NG_TIMEX_DATE);
  /* ... but not across a comma */
  CHECK_EQ_STR(first("The summit, which opened on Monday, ends on Friday.",
                     "2025-11-20", 0, &t),
               "2025-11-17");
}

int
main(void)
{
  test_calendar();
  test_explicit();
  test_ranges();
  test_relative();
  test_years();
  test_issue3();
  return test_report();
}
