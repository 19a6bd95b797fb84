/* SPDX-License-Identifier: MIT */
/* Within-document coreference by simple, explainable rules: name parts,
 * case variants, acronyms, pronoun salience and definite descriptions. */
#include "coref.h"

#include "gazetteer.h"
#include "segment.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool
is_org_type(enum ng_etype t)
{
  return t == NG_ETYPE_ORGANIZATION || t == NG_ETYPE_INTL_ORG ||
         t == NG_ETYPE_GOV_BODY || t == NG_ETYPE_COMPANY ||
         t == NG_ETYPE_NEWS_AGENCY;
}

ng_status
ng__coref_merge(struct ng_doc *doc, size_t from, size_t into)
{
  ng_status st;
  from = ng__doc_resolve(doc, from);
  into = ng__doc_resolve(doc, into);
  if (from == into || from == NG_NONE || into == NG_NONE) {
    return NG_OK;
  }
  struct ng_entity *f = &doc->entities[from];
  TRY(st, ng__doc_add_alt_label(doc, into, f->label, strlen(f->label)));
  for (size_t i = 0; i < f->n_alt_labels; i++) {
    TRY(st, ng__doc_add_alt_label(doc, into, f->alt_labels[i],
                                  strlen(f->alt_labels[i])));
  }
  f = &doc->entities[from]; /* re-read after the adders */
  struct ng_entity *t = &doc->entities[into];
  if (!t->honorific && f->honorific) {
    TRY(st, ng__doc_set_str(&t->honorific, f->honorific,
                            strlen(f->honorific)));
  }
  if (!t->qid && f->qid) {
    TRY(st, ng__doc_set_str(&t->qid, f->qid, strlen(f->qid)));
  }
  if (t->type == NG_ETYPE_ORGANIZATION && is_org_type(f->type)) {
    t->type = f->type; /* keep the more specific class */
  }
  t->is_author = t->is_author || f->is_author;
  t->n_mentions += f->n_mentions;
  f->n_mentions = 0;
  f->merged = true;
  f->merged_into = into;
  bool shorter = strlen(f->label) < strlen(t->label);
  for (size_t m = 0; m < doc->n_mentions; m++) {
    if (doc->mentions[m].entity == from) {
      doc->mentions[m].entity = into;
      if (shorter && doc->mentions[m].kind == NG_MENTION_NAME &&
          t->type == NG_ETYPE_PERSON) {
        doc->mentions[m].kind = NG_MENTION_PARTIAL;
      }
    }
  }
  if (doc->dateline == from) {
    doc->dateline = into;
  }
  if (doc->publisher == from) {
    doc->publisher = into;
  }
  return NG_OK;
}

/* True if @p part is a whole-word contiguous part of @p whole. */
static bool
is_word_part(const char *part, const char *whole)
{
  size_t pl = strlen(part);
  if (pl == 0 || pl >= strlen(whole)) {
    return false;
  }
  for (const char *h = whole; (h = strstr(h, part)) != NULL; h++) {
    if ((h == whole || h[-1] == ' ') && (h[pl] == '\0' || h[pl] == ' ')) {
      return true;
    }
  }
  return false;
}

static bool
same_class(enum ng_etype a, enum ng_etype b)
{
  return a == b;
}

static ng_status
merge_names(struct ng_doc *doc)
{
  ng_status st;
  size_t n = doc->n_entities;
  for (size_t a = 0; a < n; a++) {
    struct ng_entity *ea = &doc->entities[a];
    if (ea->merged) {
      continue;
    }
    /* persons: name parts */
    if (ea->type == NG_ETYPE_PERSON) {
      size_t cand = NG_NONE, n_cand = 0;
      for (size_t b = 0; b < n; b++) {
        const struct ng_entity *eb = &doc->entities[b];
        if (b == a || eb->merged || eb->type != NG_ETYPE_PERSON) {
          continue;
        }
        if (is_word_part(ea->label, eb->label)) {
          /* nested candidates ("Koh" in "Daniel Koh" and in "Daniel Koh
           * Seng Hock") count once: keep the longest */
          if (cand != NG_NONE &&
              (is_word_part(doc->entities[cand].label, eb->label) ||
               is_word_part(eb->label, doc->entities[cand].label))) {
            if (strlen(eb->label) > strlen(doc->entities[cand].label)) {
              cand = b;
            }
            continue;
          }
          cand = b;
          n_cand++;
        }
      }
      if (n_cand == 1) {
        TRY(st, ng__coref_merge(doc, a, cand));
        continue;
      }
    }
    /* case variants of one type */
    for (size_t b = a + 1; b < n; b++) {
      const struct ng_entity *eb = &doc->entities[b];
      if (eb->merged || !same_class(ea->type, eb->type)) {
        continue;
      }
      if (strcasecmp(ea->label, eb->label) == 0) {
        TRY(st, ng__coref_merge(doc, b, a));
      }
    }
  }
  return NG_OK;
}

/* ---- nicknames ---- */

/* Quotation marks around a nickname, opening and closing. */
static const struct {
  const char *open, *close;
} nick_quotes[] = {
    {"\"", "\""},
    {"'", "'"},
    {"\xE2\x80\x9C", "\xE2\x80\x9D"}, /* “ ” */
    {"\xE2\x80\x98", "\xE2\x80\x99"}, /* ‘ ’ */
};

/* True if byte @p c may start a capitalised word: A-Z or the lead byte of
 * a Latin-1 Supplement or Latin Extended-A letter (U+00C0-U+017F). */
static bool
cap_start(unsigned char c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xC5);
}

/* True if the @p len bytes at @p s can be a nickname between quotation
 * marks: one to three capitalised words, no punctuation but '.', '-'. */
static bool
nickname_ok(const char *s, size_t len)
{
  size_t words = 0;
  if (len == 0 || len > 40) {
    return false;
  }
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (i == 0 || s[i - 1] == ' ') {
      if (!cap_start(c) || ++words > 3) {
        return false;
      }
    }
    if (c == ' ' ? i + 1 == len || s[i + 1] == ' '
                 : !(c >= 0x80 || c == '.' || c == '-' ||
                     (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      return false;
    }
    if (c == 0xE2) {
      return false; /* quotation marks, dashes */
    }
  }
  return true;
}

/* True if the word at [@p b, @p e) is a word the name lexicon knows as
 * no given name: an honorific, a title or title modifier, a stopword or
 * a description ("Dr", "President", "Acting", "The"). */
static bool
not_given_name(const struct ng_gazetteer *gaz, const char *s, size_t len)
{
  static const enum ng_lex_kind kinds[] = {
      NG_LEX_HONORIFIC, NG_LEX_TITLE, NG_LEX_TITLE_MOD, NG_LEX_STOPWORD,
      NG_LEX_DESCRIPTION, NG_LEX_DEMONYM};
  for (size_t k = 0; k < ARRAY_LEN(kinds); k++) {
    if (ng__gazetteer_find_word(gaz, kinds[k], s, len)) {
      return true;
    }
  }
  return false;
}

/* Moves what entity @p from holds that @p into lacks (honorific,
 * Wikidata id, author flag) and marks @p from merged into @p into,
 * without taking its label as a surface form: used for a name part
 * whose every mention became part of a longer one. */
static ng_status
absorb(struct ng_doc *doc, size_t from, size_t into)
{
  ng_status st;
  struct ng_entity *f = &doc->entities[from], *t = &doc->entities[into];
  if (from == into || f->n_mentions > 0) {
    return NG_OK;
  }
  if (!t->honorific && f->honorific) {
    TRY(st, ng__doc_set_str(&t->honorific, f->honorific,
                            strlen(f->honorific)));
  }
  if (!t->qid && f->qid) {
    TRY(st, ng__doc_set_str(&t->qid, f->qid, strlen(f->qid)));
  }
  t->is_author = t->is_author || f->is_author;
  f->merged = true;
  f->merged_into = into;
  return NG_OK;
}

/* Start of the given name before a quoted nickname whose opening mark
 * begins at @p o (after one space), within [@p lo, @p o): the person
 * mention ending there ("Mary Anne"), else the one capitalised word the
 * lexicon does not know as a title, honorific or stopword. NG_NONE when
 * there is none. */
static size_t
given_name_start(ng_world *world, const struct ng_doc *doc, size_t lo,
                 size_t o)
{
  const char *t = doc->text;
  if (o < lo + 2 || t[o - 1] != ' ') {
    return NG_NONE;
  }
  size_t ge = o - 1;
  for (size_t m = 0; m < doc->n_mentions; m++) {
    const struct ng_mention *mn = &doc->mentions[m];
    if (mn->end == ge && mn->begin >= lo) {
      size_t e = ng__doc_resolve(doc, mn->entity);
      return e != NG_NONE && doc->entities[e].type == NG_ETYPE_PERSON
                 ? mn->begin
                 : NG_NONE;
    }
    if (mn->begin < ge && mn->end > ge - 1 && mn->end <= o) {
      return NG_NONE; /* part of another entity's name */
    }
  }
  size_t gb = ge;
  while (gb > lo && t[gb - 1] != ' ' && t[gb - 1] != '\n' && ge - gb < 40) {
    gb--;
  }
  if (ge - gb < 2 || !cap_start((unsigned char)t[gb]) ||
      (gb > lo && t[gb - 1] != ' ' && t[gb - 1] != '\n')) {
    return NG_NONE;
  }
  for (size_t i = gb; i < ge; i++) {
    unsigned char c = (unsigned char)t[i];
    if (c == 0xE2 || !(c >= 0x80 || c == '-' || c == '.' ||
                       (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      return NG_NONE;
    }
  }
  if (not_given_name(world->gaz, t + gb, ge - gb)) {
    return NG_NONE;
  }
  return gb;
}

/* True if byte @p c can be part of a name word: an ASCII letter or
 * digit, a hyphen or a byte of a multi-byte character. */
static bool
name_byte(char c)
{
  unsigned char u = (unsigned char)c;
  return u >= 0x80 || c == '-' || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Adds a partial-name mention of person @p ent for each stand-alone
 * occurrence of the family name at [@p fb, @p fe) later in the text that
 * no mention covers yet: the entity finder saw only the family name at
 * the nickname, so it could not know the name for a second reference
 * that opens a sentence ("Nwosu reportedly met ..."; AP Stylebook: the
 * last name alone on second reference). */
static ng_status
add_family_references(struct ng_doc *doc, size_t ent, size_t fb, size_t fe)
{
  ng_status st;
  size_t fl = fe - fb;
  char name[64];
  if (fl < 2 || fl >= sizeof name) {
    return NG_OK;
  }
  memcpy(name, doc->text + fb, fl);
  name[fl] = '\0';
  const char *t = doc->text;
  for (const char *h = t + fe; (h = strstr(h, name)) != NULL; h += fl) {
    size_t b = (size_t)(h - t), e = b + fl;
    if ((b > 0 && name_byte(t[b - 1])) || name_byte(t[e])) {
      continue; /* part of a longer word */
    }
    bool covered = false;
    for (size_t m = 0; m < doc->n_mentions && !covered; m++) {
      covered = doc->mentions[m].begin < e && doc->mentions[m].end > b;
    }
    if (!covered && ng__doc_sentence_at(doc, b) != NG_NONE) {
      TRY(st, ng__doc_add_mention(doc, b, e, ent, NG_MENTION_PARTIAL));
    }
  }
  return NG_OK;
}

/* The person that mention @p mn names in full or in part, in a known
 * sentence (what merge_nicknames() and extend_given_names() start
 * from), or NG_NONE. */
static size_t
person_name_of(const struct ng_doc *doc, const struct ng_mention *mn)
{
  size_t ent = mn->entity == NG_NONE ? NG_NONE
                                     : ng__doc_resolve(doc, mn->entity);
  if (ent == NG_NONE || doc->entities[ent].type != NG_ETYPE_PERSON ||
      (mn->kind != NG_MENTION_NAME && mn->kind != NG_MENTION_PARTIAL) ||
      mn->sentence >= doc->n_sentences) {
    return NG_NONE;
  }
  return ent;
}

/* A nickname in quotation marks between a person's given name and
 * family name ('Maria "Mimi" Okafor', "Samuel 'Sammy' Mensah") is part of
 * one name, not a name boundary: the family-name mention is extended to
 * the given name and points to the person named by the given and family
 * names, with the nickname as a skos:altLabel (VOCABULARY.md "Entities":
 * the canonical name is the full name; AP Stylebook "nicknames": a
 * nickname in quotation marks goes between the first and last names).
 * Mentions inside the extended one (the given name, the nickname) are
 * dropped, and a name part left without mentions is merged. */
static ng_status
merge_nicknames(ng_world *world, struct ng_doc *doc)
{
  ng_status st;
  bool dropped = false;
  for (size_t m = 0; m < doc->n_mentions; m++) {
    struct ng_mention *mn = &doc->mentions[m];
    size_t ent = person_name_of(doc, mn);
    if (ent == NG_NONE) {
      continue;
    }
    const char *t = doc->text;
    size_t lo = doc->sentences[mn->sentence].begin, b = mn->begin;
    if (b < lo + 4 || t[b - 1] != ' ') {
      continue;
    }
    size_t ce = b - 1, nb = 0, ne = 0, o = NG_NONE;
    for (size_t q = 0; q < ARRAY_LEN(nick_quotes) && o == NG_NONE; q++) {
      size_t cl = strlen(nick_quotes[q].close);
      size_t ol = strlen(nick_quotes[q].open);
      if (ce < lo + cl || memcmp(t + ce - cl, nick_quotes[q].close, cl)) {
        continue;
      }
      ne = ce - cl;
      for (size_t k = ne; k > lo && ne - k <= 40; k--) {
        if (k - lo >= ol && memcmp(t + k - ol, nick_quotes[q].open, ol) == 0) {
          nb = k;
          o = k - ol;
          break;
        }
      }
    }
    if (o == NG_NONE || !nickname_ok(t + nb, ne - nb)) {
      continue;
    }
    size_t gb = given_name_start(world, doc, lo, o);
    if (gb == NG_NONE) {
      continue;
    }
    char full[256];
    int n = snprintf(full, sizeof full, "%.*s %.*s", (int)(o - 1 - gb),
                     t + gb, (int)(mn->end - b), t + b);
    if (n < 0 || (size_t)n >= sizeof full) {
      continue;
    }
    /* the nickname with the family name ("Tom Wilk" for 'Tomasz "Tom"
     * Wilk'), a reference to the same person anywhere in the text */
    char nick[256];
    int nn = snprintf(nick, sizeof nick, "%.*s %.*s", (int)(ne - nb),
                      t + nb, (int)(mn->end - b), t + b);
    size_t into = ng__doc_find_entity(doc, NG_ETYPE_PERSON, full);
    if (into == NG_NONE) {
      TRY(st, ng__doc_add_entity(doc, NG_ETYPE_PERSON, full, &into));
    }
    TRY(st, ng__doc_add_alt_label(doc, into, t + nb, ne - nb));
    mn = &doc->mentions[m];
    doc->entities[ent].n_mentions--;
    doc->entities[into].n_mentions++;
    mn->entity = into;
    mn->begin = gb;
    mn->kind = NG_MENTION_NAME;
    TRY(st, absorb(doc, ent, into));
    size_t same = nn > 0 && (size_t)nn < sizeof nick
                      ? ng__doc_find_entity(doc, NG_ETYPE_PERSON, nick)
                      : NG_NONE;
    if (same != NG_NONE) {
      TRY(st, ng__coref_merge(doc, same, into));
    }
    TRY(st, add_family_references(doc, into, b, doc->mentions[m].end));
    /* the given name and the nickname are no mentions of their own */
    for (size_t k = 0; k < doc->n_mentions; k++) {
      struct ng_mention *in = &doc->mentions[k];
      if (k == m || in->entity == NG_NONE || in->begin < gb ||
          in->end > b) {
        continue;
      }
      size_t ie = ng__doc_resolve(doc, in->entity);
      in->entity = NG_NONE;
      dropped = true;
      if (ie != NG_NONE && ie != into) {
        doc->entities[ie].n_mentions--;
        if (doc->entities[ie].type == NG_ETYPE_PERSON) {
          TRY(st, absorb(doc, ie, into));
        }
      }
    }
  }
  if (dropped) {
    size_t w = 0;
    for (size_t m = 0; m < doc->n_mentions; m++) {
      if (doc->mentions[m].entity != NG_NONE) {
        doc->mentions[w++] = doc->mentions[m];
      }
    }
    doc->n_mentions = w;
  }
  return NG_OK;
}

/* 'met Polish Foreign Minister Tomasz "Tom" Wilk': the entity finder
 * ended the person at the given name after a title, and the family name
 * after the quoted nickname stayed outside. A person mention followed by
 * a quoted nickname (nickname_ok()) and one capitalised word that no
 * mention covers is extended over that word: the person is "Tomasz
 * Wilk", with the nickname as an alternative label, "Tom Wilk" merged
 * into it, and later "Wilk" a reference to it (add_family_references()).
 * Errors: NG_ERR_NOMEM. */
static ng_status
extend_given_names(struct ng_doc *doc)
{
  ng_status st;
  const char *t = doc->text;
  for (size_t m = 0; m < doc->n_mentions; m++) {
    struct ng_mention *mn = &doc->mentions[m];
    size_t ent = person_name_of(doc, mn);
    if (ent == NG_NONE) {
      continue;
    }
    size_t hi = doc->sentences[mn->sentence].end, e = mn->end;
    if (e + 4 >= hi || t[e] != ' ' ||
        memchr(t + mn->begin, ' ', e - mn->begin)) {
      continue; /* only a given name alone: "Jan Kowal "Will Not
                   Resign" Reports Say" has no family name to come */
    }
    size_t nb = 0, ne = 0, fb = 0;
    for (size_t q = 0; q < ARRAY_LEN(nick_quotes) && !fb; q++) {
      size_t ol = strlen(nick_quotes[q].open);
      size_t cl = strlen(nick_quotes[q].close);
      if (e + 1 + ol > hi || memcmp(t + e + 1, nick_quotes[q].open, ol)) {
        continue;
      }
      nb = e + 1 + ol;
      for (size_t k = nb; k + cl <= hi && k - nb <= 40; k++) {
        if (memcmp(t + k, nick_quotes[q].close, cl) == 0) {
          ne = k;
          fb = k + cl + 1;
          break;
        }
      }
    }
    if (!fb || fb >= hi || t[fb - 1] != ' ' ||
        !nickname_ok(t + nb, ne - nb) || !cap_start((unsigned char)t[fb])) {
      continue;
    }
    size_t fe = fb;
    while (fe < hi && t[fe] != ' ' && t[fe] != ',' && t[fe] != '.' &&
           t[fe] != ';' && t[fe] != ':' && t[fe] != ')' && t[fe] != '\'' &&
           t[fe] != '"' && (unsigned char)t[fe] != 0xE2) {
      fe++;
    }
    bool covered = false;
    for (size_t k = 0; k < doc->n_mentions && !covered; k++) {
      covered = doc->mentions[k].begin < fe && doc->mentions[k].end > fb;
    }
    char full[256], nick[256];
    int n = snprintf(full, sizeof full, "%.*s %.*s", (int)(e - mn->begin),
                     t + mn->begin, (int)(fe - fb), t + fb);
    int nn = snprintf(nick, sizeof nick, "%.*s %.*s", (int)(ne - nb), t + nb,
                      (int)(fe - fb), t + fb);
    if (covered || fe - fb < 2 || n < 0 || (size_t)n >= sizeof full ||
        nn < 0 || (size_t)nn >= sizeof nick) {
      continue;
    }
    size_t into = ng__doc_find_entity(doc, NG_ETYPE_PERSON, full);
    if (into == NG_NONE) {
      TRY(st, ng__doc_add_entity(doc, NG_ETYPE_PERSON, full, &into));
    }
    TRY(st, ng__doc_add_alt_label(doc, into, t + nb, ne - nb));
    mn = &doc->mentions[m];
    if (into != ent) {
      doc->entities[ent].n_mentions--;
      doc->entities[into].n_mentions++;
      mn->entity = into;
    }
    mn->end = fe;
    mn->kind = NG_MENTION_NAME;
    TRY(st, absorb(doc, ent, into));
    size_t same = ng__doc_find_entity(doc, NG_ETYPE_PERSON, nick);
    if (same != NG_NONE && same != into) {
      TRY(st, ng__coref_merge(doc, same, into));
    }
    TRY(st, add_family_references(doc, into, fb, fe));
  }
  return NG_OK;
}

/* True if @p part is @p whole's first words ("Straits Pacific" of
 * "Straits Pacific Energy Corporation"). */
static bool
is_word_prefix(const char *part, const char *whole)
{
  size_t pl = strlen(part);
  return pl > 0 && strncmp(part, whole, pl) == 0 && whole[pl] == ' ' &&
         strncmp(whole + pl, " and ", 5) != 0 &&
         strncmp(whole + pl, " & ", 3) != 0;
}

/* Short forms of organisation names: a later mention that is the first
 * words of exactly one longer organisation name ("Gulf Horizon" after
 * "Gulf Horizon Energy Corporation", "Thang Long" after "Thang Long
 * Components Joint Stock Company") is that organisation, as a surname is
 * the person (AP Stylebook: a company may be named by its short form on
 * second reference). The short form may have been typed as an
 * organisation (by a title: "Gulf Horizon chief executive") or as a
 * person (by a reporting verb: "Sinar Teknik said"); it is never a name
 * the gazetteer knows ("African Union" is no short form of "African Union
 * Commission"), and a person with an honorific is a person. */
static ng_status
merge_org_short_forms(ng_world *world, struct ng_doc *doc)
{
  ng_status st;
  size_t n = doc->n_entities;
  for (size_t a = 0; a < n; a++) {
    const struct ng_entity *ea = &doc->entities[a];
    if (ea->merged || ea->qid || ea->type == NG_ETYPE_NEWS_AGENCY) {
      continue;
    }
    bool person = ea->type == NG_ETYPE_PERSON;
    if (!person && !is_org_type(ea->type)) {
      continue;
    }
    if (person && (ea->honorific || ea->is_author)) {
      continue;
    }
    if (ng__gazetteer_find_entry(world->gaz, ea->type, true, ea->label,
                                 strlen(ea->label)) != NG_NONE) {
      continue;
    }
    size_t cand = NG_NONE, n_cand = 0;
    for (size_t b = 0; b < n; b++) {
      const struct ng_entity *eb = &doc->entities[b];
      if (b == a || eb->merged || !is_org_type(eb->type) ||
          eb->type == NG_ETYPE_NEWS_AGENCY) {
        continue;
      }
      if (person && eb->type != NG_ETYPE_COMPANY &&
          eb->type != NG_ETYPE_ORGANIZATION) {
        continue; /* a person is no short form of a ministry */
      }
      if (!is_word_prefix(ea->label, eb->label)) {
        continue;
      }
      /* nested candidates ("Sinar Teknik Holdings" and "Sinar Teknik
       * Holdings Bhd") count once: keep the longest */
      if (cand != NG_NONE &&
          (is_word_prefix(doc->entities[cand].label, eb->label) ||
           is_word_prefix(eb->label, doc->entities[cand].label))) {
        if (strlen(eb->label) > strlen(doc->entities[cand].label)) {
          cand = b;
        }
        continue;
      }
      cand = b;
      n_cand++;
    }
    if (n_cand == 1) {
      TRY(st, ng__coref_merge(doc, a, cand));
    }
  }
  return NG_OK;
}

/* Initials of the capitalised words of @p s (skipping of/and/the/for). */
static void
initials(const char *s, char *out, size_t cap)
{
  size_t n = 0;
  const char *p = s;
  while (*p && n + 1 < cap) {
    while (*p == ' ' || *p == '-') {
      p++;
    }
    if (*p >= 'A' && *p <= 'Z') {
      out[n++] = *p;
    }
    while (*p && *p != ' ' && *p != '-') {
      p++;
    }
  }
  out[n] = '\0';
}

static bool
is_org(enum ng_etype t)
{
  return t == NG_ETYPE_ORGANIZATION || t == NG_ETYPE_INTL_ORG ||
         t == NG_ETYPE_GOV_BODY || t == NG_ETYPE_COMPANY ||
         t == NG_ETYPE_NEWS_AGENCY;
}

static ng_status
merge_acronyms(struct ng_doc *doc)
{
  ng_status st;
  char ini[64];
  for (size_t a = 0; a < doc->n_entities; a++) {
    const struct ng_entity *ea = &doc->entities[a];
    size_t al = strlen(ea->label);
    if (ea->merged || !is_org(ea->type) || al < 2 || al > 12) {
      continue;
    }
    bool upper = true;
    for (size_t i = 0; i < al; i++) {
      upper = upper && ea->label[i] >= 'A' && ea->label[i] <= 'Z';
    }
    if (!upper) {
      continue;
    }
    for (size_t b = 0; b < doc->n_entities; b++) {
      const struct ng_entity *eb = &doc->entities[b];
      if (b == a || eb->merged || !is_org(eb->type) || eb->qid) {
        continue;
      }
      initials(eb->label, ini, sizeof ini);
      if (strcmp(ini, ea->label) == 0) {
        TRY(st, ng__coref_merge(doc, b, a));
      }
    }
  }
  return NG_OK;
}

/* ---- pronouns and descriptions ---- */

struct pos_mention {
  size_t begin;
  size_t sentence;
  size_t entity;
  size_t order; /* index in doc->mentions: ties keep that order */
};

static int
cmp_pos(const void *a, const void *b)
{
  const struct pos_mention *x = a, *y = b;
  if (x->begin != y->begin) {
    return x->begin < y->begin ? -1 : 1;
  }
  return x->order < y->order ? -1 : x->order > y->order;
}

struct resolver {
  struct ng_doc *doc;
  const struct ng_gazetteer *gaz;
  struct pos_mention *pm; /* mentions in text order (grows with pronouns) */
  size_t n_pm, cap_pm;
  int *gender;            /* per entity: 0, 'm', 'f' */
};

static ng_status
pm_insert(struct resolver *r, size_t begin, size_t sentence, size_t entity)
{
  if (r->n_pm == r->cap_pm) {
    size_t ncap = r->cap_pm ? r->cap_pm * 2 : 64;
    struct pos_mention *p = realloc(r->pm, ncap * sizeof *p);
    if (!p) {
      return NG_ERR_NOMEM;
    }
    r->pm = p;
    r->cap_pm = ncap;
  }
  /* after every mention beginning at or before @p begin */
  size_t lo = 0, hi = r->n_pm;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (r->pm[mid].begin <= begin) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  memmove(&r->pm[lo + 1], &r->pm[lo], (r->n_pm - lo) * sizeof *r->pm);
  r->pm[lo].begin = begin;
  r->pm[lo].sentence = sentence;
  r->pm[lo].entity = entity;
  r->pm[lo].order = SIZE_MAX;
  r->n_pm++;
  return NG_OK;
}

/* Index of the first mention beginning at or after @p begin (r->pm is in
 * text order): binary search. */
static size_t
pm_lower(const struct resolver *r, size_t begin)
{
  size_t lo = 0, hi = r->n_pm;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (r->pm[mid].begin < begin) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

static bool
compatible(const struct resolver *r, size_t ent, int gender)
{
  return !gender || !r->gender[ent] || r->gender[ent] == gender;
}

/* The antecedent person of a pronoun at @p begin in sentence @p s. */
static size_t
antecedent(const struct resolver *r, size_t begin, size_t s, int gender)
{
  const struct ng_doc *doc = r->doc;
  /* the last person before it in its sentence */
  for (size_t i = pm_lower(r, begin); i-- > 0;) {
    const struct pos_mention *m = &r->pm[i];
    if (m->sentence != s) {
      break;
    }
    if (doc->entities[m->entity].type == NG_ETYPE_PERSON &&
        compatible(r, m->entity, gender)) {
      return m->entity;
    }
  }
  /* else the first person of the closest earlier sentence */
  for (size_t back = 1; back <= 3 && back <= s; back++) {
    size_t want = s - back;
    /* mentions of a sentence are the ones beginning inside it */
    const struct ng_sentence *ws = &doc->sentences[want];
    for (size_t i = pm_lower(r, ws->begin);
         i < r->n_pm && r->pm[i].begin < ws->end; i++) {
      const struct pos_mention *m = &r->pm[i];
      if (m->sentence != want) {
        continue;
      }
      if (doc->entities[m->entity].type == NG_ETYPE_PERSON &&
          compatible(r, m->entity, gender)) {
        return m->entity;
      }
    }
  }
  return NG_NONE;
}

/* The latest-mentioned entity before @p begin that @p ok accepts. */
static size_t
last_before(const struct resolver *r, size_t begin,
            bool (*ok)(const struct resolver *, size_t, const void *),
            const void *arg)
{
  for (size_t i = pm_lower(r, begin); i-- > 0;) {
    if (ok(r, r->pm[i].entity, arg)) {
      return r->pm[i].entity;
    }
  }
  return NG_NONE;
}

static bool
has_type(const struct resolver *r, size_t ent, const void *arg)
{
  enum ng_etype want = *(const enum ng_etype *)arg;
  enum ng_etype t = r->doc->entities[ent].type;
  if (want == NG_ETYPE_COMPANY) {
    return t == NG_ETYPE_COMPANY;
  }
  return t == want;
}

static bool
holds_office(const struct resolver *r, size_t ent, const void *arg)
{
  enum ng_rel rel = *(const enum ng_rel *)arg;
  for (size_t f = 0; f < r->doc->n_facts; f++) {
    const struct ng_fact *fa = &r->doc->facts[f];
    if (fa->rel == rel && ng__doc_resolve(r->doc, fa->subject) == ent) {
      return true;
    }
  }
  return false;
}

/* What a definite description of a person asks for: an office relation
 * (or NG_REL_COUNT for any office), a country (or NG_NONE) and the
 * description's title words. */
struct office_want {
  enum ng_rel rel;
  size_t country;
  const char *title;
  size_t title_len;
  bool by_title; /* also require the title words before a name mention */
};

static bool
is_office_rel(enum ng_rel rel)
{
  return rel == NG_REL_HEAD_OF_STATE_OF || rel == NG_REL_HEAD_OF_GOVERNMENT_OF ||
         rel == NG_REL_MINISTER_OF || rel == NG_REL_LEADER_OF;
}

/* True if a name mention of @p ent comes right after the title words of
 * @p w (case-insensitive): "Foreign Minister Amal Hassan" makes her "the
 * foreign minister". */
static bool
titled_before(const struct resolver *r, size_t ent, const struct office_want *w)
{
  const struct ng_doc *doc = r->doc;
  for (size_t m = 0; m < doc->n_mentions; m++) {
    const struct ng_mention *mn = &doc->mentions[m];
    if (ng__doc_resolve(doc, mn->entity) != ent ||
        mn->kind != NG_MENTION_NAME || mn->begin < w->title_len + 1) {
      continue;
    }
    /* the title may be followed by a short honorific ("Dr", "Datuk") */
    for (size_t back = w->title_len + 1;
         back <= w->title_len + 24 && back <= mn->begin; back++) {
      size_t p = mn->begin - back;
      if (strncasecmp(doc->text + p, w->title, w->title_len) == 0 &&
          (p == 0 || doc->text[p - 1] == ' ' || doc->text[p - 1] == '\n' ||
           doc->text[p - 1] == '"')) {
        return true;
      }
      if (doc->text[p] == '.' || doc->text[p] == ',' ||
          doc->text[p] == '\n') {
        break;
      }
    }
  }
  return false;
}

static bool
office_match(const struct resolver *r, size_t ent, const void *arg)
{
  const struct office_want *w = arg;
  if (r->doc->entities[ent].type != NG_ETYPE_PERSON) {
    return false;
  }
  bool ok = false;
  for (size_t f = 0; f < r->doc->n_facts && !ok; f++) {
    const struct ng_fact *fa = &r->doc->facts[f];
    if (ng__doc_resolve(r->doc, fa->subject) != ent ||
        !is_office_rel(fa->rel) ||
        (w->rel != NG_REL_COUNT && fa->rel != w->rel)) {
      continue;
    }
    ok = w->country == NG_NONE ||
         ng__doc_resolve(r->doc, fa->object) == w->country;
  }
  if (w->by_title) {
    ok = ok || (w->country == NG_NONE && titled_before(r, ent, w));
    return ok && titled_before(r, ent, w);
  }
  return ok;
}

static bool
tok_is(const struct ng_doc *doc, const struct ng_token *t, const char *s)
{
  size_t l = strlen(s);
  return t->end - t->begin == l && memcmp(doc->text + t->begin, s, l) == 0;
}

static ng_status
resolve_sentence(struct resolver *r, size_t s)
{
  ng_status st;
  struct ng_doc *doc = r->doc;
  struct ng_token *tok = NULL, *made = NULL;
  size_t n = 0;
  if (s < doc->n_tok_sents && doc->toks &&
      doc->tok_bounds[2 * s] == doc->sentences[s].begin &&
      doc->tok_bounds[2 * s + 1] == doc->sentences[s].end) {
    /* NER's tokens of this sentence (doc.h), the same bytes */
    tok = doc->toks + doc->tok_first[s];
    n = doc->tok_first[s + 1] - doc->tok_first[s];
  } else {
    TRY(st, ng__segment_tokenize(doc->text, doc->sentences[s].begin,
                                 doc->sentences[s].end, &made, &n));
    tok = made;
  }
  size_t len = doc->text_len ? doc->text_len : strlen(doc->text);
  for (size_t i = 0; i < n; i++) {
    if (!(tok[i].flags & NG_TOK_WORD)) {
      continue;
    }
    const char *w = doc->text + tok[i].begin;
    size_t wl = tok[i].end - tok[i].begin;
    const struct ng_lex_item *pr =
        ng__gazetteer_find_word(r->gaz, NG_LEX_PRONOUN, w, wl);
    if (pr) {
      size_t ent = antecedent(r, tok[i].begin, s, pr->gender);
      if (ent != NG_NONE) {
        TRY_DONE(st, ng__doc_add_mention(doc, tok[i].begin, tok[i].end, ent,
                                         NG_MENTION_PRONOUN));
        TRY_DONE(st, pm_insert(r, tok[i].begin, s, ent));
        if (!r->gender[ent]) {
          r->gender[ent] = pr->gender;
        }
      }
      continue;
    }
    if (!tok_is(doc, &tok[i], "the") && !tok_is(doc, &tok[i], "The")) {
      continue;
    }
    /* the + up to three modifiers + head */
    size_t j = i + 1;
    size_t country = NG_NONE; /* "the Egyptian minister" */
    size_t first_mod = j;     /* "foreign" of "the foreign minister" */
    for (size_t k = 0; k < 4 && j < n; k++) {
      struct ng_gaz_match m[24];
      size_t nm = ng__gazetteer_match(r->gaz, doc->text, len, tok[j].begin, m,
                                      24);
      const struct ng_lex_item *hit = NULL;
      size_t hit_end = 0;
      for (size_t x = 0; x < nm; x++) {
        enum ng_lex_kind kd = m[x].item->kind;
        if (kd == NG_LEX_DESCRIPTION || kd == NG_LEX_TITLE) {
          hit = m[x].item;
          hit_end = m[x].end;
          break;
        }
      }
      if (hit) {
        size_t e = j;
        while (e < n && tok[e].end < hit_end) {
          e++;
        }
        bool cap_next = e + 1 < n && ((tok[e + 1].flags & NG_TOK_CAP) ||
                                      tok_is(doc, &tok[e + 1], "of"));
        bool ends_ok = e < n && tok[e].end == hit_end;
        size_t ent = NG_NONE;
        if (ends_ok && !cap_next && hit->kind == NG_LEX_DESCRIPTION) {
          enum ng_etype want = hit->type;
          ent = last_before(r, tok[i].begin, has_type, &want);
        } else if (ends_ok && !cap_next && hit->kind == NG_LEX_TITLE) {
          enum ng_rel rel = ng__gazetteer_office_rel(hit->office);
          if (rel == NG_REL_COUNT) {
            rel = ng__gazetteer_office_rel(hit->org_office);
          }
          struct office_want want = {rel, country,
                                     doc->text + tok[first_mod].begin,
                                     hit_end - tok[first_mod].begin,
                                     first_mod < j};
          /* "the foreign minister": the person titled so; "the Malaysian
           * leader": the person holding an office of Malaysia */
          ent = last_before(r, tok[i].begin, office_match, &want);
          if (ent == NG_NONE && country != NG_NONE) {
            want.by_title = false;
            ent = last_before(r, tok[i].begin, office_match, &want);
            if (ent == NG_NONE) {
              want.rel = NG_REL_COUNT;
              ent = last_before(r, tok[i].begin, office_match, &want);
            }
          }
          if (ent == NG_NONE && country == NG_NONE && rel != NG_REL_COUNT) {
            ent = last_before(r, tok[i].begin, holds_office, &rel);
          }
        }
        if (ent != NG_NONE) {
          TRY_DONE(st, ng__doc_add_mention(doc, tok[i].begin, tok[e].end, ent,
                                           NG_MENTION_DESCRIPTION));
          TRY_DONE(st, pm_insert(r, tok[i].begin, s, ent));
          i = e;
        }
        break;
      }
      /* a demonym names the office's country */
      const struct ng_lex_item *dem = NULL;
      for (size_t x = 0; x < nm; x++) {
        if (m[x].item->kind == NG_LEX_DEMONYM &&
            m[x].end == tok[j].end) {
          dem = m[x].item;
        }
      }
      if (dem && country == NG_NONE) {
        const struct ng_gaz_entry *ge = ng__gazetteer_entry(r->gaz,
                                                            dem->entry);
        size_t c = ge ? ng__doc_find_entity(doc, NG_ETYPE_COUNTRY, ge->label)
                      : NG_NONE;
        if (c == NG_NONE) {
          break;
        }
        country = ng__doc_resolve(doc, c);
        j++;
        first_mod = j;
        continue;
      }
      /* modifiers: lower-case words, numbers, hyphens ("27-nation") */
      if (!((tok[j].flags & NG_TOK_LOWER) || (tok[j].flags & NG_TOK_DIGIT) ||
            tok_is(doc, &tok[j], "-"))) {
        break;
      }
      j++;
    }
  }
done:
  free(made);
  return st;
}

static ng_status
resolve_references(ng_world *world, struct ng_doc *doc)
{
  ng_status st = NG_OK;
  struct resolver r;
  memset(&r, 0, sizeof r);
  r.doc = doc;
  r.gaz = world->gaz;
  r.gender = calloc(doc->n_entities ? doc->n_entities : 1, sizeof *r.gender);
  if (!r.gender) {
    return NG_ERR_NOMEM;
  }
  for (size_t e = 0; e < doc->n_entities; e++) {
    const struct ng_entity *en = &doc->entities[e];
    if (en->honorific) {
      const struct ng_lex_item *h = ng__gazetteer_find_word(
          r.gaz, NG_LEX_HONORIFIC, en->honorific, strlen(en->honorific));
      r.gender[e] = h ? h->gender : 0;
    }
  }
  if (doc->n_mentions) {
    r.pm = malloc(doc->n_mentions * sizeof *r.pm);
    if (!r.pm) {
      st = NG_ERR_NOMEM;
      goto done;
    }
    r.cap_pm = doc->n_mentions;
  }
  for (size_t m = 0; m < doc->n_mentions; m++) {
    const struct ng_mention *mn = &doc->mentions[m];
    r.pm[m] = (struct pos_mention){mn->begin, mn->sentence,
                                   ng__doc_resolve(doc, mn->entity), m};
  }
  r.n_pm = doc->n_mentions;
  /* text order; mentions at one offset in the order they were added */
  if (r.n_pm > 1) { /* qsort's pointer must not be NULL, even for 0 */
    qsort(r.pm, r.n_pm, sizeof *r.pm, cmp_pos);
  }
  for (size_t s = 0; s < doc->n_sentences; s++) {
    TRY_DONE(st, resolve_sentence(&r, s));
  }
done:
  free(r.pm);
  free(r.gender);
  return st;
}

/* Re-points facts to surviving entities and drops duplicates. */
static void
normalize_facts(struct ng_doc *doc)
{
  size_t w = 0;
  for (size_t i = 0; i < doc->n_facts; i++) {
    struct ng_fact f = doc->facts[i];
    f.subject = ng__doc_resolve(doc, f.subject);
    f.object = ng__doc_resolve(doc, f.object);
    if (f.subject == f.object) {
      continue;
    }
    bool dup = false;
    for (size_t k = 0; k < w; k++) {
      struct ng_fact *g = &doc->facts[k];
      bool same = g->rel == f.rel && g->modality == f.modality &&
                  ((g->subject == f.subject && g->object == f.object) ||
                   (ng__rel_is_symmetric(f.rel) && g->subject == f.object &&
                    g->object == f.subject));
      if (same) {
        if (f.confidence > g->confidence) {
          g->confidence = f.confidence;
          g->sentence = f.sentence;
        }
        dup = true;
        break;
      }
    }
    if (!dup) {
      doc->facts[w++] = f;
    }
  }
  doc->n_facts = w;
}

ng_status
ng__coref_run(ng_world *world, struct ng_doc *doc)
{
  ng_status st;
  if (!world || !world->gaz || !doc->text) {
    return NG_OK;
  }
  TRY(st, merge_nicknames(world, doc));
  TRY(st, extend_given_names(doc));
  TRY(st, merge_names(doc));
  TRY(st, merge_acronyms(doc));
  TRY(st, merge_org_short_forms(world, doc));
  normalize_facts(doc);
  TRY(st, resolve_references(world, doc));
  return NG_OK;
}
