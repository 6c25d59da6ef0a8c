"""How fast `edition encode` reads transcripts: prints figures, asserts nothing.

Run: python benchmarks/bench_encode.py [--repeat N] [--scale K]
``--scale K`` encodes a transcript made of K copies of the seed (11 K records), to see how cost grows.
"py MB" is the peak of the Python heap (tracemalloc); memory that lxml allocates in C is not counted.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from pathlib import Path

from edition.encode import Registry, encode_text

SEED = Path(__file__).resolve().parent.parent / "tei" / "source" / "memcons-1991-02-23.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs per size (the median is printed)")
    parser.add_argument("--scale", type=int, nargs="*", default=[1, 10, 50], help="copies of the seed")
    args = parser.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    print(f"{'copies':>6} {'records':>8} {'turns':>6} {'KB in':>7} {'median s':>9} {'records/s':>10} {'py MB':>8}")
    for k in args.scale:
        text = "\n\n".join([seed] * k)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = encode_text(text, "bench.txt", Registry.load())
            times.append(time.perf_counter() - start)
        tracemalloc.start()
        encode_text(text, "bench.txt", Registry.load())
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        median = statistics.median(times)
        n = len(result.documents)
        turns = sum(len(d.record.turns) for d in result.documents)
        print(f"{k:>6} {n:>8} {turns:>6} {len(text.encode()) / 1024:>7.0f} {median:>9.3f} {n / median:>10.0f} "
              f"{peak:>8.1f}")


if __name__ == "__main__":
    main()
