/* fuzz_actors.c - libFuzzer target for the actor dictionary: the first
 * byte picks a format (rasd *.actors, agents.txt, PETRARCH actors, PETRARCH
 * agents), the rest is loaded from memory as one dictionary layer over a
 * small fixed base; then the input itself is tokenised and matched and
 * resolved at every token. Loading may fail, but only with a parse message
 * that names the input; matches must stay inside the token array.
 * Invariants that break trap. */
#include "actors/actors.h"
#include "text/text.h"
#include <stdlib.h>
#include <string.h>

#define FZ_CHECK(c)                                                           \
    do {                                                                      \
        if (!(c))                                                             \
            __builtin_trap();                                                 \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char FZ_BASE[] =
    "ACTOR USA type=country en=\"United States\"\n"
    "  = الولايات المتحدة ; أمريكا\n  adj أمريكي\n  metonym واشنطن\n"
    "  metonym MIL البنتاغون\n"
    "ACTOR P_X type=person country=USA en=\"X\"\n  = فلان الفلاني\n"
    "  role USAGOV 2009-01-20 2017-01-20\n";
static const char FZ_AGENTS[] = "MIL الجيش ; قوات\nCVL infl متظاهر\n";

static void fz_check_match(const actors_match *m, size_t i, size_t n)
{
    FZ_CHECK(m->ntok >= 1 && i + m->ntok <= n);
    FZ_CHECK(m->id && m->country && m->sector && m->code);
    FZ_CHECK(m->kind >= ACTORS_NAME && m->kind <= ACTORS_AGENT);
    FZ_CHECK((m->kind == ACTORS_AGENT) == (m->entry == NULL));
    if (m->entry) {
        FZ_CHECK(strcmp(m->entry->id, m->id) == 0);
        FZ_CHECK(actors_role_at(m->entry, 2020, 6, 1) != NULL);
        FZ_CHECK(actors_role_at(m->entry, 0, 0, 0) != NULL);
        for (size_t r = 0; r < m->entry->n_roles; r++)
            FZ_CHECK(m->entry->roles[r].from <= m->entry->roles[r].to);
    }
}

static void fz_match_all(const actors_dict *d, const char *s, size_t len)
{
    tokvec tv = {0};
    char *norm = malloc(2 * len + 1), *cur = norm;
    if (!norm)
        return;
    if (text_tokenize(s, 0, len, RASD_NORM_DEFAULT, &tv, &cur) == RASD_OK) {
        for (size_t i = 0; i < tv.n; i++) {
            actors_match m;
            if (actors_match_at(d, tv.v, tv.n, i, &m))
                fz_check_match(&m, i, tv.n);
            actors_actor a;
            if (actors_resolve(d, tv.v, tv.n, i, 2015, 0, 0, &a)) {
                FZ_CHECK(a.ntok >= 1 && i + a.ntok <= tv.n);
                FZ_CHECK(strlen(a.code) < sizeof a.code);
            }
        }
    }
    tokvec_free(&tv);
    free(norm);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int fmt = data[0] % 4;
    const char *s = (const char *)data + 1;
    size_t len = size - 1;
    actors_dict *d = NULL;
    FZ_CHECK(actors_new(&d) == RASD_OK);
    FZ_CHECK(actors_load_mem(d, "base", FZ_BASE, sizeof FZ_BASE - 1) == RASD_OK);
    FZ_CHECK(actors_load_agents_mem(d, "agents", FZ_AGENTS, sizeof FZ_AGENTS - 1) ==
             RASD_OK);
    rasd_status st;
    actors_import_stats is;
    switch (fmt) {
    case 0: st = actors_load_mem(d, "fz", s, len); break;
    case 1: st = actors_load_agents_mem(d, "fz", s, len); break;
    case 2: st = actors_load_petrarch_mem(d, "fz", s, len, ACTORS_PETR_ACTORS, &is); break;
    default: st = actors_load_petrarch_mem(d, "fz", s, len, ACTORS_PETR_AGENTS, &is); break;
    }
    if (fmt >= 2)
        FZ_CHECK(st == RASD_OK);
    else if (st != RASD_OK)
        FZ_CHECK(st == RASD_ERR_PARSE && strncmp(rasd_errmsg(), "fz:", 3) == 0);
    actors_stats as;
    actors_get_stats(d, &as);
    FZ_CHECK(as.layers == 3);
    /* a failed load leaves a consistent dictionary: match over the input */
    size_t valid = utf8_find_invalid(s, len);
    fz_match_all(d, s, valid);
    actors_free(d);
    return 0;
}
