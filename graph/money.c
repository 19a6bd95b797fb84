/* SPDX-License-Identifier: MIT */
/* Money normalisation: finds amounts written with a currency symbol, code
 * or name and a scale word, and turns each into an exact decimal value in
 * units and an ISO 4217 code. Pure functions, no allocation. */
#include "money.h"

#include <string.h>

/* Currency markers written before the number, longest first where one is
 * a prefix of another. Source: ISO 4217 and the symbols in common use in
 * English-language news (VOCABULARY.md "Dates, money, numbers"). */
static const struct {
  const char *mark;
  const char *code;
  bool letters; /* made of letters: must start on a word boundary */
} prefixes[] = {
    {"US$", "USD", true},  {"HK$", "HKD", true},  {"NT$", "TWD", true},
    {"NZ$", "NZD", true},  {"S$", "SGD", true},   {"A$", "AUD", true},
    {"C$", "CAD", true},   {"RMB", "CNY", true},  {"RM", "MYR", true},
    {"Rp", "IDR", true},   {"E\xC2\xA3", "EGP", true},
    {"Rs.", "INR", true},  {"Rs", "INR", true},
    {"KSh", "KES", true},  {"Ksh", "KES", true},  {"QR", "QAR", true},
    {"SR", "SAR", true},   {"Dh", "AED", true},
    {"Tk", "BDT", true},   {"Php", "PHP", true},
    {"\xE2\x82\xA6", "NGN", false}, /* ₦ */
    {"\xE2\x82\xBA", "TRY", false}, /* ₺ */
    {"\xE0\xA7\xB3", "BDT", false}, /* ৳ */
    {"\xE2\x82\xAC", "EUR", false}, /* € */
    {"\xC2\xA3", "GBP", false},     /* £ */
    {"\xC2\xA5", "JPY", false},     /* ¥ (CNY by context) */
    {"\xE2\x82\xB9", "INR", false}, /* ₹ */
    {"\xE2\x82\xB1", "PHP", false}, /* ₱ */
    {"\xE2\x82\xA9", "KRW", false}, /* ₩ */
    {"\xE0\xB8\xBF", "THB", false}, /* ฿ */
    {"$", "USD", false},
};

/* ISO 4217 codes accepted as words before or after the number. */
static const char *const iso_codes[] = {
    "USD", "EUR", "MYR", "SGD", "GBP", "JPY", "CNY", "INR", "IDR", "PHP",
    "AUD", "CAD", "HKD", "THB", "KRW", "VND", "TWD", "CHF", "NZD", "AED",
    "SAR", "BRL", "RUB", "ZAR", "BND", "MMK", "KHR", "LAK", "PKR", "BDT",
    "LKR", "QAR", "KWD", "TRY", "MXN", "SEK", "NOK", "DKK", "PLN", "EGP",
    "OMR", "BHD", "JOD", "NGN", "KES", "GHS", "ZMW", "ETB", "TZS", "UGX",
    "MAD", "TND", "DZD", "XOF", "XAF", "ISK", "CZK", "HUF", "RON", "ILS",
    "CLP", "COP", "PEN", "ARS", "NPR", "IRR", "IQD", "KZT", "UAH", "MNT"};

/* Currency names written after the number (lower case). */
static const struct {
  const char *name;
  const char *code;
} suffixes[] = {
    {"ringgit", "MYR"}, {"yuan", "CNY"},   {"renminbi", "CNY"},
    {"euros", "EUR"},   {"euro", "EUR"},   {"yen", "JPY"},
    {"rupees", "INR"},  {"rupee", "INR"},  {"rupiah", "IDR"},
    {"baht", "THB"},    {"dong", "VND"},   {"pounds", "GBP"},
    {"roubles", "RUB"}, {"rubles", "RUB"}, {"pesos", "PHP"},
    {"dollars", "USD"}, {"dollar", "USD"}, {"won", "KRW"},
};

/* Qualifiers before "dollars". */
static const struct {
  const char *word;
  const char *code;
} dollar_kinds[] = {
    {"US", "USD"},         {"U.S.", "USD"},       {"American", "USD"},
    {"Singapore", "SGD"},  {"Australian", "AUD"}, {"Canadian", "CAD"},
    {"Hong Kong", "HKD"},  {"Taiwan", "TWD"},     {"New Zealand", "NZD"},
    {"Brunei", "BND"},
};

/* Scale words; "attached" ones only directly after the digits ("5m"). */
static const struct {
  const char *word;
  int exp10;
  bool attached_only;
} scales[] = {
    {"trillion", 12, false}, {"tn", 12, false},      {"trn", 12, false},
    {"billion", 9, false},   {"bln", 9, false},      {"bn", 9, false},
    {"bil", 9, false}, /* Malaysian usage: "RM1.2bil" */
    {"b", 9, true},          {"million", 6, false},  {"mln", 6, false},
    {"mil", 6, false},       {"mn", 6, false},       {"m", 6, true},
    {"thousand", 3, false},  {"k", 3, true},         {"crores", 7, false},
    {"crore", 7, false},     {"cr", 7, false},       {"lakhs", 5, false},
    {"lakh", 5, false},      {"lacs", 5, false},     {"lac", 5, false},
};

static bool
is_digit(char c)
{
  return c >= '0' && c <= '9';
}

static bool
is_letter(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
starts_with(const char *s, size_t len, const char *p)
{
  size_t n = strlen(p);
  return len >= n && memcmp(s, p, n) == 0;
}

/* @p c with ASCII upper case folded to lower case. */
static char
fold(char c)
{
  return c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
}

static bool
starts_with_ci(const char *s, size_t len, const char *p)
{
  size_t n = strlen(p);
  if (len < n) {
    return false;
  }
  for (size_t i = 0; i < n; i++) {
    char a = s[i], b = p[i];
    if (a >= 'A' && a <= 'Z') {
      a = (char)(a | 0x20);
    }
    if (b >= 'A' && b <= 'Z') {
      b = (char)(b | 0x20);
    }
    if (a != b) {
      return false;
    }
  }
  return true;
}

bool
ng__money_scale(const char *num, size_t len, int exp10, char *out,
                size_t cap)
{
  char ip[64], fp[64];
  size_t ni = 0, nf = 0;
  bool dot = false;
  if (len == 0 || exp10 < 0 || exp10 > 15 || !is_digit(num[0])) {
    return false;
  }
  for (size_t i = 0; i < len; i++) {
    char c = num[i];
    if (is_digit(c)) {
      if (dot) {
        if (nf >= sizeof fp) {
          return false;
        }
        fp[nf++] = c;
      } else {
        if (ni >= sizeof ip) {
          return false;
        }
        ip[ni++] = c;
      }
    } else if (c == ',' && !dot) {
      continue;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  /* Move exp10 digits from the fraction to the integer part, padding with
   * zeros. */
  char digits[160];
  size_t nd = 0;
  memcpy(digits, ip, ni);
  nd = ni;
  size_t k = 0;
  for (int e = 0; e < exp10; e++) {
    digits[nd++] = k < nf ? fp[k++] : '0';
  }
  size_t int_len = nd;
  while (k < nf) {
    digits[nd++] = fp[k++];
  }
  /* strip leading zeros of the integer part, trailing zeros of the
   * fraction */
  size_t lead = 0;
  while (lead + 1 < int_len && digits[lead] == '0') {
    lead++;
  }
  while (nd > int_len && digits[nd - 1] == '0') {
    nd--;
  }
  size_t need = (int_len - lead) + (nd > int_len ? 1 + nd - int_len : 0) + 1;
  if (need > cap) {
    return false;
  }
  size_t o = 0;
  memcpy(out + o, digits + lead, int_len - lead);
  o += int_len - lead;
  if (nd > int_len) {
    out[o++] = '.';
    memcpy(out + o, digits + int_len, nd - int_len);
    o += nd - int_len;
  }
  out[o] = '\0';
  return true;
}

/* Length of the Indian (lakh and crore) grouping at @p s after @p i
 * leading digits: one or more ",dd" groups then a last ",ddd" group
 * ("1,09,450", "12,34,567", "1,00,00,000"), or 0 when there is none.
 * Source: the Indian numbering system as written in Indian English news
 * (the last three digits, then groups of two). */
static size_t
indian_len(const char *s, size_t len, size_t i)
{
  if (i == 0 || i > 2) {
    return 0;
  }
  size_t j = i, pairs = 0;
  while (j + 3 < len && s[j] == ',' && is_digit(s[j + 1]) &&
         is_digit(s[j + 2]) && s[j + 3] == ',') {
    j += 3;
    pairs++;
  }
  if (pairs == 0 || j + 3 >= len + 0 || s[j] != ',' || !is_digit(s[j + 1]) ||
      !is_digit(s[j + 2]) || !is_digit(s[j + 3]) ||
      (j + 4 < len && is_digit(s[j + 4]))) {
    return 0;
  }
  return j + 4;
}

/* Length of the number at @p s: digits, ",ddd" groups (or the Indian
 * ",dd" groups before a last ",ddd"), one ".digits". */
static size_t
number_len(const char *s, size_t len)
{
  size_t i = 0;
  while (i < len && is_digit(s[i])) {
    i++;
  }
  if (i == 0) {
    return 0;
  }
  size_t in = indian_len(s, len, i);
  if (in) {
    i = in;
  }
  while (i + 3 < len + 0 && s[i] == ',' && is_digit(s[i + 1]) &&
         is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
         (i + 4 >= len || !is_digit(s[i + 4]))) {
    i += 4;
  }
  if (i + 1 < len && s[i] == '.' && is_digit(s[i + 1])) {
    i++;
    while (i < len && is_digit(s[i])) {
      i++;
    }
  }
  return i;
}

/* A scale word at @p s (after the number); @p attached says no space or
 * hyphen came between. Returns its length and sets *exp10, or 0. */
static size_t
scale_at(const char *s, size_t len, bool attached, int *exp10)
{
  for (size_t k = 0; k < ARRAY_LEN(scales); k++) {
    if (scales[k].attached_only && !attached) {
      continue;
    }
    size_t n = strlen(scales[k].word);
    if (starts_with_ci(s, len, scales[k].word) &&
        (n == len || !is_letter(s[n]))) {
      *exp10 = scales[k].exp10;
      return n;
    }
  }
  return 0;
}

/* An ISO code word at @p s; returns its length and the code. */
static size_t
iso_at(const char *s, size_t len, const char **code)
{
  for (size_t k = 0; k < ARRAY_LEN(iso_codes); k++) {
    if (starts_with(s, len, iso_codes[k]) && (len == 3 || !is_letter(s[3]))) {
      *code = iso_codes[k];
      return 3;
    }
  }
  return 0;
}

/* A currency marker before the number at @p text + @p i. Returns its
 * length (including one following space) and sets *code, or 0. */
static size_t
prefix_at(const char *text, size_t len, size_t i, const char **code)
{
  const char *s = text + i;
  size_t rest = len - i;
  /* Every marker is at most 3 bytes and starts with an upper-case letter,
   * "$" or a UTF-8 lead byte, and a digit follows it (after at most one
   * space): most positions fail these cheap tests. */
  unsigned char c0 = (unsigned char)s[0];
  if (!((c0 >= 'A' && c0 <= 'Z') || c0 == '$' || c0 >= 0xC2)) {
    return 0;
  }
  bool digit_near = false;
  for (size_t k = 1; k <= 4 && k < rest && !digit_near; k++) {
    digit_near = is_digit(s[k]);
  }
  if (!digit_near) {
    return 0;
  }
  bool boundary = i == 0 || !(is_letter(text[i - 1]) || is_digit(text[i - 1]));
  size_t n = 0;
  for (size_t k = 0; k < ARRAY_LEN(prefixes) && !n; k++) {
    if (prefixes[k].letters && !boundary) {
      continue;
    }
    if (starts_with(s, rest, prefixes[k].mark)) {
      n = strlen(prefixes[k].mark);
      *code = prefixes[k].code;
    }
  }
  if (!n && boundary) {
    n = iso_at(s, rest, code);
  }
  if (!n) {
    return 0;
  }
  if (n < rest && s[n] == ' ') {
    n++;
  }
  return n < rest && is_digit(s[n]) ? n : 0;
}

/* Bytes of the lexicon name @p nm at @p s (words separated by spaces,
 * ASCII case-insensitive, ending on a word boundary), or 0. */
static size_t
name_len(const char *s, size_t len, const struct ng_money_name *nm)
{
  size_t i = 0;
  for (size_t w = 0; w < nm->n_words; w++) {
    if (w > 0) {
      if (i >= len || s[i] != ' ') {
        return 0;
      }
      while (i < len && s[i] == ' ') {
        i++;
      }
    }
    const char *word = nm->words[w];
    /* a cheap first-byte test before the rest */
    if (i >= len || fold(word[0]) != fold(s[i])) {
      return 0;
    }
    size_t q = strlen(word);
    if (q == 0 || !starts_with_ci(s + i, len - i, word)) {
      return 0;
    }
    i += q;
  }
  if (i < len && (is_letter(s[i]) || (unsigned char)s[i] >= 0x80)) {
    return 0;
  }
  return i;
}

/* The longest lexicon currency name at @p s; among names of that length
 * and the same words, the one the context scores highest, else the first.
 * Returns its length and sets *code, or 0. */
static size_t
name_at(const char *s, size_t len, const struct ng_money_names *names,
        const char **code)
{
  if (!names) {
    return 0;
  }
  size_t best = 0, best_score = 0;
  const struct ng_money_name *pick = NULL;
  for (size_t k = 0; k < names->n; k++) {
    const struct ng_money_name *nm = &names->v[k];
    size_t n = name_len(s, len, nm);
    if (n == 0 || n < best) {
      continue;
    }
    size_t score = nm->country && names->context
                       ? names->context(names->ud, nm->country)
                       : 0;
    if (n > best || score > best_score) {
      best = n;
      best_score = score;
      pick = nm;
    }
  }
  if (pick) {
    *code = pick->code;
  }
  return best;
}

/* A currency name after the number at @p s; returns the length consumed
 * (with the leading space) and the code. @p scaled: a scale word came
 * first ("won" is only money after one). */
static size_t
suffix_at(const char *s, size_t len, bool scaled,
          const struct ng_money_names *names, const char **code)
{
  size_t i = 0;
  if (i < len && s[i] == ' ') {
    i++;
  }
  size_t n = iso_at(s + i, len - i, code);
  if (n) {
    return i + n;
  }
  n = name_at(s + i, len - i, names, code);
  if (n) {
    return i + n;
  }
  /* "US dollars", "Singapore dollars" */
  for (size_t k = 0; k < ARRAY_LEN(dollar_kinds); k++) {
    size_t q = strlen(dollar_kinds[k].word);
    if (starts_with(s + i, len - i, dollar_kinds[k].word) && i + q < len &&
        s[i + q] == ' ' && starts_with_ci(s + i + q + 1, len - i - q - 1,
                                          "dollar")) {
      size_t j = i + q + 1 + 6;
      if (j < len && s[j] == 's') {
        j++;
      }
      *code = dollar_kinds[k].code;
      return j;
    }
  }
  for (size_t k = 0; k < ARRAY_LEN(suffixes); k++) {
    size_t q = strlen(suffixes[k].name);
    if (starts_with_ci(s + i, len - i, suffixes[k].name) &&
        (i + q == len || !is_letter(s[i + q]))) {
      if (strcmp(suffixes[k].code, "KRW") == 0 && !scaled) {
        return 0;
      }
      *code = suffixes[k].code;
      return i + q;
    }
  }
  return 0;
}

/* True when the text names the Chinese currency, so ¥ means CNY. */
static bool
says_yuan(const char *text, size_t len);

bool
ng__money_says_yuan(const char *text, size_t len)
{
  return says_yuan(text, len);
}

static bool
says_yuan(const char *text, size_t len)
{
  static const char *const words[] = {"yuan", "renminbi", "RMB"};
  for (size_t i = 0; i < len; i++) {
    char c = (char)(text[i] | 0x20);
    if (c != 'y' && c != 'r') {
      continue; /* no word starts here */
    }
    for (size_t k = 0; k < ARRAY_LEN(words); k++) {
      size_t wl = strlen(words[k]);
      if ((k == 2 ? starts_with(text + i, len - i, words[k])
                  : starts_with_ci(text + i, len - i, words[k])) &&
          (i == 0 || !is_letter(text[i - 1])) &&
          (i + wl >= len || !is_letter(text[i + wl]))) {
        return true;
      }
    }
  }
  return false;
}

static size_t read_scale1(const char *text, size_t len, size_t p,
                          int *exp10);

/* Reads the scale after a number ending at @p p; returns the index after
 * it (or @p p) and sets *exp10 (0 when none). Indian compound scales
 * multiply: "2.5 lakh crore" is 2.5 x 10^5 x 10^7, "1,200 thousand crore"
 * 10^3 x 10^7 (R01). */
static size_t
read_scale(const char *text, size_t len, size_t p, int *exp10)
{
  size_t q = read_scale1(text, len, p, exp10);
  int second = 0;
  if (q > p && *exp10 < 7) {
    size_t r = read_scale1(text, len, q, &second);
    if (r > q && second == 7 && *exp10 + second <= 15 &&
        (r == len || !is_letter(text[r]))) {
      *exp10 += second;
      return r;
    }
  }
  return q;
}

/* One scale word after @p p (see read_scale). */
static size_t
read_scale1(const char *text, size_t len, size_t p, int *exp10)
{
  *exp10 = 0;
  size_t n = scale_at(text + p, len - p, true, exp10);
  if (n) {
    return p + n;
  }
  if (p < len && (text[p] == ' ' || text[p] == '-')) {
    n = scale_at(text + p + 1, len - p - 1, false, exp10);
    if (n) {
      return p + 1 + n;
    }
  }
  if (p + 1 < len && (unsigned char)text[p] == 0xC2 &&
      (unsigned char)text[p + 1] == 0xA0) {
    n = scale_at(text + p + 2, len - p - 2, false, exp10);
    if (n) {
      return p + 2 + n; /* no-break space before the scale word */
    }
  }
  return p;
}

/* True if the word just before byte @p at of @p text is "between". */
static bool
between_before(const char *text, size_t at)
{
  return at >= 8 && strncmp(text + at - 8, "between ", 8) == 0 &&
         (at == 8 || !is_letter(text[at - 9]));
}

static void
emit(struct ng_money *out, size_t max, size_t *count, size_t begin,
     size_t end, const char *num, size_t nlen, int exp10, const char *code)
{
  struct ng_money m;
  memset(&m, 0, sizeof m);
  if (!ng__money_scale(num, nlen, exp10, m.value, sizeof m.value)) {
    return;
  }
  m.begin = begin;
  m.end = end;
  memcpy(m.currency, code, 3);
  m.currency[3] = '\0';
  if (*count < max) {
    out[*count] = m;
  }
  (*count)++;
}

size_t
ng__money_scan(const char *text, size_t len, struct ng_money *out,
               size_t max)
{
  return ng__money_scan_names(text, len, NULL, out, max);
}

size_t
ng__money_scan_names(const char *text, size_t len,
                     const struct ng_money_names *names,
                     struct ng_money *out, size_t max)
{
  size_t count = 0;
  bool yuan = says_yuan(text, len) || (names && names->yuan_context);
  size_t i = 0;
  while (i < len) {
    const char *code = NULL;
    size_t begin = i;
    size_t p = prefix_at(text, len, i, &code);
    size_t num_at;
    if (p) {
      num_at = i + p;
    } else if (is_digit(text[i]) &&
               (i == 0 || !(is_letter(text[i - 1]) || is_digit(text[i - 1]) ||
                            text[i - 1] == '.' || text[i - 1] == ','))) {
      num_at = i;
    } else {
      i++;
      continue;
    }
    size_t nlen = number_len(text + num_at, len - num_at);
    if (!nlen) {
      i++;
      continue;
    }
    size_t q = num_at + nlen;
    int exp10 = 0;
    size_t after = read_scale(text, len, q, &exp10);
    /* A range sharing the scale: "RM10-12 million", "$5 to 7 billion". */
    size_t num2_at = 0, nlen2 = 0, after2 = 0;
    int exp2 = 0;
    if (after == q) {
      size_t r = q;
      if (r < len && (text[r] == '-' || (r + 3 <= len &&
                                         starts_with(text + r, len - r,
                                                     "\xE2\x80\x93")))) {
        r += text[r] == '-' ? 1 : 3;
      } else if (starts_with(text + r, len - r, " to ")) {
        r += 4;
      } else if (starts_with(text + r, len - r, " and ") &&
                 between_before(text, begin)) {
        r += 5; /* "between RM1.2 and RM1.5 billion" (R02) */
      } else {
        r = 0;
      }
      const char *code2 = NULL;
      size_t p2 = r && r < len && code ? prefix_at(text, len, r, &code2) : 0;
      if (p2 && strcmp(code2, code) == 0) {
        r += p2; /* the marker repeated: "RM1.2 to RM1.5 billion" */
      }
      if (r && r < len && is_digit(text[r])) {
        nlen2 = number_len(text + r, len - r);
        if (nlen2) {
          after2 = read_scale(text, len, r + nlen2, &exp2);
          if (after2 > r + nlen2) {
            num2_at = r;
            exp10 = exp2;
          }
        }
      }
    }
    size_t last_end = num2_at ? after2 : after;
    const char *scode = NULL;
    size_t s = suffix_at(text + last_end, len - last_end, exp10 > 0, names,
                         &scode);
    if (scode && (!code || strcmp(scode, "USD") != 0 ||
                  strcmp(code, "USD") == 0)) {
      /* a name after the number refines a bare "$" ("$5 Singapore
       * dollars") or is the only marker */
      if (!code || strcmp(code, "USD") == 0 || strcmp(code, scode) == 0) {
        code = scode;
      }
      last_end += s;
    }
    if (!code) {
      i = num_at + nlen;
      continue;
    }
    if (yuan && strcmp(code, "JPY") == 0 && p) {
      code = "CNY";
    }
    if (num2_at) {
      emit(out, max, &count, begin, num_at + nlen, text + num_at, nlen,
           exp10, code);
      emit(out, max, &count, num2_at, last_end, text + num2_at, nlen2, exp10,
           code);
    } else {
      emit(out, max, &count, begin, last_end, text + num_at, nlen, exp10,
           code);
    }
    i = last_end > i ? last_end : i + 1;
  }
  return count;
}
