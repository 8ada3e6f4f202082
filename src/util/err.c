/* err.c - the thread-local error message behind rasd_errmsg(). */
#include "util.h"
#include <stdio.h>
#include <stdlib.h>

static _Thread_local char err_msg[1024];

rasd_status err_set(rasd_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err_msg, sizeof err_msg, fmt, ap);
    va_end(ap);
    return st;
}

void err_clear(void) { err_msg[0] = '\0'; }

const char *rasd_errmsg(void) { return err_msg; }

void rasd_free(void *p) { free(p); }

const char *rasd_version(void) { return RASD_VERSION_STRING; }

const char *rasd_status_str(rasd_status st)
{
    switch (st) {
    case RASD_OK: return "ok";
    case RASD_DONE: return "done";
    case RASD_ERR_NOMEM: return "out of memory";
    case RASD_ERR_IO: return "I/O error";
    case RASD_ERR_ARG: return "invalid argument";
    case RASD_ERR_UTF8: return "invalid UTF-8";
    case RASD_ERR_BINARY: return "binary input";
    case RASD_ERR_EMPTY: return "empty input";
    case RASD_ERR_PARSE: return "parse error";
    case RASD_ERR_LIMIT: return "limit exceeded";
    case RASD_ERR_FORMAT: return "unsupported format";
    case RASD_ERR_NOTFOUND: return "not found";
    }
    return "unknown status";
}
