/* SPDX-License-Identifier: MIT */
/* HTML parsing with libxml2's HTML parser into a tree for meta.c and content.c. (stub: owner front) */
#ifndef NG_HTML_H
#define NG_HTML_H

#include "doc.h"
#include "world.h"


#endif
