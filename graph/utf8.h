/* SPDX-License-Identifier: MIT */
/* UTF-8 validation and decoding; byte offset <-> code-point offset (NIF
 * offsets are code points, C strings count bytes). */
#ifndef NG_UTF8_H
#define NG_UTF8_H

#include "internal.h"

#include <stdint.h>

/* Decodes one code point at @p s (at most @p len bytes). Stores it in *cp
 * and returns its length in bytes (1-4), or 0 if the bytes there are not
 * a valid, shortest-form UTF-8 sequence (surrogates and > U+10FFFF are
 * invalid). */
size_t ng__utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes @p cp into @p out (4 bytes room); returns the byte length. */
size_t ng__utf8_encode(uint32_t cp, char *out);

/* True if the @p len bytes at @p s are valid UTF-8 with no NUL byte. */
bool ng__utf8_is_valid(const char *s, size_t len);

/* A new NUL-terminated copy of @p s in which every invalid sequence is
 * replaced by U+FFFD and every NUL byte dropped (free with free()). Stores
 * its length in *out_len if not NULL. NULL when out of memory. */
char *ng__utf8_sanitize(const char *s, size_t len, size_t *out_len);

/* Number of code points in the first @p n_bytes bytes of @p s (invalid
 * bytes count one each). */
size_t ng__utf8_cp_count(const char *s, size_t n_bytes);

#endif
