"""Synthetic corpora for the benchmarks, made from the edition's records so that the text stays realistic.

Record k is a copy of record k mod 11 of ``tei/``, moved to day k // 11 after 23 February 1991: its ids, file name,
dates and times follow the new day. From the second day on, every person but the principal (the one who speaks in
every record) is a new person of that day (``aziz`` becomes ``aziz-d2``), added to the personography, so the
personography grows with the corpus as it does in a real series. Run it alone to write a corpus:

    python benchmarks/corpus.py 1000 /tmp/corpus
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
TEI = ROOT / "tei"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
DAY0 = dt.date(1991, 2, 23)
KEEP = {"gorbachev", "savranskaya", "dunn"}  # the principal and the translators stay the same people


def records() -> list[Path]:
    return sorted(p for p in TEI.glob("*.xml") if p.name not in ("persons.xml", "edition.xml"))


def make_corpus(out: Path, n: int, grow_persons: bool = True) -> list[Path]:
    """Write ``n`` records (and ``persons.xml``) into ``out``; return the records' paths."""
    sources = [p.read_text(encoding="utf-8") for p in records()]
    persons = etree.parse(str(TEI / "persons.xml"))
    people = [p for p in persons.iter(f"{{{TEI_NS}}}person") if p.get(XML_ID) not in KEEP]
    list_person = next(persons.iter(f"{{{TEI_NS}}}listPerson"))
    day0 = DAY0.isoformat()
    files = []
    for k in range(n):
        day_no, text = k // len(sources), sources[k % len(sources)]
        day = (DAY0 + dt.timedelta(days=day_no)).isoformat()
        text = text.replace(day0, day)
        if day_no and grow_persons:
            suffix = f"-d{day_no + 1}"
            for person in people:
                pid = person.get(XML_ID)
                text = re.sub(rf'(["\s])#{re.escape(pid)}(?=["\s])', rf"\1#{pid}{suffix}", text)
        rid = re.search(r'xml:id="rec-([^"]+)"', text).group(1)
        target = out / f"{rid}.xml"
        target.write_text(text, encoding="utf-8")
        files.append(target)
    if grow_persons:
        for day_no in range(1, (n - 1) // len(sources) + 1):
            for person in people:
                twin = copy.deepcopy(person)
                twin.set(XML_ID, f"{person.get(XML_ID)}-d{day_no + 1}")
                for idno in twin.findall(f"{{{TEI_NS}}}idno"):
                    twin.remove(idno)  # an authority id belongs to the real person only
                list_person.append(twin)
    persons.write(str(out / "persons.xml"), xml_declaration=True, encoding="UTF-8")
    shutil.copy(TEI / "edition.xml", out / "edition.xml")
    return files


if __name__ == "__main__":
    count, folder = int(sys.argv[1]), Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    made = make_corpus(folder, count)
    print(f"{len(made)} records, persons.xml and edition.xml in {folder}")
