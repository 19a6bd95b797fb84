/* SPDX-License-Identifier: MIT */
/* librdf storage and model with contexts: one named graph per article; replace on re-ingest. (stub: owner rdf) */
#ifndef NG_STORE_H
#define NG_STORE_H

#include "doc.h"
#include "world.h"


#endif
