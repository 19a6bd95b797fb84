/* SPDX-License-Identifier: MIT */
/* HTTP(S) fetching with the libcurl multi interface: a crawl of many URLs
 * with per-host limits and delays, robots.txt, retries, redirects followed
 * one hop at a time through the same checks, an SSRF guard on the address
 * actually connected to, and page verdicts (walls, meta refresh). A single
 * fetch is a crawl of one URL. The only file that includes <curl/curl.h>. */
#include "fetch.h"

#include "buf.h"
#include "crawl.h"
#include "input.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

/* Connections (and transfers) per host at once. */
#define PER_HOST 2
/* Defaults of the world's fetching options (newsgraph.h). */
#define DEFAULT_DELAY_MS 1000
#define DEFAULT_RETRIES 2
/* Longest wait before a retry, seconds; a longer Retry-After fails. */
#define MAX_RETRY_WAIT 120
/* Longest robots.txt Crawl-delay honoured, seconds. */
#define MAX_CRAWL_DELAY 60
/* Bytes of robots.txt kept (RFC 9309 2.5 asks for at least 500 KiB). */
#define ROBOTS_MAX_BYTES (512 * 1024)
/* Redirects followed for robots.txt (RFC 9309 2.3.1.2: at least 5). */
#define ROBOTS_MAX_REDIRS 5
/* URLs started ahead of the one ng_crawl_next() waits for, per job. */
#define WINDOW_PER_JOB 4

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

const char *
ng_fetch_version(void)
{
  static char line[512];
  if (line[0]) {
    return line;
  }
  const curl_version_info_data *v = curl_version_info(CURLVERSION_NOW);
  snprintf(line, sizeof line,
           "libcurl %s, TLS %s, content decoding:%s%s%s%s, %s",
           v->version, v->ssl_version ? v->ssl_version : "none",
           (v->features & CURL_VERSION_LIBZ) ? " gzip deflate" : "",
           (v->features & CURL_VERSION_BROTLI) ? " br" : "",
           (v->features & CURL_VERSION_ZSTD) ? " zstd" : "",
           (v->features & (CURL_VERSION_LIBZ | CURL_VERSION_BROTLI |
                           CURL_VERSION_ZSTD)) ? "" : " none",
           (v->features & CURL_VERSION_HTTP2) ? "HTTP/2" : "HTTP/1.1 only");
  return line;
}

ng_status
ng__fetch_set_option(ng_world *world, const char *name, const char *value)
{
  bool flag = strcmp(name, "allow-private") == 0 ||
              strcmp(name, "ignore-robots") == 0;
  if (flag) {
    if (strcmp(value, "1") != 0 && strcmp(value, "0") != 0) {
      return ng__errorf(world, NG_ERR_ARG, "bad %s: %s (0 or 1)", name,
                        value);
    }
    if (name[0] == 'a') {
      world->allow_private = value[0] == '1';
    } else {
      world->ignore_robots = value[0] == '1';
    }
    return NG_OK;
  }
  long max = strcmp(name, "jobs") == 0      ? 1024
             : strcmp(name, "delay") == 0   ? 3600000
             : strcmp(name, "retries") == 0 ? 10
                                            : -1;
  if (max < 0) {
    return NG_NOT_FOUND;
  }
  char *end;
  errno = 0;
  long v = strtol(value, &end, 10);
  if (errno || end == value || *end || v < (name[0] == 'j' ? 1 : 0) ||
      v > max) {
    return ng__errorf(world, NG_ERR_ARG, "bad %s: %s", name, value);
  }
  if (name[0] == 'j') {
    world->fetch_jobs = v;
  } else if (name[0] == 'd') {
    world->fetch_delay_ms = v == 0 ? -1 : v;
  } else {
    world->fetch_retries = v == 0 ? -1 : v;
  }
  return NG_OK;
}

ng_status
ng_world_set_fetch_option(ng_world *world, const char *name,
                          const char *value)
{
  if (!world || !name || !value) {
    return NG_ERR_ARG;
  }
  ng_status st = ng__fetch_set_option(world, name, value);
  return st == NG_NOT_FOUND ? ng_world_set_option(world, name, value) : st;
}

/* ------------------------------------------------------------ structures */

enum robots_state { R_UNKNOWN, R_FETCHING, R_READY, R_FAILED };

/* One scheme://host:port. */
struct host {
  char *key;              /* "scheme://host:port", lower case */
  int active;             /* transfers in flight, robots.txt included */
  double next_start;      /* monotonic seconds: earliest next request */
  double delay;           /* seconds between request starts */
  enum robots_state robots;
  struct ng_robots *rules; /* R_READY: the rules (borrowed from the
                           * world's cache), NULL allows all */
  char *robots_err;       /* R_FAILED: why, for the URLs of the host */
  struct host *next;
};

/* RFC 9309 2.4: a cached robots.txt is not used for more than 24 hours. */
#define ROBOTS_TTL (24 * 3600)

/* A host's robots.txt as read in this world (world->robots_cache): the
 * rules of a 2xx answer, or "allow all" for a 4xx. Failures are not kept:
 * the next crawl asks again. */
struct ng__robots_entry {
  char *key;               /* "scheme://host:port" */
  struct ng_robots *rules; /* owned; NULL allows all */
  time_t read_at;          /* world clock */
  struct ng__robots_entry *next;
};

void
ng__fetch_cache_free(ng_world *world)
{
  while (world->robots_cache) {
    struct ng__robots_entry *e = world->robots_cache;
    world->robots_cache = e->next;
    ng__robots_free(e->rules);
    free(e->key);
    free(e);
  }
}

/* The cache entry for @p key younger than ROBOTS_TTL, or NULL. */
static struct ng__robots_entry *
robots_cached(ng_world *world, const char *key)
{
  time_t now = ng__world_now(world);
  for (struct ng__robots_entry *e = world->robots_cache; e; e = e->next) {
    if (strcmp(e->key, key) == 0 &&
        (now < e->read_at || now - e->read_at < ROBOTS_TTL)) {
      return e;
    }
  }
  return NULL;
}

/* Keeps @p rules (taken, may be NULL: allow all) as the robots.txt of
 * @p key and returns them, now owned by the world's cache. When out of
 * memory, frees them, sets *ok false and returns NULL. */
static struct ng_robots *
robots_keep(ng_world *world, const char *key, struct ng_robots *rules,
            bool *ok)
{
  struct ng__robots_entry *e = calloc(1, sizeof *e);
  *ok = e && (e->key = strdup(key));
  if (!*ok) {
    free(e);
    ng__robots_free(rules);
    return NULL;
  }
  e->rules = rules;
  e->read_at = ng__world_now(world);
  e->next = world->robots_cache;
  world->robots_cache = e;
  return rules;
}

enum xfer_state { X_PENDING, X_ACTIVE, X_DONE };

/* One URL being fetched (or one robots.txt). */
struct xfer {
  struct ng_crawl *crawl;
  char *input;            /* URL as added (owned) */
  char *cur;              /* URL of the current hop (owned) */
  struct host *host;      /* host of cur */
  struct host *robots_for; /* a robots.txt transfer: its host */
  struct xfer *rnext;     /* robots.txt transfers in flight (crawl list) */
  bool private_host;      /* cur names a private host literal */
  CURL *h;                /* kept over hops and retries: one cookie jar */
  enum xfer_state state;
  double not_before;      /* monotonic seconds: retry wait */
  long attempts;          /* retries used */
  long hops;              /* redirects and meta refreshes followed */
  bool decode;            /* libcurl content decoding on (F04 retry off) */
  bool refused;           /* the SSRF guard refused an address */
  char refused_addr[INET6_ADDRSTRLEN];
  struct ng_buf body;     /* response body, capped */
  bool truncate;          /* stop silently at the cap (robots.txt) */
  ng_status sink_st;      /* why the write callback refused data */
  char errbuf[CURL_ERROR_SIZE];
  struct curl_slist *headers; /* conditional request headers */
  char *etag;             /* validators: sent, then received (owned) */
  char *last_modified;
  ng_status st;           /* X_DONE: the result */
  char *msg;              /* X_DONE with an error: the message (owned) */
  struct ng_doc *doc;     /* X_DONE with NG_OK: the doc (owned) */
};

/* One address a configured proxy has: the guard lets it through. */
struct proxy_addr {
  int family;
  unsigned char addr[16];
};

struct ng_crawl {
  ng_world *world;
  CURLM *multi;
  long jobs;              /* transfers at once */
  double delay;           /* seconds between request starts per host */
  long retries;
  char agent[64];         /* product token for robots.txt */
  struct xfer **items;    /* URLs in the order added */
  size_t n, cap;
  size_t next_out;        /* the next item ng_crawl_next() returns */
  struct xfer *last;      /* the item last returned */
  struct host *hosts;
  struct xfer *robots;    /* robots.txt transfers in flight */
  int active;             /* transfers in flight */
  struct proxy_addr *proxies;
  size_t n_proxies;
};

/* ---------------------------------------------------------------- guard */

/* CURLOPT_OPENSOCKETFUNCTION: every address libcurl connects to, after
 * DNS and on every redirect, passes here (so DNS rebinding cannot slip a
 * private address past a check made on the name). */
static curl_socket_t
open_socket(void *clientp, curlsocktype purpose, struct curl_sockaddr *a)
{
  struct xfer *x = clientp;
  struct ng_crawl *c = x->crawl;
  const void *ip = NULL;
  if (a->family == AF_INET) {
    ip = &((const struct sockaddr_in *)(const void *)&a->addr)->sin_addr;
  } else if (a->family == AF_INET6) {
    ip = &((const struct sockaddr_in6 *)(const void *)&a->addr)->sin6_addr;
  }
  if (!c->world->allow_private && purpose == CURLSOCKTYPE_IPCXN &&
      (!ip || ng__crawl_addr_is_private(a->family, ip))) {
    bool proxy = false;
    size_t len = a->family == AF_INET ? 4 : 16;
    for (size_t i = 0; ip && i < c->n_proxies; i++) {
      proxy = proxy || (c->proxies[i].family == a->family &&
                        memcmp(c->proxies[i].addr, ip, len) == 0);
    }
    if (!proxy) {
      x->refused = true;
      if (!ip || !inet_ntop(a->family, ip, x->refused_addr,
                            sizeof x->refused_addr)) {
        snprintf(x->refused_addr, sizeof x->refused_addr, "?");
      }
      return CURL_SOCKET_BAD;
    }
  }
  return socket(a->family, a->socktype, a->protocol);
}

/* Adds the addresses of the proxies named in the environment (as libcurl
 * reads it) to c->proxies: a proxy on a private address is the user's
 * own choice, and the guard lets connections to it through. */
static void
find_proxies(struct ng_crawl *c)
{
  static const char *const vars[] = {"http_proxy", "https_proxy",
                                     "HTTPS_PROXY", "all_proxy",
                                     "ALL_PROXY"};
  for (size_t i = 0; i < ARRAY_LEN(vars); i++) {
    const char *v = getenv(vars[i]);
    if (!v || !*v) {
      continue;
    }
    CURLU *u = curl_url();
    char *host = NULL;
    if (u && curl_url_set(u, CURLUPART_URL, v, CURLU_GUESS_SCHEME) ==
                 CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
      size_t hl = strlen(host);
      if (hl >= 2 && host[0] == '[') {
        memmove(host, host + 1, hl - 2);
        host[hl - 2] = '\0';
      }
      struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res = NULL;
      if (getaddrinfo(host, NULL, &hints, &res) == 0) {
        for (struct addrinfo *r = res; r; r = r->ai_next) {
          struct proxy_addr pa = {.family = r->ai_family};
          if (r->ai_family == AF_INET) {
            memcpy(pa.addr, &((struct sockaddr_in *)(void *)r->ai_addr)
                                 ->sin_addr, 4);
          } else if (r->ai_family == AF_INET6) {
            memcpy(pa.addr, &((struct sockaddr_in6 *)(void *)r->ai_addr)
                                 ->sin6_addr, 16);
          } else {
            continue;
          }
          struct proxy_addr *p = realloc(
              c->proxies, (c->n_proxies + 1) * sizeof *p);
          if (!p) {
            break;
          }
          c->proxies = p;
          c->proxies[c->n_proxies++] = pa;
        }
        freeaddrinfo(res);
      }
    }
    curl_free(host);
    curl_url_cleanup(u);
  }
}

/* ----------------------------------------------------------------- hosts */

/* The "scheme://host:port" of @p url in a new string, and its host part
 * in *host_out (new, may be NULL), or NULL if @p url does not parse or is
 * not http(s). */
static char *
host_key(const char *url, char **host_out)
{
  CURLU *u = curl_url();
  char *scheme = NULL, *host = NULL, *port = NULL, *key = NULL;
  if (host_out) {
    *host_out = NULL;
  }
  if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) ==
          CURLUE_OK &&
      (strcasecmp(scheme, "http") == 0 || strcasecmp(scheme, "https") == 0)) {
    struct ng_buf b;
    ng__buf_init(&b, 0);
    if (ng__buf_addf(&b, "%s://%s:%s", scheme, host, port) == NG_OK) {
      key = ng__buf_take(&b);
      for (char *p = key; p && *p; p++) {
        if (*p >= 'A' && *p <= 'Z') {
          *p = (char)(*p | 0x20);
        }
      }
    }
    if (host_out) {
      *host_out = strdup(host);
    }
  }
  curl_free(scheme);
  curl_free(host);
  curl_free(port);
  curl_url_cleanup(u);
  return key;
}

/* The path and query of @p url as sent on the request line, new. */
static char *
request_target(const char *url)
{
  CURLU *u = curl_url();
  char *path = NULL, *query = NULL, *out = NULL;
  if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_PATH, &path, 0) == CURLUE_OK) {
    curl_url_get(u, CURLUPART_QUERY, &query, 0);
    struct ng_buf b;
    ng__buf_init(&b, 0);
    if (ng__buf_addf(&b, "%s%s%s", path[0] ? path : "/", query ? "?" : "",
                     query ? query : "") == NG_OK) {
      out = ng__buf_take(&b);
    }
  }
  curl_free(path);
  curl_free(query);
  curl_url_cleanup(u);
  return out;
}

/* The host record for @p key (created), or NULL when out of memory. */
static struct host *
get_host(struct ng_crawl *c, const char *key)
{
  for (struct host *h = c->hosts; h; h = h->next) {
    if (strcmp(h->key, key) == 0) {
      return h;
    }
  }
  struct host *h = calloc(1, sizeof *h);
  if (!h || !(h->key = strdup(key))) {
    free(h);
    return NULL;
  }
  h->delay = c->delay;
  h->robots = c->world->ignore_robots ? R_READY : R_UNKNOWN;
  struct ng__robots_entry *e =
      h->robots == R_UNKNOWN ? robots_cached(c->world, key) : NULL;
  if (e) {
    h->robots = R_READY;
    h->rules = e->rules;
    double d = ng__robots_crawl_delay(e->rules);
    if (d > h->delay) {
      h->delay = d < MAX_CRAWL_DELAY ? d : MAX_CRAWL_DELAY;
    }
  }
  h->next = c->hosts;
  c->hosts = h;
  return h;
}

/* ------------------------------------------------------------- transfers */

/* Marks @p x done with status @p st and a formatted message. */
static void finish(struct xfer *x, ng_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
finish(struct xfer *x, ng_status st, const char *fmt, ...)
{
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  free(x->msg);
  x->msg = strdup(msg);
  x->st = st;
  x->state = X_DONE;
  ng__buf_free(&x->body);
}

/* CURLOPT_WRITEFUNCTION: appends to the bounded buffer; returning less
 * than given makes libcurl stop with CURLE_WRITE_ERROR, and sink_st
 * records that our own cap (or memory) fired, not a socket. */
static size_t
write_body(char *ptr, size_t size, size_t nmemb, void *userdata)
{
  struct xfer *x = userdata;
  size_t n = size * nmemb;
  if (x->sink_st != NG_OK || n == 0) {
    return 0;
  }
  if (x->truncate) {
    size_t room = x->body.cap > x->body.len ? x->body.cap - x->body.len : 0;
    if (room == 0) {
      return 0;
    }
    x->sink_st = ng__buf_add(&x->body, ptr, n < room ? n : room);
    return x->sink_st == NG_OK ? n : 0;
  }
  x->sink_st = ng__buf_add(&x->body, ptr, n);
  return x->sink_st == NG_OK ? n : 0;
}

/* True once the world's cancel hook (ng_world_set_cancel) says stop. */
static bool
cancelled(const ng_world *world)
{
  return world->cancel && world->cancel(world->cancel_handle);
}

/* CURLOPT_XFERINFOFUNCTION: a non-zero return makes libcurl stop the
 * transfer with CURLE_ABORTED_BY_CALLBACK once the cancel hook says stop,
 * even while bytes keep coming. */
static int
xfer_info(void *clientp, curl_off_t dltotal, curl_off_t dlnow,
          curl_off_t ultotal, curl_off_t ulnow)
{
  const struct xfer *x = clientp;
  (void)dltotal;
  (void)dlnow;
  (void)ultotal;
  (void)ulnow;
  return cancelled(x->crawl->world) ? 1 : 0;
}

/* Sets the options of a new handle for @p x. */
static CURLcode
setup_handle(struct xfer *x)
{
  ng_world *world = x->crawl->world;
  CURL *h = x->h;
  CURLcode rc = CURLE_OK;
  long low_time = world->timeout < 30 ? world->timeout : 30;
#define SETOPT(opt, val)                                                     \
  do {                                                                       \
    if (rc == CURLE_OK) {                                                    \
      rc = curl_easy_setopt(h, opt, val);                                    \
    }                                                                        \
  } while (0)
  SETOPT(CURLOPT_PRIVATE, x);
  SETOPT(CURLOPT_ERRORBUFFER, x->errbuf);
  SETOPT(CURLOPT_NOSIGNAL, 1L);
  /* FAULT-CASES F02: pages follow redirects here, one hop at a time, so
   * each hop passes the scheme, SSRF, robots.txt and per-host checks and
   * our own limit applies whatever libcurl's default. robots.txt lets
   * libcurl follow (RFC 9309 2.3.1.2). */
  SETOPT(CURLOPT_FOLLOWLOCATION, x->robots_for ? 1L : 0L);
  SETOPT(CURLOPT_MAXREDIRS, (long)ROBOTS_MAX_REDIRS);
  /* raptor_www_curl.c: never let a URL or redirect reach file:, ftp:. */
  SETOPT(CURLOPT_PROTOCOLS_STR, "http,https");
  SETOPT(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  /* FAULT-CASES F05: "" lists only the encodings this build decodes;
   * libcurl then decodes exactly once. The header is never set by hand. */
  SETOPT(CURLOPT_ACCEPT_ENCODING, "");
  /* FAULT-CASES F06: a connect timeout alone lets a stalled peer hang the
   * transfer; bound the total time and the idle time too. */
  SETOPT(CURLOPT_CONNECTTIMEOUT, world->connect_timeout);
  SETOPT(CURLOPT_TIMEOUT, world->timeout);
  SETOPT(CURLOPT_LOW_SPEED_LIMIT, 1L);
  SETOPT(CURLOPT_LOW_SPEED_TIME, low_time);
  if (!x->robots_for) {
    SETOPT(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)world->max_bytes);
  }
  SETOPT(CURLOPT_WRITEFUNCTION, write_body);
  SETOPT(CURLOPT_WRITEDATA, x);
  SETOPT(CURLOPT_USERAGENT, world->user_agent);
  SETOPT(CURLOPT_SSL_VERIFYPEER, 1L);
  SETOPT(CURLOPT_SSL_VERIFYHOST, 2L);
  /* An in-memory cookie engine per URL fetched: consent and redirect
   * dances work, and cookies never travel between the URLs of a crawl. */
  SETOPT(CURLOPT_COOKIEFILE, "");
  SETOPT(CURLOPT_OPENSOCKETFUNCTION, open_socket);
  SETOPT(CURLOPT_OPENSOCKETDATA, x);
  SETOPT(CURLOPT_XFERINFOFUNCTION, xfer_info);
  SETOPT(CURLOPT_XFERINFODATA, x);
  SETOPT(CURLOPT_NOPROGRESS, 0L);
#undef SETOPT
  return rc;
}

/* Starts (or restarts, for the next hop or a retry) @p x now. */
static void
start(struct ng_crawl *c, struct xfer *x)
{
  CURLcode rc = CURLE_OK;
  if (!x->h) {
    x->h = curl_easy_init();
    rc = x->h ? setup_handle(x) : CURLE_OUT_OF_MEMORY;
  }
  ng__buf_free(&x->body);
  ng__buf_init(&x->body, x->robots_for ? ROBOTS_MAX_BYTES
                                       : c->world->max_bytes);
  x->truncate = x->robots_for != NULL;
  x->sink_st = NG_OK;
  x->refused = false;
  x->errbuf[0] = '\0';
  if (rc == CURLE_OK) {
    rc = curl_easy_setopt(x->h, CURLOPT_URL, x->cur);
  }
  if (rc == CURLE_OK) {
    rc = curl_easy_setopt(x->h, CURLOPT_HTTP_CONTENT_DECODING,
                          x->decode ? 1L : 0L);
  }
  if (rc == CURLE_OK && x->headers) {
    rc = curl_easy_setopt(x->h, CURLOPT_HTTPHEADER, x->headers);
  }
  if (rc != CURLE_OK || curl_multi_add_handle(c->multi, x->h) != CURLM_OK) {
    finish(x, NG_ERR_FETCH, "cannot fetch %s: %s", x->input,
           rc != CURLE_OK ? curl_easy_strerror(rc) : "cannot start");
    return;
  }
  double now = ng__monotonic();
  x->state = X_ACTIVE;
  x->host->active++;
  c->active++;
  if (!x->robots_for) {
    double gap = x->host->delay;
    x->host->next_start = now + gap;
  }
}

/* Puts @p x back in the queue, to start no earlier than @p wait seconds
 * from now. */
static void
requeue(struct xfer *x, double wait)
{
  x->state = X_PENDING;
  x->not_before = ng__monotonic() + wait;
}

/* Starts the robots.txt transfer of host @p h. */
static void
start_robots(struct ng_crawl *c, struct host *h)
{
  struct xfer *r = calloc(1, sizeof *r);
  struct ng_buf url;
  ng__buf_init(&url, 0);
  if (!r || ng__buf_addf(&url, "%s/robots.txt", h->key) != NG_OK) {
    free(r);
    ng__buf_free(&url);
    h->robots = R_FAILED;
    h->robots_err = strdup("out of memory");
    return;
  }
  r->crawl = c;
  r->cur = ng__buf_take(&url);
  r->input = r->cur ? strdup(r->cur) : NULL;
  r->host = h;
  r->robots_for = h;
  r->decode = true;
  h->robots = R_FETCHING;
  if (!r->cur || !r->input) {
    free(r->cur);
    free(r->input);
    free(r);
    h->robots = R_FAILED;
    h->robots_err = strdup("out of memory");
    return;
  }
  start(c, r);
  if (r->state != X_DONE) {
    r->rnext = c->robots;
    c->robots = r;
  } else {
    h->robots = R_FAILED;
    h->robots_err = r->msg ? strdup(r->msg) : NULL;
    free(r->msg);
    free(r->cur);
    free(r->input);
    if (r->h) {
      curl_easy_cleanup(r->h);
    }
    free(r);
  }
}

static void
xfer_free(struct ng_crawl *c, struct xfer *x)
{
  if (!x) {
    return;
  }
  if (x->h) {
    if (x->state == X_ACTIVE) {
      curl_multi_remove_handle(c->multi, x->h);
    }
    curl_easy_cleanup(x->h);
  }
  ng__buf_free(&x->body);
  curl_slist_free_all(x->headers);
  free(x->input);
  free(x->cur);
  free(x->etag);
  free(x->last_modified);
  free(x->msg);
  ng_doc_free(x->doc);
  free(x);
}

/* Moves @p x to URL @p next (a redirect or a meta refresh), checking the
 * hop limit and the scheme. */
static void
follow(struct ng_crawl *c, struct xfer *x, const char *next, long status,
       const char *what)
{
  char *host = NULL;
  char *key = host_key(next, &host);
  bool private_host = host && ng__crawl_host_is_private(host);
  free(host);
  if (++x->hops > c->world->max_redirs) {
    finish(x, NG_ERR_FETCH,
           "cannot fetch %s: more than %ld redirects (the last %s from %s)",
           x->input, c->world->max_redirs, what, x->cur);
  } else if (!key) {
    finish(x, NG_ERR_FETCH,
           "cannot fetch %s: %s to a scheme other than http or https "
           "refused (%s, HTTP %ld from %s)",
           x->input, what, next, status, x->cur);
  } else {
    struct host *h = get_host(c, key);
    char *copy = strdup(next);
    if (!h || !copy) {
      free(copy);
      finish(x, NG_ERR_NOMEM, "cannot fetch %s: out of memory", x->input);
    } else {
      free(x->cur);
      x->cur = copy;
      x->host = h;
      x->private_host = private_host;
      x->attempts = 0;
      requeue(x, 0);
    }
  }
  free(key);
}

/* The absolute, percent-encoded target of the Location header of the
 * response on @p x (FAULT-CASES F07), new, or NULL. */
static char *
location_of(struct xfer *x)
{
  struct curl_header *hdr = NULL;
  if (curl_easy_header(x->h, "Location", 0, CURLH_HEADER, -1, &hdr) !=
          CURLHE_OK ||
      !hdr->value || !hdr->value[0]) {
    return NULL;
  }
  char *esc = ng__crawl_uri_escape(hdr->value);
  CURLU *u = curl_url();
  char *abs = NULL, *out = NULL;
  if (esc && u && curl_url_set(u, CURLUPART_URL, x->cur, 0) == CURLUE_OK &&
      curl_url_set(u, CURLUPART_URL, esc, CURLU_NON_SUPPORT_SCHEME) ==
          CURLUE_OK &&
      curl_url_get(u, CURLUPART_URL, &abs, 0) == CURLUE_OK) {
    out = strdup(abs);
  }
  if (!out && esc) {
    out = strdup(esc); /* unparsable: reported with the scheme check */
  }
  curl_free(abs);
  curl_url_cleanup(u);
  free(esc);
  return out;
}

/* A copy of header @p name of the last response, or NULL. */
static char *
header_copy(struct xfer *x, const char *name)
{
  struct curl_header *hdr = NULL;
  if (curl_easy_header(x->h, name, 0, CURLH_HEADER, -1, &hdr) != CURLHE_OK ||
      !hdr->value) {
    return NULL;
  }
  return strdup(hdr->value);
}

/* A copy of the validator header @p name (ETag, Last-Modified), or NULL
 * when absent, longer than 256 bytes or not printable ASCII (RFC 9110
 * 8.8.3 and 5.6.7: both are visible ASCII; anything else is not sent
 * back). */
static char *
validator_copy(struct xfer *x, const char *name)
{
  char *v = header_copy(x, name);
  size_t n = v ? strlen(v) : 0;
  bool ok = n > 0 && n <= 256;
  for (size_t i = 0; ok && i < n; i++) {
    ok = v[i] >= 0x20 && v[i] < 0x7f;
  }
  if (!ok) {
    free(v);
    return NULL;
  }
  return v;
}

/* True for transport errors worth another try. */
static bool
transient(CURLcode rc)
{
  /* A refused connection or an unknown name is not worth the wait. */
  return rc == CURLE_OPERATION_TIMEDOUT || rc == CURLE_GOT_NOTHING ||
         rc == CURLE_SEND_ERROR || rc == CURLE_RECV_ERROR ||
         rc == CURLE_PARTIAL_FILE || rc == CURLE_HTTP2 ||
         rc == CURLE_HTTP2_STREAM;
}

/* True for HTTP statuses worth another try. */
static bool
retry_status(long status)
{
  return status == 408 || status == 429 || status == 500 || status == 502 ||
         status == 503 || status == 504;
}

/* Waits before retry number @p attempt (0-based): 1, 2, 4 ... seconds. */
static double
backoff(long attempt)
{
  double w = 1;
  for (long i = 0; i < attempt && w < MAX_RETRY_WAIT; i++) {
    w *= 2;
  }
  return w < MAX_RETRY_WAIT ? w : MAX_RETRY_WAIT;
}

/* The robots.txt transfer of a host is done. */
static void
robots_done(struct ng_crawl *c, struct xfer *x, CURLcode rc, long status)
{
  struct host *h = x->robots_for;
  char why[CURL_ERROR_SIZE + 128];
  if (rc != CURLE_OK && x->refused) {
    snprintf(why, sizeof why,
             "refused to connect to %s, a private, loopback or link-local "
             "address (--allow-private allows it)", x->refused_addr);
  } else if (rc != CURLE_OK) {
    snprintf(why, sizeof why, "%s (reading robots.txt)",
             x->errbuf[0] ? x->errbuf : curl_easy_strerror(rc));
  } else if (status >= 200 && status < 300) {
    struct ng_robots *rules = NULL;
    if (ng__robots_parse(x->body.data ? x->body.data : "", x->body.len,
                         c->agent, &rules) != NG_OK) {
      snprintf(why, sizeof why, "robots.txt: out of memory");
    } else {
      bool ok;
      h->rules = robots_keep(c->world, h->key, rules, &ok);
      if (!ok) {
        h->robots = R_FAILED;
        h->robots_err = strdup("robots.txt: out of memory");
        return;
      }
      h->robots = R_READY;
      double d = ng__robots_crawl_delay(rules);
      if (d > h->delay) {
        h->delay = d < MAX_CRAWL_DELAY ? d : MAX_CRAWL_DELAY;
      }
      return;
    }
  } else if (status >= 400 && status < 500 && status != 429) {
    bool ok;
    (void)robots_keep(c->world, h->key, NULL, &ok);
    h->robots = R_READY; /* RFC 9309 2.3.1.3: unavailable, allow all */
    return;
  } else {
    snprintf(why, sizeof why,
             "robots.txt answered HTTP %ld, so the site is treated as "
             "disallowed (RFC 9309 2.3.1.4; --ignore-robots skips it)",
             status);
  }
  h->robots = R_FAILED;
  h->robots_err = strdup(why);
}

/* True for media types that are never an article or a feed. */
static bool
not_a_page(const char *ctype)
{
  static const char *const types[] = {"image/", "audio/", "video/", "font/",
                                      "application/pdf", "application/zip"};
  while (*ctype == ' ') {
    ctype++;
  }
  for (size_t i = 0; i < ARRAY_LEN(types); i++) {
    if (strncasecmp(ctype, types[i], strlen(types[i])) == 0) {
      return true;
    }
  }
  return false;
}

/* Makes the doc of a fetched page; finishes @p x. */
static void
make_doc(struct ng_crawl *c, struct xfer *x, long status)
{
  ng_world *world = c->world;
  size_t len = x->body.len;
  char *body = ng__buf_take(&x->body);
  char *ctype = NULL;
  char *ct = NULL;
  curl_easy_getinfo(x->h, CURLINFO_CONTENT_TYPE, &ct);
  if (!body || (ct && !(ctype = strdup(ct)))) {
    free(body);
    finish(x, NG_ERR_NOMEM, "cannot fetch %s: out of memory", x->input);
    return;
  }
  if (len >= 2 && (unsigned char)body[0] == 0x1f &&
      (unsigned char)body[1] == 0x8b) {
    /* FAULT-CASES F04: libcurl already removed any Content-Encoding, so
     * gzip bytes here are the resource itself. Only a .gz resource is
     * meant to be a compressed file; anything else would be a second,
     * wrong decode. */
    size_t n = strcspn(x->cur, "?#");
    bool gz = n >= 3 && strncasecmp(x->cur + n - 3, ".gz", 3) == 0;
    struct curl_header *ce = NULL;
    if (!x->decode &&
        curl_easy_header(x->h, "Content-Encoding", 0, CURLH_HEADER, -1,
                         &ce) == CURLHE_OK &&
        ce->value && strcasestr(ce->value, "gzip")) {
      gz = true; /* libcurl did not decode: this is the one decode */
    }
    char *plain = NULL;
    size_t plen = 0;
    ng_status st = gz ? ng__input_gunzip(world, x->input, body, len,
                                         world->max_bytes, &plain, &plen)
                      : NG_ERR_PARSE;
    free(body);
    if (st != NG_OK) {
      free(ctype);
      if (gz) {
        finish(x, st, "%s", world->errmsg);
      } else {
        finish(x, NG_ERR_PARSE, "cannot fetch %s: body is compressed data",
               x->input);
      }
      return;
    }
    body = plain;
    len = plen;
    if (len >= 2 && (unsigned char)body[0] == 0x1f &&
        (unsigned char)body[1] == 0x8b) {
      free(body);
      free(ctype);
      finish(x, NG_ERR_PARSE, "cannot fetch %s: body is compressed twice",
             x->input);
      return;
    }
  }
  if (ctype && not_a_page(ctype)) {
    free(body);
    finish(x, NG_ERR_PARSE, "cannot fetch %s: not a web page (Content-Type "
           "%s)", x->input, ctype);
    free(ctype);
    return;
  }
  if (ng__input_looks_binary(body, len)) {
    /* as for a file: random bytes served as text/html are no article */
    free(body);
    free(ctype);
    finish(x, NG_ERR_PARSE, "cannot fetch %s: not a text or HTML document "
           "(binary data)", x->input);
    return;
  }
  bool plain_ct = ctype && strncasecmp(ctype, "text/plain", 10) == 0;
  bool markup = ng__input_is_markup(body, len);
  if (markup && !plain_ct) {
    struct ng_page_verdict v;
    ng_status st = ng__crawl_classify(body, len, x->cur, &v);
    if (st != NG_OK) {
      free(body);
      free(ctype);
      finish(x, st, "cannot fetch %s: out of memory", x->input);
      return;
    }
    if (v.kind == NG_PAGE_REFRESH) {
      /* FAULT-CASES F09 (a): a stub that only sends the reader on. */
      free(body);
      free(ctype);
      follow(c, x, v.refresh_url, status, "meta refresh");
      ng__crawl_verdict_clear(&v);
      return;
    }
    if (v.kind != NG_PAGE_ARTICLE) {
      /* FAULT-CASES F08: never an article. */
      free(body);
      free(ctype);
      finish(x, NG_ERR_PARSE, "%s (HTTP %ld from %s)",
             ng__crawl_page_reason(v.kind), status, x->cur);
      ng__crawl_verdict_clear(&v);
      return;
    }
    ng__crawl_verdict_clear(&v);
  }
  struct ng_doc *doc = ng__doc_new(x->input);
  char *final_url = strdup(x->cur);
  if (!doc || !final_url) {
    free(body);
    free(ctype);
    free(final_url);
    ng_doc_free(doc);
    finish(x, NG_ERR_NOMEM, "cannot fetch %s: out of memory", x->input);
    return;
  }
  doc->raw = body;
  doc->raw_len = len;
  doc->content_type = ctype;
  doc->final_url = final_url;
  doc->http_status = status;
  doc->is_plain_text = plain_ct ? !markup : (!ctype && !markup);
  doc->retrieved_at = ng__world_now(world);
  free(x->etag);
  free(x->last_modified);
  x->etag = validator_copy(x, "ETag");
  x->last_modified = validator_copy(x, "Last-Modified");
  doc->requested_url = strdup(x->input);
  doc->etag = x->etag ? strdup(x->etag) : NULL;
  doc->last_modified = x->last_modified ? strdup(x->last_modified) : NULL;
  if (!doc->requested_url || (x->etag && !doc->etag) ||
      (x->last_modified && !doc->last_modified)) {
    ng_doc_free(doc);
    finish(x, NG_ERR_NOMEM, "cannot fetch %s: out of memory", x->input);
    return;
  }
  x->doc = doc;
  x->st = NG_OK;
  x->state = X_DONE;
}

/* A transfer is done: decide what comes next for @p x. */
static void
done(struct ng_crawl *c, struct xfer *x, CURLcode rc)
{
  ng_world *world = c->world;
  long status = 0;
  curl_multi_remove_handle(c->multi, x->h);
  x->state = X_PENDING;
  x->host->active--;
  c->active--;
  curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &status);
  if (rc == CURLE_ABORTED_BY_CALLBACK && cancelled(world)) {
    /* A robots.txt left unread is not a verdict on the host. */
    finish(x, NG_ERR_FETCH, "cannot fetch %s: interrupted", x->input);
    return;
  }
  if (x->robots_for) {
    robots_done(c, x, rc, status);
    x->state = X_DONE;
    return;
  }
  if ((rc == CURLE_BAD_CONTENT_ENCODING ||
       (rc == CURLE_WRITE_ERROR && x->sink_st == NG_OK)) &&
      x->decode) {
    /* FAULT-CASES F04: (a) the server claims an encoding its bytes do not
     * have, or (b) libcurl's decoder stops at the second member of a
     * multi-member gzip body. Retry once without decoding; make_doc()
     * then decodes gzip itself (all members) or keeps a plain body. */
    ng__warnf(world, "%s: %s, retrying without decoding", x->cur,
              rc == CURLE_BAD_CONTENT_ENCODING ? "bad Content-Encoding"
                                               : "content decoding failed");
    x->decode = false;
    requeue(x, 0);
    return;
  }
  if (rc != CURLE_OK) {
    const char *why = x->errbuf[0] ? x->errbuf : curl_easy_strerror(rc);
    if (x->refused) {
      finish(x, NG_ERR_FETCH,
             "cannot fetch %s: refused to connect to %s, a private, "
             "loopback or link-local address (--allow-private allows it)",
             x->input, x->refused_addr);
    } else if (x->sink_st == NG_ERR_TOO_LARGE ||
               rc == CURLE_FILESIZE_EXCEEDED) {
      finish(x, NG_ERR_TOO_LARGE, "cannot fetch %s: body is larger than %zu "
             "bytes", x->input, world->max_bytes);
    } else if (x->sink_st != NG_OK) {
      finish(x, x->sink_st, "cannot fetch %s: out of memory", x->input);
    } else if (transient(rc) && x->attempts < c->retries) {
      double wait = backoff(x->attempts++);
      ng__warnf(world, "%s: %s; retry %ld of %ld in %.0f s", x->cur, why,
                x->attempts, c->retries, wait);
      requeue(x, wait);
    } else if (!x->decode) {
      finish(x, NG_ERR_FETCH, "cannot fetch %s: body does not match its "
             "Content-Encoding (%s)", x->input, why);
    } else {
      finish(x, NG_ERR_FETCH, "cannot fetch %s: %s", x->input, why);
    }
    return;
  }
  if (status == 301 || status == 302 || status == 303 || status == 307 ||
      status == 308) {
    char *next = location_of(x);
    if (next) {
      follow(c, x, next, status, "redirect");
      free(next);
      return;
    }
  }
  if (status == 304 && (x->etag || x->last_modified)) {
    finish(x, NG_NOT_FOUND, "%s: not modified since the last fetch "
           "(HTTP 304)", x->input);
    return;
  }
  if (retry_status(status) && x->attempts < c->retries) {
    curl_off_t after = -1;
    curl_easy_getinfo(x->h, CURLINFO_RETRY_AFTER, &after);
    double wait = backoff(x->attempts);
    if (after > 0) {
      wait = (double)after;
    }
    if (wait > MAX_RETRY_WAIT) {
      finish(x, NG_ERR_HTTP, "HTTP %ld from %s (Retry-After %.0f s is over "
             "the %d s limit)", status, x->cur, wait, MAX_RETRY_WAIT);
      return;
    }
    {
      x->attempts++;
      ng__warnf(world, "%s: HTTP %ld; retry %ld of %ld in %.0f s", x->cur,
                status, x->attempts, c->retries, wait);
      /* The host asked everyone to wait, not only this URL. */
      if (ng__monotonic() + wait > x->host->next_start) {
        x->host->next_start = ng__monotonic() + wait;
      }
      requeue(x, wait);
      return;
    }
  }
  if (status >= 300) {
    const char *reason = "";
    struct ng_page_verdict v = {.kind = NG_PAGE_ARTICLE};
    if (x->body.len > 0 &&
        ng__crawl_classify(x->body.data, x->body.len, x->cur, &v) == NG_OK) {
      reason = ng__crawl_page_reason(v.kind);
      ng__crawl_verdict_clear(&v);
    }
    if (status == 407 && !reason[0]) {
      reason = "proxy authentication required";
    }
    finish(x, status >= 400 ? NG_ERR_HTTP : NG_ERR_FETCH,
           "HTTP %ld from %s%s%s%s", status, x->cur, reason[0] ? " (" : "",
           reason, reason[0] ? ")" : "");
    return;
  }
  make_doc(c, x, status);
}

/* ------------------------------------------------------------ scheduling */

/* The end of the window of URLs that may run: those ng_crawl_next()
 * returns soon. It bounds how many fetched bodies wait in memory, and how
 * much of a long queue each scheduling pass looks at. */
static size_t
window_end(const struct ng_crawl *c)
{
  size_t window = (size_t)c->jobs * WINDOW_PER_JOB;
  size_t end = c->next_out + (window < 16 ? 16 : window);
  return end < c->n ? end : c->n;
}

/* Starts what may start now among the URLs in the window. */
static void
schedule(struct ng_crawl *c)
{
  double now = ng__monotonic();
  size_t end = window_end(c);
  for (size_t i = c->next_out; i < end && c->active < c->jobs; i++) {
    struct xfer *x = c->items[i];
    if (x->state != X_PENDING || x->not_before > now) {
      continue;
    }
    struct host *h = x->host;
    if (x->private_host && !c->world->allow_private) {
      finish(x, NG_ERR_FETCH,
             "cannot fetch %s: %s names a private, loopback or link-local "
             "host (--allow-private allows it)", x->input, x->cur);
      continue;
    }
    if (h->robots == R_UNKNOWN) {
      if (h->active < PER_HOST) {
        start_robots(c, h);
      }
      continue;
    }
    if (h->robots == R_FETCHING) {
      continue;
    }
    if (h->robots == R_FAILED) {
      finish(x, NG_ERR_FETCH, "cannot fetch %s: %s", x->input,
             h->robots_err ? h->robots_err : "robots.txt failed");
      continue;
    }
    if (!c->world->ignore_robots) {
      char *target = request_target(x->cur);
      bool ok = !target || ng__robots_allowed(h->rules, target);
      free(target);
      if (!ok) {
        finish(x, NG_ERR_FETCH,
               "cannot fetch %s: %s is disallowed by %s/robots.txt for %s "
               "(--ignore-robots skips it)", x->input, x->cur, h->key,
               c->agent);
        continue;
      }
    }
    /* The per-host delay spaces out fetches; the hops of one fetch
     * (redirects, a meta refresh) follow at once, as a browser does. */
    if (h->active >= PER_HOST || (x->hops == 0 && now < h->next_start)) {
      continue;
    }
    start(c, x);
  }
}

/* Milliseconds until something queued may start (at most 1000). */
static long
next_wait_ms(struct ng_crawl *c)
{
  double now = ng__monotonic(), best = now + 1;
  size_t end = window_end(c);
  for (size_t i = c->next_out; i < end; i++) {
    struct xfer *x = c->items[i];
    if (x->state != X_PENDING) {
      continue;
    }
    double t = x->not_before > x->host->next_start ? x->not_before
                                                   : x->host->next_start;
    if (t < best) {
      best = t;
    }
  }
  long ms = (long)((best - now) * 1000) + 1;
  return ms < 1 ? 1 : ms > 1000 ? 1000 : ms;
}

/* Runs transfers until @p target is done, or, once the world's cancel
 * hook says stop, fails it "interrupted": the hook is asked every pass,
 * and a pass waits at most a second (next_wait_ms), so a stalled peer or
 * a retry wait holds a cancelled run for about a second at most. */
static ng_status
drive(struct ng_crawl *c, struct xfer *target)
{
  while (target->state != X_DONE) {
    if (cancelled(c->world)) {
      if (target->state == X_ACTIVE) {
        curl_multi_remove_handle(c->multi, target->h);
        target->host->active--;
        c->active--;
      }
      finish(target, NG_ERR_FETCH, "cannot fetch %s: interrupted",
             target->input);
      break;
    }
    schedule(c);
    if (target->state == X_DONE) {
      break;
    }
    int running = 0;
    CURLMcode mc = curl_multi_perform(c->multi, &running);
    if (mc != CURLM_OK) {
      return ng__errorf(c->world, NG_ERR_FETCH, "libcurl: %s",
                        curl_multi_strerror(mc));
    }
    CURLMsg *m;
    int left;
    while ((m = curl_multi_info_read(c->multi, &left)) != NULL) {
      if (m->msg != CURLMSG_DONE) {
        continue;
      }
      char *priv = NULL;
      curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &priv);
      struct xfer *x = (struct xfer *)(void *)priv;
      CURLcode rc = m->data.result;
      done(c, x, rc);
      if (x->robots_for) {
        for (struct xfer **pp = &c->robots; *pp; pp = &(*pp)->rnext) {
          if (*pp == x) {
            *pp = x->rnext;
            break;
          }
        }
        xfer_free(c, x);
      }
    }
    if (target->state == X_DONE) {
      break;
    }
    schedule(c);
    if (target->state == X_DONE) {
      break;
    }
    mc = curl_multi_poll(c->multi, NULL, 0, (int)next_wait_ms(c), NULL);
    if (mc != CURLM_OK) {
      return ng__errorf(c->world, NG_ERR_FETCH, "libcurl: %s",
                        curl_multi_strerror(mc));
    }
  }
  return NG_OK;
}

/* ------------------------------------------------------------ public API */

ng_status
ng_crawl_new(ng_world *world, ng_crawl **out)
{
  if (!out) {
    return NG_ERR_ARG;
  }
  *out = NULL;
  if (!world) {
    return NG_ERR_ARG;
  }
  struct ng_crawl *c = calloc(1, sizeof *c);
  if (!c) {
    return ng__errorf(world, NG_ERR_NOMEM, "out of memory starting a crawl");
  }
  c->world = world;
  c->jobs = world->fetch_jobs > 0 ? world->fetch_jobs : 1;
  c->delay = world->fetch_delay_ms == 0 ? DEFAULT_DELAY_MS / 1000.0
             : world->fetch_delay_ms < 0 ? 0
                                         : (double)world->fetch_delay_ms /
                                               1000.0;
  c->retries = world->fetch_retries == 0 ? DEFAULT_RETRIES
               : world->fetch_retries < 0 ? 0
                                          : world->fetch_retries;
  /* The product token: the User-Agent up to '/' or a space. */
  const char *ua = world->user_agent ? world->user_agent : "newsgraph";
  size_t tl = strcspn(ua, "/ ");
  snprintf(c->agent, sizeof c->agent, "%.*s", (int)(tl < 63 ? tl : 63), ua);
  c->multi = curl_multi_init();
  if (!c->multi) {
    free(c);
    return ng__errorf(world, NG_ERR_FETCH, "cannot start libcurl");
  }
  curl_multi_setopt(c->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)PER_HOST);
  curl_multi_setopt(c->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                    c->jobs + PER_HOST);
  if (!world->allow_private) {
    find_proxies(c);
  }
  *out = c;
  return NG_OK;
}

ng_status
ng_crawl_add(ng_crawl *c, const char *url, const char *etag,
             const char *last_modified)
{
  if (!c || !url) {
    return NG_ERR_ARG;
  }
  if (strncasecmp(url, "http://", 7) != 0 &&
      strncasecmp(url, "https://", 8) != 0) {
    return ng__errorf(c->world, NG_ERR_ARG, "not an http(s) URL: %s", url);
  }
  char *name = NULL;
  char *key = host_key(url, &name);
  bool private_host = name && ng__crawl_host_is_private(name);
  free(name);
  /* A URL that does not parse is queued all the same and fails in its
   * turn, so callers can match ng_crawl_next() to what they added. */
  struct host *h = get_host(c, key ? key : "invalid:");
  bool bad = !key;
  free(key);
  struct xfer *x = calloc(1, sizeof *x);
  if (!h || !x) {
    free(x);
    return ng__errorf(c->world, NG_ERR_NOMEM, "out of memory adding %s", url);
  }
  x->crawl = c;
  x->host = h;
  x->private_host = private_host;
  x->decode = true;
  x->input = strdup(url);
  x->cur = ng__crawl_uri_escape(url);
  ng_status st = x->input && x->cur ? NG_OK : NG_ERR_NOMEM;
  struct ng_buf hb;
  ng__buf_init(&hb, 0);
  if (st == NG_OK && etag && *etag) {
    x->etag = strdup(etag);
    st = x->etag ? ng__buf_addf(&hb, "If-None-Match: %s", etag)
                 : NG_ERR_NOMEM;
    char *line = st == NG_OK ? ng__buf_take(&hb) : NULL;
    struct curl_slist *l = line ? curl_slist_append(x->headers, line) : NULL;
    free(line);
    st = l ? NG_OK : NG_ERR_NOMEM;
    x->headers = l ? l : x->headers;
  }
  if (st == NG_OK && last_modified && *last_modified) {
    x->last_modified = strdup(last_modified);
    st = x->last_modified
             ? ng__buf_addf(&hb, "If-Modified-Since: %s", last_modified)
             : NG_ERR_NOMEM;
    char *line = st == NG_OK ? ng__buf_take(&hb) : NULL;
    struct curl_slist *l = line ? curl_slist_append(x->headers, line) : NULL;
    free(line);
    st = l ? NG_OK : NG_ERR_NOMEM;
    x->headers = l ? l : x->headers;
  }
  ng__buf_free(&hb);
  if (st == NG_OK && bad) {
    finish(x, NG_ERR_ARG, "cannot fetch %s: not a valid URL", url);
  }
  if (st == NG_OK && c->n == c->cap) {
    size_t ncap = c->cap ? 2 * c->cap : 16;
    struct xfer **p = realloc(c->items, ncap * sizeof *p);
    if (p) {
      c->items = p;
      c->cap = ncap;
    } else {
      st = NG_ERR_NOMEM;
    }
  }
  if (st != NG_OK) {
    xfer_free(c, x);
    return ng__errorf(c->world, st, "out of memory adding %s", url);
  }
  c->items[c->n++] = x;
  return NG_OK;
}

ng_status
ng_crawl_next(ng_crawl *c, const char **url, ng_doc **out)
{
  if (url) {
    *url = NULL;
  }
  if (out) {
    *out = NULL;
  }
  if (!c || !out) {
    return NG_ERR_ARG;
  }
  if (c->last) {
    xfer_free(c, c->last);
    c->last = NULL;
  }
  if (c->next_out >= c->n) {
    return NG_NOT_FOUND;
  }
  struct xfer *x = c->items[c->next_out];
  ng_status st = drive(c, x);
  if (st != NG_OK) {
    return st;
  }
  c->items[c->next_out++] = NULL;
  c->last = x;
  if (url) {
    *url = x->input;
  }
  if (x->st == NG_OK) {
    *out = x->doc;
    x->doc = NULL;
    return NG_OK;
  }
  return ng__errorf(c->world, x->st, "%s", x->msg ? x->msg : "out of memory");
}

void
ng_crawl_validators(const ng_crawl *c, const char **etag,
                    const char **last_modified)
{
  const struct xfer *x = c ? c->last : NULL;
  bool ok = x && x->st == NG_OK;
  if (etag) {
    *etag = ok ? x->etag : NULL;
  }
  if (last_modified) {
    *last_modified = ok ? x->last_modified : NULL;
  }
}

void
ng_crawl_free(ng_crawl *c)
{
  if (!c) {
    return;
  }
  xfer_free(c, c->last);
  for (size_t i = c->next_out; i < c->n; i++) {
    xfer_free(c, c->items[i]);
  }
  free(c->items);
  while (c->robots) {
    struct xfer *r = c->robots;
    c->robots = r->rnext;
    xfer_free(c, r);
  }
  curl_multi_cleanup(c->multi);
  while (c->hosts) {
    struct host *h = c->hosts;
    c->hosts = h->next;
    free(h->robots_err);
    free(h->key);
    free(h);
  }
  free(c->proxies);
  free(c);
}

ng_status
ng__fetch_url(ng_world *world, const char *url, struct ng_doc *doc)
{
  ng_crawl *c = NULL;
  ng_doc *got = NULL;
  ng_status st = ng_crawl_new(world, &c);
  if (st == NG_OK) {
    st = ng_crawl_add(c, url, NULL, NULL);
  }
  if (st == NG_OK) {
    st = ng_crawl_next(c, NULL, &got);
  }
  if (st == NG_OK) {
    /* The doc the caller made keeps its identity; take the input. */
    doc->raw = got->raw;
    doc->raw_len = got->raw_len;
    doc->content_type = got->content_type;
    doc->final_url = got->final_url;
    doc->http_status = got->http_status;
    doc->is_plain_text = got->is_plain_text;
    doc->retrieved_at = got->retrieved_at;
    doc->requested_url = got->requested_url;
    doc->etag = got->etag;
    doc->last_modified = got->last_modified;
    got->raw = NULL;
    got->content_type = NULL;
    got->final_url = NULL;
    got->requested_url = NULL;
    got->etag = NULL;
    got->last_modified = NULL;
    ng_doc_free(got);
  }
  ng_crawl_free(c);
  return st;
}
