/* test_textfile.c - the helpers rasd's dictionary readers share: sorted
 * data-directory listings and line slices. */
#include "check.h"
#include "util/textfile.h"
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void touch(const char *dir, const char *name)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    CHECK(f != NULL);
    if (f)
        fclose(f);
}

static void test_dir_list(void)
{
    char dir[] = "/tmp/rasd-textfile-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    touch(dir, "b.verbs");
    touch(dir, "a.verbs");
    touch(dir, ".hidden.verbs");
    touch(dir, "notes.txt");
    char **v;
    size_t n;
    CHECK_EQ_INT(dir_list(dir, ".verbs", "trigger lexicon", &v, &n), RASD_OK);
    CHECK_EQ_INT(n, 2);
    if (n == 2) {
        CHECK(strstr(v[0], "/a.verbs") != NULL);
        CHECK(strstr(v[1], "/b.verbs") != NULL);
    }
    dir_list_free(v, n);
    CHECK_EQ_INT(dir_list(dir, ".places", "places", &v, &n), RASD_OK);
    CHECK_EQ_INT(n, 0);
    CHECK(v == NULL);
    const char *names[] = {"a.verbs", "b.verbs", ".hidden.verbs", "notes.txt"};
    for (size_t k = 0; k < 4; k++) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", dir, names[k]);
        unlink(p);
    }
    rmdir(dir);
    CHECK_EQ_INT(dir_list(dir, ".verbs", "trigger lexicon", &v, &n), RASD_ERR_IO);
    CHECK(strstr(rasd_errmsg(), "cannot open trigger lexicon directory") != NULL);
}

static void test_spans(void)
{
    const char *line = "  ACTOR X en=\"two words\" # note \"#\"\r";
    tspan x = tspan_strip_comment((tspan){line, strlen(line)});
    CHECK(tspan_eq(tspan_word(&x, false), "ACTOR"));
    CHECK(tspan_eq(tspan_word(&x, false), "X"));
    tspan q = x;
    CHECK(tspan_eq(tspan_word(&q, true), "en=\"two words\""));
    CHECK(tspan_eq(tspan_word(&x, false), "en=\"two"));
    CHECK(tspan_eq(tspan_strip_comment((tspan){"a \"#b\" # c", 11}), "a \"#b\""));
    CHECK(tspan_eq(tspan_trim((tspan){" \t\r", 3}), ""));
}

int main(void)
{
    RUN(test_dir_list);
    RUN(test_spans);
    CHECK_DONE();
}
