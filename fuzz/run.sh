#!/usr/bin/env bash
# Runs one fuzz target for SECONDS (default 600) on one core, niced, after seeding its corpus.
# usage: fuzz/run.sh TARGET [SECONDS]
# Uses the stable toolchain with RUSTC_BOOTSTRAP=1 (cargo-fuzz needs nightly-only flags).
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run.sh TARGET [SECONDS]}
secs=${2:-600}
[ -d "corpus/$target" ] || python3 seed.py
dict=()
[ "$target" = hijri ] || dict=(-dict=tarikh.dict)
RUSTC_BOOTSTRAP=1 nice -n 10 cargo fuzz run "$target" "corpus/$target" -- \
  -max_total_time="$secs" -jobs=1 -workers=1 -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  "${dict[@]}" -print_final_stats=1
