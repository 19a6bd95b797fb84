/* SPDX-License-Identifier: MIT */
/* Unit tests for charset.c: label mapping (WHATWG), detection precedence
 * (BOM > header > meta prescan > UTF-8 > windows-1252), conversion, and
 * the FAULT-CASES C01-C05 inputs. */
#include "charset.h"

#include "../test.h"

#include <stdlib.h>

/* Decodes @p raw with @p ct as Content-Type and compares with @p want. */
static void
check_decode(const char *raw, size_t len, const char *ct, const char *want,
             int line)
{
  char *out = NULL;
  size_t out_len = 0;
  ng_status st = ng__charset_decode(NULL, raw, len, ct, true, &out, &out_len);
  test_checks++;
  if (st != NG_OK || !out || strcmp(out, want) != 0) {
    test_failures++;
    fprintf(stderr, "%s:%d: decode gave \"%s\", want \"%s\"\n", __FILE__,
            line, out ? out : "(null)", want);
  }
  free(out);
}

#define DECODE(raw, ct, want)                                                \
  check_decode(raw, sizeof(raw) - 1, ct, want, __LINE__)

static void
test_labels(void)
{
  CHECK_EQ_STR(ng__charset_lookup("latin1", 6), "windows-1252");
  CHECK_EQ_STR(ng__charset_lookup("ISO-8859-1", 10), "windows-1252");
  CHECK_EQ_STR(ng__charset_lookup("us-ascii", 8), "windows-1252");
  CHECK_EQ_STR(ng__charset_lookup(" UTF8 ", 6), "UTF-8");
  CHECK_EQ_STR(ng__charset_lookup("gb2312", 6), "GBK");
  CHECK_EQ_STR(ng__charset_lookup("Shift_JIS", 9), "Shift_JIS");
  CHECK_EQ_STR(ng__charset_lookup("ks_c_5601-1987", 14), "EUC-KR");
  CHECK_EQ_STR(ng__charset_lookup("iso-8859-9", 10), "windows-1254");
  CHECK(ng__charset_lookup("x-charset", 9) == NULL);
  CHECK(ng__charset_lookup("", 0) == NULL);
}

static void
test_sniff_sources(void)
{
  enum ng_charset_source src;
  size_t bom;
  const char *enc;
  /* BOM beats the header and the meta declaration. */
  static const char bom8[] = "\xEF\xBB\xBF<meta charset=iso-8859-1>x";
  enc = ng__charset_sniff(NULL, bom8, sizeof bom8 - 1,
                          "text/html; charset=windows-1251", true, &src, &bom);
  CHECK_EQ_STR(enc, "UTF-8");
  CHECK(src == NG_CHARSET_BOM && bom == 3);
  /* Header beats meta. */
  static const char meta[] = "<meta charset=iso-8859-1>x";
  enc = ng__charset_sniff(NULL, meta, sizeof meta - 1,
                          "text/html; charset=koi8-r", true, &src, &bom);
  CHECK_EQ_STR(enc, "KOI8-R");
  CHECK(src == NG_CHARSET_HEADER);
  /* Meta when the header has none. */
  enc = ng__charset_sniff(NULL, meta, sizeof meta - 1, "text/html", true,
                          &src, &bom);
  CHECK_EQ_STR(enc, "windows-1252");
  CHECK(src == NG_CHARSET_META);
  /* No prescan for plain text. */
  enc = ng__charset_sniff(NULL, meta, sizeof meta - 1, NULL, false, &src,
                          &bom);
  CHECK(src == NG_CHARSET_UTF8);
  /* Nothing declared, valid UTF-8. */
  static const char u8[] = "<p>Z\xC3\xBCrich</p>";
  enc = ng__charset_sniff(NULL, u8, sizeof u8 - 1, NULL, true, &src, &bom);
  CHECK_EQ_STR(enc, "UTF-8");
  CHECK(src == NG_CHARSET_UTF8);
  /* Nothing declared, not UTF-8: the legacy default. */
  static const char l1[] = "<p>M\xFCller</p>";
  enc = ng__charset_sniff(NULL, l1, sizeof l1 - 1, NULL, true, &src, &bom);
  CHECK_EQ_STR(enc, "windows-1252");
  CHECK(src == NG_CHARSET_DEFAULT);
  /* Nothing declared, UTF-8 with one stray invalid byte: still UTF-8. */
  static const char stray[] = "Jo\xC3\xA3o met Andr\xC3\xA9 in S\xC3\xA3o "
                              "Paulo. A stray byte \xFF here.";
  enc = ng__charset_sniff(NULL, stray, sizeof stray - 1, NULL, false, &src,
                          &bom);
  CHECK_EQ_STR(enc, "UTF-8");
  CHECK(src == NG_CHARSET_UTF8);
  DECODE("Jo\xC3\xA3o met Andr\xC3\xA9 in S\xC3\xA3o Paulo. "
         "A stray byte \xFF here.",
         NULL,
         "Jo\xC3\xA3o met Andr\xC3\xA9 in S\xC3\xA3o Paulo. "
         "A stray byte \xEF\xBF\xBD here.");
  /* One valid sequence among invalid bytes is not enough. */
  static const char few[] = "Caf\xC3\xA9 M\xFCller \xE9t\xE9";
  enc = ng__charset_sniff(NULL, few, sizeof few - 1, NULL, false, &src,
                          &bom);
  CHECK_EQ_STR(enc, "windows-1252");
  CHECK(src == NG_CHARSET_DEFAULT);
  /* A meta in a comment does not count. */
  static const char com[] = "<!-- <meta charset=koi8-r> --><p>x</p>";
  enc = ng__charset_sniff(NULL, com, sizeof com - 1, NULL, true, &src, &bom);
  CHECK(src == NG_CHARSET_UTF8);
}

static void
test_fault_cases(void)
{
  /* C01: charset only in an http-equiv meta. */
  DECODE("<meta http-equiv=\"Content-Type\" content=\"text/html; "
         "charset=windows-1251\"><title>\xCF\xF0\xE8\xE2\xE5\xF2, "
         "\xEC\xE8\xF0</title>",
         "text/html",
         "<meta http-equiv=\"Content-Type\" content=\"text/html; "
         "charset=windows-1251\"><title>\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2"
         "\xD0\xB5\xD1\x82, \xD0\xBC\xD0\xB8\xD1\x80</title>");
  /* C02 (a): meta iso-8859-1, no header charset. */
  DECODE("<meta charset=\"iso-8859-1\">\x4D\xFC\x6C\x6C\x65\x72", NULL,
         "<meta charset=\"iso-8859-1\">M\xC3\xBCller");
  /* C02 (b): header utf-8 wins over meta iso-8859-1. */
  DECODE("<meta charset=\"iso-8859-1\">\x5A\xC3\xBC\x72\x69\x63\x68",
         "text/html; charset=utf-8",
         "<meta charset=\"iso-8859-1\">Z\xC3\xBCrich");
  /* C04 (a): ISO-8859-1 means windows-1252, so no C1 controls. */
  DECODE("\x93Hi\x94 \x80" "5", "text/html; charset=ISO-8859-1",
         "\xE2\x80\x9CHi\xE2\x80\x9D \xE2\x82\xAC" "5");
  /* C04 (b): gb2312 means GBK, whose byte 80 is the euro sign. */
  DECODE("<meta charset=\"gb2312\"><p>\x80</p>", NULL,
         "<meta charset=\"gb2312\"><p>\xE2\x82\xAC</p>");
  /* C05 (a): content before http-equiv, single quotes. */
  DECODE("<meta content='text/html;charset=windows-1251' "
         "http-equiv='Content-Type'>\xEC\xE8\xF0",
         NULL,
         "<meta content='text/html;charset=windows-1251' "
         "http-equiv='Content-Type'>\xD0\xBC\xD0\xB8\xD1\x80");
  /* C05 (c): only the exact parameter name "charset" counts. */
  DECODE("<p>\xC3\xA9</p>", "text/html; x-charset=Shift_JIS",
         "<p>\xC3\xA9</p>");
}

static void
test_window_1024(void)
{
  /* C05 (b): a charset= after the first 1024 bytes is not a declaration. */
  char page[2200];
  size_t n = 0;
  memcpy(page, "<html><head>", 12);
  n = 12;
  while (n < 2000) {
    page[n++] = ' ';
  }
  static const char tail[] =
    "<meta charset=iso-8859-1><p>Z\xC3\xBCrich</p>";
  memcpy(page + n, tail, sizeof tail);
  n += sizeof tail - 1;
  char *out = NULL;
  size_t out_len = 0;
  CHECK_OK(ng__charset_decode(NULL, page, n, NULL, true, &out, &out_len));
  CHECK(out && strstr(out, "Z\xC3\xBCrich") != NULL);
  free(out);
}

static void
test_repair(void)
{
  /* Invalid UTF-8 in a page declared UTF-8: U+FFFD, never a failure. */
  DECODE("a\xFF" "b\xC3", "text/html; charset=utf-8",
         "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  /* NUL bytes are dropped. */
  check_decode("a\0b", 3, "text/html; charset=utf-8", "ab", __LINE__);
  /* A C1 control written as UTF-8 becomes its windows-1252 character. */
  DECODE("\xC2\x93quoted\xC2\x94", "text/html; charset=utf-8",
         "\xE2\x80\x9Cquoted\xE2\x80\x9D");
  /* Undefined windows-1252 byte 81: U+FFFD, not U+0081. */
  DECODE("x\x81y", "text/html; charset=windows-1252", "x\xEF\xBF\xBDy");
  /* An unknown header label falls back to the next rule. */
  DECODE("<p>\xC3\xA9</p>", "text/html; charset=no-such-thing",
         "<p>\xC3\xA9</p>");
  /* UTF-16LE with a BOM. */
  check_decode("\xFF\xFEh\0i\0", 6, NULL, "hi", __LINE__);
  /* A utf-16 meta in ASCII bytes means UTF-8 (WHATWG prescan). */
  DECODE("<meta charset=utf-16><p>\xC3\xA9</p>", NULL,
         "<meta charset=utf-16><p>\xC3\xA9</p>");
}

int
main(void)
{
  test_labels();
  test_sniff_sources();
  test_fault_cases();
  test_window_1024();
  test_repair();
  return test_report();
}
