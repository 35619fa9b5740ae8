#!/usr/bin/python3
"""Writes pytorch_reference.json for TextPytorchReferenceTest.

Reads a small TextTransformer's initial weights and a batch (weights.json, written from the Java
block), loads them into the peer's PyTorch model (torch.nn.TransformerEncoder, as
/work/shared/peers/text_transformer.py builds it, with the sizes below and dropout 0), and records
what PyTorch computes: the logits in eval mode, and the cross-entropy loss and every parameter's
gradient in training mode. Run: /usr/bin/python3 pytorch_reference.py weights.json out.json
"""
import json, sys

import torch

VOCAB, CLASSES, MAXLEN, DIM, HEADS, LAYERS, FF = 20, 3, 8, 8, 2, 2, 16


class TextTransformer(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = torch.nn.Embedding(VOCAB, DIM, padding_idx=0)
        self.pos = torch.nn.Embedding(MAXLEN, DIM)
        layer = torch.nn.TransformerEncoderLayer(DIM, HEADS, dim_feedforward=FF, dropout=0.0, batch_first=True)
        self.enc = torch.nn.TransformerEncoder(layer, LAYERS, enable_nested_tensor=False)
        self.head = torch.nn.Linear(DIM, CLASSES)

    def forward(self, x):
        pad = x == 0
        h = self.enc(self.emb(x) + self.pos(torch.arange(x.shape[1])), src_key_padding_mask=pad)
        keep = (~pad).unsqueeze(-1).float()
        return self.head((h * keep).sum(1) / keep.sum(1))


def names(model):
    """Java parameter name -> the PyTorch parameter."""
    out = {"token_embedding": model.emb.weight, "position_embedding": model.pos.weight,
           "head_weight": model.head.weight, "head_bias": model.head.bias}
    for i, l in enumerate(model.enc.layers):
        p = f"0{i + 1}layer{i}_"
        out.update({p + "in_weight": l.self_attn.in_proj_weight, p + "in_bias": l.self_attn.in_proj_bias,
                    p + "out_weight": l.self_attn.out_proj.weight, p + "out_bias": l.self_attn.out_proj.bias,
                    p + "norm1_gain": l.norm1.weight, p + "norm1_bias": l.norm1.bias,
                    p + "ff1_weight": l.linear1.weight, p + "ff1_bias": l.linear1.bias,
                    p + "ff2_weight": l.linear2.weight, p + "ff2_bias": l.linear2.bias,
                    p + "norm2_gain": l.norm2.weight, p + "norm2_bias": l.norm2.bias})
    return out


def main():
    src = json.load(open(sys.argv[1]))
    model = TextTransformer()
    params = names(model)
    with torch.no_grad():
        for k, v in src["params"].items():
            params[k].copy_(torch.tensor(v["data"]).reshape(v["shape"]))
    x = torch.tensor(src["ids"]).reshape(3, -1)
    y = torch.tensor(src["labels"])
    model.eval()
    with torch.no_grad():
        logits = model(x)
    model.train()
    loss = torch.nn.functional.cross_entropy(model(x), y)
    loss.backward()
    out = dict(src)
    out["torch"] = torch.__version__
    out["logits"] = logits.flatten().tolist()
    out["loss"] = loss.item()
    out["gradients"] = {k: p.grad.flatten().tolist() for k, p in params.items()}
    json.dump(out, open(sys.argv[2], "w"))


if __name__ == "__main__":
    main()
