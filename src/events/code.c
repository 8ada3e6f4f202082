/* code.c - rasd_code_json: analyse a document and code its events. */
#include "events/code_int.h"
#include <stdlib.h>
#include <string.h>

rasd_status rasd_code_json(const rasd_ctx *ctx, rasd_doc *doc, char **out,
                           size_t *out_len, size_t *n_events)
{
    if (!ctx || !doc || !out || !out_len)
        return err_set(RASD_ERR_ARG, "rasd_code_json: NULL argument");
    if (n_events)
        *n_events = 0;
    if (!ctx->lex)
        return err_set(RASD_ERR_ARG, "rasd_code_json: the context was made with "
                       "text_only and has no coder resources");
    rasd_status st = rasd_doc_analyze(ctx, doc);
    if (st != RASD_OK)
        return st;
    ev_out eo = {.doc = doc};
    buf_init(&eo.b);
    if (*out && *out_len) /* append to what the caller has */
        buf_put(&eo.b, *out, *out_len);
    st = coder_run(ctx, doc, &eo);
    if (st == RASD_OK && eo.b.oom)
        st = err_set(RASD_ERR_NOMEM, "%s: out of memory", doc->input);
    if (st != RASD_OK) {
        buf_free(&eo.b);
        return st;
    }
    free(*out);
    *out = buf_take(&eo.b, out_len);
    if (n_events)
        *n_events = eo.n;
    return RASD_OK;
}
