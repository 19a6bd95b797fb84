/* SPDX-License-Identifier: MIT */
/* Replay driver: a main() for a fuzz target built without libFuzzer (any
 * compiler). It calls LLVMFuzzerTestOneInput on each file named on the
 * command line (a directory means every file in it); with no arguments it
 * replays every seed corpus, tests/fuzz/corpus/<target>/, under
 * $top_srcdir (else the source tree it was built from), through this
 * target, so `make check` runs every corpus file through every target. A
 * crash or failed check aborts: the test fails and the last "replay" line
 * names the input. */
#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

/* Inputs larger than this are cut, like libFuzzer's -max_len would. */
#define REPLAY_MAX (4u << 20)

static size_t n_run;

/* Runs the target on the file at @p path; false if it cannot be read. */
static bool
replay_file(const char *path, bool verbose)
{
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "replay: cannot read %s: %s\n", path, strerror(errno));
    return false;
  }
  uint8_t *buf = malloc(REPLAY_MAX);
  FUZZ_CHECK(buf != NULL);
  size_t n = fread(buf, 1, REPLAY_MAX, f);
  bool ok = !ferror(f);
  fclose(f);
  if (ok) {
    if (verbose) {
      fprintf(stderr, "replay %s (%zu bytes)\n", path, n);
    }
    /* A copy of exactly n bytes, so ASan sees reads past the end. */
    uint8_t *in = malloc(n ? n : 1);
    FUZZ_CHECK(in != NULL);
    memcpy(in, buf, n);
    free(buf);
    buf = NULL;
    (void)LLVMFuzzerTestOneInput(in, n);
    free(in);
    n_run++;
  }
  free(buf);
  return ok;
}

static int
cmp_str(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs the target on @p path, or on each file under it in name order. */
static bool
replay_path(const char *path, bool verbose)
{
  struct stat sb;
  if (stat(path, &sb) != 0) {
    fprintf(stderr, "replay: cannot read %s: %s\n", path, strerror(errno));
    return false;
  }
  if (!S_ISDIR(sb.st_mode)) {
    return replay_file(path, verbose);
  }
  DIR *d = opendir(path);
  if (!d) {
    fprintf(stderr, "replay: cannot read %s: %s\n", path, strerror(errno));
    return false;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') {
      continue;
    }
    if (n == cap) {
      cap = cap ? 2 * cap : 64;
      names = realloc(names, cap * sizeof *names);
      FUZZ_CHECK(names != NULL);
    }
    size_t len = strlen(path) + strlen(e->d_name) + 2;
    names[n] = malloc(len);
    FUZZ_CHECK(names[n] != NULL);
    snprintf(names[n], len, "%s/%s", path, e->d_name);
    n++;
  }
  closedir(d);
  if (n > 1) {
    qsort(names, n, sizeof *names, cmp_str);
  }
  bool ok = true;
  for (size_t i = 0; i < n; i++) {
    ok = replay_path(names[i], verbose) && ok;
    free(names[i]);
  }
  free(names);
  return ok;
}

int
main(int argc, char **argv)
{
  (void)LLVMFuzzerInitialize(&argc, &argv);
  bool ok = true;
  bool verbose = getenv("NG_REPLAY_QUIET") == NULL;
  if (argc > 1) {
    for (int i = 1; i < argc; i++) {
      ok = replay_path(argv[i], verbose) && ok;
    }
  } else {
    const char *top = getenv("top_srcdir");
    char dir[4096];
    int n = snprintf(dir, sizeof dir, "%s/tests/fuzz/corpus",
                     top && *top ? top : NG_SRCDIR);
    FUZZ_CHECK(n > 0 && (size_t)n < sizeof dir);
    ok = replay_path(dir, verbose);
    /* The fixtures are seeds too (the corpus does not copy them). */
    n = snprintf(dir, sizeof dir, "%s/fixtures", top && *top ? top : NG_SRCDIR);
    FUZZ_CHECK(n > 0 && (size_t)n < sizeof dir);
    ok = replay_path(dir, verbose) && ok;
  }
  printf("%zu inputs replayed%s\n", n_run, ok ? "" : ", some unreadable");
  return ok && n_run > 0 ? 0 : 1;
}
