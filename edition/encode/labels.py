"""Speaker labels in the forms the transcripts of many genres and languages print them.

A label is read word by word from the start of a paragraph: titles and offices of the transcript's language
(``Präsident``, ``El señor``, ``M. le``, ``Senator``, ``The``), names (capitalised, or in capitals), initials
(``П. Н.``, ``A.I.``), the lower-case words a name or an office may hold (``van der``, ``le président``); then
perhaps an office after a comma (``M. Bernard Cazeneuve, Premier ministre``), a party or a remark in parentheses
(``Angela Gorr (CDU)``, ``Abgeordneter Dr. Andreas Khol (ÖVP) (zur Geschäftsbehandlung)``), and the label's own
punctuation: a colon (``Name:``, ``Name :`` as French sets it), a full stop (``Mr. JONES.``, ``PRESIDENTE.``), the
two with a dash after them (``EL PRESIDENTE.-``, ``M. le président.  -``, ``O Sr. Presidente: \u2014``), or
nothing, when the label stands alone on its line (``John Craven``, ``PATRICK COHEN``) above the speech.

Whether a label that reads is a speaker's is decided elsewhere (:mod:`.turns`), on evidence: here only its form.
A full stop after a title (``Dr.``) or an initial that the name goes on after is no label's end: ``Präsident Dr.
Heinrich Neisser:`` is one label, and ``РУБЕЖАНСКИЙ П. Н. Спасибо.`` ends after ``Н.``, where the name in capitals
gives way to speech."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..conventions import BOLD_MARKS
from .language import Vocabulary
from .language import vocabulary as vocabulary_of

#: A word of a name: letters, with inner hyphens, apostrophes or full stops of initials (``Pierre-Yves``,
#: ``O'Brien``, ``М.С.Горбачев``).
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019\-.](?=[^\W\d_]))*\.?")
#: The label's punctuation after the name: colon (perhaps after a space), full stop, either with a dash after it.
COLON = re.compile(r"\s?:(?:\s*[\u2014\u2013]|\s+-(?=\s)|\.?-(?=\s))?")
#: (":-", as Brazil's records print it; ":.-", as Spain's government's transcripts print an answer: "R:.-")
STOP = re.compile(r"\s?\.(?:-|\s*[\u2014\u2013]|\s+-(?=\s))?")
#: A dash that ends a label without a full stop or a colon (``O SR. PRESIDENTE (Renan Calheiros) \u2013``).
DASH_END = re.compile(r"\s+[\u2013\u2014-](?=\s)")
#: A dash after a label's full stop: ``EL PRESIDENTE.-``, ``M. le président.  -``.
DASH_AFTER = re.compile(r"(?:-|\s*[\u2014\u2013]|\s+-)(?=\s|$)")
#: A question or an answer: its letter or word, then a full stop or a colon before the words, or nothing on its
#: line (``Q.``, ``A:``, ``QUESTION:``).
QA = re.compile(r"(?P<word>[^\W\d_]{1,10})(?P<punct>\s?(?:[.:]|:\.(?=-))(?:-|\s*[\u2014\u2013])?(?=\s)|\s*$|"
                r"[ \t\u00a0]{2,}(?=\S)|[ \t\u00a0](?=\()|(?<=\bQ)[ \u00a0](?=[A-Z\"\u201c]))")
#: (a question set off by spaces alone: "Q    Josh, ..."; or before what the room heard: "Q (Inaudible.)"; a
#: question's letter alone and one space, as the White House prints a reporter's question: "Q Speech, speech.")
#: A party, an office or a remark in parentheses after the name (at most two; a broadcaster's transcript describes
#: its guest there: ``Mr. MARTIN ANDERSON (Keith and Jan Hurlbut Fellow at the Hoover Institution, ...):``); a
#: group's name may hold another's in parentheses (``SPAGNOLLI (Aut (SVP-Patt, Cb, SCN)).``, Italy's Senate).
PARENS = re.compile(r"\s*\((?P<words>(?:[^()\n]|\([^()\n]{1,60}\)){1,120})\)")
#: An office after a comma, up to the label's punctuation.
ROLE = re.compile(r",\s+(?P<role>[^,:;.()\n]{2,80}?(?:,\s+[^\W\d_A-Z][^,:;.()\n]{1,60}?)?"  # (an office with a
                  r"(?:\s*\([^()\n]{1,60}\)[\"\u201d]?)?)(?=\s?[:.](?:\s|$))")  # comma in it: "..., chargé des ...")
#: An office after a comma, in capitals like the name, the label alone on its line (``JOSÉ ROSAS AISPURO,
#: GOBERNADOR DE DURANGO``, as the stenographic versions of Mexico's presidency print a speaker).
ROLE_ALONE = re.compile(r",\s+(?P<role>[^\W\d_](?:[^\W\d_]|[ \t,'\u2019-])*?)[ \t]*$", re.M)
#: An office, a comma and the name (a title written short before it), the label alone on its line, as Poland's
#: committee records print a guest (``Przedstawiciel Prezydenta RP, prof. Michał Pietrzak``).
OFFICE_NAME = re.compile(r"(?P<office>[^\W\d_][^,:;.()\n]{2,60}?),[ \t]+(?:(?P<short>[^\W\d_]{1,5}\.?)[ \t]+)?"
                         r"(?P<name>[^\W\d_a-z][\w'\u2019\-]+(?:[ \t][^\W\d_a-z][\w'\u2019\-]+){1,3})[ \t]*$")
#: A forename after the surname, behind a title written small (Chile's ``ZALDÍVAR, don Andrés``).
GIVEN_AFTER = re.compile(r",\s+(?P<title>[^\W\d_A-Z]{2,4})\s+[^\W\d_a-z][\w'\u2019\-]+(?=\s*[(.:,])")
#: A gloss in brackets after the name (``Chebrikov [KGB chairman].``).
GLOSS = re.compile(r"\s+\[(?P<words>[^\[\]\n]{1,40})\]")
#: The longest label read.
MAX_LABEL = 160
MAX_NAME_WORDS = 7
#: An article elided before a capital, as French and Italian write it ("l’Avocat général", "d'Estaing").
ELIDED = re.compile(r"^[A-Za-z]['\u2019](?=[^\W\d_])")


@dataclass(frozen=True)
class Label:
    """A label as it reads: ``printed`` with its lead and punctuation, ``name`` the words that name the speaker
    (without titles, parties and punctuation; the office alone when no name is printed), ``end`` where the speech
    begins, ``punct`` one of ``colon``, ``stop``, ``dash``, ``none`` (alone on its line); ``caps`` when the name is in
    capitals, ``titled`` when it opens with a title or office, ``question``/``answer`` for the letters and words
    of a questioner and an answer (``Q:``, ``A.``); ``number`` a paragraph number glued before it."""

    printed: str
    name: str
    end: int
    punct: str
    caps: bool
    titled: bool
    words: int
    abbreviated: bool = False  # it opens with a title written short ("Mr.", "M.", "Sr.", "Abg.")
    title_first: bool = False  # it opens with a title or an office ("De voorzitter", not "OFFICE ... DIRECTOR X")
    question: bool = False
    answer: bool = False
    number: str = ""
    parens: tuple[str, ...] = ()
    role: str = ""
    time: str = ""  # a clock time printed before it
    names: int = 0  # how many words of a name it holds, besides titles
    caps_names: bool = False  # the name's words are in capitals ("Mr. JONES.")
    alone: bool = False  # nothing follows it on its line
    asked: str = ""  # the number of the question or speech it opens ("Q1 Chair:", "Anf. 12 Talmannen:")

    @property
    def style(self) -> tuple[str, bool]:
        """What labels of one document share: their punctuation and whether they are in capitals."""
        return self.punct, self.caps


def _caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _initial(word: str) -> bool:
    """``A.``, ``П.``, ``A.I.``, ``J.-P.``."""
    return bool(re.fullmatch(r"(?:[^\W\d_]{1,2}\.(?:-[^\W\d_]\.)?)+", word)) and word[0].isupper()


def read(text: str, vocabulary: Vocabulary) -> Label | None:
    """The label a paragraph opens with, as it reads, or None. Only its first line is read (and each line once
    per language: the readers ask again and again), and the next where the first is a title's word alone, which
    hard-wrapped text leaves at the end of a line (``El`` over ``Presidente Senador X: ...``)."""
    lines = text.split("\n", 2)
    first = lines[0]
    if len(lines) > 1 and wrapped_title(first, lines[1], vocabulary):
        first = first + "\n" + lines[1]
    code = vocabulary.language.code
    glued = GLUED_INITIALS.match(first)
    if glued and glued.group("label").isupper() and (glued.group("stop") or not first[glued.end():][:1].isspace()):
        # "ШУФРИЧ Н.І.Дякую.", "ШУФРИЧ Н.І.. Пані": the label read as if set apart, its end where the speech begins
        label = _set_apart(first, glued.group("label"), " ", glued.end(), code)
        if label:
            return label
    caps = GLUED_CAPS.match(first)
    if caps and caps.group("label").isupper() and (first[caps.end()].isupper() or first[caps.end()] in "\u00bf\u00a1"):
        label = _set_apart(first, caps.group("label"), ": ", caps.end(), code)
        if label:
            return label
    angle = ANGLE_LABEL.match(first)
    if angle and angle.group("label").lower() not in HTML_TAGS:
        # "<Miguel> Sim, concedida.": the label read as if a colon ended it, its end after the bracket
        return _set_apart(first, angle.group("label"), ": ", angle.end(), code)
    bold = BOLD_LABEL.match(first)
    if bold:  # "**Macron :** Bonjour": the label read without the asterisks, its end after the closing pair
        inner = bold.group("label")
        label = _read_line((inner + first[bold.end():])[:MAX_LABEL + 20], code)
        if label and not inner[label.end:].strip() and label.end >= len(inner.rstrip()):
            return replace(label, end=bold.end(), alone=not first[bold.end():].strip())
        return None
    return _read_line(first[:MAX_LABEL + 20], code)


def _set_apart(first: str, inner: str, gap: str, end: int, code: str) -> Label | None:
    """The label ``inner`` (the first ``end`` characters of ``first`` as printed) read as if ``gap`` (a space, a
    colon and a space) parted it from the speech after it, where the label it makes is ``inner`` whole."""
    label = _read_line((inner + gap + first[end:])[:MAX_LABEL + 20], code)
    if label and label.end == len(inner) + len(gap.rstrip()):
        return replace(label, printed=first[:end], end=end)
    return None


#: A surname in capitals and its initials, the speech glued to them or a second full stop after them, as typists of
#: Ukraine's and Russia's committee stenograms slip (``ШУФРИЧ Н.І.Дякую.``, ``ШУФРИЧ Н.І.. Пані ...``).
GLUED_INITIALS = re.compile(r"(?P<label>[^\W\d_]{2,}(?:-[^\W\d_]{2,})?[ \t]+(?:[^\W\d_]\.){1,3})(?P<stop>\.?)"
                            r"(?=[ \t]|[^\W\d_])")
#: A label in capitals, two words or more, its colon glued to the speech (a stenographic version taken from a web
#: page: ``PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR:Buenos días.``): the speech begins with a capital or an opening
#: mark.
_CAP = r"[^\W\d_a-z\u00df-\u00ff]"  # (a letter not in lower case: the label's isupper() says the rest)
GLUED_CAPS = re.compile(rf"(?P<label>{_CAP}(?:{_CAP}|[.'\-])*(?:[ \t]+{_CAP}(?:{_CAP}|[.'\-])*){{1,7}})"
                        r":(?=[^\W\d_]|[\u00bf\u00a1])")
#: A voice in angle brackets before what it says, as a chat's log and transcripts typed after it set each speaker
#: (``<Miguel> Sim, concedida.``, ``<Livia> **Então tô gravando.**``).
ANGLE_LABEL = re.compile(r"<(?P<label>[^\W\d_a-z][\w .'\u2019\-]{0,40}?)>(?=[ \t]|$)")
#: The tags of HTML a text saved from a page may keep (``<BR>``, ``<P>``): no voice in angle brackets.
HTML_TAGS = frozenset("a abbr b big blockquote br center code dd div dl dt em font h1 h2 h3 h4 h5 h6 hr i img li ol p "
                      "pre s small span strike strong sub sup table tbody td th thead tr tt u ul".split())
#: A label set in bold as Markdown types it, the bold run the label and nothing else (``**Marie-Sophie :**``).
BOLD_LABEL = re.compile(rf"(?P<mark>{BOLD_MARKS})(?=\S)(?P<label>[^*_\n]{{1,80}}?)(?<=\S)(?P=mark)")


def wrapped_title(line: str, below: str, vocabulary: Vocabulary) -> bool:
    """Whether a line is the first word of a title that goes on at the start of the line below it (``El`` over
    ``Presidente Senador X:``): hard-wrapped text that broke a label after its article."""
    if " " in line.strip() or not line.strip():
        return False
    title = vocabulary.title_re.match(line.strip() + "\n" + below)
    return bool(title) and title.end() > len(line.strip()) + 1


@lru_cache(maxsize=8192)
def _read_line(line: str, code: str) -> Label | None:
    return _read(line, vocabulary_of(code))


#: A participant known by a number, as interview studies anonymise them and transcription software names the
#: voices it hears (``Speaker 1:``, ``Utente 2:``, ``Participant 12:``, ``P3:``, ``SPEAKER_00:``): a word or two and a
#: number; a remark in parentheses after it, as after a name (``E1 (probe):``, ``Speaker 2 (translated):``).
_NUMBERED_NAME = (r"(?P<name>[^\W\d_][\w'\u2019\-]*(?:[ \u00a0][^\W\d_][\w'\u2019\-]*)?(?:[ \u00a0_]\d{1,3}|"
                  r"(?<=^[^\W\d_])\d{1,3}|(?<=^[^\W\d_]{2})\d{1,3}))")
NUMBERED = re.compile(_NUMBERED_NAME + r"(?:[ \u00a0]\((?P<remark>[^()\n]{1,40})\))?[ \u00a0]?:(?=\s|$)")
#: Such a participant in square brackets, alone on its line over what the voice says, as transcription services set
#: the voices they tell apart (TurboScribe's ``[Speaker 2]``).
BRACKETED_NUMBERED = re.compile(r"\[" + _NUMBERED_NAME.replace("(?<=^", "(?<=^\\[") + r"\][ \t]*$", re.M)


def _read(line: str, vocabulary: Vocabulary) -> Label | None:
    lead = vocabulary.lead_re.match(line)
    pos = lead.end()
    number = lead.group("number") or ""
    time = lead.group("time") or ""
    numbered = (NUMBERED.match(line, pos) or BRACKETED_NUMBERED.match(line, pos)) if not number else None
    if numbered and numbered.group("name")[:1].isupper():
        name, end = numbered.group("name"), numbered.end()
        caps, words = _caps(name.split()[0]), len(name.split())
        colon = numbered.re is NUMBERED
        return Label(printed=line[pos:end].rstrip(), name=name, end=end, punct="colon" if colon else "none",
                     caps=caps, titled=False, words=words, question=False, answer=False, number="",
                     parens=tuple(filter(None, [numbered.groupdict().get("remark")])), role="", abbreviated=False,
                     time=time.strip(), title_first=False, names=words, caps_names=caps,
                     alone=not line[end:].split("\n", 1)[0].strip(), asked="")
    office = OFFICE_NAME.match(line, pos)
    if office and not number and not time and vocabulary.title_re.match(office.group("office")):
        short = office.group("short") or ""
        titled = short.rstrip(".").lower() in vocabulary.abbreviations
        name = office.group("name") if titled or not short else f"{short} {office.group('name')}"
        return Label(printed=line[pos:office.end()].rstrip(), name=name, end=office.end(), punct="none", caps=False,
                     titled=True, words=len(name.split()), abbreviated=titled, title_first=True,
                     role=office.group("office"), names=len(name.split()), alone=True)
    asked = QA.match(line, pos)
    if asked and line[asked.end():asked.end() + 1] == "(" and asked.group("punct") == " " and not (
            vocabulary.events_re and vocabulary.events_re.match(line, asked.end() + 1)):
        asked = None  # before parentheses, only what the room heard: "Q (Inaudible.)", not "A (partial) list"
    if asked and (asked.group("word") in vocabulary.questions or asked.group("word") in vocabulary.answers):
        word = asked.group("word")  # "Q.", "A:", "QUESTION:", "Q" alone on its line
        mark = asked.group("punct")
        punct = "none" if not mark.strip() and "\n" not in line and not line[asked.end():].strip() else \
            "colon" if ":" in mark else "stop" if "." in mark else "space"
        end = asked.end("word") if punct == "space" else asked.end()  # (the spaces part label and speech)
        return Label(printed=line[len(time) if not number else pos:end].rstrip(), time=time.strip(),
                     name=word, end=end, punct=punct, caps=word.isupper(), titled=False, words=1,
                     question=word in vocabulary.questions, answer=word in vocabulary.answers, number=number,
                     alone=punct == "none")
    titles: list[str] = []
    names: list[str] = []
    particles: list[str] = []
    order: list[str] = []  # every word read, in order
    caps_mode: bool | None = None
    while pos < len(line) and len(titles) + len(names) + len(particles) < MAX_NAME_WORDS + 3:
        title = vocabulary.title_re.match(line, pos)
        word = WORD.match(line, pos)
        if title and names and word and title.end() == word.end() and (
                not title.group().endswith(".") or not _abbreviation(title.group(), vocabulary)):
            title = None  # a title's word inside or at the end of a name is the name's ("MADELEINE KING", "Martin
            # Luther King", "John Major:"); after a name's word, the office a body names ("Committee Secretary:")
        if title and (not word or title.end() >= word.end() or line[title.end():title.end() + 1] in ".:"
                      or not names):
            token, kind = title.group(), "title"
        elif word:
            token = word.group()
            elided = ELIDED.match(token)
            if elided and elided.group().replace("\u2019", "'").lower() in vocabulary.particles:
                token = elided.group()  # "l’Avocat général": the article, then the office
            core = token.rstrip(".")
            if _initial(token):
                kind = "initial"
            elif core[0].isupper():
                kind = "name"
                caps = _caps(core)
                short = caps and len(core) <= 3  # "HR Haldeman": initials in capitals before a name
                if caps_mode is None and not short and (caps or len([c for c in core if c.isalpha()]) >= 2):
                    caps_mode = caps
                elif caps_mode is not None and caps != caps_mode and len(core) > 1 and not (
                        caps_mode and particles and order[-1] == particles[-1]):
                    break  # "РУБЕЖАНСКИЙ П. Н. Спасибо": the name in capitals has ended (not the place a member
                    # is named by after a particle: "Mr. SMITH of Texas", "Herr JOHNSSON i Stockholm")
            elif core.lower().replace("\u2019", "'") in vocabulary.particles or \
                    core.lower().rstrip("'\u2019") in vocabulary.particles:
                kind = "particle"
            else:
                break
        else:
            break
        if not (titles or names or particles) and not token[:1].isupper():
            break  # a label opens with a capital
        end = pos + len(token)
        order.append(token)
        if kind == "title":
            titles.append(token)
        elif kind == "particle":
            particles.append(token)
        else:
            names.append(token)
        if len(names) > MAX_NAME_WORDS:
            return None
        pos = end
        rest = line[pos:]
        # What follows the word: the label's punctuation, an office, parentheses, a gloss, or more of the name.
        closing = _closing(line, pos, names, titles, particles, token, kind, caps_mode, vocabulary)
        if closing is not None:
            end, punct, parens, role = closing
            return _make(line, line, lead, number, titles, names, caps_mode, end, punct, parens, role, vocabulary,
                         bool(titles) and order[0] == titles[0])
        if not rest[:1].isspace() and not (kind == "particle" and token[-1:] in "'\u2019"):
            break  # (an elided article goes on with no space: "l’Avocat")
        pos += len(rest) - len(rest.lstrip(" \t\u00a0\n"))  # (a newline only after a title's word alone: read)
    last = order[-1] if order else ""
    if (titles or names) and not line[pos:].strip() and "\n" not in line and _alone_ok(names, titles, particles) \
            and not (last in titles and _abbreviation(last, vocabulary)):  # not "But Mr." at a line's end
        end = len(line.rstrip())
        return _make(line, line, lead, number, titles, names, caps_mode, end, "none", (), "", vocabulary,
                     bool(titles) and order[0] == titles[0])
    return None


def _alone_ok(names: list[str], titles: list[str], particles: list[str]) -> bool:
    """A label alone on its line holds a name or an office and does not end on a lower-case word."""
    return bool(names or titles) and not (particles and not names and not titles)


def _closing(line: str, pos: int, names: list[str], titles: list[str], particles: list[str], token: str,
             kind: str, caps_mode: bool | None, vocabulary: Vocabulary
             ) -> tuple[int, str, tuple[str, ...], str] | None:
    """Where the label ends after the word that ends at ``pos``: (end, punct, parentheses, office), or None when
    the name goes on (or the line is no label)."""
    alone = COLON.match(line, pos) if kind == "initial" and names == [token] and not titles else None
    if alone and _boundary(line, alone.end()):
        return alone.end(), "colon", (), ""  # initials alone before a colon: "А.Б.:", "М.А.У.:"
    if token.endswith(".") and line[pos:pos + 1] != ",":  # (an initial before an office: "Павлов Н. А., ...")
        nxt = WORD.match(line, pos + 1) if line[pos:pos + 1] == " " else None
        if kind == "title" and _abbreviation(token, vocabulary):
            return None  # "Dr." "Mr." "M." "O Sr.": the name follows; a label never ends on them
        if kind == "initial" and nxt and _goes_on(nxt.group(), caps_mode, vocabulary):
            return None  # "A. I. Mikoyan", "П. Н." before more of the name
        dash = DASH_AFTER.match(line, pos)
        if dash:
            return dash.end(), "stop", (), ""
        if _boundary(line, pos):
            return pos, "stop", (), ""
        return None
    parens: list[str] = []
    role = ""
    at = pos
    gloss = GLOSS.match(line, at)
    if gloss:
        at = gloss.end()
    given = GIVEN_AFTER.match(line, at) if caps_mode else None
    if given and vocabulary.title_re.fullmatch(given.group("title")):
        at = given.end()  # a forename after the surname in capitals: "El señor ZALDÍVAR, don Andrés (Presidente).-"
    m = ROLE.match(_office_stops(line, at, vocabulary), at) if line.startswith(",", at) else None  # (ROLE opens
    # with a comma: the line is looked at again only where an office may follow)
    office = line[m.start("role"):m.end("role")] if m else ""
    if m and _office(office, vocabulary) and not (
            line[m.end():].lstrip().startswith(".") and _abbreviation(office.split()[-1], vocabulary)):
        # (not "Bitte, Herr Abgeordneter Dr. Khol": an office does not end on a title's full stop)
        role, at = office, m.end()
    elif m and office.lower() in vocabulary.saying:
        at = m.end()  # "Herr statsrådet STRÄNG, som yttrade:": the words that he speaks, no office of his
    elif caps_mode and len(names) >= 2 and (alone := ROLE_ALONE.match(line, at)) and alone.group("role").isupper() and \
            _office(alone.group("role"), vocabulary):
        return alone.end(), "none", (), alone.group("role")
    while len(parens) < 2:
        p = PARENS.match(line, at)
        if not p:
            break
        parens.append(p.group("words"))
        at = p.end()
    colon = COLON.match(line, at)
    if colon and _boundary(line, colon.end()):
        return colon.end(), "colon", tuple(parens), role
    stop = STOP.match(line, at)
    if stop and _boundary(line, stop.end()) and (at > pos or stop.group().startswith(" ") or stop.group() != "."):
        return stop.end(), "stop", tuple(parens), role  # "Collombat .  -", "Cazeneuve, Premier ministre .  -"
    dash = DASH_END.match(line, at)
    if dash:
        return dash.end(), "dash", tuple(parens), role  # "O SR. PRESIDENTE (Fulano) \u2013 Está aberta"
    if parens and not line[at:].strip():
        return at, "none", tuple(parens), role  # "Angela Gorr (CDU)" alone on its line
    return None


#: A word written short, its full stop and the word after it (``Parl. Staatssekretär``).
SHORT_BEFORE = re.compile(r"(?<![\w.])([^\W\d_]{1,6})\.(?=[ \t]+(\S+))")


def _office_stops(line: str, at: int, vocabulary: Vocabulary) -> str:
    """``line`` with the full stop of an office's word written short before another office's word (the German
    parliaments' ``Dr. de With, Parl. Staatssekretär beim Bundesminister der Justiz:``) made a letter's dot that
    ends no office (U+2024), so that :data:`ROLE` reads the office whole; the same length, the same places. A
    title's full stop before a name stays (``Bitte, Herr Abgeordneter Dr. Khol``: the person spoken to)."""
    def masked(m: re.Match) -> str:
        office = vocabulary.title_re.fullmatch(m.group(2).rstrip(":,"))
        return m.group(1) + "\u2024" if office and m.group(1).lower() in vocabulary.abbreviations else m.group(0)

    return line[:at] + SHORT_BEFORE.sub(masked, line[at:])


def _abbreviation(title: str, vocabulary: Vocabulary) -> bool:
    """A title written short, whose full stop is no label's end (``Dr.``, ``MR.``, ``O Sr.``, ``Abg.``; not
    ``PRESIDENTE.``, ``ИЗ ЗАЛА.``): its last word is one of the language's abbreviations."""
    return title.rstrip(".").split()[-1].lower() in vocabulary.abbreviations


def _name_words(printed: str, names: list[str], titles: list[str]) -> str:
    """The words that name the speaker: from the first word of the name to its last, particles inside kept (``Van
    der Ham``), without titles; the office alone when no name is printed (``El señor presidente``)."""
    body = re.sub(r"\s*\([^()]*\)|\s*\[[^\[\]]*\]|,.*$", "", printed)
    body = re.sub(r"\s*[.:]?\s*[-\u2013\u2014]?\s*$", "", body).strip(" '\u2018\u201c\"\u00b7\u2022")
    if names:
        first, last = (n if _initial(n) else n.rstrip(".") for n in (names[0], names[-1]))
        i = body.find(first)
        j = body.rfind(last)
        if i >= 0 and j >= i:
            words = body[i:j + len(last)]
            return words if _initial(last) else words.rstrip(".")
        return " ".join(names)
    return body.rstrip(".")


def _goes_on(word: str, caps_mode: bool | None, vocabulary: Vocabulary) -> bool:
    core = word.rstrip(".")
    if _initial(word):
        return True
    if not core[:1].isupper():
        return core.lower() in vocabulary.particles
    return caps_mode is None or _caps(core) == caps_mode


def _office(words: str, vocabulary: Vocabulary) -> bool:
    """An office after a comma (``Premier ministre``, ``Staatssekretär beim Bundesminister der Finanzen``,
    ``фракция "Родина"``), not speech (``good afternoon to you``) nor an address (``Danke, Herr Roolf``): it
    opens with a title of the language, a word a title holds or a capital, and most of its words are capitalised
    or words a title holds."""
    ws = re.sub(r"\([^()]*\)", "", words).split()
    title = vocabulary.title_re.match(words)
    if not ws or len(ws) > (14 if title else 8):  # ("Ministro per i rapporti con il Parlamento e le riforme ...")
        return False
    if title:  # an office, unless it is a title and a name (of three words at most): the person spoken to
        rest = [w for w in words[title.end():].split() if w]  # ("MINISTER FOR RESOURCES AND MEMBER FOR BRAND")
        return not (rest and len(rest) <= 3 and all(w[:1].isupper() for w in rest)
                    and not vocabulary.title_re.match(rest[0]))
    if ws[0].lower() in vocabulary.particles:
        return True
    if not ws[0][:1].isupper():
        return False
    if len(ws) == 1:  # a compound that ends in an office of the language ("Kultusminister", "Justizministerin")
        return any(len(t) >= 6 and ws[0].lower().endswith(t.lower()) for t in vocabulary.titles)
    fitting = sum(1 for w in ws if w[:1].isupper() or w.lower() in vocabulary.particles)
    return fitting * 3 >= len(ws) * 2


def _boundary(line: str, at: int) -> bool:
    return at >= len(line) or line[at].isspace() or line[at] in "\u2026\u2014\u2013-\"'\u201c\u2018"


def _make(text: str, line: str, lead: re.Match, number: str, titles: list[str], names: list[str],
          caps_mode: bool | None, end: int, punct: str, parens: tuple[str, ...], role: str,
          vocabulary: Vocabulary, title_first: bool = False) -> Label | None:
    if not names and not titles:
        return None
    start = lead.end() if number else len(lead.group("time") or "")
    printed = line[start:end].rstrip()
    name = _name_words(line[lead.end():end], names, titles)  # (not a question's number: "Q1 Chair:")
    first = (titles or names)[0].rstrip(".")
    question = not names and first in vocabulary.questions or (not titles and name in vocabulary.questions)
    answer = not names and first in vocabulary.answers or (not titles and name in vocabulary.answers)
    caps = bool(caps_mode) or (not names and all(_caps(t) for t in titles))
    return Label(printed=printed, name=name, end=end, punct=punct, caps=caps, titled=bool(titles),
                 words=len(names) + len(titles), question=question, answer=answer, number=number, parens=parens,
                 role=role, abbreviated=bool(titles) and _abbreviation(titles[0], vocabulary),
                 time=(lead.group("time") or "").strip(), title_first=title_first,
                 names=len(names), caps_names=bool(names) and all(_caps(n) or _initial(n) for n in names),
                 alone=not line[end:].strip(), asked=lead.group("asked") or "")
