/* SPDX-License-Identifier: MIT */
/* IRI minting: slugs, {base}person/..., content-hash event IRIs, urn:sha256. (stub: owner rdf) */
#ifndef NG_IRI_H
#define NG_IRI_H

#include "doc.h"
#include "world.h"


#endif
