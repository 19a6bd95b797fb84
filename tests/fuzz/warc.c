/* SPDX-License-Identifier: MIT */
/* Fuzz target: WARC record reading (plain or gzip; ng_warc_open and
 * ng_warc_next through a temporary file) and the HTTP message splitter
 * (ng__warc_http) on the raw input. Every record must end in a doc or an
 * error, and the reader must finish. */
#include "fuzz.h"

#include "warc.h"

#include <string.h>
#include <unistd.h>

static char path[64];

static void
remove_path(void)
{
  (void)unlink(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  (void)fuzz_world();
  const char *tmp = getenv("TMPDIR");
  int n = snprintf(path, sizeof path, "%s/ng-fuzz-warc-XXXXXX",
                   tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
  FUZZ_CHECK(n > 0 && (size_t)n < sizeof path);
  int fd = mkstemp(path);
  FUZZ_CHECK(fd >= 0);
  close(fd);
  FUZZ_CHECK(atexit(remove_path) == 0);
  return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  ng_world *world = fuzz_world();
  long status = 0;
  char *ctype = NULL, *payload = NULL;
  size_t payload_len = 0;
  if (ng__warc_http(world, "fuzz", (const char *)data, size, &status, &ctype,
                    &payload, &payload_len) == NG_OK) {
    FUZZ_CHECK(payload != NULL);
    FUZZ_CHECK(payload[payload_len] == '\0');
  }
  free(ctype);
  free(payload);

  FILE *f = fopen(path, "wb");
  FUZZ_CHECK(f != NULL);
  FUZZ_CHECK(fwrite(data, 1, size, f) == size);
  FUZZ_CHECK(fclose(f) == 0);
  ng_warc *warc = NULL;
  FUZZ_CHECK(ng_warc_open(world, path, &warc) == NG_OK);
  uint64_t last = 0;
  for (int i = 0; i < 10000; i++) {
    ng_doc *doc = NULL;
    ng_status st = ng_warc_next(warc, &doc);
    if (st == NG_NOT_FOUND) {
      FUZZ_CHECK(doc == NULL);
      break;
    }
    uint64_t off = ng_warc_offset(warc);
    FUZZ_CHECK(i == 0 || off >= last);
    last = off;
    if (st == NG_OK) {
      FUZZ_CHECK(doc != NULL);
      /* The payload of a record goes on to the HTML stages. */
      if (ng_doc_parse(world, doc) == NG_OK) {
        FUZZ_CHECK(ng_doc_get_text(doc) != NULL);
      }
      ng_doc_free(doc);
    } else {
      FUZZ_CHECK(doc == NULL);
      if (st == NG_ERR_IO || st == NG_ERR_NOMEM) {
        break;
      }
    }
    FUZZ_CHECK(i < 9999); /* the reader must reach the end */
  }
  ng_warc_free(warc);
  return 0;
}
