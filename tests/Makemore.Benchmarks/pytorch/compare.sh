#!/usr/bin/env bash
# Times the lesson's 100-step full-batch training loop (one-hot, indexing, cross_entropy) in PyTorch and in
# makemore.NET on the same data, seed and thread count, alternating the two, and prints the ratios
# (ours / PyTorch: below 1 means ours is faster). Not run by CI. Installs Debian's python3-torch if it is missing.
#
#   tests/Makemore.Benchmarks/pytorch/compare.sh [REPEATS]     (default 3; MAKEMORE_BENCH_THREADS, default 1)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
repeats="${1:-3}"
threads="${MAKEMORE_BENCH_THREADS:-1}"
export MAKEMORE_BENCH_THREADS="$threads"
python=/usr/bin/python3
names="$repo/data/names.txt"

if ! "$python" -c 'import torch' 2>/dev/null; then
    echo "Installing Debian's python3-torch ..."
    apt-get install -y python3-torch >/dev/null
fi
[ -f "$names" ] || { echo "No $names: place the lesson's names.txt there (see the README)." >&2; exit 1; }

dotnet build -c Release "$repo/tests/Makemore.Benchmarks" -v quiet -nologo >/dev/null
bench="$repo/artifacts/bin/Makemore.Benchmarks/release_$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)/Makemore.Benchmarks"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for ((r = 1; r <= repeats; r++)); do
    echo "run $r/$repeats: PyTorch ..."
    "$python" "$here/lesson_loops.py" "$names" "$threads" >>"$out/pytorch"
    echo "run $r/$repeats: makemore.NET ..."
    (cd "$repo" && "$bench" loops) >>"$out/ours"
done

"$python" - "$out/pytorch" "$out/ours" "$threads" <<'PY'
import statistics, sys

def read(path):
    runs, header = {}, ""
    for line in open(path):
        if line.startswith("#"):
            header = line[2:].strip()
            continue
        parts = line.split()
        if len(parts) == 4 and parts[0] in ("one-hot", "indexing", "cross_entropy"):
            runs.setdefault(parts[0], []).append((float(parts[1]), parts[2], parts[3]))
    return header, runs

(theirs_header, theirs), (ours_header, ours) = read(sys.argv[1]), read(sys.argv[2])
print()
print(f"PyTorch: {theirs_header}")
print(f"ours:    {ours_header}")
print(f"the lesson's 100-step loop, median of {len(theirs['one-hot'])} runs each, same data, seed and threads ({sys.argv[3]})")
print()
print("| formulation | PyTorch (s) | makemore.NET (s) | ratio ours/PyTorch | losses (first → last), PyTorch / ours | target ≤ 1.0 |")
print("|---|---:|---:|---:|---|---|")
failed = False
for name in ("one-hot", "indexing", "cross_entropy"):
    t = statistics.median(s for s, _, _ in theirs[name])
    o = statistics.median(s for s, _, _ in ours[name])
    ratio = o / t
    failed |= ratio > 1.0
    _, tf, tl = theirs[name][0]
    _, of, ol = ours[name][0]
    print(f"| {name} | {t:.3f} | {o:.3f} | {ratio:.2f} | {tf} → {tl} / {of} → {ol} | {'PASS' if ratio <= 1.0 else 'FAIL'} |")
sys.exit(1 if failed else 0)
PY
