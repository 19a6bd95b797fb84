/* SPDX-License-Identifier: MIT */
/* Money normalisation: amounts, scale words and currency symbols to value in units + ISO 4217. (stub: owner relations) */
#include "money.h"


