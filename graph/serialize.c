/* SPDX-License-Identifier: MIT */
/* RDF writing: serd for Turtle/TriG/N-Triples/N-Quads, raptor for RDF/XML. (stub: owner rdf) */
#include "serialize.h"

#include <string.h>

ng_status
ng_syntax_parse(const char *name, ng_syntax *out)
{
  static const struct {
    const char *name;
    ng_syntax syntax;
  } names[] = {{"turtle", NG_SYNTAX_TURTLE},     {"trig", NG_SYNTAX_TRIG},
               {"ntriples", NG_SYNTAX_NTRIPLES}, {"nquads", NG_SYNTAX_NQUADS},
               {"rdfxml", NG_SYNTAX_RDFXML}};
  for (size_t i = 0; i < ARRAY_LEN(names); i++) {
    if (strcmp(name, names[i].name) == 0) {
      *out = names[i].syntax;
      return NG_OK;
    }
  }
  return NG_ERR_ARG;
}
