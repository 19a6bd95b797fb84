/* SPDX-License-Identifier: MIT */
/* Main-content extraction ("boilerplate removal") on the libxml2 tree, the
 * plain-text input path, and ng_doc_parse() / ng_doc_write_json().
 *
 * The page is cut into blocks (paragraph-like runs of text between
 * block-level boundaries). Blocks that read like prose score their
 * containers and the containers' ancestors (the Readability idea); the best
 * container, widened to its sibling containers that also hold prose (bodies
 * split around adverts, short leads: FAULT-CASES E05), gives the region.
 * Inside the region, blocks under boilerplate (navigation, banners, share
 * bars, related links, comments, captions) and link lists are dropped, but
 * a prose paragraph that is one link is kept (E02), and a boilerplate tag
 * never outweighs a content class (E01). The story ends at a readers'
 * comments heading or a list of other stories; labels above it, wire
 * bylines, photo credits and rights notices are dropped; a page with no
 * <body> or with several is read whole. All tree walks are iterative. */
#include "content.h"

#include "buf.h"
#include "charset.h"
#include "feed.h"
#include "input.h"
#include "meta.h"
#include "utf8.h"

#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

/* A result shorter than this (bytes) makes the extractor retry with
 * fewer exclusions, keeping the longest result (as Readability does). */
#define MIN_ARTICLE_LEN 500
/* Blocks shorter than this (bytes) do not score their containers. */
#define MIN_SCORED_LEN 25

/* Per-element working data, hung on xmlNode._private. */
struct info {
  double score;       /* content score (valid when scored) */
  bool scored;        /* initialised as a candidate */
  bool self_unlikely; /* this element itself looks like boilerplate */
  bool hidden;        /* this element or an ancestor is never content */
  bool top_anc;       /* ancestor-or-self of the chosen container */
  bool include;       /* a chosen region root */
  bool inc;           /* inside a chosen region root */
  int class_weight;   /* +25 content-like class/id, -25 boilerplate-like */
  size_t text_len;    /* non-space text bytes in the subtree */
  size_t link_len;    /* of which inside <a> */
  xmlNodePtr unl;     /* nearest boilerplate ancestor-or-self, or NULL */
  xmlNodePtr nev;     /* nearest never-text ancestor-or-self, or NULL */
  bool holds_main;    /* a descendant is <h1>, <article>, <main> or the
                         articleBody */
};

/* One paragraph-like run of text. */
struct block {
  size_t off;           /* start in the text buffer */
  size_t len;           /* bytes */
  size_t link_len;      /* bytes inside <a> */
  xmlNodePtr container; /* nearest block-level element */
  int heading;          /* 1-6 for <hN>, else 0 */
  bool in_li;           /* inside a list item */
  bool in_p;            /* container is <p> (or similar prose element) */
};

struct extractor {
  ng_world *world;
  xmlDocPtr html;
  xmlNodePtr body;
  struct info *infos;   /* one per element */
  size_t n_infos;
  struct ng_buf text;   /* concatenated block texts */
  struct block *blocks; /* in document order */
  size_t n_blocks, cap_blocks;
  regex_t re_strong;    /* boilerplate whatever else the class says */
  regex_t re_weak;      /* boilerplate unless a content class is present */
  regex_t re_positive;  /* content-like class or id */
  regex_t re_negative;  /* class weight penalty */
  regex_t re_hidden;    /* off-screen text: tooltips, screen-reader text */
  regex_t re_keep;      /* embedded posts quoted by the article */
  regex_t re_never;     /* never article text, in any pass */
  bool strip_unlikely;  /* pass option: drop boilerplate subtrees */
  bool weight_classes;  /* pass option: use class/id weights */
  const char *headline; /* dropped where repeated as a paragraph */
};

static struct info *
info_of(xmlNodePtr n)
{
  return n ? (struct info *)n->_private : NULL;
}

/* ------------------------------------------------------- tag classes */

static bool
name_in(const xmlNode *n, const char *const *names, size_t count)
{
  if (!n || n->type != XML_ELEMENT_NODE) {
    return false;
  }
  for (size_t i = 0; i < count; i++) {
    if (strcmp((const char *)n->name, names[i]) == 0) {
      return true;
    }
  }
  return false;
}

/* Elements whose text is never article text. */
static bool
is_never_content(const xmlNode *n)
{
  static const char *const tags[] = {
    "script", "style", "noscript", "template", "svg", "math", "iframe",
    "object", "embed", "canvas", "video", "audio", "picture", "img",
    "figure", "figcaption", "button", "select", "option", "textarea",
    "input", "label", "title", "meta", "link", "map", "dialog",
    "amp-ad", "amp-img", "amp-sidebar", "amp-analytics", "amp-social-share",
    "nav", "menu"};
  return name_in(n, tags, ARRAY_LEN(tags));
}

/* Elements that start and end a paragraph. */
static bool
is_block(const xmlNode *n)
{
  static const char *const tags[] = {
    "address", "article", "aside", "blockquote", "body", "center", "dd",
    "details", "div", "dl", "dt", "fieldset", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul", "caption", "legend", "br", "frameset",
    "frame"};
  if (!n || n->type != XML_ELEMENT_NODE) {
    return false;
  }
  if (strchr((const char *)n->name, '-')) {
    return true; /* custom elements are used as containers */
  }
  return name_in(n, tags, ARRAY_LEN(tags));
}

/* Tags that are boilerplate by themselves (unless a content class says
 * otherwise: FAULT-CASES E01). */
static bool
is_boilerplate_tag(const xmlNode *n)
{
  static const char *const tags[] = {"aside", "footer", "header", "form"};
  return name_in(n, tags, ARRAY_LEN(tags));
}

/* "class id" of @p n into @p buf (lower case). */
static void
class_id(const xmlNode *n, char *buf, size_t cap)
{
  const char *cls = ng__html_attr(n, "class");
  const char *id = ng__html_attr(n, "id");
  const char *role = ng__html_attr(n, "role");
  snprintf(buf, cap, "%s %s %s", cls ? cls : "", id ? id : "",
           role ? role : "");
  for (char *p = buf; *p; p++) {
    *p = (char)tolower((unsigned char)*p);
  }
}

static bool
matches(const regex_t *re, const char *s)
{
  return regexec(re, s, 0, NULL, 0) == 0;
}

/* True if @p n is hidden by markup: the hidden attribute, aria-hidden, or
 * an inline display:none / visibility:hidden. */
static bool
is_hidden_markup(const xmlNode *n)
{
  if (ng__html_attr(n, "hidden")) {
    return true;
  }
  const char *aria = ng__html_attr(n, "aria-hidden");
  if (aria && strcmp(aria, "true") == 0) {
    return true;
  }
  const char *style = ng__html_attr(n, "style");
  if (style) {
    char s[256];
    size_t o = 0;
    for (const char *p = style; *p && o + 1 < sizeof s; p++) {
      if (*p != ' ') {
        s[o++] = (char)tolower((unsigned char)*p);
      }
    }
    s[o] = '\0';
    if (strstr(s, "display:none") || strstr(s, "visibility:hidden")) {
      return true;
    }
  }
  return false;
}

static void class_id(const xmlNode *n, char *buf, size_t cap);

/* True if @p n's class/id marks text that is not shown inline: hover
 * cards, tooltips, screen-reader-only labels. */
static bool
has_class_match(struct extractor *x, const xmlNode *n)
{
  char ci[512];
  if (!ng__html_attr(n, "class") && !ng__html_attr(n, "id")) {
    return false;
  }
  class_id(n, ci, sizeof ci);
  return matches(&x->re_hidden, ci);
}

/* ------------------------------------------------------- tree passes */

/* Counts the element nodes under @p root. */
static size_t
count_elements(xmlNodePtr root)
{
  size_t n = 0;
  for (xmlNodePtr p = root; p; p = ng__html_next(root, p, false)) {
    if (p->type == XML_ELEMENT_NODE) {
      n++;
    }
  }
  return n;
}

/* Non-space bytes of @p s. */
static size_t
nonspace_len(const char *s)
{
  size_t n = 0;
  for (; *s; s++) {
    if (!isspace((unsigned char)*s)) {
      n++;
    }
  }
  return n;
}

/* True if @p n marks the article itself: the headline, <article>,
 * <main>, or the schema.org articleBody. */
static bool
is_main_element(const xmlNode *n)
{
  static const char *const tags[] = {"h1", "article", "main"};
  if (name_in(n, tags, ARRAY_LEN(tags))) {
    return true;
  }
  const char *ip = ng__html_attr(n, "itemprop");
  return ip && strstr(ip, "articleBody");
}

/* Pass 1 (post-order, iterative): hidden flags, text and link lengths. */
static void
measure(struct extractor *x, xmlNodePtr root)
{
  xmlNodePtr n = root;
  while (n) {
    struct info *in = info_of(n);
    struct info *pin = info_of(n->parent);
    bool skip = false;
    if (n->type == XML_ELEMENT_NODE && in) {
      in->hidden = (pin && pin->hidden) || is_never_content(n) ||
                   is_hidden_markup(n) || has_class_match(x, n);
      skip = in->hidden;
    } else if ((n->type == XML_TEXT_NODE ||
                n->type == XML_CDATA_SECTION_NODE) &&
               n->content && pin && !pin->hidden) {
      size_t len = nonspace_len((const char *)n->content);
      pin->text_len += len;
      bool in_link = false;
      for (xmlNodePtr a = n->parent; a && a != root; a = a->parent) {
        if (ng__html_is(a, "a")) {
          in_link = true;
          break;
        }
        if (is_block(a)) {
          break;
        }
      }
      if (in_link) {
        pin->link_len += len;
      }
    }
    if (!skip && n->children && n->type == XML_ELEMENT_NODE) {
      n = n->children;
      continue;
    }
    /* leave n and climb, folding lengths into parents */
    while (n) {
      struct info *ni = info_of(n);
      struct info *pi = info_of(n->parent);
      if (n->type == XML_ELEMENT_NODE && ni && pi && n != root &&
          !ni->hidden) {
        pi->text_len += ni->text_len;
        pi->link_len += ni->link_len;
        pi->holds_main = pi->holds_main || ni->holds_main ||
                         is_main_element(n);
      }
      if (n == root) {
        n = NULL;
        break;
      }
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
}

/* Pass 2 (pre-order): boilerplate flags and class weights, inherited
 * down as the nearest boilerplate ancestor. */
static void
classify(struct extractor *x, xmlNodePtr root, size_t total_text)
{
  char ci[512];
  for (xmlNodePtr n = root; n; n = ng__html_next(root, n, false)) {
    if (n->type != XML_ELEMENT_NODE) {
      continue;
    }
    struct info *in = info_of(n);
    struct info *pin = info_of(n->parent);
    class_id(n, ci, sizeof ci);
    bool positive = matches(&x->re_positive, ci);
    bool strong = matches(&x->re_strong, ci);
    bool weak = matches(&x->re_weak, ci);
    in->class_weight = 0;
    if (positive) {
      in->class_weight += 25;
    }
    if (matches(&x->re_negative, ci) || strong) {
      in->class_weight -= 25;
    }
    const char *ip = ng__html_attr(n, "itemprop");
    bool body_prop = ip && strstr(ip, "articleBody");
    /* A wrapper holding most of the page is never boilerplate, whatever
     * its class says (body classes like "has-comments"). */
    bool wrapper = in->text_len * 2 > total_text;
    bool unlikely = false;
    bool keep = matches(&x->re_keep, ci);
    if (!body_prop && !wrapper && !keep && n != x->body) {
      unlikely = strong || (weak && !positive) ||
                 (is_boilerplate_tag(n) && !positive);
    }
    in->self_unlikely = unlikely;
    in->unl = unlikely ? n : (pin ? pin->unl : NULL);
    /* A banner or a comment section is a box inside the page, however
     * much of a thin page's text it holds; an element around the
     * headline or the article, or around several blocks that hold most
     * of the text, is a wrapper whatever its class says. */
    bool never = !body_prop && !keep && n != x->body && n != root &&
                 !in->holds_main && matches(&x->re_never, ci);
    if (never && wrapper) {
      size_t filled = 0;
      for (xmlNodePtr c = n->children; c; c = c->next) {
        filled += c->type == XML_ELEMENT_NODE && info_of(c) &&
                  info_of(c)->text_len > 0;
      }
      never = filled < 2;
    }
    in->nev = never ? n : (pin ? pin->nev : NULL);
    if (body_prop) {
      in->class_weight += 50;
    }
  }
}

/* ------------------------------------------------------ segmentation */

struct seg {
  struct extractor *x;
  size_t start;         /* start of the open block in x->text */
  size_t link_len;      /* link bytes in the open block */
  xmlNodePtr container; /* block element holding the open block */
};

static ng_status
flush_block(struct seg *s)
{
  struct extractor *x = s->x;
  ng_status st;
  size_t len = x->text.len - s->start;
  if (len == 0) {
    return NG_OK;
  }
  /* trim the trailing space */
  while (len > 0 && x->text.data[s->start + len - 1] == ' ') {
    len--;
    x->text.len--;
  }
  if (len == 0) {
    return NG_OK;
  }
  if (x->n_blocks == x->cap_blocks) {
    size_t ncap = x->cap_blocks ? x->cap_blocks * 2 : 64;
    struct block *p = realloc(x->blocks, ncap * sizeof *p);
    if (!p) {
      return NG_ERR_NOMEM;
    }
    x->blocks = p;
    x->cap_blocks = ncap;
  }
  struct block *b = &x->blocks[x->n_blocks++];
  memset(b, 0, sizeof *b);
  b->off = s->start;
  b->len = len;
  b->link_len = s->link_len < len ? s->link_len : len;
  b->container = s->container;
  xmlNodePtr c = s->container;
  if (c && c->name && c->name[0] == 'h' && c->name[1] >= '1' &&
      c->name[1] <= '6' && c->name[2] == '\0') {
    b->heading = c->name[1] - '0';
  }
  b->in_p = ng__html_is(c, "p") || ng__html_is(c, "blockquote") ||
            ng__html_is(c, "pre") || ng__html_is(c, "dd");
  for (xmlNodePtr a = c; a && a != x->body; a = a->parent) {
    if (ng__html_is(a, "li")) {
      b->in_li = true;
      break;
    }
    if (ng__html_is(a, "p") || ng__html_is(a, "article") ||
        ng__html_is(a, "main")) {
      break;
    }
  }
  /* blocks are separated by a NUL so each is a C string */
  TRY(st, ng__buf_add(&x->text, "", 1));
  s->start = x->text.len;
  s->link_len = 0;
  return NG_OK;
}

/* Appends text-node content, collapsing whitespace. */
static ng_status
add_text(struct seg *s, const char *t, bool in_link)
{
  struct extractor *x = s->x;
  ng_status st;
  size_t before = x->text.len;
  while (*t) {
    if (isspace((unsigned char)*t) ||
        ((unsigned char)t[0] == 0xC2 && (unsigned char)t[1] == 0xA0)) {
      if (x->text.len > s->start && x->text.data[x->text.len - 1] != ' ') {
        TRY(st, ng__buf_add(&x->text, " ", 1));
      }
      t += ((unsigned char)*t == 0xC2) ? 2 : 1;
      continue;
    }
    const char *e = t;
    while (*e && !isspace((unsigned char)*e) &&
           !((unsigned char)e[0] == 0xC2 && (unsigned char)e[1] == 0xA0)) {
      e++;
    }
    TRY(st, ng__buf_add(&x->text, t, (size_t)(e - t)));
    t = e;
  }
  if (in_link) {
    s->link_len += x->text.len - before;
  }
  return NG_OK;
}

/* Cuts the subtree of @p root into blocks (iterative; enter/leave). */
static ng_status
segment(struct extractor *x, xmlNodePtr root)
{
  struct seg s = {x, x->text.len, 0, root};
  ng_status st;
  int link_depth = 0;
  xmlNodePtr n = root;
  while (n) {
    struct info *in = info_of(n);
    bool descend = false;
    if (n->type == XML_ELEMENT_NODE && in && !in->hidden) {
      if (is_block(n)) {
        TRY(st, flush_block(&s));
        s.container = n;
        if (!n->children) {
          /* a line break ends a line, but the lines after it still
           * belong to the enclosing block (<br>-separated bodies) */
          xmlNodePtr p = n->parent;
          while (p && p != root->parent && !is_block(p)) {
            p = p->parent;
          }
          s.container = p ? p : root;
        }
      }
      if (ng__html_is(n, "a")) {
        link_depth++;
      }
      descend = n->children != NULL;
      if (!descend && ng__html_is(n, "a")) {
        link_depth--;
      }
    } else if ((n->type == XML_TEXT_NODE ||
                n->type == XML_CDATA_SECTION_NODE) && n->content) {
      TRY(st, add_text(&s, (const char *)n->content, link_depth > 0));
    }
    if (descend) {
      n = n->children;
      continue;
    }
    while (n) {
      if (n->type == XML_ELEMENT_NODE && info_of(n) && !info_of(n)->hidden &&
          n->children) {
        if (ng__html_is(n, "a")) {
          link_depth--;
        }
        if (is_block(n)) {
          TRY(st, flush_block(&s));
          /* text after this element belongs to the enclosing block */
          xmlNodePtr p = n->parent;
          while (p && p != root->parent && !is_block(p)) {
            p = p->parent;
          }
          s.container = p ? p : root;
        }
      }
      if (n == root) {
        n = NULL;
        break;
      }
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
  return flush_block(&s);
}

/* ----------------------------------------------------------- scoring */

static void
init_candidate(struct extractor *x, xmlNodePtr n)
{
  struct info *in = info_of(n);
  if (in->scored) {
    return;
  }
  static const char *const plus5[] = {"div", "article", "main", "section"};
  static const char *const plus3[] = {"pre", "td", "blockquote"};
  static const char *const minus3[] = {"address", "ol", "ul", "dl", "dd",
                                       "dt", "li", "form"};
  static const char *const minus5[] = {"h1", "h2", "h3", "h4", "h5", "h6",
                                       "th"};
  double s = 0;
  if (name_in(n, plus5, ARRAY_LEN(plus5))) {
    s = 5;
  } else if (name_in(n, plus3, ARRAY_LEN(plus3))) {
    s = 3;
  } else if (name_in(n, minus3, ARRAY_LEN(minus3))) {
    s = -3;
  } else if (name_in(n, minus5, ARRAY_LEN(minus5))) {
    s = -5;
  }
  if (x->weight_classes) {
    s += in->class_weight;
  }
  in->score = s;
  in->scored = true;
}

/* Commas (ASCII and CJK) in @p s. */
static size_t
count_commas(const char *s, size_t len)
{
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == ',') {
      n++;
    } else if (i + 2 < len && (unsigned char)s[i] == 0xEF &&
               (unsigned char)s[i + 1] == 0xBC &&
               (unsigned char)s[i + 2] == 0x8C) {
      n++; /* U+FF0C */
    } else if (i + 2 < len && (unsigned char)s[i] == 0xE3 &&
               (unsigned char)s[i + 1] == 0x80 &&
               (unsigned char)s[i + 2] == 0x81) {
      n++; /* U+3001 */
    }
  }
  return n;
}

/* True if the block sits under boilerplate that the chosen region does not
 * itself sit under. */
static bool
block_unlikely(const struct block *b)
{
  struct info *ci = info_of(b->container);
  if (!ci || !ci->unl) {
    return false;
  }
  return !info_of(ci->unl)->top_anc;
}

static double
link_density(const struct info *in)
{
  return in->text_len ? (double)in->link_len / (double)in->text_len : 0.0;
}

/* Scores containers; returns the best one (or NULL). */
static xmlNodePtr
score(struct extractor *x)
{
  for (size_t i = 0; i < x->n_blocks; i++) {
    struct block *b = &x->blocks[i];
    struct info *ci = info_of(b->container);
    if (b->len < MIN_SCORED_LEN || !ci || ci->hidden || ci->nev) {
      continue;
    }
    if (x->strip_unlikely && ci->unl) {
      continue;
    }
    if (b->heading) {
      continue;
    }
    const char *t = x->text.data + b->off;
    double bs = 1.0 + (double)count_commas(t, b->len);
    bs += (double)(b->len / 100 > 3 ? 3 : b->len / 100);
    /* a link list item is not prose */
    if (b->link_len * 2 > b->len) {
      continue;
    }
    xmlNodePtr a = b->container;
    for (int level = 0; a && a->type == XML_ELEMENT_NODE && level < 5;
         level++, a = a->parent) {
      if (!info_of(a)) {
        break;
      }
      init_candidate(x, a);
      double div = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      info_of(a)->score += bs / div;
      if (a == x->body) {
        break;
      }
    }
  }
  xmlNodePtr top = NULL;
  double best = 0;
  for (xmlNodePtr n = x->body; n; n = ng__html_next(x->body, n, false)) {
    struct info *in = info_of(n);
    if (n->type != XML_ELEMENT_NODE || !in || !in->scored) {
      continue;
    }
    in->score *= 1.0 - link_density(in);
    if (!top || in->score > best) {
      top = n;
      best = in->score;
    }
  }
  return top;
}

static bool
contains(xmlNodePtr anc, xmlNodePtr n)
{
  for (; n; n = n->parent) {
    if (n == anc) {
      return true;
    }
  }
  return false;
}

/* Readability's refinements of the top candidate: a common ancestor of
 * several strong candidates, then a parent that scores higher. */
static xmlNodePtr
refine_top(struct extractor *x, xmlNodePtr top)
{
  double top_score = info_of(top)->score;
  /* the five best other candidates */
  xmlNodePtr alt[5] = {NULL};
  for (xmlNodePtr n = x->body; n; n = ng__html_next(x->body, n, false)) {
    struct info *in = info_of(n);
    if (n == top || n->type != XML_ELEMENT_NODE || !in || !in->scored) {
      continue;
    }
    for (int k = 0; k < 5; k++) {
      if (!alt[k] || in->score > info_of(alt[k])->score) {
        for (int j = 4; j > k; j--) {
          alt[j] = alt[j - 1];
        }
        alt[k] = n;
        break;
      }
    }
  }
  xmlNodePtr strong[5];
  int n_strong = 0;
  for (int k = 0; k < 5; k++) {
    if (alt[k] && info_of(alt[k])->score >= 0.75 * top_score &&
        !contains(alt[k], top) && !contains(top, alt[k])) {
      strong[n_strong++] = alt[k];
    }
  }
  if (n_strong >= 2) {
    for (xmlNodePtr p = top->parent; p && p != x->body->parent;
         p = p->parent) {
      int inside = 0;
      for (int k = 0; k < n_strong; k++) {
        inside += contains(p, strong[k]);
      }
      if (inside >= 2) {
        top = p;
        break;
      }
      if (p == x->body) {
        break;
      }
    }
  }
  init_candidate(x, top);
  double last = info_of(top)->score;
  double threshold = last / 3;
  for (xmlNodePtr p = top->parent; p && p != x->body && info_of(p);
       p = p->parent) {
    struct info *pi = info_of(p);
    if (!pi->scored) {
      continue;
    }
    if (pi->score < threshold) {
      break;
    }
    if (pi->score > last) {
      top = p;
      break;
    }
    last = pi->score;
  }
  /* a lone child says nothing its parent does not */
  while (top->parent && top->parent != x->body && info_of(top->parent)) {
    size_t n_el = 0;
    for (xmlNodePtr c = top->parent->children; c; c = c->next) {
      if (c->type == XML_ELEMENT_NODE) {
        n_el++;
      } else if (c->type == XML_TEXT_NODE && c->content &&
                 nonspace_len((const char *)c->content) > 0) {
        n_el += 2;
      }
    }
    if (n_el != 1) {
      break;
    }
    top = top->parent;
  }
  return top;
}

/* Prose bytes under @p n: blocks that are not link lists and not under
 * boilerplate below @p n. Uses the block array (document order). */
static size_t
prose_len(struct extractor *x, xmlNodePtr n, size_t *n_sentences)
{
  size_t total = 0;
  *n_sentences = 0;
  for (size_t i = 0; i < x->n_blocks; i++) {
    struct block *b = &x->blocks[i];
    if (!contains(n, b->container)) {
      continue;
    }
    struct info *ci = info_of(b->container);
    if (ci->unl && contains(n, ci->unl)) {
      continue;
    }
    if (b->link_len * 2 > b->len || b->heading) {
      continue;
    }
    const char *t = x->text.data + b->off;
    char last = t[b->len - 1];
    if (last == '.' || last == '!' || last == '?' || last == '"' ||
        (b->len >= 3 && (unsigned char)t[b->len - 3] == 0xE2)) {
      (*n_sentences)++;
    }
    total += b->len;
  }
  return total;
}

/* Marks the region: @p top plus siblings that hold prose (FAULT-CASES
 * E05: split bodies and short leads). */
static void
choose_region(struct extractor *x, xmlNodePtr top)
{
  struct info *ti = info_of(top);
  for (xmlNodePtr a = top; a; a = a->parent) {
    if (info_of(a)) {
      info_of(a)->top_anc = true;
    }
  }
  ti->include = true;
  xmlNodePtr parent = top->parent;
  if (!parent || top == x->body) {
    return;
  }
  double threshold = ti->score * 0.2 > 10 ? ti->score * 0.2 : 10;
  const char *top_class = ng__html_attr(top, "class");
  for (xmlNodePtr s = parent->children; s; s = s->next) {
    struct info *si = info_of(s);
    if (s == top || s->type != XML_ELEMENT_NODE || !si || si->hidden) {
      continue;
    }
    if (x->strip_unlikely && si->self_unlikely) {
      continue;
    }
    double bonus = 0;
    const char *cls = ng__html_attr(s, "class");
    if (top_class && cls && *cls && strcmp(top_class, cls) == 0) {
      bonus = ti->score * 0.2;
    }
    if (si->scored && si->score + bonus >= threshold) {
      si->include = true;
      continue;
    }
    size_t n_sent = 0;
    size_t prose = prose_len(x, s, &n_sent);
    double ld = link_density(si);
    if ((prose >= 80 && ld < 0.25 && n_sent > 0) ||
        (prose > 0 && n_sent > 0 && ld == 0 &&
         prose * 10 >= si->text_len * 8)) {
      si->include = true;
    }
  }
}

/* ------------------------------------------------------------ output */

/* True if @p a and @p b have the same letters and digits, ignoring case,
 * spaces and punctuation (a headline repeated in the body). */
static bool
same_text(const char *a, const char *b)
{
  for (;;) {
    while (*a && !isalnum((unsigned char)*a) && (unsigned char)*a < 0x80) {
      a++;
    }
    while (*b && !isalnum((unsigned char)*b) && (unsigned char)*b < 0x80) {
      b++;
    }
    if (!*a || !*b) {
      return !*a && !*b;
    }
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) {
      return false;
    }
    a++;
    b++;
  }
}

/* True if the block ends with a photo credit "(NAME / AGENCY)",
 * "(AGENCY/NAME)": the caption of a picture, not a sentence of the story
 * (failure class 4 of the L3S-GN1 check; news style puts the credit in
 * parentheses with a slash between photographer and agency). */
static bool
is_photo_credit(const char *t, size_t len)
{
  size_t open = len;
  while (open > 0 && t[open - 1] != '(') {
    open--;
  }
  if (open == 0 || len - open > 60 || len - open < 4) {
    return false;
  }
  const char *c = t + open; /* after "(" */
  size_t cl = len - open - 1;
  const char *slash = memchr(c, '/', cl);
  if (!slash || !isupper((unsigned char)c[0]) || memchr(c, '.', cl)) {
    return false;
  }
  const char *after = slash + 1;
  while (after < c + cl && *after == ' ') {
    after++;
  }
  return after < c + cl && isupper((unsigned char)*after) &&
         !memchr(c, ',', cl);
}

/* True if the block is a copyright or wire-service notice: "(c) 2008
 * The Associated Press. All rights reserved. This material may not be
 * published..." (failure class 2). */
static bool
is_rights_line(const char *t, size_t len)
{
  static const char needle[] = "all rights reserved";
  size_t nl = sizeof needle - 1;
  for (size_t k = 0; k + nl <= len; k++) {
    if (strncasecmp(t + k, needle, nl) == 0) {
      return true;
    }
  }
  return len > 1 && t[0] == '(' &&
         (strncasecmp(t + 1, "copyright", 9) == 0 ||
          strncmp(t + 1, "\xc2\xa9", 2) == 0);
}

/* Lines that are page furniture even inside the article region. */
static bool
is_furniture(const char *t, size_t len)
{
  static const char *const starts[] = {
    "read more", "read also", "also read", "see also", "related:",
    "related stories", "related articles", "related coverage",
    "more from", "advertisement", "sponsored", "share this", "share on",
    "sign up", "subscribe", "click here", "follow us", "follow @",
    "copyright", "\xc2\xa9", "all rights reserved", "recommended",
    "you may also like", "most read", "most popular", "trending",
    "print this", "email this", "image:", "photo:", "picture:",
    "getty images", "loading", "watch:", "listen to this", "don't miss",
    "this slideshow requires", "tell us what you think", "have a tip?",
    "get the latest updates", "sign up for", "font size", "font:",
    "text size", "send this article", "email this article"};
  static const char *const whole[] = {"advert", "advertisement", "ad",
                                      "sponsored content", "continue reading",
                                      "story continues below"};
  /* photo captions end with their credit: "(Image: GETTY)" */
  static const char *const credit_tails[] = {"(image:", "(photo:",
                                             "(picture:", "(credit:",
                                             "(photograph:", "(pic:"};
  static const char *const ui_words[] = {
    "print", "email", "e-mail", "share", "tweet", "facebook", "whatsapp",
    "comment", "comments", "subscribe", "newsletter", "log in", "sign in",
    "cookie", "cookies", "advertisement", "bookmark"};
  for (size_t i = 0; i < ARRAY_LEN(whole); i++) {
    size_t wl = strlen(whole[i]);
    if (len == wl && strncasecmp(t, whole[i], wl) == 0) {
      return true;
    }
  }
  if (len > 2 && t[len - 1] == ')' && len < 400) {
    const char *open = NULL;
    for (size_t k = len - 1; k > 0; k--) {
      if (t[k] == '(') {
        open = t + k;
        break;
      }
    }
    for (size_t i = 0; open && i < ARRAY_LEN(credit_tails); i++) {
      size_t cl = strlen(credit_tails[i]);
      if ((size_t)(t + len - open) > cl &&
          strncasecmp(open, credit_tails[i], cl) == 0) {
        return true;
      }
    }
  }
  if (len > 2 && t[len - 1] == ')' && len < 400 && is_photo_credit(t, len)) {
    return true;
  }
  if (len < 400 && is_rights_line(t, len)) {
    return true;
  }
  for (size_t i = 0; i < ARRAY_LEN(starts); i++) {
    size_t sl = strlen(starts[i]);
    if (len >= sl && strncasecmp(t, starts[i], sl) == 0 &&
        (len < 140 || i < 5)) {
      return true;
    }
  }
  char last = t[len - 1];
  bool sentence = last == '.' || last == '!' || last == '?' || last == '"';
  if (len < 80 && !sentence) {
    size_t hits = 0;
    for (size_t i = 0; i < ARRAY_LEN(ui_words); i++) {
      size_t wl = strlen(ui_words[i]);
      for (size_t k = 0; k + wl <= len; k++) {
        if (strncasecmp(t + k, ui_words[i], wl) == 0 &&
            (k == 0 || !isalpha((unsigned char)t[k - 1])) &&
            (k + wl == len || !isalpha((unsigned char)t[k + wl]))) {
          hits++;
          break;
        }
      }
    }
    size_t words = 1;
    for (size_t k = 0; k < len; k++) {
      words += t[k] == ' ';
    }
    if (hits >= 2 || (hits == 1 && words <= 4)) {
      return true;
    }
  }
  return false;
}

/* True if the block opens the readers' comment section: a "Comments"
 * heading or count, a comment form or its notice, or a reader's
 * "Posted by NAME on DATE" signature. The story has ended there
 * (failure class 1 of the L3S-GN1 check: reader comments kept after the
 * body in the same container). */
static bool
is_comments_start(const char *t, size_t len)
{
  static const char *const whole[] = {
    "comments", "comment", "reader comments", "readers' comments",
    "readers comments", "user comments", "your comments", "post a comment",
    "add a comment", "leave a comment", "add your comment", "have your say",
    "discuss this article", "talkback", "reader feedback", "responses",
    "reader responses", "what do you think?"};
  static const char *const starts[] = {
    "comments are now closed", "comments are closed",
    "there are no comments", "there are currently no comments",
    "the following are comments", "post a comment", "add your comment",
    "leave a comment", "to post a comment", "be the first to comment",
    "do you have comments", "have your say", "log in to comment",
    "login to comment", "sign in to comment", "you must be logged in",
    "comment posters", "comment entries", "read all comments",
    "view all comments", "show comments", "readers' comments",
    "reader comments", "user comments", "comments:", "comments (",
    "must be registered to", "must be logged in", "you must be registered"};
  if (len == 0 || len >= 160) {
    return false;
  }
  /* "Comments (12)", "Comments:", "12 comments", "3 responses" */
  size_t e = len;
  while (e > 0 && (isdigit((unsigned char)t[e - 1]) || t[e - 1] == ')' ||
                   t[e - 1] == '(' || t[e - 1] == ':' || t[e - 1] == ' ')) {
    e--;
  }
  size_t b = 0;
  while (b < e && (isdigit((unsigned char)t[b]) || t[b] == ' ')) {
    b++;
  }
  for (size_t i = 0; i < ARRAY_LEN(whole); i++) {
    size_t wl = strlen(whole[i]);
    if (e - b == wl && strncasecmp(t + b, whole[i], wl) == 0) {
      return true;
    }
  }
  for (size_t i = 0; i < ARRAY_LEN(starts); i++) {
    size_t sl = strlen(starts[i]);
    if (len >= sl && strncasecmp(t, starts[i], sl) == 0) {
      return true;
    }
  }
  return len > 13 && strncasecmp(t, "posted by ", 10) == 0 &&
         strpbrk(t, "0123456789") != NULL;
}

/* True if the block heads a list of other stories or a box set after the
 * story: "Other news", "Also in Business", "Top stories", "Tips". The
 * story has ended there (failure class 2 of the L3S-GN1 check).
 * "Related" and "Latest news" boxes are not in the list: they also sit
 * in the middle of a story or above it. */
static bool
is_teaser_heading(const char *t, size_t len)
{
  static const char *const whole[] = {
    "other news", "in other news", "other stories", "more stories",
    "top stories", "more headlines", "tips", "also on this site"};
  size_t e = len;
  while (e > 0 && (t[e - 1] == ':' || t[e - 1] == ' ')) {
    e--;
  }
  for (size_t i = 0; i < ARRAY_LEN(whole); i++) {
    size_t wl = strlen(whole[i]);
    if (e == wl && strncasecmp(t, whole[i], wl) == 0) {
      return true;
    }
  }
  /* "Also in National", "Also in Travel:" */
  return e > 8 && e < 40 && strncasecmp(t, "also in ", 8) == 0 &&
         isupper((unsigned char)t[8]) && !memchr(t, '.', e);
}

/* Digits at @p t (at most @p max of them, up to @p end); 0 if none. */
static size_t
digit_run(const char *t, const char *end, size_t max)
{
  size_t n = 0;
  while (t + n < end && n <= max && isdigit((unsigned char)t[n])) {
    n++;
  }
  return n > max ? 0 : n;
}

/* True if [t, end) is one numeric date ("2/5/2019", "15.04.2019",
 * "2019-04-15") or clock time ("08:30", "12:10PM", "9:05 a.m." split
 * off by the caller). */
static bool
is_stamp_token(const char *t, const char *end)
{
  size_t a = digit_run(t, end, 4);
  if (a == 0 || t + a >= end) {
    return false;
  }
  char sep = t[a];
  const char *p = t + a + 1;
  size_t b = digit_run(p, end, 2);
  if (b == 0) {
    return false;
  }
  p += b;
  if (sep == ':') {
    if (a > 2 || b != 2) {
      return false;
    }
    if (p < end && *p == ':') { /* seconds */
      size_t c = digit_run(p + 1, end, 2);
      if (c != 2) {
        return false;
      }
      p += 3;
    }
    if (p < end && (*p == 'a' || *p == 'A' || *p == 'p' || *p == 'P') &&
        p + 1 < end && (p[1] == 'm' || p[1] == 'M')) {
      p += 2;
    }
    return p == end;
  }
  if (sep != '/' && sep != '.' && sep != '-') {
    return false;
  }
  if (p >= end || *p != sep) {
    return false;
  }
  size_t c = digit_run(p + 1, end, 4);
  return c >= 2 && p + 1 + c == end && (a == 4 || c == 4 || c == 2) &&
         (a <= 2 || a == 4);
}

/* True if the @p n bytes at @p p may follow a numeric stamp: a dash or
 * bar that separated it from the byline, or a time-zone abbreviation
 * ("2008-01-15 20:04:13 -", "16:59 ET"). */
static bool
is_stamp_suffix(const char *p, size_t n)
{
  static const char *const tokens[] = {"-", "--", "|", "et", "est", "edt",
                                       "pt", "pst", "pdt", "gmt", "utc",
                                       "bst", "cet", "cest", "ist"};
  for (size_t i = 0; i < ARRAY_LEN(tokens); i++) {
    if (n == strlen(tokens[i]) && strncasecmp(p, tokens[i], n) == 0) {
      return true;
    }
  }
  return false;
}

/* True if @p t is only numeric dates and clock times ("2/5/2019",
 * "12:10 PM", "15.04.2019, 08:30"): a timestamp line whose day order
 * the metadata step resolves, never a sentence of the story. */
static bool
is_numeric_stamp(const char *t, size_t len)
{
  const char *end = t + len;
  size_t stamps = 0;
  for (const char *p = t; p < end;) {
    while (p < end && (*p == ' ' || *p == ',')) {
      p++;
    }
    const char *q = p;
    while (q < end && *q != ' ' && *q != ',') {
      q++;
    }
    if (q == p) {
      break;
    }
    size_t n = (size_t)(q - p);
    if (is_stamp_token(p, q)) {
      stamps++;
    } else if (!(stamps > 0 &&
                 (is_stamp_suffix(p, n) ||
                  (n == 2 && strncasecmp(p, "am", 2) == 0) ||
                  (n == 2 && strncasecmp(p, "pm", 2) == 0) ||
                  (n == 4 && strncasecmp(p, "a.m.", 4) == 0) ||
                  (n == 4 && strncasecmp(p, "p.m.", 4) == 0)))) {
      return false;
    }
    p = q;
  }
  return stamps > 0;
}

/* True if one of the bytes in @p set occurs in [t, t + len). */
static bool
strpbrk_n(const char *t, size_t len, const char *set)
{
  for (size_t k = 0; k < len; k++) {
    if (t[k] && strchr(set, t[k])) {
      return true;
    }
  }
  return false;
}

/* True if the block is a wire byline: "By NAME, Associated Press Writer
 * 42 minutes ago", "By NAME -- Publication, 1/21/2008": it starts with
 * "By", does not end a sentence, and names a role, a time or a date. */
static bool
is_wire_byline(const char *t, size_t len)
{
  static const char *const roles[] = {"writer", "correspondent",
                                      "reporter", "editor", "staff",
                                      " ago", "press", "news service"};
  if (len < 4 || len >= 130 || strncmp(t, "By ", 3) != 0 ||
      !isupper((unsigned char)t[3]) || t[len - 1] == '.') {
    return false;
  }
  if (strpbrk_n(t, len, "0123456789")) {
    return true;
  }
  for (size_t i = 0; i < ARRAY_LEN(roles); i++) {
    size_t rl = strlen(roles[i]);
    for (size_t k = 0; k + rl <= len; k++) {
      if (strncasecmp(t + k, roles[i], rl) == 0) {
        return true;
      }
    }
  }
  return false;
}

/* True if the block is only a date/time stamp or a byline. */
static bool
is_stamp(const char *t, size_t len)
{
  char d[32];
  if (is_wire_byline(t, len)) {
    return true;
  }
  if (len < 40 && is_numeric_stamp(t, len)) {
    return true;
  }
  if (len < 60) {
    char tmp[64];
    memcpy(tmp, t, len);
    tmp[len] = '\0';
    size_t words = 1;
    for (size_t k = 0; k < len; k++) {
      words += t[k] == ' ';
    }
    if (words <= 9 && ng__meta_norm_date(tmp, d)) {
      return true;
    }
    if (words <= 7 && len > 3 && strncasecmp(t, "by ", 3) == 0 &&
        t[len - 1] != '.') {
      return true;
    }
    bool digit = strpbrk(tmp, "0123456789") != NULL;
    if ((words <= 6 || digit) && (strncasecmp(t, "updated", 7) == 0 ||
                                  strncasecmp(t, "published", 9) == 0 ||
                                  strncasecmp(t, "posted", 6) == 0 ||
                                  strncasecmp(t, "last updated", 12) == 0)) {
      return true;
    }
  }
  return false;
}

/* True if the block ends like a sentence: . ! ? or a closing quote. */
static bool
ends_sentence(const char *t, size_t len)
{
  char last = t[len - 1];
  return last == '.' || last == '!' || last == '?' || last == '"' ||
         last == '\'' ||
         (len >= 3 && (unsigned char)t[len - 3] == 0xE2 &&
          (unsigned char)t[len - 2] == 0x80 &&
          ((unsigned char)t[len - 1] == 0x9D ||
           (unsigned char)t[len - 1] == 0x99));
}

/* True if a fully linked block still reads as a sentence of the body
 * (FAULT-CASES E02). */
static bool
is_linked_prose(const struct block *b, const char *t)
{
  size_t words = 1;
  for (size_t k = 0; k < b->len; k++) {
    words += t[k] == ' ';
  }
  char last = t[b->len - 1];
  bool sentence = last == '.' || last == '!' || last == '?' || last == '"' ||
                  (b->len >= 3 && (unsigned char)t[b->len - 3] == 0xE2 &&
                   (unsigned char)t[b->len - 2] == 0x80 &&
                   (unsigned char)t[b->len - 1] == 0x9D);
  return b->in_p && !b->in_li && words >= 6 && sentence;
}

/* Writes the region's kept blocks into @p out. */
static ng_status
assemble(struct extractor *x, xmlNodePtr top, struct ng_buf *out)
{
  ng_status st;
  xmlNodePtr root = top->parent && top != x->body ? top->parent : top;
  /* propagate "inside the region" down from the chosen roots */
  for (xmlNodePtr n = root; n; n = ng__html_next(root, n, false)) {
    struct info *in = info_of(n);
    if (!in) {
      continue;
    }
    struct info *pin = n == root ? NULL : info_of(n->parent);
    in->inc = in->include || (pin && pin->inc);
  }
  for (size_t i = 0; i < x->n_blocks; i++) {
    struct block *b = &x->blocks[i];
    struct info *ci = info_of(b->container);
    if (!ci || !ci->inc || ci->hidden) {
      continue;
    }
    const char *t = x->text.data + b->off;
    if (b->link_len * 2 <= b->len && (is_comments_start(t, b->len) ||
                                      is_teaser_heading(t, b->len))) {
      if (out->len >= 200) {
        break; /* readers' comments or other stories follow the story */
      }
      continue;
    }
    if (x->strip_unlikely && block_unlikely(b)) {
      continue;
    }
    if (ci->nev && !info_of(ci->nev)->top_anc) {
      continue; /* a relaxed pass never brings back a banner or comments */
    }
    if (b->heading == 1) {
      continue;
    }
    if (x->headline && same_text(t, x->headline)) {
      continue;
    }
    if (b->link_len * 2 > b->len && !is_linked_prose(b, t)) {
      continue;
    }
    if (is_furniture(t, b->len) || is_stamp(t, b->len)) {
      continue;
    }
    if (out->len == 0 && b->len < 80 && !ends_sentence(t, b->len)) {
      continue; /* a label, kicker or section name above the story */
    }
    if (out->len > 0) {
      TRY(st, ng__buf_add(out, "\n\n", 2));
    }
    TRY(st, ng__buf_add(out, t, b->len));
  }
  return NG_OK;
}

/* Clears the per-pass fields (scores, region marks); the measured
 * lengths and boilerplate flags stay. */
static void
reset_infos(struct extractor *x)
{
  for (size_t i = 0; i < x->n_infos; i++) {
    struct info *in = &x->infos[i];
    in->score = 0;
    in->scored = false;
    in->top_anc = false;
    in->include = false;
    in->inc = false;
  }
}

/* One extraction pass with the current options. */
static ng_status
run_pass(struct extractor *x, struct ng_buf *out)
{
  reset_infos(x);
  xmlNodePtr top = score(x);
  if (!top) {
    return NG_OK;
  }
  top = refine_top(x, top);
  choose_region(x, top);
  return assemble(x, top, out);
}

static ng_status
compile_res(struct extractor *x)
{
  /* Boilerplate whatever else the element's class says. */
  static const char strong[] =
    "cookie|consent|gdpr|comment|disqus|newsletter|share|sharing|social|"
    "related|recommend|outbrain|taboola|promo|advert|sponsor|breadcrumb|"
    "byline|caption|credit|read-?more|subscribe|paywall|signup|sign-up|"
    "popup|modal|most-?popular|most-?read|trending|also-?read|more-stories|"
    "see-also|(^|[ _-])tags?([ _-]|$)|(^| )ad( |$)|(^|[ _-])ads?-|-ads?( |$)|"
    "ad-?slot|ad-?container|adunit|dfp|banner-ad|print-only|skip-link|"
    "author-bio|jump-?link|toolbar|dateline-meta";
  /* Boilerplate unless a content class is also present. */
  static const char weak[] =
    "(^|[ _-])nav|menu|header|footer|sidebar|side-bar|banner|masthead|"
    "widget|pagination|pager|legends|rss|skyscraper|supplemental|agegate|"
    "cover-wrap|extra|meta|(^| )aside|complementary|contentinfo|navigation|"
    "search";
  static const char positive[] =
    "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|"
    "story|column";
  static const char negative[] =
    "hidden|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|"
    "masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|"
    "sidebar|skyscraper|sponsor|shopping|tags|tool|widget";
  static const char hidden[] =
    "tooltip|popover|hovercard|rollover-people-block|sr-only|"
    "visually-?hidden|screen-?reader|screenreader|offscreen|a11y-hidden";
  static const char keep[] = "twitter-tweet|instagram-media|tiktok-embed|"
                             "social-media-embed|embedded-post";
  /* Never article text, not even when a short article makes the
   * extractor retry with fewer exclusions (FAULT-CASES E01, E03): the
   * consent banner and the readers' comments are the site's and the
   * readers' words, not the newsroom's. */
  static const char never[] = "cookie|consent|gdpr|comment|disqus|newsletter";
  int flags = REG_EXTENDED | REG_ICASE | REG_NOSUB;
  if (regcomp(&x->re_hidden, hidden, flags) != 0) {
    return NG_ERR_INTERNAL;
  }
  if (regcomp(&x->re_keep, keep, flags) != 0) {
    regfree(&x->re_hidden);
    return NG_ERR_INTERNAL;
  }
  if (regcomp(&x->re_never, never, flags) != 0) {
    regfree(&x->re_hidden);
    regfree(&x->re_keep);
    return NG_ERR_INTERNAL;
  }
  if (regcomp(&x->re_strong, strong, flags) != 0) {
    return NG_ERR_INTERNAL;
  }
  if (regcomp(&x->re_weak, weak, flags) != 0) {
    regfree(&x->re_strong);
    return NG_ERR_INTERNAL;
  }
  if (regcomp(&x->re_positive, positive, flags) != 0) {
    regfree(&x->re_strong);
    regfree(&x->re_weak);
    return NG_ERR_INTERNAL;
  }
  if (regcomp(&x->re_negative, negative, flags) != 0) {
    regfree(&x->re_strong);
    regfree(&x->re_weak);
    regfree(&x->re_positive);
    return NG_ERR_INTERNAL;
  }
  return NG_OK;
}

ng_status
ng__content_extract(ng_world *world, xmlDocPtr html, const char *headline,
                    char **out, size_t *out_len)
{
  struct extractor x;
  ng_status st = NG_OK;
  struct ng_buf best, cur;
  memset(&x, 0, sizeof x);
  x.world = world;
  x.html = html;
  x.headline = headline;
  *out = NULL;
  *out_len = 0;
  ng__buf_init(&best, 0);
  ng__buf_init(&cur, 0);
  ng__buf_init(&x.text, 0);

  xmlNodePtr root = xmlDocGetRootElement(html);
  if (!root) {
    goto finish;
  }
  /* A broken start tag can leave an empty first root element with the
   * page in a second one: take the first top-level element that holds a
   * <body>. */
  for (xmlNodePtr r = root; r; r = r->next) {
    bool has_body = false;
    for (xmlNodePtr n = r; n && !has_body; n = ng__html_next(r, n, false)) {
      has_body = ng__html_is(n, "body");
    }
    if (r->type == XML_ELEMENT_NODE && has_body) {
      root = r;
      break;
    }
  }
  /* The <body>, unless the page has none (text the parser left in the
   * <head> after a stray tag) or several (a second document pasted after
   * an early </html>): then the whole tree. The <head> is not hidden as
   * such, its title, scripts and styles are. */
  x.body = NULL;
  for (xmlNodePtr n = root; n; n = ng__html_next(root, n, false)) {
    if (ng__html_is(n, "body")) {
      x.body = x.body ? root : n;
    }
  }
  if (!x.body) {
    x.body = root;
  }
  TRY(st, compile_res(&x));
  x.n_infos = count_elements(root);
  x.infos = calloc(x.n_infos ? x.n_infos : 1, sizeof *x.infos);
  if (!x.infos) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  size_t k = 0;
  for (xmlNodePtr n = root; n; n = ng__html_next(root, n, false)) {
    if (n->type == XML_ELEMENT_NODE) {
      n->_private = &x.infos[k++];
    }
  }
  measure(&x, root);
  classify(&x, root, info_of(x.body)->text_len);
  TRY_DONE(st, segment(&x, x.body));

  /* Pass 1: everything on; then relax, keeping the longest result. */
  static const bool passes[][2] = {{true, true}, {false, true},
                                   {false, false}};
  for (size_t p = 0; p < ARRAY_LEN(passes); p++) {
    x.strip_unlikely = passes[p][0];
    x.weight_classes = passes[p][1];
    ng__buf_free(&cur);
    ng__buf_init(&cur, 0);
    TRY_DONE(st, run_pass(&x, &cur));
    /* A relaxed pass must find much more to replace a stricter one:
     * on a short page the extra text is the boilerplate itself (E01). */
    if (cur.len > best.len + best.len / 2) {
      ng__buf_free(&best);
      best = cur;
      ng__buf_init(&cur, 0);
    }
    if (best.len >= MIN_ARTICLE_LEN) {
      break;
    }
  }
done:
  for (xmlNodePtr n = root; n; n = ng__html_next(root, n, false)) {
    if (n->type == XML_ELEMENT_NODE) {
      n->_private = NULL;
    }
  }
  regfree(&x.re_strong);
  regfree(&x.re_weak);
  regfree(&x.re_positive);
  regfree(&x.re_negative);
  regfree(&x.re_hidden);
  regfree(&x.re_keep);
  regfree(&x.re_never);
finish:
  free(x.infos);
  free(x.blocks);
  ng__buf_free(&x.text);
  ng__buf_free(&cur);
  if (st != NG_OK) {
    ng__buf_free(&best);
    return st;
  }
  *out_len = best.len;
  *out = ng__buf_take(&best);
  return *out ? NG_OK : NG_ERR_NOMEM;
}

/* -------------------------------------------------------- plain text */

/* Trims ASCII whitespace from both ends of [*s, *s + *len). */
static void
trim(const char **s, size_t *len)
{
  while (*len > 0 && isspace((unsigned char)**s)) {
    (*s)++;
    (*len)--;
  }
  while (*len > 0 && isspace((unsigned char)(*s)[*len - 1])) {
    (*len)--;
  }
}

/* Applies one front-matter "key: value" pair to doc->meta. */
static ng_status
front_matter_pair(struct ng_doc *doc, const char *key, size_t kl,
                  const char *v, size_t vl)
{
  struct ng_meta *m = &doc->meta;
  char *val = strndup(v, vl);
  ng_status st = NG_OK;
  char d[32];
  if (!val) {
    return NG_ERR_NOMEM;
  }
#define KEY_IS(k) (kl == strlen(k) && strncasecmp(key, k, kl) == 0)
  if (KEY_IS("url") || KEY_IS("canonical")) {
    char *u = ng__input_resolve_article_url(NULL, val);
    if (u) {
      free(m->canonical_url);
      m->canonical_url = u;
    }
  } else if (KEY_IS("title") || KEY_IS("headline")) {
    st = ng__doc_set_str(&m->headline, val, vl);
  } else if (KEY_IS("date") || KEY_IS("published") ||
             KEY_IS("datepublished")) {
    if (ng__meta_norm_date(val, d)) {
      st = ng__doc_set_str(&m->date_published, d, strlen(d));
    }
  } else if (KEY_IS("modified") || KEY_IS("datemodified")) {
    if (ng__meta_norm_date(val, d)) {
      st = ng__doc_set_str(&m->date_modified, d, strlen(d));
    }
  } else if (KEY_IS("publisher") || KEY_IS("source")) {
    st = ng__doc_set_str(&m->publisher, val, vl);
  } else if (KEY_IS("author") || KEY_IS("authors") || KEY_IS("byline")) {
    st = ng__meta_add_authors(doc, val, m->publisher);
  } else if (KEY_IS("language") || KEY_IS("lang")) {
    st = ng__doc_set_str(&m->language, val, vl);
  }
#undef KEY_IS
  free(val);
  return st;
}

/* Length of the front-matter block at @p text (through the "---" line),
 * or 0 if the text does not start with one. */
static size_t
front_matter_len(const char *text, size_t len)
{
  size_t pos = 0;
  size_t n_pairs = 0;
  while (pos < len && n_pairs < 64) {
    const char *line = text + pos;
    const char *nl = memchr(line, '\n', len - pos);
    size_t ll = nl ? (size_t)(nl - line) : len - pos;
    size_t next = pos + ll + (nl ? 1 : 0);
    const char *t = line;
    size_t tl = ll;
    trim(&t, &tl);
    if (tl == 0 && n_pairs == 0) {
      pos = next;
      continue;
    }
    if (tl == 3 && memcmp(t, "---", 3) == 0) {
      return n_pairs > 0 ? next : 0;
    }
    size_t k = 0;
    while (k < tl && (isalnum((unsigned char)t[k]) || t[k] == '_' ||
                      t[k] == '-')) {
      k++;
    }
    if (k == 0 || k > 32 || k >= tl || t[k] != ':') {
      return 0;
    }
    n_pairs++;
    pos = next;
  }
  return 0;
}

ng_status
ng__content_plain(ng_world *world, struct ng_doc *doc, const char *text,
                  size_t len)
{
  ng_status st;
  struct ng_buf out;
  (void)world;
  size_t fm = front_matter_len(text, len);
  if (fm > 0) {
    size_t pos = 0;
    while (pos < fm) {
      const char *line = text + pos;
      const char *nl = memchr(line, '\n', fm - pos);
      size_t ll = nl ? (size_t)(nl - line) : fm - pos;
      pos += ll + (nl ? 1 : 0);
      const char *t = line;
      size_t tl = ll;
      trim(&t, &tl);
      const char *colon = memchr(t, ':', tl);
      if (!colon || (tl == 3 && memcmp(t, "---", 3) == 0)) {
        continue;
      }
      const char *v = colon + 1;
      size_t vl = tl - (size_t)(v - t);
      trim(&v, &vl);
      if (vl > 0) {
        TRY(st, front_matter_pair(doc, t, (size_t)(colon - t), v, vl));
      }
    }
    text += fm;
    len -= fm;
  }
  /* A leading "date YYYY-MM-DD" token (agency text dumps). */
  const char *p = text;
  size_t left = len;
  while (left > 0 && isspace((unsigned char)*p)) {
    p++;
    left--;
  }
  if (left > 15 && strncasecmp(p, "date", 4) == 0 &&
      (p[4] == ' ' || p[4] == ':' || p[4] == '\t')) {
    const char *q = p + 5;
    while (*q == ' ' || *q == '\t') {
      q++;
    }
    char d[11];
    if ((size_t)(q - text) + 10 <= len) {
      memcpy(d, q, 10);
      d[10] = '\0';
      if (ng__input_is_date(d) && !isdigit((unsigned char)q[10])) {
        if (!doc->meta.date_published) {
          TRY(st, ng__doc_set_str(&doc->meta.date_published, d, 10));
        }
        left -= (size_t)(q + 10 - p);
        p = q + 10;
      }
    }
  }
  /* Paragraphs: blank lines separate, line breaks inside are spaces. */
  ng__buf_init(&out, 0);
  size_t para_start = 0;
  bool in_para = false;
  size_t pos = 0;
  while (pos <= left) {
    const char *line = p + pos;
    const char *nl = pos < left ? memchr(line, '\n', left - pos) : NULL;
    size_t ll = pos < left ? (nl ? (size_t)(nl - line) : left - pos) : 0;
    const char *t = line;
    size_t tl = ll;
    trim(&t, &tl);
    if (tl == 0) {
      if (in_para) {
        out.len = ng__html_collapse(out.data + para_start,
                                    out.len - para_start) + para_start;
        in_para = false;
      }
    } else {
      if (!in_para) {
        if (out.len > 0) {
          TRY(st, ng__buf_add(&out, "\n\n", 2));
        }
        para_start = out.len;
        in_para = true;
      } else {
        TRY(st, ng__buf_add(&out, " ", 1));
      }
      TRY(st, ng__buf_add(&out, t, tl));
    }
    if (pos >= left) {
      break;
    }
    pos += ll + (nl ? 1 : 0);
    if (!nl) {
      pos = left;
    }
  }
  if (in_para && out.data) {
    out.len = ng__html_collapse(out.data + para_start, out.len - para_start) +
              para_start;
  }
  free(doc->text);
  doc->text_len = out.len;
  doc->text = ng__buf_take(&out);
  return doc->text ? NG_OK : NG_ERR_NOMEM;
}

/* ------------------------------------------------------------ public */

ng_status
ng_doc_parse(ng_world *world, ng_doc *doc)
{
  ng_status st = NG_OK;
  char *utf8 = NULL;
  size_t len = 0;
  if (!world || !doc) {
    return NG_ERR_ARG;
  }
  if (doc->parsed) {
    return NG_OK;
  }
  st = ng__charset_decode(world, doc->raw ? doc->raw : "", doc->raw_len,
                          doc->content_type, !doc->is_plain_text, &utf8,
                          &len);
  if (st != NG_OK) {
    return ng__errorf(world, st, "cannot decode %s", doc->name);
  }
  if (!doc->is_plain_text && ng__feed_is_feed(utf8, len)) {
    free(utf8);
    return ng__errorf(world, NG_ERR_PARSE, "%s is a feed or sitemap, not an "
                      "article (read it with --feed)", doc->name);
  }
  if (doc->is_plain_text) {
    st = ng__content_plain(world, doc, utf8, len);
  } else {
    xmlDocPtr html = NULL;
    st = ng__html_parse(world, doc->name, utf8, len,
                        doc->final_url ? doc->final_url : doc->user_url,
                        &html);
    if (st == NG_OK) {
      st = ng__meta_parse(world, doc, html);
    }
    if (st == NG_OK) {
      char *text = NULL;
      size_t tl = 0;
      st = ng__content_extract(world, html, doc->meta.headline, &text, &tl);
      if (st == NG_OK) {
        free(doc->text);
        doc->text = text;
        doc->text_len = tl;
        st = ng__meta_check_language(world, doc);
      }
    }
    xmlFreeDoc(html);
  }
  free(utf8);
  if (st == NG_ERR_NOMEM) {
    return ng__errorf(world, st, "out of memory parsing %s", doc->name);
  }
  if (st != NG_OK) {
    return st;
  }
  if (!doc->text || doc->text_len == 0) {
    return ng__errorf(world, NG_ERR_PARSE, "no article text in %s",
                      doc->name);
  }
  if (doc->user_date) {
    TRY(st, ng__doc_set_str(&doc->meta.date_published, doc->user_date,
                            strlen(doc->user_date)));
  } else if (!doc->meta.date_published && doc->fallback_date[0]) {
    /* a feed's item date, below the page's own (ng_doc_set_fallback_date) */
    TRY(st, ng__doc_set_str(&doc->meta.date_published, doc->fallback_date,
                            strlen(doc->fallback_date)));
  }
  st = ng__input_set_iri(doc);
  if (st != NG_OK) {
    return ng__errorf(world, st, "out of memory parsing %s", doc->name);
  }
  doc->parsed = true;
  return NG_OK;
}

/* Adds @p key with string @p v, or JSON null when @p v is NULL. */
static ng_status
json_put(json_object *o, const char *key, const char *v)
{
  json_object *s = NULL;
  if (v) {
    s = json_object_new_string(v);
    if (!s) {
      return NG_ERR_NOMEM;
    }
  }
  if (json_object_object_add(o, key, s) != 0) {
    json_object_put(s);
    return NG_ERR_NOMEM;
  }
  return NG_OK;
}

ng_status
ng_doc_write_json(const ng_doc *doc, FILE *out)
{
  ng_status st = NG_OK;
  if (!doc || !out) {
    return NG_ERR_ARG;
  }
  const struct ng_meta *m = &doc->meta;
  const char *url = doc->user_url ? doc->user_url
                    : m->canonical_url ? m->canonical_url : doc->final_url;
  json_object *o = json_object_new_object();
  json_object *authors = json_object_new_array();
  if (!o || !authors) {
    json_object_put(o);
    json_object_put(authors);
    return NG_ERR_NOMEM;
  }
  for (size_t i = 0; i < m->n_authors && st == NG_OK; i++) {
    json_object *a = json_object_new_string(m->authors[i]);
    if (!a || json_object_array_add(authors, a) != 0) {
      json_object_put(a);
      st = NG_ERR_NOMEM;
    }
  }
  if (st == NG_OK) {
    /* the input as given, so JSON Lines of several inputs can be matched
     * to them */
    st = json_put(o, "input", doc->name);
  }
  if (st == NG_OK) {
    st = json_put(o, "url", url);
  }
  if (st == NG_OK) {
    st = json_put(o, "iri", doc->iri);
  }
  if (st == NG_OK) {
    st = json_put(o, "headline", m->headline);
  }
  if (st == NG_OK) {
    st = json_put(o, "datePublished", m->date_published);
  }
  if (st == NG_OK) {
    st = json_put(o, "dateModified", m->date_modified);
  }
  if (st == NG_OK) {
    if (json_object_object_add(o, "authors", authors) != 0) {
      st = NG_ERR_NOMEM;
    }
    authors = NULL;
  }
  if (st == NG_OK) {
    st = json_put(o, "publisher", m->publisher);
  }
  if (st == NG_OK) {
    st = json_put(o, "language", m->language);
  }
  if (st == NG_OK) {
    st = json_put(o, "text", doc->text);
  }
  if (st == NG_OK) {
    const char *s = json_object_to_json_string_ext(
        o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
    if (!s) {
      st = NG_ERR_NOMEM;
    } else if (fputs(s, out) == EOF || fputc('\n', out) == EOF ||
               ferror(out)) {
      st = NG_ERR_IO;
    }
  }
  json_object_put(authors);
  json_object_put(o);
  return st;
}
