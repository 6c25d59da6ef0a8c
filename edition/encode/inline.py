"""Inline encoding: a line of transcript text becomes TEI mixed content.

The printed conventions (``[...]``, ``[Saddam]``, ``he [sic]``, ``(*...*)``, ``*italic*``, ``[1]``) and the names
of the registry are found as spans of the (normalized) string; spans nest where one lies inside another's content
(``[Saddam] Hussein`` is a ``persName`` holding a ``supplied``), and the tree is written from them. Characters
outside any span are copied as they stand, so no character is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from ..conventions import GAP_RE, GAP_REND, ITALIC, T
from .language import current as language
from .lines import MARK_OPEN as LINE_MARK
from .lines import MARK_RE as LINE_MARK_RE
from .profile import current
from .registry import Registry
from .report import Report
from .turns import GLUED_MARK_RE

SIC_RE = re.compile(r"(?:([\w'’\-]+) )?\[sic\]", re.I)
#: A page of the source publication begins (``[Page 283]``, as FRUS prints it): a ``pb``, not a supplied word.
PAGE_RE = re.compile(r"\[Page (\d{1,5})\]")
TRANSLATOR_RE = re.compile(r"\(\*(?=\S)(.+?)(?<=\S)\*\)")
BRACKET_RE = re.compile(r"\[([^\[\]]+)\]")
#: A notice of what the record leaves out, in brackets (``[omission in transcript]``, ``[Omitted here is
#: discussion of Lebanon.]``, ``[1 line not declassified]``, ``[illegible]``): a ``gap`` whose ``desc`` keeps the
#: printed words, with the reason its words give.
OMISSION_RE = re.compile(r"\[(?P<words>[^\[\]]*?\b(?:omission|omitted|omits?|not declassified|illegible|"
                         r"unintelligible|inaudible|garbled|missing|deleted|redacted|excised|not printed|withdrawn)"
                         r"\b[^\[\]]*)\]",
                         re.I)
GAP_REASONS = (("illegible", re.compile(r"illegible|unintelligible|garbled", re.I)),
               ("inaudible", re.compile(r"inaudible", re.I)),
               ("redacted", re.compile(r"declassified|redacted|excised|deleted|withdrawn", re.I)))
#: A declassification reviewer's mark where text is withheld (``E.O. 13526, section 1.4(b)(d)``), as OCR reads it.
EXEMPTION_RE = re.compile(r"\bE\.\s?[O0]\.\s?1\d{4},?\s+section\s+[1l]\.\s?4\s*(?:\(\s?[a-h]\s?\)\s?)+")
#: A classification mark on a paragraph, as US records print them: ``(U)``, ``(S)``, ``(C)``, ``(TS)``, ``(S/NF)``,
#: at the start or end of a paragraph or after a sentence; and a declassification line run into the text.
PORTION_MARK_RE = re.compile(r"(?:^|(?<=[.?!:;\"\u201d\u2019)]\s)|(?<=^\d\.\s)|(?<=^\d\d\.\s))"
                             r"\((?:U|C|S|TS|S/NF|C/NF|S/S|TS/SCI|U/FOUO|FOUO|SBU|LOU|NF)\)(?=\s|$)")
DECLASSIFY_RE = re.compile(r"\b(?:Declassify on:?\s+(?:OADR|\d[\d/.]*)|DECLASSIFIED IN PART PER E\.?\s?O\.?\s?\d{5}"
                           r"|CLASSIFIED BY:?\s+(?:[A-Z][\w.]*\s){1,4}[A-Z][\w.]*)")
#: An event in the room, in brackets or parentheses (``[Laughter]``, ``(laughter)``, ``(Chinese laugh.)``,
#: ``[thinks]``, ``(interrupted)``): a ``stage`` of type ``incident``.
INCIDENT_RE = re.compile(r"(?P<open>[\[(])(?P<words>(?:[A-Z][a-z]+\s)?(?:laughter|laughs?|laughing|applause|pause|"
                         r"interruption|interrupted|crosstalk|silence|thinks|sighs?|coughs?|chuckles?|smiles?|noise|"
                         r"gestures?)\.?)(?P<close>[\])])", re.I)
#: A character of the editors' words in brackets, or a word they supplied inside them (``[Deng asked whether I
#: [Gorbachev] remember ...]``).
_NOTE_CHAR = r"(?:[^\[\]]|\[[^\[\]]{1,40}\])"
#: A note in brackets: an editor's (``[editor's note: ...]``, ``[Note: ...]``), a literal rendering (``[lit.,
#: ...]``), or a whole sentence of the record's own narration (``[The President arrived and then went on.]``; the
#: editors' words may hold words they supplied).
NOTE_RE = re.compile(r"\[(?P<words>(?P<kind>(?:editor'?s|editorial|translator'?s)?\s*note:|lit\.,?|misdated\b|"
                     r"date uncertain\b|dated\b)[^\[\]]+|"
                     r"[A-Z]" + _NOTE_CHAR + r"{15,}?[.!?][\u201d\"\u2019)]*)\]", re.I)
#: Words in brackets that describe the document rather than complete its text: a stamp, a seal, a signature, as
#: an archive's translation describes them (``[CPSU CC stamp; 12 JUNE 1969]``, ``[There is a stamp at the end of
#: the first page stating that ...]``): fields parted by a semicolon, or ten words or more (:func:`_describes`).
DESCRIPTION_RE = re.compile(r"\[(?P<words>[A-Z]" + _NOTE_CHAR + r"+)\]")
#: A caption file's cue, as SubRip and WebVTT print it, perhaps run into the text by a page that flattened it:
#: its number (SubRip's) and its times (``1 00:00:00,080 --> 00:00:02,430``).
CUE_RE = re.compile(r"(?<![\w:])(?:\d{1,6}\s+)?(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\s+-->\s+(?:\d{1,2}:)?\d{2}:\d{2}"
                    r"[,.]\d{3}(?![\d:])")
#: What a list of quoted strings holds between its brackets, as a front matter's YAML or a page's data writes it
#: (``speakers: ['Ann Lee', 'Bo Chen']``): the list's own brackets, never words the editors supplied.
QUOTED_LIST = re.compile(r"""\s*(['"])[^'"\n]*\1(?:\s*,\s*(['"])[^'"\n]*\2)*\s*""")
#: A time code of the recording in square brackets, as transcripts of podcasts, broadcasts and interviews made
#: from a recording print it (``[03:56] So we're...``, ``**Break:** [16:39]``, ``[01:02:17.5]``): minutes and seconds
#: (hours before them, a fraction after them) at the start of a paragraph, at its end or after a sentence's end
#: (:func:`_timecode`), or hours, minutes and seconds anywhere. Not a time the editors supply within a sentence
#: (``resumed at [10:30]``).
TIMECODE_RE = re.compile(r"\[(?:\d{1,2}:){1,2}\d{2}(?:[.,]\d{1,3})?\]")
#: A call from the floor, in parentheses, as parliaments print it: a member, perhaps a party, a colon, the words
#: (``(Siegfried Borgwardt, CDU: Sehr schön!)``, ``(Abg. Dr. Khol: Zur Geschäftsbehandlung!)``).
INTERJECTION_RE = re.compile(r"(?:[A-ZÄÖÜ][\w.'\u2019\-]*\s){0,4}[A-ZÄÖÜ][\w'\u2019\-]+(?:,\s*[A-ZÄÖÜ][\w/\- ]{1,25}|"
                             r"\s\([A-ZÄÖÜ][\w/\-]{1,15}\))?:\s+\S")
FOOTNOTE_MARK_RE = re.compile(r"(?<=\S)\[(\d{1,3})\]")


@dataclass
class Span:
    """``[start, end)`` of the string becomes an element; its children come from ``[cstart, cend)``."""

    start: int
    end: int
    cstart: int
    cend: int
    make: Callable[[], etree._Element]
    weight: int = 0  # which of two identical spans is outer: the larger weight
    children: list[Span] = field(default_factory=list)


def _gap_with_words(reason: str, rend: str | None) -> Callable[[], etree._Element]:
    """A ``gap`` whose printed notice is its ``desc``: the span's content goes into the ``desc``."""
    def make() -> etree._Element:
        gap = etree.Element(T + "gap", reason=reason)
        if rend:
            gap.set("rend", rend)
        return gap

    make.into = "desc"  # type: ignore[attr-defined]
    return make


#: A bracket or parenthesis whose words a profile may give a meaning.
PROFILED_RE = re.compile(r"\[([^\[\]]+)\]|\(([^()]+)\)")


def _describes(words: str) -> bool:
    """Words in brackets that describe the document (:data:`DESCRIPTION_RE`)."""
    return ";" in words or len(words.split()) >= 10


def _meaning(meaning: str, opener: str) -> Callable[[], etree._Element]:
    """The element of a bracket's meaning (profile.BRACKET_MEANINGS), whether the encoder read it or a profile gave
    it: a gap with the printed words, an event in the room, or a note printed in the text."""
    rend = "brackets" if opener == "[" else "parentheses"
    if meaning in ("omitted", "illegible", "inaudible", "redacted"):
        return _gap_with_words(meaning, rend)
    if meaning == "incident":
        return el("stage", type="incident", rend=rend)
    return el("note", type=meaning, place="inline", rend=rend)


def el(name: str, **attrs: str) -> Callable[[], etree._Element]:
    def make() -> etree._Element:
        e = etree.Element(T + name)
        for k, v in attrs.items():
            e.set(k.rstrip("_"), v)
        return e

    return make


@dataclass
class Context:
    """What inline encoding needs besides the text: names, the record's footnotes, where to report."""

    registry: Registry
    report: Report
    line: int
    footnotes: dict[str, str] = field(default_factory=dict)  # printed number -> xml:id of the note
    mentioned: set[str] = field(default_factory=set)
    tag_names: bool = True
    marks: set[str] = field(default_factory=set)  # the bare footnote marks of the record already linked


def _timecode(text: str, m: re.Match) -> bool:
    """Whether a clock's reading in brackets (:data:`TIMECODE_RE`) is where a recording's time code stands: with
    hours, or first in its paragraph, or last, or after a sentence's end or a label's colon."""
    return m.group().count(":") == 2 or not text[:m.start()].strip() or not text[m.end():].strip() \
        or text[:m.start()].rstrip()[-1:] in ".!?:\u2026"


def spans_for(text: str, ctx: Context) -> list[Span]:
    """Every convention and name in ``text`` as spans, before nesting."""
    spans: list[Span] = []
    taken: list[tuple[int, int]] = []  # ranges whose brackets are already explained

    def add(span: Span) -> None:
        spans.append(span)
        taken.append((span.start, span.end))

    def free(m: re.Match) -> bool:  # the match starts where no convention read so far has explained the text
        return not any(s <= m.start() < e for s, e in taken)

    square = "[" in text
    brackets = square or "(" in text
    for m in GAP_RE.finditer(text) if square else ():
        add(Span(m.start(), m.end(), m.end(), m.end(), el("gap", reason="omitted", rend=GAP_REND[m.group(0)]), 9))
    for m in PAGE_RE.finditer(text) if square else ():
        add(Span(m.start(), m.end(), m.end(), m.end(), el("pb", n=m.group(1), rend="page"), 9))
    for m in LINE_MARK_RE.finditer(text) if LINE_MARK in text else ():  # a court transcript's line begins
        add(Span(m.start(), m.end(), m.end(), m.end(), el("lb", n=m.group(1), rend="numbered"), 9))
    for m in SIC_RE.finditer(text) if square else ():  # "he [sic]" is <sic>he</sic>; "[sic]" alone, <sic/>
        cstart, cend = (m.start(1), m.end(1)) if m.group(1) else (m.end(), m.end())
        add(Span(m.start(), m.end(), cstart, cend, el("sic"), 5))
    for m in OMISSION_RE.finditer(text) if square else ():
        reason = next((r for r, pattern in GAP_REASONS if pattern.search(m.group("words"))), "omitted")
        add(Span(m.start(), m.end(), m.start(1), m.end(1), _meaning(reason, "["), 9))
    for m in EXEMPTION_RE.finditer(text):
        add(Span(m.start(), m.end(), m.start(), m.end(), _gap_with_words("redacted", None), 9))
    for m in CUE_RE.finditer(text) if "-->" in text else ():  # a caption file's cue: number and times
        add(Span(m.start(), m.end(), m.start(), m.end(), el("fw", type="cue"), 9))
    for m in TIMECODE_RE.finditer(text) if square else ():
        if _timecode(text, m):
            add(Span(m.start(), m.end(), m.start(), m.end(), el("fw", type="timecode"), 9))
    for pattern in (PORTION_MARK_RE, DECLASSIFY_RE):
        for m in pattern.finditer(text):
            add(Span(m.start(), m.end(), m.start(), m.end(), el("fw", type="classification"), 9))
    for m in INCIDENT_RE.finditer(text) if brackets else ():
        if m.group("open") + m.group("close") in ("[]", "()") and free(m):
            add(Span(m.start(), m.end(), m.start(2), m.end(2), _meaning("incident", m.group("open")), 8))
    events, inaudible = language().events_re, language().phrase_re("inaudible")
    withheld, recording = language().phrase_re("withheld"), language().phrase_re("recording")
    for m in PROFILED_RE.finditer(text) if brackets else ():  # an event or a call in the room, in its words
        words = (m.group(1) or m.group(2)).strip()
        if not free(m):
            continue
        if inaudible and inaudible.fullmatch(words.rstrip(".")):  # "(unintelligible)": what was not heard
            add(Span(m.start(), m.end(), m.start() + 1, m.end() - 1, _meaning("inaudible", m.group()[0]), 9))
        elif recording and recording.match(words):  # "(END OF SIDE 1)": the transcriber's note on the recording
            add(Span(m.start(), m.end(), m.start() + 1, m.end() - 1, _meaning("editorial", m.group()[0]), 8))
        elif withheld and m.group(1) and withheld.fullmatch(words):  # "[email]": what the publisher withheld
            add(Span(m.start(), m.end(), m.start() + 1, m.end() - 1, _meaning("redacted", "["), 9))
        elif (events and events.match(words)) or (m.group(2) and INTERJECTION_RE.match(words)):
            add(Span(m.start(), m.end(), m.start() + 1, m.end() - 1, _meaning("incident", m.group()[0]), 8))
    notes: list[tuple[int, int]] = []  # the words of the notes in brackets read so far
    for m in NOTE_RE.finditer(text) if square else ():
        if free(m):
            kind = "literal" if (m.group("kind") or "").lower().startswith("lit") else "editorial"
            add(Span(m.start(), m.end(), m.start(1), m.end(1), _meaning(kind, "["), 8))
            notes.append((m.start(1), m.end(1)))
    for m in DESCRIPTION_RE.finditer(text) if square else ():
        if free(m) and _describes(m.group("words")):
            add(Span(m.start(), m.end(), m.start(1), m.end(1), _meaning("editorial", "["), 8))
            notes.append((m.start(1), m.end(1)))
    for m in FOOTNOTE_MARK_RE.finditer(text) if square else ():
        target = ctx.footnotes.get(m.group(1))
        if target:
            add(Span(m.start(), m.end(), m.start(1), m.end(1), el("ref", type="footnote", target="#" + target), 9))
    for m in GLUED_MARK_RE.finditer(text):  # "Conversation1": the first such mark of each footnote "1. ..."
        target = ctx.footnotes.get("plain:" + m.group(1))
        if target is not None and m.group(1) not in ctx.marks and free(m):
            ctx.marks.add(m.group(1))  # a mark whose footnote the transcript lacks: its number, pointing nowhere
            add(Span(m.start(), m.end(), m.start(), m.end(), el("ref", type="footnote", rend="plain", n=m.group(1))
                     if not target else el("ref", type="footnote", target="#" + target, rend="plain"), 9))
    for m in TRANSLATOR_RE.finditer(text) if "(*" in text else ():
        add(Span(m.start(), m.end(), m.start(1), m.end(1), el("note", type="translator", place="inline"), 8))
    for m in PROFILED_RE.finditer(text) if brackets and current().brackets else ():  # a profile's meanings
        meaning = current().bracket(m.group(1) or m.group(2))
        if meaning and meaning != "supplied" and free(m):
            add(Span(m.start(), m.end(), m.start() + 1, m.end() - 1, _meaning(meaning, m.group()[0]), 8))
    for m in BRACKET_RE.finditer(text) if square else ():
        # (words the editors supply inside their own note: "familiarized with [it]")
        if not free(m) and not any(start <= m.start() and m.end() <= end for start, end in notes):
            continue
        if QUOTED_LIST.fullmatch(m.group(1)):
            continue  # a list of quoted strings is data ("speakers: ['Andreas Antonopoulos']"), not supplied words
        add(Span(m.start(), m.end(), m.start(1), m.end(1), el("supplied", reason="clarification"), 7))
    for m in ITALIC.finditer(text):
        if not free(m):
            continue
        add(Span(m.start(), m.end(), m.start(1), m.end(1), el("hi", rend="italic"), 6))
    _check_balance(text, spans, ctx)
    if ctx.tag_names:
        orgs = ctx.registry.organisations(text)
        for mention in ctx.registry.mentions(text):
            if any(o.start <= mention.start and mention.end <= o.end for o in orgs):
                continue  # "Gorbachev" in "Gorbachev Foundation" names the foundation, not the man
            if not mention.ids or len(mention.ids) > 1:
                why = "ambiguous between " + ", ".join(mention.ids) if mention.ids else "does not fit the registry"
                ctx.report.warn(ctx.line, f"name {mention.text!r} not tagged: {why}; the editor decides")
                continue
            (pid,) = mention.ids
            ctx.mentioned.add(pid)
            spans.append(Span(mention.start, mention.end, mention.start, mention.end, el("persName", ref="#" + pid)))
        for org in orgs:
            spans.append(Span(org.start, org.end, org.start, org.end, el("orgName", ref="#" + org.ids[0])))
    return spans


def _check_balance(text: str, spans: list[Span], ctx: Context) -> None:
    """Report brackets that no convention explains: a ``[`` or ``(`` without its partner is kept, and said."""
    outside = list(text)
    for s in spans:  # a convention's own delimiters are explained
        for i in (*range(s.start, s.cstart), *range(s.cend, s.end)):
            if outside[i] in "[]()":
                outside[i] = " "
    for open_, close in ("[]", "()"):
        depth = 0
        for ch in outside:
            if ch == open_:
                depth += 1
            elif ch == close:
                depth -= 1
                if depth < 0:
                    break
        if depth != 0:
            ctx.report.warn(ctx.line, f"unbalanced {open_}{close} bracket kept as text: {_excerpt(text)}")


def _excerpt(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def nest(spans: list[Span]) -> list[Span]:
    """Arrange spans into a forest: a span lies in the content of the span that encloses it.

    A name that crosses a convention's brackets is dropped first (conventions are never dropped for a name); any
    other crossing span is left out of the tree, and its characters stay as text.
    """
    conventions = [s for s in spans if s.weight]
    names = [s for s in spans if not s.weight and not any(_crosses(s, c) for c in conventions)]
    roots: list[Span] = []
    stack: list[Span] = []
    for s in sorted(conventions + names, key=lambda s: (s.start, -s.end, -s.weight)):
        while stack and s.start >= stack[-1].end:
            stack.pop()
        if stack:
            parent = stack[-1]
            if not (parent.cstart <= s.start and s.end <= parent.cend):
                continue
            parent.children.append(s)
        else:
            roots.append(s)
        stack.append(s)
    return roots


def _crosses(name: Span, convention: Span) -> bool:
    """True when a name overlaps a convention's delimiters rather than lying inside or around it."""
    if name.end <= convention.start or convention.end <= name.start:
        return False
    inside = convention.cstart <= name.start and name.end <= convention.cend
    around = name.start <= convention.start and convention.end <= name.end
    return not (inside or around)


def fill(parent: etree._Element, text: str, ctx: Context, extra: list[Span] | None = None) -> None:
    """Append ``text`` to ``parent`` as mixed content, encoding every convention and name in it.

    ``extra`` adds spans found by the caller (the date and place of a heading).
    """
    roots = nest(spans_for(text, ctx) + list(extra or []))
    _emit(parent, text, 0, len(text), roots)


def _emit(parent: etree._Element, text: str, lo: int, hi: int, spans: list[Span]) -> None:
    pos = lo
    for s in spans:
        append_text(parent, text[pos : s.start])
        child = s.make()
        parent.append(child)
        into = getattr(s.make, "into", None)  # a gap's printed words go into its desc
        _emit(etree.SubElement(child, T + into) if into else child, text, s.cstart, s.cend, s.children)
        pos = s.end
    append_text(parent, text[pos:hi])


def append_text(parent: etree._Element, s: str) -> None:
    """Add text after the last child of ``parent`` (or as its text when it has none)."""
    if not s:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + s
    else:
        parent.text = (parent.text or "") + s
