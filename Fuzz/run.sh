#!/usr/bin/env bash
# Builds the libFuzzer harnesses and runs each for a set time (default 60 s) on a copy of the
# committed seed corpus. Usage: bash Fuzz/run.sh [seconds]
# Prints executions per harness and any crash; crashing inputs are kept in Fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
flags=(-c debug --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld)
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p crashes
status=0
for harness in FuzzArticle FuzzFrontMatter FuzzMatcher; do
    swift build "${flags[@]}" --product "$harness" >/dev/null
    mkdir -p "$scratch/$harness"
    cp Corpus/"$harness"/* "$scratch/$harness/"
    log="$scratch/$harness.log"
    if ../.build-fuzz/debug/"$harness" -max_total_time="$seconds" -max_len=65536 -artifact_prefix=crashes/ \
        "$scratch/$harness" >"$log" 2>&1; then
        result="no crash"
    else
        result="CRASH (see Fuzz/crashes/ and the log below)"
        tail -40 "$log"
        status=1
    fi
    runs="$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)"
    corpus="$(ls "$scratch/$harness" | wc -l)"
    echo "$harness: ${runs:-stopped early}; corpus grew to $corpus inputs; $result"
done
exit $status
