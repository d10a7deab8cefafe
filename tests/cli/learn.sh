#!/bin/sh
# CLI tests of incoherent-sentence's model: `draftlint learn` on posts,
# deterministic output, --model and --sensitivity, and clear errors for a
# missing or broken model.
set -u
. "$(dirname "$0")/../lib.sh"
dl_test_init "$1"
shared=${DRAFTLINT_SHARED:-$here/../../../shared}


printf '# A post\n\nWe shipped it. The team was happy with it.\n' >"$tmp/post.md"
head -c 4096 /dev/zero | tr '\0' 'x' >"$tmp/broken.model"

check learn-needs-paths 2 'learn needs the posts' -- learn
check learn-too-few 2 'too few sentences to learn from: learn needs at least 200 to train on, and found [0-9]+ in 1 post \(' -- \
  learn --model out.model post.md
check broken-model 2 'cannot load the sentence model broken\.model: not a draftlint sentence model' -- \
  --model broken.model post.md
check missing-model 2 'cannot load the sentence model nothing\.model: No such file' -- \
  --set incoherent-sentence.model=nothing.model post.md
check model-ignored-when-rule-off 0 'no problems' -- \
  --disable incoherent-sentence --model broken.model post.md
check proofread 0 'no problems' -- --sensitivity proofread post.md

# a model or an n-gram table cut short, or with a header that lies about its
# size, is refused by name (the data folder's copies of the shipped files)
data=$(cd "$here/../../rules/data" && pwd)
head -c 30000 "$data/sentence.model" >"$tmp/cut.model"
check truncated-model 2 'cannot load the sentence model cut\.model: not a draftlint sentence model' -- \
  --model cut.model post.md
mkdir "$tmp/data"
cp "$data/wordnet.lex" "$data/tbm-posts.csv" "$data/sentence.model" "$tmp/data/"
head -c 100000 "$data/english.ngram" >"$tmp/data/english.ngram"
export DRAFTLINT_DATA_DIR="$tmp/data"
check truncated-ngram 2 "cannot load the n-gram table $tmp/data/english\.ngram: not a draftlint n-gram table" -- \
  --only incoherent-sentence post.md
printf 'DLNGRAM\0\1\0\0\0\77\0\0\0' >"$tmp/data/english.ngram"
check corrupt-ngram 2 "n-gram table $tmp/data/english\.ngram: (not a draftlint n-gram table|too short)" -- \
  --only incoherent-sentence post.md
unset DRAFTLINT_DATA_DIR
rm -r "$tmp/data"

corpus="$shared/corpus/clean"
if [ -d "$corpus" ]; then
  # sixty posts are enough to learn from; twice gives the same bytes
  ls "$corpus"/*.md | head -60 >"$tmp/posts"
  # shellcheck disable=SC2046
  check learn-posts 0 'wrote a\.model' -- learn --model a.model $(cat "$tmp/posts")
  # shellcheck disable=SC2046
  check learn-again 0 'wrote b\.model' -- learn --model b.model $(cat "$tmp/posts")
  if cmp -s "$tmp/a.model" "$tmp/b.model"; then ok; else
    bad "learn-deterministic: a.model and b.model differ"; fi
  check lint-with-learned 0 'no problems' -- --model a.model post.md
else
  echo "learn: corpus tests skipped, $corpus is not here"
fi

dl_test_done "learn"
