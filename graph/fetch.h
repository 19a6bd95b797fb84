/* SPDX-License-Identifier: MIT */
/* HTTP(S) fetching with libcurl: body bytes, final URL, content type,
 * status. The only file that includes <curl/curl.h>. */
#ifndef NG_FETCH_H
#define NG_FETCH_H

#include "doc.h"
#include "world.h"

/* curl_global_init(CURL_GLOBAL_DEFAULT), reference counted so several
 * worlds may live at once; called by ng_world_new(). Not thread-safe (as
 * curl_global_init itself). NG_ERR_FETCH if libcurl cannot start. */
NG_NODISCARD ng_status ng__fetch_global_init(void);

/* Drops one reference; the last one calls curl_global_cleanup(). Called
 * by ng_world_free(). */
void ng__fetch_global_cleanup(void);

/* Fetches @p url (http or https only, also after redirects) into @p doc:
 * sets doc->raw/raw_len (the body, content-decoded exactly once),
 * content_type, final_url (after redirects) and http_status. Limits come
 * from @p world: max_bytes, max_redirs, connect_timeout, timeout,
 * user_agent. Errors (message "cannot fetch URL: reason" or "HTTP N from
 * URL"): NG_ERR_FETCH (transport, TLS, timeout, too many redirects,
 * redirect to another scheme), NG_ERR_HTTP (status >= 400),
 * NG_ERR_TOO_LARGE (body over max_bytes), NG_ERR_PARSE (body is still
 * compressed data, FAULT-CASES F04), NG_ERR_NOMEM. On error the doc's
 * input fields are left NULL. */
NG_NODISCARD ng_status ng__fetch_url(ng_world *world, const char *url,
                                     struct ng_doc *doc);

#endif
