/* SPDX-License-Identifier: MIT */
/* Test helper for the relations stage: builds a doc by hand from a marked
 * up text, as the entity stages would leave it. Markup: [surface|T],
 * [surface|T|Label] or [surface|T|Label|kind], T one of P (person),
 * C (country), Y (city), L (place), O (organization), I (international
 * organization), G (government body), K (company); kind one of name,
 * partial, pron, dem, desc. Sentences end at . ! ? (and closing quotes)
 * before a space. */
#ifndef NG_REL_DOC_H
#define NG_REL_DOC_H

#include "../test.h"
#include "doc.h"
#include "event.h"
#include "relation.h"
#include "world.h"

#include <stdlib.h>
#include <string.h>

static inline enum ng_etype
rd_type(char c)
{
  switch (c) {
  case 'P': return NG_ETYPE_PERSON;
  case 'C': return NG_ETYPE_COUNTRY;
  case 'Y': return NG_ETYPE_CITY;
  case 'L': return NG_ETYPE_PLACE;
  case 'I': return NG_ETYPE_INTL_ORG;
  case 'G': return NG_ETYPE_GOV_BODY;
  case 'K': return NG_ETYPE_COMPANY;
  default: return NG_ETYPE_ORGANIZATION;
  }
}

static inline enum ng_mention_kind
rd_kind(const char *s, size_t n)
{
  if (n == 4 && memcmp(s, "pron", 4) == 0) {
    return NG_MENTION_PRONOUN;
  }
  if (n == 3 && memcmp(s, "dem", 3) == 0) {
    return NG_MENTION_DEMONYM;
  }
  if (n == 4 && memcmp(s, "desc", 4) == 0) {
    return NG_MENTION_DESCRIPTION;
  }
  if (n == 7 && memcmp(s, "partial", 7) == 0) {
    return NG_MENTION_PARTIAL;
  }
  return NG_MENTION_NAME;
}

struct rd_mark {
  size_t begin, end;
  enum ng_etype type;
  char label[64];
  enum ng_mention_kind kind;
};

/* A doc with text, sentences, entities and mentions from @p markup;
 * ref_date set to @p ref (may be ""). NULL on a markup error. */
static inline struct ng_doc *
rd_doc(const char *markup, const char *ref)
{
  struct ng_doc *doc = ng__doc_new("test");
  size_t len = strlen(markup);
  char *text = malloc(len + 1);
  struct rd_mark marks[64];
  size_t n_marks = 0, o = 0;
  for (size_t i = 0; i < len;) {
    if (markup[i] != '[') {
      text[o++] = markup[i++];
      continue;
    }
    const char *close = strchr(markup + i, ']');
    const char *bar = strchr(markup + i, '|');
    if (!close || !bar || bar > close || n_marks == 64) {
      free(text);
      ng_doc_free(doc);
      return NULL;
    }
    struct rd_mark *m = &marks[n_marks++];
    size_t sl = (size_t)(bar - markup - i - 1);
    m->begin = o;
    memcpy(text + o, markup + i + 1, sl);
    o += sl;
    m->end = o;
    m->type = rd_type(bar[1]);
    const char *lab = bar + 2;
    size_t ll = 0;
    m->kind = NG_MENTION_NAME;
    if (*lab == '|') {
      lab++;
      const char *kb = memchr(lab, '|', (size_t)(close - lab));
      ll = (size_t)((kb ? kb : close) - lab);
      if (kb) {
        m->kind = rd_kind(kb + 1, (size_t)(close - kb - 1));
      }
    }
    if (ll == 0) {
      lab = markup + i + 1;
      ll = sl;
    }
    if (ll >= sizeof m->label) {
      ll = sizeof m->label - 1;
    }
    memcpy(m->label, lab, ll);
    m->label[ll] = '\0';
    i = (size_t)(close - markup) + 1;
  }
  text[o] = '\0';
  if (ng__doc_set_str(&doc->text, text, o) != NG_OK) {
    free(text);
    ng_doc_free(doc);
    return NULL;
  }
  free(text);
  doc->text_len = o;
  const char *t = doc->text;
  size_t start = 0;
  for (size_t i = 0; i < o; i++) {
    if (t[i] != '.' && t[i] != '!' && t[i] != '?') {
      continue;
    }
    size_t j = i + 1;
    while (j < o && (t[j] == '"' || (unsigned char)t[j] == 0xE2)) {
      j += t[j] == '"' ? 1 : 3;
    }
    if (j >= o || t[j] == ' ') {
      if (ng__doc_add_sentence(doc, start, j) != NG_OK) {
        ng_doc_free(doc);
        return NULL;
      }
      start = j + 1;
      i = j;
    }
  }
  if (start < o && ng__doc_add_sentence(doc, start, o) != NG_OK) {
    ng_doc_free(doc);
    return NULL;
  }
  for (size_t k = 0; k < n_marks; k++) {
    size_t e = NG_NONE;
    for (size_t x = 0; x < doc->n_entities; x++) {
      if (strcmp(doc->entities[x].label, marks[k].label) == 0) {
        e = x;
      }
    }
    if (e == NG_NONE &&
        ng__doc_add_entity(doc, marks[k].type, marks[k].label, &e) != NG_OK) {
      ng_doc_free(doc);
      return NULL;
    }
    if (ng__doc_add_mention(doc, marks[k].begin, marks[k].end, e,
                            marks[k].kind) != NG_OK) {
      ng_doc_free(doc);
      return NULL;
    }
  }
  if (ref) {
    size_t rl = strlen(ref) < 10 ? strlen(ref) : 10;
    memcpy(doc->ref_date, ref, rl);
    doc->ref_date[rl] = '\0';
  }
  return doc;
}

static inline size_t
rd_ent(const struct ng_doc *doc, const char *label)
{
  for (size_t x = 0; x < doc->n_entities; x++) {
    if (strcmp(doc->entities[x].label, label) == 0) {
      return x;
    }
  }
  return NG_NONE;
}

/* Adds an office fact (as the entity stages would). */
static inline void
rd_office(struct ng_doc *doc, enum ng_rel rel, const char *person,
          const char *org)
{
  struct ng_fact f = {rel, rd_ent(doc, person), rd_ent(doc, org), 0, 0.9,
                      NG_MOD_ASSERTED};
  if (f.subject != NG_NONE && f.object != NG_NONE &&
      ng__doc_add_fact(doc, &f) != NG_OK) {
    doc->n_facts = doc->n_facts; /* out of memory: the test will fail */
  }
}

/* The fact (rel, a, b) in either direction for symmetric relations, or
 * NULL. */
static inline const struct ng_fact *
rd_fact(const struct ng_doc *doc, enum ng_rel rel, const char *a,
        const char *b)
{
  size_t x = rd_ent(doc, a), y = rd_ent(doc, b);
  for (size_t i = 0; i < doc->n_facts; i++) {
    const struct ng_fact *f = &doc->facts[i];
    if (f->rel != rel) {
      continue;
    }
    if ((f->subject == x && f->object == y) ||
        (ng__rel_is_symmetric(rel) && f->subject == y && f->object == x)) {
      return f;
    }
  }
  return NULL;
}

static inline size_t
rd_count_facts(const struct ng_doc *doc, enum ng_rel rel)
{
  size_t n = 0;
  for (size_t i = 0; i < doc->n_facts; i++) {
    n += doc->facts[i].rel == rel;
  }
  return n;
}

/* The @p k-th event of @p kind, or NULL. */
static inline const struct ng_event *
rd_event(const struct ng_doc *doc, enum ng_event_kind kind, size_t k)
{
  for (size_t i = 0; i < doc->n_events; i++) {
    if (doc->events[i].kind == kind && k-- == 0) {
      return &doc->events[i];
    }
  }
  return NULL;
}

static inline size_t
rd_count_events(const struct ng_doc *doc, enum ng_event_kind kind)
{
  size_t n = 0;
  for (size_t i = 0; i < doc->n_events; i++) {
    n += doc->events[i].kind == kind;
  }
  return n;
}

static inline bool
rd_has_party(const struct ng_doc *doc, const struct ng_event *ev,
             const char *label)
{
  size_t x = rd_ent(doc, label);
  for (size_t i = 0; ev && i < ev->n_parties; i++) {
    if (ev->parties[i] == x) {
      return true;
    }
  }
  return false;
}

static inline const char *
rd_label(const struct ng_doc *doc, size_t e)
{
  return e < doc->n_entities ? doc->entities[e].label : "(none)";
}

/* Runs the relations and events stages. */
static inline ng_status
rd_run(ng_world *world, struct ng_doc *doc)
{
  ng_status st = ng__relation_run(world, doc);
  return st != NG_OK ? st : ng__event_run(world, doc);
}

/* The world of the test program including this header (set up by main). */
static ng_world *world;

/* Builds, runs and returns a doc (checks that both steps work). */
static inline struct ng_doc *
run(const char *markup, const char *ref)
{
  struct ng_doc *doc = rd_doc(markup, ref);
  CHECK(doc != NULL);
  if (doc) {
    CHECK_OK(rd_run(world, doc));
  }
  return doc;
}

#endif
