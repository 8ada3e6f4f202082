/* cmd_train.c - `rasd train <component>` and `rasd eval <what>`: dispatch to
 * the trainers and evaluators that live beside each stage's command. */
#include "cli.h"
#include <string.h>

typedef struct sub_cmd {
    const char *name;
    cli_cmd_fn fn;
    const char *summary;
} sub_cmd;

static const sub_cmd train_cmds[] = {
    {"seg", cmd_train_seg, "clitic segmentation model (data/models/seg.bin)"},
    {"pos", cmd_train_pos, "UPOS tagger (data/models/pos.bin)"},
    {"ner", cmd_train_ner, "named-entity model (data/models/ner.bin)"},
    {"ner-clusters", cmd_train_ner_clusters, "word clusters for NER features"},
    {"ner-embed", cmd_train_ner_embed, "embedding clusters for NER features"},
    {"ner-autolex", cmd_train_ner_autolex, "NER lexicon derived from the clusters"},
    {"events", cmd_train_events, "candidate-event classifier on GSR files (data/models/events.bin)"},
};

static const sub_cmd eval_cmds[] = {
    {"ner", cmd_eval_ner, "NER precision/recall/F1 on a CoNLL file"},
    {"gsr-detect", cmd_eval_gsr_detect, "ASSAULT/PROTEST sentence detection on a GSR *_detect.jsonl file"},
    {"gsr-spans", cmd_eval_gsr_spans, "category + source + target on a GSR *_spans.jsonl file"},
};

static int sub_dispatch(const char *what, const sub_cmd *cmds, size_t n,
                        int argc, char **argv, cli_io *io)
{
    const char *name = argc > 1 ? argv[1] : "";
    for (size_t i = 0; i < n; i++)
        if (!strcmp(cmds[i].name, name))
            return cmds[i].fn(argc - 1, argv + 1, io);
    bool help = !strcmp(name, "--help") || !strcmp(name, "-h");
    FILE *f = help ? io->out : io->err;
    if (!help)
        fprintf(f, "rasd: %s: unknown component '%s'\n", what, name);
    fprintf(f, "usage: rasd %s COMPONENT [ARGS]\n", what);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "  %-14s %s\n", cmds[i].name, cmds[i].summary);
    return help ? CLI_OK : CLI_USAGE;
}

int cmd_train(int argc, char **argv, cli_io *io)
{
    return sub_dispatch("train", train_cmds, sizeof train_cmds / sizeof train_cmds[0],
                        argc, argv, io);
}

int cmd_eval(int argc, char **argv, cli_io *io)
{
    return sub_dispatch("eval", eval_cmds, sizeof eval_cmds / sizeof eval_cmds[0],
                        argc, argv, io);
}
