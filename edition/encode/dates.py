"""Dates, times and places in headings and datelines, as the transcripts print them.

Handles ``23 February 1991``, ``February 23, 1991``, ``9 Feb. 1990``; times ``13:25``, ``19.55``, ``0:15 a.m.``,
``12:30-12:40 p.m.``; ranges with a hyphen, en dash or ``to``. Values come out as ISO 8601 (``1991-02-23``,
``1991-02-23T13:25:00``): no time zone is asserted, since the transcripts print local time without one.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass

from .language import current as language
from .language import languages


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _calendar() -> tuple[dict[str, int], str, str, str, str, str, frozenset[str]]:
    """Month names (to their numbers), and the patterns of a month, a weekday, an ordinal, a joining word and what
    follows a year, in every language the encoder knows (their files name them; no two name a month alike)."""
    months: dict[str, int] = {}
    weekdays: set[str] = set()
    ordinals: set[str] = set()
    joiners: set[str] = set()
    after: set[str] = set()
    for lang in languages().values():
        for number, names in enumerate(lang.months, start=1):
            for name in names:
                months[name.lower()] = number
        weekdays |= set(lang.weekdays)
        ordinals |= {o for o in lang.ordinals if o != "."}
        joiners |= set(lang.joiners)
        after |= set(lang.after_year)
    return (months, _alternatives(list(months)), _alternatives(list(weekdays)), _alternatives(list(ordinals)),
            _alternatives(list(joiners)), _alternatives(list(after)), frozenset(w.lower() for w in weekdays))


MONTHS, _MONTHS, _WEEKDAYS, _ORDINALS, _JOINERS, _AFTER_YEAR, WEEKDAY_NAMES = _calendar()
_MONTH = r"(?P<{g}>" + _MONTHS + r")\.?"
_ORD = r"(?:" + _ORDINALS + r")?\.?"
_JOIN = r"(?:(?:" + _JOINERS + r")\s+)?"
#: A calendar date as the transcripts print it, in any of the encoder's languages: ``23 February 1991``,
#: ``February 23, 1991``, ``9. November 1989``, ``jeudi 9 mai 1968``, ``26 de setembro de 2018``, ``12 апреля 1961
#: г.``, ``2-3 December 1989``; in digits ``20.06.1971`` (day first), ``16/10/2008`` (in the order of the
#: transcript's language), ``22-05-2024``, ``1964-01-01``.
DATE_RE = re.compile(
    r"(?<!\w)(?:(?:(?P<f1>\d{1,2})" + _ORD + r"\s*[-\u2013]\s*)?(?P<d1>\d{1,2})" + _ORD + r"\s+" + _JOIN
    + _MONTH.format(g="m1") + r",?\s+" + _JOIN + r"(?P<y1>\d{4})(?:\s*(?:" + _AFTER_YEAR + r"))?"
    r"|" + _MONTH.format(g="m2") + r"\s+" + _JOIN + r"(?:(?P<f2>\d{1,2})\s*[-\u2013]\s*)?(?P<d2>\d{1,2})" + _ORD
    + r"\s*,?\s+(?P<y2>\d{4})"
    r"|(?<![\d.])(?P<d3>\d{1,2})\.\s?(?P<m3>\d{1,2})\.\s?(?P<y3>\d{4})"
    r"|(?<![\d/])(?P<a4>\d{1,2})/(?P<b4>\d{1,2})/(?P<y4>\d{4})"
    r"|(?<![\d\-])(?P<d5>\d{1,2})-(?P<m5>\d{1,2})-(?P<y5>\d{4})"
    r"|(?<![\d\-])(?P<y6>\d{4})-(?P<m6>\d{2})-(?P<d6>\d{2}))(?![\d.]\d)",
    re.I,
)
#: Letters OCR reads for digits in a typed date (``October 2C , 197S`` is October 20, 1975), and the digits.
OCR_DIGITS = str.maketrans("OoCcDQIl|!ZzSsBbGg", "000000111122558869")
_OCR_D = r"[\dOoCcDQIl|!ZzSsBbGg]"
#: A date whose day or year OCR has misread, each still holding a digit, or whose day's two digits it has parted
#: with a space (``February 2 6, 1982``, before the comma): only where no clean date is printed.
OCR_DATE_RE = re.compile(
    r"(?<!\w)(?:(?P<d1>" + _OCR_D + r"{1,2})\s+" + _MONTH.format(g="m1") + r",?\s+(?P<y1>" + _OCR_D + r"{4})"
    r"|" + _MONTH.format(g="m2") + r"\s+(?P<d2>[0-3] \d(?=,)|" + _OCR_D + r"{1,2})\s*,?\s+(?P<y2>" + _OCR_D
    + r"{4}))(?!\w)",
    re.I,
)
#: ``a.m.``, ``p.m.``, ``pm``, ``p. m.``, and ``p.`` alone where a line or a text breaks off after it.
_AMPM = r"(?:\s*(?P<{g}>[ap])(?:\.?\s?m\b\.?|\.(?=\s*$)))?"
_CLOCK = r"(?P<h{n}>[01]?\d|2[0-4])[:.](?P<m{n}>[0-5]\d)(?!\.\d)"  # (not 20.06 of 20.06.1971)
#: Time zones a record prints after its time, as offsets from UTC (none for a zone that does not say whether
#: summer time holds: ET).
ZONES = {
    "ET": "", "CT": "", "MT": "", "PT": "", "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00",
    "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00", "GMT": "+00:00", "UTC": "+00:00",
    "Z": "+00:00", "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00", "MSK": "+03:00"}
_ZONE = r"(?:\s*(?P<zone>" + "|".join(sorted(ZONES, key=len, reverse=True)) + r")\b)?"
TIME_RE = re.compile(
    r"(?<![\w.:])" + _CLOCK.format(n=1) + _AMPM.format(g="ap1")
    + r"(?:\s*(?:-|\u2013|\u2014|to)\s*" + _CLOCK.format(n=2) + _AMPM.format(g="ap2") + r")?(?![\d:])" + _ZONE,
    re.I,
)
#: A time whose colon OCR has dropped (``11 50am - 4 00pm``): only with a.m. or p.m. after it.
OCR_TIME_RE = re.compile(
    r"(?<![\w.:])(?P<h1>[01]?\d)\s(?P<m1>[0-5]\d)\s?(?P<ap1>[ap])\.?m\b\.?"
    r"(?:\s*(?:-|\u2013|to)\s*(?P<h2>[01]?\d)[\s:.](?P<m2>[0-5]\d)\s?(?P<ap2>[ap])\.?m\b\.?)?", re.I)
#: An hour without its minutes, with a.m. or p.m. after it (``11 a.m.``, ``3-4 p.m.``), as American records
#: and their datelines print it (``Washington, March 4, 1957, 11 a.m.``).
HOUR_RE = re.compile(r"(?<![\w.:,])(?P<h1>1[0-2]|0?[1-9])(?:\s*(?:-|\u2013|to)\s*(?P<h2>1[0-2]|0?[1-9]))?"
                     r"\s?(?:(?P<ap>[apAP])\.\s?[mM]\.|(?P<caps>[AP])M\b)")  # ("a.m.", "p. m.", "AM"; not "am")
#: A time of four digits, as cables and military records print it; only with its zone (``1430 EDT``) or hours
#: (``1400 hours``), since four digits alone are more often a year.
TIME4_RE = re.compile(r"(?<![\w.:])(?P<h1>[01]\d|2[0-3])(?P<m1>[0-5]\d)\s*(?:(?P<zone>"
                      + "|".join(sorted(ZONES, key=len, reverse=True)) + r")\b|(?:hours|hrs)\b)")
PLACE_RE = re.compile(r"^[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2}$")
#: A building's name, its particles in lower case (``Palácio do Planalto``, ``Palais de l'Élysée``): a place where
#: its first word names a building in the language's words.
BUILDING_RE = re.compile(r"^[A-Z][\w'’\-]+(?: (?:[a-z]{1,3}|[a-z]{1,2}'|[A-Z][\w'’\-]+)){1,4}$")


def _place(words: str) -> bool:
    return bool(PLACE_RE.match(words)) or (bool(BUILDING_RE.match(words)) and
                                           words.split()[0] in language().place_words)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class DateValue(Span):
    """A calendar date found in text, ``iso`` as YYYY-MM-DD; ``to`` the last day of a range (``2-3 December
    1989``); ``misread`` the printed form when OCR misread digits in it."""

    iso: str
    misread: str = ""
    to: str = ""


@dataclass(frozen=True)
class TimeValue(Span):
    """A time or time range found in text, as HH:MM:SS."""

    start_time: str
    end_time: str | None
    offset: str | None = None  # from a printed time zone: EST is -05:00


def find_date(text: str) -> DateValue | None:
    """The first real calendar date in ``text`` (an impossible date such as 31 February is not a date); failing
    that, a date whose digits OCR misread (``October 2C , 197S``), with its printed form."""
    for pattern in (DATE_RE, OCR_DATE_RE):
        for m in pattern.finditer(text):
            groups = m.groupdict()
            numeric = _numeric(groups)
            if numeric:
                day, month_n, year = numeric
            else:
                day = groups["d1"] or groups["d2"]
                year = groups["y1"] or groups["y2"]
                month_n = MONTHS[(groups["m1"] or groups["m2"]).lower().rstrip(".")]
            if not (re.search(r"\d", day) and re.search(r"\d", year)):
                continue
            month = month_n
            first = groups.get("f1") or groups.get("f2")
            misread = m.group() if pattern is OCR_DATE_RE else ""
            try:
                y = int(year.translate(OCR_DIGITS))
                iso = dt.date(y, month, int(day.translate(OCR_DIGITS).replace(" ", ""))).isoformat()
                start = dt.date(y, month, int(first)).isoformat() if first else ""
            except ValueError:
                continue
            if misread and not "1800" <= iso[:4] < "2100":
                continue
            if start and start < iso:  # "2-3 December 1989": from the 2nd to the 3rd
                return DateValue(m.start(), m.end(), start, misread, to=iso)
            return DateValue(m.start(), m.end(), iso, misread)
    return None


def find_time(text: str) -> TimeValue | None:
    """The first clock time or time range in ``text``; ``p.m.`` after a range applies to both ends."""
    for m in TIME_RE.finditer(text):
        ap2 = m.group("ap2")
        ap1 = m.group("ap1") or (ap2 if m.group("h2") else None)
        try:
            start = _clock(m.group("h1"), m.group("m1"), ap1)
            end = _clock(m.group("h2"), m.group("m2"), ap2) if m.group("h2") else None
        except ValueError:
            continue
        zone = m.group("zone")
        if zone and not zone.isupper():
            zone = None  # "est" or "cet" in running text is no time zone
        return TimeValue(m.start(), m.end(), start, end, ZONES[zone] or None if zone else None)
    m = HOUR_RE.search(text)
    if m:
        ap = m.group("ap") or m.group("caps")
        return TimeValue(m.start(), m.end(), _clock(m.group("h1"), "00", ap),
                         _clock(m.group("h2"), "00", ap) if m.group("h2") else None)
    found = [(m.start(), m) for form in language().time_forms if (m := form.search(text))]
    if found:  # a time in the words of the transcript's language: "alle 9,35", "godz. 10 min 05"
        m = min(found, key=lambda f: f[0])[1]
        try:
            return TimeValue(m.start(), m.end(), _clock(m.group("h1"), (m.group("m1") or "0").zfill(2), None), None)
        except ValueError:
            pass
    m = OCR_TIME_RE.search(text)
    if m:
        try:
            end = _clock(m.group("h2"), m.group("m2"), m.group("ap2")) if m.group("h2") else None
            return TimeValue(m.start(), m.end(), _clock(m.group("h1"), m.group("m1"), m.group("ap1")), end)
        except ValueError:
            pass
    m = TIME4_RE.search(text)
    if m:
        zone = m.group("zone")
        return TimeValue(m.start(), m.end(), _clock(m.group("h1"), m.group("m1"), None), None,
                         ZONES[zone] or None if zone else None)
    return _time_in_words(text)


#: The languages whose number words text2num reads (its codes are ours).
NUMBER_WORDS = frozenset({"en", "fr", "es", "it", "pt", "de", "nl"})
_TOKEN = re.compile(r"\S+")


def _time_in_words(text: str) -> TimeValue | None:
    """A time whose numbers are words, in a form of the language (``(Quinze heures cinq minutes)``, ``a las doce y
    cinco minutos``): the numbers read by text2num, the time by the language's forms; its span that of the words it
    was read from. Only where the text holds a word of the language's time forms (``heures``, ``horas``, ``Uhr``)."""
    v = language()
    code = v.language.code
    lower = text.lower()
    if code not in NUMBER_WORDS or not any(w in lower for w in v.time_words):
        return None
    from text_to_num import alpha2digit  # (imported where a text needs it: the encoder starts without it)

    digits = alpha2digit(text, code)
    if digits == text:
        return None
    found = [m for form in v.time_forms if (m := form.search(digits))]
    if not found:
        return None
    m = min(found, key=lambda f: f.start())
    try:
        clock = _clock(m.group("h1"), (m.group("m1") or "0").zfill(2), None)
    except ValueError:
        return None
    # the words of the text the time was read from: each token of the digits' text stands for tokens of the text
    was, now = list(_TOKEN.finditer(text)), list(_TOKEN.finditer(digits))
    matcher = difflib.SequenceMatcher(None, [t.group() for t in was], [t.group() for t in now], autojunk=False)
    spans: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        for j in range(j1, j2):
            if i1 < i2 and now[j].start() < m.end() and now[j].end() > m.start():
                first, last = (i1 + j - j1,) * 2 if op == "equal" else (i1, i2 - 1)
                spans.append((was[first].start(), was[last].end()))
    if not spans:
        return None
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    start += len(text[start:end]) - len(text[start:end].lstrip("([\"\u201c'"))  # ("(Quinze": the words only)
    return TimeValue(start, end, clock, None)


def _numeric(groups: dict) -> tuple[str, int, str] | None:
    """(day, month, year) of a date printed in digits, or None for one in words. Slashes are read in the order
    of the transcript's language (10/3/1990 is 3 October in English, 10 March elsewhere), unless a number over 12
    says which is the day."""
    if groups.get("d3"):
        return groups["d3"], int(groups["m3"]), groups["y3"]
    if groups.get("a4"):
        a, b = int(groups["a4"]), int(groups["b4"])
        month_first = language().language.numeric == "mdy"
        if a > 12:
            month_first = False
        elif b > 12:
            month_first = True
        return (groups["b4"], a, groups["y4"]) if month_first else (groups["a4"], b, groups["y4"])
    if groups.get("d5"):
        return groups["d5"], int(groups["m5"]), groups["y5"]
    if groups.get("y6"):
        return groups["d6"], int(groups["m6"]), groups["y6"]
    return None


def _clock(hour: str, minute: str, ampm: str | None) -> str:
    h, mi = int(hour), int(minute)
    if ampm:
        if not 1 <= h <= 12 and not (h == 0 and ampm.lower() == "a"):
            raise ValueError(hour)
        h = h % 12 + (12 if ampm.lower() == "p" else 0)
    if h == 24 and mi == 0:
        h = 0
    return dt.time(h, mi).isoformat()


@dataclass
class Dateline:
    """What a heading or dateline says of when and where: the parts found and their spans in the text."""

    date: DateValue | None = None
    time: TimeValue | None = None
    place: Span | None = None
    place_name: str = ""

    @property
    def found(self) -> bool:
        return bool(self.date or self.time)

    def span(self) -> Span | None:
        """The span of text that the ``<date>`` element covers: the date, the time, and a closing parenthesis."""
        parts = [p for p in (self.date, self.time) if p]
        if not parts:
            return None
        return Span(min(p.start for p in parts), max(p.end for p in parts) + self._closing)

    _closing: int = 0


#: Days of the week, which a dateline may print before the date (``Monday, October 20, 1975``, ``mercoledì 6
#: aprile 2011``): never a place.
WEEKDAYS = WEEKDAY_NAMES


#: What may stand between a place and the date it goes with: punctuation and spaces (and a weekday's name).
_GAP = re.compile(r"[\s,;()\-\u2013\u2014]*")


def read_dateline(text: str) -> Dateline:
    """Find date, time and place in a line such as ``Moscow, 23 February 1991 (0:15 a.m.)``."""
    line = Dateline(find_date(text), find_time(text))
    if line.date and line.time and line.time.start < line.date.start:
        line.time = None  # a time before the date is part of something else
    if line.date and line.time and "(" in text[line.date.end : line.time.start] and \
            text[line.time.end : line.time.end + 1] == ")":
        line._closing = 1  # "23 February 1991 (0:15 a.m.)": the parenthesis closes inside the date
    # A place is a comma-separated segment of capitalised words, standing next to the date or time.
    if line.found:
        span = line.span()
        assert span is not None
        # (a dash parts a place from its date as a comma does: "Geneva – 2 October 1985")
        segments = list(re.finditer(r"[^,()\u2013\u2014]+", text))
        for n, seg in enumerate(segments):
            words = seg.group(0).strip()
            start = seg.start() + seg.group(0).index(words) if words else seg.start()
            if not words or span.start <= start < span.end or not _place(words):
                continue
            if find_date(words) or find_time(words) or words.lower().rstrip(".") in MONTHS or \
                    words.lower().rstrip(".") in WEEKDAYS:
                continue
            if text[:start].rstrip().endswith("(") and text[start + len(words):].lstrip().startswith(")"):
                continue  # "12. Juni 2015 (BPA)": an agency, not a place
            gap = text[start + len(words):span.start] if start < span.start else text[span.end:start]
            if not _GAP.fullmatch(re.sub(r"(?<!\w)(?:" + _WEEKDAYS + "|" + _JOINERS + r")(?!\w)", "", gap, flags=re.I)):
                continue  # not next to the date: "... le 18 mai 2017, sur ... (nucléaire, Notre-Dame-des-Landes"
            line.place = Span(start, start + len(words))
            line.place_name = words
            before = segments[n - 1] if n else None
            if before and not text[:before.start()].strip() and text[before.end():start].strip() == "," and \
                    len(words.split()) <= 2 and _place(before.group(0).strip()) and \
                    before.group(0).strip().lower().rstrip(".") not in WEEKDAYS:
                # a town and its state or country, the line's first words: "Houston, TX – 3 August 2015"
                line.place = Span(before.start() + before.group(0).index(before.group(0).strip()), start + len(words))
                line.place_name = text[line.place.start:line.place.end]
        # or the words after the time: "October 8, 1991, 2:22 - 2:34pm Oval Office" (not "Moscow time")
        tail = text[span.end:]
        words = tail.strip(" ,.;")
        if line.time and not line.place and PLACE_RE.match(words) and not words.lower().endswith("time"):
            start = span.end + tail.index(words)
            line.place, line.place_name = Span(start, start + len(words)), words
    return line


def is_dateline(text: str) -> bool:
    """True when ``text`` says nothing but when (and where): the whole of it is date, time, place, punctuation."""
    line = read_dateline(text)
    if not line.found:
        return False
    rest = text
    for span in sorted((s for s in (line.date, line.time, line.place) if s), key=lambda s: -s.start):
        rest = rest[: span.start] + rest[span.end :]
    # (a weekday and the words that join it to its date: "Monday, October 20, 1975", "Onsdagen den 27 februari")
    rest = re.sub(r"(?<!\w)(?:" + _WEEKDAYS + "|" + _JOINERS + r")(?!\w)", "", rest, flags=re.I)
    return not re.sub(r"[\s,.;()\[\]*\u2013\-]+|Moscow time|local time", "", rest, flags=re.I)


def to_attributes(date: str | None, time: TimeValue | None, date_to: str | None = None) -> dict[str, str]:
    """TEI ``att.datable.w3c`` values: ``when`` for a point, ``from``/``to`` for a range (of times, which carry their
    day, or of days: ``date_to``, without a time). Never ``when`` beside them: TEI's own rule (att.datable.w3c,
    tei_all's Schematron) forbids it, and the day of a range of times is its ``from``'s."""
    attrs: dict[str, str] = {}
    if date and date_to and not time:
        return {"from": date, "to": date_to}
    if time and time.offset:  # a printed time zone: every time carries its offset
        time = TimeValue(time.start, time.end, time.start_time + time.offset,
                         time.end_time + time.offset if time.end_time else None)
    if time and time.end_time:
        if date:
            attrs["from"] = f"{date}T{time.start_time}"
            # A range that passes midnight ends the next day.
            end_day = date
            if time.end_time < time.start_time:
                end_day = (dt.date.fromisoformat(date) + dt.timedelta(days=1)).isoformat()
            attrs["to"] = f"{end_day}T{time.end_time}"
        else:
            attrs["from"], attrs["to"] = time.start_time, time.end_time
    elif time:
        attrs["when"] = f"{date}T{time.start_time}" if date else time.start_time
    elif date:
        attrs["when"] = date
    return attrs
