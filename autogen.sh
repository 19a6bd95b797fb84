#!/bin/sh
# Regenerate the build system (configure, Makefile.in) from configure.ac.
set -e
exec autoreconf -fvi "$(dirname "$0")"
