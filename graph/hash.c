/* SPDX-License-Identifier: MIT */
/* SHA-256 through nettle (FIPS 180-4); never hand-written. */
#include "hash.h"

#include <nettle/sha2.h>

void
ng__sha256_hex(const void *data, size_t len, char hex[65])
{
  static const char digits[] = "0123456789abcdef";
  struct sha256_ctx ctx;
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_init(&ctx);
  sha256_update(&ctx, len, data);
  sha256_digest(&ctx, sizeof digest, digest);
  for (size_t i = 0; i < sizeof digest; i++) {
    hex[2 * i] = digits[digest[i] >> 4];
    hex[2 * i + 1] = digits[digest[i] & 15];
  }
  hex[64] = '\0';
}

uint64_t
ng__fnv1a64(const void *data, size_t len)
{
  const unsigned char *s = data;
  uint64_t h = 14695981039346656037ULL;
  for (size_t i = 0; i < len; i++) {
    h = (h ^ s[i]) * 1099511628211ULL;
  }
  return h;
}
