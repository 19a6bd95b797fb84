/* SPDX-License-Identifier: MIT */
/* RDF writing: serd for Turtle/TriG/N-Triples/N-Quads, raptor for RDF/XML. (stub: owner rdf) */
#ifndef NG_SERIALIZE_H
#define NG_SERIALIZE_H

#include "doc.h"
#include "world.h"


#endif
