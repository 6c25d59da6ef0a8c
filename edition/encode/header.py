"""The header facts of a record: what its heading, dateline and source notes say (date, time, place, kind,
participants, translators, archive), and the ``teiHeader`` written from them, with the ``editorialDecl`` that
declares the conventions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .. import __version__
from ..conventions import (
    CONVENTIONS,
    NORMALIZATIONS,
    RELATOR_TRANSLATOR,
    T,
    normalize,
)
from ..xmlfiles import read
from . import front_matter, genre, opening
from .dates import read_dateline, to_attributes
from .header_block import kind_of, read_header_block, read_header_people, take_date
from .language import Language, current
from .lines import unmark
from .records import Item, Record, TranscriptError
from .registry import NOT_GIVEN, Registry
from .report import Report
from .source_note import SourceFacts, is_source_note, read_source_note
from .tei import sub


@dataclass
class Facts:
    """What a record says of itself, gathered while its TEI is written, for its header."""

    title: str = ""
    kind: str = "meeting"
    date: str | None = None
    time: object = None
    place: str = ""
    place_in_title: bool = False  # the place is a dateline's in the title ("... en route Denver, Colorado, 5/2/2013")
    date_inferred: bool = False
    participants: list[str] = field(default_factory=list)
    named: list[str] = field(default_factory=list)  # the participants the heading names
    mentioned: set[str] = field(default_factory=set)
    sources: list[SourceFacts] = field(default_factory=list)
    #: Who the header block lists as taking part, as printed: (name, role: "participant", "interpreter" or
    #: "notetaker"); and the credits it gives: (role, name), the role as printed ("interpreter", "drafted by").
    listed: list[tuple[str, str]] = field(default_factory=list)
    credits: list[tuple[str, str]] = field(default_factory=list)
    #: The editors' sentence a place or time was taken from, when the record itself does not print it.
    place_from: str = ""
    time_from: str = ""
    #: The date as printed, when OCR misread its digits (``October 2C , 197S``).
    date_misread: str = ""
    date_to: str | None = None  # the last day of a range of days (2-3 December 1989)
    #: The lines of the record's opening its date and time were read from, where its heading does not give them.
    date_line: str = ""
    date_spoken: str = ""  # the sentence of the record's first turns that states the date (an interview's slate)
    time_line: str = ""
    end_line: str = ""  # the line that says when the record ended ("Eram 12 horas e 43 minutos.")
    authors: list[str] = field(default_factory=list)  # "by A and B" on a title page
    opening_lines: list[str] = field(default_factory=list)  # the first lines of the record's opening
    release_line: str = ""  # the dateline that dates a page's release, not the event (:func:`_release_stamp`)


def read_publication(edition: Path | None) -> etree._Element | None:
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


def facts_of(record: Record, registry: Registry, report: Report) -> Facts:
    f = Facts()
    h = record.heading
    if h is not None:
        title = front_matter.title(h.title) if h.keyed else h.title  # (its value as YAML reads it, lines and all)
        f.title = current().without_furniture(normalize(unmark(title)).strip())  # (a skip link run into the
        # title; not a court reporter's numbers of its lines)
        f.title = re.sub(r"(?<=[a-z])\d$", "", f.title)  # a footnote's mark glued to its end ("Conversation1": FRUS)
        f.kind = kind_of(f.title) or ("other" if h.page_title else "meeting")
        read = [(line, read_dateline(normalize(line))) for line in [h.title] + [d[0] for d in h.datelines]]
        for _line, dl in read:
            take_date(f, dl)
            f.place = f.place or dl.place_name
        f.release_line = _release_stamp(read)
        if f.release_line:  # the time the event began, on a line of its own under the release's date and time
            f.time = next(dl.time for _line, dl in read if dl.time and not dl.date)
        f.place_in_title = bool(read[0][1].place_name) and not h.place  # (the title is read first)
        f.place = h.place or f.place
        capitals = f.title.isupper()
        named = [m for m in registry.mentions(_names_part(f.title), ignore_case=capitals) if len(m.ids) == 1]
        f.participants = list(dict.fromkeys(m.ids[0] for m in named))
        for name in [] if f.participants else _title_names(f.title):
            entity = registry.provisional(name)
            report.warn(h.line, f"participant {name!r} named in the heading is not in the registry: "
                                f"provisional person #{entity.id}")
            f.participants.append(entity.id)
    else:
        f.title, f.kind = "Untitled record", "other"  # nothing says what kind of exchange this is
    if h is None and any(t.section for t in record.turns):
        f.kind = "minutes"  # a parliament's record of its proceedings
    read_header_block(record, f)
    read_header_people(record, f)
    f.named = list(f.participants)
    if h is not None:
        _titles_to_names(record, f, registry, report)
    for turn in record.turns:
        if turn.who not in f.participants:
            f.participants.append(turn.who)
    for item in record.body:
        if isinstance(item, Item) and (item.kind == "source" or item.kind == "footnote" and is_source_note(item.text)):
            f.sources.append(read_source_note(item.text))
    _from_sources(f)
    opening.fill(f, record)
    line = h.line if h else record.line
    asking, hosting = genre.questioners(record), genre.hosts(record)
    kind, evidence = genre.recognise(record, f, asking, hosting)
    if kind and (h is None or h.page_title or not kind_of(f.title)):
        f.kind = kind
    report.found(line, f"kind of record: {f.kind}" + (f", on the evidence of {evidence}" if kind and kind == f.kind
                                                      else ""))
    opening.credit_authors(f, [t.name for t in record.turns], asking, list(hosting.values()))
    _say_found(record, f, registry, report, line)
    if not f.sources:
        report.warn(line, "no source note found for this record: no archive or translator is named (said in the "
                          "header)")
    elif len(f.sources) > 1:
        report.warn(line, f"record has {len(f.sources)} source notes: all are kept (said in the header)")
    return f

def _release_stamp(read: list) -> str:
    """The line that dates and times a page's release, not the event (a briefing's or a statement's page: ``03/14/2019
    06:12 PM EDT`` above ``2:05 p.m. EDT``): a dateline with a date and a time, over a later one that gives a time
    alone (the time the event began). Empty where the lines do not show it so."""
    for k, (line, dl) in enumerate(read):
        if dl.date and dl.time:
            later = [d for _, d in read[k + 1:] if d.time and not d.date]
            return line if later and later[0].time.start_time != dl.time.start_time else ""
    return ""


def _from_sources(f: Facts) -> None:
    """What the editors' source notes add where the record itself says nothing: the place, the time a call began,
    who drafted the record. The header quotes the sentence each comes from."""
    for s in f.sources:
        if not f.place and s.place:
            f.place, f.place_from = s.place, s.place_said
        if f.time is None and s.time is not None:
            f.time, f.time_from = s.time, s.time_said
        f.credits += [("drafted by", name) for name in s.drafted if ("drafted by", name) not in f.credits]


def _say_found(record: Record, f: Facts, registry: Registry, report: Report, line: int) -> None:
    """What the header says, for the editor's report: each fact, and where the encoder found it."""
    if record.heading:
        report.found(record.heading.line, f"heading: {f.title!r}; kind: {f.kind}")
    else:
        report.found(line, f"no heading found; kind: {f.kind}")
    time = "none found"
    if f.time:
        time = f.time.start_time + (f"-{f.time.end_time}" if f.time.end_time else "") + \
            (f" (offset {f.time.offset})" if f.time.offset else "")
    report.found(line, f"date: {f.date or 'none found'}; time: {time}; place: {f.place or 'none found'}")
    if f.date_misread:
        report.warn(line, f"date {f.date_misread!r} read as {f.date}: OCR misread its digits (said in the header)")
    for said in dict.fromkeys(x for x in (f.place_from, f.time_from) if x):
        report.found(line, f"from the editors' source note: {said!r}")
    for what, said in (("date", f.date_line), ("time", f.time_line)):
        if said:
            report.found(line, f"{what} from the record's opening: {said!r}")
    if f.date_spoken:
        report.found(line, f"date from what is said on the recording: {f.date_spoken!r}")
    if f.end_line:
        report.found(line, f"end time from the line {f.end_line!r}")
    for name, role in f.listed:
        report.found(line, f"listed as taking part: {name} ({role})")
    for role, name in f.credits:
        report.found(line, f"credit: {role} {name}")
    for pid in f.participants:
        report.found(line, f"participant: #{pid} ({registry.entities[pid].name})")


TITLE_LABEL = re.compile(r"(?:The\s+)?(President|Chancellor|Prime Minister|Secretary|Ambassador|King|Premier|Chairman)",
                         re.I)


def _titles_to_names(record: Record, f: Facts, registry: Registry, report: Report) -> None:
    """``The President:`` in a record whose heading says ``President Bush`` is Bush; ``R:`` in a call between
    Secretary of State Rogers and Kissinger is Rogers (the one participant the heading names with that initial);
    each said as a warning."""
    for turn in record.turns:
        if re.fullmatch(r"[A-Z]", turn.name) and registry.entities[turn.who].provisional:
            fits = [name for name in _title_names(f.title) if _initial_fits(turn.name, name)]
            if len(fits) == 1:
                known = [m.ids[0] for m in registry.mentions(fits[0]) if len(m.ids) == 1]
                who = known[0] if len(set(known)) == 1 else registry.provisional(fits[0]).id
                report.warn(turn.line, f"speaker label {turn.label!r} taken as {registry.entities[who].name}: "
                                       "the one participant the heading names with that initial")
                turn.who = who
                if who not in f.participants:
                    f.participants.append(who)
            continue
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


def _initial_fits(letter: str, name: str) -> bool:
    """``K`` for Kissinger, ``R`` for Secretary of State Rogers, ``P`` for the President (Nixon)."""
    words = re.findall(r"[A-Z][\w'\u2019\-]*", name)
    return bool(words) and (words[-1][0] == letter or (letter == "P" and "President" in words))


def _names_part(title: str) -> str:
    """The part of a heading that names the participants (after 'between' or 'with')."""
    m = re.search(r"\b(?:between|with)\b(.*)", title, re.I | re.S)
    return m.group(1) if m else title


def _title_names(title: str) -> list[str]:
    """The names a heading gives after 'between' or 'with' (none when it gives neither: ``MEMORANDUM OF
    CONVERSATION`` names nobody)."""
    if not re.search(r"\b(?:between|with)\b", title, re.I):
        return []
    part = re.split(r",\s*(?=[^,]*\d)", _names_part(title))[0]
    names = [n.strip(" .,") for n in re.split(r"\s+and\s+|,\s*", part, flags=re.I) if n.strip(" .,")]
    # without a footnote mark glued to the last name ("Prime Minister Begin1"); an office with the name after it
    # in parentheses is that name ("the President's Assistant for National Security Affairs (Kissinger)")
    names = [re.sub(r"(?<=[a-z)])\d{1,2}$", "", n) for n in names]
    names = [m.group(1) if (m := re.search(r"\(([A-Z][\w'\u2019\-]+(?: [A-Z][\w'\u2019\-]+)?)\)$", n)) else n
             for n in names]
    return [n for n in names if re.match(r"[A-Z]", n)]


def infer_dates(records: list[Record], facts: list[Facts], report: Report) -> None:
    """A record that prints no date takes the date of the record before it (or after it), and says so."""
    for k, f in enumerate(facts):
        if f.date:
            continue
        neighbours = [g.date for g in reversed(facts[:k]) if g.date and not g.date_inferred] + \
                     [g.date for g in facts[k + 1:] if g.date]
        line = records[k].heading.line if records[k].heading else records[k].line
        if neighbours:
            f.date, f.date_inferred = neighbours[0], True
            report.warn(line, f"no date found in this record: {f.date} inferred from the records around it "
                              f"(cert='medium', said in the header)")
        else:
            report.warn(line, "no date found in this record, and none can be inferred")


def principal_of(facts: list[Facts]) -> str | None:
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


def ensure_translators(f: Facts, registry: Registry) -> None:
    """Translators not in the registry become provisional persons, so that every credit points to someone."""
    for s in f.sources:
        for name in s.translators:
            if not registry.ids(name):
                entity = registry.provisional(name)
                entity.role = "Translator (named in a source note; not in the registry)"


def ref(registry: Registry, name: str) -> str | None:
    found = registry.lookup(name)
    return "#" + found if found else None


def header(header: etree._Element, rid: str, record: Record, f: Facts, registry: Registry, source: str,
           publication: etree._Element | None, language: Language | None = None) -> None:
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", _bare(f.title, language), type="main")
    translators = list(dict.fromkeys(t for s in f.sources for t in s.translators))
    for name in translators:
        resp_stmt = sub(title_stmt, "respStmt")
        sub(resp_stmt, "resp", "translated by", ref=RELATOR_TRANSLATOR)
        sub(resp_stmt, "persName", name, ref=ref(registry, name))
    for role, name in dict.fromkeys(f.credits):  # the credits the header block gives, as it gives them
        if role == "translated by" and name in translators:
            continue
        resp_stmt = sub(title_stmt, "respStmt")
        sub(resp_stmt, "resp", role, ref=RELATOR_TRANSLATOR if role == "translated by" else None)
        sub(resp_stmt, "persName", name, ref=ref(registry, name))
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
    # (the transcript as published: a translation only where someone is credited with translating it)
    bibl = sub(source_desc, "bibl", type="translation" if translators else "transcript")
    sub(bibl, "title", _bare(f.title, language), level="a")
    for name in translators:
        r = sub(bibl, "respStmt")
        sub(r, "resp", "translated by", ref=RELATOR_TRANSLATOR)
        sub(r, "persName", name, ref=ref(registry, name))
    for publisher in dict.fromkeys(s.publisher for s in f.sources if s.publisher):
        sub(bibl, "publisher", publisher, ref=ref(registry, publisher))
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
        sub(ident, "repository", s.archive, ref=ref(registry, s.archive))
        for kind, value in s.idnos:
            sub(ident, "idno", value, type=kind)

    encoding = sub(header, "encodingDesc")
    editorial_decl(encoding)

    profile = sub(header, "profileDesc")
    lang = sub(profile, "langUsage")
    sub(lang, "language", language.name if language else "English", ident=language.code if language else "en")
    speakers = {t.who for t in record.turns}
    known = {registry.entities[pid].name for pid in f.participants}
    listed = [(name, role) for name, role in dict.fromkeys(f.listed)
              if not any(_same_person(name, k) for k in known)]
    if f.participants or listed:
        lst = sub(sub(profile, "particDesc"), "listPerson")
    for pid in f.participants:
        entity = registry.entities[pid]
        person = sub(lst, "person", sameAs="#" + pid, role="speaker" if pid in speakers else "participant")
        sub(person, "persName", entity.name)
    for name, role in listed:  # as the header block prints them: not (yet) in the personography
        sub(sub(lst, "person", role=role), "persName", name)
    setting = sub(sub(profile, "settingDesc"), "setting")
    if f.place:
        sub(setting, "placeName", f.place)
    attrs = to_attributes(f.date, f.time, f.date_to)
    if f.date_inferred:
        attrs.update(cert="medium", evidence="external")
    when = _when_text(f)
    sub(setting, "date", when, **attrs)
    sub(sub(header, "revisionDesc"), "change",
        f"Encoded by edition {__version__} from {source}, lines {record.line}\u2013{record.last}.")


def _same_person(printed: str, known: str) -> bool:
    """A name as a list prints it (``Prime Minister Chou En-lai``) is a known person's (``Chou En-lai``) when it
    ends with the known name, or with its last word and holds its first or only titles (``Chancellor Kohl``)."""
    p, k = printed.lower().split(), known.lower().split()
    titles = {t.lower() for t in NOT_GIVEN} | {"the", "of"}
    return bool(p and k) and (p[-len(k):] == k or (p[-1] == k[-1] and (k[0] in p or set(p[:-1]) <= titles)))


#: A word set letter-spaced, as typescripts emphasise a heading (German Sperrsatz, Russian разрядка): five letters
#: or more, each apart.
SPACED = re.compile(r"(?<!\w)(?:[^\W\d_] ){4,}[^\W\d_](?!\w)")


def _bare(title: str, language: Language | None = None) -> str:
    """A heading as a title: without the document number a publication prints before it (``216.``, ``Document
    No. 40:``; the heading keeps it) and without its closing full stop (but keeping the one of ``p.m.``), a word
    set letter-spaced written whole. In a language that writes an ordinal with a full stop, the number is the
    title's own (``42. Sitzung``)."""
    title = SPACED.sub(lambda m: m.group().replace(" ", ""), title)  # "A k t e n n o t i z": Aktennotiz
    ordinal = language is not None and "." in language.ordinals
    number = "" if ordinal else r"\d{1,4}\.|"  # (a document's number, unless it is the title's ordinal)
    title = re.sub(r"^(?:" + number + r"Document\s+No\.\s*\d{1,4}[.:])\s+", "", title)
    last = re.search(r"(?:^|\s)([^\W\d_]+)\.$", title)
    if last and (len(last.group(1)) == 1 or (language is not None and last.group(1).lower() in
                                             {a.lower() for a in language.abbreviations})):
        return title  # a word written short keeps its stop: "9 lutego 1995 r." (roku), "... Jr."
    return re.sub(r"(?<![ap]\.m)\.$", "", title)


def _when_text(f: Facts) -> str:
    parts = [(f"{f.date}\u2013{f.date_to}" if f.date_to else f.date) or "date unknown"]
    if f.time is not None:
        t = f.time
        about = "about " if approximate(f.time_line) or approximate(f.end_line) else ""
        parts.append(about + t.start_time[:5] + (f"\u2013{t.end_time[:5]}" if t.end_time else ""))
    return ", ".join(parts)


def approximate(said: str) -> bool:
    """Whether a line gives its time as approximate, in the words of its language next to the time ("11:00 AM
    aproximadamente", "gegen 10 Uhr", "at about 3 p.m."): the header says "about" (the ISO values, which must be
    exact, are the time as printed)."""
    words = current().phrase_re("approximate")
    if not said or words is None:
        return False
    if re.search(rf"(?:{words.pattern})\s+(?:\S+\s+)?\d", said, re.I):
        return True
    # (after the time, in lower case and the line's or the clause's last word: "10:05 a.m. Around the table" begins
    # a sentence, "10:05 a.m. about the budget" says what the meeting was about)
    return any((after := said[m.end():].lstrip())[:1].islower() and (w := words.match(after))
               and not after[w.end():].strip(" .,;:)") for m in _TIME_END.finditer(said))


#: The end of a time as printed, with its hour's word or mark ("11:00 AM", "10 Uhr", "14h", "9 godz.").
_TIME_END = re.compile(r"\d(?:[:.h]\d\d)?(?:\s*(?:[ap]\.?\s?m\.?|uhr|h|heures?|horas?|hrs?|godz\.?|ч\.?))?", re.I)


def _notes(record: Record, f: Facts, translators: list[str]) -> list[tuple[str, str]]:
    """What the encoder did not find, or found twice, stated in the header rather than invented or dropped.

    Each says what the encoder found, never what the record lacks: a fact it missed may be printed in a form it
    does not read, and an editor who checks the text can say more (as the curated records of ``tei/`` do)."""
    notes = []
    if not f.sources:
        notes.append(("archive", "The encoder found no source note for this record, so no archive is named here; an "
                                 "editor can name it."))
        notes.append(("credit", "The encoder found no source note for this record, so no translator is credited "
                                "here; an editor can name one."))
    elif len(f.sources) > 1:
        notes.append(("provenance", f"The encoder found {number_words(len(f.sources))} source notes after this record; "
                                    "all are kept as printed, and all their facts are in this header."))
    if f.sources and not any(s.archive for s in f.sources):
        notes.append(("archive", "The encoder found no archive in the source note."))
    if f.sources and not translators:
        notes.append(("credit", "The encoder found no translator in the source note."))
    if f.date_inferred:
        notes.append(("date", f"The encoder found no date in this record; {f.date} is inferred from the records "
                              "around it in the source publication: a probable date, not a certain one."))
    elif not f.date:
        notes.append(("date", "The encoder found no date in this record, and none could be inferred; an editor can "
                              "supply one."))
    if f.date_misread:
        notes.append(("date", f"The date is printed \u201c{f.date_misread}\u201d, as OCR read it; the encoder reads "
                              f"it as {f.date}."))
    if f.date_line:
        notes.append(("date", f"The date is read from the line \u201c{f.date_line}\u201d, which the transcript "
                              "prints before the record's text."))
    if f.date_spoken:
        notes.append(("date", f"The record prints no date; it is read from what is said on the recording: "
                              f"\u201c{f.date_spoken}\u201d"))
    if f.place_from:
        notes.append(("setting", f"The record does not print its place; {f.place} is taken from the editors' source "
                                 f"note: \u201c{f.place_from}\u201d"))
    if f.time_from:
        notes.append(("setting", f"The record does not print its time; it is taken from the editors' source note: "
                                 f"\u201c{f.time_from}\u201d"))
    printed = {i.n for i in record.body if isinstance(i, Item) and i.rend == "plain"}
    if missing := [n for n in record.marks if n not in printed]:
        notes.append(("footnotes", f"The record prints footnote marks glued to its words ({', '.join(missing)}) "
                                   "for which the encoder found no numbered footnote (a transcript that stops "
                                   "before the notes); they are encoded as marks without a target."))
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


def number_words(n: int) -> str:
    """A small number as a reader's note writes it: "two", not "2"."""
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return words[n] if n < len(words) else str(n)
