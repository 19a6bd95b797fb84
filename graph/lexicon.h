/* SPDX-License-Identifier: MIT */
/* The trigger lexicon for relation and event extraction: compiled
 * patterns and word lists, loaded from ontology/triggers.ttl (terms:
 * ontology/lexicon-relations.ttl). Loading is declared in relation.h. */
#ifndef NG_LEXICON_H
#define NG_LEXICON_H

#include "doc.h"
#include "money.h"

#include <stdint.h>

/* Word-list roles (ngl:Role individuals in lexicon-relations.ttl). */
enum ng_wl {
  NG_WL_PLANNED,   /* ngl:PlannedMarker */
  NG_WL_REPORTED,  /* ngl:ReportedMarker */
  NG_WL_DENIED,    /* ngl:DeniedMarker */
  NG_WL_SPEECH,    /* ngl:SpeechVerb */
  NG_WL_WITNESS,   /* ngl:WitnessMarker */
  NG_WL_INVEST,    /* ngl:InvestmentWord */
  NG_WL_TRADE,     /* ngl:TradeWord */
  NG_WL_CHANGE,    /* ngl:ChangeWord */
  NG_WL_PAIR,      /* ngl:CountryPairPhrase */
  NG_WL_ORGDESC,   /* ngl:OrgDescription */
  NG_WL_VSTART,    /* ngl:VisitStartWord */
  NG_WL_VEND,      /* ngl:VisitEndWord */
  NG_WL_AGREEMENT, /* ngl:AgreementNoun */
  NG_WL_NICKNAME,  /* ngl:NicknameMarker */
  NG_WL_T_HOS,     /* ngl:HeadOfStateTitle */
  NG_WL_T_HOG,     /* ngl:HeadOfGovernmentTitle */
  NG_WL_T_MIN,     /* ngl:MinisterTitle */
  NG_WL_T_LEADER,  /* ngl:LeaderTitle */
  NG_WL_INTENT,    /* ngl:IntentMarker */
  NG_WL_DENIED_CLAUSE, /* ngl:DeniedClauseMarker */
  NG_WL_REF_YEAR,  /* ngl:ReferenceYearMarker */
  NG_WL_GROUP_NOUN, /* ngl:PersonGroupNoun */
  NG_WL_INTRA_TRADE, /* ngl:IntraTradeMarker */
  NG_WL_COUNTRY_VISIT, /* ngl:CountryVisitPhrase */
  NG_WL_HYPOTHETICAL, /* ngl:HypotheticalMarker */
  NG_WL_CANCELLED, /* ngl:CancelledMarker */
  NG_WL_REPORTED_TAIL, /* ngl:ReportedTailMarker */
  NG_WL_DENIED_TAIL, /* ngl:DeniedTailMarker */
  NG_WL_NON_MEMBER, /* ngl:NonMemberWord */
  NG_WL_REPORT_NOUN, /* ngl:ReportNoun */
  NG_WL_FORECAST,  /* ngl:ForecastMarker */
  NG_WL_COUNT
};

struct ng_rule_sig; /* pattern.h */

/* A phrase of a word list: its lower-case tokens. */
struct ng_phrase {
  char **words;
  size_t n_words;
};

struct ng_wordlist {
  struct ng_phrase *phrases;
  size_t n_phrases;
  /* Index by the first byte of a phrase's first word, made once at load
   * (ng__lexicon_load): phrases by_first[at[c]] .. by_first[at[c + 1] - 1]
   * begin with byte c; first has bit c set when any does. by_first and
   * at (257 entries) are owned, NULL when the list was not indexed (then
   * scan every phrase). */
  size_t *by_first;
  unsigned *at;
  uint64_t first[4];
};

enum ng_pel_kind { NG_PEL_LIT, NG_PEL_SLOT, NG_PEL_GAP };

/* Slot roles. */
#define NG_ROLE_A 1
#define NG_ROLE_B 2
#define NG_ROLE_AB 3

/* Type masks for slots: bit (1u << enum ng_etype). */
#define NG_TYPE_BIT(t) (1u << (unsigned)(t))

/* One element of a compiled pattern. */
struct ng_pel {
  enum ng_pel_kind kind;
  bool optional;     /* LIT: may be absent */
  char **alts;       /* LIT: lower-case alternatives (owned) */
  size_t n_alts;     /* LIT: entries in alts */
  int role;          /* SLOT: NG_ROLE_A, _B or _AB */
  unsigned types;    /* SLOT: NG_TYPE_BIT mask */
  bool list;         /* SLOT: '+' a list "X, Y and Z" */
  bool implicit;     /* SLOT: '!' the pair implied by the context */
  bool coerce;       /* SLOT: '^' a person stands for their office */
  bool subject;      /* SLOT: '<' the subject of the sentence, bound
                      * without consuming a token */
  bool long_gap;     /* GAP: '*' (else '~') */
};

/* A compiled ngl:RelationPattern (one per ngl:pattern string). */
struct ng_rule {
  enum ng_rel rel;       /* the relation it states */
  double confidence;     /* base confidence */
  struct ng_pel *els;    /* elements (owned) */
  size_t n_els;          /* entries in els */
  char *source;          /* the pattern text, for messages (owned) */
};

struct ng_lexicon {
  struct ng_rule *rules;
  size_t n_rules;
  struct ng_wordlist lists[NG_WL_COUNT];
  struct ng_money_name *currencies; /* ngl:CurrencyName, in file order */
  size_t n_currencies;
  struct ng_rule_sig *sigs; /* per rule its prefilter signature (pattern.h
                             * ng__rule_sig), made at load; owned, NULL
                             * when there are no rules */
};

/* Compiles the pattern text @p src (pattern language:
 * lexicon-relations.ttl ngl:RelationPattern) into @p rule (rel and
 * confidence are left to the caller). Errors: NG_ERR_PARSE with a message
 * on @p world naming the pattern, NG_ERR_NOMEM. On error @p rule holds
 * nothing to free. */
NG_NODISCARD ng_status ng__lexicon_compile(ng_world *world, const char *src,
                                           struct ng_rule *rule);

/* Frees what a compiled rule owns. */
void ng__lexicon_rule_clear(struct ng_rule *rule);

#endif
