#!/usr/bin/env bash
# Runs stock-kernel-check.ipynb in the stock .NET kernel that VS Code (Polyglot Notebooks) and Jupyter use: the dotnet
# tool Microsoft.dotnet-interactive 1.0.712001 (which preloads FSharp.Core 10.0), driven by Debian's Jupyter
# (`jupyter nbconvert --execute`). Then runs the same notebook through the project's runner, and prints both results.
# With notebooks as arguments (`tests/stock-kernel/check.sh notebooks/*.ipynb`), each of them also runs in both
# kernels, and what their code cells print is compared (compare.py; the setup cell and lines marked ⏱ excepted).
# A manual check: neither CI nor the README's commands run it. Installs what it needs (Debian packages as root).
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$repo/artifacts/stock-kernel"
tools="$work/tools"
kernels="$work/jupyter"
version=1.0.712001
mkdir -p "$work"

# Debian's Jupyter, not the Python first on PATH: /usr/bin/python3 is Debian's.
if [ ! -x /usr/bin/jupyter-nbconvert ]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends jupyter-nbconvert python3-nbclient jupyter-client
fi
export PATH="/usr/bin:$tools:$PATH"

if [ ! -x "$tools/dotnet-interactive" ]; then
  dotnet tool install --tool-path "$tools" Microsoft.dotnet-interactive --version "$version"
fi
# Kernel specs go to a folder of our own, so the user's Jupyter set-up is left alone.
mkdir -p "$kernels/kernels"
dotnet-interactive jupyter install --path "$kernels/kernels" > /dev/null
export JUPYTER_PATH="$kernels"

dotnet build "$repo/lib/Makemore" -v q -nologo

# The setup cell's #r "../artifacts/..." is relative to the notebook's folder, as for notebooks/*.ipynb: a notebook
# directly in artifacts/ resolves it the same way, and finds the repository's data/ folder.
cp "$(dirname "$0")/stock-kernel-check.ipynb" "$repo/artifacts/stock-kernel-check.ipynb"

echo "== Stock kernel: jupyter nbconvert --execute with Microsoft.dotnet-interactive $version"
stock_status=0
/usr/bin/jupyter-nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=.net-csharp \
  --ExecutePreprocessor.timeout=600 --output stock-kernel-check.stock.ipynb \
  "$repo/artifacts/stock-kernel-check.ipynb" || stock_status=$?

echo "== Project runner"
runner_status=0
dotnet run --project "$repo/lib/Makemore.NotebookRunner" -- "$repo/artifacts/stock-kernel-check.ipynb" \
  --output "$work/runner" || runner_status=$?

# What each cell printed, displayed or raised.
summarize() {
  /usr/bin/python3 - "$1" <<'PY'
import json, sys
notebook = json.load(open(sys.argv[1]))
for number, cell in enumerate(notebook["cells"], 1):
    for output in cell.get("outputs", []):
        kind = output["output_type"]
        if kind == "stream":
            text = "".join(output["text"]).strip().replace("\n", " | ")
        elif kind == "error":
            text = f'{output["ename"]}: {output["evalue"]}'
        else:
            data = output["data"]
            html = "".join(data.get("text/html", ""))
            text = ", ".join(data) + (" (Plotly chart)" if "Plotly.newPlot" in html else "")
        print(f"  cell {number} {kind}: {text[:200]}")
PY
}
for copy in "$repo/artifacts/stock-kernel-check.stock.ipynb" "$work/runner/stock-kernel-check.ipynb"; do
  if [ -f "$copy" ]; then echo "== Outputs of $copy"; summarize "$copy"; fi
done
echo "== Exit codes: stock kernel $stock_status, runner $runner_status"
[ "$stock_status" -eq 0 ] && [ "$runner_status" -eq 0 ] || exit 1

# The series' notebooks, if given: copied into artifacts/ like the probe, so their #r "../artifacts/..." resolves.
[ "$#" -gt 0 ] || exit 0
copies=()
mkdir -p "$work/stock"
for notebook in "$@"; do
  copy="$repo/artifacts/stock-$(basename "$notebook")"
  cp "$notebook" "$copy"
  copies+=("$copy")
  /usr/bin/jupyter-nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=.net-csharp \
    --ExecutePreprocessor.timeout=600 --output-dir "$work/stock" --output "$(basename "$notebook")" "$copy" > /dev/null 2>&1 \
    || { echo "stock kernel: $(basename "$notebook") failed"; exit 1; }
done
dotnet run --project "$repo/lib/Makemore.NotebookRunner" -- "${copies[@]}" --output "$work/runner" > /dev/null
for notebook in "$@"; do
  name=$(basename "$notebook")
  /usr/bin/python3 "$(dirname "$0")/compare.py" "$work/runner/stock-$name" "$work/stock/$name" || status=1
done
exit "${status:-0}"
