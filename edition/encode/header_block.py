"""The fields of a memorandum's header block, before the first turn: date, time and place (``DATE:``, ``TIME:``,
``PLACE:``, ``DATE, TIME AND PLACE:`` also split around its values), the subject, who takes part (``PARTICIPANTS``,
with sides and roles) and who is credited (``Interpreter:``, ``Notetakers: A, B and C``, ``Drafted by:``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..conventions import normalize
from .dates import Dateline, read_dateline
from .language import PEOPLE
from .language import current as language
from .profile import current
from .records import Item, Record

if TYPE_CHECKING:
    from .header import Facts


#: The kinds of record (``text/@subtype``) a heading or subject line names by its words, tried in order.
KINDS = (
    ("telephone", re.compile(r"\b(?:(?:tele)?phone|telcon)\b", re.I)),
    ("minutes", re.compile(r"\b(?:minutes|proceedings|debates?|hansard)\b", re.I)),
    ("other", re.compile(r"\b(?:(?:news|press)\s+conference|interview|briefing|panel|remarks|"
                         r"exchange with reporters)\b", re.I)),
)


def kind_of(words: str) -> str | None:
    """The kind of record some words name (``Telcon with ...`` is a telephone call), or None: in the profile's
    words, the transcript's language's, and the words of the records of conversations."""
    return current().kind_of(words) or next((kind for kind, pattern in language().kinds if pattern.search(words)),
                                            None) or next((kind for kind, pattern in KINDS if pattern.search(words)),
                                                          None)


#: A field of a memorandum's header block, before the first turn: ``DATE:``, ``TIME:``, ``PLACE:``, ``DATE AND
#: TIME:``, ``DATE & TIME:``, ``DATE, TIME AND PLACE:`` (also with the label split around its values, as OCR and
#: typed forms print ``DATE, TIME February 22, 1998 ... AND PLACE: The Residence``).
HEADER_FIELD = re.compile(
    r"^(?P<label>DATE(?:\s*(?:,|&|AND)?\s*TIME)?(?:\s*,?\s*(?:AND\s+)?PLACE)?|TIME|PLACE|SUBJECTS?)\s*:?\s+"
    r"(?P<value>\S.*)$",
    re.S,
)

#: What is said about the place after the date and time, in a split label (``... EST AND PLACE: The Residence``).
PLACE_AFTER = re.compile(r"(?:\bAND\s+)?PLACE\s*:\s*(?P<place>.+)$", re.S)

#: How far a header block reaches into a record's body: it stands before the first turn.
HEADER_ITEMS = 15


def take_date(f: Facts, dl: Dateline) -> None:
    """The date and time of a dateline, where none was found before (a date OCR misread is kept as printed)."""
    if not f.date and dl.date:
        f.date, f.date_misread, f.date_to = dl.date.iso, dl.date.misread, dl.date.to or None
    f.time = f.time or dl.time


def field_alone(line: str) -> bool:
    """A header's field name alone on its line, its value on the lines below (``PARTICIPANTS:``, ``DATE AND
    TIME:``, ``PLACE:``), as a memorandum of conversation prints its header block."""
    m = re.fullmatch(r"\s*(?P<name>[^\W\d_][\w .'/\-]{0,40}?)\s?:\s*", line)
    v = language()
    name = m.group("name").strip().lower() if m else ""
    fields = v.field_names("date", "time", "end", "place", "subject", *PEOPLE)
    return bool(name) and (name in fields or name in v.credit_names)


#: The place at the start of what follows a field's date and time, when the text runs on after it (a flattened
#: page without punctuation: ``... 4 00pm Camp David The President Helmut it is ...``): capitalised words up to an
#: article or a lower-case word.
LEADING_PLACE = re.compile(r"^[A-Z][\w'\u2019.\-]*(?:,?\s+(?!The\b|THE\b)(?:of|[A-Z][\w'\u2019.\-]*)){0,4}")


def _leading_place(rest: str) -> str:
    if len(rest) <= 60 and "\n" not in rest:
        return rest
    m = LEADING_PLACE.match(rest)
    return m.group().strip(" ,") if m else ""


def read_header_block(record: Record, f: Facts) -> None:
    """Date, time and place from the fields of a header block. The heading's date and time come first; a PLACE
    field comes before the heading's place, which is often only the city (``Memorandum of Conversation, Beijing``
    above ``PLACE: The President's Guest House, Peking``)."""
    heading_place, f.place = f.place, ""
    for item in record.body[:HEADER_ITEMS]:
        if not isinstance(item, Item):
            break
        m = HEADER_FIELD.match(normalize(item.text).strip()) if item.kind == "p" else None
        if not m:
            continue
        label, value = m.group("label").upper(), m.group("value").strip()
        if label.startswith("SUBJECT"):  # without a heading, the subject may say what kind of record this is
            if record.heading is None:
                f.kind = kind_of(value) or f.kind
            continue
        place = PLACE_AFTER.search(value)
        if place:
            value = value[: place.start()].strip()
        if "DATE" in label or "TIME" in label:
            dl = read_dateline(value)
            take_date(f, dl)
            if "PLACE" in label and not place and dl.found:  # DATE, TIME AND PLACE: the place after the date and time
                rest = value[dl.span().end:].strip(" ,.;")
                f.place = f.place or (_leading_place(rest) if rest and not read_dateline(rest).found else "")
        if label == "PLACE":
            lines = item.text.split("\n")
            if len(lines) > 1 and field_alone(lines[0]):  # the name over its lines: a room, then its building
                value = ", ".join(x for line in lines[1:] if (x := normalize(line).strip(" ,.;")))
            f.place = f.place or value.strip(" ,.;")
        elif place:
            f.place = f.place or place.group("place").strip(" ,.;")
    f.place = f.place or heading_place

#: The start of a list of participants (the names may follow on the same line or in the blocks after it).
PARTICIPANTS = re.compile(r"^(?:PARTICIPANTS?|Participants?|(?:OTHERS\s+)?PRESENT|(?:Others\s+)?[Pp]resent|ATTENDEES|"
                          r"Attendees)\b\s*:?\s*", re.S)  # (a word of its own: not "presentador:")

#: A credit given as a field: ``Interpreter: X``, ``Notetakers: A, B and C``, ``Drafted by: X``.
CREDIT_FIELD = re.compile(r"^(?P<role>Interpreters?|Notetakers?|Note-takers?|Recorders?|Drafted by|Translated by|"
                          r"Conversation recorded by)\s*:?\s+(?P<names>\S.*)$", re.I | re.S)

#: A role said of a listed participant: ``(notetaker)``, ``, Interpreter``.
LISTED_ROLE = re.compile(r"\b(interpreter|notetaker|note-taker|translator)\b", re.I)

#: A heading within the list that names a side, not a person: ``U.S.``, ``U.S.S.R.``, ``American Side:``.
SIDE = re.compile(r"^(?:[A-Z][A-Z.\s]{0,14}|(?:\w+\s+){0,2}[Ss]ide):?$")

#: The longest entry of a list of participants (name, office, role); a longer line is the text going on.
LISTED_MAX = 140

#: Any other field of the header block, which ends the list of participants.
OTHER_FIELD = re.compile(r"^(?:DATE|TIME|PLACE|SUBJECTS?|Date|Time|Place|Subject)\b")


def _profile_credit(line: str) -> re.Match[str] | None:
    """A credit field in the words of the corpus's profile (``Dolmetscher: A. Weiss``)."""
    m = re.match(r"^(?P<role>[^:\n]{2,40}?)\s*:\s+(?P<names>\S.*)$", line, re.S)
    return m if m and current().role(m.group("role")) else None


def _date_after_names(names: str, role: str, f: Facts) -> str:
    """The names of a credit field, without the date, time and place that OCR or a flattened page put after them
    (``Notetaker: Ed A. Hewett October 8, 1991, 2:22 - 2:34pm Oval Office``, its ``DATE, TIME AND PLACE:`` label
    printed further up). Those are the record's own only where no date was found and no "on" makes them the
    date of the drafting."""
    dl = read_dateline(names)
    if not dl.found:
        return names
    cut = min(p.start for p in (dl.date, dl.time) if p)
    if not f.date and role != "drafted by" and not re.search(r"\bon\s*$", names[:cut]):
        when = read_dateline(names[cut:])
        take_date(f, when)
        f.place = f.place or when.place_name
    return names[:cut]


def _two_names(line: str) -> list[str]:
    """``The President and Chancellor Kohl`` on one line of a list is two participants, and so are titles and names
    in a row (``Secretary Dulles, Mr. Hagerty``); but ``Ministry of Trade and Industry, Director`` is one entry with
    an office."""
    listed = [p.strip() for p in re.split(r",\s*(?:and\s+)?", line.strip(" \u2022*-"))]
    title = language().title_re
    if len(listed) >= 3 and title and all(2 <= len(p.split()) <= 5 and p[0].isupper() and title.match(p)
                                          for p in listed):  # (three or more: a name and its office are two)
        return listed  # "Prime Minister Macmillan, Secretary Herter, Mr. de Zulueta": each a title and a name
    parts = re.split(r"\s+and\s+", line)
    if "," in line or len(parts) != 2 or not all(re.match(r"(?:the\s+)?[A-Z]", p) and len(p.split()) <= 5
                                                  for p in parts):
        return [line]
    return parts


def _names(text: str) -> list[str]:
    """Names given in a row: ``A, B and C``; a sentence's full stop off, an initial's kept (``А.С.``)."""
    names = [n.strip(" ;") for n in re.split(r",\s*|\s+and\s+", text)]
    return [without_stop(n) for n in names if n.strip(" .")]


#: A name that ends on an initial, whose full stop is its own (``А.С.``, ``George W.``).
INITIAL_END = re.compile(r"(?:^|[\W])[^\W\d_]\.$")


def without_stop(name: str) -> str:
    """A name without the full stop of the sentence it ends, the one of its last initial kept (``А.С.``)."""
    name = name.rstrip()
    return name if INITIAL_END.search(name) else name.rstrip(" .")


def _unlabeled_list(record: Record) -> set[int]:
    """The body's first items when they list the participants without a ``PARTICIPANTS`` label, as FRUS prints
    them: two or more lines of a name and perhaps an office (``T\u2019ang Wen-Sheng, Interpreter``), right before
    the header's date field or the first turn; or bulleted lists of three names with offices or more, under their
    sides' headings (``UK:``, ``US:``), whatever follows them (a subject's bullet)."""
    found: list[int] = []
    listed = 0  # names with offices in bulleted lists: three or more list the participants whatever follows
    for k, item in enumerate(record.body[:HEADER_ITEMS]):
        text = normalize(item.text).strip() if isinstance(item, Item) and item.kind == "p" else ""
        if isinstance(item, Item) and (item.kind in ("page", "fw") or BANNER.search(text)):
            continue  # a page's number or banner, within the list or before it
        if isinstance(item, Item) and item.kind == "list" and \
                sum(1 for t, _ in item.items if _listed_with_office(t)) >= 2:
            found.append(k)  # a bulleted list of names and offices ("\u2022 Mr. Bratchikov, Interpreter")
            listed += sum(1 for t, _ in item.items if _listed_with_office(t))
            continue
        if text and "\n" not in text and len(text) <= LISTED_MAX and LISTED_LINE.match(text) \
                and not HEADER_FIELD.match(text) and not PARTICIPANTS.match(text):
            found.append(k)
            continue
        ends_list = not isinstance(item, Item) or bool(HEADER_FIELD.match(normalize(item.text).strip()))
        return set(found) if (len(found) >= 2 and ends_list) or listed >= 3 else set()
    return set(found) if listed >= 3 else set()


def _listed_with_office(line: str) -> bool:
    line = normalize(line).strip()
    return len(line) <= LISTED_MAX and bool(LISTED_LINE.match(line)) and ("," in line or "(" in line)


#: A page's banner or classification, never a participant: ``SECRET/SENSITIVE``, ``THE WHITE HOUSE``.
BANNER = re.compile(r"\b(?:SECRET|CONFIDENTIAL|UNCLASSIFIED|SENSITIVE|RESTRICTED|NODIS|EXDIS|LIMDIS|LIMITED OFFICIAL|"
                    r"EYES ONLY|WHITE HOUSE|WASHINGTON|DECLASSIFIED)\b")

#: A line of a list of participants: a capitalised name, perhaps an office after a comma, no sentence.
LISTED_LINE = re.compile(r"^[A-Z][\w.\u2019'\-]*(?:\s+[\w.\u2019'\-]+){0,4}(?:,\s+[^.?!:;]+)?(?<![?!:;])$")


def read_header_people(record: Record, f: Facts) -> None:
    """The participants the header block lists (with their sides' headings left out, and the roles it gives
    them), and the credits it gives as fields."""
    listing = False
    unlabeled = _unlabeled_list(record)
    for k, item in enumerate(record.body[:HEADER_ITEMS * 3]):
        if not isinstance(item, Item):
            break
        if item.kind in ("fw", "page"):  # a banner or page number within the list
            continue
        lines = [t for t, _ in item.items if k not in unlabeled or _listed_with_office(t)] \
            if item.kind == "list" else _lines(item.text)
        if k in unlabeled:
            listing = True
        elif item.kind == "p" and lines:
            credit = CREDIT_FIELD.match(lines[0]) or _profile_credit(lines[0])
            if credit:
                role = current().role(credit.group("role")) or \
                    credit.group("role").lower().rstrip("s").replace("note-taker", "notetaker")
                role = {"conversation recorded by": "notetaker", "recorder": "notetaker"}.get(role, role)
                names = " ".join([credit.group("names"), *lines[1:]])
                names = _date_after_names(names, role, f)
                f.credits += [(role, n) for n in _names(names)]
                listing = False
                continue
            if OTHER_FIELD.match(lines[0]):
                listing = False
                continue
            start = PARTICIPANTS.match(lines[0])
            if start:
                listing = True
                lines = [lines[0][start.end():], *lines[1:]]
            elif not listing:
                continue
        elif not listing:
            continue
        for line in [part for entry in lines for part in _two_names(entry)]:
            line = line.strip(" \u2022*-").strip()
            if len(line) > LISTED_MAX:  # a paragraph of the text: the list has ended
                listing = False
                break
            if not line or SIDE.match(line):
                continue
            kind = current().role(line) or listed_role(line) or "participant"
            name = re.split(r"\s*[,(]", line, maxsplit=1)[0].strip() if not line.lower().startswith(
                ("unidentified", "unnamed")) else line
            f.listed.append((name, kind))
            if kind != "participant":
                f.credits.append((kind, name))


def listed_role(line: str) -> str | None:
    """The role said of a listed participant: English's words anywhere in the entry (``(notetaker)``, ``,
    Interpreter``), or a credit word of the language, alone in parentheses or after a comma (``(Dolmetscherin)``,
    ``(notuleert)``)."""
    role = LISTED_ROLE.search(line)
    if role:
        return role.group(1).lower().replace("note-taker", "notetaker")
    said = re.search(r"[,(]\s*([^,()]+?)\s*\)?\s*$", line)
    role = language().credit_roles.get(said.group(1).lower()) if said else None
    return role if role in ("interpreter", "notetaker", "translator") else None


def _lines(text: str) -> list[str]:
    return [normalize(line).strip() for line in text.split("\n") if line.strip()]


#: A roster of who attends, as meeting notes print it above the minutes: each name and the initials its labels use,
#: in parentheses, between commas (``Brian Terlson (BT), Dmitry Lomov (DL), Waldemar Horwat (WH), ...``).
ROSTER_ENTRY = re.compile(r"(?P<name>[^\W\d_][\w'\u2019.\-]*(?:[ \t]+[^\W\d_][\w'\u2019.\-]*){1,4})[ \t]*"
                          r"\((?P<code>[^\W\d_a-z]{2,4})\)")


def roster(text: str) -> dict[str, str]:
    """A block that is a roster (:data:`ROSTER_ENTRY`, three entries or more and nothing else but commas): each
    label's initials and the name they stand for; empty where the block is none."""
    if text.count("(") < 3:
        return {}  # (the pattern is not tried on every paragraph of a record)
    entries = list(ROSTER_ENTRY.finditer(text))
    rest = ROSTER_ENTRY.sub("", text)
    if len(entries) < 3 or re.search(r"[^\s,;]", rest):
        return {}
    return {m.group("code"): " ".join(m.group("name").split()) for m in entries}
