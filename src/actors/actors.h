/* actors.h - the actor dictionary: who is who in the news.
 *
 * A dictionary is built from layers: rasd's own files in data/actors/
 * (*.actors, format in data/actors/FORMAT.md; agents.txt, format in
 * data/actors/AGENTS.md) and optional PETRARCH/TABARI dictionaries. Every
 * name variant is indexed as a sequence of RASD_NORM_ALL token keys in a
 * token trie held in one hash table, so a lookup costs O(tokens matched)
 * hash probes and never allocates.
 *
 * Matching works on the token array of an analysed document. The first
 * token may carry attached proclitics (و ف, then ب ك ل, then the article
 * ال, or لل = ل + ال): وواشنطن, لتركيا, بموسكو, والولايات المتحدة. The
 * article is significant on names: one written with it matches only text
 * that has it (القاعدة, not قاعدة "a base"), one written without only text
 * without (رئيسي, not الرئيسي "the main"); adjectives, inflected agents and
 * imported PETRARCH names take it freely. Country adjectives are inflected
 * (أمريكي -> الأمريكية, أمريكيون, أمريكيين, أمريكيتان, أمريكيا ...), but
 * not after a bare preposition (بروس is a name, not ب + روس). Phrases
 * listed with `not` block a reading (القاعدة الجوية is not al-Qaeda).
 *
 * Threads: loading mutates the dictionary; once loading is finished every
 * query function below is read-only and may run concurrently. */
#ifndef RASD_ACTORS_H
#define RASD_ACTORS_H

#include "../util/util.h"

typedef struct actors_dict actors_dict;

typedef enum actors_type {
    ACTORS_COUNTRY = 1,
    ACTORS_IGO,
    ACTORS_GROUP,
    ACTORS_PERSON,
    ACTORS_ORG,
    ACTORS_REGION,       /* a world region: الشرق الأوسط, أمريكا اللاتينية */
    ACTORS_IMPORTED      /* entry from a PETRARCH dictionary */
} actors_type;

/* How a match refers to its entry. */
typedef enum actors_kind {
    ACTORS_NAME = 1,     /* a name: تركيا, حزب الله */
    ACTORS_ADJ,          /* a country adjective: التركي, الأمريكيين */
    ACTORS_METONYM,      /* a capital or seat of power: واشنطن, الكرملين */
    ACTORS_AGENT         /* a generic sector word: الجيش, المتظاهرون */
} actors_kind;

/* A date-ranged role. Dates are YYYYMMDD integers; from = 0 and
 * to = 99999999 mean open-ended. */
typedef struct actors_role {
    const char *code;    /* CAMEO actor code: USAGOV, IGOUNO, SYRREB */
    int32_t from, to;
    const char *label;   /* English description, "" when none */
} actors_role;

/* One dictionary entry (not agents). Owned by the dictionary. */
typedef struct actors_entry {
    const char *id;      /* USA, NATO, ISIS, P_BLINKEN_ANTONY, or P<layer>_<line> */
    actors_type type;
    char country[4];     /* ISO3 or "" */
    char sector[4];      /* GOV, MIL, ... or "" */
    const char *en;      /* English name, "" when unknown */
    const char *code;    /* undated default code: country+sector, "" if none */
    const actors_role *roles;
    size_t n_roles;
    const char *file;    /* where the entry was defined */
    unsigned line;
} actors_entry;

/* The longest match starting at one token. */
typedef struct actors_match {
    const actors_entry *entry; /* NULL for agents */
    actors_kind kind;
    size_t ntok;               /* tokens covered, >= 1 */
    unsigned prefix_chars;     /* letters of clitics stripped from the first token */
    const char *id;            /* entry id, "" for agents */
    const char *country;       /* ISO3 of the reading, "" if none */
    const char *sector;        /* metonym's or agent's sector, else the entry's; "" if none */
    const char *code;          /* undated code of this reading (USAGOV for واشنطن,
                                * MIL for الجيش, the entry's default otherwise) */
} actors_match;

/* ---- loading. Every loader reports the first problem as
 * "file:line: message" with RASD_ERR_PARSE (RASD_ERR_IO for unreadable
 * files). After a failure the dictionary is consistent but incomplete: free
 * it. */

rasd_status actors_new(actors_dict **out);
void actors_free(actors_dict *d);

/* New dictionary from every *.actors file in `dir` (in name order), then
 * dir/agents.txt if present. */
rasd_status actors_load(const char *dir, actors_dict **out);

/* Add one rasd-format file as a further layer; files named *.txt are read
 * as agents files, everything else as *.actors. */
rasd_status actors_load_file(actors_dict *d, const char *path);

/* The same from memory; `name` names the input in messages. */
rasd_status actors_load_mem(actors_dict *d, const char *name, const char *data,
                            size_t len);
rasd_status actors_load_agents_mem(actors_dict *d, const char *name,
                                   const char *data, size_t len);

/* PETRARCH/TABARI import (petrarch.c). Import is lenient: malformed or
 * unusable lines are skipped and counted, and names already in the
 * dictionary keep their earlier meaning. */
typedef enum actors_petr_kind {
    ACTORS_PETR_ACTORS = 1, /* actor dictionary: NAME_ [CODE], +SYNONYM, [CODE dates] */
    ACTORS_PETR_AGENTS      /* agents dictionary: NAME_ [~SEC] */
} actors_petr_kind;

typedef struct actors_import_stats {
    size_t entries;       /* entries (or agent lines) added */
    size_t variants;      /* names indexed */
    size_t skipped;       /* lines or names that could not be used */
    size_t shadowed;      /* names already taken by an earlier layer */
    unsigned first_skip_line; /* line of the first skipped item, 0 if none */
} actors_import_stats;

rasd_status actors_load_petrarch(actors_dict *d, const char *path,
                                 actors_petr_kind kind,
                                 actors_import_stats *st);
rasd_status actors_load_petrarch_mem(actors_dict *d, const char *name,
                                     const char *data, size_t len,
                                     actors_petr_kind kind,
                                     actors_import_stats *st);

/* ---- queries (read-only) */

/* Longest match starting at toks[i] (toks[0..n)). Returns true and fills
 * *m, or false (then *m is untouched). */
bool actors_match_at(const actors_dict *d, const rasd_token *toks, size_t n,
                     size_t i, actors_match *m);

/* The code of `e` valid on y-m-d: among the roles covering the date the one
 * with the shortest span; with no such role, e->code. Unknown month or day
 * (0) count as mid-year / mid-month; y = 0 (date unknown) picks the role
 * that started last. Never NULL (may be ""). */
const char *actors_role_at(const actors_entry *e, int y, int m, int day);

/* An actor phrase resolved to one CAMEO code: an agent followed by a
 * country reading (الجيش التركي, وزير خارجية تركيا, جنود أميركيين) gives
 * country + sector (TURMIL); an entry followed by an adjective or name of
 * its own country absorbs it (الحرس الثوري الإيراني). */
typedef struct actors_actor {
    char code[32];            /* "" when nothing is known */
    size_t ntok;              /* tokens covered from i */
    actors_match head;        /* the match at i */
    actors_match mod;         /* the country reading after an agent, if has_mod */
    bool has_mod;
} actors_actor;

bool actors_resolve(const actors_dict *d, const rasd_token *toks, size_t n,
                    size_t i, int y, int m, int day, actors_actor *out);

/* Entry by id, NULL if absent. */
const actors_entry *actors_find(const actors_dict *d, const char *id);

typedef struct actors_stats {
    size_t entries;   /* ids */
    size_t agents;    /* agent lines */
    size_t variants;  /* names as written (explicit =, adj, metonym, agent phrases) */
    size_t keys;      /* indexed token sequences incl. derived inflections */
    size_t layers;
} actors_stats;

void actors_get_stats(const actors_dict *d, actors_stats *st);

/* Per-layer counts (files in load order); false when i is out of range. */
bool actors_layer_stats(const actors_dict *d, size_t i, const char **name,
                        actors_stats *st);

const char *actors_kind_str(actors_kind k);
const char *actors_type_str(actors_type t);

#endif
