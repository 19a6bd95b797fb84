/* SPDX-License-Identifier: MIT */
/* Entity linking against the gazetteer, and the article-level entities:
 * publisher (ng:NewsAgency) and byline authors. */
#include "link.h"

#include "coref.h"
#include "gazetteer.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Trims white space; returns the trimmed length, *s moved forward. */
static size_t
trim(const char **s)
{
  const char *p = *s;
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
    p++;
  }
  size_t n = strlen(p);
  while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n' ||
                   p[n - 1] == '\r')) {
    n--;
  }
  *s = p;
  return n;
}

/* Unmerged entity of @p type whose label equals [s, s+n) ignoring case. */
static size_t
find_label(const struct ng_doc *doc, enum ng_etype type, bool any_type,
           const char *s, size_t n)
{
  for (size_t e = 0; e < doc->n_entities; e++) {
    const struct ng_entity *en = &doc->entities[e];
    if (en->merged || (!any_type && en->type != type)) {
      continue;
    }
    if (strlen(en->label) == n && strncasecmp(en->label, s, n) == 0) {
      return e;
    }
  }
  return NG_NONE;
}

static ng_status
link_gazetteer(ng_world *world, struct ng_doc *doc)
{
  ng_status st;
  for (size_t e = 0; e < doc->n_entities; e++) {
    struct ng_entity *en = &doc->entities[e];
    if (en->merged || en->qid || en->type == NG_ETYPE_PERSON) {
      continue;
    }
    size_t g = ng__gazetteer_find_entry(world->gaz, en->type, false, en->label,
                                        strlen(en->label));
    for (size_t a = 0; g == NG_NONE && a < en->n_alt_labels; a++) {
      g = ng__gazetteer_find_entry(world->gaz, en->type, false,
                                   en->alt_labels[a],
                                   strlen(en->alt_labels[a]));
    }
    const struct ng_gaz_entry *ge = ng__gazetteer_entry(world->gaz, g);
    if (!ge) {
      continue;
    }
    if (strcmp(ge->label, en->label) != 0) {
      size_t other = ng__doc_find_entity(doc, en->type, ge->label);
      if (other != NG_NONE && other != e) {
        TRY(st, ng__coref_merge(doc, e, other));
        continue;
      }
      char *old = en->label;
      en->label = NULL;
      st = ng__doc_set_str(&en->label, ge->label, strlen(ge->label));
      if (st != NG_OK) {
        en->label = old;
        return st;
      }
      st = ng__doc_add_alt_label(doc, e, old, strlen(old));
      free(old);
      TRY(st, st);
    }
    if (ge->qid) {
      TRY(st, ng__doc_set_str(&en->qid, ge->qid, strlen(ge->qid)));
    }
  }
  return NG_OK;
}

static ng_status
link_publisher(ng_world *world, struct ng_doc *doc)
{
  ng_status st;
  const char *p = doc->meta.publisher;
  if (!p) {
    return NG_OK; /* NER set the agency credited in the text, if any */
  }
  size_t n = trim(&p);
  if (n == 0) {
    return NG_OK;
  }
  size_t g = ng__gazetteer_find_entry(world->gaz, NG_ETYPE_NEWS_AGENCY, false,
                                      p, n);
  const struct ng_gaz_entry *ge = ng__gazetteer_entry(world->gaz, g);
  const char *label = ge ? ge->label : p;
  size_t ll = ge ? strlen(ge->label) : n;
  size_t e = find_label(doc, NG_ETYPE_NEWS_AGENCY, false, label, ll);
  if (e == NG_NONE) {
    /* the text may name it as an organisation of another type */
    e = find_label(doc, NG_ETYPE_NEWS_AGENCY, true, label, ll);
    if (e != NG_NONE && doc->entities[e].type == NG_ETYPE_PERSON) {
      e = NG_NONE;
    }
    if (e != NG_NONE) {
      doc->entities[e].type = NG_ETYPE_NEWS_AGENCY;
    }
  }
  if (e == NG_NONE) {
    char *copy = strndup(label, ll);
    if (!copy) {
      return NG_ERR_NOMEM;
    }
    st = ng__doc_add_entity(doc, NG_ETYPE_NEWS_AGENCY, copy, &e);
    free(copy);
    TRY(st, st);
    if (ge && ge->qid) {
      TRY(st, ng__doc_set_str(&doc->entities[e].qid, ge->qid,
                              strlen(ge->qid)));
    }
  }
  if (ge && (ll != n || strncmp(label, p, n) != 0)) {
    TRY(st, ng__doc_add_alt_label(doc, e, p, n));
  }
  doc->publisher = e;
  return NG_OK;
}

static bool
plausible_author(const struct ng_gazetteer *gaz, const char *s, size_t n)
{
  size_t words = 1;
  if (n < 2) {
    return false;
  }
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if ((c >= '0' && c <= '9') || c == '@' || c == '/' || c == ':') {
      return false;
    }
    words += c == ' ';
  }
  /* "Staff Reporter", "Agencies": byline words name nobody */
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && s[j] != ' ') {
      j++;
    }
    if (ng__gazetteer_find_word(gaz, NG_LEX_BYLINE, s + i, j - i)) {
      return false;
    }
    i = j + 1;
  }
  return words <= 5;
}

static ng_status
link_authors(const struct ng_gazetteer *gaz, struct ng_doc *doc)
{
  ng_status st;
  for (size_t a = 0; a < doc->meta.n_authors; a++) {
    const char *s = doc->meta.authors[a];
    if (!s) {
      continue;
    }
    size_t n = trim(&s);
    if (n > 3 && strncasecmp(s, "By ", 3) == 0) {
      s += 3;
      n -= 3;
    }
    if (!plausible_author(gaz, s, n)) {
      continue;
    }
    if (doc->publisher != NG_NONE) {
      const char *pl = doc->entities[doc->publisher].label;
      if (strlen(pl) == n && strncasecmp(pl, s, n) == 0) {
        continue; /* the publisher is no author (FAULT-CASES M05) */
      }
    }
    if (find_label(doc, NG_ETYPE_NEWS_AGENCY, false, s, n) != NG_NONE) {
      continue;
    }
    size_t e = find_label(doc, NG_ETYPE_PERSON, false, s, n);
    if (e == NG_NONE) {
      char *copy = strndup(s, n);
      if (!copy) {
        return NG_ERR_NOMEM;
      }
      st = ng__doc_add_entity(doc, NG_ETYPE_PERSON, copy, &e);
      free(copy);
      TRY(st, st);
    }
    doc->entities[e].is_author = true;
  }
  return NG_OK;
}

ng_status
ng__link_run(ng_world *world, struct ng_doc *doc)
{
  ng_status st;
  if (!world || !world->gaz) {
    return NG_OK;
  }
  TRY(st, link_gazetteer(world, doc));
  TRY(st, link_publisher(world, doc));
  TRY(st, link_authors(world->gaz, doc));
  return NG_OK;
}
