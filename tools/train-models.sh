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
    --seed 1 --epochs 8 --out "$MODELS/pos.bin"

# ---------------------------------------------------------------- ner
# (NER section: added by the NER stage owner; it may use the morph models
# trained above.)

echo "models: done"
