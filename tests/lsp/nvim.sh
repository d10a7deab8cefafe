#!/bin/sh
# The language server in a real editor: Neovim (Debian's neovim, headless)
# with its built-in LSP client runs tests/lsp/nvim.lua on a copy of the
# seed draft.  usage: nvim.sh BUILD/draftlint
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
command -v nvim >/dev/null || { echo "FAIL nvim: neovim is not installed (make deps)"; exit 1; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cp "$root/examples/the-product-is-the-process.md" "$tmp/draft.md"
"$bin" --format json "$tmp/draft.md" >"$tmp/expect.json"
cd "$tmp" || exit 2
DRAFTLINT=$bin EXPECT=$tmp/expect.json RESULT=$tmp/result.txt \
  timeout 120 nvim --headless -u NONE -i NONE -n \
  -c "luafile $root/tests/lsp/nvim.lua" draft.md >"$tmp/nvim.log" 2>&1
rc=$?
cat "$tmp/result.txt" 2>/dev/null
if [ $rc -ne 0 ] || ! grep -q '^nvim: every check passed' "$tmp/result.txt" 2>/dev/null; then
  echo "FAIL nvim (exit $rc):"; tail -20 "$tmp/nvim.log"
  exit 1
fi
