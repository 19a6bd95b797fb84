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
  if (at != NG_NONE && at + n <= anchor) {
    return true;
  }
  /* "denied a Bloomberg report that": a denial verb, up to five words,
   * a report noun (ngl:ReportNoun), all before the trigger */
  static const char *const verbs[] = {"denied", "denies", "deny",
                                      "dismissed", "dismisses",
                                      "rejected", "rejects", "refuted",
                                      "refutes"};
  for (size_t i = w0; i < anchor; i++) {
    const struct ng_tok *t = &v->toks[i];
    bool verb = false;
    for (size_t k = 0; k < ARRAY_LEN(verbs) && !verb; k++) {
      verb = t->kind == NG_TOK_WORD && t->low[0] == verbs[k][0] &&
             strcmp(t->low, verbs[k]) == 0;
    }
    if (!verb) {
      continue;
    }
    size_t to = i + 7 < anchor ? i + 7 : anchor;
    at = ng__view_find(v, i + 1, to, &lex->lists[NG_WL_REPORT_NOUN], &n);
    if (at != NG_NONE && at + n < anchor) {
      return true;
    }
  }
  return false;
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

/* True if a phrase of @p wl starts at token @p i of @p v and, when its
 * first word is capitalised in the text, @p i starts a clause (the first
 * token, or one after a hard barrier, dash, comma-free opening such as a
 * quotation mark): "If X joins" counts, the month in "May 21" does not. */
static bool
marker_at(const struct ng_doc *doc, const struct ng_view *v, size_t i,
          const struct ng_wordlist *wl, size_t *n)
{
  size_t k = NG_NONE;
  size_t at = ng__view_find(v, i, i + 1, wl, &k);
  if (at != i) {
    return false;
  }
  unsigned char c = (unsigned char)doc->text[v->toks[i].begin];
  if (c >= 'A' && c <= 'Z' && i > 0) {
    const struct ng_tok *p = &v->toks[i - 1];
    bool start = ng__tok_is_hard_barrier(p) ||
                 (p->kind == NG_TOK_PUNCT &&
                  (strcmp(p->low, "-") == 0 || strcmp(p->low, "(") == 0));
    if (!start) {
      return false;
    }
  }
  if (n) {
    *n = k;
  }
  return true;
}

/* Words that open a subordinate or relative clause: a hypothetical
 * marker before one of them does not reach a trigger after it ("could
 * sign a deal after X visited Y"). */
static bool
clause_opener(const struct ng_tok *t)
{
  static const char *const words[] = {"after", "before", "when", "since",
                                      "because", "while", "who", "which",
                                      "where", "whose", "but", "and"};
  if (t->kind != NG_TOK_WORD) {
    return false;
  }
  for (size_t k = 0; k < ARRAY_LEN(words); k++) {
    if (t->low[0] == words[k][0] && strcmp(t->low, words[k]) == 0) {
      return true;
    }
  }
  return false;
}

/* True if a hypothetical marker (ngl:HypotheticalMarker: "if", "could",
 * "unless", "whether") comes before the trigger of @p m in its clause,
 * with no clause opener between: the sentence states a condition or a
 * possibility, not a fact ("If Algeria joins the bloc", "Nigeria could
 * become a full member"). */
static bool
hypothetical(const struct ng_doc *doc, const struct ng_lexicon *lex,
             const struct ng_view *v, const struct ng_match *m)
{
  size_t anchor = m->anchor == NG_NONE ? m->first : m->anchor;
  const struct ng_wordlist *wl = &lex->lists[NG_WL_HYPOTHETICAL];
  /* "X, who hopes to boost trade, met Y": a relative clause inside the
   * match says nothing of the trigger */
  size_t skip_b = NG_NONE, skip_e = NG_NONE;
  for (size_t i = m->first; i + 1 < anchor; i++) {
    const struct ng_tok *t = &v->toks[i];
    const struct ng_tok *nx = &v->toks[i + 1];
    if (t->kind == NG_TOK_PUNCT && strcmp(t->low, ",") == 0 &&
        nx->kind == NG_TOK_WORD &&
        (strcmp(nx->low, "who") == 0 || strcmp(nx->low, "which") == 0 ||
         strcmp(nx->low, "whose") == 0)) {
      for (size_t j = i + 2; j < anchor; j++) {
        if (strcmp(v->toks[j].low, ",") == 0) {
          skip_b = i;
          skip_e = j;
          break;
        }
      }
      break;
    }
  }
  size_t n = 0;
  /* "would join BRICS only if members agreed" */
  for (size_t i = m->last + 1; i < v->n_toks && i <= m->last + 2; i++) {
    if (marker_at(doc, v, i, wl, &n) &&
        (strcmp(v->toks[i].low, "if") == 0 ||
         strcmp(v->toks[i].low, "unless") == 0)) {
      return true;
    }
  }
  for (size_t i = anchor; i-- > 0 && anchor - i <= 14;) {
    if (skip_b != NG_NONE && i >= skip_b && i <= skip_e) {
      continue;
    }
    const struct ng_tok *t = &v->toks[i];
    if (ng__tok_is_hard_barrier(t) || t->quoted != v->toks[anchor].quoted) {
      return false;
    }
    if (t->kind == NG_TOK_WORD && marker_at(doc, v, i, wl, &n) &&
        i + n <= anchor) {
      return true;
    }
    if (clause_opener(t) && i < m->first) {
      return false;
    }
  }
  return false;
}

/* True if the words after the match's last token say that it did not
 * happen (ngl:DeniedTailMarker: "did not take place", "was cancelled"),
 * within three tokens. */
static bool
denied_tail(const struct ng_lexicon *lex, const struct ng_view *v,
            const struct ng_match *m)
{
  size_t n;
  size_t from = m->last + 1;
  size_t at = ng__view_find(v, from, from + 4, &lex->lists[NG_WL_DENIED_TAIL],
                            &n);
  return at != NG_NONE;
}

/* True if the sentence of @p m outside quotation marks attributes what
 * it says to unnamed sources or media (ngl:ReportedTailMarker:
 * "according to diplomats", "sources said", "media reported"), before or
 * after the trigger. */
static bool
reported_anywhere(const struct ng_lexicon *lex, const struct ng_view *v,
                  const struct ng_match *m)
{
  size_t anchor = m->anchor == NG_NONE ? m->first : m->anchor;
  bool quoted = v->toks[anchor].quoted;
  size_t n, from = 0;
  while (from < v->n_toks) {
    size_t at = ng__view_find(v, from, v->n_toks,
                              &lex->lists[NG_WL_REPORTED_TAIL], &n);
    if (at == NG_NONE) {
      return false;
    }
    if (v->toks[at].quoted == quoted) {
      return true;
    }
    from = at + 1;
  }
  return false;
}

/* True if the trigger of @p m is a past participle after a form of "be"
 * and followed by "by" ("X was hosted by Y") while the rule reads it as
 * active voice (its A slot before the trigger, no "by" in the rule): the
 * roles are the other way round, so the match is dropped; the rules
 * written for the passive state it. */
static bool
passive_misread(const struct ng_view *v, const struct ng_match *m)
{
  static const char *const be[] = {"was", "were", "is", "are", "been",
                                   "being", "be", "am"};
  static const char *const irregular[] = {"met", "held", "led", "made",
                                          "taken", "seen", "given"};
  size_t anchor = m->anchor;
  if (anchor == NG_NONE || anchor == 0 || m->n_a == 0 ||
      m->a_tok[0] > anchor) {
    return false;
  }
  const struct ng_rule *r = m->rule;
  for (size_t e = 0; e < r->n_els; e++) {
    for (size_t k = 0; k < r->els[e].n_alts; k++) {
      if (strcmp(r->els[e].alts[k], "by") == 0) {
        return false;
      }
    }
  }
  const char *w = v->toks[anchor].low;
  size_t wl = strlen(w);
  bool participle = wl > 3 && (strcmp(w + wl - 2, "ed") == 0 ||
                               strcmp(w + wl - 2, "en") == 0);
  for (size_t k = 0; k < ARRAY_LEN(irregular) && !participle; k++) {
    participle = strcmp(w, irregular[k]) == 0;
  }
  if (!participle) {
    return false;
  }
  /* the auxiliary right before the trigger, or one adverb before it
   * ("was later hosted by", "was warmly received by") */
  bool aux = false;
  for (size_t p = anchor; p-- > 0 && anchor - p <= 2 && !aux;) {
    if (v->toks[p].kind != NG_TOK_WORD) {
      break;
    }
    for (size_t k = 0; k < ARRAY_LEN(be) && !aux; k++) {
      aux = strcmp(v->toks[p].low, be[k]) == 0;
    }
  }
  if (!aux) {
    return false;
  }
  for (size_t k = anchor + 1; k < v->n_toks && k <= anchor + 4; k++) {
    if (v->toks[k].kind == NG_TOK_WORD && strcmp(v->toks[k].low, "by") == 0) {
      return true;
    }
    if (ng__tok_is_hard_barrier(&v->toks[k])) {
      break;
    }
  }
  return false;
}

/* True if the organisation of a membership match is only the modifier
 * of a noun that is no membership (ngl:NonMemberWord): "joined the BRICS
 * partner programme", "joined the ASEAN summit". */
static bool
not_membership(const struct ng_lexicon *lex, const struct ng_view *v,
               const struct ng_match *m)
{
  if (m->rule->rel != NG_REL_MEMBER_OF) {
    return false;
  }
  for (size_t i = 0; i < m->n_b; i++) {
    size_t k = m->b_tok[i] + 1;
    if (k < v->n_toks && v->toks[k].kind == NG_TOK_WORD &&
        ng__view_find(v, k, k + 1, &lex->lists[NG_WL_NON_MEMBER], NULL) ==
            k) {
      return true;
    }
  }
  return false;
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
  /* a longer marker that ends right before the trigger ("declined an
   * invitation to | meet", "turned down the offer to | visit"): only
   * the trigger it leads to is denied, not a later verb of the clause
   * ("X, who declined an invitation to visit Canada, met Y") */
  for (size_t from = anchor >= 8 ? anchor - 8 : 0; from < d0;) {
    if (from < w0) {
      from = w0;
      continue;
    }
    at = ng__view_find(v, from, anchor, &lex->lists[NG_WL_DENIED], &n);
    if (at == NG_NONE || at >= d0) {
      break;
    }
    if (at + n == anchor) {
      return NG_MOD_DENIED;
    }
    from = at + 1;
  }
  if (denied_clause(lex, v, anchor) || denied_tail(lex, v, m)) {
    return NG_MOD_DENIED;
  }
  size_t c0 = anchor >= 5 ? anchor - 5 : 0;
  if (c0 < w0) {
    c0 = w0;
  }
  at = ng__view_find(v, c0, anchor, &lex->lists[NG_WL_CANCELLED], &n);
  if (at != NG_NONE && at + n <= anchor) {
    return NG_MOD_DENIED; /* "cancelled a planned visit to" */
  }
  if (reported_anywhere(lex, v, m)) {
    return NG_MOD_REPORTED;
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

/* "X, whose country holds the GCC presidency": a person bound by a
 * slot that also takes countries, followed by ", whose country|nation|
 * government", stands for the country they hold an office of (the
 * clause speaks of the country). False when the country is not known:
 * the match is dropped. */
static bool
whose_country(const struct ng_doc *doc, const struct ng_views *views,
              const struct ng_view *v, struct ng_match *m)
{
  if (m->rule->rel == NG_REL_MEETS || m->rule->rel == NG_REL_VISITS) {
    return true; /* person-only relations */
  }
  size_t *arrs[2] = {m->a, m->b};
  size_t *toks[2] = {m->a_tok, m->b_tok};
  size_t ns[2] = {m->n_a, m->n_b};
  for (int r = 0; r < 2; r++) {
    for (size_t i = 0; i < ns[r]; i++) {
      size_t t = toks[r][i];
      if (doc->entities[arrs[r][i]].type != NG_ETYPE_PERSON ||
          t + 3 >= v->n_toks || strcmp(v->toks[t + 1].low, ",") != 0 ||
          strcmp(v->toks[t + 2].low, "whose") != 0 ||
          (strcmp(v->toks[t + 3].low, "country") != 0 &&
           strcmp(v->toks[t + 3].low, "nation") != 0 &&
           strcmp(v->toks[t + 3].low, "government") != 0)) {
        continue;
      }
      size_t c = ng__views_office_of(views, doc, arrs[r][i],
                                   NG_TYPE_BIT(NG_ETYPE_COUNTRY));
      if (c == NG_NONE) {
        return false;
      }
      arrs[r][i] = c;
    }
  }
  return true;
}

/* A membership whose organisation is only a description ("joined the
 * group") resolved to something that is no international organisation
 * (a company is a "group" too): the organisation is the last
 * international organisation named before it in its sentence or the
 * two before ("became a member of BRICS ..., a year after the UAE
 * joined the group"). False when there is none: the match is dropped. */
static bool
member_description(const struct ng_doc *doc, const struct ng_views *views,
                   struct ng_match *m)
{
  if (m->rule->rel != NG_REL_MEMBER_OF) {
    return true;
  }
  const struct ng_view *v = &views->v[m->view];
  for (size_t i = 0; i < m->n_b; i++) {
    const struct ng_tok *t = &v->toks[m->b_tok[i]];
    if (t->kind != NG_TOK_ENT || t->mkind != NG_MENTION_DESCRIPTION ||
        doc->entities[m->b[i]].type == NG_ETYPE_INTL_ORG) {
      continue;
    }
    size_t org = NG_NONE;
    for (size_t k = m->view + 1; k-- > 0 && m->view - k <= 2 &&
                                 org == NG_NONE;) {
      const struct ng_view *w = &views->v[k];
      size_t end = k == m->view ? m->b_tok[i] : w->n_toks;
      for (size_t j = end; j-- > 0;) {
        const struct ng_tok *x = &w->toks[j];
        if (x->kind == NG_TOK_ENT && !x->quoted &&
            doc->entities[x->ent].type == NG_ETYPE_INTL_ORG) {
          org = x->ent;
          break;
        }
      }
    }
    if (org == NG_NONE) {
      return false;
    }
    m->b[i] = org;
  }
  return true;
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
  if (world->gaz && doc->n_entities) {
    /* capitals standing for their countries ("Seoul and Tokyo agreed") */
    out->views.capital = malloc(doc->n_entities * sizeof(size_t));
    if (!out->views.capital) {
      ng__relation_clear(out);
      return NG_ERR_NOMEM;
    }
    for (size_t e = 0; e < doc->n_entities; e++) {
      const struct ng_entity *ce = &doc->entities[e];
      out->views.capital[e] = NG_NONE;
      if (ce->merged || ce->type != NG_ETYPE_CITY) {
        continue;
      }
      size_t ge = ng__gazetteer_find_entry(world->gaz, NG_ETYPE_CITY, false,
                                           ce->label, strlen(ce->label));
      const struct ng_gaz_entry *g = ng__gazetteer_entry(world->gaz, ge);
      const struct ng_gaz_entry *c =
          g ? ng__gazetteer_entry(world->gaz, g->capital_of) : NULL;
      size_t ci = c ? ng__doc_find_entity(doc, NG_ETYPE_COUNTRY, c->label)
                    : NG_NONE;
      if (ci != NG_NONE && doc->entities[ci].n_mentions > 0) {
        out->views.capital[e] = ci;
      }
    }
  }
  if (doc->dateline != NG_NONE && doc->dateline < doc->n_entities) {
    size_t city = ng__doc_resolve(doc, doc->dateline);
    ng__views_mark(&out->views, city, NG_ASKED_CITY);
    const char *c = city != NG_NONE &&
                            doc->entities[city].type == NG_ETYPE_CITY
                        ? ng__relation_city_country(world, doc, city)
                        : NULL;
    /* the answer, for facts_change_matches() */
    out->home_read = city != NG_NONE &&
                     doc->entities[city].type == NG_ETYPE_CITY;
    out->home_city = city;
    out->home_country = c ? strdup(c) : NULL;
    if (c && !out->home_country) {
      ng__relation_clear(out);
      return NG_ERR_NOMEM;
    }
    size_t home = c ? ng__doc_find_entity(doc, NG_ETYPE_COUNTRY, c) : NG_NONE;
    if (home != NG_NONE && doc->entities[home].n_mentions > 0) {
      out->views.home = home;
    }
  }
  struct ng_match found[32];
  /* rules whose words a sentence lacks are not tried on it */
  struct ng_rule_sig *sigs = NULL;
  const struct ng_rule_sig *sig_of = lex->sigs; /* made at load */
  if (lex->n_rules && !sig_of) {
    sigs = malloc(lex->n_rules * sizeof *sigs);
    if (!sigs) {
      ng__relation_clear(out);
      return NG_ERR_NOMEM;
    }
    for (size_t r = 0; r < lex->n_rules; r++) {
      ng__rule_sig(&lex->rules[r], &sigs[r]);
    }
    sig_of = sigs;
  }
  for (size_t vi = 0; vi < out->views.n; vi++) {
    const struct ng_view *v = &out->views.v[vi];
    bool has_ent;
    uint64_t words = ng__view_sig(v, &has_ent);
    for (size_t r = 0; r < lex->n_rules; r++) {
      const struct ng_rule *rule = &lex->rules[r];
      if (!ng__rule_sig_may_match(&sig_of[r], words, has_ent) ||
          !ng__rule_sig_may_match_view(&sig_of[r], v)) {
        continue;
      }
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
        if (!whose_country(doc, &out->views, v, &rm.m) ||
            !member_description(doc, &out->views, &rm.m) ||
            intended(lex, v, &rm.m) || hypothetical(doc, lex, v, &rm.m) ||
            passive_misread(v, &rm.m) || not_membership(lex, v, &rm.m)) {
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
          free(sigs);
          ng__relation_clear(out);
          return st;
        }
      }
    }
  }
  free(sigs);
  /* where each view's matches start, for per-sentence lookups */
  out->first = malloc((out->views.n + 1) * sizeof *out->first);
  if (!out->first) {
    ng__relation_clear(out);
    return NG_ERR_NOMEM;
  }
  for (size_t vi = 0, i = 0; vi <= out->views.n; vi++) {
    while (i < out->n && out->m[i].m.view < vi) {
      i++;
    }
    out->first[vi] = i;
  }
  return NG_OK;
}

void
ng__relation_clear(struct ng_relset *set)
{
  ng__views_clear(&set->views);
  free(set->home_country);
  free(set->m);
  free(set->first);
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
  if (doc->n_entities == 0) {
    return NG_OK;
  }
  /* per city: the sentence of its first name mention as a place, found
   * in one pass over the mentions */
  size_t *first = malloc(doc->n_entities * sizeof *first);
  if (!first) {
    return NG_ERR_NOMEM;
  }
  for (size_t e = 0; e < doc->n_entities; e++) {
    first[e] = NG_NONE;
  }
  for (size_t m = 0; m < doc->n_mentions; m++) {
    const struct ng_mention *mn = &doc->mentions[m];
    size_t e = ng__doc_resolve(doc, mn->entity);
    if (e < doc->n_entities && first[e] == NG_NONE &&
        doc->entities[e].type == NG_ETYPE_CITY && mn->begin > head &&
        mn->kind == NG_MENTION_NAME && locative(doc, mn->begin)) {
      first[e] = mn->sentence;
    }
  }
  st = NG_OK;
  for (size_t c = 0; c < doc->n_entities && st == NG_OK; c++) {
    const struct ng_entity *ce = &doc->entities[c];
    if (ce->merged || ce->type != NG_ETYPE_CITY) {
      continue;
    }
    size_t sent = first[c];
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
    st = ng__doc_add_fact(doc, &f);
  }
  free(first);
  return st;
}

/* True if a fact from index @p from on may change what
 * ng__relation_find() found in @p set: a fact of a kind it reads (an
 * office held, for ng__doc_office_of() and the descriptions of
 * pattern.c; a city's country, for ng__relation_city_country()) about an
 * entity whose facts of that kind it read (set->views.asked). Facts are
 * only appended and the first search read every such fact through the
 * functions that mark views.asked, so a search now would make the same
 * decisions when this is false. */
static bool
facts_change_matches(ng_world *world, const struct ng_doc *doc,
                     const struct ng_relset *set, size_t from)
{
  const struct ng_views *views = &set->views;
  bool office_read = false;
  for (size_t i = from; i < doc->n_facts; i++) {
    const struct ng_fact *f = &doc->facts[i];
    if (f->modality == NG_MOD_DENIED) {
      continue;
    }
    size_t s = ng__doc_resolve(doc, f->subject);
    size_t o = ng__doc_resolve(doc, f->object);
    bool office = f->rel == NG_REL_HEAD_OF_STATE_OF ||
                  f->rel == NG_REL_HEAD_OF_GOVERNMENT_OF ||
                  f->rel == NG_REL_MINISTER_OF || f->rel == NG_REL_LEADER_OF;
    bool holder = f->rel == NG_REL_HEAD_OF_STATE_OF ||
                  f->rel == NG_REL_HEAD_OF_GOVERNMENT_OF ||
                  f->rel == NG_REL_MINISTER_OF;
    if (!office && f->rel != NG_REL_LOCATED_IN) {
      continue;
    }
    if (!views->asked || s >= views->n_asked || o >= views->n_asked) {
      return true; /* unknown: assume it does */
    }
    if (f->rel == NG_REL_LOCATED_IN && (views->asked[s] & NG_ASKED_CITY)) {
      /* read only for the dateline city: the same when its country is */
      const char *c = set->home_read && s == set->home_city
                          ? ng__relation_city_country(world, doc, s)
                          : NULL;
      if (!set->home_read || s != set->home_city ||
          (c == NULL) != (set->home_country == NULL) ||
          (c && strcmp(c, set->home_country) != 0)) {
        return true;
      }
    }
    if ((office && (views->asked[s] & NG_ASKED_OFFICE)) ||
        (holder && (views->asked[o] & NG_ASKED_HOLDER))) {
      /* read: but a search now makes the same decisions when every
       * answer it read is unchanged (office_of gives the first fact
       * that fits, and facts are only appended) */
      office_read = true;
    }
  }
  return office_read && !ng__views_answers_same(views, doc);
}

ng_status
ng__relation_run(ng_world *world, struct ng_doc *doc)
{
  ng_status st;
  struct ng_relset set;
  ng__relation_set_ref_date(doc);
  if (doc->relset) {
    ng__relation_clear(doc->relset);
    free(doc->relset);
    doc->relset = NULL;
  }
  size_t n0 = doc->n_facts;
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
  /* ng__event_run() needs the same matches: keep them when the facts
   * added here leave a new search unchanged (facts are only appended,
   * and entities are not merged after coreference) */
  if (!facts_change_matches(world, doc, &set, n0)) {
    doc->relset = malloc(sizeof *doc->relset);
    if (doc->relset) {
      *doc->relset = set;
      return NG_OK;
    }
  }
done:
  ng__relation_clear(&set);
  return st;
}
