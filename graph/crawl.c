/* SPDX-License-Identifier: MIT */
/* Crawl policy without I/O: robots.txt (RFC 9309), SSRF address classes,
 * Location escaping, and page verdicts (walls, meta refresh) on libxml2's
 * HTML tree. fetch.c applies them to transfers. */
#include "crawl.h"

#include "buf.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

/* RFC 9309 2.5: parse at least 500 KiB. */
#define ROBOTS_MAX_BYTES (512 * 1024)
/* A block with this many bytes of its own text is a paragraph of content. */
#define PARA_BYTES 150
/* Paragraphs that make a page an article whatever else it says (F09 b). */
#define ARTICLE_PARAS 5
/* Fewer paragraphs than this make a page thin (walls, refresh stubs). */
#define THIN_PARAS 2
/* At most this much visible text (bytes, outside <noscript>) on a page
 * whose meta refresh is followed: a stub that only sends the reader on,
 * never an article of short wire paragraphs (FAULT-CASES F09 (b)). */
#define STUB_TEXT_BYTES 400
/* Longest meta refresh delay still followed outside <noscript>. */
#define REFRESH_MAX_DELAY 5

/* ------------------------------------------------------------ robots.txt */

struct robots_rule {
  char *pattern; /* path pattern, '*' and final '$' special */
  size_t len;    /* bytes in pattern, the rule's priority */
  bool allow;
};

struct ng_robots {
  struct robots_rule *rules;
  size_t n, cap;
  double delay; /* Crawl-delay, seconds */
};

void
ng__robots_free(struct ng_robots *r)
{
  if (!r) {
    return;
  }
  for (size_t i = 0; i < r->n; i++) {
    free(r->rules[i].pattern);
  }
  free(r->rules);
  free(r);
}

static ng_status
robots_add(struct ng_robots *r, const char *v, size_t len, bool allow)
{
  if (r->n == r->cap) {
    size_t ncap = r->cap ? 2 * r->cap : 16;
    struct robots_rule *p = realloc(r->rules, ncap * sizeof *p);
    if (!p) {
      return NG_ERR_NOMEM;
    }
    r->rules = p;
    r->cap = ncap;
  }
  char *pat = strndup(v, len);
  if (!pat) {
    return NG_ERR_NOMEM;
  }
  r->rules[r->n++] = (struct robots_rule){pat, len, allow};
  return NG_OK;
}

/* True if the user-agent value @p v (@p len bytes) names @p agent: its
 * product token (letters, '_' and '-') equals @p agent ignoring case. */
static bool
agent_matches(const char *v, size_t len, const char *agent)
{
  size_t t = 0;
  while (t < len && (((v[t] | 0x20) >= 'a' && (v[t] | 0x20) <= 'z') ||
                     v[t] == '_' || v[t] == '-')) {
    t++;
  }
  return t > 0 && t == strlen(agent) && strncasecmp(v, agent, t) == 0;
}

/* One pass over the file: rules of the groups that match (@p star: the
 * "*" groups instead of @p agent's). Sets *found if such a group exists. */
static ng_status
robots_pass(struct ng_robots *r, const char *txt, size_t len,
            const char *agent, bool star, bool *found)
{
  bool in_agents = false; /* reading a run of user-agent lines */
  bool take = false;      /* the current group applies */
  size_t i = 0;
  *found = false;
  while (i < len) {
    size_t e = i;
    while (e < len && txt[e] != '\n' && txt[e] != '\r') {
      e++;
    }
    size_t end = e;
    const char *hash = memchr(txt + i, '#', e - i);
    if (hash) {
      end = (size_t)(hash - txt);
    }
    const char *line = txt + i;
    size_t ll = end - i;
    i = e + 1;
    while (ll > 0 && (line[0] == ' ' || line[0] == '\t')) {
      line++;
      ll--;
    }
    while (ll > 0 && (line[ll - 1] == ' ' || line[ll - 1] == '\t')) {
      ll--;
    }
    const char *colon = memchr(line, ':', ll);
    if (!colon) {
      continue;
    }
    size_t kl = (size_t)(colon - line);
    while (kl > 0 && (line[kl - 1] == ' ' || line[kl - 1] == '\t')) {
      kl--;
    }
    const char *v = colon + 1;
    size_t vl = ll - (size_t)(v - line);
    while (vl > 0 && (*v == ' ' || *v == '\t')) {
      v++;
      vl--;
    }
    if (kl == 10 && strncasecmp(line, "user-agent", 10) == 0) {
      if (!in_agents) {
        take = false;
      }
      in_agents = true;
      bool m = star ? (vl >= 1 && v[0] == '*') : agent_matches(v, vl, agent);
      if (m) {
        take = true;
        *found = true;
      }
      continue;
    }
    in_agents = false;
    if (!take) {
      continue;
    }
    if ((kl == 5 && strncasecmp(line, "allow", 5) == 0) ||
        (kl == 8 && strncasecmp(line, "disallow", 8) == 0)) {
      if (vl > 0) {
        ng_status st = robots_add(r, v, vl, kl == 5);
        if (st != NG_OK) {
          return st;
        }
      }
    } else if (kl == 11 && strncasecmp(line, "crawl-delay", 11) == 0) {
      char num[32];
      snprintf(num, sizeof num, "%.*s", (int)(vl < 31 ? vl : 31), v);
      char *endp;
      double d = strtod(num, &endp);
      if (endp != num && d > 0 && d > r->delay) {
        r->delay = d;
      }
    }
  }
  return NG_OK;
}

ng_status
ng__robots_parse(const char *txt, size_t len, const char *agent,
                 struct ng_robots **out)
{
  *out = NULL;
  struct ng_robots *r = calloc(1, sizeof *r);
  if (!r) {
    return NG_ERR_NOMEM;
  }
  if (len > ROBOTS_MAX_BYTES) {
    len = ROBOTS_MAX_BYTES;
  }
  bool found = false;
  ng_status st = robots_pass(r, txt, len, agent, false, &found);
  if (st == NG_OK && !found) {
    st = robots_pass(r, txt, len, agent, true, &found);
  }
  if (st != NG_OK) {
    ng__robots_free(r);
    return st;
  }
  *out = r;
  return NG_OK;
}

/* True if @p pat (@p plen bytes, '*' any run, final '$' end) matches a
 * prefix of @p s (the whole of it with '$'). */
static bool
pattern_match(const char *pat, size_t plen, const char *s)
{
  if (plen == 0) {
    return true;
  }
  if (pat[0] == '$' && plen == 1) {
    return *s == '\0';
  }
  if (pat[0] == '*') {
    for (const char *p = s;; p++) {
      if (pattern_match(pat + 1, plen - 1, p)) {
        return true;
      }
      if (!*p) {
        return false;
      }
    }
  }
  return *s && *s == pat[0] && pattern_match(pat + 1, plen - 1, s + 1);
}

bool
ng__robots_allowed(const struct ng_robots *r, const char *path)
{
  if (!r || strcmp(path, "/robots.txt") == 0) {
    return true;
  }
  size_t best = 0;
  bool allow = true;
  for (size_t i = 0; i < r->n; i++) {
    const struct robots_rule *rule = &r->rules[i];
    if (!pattern_match(rule->pattern, rule->len, path)) {
      continue;
    }
    if (rule->len > best || (rule->len == best && rule->allow)) {
      best = rule->len;
      allow = rule->allow;
    }
  }
  return allow;
}

double
ng__robots_crawl_delay(const struct ng_robots *r)
{
  return r ? r->delay : 0;
}

/* ----------------------------------------------------------------- SSRF */

/* @p a is an IPv4 address in host order. */
static bool
v4_private(uint32_t a)
{
  return (a >> 24) == 0 ||                 /* 0/8 "this network" */
         (a >> 24) == 10 ||                /* RFC 1918 */
         (a >> 22) == (100u << 2 | 1) ||   /* 100.64/10 CGNAT, RFC 6598 */
         (a >> 24) == 127 ||               /* loopback */
         (a >> 16) == (169u << 8 | 254) || /* link-local */
         (a >> 20) == (172u << 4 | 1) ||   /* 172.16/12, RFC 1918 */
         (a >> 8) == (192u << 16) ||       /* 192.0.0/24 IETF */
         (a >> 16) == (192u << 8 | 168) || /* RFC 1918 */
         (a >> 17) == (198u << 7 | 9) ||   /* 198.18/15 benchmarking */
         (a >> 28) >= 14;                  /* multicast, reserved, bcast */
}

static uint32_t
v4_at(const unsigned char *b)
{
  return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 |
         b[3];
}

bool
ng__crawl_addr_is_private(int family, const void *addr)
{
  if (family == AF_INET) {
    return v4_private(v4_at(addr));
  }
  if (family != AF_INET6) {
    return true;
  }
  const unsigned char *b = addr;
  static const unsigned char zero[16];
  static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0,
                                           0, 0, 0, 0, 0xff, 0xff};
  static const unsigned char nat64[12] = {0, 0x64, 0xff, 0x9b};
  if (memcmp(b, zero, 15) == 0 && (b[15] == 0 || b[15] == 1)) {
    return true; /* :: and ::1 */
  }
  if (memcmp(b, mapped, 12) == 0 || memcmp(b, nat64, 12) == 0 ||
      memcmp(b, zero, 12) == 0) {
    return v4_private(v4_at(b + 12)); /* mapped, NAT64, compatible */
  }
  if (b[0] == 0x20 && b[1] == 0x02) {
    return v4_private(v4_at(b + 2)); /* 6to4 */
  }
  return (b[0] & 0xfe) == 0xfc ||                    /* fc00::/7 */
         (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) ||  /* fe80::/10 */
         (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) ||  /* fec0::/10 */
         b[0] == 0xff;                               /* multicast */
}

bool
ng__crawl_host_is_private(const char *host)
{
  char buf[64];
  size_t n = strlen(host);
  if (n >= 2 && host[0] == '[' && host[n - 1] == ']') {
    host++;
    n -= 2;
  }
  if (n == 0 || n >= sizeof buf) {
    return n == 0;
  }
  memcpy(buf, host, n);
  buf[n] = '\0';
  char *pct = strchr(buf, '%'); /* zone id */
  if (pct) {
    *pct = '\0';
  }
  while (n > 0 && buf[n - 1] == '.') {
    buf[--n] = '\0';
  }
  unsigned char a[16];
  if (inet_pton(AF_INET, buf, a) == 1) {
    return ng__crawl_addr_is_private(AF_INET, a);
  }
  if (inet_pton(AF_INET6, buf, a) == 1) {
    return ng__crawl_addr_is_private(AF_INET6, a);
  }
  return strcasecmp(buf, "localhost") == 0 ||
         (n > 10 && strcasecmp(buf + n - 10, ".localhost") == 0);
}

/* -------------------------------------------------------------- escaping */

char *
ng__crawl_uri_escape(const char *s)
{
  static const char hex[] = "0123456789ABCDEF";
  struct ng_buf b;
  ng__buf_init(&b, 0);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    ng_status st;
    if (*p <= 0x20 || *p >= 0x7f || strchr("<>\"\\^`{|}", *p)) {
      char esc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
      st = ng__buf_add(&b, esc, 3);
    } else {
      st = ng__buf_add(&b, p, 1);
    }
    if (st != NG_OK) {
      return NULL;
    }
  }
  return ng__buf_take(&b);
}

/* ---------------------------------------------------------- page verdict */

/* Phrases (lower case) that name a wall. Matching ignores ASCII case and
 * collapses whitespace; they are general wording of each kind of page,
 * never the text of one site. */
static const char *const bot_phrases[] = {
    "are you a robot", "not a robot", "are you human", "verify you are human",
    "verify that you are human", "confirm you are human",
    "checking your browser", "checking if the site connection is secure",
    "unusual traffic", "captcha", "access denied", "access to this page has "
    "been denied", "request blocked", "request unsuccessful",
    "pardon our interruption", "bot detection", "automated access",
    "please enable js and disable any ad blocker",
    "enable javascript and cookies to continue",
    "sind sie ein roboter", "zugriff verweigert", "etes-vous un robot",
    "êtes-vous un robot", "acceso denegado", "accesso negato",
    "toegang geweigerd", "acesso negado", NULL};
static const char *const consent_phrases[] = {
    "cookie consent", "consent to cookies", "we value your privacy",
    "your privacy choices", "manage cookies", "cookie settings",
    "cookie preferences", "accept all cookies", "accept cookies",
    "before you continue", "privacy settings", "consent preferences",
    "we and our partners", "datenschutzeinstellungen", "einwilligung",
    "cookies zustimmen", "alle akzeptieren", "gestion des cookies",
    "tout accepter", "vos choix concernant les cookies",
    "aceptar todas", "configuración de cookies", "accetta tutti",
    "gestione dei cookie", "alle cookies accepteren", "aceitar todos",
    NULL};
static const char *const paywall_phrases[] = {
    "subscribe to continue", "subscribe to read", "subscribe now to read",
    "to continue reading", "continue reading with a subscription",
    "subscribers only", "for subscribers", "exclusive to subscribers",
    "already a subscriber", "already subscribed", "premium content",
    "this article is for paying", "become a subscriber to read",
    "jetzt abonnieren", "weiterlesen mit", "nur für abonnenten",
    "réservé aux abonnés", "abonnez-vous pour lire",
    "solo para suscriptores",
    "suscríbete para seguir leyendo", "riservato agli abbonati",
    "alleen voor abonnees", "exclusivo para assinantes", NULL};
static const char *const login_phrases[] = {
    "sign in to continue", "log in to continue", "login to continue",
    "please sign in", "please log in", "you must be logged in",
    "anmelden um weiterzulesen", "connectez-vous pour", "inicia sesión para",
    NULL};
static const char *const error_phrases[] = {
    "error 404", "404 error", "404 not found", "404 - not found",
    "page not found", "page cannot be found", "file not found",
    "page could not be found", "page doesn't exist", "page does not exist",
    "page no longer exists", "no longer available", "internal server error",
    "service unavailable", "bad gateway", "gateway timeout",
    "temporarily unavailable", "an error occurred", "something went wrong",
    "seite nicht gefunden", "page introuvable", "página no encontrada",
    "pagina non trovata", "pagina niet gevonden", "página não encontrada",
    NULL};

/* Whole titles (after trimming punctuation) that name an error page. */
static const char *const error_titles[] = {
    "404", "403", "410", "500", "502", "503", "not found", "error", "oops",
    "forbidden", "gone", "fehler", "erreur", NULL};

/* What the walk over the tree collects. */
struct page {
  struct ng_buf text;  /* visible text, lower-cased ASCII, spaces collapsed */
  struct ng_buf title; /* <title> */
  struct ng_buf h1;    /* first <h1> */
  size_t paragraphs;
  bool no_free;        /* JSON-LD isAccessibleForFree false */
  xmlChar *refresh;    /* content of the first refresh meta (owned) */
  bool refresh_noscript;
  ng_status st;
};

/* Appends lower-cased text with whitespace runs collapsed to one space. */
static void
add_text(struct page *pg, struct ng_buf *b, const char *s)
{
  for (; *s && pg->st == NG_OK; s++) {
    char c = *s;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      if (b->len == 0 || b->data[b->len - 1] == ' ') {
        continue;
      }
      c = ' ';
    } else if (c >= 'A' && c <= 'Z') {
      c = (char)(c | 0x20);
    }
    pg->st = ng__buf_add(b, &c, 1);
  }
}

static bool
name_is(const xmlNode *n, const char *name)
{
  return n->name && strcasecmp((const char *)n->name, name) == 0;
}

/* Concatenated text of all descendants of @p n into @p b. */
static void
add_subtree_text(struct page *pg, struct ng_buf *b, const xmlNode *n)
{
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) {
      add_text(pg, b, (const char *)c->content);
    } else if (c->type == XML_ELEMENT_NODE && !name_is(c, "script") &&
               !name_is(c, "style")) {
      add_subtree_text(pg, b, c);
    }
  }
}

/* True if @p s (JSON-LD text) says "isAccessibleForFree": false. */
static bool
says_not_free(const char *s)
{
  const char *p = s;
  while ((p = strstr(p, "isAccessibleForFree")) != NULL) {
    p += strlen("isAccessibleForFree");
    while (*p == '"' || *p == ' ' || *p == ':' || *p == '\t' || *p == '\n') {
      p++;
    }
    if (strncasecmp(p, "false", 5) == 0) {
      return true;
    }
  }
  return false;
}

static void
walk(struct page *pg, xmlNode *n, bool in_noscript)
{
  for (xmlNode *c = n; c && pg->st == NG_OK; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (name_is(c, "script")) {
      xmlChar *type = xmlGetProp(c, (const xmlChar *)"type");
      if (type && strcasestr((const char *)type, "ld+json")) {
        xmlChar *s = xmlNodeGetContent(c);
        if (s && says_not_free((const char *)s)) {
          pg->no_free = true;
        }
        xmlFree(s);
      }
      xmlFree(type);
      continue;
    }
    if (name_is(c, "style") || name_is(c, "template") || name_is(c, "svg")) {
      continue;
    }
    if (name_is(c, "meta") && !pg->refresh) {
      xmlChar *eq = xmlGetProp(c, (const xmlChar *)"http-equiv");
      if (eq && strcasecmp((const char *)eq, "refresh") == 0) {
        pg->refresh = xmlGetProp(c, (const xmlChar *)"content");
        pg->refresh_noscript = in_noscript;
      }
      xmlFree(eq);
    } else if (name_is(c, "title") && pg->title.len == 0) {
      add_subtree_text(pg, &pg->title, c);
    } else if (name_is(c, "h1") && pg->h1.len == 0) {
      add_subtree_text(pg, &pg->h1, c);
    }
    bool ns = in_noscript || name_is(c, "noscript");
    if (!name_is(c, "head") && !name_is(c, "title") && !ns) {
      /* The element's own text decides whether it is a paragraph. */
      struct ng_buf own;
      ng__buf_init(&own, 0);
      for (const xmlNode *t = c->children; t && pg->st == NG_OK;
           t = t->next) {
        const xmlNode *src = t;
        if (t->type == XML_ELEMENT_NODE &&
            (name_is(t, "a") || name_is(t, "b") || name_is(t, "i") ||
             name_is(t, "em") || name_is(t, "strong") || name_is(t, "span"))) {
          add_subtree_text(pg, &own, src); /* inline markup is own text */
        } else if (t->type == XML_TEXT_NODE && t->content) {
          add_text(pg, &own, (const char *)t->content);
        }
      }
      if (own.len >= PARA_BYTES) {
        pg->paragraphs++;
      }
      if (own.len > 0 && pg->st == NG_OK) {
        if (pg->text.len > 0) {
          pg->st = ng__buf_add(&pg->text, " ", 1);
        }
        if (pg->st == NG_OK) {
          pg->st = ng__buf_add(&pg->text, own.data, own.len);
        }
      }
      ng__buf_free(&own);
    }
    walk(pg, c->children, ns);
  }
}

/* True if one of @p phrases occurs in @p s. A phrase made of digits must
 * stand alone (so "404" does not match "4040"). */
static bool
has_phrase(const char *s, const char *const *phrases)
{
  if (!s) {
    return false;
  }
  for (const char *const *p = phrases; *p; p++) {
    size_t pl = strlen(*p);
    for (const char *hit = strstr(s, *p); hit; hit = strstr(hit + 1, *p)) {
      bool digits = strspn(*p, "0123456789") == pl;
      if (!digits ||
          ((hit == s || !(hit[-1] >= '0' && hit[-1] <= '9')) &&
           !(hit[pl] >= '0' && hit[pl] <= '9'))) {
        return true;
      }
    }
  }
  return false;
}

/* The first wall kind whose phrases occur in @p s, or NG_PAGE_ARTICLE. */
static enum ng_page_kind
wall_in(const char *s)
{
  if (has_phrase(s, bot_phrases)) {
    return NG_PAGE_BOT;
  }
  if (has_phrase(s, consent_phrases)) {
    return NG_PAGE_CONSENT;
  }
  if (has_phrase(s, paywall_phrases)) {
    return NG_PAGE_PAYWALL;
  }
  if (has_phrase(s, login_phrases)) {
    return NG_PAGE_LOGIN;
  }
  if (has_phrase(s, error_phrases)) {
    return NG_PAGE_ERROR;
  }
  return NG_PAGE_ARTICLE;
}

/* True if @p s, without leading and trailing spaces and punctuation, is
 * one of error_titles. */
static bool
is_error_title(const char *s)
{
  if (!s) {
    return false;
  }
  while (*s == ' ' || *s == '!' || *s == '.' || *s == '-' || *s == ':') {
    s++;
  }
  size_t n = strlen(s);
  while (n > 0 && strchr(" !.-:", s[n - 1])) {
    n--;
  }
  for (const char *const *t = error_titles; *t; t++) {
    if (strlen(*t) == n && strncmp(s, *t, n) == 0) {
      return true;
    }
  }
  return false;
}

/* The refresh target of a meta refresh content value ("5; url='/x'"),
 * resolved against @p base, or NULL (no URL, or not http/https). Sets
 * *delay to the delay in seconds. */
static char *
refresh_target(const char *content, const char *base, long *delay)
{
  const char *p = content;
  while (*p == ' ' || *p == '\t') {
    p++;
  }
  char *end;
  *delay = strtol(p, &end, 10);
  if (end == p) {
    *delay = 0;
  }
  p = end;
  while (*p && *p != ';' && *p != ',') {
    p++; /* fractional part and junk (HTML "shared declarative refresh") */
  }
  while (*p == ';' || *p == ',' || *p == ' ' || *p == '\t') {
    p++;
  }
  if (strncasecmp(p, "url", 3) == 0) {
    const char *q = p + 3;
    while (*q == ' ' || *q == '\t') {
      q++;
    }
    if (*q == '=') {
      p = q + 1;
      while (*p == ' ' || *p == '\t') {
        p++;
      }
    }
  }
  char quote = (*p == '\'' || *p == '"') ? *p++ : 0;
  size_t n = quote ? strcspn(p, quote == '\'' ? "'" : "\"") : strlen(p);
  while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t')) {
    n--;
  }
  if (n == 0) {
    return NULL;
  }
  char *raw = strndup(p, n);
  char *ref = raw ? ng__crawl_uri_escape(raw) : NULL;
  free(raw);
  if (!ref) {
    return NULL;
  }
  xmlChar *abs = xmlBuildURI((const xmlChar *)ref, (const xmlChar *)base);
  free(ref);
  char *out = NULL;
  if (abs && (strncasecmp((const char *)abs, "http://", 7) == 0 ||
              strncasecmp((const char *)abs, "https://", 8) == 0)) {
    out = strdup((const char *)abs);
  }
  xmlFree(abs);
  return out;
}

/* True if @p a and @p b are the same URL once fragments are dropped. */
static bool
same_page(const char *a, const char *b)
{
  size_t la = strcspn(a, "#"), lb = strcspn(b, "#");
  return la == lb && strncmp(a, b, la) == 0;
}

static void
quiet_structured(void *ctx, xmlErrorPtr err)
{
  (void)ctx;
  (void)err;
}

static void
quiet_generic(void *ctx, const char *msg, ...)
{
  (void)ctx;
  (void)msg;
}

ng_status
ng__crawl_classify(const char *body, size_t len, const char *url,
                   struct ng_page_verdict *out)
{
  memset(out, 0, sizeof *out);
  out->kind = NG_PAGE_ARTICLE;
  if (len == 0 || len > (size_t)INT32_MAX) {
    return NG_OK;
  }
  /* raptor installs global libxml2 error handlers that print; HTML
   * parser contexts ignore their own, so swap in no-ops (as html.c). */
  xmlStructuredErrorFunc old_serror = xmlStructuredError;
  void *old_serror_ctx = xmlStructuredErrorContext;
  xmlGenericErrorFunc old_error = xmlGenericError;
  void *old_error_ctx = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc(NULL, quiet_structured);
  xmlSetGenericErrorFunc(NULL, quiet_generic);
  htmlDocPtr doc = htmlReadMemory(body, (int)len, url, NULL,
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                      HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET);
  xmlSetStructuredErrorFunc(old_serror_ctx, old_serror);
  xmlSetGenericErrorFunc(old_error_ctx, old_error);
  if (!doc) {
    return NG_OK;
  }
  struct page pg = {.st = NG_OK};
  ng__buf_init(&pg.text, 0);
  ng__buf_init(&pg.title, 0);
  ng__buf_init(&pg.h1, 0);
  walk(&pg, xmlDocGetRootElement(doc), false);
  ng_status st = pg.st;
  out->paragraphs = pg.paragraphs;
  out->text_bytes = pg.text.len;
  if (st != NG_OK || pg.paragraphs >= ARTICLE_PARAS) {
    goto done;
  }
  if (pg.refresh && pg.paragraphs < THIN_PARAS &&
      pg.text.len < STUB_TEXT_BYTES) {
    long delay = 0;
    char *target = refresh_target((const char *)pg.refresh, url, &delay);
    if (target && !same_page(target, url) &&
        (pg.refresh_noscript || delay <= REFRESH_MAX_DELAY)) {
      out->kind = NG_PAGE_REFRESH;
      out->refresh_url = target;
      goto done;
    }
    free(target);
  }
  enum ng_page_kind k = wall_in(pg.title.data);
  if (k == NG_PAGE_ARTICLE) {
    k = wall_in(pg.h1.data);
  }
  if (k == NG_PAGE_ARTICLE &&
      (is_error_title(pg.title.data) || is_error_title(pg.h1.data))) {
    k = NG_PAGE_ERROR;
  }
  if (k == NG_PAGE_ARTICLE && pg.paragraphs < THIN_PARAS) {
    k = wall_in(pg.text.data);
    if (k == NG_PAGE_ARTICLE && pg.no_free) {
      k = NG_PAGE_PAYWALL;
    }
  }
  out->kind = k;
done:
  xmlFree(pg.refresh);
  ng__buf_free(&pg.text);
  ng__buf_free(&pg.title);
  ng__buf_free(&pg.h1);
  xmlFreeDoc(doc);
  return st;
}

void
ng__crawl_verdict_clear(struct ng_page_verdict *v)
{
  free(v->refresh_url);
  v->refresh_url = NULL;
}

const char *
ng__crawl_page_reason(enum ng_page_kind kind)
{
  switch (kind) {
  case NG_PAGE_BOT: return "bot wall";
  case NG_PAGE_CONSENT: return "consent wall";
  case NG_PAGE_PAYWALL: return "paywall stub";
  case NG_PAGE_LOGIN: return "login wall";
  case NG_PAGE_ERROR: return "error page";
  case NG_PAGE_ARTICLE:
  case NG_PAGE_REFRESH: break;
  }
  return "";
}
