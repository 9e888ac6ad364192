"""PyTorch's half of the comparison: the lesson's 100-step full-batch training loop on names.txt's bigrams.

Prints one line per formulation: name, seconds, first loss, last loss (the same format as
`dotnet run ... -- loops`). Usage: python3 lesson_loops.py NAMES_TXT THREADS
"""
import sys
import time

import torch
import torch.nn.functional as F

STEPS = 100
WARM_UP_STEPS = 3
SEED = 2147483647


def bigrams(path):
    words = open(path, encoding="utf-8").read().splitlines()
    chars = sorted(set("".join(words)))
    stoi = {ch: i + 1 for i, ch in enumerate(chars)}
    stoi["."] = 0
    xs, ys = [], []
    for w in words:
        chs = ["."] + list(w) + ["."]
        for ch1, ch2 in zip(chs, chs[1:]):
            xs.append(stoi[ch1])
            ys.append(stoi[ch2])
    return torch.tensor(xs), torch.tensor(ys)


def step(formulation, W, xs, ys):
    num = xs.nelement()
    if formulation == "one-hot":
        xenc = F.one_hot(xs, num_classes=27).float()
        logits = xenc @ W
    else:
        logits = W[xs]
    if formulation == "cross_entropy":
        data_loss = F.cross_entropy(logits, ys)
    else:
        counts = logits.exp()
        probs = counts / counts.sum(1, keepdims=True)
        data_loss = -probs[torch.arange(num), ys].log().mean()
    loss = data_loss + 0.01 * (W**2).mean()
    W.grad = None
    loss.backward()
    W.data += -50 * W.grad
    return loss.item()


def main():
    path, threads = sys.argv[1], int(sys.argv[2])
    torch.set_num_threads(threads)
    print(f"# PyTorch {torch.__version__}, threads {torch.get_num_threads()}")
    xs, ys = bigrams(path)
    for formulation in ("one-hot", "indexing", "cross_entropy"):
        warm = torch.randn((27, 27), requires_grad=True)
        for _ in range(WARM_UP_STEPS):
            step(formulation, warm, xs, ys)
        g = torch.Generator().manual_seed(SEED)
        W = torch.randn((27, 27), generator=g, requires_grad=True)
        start = time.perf_counter()
        losses = [step(formulation, W, xs, ys) for _ in range(STEPS)]
        seconds = time.perf_counter() - start
        print(f"{formulation} {seconds:.4f} {losses[0]:.4f} {losses[-1]:.4f}")


if __name__ == "__main__":
    main()
