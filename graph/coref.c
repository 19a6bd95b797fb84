/* SPDX-License-Identifier: MIT */
/* Within-document coreference: partial names, acronyms, pronouns, descriptions, demonyms. (stub: owner entities) */
#include "coref.h"

ng_status
ng__coref_run(ng_world *world, struct ng_doc *doc)
{
  return NG_OK;
}
