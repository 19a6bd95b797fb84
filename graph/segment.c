/* SPDX-License-Identifier: MIT */
/* Sentence segmentation and word tokenization over doc->text. The
 * abbreviation list is data (ngl:Abbreviation in ontology/names.ttl). */
#include "segment.h"

#include "gazetteer.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

bool
ng__segment_is_word_cp(uint32_t cp)
{
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 'a' && cp <= 'z');
  }
  if (cp < 0xC0) {
    return cp == 0xAA || cp == 0xB5 || cp == 0xBA; /* ª µ º */
  }
  if (cp == 0xD7 || cp == 0xF7) {
    return false;
  }
  if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
      (cp >= 0xFF01 && cp <= 0xFF20) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
      (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFEFF || cp == 0xFFFD ||
      (cp >= 0xE000 && cp <= 0xF8FF)) {
    return false;
  }
  return true;
}

bool
ng__segment_is_upper_cp(uint32_t cp)
{
  if (cp < 0x80) {
    return cp >= 'A' && cp <= 'Z';
  }
  if (cp >= 0xC0 && cp <= 0xDE) {
    return cp != 0xD7;
  }
  if (cp >= 0x100 && cp <= 0x137) {
    return cp % 2 == 0;
  }
  if (cp >= 0x139 && cp <= 0x148) {
    return cp % 2 == 1;
  }
  if (cp >= 0x14A && cp <= 0x177) {
    return cp % 2 == 0;
  }
  if (cp == 0x178) {
    return true;
  }
  if (cp >= 0x179 && cp <= 0x17E) {
    return cp % 2 == 1;
  }
  return (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

bool
ng__segment_is_lower_cp(uint32_t cp)
{
  if (cp < 0x80) {
    return cp >= 'a' && cp <= 'z';
  }
  if (cp >= 0xDF && cp <= 0xFF) {
    return cp != 0xF7;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    return !ng__segment_is_upper_cp(cp);
  }
  return (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x45F);
}

static bool
is_cjk_cp(uint32_t cp)
{
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

static bool
is_space_cp(uint32_t cp)
{
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         cp == '\v' || cp == 0xA0 || cp == 0x2009 || cp == 0x200A ||
         cp == 0x202F || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x2008);
}

/* Decodes at @p s, mapping invalid bytes to U+FFFD of length 1. */
static size_t
decode(const char *s, size_t len, uint32_t *cp)
{
  if ((unsigned char)s[0] < 0x80) {
    *cp = (unsigned char)s[0];
    return 1;
  }
  size_t n = ng__utf8_decode(s, len, cp);
  if (n == 0) {
    *cp = 0xFFFD;
    n = 1;
  }
  return n;
}

/* Classes of ASCII bytes for ng__segment_tokenize(): the same answers
 * is_space_cp(), ng__segment_is_word_cp() and ng__segment_is_upper_cp()
 * give for them. */
enum { A_SPACE = 1, A_WORD = 2, A_UPPER = 4, A_DIGIT = 8 };

static const unsigned char ascii_class[128] = {
    ['\t'] = A_SPACE, ['\n'] = A_SPACE, ['\v'] = A_SPACE, ['\f'] = A_SPACE,
    ['\r'] = A_SPACE, [' '] = A_SPACE,
    ['0'] = A_WORD | A_DIGIT, ['1'] = A_WORD | A_DIGIT,
    ['2'] = A_WORD | A_DIGIT, ['3'] = A_WORD | A_DIGIT,
    ['4'] = A_WORD | A_DIGIT, ['5'] = A_WORD | A_DIGIT,
    ['6'] = A_WORD | A_DIGIT, ['7'] = A_WORD | A_DIGIT,
    ['8'] = A_WORD | A_DIGIT, ['9'] = A_WORD | A_DIGIT,
    ['A'] = A_WORD | A_UPPER, ['B'] = A_WORD | A_UPPER,
    ['C'] = A_WORD | A_UPPER, ['D'] = A_WORD | A_UPPER,
    ['E'] = A_WORD | A_UPPER, ['F'] = A_WORD | A_UPPER,
    ['G'] = A_WORD | A_UPPER, ['H'] = A_WORD | A_UPPER,
    ['I'] = A_WORD | A_UPPER, ['J'] = A_WORD | A_UPPER,
    ['K'] = A_WORD | A_UPPER, ['L'] = A_WORD | A_UPPER,
    ['M'] = A_WORD | A_UPPER, ['N'] = A_WORD | A_UPPER,
    ['O'] = A_WORD | A_UPPER, ['P'] = A_WORD | A_UPPER,
    ['Q'] = A_WORD | A_UPPER, ['R'] = A_WORD | A_UPPER,
    ['S'] = A_WORD | A_UPPER, ['T'] = A_WORD | A_UPPER,
    ['U'] = A_WORD | A_UPPER, ['V'] = A_WORD | A_UPPER,
    ['W'] = A_WORD | A_UPPER, ['X'] = A_WORD | A_UPPER,
    ['Y'] = A_WORD | A_UPPER, ['Z'] = A_WORD | A_UPPER,
    ['a'] = A_WORD, ['b'] = A_WORD, ['c'] = A_WORD, ['d'] = A_WORD,
    ['e'] = A_WORD, ['f'] = A_WORD, ['g'] = A_WORD, ['h'] = A_WORD,
    ['i'] = A_WORD, ['j'] = A_WORD, ['k'] = A_WORD, ['l'] = A_WORD,
    ['m'] = A_WORD, ['n'] = A_WORD, ['o'] = A_WORD, ['p'] = A_WORD,
    ['q'] = A_WORD, ['r'] = A_WORD, ['s'] = A_WORD, ['t'] = A_WORD,
    ['u'] = A_WORD, ['v'] = A_WORD, ['w'] = A_WORD, ['x'] = A_WORD,
    ['y'] = A_WORD, ['z'] = A_WORD};

ng_status
ng__segment_tokenize(const char *text, size_t begin, size_t end,
                     struct ng_token **out, size_t *n)
{
  struct ng_token *toks = NULL;
  size_t n_toks = 0, cap = 0;
  bool space = true;
  size_t i = begin;
  *out = NULL;
  *n = 0;
  while (i < end) {
    unsigned char c0 = (unsigned char)text[i];
    unsigned cl0 = c0 < 0x80 ? ascii_class[c0] : 0;
    if (cl0 & A_SPACE) {
      space = true;
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = decode(text + i, end - i, &cp);
    if (c0 >= 0x80 && is_space_cp(cp)) {
      space = true;
      i += k;
      continue;
    }
    if (n_toks == cap) {
      size_t ncap = cap ? cap * 2 : 64;
      struct ng_token *p = realloc(toks, ncap * sizeof *p);
      if (!p) {
        free(toks);
        return NG_ERR_NOMEM;
      }
      toks = p;
      cap = ncap;
    }
    struct ng_token *t = &toks[n_toks++];
    t->begin = i;
    t->flags = space ? NG_TOK_SPACE : 0;
    space = false;
    if (c0 < 0x80 ? !(cl0 & A_WORD) : !ng__segment_is_word_cp(cp)) {
      t->end = i + k;
      i += k;
      continue;
    }
    /* A word: letters and digits; CJK runs stay apart from Latin. */
    bool cjk = c0 >= 0x80 && is_cjk_cp(cp);
    size_t n_letters = 0, n_upper = 0;
    t->flags |= NG_TOK_WORD;
    if (c0 < 0x80) {
      t->flags |= (cl0 & A_DIGIT)   ? NG_TOK_DIGIT
                  : (cl0 & A_UPPER) ? NG_TOK_CAP
                                    : NG_TOK_LOWER;
    } else if (cjk) {
      t->flags |= NG_TOK_CJK;
    } else if (cp >= '0' && cp <= '9') {
      t->flags |= NG_TOK_DIGIT;
    } else if (ng__segment_is_upper_cp(cp)) {
      t->flags |= NG_TOK_CAP;
    } else if (ng__segment_is_lower_cp(cp)) {
      t->flags |= NG_TOK_LOWER;
    }
    while (i < end) {
      unsigned char c = (unsigned char)text[i];
      if (c < 0x80) {
        /* ASCII: a word byte unless punctuation or space; never CJK */
        unsigned cl = ascii_class[c];
        if (!(cl & A_WORD) || cjk) {
          break;
        }
        if (!(cl & A_DIGIT)) {
          n_letters++;
          n_upper += (cl & A_UPPER) != 0;
        }
        i++;
        continue;
      }
      k = decode(text + i, end - i, &cp);
      if (!ng__segment_is_word_cp(cp) || is_cjk_cp(cp) != cjk) {
        break;
      }
      if (!(cp >= '0' && cp <= '9')) {
        n_letters++;
        n_upper += ng__segment_is_upper_cp(cp);
      }
      i += k;
    }
    t->end = i;
    if (n_letters >= 2 && n_upper == n_letters) {
      t->flags |= NG_TOK_UPPER;
    }
  }
  *out = toks;
  *n = n_toks;
  return NG_OK;
}

/* True if the word ending with the '.' at @p dot is an abbreviation. */
static bool
is_abbreviation(const ng_world *world, const char *text, size_t para_begin,
                size_t dot)
{
  size_t b = dot;
  while (b > para_begin && text[b - 1] != ' ' && text[b - 1] != '\n' &&
         text[b - 1] != '(' && text[b - 1] != '"') {
    b--;
  }
  size_t wlen = dot + 1 - b;
  /* A single letter ("J.") or a dotted acronym ("U.S.", "e.g."). */
  if (wlen == 2 && ((text[b] >= 'A' && text[b] <= 'Z'))) {
    return true;
  }
  if (wlen >= 4 && text[dot - 2] == '.') {
    return true;
  }
  if (world && world->gaz &&
      ng__gazetteer_find_word(world->gaz, NG_LEX_ABBREVIATION, text + b,
                              wlen)) {
    return true;
  }
  return false;
}

/* True if the abbreviation ending with the '.' at @p dot is a company
 * suffix ("Bhd.", "Inc."; ngl:NameSuffix of ng:Company) and the word at
 * @p next is a function word (ngl:Stopword: "The", "It", "Meanwhile")
 * that begins a sentence: "... signed with Teluk Port Bhd. The deal ...". */
static bool
company_end(const ng_world *world, const char *text, size_t para_begin,
            size_t dot, size_t next, size_t pe)
{
  if (!world || !world->gaz) {
    return false;
  }
  size_t b = dot;
  while (b > para_begin && text[b - 1] != ' ' && text[b - 1] != '\n') {
    b--;
  }
  const struct ng_lex_item *sx = ng__gazetteer_find_word(
      world->gaz, NG_LEX_SUFFIX, text + b, dot + 1 - b);
  if (!sx || sx->type != NG_ETYPE_COMPANY) {
    return false;
  }
  size_t e = next;
  while (e < pe) {
    uint32_t cp;
    size_t k = decode(text + e, pe - e, &cp);
    if (!ng__segment_is_word_cp(cp)) {
      break;
    }
    e += k;
  }
  return e > next && ng__gazetteer_find_word(world->gaz, NG_LEX_STOPWORD,
                                             text + next, e - next);
}

static bool
is_closer(uint32_t cp)
{
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
         cp == 0x2019 || cp == 0x201D || cp == 0xBB;
}

static bool
is_opener(uint32_t cp)
{
  return cp == '"' || cp == '\'' || cp == '(' || cp == '[' ||
         cp == 0x2018 || cp == 0x201C || cp == 0xAB;
}

/* Splits one paragraph [pb, pe) into sentences. */
/* Longest sentence, in bytes: a longer span (a page of words with no
 * sentence end, as hostile or broken pages have) is cut at a space before
 * this many bytes, so that no later stage works on an unbounded sentence.
 * Real news sentences stay far below it (the longest in the benchmark
 * pages here is under 1,000 bytes). */
#define MAX_SENTENCE_BYTES 2000

/* Adds the sentence [begin, end) (bytes), cut into pieces of at most
 * MAX_SENTENCE_BYTES at spaces (or at a UTF-8 boundary when a piece has
 * no space). */
static ng_status
add_bounded(struct ng_doc *doc, size_t begin, size_t end)
{
  ng_status st;
  const char *text = doc->text;
  while (end - begin > MAX_SENTENCE_BYTES) {
    size_t cut = begin + MAX_SENTENCE_BYTES;
    while (cut > begin + MAX_SENTENCE_BYTES / 2 && text[cut] != ' ') {
      cut--;
    }
    if (text[cut] != ' ') {
      cut = begin + MAX_SENTENCE_BYTES;
      while (cut > begin && ((unsigned char)text[cut] & 0xC0) == 0x80) {
        cut--; /* not inside a UTF-8 sequence */
      }
    }
    TRY(st, ng__doc_add_sentence(doc, begin, cut));
    begin = cut;
    while (begin < end && text[begin] == ' ') {
      begin++;
    }
  }
  return end > begin ? ng__doc_add_sentence(doc, begin, end) : NG_OK;
}

static ng_status
split_paragraph(ng_world *world, struct ng_doc *doc, size_t pb, size_t pe)
{
  ng_status st;
  const char *text = doc->text;
  size_t start = pb;
  size_t i = pb;
  while (i < pe) {
    char c = text[i];
    if (c != '.' && c != '!' && c != '?') {
      i++;
      continue;
    }
    size_t j = i + 1;
    while (j < pe && (text[j] == '.' || text[j] == '!' || text[j] == '?')) {
      j++;
    }
    /* closing quotes and brackets belong to the sentence */
    while (j < pe) {
      uint32_t cp;
      size_t k = decode(text + j, pe - j, &cp);
      if (!is_closer(cp)) {
        break;
      }
      j += k;
    }
    size_t end = j;
    if (j >= pe || !(text[j] == ' ' || text[j] == '\n' || text[j] == '\t')) {
      i = j;
      continue;
    }
    while (j < pe && (text[j] == ' ' || text[j] == '\n' || text[j] == '\t')) {
      j++;
    }
    if (j >= pe) {
      break;
    }
    uint32_t next;
    decode(text + j, pe - j, &next);
    bool starts = ng__segment_is_upper_cp(next) || is_opener(next) ||
                  (next >= '0' && next <= '9') ||
                  (ng__segment_is_word_cp(next) &&
                   !ng__segment_is_lower_cp(next) && next >= 0x80);
    if (!starts) {
      i = j;
      continue;
    }
    if (c == '.' && end == i + 1 && is_abbreviation(world, text, pb, i) &&
        !company_end(world, text, pb, i, j, pe)) {
      i = j;
      continue;
    }
    TRY(st, add_bounded(doc, start, end));
    start = j;
    i = j;
  }
  /* trim trailing white space of the last sentence */
  size_t e = pe;
  while (e > start && (text[e - 1] == ' ' || text[e - 1] == '\n' ||
                       text[e - 1] == '\t' || text[e - 1] == '\r')) {
    e--;
  }
  if (e > start) {
    TRY(st, add_bounded(doc, start, e));
  }
  return NG_OK;
}

ng_status
ng__segment_run(ng_world *world, struct ng_doc *doc)
{
  ng_status st;
  if (!doc->text || doc->n_sentences > 0) {
    return NG_OK;
  }
  const char *text = doc->text;
  size_t len = doc->text_len ? doc->text_len : strlen(text);
  size_t i = 0;
  while (i < len) {
    while (i < len && (text[i] == '\n' || text[i] == ' ' || text[i] == '\t' ||
                       text[i] == '\r')) {
      i++;
    }
    if (i >= len) {
      break;
    }
    /* a paragraph ends at a blank line ("\n\n") */
    const char *brk = strstr(text + i, "\n\n");
    size_t pe = brk ? (size_t)(brk - text) : len;
    if (pe > len) {
      pe = len;
    }
    TRY(st, split_paragraph(world, doc, i, pe));
    i = pe;
  }
  return NG_OK;
}
