/* SPDX-License-Identifier: MIT */
/* Temporal-expression normalisation (TIMEX3 style): finds explicit, ranged
 * and relative dates in English text and resolves them to xsd:date against
 * the article's reference date. Pure functions, no allocation. */
#include "timex.h"

#include <string.h>

/* ---- calendar arithmetic (proleptic Gregorian) ---- */

static bool
is_leap(int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) {
    return 0;
  }
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static bool
valid_date(int y, int m, int d)
{
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
         d <= month_days(y, m);
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static long
days_from_civil(int y, int m, int d)
{
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, int *y, int *m, int *d)
{
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long yy = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yy + (*m <= 2));
}

bool
ng__timex_parse_iso(const char *s, int *y, int *m, int *d)
{
  if (!s) {
    return false;
  }
  for (int i = 0; i < 10; i++) {
    char c = s[i];
    bool dash = i == 4 || i == 7;
    if (dash ? c != '-' : (c < '0' || c > '9')) {
      return false;
    }
  }
  int yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
           (s[3] - '0');
  int mm = (s[5] - '0') * 10 + (s[6] - '0');
  int dd = (s[8] - '0') * 10 + (s[9] - '0');
  if (!valid_date(yy, mm, dd)) {
    return false;
  }
  *y = yy;
  *m = mm;
  *d = dd;
  return true;
}

void
ng__timex_format(int y, int m, int d, char out[11])
{
  out[0] = '\0';
  if (!valid_date(y, m, d)) {
    return;
  }
  int v[3] = {y, m, d};
  int w[3] = {4, 2, 2};
  size_t k = 0;
  for (int i = 0; i < 3; i++) {
    int x = v[i];
    for (int j = w[i] - 1; j >= 0; j--) {
      out[k + (size_t)j] = (char)('0' + x % 10);
      x /= 10;
    }
    k += (size_t)w[i];
    if (i < 2) {
      out[k++] = '-';
    }
  }
  out[10] = '\0';
}

int
ng__timex_weekday(int y, int m, int d)
{
  long z = days_from_civil(y, m, d);
  /* 1970-01-01 was a Thursday (index 3). */
  long w = (z + 3) % 7;
  return (int)(w < 0 ? w + 7 : w);
}

bool
ng__timex_add_days(const char *date, long n, char out[11])
{
  int y, m, d;
  out[0] = '\0';
  if (!ng__timex_parse_iso(date, &y, &m, &d)) {
    return false;
  }
  civil_from_days(days_from_civil(y, m, d) + n, &y, &m, &d);
  ng__timex_format(y, m, d, out);
  return out[0] != '\0';
}

bool
ng__timex_diff_days(const char *a, const char *b, long *out)
{
  int ya, ma, da, yb, mb, db;
  if (!ng__timex_parse_iso(a, &ya, &ma, &da) ||
      !ng__timex_parse_iso(b, &yb, &mb, &db)) {
    return false;
  }
  *out = days_from_civil(yb, mb, db) - days_from_civil(ya, ma, da);
  return true;
}

/* ---- tokens ---- */

enum tkind { T_WORD, T_NUM, T_PUNCT };

struct tok {
  size_t begin, end;
  enum tkind kind;
  char low[16]; /* lower-cased text (truncated); punct: one char */
  int num;      /* T_NUM value (capped), ordinal suffix dropped */
  int ndigits;  /* T_NUM digit count */
  bool cap;     /* T_WORD starting with an ASCII capital letter */
  signed char month; /* T_WORD: month number of the name, else 0 */
  signed char wday;  /* T_WORD: weekday index (0 = Monday), else -1 */
};

#define MAX_TOKS 512

static bool
is_alpha(unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(unsigned char c)
{
  return c >= '0' && c <= '9';
}

static int month_name(const char *low);
static int weekday_name(const char *low);

/* Splits @p text into tokens; non-ASCII bytes other than dashes are word
 * characters so "Tâm" stays one token. En and em dashes become '-'. */
static size_t
tokenize(const char *text, size_t len, struct tok *toks, size_t max)
{
  size_t n = 0, i = 0;
  while (i < len && n < max) {
    unsigned char c = (unsigned char)text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      i++;
      continue;
    }
    struct tok *t = &toks[n];
    memset(t, 0, sizeof *t);
    t->begin = i;
    if (c == 0xC2 && i + 1 < len && (unsigned char)text[i + 1] == 0xA0) {
      i += 2; /* no-break space */
      continue;
    }
    if (c == 0xE2 && i + 2 < len) {
      /* general punctuation: en dash is a range hyphen, em dash a
       * barrier, the rest (quotes, apostrophes) plain punctuation */
      unsigned char c1 = (unsigned char)text[i + 1];
      unsigned char c2 = (unsigned char)text[i + 2];
      if (c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF)) {
        i += 3; /* Unicode spaces */
        continue;
      }
      t->kind = T_PUNCT;
      t->low[0] = c1 == 0x80 && c2 == 0x93 ? '-' : c1 == 0x80 && c2 == 0x94
                                                     ? '|'
                                                     : '?';
      i += 3;
    } else if (is_digit(c)) {
      t->kind = T_NUM;
      while (i < len && is_digit((unsigned char)text[i])) {
        if (t->num < 100000) {
          t->num = t->num * 10 + (text[i] - '0');
        }
        t->ndigits++;
        i++;
      }
      /* ordinal suffix: 13th, 1st, 2nd, 3rd */
      if (i + 1 < len && is_alpha((unsigned char)text[i]) &&
          is_alpha((unsigned char)text[i + 1]) &&
          (i + 2 >= len || !is_alpha((unsigned char)text[i + 2]))) {
        char a = (char)(text[i] | 0x20), b = (char)(text[i + 1] | 0x20);
        if ((a == 't' && b == 'h') || (a == 's' && b == 't') ||
            (a == 'n' && b == 'd') || (a == 'r' && b == 'd')) {
          i += 2;
        }
      }
    } else if (is_alpha(c) || c >= 0x80) {
      size_t k = 0;
      t->kind = T_WORD;
      t->cap = c >= 'A' && c <= 'Z';
      while (i < len) {
        unsigned char x = (unsigned char)text[i];
        if (x == 0xE2 || (x == 0xC2 && i + 1 < len &&
                          (unsigned char)text[i + 1] == 0xA0)) {
          break; /* dashes, curly quotes and no-break spaces end a word */
        }
        if (!(is_alpha(x) || x >= 0x80)) {
          break;
        }
        if (k + 1 < sizeof t->low) {
          t->low[k++] = (char)(x >= 'A' && x <= 'Z' ? x | 0x20 : x);
        }
        i++;
      }
      t->low[k] = '\0';
      t->month = (signed char)month_name(t->low);
      t->wday = (signed char)weekday_name(t->low);
    } else {
      t->kind = T_PUNCT;
      t->low[0] = (char)c;
      i++;
    }
    t->end = i;
    n++;
  }
  return n;
}

/* True if the lower-cased text @p low is @p w (first bytes compared
 * inline: most tokens differ there). */
static bool
low_is(const char *low, const char *w)
{
  return low[0] == w[0] && strcmp(low, w) == 0;
}

static bool
is_word(const struct tok *toks, size_t n, size_t i, const char *w)
{
  return i < n && toks[i].kind == T_WORD && low_is(toks[i].low, w);
}

static bool
is_punct(const struct tok *toks, size_t n, size_t i, char c)
{
  return i < n && toks[i].kind == T_PUNCT && toks[i].low[0] == c;
}

/* Month number of the lower-cased month name or abbreviation @p low,
 * else 0. Only the names with the first letter of @p low are compared. */
static int
month_name(const char *low)
{
  static const struct {
    const char *name;
    int month;
  } names[] = {
      {"august", 8},   {"aug", 8},     {"april", 4},     {"apr", 4},
      {"december", 12}, {"dec", 12},   {"february", 2},  {"feb", 2},
      {"january", 1},  {"jan", 1},     {"june", 6},      {"jun", 6},
      {"july", 7},     {"jul", 7},     {"march", 3},     {"mar", 3},
      {"may", 5},      {"november", 11}, {"nov", 11},    {"october", 10},
      {"oct", 10},     {"september", 9}, {"sep", 9},     {"sept", 9}};
  /* first and past-last index in names of each initial letter */
  size_t b, e;
  switch (low[0]) {
  case 'a':
    b = 0, e = 4;
    break;
  case 'd':
    b = 4, e = 6;
    break;
  case 'f':
    b = 6, e = 8;
    break;
  case 'j':
    b = 8, e = 14;
    break;
  case 'm':
    b = 14, e = 17;
    break;
  case 'n':
    b = 17, e = 19;
    break;
  case 'o':
    b = 19, e = 21;
    break;
  case 's':
    b = 21, e = 24;
    break;
  default:
    return 0;
  }
  for (size_t k = b; k < e; k++) {
    if (low[1] == names[k].name[1] && strcmp(low, names[k].name) == 0) {
      return names[k].month; /* byte 0 matched by the switch */
    }
  }
  return 0;
}

/* Weekday index (0 = Monday) of the lower-cased name @p low, else -1. */
static int
weekday_name(const char *low)
{
  static const char *const names[7] = {"monday", "tuesday", "wednesday",
                                       "thursday", "friday", "saturday",
                                       "sunday"};
  switch (low[0]) {
  case 'm':
  case 't':
  case 'w':
  case 'f':
  case 's':
    break;
  default:
    return -1;
  }
  for (int w = 0; w < 7; w++) {
    if (low_is(low, names[w])) {
      return w;
    }
  }
  return -1;
}

/* Month number of a month name or abbreviation, else 0 (looked up once
 * per token by tokenize()). */
static int
month_of(const struct tok *t)
{
  return t->kind == T_WORD ? t->month : 0;
}

/* Weekday index (0 = Monday) of a weekday name, else -1. */
static int
weekday_of(const struct tok *t)
{
  return t->kind == T_WORD ? t->wday : -1;
}

static bool
is_day(const struct tok *t)
{
  return t->kind == T_NUM && t->ndigits <= 2 && t->num >= 1 && t->num <= 31;
}

static bool
is_year(const struct tok *t)
{
  return t->kind == T_NUM && t->ndigits == 4 && t->num >= 1900 &&
         t->num <= 2100;
}

/* Year for a year-less month: the reference year, moved across a
 * December/January turn (an article of 30 December speaks of "Jan 3" of
 * the next year). */
static int
infer_year(int ref_y, int ref_m, int m)
{
  if (ref_m == 12 && m == 1) {
    return ref_y + 1;
  }
  if (ref_m == 1 && m == 12) {
    return ref_y - 1;
  }
  return ref_y;
}

/* After a month token at i (and an optional '.'), index of the next
 * token. */
static size_t
skip_abbrev_dot(const struct tok *toks, size_t n, size_t i)
{
  return is_punct(toks, n, i, '.') ? i + 1 : i;
}

/* Optional year after a day: ", 2025" or " 2025". Returns the index after
 * it and sets *year, or returns @p i unchanged. */
static size_t
opt_year(const struct tok *toks, size_t n, size_t i, int *year)
{
  if (i < n && is_year(&toks[i])) {
    *year = toks[i].num;
    return i + 1;
  }
  if (is_punct(toks, n, i, ',') && i + 1 < n && is_year(&toks[i + 1])) {
    *year = toks[i + 1].num;
    return i + 2;
  }
  return i;
}

/* A day-level date at token i: "May 13[, 2025]", "13 May [2025]".
 * Sets *m, *d, *y (0 when absent) and returns the index after it, or 0. */
static size_t
date_at(const struct tok *toks, size_t n, size_t i, int *m, int *d, int *y)
{
  *y = 0;
  if (i >= n) {
    return 0;
  }
  int mm = month_of(&toks[i]);
  if (mm) {
    size_t j = skip_abbrev_dot(toks, n, i + 1);
    if (j < n && is_day(&toks[j])) {
      *m = mm;
      *d = toks[j].num;
      return opt_year(toks, n, j + 1, y);
    }
    return 0;
  }
  if (is_day(&toks[i]) && i + 1 < n && (mm = month_of(&toks[i + 1]))) {
    *m = mm;
    *d = toks[i].num;
    size_t j = skip_abbrev_dot(toks, n, i + 2);
    return opt_year(toks, n, j, y);
  }
  return 0;
}

/* Words that mark future tense for a weekday reference. */
static bool
is_future_marker(const struct tok *t)
{
  static const char *const words[] = {"will", "shall", "ll", "scheduled",
                                      "expected", "due", "upcoming", "plans",
                                      "planned", "planning", "slated"};
  if (t->kind != T_WORD) {
    return false;
  }
  for (size_t k = 0; k < ARRAY_LEN(words); k++) {
    if (low_is(t->low, words[k])) {
      return true;
    }
  }
  return false;
}

/* A present-tense verb of a schedule within the 5 words before token i,
 * with no punctuation between: "the visit ends on Friday", "leaves for
 * Doha on Friday". News prose uses the simple present of such verbs for
 * what is planned (AP Stylebook, "tenses in leads"). */
static bool
schedule_verb_before(const struct tok *toks, size_t n, size_t i)
{
  static const char *const verbs[] = {
      "ends", "concludes", "leaves", "departs", "flies", "travels",
      "returns", "heads", "begins", "starts", "opens", "closes", "resumes",
      "arrives", "wraps", "continues", "runs"};
  for (size_t k = i; k-- > 0 && i - k <= 5;) {
    if (toks[k].kind == T_PUNCT) {
      return false;
    }
    for (size_t v = 0; v < ARRAY_LEN(verbs); v++) {
      if (is_word(toks, n, k, verbs[v])) {
        return true;
      }
    }
  }
  return false;
}

/* Future tense around token i: a marker in the 20 words before (within
 * the sentence) or the 6 words after (up to a relative pronoun or "and"
 * opening another clause), within the text given; never for
 * the day of a report ("the ministry said on Wednesday"). */
static bool
future_context(const struct tok *toks, size_t n, size_t i)
{
  static const char *const report[] = {"said", "announced", "told",
                                       "confirmed", "reported", "stated",
                                       "added", "wrote"};
  size_t r = i > 0 && is_word(toks, n, i - 1, "on") ? i - 1 : i;
  for (size_t k = 0; r > 0 && k < ARRAY_LEN(report); k++) {
    if (is_word(toks, n, r - 1, report[k])) {
      return false;
    }
  }
  if (schedule_verb_before(toks, n, i)) {
    return true;
  }
  size_t lo = i > 20 ? i - 20 : 0;
  for (size_t k = i; k-- > lo;) {
    if (is_punct(toks, n, k, '.') || is_punct(toks, n, k, ';')) {
      lo = k + 1;
      break;
    }
  }
  for (size_t k = lo; k < i; k++) {
    if (is_future_marker(&toks[k])) {
      return true;
    }
  }
  /* after the weekday, a relative clause or a coordinated predicate has
   * its own tense ("signed on Tuesday under which X will supply") */
  static const char *const clause[] = {"which", "who", "whom", "whose",
                                       "that", "where", "and", "but"};
  for (size_t k = i + 1; k < n && k <= i + 6; k++) {
    if (is_punct(toks, n, k, '.') || is_punct(toks, n, k, ';')) {
      break;
    }
    bool stop = false;
    for (size_t c = 0; c < ARRAY_LEN(clause) && !stop; c++) {
      stop = is_word(toks, n, k, clause[c]);
    }
    if (stop) {
      break;
    }
    if (is_future_marker(&toks[k])) {
      return true;
    }
  }
  return false;
}

static void
put(struct ng_timex *out, size_t max, size_t *count, const struct ng_timex *t)
{
  if (*count < max) {
    out[*count] = *t;
  }
  (*count)++;
}

/* Fills a DATE or RANGE record; false when the date is invalid. */
static bool
set_days(struct ng_timex *t, int y, int m, int d, int y2, int m2, int d2)
{
  ng__timex_format(y, m, d, t->value);
  if (!t->value[0]) {
    return false;
  }
  t->year = y;
  t->month = m;
  if (m2) {
    ng__timex_format(y2, m2, d2, t->end_value);
    if (!t->end_value[0] || strcmp(t->end_value, t->value) < 0) {
      return false;
    }
    t->kind = NG_TIMEX_RANGE;
  } else {
    t->kind = NG_TIMEX_DATE;
  }
  return true;
}

/* An explicit date or range starting at token i. Returns the index after
 * it, or 0. */
static size_t
explicit_at(const struct tok *toks, size_t n, size_t i, bool has_ref,
            int ref_y, int ref_m, bool ranged_prefix, bool between,
            struct ng_timex *t)
{
  int m, d, y;
  size_t j;
  /* ISO 8601: 2025-05-13 */
  if (i + 4 < n && toks[i].kind == T_NUM && toks[i].ndigits == 4 &&
      is_punct(toks, n, i + 1, '-') && toks[i + 2].kind == T_NUM &&
      toks[i + 2].ndigits == 2 && is_punct(toks, n, i + 3, '-') &&
      toks[i + 4].kind == T_NUM && toks[i + 4].ndigits == 2 &&
      toks[i + 1].begin == toks[i].end &&
      toks[i + 2].begin == toks[i + 1].end) {
    if (set_days(t, toks[i].num, toks[i + 2].num, toks[i + 4].num, 0, 0, 0)) {
      return i + 5;
    }
    return 0;
  }
  /* "13-16 May [2025]" and "13 to 16 May" */
  if (is_day(&toks[i]) && i + 3 < n &&
      (is_punct(toks, n, i + 1, '-') || is_word(toks, n, i + 1, "to") ||
       (between && is_word(toks, n, i + 1, "and"))) &&
      is_day(&toks[i + 2]) && (m = month_of(&toks[i + 3]))) {
    y = 0;
    j = opt_year(toks, n, skip_abbrev_dot(toks, n, i + 4), &y);
    if (!y) {
      if (!has_ref) {
        return 0;
      }
      y = infer_year(ref_y, ref_m, m);
    }
    return set_days(t, y, m, toks[i].num, y, m, toks[i + 2].num) ? j : 0;
  }
  j = date_at(toks, n, i, &m, &d, &y);
  if (!j) {
    return 0;
  }
  /* range continuation */
  size_t k = j;
  bool sep = is_punct(toks, n, k, '-') || is_word(toks, n, k, "until") ||
             is_word(toks, n, k, "till") || is_word(toks, n, k, "through") ||
             (is_word(toks, n, k, "to") && ranged_prefix) ||
             (is_word(toks, n, k, "and") && between);
  if (sep) {
    int m2 = 0, d2 = 0, y2 = 0;
    size_t e = 0;
    if (k + 1 < n && is_day(&toks[k + 1]) &&
        !(k + 2 < n && month_of(&toks[k + 2]))) {
      m2 = m;
      d2 = toks[k + 1].num;
      e = opt_year(toks, n, k + 2, &y2);
    } else if (k + 1 < n) {
      e = date_at(toks, n, k + 1, &m2, &d2, &y2);
    }
    if (e) {
      if (!y2) {
        y2 = y;
      }
      if (!y) {
        if (!y2 && !has_ref) {
          return 0;
        }
        y = y2 ? y2 : infer_year(ref_y, ref_m, m);
        if (!y2) {
          y2 = y;
        }
        if (m2 < m && y2 == y) {
          y2 = y + 1;
        }
      }
      if (!y2) {
        y2 = y;
      }
      if (set_days(t, y, m, d, y2, m2, d2)) {
        return e;
      }
    }
  }
  if (!y) {
    if (!has_ref) {
      return 0;
    }
    y = infer_year(ref_y, ref_m, m);
  }
  return set_days(t, y, m, d, 0, 0, 0) ? j : 0;
}

/* Moves the year-less date or range @p t (tokens start..e) to the year a
 * following "last year" / "this year" / "next year" names ("on March 3-5
 * next year"). Returns the index after the expression. */
static size_t
year_after(const struct tok *toks, size_t n, size_t start, size_t e,
           int ref_y, struct ng_timex *t)
{
  int shift;
  if (is_word(toks, n, e, "last")) {
    shift = -1;
  } else if (is_word(toks, n, e, "this")) {
    shift = 0;
  } else if (is_word(toks, n, e, "next")) {
    shift = 1;
  } else {
    return e;
  }
  if (!is_word(toks, n, e + 1, "year")) {
    return e;
  }
  for (size_t k = start; k < e; k++) {
    if (is_year(&toks[k])) {
      return e; /* the date states its own year */
    }
  }
  int y, m, d, y2, m2, d2;
  if (!ng__timex_parse_iso(t->value, &y, &m, &d)) {
    return e;
  }
  int ny = ref_y + shift;
  struct ng_timex u = *t;
  if (t->kind == NG_TIMEX_RANGE &&
      ng__timex_parse_iso(t->end_value, &y2, &m2, &d2)) {
    if (!set_days(&u, ny, m, d, ny + (y2 - y), m2, d2)) {
      return e;
    }
  } else if (!set_days(&u, ny, m, d, 0, 0, 0)) {
    return e;
  }
  *t = u;
  return e + 2;
}

/* Monday and Sunday of the calendar week @p weeks weeks after that of
 * the reference date @p ref (weekday @p ref_wd, 0 = Monday). */
static void
week_bounds(const char *ref, int ref_wd, int weeks, char mon[11],
            char sun[11])
{
  (void)ng__timex_add_days(ref, -(long)ref_wd + 7L * weeks, mon);
  (void)ng__timex_add_days(mon, 6, sun);
}

/* "last week", "this week", "next week", optionally after "earlier",
 * "later", "early" or "late", at token i: the part of the week meant
 * ("earlier this week": Monday to the day before the reference date;
 * "late last week": Thursday to Sunday). Fills @p t and returns the index
 * after it, or 0. */
static size_t
week_at(const struct tok *toks, size_t n, size_t i, const char *ref,
        int ref_wd, struct ng_timex *t)
{
  static const char *const quals[] = {"earlier", "later", "early", "late"};
  size_t j = i;
  int q = -1;
  for (int k = 0; k < (int)ARRAY_LEN(quals); k++) {
    if (is_word(toks, n, j, quals[k])) {
      q = k;
    }
  }
  if (q >= 0) {
    j++;
  }
  int shift;
  if (is_word(toks, n, j, "this")) {
    shift = 0;
  } else if (is_word(toks, n, j, "last")) {
    shift = -1;
  } else if (is_word(toks, n, j, "next")) {
    shift = 1;
  } else {
    return 0;
  }
  if (!is_word(toks, n, j + 1, "week")) {
    return 0;
  }
  char a[11], b[11];
  week_bounds(ref, ref_wd, shift, a, b);
  if (q == 0 && shift == 0) {
    (void)ng__timex_add_days(ref, -1, b);
  } else if (q == 1 && shift == 0) {
    (void)ng__timex_add_days(ref, 1, a);
  } else if (q == 0 || q == 2) {
    (void)ng__timex_add_days(a, 2, b);
  } else if (q == 1 || q == 3) {
    char mon[11];
    memcpy(mon, a, 11);
    (void)ng__timex_add_days(mon, 3, a);
  }
  int dd;
  if (!a[0] || !b[0] || strcmp(a, b) > 0 ||
      !ng__timex_parse_iso(a, &t->year, &t->month, &dd)) {
    return 0;
  }
  memcpy(t->value, a, 11);
  if (strcmp(a, b) == 0) {
    t->kind = NG_TIMEX_DATE;
  } else {
    t->kind = NG_TIMEX_WEEK;
    memcpy(t->end_value, b, 11);
  }
  t->relative = true;
  t->future = strcmp(a, ref) > 0;
  t->begin = toks[i].begin;
  t->end = toks[j + 1].end;
  return j + 2;
}

/* A range of two weekdays at token i ("Monday to Wednesday", after
 * "from" or "between"; "Monday-Wednesday"), optionally followed by "this
 * week", "next week" or "last week". The first day resolves like a lone
 * weekday (the named week, else by tense); the second is the first such
 * day after it. Fills @p t (a RANGE) and returns the index after it, or
 * 0. */
static size_t
weekday_range_at(const struct tok *toks, size_t n, size_t i, const char *ref,
                 int ref_wd, struct ng_timex *t)
{
  int wd = weekday_of(&toks[i]);
  bool lead = i > 0 && (is_word(toks, n, i - 1, "from") ||
                        is_word(toks, n, i - 1, "between"));
  bool sep = is_punct(toks, n, i + 1, '-') ||
             (lead && (is_word(toks, n, i + 1, "to") ||
                       is_word(toks, n, i + 1, "until") ||
                       is_word(toks, n, i + 1, "through") ||
                       is_word(toks, n, i + 1, "and")));
  int wd2 = i + 2 < n ? weekday_of(&toks[i + 2]) : -1;
  if (wd < 0 || !sep || wd2 < 0 || wd2 == wd) {
    return 0;
  }
  size_t e = i + 3;
  char start[11];
  int wshift = is_word(toks, n, e, "this") ? 0
               : is_word(toks, n, e, "last") ? -1
               : is_word(toks, n, e, "next") ? 1
                                             : 100;
  if (wshift != 100 && is_word(toks, n, e + 1, "week")) {
    char mon[11], sun[11];
    week_bounds(ref, ref_wd, wshift, mon, sun);
    if (!ng__timex_add_days(mon, wd, start)) {
      return 0;
    }
    e += 2;
  } else {
    bool future = future_context(toks, n, i);
    long delta = future ? (wd - ref_wd + 7) % 7
                        : -(long)((ref_wd - wd + 7) % 7);
    if (!ng__timex_add_days(ref, delta, start)) {
      return 0;
    }
  }
  char end[11];
  int dd;
  if (!ng__timex_add_days(start, (wd2 - wd + 7) % 7, end) ||
      !ng__timex_parse_iso(start, &t->year, &t->month, &dd)) {
    return 0;
  }
  t->kind = NG_TIMEX_RANGE;
  memcpy(t->value, start, 11);
  memcpy(t->end_value, end, 11);
  t->relative = true;
  t->future = strcmp(start, ref) > 0;
  t->begin = toks[i].begin;
  t->end = toks[e - 1].end;
  return e;
}

/* A capitalised month name without day or year after a preposition or a
 * part-of-month word at token i ("in April", "mid-April", "early May",
 * "by the end of June", "last March"). The year: "last" gives the latest
 * such month before the reference month, "next" the first after it,
 * "this" the reference year; else future tense gives the first on or
 * after the reference month, and otherwise the nearer one (within six
 * months back or forward). Fills @p t and returns the index after it, or
 * 0. */
static size_t
month_only_at(const struct tok *toks, size_t n, size_t i, int ref_y,
              int ref_m, struct ng_timex *t)
{
  static const char *const preps[] = {
      "in", "since", "during", "until", "till", "by", "from", "before",
      "after", "of", "mid", "early", "late", "to", "through", "around",
      "last", "next", "this", "between", "and"};
  int m = month_of(&toks[i]);
  if (!m || !toks[i].cap || i == 0 ||
      (i + 1 < n && (is_day(&toks[i + 1]) || is_year(&toks[i + 1])))) {
    return 0;
  }
  size_t p = i - 1;
  /* "mid-April" */
  if (is_punct(toks, n, p, '-') && p > 0 && is_word(toks, n, p - 1, "mid")) {
    p--;
  }
  bool ok = false;
  for (size_t k = 0; k < ARRAY_LEN(preps) && !ok; k++) {
    ok = is_word(toks, n, p, preps[k]);
  }
  if (!ok) {
    return 0;
  }
  int y;
  if (is_word(toks, n, p, "last")) {
    y = m < ref_m ? ref_y : ref_y - 1;
  } else if (is_word(toks, n, p, "next")) {
    y = m > ref_m ? ref_y : ref_y + 1;
  } else if (is_word(toks, n, p, "this")) {
    y = ref_y;
  } else if (future_context(toks, n, i)) {
    y = m >= ref_m ? ref_y : ref_y + 1;
  } else {
    int back = (ref_m - m + 12) % 12; /* months back to the latest one */
    y = back <= 6 ? (m <= ref_m ? ref_y : ref_y - 1)
                  : (m > ref_m ? ref_y : ref_y + 1);
  }
  t->kind = NG_TIMEX_MONTH;
  t->year = y;
  t->month = m;
  t->relative = true;
  t->begin = toks[p].begin;
  t->end = toks[i].end;
  return i + 1;
}

size_t
ng__timex_scan(const char *text, size_t len, const char *ref_date,
               struct ng_timex *out, size_t max)
{
  struct tok toks[MAX_TOKS];
  size_t n = tokenize(text, len, toks, MAX_TOKS);
  int ref_y = 0, ref_m = 0, ref_d = 0;
  bool has_ref = ref_date && ng__timex_parse_iso(ref_date, &ref_y, &ref_m,
                                                 &ref_d);
  /* weekday of the reference date, once (used only with has_ref) */
  int ref_wday = has_ref ? ng__timex_weekday(ref_y, ref_m, ref_d) : 0;
  size_t count = 0;
  size_t i = 0;
  while (i < n) {
    struct ng_timex t;
    memset(&t, 0, sizeof t);
    bool from = i > 0 && (is_word(toks, n, i - 1, "from") ||
                          is_word(toks, n, i - 1, "between"));
    bool between = i > 0 && is_word(toks, n, i - 1, "between");
    size_t start = i;
    int wd = weekday_of(&toks[i]);
    /* "Thursday, March 6" / "Thursday March 6": the explicit date wins */
    if (wd >= 0) {
      size_t k = is_punct(toks, n, i + 1, ',') ? i + 2 : i + 1;
      size_t e = k < n ? explicit_at(toks, n, k, has_ref, ref_y, ref_m, from,
                                     between, &t)
                       : 0;
      if (e) {
        e = has_ref ? year_after(toks, n, start, e, ref_y, &t) : e;
        t.begin = toks[start].begin;
        t.end = toks[e - 1].end;
        put(out, max, &count, &t);
        i = e;
        continue;
      }
      memset(&t, 0, sizeof t);
    }
    size_t e = explicit_at(toks, n, i, has_ref, ref_y, ref_m, from, between,
                           &t);
    if (e) {
      e = has_ref ? year_after(toks, n, start, e, ref_y, &t) : e;
      t.begin = toks[start].begin;
      t.end = toks[e - 1].end;
      put(out, max, &count, &t);
      i = e;
      continue;
    }
    memset(&t, 0, sizeof t);
    if (wd >= 0 && has_ref) {
      int ref_wd0 = ref_wday;
      /* a range of weekdays: "from Monday to Wednesday [next week]",
       * "between Monday and Wednesday", "Monday-Wednesday" */
      size_t re = weekday_range_at(toks, n, i, ref_date, ref_wd0, &t);
      if (re) {
        put(out, max, &count, &t);
        i = re;
        continue;
      }
      memset(&t, 0, sizeof t);
      /* "on Friday next week", "Monday of last week" */
      size_t wk = is_word(toks, n, i + 1, "of") ? i + 2 : i + 1;
      int wshift = is_word(toks, n, wk, "this") ? 0
                   : is_word(toks, n, wk, "last") ? -1
                   : is_word(toks, n, wk, "next") ? 1
                                                  : 100;
      if (wshift != 100 && is_word(toks, n, wk + 1, "week")) {
        char mon[11], sun[11];
        int dd;
        week_bounds(ref_date, ref_wd0, wshift, mon, sun);
        if (ng__timex_add_days(mon, wd, t.value) &&
            ng__timex_parse_iso(t.value, &t.year, &t.month, &dd)) {
          t.kind = NG_TIMEX_DATE;
          t.relative = true;
          t.future = strcmp(t.value, ref_date) > 0;
          t.begin = toks[i].begin;
          t.end = toks[wk + 1].end;
          put(out, max, &count, &t);
        }
        i = wk + 2;
        continue;
      }
      bool last = i > 0 && (is_word(toks, n, i - 1, "last") ||
                            is_word(toks, n, i - 1, "past"));
      bool next = i > 0 && (is_word(toks, n, i - 1, "next") ||
                            is_word(toks, n, i - 1, "coming"));
      bool earlier = i > 0 && (is_word(toks, n, i - 1, "earlier") ||
                               is_word(toks, n, i - 1, "late") ||
                               is_word(toks, n, i - 1, "early"));
      bool future = next || (!last && !earlier && future_context(toks, n, i));
      int ref_wd = ref_wday;
      long delta;
      if (future) {
        delta = (wd - ref_wd + 7) % 7;
        if (next && delta == 0) {
          delta = 7;
        }
      } else {
        delta = -(long)((ref_wd - wd + 7) % 7);
        if (last && delta == 0) {
          delta = -7;
        }
      }
      if (ng__timex_add_days(ref_date, delta, t.value)) {
        t.kind = NG_TIMEX_DATE;
        t.relative = true;
        t.future = future;
        int dd;
        (void)ng__timex_parse_iso(t.value, &t.year, &t.month, &dd);
        start = (last || next || earlier) ? i - 1 : i;
        t.begin = toks[start].begin;
        t.end = toks[i].end;
        put(out, max, &count, &t);
      }
      i++;
      continue;
    }
    if (has_ref && toks[i].kind == T_WORD) {
      size_t we = week_at(toks, n, i, ref_date, ref_wday, &t);
      if (we) {
        put(out, max, &count, &t);
        i = we;
        continue;
      }
      memset(&t, 0, sizeof t);
      long delta = 1000;
      if (low_is(toks[i].low, "today") ||
          low_is(toks[i].low, "tonight")) {
        delta = 0;
      } else if (low_is(toks[i].low, "yesterday")) {
        delta = -1;
      } else if (low_is(toks[i].low, "tomorrow")) {
        delta = 1;
      }
      /* "tomorrow" of 9999-12-31 has no xsd:date: not reported */
      int dd;
      if (delta != 1000 && ng__timex_add_days(ref_date, delta, t.value) &&
          ng__timex_parse_iso(t.value, &t.year, &t.month, &dd)) {
        t.kind = NG_TIMEX_DATE;
        t.relative = true;
        t.future = delta > 0;
        t.begin = toks[i].begin;
        t.end = toks[i].end;
        put(out, max, &count, &t);
        i++;
        continue;
      }
      /* last/this/next year|month */
      int shift = 100;
      if (low_is(toks[i].low, "last") ||
          low_is(toks[i].low, "past")) {
        shift = -1;
      } else if (low_is(toks[i].low, "this")) {
        shift = 0;
      } else if (low_is(toks[i].low, "next")) {
        shift = 1;
      }
      if (shift != 100 && i + 1 < n &&
          (is_word(toks, n, i + 1, "year") ||
           is_word(toks, n, i + 1, "month"))) {
        bool year = is_word(toks, n, i + 1, "year");
        /* "the past year" is a duration, not a calendar year */
        if (!(shift == -1 && low_is(toks[i].low, "past"))) {
          t.relative = true;
          t.begin = toks[i].begin;
          t.end = toks[i + 1].end;
          if (year) {
            t.kind = NG_TIMEX_YEAR;
            t.year = ref_y + shift;
          } else {
            int mm = ref_m + shift;
            t.kind = NG_TIMEX_MONTH;
            t.year = ref_y + (mm < 1 ? -1 : mm > 12 ? 1 : 0);
            t.month = mm < 1 ? 12 : mm > 12 ? 1 : mm;
          }
          put(out, max, &count, &t);
          i += 2;
          continue;
        }
      }
    }
    /* "March 2025" */
    int mo = month_of(&toks[i]);
    if (mo && i + 1 < n && is_year(&toks[i + 1])) {
      t.kind = NG_TIMEX_MONTH;
      t.year = toks[i + 1].num;
      t.month = mo;
      t.begin = toks[i].begin;
      t.end = toks[i + 1].end;
      put(out, max, &count, &t);
      i += 2;
      continue;
    }
    if (has_ref && month_only_at(toks, n, i, ref_y, ref_m, &t)) {
      put(out, max, &count, &t);
      i++;
      continue;
    }
    memset(&t, 0, sizeof t);
    /* a bare year after a preposition, or opening the sentence: "in 2024" */
    if (is_year(&toks[i]) &&
        !(i + 1 < n && is_punct(toks, n, i + 1, '-') &&
          toks[i + 1].begin == toks[i].end)) {
      static const char *const preps[] = {
          "in", "since", "by", "until", "till", "from", "during", "before",
          "after", "of", "for", "early", "late", "mid", "end", "around",
          "between"};
      bool ok = i == 0;
      /* "between 2019 and 2022", "from 2019 to 2022" */
      if (i >= 2 && is_year(&toks[i - 2]) &&
          (is_word(toks, n, i - 1, "and") || is_word(toks, n, i - 1, "to") ||
           is_punct(toks, n, i - 1, '-'))) {
        ok = true;
      }
      for (size_t k = 0; !ok && k < ARRAY_LEN(preps); k++) {
        ok = is_word(toks, n, i - 1, preps[k]);
      }
      if (ok) {
        t.kind = NG_TIMEX_YEAR;
        t.year = toks[i].num;
        t.begin = toks[i].begin;
        t.end = toks[i].end;
        put(out, max, &count, &t);
      }
    }
    i++;
  }
  return count;
}
