/* SPDX-License-Identifier: MIT */
/* SPARQL queries through rasqal over the store; result formats. (stub: owner rdf) */
#ifndef NG_QUERY_H
#define NG_QUERY_H

#include "doc.h"
#include "world.h"


#endif
