/* SPDX-License-Identifier: MIT */
/* The report subcommand (issue 8): one static HTML page about a store,
 * from the public API (SPARQL) and libxml2's HTML tree. */
#ifndef NG_CLI_REPORT_H
#define NG_CLI_REPORT_H

#include "newsgraph.h"
#include "options.h"

/* Writes one static, self-contained HTML page about @p store to the file
 * o->output ("-": standard output): totals (articles, entities by class,
 * facts, events), the 20 most-connected entities, meetings and visits
 * newest first (100 rows), trade figures by year, offices, memberships
 * and partnerships, every fact with the sentences that state it and links
 * to its articles, and the articles. Inline CSS, no script, nothing
 * fetched; every string from the store is escaped by libxml2's HTML
 * serializer. The file is written to a temporary file beside it and
 * renamed into place, so a failure leaves no partial file. A store with no
 * articles gives a page that says so.
 * Errors: those of ng_store_query() (the library's message goes through
 * the world's log sink; nothing printed here); NG_ERR_IO (the file or a
 * temporary file cannot be written), NG_ERR_PARSE (unreadable query
 * results), NG_ERR_NOMEM: for these a line "newsgraph: cannot write FILE:
 * REASON" is printed on standard error here. */
NG_NODISCARD ng_status ng_cli_report(ng_store *store,
                                     const struct ng_cli_options *o);

#endif
