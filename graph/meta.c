/* SPDX-License-Identifier: MIT */
/* Article metadata from the parsed page: JSON-LD (json-c), OpenGraph and
 * other <meta> tags, microdata, <time>, <link rel=canonical>, <html lang>,
 * <title>/<h1>. Collects every candidate first, then applies one
 * precedence per field. Fills doc->meta only; knows nothing of RDF. */
#include "meta.h"

#include "input.h"
#include "utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <json-c/json.h>
#include <libxml/HTMLparser.h>

/* Longest metadata string kept (bytes); longer ones are body text. */
#define MAX_VALUE 2000
/* JSON-LD nesting followed (objects inside objects). */
#define MAX_JSON_DEPTH 12

/* One collected candidate value: a source key and its text. */
struct kv {
  char *key;   /* e.g. "og:title", "jsonld:headline", "itemprop:author" */
  char *value; /* whitespace-collapsed UTF-8 */
};

struct ctx {
  ng_world *world;
  struct ng_doc *doc;
  struct kv *kv;  /* candidates in document order */
  size_t n_kv;    /* entries in kv */
  size_t cap_kv;  /* allocated entries */
  ng_status st;   /* first NG_ERR_NOMEM */
  xmlDocPtr html; /* the page */
  char *body;     /* its collapsed body text, computed on first use */
};

/* Adds a candidate (both strings copied; the value collapsed). Values
 * that are empty or too long are ignored. */
static void
add_kv(struct ctx *c, const char *key, const char *value, size_t len)
{
  if (c->st != NG_OK || !value) {
    return;
  }
  if (len > MAX_VALUE) {
    return;
  }
  char *v = strndup(value, len);
  char *k = strdup(key);
  if (!v || !k) {
    free(v);
    free(k);
    c->st = NG_ERR_NOMEM;
    return;
  }
  size_t vl = ng__html_collapse(v, strlen(v));
  if (vl == 0) {
    free(v);
    free(k);
    return;
  }
  if (c->n_kv == c->cap_kv) {
    size_t ncap = c->cap_kv ? c->cap_kv * 2 : 32;
    struct kv *p = realloc(c->kv, ncap * sizeof *p);
    if (!p) {
      free(v);
      free(k);
      c->st = NG_ERR_NOMEM;
      return;
    }
    c->kv = p;
    c->cap_kv = ncap;
  }
  c->kv[c->n_kv].key = k;
  c->kv[c->n_kv].value = v;
  c->n_kv++;
}

static void
add_kvs(struct ctx *c, const char *key, const char *value)
{
  if (value) {
    add_kv(c, key, value, strlen(value));
  }
}

/* The first candidate for @p key, or NULL. */
static const char *
get(const struct ctx *c, const char *key)
{
  for (size_t i = 0; i < c->n_kv; i++) {
    if (strcmp(c->kv[i].key, key) == 0) {
      return c->kv[i].value;
    }
  }
  return NULL;
}

/* ------------------------------------------------------------- dates */

static const char *const month_names[12] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december"};

static int
month_len(int y, int m)
{
  static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) {
    return 29;
  }
  return md[m - 1];
}

/* Reads exactly @p n digits at *p into *v. */
static bool
digits(const char **p, int n, int *v)
{
  int x = 0;
  for (int i = 0; i < n; i++) {
    if (!isdigit((unsigned char)(*p)[i])) {
      return false;
    }
    x = x * 10 + ((*p)[i] - '0');
  }
  *p += n;
  *v = x;
  return true;
}

/* Formats the parts into @p out; @p off_min is the offset in minutes or
 * INT_MIN for none; @p hh < 0 means a date only. */
static bool
format_date(int y, int mo, int d, int hh, int mi, int ss, bool has_off,
            int off_min, char out[32])
{
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 ||
      d > month_len(y, mo)) {
    return false;
  }
  if (hh < 0) {
    snprintf(out, 32, "%04d-%02d-%02d", y, mo, d);
    return true;
  }
  if (hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 60) {
    return false;
  }
  if (ss == 60) {
    ss = 59;
  }
  int n = snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, hh, mi,
                   ss);
  if (n < 0 || n >= 32) {
    return false;
  }
  if (has_off) {
    if (off_min == 0) {
      snprintf(out + n, (size_t)(32 - n), "Z");
    } else {
      int a = off_min < 0 ? -off_min : off_min;
      if (a > 14 * 60) {
        return false;
      }
      snprintf(out + n, (size_t)(32 - n), "%c%02d:%02d",
               off_min < 0 ? '-' : '+', a / 60, a % 60);
    }
  }
  return true;
}

/* Parses an offset "Z", "+hh:mm", "+hhmm", "+hh" at *p. */
static bool
parse_offset(const char **p, bool *has, int *off)
{
  const char *s = *p;
  *has = false;
  while (*s == ' ') {
    s++;
  }
  if (*s == 'Z' || *s == 'z') {
    *has = true;
    *off = 0;
    *p = s + 1;
    return true;
  }
  if (strncasecmp(s, "UTC", 3) == 0 || strncasecmp(s, "GMT", 3) == 0) {
    s += 3;
    if (*s != '+' && *s != '-') {
      *has = true;
      *off = 0;
      *p = s;
      return true;
    }
  }
  if (*s == '+' || *s == '-') {
    int sign = *s == '-' ? -1 : 1;
    int h, m = 0;
    s++;
    if (!digits(&s, 2, &h)) {
      return false;
    }
    if (*s == ':') {
      s++;
      if (!digits(&s, 2, &m)) {
        return false;
      }
    } else if (isdigit((unsigned char)*s)) {
      if (!digits(&s, 2, &m)) {
        return false;
      }
    }
    if (h > 14 || m > 59) {
      return false;
    }
    *has = true;
    *off = sign * (h * 60 + m);
    *p = s;
  }
  return true;
}

/* ISO 8601 forms: YYYY-MM-DD[(T| )hh:mm[:ss[.f]][offset]], YYYYMMDD,
 * YYYY/MM/DD. */
static bool
parse_iso(const char *s, char out[32])
{
  int y, mo, d, hh = -1, mi = 0, ss = 0, off = 0;
  bool has_off = false;
  const char *p = s;
  if (!digits(&p, 4, &y)) {
    return false;
  }
  if (*p == '-' || *p == '/' || *p == '.') {
    char sep = *p++;
    if (!digits(&p, 2, &mo)) {
      /* one-digit month */
      if (!isdigit((unsigned char)*p)) {
        return false;
      }
      mo = *p++ - '0';
    }
    if (*p++ != sep) {
      return false;
    }
    if (!digits(&p, 2, &d)) {
      if (!isdigit((unsigned char)*p)) {
        return false;
      }
      d = *p++ - '0';
    }
  } else if (digits(&p, 2, &mo) && digits(&p, 2, &d)) {
    /* compact YYYYMMDD (FAULT-CASES M11) */
  } else {
    return false;
  }
  if (isdigit((unsigned char)*p)) {
    return false;
  }
  if ((*p == 'T' || *p == 't' || *p == ' ') &&
      isdigit((unsigned char)p[1])) {
    const char *q = p + 1;
    if (digits(&q, 2, &hh) && *q == ':' && (q++, digits(&q, 2, &mi))) {
      if (*q == ':') {
        q++;
        if (!digits(&q, 2, &ss)) {
          return false;
        }
        if (*q == '.' || *q == ',') {
          q++;
          while (isdigit((unsigned char)*q)) {
            q++;
          }
        }
      }
      if (!parse_offset(&q, &has_off, &off)) {
        return false;
      }
      p = q;
    } else {
      hh = -1;
    }
  }
  return format_date(y, mo, d, hh, mi, ss, has_off, off, out);
}

/* English text dates: "18 February 2025", "February 18, 2025", "Feb. 18
 * 2025 3:05 PM", "Tue, 04 Mar 2025 19:05:00 +0800". */
static bool
parse_text_date(const char *s, char out[32])
{
  int y = -1, mo = -1, d = -1, hh = -1, mi = 0, ss = 0, off = 0;
  bool has_off = false;
  const char *p = s;
  size_t limit = 0;
  while (*p && limit++ < 120) {
    if (isalpha((unsigned char)*p)) {
      const char *w = p;
      while (isalpha((unsigned char)*p)) {
        p++;
      }
      size_t wl = (size_t)(p - w);
      if (mo < 0 && wl >= 3) {
        for (int i = 0; i < 12; i++) {
          size_t ml = strlen(month_names[i]);
          if ((wl == ml || wl == 3 || (i == 8 && wl == 4)) && wl <= ml &&
              strncasecmp(w, month_names[i], wl) == 0) {
            mo = i + 1;
            break;
          }
        }
      }
      if (hh >= 0 && wl == 2 && (strncasecmp(w, "pm", 2) == 0 ||
                                 strncasecmp(w, "am", 2) == 0)) {
        /* FAULT-CASES M09: 12 AM is 00, 12 PM is 12. */
        bool pm = tolower((unsigned char)w[0]) == 'p';
        if (hh == 12) {
          hh = pm ? 12 : 0;
        } else if (pm && hh < 12) {
          hh += 12;
        }
      }
      if (hh >= 0 && wl == 3 && (strncasecmp(w, "utc", 3) == 0 ||
                                 strncasecmp(w, "gmt", 3) == 0)) {
        const char *q = w;
        parse_offset(&q, &has_off, &off);
        p = q;
      }
      continue;
    }
    if (isdigit((unsigned char)*p)) {
      long v = 0;
      int nd = 0;
      while (isdigit((unsigned char)*p) && nd < 9) {
        v = v * 10 + (*p - '0');
        p++;
        nd++;
      }
      if (*p == ':' && nd <= 2 && hh < 0 && isdigit((unsigned char)p[1])) {
        const char *q = p + 1;
        if (digits(&q, 2, &mi)) {
          hh = (int)v;
          if (*q == ':' && digits(&(const char *){q + 1}, 2, &ss)) {
            q += 3;
          }
          p = q;
          const char *r = p;
          while (*r == ' ') {
            r++;
          }
          if (*r == '+' || *r == '-') {
            parse_offset(&r, &has_off, &off);
            p = r;
          }
        }
        continue;
      }
      if (nd == 4 && y < 0) {
        y = (int)v;
      } else if (nd <= 2 && d < 0 && v >= 1 && v <= 31) {
        d = (int)v;
        /* ordinal suffix: 1st, 2nd, 3rd, 18th */
        if ((p[0] == 's' && p[1] == 't') || (p[0] == 'n' && p[1] == 'd') ||
            (p[0] == 'r' && p[1] == 'd') || (p[0] == 't' && p[1] == 'h')) {
          p += 2;
        }
      }
      continue;
    }
    p++;
  }
  if (y < 0 || mo < 0 || d < 0) {
    return false;
  }
  return format_date(y, mo, d, hh, mi, ss, has_off, off, out);
}

bool
ng__meta_norm_date(const char *s, char out[32])
{
  if (!s) {
    return false;
  }
  while (*s == ' ' || *s == '\t' || *s == '\n') {
    s++;
  }
  if (parse_iso(s, out)) {
    return true;
  }
  /* an ISO date somewhere inside a longer string */
  for (const char *p = s; *p && p - s < 80; p++) {
    if (isdigit((unsigned char)p[0]) &&
        (p == s || !isdigit((unsigned char)p[-1])) &&
        isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
        isdigit((unsigned char)p[3]) && p[4] == '-' && parse_iso(p, out)) {
      return true;
    }
  }
  return parse_text_date(s, out);
}

/* Days since 1970-01-01 of a normalised date string. */
static long
days_of(const char *d)
{
  int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 +
          (d[3] - '0');
  int m = (d[5] - '0') * 10 + (d[6] - '0');
  int dd = (d[8] - '0') * 10 + (d[9] - '0');
  /* days_from_civil (H. Hinnant) */
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* Normalises @p s into @p out and checks it is not more than a day in
 * the future of the world clock (FAULT-CASES M13). */
static bool
good_date(const struct ctx *c, const char *s, char out[32])
{
  if (!s || !ng__meta_norm_date(s, out)) {
    return false;
  }
  long today = (long)(ng__world_now(c->world) / 86400);
  return days_of(out) <= today + 1;
}

/* ---------------------------------------------------------- JSON-LD */

static bool
type_is_article(json_object *o)
{
  static const char *const types[] = {
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
    "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting", "Report",
    "TechArticle", "ScholarlyArticle", "SatiricalArticle", "SocialMediaPosting",
    "DiscussionForumPosting"};
  json_object *t;
  if (!json_object_object_get_ex(o, "@type", &t)) {
    return false;
  }
  size_t n = json_object_is_type(t, json_type_array) ?
             json_object_array_length(t) : 1;
  for (size_t i = 0; i < n; i++) {
    json_object *e = json_object_is_type(t, json_type_array) ?
                     json_object_array_get_idx(t, i) : t;
    if (!json_object_is_type(e, json_type_string)) {
      continue;
    }
    const char *s = json_object_get_string(e);
    const char *h = strrchr(s, '/');
    s = h ? h + 1 : s; /* "https://schema.org/NewsArticle" */
    for (size_t k = 0; k < ARRAY_LEN(types); k++) {
      if (strcmp(s, types[k]) == 0) {
        return true;
      }
    }
  }
  return false;
}

/* Every JSON object reachable through arrays and @graph, and the objects
 * nested one level under properties (mainEntity, ...), in order. */
struct objlist {
  json_object **v; /* borrowed */
  size_t n, cap;
};

static void
collect_objects(struct objlist *l, json_object *o, int depth)
{
  if (!o || depth > MAX_JSON_DEPTH) {
    return;
  }
  if (json_object_is_type(o, json_type_array)) {
    size_t n = json_object_array_length(o);
    for (size_t i = 0; i < n; i++) {
      collect_objects(l, json_object_array_get_idx(o, i), depth + 1);
    }
    return;
  }
  if (!json_object_is_type(o, json_type_object)) {
    return;
  }
  if (l->n == l->cap) {
    size_t ncap = l->cap ? l->cap * 2 : 16;
    json_object **p = realloc(l->v, ncap * sizeof *p);
    if (!p) {
      return;
    }
    l->v = p;
    l->cap = ncap;
  }
  l->v[l->n++] = o;
  json_object_object_foreach(o, key, val) {
    if (json_object_is_type(val, json_type_object) ||
        json_object_is_type(val, json_type_array)) {
      if (strcmp(key, "author") == 0 || strcmp(key, "publisher") == 0 ||
          strcmp(key, "creator") == 0) {
        continue; /* read where used; their @type is Person/Organization */
      }
      collect_objects(l, val, depth + 1);
    }
  }
}

/* The object with "@id" @p id in @p l, or NULL. */
static json_object *
find_id(const struct objlist *l, const char *id)
{
  for (size_t i = 0; i < l->n; i++) {
    json_object *v;
    if (json_object_object_get_ex(l->v[i], "@id", &v) &&
        json_object_is_type(v, json_type_string) &&
        strcmp(json_object_get_string(v), id) == 0 &&
        json_object_object_length(l->v[i]) > 1) {
      return l->v[i];
    }
  }
  return NULL;
}

/* Decodes HTML character references in @p s in place: JSON-LD strings
 * are not entity-decoded by the HTML parser, and sites put "&#039;" in
 * them (FAULT-CASES M02: decode exactly once). */
static void
decode_entities(char *s)
{
  char *r = s, *w = s;
  while (*r) {
    if (*r == '&') {
      const char *semi = strchr(r, ';');
      if (semi && semi - r > 1 && semi - r < 12) {
        uint32_t cp = 0;
        if (r[1] == '#') {
          char *end;
          unsigned long v = (r[2] == 'x' || r[2] == 'X') ?
                            strtoul(r + 3, &end, 16) : strtoul(r + 2, &end, 10);
          if (end == semi && v > 0 && v <= 0x10FFFF &&
              !(v >= 0xD800 && v <= 0xDFFF)) {
            cp = (uint32_t)v;
          }
        } else {
          char name[12];
          size_t nl = (size_t)(semi - r - 1);
          memcpy(name, r + 1, nl);
          name[nl] = '\0';
          const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
          if (e) {
            cp = e->value;
          }
        }
        if (cp) {
          char u[4];
          size_t n = ng__utf8_encode(cp, u);
          if (n <= (size_t)(semi + 1 - r)) {
            memcpy(w, u, n);
            w += n;
            r = (char *)(uintptr_t)semi + 1;
            continue;
          }
        }
      }
    }
    *w++ = *r++;
  }
  *w = '\0';
}

/* Adds the string @p v (or the "name" of an object, or each element of an
 * array) under @p key. @id references are followed through @p l. */
static void
add_json_names(struct ctx *c, const struct objlist *l, const char *key,
               json_object *v, int depth)
{
  if (!v || depth > 4) {
    return;
  }
  if (json_object_is_type(v, json_type_string)) {
    char *s = strdup(json_object_get_string(v));
    if (!s) {
      c->st = NG_ERR_NOMEM;
      return;
    }
    decode_entities(s);
    add_kvs(c, key, s);
    free(s);
  } else if (json_object_is_type(v, json_type_array)) {
    size_t n = json_object_array_length(v);
    for (size_t i = 0; i < n && i < 20; i++) {
      add_json_names(c, l, key, json_object_array_get_idx(v, i), depth + 1);
    }
  } else if (json_object_is_type(v, json_type_object)) {
    json_object *name, *id;
    if (json_object_object_get_ex(v, "name", &name)) {
      add_json_names(c, l, key, name, depth + 1);
    } else if (json_object_object_get_ex(v, "@id", &id) &&
               json_object_is_type(id, json_type_string)) {
      json_object *ref = find_id(l, json_object_get_string(id));
      if (ref && ref != v) {
        add_json_names(c, l, key, ref, depth + 1);
      }
    } else {
      json_object *g, *f;
      if (json_object_object_get_ex(v, "givenName", &g) &&
          json_object_object_get_ex(v, "familyName", &f) &&
          json_object_is_type(g, json_type_string) &&
          json_object_is_type(f, json_type_string)) {
        char full[256];
        int n = snprintf(full, sizeof full, "%s %s",
                         json_object_get_string(g), json_object_get_string(f));
        if (n > 0 && (size_t)n < sizeof full) {
          add_kvs(c, key, full);
        }
      }
    }
  }
}

/* Adds a URL-valued property: a string, or an object's "@id"/"url". */
static void
add_json_url(struct ctx *c, const char *key, json_object *v)
{
  if (!v) {
    return;
  }
  if (json_object_is_type(v, json_type_string)) {
    add_kvs(c, key, json_object_get_string(v));
  } else if (json_object_is_type(v, json_type_object)) {
    json_object *u;
    if ((json_object_object_get_ex(v, "@id", &u) ||
         json_object_object_get_ex(v, "url", &u)) &&
        json_object_is_type(u, json_type_string)) {
      add_kvs(c, key, json_object_get_string(u));
    }
  }
}

static json_object *
prop(json_object *o, const char *name)
{
  json_object *v;
  return json_object_object_get_ex(o, name, &v) ? v : NULL;
}

/* Reads the article object(s) of one parsed JSON-LD block. */
static void
read_jsonld(struct ctx *c, json_object *root)
{
  struct objlist l = {NULL, 0, 0};
  collect_objects(&l, root, 0);
  for (size_t i = 0; i < l.n; i++) {
    json_object *o = l.v[i];
    if (!type_is_article(o)) {
      continue;
    }
    add_json_names(c, &l, "jsonld:headline", prop(o, "headline"), 0);
    add_json_names(c, &l, "jsonld:name", prop(o, "name"), 0);
    add_json_names(c, &l, "jsonld:published", prop(o, "datePublished"), 0);
    add_json_names(c, &l, "jsonld:modified", prop(o, "dateModified"), 0);
    add_json_names(c, &l, "jsonld:created", prop(o, "dateCreated"), 0);
    add_json_names(c, &l, "jsonld:author", prop(o, "author"), 0);
    add_json_names(c, &l, "jsonld:author", prop(o, "creator"), 0);
    add_json_names(c, &l, "jsonld:publisher", prop(o, "publisher"), 0);
    add_json_names(c, &l, "jsonld:lang", prop(o, "inLanguage"), 0);
    add_json_names(c, &l, "jsonld:description", prop(o, "description"), 0);
    add_json_url(c, "jsonld:url", prop(o, "mainEntityOfPage"));
    add_json_url(c, "jsonld:url", prop(o, "url"));
  }
  /* A WebSite/Organization name is a site-name hint for the title. */
  for (size_t i = 0; i < l.n; i++) {
    json_object *t = prop(l.v[i], "@type");
    if (t && json_object_is_type(t, json_type_string) &&
        (strcmp(json_object_get_string(t), "WebSite") == 0 ||
         strcmp(json_object_get_string(t), "NewsMediaOrganization") == 0 ||
         strcmp(json_object_get_string(t), "Organization") == 0)) {
      add_json_names(c, &l, "jsonld:sitename", prop(l.v[i], "name"), 0);
    }
  }
  free(l.v);
}

/* Parses one <script type=application/ld+json> text, tolerating a CDATA
 * wrapper, a trailing ';' and raw control characters inside strings
 * (FAULT-CASES M03). Unparseable blocks are skipped with a warning. */
static void
parse_jsonld_block(struct ctx *c, const char *text)
{
  char *s = strdup(text);
  if (!s) {
    c->st = NG_ERR_NOMEM;
    return;
  }
  char *b = s;
  size_t len = strlen(b);
  for (;;) {
    while (len > 0 && isspace((unsigned char)*b)) {
      b++;
      len--;
    }
    while (len > 0 && (isspace((unsigned char)b[len - 1]) ||
                       b[len - 1] == ';')) {
      b[--len] = '\0';
    }
    if (len >= 2 && b[0] == '/' && b[1] == '/') { /* //<![CDATA[ */
      char *nl = strchr(b, '\n');
      if (!nl) {
        break;
      }
      len -= (size_t)(nl + 1 - b);
      b = nl + 1;
      continue;
    }
    if (len >= 9 && strncmp(b, "<![CDATA[", 9) == 0) {
      b += 9;
      len -= 9;
      continue;
    }
    if (len >= 3 && strcmp(b + len - 3, "]]>") == 0) {
      len -= 3;
      b[len] = '\0';
      while (len > 0 && b[len - 1] == '/') {
        b[--len] = '\0';
      }
      char *sl = strrchr(b, '\n');
      if (sl && strncmp(sl + 1, "//", 2) == 0) {
        *sl = '\0';
        len = (size_t)(sl - b);
      }
      continue;
    }
    break;
  }
  enum json_tokener_error jerr;
  json_object *root = json_tokener_parse_verbose(b, &jerr);
  if (!root) {
    /* Raw newlines/tabs inside strings are invalid JSON that authors
     * write; whitespace is folded later anyway. */
    for (char *p = b; *p; p++) {
      if ((unsigned char)*p < 0x20) {
        *p = ' ';
      }
    }
    root = json_tokener_parse_verbose(b, &jerr);
  }
  if (!root) {
    ng__warnf(c->world, "%s: skipping malformed JSON-LD block (%s)",
              c->doc->name, json_tokener_error_desc(jerr));
  } else {
    read_jsonld(c, root);
    json_object_put(root);
  }
  free(s);
}

/* ------------------------------------------------------------- HTML */

/* True if the space-separated token list @p list contains @p tok
 * (ASCII case-insensitive). */
static bool
has_token(const char *list, const char *tok)
{
  size_t tl = strlen(tok);
  const char *p = list;
  while (p && *p) {
    while (*p == ' ' || *p == '\t' || *p == '\n') {
      p++;
    }
    const char *e = p;
    while (*e && *e != ' ' && *e != '\t' && *e != '\n') {
      e++;
    }
    if ((size_t)(e - p) == tl && strncasecmp(p, tok, tl) == 0) {
      return true;
    }
    p = e;
  }
  return false;
}

static bool
inside(xmlNodePtr n, const char *tag)
{
  for (xmlNodePtr p = n->parent; p; p = p->parent) {
    if (ng__html_is(p, tag)) {
      return true;
    }
  }
  return false;
}

/* The itemprop="name" value inside an itemscope element, or NULL. */
static char *
scoped_name(xmlNodePtr scope)
{
  for (xmlNodePtr n = scope->children ? scope->children : NULL; n;
       n = ng__html_next(scope, n, false)) {
    const char *ip = ng__html_attr(n, "itemprop");
    if (ip && has_token(ip, "name")) {
      const char *cv = ng__html_attr(n, "content");
      return cv ? strdup(cv) : ng__html_text_dup(n);
    }
  }
  return NULL;
}

/* Microdata itemprop values the metadata uses. */
static void
read_itemprop(struct ctx *c, xmlNodePtr n, const char *ip)
{
  static const char *const props[] = {"headline", "datePublished",
                                      "dateModified", "author", "publisher",
                                      "inLanguage", "dateCreated"};
  for (size_t i = 0; i < ARRAY_LEN(props); i++) {
    if (!has_token(ip, props[i])) {
      continue;
    }
    char key[64];
    snprintf(key, sizeof key, "itemprop:%s", props[i]);
    const char *v = ng__html_attr(n, "content");
    if (!v) {
      v = ng__html_attr(n, "datetime");
    }
    if (v) {
      add_kvs(c, key, v);
      continue;
    }
    char *t = NULL;
    if (ng__html_attr(n, "itemscope")) {
      t = scoped_name(n);
    } else if (!ng__html_is(n, "meta") && !ng__html_is(n, "link")) {
      t = ng__html_text_dup(n);
    }
    if (t) {
      add_kvs(c, key, t);
      free(t);
    }
  }
}

/* A short text line that announces the publication date: "Published:
 * 18 February 2025", "Posted on ...", "First published ...". */
static void
read_visible_date(struct ctx *c, const char *text)
{
  static const char *const leads[] = {"published", "posted", "first published",
                                      "publication date", "date published",
                                      "released"};
  while (*text == ' ' || *text == '\n' || *text == '\t' || *text == '|') {
    text++;
  }
  size_t len = strlen(text);
  if (len < 12 || len > 120) {
    return;
  }
  for (size_t i = 0; i < ARRAY_LEN(leads); i++) {
    size_t ll = strlen(leads[i]);
    if (strncasecmp(text, leads[i], ll) == 0) {
      add_kvs(c, "visible:published", text + ll);
      return;
    }
  }
}

static void
walk_html(struct ctx *c, xmlDocPtr html)
{
  xmlNodePtr root = xmlDocGetRootElement(html);
  bool in_body_text = false;
  for (xmlNodePtr n = root; n && c->st == NG_OK;) {
    bool skip = false;
    if (n->type == XML_ELEMENT_NODE) {
      const char *name = (const char *)n->name;
      const char *ip = ng__html_attr(n, "itemprop");
      if (ip) {
        read_itemprop(c, n, ip);
      }
      if (strcmp(name, "html") == 0) {
        add_kvs(c, "html:lang", ng__html_attr(n, "lang"));
        add_kvs(c, "html:lang", ng__html_attr(n, "xml:lang"));
      } else if (strcmp(name, "title") == 0) {
        if (!inside(n, "svg") && !get(c, "title")) {
          char *t = ng__html_text_dup(n);
          add_kvs(c, "title", t);
          free(t);
        }
        skip = true;
      } else if (strcmp(name, "h1") == 0) {
        char *t = ng__html_text_dup(n);
        add_kvs(c, "h1", t);
        free(t);
      } else if (strcmp(name, "meta") == 0) {
        const char *content = ng__html_attr(n, "content");
        const char *keys[] = {ng__html_attr(n, "property"),
                              ng__html_attr(n, "name"),
                              ng__html_attr(n, "http-equiv")};
        for (size_t i = 0; i < ARRAY_LEN(keys) && content; i++) {
          if (!keys[i] || strlen(keys[i]) > 60) {
            continue;
          }
          char key[80];
          snprintf(key, sizeof key, "%s%s", i == 2 ? "equiv:" : "meta:",
                   keys[i]);
          for (char *p = key; *p; p++) {
            *p = (char)tolower((unsigned char)*p);
          }
          add_kvs(c, key, content);
        }
      } else if (strcmp(name, "link") == 0) {
        const char *rel = ng__html_attr(n, "rel");
        if (rel && has_token(rel, "canonical")) {
          add_kvs(c, "canonical", ng__html_attr(n, "href"));
        }
      } else if (strcmp(name, "script") == 0) {
        const char *type = ng__html_attr(n, "type");
        if (type && strncasecmp(type, "application/ld+json", 19) == 0) {
          struct ng_buf b;
          ng__buf_init(&b, 0);
          for (xmlNodePtr t = n->children; t; t = t->next) {
            if (t->content && ng__buf_adds(&b, (const char *)t->content) !=
                                  NG_OK) {
              c->st = NG_ERR_NOMEM;
              break;
            }
          }
          if (b.data) {
            parse_jsonld_block(c, b.data);
          }
          ng__buf_free(&b);
        }
        skip = true;
      } else if (strcmp(name, "style") == 0 || strcmp(name, "noscript") == 0 ||
                 strcmp(name, "template") == 0) {
        skip = true;
      } else if (strcmp(name, "time") == 0) {
        const char *dt = ng__html_attr(n, "datetime");
        if (dt && ng__html_attr(n, "pubdate")) {
          add_kvs(c, "time:pubdate", dt);
        }
        add_kvs(c, "time:any", dt);
      } else if (strcmp(name, "a") == 0 || strcmp(name, "link") == 0) {
        const char *rel = ng__html_attr(n, "rel");
        if (rel && has_token(rel, "author")) {
          char *t = ng__html_text_dup(n);
          add_kvs(c, "rel:author", t);
          free(t);
        }
      } else if (strcmp(name, "body") == 0) {
        in_body_text = true;
      }
    } else if (n->type == XML_TEXT_NODE && in_body_text && n->content &&
               !get(c, "visible:published")) {
      read_visible_date(c, (const char *)n->content);
    }
    n = ng__html_next(root, n, skip);
  }
}

/* ------------------------------------------------------- composition */

/* Lower-case alphanumerics of @p s into @p out (for loose comparison). */
static void
squash(const char *s, char *out, size_t cap)
{
  size_t o = 0;
  for (; *s && o + 1 < cap; s++) {
    unsigned char ch = (unsigned char)*s;
    if (isalnum(ch) || ch >= 0x80) {
      out[o++] = (char)tolower(ch);
    }
  }
  out[o] = '\0';
}

static bool
loose_eq(const char *a, const char *b)
{
  char x[512], y[512];
  if (!a || !b) {
    return false;
  }
  squash(a, x, sizeof x);
  squash(b, y, sizeof y);
  return x[0] && strcmp(x, y) == 0;
}

/* Separators between a headline and a site name in <title>. */
static const char *const title_seps[] = {" | ", " - ", " \xe2\x80\x93 ",
                                         " \xe2\x80\x94 ", " :: ", " \xc2\xb7 ",
                                         " \xe2\x80\xa2 ", " \xc2\xbb ",
                                         " / ", " \xe2\x80\xba "};

/* Words in @p s (runs separated by spaces). */
static size_t
n_words(const char *s, size_t len)
{
  size_t n = 0;
  bool in = false;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == ' ') {
      in = false;
    } else if (!in) {
      in = true;
      n++;
    }
  }
  return n;
}

/* True if @p site (a short title part) looks like the host of @p url:
 * "Bernama" for www.bernama.example. */
static bool
matches_host(const char *site, const char *url)
{
  char s[128], h[256];
  if (!site || !url) {
    return false;
  }
  const char *p = strstr(url, "://");
  if (!p) {
    return false;
  }
  p += 3;
  size_t hl = strcspn(p, "/?#:");
  if (hl >= sizeof h) {
    return false;
  }
  memcpy(h, p, hl);
  h[hl] = '\0';
  squash(site, s, sizeof s);
  char hs[256];
  squash(h, hs, sizeof hs);
  return strlen(s) >= 3 && strstr(hs, s) != NULL;
}

/* True if the page body shows @p part but not the whole @p title: the
 * headline is printed on the page, the site name beside it is not part
 * of it. */
static bool
in_body(struct ctx *c, const char *part, const char *title)
{
  if (!c->body) {
    xmlNodePtr root = xmlDocGetRootElement(c->html);
    xmlNodePtr body = root;
    for (xmlNodePtr n = root; n; n = ng__html_next(root, n, false)) {
      if (ng__html_is(n, "body")) {
        body = n;
        break;
      }
    }
    c->body = body ? ng__html_text_dup(body) : NULL;
    if (!c->body) {
      return false;
    }
  }
  return strstr(c->body, part) && !strstr(c->body, title);
}

/* Removes the site-name part of a <title>-like string (FAULT-CASES M01):
 * a part equal to a known site name, or, when one side is short and the
 * other is confirmed by the <h1> or the page host, the short side. Stores
 * the removed site part in *site (new string) when it was inferred. */
static char *
clean_title(struct ctx *c, const char *title, const char *const *sites,
            size_t n_sites, const char *h1, const char *url, char **site)
{
  size_t tl = strlen(title);
  if (h1 && strcmp(title, h1) == 0) {
    return strdup(title);
  }
  for (size_t s = 0; s < ARRAY_LEN(title_seps); s++) {
    const char *sep = title_seps[s];
    size_t sl = strlen(sep);
    /* last separator: "Headline | Site" */
    const char *last = NULL;
    for (const char *p = strstr(title, sep); p; p = strstr(p + 1, sep)) {
      last = p;
    }
    const char *first = strstr(title, sep);
    if (!last) {
      continue;
    }
    const char *tail = last + sl;
    size_t head_len = (size_t)(first - title);
    for (size_t i = 0; i < n_sites; i++) {
      if (sites[i] && loose_eq(tail, sites[i])) {
        return strndup(title, (size_t)(last - title));
      }
      if (sites[i]) {
        char *head = strndup(title, head_len);
        bool eq = head && loose_eq(head, sites[i]);
        free(head);
        if (eq) {
          return strdup(first + sl);
        }
      }
    }
    /* No site name known: one short side and a confirmation. */
    if (first == last) {
      size_t tail_len = tl - (size_t)(tail - title);
      size_t wh = n_words(title, head_len), wt = n_words(tail, tail_len);
      char *head = strndup(title, head_len);
      if (!head) {
        return NULL;
      }
      char *res = NULL;
      if (wt <= 3 && wh >= 4 &&
          ((h1 && loose_eq(head, h1)) || matches_host(tail, url) ||
           in_body(c, head, title))) {
        res = head;
        *site = strdup(tail);
      } else if (wh <= 3 && wt >= 4 &&
                 ((h1 && loose_eq(tail, h1)) || matches_host(head, url) ||
                  in_body(c, tail, title))) {
        res = strdup(tail);
        *site = head;
      } else {
        free(head);
      }
      if (res) {
        return res;
      }
    }
  }
  return strdup(title);
}

/* Sets *field to a copy of @p v (collapsed). */
static ng_status
set_field(char **field, const char *v)
{
  if (!v) {
    return NG_OK;
  }
  return ng__doc_set_str(field, v, strlen(v));
}

/* Normalises a language tag: "en_us" -> "en-US" (BCP 47 case
 * conventions, RFC 5646 2.1.1). False if it is not tag-shaped. */
static bool
norm_lang(const char *in, char out[36])
{
  size_t n = 0, seg = 0, seglen = 0;
  while (*in == ' ') {
    in++;
  }
  for (const char *p = in; *p && *p != ' ' && *p != ',' && *p != ';'; p++) {
    if (n >= 35) {
      return false;
    }
    char ch = *p == '_' ? '-' : *p;
    if (ch == '-') {
      if (seglen == 0) {
        return false;
      }
      seg++;
      seglen = 0;
      out[n++] = '-';
      continue;
    }
    if (!isalnum((unsigned char)ch) || seglen >= 8) {
      return false;
    }
    if (seg == 0 && !isalpha((unsigned char)ch)) {
      return false;
    }
    out[n++] = ch;
    seglen++;
  }
  out[n] = '\0';
  if (n == 0 || seglen == 0) {
    return false;
  }
  size_t first = strcspn(out, "-");
  if (first < 2 || first > 3) {
    return false;
  }
  /* lower-case all, then upper-case 2-letter region subtags */
  for (size_t i = 0; i < n; i++) {
    out[i] = (char)tolower((unsigned char)out[i]);
  }
  char *p = out;
  for (size_t s = 0; *p; s++) {
    size_t l = strcspn(p, "-");
    if (s > 0 && l == 2) {
      p[0] = (char)toupper((unsigned char)p[0]);
      p[1] = (char)toupper((unsigned char)p[1]);
    }
    p += l;
    if (*p == '-') {
      p++;
    }
  }
  return true;
}

/* Honorific and generational suffixes that belong to the name before a
 * comma (FAULT-CASES M07). */
static bool
is_name_suffix(const char *s, size_t len)
{
  static const char *const sfx[] = {"jr", "jr.", "sr", "sr.", "ii", "iii",
                                    "iv", "md", "m.d.", "phd", "ph.d.",
                                    "esq", "esq."};
  for (size_t i = 0; i < ARRAY_LEN(sfx); i++) {
    if (strlen(sfx[i]) == len && strncasecmp(s, sfx[i], len) == 0) {
      return true;
    }
  }
  return false;
}

/* True if @p name (trimmed) can be a person's name. */
static bool
person_like(const char *name, size_t len, const char *publisher)
{
  static const char *const bad[] = {
    "email", "e-mail", "follow", "staff", "editor", "editorial", "desk",
    "team", "reporters", "bureau", "newsroom", "twitter", "facebook",
    "contributor", "admin", "wire", "agencies", "hours ago", "minutes ago",
    "read more", "http", "www."};
  if (len < 2 || len > 60 || n_words(name, len) > 6) {
    return false;
  }
  bool alpha = false;
  for (size_t i = 0; i < len; i++) {
    unsigned char ch = (unsigned char)name[i];
    if (isdigit(ch) || ch == '@' || ch == '/' || ch == '<' || ch == '>') {
      return false;
    }
    if (isalpha(ch) || ch >= 0x80) {
      alpha = true;
    }
  }
  if (!alpha) {
    return false;
  }
  for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
    size_t bl = strlen(bad[i]);
    for (size_t k = 0; k + bl <= len; k++) {
      if (strncasecmp(name + k, bad[i], bl) == 0 &&
          (k == 0 || !isalpha((unsigned char)name[k - 1])) &&
          (k + bl == len || !isalpha((unsigned char)name[k + bl]))) {
        return false;
      }
    }
  }
  char *tmp = strndup(name, len);
  bool pub = tmp && publisher && loose_eq(tmp, publisher);
  free(tmp);
  return !pub;
}

/* Appends one cleaned author name unless present or not person-like. */
static ng_status
add_author(struct ng_doc *doc, const char *s, size_t len,
           const char *publisher)
{
  while (len > 0 && (*s == ' ' || *s == ',' || *s == '-' || *s == '|')) {
    s++;
    len--;
  }
  while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == ',' ||
                     s[len - 1] == '|')) {
    len--;
  }
  static const char *const prefixes[] = {"by ", "written by ", "reporting by ",
                                         "story by ", "words by ", "author: ",
                                         "from "};
  for (size_t i = 0; i < ARRAY_LEN(prefixes); i++) {
    size_t pl = strlen(prefixes[i]);
    if (len > pl && strncasecmp(s, prefixes[i], pl) == 0) {
      s += pl;
      len -= pl;
      break;
    }
  }
  while (len > 0 && s[0] == ' ') {
    s++;
    len--;
  }
  if (!person_like(s, len, publisher)) {
    return NG_OK;
  }
  struct ng_meta *m = &doc->meta;
  for (size_t i = 0; i < m->n_authors; i++) {
    if (strlen(m->authors[i]) == len && strncmp(m->authors[i], s, len) == 0) {
      return NG_OK;
    }
  }
  if (m->n_authors >= 32) {
    return NG_OK;
  }
  char **p = realloc(m->authors, (m->n_authors + 1) * sizeof *p);
  if (!p) {
    return NG_ERR_NOMEM;
  }
  m->authors = p;
  m->authors[m->n_authors] = strndup(s, len);
  if (!m->authors[m->n_authors]) {
    return NG_ERR_NOMEM;
  }
  m->n_authors++;
  return NG_OK;
}

ng_status
ng__meta_add_authors(struct ng_doc *doc, const char *s, const char *publisher)
{
  ng_status st;
  if (!s) {
    return NG_OK;
  }
  size_t len = strlen(s);
  size_t start = 0, i = 0;
  while (i <= len) {
    size_t cut = 0; /* separator length at i, 0 if none */
    if (i == len) {
      cut = 1;
    } else if (s[i] == ',' || s[i] == ';' || s[i] == '|') {
      /* "Sam Ortiz, Jr." keeps its suffix */
      size_t j = i + 1;
      while (j < len && s[j] == ' ') {
        j++;
      }
      size_t k = j;
      while (k < len && s[k] != ',' && s[k] != ';' && s[k] != ' ') {
        k++;
      }
      if (s[i] == ',' && is_name_suffix(s + j, k - j)) {
        i = k;
        continue;
      }
      cut = 1;
    } else if (len - i >= 5 && strncasecmp(s + i, " and ", 5) == 0) {
      cut = 5;
    } else if (len - i >= 3 && strncmp(s + i, " & ", 3) == 0) {
      cut = 3;
    }
    if (cut) {
      TRY(st, add_author(doc, s + start, i - start, publisher));
      i += cut;
      start = i;
      continue;
    }
    i++;
  }
  return NG_OK;
}

/* The first candidate among @p keys that is a good date. */
static bool
first_date(const struct ctx *c, const char *const *keys, size_t n,
           char out[32])
{
  for (size_t k = 0; k < n; k++) {
    for (size_t i = 0; i < c->n_kv; i++) {
      if (strcmp(c->kv[i].key, keys[k]) == 0 &&
          good_date(c, c->kv[i].value, out)) {
        return true;
      }
    }
  }
  return false;
}

static const char *
first_of(const struct ctx *c, const char *const *keys, size_t n)
{
  for (size_t k = 0; k < n; k++) {
    const char *v = get(c, keys[k]);
    if (v) {
      return v;
    }
  }
  return NULL;
}

static ng_status
compose(struct ctx *c)
{
  struct ng_doc *doc = c->doc;
  struct ng_meta *m = &doc->meta;
  ng_status st;
  char date[32];

  /* publisher (needed to filter authors and titles) */
  static const char *const pub_keys[] = {
    "jsonld:publisher", "meta:og:site_name", "meta:publisher",
    "itemprop:publisher", "meta:application-name", "meta:dc.publisher",
    "meta:dcterms.publisher", "meta:twitter:site"};
  const char *publisher = first_of(c, pub_keys, ARRAY_LEN(pub_keys));
  if (publisher && publisher[0] == '@') {
    publisher = NULL; /* a twitter handle is not a name */
  }
  TRY(st, set_field(&m->site_name, get(c, "meta:og:site_name")));

  /* canonical URL (FAULT-CASES M14) */
  const char *base = doc->final_url ? doc->final_url : doc->user_url;
  static const char *const url_keys[] = {"canonical", "meta:og:url",
                                         "jsonld:url"};
  for (size_t k = 0; k < ARRAY_LEN(url_keys) && !m->canonical_url; k++) {
    for (size_t i = 0; i < c->n_kv && !m->canonical_url; i++) {
      if (strcmp(c->kv[i].key, url_keys[k]) == 0) {
        m->canonical_url = ng__input_resolve_article_url(base,
                                                         c->kv[i].value);
      }
    }
  }

  /* headline (FAULT-CASES M01) */
  const char *sites[4] = {publisher, get(c, "meta:og:site_name"),
                          get(c, "meta:application-name"),
                          get(c, "jsonld:sitename")};
  const char *h1 = get(c, "h1");
  const char *url = m->canonical_url ? m->canonical_url : base;
  char *inferred_site = NULL;
  const char *jl = get(c, "jsonld:headline");
  const char *jname = get(c, "jsonld:name");
  if (!jl && jname && !loose_eq(jname, publisher)) {
    jl = jname;
  }
  static const char *const title_keys[] = {
    "meta:og:title", "itemprop:headline", "meta:twitter:title",
    "meta:dc.title", "title"};
  char *headline = NULL;
  if (jl) {
    headline = strdup(jl);
  } else {
    for (size_t k = 0; k < ARRAY_LEN(title_keys) && !headline; k++) {
      const char *t = get(c, title_keys[k]);
      if (t) {
        headline = clean_title(c, t, sites, ARRAY_LEN(sites), h1, url,
                               &inferred_site);
      }
    }
  }
  if (!headline && h1) {
    headline = strdup(h1);
  }
  if (!inferred_site && get(c, "title")) {
    /* The site part of <title> names the publisher when nothing else
     * does ("Bernama - Headline"). */
    char *t = clean_title(c, get(c, "title"), sites, ARRAY_LEN(sites), h1,
                          url, &inferred_site);
    free(t);
  }
  if (headline) {
    ng__html_collapse(headline, strlen(headline));
    st = set_field(&m->headline, headline[0] ? headline : NULL);
    free(headline);
    if (st != NG_OK) {
      free(inferred_site);
      return st;
    }
  }
  if (!publisher) {
    publisher = inferred_site;
  }
  st = set_field(&m->publisher, publisher);
  free(inferred_site);
  TRY(st, st);

  /* dates (FAULT-CASES M03, M12, M13) */
  if (doc->user_date) {
    TRY(st, set_field(&m->date_published, doc->user_date));
  } else {
    static const char *const pub[] = {
      "jsonld:published", "meta:article:published_time",
      "meta:og:published_time", "meta:article:published",
      "itemprop:datePublished", "time:pubdate", "meta:pubdate",
      "meta:publishdate", "meta:publish-date", "meta:publish_date",
      "meta:publication_date", "meta:date", "meta:dc.date.issued",
      "meta:dc.date", "meta:dcterms.issued", "meta:dcterms.created",
      "meta:dcterms.date", "meta:sailthru.date", "meta:parsely-pub-date",
      "meta:article.published", "meta:datepublished",
      "meta:original-publish-date", "meta:citation_publication_date",
      "meta:citation_date", "jsonld:created", "itemprop:dateCreated",
      "visible:published", "time:any"};
    if (first_date(c, pub, ARRAY_LEN(pub), date)) {
      TRY(st, set_field(&m->date_published, date));
    }
  }
  static const char *const mod[] = {
    "jsonld:modified", "meta:article:modified_time", "meta:og:updated_time",
    "itemprop:dateModified", "meta:last-modified", "meta:dcterms.modified",
    "meta:article:modified"};
  if (first_date(c, mod, ARRAY_LEN(mod), date)) {
    TRY(st, set_field(&m->date_modified, date));
  }

  /* authors (FAULT-CASES M05, M07) */
  static const char *const auth_keys[] = {
    "jsonld:author", "meta:author", "meta:article:author", "meta:dc.creator",
    "meta:dcterms.creator", "itemprop:author", "meta:sailthru.author",
    "meta:parsely-author", "rel:author"};
  for (size_t k = 0; k < ARRAY_LEN(auth_keys) && m->n_authors == 0; k++) {
    for (size_t i = 0; i < c->n_kv; i++) {
      if (strcmp(c->kv[i].key, auth_keys[k]) == 0) {
        TRY(st, ng__meta_add_authors(doc, c->kv[i].value, m->publisher));
      }
    }
  }

  /* language (FAULT-CASES M15 asks for detection; the declaration is the
   * fallback here) */
  static const char *const lang_keys[] = {
    "jsonld:lang", "html:lang", "equiv:content-language", "meta:language",
    "meta:dc.language", "meta:og:locale"};
  char lang[36];
  for (size_t k = 0; k < ARRAY_LEN(lang_keys) && !m->language; k++) {
    const char *v = get(c, lang_keys[k]);
    if (v && norm_lang(v, lang)) {
      TRY(st, set_field(&m->language, lang));
    }
  }

  static const char *const desc_keys[] = {"meta:description",
                                          "meta:og:description",
                                          "jsonld:description"};
  TRY(st, set_field(&m->description,
                    first_of(c, desc_keys, ARRAY_LEN(desc_keys))));
  return NG_OK;
}

ng_status
ng__meta_parse(ng_world *world, struct ng_doc *doc, xmlDocPtr html)
{
  struct ctx c = {world, doc, NULL, 0, 0, NG_OK, html, NULL};
  ng__meta_clear(&doc->meta);
  walk_html(&c, html);
  ng_status st = c.st;
  if (st == NG_OK) {
    st = compose(&c);
  }
  for (size_t i = 0; i < c.n_kv; i++) {
    free(c.kv[i].key);
    free(c.kv[i].value);
  }
  free(c.kv);
  free(c.body);
  if (st != NG_OK) {
    return ng__errorf(world, st, "out of memory reading metadata of %s",
                      doc->name);
  }
  return NG_OK;
}
