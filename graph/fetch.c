/* SPDX-License-Identifier: MIT */
/* HTTP(S) fetching with libcurl: body bytes, final URL, content type, status. (stub: owner front) */
#include "fetch.h"

ng_status
ng__fetch_global_init(void)
{
  return NG_OK;
}

void
ng__fetch_global_cleanup(void)
{
}
