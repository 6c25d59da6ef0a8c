"""What a record prints before its text, in the words of its language: the fields of a title page or a page's
header (``Interview Date: September 8, 2005``, ``Location:``, ``Interviewer:``, ``Datum:``, ``Lieu :``), credits
said in a phrase (``Translated by Bernd Schaefer``, ``Traduction de Svetlana Savranskaya``, ``Edited by A and
B``), a line that dates the record (``May 16, 1989`` above a web page's title, ``Seduta n. 459 di mercoledì 6
aprile 2011``, ``(June 9, 1967)``) and the words that open a sitting before its time (``--- Upon commencing at 2.22
p.m.``, ``La seduta comincia alle 9,35.``, ``(Początek posiedzenia o godz. 10 min 05)``).

These fill what the record's heading and a memorandum's header block (:mod:`.header_block`) leave open, never
what they say; the header says where a fact was taken from when the record's own heading does not give it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..conventions import BOLD_MARKS, normalize
from . import front_matter
from .dates import MONTHS, WEEKDAYS, TimeValue, find_date, find_time, read_dateline
from .header_block import listed_role, roster, without_stop
from .language import PEOPLE
from .language import current as language
from .lines import caption_offsets, unmark
from .records import Item, Record, Turn

if TYPE_CHECKING:
    from .header import Facts

#: The longest line of a record's opening that may date it (a longer one is prose, whose dates are other days').
DATING_MAX = 300
#: How far into a longer line a date may stand and date the record: a sentence that opens with it.
DATE_FIRST = 30
#: The longest line that is a date line of its own (``Jeudi 19 juillet 2018``, ``Berlin, den 3. Oktober 1991``).
DATE_LINE = 80
#: How many blocks of a record's body, before its first turn, are its opening.
OPENING_ITEMS = 30
#: ... and the items right before the first turn, however many stand above them.
OPENING_LAST = 3
#: A field: its name (a few words), a colon (French sets a space before it), its value.
FIELD = re.compile(r"^(?P<name>[^\W\d_][\w'\u2019.\- ]{0,40}?)\s?:\s*(?P<value>\S.*)?$")
#: Names in a row, as a credit gives them: "A, B and C", "A und B", "A et B", "A y B", "A e B", "A i B".
NAME = r"(?:(?:[A-Z\u00c0-\u00de\u0410-\u042f]\.\s?){1,3}[A-Z\u00c0-\u00de\u0410-\u042f][\w'\u2019\-]*\.?|" \
       r"[A-Z\u00c0-\u00de\u0410-\u042f][\w'\u2019\-]*\.?)"
NAMES = re.compile(NAME + r"(?:\s+(?:" + NAME + r"|de|van|von|der|da|di|du|la|le|bin|al-\w+))*")
#: The words that join names in a row, in the languages.
AND = ("and", "und", "et", "y", "e", "i", "en")
JOIN = re.compile(r"\s*(?:,\s*(?:(?:" + "|".join(AND) + r")\s+)?|\s+(?:" + "|".join((*AND, "&")) + r")\s+)"
                  r"(?:(?:with|mit|avec|con|com|z|met)\s+)?")


@dataclass
class Opening:
    """What a record's opening says, and where: the lines (as printed) each fact came from."""

    date: str | None = None
    date_to: str | None = None
    date_said: str = ""
    time: object = None
    time_said: str = ""
    end: str | None = None  # the time the record ended, as a field gives it ("TÉRMINO: 11h46min")
    end_said: str = ""
    place: str = ""
    credits: list[tuple[str, str]] = field(default_factory=list)
    listed: list[tuple[str, str]] = field(default_factory=list)
    by: list[str] = field(default_factory=list)  # "by A and B" on a title page: an interview's interviewers
    began: bool = False  # the time is the one the words that open a sitting give ("La réunion débute à 20 h 15")


#: A field whose name Markdown sets in bold, its colon inside or after the asterisks (``**Local:** Braga``,
#: ``__Data__: 3 de abril``): read as the field it is.
BOLD_FIELD = re.compile(rf"^(?P<mark>{BOLD_MARKS})(?P<name>[^\W\d_][^*_:\n]{{0,40}}?)(?::(?P=mark)|(?P=mark)\s?:)")


def lines_of(record: Record) -> list[tuple[str, int]]:
    """The record's opening, line by line: what it prints before its heading, under its title (its datelines),
    and before its first turn."""
    out: list[tuple[str, int]] = []
    for item in record.front:
        out += [(line, item.line) for line in item.text.split("\n")]
    out += [(text, n) for kind, text, n, _ in (record.heading.parts if record.heading else []) if kind == "dateline"]
    before = []  # the items before the first turn: the first of them, and the few right before the turn (a
    # sitting's "(Beginn: 14:04 Uhr)" after its cover's long table of contents; a record with no turn, the first)
    turned = False
    for item in record.body:
        if turned := isinstance(item, Turn):
            break
        before.append(item)
    last = before[max(OPENING_ITEMS, len(before) - OPENING_LAST):] if turned else []
    for item in before[:OPENING_ITEMS] + last:
        if isinstance(item, Item) and item.kind == "list":  # (a catalogue's fields set as a list: each a bullet's)
            out += [("\u2022 " + text, n) for text, n in item.items]
        elif isinstance(item, Item) and item.kind in ("p", "fw", "quote"):
            out += [(line, item.line) for line in item.text.split("\n")]
    said = [(normalize(BOLD_FIELD.sub(r"\g<name>:", unmark(line))).strip(), n) for line, n in out]
    return [(line, n) for line, n in said if line]  # (a numbered blank: none)


#: "by" before the names of a title page's authors, in the languages (an interview's: its interviewers).
BY = re.compile(r"^(?:by|von|par|por|da|di|przez|door|por|de)\s+(?=[A-Z\u00c0-\u00de])", re.I)
#: The longest line that gives a time and nothing else, and a place and nothing else (five words at most).
TIME_LINE = 40
PLACE_LINE = re.compile(r"^(?=.{3,50}$)(?!(?:\S+\s+){5})[A-Z\u00c0-\u00de][\w'\u2019.\-]*"
                        r"(?:,?\s+(?:[A-Z\u00c0-\u00de][\w'\u2019.\-]*|of|the|de|du|am|an|on|D\.\s?C\.))*"
                        r",\s+(?:[A-Z\u00c0-\u00de][\w'\u2019.\-]*\s?)+$")


#: A bullet before a line of a list (a catalogue's fields set as a list: "• Place: New Brunswick, New Jersey").
BULLET = re.compile(r"^[\u2022\u25aa\u25cf\u00b7*\u2013-]\s+")


def _names_only(value: str) -> bool:
    """A field's value that names people (and their offices), not a sentence: a role's label over its speech
    ("MODERATOR: Good evening and welcome.") credits nobody."""
    lower = [w for w in _words(value) if w.islower() and w not in language().particles and w not in AND]
    return len(lower) <= 2 and not (lower and re.search(r"[.?!]$", value.strip()))


def _value_below(lines: list[str], k: int) -> str:
    """The value of a field whose line ends at its name, as a catalogue sets it: the items of the list under it
    ("Interviewers:" over "• Molly Graham" and "• Shaun Illingworth"), else the one short line under it."""
    items = []
    for line in lines[k + 1:]:
        if not BULLET.match(line) or FIELD.match(BULLET.sub("", line)):
            break
        items.append(BULLET.sub("", line))
    if items:
        return ", ".join(items)
    below = lines[k + 1] if k + 1 < len(lines) else ""
    return below if len(below) <= 60 and not FIELD.match(below) and not find_date(below) else ""


def _time_field(line: str, names: frozenset[str]) -> object:
    """The time a field of the given names gives inside a line that runs fields together."""
    for m in re.finditer(r"(?<!\w)([^\W\d_][\w ]{1,20}?)\s?:\s*", line):
        if m.group(1).strip().lower() in names:
            time = find_time(line[m.end():m.end() + 25])
            if time and time.start == 0:
                return time
    return None


#: A recording's first position, 0:00 (``## 0:00`` over a tape's first minutes, ``[00:00:00]``): where the
#: transcript stands on its tape, never the hour the record was made.
RECORDING_START = re.compile(r"\[?0{1,2}[:.]00(?:[:.]00)?\]?")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]{2,}", text)


def _place_line(line: str, lines: list[str], k: int) -> bool:
    """A line that names where the record was made: one that ends with a word naming a place (``James S. Brady
    Press Briefing Room``), or a town and its state or country (``Washington, D. C.``, ``Independence,
    Missouri``) next to a date or the opening of a sitting."""
    v = language()
    if v.place_end and v.place_end.search(line) and len(line) <= 80 and not find_date(line):
        return True
    if (v.names_hall_first(line) or v.names_a_journey(line)) and not find_date(line):
        return True  # a language that names the hall first: "Сесійний зал Верховної Ради України"; a record made
        # on the way: "Aboard Air Force One"
    if not PLACE_LINE.match(line) or find_date(line) or _names_a_person(line):
        return False
    near = lines[max(0, k - 1):k] + lines[k + 1:k + 2]
    opening = v.phrase_re("opening")
    return any(find_date(x) or (opening and opening.search(x)) for x in near)


#: A name with a middle initial (``Gildas L. Molgat``): a person's, never a place's (``Washington, D. C.`` has its
#: initials after the comma).
MIDDLE_INITIAL = re.compile(r"\b[^\W\d_][^\W\d_]+\s+[A-Z]\.\s+[^\W\d_]{2,}")


def _names_a_person(line: str) -> bool:
    """A line of a sitting's heading in the form of a town and its country that names who presides (``L'honorable
    Gildas L. Molgat, President``): a middle initial, or a part between commas that is a title or an office."""
    titles = {t.lower() for t in language().titles}
    return bool(MIDDLE_INITIAL.search(line)) or any(part.strip(" .").lower() in titles for part in line.split(","))


#: A web address's host name (``TurboScribe.ai``, ``otter.ai``, ``www.rev.com``).
DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w.])")


def names_in(text: str) -> list[str]:
    """The names a credit gives in a row (``Kent B. Germany and Robert David Johnson, with Ashley Havard High``)."""
    names, pos = [], 0
    while True:
        m = NAMES.match(text, pos)
        if not m or DOMAIN.match(text, pos):
            break  # (a service's web address is no person: "Transcribed by TurboScribe.ai")
        words = without_stop(m.group()).split()
        cut = next((k for k, w in enumerate(words) if w.lower().rstrip(".,") in MONTHS or
                    w.lower().rstrip(".,") in WEEKDAYS), None)
        if cut is not None:  # "Nicholas Burns December 12, 1991": the name ends where a date begins
            if cut:
                names.append(" ".join(words[:cut]))
            break
        names.append(" ".join(words))
        join = JOIN.match(text, m.end())
        if not join:
            break
        pos = join.end()
    return [n for n in names if len(n) > 1]


def credit_phrases(line: str) -> list[tuple[str, str]]:
    """(role, name) for each credit a line gives in a phrase of the language (``Translated by X``, ``Traduction
    de X``, ``Edited by A and B``): the credit's words, then the names."""
    found = []
    building = language().place_end
    for words, role in language().credit_words:
        if " " not in words:
            continue  # a role's one word credits as a field ("Journaliste : X"), not in a sentence
        for m in re.finditer(r"(?<!\w)" + re.escape(words) + r"\s*:?\s+", line, re.I):
            names = names_in(line[m.end():])  # (not the institution after the names: "Conducted by Peter Asaro,
            found += [(role, n) for n in names if not (building and building.search(n))]  # IEEE History Center")
        if found:
            break
    return found


def published(line: str) -> bool:
    """A page's byline: words that say when it was published or updated, before its date or time (``por Portal do
    Planalto publicado 16/12/2011 17h17``, ``Posted March 3, 2004``)."""
    words = language().phrase_re("published")
    said = words.search(line) if words else None
    stamp = (find_date(line) or find_time(line)) if said else None
    return bool(stamp) and said.start() < stamp.start


def _spoken_of(lines: list[str], k: int, prose: int) -> bool:
    """Whether a date on line ``k`` is one the record speaks of, not its own, where ``prose`` is the record's first
    line of prose and ``k`` below it: in a sentence ("The interpellation will be answered on 27 June 2022."), or on
    the dateline that closes a letter it quotes, over the signature (a sitting's record reads out a request: "...
    en särskild debatt i riksdagen." over "Stockholm den 10 maj 2022" over "Annelie Karlsson")."""
    if k <= prose:
        return False
    below = lines[k + 1].split() if k + 1 < len(lines) else []
    signed = 1 <= len(below) <= 4 and all(w[:1].isupper() for w in below) and \
        not re.search(r"[\d.?!:]$", lines[k + 1])
    return sentence(lines[k], 5) or (len(lines[k]) <= DATE_LINE and signed)


def sentence(line: str, words: int = 12) -> bool:
    """A sentence of twelve words or more (unless said): prose, not a field, a heading or a dateline."""
    return len(line.split()) >= words and bool(re.search(r"[.?!][\"\u201d\u2019)]*$", line))


def read_opening(record: Record) -> Opening:
    """The facts of a record's opening (see the module's description)."""
    v = language()
    out = Opening()
    dates, times, places = v.field_names("date"), v.field_names("time"), v.field_names("place")
    ends = v.field_names("end")
    people, catalogue = v.field_names(*PEOPLE), v.field_names("catalogue")
    interviewed = v.field_names("interviewee")
    roles = v.credit_roles
    opening = v.phrase_re("opening")
    nested = front_matter.NESTED.get()  # (a front matter's mapping under a key: the file's facts, not the record's)
    numbered = [(line, n) for line, n in lines_of(record) if n not in nested]
    lines = [line for line, _ in numbered]
    # what a page prints above the record's title (its site's name, "Johnson Space Center") names no place of the
    # record's
    above = [record.heading is not None and n < record.heading.line for _, n in numbered]
    in_prose = False  # the date was read inside a sentence, which a date line of its own overrides
    stamped = False  # the time is a date line's, which a time alone on a later line of the opening overrides
    placed = False  # the place is a field's ("PLACE:"), which nothing read from other lines overrides
    place_line = -1  # the line the place was read from, where a line under it may go on with it
    if record.heading is not None:  # a title page's credits may stand in its title's block
        title = normalize(unmark(record.heading.title))
        out.credits += [c for c in credit_phrases(title) if c not in out.credits]
        if end := _time_field(title, ends):  # "... INÍCIO: 10h37min TÉRMINO: 11h46min" run into the title's line
            out.end, out.end_said = end.start_time, title
    prose = next((k for k, line in enumerate(lines) if sentence(line)), len(lines))  # (where the text has begun)
    offsets = set(caption_offsets(lines))  # a video's captions: the text begins at the first, unpunctuated
    prose = min(prose, min(offsets, default=prose))
    for k, line in enumerate(lines):
        m = FIELD.match(BULLET.sub("", line))
        name = front_matter.key(m.group("name").strip()).lower() if m else ""  # ("transcript_by")
        value = front_matter.unquoted((m.group("value") or "").strip()) if m else ""
        if m and not value and name in roles.keys() | people | places:
            value = _value_below(lines, k)  # "Interviewers:" over "• Molly Graham"
        if m and name in roles and value and _names_only(value):
            out.credits += [(roles[name], n) for n in names_in(value)]
            if roles[name] == "interviewer":
                out.listed += [(n, "interviewer") for n in names_in(value)]
            continue
        if m and name in people and value:
            for n in names_in(value):  # each with the role said beside the name ("Lotte de Wit (notuleert)")
                said = re.search(re.escape(n) + r"\s*(\([^()]*\))", value)
                role = listed_role(n + " " + said.group(1)) if said else None
                out.listed.append((n, role or ("interviewee" if name in interviewed else "participant")))
                out.credits += [(role, n)] if role and (role, n) not in out.credits else []
            continue
        if m and name in places and value and not placed:
            out.place, placed = value.rstrip(" .;"), True  # a field's place over a dateline's: a citation's
            continue  # "Conducted by X, IEEE History Center, 20 July 2011" above "PLACE: Wessling, Germany"
        if m and name in ends and value and out.end is None and (end := find_time(value)) and end.start == 0:
            out.end, out.end_said = end.start_time, line
            continue
        if m and (name in dates or name in times) and value:
            dl = read_dateline(value)
            if dl.date and not out.date:
                out.date, out.date_to, out.date_said = dl.date.iso, dl.date.to or None, line
            if dl.time and out.time is None:
                out.time, out.time_said = dl.time, line
            continue
        if (m and name in catalogue) or any(line.lower().startswith(c + " ") for c in catalogue if " " in c):
            continue  # a catalogue's or a page's own field ("Last updated 2021-03-01"): never the record's date
        if published(line):
            continue  # a page's byline: when the page was published or updated, never when the record was made
        if (rostered := roster(line)):  # "Brian Terlson (BT), Dmitry Lomov (DL), ...": who attends
            out.listed += [(n, "participant") for n in rostered.values() if (n, "participant") not in out.listed]
            continue
        if line.count("|") >= 2:
            continue  # a row of a listing, cells between bars ("Text File | 1993-07-27 | 63KB"): the file's, never
            # the record's date
        out.credits += [c for c in credit_phrases(line) if c not in out.credits]
        if BY.match(line) and not out.credits:  # an interview's title page: "by J.T. Curry and P.D. Lagerquist"
            out.by = names_in(BY.sub("", line))
        if not out.place and not above[k] and _place_line(line, lines, k):
            out.place, place_line = line.rstrip(" .,;"), k
        elif not placed and place_line == k - 1 and v.names_a_journey(lines[k - 1]) and v.names_a_journey(line):
            out.place += ", " + line.rstrip(" .,;")  # "Aboard Air Force One" over "En Route Kalamazoo, Michigan"
        if out.time is None and (field_time := _time_field(line, times)):
            out.time, out.time_said = field_time, line  # "... INÍCIO: 10h37min TÉRMINO: ..." run into one line
        if out.end is None and (field_end := _time_field(line, ends)):
            out.end, out.end_said = field_end.start_time, line
        if (out.time is None or stamped) and k not in offsets and len(line) <= TIME_LINE and \
                (time := find_time(line)) and not find_date(line) and \
                not RECORDING_START.fullmatch(line[time.start:time.end]) and \
                all((len(w) <= 4 and (w.islower() or w.isupper())) or w.lower() in v.time_words
                    for w in _words(line[:time.start] + line[time.end:])):
            out.time, out.time_said = time, line  # "FROM 6:00 TO 7:10 P.M.", "1:17 P.M. EDT", "Kl. 09.00–11.42"
            stamped = False  # (a time on a line of its own, under a release's date and time, is the event's)
        # (once a date was read in a sentence, only a date line of its own overrides it; none the record speaks of)
        date = find_date(line) if (out.date is None or (in_prose and len(line) <= DATE_LINE)) and \
            not _spoken_of(lines, k, prose) and not (offsets and k > prose) else None  # (captions are speech)
        if date and (len(line) <= DATING_MAX or date.start <= DATE_FIRST):  # ("On April 16, 1972, ... met in")
            out.date, out.date_to, out.date_said = date.iso, date.to or None, line
            # a date well inside a sentence (a law's "ordonnance du 17 novembre 1958" in an agenda's item) is the
            # record's only where no line of its own dates it below
            in_prose = len(line) > DATE_LINE and date.start > DATE_FIRST
            dateline = read_dateline(line)
            if dateline.place_name and not out.place and len(line) <= DATING_MAX and \
                    not _a_person(dateline.place_name, record):
                out.place = dateline.place_name  # "Berlin, Donnerstag, den 3. Oktober 1991"
            if dateline.time and out.time is None and len(line) <= DATING_MAX:
                out.time, out.time_said = dateline.time, line  # "Aired May 12, 2005 - 13:30 ET"
                stamped = True
        if opening and not out.began:
            start = opening.search(line)
            time = find_time(line[start.start():start.end() + 60]) if start else None
            if time:  # the words that open a sitting say when it began, whatever hour it was called for
                out.time, out.time_said, out.began = time, line, True
    if out.time is None and opening:  # a sitting's opening words after its first label ("Marszałek:")
        for item in [i for t in record.turns[:1] for i in t.items[:3]]:
            start = opening.search(normalize(item.text))
            time = find_time(normalize(item.text)[start.start():start.end() + 60]) if start else None
            if time:
                out.time, out.time_said = time, normalize(item.text)
                break
    return out


#: How many blocks at a record's end may say when it ended.
CLOSING_ITEMS = 6
#: A sitting that starts this late and ends earlier in the day ends after midnight.
EVENING, MORNING = "18:00", "06:00"


#: The hour alone, of the day's half and perhaps its zone, as the White House's transcripts close with the hour the
#: briefing ended after its last speech (``1:47 P.M. EDT``; ``END`` before it is a closing word of the language).
CLOCK_LINE = re.compile(r"\d{1,2}[:.]\d{2}\s?[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,5})?")


def read_closing(record: Record) -> tuple[str | None, str]:
    """The time a record's last blocks say it ended, in the words that close a sitting of its language
    (``Whereupon, at 12:15 p.m., the hearing was adjourned.``, ``(Schluss: 12.21 Uhr)``, ``La seduta termina alle
    13,05.``), the time in the same block after them or in a short block of its own right after (``está
    encerrada a sessão.`` / ``Eram 12 horas e 43 minutos.``), or the hour alone that ends the record
    (:data:`CLOCK_LINE`); and the block that says it."""
    closing = language().phrase_re("closing")
    if closing is None:
        return None, ""
    blocks = [i.text for b in record.body for i in (b.items if isinstance(b, Turn) else [b])
              if isinstance(i, Item) and i.kind not in ("footnote", "source", "page")]
    tail = [normalize(unmark(text)) for text in blocks[-CLOSING_ITEMS:]]
    for k, text in enumerate(tail):
        for m in closing.finditer(text):
            time = find_time(text[m.start():m.end() + 60])  # from the phrase's start: "termina alle 13,05"
            if time is not None and time.start <= m.end() - m.start() + 20:
                return time.start_time, text
            rest = text[m.end():].strip(" .;:)]")
            if not rest and k + 1 < len(tail) and len(tail[k + 1]) <= TIME_LINE and (time := find_time(tail[k + 1])):
                return time.start_time, tail[k + 1]
    if tail and CLOCK_LINE.fullmatch(tail[-1].strip()) and (time := find_time(tail[-1])):
        return time.start_time, tail[-1]  # the hour alone after the last speech ("1:47 P.M. EDT")
    return None, ""


def _with_end(time: TimeValue, end: str) -> TimeValue | None:
    """A start time with the end a record says it had, when that end comes after it (perhaps past midnight)."""
    if end > time.start_time or (time.start_time >= EVENING and end < MORNING):
        return replace(time, end_time=end)
    return None


def _a_person(words: str, record: Record) -> bool:
    """Whether words before a date name a person, not a place: the record calls them by a title elsewhere
    (``..., Alexander Bondarenko, 30. Oktober 1988`` over ``Genosse Bondarenko begrüßte ...``)."""
    last = words.split()[-1] if words.split() else ""
    if len(words.split()) < 2 or not last[:1].isupper():
        return False
    called = re.compile(language().title_re.pattern + r"\s+(?:[^\W\d_]+\s+)?" + re.escape(last) + r"(?!\w)")
    texts = [i.text for b in record.body for i in (b.items if isinstance(b, Turn) else [b]) if isinstance(i, Item)]
    return any(called.search(text) for text in texts)


#: Where a sentence ends and the next begins.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")

#: How many turns an interview's slate is looked for in.
SLATE_TURNS = 6


def read_slate(record: Record) -> tuple[str, str | None, str] | None:
    """The date an interviewer states on the recording, in the first turns (``The interview is taking place on
    Friday, March 13, 2015.``, ``Today is ...``): (date, last day, the sentence), or None."""
    slate = language().phrase_re("slate")
    if slate is None:
        return None
    for turn in record.turns[:SLATE_TURNS]:
        for item in turn.items:
            for sentence in SENTENCE_BREAK.split(normalize(unmark(item.text))):
                if slate.search(sentence) and (date := find_date(sentence)):
                    return date.iso, date.to or None, sentence.strip()
    return None


def fill(f: Facts, record: Record) -> None:
    """Fill a record's facts from its opening where its heading and header block left them open (or from an
    interview's slate, :func:`read_slate`), keeping the line each came from for the header; and the time it ended,
    where its closing words or an end field say it."""
    opening = read_opening(record)
    if not f.date and opening.date:
        f.date, f.date_to, f.date_line = opening.date, opening.date_to, opening.date_said
    if not f.date and (slate := read_slate(record)):
        f.date, f.date_to, f.date_spoken = slate
    if (f.time is None or opening.began) and opening.time is not None:
        f.time, f.time_line = opening.time, opening.time_said
    if f.time is not None and not f.time.end_time and not f.time_from:
        end, said = (opening.end, opening.end_said) if opening.end else read_closing(record)
        if end and (ended := _with_end(f.time, end)):
            f.time, f.end_line = ended, said
    if opening.place and (not f.place or (f.place_in_title and language().names_a_journey(opening.place))):
        f.place = opening.place  # (where a record was made on the way, "Aboard Air Force One", over the town its
        # title says it is bound for: "Press Gaggle ... en route Denver, Colorado, 5/2/2013")
    if not f.place:
        f.place = title_place(f.title) or told_place(record)
    credited = {role for role, _ in f.credits}  # a header block's credits come first
    f.credits += [c for c in opening.credits if c not in f.credits and c[0] not in credited]
    f.listed += [p for p in opening.listed if p not in f.listed]
    f.authors = opening.by
    f.opening_lines = [line for line, _ in lines_of(record)][:12]
    # the credits a record's closing gives after its last speech (the clerk's "Vid protokollet" over a name)
    for item in _closing_items(record):
        f.credits += [c for c in credit_phrases(normalize(item.text)) if c not in f.credits]
    signed = signature(record)
    if signed and not any(role == "drafted by" for role, _ in f.credits):
        f.credits.append(("drafted by", signed))


def title_place(title: str) -> str:
    """The town a title written in sentence case ends with, after the language's word for "in" (``Entrevista de
    Dilma e Lula em Coimbra``, ``Conferencia de prensa ... en Veracruz``): where the record was made. Empty in a
    language that gives no such words (English and German capitalise other words of a title too)."""
    v = language()
    words = v.place_in
    if not words or v.title_case:
        return ""
    capital = r"[^\W\d_a-z\u00df-\u00ff\u0430-\u044f][\w'\u2019.\-]*"
    m = re.search(r"(?:^|\s)(?:" + "|".join(map(re.escape, words)) + r")\s+(?P<place>" + capital +
                  r"(?:\s+(?:d[aeio]s?|del|la|le|" + capital + r")){0,3})[\s.]*$", title)
    if not m:
        return ""
    place = m.group("place").rstrip(".")
    first = place.split()[0]
    if first in v.titles or first.lower() in v.weekdays or any(
            first.lower() in (name.lower() for name in month) for month in v.language.months):
        return ""  # ("... en Presidente", "... w Poniedziałek", "... en Marzo")
    return place


#: How far into a record's first paragraph of narrative the building it was held in is looked for.
TOLD_PLACE = 300


def told_place(record: Record) -> str:
    """The building a record's first paragraph of narrative names as where it was held, in its first sentence
    (``... a présidé ... la réunion du Conseil des Ministres, au Palais de la République.``): the name around one of
    the language's words for a hall or a building, capitalised, with its particles (``Palais de la République``,
    ``Cabinet Room``), never a building named by a common noun alone (``la salle``). Only a paragraph before any
    turn; "" where none."""
    v = language()
    text = SENTENCE_BREAK.split(narrative_opening(record)[:TOLD_PLACE])[0]
    capital = r"[^\W\d_a-z\u00df-\u00ff\u0430-\u044f][\w'\u2019\-]*"
    particle = "|".join(re.escape(p) for p in sorted(v.particles, key=len, reverse=True) if p[:1].islower())
    run = rf"(?:{capital}|(?:{particle})(?=(?:\s+(?:{particle}))*\s+{capital}))" if particle else capital
    for m in re.finditer(rf"(?<![\w'\u2019]){run}(?:\s+{run})*(?P<adjective>\s+[^\W\d_]+)?", text):
        words = m.group().split()
        while words and words[0].lower() in v.particles:  # ("the Cabinet Room": the name, not its article)
            words = words[1:]
        if words and m.group("adjective"):  # a hall named first and its adjective ("Palais présidentiel"), or nothing
            words = words if words[0] in v.place_words and len(words) == 2 and \
                words[1].lower() not in v.particles else words[:-1]
        if any(w in v.place_words and w[:1].isupper() for w in words) and len(words) >= 2 and \
                words[0] not in v.titles:
            return " ".join(words)
    return ""


def narrative_opening(record: Record) -> str:
    """A record's first paragraph of prose before any turn, as a reader reads it (its marks and a quotation's ``>``
    aside; not a field, such as a front matter's ``description: ...``); "" where a turn comes first or none is."""
    for item in record.body:
        if isinstance(item, Turn):
            return ""
        text = normalize(unmark(item.text)).lstrip("> ") if isinstance(item, Item) and item.kind == "p" else ""
        if sentence(text) and not FIELD.match(text.split("\n", 1)[0]):
            return text
    return ""


def _closing_items(record: Record) -> list[Item]:
    """The short paragraphs after a record's last turn (none where it has no turn): its closing."""
    if not any(isinstance(x, Turn) for x in record.body):
        return []
    out = []
    for x in reversed(record.body[-CLOSING_ITEMS:]):
        if not isinstance(x, Item):
            break
        if x.kind == "p" and len(x.text) <= 120:
            out.append(x)
    return out[::-1]


#: A memorandum's signature: initials or a name alone on a line (``G.``, ``A. J. Goodpaster``), over the signer's
#: rank or office (``Brigadier General, USA``, ``Colonel, CE, US Army``).
SIGNED = re.compile(r"(?:[A-Z]\.\s?){1,3}|(?:(?:[A-Z]\.\s?){0,2}[A-Z][a-z'\u2019\-]+\s+){0,2}[A-Z][a-z'\u2019\-]+")
SIGNER = re.compile(r"(?:Brigadier |Major |Lieutenant )?(?:General|Colonel|Major|Captain|Lieutenant|Commander|"
                    r"Admiral)\b|.*,\s*(?:USA|USN|USAF|USMC|US Army|U\.S\. Army)\s*$")


#: A signer's name alone on its line, in any script: up to five words or initials (``Н. Рощин``, ``Amadou Moustapha
#: Njekk SARRE``).
SIGNED_NAME = re.compile(r"(?:(?:[^\W\d_]\.\s?){1,3}|[^\W\d_][\w'\u2019\-]*\s+){0,4}"
                         r"(?:[^\W\d_]\.|[^\W\d_][\w'\u2019\-]+)")


def signature(record: Record) -> str:
    """Who signed a record at its end, the one who wrote it: a name over a rank (as the White House staff signed a
    memorandum of a meeting: ``G.`` over ``Brigadier General, USA``), or an office over a name, as an ambassador
    signs the record of his visit and a spokesman his government's communiqué (``Посол СССР в Китае`` over ``Н.
    Рощин``); "" where it ends otherwise. Its last two lines, in one paragraph or two."""
    items = [i for i in record.body[-4:] if isinstance(i, Item) and i.kind == "p"]
    paragraphs = [[normalize(line).strip() for line in i.text.split("\n") if line.strip()] for i in items]
    for lines in reversed(paragraphs):
        if len(lines) == 2 and SIGNED.fullmatch(lines[0]) and SIGNER.match(lines[1]):
            return lines[0].rstrip()
    if not items or items[-1] is not record.body[-1]:
        return ""
    lines = [line for lines in paragraphs for line in lines]
    if len(lines) >= 4 and published(" ".join(lines[-2:])):
        lines = lines[:-2]  # (the page's "Date de publication" and its date under the signature)
    lines = lines[-2:]
    if len(lines) == 2 and _office_line(lines[0]) and SIGNED_NAME.fullmatch(lines[1]) and \
            len(lines[1].replace(".", ". ").split()) >= 2 and any(c.isupper() for c in lines[1]) and \
            not language().title_re.match(lines[1]):  # (a first name or an initial and a surname; not a town)
        return lines[1]
    return ""


def _office_line(line: str) -> bool:
    """A line that names an office and nothing else: it opens with a title of the language, perhaps after an
    article (``Le Ministre de ..., Porte-Parole du Gouvernement``), and ends with no sentence's stop."""
    v = language()
    words = line.split()
    if not words or len(line) > 120 or line.endswith((".", ":", ";", "?", "!")):
        return False
    start = len(words[0]) + 1 if words[0].lower() in v.particles and len(words) > 1 else 0
    title = v.title_re.match(line, start)
    return bool(title) and (title.end() == len(line) or not line[title.end()].isalnum())


def credit_authors(f: Facts, speakers: list[str] | None = None, asking: list[str] | None = None,
                   hosting: list[str] | None = None) -> None:
    """An interview's interviewers, once its kind is known: the names its title page gives after "by", or else
    a broadcast's hosts as they name themselves (:func:`.genre.hosts`), or else, where its title names the one
    interviewed among two speakers or more, the others who speak (``Interview de M. Paul Lenoir`` over ``MARC
    DURAND`` and ``PAUL LENOIR``), or else the named speakers who ask (:func:`.genre.questioners`)."""
    if f.kind != "interview" or any(role == "interviewer" for role, _ in f.credits):
        return
    if f.authors or hosting:
        f.credits += [("interviewer", name) for name in f.authors or hosting or []]
        return
    named = [s for s in dict.fromkeys(speakers or []) if len(s.split()) >= 2 or INITIALS.fullmatch(s)]
    title = f.title.lower()
    interviewed = [s for s in named if s.split()[-1].lower() in title]
    if len(interviewed) > 1:  # the title names both: the one after "interview with" is interviewed
        after = INTERVIEWED.search(f.title + " " + " ".join(f.opening_lines))
        if after:
            interviewed = [s for s in interviewed if s.split()[-1].lower() in after.group("who").lower()]
    if len(named) >= 2 and len(interviewed) == 1:
        f.credits += [("interviewer", _as_name(s)) for s in named if s not in interviewed]
        return
    # else who asks, as the turns show it, where a person's name labels the turns (not "Q" or "JOURNALIST")
    f.credits += [("interviewer", _as_name(s)) for s in asking or [] if s in named]


#: A person named by initials alone (``А.Б.``, ``J.K.``).
INITIALS = re.compile(r"(?:[^\W\d_]\.){2,4}")


#: The one interviewed, after the words that name an interview in the languages.
INTERVIEWED = re.compile(r"(?i:interview|entretien|entrevista|intervista|wywiad|интервью|gespräch|gesprek|rozmowa)"
                         r"\s+(?i:with|mit|avec|con|com|z|с|met|de)\s+(?P<who>(?:[\w.'\u2019\-]+\s+){0,6}"
                         r"[\w'\u2019\-]+)")


def _as_name(label: str) -> str:
    """A name printed in capitals as a name is written (``MARC DURAND`` is Marc Durand)."""
    return " ".join(w.capitalize() if w.isupper() and not INITIALS.fullmatch(w) else w for w in label.split())
