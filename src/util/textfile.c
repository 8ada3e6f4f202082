/* textfile.c - see textfile.h. */
#include "util/textfile.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

void dir_list_free(char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}

/* Append "dir/name" to *v. */
static bool list_add(char ***v, size_t *n, size_t *cap, const char *dir, const char *name)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        char **nv = realloc(*v, nc * sizeof *nv);
        if (!nv)
            return false;
        *v = nv;
        *cap = nc;
    }
    size_t need = strlen(dir) + strlen(name) + 2;
    char *path = malloc(need);
    if (!path)
        return false;
    snprintf(path, need, "%s/%s", dir, name);
    (*v)[(*n)++] = path;
    return true;
}

rasd_status dir_list(const char *dir, const char *ext, const char *what, char ***paths,
                     size_t *n)
{
    *paths = NULL;
    *n = 0;
    DIR *dp = opendir(dir);
    if (!dp)
        return err_set(RASD_ERR_IO, "%s: cannot open %s directory", dir, what);
    size_t cap = 0;
    bool ok = true;
    struct dirent *de;
    while (ok && (de = readdir(dp)))
        if (de->d_name[0] != '.' && ends_with(de->d_name, ext))
            ok = list_add(paths, n, &cap, dir, de->d_name);
    closedir(dp);
    if (!ok) {
        dir_list_free(*paths, *n);
        *paths = NULL;
        *n = 0;
        return err_set(RASD_ERR_NOMEM, "%s: out of memory listing %s files", dir, ext);
    }
    if (*n)
        qsort(*paths, *n, sizeof **paths, cmp_str);
    return RASD_OK;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

tspan tspan_trim(tspan x)
{
    while (x.n && is_ws(x.s[0])) {
        x.s++;
        x.n--;
    }
    while (x.n && is_ws(x.s[x.n - 1]))
        x.n--;
    return x;
}

tspan tspan_word(tspan *x, bool quotes)
{
    *x = tspan_trim(*x);
    size_t i = 0;
    bool q = false;
    while (i < x->n && (q || !is_ws(x->s[i]))) {
        if (quotes && x->s[i] == '"')
            q = !q;
        i++;
    }
    tspan w = {x->s, i};
    x->s += i;
    x->n -= i;
    return w;
}

bool tspan_eq(tspan x, const char *lit)
{
    size_t k = strlen(lit);
    return x.n == k && memcmp(x.s, lit, k) == 0;
}

tspan tspan_strip_comment(tspan x)
{
    bool q = false;
    for (size_t i = 0; i < x.n; i++) {
        if (x.s[i] == '"')
            q = !q;
        else if (x.s[i] == '#' && !q) {
            x.n = i;
            break;
        }
    }
    return tspan_trim(x);
}
