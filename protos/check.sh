#!/usr/bin/env bash
# Proto checks of ./test.sh: `buf lint` (the protobuf style guide, see buf.yaml), then `buf breaking` against the
# previous commit's protos. A wire- or JSON-breaking change passes only as a deliberate, recorded decision: the same
# change adds an entry to protos/CHANGES.md (what breaks, why, what clients do). Needs buf (npm ci in this folder).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
BUF=./node_modules/.bin/buf
[[ -x "$BUF" ]] || { echo "protos/check.sh: $BUF missing; run npm ci in protos/ (./test.sh does it)" >&2; exit 1; }

echo "buf lint"
"$BUF" lint

# The base: the commit before HEAD when the work tree is clean (CI), else HEAD (uncommitted proto changes).
repo_root="$(git rev-parse --show-toplevel)"
if [[ -n "$(git status --porcelain -- . 2>/dev/null)" ]]; then
  base=HEAD
else
  base=HEAD~1
fi
if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
  echo "buf breaking: no $base in this clone (first commit or a shallow clone): nothing to compare against"
  exit 0
fi
subdir="$(realpath --relative-to="$repo_root" .)"
if [[ -z "$(git -C "$repo_root" ls-tree -d "$base" -- "$subdir" 2>/dev/null)" ]]; then
  echo "buf breaking: $base has no protos/ folder: nothing to compare against"
  exit 0
fi

echo "buf breaking against $base"
if report="$("$BUF" breaking --against "$repo_root/.git#ref=$base,subdir=$subdir" 2>&1)"; then
  echo "no wire or JSON change that breaks clients"
  exit 0
fi
echo "$report"
# Deliberate: this change adds lines to CHANGES.md (or adds the file itself).
if ! git -C "$repo_root" cat-file -e "$base:$subdir/CHANGES.md" 2>/dev/null; then
  added="$(grep -c . CHANGES.md 2>/dev/null || true)"
elif [[ "$base" == HEAD ]]; then
  added="$(git diff HEAD -- CHANGES.md | grep -c '^+[^+]' || true)"
else
  added="$(git diff "$base" HEAD -- CHANGES.md | grep -c '^+[^+]' || true)"
fi
if ((added > 0)); then
  echo "buf breaking: the breaking changes above are recorded in protos/CHANGES.md in this change: accepted"
  exit 0
fi
echo "buf breaking: the change above breaks clients on the wire or in JSON. Undo it, or record it as a deliberate decision in protos/CHANGES.md (what breaks, why, what clients must do) in the same commit." >&2
exit 1
