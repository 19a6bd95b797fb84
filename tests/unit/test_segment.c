/* SPDX-License-Identifier: MIT */
/* Unit tests for segment.c: sentences (paragraphs, abbreviations,
 * initials, quotes, datelines) and tokens (offsets, flags, N08 span
 * punctuation). */
#include "entities.h"

#include <stdlib.h>
#include <string.h>

static struct ng_doc *
segmented(ng_world *world, const char *text)
{
  struct ng_doc *doc = ng__doc_new("t");
  CHECK(doc != NULL);
  if (!doc) {
    return NULL;
  }
  CHECK_OK(ng__doc_set_str(&doc->text, text, strlen(text)));
  doc->text_len = strlen(text);
  CHECK_OK(ng__segment_run(world, doc));
  return doc;
}

static bool
sentence_is(const struct ng_doc *doc, size_t i, const char *want)
{
  if (!doc || i >= doc->n_sentences) {
    return false;
  }
  const struct ng_sentence *s = &doc->sentences[i];
  return s->end - s->begin == strlen(want) &&
         memcmp(doc->text + s->begin, want, s->end - s->begin) == 0;
}

static void
test_sentences(ng_world *world)
{
  struct ng_doc *doc = segmented(world,
      "KUALA LUMPUR, May 15 \xE2\x80\x94 Mr. Lee met Dr. Ong at 3 p.m. in "
      "the U.S. embassy. He left.\n\n\xE2\x80\x9CWe agree,\xE2\x80\x9D she "
      "said. \xE2\x80\x9CIt is done.\xE2\x80\x9D Talks ended. J. K. Tan "
      "spoke. Prices rose 8.2 per cent! Why? Nobody knows");
  CHECK(doc && doc->n_sentences == 9);
  CHECK(sentence_is(doc, 0, "KUALA LUMPUR, May 15 \xE2\x80\x94 Mr. Lee met "
                            "Dr. Ong at 3 p.m. in the U.S. embassy."));
  CHECK(sentence_is(doc, 1, "He left."));
  CHECK(sentence_is(doc, 2, "\xE2\x80\x9CWe agree,\xE2\x80\x9D she said."));
  CHECK(sentence_is(doc, 3, "\xE2\x80\x9CIt is done.\xE2\x80\x9D"));
  CHECK(sentence_is(doc, 4, "Talks ended."));
  CHECK(sentence_is(doc, 5, "J. K. Tan spoke."));
  CHECK(sentence_is(doc, 6, "Prices rose 8.2 per cent!"));
  CHECK(sentence_is(doc, 7, "Why?"));
  CHECK(sentence_is(doc, 8, "Nobody knows"));
  /* code points: the em dash is one code point, three bytes */
  if (doc && doc->n_sentences > 1) {
    CHECK(doc->sentences[1].cp_begin + 2 == doc->sentences[1].begin);
  }
  ng_doc_free(doc);
  doc = segmented(world, "");
  CHECK(doc && doc->n_sentences == 0);
  ng_doc_free(doc);
}

static void
test_tokens(void)
{
  const char *t = "India- met O'Brien's \xE2\x80\x9C" "Asean\xE2\x80\x9D team, "
                  "US$2.48 bn; \xC3\x89mile \xE5\xB1\xB1\xE6\x9C\xAC NATO";
  struct ng_token *tok = NULL;
  size_t n = 0;
  CHECK_OK(ng__segment_tokenize(t, 0, strlen(t), &tok, &n));
  CHECK(n > 10);
  /* N08: the dash is a token of its own, never part of "India" */
  CHECK(tok[0].end - tok[0].begin == 5 && memcmp(t, "India", 5) == 0);
  CHECK(tok[0].flags & NG_TOK_CAP);
  CHECK(!(tok[0].flags & NG_TOK_UPPER));
  CHECK(tok[1].end - tok[1].begin == 1 && t[tok[1].begin] == '-');
  CHECK(!(tok[1].flags & NG_TOK_SPACE));
  CHECK(tok[2].flags & NG_TOK_SPACE);
  CHECK(tok[2].flags & NG_TOK_LOWER);
  size_t last = n - 1;
  CHECK(tok[last].flags & NG_TOK_UPPER);
  bool cjk = false, emile = false;
  for (size_t i = 0; i < n; i++) {
    cjk = cjk || (tok[i].flags & NG_TOK_CJK);
    emile = emile || (tok[i].end - tok[i].begin == 6 &&
                      memcmp(t + tok[i].begin, "\xC3\x89mile", 6) == 0 &&
                      (tok[i].flags & NG_TOK_CAP));
  }
  CHECK(cjk);
  CHECK(emile);
  free(tok);
  CHECK_OK(ng__segment_tokenize(t, 0, 0, &tok, &n));
  CHECK(n == 0 && tok == NULL);
  CHECK(ng__segment_is_upper_cp(0xC9));
  CHECK(ng__segment_is_lower_cp(0xE9));
  CHECK(!ng__segment_is_word_cp(0x2019));
}

/* A company suffix abbreviation ends the sentence when a function word
 * follows; other abbreviations, and a suffix before a name, do not. */
static void
test_company_end(ng_world *world)
{
  struct ng_doc *doc = segmented(world,
      "Sinar signed with Teluk Port Bhd. The deal is big. Acme Holdings Inc. "
      "Chairman Tan spoke. Mr. Lee left.");
  CHECK(doc && doc->n_sentences == 4);
  CHECK(sentence_is(doc, 0, "Sinar signed with Teluk Port Bhd."));
  CHECK(sentence_is(doc, 1, "The deal is big."));
  CHECK(sentence_is(doc, 2, "Acme Holdings Inc. Chairman Tan spoke."));
  CHECK(sentence_is(doc, 3, "Mr. Lee left."));
  ng_doc_free(doc);
}

/* A span of 100,000 words with no sentence end (hostile or broken
 * pages) becomes sentences of at most 2,000 bytes, cut at spaces, so the
 * later stages never see an unbounded sentence. */
static void
test_long_sentence(ng_world *world)
{
  size_t n = 100000;
  char *text = malloc(5 * n + 64);
  CHECK(text != NULL);
  if (!text) {
    return;
  }
  size_t len = 0;
  memcpy(text, "Leaders met. ", 13);
  len = 13;
  for (size_t i = 0; i < n; i++) {
    memcpy(text + len, "word ", 5);
    len += 5;
  }
  text[len] = '\0';
  struct ng_doc *doc = segmented(world, text);
  CHECK(doc && doc->n_sentences > 200);
  bool bounded = doc != NULL, at_space = doc != NULL;
  for (size_t i = 0; doc && i < doc->n_sentences; i++) {
    const struct ng_sentence *s = &doc->sentences[i];
    bounded &= s->end - s->begin <= 2000;
    at_space &= doc->text[s->begin] != ' ' &&
                (s->end == doc->text_len || doc->text[s->end - 1] == ' ' ||
                 doc->text[s->end] == ' ' || doc->text[s->end - 1] == '.');
  }
  CHECK(bounded);
  CHECK(at_space);
  CHECK(doc && strncmp(doc->text, "Leaders met. word", 17) == 0);
  ng_doc_free(doc);
  free(text);
}

int
main(void)
{
  ng_world *world = test_world();
  CHECK(world != NULL);
  if (world) {
    test_sentences(world);
    test_company_end(world);
    test_long_sentence(world);
  }
  test_tokens();
  ng_world_free(world);
  return test_report();
}
