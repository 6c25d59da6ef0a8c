"""A record's title where no heading of a record of conversation opens it: the title a page, a sitting's record,
an interview or a briefing prints before its text, found among the page's furniture.

The lines before the text (before the first speaker's label, or the first paragraph of prose) are weighed: a
web page's own words (``Skip to content``, a menu's row of words), a catalogue's or a header's fields
(``Document type: ...``, ``Circonstances : ...``), a line of nothing but a date, a bracket or a page number are
never the title. Of the others, the last that names a kind of record in the words of the transcript's language
(``Press Briefing``, ``Interview``, ``Stenographisches Protokoll``, ``Seduta``, ``Regeling van werkzaamheden``)
is the title, since a page prints its site's and its series' names above the document's own; failing that, the
last line set as a title (in capitals, or most of its words capitalised, ending no sentence)."""

from __future__ import annotations

import re

from .dates import is_dateline, read_dateline
from .labels import wrapped_title
from .language import PEOPLE
from .language import bare as _bare
from .language import current as language
from .lines import unmark
from .opening import PLACE_LINE, published, sentence
from .records import Block
from .turns import ITEM_HEADING, TOC_ENTRY, TYPED

#: The longest block weighed as a title, and how far into the text a title is looked for.
TITLE_MAX = 400
LOOK = 30
#: A paragraph of prose: the text has begun.
PROSE = 500
#: A field: a few words, a colon (French sets a space before it), a value.
FIELD = re.compile(r"^(?P<name>[^\W\d_][\w'\u2019.\- ]{0,40}?)\s?:\s*(?=\S|$)")


#: A telephone number (a transcription service's or a publisher's imprint on each page): "202-419-1859",
#: "(+44) 207 404 1400".
PHONE = re.compile(r"(?<![\w-])(?:\(\+\d{1,3}\)\s?\d{3}\s\d{3}\s\d{4}|\d{3}[-.]\d{3}[-.]\d{4})(?![\w-])")
#: A person's name as a catalogue inverts it (``Agrista, Rosemary``, ``Lindqvist, Harold J.``): how an archive
#: titles an oral history by the one interviewed.
INVERTED_NAME = re.compile(r"(?P<surname>[A-Z][\w'\u2019\-]+), (?P<forename>[A-Z][\w'\u2019\-]+)(?: [A-Z]\.)?")


def _inverted(line: str, bs: list[Block]) -> bool:
    """Whether a line is a person's name inverted, whom the text names in the usual order (``Agrista, Rosemary``
    over ``Rosemary Agrista: Yes, we are.``; not ``Paris, France``)."""
    m = INVERTED_NAME.fullmatch(line)
    return bool(m) and any(f"{m.group('forename')} {m.group('surname')}" in b.text for b in bs)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'\u2019\-]*", text)


def menu(text: str) -> bool:
    """A row of a web page's menu: five words or more, every one capitalised, with no punctuation and no word
    that names a kind of record or joins words as a phrase does (``Bookstore Glossary Library Links News
    Publications``; not ``TV Interview for BBC1 Saturday Superstore``, nor ``THE NEW YORK STATE SENATE``); or a row
    of the page's own words (``Previous Index Next``)."""
    words = text.split()
    own = sum(1 for w in words if language().is_furniture(w))
    if len(words) >= 2 and own >= 0.6 * len(words):
        return True
    return len(words) >= 5 and not re.search(r"[.,:;!?()]", text) and all(w[:1].isupper() for w in words) \
        and not _kind(text) and not any(w.lower() in language().particles for w in words)


def title_like(text: str) -> bool:
    """Set as a title: in capitals, or most of its words capitalised, ending no sentence of lower-case words."""
    words = _words(text)
    if not words:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    particles = language().particles
    fitting = capitalised + sum(1 for w in words if w.lower() in particles or len(w) <= 3)
    return fitting >= 0.75 * len(words) and capitalised >= 1


#: A field's name where a sentence begins (a catalogue's fields run into one paragraph): a capital, a word, a colon.
RUN_FIELDS = re.compile(r"(?:^|(?<=[.;]) )[^\W\d_][\w\-]{1,24}:[ \u00a0]")


def excluded(text: str, is_label=lambda _text: False) -> bool:
    """A block that is no title: a page's furniture, a menu, a date, a field, a place, a listing, a label."""
    first = text.split("\n", 1)[0].strip()
    v = language()
    if not first or len(text) > TITLE_MAX or v.is_furniture(first) or any(menu(line) for line in text.split("\n")):
        return True
    if first.endswith(":") and not first.isupper():
        return True  # a line that announces what follows: "Das Interview im Wortlaut:"
    if TOC_ENTRY.search(first) or first.count("|") >= 2:
        return True  # a table of contents' entry, a running head with its page ("Nächste Sitzung 5061D"), a row of a
        # listing ("Text File | 1993-07-27 | 63KB")
    if first[:1] in "[(" or re.fullmatch(r"[\d\W_]+", first) or is_dateline(first) or _mostly_dated(first) or \
            first.strip(" ,.").lower() in v.weekdays:  # (a weekday on its line, its date on the next: "Jeudi")
        return True  # a bracket, a page number, a date alone (or nearly: "Aired May 12, 2005 - 13:30 ET")
    if len(RUN_FIELDS.findall(first)) >= 3:
        return True  # a catalogue's entry, its fields run into one paragraph: "AdsD, ... 6/TONS000018. Titel: »...«.
        # Beginn: 8.05 Uhr. Aufnahmedauer: 00:54:48. Vorsitz: Wehner."
    if ITEM_HEADING.match(first):
        return True  # an item of a parliament's business, a division's heading: "§ 1 Justering av protokoll"
    if v.events_re and v.events_re.match(first):
        return True  # an event of the sitting, its chair named: "Présidence de Mme ...", "Веде засідання Голова ..."
    if published(first):
        return True  # a page's byline: "por Portal do Planalto publicado 16/12/2011 17h17"
    if PHONE.search(first):
        return True  # a transcriber's or a publisher's imprint: "BURRELLE'S INFORMATION SERVICES / 202-419-1859"
    field = FIELD.match(first)
    value = first[field.end():] if field else ""
    if field and v.is_furniture(field.group("name")) and len(_words(value)) >= 6 and title_like(value) and \
            not re.search(r"[.?!]$", value):
        return False  # the page's word before its document's title: "Transcript: Rep. Mike Thompson's Q&A with ..."
    if field and (field.group("name").lower() in v.fields_and_credits or (
            "\n" in text.strip() and all(FIELD.match(line.strip()) for line in text.strip().split("\n")))):
        return True  # "Document type: ...", "Circonstances : ..."; not "Full Transcript: George ... and ..."
    bare = _bare(first)
    if v.place_end and v.place_end.search(first) and len(first) <= 80 and not (
            "," in first and _kind(first.split(",", 1)[0])) and not _kind(" ".join(_words(first)[:2])):
        return True  # where the record was made: "James S. Brady Press Briefing Room" (not a title and its place:
        # "Conversation 412-7, Oval Office"; nor a title that opens with its kind: "Entretien avec Radio Centre")
    if v.names_hall_first(first):
        return True  # the same in a language that names the hall first: "Сесійний зал Верховної Ради України"
    words = _words(first)
    if any(bare.startswith(p + " ") and len(words) > len(p.split()) and words[len(p.split())][:1].islower()
           for p in v.furniture if " " in p) or \
            any(re.match(re.escape(p) + r"\s*[\"\u201c]", first, re.I) for p in v.furniture):
        return True  # "A lock ( lock ) or https:// means ...", 'Download "November 05, 1962 ..."'
    return bool(is_label(text))


#: Where a sentence ends and the next begins: a lower-case letter and its full stop, then a capital.
SENTENCE_END = re.compile(r"[a-z\u00e0-\u024f\u0430-\u044f)\]][.?!][\"\u201d\u2019]?\s+[A-Z\u00c0-\u00de\u0410-\u042f]")


def _prose(text: str) -> bool:
    """A paragraph of prose, where the text has begun: long, or two sentences or more, or one long sentence that
    names no kind of record (a title such as ``Interview de M. Edouard Philippe, ... (nucléaire, ...).`` does)."""
    if len(text) >= PROSE and "\n" not in text.strip():
        return True
    abbreviations = language().abbreviations
    sentences = sum(1 for m in SENTENCE_END.finditer(text)
                    if not re.search(r"(?:^|\s)(?:\w|" + "|".join(map(re.escape, abbreviations)) + r")$",
                                     text[:m.start() + 1].lower()))  # ("Lt. Gen. Kenneth F. McKenzie")
    ends = bool(re.search(r"[.?!][\"\u201d\u2019)]?$", text.strip()))
    if sentences >= 2 and len(text) >= 150:
        return True  # (a page's text run together, whether or not its last sentence is whole)
    return ends and ((sentences >= 1 and len(text) >= 120) or (len(text) >= 150 and not _kind(text))
                     or len(text) >= 300)


def _titled_by_kind(text: str) -> bool:
    """A line that names a kind of record and is a title: it ends no sentence, or its first words name the kind
    (``Interview de M. Edouard Philippe, ... publique).``; not ``They mention ... a meeting in Malta.``)."""
    first = text.split("\n", 1)[0].strip()
    if not re.search(r"[.?!][\"\u201d\u2019')]*$", first):
        return True
    return _kind(" ".join(_words(first)[:4]))


def _mostly_dated(line: str) -> bool:
    """A line of a date and a time and at most one other word."""
    dl = read_dateline(line)
    if not (dl.date and dl.time):
        return False
    rest = line[:dl.span().start] + line[dl.span().end:]
    return len(_words(rest)) <= 1


def _dated_kind(text: str) -> bool:
    """A line of a kind of record's word and a date or an hour, and nothing else (``Séance de 19 heures 45``,
    ``Réunion du mercredi 7 octobre 2020 à 15h00``): when the sitting was, not what the record is titled."""
    first = text.split("\n", 1)[0]
    dl = read_dateline(first)
    span = dl.span() if (dl.date or dl.time) else None
    if span is None or (not first[:span.start].strip() and first[span.end:].lstrip().startswith(":")):
        return False  # (a documentary edition's heading, its date before a colon and its title after: "22. März
        # 1973: Fraktionssitzung (Tonbandtranskript)")
    days = language().weekdays
    return len([w for w in _words(first[:span.start] + " " + first[span.end:]) if w.lower() not in days]) <= 2


def _kind(text: str) -> bool:
    return any(pattern.search(text) for _kind_name, pattern in language().kinds)


def _titled_kind(text: str) -> bool:
    """Whether a title's words name a kind of record as a title names it, capitalised (``Debates of the Senate``,
    ``143. Sitzung``); not as an item of a sitting's order of business mentions one in passing (``Committee
    Authorized to Meet during sitting of the senate``). A language that writes its titles in sentence case names
    the kind in lower case in a title that opens with a capital (``Versión estenográfica de la conferencia de
    prensa``)."""
    if not language().title_case and text[:1].isupper() and _kind(text):
        return True
    return any(m.group()[:1].isupper() for _kind_name, pattern in language().kinds for m in pattern.finditer(text))


def _named(text: str) -> bool:
    """A title that names its kind of record, as a title does (:func:`_titled_kind`, :func:`_titled_by_kind`)."""
    return _titled_kind(text) and _titled_by_kind(text)


#: How many paragraphs of prose a title may stand after (a page's summary of the document above its title), a
#: heading that names a kind of record and ends no sentence.
PROSE_BLOCKS = 2
#: A block of this many short lines or fewer is weighed line by line (a page's header set without blank lines:
#: ``Jen Psaki`` over ``Daily Press Briefing`` over ``Washington, DC``).
LINES = 8
SHORT = 300


#: The line between a case's parties, in a court's caption (``v.``, ``vs.``, ``-against-``, ``versus``), with what
#: the caption prints beside it (the docket number, in the caption's second column).
CAPTION_V = re.compile(r"^(?:v\.|vs\.?|-\s*against\s*-|against|versus)(?:\s|$)", re.I)
#: The rule that closes a caption's box on either side (``------------------------------x``).
CAPTION_RULE = re.compile(r"^-{5,}\s*x?$", re.I)


def _caption(found: list[tuple[int, int, int, str]], is_label) -> tuple[int, int, int] | None:
    """A court transcript's caption, the case's parties and the line between them (``UNITED STATES OF AMERICA,``
    over ``v. 23 Cr. 118 (AT)`` over ``MILES GUO,``), as a court reporter prints it under the court's name, in a box
    of rules (``-----x``): the record's title is the caption, not the court's name above it (the rules are not the
    title's). None where no such caption stands before the text."""
    for k, first, _count, text in found:
        if is_label(text):
            return None
        lines = text.split("\n")
        if not any(CAPTION_RULE.match(x.strip()) for x in lines):
            continue
        between = [i for i, x in enumerate(lines) if CAPTION_V.match(x.strip())]
        if between and 0 < between[0] < len(lines) - 1:
            kept = [i for i, x in enumerate(lines) if not CAPTION_RULE.match(x.strip())]
            return k, first + kept[0], kept[-1] - kept[0] + 1
    return None


def units(bs: list[Block], is_label) -> list[tuple[int, int, int, str]]:
    """The blocks a transcript opens with, as the units a title is weighed among: (block, first line, lines, text).
    A block of a few short lines is cut at the lines that can be no title's (a menu, a date, a field, a place), so
    that a title wrapped over lines stays whole (``HEARING`` over ``BEFORE THE`` over ``COMMITTEE ON ...``) and one
    printed among a page's furniture stands apart (``Menu di navigazione principale`` over ``Seguito della
    discussione ...``)."""
    out = []
    for k, b in enumerate(bs[:LOOK]):
        if b.fw:
            continue  # a running head: the page's, not the record's
        lines = unmark(b.text).strip().split("\n")
        # (a block of lines all in capitals, none a label's or a date's, is one heading however it is wrapped:
        # "INCONTRO DEL" over "PRESIDENTE DELLA REPUBBLICA" over "GIORGIO NAPOLITANO" over ...)
        heading = all(line.isupper() and not re.search(r"[:.]\s*$", line) and not is_dateline(line)
                      for line in lines if line.strip())
        if heading and _letterhead(lines):
            out += _under_letterhead(k, lines, 0, len(lines))
            continue
        # (a longer block whose first lines are short is a title page's or a sitting's head over its table of
        # contents, set without blank lines: "143. Sitzung" over "Bonn, Mittwoch, den 23. Mai 1951" over its items;
        # its first lines are weighed one by one, the rest as one)
        if not out and len(lines) >= 2 and len(lines[0]) <= SHORT and _named(lines[0]) and sentence(lines[1]):
            # (the text's first line, a title that names its kind, over the first sentence of minutes in reported
            # speech, no blank line between: "Protokoll der ... Mitgliederversammlung" over "Es versammelten sich
            # heute, am ..."; not a caption further down that names one, "Moro depoimento" over its sentence)
            out += [(k, 0, 1, lines[0].strip()), (k, 1, len(lines) - 1, "\n".join(lines[1:]).strip())]
            continue
        cut = next((i for i, line in enumerate(lines[:LINES]) if len(line) > SHORT), LINES)
        rest = lines[cut:] if len(lines) > LINES and cut >= 2 else []
        lines = lines[:cut] if rest else lines
        if heading or not (1 < len(lines) <= LINES and all(len(line) <= SHORT for line in lines)):
            out.append((k, 0, len(b.text.split("\n")), unmark(b.text).strip()))
            continue
        run: list[int] = []
        for i, line in enumerate([*lines, ""]):
            if i + 1 < len(lines) and wrapped_title(line, lines[i + 1], language()):
                continue  # a label's first word, wrapped: "El" over "Presidente Senador X:"
            wrapped = bool(run) and run[-1] == i - 1 and ends_unfinished(lines[i - 1])
            if line.strip() and (wrapped or (not excluded(line.strip(), is_label) and not _place(line.strip()))):
                run.append(i)  # (a title wrapped after a word that cannot end it: "INCONTRO DEL" over "PRESIDENTE
                continue  # DELLA REPUBBLICA", never a label alone on its line)
            if run:
                out += _under_letterhead(k, lines, run[0], run[-1] + 1)
                run = []
            if line.strip():
                out.append((k, i, 1, line.strip()))
        if rest:
            out.append((k, len(lines), len(rest), "\n".join(rest).strip()))
    return out


def _under_letterhead(k: int, lines: list[str], start: int, end: int) -> list[tuple[int, int, int, str]]:
    """The units of lines ``start`` to ``end`` of block ``k``: the letterhead apart from the record's own heading
    under it (:func:`_letterhead`), else one unit."""
    cut = start + _letterhead(lines[start:end])
    return [(k, a, b - a, "\n".join(lines[a:b]).strip()) for a, b in ((start, cut), (cut, end)) if b > a]


def _letterhead(lines: list[str]) -> int:
    """Where a record's own heading begins under its institution's letterhead, in a block of lines in capitals:
    at the first line after the first that names a kind of record with its number (``SENADO FEDERAL`` over
    ``SECRETARIA-GERAL DA MESA`` over ``NOTAS TAQUIGRÁFICAS`` over ``30ª REUNIÃO DA COMISSÃO ...``); 0 where none
    does."""
    def capitals(line: str) -> bool:  # (an ordinal's letter is small: "30ª REUNIÃO")
        return re.sub(r"(?<=\d)[ªºᵃᵉ]", "", line).isupper()

    for i, line in enumerate(lines[1:], 1):
        if not all(capitals(x) for x in lines[:i] if x.strip()):
            return 0
        if capitals(line) and re.search(r"\d", line) and _kind(line):
            return i
    return 0


def ends_unfinished(line: str) -> bool:
    """Whether a line ends with a word that cannot end a title (its title goes on on the next line)."""
    words = line.split()
    return bool(words) and words[-1].lower() in language().unfinished


def agenda_item(text: str) -> bool:
    """A line that announces an item of a parliament's agenda, in the words of the language, before its title
    (``18 punkt porządku dziennego:``, ``Tagesordnungspunkt 5:``)."""
    line = text.split("\n", 1)[0].strip().lower()
    return line.endswith(":") and any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", line)
                                      for n in language().field_names("agenda"))


def _place(line: str) -> bool:
    """A town and its state or country, alone on its line (``Washington, DC``, a postal code after them:
    ``Freeport, New York 11520``), or a room and its number (``Room 124, CAP``)."""
    words = line.split()
    return bool(PLACE_LINE.match(re.sub(r"\s+\d{4,6}(?:-\d{4})?$", "", line))) or (
        len(words) >= 2 and words[0] in language().place_words and words[1][:1].isdigit())


def _series(line: str) -> bool:
    words = _words(line)
    return bool(words) and (words[0].lower() in language().series_words or words[-1].lower() in language().series_words)


def _below_series(unit: tuple[int, int, int, str]) -> tuple[int, int, int]:
    """A title block without the lines above it that name the series or project the record belongs to, where a line
    under them names the kind of record (an oral history's title page: ``International Space Station Program`` over
    ``Oral History Project`` over ``Edited Oral History Transcript``)."""
    k, first, count, text = unit
    lines = text.split("\n")
    cut = 0
    while cut < len(lines) - 1 and _series(lines[cut]):
        cut += 1
    if cut and _kind(lines[cut]) and _titled_by_kind(lines[cut]):
        return k, first + cut, count - cut
    return k, first, count


def _heading_over_header(text: str, below: list[tuple[int, int, int, str]]) -> bool:
    """A line in capitals alone, without a label's punctuation, over a date line or a header's field: a heading
    (a programme's name over its date: "SUNDAY ROUNDTABLE" over "Sunday, March 8, 2009"), not a speaker."""
    line = text.strip()
    if "\n" in line or not line.isupper() or re.search(r"[:.\-\u2013\u2014]", line):
        return False
    for unit in below:  # (a date, a field, or the room under it first: "NATIONAL ASSEMBLY CHAMBER")
        first = unit[3].split("\n", 1)[0].strip()
        field = FIELD.match(first)
        if is_dateline(first) or (field and field.group("name").strip().lower() in language().fields_and_credits):
            return True
        if not (language().place_end and language().place_end.search(first.title() if first.isupper() else first)):
            return False
    return False


def _stacked(text: str, below: list[tuple[int, int, int, str]], k: int) -> bool:
    """A line in capitals over more lines in capitals of the same block: a letterhead's (``SENADO FEDERAL`` over
    ``SECRETARIA-GERAL DA MESA``), not a speaker's label, which stands over its speech."""
    return "\n" not in text.strip() and text.isupper() and bool(below) and below[0][0] == k and \
        below[0][3].split("\n", 1)[0].isupper()


def title_block(bs: list[Block], is_label) -> tuple[int, int, int] | None:
    """Where the record's title stands among the blocks a transcript opens with: (block, first line, lines); None
    when none is set as a title. A formatted document's first heading of the first level (a Markdown file's "# ...",
    a word processor's Heading 1) is its title, where it stands before the text. ``is_label(text)``: whether a block
    opens with a speaker's label (the text has begun)."""
    weighed: list[tuple[int, int, int, str]] = []
    opening = language().phrase_re("opening")
    prose = 0  # paragraphs of prose read: a page's summary may stand above the title, a record's text below it
    byline = False  # the unit before was a page's byline: a summary of the page follows it, not a title
    agenda = False  # the unit before announced an item of a parliament's agenda: its title follows
    listing = False  # the units below a field of persons ("GUESTS:") are its values until the next field
    fielded = False  # a field followed a title that names its kind: prose after them is the text
    people = language().field_names(*PEOPLE)
    found = units(bs, is_label)
    typed = TYPED.get()
    if typed is not None and typed.titles:  # a formatted document's heading of the first level, before its text
        for k, first, _count, text in found:
            if is_label(text):
                break
            if bs[k].line + first in typed.titles and not excluded(text):
                return k, 0, len(bs[k].text.split("\n"))
    caption = _caption(found, is_label)
    if caption is not None:
        return caption
    contents = language().field_names("contents")
    for n, (k, first, count, text) in enumerate(found):
        field = FIELD.match(text)
        if (field and field.group("name").strip().lower() in contents) or text.strip().rstrip(".").lower() in contents:
            break  # "Inhalt:", "SOMMAIRE": a table of contents' items follow, the record's title stands above them
        if weighed and TOC_ENTRY.search(text.split("\n", 1)[0]):
            # an entry's leaders and page where no word heads the table of contents, under a title (a running head
            # with its page may stand above the title: "Deutscher Bundestag — 143. Sitzung  5643"): the entry's
            # words right above its leaders ("Fragestunde" over "...... 32") are the table's too
            if weighed[-1][0] == k and weighed[-1][1] + weighed[-1][2] == first:
                weighed.pop()
            break
        if field:
            listing = field.group("name").strip().lower() in people
            fielded = fielded or any(_named(u[3]) for u in weighed)
        elif listing and not _prose(text):
            continue  # "KAREN TUMULTY National Political Reporter, Time magazine", under "GUESTS:"
        heading_line = _heading_over_header(text, found[n + 1:n + 3]) or _stacked(text, found[n + 1:n + 2], k)
        labelled = (lambda _t: False) if heading_line else is_label
        if labelled(text) or prose >= PROSE_BLOCKS:
            break  # the text has begun
        if agenda and not excluded(text, labelled) and not _prose(text) and not any(_kind(u[3]) for u in weighed):
            return k, first, count  # "18 punkt porządku dziennego:" over "Informacja rządu na temat ..." (where no
            # title above names the sitting: "42. Sitzung" over its table of contents keeps its own)
        agenda = agenda_item(text)
        if byline or published(text.split("\n", 1)[0]):
            byline = not byline
            continue  # "publicado 16/12/2011 17h17" over "Durante o encontro, o presidente falou sobre ..."
        if fielded and not field and (_prose(text) or re.search(r"[.?!]$", text.strip())):
            break  # a title, its fields ("Aanwezig:", "Lokatie:"), then sentences ("Femke opent de vergadering
            # ..."): the text has begun, and a heading in it ("Verslag vorige vergadering") is an item's
        if _prose(text) and (len(text) > TITLE_MAX or not excluded(text, labelled)):
            prose += 1  # (a paragraph too long for a title is prose all the same)
            continue
        if _place(text) and any(is_dateline(u[3]) or _mostly_dated(u[3]) for u in found[n + 1:n + 4] if u[3]):
            continue  # the town or the room above the date of a title page ("Albany, New York" over "March 12, 2014")
        if opening and opening.match(text.lstrip("(-\u2014 ")):
            break  # "La seduta comincia alle 9,35.": the sitting has begun
        if ITEM_HEADING.match(text):
            break  # the sitting's items have begun ("§ 1 Justering av protokoll"): a title above them is the record's,
            # none of them
        last = first + count >= len(bs[k].text.split("\n"))
        heading = not prose or (_kind(text) and not re.search(r"[.?!;,]$", text.strip()))  # (a clause: no title)
        if heading and not excluded(text, labelled) and (k + 1 < len(bs) or not last):  # text after it
            weighed.append((k, first, count, text))
    named = [u for u in weighed if _named(u[3])]
    plain = [u for u in weighed if title_like(u[3].split("\n", 1)[0]) and
             not re.search(r"(?<![A-Z]\.)[.?!]$", u[3].split("\n", 1)[0].strip()) and u not in named]
    if named and plain and plain[-1][:2] > named[-1][:2] and _inverted(plain[-1][3].strip(), bs):
        return plain[-1][:3]  # an archive's title of an interview, the person's name inverted, under its site's
    if named and not (plain and _dated_kind(named[-1][3])):
        return _below_series(named[-1])
    # (a line of a kind's word and its date or hour, "Réunion du mercredi 7 octobre 2020 à 15h00", is the sitting's
    # dateline where a title of other words stands too: "Intervention de Jean-Yves le Drian")
    return plain[-1][:3] if plain else None
