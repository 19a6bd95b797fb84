/* SPDX-License-Identifier: MIT */
/* Temporal-expression normalisation (TIMEX3 style): explicit and relative dates to xsd:date. (stub: owner relations) */
#include "timex.h"


