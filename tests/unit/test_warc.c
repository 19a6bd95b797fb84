/* SPDX-License-Identifier: MIT */
/* Unit tests of warc.c: WARC-Date, the HTTP block of response records
 * (chunked, gzip), plain and gzip (one member per record, one stream)
 * files, the record kinds that are skipped, and truncated or corrupt
 * records reported with their offset while the rest is still read. */
#include "warc.h"

#include "buf.h"

#include "../test.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

static ng_world *world;

static const char page[] =
    "<html><head><title>%s</title></head><body><article><p>%s</p>"
    "<p>Officials said the work would continue through the winter, and "
    "residents were asked to use the ferry in the meantime.</p></article>"
    "</body></html>";

/* Appends one record to @p b. */
static void
add_record(struct ng_buf *b, const char *type, const char *uri,
           const char *date, const char *ctype, const char *block)
{
  CHECK_OK(ng__buf_addf(b, "WARC/1.0\r\nWARC-Type: %s\r\n", type));
  if (uri) {
    CHECK_OK(ng__buf_addf(b, "WARC-Target-URI: %s\r\n", uri));
  }
  CHECK_OK(ng__buf_addf(b, "WARC-Date: %s\r\nContent-Type: %s\r\n"
                        "Content-Length: %zu\r\n\r\n%s\r\n\r\n",
                        date, ctype, strlen(block), block));
}

/* A response block: status line, Content-Type, body. */
static char *
http(const char *status, const char *ctype, const char *body)
{
  struct ng_buf b;
  ng__buf_init(&b, 0);
  CHECK_OK(ng__buf_addf(&b, "HTTP/1.1 %s\r\nContent-Type: %s\r\n"
                        "Server: test\r\n\r\n%s", status, ctype, body));
  return ng__buf_take(&b);
}

/* An article page with @p title and @p lead. */
static char *
article(const char *title, const char *lead)
{
  struct ng_buf b;
  ng__buf_init(&b, 0);
  CHECK_OK(ng__buf_addf(&b, page, title, lead));
  return ng__buf_take(&b);
}

/* The records of the test file, each a separate string. */
static size_t
make_records(char *recs[16])
{
  size_t n = 0;
  struct ng_buf b;
  char *a1 = article("Harbour wall repaired", "Workers in Gdansk finished "
                     "repairing the old harbour wall on Tuesday.");
  char *a2 = article("Orchard harvest starts early", "Farmers near Almaty "
                     "began picking apples two weeks earlier than usual.");
  char *a3 = article("Choir tours the coast", "A youth choir from Porto "
                     "will sing in six coastal towns this summer.");
  char *h1 = http("200 OK", "text/html; charset=utf-8", a1);
  char *h2 = http("200 OK", "text/html", a2);
  char *h3 = http("200 OK", "text/html; charset=iso-8859-1", a3);
  char *png = http("200 OK", "image/png", "\x89PNG....");
  char *nf = http("404 Not Found", "text/html",
                  "<html><body><p>not here</p></body></html>");
  struct {
    const char *type, *uri, *date, *ctype, *block;
  } r[] = {
    {"warcinfo", NULL, "2024-05-01T00:00:00Z", "application/warc-fields",
     "software: test\r\n"},
    {"request", "https://a.example/harbour", "2024-05-01T08:00:00Z",
     "application/http; msgtype=request", "GET /harbour HTTP/1.1\r\n\r\n"},
    {"response", "https://a.example/harbour", "2024-05-01T08:00:01Z",
     "application/http; msgtype=response", h1},
    {"metadata", "https://a.example/harbour", "2024-05-01T08:00:01Z",
     "application/warc-fields", "via: test\r\n"},
    {"response", "https://a.example/logo.png", "2024-05-01T08:00:02Z",
     "application/http; msgtype=response", png},
    {"revisit", "https://a.example/harbour", "2024-05-02T08:00:00Z",
     "application/http; msgtype=response",
     "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"},
    {"response", "https://a.example/missing", "2024-05-01T08:00:03Z",
     "application/http; msgtype=response", nf},
    {"response", "<https://b.example/orchard>", "2024-05-01T09:00:00Z",
     "application/http;msgtype=response", h2},
    {"response", "https://c.example/choir", "2024-05-01T10:00:00.25Z",
     "application/http; msgtype=response", h3},
  };
  for (size_t i = 0; i < ARRAY_LEN(r); i++) {
    ng__buf_init(&b, 0);
    add_record(&b, r[i].type, r[i].uri, r[i].date, r[i].ctype, r[i].block);
    recs[n++] = ng__buf_take(&b);
  }
  free(a1);
  free(a2);
  free(a3);
  free(h1);
  free(h2);
  free(h3);
  free(png);
  free(nf);
  return n;
}

/* Writes @p recs to a new temp file, each record as a gzip member when
 * @p mode is 'm', all as one gzip stream when 's', plain when 'p'. Record
 * @p cut (or -1) loses its last @p cut_by bytes. */
static void
write_warc(char *path, char *const *recs, size_t n, char mode, long cut,
           size_t cut_by)
{
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  close(fd);
  gzFile gz = mode == 's' ? gzopen(path, "wb") : NULL;
  FILE *f = mode == 'p' ? fopen(path, "wb") : NULL;
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(recs[i]);
    if ((long)i == cut) {
      len -= cut_by;
    }
    if (mode == 'm') {
      gzFile m = gzopen(path, "ab"); /* appends one gzip member */
      CHECK(gzwrite(m, recs[i], (unsigned)len) == (int)len);
      gzclose(m);
    } else if (gz) {
      CHECK(gzwrite(gz, recs[i], (unsigned)len) == (int)len);
    } else {
      CHECK(fwrite(recs[i], 1, len, f) == len);
    }
  }
  if (gz) {
    gzclose(gz);
  }
  if (f) {
    fclose(f);
  }
}

/* Reads @p path; returns the articles read, the bad records in *bad, the
 * first error message in @p msg, and the article URLs joined by ' '. */
static size_t
read_all(const char *path, size_t *bad, char *msg, size_t msg_len,
         char *urls, size_t urls_len, time_t *first_time)
{
  ng_warc *w = NULL;
  size_t n = 0;
  *bad = 0;
  msg[0] = urls[0] = '\0';
  CHECK_OK(ng_warc_open(world, path, &w));
  if (!w) {
    return 0;
  }
  for (int guard = 0; guard < 100; guard++) {
    ng_doc *doc = NULL;
    ng_status st = ng_warc_next(w, &doc);
    if (st == NG_NOT_FOUND) {
      break;
    }
    if (st != NG_OK) {
      if (!*bad) {
        snprintf(msg, msg_len, "%s", ng_world_errmsg(world));
      }
      (*bad)++;
      continue;
    }
    if (n == 0 && first_time) {
      *first_time = doc->retrieved_at;
    }
    size_t ul = strlen(urls);
    snprintf(urls + ul, urls_len - ul, "%s%s", ul ? " " : "",
             doc->final_url);
    if (strcmp(doc->final_url, "https://a.example/harbour") == 0) {
      CHECK_EQ_STR(doc->content_type, "text/html; charset=utf-8");
      CHECK(doc->http_status == 200);
      CHECK(!doc->is_plain_text);
      CHECK(strstr(doc->raw, "Gdansk") != NULL);
      CHECK(strncmp(doc->raw, "<html>", 6) == 0);
    }
    if (strcmp(doc->final_url, "https://c.example/choir") == 0) {
      /* the header's charset reaches charset.c through content_type */
      CHECK_EQ_STR(doc->content_type, "text/html; charset=iso-8859-1");
      CHECK_OK(ng_doc_parse(world, doc));
      CHECK(strstr(ng_doc_get_text(doc), "Porto") != NULL);
      CHECK_EQ_STR(ng_doc_get_iri(doc), "https://c.example/choir");
    }
    ng_doc_free(doc);
    n++;
  }
  ng_warc_free(w);
  return n;
}

static const char all_urls[] =
    "https://a.example/harbour https://b.example/orchard "
    "https://c.example/choir";

static void
test_files(void)
{
  char *recs[16];
  size_t nr = make_records(recs);
  char msg[512], urls[512];
  size_t bad;
  time_t t0 = 0;
  const char modes[] = {'p', 'm', 's'};
  for (size_t k = 0; k < ARRAY_LEN(modes); k++) {
    char path[] = "/tmp/ng-warc-XXXXXX";
    write_warc(path, recs, nr, modes[k], -1, 0);
    CHECK(read_all(path, &bad, msg, sizeof msg, urls, sizeof urls, &t0) ==
          3);
    CHECK(bad == 0);
    CHECK_EQ_STR(urls, all_urls);
    CHECK(t0 == 1714550401); /* 2024-05-01T08:00:01Z */
    unlink(path);
  }

  /* The orchard record (index 7) cut short by 40 bytes: one error naming
   * the file and the record's offset, and the records after it read. */
  size_t off = 0;
  for (size_t i = 0; i < 7; i++) {
    off += strlen(recs[i]);
  }
  char want[64];
  snprintf(want, sizeof want, "record at offset %zu", off);
  char path[] = "/tmp/ng-warc-XXXXXX";
  write_warc(path, recs, nr, 'p', 7, 40);
  CHECK(read_all(path, &bad, msg, sizeof msg, urls, sizeof urls, NULL) == 2);
  CHECK(bad == 1);
  CHECK(strstr(msg, path) != NULL);
  CHECK(strstr(msg, want) != NULL);
  CHECK_EQ_STR(urls, "https://a.example/harbour https://c.example/choir");
  unlink(path);

  /* The same in a gzip file with a member per record: the offset is the
   * member's. */
  char gpath[] = "/tmp/ng-warc-XXXXXX";
  write_warc(gpath, recs, nr, 'm', 7, 40);
  CHECK(read_all(gpath, &bad, msg, sizeof msg, urls, sizeof urls, NULL) ==
        2);
  CHECK(bad == 1);
  CHECK(strstr(msg, "is truncated") != NULL);
  CHECK_EQ_STR(urls, "https://a.example/harbour https://c.example/choir");
  unlink(gpath);

  /* The last record cut off at the end of the file. */
  char epath[] = "/tmp/ng-warc-XXXXXX";
  write_warc(epath, recs, nr, 'p', (long)nr - 1, 100);
  CHECK(read_all(epath, &bad, msg, sizeof msg, urls, sizeof urls, NULL) ==
        2);
  CHECK(bad == 1);
  CHECK(strstr(msg, "truncated") != NULL);
  unlink(epath);

  /* Garbage where a record should start. */
  char jpath[] = "/tmp/ng-warc-XXXXXX";
  char *saved = recs[3];
  recs[3] = strdup("this is not a WARC record\r\n\r\n");
  write_warc(jpath, recs, nr, 'p', -1, 0);
  CHECK(read_all(jpath, &bad, msg, sizeof msg, urls, sizeof urls, NULL) ==
        3);
  CHECK(bad == 1);
  CHECK(strstr(msg, "WARC/1.x") != NULL);
  free(recs[3]);
  recs[3] = saved;
  unlink(jpath);

  for (size_t i = 0; i < nr; i++) {
    free(recs[i]);
  }
  ng_warc *w = NULL;
  CHECK(ng_warc_open(world, "/nonexistent.warc", &w) == NG_ERR_IO);
  CHECK(w == NULL);
  ng_warc_free(NULL);
}

static void
test_http(void)
{
  long status;
  char *ct, *body;
  size_t len;
  const char chunked[] =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
      "Transfer-Encoding: chunked\r\n\r\n"
      "5\r\n<html\r\n3;ext=1\r\n><p\r\ne\r\n>Hello!</p><ht\r\n"
      "4\r\nml>.\r\n0\r\n\r\n";
  CHECK_OK(ng__warc_http(world, "t", chunked, strlen(chunked), &status, &ct,
                         &body, &len));
  CHECK(status == 200);
  CHECK_EQ_STR(ct, "text/html");
  CHECK_EQ_STR(body, "<html><p>Hello!</p><html>.");
  free(ct);
  free(body);

  /* Content-Encoding: gzip */
  const char html[] = "<html><body><p>Compressed page</p></body></html>";
  unsigned char z[256];
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  CHECK(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) ==
        Z_OK);
  zs.next_in = (unsigned char *)(uintptr_t)html;
  zs.avail_in = (uInt)strlen(html);
  zs.next_out = z;
  zs.avail_out = sizeof z;
  CHECK(deflate(&zs, Z_FINISH) == Z_STREAM_END);
  size_t zl = sizeof z - zs.avail_out;
  deflateEnd(&zs);
  const char head[] = "HTTP/1.0 200 OK\nContent-Encoding: gzip\n"
                      "Content-Type: text/html; charset=utf-8\n\n";
  char msg[512];
  memcpy(msg, head, strlen(head));
  memcpy(msg + strlen(head), z, zl);
  CHECK_OK(ng__warc_http(world, "t", msg, strlen(head) + zl, &status, &ct,
                         &body, &len));
  CHECK_EQ_STR(ct, "text/html; charset=utf-8");
  CHECK_EQ_STR(body, html);
  free(ct);
  free(body);

  CHECK(ng__warc_http(world, "t", "GET / HTTP/1.1\r\n\r\n", 18, &status, &ct,
                      &body, &len) == NG_ERR_PARSE);
}

static void
test_dates(void)
{
  time_t t;
  CHECK(ng__warc_parse_date("2024-11-03T10:20:30Z", &t));
  CHECK(t == 1730629230);
  CHECK(ng__warc_parse_date("2024-11-03T10:20:30.123456Z", &t));
  CHECK(t == 1730629230);
  CHECK(!ng__warc_parse_date("2024-11-03 10:20:30", &t));
  CHECK(!ng__warc_parse_date("2024-02-30T10:20:30Z", &t));
  CHECK(!ng__warc_parse_date("", &t));
  CHECK(ng_warc_is_input("CC-NEWS-20240101.warc.gz"));
  CHECK(ng_warc_is_input("x.WARC"));
  CHECK(!ng_warc_is_input("x.warc.html"));
  CHECK(!ng_warc_is_input("warc"));
  CHECK(!ng_warc_is_input("https://data.example/CC-NEWS.warc.gz"));
}

int
main(void)
{
  world = ng_world_new();
  if (!world) {
    return 99;
  }
  test_dates();
  test_http();
  test_files();
  ng_world_free(world);
  return test_report();
}
