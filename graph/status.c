/* SPDX-License-Identifier: MIT */
/* ng_strerror(); ng__errorf() and ng__warnf(): record the message on the
 * world and pass it to the user's sink. Never prints. */
#include "world.h"

#include <stdarg.h>
#include <stdio.h>

const char *
ng_strerror(ng_status st)
{
  switch (st) {
  case NG_OK: return "success";
  case NG_NOT_FOUND: return "nothing found";
  case NG_ERR_NOMEM: return "out of memory";
  case NG_ERR_ARG: return "bad argument";
  case NG_ERR_IO: return "input/output error";
  case NG_ERR_FETCH: return "fetch failed";
  case NG_ERR_HTTP: return "HTTP error";
  case NG_ERR_TOO_LARGE: return "input too large";
  case NG_ERR_ENCODING: return "bad character encoding";
  case NG_ERR_PARSE: return "cannot parse input";
  case NG_ERR_RDF: return "RDF library error";
  case NG_ERR_INTERNAL: return "internal error";
  }
  return "unknown status";
}

ng_status
ng__errorf(ng_world *world, ng_status st, const char *fmt, ...)
{
  if (!world) {
    return st;
  }
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(world->errmsg, sizeof world->errmsg, fmt, ap);
  va_end(ap);
  if (world->sink) {
    world->sink(world->sink_handle, NG_LOG_ERROR, world->errmsg);
  }
  return st;
}

void
ng__warnf(ng_world *world, const char *fmt, ...)
{
  if (!world || !world->sink) {
    return;
  }
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  world->sink(world->sink_handle, NG_LOG_WARNING, msg);
}
