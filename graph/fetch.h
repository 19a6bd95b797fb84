/* SPDX-License-Identifier: MIT */
/* HTTP(S) fetching with libcurl: body bytes, final URL, content type,
 * status; the crawl API (newsgraph.h ng_crawl_*) is in fetch.c too. The
 * only file that includes <curl/curl.h>. */
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

/* Sets the fetching option @p name (newsgraph.h
 * ng_world_set_fetch_option(): "jobs", "delay", "retries",
 * "allow-private", "ignore-robots") on @p world. NG_NOT_FOUND (no
 * message) if @p name is not one of them, so ng_world_set_option() can
 * hand unknown names here; NG_ERR_ARG for a bad value. */
NG_NODISCARD ng_status ng__fetch_set_option(ng_world *world,
                                            const char *name,
                                            const char *value);

/* Fetches @p url (http or https only, also after redirects) into @p doc,
 * as a crawl of one URL (ng_crawl_new(), fetch.c): robots.txt, the SSRF
 * guard, retries, redirects and meta refreshes followed hop by hop, walls
 * refused. Sets doc->raw/raw_len (the body, content-decoded exactly
 * once), content_type, final_url (after redirects, percent-encoded) and
 * http_status. Limits come from @p world: max_bytes, max_redirs,
 * connect_timeout, timeout, user_agent and the fetch_* options. Errors
 * (message "cannot fetch URL: reason", "HTTP N from URL (reason)" or
 * "WALL (HTTP N from URL)"): NG_ERR_FETCH (transport, TLS, timeout, too
 * many redirects, redirect to another scheme, private address, robots.txt),
 * NG_ERR_HTTP (status >= 400), NG_ERR_TOO_LARGE (body over max_bytes),
 * NG_ERR_PARSE (body still compressed, FAULT-CASES F04; a bot wall,
 * consent wall, paywall stub, login wall or error page, F08; media that is
 * no page), NG_ERR_NOMEM. On error the doc's input fields are left NULL. */
NG_NODISCARD ng_status ng__fetch_url(ng_world *world, const char *url,
                                     struct ng_doc *doc);

/* Frees the world's robots.txt cache (ng_world_free()). */
void ng__fetch_cache_free(ng_world *world);

#endif
