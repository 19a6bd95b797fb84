/* SPDX-License-Identifier: MIT */
/* Binary relation extraction (ng:meets, ng:visits, ...) with evidence
 * sentence, confidence and modality; the trigger lexicon's loading. */
#ifndef NG_RELATION_H
#define NG_RELATION_H

#include "doc.h"
#include "pattern.h"
#include "world.h"

struct ng_lexicon;

/* Loads the trigger lexicon (triggers.ttl) from the folder @p dir into a
 * new *out (free with ng__lexicon_free). Errors: NG_ERR_IO (file missing),
 * NG_ERR_RDF (not Turtle), NG_ERR_PARSE (a bad pattern, named in the
 * message), NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__lexicon_load(ng_world *world, const char *dir,
                                        struct ng_lexicon **out);

/* Frees @p lex (NULL is a no-op). */
void ng__lexicon_free(struct ng_lexicon *lex);

/* A pattern match with its modality and confidence. */
struct ng_rmatch {
  struct ng_match m;
  enum ng_modality modality;
  double confidence;
};

/* Every trigger match of a doc, with the views they refer to. */
struct ng_relset {
  struct ng_views views;
  struct ng_rmatch *m; /* owned */
  size_t n, cap;
  size_t *first;       /* views.n + 1 entries: the matches of view vi are
                        * m[first[vi]] up to m[first[vi + 1]] (they are
                        * stored in view order); owned, NULL when there
                        * are no views */
  bool home_read;      /* the dateline city's country was read ... */
  size_t home_city;    /* ... for this (resolved) city entity ... */
  char *home_country;  /* ... and was this label (owned), or NULL */
};

/* Sets doc->ref_date when empty: doc->user_date, else the date part of
 * doc->meta.date_published, else "" (relative dates stay unresolved). */
void ng__relation_set_ref_date(struct ng_doc *doc);

/* Runs every pattern of the world's lexicon over every sentence of @p doc
 * and stores the matches, with modality (VOCABULARY.md "Evidence and
 * confidence": Planned, Reported, Denied markers of triggers.ttl before
 * the trigger in its clause; cancelled markers just before it; denied
 * tail markers just after the match; unnamed-source markers anywhere in
 * the sentence) and confidence, in @p out (free with
 * ng__relation_clear). Drops matches that state no fact: a sought
 * relation (intent markers), a condition or possibility (hypothetical
 * markers: "If X joins", "X could become"), an active-voice rule on a
 * passive trigger ("X was hosted by Y"), and a membership whose
 * organisation only modifies another noun ("the BRICS partner
 * programme"). Loads the lexicons if needed. Errors: NG_ERR_NOMEM, and
 * the lexicon's loading errors. */
NG_NODISCARD ng_status ng__relation_find(ng_world *world,
                                         const struct ng_doc *doc,
                                         struct ng_relset *out);

/* Frees what ng__relation_find() stored (a zeroed set is fine). */
void ng__relation_clear(struct ng_relset *set);

/* The canonical label of the country a city lies in according to the
 * doc's locatedIn facts or the gazetteer (capital or located-in), or
 * NULL (borrowed from the doc or the gazetteer). */
const char *ng__relation_city_country(ng_world *world,
                                      const struct ng_doc *doc, size_t city);

/* Adds doc->facts from the trigger matches (each with its evidence
 * sentence, confidence and modality; denied ones are kept with
 * NG_MOD_DENIED and never written as plain triples), plus ng:locatedIn
 * for a city the body names that the gazetteer makes the capital of a
 * country the article also names. Sets doc->ref_date first (see
 * ng__relation_set_ref_date). Keeps the matches in doc->relset for
 * ng__event_run() when the facts it added (no office, no locatedIn) leave
 * them unchanged, so they are searched once per doc; the next
 * ng__relation_run() or ng__event_run() frees them. Errors:
 * NG_ERR_NOMEM and the lexicon's loading errors. */
NG_NODISCARD ng_status ng__relation_run(ng_world *world, struct ng_doc *doc);
#endif
