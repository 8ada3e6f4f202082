/* html.c - article text and metadata from an HTML page with libxml2's
 * forgiving HTML parser. Page chrome (scripts, navigation, headers, footers,
 * forms, share widgets ...) is skipped, block structure becomes line breaks,
 * and the headline, date, outlet and URL come from <h1>/<title> and the
 * OpenGraph/article meta tags. The tree is walked iteratively: hostile pages
 * nest deeply. */
#include "ingest_int.h"
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HX_META_DATES 8

typedef struct hx_meta {
    char *og_title, *page_title, *h1, *site, *og_url, *canonical;
    char *dates[HX_META_DATES]; /* candidates, best first */
    xmlNode *h1_node, *body, *main, *article;
    int n_article, n_main;
} hx_meta;

typedef struct hx_out {
    buf b;
    bool open;          /* the current line has text */
    bool space;         /* white space is pending inside the current line */
    bool h1_seen;       /* the first <h1> was part of the extracted text */
    int pre;
} hx_out;

static bool hx_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name);
}

static bool hx_in(const xmlNode *n, const char *const *names)
{
    for (; *names; names++)
        if (hx_is(n, *names))
            return true;
    return false;
}

static const char *const hx_skip_tags[] = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
    "svg", "template", "head", "button", "select", "textarea", "object", "embed",
    "canvas", "audio", "video", "figcaption", "dialog", "menu", "input", NULL};

static const char *const hx_block_tags[] = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "ul", "ol", "dl",
    "dt", "dd", "table", "section", "article", "main", "blockquote", "pre", "hr",
    "address", "center", "figure", "body", "html", "caption", "tbody", "thead", NULL};

/* Class and id words that mark page chrome rather than article text. */
static const char *const hx_chrome_words[] = {
    "share", "sharing", "social", "related", "comments", "comment", "breadcrumb",
    "breadcrumbs", "advert", "advertisement", "ads", "ad", "newsletter", "subscribe",
    "cookie", "cookies", "popup", "modal", "sidebar", "menu", "navbar", "navigation",
    "footer", "promo", "sponsored", NULL};

static char *hx_attr(const xmlNode *n, const char *name)
{
    return (char *)xmlGetProp((xmlNode *)n, (const xmlChar *)name);
}

static bool hx_attr_has_chrome_word(const xmlNode *n, const char *attr)
{
    char *v = hx_attr(n, attr);
    if (!v)
        return false;
    bool hit = false;
    for (char *p = v; *p && !hit;) {
        while (*p && !isalnum((unsigned char)*p))
            p++;
        char *w = p;
        while (isalnum((unsigned char)*p))
            *p = (char)tolower((unsigned char)*p), p++;
        size_t wl = (size_t)(p - w);
        for (const char *const *c = hx_chrome_words; wl && *c && !hit; c++)
            hit = strlen(*c) == wl && !memcmp(*c, w, wl);
    }
    xmlFree(v);
    return hit;
}

static bool hx_hidden(const xmlNode *n)
{
    if (xmlHasProp((xmlNode *)n, (const xmlChar *)"hidden"))
        return true;
    char *v = hx_attr(n, "aria-hidden");
    bool hid = v && !strcmp(v, "true");
    xmlFree(v);
    if (hid)
        return true;
    v = hx_attr(n, "style");
    if (v) {
        size_t k = 0;
        for (char *p = v; *p; p++) /* squeeze out spaces: "display : none" */
            if (!isspace((unsigned char)*p))
                v[k++] = (char)tolower((unsigned char)*p);
        v[k] = '\0';
        hid = strstr(v, "display:none") || strstr(v, "visibility:hidden");
        xmlFree(v);
    }
    return hid;
}

/* Should the walk skip element n (inside the container `top`)? */
static bool hx_skip(const xmlNode *n, const xmlNode *top)
{
    if (n->type != XML_ELEMENT_NODE)
        return n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE;
    if (n == top)
        return false;
    if (hx_in(n, hx_skip_tags) || hx_hidden(n))
        return true;
    if (hx_is(n, "body") || hx_is(n, "main") || hx_is(n, "article"))
        return false;
    return hx_attr_has_chrome_word(n, "class") || hx_attr_has_chrome_word(n, "id");
}

/* ------------------------------------------------------------ text out */

static void hx_break(hx_out *o)
{
    if (o->open)
        buf_putc(&o->b, '\n');
    o->open = o->space = false;
}

static void hx_text(hx_out *o, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        bool nbsp = p[0] == 0xC2 && p[1] == 0xA0;
        if (*p == '\n' && o->pre) {
            hx_break(o);
        } else if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' ||
                   nbsp) {
            o->space = o->open;
            p += nbsp;
        } else {
            if (o->space)
                buf_putc(&o->b, ' ');
            buf_putc(&o->b, (char)*p);
            o->open = true;
            o->space = false;
        }
    }
}

static void hx_enter(hx_out *o, const xmlNode *n, const hx_meta *m)
{
    if (n->type != XML_ELEMENT_NODE) {
        if (n->content)
            hx_text(o, (const char *)n->content);
        return;
    }
    if (hx_in(n, hx_block_tags))
        hx_break(o);
    else if (hx_is(n, "td") || hx_is(n, "th"))
        o->space = o->open;
    if (hx_is(n, "pre"))
        o->pre++;
    if (n == m->h1_node && m->h1_node)
        o->h1_seen = true;
}

static void hx_leave(hx_out *o, const xmlNode *n)
{
    if (hx_is(n, "pre") && o->pre)
        o->pre--;
    if (n->type == XML_ELEMENT_NODE && hx_in(n, hx_block_tags))
        hx_break(o);
}

/* Iterative pre-order walk of the subtree `top`. */
static void hx_extract(hx_out *o, xmlNode *top, const hx_meta *m)
{
    xmlNode *n = top;
    while (n) {
        bool skip = hx_skip(n, top);
        if (!skip)
            hx_enter(o, n, m);
        if (!skip && n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n) {
            if (!skip)
                hx_leave(o, n);
            skip = false;
            if (n == top)
                return;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
}

/* ------------------------------------------------------------- survey */

/* Whitespace-collapsed text content of an element, malloc'd. */
static char *hx_node_text(xmlNode *n)
{
    xmlChar *c = xmlNodeGetContent(n);
    if (!c)
        return NULL;
    hx_out o = {0};
    buf_init(&o.b);
    hx_text(&o, (const char *)c);
    xmlFree(c);
    if (!o.b.len) { /* nothing but white space */
        buf_free(&o.b);
        return NULL;
    }
    return buf_take(&o.b, NULL);
}

static void hx_keep(char **slot, char *s)
{
    if (!*slot && s && *s)
        *slot = s;
    else
        free(s);
}

static char *hx_dup(char *x)
{
    char *s = x ? strdup(x) : NULL;
    xmlFree(x);
    return s;
}

/* Date meta names, best first. */
static int hx_date_rank(const char *key)
{
    static const char *const keys[] = {
        "article:published_time", "og:published_time", "datepublished", "pubdate",
        "publishdate", "dc.date.issued", NULL};
    for (int i = 0; keys[i]; i++)
        if (!strcasecmp(key, keys[i]))
            return i;
    if (!strcasecmp(key, "date") || !strcasecmp(key, "dc.date"))
        return HX_META_DATES - 1; /* HX_META_DATES - 2: <time pubdate> */
    return -1;
}

static void hx_survey_meta(hx_meta *m, xmlNode *n)
{
    char *key = hx_attr(n, "property");
    if (!key)
        key = hx_attr(n, "name");
    if (!key)
        key = hx_attr(n, "itemprop");
    if (!key)
        return;
    char *content = hx_dup(hx_attr(n, "content"));
    int rank = hx_date_rank(key);
    if (rank >= 0)
        hx_keep(&m->dates[rank], content);
    else if (!strcasecmp(key, "og:title"))
        hx_keep(&m->og_title, content);
    else if (!strcasecmp(key, "og:site_name"))
        hx_keep(&m->site, content);
    else if (!strcasecmp(key, "og:url"))
        hx_keep(&m->og_url, content);
    else
        free(content);
    xmlFree(key);
}

static bool hx_time_is_pubdate(xmlNode *n)
{
    if (xmlHasProp(n, (const xmlChar *)"pubdate"))
        return true;
    char *ip = hx_attr(n, "itemprop");
    bool yes = ip && !strcasecmp(ip, "datePublished");
    xmlFree(ip);
    return yes;
}

static void hx_survey_node(hx_meta *m, xmlNode *n)
{
    if (hx_is(n, "meta")) {
        hx_survey_meta(m, n);
    } else if (hx_is(n, "link")) {
        char *rel = hx_attr(n, "rel");
        if (rel && !strcasecmp(rel, "canonical"))
            hx_keep(&m->canonical, hx_dup(hx_attr(n, "href")));
        xmlFree(rel);
    } else if (hx_is(n, "title") && !m->page_title) {
        hx_keep(&m->page_title, hx_node_text(n));
    } else if (hx_is(n, "h1") && !m->h1_node) {
        m->h1_node = n;
        hx_keep(&m->h1, hx_node_text(n));
    } else if (hx_is(n, "time") && hx_time_is_pubdate(n)) {
        hx_keep(&m->dates[HX_META_DATES - 2], hx_dup(hx_attr(n, "datetime")));
    } else if (hx_is(n, "body") && !m->body) {
        m->body = n;
    } else if (hx_is(n, "main")) {
        m->main = n, m->n_main++;
    } else if (hx_is(n, "article")) {
        m->article = n, m->n_article++;
    }
}

static void hx_survey(hx_meta *m, xmlNode *root)
{
    xmlNode *n = root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE) {
            hx_survey_node(m, n);
            if (n->children) {
                n = n->children;
                continue;
            }
        }
        while (n && n != root && !n->next)
            n = n->parent;
        n = n && n != root ? n->next : NULL;
    }
}

static void hx_meta_free(hx_meta *m)
{
    free(m->og_title), free(m->page_title), free(m->h1), free(m->site);
    free(m->og_url), free(m->canonical);
    for (int i = 0; i < HX_META_DATES; i++)
        free(m->dates[i]);
}

/* ------------------------------------------------------------ document */

/* The part of the page holding the story: the one <article>, else the one
 * <main>, else <body>. */
static xmlNode *hx_container(const hx_meta *m, xmlNode *root)
{
    if (m->n_article == 1)
        return m->article;
    if (m->n_main == 1)
        return m->main;
    return m->body ? m->body : root;
}

static xmlNode *hx_find(xmlNode *top, const char *name)
{
    xmlNode *n = top;
    while (n) {
        if (hx_is(n, name))
            return n;
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && n != top && !n->next)
            n = n->parent;
        n = n && n != top ? n->next : NULL;
    }
    return NULL;
}

/* The headline: the story's own <h1>, else og:title, else the page's first
 * <h1> (often the site logo, hence last), else <title>. Sets *node when the
 * headline is an element of the page. */
static char *hx_title(hx_meta *m, xmlNode *top, xmlNode **node)
{
    xmlNode *h = hx_find(top, "h1");
    *node = NULL;
    char *t = h ? hx_node_text(h) : NULL;
    if (t && *t && strlen(t) <= 400) {
        *node = h;
        return t;
    }
    free(t);
    if (m->og_title)
        return strdup(m->og_title);
    if (m->h1 && strlen(m->h1) <= 400) {
        *node = m->h1_node;
        return strdup(m->h1);
    }
    return m->page_title ? strdup(m->page_title) : NULL;
}

static rasd_status hx_set_meta(rasd_doc *doc, const hx_meta *m, const char *title)
{
    const char *url = m->og_url ? m->og_url : m->canonical;
    rasd_status st;
    if ((title && (st = ingest_set_str(doc, &doc->title, title, strlen(title))) != RASD_OK) ||
        (m->site && (st = ingest_set_str(doc, &doc->source, m->site, strlen(m->site))) != RASD_OK) ||
        (url && (st = ingest_set_str(doc, &doc->url, url, strlen(url))) != RASD_OK))
        return st;
    for (int i = 0; i < HX_META_DATES; i++) {
        rasd_date d;
        if (m->dates[i] && ingest_parse_iso(m->dates[i], &d)) {
            doc->date = d;
            break;
        }
    }
    return RASD_OK;
}

/* Text lines of the container; the headline goes first when it sits
 * outside the container (or in a skipped <header>). */
static rasd_status hx_build(const rasd_reader *r, hx_meta *m, xmlNode *top, rasd_doc **out)
{
    xmlNode *hnode;
    char *title = hx_title(m, top, &hnode);
    m->h1_node = hnode;
    hx_out body = {0}, o = {0};
    buf_init(&body.b);
    buf_init(&o.b);
    hx_extract(&body, top, m);
    if (hnode && !body.h1_seen) {
        hx_text(&o, title);
        hx_break(&o);
    }
    buf_put(&o.b, body.b.data ? body.b.data : "", body.b.len);
    while (o.b.len && o.b.data[o.b.len - 1] == '\n')
        o.b.len--;
    rasd_status st = RASD_OK;
    if (o.b.oom || body.b.oom)
        st = err_set(RASD_ERR_NOMEM, "%s: out of memory", r->name);
    else if (body.b.len == 0 || (body.h1_seen && !memchr(body.b.data, '\n', body.b.len - 1)))
        st = err_set(RASD_ERR_EMPTY, "%s: HTML has no text content", r->name);
    if (st == RASD_OK && (st = doc_create(r->name, r->stem, o.b.data, o.b.len, out)) == RASD_OK &&
        (st = hx_set_meta(*out, m, title)) != RASD_OK) {
        rasd_doc_free(*out);
        *out = NULL;
    }
    free(title);
    buf_free(&body.b);
    buf_free(&o.b);
    return st;
}

static void hx_silent(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }
static void hx_silent_structured(void *ctx, xmlErrorPtr e) { (void)ctx, (void)e; }

static pthread_once_t hx_once = PTHREAD_ONCE_INIT;
static void hx_init(void) { xmlInitParser(); }

/* The encoding to impose: UTF-8 unless the page declares another charset in
 * its first 4 KiB (then libxml2 reads the declaration and converts).
 * Without this, libxml2 would take an undeclared page for Latin-1. */
static const char *hx_encoding(const char *page, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 8 < n; i++) {
        size_t k = !strncasecmp(page + i, "charset", 7) ? 7
                   : !strncasecmp(page + i, "encoding", 8) ? 8 : 0; /* <?xml ...?> */
        if (!k)
            continue;
        size_t j = i + k;
        while (j < n && (page[j] == ' ' || page[j] == '=' || page[j] == '"' || page[j] == '\''))
            j++;
        if (j + 3 <= n && !strncasecmp(page + j, "utf", 3))
            return "UTF-8";
        if (j < n && isalnum((unsigned char)page[j]))
            return NULL;
    }
    return "UTF-8";
}

/* Text and metadata of a parsed page. */
static rasd_status hx_doc(const rasd_reader *r, htmlDocPtr hd, rasd_doc **out)
{
    xmlNode *root = xmlDocGetRootElement(hd);
    if (!root)
        return err_set(RASD_ERR_EMPTY, "%s: HTML has no text content", r->name);
    hx_meta m = {0};
    hx_survey(&m, root);
    rasd_status st = hx_build(r, &m, hx_container(&m, root), out);
    hx_meta_free(&m);
    return st;
}

rasd_status ingest_html_doc(const rasd_reader *r, const char *page, size_t len,
                            rasd_doc **out)
{
    if (len > INT_MAX)
        return err_set(RASD_ERR_LIMIT, "%s: HTML page of %zu bytes is too large", r->name, len);
    pthread_once(&hx_once, hx_init);
    /* libxml2 reports encoding and I/O trouble through its per-thread
     * handlers even with NOERROR: silence them for this call only */
    xmlGenericErrorFunc old_generic = xmlGenericError;
    void *old_generic_ctx = xmlGenericErrorContext;
    xmlStructuredErrorFunc old_structured = xmlStructuredError;
    void *old_structured_ctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, hx_silent);
    xmlSetStructuredErrorFunc(NULL, hx_silent_structured);
    htmlDocPtr hd = htmlReadMemory(page, (int)len, NULL, hx_encoding(page, len),
                                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                       HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    rasd_status st = hd ? hx_doc(r, hd, out)
                        : err_set(RASD_ERR_PARSE, "%s: cannot parse HTML", r->name);
    xmlFreeDoc(hd);
    xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
    xmlSetStructuredErrorFunc(old_structured_ctx, old_structured);
    return st;
}
