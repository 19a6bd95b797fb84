/* SPDX-License-Identifier: MIT */
/* Input loading: the INPUT syntax of ARCHITECTURE.md (URL, file, .gz, "-") into a doc. (stub: owner front) */
#ifndef NG_INPUT_H
#define NG_INPUT_H

#include "doc.h"
#include "world.h"


#endif
