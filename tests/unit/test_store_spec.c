/* SPDX-License-Identifier: MIT */
/* Unit tests for store names (ng_store_open_ex): "sqlite:" with no path
 * is refused with NG_ERR_ARG and a message naming it, instead of opening
 * the default newsgraph.db; nothing is created. */
#include "../test.h"

#include "newsgraph.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
test_empty_sqlite_path(void)
{
  char dir[] = "/tmp/ng-store-spec-XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char cwd[4096];
  CHECK(getcwd(cwd, sizeof cwd) != NULL);
  CHECK(chdir(dir) == 0);
  ng_world *world = ng_world_new();
  CHECK(world != NULL);
  ng_store *store = NULL;
  ng_status st = ng_store_open_ex(world, "sqlite:", NG_STORE_WRITE, 0,
                                  &store);
  CHECK(st == NG_ERR_ARG);
  CHECK(store == NULL);
  CHECK(strstr(ng_world_errmsg(world), "sqlite:") != NULL);
  CHECK(strstr(ng_world_errmsg(world), "names no file") != NULL);
  CHECK(access("newsgraph.db", F_OK) != 0);
  CHECK(access("newsgraph.db.lock", F_OK) != 0);
  ng_store_free(store);
  /* a reader too */
  st = ng_store_open_ex(world, "sqlite:", 0, 0, &store);
  CHECK(st == NG_ERR_ARG);
  ng_store_free(store);
  ng_world_free(world);
  unlink("newsgraph.db");
  unlink("newsgraph.db.lock");
  CHECK(chdir(cwd) == 0);
  CHECK(rmdir(dir) == 0);
}

int
main(void)
{
  test_empty_sqlite_path();
  return test_report();
}
