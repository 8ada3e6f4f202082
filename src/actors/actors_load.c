/* actors_load.c - readers for rasd's own dictionary files: *.actors
 * (data/actors/FORMAT.md) and agents.txt (data/actors/AGENTS.md). Both are
 * strict: the first malformed line stops the load with "file:line: ...". */
#include "actors_int.h"
#include "util/textfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define ACT_MAX_FILE (64u << 20)

typedef struct parser {
    actors_dict *d;
    act_scratch sc;
    const char *file;          /* arena copy */
    unsigned line;
    actors_entry *cur;         /* entry being read */
    size_t cur_names;
    actors_role *roles;        /* roles of cur, copied to the arena at the end */
    size_t n_roles, cap_roles;
} parser;

/* A slice of the current line. */
typedef tspan span;

static rasd_status perr(const parser *p, const char *msg, span what)
{
    if (what.s)
        return err_set(RASD_ERR_PARSE, "%s:%u: %s '%.*s'", p->file, p->line,
                       msg, (int)(what.n > 60 ? 60 : what.n), what.s);
    return err_set(RASD_ERR_PARSE, "%s:%u: %s", p->file, p->line, msg);
}

static const span NOSPAN = {NULL, 0};

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Next whitespace-delimited word of *x (consumed). */
static span word(span *x)
{
    return tspan_word(x, false);
}

/* ------------------------------------------------------------ dates */

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static bool digits(const char *s, size_t n, int *v)
{
    int x = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return n > 0;
}

/* YYYY, YYYY-MM, YYYY-MM-DD or "-" (open). An end date given as a year or
 * month means its last day. */
static bool parse_date(span x, bool end, int32_t *out)
{
    if (tspan_eq(x, "-")) {
        *out = end ? 99999999 : 0;
        return true;
    }
    int y, m = 0, d = 0;
    if (x.n < 4 || !digits(x.s, 4, &y) || y < 1)
        return false;
    if (x.n == 4) {
        *out = y * 10000 + (end ? 1231 : 101);
        return true;
    }
    if ((x.n != 7 && x.n != 10) || x.s[4] != '-' || !digits(x.s + 5, 2, &m) ||
        m < 1 || m > 12)
        return false;
    if (x.n == 7) {
        *out = y * 10000 + m * 100 + (end ? days_in_month(y, m) : 1);
        return true;
    }
    if (x.s[7] != '-' || !digits(x.s + 8, 2, &d) || d < 1 ||
        d > days_in_month(y, m))
        return false;
    *out = y * 10000 + m * 100 + d;
    return true;
}

/* ------------------------------------------------------------ entries */

static rasd_status finish_entry(parser *p)
{
    actors_entry *e = p->cur;
    if (!e)
        return RASD_OK;
    p->cur = NULL;
    if (!p->cur_names)
        return err_set(RASD_ERR_PARSE, "%s:%u: entry %s has no names",
                       e->file, e->line, e->id);
    if (e->type == ACTORS_PERSON && !p->n_roles)
        return err_set(RASD_ERR_PARSE, "%s:%u: person %s has no role",
                       e->file, e->line, e->id);
    if (p->n_roles) {
        actors_role *r = arena_alloc(&p->d->mem, p->n_roles * sizeof *r);
        if (!r)
            return err_set(RASD_ERR_NOMEM, "actors: out of memory");
        memcpy(r, p->roles, p->n_roles * sizeof *r);
        e->roles = r;
        e->n_roles = p->n_roles;
    }
    p->n_roles = 0;
    return RASD_OK;
}

static bool valid_id(span x)
{
    if (!x.n || x.n > 64 || x.s[0] < 'A' || x.s[0] > 'Z')
        return false;
    for (size_t i = 0; i < x.n; i++) {
        char c = x.s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

static bool parse_type(span v, actors_type *t)
{
    static const struct { const char *s; actors_type t; } types[] = {
        {"country", ACTORS_COUNTRY}, {"igo", ACTORS_IGO},
        {"group", ACTORS_GROUP}, {"person", ACTORS_PERSON},
        {"org", ACTORS_ORG}, {"region", ACTORS_REGION}};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (tspan_eq(v, types[i].s)) {
            *t = types[i].t;
            return true;
        }
    return false;
}

static bool iso3(span v)
{
    if (v.n != 3)
        return false;
    for (size_t i = 0; i < 3; i++)
        if (v.s[i] < 'A' || v.s[i] > 'Z')
            return false;
    return true;
}

/* Next key=value of an ACTOR line; value may be "quoted". */
static rasd_status attr_next(parser *p, span *rest, span *key, span *val)
{
    *rest = tspan_trim(*rest);
    size_t i = 0;
    while (i < rest->n && rest->s[i] != '=' && !is_ws(rest->s[i]))
        i++;
    if (i == rest->n || rest->s[i] != '=' || i == 0) {
        span w = word(rest);
        return perr(p, "bad attribute (expected key=value):", w);
    }
    *key = (span){rest->s, i};
    const char *v = rest->s + i + 1, *end = rest->s + rest->n;
    if (v < end && *v == '"') {
        const char *q = memchr(v + 1, '"', (size_t)(end - v - 1));
        if (!q)
            return perr(p, "unterminated quote after", *key);
        *val = (span){v + 1, (size_t)(q - v - 1)};
        v = q + 1;
    } else {
        const char *w = v;
        while (w < end && !is_ws(*w))
            w++;
        *val = (span){v, (size_t)(w - v)};
        v = w;
    }
    rest->n -= (size_t)(v - rest->s);
    rest->s = v;
    return RASD_OK;
}

typedef struct actor_attrs {
    span type, country, sector, en;
} actor_attrs;

static rasd_status parse_attrs(parser *p, span rest, actor_attrs *a)
{
    memset(a, 0, sizeof *a);
    while (tspan_trim(rest).n) {
        span k, v, *slot = NULL;
        rasd_status st = attr_next(p, &rest, &k, &v);
        if (st)
            return st;
        if (tspan_eq(k, "type"))
            slot = &a->type;
        else if (tspan_eq(k, "country"))
            slot = &a->country;
        else if (tspan_eq(k, "sector"))
            slot = &a->sector;
        else if (tspan_eq(k, "en"))
            slot = &a->en;
        else
            return perr(p, "unknown attribute", k);
        if (slot->s)
            return perr(p, "duplicate attribute", k);
        *slot = v;
    }
    return RASD_OK;
}

static rasd_status check_attrs(parser *p, span id, const actor_attrs *a,
                               actors_type *t)
{
    if (!a->type.s)
        return perr(p, "missing type= for", id);
    if (!parse_type(a->type, t))
        return perr(p, "unknown type", a->type);
    if (a->country.s && !iso3(a->country))
        return perr(p, "bad country code", a->country);
    if (a->sector.s && !act_is_sector(a->sector.s, a->sector.n))
        return perr(p, "unknown sector", a->sector);
    if (!a->en.s)
        return perr(p, "missing en= for", id);
    if (*t == ACTORS_COUNTRY && !a->country.s && !iso3(id))
        return perr(p, "country entry needs a 3-letter id or country=:", id);
    return RASD_OK;
}

static rasd_status parse_actor(parser *p, span rest)
{
    rasd_status st = finish_entry(p);
    if (st)
        return st;
    span id = word(&rest);
    if (!id.n)
        return perr(p, "ACTOR without id", NOSPAN);
    if (!valid_id(id))
        return perr(p, "bad id (want upper-case ASCII, digits, _):", id);
    actor_attrs a;
    actors_type t = ACTORS_ORG;
    if ((st = parse_attrs(p, rest, &a)) || (st = check_attrs(p, id, &a, &t)))
        return st;
    actors_entry *e = arena_calloc(&p->d->mem, sizeof *e);
    if (!e)
        return err_set(RASD_ERR_NOMEM, "actors: out of memory");
    e->type = t;
    span c = a.country.s ? a.country : (t == ACTORS_COUNTRY ? id : NOSPAN);
    if (c.s)
        memcpy(e->country, c.s, 3);
    if (a.sector.s)
        memcpy(e->sector, a.sector.s, 3);
    e->id = arena_strndup(&p->d->mem, id.s, id.n);
    e->en = arena_strndup(&p->d->mem, a.en.s, a.en.n);
    e->code = act_code_join(p->d, e->country, e->sector);
    e->file = p->file;
    e->line = p->line;
    if (!e->id || !e->en || !e->code)
        return err_set(RASD_ERR_NOMEM, "actors: out of memory");
    if ((st = act_entry_add(p->d, e, true)))
        return st;
    p->cur = e;
    p->cur_names = 0;
    p->n_roles = 0;
    return RASD_OK;
}

/* ------------------------------------------------------------ names */

/* Index every ';'-separated phrase of `rest` with variant v. */
static rasd_status index_list(parser *p, span rest, const act_variant *v,
                              size_t *count)
{
    rest = tspan_trim(rest);
    if (!rest.n)
        return perr(p, "empty name", NOSPAN);
    while (true) {
        const char *semi = memchr(rest.s, ';', rest.n);
        size_t len = semi ? (size_t)(semi - rest.s) : rest.n;
        span item = tspan_trim((span){rest.s, len});
        if (!item.n)
            return perr(p, "empty name in list", NOSPAN);
        rasd_status st = act_index_phrase(p->d, &p->sc, item.s, item.n, v, NULL);
        if (st)
            return st;
        (*count)++;
        if (!semi)
            return RASD_OK;
        rest = (span){semi + 1, rest.n - len - 1};
    }
}

static rasd_status parse_names(parser *p, span dir, span rest)
{
    actors_entry *e = p->cur;
    if (!e)
        return perr(p, "name line before any ACTOR:", dir);
    act_variant v = {e, ACTORS_NAME, e->country, e->sector, e->code,
                     p->file, p->line, true, false, false};
    size_t blocked = 0;
    if (tspan_eq(dir, "not")) {
        v.kind = ACT_KIND_BLOCK;
        return index_list(p, rest, &v, &blocked);
    }
    if (tspan_eq(dir, "adj")) {
        v.kind = ACTORS_ADJ;
        v.inflect = true;
    } else if (tspan_eq(dir, "metonym")) {
        if (!e->country[0])
            return perr(p, "metonym needs country= on entry", (span){e->id, strlen(e->id)});
        span save = rest, sec = word(&rest);
        if (sec.n == 3 && act_is_sector(sec.s, sec.n)) {
            v.sector = arena_strndup(&p->d->mem, sec.s, 3);
        } else {
            rest = save;
            v.sector = "GOV";
        }
        v.kind = ACTORS_METONYM;
        v.code = v.sector ? act_code_join(p->d, e->country, v.sector) : NULL;
        if (!v.sector || !v.code)
            return err_set(RASD_ERR_NOMEM, "actors: out of memory");
    }
    return index_list(p, rest, &v, &p->cur_names);
}

static rasd_status parse_role(parser *p, span rest)
{
    if (!p->cur)
        return perr(p, "role before any ACTOR", NOSPAN);
    span code = word(&rest), from = word(&rest), to = word(&rest);
    if (!to.n)
        return perr(p, "role needs CODE FROM TO", NOSPAN);
    if (!act_is_code(code.s, code.n))
        return perr(p, "bad role code", code);
    actors_role r = {NULL, 0, 0, ""};
    if (!parse_date(from, false, &r.from))
        return perr(p, "bad date", from);
    if (!parse_date(to, true, &r.to))
        return perr(p, "bad date", to);
    if (r.from > r.to)
        return perr(p, "role ends before it starts:", code);
    span label = tspan_trim(rest);
    if (label.n && label.s[0] == '"') {
        if (label.n < 2 || label.s[label.n - 1] != '"')
            return perr(p, "unterminated quote in role label", NOSPAN);
        label = (span){label.s + 1, label.n - 2};
    }
    r.code = arena_strndup(&p->d->mem, code.s, code.n);
    r.label = arena_strndup(&p->d->mem, label.s ? label.s : "", label.n);
    if (!r.code || !r.label ||
        (p->n_roles == p->cap_roles &&
         !(p->roles = realloc(p->roles, (p->cap_roles = p->cap_roles * 2 + 8) *
                                            sizeof *p->roles))))
        return err_set(RASD_ERR_NOMEM, "actors: out of memory");
    p->roles[p->n_roles++] = r;
    return RASD_OK;
}

static rasd_status actors_line(parser *p, span x)
{
    span dir;
    if (x.s[0] == '=') {
        dir = (span){x.s, 1};
        x.s++;
        x.n--;
    } else {
        dir = word(&x);
    }
    if (tspan_eq(dir, "ACTOR"))
        return parse_actor(p, x);
    if (tspan_eq(dir, "=") || tspan_eq(dir, "adj") || tspan_eq(dir, "metonym") ||
        tspan_eq(dir, "not"))
        return parse_names(p, dir, x);
    if (tspan_eq(dir, "role"))
        return parse_role(p, x);
    if (tspan_eq(dir, "src"))
        return p->cur ? RASD_OK : perr(p, "src before any ACTOR", NOSPAN);
    return perr(p, "unknown directive", dir);
}

/* ------------------------------------------------------------ agents */

static rasd_status agents_line(parser *p, span x)
{
    span sec = word(&x);
    if (tspan_eq(sec, "not")) {
        act_variant b = {NULL, ACT_KIND_BLOCK, "", "", "", p->file, p->line,
                         true, false, false};
        size_t n = 0;
        return index_list(p, x, &b, &n);
    }
    if (!act_is_sector_code(sec.s, sec.n))
        return perr(p, "unknown sector", sec);
    span save = x, w = word(&x);
    bool infl = tspan_eq(w, "infl");
    if (!infl)
        x = save;
    const char *s = arena_strndup(&p->d->mem, sec.s, sec.n);
    if (!s)
        return err_set(RASD_ERR_NOMEM, "actors: out of memory");
    act_variant v = {NULL, ACTORS_AGENT, "", s, s, p->file, p->line, true, infl,
                     false};
    size_t n = 0;
    rasd_status st = index_list(p, x, &v, &n);
    if (!st)
        act_layer_cur(p->d)->st.agents++;
    return st;
}

/* ------------------------------------------------------------ driver */

typedef rasd_status (*line_fn)(parser *, span);

static rasd_status check_line(parser *p, span x)
{
    if (memchr(x.s, '\0', x.n))
        return perr(p, "NUL byte in line", NOSPAN);
    size_t bad = utf8_find_invalid(x.s, x.n);
    if (bad < x.n)
        return err_set(RASD_ERR_PARSE, "%s:%u: invalid UTF-8 at column %zu",
                       p->file, p->line, bad + 1);
    return RASD_OK;
}

static rasd_status parse_buf(actors_dict *d, const char *name, const char *data,
                             size_t len, line_fn fn)
{
    if (!d || (!data && len))
        return err_set(RASD_ERR_ARG, "actors: NULL argument");
    rasd_status st = act_layer_begin(d, name);
    if (st)
        return st;
    parser p = {.d = d, .file = act_layer_cur(d)->name};
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    const char *end = data + len;
    for (const char *s = data; s < end && !st;) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        span x = {s, nl ? (size_t)(nl - s) : (size_t)(end - s)};
        s = nl ? nl + 1 : end;
        p.line++;
        if ((st = check_line(&p, x)))
            break;
        x = tspan_strip_comment(x);
        if (x.n)
            st = fn(&p, x);
    }
    if (!st)
        st = finish_entry(&p);
    act_scratch_free(&p.sc);
    free(p.roles);
    return st;
}

rasd_status actors_load_mem(actors_dict *d, const char *name, const char *data,
                            size_t len)
{
    return parse_buf(d, name ? name : "(memory)", data, len, actors_line);
}

rasd_status actors_load_agents_mem(actors_dict *d, const char *name,
                                   const char *data, size_t len)
{
    return parse_buf(d, name ? name : "(memory)", data, len, agents_line);
}

static bool ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

rasd_status actors_load_file(actors_dict *d, const char *path)
{
    if (!d || !path)
        return err_set(RASD_ERR_ARG, "actors: NULL argument");
    char *text;
    size_t len;
    rasd_status st = file_read_all(path, &text, &len, ACT_MAX_FILE);
    if (st)
        return st;
    if (ends_with(path, ".txt"))
        st = actors_load_agents_mem(d, path, text, len);
    else
        st = actors_load_mem(d, path, text, len);
    free(text);
    return st;
}

rasd_status actors_load(const char *dir, actors_dict **out)
{
    if (!out)
        return err_set(RASD_ERR_ARG, "actors: NULL argument");
    *out = NULL;
    if (!dir)
        return err_set(RASD_ERR_ARG, "actors: NULL argument");
    char **paths;
    size_t n;
    rasd_status st = dir_list(dir, ".actors", "actor", &paths, &n);
    if (st)
        return st;
    actors_dict *d = NULL;
    if (!n)
        st = err_set(RASD_ERR_NOTFOUND, "%s: no *.actors files", dir);
    if (!st)
        st = actors_new(&d);
    for (size_t i = 0; i < n && !st; i++)
        st = actors_load_file(d, paths[i]);
    dir_list_free(paths, n);
    if (!st) {
        size_t need = strlen(dir) + sizeof "/agents.txt";
        char *ag = malloc(need);
        struct stat sb;
        if (!ag)
            st = err_set(RASD_ERR_NOMEM, "actors: out of memory");
        else {
            snprintf(ag, need, "%s/agents.txt", dir);
            if (stat(ag, &sb) == 0)
                st = actors_load_file(d, ag);
            free(ag);
        }
    }
    if (st) {
        actors_free(d);
        return st;
    }
    *out = d;
    return RASD_OK;
}
