/* SPDX-License-Identifier: MIT */
/* Unit tests of push.c: which IRIs can be sent, the SPARQL Update
 * body built from N-Triples (escaping of "\\u"), and pushes to fake
 * servers on loopback (a forked child): the time limit, and the known
 * answers of a wrong endpoint. */
#include "push.h"

#include "doc.h"

#include "../test.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void
test_iri_ok(void)
{
  CHECK(ng__push_iri_ok("https://news.example/a?b=c#d"));
  CHECK(ng__push_iri_ok("urn:sha256:ab12"));
  CHECK(!ng__push_iri_ok(""));
  CHECK(!ng__push_iri_ok("https://news.example/a b"));
  CHECK(!ng__push_iri_ok("https://news.example/a>"));
  CHECK(!ng__push_iri_ok("https://news.example/{x}"));
  CHECK(!ng__push_iri_ok("https://news.example/a\\u003E"));
  CHECK(!ng__push_iri_ok("https://news.example/\n"));
}

static void
test_update_body(void)
{
  ng_world *world = ng_world_new();
  struct ng_buf b;
  /* a literal holding a backslash and "u0041" (N-Triples "\\u0041"), a
   * quote, and a real escape \u00E9 that SPARQL may decode itself */
  static const char nt[] =
      "<http://s.example/x> <http://p.example/q> \"a\\\\u0041 \\\" "
      "\\u00E9 \\\\U0001\" .\n";
  CHECK(world != NULL);
  ng__buf_init(&b, 0);
  CHECK_OK(ng__push_update_body(world, "https://g.example/1", nt,
                                strlen(nt), &b));
  CHECK(b.data != NULL);
  CHECK(strstr(b.data, "DROP SILENT GRAPH <https://g.example/1> ;\n") ==
        b.data);
  CHECK(strstr(b.data, "INSERT DATA { GRAPH <https://g.example/1> {\n"));
  CHECK(strstr(b.data, "\"a\\\\\\u00750041 \\\" \\u00E9 \\\\\\u00550001\""));
  CHECK(strstr(b.data, "} }\n") != NULL);
  ng__buf_free(&b);
  ng__buf_init(&b, 0);
  CHECK(ng__push_update_body(world, "https://g.example/a>b", nt, strlen(nt),
                             &b) == NG_ERR_ARG);
  ng__buf_free(&b);
  ng_world_free(world);
}

/* A listening socket on 127.0.0.1 (port in *port), or -1. */
static int
listen_loopback(int *port)
{
  struct sockaddr_in a = {0};
  socklen_t len = sizeof a;
  int s = socket(AF_INET, SOCK_STREAM, 0);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0 ||
      listen(s, 8) != 0 ||
      getsockname(s, (struct sockaddr *)&a, &len) != 0) {
    return -1;
  }
  *port = ntohs(a.sin_port);
  return s;
}

/* The fake server's child: answers each request (headers, then
 * Content-Length bytes) with @p answer, or a SPARQL JSON count of 0 to a
 * form-encoded query; with @p answer NULL it never answers. */
static void
serve(int s, const char *answer)
{
  static const char count0[] =
      "HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json"
      "\r\nConnection: close\r\n\r\n{\"head\": {\"vars\": [\"n\"]}, "
      "\"results\": {\"bindings\": [{\"n\": {\"type\": \"literal\", "
      "\"value\": \"0\"}}]}}";
  for (;;) {
    int c = accept(s, NULL, NULL);
    char req[65536];
    size_t got = 0;
    if (c < 0) {
      _exit(0);
    }
    if (!answer) {
      sleep(60);
      _exit(0);
    }
    for (;;) {
      ssize_t n = read(c, req + got, sizeof req - 1 - got);
      if (n <= 0) {
        break;
      }
      got += (size_t)n;
      req[got] = '\0';
      char *end = strstr(req, "\r\n\r\n");
      char *cl = strstr(req, "Content-Length: ");
      if (end && (!cl || got >= (size_t)(end + 4 - req) +
                                     strtoul(cl + 16, NULL, 10))) {
        break;
      }
    }
    const char *a = strstr(req, "x-www-form-urlencoded") ? count0 : answer;
    if (write(c, a, strlen(a)) < 0) {
      _exit(1);
    }
    close(c);
  }
}

/* A memory store holding one small article graph. */
static ng_store *
one_graph_store(ng_world *world)
{
  ng_store *store = NULL;
  static const char text[] = "Dara Velmar met Ilya Sorokin in Jakarta.";
  struct ng_doc *doc = ng__doc_new("https://news.example/a1");
  CHECK(doc != NULL);
  CHECK_OK(ng__doc_set_str(&doc->text, text, strlen(text)));
  doc->text_len = strlen(text);
  CHECK_OK(ng__doc_set_str(&doc->meta.headline, "Talks", 5));
  CHECK_OK(ng__doc_add_sentence(doc, 0, strlen(text)));
  doc->extracted = true;
  CHECK_OK(ng_store_open(world, "memory:", &store));
  CHECK_OK(ng_store_add_doc(store, doc));
  ng_doc_free(doc);
  return store;
}

/* Pushes the one-graph store to a fake server answering @p answer (NULL:
 * never) with @p flags and a limit of @p limit_s; returns the status,
 * *took the seconds it took, and the message in @p msg. */
static ng_status
push_to_fake(const char *answer, unsigned flags, double limit_s,
             double *took, char *msg, size_t size)
{
  ng_world *world = ng_world_new();
  int port = 0;
  int s = listen_loopback(&port);
  CHECK(world != NULL && s >= 0);
  fflush(NULL);
  pid_t pid = fork();
  CHECK(pid >= 0);
  if (pid == 0) {
    serve(s, answer);
    _exit(0);
  }
  close(s);
  ng_store *store = one_graph_store(world);
  char url[64];
  size_t graphs = 9, triples = 9;
  struct timespec t0, t1;
  snprintf(url, sizeof url, "http://127.0.0.1:%d/sparql", port);
  clock_gettime(CLOCK_MONOTONIC, &t0);
  ng_status st = ng_store_push_ex(store, url, NULL, "u:p", flags, limit_s,
                                  &graphs, &triples);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  *took = (double)(t1.tv_sec - t0.tv_sec) +
          (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  snprintf(msg, size, "%s", ng_world_errmsg(world));
  kill(pid, SIGKILL);
  waitpid(pid, NULL, 0);
  ng_store_free(store);
  ng_world_free(world);
  return st;
}

static void
test_wrong_endpoints(void)
{
  char msg[1024];
  double took = 0;
  /* A server that never answers (Virtuoso's /sparql to a Graph Store
   * PUT): the push's time limit ends it, naming the endpoint. */
  CHECK(push_to_fake(NULL, 0, 2, &took, msg, sizeof msg) == NG_ERR_FETCH);
  CHECK(took < 20);
  CHECK(strstr(msg, "http://127.0.0.1:") != NULL);
  CHECK(strstr(msg, "Graph Store Protocol endpoint") != NULL);
  CHECK(strstr(msg, "time limit of 2 s") != NULL);
  /* Virtuoso's /sparql-graph-crud-auth answers an Update with its HTML
   * query form and 200, storing nothing. */
  CHECK(push_to_fake("HTTP/1.1 200 OK\r\nContent-Type: text/html; "
                     "charset=UTF-8\r\nConnection: close\r\n\r\n<html><head>"
                     "<title>SPARQL Query Form</title></head><body><form "
                     "action=\"\" method=\"get\"><textarea name=\"query\">"
                     "</textarea></form></body></html>",
                     NG_PUSH_UPDATE, 20, &took, msg,
                     sizeof msg) == NG_ERR_HTTP);
  CHECK(strstr(msg, "HTML query form") != NULL);
  CHECK(strstr(msg, "/sparql-auth") != NULL);
  /* An endpoint that says yes to the update but then holds none of the
   * graph's triples. */
  CHECK(push_to_fake("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                     "Connection: close\r\n\r\nok",
                     NG_PUSH_UPDATE, 20, &took, msg,
                     sizeof msg) == NG_ERR_HTTP);
  CHECK(strstr(msg, "holds none") != NULL);
  /* A Graph Store PUT answered 201: success, at once. */
  CHECK(push_to_fake("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n"
                     "Connection: close\r\n\r\n", 0, 20, &took, msg,
                     sizeof msg) == NG_OK);
  CHECK(took < 10);
}

int
main(void)
{
  test_iri_ok();
  test_update_body();
  test_wrong_endpoints();
  return test_report();
}
