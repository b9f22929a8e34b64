#!/bin/bash
# Where a gift-finder turn's allocations go (README, "Where a gift-finder turn's allocations go"): runs the load benchmark's
# turns scenario at 16 conversations, records 8 s of the gift finder's allocation samples with their stacks (dotnet-trace,
# gc-verbose profile) and splits them by stage of a turn.
# usage: benchmarks/AllocationStacks/profile-allocations.sh OUTPUT_DIR     (from the repository root)
# Needs: dotnet build -c Release benchmarks/GiftBot.Benchmarks; dotnet tool install -g dotnet-trace.
set -euo pipefail
out=${1:?output directory}
mkdir -p "$out"
trace=$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")
benchmarks/GiftBot.Benchmarks/bin/Release/net10.0/GiftBot.Benchmarks --scenario turns --connections 16 --seconds 40 --warmup 5 > "$out/bench.txt" 2>&1 &
bench=$!
until grep -q "running gift finder" "$out/bench.txt"; do sleep 1; done
# Past the benchmark's JIT settling and warm-up, inside its measured window.
sleep 30
"$trace" collect -p "$bench" --profile gc-verbose --duration 00:00:00:08 -o "$out/allocations.nettrace" > "$out/trace.log" 2>&1
wait "$bench"
perTurn=$(awk '/^gift finder/ { print $14 }' "$out/bench.txt")
dotnet run -c Release --project benchmarks/AllocationStacks -- "$out/allocations.nettrace" "$perTurn" | tee "$out/stages.txt"
