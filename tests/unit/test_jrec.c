/* test_jrec.c - the JSONL record parser: strict RFC 8259 syntax, spans of
 * the members the reader uses, string decoding. */
#include "check.h"
#include "ingest/jrec.h"
#include <stdlib.h>

static jrec_status parse(const char *s, jrec *r)
{
    return jrec_parse(s, strlen(s), r);
}

static void test_valid(void)
{
    jrec r;
    CHECK_EQ_INT(parse("{\"text\":\"قال\",\"id\":7,\"x\":[1,{\"text\":2}],\"date\":null}", &r), JREC_OK);
    CHECK_EQ_INT(r.field[JREC_TEXT].type, JREC_STRING);
    CHECK_EQ_INT(r.field[JREC_ID].type, JREC_INTEGER);
    CHECK_EQ_INT(r.field[JREC_DATE].type, JREC_NULL);
    CHECK_EQ_INT(r.field[JREC_TITLE].type, JREC_ABSENT);
    char out[64];
    CHECK_EQ_INT(jrec_decode(&r.field[JREC_TEXT], out), strlen("قال"));
    CHECK_EQ_STR(out, "قال");
    /* nested "text" is not the top-level member */
    CHECK_EQ_INT(parse(" {\"a\": {\"text\": \"no\"}} ", &r), JREC_OK);
    CHECK_EQ_INT(r.field[JREC_TEXT].type, JREC_ABSENT);
    CHECK_EQ_INT(parse("{\"id\": -1.5e3, \"title\": true}", &r), JREC_OK);
    CHECK_EQ_INT(r.field[JREC_ID].type, JREC_REAL);
    CHECK_EQ_INT(r.field[JREC_TITLE].type, JREC_BOOL);
}

static void test_escapes(void)
{
    jrec r;
    char out[64];
    CHECK_EQ_INT(parse("{\"text\":\"a\\n\\\"b\\\\ \\u0642 \\ud83d\\ude00 \\/\"}", &r), JREC_OK);
    CHECK(r.field[JREC_TEXT].escaped);
    jrec_decode(&r.field[JREC_TEXT], out);
    CHECK_EQ_STR(out, "a\n\"b\\ ق 😀 /");
    CHECK_EQ_INT(parse("{\"text\":\"\\u0000\"}", &r), JREC_SYNTAX);
    CHECK_EQ_INT(parse("{\"text\":\"\\ud83d\"}", &r), JREC_SYNTAX);
    CHECK_EQ_INT(parse("{\"text\":\"\\ude00\"}", &r), JREC_SYNTAX);
    CHECK_EQ_INT(parse("{\"text\":\"\\x41\"}", &r), JREC_SYNTAX);
    CHECK_EQ_INT(parse("{\"text\":\"tab\there\"}", &r), JREC_SYNTAX); /* raw control char */
}

static void test_errors(void)
{
    jrec r;
    CHECK_EQ_INT(parse("[1, 2]", &r), JREC_NOT_OBJECT);
    CHECK_EQ_INT(parse("\"just a string\"", &r), JREC_NOT_OBJECT);
    CHECK_EQ_INT(parse("{\"text\": \"abc", &r), JREC_TRUNCATED);
    CHECK_EQ_INT(parse("{\"text\": ", &r), JREC_TRUNCATED);
    CHECK_EQ_INT(parse("{\"text\": tru", &r), JREC_TRUNCATED);
    CHECK_EQ_INT(parse("{\"text\": \"x\"} {}", &r), JREC_SYNTAX);
    CHECK(strstr(r.error, "end of input expected") != NULL);
    CHECK_EQ_INT(r.error_col, 15);
    CHECK_EQ_INT(parse("{\"text\": 01}", &r), JREC_SYNTAX);
    CHECK_EQ_INT(parse("{\"text\": 1.}", &r), JREC_SYNTAX);
    CHECK_EQ_INT(parse("{text: 1}", &r), JREC_SYNTAX);
    CHECK_EQ_INT(parse("{\"a\":1,}", &r), JREC_SYNTAX);
    CHECK_EQ_INT(parse("", &r), JREC_TRUNCATED);
    CHECK_EQ_INT(parse("{\"text\": \"a\xff\"}", &r), JREC_BAD_UTF8);
    CHECK_EQ_INT(r.error_col, 12);
}

static void test_depth(void)
{
    /* 100,000 nested arrays: refused without recursing that deep */
    size_t n = 100000;
    char *s = malloc(2 * n + 1);
    memset(s, '[', n);
    memset(s + n, ']', n);
    s[2 * n] = '\0';
    jrec r;
    CHECK_EQ_INT(jrec_parse(s, 2 * n, &r), JREC_SYNTAX);
    CHECK(strstr(r.error, "deep") != NULL);
    free(s);
}

int main(void)
{
    RUN(test_valid);
    RUN(test_escapes);
    RUN(test_errors);
    RUN(test_depth);
    CHECK_DONE();
}
