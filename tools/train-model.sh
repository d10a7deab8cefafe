#!/bin/sh
# train-model.sh: rebuilds rules/data/sentence.model, the splice scorer of
# incoherent-sentence, from the training split of the corpus of published
# posts (tools/split.py; the held-out posts are never trained or tuned on).
# The training itself is `draftlint learn`, plain C, deterministic.
#
# usage: tools/train-model.sh BUILD/draftlint [OUTPUT]
set -eu
bin=$1
out=${2:-rules/data/sentence.model}
here=$(cd "$(dirname "$0")" && pwd)
export DRAFTLINT_DATA_DIR="${DRAFTLINT_DATA_DIR:-$here/../rules/data}"
python3 "$here/split.py" train >/dev/null
# shellcheck disable=SC2046
"$bin" learn --model "$out" $(python3 "$here/split.py" train)
