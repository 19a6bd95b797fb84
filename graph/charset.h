/* SPDX-License-Identifier: MIT */
/* Charset detection (BOM, HTTP header, <meta> prescan, UTF-8 validity) and
 * conversion of the raw bytes to UTF-8 with iconv. */
#ifndef NG_CHARSET_H
#define NG_CHARSET_H

#include "doc.h"
#include "world.h"

/* Which rule decided the encoding (FAULT-CASES C02: log the source). */
enum ng_charset_source {
  NG_CHARSET_BOM,     /* byte order mark */
  NG_CHARSET_HEADER,  /* HTTP Content-Type charset parameter */
  NG_CHARSET_META,    /* <meta charset> / http-equiv prescan */
  NG_CHARSET_UTF8,    /* nothing declared; the bytes are (mostly) UTF-8 */
  NG_CHARSET_DEFAULT  /* nothing declared; windows-1252 */
};

/* The WHATWG Encoding Standard name of label @p label (@p len bytes;
 * ASCII whitespace around it ignored, case-insensitive), e.g. "latin1" ->
 * "windows-1252", "gb2312" -> "GBK", or NULL for an unknown label
 * (Encoding Standard 4.2 "Names and labels"). Static string. */
const char *ng__charset_lookup(const char *label, size_t len);

/* Decides the encoding of @p raw (@p len bytes) with the precedence BOM >
 * @p content_type charset parameter > <meta> prescan of the first 1024
 * bytes (HTML only: @p html) > UTF-8 (valid, or valid but for rare stray
 * bytes, which become U+FFFD) > windows-1252 (FAULT-CASES C01, C02, C05). Returns the WHATWG name (static) and stores the rule in
 * *src and the BOM length in *bom_len (0 if none). Unknown labels are
 * skipped with a warning on @p world (may be NULL). */
const char *ng__charset_sniff(ng_world *world, const char *raw, size_t len,
                              const char *content_type, bool html,
                              enum ng_charset_source *src, size_t *bom_len);

/* Converts @p len bytes at @p raw from WHATWG encoding @p encoding to
 * UTF-8 (without the BOM). Undecodable bytes become U+FFFD, NUL bytes are
 * dropped, and C1 controls U+0080-U+009F become the windows-1252
 * characters of those bytes (FAULT-CASES C04), so the result is valid
 * UTF-8 without NUL or C1 controls. *out is a new NUL-terminated string
 * (free with free()) of *out_len bytes. Errors: NG_ERR_NOMEM. An encoding
 * iconv lacks falls back to windows-1252 with a warning. */
NG_NODISCARD ng_status ng__charset_convert(ng_world *world, const char *raw,
                                           size_t len, const char *encoding,
                                           char **out, size_t *out_len);

/* Sniff, then convert: the doc's raw bytes as UTF-8 (see the two functions
 * above). @p html selects the <meta> prescan. Errors: NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__charset_decode(ng_world *world, const char *raw,
                                          size_t len,
                                          const char *content_type, bool html,
                                          char **out, size_t *out_len);

#endif
