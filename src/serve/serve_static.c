/* serve_static.c - static files of the web UI. A request path is cleaned
 * (serve_path_clean), mapped through the /vendor/ whitelist for the npm
 * libraries, resolved with realpath and served only when the real file is
 * under the web root, regular, of a served type and not too large. */
#include "serve/serve.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The browser libraries, served straight from web/node_modules (installed
 * by tools/setup.sh with npm): nothing is copied into the repository and
 * nothing else under node_modules is reachable. */
static const struct {
    const char *url, *file;
} static_vendor[] = {
    {"vendor/chart.umd.min.js", "node_modules/chart.js/dist/chart.umd.min.js"},
    {"vendor/cytoscape.min.js", "node_modules/cytoscape/dist/cytoscape.min.js"},
};

/* The file (relative to the root) that a cleaned path names, or NULL. */
static const char *static_map(const char *rel)
{
    if (!strncmp(rel, "vendor/", 7)) {
        for (size_t i = 0; i < sizeof static_vendor / sizeof static_vendor[0]; i++)
            if (!strcmp(rel, static_vendor[i].url))
                return static_vendor[i].file;
        return NULL;
    }
    if (!strncmp(rel, "node_modules/", 13) || !strcmp(rel, "node_modules"))
        return NULL;
    return rel;
}

/* True when `real` is `root` itself or below it. */
static bool static_under(const char *root, const char *real)
{
    size_t n = strlen(root);
    if (strncmp(root, real, n) != 0)
        return false;
    return real[n] == '/' || (n == 1 && root[0] == '/');
}

rasd_status serve_static_open(const char *root, const char *raw, size_t n,
                              int *fd, size_t *size, const char **mime)
{
    char rel[SERVE_MAX_URI + 16];
    rasd_status st = serve_path_clean(raw, n, rel, sizeof rel);
    if (st != RASD_OK)
        return st;
    const char *file = static_map(rel);
    if (!file)
        return err_set(RASD_ERR_NOTFOUND, "not found");
    char path[PATH_MAX], real[PATH_MAX];
    int w = snprintf(path, sizeof path, "%s/%s", root, file);
    if (w < 0 || (size_t)w >= sizeof path)
        return err_set(RASD_ERR_ARG, "path too long");
    /* realpath follows every symlink; the result must still be inside. */
    if (!realpath(path, real) || !static_under(root, real))
        return err_set(RASD_ERR_NOTFOUND, "not found");
    *mime = serve_mime(real);
    if (!*mime)
        return err_set(RASD_ERR_NOTFOUND, "not found");
    int f = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (f < 0)
        return err_set(RASD_ERR_NOTFOUND, "not found");
    struct stat sb;
    if (fstat(f, &sb) != 0 || !S_ISREG(sb.st_mode) ||
        (unsigned long long)sb.st_size > SERVE_MAX_FILE) {
        close(f);
        return err_set(RASD_ERR_NOTFOUND, "not found");
    }
    *fd = f;
    *size = (size_t)sb.st_size;
    return RASD_OK;
}
