#!/usr/bin/env bash
# TempEval-3 development-corpus score of timeline.temporal.tag (needs ../shared/tempeval).
# Usage, from the project root: benchmarks/tempeval_score.sh [--dump out.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${TEMPEVAL_DIR:-../shared/tempeval}"
exec python3 "$shared/score.py" "$shared/TBAQ-cleaned" "$shared/timeline_adapter.py:extract" "$@"
