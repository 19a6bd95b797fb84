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
#include <json-c/json.h>

/* Bytes of a server's answer kept to judge it (an HTML query form has its
 * <form> some 10 KB in) and, the first 200, for the error message. */
#define ANSWER_MAX 65536
/* Seconds to connect, and the stall limit (under 1 byte/s this long). */
#define CONNECT_TIMEOUT 30L
#define STALL_SECONDS 120L
/* Seconds one request may take in all (a Graph Store PUT sent to a SPARQL
 * query endpoint of Virtuoso never gets an answer), and the check query. */
#define REQUEST_SECONDS 300L
#define CHECK_SECONDS 30L

/* What one push sends and to where; the time limit of the whole push. */
struct push_req {
  ng_world *world;
  const char *endpoint;
  const char *userpwd;  /* USER:PASSWORD or NULL (.netrc) */
  bool update;          /* SPARQL Update, not the Graph Store Protocol */
  double deadline;      /* ng__monotonic() limit of the push, or 0 */
  double limit_s;       /* the push's time limit, for messages */
};

/* Where the endpoint of each mode is on the two servers people use, for
 * messages about a wrong endpoint. */
static const char *
endpoint_hint(bool update)
{
  return update
             ? "is it a SPARQL 1.1 Update endpoint? (Virtuoso: "
               "http://HOST:8890/sparql-auth, Fuseki: "
               "http://HOST:3030/DATASET/update; for a Graph Store "
               "Protocol endpoint leave out --update)"
             : "is it a SPARQL 1.1 Graph Store Protocol endpoint? "
               "(Virtuoso: http://HOST:8890/sparql-graph-crud-auth, "
               "Fuseki: http://HOST:3030/DATASET/data; for a SPARQL "
               "Update endpoint add --update)";
}

/* True when the text of @p b (an answer kept by keep_answer()) contains
 * @p word, ignoring case. */
static bool
answer_has(const struct ng_buf *b, const char *word)
{
  size_t n = strlen(word);
  for (size_t i = 0; b->data && i + n <= b->len; i++) {
    if (strncasecmp(b->data + i, word, n) == 0) {
      return true;
    }
  }
  return false;
}

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

/* Seconds the next request may take: REQUEST_SECONDS (@p check:
 * CHECK_SECONDS), less when the push's deadline is nearer; 0 when the
 * deadline has passed. */
static long
request_limit(const struct push_req *r, bool check)
{
  long limit = check ? CHECK_SECONDS : REQUEST_SECONDS;
  if (r->deadline > 0) {
    double left = r->deadline - ng__monotonic();
    if (left < 1) {
      return 0;
    }
    if (left < (double)limit) {
      limit = (long)left;
    }
  }
  return limit;
}

/* The push's time limit has passed: the error, naming the endpoint. */
static ng_status
out_of_time(const struct push_req *r)
{
  return ng__errorf(r->world, NG_ERR_FETCH, "push to %s stopped: its time "
                    "limit of %g s has passed", r->endpoint, r->limit_s);
}

/* Sends one request: PUT (Graph Store) or POST (Update) of @p body; or,
 * with @p check, POSTs the query @p body (form-encoded, SPARQL 1.1
 * Protocol 2.1.2) asking for JSON results, and leaves the answer in
 * @p got (may be NULL otherwise) for the caller. */
static ng_status
send_graph(const struct push_req *r, const char *graph, const char *body,
           size_t len, bool check, struct ng_buf *got)
{
  ng_world *world = r->world;
  const char *endpoint = r->endpoint;
  bool update = r->update;
  ng_status st = NG_OK;
  struct ng_buf url, answer;
  struct curl_slist *headers = NULL;
  char errbuf[CURL_ERROR_SIZE] = "";
  char *form = NULL;
  long code = 0;
  long limit = request_limit(r, check);
  if (limit == 0) {
    return out_of_time(r);
  }
  ng__buf_init(&url, 0);
  ng__buf_init(&answer, ANSWER_MAX + 1);
  CURL *curl = curl_easy_init();
  if (!curl) {
    return ng__errorf(world, NG_ERR_FETCH, "cannot start libcurl");
  }
  TRY_DONE(st, request_url(world, curl, endpoint,
                           update || check ? NULL : graph, &url));
  if (check) {
    char *esc = curl_easy_escape(curl, body, (int)len);
    size_t n = esc ? strlen(esc) + 7 : 0;
    form = esc ? malloc(n) : NULL;
    if (form) {
      snprintf(form, n, "query=%s", esc);
      body = form;
      len = n - 1;
    }
    curl_free(esc);
    if (!form) {
      st = ng__errorf(world, NG_ERR_NOMEM, "out of memory");
      goto done;
    }
  }
  headers = curl_slist_append(
      headers, check    ? "Content-Type: application/x-www-form-urlencoded"
               : update ? "Content-Type: application/sparql-update"
                        : "Content-Type: application/n-triples");
  if (headers && check) {
    struct curl_slist *h = curl_slist_append(
        headers, "Accept: application/sparql-results+json");
    if (!h) {
      curl_slist_free_all(headers);
    }
    headers = h;
  }
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
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, limit);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  if (!update && !check) {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
  }
  /* POSTFIELDS can be sent again for the second round of digest auth. */
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
  curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_ANY);
  if (r->userpwd) {
    curl_easy_setopt(curl, CURLOPT_USERPWD, r->userpwd);
  } else {
    curl_easy_setopt(curl, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
  }
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_answer);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
  CURLcode rc = curl_easy_perform(curl);
  if (rc == CURLE_OPERATION_TIMEDOUT && check) {
    st = NG_NOT_FOUND; /* no answer to the check: it cannot be made */
    goto done;
  }
  if (rc == CURLE_OPERATION_TIMEDOUT) {
    char why[64] = "";
    if (r->deadline > 0 && limit < REQUEST_SECONDS) {
      snprintf(why, sizeof why, " (the push's time limit of %g s)",
               r->limit_s);
    }
    st = ng__errorf(world, NG_ERR_FETCH, "cannot push graph %s to %s: no "
                    "answer within %ld s%s: %s", graph, endpoint, limit, why,
                    endpoint_hint(update));
    goto done;
  }
  if (rc != CURLE_OK) {
    st = ng__errorf(world, NG_ERR_FETCH, "cannot push graph %s to %s: %s",
                    graph, endpoint, errbuf[0] ? errbuf
                                               : curl_easy_strerror(rc));
    goto done;
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  if (check) {
    if (code < 200 || code >= 300) {
      st = NG_NOT_FOUND;
    } else {
      ng__buf_free(got);
      *got = answer;
      ng__buf_init(&answer, ANSWER_MAX + 1);
    }
    goto done;
  }
  const char *type = NULL;
  curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
  if (code >= 200 && code < 300 && update && type &&
      strncasecmp(type, "text/html", 9) == 0 && answer_has(&answer, "<form")) {
    /* Virtuoso's /sparql-graph-crud(-auth) answers an Update POST with
     * 200 and its query form, and stores nothing. */
    st = ng__errorf(world, NG_ERR_HTTP, "cannot push graph %s to %s: it "
                    "answered the SPARQL Update with an HTML query form "
                    "(HTTP %ld), not an update result, and stored nothing: "
                    "%s", graph, endpoint, code, endpoint_hint(true));
  } else if (code < 200 || code >= 300) {
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
  free(form);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  ng__buf_free(&url);
  ng__buf_free(&answer);
  return st;
}

/* The number of triples the endpoint holds in @p graph, asked with a
 * SPARQL query to the same URL (Virtuoso's /sparql-auth answers queries
 * and updates): NG_OK with *n set, or NG_NOT_FOUND when the endpoint
 * gives no SPARQL JSON results (an update-only endpoint such as Fuseki's
 * /update): then nothing can be checked. */
static ng_status
remote_count(const struct push_req *r, const char *graph, long *n)
{
  struct ng_buf q, got;
  ng_status st;
  ng__buf_init(&q, 0);
  ng__buf_init(&got, ANSWER_MAX + 1);
  *n = -1;
  st = ng__buf_addf(&q, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s> "
                    "{ ?s ?p ?o } }", graph);
  if (st == NG_OK) {
    st = send_graph(r, graph, q.data, q.len, true, &got);
  }
  json_object *doc = st == NG_OK && got.data
                         ? json_tokener_parse(got.data)
                         : NULL;
  json_object *results, *bindings, *row, *var, *value;
  if (st == NG_OK) {
    st = NG_NOT_FOUND;
  }
  if (doc && json_object_object_get_ex(doc, "results", &results) &&
      json_object_object_get_ex(results, "bindings", &bindings) &&
      json_object_is_type(bindings, json_type_array) &&
      json_object_array_length(bindings) == 1 &&
      (row = json_object_array_get_idx(bindings, 0)) &&
      json_object_object_get_ex(row, "n", &var) &&
      json_object_object_get_ex(var, "value", &value)) {
    const char *v = json_object_get_string(value);
    char *end;
    errno = 0;
    long count = v ? strtol(v, &end, 10) : -1;
    if (v && !errno && end != v && !*end && count >= 0) {
      *n = count;
      st = NG_OK;
    }
  }
  json_object_put(doc);
  ng__buf_free(&q);
  ng__buf_free(&got);
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
  return ng_store_push_ex(store, endpoint, graph_iri, userpwd, flags, 0,
                          n_graphs, n_triples);
}

ng_status
ng_store_push_ex(ng_store *store, const char *endpoint,
                 const char *graph_iri, const char *userpwd, unsigned flags,
                 double timeout_seconds, size_t *n_graphs,
                 size_t *n_triples)
{
  ng_status st = NG_OK;
  char **graphs = NULL;
  size_t n = 0, done_graphs = 0, done_triples = 0;
  bool update = (flags & NG_PUSH_UPDATE) != 0;
  bool checked = false;
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
  struct push_req req = {world, endpoint, userpwd, update, 0, 0};
  if (timeout_seconds > 0) {
    req.deadline = ng__monotonic() + timeout_seconds;
    req.limit_s = timeout_seconds;
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
        st = send_graph(&req, graphs[i], body.data, body.len, false, NULL);
      }
      ng__buf_free(&body);
    } else {
      st = send_graph(&req, graphs[i], nt ? nt : "", len, false, NULL);
    }
    free(nt);
    if (st == NG_OK && update && !checked && triples > 0) {
      /* Once per push, on the first graph with triples: does the server
       * hold them? An endpoint that takes the request and stores nothing
       * would otherwise look like a success. */
      long have = -1;
      checked = true;
      if (remote_count(&req, graphs[i], &have) == NG_OK && have == 0) {
        st = ng__errorf(world, NG_ERR_HTTP, "cannot push graph %s to %s: "
                        "the server accepted the update but holds none of "
                        "its %zu triples: %s", graphs[i], endpoint, triples,
                        endpoint_hint(true));
      }
    }
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
