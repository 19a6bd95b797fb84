/* SPDX-License-Identifier: MIT */
/* Charset detection (BOM, HTTP header, <meta> prescan) and conversion to UTF-8 with iconv. (stub: owner front) */
#ifndef NG_CHARSET_H
#define NG_CHARSET_H

#include "doc.h"
#include "world.h"


#endif
