/* SPDX-License-Identifier: MIT */
/* Entity linking: canonical labels and Wikidata QIDs from the gazetteer;
 * the article-level entities (publisher, authors). */
#ifndef NG_LINK_H
#define NG_LINK_H

#include "doc.h"
#include "world.h"

/* Links doc->entities to the gazetteer and adds the article's entities:
 * - an entity whose label (or an alt label) names a gazetteer entry of
 *   its type takes the entry's canonical label and QID;
 * - doc->publisher: the news agency named by doc->meta.publisher (its
 *   gazetteer name when known: "BERNAMA" → "Bernama"), else the agency
 *   the text credits ("(Bernama) --", "— Bernama"), typed ng:NewsAgency;
 * - every name in doc->meta.authors becomes a Person with is_author set
 *   (the existing one when the text names the same person), except names
 *   that are the publisher's, contain digits or '@', have more than five
 *   words, or contain a byline word (ngl:BylineWord: "Staff Reporter").
 * Errors: NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__link_run(ng_world *world, struct ng_doc *doc);

#endif
