#!/bin/sh
# Retrain every model in data/models/ from ../shared (called by `make models`).
#
#   sh tools/train-models.sh [RASD_BINARY] [SHARED_DIR]
#
# Deterministic: the same inputs and seeds give byte-identical models.
# Each stage writes its provenance into the model's PROV section.
set -eu

RASD=${1:-build/rasd}
SHARED=${2:-../shared}
MODELS=data/models
UD=$SHARED/data/ud
mkdir -p "$MODELS"

# ---------------------------------------------------------------- morph
# Segmenter and UPOS tagger (src/morph/README.md). Own split of UD
# Arabic-PADT v1.3 (no train split is shipped): train = all of ar-ud-dev +
# the first 80% of ar-ud-test sentences; dev = the last 20% of ar-ud-test.
# PUD is never trained on (it is the segmentation test set).
echo "models: seg"
nice "$RASD" train seg \
    --train "$UD/ar-ud-dev.v1.3-2016.conllu" \
    --train "$UD/ar-ud-test.v1.3-2016.conllu@0:80" \
    --dev "$UD/ar-ud-test.v1.3-2016.conllu@80:100" \
    --news "$SHARED/data/news/ant-corpus-v2.1.jsonl.zst" \
    --seed 1 --epochs 10 --out "$MODELS/seg.bin"
echo "models: pos"
nice "$RASD" train pos \
    --train "$UD/ar-ud-dev.v1.3-2016.conllu" \
    --train "$UD/ar-ud-test.v1.3-2016.conllu@0:80" \
    --dev "$UD/ar-ud-test.v1.3-2016.conllu@80:100" \
    --seed 1 --epochs 8 --prune 1 --out "$MODELS/pos.bin"

# ---------------------------------------------------------------- ner
# Named entities (src/ner/, data/ner/README.md, data/gazetteers/README.md).
#  1. word clusters learnt from the ANT news corpus -> data/ner/clusters.tsv
#  2. skip-gram embeddings of the same corpus, clustered at four k
#     -> data/ner/embclusters.tsv
#  3. the tagger: ANERcorp CAMeL train split + gazetteers + both clusterings, with
#     document-memory features trained on 5-fold jackknifed tags
#     -> data/models/ner.bin
# Settings were chosen on held-out dev data (the last 10% of the train
# sentences, `--dev-frac 0.1`, and three other contiguous 10% folds); the
# committed model is trained on every train sentence (--dev-frac 0).
# Seeds are fixed; about ten minutes on one core (embeddings: ~7).
NER_TRAIN=$SHARED/data/ner/ANERCorp_CamelLab_train.txt
ANT=$SHARED/data/news/ant-corpus-v2.1.jsonl.zst
mkdir -p data/ner
echo "models: ner clusters"
nice "$RASD" train ner-clusters -o data/ner/clusters.tsv --vocab 60000 \
    --contexts 300 --fine 512 --coarse 64 --iters 10 --seed 2 "$ANT"
echo "models: ner embeddings"
nice "$RASD" train ner-embed -o data/ner/embclusters.tsv --vocab 60000 \
    --window 5 --negative 5 --epochs 3 --k 100,500,1000,2000 --seed 1 "$ANT"
echo "models: ner"
nice "$RASD" train ner --train "$NER_TRAIN" --dev-frac 0 \
    --gaz data/gazetteers --clusters data/ner/clusters.tsv --autolex none \
    --emb data/ner/embclusters.tsv \
    --epochs 10 --ensemble 4 --memory --o-bias 2 --seed 1 -o "$MODELS/ner.bin"

# ---------------------------------------------------------------- events
# Candidate-event classifier (src/events/detect.c): features of every
# candidate the coder finds in the GSR sentences of the dev half (even
# FNV-1a hash of the id), with the share of annotators who accepted the
# sentence as the target; the spans files add no examples (their sentences
# are in the detect files) but mark the sentences that hold an annotated
# event. Epochs, L2 and per-category thresholds are chosen by 5-fold
# cross-validation inside that half, each threshold by the best detection
# F1 among those keeping 85% of the spans sentences (else the best mean of
# F1 and that share). The test half is never read.
# Needs every model above and data/verbs: run last.
GSR=$SHARED/data/gsr
echo "models: events"
nice "$RASD" train events --data data "$GSR/assault_gsr_detect.jsonl" \
    "$GSR/protest_gsr_detect.jsonl" "$GSR/assault_spans.jsonl" "$GSR/protest_spans.jsonl"

echo "models: done"
