/* ontology.c - PLOVER facts as data. Scores are the PLOVER manual's table
 * of conflict/cooperation scores by category and mode. The manual prints
 * ACCUSE's base score as +3 while every ACCUSE mode is negative (-2 to
 * -3.5); we read that as a sign typo and use -3. */
#include "ontology.h"
#include <string.h>
#include <strings.h>

typedef struct mode_score {
    plover_cat cat;
    const char *mode; /* NULL: the category's base score */
    double score;
} mode_score;

static const char *const cat_names[PL_N_CATS] = {
    "", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
    "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
    "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
};

static const int cat_quad[PL_N_CATS] = {
    0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 3, 4, 4, 4,
};

static const mode_score scores[] = {
    {PL_AGREE, NULL, 2.5},
    {PL_CONSULT, NULL, 2.5}, {PL_CONSULT, "visit", 4}, {PL_CONSULT, "third-party", 1},
    {PL_CONSULT, "multilateral", 4}, {PL_CONSULT, "phone", 1.5},
    {PL_SUPPORT, NULL, 5},
    {PL_CONCEDE, NULL, 4.5},
    {PL_COOPERATE, NULL, 9.5},
    {PL_AID, NULL, 10},
    {PL_RETREAT, NULL, 6.5}, {PL_RETREAT, "withdraw", 8}, {PL_RETREAT, "release", 6.5},
    {PL_RETREAT, "disarm", 10}, {PL_RETREAT, "ceasefire", 7.5},
    {PL_RETREAT, "access", 6.5}, {PL_RETREAT, "resign", 4.5},
    {PL_REQUEST, NULL, 0}, {PL_REQUEST, "assist", 0.5}, {PL_REQUEST, "change", -1},
    {PL_REQUEST, "yield", -1}, {PL_REQUEST, "meet", 0},
    {PL_ACCUSE, NULL, -3}, {PL_ACCUSE, "disapprove", -2},
    {PL_ACCUSE, "investigate", -3.5}, {PL_ACCUSE, "allege", -3.5},
    {PL_REJECT, NULL, -2}, {PL_REJECT, "assist", -1.5}, {PL_REJECT, "change", -2},
    {PL_REJECT, "yield", -2}, {PL_REJECT, "meet", -2},
    {PL_THREATEN, NULL, -3.5}, {PL_THREATEN, "restrict", -3},
    {PL_THREATEN, "arrest", -3.5}, {PL_THREATEN, "relations", -3.5},
    {PL_THREATEN, "expel", -3.5}, {PL_THREATEN, "territory", -4},
    {PL_THREATEN, "violence", -3.5},
    {PL_PROTEST, NULL, -5}, {PL_PROTEST, "demo", -5}, {PL_PROTEST, "riot", -7},
    {PL_PROTEST, "strike", -5}, {PL_PROTEST, "hunger", -4.5},
    {PL_PROTEST, "boycott", -4.5}, {PL_PROTEST, "obstruct", -4.5},
    {PL_SANCTION, NULL, -6}, {PL_SANCTION, "convict", -6}, {PL_SANCTION, "expel", -5.5},
    {PL_SANCTION, "withdraw", -6}, {PL_SANCTION, "discontinue", -6},
    {PL_MOBILIZE, NULL, -5.5}, {PL_MOBILIZE, "troops", -6.5},
    {PL_MOBILIZE, "weapons", -6.5}, {PL_MOBILIZE, "police", -5.5},
    {PL_MOBILIZE, "militia", -6},
    {PL_COERCE, NULL, -7}, {PL_COERCE, "seize", -7}, {PL_COERCE, "restrict", -7},
    {PL_COERCE, "censor", -6.5}, {PL_COERCE, "curfew", -6.5},
    {PL_COERCE, "martial-law", -7.5}, {PL_COERCE, "arrest", -7},
    {PL_COERCE, "deport", -7}, {PL_COERCE, "withhold", -7},
    {PL_COERCE, "misinformation", -6.5}, {PL_COERCE, "cyber", -7},
    {PL_ASSAULT, NULL, -9}, {PL_ASSAULT, "abduct", -8.5}, {PL_ASSAULT, "beat", -7.5},
    {PL_ASSAULT, "torture", -8.5}, {PL_ASSAULT, "sexual", -8.5},
    {PL_ASSAULT, "targeted", -9.5}, {PL_ASSAULT, "destroy", -8.5},
    {PL_ASSAULT, "primitive", -8}, {PL_ASSAULT, "firearms", -9},
    {PL_ASSAULT, "explosives", -9}, {PL_ASSAULT, "suicide-attack", -9.5},
    {PL_ASSAULT, "aerial", -9.5}, {PL_ASSAULT, "drone", -9.5},
    {PL_ASSAULT, "heavy-weapons", -9.5}, {PL_ASSAULT, "crowd-control", -7.5},
    {PL_ASSAULT, "unconventional", -10},
};

#define N_SCORES (sizeof scores / sizeof scores[0])

const char *plover_name(plover_cat c)
{
    return (c > PL_NONE && c < PL_N_CATS) ? cat_names[c] : "";
}

plover_cat plover_parse(const char *s, size_t n)
{
    for (int c = 1; c < PL_N_CATS; c++)
        if (strlen(cat_names[c]) == n && !strncasecmp(cat_names[c], s, n))
            return (plover_cat)c;
    return PL_NONE;
}

int plover_quad(plover_cat c)
{
    return (c > PL_NONE && c < PL_N_CATS) ? cat_quad[c] : 0;
}

bool plover_mode_valid(plover_cat c, const char *mode)
{
    for (size_t i = 0; mode && i < N_SCORES; i++)
        if (scores[i].cat == c && scores[i].mode && !strcmp(scores[i].mode, mode))
            return true;
    return false;
}

double plover_intensity(plover_cat c, const char *mode)
{
    double base = 0;
    for (size_t i = 0; i < N_SCORES; i++) {
        if (scores[i].cat != c)
            continue;
        if (!scores[i].mode)
            base = scores[i].score;
        else if (mode && !strcmp(scores[i].mode, mode))
            return scores[i].score;
    }
    return base;
}
