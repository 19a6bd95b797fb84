/* SPDX-License-Identifier: MIT */
/* Main-content extraction (boilerplate removal) and ng_doc_parse(). (stub: owner front) */
#ifndef NG_CONTENT_H
#define NG_CONTENT_H

#include "doc.h"
#include "world.h"


#endif
