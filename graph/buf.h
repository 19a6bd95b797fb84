/* SPDX-License-Identifier: MIT */
/* Bounded growable byte buffer (curl dynbuf): every buffer that grows from
 * input has a cap; a failed append frees the buffer. */
#ifndef NG_BUF_H
#define NG_BUF_H

#include "internal.h"

struct ng_buf {
  char *data;  /* NUL-terminated contents, or NULL while empty */
  size_t len;  /* bytes used, not counting the NUL */
  size_t size; /* bytes allocated */
  size_t cap;  /* maximum len; 0 means SIZE_MAX/2 */
};

/* Initialises an empty buffer that may grow to @p cap bytes. */
void ng__buf_init(struct ng_buf *b, size_t cap);

/* Frees the contents; the buffer is empty and reusable afterwards. */
void ng__buf_free(struct ng_buf *b);

/* Appends @p len bytes. On NG_ERR_NOMEM or NG_ERR_TOO_LARGE (cap
 * exceeded) the buffer has been freed. */
NG_NODISCARD ng_status ng__buf_add(struct ng_buf *b, const void *mem,
                                   size_t len);

/* Appends a NUL-terminated string. Errors as ng__buf_add(). */
NG_NODISCARD ng_status ng__buf_adds(struct ng_buf *b, const char *s);

/* Appends printf-formatted text. Errors as ng__buf_add(). */
NG_NODISCARD ng_status ng__buf_addf(struct ng_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Hands the contents to the caller (free with free()); the buffer is empty
 * afterwards. Returns an empty string, not NULL, for an empty buffer, or
 * NULL when out of memory. */
char *ng__buf_take(struct ng_buf *b);

#endif
