/* SPDX-License-Identifier: MIT */
/* HTML parsing with libxml2's HTML parser into a tree for meta.c and content.c. (stub: owner front) */
#include "html.h"


