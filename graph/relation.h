/* SPDX-License-Identifier: MIT */
/* Binary relation extraction with evidence and confidence; the trigger lexicon. (stub: owner relations) */
#ifndef NG_RELATION_H
#define NG_RELATION_H

#include "doc.h"
#include "world.h"

struct ng_lexicon;

/* Loads the trigger lexicon from @p dir. Errors: NG_ERR_IO, NG_ERR_RDF,
 * NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__lexicon_load(ng_world *world, const char *dir,
                                        struct ng_lexicon **out);

/* Frees @p lex (NULL is a no-op). */
void ng__lexicon_free(struct ng_lexicon *lex);

/* Adds doc->facts from the sentences and mentions. */
NG_NODISCARD ng_status ng__relation_run(ng_world *world, struct ng_doc *doc);
#endif
