/* SPDX-License-Identifier: MIT */
/* Sentence segmentation (paragraphs, abbreviations, initials, quotes) and
 * word tokenization with byte offsets into doc->text. */
#ifndef NG_SEGMENT_H
#define NG_SEGMENT_H

#include "doc.h"
#include "world.h"

#include <stdint.h>

/* Token flags. */
#define NG_TOK_WORD 0x01u   /* letters and/or digits */
#define NG_TOK_CAP 0x02u    /* word whose first letter is upper case */
#define NG_TOK_UPPER 0x04u  /* word with 2+ letters, all upper case */
#define NG_TOK_DIGIT 0x08u  /* word starting with a digit */
#define NG_TOK_SPACE 0x10u  /* whitespace (or text start) right before it */
#define NG_TOK_CJK 0x20u    /* word of CJK/kana/hangul letters (no case) */
#define NG_TOK_LOWER 0x40u  /* word whose first letter is lower case */

/* One token: a word (maximal run of letters and digits) or one
 * punctuation character (possibly multi-byte). Offsets are bytes. */
struct ng_token {
  size_t begin;   /* byte offset of the first byte */
  size_t end;     /* byte offset just past the last byte */
  unsigned flags; /* NG_TOK_* */
};

/* Splits doc->text into doc->sentences: paragraph breaks always end a
 * sentence; inside a paragraph a sentence ends after . ! ? (and any
 * closing quotes or brackets) followed by white space and an upper-case
 * letter, digit or opening quote, unless the full stop ends an
 * abbreviation from the lexicon (ngl:Abbreviation, when world->gaz is
 * loaded), a single-letter initial, or a dotted acronym ("U.S.") followed
 * by a lower-case word. Errors: NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__segment_run(ng_world *world, struct ng_doc *doc);

/* Tokenizes the bytes [begin, end) of @p text into a new array *out of *n
 * tokens (free with free(); NULL when there are none). Invalid UTF-8
 * bytes become one-byte punctuation tokens. Errors: NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__segment_tokenize(const char *text, size_t begin,
                                            size_t end,
                                            struct ng_token **out, size_t *n);

/* True if code point @p cp is a letter or digit for tokenization: ASCII
 * alphanumerics and every non-ASCII code point outside the Latin-1
 * symbols, general punctuation, currency, symbol and CJK punctuation
 * blocks. */
bool ng__segment_is_word_cp(uint32_t cp);

/* True if @p cp is an upper-case letter (ASCII, Latin-1, Latin
 * Extended-A, Greek, Cyrillic). */
bool ng__segment_is_upper_cp(uint32_t cp);

/* True if @p cp is a lower-case letter of the same scripts. */
bool ng__segment_is_lower_cp(uint32_t cp);

#endif
