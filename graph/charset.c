/* SPDX-License-Identifier: MIT */
/* Charset detection and conversion to UTF-8. Detection follows the WHATWG
 * HTML "determining the character encoding" order (BOM, transport layer,
 * prescan) and the Encoding Standard's label table; conversion is iconv.
 * Never fails on bad input: undecodable bytes become U+FFFD. */
#include "charset.h"

#include "buf.h"
#include "utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One Encoding Standard encoding: its name and the glibc iconv name that
 * decodes it the same way (NULL: handled here, not by iconv). */
struct encoding {
  const char *name;  /* WHATWG name */
  const char *iconv; /* iconv name */
};

static const struct encoding encodings[] = {
  {"UTF-8", "UTF-8"},                 /* 0 */
  {"IBM866", "IBM866"},               /* 1 */
  {"ISO-8859-2", "ISO-8859-2"},       /* 2 */
  {"ISO-8859-3", "ISO-8859-3"},       /* 3 */
  {"ISO-8859-4", "ISO-8859-4"},       /* 4 */
  {"ISO-8859-5", "ISO-8859-5"},       /* 5 */
  {"ISO-8859-6", "ISO-8859-6"},       /* 6 */
  {"ISO-8859-7", "ISO-8859-7"},       /* 7 */
  {"ISO-8859-8", "ISO-8859-8"},       /* 8 */
  {"ISO-8859-8-I", "ISO-8859-8"},     /* 9 */
  {"ISO-8859-10", "ISO-8859-10"},     /* 10 */
  {"ISO-8859-13", "ISO-8859-13"},     /* 11 */
  {"ISO-8859-14", "ISO-8859-14"},     /* 12 */
  {"ISO-8859-15", "ISO-8859-15"},     /* 13 */
  {"ISO-8859-16", "ISO-8859-16"},     /* 14 */
  {"KOI8-R", "KOI8-R"},               /* 15 */
  {"KOI8-U", "KOI8-U"},               /* 16 */
  {"macintosh", "MACINTOSH"},         /* 17 */
  {"windows-874", "CP874"},           /* 18 */
  {"windows-1250", "CP1250"},         /* 19 */
  {"windows-1251", "CP1251"},         /* 20 */
  {"windows-1252", "CP1252"},         /* 21 */
  {"windows-1253", "CP1253"},         /* 22 */
  {"windows-1254", "CP1254"},         /* 23 */
  {"windows-1255", "CP1255"},         /* 24 */
  {"windows-1256", "CP1256"},         /* 25 */
  {"windows-1257", "CP1257"},         /* 26 */
  {"windows-1258", "CP1258"},         /* 27 */
  {"x-mac-cyrillic", "MAC-CYRILLIC"}, /* 28 */
  /* The Encoding Standard's GBK decoder is its gb18030 decoder. */
  {"GBK", "GB18030"},                 /* 29 */
  {"gb18030", "GB18030"},             /* 30 */
  {"Big5", "BIG5-HKSCS"},             /* 31 */
  {"EUC-JP", "EUC-JP"},               /* 32 */
  {"ISO-2022-JP", "ISO-2022-JP"},     /* 33 */
  /* Shift_JIS and EUC-KR are in practice windows-31j and windows-949. */
  {"Shift_JIS", "CP932"},             /* 34 */
  {"EUC-KR", "CP949"},                /* 35 */
  {"replacement", NULL},              /* 36 */
  {"UTF-16BE", "UTF-16BE"},           /* 37 */
  {"UTF-16LE", "UTF-16LE"},           /* 38 */
  {"x-user-defined", NULL},           /* 39 */
};

enum {
  ENC_UTF8 = 0,
  ENC_WINDOWS_1252 = 21,
  ENC_GBK = 29,
  ENC_GB18030 = 30,
  ENC_REPLACEMENT = 36,
  ENC_UTF16BE = 37,
  ENC_UTF16LE = 38,
  ENC_X_USER_DEFINED = 39
};

/* Encoding Standard 4.2 "Names and labels": label -> encoding index. */
static const struct {
  const char *label;
  unsigned char enc;
} labels[] = {
  {"unicode-1-1-utf-8", 0}, {"unicode11utf8", 0}, {"unicode20utf8", 0},
  {"utf-8", 0}, {"utf8", 0}, {"x-unicode20utf8", 0},
  {"866", 1}, {"cp866", 1}, {"csibm866", 1}, {"ibm866", 1},
  {"csisolatin2", 2}, {"iso-8859-2", 2}, {"iso-ir-101", 2},
  {"iso8859-2", 2}, {"iso88592", 2}, {"iso_8859-2", 2},
  {"iso_8859-2:1987", 2}, {"l2", 2}, {"latin2", 2},
  {"csisolatin3", 3}, {"iso-8859-3", 3}, {"iso-ir-109", 3},
  {"iso8859-3", 3}, {"iso88593", 3}, {"iso_8859-3", 3},
  {"iso_8859-3:1988", 3}, {"l3", 3}, {"latin3", 3},
  {"csisolatin4", 4}, {"iso-8859-4", 4}, {"iso-ir-110", 4},
  {"iso8859-4", 4}, {"iso88594", 4}, {"iso_8859-4", 4},
  {"iso_8859-4:1988", 4}, {"l4", 4}, {"latin4", 4},
  {"csisolatincyrillic", 5}, {"cyrillic", 5}, {"iso-8859-5", 5},
  {"iso-ir-144", 5}, {"iso8859-5", 5}, {"iso88595", 5}, {"iso_8859-5", 5},
  {"iso_8859-5:1988", 5},
  {"arabic", 6}, {"asmo-708", 6}, {"csiso88596e", 6}, {"csiso88596i", 6},
  {"csisolatinarabic", 6}, {"ecma-114", 6}, {"iso-8859-6", 6},
  {"iso-8859-6-e", 6}, {"iso-8859-6-i", 6}, {"iso-ir-127", 6},
  {"iso8859-6", 6}, {"iso88596", 6}, {"iso_8859-6", 6},
  {"iso_8859-6:1987", 6},
  {"csisolatingreek", 7}, {"ecma-118", 7}, {"elot_928", 7}, {"greek", 7},
  {"greek8", 7}, {"iso-8859-7", 7}, {"iso-ir-126", 7}, {"iso8859-7", 7},
  {"iso88597", 7}, {"iso_8859-7", 7}, {"iso_8859-7:1987", 7},
  {"sun_eu_greek", 7},
  {"csiso88598e", 8}, {"csisolatinhebrew", 8}, {"hebrew", 8},
  {"iso-8859-8", 8}, {"iso-8859-8-e", 8}, {"iso-ir-138", 8},
  {"iso8859-8", 8}, {"iso88598", 8}, {"iso_8859-8", 8},
  {"iso_8859-8:1988", 8}, {"visual", 8},
  {"csiso88598i", 9}, {"iso-8859-8-i", 9}, {"logical", 9},
  {"csisolatin6", 10}, {"iso-8859-10", 10}, {"iso-ir-157", 10},
  {"iso8859-10", 10}, {"iso885910", 10}, {"l6", 10}, {"latin6", 10},
  {"iso-8859-13", 11}, {"iso8859-13", 11}, {"iso885913", 11},
  {"iso-8859-14", 12}, {"iso8859-14", 12}, {"iso885914", 12},
  {"csisolatin9", 13}, {"iso-8859-15", 13}, {"iso8859-15", 13},
  {"iso885915", 13}, {"iso_8859-15", 13}, {"l9", 13},
  {"iso-8859-16", 14},
  {"cskoi8r", 15}, {"koi", 15}, {"koi8", 15}, {"koi8-r", 15},
  {"koi8_r", 15},
  {"koi8-ru", 16}, {"koi8-u", 16},
  {"csmacintosh", 17}, {"mac", 17}, {"macintosh", 17}, {"x-mac-roman", 17},
  {"dos-874", 18}, {"iso-8859-11", 18}, {"iso8859-11", 18},
  {"iso885911", 18}, {"tis-620", 18}, {"windows-874", 18},
  {"cp1250", 19}, {"windows-1250", 19}, {"x-cp1250", 19},
  {"cp1251", 20}, {"windows-1251", 20}, {"x-cp1251", 20},
  {"ansi_x3.4-1968", 21}, {"ascii", 21}, {"cp1252", 21}, {"cp819", 21},
  {"csisolatin1", 21}, {"ibm819", 21}, {"iso-8859-1", 21},
  {"iso-ir-100", 21}, {"iso8859-1", 21}, {"iso88591", 21},
  {"iso_8859-1", 21}, {"iso_8859-1:1987", 21}, {"l1", 21}, {"latin1", 21},
  {"us-ascii", 21}, {"windows-1252", 21}, {"x-cp1252", 21},
  {"cp1253", 22}, {"windows-1253", 22}, {"x-cp1253", 22},
  {"cp1254", 23}, {"csisolatin5", 23}, {"iso-8859-9", 23},
  {"iso-ir-148", 23}, {"iso8859-9", 23}, {"iso88599", 23},
  {"iso_8859-9", 23}, {"iso_8859-9:1989", 23}, {"l5", 23}, {"latin5", 23},
  {"windows-1254", 23}, {"x-cp1254", 23},
  {"cp1255", 24}, {"windows-1255", 24}, {"x-cp1255", 24},
  {"cp1256", 25}, {"windows-1256", 25}, {"x-cp1256", 25},
  {"cp1257", 26}, {"windows-1257", 26}, {"x-cp1257", 26},
  {"cp1258", 27}, {"windows-1258", 27}, {"x-cp1258", 27},
  {"x-mac-cyrillic", 28}, {"x-mac-ukrainian", 28},
  {"chinese", 29}, {"csgb2312", 29}, {"csiso58gb231280", 29},
  {"gb2312", 29}, {"gb_2312", 29}, {"gb_2312-80", 29}, {"gbk", 29},
  {"iso-ir-58", 29}, {"x-gbk", 29},
  {"gb18030", 30},
  {"big5", 31}, {"big5-hkscs", 31}, {"cn-big5", 31}, {"csbig5", 31},
  {"x-x-big5", 31},
  {"cseucpkdfmtjapanese", 32}, {"euc-jp", 32}, {"x-euc-jp", 32},
  {"csiso2022jp", 33}, {"iso-2022-jp", 33},
  {"csshiftjis", 34}, {"ms932", 34}, {"ms_kanji", 34}, {"shift-jis", 34},
  {"shift_jis", 34}, {"sjis", 34}, {"windows-31j", 34}, {"x-sjis", 34},
  {"cseuckr", 35}, {"csksc56011987", 35}, {"euc-kr", 35},
  {"iso-ir-149", 35}, {"korean", 35}, {"ks_c_5601-1987", 35},
  {"ks_c_5601-1989", 35}, {"ksc5601", 35}, {"ksc_5601", 35},
  {"windows-949", 35},
  {"csiso2022kr", 36}, {"hz-gb-2312", 36}, {"iso-2022-cn", 36},
  {"iso-2022-cn-ext", 36}, {"iso-2022-kr", 36}, {"replacement", 36},
  {"unicodefffe", 37}, {"utf-16be", 37},
  {"csunicode", 38}, {"iso-10646-ucs-2", 38}, {"ucs-2", 38},
  {"unicode", 38}, {"unicodefeff", 38}, {"utf-16", 38}, {"utf-16le", 38},
  {"x-user-defined", 39},
};

/* windows-1252 code points of bytes 0x80-0x9F; 0 where undefined. */
static const unsigned short cp1252_c1[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

static bool
is_space(unsigned char c)
{
  return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

/* Index into encodings[] for @p label, or -1. */
static int
lookup_index(const char *label, size_t len)
{
  while (len > 0 && is_space((unsigned char)*label)) {
    label++;
    len--;
  }
  while (len > 0 && is_space((unsigned char)label[len - 1])) {
    len--;
  }
  if (len == 0 || len > 32) {
    return -1;
  }
  for (size_t i = 0; i < ARRAY_LEN(labels); i++) {
    if (strlen(labels[i].label) == len &&
        strncasecmp(labels[i].label, label, len) == 0) {
      return labels[i].enc;
    }
  }
  return -1;
}

const char *
ng__charset_lookup(const char *label, size_t len)
{
  int i = label ? lookup_index(label, len) : -1;
  return i < 0 ? NULL : encodings[i].name;
}

/* Index of WHATWG name @p name (as returned by ng__charset_lookup). */
static int
name_index(const char *name)
{
  for (size_t i = 0; i < ARRAY_LEN(encodings); i++) {
    if (strcmp(encodings[i].name, name) == 0) {
      return (int)i;
    }
  }
  return -1;
}

/* The value of the exact parameter "charset" in a Content-Type header
 * (RFC 9110 8.3.1; FAULT-CASES C05 (c): "x-charset" does not count).
 * Stores its span in *val / *val_len; false if there is none. */
static bool
header_charset(const char *ct, const char **val, size_t *val_len)
{
  const char *p = strchr(ct, ';');
  while (p) {
    p++;
    while (*p == ' ' || *p == '\t') {
      p++;
    }
    const char *name = p;
    while (*p && *p != '=' && *p != ';') {
      p++;
    }
    size_t nl = (size_t)(p - name);
    while (nl > 0 && (name[nl - 1] == ' ' || name[nl - 1] == '\t')) {
      nl--;
    }
    if (*p != '=') {
      p = strchr(p, ';');
      continue;
    }
    p++;
    while (*p == ' ' || *p == '\t') {
      p++;
    }
    const char *v = p;
    size_t vl;
    if (*p == '"') {
      v = ++p;
      while (*p && *p != '"') {
        p++;
      }
      vl = (size_t)(p - v);
    } else {
      while (*p && *p != ';') {
        p++;
      }
      vl = (size_t)(p - v);
    }
    if (nl == 7 && strncasecmp(name, "charset", 7) == 0 && vl > 0) {
      *val = v;
      *val_len = vl;
      return true;
    }
    p = strchr(p, ';');
  }
  return false;
}

/* WHATWG HTML "extracting a character encoding from a meta element":
 * the charset=VALUE inside a content attribute value. */
static bool
meta_content_charset(const char *s, size_t len, size_t *vbeg, size_t *vlen)
{
  size_t pos = 0;
  for (;;) {
    size_t k = pos;
    bool found = false;
    for (; k + 7 <= len; k++) {
      if (strncasecmp(s + k, "charset", 7) == 0) {
        found = true;
        break;
      }
    }
    if (!found) {
      return false;
    }
    pos = k + 7;
    while (pos < len && is_space((unsigned char)s[pos])) {
      pos++;
    }
    if (pos >= len || s[pos] != '=') {
      continue;
    }
    pos++;
    while (pos < len && is_space((unsigned char)s[pos])) {
      pos++;
    }
    if (pos >= len) {
      return false;
    }
    if (s[pos] == '"' || s[pos] == '\'') {
      char q = s[pos];
      size_t b = ++pos;
      while (pos < len && s[pos] != q) {
        pos++;
      }
      if (pos >= len) {
        return false;
      }
      *vbeg = b;
      *vlen = pos - b;
      return true;
    }
    size_t b = pos;
    while (pos < len && !is_space((unsigned char)s[pos]) && s[pos] != ';') {
      pos++;
    }
    *vbeg = b;
    *vlen = pos - b;
    return true;
  }
}

/* An attribute read by the prescan: lower-cased name and value. */
struct attr {
  char name[32];
  size_t name_len;
  char value[256];
  size_t value_len;
};

static void
attr_push(char *buf, size_t cap, size_t *len, unsigned char c)
{
  if (*len + 1 < cap) {
    buf[(*len)++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    buf[*len] = '\0';
  }
}

/* WHATWG HTML "get an attribute" (prescan). Returns false if there is no
 * further attribute in the tag. */
static bool
get_attr(const unsigned char *s, size_t end, size_t *pos, struct attr *a)
{
  size_t p = *pos;
  a->name_len = a->value_len = 0;
  a->name[0] = a->value[0] = '\0';
  while (p < end && (is_space(s[p]) || s[p] == '/')) {
    p++;
  }
  if (p >= end || s[p] == '>') {
    *pos = p;
    return false;
  }
  for (;;) {
    if (p >= end) {
      *pos = p;
      return false;
    }
    if (s[p] == '=' && a->name_len > 0) {
      p++;
      break;
    }
    if (is_space(s[p])) {
      while (p < end && is_space(s[p])) {
        p++;
      }
      if (p >= end || s[p] != '=') {
        *pos = p;
        return true;
      }
      p++;
      break;
    }
    if (s[p] == '/' || s[p] == '>') {
      *pos = p;
      return true;
    }
    attr_push(a->name, sizeof a->name, &a->name_len, s[p]);
    p++;
  }
  while (p < end && is_space(s[p])) {
    p++;
  }
  if (p >= end) {
    *pos = p;
    return false;
  }
  if (s[p] == '"' || s[p] == '\'') {
    unsigned char q = s[p++];
    while (p < end && s[p] != q) {
      attr_push(a->value, sizeof a->value, &a->value_len, s[p]);
      p++;
    }
    if (p >= end) {
      *pos = p;
      return false;
    }
    *pos = p + 1;
    return true;
  }
  if (s[p] == '>') {
    *pos = p;
    return true;
  }
  while (p < end && !is_space(s[p]) && s[p] != '>') {
    attr_push(a->value, sizeof a->value, &a->value_len, s[p]);
    p++;
  }
  *pos = p;
  return true;
}

/* The encoding declared by a <meta> element starting at *pos (just after
 * "<meta"), or -1. Advances *pos past its attributes. */
static int
prescan_meta(const unsigned char *s, size_t end, size_t *pos)
{
  struct attr a;
  bool got_pragma = false, seen_he = false, seen_content = false;
  bool seen_charset = false;
  int need_pragma = -1; /* -1 null, 0 false, 1 true */
  int enc = -1;
  while (get_attr(s, end, pos, &a)) {
    if (strcmp(a.name, "http-equiv") == 0) {
      if (seen_he) {
        continue;
      }
      seen_he = true;
      if (strcmp(a.value, "content-type") == 0) {
        got_pragma = true;
      }
    } else if (strcmp(a.name, "content") == 0) {
      if (seen_content) {
        continue;
      }
      seen_content = true;
      size_t vb, vl;
      if (enc < 0 && !seen_charset &&
          meta_content_charset(a.value, a.value_len, &vb, &vl)) {
        enc = lookup_index(a.value + vb, vl);
        need_pragma = 1;
        if (enc < 0) {
          enc = -2; /* declared but unknown */
        }
      }
    } else if (strcmp(a.name, "charset") == 0) {
      if (seen_charset) {
        continue;
      }
      seen_charset = true;
      enc = lookup_index(a.value, a.value_len);
      if (enc < 0) {
        enc = -2;
      }
      need_pragma = 0;
    }
  }
  if (need_pragma < 0 || (need_pragma == 1 && !got_pragma) || enc < 0) {
    return -1;
  }
  /* A UTF-16 declaration in ASCII-compatible bytes is wrong by
   * construction; x-user-defined becomes windows-1252 (WHATWG prescan). */
  if (enc == ENC_UTF16BE || enc == ENC_UTF16LE) {
    return ENC_UTF8;
  }
  if (enc == ENC_X_USER_DEFINED) {
    return ENC_WINDOWS_1252;
  }
  return enc;
}

static bool
is_alpha(unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* WHATWG HTML 13.2.3.2 "prescan a byte stream to determine its encoding"
 * over the first 1024 bytes (FAULT-CASES C05). Encoding index or -1. */
static int
prescan(const char *raw, size_t len)
{
  const unsigned char *s = (const unsigned char *)raw;
  size_t end = len < 1024 ? len : 1024;
  size_t pos = 0;
  while (pos < end) {
    if (end - pos >= 4 && memcmp(s + pos, "<!--", 4) == 0) {
      size_t k = pos + 2;
      while (k + 3 <= end && memcmp(s + k, "-->", 3) != 0) {
        k++;
      }
      if (k + 3 > end) {
        return -1;
      }
      pos = k + 3;
      continue;
    }
    if (end - pos >= 6 && strncasecmp((const char *)s + pos, "<meta", 5) == 0 &&
        (is_space(s[pos + 5]) || s[pos + 5] == '/')) {
      pos += 5;
      int enc = prescan_meta(s, end, &pos);
      if (enc >= 0) {
        return enc;
      }
      continue;
    }
    if (end - pos >= 2 && s[pos] == '<' &&
        (is_alpha(s[pos + 1]) ||
         (s[pos + 1] == '/' && end - pos >= 3 && is_alpha(s[pos + 2])))) {
      while (pos < end && !is_space(s[pos]) && s[pos] != '>') {
        pos++;
      }
      struct attr a;
      while (get_attr(s, end, &pos, &a)) {
      }
      pos++;
      continue;
    }
    if (end - pos >= 2 && s[pos] == '<' &&
        (s[pos + 1] == '!' || s[pos + 1] == '/' || s[pos + 1] == '?')) {
      while (pos < end && s[pos] != '>') {
        pos++;
      }
    }
    pos++;
  }
  return -1;
}

/* True if @p s reads as UTF-8: either fully valid (NUL bytes allowed; they
 * are dropped later and say nothing about the encoding), or holding at
 * least two valid multi-byte sequences that clearly outnumber the invalid
 * bytes (at most 1 invalid byte per 100 non-ASCII bytes, or at most 2 in
 * all with more than twice as many valid sequences).  A stray byte in an
 * otherwise UTF-8 text then decodes as U+FFFD instead of garbling every
 * accented letter as windows-1252; the Encoding Standard leaves the
 * undeclared case to detection (HTML 13.2.3.2 step 9). */
static bool
mostly_utf8(const char *s, size_t len)
{
  size_t i = 0, multi = 0, bad = 0, nonascii = 0;
  while (i < len) {
    if ((unsigned char)s[i] < 0x80) {
      i++; /* ASCII: what ng__utf8_decode() would say, without the call */
      continue;
    }
    uint32_t cp;
    size_t n = ng__utf8_decode(s + i, len - i, &cp);
    if (n == 0) {
      bad++;
      nonascii++;
      i++;
      continue;
    }
    if (n > 1) {
      multi++;
      nonascii += n;
    }
    i += n;
  }
  if (bad == 0) {
    return true;
  }
  if (multi < 2 || bad >= multi) {
    return false;
  }
  return bad * 100 <= nonascii || (bad <= 2 && multi > 2 * bad);
}

const char *
ng__charset_sniff(ng_world *world, const char *raw, size_t len,
                  const char *content_type, bool html,
                  enum ng_charset_source *src, size_t *bom_len)
{
  const unsigned char *s = (const unsigned char *)raw;
  *bom_len = 0;
  if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
    *src = NG_CHARSET_BOM;
    *bom_len = 3;
    return encodings[ENC_UTF8].name;
  }
  if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
    *src = NG_CHARSET_BOM;
    *bom_len = 2;
    return encodings[ENC_UTF16BE].name;
  }
  if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
    *src = NG_CHARSET_BOM;
    *bom_len = 2;
    return encodings[ENC_UTF16LE].name;
  }
  const char *v;
  size_t vl;
  if (content_type && header_charset(content_type, &v, &vl)) {
    int i = lookup_index(v, vl);
    if (i >= 0) {
      *src = NG_CHARSET_HEADER;
      return encodings[i].name;
    }
    if (world) {
      ng__warnf(world, "unknown charset \"%.*s\" in Content-Type, ignored",
                (int)(vl > 64 ? 64 : vl), v);
    }
  }
  if (html) {
    int i = prescan(raw, len);
    if (i >= 0) {
      *src = NG_CHARSET_META;
      return encodings[i].name;
    }
  }
  if (mostly_utf8(raw, len)) {
    /* Nothing declared: (mostly) valid UTF-8 is UTF-8 (pure ASCII decodes
     * the same either way); anything else is the web's legacy default. */
    *src = NG_CHARSET_UTF8;
    return encodings[ENC_UTF8].name;
  }
  *src = NG_CHARSET_DEFAULT;
  return encodings[ENC_WINDOWS_1252].name;
}

/* Appends code point @p cp as UTF-8. */
static ng_status
put_cp(struct ng_buf *b, uint32_t cp)
{
  char u[4];
  size_t n = ng__utf8_encode(cp, u);
  return ng__buf_add(b, u, n);
}

/* Final pass over UTF-8 @p s: invalid sequences -> U+FFFD, NUL dropped,
 * C0 controls other than TAB/LF/FF/CR -> space, C1 controls -> their
 * windows-1252 characters (or U+FFFD). */
static ng_status
clean_utf8(const char *s, size_t len, char **out, size_t *out_len)
{
  struct ng_buf b;
  ng_status st = NG_OK;
  ng__buf_init(&b, 0);
  size_t i = 0, run = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\f' ||
        c == '\r') {
      i++; /* kept ASCII, tested without the call below */
      continue;
    }
    uint32_t cp;
    size_t n = ng__utf8_decode(s + i, len - i, &cp);
    bool ok = n > 0 && cp >= 0x20 && !(cp >= 0x7F && cp <= 0x9F);
    if (ok || (n == 1 && (cp == '\t' || cp == '\n' || cp == '\f' ||
                          cp == '\r'))) {
      i += n;
      continue;
    }
    if (i > run) {
      TRY(st, ng__buf_add(&b, s + run, i - run));
    }
    if (n == 0) {
      TRY(st, put_cp(&b, 0xFFFD));
      n = 1;
    } else if (cp >= 0x80 && cp <= 0x9F) {
      unsigned short w = cp1252_c1[cp - 0x80];
      TRY(st, put_cp(&b, w ? w : 0xFFFD));
    } else if (cp != 0 && cp != 0x7F) {
      TRY(st, ng__buf_add(&b, " ", 1));
    }
    i += n;
    run = i;
  }
  if (i > run) {
    TRY(st, ng__buf_add(&b, s + run, i - run));
  }
  *out_len = b.len;
  *out = ng__buf_take(&b);
  return *out ? NG_OK : NG_ERR_NOMEM;
}

/* Converts with iconv; EILSEQ bytes become U+FFFD one byte at a time. */
static ng_status
iconv_convert(iconv_t cd, int enc, const char *raw, size_t len,
              struct ng_buf *b)
{
  char out[8192];
  char *in = (char *)(uintptr_t)raw;
  size_t in_left = len;
  ng_status st;
  while (in_left > 0) {
    char *o = out;
    size_t o_left = sizeof out;
    size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    int err = errno;
    if (o != out) {
      TRY(st, ng__buf_add(b, out, (size_t)(o - out)));
    }
    if (r != (size_t)-1) {
      continue;
    }
    if (err == E2BIG) {
      continue;
    }
    if (err == EILSEQ || err == EINVAL) {
      /* Encoding Standard gb18030 decoder: 0x80 alone is the euro sign. */
      if ((enc == ENC_GBK || enc == ENC_GB18030) &&
          (unsigned char)*in == 0x80) {
        TRY(st, put_cp(b, 0x20AC));
      } else {
        TRY(st, put_cp(b, 0xFFFD));
      }
      if (err == EINVAL) {
        break; /* incomplete sequence at the end */
      }
      in++;
      in_left--;
      iconv(cd, NULL, NULL, NULL, NULL);
      continue;
    }
    return NG_ERR_ENCODING;
  }
  char *o = out;
  size_t o_left = sizeof out;
  iconv(cd, NULL, NULL, &o, &o_left);
  if (o != out) {
    TRY(st, ng__buf_add(b, out, (size_t)(o - out)));
  }
  return NG_OK;
}

ng_status
ng__charset_convert(ng_world *world, const char *raw, size_t len,
                    const char *encoding, char **out, size_t *out_len)
{
  struct ng_buf b;
  ng_status st = NG_OK;
  int enc = encoding ? name_index(encoding) : -1;
  if (enc < 0) {
    enc = ENC_WINDOWS_1252;
  }
  *out = NULL;
  *out_len = 0;
  if (enc == ENC_UTF8) {
    return clean_utf8(raw, len, out, out_len);
  }
  ng__buf_init(&b, 0);
  if (enc == ENC_REPLACEMENT) {
    /* Encoding Standard: the whole input decodes to one U+FFFD. */
    if (len > 0) {
      st = put_cp(&b, 0xFFFD);
    }
  } else if (enc == ENC_X_USER_DEFINED) {
    for (size_t i = 0; i < len && st == NG_OK; i++) {
      unsigned char c = (unsigned char)raw[i];
      st = put_cp(&b, c < 0x80 ? c : 0xF780u + c - 0x80);
    }
  } else {
    iconv_t cd = iconv_open("UTF-8", encodings[enc].iconv);
    if (cd == (iconv_t)-1 && enc != ENC_WINDOWS_1252) {
      ng__warnf(world, "no iconv converter for %s; decoding as windows-1252",
                encodings[enc].name);
      enc = ENC_WINDOWS_1252;
      cd = iconv_open("UTF-8", encodings[enc].iconv);
    }
    if (cd == (iconv_t)-1) {
      ng__buf_free(&b);
      return ng__errorf(world, NG_ERR_ENCODING,
                        "no iconv converter for windows-1252");
    }
    st = iconv_convert(cd, enc, raw, len, &b);
    iconv_close(cd);
  }
  if (st != NG_OK) {
    ng__buf_free(&b);
    return st;
  }
  st = clean_utf8(b.data ? b.data : "", b.len, out, out_len);
  ng__buf_free(&b);
  return st;
}

ng_status
ng__charset_decode(ng_world *world, const char *raw, size_t len,
                   const char *content_type, bool html, char **out,
                   size_t *out_len)
{
  enum ng_charset_source src;
  size_t bom = 0;
  const char *enc = ng__charset_sniff(world, raw, len, content_type, html,
                                      &src, &bom);
  return ng__charset_convert(world, raw + bom, len - bom, enc, out, out_len);
}
