/* SPDX-License-Identifier: MIT */
/* The draw subcommand (issue 8), built on the public API only. */
#ifndef NG_CLI_DRAW_H
#define NG_CLI_DRAW_H

#include "newsgraph.h"
#include "options.h"

/* Runs "newsgraph draw" on an open store, as the options say: the
 * neighbourhood of entity o->entity (found as ng_store_write_entity()
 * finds it; the most connected one when several match) or article graph
 * o->graph, at most 40 facts (the best-supported; what is left out is said
 * in the picture and on standard error), rendered by Graphviz as o->format
 * (svg, png or dot; default: -o FILE's extension, else svg) to o->output
 * through a temporary file and a rename, or to standard output. Messages
 * of its own go to standard error, prefixed "newsgraph: "; the library's
 * go through the world's log sink and are left to the caller. Returns
 * NG_OK, or the status of the first failure: NG_NOT_FOUND (no such entity
 * or graph), NG_ERR_IO (output), NG_ERR_INTERNAL (Graphviz), NG_ERR_NOMEM,
 * or a library error. */
ng_status ng_cli_draw(ng_store *store, const struct ng_cli_options *o);

#endif
