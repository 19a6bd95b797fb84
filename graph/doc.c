/* SPDX-License-Identifier: MIT */
/* struct ng_doc lifecycle, the record adders every stage uses, and the
 * extraction pipeline order. Knows nothing of HTML or RDF. */
#include "doc.h"

#include "coref.h"
#include "event.h"
#include "link.h"
#include "ner.h"
#include "relation.h"
#include "segment.h"
#include "utf8.h"
#include "world.h"

#include <stdlib.h>
#include <string.h>

struct ng_doc *
ng__doc_new(const char *name)
{
  struct ng_doc *doc = calloc(1, sizeof *doc);
  if (!doc) {
    return NULL;
  }
  doc->name = strdup(name ? name : "-");
  if (!doc->name) {
    free(doc);
    return NULL;
  }
  doc->dateline = NG_NONE;
  doc->publisher = NG_NONE;
  return doc;
}

ng_status
ng__doc_set_str(char **field, const char *s, size_t len)
{
  char *copy = malloc(len + 1);
  if (!copy) {
    return NG_ERR_NOMEM;
  }
  memcpy(copy, s, len);
  copy[len] = '\0';
  free(*field);
  *field = copy;
  return NG_OK;
}

/* Grows an array of @p elem-byte records to hold one more. */
static ng_status
grow(void **arr, size_t *cap, size_t n, size_t elem)
{
  if (n < *cap) {
    return NG_OK;
  }
  size_t ncap = *cap ? *cap * 2 : 16;
  if (ncap > SIZE_MAX / elem) {
    return NG_ERR_NOMEM;
  }
  void *p = realloc(*arr, ncap * elem);
  if (!p) {
    return NG_ERR_NOMEM;
  }
  *arr = p;
  *cap = ncap;
  return NG_OK;
}

ng_status
ng__doc_add_sentence(struct ng_doc *doc, size_t begin, size_t end)
{
  ng_status st;
  TRY(st, grow((void **)&doc->sentences, &doc->cap_sentences,
               doc->n_sentences, sizeof *doc->sentences));
  struct ng_sentence *s = &doc->sentences[doc->n_sentences];
  /* Count code points incrementally from the previous sentence so the
   * whole text is scanned once, not once per sentence. */
  size_t from = 0, cp_from = 0;
  if (doc->n_sentences > 0) {
    from = doc->sentences[doc->n_sentences - 1].end;
    cp_from = doc->sentences[doc->n_sentences - 1].cp_end;
  }
  if (begin < from) {
    from = 0;
    cp_from = 0;
  }
  s->begin = begin;
  s->end = end;
  s->cp_begin = cp_from + ng__utf8_cp_count(doc->text + from, begin - from);
  s->cp_end = s->cp_begin + ng__utf8_cp_count(doc->text + begin, end - begin);
  doc->n_sentences++;
  return NG_OK;
}

size_t
ng__doc_sentence_at(const struct ng_doc *doc, size_t off)
{
  size_t lo = 0, hi = doc->n_sentences;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const struct ng_sentence *s = &doc->sentences[mid];
    if (off < s->begin) {
      hi = mid;
    } else if (off >= s->end) {
      lo = mid + 1;
    } else {
      return mid;
    }
  }
  return NG_NONE;
}

ng_status
ng__doc_add_entity(struct ng_doc *doc, enum ng_etype type, const char *label,
                   size_t *idx)
{
  ng_status st;
  if (doc->n_entities >= NG_DOC_MAX_ENTITIES) {
    doc->n_refused_entities++;
    return NG_ERR_TOO_LARGE;
  }
  TRY(st, grow((void **)&doc->entities, &doc->cap_entities, doc->n_entities,
               sizeof *doc->entities));
  struct ng_entity *e = &doc->entities[doc->n_entities];
  memset(e, 0, sizeof *e);
  e->label = strdup(label);
  if (!e->label) {
    return NG_ERR_NOMEM;
  }
  e->type = type;
  e->merged_into = NG_NONE;
  *idx = doc->n_entities++;
  return NG_OK;
}

size_t
ng__doc_find_entity(const struct ng_doc *doc, enum ng_etype type,
                    const char *label)
{
  for (size_t i = 0; i < doc->n_entities; i++) {
    const struct ng_entity *e = &doc->entities[i];
    if (!e->merged && e->type == type && strcmp(e->label, label) == 0) {
      return i;
    }
  }
  return NG_NONE;
}

ng_status
ng__doc_add_alt_label(struct ng_doc *doc, size_t ent, const char *alt,
                      size_t len)
{
  struct ng_entity *e = &doc->entities[ent];
  if (strlen(e->label) == len && memcmp(e->label, alt, len) == 0) {
    return NG_OK;
  }
  for (size_t i = 0; i < e->n_alt_labels; i++) {
    if (strlen(e->alt_labels[i]) == len &&
        memcmp(e->alt_labels[i], alt, len) == 0) {
      return NG_OK;
    }
  }
  char **p = realloc(e->alt_labels, (e->n_alt_labels + 1) * sizeof *p);
  if (!p) {
    return NG_ERR_NOMEM;
  }
  e->alt_labels = p;
  p[e->n_alt_labels] = NULL;
  ng_status st = ng__doc_set_str(&p[e->n_alt_labels], alt, len);
  if (st == NG_OK) {
    e->n_alt_labels++;
  }
  return st;
}

ng_status
ng__doc_add_mention(struct ng_doc *doc, size_t begin, size_t end, size_t ent,
                    enum ng_mention_kind kind)
{
  ng_status st;
  TRY(st, grow((void **)&doc->mentions, &doc->cap_mentions, doc->n_mentions,
               sizeof *doc->mentions));
  struct ng_mention *m = &doc->mentions[doc->n_mentions++];
  m->begin = begin;
  m->end = end;
  m->entity = ent;
  m->sentence = ng__doc_sentence_at(doc, begin);
  m->kind = kind;
  doc->entities[ent].n_mentions++;
  return NG_OK;
}

size_t
ng__doc_resolve(const struct ng_doc *doc, size_t ent)
{
  size_t hops = 0;
  while (ent != NG_NONE && ent < doc->n_entities &&
         doc->entities[ent].merged && hops++ < doc->n_entities) {
    ent = doc->entities[ent].merged_into;
  }
  return ent;
}

size_t
ng__doc_dateline_end(const struct ng_doc *doc)
{
  /* A dateline ends at its dash within the first 120 bytes: an em or en
   * dash (U+2014, U+2013) or "--". */
  size_t lim = doc->text_len < 120 ? doc->text_len : 120;
  for (size_t i = 0; i + 1 < lim; i++) {
    const unsigned char *s = (const unsigned char *)doc->text + i;
    if ((s[0] == 0xE2 && i + 2 < lim && s[1] == 0x80 &&
         (s[2] == 0x94 || s[2] == 0x93)) ||
        (s[0] == '-' && s[1] == '-')) {
      return i;
    }
  }
  return 0;
}

bool
ng__rel_is_symmetric(enum ng_rel rel)
{
  switch (rel) {
  case NG_REL_MEETS:
  case NG_REL_COOPERATES_WITH:
  case NG_REL_TRADING_PARTNER_OF:
  case NG_REL_SIGNS_AGREEMENT_WITH:
    return true;
  case NG_REL_VISITS:
  case NG_REL_HOSTS:
  case NG_REL_HEAD_OF_STATE_OF:
  case NG_REL_HEAD_OF_GOVERNMENT_OF:
  case NG_REL_MINISTER_OF:
  case NG_REL_LEADER_OF:
  case NG_REL_MEMBER_OF:
  case NG_REL_PARTNER_OF:
  case NG_REL_CHAIRS:
  case NG_REL_INVITES:
  case NG_REL_LOCATED_IN:
  case NG_REL_COUNT:
    return false;
  }
  return false;
}

ng_status
ng__doc_add_fact(struct ng_doc *doc, const struct ng_fact *fact)
{
  if (fact->subject == fact->object) {
    return NG_OK; /* a relation of an entity with itself is never stated */
  }
  for (size_t i = 0; i < doc->n_facts; i++) {
    struct ng_fact *f = &doc->facts[i];
    if (f->rel != fact->rel || f->modality != fact->modality) {
      continue;
    }
    bool same = f->subject == fact->subject && f->object == fact->object;
    bool flipped = ng__rel_is_symmetric(f->rel) &&
                   f->subject == fact->object && f->object == fact->subject;
    if (same || flipped) {
      if (fact->confidence > f->confidence) {
        f->confidence = fact->confidence;
        f->sentence = fact->sentence;
      }
      return NG_OK;
    }
  }
  if (doc->n_facts >= NG_DOC_MAX_FACTS) {
    doc->n_refused_facts++;
    return NG_OK;
  }
  ng_status st;
  TRY(st, grow((void **)&doc->facts, &doc->cap_facts, doc->n_facts,
               sizeof *doc->facts));
  doc->facts[doc->n_facts++] = *fact;
  return NG_OK;
}

static int
cmp_size(const void *a, const void *b)
{
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

static void
event_clear(struct ng_event *ev)
{
  free(ev->parties);
  free(ev->text);
  free(ev->value);
  ev->parties = NULL;
  ev->text = NULL;
  ev->value = NULL;
}

ng_status
ng__doc_take_event(struct ng_doc *doc, struct ng_event *ev)
{
  ng_status st = grow((void **)&doc->events, &doc->cap_events, doc->n_events,
                      sizeof *doc->events);
  if (st != NG_OK) {
    event_clear(ev);
    return st;
  }
  doc->events[doc->n_events++] = *ev;
  ev->parties = NULL;
  ev->text = NULL;
  ev->value = NULL;
  return NG_OK;
}

void
ng__meta_clear(struct ng_meta *m)
{
  free(m->headline);
  free(m->date_published);
  free(m->date_modified);
  free(m->publisher);
  free(m->site_name);
  for (size_t i = 0; i < m->n_authors; i++) {
    free(m->authors[i]);
  }
  free(m->authors);
  free(m->language);
  free(m->canonical_url);
  free(m->description);
  memset(m, 0, sizeof *m);
}

/* Frees what extraction added to @p doc (sentences, entities, mentions,
 * facts, events, kept relation matches) and empties those arrays, so that
 * the pipeline can run again on the same doc. */
static void
extraction_clear(struct ng_doc *doc)
{
  if (doc->relset) {
    /* matches kept by ng__relation_run() that no event stage took */
    ng__relation_clear(doc->relset);
    free(doc->relset);
    doc->relset = NULL;
  }
  free(doc->toks);
  free(doc->tok_first);
  free(doc->tok_bounds);
  doc->toks = NULL;
  doc->tok_first = doc->tok_bounds = NULL;
  doc->n_tok_sents = 0;
  free(doc->sentences);
  for (size_t i = 0; i < doc->n_entities; i++) {
    struct ng_entity *e = &doc->entities[i];
    free(e->label);
    for (size_t k = 0; k < e->n_alt_labels; k++) {
      free(e->alt_labels[k]);
    }
    free(e->alt_labels);
    free(e->qid);
    free(e->honorific);
  }
  free(doc->entities);
  free(doc->mentions);
  free(doc->facts);
  for (size_t i = 0; i < doc->n_events; i++) {
    event_clear(&doc->events[i]);
  }
  free(doc->events);
  doc->sentences = NULL;
  doc->n_sentences = doc->cap_sentences = 0;
  doc->entities = NULL;
  doc->n_entities = doc->cap_entities = 0;
  doc->mentions = NULL;
  doc->n_mentions = doc->cap_mentions = 0;
  doc->facts = NULL;
  doc->n_facts = doc->cap_facts = 0;
  doc->events = NULL;
  doc->n_events = doc->cap_events = 0;
  doc->dateline = NG_NONE;
  doc->publisher = NG_NONE;
}

void
ng_doc_free(ng_doc *doc)
{
  if (!doc) {
    return;
  }
  free(doc->name);
  free(doc->raw);
  free(doc->content_type);
  free(doc->final_url);
  free(doc->requested_url);
  free(doc->etag);
  free(doc->last_modified);
  free(doc->user_url);
  free(doc->user_date);
  ng__meta_clear(&doc->meta);
  free(doc->text);
  free(doc->iri);
  extraction_clear(doc);
  free(doc);
}

const char *
ng_doc_get_text(const ng_doc *doc)
{
  return doc ? doc->text : NULL;
}

const char *
ng_doc_get_iri(const ng_doc *doc)
{
  return doc ? doc->iri : NULL;
}

/* Runs the extraction stages on @p doc in ARCHITECTURE.md's order:
 * segment → ner → coref → link → relation (with timex/money) → event. */
static ng_status
run_pipeline(ng_world *world, struct ng_doc *doc)
{
  ng_status st;
  TRY(st, ng__segment_run(world, doc));
  TRY(st, ng__ner_run(world, doc));
  TRY(st, ng__coref_run(world, doc));
  TRY(st, ng__link_run(world, doc));
  TRY(st, ng__relation_run(world, doc));
  return ng__event_run(world, doc);
}

/* After a run stopped at NG_DOC_MAX_ENTITIES: the byte offset where the
 * sentence begins that holds the first mention of the entity that comes
 * last among the first NG_DOC_MAX_ENTITIES - 1 entities in text order, or
 * 0 when there is none. Keeping the text before it keeps fewer entities
 * than the cap. */
static size_t
entity_cut(const struct ng_doc *doc)
{
  /* first[e]: the offset of entity e's first mention, SIZE_MAX if none */
  size_t *first = malloc((doc->n_entities + 1) * sizeof *first);
  if (!first) {
    return 0;
  }
  for (size_t e = 0; e < doc->n_entities; e++) {
    first[e] = SIZE_MAX;
  }
  for (size_t i = 0; i < doc->n_mentions; i++) {
    const struct ng_mention *m = &doc->mentions[i];
    if (m->entity < doc->n_entities && m->begin < first[m->entity]) {
      first[m->entity] = m->begin;
    }
  }
  /* the offsets, sorted: the (cap - 1)th is where the cut goes */
  size_t n = 0;
  for (size_t e = 0; e < doc->n_entities; e++) {
    if (first[e] != SIZE_MAX) {
      first[n++] = first[e];
    }
  }
  qsort(first, n, sizeof *first, cmp_size);
  size_t at = n >= NG_DOC_MAX_ENTITIES - 1 ? first[NG_DOC_MAX_ENTITIES - 2]
                                           : (n ? first[n - 1] : 0);
  free(first);
  size_t s = ng__doc_sentence_at(doc, at);
  return s == NG_NONE ? at : doc->sentences[s].begin;
}

ng_status
ng_doc_extract(ng_world *world, ng_doc *doc)
{
  ng_status st;
  if (!world || !doc) {
    return NG_ERR_ARG;
  }
  if (doc->extracted) {
    return NG_OK;
  }
  TRY(st, ng_doc_parse(world, doc));
  TRY(st, ng__world_load_lexicons(world));
  /* A page of invented names can reach NG_DOC_MAX_ENTITIES: extraction
   * then keeps the text before the sentence holding the first mention of
   * the entity over the cap, and runs again (a few times at most, since
   * each run cuts the text shorter). */
  size_t full_len = doc->text_len;
  for (int tries = 0;; tries++) {
    st = run_pipeline(world, doc);
    if (st != NG_ERR_TOO_LARGE || doc->n_refused_entities == 0 || tries == 4) {
      break;
    }
    size_t cut = entity_cut(doc);
    extraction_clear(doc);
    doc->n_refused_entities = 0;
    doc->n_refused_facts = 0;
    if (cut == 0 || cut >= doc->text_len) {
      break;
    }
    doc->text_len = cut;
    doc->text[cut] = '\0';
  }
  if (st == NG_ERR_TOO_LARGE && doc->n_refused_entities > 0) {
    return ng__errorf(world, st, "%s has more than %d entities", doc->name,
                      NG_DOC_MAX_ENTITIES);
  }
  TRY(st, st);
  if (doc->text_len < full_len) {
    ng__warnf(world, "%s: more than %d entities: extracted from the first "
              "%zu of %zu bytes of its text", doc->name, NG_DOC_MAX_ENTITIES,
              doc->text_len, full_len);
  }
  if (doc->n_refused_facts > 0) {
    ng__warnf(world, "%s: more than %d facts: %zu more dropped", doc->name,
              NG_DOC_MAX_FACTS, doc->n_refused_facts);
  }
  doc->extracted = true;
  return NG_OK;
}
