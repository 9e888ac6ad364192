#!/usr/bin/python3
"""The reference values of makemore.NET: the lesson's computations on names.txt, run in PyTorch 1.13.

The series quotes numbers and sampled names "from the lesson" and "from PyTorch". This script is where they come from:
it walks through the steps of the lesson (Andrej Karpathy's "building makemore", part 1, bigrams) with PyTorch, in the
order the lesson takes them, and writes every value the notebooks and tests compare with to one JSON file, each with
what computed it. The library embeds that file (Makemore.LessonReference), so notebooks print the reference beside
their own value and tests read the same numbers.

PyTorch 1.13 is the release the lesson's video used: from 2.0 on, torch.multinomial draws single samples differently
(karpathy/nn-zero-to-hero issue 34), so later releases no longer give the lesson's names. Debian 12's python3-torch is
1.13.1:

    apt-get install python3-torch
    /usr/bin/python3 tests/reference/lesson_reference.py            # writes lib/Makemore/Reference/lesson-reference.json

Three kinds of value are written:
- "computed": this script's own result (PyTorch 1.13, one thread);
- "saved output": printed in the lesson notebook as saved upstream, which running cannot reproduce (the notebook's
  cells were re-run by hand, so its last printed loss belongs to no fixed number of steps); copied with its cell;
- "reported": a result of another PyTorch release, quoted from the public report that gives it.

Float32 results can differ in their last bits between builds of the same release, because the BLAS library that sums
the matrix products differs (Debian's uses the reference BLAS; the lesson ran the upstream build): the lesson notebook's
cell In [560] printed 0.018050702288746834 for emma's second label where this build gives 0.018050700426101685. The
file records the build; comparisons at the 4 to 6 decimals the notebooks print are unaffected.

Not part of the README's commands or of CI; the test LessonReferenceTests.TheScriptGivesTheCommittedValues runs it
where /usr/bin/python3 has PyTorch 1.13 and compares.
"""

import argparse
import hashlib
import json
import pathlib
import subprocess
import sys

import torch
import torch.nn.functional as F

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = "tests/reference/lesson_reference.py"
LESSON_NOTEBOOK = "karpathy/nn-zero-to-hero, lectures/makemore/makemore_part1_bigrams.ipynb"
ISSUE_34 = "karpathy/nn-zero-to-hero issue 34"
SEED = 2147483647          # the lesson's generator seed
SPLIT_SEED = 42            # exercise E02's shuffle
STEPS = 300                # the lesson runs 100 steps; notebook 05 looks as far as 300
LESSON_LAST_LOSS = 2.481828451156616   # the lesson notebook's saved output of cell In [716]


def parse_arguments():
    parser = argparse.ArgumentParser(description="Write the lesson's reference values, computed with PyTorch 1.13.")
    parser.add_argument("--names", default=str(REPOSITORY / "data" / "names.txt"), help="names.txt (default: data/names.txt)")
    parser.add_argument("--out", default=str(REPOSITORY / "lib" / "Makemore" / "Reference" / "lesson-reference.json"),
                        help="the JSON file to write (default: the library's lib/Makemore/Reference/lesson-reference.json)")
    return parser.parse_args()


def build():
    """torch.__version__ with what decides the last bits of float32 results on Debian: the python3-torch package (its
    torch.__version__ reads 1.13.0a0) and the BLAS library behind it, which sums the matrix products."""
    try:
        done = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-torch"], capture_output=True, text=True, check=False)
        package = done.stdout.strip()
    except OSError:
        package = ""
    blas = pathlib.Path("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    details = ([f"Debian python3-torch {package}"] if package else []) + ([f"BLAS {blas.resolve()}"] if blas.exists() else [])
    return torch.__version__ + (f" ({', '.join(details)})" if details else "")


def to_json(document):
    """Indented, with each value on one line, so that a changed value is a one-line diff."""
    lines = ["{"]
    for key, item in document.items():
        if key != "values":
            lines.append(f"  {json.dumps(key)}: {json.dumps(item, ensure_ascii=False)},")
    lines.append('  "values": [')
    for i, entry in enumerate(document["values"]):
        fields = [f"      {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in entry.items()]
        lines.append("    {\n" + ",\n".join(fields) + "\n    }" + ("," if i + 1 < len(document["values"]) else ""))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


class Values:
    """The entries of the JSON file, in the order the series meets them."""

    def __init__(self, pytorch):
        self.pytorch = pytorch
        self.entries = []
        self.names = set()

    def add(self, name, value, what, kind="computed", who=None, where=SCRIPT):
        if name in self.names:
            raise ValueError(f"two values named {name!r}")
        self.names.add(name)
        self.entries.append({"name": name, "kind": kind, "who": who or self.pytorch, "what": what, "where": where, "value": value})


def floats(t):
    return [float(x) for x in t.tolist()]


def generator(seed=SEED):
    return torch.Generator().manual_seed(seed)


def sample_names(rows, g, count=5):
    """The lesson's sampling loop: from '.', draw each next symbol from the current symbol's row, until '.' again."""
    names = []
    for _ in range(count):
        out = []
        ix = 0
        while True:
            p = rows(ix)
            ix = torch.multinomial(p, num_samples=1, replacement=True, generator=g).item()
            out.append(itos[ix])
            if ix == 0:
                break
        names.append("".join(out))
    return names


def network_rows(W):
    """The lesson's network as a sampler: one-hot input, logits, exp, normalise (its cell In [725])."""
    def row(ix):
        xenc = F.one_hot(torch.tensor([ix]), num_classes=27).float()
        counts = (xenc @ W).exp()
        return counts / counts.sum(1, keepdims=True)
    return row


args = parse_arguments()
if not torch.__version__.startswith("1.13"):
    print(f"error: this script needs PyTorch 1.13, the lesson's release; this is {torch.__version__}", file=sys.stderr)
    sys.exit(2)
torch.set_num_threads(1)   # as the notebooks run TorchSharp; sums then add in one fixed order

names_bytes = pathlib.Path(args.names).read_bytes()
words = names_bytes.decode("utf-8").splitlines()
values = Values("PyTorch " + ".".join(torch.__version__.split(".")[:2]))

# --- Notebook 02: the lesson's vocabulary and its 27 x 27 count table, filled one bigram at a time.
chars = sorted(set("".join(words)))
stoi = {c: i + 1 for i, c in enumerate(chars)}
stoi["."] = 0
itos = {i: c for c, i in stoi.items()}
N = torch.zeros((27, 27), dtype=torch.int32)
for w in words:
    chs = ["."] + list(w) + ["."]
    for a, b in zip(chs, chs[1:]):
        N[stoi[a], stoi[b]] += 1

# --- Notebook 03: the first row as a distribution, and drawing from it.
p = N[0].float()
p = p / p.sum()
values.add("first-letter probabilities", floats(p), "row 0 of N divided by its sum, the lesson's cell In [17]")
first = torch.multinomial(p, num_samples=1, replacement=True, generator=generator()).item()
values.add("first draw", first, "one torch.multinomial draw from those probabilities, generator seeded 2147483647, the lesson's cell In [18]")
values.add("first draw, PyTorch 2.0", "c", "the first draw from row 0, which is 'm' with PyTorch 1.13.1 as in the video",
           kind="reported", who="PyTorch 2.0.0", where=ISSUE_34)

g = generator()
raw = torch.rand(3, generator=g)
values.add("rand(3)", floats(raw), "torch.rand(3) from a generator seeded 2147483647, before normalising")
p3 = raw / raw.sum()
values.add("three-outcome distribution", floats(p3), "torch.rand(3) normalised to sum to 1, the lesson's cell In [19]")
draws = torch.multinomial(p3, num_samples=100, replacement=True, generator=g)
values.add("100 draws", draws.tolist(), "100 torch.multinomial draws with replacement from it, same generator, the lesson's cell In [20]")

P = N.float()
P /= P.sum(1, keepdim=True)
values.add("names, counting model", sample_names(lambda ix: P[ix], generator()),
           "the lesson's sampling loop on P, the counts normalised by rows, generator seeded 2147483647")
wrong = N.float()
wrong = wrong / wrong.sum(1)
values.add("names, without keepdim", sample_names(lambda ix: wrong[ix], generator()),
           "the same loop on the counts divided by sum(1) without keepdim, which normalises the columns")
uniform = torch.ones(27) / 27.0
values.add("names, uniform model", sample_names(lambda ix: uniform, generator()),
           "the same loop drawing every symbol with probability 1/27")

# --- Notebook 04: add-one smoothing, and the loss.
P1 = (N + 1).float()
P1 /= P1.sum(1, keepdims=True)
values.add("names, add-one smoothing", sample_names(lambda ix: P1[ix], generator()),
           "the lesson's sampling loop on P with add-one smoothing, the lesson's cells In [310] and In [164]")
log_likelihood = 0.0
n = 0
for w in words:
    chs = ["."] + list(w) + ["."]
    for a, b in zip(chs, chs[1:]):
        log_likelihood += torch.log(P1[stoi[a], stoi[b]])
        n += 1
values.add("log likelihood, running sum", log_likelihood.item(),
           "the lesson's loop adding each bigram's log-probability into one float32 total, the lesson's cell In [435]")
values.add("average NLL, running sum", (-log_likelihood / n).item(), "that total, negated and divided by the 228,146 bigrams")

xs_all = []
ys_all = []
for w in words:
    chs = ["."] + list(w) + ["."]
    for a, b in zip(chs, chs[1:]):
        xs_all.append(stoi[a])
        ys_all.append(stoi[b])
xs_all = torch.tensor(xs_all)
ys_all = torch.tensor(ys_all)
values.add("average NLL, mean", (-P1[xs_all, ys_all].log().mean()).item(),
           "the same model's loss as one float32 mean of the 228,146 log-probabilities")

# --- Notebook 05: the network on the five examples of emma.
xs = xs_all[:5]
ys = ys_all[:5]
xenc = F.one_hot(xs, num_classes=27).float()
W1 = torch.randn((27, 1), generator=generator())
values.add("one neuron on emma", floats((xenc @ W1).flatten()), "xenc @ W for emma's five examples, W a 27 x 1 torch.randn seeded 2147483647")
W = torch.randn((27, 27), generator=generator(), requires_grad=True)
values.add("first row of W", floats(W[0].detach()), "row 0 of the lesson's torch.randn((27, 27)) seeded 2147483647")
logits = xenc @ W
counts = logits.exp()
probs = counts / counts.sum(1, keepdims=True)
values.add("probabilities after '.'", floats(probs[0].detach()), "the softmax of the logits of emma's first example, the lesson's cell In [560]")
picked = probs[torch.arange(5), ys]
values.add("emma, probability of each label", floats(picked.detach()), "probs[i, ys[i]] for emma's five examples, the lesson's cell In [560]")
values.add("emma, NLL of each example", floats(-picked.log().detach()), "minus the logs of those probabilities, the lesson's cell In [560]")
loss = -picked.log().mean()
values.add("emma loss", loss.item(), "the average NLL of emma's five examples, the lesson's cell In [560]")
regularised = loss + 0.01 * (W**2).mean()
values.add("emma loss with regularisation", regularised.item(), "that loss plus 0.01 * mean(W**2), as the training loop computes it")
W.grad = None
loss.backward()
values.add("emma gradient W[0, 5]", W.grad[0, 5].item(), "d loss / d W[0, 5] from backward(), '.' followed by 'e'")
values.add("emma gradient W[0, 1]", W.grad[0, 1].item(), "d loss / d W[0, 1] from backward(), '.' followed by 'a'")
W.data += -0.1 * W.grad
counts = (xenc @ W).exp()
probs = counts / counts.sum(1, keepdims=True)
values.add("emma loss after one step", (-probs[torch.arange(5), ys].log().mean()).item(),
           "the loss after W.data += -0.1 * W.grad, the lesson's cells In [602] to In [605]")

# --- Notebook 05: gradient descent on all 228,146 examples, the lesson's loop (In [682], In [716]), for 300 steps.
num = xs_all.nelement()
W = torch.randn((27, 27), generator=generator(), requires_grad=True)
xenc = F.one_hot(xs_all, num_classes=27).float()
losses = []
data_losses = []
snapshots = {}
for k in range(STEPS):
    counts = (xenc @ W).exp()
    probs = counts / counts.sum(1, keepdims=True)
    data_loss = -probs[torch.arange(num), ys_all].log().mean()
    loss = data_loss + 0.01 * (W**2).mean()
    losses.append(loss.item())
    data_losses.append(data_loss.item())
    W.grad = None
    loss.backward()
    W.data += -50 * W.grad
    if k + 1 in (100, 267, 300):
        snapshots[k + 1] = W.detach().clone()
values.add("training losses", losses,
           f"the lesson's training loop, cells In [682] and In [716], the loss of steps 1 to {STEPS}")
values.add("training data losses", data_losses, f"the average NLL part of those losses, steps 1 to {STEPS}")
values.add("training loss, step 1", losses[0], "the lesson's training loop, step 1")
values.add("training loss, step 100", losses[99], "the lesson's training loop, step 100, its last")
values.add("average NLL, step 1", data_losses[0], "the lesson's training loop, the average NLL part of step 1")
values.add("average NLL, step 100", data_losses[99], "the lesson's training loop, the average NLL part of step 100")
counts = (xenc @ snapshots[100]).exp()
probs = counts / counts.sum(1, keepdims=True)
values.add("average NLL after 100 steps", (-probs[torch.arange(num), ys_all].log().mean()).item(),
           "the average NLL of all examples with W after the lesson's 100 steps")
closest = min(range(STEPS), key=lambda k: abs(losses[k] - LESSON_LAST_LOSS))
values.add("step of the lesson's last loss", closest + 1,
           f"the step of the lesson's training loop whose loss is closest to the lesson notebook's saved {LESSON_LAST_LOSS}")
values.add("the lesson's last printed loss", LESSON_LAST_LOSS,
           "the last loss its training cell printed, after being re-run by hand", kind="saved output",
           who="the lesson notebook's saved output", where=f"{LESSON_NOTEBOOK}, cell In [716]")
for steps in (100, 267, 300):
    values.add(f"names, network after {steps} steps", sample_names(network_rows(snapshots[steps]), generator()),
               f"the lesson's sampling cell In [725] on W after {steps} steps of the training loop")
values.add("names, the lesson's network", ["mor.", "axx.", "minaymoryles.", "kondlaisah.", "anchthizarie."],
           "the five names its sampling cell printed from its trained network", kind="saved output",
           who="the lesson notebook's saved output", where=f"{LESSON_NOTEBOOK}, cell In [725]")

# --- Exercise E02: the seeded shuffle of the train/dev/test split.
perm = torch.randperm(len(words), generator=generator(SPLIT_SEED))
values.add("randperm, first three", perm[:3].tolist(), "torch.randperm(32033) with a generator seeded 42, its first three indices")
n1 = int(0.8 * len(words))
n2 = int(0.9 * len(words))
values.add("split sizes", [n1, n2 - n1, len(words) - n2], "80/10/10 of the shuffled names: train, dev, test")
values.add("first training names", [words[i] for i in perm[:5].tolist()], "the first five names in that shuffled order")

document = {
    "about": "Reference values of makemore.NET: the lesson's computations run in PyTorch 1.13, and what the lesson "
             "notebook printed, each with its source. Written by tests/reference/lesson_reference.py; do not edit.",
    "lesson": "Andrej Karpathy, The spelled-out intro to language modeling: building makemore; " + LESSON_NOTEBOOK,
    "pytorch": build(),
    "names_sha256": hashlib.sha256(names_bytes).hexdigest(),
    "values": values.entries,
}
text = to_json(document)
assert json.loads(text) == document, "the hand-made layout must read back as the same values"
pathlib.Path(args.out).write_text(text, encoding="utf-8")
print(f"{len(values.entries)} values written to {args.out}")
