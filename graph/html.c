/* SPDX-License-Identifier: MIT */
/* HTML parsing with libxml2's HTML parser into a tree for meta.c and
 * content.c, plus iterative tree walking and text helpers. No policy about
 * what is content. */
#include "html.h"

#include <stdlib.h>
#include <string.h>

/* libxml2 reports through a global generic error handler even with
 * NOERROR on some paths; route it nowhere (the library never prints). */
static void
quiet_error(void *ctx, const char *msg, ...)
{
  (void)ctx;
  (void)msg;
}

/* raptor (through the librdf world) installs a global structured error
 * handler that prints "raptor error - HTML parser error"; HTML parser
 * contexts do not consult their own serror, so the global one is swapped
 * for this no-op while our parse runs (libxml2's globals are per thread). */
static void
quiet_structured(void *ctx, xmlErrorPtr err)
{
  (void)ctx;
  (void)err;
}

ng_status
ng__html_parse(ng_world *world, const char *name, const char *utf8,
               size_t len, const char *url, xmlDocPtr *out)
{
  *out = NULL;
  if (len > 0x7fffffff) {
    return ng__errorf(world, NG_ERR_TOO_LARGE, "%s is too large to parse",
                      name);
  }
  xmlSetGenericErrorFunc(NULL, quiet_error);
  /* The bytes are UTF-8 already (charset.c); IGNORE_ENC keeps a <meta
   * charset> from re-decoding them. No HUGE: libxml2's own limits stay. */
  int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
             HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC;
  xmlStructuredErrorFunc old_serror = xmlStructuredError;
  void *old_serror_ctx = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(NULL, quiet_structured);
  xmlDocPtr doc = htmlReadMemory(len ? utf8 : " ", len ? (int)len : 1, url,
                                 "UTF-8", opts);
  xmlSetStructuredErrorFunc(old_serror_ctx, old_serror);
  if (!doc) {
    return ng__errorf(world, NG_ERR_PARSE, "cannot parse HTML in %s", name);
  }
  *out = doc;
  return NG_OK;
}

xmlNodePtr
ng__html_next(xmlNodePtr root, xmlNodePtr cur, bool skip_children)
{
  if (!cur) {
    return NULL;
  }
  if (!skip_children && cur->children && cur->type != XML_ENTITY_REF_NODE &&
      cur->type != XML_ATTRIBUTE_NODE) {
    return cur->children;
  }
  while (cur && cur != root) {
    if (cur->next) {
      return cur->next;
    }
    cur = cur->parent;
  }
  return NULL;
}

bool
ng__html_is(const xmlNode *n, const char *tag)
{
  return n && n->type == XML_ELEMENT_NODE && n->name &&
         strcmp((const char *)n->name, tag) == 0;
}

const char *
ng__html_attr(const xmlNode *n, const char *name)
{
  if (!n || n->type != XML_ELEMENT_NODE) {
    return NULL;
  }
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    if (a->name && strcmp((const char *)a->name, name) == 0) {
      if (a->children && a->children->type == XML_TEXT_NODE &&
          !a->children->next) {
        return (const char *)a->children->content;
      }
      return a->children ? NULL : "";
    }
  }
  return NULL;
}

/* Length of the whitespace character at @p s (ASCII whitespace, NBSP and
 * the Unicode spaces pages use for layout), or 0. */
static size_t
space_len(const unsigned char *s, size_t left)
{
  if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' ||
      s[0] == '\f' || s[0] == '\v') {
    return 1;
  }
  if (left >= 2 && s[0] == 0xC2 && s[1] == 0xA0) {
    return 2; /* U+00A0 */
  }
  if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
      ((s[2] >= 0x80 && s[2] <= 0x8A) || s[2] == 0xAF)) {
    return 3; /* U+2000-U+200A, U+202F */
  }
  if (left >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) {
    return 3; /* U+3000 */
  }
  return 0;
}

size_t
ng__html_collapse(char *str, size_t len)
{
  unsigned char *s = (unsigned char *)str;
  size_t i = 0, o = 0;
  bool pending = false;
  while (i < len) {
    size_t k = space_len(s + i, len - i);
    if (k > 0) {
      pending = o > 0;
      i += k;
      continue;
    }
    /* Zero-width space and BOM inside text: drop. */
    if (len - i >= 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x8B) {
      i += 3;
      continue;
    }
    if (len - i >= 3 && s[i] == 0xEF && s[i + 1] == 0xBB && s[i + 2] == 0xBF) {
      i += 3;
      continue;
    }
    if (pending) {
      s[o++] = ' ';
      pending = false;
    }
    s[o++] = s[i++];
  }
  if (o < len || len == 0) {
    s[o] = '\0';
  }
  return o;
}

/* True for elements whose text is never document text. */
static bool
is_hidden(const xmlNode *n)
{
  return ng__html_is(n, "script") || ng__html_is(n, "style") ||
         ng__html_is(n, "noscript") || ng__html_is(n, "template");
}

ng_status
ng__html_text(xmlNodePtr root, struct ng_buf *b)
{
  ng_status st;
  for (xmlNodePtr n = root; n; n = ng__html_next(root, n, is_hidden(n))) {
    if (is_hidden(n)) {
      continue;
    }
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
        n->content) {
      const unsigned char *t = n->content;
      size_t tl = strlen((const char *)t);
      size_t i = 0;
      while (i < tl) {
        size_t k = space_len(t + i, tl - i);
        if (k > 0) {
          if (b->len > 0 && b->data[b->len - 1] != ' ') {
            TRY(st, ng__buf_add(b, " ", 1));
          }
          i += k;
          continue;
        }
        size_t j = i;
        while (j < tl && space_len(t + j, tl - j) == 0) {
          j++;
        }
        TRY(st, ng__buf_add(b, t + i, j - i));
        i = j;
      }
    } else if (ng__html_is(n, "br") && b->len > 0 &&
               b->data[b->len - 1] != ' ') {
      TRY(st, ng__buf_add(b, " ", 1));
    }
  }
  return NG_OK;
}

char *
ng__html_text_dup(xmlNodePtr n)
{
  struct ng_buf b;
  ng__buf_init(&b, 0);
  if (ng__html_text(n, &b) != NG_OK) {
    return NULL;
  }
  char *s = ng__buf_take(&b);
  if (s) {
    ng__html_collapse(s, strlen(s));
  }
  return s;
}
