/* SPDX-License-Identifier: MIT */
/* WARC input (ISO 28500, WARC 1.0/1.1): a streaming reader of plain and
 * gzip WARC files that turns response records with HTML payloads into
 * docs. Internals exposed for the unit test. */
#ifndef NG_WARC_H
#define NG_WARC_H

#include "doc.h"
#include "world.h"

/* Largest WARC record header (named fields) read; longer is corrupt. */
#define NG_WARC_MAX_HEADER 65536

/* Parses a WARC-Date (WARC 1.1 section 5.4: W3C-DTF in UTC,
 * "YYYY-MM-DDThh:mm:ssZ", optionally with a fraction of a second) into
 * seconds since the epoch. False if @p s is not one. */
bool ng__warc_parse_date(const char *s, time_t *out);

/* Splits the HTTP message @p block (@p len bytes, the block of a response
 * record: status line, header, blank line, payload) into its status code,
 * its Content-Type (a new string or NULL) and the payload, undoing
 * "Transfer-Encoding: chunked" and "Content-Encoding: gzip/deflate" (RFC
 * 9112 7.1, RFC 9110 8.4). *payload is a new NUL-terminated buffer of
 * *payload_len bytes. Errors (message names @p name): NG_ERR_PARSE (not an
 * HTTP response, or an encoding that cannot be undone), NG_ERR_TOO_LARGE
 * (decoded payload over the world's max_bytes), NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__warc_http(ng_world *world, const char *name,
                                     const char *block, size_t len,
                                     long *status, char **content_type,
                                     char **payload, size_t *payload_len);

#endif
