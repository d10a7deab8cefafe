#!/bin/sh
# train-model.sh: rebuilds rules/data/sentence.model, the splice scorer of
# incoherent-sentence, from the training split of the corpus of published
# posts (tools/split.py), then sets its thresholds by cross-validation over
# all of the author's posts (tools/cv-splice.py: every post scored by a
# model that never trained on it).  The other writers' posts are never
# trained or tuned on.  The training itself is `draftlint learn`, plain C,
# deterministic.
#
# With BACKGROUND=DIR, the *.txt files there (general English kept out of
# the n-gram table: tools/train-lm.sh writes SCRATCH/background) train the
# scorer too, at a quarter of a post sentence's weight.  That was measured
# for issue 18 and is not what the shipped model is (README, "What general
# English adds").
#
# usage: [BACKGROUND=DIR] tools/train-model.sh BUILD/draftlint [OUTPUT] [WORKDIR]
set -eu
bin=$1
out=${2:-rules/data/sentence.model}
work=${3:-${TMPDIR:-/tmp}/draftlint-cv}
here=$(cd "$(dirname "$0")" && pwd)
export DRAFTLINT_DATA_DIR="${DRAFTLINT_DATA_DIR:-$here/../rules/data}"
python3 "$here/split.py" train >/dev/null
set --
if [ -n "${BACKGROUND:-}" ]; then
  set -- "$BACKGROUND"/*.txt
  [ -f "$1" ] || { echo "train-model: no *.txt in $BACKGROUND" >&2; exit 2; }
fi
# shellcheck disable=SC2046
"$bin" learn --model "$out" $(python3 "$here/split.py" train) "$@"
rm -rf "$work"
python3 "$here/cv-splice.py" "$bin" "$work" --set "$out" --extra "$@"
