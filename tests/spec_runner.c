/* spec_runner.c - runs the cmark-style examples in tests/spec/ files (format in
 * tests/spec/README.md), in-process through the CLI library and, with
 * --cli PATH, through the built binary. Closing line per file and mode:
 * "spec FILE (lib|cli): N passed, N failed". */
#include "cli.h"
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define FENCE "````````````````````````````````"

typedef struct example {
    char *cmd;          /* command line after "example" */
    buf input, expected;
    int want_exit;
    int line;           /* line number of the opening fence */
} example;

typedef struct runner {
    const char *cli;    /* binary path, or NULL for in-process */
    const char *filter;
    int verbose, pass, fail;
} runner;

/* Replace the visible stand-ins: "→" by a tab. */
static void spec_unescape(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i + 3 <= n && !memcmp(s + i, "\xe2\x86\x92", 3)) { /* → */
            buf_putc(b, '\t');
            i += 2;
        } else {
            buf_putc(b, s[i]);
        }
    }
}

/* Split the command line on spaces; "double quotes" group words. Returns
 * argc; argv[0] is "rasd". Pulls out exit=N. */
static int spec_split(char *cmd, char **argv, int max, int *want_exit)
{
    int argc = 0;
    argv[argc++] = "rasd";
    char *p = cmd;
    while (*p && argc < max - 1) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        char *start = p;
        if (*p == '"') {
            start = ++p;
            while (*p && *p != '"')
                p++;
        } else {
            while (*p && *p != ' ')
                p++;
        }
        if (*p)
            *p++ = '\0';
        if (!strncmp(start, "exit=", 5))
            *want_exit = atoi(start + 5);
        else
            argv[argc++] = start;
    }
    argv[argc] = NULL;
    return argc;
}

static int run_inprocess(char **argv, int argc, const buf *in, buf *out)
{
    FILE *fin = in->len ? fmemopen(in->data, in->len, "r") : fopen("/dev/null", "r");
    char *odata = NULL, *edata = NULL;
    size_t olen = 0, elen = 0;
    FILE *fout = open_memstream(&odata, &olen);
    FILE *ferr = open_memstream(&edata, &elen);
    cli_io io = {fin, fout, ferr};
    int rc = cli_main(argc, argv, &io);
    fclose(fin);
    fclose(fout);
    fclose(ferr);
    buf_put(out, odata, olen);
    free(odata);
    free(edata);
    return rc;
}

static int run_binary(const char *bin, char **argv, const buf *in, buf *out)
{
    char tin[] = "/tmp/rasd-spec-in-XXXXXX", tout[] = "/tmp/rasd-spec-out-XXXXXX";
    int fi = mkstemp(tin), fo = mkstemp(tout);
    if (fi < 0 || fo < 0)
        return -1;
    if (in->len && write(fi, in->data, in->len) != (ssize_t)in->len)
        return -1;
    lseek(fi, 0, SEEK_SET);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fi, 0);
        dup2(fo, 1);
        FILE *devnull = freopen("/dev/null", "w", stderr);
        (void)devnull;
        argv[0] = (char *)bin;
        execv(bin, argv);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    lseek(fo, 0, SEEK_SET);
    char tmp[65536];
    ssize_t n;
    while ((n = read(fo, tmp, sizeof tmp)) > 0)
        buf_put(out, tmp, (size_t)n);
    close(fi);
    close(fo);
    unlink(tin);
    unlink(tout);
    if (!out->data)
        buf_reserve(out, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void run_example(runner *r, const char *file, example *ex)
{
    if (r->filter && !strstr(ex->cmd, r->filter))
        return;
    char *cmd = strdup(ex->cmd);
    char *argv[64];
    int want = 0;
    int argc = spec_split(cmd, argv, 64, &want);
    buf out;
    buf_init(&out);
    buf_reserve(&out, 0);
    if (!ex->input.data)
        buf_reserve(&ex->input, 0);
    if (!ex->expected.data)
        buf_reserve(&ex->expected, 0);
    int rc = r->cli ? run_binary(r->cli, argv, &ex->input, &out)
                    : run_inprocess(argv, argc, &ex->input, &out);
    bool ok = rc == want && out.len == ex->expected.len &&
              !memcmp(out.data, ex->expected.data, out.len);
    if (ok) {
        r->pass++;
    } else {
        r->fail++;
        fprintf(stderr, "FAIL %s:%d: rasd %s (exit %d, expected %d)\n", file,
                ex->line, ex->cmd, rc, want);
        if (r->verbose || rc == want)
            fprintf(stderr, "--- expected\n%s--- got\n%s---\n", ex->expected.data, out.data);
    }
    buf_free(&out);
    free(cmd);
}

/* Parse one example starting after its opening fence line. */
static char *parse_example(char *p, example *ex, int *lineno)
{
    int part = 0; /* 0 input, 1 expected */
    while (*p) {
        char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        (*lineno)++;
        if (n >= 32 && !strncmp(p, FENCE, 32))
            return nl ? nl + 1 : p + n;
        if (part == 0 && n == 1 && p[0] == '.') {
            part = 1;
        } else {
            buf *b = part ? &ex->expected : &ex->input;
            bool no_nl = part == 0 && n >= 3 && !memcmp(p + n - 3, "\xe2\x8f\x8e", 3); /* ⏎ */
            spec_unescape(b, p, no_nl ? n - 3 : n);
            if (!no_nl)
                buf_putc(b, '\n');
        }
        p = nl ? nl + 1 : p + n;
    }
    return p;
}

static int run_file(runner *r, const char *path)
{
    char *text;
    size_t len;
    if (file_read_all(path, &text, &len, 64u << 20) != RASD_OK) {
        fprintf(stderr, "spec: %s\n", rasd_errmsg());
        return -1;
    }
    int lineno = 0;
    char *p = text;
    while (*p) {
        char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        lineno++;
        if (n > 41 && !strncmp(p, FENCE " example ", 41)) {
            example ex = {0};
            ex.line = lineno;
            ex.cmd = strndup(p + 41, n - 41);
            p = parse_example(nl ? nl + 1 : p + n, &ex, &lineno);
            run_example(r, path, &ex);
            free(ex.cmd);
            buf_free(&ex.input);
            buf_free(&ex.expected);
            continue;
        }
        p = nl ? nl + 1 : p + n;
    }
    free(text);
    return 0;
}

int main(int argc, char **argv)
{
    runner r = {0};
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--cli") && i + 1 < argc)
            r.cli = argv[++i];
        else if (!strcmp(argv[i], "--filter") && i + 1 < argc)
            r.filter = argv[++i];
        else if (!strcmp(argv[i], "--verbose"))
            r.verbose = 1;
    }
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--cli") || !strcmp(argv[i], "--filter")) {
            i++;
            continue;
        }
        if (argv[i][0] == '-')
            continue;
        int p0 = r.pass, f0 = r.fail;
        if (run_file(&r, argv[i]) != 0)
            rc = 1;
        printf("spec %s (%s): %d passed, %d failed\n", argv[i], r.cli ? "cli" : "lib",
               r.pass - p0, r.fail - f0);
    }
    return (rc || r.fail) ? 1 : 0;
}
