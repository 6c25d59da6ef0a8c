"""``edition encode``: plain-text transcripts to TEI P5, one document per conversation, and a personography.

The work is done in steps: :mod:`.layout` and :mod:`.turns` read the text into records; :mod:`.header` reads their
facts and writes each ``teiHeader``, :mod:`.tei` the text; :mod:`.registry` resolves names and writes the
personography of every person and organisation the records name; :func:`verify_lossless` then proves that the text
of the TEI reads back as the transcript did."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..conventions import (
    PERSONOGRAPHY,
    TEI_NS,
    XML_ID,
    XML_LANG,
    T,
    comparable,
    reading_text,
    record_id,
    turn_id,
    xml_id,
)
from . import formats, language
from .formats import kind_of, read_document
from .formats.changes import statement
from .formats.enrich import enrich
from .formats.flow import flow_of
from .formats.markdown import unmarked
from .gaiji import encode_private_use
from .header import Facts, ensure_translators, facts_of, header, infer_dates, principal_of, read_publication
from .layout import parse, prepare, read_bytes, read_text
from .profile import Profile, using
from .records import Item, Record, Turn
from .registry import Registry
from .report import Report
from .tei import personography, sub, write_heading, write_item, write_turn
from .turns import TYPED, Typed


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
    text: str = ""  # the transcript as it was read, for the report's side-by-side view
    media: dict[str, bytes] = field(default_factory=dict)  # images of a formatted document, by their file names

    @property
    def files(self) -> dict[str, etree._ElementTree | bytes]:
        out: dict[str, etree._ElementTree | bytes] = {d.filename: d.tree for d in self.documents}
        out.update(self.media)
        out[PERSONOGRAPHY] = self.personography
        return out


def combine(results: list[EncodeResult], registry: Registry) -> dict[str, etree._ElementTree | bytes]:
    """The files of several transcripts encoded in one run: all their records and one personography for all."""
    files: dict[str, etree._ElementTree | bytes] = {d.filename: d.tree for r in results for d in r.documents}
    files.update({name: data for r in results for name, data in r.media.items()})
    ids = set().union(*(r.referenced for r in results)) if results else set()
    files[PERSONOGRAPHY] = personography(registry, ids, ", ".join(r.source for r in results))
    return files


def encode_file(path: Path, registry: Registry | None = None, edition: Path | None = None,
                taken: list[str] | None = None, profile: Profile | None = None,
                changes: str = "keep") -> EncodeResult:
    """Encode one transcript file: plain text, Word (.docx), OpenDocument (.odt) or a saved web page (.html),
    recognised by its content; a document's tracked changes kept as ``add`` and ``del``, or settled
    (``changes`` "accept" or "reject"). Raises :class:`TranscriptError` for input that is not a readable
    transcript."""
    path = Path(path)
    data = read_bytes(path)
    kind = kind_of(path, data)
    if kind == "text":
        return encode_text(read_text(path, data), path.name, registry, edition=edition, taken=taken,
                           profile=profile)
    return encode_document(read_document(path, data, kind, changes), path.name, registry, edition=edition, taken=taken,
                           profile=profile)


def encode_document(doc: formats.Document, source: str, registry: Registry | None = None,
                    edition: Path | None = None, taken: list[str] | None = None,
                    profile: Profile | None = None) -> EncodeResult:
    """Encode a formatted document: its text as a transcript's, then what the text cannot say put in its places
    (:mod:`.formats.enrich`), its images beside the TEI, and a check that every word reached the TEI."""
    flow = flow_of(doc)
    text = prepare(flow.text, source)
    report = Report(source)
    counts = ", ".join(f"{what} {n}" for what, n in sorted(doc.counts.items())) or "nothing but paragraphs"
    report.found(1, f"read as {doc.format}: {counts}; line numbers are those of its text, a paragraph a block")
    for severity, message in doc.messages:
        (report.warn if severity == "warning" else report.info)(1, message)
    token = TYPED.set(Typed(headings=flow.lines("head"), openings=doc.styled_openings(),
                            titles=flow.lines("head", level=1)))
    try:
        result = encode_text(text, source, registry, edition=edition, report=report, taken=taken, profile=profile)
    finally:
        TYPED.reset(token)
    texts = [d.tree.getroot().find(T + "text") for d in result.documents]
    for problem in enrich(texts, flow):
        report.warn(1, problem)
    for d in result.documents:
        _credit_revisers(d.tree.getroot(), doc.people)
        for graphic in d.tree.getroot().iter(T + "graphic"):
            url = graphic.get("url", "")
            if url in doc.media:  # the image beside the TEI, named by its record
                graphic.set("url", f"{d.id}-{url}")
                result.media[f"{d.id}-{url}"] = doc.media[url]
    for d in result.documents:
        _describe_file(d.tree.getroot(), doc)
        decl = d.tree.getroot().find(f"{T}teiHeader/{T}encodingDesc/{T}editorialDecl")
        if doc.settled != "keep" and decl is not None:
            sub(decl, "p", statement(doc.settled))
    if doc.properties:
        report.info(1, "the file's own properties (" + ", ".join(f"{k} {v!r}" for k, v in sorted(
            doc.properties.items())) + ") describe the file in the header's sourceDesc; the record's title, date "
            "and credits are those its text says")
    for problem in formats.verify(flow, texts):
        report.warn(1, problem)
    _private_use(result, doc.fonts)
    return result


def _private_use(result: EncodeResult, fonts: dict[str, str]) -> None:
    """The characters of the private use areas of each record as ``g`` of its header's ``charDecl``."""
    n = sum(encode_private_use(d.tree.getroot(), fonts) for d in result.documents)
    if n:
        result.report.info(1, f"{n} character{'s' if n != 1 else ''} of Unicode's private use area (a font's own, "
                              "no Unicode character) encoded as g, each declared in the header's charDecl")


def _describe_file(tei: etree._Element, doc: formats.Document) -> None:
    """The file a record was encoded from, as its own properties describe it (``bibl type="file"``)."""
    source_desc = tei.find(f"{T}teiHeader/{T}fileDesc/{T}sourceDesc")
    if source_desc is None or not doc.properties:
        return
    bibl = sub(source_desc, "bibl", type="file")
    props = doc.properties
    if props.get("title"):
        sub(bibl, "title", props["title"])
    if props.get("author"):
        resp = sub(bibl, "respStmt")
        sub(resp, "resp", "author of the file")
        sub(resp, "name", props["author"])
    if props.get("created"):
        created = props["created"]
        iso = re.match(r"^\d{4}-\d\d-\d\d(?:T\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)?)?", created)
        sub(bibl, "date", created, when=iso.group() if iso else "")
    if props.get("url"):
        sub(bibl, "ref", props["url"], target=props["url"])
    sub(bibl, "note", f"{doc.format}, as its properties describe it")


def _credit_revisers(tei: etree._Element, people: dict[str, str]) -> None:
    """Who changed or commented on the document, as the header's credits that its ``add``, ``del`` and comments
    point to (``resp="#reviser-1"``), and when each change was made, as a ``change`` of the header's
    ``revisionDesc`` that the ``add`` or ``del`` points to (``change="#revision-1"``: TEI dates a change there)."""
    used = {r[1:] for r in tei.xpath(".//@resp") if r.startswith("#reviser-")}
    title_stmt = tei.find(f"{T}teiHeader/{T}fileDesc/{T}titleStmt")
    for name, pid in people.items():
        if pid in used and title_stmt is not None:
            resp = etree.SubElement(title_stmt, T + "respStmt")
            resp.set(XML_ID, pid)
            sub(resp, "resp", "changes and comments in the source document")
            sub(resp, "name", name)
    revisions = tei.find(f"{T}teiHeader/{T}revisionDesc")
    changes: dict[tuple[str, str], str] = {}
    for e in tei.iter(T + "add", T + "del"):
        when = e.attrib.pop("when", None)
        if when is None or revisions is None:
            continue
        key = (when, e.get("resp", ""))
        if key not in changes:
            changes[key] = f"revision-{len(changes) + 1}"
            change = sub(revisions, "change", "a change tracked in the source document", when=when,
                         who=e.get("resp", ""))
            change.set(XML_ID, changes[key])
        e.set("change", "#" + changes[key])


def encode_text(text: str, source: str, registry: Registry | None = None, edition: Path | None = None,
                report: Report | None = None, taken: list[str] | None = None,
                profile: Profile | None = None) -> EncodeResult:
    """Encode a transcript's text. ``taken``: record ids already given (by other transcripts of the same run),
    extended with this one's, so that no two records of a run share a file name; ``profile``: the corpus's own
    conventions (:mod:`.profile`), if any."""
    detected = language.detect(text)
    with using(profile), language.using(detected.language):
        result = _encode(text, source, registry, edition, report, taken, detected)
    if TYPED.get() is None:  # (a formatted document's are encoded once its notes are in place)
        _private_use(result, {})
    return result


def _encode(text: str, source: str, registry: Registry | None, edition: Path | None, report: Report | None,
            taken: list[str] | None, detected: language.Detected) -> EncodeResult:
    registry = registry or Registry.load()
    report = report or Report(source)
    report.found(1, f"language: {detected.language.name} ({detected.language.code}), on the evidence of "
                    f"{detected.evidence}")
    records = parse(text, registry, report)
    publication = read_publication(edition)
    facts = [facts_of(r, registry, report) for r in records]
    infer_dates(records, facts, report)
    principal = principal_of(facts)
    taken = taken if taken is not None else []
    documents = []
    for record, f in zip(records, facts, strict=True):
        other = [p for p in f.named if p != principal] or [p for p in f.participants if p != principal] \
            or f.participants or ["record"]
        start = getattr(f.time, "start_time", None)
        rid = record_id(f.date, start, other[0] if record.heading else "untitled", taken)
        taken.append(rid)
        tree = _document(rid, record, f, registry, report, source, publication, detected.language)
        documents.append(Document(rid, tree, record))
    referenced: set[str] = set()
    for f in facts:
        referenced |= set(f.participants) | f.mentioned
    for d in documents:
        referenced |= {r[1:] for r in d.tree.xpath("//@ref[starts-with(., '#')]")}
    persons = personography(registry, referenced, source)
    result = EncodeResult(source, documents, persons, report, referenced, prepare(text, source))
    for problem in verify_lossless(text, documents):
        report.warn(1, problem)
    return result


def _document(rid: str, record: Record, f: Facts, registry: Registry, report: Report, source: str,
              publication: etree._Element | None, lang: language.Language) -> etree._ElementTree:
    tei = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    tei.set(XML_ID, xml_id(rid))
    tei.set(XML_LANG, lang.code)  # the record's language; the header the encoder writes is in English
    head = sub(tei, "teiHeader")
    if lang.code != "en":
        head.set(XML_LANG, "en")
    text = sub(tei, "text", type="conversation", subtype=f.kind)
    ctx_base = dict(registry=registry, report=report, marks=set())  # marks: the bare footnote marks linked
    if record.front:  # what the transcript prints before the heading, kept as printed
        preamble = sub(sub(text, "front"), "div", type="preamble")
        for block in record.front:
            write_item(preamble, block, f, ctx_base, {})
    body = sub(text, "body")
    div = sub(body, "div", type="record")
    ensure_translators(f, registry)
    # footnotes by their printed number: "[1]" marks point to those printed "[1] ...", bare marks glued to a word
    # ("Conversation1") to those printed "1. ..." (rend="plain"), a numbered source note among them; a glued mark
    # whose footnote the transcript does not print points nowhere ("")
    footnotes = {"plain:" + n: "" for n in record.marks}
    footnotes.update({("plain:" if i.rend == "plain" else "") + i.n: f"{xml_id(rid)}-fn{i.n}" for i in record.body
                      if isinstance(i, Item) and (i.kind == "footnote" or i.rend == "plain")})
    write_heading(div, record, f, ctx_base, footnotes)
    n_turn = 0
    for block in record.body:
        if isinstance(block, Turn):
            n_turn += 1
            write_turn(div, block, turn_id(rid, n_turn), f, ctx_base, footnotes)
        else:
            write_item(div, block, f, ctx_base, footnotes)
    header(head, rid, record, f, registry, source, publication, lang)
    return etree.ElementTree(tei)


def _parted(expected: str, got: str) -> bool:
    """The TEI's text is the transcript's but for spaces where turns were cut from text that ran them together, the
    line breaks and the spaces at them lost (``soHALDEMAN:Yeah.PRESIDENT:he``, the TEI ``so HALDEMAN: Yeah.
    PRESIDENT: he``): a space the transcript lacks only before a capital letter or after a colon."""
    i = j = 0
    while i < len(expected) and j < len(got):
        if expected[i] == got[j]:
            i, j = i + 1, j + 1
        elif got[j] == " " and (got[j + 1:j + 2].isupper() or got[j - 1:j] == ":"):
            j += 1
        else:
            return False
    return i == len(expected) and j == len(got)


def verify_lossless(transcript: str, documents: list[Document], markdown: bool | None = None) -> list[str]:
    """Compare the transcript with the text of its TEI, word for word and bracket for bracket; ``markdown``: the
    transcript is Markdown (by default: where it has a Markdown heading), whose marks are no words.

    Returns the differences (empty when none): each names the first place where the two part.
    """
    expected = comparable(unmarked(transcript, markdown))  # (a Markdown heading's marks are its level, not words)
    got = comparable(" ".join(reading_text(d.tree.getroot().find(T + "text")) for d in documents))
    if expected == got or _parted(expected, got):
        return []
    k = next((i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b), min(len(expected), len(got)))
    return [f"TEI text differs from the transcript at character {k}: transcript {expected[max(0, k - 40):k + 40]!r}"
            f" / TEI {got[max(0, k - 40):k + 40]!r}"]


def encoding_report(results: list[EncodeResult]) -> str:
    """What was recognised in each transcript and on what evidence, line by line, with the warnings (``edition
    encode --report``): for the editor who checks an encoding against its transcript."""
    out = []
    for result in results:
        out.append(f"== {result.source}: {len(result.documents)} record(s), "
                   f"{sum(len(d.record.turns) for d in result.documents)} speaker turns")
        for d in result.documents:
            out.append(f"  record {d.id}: lines {d.record.line}-{d.record.last}")
        for m in sorted(result.report.messages, key=lambda m: m.line):
            out.append(f"  {m.line}: {m.severity}: {m.text}")
    return "\n".join(out) + "\n"
