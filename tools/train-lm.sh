#!/bin/sh
# train-lm.sh: rebuilds rules/data/english.ngram, the general-English n-gram
# table of incoherent-sentence, from ../shared/corpus/english (49.4M words
# of edited English, one paragraph a line, xz; its SOURCES.md, and
# rules/data/ENGLISH-SOURCES, give the sources and licences).
#
# Every 25th line is kept out of the table and written, every other one of
# them, to SCRATCH/background/*.txt: general English that `draftlint learn`
# may train the splice scorer on (tools/train-model.sh), whose sentences the
# table must not have counted, or the scorer would learn that real
# sentences are always familiar.  The text stays in the scratch folder;
# only the counts, as hashed keys, would be shipped.  Rebuild
# sentence.model after it (make model): a model records the table it was
# trained with.
#
# The table shipped today is still the one counted from Debian's
# documentation (tools/english.py; rules/data/ENGLISH-SOURCES): this one,
# with a scorer retrained on it, ranked splices better but made one false
# alarm too many on the other writers' posts at its cross-validated strict
# threshold (issue 18; README, "What general English adds").
#
# usage: tools/train-lm.sh BUILD/mklm [OUTPUT] [SCRATCH]
set -eu
mklm=$1
out=${2:-rules/data/english.ngram}
scratch=${3:-${TMPDIR:-/tmp}/draftlint-english}
here=$(cd "$(dirname "$0")" && pwd)
export DRAFTLINT_DATA_DIR="${DRAFTLINT_DATA_DIR:-$here/../rules/data}"
english=${DRAFTLINT_SHARED:-$here/../../shared}/corpus/english
[ -d "$english" ] || { echo "train-lm: $english is not here" >&2; exit 2; }
mkdir -p "$scratch/table" "$scratch/background"
for f in "$english"/*.txt.xz; do
  b=$(basename "$f" .txt.xz)
  # a blank line after each paragraph: Markdown paragraphs, as mklm reads
  xz -dc "$f" | awk -v t="$scratch/table/$b.txt" \
    -v g="$scratch/background/$b.txt" '
    NR % 25 == 0 { if (NR % 50 == 25) { print > g; print "" > g }; next }
    { print > t; print "" > t }'
done
# n-grams seen three times or more: 7M of them, a 32 MB table
"$mklm" --min 3 "$out" "$scratch"/table/*.txt
