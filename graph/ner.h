/* SPDX-License-Identifier: MIT */
/* Named-entity recognition: mentions of known entities (gazetteer),
 * names typed by context (titles, honorifics, name suffixes, reporting
 * verbs, "Long Name (LN)" definitions), datelines, and the office facts
 * that titles state ("Russian President Vladimir Putin"). */
#ifndef NG_NER_H
#define NG_NER_H

#include "doc.h"
#include "world.h"

/* Finds mentions and entities in doc->text (needs doc->sentences and the
 * world's gazetteer; does nothing without them) and adds them with the
 * ng__doc_* adders. Also sets doc->dateline from an ALL-CAPS dateline
 * ("KUALA LUMPUR, May 15 —") and adds office facts (headOfStateOf,
 * headOfGovernmentOf, ministerOf, leaderOf) with the title's sentence as
 * evidence. Rules (all words are data, ontology/titles.ttl, names.ttl):
 * - a title qualified by a country, demonym or possessive ("Malaysia's")
 *   gives the title's ngl:office for that country, by an organisation its
 *   ngl:orgOffice; "Deputy", "former" and the like block the office;
 * - a head-of-state, head-of-government or minister title with no
 *   qualifier belongs to the dateline's country, or to a national news
 *   agency's country when there is no dateline, and only when those two
 *   agree and no qualified title in the article gives the same person
 *   another country (confidence 0.75 instead of 0.9);
 * - before that, an unqualified title takes the country that opens its
 *   sentence as the owner of a government word ("Pakistan's foreign
 *   ministry denied that Foreign Minister X met …", confidence 0.8);
 * - neither gives a country whose same office ("Foreign Minister", head
 *   of state, head of government) another person holds by a qualified
 *   title ("Swiss Foreign Minister Y");
 * - "Agriculture Secretary X": a title with ngl:portfolioOffice gives that
 *   office when a portfolio comes with it;
 * - "his Bolivian counterpart X" (ngl:Counterpart) holds the office of the
 *   title holder named before it in the same or the previous sentence,
 *   for its own qualifier; no fact without one;
 * - "External Affairs Ministry" is labelled "Ministry of External
 *   Affairs", "Foreign Ministry" "Ministry of Foreign Affairs"
 *   (ngl:AffairsPortfolio), so both forms are one entity;
 * - unknown names become ng:City in "in X, Country", "the city/town/port
 *   of X" (ngl:CityWord) and "talks in X on Monday" (one word after "in"
 *   in a sentence with an ngl:PlaceContextWord, before punctuation or an
 *   ngl:PlaceContextEnd word); "X-based" is no such context.
 * - a dateline opens one of the first three sentences: ALL-CAPS place
 *   then ", date", ", Country (" or "(Agency)" ("AMMAN, Jordan (AP) --"),
 *   or a mixed-case place right before "(Agency) -" ("Tbilisi (AFP) -");
 * - an unknown name before a lower-case ngl:AdminDivisionWord, or after
 *   "the W of", is an ng:Place without the word ("Quang Ninh province",
 *   "the state of Penang");
 * - a place name flagged ngl:alsoPersonName next to an unknown capitalised
 *   name word is part of a person's name ("Ellen Jordan");
 * - a title may be set off from a name of two or more words by commas
 *   ("Minister for Trade and Industry, Grace Lim Hui Min, said").
 * Errors: NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__ner_run(ng_world *world, struct ng_doc *doc);

#endif
