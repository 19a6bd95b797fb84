/* SPDX-License-Identifier: MIT */
/* Money normalisation: amounts with currency symbols, codes or names and
 * scale words to an exact value in units plus an ISO 4217 code. */
#ifndef NG_MONEY_H
#define NG_MONEY_H

#include "internal.h"

#include <stddef.h>

/* One amount of money found by ng__money_scan(). */
struct ng_money {
  size_t begin;     /* byte offset of the amount (symbol included) */
  size_t end;       /* byte offset just past it (scale word included) */
  char value[48];   /* xsd:decimal lexical form in units: "11460000000" */
  char currency[4]; /* ISO 4217 code: "MYR" */
};

/* Writes into @p out (@p cap bytes) the exact decimal value of the number
 * written in the @p len bytes at @p num ("11.46", "16,189", "1,09,450":
 * digits, comma group separators, at most one '.') multiplied by 10^@p exp10 (0..15).
 * The result has no leading zeros, no trailing fractional zeros and no
 * exponent ("11460000000", "0.5"). Arithmetic is on the digit string, so
 * no floating-point rounding enters the output. False when @p num is not
 * such a number or the result does not fit. */
bool ng__money_scale(const char *num, size_t len, int exp10, char *out,
                     size_t cap);

/* Finds the amounts of money in the @p len bytes at @p text (a sentence or
 * paragraph). Currency markers (VOCABULARY.md "Dates, money, numbers" and
 * ISO 4217): RM→MYR, US$/USD/$→USD, S$→SGD, A$→AUD, C$→CAD, HK$→HKD,
 * NT$→TWD, NZ$→NZD, €→EUR, £→GBP, ¥→JPY (CNY when the text says yuan,
 * renminbi or RMB), ₹/Rs→INR, Rp→IDR, ₱→PHP, ₩→KRW, ฿→THB, KSh→KES,
 * QR→QAR, SR→SAR, Dh→AED, ₦→NGN, ₺→TRY, ৳/Tk→BDT, Php→PHP, three-letter
 * ISO codes,
 * and names after the number ("ringgit", "yuan", "euros", "yen",
 * "Singapore dollars"; ng__money_scan_names() adds the lexicon's).
 * Scale words (FAULT-CASES.md R01): trillion/tn, billion/bln/bil/bn/b,
 * million/mln/mil/mn/m, thousand/k, crore (1e7), lakh (1e5).
 * "RM11.46 billion (US$2.48 billion)" is two amounts, and so is a range
 * "RM10-12 million", "RM1.2 to RM1.5 billion", "between RM1.2 and RM1.5
 * billion" (R02: the first shares the second's scale). Stores at most
 * @p max amounts in @p out in text order and returns how many were found.
 * Pure. */
size_t ng__money_scan(const char *text, size_t len, struct ng_money *out,
                      size_t max);

/* A currency name written after the number, from the trigger lexicon
 * (ngl:CurrencyName in triggers.ttl): "Omani rials" -> OMR. */
struct ng_money_name {
  char **words;    /* its lower-case words, ASCII case-folded (owned by
                    * the lexicon) */
  size_t n_words;  /* entries in words (1 or more) */
  char code[4];    /* ISO 4217 code */
  char *country;   /* canonical label of the issuing country, or NULL */
};

/* The lexicon's currency names and how to pick among names written the
 * same way ("rupees": INR, PKR, LKR ...). */
struct ng_money_names {
  const struct ng_money_name *v;
  size_t n;
  /* How strongly the text's context names @p country (for instance its
   * mentions in the article), 0 for not at all; may be NULL. */
  size_t (*context)(void *ud, const char *country);
  void *ud; /* passed to context */
  bool yuan_context; /* the article names the yuan elsewhere: ¥ is CNY */
};

/* True when the @p len bytes at @p text name the Chinese currency
 * ("yuan", "renminbi", "RMB"), so that ¥ means CNY there (VOCABULARY.md
 * "Dates, money, numbers"). Pure. */
bool ng__money_says_yuan(const char *text, size_t len);

/* Like ng__money_scan(), with the currency names of @p names (may be
 * NULL) tried before the built-in ones after a number. The longest name
 * wins; among names of the same words, the one whose country the context
 * scores highest, else the first listed. Pure apart from the context
 * callback. */
size_t ng__money_scan_names(const char *text, size_t len,
                            const struct ng_money_names *names,
                            struct ng_money *out, size_t max);

#endif
