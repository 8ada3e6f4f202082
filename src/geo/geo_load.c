/* geo_load.c - the reader of data/places/<name>.places (format in
 * data/places/FORMAT.md). Strict: the first malformed line stops the load
 * with "file:line: message". */
#include "geo_int.h"
#include "util/textfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GEO_MAX_FILE (64u << 20)
#define GEO_MAX_ID 64

typedef tspan span;

typedef struct parser {
    geo_gazetteer *g;
    geo_scratch sc;
    const char *file;          /* arena copy */
    unsigned line;
    geo_place *cur;            /* place being read */
    unsigned cur_line;
    size_t cur_names;
    geo_cue cur_cue;           /* cue of its `=` names */
    char def_country[4];       /* DEFAULT country= ("" none, "-" no country) */
    geo_type def_type;         /* DEFAULT type=, 0 none */
} parser;

static const span NOSPAN = {NULL, 0};

static rasd_status perr(const parser *p, const char *msg, span what)
{
    if (what.s)
        return err_set(RASD_ERR_PARSE, "%s:%u: %s '%.*s'", p->file, p->line,
                       msg, (int)(what.n > 60 ? 60 : what.n), what.s);
    return err_set(RASD_ERR_PARSE, "%s:%u: %s", p->file, p->line, msg);
}

/* Next whitespace-delimited word of *x (consumed); "quoted parts" may hold
 * spaces. */
static span word(span *x)
{
    return tspan_word(x, true);
}

/* Decimal degrees: [-+]digits[.digits], no exponent, locale-free. */
static bool parse_deg(span x, double lim, double *out)
{
    size_t i = 0;
    bool neg = false;
    if (i < x.n && (x.s[i] == '-' || x.s[i] == '+'))
        neg = x.s[i++] == '-';
    double v = 0, scale = 1;
    size_t digs = 0;
    for (; i < x.n && x.s[i] >= '0' && x.s[i] <= '9' && digs < 4; i++, digs++)
        v = v * 10 + (x.s[i] - '0');
    if (!digs)
        return false;
    if (i < x.n && x.s[i] == '.') {
        size_t fd = 0;
        for (i++; i < x.n && x.s[i] >= '0' && x.s[i] <= '9' && fd < 8; i++, fd++) {
            scale /= 10;
            v += (x.s[i] - '0') * scale;
        }
        if (!fd)
            return false;
    }
    if (i != x.n || v > lim)
        return false;
    *out = neg ? -v : v;
    return true;
}

static bool valid_id(span x)
{
    if (x.n == 0 || x.n > GEO_MAX_ID || x.s[0] < 'A' || x.s[0] > 'Z')
        return false;
    for (size_t i = 0; i < x.n; i++) {
        char c = x.s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

/* ISO3 (three upper-case letters) or "-" (none) into out. */
static bool parse_country(span v, char out[4])
{
    if (tspan_eq(v, "-")) {
        strcpy(out, "-");
        return true;
    }
    if (v.n != 3)
        return false;
    for (size_t i = 0; i < 3; i++)
        if (v.s[i] < 'A' || v.s[i] > 'Z')
            return false;
    memcpy(out, v.s, 3);
    out[3] = '\0';
    return true;
}

/* ------------------------------------------------------------ names */

/* Split `rest` at ; or ؛ and index every piece. */
static rasd_status names_line(parser *p, span rest, geo_cue cue, bool alt,
                              bool block)
{
    rest = tspan_trim(rest);
    if (!rest.n)
        return perr(p, "no names after the keyword", NOSPAN);
    geo_src src = {p->file, p->line};
    size_t i = 0;
    while (i <= rest.n) {
        size_t j = i, skip = 0;
        while (j < rest.n) {
            if (rest.s[j] == ';') {
                skip = 1;
                break;
            }
            if (rest.n - j >= 2 && memcmp(rest.s + j, "\xD8\x9B", 2) == 0) {
                skip = 2;
                break;
            }
            j++;
        }
        span name = tspan_trim((span){rest.s + i, j - i});
        if (!name.n)
            return perr(p, "empty name", NOSPAN);
        rasd_status st = geo_index_name(p->g, &p->sc, name.s, name.n,
                                        block ? NULL : p->cur, cue, alt, src);
        if (st)
            return st;
        if (!block)
            p->cur_names++;
        if (!skip)
            break;
        i = j + skip;
    }
    return RASD_OK;
}

/* ------------------------------------------------------------ PLACE */

static rasd_status finish_place(parser *p)
{
    if (p->cur && !p->cur_names)
        return err_set(RASD_ERR_PARSE, "%s:%u: place %s has no names",
                       p->file, p->cur_line, p->cur->id);
    p->cur = NULL;
    return RASD_OK;
}

typedef struct attrs {
    geo_type type;
    char country[4];
    double lat, lon;
    bool has_lat, has_lon;
    span en;
    geo_cue cue;
} attrs;

/* One key=value or flag of a PLACE or DEFAULT line. */
static rasd_status attr(parser *p, span w, attrs *a)
{
    if (tspan_eq(w, "ambiguous")) {
        a->cue = GEO_CUE_PREP;
        return RASD_OK;
    }
    if (tspan_eq(w, "headonly")) {
        a->cue = GEO_CUE_HEAD;
        return RASD_OK;
    }
    const char *eq = memchr(w.s, '=', w.n);
    if (!eq)
        return perr(p, "unknown option", w);
    span k = {w.s, (size_t)(eq - w.s)}, v = {eq + 1, w.n - k.n - 1};
    if (tspan_eq(k, "type")) {
        if (!geo_type_parse(v.s, v.n, &a->type))
            return perr(p, "unknown type", v);
    } else if (tspan_eq(k, "country")) {
        if (!parse_country(v, a->country))
            return perr(p, "country must be an ISO3 code or -:", v);
    } else if (tspan_eq(k, "lat")) {
        if (!parse_deg(v, 90, &a->lat))
            return perr(p, "bad latitude", v);
        a->has_lat = true;
    } else if (tspan_eq(k, "lon")) {
        if (!parse_deg(v, 180, &a->lon))
            return perr(p, "bad longitude", v);
        a->has_lon = true;
    } else if (tspan_eq(k, "en")) {
        if (v.n < 3 || v.s[0] != '"' || v.s[v.n - 1] != '"')
            return perr(p, "en must be a \"quoted\" name", v);
        a->en = (span){v.s + 1, v.n - 2};
    } else
        return perr(p, "unknown option", k);
    return RASD_OK;
}

static rasd_status check_attrs(parser *p, const attrs *a)
{
    if (!a->type)
        return perr(p, "missing type=", NOSPAN);
    if (!a->country[0])
        return perr(p, "missing country= (ISO3, or - for none)", NOSPAN);
    if (!a->has_lat || !a->has_lon)
        return perr(p, "missing lat= or lon=", NOSPAN);
    if (!a->en.s)
        return perr(p, "missing en=\"...\"", NOSPAN);
    if (a->type == GEO_COUNTRY && a->country[0] == '-')
        return perr(p, "a country needs its ISO3 code", NOSPAN);
    return RASD_OK;
}

static rasd_status new_place(parser *p, span id, const attrs *a)
{
    geo_place *pl = arena_calloc(&p->g->mem, sizeof *pl);
    char *ids = pl ? arena_strndup(&p->g->mem, id.s, id.n) : NULL;
    char *en = ids ? arena_strndup(&p->g->mem, a->en.s, a->en.n) : NULL;
    if (!en)
        return err_set(RASD_ERR_NOMEM, "geo: out of memory");
    pl->id = ids;
    pl->en = en;
    if (a->country[0] != '-')
        memcpy(pl->country, a->country, 4);
    pl->type = a->type;
    pl->lat = a->lat;
    pl->lon = a->lon;
    pl->file = p->file;
    pl->line = p->line;
    rasd_status st = geo_place_add(p->g, pl, (geo_src){p->file, p->line});
    if (st)
        return st;
    p->cur = pl;
    p->cur_line = p->line;
    p->cur_names = 0;
    p->cur_cue = a->cue;
    return RASD_OK;
}

static rasd_status place_line(parser *p, span rest)
{
    rasd_status st = finish_place(p);
    if (st)
        return st;
    span id = word(&rest);
    if (!valid_id(id))
        return perr(p, "place id must be A-Z, 0-9, _ (starting with a letter, at most 64):",
                    id);
    attrs a = {.type = p->def_type};
    memcpy(a.country, p->def_country, 4);
    span names = NOSPAN;
    for (;;) {
        span w = word(&rest);
        if (!w.n)
            break;
        if (tspan_eq(w, "=")) {
            names = rest;
            break;
        }
        st = attr(p, w, &a);
        if (st)
            return st;
    }
    st = check_attrs(p, &a);
    if (!st)
        st = new_place(p, id, &a);
    if (!st && names.s)
        st = names_line(p, names, p->cur_cue, false, false);
    return st;
}

static rasd_status default_line(parser *p, span rest)
{
    rasd_status st = finish_place(p);
    if (st)
        return st;
    attrs a = {0};
    for (span w = word(&rest); w.n; w = word(&rest)) {
        st = attr(p, w, &a);
        if (st)
            return st;
        if (a.has_lat || a.has_lon || a.en.s || a.cue)
            return perr(p, "DEFAULT takes only country= and type=", NOSPAN);
    }
    memcpy(p->def_country, a.country, 4);
    p->def_type = a.type;
    return RASD_OK;
}

static rasd_status line(parser *p, span x)
{
    x = tspan_strip_comment(x);
    if (!x.n)
        return RASD_OK;
    if (memchr(x.s, '\0', x.n))
        return perr(p, "NUL byte in line", NOSPAN);
    if (utf8_find_invalid(x.s, x.n) != x.n)
        return perr(p, "invalid UTF-8", NOSPAN);
    span rest = x, kw = word(&rest);
    if (tspan_eq(kw, "PLACE"))
        return place_line(p, rest);
    if (tspan_eq(kw, "DEFAULT"))
        return default_line(p, rest);
    bool eq = tspan_eq(kw, "="), cue = tspan_eq(kw, "cue"),
         head = tspan_eq(kw, "head"), alt = tspan_eq(kw, "alt"),
         block = tspan_eq(kw, "not");
    if (!eq && !cue && !head && !alt && !block)
        return perr(p, "unknown directive", kw);
    if (!p->cur)
        return perr(p, "name line before any PLACE", NOSPAN);
    geo_cue c = eq ? p->cur_cue : cue ? GEO_CUE_PREP
                                      : head ? GEO_CUE_HEAD : GEO_CUE_NONE;
    if (alt && p->cur_cue > c)
        c = p->cur_cue;
    return names_line(p, rest, c, alt, block);
}

static rasd_status parse_buf(geo_gazetteer *g, const char *name,
                             const char *data, size_t len)
{
    parser p = {.g = g};
    p.file = arena_strdup(&g->mem, name ? name : "(memory)");
    if (!p.file)
        return err_set(RASD_ERR_NOMEM, "geo: out of memory");
    rasd_status st = RASD_OK;
    size_t i = 0;
    while (!st && i < len) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - data) : len;
        p.line++;
        st = line(&p, (span){data + i, e - i});
        i = e + 1;
    }
    if (!st)
        st = finish_place(&p);
    geo_scratch_free(&p.sc);
    g->st.files++;
    return st;
}

/* ------------------------------------------------------------ entry points */

rasd_status geo_load_mem(const char *name, const char *data, size_t len,
                         geo_gazetteer **out)
{
    if (!out)
        return err_set(RASD_ERR_ARG, "geo: NULL argument");
    *out = NULL;
    if (!data && len)
        return err_set(RASD_ERR_ARG, "geo: NULL argument");
    geo_gazetteer *g;
    rasd_status st = geo_new(&g);
    if (!st)
        st = parse_buf(g, name, data ? data : "", len);
    if (!st && !g->n_places)
        st = err_set(RASD_ERR_PARSE, "%s:1: no places", name ? name : "(memory)");
    if (st) {
        geo_free(g);
        return st;
    }
    *out = g;
    return RASD_OK;
}

static rasd_status load_file(geo_gazetteer *g, const char *path)
{
    char *data;
    size_t len;
    rasd_status st = file_read_all(path, &data, &len, GEO_MAX_FILE);
    if (st)
        return st;
    st = parse_buf(g, path, data, len);
    free(data);
    return st;
}

rasd_status geo_load(const char *dir, geo_gazetteer **out)
{
    if (!out)
        return err_set(RASD_ERR_ARG, "geo: NULL argument");
    *out = NULL;
    if (!dir)
        return err_set(RASD_ERR_ARG, "geo: NULL argument");
    char **paths;
    size_t n;
    rasd_status st = dir_list(dir, ".places", "places", &paths, &n);
    if (st)
        return st;
    geo_gazetteer *g = NULL;
    if (!n)
        st = err_set(RASD_ERR_NOTFOUND, "%s: no *.places files", dir);
    if (!st)
        st = geo_new(&g);
    for (size_t i = 0; i < n && !st; i++)
        st = load_file(g, paths[i]);
    dir_list_free(paths, n);
    if (st) {
        geo_free(g);
        return st;
    }
    *out = g;
    return RASD_OK;
}
