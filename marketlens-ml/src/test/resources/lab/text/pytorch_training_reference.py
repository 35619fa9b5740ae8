#!/usr/bin/python3
"""Writes pytorch_training_reference.json for TextPytorchReferenceTest's training check.

Starts from the weights and the three-row batch in pytorch_reference.json, builds the peer's
PyTorch model (the same construction as pytorch_reference.py: torch.nn.TransformerEncoder, dropout
0), and trains it with the peer's optimiser, torch.optim.Adam (default betas and epsilon), for a few
steps on the sub-batches in STEPS (row indices into the batch; the short ones stand for an epoch's
last, partial batch). Records each step's cross-entropy loss, the eval-mode logits of the whole
batch after the last step, and every parameter after it.
Run: /usr/bin/python3 pytorch_training_reference.py pytorch_reference.json out.json
"""
import json, sys

import torch

from pytorch_reference import TextTransformer, names

LR = 1e-2
STEPS = [[0, 1, 2], [2, 0], [1], [0, 1, 2], [1, 2], [0], [2, 1, 0], [0, 2]]


def main():
    src = json.load(open(sys.argv[1]))
    torch.set_num_threads(1)
    model = TextTransformer()
    params = names(model)
    with torch.no_grad():
        for k, v in src["params"].items():
            params[k].copy_(torch.tensor(v["data"]).reshape(v["shape"]))
    x = torch.tensor(src["ids"]).reshape(3, -1)
    y = torch.tensor(src["labels"])
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    model.train()
    losses = []
    for rows in STEPS:
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x[rows]), y[rows])
        loss.backward()
        opt.step()
        losses.append(loss.item())
    model.eval()
    with torch.no_grad():
        logits = model(x)
    out = {"torch": torch.__version__, "learning_rate": LR, "steps": STEPS, "losses": losses,
           "logits_after": logits.flatten().tolist(),
           "params_after": {k: p.detach().flatten().tolist() for k, p in params.items()}}
    json.dump(out, open(sys.argv[2], "w"))


if __name__ == "__main__":
    main()
