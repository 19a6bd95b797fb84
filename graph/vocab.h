/* SPDX-License-Identifier: MIT */
/* Every IRI string used in C. VOCABULARY.md is the contract; every term
 * here is declared in an ontology/*.ttl file (tests/lint/vocab.sh).
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

/* ---- lexicon terms (owners: entities, relations) ---- */

#endif
