/* SPDX-License-Identifier: MIT */
/* Every IRI string used in C. VOCABULARY.md is the contract; every term
 * here is declared in a Turtle file in ontology/ (tests/lint/vocab.sh).
 * Sections: namespaces (lead), vocabulary terms (owner: rdf), lexicon
 * terms (owners: entities, relations; append only). */
#ifndef NG_VOCAB_H
#define NG_VOCAB_H

/* ---- namespaces ---- */
#define NG_NS "https://w3id.org/newsgraph/ns#"
#define NGL_NS "https://w3id.org/newsgraph/lexicon#"
#define SCHEMA_NS "https://schema.org/"
#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS_NS "http://www.w3.org/2000/01/rdf-schema#"
#define OWL_NS "http://www.w3.org/2002/07/owl#"
#define XSD_NS "http://www.w3.org/2001/XMLSchema#"
#define SKOS_NS "http://www.w3.org/2004/02/skos/core#"
#define PROV_NS "http://www.w3.org/ns/prov#"
#define NIF_NS "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define ITSRDF_NS "http://www.w3.org/2005/11/its/rdf#"
#define WD_NS "http://www.wikidata.org/entity/"

/* ---- vocabulary terms (owner: rdf) ---- */

/* ng: classes (VOCABULARY.md "Entities", "Events and figures") */
#define NG_PERSON NG_NS "Person"
#define NG_COUNTRY NG_NS "Country"
#define NG_CITY NG_NS "City"
#define NG_PLACE NG_NS "Place"
#define NG_ORGANIZATION NG_NS "Organization"
#define NG_INTERNATIONAL_ORGANIZATION NG_NS "InternationalOrganization"
#define NG_GOVERNMENT_BODY NG_NS "GovernmentBody"
#define NG_COMPANY NG_NS "Company"
#define NG_NEWS_AGENCY NG_NS "NewsAgency"
#define NG_VISIT NG_NS "Visit"
#define NG_MEETING NG_NS "Meeting"
#define NG_SIGNING NG_NS "Signing"
#define NG_QUOTATION NG_NS "Quotation"
#define NG_TRADE_FIGURE NG_NS "TradeFigure"
#define NG_MODALITY NG_NS "Modality"

/* ng: binary relations (VOCABULARY.md "Binary facts") */
#define NG_MEETS NG_NS "meets"
#define NG_VISITS NG_NS "visits"
#define NG_HOSTS NG_NS "hosts"
#define NG_HEAD_OF_STATE_OF NG_NS "headOfStateOf"
#define NG_HEAD_OF_GOVERNMENT_OF NG_NS "headOfGovernmentOf"
#define NG_MINISTER_OF NG_NS "ministerOf"
#define NG_LEADER_OF NG_NS "leaderOf"
#define NG_MEMBER_OF NG_NS "memberOf"
#define NG_PARTNER_OF NG_NS "partnerOf"
#define NG_CHAIRS NG_NS "chairs"
#define NG_COOPERATES_WITH NG_NS "cooperatesWith"
#define NG_TRADING_PARTNER_OF NG_NS "tradingPartnerOf"
#define NG_SIGNS_AGREEMENT_WITH NG_NS "signsAgreementWith"
#define NG_INVITES NG_NS "invites"
#define NG_LOCATED_IN NG_NS "locatedIn"

/* ng: event properties */
#define NG_AGENT NG_NS "agent"
#define NG_DESTINATION NG_NS "destination"
#define NG_START_DATE NG_NS "startDate"
#define NG_END_DATE NG_NS "endDate"
#define NG_PARTICIPANT NG_NS "participant"
#define NG_LOCATION NG_NS "location"
#define NG_DATE NG_NS "date"
#define NG_AGREEMENT_TITLE NG_NS "agreementTitle"
#define NG_SPEAKER NG_NS "speaker"
#define NG_PARTY NG_NS "party"
#define NG_YEAR NG_NS "year"

/* ng: article, evidence and confidence */
#define NG_DATELINE NG_NS "dateline"
#define NG_RETRIEVED_AT NG_NS "retrievedAt"
#define NG_REQUESTED_URL NG_NS "requestedUrl"
#define NG_HTTP_ETAG NG_NS "httpETag"
#define NG_HTTP_LAST_MODIFIED NG_NS "httpLastModified"
#define NG_EVIDENCE NG_NS "evidence"
#define NG_CONFIDENCE NG_NS "confidence"
#define NG_MODALITY_P NG_NS "modality"
#define NG_ASSERTED NG_NS "Asserted"
#define NG_PLANNED NG_NS "Planned"
#define NG_REPORTED NG_NS "Reported"
#define NG_DENIED NG_NS "Denied"

/* schema.org */
#define SCHEMA_NEWS_ARTICLE SCHEMA_NS "NewsArticle"
#define SCHEMA_URL SCHEMA_NS "url"
#define SCHEMA_HEADLINE SCHEMA_NS "headline"
#define SCHEMA_DATE_PUBLISHED SCHEMA_NS "datePublished"
#define SCHEMA_PUBLISHER SCHEMA_NS "publisher"
#define SCHEMA_AUTHOR SCHEMA_NS "author"
#define SCHEMA_IN_LANGUAGE SCHEMA_NS "inLanguage"
#define SCHEMA_MENTIONS SCHEMA_NS "mentions"
#define SCHEMA_TEXT SCHEMA_NS "text"
#define SCHEMA_VALUE SCHEMA_NS "value"
#define SCHEMA_CURRENCY SCHEMA_NS "currency"

/* W3C vocabularies */
#define RDF_TYPE RDF_NS "type"
#define RDF_STATEMENT RDF_NS "Statement"
#define RDF_SUBJECT RDF_NS "subject"
#define RDF_PREDICATE RDF_NS "predicate"
#define RDF_OBJECT RDF_NS "object"
#define RDFS_LABEL RDFS_NS "label"
#define OWL_SAME_AS OWL_NS "sameAs"
#define SKOS_ALT_LABEL SKOS_NS "altLabel"
#define PROV_WAS_DERIVED_FROM PROV_NS "wasDerivedFrom"
#define XSD_STRING XSD_NS "string"
#define XSD_DATE XSD_NS "date"
#define XSD_DATE_TIME XSD_NS "dateTime"
#define XSD_GYEAR XSD_NS "gYear"
#define XSD_DECIMAL XSD_NS "decimal"
#define XSD_NON_NEGATIVE_INTEGER XSD_NS "nonNegativeInteger"

/* NIF 2.0 core and ITS 2.0 (--nif) */
#define NIF_CONTEXT NIF_NS "Context"
#define NIF_PHRASE NIF_NS "Phrase"
#define NIF_IS_STRING NIF_NS "isString"
#define NIF_ANCHOR_OF NIF_NS "anchorOf"
#define NIF_BEGIN_INDEX NIF_NS "beginIndex"
#define NIF_END_INDEX NIF_NS "endIndex"
#define NIF_REFERENCE_CONTEXT NIF_NS "referenceContext"
#define ITSRDF_TA_IDENT_REF ITSRDF_NS "taIdentRef"

/* ---- lexicon terms (owners: entities, relations) ---- */

/* relations: ontology/lexicon-relations.ttl, read by graph/lexicon.c */
#define NGL_RELATION_PATTERN NGL_NS "RelationPattern"
#define NGL_PATTERN NGL_NS "pattern"
#define NGL_RELATION NGL_NS "relation"
#define NGL_CONFIDENCE NGL_NS "confidence"
#define NGL_WORD_LIST NGL_NS "WordList"
#define NGL_ROLE NGL_NS "role"
#define NGL_SURFACE NGL_NS "surface"
#define NGL_PLANNED_MARKER NGL_NS "PlannedMarker"
#define NGL_REPORTED_MARKER NGL_NS "ReportedMarker"
#define NGL_DENIED_MARKER NGL_NS "DeniedMarker"
#define NGL_SPEECH_VERB NGL_NS "SpeechVerb"
#define NGL_WITNESS_MARKER NGL_NS "WitnessMarker"
#define NGL_INVESTMENT_WORD NGL_NS "InvestmentWord"
#define NGL_TRADE_WORD NGL_NS "TradeWord"
#define NGL_CHANGE_WORD NGL_NS "ChangeWord"
#define NGL_COUNTRY_PAIR_PHRASE NGL_NS "CountryPairPhrase"
#define NGL_ORG_DESCRIPTION NGL_NS "OrgDescription"
#define NGL_VISIT_START_WORD NGL_NS "VisitStartWord"
#define NGL_VISIT_END_WORD NGL_NS "VisitEndWord"
#define NGL_AGREEMENT_NOUN NGL_NS "AgreementNoun"
#define NGL_NICKNAME_MARKER NGL_NS "NicknameMarker"
#define NGL_HEAD_OF_STATE_TITLE NGL_NS "HeadOfStateTitle"
#define NGL_HEAD_OF_GOVERNMENT_TITLE NGL_NS "HeadOfGovernmentTitle"
#define NGL_MINISTER_TITLE NGL_NS "MinisterTitle"
#define NGL_LEADER_TITLE NGL_NS "LeaderTitle"

/* relations (appended by relations2): more word-list roles */
#define NGL_INTENT_MARKER NGL_NS "IntentMarker"
#define NGL_DENIED_CLAUSE_MARKER NGL_NS "DeniedClauseMarker"
#define NGL_REFERENCE_YEAR_MARKER NGL_NS "ReferenceYearMarker"
#define NGL_PERSON_GROUP_NOUN NGL_NS "PersonGroupNoun"

/* relations (appended by relations3): currency names, intra-bloc trade */
#define NGL_CURRENCY_NAME NGL_NS "CurrencyName"
#define NGL_CURRENCY NGL_NS "currency"
#define NGL_COUNTRY NGL_NS "country"
#define NGL_INTRA_TRADE_MARKER NGL_NS "IntraTradeMarker"

/* relations (appended by relations4): visits to a country */
#define NGL_COUNTRY_VISIT_PHRASE NGL_NS "CountryVisitPhrase"

/* relations (appended by rel3): hypothetical, cancelled and trailing
 * attribution or denial markers */
#define NGL_HYPOTHETICAL_MARKER NGL_NS "HypotheticalMarker"
#define NGL_CANCELLED_MARKER NGL_NS "CancelledMarker"
#define NGL_REPORTED_TAIL_MARKER NGL_NS "ReportedTailMarker"
#define NGL_DENIED_TAIL_MARKER NGL_NS "DeniedTailMarker"
#define NGL_NON_MEMBER_WORD NGL_NS "NonMemberWord"

#endif
