"""Synthetic corpora for the benchmarks: copies of the edition's records, each with its own ids."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEI = ROOT / "tei"


def make_corpus(out: Path, n: int) -> list[Path]:
    records = sorted(p for p in TEI.glob("*.xml") if p.name not in ("persons.xml", "edition.xml"))
    shutil.copy(TEI / "persons.xml", out / "persons.xml")
    files = []
    for k in range(n):
        src = records[k % len(records)].read_text(encoding="utf-8")
        rid = re.search(r'xml:id="rec-([^"]+)"', src).group(1)
        new = f"{rid}-c{k}"
        text = src.replace(f"rec-{rid}", f"rec-{new}").replace(f'<idno type="record">{rid}</idno>',
                                                                f'<idno type="record">{new}</idno>')
        path = out / f"{new}.xml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files
