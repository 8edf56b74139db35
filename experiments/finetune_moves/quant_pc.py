"""Step 3b: per-channel dynamic int8 quantisation of an exported ``model.onnx``.

``--ops MatMul,Gather`` (the default) quantises the weight matrices per output
channel and the embedding tables per tensor: 23 MB for L6, the variant whose
speed the README and model card quote. ``--ops MatMul`` leaves the embeddings
in fp32 (59 MB for L6, no faster). Output: ``<checkpoint>/<--out>``.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from onnxruntime.quantization import QuantType, quantize_dynamic


def main(argv=None) -> int:
    """Command line: ``quant_pc.py CHECKPOINT_DIR [--ops MatMul,Gather] [--out model.int8pc.onnx]``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoint", type=Path, help="directory holding model.onnx (from export.py)")
    ap.add_argument("--ops", default="MatMul,Gather", help="operator types to quantise (default MatMul,Gather)")
    ap.add_argument("--out", default="model.int8pc.onnx", help="output file name inside the checkpoint directory")
    a = ap.parse_args(argv)
    quantize_dynamic(str(a.checkpoint / "model.onnx"), str(a.checkpoint / a.out), weight_type=QuantType.QInt8,
                     per_channel=True, op_types_to_quantize=a.ops.split(","))
    print(a.out, round((a.checkpoint / a.out).stat().st_size / 1e6, 2), "MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
