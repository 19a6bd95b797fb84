/* SPDX-License-Identifier: MIT */
/* SHA-256 (nettle) as lower-case hex: urn:sha256 article IRIs and the
 * content hashes of event IRIs; FNV-1a for in-memory hash tables. */
#ifndef NG_HASH_H
#define NG_HASH_H

#include "internal.h"

/* Writes the SHA-256 of the @p len bytes at @p data as 64 lower-case hex
 * digits and a NUL into @p hex. */
void ng__sha256_hex(const void *data, size_t len, char hex[65]);

/* FNV-1a, 64 bits, of the @p len bytes at @p data (offset basis
 * 14695981039346656037, prime 1099511628211: Fowler, Noll and Vo,
 * draft-eastlake-fnv): the slot hash of the in-memory hash tables (feed
 * duplicate set, SQLite node caches). Not for anything stored. */
uint64_t ng__fnv1a64(const void *data, size_t len);

#endif
