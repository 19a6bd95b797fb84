/* SPDX-License-Identifier: MIT */
/* Bounded growable byte buffer. */
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void
ng__buf_init(struct ng_buf *b, size_t cap)
{
  b->data = NULL;
  b->len = 0;
  b->size = 0;
  b->cap = cap ? cap : SIZE_MAX / 2;
}

void
ng__buf_free(struct ng_buf *b)
{
  free(b->data);
  b->data = NULL;
  b->len = 0;
  b->size = 0;
}

ng_status
ng__buf_add(struct ng_buf *b, const void *mem, size_t len)
{
  if (len > b->cap || b->len > b->cap - len) {
    ng__buf_free(b);
    return NG_ERR_TOO_LARGE;
  }
  if (b->len + len + 1 > b->size) {
    size_t size = b->size ? b->size : 64;
    while (size < b->len + len + 1) {
      size *= 2;
    }
    char *p = realloc(b->data, size);
    if (!p) {
      ng__buf_free(b);
      return NG_ERR_NOMEM;
    }
    b->data = p;
    b->size = size;
  }
  if (len) {
    memcpy(b->data + b->len, mem, len);
  }
  b->len += len;
  b->data[b->len] = '\0';
  return NG_OK;
}

ng_status
ng__buf_adds(struct ng_buf *b, const char *s)
{
  return ng__buf_add(b, s, strlen(s));
}

ng_status
ng__buf_addf(struct ng_buf *b, const char *fmt, ...)
{
  char small[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) {
    ng__buf_free(b);
    return NG_ERR_INTERNAL;
  }
  if ((size_t)n < sizeof small) {
    return ng__buf_add(b, small, (size_t)n);
  }
  char *big = malloc((size_t)n + 1);
  if (!big) {
    ng__buf_free(b);
    return NG_ERR_NOMEM;
  }
  va_start(ap, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  ng_status st = ng__buf_add(b, big, (size_t)n);
  free(big);
  return st;
}

char *
ng__buf_take(struct ng_buf *b)
{
  char *p = b->data;
  if (!p) {
    p = calloc(1, 1);
  }
  b->data = NULL;
  b->len = 0;
  b->size = 0;
  return p;
}
