"""How well `edition encode` reads transcripts it was not shaped on: each file of ../shared/corpus/ is encoded alone
and scored against what a careful editor reads in it (key.json).

Run: python benchmarks/eval_encode.py [--corpus ../shared/corpus] [--json FILE] [--verbose]

Per file, per genre, per language and in total: kind, title (the heading as printed or the header's title), date,
start and end time, place, participants,
speaker labels (precision, recall and F1 of the printed sequence), the number of turns (within 10 % of the labels
the key reads), each credit (translator, interpreter, notetaker, drafted by, interviewer, editor), the language
recognised (``xml:lang``), words lost (the encoder's own lossless check), validity against tei_all.rng and the
edition's own schema (with jing, when it is installed) and false statements (the header saying the record lacks
what the key finds in it). A field the key leaves empty is scored only if the encoder states something there (a
claim the text does not make counts against it).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from runs import pct

from edition.conventions import TEI_NS
from edition.encode import Registry, TranscriptError, encode_file, verify_lossless
from edition.encode.files import serialize
from edition.validate import Validator

ROOT = Path(__file__).resolve().parent.parent
NS = {"t": TEI_NS}
CREDIT_ROLES = ("translator", "interpreter", "notetaker", "drafted_by", "interviewer", "editor")


def norm(text: str | None) -> str:
    """Lower case, letters and digits only, single spaces: for comparing names and titles as printed."""
    text = unicodedata.normalize("NFKD", text or "").replace("\u2019", "'")
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def same_text(got: str | None, want: str | None, threshold: float = 0.85) -> bool:
    a, b = norm(got), norm(want)
    return bool(a and b) and (a == b or difflib.SequenceMatcher(None, a, b).ratio() >= threshold)


def names_match(got: str, want: str) -> bool:
    """One name for another: the same words, or the key's surname (its last word) among the encoder's words."""
    g, w = norm(got).split(), norm(want).split()
    return bool(g and w) and (g == w or w[-1] in g or g[-1] in w)


def label_f1(got: list[str], want: list[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the speaker labels, in order (a label matches as printed, spaces aside)."""
    if not got and not want:
        return 1.0, 1.0, 1.0
    matcher = difflib.SequenceMatcher(None, [norm(x) for x in got], [norm(x) for x in want], autojunk=False)
    hits = sum(block.size for block in matcher.get_matching_blocks())
    precision = hits / len(got) if got else 0.0
    recall = hits / len(want) if want else (1.0 if not got else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def read_tei(documents: list) -> dict:
    """What the encoder says of the transcript: from its first record's header and all records' turns."""
    first = documents[0].tree.getroot()
    text = first.find("t:text", NS)
    setting = first.find(".//t:settingDesc/t:setting", NS)
    date = setting.find("t:date", NS) if setting is not None else None
    when = None if date is None else (date.get("when") or date.get("from"))
    start, end = (date.get("from") if date is not None else None), (date.get("to") if date is not None else None)
    if date is not None and not start and when and "T" in when:
        start = when

    if date is not None and not start and re.fullmatch(r"\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)?", when or ""):
        start, when = "T" + when, None  # a time without a date (perhaps with its zone): the record's date is unknown

    def time_of(value: str | None) -> str | None:
        m = re.search(r"T(\d\d:\d\d)", value or "")
        return m.group(1) if m else None

    credits: dict[str, list[str]] = {role: [] for role in CREDIT_ROLES}
    for resp_stmt in first.iterfind(".//t:titleStmt/t:respStmt", NS):
        resp = resp_stmt.find("t:resp", NS)
        words = norm("".join(resp.itertext())) if resp is not None else ""
        ref = resp.get("ref", "") if resp is not None else ""
        role = ("translator" if "translat" in words or ref.endswith("/trl") else
                "interpreter" if "interpret" in words or ref.endswith("/itr") else
                "interviewer" if "interview" in words or ref.endswith("/ivr") else
                "editor" if "edit" in words or ref.endswith("/edt") else
                "notetaker" if "note" in words or "record" in words else
                "drafted_by" if "draft" in words else None)
        if role:
            credits[role] += ["".join(n.itertext()) for n in resp_stmt.iterfind("t:persName", NS)
                              ] + ["".join(n.itertext()) for n in resp_stmt.iterfind("t:name", NS)]
    notes = " ".join(" ".join(n.itertext()) for n in first.iterfind(".//t:notesStmt/t:note", NS))
    return {
        "kind": text.get("subtype") if text is not None else None,
        "title": " ".join(head.itertext()) if (head := first.find(".//t:text//t:head", NS)) is not None else None,
        "main": first.findtext(".//t:titleStmt/t:title[@type='main']", namespaces=NS),
        "date": when[:10] if when and re.match(r"\d{4}-\d\d-\d\d", when) else None,
        "time_from": time_of(start),
        "time_to": time_of(end),
        "place": " ".join(setting.find("t:placeName", NS).itertext())
        if setting is not None and setting.find("t:placeName", NS) is not None else None,
        "participants": [" ".join(p.find("t:persName", NS).itertext()) for p in first.iterfind(
            ".//t:particDesc//t:person", NS) if p.find("t:persName", NS) is not None],
        "speakers": [" ".join(s.itertext()).strip() for d in documents
                     for s in d.tree.getroot().iterfind(".//t:text//t:speaker", NS)],
        "turns": sum(len(d.tree.getroot().findall(".//t:text//t:sp", NS)) for d in documents),
        "lang": first.get("{http://www.w3.org/XML/1998/namespace}lang"),
        "credits": credits,
        "notes": notes,
    }


#: What a header may not say of a record the text contradicts: that the record itself lacks a fact.
LACKS = {"date": ("prints no date", "record has no date"),
         "translator": ("translator is not named", "names no translator", "prints no source note"),
         "source_note": ("prints no source note", "has no source note")}


def false_statements(got: dict, key: dict) -> list[str]:
    """What the header says the record lacks, where the key finds it in the text (an encoder that says what it
    did not find says nothing false)."""
    said, wrong = norm(got["notes"]), []
    if key.get("date") and not got["date"] and any(norm(p) in said for p in LACKS["date"]):
        wrong.append("says the record has no date")
    if key["credits"]["translator"] and any(norm(p) in said for p in LACKS["translator"]):
        wrong.append("says the translator is not named")
    if key.get("source_note") and any(norm(p) in said for p in LACKS["source_note"]):
        wrong.append("says there is no source note")
    return wrong


#: Where each meaning of a printed bracket or mark is encoded, as the key names the meaning.
BRACKET_ELEMENTS = {
    "page-break": ".//t:pb | .//t:fw[@type = 'pageNum']",
    "footnote-mark": ".//t:ref[@type = 'footnote']",
    "note": ".//t:note[@place = 'inline'] | .//t:stage | .//t:incident",
    "omission": ".//t:gap",
    "supplied": ".//t:supplied",
    "classification": ".//t:fw[@type = 'classification']",
    "incident": ".//t:stage[@type = 'incident'] | .//t:incident | .//t:kinesic | .//t:vocal",
    "inaudible": ".//t:gap[@reason = 'inaudible']",
    "editorial": ".//t:note[@type = 'editorial']",
    "stage": ".//t:stage | .//t:incident | .//t:kinesic | .//t:vocal | .//t:note[@place = 'inline']",
}


#: The elements that give a bracket a meaning other than the text's own.
MEANINGFUL = " | ".join(sorted(set(BRACKET_ELEMENTS.values())))


def _literal(documents: list, want: str) -> bool:
    """Whether a bracket that is the text's own (a reference, a party's number: ``(31200-X, nr. 37)``) stands in the
    text as printed and in no element that gives it another meaning (a note, a gap, words supplied)."""
    for d in documents:
        root = d.tree.getroot()
        text = root.find(".//t:text", NS)
        if text is None or want not in norm(" ".join(text.itertext())):
            continue
        return not any(want in norm(" ".join(e.itertext())) for e in text.xpath(MEANINGFUL, namespaces=NS))
    return False


def bracket_meanings(documents: list, brackets: list[dict]) -> dict[str, tuple[int, int]]:
    """Per meaning: how many of the key's brackets the encoding gives that meaning (the element holds the printed
    words, or for a page break its number); a literal bracket, the text's own, scores where it stays text."""
    found: dict[str, list[int]] = {}
    for b in brackets:
        hits = found.setdefault(b["type"], [0, 0])
        hits[1] += 1
        want = norm(b["text"])
        if b["type"] == "literal":
            hits[0] += bool(want) and _literal(documents, want)
            continue
        for d in documents:
            for e in d.tree.getroot().xpath(BRACKET_ELEMENTS.get(b["type"], "self::x"), namespaces=NS):
                words = norm(" ".join(e.itertext()) + " " + (e.get("n") or ""))
                if want and (want == words.strip() or want in words or (b["type"] == "page-break" and
                                                                        want.split()[-1:] == [e.get("n")])):
                    hits[0] += 1
                    break
            else:
                continue
            break
    return {k: (v[0], v[1]) for k, v in found.items()}


def score(path: Path, key: dict, registry: Registry, jing: str | None) -> dict:
    row: dict = {"file": path.name}
    try:
        result = encode_file(path, registry)
    except TranscriptError as e:
        return {**row, "error": str(e)}
    got = read_tei(result.documents)
    row["records"] = len(result.documents)
    row["kind"] = got["kind"] == key.get("kind")
    # the heading as printed, or the title the header gives it (without a page's words run into it)
    row["title"] = any(same_text(got[field], key.get(want)) for field in ("title", "main")
                       for want in ("title", "heading_as_printed"))
    # a fact the key has: "yes" or "no"; one it has not: None, or "extra" when the encoder states one anyway
    for field in ("title", "date", "time_from", "time_to", "place"):
        if not key.get(field):
            row[field] = "extra" if got[field] and field != "title" else None
    for field in ("date", "time_from", "time_to"):
        if key.get(field):
            row[field] = got[field] == key[field]
    if key.get("place"):
        row["place"] = bool(got["place"]) and (norm(key["place"]) in norm(got["place"]) or
                                               norm(got["place"]) in norm(key["place"]))
    want_people = key.get("participants") or []
    row["participants"] = (sum(any(names_match(g, w) for g in got["participants"]) for w in want_people),
                           len(want_people))
    row["speakers"] = label_f1(got["speakers"], key.get("speakers") or [])
    want_turns = len(key.get("speakers") or [])
    row["turns"] = (got["turns"], want_turns)
    row["turns_ok"] = abs(got["turns"] - want_turns) <= 0.1 * want_turns
    row["lang"] = got["lang"] == key.get("language", "en")
    row["genre"], row["language"] = genre_of(key), key.get("language", "en")
    found = total = 0
    for role in CREDIT_ROLES:
        for name in key["credits"].get(role) or []:
            total += 1
            found += any(names_match(g, name) for g in got["credits"][role])
    row["credits"] = (found, total)
    row["brackets"] = bracket_meanings(result.documents, key.get("brackets") or [])
    row["got"] = {k: got[k] for k in ("kind", "title", "date", "time_from", "time_to", "place", "speakers", "lang")}
    row["got"]["credits"] = {k: v for k, v in got["credits"].items() if v}
    if path.suffix.lower() in (".html", ".htm", ".docx", ".odt"):  # the encoder's own check, against the text it
        # read of a web page or a document (not the file's bytes)
        row["lost"] = sum(1 for m in result.report.messages if "differs from the transcript" in m.text)
    else:  # the file's own text, as typed
        row["lost"] = len(verify_lossless(path.read_text(encoding="utf-8-sig"), result.documents,
                                          markdown=path.suffix.lower() in (".md", ".markdown") or None))
    row["false"] = false_statements(got, key)
    if jing:
        with tempfile.TemporaryDirectory() as tmp:
            files = []
            for name, tree in result.files.items():
                (Path(tmp) / name).write_bytes(serialize(tree))
                files.append(str(Path(tmp) / name))
            proc = subprocess.run([jing, str(ROOT / "schema" / "tei_all.rng"), *files], capture_output=True,
                                  text=True)
            row["valid"] = proc.returncode == 0
            row["edition_valid"] = Validator().run([Path(f) for f in files]).ok
    return row


#: The genres the totals are given for, by the words of the key's genre (first match).
GENRES = (("record of conversation", ("conversation", "memcon", "telcon")), ("parliament", ("parliament",)),
          ("hearing", ("hearing",)), ("court", ("court", "trial")), ("press", ("press", "news conference")),
          ("interview", ("interview",)), ("tape", ("tape",)))


def genre_of(key: dict) -> str:
    words = (key.get("genre") or "").lower()
    return next((name for name, marks in GENRES if any(m in words for m in marks)), "other")


def summary(rows: list[dict]) -> dict[str, str]:
    """The main figures of a group of files: title, date, start time, speaker F1, turns, credits, language."""
    out = {"files": str(len(rows))}
    for c in ("title", "date", "time_from"):
        scored = [r for r in rows if r.get(c) in (True, False)]
        out[c] = f"{sum(r[c] is True for r in scored)}/{len(scored)}" if scored else "-"
    out["F1"] = f"{sum(r['speakers'][2] for r in rows) / len(rows):.2f}" if rows else "-"
    out["turns"] = f"{sum(r['turns_ok'] for r in rows)}/{len(rows)}"
    found, total = sum(r["credits"][0] for r in rows), sum(r["credits"][1] for r in rows)
    out["credits"] = f"{found}/{total}" if total else "-"
    out["language"] = f"{sum(r['lang'] for r in rows)}/{len(rows)}"
    out["false"] = str(sum(len(r["false"]) for r in rows))
    return out


def group_table(rows: list[dict], by: str) -> list[str]:
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r[by], []).append(r)
    cols = list(summary(rows))
    lines = [f"| {by} | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for name in sorted(groups, key=lambda g: (-len(groups[g]), g)):
        figures = summary(groups[name])
        lines.append(f"| {name} | " + " | ".join(figures[c] for c in cols) + " |")
    return lines


def differences(row: dict, key: dict) -> None:
    """What was read where it differs from the key (--verbose)."""
    got, out = row["got"], []
    for field in ("kind", "title", "date", "time_from", "time_to", "place"):
        if row.get(field) in (False, "extra"):
            out.append(f"  {field}: got {got[field]!r}, key {key.get(field)!r}")
    if row["speakers"][2] < 1:
        out.append(f"  speakers: got {got['speakers']}\n            key {key.get('speakers')}")
    if row["credits"][0] < row["credits"][1]:
        want = {k: v for k, v in key["credits"].items() if v}
        out.append(f"  credits: got {got['credits']}, key {want}")
    if not row["lang"]:
        out.append(f"  language: got {got['lang']!r}, key {key.get('language')!r}")
    if out:
        print(f"{row['file']}:\n" + "\n".join(out), file=sys.stderr)


def shown(value) -> str:
    return "-" if value is None else value if isinstance(value, str) else "yes" if value else "no"


def valid(row: dict) -> str:
    return "-" if "valid" not in row else "yes" if row["valid"] else "no"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--json", type=Path, help="write the rows and totals here")
    parser.add_argument("--verbose", action="store_true", help="print what was read where it differs from the key")
    args = parser.parse_args()
    keys = {k["file"]: k for k in json.loads((args.corpus / "key.json").read_text(encoding="utf-8"))}
    registry = Registry.load()
    jing = shutil.which("jing")
    rows = [score(args.corpus / name, key, registry, jing) for name, key in sorted(keys.items())]
    if args.verbose:
        for r in rows:
            if "error" not in r:
                differences(r, keys[r["file"]])
    cols = ("kind", "title", "date", "time_from", "time_to", "place")
    print("| file | " + " | ".join(cols)
          + " | participants | labels P/R/F1 | turns | credits | lang | lost | valid | false |")
    print("|---" * (len(cols) + 9) + "|")
    for r in rows:
        if "error" in r:
            print(f"| {r['file']} | error: {r['error']} |")
            continue
        p, rc, f1 = r["speakers"]
        print(f"| {r['file'][:28]} | " + " | ".join(shown(r[c]) for c in cols)
              + f" | {r['participants'][0]}/{r['participants'][1]} | {p:.2f}/{rc:.2f}/{f1:.2f}"
              + f" | {r['turns'][0]}/{r['turns'][1]} | {r['credits'][0]}/{r['credits'][1]}"
              + f" | {shown(r['lang'])} | {r['lost']} | {valid(r)}"
              + f" | {'; '.join(r['false']) or '-'} |")
    ok = [r for r in rows if "error" not in r]
    totals = {}
    for c in cols:  # over the files whose key has the fact
        scored = [r for r in ok if r[c] in (True, False)]
        wanted = sum(1 for name in keys if keys[name].get(c) or c == "kind")
        hits = sum(r[c] is True for r in scored)
        totals[c] = f"{hits}/{wanted} ({pct(hits, wanted, 0)})"
    totals["stated where the key has none (date, times, place)"] = sum(
        1 for r in ok for c in cols if r[c] == "extra")
    f1s = [r["speakers"][2] for r in ok]
    totals["speaker F1 (mean)"] = f"{sum(f1s) / len(rows):.2f}" if rows else "-"
    totals["turns within 10 %"] = f"{sum(r['turns_ok'] for r in ok)}/{len(rows)}"
    totals["language"] = f"{sum(r['lang'] for r in ok)}/{len(rows)}"
    totals["participants"] = pct(sum(r["participants"][0] for r in ok), sum(r["participants"][1] for r in ok), 0)
    totals["credits"] = pct(sum(r["credits"][0] for r in ok), sum(r["credits"][1] for r in ok), 0)
    totals["files with words lost"] = sum(1 for r in ok if r["lost"])
    totals["files valid (tei_all)"] = f"{sum(1 for r in ok if r.get('valid'))}/{len(rows)}" if jing else "jing missing"
    own = sum(1 for r in ok if r.get("edition_valid"))
    totals["files valid (the edition's schema and rules)"] = f"{own}/{len(rows)}"
    meanings: dict[str, list[int]] = {}
    for r in ok:
        for kind, (hit, total) in r["brackets"].items():
            meanings.setdefault(kind, [0, 0])
            meanings[kind][0] += hit
            meanings[kind][1] += total
    # (a meaning the key names that no element stands for, "other", is counted apart, not scored)
    scored = set(BRACKET_ELEMENTS) | {"literal"}
    unscored = {k: v for k, v in meanings.items() if k not in scored}
    meanings = {k: v for k, v in meanings.items() if k in scored}
    hit, total = sum(v[0] for v in meanings.values()), sum(v[1] for v in meanings.values())
    totals["bracket meanings"] = f"{hit}/{total} ({pct(hit, total, 0)}): " + ", ".join(
        f"{kind} {v[0]}/{v[1]}" for kind, v in sorted(meanings.items())) + "".join(
        f"; not scored: {kind} {v[1]}" for kind, v in sorted(unscored.items()))
    totals["false statements"] = sum(len(r["false"]) for r in ok)
    totals["files refused"] = len(rows) - len(ok)
    for by in ("genre", "language"):
        print()
        print("\n".join(group_table(ok, by)))
    print()
    for name, value in totals.items():
        print(f"{name}: {value}")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "totals": totals}, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
