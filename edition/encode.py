"""``edition encode``: plain-text transcripts to TEI P5, one document per conversation, and a personography.

The work is done in three steps: :mod:`edition.transcript` reads the text into records; this module writes each
record as a TEI document (header from the heading and the source notes, body from the turns) and the
personography of every person and organisation the records name; :func:`verify_lossless` then proves that the
text of the TEI reads back as the transcript did.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import __version__
from .conventions import (
    CONVENTIONS,
    GAP_REND,
    NORMALIZATIONS,
    PERSONOGRAPHY,
    RELATOR_TRANSLATOR,
    TEI_NS,
    XML_ID,
    XML_LANG,
    T,
    comparable,
    normalize,
    reading_text,
    record_id,
    turn_id,
    xml_id,
)
from .dates import Dateline, read_dateline, to_attributes
from .inline import Context, Span, el, fill
from .persons import Entity, Registry
from .report import Report
from .transcript import Item, Record, TranscriptError, Turn, parse, read_text
from .validate import read

__all__ = ["EncodeResult", "Document", "combine", "encode_file", "encode_text", "write", "verify_lossless",
           "TranscriptError"]


@dataclass
class Document:
    """One encoded record: its stable id (also the file name), the TEI tree, and what it was made from."""

    id: str
    tree: etree._ElementTree
    record: Record

    @property
    def filename(self) -> str:
        return f"{self.id}.xml"


@dataclass
class EncodeResult:
    source: str
    documents: list[Document]
    personography: etree._ElementTree
    report: Report
    referenced: set[str] = field(default_factory=set)  # ids of the personography

    @property
    def files(self) -> dict[str, etree._ElementTree]:
        out = {d.filename: d.tree for d in self.documents}
        out[PERSONOGRAPHY] = self.personography
        return out


def combine(results: list[EncodeResult], registry: Registry) -> dict[str, etree._ElementTree]:
    """The files of several transcripts encoded in one run: all their records and one personography for all."""
    files = {d.filename: d.tree for r in results for d in r.documents}
    ids = set().union(*(r.referenced for r in results)) if results else set()
    files[PERSONOGRAPHY] = personography(registry, ids, ", ".join(r.source for r in results))
    return files




@dataclass
class Facts:
    """What a record says of itself, gathered while its TEI is written, for its header."""

    title: str = ""
    kind: str = "meeting"
    date: str | None = None
    time: object = None
    place: str = ""
    date_inferred: bool = False
    participants: list[str] = field(default_factory=list)
    named: list[str] = field(default_factory=list)  # the participants the heading names
    mentioned: set[str] = field(default_factory=set)
    sources: list[SourceFacts] = field(default_factory=list)


@dataclass
class SourceFacts:
    """The facts of one printed source note: archive, its place and fonds, translators, publisher."""

    text: str
    archive: str = ""
    settlement: str = ""
    idnos: list[tuple[str, str]] = field(default_factory=list)  # (type, value): fond, opis, delo
    translators: list[str] = field(default_factory=list)
    publisher: str = ""


def read_source_note(text: str) -> SourceFacts:
    """Read ``Source: Archive of the X, Fond 1, opis 1. Translated by A and B for the Y.``"""
    flat = normalize(text).strip(" *[]")
    facts = SourceFacts(flat)
    m = re.match(r"Sources?:\s*(?P<body>.*?)(?:\.\s+(?=Translat)|\.?$)", flat, re.S)
    if m:
        parts = [p.strip() for p in m.group("body").split(",") if p.strip()]
        if parts:
            facts.archive = parts[0].rstrip(".")
        for part in parts[1:]:
            part = part.rstrip(".")
            idno = re.fullmatch(r"(?P<type>Fond|f\.|opis|op\.|delo|d\.|list|l\.)\s*(?P<value>[\w\-/]+)", part, re.I)
            if idno:
                kind = {"f.": "fond", "op.": "opis", "d.": "delo", "l.": "list"}.get(idno.group("type").lower(),
                                                                                    idno.group("type").lower())
                facts.idnos.append((kind, idno.group("value")))
            elif re.fullmatch(r"[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2}", part):
                facts.settlement = part
    t = re.search(r"Translat(?:ed|ion) by (?P<names>.+?)(?: for (?:the )?(?P<pub>[^.\]]+))?\.?\]?$", flat)
    if t:
        names = re.split(r",\s*(?:and\s+)?|\s+and\s+", t.group("names").strip())
        facts.translators = [n.strip() for n in names if n.strip()]
        facts.publisher = (t.group("pub") or "").strip()
    return facts


# --- the encoder ------------------------------------------------------------------------------------------------


def encode_file(path: Path, registry: Registry | None = None, edition: Path | None = None,
                taken: list[str] | None = None) -> EncodeResult:
    """Encode one transcript file. Raises :class:`TranscriptError` for input that is not a readable transcript."""
    text = read_text(Path(path))
    return encode_text(text, Path(path).name, registry, edition=edition, taken=taken)


def encode_text(text: str, source: str, registry: Registry | None = None, edition: Path | None = None,
                report: Report | None = None, taken: list[str] | None = None) -> EncodeResult:
    """Encode a transcript's text. ``taken``: record ids already given (by other transcripts of the same run),
    extended with this one's, so that no two records of a run share a file name."""
    registry = registry or Registry.load()
    report = report or Report(source)
    records = parse(text, registry, report)
    publication = _publication(edition)
    facts = [_facts(r, registry, report) for r in records]
    _infer_dates(records, facts, report)
    principal = _principal(facts)
    taken = taken if taken is not None else []
    documents = []
    for record, f in zip(records, facts, strict=True):
        other = [p for p in f.named if p != principal] or [p for p in f.participants if p != principal] \
            or f.participants or ["record"]
        start = getattr(f.time, "start_time", None)
        rid = record_id(f.date, start, other[0] if record.heading else "untitled", taken)
        taken.append(rid)
        tree = _document(rid, record, f, registry, report, source, publication)
        documents.append(Document(rid, tree, record))
    referenced: set[str] = set()
    for f in facts:
        referenced |= set(f.participants) | f.mentioned
    for d in documents:
        referenced |= {r[1:] for r in d.tree.xpath("//@ref[starts-with(., '#')]")}
    persons = personography(registry, referenced, source)
    result = EncodeResult(source, documents, persons, report, referenced)
    for problem in verify_lossless(text, documents):
        report.warn(1, problem)
    return result


def _publication(edition: Path | None) -> etree._Element | None:
    """The ``publicationStmt`` of the edition's description file, copied into every record when given."""
    if edition is None:
        return None
    tree, problems = read(str(edition), edition.read_bytes())
    if tree is None:  # a DOCTYPE that declares anything, or not XML: the file and line, and why
        p = problems[0]
        raise TranscriptError(f"{p.path}:{p.line}:{p.column}: [{p.rule}] {p.message}")
    found = tree.find(f".//{T}publicationStmt")
    if found is None:
        raise TranscriptError(f"{edition}: no publicationStmt in the edition description")
    return found


def _facts(record: Record, registry: Registry, report: Report) -> Facts:
    f = Facts()
    h = record.heading
    if h is not None:
        f.title = normalize(h.title).strip()
        f.kind = "telephone" if re.search(r"\b(tele)?phone\b", f.title, re.I) else "meeting"
        for line in [h.title] + [d[0] for d in h.datelines]:
            dl = read_dateline(normalize(line))
            f.date = f.date or (dl.date.iso if dl.date else None)
            f.time = f.time or dl.time
            f.place = f.place or dl.place_name
        capitals = f.title.isupper()
        named = [m for m in registry.mentions(_names_part(f.title), ignore_case=capitals) if len(m.ids) == 1]
        f.participants = list(dict.fromkeys(m.ids[0] for m in named))
        if not f.participants:
            for name in _title_names(f.title):
                entity = registry.provisional(name)
                report.warn(h.line, f"participant {name!r} named in the heading is not in the registry: "
                                    f"provisional person #{entity.id}")
                f.participants.append(entity.id)
    else:
        f.title = "Untitled record"
    f.named = list(f.participants)
    if h is not None:
        _titles_to_names(record, f, registry, report)
    for turn in record.turns:
        if turn.who not in f.participants:
            f.participants.append(turn.who)
    for item in record.sources:
        f.sources.append(read_source_note(item.text))
    line = h.line if h else record.line
    if not f.sources:
        report.warn(line, "record has no source note: archive and translator are not named (said in the header)")
    elif len(f.sources) > 1:
        report.warn(line, f"record has {len(f.sources)} source notes: all are kept (said in the header)")
    return f


TITLE_LABEL = re.compile(r"(?:The\s+)?(President|Chancellor|Prime Minister|Secretary|Ambassador|King|Premier|Chairman)",
                         re.I)


def _titles_to_names(record: Record, f: Facts, registry: Registry, report: Report) -> None:
    """``The President:`` in a record whose heading says ``President Bush`` is Bush; said as a warning."""
    for turn in record.turns:
        m = TITLE_LABEL.fullmatch(turn.name)
        if not m or not registry.entities[turn.who].provisional:
            continue
        named = re.search(rf"\b{re.escape(m.group(1))}\s+(?:of\s+\w+\s+)?((?:[A-Z]\.\s*)*[A-Z][\w\-]+)", f.title,
                          re.I)
        who = registry.resolve_label(named.group(1))[0] if named else None
        if who in f.named:
            report.warn(turn.line, f"speaker label {turn.label!r} taken as {registry.entities[who].name}: "
                                   f"the heading names {named.group(0)}")
            turn.who = who


def _names_part(title: str) -> str:
    """The part of a heading that names the participants (after 'between' or 'with')."""
    m = re.search(r"\b(?:between|with)\b(.*)", title, re.I | re.S)
    return m.group(1) if m else title


def _title_names(title: str) -> list[str]:
    part = re.split(r",\s*(?=[^,]*\d)", _names_part(title))[0]
    names = [n.strip(" .,") for n in re.split(r"\s+and\s+|,\s*", part, flags=re.I) if n.strip(" .,")]
    return [n for n in names if re.match(r"[A-Z]", n)]


def _infer_dates(records: list[Record], facts: list[Facts], report: Report) -> None:
    """A record that prints no date takes the date of the record before it (or after it), and says so."""
    for k, f in enumerate(facts):
        if f.date:
            continue
        neighbours = [g.date for g in reversed(facts[:k]) if g.date and not g.date_inferred] + \
                     [g.date for g in facts[k + 1:] if g.date]
        line = records[k].heading.line if records[k].heading else records[k].line
        if neighbours:
            f.date, f.date_inferred = neighbours[0], True
            report.warn(line, f"record prints no date: {f.date} inferred from the records around it "
                              f"(cert='medium', said in the header)")
        else:
            report.warn(line, "record prints no date, and none can be inferred")


def _principal(facts: list[Facts]) -> str | None:
    """The person who takes part in most records (Gorbachev): record ids name the other party.

    With a single record, or no clear majority, the first person named in a ``between A and B`` heading.
    """
    counts = Counter(p for f in facts for p in set(f.participants))
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2) + [(None, 0)]
    if len(facts) > 1 and n > 1 and n > rest[0][1]:
        return top
    between = [f for f in facts if re.search(r"\bbetween\b", f.title, re.I) and f.named]
    return between[0].named[0] if between else None


# --- TEI -----------------------------------------------------------------------------------------------------------


def sub(parent: etree._Element, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    e = etree.SubElement(parent, T + name)
    for k, v in attrs.items():
        if v:
            e.set(k.rstrip("_").replace("__", ":"), v)
    if text:
        e.text = text
    return e


def _document(rid: str, record: Record, f: Facts, registry: Registry, report: Report, source: str,
              publication: etree._Element | None) -> etree._ElementTree:
    tei = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    tei.set(XML_ID, xml_id(rid))
    tei.set(XML_LANG, "en")
    header = sub(tei, "teiHeader")
    text = sub(tei, "text", type="conversation", subtype=f.kind)
    body = sub(text, "body")
    div = sub(body, "div", type="record")
    ctx_base = dict(registry=registry, report=report)
    _ensure_translators(f, registry)
    _heading(div, record, f, ctx_base)
    footnotes = {i.n: f"{xml_id(rid)}-fn{i.n}" for i in record.body if isinstance(i, Item) and i.kind == "footnote"}
    n_turn = 0
    for block in record.body:
        if isinstance(block, Turn):
            n_turn += 1
            _turn(div, block, turn_id(rid, n_turn), f, ctx_base, footnotes)
        else:
            _item(div, block, f, ctx_base, footnotes)
    _header(header, rid, record, f, registry, source, publication)
    return etree.ElementTree(tei)


def _ctx(base: dict, line: int, f: Facts, footnotes: dict[str, str] | None = None, names: bool = True) -> Context:
    ctx = Context(base["registry"], base["report"], line, footnotes or {}, tag_names=names)
    ctx.mentioned = f.mentioned
    return ctx


def _date_spans(text: str, f: Facts, inferred: bool) -> list[Span]:
    """Spans for the ``placeName`` and ``date`` of a heading or dateline, with ISO values."""
    dl: Dateline = read_dateline(text)
    spans = []
    if dl.place:
        spans.append(Span(dl.place.start, dl.place.end, dl.place.start, dl.place.end, el("placeName"), 4))
    span = dl.span()
    if span:
        date = dl.date.iso if dl.date else (f.date if inferred else None)
        attrs = to_attributes(date, dl.time)
        if date and not dl.date:
            attrs.update(cert="medium", evidence="external")
        spans.append(Span(span.start, span.end, span.start, span.end, el("date", **attrs), 4))
    return spans


def _heading(div: etree._Element, record: Record, f: Facts, base: dict) -> None:
    h = record.heading
    if h is None:
        return
    title = normalize(h.title).strip()
    head = sub(div, "head", rend="bold" if h.bold else None)
    fill(head, title, _ctx(base, h.line, f), extra=_date_spans(title, f, f.date_inferred))
    if not h.parts:
        return
    opener = sub(div, "opener")
    for kind, line, number, bold in h.parts:
        if kind == "excerpt":
            sub(opener, "note", line, type="excerpt", rend="bold" if bold else None)
            continue
        text = normalize(line).strip()
        dateline = sub(opener, "dateline", rend="bold" if bold else None)
        fill(dateline, text, _ctx(base, number, f), extra=_date_spans(text, f, f.date_inferred))


def _turn(div: etree._Element, turn: Turn, tid: str, f: Facts, base: dict, footnotes: dict[str, str]) -> None:
    sp = sub(div, "sp", who="#" + turn.who, n=turn.n)
    sp.set(XML_ID, tid)
    speaker = sub(sp, "speaker")
    fill(speaker, normalize(turn.label), _ctx(base, turn.line, f, names=False))
    if turn.stage:
        stage = sub(sp, "stage", type="delivery")
        fill(stage, normalize(turn.stage), _ctx(base, turn.line, f, footnotes))
    for item in turn.items:
        _item(sp, item, f, base, footnotes)


def _item(parent: etree._Element, item: Item, f: Facts, base: dict, footnotes: dict[str, str]) -> None:
    ctx = _ctx(base, item.line, f, footnotes)
    if item.kind == "gap":
        sub(parent, "gap", reason="omitted", rend=GAP_REND[item.text])
    elif item.kind == "list":
        lst = sub(parent, "list", rend=item.rend, n=item.n)
        for text, line in item.items:
            fill(sub(lst, "item"), normalize(text).strip(), _ctx(base, line, f, footnotes))
    elif item.kind == "quote":
        quote = sub(parent, "quote")
        fill(sub(quote, "p", n=item.n), normalize(item.text).strip(), ctx)
    elif item.kind == "footnote":
        note = sub(parent, "note", type="footnote", n=item.n)
        note.set(XML_ID, footnotes[item.n])
        fill(note, normalize(item.text).strip(), ctx)
    elif item.kind == "source":
        _source_note(parent, item, ctx)
    else:
        fill(sub(parent, "p", n=item.n), normalize(item.text).strip(), ctx)


def _source_note(parent: etree._Element, item: Item, ctx: Context) -> None:
    raw = item.text.strip()
    italic = raw.startswith("*") and raw.endswith("*")
    inner = raw.strip("*").strip()
    bracketed = inner.startswith("[") and inner.endswith("]")
    if bracketed:
        inner = inner[1:-1]
    rend = " ".join(r for r, on in (("brackets", bracketed), ("italic", italic)) if on)
    note = sub(parent, "note", type="source", rend=rend)
    # A credit printed on its own line stays on its own line.
    pieces = re.split(r"\s*\n\s*(?=Translat)", inner)
    for k, piece in enumerate(pieces):
        if k:
            sub(note, "lb")
        fill(note, normalize(piece).strip(), ctx)


def _ensure_translators(f: Facts, registry: Registry) -> None:
    """Translators not in the registry become provisional persons, so that every credit points to someone."""
    for s in f.sources:
        for name in s.translators:
            if not registry.ids(name):
                entity = registry.provisional(name)
                entity.role = "Translator (named in a source note; not in the registry)"


def _ref(registry: Registry, name: str) -> str | None:
    found = registry.lookup(name)
    return "#" + found if found else None


def _header(header: etree._Element, rid: str, record: Record, f: Facts, registry: Registry, source: str,
            publication: etree._Element | None) -> None:
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", _bare(f.title), type="main")
    translators = list(dict.fromkeys(t for s in f.sources for t in s.translators))
    for name in translators:
        resp_stmt = sub(title_stmt, "respStmt")
        sub(resp_stmt, "resp", "translated by", ref=RELATOR_TRANSLATOR)
        sub(resp_stmt, "persName", name, ref=_ref(registry, name))
    resp_stmt = sub(title_stmt, "respStmt")
    sub(resp_stmt, "resp", "TEI encoding")
    sub(resp_stmt, "name", f"edition {__version__}", type="software")

    if publication is not None:
        pub = sub(file_desc, "publicationStmt")
        for child in publication:
            if isinstance(child.tag, str) and etree.QName(child).localname != "idno":
                pub.append(_copy(child))
        sub(pub, "idno", rid, type="record")
    else:
        pub = sub(file_desc, "publicationStmt")
        sub(pub, "p", f"Not published: encoded by edition {__version__} from {source}; record {rid}.")

    notes = _notes(record, f, translators)
    if notes:
        notes_stmt = sub(file_desc, "notesStmt")
        for kind, text in notes:
            sub(notes_stmt, "note", text, type=kind)

    source_desc = sub(file_desc, "sourceDesc")
    bibl = sub(source_desc, "bibl", type="translation")
    sub(bibl, "title", _bare(f.title), level="a")
    for name in translators:
        r = sub(bibl, "respStmt")
        sub(r, "resp", "translated by", ref=RELATOR_TRANSLATOR)
        sub(r, "persName", name, ref=_ref(registry, name))
    for publisher in dict.fromkeys(s.publisher for s in f.sources if s.publisher):
        sub(bibl, "publisher", publisher, ref=_ref(registry, publisher))
    sub(bibl, "citedRange", f"lines {record.line}\u2013{record.last}", unit="line",
        from_=str(record.line), to=str(record.last))
    seen = set()
    for s in f.sources:
        key = (s.archive, s.settlement, tuple(s.idnos))
        if not s.archive or key in seen:
            continue
        seen.add(key)
        ms = sub(source_desc, "msDesc")
        ident = sub(ms, "msIdentifier")
        if s.settlement:
            sub(ident, "settlement", s.settlement)
        sub(ident, "repository", s.archive, ref=_ref(registry, s.archive))
        for kind, value in s.idnos:
            sub(ident, "idno", value, type=kind)

    encoding = sub(header, "encodingDesc")
    editorial_decl(encoding)

    profile = sub(header, "profileDesc")
    lang = sub(profile, "langUsage")
    sub(lang, "language", "English", ident="en")
    speakers = {t.who for t in record.turns}
    if f.participants:
        lst = sub(sub(profile, "particDesc"), "listPerson")
    for pid in f.participants:
        entity = registry.entities[pid]
        person = sub(lst, "person", sameAs="#" + pid, role="speaker" if pid in speakers else "participant")
        sub(person, "persName", entity.name)
    setting = sub(sub(profile, "settingDesc"), "setting")
    if f.place:
        sub(setting, "placeName", f.place)
    attrs = to_attributes(f.date, f.time)
    if f.date_inferred:
        attrs.update(cert="medium", evidence="external")
    when = _when_text(f)
    sub(setting, "date", when, **attrs)
    sub(sub(header, "revisionDesc"), "change",
        f"Encoded by edition {__version__} from {source}, lines {record.line}\u2013{record.last}.")


def _bare(title: str) -> str:
    """A heading as a title: without its closing full stop (but keeping the one of ``p.m.``)."""
    return re.sub(r"(?<![ap]\.m)\.$", "", title)


def _when_text(f: Facts) -> str:
    parts = [f.date or "date unknown"]
    if f.time is not None:
        t = f.time
        parts.append(t.start_time[:5] + (f"\u2013{t.end_time[:5]}" if t.end_time else ""))
    return ", ".join(parts)


def _notes(record: Record, f: Facts, translators: list[str]) -> list[tuple[str, str]]:
    """The facts a record lacks or has twice, stated in the header rather than invented or dropped."""
    notes = []
    if not f.sources:
        notes.append(("archive", "The source publication prints no source note for this record: its archive is not "
                                 "named, so the archive is unknown."))
        notes.append(("credit", "The source publication prints no source note for this record: its translator "
                                    "is not named."))
    elif len(f.sources) > 1:
        notes.append(("provenance", f"The source publication prints {len(f.sources)} source notes after this record; "
                                    "all are kept as printed, and all their facts are in this header."))
    if f.sources and not any(s.archive for s in f.sources):
        notes.append(("archive", "The source note names no archive: the archive is unknown."))
    if f.sources and not translators:
        notes.append(("credit", "The source note names no translator."))
    if f.date_inferred:
        notes.append(("date", f"The record prints no date; {f.date} is inferred from the records around it in the "
                              "source publication (cert medium)."))
    elif not f.date:
        notes.append(("date", "The record prints no date, and none could be inferred."))
    if record.heading and record.heading.excerpts:
        notes.append(("excerpt", "The source publication prints excerpts of this record ("
                                 + ", ".join(f"[{e[0]}]" for e in record.heading.excerpts) + ")."))
    return notes


def editorial_decl(encoding: etree._Element) -> etree._Element:
    """The edition's conventions as an ``editorialDecl``: written from :mod:`edition.conventions`, nowhere else."""
    decl = sub(encoding, "editorialDecl")
    norm = sub(decl, "normalization")
    for sentence in NORMALIZATIONS:
        sub(norm, "p", sentence)
    sub(sub(decl, "segmentation"), "p",
        "Each conversation is one TEI document. A paragraph that a page break splits mid-sentence (no closing "
        "punctuation, the next block in lower case) is one paragraph.")
    sub(sub(decl, "interpretation"), "p",
        "Speaker labels are kept as printed and point to the personography with @who; a label the registry does "
        "not know gets a provisional person. Names in the text are tagged only where one person fits.")
    sub(sub(decl, "quotation", marks="all"), "p", "Quotation marks are kept as printed.")
    p = sub(decl, "p", "Editorial conventions (printed form; encoding; rendering):")
    lst = sub(p, "list", type="gloss")
    for c in CONVENTIONS:
        sub(lst, "label", c.name)
        sub(lst, "item", f"printed {c.printed}; encoded {c.encoded}; rendered {c.rendered}.")
    return decl


def _copy(e: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(e))


# --- personography ---------------------------------------------------------------------------------------------


def personography(registry: Registry, ids: set[str], source: str) -> etree._ElementTree:
    """A TEI document listing every person and organisation the records point to, with verified identifiers."""
    tei = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    tei.set(XML_ID, "personography")
    tei.set(XML_LANG, "en")
    header = sub(tei, "teiHeader")
    fd = sub(header, "fileDesc")
    sub(sub(fd, "titleStmt"), "title", "Persons and organisations", type="main")
    sub(sub(fd, "publicationStmt"), "p", f"Made by edition {__version__} from {source} and the registry.")
    sub(sub(fd, "sourceDesc"), "p", "Wikidata identifiers only where verified; no identifier is guessed.")
    stand_off = sub(tei, "standOff")
    entities = [registry.entities[i] for i in sorted(ids) if i in registry.entities]
    people = [e for e in entities if e.kind == "person"]
    orgs = [e for e in entities if e.kind == "org"]
    if people:
        lp = sub(stand_off, "listPerson")
        for e in people:
            _person(lp, e)
    if orgs:
        lo = sub(stand_off, "listOrg")
        for e in orgs:
            org = sub(lo, "org")
            org.set(XML_ID, e.id)
            sub(org, "orgName", e.name)
            if e.wikidata:
                sub(org, "idno", e.wikidata, type="wikidata")
            if e.role:
                sub(org, "note", e.role)
    return etree.ElementTree(tei)


def _person(parent: etree._Element, e: Entity) -> None:
    person = sub(parent, "person")
    person.set(XML_ID, e.id)
    name = sub(person, "persName")
    if e.forename and e.surname and e.name == f"{e.forename} {e.surname}":
        sub(name, "forename", e.forename).tail = " "
        sub(name, "surname", e.surname)
    else:
        name.text = e.name
    for alias in e.aliases:
        if alias != e.name:
            sub(person, "persName", alias, type="variant")
    if e.wikidata:
        sub(person, "idno", e.wikidata, type="wikidata")
    if e.birth:
        sub(person, "birth", when=e.birth)
    if e.death:
        sub(person, "death", when=e.death)
    if e.role:
        sub(person, "note", e.role, type="provisional" if e.provisional else "role")


# --- checking and writing -----------------------------------------------------------------------------------------


def verify_lossless(transcript: str, documents: list[Document]) -> list[str]:
    """Compare the transcript with the text of its TEI, word for word and bracket for bracket.

    Returns the differences (empty when none): each names the first place where the two part.
    """
    expected = comparable(transcript)
    got = comparable(" ".join(reading_text(d.tree.getroot().find(T + "text")) for d in documents))
    if expected == got:
        return []
    k = next((i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b), min(len(expected), len(got)))
    return [f"TEI text differs from the transcript at character {k}: transcript {expected[max(0, k - 40):k + 40]!r}"
            f" / TEI {got[max(0, k - 40):k + 40]!r}"]


def serialize(tree: etree._ElementTree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


class WriteError(OSError):
    """Files could not be written; every file that was there before is as it was, and no temporary file is left."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write(files: dict[str, etree._ElementTree], out_dir: Path, force: bool = False) -> list[Path]:
    """Write ``files`` (name -> tree) into ``out_dir``, all or none.

    Without ``force`` it refuses, before writing anything, to overwrite a file. Every file is written to a
    temporary file first; then each old file is kept aside (a hard link) and the new ones are renamed into place.
    If any step fails, the files already replaced are put back, the temporary files are removed, and the error
    names the file at fault: the folder is as it was. Files get the user's umask, as any file they write.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise FileExistsError(f"{out_dir}: exists and is not a directory")
    targets = {out_dir / name: tree for name, tree in files.items()}
    existing = [p for p in targets if p.exists() or p.is_symlink()]
    if existing and not force:
        raise FileExistsError(
            f"{existing[0]}: exists; not overwritten (use --force to replace it)"
            + (f", and {len(existing) - 1} more" if len(existing) > 1 else "")
        )
    for path in existing:
        if path.is_symlink() or not path.is_file():
            raise WriteError(f"{path}: is {'a link' if path.is_symlink() else 'not a file'}; not replaced, and no "
                             "file was written")
    out_dir.mkdir(parents=True, exist_ok=True)
    mode = 0o666 & ~_umask()
    staged: list[tuple[Path, Path]] = []  # (temporary file, its place)
    kept: dict[Path, Path] = {}  # an old file -> its copy aside
    replaced: list[Path] = []
    path = out_dir
    try:
        for path, tree in targets.items():
            fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((Path(tmp), path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(serialize(tree))
            os.chmod(tmp, mode)
        for tmp, path in staged:
            if path.exists():
                kept[path] = tmp.with_suffix(".old")
                try:
                    os.link(path, kept[path])
                except OSError:  # a file system without hard links
                    shutil.copy2(path, kept[path])
        for tmp, path in staged:
            os.replace(tmp, path)
            replaced.append(path)
    except OSError as e:
        for done in reversed(replaced):
            if done in kept:
                os.replace(kept.pop(done), done)
            else:
                done.unlink(missing_ok=True)
        for leftover in [tmp for tmp, _ in staged] + list(kept.values()):
            leftover.unlink(missing_ok=True)
        raise WriteError(f"{path}: could not be written ({e.strerror or e}); no file in {out_dir} was changed") \
            from None
    for old in kept.values():
        old.unlink(missing_ok=True)
    return [path for _, path in staged]
