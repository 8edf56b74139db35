"""Step 6: print the Markdown result tables from ``<work>/results.jsonl`` and ``<work>/bench.jsonl``.

The first table has one line per fine-tuned fold (ft.py); the second one line
per speed measurement (bench_ort.py --append). The README's tables are this
output, condensed.
"""
from __future__ import annotations

import argparse
import json

from _common import add_work_option


def main(argv=None) -> int:
    """Command line: ``summarize.py [--work DIR]``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_work_option(ap)
    a = ap.parse_args(argv)
    print("| tag | task | fold | L | lr | macro-F1 | per-class F1 | stripped F1 | LR same fold (clean/stripped) "
          "| ens TF+LR (clean/stripped) | train s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for line in open(a.work / "results.jsonl"):
        r = json.loads(line)
        pc = ", ".join(f"{k} {v:.3f}" for k, v in r["f1_per_class"].items())
        print(f"| {r['tag']} | {r['task']} | {r['fold']} | {r['layers']} | {r['lr']} | {r['f1']:.3f} | {pc} | "
              f"{r['f1_stripped']:.3f} | {r['lr_f1']:.3f} / {r['lr_f1_stripped']:.3f} | "
              f"{r['ens_f1']:.3f} / {r['ens_f1_stripped']:.3f} | {r['train_s']:.0f} |")
    print()
    print("| model | ctx | classified | wall s (best of 3) | utt/s wall | utt/s CPU-bound est. (2x items/cpu s) "
          "| load1 | load s | RSS MB | size MB | fold F1 (onnx) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    bench = a.work / "bench.jsonl"
    for line in open(bench) if bench.exists() else ():
        r = json.loads(line)
        if "cpu_s_min" not in r:
            continue
        ctx = "none" if "note" in r else "prev other 48"
        f1 = next((v for k, v in r.items() if k.endswith("_macro_f1")), None)
        print(f"| {r['model']} | {ctx} | {r['classified']} | {r['seconds_best']} | {r['classified_per_s']} | "
              f"{r['classified_per_cpu_s_x2']} | {r['load1']:.1f} | {r['load_s']} | {r['rss_mb']} | {r['size_mb']} | "
              f"{f1 if 'note' not in r else 'n/a'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
