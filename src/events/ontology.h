/* ontology.h - PLOVER categories, modes, quad classes and conflict-
 * cooperation scores (PLOVER manual, "Numeric conflict/cooperation scores"),
 * and the CAMEO root of each category. */
#ifndef RASD_ONTOLOGY_H
#define RASD_ONTOLOGY_H

#include <stdbool.h>
#include <stddef.h>

typedef enum plover_cat {
    PL_NONE = 0,
    PL_AGREE, PL_CONSULT, PL_SUPPORT, PL_CONCEDE, PL_COOPERATE, PL_AID,
    PL_RETREAT, PL_REQUEST, PL_ACCUSE, PL_REJECT, PL_THREATEN, PL_PROTEST,
    PL_SANCTION, PL_MOBILIZE, PL_COERCE, PL_ASSAULT,
    PL_N_CATS
} plover_cat;

/* Upper-case name ("CONSULT"); "" for PL_NONE. */
const char *plover_name(plover_cat c);
/* Parse an upper- or lower-case name; PL_NONE if unknown. */
plover_cat plover_parse(const char *s, size_t n);
/* 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
 * 4 material conflict; 0 for PL_NONE. */
int plover_quad(plover_cat c);
/* True if `mode` (lower case, e.g. "visit") is a mode of category c. */
bool plover_mode_valid(plover_cat c, const char *mode);
/* PLOVER score of category + mode (mode NULL or unknown: the category's). */
double plover_intensity(plover_cat c, const char *mode);

#endif
