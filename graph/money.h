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
 * written in the @p len bytes at @p num ("11.46", "16,189": digits, comma
 * group separators, at most one '.') multiplied by 10^@p exp10 (0..15).
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
 * renminbi or RMB), ₹/Rs→INR, Rp→IDR, ₱→PHP, ₩→KRW, ฿→THB, three-letter
 * ISO codes, and names after the number ("ringgit", "yuan", "euros",
 * "yen", "Singapore dollars"). Scale words (FAULT-CASES.md R01): trillion/
 * tn, billion/bln/bn/b, million/mln/mil/mn/m, thousand/k, crore (1e7),
 * lakh (1e5). "RM11.46 billion (US$2.48 billion)" is two amounts, and so
 * is a range "RM10-12 million" (R02). Stores at most @p max amounts in
 * @p out in text order and returns how many were found. Pure. */
size_t ng__money_scan(const char *text, size_t len, struct ng_money *out,
                      size_t max);

#endif
