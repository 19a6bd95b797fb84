#!/bin/sh
# SPDX-License-Identifier: MIT
# The postgresql store back-end (tests/cli/backend.sh).
exec sh "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/backend.sh" postgresql
