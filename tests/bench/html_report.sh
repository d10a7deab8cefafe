#!/bin/sh
# How long the HTML report takes as a draft grows from 1.25 to 10 MB: if the
# time per MB stays flat, the report is linear in the draft's size.  Not a
# timed test (the machine is shared); run it with `make bench-html`.
#
# Two shapes of draft: the seed post repeated (many short paragraphs, a few
# findings each), and one single paragraph (the seed's lines without blank
# lines between them: long text nodes, every finding in one block).  For
# each: the size, the findings, the best of three wall-clock times for
# --format html and, to compare, --format json, and the HTML time per MB.
#
# usage: tests/bench/html_report.sh BUILD/draftlint
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
seed=$root/examples/the-product-is-the-process.md
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# make_draft SHAPE BYTES FILE
make_draft() {
  : >"$3"
  if [ "$1" = paragraphs ]; then
    while [ "$(wc -c <"$3")" -lt "$2" ]; do cat "$seed" "$seed" "$seed" "$seed" >>"$3"; done
  else
    grep -v '^[[:space:]]*$' "$seed" | grep -v '^#' | sed 's/^[-[:space:]]*//' >"$tmp/lines"
    while [ "$(wc -c <"$3")" -lt "$2" ]; do cat "$tmp/lines" "$tmp/lines" "$tmp/lines" >>"$3"; done
  fi
}

# best_of_3 ARGS...: prints the fastest wall-clock time in milliseconds.
best_of_3() {
  best=
  for _ in 1 2 3; do
    t0=$(date +%s%N)
    "$bin" "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

printf '%-11s %8s %9s %9s %9s %10s\n' shape MB findings html_ms json_ms html_ms/MB
for shape in paragraphs paragraph; do
  for kb in 1280 2560 5120 10240; do
    f=$tmp/$shape-$kb.md
    make_draft "$shape" $((kb * 1024)) "$f"
    bytes=$(wc -c <"$f")
    findings=$("$bin" --format json "$f" 2>/dev/null |
               python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["problems"])')
    html=$(best_of_3 --format html -o "$tmp/out.html" "$f")
    json=$(best_of_3 --format json -o "$tmp/out.json" "$f")
    awk -v s="$shape" -v b="$bytes" -v n="$findings" -v h="$html" -v j="$json" \
      'BEGIN { mb = b / 1048576; printf "%-11s %8.2f %9d %9d %9d %10.1f\n", s, mb, n, h, j, h / mb }'
  done
done
