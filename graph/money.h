/* SPDX-License-Identifier: MIT */
/* Money normalisation: amounts, scale words and currency symbols to value in units + ISO 4217. (stub: owner relations) */
#ifndef NG_MONEY_H
#define NG_MONEY_H

#include "doc.h"
#include "world.h"


#endif
