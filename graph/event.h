/* SPDX-License-Identifier: MIT */
/* n-ary event extraction: Visit, Meeting, Signing, Quotation, TradeFigure. */
#ifndef NG_EVENT_H
#define NG_EVENT_H

#include "doc.h"
#include "world.h"

/* Adds doc->events (VOCABULARY.md "Events and figures"): one Visit per
 * visitor and destination (dates from ranges, "arrived on", "ends on",
 * "four-day"), one Meeting per participant set (location, date), one
 * Signing per party set (agreement title, date), one Quotation per quoted
 * passage with an attributed speaker, one TradeFigure per stated amount
 * and currency between two parties (none for trade inside one bloc:
 * ngl:IntraTradeMarker; currency names from ngl:CurrencyName; a year
 * belongs to the amount it follows; a capitalised trade word inside an
 * unknown name is no trade; ¥ is CNY when the article names the yuan and
 * the parties include the yuan's country but not the yen's). Meetings of
 * the same people merge unless their days, weeks or cities differ (R04);
 * a meeting dated only by week, month or year never takes the article's
 * day (R05). A quotation running over paragraphs takes the attribution
 * after its last part (R03); a speaker written as an office description
 * ("the 58-year-old minister said") is the holder of that office mentioned
 * last. A sentence that refers back to a visit ("The visit runs through
 * Friday") dates it. A trade figure's parties are never a comparison list
 * ("after China"), an organ stands for its organisation (European
 * Commission: European Union), and "bilateral trade" in a sentence naming
 * no pair takes the sides of the story's first meeting or visit. Adds the
 * binary fact an inferred event rests on (a foreign participant's visit
 * to a meeting's city, unless the place is known only from a joint
 * signing; tradingPartnerOf for a trade figure). Denied matches give no event. Sets doc->ref_date when
 * empty. Uses (and frees) the matches ng__relation_run() kept in
 * doc->relset, else searches them. Errors: NG_ERR_NOMEM and the lexicon's loading errors. */
NG_NODISCARD ng_status ng__event_run(ng_world *world, struct ng_doc *doc);
#endif
