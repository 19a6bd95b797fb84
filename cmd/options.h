/* SPDX-License-Identifier: MIT */
/* Command-line parsing: argv to struct ng_cli_options, and the usage text
 * of every subcommand (ARCHITECTURE.md "Command line"). No library calls. */
#ifndef NG_CLI_OPTIONS_H
#define NG_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum ng_cli_command {
  NG_CMD_NONE,    /* only global options (--help, --version) */
  NG_CMD_EXTRACT, /* RDF of the inputs on stdout, no store */
  NG_CMD_TEXT,    /* the main text of one article */
  NG_CMD_BUILD,   /* extract and merge into the store */
  NG_CMD_EXPORT,  /* write the store */
  NG_CMD_QUERY,   /* SPARQL over the store */
  NG_CMD_GRAPHS,  /* list the store's graphs */
  NG_CMD_STATS,   /* count graphs and quads */
  NG_CMD_REMOVE,  /* remove one graph */
  NG_CMD_ENTITY,  /* an entity's facts with their support */
  NG_CMD_PUSH,    /* send the graphs to a triple store */
  NG_CMD_DRAW,    /* a picture of an entity's neighbourhood or a graph */
  NG_CMD_REPORT   /* one static HTML page about the store */
};

/* Everything the command line says. Strings are borrowed from argv. */
struct ng_cli_options {
  enum ng_cli_command command; /* the subcommand */
  const char *command_name;    /* as typed, for messages */
  bool help;                   /* --help: print usage, exit 0 */
  bool version;                /* --version */
  bool quiet;                  /* -q/--quiet: no warnings */
  bool json;                   /* text --json */
  bool nif;                    /* extract/build --nif */
  const char *format;          /* --format, or NULL for the default */
  const char *base;            /* --base IRI */
  const char *url;             /* --url IRI */
  const char *date;            /* --date YYYY-MM-DD */
  const char *store;           /* --store STORE, or NULL: newsgraph.db */
  const char *graph;           /* export --graph IRI */
  const char *output;          /* -o FILE */
  const char *query_file;      /* query -f FILE */
  const char *now;             /* --now SECONDS */
  const char *data;            /* --data DIR */
  long jobs;                   /* build --jobs N (1 if not given) */
  const char **args;           /* positional arguments (owned array) */
  size_t n_args;               /* entries in args */
  const char **feeds;          /* extract/build --feed URL (owned array) */
  size_t n_feeds;              /* entries in feeds */
  bool allow_private;          /* --allow-private */
  bool ignore_robots;          /* --ignore-robots */
  const char *user_agent;      /* --user-agent STRING */
  const char *delay;           /* --delay MS */
  const char *retries;         /* --retries N */
  bool refetch;                /* build --refetch */
  double timeout;              /* query --timeout SECONDS (0: none) */
  double wait;                 /* --wait SECONDS for the store lock */
  const char *endpoint;        /* push --endpoint URL */
  const char *user;            /* push --user USER:PASS */
  bool update;                 /* push --update: SPARQL Update */
  const char *entity;          /* draw --entity NAME|IRI */
  bool verbose;                /* -v/--verbose: a line per input */
  bool log_json;               /* --log-format json: JSON Lines on stderr */
};

/* Parses @p argv (argv[0] is the program). Returns 0 on success and 2 on a
 * usage error, after writing "newsgraph: ..." and a hint to @p err. Free
 * with ng_cli_options_clear() in both cases. */
int ng_cli_parse(int argc, char **argv, struct ng_cli_options *opts,
                 FILE *err);

/* Frees what ng_cli_parse() allocated. */
void ng_cli_options_clear(struct ng_cli_options *opts);

/* Writes the usage text of @p cmd (NG_CMD_NONE: the overview) to @p out:
 * the usage line, every option with its default, and an example. */
void ng_cli_usage(enum ng_cli_command cmd, FILE *out);

#endif
