/* jrec.c - a strict JSON (RFC 8259) parser for one JSONL record. It
 * validates the whole line but keeps only what the reader needs: the spans
 * of the top-level members text, id, date, source, title and url. Strings
 * are scanned with memchr-style loops and decoded only on request, so a
 * long unescaped article body costs one pass. (A general JSON library
 * builds a tree and decodes every string byte by byte; on the news corpus
 * that was most of the reading time.) */
#include "jrec.h"
#include "text/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JREC_MAX_DEPTH 512

typedef struct jp {
    const char *s;
    size_t n, i;
    int depth;
    jrec *rec;
    const char *err;   /* static message, NULL while fine */
    bool eof;          /* the error is running out of input */
} jp;

static bool jp_fail(jp *p, const char *msg)
{
    if (!p->err) {
        p->err = msg;
        p->eof = p->i >= p->n;
    }
    return false;
}

static void jp_ws(jp *p)
{
    while (p->i < p->n) {
        char c = p->s[p->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        p->i++;
    }
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool jp_hex4(jp *p, unsigned *out)
{
    if (p->i + 4 > p->n)
        return jp_fail(p, "truncated \\u escape");
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(p->s[p->i + k]);
        if (h < 0)
            return jp_fail(p, "invalid \\u escape");
        v = v * 16 + (unsigned)h;
    }
    p->i += 4;
    *out = v;
    return true;
}

/* \uXXXX, with surrogate pairs; \u0000 is refused (texts are C strings). */
static bool jp_unicode(jp *p)
{
    unsigned u;
    if (!jp_hex4(p, &u))
        return false;
    if (u == 0)
        return jp_fail(p, "\\u0000 is not allowed");
    if (u >= 0xDC00 && u <= 0xDFFF)
        return jp_fail(p, "lone low surrogate");
    if (u >= 0xD800 && u <= 0xDBFF) {
        unsigned lo;
        if (p->i + 2 > p->n || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u')
            return jp_fail(p, "lone high surrogate");
        p->i += 2;
        if (!jp_hex4(p, &lo))
            return false;
        if (lo < 0xDC00 || lo > 0xDFFF)
            return jp_fail(p, "invalid surrogate pair");
    }
    return true;
}

/* A string starting at the opening quote; fills *sp with its raw span. */
static bool jp_string(jp *p, jrec_span *sp)
{
    p->i++; /* opening quote */
    size_t start = p->i;
    bool esc = false;
    for (;;) {
        const char *q = p->s + p->i;
        size_t left = p->n - p->i, k = 0;
        while (k < left && q[k] != '"' && q[k] != '\\' && (unsigned char)q[k] >= 0x20)
            k++;
        p->i += k;
        if (p->i >= p->n)
            return jp_fail(p, "unterminated string");
        char c = p->s[p->i];
        if (c == '"')
            break;
        if ((unsigned char)c < 0x20)
            return jp_fail(p, "control character in string");
        esc = true; /* a backslash */
        if (++p->i >= p->n)
            return jp_fail(p, "unterminated string");
        c = p->s[p->i++];
        if (c == 'u') {
            if (!jp_unicode(p))
                return false;
        } else if (!strchr("\"\\/bfnrt", c) || c == '\0') {
            return jp_fail(p, "invalid escape");
        }
    }
    if (sp) {
        sp->type = JREC_STRING;
        sp->raw = p->s + start;
        sp->len = p->i - start;
        sp->escaped = esc;
    }
    p->i++; /* closing quote */
    return true;
}

static bool jp_digits(jp *p)
{
    size_t s = p->i;
    while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
        p->i++;
    return p->i > s || jp_fail(p, "invalid number");
}

static bool jp_number(jp *p, jrec_span *sp)
{
    size_t start = p->i;
    bool integer = true;
    if (p->s[p->i] == '-')
        p->i++;
    if (p->i < p->n && p->s[p->i] == '0')
        p->i++;
    else if (!jp_digits(p))
        return false;
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        integer = false;
        if (!jp_digits(p))
            return false;
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        integer = false;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
            p->i++;
        if (!jp_digits(p))
            return false;
    }
    if (sp) {
        sp->type = integer ? JREC_INTEGER : JREC_REAL;
        sp->raw = p->s + start;
        sp->len = p->i - start;
        sp->escaped = false;
    }
    return true;
}

static bool jp_literal(jp *p, const char *word, jrec_type t, jrec_span *sp)
{
    size_t l = strlen(word), left = p->n - p->i;
    if (left < l) {
        if (memcmp(p->s + p->i, word, left) != 0)
            return jp_fail(p, "invalid literal");
        p->i = p->n; /* a prefix of the word: the input was cut */
        return jp_fail(p, "unexpected end of input");
    }
    if (memcmp(p->s + p->i, word, l) != 0)
        return jp_fail(p, "invalid literal");
    p->i += l;
    if (sp)
        sp->type = t;
    return true;
}

static bool jp_value(jp *p, jrec_span *sp);

static jrec_span *jp_member_slot(jp *p, const jrec_span *key)
{
    static const char *const names[JREC_N_FIELDS] = {"text", "id", "date", "source", "title", "url"};
    if (p->depth != 1 || key->escaped)
        return NULL; /* our member names never need escapes */
    for (int f = 0; f < JREC_N_FIELDS; f++)
        if (strlen(names[f]) == key->len && !memcmp(names[f], key->raw, key->len))
            return &p->rec->field[f];
    return NULL;
}

static bool jp_object(jp *p)
{
    p->i++; /* { */
    jp_ws(p);
    if (p->i < p->n && p->s[p->i] == '}') {
        p->i++;
        return true;
    }
    for (;;) {
        jp_ws(p);
        if (p->i >= p->n)
            return jp_fail(p, "unexpected end of input");
        if (p->s[p->i] != '"')
            return jp_fail(p, "string or '}' expected");
        jrec_span key;
        if (!jp_string(p, &key))
            return false;
        jp_ws(p);
        if (p->i >= p->n)
            return jp_fail(p, "unexpected end of input");
        if (p->s[p->i++] != ':')
            return jp_fail(p, "':' expected");
        jrec_span *slot = jp_member_slot(p, &key), tmp;
        if (!jp_value(p, slot ? slot : &tmp))
            return false;
        jp_ws(p);
        if (p->i >= p->n)
            return jp_fail(p, "unexpected end of input");
        char c = p->s[p->i++];
        if (c == '}')
            return true;
        if (c != ',')
            return jp_fail(p, "',' or '}' expected");
    }
}

static bool jp_array(jp *p)
{
    p->i++; /* [ */
    jp_ws(p);
    if (p->i < p->n && p->s[p->i] == ']') {
        p->i++;
        return true;
    }
    for (;;) {
        if (!jp_value(p, NULL))
            return false;
        jp_ws(p);
        if (p->i >= p->n)
            return jp_fail(p, "unexpected end of input");
        char c = p->s[p->i++];
        if (c == ']')
            return true;
        if (c != ',')
            return jp_fail(p, "',' or ']' expected");
    }
}

static bool jp_value(jp *p, jrec_span *sp)
{
    jp_ws(p);
    if (p->i >= p->n)
        return jp_fail(p, "unexpected end of input");
    char c = p->s[p->i];
    if (sp)
        memset(sp, 0, sizeof *sp);
    if (c == '"')
        return jp_string(p, sp);
    if (c == '-' || (c >= '0' && c <= '9'))
        return jp_number(p, sp);
    if (c == 't')
        return jp_literal(p, "true", JREC_BOOL, sp);
    if (c == 'f')
        return jp_literal(p, "false", JREC_BOOL, sp);
    if (c == 'n')
        return jp_literal(p, "null", JREC_NULL, sp);
    if (c != '{' && c != '[')
        return jp_fail(p, "unexpected character");
    if (++p->depth > JREC_MAX_DEPTH)
        return jp_fail(p, "nested too deeply");
    if (sp)
        sp->type = c == '{' ? JREC_OBJECT : JREC_ARRAY;
    bool ok = c == '{' ? jp_object(p) : jp_array(p);
    p->depth--;
    return ok;
}

jrec_status jrec_parse(const char *s, size_t n, jrec *rec)
{
    memset(rec, 0, sizeof *rec);
    size_t bad = utf8_find_invalid(s, n);
    if (bad < n) {
        rec->error_col = bad + 1;
        rec->error = "invalid UTF-8";
        return JREC_BAD_UTF8;
    }
    jp p = {.s = s, .n = n, .rec = rec};
    jrec_span top;
    bool ok = jp_value(&p, &top);
    if (ok) {
        jp_ws(&p);
        if (p.i < p.n)
            ok = jp_fail(&p, "end of input expected");
    }
    if (!ok) {
        rec->error = p.err;
        rec->error_col = p.i + 1;
        return p.eof ? JREC_TRUNCATED : JREC_SYNTAX;
    }
    return top.type == JREC_OBJECT ? JREC_OK : JREC_NOT_OBJECT;
}

size_t jrec_decode(const jrec_span *sp, char *out)
{
    if (!sp->escaped) {
        memcpy(out, sp->raw, sp->len);
        out[sp->len] = '\0';
        return sp->len;
    }
    size_t o = 0;
    for (size_t i = 0; i < sp->len;) {
        char c = sp->raw[i++];
        if (c != '\\') {
            out[o++] = c;
            continue;
        }
        c = sp->raw[i++];
        switch (c) {
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        case 'n': out[o++] = '\n'; break;
        case 'r': out[o++] = '\r'; break;
        case 't': out[o++] = '\t'; break;
        case 'u': {
            unsigned u = 0, lo = 0;
            for (int k = 0; k < 4; k++)
                u = u * 16 + (unsigned)hexval(sp->raw[i++]);
            if (u >= 0xD800 && u <= 0xDBFF) { /* validated: a low half follows */
                i += 2;
                for (int k = 0; k < 4; k++)
                    lo = lo * 16 + (unsigned)hexval(sp->raw[i++]);
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            }
            o += utf8_encode(u, out + o);
            break;
        }
        default: out[o++] = c; /* " \ / */
        }
    }
    out[o] = '\0';
    return o;
}
