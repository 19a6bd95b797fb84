/* SPDX-License-Identifier: MIT */
/* Command-line parsing: argv to struct ng_cli_options, with the option
 * table and the usage text of every subcommand. Validates the shape of
 * values (formats, dates, numbers); the library validates the rest. */
#include "options.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define BIT(c) (1u << (c))
#define ALL_CMDS 0xFFFFu
#define STORE_CMDS                                                           \
  (BIT(NG_CMD_BUILD) | BIT(NG_CMD_EXPORT) | BIT(NG_CMD_QUERY) |             \
   BIT(NG_CMD_GRAPHS) | BIT(NG_CMD_STATS) | BIT(NG_CMD_REMOVE) |             \
   BIT(NG_CMD_ENTITY) | BIT(NG_CMD_PUSH) | BIT(NG_CMD_DRAW) |                \
   BIT(NG_CMD_REPORT))

static const struct {
  const char *name;
  enum ng_cli_command cmd;
} commands[] = {
    {"extract", NG_CMD_EXTRACT}, {"text", NG_CMD_TEXT},
    {"build", NG_CMD_BUILD},     {"export", NG_CMD_EXPORT},
    {"query", NG_CMD_QUERY},     {"graphs", NG_CMD_GRAPHS},
    {"stats", NG_CMD_STATS},     {"remove", NG_CMD_REMOVE},
    {"entity", NG_CMD_ENTITY},   {"push", NG_CMD_PUSH},
    {"draw", NG_CMD_DRAW},       {"report", NG_CMD_REPORT},
};

enum opt_id {
  OPT_HELP, OPT_VERSION, OPT_QUIET, OPT_NOW, OPT_DATA, OPT_FORMAT, OPT_BASE,
  OPT_URL, OPT_DATE, OPT_NIF, OPT_JSON, OPT_STORE, OPT_JOBS, OPT_GRAPH,
  OPT_OUTPUT, OPT_FILE, OPT_FEED,
  OPT_ALLOW_PRIVATE, OPT_IGNORE_ROBOTS, OPT_USER_AGENT, OPT_DELAY,
  OPT_RETRIES, OPT_REFETCH, OPT_TIMEOUT, OPT_WAIT,
  OPT_ENDPOINT, OPT_USER, OPT_UPDATE, OPT_ENTITY,
  OPT_VERBOSE, OPT_LOG_FORMAT
};

/* The commands that fetch URLs. */
#define FETCH_CMDS (BIT(NG_CMD_EXTRACT) | BIT(NG_CMD_BUILD) | BIT(NG_CMD_TEXT))

static const struct {
  enum opt_id id;
  const char *name;  /* long name without "--" */
  char short_name;   /* or 0 */
  bool has_arg;      /* takes a value */
  unsigned cmds;     /* BIT() of the commands that accept it */
} options[] = {
    {OPT_HELP, "help", 'h', false, ALL_CMDS | 1u},
    {OPT_VERSION, "version", 'V', false, ALL_CMDS | 1u},
    {OPT_QUIET, "quiet", 'q', false, ALL_CMDS | 1u},
    {OPT_NOW, "now", 0, true, ALL_CMDS | 1u},
    {OPT_DATA, "data", 0, true, ALL_CMDS | 1u},
    {OPT_FORMAT, "format", 0, true,
     BIT(NG_CMD_EXTRACT) | BIT(NG_CMD_EXPORT) | BIT(NG_CMD_QUERY) |
     BIT(NG_CMD_GRAPHS) | BIT(NG_CMD_STATS) | BIT(NG_CMD_DRAW)},
    {OPT_BASE, "base", 0, true, BIT(NG_CMD_EXTRACT) | BIT(NG_CMD_BUILD)},
    {OPT_URL, "url", 0, true, BIT(NG_CMD_EXTRACT) | BIT(NG_CMD_BUILD)},
    {OPT_DATE, "date", 0, true, BIT(NG_CMD_EXTRACT) | BIT(NG_CMD_BUILD)},
    {OPT_NIF, "nif", 0, false, BIT(NG_CMD_EXTRACT) | BIT(NG_CMD_BUILD)},
    {OPT_JSON, "json", 0, false, BIT(NG_CMD_TEXT)},
    {OPT_STORE, "store", 0, true, STORE_CMDS},
    {OPT_JOBS, "jobs", 'j', true,
     BIT(NG_CMD_BUILD) | BIT(NG_CMD_EXTRACT) | BIT(NG_CMD_TEXT)},
    {OPT_GRAPH, "graph", 0, true,
     BIT(NG_CMD_EXPORT) | BIT(NG_CMD_PUSH) | BIT(NG_CMD_DRAW)},
    {OPT_OUTPUT, "output", 'o', true,
     BIT(NG_CMD_EXPORT) | BIT(NG_CMD_DRAW) | BIT(NG_CMD_REPORT)},
    {OPT_FILE, "file", 'f', true, BIT(NG_CMD_QUERY)},
    {OPT_FEED, "feed", 0, true, BIT(NG_CMD_EXTRACT) | BIT(NG_CMD_BUILD)},
    {OPT_ALLOW_PRIVATE, "allow-private", 0, false, FETCH_CMDS},
    {OPT_IGNORE_ROBOTS, "ignore-robots", 0, false, FETCH_CMDS},
    {OPT_USER_AGENT, "user-agent", 0, true, FETCH_CMDS},
    {OPT_DELAY, "delay", 0, true, FETCH_CMDS},
    {OPT_RETRIES, "retries", 0, true, FETCH_CMDS},
    {OPT_REFETCH, "refetch", 0, false, BIT(NG_CMD_BUILD)},
    {OPT_TIMEOUT, "timeout", 0, true, BIT(NG_CMD_QUERY) | BIT(NG_CMD_PUSH)},
    {OPT_WAIT, "wait", 0, true, STORE_CMDS},
    {OPT_ENDPOINT, "endpoint", 0, true, BIT(NG_CMD_PUSH)},
    {OPT_USER, "user", 'u', true, BIT(NG_CMD_PUSH)},
    {OPT_UPDATE, "update", 0, false, BIT(NG_CMD_PUSH)},
    {OPT_ENTITY, "entity", 0, true, BIT(NG_CMD_DRAW)},
    {OPT_VERBOSE, "verbose", 'v', false, ALL_CMDS | 1u},
    {OPT_LOG_FORMAT, "log-format", 0, true, ALL_CMDS | 1u},
};

static const char *const rdf_formats[] = {"turtle", "trig", "ntriples",
                                          "nquads", "rdfxml", NULL};
static const char *const query_formats[] = {"table", "csv",    "tsv",
                                            "json",  "xml",    "turtle",
                                            "ntriples", NULL};
static const char *const list_formats[] = {"tsv", "csv", "json", NULL};
static const char *const draw_formats[] = {"svg", "png", "dot", NULL};

static int usage_error(FILE *err, const struct ng_cli_options *o,
                       const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
usage_error(FILE *err, const struct ng_cli_options *o, const char *fmt, ...)
{
  va_list ap;
  fputs("newsgraph: ", err);
  va_start(ap, fmt);
  vfprintf(err, fmt, ap);
  va_end(ap);
  fputc('\n', err);
  fprintf(err, "Try 'newsgraph %s%s--help' for more information.\n",
          o->command_name ? o->command_name : "",
          o->command_name ? " " : "");
  return 2;
}

static bool
in_list(const char *s, const char *const *list)
{
  for (; *list; list++) {
    if (strcmp(s, *list) == 0) {
      return true;
    }
  }
  return false;
}

/* "YYYY-MM-DD" with a real month and day. */
static bool
is_date(const char *s)
{
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') {
    return false;
  }
  for (int i = 0; i < 10; i++) {
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) {
      return false;
    }
  }
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
          (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y == 0 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) {
    return false;
  }
  return !(m == 2 && d == 29 && !leap);
}

/* An absolute IRI: scheme ":" rest, no space or control character. */
static bool
is_abs_iri(const char *s)
{
  const char *p = s;
  if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
    return false;
  }
  while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
         (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.') {
    p++;
  }
  if (*p != ':' || !p[1]) {
    return false;
  }
  for (p = s; *p; p++) {
    if ((unsigned char)*p <= 0x20) {
      return false;
    }
  }
  return true;
}

static bool
parse_long(const char *s, long min, long max, long *out)
{
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || end == s || *end || v < min || v > max) {
    return false;
  }
  *out = v;
  return true;
}

/* Stores the value of option @p id; returns 0 or 2. */
static int
set_option(struct ng_cli_options *o, enum opt_id id, const char *name,
           const char *val, FILE *err)
{
  long v;
  switch (id) {
  case OPT_HELP: o->help = true; break;
  case OPT_VERSION: o->version = true; break;
  case OPT_QUIET: o->quiet = true; break;
  case OPT_NIF: o->nif = true; break;
  case OPT_JSON: o->json = true; break;
  case OPT_NOW:
    if (!parse_long(val, 0, 253402300799L, &v)) {
      return usage_error(err, o, "--now needs seconds since 1970, not '%s'",
                         val);
    }
    o->now = val;
    break;
  case OPT_DATA: o->data = val; break;
  case OPT_ENDPOINT:
    if (strncmp(val, "http://", 7) != 0 && strncmp(val, "https://", 8) != 0) {
      return usage_error(err, o, "--endpoint needs an http(s) URL, not '%s'",
                         val);
    }
    o->endpoint = val;
    break;
  case OPT_USER:
    if (!strchr(val, ':')) {
      return usage_error(err, o, "--user needs USER:PASSWORD");
    }
    o->user = val;
    break;
  case OPT_UPDATE: o->update = true; break;
  case OPT_VERBOSE: o->verbose = true; break;
  case OPT_LOG_FORMAT:
    if (strcmp(val, "text") != 0 && strcmp(val, "json") != 0) {
      return usage_error(err, o, "--log-format needs text or json, not '%s'",
                         val);
    }
    o->log_json = strcmp(val, "json") == 0;
    break;
  case OPT_ENTITY:
    if (!*val) {
      return usage_error(err, o, "--entity needs a NAME or IRI");
    }
    o->entity = val;
    break;
  case OPT_FORMAT:
    if (!in_list(val, o->command == NG_CMD_QUERY ? query_formats
                      : o->command == NG_CMD_GRAPHS ||
                              o->command == NG_CMD_STATS
                          ? list_formats
                      : o->command == NG_CMD_DRAW ? draw_formats
                                                  : rdf_formats)) {
      return usage_error(err, o, "unknown --format '%s'", val);
    }
    o->format = val;
    break;
  case OPT_BASE:
  case OPT_URL:
  case OPT_GRAPH:
    if (!is_abs_iri(val)) {
      return usage_error(err, o, "--%s needs an absolute IRI, not '%s'",
                         name, val);
    }
    if (id == OPT_BASE) {
      o->base = val;
    } else if (id == OPT_URL) {
      o->url = val;
    } else {
      o->graph = val;
    }
    break;
  case OPT_DATE:
    if (!is_date(val)) {
      return usage_error(err, o, "--date needs YYYY-MM-DD, not '%s'", val);
    }
    o->date = val;
    break;
  case OPT_STORE:
    if (!*val) {
      return usage_error(err, o, "--store needs a STORE");
    }
    if (strcmp(val, "sqlite:") == 0) {
      /* not the default store silently: the path was left out */
      return usage_error(err, o, "--store sqlite: names no file: give "
                         "sqlite:PATH (or no --store for newsgraph.db)");
    }
    if (strcmp(val, "bdb:") == 0) {
      return usage_error(err, o, "--store bdb: names no folder: give "
                         "bdb:DIR (bdb:. for the current folder)");
    }
    o->store = val;
    break;
  case OPT_JOBS:
    if (!parse_long(val, 1, 1024, &v)) {
      return usage_error(err, o, "--jobs needs a number from 1 to 1024, "
                         "not '%s'", val);
    }
    o->jobs = v;
    break;
  case OPT_OUTPUT: o->output = val; break;
  case OPT_TIMEOUT:
  case OPT_WAIT: {
    char *end;
    errno = 0;
    double d = strtod(val, &end);
    if (errno || end == val || *end || !(d >= 0) || d > 86400 * 365) {
      return usage_error(err, o, "--%s needs seconds (a number >= 0), not "
                         "'%s'", name, val);
    }
    if (id == OPT_TIMEOUT) {
      o->timeout = d;
    } else {
      o->wait = d;
    }
    break;
  }
  case OPT_FILE: o->query_file = val; break;
  case OPT_ALLOW_PRIVATE: o->allow_private = true; break;
  case OPT_IGNORE_ROBOTS: o->ignore_robots = true; break;
  case OPT_REFETCH: o->refetch = true; break;
  case OPT_USER_AGENT:
    if (!*val) {
      return usage_error(err, o, "--user-agent needs a STRING");
    }
    for (const char *c = val; *c; c++) {
      if ((unsigned char)*c < 0x20 || *c == 0x7f) {
        /* CR or LF would start a header of the caller's choosing. */
        return usage_error(err, o, "--user-agent must not contain control "
                           "characters");
      }
    }
    o->user_agent = val;
    break;
  case OPT_DELAY:
  case OPT_RETRIES:
    if (!parse_long(val, 0, id == OPT_DELAY ? 3600000 : 10, &v)) {
      return usage_error(err, o, "--%s needs a number from 0 to %s, not "
                         "'%s'", name, id == OPT_DELAY ? "3600000" : "10",
                         val);
    }
    if (id == OPT_DELAY) {
      o->delay = val;
    } else {
      o->retries = val;
    }
    break;
  case OPT_FEED: {
    const char **p = realloc(o->feeds, (o->n_feeds + 1) * sizeof *p);
    if (!p) {
      return usage_error(err, o, "out of memory");
    }
    o->feeds = p;
    o->feeds[o->n_feeds++] = val;
    break;
  }
  }
  return 0;
}

static int
add_arg(struct ng_cli_options *o, const char *arg)
{
  const char **p = realloc(o->args, (o->n_args + 1) * sizeof *p);
  if (!p) {
    return 2;
  }
  o->args = p;
  o->args[o->n_args++] = arg;
  return 0;
}

/* Finds the option named by @p arg ("--name", "--name=v", "-x"). */
static int
find_option(const char *arg, const char **value)
{
  *value = NULL;
  if (arg[1] == '-') {
    const char *name = arg + 2;
    const char *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
      if (strlen(options[i].name) == len &&
          strncmp(options[i].name, name, len) == 0) {
        *value = eq ? eq + 1 : NULL;
        return (int)i;
      }
    }
    return -1;
  }
  if (arg[2] != '\0') {
    return -1; /* no bundling of short options */
  }
  for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
    if (options[i].short_name && options[i].short_name == arg[1]) {
      return (int)i;
    }
  }
  return -1;
}

/* Checks the positional arguments each command needs. */
static int
check_args(struct ng_cli_options *o, FILE *err)
{
  if (o->help || o->version) {
    return 0;
  }
  switch (o->command) {
  case NG_CMD_NONE:
    return usage_error(err, o, "no command given");
  case NG_CMD_EXTRACT:
  case NG_CMD_BUILD:
    if (o->n_args == 0 && o->n_feeds == 0) {
      return usage_error(err, o, "%s needs at least one INPUT or --feed",
                         o->command_name);
    }
    break;
  case NG_CMD_TEXT:
    if (o->n_args == 0) {
      return usage_error(err, o, "text needs at least one INPUT");
    }
    break;
  case NG_CMD_QUERY:
    if ((o->query_file != NULL) == (o->n_args == 1) || o->n_args > 1) {
      return usage_error(err, o, "query takes a QUERY or -f FILE");
    }
    break;
  case NG_CMD_EXPORT:
  case NG_CMD_GRAPHS:
  case NG_CMD_STATS:
    if (o->n_args != 0) {
      return usage_error(err, o, "unexpected argument '%s'", o->args[0]);
    }
    break;
  case NG_CMD_REMOVE:
    if (o->n_args != 1 || !is_abs_iri(o->args[0])) {
      return usage_error(err, o, "remove takes one graph IRI");
    }
    break;
  case NG_CMD_ENTITY:
    if (o->n_args != 1 || !*o->args[0]) {
      return usage_error(err, o, "entity takes one NAME or IRI");
    }
    break;
  case NG_CMD_DRAW:
    if ((o->entity != NULL) == (o->graph != NULL)) {
      return usage_error(err, o, "draw takes --entity NAME|IRI or --graph "
                         "IRI");
    }
    if (o->n_args != 0) {
      return usage_error(err, o, "unexpected argument '%s'", o->args[0]);
    }
    break;
  case NG_CMD_REPORT:
    if (!o->output) {
      return usage_error(err, o, "report needs -o FILE");
    }
    if (o->n_args != 0) {
      return usage_error(err, o, "unexpected argument '%s'", o->args[0]);
    }
    break;
  case NG_CMD_PUSH:
    if (!o->endpoint) {
      return usage_error(err, o, "push needs --endpoint URL");
    }
    if (o->n_args != 0) {
      return usage_error(err, o, "unexpected argument '%s'", o->args[0]);
    }
    break;
  }
  return 0;
}

int
ng_cli_parse(int argc, char **argv, struct ng_cli_options *o, FILE *err)
{
  memset(o, 0, sizeof *o);
  o->jobs = 1;
  o->wait = 60;
  int i = 1;
  /* Global options may come before the command. */
  for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
    const char *value;
    int k = find_option(argv[i], &value);
    if (k < 0 || !(options[k].cmds & 1u)) {
      return usage_error(err, o, "unknown option '%s'", argv[i]);
    }
    if (options[k].has_arg && !value) {
      if (i + 1 >= argc) {
        return usage_error(err, o, "option '%s' needs a value", argv[i]);
      }
      value = argv[++i];
    }
    int rc = set_option(o, options[k].id, options[k].name, value, err);
    if (rc) {
      return rc;
    }
  }
  if (i < argc) {
    for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++) {
      if (strcmp(argv[i], commands[c].name) == 0) {
        o->command = commands[c].cmd;
        o->command_name = commands[c].name;
      }
    }
    if (o->command == NG_CMD_NONE) {
      return usage_error(err, o, "unknown command '%s'", argv[i]);
    }
    i++;
  }
  bool only_args = false;
  for (; i < argc; i++) {
    const char *arg = argv[i];
    if (only_args || arg[0] != '-' || arg[1] == '\0') {
      if (add_arg(o, arg)) {
        return 2;
      }
      continue;
    }
    if (strcmp(arg, "--") == 0) {
      only_args = true;
      continue;
    }
    const char *value;
    int k = find_option(arg, &value);
    if (k < 0 || !(options[k].cmds & BIT(o->command))) {
      return usage_error(err, o, "unknown option '%s'", arg);
    }
    if (options[k].has_arg && !value) {
      if (i + 1 >= argc) {
        return usage_error(err, o, "option '%s' needs a value", arg);
      }
      value = argv[++i];
    } else if (!options[k].has_arg && value) {
      return usage_error(err, o, "option '%s' takes no value", arg);
    }
    int rc = set_option(o, options[k].id, options[k].name, value, err);
    if (rc) {
      return rc;
    }
  }
  return check_args(o, err);
}

void
ng_cli_options_clear(struct ng_cli_options *opts)
{
  free(opts->args);
  opts->args = NULL;
  opts->n_args = 0;
  free(opts->feeds);
  opts->feeds = NULL;
  opts->n_feeds = 0;
}

static const char global_help[] =
    "Global options (any command):\n"
    "  -h, --help          show this help and exit\n"
    "  -V, --version       show the version and exit\n"
    "  -q, --quiet         do not print warnings or the progress line\n"
    "  -v, --verbose       a line per input on standard error: what it was,\n"
    "                      its graph IRI, quads and seconds (default: none)\n"
    "  --log-format FORMAT text or json: messages on standard error as\n"
    "                      text, or one JSON object a line with level,\n"
    "                      input and message (default: text)\n"
    "  --now SECONDS       clock for ng:retrievedAt, seconds since 1970\n"
    "                      (default: $SOURCE_DATE_EPOCH, else the real time)\n"
    "  --data DIR          folder of the ontology and lexicon files\n"
    "                      (default: $NEWSGRAPH_DATA, else the installed\n"
    "                      one)\n";

/* The sub-commands' help: the global options in brief (newsgraph --help
 * describes them), and the store without the guarantees block (build
 * --help and newsgraph --help give it), so that each help fits a screen. */
static const char global_help_short[] =
    "Global options: -h, -V, -q, -v, --log-format text|json, --now SECONDS,\n"
    "  --data DIR (see newsgraph --help)\n";

static const char store_help_short[] =
    "  --store STORE       the store (default: newsgraph.db): a path or\n"
    "                      sqlite:PATH, memory:, bdb:DIR, postgresql:OPTIONS,\n"
    "                      virtuoso:OPTIONS; what each guarantees: build --help\n"
    "  --wait SECONDS      wait this long for another process's lock on a\n"
    "                      file store, then fail (default: 60)\n";

static const char input_help[] =
    "INPUT is an http(s) URL, a file (.html, .htm, .txt, optionally .gz),\n"
    "'-' for standard input, or @LIST for a file of INPUTs, one a line.\n"
    "A .warc or .warc.gz file adds every HTML response it holds.\n";

static const char feed_help[] =
    "  --feed URL          also every article of the feed URL (or file):\n"
    "                      RSS, Atom, a news sitemap or sitemap index, or a\n"
    "                      page linking its feed; repeatable. The feed's\n"
    "                      date is used when the page gives none\n";

static const char fetch_help[] =
    "Fetching URLs:\n"
    "  --user-agent STRING the User-Agent, with a contact address\n"
    "                      (default: newsgraph/VERSION "
    "(+https://w3id.org/newsgraph))\n"
    "  --delay MS          milliseconds between two requests to one host\n"
    "                      (default: 1000, or robots.txt's Crawl-delay)\n"
    "  --retries N         retries after a timeout, HTTP 429 or 5xx, after\n"
    "                      Retry-After or 1, 2, 4 ... s (default: 2)\n"
    "  --ignore-robots     do not read robots.txt (default: obeyed)\n"
    "  --allow-private     fetch loopback, private and link-local addresses\n"
    "                      (default: refused, also after redirects)\n"
    "  Proxies come from http_proxy, https_proxy, no_proxy; TLS is\n"
    "  verified. Bot walls, consent walls, paywall stubs and error pages\n"
    "  fail with the reason.\n";

static const char store_help[] =
    "  --store STORE       the store (default: newsgraph.db): a path or\n"
    "                      sqlite:PATH, memory:, bdb:DIR, postgresql:OPTIONS,\n"
    "                      virtuoso:OPTIONS (Redland storage options)\n"
    "                      What each store guarantees:\n"
    "                      sqlite: one file, transactions (re-ingest is\n"
    "                        atomic), duplicates removed\n"
    "                      memory: lives for one command; no transactions\n"
    "                      bdb:DIR: no transactions, not crash-safe\n"
    "                      postgresql:host='H',port='P',database='D',\n"
    "                        user='U',password='W': a PostgreSQL server;\n"
    "                        transactions when the user may add rules to\n"
    "                        its node tables (else a warning, and each\n"
    "                        statement commits), server-side locking\n"
    "                      virtuoso:dsn='DSN',host='H:P',user='U',\n"
    "                        password='W': a Virtuoso server through an ODBC\n"
    "                        DSN (odbc.ini, $ODBCINI); transactions; numbers\n"
    "                        come back in canonical form (0.8 for 0.800)\n"
    "  --wait SECONDS      wait this long for another process's lock on a\n"
    "                      file store, then fail (default: 60). build and\n"
    "                      remove lock PATH.lock (DIR/newsgraph.lock for\n"
    "                      bdb:) exclusively, the other commands shared\n";

void
ng_cli_usage(enum ng_cli_command cmd, FILE *out)
{
  switch (cmd) {
  case NG_CMD_NONE:
    fputs("usage: newsgraph [GLOBAL OPTIONS] COMMAND [OPTIONS] [ARGS]\n"
          "\n"
          "Turns news articles into a linked-data knowledge graph.\n"
          "\n"
          "Commands:\n"
          "  extract   RDF of the inputs on standard output, no store\n"
          "  text      the main text (or, with --json, text and metadata)\n"
          "  build     extract and merge into the store\n"
          "  export    write the store (or one graph) as RDF\n"
          "  query     run a SPARQL query over the store\n"
          "  graphs    list the store's article graphs\n"
          "  stats     count the store's graphs and quads\n"
          "  remove    remove one article graph from the store\n"
          "  entity    an entity's facts, with the articles stating each\n"
          "  push      send the article graphs to a SPARQL triple store\n"
          "  draw      a picture of an entity's neighbourhood or a graph\n"
          "  report    one HTML page about the store\n"
          "\n", out);
    fputs(global_help, out);
    fputs("\n'newsgraph COMMAND --help' describes each command.\n"
          "Example: newsgraph extract --format nquads article.html\n", out);
    return;
  case NG_CMD_EXTRACT:
    fputs("usage: newsgraph extract [--format FORMAT] [--base IRI] "
          "[--url IRI]\n"
          "                         [--date YYYY-MM-DD] [--nif] [--jobs N] "
          "INPUT...\n"
          "\n"
          "Writes the RDF graph of each INPUT to standard output.\n"
          "\n"
          "  --format FORMAT     turtle, trig, ntriples, nquads or rdfxml\n"
          "                      (default: turtle; turtle and ntriples merge\n"
          "                      the graphs, trig and nquads keep them)\n"
          "  --base IRI          base of entity IRIs\n"
          "                      (default: https://w3id.org/newsgraph/id/)\n"
          "  --url IRI           the article's URL and graph name (one INPUT)\n"
          "                      (default: canonical URL, else urn:sha256)\n"
          "  --date YYYY-MM-DD   the publication date (default: the page's)\n"
          "  --nif               also write the text and mentions as NIF\n"
          "  -j, --jobs N        articles extracted at once (default: 1); the\n"
          "                      output is the same whatever N\n",
          out);
    fputs(feed_help, out);
    fputs(fetch_help, out);
    fputs(global_help_short, out);
    fputs(input_help, out);
    fputs("Example: newsgraph extract --format nquads article.html\n", out);
    return;
  case NG_CMD_TEXT:
    fputs("usage: newsgraph text [--json] [--jobs N] INPUT...\n"
          "\n"
          "Writes the main text of each article to standard output; with\n"
          "several INPUTs, each after a line \"==> INPUT <==\".\n"
          "\n"
          "  --json              text and metadata as one JSON object a line\n"
          "                      (JSON Lines; default: the plain text)\n"
          "  -j, --jobs N        articles read at once (default: 1)\n",
          out);
    fputs(fetch_help, out);
    fputs(global_help_short, out);
    fputs(input_help, out);
    fputs("Example: newsgraph text --json article.html\n", out);
    return;
  case NG_CMD_BUILD:
    fputs("usage: newsgraph build [--store STORE] [--jobs N] [--base IRI]\n"
          "                       [--url IRI] [--date YYYY-MM-DD] [--nif] "
          "INPUT...\n"
          "\n"
          "Extracts each INPUT and adds its graph to the store, replacing\n"
          "the article's graph if it is already there. Prints a summary on\n"
          "standard error, and a progress line while it runs when standard\n"
          "error is a terminal.\n"
          "\n", out);
    fputs(store_help, out);
    fputs("  -j, --jobs N        articles extracted at once (worker threads)\n"
          "                      and URLs downloaded at once (default: 1; at\n"
          "                      most 2 connections per host); the store and\n"
          "                      the messages are the same whatever N\n"
          "  --base IRI          base of entity IRIs\n"
          "                      (default: https://w3id.org/newsgraph/id/)\n"
          "  --url IRI           the article's URL and graph name (one INPUT)\n"
          "  --date YYYY-MM-DD   the publication date (default: the page's)\n"
          "  --nif               also store the text and mentions as NIF\n"
          "  --refetch           fetch every URL in full (default: a URL the\n"
          "                      store has an article from is requested with\n"
          "                      its ETag and Last-Modified, and skipped when\n"
          "                      the server answers 304 Not Modified)\n",
          out);
    fputs(feed_help, out);
    fputs(fetch_help, out);
    fputs(global_help_short, out);
    fputs(input_help, out);
    fputs("Ctrl-C (or SIGTERM) once: the articles under way are finished\n"
          "and committed, then exit 130 (143); twice: stop at once, without\n"
          "the uncommitted ones.\n", out);
    fputs("Example: newsgraph build --store news.db @articles.txt\n", out);
    return;
  case NG_CMD_EXPORT:
    fputs("usage: newsgraph export [--store STORE] [--format FORMAT] "
          "[--graph IRI]\n"
          "                        [-o FILE]\n"
          "\n"
          "Writes the store, or one article graph, as RDF.\n"
          "\n", out);
    fputs(store_help_short, out);
    fputs("  --format FORMAT     turtle, trig, ntriples, nquads or rdfxml\n"
          "                      (default: turtle)\n"
          "  --graph IRI         only this article graph (default: all)\n"
          "  -o, --output FILE   write to FILE (default: standard output)\n",
          out);
    fputs(global_help_short, out);
    fputs("Example: newsgraph export --store news.db --format trig -o "
          "news.trig\n", out);
    return;
  case NG_CMD_QUERY:
    fputs("usage: newsgraph query [--store STORE] [--format FORMAT] "
          "[--timeout SECONDS]\n"
          "                       (QUERY | -f FILE)\n"
          "\n"
          "Runs a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT) over the union\n"
          "of the store's graphs. Property paths, EXISTS, MINUS, DESCRIBE\n"
          "and updates are refused (the query engine, rasqal, lacks them).\n"
          "\n", out);
    fputs(store_help_short, out);
    fputs("  --format FORMAT     SELECT/ASK: table, csv, tsv, json or xml\n"
          "                      (default: table); CONSTRUCT: turtle or\n"
          "                      ntriples (default: turtle)\n"
          "  -f, --file FILE     read the query from FILE\n"
          "  --timeout SECONDS   stop the query after SECONDS and fail\n"
          "                      (default: no limit); output written until\n"
          "                      then may be incomplete\n"
          "Dates: schema:datePublished is an xsd:date or an xsd:dateTime,\n"
          "which rasqal never compares with each other; compare the date\n"
          "part: FILTER(xsd:date(SUBSTR(STR(?d), 1, 10)) >=\n"
          "\"2025-05-01\"^^xsd:date) (a warning says so otherwise).\n"
          "rasqal answers COUNT(DISTINCT), VALUES before a pattern and a\n"
          "FILTER outside a sub-select wrongly (warnings); newsgraph\n"
          "repairs aggregates over no match (COUNT 0; GROUP BY: no row) and\n"
          "runs SELECT [?g...] (COUNT(DISTINCT ?x) AS ?n) WHERE {...}\n"
          "[GROUP BY ?g...] as a count over SELECT DISTINCT (right answer,\n"
          "no warning). ORDER BY sorts xsd:date and xsd:dateTime values\n"
          "apart: ORDER BY STR(?d) (a warning says so). OPTIONAL: rasqal\n"
          "adds wrong rows when a required pattern that matches several\n"
          "times (?m ng:participant ?p) is not first in its group;\n"
          "newsgraph runs such patterns as a sorted sub-SELECT first (same\n"
          "answer), except inside GRAPH ?var, and warns about every shape\n"
          "it has not made right: then write that pattern first.\n",
          out);
    fputs(global_help_short, out);
    fputs("Example: newsgraph query 'PREFIX ng: "
          "<https://w3id.org/newsgraph/ns#>\n"
          "  SELECT ?a ?b WHERE { ?a ng:meets ?b }'\n", out);
    return;
  case NG_CMD_GRAPHS:
    fputs("usage: newsgraph graphs [--store STORE] [--format FORMAT]\n"
          "\n"
          "Lists the store's article graphs, sorted by IRI, after a header\n"
          "line: graph IRI, publication date, triples, headline.\n\n", out);
    fputs(store_help_short, out);
    fputs("  --format FORMAT     tsv, csv or json (default: tsv)\n", out);
    fputs(global_help_short, out);
    fputs("Example: newsgraph graphs --store news.db\n", out);
    return;
  case NG_CMD_STATS:
    fputs("usage: newsgraph stats [--store STORE] [--format FORMAT]\n"
          "\n"
          "Counts the store's article graphs and quads, the distinct\n"
          "entities of each class, events of each type, and facts of each\n"
          "relation (distinct, then statements over all articles).\n\n",
          out);
    fputs(store_help_short, out);
    fputs("  --format FORMAT     tsv, csv or json (default: tsv)\n", out);
    fputs(global_help_short, out);
    fputs("Example: newsgraph stats --store news.db\n", out);
    return;
  case NG_CMD_ENTITY:
    fputs("usage: newsgraph entity [--store STORE] NAME|IRI\n"
          "\n"
          "Finds the entities whose label or alternative label is NAME\n"
          "(ignoring case), or the entity IRI, and prints each one's class,\n"
          "labels and sameAs, then every fact it takes part in with its\n"
          "support: how many articles state it, the first and last of their\n"
          "dates, and the article IRIs (most-supported first; ^relation:\n"
          "the entity is the object; \"(planned)\", \"(reported)\" or\n"
          "\"(denied)\" after it: no article asserts the fact). Exit 1\n"
          "when nothing matches.\n\n",
          out);
    fputs(store_help_short, out);
    fputs(global_help_short, out);
    fputs("Example: newsgraph entity --store news.db 'anwar ibrahim'\n", out);
    return;
  case NG_CMD_REMOVE:
    fputs("usage: newsgraph remove [--store STORE] IRI\n"
          "\n"
          "Removes the article graph named IRI from the store.\n\n", out);
    fputs(store_help_short, out);
    fputs(global_help_short, out);
    fputs("Example: newsgraph remove --store news.db "
          "https://news.example/a\n", out);
    return;
  case NG_CMD_PUSH:
    fputs("usage: newsgraph push --endpoint URL [--store STORE] "
          "[--graph IRI]\n"
          "                      [--user USER:PASSWORD] [--update] "
          "[--timeout SECONDS]\n"
          "\n"
          "Sends each article graph of the store to a triple store, one\n"
          "request per graph, replacing the graph there (pushing twice\n"
          "gives the same result). Prints what was sent on standard error.\n"
          "Each request ends after 300 s at most (a wrong endpoint may never\n"
          "answer). With --update, an endpoint that answers with an HTML\n"
          "query form, or that holds none of the first graph's triples\n"
          "afterwards (counted with a SPARQL query to the same URL, when it\n"
          "answers one), is an error naming the endpoint.\n"
          "\n"
          "  --endpoint URL      the server's endpoint (required): for the\n"
          "                      SPARQL 1.1 Graph Store HTTP Protocol, e.g.\n"
          "                      Virtuoso's http://HOST:8890/sparql-graph-crud-auth\n"
          "                      or Fuseki's http://HOST:3030/DATASET/data;\n"
          "                      PUT URL?graph=IRI with N-Triples\n", out);
    fputs(store_help_short, out);
    fputs("  --graph IRI         only this article graph (default: all)\n"
          "  -u, --user USER:PASSWORD\n"
          "                      credentials, basic or digest (default: the\n"
          "                      host's entry in ~/.netrc, else none)\n"
          "  --update            SPARQL 1.1 Update instead (POST of DROP\n"
          "                      SILENT GRAPH + INSERT DATA), for endpoints\n"
          "                      without the Graph Store Protocol, e.g.\n"
          "                      Virtuoso's /sparql-auth or Fuseki's\n"
          "                      /DATASET/update (default: Graph Store PUT)\n"
          "  --timeout SECONDS   stop the whole push after SECONDS and fail\n"
          "                      (default: no limit; each request ends after\n"
          "                      300 s)\n",
          out);
    fputs(global_help_short, out);
    fputs("Example: newsgraph push --store news.db --user dba:secret \\\n"
          "  --endpoint http://localhost:8890/sparql-graph-crud-auth\n",
          out);
    return;
  case NG_CMD_DRAW:
    fputs("usage: newsgraph draw [--store STORE] (--entity NAME|IRI | "
          "--graph IRI)\n"
          "                      [--format FORMAT] [-o FILE]\n"
          "\n"
          "Draws, with Graphviz, an entity's neighbourhood (whom it met and\n"
          "visited, what it belongs to) or one article's graph.\n\n", out);
    fputs(store_help_short, out);
    fputs("  --entity NAME|IRI   the entity, by label or IRI\n"
          "  --graph IRI         the article graph\n"
          "  --format FORMAT     svg, png or dot (default: svg, or the\n"
          "                      extension of -o FILE)\n"
          "  -o, --output FILE   write to FILE (default: standard output)\n",
          out);
    fputs(global_help_short, out);
    fputs("Example: newsgraph draw --store news.db --entity 'Anwar Ibrahim' "
          "-o anwar.svg\n", out);
    return;
  case NG_CMD_REPORT:
    fputs("usage: newsgraph report [--store STORE] -o FILE\n"
          "\n"
          "Writes one static HTML page about the store: the most-connected\n"
          "entities, recent meetings and visits, trade figures by year, each\n"
          "fact with its evidence sentence and a link to its article.\n\n",
          out);
    fputs(store_help_short, out);
    fputs("  -o, --output FILE   the HTML file to write (required)\n", out);
    fputs(global_help_short, out);
    fputs("Example: newsgraph report --store news.db -o report.html\n", out);
    return;
  }
}
