#!/bin/sh
# train-lm.sh: rebuilds rules/data/english.ngram, the general-English n-gram
# table of incoherent-sentence, from Debian's documentation and text
# packages (tools/english.py downloads them by name with apt-get download
# and keeps their prose; rules/data/ENGLISH-SOURCES lists them and their
# licences).  The text stays in the scratch folder; only the counts, as
# hashed keys, are shipped.  Rebuild sentence.model after it (make model):
# a model records the table it was trained with.
#
# usage: tools/train-lm.sh BUILD/mklm [OUTPUT] [SCRATCH]
set -eu
mklm=$1
out=${2:-rules/data/english.ngram}
scratch=${3:-${TMPDIR:-/tmp}/draftlint-english}
here=$(cd "$(dirname "$0")" && pwd)
export DRAFTLINT_DATA_DIR="${DRAFTLINT_DATA_DIR:-$here/../rules/data}"
/usr/bin/python3 "$here/english.py" "$scratch" "$scratch/text"
# n-grams seen three times or more: half the table of twice or more (8 MB,
# not 16), as good on the held-out posts, and faster to look up
"$mklm" --min 3 "$out" "$scratch"/text/*.txt
