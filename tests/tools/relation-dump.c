/* SPDX-License-Identifier: MIT */
/* Debug aid for the relations stage: extracts one article and prints its
 * sentence views, trigger matches, facts and events.
 * usage: relation-dump [--date YYYY-MM-DD] [--views] FILE */
#include "doc.h"
#include "lexicon.h"
#include "pattern.h"
#include "relation.h"
#include "timex.h"
#include "world.h"

#include <stdio.h>
#include <string.h>

static const char *const rel_names[] = {
    "meets", "visits", "hosts", "headOfStateOf", "headOfGovernmentOf",
    "ministerOf", "leaderOf", "memberOf", "partnerOf", "chairs",
    "cooperatesWith", "tradingPartnerOf", "signsAgreementWith", "invites",
    "locatedIn"};
static const char *const mod_names[] = {"asserted", "planned", "reported",
                                        "denied"};
static const char *const ev_names[] = {"Visit", "Meeting", "Signing",
                                       "Quotation", "TradeFigure"};

static const char *
label(const struct ng_doc *doc, size_t e)
{
  return e == NG_NONE || e >= doc->n_entities ? "-" : doc->entities[e].label;
}

int
main(int argc, char **argv)
{
  const char *date = NULL, *file = NULL;
  int views = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--date") == 0 && i + 1 < argc) {
      date = argv[++i];
    } else if (strcmp(argv[i], "--views") == 0) {
      views = 1;
    } else {
      file = argv[i];
    }
  }
  if (!file) {
    fprintf(stderr, "usage: relation-dump [--date D] [--views] FILE\n");
    return 2;
  }
  ng_world *world = ng_world_new();
  ng_doc *doc = NULL;
  if (!world || ng_doc_load(world, file, &doc) != NG_OK ||
      (date && ng_doc_set_date(doc, date) != NG_OK) ||
      ng_doc_extract(world, doc) != NG_OK) {
    fprintf(stderr, "relation-dump: %s: %s\n", file,
            world ? ng_world_errmsg(world) : "no memory");
    ng_doc_free(doc);
    ng_world_free(world);
    return 1;
  }
  printf("ref_date %s\n", doc->ref_date);
  struct ng_relset set;
  if (ng__relation_find(world, doc, &set) != NG_OK) {
    return 1;
  }
  for (size_t vi = 0; views && vi < set.views.n; vi++) {
    const struct ng_view *v = &set.views.v[vi];
    printf("[%zu]", vi);
    for (size_t t = 0; t < v->n_toks; t++) {
      const struct ng_tok *k = &v->toks[t];
      if (k->kind == NG_TOK_ENT) {
        printf(" {%d%s%s}", (int)doc->entities[k->ent].type,
               k->mkind == NG_MENTION_PRONOUN ? "pron:" :
                          k->mkind == NG_MENTION_DESCRIPTION ? "desc:" :
                          k->mkind == NG_MENTION_DEMONYM ? "dem:" : "",
               label(doc, k->ent));
      } else if (k->kind == NG_TOK_PAIR) {
        printf(" {pair:%s+%s}", label(doc, k->ent), label(doc, k->ent2));
      } else {
        printf(" %s%s", k->quoted ? "`" : "", k->low);
      }
    }
    printf("\n");
    const struct ng_sentence *se = &doc->sentences[v->sentence];
    struct ng_timex tx[8];
    size_t nt = ng__timex_scan(doc->text + se->begin, se->end - se->begin,
                               doc->ref_date, tx, 8);
    for (size_t k = 0; k < nt && k < 8; k++) {
      printf("   timex kind=%d %s..%s year=%d rel=%d fut=%d\n", tx[k].kind,
             tx[k].value, tx[k].end_value, tx[k].year, tx[k].relative,
             tx[k].future);
    }
  }
  for (size_t i = 0; i < set.n; i++) {
    const struct ng_rmatch *m = &set.m[i];
    printf("match s%zu %s %s %.2f [%s]:", set.views.v[m->m.view].sentence,
           rel_names[m->m.rule->rel], mod_names[m->modality], m->confidence,
           m->m.rule->source);
    for (size_t a = 0; a < m->m.n_a; a++) {
      printf(" A=%s", label(doc, m->m.a[a]));
    }
    for (size_t b = 0; b < m->m.n_b; b++) {
      printf(" B=%s", label(doc, m->m.b[b]));
    }
    printf("\n");
  }
  for (size_t i = 0; i < doc->n_facts; i++) {
    const struct ng_fact *f = &doc->facts[i];
    printf("fact %s %s %s s%zu %.2f %s\n", rel_names[f->rel],
           label(doc, f->subject), label(doc, f->object), f->sentence,
           f->confidence, mod_names[f->modality]);
  }
  for (size_t i = 0; i < doc->n_events; i++) {
    const struct ng_event *e = &doc->events[i];
    printf("event %s agent=%s dest=%s loc=%s", ev_names[e->kind],
           label(doc, e->agent), label(doc, e->destination),
           label(doc, e->location));
    for (size_t p = 0; p < e->n_parties; p++) {
      printf(" party=%s", label(doc, e->parties[p]));
    }
    printf(" start=%s end=%s date=%s year=%d value=%s %s %s text=%s\n",
           e->start_date, e->end_date, e->date, e->year,
           e->value ? e->value : "", e->currency, mod_names[e->modality],
           e->text ? e->text : "");
  }
  ng__relation_clear(&set);
  ng_doc_free(doc);
  ng_world_free(world);
  return 0;
}
