/* SPDX-License-Identifier: MIT */
/* IRI minting: slugs, {base}person/..., content-hash event IRIs, urn:sha256. (stub: owner rdf) */
#include "iri.h"


