/* ctx.c - the context: configuration and loaded resources, read-only once
 * built so that worker threads can share it. */
#include "doc.h"
#include "actors/actors.h"
#include "events/detect.h"
#include "events/lexicon.h"
#include "geo/geo.h"
#include "morph/morph.h"
#include "ner/ner.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef RASD_DATA_DIR
#define RASD_DATA_DIR "data"
#endif

#define DEFAULT_MAX_DOC (64u * 1024u * 1024u)

void rasd_config_init(rasd_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->norm_flags = RASD_NORM_DEFAULT;
    cfg->max_doc_bytes = DEFAULT_MAX_DOC;
}

/* The data directory: explicit setting, then $RASD_DATA_DIR, then the
 * directory the library was built for. */
static const char *ctx_data_dir(const rasd_config *cfg)
{
    if (cfg->data_dir && *cfg->data_dir)
        return cfg->data_dir;
    const char *env = getenv("RASD_DATA_DIR");
    if (env && *env)
        return env;
    return RASD_DATA_DIR;
}

/* One extra dictionary layer (see rasd_config.extra_dicts). */
static rasd_status ctx_load_layer(rasd_ctx *ctx, const char *spec)
{
    actors_import_stats st;
    if (!strncmp(spec, "petrarch:", 9))
        return actors_load_petrarch(ctx->actors, spec + 9, ACTORS_PETR_ACTORS, &st);
    if (!strncmp(spec, "petrarch-agents:", 16))
        return actors_load_petrarch(ctx->actors, spec + 16, ACTORS_PETR_AGENTS, &st);
    return actors_load_file(ctx->actors, spec);
}

/* Everything the event coder needs; each loader names the file that failed. */
static rasd_status ctx_load_coder(rasd_ctx *ctx)
{
    char path[4096];
    rasd_status st = morph_load(ctx->data_dir, &ctx->morph);
    if (st == RASD_OK)
        st = ner_load(ctx->data_dir, &ctx->ner);
    if (st == RASD_OK) {
        snprintf(path, sizeof path, "%s/actors", ctx->data_dir);
        st = actors_load(path, &ctx->actors);
    }
    for (size_t i = 0; st == RASD_OK && i < ctx->cfg.n_extra_dicts; i++)
        st = ctx_load_layer(ctx, ctx->cfg.extra_dicts[i]);
    if (st == RASD_OK) {
        snprintf(path, sizeof path, "%s/places", ctx->data_dir);
        st = geo_load(path, &ctx->geo);
    }
    if (st == RASD_OK) {
        snprintf(path, sizeof path, "%s/verbs", ctx->data_dir);
        st = lexicon_load(path, &ctx->lex);
    }
    if (st == RASD_OK)
        st = detect_load(ctx->data_dir, &ctx->detect);
    return st;
}

rasd_status rasd_ctx_new(const rasd_config *cfg, rasd_ctx **out)
{
    if (!out)
        return err_set(RASD_ERR_ARG, "rasd_ctx_new: out is NULL");
    *out = NULL;
    rasd_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return err_set(RASD_ERR_NOMEM, "out of memory");
    if (cfg)
        ctx->cfg = *cfg;
    else
        rasd_config_init(&ctx->cfg);
    if (!ctx->cfg.norm_flags)
        ctx->cfg.norm_flags = RASD_NORM_DEFAULT;
    if (!ctx->cfg.max_doc_bytes)
        ctx->cfg.max_doc_bytes = DEFAULT_MAX_DOC;
    ctx->data_dir = strdup(ctx_data_dir(&ctx->cfg));
    if (!ctx->data_dir) {
        free(ctx);
        return err_set(RASD_ERR_NOMEM, "out of memory");
    }
    ctx->cfg.data_dir = ctx->data_dir;
    if (!ctx->cfg.text_only) {
        rasd_status st = ctx_load_coder(ctx);
        if (st != RASD_OK) {
            rasd_ctx_free(ctx);
            return st;
        }
    }
    *out = ctx;
    return RASD_OK;
}

void rasd_ctx_free(rasd_ctx *ctx)
{
    if (!ctx)
        return;
    morph_free(ctx->morph);
    ner_free(ctx->ner);
    actors_free(ctx->actors);
    lexicon_free(ctx->lex);
    detect_free(ctx->detect);
    geo_free(ctx->geo);
    free(ctx->data_dir);
    free(ctx);
}
