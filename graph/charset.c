/* SPDX-License-Identifier: MIT */
/* Charset detection (BOM, HTTP header, <meta> prescan) and conversion to UTF-8 with iconv. (stub: owner front) */
#include "charset.h"


