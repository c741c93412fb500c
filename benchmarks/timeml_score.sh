#!/usr/bin/env bash
# Score timeline.temporal.tag on the TimeML sets in benchmarks/timeml (needs ../shared/tempeval/score.py).
# Usage, from the project root: bash benchmarks/timeml_score.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${TEMPEVAL_DIR:-../shared/tempeval}"
for d in benchmarks/timeml/set*/; do
    printf '%s ' "$(basename "$d")"
    python3 "$shared/score.py" "$d" "$shared/timeline_adapter.py:extract" | grep '^all-types'
done
printf 'all  '
python3 "$shared/score.py" benchmarks/timeml "$shared/timeline_adapter.py:extract" | grep '^all-types'
