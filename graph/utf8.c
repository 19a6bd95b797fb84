/* SPDX-License-Identifier: MIT */
/* UTF-8 validation and decoding (RFC 3629). */
#include "utf8.h"

#include <stdlib.h>

size_t
ng__utf8_decode(const char *str, size_t len, uint32_t *cp)
{
  const unsigned char *s = (const unsigned char *)str;
  if (len == 0) {
    return 0;
  }
  unsigned c = s[0];
  size_t n;
  uint32_t v, min;
  if (c < 0x80) {
    *cp = c;
    return 1;
  } else if (c >= 0xC2 && c <= 0xDF) {
    n = 2; v = c & 0x1F; min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3; v = c & 0x0F; min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4; v = c & 0x07; min = 0x10000;
  } else {
    return 0;
  }
  if (len < n) {
    return 0;
  }
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      return 0;
    }
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    return 0;
  }
  *cp = v;
  return n;
}

size_t
ng__utf8_encode(uint32_t cp, char *out)
{
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  } else if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  } else if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

bool
ng__utf8_is_valid(const char *s, size_t len)
{
  size_t i = 0;
  while (i < len) {
    uint32_t cp;
    size_t n = ng__utf8_decode(s + i, len - i, &cp);
    if (n == 0 || cp == 0) {
      return false;
    }
    i += n;
  }
  return true;
}

char *
ng__utf8_sanitize(const char *s, size_t len, size_t *out_len)
{
  /* Worst case: every byte becomes U+FFFD (3 bytes). */
  if (len > (SIZE_MAX - 1) / 3) {
    return NULL;
  }
  char *out = malloc(len * 3 + 1);
  if (!out) {
    return NULL;
  }
  size_t i = 0, o = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      /* ASCII: kept as is, NUL dropped */
      if (c != 0) {
        out[o++] = (char)c;
      }
      i++;
      continue;
    }
    uint32_t cp;
    size_t n = ng__utf8_decode(s + i, len - i, &cp);
    if (n == 0) {
      o += ng__utf8_encode(0xFFFD, out + o);
      i++;
    } else {
      if (cp != 0) {
        for (size_t k = 0; k < n; k++) {
          out[o++] = s[i + k];
        }
      }
      i += n;
    }
  }
  out[o] = '\0';
  if (out_len) {
    *out_len = o;
  }
  return out;
}

size_t
ng__utf8_cp_count(const char *s, size_t n_bytes)
{
  size_t i = 0, n = 0;
  while (i < n_bytes) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
      n++;
      continue;
    }
    uint32_t cp;
    size_t k = ng__utf8_decode(s + i, n_bytes - i, &cp);
    i += k ? k : 1;
    n++;
  }
  return n;
}
