/* petrarch.c - import PETRARCH/TABARI actor and agent dictionaries as extra
 * layers (e.g. UD-PETRARCH's actor_dict_ar_v4.txt, agents.all.ar_v3.txt).
 *
 * Actor dictionary syntax, as found in those files:
 *   NAME_WORDS_ [CODE]          a base actor with an undated code
 *   NAME_WORDS_                 a base actor whose codes follow
 *   +SYNONYM_WORDS_             another name of the actor above
 *   \t[CODE 20090331-20120101]  a dated code (YYYYMMDD or YYMMDD)
 *   \t[CODE >20130101]          from a date; [CODE <20130101] until a date
 *   { ... }  # ...              comments
 * Words are joined by '_' (sometimes by spaces). An end date earlier than
 * the start (the files use 18000101 as a placeholder) is read as open.
 * Agent dictionary lines are NAME_ [~SEC] (or [SEC~]).
 *
 * Import is lenient: what cannot be used is skipped and counted, and names
 * already in the dictionary keep their earlier meaning. */
#include "actors_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PETR_MAX_ROLES 64
#define PETR_MAX_NAMES 64

typedef struct pspan {
    const char *s;
    size_t n;
} pspan;

typedef struct petr {
    actors_dict *d;
    act_scratch sc;
    actors_import_stats *st;
    const char *file;
    unsigned line;
    /* the actor being read */
    unsigned ent_line;
    pspan names[PETR_MAX_NAMES];
    unsigned name_line[PETR_MAX_NAMES];
    size_t n_names;
    actors_role roles[PETR_MAX_ROLES];
    size_t n_roles;
    bool open;
    char *tmp;                  /* a name with '_' turned into spaces */
    size_t tmp_cap;
} petr;

static pspan ptrim(pspan x)
{
    while (x.n && (x.s[0] == ' ' || x.s[0] == '\t'))
        x.s++, x.n--;
    while (x.n && (x.s[x.n - 1] == ' ' || x.s[x.n - 1] == '\t' ||
                   x.s[x.n - 1] == '\r'))
        x.n--;
    return x;
}

static void skip(petr *p, unsigned line)
{
    p->st->skipped++;
    if (!p->st->first_skip_line || line < p->st->first_skip_line)
        p->st->first_skip_line = line;
}

/* Drop '#' comments and {...} comments (an unclosed '{' runs to the end). */
static pspan strip_comments(pspan x)
{
    for (size_t i = 0; i < x.n; i++) {
        if (x.s[i] == '#' || x.s[i] == '{') {
            x.n = i;
            break;
        }
    }
    return ptrim(x);
}

/* ------------------------------------------------------------ codes, dates */

/* Leading [A-Z~]+ of a bracket's first word, '~' removed, into out[16]. */
static size_t petr_code(pspan x, char *out)
{
    size_t k = 0, i = 0;
    while (i < x.n && x.s[i] == ' ')
        i++;
    for (; i < x.n; i++) {
        char c = x.s[i];
        if (c == '~')
            continue;
        if (c < 'A' || c > 'Z')
            break;
        if (k == 15)
            return 0;
        out[k++] = c;
    }
    out[k] = '\0';
    return k >= 3 ? k : 0;
}

/* YYYYMMDD or YYMMDD (TABARI: 2-digit years below 30 are 20xx). */
static bool petr_date(pspan x, int32_t *out)
{
    x = ptrim(x);
    if (x.n != 6 && x.n != 8)
        return false;
    int32_t v = 0;
    for (size_t i = 0; i < x.n; i++) {
        if (x.s[i] < '0' || x.s[i] > '9')
            return false;
        v = v * 10 + (x.s[i] - '0');
    }
    if (x.n == 6)
        v += (v / 10000 < 30 ? 20000000 : 19000000);
    int m = v / 100 % 100, d = v % 100;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    *out = v;
    return true;
}

/* "CODE", "CODE A-B", "CODE >A", "CODE <B" (inside the brackets). */
static bool petr_role(petr *p, pspan in, actors_role *r)
{
    char code[16];
    in = ptrim(in);
    if (!petr_code(in, code))
        return false;
    size_t i = 0;
    while (i < in.n && in.s[i] != ' ' && in.s[i] != '\t')
        i++;
    pspan rest = ptrim((pspan){in.s + i, in.n - i});
    r->from = 0;
    r->to = 99999999;
    if (rest.n && rest.s[0] == '>') {
        if (!petr_date((pspan){rest.s + 1, rest.n - 1}, &r->from))
            return false;
    } else if (rest.n && rest.s[0] == '<') {
        if (!petr_date((pspan){rest.s + 1, rest.n - 1}, &r->to))
            return false;
    } else if (rest.n) {
        const char *dash = memchr(rest.s, '-', rest.n);
        if (!dash || !petr_date((pspan){rest.s, (size_t)(dash - rest.s)}, &r->from) ||
            !petr_date((pspan){dash + 1, rest.n - (size_t)(dash - rest.s) - 1}, &r->to))
            return false;
        if (r->to < r->from)
            r->to = 99999999; /* placeholder end date */
    }
    r->code = arena_strdup(&p->d->mem, code);
    r->label = "";
    return r->code != NULL;
}

/* Text between the first '[' and the following ']' (or line end). */
static bool bracket(pspan x, pspan *in, size_t *at)
{
    const char *lb = memchr(x.s, '[', x.n);
    if (!lb)
        return false;
    const char *end = x.s + x.n;
    const char *rb = memchr(lb, ']', (size_t)(end - lb));
    *in = (pspan){lb + 1, (size_t)((rb ? rb : end) - lb - 1)};
    *at = (size_t)(lb - x.s);
    return true;
}

/* ------------------------------------------------------------ names */

static rasd_status petr_index(petr *p, pspan name, unsigned line,
                              const act_variant *v0)
{
    name = ptrim(name);
    if (p->tmp_cap < name.n + 1) {
        char *t = realloc(p->tmp, name.n + 1);
        if (!t)
            return err_set(RASD_ERR_NOMEM, "actors: out of memory");
        p->tmp = t;
        p->tmp_cap = name.n + 1;
    }
    for (size_t i = 0; i < name.n; i++)
        p->tmp[i] = name.s[i] == '_' ? ' ' : name.s[i];
    act_variant v = *v0;
    v.line = line;
    act_outcome oc;
    rasd_status st = act_index_phrase(p->d, &p->sc, p->tmp, name.n, &v, &oc);
    if (st)
        return st;
    if (oc == ACT_ADDED)
        p->st->variants++;
    else if (oc == ACT_SHADOWED)
        p->st->shadowed++;
    else
        skip(p, line);
    return RASD_OK;
}

/* Country and sector from a code: USAGOV -> USA, GOV; MIL -> "", MIL. */
static void code_parts(actors_entry *e, const char *code)
{
    size_t n = strlen(code);
    if (act_is_sector(code, 3)) {
        memcpy(e->sector, code, 3);
        return;
    }
    memcpy(e->country, code, 3);
    if (n >= 6 && act_is_sector(code + 3, 3))
        memcpy(e->sector, code + 3, 3);
}

static rasd_status petr_finish(petr *p)
{
    if (!p->open)
        return RASD_OK;
    p->open = false;
    if (!p->n_roles || !p->n_names) {
        skip(p, p->ent_line);
        return RASD_OK;
    }
    actors_dict *d = p->d;
    actors_entry *e = arena_calloc(&d->mem, sizeof *e);
    actors_role *r = arena_alloc(&d->mem, p->n_roles * sizeof *r);
    char id[48];
    snprintf(id, sizeof id, "P%zu_%u", d->n_layers, p->ent_line);
    if (!e || !r || !(e->id = arena_strdup(&d->mem, id)))
        return err_set(RASD_ERR_NOMEM, "actors: out of memory");
    memcpy(r, p->roles, p->n_roles * sizeof *r);
    e->type = ACTORS_IMPORTED;
    e->en = "";
    e->roles = r;
    e->n_roles = p->n_roles;
    e->file = p->file;
    e->line = p->ent_line;
    code_parts(e, r[0].code);
    e->code = r[0].code;
    /* index first: an entry none of whose names is usable is dropped */
    act_variant v = {e, ACTORS_NAME, e->country, e->sector, e->code,
                     p->file, p->ent_line, false, false, true};
    size_t before = p->st->variants;
    rasd_status st = RASD_OK;
    for (size_t i = 0; i < p->n_names && !st; i++)
        st = petr_index(p, p->names[i], p->name_line[i], &v);
    if (st || p->st->variants == before)
        return st;
    if ((st = act_entry_add(d, e, false)))
        return st;
    p->st->entries++;
    return RASD_OK;
}

static void add_name(petr *p, pspan name)
{
    if (p->n_names == PETR_MAX_NAMES) {
        skip(p, p->line);
        return;
    }
    p->name_line[p->n_names] = p->line;
    p->names[p->n_names++] = name;
}

static void add_role(petr *p, pspan in)
{
    actors_role r;
    if (p->n_roles == PETR_MAX_ROLES || !petr_role(p, in, &r)) {
        skip(p, p->line);
        return;
    }
    p->roles[p->n_roles++] = r;
}

static rasd_status actor_line(petr *p, pspan x)
{
    pspan in;
    size_t at;
    if (x.s[0] == '[') {                 /* dated code of the open actor */
        if (!p->open)
            skip(p, p->line);
        else if (bracket(x, &in, &at))
            add_role(p, in);
        return RASD_OK;
    }
    if (x.s[0] == '+') {                 /* synonym */
        if (!p->open)
            skip(p, p->line);
        else
            add_name(p, (pspan){x.s + 1, x.n - 1});
        return RASD_OK;
    }
    rasd_status st = petr_finish(p);     /* a new base actor */
    if (st)
        return st;
    p->open = true;
    p->ent_line = p->line;
    p->n_names = p->n_roles = 0;
    if (bracket(x, &in, &at)) {
        add_name(p, (pspan){x.s, at});
        add_role(p, in);
    } else {
        add_name(p, x);
    }
    return RASD_OK;
}

static rasd_status agent_line(petr *p, pspan x)
{
    pspan in;
    size_t at;
    char code[16];
    size_t k;
    /* sector codes, possibly compound: ~GOV, ~GOVHLH, ~REBMUS */
    if (x.s[0] == '+' || !bracket(x, &in, &at) || !(k = petr_code(in, code)) ||
        k % 3 || k > 9) {
        skip(p, p->line);
        return RASD_OK;
    }
    const char *sec = arena_strdup(&p->d->mem, code);
    if (!sec)
        return err_set(RASD_ERR_NOMEM, "actors: out of memory");
    act_variant v = {NULL, ACTORS_AGENT, "", sec, sec, p->file, p->line,
                     false, false, true};
    size_t before = p->st->variants;
    rasd_status st = petr_index(p, (pspan){x.s, at}, p->line, &v);
    if (!st && p->st->variants > before) {
        p->st->entries++;
        act_layer_cur(p->d)->st.agents++;
    }
    return st;
}

rasd_status actors_load_petrarch_mem(actors_dict *d, const char *name,
                                     const char *data, size_t len,
                                     actors_petr_kind kind,
                                     actors_import_stats *st)
{
    actors_import_stats dummy;
    if (!st)
        st = &dummy;
    memset(st, 0, sizeof *st);
    if (!d || (!data && len) ||
        (kind != ACTORS_PETR_ACTORS && kind != ACTORS_PETR_AGENTS))
        return err_set(RASD_ERR_ARG, "actors: bad argument to PETRARCH import");
    rasd_status rc = act_layer_begin(d, name ? name : "(memory)");
    if (rc)
        return rc;
    petr p = {.d = d, .st = st, .file = act_layer_cur(d)->name};
    const char *end = data + len;
    for (const char *s = data; s < end && !rc;) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        pspan x = {s, nl ? (size_t)(nl - s) : (size_t)(end - s)};
        s = nl ? nl + 1 : end;
        p.line++;
        if (memchr(x.s, '\0', x.n) || utf8_find_invalid(x.s, x.n) < x.n) {
            skip(&p, p.line);
            continue;
        }
        x = strip_comments(x);
        if (!x.n || (x.n >= 2 && memcmp(x.s, "<!", 2) == 0))
            continue;
        rc = kind == ACTORS_PETR_ACTORS ? actor_line(&p, x) : agent_line(&p, x);
    }
    if (!rc && kind == ACTORS_PETR_ACTORS)
        rc = petr_finish(&p);
    act_scratch_free(&p.sc);
    free(p.tmp);
    return rc;
}

rasd_status actors_load_petrarch(actors_dict *d, const char *path,
                                 actors_petr_kind kind,
                                 actors_import_stats *st)
{
    if (!d || !path)
        return err_set(RASD_ERR_ARG, "actors: NULL argument");
    char *text;
    size_t len;
    rasd_status rc = file_read_all(path, &text, &len, 256u << 20);
    if (rc)
        return rc;
    rc = actors_load_petrarch_mem(d, path, text, len, kind, st);
    free(text);
    return rc;
}
