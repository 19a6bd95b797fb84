/* SPDX-License-Identifier: MIT */
/* Input loading: the INPUT syntax of ARCHITECTURE.md (URL, file, .gz, "-")
 * into a doc, with the size cap applied to compressed and decompressed
 * bytes alike; and the article IRI (VOCABULARY.md "Graph layout"). */
#include "input.h"

#include "buf.h"
#include "fetch.h"
#include "hash.h"
#include "utf8.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/uri.h>
#include <zlib.h>

/* Bytes read from a file or stdin per call. */
#define READ_CHUNK 65536

ng_status
ng__input_gunzip(ng_world *world, const char *name, const char *data,
                 size_t len, size_t cap, char **out, size_t *out_len)
{
  z_stream zs;
  struct ng_buf b;
  unsigned char chunk[READ_CHUNK];
  ng_status st = NG_OK;
  int zr = Z_OK;

  *out = NULL;
  *out_len = 0;
  memset(&zs, 0, sizeof zs);
  /* 15 + 32: automatic gzip or zlib header detection (zlib.h). */
  if (inflateInit2(&zs, 15 + 32) != Z_OK) {
    return ng__errorf(world, NG_ERR_NOMEM, "cannot start zlib for %s", name);
  }
  ng__buf_init(&b, cap);
  zs.next_in = (unsigned char *)(uintptr_t)data;
  size_t left = len;
  for (;;) {
    if (zs.avail_in == 0 && left > 0) {
      uInt n = left > 0x40000000u ? 0x40000000u : (uInt)left;
      zs.avail_in = n;
      left -= n;
    }
    zs.next_out = chunk;
    zs.avail_out = sizeof chunk;
    zr = inflate(&zs, Z_NO_FLUSH);
    size_t produced = sizeof chunk - zs.avail_out;
    if (produced > 0) {
      st = ng__buf_add(&b, chunk, produced);
      if (st == NG_ERR_TOO_LARGE) {
        st = ng__errorf(world, st,
                        "%s is larger than %zu bytes when decompressed",
                        name, cap);
        goto done;
      }
      if (st != NG_OK) {
        goto done;
      }
    }
    if (zr == Z_STREAM_END) {
      /* Concatenated gzip members form one file (RFC 1952 2.2). */
      if (zs.avail_in == 0 && left == 0) {
        break;
      }
      if (zs.avail_in >= 2 && zs.next_in[0] == 0x1f && zs.next_in[1] == 0x8b) {
        if (inflateReset(&zs) != Z_OK) {
          st = NG_ERR_NOMEM;
          goto done;
        }
        continue;
      }
      break; /* trailing garbage after the last member is ignored */
    }
    if (zr == Z_BUF_ERROR && zs.avail_in == 0 && left == 0) {
      st = ng__errorf(world, NG_ERR_PARSE, "%s: compressed data is truncated",
                      name);
      goto done;
    }
    if (zr != Z_OK && zr != Z_BUF_ERROR) {
      st = ng__errorf(world, NG_ERR_PARSE, "%s: bad compressed data (%s)",
                      name, zs.msg ? zs.msg : "zlib error");
      goto done;
    }
  }
  *out_len = b.len;
  *out = ng__buf_take(&b);
  if (!*out) {
    st = NG_ERR_NOMEM;
  }
done:
  if (st != NG_OK) {
    ng__buf_free(&b);
  }
  inflateEnd(&zs);
  return st;
}

bool
ng__input_is_markup(const char *s, size_t len)
{
  static const char *const tags[] = {
    "<!doctype", "<html", "<head", "<body", "<meta", "<title", "<p>",
    "<p ", "<div", "<article", "<?xml", "<!--", "<script", "<link",
    "<table", "<br", "<span", "<h1", "<h2", "<main", "<section"};
  size_t n = len < 4096 ? len : 4096;
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '<') {
      continue;
    }
    for (size_t k = 0; k < ARRAY_LEN(tags); k++) {
      size_t tl = strlen(tags[k]);
      if (n - i >= tl && strncasecmp(s + i, tags[k], tl) == 0) {
        return true;
      }
    }
  }
  return false;
}

/* Length of the URI scheme at the start of @p s (RFC 3986 3.1:
 * ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"), or 0 if none. */
static size_t
scheme_len(const char *s)
{
  size_t i = 0;
  if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) {
    return 0;
  }
  while (s[i] && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') ||
                  (s[i] >= '0' && s[i] <= '9') || s[i] == '+' ||
                  s[i] == '-' || s[i] == '.')) {
    i++;
  }
  return s[i] == ':' ? i : 0;
}

/* True for the characters an IRI never contains (RFC 3987 2.2 excludes
 * them; they break N-Triples IRIs, FAULT-CASES T05). */
static bool
iri_forbidden(unsigned char c)
{
  return c <= 0x20 || c == 0x7f || strchr("<>\"{}|^`\\", c) != NULL;
}

bool
ng__input_is_abs_iri(const char *s)
{
  if (!s) {
    return false;
  }
  size_t n = scheme_len(s);
  if (n == 0 || s[n + 1] == '\0') {
    return false;
  }
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (iri_forbidden(*p)) {
      return false;
    }
  }
  return ng__utf8_is_valid(s, strlen(s));
}

char *
ng__input_iri_clean(const char *s)
{
  static const char hex[] = "0123456789ABCDEF";
  struct ng_buf b;
  size_t len = strlen(s);
  ng__buf_init(&b, 0);
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    uint32_t cp;
    size_t n = c >= 0x80 ? ng__utf8_decode(s + i, len - i, &cp) : 1;
    if (c >= 0x80 && n > 0 && !(cp >= 0x80 && cp <= 0x9f)) {
      if (ng__buf_add(&b, s + i, n) != NG_OK) {
        return NULL;
      }
      i += n;
      continue;
    }
    if (c >= 0x80 || iri_forbidden(c)) {
      char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
      if (ng__buf_add(&b, esc, 3) != NG_OK) {
        return NULL;
      }
    } else if (ng__buf_add(&b, s + i, 1) != NG_OK) {
      return NULL;
    }
    i++;
  }
  return ng__buf_take(&b);
}

/* RFC 3986 section 6.2.2.1: the scheme and host are case-insensitive, so
 * "HTTP://News.Example/a" and "http://news.example/a" name one article.
 * Lower-cases both in place (ASCII only; a userinfo part is kept as is). */
static void
lower_scheme_host(char *url)
{
  char *p = url;
  for (; *p && *p != ':'; p++) {
    *p = (char)tolower((unsigned char)*p);
  }
  if (strncmp(p, "://", 3) != 0) {
    return;
  }
  char *host = p + 3;
  size_t auth = strcspn(host, "/?#");
  char *at = memchr(host, '@', auth);
  if (at) {
    auth -= (size_t)(at + 1 - host);
    host = at + 1;
  }
  for (size_t i = 0; i < auth; i++) {
    host[i] = (char)tolower((unsigned char)host[i]);
  }
}

char *
ng__input_resolve_article_url(const char *base, const char *ref)
{
  if (!ref) {
    return NULL;
  }
  /* Trim the whitespace authors leave around href values. */
  while (*ref == ' ' || *ref == '\t' || *ref == '\n' || *ref == '\r') {
    ref++;
  }
  size_t rl = strlen(ref);
  while (rl > 0 && (ref[rl - 1] == ' ' || ref[rl - 1] == '\t' ||
                    ref[rl - 1] == '\n' || ref[rl - 1] == '\r')) {
    rl--;
  }
  if (rl == 0 || rl > 4096) {
    return NULL;
  }
  char *r = strndup(ref, rl);
  if (!r) {
    return NULL;
  }
  char *clean = ng__input_iri_clean(r);
  free(r);
  if (!clean) {
    return NULL;
  }
  xmlChar *abs = NULL;
  if (scheme_len(clean) > 0) {
    abs = xmlStrdup((const xmlChar *)clean);
  } else if (base) {
    char *cbase = ng__input_iri_clean(base);
    if (cbase) {
      abs = xmlBuildURI((const xmlChar *)clean, (const xmlChar *)cbase);
      free(cbase);
    }
  }
  free(clean);
  if (!abs) {
    return NULL;
  }
  char *result = NULL;
  xmlURIPtr uri = xmlParseURI((const char *)abs);
  if (uri && uri->scheme &&
      (strcasecmp(uri->scheme, "http") == 0 ||
       strcasecmp(uri->scheme, "https") == 0) &&
      uri->server && uri->server[0] &&
      /* FAULT-CASES M14: a canonical link to the home page names the
       * site, not the article. */
      ((uri->path && strcmp(uri->path, "/") != 0 && uri->path[0]) ||
       (uri->query && uri->query[0]) ||
       (uri->query_raw && uri->query_raw[0]))) {
    result = strdup((const char *)abs);
    if (result) {
      lower_scheme_host(result);
    }
  }
  xmlFreeURI(uri);
  xmlFree(abs);
  if (result && !ng__input_is_abs_iri(result)) {
    free(result);
    result = NULL;
  }
  return result;
}

ng_status
ng__input_set_iri(struct ng_doc *doc)
{
  char *iri = NULL;
  if (doc->user_url) {
    iri = strdup(doc->user_url);
  } else if (doc->meta.canonical_url) {
    iri = strdup(doc->meta.canonical_url);
  } else if (doc->final_url) {
    iri = ng__input_iri_clean(doc->final_url);
  } else {
    char hex[65];
    char urn[80];
    ng__sha256_hex(doc->raw ? doc->raw : "", doc->raw_len, hex);
    int n = snprintf(urn, sizeof urn, "urn:sha256:%s", hex);
    if (n < 0 || (size_t)n >= sizeof urn) {
      return NG_ERR_INTERNAL;
    }
    iri = strdup(urn);
  }
  if (!iri) {
    return NG_ERR_NOMEM;
  }
  free(doc->iri);
  doc->iri = iri;
  return NG_OK;
}

bool
ng__input_is_date(const char *s)
{
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') {
    return false;
  }
  for (int i = 0; i < 10; i++) {
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) {
      return false;
    }
  }
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
          (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (y < 1 || m < 1 || m > 12 || d < 1) {
    return false;
  }
  int md = mdays[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) {
    md = 29;
  }
  return d <= md;
}

/* True if @p s ends with @p suffix, ignoring ASCII case. */
static bool
ends_with(const char *s, const char *suffix)
{
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* Reads all of @p f (at most @p cap bytes) into *out / *out_len.
 * NG_ERR_TOO_LARGE past the cap, NG_ERR_IO on a read error. */
static ng_status
read_stream(ng_world *world, FILE *f, const char *name, size_t cap,
            char **out, size_t *out_len)
{
  struct ng_buf b;
  char chunk[READ_CHUNK];
  ng__buf_init(&b, cap);
  for (;;) {
    size_t n = fread(chunk, 1, sizeof chunk, f);
    if (n > 0) {
      ng_status st = ng__buf_add(&b, chunk, n);
      if (st == NG_ERR_TOO_LARGE) {
        return ng__errorf(world, st, "%s is larger than %zu bytes", name, cap);
      }
      if (st != NG_OK) {
        return ng__errorf(world, st, "out of memory reading %s", name);
      }
    }
    if (n < sizeof chunk) {
      if (ferror(f)) {
        int err = errno;
        ng__buf_free(&b);
        return ng__errorf(world, NG_ERR_IO, "cannot read %s: %s", name,
                          strerror(err));
      }
      break;
    }
  }
  *out_len = b.len;
  *out = ng__buf_take(&b);
  return *out ? NG_OK : NG_ERR_NOMEM;
}

/* True if the first 4096 bytes of @p raw look like binary data rather than
 * text in any encoding: a NUL byte, or more than 10 % C0 controls other
 * than TAB, LF, FF and CR (or DEL). A UTF-16 BOM exempts the data, since
 * UTF-16 text holds NUL bytes (Encoding Standard BOM sniffing). */
bool
ng__input_looks_binary(const char *raw, size_t len)
{
  const unsigned char *s = (const unsigned char *)raw;
  if (len >= 2 && ((s[0] == 0xFE && s[1] == 0xFF) ||
                   (s[0] == 0xFF && s[1] == 0xFE))) {
    return false;
  }
  size_t n = len < 4096 ? len : 4096, ctl = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == 0) {
      return true;
    }
    if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\f' &&
         s[i] != '\r') || s[i] == 0x7F) {
      ctl++;
    }
  }
  return ctl * 10 > n;
}

/* A new doc named @p name holding @p raw (taken: freed on failure too).
 * Binary data is refused with NG_ERR_PARSE. */
static ng_status
take_doc(ng_world *world, const char *name, char *raw, size_t len,
         const char *content_type, bool plain, ng_doc **out)
{
  if (ng__input_looks_binary(raw, len)) {
    free(raw);
    return ng__errorf(world, NG_ERR_PARSE,
                      "%s: not a text or HTML document (binary data)", name);
  }
  struct ng_doc *doc = ng__doc_new(name);
  if (!doc) {
    free(raw);
    return ng__errorf(world, NG_ERR_NOMEM, "out of memory loading %s", name);
  }
  doc->raw = raw;
  doc->raw_len = len;
  doc->is_plain_text = plain;
  doc->retrieved_at = ng__world_now(world);
  if (content_type) {
    doc->content_type = strdup(content_type);
    if (!doc->content_type) {
      ng_doc_free(doc);
      return ng__errorf(world, NG_ERR_NOMEM, "out of memory loading %s",
                        name);
    }
  }
  *out = doc;
  return NG_OK;
}

/* True if the MIME type in @p content_type is text/plain. */
static bool
is_text_plain(const char *content_type)
{
  if (!content_type) {
    return false;
  }
  while (*content_type == ' ') {
    content_type++;
  }
  return strncasecmp(content_type, "text/plain", 10) == 0 &&
         (content_type[10] == '\0' || content_type[10] == ';' ||
          content_type[10] == ' ');
}

/* True if the MIME type in @p content_type names HTML or XHTML. */
static bool
is_text_html(const char *content_type)
{
  return content_type && (strcasestr(content_type, "html") != NULL);
}

static ng_status
load_file(ng_world *world, const char *path, ng_doc **out)
{
  struct stat sb;
  ng_status st;
  if (stat(path, &sb) != 0) {
    return ng__errorf(world, NG_ERR_IO, "cannot read %s: %s", path,
                      strerror(errno));
  }
  if (S_ISDIR(sb.st_mode)) {
    return ng__errorf(world, NG_ERR_IO, "cannot read %s: is a directory",
                      path);
  }
  if (ends_with(path, ".warc") || ends_with(path, ".warc.gz")) {
    /* many articles, read record by record with ng_warc_next() */
    return ng__errorf(world, NG_ERR_ARG, "%s is a WARC archive of many "
                      "articles, not one article", path);
  }
  bool gz = ends_with(path, ".gz");
  /* The file itself gets the cap; a .gz file's decompressed size is
   * capped again below. */
  if (S_ISREG(sb.st_mode) &&
      (unsigned long long)sb.st_size > world->max_bytes) {
    return ng__errorf(world, NG_ERR_TOO_LARGE, "%s is larger than %zu bytes",
                      path, world->max_bytes);
  }
  FILE *f = fopen(path, "rb");
  if (!f) {
    return ng__errorf(world, NG_ERR_IO, "cannot read %s: %s", path,
                      strerror(errno));
  }
  char *raw = NULL;
  size_t len = 0;
  st = read_stream(world, f, path, world->max_bytes, &raw, &len);
  fclose(f);
  if (st != NG_OK) {
    return st;
  }
  if (gz) {
    char *plain = NULL;
    size_t plen = 0;
    st = ng__input_gunzip(world, path, raw, len, world->max_bytes, &plain,
                          &plen);
    free(raw);
    if (st != NG_OK) {
      return st;
    }
    raw = plain;
    len = plen;
  }
  bool txt = ends_with(path, gz ? ".txt.gz" : ".txt");
  bool html = ends_with(path, gz ? ".html.gz" : ".html") ||
              ends_with(path, gz ? ".htm.gz" : ".htm");
  bool plain = txt || (!html && !ng__input_is_markup(raw, len));
  return take_doc(world, path, raw, len, txt ? "text/plain" : NULL, plain,
                  out);
}

ng_status
ng_doc_load(ng_world *world, const char *input, ng_doc **out)
{
  ng_status st;
  if (!out) {
    return NG_ERR_ARG;
  }
  *out = NULL;
  if (!world || !input || !*input) {
    return ng__errorf(world, NG_ERR_ARG, "empty input name");
  }
  if (strncasecmp(input, "http://", 7) == 0 ||
      strncasecmp(input, "https://", 8) == 0) {
    struct ng_doc *doc = ng__doc_new(input);
    if (!doc) {
      return ng__errorf(world, NG_ERR_NOMEM, "out of memory loading %s",
                        input);
    }
    st = ng__fetch_url(world, input, doc);
    if (st != NG_OK) {
      ng_doc_free(doc);
      return st;
    }
    doc->retrieved_at = ng__world_now(world);
    *out = doc;
    return NG_OK;
  }
  size_t sl = scheme_len(input);
  /* "C:" style single letters are not schemes we would ever fetch, but a
   * file whose name merely contains ':' still loads if it exists. */
  if (sl > 0) {
    struct stat sb;
    if (strncmp(input + sl, "://", 3) == 0 || stat(input, &sb) != 0) {
      return ng__errorf(world, NG_ERR_ARG, "unsupported URL scheme: %s",
                        input);
    }
  }
  if (strcmp(input, "-") == 0) {
    char *raw = NULL;
    size_t len = 0;
    TRY(st, read_stream(world, stdin, "standard input", world->max_bytes,
                        &raw, &len));
    if (len >= 2 && (unsigned char)raw[0] == 0x1f &&
        (unsigned char)raw[1] == 0x8b) {
      char *plain = NULL;
      size_t plen = 0;
      st = ng__input_gunzip(world, "standard input", raw, len,
                            world->max_bytes, &plain, &plen);
      free(raw);
      if (st != NG_OK) {
        return st;
      }
      raw = plain;
      len = plen;
    }
    return take_doc(world, "-", raw, len, NULL,
                    !ng__input_is_markup(raw, len), out);
  }
  return load_file(world, input, out);
}

ng_status
ng_doc_load_bytes(ng_world *world, const char *bytes, size_t len,
                  const char *name, const char *content_type, ng_doc **out)
{
  if (!out) {
    return NG_ERR_ARG;
  }
  *out = NULL;
  if (!world || (!bytes && len > 0)) {
    return ng__errorf(world, NG_ERR_ARG, "no bytes given");
  }
  if (!name) {
    name = "bytes";
  }
  if (len > world->max_bytes) {
    return ng__errorf(world, NG_ERR_TOO_LARGE, "%s is larger than %zu bytes",
                      name, world->max_bytes);
  }
  char *raw = malloc(len + 1);
  if (!raw) {
    return ng__errorf(world, NG_ERR_NOMEM, "out of memory loading %s", name);
  }
  if (len > 0) {
    memcpy(raw, bytes, len);
  }
  raw[len] = '\0';
  bool plain;
  if (is_text_plain(content_type)) {
    plain = true;
  } else if (is_text_html(content_type)) {
    plain = false;
  } else {
    plain = !ng__input_is_markup(raw, len);
  }
  return take_doc(world, name, raw, len, content_type, plain, out);
}

ng_status
ng_doc_set_url(ng_doc *doc, const char *url)
{
  if (!doc || !ng__input_is_abs_iri(url)) {
    return NG_ERR_ARG;
  }
  char *copy = strdup(url);
  if (!copy) {
    return NG_ERR_NOMEM;
  }
  free(doc->user_url);
  doc->user_url = copy;
  if (doc->parsed) {
    return ng__input_set_iri(doc);
  }
  return NG_OK;
}

ng_status
ng_doc_set_date(ng_doc *doc, const char *date)
{
  ng_status st;
  if (!doc || !ng__input_is_date(date)) {
    return NG_ERR_ARG;
  }
  TRY(st, ng__doc_set_str(&doc->user_date, date, 10));
  if (doc->parsed) {
    TRY(st, ng__doc_set_str(&doc->meta.date_published, date, 10));
  }
  return NG_OK;
}

ng_status
ng_doc_set_fallback_date(ng_doc *doc, const char *date)
{
  ng_status st;
  if (!doc || !ng__input_is_date(date)) {
    return NG_ERR_ARG;
  }
  memcpy(doc->fallback_date, date, 11);
  if (doc->parsed && !doc->user_date && !doc->meta.date_published) {
    TRY(st, ng__doc_set_str(&doc->meta.date_published, date, 10));
  }
  return NG_OK;
}
