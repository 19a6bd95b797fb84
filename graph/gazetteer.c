/* SPDX-License-Identifier: MIT */
/* Gazetteer and word lists: Turtle files parsed with raptor into entries
 * and surface forms; surface forms sorted by their folded first word and
 * indexed by a hash of it, so a text position is looked up in time
 * independent of the gazetteer's size. */
#include "gazetteer.h"

#include "segment.h"
#include "utf8.h"
#include "vocab.h"

#include "turtle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RDFS_LABEL RDFS_NS "label"
#define RDF_TYPE RDF_NS "type"
#define OWL_SAME_AS OWL_NS "sameAs"


struct name {
  char *key;               /* folded first word of the surface (owned) */
  size_t klen;             /* bytes in key */
  bool acronym;            /* the surface has no ASCII lower-case letter */
  char last;               /* the surface's last byte, folded */
  struct ng_lex_item item; /* item.surface is owned here */
};

/* One key of the hash index: its names are names[first, end). */
struct slot {
  size_t first; /* index of the key's first name, or NG_NONE (empty) */
  size_t end;   /* index just past the key's last name */
  uint32_t hash; /* key_hash() of the key */
  uint32_t klen; /* bytes in the key */
};

struct ng_gazetteer {
  struct ng_gaz_entry *entries;
  size_t n_entries;
  struct name *names; /* sorted by key, then longer surface first */
  size_t n_names, cap_names;
  struct slot *slots;  /* open addressing over the keys (owned) */
  size_t n_slots;      /* a power of two, at least twice the keys */
  /* Quick rejection before a hash lookup, by the folded first byte b of
   * a surface: bit len_bit(len) of kind_len[kind][b] is set when some
   * surface of that kind has that length, of any_len[b] when some
   * surface of any kind has, of key_len[b] when some key has. */
  uint64_t kind_len[NG_LEX_COUNT][256];
  uint64_t any_len[256];
  uint64_t key_len[256];
};

/* The bit of a length in the quick-rejection masks: 63 for any length
 * of 63 bytes or more. */
static uint64_t
len_bit(size_t len)
{
  return (uint64_t)1 << (len < 63 ? len : 63);
}

/* FNV-1a hash of the NUL-terminated @p key. */
static uint32_t
key_hash(const char *key)
{
  uint32_t h = 2166136261u;
  for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
    h = (h ^ *p) * 16777619u;
  }
  return h;
}

static char fold(char c);

/* Builds gaz->slots and the quick-rejection masks over the sorted
 * names. */
static ng_status
build_index(struct ng_gazetteer *gaz)
{
  size_t n_keys = 0;
  for (size_t i = 0; i < gaz->n_names; i++) {
    n_keys += i == 0 || strcmp(gaz->names[i - 1].key, gaz->names[i].key) != 0;
  }
  size_t n = 16;
  while (n < 2 * n_keys) {
    n *= 2;
  }
  gaz->slots = malloc(n * sizeof *gaz->slots);
  if (!gaz->slots) {
    return NG_ERR_NOMEM;
  }
  gaz->n_slots = n;
  for (size_t i = 0; i < n; i++) {
    gaz->slots[i].first = NG_NONE;
  }
  for (size_t i = 0; i < gaz->n_names; i++) {
    const struct name *nm = &gaz->names[i];
    unsigned char b = (unsigned char)fold(nm->item.surface[0]);
    gaz->kind_len[nm->item.kind][b] |= len_bit(nm->item.len);
    gaz->any_len[b] |= len_bit(nm->item.len);
    gaz->key_len[(unsigned char)nm->key[0]] |= len_bit(nm->klen);
  }
  for (size_t i = 0; i < gaz->n_names;) {
    size_t j = i + 1;
    while (j < gaz->n_names &&
           strcmp(gaz->names[i].key, gaz->names[j].key) == 0) {
      j++;
    }
    uint32_t hash = key_hash(gaz->names[i].key);
    size_t h = hash & (n - 1);
    while (gaz->slots[h].first != NG_NONE) {
      h = (h + 1) & (n - 1);
    }
    gaz->slots[h].first = i;
    gaz->slots[h].end = j;
    gaz->slots[h].hash = hash;
    gaz->slots[h].klen = (uint32_t)gaz->names[i].klen;
    i = j;
  }
  return NG_OK;
}

/* The slot of the @p klen bytes @p key with hash @p hash, or NULL. */
static const struct slot *
find_slot(const struct ng_gazetteer *gaz, const char *key, size_t klen,
          uint32_t hash)
{
  if (!gaz || !gaz->slots) {
    return NULL;
  }
  size_t mask = gaz->n_slots - 1;
  for (size_t h = hash & mask;; h = (h + 1) & mask) {
    const struct slot *sl = &gaz->slots[h];
    if (sl->first == NG_NONE) {
      return NULL;
    }
    if (sl->hash == hash && sl->klen == klen &&
        memcmp(gaz->names[sl->first].key, key, klen) == 0) {
      return sl;
    }
  }
}

size_t
ng__gazetteer_key_first(const struct ng_gazetteer *gaz, const char *key)
{
  const struct slot *sl = find_slot(gaz, key, strlen(key), key_hash(key));
  return sl ? sl->first : NG_NONE;
}

bool
ng__gazetteer_index_ok(const struct ng_gazetteer *gaz)
{
  for (size_t i = 0; i < gaz->n_names; i++) {
    const char *key = gaz->names[i].key;
    size_t lo = 0, hi = gaz->n_names;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (strcmp(gaz->names[mid].key, key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (ng__gazetteer_key_first(gaz, key) != lo) {
      return false;
    }
  }
  return ng__gazetteer_key_first(gaz, "\x01no such key") == NG_NONE;
}

/* ---- loading ---- */

static int
cmp_triple(const void *a, const void *b)
{
  const struct ng_triple *x = a, *y = b;
  return strcmp(x->s, y->s);
}

static bool
is_ngl(const char *iri, const char *local)
{
  size_t n = strlen(NGL_NS);
  return strncmp(iri, NGL_NS, n) == 0 && strcmp(iri + n, local) == 0;
}

static bool
etype_from_iri(const char *iri, enum ng_etype *out)
{
  static const struct {
    const char *local;
    enum ng_etype type;
  } map[] = {
      {"Person", NG_ETYPE_PERSON},
      {"Country", NG_ETYPE_COUNTRY},
      {"City", NG_ETYPE_CITY},
      {"Place", NG_ETYPE_PLACE},
      {"Organization", NG_ETYPE_ORGANIZATION},
      {"InternationalOrganization", NG_ETYPE_INTL_ORG},
      {"GovernmentBody", NG_ETYPE_GOV_BODY},
      {"Company", NG_ETYPE_COMPANY},
      {"NewsAgency", NG_ETYPE_NEWS_AGENCY},
  };
  size_t n = strlen(NG_NS);
  if (strncmp(iri, NG_NS, n) != 0) {
    return false;
  }
  for (size_t i = 0; i < ARRAY_LEN(map); i++) {
    if (strcmp(iri + n, map[i].local) == 0) {
      *out = map[i].type;
      return true;
    }
  }
  return false;
}

static enum ng_office
office_from_iri(const char *iri)
{
  if (is_ngl(iri, "HeadOfState")) {
    return NG_OFFICE_HEAD_OF_STATE;
  }
  if (is_ngl(iri, "HeadOfGovernment")) {
    return NG_OFFICE_HEAD_OF_GOVERNMENT;
  }
  if (is_ngl(iri, "Minister")) {
    return NG_OFFICE_MINISTER;
  }
  if (is_ngl(iri, "Leader")) {
    return NG_OFFICE_LEADER;
  }
  if (is_ngl(iri, "Role")) {
    return NG_OFFICE_ROLE;
  }
  if (is_ngl(iri, "Counterpart")) {
    return NG_OFFICE_COUNTERPART;
  }
  return NG_OFFICE_NONE;
}

/* Folds ASCII letters to lower case. */
static char
fold(char c)
{
  return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Length of the first word of @p s: ASCII alphanumerics and non-ASCII
 * bytes, at least one byte. */
static size_t
first_word_len(const char *s, size_t len)
{
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      /* ASCII: ng__segment_is_word_cp() takes letters and digits */
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
            (c >= 'a' && c <= 'z'))) {
        break;
      }
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = ng__utf8_decode(s + i, len - i, &cp);
    if (k == 0 || !ng__segment_is_word_cp(cp)) {
      break;
    }
    i += k;
  }
  if (i == 0) {
    uint32_t cp;
    size_t k = ng__utf8_decode(s, len, &cp);
    i = k ? k : 1;
  }
  return i;
}

static char *
make_key(const char *s, size_t len)
{
  size_t n = first_word_len(s, len);
  char *k = malloc(n + 1);
  if (!k) {
    return NULL;
  }
  for (size_t i = 0; i < n; i++) {
    k[i] = fold(s[i]);
  }
  k[n] = '\0';
  return k;
}

static ng_status
add_name(struct ng_gazetteer *gaz, const char *surface,
         const struct ng_lex_item *proto)
{
  size_t len = strlen(surface);
  if (len == 0) {
    return NG_OK;
  }
  if (gaz->n_names == gaz->cap_names) {
    size_t ncap = gaz->cap_names ? gaz->cap_names * 2 : 4096;
    struct name *p = realloc(gaz->names, ncap * sizeof *p);
    if (!p) {
      return NG_ERR_NOMEM;
    }
    gaz->names = p;
    gaz->cap_names = ncap;
  }
  struct name *nm = &gaz->names[gaz->n_names];
  nm->item = *proto;
  char *copy = strdup(surface);
  nm->key = make_key(surface, len);
  if (!copy || !nm->key) {
    free(copy);
    free(nm->key);
    return NG_ERR_NOMEM;
  }
  nm->klen = strlen(nm->key);
  nm->last = fold(surface[len - 1]);
  nm->acronym = true;
  for (size_t i = 0; i < len; i++) {
    if (surface[i] >= 'a' && surface[i] <= 'z') {
      nm->acronym = false;
    }
  }
  nm->item.surface = copy;
  nm->item.len = len;
  gaz->n_names++;
  return NG_OK;
}

/* Subject ids of entries, sorted, for resolving object IRIs. */
struct id_index {
  const char *id;
  size_t entry;
};

static int
cmp_id(const void *a, const void *b)
{
  return strcmp(((const struct id_index *)a)->id,
                ((const struct id_index *)b)->id);
}

static size_t
find_id(const struct id_index *ids, size_t n, const char *id)
{
  struct id_index key = {id, 0};
  const struct id_index *hit = bsearch(&key, ids, n, sizeof *ids, cmp_id);
  return hit ? hit->entry : NG_NONE;
}

static bool
has_type(const struct ng_triple *t, size_t n, const char *local)
{
  for (size_t i = 0; i < n; i++) {
    if (strcmp(t[i].p, RDF_TYPE) == 0 && t[i].obj_kind == 'I' &&
        is_ngl(t[i].o, local)) {
      return true;
    }
  }
  return false;
}

/* Builds one gazetteer entry from its triples [t, t+n). */
static ng_status
build_entry(struct ng_gazetteer *gaz, const struct ng_triple *t, size_t n)
{
  struct ng_gaz_entry *e = &gaz->entries[gaz->n_entries];
  memset(e, 0, sizeof *e);
  e->located_in = e->capital_of = e->home_country = NG_NONE;
  e->type = NG_ETYPE_ORGANIZATION;
  e->id = strdup(t[0].s);
  if (!e->id) {
    return NG_ERR_NOMEM;
  }
  gaz->n_entries++;
  for (size_t i = 0; i < n; i++) {
    const char *p = t[i].p;
    if (is_ngl(p, "entityType")) {
      (void)etype_from_iri(t[i].o, &e->type);
    } else if (strcmp(p, RDFS_LABEL) == 0 && !e->label) {
      e->label = strdup(t[i].o);
      if (!e->label) {
        return NG_ERR_NOMEM;
      }
    } else if (strcmp(p, OWL_SAME_AS) == 0 &&
               strncmp(t[i].o, WD_NS, strlen(WD_NS)) == 0) {
      e->qid = strdup(t[i].o + strlen(WD_NS));
      if (!e->qid) {
        return NG_ERR_NOMEM;
      }
    } else if (is_ngl(p, "alpha2")) {
      e->alpha2 = strdup(t[i].o);
      if (!e->alpha2) {
        return NG_ERR_NOMEM;
      }
    } else if (is_ngl(p, "contextOnly")) {
      e->context_only = strcmp(t[i].o, "true") == 0;
    } else if (is_ngl(p, "alsoPersonName")) {
      e->person_name = strcmp(t[i].o, "true") == 0;
    }
  }
  return e->label ? NG_OK : NG_ERR_RDF;
}

/* Second pass: names and links of entry @p idx. */
static ng_status
link_entry(struct ng_gazetteer *gaz, size_t idx, const struct ng_triple *t,
           size_t n, const struct id_index *ids, size_t n_ids)
{
  ng_status st;
  struct ng_gaz_entry *e = &gaz->entries[idx];
  struct ng_lex_item proto;
  memset(&proto, 0, sizeof proto);
  proto.kind = NG_LEX_ENTRY;
  proto.entry = idx;
  proto.type = e->type;
  for (size_t i = 0; i < n; i++) {
    if (is_ngl(t[i].p, "foldCase") && strcmp(t[i].o, "true") == 0) {
      proto.fold = true;
    }
  }
  for (size_t i = 0; i < n; i++) {
    const char *p = t[i].p;
    if (strcmp(p, RDFS_LABEL) == 0) {
      proto.is_label = true;
      TRY(st, add_name(gaz, t[i].o, &proto));
      proto.is_label = false;
    } else if (is_ngl(p, "alias")) {
      /* aliases are matched exactly as written (README: case-sensitive) */
      bool f = proto.fold;
      proto.fold = false;
      st = add_name(gaz, t[i].o, &proto);
      proto.fold = f;
      TRY(st, st);
    } else if (is_ngl(p, "demonym")) {
      struct ng_lex_item d = proto;
      d.kind = NG_LEX_DEMONYM;
      d.fold = false;
      TRY(st, add_name(gaz, t[i].o, &d));
    } else if (is_ngl(p, "locatedIn")) {
      e->located_in = find_id(ids, n_ids, t[i].o);
    } else if (is_ngl(p, "capitalOf")) {
      e->capital_of = find_id(ids, n_ids, t[i].o);
    } else if (is_ngl(p, "homeCountry")) {
      e->home_country = find_id(ids, n_ids, t[i].o);
    } else if (is_ngl(p, "member")) {
      size_t m = find_id(ids, n_ids, t[i].o);
      if (m != NG_NONE) {
        size_t *q = realloc(e->members, (e->n_members + 1) * sizeof *q);
        if (!q) {
          return NG_ERR_NOMEM;
        }
        e->members = q;
        e->members[e->n_members++] = m;
      }
    }
  }
  return NG_OK;
}

/* A word-list subject: one item per ngl:surface. */
static ng_status
build_words(struct ng_gazetteer *gaz, const struct ng_triple *t, size_t n)
{
  static const struct {
    const char *cls;
    enum ng_lex_kind kind;
  } classes[] = {
      {"Title", NG_LEX_TITLE},
      {"TitleModifier", NG_LEX_TITLE_MOD},
      {"Honorific", NG_LEX_HONORIFIC},
      {"HonorificSuffix", NG_LEX_HON_SUFFIX},
      {"NameParticle", NG_LEX_PARTICLE},
      {"NameSuffix", NG_LEX_SUFFIX},
      {"NamePrefix", NG_LEX_PREFIX},
      {"Stopword", NG_LEX_STOPWORD},
      {"Pronoun", NG_LEX_PRONOUN},
      {"Description", NG_LEX_DESCRIPTION},
      {"ReportingVerb", NG_LEX_REPORTING},
      {"InteractionVerb", NG_LEX_INTERACTION},
      {"Abbreviation", NG_LEX_ABBREVIATION},
      {"PortfolioWord", NG_LEX_PORTFOLIO},
      {"BylineWord", NG_LEX_BYLINE},
      {"AdminDivisionWord", NG_LEX_ADMIN_UNIT},
      {"CompoundTail", NG_LEX_COMPOUND_TAIL},
      {"PlaceQualifier", NG_LEX_PLACE_QUAL},
      {"AffairsPortfolio", NG_LEX_AFFAIRS},
      {"CityWord", NG_LEX_CITY_WORD},
      {"PlaceContextWord", NG_LEX_PLACE_CONTEXT},
      {"PlaceContextEnd", NG_LEX_PLACE_CONTEXT_END},
      {"MinistryWord", NG_LEX_MINISTRY_WORD},
      {"DateAbbreviation", NG_LEX_DATE_ABBREV},
      {"CurrencyName", NG_LEX_CURRENCY},
      {"AgentVerb", NG_LEX_AGENT_VERB},
      {"PartyRole", NG_LEX_PARTY_ROLE},
  };
  ng_status st;
  struct ng_lex_item proto;
  memset(&proto, 0, sizeof proto);
  proto.entry = NG_NONE;
  proto.kind = NG_LEX_COUNT;
  for (size_t c = 0; c < ARRAY_LEN(classes); c++) {
    if (has_type(t, n, classes[c].cls)) {
      proto.kind = classes[c].kind;
      break;
    }
  }
  if (proto.kind == NG_LEX_COUNT) {
    return NG_OK; /* schema triples and other subjects */
  }
  for (size_t i = 0; i < n; i++) {
    const char *p = t[i].p;
    if (is_ngl(p, "office")) {
      proto.office = office_from_iri(t[i].o);
    } else if (is_ngl(p, "orgOffice")) {
      proto.org_office = office_from_iri(t[i].o);
    } else if (is_ngl(p, "portfolioOffice")) {
      proto.portfolio_office = office_from_iri(t[i].o);
    } else if (is_ngl(p, "PortfolioMinister")) {
      proto.portfolio = strcmp(t[i].o, "true") == 0;
    } else if (is_ngl(p, "blocksOffice")) {
      proto.blocks_office = strcmp(t[i].o, "true") == 0;
    } else if (is_ngl(p, "entityType")) {
      (void)etype_from_iri(t[i].o, &proto.type);
    } else if (is_ngl(p, "gender")) {
      proto.gender = t[i].o[0] == 'f' ? 'f' : t[i].o[0] == 'm' ? 'm' : 0;
    }
  }
  for (size_t i = 0; i < n; i++) {
    if (is_ngl(t[i].p, "surface")) {
      TRY(st, add_name(gaz, t[i].o, &proto));
    }
  }
  return NG_OK;
}

static int
cmp_name(const void *a, const void *b)
{
  const struct name *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  if (c != 0) {
    return c;
  }
  if (x->item.len != y->item.len) {
    return x->item.len > y->item.len ? -1 : 1;
  }
  return strcmp(x->item.surface, y->item.surface);
}

static ng_status
compile(struct ng_gazetteer *gaz, struct ng_triple *t, size_t n)
{
  ng_status st = NG_OK;
  struct id_index *ids = NULL;
  qsort(t, n, sizeof *t, cmp_triple);
  /* pass 1: entries */
  size_t n_groups = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && strcmp(t[j].s, t[i].s) == 0) {
      j++;
    }
    n_groups++;
    i = j;
  }
  gaz->entries = calloc(n_groups ? n_groups : 1, sizeof *gaz->entries);
  ids = calloc(n_groups ? n_groups : 1, sizeof *ids);
  if (!gaz->entries || !ids) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && strcmp(t[j].s, t[i].s) == 0) {
      j++;
    }
    if (has_type(t + i, j - i, "GazetteerEntry")) {
      TRY_DONE(st, build_entry(gaz, t + i, j - i));
      ids[gaz->n_entries - 1].id = gaz->entries[gaz->n_entries - 1].id;
      ids[gaz->n_entries - 1].entry = gaz->n_entries - 1;
    }
    i = j;
  }
  qsort(ids, gaz->n_entries, sizeof *ids, cmp_id);
  /* pass 2: names, links and word lists */
  size_t e = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && strcmp(t[j].s, t[i].s) == 0) {
      j++;
    }
    if (e < gaz->n_entries && strcmp(gaz->entries[e].id, t[i].s) == 0) {
      TRY_DONE(st, link_entry(gaz, e, t + i, j - i, ids, gaz->n_entries));
      e++;
    } else {
      TRY_DONE(st, build_words(gaz, t + i, j - i));
    }
    i = j;
  }
  qsort(gaz->names, gaz->n_names, sizeof *gaz->names, cmp_name);
  TRY_DONE(st, build_index(gaz));
done:
  free(ids);
  return st;
}

ng_status
ng__gazetteer_load(ng_world *world, const char *dir, struct ng_gazetteer **out)
{
  static const char *const files[] = {"countries.ttl", "organizations.ttl",
                                      "titles.ttl", "honorifics.ttl",
                                      "names.ttl"};
  ng_status st = NG_OK;
  struct ng_triples ld = {NULL, 0, 0};
  *out = NULL;
  if (!dir) {
    return ng__errorf(world, NG_ERR_IO, "no lexicon folder");
  }
  struct ng_gazetteer *gaz = calloc(1, sizeof *gaz);
  if (!gaz) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  char paths[ARRAY_LEN(files)][4096];
  const char *path_ptrs[ARRAY_LEN(files)];
  for (size_t i = 0; i < ARRAY_LEN(files); i++) {
    int n = snprintf(paths[i], sizeof paths[i], "%s/%s", dir, files[i]);
    if (n < 0 || (size_t)n >= sizeof paths[i]) {
      st = ng__errorf(world, NG_ERR_IO, "lexicon path too long: %s", dir);
      goto done;
    }
    path_ptrs[i] = paths[i];
  }
  TRY_DONE(st, ng__turtle_read(world, path_ptrs, ARRAY_LEN(files), &ld));
  st = compile(gaz, ld.t, ld.n);
  if (st == NG_ERR_RDF) {
    ng__errorf(world, st, "lexicon in %s has an entry without rdfs:label",
               dir);
  }
done:
  ng__triples_clear(&ld);
  if (st != NG_OK) {
    ng__gazetteer_free(gaz);
    return st;
  }
  *out = gaz;
  return NG_OK;
}

void
ng__gazetteer_free(struct ng_gazetteer *gaz)
{
  if (!gaz) {
    return;
  }
  for (size_t i = 0; i < gaz->n_entries; i++) {
    struct ng_gaz_entry *e = &gaz->entries[i];
    free(e->id);
    free(e->label);
    free(e->qid);
    free(e->alpha2);
    free(e->members);
  }
  free(gaz->entries);
  for (size_t i = 0; i < gaz->n_names; i++) {
    free(gaz->names[i].key);
    free((char *)gaz->names[i].item.surface);
  }
  free(gaz->names);
  free(gaz->slots);
  free(gaz);
}

/* ---- matching ---- */

/* True for an ASCII letter or digit. */
static bool
is_ascii_alnum(unsigned char c)
{
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
         (c >= 'a' && c <= 'z');
}

bool
ng__gazetteer_is_boundary(const char *text, size_t len, size_t pos)
{
  if (pos == 0 || pos >= len) {
    return true;
  }
  unsigned char cb = (unsigned char)text[pos - 1];
  unsigned char ca = (unsigned char)text[pos];
  if (cb < 0x80 && ca < 0x80) {
    /* ASCII on both sides: ng__segment_is_word_cp() of ASCII */
    return !is_ascii_alnum(cb) || !is_ascii_alnum(ca);
  }
  /* the character before pos */
  size_t b = pos - 1;
  while (b > 0 && ((unsigned char)text[b] & 0xC0) == 0x80) {
    b--;
  }
  uint32_t before;
  if (ng__utf8_decode(text + b, pos - b, &before) == 0) {
    return true;
  }
  uint32_t after;
  if (ng__utf8_decode(text + pos, len - pos, &after) == 0) {
    return true;
  }
  return !ng__segment_is_word_cp(before) || !ng__segment_is_word_cp(after);
}

/* Compares the surface with the text; @p mode 0 exact, 1 ASCII-folded. */
static bool
same(const char *text, const char *surface, size_t len, int mode)
{
  if (mode == 0) {
    return text[0] == surface[0] && memcmp(text, surface, len) == 0;
  }
  for (size_t i = 0; i < len; i++) {
    if (fold(text[i]) != fold(surface[i])) {
      return false;
    }
  }
  return true;
}

/* True if the span has 4+ letters and all its ASCII letters are upper. */
static bool
is_all_caps(const char *s, size_t len)
{
  size_t letters = 0;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c >= 'a' && c <= 'z') {
      return false;
    }
    letters += (c >= 'A' && c <= 'Z');
  }
  return letters >= 4;
}

/* Looks up the key of the word at @p text + @p pos: the slot of its
 * names, or NULL. */
static const struct slot *
slot_at(const struct ng_gazetteer *gaz, const char *text, size_t len,
        size_t pos)
{
  char key[128];
  /* Scanning stops at sizeof key: a longer word is no key anyway, and
   * a run of letters with no space would otherwise be scanned again from
   * every position in it (quadratic time). */
  size_t lim = len - pos < sizeof key ? len - pos : sizeof key;
  const unsigned char *s = (const unsigned char *)text + pos;
  size_t wl = 0;
  while (wl < lim && is_ascii_alnum(s[wl])) {
    wl++;
  }
  if (wl == 0 || (wl < lim && s[wl] >= 0x80)) {
    wl = first_word_len(text + pos, lim);
  }
  if (wl >= sizeof key ||
      !(gaz->key_len[(unsigned char)fold(text[pos])] & len_bit(wl))) {
    return NULL;
  }
  uint32_t h = 2166136261u; /* key_hash() of the folded word */
  for (size_t i = 0; i < wl; i++) {
    key[i] = fold(text[pos + i]);
    h = (h ^ (unsigned char)key[i]) * 16777619u;
  }
  return find_slot(gaz, key, wl, h);
}

/* True if name @p nm matches the @p avail bytes at @p t (case rules of
 * ng__gazetteer_match(), no boundary test). */
static bool
name_matches(const struct name *nm, const char *t)
{
  size_t sl = nm->item.len;
  if (fold(t[sl - 1]) != nm->last) {
    return false; /* no case rule matches a different last letter */
  }
  if (same(t, nm->item.surface, sl, 0)) {
    return true;
  }
  if (nm->item.fold) {
    return same(t, nm->item.surface, sl, 1);
  }
  return (nm->item.kind == NG_LEX_ENTRY ||
          nm->item.kind == NG_LEX_DEMONYM) &&
         !nm->acronym && is_all_caps(t, sl) &&
         same(t, nm->item.surface, sl, 1);
}

size_t
ng__gazetteer_match(const struct ng_gazetteer *gaz, const char *text,
                    size_t len, size_t pos, struct ng_gaz_match *out,
                    size_t max)
{
  if (!gaz || pos >= len || max == 0) {
    return 0;
  }
  const struct slot *slot = slot_at(gaz, text, len, pos);
  if (!slot) {
    return 0;
  }
  size_t n_out = 0;
  size_t avail = len - pos;
  for (size_t i = slot->first; i < slot->end && n_out < max; i++) {
    const struct name *nm = &gaz->names[i];
    size_t sl = nm->item.len;
    if (sl > avail || !name_matches(nm, text + pos) ||
        !ng__gazetteer_is_boundary(text, len, pos + sl)) {
      continue;
    }
    out[n_out].end = pos + sl;
    out[n_out].item = &nm->item;
    n_out++;
  }
  return n_out;
}

/* The index of the first name of @p slot, from @p i on, that matches all
 * of the @p len bytes at @p s (name_matches()), or slot->end. Names are
 * sorted longer first: longer ones are skipped, and the scan stops at the
 * first shorter one. */
static size_t
whole_next(const struct ng_gazetteer *gaz, const struct slot *slot, size_t i,
           const char *s, size_t len)
{
  for (; i < slot->end; i++) {
    const struct name *nm = &gaz->names[i];
    if (nm->item.len > len) {
      continue;
    }
    if (nm->item.len < len) {
      return slot->end;
    }
    if (name_matches(nm, s)) {
      return i;
    }
  }
  return slot->end;
}

/* The first item among the first @p max matches ng__gazetteer_match()
 * gives at the start of the @p len bytes at @p s that covers all of them
 * and is of @p kind (any kind when @p any_kind), spelled exactly as @p s
 * when @p exact and, unless @p any_type, of entity type @p type; NULL if
 * none. Names are sorted longer first, so only the names of length @p len
 * are tried: longer ones do not fit and shorter ones come after them. */
static const struct ng_lex_item *
whole_match(const struct ng_gazetteer *gaz, const char *s, size_t len,
            size_t max, enum ng_lex_kind kind, bool exact, bool any_type,
            enum ng_etype type)
{
  if (!gaz || len == 0 ||
      !(gaz->kind_len[kind][(unsigned char)fold(s[0])] & len_bit(len))) {
    return NULL;
  }
  const struct slot *slot = slot_at(gaz, s, len, 0);
  if (!slot) {
    return NULL;
  }
  size_t n_out = 0;
  for (size_t i = whole_next(gaz, slot, slot->first, s, len);
       i < slot->end && n_out < max;
       i = whole_next(gaz, slot, i + 1, s, len)) {
    n_out++;
    const struct ng_lex_item *it = &gaz->names[i].item;
    if (it->kind == kind && (!exact || memcmp(it->surface, s, len) == 0) &&
        (any_type || it->type == type)) {
      return it;
    }
  }
  return NULL;
}

uint32_t
ng__gazetteer_word_kinds(const struct ng_gazetteer *gaz, const char *s,
                         size_t len)
{
  if (!gaz || len == 0 ||
      !(gaz->any_len[(unsigned char)fold(s[0])] & len_bit(len))) {
    return 0;
  }
  const struct slot *slot = slot_at(gaz, s, len, 0);
  if (!slot) {
    return 0;
  }
  /* the loop of whole_match() over every kind */
  uint32_t kinds = 0;
  size_t n_out = 0;
  for (size_t i = whole_next(gaz, slot, slot->first, s, len);
       i < slot->end && n_out < 16;
       i = whole_next(gaz, slot, i + 1, s, len)) {
    const struct name *nm = &gaz->names[i];
    n_out++;
    if (memcmp(nm->item.surface, s, len) == 0) {
      kinds |= (uint32_t)1 << (unsigned)nm->item.kind;
    }
  }
  return kinds;
}

const struct ng_lex_item *
ng__gazetteer_find_word(const struct ng_gazetteer *gaz, enum ng_lex_kind kind,
                        const char *s, size_t len)
{
  return whole_match(gaz, s, len, 16, kind, true, true, NG_ETYPE_COUNT);
}

const struct ng_gaz_entry *
ng__gazetteer_entry(const struct ng_gazetteer *gaz, size_t idx)
{
  return gaz && idx < gaz->n_entries ? &gaz->entries[idx] : NULL;
}

size_t
ng__gazetteer_find_entry(const struct ng_gazetteer *gaz, enum ng_etype type,
                         bool any_type, const char *s, size_t len)
{
  const struct ng_lex_item *it =
      whole_match(gaz, s, len, 16, NG_LEX_ENTRY, false, any_type, type);
  return it ? it->entry : NG_NONE;
}

size_t
ng__gazetteer_country_of(const struct ng_gazetteer *gaz, size_t idx)
{
  size_t hops = 0;
  while (gaz && idx < gaz->n_entries && hops++ < 8) {
    if (gaz->entries[idx].type == NG_ETYPE_COUNTRY) {
      return idx;
    }
    idx = gaz->entries[idx].located_in;
  }
  return NG_NONE;
}

enum ng_rel
ng__gazetteer_office_rel(enum ng_office o)
{
  switch (o) {
  case NG_OFFICE_HEAD_OF_STATE:
    return NG_REL_HEAD_OF_STATE_OF;
  case NG_OFFICE_HEAD_OF_GOVERNMENT:
    return NG_REL_HEAD_OF_GOVERNMENT_OF;
  case NG_OFFICE_MINISTER:
    return NG_REL_MINISTER_OF;
  case NG_OFFICE_LEADER:
    return NG_REL_LEADER_OF;
  case NG_OFFICE_NONE:
  case NG_OFFICE_ROLE:
  case NG_OFFICE_COUNTERPART:
    break;
  }
  return NG_REL_COUNT;
}
