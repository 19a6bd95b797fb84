/* SPDX-License-Identifier: MIT */
/* Within-document coreference: partial names, case variants, acronyms,
 * pronouns and definite descriptions. */
#ifndef NG_COREF_H
#define NG_COREF_H

#include "doc.h"
#include "world.h"

/* Merges entities that name the same thing and adds pronoun and
 * description mentions, so each entity is one node:
 * - a person whose name is a whole-word part of exactly one longer
 *   person's name ("Anwar", "Daniel Koh") is merged into it;
 * - entities of one type whose labels differ only in case are merged;
 * - an organisation whose label is the initials of another's is merged
 *   into the acronym;
 * - an organisation (or a person with no honorific) whose label is the
 *   first words of exactly one longer organisation name ("Gulf Horizon"
 *   for "Gulf Horizon Energy Corporation") is merged into it, unless the
 *   gazetteer knows the short label as a name of its own;
 * - he/his/him and she/her/hers refer to the last person in the sentence
 *   before them, else to the first person of the closest earlier sentence
 *   (up to three back) whose known gender does not conflict (gender comes
 *   only from honorifics and earlier pronouns);
 * - "the bloc", "the 27-nation bloc" (ngl:Description) refer to the last
 *   entity of the description's type; "the President", "the prime
 *   minister" to the person holding that office in doc->facts.
 * Merged entities get merged = true and merged_into; their labels move to
 * the survivor's alt labels and their mentions are re-pointed. Facts are
 * re-pointed to survivors and duplicates dropped. Errors: NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__coref_run(ng_world *world, struct ng_doc *doc);

/* Merges entity @p from into @p into (see ng__coref_run). Errors:
 * NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__coref_merge(struct ng_doc *doc, size_t from,
                                       size_t into);

#endif
