/* SPDX-License-Identifier: MIT */
/* Binary relation extraction: runs the trigger patterns of triggers.ttl
 * over the sentence views and turns their matches into ng: facts with
 * evidence sentence, confidence and modality. */
#include "relation.h"

#include "gazetteer.h"
#include "lexicon.h"
#include "timex.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void
ng__relation_set_ref_date(struct ng_doc *doc)
{
  if (doc->ref_date[0]) {
    return;
  }
  const char *cands[] = {doc->user_date, doc->meta.date_published};
  for (size_t i = 0; i < ARRAY_LEN(cands); i++) {
    int y, m, d;
    if (cands[i] && ng__timex_parse_iso(cands[i], &y, &m, &d)) {
      memcpy(doc->ref_date, cands[i], 10);
      doc->ref_date[10] = '\0';
      return;
    }
  }
}

/* True if a denied-clause marker ("denied reports that") comes before
 * token @p anchor in its sentence, with no hard barrier or contrast word
 * ("but", "however") between: the trigger is inside the denied clause. */
static bool
denied_clause(const struct ng_lexicon *lex, const struct ng_view *v,
              size_t anchor)
{
  static const char *const contrast[] = {"but", "however", "although",
                                         "though", "while", "whereas"};
  size_t w0 = anchor;
  while (w0 > 0) {
    const struct ng_tok *t = &v->toks[w0 - 1];
    bool stop = ng__tok_is_hard_barrier(t) && t->kind != NG_TOK_QUOTE;
    for (size_t k = 0; k < ARRAY_LEN(contrast) && !stop; k++) {
      stop = t->kind == NG_TOK_WORD && strcmp(t->low, contrast[k]) == 0;
    }
    if (stop) {
      break;
    }
    w0--;
  }
  size_t n;
  size_t at = ng__view_find(v, w0, anchor, &lex->lists[NG_WL_DENIED_CLAUSE],
                            &n);
  return at != NG_NONE && at + n <= anchor;
}

/* True if an intent marker ends just before the trigger, or one word
 * before it ("applied to join", "bid to formally join"): the relation is
 * sought or offered, not stated. */
static bool
intended(const struct ng_lexicon *lex, const struct ng_view *v,
         const struct ng_match *m)
{
  size_t anchor = m->anchor == NG_NONE ? m->first : m->anchor;
  const struct ng_wordlist *wl = &lex->lists[NG_WL_INTENT];
  return ng__view_ends_with(v, anchor, wl) ||
         (anchor > 0 && v->toks[anchor - 1].kind == NG_TOK_WORD &&
          ng__view_ends_with(v, anchor - 1, wl));
}

/* Modality of a match from the markers before its trigger, within its
 * clause (up to 12 tokens back, stopping at a hard barrier or a speech
 * verb), or anywhere earlier in its sentence for a denied-clause
 * marker. */
static enum ng_modality
modality_of(const struct ng_lexicon *lex, const struct ng_view *v,
            const struct ng_match *m)
{
  size_t anchor = m->anchor == NG_NONE ? m->first : m->anchor;
  size_t w0 = anchor;
  while (w0 > 0 && anchor - w0 < 12) {
    const struct ng_tok *t = &v->toks[w0 - 1];
    if (ng__tok_is_hard_barrier(t)) {
      break;
    }
    if (t->kind == NG_TOK_WORD && w0 - 1 < m->first &&
        ng__view_ends_with(v, w0, &lex->lists[NG_WL_SPEECH])) {
      break;
    }
    w0--;
  }
  size_t d0 = anchor >= 3 ? anchor - 3 : 0;
  if (d0 < w0) {
    d0 = w0;
  }
  size_t n;
  size_t at = ng__view_find(v, d0, anchor, &lex->lists[NG_WL_DENIED], &n);
  if (at != NG_NONE && at + n <= anchor) {
    return NG_MOD_DENIED;
  }
  if (denied_clause(lex, v, anchor)) {
    return NG_MOD_DENIED;
  }
  if (ng__view_find(v, w0, anchor, &lex->lists[NG_WL_REPORTED], NULL) !=
      NG_NONE) {
    return NG_MOD_REPORTED;
  }
  if (ng__view_find(v, w0, anchor, &lex->lists[NG_WL_PLANNED], NULL) !=
      NG_NONE) {
    return NG_MOD_PLANNED;
  }
  return NG_MOD_ASSERTED;
}

static ng_status
push(struct ng_relset *set, const struct ng_rmatch *rm)
{
  if (set->n == set->cap) {
    size_t ncap = set->cap ? set->cap * 2 : 64;
    struct ng_rmatch *p = realloc(set->m, ncap * sizeof *p);
    if (!p) {
      return NG_ERR_NOMEM;
    }
    set->m = p;
    set->cap = ncap;
  }
  set->m[set->n++] = *rm;
  return NG_OK;
}

/* Drops from a signing match the parties named after a witness marker
 * ("witnessed by X"). */
static void
drop_witnesses(const struct ng_lexicon *lex, const struct ng_view *v,
               struct ng_match *m)
{
  size_t n;
  size_t w = ng__view_find(v, 0, v->n_toks, &lex->lists[NG_WL_WITNESS], &n);
  if (w == NG_NONE) {
    return;
  }
  size_t *arrs[2] = {m->a, m->b};
  size_t *toks[2] = {m->a_tok, m->b_tok};
  size_t *ns[2] = {&m->n_a, &m->n_b};
  for (int r = 0; r < 2; r++) {
    size_t k = 0;
    for (size_t i = 0; i < *ns[r]; i++) {
      if (toks[r][i] > w && m->anchor != NG_NONE && w > m->anchor) {
        continue;
      }
      arrs[r][k] = arrs[r][i];
      toks[r][k] = toks[r][i];
      k++;
    }
    *ns[r] = k;
  }
}

ng_status
ng__relation_find(ng_world *world, const struct ng_doc *doc,
                  struct ng_relset *out)
{
  ng_status st;
  memset(out, 0, sizeof *out);
  if (!world->lex) {
    TRY(st, ng__world_load_lexicons(world));
  }
  const struct ng_lexicon *lex = world->lex;
  TRY(st, ng__views_build(doc, lex, &out->views));
  if (doc->dateline != NG_NONE && doc->dateline < doc->n_entities) {
    size_t city = ng__doc_resolve(doc, doc->dateline);
    const char *c = city != NG_NONE &&
                            doc->entities[city].type == NG_ETYPE_CITY
                        ? ng__relation_city_country(world, doc, city)
                        : NULL;
    size_t home = c ? ng__doc_find_entity(doc, NG_ETYPE_COUNTRY, c) : NG_NONE;
    if (home != NG_NONE && doc->entities[home].n_mentions > 0) {
      out->views.home = home;
    }
  }
  struct ng_match found[32];
  for (size_t vi = 0; vi < out->views.n; vi++) {
    const struct ng_view *v = &out->views.v[vi];
    for (size_t r = 0; r < lex->n_rules; r++) {
      const struct ng_rule *rule = &lex->rules[r];
      size_t n = ng__pattern_match(doc, lex, &out->views, vi, rule, found,
                                   ARRAY_LEN(found));
      for (size_t i = 0; i < n; i++) {
        struct ng_rmatch rm;
        rm.m = found[i];
        if (rule->rel == NG_REL_SIGNS_AGREEMENT_WITH) {
          /* a person standing for a company next to one that could not
           * be mapped is not a party we can name */
          if (rm.m.coerced && rm.m.uncoerced) {
            continue;
          }
          drop_witnesses(lex, v, &rm.m);
        }
        if (intended(lex, v, &rm.m)) {
          continue;
        }
        rm.modality = modality_of(lex, v, &rm.m);
        double c = rule->confidence;
        if (rm.m.weak) {
          c *= 0.85;
        }
        if (rm.modality == NG_MOD_REPORTED) {
          c *= 0.8;
        }
        size_t a = rm.m.anchor == NG_NONE ? rm.m.first : rm.m.anchor;
        if (v->toks[a].quoted) {
          c *= 0.8;
        }
        rm.confidence = c;
        st = push(out, &rm);
        if (st != NG_OK) {
          ng__relation_clear(out);
          return st;
        }
      }
    }
  }
  return NG_OK;
}

void
ng__relation_clear(struct ng_relset *set)
{
  ng__views_clear(&set->views);
  free(set->m);
  memset(set, 0, sizeof *set);
}

const char *
ng__relation_city_country(ng_world *world, const struct ng_doc *doc,
                          size_t city)
{
  for (size_t i = 0; i < doc->n_facts; i++) {
    const struct ng_fact *f = &doc->facts[i];
    if (f->rel == NG_REL_LOCATED_IN && f->modality != NG_MOD_DENIED &&
        ng__doc_resolve(doc, f->subject) == city) {
      size_t o = ng__doc_resolve(doc, f->object);
      if (o != NG_NONE && doc->entities[o].type == NG_ETYPE_COUNTRY) {
        return doc->entities[o].label;
      }
    }
  }
  const struct ng_gazetteer *gaz = world->gaz;
  if (!gaz) {
    return NULL;
  }
  const char *label = doc->entities[city].label;
  size_t e = ng__gazetteer_find_entry(gaz, doc->entities[city].type, false,
                                      label, strlen(label));
  if (e == NG_NONE) {
    return NULL;
  }
  size_t c = ng__gazetteer_country_of(gaz, e);
  const struct ng_gaz_entry *ce = ng__gazetteer_entry(gaz, c);
  if (!ce || c == e) {
    const struct ng_gaz_entry *ent = ng__gazetteer_entry(gaz, e);
    ce = ent ? ng__gazetteer_entry(gaz, ent->capital_of) : NULL;
  }
  return ce ? ce->label : NULL;
}

/* True if the mention at byte @p begin is a place of action: preceded
 * by "in", "at", "to", "from", "near" (and an optional "the"). */
static bool
locative(const struct ng_doc *doc, size_t begin)
{
  static const char *const preps[] = {"in", "at", "to", "from", "near",
                                      "outside", "inside"};
  size_t i = begin;
  for (int word = 0; word < 2; word++) {
    while (i > 0 && doc->text[i - 1] == ' ') {
      i--;
    }
    size_t e = i;
    while (i > 0 && ((doc->text[i - 1] >= 'a' && doc->text[i - 1] <= 'z') ||
                     (doc->text[i - 1] >= 'A' && doc->text[i - 1] <= 'Z'))) {
      i--;
    }
    size_t n = e - i;
    if (n == 3 && strncasecmp(doc->text + i, "the", 3) == 0 && word == 0) {
      continue;
    }
    for (size_t k = 0; k < ARRAY_LEN(preps); k++) {
      if (strlen(preps[k]) == n && strncasecmp(doc->text + i, preps[k], n) ==
                                       0) {
        return true;
      }
    }
    return false;
  }
  return false;
}

/* ng:locatedIn for capitals: a city named in the body (not only in the
 * dateline) as a place ("in Jakarta") that the gazetteer makes the
 * capital of a country the article also names. */
static ng_status
add_capitals(ng_world *world, struct ng_doc *doc)
{
  ng_status st;
  const struct ng_gazetteer *gaz = world->gaz;
  if (!gaz) {
    return NG_OK;
  }
  size_t head = ng__doc_dateline_end(doc);
  for (size_t c = 0; c < doc->n_entities; c++) {
    const struct ng_entity *ce = &doc->entities[c];
    if (ce->merged || ce->type != NG_ETYPE_CITY) {
      continue;
    }
    size_t sent = NG_NONE;
    for (size_t m = 0; m < doc->n_mentions && sent == NG_NONE; m++) {
      if (ng__doc_resolve(doc, doc->mentions[m].entity) == c &&
          doc->mentions[m].begin > head &&
          doc->mentions[m].kind == NG_MENTION_NAME &&
          locative(doc, doc->mentions[m].begin)) {
        sent = doc->mentions[m].sentence;
      }
    }
    if (sent == NG_NONE) {
      continue;
    }
    size_t e = ng__gazetteer_find_entry(gaz, NG_ETYPE_CITY, false, ce->label,
                                        strlen(ce->label));
    const struct ng_gaz_entry *ge = ng__gazetteer_entry(gaz, e);
    const struct ng_gaz_entry *cty = ge ? ng__gazetteer_entry(gaz,
                                                              ge->capital_of)
                                        : NULL;
    if (!cty) {
      continue;
    }
    size_t country = ng__doc_find_entity(doc, NG_ETYPE_COUNTRY, cty->label);
    if (country == NG_NONE || doc->entities[country].n_mentions == 0) {
      continue;
    }
    struct ng_fact f = {NG_REL_LOCATED_IN, c, country, sent, 0.6,
                        NG_MOD_ASSERTED};
    TRY(st, ng__doc_add_fact(doc, &f));
  }
  return NG_OK;
}

ng_status
ng__relation_run(ng_world *world, struct ng_doc *doc)
{
  ng_status st;
  struct ng_relset set;
  ng__relation_set_ref_date(doc);
  TRY(st, ng__relation_find(world, doc, &set));
  for (size_t i = 0; i < set.n; i++) {
    const struct ng_rmatch *rm = &set.m[i];
    const struct ng_view *v = &set.views.v[rm->m.view];
    for (size_t a = 0; a < rm->m.n_a; a++) {
      for (size_t b = 0; b < rm->m.n_b; b++) {
        struct ng_fact f;
        if (rm->m.a[a] == rm->m.b[b]) {
          continue; /* a group phrase binds every member to both slots */
        }
        f.rel = rm->m.rule->rel;
        f.subject = rm->m.a[a];
        f.object = rm->m.b[b];
        f.sentence = v->sentence;
        f.confidence = rm->confidence;
        f.modality = rm->modality;
        TRY_DONE(st, ng__doc_add_fact(doc, &f));
      }
    }
  }
  TRY_DONE(st, add_capitals(world, doc));
done:
  ng__relation_clear(&set);
  return st;
}
