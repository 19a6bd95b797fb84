#!/bin/sh
# SPDX-License-Identifier: MIT
# The virtuoso store back-end (tests/cli/backend.sh).
exec sh "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/cli/backend.sh" virtuoso
