#!/bin/sh
# Run review sets with one tree's code over the rtqa-dev bench store:
#   eval/review/runsets.sh TREE TAG OUTDIR [SET ...]      (SET: r5 r6 ...; all of eval/review/r*.yaml when none)
# TREE is a copy of the code to run (rag ui eval ingest pyproject.toml; `.` for this tree). Each set's answers go to
# OUTDIR/TAG-SET.json; compare two tags with `python eval/review/totals.py OUTDIR A B`. Set STORE to another store.
set -e
here=$(cd "$(dirname "$0")/../.." && pwd)
tree=$(cd "$1" && pwd); tag=$2; out=$(mkdir -p "$3" && cd "$3" && pwd); shift 3
store=${STORE:-$here/.newsrag-bench/store-0077667c1d3d}
py=${PYTHON:-$here/.venv/bin/python}
sets=$*
[ -n "$sets" ] || sets=$(ls "$here"/eval/review/r*.yaml | sed 's#.*/##; s#\.yaml$##' | sort -V)
for s in $sets; do
  yaml=$here/eval/review/$s.yaml
  [ -f "$yaml" ] || yaml=$(ls /work/review/$s/$s.yaml 2>/dev/null || true)
  [ -f "$yaml" ] || { echo "no set $s" >&2; exit 2; }
  (cd "$tree" && "$py" -m ui.cli --store "$store" eval run "$yaml" --use-store --json "$out/$tag-$s.json" > /dev/null)
  echo "$s done"
done
