/* SPDX-License-Identifier: MIT */
/* Article metadata: canonical URL, og:*, JSON-LD, headline, dates, authors, publisher, language. (stub: owner front) */
#include "meta.h"


