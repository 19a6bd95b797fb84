/* SPDX-License-Identifier: MIT */
/* Gazetteer and word lists: loaded from the ontology folder's Turtle files
 * (terms: ontology/lexicon-schema.ttl) through raptor, and matched on
 * token boundaries, longest first. */
#ifndef NG_GAZETTEER_H
#define NG_GAZETTEER_H

#include "doc.h"
#include "world.h"

struct ng_gazetteer;

/* The offices a title can give (ngl:Office). */
enum ng_office {
  NG_OFFICE_NONE,
  NG_OFFICE_HEAD_OF_STATE,      /* ngl:HeadOfState → ng:headOfStateOf */
  NG_OFFICE_HEAD_OF_GOVERNMENT, /* ngl:HeadOfGovernment */
  NG_OFFICE_MINISTER,           /* ngl:Minister → ng:ministerOf */
  NG_OFFICE_LEADER,             /* ngl:Leader → ng:leaderOf */
  NG_OFFICE_ROLE,               /* ngl:Role: marks a person, no fact */
  NG_OFFICE_COUNTERPART         /* ngl:Counterpart: the office of the
                                 * title holder named before */
};

/* What a matched surface form is. */
enum ng_lex_kind {
  NG_LEX_ENTRY,        /* label or alias of a gazetteer entry */
  NG_LEX_DEMONYM,      /* demonym of a country entry */
  NG_LEX_TITLE,        /* ngl:Title */
  NG_LEX_TITLE_MOD,    /* ngl:TitleModifier */
  NG_LEX_HONORIFIC,    /* ngl:Honorific */
  NG_LEX_HON_SUFFIX,   /* ngl:HonorificSuffix */
  NG_LEX_PARTICLE,     /* ngl:NameParticle */
  NG_LEX_SUFFIX,       /* ngl:NameSuffix */
  NG_LEX_PREFIX,       /* ngl:NamePrefix */
  NG_LEX_STOPWORD,     /* ngl:Stopword */
  NG_LEX_PRONOUN,      /* ngl:Pronoun */
  NG_LEX_DESCRIPTION,  /* ngl:Description */
  NG_LEX_REPORTING,    /* ngl:ReportingVerb */
  NG_LEX_INTERACTION,  /* ngl:InteractionVerb */
  NG_LEX_ABBREVIATION, /* ngl:Abbreviation */
  NG_LEX_PORTFOLIO,    /* ngl:PortfolioWord */
  NG_LEX_BYLINE,       /* ngl:BylineWord */
  NG_LEX_ADMIN_UNIT,   /* ngl:AdminDivisionWord */
  NG_LEX_COMPOUND_TAIL, /* ngl:CompoundTail */
  NG_LEX_PLACE_QUAL,   /* ngl:PlaceQualifier */
  NG_LEX_AFFAIRS,      /* ngl:AffairsPortfolio */
  NG_LEX_CITY_WORD,    /* ngl:CityWord */
  NG_LEX_PLACE_CONTEXT, /* ngl:PlaceContextWord */
  NG_LEX_PLACE_CONTEXT_END, /* ngl:PlaceContextEnd */
  NG_LEX_MINISTRY_WORD, /* ngl:MinistryWord */
  NG_LEX_DATE_ABBREV,  /* ngl:DateAbbreviation: "Jan", "Thu" */
  NG_LEX_CURRENCY,     /* ngl:CurrencyName: "dollars" */
  NG_LEX_AGENT_VERB,   /* ngl:AgentVerb: "chaired" (by X) */
  NG_LEX_PARTY_ROLE,   /* ngl:PartyRole: "MP", "lawmaker" */
  NG_LEX_COUNT
};

/* A known entity (ngl:GazetteerEntry). Strings are owned by the
 * gazetteer; indices are entry indices or NG_NONE. */
struct ng_gaz_entry {
  char *id;             /* subject IRI in the Turtle file */
  enum ng_etype type;   /* ngl:entityType */
  char *label;          /* rdfs:label, the canonical name */
  char *qid;            /* Wikidata QID from owl:sameAs, or NULL */
  char *alpha2;         /* ISO 3166-1 alpha-2 for countries, or NULL */
  size_t located_in;    /* ngl:locatedIn */
  size_t capital_of;    /* ngl:capitalOf */
  size_t home_country;  /* ngl:homeCountry */
  size_t *members;      /* ngl:member entries */
  size_t n_members;     /* entries in members */
  bool context_only;    /* ngl:contextOnly */
  bool person_name;     /* ngl:alsoPersonName: also a given or family name */
};

/* One matchable surface form and what it means. */
struct ng_lex_item {
  const char *surface;     /* the form as written in the lexicon */
  size_t len;              /* bytes in surface */
  enum ng_lex_kind kind;   /* what it is */
  size_t entry;            /* ENTRY/DEMONYM: entry index, else NG_NONE */
  bool is_label;           /* ENTRY: this is the rdfs:label */
  bool fold;               /* may match in lower case (ngl:foldCase) */
  enum ng_office office;   /* TITLE: ngl:office */
  enum ng_office org_office; /* TITLE: ngl:orgOffice */
  bool portfolio;          /* TITLE: ngl:PortfolioMinister */
  enum ng_office portfolio_office; /* TITLE: ngl:portfolioOffice, the office
                                    * when a portfolio comes with it */
  bool blocks_office;      /* TITLE_MOD: ngl:blocksOffice */
  enum ng_etype type;      /* SUFFIX/PREFIX/DESCRIPTION: ngl:entityType */
  int gender;              /* 0 unknown, 'm' or 'f' (ngl:gender) */
};

/* One match of a surface form at a text position. */
struct ng_gaz_match {
  size_t end;                     /* byte offset just past the match */
  const struct ng_lex_item *item; /* borrowed from the gazetteer */
};

/* Loads countries.ttl, organizations.ttl, titles.ttl, honorifics.ttl and
 * names.ttl from @p dir into a new *out (free with ng__gazetteer_free).
 * Errors: NG_ERR_IO (a file is missing or unreadable), NG_ERR_RDF (a file
 * does not parse as Turtle), NG_ERR_NOMEM; the message names the file. */
NG_NODISCARD ng_status ng__gazetteer_load(ng_world *world, const char *dir,
                                          struct ng_gazetteer **out);

/* Frees @p gaz (NULL is a no-op). */
void ng__gazetteer_free(struct ng_gazetteer *gaz);

/* Index in the gazetteer's sorted names of the first name whose folded
 * first word is @p key, found through a hash index (time independent of
 * the gazetteer's size), or NG_NONE when no name has that key. */
size_t ng__gazetteer_key_first(const struct ng_gazetteer *gaz,
                               const char *key);

/* Self-check of the hash index for tests: true when, for every name's
 * key, ng__gazetteer_key_first() gives the lower bound a binary search
 * over the sorted names gives, and an absent key gives NG_NONE. */
bool ng__gazetteer_index_ok(const struct ng_gazetteer *gaz);

/* Finds every surface form that matches @p text at byte offset @p pos and
 * ends on a word boundary, longest first, and writes up to @p max of them
 * to @p out; returns how many were written. Case: exact, or any case for
 * items with fold set, or an ALL-CAPS text span for a name of 4 letters or
 * more ("KUALA LUMPUR" datelines). @p text is @p len bytes long. */
size_t ng__gazetteer_match(const struct ng_gazetteer *gaz, const char *text,
                           size_t len, size_t pos, struct ng_gaz_match *out,
                           size_t max);

/* The word-list item of @p kind whose surface is exactly the @p len bytes
 * at @p s, or NULL (borrowed, lives as long as the gazetteer). */
const struct ng_lex_item *ng__gazetteer_find_word(
    const struct ng_gazetteer *gaz, enum ng_lex_kind kind, const char *s,
    size_t len);

/* The kinds (bit 1 << kind) for which ng__gazetteer_find_word() finds
 * an item for the @p len bytes at @p s; 0 if none. NG_LEX_COUNT must stay
 * below 32. */
uint32_t ng__gazetteer_word_kinds(const struct ng_gazetteer *gaz,
                                  const char *s, size_t len);

/* Entry number @p idx (borrowed), or NULL when out of range. */
const struct ng_gaz_entry *ng__gazetteer_entry(const struct ng_gazetteer *gaz,
                                               size_t idx);

/* Index of the entry with canonical label or alias exactly @p s (@p len
 * bytes) and, unless @p any_type, of type @p type; NG_NONE if none. */
size_t ng__gazetteer_find_entry(const struct ng_gazetteer *gaz,
                                enum ng_etype type, bool any_type,
                                const char *s, size_t len);

/* The country entry an entry belongs to: itself for a country, else the
 * first country up its ngl:locatedIn chain; NG_NONE if none. */
size_t ng__gazetteer_country_of(const struct ng_gazetteer *gaz, size_t idx);

/* True if @p pos starts a word: the first byte of the text or preceded by
 * a byte that is not an ASCII letter or digit nor part of a multi-byte
 * letter. Used by callers and by ng__gazetteer_match for the end. */
bool ng__gazetteer_is_boundary(const char *text, size_t len, size_t pos);

/* The relation an office states (VOCABULARY.md "Binary facts": President
 * -> headOfStateOf, Prime Minister -> headOfGovernmentOf, Minister ->
 * ministerOf, Secretary-General/CEO -> leaderOf), or NG_REL_COUNT for an
 * office that states none (roles, counterparts). */
enum ng_rel ng__gazetteer_office_rel(enum ng_office o);

#endif
