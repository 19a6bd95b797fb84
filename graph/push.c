/* SPDX-License-Identifier: MIT */
/* Pushing article graphs to a triple store: each graph is serialized to
 * N-Triples by the store's own writer (ng_store_write) and sent with
 * libcurl, as a SPARQL 1.1 Graph Store HTTP Protocol PUT or a SPARQL 1.1
 * Update. Knows HTTP and SPARQL syntax, not the vocabulary. */
#include "push.h"

#include "store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

/* Bytes of a server's answer kept for the error message. */
#define ANSWER_MAX 512
/* Seconds to connect, and the stall limit (under 1 byte/s this long). */
#define CONNECT_TIMEOUT 30L
#define STALL_SECONDS 120L

bool
ng__push_iri_ok(const char *iri)
{
  if (!iri || !*iri) {
    return false;
  }
  for (const unsigned char *c = (const unsigned char *)iri; *c; c++) {
    if (*c <= 0x20 || strchr("<>\"{}|^`\\", *c)) {
      return false;
    }
  }
  return true;
}

ng_status
ng__push_update_body(ng_world *world, const char *graph, const char *nt,
                     size_t len, struct ng_buf *out)
{
  ng_status st;
  if (!ng__push_iri_ok(graph)) {
    return ng__errorf(world, NG_ERR_ARG, "graph name cannot be written in "
                      "SPARQL: %s", graph);
  }
  TRY(st, ng__buf_addf(out, "DROP SILENT GRAPH <%s> ;\n"
                       "INSERT DATA { GRAPH <%s> {\n", graph, graph));
  /* N-Triples is SPARQL's triple syntax, except that SPARQL decodes \u
   * before parsing: "\\u" would turn into "\" + a code point. */
  size_t from = 0;
  for (size_t i = 0; i + 2 < len; i++) {
    if (nt[i] != '\\') {
      continue;
    }
    if (nt[i + 1] == '\\' && (nt[i + 2] == 'u' || nt[i + 2] == 'U')) {
      TRY(st, ng__buf_add(out, nt + from, i - from));
      TRY(st, ng__buf_adds(out, nt[i + 2] == 'u' ? "\\\\\\u0075"
                                                 : "\\\\\\u0055"));
      from = i + 3;
    }
    i++; /* skip the escaped character */
  }
  TRY(st, ng__buf_add(out, nt + from, len - from));
  return ng__buf_adds(out, "} }\n");
}

/* Keeps the start of the server's answer for messages. */
static size_t
keep_answer(char *data, size_t size, size_t n, void *user)
{
  struct ng_buf *b = user;
  size_t bytes = size * n;
  size_t room = b->len < ANSWER_MAX ? ANSWER_MAX - b->len : 0;
  if (room > 0 && ng__buf_add(b, data, bytes < room ? bytes : room) != NG_OK) {
    ng__buf_init(b, ANSWER_MAX + 1);
  }
  return bytes;
}

/* The request URL: @p endpoint, plus ?graph=IRI (percent-encoded) for the
 * Graph Store Protocol. */
static ng_status
request_url(ng_world *world, CURL *curl, const char *endpoint,
            const char *graph, struct ng_buf *url)
{
  ng_status st;
  TRY(st, ng__buf_adds(url, endpoint));
  if (!graph) {
    return NG_OK;
  }
  char *esc = curl_easy_escape(curl, graph, 0);
  if (!esc) {
    return ng__errorf(world, NG_ERR_NOMEM, "out of memory");
  }
  st = ng__buf_addf(url, "%sgraph=%s", strchr(endpoint, '?') ? "&" : "?",
                    esc);
  curl_free(esc);
  return st;
}

/* Sends one request: PUT (Graph Store) or POST (Update) of @p body. */
static ng_status
send_graph(ng_world *world, const char *endpoint, const char *graph,
           const char *userpwd, bool update, const char *body, size_t len)
{
  ng_status st = NG_OK;
  struct ng_buf url, answer;
  struct curl_slist *headers = NULL;
  char errbuf[CURL_ERROR_SIZE] = "";
  long code = 0;
  ng__buf_init(&url, 0);
  ng__buf_init(&answer, ANSWER_MAX + 1);
  CURL *curl = curl_easy_init();
  if (!curl) {
    return ng__errorf(world, NG_ERR_FETCH, "cannot start libcurl");
  }
  TRY_DONE(st, request_url(world, curl, endpoint, update ? NULL : graph,
                           &url));
  headers = curl_slist_append(
      headers, update ? "Content-Type: application/sparql-update"
                      : "Content-Type: application/n-triples");
  if (!headers) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  curl_easy_setopt(curl, CURLOPT_URL, url.data);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "newsgraph/" NG_VERSION_STRING);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, CONNECT_TIMEOUT);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, STALL_SECONDS);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  if (!update) {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
  }
  /* POSTFIELDS can be sent again for the second round of digest auth. */
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
  curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_ANY);
  if (userpwd) {
    curl_easy_setopt(curl, CURLOPT_USERPWD, userpwd);
  } else {
    curl_easy_setopt(curl, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
  }
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_answer);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
  CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) {
    st = ng__errorf(world, NG_ERR_FETCH, "cannot push graph %s to %s: %s",
                    graph, endpoint, errbuf[0] ? errbuf
                                               : curl_easy_strerror(rc));
    goto done;
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  if (code < 200 || code >= 300) {
    /* One line of the answer, control characters blanked. */
    for (size_t i = 0; answer.data && i < answer.len; i++) {
      if ((unsigned char)answer.data[i] < 0x20) {
        answer.data[i] = ' ';
      }
    }
    st = ng__errorf(world, NG_ERR_HTTP, "cannot push graph %s to %s: HTTP "
                    "%ld%s%.200s", graph, endpoint, code,
                    answer.len ? ": " : "", answer.data ? answer.data : "");
  }
done:
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  ng__buf_free(&url);
  ng__buf_free(&answer);
  return st;
}

/* Writes graph @p graph as N-Triples into a new string *out (free with
 * free()), *len bytes, *n_triples lines. */
static ng_status
graph_ntriples(ng_store *store, const char *graph, char **out, size_t *len,
               size_t *n_triples)
{
  ng_world *world = ng__store_world(store);
  char *s = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&s, &n);
  if (!f) {
    return ng__errorf(world, NG_ERR_NOMEM, "out of memory");
  }
  ng_status st = ng_store_write(store, NG_SYNTAX_NTRIPLES, graph, f);
  if (fclose(f) != 0 && st == NG_OK) {
    st = ng__errorf(world, NG_ERR_NOMEM, "out of memory");
  }
  if (st != NG_OK) {
    free(s);
    return st;
  }
  *n_triples = 0;
  for (size_t i = 0; i < n; i++) {
    *n_triples += s[i] == '\n';
  }
  *out = s;
  *len = n;
  return NG_OK;
}

ng_status
ng_store_push(ng_store *store, const char *endpoint, const char *graph_iri,
              const char *userpwd, unsigned flags, size_t *n_graphs,
              size_t *n_triples)
{
  ng_status st = NG_OK;
  char **graphs = NULL;
  size_t n = 0, done_graphs = 0, done_triples = 0;
  bool update = (flags & NG_PUSH_UPDATE) != 0;
  if (n_graphs) {
    *n_graphs = 0;
  }
  if (n_triples) {
    *n_triples = 0;
  }
  if (!store || !endpoint) {
    return NG_ERR_ARG;
  }
  ng_world *world = ng__store_world(store);
  if (strncasecmp(endpoint, "http://", 7) != 0 &&
      strncasecmp(endpoint, "https://", 8) != 0) {
    return ng__errorf(world, NG_ERR_ARG, "endpoint is not an http(s) URL: "
                      "%s", endpoint);
  }
  if (graph_iri) {
    n = 1;
    graphs = calloc(1, sizeof *graphs);
    char *copy = strdup(graph_iri);
    if (!graphs || !copy) {
      free(graphs);
      free(copy);
      return NG_ERR_NOMEM;
    }
    graphs[0] = copy;
  } else {
    TRY(st, ng__store_graphs(store, &graphs, &n));
  }
  for (size_t i = 0; i < n; i++) {
    char *nt = NULL;
    size_t len = 0, triples = 0;
    struct ng_buf body;
    if (!ng__push_iri_ok(graphs[i])) {
      st = ng__errorf(world, NG_ERR_ARG, "graph name cannot be sent: %s",
                      graphs[i]);
      break;
    }
    st = graph_ntriples(store, graphs[i], &nt, &len, &triples);
    if (st != NG_OK) {
      break;
    }
    if (update) {
      ng__buf_init(&body, 0);
      st = ng__push_update_body(world, graphs[i], nt, len, &body);
      if (st == NG_OK) {
        st = send_graph(world, endpoint, graphs[i], userpwd, true,
                        body.data, body.len);
      }
      ng__buf_free(&body);
    } else {
      st = send_graph(world, endpoint, graphs[i], userpwd, false,
                      nt ? nt : "", len);
    }
    free(nt);
    if (st != NG_OK) {
      break;
    }
    done_graphs++;
    done_triples += triples;
  }
  ng__store_free_graphs(graphs, n);
  if (n_graphs) {
    *n_graphs = done_graphs;
  }
  if (n_triples) {
    *n_triples = done_triples;
  }
  return st;
}
