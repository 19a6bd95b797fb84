/* SPDX-License-Identifier: MIT */
/* n-ary event extraction: Visit, Meeting and Signing nodes built from the
 * trigger matches of relation.c plus the dates around them; Quotation
 * nodes from quotation marks and their attribution; TradeFigure nodes
 * from amounts of money in trade sentences. */
#include "event.h"

#include "gazetteer.h"
#include "lexicon.h"
#include "money.h"
#include "pattern.h"
#include "relation.h"
#include "timex.h"
#include "utf8.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TIMEX 16
/* Fewest letters in a quotation's text (issue 7: no "." quotation). */
#define MIN_QUOTE_LETTERS 3

/* What event extraction works on. */
struct ctx {
  ng_world *world;
  struct ng_doc *doc;
  const struct ng_lexicon *lex;
  struct ng_relset set;
  struct ng_timex (*tx)[MAX_TIMEX]; /* per sentence, absolute offsets */
  size_t *n_tx;                      /* per sentence */
  size_t head;                       /* end of the dateline */
  char anchor_date[11];              /* the article's main day, or "" */
  size_t *figs;                      /* trade_figures(): hash set of the
                                      * figures added, event index + 1 or
                                      * 0 (owned) */
  size_t n_figs_slots, n_figs;
  struct ng_qspan *q;                /* quotations(): quotation spans with
                                      * nested marks kept inside (owned) */
  size_t n_q;
};

/* ---- helpers ---- */

static const struct ng_view *
view_of(const struct ctx *cx, size_t vi)
{
  return &cx->set.views.v[vi];
}

/* The matches of view @p vi are among cx->set.m[*lo] up to
 * cx->set.m[*hi] (all of them when the set has no per-view index). */
static void
view_matches(const struct ctx *cx, size_t vi, size_t *lo, size_t *hi)
{
  if (cx->set.first && vi < cx->set.views.n) {
    *lo = cx->set.first[vi];
    *hi = cx->set.first[vi + 1];
  } else {
    *lo = 0;
    *hi = cx->set.n;
  }
}

/* First token of @p v beginning at or after byte @p off (n_toks if
 * none). */
static size_t
tok_at(const struct ng_view *v, size_t off)
{
  for (size_t i = 0; i < v->n_toks; i++) {
    if (v->toks[i].begin >= off || v->toks[i].end > off) {
      return i;
    }
  }
  return v->n_toks;
}

static bool
tok_is(const struct ng_tok *t, const char *w)
{
  return (t->kind == NG_TOK_WORD || t->kind == NG_TOK_PUNCT) &&
         strcmp(t->low, w) == 0;
}

static enum ng_etype
etype(const struct ctx *cx, size_t e)
{
  return cx->doc->entities[e].type;
}

static ng_status
compute_timexes(struct ctx *cx)
{
  struct ng_doc *doc = cx->doc;
  /* only the first n_tx[s] entries of tx[s] are ever read: no zeroing */
  cx->tx = malloc((doc->n_sentences ? doc->n_sentences : 1) *
                  sizeof *cx->tx);
  cx->n_tx = calloc(doc->n_sentences ? doc->n_sentences : 1,
                    sizeof *cx->n_tx);
  if (!cx->tx || !cx->n_tx) {
    return NG_ERR_NOMEM;
  }
  for (size_t s = 0; s < doc->n_sentences; s++) {
    const struct ng_sentence *se = &doc->sentences[s];
    struct ng_timex buf[MAX_TIMEX];
    size_t n = ng__timex_scan(doc->text + se->begin, se->end - se->begin,
                              doc->ref_date, buf, MAX_TIMEX);
    if (n > MAX_TIMEX) {
      n = MAX_TIMEX;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
      buf[i].begin += se->begin;
      buf[i].end += se->begin;
      if (buf[i].end <= cx->head) {
        continue; /* the dateline's date is the publication day */
      }
      cx->tx[s][k++] = buf[i];
    }
    cx->n_tx[s] = k;
    /* the article's main day: its first past weekday / today / yesterday */
    for (size_t i = 0; i < k && !cx->anchor_date[0]; i++) {
      if (cx->tx[s][i].kind == NG_TIMEX_DATE && cx->tx[s][i].relative &&
          !cx->tx[s][i].future) {
        memcpy(cx->anchor_date, cx->tx[s][i].value, 11);
      }
    }
  }
  return NG_OK;
}

/* True if a year-only expression before the reference year sits in the
 * match's clause: the event is background (FAULT-CASES.md R05). A year
 * after a reference-year marker ("since 2022") does not count. */
static bool
is_background(const struct ctx *cx, const struct ng_rmatch *rm)
{
  const struct ng_view *v = view_of(cx, rm->m.view);
  size_t s = v->sentence;
  int ref_y = 0, m, d;
  if (!ng__timex_parse_iso(cx->doc->ref_date, &ref_y, &m, &d)) {
    return false;
  }
  /* the trigger's clause: back and forward to a comma or barrier */
  size_t anchor = rm->m.anchor == NG_NONE ? rm->m.first : rm->m.anchor;
  /* "X and Y last met in Z in December": an earlier event, whatever
   * year the month resolves to (R05) */
  if (anchor > 0 && anchor < v->n_toks &&
      (tok_is(&v->toks[anchor - 1], "last") ||
       tok_is(&v->toks[anchor - 1], "previously"))) {
    return true;
  }
  size_t lo = anchor, hi = anchor;
  while (lo > 0 && !tok_is(&v->toks[lo - 1], ",") &&
         !ng__tok_is_hard_barrier(&v->toks[lo - 1])) {
    lo--;
  }
  while (hi + 1 < v->n_toks && !tok_is(&v->toks[hi + 1], ",") &&
         !ng__tok_is_hard_barrier(&v->toks[hi + 1])) {
    hi++;
  }
  /* a "when" clause takes the time of the clause it hangs on ("X last
   * visited Y in 2022, when the two signed Z"), and a short time phrase
   * set off by a comma opens the clause ("In 2019, X visited Y") */
  if (lo > 1 && tok_is(&v->toks[lo - 1], ",")) {
    size_t lo2 = lo - 1;
    while (lo2 > 0 && !tok_is(&v->toks[lo2 - 1], ",") &&
           !ng__tok_is_hard_barrier(&v->toks[lo2 - 1])) {
      lo2--;
    }
    if (tok_is(&v->toks[lo], "when") || lo - 1 - lo2 <= 4) {
      lo = lo2;
    }
  }
  size_t from = v->toks[lo].begin;
  size_t to = v->toks[hi].end;
  for (size_t i = 0; i < cx->n_tx[s]; i++) {
    const struct ng_timex *t = &cx->tx[s][i];
    if (t->begin >= from && t->begin < to && t->year && t->year < ref_y &&
        (t->kind == NG_TIMEX_YEAR || t->kind == NG_TIMEX_MONTH)) {
      /* "the first talks since 2022": a reference point, not the time of
       * the event */
      size_t k = tok_at(v, t->begin);
      if (k > 0 && k <= v->n_toks &&
          ng__view_ends_with(v, k, &cx->lex->lists[NG_WL_REF_YEAR])) {
        continue;
      }
      return true;
    }
  }
  return false;
}

/* The day-level date of the sentence nearest the trigger (after it
 * first), or NULL. */
static const struct ng_timex *
date_near(const struct ctx *cx, size_t s, size_t off)
{
  const struct ng_timex *best = NULL;
  size_t best_d = SIZE_MAX;
  for (size_t i = 0; i < cx->n_tx[s]; i++) {
    const struct ng_timex *t = &cx->tx[s][i];
    if (t->kind != NG_TIMEX_DATE) {
      continue;
    }
    size_t d = t->begin >= off ? t->begin - off : 2 * (off - t->begin);
    if (d < best_d) {
      best = t;
      best_d = d;
    }
  }
  return best;
}

static ng_status
take(struct ng_doc *doc, struct ng_event *ev)
{
  return ng__doc_take_event(doc, ev);
}

static void
event_init(struct ng_event *ev, enum ng_event_kind kind)
{
  memset(ev, 0, sizeof *ev);
  ev->kind = kind;
  ev->agent = ev->destination = ev->location = NG_NONE;
}

/* ---- visits ---- */

struct vrec {
  size_t agent, dest;
  char start[11], end[11];
  int days;
  enum ng_modality mod;
  size_t sentence;
  double conf;
  bool dead;
};

struct vlist {
  struct vrec *r;
  size_t n, cap;
};

static ng_status
vpush(struct vlist *l, const struct vrec *r)
{
  if (l->n == l->cap) {
    size_t ncap = l->cap ? l->cap * 2 : 16;
    struct vrec *p = realloc(l->r, ncap * sizeof *p);
    if (!p) {
      return NG_ERR_NOMEM;
    }
    l->r = p;
    l->cap = ncap;
  }
  l->r[l->n++] = *r;
  return NG_OK;
}

/* "four-day", "3-day": the duration in days stated in the view, or 0. */
static int
duration_days(const struct ng_view *v)
{
  static const char *const words[] = {"", "one", "two", "three", "four",
                                      "five", "six", "seven", "eight", "nine",
                                      "ten", "eleven", "twelve", "thirteen",
                                      "fourteen"};
  for (size_t i = 0; i + 2 < v->n_toks; i++) {
    if (!tok_is(&v->toks[i + 1], "-") || !tok_is(&v->toks[i + 2], "day")) {
      continue;
    }
    const char *w = v->toks[i].low;
    for (int k = 1; k < (int)ARRAY_LEN(words); k++) {
      if (strcmp(w, words[k]) == 0) {
        return k;
      }
    }
    if (w[0] >= '1' && w[0] <= '9' && (w[1] == '\0' || (w[1] >= '0' &&
                                                         w[1] <= '9' &&
                                                         w[2] == '\0'))) {
      return w[1] ? (w[0] - '0') * 10 + (w[1] - '0') : w[0] - '0';
    }
  }
  return 0;
}

/* Reads the visit dates of the sentence of @p rm into @p r. */
static void
visit_dates(const struct ctx *cx, const struct ng_rmatch *rm,
            struct vrec *r)
{
  const struct ng_view *v = view_of(cx, rm->m.view);
  size_t s = v->sentence;
  const struct ng_lexicon *lex = cx->lex;
  size_t anchor = rm->m.anchor == NG_NONE ? rm->m.first : rm->m.anchor;
  bool arrival = ng__view_find(v, anchor, anchor + 1,
                               &lex->lists[NG_WL_VSTART], NULL) != NG_NONE;
  char other[11] = "";
  for (size_t i = 0; i < cx->n_tx[s]; i++) {
    const struct ng_timex *t = &cx->tx[s][i];
    if (t->kind == NG_TIMEX_RANGE) {
      if (!r->start[0]) {
        memcpy(r->start, t->value, 11);
      }
      if (!r->end[0]) {
        memcpy(r->end, t->end_value, 11);
      }
      continue;
    }
    if (t->kind != NG_TIMEX_DATE) {
      continue;
    }
    size_t k = tok_at(v, t->begin);
    /* look past "on", "in", "by" */
    while (k > 0 && (tok_is(&v->toks[k - 1], "on") ||
                     tok_is(&v->toks[k - 1], "by") ||
                     tok_is(&v->toks[k - 1], "at"))) {
      k--;
    }
    if (ng__view_ends_with(v, k, &lex->lists[NG_WL_VEND])) {
      if (!r->end[0]) {
        memcpy(r->end, t->value, 11);
      }
    } else if (ng__view_ends_with(v, k, &lex->lists[NG_WL_VSTART])) {
      if (!r->start[0]) {
        memcpy(r->start, t->value, 11);
      }
    } else if (!other[0]) {
      memcpy(other, t->value, 11);
    }
  }
  if (other[0] && !r->start[0] && (arrival || !r->end[0])) {
    memcpy(r->start, other, 11);
  }
  r->days = duration_days(v);
}

static void
vmerge(struct vrec *into, const struct vrec *from)
{
  if (!into->start[0]) {
    memcpy(into->start, from->start, 11);
  }
  if (!into->end[0]) {
    memcpy(into->end, from->end, 11);
  }
  if (from->days > into->days) {
    into->days = from->days;
  }
  if (into->mod != NG_MOD_ASSERTED && from->mod == NG_MOD_ASSERTED) {
    into->mod = NG_MOD_ASSERTED;
  }
  if (from->conf > into->conf) {
    into->conf = from->conf;
  }
}

static size_t person_country(const struct ctx *cx, size_t p);

/* The country a visit by @p agent to city @p city in view @p v is paid
 * to, when the view calls it a visit to a country ("arrived in Seoul for
 * a four-day state visit", ngl:CountryVisitPhrase) and the article names
 * the city's country, not the agent's own; else NG_NONE. */
static size_t
country_visit(struct ctx *cx, const struct ng_view *v, size_t agent,
              size_t city)
{
  if (etype(cx, city) != NG_ETYPE_CITY ||
      ng__view_find(v, 0, v->n_toks, &cx->lex->lists[NG_WL_COUNTRY_VISIT],
                    NULL) == NG_NONE) {
    return NG_NONE;
  }
  const char *lc = ng__relation_city_country(cx->world, cx->doc, city);
  size_t hc = lc ? ng__doc_find_entity(cx->doc, NG_ETYPE_COUNTRY, lc)
                 : NG_NONE;
  if (hc == NG_NONE || cx->doc->entities[hc].n_mentions == 0 ||
      person_country(cx, agent) == hc) {
    return NG_NONE;
  }
  return hc;
}

static ng_status
collect_visits(struct ctx *cx, struct vlist *vl)
{
  ng_status st;
  for (size_t i = 0; i < cx->set.n; i++) {
    const struct ng_rmatch *rm = &cx->set.m[i];
    if (rm->m.rule->rel != NG_REL_VISITS || rm->modality == NG_MOD_DENIED ||
        is_background(cx, rm)) {
      continue;
    }
    for (size_t a = 0; a < rm->m.n_a; a++) {
      struct vrec r;
      memset(&r, 0, sizeof r);
      r.agent = rm->m.a[a];
      r.dest = NG_NONE;
      r.mod = rm->modality;
      r.sentence = view_of(cx, rm->m.view)->sentence;
      r.conf = rm->confidence;
      visit_dates(cx, rm, &r);
      if (rm->m.n_b == 0) {
        TRY(st, vpush(vl, &r));
      }
      for (size_t b = 0; b < rm->m.n_b; b++) {
        r.dest = rm->m.b[b];
        TRY(st, vpush(vl, &r));
        size_t hc = country_visit(cx, view_of(cx, rm->m.view), r.agent,
                                  r.dest);
        if (hc != NG_NONE) {
          struct vrec cr = r;
          cr.dest = hc;
          TRY(st, vpush(vl, &cr));
          struct ng_fact f = {NG_REL_VISITS, r.agent, hc, r.sentence, r.conf,
                              r.mod};
          TRY(st, ng__doc_add_fact(cx->doc, &f));
        }
      }
    }
  }
  return NG_OK;
}

/* Nouns that refer back to a visit already reported ("The visit runs
 * through Friday", "His trip ends on Thursday"). */
static const char *const visit_nouns[] = {"visit", "trip", "tour", "stay"};

/* Index of the first visit noun of view @p v, or NG_NONE. */
static size_t
visit_noun_at(const struct ng_view *v)
{
  for (size_t k = 0; k < v->n_toks; k++) {
    for (size_t i = 0; i < ARRAY_LEN(visit_nouns); i++) {
      if (tok_is(&v->toks[k], visit_nouns[i]) && !v->toks[k].quoted) {
        return k;
      }
    }
  }
  return NG_NONE;
}

/* "three-day" written just before the visit noun at @p k ("a three-day
 * visit", "the two-day state visit"), in days, or 0. */
static int
noun_duration(const struct ng_view *v, size_t k)
{
  struct ng_view w = *v;
  size_t from = k >= 5 ? k - 5 : 0;
  w.toks = v->toks + from;
  w.n_toks = k - from;
  return duration_days(&w);
}

/* Adds a record without destination for each sentence that refers back
 * to a visit without a visit match of its own and states when it starts
 * or ends ("The visit runs through Friday", "The three-day trip began on
 * Monday", "The visit, from May 13 to 16, ..."): the dates marked by a
 * start or end word (or a range) and a duration before the noun. The
 * visitor is a person the sentence names who has a visit, else the
 * visitor of the nearest visit reported before. attach_destless() then
 * joins it to that visit. */
static ng_status
visit_followups(struct ctx *cx, struct vlist *vl)
{
  ng_status st;
  const struct ng_lexicon *lex = cx->lex;
  size_t n0 = vl->n;
  for (size_t vi = 0; vi < cx->set.views.n; vi++) {
    const struct ng_view *v = view_of(cx, vi);
    size_t s = v->sentence;
    bool has_match = false;
    size_t lo, hi;
    view_matches(cx, vi, &lo, &hi);
    for (size_t i = lo; i < hi && !has_match; i++) {
      has_match = cx->set.m[i].m.view == vi &&
                  cx->set.m[i].m.rule->rel == NG_REL_VISITS;
    }
    size_t noun = has_match ? NG_NONE : visit_noun_at(v);
    if (noun == NG_NONE || s >= cx->doc->n_sentences) {
      continue;
    }
    struct vrec r;
    memset(&r, 0, sizeof r);
    r.dest = NG_NONE;
    r.agent = NG_NONE;
    r.sentence = s;
    r.days = noun_duration(v, noun);
    for (size_t i = 0; i < cx->n_tx[s]; i++) {
      const struct ng_timex *t = &cx->tx[s][i];
      if (t->kind == NG_TIMEX_RANGE) {
        if (!r.start[0]) {
          memcpy(r.start, t->value, 11);
          memcpy(r.end, t->end_value, 11);
        }
        continue;
      }
      if (t->kind != NG_TIMEX_DATE) {
        continue;
      }
      size_t k = tok_at(v, t->begin);
      while (k > 0 && (tok_is(&v->toks[k - 1], "on") ||
                       tok_is(&v->toks[k - 1], "by"))) {
        k--;
      }
      if (ng__view_ends_with(v, k, &lex->lists[NG_WL_VEND])) {
        if (!r.end[0]) {
          memcpy(r.end, t->value, 11);
        }
      } else if (ng__view_ends_with(v, k, &lex->lists[NG_WL_VSTART]) ||
                 (k > 0 && tok_is(&v->toks[k - 1], "starting"))) {
        if (!r.start[0]) {
          memcpy(r.start, t->value, 11);
        }
      }
    }
    if (!r.start[0] && !r.end[0] && r.days == 0) {
      continue;
    }
    /* the visitor: a person named here who has a visit */
    for (size_t k = 0; k < v->n_toks && r.agent == NG_NONE; k++) {
      const struct ng_tok *t = &v->toks[k];
      if (t->kind != NG_TOK_ENT || t->quoted ||
          etype(cx, t->ent) != NG_ETYPE_PERSON) {
        continue;
      }
      for (size_t j = 0; j < n0 && r.agent == NG_NONE; j++) {
        if (!vl->r[j].dead && vl->r[j].agent == t->ent) {
          r.agent = t->ent;
        }
      }
    }
    /* else the visitor of the nearest visit reported before */
    size_t best_s = 0;
    if (r.agent == NG_NONE) {
      bool found = false;
      for (size_t j = 0; j < n0; j++) {
        const struct vrec *o = &vl->r[j];
        if (o->dead || o->sentence > s || o->dest == NG_NONE) {
          continue;
        }
        if (!found || o->sentence > best_s) {
          best_s = o->sentence;
          r.agent = o->agent;
          r.mod = o->mod;
          r.conf = o->conf;
          found = true;
        }
      }
    }
    if (r.agent == NG_NONE) {
      continue;
    }
    r.conf = r.conf > 0 ? r.conf : 0.7;
    TRY(st, vpush(vl, &r));
  }
  return NG_OK;
}

/* Merges visit records: one per (agent, destination); records without a
 * destination join the agent's country visit (else its only one). */
static void
merge_visits(struct vlist *vl)
{
  for (size_t i = 0; i < vl->n; i++) {
    struct vrec *r = &vl->r[i];
    if (r->dead || r->dest == NG_NONE) {
      continue;
    }
    for (size_t k = i + 1; k < vl->n; k++) {
      struct vrec *o = &vl->r[k];
      if (!o->dead && o->agent == r->agent && o->dest == r->dest) {
        vmerge(r, o);
        o->dead = true;
      }
    }
  }
}

static bool
is_country(const struct ctx *cx, size_t e)
{
  return e != NG_NONE && etype(cx, e) == NG_ETYPE_COUNTRY;
}

static void
attach_destless(struct ctx *cx, struct vlist *vl)
{
  for (size_t i = 0; i < vl->n; i++) {
    struct vrec *r = &vl->r[i];
    if (r->dead || r->dest != NG_NONE) {
      continue;
    }
    struct vrec *target = NULL;
    size_t n_dest = 0;
    for (size_t k = 0; k < vl->n; k++) {
      struct vrec *o = &vl->r[k];
      if (o->dead || o->dest == NG_NONE || o->agent != r->agent) {
        continue;
      }
      n_dest++;
      if (!target || (is_country(cx, o->dest) &&
                      !is_country(cx, target->dest))) {
        target = o;
      }
    }
    if (target && (n_dest == 1 || is_country(cx, target->dest))) {
      vmerge(target, r);
    }
    r->dead = true;
  }
}

/* The country of a person: their office, or a demonym written just
 * before one of their mentions ("Indian External Affairs Minister X"). */
static size_t
person_country(const struct ctx *cx, size_t p)
{
  size_t c = ng__doc_office_of(cx->doc, p, NG_TYPE_BIT(NG_ETYPE_COUNTRY));
  if (c != NG_NONE) {
    return c;
  }
  for (size_t vi = 0; vi < cx->set.views.n; vi++) {
    const struct ng_view *v = view_of(cx, vi);
    for (size_t t = 0; t < v->n_toks; t++) {
      if (v->toks[t].kind != NG_TOK_ENT || v->toks[t].ent != p ||
          v->toks[t].mkind != NG_MENTION_NAME) {
        continue;
      }
      for (size_t k = t; k-- > 0 && t - k <= 5;) {
        const struct ng_tok *x = &v->toks[k];
        if (x->kind == NG_TOK_ENT) {
          if (x->mkind == NG_MENTION_DEMONYM && is_country(cx, x->ent)) {
            return x->ent;
          }
          break;
        }
        if (x->kind != NG_TOK_WORD) {
          break;
        }
      }
    }
  }
  return NG_NONE;
}

static void
fill_durations(struct vlist *vl)
{
  for (size_t i = 0; i < vl->n; i++) {
    struct vrec *r = &vl->r[i];
    if (r->dead || r->days <= 0) {
      continue;
    }
    if (r->start[0] && !r->end[0]) {
      (void)ng__timex_add_days(r->start, r->days - 1, r->end);
    } else if (r->end[0] && !r->start[0]) {
      (void)ng__timex_add_days(r->end, -(r->days - 1), r->start);
    }
  }
}

/* Drops the city and place visits inside a country the same agent visits
 * (one trip, one Visit node). */
static void
suppress_inner(struct ctx *cx, struct vlist *vl)
{
  for (size_t i = 0; i < vl->n; i++) {
    struct vrec *r = &vl->r[i];
    if (r->dead || r->dest == NG_NONE || is_country(cx, r->dest)) {
      continue;
    }
    const char *in = ng__relation_city_country(cx->world, cx->doc, r->dest);
    for (size_t k = 0; k < vl->n; k++) {
      const struct vrec *o = &vl->r[k];
      if (o->dead || o->agent != r->agent || !is_country(cx, o->dest)) {
        continue;
      }
      if ((in && strcmp(in, cx->doc->entities[o->dest].label) == 0) ||
          (!in && etype(cx, r->dest) == NG_ETYPE_PLACE)) {
        r->dead = true;
        break;
      }
    }
  }
}

static ng_status
emit_visits(struct ctx *cx, struct vlist *vl)
{
  ng_status st;
  for (size_t i = 0; i < vl->n; i++) {
    const struct vrec *r = &vl->r[i];
    if (r->dead || r->dest == NG_NONE) {
      continue;
    }
    struct ng_event ev;
    event_init(&ev, NG_EV_VISIT);
    ev.agent = r->agent;
    ev.destination = r->dest;
    memcpy(ev.start_date, r->start, 11);
    memcpy(ev.end_date, r->end, 11);
    ev.sentence = r->sentence;
    ev.confidence = r->conf;
    ev.modality = r->mod;
    TRY(st, take(cx->doc, &ev));
  }
  return NG_OK;
}

/* ---- meetings ---- */

struct mrec {
  size_t p[NG_MATCH_MAX * 2];
  size_t n;
  size_t location;
  char date[11];
  enum ng_modality mod;
  size_t sentence;
  double conf;
  bool travel; /* the match that gave the location says the
                * participants met there, not only that they signed
                * together there */
  bool vague;  /* the sentence dates it only by week, month or year */
  char wk_from[11], wk_to[11]; /* a week it took place in, or "" */
  bool dead;   /* merged into another record */
};

/* Reads the sentence's dating of meeting @p r: the day nearest the
 * trigger, else a week ("last week"), and whether the sentence dates it
 * only by week, month or year (then the article's main day must not be
 * given to it: FAULT-CASES.md R05). */
static void
meeting_dates(const struct ctx *cx, size_t s, size_t off, struct mrec *r)
{
  const struct ng_timex *t = date_near(cx, s, off);
  if (t) {
    memcpy(r->date, t->value, 11);
  }
  for (size_t i = 0; i < cx->n_tx[s]; i++) {
    const struct ng_timex *x = &cx->tx[s][i];
    if (x->kind == NG_TIMEX_WEEK && !r->wk_from[0]) {
      memcpy(r->wk_from, x->value, 11);
      memcpy(r->wk_to, x->end_value, 11);
    }
    if (x->kind == NG_TIMEX_WEEK || x->kind == NG_TIMEX_MONTH ||
        x->kind == NG_TIMEX_YEAR) {
      r->vague = true;
    }
  }
}

/* True if two reports of a meeting of the same people cannot be one
 * meeting (FAULT-CASES.md R04 and its converse): different days, a day
 * outside the other's week, or different cities. */
static bool
meetings_conflict(const struct ctx *cx, const struct mrec *a,
                  const struct mrec *b)
{
  if (a->date[0] && b->date[0] && strcmp(a->date, b->date) != 0) {
    return true;
  }
  for (int k = 0; k < 2; k++) {
    const struct mrec *d = k ? b : a, *w = k ? a : b;
    if (d->date[0] && !w->date[0] && w->wk_from[0] &&
        (strcmp(d->date, w->wk_from) < 0 || strcmp(d->date, w->wk_to) > 0)) {
      return true;
    }
  }
  if (a->wk_from[0] && b->wk_from[0] && strcmp(a->wk_from, b->wk_from) != 0) {
    return true;
  }
  return a->location != NG_NONE && b->location != NG_NONE &&
         a->location != b->location &&
         etype(cx, a->location) == NG_ETYPE_CITY &&
         etype(cx, b->location) == NG_ETYPE_CITY;
}

/* Merges meeting record @p from into @p into. */
static void
mmerge(struct mrec *into, const struct mrec *from)
{
  if (!into->date[0]) {
    memcpy(into->date, from->date, 11);
  }
  if (!into->wk_from[0]) {
    memcpy(into->wk_from, from->wk_from, 11);
    memcpy(into->wk_to, from->wk_to, 11);
  }
  if (into->location == NG_NONE) {
    into->location = from->location;
    into->travel = from->travel;
  }
  if (from->mod == NG_MOD_ASSERTED) {
    into->mod = NG_MOD_ASSERTED;
  }
  if (from->conf > into->conf) {
    into->conf = from->conf;
  }
}

/* True if every participant of @p a takes part in @p b. */
static bool
subset_of(const struct mrec *a, const struct mrec *b)
{
  for (size_t i = 0; i < a->n; i++) {
    bool in = false;
    for (size_t k = 0; k < b->n && !in; k++) {
      in = a->p[i] == b->p[k];
    }
    if (!in) {
      return false;
    }
  }
  return true;
}

static int
cmp_size(const void *a, const void *b)
{
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* Where a meeting took place: the first city or place after "in"/"at"
 * following the match, within its clause. */
static size_t
meeting_location(const struct ctx *cx, const struct ng_rmatch *rm)
{
  const struct ng_view *v = view_of(cx, rm->m.view);
  for (size_t k = rm->m.last + 1; k < v->n_toks && k <= rm->m.last + 10;
       k++) {
    const struct ng_tok *t = &v->toks[k];
    if (tok_is(t, ",") || ng__tok_is_hard_barrier(t) || tok_is(t, "and")) {
      break;
    }
    if (t->kind == NG_TOK_ENT) {
      enum ng_etype ty = etype(cx, t->ent);
      if ((ty == NG_ETYPE_CITY || ty == NG_ETYPE_PLACE) && k > 0) {
        /* "in", "at", "in the" before it */
        for (size_t j = k; j-- > rm->m.last && k - j <= 2;) {
          if (tok_is(&v->toks[j], "in") || tok_is(&v->toks[j], "at")) {
            return t->ent;
          }
        }
      }
    }
  }
  return NG_NONE;
}

/* True if @p org stands above countries: an international organisation,
 * or a government body the gazetteer places in no country (the European
 * Commission). */
static bool
supranational(const struct ctx *cx, size_t org)
{
  enum ng_etype t = etype(cx, org);
  if (t == NG_ETYPE_INTL_ORG) {
    return true;
  }
  const struct ng_gazetteer *gaz = cx->world->gaz;
  if (t != NG_ETYPE_GOV_BODY || !gaz) {
    return false;
  }
  const char *label = cx->doc->entities[org].label;
  size_t e = ng__gazetteer_find_entry(gaz, t, false, label, strlen(label));
  const struct ng_gaz_entry *ge = ng__gazetteer_entry(gaz, e);
  return ge && ge->home_country == NG_NONE &&
         ng__gazetteer_country_of(gaz, e) == NG_NONE;
}

/* True if participant @p p of meeting @p r, who has no country of their
 * own, travelled to country @p lc (the meeting's city lies in it): @p p
 * leads a supranational body and meets a participant holding an office
 * of @p lc (the Commission president received by the host's
 * president). */
static bool
envoy_of_body(const struct ctx *cx, const struct mrec *r, size_t p,
              const char *lc)
{
  unsigned orgs = NG_TYPE_BIT(NG_ETYPE_INTL_ORG) |
                  NG_TYPE_BIT(NG_ETYPE_GOV_BODY);
  size_t o = ng__doc_office_of(cx->doc, p, orgs);
  if (o == NG_NONE || !supranational(cx, o)) {
    return false;
  }
  for (size_t k = 0; k < r->n; k++) {
    size_t q = r->p[k];
    if (q == p || etype(cx, q) != NG_ETYPE_PERSON) {
      continue;
    }
    size_t qc = ng__doc_office_of(cx->doc, q, NG_TYPE_BIT(NG_ETYPE_COUNTRY));
    if (qc != NG_NONE && strcmp(cx->doc->entities[qc].label, lc) == 0) {
      return true;
    }
  }
  return false;
}

static bool
same_set(const struct mrec *a, const struct mrec *b)
{
  if (a->n != b->n) {
    return false;
  }
  for (size_t i = 0; i < a->n; i++) {
    if (a->p[i] != b->p[i]) {
      return false;
    }
  }
  return true;
}

/* Where a meeting took place when its clause does not say: the city or
 * place a participant visits in the same sentence ("X visited New Delhi
 * for talks with Y"), else NG_NONE. */
static size_t
visit_place(const struct ctx *cx, const struct vlist *vl,
            const struct mrec *r, size_t sentence)
{
  for (size_t j = 0; j < vl->n; j++) {
    const struct vrec *o = &vl->r[j];
    if (o->dead || o->sentence != sentence || o->dest == NG_NONE ||
        (etype(cx, o->dest) != NG_ETYPE_CITY &&
         etype(cx, o->dest) != NG_ETYPE_PLACE)) {
      continue;
    }
    for (size_t k = 0; k < r->n; k++) {
      if (r->p[k] == o->agent) {
        return o->dest;
      }
    }
  }
  return NG_NONE;
}

static ng_status
meetings(struct ctx *cx, struct vlist *vl)
{
  ng_status st = NG_OK;
  struct mrec *recs = NULL;
  size_t n = 0;
  if (cx->set.n) {
    recs = calloc(cx->set.n, sizeof *recs);
    if (!recs) {
      return NG_ERR_NOMEM;
    }
  }
  for (size_t i = 0; i < cx->set.n; i++) {
    const struct ng_rmatch *rm = &cx->set.m[i];
    if (rm->m.rule->rel != NG_REL_MEETS || rm->modality == NG_MOD_DENIED ||
        is_background(cx, rm)) {
      continue;
    }
    struct mrec r;
    memset(&r, 0, sizeof r);
    for (size_t k = 0; k < rm->m.n_a; k++) {
      r.p[r.n++] = rm->m.a[k];
    }
    for (size_t k = 0; k < rm->m.n_b; k++) {
      bool dup = false;
      for (size_t j = 0; j < r.n; j++) {
        dup |= r.p[j] == rm->m.b[k];
      }
      if (!dup) {
        r.p[r.n++] = rm->m.b[k];
      }
    }
    if (r.n < 2) {
      continue;
    }
    qsort(r.p, r.n, sizeof r.p[0], cmp_size);
    const struct ng_view *v = view_of(cx, rm->m.view);
    size_t anchor = rm->m.anchor == NG_NONE ? rm->m.first : rm->m.anchor;
    meeting_dates(cx, v->sentence, v->toks[anchor].begin, &r);
    r.location = meeting_location(cx, rm);
    if (r.location == NG_NONE) {
      r.location = visit_place(cx, vl, &r, v->sentence);
    }
    r.travel = strncmp(v->toks[anchor].low, "sign", 4) != 0 &&
               strncmp(v->toks[anchor].low, "ink", 3) != 0;
    r.mod = rm->modality;
    r.sentence = v->sentence;
    r.conf = rm->confidence;
    size_t k = 0;
    for (; k < n && !(same_set(&recs[k], &r) &&
                      !meetings_conflict(cx, &recs[k], &r));
         k++) {
    }
    if (k == n) {
      recs[n++] = r;
    } else {
      mmerge(&recs[k], &r);
    }
  }
  /* a later report naming only some of a meeting's participants, with
   * no day or place of its own, is the same meeting ("The leaders of A,
   * B and C met in X on Tuesday. D hosted E and F.": R04) */
  for (size_t i = 0; i < n; i++) {
    struct mrec *r = &recs[i];
    if (r->date[0] || r->wk_from[0] || r->location != NG_NONE || r->vague) {
      continue;
    }
    for (size_t k = 0; k < n; k++) {
      struct mrec *o = &recs[k];
      if (k != i && !o->dead && o->n > r->n && o->sentence < r->sentence &&
          subset_of(r, o)) {
        mmerge(o, r);
        r->dead = true;
        break;
      }
    }
  }
  for (size_t i = 0; i < n; i++) {
    struct mrec *r = &recs[i];
    if (r->dead) {
      continue;
    }
    if (!r->date[0] && !r->vague && r->mod == NG_MOD_ASSERTED &&
        cx->anchor_date[0]) {
      memcpy(r->date, cx->anchor_date, 11);
    }
    /* A foreign participant meeting in a city of another country is
     * visiting that city (the Visit node) and so that country (a fact).
     * A meeting known only from a joint signing ("X signed the pact with
     * Y in Z") does not say who travelled: envoys and resident officials
     * sign where they are posted. */
    if (r->travel && r->location != NG_NONE &&
        etype(cx, r->location) == NG_ETYPE_CITY) {
      const char *lc = ng__relation_city_country(cx->world, cx->doc,
                                                 r->location);
      for (size_t k = 0; lc && k < r->n; k++) {
        size_t p = r->p[k];
        if (etype(cx, p) != NG_ETYPE_PERSON) {
          continue;
        }
        size_t pc = person_country(cx, p);
        if (pc == NG_NONE ? !envoy_of_body(cx, r, p, lc)
                          : strcmp(cx->doc->entities[pc].label, lc) == 0) {
          continue;
        }
        bool known = false;
        for (size_t j = 0; j < vl->n && !known; j++) {
          const struct vrec *o = &vl->r[j];
          known = !o->dead && o->agent == p && o->dest != NG_NONE &&
                  (o->dest == r->location ||
                   strcmp(cx->doc->entities[o->dest].label, lc) == 0);
        }
        if (known) {
          continue;
        }
        struct vrec nv;
        memset(&nv, 0, sizeof nv);
        nv.agent = p;
        nv.dest = r->location;
        memcpy(nv.start, r->date, 11);
        nv.mod = r->mod;
        nv.sentence = r->sentence;
        nv.conf = r->conf * 0.75;
        TRY_DONE(st, vpush(vl, &nv));
        struct ng_fact f = {NG_REL_VISITS, p, r->location, r->sentence,
                            nv.conf, r->mod};
        TRY_DONE(st, ng__doc_add_fact(cx->doc, &f));
        /* and the country the city lies in, when the article names it */
        size_t hc = ng__doc_find_entity(cx->doc, NG_ETYPE_COUNTRY, lc);
        if (hc != NG_NONE && cx->doc->entities[hc].n_mentions > 0) {
          f.object = hc;
          TRY_DONE(st, ng__doc_add_fact(cx->doc, &f));
        }
      }
    }
    struct ng_event ev;
    event_init(&ev, NG_EV_MEETING);
    ev.parties = malloc(r->n * sizeof *ev.parties);
    if (!ev.parties) {
      st = NG_ERR_NOMEM;
      goto done;
    }
    memcpy(ev.parties, r->p, r->n * sizeof *ev.parties);
    ev.n_parties = r->n;
    ev.location = r->location;
    memcpy(ev.date, r->date, 11);
    ev.sentence = r->sentence;
    ev.confidence = r->conf;
    ev.modality = r->mod;
    TRY_DONE(st, take(cx->doc, &ev));
  }
done:
  free(recs);
  return st;
}

/* ---- signings ---- */

/* The agreement's title after the trigger: "a Memorandum of Understanding
 * on Digital Economy Cooperation", "heads of agreement". NULL if no
 * agreement noun is there. Caller frees. */
static char *
agreement_title(const struct ctx *cx, const struct ng_rmatch *rm)
{
  static const char *const stops[] = {
      "between", "with", "to", "in", "at", "that", "which", "who", "by",
      "during", "after", "before", "today", "yesterday", "tomorrow", "this",
      "last", "next", "for", "from", "was", "were", "is", "are", "will",
      "has", "have", "had", "witnessed", "later", "earlier", "soon",
      "shortly", "when", "while", "once", "if"};
  static const char *const dets[] = {"a", "an", "the", "their", "its",
                                     "his", "her", "of", "new", "two",
                                     "several"};
  const struct ng_view *v = view_of(cx, rm->m.view);
  size_t k = (rm->m.anchor == NG_NONE ? rm->m.first : rm->m.anchor) + 1;
  while (k < v->n_toks) {
    bool det = false;
    for (size_t i = 0; i < ARRAY_LEN(dets); i++) {
      det |= tok_is(&v->toks[k], dets[i]);
    }
    if (!det) {
      break;
    }
    k++;
  }
  size_t first = k, last = NG_NONE;
  bool noun = false;
  for (; k < v->n_toks && k < first + 12; k++) {
    const struct ng_tok *t = &v->toks[k];
    if (t->kind == NG_TOK_ENT || t->kind == NG_TOK_PAIR ||
        ng__tok_is_hard_barrier(t) || tok_is(t, ",") || tok_is(t, "(")) {
      break;
    }
    bool stop = false;
    for (size_t i = 0; i < ARRAY_LEN(stops); i++) {
      stop |= tok_is(t, stops[i]);
    }
    if (stop) {
      break;
    }
    if (ng__view_find(v, k, k + 1, &cx->lex->lists[NG_WL_AGREEMENT], NULL) !=
        NG_NONE) {
      noun = true;
    }
    last = k;
  }
  while (last != NG_NONE && last > first &&
         (tok_is(&v->toks[last], "on") || tok_is(&v->toks[last], "of") ||
          tok_is(&v->toks[last], "and"))) {
    last--;
  }
  if (!noun || last == NG_NONE) {
    return NULL;
  }
  size_t b = v->toks[first].begin, e = v->toks[last].end;
  char *s = malloc(e - b + 1);
  if (s) {
    memcpy(s, cx->doc->text + b, e - b);
    s[e - b] = '\0';
  }
  return s;
}

static ng_status
signings(struct ctx *cx)
{
  ng_status st;
  size_t start = cx->doc->n_events;
  for (size_t i = 0; i < cx->set.n; i++) {
    const struct ng_rmatch *rm = &cx->set.m[i];
    /* a background signing ("signed a pact in 2022") is still a Signing
     * (the dev gold counts it); it never takes the article's day:
     * date_near reads only days the sentence states */
    if (rm->m.rule->rel != NG_REL_SIGNS_AGREEMENT_WITH ||
        rm->modality == NG_MOD_DENIED || rm->m.n_a == 0 || rm->m.n_b == 0) {
      continue;
    }
    /* only a signing verb makes a Signing ("implementing their agreement"
     * states the fact, not the act) */
    const struct ng_view *sv = view_of(cx, rm->m.view);
    size_t an = rm->m.anchor == NG_NONE ? rm->m.first : rm->m.anchor;
    if (strncmp(sv->toks[an].low, "sign", 4) != 0 &&
        strncmp(sv->toks[an].low, "ink", 3) != 0) {
      continue;
    }
    size_t p[NG_MATCH_MAX * 2], n = 0;
    for (size_t k = 0; k < rm->m.n_a; k++) {
      p[n++] = rm->m.a[k];
    }
    for (size_t k = 0; k < rm->m.n_b; k++) {
      bool dup = false;
      for (size_t j = 0; j < n; j++) {
        dup |= p[j] == rm->m.b[k];
      }
      if (!dup) {
        p[n++] = rm->m.b[k];
      }
    }
    if (n < 2) {
      continue;
    }
    qsort(p, n, sizeof p[0], cmp_size);
    const struct ng_view *v = view_of(cx, rm->m.view);
    size_t anchor = rm->m.anchor == NG_NONE ? rm->m.first : rm->m.anchor;
    const struct ng_timex *t = date_near(cx, v->sentence,
                                         v->toks[anchor].begin);
    char *title = agreement_title(cx, rm);
    /* merge with an earlier Signing of the same parties */
    struct ng_event *same = NULL;
    for (size_t e = start; e < cx->doc->n_events; e++) {
      struct ng_event *o = &cx->doc->events[e];
      if (o->kind == NG_EV_SIGNING && o->n_parties == n &&
          memcmp(o->parties, p, n * sizeof p[0]) == 0) {
        same = o;
      }
    }
    if (same) {
      if (!same->text) {
        same->text = title;
        title = NULL;
      }
      if (!same->date[0] && t) {
        memcpy(same->date, t->value, 11);
      }
      if (rm->modality == NG_MOD_ASSERTED) {
        same->modality = NG_MOD_ASSERTED;
      }
      free(title);
      continue;
    }
    struct ng_event ev;
    event_init(&ev, NG_EV_SIGNING);
    ev.parties = malloc(n * sizeof *ev.parties);
    if (!ev.parties) {
      free(title);
      return NG_ERR_NOMEM;
    }
    memcpy(ev.parties, p, n * sizeof p[0]);
    ev.n_parties = n;
    ev.text = title;
    if (t) {
      memcpy(ev.date, t->value, 11);
    }
    ev.sentence = v->sentence;
    ev.confidence = rm->confidence;
    ev.modality = rm->modality;
    TRY(st, take(cx->doc, &ev));
  }
  return NG_OK;
}

/* ---- quotations ---- */

/* View and token index of the token starting at byte @p off. */
static bool
find_tok(const struct ctx *cx, size_t off, size_t *vi, size_t *ti)
{
  size_t s = ng__doc_sentence_at(cx->doc, off);
  if (s == NG_NONE) {
    /* between sentences: the next one */
    for (s = 0; s < cx->doc->n_sentences &&
                cx->doc->sentences[s].begin < off;
         s++) {
    }
    if (s >= cx->doc->n_sentences) {
      return false;
    }
  }
  const struct ng_view *v = view_of(cx, s);
  for (size_t i = 0; i < v->n_toks; i++) {
    if (v->toks[i].begin == off) {
      *vi = s;
      *ti = i;
      return true;
    }
  }
  return false;
}

static bool
is_person_tok(const struct ctx *cx, const struct ng_tok *t)
{
  return t->kind == NG_TOK_ENT && !t->quoted &&
         etype(cx, t->ent) == NG_ETYPE_PERSON;
}

static bool
speech_at(const struct ctx *cx, const struct ng_view *v, size_t k,
          size_t *n)
{
  return ng__view_find(v, k, k + 1, &cx->lex->lists[NG_WL_SPEECH], n) == k;
}

/* True if the @p n bytes at @p s hold a paragraph break. */
static bool
memmem_nl2(const char *s, size_t n)
{
  for (size_t i = 0; i + 1 < n; i++) {
    if (s[i] == '\n' && s[i + 1] == '\n') {
      return true;
    }
  }
  return false;
}

/* The person a definite description of an office names at byte @p at
 * ("the 58-year-old minister", "the Egyptian foreign minister", "the
 * bloc's secretary-general"): the office noun ends just before token
 * @p end of @p v, "the" opens the description at token @p from. The
 * person who holds such an office (a fact of the matching relation, in
 * the country of a demonym inside the description) and was mentioned
 * last before @p at; NG_NONE when none. Used when the entity stage left
 * the description unresolved. */
static size_t
description_holder(const struct ctx *cx, const struct ng_view *v,
                   size_t from, size_t end, size_t at)
{
  static const struct {
    enum ng_wl list;
    enum ng_rel rel;
  } offices[] = {{NG_WL_T_HOG, NG_REL_HEAD_OF_GOVERNMENT_OF},
                 {NG_WL_T_HOS, NG_REL_HEAD_OF_STATE_OF},
                 {NG_WL_T_LEADER, NG_REL_LEADER_OF},
                 {NG_WL_T_MIN, NG_REL_MINISTER_OF}};
  if (end <= from + 1 || !tok_is(&v->toks[from], "the")) {
    return NG_NONE;
  }
  size_t country = NG_NONE;
  for (size_t k = from + 1; k + 1 < end; k++) {
    const struct ng_tok *t = &v->toks[k];
    if (t->kind == NG_TOK_ENT && t->mkind == NG_MENTION_DEMONYM &&
        is_country(cx, t->ent)) {
      country = t->ent;
    } else if (t->kind != NG_TOK_WORD && !(t->kind == NG_TOK_PUNCT &&
                                           tok_is(t, "-"))) {
      return NG_NONE;
    }
  }
  const struct ng_doc *doc = cx->doc;
  for (size_t o = 0; o < ARRAY_LEN(offices); o++) {
    if (!ng__view_ends_with(v, end, &cx->lex->lists[offices[o].list])) {
      continue;
    }
    size_t best = NG_NONE, best_at = 0;
    for (size_t m = 0; m < doc->n_mentions; m++) {
      const struct ng_mention *mn = &doc->mentions[m];
      size_t e = ng__doc_resolve(doc, mn->entity);
      if (mn->begin >= at || e == NG_NONE ||
          etype(cx, e) != NG_ETYPE_PERSON ||
          (best != NG_NONE && mn->begin < best_at)) {
        continue;
      }
      bool holds = false;
      for (size_t f = 0; f < doc->n_facts && !holds; f++) {
        const struct ng_fact *fa = &doc->facts[f];
        holds = fa->rel == offices[o].rel &&
                fa->modality != NG_MOD_DENIED &&
                ng__doc_resolve(doc, fa->subject) == e &&
                (country == NG_NONE ||
                 ng__doc_resolve(doc, fa->object) == country);
      }
      if (holds) {
        best = e;
        best_at = mn->begin;
      }
    }
    return best;
  }
  return NG_NONE;
}

/* Speaker after the closing mark: ", he said", ", said envoy X",
 * ", the President told reporters". */
static size_t
speaker_after(const struct ctx *cx, size_t vi, size_t ti)
{
  const struct ng_view *v = view_of(cx, vi);
  size_t k = ti + 1;
  size_t from = v->toks[ti].end;
  if (k >= v->n_toks && vi + 1 < cx->set.views.n) {
    v = view_of(cx, vi + 1);
    k = 0;
  }
  /* the attribution may be in the next sentence, never in the next
   * paragraph */
  if (k < v->n_toks && v->toks[k].begin > from &&
      memmem_nl2(cx->doc->text + from, v->toks[k].begin - from)) {
    return NG_NONE;
  }
  while (k < v->n_toks && (tok_is(&v->toks[k], ",") ||
                           tok_is(&v->toks[k], "--"))) {
    k++;
  }
  if (k >= v->n_toks) {
    return NG_NONE;
  }
  size_t n;
  /* a description before the name: ", ministry spokeswoman X told",
   * ", Trade Minister X said", ", GCC Secretary-General X told" (a
   * hyphen or an abbreviation's dot inside the title) */
  for (size_t j = k; j < v->n_toks && j <= k + 10; j++) {
    const struct ng_tok *x = &v->toks[j];
    if (is_person_tok(cx, x)) {
      if (j > k) {
        k = j;
      }
      break;
    }
    bool inner = x->kind == NG_TOK_PUNCT &&
                 (tok_is(x, "-") || tok_is(x, ".") || tok_is(x, "'s"));
    if (x->quoted || (x->kind != NG_TOK_WORD && x->kind != NG_TOK_ENT &&
                      !inner) ||
        speech_at(cx, v, j, &n)) {
      break;
    }
  }
  if (is_person_tok(cx, &v->toks[k])) {
    size_t j0 = k + 1;
    /* an aside set off by commas between the name and the verb: "X,
     * who has led the ministry since 2021, told reporters", "X, the
     * foreign minister, said" */
    if (j0 < v->n_toks && tok_is(&v->toks[j0], ",")) {
      for (size_t j = j0 + 1; j < v->n_toks && j <= j0 + 20; j++) {
        if (v->toks[j].quoted || ng__tok_is_hard_barrier(&v->toks[j])) {
          break;
        }
        if (tok_is(&v->toks[j], ",")) {
          if (j + 1 < v->n_toks && speech_at(cx, v, j + 1, &n)) {
            return v->toks[k].ent;
          }
          break;
        }
      }
    }
    for (size_t j = j0; j < v->n_toks && j <= k + 3; j++) {
      if (speech_at(cx, v, j, &n)) {
        return v->toks[k].ent;
      }
      if (v->toks[j].kind != NG_TOK_WORD) {
        break;
      }
    }
    return NG_NONE;
  }
  /* "the 58-year-old minister said": a description the entity stage
   * left unresolved */
  for (size_t j = k + 1; j < v->n_toks && j <= k + 8; j++) {
    if (speech_at(cx, v, j, &n)) {
      size_t p = description_holder(cx, v, k, j, v->toks[k].begin);
      if (p != NG_NONE) {
        return p;
      }
      break;
    }
  }
  if (speech_at(cx, v, k, &n)) {
    size_t e = k + n;
    while (e < v->n_toks && e <= k + n + 8 &&
           (v->toks[e].kind == NG_TOK_WORD ||
            (v->toks[e].kind == NG_TOK_ENT &&
             v->toks[e].mkind == NG_MENTION_DEMONYM) ||
            tok_is(&v->toks[e], "-"))) {
      e++;
    }
    /* "said the Egyptian foreign minister." */
    if (e > k + n + 1 && (e == v->n_toks || tok_is(&v->toks[e], ",") ||
                          tok_is(&v->toks[e], "."))) {
      size_t p = description_holder(cx, v, k + n, e, v->toks[k].begin);
      if (p != NG_NONE) {
        return p;
      }
    }
    for (size_t j = k + n; j < v->n_toks && j <= k + n + 5; j++) {
      if (is_person_tok(cx, &v->toks[j])) {
        return v->toks[j].ent;
      }
      if (v->toks[j].kind != NG_TOK_WORD &&
          !(v->toks[j].kind == NG_TOK_ENT)) {
        break;
      }
      if (tok_is(&v->toks[j], "who") || tok_is(&v->toks[j], "which")) {
        break;
      }
    }
  }
  return NG_NONE;
}

/* Speaker before the opening mark: "X said: “", "She added, “". */
static size_t
speaker_before(const struct ctx *cx, size_t vi, size_t ti)
{
  const struct ng_view *v = view_of(cx, vi);
  size_t k = ti;
  bool colon = k > 0 && tok_is(&v->toks[k - 1], ":");
  if (k > 0 && (colon || tok_is(&v->toks[k - 1], ","))) {
    k--;
  }
  /* "According to X, “...”", "added X: “...”" */
  if (k > 0 && is_person_tok(cx, &v->toks[k - 1]) &&
      ng__view_ends_with(v, k - 1, &cx->lex->lists[NG_WL_SPEECH])) {
    return v->toks[k - 1].ent;
  }
  /* "told reporters", "said that" */
  for (size_t back = 0; back <= 2 && k > back; back++) {
    size_t j = k - back;
    if (ng__view_ends_with(v, j, &cx->lex->lists[NG_WL_SPEECH])) {
      size_t w = j - 1;
      for (size_t m = w; m-- > 0 && w - m <= 3;) {
        if (is_person_tok(cx, &v->toks[m])) {
          return v->toks[m].ent;
        }
        if (v->toks[m].kind != NG_TOK_WORD) {
          break;
        }
      }
      return NG_NONE;
    }
  }
  /* "X outlined the plan on Tuesday: “...”": a colon hands the floor to
   * the subject of the sentence */
  if (colon && v->subject != NG_NONE) {
    for (size_t m = 0; m < k; m++) {
      if (is_person_tok(cx, &v->toks[m])) {
        return v->toks[m].ent == v->subject ? v->subject : NG_NONE;
      }
    }
  }
  return NG_NONE;
}

/* Speaker of a quotation embedded in a reporting clause: "X, who ...,
 * said India valued Germany as “...”": the first person of the sentence
 * when a speech verb follows them before the quotation. */
static size_t
speaker_mid(const struct ctx *cx, size_t vi, size_t ti)
{
  const struct ng_view *v = view_of(cx, vi);
  size_t subj = NG_NONE;
  for (size_t k = 0; k < ti; k++) {
    if (subj == NG_NONE && is_person_tok(cx, &v->toks[k])) {
      subj = v->toks[k].ent;
      continue;
    }
    size_t n;
    if (subj != NG_NONE && !v->toks[k].quoted && speech_at(cx, v, k, &n)) {
      return subj;
    }
  }
  return NG_NONE;
}

static size_t
count_words(const char *s, size_t len)
{
  size_t n = 0;
  bool in = false;
  for (size_t i = 0; i < len; i++) {
    bool sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
    if (!sp && !in) {
      n++;
    }
    in = !sp;
  }
  return n;
}

/* True if the doc names a person other than @p who between byte
 * offsets @p from and @p to. */
static bool
other_person_between(const struct ctx *cx, size_t from, size_t to,
                     size_t who)
{
  const struct ng_doc *doc = cx->doc;
  for (size_t m = 0; m < doc->n_mentions; m++) {
    const struct ng_mention *mn = &doc->mentions[m];
    size_t e = ng__doc_resolve(doc, mn->entity);
    if (mn->begin >= from && mn->begin < to && e != NG_NONE && e != who &&
        etype(cx, e) == NG_ETYPE_PERSON) {
      return true;
    }
  }
  return false;
}

/* Appends a span to cx->q. */
static ng_status
add_span(struct ctx *cx, size_t *cap, size_t open, size_t begin, size_t end,
         size_t close)
{
  if (cx->n_q == *cap) {
    size_t ncap = *cap ? *cap * 2 : 16;
    struct ng_qspan *p = realloc(cx->q, ncap * sizeof *p);
    if (!p) {
      return NG_ERR_NOMEM;
    }
    cx->q = p;
    *cap = ncap;
  }
  cx->q[cx->n_q++] = (struct ng_qspan){open, begin, end, close};
  return NG_OK;
}

/* True if the straight mark at byte @p i of @p t (length @p len) can only
 * open a quotation: a space, a line start or an opening bracket before
 * it, a letter or digit right after it ("calls it "final" ..."). */
static bool
opens_only(const char *t, size_t len, size_t i)
{
  unsigned char before = i > 0 ? (unsigned char)t[i - 1] : ' ';
  unsigned char after = i + 1 < len ? (unsigned char)t[i + 1] : ' ';
  bool space_before = before == ' ' || before == '\n' || before == '\t' ||
                      before == '(' || before == '[';
  bool word_after = isalnum(after) || after >= 0xC0;
  return space_before && word_after;
}

/* The quotation spans of the doc's text for quotation events, as
 * find_quotes() (pattern.c) makes them (curly marks pair by direction,
 * straight marks alternate, nothing runs past a paragraph break), except
 * that a quotation quoting someone inside it keeps the inner marks in its
 * text: within an open quotation a straight mark that can only open
 * (opens_only) starts a nested quotation, and the next straight mark
 * ends that one, not the outer ("We reject what they call a "final
 * offer" for the night shifts," X said). A JSON-LD articleBody's \" is
 * such a mark once decoded. */
static ng_status
quote_spans(struct ctx *cx)
{
  const char *text = cx->doc->text;
  size_t len = cx->doc->text_len;
  size_t cap = 0, i = 0, depth = 0;
  size_t open = NG_NONE, begin = 0;
  ng_status st;
  while (i < len) {
    const unsigned char *s = (const unsigned char *)text + i;
    if (s[0] == '\n' && i + 1 < len && s[1] == '\n') {
      if (open != NG_NONE) {
        TRY(st, add_span(cx, &cap, open, begin, i, i));
        open = NG_NONE;
      }
      depth = 0;
      i += 2;
      continue;
    }
    size_t n = 1;
    bool straight = s[0] == '"';
    bool curly = s[0] == 0xE2 && i + 2 < len && s[1] == 0x80 &&
                 s[2] >= 0x9C && s[2] <= 0x9F;
    bool guillemet = s[0] == 0xC2 && i + 1 < len &&
                     (s[1] == 0xAB || s[1] == 0xBB);
    if (curly || guillemet) {
      n = curly ? 3 : 2;
      bool opening = curly ? (s[2] == 0x9C || s[2] == 0x9E) : s[1] == 0xAB;
      if (opening) {
        /* a new opening mark before a close: restart there */
        open = i;
        begin = i + n;
        depth = 0;
      } else if (open != NG_NONE) {
        TRY(st, add_span(cx, &cap, open, begin, i, i + n));
        open = NG_NONE;
        depth = 0;
      }
    } else if (straight) {
      if (open == NG_NONE) {
        open = i;
        begin = i + 1;
      } else if (opens_only(text, len, i)) {
        depth++;
      } else if (depth > 0) {
        depth--;
      } else {
        TRY(st, add_span(cx, &cap, open, begin, i, i + 1));
        open = NG_NONE;
      }
    } else if (s[0] >= 0xC0) {
      /* skip the rest of a multi-byte character */
      while (i + n < len && ((unsigned char)text[i + n] & 0xC0) == 0x80) {
        n++;
      }
    }
    i += n;
  }
  if (open != NG_NONE) {
    TRY(st, add_span(cx, &cap, open, begin, len, len));
  }
  return NG_OK;
}

/* Letters in @p len bytes at @p s: ASCII letters, and characters from
 * U+00C0 on outside the punctuation and symbol blocks (U+2000-U+2BFF,
 * U+3000-U+303F, U+FE30-U+FE4F, U+FF00-U+FF0F). */
static size_t
count_letters(const char *s, size_t len)
{
  size_t n = 0;
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    size_t k = ng__utf8_decode(s + i, len - i, &cp);
    if (k == 0) {
      k = 1;
      cp = 0xFFFD;
    }
    if ((cp < 0x80 && isalpha((int)cp)) ||
        (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 &&
         !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
         !(cp >= 0xFE30 && cp <= 0xFE4F) && !(cp >= 0xFF00 && cp <= 0xFF0F) &&
         cp != 0xFFFD && cp != 0xFEFF)) {
      n++;
    }
    i += k;
  }
  return n;
}

/* The speaker a quotation continues (R03): the previous quotation's
 * speaker when this one carries on in the same paragraph with nobody
 * else named in between ("“...,” X said. “...”"), or opens the paragraph
 * after one left open (a quotation running over paragraphs). */
static size_t
continued_speaker(const struct ctx *cx, size_t q, size_t prev_speaker)
{
  if (q == 0 || prev_speaker == NG_NONE) {
    return NG_NONE;
  }
  const struct ng_qspan *pq = &cx->q[q - 1];
  const struct ng_qspan *qs = &cx->q[q];
  const char *t = cx->doc->text;
  if (pq->close == pq->end) {
    /* left open at a paragraph end: this one must open the next one */
    size_t i = pq->end;
    while (i < qs->open && (t[i] == '\n' || t[i] == ' ')) {
      i++;
    }
    return i == qs->open ? prev_speaker : NG_NONE;
  }
  if (qs->open < pq->close ||
      memmem_nl2(t + pq->close, qs->open - pq->close) ||
      other_person_between(cx, pq->close, qs->open, prev_speaker)) {
    return NG_NONE;
  }
  return prev_speaker;
}

/* True if quotation @p q is left open at a paragraph end and quotation
 * q + 1 opens the next paragraph (the same quotation carried on). */
static bool
carries_on(const struct ctx *cx, size_t q)
{
  if (q + 1 >= cx->n_q) {
    return false;
  }
  const struct ng_qspan *qs = &cx->q[q];
  const struct ng_qspan *nq = &cx->q[q + 1];
  const char *t = cx->doc->text;
  if (qs->close != qs->end) {
    return false;
  }
  size_t i = qs->end;
  while (i < nq->open && (t[i] == '\n' || t[i] == ' ')) {
    i++;
  }
  return i == nq->open && i > qs->end;
}

/* Speaker of a quotation that runs over paragraphs and names its
 * speaker only after it closes ("“First, ... Second, ...¶“Third, ...,”
 * he said."): the attribution after the closing mark of the last
 * paragraph of the chain starting at quotation @p q (R03), else
 * NG_NONE. */
static size_t
chain_speaker(const struct ctx *cx, size_t q)
{
  size_t j = q;
  while (carries_on(cx, j)) {
    j++;
  }
  const struct ng_qspan *last = &cx->q[j];
  size_t vi, ti;
  if (j == q || last->close == last->end ||
      !find_tok(cx, last->end, &vi, &ti)) {
    return NG_NONE;
  }
  return speaker_after(cx, vi, ti);
}

static ng_status
quotations(struct ctx *cx)
{
  ng_status st;
  const struct ng_doc *doc = cx->doc;
  size_t prev_speaker = NG_NONE;
  TRY(st, quote_spans(cx));
  for (size_t q = 0; q < cx->n_q; q++) {
    const struct ng_qspan *qs = &cx->q[q];
    size_t speaker_of_prev = prev_speaker;
    prev_speaker = NG_NONE;
    size_t b = qs->begin, e = qs->end;
    while (b < e && (doc->text[b] == ' ' || doc->text[b] == '\n')) {
      b++;
    }
    while (e > b && (doc->text[e - 1] == ' ' || doc->text[e - 1] == ',' ||
                     doc->text[e - 1] == '\n')) {
      e--;
    }
    /* a quotation left open at a paragraph end counts only when the next
     * paragraph opens with a quotation mark (it carries on there) */
    bool open_end = qs->close == qs->end;
    if (open_end) {
      const struct ng_qspan *nq = q + 1 < cx->n_q
                                      ? &cx->q[q + 1]
                                      : NULL;
      size_t i = qs->end;
      while (nq && i < nq->open && (doc->text[i] == '\n' ||
                                    doc->text[i] == ' ')) {
        i++;
      }
      if (!nq || i != nq->open || i == qs->end) {
        continue; /* never closed */
      }
    }
    if (e <= b) {
      continue;
    }
    /* "." or "?!" is no quotation; one word of three letters can be */
    if (count_letters(doc->text + b, e - b) < MIN_QUOTE_LETTERS) {
      continue;
    }
    size_t words = count_words(doc->text + b, e - b);
    size_t ovi, oti, cvi = NG_NONE, cti = NG_NONE;
    if (!find_tok(cx, qs->open, &ovi, &oti) ||
        (!open_end && !find_tok(cx, qs->end, &cvi, &cti))) {
      continue;
    }
    const struct ng_view *ov = view_of(cx, ovi);
    if (ng__view_ends_with(ov, oti, &cx->lex->lists[NG_WL_NICKNAME]) ||
        (oti > 0 && ng__view_ends_with(ov, oti - 1,
                                       &cx->lex->lists[NG_WL_NICKNAME]))) {
      continue;
    }
    /* a whole quoted sentence right after an attributed quotation
     * continues that speaker; a name in the following sentence starts a
     * new report (R03) */
    size_t speaker = NG_NONE;
    if (!open_end && cti + 1 >= view_of(cx, cvi)->n_toks && words >= 3) {
      speaker = continued_speaker(cx, q, speaker_of_prev);
    }
    if (speaker == NG_NONE) {
      speaker = open_end ? chain_speaker(cx, q)
                         : speaker_after(cx, cvi, cti);
    }
    if (speaker == NG_NONE) {
      speaker = speaker_before(cx, ovi, oti);
    }
    if (speaker == NG_NONE && words >= 4) {
      speaker = speaker_mid(cx, ovi, oti);
    }
    if (speaker == NG_NONE && words >= 3) {
      speaker = continued_speaker(cx, q, speaker_of_prev);
    }
    if (speaker == NG_NONE || words == 0) {
      continue;
    }
    prev_speaker = speaker;
    struct ng_event ev;
    event_init(&ev, NG_EV_QUOTATION);
    ev.agent = speaker;
    ev.text = malloc(e - b + 1);
    if (!ev.text) {
      return NG_ERR_NOMEM;
    }
    memcpy(ev.text, doc->text + b, e - b);
    ev.text[e - b] = '\0';
    ev.sentence = ov->sentence;
    ev.confidence = 0.8;
    ev.modality = NG_MOD_ASSERTED;
    TRY(st, take(cx->doc, &ev));
  }
  return NG_OK;
}

/* ---- trade figures ---- */

static bool
is_trade_party(const struct ctx *cx, size_t e)
{
  enum ng_etype t = etype(cx, e);
  return t == NG_ETYPE_COUNTRY || t == NG_ETYPE_INTL_ORG;
}

/* True if the entity at token @p t of @p v stands in a comparison list
 * ("Kenya's second-largest trading partner after China and India",
 * "behind the United States", "ahead of Japan", "more than Brazil"): the
 * list is a ranking, not a party of the figure the sentence states.
 * Walks back over the list's items, commas and conjunctions to the word
 * that opens it. */
static bool
in_comparison(const struct ng_view *v, size_t t)
{
  static const char *const heads[] = {"after", "behind", "than", "trailing",
                                      "overtaking", "surpassing"};
  for (size_t k = t; k-- > 0 && t - k <= 12;) {
    const struct ng_tok *x = &v->toks[k];
    if (x->kind == NG_TOK_ENT || x->kind == NG_TOK_PAIR || tok_is(x, ",") ||
        tok_is(x, "and") || tok_is(x, "or") || tok_is(x, "the") ||
        tok_is(x, "both")) {
      continue;
    }
    for (size_t i = 0; i < ARRAY_LEN(heads); i++) {
      if (tok_is(x, heads[i])) {
        return true;
      }
    }
    /* "ahead of China" */
    return tok_is(x, "of") && k > 0 && tok_is(&v->toks[k - 1], "ahead");
  }
  return false;
}

/* The trading-partner pair nearest an amount: the nearest before it,
 * else the nearest after it. A pair with a member in a comparison list
 * is no party of the amount. */
struct pairpick {
  size_t best_pos, after_pos;
  size_t bx, by, ax, ay;
};

static void
pick_pairs(const struct ctx *cx, size_t vi, size_t at, bool implicit,
           struct pairpick *pp)
{
  const struct ng_view *v = view_of(cx, vi);
  size_t lo, hi;
  view_matches(cx, vi, &lo, &hi);
  for (size_t i = lo; i < hi; i++) {
    const struct ng_rmatch *rm = &cx->set.m[i];
    if (rm->m.view != vi || rm->m.rule->rel != NG_REL_TRADING_PARTNER_OF ||
        rm->modality == NG_MOD_DENIED || rm->m.implicit != implicit) {
      continue;
    }
    for (size_t a = 0; a < rm->m.n_a; a++) {
      for (size_t b = 0; b < rm->m.n_b; b++) {
        if (rm->m.a[a] == rm->m.b[b] ||
            (!implicit && (in_comparison(v, rm->m.a_tok[a]) ||
                           in_comparison(v, rm->m.b_tok[b])))) {
          continue;
        }
        size_t pos = rm->m.a_tok[a] > rm->m.b_tok[b] ? rm->m.a_tok[a]
                                                     : rm->m.b_tok[b];
        if (pos <= at && (pp->best_pos == NG_NONE || pos > pp->best_pos)) {
          pp->best_pos = pos;
          pp->bx = rm->m.a[a];
          pp->by = rm->m.b[b];
        } else if (pos > at &&
                   (pp->after_pos == NG_NONE || pos < pp->after_pos)) {
          pp->after_pos = pos;
          pp->ax = rm->m.a[a];
          pp->ay = rm->m.b[b];
        }
      }
    }
  }
}

/* The international organisation an organ of it stands for as a trade
 * party: a supranational government body named after an organisation the
 * article mentions ("European Commission" for the European Union,
 * "African Union Commission" for the African Union: organs carry the
 * first word of their organisation's name). @p e itself otherwise. */
static size_t
trade_side(const struct ctx *cx, size_t e)
{
  if (e == NG_NONE || etype(cx, e) != NG_ETYPE_GOV_BODY ||
      !supranational(cx, e)) {
    return e;
  }
  const char *lb = cx->doc->entities[e].label;
  size_t w = strcspn(lb, " ");
  if (w < 3) {
    return e;
  }
  size_t found = NG_NONE;
  for (size_t k = 0; k < cx->doc->n_entities; k++) {
    const struct ng_entity *o = &cx->doc->entities[k];
    if (o->merged || o->type != NG_ETYPE_INTL_ORG || o->n_mentions == 0 ||
        strncmp(o->label, lb, w) != 0 || (o->label[w] != ' ' &&
                                          o->label[w] != '\0')) {
      continue;
    }
    if (found != NG_NONE) {
      return e; /* two candidates: keep the body */
    }
    found = k;
  }
  return found != NG_NONE ? found : e;
}

/* The side a participant of the story's main event stands for in a
 * trade figure: a country or bloc itself, a person's country (office or
 * demonym), else the international organisation they lead. */
static size_t
side_of(const struct ctx *cx, size_t e)
{
  if (e == NG_NONE) {
    return NG_NONE;
  }
  if (etype(cx, e) == NG_ETYPE_PERSON) {
    size_t c = person_country(cx, e);
    if (c == NG_NONE) {
      c = ng__doc_office_of(cx->doc, e,
                            NG_TYPE_BIT(NG_ETYPE_INTL_ORG) |
                                NG_TYPE_BIT(NG_ETYPE_GOV_BODY));
    }
    e = c;
  } else if (etype(cx, e) == NG_ETYPE_CITY) {
    const char *lc = ng__relation_city_country(cx->world, cx->doc, e);
    e = lc ? ng__doc_find_entity(cx->doc, NG_ETYPE_COUNTRY, lc) : NG_NONE;
  }
  e = trade_side(cx, e);
  return e != NG_NONE && is_trade_party(cx, e) ? e : NG_NONE;
}

/* The pair of the story's focus, for "bilateral trade" and "trade
 * between the two sides" in a sentence that names no pair: the sides of
 * the first meeting of two, else of the first visit (the visitor's
 * country and the country visited). False when there is none. */
static bool
focus_pair(const struct ctx *cx, size_t *x, size_t *y)
{
  for (int pass = 0; pass < 2; pass++) {
    for (size_t i = 0; i < cx->doc->n_events; i++) {
      const struct ng_event *ev = &cx->doc->events[i];
      size_t a = NG_NONE, b = NG_NONE;
      if (pass == 0 && ev->kind == NG_EV_MEETING && ev->n_parties == 2) {
        a = side_of(cx, ev->parties[0]);
        b = side_of(cx, ev->parties[1]);
      } else if (pass == 1 && ev->kind == NG_EV_VISIT) {
        a = side_of(cx, ev->agent);
        b = side_of(cx, ev->destination);
      }
      if (a != NG_NONE && b != NG_NONE && a != b) {
        *x = a;
        *y = b;
        return true;
      }
    }
  }
  return false;
}

/* Distinct countries named in view @p v outside quotes and comparison
 * lists. */
static size_t
countries_named(const struct ctx *cx, const struct ng_view *v)
{
  size_t found[2], n = 0;
  for (size_t i = 0; i < v->n_toks && n < 2; i++) {
    const struct ng_tok *t = &v->toks[i];
    if (t->kind != NG_TOK_ENT || t->quoted || !is_country(cx, t->ent) ||
        in_comparison(v, i) || (n == 1 && found[0] == t->ent)) {
      continue;
    }
    found[n++] = t->ent;
  }
  return n;
}

/* The parties of an amount at token @p at of view @p vi: the trading
 * partner match nearest before it (else after it; a pair the context
 * implies only when no match names one: the story's focus pair when the
 * sentence names fewer than two countries), else the two countries or
 * blocs the sentence names. */
static bool
trade_parties(const struct ctx *cx, size_t vi, size_t at, size_t *x,
              size_t *y)
{
  struct pairpick pp = {NG_NONE, NG_NONE, NG_NONE, NG_NONE, NG_NONE,
                        NG_NONE};
  pick_pairs(cx, vi, at, false, &pp);
  if (pp.bx == NG_NONE && pp.ax == NG_NONE) {
    pick_pairs(cx, vi, at, true, &pp);
    if ((pp.bx != NG_NONE || pp.ax != NG_NONE) &&
        countries_named(cx, view_of(cx, vi)) < 2 && focus_pair(cx, x, y)) {
      return true;
    }
  }
  if (pp.bx != NG_NONE) {
    *x = pp.bx;
    *y = pp.by;
    return true;
  }
  if (pp.ax != NG_NONE) {
    *x = pp.ax;
    *y = pp.ay;
    return true;
  }
  const struct ng_view *v = view_of(cx, vi);
  size_t found[3], n = 0;
  for (size_t i = 0; i < v->n_toks && n < 3; i++) {
    const struct ng_tok *t = &v->toks[i];
    if (t->kind == NG_TOK_PAIR && !t->quoted && is_trade_party(cx, t->ent) &&
        is_trade_party(cx, t->ent2)) {
      *x = t->ent;
      *y = t->ent2;
      return true;
    }
    if (t->kind != NG_TOK_ENT || t->quoted || !is_trade_party(cx, t->ent) ||
        in_comparison(v, i)) {
      continue;
    }
    bool dup = false;
    for (size_t k = 0; k < n; k++) {
      dup |= found[k] == t->ent;
    }
    if (!dup) {
      found[n++] = t->ent;
    }
  }
  if (n == 2) {
    *x = found[0];
    *y = found[1];
    return true;
  }
  return false;
}

/* Is the amount at token @p at governed by an investment word (the
 * nearest of investment and trade words before it, within 8 tokens)? */
static bool
is_investment(const struct ctx *cx, const struct ng_view *v, size_t at)
{
  for (size_t k = at; k-- > 0 && at - k <= 8;) {
    if (ng__tok_is_hard_barrier(&v->toks[k])) {
      break;
    }
    if (ng__view_find(v, k, k + 1, &cx->lex->lists[NG_WL_INVEST], NULL) ==
        k) {
      return true;
    }
    if (ng__view_find(v, k, k + 1, &cx->lex->lists[NG_WL_TRADE], NULL) ==
        k) {
      return false;
    }
  }
  return false;
}

/* Is the amount at tokens [@p at, @p after) a forecast or a target, not a
 * measured figure ("officials expect trade to reach $3 billion by 2027",
 * "aim to double trade to $6 billion", "a $5 billion target")? True when
 * a forecast marker (ngl:ForecastMarker) starts in its clause before it
 * (up to 12 tokens back, stopping at a comma or a hard barrier) or right
 * after it. */
static bool
is_forecast(const struct ctx *cx, const struct ng_view *v, size_t at,
            size_t after)
{
  const struct ng_wordlist *fm = &cx->lex->lists[NG_WL_FORECAST];
  size_t k = at;
  while (k > 0 && at - k < 12 && !ng__tok_is_hard_barrier(&v->toks[k - 1]) &&
         !tok_is(&v->toks[k - 1], ",")) {
    k--;
  }
  if (k < at && ng__view_find(v, k, at, fm, NULL) != NG_NONE) {
    return true;
  }
  return after < v->n_toks && ng__view_find(v, after, after + 1, fm, NULL) ==
                                  after;
}

/* Is the amount at token @p at trade inside one group ("trade among
 * ECOWAS countries was worth $20 billion", "intra-regional trade of $5
 * billion")? True when the nearest trade word before it, within its
 * clause and 12 tokens, belongs to an intra-bloc marker: such a figure
 * has no two parties, whatever else the sentence compares it with. */
static bool
is_intra_trade(const struct ctx *cx, const struct ng_view *v, size_t at)
{
  const struct ng_wordlist *intra = &cx->lex->lists[NG_WL_INTRA_TRADE];
  for (size_t k = at; k-- > 0 && at - k <= 12;) {
    if (ng__tok_is_hard_barrier(&v->toks[k])) {
      break;
    }
    if (ng__view_find(v, k, k + 1, intra, NULL) == k) {
      return true;
    }
    if (ng__view_find(v, k, k + 1, &cx->lex->lists[NG_WL_TRADE], NULL) ==
        k) {
      return ng__view_ends_with(v, k, intra);
    }
  }
  return false;
}

/* Context score of a currency's country for ng__money_scan_names(): how
 * often the article mentions it. */
static size_t
currency_context(void *ud, const char *country)
{
  const struct ng_doc *doc = ud;
  size_t e = ng__doc_find_entity(doc, NG_ETYPE_COUNTRY, country);
  return e == NG_NONE ? 0 : doc->entities[e].n_mentions;
}

/* The canonical label of the country issuing currency @p code according
 * to the lexicon's currency names (ngl:CurrencyName), or NULL. */
static const char *
currency_country(const struct ctx *cx, const char *code)
{
  for (size_t k = 0; k < cx->lex->n_currencies; k++) {
    const struct ng_money_name *c = &cx->lex->currencies[k];
    if (strcmp(c->code, code) == 0 && c->country) {
      return c->country;
    }
  }
  return NULL;
}

/* True if an amount written with the ¥ sign at @p at, in an article that
 * names the yuan elsewhere, is the yuan: one of its parties @p x, @p y
 * issues the yuan and neither issues the yen (VOCABULARY.md: "¥→JPY
 * (CNY when the context says yuan/renminbi)"). */
static bool
yen_is_yuan(const struct ctx *cx, const char *at, size_t x, size_t y)
{
  if ((unsigned char)at[0] != 0xC2 || (unsigned char)at[1] != 0xA5) {
    return false;
  }
  const char *cn = currency_country(cx, "CNY");
  const char *jp = currency_country(cx, "JPY");
  const char *lx = cx->doc->entities[x].label;
  const char *ly = cx->doc->entities[y].label;
  bool has_cn = cn && (strcmp(lx, cn) == 0 || strcmp(ly, cn) == 0);
  bool has_jp = jp && (strcmp(lx, jp) == 0 || strcmp(ly, jp) == 0);
  return has_cn && !has_jp;
}

/* The year of amount @p i of the @p nm amounts @p mon (offsets relative
 * to @p base) in sentence @p s. Each year expression belongs to one
 * amount when it follows that amount within a few words ("US$350 million
 * in 2023"). The amount takes its own year; without one, the nearest
 * year that belongs to no other amount ("rose from X in 2023 to Y in
 * 2024" dates Y 2024, not 2023). "Today", "on Monday" date the report, not the
 * figure. 0 when the sentence has no usable year. */
static int
figure_year(const struct ctx *cx, size_t s, const struct ng_money *mon,
            size_t nm, size_t i, size_t base)
{
  int year = 0;
  size_t year_d = SIZE_MAX;
  size_t mb = mon[i].begin + base;
  for (size_t k = 0; k < cx->n_tx[s]; k++) {
    const struct ng_timex *t = &cx->tx[s][k];
    bool report_day = t->kind == NG_TIMEX_DATE && t->relative;
    if (!t->year || report_day) {
      continue;
    }
    /* the owner: the amount ending shortly before it */
    size_t owner = NG_NONE;
    for (size_t j = 0; j < nm; j++) {
      size_t je = mon[j].end + base;
      if (je <= t->begin && t->begin - je <= 12) {
        owner = j;
      }
    }
    if (owner == i) {
      return t->year;
    }
    if (owner != NG_NONE && owner != i) {
      continue;
    }
    size_t d = t->begin > mb ? t->begin - mb : mb - t->begin;
    if (d < year_d) {
      year = t->year;
      year_d = d;
    }
  }
  if (year) {
    return year;
  }
  /* every year of the sentence belongs to another amount: the nearest */
  for (size_t k = 0; k < cx->n_tx[s]; k++) {
    const struct ng_timex *t = &cx->tx[s][k];
    size_t d = t->begin > mb ? t->begin - mb : mb - t->begin;
    if (t->year && !(t->kind == NG_TIMEX_DATE && t->relative) &&
        d < year_d) {
      year = t->year;
      year_d = d;
    }
  }
  return year;
}

/* Hash of what makes two trade figures the same (FNV-1a). */
static size_t
fig_hash(int year, size_t p0, size_t p1, const char *cur, const char *val)
{
  uint32_t h = 2166136261u;
  size_t nums[3] = {(size_t)(unsigned)year, p0, p1};
  const unsigned char *b = (const unsigned char *)nums;
  for (size_t i = 0; i < sizeof nums; i++) {
    h = (h ^ b[i]) * 16777619u;
  }
  for (const char *sp[2] = {cur, val}, **q = sp; q < sp + 2; q++) {
    for (const unsigned char *c = (const unsigned char *)*q; *c; c++) {
      h = (h ^ *c) * 16777619u;
    }
    h = (h ^ 0xFFu) * 16777619u;
  }
  return h;
}

/* True if trade figure event @p o has exactly these fields. */
static bool
fig_same(const struct ng_event *o, int year, size_t p0, size_t p1,
         const char *cur, const char *val)
{
  return o->kind == NG_EV_TRADE_FIGURE && o->year == year &&
         o->parties[0] == p0 && o->parties[1] == p1 &&
         strcmp(o->currency, cur) == 0 && strcmp(o->value, val) == 0;
}

/* True if trade_figures() already added a figure with these fields. */
static bool
figs_has(const struct ctx *cx, int year, size_t p0, size_t p1,
         const char *cur, const char *val)
{
  if (!cx->n_figs_slots) {
    return false;
  }
  size_t mask = cx->n_figs_slots - 1;
  for (size_t h = fig_hash(year, p0, p1, cur, val) & mask; cx->figs[h];
       h = (h + 1) & mask) {
    if (fig_same(&cx->doc->events[cx->figs[h] - 1], year, p0, p1, cur,
                 val)) {
      return true;
    }
  }
  return false;
}

/* Puts @p slot (event index + 1) into the table @p t of @p n slots. */
static void
figs_put(const struct ng_doc *doc, size_t *t, size_t n, size_t slot)
{
  const struct ng_event *o = &doc->events[slot - 1];
  size_t h = fig_hash(o->year, o->parties[0], o->parties[1], o->currency,
                      o->value) &
             (n - 1);
  while (t[h]) {
    h = (h + 1) & (n - 1);
  }
  t[h] = slot;
}

/* Adds trade figure event @p e to the set of trade_figures(). */
static ng_status
figs_add(struct ctx *cx, size_t e)
{
  if (2 * (cx->n_figs + 1) > cx->n_figs_slots) {
    size_t n = cx->n_figs_slots ? cx->n_figs_slots * 2 : 64;
    size_t *t = calloc(n, sizeof *t);
    if (!t) {
      return NG_ERR_NOMEM;
    }
    for (size_t i = 0; i < cx->n_figs_slots; i++) {
      if (cx->figs[i]) {
        figs_put(cx->doc, t, n, cx->figs[i]);
      }
    }
    free(cx->figs);
    cx->figs = t;
    cx->n_figs_slots = n;
  }
  figs_put(cx->doc, cx->figs, cx->n_figs_slots, e + 1);
  cx->n_figs++;
  return NG_OK;
}

/* True if token @p at of view @p v opens the sentence's text after its
 * dateline: every token before it ends by the dateline's dash (cx->head:
 * "WARSAW, March 10 - ", "LIMA (Reuters) -- "), or the view opens with
 * a dateline's shape, within 12 tokens: places, words in capitals,
 * commas and bracketed credits, then the sentence's first colon or dash
 * right before @p at ("NEW DELHI (PTI): ", "WARSAW, March 10: ",
 * "Warsaw - "). */
static bool
opens_after_dateline(const struct ctx *cx, const struct ng_view *v,
                     size_t at)
{
  bool before = true;
  for (size_t j = 0; j < at && before; j++) {
    before = v->toks[j].kind == NG_TOK_PUNCT || v->toks[j].end <= cx->head;
  }
  if (before) {
    return true;
  }
  if (at < 2 || at > 12) {
    return false;
  }
  /* A lead the entity finder did not read as a dateline has its shape
   * all the same: a place, or words in capitals ("NEW DELHI", "HO CHI
   * MINH CITY"), then a colon or dash right before the word ("WARSAW:
   * Trade between ...", "Warsaw - Trade ..."); agency credits in
   * brackets may come between ("NEW DELHI (PTI): "). */
  const struct ng_doc *doc = cx->doc;
  /* after the dateline place as the entity finder read it
   * (ng_doc.dateline), any words: "WARSAW, March 10: " */
  bool read = doc->dateline != NG_NONE && v->toks[0].kind == NG_TOK_ENT &&
              v->toks[0].ent == ng__doc_resolve(doc, doc->dateline);
  bool brackets = false;
  for (size_t j = 0; j < at; j++) {
    const struct ng_tok *t = &v->toks[j];
    if (tok_is(t, ":") || tok_is(t, "-") || tok_is(t, "--") ||
        tok_is(t, "\xE2\x80\x94") || tok_is(t, "\xE2\x80\x93")) {
      return j > 0 && j + 1 == at;
    }
    if (read) {
      continue;
    }
    if (tok_is(t, "(") || tok_is(t, ")")) {
      brackets = tok_is(t, "(");
      continue;
    }
    if (brackets || t->kind == NG_TOK_ENT) {
      continue;
    }
    if (t->kind == NG_TOK_PUNCT && tok_is(t, ",")) {
      continue;
    }
    if (t->kind != NG_TOK_WORD) {
      return false;
    }
    for (size_t b = t->begin; b < t->end; b++) {
      unsigned char c = (unsigned char)doc->text[b];
      if (c >= 'a' && c <= 'z') {
        return false;
      }
    }
  }
  return false;
}

/* True if the token after the @p n tokens at @p at of view @p v is a
 * word in capitals or a name: the trade word before it is then the
 * first word of a name the entity finder did not know ("Export
 * Development Canada said it lent ...", "Export Finance Australia"), not
 * a statement about trade. */
static bool
name_goes_on(const struct ctx *cx, const struct ng_view *v, size_t at,
             size_t n)
{
  size_t k = at + (n ? n : 1);
  if (k >= v->n_toks) {
    return false;
  }
  const struct ng_tok *t = &v->toks[k];
  if (tok_is(t, "-") && k + 1 < v->n_toks) {
    t = &v->toks[k + 1]; /* "Export-Import Bank" */
  }
  if (t->kind == NG_TOK_ENT) {
    return true;
  }
  unsigned char c = (unsigned char)cx->doc->text[t->begin];
  return t->kind == NG_TOK_WORD && c >= 'A' && c <= 'Z';
}

/* True if view @p v holds a trade word (ngl:TradeWord) used as a common
 * noun or verb: a capitalised one inside the sentence is part of a name
 * the entity finder did not know ("UK Export Finance will provide a
 * credit line", "the Export-Import Bank"), not a statement about trade.
 * A word opening the sentence counts, also after the dateline
 * ("WARSAW, March 10 - Trade between ...": opens_after_dateline()). */
static bool
has_trade_word(const struct ctx *cx, const struct ng_view *v)
{
  const struct ng_wordlist *tw = &cx->lex->lists[NG_WL_TRADE];
  for (size_t k = 0; k < v->n_toks;) {
    size_t n = 1;
    size_t at = ng__view_find(v, k, v->n_toks, tw, &n);
    if (at == NG_NONE) {
      return false;
    }
    unsigned char c = (unsigned char)cx->doc->text[v->toks[at].begin];
    if (!(c >= 'A' && c <= 'Z') ||
        (opens_after_dateline(cx, v, at) && !name_goes_on(cx, v, at, n))) {
      return true;
    }
    k = at + (n ? n : 1);
  }
  return false;
}

/* True if the @p len bytes at @p s hold an ASCII digit (money.c reads
 * an amount only from one: number_len). */
static bool
has_digit(const char *s, size_t len)
{
  for (size_t i = 0; i < len; i++) {
    if (s[i] >= '0' && s[i] <= '9') {
      return true;
    }
  }
  return false;
}

static ng_status
trade_figures(struct ctx *cx)
{
  ng_status st;
  struct ng_doc *doc = cx->doc;
  int last_year = 0;
  /* ¥ is the yuan in an article that names the yuan anywhere (looked
   * up the first time a yen amount needs it: -1 not yet) */
  int yuan = -1;
  for (size_t vi = 0; vi < cx->set.views.n; vi++) {
    const struct ng_view *v = view_of(cx, vi);
    if (!has_trade_word(cx, v)) {
      continue;
    }
    const struct ng_sentence *se = &doc->sentences[v->sentence];
    if (!has_digit(doc->text + se->begin, se->end - se->begin)) {
      continue; /* every amount has a number in ASCII digits */
    }
    struct ng_money mon[16];
    struct ng_money_names names = {cx->lex->currencies,
                                   cx->lex->n_currencies, currency_context,
                                   doc, false};
    size_t nm = ng__money_scan_names(doc->text + se->begin,
                                     se->end - se->begin, &names, mon,
                                     ARRAY_LEN(mon));
    if (nm > ARRAY_LEN(mon)) {
      nm = ARRAY_LEN(mon);
    }
    int year = 0;
    size_t year_d = SIZE_MAX;
    for (size_t i = 0; i < nm; i++) {
      size_t mb = mon[i].begin + se->begin;
      size_t at = tok_at(v, mb);
      if (at < v->n_toks && v->toks[at].quoted) {
        continue;
      }
      if (at > 0 && ng__view_ends_with(v, at, &cx->lex->lists[NG_WL_CHANGE])) {
        /* "up by $5m", or "decreased $1.2 million to $23.5 million": a
         * change, not a value (R02) */
        const char *w = v->toks[at - 1].low;
        bool always = strcmp(w, "by") == 0 || strcmp(w, "up") == 0 ||
                      strcmp(w, "down") == 0 || strcmp(w, "of") == 0;
        size_t after = tok_at(v, mon[i].end + se->begin);
        bool to_value = after < v->n_toks && tok_is(&v->toks[after], "to") &&
                        i + 1 < nm &&
                        tok_at(v, mon[i + 1].begin + se->begin) == after + 1;
        if (always || to_value) {
          continue;
        }
      }
      if (at > 0 && tok_is(&v->toks[at - 1], "from")) {
        bool later_to = false;
        for (size_t j = 0; j < nm; j++) {
          size_t tj = tok_at(v, mon[j].begin + se->begin);
          later_to |= tj > 0 && tj != at && tok_is(&v->toks[tj - 1], "to");
        }
        if (later_to) {
          continue; /* the earlier value of a change */
        }
      }
      if (is_investment(cx, v, at) || is_intra_trade(cx, v, at)) {
        continue;
      }
      size_t x, y;
      if (!trade_parties(cx, vi, at, &x, &y)) {
        continue;
      }
      x = trade_side(cx, x);
      y = trade_side(cx, y);
      if (x == y) {
        continue;
      }
      if (strcmp(mon[i].currency, "JPY") == 0 && yuan < 0) {
        yuan = ng__money_says_yuan(doc->text, doc->text_len);
      }
      if (strcmp(mon[i].currency, "JPY") == 0 && yuan &&
          yen_is_yuan(cx, doc->text + mb, x, y)) {
        memcpy(mon[i].currency, "CNY", 4);
      }
      year = figure_year(cx, v->sentence, mon, nm, i, se->begin);
      (void)year_d;
      /* a forecast or target is ng:Planned: its year is its own ("by
       * 2027") or none, and it dates no later figure */
      bool forecast = is_forecast(cx, v, at,
                                  tok_at(v, mon[i].end + se->begin));
      if (!year && !forecast) {
        year = last_year;
      }
      if (!forecast) {
        last_year = year;
      }
      size_t p[2] = {x < y ? x : y, x < y ? y : x};
      /* the same figure added before (a hash set of the figures added
       * since start, instead of a scan of them) */
      if (figs_has(cx, year, p[0], p[1], mon[i].currency, mon[i].value)) {
        continue;
      }
      struct ng_event ev;
      event_init(&ev, NG_EV_TRADE_FIGURE);
      ev.parties = malloc(2 * sizeof *ev.parties);
      ev.value = strdup(mon[i].value);
      if (!ev.parties || !ev.value) {
        free(ev.parties);
        free(ev.value);
        return NG_ERR_NOMEM;
      }
      ev.parties[0] = x;
      ev.parties[1] = y;
      ev.n_parties = 2;
      ev.year = year;
      memcpy(ev.currency, mon[i].currency, 4);
      ev.sentence = v->sentence;
      ev.confidence = 0.75;
      ev.modality = forecast ? NG_MOD_PLANNED : NG_MOD_ASSERTED;
      TRY(st, take(doc, &ev));
      TRY(st, figs_add(cx, doc->n_events - 1));
      /* the figure states that they trade */
      struct ng_fact f = {NG_REL_TRADING_PARTNER_OF, x, y, v->sentence, 0.6,
                          NG_MOD_ASSERTED};
      TRY(st, ng__doc_add_fact(doc, &f));
    }
  }
  return NG_OK;
}

/* ---- run ---- */

/* Byte offset where the dateline ends: ng__doc_dateline_end(), or a
 * single hyphen set off by spaces after the agency or the date of a
 * first line opening with a capital ("HANOI, June 10 (Reuters) - ",
 * "LIMA, May 3 - "), the Reuters and Bernama style. 0 when none. */
static size_t
dateline_end(const struct ng_doc *doc)
{
  size_t e = ng__doc_dateline_end(doc);
  if (e || doc->text_len == 0 || !(doc->text[0] >= 'A' &&
                                   doc->text[0] <= 'Z')) {
    return e;
  }
  size_t lim = doc->text_len < 120 ? doc->text_len : 120;
  for (size_t i = 2; i + 1 < lim && doc->text[i] != '\n'; i++) {
    char b = doc->text[i - 2];
    if (doc->text[i] == '-' && doc->text[i - 1] == ' ' &&
        doc->text[i + 1] == ' ' && (b == ')' || (b >= '0' && b <= '9'))) {
      return i;
    }
  }
  return 0;
}

ng_status
ng__event_run(ng_world *world, struct ng_doc *doc)
{
  ng_status st;
  struct ctx cx;
  struct vlist vl = {NULL, 0, 0};
  memset(&cx, 0, sizeof cx);
  cx.world = world;
  cx.doc = doc;
  ng__relation_set_ref_date(doc);
  if (doc->relset) {
    /* ng__relation_run() left the matches it found (still valid) */
    cx.set = *doc->relset;
    free(doc->relset);
    doc->relset = NULL;
  } else {
    TRY(st, ng__relation_find(world, doc, &cx.set));
  }
  cx.lex = world->lex;
  cx.head = dateline_end(doc);
  TRY_DONE(st, compute_timexes(&cx));
  TRY_DONE(st, collect_visits(&cx, &vl));
  TRY_DONE(st, visit_followups(&cx, &vl));
  merge_visits(&vl);
  attach_destless(&cx, &vl);
  TRY_DONE(st, meetings(&cx, &vl));
  merge_visits(&vl);
  fill_durations(&vl);
  suppress_inner(&cx, &vl);
  TRY_DONE(st, emit_visits(&cx, &vl));
  TRY_DONE(st, signings(&cx));
  TRY_DONE(st, quotations(&cx));
  TRY_DONE(st, trade_figures(&cx));
done:
  free(vl.r);
  free(cx.figs);
  free(cx.q);
  free(cx.tx);
  free(cx.n_tx);
  ng__relation_clear(&cx.set);
  return st;
}
