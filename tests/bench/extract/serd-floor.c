/* SPDX-License-Identifier: MIT */
/* The floor that serd sets under `newsgraph extract --format nquads`: reads
   an N-Quads file into memory with serd's reader, then times serd's writer
   alone writing the same statements as N-Quads (SERD_STYLE_BULK, as
   graph/serialize.c does) to /dev/null, several times. Built and run by
   ./serd-floor-run; a benchmark, not a test. */
#include <serd/serd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct
{
  SerdNode n[4];
  SerdNode dt, lang;
  SerdStatementFlags flags;
} quad;

typedef struct
{
  quad *q;
  size_t len, cap;
} quads;

static SerdNode
copy_node(const SerdNode *n)
{
  return n && n->buf ? serd_node_copy(n) : SERD_NODE_NULL;
}

static SerdStatus
on_statement(void *handle, SerdStatementFlags flags, const SerdNode *g,
             const SerdNode *s, const SerdNode *p, const SerdNode *o,
             const SerdNode *dt, const SerdNode *lang)
{
  quads *qs = handle;
  if (qs->len == qs->cap) {
    qs->cap = qs->cap ? qs->cap * 2 : 4096;
    qs->q = realloc(qs->q, qs->cap * sizeof *qs->q);
    if (!qs->q)
      return SERD_ERR_UNKNOWN;
  }
  quad *q = &qs->q[qs->len++];
  q->n[0] = copy_node(s);
  q->n[1] = copy_node(p);
  q->n[2] = copy_node(o);
  q->n[3] = copy_node(g);
  q->dt = copy_node(dt);
  q->lang = copy_node(lang);
  q->flags = flags;
  return SERD_SUCCESS;
}

static double
cpu_now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "usage: serd-floor FILE.nq [RUNS]\n");
    return 2;
  }
  int runs = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 5;
  if (runs < 1)
    runs = 1;
  quads qs = { 0 };
  SerdReader *r = serd_reader_new(SERD_NQUADS, &qs, NULL, NULL, NULL,
                                  on_statement, NULL);
  if (serd_reader_read_file(r, (const uint8_t *)argv[1]) != SERD_SUCCESS) {
    fprintf(stderr, "serd-floor: cannot read %s\n", argv[1]);
    return 1;
  }
  serd_reader_free(r);
  FILE *out = fopen("/dev/null", "wb");
  double best = 1e30;
  for (int k = 0; k < runs; k++) {
    SerdEnv *env = serd_env_new(NULL);
    SerdWriter *w = serd_writer_new(SERD_NQUADS, SERD_STYLE_BULK, env,
                                    NULL, serd_file_sink, out);
    double t0 = cpu_now();
    for (size_t i = 0; i < qs.len; i++) {
      quad *q = &qs.q[i];
      serd_writer_write_statement(w, q->flags, q->n[3].buf ? &q->n[3] : NULL,
                                  &q->n[0], &q->n[1], &q->n[2],
                                  q->dt.buf ? &q->dt : NULL,
                                  q->lang.buf ? &q->lang : NULL);
    }
    serd_writer_finish(w);
    serd_writer_free(w);
    double t = cpu_now() - t0;
    serd_env_free(env);
    if (t < best)
      best = t;
  }
  fclose(out);
  printf("%zu quads: serd's N-Quads writer alone, best of %d: %.3f CPU-s "
         "(%.0f quads per CPU-s)\n", qs.len, runs, best,
         best > 0 ? (double)qs.len / best : 0.0);
  return 0;
}
