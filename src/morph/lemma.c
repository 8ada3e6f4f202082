/* lemma.c - the coarse "lemma key" of a stem.
 *
 * Dictionaries (verb patterns, actors) list one form of a word, while news
 * text inflects it: أعلن، يعلن، تعلن، أعلنت، يعلنون، إعلان. The lemma key
 * strips what those forms add so that they meet on one key (here علن). It is
 * a light, root-ish stemmer, not a lemmatiser: it overshoots (different words
 * may share a key), so dictionaries use it only where they ask for it and
 * keep exact stem keys otherwise. The rules never leave fewer than three
 * letters and do not depend on the tag (upos is accepted for later use), so a
 * dictionary entry and a text word always get the same key. In order:
 *   1. final ة is dropped (دولية -> دولي);
 *   2. plural and dual endings ات ون ين (and ان on 6+ letters) are dropped;
 *   3. the verb endings وا and final ت (3rd person feminine perfect) go;
 *   4. form X استـ is dropped; otherwise one imperfect prefix ي ت ن ا
 *      (also the causative/masdar alef of أعلن, إعلان), then a following ست;
 *   5. a long vowel ا و ي before the last letter goes (إعلان -> علن,
 *      تصريح -> صرح).
 * Input is a stem key (normalised letters, see morph_stem_key). */
#include "morph_int.h"
#include "../text/text.h"

#include <string.h>

static int ends2(const uint16_t *x, int n, uint16_t a, uint16_t b)
{
    return n >= 2 && x[n - 2] == a && x[n - 1] == b;
}

static int strip_suffixes(const uint16_t *x, int n)
{
    if (n > 3 && x[n - 1] == AR_TEH_MARBUTA)
        n--;
    if (n > 4 && (ends2(x, n, AR_ALEF, AR_TEH) || ends2(x, n, AR_WAW, AR_NOON) ||
                  ends2(x, n, AR_YEH, AR_NOON)))
        n -= 2;
    else if (n > 5 && ends2(x, n, AR_ALEF, AR_NOON))
        n -= 2;
    else if (n > 4 && ends2(x, n, AR_WAW, AR_ALEF))
        n -= 2;
    else if (n > 4 && x[n - 1] == AR_TEH)
        n--;
    return n;
}

static int is_imperfect(uint16_t c)
{
    return c == AR_YEH || c == AR_TEH || c == AR_NOON || c == AR_ALEF;
}

static int strip_prefixes(const uint16_t *x, int n, int *a)
{
    *a = 0;
    if (n >= 6 && x[0] == AR_ALEF && x[1] == AR_SEEN && x[2] == AR_TEH) {
        *a = 3;
        return n;
    }
    if (n >= 4 && is_imperfect(x[0])) {
        *a = 1;
        if (n - 1 >= 5 && x[1] == AR_SEEN && x[2] == AR_TEH)
            *a = 3;
    }
    return n;
}

void morph_lemma_key(const char *stem_key, int upos, char *out)
{
    (void)upos;
    mletters w;
    size_t len = strlen(stem_key);
    if (!ml_from_utf8(stem_key, len, &w)) {
        if (out != stem_key)
            memmove(out, stem_key, len + 1);
        return;
    }
    uint16_t x[ML_MAX];
    int n = strip_suffixes(w.cp, w.n), a;
    strip_prefixes(w.cp, n, &a);
    int k = 0;
    for (int i = a; i < n; i++)
        x[k++] = w.cp[i];
    if (k >= 4 && (x[k - 2] == AR_ALEF || x[k - 2] == AR_WAW ||
                   x[k - 2] == AR_YEH)) {
        x[k - 2] = x[k - 1];
        k--;
    }
    ml_to_utf8(x, 0, k, out, MORPH_KEY_MAX);
}
