/* SPDX-License-Identifier: MIT */
/* SHA-256 (nettle) as lower-case hex: urn:sha256 article IRIs and the
 * content hashes of event IRIs. */
#ifndef NG_HASH_H
#define NG_HASH_H

#include "internal.h"

/* Writes the SHA-256 of the @p len bytes at @p data as 64 lower-case hex
 * digits and a NUL into @p hex. */
void ng__sha256_hex(const void *data, size_t len, char hex[65]);

#endif
