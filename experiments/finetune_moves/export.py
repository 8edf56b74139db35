"""Step 3: export a fine-tuned checkpoint (from ft.py --save) to ONNX and quantise it to int8.

Writes ``model.onnx`` (fp32; opset 17, dynamic batch and sequence axes; inputs
input_ids, token_type_ids, attention_mask; output logits) and
``model.int8.onnx`` (onnxruntime dynamic quantisation, per-tensor int8 weights,
default operator set) into the checkpoint directory, and prints their sizes.
quant_pc.py makes the per-channel variant from ``model.onnx``.
"""
from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"

import argparse
from pathlib import Path

import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from transformers import AutoModelForSequenceClassification


class LogitsOnly(torch.nn.Module):
    """Wraps the classifier so the traced graph takes three tensors and returns the logits."""

    def __init__(self, m) -> None:
        super().__init__()
        self.m = m

    def forward(self, input_ids, token_type_ids, attention_mask):
        """Logits of the sequence classifier."""
        return self.m(input_ids=input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask)[0]


def main(argv=None) -> int:
    """Command line: ``export.py CHECKPOINT_DIR``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoint", type=Path, help="directory written by ft.py --save")
    a = ap.parse_args(argv)
    ck = a.checkpoint
    m = AutoModelForSequenceClassification.from_pretrained(ck).eval()
    m.config.return_dict = False
    X = torch.ones(2, 20, dtype=torch.long)
    ax = {0: "b", 1: "t"}
    torch.onnx.export(LogitsOnly(m), (X, torch.zeros_like(X), torch.ones_like(X)), str(ck / "model.onnx"),
                      input_names=["input_ids", "token_type_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes={"input_ids": ax, "token_type_ids": ax, "attention_mask": ax, "logits": {0: "b"}},
                      opset_version=17, dynamo=False)
    quantize_dynamic(str(ck / "model.onnx"), str(ck / "model.int8.onnx"), weight_type=QuantType.QInt8)
    for f in ("model.onnx", "model.int8.onnx"):
        print(f, round((ck / f).stat().st_size / 1e6, 2), "MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
