/* SPDX-License-Identifier: MIT */
/* WARC input: reads WARC 1.0/1.1 files (ISO 28500; plain, gzip with one
 * member per record as Common Crawl's CC-NEWS, or one gzip stream) record
 * by record through a fixed window, so memory does not grow with the
 * file, and turns HTML responses into docs. Bad records are reported with
 * their offset and skipped. */
#include "warc.h"

#include "buf.h"
#include "crawl.h"
#include "input.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <zlib.h>

/* Bytes of compressed input read per call. */
#define IN_CHUNK 65536
/* The decompressed window: header lines must fit in it. */
#define WINDOW (NG_WARC_MAX_HEADER + 65536)
/* Member starts remembered to name a record's gzip member. */
#define N_MEMBERS 64

struct member {
  uint64_t dec;  /* offset in the decompressed stream where it starts */
  uint64_t comp; /* offset in the file */
};

struct ng_warc {
  ng_world *world;
  char *path;             /* for messages */
  FILE *f;
  bool gz;                /* gzip file */
  z_stream zs;
  bool z_ready;           /* inflateInit2 done */
  unsigned char *in;      /* compressed input, IN_CHUNK bytes */
  uint64_t comp_read;     /* file bytes read into `in` so far */
  bool in_member;         /* inside a gzip member (not at its end) */
  char *buf;              /* decompressed window, WINDOW bytes */
  size_t pos, len;        /* unread bytes are buf[pos, len) */
  uint64_t buf_off;       /* stream offset of buf[0] */
  bool eof;               /* the stream has ended */
  struct member ms[N_MEMBERS];
  size_t n_ms;            /* members seen (ms is a ring) */
  uint64_t rec_off;       /* offset of the current record (for messages) */
};

bool
ng_warc_is_input(const char *input)
{
  size_t n = input ? strlen(input) : 0;
  if (n > 0 && (strncasecmp(input, "http://", 7) == 0 ||
                strncasecmp(input, "https://", 8) == 0)) {
    return false; /* fetched like any URL, never streamed */
  }
  return (n >= 5 && strcasecmp(input + n - 5, ".warc") == 0) ||
         (n >= 8 && strcasecmp(input + n - 8, ".warc.gz") == 0);
}

/* --------------------------------------------------------------- stream */

/* The file offset of the next compressed byte zlib has not consumed. */
static uint64_t
comp_pos(const struct ng_warc *w)
{
  return w->comp_read - w->zs.avail_in;
}

/* Remembers that a gzip member starts at decompressed offset @p dec. */
static void
push_member(struct ng_warc *w, uint64_t dec, uint64_t comp)
{
  w->ms[w->n_ms % N_MEMBERS] = (struct member){dec, comp};
  w->n_ms++;
}

/* The offset to name for the record starting at stream offset @p dec:
 * itself in a plain file, its gzip member's file offset in a .gz. */
static uint64_t
name_offset(const struct ng_warc *w, uint64_t dec)
{
  if (!w->gz) {
    return dec;
  }
  uint64_t best = 0;
  size_t n = w->n_ms < N_MEMBERS ? w->n_ms : N_MEMBERS;
  uint64_t best_dec = 0;
  for (size_t i = 0; i < n; i++) {
    if (w->ms[i].dec <= dec && w->ms[i].dec >= best_dec) {
      best_dec = w->ms[i].dec;
      best = w->ms[i].comp;
    }
  }
  return best;
}

/* True if the current record started exactly where its gzip member did
 * (a file with one member per record): then the member's end is the
 * record's end, and a member that ends early is a truncated record. */
static bool
record_is_member(const struct ng_warc *w)
{
  if (!w->gz || w->n_ms == 0) {
    return false;
  }
  return w->ms[(w->n_ms - 1) % N_MEMBERS].dec == w->rec_off;
}

/* Refills the compressed input. Returns the bytes read (0 at the end of
 * the file), or -1 on a read error. */
static long
read_in(struct ng_warc *w)
{
  size_t n = fread(w->in, 1, IN_CHUNK, w->f);
  if (n == 0 && ferror(w->f)) {
    return -1;
  }
  w->zs.next_in = w->in;
  w->zs.avail_in = (uInt)n;
  w->comp_read += n;
  return (long)n;
}

/* Moves the unread bytes to the start of the window. */
static void
compact(struct ng_warc *w)
{
  if (w->pos > 0) {
    memmove(w->buf, w->buf + w->pos, w->len - w->pos);
    w->buf_off += w->pos;
    w->len -= w->pos;
    w->pos = 0;
  }
}

/* Outcome of fill(). */
enum fill {
  FILL_MORE,       /* bytes were added */
  FILL_EOF,        /* the stream ended (w->eof set) */
  FILL_MEMBER_END, /* the gzip member ended and @p cross was false */
  FILL_CORRUPT,    /* bad or truncated gzip data (w->eof not set) */
  FILL_IO,         /* read error */
  FILL_FULL        /* the window is full of unread bytes */
};

/* Adds decompressed bytes to the window. In a gzip file a member end
 * stops the fill; the next member is started only when @p cross. */
static enum fill
fill(struct ng_warc *w, bool cross)
{
  if (w->eof) {
    return FILL_EOF;
  }
  compact(w);
  if (w->len == WINDOW) {
    return FILL_FULL;
  }
  if (!w->gz) {
    size_t n = fread(w->buf + w->len, 1, WINDOW - w->len, w->f);
    if (n == 0) {
      if (ferror(w->f)) {
        return FILL_IO;
      }
      w->eof = true;
      return FILL_EOF;
    }
    w->len += n;
    return FILL_MORE;
  }
  for (;;) {
    if (!w->in_member) {
      if (!cross) {
        return FILL_MEMBER_END;
      }
      if (w->zs.avail_in == 0) {
        long r = read_in(w);
        if (r < 0) {
          return FILL_IO;
        }
        if (r == 0) {
          w->eof = true;
          return FILL_EOF;
        }
      }
      if (inflateReset(&w->zs) != Z_OK) {
        return FILL_CORRUPT;
      }
      w->in_member = true;
      push_member(w, w->buf_off + w->len, comp_pos(w));
    }
    if (w->zs.avail_in == 0) {
      long r = read_in(w);
      if (r < 0) {
        return FILL_IO;
      }
      if (r == 0) {
        return FILL_CORRUPT; /* the file ends inside a member */
      }
    }
    w->zs.next_out = (unsigned char *)w->buf + w->len;
    w->zs.avail_out = (uInt)(WINDOW - w->len);
    int zr = inflate(&w->zs, Z_NO_FLUSH);
    size_t produced = (WINDOW - w->len) - w->zs.avail_out;
    w->len += produced;
    if (zr == Z_STREAM_END) {
      /* Stop at the member's end so a record's member is known. */
      w->in_member = false;
      if (produced > 0) {
        return FILL_MORE;
      }
      continue; /* an empty member: on to the next, if allowed */
    }
    if (zr != Z_OK && zr != Z_BUF_ERROR) {
      return FILL_CORRUPT;
    }
    if (produced > 0) {
      return FILL_MORE;
    }
  }
}

/* Starts reading again at file offset @p off after a bad record: in a
 * gzip file at the next gzip member header (1F 8B 08, RFC 1952 2.3.1) at
 * or after @p off, in a plain file at the next "WARC/<digit>." at or after
 * @p off (not only at a line start: a record cut short runs straight into
 * the next one). At the end of the file the stream simply ends. */
static ng_status
resync(struct ng_warc *w, uint64_t off)
{
  unsigned char chunk[IN_CHUNK];
  const size_t keep = 16; /* bytes a match may need past its start */
  uint64_t at = off;
  for (;;) {
    if (fseeko(w->f, (off_t)at, SEEK_SET) != 0) {
      return ng__errorf(w->world, NG_ERR_IO, "cannot seek in %s: %s",
                        w->path, strerror(errno));
    }
    size_t n = fread(chunk, 1, sizeof chunk, w->f);
    if (n == 0 && ferror(w->f)) {
      return ng__errorf(w->world, NG_ERR_IO, "cannot read %s: %s", w->path,
                        strerror(errno));
    }
    bool last = n < sizeof chunk;
    size_t end = last ? n : n - keep;
    size_t i = 0;
    for (; i < end; i++) {
      const unsigned char *c = chunk + i;
      size_t left = n - i;
      if (w->gz ? left >= 3 && c[0] == 0x1f && c[1] == 0x8b && c[2] == 8
                : left >= 8 && memcmp(c, "WARC/", 5) == 0 && c[5] >= '0' &&
                      c[5] <= '9' && c[6] == '.') {
        break;
      }
    }
    if (i < end) {
      at += i;
      break;
    }
    if (last) {
      w->eof = true;
      w->pos = w->len = 0;
      return NG_OK;
    }
    at += end;
  }
  if (fseeko(w->f, (off_t)at, SEEK_SET) != 0) {
    return ng__errorf(w->world, NG_ERR_IO, "cannot seek in %s: %s", w->path,
                      strerror(errno));
  }
  w->buf_off += w->len; /* offsets stay increasing past the dropped bytes */
  w->pos = w->len = 0;
  w->eof = false;
  if (w->gz) {
    w->comp_read = at;
    w->zs.avail_in = 0;
    w->in_member = false;
  } else {
    w->buf_off = at;
  }
  return NG_OK;
}

/* ---------------------------------------------------------------- open */

ng_status
ng_warc_open(ng_world *world, const char *path, ng_warc **out)
{
  if (!out) {
    return NG_ERR_ARG;
  }
  *out = NULL;
  if (!world || !path) {
    return ng__errorf(world, NG_ERR_ARG, "no WARC file given");
  }
  struct stat sb;
  if (stat(path, &sb) != 0 || S_ISDIR(sb.st_mode)) {
    return ng__errorf(world, NG_ERR_IO, "cannot read %s: %s", path,
                      S_ISDIR(sb.st_mode) ? "is a directory"
                                          : strerror(errno));
  }
  struct ng_warc *w = calloc(1, sizeof *w);
  if (!w) {
    return ng__errorf(world, NG_ERR_NOMEM, "out of memory opening %s", path);
  }
  w->world = world;
  w->path = strdup(path);
  w->buf = malloc(WINDOW);
  w->in = malloc(IN_CHUNK);
  if (!w->path || !w->buf || !w->in) {
    ng_warc_free(w);
    return ng__errorf(world, NG_ERR_NOMEM, "out of memory opening %s", path);
  }
  w->f = fopen(path, "rb");
  if (!w->f) {
    int err = errno;
    ng_warc_free(w);
    return ng__errorf(world, NG_ERR_IO, "cannot read %s: %s", path,
                      strerror(err));
  }
  int c1 = getc(w->f), c2 = getc(w->f);
  w->gz = c1 == 0x1f && c2 == 0x8b;
  rewind(w->f);
  if (w->gz) {
    /* 15 + 16: gzip only (zlib.h inflateInit2) */
    if (inflateInit2(&w->zs, 15 + 16) != Z_OK) {
      ng_warc_free(w);
      return ng__errorf(world, NG_ERR_NOMEM, "cannot start zlib for %s",
                        path);
    }
    w->z_ready = true;
  }
  *out = w;
  return NG_OK;
}

void
ng_warc_free(ng_warc *w)
{
  if (!w) {
    return;
  }
  if (w->z_ready) {
    inflateEnd(&w->zs);
  }
  if (w->f) {
    fclose(w->f);
  }
  free(w->in);
  free(w->buf);
  free(w->path);
  free(w);
}

uint64_t
ng_warc_offset(const ng_warc *w)
{
  return w ? name_offset(w, w->rec_off) : 0;
}

/* -------------------------------------------------------------- records */

/* A record's named fields (WARC 1.1 section 4: "name: value" lines). */
struct header {
  char type[32];         /* WARC-Type */
  char *target;          /* WARC-Target-URI (owned) */
  char date[40];         /* WARC-Date */
  char ctype[256];       /* Content-Type */
  uint64_t length;       /* Content-Length */
  bool has_length;
  bool segmented;        /* WARC-Segment-Number present */
};

/* Copies the value @p v (@p n bytes) into @p dst (@p cap bytes). */
static void
copy_value(char *dst, size_t cap, const char *v, size_t n)
{
  if (n >= cap) {
    n = cap - 1;
  }
  memcpy(dst, v, n);
  dst[n] = '\0';
}

/* Records one "name: value" line of @p len bytes (no CRLF). */
static ng_status
header_field(struct header *h, const char *line, size_t len)
{
  const char *colon = memchr(line, ':', len);
  if (!colon) {
    return NG_OK; /* tolerated: not a field */
  }
  size_t nl = (size_t)(colon - line);
  const char *v = colon + 1;
  size_t vl = len - nl - 1;
  while (vl > 0 && (*v == ' ' || *v == '\t')) {
    v++;
    vl--;
  }
  while (vl > 0 && (v[vl - 1] == ' ' || v[vl - 1] == '\t')) {
    vl--;
  }
#define IS(name) (nl == sizeof(name) - 1 && strncasecmp(line, name, nl) == 0)
  if (IS("WARC-Type")) {
    copy_value(h->type, sizeof h->type, v, vl);
  } else if (IS("WARC-Target-URI")) {
    /* WARC 1.1's grammar wrote the URI in angle brackets by mistake, and
     * some writers followed it. */
    if (vl >= 2 && v[0] == '<' && v[vl - 1] == '>') {
      v++;
      vl -= 2;
    }
    free(h->target);
    h->target = strndup(v, vl);
    if (!h->target) {
      return NG_ERR_NOMEM;
    }
  } else if (IS("WARC-Date")) {
    copy_value(h->date, sizeof h->date, v, vl);
  } else if (IS("Content-Type")) {
    copy_value(h->ctype, sizeof h->ctype, v, vl);
  } else if (IS("Content-Length")) {
    uint64_t x = 0;
    size_t i = 0;
    for (; i < vl && v[i] >= '0' && v[i] <= '9' && x < UINT64_MAX / 10;
         i++) {
      x = x * 10 + (uint64_t)(v[i] - '0');
    }
    h->has_length = i > 0 && i == vl;
    h->length = x;
  } else if (IS("WARC-Segment-Number")) {
    h->segmented = true;
  }
#undef IS
  return NG_OK;
}

/* Finds the end of the line at buf[pos]: sets *line_len (without CR LF)
 * and *total (with them). Fills the window as needed, not across a gzip
 * member end. FILL_MORE when a line is there. */
static enum fill
get_line(struct ng_warc *w, bool cross, size_t *line_len, size_t *total)
{
  size_t scanned = 0;
  for (;;) {
    char *nl = memchr(w->buf + w->pos + scanned, '\n',
                      w->len - w->pos - scanned);
    if (nl) {
      size_t n = (size_t)(nl - (w->buf + w->pos));
      *total = n + 1;
      *line_len = n > 0 && w->buf[w->pos + n - 1] == '\r' ? n - 1 : n;
      return FILL_MORE;
    }
    scanned = w->len - w->pos;
    enum fill r = fill(w, cross);
    if (r != FILL_MORE) {
      return r;
    }
  }
}

/* Reads (into @p keep, when not NULL) or skips @p n bytes of the block.
 * Returns FILL_MORE when all were read, else why not; *got says how
 * many were. */
static enum fill
take(struct ng_warc *w, uint64_t n, bool cross, struct ng_buf *keep,
     uint64_t *got, ng_status *st)
{
  *got = 0;
  *st = NG_OK;
  while (*got < n) {
    if (w->pos == w->len) {
      enum fill r = fill(w, cross);
      if (r != FILL_MORE) {
        return r;
      }
    }
    size_t avail = w->len - w->pos;
    size_t k = n - *got < avail ? (size_t)(n - *got) : avail;
    if (keep) {
      *st = ng__buf_add(keep, w->buf + w->pos, k);
      if (*st != NG_OK) {
        keep = NULL; /* freed by ng__buf_add: skip the rest */
      }
    }
    w->pos += k;
    *got += k;
  }
  return FILL_MORE;
}

/* The message for a fill outcome that stopped a record. */
static ng_status
fill_error(struct ng_warc *w, enum fill r, const char *what)
{
  uint64_t off = name_offset(w, w->rec_off);
  if (r == FILL_IO) {
    return ng__errorf(w->world, NG_ERR_IO, "cannot read %s: %s", w->path,
                      strerror(errno));
  }
  if (r == FILL_CORRUPT) {
    return ng__errorf(w->world, NG_ERR_PARSE,
                      "%s: record at offset %" PRIu64 ": bad or truncated "
                      "gzip data (%s); reading stopped at byte %" PRIu64
                      " of the file, %" PRIu64 " bytes into the uncompressed "
                      "records (this one starts at %" PRIu64 ")", w->path,
                      off, w->zs.msg ? w->zs.msg : "unexpected end of file",
                      comp_pos(w), w->buf_off + w->len, w->rec_off);
  }
  if (r == FILL_FULL) {
    return ng__errorf(w->world, NG_ERR_PARSE,
                      "%s: record at offset %" PRIu64 ": header line longer "
                      "than %d bytes", w->path, off, NG_WARC_MAX_HEADER);
  }
  return ng__errorf(w->world, NG_ERR_PARSE,
                    "%s: record at offset %" PRIu64 " is truncated (%s); "
                    "reading stopped at byte %" PRIu64 " of the file", w->path,
                    off, what, w->gz ? comp_pos(w) : w->buf_off + w->pos);
}

/* True if the MIME type @p ct is HTML or XHTML. */
static bool
is_html_type(const char *ct)
{
  size_t n = strcspn(ct, "; \t");
  return (n == 9 && strncasecmp(ct, "text/html", 9) == 0) ||
         (n == 21 && strncasecmp(ct, "application/xhtml+xml", 21) == 0);
}

bool
ng__warc_parse_date(const char *s, time_t *out)
{
  int y, mo, d, h, mi, sec = 0, n = 0;
  if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5 ||
      n != 16) {
    return false;
  }
  const char *p = s + n;
  if (*p == ':') {
    if (!(p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9')) {
      return false;
    }
    sec = (p[1] - '0') * 10 + (p[2] - '0');
    p += 3;
    if (*p == '.') {
      p++;
      while (*p >= '0' && *p <= '9') {
        p++;
      }
    }
  }
  if (strcmp(p, "Z") != 0) {
    return false;
  }
  char ymd[11];
  snprintf(ymd, sizeof ymd, "%04d-%02d-%02d", y, mo, d);
  if (!ng__input_is_date(ymd) || h > 23 || mi > 59 || sec > 60) {
    return false;
  }
  struct tm tm = {0};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  *out = timegm(&tm);
  return true;
}

/* Undoes "Transfer-Encoding: chunked" (RFC 9112 7.1) on @p b in place;
 * a malformed tail keeps what was decoded. */
static void
dechunk(char *b, size_t *len)
{
  size_t r = 0, wpos = 0, n = *len;
  while (r < n) {
    size_t size = 0, i = r;
    int digits = 0;
    while (i < n && digits < 16) {
      char c = b[i];
      int v = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (v < 0) {
        break;
      }
      size = size * 16 + (size_t)v;
      i++;
      digits++;
    }
    if (digits == 0) {
      break;
    }
    const char *eol = memchr(b + i, '\n', n - i);
    if (!eol) {
      break;
    }
    r = (size_t)(eol - b) + 1;
    if (size == 0) {
      break;
    }
    if (size > n - r) {
      size = n - r;
    }
    memmove(b + wpos, b + r, size);
    wpos += size;
    r += size;
    while (r < n && (b[r] == '\r' || b[r] == '\n')) {
      r++;
    }
  }
  *len = wpos;
  b[wpos] = '\0';
}

/* The value of header field @p name in the HTTP header @p h (@p len
 * bytes), trimmed, as a new string, or NULL. */
static char *
http_field(const char *h, size_t len, const char *name)
{
  size_t nl = strlen(name);
  const char *p = h, *end = h + len;
  while (p < end) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    const char *le = eol ? eol : end;
    if ((size_t)(le - p) > nl && strncasecmp(p, name, nl) == 0 &&
        p[nl] == ':') {
      const char *v = p + nl + 1;
      while (v < le && (*v == ' ' || *v == '\t')) {
        v++;
      }
      const char *ve = le;
      while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ' || ve[-1] == '\t')) {
        ve--;
      }
      return strndup(v, (size_t)(ve - v));
    }
    p = eol ? eol + 1 : end;
  }
  return NULL;
}

ng_status
ng__warc_http(ng_world *world, const char *name, const char *block,
              size_t len, long *status, char **content_type, char **payload,
              size_t *payload_len)
{
  ng_status st = NG_OK;
  *status = 0;
  *content_type = NULL;
  *payload = NULL;
  *payload_len = 0;
  if (len < 12 || strncmp(block, "HTTP/", 5) != 0) {
    return ng__errorf(world, NG_ERR_PARSE,
                      "%s: the response record holds no HTTP response", name);
  }
  const char *sp = memchr(block, ' ', len < 64 ? len : 64);
  if (!sp || sp + 4 > block + len || !(sp[1] >= '1' && sp[1] <= '5') ||
      !(sp[2] >= '0' && sp[2] <= '9') || !(sp[3] >= '0' && sp[3] <= '9')) {
    return ng__errorf(world, NG_ERR_PARSE,
                      "%s: bad HTTP status line in the response record",
                      name);
  }
  *status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
  /* The header ends at the first empty line (CRLF CRLF, or LF LF). */
  size_t hend = len, body = len;
  for (size_t i = 0; i + 1 < len; i++) {
    if (block[i] == '\n' && block[i + 1] == '\n') {
      hend = i + 1;
      body = i + 2;
      break;
    }
    if (block[i] == '\n' && block[i + 1] == '\r' && i + 2 < len &&
        block[i + 2] == '\n') {
      hend = i + 1;
      body = i + 3;
      break;
    }
  }
  *content_type = http_field(block, hend, "Content-Type");
  char *te = http_field(block, hend, "Transfer-Encoding");
  char *ce = http_field(block, hend, "Content-Encoding");
  size_t plen = len - body;
  char *p = malloc(plen + 1);
  if (!p) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  memcpy(p, block + body, plen);
  p[plen] = '\0';
  if (te && strcasestr(te, "chunked")) {
    dechunk(p, &plen);
  }
  bool zipped = plen >= 2 && (unsigned char)p[0] == 0x1f &&
                (unsigned char)p[1] == 0x8b;
  if (ce && (strcasecmp(ce, "gzip") == 0 || strcasecmp(ce, "x-gzip") == 0 ||
             strcasecmp(ce, "deflate") == 0)) {
    zipped = zipped || !ng__input_is_markup(p, plen);
  } else if (ce && strcasecmp(ce, "identity") != 0 &&
             !ng__input_is_markup(p, plen)) {
    st = ng__errorf(world, NG_ERR_PARSE,
                    "%s: cannot decode Content-Encoding %s", name, ce);
    free(p);
    goto done;
  }
  if (zipped) {
    char *plain = NULL;
    size_t pl = 0;
    st = ng__input_gunzip(world, name, p, plen, world->max_bytes, &plain,
                          &pl);
    free(p);
    if (st != NG_OK) {
      goto done;
    }
    p = plain;
    plen = pl;
  }
  if (plen > world->max_bytes) {
    free(p);
    st = ng__errorf(world, NG_ERR_TOO_LARGE, "%s is larger than %zu bytes",
                    name, world->max_bytes);
    goto done;
  }
  *payload = p;
  *payload_len = plen;
done:
  free(te);
  free(ce);
  if (st != NG_OK) {
    free(*content_type);
    *content_type = NULL;
  }
  return st;
}

/* Makes the doc of an article record: @p block is the record block
 * (taken). Sets *out to NULL when the record is not an article. */
static ng_status
make_doc(struct ng_warc *w, const struct header *h, char *block,
         size_t blen, ng_doc **out)
{
  ng_status st;
  char *ctype = NULL, *payload = NULL;
  size_t plen = 0;
  long status = 200;
  *out = NULL;
  const char *name = h->target;
  if (strncasecmp(h->type, "response", 8) == 0) {
    st = ng__warc_http(w->world, name, block, blen, &status, &ctype,
                       &payload, &plen);
    free(block);
    if (st != NG_OK) {
      return st;
    }
  } else {
    ctype = strdup(h->ctype);
    payload = block;
    plen = blen;
    if (!ctype) {
      free(payload);
      return NG_ERR_NOMEM;
    }
  }
  bool html = ctype ? is_html_type(ctype)
                    : ng__input_is_markup(payload, plen);
  if (status < 200 || status > 299 || !html) {
    free(ctype);
    free(payload);
    return NG_OK; /* not an article: skipped */
  }
  /* FAULT-CASES F08: a crawl archive holds walls and error pages served
   * with 200 too; they fail with the reason, as when fetched. */
  struct ng_page_verdict v;
  st = ng__crawl_classify(payload, plen, name, &v);
  if (st == NG_OK && v.kind != NG_PAGE_ARTICLE && v.kind != NG_PAGE_REFRESH) {
    const char *why = ng__crawl_page_reason(v.kind);
    ng__crawl_verdict_clear(&v);
    free(ctype);
    free(payload);
    return ng__errorf(w->world, NG_ERR_PARSE, "%s: %s (HTTP %ld, record at "
                      "offset %" PRIu64 " of %s)", name, why, status,
                      name_offset(w, w->rec_off), w->path);
  }
  ng__crawl_verdict_clear(&v);
  if (st != NG_OK) {
    free(ctype);
    free(payload);
    return st;
  }
  struct ng_doc *doc = ng__doc_new(name);
  char *url = ng__input_iri_clean(name);
  if (!doc || !url) {
    free(url);
    ng_doc_free(doc);
    free(ctype);
    free(payload);
    return NG_ERR_NOMEM;
  }
  doc->raw = payload;
  doc->raw_len = plen;
  doc->content_type = ctype;
  doc->final_url = url;
  doc->http_status = status;
  doc->is_plain_text = false;
  if (!ng__warc_parse_date(h->date, &doc->retrieved_at)) {
    ng__warnf(w->world, "%s: record at offset %" PRIu64 " has no valid "
              "WARC-Date; using the current time", w->path,
              name_offset(w, w->rec_off));
    doc->retrieved_at = ng__world_now(w->world);
  }
  *out = doc;
  return NG_OK;
}

/* Skips the blank lines between records. FILL_MORE when a record follows. */
static enum fill
skip_blank(struct ng_warc *w)
{
  for (;;) {
    while (w->pos < w->len &&
           (w->buf[w->pos] == '\r' || w->buf[w->pos] == '\n')) {
      w->pos++;
    }
    if (w->pos < w->len) {
      return FILL_MORE;
    }
    enum fill r = fill(w, true);
    if (r != FILL_MORE) {
      return r;
    }
  }
}

/* Reads one record. *out is a doc for an article, else NULL (skipped). */
static ng_status
read_record(struct ng_warc *w, ng_doc **out)
{
  struct header h = {0};
  ng_status st = NG_OK;
  size_t ll, tot;
  *out = NULL;
  enum fill r = skip_blank(w);
  if (r == FILL_EOF) {
    return NG_NOT_FOUND;
  }
  w->rec_off = w->buf_off + w->pos;
  if (r != FILL_MORE) {
    uint64_t at = name_offset(w, w->rec_off);
    st = fill_error(w, r, "end of file");
    if (r == FILL_CORRUPT) {
      ng_status rs = resync(w, at + 1);
      return rs != NG_OK ? rs : st;
    }
    return st;
  }
  bool member = record_is_member(w);
  /* version line: "WARC/1.0" or "WARC/1.1" (older 0.17/0.18 accepted) */
  r = get_line(w, !member, &ll, &tot);
  if (r != FILL_MORE || ll < 6 || strncmp(w->buf + w->pos, "WARC/", 5) != 0) {
    uint64_t at = name_offset(w, w->rec_off);
    if (r == FILL_IO) {
      return fill_error(w, r, "");
    }
    st = r == FILL_CORRUPT
             ? fill_error(w, r, "")
             : ng__errorf(w->world, NG_ERR_PARSE,
                          "%s: record at offset %" PRIu64 " does not start "
                          "with a WARC/1.x line", w->path, at);
    ng_status rs = resync(w, w->gz ? at + 1 : w->rec_off + 1);
    return rs != NG_OK ? rs : st;
  }
  w->pos += tot;
  size_t header_bytes = tot;
  /* named fields up to the empty line */
  for (;;) {
    r = get_line(w, !member, &ll, &tot);
    if (r != FILL_MORE) {
      free(h.target);
      uint64_t at = name_offset(w, w->rec_off);
      st = fill_error(w, r, "the header is cut off");
      if (r == FILL_CORRUPT || r == FILL_FULL) {
        ng_status rs = resync(w, w->gz ? at + 1 : w->rec_off + 1);
        return rs != NG_OK ? rs : st;
      }
      return st;
    }
    header_bytes += tot;
    if (ll == 0) {
      w->pos += tot;
      break;
    }
    if (header_bytes > NG_WARC_MAX_HEADER) {
      free(h.target);
      uint64_t at = name_offset(w, w->rec_off);
      st = ng__errorf(w->world, NG_ERR_PARSE,
                      "%s: record at offset %" PRIu64 " has a header over "
                      "%d bytes", w->path, at, NG_WARC_MAX_HEADER);
      ng_status rs = resync(w, w->gz ? at + 1 : w->rec_off + 1);
      return rs != NG_OK ? rs : st;
    }
    st = header_field(&h, w->buf + w->pos, ll);
    if (st != NG_OK) {
      free(h.target);
      return st;
    }
    w->pos += tot;
  }
  uint64_t at = name_offset(w, w->rec_off);
  if (!h.has_length) {
    free(h.target);
    st = ng__errorf(w->world, NG_ERR_PARSE,
                    "%s: record at offset %" PRIu64 " has no valid "
                    "Content-Length", w->path, at);
    ng_status rs = resync(w, w->gz ? at + 1 : w->buf_off + w->pos);
    return rs != NG_OK ? rs : st;
  }
  bool response = strcasecmp(h.type, "response") == 0 &&
                  strncasecmp(h.ctype, "application/http", 16) == 0 &&
                  !strcasestr(h.ctype, "msgtype=request");
  bool resource = strcasecmp(h.type, "resource") == 0 &&
                  is_html_type(h.ctype);
  bool wanted = (response || resource) && !h.segmented && h.target &&
                (strncasecmp(h.target, "http://", 7) == 0 ||
                 strncasecmp(h.target, "https://", 8) == 0);
  if ((response || resource) && !h.segmented && !wanted) {
    /* an article record we cannot name: skipped, but not silently */
    char uri[256];
    size_t n = 0;
    for (const char *p = h.target; p && *p && n + 1 < sizeof uri; p++) {
      uri[n++] = (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p;
    }
    uri[n] = '\0';
    ng__warnf(w->world, "%s: record at offset %" PRIu64 " skipped: %s%s%s",
              w->path, at, h.target ? "its WARC-Target-URI \"" : "it has no "
              "WARC-Target-URI", uri, h.target ? "\" is not an http(s) URL"
                                              : "");
  }
  /* an HTTP header and the body cap: larger blocks are not articles */
  uint64_t limit = (uint64_t)w->world->max_bytes + NG_WARC_MAX_HEADER;
  bool too_big = wanted && h.length > limit;
  struct ng_buf block;
  ng__buf_init(&block, (size_t)limit);
  uint64_t got = 0;
  uint64_t block_start = w->buf_off + w->pos;
  r = take(w, h.length, !member, wanted && !too_big ? &block : NULL, &got,
           &st);
  if (r != FILL_MORE) {
    ng__buf_free(&block);
    free(h.target);
    char what[96];
    snprintf(what, sizeof what, "%" PRIu64 " of %" PRIu64 " bytes of "
             "content", got, h.length);
    st = fill_error(w, r, what);
    if (r == FILL_CORRUPT) {
      ng_status rs = resync(w, at + 1);
      return rs != NG_OK ? rs : st;
    }
    if (r == FILL_EOF && !w->gz) {
      /* A record cut short in the middle of a file swallowed the records
       * after it: look for them after its header. */
      ng_status rs = resync(w, block_start);
      return rs != NG_OK ? rs : st;
    }
    return st;
  }
  if (st != NG_OK) {
    free(h.target);
    return ng__errorf(w->world, st, "out of memory reading %s", w->path);
  }
  /* The block is followed by CRLF CRLF (WARC 1.1 section 4). Anything
   * else means Content-Length was wrong. */
  size_t k = 0;
  while (k < 4) {
    if (w->pos == w->len) {
      r = fill(w, !member);
      if (r != FILL_MORE) {
        break;
      }
    }
    char c = w->buf[w->pos];
    if (c != '\r' && c != '\n') {
      break;
    }
    w->pos++;
    k++;
  }
  if (k == 0 && (r == FILL_MORE || (w->pos < w->len))) {
    ng__buf_free(&block);
    free(h.target);
    st = ng__errorf(w->world, NG_ERR_PARSE,
                    "%s: record at offset %" PRIu64 " is truncated or "
                    "corrupt: its content does not end where its "
                    "Content-Length (%" PRIu64 " bytes) says", w->path, at,
                    h.length);
    ng_status rs = resync(w, w->gz ? at + 1 : block_start);
    return rs != NG_OK ? rs : st;
  }
  if (r == FILL_CORRUPT) {
    ng__buf_free(&block);
    free(h.target);
    st = fill_error(w, r, "");
    ng_status rs = resync(w, at + 1);
    return rs != NG_OK ? rs : st;
  }
  if (too_big) {
    free(h.target);
    return ng__errorf(w->world, NG_ERR_TOO_LARGE,
                      "%s: record at offset %" PRIu64 " is larger than %zu "
                      "bytes", w->path, at, w->world->max_bytes);
  }
  if (!wanted) {
    free(h.target);
    return NG_OK;
  }
  size_t blen = block.len;
  char *data = ng__buf_take(&block);
  if (!data) {
    free(h.target);
    return NG_ERR_NOMEM;
  }
  st = make_doc(w, &h, data, blen, out);
  free(h.target);
  return st;
}

ng_status
ng_warc_next(ng_warc *w, ng_doc **out)
{
  if (!out) {
    return NG_ERR_ARG;
  }
  *out = NULL;
  if (!w) {
    return NG_ERR_ARG;
  }
  for (;;) {
    ng_status st = read_record(w, out);
    if (st != NG_OK || *out) {
      return st;
    }
  }
}
