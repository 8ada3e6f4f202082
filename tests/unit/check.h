/* check.h - a minimal unit-test harness. Each test file defines test
 * functions and a main() that calls RUN(fn) for each, then CHECK_DONE().
 * The closing line has the form "unit <file>: N passed, N failed". */
#ifndef RASD_CHECK_H
#define RASD_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_pass, check_fail;
static const char *check_cur = "";

#define CHECK(cond)                                                           \
    do {                                                                      \
        if (cond) {                                                           \
            check_pass++;                                                     \
        } else {                                                              \
            check_fail++;                                                     \
            fprintf(stderr, "FAIL %s:%d [%s]: %s\n", __FILE__, __LINE__,      \
                    check_cur, #cond);                                        \
        }                                                                     \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                    \
    do {                                                                      \
        long long check_a = (long long)(a), check_b = (long long)(b);         \
        if (check_a == check_b) {                                             \
            check_pass++;                                                     \
        } else {                                                              \
            check_fail++;                                                     \
            fprintf(stderr, "FAIL %s:%d [%s]: %s == %lld, expected %lld\n",   \
                    __FILE__, __LINE__, check_cur, #a, check_a, check_b);     \
        }                                                                     \
    } while (0)

#define CHECK_EQ_STR(a, b)                                                    \
    do {                                                                      \
        const char *check_a = (a), *check_b = (b);                            \
        if (check_a && check_b && strcmp(check_a, check_b) == 0) {            \
            check_pass++;                                                     \
        } else {                                                              \
            check_fail++;                                                     \
            fprintf(stderr, "FAIL %s:%d [%s]: %s == \"%s\", expected \"%s\"\n", \
                    __FILE__, __LINE__, check_cur, #a,                        \
                    check_a ? check_a : "(null)", check_b ? check_b : "(null)"); \
        }                                                                     \
    } while (0)

#define RUN(fn)                                                               \
    do {                                                                      \
        check_cur = #fn;                                                      \
        fn();                                                                 \
    } while (0)

#define CHECK_DONE()                                                          \
    do {                                                                      \
        printf("unit %s: %d passed, %d failed\n", __FILE__, check_pass,       \
               check_fail);                                                   \
        return check_fail ? 1 : 0;                                            \
    } while (0)

#endif
