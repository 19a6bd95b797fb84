/* SPDX-License-Identifier: MIT */
/* Article metadata: canonical URL, og:*, JSON-LD, microdata, headline,
 * dates, authors, publisher, language. Fills doc->meta only. */
#ifndef NG_META_H
#define NG_META_H

#include "doc.h"
#include "html.h"
#include "world.h"

/* Reads the metadata of the parsed page @p html into doc->meta (replacing
 * what was there). Sources and precedence (FAULT-CASES M01-M14):
 * headline: JSON-LD headline > og:title > microdata > <title> with the
 * site-name part removed > <h1>; dates: JSON-LD > article:*_time >
 * microdata/<time> > meta date names, checked against the date printed
 * under the headline (that one wins when the two are one day apart, and
 * is used when the page has no machine date; dates marked "Updated" and
 * dates in asides, navigation and footers are skipped; zones from
 * abbreviations, the ambiguous ones resolved by the page language, M10;
 * numeric day/month order by locale or page, M11) > a visible
 * "Published ..." line, never the modified date as published, never a
 * year-1 or Unix-epoch placeholder; authors: JSON-LD > meta author >
 * article:author > microdata > rel=author, split into persons, never the
 * publisher; publisher: JSON-LD publisher > og:site_name > application-name
 * > the site part of the title; canonical URL: <link rel=canonical>
 * resolved against doc->final_url > og:url > JSON-LD url, never the site
 * root. Dates are "YYYY-MM-DD" or xsd:dateTime; a date more than a day
 * after the world clock is rejected. Malformed JSON-LD blocks are skipped
 * with a warning. Errors: NG_ERR_NOMEM only. */
NG_NODISCARD ng_status ng__meta_parse(ng_world *world, struct ng_doc *doc,
                                      xmlDocPtr html);

/* Normalises the date or date-time in @p s (ISO 8601 forms, compact
 * "YYYYMMDD", or English text such as "18 February 2025", "Feb 18, 2025
 * 3:05 PM") into @p out: "YYYY-MM-DD" when there is no time, else
 * "YYYY-MM-DDThh:mm:ss" followed by "Z" or "+hh:mm" when the input gives
 * an offset (none is invented, FAULT-CASES M10). False if no valid date is
 * found. */
bool ng__meta_norm_date(const char *s, char out[32]);

/* Splits the author string @p s into person names (on ",", ";", " and ",
 * " & ", keeping suffixes such as "Jr." with their name; FAULT-CASES
 * M07), strips "By " and drops entries that are not person-like (URLs,
 * e-mail, UI strings, @p publisher). Appends new distinct names to
 * doc->meta.authors. Errors: NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__meta_add_authors(struct ng_doc *doc,
                                            const char *s,
                                            const char *publisher);

/* Removes from the NUL-terminated UTF-8 string @p s, in place, the
 * invisible format characters that change how a name is shown or
 * matched but are no part of it: the bidirectional marks, embeddings,
 * overrides and isolates (U+200E, U+200F, U+061C, U+202A-U+202E,
 * U+2066-U+2069; Unicode UAX #9), the zero-width space U+200B, the word
 * joiner U+2060, the byte order mark U+FEFF and the soft hyphen U+00AD.
 * ZWNJ and ZWJ (U+200C, U+200D) stay: Persian and Indic names and emoji
 * sequences spell with them. When anything is removed, runs of spaces
 * left behind are collapsed and the ends trimmed. For labels and names,
 * never for evidence text (whose offsets must stay). Returns the new
 * length in bytes. */
size_t ng__meta_strip_invisible(char *s);

/* Checks the language of doc->meta against the doc's main text
 * (FAULT-CASES M15): when function-word counts show clearly that the text
 * is in another language (English, Malay, Indonesian, German, French,
 * Spanish, Portuguese, Italian, Dutch) than the declared one, the
 * detected code replaces it, with a warning; with no declaration the
 * detected code is set. Malay and Indonesian declarations are kept for
 * either. Errors: NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__meta_check_language(ng_world *world,
                                               struct ng_doc *doc);

#endif
