/* SPDX-License-Identifier: MIT */
/* The draw subcommand (issue 8), built on the public API only. */
#ifndef NG_CLI_DRAW_H
#define NG_CLI_DRAW_H

#include "newsgraph.h"
#include "options.h"

/* Runs "newsgraph draw" on an open store, as the options say, writing to
 * o->output or standard output. Messages of its own go to standard error,
 * prefixed "newsgraph: "; the library's go through the world's log sink.
 * Returns NG_OK, or the status of the first failure. */
ng_status ng_cli_draw(ng_store *store, const struct ng_cli_options *o);

#endif
