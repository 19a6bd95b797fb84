/* SPDX-License-Identifier: MIT */
/* Article metadata: canonical URL, og:*, JSON-LD, headline, dates, authors, publisher, language. (stub: owner front) */
#ifndef NG_META_H
#define NG_META_H

#include "doc.h"
#include "world.h"


#endif
