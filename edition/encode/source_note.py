"""What an editors' source note says of a record: ``[Source: Archive of the X, Fond 1, opis 1. Translated by A and B
for the Y.]`` as the seed prints it, or a publication's first footnote (``1. Source: National Archives, ... Box 8.
Secret. The meeting took place in the Oval Office. ... presumably drafted by Lord.``) as FRUS prints it.

The archive, its place and fonds, the translators and publisher; and what the editors say of the conversation
itself (where it took place, when a call began, who drafted the record), kept with the sentence that says it so
that the header can say where the fact comes from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..conventions import normalize
from .dates import TimeValue, find_time

#: A source note: ``Source:`` or ``Sources:`` at its start (after a bracket, emphasis or footnote number).
SOURCE_WORD = re.compile(r"^\W*(?:\d{1,3}\.\s*)?Sources?:", re.I)

#: Words of an archival unit, never of the town an archive stands in (``Nixon Presidential Materials``).
_ARCHIVAL = re.compile(r"\b(?:Files?|Papers|Materials|Records|Library|Collection|Box|Folder|Series|Office|Lot|"
                       r"Archives?|Fonds?|Group|Center|Centre|Subject|Country|Chron\w*)\b", re.I)

#: What an editors' note says of where the conversation took place, or where its two ends were.
_PLACE_SAID = (
    re.compile(r"\b(?:meeting|conversation|luncheon|dinner|talks?|call|discussion|session)s?\s+"
               r"(?:took place|was held|were held|was conducted)\s+(?:in|at|aboard)\s+(?P<place>[^.;]+)", re.I),
    re.compile(r"\b(?:spoke|talked|met)\s+(?:with|to)\s+[^.;]{1,80}?\s+from\s+(?P<place>(?:the\s+)?[A-Z][^.;]*?)"
               r"(?=\s+(?:from|at|between)\s+\d|[.;]|$)"),
    re.compile(r"\b(?P<a>[A-Z][\w.\-’']+)\s+was\s+in\s+(?P<pa>[A-Z][^.;]+?);\s*"
               r"(?P<b>[A-Z][\w.\-’']+)\s+was\s+in\s+(?P<pb>[A-Z][^.;]+)"),
)
#: When a call or meeting began, as the note says it (``... from the Oval Office from 2:33 p.m. to 2:47 p.m.``).
_TIME_SAID = re.compile(r"\b(?:from|at|began at|beginning at)\s+(?=\d{1,2}[:.]\d\d)")
#: Who drafted the record, as the editors say it (``Drafted by Lord``, ``presumably drafted by Lord``).
_DRAFTED = re.compile(r"\b(?P<how>presumably |apparently |probably )?drafted by (?P<names>[A-Z][^.;()]*?)"
                      r"(?=[.;(]|\s+on\s|\s+and\s+(?:approved|cleared)|$)")


@dataclass
class SourceFacts:
    """The facts of one printed source note."""

    text: str
    archive: str = ""
    settlement: str = ""
    idnos: list[tuple[str, str]] = field(default_factory=list)  # (type, value): fond, opis, delo
    translators: list[str] = field(default_factory=list)
    publisher: str = ""
    place: str = ""
    time: TimeValue | None = None
    drafted: list[str] = field(default_factory=list)
    #: The sentences that say where and when, as printed: the header quotes them.
    place_said: str = ""
    time_said: str = ""


def is_source_note(text: str) -> bool:
    return bool(SOURCE_WORD.match(normalize(text).lstrip("*[ ")))


def read_source_note(text: str) -> SourceFacts:
    """Read ``Source: Archive of the X, Fond 1, opis 1. Translated by A and B for the Y.``, and what the note says
    of the conversation."""
    flat = re.sub(r"\s+", " ", normalize(text)).strip(" *[]\u21a9")
    flat = re.sub(r"^(?:\d{1,3}\.|[-\u2022])\s*", "", flat)
    facts = SourceFacts(flat)
    m = re.match(r"Sources?:\s*(?P<body>.*?)(?:\.\s+(?=[A-Z])|\.?$)", flat, re.S)
    if m:
        parts = [p.strip() for p in m.group("body").split(",") if p.strip()]
        if parts:
            facts.archive = parts[0].rstrip(".")
        for k, part in enumerate(parts[1:], start=1):
            part = part.rstrip(".")
            idno = re.fullmatch(r"(?P<type>Fond|f\.|opis|op\.|delo|d\.|list|l\.)\s*(?P<value>[\w\-/]+)", part, re.I)
            if idno:
                kind = {"f.": "fond", "op.": "opis", "d.": "delo", "l.": "list"}.get(idno.group("type").lower(),
                                                                                    idno.group("type").lower())
                facts.idnos.append((kind, idno.group("value")))
            elif k == 1 and re.fullmatch(r"[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2}", part) \
                    and not _ARCHIVAL.search(part):
                facts.settlement = part  # the archive's town, right after it: "Archive of X, Moscow, Fond 1"
    t = re.search(r"Translat(?:ed|ion) by (?P<names>.+?)(?: for (?:the )?(?P<pub>[^.\]]+))?\.?\]?$", flat)
    if t:
        facts.translators = _names(t.group("names"))
        facts.publisher = (t.group("pub") or "").strip()
    _read_setting(flat, facts)
    return facts


def _read_setting(flat: str, facts: SourceFacts) -> None:
    """Where the conversation took place, when it began, who drafted the record: said in the note's sentences."""
    for sentence in re.split(r"(?<=[.])\s+(?=[A-Z])", flat):
        for pattern in _PLACE_SAID:
            p = pattern.search(sentence)
            if p and not facts.place:
                if "pa" in p.groupdict():
                    facts.place = (f"{p.group('a')} in {p.group('pa').strip()}; "
                                   f"{p.group('b')} in {p.group('pb').strip()}")
                else:
                    facts.place = re.sub(r"^the\s+", "", p.group("place").strip(" ,"))
                facts.place_said = sentence
        when = _TIME_SAID.search(sentence)
        if when and facts.time is None and re.search(r"\b(?:spoke|talked|met|call|meeting|conversation)\b",
                                                     sentence):
            facts.time = find_time(sentence[when.end():])
            facts.time_said = sentence if facts.time else ""
        d = _DRAFTED.search(sentence)
        if d:
            facts.drafted += _names(d.group("names"))


def _names(text: str) -> list[str]:
    """Names given in a row: ``A, B and C``, ``A, and B``."""
    return [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", text.strip()) if n.strip()]
