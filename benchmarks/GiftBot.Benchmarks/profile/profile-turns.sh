#!/bin/bash
# CPU per stage of a gift-finder turn, from perf samples of the load benchmark's bot host (see README "Where a turn's CPU goes").
# usage: benchmarks/GiftBot.Benchmarks/profile/profile-turns.sh OUTPUT_DIR [SECONDS_TO_SAMPLE]
# Run from the repository root after `dotnet build -c Release benchmarks/GiftBot.Benchmarks`.
set -euo pipefail
out=${1:?output directory}; seconds=${2:-12}
mkdir -p "$out"
here=$(dirname "$0")
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
benchmarks/GiftBot.Benchmarks/bin/Release/net10.0/GiftBot.Benchmarks --scenario turns --connections 16 --seconds $((seconds + 30)) --warmup 5 > "$out/bench.txt" 2>&1 &
bench=$!
until grep -q "running gift finder" "$out/bench.txt"; do sleep 1; done
# Past the benchmark's own JIT settling and warm-up, so tier-0 code does not inflate the figures.
sleep 25
perf record -F 299 -g -p "$bench" -o "$out/perf.data" -- sleep "$seconds" 2> "$out/perf.err"
wait "$bench"
cpu=$(awk '/^gift finder/ { print $12 }' "$out/bench.txt")
perf script -i "$out/perf.data" 2>/dev/null > "$out/perf.txt"
python3 "$here/turn_stages.py" "$cpu" < "$out/perf.txt" | tee "$out/stages.txt"
