/* SPDX-License-Identifier: MIT */
/* newsgraph command line: options → ng_* calls → exit status. The only
 * file that prints results or exits (STYLE.md 2.3 rule 10: 0 all inputs
 * done, 1 some input failed, 2 usage error). Uses only newsgraph.h. */
#include "newsgraph.h"

#include "draw.h"
#include "options.h"
#include "report.h"

#include <errno.h>
#include <json-c/json.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Inputs per store transaction in build (REDLAND-NOTES.md §6.3). */
#define BATCH_SIZE 100
/* Largest query file read with -f, and longest @LIST line. */
#define MAX_QUERY_BYTES (1024 * 1024)

/* Most distinct failure reasons counted for the summary; more go under
 * the last one. */
#define MAX_REASONS 24

/* A message held while ng_pool_next() replays a job's messages, so that
 * it can name the job's input (--log-format json). */
struct held {
  ng_log_level level;
  char *text;
};

/* What the progress line, the --verbose lines and the summaries count. */
struct counts {
  size_t total;        /* inputs in all (struct inputs n) */
  size_t inputs_done;  /* inputs whose every job was handed back */
  size_t articles;     /* articles done (struct tally done) */
  size_t failed;       /* inputs, records and articles that failed */
  size_t entities;     /* entities of the articles done, summed */
  size_t facts;        /* binary facts of the articles done, summed */
  struct {
    char reason[96];   /* "HTTP error (load)" */
    size_t n;
  } reasons[MAX_REASONS];
  size_t n_reasons;
};

/* The last error the library reported, captured by the sink so the CLI
 * can name the input first ("newsgraph: cannot extract X: why"). */
struct cli {
  const struct ng_cli_options *opts;
  ng_world *world;
  char last_error[1024];
  ng_crawl *crawl; /* the URL inputs, fetched concurrently, or NULL */
  char store_label[1024]; /* --store with passwords hidden (open_store) */
  size_t not_read;        /* inputs left when build was interrupted */
  struct counts c;        /* progress and summary counts */
  bool progress_on;       /* the progress line may be drawn */
  bool line_shown;        /* a progress line is on the terminal now */
  double started;         /* when the inputs started (now_seconds()) */
  double shown_at;        /* when the line was last drawn */
  bool holding;           /* sink messages go to held (job_next()) */
  struct held *held;      /* messages held, in order */
  size_t n_held, cap_held;
};

/* Set by SIGINT or SIGTERM during build: no new input is read, the
 * articles already extracted are committed and the summary printed. */
static volatile sig_atomic_t interrupted;

static void
on_interrupt(int sig)
{
  interrupted = sig;
}

/* ng_world_set_cancel() hook: a fetch under way stops on the signal. */
static bool
is_interrupted(void *handle)
{
  (void)handle;
  return interrupted != 0;
}

/* Replaces the value of every password='...' in @p s with "*": server
 * store specs (postgresql:, virtuoso:) carry one, and neither messages
 * nor summaries may show it. */
static void
hide_passwords(char *s)
{
  for (char *p = strstr(s, "password='"); p; p = strstr(p, "password='")) {
    p += 10;
    char *end = strchr(p, '\'');
    if (!end) {
      end = p + strlen(p);
    }
    if (end > p) {
      *p++ = '*';
      memmove(p, end, strlen(end) + 1);
    }
  }
}

/* ------------------------------------------------------------- messages */

/* Seconds since an arbitrary start (monotonic). */
static double
now_seconds(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Erases the progress line, if one is shown, before another message. */
static void
progress_clear(struct cli *cli)
{
  if (cli->line_shown) {
    fputs("\r\033[K", stderr);
    cli->line_shown = false;
  }
}

/* Draws the progress line (issue 8): inputs done / total, articles,
 * facts, failures, rate and ETA, on one terminal line rewritten in place,
 * at most 4 times a second unless @p force. Only when cli->progress_on
 * (stderr a terminal, neither --quiet nor --log-format json). */
static void
progress_draw(struct cli *cli, bool force)
{
  const struct counts *c = &cli->c;
  double t = now_seconds();
  if (!cli->progress_on || (!force && t - cli->shown_at < 0.25)) {
    return;
  }
  cli->shown_at = t;
  double rate = t > cli->started ? (double)c->inputs_done /
                                       (t - cli->started)
                                 : 0;
  char eta[32] = "?";
  if (rate > 0 && c->total >= c->inputs_done) {
    long s = (long)((double)(c->total - c->inputs_done) / rate + 0.5);
    if (s >= 3600) {
      snprintf(eta, sizeof eta, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60,
               s % 60);
    } else {
      snprintf(eta, sizeof eta, "%ld:%02ld", s / 60, s % 60);
    }
  }
  char line[256];
  int n = snprintf(line, sizeof line, "newsgraph: %zu/%zu inputs, %zu "
                   "articles, %zu facts, %zu failed, %.1f/s, ETA %s",
                   c->inputs_done, c->total, c->articles, c->facts,
                   c->failed, rate, eta);
  struct winsize ws;
  size_t width = sizeof line - 1;
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1) {
    width = (size_t)ws.ws_col - 1; /* a full line would wrap */
  }
  if (n > 0 && (size_t)n > width && width < sizeof line) {
    line[width] = '\0';
  }
  fprintf(stderr, "\r%s\033[K", line);
  fflush(stderr);
  cli->line_shown = true;
}

/* Levels of say(). */
enum say_level { SAY_ERROR, SAY_WARNING, SAY_INFO };

/* Writes one message on standard error: as text, "newsgraph: TEXT" (a
 * warning "newsgraph: warning: TEXT"); with --log-format json, one JSON
 * object on one line, {"level", "input" (when @p input is not NULL),
 * "message", then the members of @p fields}. Takes @p fields (NULL or a
 * json-c object; only used for json). */
static void
say_fields(struct cli *cli, enum say_level level, const char *input,
           const char *text, json_object *fields)
{
  static const char *const names[] = {"error", "warning", "info"};
  progress_clear(cli);
  if (!cli->opts->log_json) {
    fprintf(stderr, "newsgraph: %s%s\n",
            level == SAY_WARNING ? "warning: " : "", text);
    json_object_put(fields);
    return;
  }
  json_object *o = json_object_new_object();
  if (o) {
    json_object_object_add(o, "level",
                           json_object_new_string(names[level]));
    if (input) {
      json_object_object_add(o, "input", json_object_new_string(input));
    }
    json_object_object_add(o, "message", json_object_new_string(text));
    if (fields) {
      json_object_object_foreach(fields, key, val) {
        json_object_object_add(o, key, json_object_get(val));
      }
    }
  }
  const char *line = o ? json_object_to_json_string_ext(
                             o, JSON_C_TO_STRING_PLAIN |
                                    JSON_C_TO_STRING_NOSLASHESCAPE)
                       : NULL;
  if (line) {
    fprintf(stderr, "%s\n", line);
  } else {
    fprintf(stderr, "{\"level\":\"error\",\"message\":\"out of memory\"}\n");
  }
  json_object_put(o);
  json_object_put(fields);
}

static void say(struct cli *cli, enum say_level level, const char *input,
                const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* say_fields() with a printf-style message and no other field. */
static void
say(struct cli *cli, enum say_level level, const char *input,
    const char *fmt, ...)
{
  char text[4096];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  say_fields(cli, level, input, text, NULL);
}

/* Counts one failure (@p n of them) under @p reason for the summary. */
static void
count_failure(struct cli *cli, size_t n, const char *reason)
{
  struct counts *c = &cli->c;
  size_t k = 0;
  while (k < c->n_reasons && strcmp(c->reasons[k].reason, reason) != 0) {
    k++;
  }
  if (k == c->n_reasons) {
    if (k == MAX_REASONS) {
      k--; /* the last one takes the rest */
    } else {
      snprintf(c->reasons[k].reason, sizeof c->reasons[k].reason, "%s",
               reason);
      c->n_reasons++;
    }
  }
  c->reasons[k].n += n;
}

/* count_failure() with the reason "STATUS (STEP)", e.g. "HTTP error
 * (load)": what ng_strerror() says and the step that failed. */
static void
count_status(struct cli *cli, size_t n, ng_status st, const char *step)
{
  char reason[96];
  snprintf(reason, sizeof reason, "%s (%s)", ng_strerror(st), step);
  count_failure(cli, n, reason);
}

/* Writes the summary of an extract, text or build run: @p text (the
 * line build always printed) and, when some failed, the failures
 * counted by reason; with --log-format json one object with the counts
 * and {"failures": {reason: n}}. */
static void
say_summary(struct cli *cli, const char *text, json_object *fields)
{
  const struct counts *c = &cli->c;
  if (cli->opts->log_json) {
    json_object *o = fields ? fields : json_object_new_object();
    json_object *f = json_object_new_object();
    for (size_t k = 0; o && f && k < c->n_reasons; k++) {
      json_object_object_add(f, c->reasons[k].reason,
                             json_object_new_int64((int64_t)c->reasons[k].n));
    }
    if (o) {
      json_object_object_add(o, "event", json_object_new_string("summary"));
      json_object_object_add(o, "inputs",
                             json_object_new_int64((int64_t)c->total));
      json_object_object_add(o, "articles",
                             json_object_new_int64((int64_t)c->articles));
      json_object_object_add(o, "entities",
                             json_object_new_int64((int64_t)c->entities));
      json_object_object_add(o, "facts",
                             json_object_new_int64((int64_t)c->facts));
      json_object_object_add(o, "failed",
                             json_object_new_int64((int64_t)c->failed));
      json_object_object_add(o, "failures", f);
    } else {
      json_object_put(f);
    }
    say_fields(cli, SAY_INFO, NULL, text, o);
    return;
  }
  json_object_put(fields);
  say(cli, SAY_INFO, NULL, "%s", text);
  if (c->n_reasons == 0) {
    return;
  }
  char line[2048];
  size_t len = 0;
  line[0] = '\0';
  for (size_t k = 0; k < c->n_reasons && len < sizeof line; k++) {
    int n = snprintf(line + len, sizeof line - len, "%s%zu %s",
                     k ? ", " : "", c->reasons[k].n, c->reasons[k].reason);
    len += n > 0 ? (size_t)n : 0;
  }
  say(cli, SAY_INFO, NULL, "failures by reason: %s", line);
}

/* Writes (or, in a job's replay, holds) a warning of the library. */
static void
say_warning(struct cli *cli, const char *input, const char *msg)
{
  char text[2048];
  snprintf(text, sizeof text, "%s", msg);
  hide_passwords(text);
  say(cli, SAY_WARNING, input, "%s", text);
}

/* Writes the messages held during ng_pool_next(), naming @p input. */
static void
release_held(struct cli *cli, const char *input)
{
  for (size_t k = 0; k < cli->n_held; k++) {
    say_warning(cli, input, cli->held[k].text);
    free(cli->held[k].text);
  }
  cli->n_held = 0;
}

static void
sink(void *handle, ng_log_level level, const char *msg)
{
  struct cli *cli = handle;
  if (level == NG_LOG_ERROR) {
    snprintf(cli->last_error, sizeof cli->last_error, "%s", msg);
    hide_passwords(cli->last_error);
  } else if (level == NG_LOG_WARNING && !cli->opts->quiet) {
    if (cli->holding) {
      if (cli->n_held == cli->cap_held) {
        size_t ncap = cli->cap_held ? 2 * cli->cap_held : 8;
        struct held *p = realloc(cli->held, ncap * sizeof *p);
        if (p) {
          cli->held = p;
          cli->cap_held = ncap;
        }
      }
      char *copy = cli->n_held < cli->cap_held ? strdup(msg) : NULL;
      if (copy) {
        cli->held[cli->n_held].level = level;
        cli->held[cli->n_held++].text = copy;
        return;
      }
    }
    say_warning(cli, NULL, msg);
  } else if (level == NG_LOG_INFO && !cli->opts->quiet) {
    /* what the library is waiting for ("waiting for the lock on ...") */
    say(cli, SAY_INFO, NULL, "%s", msg);
  }
}

/* Makes SIGINT (Ctrl-C) and SIGTERM end a build cleanly (see
 * interrupted); a second one kills it. A signal ignored on entry (a
 * background job of a script, nohup) stays ignored. Installed first thing
 * in main(), so that no signal finds the default action half-way. */
static void
catch_interrupts(void)
{
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_interrupt;
  sa.sa_flags = SA_RESETHAND | SA_RESTART;
  sigemptyset(&sa.sa_mask);
  for (int k = 0; k < 2; k++) {
    int sig = k ? SIGTERM : SIGINT;
    struct sigaction old;
    if (sigaction(sig, NULL, &old) == 0 && old.sa_handler != SIG_IGN) {
      sigaction(sig, &sa, NULL);
    }
  }
}

/* Reports a failed step on one object and returns 1, naming the object
 * once: a library message that is already a whole "cannot ... OBJECT ..."
 * sentence is printed as it is ("newsgraph: cannot read a.html: No such
 * file", not "cannot load a.html: cannot read a.html: ..."), and one that
 * starts "OBJECT: " loses that prefix. */
static int
fail(struct cli *cli, const char *what, const char *object, ng_status st)
{
  const char *why = cli->last_error[0] ? cli->last_error : ng_strerror(st);
  size_t n = strlen(object);
  if (n > 1 && strncmp(why, "cannot ", 7) == 0 && strstr(why, object)) {
    say(cli, SAY_ERROR, object, "%s", why);
  } else {
    if (n > 1 && strncmp(why, object, n) == 0 &&
        strncmp(why + n, ": ", 2) == 0) {
      why += n + 2;
    }
    say(cli, SAY_ERROR, object, "cannot %s %s: %s", what, object, why);
  }
  cli->last_error[0] = '\0';
  return 1;
}

/* ---------------------------------------------------------------- inputs */

/* True if @p input is fetched (ng_doc_load()'s rule). */
static bool
is_url(const char *input)
{
  return strncasecmp(input, "http://", 7) == 0 ||
         strncasecmp(input, "https://", 8) == 0;
}

/* The inputs of extract, build and text, read as the run goes, so that
 * memory does not grow with the length of an @LIST file (issue 6): the
 * INPUT arguments in order, each "@LIST" replaced by the lines of the
 * file LIST (blank lines and lines starting with '#' skipped, spaces
 * around trimmed), then the articles of the --feed URLs that no INPUT
 * names. inputs_open() reads each list through once, reporting the ones
 * it cannot read, and counts the inputs (n, for the progress line and
 * the checks that need it); inputs_rewind() and inputs_next() then go
 * through them as often as needed. A list that cannot be read twice (a
 * pipe, <(cmd)) is copied to a temporary file first. */
struct inputs {
  const struct ng_cli_options *o;
  FILE **lists;     /* argument i's @LIST file, rewound, or NULL */
  size_t *list_n;   /* the inputs inputs_open() read from it */
  size_t n;         /* inputs in all */
  size_t n_urls;    /* of which http(s) URLs */
  int failed;       /* @LIST files and feeds that could not be read */
  char *first;      /* the first input (a copy), or NULL */
  char **feed_url;  /* the feeds' articles that no INPUT names (owned) */
  char **feed_date; /* their feeds' dates, or NULL (owned) */
  size_t n_feed;    /* entries in feed_url and feed_date */
  size_t arg;       /* inputs_next(): the argument being read, */
  size_t in_list;   /* the inputs read from it, */
  size_t feed;      /* the feed article to read next, */
  char *line;       /* and its line buffer */
  size_t cap;
};

static void
inputs_free(struct inputs *in)
{
  for (size_t i = 0; in->lists && i < in->o->n_args; i++) {
    if (in->lists[i]) {
      fclose(in->lists[i]);
    }
  }
  for (size_t i = 0; i < in->n_feed; i++) {
    free(in->feed_url[i]);
    free(in->feed_date[i]);
  }
  free(in->lists);
  free(in->list_n);
  free(in->first);
  free(in->feed_url);
  free(in->feed_date);
  free(in->line);
}

/* Reads the next input of the list @p f into in->line; *input points
 * into it. False at the end of the file or on a read error. */
static bool
list_next(struct inputs *in, FILE *f, const char **input)
{
  ssize_t len;
  while ((len = getline(&in->line, &in->cap, f)) >= 0) {
    char *line = in->line;
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
                       line[len - 1] == ' ' || line[len - 1] == '\t')) {
      len--;
    }
    size_t b = 0;
    while (b < (size_t)len && (line[b] == ' ' || line[b] == '\t')) {
      b++;
    }
    if ((size_t)len > b && line[b] != '#') {
      line[len] = '\0';
      *input = line + b;
      return true;
    }
  }
  return false;
}

/* Goes back to the first input. */
static void
inputs_rewind(struct inputs *in)
{
  in->arg = in->in_list = in->feed = 0;
  for (size_t i = 0; in->lists && i < in->o->n_args; i++) {
    if (in->lists[i]) {
      rewind(in->lists[i]);
    }
  }
}

/* The next input and its feed's date (or NULL), borrowed until the next
 * call; false after the last. A list yields the inputs inputs_open()
 * counted, no more (a list that grew, or failed half-way). */
static bool
inputs_next(struct inputs *in, const char **input, const char **date)
{
  const struct ng_cli_options *o = in->o;
  *date = NULL;
  for (; in->arg < o->n_args; in->arg++, in->in_list = 0) {
    const char *a = o->args[in->arg];
    if (a[0] != '@' || a[1] == '\0') {
      if (in->in_list++ == 0) {
        *input = a;
        return true;
      }
    } else if (in->lists[in->arg] && in->in_list < in->list_n[in->arg] &&
               list_next(in, in->lists[in->arg], input)) {
      in->in_list++;
      return true;
    }
  }
  if (in->feed < in->n_feed) {
    *date = in->feed_date[in->feed];
    *input = in->feed_url[in->feed++];
    return true;
  }
  return false;
}

/* Opens the file of argument @p i, "@LIST", into in->lists[i] and counts
 * its inputs; reports (and counts in in->failed) a list that cannot be
 * read, keeping the inputs read before a read error. */
static void
open_list(struct cli *cli, struct inputs *in, size_t i)
{
  const char *path = in->o->args[i] + 1;
  FILE *f = fopen(path, "r");
  if (!f) {
    say(cli, SAY_ERROR, path, "cannot read input list %s: %s", path,
        strerror(errno));
    count_failure(cli, 1, "cannot read input list");
    in->failed++;
    return;
  }
  struct stat sb;
  FILE *keep = f;
  if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
    keep = tmpfile(); /* a pipe: a copy to read again */
    if (!keep) {
      say(cli, SAY_ERROR, path, "cannot read input list %s: %s", path,
          strerror(errno));
      count_failure(cli, 1, "cannot read input list");
      in->failed++;
      fclose(f);
      return;
    }
  }
  const char *input;
  size_t count = 0;
  while (list_next(in, f, &input)) {
    if (keep != f && fprintf(keep, "%s\n", input) < 0) {
      break;
    }
    count++;
  }
  if (ferror(f) || (keep != f && (fflush(keep) != 0 || ferror(keep)))) {
    say(cli, SAY_ERROR, path, "cannot read input list %s: %s", path,
        strerror(errno));
    count_failure(cli, 1, "cannot read input list");
    in->failed++;
  }
  if (keep != f) {
    fclose(f);
  }
  rewind(keep);
  in->lists[i] = keep;
  in->list_n[i] = count;
}

/* Reads every --feed into in->feed_url and in->feed_date, each URL once
 * (ng_feed drops the ones several feeds list). A feed that cannot be
 * read is reported and counted in in->failed. False when out of
 * memory. */
static bool
add_feeds(struct cli *cli, struct inputs *in)
{
  const struct ng_cli_options *o = cli->opts;
  if (o->n_feeds == 0) {
    return true;
  }
  ng_feed *feed = ng_feed_new();
  if (!feed) {
    return false;
  }
  for (size_t f = 0; f < o->n_feeds; f++) {
    size_t before = ng_feed_count(feed);
    cli->last_error[0] = '\0';
    ng_status st = ng_feed_read(cli->world, feed, o->feeds[f]);
    if (st == NG_ERR_NOMEM) {
      ng_feed_free(feed);
      return false;
    }
    if (st != NG_OK) {
      fail(cli, "read the feed", o->feeds[f], st);
      count_failure(cli, 1, "cannot read the feed");
      in->failed++;
    } else if (ng_feed_count(feed) == before && !o->quiet) {
      say(cli, SAY_WARNING, o->feeds[f], "the feed %s lists no new "
          "articles", o->feeds[f]);
    }
  }
  size_t count = ng_feed_count(feed);
  in->feed_url = calloc(count + 1, sizeof *in->feed_url);
  in->feed_date = calloc(count + 1, sizeof *in->feed_date);
  bool ok = in->feed_url && in->feed_date;
  for (size_t i = 0; ok && i < count; i++) {
    const char *date = ng_feed_date(feed, i);
    in->feed_url[i] = strdup(ng_feed_url(feed, i));
    in->feed_date[i] = date ? strdup(date) : NULL;
    in->n_feed = i + 1; /* freed by inputs_free() from now on */
    ok = in->feed_url[i] && (!date || in->feed_date[i]);
  }
  ng_feed_free(feed);
  return ok;
}

/* A feed URL and its index, for finding the ones an INPUT names. */
struct feed_key {
  const char *url;
  size_t k;
};

static int
feed_key_cmp(const void *a, const void *b)
{
  return strcmp(((const struct feed_key *)a)->url,
                ((const struct feed_key *)b)->url);
}

/* Prepares @p in: opens the @LIST files and reads the feeds (reporting
 * those that cannot be read, in that order), drops the feed articles an
 * INPUT names, and counts the inputs. False when out of memory. */
static bool
inputs_open(struct cli *cli, struct inputs *in)
{
  const struct ng_cli_options *o = cli->opts;
  in->o = o;
  in->lists = calloc(o->n_args + 1, sizeof *in->lists);
  in->list_n = calloc(o->n_args + 1, sizeof *in->list_n);
  if (!in->lists || !in->list_n) {
    return false;
  }
  for (size_t i = 0; i < o->n_args; i++) {
    if (o->args[i][0] == '@' && o->args[i][1] != '\0') {
      open_list(cli, in, i);
    }
  }
  if (!add_feeds(cli, in)) {
    return false;
  }
  /* One pass over the INPUTs (the feed articles are held back): count
   * them and find the feed articles they name. */
  size_t n_feed = in->n_feed;
  struct feed_key *keys = calloc(n_feed + 1, sizeof *keys);
  bool *named = calloc(n_feed + 1, sizeof *named);
  if (!keys || !named) {
    free(keys);
    free(named);
    return false;
  }
  for (size_t k = 0; k < n_feed; k++) {
    keys[k].url = in->feed_url[k];
    keys[k].k = k;
  }
  qsort(keys, n_feed, sizeof *keys, feed_key_cmp);
  in->n_feed = 0;
  inputs_rewind(in);
  const char *input, *date;
  bool ok = true;
  while (ok && inputs_next(in, &input, &date)) {
    if (in->n++ == 0) {
      ok = (in->first = strdup(input)) != NULL;
    }
    in->n_urls += is_url(input);
    struct feed_key key = {input, 0};
    const struct feed_key *hit =
        n_feed ? bsearch(&key, keys, n_feed, sizeof *keys, feed_key_cmp)
               : NULL;
    if (hit) {
      named[hit->k] = true;
    }
  }
  /* The feed articles no INPUT names, in the feeds' order. */
  size_t kept = 0;
  for (size_t k = 0; k < n_feed; k++) {
    if (named[k]) {
      free(in->feed_url[k]);
      free(in->feed_date[k]);
      continue;
    }
    in->feed_url[kept] = in->feed_url[k];
    in->feed_date[kept++] = in->feed_date[k];
    in->n++;
    in->n_urls += is_url(in->feed_url[k]);
  }
  in->n_feed = kept;
  if (ok && !in->first && kept) {
    ok = (in->first = strdup(in->feed_url[0])) != NULL;
  }
  free(keys);
  free(named);
  inputs_rewind(in);
  return ok;
}

/* ------------------------------------------------------------------ jobs */

/* What a job holds. */
enum job_kind {
  JOB_DOC,        /* an article: doc, or the input for the worker to load */
  JOB_FAILED,     /* could not be fetched or read on the main thread */
  JOB_SAME,       /* a URL not modified since the store's copy (HTTP 304) */
  JOB_BAD_RECORD, /* a WARC record that is not an article: skipped */
  JOB_END         /* nothing (the end of a WARC file) */
};

/* One input, or one WARC record. It is made on the main thread (a URL
 * fetched, a record read: job_make(), job_warc()), worked on by one of
 * --jobs worker threads (job_run(), on the worker's own world), and used
 * on the main thread in input order (job_next()); ng_pool_next() passes
 * its messages to the sink in that order too, so output, messages and
 * the store do not depend on --jobs. With --jobs 1 job_run() runs on
 * the main thread: the same steps in the same order. */
struct job {
  enum job_kind kind;
  const struct ng_cli_options *opts; /* read-only on the worker */
  size_t i;              /* the input's index */
  const char *input;     /* the input as given (borrowed) */
  const char *name;      /* the object named in messages: input or label */
  const char *feed_date; /* its feed's date, or NULL (borrowed) */
  char label[1024];      /* "the record at offset N of FILE" */
  ng_doc *doc;           /* the article, or NULL: job_run() loads input */
  ng_status st;          /* JOB_FAILED, JOB_BAD_RECORD: why */
  const char *what;      /* the step that failed ("load", "extract", ...) */
  bool write;            /* job_run() writes the graph into out ... */
  ng_syntax syntax;      /* ... in this syntax (never RDF/XML: Redland) */
  char *out;             /* the graph written, or NULL */
  size_t out_len;
  char *own_input;       /* the copy input points to (inputs_next()) */
  bool last;             /* the last job of its input (not a record) */
  double seconds;        /* job_run()'s time on the worker */
  size_t n_entities;     /* what extraction found (ng_doc_get_counts()) */
  size_t n_facts;
  size_t n_quads;        /* --verbose: quads of its graph */
  char *iri;             /* --verbose: the article IRI (a copy), or NULL */
};

static void
job_free(struct job *j)
{
  if (j) {
    ng_doc_free(j->doc);
    free(j->out);
    free(j->own_input);
    free(j->iri);
    free(j);
  }
}

/* The first capacity of a job's output buffer, bytes: most articles'
 * graphs fit, so the buffer is seldom grown (open_memstream grew it from
 * 100 bytes and zeroed every new part, 3 % of extract's instructions). */
#define OUT_FIRST_CAP ((size_t)128 * 1024)

/* The growing buffer behind job_write()'s stream. */
struct outbuf {
  char *p;
  size_t len;
  size_t cap;
};

/* fopencookie() write function: appends @p n bytes to the outbuf @p c,
 * doubling its capacity as needed; -1 (errno ENOMEM) when out of memory. */
static ssize_t
outbuf_write(void *c, const char *buf, size_t n)
{
  struct outbuf *o = c;
  if (n > o->cap - o->len) {
    size_t cap = o->cap ? o->cap : OUT_FIRST_CAP;
    while (cap - o->len < n) {
      if (cap > SIZE_MAX / 2) {
        errno = ENOMEM;
        return -1;
      }
      cap *= 2;
    }
    char *p = realloc(o->p, cap);
    if (!p) {
      errno = ENOMEM;
      return -1;
    }
    o->p = p;
    o->cap = cap;
  }
  memcpy(o->p + o->len, buf, n);
  o->len += n;
  return (ssize_t)n;
}

/* Writes the graph of @p j's doc into j->out, and frees the doc. */
static ng_status
job_write(ng_world *world, struct job *j)
{
  struct outbuf o = {NULL, 0, 0};
  cookie_io_functions_t io = {NULL, outbuf_write, NULL, NULL};
  FILE *f = fopencookie(&o, "w", io);
  if (!f) {
    return NG_ERR_NOMEM;
  }
  ng_status st = ng_doc_write(world, j->doc, j->syntax, f);
  if (fclose(f) != 0 && st == NG_OK) {
    st = NG_ERR_NOMEM;
  }
  if (!o.p && st == NG_OK && !(o.p = malloc(1))) {
    st = NG_ERR_NOMEM; /* an empty graph: j->out is never NULL */
  }
  j->out = o.p;
  j->out_len = o.len;
  ng_doc_free(j->doc);
  j->doc = NULL;
  return st;
}

/* The worker's part of a job (ng_pool_fn, on the worker's world): loads
 * a file input; for text parses it; else applies --url, --date and the
 * feed date (below the page's own date, so once the page is parsed),
 * extracts, and writes the graph when j->write. j->what names the step
 * that failed. */
static ng_status job_steps(ng_world *world, struct job *j);

/* The ng_pool_fn: job_steps() timed. */
static ng_status
job_run(ng_world *world, void *task)
{
  struct job *j = task;
  double start = now_seconds();
  ng_status st = job_steps(world, j);
  j->seconds = now_seconds() - start;
  return st;
}

/* Counts what extraction found in j's doc, before the doc is written and
 * freed; with --verbose also its quads and IRI. */
static ng_status
job_count(ng_world *world, struct job *j)
{
  ng_doc_get_counts(j->doc, &j->n_entities, &j->n_facts, NULL);
  if (!j->opts->verbose) {
    return NG_OK;
  }
  const char *iri = ng_doc_get_iri(j->doc);
  if (iri && !(j->iri = strdup(iri))) {
    return NG_ERR_NOMEM;
  }
  return ng_doc_count_quads(world, j->doc, &j->n_quads);
}

static ng_status
job_steps(ng_world *world, struct job *j)
{
  const struct ng_cli_options *o = j->opts;
  ng_status st = NG_OK;
  if (j->kind != JOB_DOC) {
    return j->st;
  }
  j->what = "load";
  if (!j->doc && (st = ng_doc_load(world, j->input, &j->doc)) != NG_OK) {
    return st;
  }
  if (o->command == NG_CMD_TEXT) {
    j->what = "parse";
    return ng_doc_parse(world, j->doc);
  }
  j->what = "set the URL of";
  if (o->url && (st = ng_doc_set_url(j->doc, o->url)) != NG_OK) {
    return st;
  }
  j->what = "set the date of";
  if (o->date && (st = ng_doc_set_date(j->doc, o->date)) != NG_OK) {
    return st;
  }
  j->what = "extract";
  if (j->feed_date && !o->date) {
    st = ng_doc_parse(world, j->doc);
    if (st == NG_OK) {
      st = ng_doc_set_fallback_date(j->doc, j->feed_date);
    }
  }
  if (st == NG_OK) {
    st = ng_doc_extract(world, j->doc);
  }
  if (st == NG_OK) {
    st = job_count(world, j);
  }
  if (st != NG_OK || !j->write) {
    return st;
  }
  j->what = "write the graph of";
  return job_write(world, j);
}

/* Makes the job of input @p i on the main thread: a URL comes from the
 * crawl (in the order start_crawl() added them) or is fetched alone; a
 * file is left for the worker to load. */
static void
job_make(struct cli *cli, const char *input, const char *date, struct job *j)
{
  ng_status st;
  j->input = j->name = input;
  j->feed_date = date;
  j->last = true;
  if (!is_url(j->input)) {
    return;
  }
  if (cli->crawl) {
    st = ng_crawl_next(cli->crawl, NULL, &j->doc);
    if (st == NG_NOT_FOUND) {
      j->kind = JOB_SAME;
      return;
    }
  } else {
    st = ng_doc_load(cli->world, j->input, &j->doc);
  }
  if (st != NG_OK) {
    j->kind = JOB_FAILED;
    j->st = st;
    j->what = "load";
  }
}

/* Reads the next record of the WARC file @p path into @p j, opening the
 * file when *warc is NULL: an article, or a bad record (skipped); at the
 * end, or when the file cannot be read, *warc is closed and NULL. */
static void
job_warc(struct cli *cli, const char *path, ng_warc **warc, struct job *j)
{
  ng_status st = NG_OK;
  j->input = j->name = path;
  j->what = "read";
  if (!*warc) {
    st = ng_warc_open(cli->world, path, warc);
  }
  if (st == NG_OK) {
    st = ng_warc_next(*warc, &j->doc);
  }
  if (st == NG_OK) {
    snprintf(j->label, sizeof j->label, "the record at offset %llu of %s",
             (unsigned long long)ng_warc_offset(*warc), path);
    j->name = j->label;
    return;
  }
  j->st = st;
  if (*warc && st != NG_NOT_FOUND && st != NG_ERR_IO && st != NG_ERR_NOMEM) {
    j->kind = JOB_BAD_RECORD; /* the message names the file and offset */
    return;
  }
  j->kind = st == NG_NOT_FOUND ? JOB_END : JOB_FAILED;
  j->last = true;
  ng_warc_free(*warc);
  *warc = NULL;
}

/* Articles done, failed and unchanged (HTTP 304). */
struct tally {
  size_t done, failed, same;
};

/* What a command does with an article ready for it, on the main thread
 * in input order; counts it in @p t. 0 to go on, 1 to stop the run (a
 * write or store failure, already reported). */
typedef int (*job_use)(struct cli *cli, struct job *j, void *ctx,
                       struct tally *t);

/* The --verbose line of a job done: what the input was, its graph IRI,
 * quads, facts and the seconds its worker took. */
static void
say_verbose(struct cli *cli, const struct job *j)
{
  json_object *f = NULL;
  char text[2048];
  if (cli->opts->command == NG_CMD_TEXT) {
    snprintf(text, sizeof text, "%s: text, %.3f s", j->name, j->seconds);
  } else {
    snprintf(text, sizeof text, "%s: %s, %zu quads, %zu facts, %.3f s",
             j->name, j->iri ? j->iri : "?", j->n_quads, j->n_facts,
             j->seconds);
  }
  if (cli->opts->log_json && (f = json_object_new_object()) != NULL) {
    json_object_object_add(f, "event", json_object_new_string("input"));
    if (j->iri) {
      json_object_object_add(f, "graph", json_object_new_string(j->iri));
    }
    if (cli->opts->command != NG_CMD_TEXT) {
      json_object_object_add(f, "quads",
                             json_object_new_int64((int64_t)j->n_quads));
      json_object_object_add(f, "entities",
                             json_object_new_int64((int64_t)j->n_entities));
      json_object_object_add(f, "facts",
                             json_object_new_int64((int64_t)j->n_facts));
    }
    char secs[32];
    snprintf(secs, sizeof secs, "%.3f", j->seconds);
    json_object_object_add(f, "seconds",
                           json_object_new_double_s(j->seconds, secs));
  }
  say_fields(cli, SAY_INFO, j->name, text, f);
}

/* Takes the oldest job back from @p pool and reports its failure or
 * hands it to @p use. -1 when no job is left, else as @p use. */
static int
job_next(struct cli *cli, ng_pool *pool, job_use use, void *ctx,
         struct tally *t)
{
  void *task = NULL;
  ng_status st = NG_OK;
  int stop = 0;
  cli->last_error[0] = '\0';
  cli->holding = true; /* its warnings, to name its input */
  ng_status next = ng_pool_next(pool, &task, &st);
  cli->holding = false;
  struct job *j = task;
  release_held(cli, j ? j->name : NULL);
  if (next != NG_OK) {
    return -1;
  }
  size_t done = t->done;
  switch (j->kind) {
  case JOB_END: break;
  case JOB_SAME:
    t->same++;
    if (cli->opts->verbose) {
      say(cli, SAY_INFO, j->name, "%s: unchanged (HTTP 304)", j->name);
    }
    break;
  case JOB_BAD_RECORD:
    say(cli, SAY_ERROR, j->name, "skipping a record: %s",
        cli->last_error[0] ? cli->last_error : ng_strerror(st));
    cli->last_error[0] = '\0';
    count_status(cli, 1, st, "read");
    t->failed++;
    break;
  case JOB_FAILED:
  case JOB_DOC:
    if (st != NG_OK) {
      fail(cli, j->what, j->name, st);
      count_status(cli, 1, st, j->what);
      t->failed++;
    } else {
      stop = use(cli, j, ctx, t);
    }
    break;
  }
  if (t->done > done) {
    cli->c.entities += j->n_entities;
    cli->c.facts += j->n_facts;
    if (cli->opts->verbose) {
      say_verbose(cli, j);
    }
  }
  cli->c.inputs_done = j->i + (j->last ? 1 : 0);
  cli->c.articles = t->done;
  cli->c.failed = t->failed;
  job_free(j);
  progress_draw(cli, false);
  return stop;
}

/* Runs the inputs through --jobs worker threads: URLs are fetched and WARC
 * records read here, the articles loaded (files), parsed or extracted, and
 * for extract written (@p write, in @p syntax) on the workers, and each
 * handed to @p use in input order. 1 when @p use stopped the run or out
 * of memory (reported), else 0. */
static int
run_jobs(struct cli *cli, struct inputs *in, bool write,
         ng_syntax syntax, job_use use, void *ctx, struct tally *t)
{
  const struct ng_cli_options *o = cli->opts;
  bool text = o->command == NG_CMD_TEXT;
  ng_pool *pool = NULL;
  int stop = 0;
  cli->c.total = in->n;
  cli->c.failed = t->failed;
  cli->started = now_seconds();
  /* Not over extract's or text's output on the same terminal. */
  cli->progress_on = !o->quiet && !o->log_json && in->n > 1 &&
                     isatty(STDERR_FILENO) &&
                     (o->command == NG_CMD_BUILD || !isatty(STDOUT_FILENO));
  if (ng_pool_new(cli->world, (unsigned)o->jobs, text ? 0 : NG_POOL_EXTRACT,
                  job_run, &pool) != NG_OK) {
    say(cli, SAY_ERROR, NULL, "out of memory");
    return 1;
  }
  size_t i = 0;
  const char *input, *date;
  inputs_rewind(in);
  for (; !stop && !interrupted && inputs_next(in, &input, &date); i++) {
    bool warc_input = !text && ng_warc_is_input(input);
    ng_warc *warc = NULL;
    progress_draw(cli, false);
    do {
      while (!stop && ng_pool_is_full(pool)) {
        stop = job_next(cli, pool, use, ctx, t) > 0;
      }
      struct job *j = stop ? NULL : calloc(1, sizeof *j);
      /* input lasts until the next inputs_next(): each job a copy */
      if (j && !(j->own_input = strdup(input))) {
        job_free(j);
        j = NULL;
      }
      if (!j) {
        if (!stop) {
          say(cli, SAY_ERROR, NULL, "out of memory");
          stop = 1;
        }
        break;
      }
      j->opts = o;
      j->i = i;
      j->write = write;
      j->syntax = syntax;
      ng_pool_hold(pool); /* messages of the fetch or read go with j */
      if (warc_input) {
        job_warc(cli, j->own_input, &warc, j);
      } else {
        job_make(cli, j->own_input, date, j);
      }
      if (ng_pool_add(pool, j) != NG_OK) {
        job_free(j);
        say(cli, SAY_ERROR, NULL, "out of memory");
        stop = 1;
      }
    } while (warc && !stop && !interrupted);
    ng_warc_free(warc);
  }
  if (interrupted) {
    cli->not_read = in->n - i;
    if (o->command == NG_CMD_BUILD) {
      /* said at once: the commit below can take a while, and a second
       * signal (the default action again, SA_RESETHAND) loses it */
      say(cli, SAY_WARNING, NULL, "interrupted: finishing the articles "
          "under way and committing them; interrupt again to stop at once, "
          "without them (the store keeps what was committed before)");
    }
  }
  for (int r = 0; !stop && r == 0;) {
    r = job_next(cli, pool, use, ctx, t);
    stop = r > 0;
  }
  for (void *j; (j = ng_pool_cancel(pool)) != NULL;) {
    job_free(j); /* after a stop: never used, as if never read */
  }
  ng_pool_free(pool);
  return stop;
}

/* Queues the URL inputs on a crawl, so that job_make() gets them fetched
 * --jobs at a time: with two URLs or more, or, for build (@p store not
 * NULL), one. For build, a URL the store already has an article from is
 * requested with that article's ETag and Last-Modified (unless
 * --refetch), so an unchanged page costs one HTTP 304. 0, or 1 on
 * failure. */
static int
start_crawl(struct cli *cli, struct inputs *in, ng_store *store)
{
  size_t urls = in->n_urls;
  if (urls == 0 || (urls < 2 && !store)) {
    return 0;
  }
  bool conditional = store && !cli->opts->refetch;
  ng_status st = ng_crawl_new(cli->world, &cli->crawl);
  const char *input, *date;
  inputs_rewind(in);
  while (st == NG_OK && inputs_next(in, &input, &date)) {
    char *etag = NULL, *last_modified = NULL;
    if (!is_url(input)) {
      continue;
    }
    if (conditional) {
      st = ng_store_get_validators(store, input, &etag, &last_modified);
      if (st != NG_OK) {
        return fail(cli, "look up", input, st);
      }
    }
    st = ng_crawl_add(cli->crawl, input, etag, last_modified);
    free(etag);
    free(last_modified);
  }
  return st == NG_OK ? 0 : fail(cli, "fetch", "the URL inputs", st);
}

/* -------------------------------------------------------------- commands */

/* The main text of each input. With several inputs, --json writes one
 * JSON object a line (JSON Lines) and the plain text of each input
 * follows a "==> INPUT <==" line, as head(1) does. */
static int
text_use(struct cli *cli, struct job *j, void *ctx, struct tally *t)
{
  const bool *several = ctx;
  ng_status st;
  if (cli->opts->json) {
    st = ng_doc_write_json(j->doc, stdout);
  } else {
    const char *text = ng_doc_get_text(j->doc);
    if (*several) {
      printf("%s==> %s <==\n", j->i > 0 ? "\n" : "", j->input);
    }
    fputs(text ? text : "", stdout);
    fputc('\n', stdout);
    st = fflush(stdout) == 0 && !ferror(stdout) ? NG_OK : NG_ERR_IO;
  }
  if (st != NG_OK) {
    return fail(cli, "write", "standard output", st);
  }
  t->done++;
  return 0;
}

/* The summary of extract and text: with --verbose or --log-format json,
 * or after a progress line. */
static void
summary_of_run(struct cli *cli, const char *verb)
{
  const struct counts *c = &cli->c;
  if (!cli->opts->verbose && !cli->opts->log_json && !cli->progress_on) {
    return;
  }
  char text[512];
  snprintf(text, sizeof text, "%zu article%s %s, %zu failed (%zu entities, "
           "%zu facts, counted per article)", c->articles,
           c->articles == 1 ? "" : "s", verb,
           c->failed, c->entities, c->facts);
  say_summary(cli, text, NULL);
}

static int
cmd_text(struct cli *cli, struct inputs *in)
{
  bool several = in->n + (size_t)in->failed > 1;
  struct tally t = {0, (size_t)in->failed, 0};
  int stop = run_jobs(cli, in, false, NG_SYNTAX_TURTLE, text_use, &several,
                      &t);
  summary_of_run(cli, "read");
  return stop || t.failed || in->failed ? 1 : 0;
}

static ng_syntax
syntax_of(const char *format)
{
  ng_syntax syntax = NG_SYNTAX_TURTLE;
  if (format && ng_syntax_parse(format, &syntax) != NG_OK) {
    syntax = NG_SYNTAX_TURTLE; /* options.c accepted only known names */
  }
  return syntax;
}

/* Where cmd_extract() puts each article. */
struct extract_to {
  ng_store *mem;    /* memory store (RDF/XML), or NULL: standard output */
  ng_syntax syntax; /* output syntax */
};

/* job_use of cmd_extract(): the graph a worker wrote, or for RDF/XML
 * (Redland: this thread only) the doc, to the output. */
static int
extract_use(struct cli *cli, struct job *j, void *ctx, struct tally *t)
{
  const struct extract_to *x = ctx;
  ng_status st;
  if (j->write) {
    errno = 0;
    st = fwrite(j->out, 1, j->out_len, stdout) == j->out_len &&
                 fflush(stdout) == 0 && !ferror(stdout)
             ? NG_OK
             : NG_ERR_IO;
    if (st != NG_OK) {
      /* worded as the library's writer words it (serialize.c) */
      snprintf(cli->last_error, sizeof cli->last_error,
               "cannot write the output: %s", strerror(errno ? errno : EIO));
    }
  } else {
    st = x->mem ? ng_store_add_doc(x->mem, j->doc)
                : ng_doc_write(cli->world, j->doc, x->syntax, stdout);
  }
  if (st == NG_ERR_IO) {
    return fail(cli, "write", "standard output", st);
  }
  if (st != NG_OK) {
    fail(cli, "write the graph of", j->name, st);
    count_status(cli, 1, st, "write the graph of");
    t->failed++;
    return 0;
  }
  t->done++;
  return 0;
}

static int
cmd_extract(struct cli *cli, struct inputs *in)
{
  ng_syntax syntax = syntax_of(cli->opts->format);
  ng_store *mem = NULL;
  struct tally t = {0, (size_t)in->failed, 0};
  int rc = 0;
  ng_status st;
  /* RDF/XML cannot be concatenated: several inputs go through a memory
   * store and are written as one document. */
  if (syntax == NG_SYNTAX_RDFXML &&
      (in->n > 1 || (in->n == 1 && ng_warc_is_input(in->first)))) {
    st = ng_store_open(cli->world, "memory:", &mem);
    if (st != NG_OK) {
      return fail(cli, "open", "a memory store", st);
    }
  }
  struct extract_to x = {mem, syntax};
  if (run_jobs(cli, in, syntax != NG_SYNTAX_RDFXML, syntax, extract_use, &x,
               &t)) {
    ng_store_free(mem);
    summary_of_run(cli, "extracted");
    return 1;
  }
  rc = t.failed ? 1 : 0;
  if (mem) {
    st = ng_store_write(mem, syntax, NULL, stdout);
    if (st != NG_OK) {
      rc = fail(cli, "write", "standard output", st);
    }
    ng_store_free(mem);
  }
  summary_of_run(cli, "extracted");
  return rc;
}
static int
open_store(struct cli *cli, bool create, ng_store **store)
{
  const char *spec = cli->opts->store ? cli->opts->store : "newsgraph.db";
  snprintf(cli->store_label, sizeof cli->store_label, "%s", spec);
  hide_passwords(cli->store_label);
  /* build and remove write: an exclusive lock; the rest share one. */
  bool writer = create || cli->opts->command == NG_CMD_REMOVE;
  ng_status st = ng_store_open_ex(cli->world, spec,
                                  writer ? NG_STORE_WRITE : 0,
                                  cli->opts->wait, store);
  return st == NG_OK ? 0 : fail(cli, "open store", cli->store_label, st);
}

/* Where cmd_build() puts each article. */
struct build_to {
  ng_store *store;  /* the store */
  size_t in_batch;  /* articles in the open transaction */
  ng_status st;     /* the store failure that stopped the build */
  size_t entities;  /* their entities and facts (cli->c, on rollback) */
  size_t facts;
  char first[512];  /* the inputs of the batch's first and last articles */
  char last[512];
};

/* Names the inputs whose articles a rolled-back batch of @p n lost
 * (issue 7): the batch is a run of inputs in input order. */
static void
say_lost(struct cli *cli, const struct build_to *b, size_t n)
{
  if (n == 1) {
    say(cli, SAY_ERROR, NULL, "not in the store (rolled back): the article "
        "of %s", b->last);
  } else if (n > 1) {
    say(cli, SAY_ERROR, NULL, "not in the store (rolled back): %zu articles, "
        "of the inputs from %s to %s", n, b->first, b->last);
  }
}

/* Takes a rolled-back batch's entities and facts out of the counts, but
 * for @p j's (not counted yet; NULL: none). */
static void
uncount_batch(struct cli *cli, struct build_to *b, const struct job *j)
{
  cli->c.entities -= b->entities - (j ? j->n_entities : 0);
  cli->c.facts -= b->facts - (j ? j->n_facts : 0);
  b->entities = b->facts = 0;
}

/* job_use of cmd_build(): adds the doc (its graph is emitted here, as
 * Redland stays on this thread), committing every BATCH_SIZE articles. */
static int
build_use(struct cli *cli, struct job *j, void *ctx, struct tally *t)
{
  struct build_to *b = ctx;
  ng_status st = ng_store_add_doc(b->store, j->doc);
  if (b->in_batch == 0) {
    snprintf(b->first, sizeof b->first, "%s", j->name);
  }
  snprintf(b->last, sizeof b->last, "%s", j->name);
  if (st != NG_OK) {
    /* A store failure rolls back the batch: stop rather than lose
     * more. The batch's articles are not in the store either. */
    fail(cli, "add to store", j->name, st);
    say_lost(cli, b, 1 + b->in_batch);
    count_status(cli, 1 + b->in_batch, st, "add to store");
    uncount_batch(cli, b, NULL);
    t->failed += 1 + b->in_batch;
    t->done -= b->in_batch;
    b->in_batch = 0;
    b->st = st;
    return 1;
  }
  t->done++;
  b->entities += j->n_entities;
  b->facts += j->n_facts;
  if (++b->in_batch == BATCH_SIZE) {
    st = ng_store_commit(b->store);
    if (st != NG_OK) {
      /* rolled back: none of the batch was added (faults) */
      say_lost(cli, b, b->in_batch);
      count_status(cli, b->in_batch, st, "commit to store");
      uncount_batch(cli, b, j);
      t->failed += b->in_batch;
      t->done -= b->in_batch;
    }
    b->entities = b->facts = 0;
    b->in_batch = 0;
    if (st == NG_OK) {
      st = ng_store_begin(b->store);
    }
  }
  b->st = st;
  return st != NG_OK;
}

static int
cmd_build(struct cli *cli, struct inputs *in)
{
  ng_store *store = NULL;
  struct tally t = {0, (size_t)in->failed, 0};
  ng_status st;
  int rc = 0;
  if (open_store(cli, true, &store)) {
    return 1;
  }
  if (start_crawl(cli, in, store)) {
    ng_store_free(store);
    return 1;
  }
  const char *spec = cli->store_label;
  struct build_to b = {store, 0, NG_OK, 0, 0, "", ""};
  st = ng_store_begin(store);
  if (st == NG_OK) {
    rc = run_jobs(cli, in, false, NG_SYNTAX_NQUADS, build_use, &b, &t);
    st = b.st;
  }
  if (st == NG_OK) {
    st = ng_store_commit(store);
    if (st != NG_OK) {
      /* rolled back: the last batch is not in the store (faults) */
      say_lost(cli, &b, b.in_batch);
      count_status(cli, b.in_batch, st, "commit to store");
      uncount_batch(cli, &b, NULL);
      t.failed += b.in_batch;
      t.done -= b.in_batch;
    }
  }
  if (st != NG_OK) {
    rc = fail(cli, "commit to store", spec, st);
  }
  rc = rc || t.failed ? 1 : 0;
  ng_store_free(store);
  cli->c.articles = t.done;
  cli->c.failed = t.failed;
  char text[2048], same[64] = "";
  if (t.same) {
    snprintf(same, sizeof same, ", %zu unchanged (HTTP 304)", t.same);
  }
  snprintf(text, sizeof text, "%zu article%s added to %s%s, %zu failed "
           "(%zu entities, %zu facts, counted per article: stats counts each "
           "once)", t.done, t.done == 1 ? "" : "s", spec,
           same, t.failed, cli->c.entities, cli->c.facts);
  json_object *f = cli->opts->log_json ? json_object_new_object() : NULL;
  if (f) {
    json_object_object_add(f, "store", json_object_new_string(spec));
    json_object_object_add(f, "unchanged",
                           json_object_new_int64((int64_t)t.same));
  }
  say_summary(cli, text, f);
  if (interrupted) {
    say(cli, SAY_INFO, NULL, "interrupted: %zu input%s not read",
        cli->not_read, cli->not_read == 1 ? "" : "s");
    rc = 128 + interrupted; /* as a shell reports the signal */
  }
  return rc;
}

/* @p st, or when it is NG_OK, ng_store_check(): a store that could not
 * be read in full fails the command instead of passing as a short answer. */
static ng_status
checked(ng_store *store, ng_status st)
{
  return st == NG_OK ? ng_store_check(store) : st;
}

static int
cmd_export(struct cli *cli)
{
  const struct ng_cli_options *o = cli->opts;
  ng_store *store = NULL;
  FILE *out = stdout;
  int rc = 0;
  /* -o naming the store's own file would replace the store. */
  const char *spec = o->store ? o->store : "newsgraph.db";
  if (strncmp(spec, "sqlite:", 7) == 0) {
    spec += 7;
  }
  struct stat a, b;
  if (o->output && stat(o->output, &a) == 0 && stat(spec, &b) == 0 &&
      a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
    say(cli, SAY_ERROR, o->output, "cannot write %s: it is the store",
        o->output);
    return 2;
  }
  if (open_store(cli, false, &store)) {
    return 1;
  }
  /* A regular file is written beside it and renamed over it when whole,
   * so a failed export never leaves a truncated file in its place. */
  char tmp[4096] = "";
  bool regular = o->output && (stat(o->output, &a) != 0 ||
                               S_ISREG(a.st_mode));
  if (regular && snprintf(tmp, sizeof tmp, "%s.tmp-%ld", o->output,
                          (long)getpid()) >= (int)sizeof tmp) {
    tmp[0] = '\0';
    regular = false;
  }
  if (o->output) {
    out = fopen(regular ? tmp : o->output, "w");
  }
  if (!out) {
    say(cli, SAY_ERROR, o->output, "cannot write %s: %s", o->output,
        strerror(errno));
    ng_store_free(store);
    return 1;
  }
  ng_status st = checked(store, ng_store_write(store, syntax_of(o->format),
                                               o->graph, out));
  if (st != NG_OK) {
    rc = fail(cli, "export", o->graph ? o->graph : "the store", st);
  }
  if (out != stdout && fclose(out) != 0 && rc == 0) {
    say(cli, SAY_ERROR, o->output, "cannot write %s: %s", o->output,
        strerror(errno));
    rc = 1;
  }
  if (regular && rc == 0 && rename(tmp, o->output) != 0) {
    say(cli, SAY_ERROR, o->output, "cannot write %s: %s", o->output,
        strerror(errno));
    rc = 1;
  }
  if (regular && rc != 0) {
    unlink(tmp);
  }
  ng_store_free(store);
  return rc;
}

/* Reads the query file (at most MAX_QUERY_BYTES) into a new string. */
static char *
read_query(struct cli *cli, const char *path)
{
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
  if (!f) {
    say(cli, SAY_ERROR, path, "cannot read %s: %s", path, strerror(errno));
    return NULL;
  }
  char *buf = malloc(MAX_QUERY_BYTES + 1);
  size_t n = buf ? fread(buf, 1, MAX_QUERY_BYTES + 1, f) : 0;
  bool bad = !buf || ferror(f) || n > MAX_QUERY_BYTES;
  if (f != stdin) {
    fclose(f);
  }
  if (bad) {
    say(cli, SAY_ERROR, path, "cannot read %s: %s", path,
            !buf ? "out of memory" : n > MAX_QUERY_BYTES ? "query too large"
                                                         : "read error");
    free(buf);
    return NULL;
  }
  buf[n] = '\0';
  return buf;
}

static int
cmd_query(struct cli *cli)
{
  const struct ng_cli_options *o = cli->opts;
  ng_store *store = NULL;
  char *text = NULL;
  const char *query = o->n_args ? o->args[0] : NULL;
  if (o->query_file) {
    query = text = read_query(cli, o->query_file);
    if (!query) {
      return 1;
    }
  }
  if (open_store(cli, false, &store)) {
    free(text);
    return 1;
  }
  ng_status st = checked(
      store, ng_store_query_ex(store, query, o->format, o->timeout, stdout));
  ng_store_free(store);
  free(text);
  if (st == NG_OK) {
    return 0;
  }
  /* the query named by where it came from: "the query in FILE" for -f,
   * "the query" for the argument; a library message about "the query"
   * ("the query does not parse: line 1: ...") said once, naming it */
  char object[1024] = "the query";
  if (o->query_file) {
    snprintf(object, sizeof object, "the query in %s",
             strcmp(o->query_file, "-") == 0 ? "standard input"
                                             : o->query_file);
  }
  const char *why = cli->last_error;
  if (strncmp(why, "the query ", 10) == 0) {
    say(cli, SAY_ERROR, o->query_file, "%s %s", object, why + 10);
    cli->last_error[0] = '\0';
    return 1;
  }
  return fail(cli, "run", object, st);
}

static int
cmd_graphs(struct cli *cli)
{
  ng_store *store = NULL;
  if (open_store(cli, false, &store)) {
    return 1;
  }
  ng_status st = checked(
      store, ng_store_write_graph_list(store, cli->opts->format, stdout));
  ng_store_free(store);
  return st == NG_OK ? 0 : fail(cli, "list", "the graphs", st);
}

static int
cmd_stats(struct cli *cli)
{
  ng_store *store = NULL;
  if (open_store(cli, false, &store)) {
    return 1;
  }
  ng_status st = checked(
      store, ng_store_write_stats(store, cli->opts->format, stdout));
  ng_store_free(store);
  return st == NG_OK ? 0 : fail(cli, "count", "the store", st);
}

static int
cmd_entity(struct cli *cli)
{
  ng_store *store = NULL;
  const char *name = cli->opts->args[0];
  if (open_store(cli, false, &store)) {
    return 1;
  }
  ng_status st = checked(store, ng_store_write_entity(store, name, stdout));
  ng_store_free(store);
  if (st == NG_NOT_FOUND) {
    say(cli, SAY_ERROR, name, "%s", cli->last_error);
    cli->last_error[0] = '\0';
    return 1;
  }
  return st == NG_OK ? 0 : fail(cli, "look up", name, st);
}

static int
cmd_remove(struct cli *cli)
{
  ng_store *store = NULL;
  const char *iri = cli->opts->args[0];
  if (open_store(cli, false, &store)) {
    return 1;
  }
  ng_status st = ng_store_remove_graph(store, iri);
  ng_store_free(store);
  return st == NG_OK ? 0 : fail(cli, "remove", iri, st);
}

static int
cmd_draw(struct cli *cli)
{
  const struct ng_cli_options *o = cli->opts;
  ng_store *store = NULL;
  if (open_store(cli, false, &store)) {
    return 1;
  }
  ng_status st = checked(store, ng_cli_draw(store, o));
  ng_store_free(store);
  if (st == NG_OK) {
    return 0;
  }
  if (!cli->last_error[0]) {
    return 1; /* not the library's failure: ng_cli_draw() said why */
  }
  if (st == NG_NOT_FOUND) { /* the library's "no entity named X ..." */
    fprintf(stderr, "newsgraph: %s\n", cli->last_error);
    cli->last_error[0] = '\0';
    return 1;
  }
  return fail(cli, "draw", o->entity ? o->entity : o->graph, st);
}

static int
cmd_report(struct cli *cli)
{
  const struct ng_cli_options *o = cli->opts;
  ng_store *store = NULL;
  if (open_store(cli, false, &store)) {
    return 1;
  }
  cli->last_error[0] = '\0';
  ng_status st = checked(store, ng_cli_report(store, o));
  ng_store_free(store);
  /* ng_cli_report() prints its own failures (writing the file); the
   * library's (the query) leave their message in last_error */
  if (st == NG_OK) {
    return 0;
  }
  return cli->last_error[0] ? fail(cli, "write", o->output, st) : 1;
}

static int
cmd_push(struct cli *cli)
{
  const struct ng_cli_options *o = cli->opts;
  ng_store *store = NULL;
  size_t n_graphs = 0, n_triples = 0;
  if (open_store(cli, false, &store)) {
    return 1;
  }
  ng_status st = ng_store_push_ex(store, o->endpoint, o->graph, o->user,
                                  o->update ? NG_PUSH_UPDATE : 0, o->timeout,
                                  &n_graphs, &n_triples);
  ng_store_free(store);
  say(cli, SAY_INFO, NULL, "%zu graph%s (%zu triples) pushed to %s",
          n_graphs, n_graphs == 1 ? "" : "s", n_triples, o->endpoint);
  return st == NG_OK ? 0 : fail(cli, "push to", o->endpoint, st);
}

/* Applies the global options to the world; 0, or 2 for a bad value. */
static int
configure(struct cli *cli)
{
  const struct ng_cli_options *o = cli->opts;
  const struct {
    const char *name;
    const char *value;
  } set[] = {{"now", o->now}, {"data-dir", o->data}, {"base", o->base}};
  for (size_t i = 0; i < sizeof set / sizeof set[0]; i++) {
    if (set[i].value &&
        ng_world_set_option(cli->world, set[i].name, set[i].value) != NG_OK) {
      say(cli, SAY_ERROR, NULL, "bad --%s: %s",
              strcmp(set[i].name, "data-dir") == 0 ? "data" : set[i].name,
              cli->last_error[0] ? cli->last_error : set[i].value);
      return 2;
    }
  }
  ng_world_set_emit_flags(cli->world, o->nif ? NG_EMIT_NIF : 0);
  char jobs[32];
  snprintf(jobs, sizeof jobs, "%ld", o->jobs);
  const struct {
    const char *name;
    const char *value;
  } fetch[] = {{"user-agent", o->user_agent}, {"delay", o->delay},
               {"retries", o->retries}, {"jobs", jobs},
               {"allow-private", o->allow_private ? "1" : NULL},
               {"ignore-robots", o->ignore_robots ? "1" : NULL}};
  for (size_t i = 0; i < sizeof fetch / sizeof fetch[0]; i++) {
    if (fetch[i].value &&
        ng_world_set_fetch_option(cli->world, fetch[i].name,
                                  fetch[i].value) != NG_OK) {
      say(cli, SAY_ERROR, NULL, "bad --%s: %s", fetch[i].name,
              fetch[i].value);
      return 2;
    }
  }
  return 0;
}

static int
run(struct cli *cli)
{
  const struct ng_cli_options *o = cli->opts;
  struct inputs in = {0};
  int rc = 2;
  if (configure(cli)) {
    return 2;
  }
  if (o->command == NG_CMD_EXTRACT || o->command == NG_CMD_BUILD ||
      o->command == NG_CMD_TEXT) {
    if (!inputs_open(cli, &in)) {
      inputs_free(&in);
      say(cli, SAY_ERROR, NULL, "out of memory");
      return 1;
    }
    if (o->url && in.n + (size_t)in.failed > 1) {
      inputs_free(&in);
      say(cli, SAY_ERROR, NULL, "--url applies to one INPUT only");
      return 2;
    }
    if (o->url && in.n == 1 && ng_warc_is_input(in.first)) {
      inputs_free(&in);
      say(cli, SAY_ERROR, NULL, "--url cannot name the articles of a WARC "
          "file");
      return 2;
    }
  }
  if (o->command != NG_CMD_BUILD && start_crawl(cli, &in, NULL)) {
    inputs_free(&in);
    ng_crawl_free(cli->crawl);
    return 1;
  }
  switch (o->command) {
  case NG_CMD_EXTRACT: rc = cmd_extract(cli, &in) || in.failed; break;
  case NG_CMD_BUILD: rc = cmd_build(cli, &in); break;
  case NG_CMD_TEXT: rc = cmd_text(cli, &in); break;
  case NG_CMD_EXPORT: rc = cmd_export(cli); break;
  case NG_CMD_QUERY: rc = cmd_query(cli); break;
  case NG_CMD_GRAPHS: rc = cmd_graphs(cli); break;
  case NG_CMD_STATS: rc = cmd_stats(cli); break;
  case NG_CMD_REMOVE: rc = cmd_remove(cli); break;
  case NG_CMD_ENTITY: rc = cmd_entity(cli); break;
  case NG_CMD_PUSH: rc = cmd_push(cli); break;
  case NG_CMD_DRAW: rc = cmd_draw(cli); break;
  case NG_CMD_REPORT: rc = cmd_report(cli); break;
  case NG_CMD_NONE: rc = 2; break;
  }
  ng_crawl_free(cli->crawl);
  cli->crawl = NULL;
  inputs_free(&in);
  return rc;
}

/* ng_cli_parse(), its usage errors written as say() would: as they are,
 * or with "--log-format json" (or "--log-format=json") among the
 * arguments, as JSON objects. */
static int
parse_options(int argc, char **argv, struct ng_cli_options *opts)
{
  bool json = false;
  for (int i = 1; i < argc; i++) {
    json = strcmp(argv[i], "--log-format=json") == 0 ||
           (strcmp(argv[i], "--log-format") == 0 && i + 1 < argc &&
            strcmp(argv[i + 1], "json") == 0)
               ? true
           : strncmp(argv[i], "--log-format", 12) == 0 ? false
                                                      : json;
  }
  char *text = NULL;
  size_t len = 0;
  FILE *err = json ? open_memstream(&text, &len) : NULL;
  int rc = ng_cli_parse(argc, argv, opts, err ? err : stderr);
  if (err && fclose(err) == 0 && text) {
    struct ng_cli_options as_json = {.log_json = true};
    struct cli cli = {.opts = &as_json};
    for (char *line = text, *nl; *line; line = nl + 1) {
      nl = strchr(line, '\n');
      if (!nl) {
        nl = line + strlen(line) - 1;
      } else {
        *nl = '\0';
      }
      say(&cli, SAY_ERROR, NULL, "%s",
          strncmp(line, "newsgraph: ", 11) == 0 ? line + 11 : line);
    }
  }
  free(text);
  return rc;
}

int
main(int argc, char **argv)
{
  struct ng_cli_options opts;
  struct cli cli = {.opts = &opts};
  int rc = parse_options(argc, argv, &opts);
  if (rc == 0 && opts.command == NG_CMD_BUILD) {
    catch_interrupts();
  }
  if (rc == 0 && opts.help) {
    ng_cli_usage(opts.command, stdout);
  } else if (rc == 0 && opts.version) {
    printf("newsgraph %s\n%s\n", NG_VERSION_STRING, ng_fetch_version());
  } else if (rc == 0) {
    cli.world = ng_world_new();
    if (!cli.world) {
      say(&cli, SAY_ERROR, NULL, "out of memory");
      rc = 1;
    } else {
      ng_world_set_log_sink(cli.world, sink, &cli);
      ng_world_set_cancel(cli.world, is_interrupted, NULL);
      rc = run(&cli);
      ng_world_free(cli.world);
      free(cli.held);
    }
  }
  ng_cli_options_clear(&opts);
  /* serdi's rule: a write error on stdout is a failure (exit 1). */
  if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
    say(&cli, SAY_ERROR, NULL, "cannot write standard output: %s",
        strerror(errno));
    return 1;
  }
  return rc;
}
