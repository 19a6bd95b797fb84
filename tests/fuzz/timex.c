/* SPDX-License-Identifier: MIT */
/* Fuzz target: TIMEX and money normalization, and the date parsers of
 * metadata, feeds, WARC and emitting. The input is a reference date line
 * then the text. Every value produced must have the lexical form its
 * header promises (xsd:date, xsd:dateTime, xsd:decimal, ISO 4217), and
 * every span must lie inside the text. */
#include "fuzz.h"

#include "emit.h"
#include "feed.h"
#include "meta.h"
#include "money.h"
#include "timex.h"
#include "warc.h"

#include <string.h>

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  return 0;
}

/* Aborts unless @p s is a valid xsd:date "YYYY-MM-DD". */
static void
check_xsd_date(const char *s)
{
  int y, m, d;
  FUZZ_CHECK(strlen(s) == 10);
  FUZZ_CHECK(ng__timex_parse_iso(s, &y, &m, &d));
}

/* Aborts unless @p s is "YYYY-MM-DD" or "YYYY-MM-DDThh:mm:ss" with an
 * optional "Z" or "+hh:mm"/"-hh:mm" (T09). */
static void
check_date_time(const char *s)
{
  size_t n = strlen(s);
  int y, m, d;
  FUZZ_CHECK(n >= 10 && ng__timex_parse_iso(s, &y, &m, &d));
  if (n == 10) {
    return;
  }
  FUZZ_CHECK(n >= 19 && s[10] == 'T' && s[13] == ':' && s[16] == ':');
  for (int i = 11; i < 19; i++) {
    if (i != 13 && i != 16) {
      FUZZ_CHECK(s[i] >= '0' && s[i] <= '9');
    }
  }
  FUZZ_CHECK((s[11] - '0') * 10 + (s[12] - '0') < 24);
  FUZZ_CHECK((s[14] - '0') * 10 + (s[15] - '0') < 60);
  FUZZ_CHECK((s[17] - '0') * 10 + (s[18] - '0') < 61);
  const char *z = s + 19;
  if (*z == '.') {
    z++;
    FUZZ_CHECK(*z >= '0' && *z <= '9');
    while (*z >= '0' && *z <= '9') {
      z++;
    }
  }
  if (*z == 'Z') {
    FUZZ_CHECK(z[1] == '\0');
  } else if (*z == '+' || *z == '-') {
    FUZZ_CHECK(strlen(z) == 6 && z[3] == ':');
  } else {
    FUZZ_CHECK(*z == '\0');
  }
}

/* Aborts unless @p s is an xsd:decimal lexical form. */
static void
check_decimal(const char *s)
{
  size_t n = strlen(s), dots = 0;
  FUZZ_CHECK(n > 0 && s[0] != '.' && s[n - 1] != '.');
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '.') {
      dots++;
    } else {
      FUZZ_CHECK(s[i] >= '0' && s[i] <= '9');
    }
  }
  FUZZ_CHECK(dots <= 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size > 16384) {
    return 0;
  }
  /* Line 1: the reference date (and the string the one-value parsers
   * read); the rest: the text. */
  char line[256];
  const uint8_t *nl = memchr(data, '\n', size);
  size_t line_len = nl ? (size_t)(nl - data) : size;
  const char *text = nl ? (const char *)nl + 1 : "";
  size_t len = nl ? size - line_len - 1 : 0;
  size_t ll = line_len < sizeof line ? line_len : sizeof line - 1;
  memcpy(line, data, ll);
  line[ll] = '\0';
  /* A private copy without the rest of the buffer after it. */
  char *t = malloc(len + 1);
  FUZZ_CHECK(t != NULL);
  memcpy(t, text, len);
  t[len] = '\0';

  struct ng_timex tx[32];
  size_t n = ng__timex_scan(t, len, line, tx, 32);
  for (size_t i = 0; i < n && i < 32; i++) {
    FUZZ_CHECK(tx[i].begin < tx[i].end && tx[i].end <= len);
    if (tx[i].kind == NG_TIMEX_DATE || tx[i].kind == NG_TIMEX_RANGE) {
      check_xsd_date(tx[i].value);
    }
    if (tx[i].kind == NG_TIMEX_RANGE) {
      check_xsd_date(tx[i].end_value);
      FUZZ_CHECK(strcmp(tx[i].value, tx[i].end_value) <= 0);
    }
    if (tx[i].kind == NG_TIMEX_MONTH) {
      FUZZ_CHECK(tx[i].month >= 1 && tx[i].month <= 12);
    }
  }
  /* Without a reference date too (the no-date path). */
  (void)ng__timex_scan(t, len, NULL, tx, 32);

  struct ng_money mo[32];
  n = ng__money_scan(t, len, mo, 32);
  for (size_t i = 0; i < n && i < 32; i++) {
    FUZZ_CHECK(mo[i].begin < mo[i].end && mo[i].end <= len);
    check_decimal(mo[i].value);
    FUZZ_CHECK(strlen(mo[i].currency) == 3);
    for (int k = 0; k < 3; k++) {
      FUZZ_CHECK(mo[i].currency[k] >= 'A' && mo[i].currency[k] <= 'Z');
    }
  }
  (void)ng__money_says_yuan(t, len);
  char dec[64];
  for (int e = 0; e <= 15; e += 3) {
    if (ng__money_scale(line, ll, e, dec, sizeof dec)) {
      check_decimal(dec);
    }
  }

  char d32[32];
  if (ng__meta_norm_date(line, d32)) {
    check_date_time(d32);
  }
  char d11[11];
  if (ng__feed_parse_date(line, d11)) {
    check_xsd_date(d11);
  }
  time_t tt;
  (void)ng__warc_parse_date(line, &tt);
  char d40[40];
  const char *dt = NULL;
  if (ng__emit_date(line, d40, &dt)) {
    check_date_time(d40);
  }
  char lang[36];
  if (ng__emit_lang(line, lang)) {
    FUZZ_CHECK(lang[0] != '\0');
    for (const char *p = lang; *p; p++) {
      FUZZ_CHECK((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                 (*p >= '0' && *p <= '9') || *p == '-');
    }
  }
  char d11b[11];
  if (ng__timex_add_days(line, (long)len - 8000, d11b)) {
    check_xsd_date(d11b);
  }
  free(t);
  return 0;
}
