/* textfile.h - what rasd's own dictionary readers (actors, places, trigger
 * lexicon) share: the sorted file list of a data directory and slices of
 * a line (words, "quoted" parts, # comments). */
#ifndef RASD_TEXTFILE_H
#define RASD_TEXTFILE_H

#include "util/util.h"

/* The paths "dir/NAME" of the files of `dir` whose names end in `ext`
 * (".actors"), hidden files excepted, sorted by name. *paths and each
 * string are malloc'd: free them with dir_list_free. Fails with
 * RASD_ERR_IO naming `what` when dir cannot be opened, RASD_ERR_NOMEM;
 * *paths is NULL and *n 0 after a failure. An empty list is no error. */
rasd_status dir_list(const char *dir, const char *ext, const char *what, char ***paths,
                     size_t *n);
void dir_list_free(char **paths, size_t n);

/* A slice of a line (not NUL-terminated). */
typedef struct tspan {
    const char *s;
    size_t n;
} tspan;

/* Without spaces, tabs and carriage returns at either end. */
tspan tspan_trim(tspan x);
/* The next word of *x (consumed); with `quotes`, "quoted parts" may hold
 * spaces. */
tspan tspan_word(tspan *x, bool quotes);
bool tspan_eq(tspan x, const char *lit);
/* x cut at a '#' outside double quotes, trimmed. */
tspan tspan_strip_comment(tspan x);

#endif
