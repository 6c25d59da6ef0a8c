"""Writing a record's text as TEI: its heading and dateline, its speaker turns and items, with the inline
conventions (:mod:`.inline`) filled in."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from .. import __version__
from ..conventions import GAP_REND, TEI_NS, XML_ID, XML_LANG, T, normalize
from . import labels
from .dates import Dateline, read_dateline, to_attributes
from .inline import Context, Span, el, fill
from .records import Item, Record, Turn
from .registry import Entity, Registry

if TYPE_CHECKING:
    from .header import Facts


def sub(parent: etree._Element, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    e = etree.SubElement(parent, T + name)
    for k, v in attrs.items():
        if v:
            e.set(k.rstrip("_").replace("__", ":"), v)
    if text:
        e.text = text
    return e


def make_ctx(base: dict, line: int, f: Facts, footnotes: dict[str, str] | None = None,
             names: bool = True) -> Context:
    ctx = Context(base["registry"], base["report"], line, footnotes or {}, tag_names=names,
                  marks=base.get("marks", set()))
    ctx.mentioned = f.mentioned
    return ctx


def date_spans(text: str, f: Facts, inferred: bool, printed: str | None = None, release: bool = False) -> list[Span]:
    """Spans for the ``placeName`` and ``date`` of a heading or dateline, with ISO values; ``printed``: the date a
    line above printed, which a line giving only the time continues; ``release``: the line dates a page's release,
    not the event (``date type="release"``)."""
    dl: Dateline = read_dateline(text)
    spans = []
    if dl.place:
        spans.append(Span(dl.place.start, dl.place.end, dl.place.start, dl.place.end, el("placeName"), 4))
    span = dl.span()
    if span:
        date = dl.date.iso if dl.date else printed or (f.date if inferred else None)
        attrs = to_attributes(date, dl.time, dl.date.to if dl.date else None)
        if date and not dl.date and not printed:
            attrs.update(cert="medium", evidence="external")
        if release:
            attrs = {"type": "release", **attrs}
        spans.append(Span(span.start, span.end, span.start, span.end, el("date", **attrs), 4))
    return spans


def write_heading(div: etree._Element, record: Record, f: Facts, base: dict,
                  footnotes: dict[str, str] | None = None) -> None:
    h = record.heading
    if h is None:
        return
    title = normalize(h.title).strip()
    head = sub(div, "head", rend="bold" if h.bold else None)
    fill(head, title, make_ctx(base, h.line, f, footnotes), extra=date_spans(title, f, f.date_inferred))
    if not h.parts:
        return
    opener = sub(div, "opener")
    printed = None  # the date of a date block's first line, which its time line continues
    for kind, line, number, bold in h.parts:
        if kind == "excerpt":
            sub(opener, "note", line, type="excerpt", rend="bold" if bold else None)
            continue
        text = normalize(line).strip()
        dateline = sub(opener, "dateline", rend="bold" if bold else None)
        if kind == "place":
            sub(dateline, "placeName", text)
            continue
        release = bool(f.release_line) and line == f.release_line
        fill(dateline, text, make_ctx(base, number, f),
             extra=date_spans(text, f, f.date_inferred, printed, release=release))
        found = read_dateline(text).date
        printed = found.iso if found else printed


def write_turn(div: etree._Element, turn: Turn, tid: str, f: Facts, base: dict, footnotes: dict[str, str]) -> None:
    sp = sub(div, "sp", who="#" + turn.who, n=turn.n,
             rend="glued" if turn.number_glued else "section" if turn.section else None)
    sp.set(XML_ID, tid)
    for n in turn.pages:  # a page of the source begins right before the label
        sub(sp, "pb", n=n, rend="page")
    for n in turn.lines:  # so does a numbered line
        sub(sp, "lb", n=n, rend="numbered")
    if turn.time:  # the time a log prints before the label
        sub(sp, "note", turn.time, type="time", place="inline")
    speaker = sub(sp, "speaker", rend="glued" if turn.glued else None)
    if labels.BRACKETED_NUMBERED.fullmatch(turn.label.strip()):  # "[Speaker 2]": the brackets are the service's way
        speaker.text = normalize(turn.label)  # of setting every voice, not words the editors supplied
    else:
        fill(speaker, normalize(turn.label), make_ctx(base, turn.line, f, names=False))
    if turn.stage:
        stage = sub(sp, "stage", type="delivery")
        fill(stage, normalize(turn.stage), make_ctx(base, turn.line, f, footnotes))
    # A turn of nothing but a page's furniture (a banner where the speech was withheld) keeps it in a paragraph:
    # a turn holds at least one.
    inner = sp if any(item.kind not in ("fw", "page") for item in turn.items) or turn.stage else sub(sp, "p")
    for item in turn.items:
        write_item(inner, item, f, base, footnotes)


def write_item(parent: etree._Element, item: Item, f: Facts, base: dict, footnotes: dict[str, str]) -> None:
    ctx = make_ctx(base, item.line, f, footnotes)
    if item.kind == "page":  # page breaks of the source publication, between paragraphs: no paragraph of their own
        fill(parent, normalize(item.text).strip(), ctx)
    elif item.kind == "time":  # a clock time alone: the time of what follows, where it stands
        sub(parent, "note", normalize(item.text), type="time", place="inline")
    elif item.kind == "fw":  # a page's furniture: a banner, a stamp, a page number, as printed
        sub(parent, "fw", normalize(item.text).strip(), type=item.rend)
    elif item.kind == "gap":
        sub(parent, "gap", reason="omitted", rend=GAP_REND[item.text])
    elif item.kind == "list":
        lst = sub(parent, "list", rend=item.rend, n=item.n)
        for k, (text, line) in enumerate(item.items):  # (a numbered list's items keep their numbers)
            fill(sub(lst, "item", n=item.numbers[k] if item.numbers else None), normalize(text).strip(),
                 make_ctx(base, line, f, footnotes))
    elif item.kind == "quote":
        quote = sub(parent, "quote")
        fill(sub(quote, "p", n=item.n), normalize(item.text).strip(), ctx)
    elif item.kind == "footnote":
        note = sub(parent, "note", type="footnote", n=item.n, rend=item.rend or None)
        note.set(XML_ID, footnotes[("plain:" if item.rend == "plain" else "") + item.n])
        fill(note, normalize(item.text).strip(), ctx)
    elif item.kind == "source":
        write_source_note(parent, item, ctx, footnotes.get("plain:" + item.n) if item.rend == "plain" else None)
    else:
        fill(sub(parent, "p", n=item.n), normalize(item.text).strip(), ctx)


def write_source_note(parent: etree._Element, item: Item, ctx: Context, note_id: str | None = None) -> None:
    raw = item.text.strip()
    italic = raw.startswith("*") and raw.endswith("*")
    inner = raw.strip("*").strip()
    bracketed = inner.startswith("[") and inner.endswith("]")
    if bracketed:
        inner = inner[1:-1]
    rend = " ".join(r for r, on in (("brackets", bracketed), ("italic", italic)) if on)
    note = sub(parent, "note", type="source", n=item.n or None, rend=rend)
    if note_id:  # a publication's first footnote, which a mark in the heading points to
        note.set(XML_ID, note_id)
    # A credit printed on its own line stays on its own line.
    pieces = re.split(r"\s*\n\s*(?=Translat)", inner)
    # a space (or line break) just inside a bracket is kept as a space: "[ Source: ... Archive. ]" as printed
    lead, trail = (" " if inner[:1].isspace() else ""), (" " if inner[-1:].isspace() and inner.strip() else "")
    for k, piece in enumerate(pieces):
        if k:
            sub(note, "lb")
        fill(note, (lead if k == 0 else "") + normalize(piece).strip() + (trail if k == len(pieces) - 1 else ""), ctx)


# --- the personography ------------------------------------------------------------------------------------------


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
    if not entities:  # a standOff may not be empty: say why nobody is listed
        sub(stand_off, "note", "The encoder found no speaker label, heading or source note that names a person or "
                               "an organisation in these records.")
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
