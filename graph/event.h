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
 * ngl:IntraTradeMarker; currency names from ngl:CurrencyName). Adds the
 * binary fact an inferred event rests on (a foreign participant's visit
 * to a meeting's city, unless the place is known only from a joint
 * signing; tradingPartnerOf for a trade figure). Denied matches give no event. Sets doc->ref_date when
 * empty. Errors: NG_ERR_NOMEM and the lexicon's loading errors. */
NG_NODISCARD ng_status ng__event_run(ng_world *world, struct ng_doc *doc);
#endif
