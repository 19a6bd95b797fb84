/* SPDX-License-Identifier: MIT */
/* HTTP(S) fetching with the libcurl easy interface: one URL in, body bytes,
 * final URL, content type and status out, every growth bounded (STYLE.md
 * 2.10). The only file that includes <curl/curl.h>. */
#include "fetch.h"

#include "buf.h"
#include "input.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

/* Users of curl_global_init (one per live world). */
static unsigned global_refs;

ng_status
ng__fetch_global_init(void)
{
  if (global_refs == 0 && curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    return NG_ERR_FETCH;
  }
  global_refs++;
  return NG_OK;
}

void
ng__fetch_global_cleanup(void)
{
  if (global_refs > 0 && --global_refs == 0) {
    curl_global_cleanup();
  }
}

/* The write callback's state: a bounded buffer and why it stopped. */
struct sink {
  struct ng_buf buf; /* body bytes so far, capped at max_bytes */
  ng_status st;      /* NG_OK, or why the callback refused data */
};

/* CURLOPT_WRITEFUNCTION: appends to the bounded buffer; returning less
 * than given makes libcurl stop with CURLE_WRITE_ERROR, and st records that
 * our own cap (or memory) fired, not a socket. */
static size_t
write_body(char *ptr, size_t size, size_t nmemb, void *userdata)
{
  struct sink *s = userdata;
  size_t n = size * nmemb;
  if (s->st != NG_OK) {
    return 0;
  }
  if (n == 0) {
    return 0;
  }
  s->st = ng__buf_add(&s->buf, ptr, n);
  return s->st == NG_OK ? n : 0;
}

/* True if the URL's path (before any query or fragment) ends in ".gz". */
static bool
path_is_gz(const char *url)
{
  size_t n = strcspn(url, "?#");
  return n >= 3 && strncasecmp(url + n - 3, ".gz", 3) == 0;
}

/* Runs one transfer of @p url into @p s. @p decode false turns off
 * libcurl's content decoding (the F04 retry). Fills the out-parameters
 * from the handle; returns the CURLcode. */
static CURLcode
perform(ng_world *world, const char *url, bool decode, struct sink *s,
        char *errbuf, long *status, char **final_url, char **content_type)
{
  CURL *h = curl_easy_init();
  if (!h) {
    return CURLE_OUT_OF_MEMORY;
  }
  CURLcode rc = CURLE_OK;
  errbuf[0] = '\0';
  ng__buf_init(&s->buf, world->max_bytes);
  s->st = NG_OK;
  long low_time = world->timeout < 30 ? world->timeout : 30;

  /* Options that cannot fail on a sane build; the first failure wins. */
#define SETOPT(opt, val)                                                     \
  do {                                                                       \
    if (rc == CURLE_OK) {                                                    \
      rc = curl_easy_setopt(h, opt, val);                                    \
    }                                                                        \
  } while (0)
  SETOPT(CURLOPT_ERRORBUFFER, errbuf);
  SETOPT(CURLOPT_URL, url);
  SETOPT(CURLOPT_NOSIGNAL, 1L);
  /* FAULT-CASES F02: follow redirects, with our own limit rather than the
   * default of whichever libcurl is linked. */
  SETOPT(CURLOPT_FOLLOWLOCATION, 1L);
  SETOPT(CURLOPT_MAXREDIRS, world->max_redirs);
  /* raptor_www_curl.c: never let a redirect reach file:, ftp: and co. */
  SETOPT(CURLOPT_PROTOCOLS_STR, "http,https");
  SETOPT(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  /* FAULT-CASES F05: "" lists only the encodings this build decodes;
   * libcurl then decodes exactly once. The header is never set by hand. */
  SETOPT(CURLOPT_ACCEPT_ENCODING, "");
  SETOPT(CURLOPT_HTTP_CONTENT_DECODING, decode ? 1L : 0L);
  /* FAULT-CASES F06: a connect timeout alone lets a stalled peer hang the
   * transfer; bound the total time and the idle time too. */
  SETOPT(CURLOPT_CONNECTTIMEOUT, world->connect_timeout);
  SETOPT(CURLOPT_TIMEOUT, world->timeout);
  SETOPT(CURLOPT_LOW_SPEED_LIMIT, 1L);
  SETOPT(CURLOPT_LOW_SPEED_TIME, low_time);
  SETOPT(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)world->max_bytes);
  SETOPT(CURLOPT_WRITEFUNCTION, write_body);
  SETOPT(CURLOPT_WRITEDATA, s);
  SETOPT(CURLOPT_USERAGENT, world->user_agent);
  SETOPT(CURLOPT_SSL_VERIFYPEER, 1L);
  SETOPT(CURLOPT_SSL_VERIFYHOST, 2L);
#undef SETOPT
  if (rc == CURLE_OK) {
    rc = curl_easy_perform(h);
  }
  long code = 0;
  char *eff = NULL, *ct = NULL;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &eff);
  curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ct);
  *status = code;
  *final_url = eff ? strdup(eff) : NULL;
  *content_type = ct ? strdup(ct) : NULL;
  curl_easy_cleanup(h);
  return rc;
}

ng_status
ng__fetch_url(ng_world *world, const char *url, struct ng_doc *doc)
{
  struct sink s;
  char errbuf[CURL_ERROR_SIZE];
  long status = 0;
  char *final_url = NULL, *ctype = NULL, *body = NULL;
  size_t body_len = 0;
  ng_status st = NG_OK;

  CURLcode rc = perform(world, url, true, &s, errbuf, &status, &final_url,
                        &ctype);
  if (rc == CURLE_BAD_CONTENT_ENCODING) {
    /* FAULT-CASES F04 (a): the server claims an encoding its bytes do not
     * have. Retry once without decoding and keep the body only if it is
     * plainly HTML. */
    ng__buf_free(&s.buf);
    free(final_url);
    free(ctype);
    ng__warnf(world, "%s: bad Content-Encoding, retrying without decoding",
              url);
    rc = perform(world, url, false, &s, errbuf, &status, &final_url, &ctype);
    if (rc == CURLE_OK && !ng__input_is_markup(s.buf.data ? s.buf.data : "",
                                               s.buf.len)) {
      st = ng__errorf(world, NG_ERR_FETCH,
                      "cannot fetch %s: body does not match its "
                      "Content-Encoding", url);
      goto done;
    }
  }
  if (rc != CURLE_OK) {
    if (s.st == NG_ERR_TOO_LARGE || rc == CURLE_FILESIZE_EXCEEDED) {
      st = ng__errorf(world, NG_ERR_TOO_LARGE,
                      "cannot fetch %s: body is larger than %zu bytes", url,
                      world->max_bytes);
    } else if (s.st != NG_OK) {
      st = ng__errorf(world, s.st, "cannot fetch %s: out of memory", url);
    } else if (rc == CURLE_UNSUPPORTED_PROTOCOL) {
      st = ng__errorf(world, NG_ERR_FETCH,
                      "cannot fetch %s: redirect to a scheme other than "
                      "http or https refused (%s)", url,
                      errbuf[0] ? errbuf : curl_easy_strerror(rc));
    } else {
      st = ng__errorf(world, NG_ERR_FETCH, "cannot fetch %s: %s", url,
                      errbuf[0] ? errbuf : curl_easy_strerror(rc));
    }
    goto done;
  }
  if (status >= 400) {
    st = ng__errorf(world, NG_ERR_HTTP, "HTTP %ld from %s", status,
                    final_url ? final_url : url);
    goto done;
  }
  body_len = s.buf.len;
  body = ng__buf_take(&s.buf);
  if (!body) {
    st = ng__errorf(world, NG_ERR_NOMEM, "cannot fetch %s: out of memory",
                    url);
    goto done;
  }
  if (body_len >= 2 && (unsigned char)body[0] == 0x1f &&
      (unsigned char)body[1] == 0x8b) {
    /* FAULT-CASES F04: libcurl already removed any Content-Encoding, so
     * gzip bytes here are the resource itself. Only a .gz resource is
     * meant to be a compressed file; anything else would be a second,
     * wrong decode. */
    if (!path_is_gz(final_url ? final_url : url)) {
      st = ng__errorf(world, NG_ERR_PARSE,
                      "cannot fetch %s: body is compressed data", url);
      goto done;
    }
    char *plain = NULL;
    size_t plen = 0;
    st = ng__input_gunzip(world, url, body, body_len, world->max_bytes,
                          &plain, &plen);
    if (st != NG_OK) {
      goto done;
    }
    free(body);
    body = plain;
    body_len = plen;
  }
  doc->raw = body;
  doc->raw_len = body_len;
  doc->content_type = ctype;
  doc->final_url = final_url;
  doc->http_status = status;
  bool plain_ct = ctype && strncasecmp(ctype, "text/plain", 10) == 0;
  doc->is_plain_text = plain_ct ? !ng__input_is_markup(body, body_len)
                                : (!ctype && !ng__input_is_markup(body,
                                                                   body_len));
  return NG_OK;
done:
  ng__buf_free(&s.buf);
  free(body);
  free(final_url);
  free(ctype);
  return st;
}
