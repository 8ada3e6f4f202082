/* code.c - the event coder entry point. The coder proper (actors, triggers,
 * argument assignment) is the next stage of the project; until it lands this
 * analyses the document and reports zero events, so that the reading, error
 * handling and output contract of `rasd code` are real. */
#include "core/doc.h"
#include <stdlib.h>
#include <string.h>

rasd_status rasd_code_json(const rasd_ctx *ctx, rasd_doc *doc, char **out,
                           size_t *out_len, size_t *n_events)
{
    if (!ctx || !doc || !out || !out_len)
        return err_set(RASD_ERR_ARG, "rasd_code_json: NULL argument");
    if (n_events)
        *n_events = 0;
    return rasd_doc_analyze(ctx, doc);
}
