/* SPDX-License-Identifier: MIT */
/* HTTP(S) fetching with libcurl: body bytes, final URL, content type, status. (stub: owner front) */
#ifndef NG_FETCH_H
#define NG_FETCH_H

#include "doc.h"
#include "world.h"

/* curl_global_init / cleanup, reference counted; called by ng_world_new/free. */
NG_NODISCARD ng_status ng__fetch_global_init(void);
void ng__fetch_global_cleanup(void);
#endif
