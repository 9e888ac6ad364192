"""What the code cells of two executed copies of a notebook print, compared cell by cell: the runner's and the stock
kernel's. The setup cell (its package and extension messages differ by design, docs/stock-kernel.md) and lines marked
with the machine-dependent marker are left out; a Plotly chart or an SVG picture counts as such, whatever its ids."""
import json
import re
import sys


def printed(path):
    cells = [c for c in json.load(open(path, encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    for cell in cells[1:]:
        parts = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            html = "".join(data.get("text/html", ""))
            if output["output_type"] == "stream" and output["name"] == "stdout":
                parts.append("".join(output["text"]))
            elif output["output_type"] == "error":
                parts.append(f"error: {output.get('evalue', '')}")
            elif "plotly" in html.lower():
                parts.append("<Plotly chart>")
            elif "image/svg+xml" in data:
                parts.append("<SVG picture>")
            elif "text/plain" in data:
                parts.append("".join(data["text/plain"]))
            elif html:
                parts.append(re.sub(r"<[^>]+>", "", html))
        yield [line for line in "\n".join(parts).strip().split("\n") if "\u23f1" not in line]


runner, stock = list(printed(sys.argv[1])), list(printed(sys.argv[2]))
name = sys.argv[1].rsplit("/", 1)[-1]
differing = [i for i, (a, b) in enumerate(zip(runner, stock)) if a != b]
if len(runner) != len(stock) or differing:
    first = differing[0] if differing else min(len(runner), len(stock))
    print(f"{name}: the kernels differ from code cell {first + 2} on ({len(differing)} cell(s) differ)")
    sys.exit(1)
print(f"{name}: the same in both kernels ({len(runner)} code cells after the setup cell)")
