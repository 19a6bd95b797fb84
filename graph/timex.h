/* SPDX-License-Identifier: MIT */
/* Temporal-expression normalisation (TIMEX3 style): explicit and relative dates to xsd:date. (stub: owner relations) */
#ifndef NG_TIMEX_H
#define NG_TIMEX_H

#include "doc.h"
#include "world.h"


#endif
