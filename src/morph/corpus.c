/* corpus.c - treebanks for training and evaluation.
 *
 * Reads CoNLL-U into surface text, surface tokens and syntactic words with
 * byte spans. Two kinds of files are met:
 *   - PUD style: "# text" gives the raw sentence; word forms are aligned
 *     against it (a sentence that does not align is skipped and counted).
 *   - PADT v1.3: no raw text and no multiword-token lines, and forms are
 *     vocalised. The surface is rebuilt: diacritics dropped, proclitics
 *     (single-letter و ف ب ل ك س) joined to the next word, pronoun enclitics
 *     (PRON, genitive/accusative) to the previous one, with the spelling
 *     changes that joining makes: ل + ال -> لل (ل + الل... -> لل), final ة ->
 *     ت and ى -> ي/ا before a pronoun, verb ending وا -> و, a final hamza
 *     takes the seat of its vowel (ءِ -> ئ, ءُ -> ؤ).
 * UPOS is mapped to UD v2: CONJ -> CCONJ (و ف أو ثم بل لكن أم إما) or SCONJ.
 * PADT v1.3 tags the names it analysed as NOUN (بغداد, العراق) and words its
 * analyser did not know as X (XPOS U..., again nearly all names); those X
 * become NOUN too, so that a name is NOUN whether or not ElixirFM knew it.
 * (Mapping them to PROPN instead made PROPN mean "unknown to ElixirFM", which
 * no feature of plain text can see: 93.3% instead of 95.5% on the dev
 * split.) */
#include "morph_int.h"
#include "../text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void mcorpus_init(mcorpus *c)
{
    memset(c, 0, sizeof *c);
    buf_init(&c->text);
    buf_init(&c->pool);
}

void mcorpus_free(mcorpus *c)
{
    buf_free(&c->text);
    buf_free(&c->pool);
    free(c->w);
    free(c->t);
    free(c->s);
    memset(c, 0, sizeof *c);
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 1;
    size_t nc = *cap ? *cap * 2 : 1024;
    while (nc < need)
        nc *= 2;
    void *q = realloc(*p, nc * size);
    if (!q)
        return 0;
    *p = q;
    *cap = nc;
    return 1;
}

/* ------------------------------------------------------------ lines */

typedef struct cword {
    char *f[10];
    char und[256];   /* form without diacritics */
    size_t undn;
} cword;

static size_t undiac(const char *s, char *out, size_t cap)
{
    size_t n = strlen(s), o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!k)
            k = 1;
        if ((cp < 0x80 || ml_fold(cp) != 0) && o + k < cap) {
            memcpy(out + o, s + i, k);
            o += k;
        }
        i += k;
    }
    out[o] = 0;
    return o;
}

static int split_fields(char *line, char **f)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < 10; p++)
        if (*p == '\t') {
            *p = 0;
            f[n++] = p + 1;
        }
    return n;
}

static int map_upos(const cword *w)
{
    const char *u = w->f[3], *x = w->f[4];
    if (strcmp(u, "CONJ") == 0) {
        static const char *const cc[] = {"و", "ف", "أو", "او", "ثم", "بل",
                                         "لكن", "أم", "ام", "إما", "اما"};
        for (size_t i = 0; i < sizeof cc / sizeof *cc; i++)
            if (strcmp(w->und, cc[i]) == 0)
                return UPOS_CCONJ;
        return UPOS_SCONJ;
    }
    if (strcmp(u, "X") == 0 && x[0] == 'U')
        return UPOS_NOUN;
    int p = morph_upos_parse(u);
    return p ? p : UPOS_X;
}

static int clitic_of(const char *und, int pre)
{
    static const char *const pres[] = {"و", "ف", "ب", "ل", "ك", "س"};
    static const int pre_ids[] = {MCL_WA, MCL_FA, MCL_BI, MCL_LI, MCL_KA, MCL_SA};
    if (pre) {
        for (int i = 0; i < 6; i++)
            if (strcmp(und, pres[i]) == 0)
                return pre_ids[i];
        return 0;
    }
    for (int i = 1; i < MSUF_COUNT; i++)
        if (strcmp(und, morph_clitic_str(msuf_tab[i].cl)) == 0)
            return msuf_tab[i].cl;
    return 0;
}

static int is_letter_word(const char *und)
{
    uint32_t cp;
    size_t k = utf8_decode((const unsigned char *)und, strlen(und), &cp);
    return k && ml_fold(cp) > 0;
}

/* A pronoun that is written attached: genitive/accusative personal one. */
static int is_enclitic(const cword *w)
{
    const char *x = w->f[4];
    return strcmp(w->f[3], "PRON") == 0 && strlen(x) >= 9 && x[0] == 'S' &&
           x[1] == 'P' && (x[8] == '2' || x[8] == '4') && clitic_of(w->und, 0);
}

static int starts_bare_al(const char *und)
{
    return (strncmp(und, "ال", 4) == 0 || strncmp(und, "ٱل", 4) == 0) &&
           strlen(und) >= 8;
}

static int has_def(const cword *w)
{
    return strstr(w->f[5], "Definite=Def") != NULL;
}

/* ------------------------------------------------------------ building */

typedef struct sbuild {
    mcorpus *c;
    int open_stem;      /* last word was a proclitic waiting for its host */
    int have_tok;
} sbuild;

static int add_word(mcorpus *c, uint32_t start, uint32_t end, int upos,
                    int role, int clitic, int det)
{
    if (!grow((void **)&c->w, &c->capw, c->nw + 1, sizeof *c->w))
        return 0;
    mc_word *w = &c->w[c->nw++];
    w->start = start;
    w->end = end;
    w->form = 0;
    w->upos = (uint8_t)upos;
    w->role = (uint8_t)role;
    w->clitic = (uint8_t)clitic;
    w->det = (uint8_t)det;
    return 1;
}

static int new_token(mcorpus *c, int space)
{
    if (space && c->text.len && c->text.data[c->text.len - 1] != '\n')
        buf_putc(&c->text, ' ');
    if (!grow((void **)&c->t, &c->capt, c->nt + 1, sizeof *c->t))
        return 0;
    mc_tok *t = &c->t[c->nt++];
    t->start = t->end = (uint32_t)c->text.len;
    t->w0 = t->w1 = (uint32_t)c->nw;
    t->noseg = 0;
    return 1;
}

/* Rewrite the end of the host (the last word written) before an enclitic. */
static void host_adjust(mcorpus *c, const cword *host, const cword *cl)
{
    mc_word *h = &c->w[c->nw - 1];
    char *t = c->text.data;
    size_t e = c->text.len;
    if (e - h->start >= 2 && memcmp(t + e - 2, "ة", 2) == 0)
        memcpy(t + e - 2, "ت", 2);
    else if (e - h->start >= 2 && memcmp(t + e - 2, "ى", 2) == 0)
        memcpy(t + e - 2, strcmp(host->f[3], "ADP") == 0 ? "ي" : "ا", 2);
    else if (e - h->start >= 4 && memcmp(t + e - 4, "وا", 4) == 0 &&
             strcmp(host->f[3], "VERB") == 0)
        c->text.len -= 2;
    else if (e - h->start >= 2 && memcmp(t + e - 2, "ء", 2) == 0) {
        const char *f = host->f[1];
        size_t n = strlen(f);
        if (n >= 2 && memcmp(f + n - 2, "\xd9\x90", 2) == 0) /* kasra */
            memcpy(t + e - 2, "ئ", 2);
        else if (n >= 2 && memcmp(f + n - 2, "\xd9\x8f", 2) == 0) /* damma */
            memcpy(t + e - 2, "ؤ", 2);
    }
    h->end = (uint32_t)c->text.len;
    (void)cl;
}

static int put_padt_word(sbuild *b, const cword *w, const cword *prev,
                         const cword *next)
{
    mcorpus *c = b->c;
    int upos = map_upos(w), det = 0;
    const char *und = w->und;
    size_t skip = 0;
    if (b->open_stem && is_enclitic(w)) {
        /* بِ + هَا: the "proclitic" was the host of a pronoun */
        c->w[c->nw - 1].role = 0;
        b->open_stem = 0;
    }
    if (b->have_tok && !b->open_stem && is_enclitic(w) && prev &&
        is_letter_word(prev->und) && c->w[c->nw - 1].role != 2) {
        const char *last = c->text.data + c->text.len;
        int merge = strcmp(und, "ي") == 0 &&
                    (memcmp(last - 2, "ي", 2) == 0 || memcmp(last - 2, "ى", 2) == 0 ||
                     memcmp(last - 2, "ا", 2) == 0 || memcmp(last - 2, "و", 2) == 0);
        host_adjust(c, prev, w);
        if (merge) { /* فيّ لديّ: the pronoun is the doubled ya */
            c->t[c->nt - 1].noseg = 1;
            return add_word(c, (uint32_t)c->text.len, (uint32_t)c->text.len,
                            upos, 2, clitic_of(und, 0), 0);
        }
        uint32_t s = (uint32_t)c->text.len;
        buf_puts(&c->text, und);
        return add_word(c, s, (uint32_t)c->text.len, upos, 2, clitic_of(und, 0), 0);
    }
    if (b->open_stem) {
        const mc_word *pw = &c->w[c->nw - 1];
        if (starts_bare_al(und) && has_def(w)) {
            det = 1;
            if (pw->clitic == MCL_LI) {
                int lam = strncmp(und + 4, "ل", 2) == 0;
                det = lam ? 3 : 2;
                skip = lam ? 4 : 2;
            }
        }
    } else {
        if (!new_token(c, 1))
            return 0;
        if (starts_bare_al(und) && has_def(w))
            det = 1;
    }
    b->have_tok = 1;
    /* Unanalysed words: vocalised ones (names typed in by annotators) are
     * trusted as single words; bare ones often still carry clitics. */
    if ((w->f[4][0] == 'U' || w->f[4][0] == 'X') && w->undn == strlen(w->f[1]))
        c->t[c->nt - 1].noseg = 1;
    int pc = clitic_of(und, 1);
    int role = pc && next && is_letter_word(next->und) && !b->open_stem ? 1 : 0;
    if (b->open_stem && pc && next && is_letter_word(next->und) &&
        (c->w[c->nw - 1].clitic == MCL_WA || c->w[c->nw - 1].clitic == MCL_FA))
        role = 1; /* و + ب + ...: a second proclitic */
    uint32_t s = (uint32_t)c->text.len;
    buf_puts(&c->text, und + skip);
    b->open_stem = role == 1;
    return add_word(c, s, (uint32_t)c->text.len, upos, role,
                    role == 1 ? pc : 0, det);
}

/* ------------------------------------------------------------ PUD */

static int align_pud(mcorpus *c, const char *text, cword *ws, size_t n)
{
    size_t base = c->text.len, pos = 0, tl = strlen(text);
    size_t w0 = c->nw;
    buf_puts(&c->text, text);
    int prev_letter = 0;
    size_t prev_end = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        const char *f = ws[i].f[1];
        size_t fl = strlen(f);
        while (pos < tl && (text[pos] == ' ' || text[pos] == '\t'))
            pos++;
        if (pos + fl > tl || memcmp(text + pos, f, fl) != 0) {
            c->nw = w0;
            return 0;
        }
        int letter = is_letter_word(ws[i].und);
        if (prev_end != pos || !letter || !prev_letter) {
            if (!grow((void **)&c->t, &c->capt, c->nt + 1, sizeof *c->t))
                return -1;
            mc_tok *t = &c->t[c->nt++];
            t->start = (uint32_t)(base + pos);
            t->w0 = (uint32_t)c->nw;
            t->noseg = 0;
        }
        int det = starts_bare_al(ws[i].und) && has_def(&ws[i]);
        if (!add_word(c, (uint32_t)(base + pos), (uint32_t)(base + pos + fl),
                      map_upos(&ws[i]), 0, 0, det))
            return -1;
        pos += fl;
        prev_end = pos;
        prev_letter = letter;
        c->t[c->nt - 1].end = (uint32_t)(base + pos);
        c->t[c->nt - 1].w1 = (uint32_t)c->nw;
    }
    return 1;
}

/* Roles inside PUD tokens: leading clitic letters, trailing pronouns. */
static void pud_roles(mcorpus *c, size_t t0, cword *ws, size_t w0)
{
    for (size_t t = t0; t < c->nt; t++) {
        mc_tok *k = &c->t[t];
        size_t a = k->w0, b = k->w1;
        while (b - a > 1 && clitic_of(ws[a - w0].und, 1)) {
            c->w[a].role = 1;
            c->w[a].clitic = (uint8_t)clitic_of(ws[a - w0].und, 1);
            a++;
        }
        while (b - a > 1 && strcmp(ws[b - 1 - w0].f[3], "PRON") == 0 &&
               clitic_of(ws[b - 1 - w0].und, 0)) {
            c->w[b - 1].role = 2;
            c->w[b - 1].clitic = (uint8_t)clitic_of(ws[b - 1 - w0].und, 0);
            b--;
        }
        /* ل + لسلطة: the host's lam is the shortened article */
        if (a > k->w0 && c->w[a - 1].clitic == MCL_LI && c->w[a].det == 0 &&
            strncmp(ws[a - w0].und, "ل", 2) == 0 && has_def(&ws[a - w0]))
            c->w[a].det = 2;
    }
}

/* ------------------------------------------------------------ sentences */

static rasd_status finish_sentence(mcorpus *c, size_t t0, size_t w0,
                                   uint32_t start)
{
    if (!grow((void **)&c->s, &c->caps, c->ns + 1, sizeof *c->s))
        return err_set(RASD_ERR_NOMEM, "morph: out of memory (corpus)");
    mc_sent *s = &c->s[c->ns++];
    s->start = start;
    s->end = (uint32_t)c->text.len;
    s->t0 = (uint32_t)t0;
    s->t1 = (uint32_t)c->nt;
    s->w0 = (uint32_t)w0;
    s->w1 = (uint32_t)c->nw;
    for (size_t t = t0; t < c->nt; t++) {
        mc_tok *k = &c->t[t];
        if (k->w1 > k->w0) {
            k->start = c->w[k->w0].start;
            k->end = c->w[k->w1 - 1].end;
        }
    }
    for (size_t i = w0; i < c->nw; i++) {
        mc_word *w = &c->w[i];
        char form[512];
        size_t n;
        if (w->role)
            n = strlen(strcpy(form, morph_clitic_str(w->clitic)));
        else
            n = mpos_form_of(c->text.data + w->start, w->end - w->start,
                             w->det, form, sizeof form);
        w->form = (uint32_t)c->pool.len;
        buf_put(&c->pool, form, n + 1);
    }
    buf_putc(&c->text, '\n');
    return c->text.oom || c->pool.oom
               ? err_set(RASD_ERR_NOMEM, "morph: out of memory (corpus)")
               : RASD_OK;
}

static rasd_status put_sentence(mcorpus *c, const char *text, cword *ws,
                                size_t n)
{
    size_t t0 = c->nt, w0 = c->nw;
    uint32_t start = (uint32_t)c->text.len;
    if (text) {
        int r = align_pud(c, text, ws, n);
        if (r < 0)
            return err_set(RASD_ERR_NOMEM, "morph: out of memory (corpus)");
        if (r == 0) {
            c->text.len = start;
            c->nt = t0;
            c->bad_sents++;
            return RASD_OK;
        }
        pud_roles(c, t0, ws, w0);
    } else {
        sbuild b = {c, 0, 0};
        for (size_t i = 0; i < n; i++)
            if (!put_padt_word(&b, &ws[i], i ? &ws[i - 1] : NULL,
                               i + 1 < n ? &ws[i + 1] : NULL))
                return err_set(RASD_ERR_NOMEM, "morph: out of memory (corpus)");
        for (size_t t = t0; t < c->nt; t++)
            c->t[t].w1 = t + 1 < c->nt ? c->t[t + 1].w0 : (uint32_t)c->nw;
    }
    return finish_sentence(c, t0, w0, start);
}

static int is_word_line(const char *line)
{
    const char *p = line;
    while (*p >= '0' && *p <= '9')
        p++;
    return p > line && *p == '\t';
}

/* Parse one file's sentences [from, to) into c. */
static rasd_status read_sents(mcorpus *c, char *data, size_t from, size_t to,
                              size_t *count)
{
    enum { MAXW = 1024 };
    cword *ws = malloc(MAXW * sizeof *ws);
    if (!ws)
        return err_set(RASD_ERR_NOMEM, "morph: out of memory (corpus)");
    size_t n = 0, idx = 0;
    const char *text = NULL;
    rasd_status st = RASD_OK;
    for (char *line = data; line && !st;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r')
            line[--ll] = 0;
        if (ll == 0) {
            if (n) {
                if (idx >= from && idx < to)
                    st = put_sentence(c, text, ws, n);
                idx++;
            }
            n = 0;
            text = NULL;
        } else if (strncmp(line, "# text = ", 9) == 0) {
            text = line + 9;
        } else if (is_word_line(line) && n < MAXW) {
            if (split_fields(line, ws[n].f) == 10) {
                ws[n].undn = undiac(ws[n].f[1], ws[n].und, sizeof ws[n].und);
                n++;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    if (!st && n) {
        if (idx >= from && idx < to)
            st = put_sentence(c, text, ws, n);
        idx++;
    }
    free(ws);
    *count = idx;
    return st;
}

static size_t count_sents(const char *data)
{
    size_t idx = 0;
    int in = 0;
    for (const char *line = data; line;) {
        const char *nl = strchr(line, '\n');
        if (line[0] == '\n' || line[0] == '\r' || line[0] == 0) {
            idx += in;
            in = 0;
        } else if (is_word_line(line)) {
            in = 1;
        }
        line = nl ? nl + 1 : NULL;
    }
    return idx + in;
}

rasd_status mcorpus_read(mcorpus *c, const char *path, size_t from, size_t to)
{
    char *data;
    size_t len, count;
    rasd_status st = file_read_all(path, &data, &len, (size_t)1 << 30);
    if (st)
        return st;
    st = read_sents(c, data, from, to, &count);
    free(data);
    return st;
}

size_t mconllu_count_sents(const char *path)
{
    char *data;
    size_t len;
    if (file_read_all(path, &data, &len, (size_t)1 << 30))
        return 0;
    size_t n = count_sents(data);
    free(data);
    return n;
}

rasd_status mcorpus_read_spec(mcorpus *c, const char *spec)
{
    char path[4096];
    const char *at = strrchr(spec, '@');
    double a = 0, b = 100;
    size_t pl = at ? (size_t)(at - spec) : strlen(spec);
    if (pl >= sizeof path)
        return err_set(RASD_ERR_ARG, "morph: corpus path too long");
    memcpy(path, spec, pl);
    path[pl] = 0;
    if (at && (sscanf(at + 1, "%lf:%lf", &a, &b) != 2 || a < 0 || b > 100 || a > b))
        return err_set(RASD_ERR_ARG, "morph: bad corpus range in '%s' (want PATH@A:B, percent)", spec);
    size_t n = SIZE_MAX, from = 0, to = SIZE_MAX;
    if (at) {
        n = mconllu_count_sents(path);
        from = (size_t)(a * (double)n / 100.0);
        to = (size_t)(b * (double)n / 100.0);
    }
    return mcorpus_read(c, path, from, to);
}

int mc_gold_cand(const mcorpus *c, const mc_tok *t, const mletters *w,
                 mcand *out)
{
    int conj = 0, mid = 0, suf = 0, stem = -1;
    for (uint32_t i = t->w0; i < t->w1; i++) {
        const mc_word *x = &c->w[i];
        if (x->role == 1) {
            if (x->clitic == MCL_WA || x->clitic == MCL_FA) {
                if (mid || conj)
                    return -1;
                conj = x->clitic == MCL_WA ? 1 : 2;
            } else if (!mid) {
                mid = x->clitic == MCL_BI ? 1 : x->clitic == MCL_LI ? 2
                    : x->clitic == MCL_KA ? 3 : 4;
            } else {
                return -1;
            }
        } else if (x->role == 2) {
            if (suf)
                return -1;
            for (int s = 1; s < MSUF_COUNT; s++)
                if (msuf_tab[s].cl == x->clitic)
                    suf = s;
        } else {
            if (stem >= 0)
                return -1;
            stem = (int)i;
        }
    }
    if (stem < 0)
        return -1;
    int det = c->w[stem].det;
    if (det) {
        static const int with_det[5][4] = {
            {5, 5, 5, 5}, {6, 6, 6, 6}, {-1, -1, 8, 9}, {7, 7, 7, 7}, {-1, -1, -1, -1}};
        mid = with_det[mid][det];
        if (mid < 0)
            return -1;
    }
    mcand cs[MCAND_MAX];
    int n = mcand_list(w, cs), p = conj * 10 + mid;
    for (int i = 0; i < n; i++)
        if (cs[i].p == p && cs[i].s == suf) {
            *out = cs[i];
            return i;
        }
    return -1;
}
