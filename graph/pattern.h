/* SPDX-License-Identifier: MIT */
/* Sentence views for pattern matching: the sentence's tokens with entity
 * mentions folded into single tokens (plus fallback resolution of
 * pronouns, definite descriptions and "the two countries"), quotation
 * spans, and the matcher for compiled ngl:RelationPattern rules. */
#ifndef NG_PATTERN_H
#define NG_PATTERN_H

#include "doc.h"
#include "lexicon.h"
#include "world.h"

#include <stdint.h>

/* Plain-token kinds of ng__tok_next(). */
enum ng_tok_kind {
  NG_TOK_WORD,  /* letters/digits; low is lower case */
  NG_TOK_PUNCT, /* one punctuation mark; "-" for hyphens and en dashes,
                 * "--" for em dashes, "'s" for a possessive */
  NG_TOK_QUOTE, /* a double quotation mark, straight or curly */
  NG_TOK_ENT,   /* an entity mention (views only) */
  NG_TOK_PAIR   /* a pair or group phrase standing for two or more
                 * entities: "the two countries", "the three leaders"
                 * (views only) */
};

/* Most entities a group phrase stands for. */
#define NG_GROUP_MAX 6

/* Reads the token at or after byte @p pos of the @p len bytes at @p s.
 * Sets *begin, *end (bytes), *kind and @p low (lower-cased text,
 * truncated to @p lowcap - 1 bytes). Returns false at the end. */
bool ng__tok_next(const char *s, size_t len, size_t pos, size_t *begin,
                  size_t *end, enum ng_tok_kind *kind, char *low,
                  size_t lowcap);

struct ng_tok {
  size_t begin, end;         /* bytes in doc->text */
  enum ng_tok_kind kind;     /* what it is */
  char low[24];              /* lower-cased text (WORD, PUNCT) */
  size_t ent;                /* ENT: resolved entity; PAIR: first */
  size_t ent2;               /* PAIR: second entity */
  enum ng_mention_kind mkind; /* ENT: how the mention refers */
  bool quoted;               /* inside quotation marks */
  size_t grp[NG_GROUP_MAX];  /* PAIR: every entity, ent and ent2 first */
  size_t n_grp;              /* PAIR: entries in grp (2 or more) */
  unsigned wf;               /* NG_WF_* bits of low (whatever the kind),
                              * set by ng__views_build */
};

/* Bits of ng_tok.wf: what the token's lower-cased text is, computed once
 * so the matcher's inner loops test bits instead of comparing strings.
 * They describe low only; callers still check the kind. */
#define NG_WF_SPEECH 0x001u  /* a one-word phrase of ngl:SpeechVerb */
#define NG_WF_CLAUSE 0x002u  /* while whilst whereas but although though
                              * however */
#define NG_WF_AND 0x004u     /* "and" */
#define NG_WF_COMMA 0x008u   /* "," */
#define NG_WF_PAREN 0x010u   /* "(" or ")" */
#define NG_WF_REL 0x020u     /* which who whose */
#define NG_WF_TO 0x040u      /* "to" */
#define NG_WF_BE 0x080u      /* is are was were */
#define NG_WF_BUT 0x100u     /* "but" */
#define NG_WF_STOP 0x200u    /* . ; : ! ? -- (hard barriers when PUNCT) */
#define NG_WF_SET 0x8000u    /* the bits are computed */

struct ng_view {
  size_t sentence;      /* index in doc->sentences */
  struct ng_tok *toks;  /* owned */
  size_t n_toks;
  size_t subject;       /* first Person outside quotes, or NG_NONE */
  uint64_t lit_keys[16]; /* bits of the first two bytes of the word and
                          * punctuation tokens (the matcher's literal
                          * prefilter), set once every view is final */
  bool lit_keys_set;     /* lit_keys is computed */
};

/* A quotation span: the bytes between the marks [begin, end). */
struct ng_qspan {
  size_t open;  /* byte offset of the opening mark */
  size_t begin; /* first byte inside */
  size_t end;   /* byte offset of the closing mark (or paragraph end) */
  size_t close; /* byte offset just past the closing mark */
};

struct ng_views {
  struct ng_view *v;     /* one per sentence, in order (owned) */
  size_t n;
  size_t pair[2];        /* the two most salient countries, or NG_NONE */
  size_t home;           /* the country of the dateline city when the
                          * article names it, or NG_NONE (set by the
                          * caller; ng__views_build leaves NG_NONE) */
  struct ng_qspan *quotes; /* quotation spans in text order (owned) */
  size_t n_quotes;
  size_t *capital;       /* per entity: the country entity a capital city
                          * stands for in a slot that takes countries
                          * but no cities ("relations between Seoul and
                          * Tokyo"), or NG_NONE; NULL when unknown (set
                          * by the caller, owned, freed by
                          * ng__views_clear) */
  unsigned char *asked;  /* per entity: NG_ASKED_* bits, which of its
                          * facts the views and matches depend on (owned,
                          * NULL when the doc has no entities) */
  size_t n_asked;        /* entries in asked (doc->n_entities) */
  struct ng_fact_log *log; /* every answer the views and matches read
                            * from the doc's office facts (owned; NULL
                            * when it could not be kept) */
};

/* Bits of ng_views.asked. */
#define NG_ASKED_OFFICE 1u /* the offices a person holds were read */
#define NG_ASKED_HOLDER 2u /* the holders of a country's offices were read */
#define NG_ASKED_CITY 4u   /* the country a city lies in was read */

/* Records in @p views that bit @p bit of entity @p ent was read (see
 * ng_views.asked; out-of-range entities are ignored). */
void ng__views_mark(const struct ng_views *views, size_t ent, unsigned bit);

/* ng__doc_office_of(), recorded as NG_ASKED_OFFICE of @p person in
 * @p views. */
size_t ng__views_office_of(const struct ng_views *views,
                           const struct ng_doc *doc, size_t person,
                           unsigned types);

/* Builds the views of every sentence of @p doc using @p lex for the
 * fallback descriptions and pair phrases. Errors: NG_ERR_NOMEM (then
 * *out holds nothing). */
NG_NODISCARD ng_status ng__views_build(const struct ng_doc *doc,
                                       const struct ng_lexicon *lex,
                                       struct ng_views *out);

/* Frees what ng__views_build() made (a zeroed struct is fine). */
void ng__views_clear(struct ng_views *views);

/* True if every answer @p views and the matches made with them read from
 * the office facts of @p doc (ng__views_office_of(), the office a
 * description fits, the holder of a country's offices) is still the same
 * now: facts were appended since, and a new search would then make the
 * same decisions. False when unknown (the log could not be kept). Reads
 * only office facts; a city's country (NG_ASKED_CITY) is the caller's. */
bool ng__views_answers_same(const struct ng_views *views,
                            const struct ng_doc *doc);

#define NG_MATCH_MAX 8

/* One match of a rule in a view. Entity indices are resolved. */
struct ng_match {
  const struct ng_rule *rule;
  size_t view;                   /* index in views->v */
  size_t a[NG_MATCH_MAX];        /* entities bound to A */
  size_t a_tok[NG_MATCH_MAX];    /* their token indices */
  size_t n_a;
  size_t b[NG_MATCH_MAX];        /* entities bound to B */
  size_t b_tok[NG_MATCH_MAX];
  size_t n_b;
  size_t first;                  /* first token of the match */
  size_t anchor;                 /* first literal token (the trigger) */
  size_t last;                   /* last token of the match */
  bool weak;                     /* a pronoun, description or implied pair */
  bool coerced;                  /* a person stood for their office */
  bool uncoerced;                /* a '^' slot kept a person */
  bool implicit;                 /* the pair came from the context ('!') */
};

/* Finds the matches of @p rule in view @p vi: for each trigger token the
 * leftmost match. Writes at most @p max to @p out; returns how many were
 * written. */
size_t ng__pattern_match(const struct ng_doc *doc,
                         const struct ng_lexicon *lex,
                         const struct ng_views *views, size_t vi,
                         const struct ng_rule *rule, struct ng_match *out,
                         size_t max);

/* Index of the first token in [from, to) of @p view where a phrase of
 * @p list starts, or NG_NONE; the phrase length in tokens goes to *n if
 * not NULL. */
size_t ng__view_find(const struct ng_view *view, size_t from, size_t to,
                     const struct ng_wordlist *list, size_t *n);

/* True if a phrase of @p list ends exactly at token @p end - 1 (so the
 * words before token @p end are that phrase). */
bool ng__view_ends_with(const struct ng_view *view, size_t end,
                        const struct ng_wordlist *list);

/* True for tokens that end a clause for the gaps of patterns: . ; : ! ?
 * quotation marks, em dashes. */
bool ng__tok_is_hard_barrier(const struct ng_tok *t);

/* The office a person holds according to doc->facts: the object of the
 * first headOfStateOf/headOfGovernmentOf/ministerOf/leaderOf fact whose
 * object's type is in @p types, or NG_NONE. */
size_t ng__doc_office_of(const struct ng_doc *doc, size_t person,
                         unsigned types);

/* ---- prefilter: rules that cannot match a view ----
 * A rule matches only where each of its mandatory literal elements meets
 * a word or punctuation token whose text is one of the element's
 * alternatives, and each of its non-implicit slots an entity or group
 * token. Word sets are kept as 64-bit signatures (one bit per hashed
 * word), so the test is a few AND operations per rule; a signature can
 * only let through a rule that then fails to match, never drop one that
 * would match. */

/* Most mandatory literal elements a signature tests (further ones are
 * left to the matcher). */
#define NG_SIG_MAX 8

/* Most two-byte keys kept per literal of a signature (more: untested). */
#define NG_SIG_KEYS 6

struct ng_rule_sig {
  uint64_t need[NG_SIG_MAX]; /* per mandatory literal: its word bits */
  size_t n_need;             /* entries in need */
  bool needs_ent;            /* has a slot that consumes an entity */
  uint16_t keys[NG_SIG_MAX][NG_SIG_KEYS]; /* per entry of need: the
                              * two-byte keys of its alternatives, as in
                              * ng_view.lit_keys */
  unsigned char n_keys[NG_SIG_MAX]; /* entries in keys; 0: not tested */
};

/* The signature bit of the lower-cased word @p low (FNV-1a). */
uint64_t ng__sig_bit(const char *low);

/* Computes the signature of @p rule into @p sig. */
void ng__rule_sig(const struct ng_rule *rule, struct ng_rule_sig *sig);

/* The word bits of @p view (its word and punctuation tokens) and, in
 * *has_ent, whether it has an entity or group token. */
uint64_t ng__view_sig(const struct ng_view *view, bool *has_ent);

/* False when a rule of signature @p sig cannot match a view of signature
 * @p words / @p has_ent (see above); true when it may. Inline: it runs
 * for every rule on every sentence. */
static inline bool
ng__rule_sig_may_match(const struct ng_rule_sig *sig, uint64_t words,
                       bool has_ent)
{
  if (sig->needs_ent && !has_ent) {
    return false;
  }
  for (size_t k = 0; k < sig->n_need; k++) {
    if (!(sig->need[k] & words)) {
      return false;
    }
  }
  return true;
}

/* False when a rule of signature @p sig cannot match @p view because a
 * literal's alternatives have none of their first two bytes among the
 * view's tokens (ng_view.lit_keys; the matcher's own first test, done
 * here without a call per rule); true when it may or when the view's keys
 * are not computed yet. */
bool ng__rule_sig_may_match_view(const struct ng_rule_sig *sig,
                                 const struct ng_view *view);

#endif
