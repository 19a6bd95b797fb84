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
  bool warned_future; /* good_date() has warned of a future date */
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
  if (hh == 24 && mi == 0 && ss == 0) {
    /* XSD 1.1 3.3.7: 24:00:00 is 00:00:00 of the next day (T09). */
    hh = 0;
    if (++d > month_len(y, mo)) {
      d = 1;
      if (++mo > 12) {
        mo = 1;
        if (++y > 9999) {
          return false;
        }
      }
    }
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
 * the future (FAULT-CASES M13). The future starts at the world clock, or,
 * when that is fixed (--now, SOURCE_DATE_EPOCH: for reproducible output,
 * often before the article was written), at the later of it and the real
 * clock: a fixed clock must not make real dates vanish, while a date
 * after today is impossible whatever the clock. A rejected future date is
 * reported once per page, naming the page and the date. */
static bool
good_date(struct ctx *c, const char *s, char out[32])
{
  if (!s || !ng__meta_norm_date(s, out)) {
    return false;
  }
  time_t now = ng__world_now(c->world);
  if (c->world->now_set && time(NULL) > now) {
    now = time(NULL);
  }
  long today = (long)(now / 86400);
  /* Placeholders of unset timestamps: year 1 ("0001-01-01T00:00:00Z",
   * Go's zero time) and the Unix epoch. Real old dates stay (M13). */
  if (out[0] == '0' || strncmp(out, "1970-01-01T00:00:00", 19) == 0) {
    return false;
  }
  if (days_of(out) <= today + 1) {
    return true;
  }
  if (!c->warned_future) {
    char day[16];
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(day, sizeof day, "%Y-%m-%d", &tm);
    c->warned_future = true;
    ng__warnf(c->world, "%s: ignoring the date %s, which is more than a day "
              "in the future (today is %s)", c->doc->name, out, day);
  }
  return false;
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
    if (!type_is_article(o) && !prop(o, "headline")) {
      continue; /* a WebPage with a headline describes the article too */
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

/* The first "datePublished" and "dateModified" string values of a JSON-LD
 * block that json-c cannot parse (an unescaped quote in a description is
 * common), read by a plain scan so that the page keeps its date
 * (FAULT-CASES M03: a bad block never costs the page its metadata). */
static void
raw_jsonld_dates(struct ctx *c, const char *b)
{
  static const char *const keys[][2] = {
    {"\"datePublished\"", "jsonldraw:published"},
    {"\"dateModified\"", "jsonldraw:modified"}};
  for (size_t k = 0; k < ARRAY_LEN(keys); k++) {
    const char *p = strstr(b, keys[k][0]);
    if (!p) {
      continue;
    }
    p += strlen(keys[k][0]);
    while (*p == ' ' || *p == '\t') {
      p++;
    }
    if (*p++ != ':') {
      continue;
    }
    while (*p == ' ' || *p == '\t') {
      p++;
    }
    if (*p++ != '"') {
      continue;
    }
    size_t len = strcspn(p, "\"");
    if (p[len] == '"' && len < 64) {
      add_kv(c, keys[k][1], p, len);
    }
  }
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
    raw_jsonld_dates(c, b);
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

/* True if @p n's class or id says "byline". */
static bool
is_byline_el(xmlNodePtr n)
{
  const char *cls = ng__html_attr(n, "class");
  const char *id = ng__html_attr(n, "id");
  return (cls && strcasestr(cls, "byline")) || (id && strcasestr(id, "byline"));
}

/* True if @p n's text, leading spaces skipped, starts with "By ". */
static bool
starts_by(xmlNodePtr n)
{
  char *t = ng__html_text_dup(n);
  const char *v = t;
  while (v && *v == ' ') {
    v++;
  }
  bool by = v && strncasecmp(v, "by ", 3) == 0;
  free(t);
  return by;
}

/* The printed byline of the story: the innermost of the first elements
 * whose class or id says "byline" and whose text starts with "By" (the
 * names, not the block that adds the agency), outside asides,
 * navigation and footers (related-story widgets carry bylines of other
 * stories: FAULT-CASES M05). Kept as "byline:text", the last author
 * source, cut where the names end: "By Ana Reis in Lisbon", "... for
 * Orlan Wire", "... | 3 May", "... \xc2\xb7 Email the author". */
static void
read_byline(struct ctx *c, xmlNodePtr n)
{
  static const char *const ends[] = {
    " in ", " for ", " at ", " on ", " with ", " \xc2\xb7", " | ", " - ",
    " \xe2\x80\x94", " \xe2\x80\x93", "\n"};
  if (get(c, "byline:text") || !is_byline_el(n)) {
    return;
  }
  if (inside(n, "aside") || inside(n, "nav") || inside(n, "footer")) {
    return;
  }
  for (xmlNodePtr d = n->children; d; d = ng__html_next(n, d, false)) {
    if (d->type == XML_ELEMENT_NODE && is_byline_el(d) && starts_by(d)) {
      return; /* the walk reaches the inner one next */
    }
  }
  char *t = ng__html_text_dup(n);
  if (t) {
    const char *v = t;
    while (*v == ' ') {
      v++;
    }
    if (strlen(v) <= 160 && strncasecmp(v, "by ", 3) == 0) {
      for (size_t i = 0; i < ARRAY_LEN(ends); i++) {
        char *e = strstr(t, ends[i]);
        if (e) {
          *e = '\0';
        }
      }
      add_kvs(c, "byline:text", v);
    }
  }
  free(t);
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
      if (in_body_text) {
        read_byline(c, n);
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

/* Drops one-word names (taken from the printed byline: there a single
 * word after a comma is the agency or the desk, "By Ana Reis, Reuters",
 * not a person; metadata authors are kept as given). */
static void
drop_one_word_names(struct ng_meta *m)
{
  size_t keep = 0;
  for (size_t i = 0; i < m->n_authors; i++) {
    char *a = m->authors[i];
    if (strchr(a, ' ')) {
      m->authors[keep++] = a;
    } else {
      free(a);
    }
  }
  m->n_authors = keep;
}

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

/* ---------------------------------------------------- visible dates */

/* Month names and abbreviations in the languages of the benchmark and
 * fixture pages (English, German, French, Spanish, Portuguese, Italian,
 * Dutch, Indonesian/Malay), lower case (CLDR month names). */
static const struct {
  const char *name;
  int month;
} month_words[] = {
  {"january", 1}, {"jan", 1}, {"janvier", 1}, {"januar", 1}, {"enero", 1},
  {"janeiro", 1}, {"gennaio", 1}, {"januari", 1}, {"janv", 1},
  {"february", 2}, {"feb", 2}, {"febr", 2}, {"f\xc3\xa9vrier", 2},
  {"fevrier", 2}, {"februar", 2}, {"febrero", 2}, {"fevereiro", 2},
  {"febbraio", 2}, {"februari", 2}, {"pebruari", 2}, {"f\xc3\xa9v", 2},
  {"march", 3}, {"mar", 3}, {"mars", 3}, {"m\xc3\xa4rz", 3}, {"marzo", 3},
  {"mar\xc3\xa7o", 3}, {"maart", 3}, {"maret", 3},
  {"april", 4}, {"apr", 4}, {"avril", 4}, {"abril", 4}, {"aprile", 4},
  {"may", 5}, {"mai", 5}, {"mayo", 5}, {"maio", 5}, {"maggio", 5},
  {"mei", 5},
  {"june", 6}, {"jun", 6}, {"juin", 6}, {"juni", 6}, {"junio", 6},
  {"junho", 6}, {"giugno", 6},
  {"july", 7}, {"jul", 7}, {"juillet", 7}, {"juli", 7}, {"julio", 7},
  {"julho", 7}, {"luglio", 7},
  {"august", 8}, {"aug", 8}, {"ao\xc3\xbbt", 8}, {"aout", 8},
  {"agosto", 8}, {"augustus", 8}, {"agustus", 8},
  {"september", 9}, {"sep", 9}, {"sept", 9}, {"septembre", 9},
  {"septiembre", 9}, {"setembro", 9}, {"settembre", 9},
  {"october", 10}, {"oct", 10}, {"octobre", 10}, {"oktober", 10},
  {"octubre", 10}, {"outubro", 10}, {"ottobre", 10}, {"okt", 10},
  {"november", 11}, {"nov", 11}, {"novembre", 11}, {"noviembre", 11},
  {"novembro", 11},
  {"december", 12}, {"dec", 12}, {"d\xc3\xa9" "cembre", 12},
  {"decembre", 12}, {"dezember", 12}, {"diciembre", 12}, {"dezembro", 12},
  {"dicembre", 12}, {"desember", 12}, {"dez", 12}, {"des", 12}};

/* The month (1-12) named by the word @p w (@p len bytes), or 0. */
static int
month_word(const char *w, size_t len)
{
  for (size_t i = 0; i < ARRAY_LEN(month_words); i++) {
    if (strlen(month_words[i].name) == len &&
        strncasecmp(w, month_words[i].name, len) == 0) {
      return month_words[i].month;
    }
  }
  return 0;
}

/* True if US daylight saving time is in force on @p y-@p m-@p d (second
 * Sunday of March to first Sunday of November, Energy Policy Act 2005). */
static bool
us_dst(int y, int m, int d)
{
  if (m < 3 || m > 11) {
    return false;
  }
  if (m > 3 && m < 11) {
    return true;
  }
  /* weekday of the 1st (0 = Sunday), Sakamoto's method */
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int yy = y - (m < 3);
  int wd = (yy + yy / 4 - yy / 100 + yy / 400 + t[m - 1] + 1) % 7;
  int first_sunday = 1 + (7 - wd) % 7;
  if (m == 3) {
    return d >= first_sunday + 7;
  }
  return d < first_sunday;
}

/* The UTC offset in minutes of the time-zone abbreviation @p w (@p len
 * bytes) on the date y-m-d, resolving the ambiguous ones (CST, IST, BST)
 * with the page language @p lang (FAULT-CASES M10). False when unknown or
 * ambiguous without a clue: then no offset is invented. Offsets from the
 * IANA tz database abbreviations. */
static bool
zone_offset(const char *w, size_t len, const char *lang, int y, int m, int d,
            int *off)
{
  static const struct {
    const char *abbr;
    int min;
  } fixed[] = {
    {"utc", 0}, {"gmt", 0}, {"z", 0}, {"est", -300}, {"edt", -240},
    {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480},
    {"pdt", -420}, {"akst", -540}, {"akdt", -480}, {"hst", -600},
    {"cet", 60}, {"cest", 120}, {"eet", 120}, {"eest", 180}, {"wet", 0},
    {"west", 60}, {"msk", 180}, {"jst", 540}, {"kst", 540}, {"hkt", 480},
    {"sgt", 480}, {"pht", 480}, {"wib", 420}, {"wita", 480}, {"wit", 540},
    {"aest", 600}, {"aedt", 660}, {"acst", 570}, {"acdt", 630},
    {"awst", 480}, {"nzst", 720}, {"nzdt", 780}, {"sast", 120},
    {"wat", 60}, {"cat", 120}, {"eat", 180}, {"pkt", 300}, {"npt", 345},
    {"ict", 420}, {"myt", 480}, {"gst", 240}, {"ast", -240},
    {"adt", -180}};
  char ab[8];
  if (len == 0 || len >= sizeof ab) {
    return false;
  }
  for (size_t i = 0; i < len; i++) {
    ab[i] = (char)tolower((unsigned char)w[i]);
  }
  ab[len] = '\0';
  for (size_t i = 0; i < ARRAY_LEN(fixed); i++) {
    if (strcmp(ab, fixed[i].abbr) == 0) {
      *off = fixed[i].min;
      return true;
    }
  }
  /* US generic zones: ET, CT, MT, PT follow daylight saving time. */
  static const struct {
    const char *abbr;
    int std;
  } generic[] = {{"et", -300}, {"ct", -360}, {"mt", -420}, {"pt", -480}};
  for (size_t i = 0; i < ARRAY_LEN(generic); i++) {
    if (strcmp(ab, generic[i].abbr) == 0) {
      *off = generic[i].std + (us_dst(y, m, d) ? 60 : 0);
      return true;
    }
  }
  const char *region = lang ? strchr(lang, '-') : NULL;
  region = region ? region + 1 : "";
  bool lang_is = false;
  if (strcmp(ab, "ist") == 0) {
    lang_is = lang && (strcmp(region, "IN") == 0 ||
                       strncmp(lang, "hi", 2) == 0);
    if (lang_is) {
      *off = 330; /* India Standard Time */
      return true;
    }
    if (lang && (strcmp(region, "IL") == 0 || strncmp(lang, "he", 2) == 0)) {
      *off = 120; /* Israel Standard Time */
      return true;
    }
    if (lang && (strcmp(region, "IE") == 0 || strncmp(lang, "ga", 2) == 0)) {
      *off = 60; /* Irish Standard Time (summer) */
      return true;
    }
    return false;
  }
  if (strcmp(ab, "cst") == 0) {
    if (lang && (strncmp(lang, "zh", 2) == 0 || strcmp(region, "CN") == 0 ||
                 strcmp(region, "TW") == 0)) {
      *off = 480; /* China Standard Time */
      return true;
    }
    if (lang && (strcmp(region, "US") == 0 || strcmp(region, "CA") == 0 ||
                 strcmp(region, "MX") == 0 || strcmp(lang, "en") == 0)) {
      *off = -360; /* North American Central Standard Time */
      return true;
    }
    return false;
  }
  if (strcmp(ab, "bst") == 0) {
    if (lang && strcmp(region, "GB") == 0) {
      *off = 60; /* British Summer Time */
      return true;
    }
    if (lang && (strcmp(region, "BD") == 0 || strncmp(lang, "bn", 2) == 0)) {
      *off = 360; /* Bangladesh Standard Time */
      return true;
    }
    return false;
  }
  return false;
}

/* A token of a short text: a number, a word or one punctuation byte. */
struct tok {
  const char *s;
  size_t len;
  char kind;  /* 'n' number, 'w' word, 'p' punctuation */
  long val;   /* value of a number */
  bool space; /* whitespace before it */
};

#define MAX_TOKS 64

static size_t
tokenize(const char *s, struct tok *t, size_t cap)
{
  size_t n = 0;
  bool space = true;
  const char *p = s;
  while (*p && n < cap) {
    unsigned char ch = (unsigned char)*p;
    if (isspace(ch) || (ch == 0xc2 && (unsigned char)p[1] == 0xa0)) {
      p += ch == 0xc2 ? 2 : 1;
      space = true;
      continue;
    }
    struct tok *k = &t[n++];
    k->s = p;
    k->space = space;
    k->val = 0;
    space = false;
    if (isdigit(ch)) {
      k->kind = 'n';
      while (isdigit((unsigned char)*p) && p - k->s < 9) {
        k->val = k->val * 10 + (*p - '0');
        p++;
      }
    } else if (isalpha(ch) || ch >= 0x80) {
      k->kind = 'w';
      while (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80) {
        if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0) {
          break;
        }
        p++;
      }
    } else {
      k->kind = 'p';
      p++;
    }
    k->len = (size_t)(p - k->s);
  }
  return n;
}

static bool
tok_is(const struct tok *t, const char *w)
{
  return t->kind == 'w' && strlen(w) == t->len &&
         strncasecmp(t->s, w, t->len) == 0;
}

static bool
tok_punct(const struct tok *t, char c)
{
  return t->kind == 'p' && t->s[0] == c;
}

/* Four-digit year, or a two-digit one read as the nearest past year. */
static int
full_year(const struct tok *t, int this_year)
{
  if (t->kind != 'n') {
    return -1;
  }
  if (t->len == 4) {
    return (int)t->val;
  }
  if (t->len == 2) {
    int y = 2000 + (int)t->val;
    return y <= this_year + 1 ? y : y - 100;
  }
  return -1;
}

/* Date order for all-numeric dates: 'D' day first, 'M' month first. */
struct dhint {
  const char *lang; /* normalised page language, may be NULL */
  char order;       /* 'D', 'M' or 0 when not known yet */
  int this_year;
  bool ambiguous;   /* set when a zone was left out as ambiguous (M10) */
};

/* Finds a date in the tokens from @p i: ISO Y-M-D, D.M.Y, D/M/Y or M/D/Y
 * (order from @p h, FAULT-CASES M11), "18 February 2025", "18. Februar
 * 2025", "22 de outubro de 2010", "Feb. 18(th), 2025". Sets *y, *m, *d
 * and *end (first token after the date). */
static bool
match_date(const struct tok *t, size_t n, size_t i, const struct dhint *h,
           int *y, int *m, int *d, size_t *end)
{
  if (t[i].kind == 'n') {
    /* Y-M-D */
    if (t[i].len == 4 && i + 4 < n && t[i + 1].kind == 'p' &&
        strchr("-/.", t[i + 1].s[0]) && t[i + 2].kind == 'n' &&
        t[i + 2].len <= 2 && tok_punct(&t[i + 3], t[i + 1].s[0]) &&
        t[i + 4].kind == 'n' && t[i + 4].len <= 2) {
      *y = (int)t[i].val;
      *m = (int)t[i + 2].val;
      *d = (int)t[i + 4].val;
      *end = i + 5;
      return true;
    }
    /* D.M.Y, D/M/Y, M/D/Y */
    if (t[i].len <= 2 && i + 4 < n && t[i + 1].kind == 'p' &&
        strchr("-/.", t[i + 1].s[0]) && !t[i + 1].space &&
        t[i + 2].kind == 'n' && t[i + 2].len <= 2 && !t[i + 2].space &&
        tok_punct(&t[i + 3], t[i + 1].s[0]) && !t[i + 3].space &&
        !t[i + 4].space) {
      int yy = full_year(&t[i + 4], h->this_year);
      if (yy < 0 || (t[i + 4].len == 2 && t[i + 1].s[0] == '-')) {
        return false;
      }
      int a = (int)t[i].val, b = (int)t[i + 2].val;
      char order = t[i + 1].s[0] == '.' ? 'D' : 0;
      if (!order) {
        order = a > 12 ? 'D' : b > 12 ? 'M' : h->order;
      }
      if (!order) {
        /* day first except in the United States (CLDR date formats) */
        bool us = !h->lang || strcmp(h->lang, "en") == 0 ||
                  strcmp(h->lang, "en-US") == 0;
        order = us ? 'M' : 'D';
      }
      *y = yy;
      *m = order == 'D' ? b : a;
      *d = order == 'D' ? a : b;
      *end = i + 5;
      return true;
    }
    /* D[.] [de] Month [de] [,] Y */
    if (t[i].len <= 2) {
      size_t j = i + 1;
      if (j < n && tok_punct(&t[j], '.')) {
        j++;
      }
      if (j < n && (tok_is(&t[j], "st") || tok_is(&t[j], "nd") ||
                    tok_is(&t[j], "rd") || tok_is(&t[j], "th"))) {
        j++;
      }
      if (j < n && tok_is(&t[j], "de")) {
        j++;
      }
      int mo = j < n && t[j].kind == 'w' ? month_word(t[j].s, t[j].len) : 0;
      if (!mo) {
        return false;
      }
      j++;
      if (j < n && tok_punct(&t[j], '.')) {
        j++;
      }
      if (j < n && (tok_is(&t[j], "de") || tok_punct(&t[j], ','))) {
        j++;
      }
      if (j < n && t[j].kind == 'n' && t[j].len == 4) {
        *y = (int)t[j].val;
        *m = mo;
        *d = (int)t[i].val;
        *end = j + 1;
        return true;
      }
    }
    return false;
  }
  /* Month [.] D[th] [,] Y */
  int mo = t[i].kind == 'w' ? month_word(t[i].s, t[i].len) : 0;
  if (!mo) {
    return false;
  }
  size_t j = i + 1;
  if (j < n && tok_punct(&t[j], '.')) {
    j++;
  }
  if (!(j < n && t[j].kind == 'n' && t[j].len <= 2)) {
    return false;
  }
  int dd = (int)t[j].val;
  j++;
  if (j < n && (tok_is(&t[j], "st") || tok_is(&t[j], "nd") ||
                tok_is(&t[j], "rd") || tok_is(&t[j], "th")) &&
      !t[j].space) {
    j++;
  }
  if (j < n && tok_punct(&t[j], ',')) {
    j++;
  }
  if (j < n && t[j].kind == 'n' && t[j].len == 4) {
    *y = (int)t[j].val;
    *m = mo;
    *d = dd;
    *end = j + 1;
    return true;
  }
  return false;
}

/* A clock time at token @p i: hh:mm[:ss] [am|pm|a.m.|p.m.] [zone]
 * (FAULT-CASES M09: 12 AM is 00, 12 PM is 12). *zone_tok is the index of
 * a following word that may be a zone, or n. */
static bool
match_time(const struct tok *t, size_t n, size_t i, int *hh, int *mi,
           int *ss, size_t *zone_tok)
{
  if (!(t[i].kind == 'n' && t[i].len <= 2 && i + 2 < n &&
        tok_punct(&t[i + 1], ':') && t[i + 2].kind == 'n' &&
        t[i + 2].len == 2)) {
    return false;
  }
  *hh = (int)t[i].val;
  *mi = (int)t[i + 2].val;
  *ss = 0;
  size_t j = i + 3;
  if (j + 1 < n && tok_punct(&t[j], ':') && t[j + 1].kind == 'n' &&
      t[j + 1].len == 2) {
    *ss = (int)t[j + 1].val;
    j += 2;
  }
  int ampm = 0; /* 1 am, 2 pm */
  if (j < n && (tok_is(&t[j], "am") || tok_is(&t[j], "pm"))) {
    ampm = tolower((unsigned char)t[j].s[0]) == 'p' ? 2 : 1;
    j++;
  } else if (j + 3 < n && (tok_is(&t[j], "a") || tok_is(&t[j], "p")) &&
             tok_punct(&t[j + 1], '.') && tok_is(&t[j + 2], "m") &&
             tok_punct(&t[j + 3], '.')) {
    ampm = tolower((unsigned char)t[j].s[0]) == 'p' ? 2 : 1;
    j += 4;
  }
  if (ampm && (*hh < 1 || *hh > 12)) {
    return false;
  }
  if (ampm == 1 && *hh == 12) {
    *hh = 0;
  } else if (ampm == 2 && *hh < 12) {
    *hh += 12;
  }
  if (*hh > 23 || *mi > 59 || *ss > 59) {
    return false;
  }
  *zone_tok = j < n && t[j].kind == 'w' ? j : n;
  return true;
}

/* Finds the first date in @p s that starts before byte @p before, with a
 * clock time and zone near it when the text gives them. Writes the
 * normalised date to @p out and the byte offset of its start to *at. */
static bool
scan_date(const char *s, size_t before, struct dhint *h, char out[32],
          size_t *at)
{
  struct tok t[MAX_TOKS];
  size_t n = tokenize(s, t, MAX_TOKS);
  for (size_t i = 0; i < n && (size_t)(t[i].s - s) < before; i++) {
    int y, m, d;
    size_t end;
    if (!match_date(t, n, i, h, &y, &m, &d, &end)) {
      continue;
    }
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > month_len(y, m)) {
      continue;
    }
    /* a time up to 10 tokens before the date or 8 after it */
    int hh = -1, mi = 0, ss = 0, off = 0;
    bool has_off = false;
    size_t from = i > 10 ? i - 10 : 0, zt = n;
    for (size_t k = from; k < n && k < end + 8; k++) {
      if (k >= i && k < end) {
        continue;
      }
      if (match_time(t, n, k, &hh, &mi, &ss, &zt)) {
        break;
      }
      hh = -1;
    }
    if (hh >= 0 && zt < n) {
      if ((tok_is(&t[zt], "gmt") || tok_is(&t[zt], "utc")) &&
          zt + 1 < n && (tok_punct(&t[zt + 1], '+') ||
                         tok_punct(&t[zt + 1], '-'))) {
        const char *q = t[zt + 1].s;
        bool ok = parse_offset(&q, &has_off, &off);
        has_off = ok && has_off;
      } else {
        has_off = zone_offset(t[zt].s, t[zt].len, h->lang, y, m, d, &off);
        h->ambiguous = h->ambiguous ||
                       (!has_off && (tok_is(&t[zt], "ist") ||
                                     tok_is(&t[zt], "cst") ||
                                     tok_is(&t[zt], "bst")));
      }
    }
    if (format_date(y, m, d, hh, mi, ss, has_off, off, out)) {
      *at = (size_t)(t[i].s - s);
      return true;
    }
  }
  return false;
}

/* Words before a date that mark it as not the publication date. */
static bool
is_update_lead(const char *s, size_t len)
{
  static const char *const words[] = {
    "updated", "update", "modified", "last", "aktualisiert", "actualizado",
    "atualizado", "mis \xc3\xa0 jour", "aggiornato", "bijgewerkt",
    "diperbarui", "edited", "revised", "correction", "retrieved",
    "accessed", "air date"};
  for (size_t i = 0; i < ARRAY_LEN(words); i++) {
    size_t wl = strlen(words[i]);
    for (size_t k = 0; k + wl <= len; k++) {
      if (strncasecmp(s + k, words[i], wl) == 0 &&
          (k == 0 || !isalpha((unsigned char)s[k - 1]))) {
        return true;
      }
    }
  }
  return false;
}

/* Words that announce the publication date. */
static bool
is_publish_lead(const char *s)
{
  static const char *const words[] = {
    "published", "posted", "first published", "publication date",
    "date published", "released", "publiziert", "ver\xc3\xb6" "ffentlicht",
    "publi\xc3\xa9", "publicado", "pubblicato", "gepubliceerd",
    "diterbitkan", "dipublikasikan", "written by"};
  for (size_t i = 0; i < ARRAY_LEN(words); i++) {
    if (strncasecmp(s, words[i], strlen(words[i])) == 0) {
      return true;
    }
  }
  return false;
}

/* The page's text lines (text nodes, whitespace collapsed) outside
 * scripts, navigation, asides and footers, with the index of the headline
 * <h1>'s first line. */
struct lines {
  struct ng_buf buf; /* the lines, each followed by a NUL */
  size_t *off;       /* start of each line in buf */
  size_t n, cap;
  size_t h1;         /* index of the first line after the headline, or n */
};

static bool
skip_for_dates(const xmlNode *n)
{
  static const char *const tags[] = {
    "script", "style", "noscript", "template", "svg", "nav", "footer",
    "aside", "select", "button", "figcaption", "iframe", "form", "option"};
  for (size_t i = 0; i < ARRAY_LEN(tags); i++) {
    if (ng__html_is(n, tags[i])) {
      return true;
    }
  }
  return false;
}

/* True if @p n sits in the page's own <header> (one outside <article> and
 * <main>): a sticky title bar there repeats the headline above the
 * masthead date, far from the byline. */
static bool
in_site_header(const xmlNode *n)
{
  bool header = false;
  for (const xmlNode *p = n->parent; p; p = p->parent) {
    if (ng__html_is(p, "article") || ng__html_is(p, "main")) {
      return false;
    }
    if (ng__html_is(p, "header")) {
      header = true;
    }
  }
  return header;
}

static ng_status
collect_lines(struct ctx *c, const char *headline, struct lines *l)
{
  xmlNodePtr root = xmlDocGetRootElement(c->html);
  ng_status st;
  const xmlNode *h1 = NULL, *first_h1 = NULL;
  ng__buf_init(&l->buf, 0);
  l->off = NULL;
  l->n = l->cap = 0;
  l->h1 = SIZE_MAX;
  for (xmlNodePtr n = root; n;) {
    bool skip = false;
    if (n->type == XML_ELEMENT_NODE) {
      skip = skip_for_dates(n) || ng__html_is(n, "head");
      if (!skip && ng__html_is(n, "h1") && !h1) {
        char *t = ng__html_text_dup(n);
        if (!first_h1) {
          first_h1 = n;
          l->h1 = l->n;
        }
        if (t && headline && loose_eq(t, headline) && !in_site_header(n)) {
          h1 = n;
          l->h1 = l->n;
        }
        free(t);
      }
    } else if (n->type == XML_TEXT_NODE && n->content) {
      size_t len = strlen((const char *)n->content);
      if (len > 0 && len < 400) {
        char *t = strndup((const char *)n->content, len);
        if (!t) {
          return NG_ERR_NOMEM;
        }
        size_t tl = ng__html_collapse(t, len);
        if (tl > 0) {
          if (l->n == l->cap) {
            size_t nc = l->cap ? l->cap * 2 : 256;
            size_t *p = realloc(l->off, nc * sizeof *p);
            if (!p) {
              free(t);
              return NG_ERR_NOMEM;
            }
            l->off = p;
            l->cap = nc;
          }
          l->off[l->n++] = l->buf.len;
          st = ng__buf_add(&l->buf, t, tl + 1);
          free(t);
          TRY(st, st);
        } else {
          free(t);
        }
      }
    }
    n = ng__html_next(root, n, skip);
  }
  if (l->h1 > l->n) {
    l->h1 = l->n;
  }
  return NG_OK;
}

/* Line @p i joined with up to two following lines (a date is often split
 * over elements: "Nov 18, 2019" "at" "9:24 pm ET"), at most 200 bytes. */
static void
joined(const struct lines *l, size_t i, char out[256], size_t *first_len)
{
  size_t o = 0;
  *first_len = 0;
  for (size_t k = i; k < l->n && k < i + 3; k++) {
    const char *s = l->buf.data + l->off[k];
    size_t sl = strlen(s);
    if (o + sl + 2 > 200) {
      break;
    }
    if (o) {
      out[o++] = ' ';
    }
    memcpy(out + o, s, sl);
    o += sl;
    if (k == i) {
      *first_len = o;
    }
  }
  out[o] = '\0';
}

/* The publication date a reader sees: the first date in the lines after
 * the headline <h1> (the byline; dates announced as updates skipped),
 * else a line anywhere announcing it ("Published ...", "Posted on ...").
 * Candidates are checked by good_date() (M13). */
static bool
visible_date(struct ctx *c, const struct lines *l, struct dhint *h,
             char out[32])
{
  char buf[256], d[32];
  size_t fl, at;
  size_t chars = 0;
  for (size_t i = l->h1; i < l->n && i < l->h1 + 60 && chars < 3000; i++) {
    const char *s = l->buf.data + l->off[i];
    chars += strlen(s);
    if (strlen(s) > 160) {
      continue; /* body text */
    }
    joined(l, i, buf, &fl);
    if (!scan_date(buf, fl, h, d, &at)) {
      continue;
    }
    /* "Updated" before the date, or as a label line of its own */
    const char *prev = i > 0 ? l->buf.data + l->off[i - 1] : "";
    char pd[32];
    size_t pat;
    if (is_update_lead(buf, at) ||
        (at == 0 && strlen(prev) < 40 && is_update_lead(prev, strlen(prev)) &&
         !scan_date(prev, strlen(prev), h, pd, &pat))) {
      continue;
    }
    if (good_date(c, d, out)) {
      return true;
    }
  }
  for (size_t i = 0; i < l->n; i++) {
    const char *s = l->buf.data + l->off[i];
    while (*s == '|' || *s == ' ' || *s == '-') {
      s++;
    }
    if (strlen(s) > 160 || !is_publish_lead(s)) {
      continue;
    }
    joined(l, i, buf, &fl);
    if (scan_date(buf, sizeof buf, h, d, &at) && good_date(c, d, out)) {
      return true;
    }
  }
  return false;
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
      /* The <h1> repeats one side word for word: that side is the
       * headline, however short ("Kenya trade deal - Harbour Daily"). */
      bool h1_head = h1 && loose_eq(head, h1) && wt <= 5;
      bool h1_tail = !h1_head && h1 && loose_eq(tail, h1) && wh <= 5;
      if (h1_head) {
        res = head;
        *site = strdup(tail);
      } else if (h1_tail) {
        res = strdup(tail);
        *site = head;
      } else if (wt <= 3 && wh >= 4 &&
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
                                    "esq", "esq.", "ms", "ma", "rd", "rdn",
                                    "rn", "mph", "mba", "dds", "cpa"};
  for (size_t i = 0; i < ARRAY_LEN(sfx); i++) {
    if (strlen(sfx[i]) == len && strncasecmp(s, sfx[i], len) == 0) {
      return true;
    }
  }
  return false;
}

/* True if @p name (@p len bytes) names an organisation, not a person:
 * it starts with the article "The", or has a word that names a kind of
 * news organisation (FAULT-CASES M05: the publisher as author). */
static bool
org_like(const char *name, size_t len)
{
  static const char *const words[] = {
    "news", "media", "press", "agency", "network", "magazine", "newspaper",
    "daily", "times", "gazette", "tribune", "herald", "journal", "radio",
    "television", "broadcasting", "publishing", "group", "inc", "ltd",
    "llc", "corporation"};
  if (len > 4 && strncasecmp(name, "the ", 4) == 0) {
    return true;
  }
  for (size_t i = 0; i < ARRAY_LEN(words); i++) {
    size_t wl = strlen(words[i]);
    for (size_t k = 0; k + wl <= len; k++) {
      if (strncasecmp(name + k, words[i], wl) == 0 &&
          (k == 0 || !isalpha((unsigned char)name[k - 1])) &&
          (k + wl == len || !isalpha((unsigned char)name[k + wl]))) {
        return true;
      }
    }
  }
  return false;
}

/* True if @p name (trimmed) can be a person's name. */
static bool
person_like(const char *name, size_t len, const char *publisher)
{
  if (org_like(name, len)) {
    return false;
  }
  static const char *const bad[] = {
    "email", "e-mail", "follow", "staff", "editor", "editorial", "desk",
    "team", "reporters", "bureau", "newsroom", "twitter", "facebook",
    "contributor", "admin", "wire", "agencies", "hours ago", "minutes ago",
    "read more", "http", "www.", "writer", "correspondent", "columnist",
    "reporter", ".com", ".net", ".org", ".co."};
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
  /* one all-capital word of up to 4 letters is an acronym ("CNN", "PTI") */
  if (len <= 4 && n_words(name, len) == 1) {
    bool caps = true;
    for (size_t i = 0; i < len; i++) {
      caps = caps && !islower((unsigned char)name[i]);
    }
    if (caps) {
      return false;
    }
  }
  for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
    size_t bl = strlen(bad[i]);
    for (size_t k = 0; k + bl <= len; k++) {
      if (strncasecmp(name + k, bad[i], bl) == 0 &&
          (k == 0 || !isalpha((unsigned char)name[k - 1]) ||
           bad[i][0] == '.') &&
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

/* Length in bytes of the invisible format character at @p s (see
 * ng__meta_strip_invisible), or 0. */
static size_t
invisible_at(const unsigned char *s)
{
  if (s[0] == 0xC2 && s[1] == 0xAD) {
    return 2; /* U+00AD soft hyphen */
  }
  if (s[0] == 0xD8 && s[1] == 0x9C) {
    return 2; /* U+061C Arabic letter mark */
  }
  if (s[0] == 0xE2 && s[1] == 0x80 &&
      (s[2] == 0x8B || s[2] == 0x8E || s[2] == 0x8F ||
       (s[2] >= 0xAA && s[2] <= 0xAE))) {
    return 3; /* U+200B, U+200E, U+200F, U+202A-U+202E */
  }
  if (s[0] == 0xE2 && s[1] == 0x81 &&
      (s[2] == 0xA0 || (s[2] >= 0xA6 && s[2] <= 0xA9))) {
    return 3; /* U+2060, U+2066-U+2069 */
  }
  if (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
    return 3; /* U+FEFF */
  }
  return 0;
}

size_t
ng__meta_strip_invisible(char *s)
{
  if (!s) {
    return 0;
  }
  size_t o = 0;
  bool cut = false;
  for (size_t i = 0; s[i];) {
    size_t n = invisible_at((const unsigned char *)s + i);
    if (n) {
      cut = true;
      i += n;
    } else {
      s[o++] = s[i++];
    }
  }
  s[o] = '\0';
  if (!cut) {
    return o;
  }
  size_t w = 0;
  for (size_t i = 0; i < o; i++) {
    if (s[i] == ' ' && (w == 0 || s[w - 1] == ' ')) {
      continue;
    }
    s[w++] = s[i];
  }
  while (w > 0 && s[w - 1] == ' ') {
    w--;
  }
  s[w] = '\0';
  return w;
}

ng_status
ng__meta_add_authors(struct ng_doc *doc, const char *s_in,
                     const char *publisher)
{
  ng_status st = NG_OK;
  if (!s_in) {
    return NG_OK;
  }
  /* names are matched and shown without bidi marks (issue 7) */
  char *copy = strdup(s_in);
  if (!copy) {
    return NG_ERR_NOMEM;
  }
  const char *s = copy;
  size_t len = ng__meta_strip_invisible(copy);
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
      st = add_author(doc, s + start, i - start, publisher);
      if (st != NG_OK) {
        break;
      }
      i += cut;
      start = i;
      continue;
    }
    i++;
  }
  free(copy);
  return st;
}

/* The first candidate among @p keys that is a good date. */
static bool
first_date(struct ctx *c, const char *const *keys, size_t n,
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

/* Minutes east of UTC of normalised date-time @p d; false if none. */
static bool
date_offset(const char *d, int *off)
{
  if (strlen(d) < 20) {
    return false;
  }
  const char *z = d + 19;
  if (*z == 'Z') {
    *off = 0;
    return true;
  }
  if ((*z != '+' && *z != '-') || strlen(z) < 6) {
    return false;
  }
  int mins = ((z[1] - '0') * 10 + (z[2] - '0')) * 60 +
             (z[4] - '0') * 10 + (z[5] - '0');
  *off = *z == '-' ? -mins : mins;
  return true;
}

/* The day (days since 1970) of normalised @p d, moved to the UTC offset
 * @p to (minutes) when @p has_to and @p d has an offset of its own. */
static long
local_day(const char *d, bool has_to, int to)
{
  long day = days_of(d);
  int off;
  if (has_to && date_offset(d, &off)) {
    long hh = (d[11] - '0') * 10 + (d[12] - '0');
    long mi = (d[14] - '0') * 10 + (d[15] - '0');
    long mins = day * 1440 + hh * 60 + mi - off + to;
    day = mins >= 0 ? mins / 1440 : (mins - 1439) / 1440;
  }
  return day;
}

/* Date order of all-numeric dates on this page: the order of the first
 * one that is unambiguous (a part above 12), so one page never mixes
 * orders (FAULT-CASES M11). 0 if none is. */
static char
page_order(const struct lines *l, const struct dhint *h)
{
  struct tok t[MAX_TOKS];
  for (size_t i = 0; i < l->n; i++) {
    const char *s = l->buf.data + l->off[i];
    if (strlen(s) > 160 || !strchr(s, '/')) {
      continue;
    }
    size_t n = tokenize(s, t, MAX_TOKS);
    for (size_t k = 0; k + 4 < n; k++) {
      if (t[k].kind == 'n' && t[k].len <= 2 && tok_punct(&t[k + 1], '/') &&
          t[k + 2].kind == 'n' && t[k + 2].len <= 2 &&
          tok_punct(&t[k + 3], '/') && full_year(&t[k + 4], h->this_year) > 0) {
        if (t[k].val > 12 && t[k].val <= 31 && t[k + 2].val <= 12) {
          return 'D';
        }
        if (t[k + 2].val > 12 && t[k + 2].val <= 31 && t[k].val <= 12) {
          return 'M';
        }
      }
    }
  }
  return 0;
}

/* Published and modified dates. Published: the first good machine-readable
 * date (JSON-LD, article:published_time, microdata, <meta> date names),
 * checked against the date printed under the headline: when the two are
 * one day apart the printed one wins (a CMS that writes UTC or labels
 * local time as UTC, FAULT-CASES M10); with no machine date the printed
 * one is used. A printed time without a zone takes the zone of the
 * page's machine dates (M09). Modified dates are never taken for the
 * published one (M12). */
static ng_status
compose_dates(struct ctx *c)
{
  struct ng_doc *doc = c->doc;
  struct ng_meta *m = &doc->meta;
  ng_status st;
  char date[32];
  static const char *const mod[] = {
    "jsonld:modified", "meta:article:modified_time", "meta:og:updated_time",
    "itemprop:dateModified", "meta:last-modified", "meta:dcterms.modified",
    "meta:article:modified", "jsonldraw:modified"};
  if (first_date(c, mod, ARRAY_LEN(mod), date)) {
    TRY(st, set_field(&m->date_modified, date));
  }
  if (doc->user_date) {
    return set_field(&m->date_published, doc->user_date);
  }
  static const char *const pub[] = {
    "jsonld:published", "meta:article:published_time",
    "meta:og:published_time", "meta:article:published",
    "itemprop:datePublished", "time:pubdate", "jsonldraw:published",
    "meta:pubdate", "meta:publishdate", "meta:publish-date",
    "meta:publish_date", "meta:publication_date", "meta:date",
    "meta:dc.date.issued", "meta:dc.date", "meta:dcterms.issued",
    "meta:dcterms.created", "meta:dcterms.date", "meta:sailthru.date",
    "meta:parsely-pub-date", "meta:article.published",
    "meta:datepublished", "meta:original-publish-date",
    "meta:citation_publication_date", "meta:citation_date",
    "jsonld:created", "itemprop:dateCreated"};
  static const char *const late[] = {"visible:published", "time:any"};
  bool have = first_date(c, pub, ARRAY_LEN(pub), date);
  struct lines l;
  char vis[32];
  st = collect_lines(c, m->headline, &l);
  struct dhint h = {m->language, 0,
                    1970 + (int)(ng__world_now(c->world) / 31556952), false};
  bool have_vis = false;
  if (st == NG_OK) {
    h.order = page_order(&l, &h);
    have_vis = visible_date(c, &l, &h, vis);
  }
  ng__buf_free(&l.buf);
  free(l.off);
  TRY(st, st);
  if (have_vis) {
    int voff;
    bool vhas = date_offset(vis, &voff);
    if (!have || (strlen(date) > 10 &&
                  labs(local_day(date, vhas, voff) - days_of(vis)) == 1)) {
      int off;
      const char *zone_of = have ? date : m->date_modified;
      if (strlen(vis) == 19 && zone_of && date_offset(zone_of, &off)) {
        char z[16];
        int a = (off < 0 ? -off : off) % (24 * 60);
        if (off == 0) {
          snprintf(z, sizeof z, "Z");
        } else {
          snprintf(z, sizeof z, "%c%02d:%02d", off < 0 ? '-' : '+', a / 60,
                   a % 60);
        }
        memcpy(vis + 19, z, strlen(z) + 1);
      }
      memcpy(date, vis, sizeof date);
      have = true;
      if (h.ambiguous) {
        ng__warnf(c->world, "%s: ambiguous time-zone abbreviation next to "
                  "the printed date and no locale to resolve it; "
                  "publication time kept without an offset", doc->name);
      }
    }
  }
  if (!have) {
    have = first_date(c, late, ARRAY_LEN(late), date);
  }
  return have ? set_field(&m->date_published, date) : NG_OK;
}

/* Sets @p out (size @p cap) to the site of URL @p url: its host in lower
 * case cut to the registrable part, approximated as the last two labels,
 * or three when the last is a two-letter country code and the one before
 * it has at most three letters ("news.bbc.co.uk" -> "bbc.co.uk",
 * "m.example.com" -> "example.com"). "" when there is no host. */
static void
site_of(const char *url, char *out, size_t cap)
{
  out[0] = '\0';
  const char *h = url ? strstr(url, "://") : NULL;
  if (!h || cap < 2) {
    return;
  }
  h += 3;
  const char *at = h + strcspn(h, "/?#");
  const char *user = memchr(h, '@', (size_t)(at - h));
  if (user) {
    h = user + 1;
  }
  size_t n = strcspn(h, ":/?#");
  if (n == 0 || n >= cap) {
    return;
  }
  for (size_t i = 0; i < n; i++) {
    out[i] = (char)(h[i] >= 'A' && h[i] <= 'Z' ? h[i] + 32 : h[i]);
  }
  out[n] = '\0';
  while (n > 0 && out[n - 1] == '.') {
    out[--n] = '\0'; /* "example.com." */
  }
  size_t dots[3] = {0, 0, 0}, nd = 0; /* positions of the last 3 dots */
  for (size_t i = n; i-- > 0 && nd < 3;) {
    if (out[i] == '.') {
      dots[nd++] = i;
    }
  }
  if (strspn(out, "0123456789.") == n) {
    return; /* an IPv4 address is its own site */
  }
  size_t keep = 2;
  if (nd >= 2 && n - dots[0] - 1 == 2 && dots[0] - dots[1] - 1 <= 3) {
    keep = 3; /* co.uk, com.au, or.jp */
  }
  if (nd >= keep) {
    memmove(out, out + dots[keep - 1] + 1, n - dots[keep - 1]);
  }
}

static ng_status
compose(struct ctx *c)
{
  struct ng_doc *doc = c->doc;
  struct ng_meta *m = &doc->meta;
  ng_status st;

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

  /* A page fetched from one site cannot name another site's article as
   * its own (it would replace that article's graph in the store). */
  if (m->canonical_url && doc->final_url) {
    char a[256], b[256];
    site_of(m->canonical_url, a, sizeof a);
    site_of(doc->final_url, b, sizeof b);
    if (a[0] && b[0] && strcmp(a, b) != 0) {
      ng__warnf(c->world, "%s: ignoring the canonical URL %s, which is on "
                "another site than %s", doc->name, m->canonical_url,
                doc->final_url);
      free(m->canonical_url);
      m->canonical_url = NULL;
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
  if (!publisher) {
    /* an organisation given as the author is the publisher (M05) */
    const char *a = get(c, "meta:author");
    if (a && org_like(a, strlen(a)) && !strchr(a, ',')) {
      publisher = a;
    }
  }
  st = set_field(&m->publisher, publisher);
  free(inferred_site);
  TRY(st, st);

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

  /* dates (FAULT-CASES M03, M09-M13) */
  TRY(st, compose_dates(c));

  /* authors (FAULT-CASES M05, M07) */
  static const char *const auth_keys[] = {
    "jsonld:author", "meta:author", "meta:article:author", "meta:dc.creator",
    "meta:dcterms.creator", "itemprop:author", "meta:sailthru.author",
    "meta:parsely-author", "rel:author", "byline:text"};
  size_t k = 0;
  for (; k < ARRAY_LEN(auth_keys) && m->n_authors == 0; k++) {
    for (size_t i = 0; i < c->n_kv; i++) {
      if (strcmp(c->kv[i].key, auth_keys[k]) == 0) {
        TRY(st, ng__meta_add_authors(doc, c->kv[i].value, m->publisher));
      }
    }
  }
  if (m->n_authors > 0 && strcmp(auth_keys[k - 1], "byline:text") == 0) {
    drop_one_word_names(m);
  }

  static const char *const desc_keys[] = {"meta:description",
                                          "meta:og:description",
                                          "jsonld:description"};
  TRY(st, set_field(&m->description,
                    first_of(c, desc_keys, ARRAY_LEN(desc_keys))));
  return NG_OK;
}

/* ------------------------------------------------------- language */

/* The most frequent function words of each language the detector knows
 * (from the stop-word lists of the Snowball project), space-separated.
 * Malay and Indonesian share most of theirs; "ms" and "id" are told apart
 * by the spellings only one of them uses. */
static const struct {
  const char *lang;
  const char *words;
} lang_words[] = {
  {"en", " the of and to in is that for it was on with as by at from "
         "his her he she they have has had been were will would said "
         "which an are this but not who their its "},
  {"ms", " yang dan di dalam untuk dengan pada ini itu dari ke tidak "
         "akan telah oleh juga beliau mereka bagi atau sebagai kepada "
         "lebih kerana bahawa ialah boleh rakan kerajaan daripada "
         "sahaja wang "},
  {"id", " yang dan di dalam untuk dengan pada ini itu dari ke tidak "
         "akan telah oleh juga beliau mereka bagi atau sebagai kepada "
         "lebih karena bahwa adalah bisa pemerintah saja uang tersebut "
         "kami "},
  {"de", " der die und in den von zu das mit sich des auf für ist im "
         "dem nicht ein eine als auch es an werden aus er hat dass sie "
         "nach wird bei "},
  {"fr", " le la les de des et en du un une est que qui dans pour pas "
         "sur au par plus il elle ont avec ce sont été aux "},
  {"es", " el la los las de del y en un una que es por para con no se "
         "su al lo como más pero sus fue ha este entre "},
  {"pt", " o a os as de do da dos das e em um uma que é para com não "
         "se por mais no na ao foi pelo pela ser "},
  {"it", " il lo la gli le di del della e in un una che è per con non "
         "si da al dei nel sono alla come più ha "},
  {"nl", " de het een en van in is op dat te zijn met voor niet aan er "
         "die ook om als bij door werd naar heeft "}};

/* True if the space-padded list @p list holds the word @p w. */
static bool
word_in(const char *list, const char *w, size_t len)
{
  for (const char *p = strstr(list, w); p; p = strstr(p + 1, w)) {
    if (p[-1] == ' ' && p[len] == ' ') {
      return true;
    }
  }
  return false;
}

/* The language of @p text (UTF-8) by function-word counts over its first
 * 3000 words, or NULL when too few words are known or two languages are
 * close. */
static const char *
detect_language(const char *text)
{
  size_t hits[ARRAY_LEN(lang_words)] = {0};
  size_t words = 0;
  const char *p = text;
  while (*p && words < 3000) {
    while (*p && !isalpha((unsigned char)*p) && (unsigned char)*p < 0x80) {
      p++;
    }
    const char *w = p;
    while (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80) {
      p++;
    }
    size_t len = (size_t)(p - w);
    if (len == 0) {
      continue;
    }
    words++;
    char lw[24];
    if (len >= sizeof lw) {
      continue;
    }
    for (size_t i = 0; i < len; i++) {
      lw[i] = (char)tolower((unsigned char)w[i]);
    }
    lw[len] = '\0';
    for (size_t k = 0; k < ARRAY_LEN(lang_words); k++) {
      if (word_in(lang_words[k].words, lw, len)) {
        hits[k]++;
      }
    }
  }
  size_t best = 0, second = 0;
  for (size_t k = 1; k < ARRAY_LEN(lang_words); k++) {
    if (hits[k] > hits[best]) {
      best = k;
    }
  }
  for (size_t k = 0; k < ARRAY_LEN(lang_words); k++) {
    bool twin = (strcmp(lang_words[k].lang, "ms") == 0 ||
                 strcmp(lang_words[k].lang, "id") == 0) &&
                (strcmp(lang_words[best].lang, "ms") == 0 ||
                 strcmp(lang_words[best].lang, "id") == 0);
    if (k != best && !twin && hits[k] > second) {
      second = hits[k];
    }
  }
  /* at least 8 function words, a fifth of all words, twice the next */
  if (hits[best] < 8 || hits[best] * 5 < words || hits[best] < 2 * second) {
    return NULL;
  }
  return lang_words[best].lang;
}

ng_status
ng__meta_check_language(ng_world *world, struct ng_doc *doc)
{
  const char *found = doc->text ? detect_language(doc->text) : NULL;
  const char *decl = doc->meta.language;
  if (!found) {
    return NG_OK;
  }
  if (decl) {
    size_t pl = strcspn(decl, "-");
    bool twins = pl == 2 &&
                 (strncmp(decl, "ms", 2) == 0 || strncmp(decl, "id", 2) == 0) &&
                 (strcmp(found, "ms") == 0 || strcmp(found, "id") == 0);
    if ((pl == strlen(found) && strncmp(decl, found, pl) == 0) || twins) {
      return NG_OK; /* agrees (a region subtag is kept) */
    }
    ng__warnf(world, "%s: the page declares language \"%s\" but its text "
              "is \"%s\"; using \"%s\"", doc->name, decl, found, found);
  }
  return ng__doc_set_str(&doc->meta.language, found, strlen(found));
}

ng_status
ng__meta_parse(ng_world *world, struct ng_doc *doc, xmlDocPtr html)
{
  struct ctx c = {world, doc, NULL, 0, 0, NG_OK, html, NULL, false};
  ng__meta_clear(&doc->meta);
  walk_html(&c, html);
  ng_status st = c.st;
  if (st == NG_OK) {
    st = compose(&c);
  }
  if (st == NG_OK) {
    /* names become entity labels: no bidi marks (issue 7) */
    char **names[] = {&doc->meta.publisher, &doc->meta.site_name};
    for (size_t i = 0; i < ARRAY_LEN(names); i++) {
      if (*names[i] && ng__meta_strip_invisible(*names[i]) == 0) {
        free(*names[i]);
        *names[i] = NULL;
      }
    }
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
