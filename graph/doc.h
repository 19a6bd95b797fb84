/* SPDX-License-Identifier: MIT */
/* struct ng_doc: one article and everything derived from it (raw bytes,
 * metadata, main text, sentences, mentions, entities, facts, events).
 * The records here are the contract between the pipeline stages: input →
 * content/meta (front) → segment/ner/coref/link (entities) →
 * relation/event (facts) → emit/store/serialize (RDF). All offsets are
 * BYTE offsets into doc->text unless the name says cp_ (code points). */
#ifndef NG_DOC_H
#define NG_DOC_H

#include "internal.h"

#include <time.h>

/* "No entity / no index" in size_t fields. */
#define NG_NONE ((size_t)-1)

/* Article metadata found in the page (meta.c) or given by the user.
 * Every string is owned by the doc, UTF-8, or NULL when unknown. */
struct ng_meta {
  char *headline;       /* the article's headline, not the site name */
  char *date_published; /* "YYYY-MM-DD" or "YYYY-MM-DDThh:mm:ss+hh:mm" */
  char *date_modified;  /* same shapes; never used as date_published */
  char *publisher;      /* publisher / news agency name */
  char *site_name;      /* og:site_name */
  char **authors;       /* author names, one person each */
  size_t n_authors;     /* entries in authors */
  char *language;       /* BCP 47 tag, e.g. "en" */
  char *canonical_url;  /* absolute canonical URL */
  char *description;    /* meta description / og:description */
};

/* Entity classes (VOCABULARY.md "Entities"); exactly one per entity. */
enum ng_etype {
  NG_ETYPE_PERSON,
  NG_ETYPE_COUNTRY,
  NG_ETYPE_CITY,
  NG_ETYPE_PLACE,
  NG_ETYPE_ORGANIZATION,
  NG_ETYPE_INTL_ORG,     /* ng:InternationalOrganization */
  NG_ETYPE_GOV_BODY,     /* ng:GovernmentBody */
  NG_ETYPE_COMPANY,      /* ng:Company */
  NG_ETYPE_NEWS_AGENCY,  /* ng:NewsAgency */
  NG_ETYPE_COUNT
};

/* The fifteen binary relations (VOCABULARY.md "Binary facts"). */
enum ng_rel {
  NG_REL_MEETS,
  NG_REL_VISITS,
  NG_REL_HOSTS,
  NG_REL_HEAD_OF_STATE_OF,
  NG_REL_HEAD_OF_GOVERNMENT_OF,
  NG_REL_MINISTER_OF,
  NG_REL_LEADER_OF,
  NG_REL_MEMBER_OF,
  NG_REL_PARTNER_OF,
  NG_REL_CHAIRS,
  NG_REL_COOPERATES_WITH,
  NG_REL_TRADING_PARTNER_OF,
  NG_REL_SIGNS_AGREEMENT_WITH,
  NG_REL_INVITES,
  NG_REL_LOCATED_IN,
  NG_REL_COUNT
};

/* ng:modality values (VOCABULARY.md "Evidence and confidence"). */
enum ng_modality {
  NG_MOD_ASSERTED,
  NG_MOD_PLANNED,
  NG_MOD_REPORTED,
  NG_MOD_DENIED
};

/* n-ary event kinds (VOCABULARY.md "Events and figures"). */
enum ng_event_kind {
  NG_EV_VISIT,
  NG_EV_MEETING,
  NG_EV_SIGNING,
  NG_EV_QUOTATION,
  NG_EV_TRADE_FIGURE
};

/* How a mention refers to its entity. */
enum ng_mention_kind {
  NG_MENTION_NAME,        /* a name or alias: "Anwar Ibrahim", "Asean" */
  NG_MENTION_PARTIAL,     /* part of a name: "Anwar", "Tran" */
  NG_MENTION_PRONOUN,     /* he, she, his, her */
  NG_MENTION_DEMONYM,     /* "Malaysian" -> Malaysia */
  NG_MENTION_DESCRIPTION  /* "the bloc", "the prime minister" */
};

struct ng_sentence {
  size_t begin;    /* byte offset of the first character in doc->text */
  size_t end;      /* byte offset just past the last character */
  size_t cp_begin; /* the same, in code points */
  size_t cp_end;   /* the same, in code points */
};

struct ng_entity {
  enum ng_etype type;   /* the one class */
  char *label;          /* canonical name, no honorific or title (owned) */
  char **alt_labels;    /* other surface forms seen, distinct (owned) */
  size_t n_alt_labels;  /* entries in alt_labels */
  char *qid;            /* Wikidata QID "Q833", or NULL (owned) */
  char *honorific;      /* stripped honorific prefix, e.g. "Datuk Seri", or NULL */
  size_t n_mentions;    /* mentions in the main text */
  bool is_author;       /* a byline author of the article */
  bool merged;          /* merged into another entity: skip (see merged_into) */
  size_t merged_into;   /* index of the surviving entity when merged */
};

struct ng_mention {
  size_t begin;              /* byte offset in doc->text */
  size_t end;                /* byte offset just past the mention */
  size_t entity;             /* index into doc->entities */
  size_t sentence;           /* index into doc->sentences */
  enum ng_mention_kind kind; /* how it refers */
};

struct ng_fact {
  enum ng_rel rel;            /* the relation */
  size_t subject;             /* entity index */
  size_t object;              /* entity index */
  size_t sentence;            /* evidence sentence index */
  double confidence;          /* in [0,1] */
  enum ng_modality modality;  /* DENIED facts are never plain triples */
};

struct ng_event {
  enum ng_event_kind kind;   /* which event class */
  size_t agent;              /* Visit: visitor; Quotation: speaker; else NG_NONE */
  size_t destination;        /* Visit: destination entity, else NG_NONE */
  size_t location;           /* Meeting: location entity, else NG_NONE */
  size_t *parties;           /* Meeting/Signing participants, TradeFigure parties (owned) */
  size_t n_parties;          /* entries in parties */
  char start_date[11];       /* Visit start, xsd:date, or "" */
  char end_date[11];         /* Visit end, xsd:date, or "" */
  char date[11];             /* Meeting/Signing date, xsd:date, or "" */
  char *text;                /* Quotation: the quoted words; Signing: agreement title; owned or NULL */
  int year;                  /* TradeFigure year, 0 if unknown */
  char *value;               /* TradeFigure xsd:decimal lexical form in units ("11460000000"), owned */
  char currency[4];          /* TradeFigure ISO 4217 code, "" if unknown */
  size_t sentence;           /* evidence sentence index */
  double confidence;         /* in [0,1] */
  enum ng_modality modality; /* DENIED events are never emitted as nodes */
};

struct ng_doc {
  /* input (input.c, fetch.c) */
  char *name;            /* input as given (URL, path, "-"), for messages */
  char *raw;             /* raw bytes as fetched/read, decompressed (owned) */
  size_t raw_len;        /* bytes in raw */
  char *content_type;    /* HTTP Content-Type or NULL */
  char *final_url;       /* URL after redirects, or NULL for local input */
  long http_status;      /* HTTP status, 0 for local input */
  bool is_plain_text;    /* input is plain text (.txt), not HTML */
  time_t retrieved_at;   /* when fetched or read (world clock) */
  char *user_url;        /* --url override, or NULL */
  char *user_date;       /* --date override "YYYY-MM-DD", or NULL */

  /* front: charset, html, meta, content */
  bool parsed;           /* ng_doc_parse() done */
  struct ng_meta meta;   /* article metadata */
  char *text;            /* main text, UTF-8, paragraphs joined by "\n\n" */
  size_t text_len;       /* bytes in text */
  char *iri;             /* article IRI (canonical, final URL, --url, urn:sha256) */

  /* extraction */
  bool extracted;        /* ng_doc_extract() done */
  char ref_date[11];     /* reference date for relative dates, xsd:date or "" */
  struct ng_sentence *sentences; size_t n_sentences, cap_sentences;
  struct ng_entity *entities;    size_t n_entities, cap_entities;
  struct ng_mention *mentions;   size_t n_mentions, cap_mentions;
  struct ng_fact *facts;         size_t n_facts, cap_facts;
  struct ng_event *events;       size_t n_events, cap_events;
  size_t dateline;       /* entity index of the dateline city, or NG_NONE */
  size_t publisher;      /* entity index of the publisher, or NG_NONE */

  /* feeds (input.c): a feed's date for the article, used when neither
   * user_date nor the page gives one; xsd:date or "" */
  char fallback_date[11];

  /* conditional requests (fetch.c): the URL as requested, before
   * redirects, and the response's ETag and Last-Modified header values
   * as sent (NULL when absent or not fetched over HTTP); owned */
  char *requested_url;
  char *etag;
  char *last_modified;

  /* relation.c: the trigger matches ng__relation_run() found, kept for
   * ng__event_run() when the facts it added cannot change them; owned,
   * NULL otherwise; ng__event_run() takes it over and frees it */
  struct ng_relset *relset;

  /* resource limits (faults): records refused at NG_DOC_MAX_ENTITIES and
   * NG_DOC_MAX_FACTS by the adders, reported by ng_doc_extract() */
  size_t n_refused_entities;
  size_t n_refused_facts;

  /* ner.c: the tokens of each sentence (segment.h ng__segment_tokenize),
   * kept for ng__coref_run(): those of sentence s are
   * toks[tok_first[s] .. tok_first[s + 1]), made when its bounds were
   * [tok_bounds[2s], tok_bounds[2s + 1]) (a sentence whose bounds differ
   * now is tokenized anew); n_tok_sents sentences; owned, NULL when not
   * kept; freed with the extraction */
  struct ng_token *toks;
  size_t *tok_first;
  size_t *tok_bounds;
  size_t n_tok_sents;
};

/* Most entities one article may hold: ng__doc_add_entity() refuses more
 * with NG_ERR_TOO_LARGE, and ng_doc_extract() then extracts from the text
 * before the sentence where the cap was reached, with a warning. Far
 * above any news article (the largest benchmark pages hold a few hundred);
 * it bounds the time and memory a page of invented names can take. */
#define NG_DOC_MAX_ENTITIES 5000

/* Most binary facts one article may hold: ng__doc_add_fact() drops more
 * (and counts them), and ng_doc_extract() warns. */
#define NG_DOC_MAX_FACTS 20000

/* Frees every field of @p m and zeroes it (reusable afterwards). */
void ng__meta_clear(struct ng_meta *m);

/* A new empty doc named @p name (copied), or NULL when out of memory. */
struct ng_doc *ng__doc_new(const char *name);

/* Sets *field to a copy of @p len bytes at @p s (freeing the old value).
 * NG_ERR_NOMEM on failure (the old value is kept). */
NG_NODISCARD ng_status ng__doc_set_str(char **field, const char *s,
                                       size_t len);

/* Appends a sentence [begin, end) (bytes); computes the code-point
 * offsets. Sentences must be added in text order. */
NG_NODISCARD ng_status ng__doc_add_sentence(struct ng_doc *doc, size_t begin,
                                            size_t end);

/* Index of the sentence containing byte offset @p off, or NG_NONE. */
size_t ng__doc_sentence_at(const struct ng_doc *doc, size_t off);

/* Appends an entity with @p label (copied) and stores its index in *idx.
 * Does not look for an existing one: see ng__doc_find_entity(). Errors:
 * NG_ERR_TOO_LARGE when the doc holds NG_DOC_MAX_ENTITIES already (counted
 * in n_refused_entities; ng_doc_extract() handles it), NG_ERR_NOMEM. */
NG_NODISCARD ng_status ng__doc_add_entity(struct ng_doc *doc,
                                          enum ng_etype type,
                                          const char *label, size_t *idx);

/* Index of the unmerged entity with exactly @p label and @p type, or
 * NG_NONE. */
size_t ng__doc_find_entity(const struct ng_doc *doc, enum ng_etype type,
                           const char *label);

/* Adds @p alt (copied) to the entity's alt labels unless it equals the
 * label or is already there. */
NG_NODISCARD ng_status ng__doc_add_alt_label(struct ng_doc *doc, size_t ent,
                                             const char *alt, size_t len);

/* Appends a mention; increments the entity's n_mentions. */
NG_NODISCARD ng_status ng__doc_add_mention(struct ng_doc *doc, size_t begin,
                                           size_t end, size_t ent,
                                           enum ng_mention_kind kind);

/* Follows merged_into links to the surviving entity. */
size_t ng__doc_resolve(const struct ng_doc *doc, size_t ent);

/* Appends a fact (copied) unless an equal (rel, subject, object, modality)
 * fact exists, in which case the higher confidence is kept. Symmetric
 * relations are compared in both directions. A new fact beyond
 * NG_DOC_MAX_FACTS is dropped and counted in n_refused_facts (NG_OK). */
NG_NODISCARD ng_status ng__doc_add_fact(struct ng_doc *doc,
                                        const struct ng_fact *fact);

/* Appends an event; takes ownership of ev->parties, ev->text and
 * ev->value (freed even on failure). */
NG_NODISCARD ng_status ng__doc_take_event(struct ng_doc *doc,
                                          struct ng_event *ev);

/* Byte offset in doc->text where the dateline ("KUALA LUMPUR, May 15 —")
 * ends at its dash, or 0 if the text has none in its first 120 bytes. */
size_t ng__doc_dateline_end(const struct ng_doc *doc);

/* True for the symmetric relations (meets, cooperatesWith,
 * tradingPartnerOf, signsAgreementWith). */
bool ng__rel_is_symmetric(enum ng_rel rel);

#endif
