/* SPDX-License-Identifier: MIT */
/* Temporal-expression normalisation (TIMEX3 style): explicit, ranged and
 * relative dates in English news text to xsd:date strings. */
#ifndef NG_TIMEX_H
#define NG_TIMEX_H

#include "internal.h"

#include <stddef.h>

/* What a temporal expression denotes. */
enum ng_timex_kind {
  NG_TIMEX_DATE,  /* one day: value */
  NG_TIMEX_RANGE, /* several days: value .. end_value */
  NG_TIMEX_MONTH, /* a month: year + month ("March 2025", "next month") */
  NG_TIMEX_YEAR,  /* a year: year ("in 2024", "last year") */
  NG_TIMEX_WEEK   /* part of a calendar week (Monday..Sunday) whose day is
                   * not stated: value .. end_value ("last week",
                   * "earlier this week", "next week") */
};

/* One temporal expression found by ng__timex_scan(). */
struct ng_timex {
  size_t begin;            /* byte offset of the expression in the text */
  size_t end;              /* byte offset just past it */
  enum ng_timex_kind kind; /* what it denotes */
  char value[11];          /* DATE/RANGE start as xsd:date, else "" */
  char end_value[11];      /* RANGE end as xsd:date, else "" */
  int year;                /* year of the (start) date, or the year; 0 if
                            * unknown */
  int month;               /* 1-12 for DATE/RANGE/MONTH, else 0 */
  bool relative;           /* resolved against the reference date */
  bool future;             /* a weekday resolved forwards (future tense) */
};

/* Parses an xsd:date prefix "YYYY-MM-DD" of @p s (a dateTime is accepted:
 * only its first ten bytes are read) into *y, *m, *d. False when @p s does
 * not start with a valid Gregorian date. */
bool ng__timex_parse_iso(const char *s, int *y, int *m, int *d);

/* Writes the xsd:date "YYYY-MM-DD" of a valid date into @p out (11
 * bytes). Years outside 1..9999 give "". */
void ng__timex_format(int y, int m, int d, char out[11]);

/* Day of the week of a valid date: 0 = Monday .. 6 = Sunday. */
int ng__timex_weekday(int y, int m, int d);

/* Writes into @p out (11 bytes) the xsd:date @p n days after the
 * xsd:date @p date (n may be negative). False (and out = "") when @p date
 * is not a valid xsd:date. */
bool ng__timex_add_days(const char *date, long n, char out[11]);

/* Days from xsd:date @p a to xsd:date @p b (b - a); false when either is
 * invalid. */
bool ng__timex_diff_days(const char *a, const char *b, long *out);

/* Finds the temporal expressions in the @p len bytes at @p text (one
 * sentence or paragraph of English news text) and resolves them against
 * @p ref_date (xsd:date of publication, or "" / NULL: then relative
 * expressions are skipped and year-less dates are not reported).
 *
 * Recognised (VOCABULARY.md "Dates"): "May 13", "13 May 2025", "May 13,
 * 2025", "Aug. 12", "2025-05-13", "Thursday, March 6"; ranges "from May 13
 * to 16", "May 13-16", "13-16 May", "between May 13 and 16", "May 30 to
 * June 2"; weekdays ("on Monday", "Earlier Wednesday", "last Friday",
 * "next Tuesday", "on Friday next week"): past tense gives the latest such
 * day on or before the reference date, future tense ("will", "is
 * scheduled to", "expected to", or a present-tense schedule verb just
 * before it: "ends on Friday", "leaves for Doha on Friday") the first on
 * or after it; "today", "yesterday", "tomorrow"; weeks ("last week",
 * "this week", "earlier this week", "later this week", "next week":
 * NG_TIMEX_WEEK, or a DATE when only one day is left); years ("in 2024",
 * "last year", "this year", "next year"); months ("March 2025", "last
 * month", "next month", and a capitalised month name after a preposition
 * or "mid-", "early", "late", "end of": "in April", "mid-April": the
 * latest such month on or before the reference month, or in future tense
 * the first on or after it; "last March", "next March"). Year-less dates
 * take the reference year, moved by one across a December/January turn,
 * or the year a following "last year" / "next year" names ("on March 3-5
 * next year").
 *
 * Stores at most @p max expressions in @p out, in text order, and returns
 * how many were found (which may exceed @p max). Pure: no allocation. */
size_t ng__timex_scan(const char *text, size_t len, const char *ref_date,
                      struct ng_timex *out, size_t max);

#endif
