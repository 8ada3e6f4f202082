/* utf8.c - strict UTF-8 decoding, validation with the offset of the first
 * bad byte, and repair with U+FFFD by the maximal-subpart rule (Unicode
 * 15, section 3.9 "U+FFFD Substitution of Maximal Subparts"; the WHATWG
 * Encoding Standard decoder behaves the same). */
#include "text_int.h"
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Valid range of the second byte for each lead byte (Unicode table 3-7);
 * later continuation bytes are always 80..BF. */
static int utf8_second_ok(unsigned lead, unsigned b)
{
    switch (lead) {
    case 0xE0: return b >= 0xA0 && b <= 0xBF;
    case 0xED: return b >= 0x80 && b <= 0x9F;
    case 0xF0: return b >= 0x90 && b <= 0xBF;
    case 0xF4: return b >= 0x80 && b <= 0x8F;
    default: return b >= 0x80 && b <= 0xBF;
    }
}

/* Sequence length announced by a lead byte, 0 if it can never start one
 * (continuation bytes, C0, C1, F5..FF). */
static size_t utf8_lead_len(unsigned c)
{
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF)
        return 3;
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    return 0;
}

/* Length of the maximal subpart at s: how many bytes form the longest
 * prefix of some valid sequence (at least 1). Equals the full length when
 * the sequence is valid. */
static size_t utf8_subpart(const unsigned char *s, size_t n)
{
    size_t want = utf8_lead_len(s[0]);
    if (want <= 1)
        return 1;
    size_t k = 1;
    if (k < n && utf8_second_ok(s[0], s[1]))
        k++;
    else
        return 1;
    while (k < want && k < n && (s[k] & 0xC0) == 0x80)
        k++;
    return k;
}

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    *cp = 0xFFFD;
    if (!n)
        return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || !utf8_second_ok(c, s[1]) || (s[2] & 0xC0) != 0x80)
            return 0;
        *cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || !utf8_second_ok(c, s[1]) || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            return 0;
        *cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) |
              (s[3] & 0x3Fu);
        return 4;
    }
    return 0;
}

size_t utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Eight bytes at once: any high bit means a non-ASCII byte among them. */
static int utf8_ascii8(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    return (w & 0x8080808080808080ull) == 0;
}

#if defined(__SSE2__)
/* Sixteen bytes at a time from s[*pi] while they hold only ASCII and
 * well-formed two-byte sequences (Arabic, Latin-1 ...): every lead C2..DF
 * followed by a continuation byte, every continuation byte after a lead.
 * Stops at a block it cannot vouch for, at a code point boundary. */
static void utf8_skip_simd(const unsigned char *s, size_t n, size_t *pi)
{
    size_t i = *pi;
    unsigned carry = 0; /* the previous block ended with a lead */
    const __m128i c0 = _mm_set1_epi8((char)0xC0), c1 = _mm_set1_epi8((char)0xC1),
                  e0 = _mm_set1_epi8((char)0xE0);
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        unsigned hi = (unsigned)_mm_movemask_epi8(v); /* bytes >= 0x80 */
        if (!hi && !carry) {
            i += 16;
            continue;
        }
        /* signed compares: 80..BF < C0; C2..DF > C1 and < E0 (ASCII is
         * positive, so above C1 but not below E0) */
        unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, c0));
        unsigned lead = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpgt_epi8(v, c1), _mm_cmplt_epi8(v, e0)));
        if ((cont | lead) != hi || cont != (((lead << 1) | carry) & 0xFFFFu))
            break;
        carry = lead >> 15;
        i += 16;
    }
    *pi = i - carry; /* back to the lead whose continuation comes next */
}
#endif

size_t utf8_find_invalid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    if (!s)
        return 0;
    while (i < n) {
        size_t stop = n;
#if defined(__SSE2__)
        utf8_skip_simd(s, n, &i);
        stop = i + 16; /* then code point by code point over the block it stopped at */
#endif
        while (i < n && i < stop) {
            if (i + 8 <= n && utf8_ascii8(s + i)) {
                i += 8;
                continue;
            }
            unsigned c = s[i];
            if (c < 0x80) {
                i++;
            } else if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
                i += 2; /* Arabic, Latin-1 ...: the common 2-byte case */
            } else {
                uint32_t cp;
                size_t k = utf8_decode(s + i, n - i, &cp);
                if (!k)
                    return i;
                i += k;
            }
        }
    }
    return n;
}

rasd_status rasd_utf8_check(const char *s, size_t len, size_t *bad_offset)
{
    if (!s && len)
        return err_set(RASD_ERR_ARG, "rasd_utf8_check: NULL text");
    size_t bad = utf8_find_invalid(s, len);
    if (bad_offset)
        *bad_offset = bad;
    if (bad >= len)
        return RASD_OK;
    return err_set(RASD_ERR_UTF8, "invalid UTF-8 at byte %zu (byte 0x%02X)", bad,
                   (unsigned)(unsigned char)s[bad]);
}

rasd_status rasd_utf8_repair(const char *s, size_t len, char **out, size_t *out_len,
                             size_t *n_replaced)
{
    if (!out || (!s && len))
        return err_set(RASD_ERR_ARG, "rasd_utf8_repair: NULL argument");
    *out = NULL;
    size_t reps = 0;
    buf b;
    buf_init(&b);
    buf_reserve(&b, len + 16);
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        size_t bad = i + utf8_find_invalid(s + i, len - i);
        buf_put(&b, s + i, bad - i); /* the valid run, copied at once */
        if (bad >= len)
            break;
        buf_put(&b, "\xEF\xBF\xBD", 3);
        reps++;
        i = bad + utf8_subpart(u + bad, len - bad);
    }
    if (buf_reserve(&b, 0))
        b.data[b.len] = '\0';
    if (b.oom) {
        buf_free(&b);
        return err_set(RASD_ERR_NOMEM, "rasd_utf8_repair: out of memory (%zu bytes)", len);
    }
    size_t n;
    *out = buf_take(&b, &n);
    if (out_len)
        *out_len = n;
    if (n_replaced)
        *n_replaced = reps;
    return RASD_OK;
}
