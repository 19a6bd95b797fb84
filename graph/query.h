/* SPDX-License-Identifier: MIT */
/* SPARQL over the store through librdf/rasqal: refuses what rasqal cannot
 * run (REDLAND-NOTES.md §3), repairs what rasqal writes wrongly, and
 * writes every result format itself. */
#ifndef NG_QUERY_H
#define NG_QUERY_H

#include "doc.h"
#include "world.h"

struct librdf_world_s;

/* What a query asks for. */
enum ng_query_form {
  NG_QUERY_SELECT,
  NG_QUERY_ASK,
  NG_QUERY_CONSTRUCT,
  NG_QUERY_OTHER /* DESCRIBE, updates, or none found */
};

/* Checks @p sparql for features rasqal 0.9.33 cannot run or silently
 * answers wrongly (property paths, EXISTS / NOT EXISTS, MINUS, DESCRIBE,
 * SERVICE, and every SPARQL Update operation) by scanning its tokens
 * (strings, IRIs and comments skipped). Stores the query form in *form.
 * Returns NG_OK, or NG_ERR_PARSE with a message naming the feature. */
NG_NODISCARD ng_status ng__query_check(ng_world *world, const char *sparql,
                                       enum ng_query_form *form);

/* Bugs of the linked rasqal's xsd:dateTime / xsd:date formatting
 * (rasqal_xsd_timezone_format() in src/rasqal_datetime.c, still present in
 * rasqal 0.9.33 and later): */
/* ... the offset's last minute digit is '0' - 9 * minutes (mod 256). */
#define NG__RASQAL_ZONE_MINUTES 1u
/* ... a zero offset "+00:00" is written "-00:00". */
#define NG__RASQAL_ZONE_SIGN 2u

/* Which of the NG__RASQAL_ZONE_* bugs the rasqal of @p rdf_world (a
 * librdf_world, borrowed) has, found by formatting two probe values with
 * rasqal itself. When a probe cannot run, its bug is assumed (every rasqal
 * release to date has both). */
unsigned ng__query_rasqal_bugs(struct librdf_world_s *rdf_world);

/* Repairs, in place, the time-zone offset of @p lex, the lexical form of a
 * literal of datatype @p datatype, as rasqal wrote it with the bugs
 * @p bugs (NG__RASQAL_ZONE_* bits). Only xsd:dateTime and xsd:date
 * literals ending in [+-]HH:M and one byte are touched: with
 * NG__RASQAL_ZONE_MINUTES the last byte b is replaced by the minutes' unit
 * digit when the unique m in 0..59 with (48 - 9 m) mod 256 == b has m / 10
 * equal to the tens digit written before it; with NG__RASQAL_ZONE_SIGN a
 * final "-00:00" becomes "+00:00" (the sign of a zero offset is lost, and
 * "+00:00" is the form RFC 3339 §4.3 gives a known UTC offset). The length
 * never changes. Returns true when @p lex was changed. */
bool ng__query_repair_zone(const char *datatype, char *lex, unsigned bugs);

#endif
