/* SPDX-License-Identifier: MIT */
/* Doc annotations to triples in the vocabulary (entities, facts, reification, prov, NIF). (stub: owner rdf) */
#ifndef NG_EMIT_H
#define NG_EMIT_H

#include "doc.h"
#include "world.h"


#endif
