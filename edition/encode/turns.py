"""Reading a record's body: speaker turns (labels as printed, resolved against the registry), paragraphs, lists,
quoted passages, omissions, footnotes and source notes, with paragraphs joined across page breaks."""

from __future__ import annotations

import re
from collections import Counter
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from ..conventions import GAP_RE
from . import front_matter
from . import labels as forms
from .dates import find_date, find_time
from .header_block import roster
from .language import current as language
from .lines import LEADING_MARKS, MARK_RE
from .profile import current
from .records import Block, Item, Turn, unwrap
from .registry import NOT_GIVEN, Registry
from .report import Report

#: A source note's start: ``[Source:``, ``Source:``, a publication's numbered first footnote ``1. Source:`` or a
#: list's ``- Source:``.
SOURCE_START_RE = re.compile(r"^(?:(?P<n>\d{1,3})\.\s+|[-\u2022]\s+)?\[?Sources?:", re.I)

LIST_RE = re.compile(r"^(?P<mark>[-\u2013\u2022]|\*(?=\s))\s+")

NUMBER_RE = re.compile(r"^(?P<n>\d{1,3})\.\s+(?=\S)")

FOOTNOTE_RE = re.compile(r"^\[(?P<n>\d{1,3})\]\s+")

DELIVERY_RE = re.compile(r"^\((?P<remark>[a-z][^()]{0,48})\)\s+(?=\S)")

LABEL_RE = re.compile(
    r"^(?:\[(?P<supp>[A-Z][^\[\]\n]{0,40})\]\s+|\u00b7|(?P<num>\d{1,3})(?=[A-Z]))?"  # a supplied name, a speck OCR
    # read before the label, or a paragraph number glued to it ("3Bush:")
    r"(?P<name>(?:(?i:Mr|Mrs|Ms|Dr|Lt|Gen|Col|Adm|Amb|Sen|Rep|Gov|Prof|Rev|Capt|Maj)\.\s+|(?:[A-Z]\.){1,3}\s*)*"
    r"[A-Z][\w'’\-]*(?:\.[a-z][\w'’\-]*)?"  # (OCR may set a full stop inside a word: "Pr.esident")
    r"(?:\s+(?:[A-Z][\w'’\-]*(?:\.[a-z][\w'’\-]*)?|of|the|de|von|van|bin|al-[\w'’\-]+"
    r"|(?:\([A-Z][\w'’\-]*\)|[\"“][A-Z][\w'’\-]*[\"”])(?=\s+[A-Z]))){0,3}?)"  # a nickname before the
    # surname: "Elizabeth (Jake) Feinler", "James “Jim” Hale" (not a party's "(D-Ohio)" after it)
    # a gloss in brackets ("Chebrikov [KGB chairman]."), a remark on delivery ("The President (spoke in Arabic):")
    r"(?:\s+\[(?P<gloss>[^\[\]\n]{1,40})\]|\s+\((?P<remark>[a-z][^()\n]{0,40})\))?"
    r"(?P<punct>\s?:|\.)(?=\s|$|(?<=:)[\u2026\u2014])"  # OCR may set a space before the colon: "KISSINGER :";
    # a colon may run on into an ellipsis or a dash ("K:… But")
)
#: A label supplied whole by the editors: ``[M.S. GORBACHEV.]``.
SUPPLIED_LABEL_RE = re.compile(r"^\[(?P<label>(?:[A-Z]\.\s?){0,3}[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}[.:])\](?=\s)")

#: A page of a parliament's record and its quarters (``1840 B, C, D,`` the list going on on the next line; ``1860*B``
#: in the annex).
_PAGES = r"\d{1,5}\s?\*?\s?[A-D]?(?:,\s*(?:\d{1,5})?\s?\*?\s?[A-D]?)*,?\s*$"

#: The end of a table of contents' entry or a running head: its page (``5061D``, ``. . . 5644B, C``, ``. . .  17881
#: B``, ``\t5643``, ``BMVg . 1847 A, B,``): never a speaker's label, nor a title.
TOC_ENTRY = re.compile(r"(?:\.\s?\.\s?\.|\s\.\s|\t|\s{2,})\s*" + _PAGES +
                       r"|\s\d{3,5}\*?[A-D](?:,\s*(?:\d{1,5})?[A-D]?)*,?\s*$")

#: A table of contents' entry inside a block: dot leaders and a page (an agenda item of a parliament's record,
#: ``Bundeskanzlerin: Ausgang ...`` over ``Dr. Angela Merkel, Bundeskanzlerin . . . . 17881 B``).
LEADERS = re.compile(r"\.\s?\.\s?\.\s?\.[\s.]*" + _PAGES, re.M)

#: A speech opened by a dialogue dash, as Russian, French, Spanish or Italian print the words of a speaker the text
#: does not name (``– Сергей Михайлович, здравствуйте.`` before ``МИРОНОВ: Здравствуйте.``: an interviewer's).
DIALOGUE = re.compile(r"^[\u2013\u2014][ \u00a0](?=[^\W\d_a-zа-яё])")

#: Words that open a paragraph as ``First.`` or ``Note:`` without being speakers.
NOT_SPEAKERS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth firstly secondly thirdly finally "
    "lastly next then yes no well now so also thus therefore however moreover note notes source sources "
    "translator comment remark ps mr mrs ms dr item point question answer summary conclusion"
    .split()
)
#: The fields of a memorandum's header block (``SUBJECT:``, ``DATE AND TIME:``, ``Notetakers:``): never a speaker,
#: in whatever words the field goes on.
HEADER_WORDS = frozenset(
    "subject subjects participant participants attendees present date time place notetaker notetakers note-taker "
    "interpreter interpreters recorder recorders drafted cleared distribution classification classified".split()
)

#: Titles before a name in a label, which "Mr. Brown" and "Mr. George Brown" share.
HONORIFICS = frozenset("Mr Mrs Ms Miss Dr Sir Dame Lord Lady".split())

#: A title and a name, as a label stands in a text without punctuation (``The President``, ``Chancellor Kohl``,
#: OCR's ``Chan\u00b7cellor Kohl``), or a surname in capitals (``GORBACHEV``), before the capital that opens the
#: speech.
_BARE = r"(?:(?P<title>[A-Z][a-z\u00b7]+)\s+(?P<name>[A-Z][\w\u00b7'\-]+)|(?P<caps>[A-Z][A-Z'\-]{2,}))"
BARE_LABEL_RE = re.compile(r"(?<![\w\u00b7])" + _BARE + r"(?=\s+[A-Z])")
#: The same at the start of a block.
BARE_START = re.compile(r"^" + _BARE + r"\s")
TITLE_WORDS = frozenset("The Mr Mrs Ms Dr Chancellor President Premier Secretary Minister General Ambassador Chairman "
                        "King Queen Senator Governor".split())


def bare_name(m: re.Match) -> str:
    if m.group("caps"):
        return m.group("caps")
    return f"{m.group('title')} {m.group('name')}".replace("\u00b7", "")


def bare_labels(text: str, registry: Registry | None = None) -> frozenset[str]:
    """The speaker labels of a text whose punctuation OCR has stripped (no colon in it, hardly a full stop): a title
    and a name that stand before a capital at least twice, or a surname in capitals that does and names a person
    of the registry or of the text's opening words (``Conversation between Mikhail Gorbachev and George Bush ...
    GORBACHEV One has to``). Empty for a text with punctuation."""
    if ":" in text or text.count(".") * 500 > len(text):
        return frozenset()
    opening = text[:300].lower()
    counts = Counter(bare_name(m) for m in BARE_LABEL_RE.finditer(text)
                     if (m.group("title") or "").replace("\u00b7", "") in TITLE_WORDS or (
                         m.group("caps") and (m.group("caps").lower() in opening.replace(m.group("caps").lower(), "", 1)
                                              or (registry and registry.resolve_label(m.group("caps").title())[0]))))
    return frozenset(name for name, n in counts.items() if n >= 2)


TERMINAL = tuple(".!?:;\u2026\"\u201d\u2019)]*")

#: Pages of the source publication printed right before a speaker label, with no space (``[Page 283]R:``).
PAGES_BEFORE = re.compile(r"^(?:\[Page \d{1,5}\])+(?=\S)")
PAGE_NUMBER = re.compile(r"\[Page (\d{1,5})\]")

#: A rule across the page, as a transcript may set one between speakers' turns (``---``).
RULE = re.compile(r"[-=_*~\u2013\u2014]{3,}")

#: A block that is nothing but page markers of the source publication (``[Page 358]``).
PAGE_ONLY = re.compile(r"\[Page \d{1,5}\](?:\s*\[Page \d{1,5}\])*")
LIST_REND = {"-": "dash", "\u2013": "endash", "\u2022": "bullet", "*": "asterisk"}


def read_label(text: str) -> tuple[re.Match | None, forms.Label | None]:
    """The label a line opens with, in the two readings: the pattern of the records of conversations
    (:data:`LABEL_RE`), and the reading of every genre's and language's forms (:mod:`.labels`), of which the
    longer wins (``Präsident Dr. Heinrich Neisser:`` over ``Präsident Dr.``): ``(match, None)`` or ``(None,
    label)``, or ``(None, None)`` for none."""
    m = LABEL_RE.match(_first_line(text))
    label = forms.read(text, language())
    if _credit(label, text):
        return None, None
    if label and (m is None or label.end > m.end() or label.question or label.answer):
        return None, label
    return m, None


def colon_label(line: str) -> str | None:
    """The name of the label a line opens with, if the label ends with a colon (``P:``, ``KISSINGER :``)."""
    m, label = read_label(line)
    if label:
        return label.name if label.punct == "colon" else None
    return m.group("name") if m and m.group("punct").strip() == ":" else None


@dataclass(frozen=True)
class Found:
    """A speaker label accepted at the start of a paragraph: the name it gives (and a name the editors supplied),
    the label as printed, where the speech begins, the evidence it was accepted on; its punctuation (``colon``,
    ``stop``, ``none``), and a paragraph number printed glued before it (``2Gorbachev:``)."""

    name: str
    supplied: str
    printed: str
    end: int
    evidence: str
    punct: str = ""
    number: str = ""
    section: bool = False  # printed after a parliament's section mark (Hansard's "\u00a7 Mr. Brown")
    time: str = ""  # a clock time printed before the label ("006:09:17 Duke:")


def _punct(m: re.Match) -> str:
    return "colon" if m.group("punct").strip() == ":" else "stop"


class LabelCounts(Counter):
    """How often each possible label opens a block in the whole transcript (a label used once is doubtful), by its
    name; and the document's label styles: the punctuation of its labels (``colon``, ``stop``, ``none`` for a
    label alone on its line) that a label recurs with, or that two labels or more share that open with a title or
    office or are in capitals (``M. le président.  -``, ``M. Pierre-Yves Collombat .  -``)."""

    def __init__(self) -> None:
        super().__init__()
        self.puncts: dict[str, str] = {}
        self.strong: set[str] = set()  # the names whose label opens with a title or office, or is in capitals
        self.titled: set[str] = set()  # the names whose label opens with a title or an office, or gives a party
        self.lower: frozenset[str] = frozenset()  # the words the text writes in lower case
        self.registry: Registry | None = None
        self._common: dict[str, bool] = {}
        self.forms: Counter[tuple[str, str]] = Counter()  # (name, punctuation): how often a label recurs as printed
        self.alone: Counter[str] = Counter()  # labels that stand alone on their line
        self.shouting = False  # the text is in capitals
        self.short_forms: set[str] = set()  # the short forms labels give in parentheses ("Die Zeit (Zeit):")
        self.opening: set[str] = set()  # the capitalised words of the record's opening, lower case
        self.named: set[str] = set()  # those of its words written as a name is ("Rutte", not "SECRET"), lower case
        self.roles: Counter[tuple[str, str]] = Counter()  # labels that are a field's name for a person's role
        self.ruled: Counter[str] = Counter()  # labels alone on their line in capitals, right under a rule ("---")
        self.asked = False  # a paragraph opens with a question's mark ("Q.", a court reporter's line number aside)

    def styles(self) -> Counter[str]:
        """The styles of the document's labels, with the number of names that show each. A label alone on its
        line shows its style only by recurring (a heading or a banner in capitals stands alone too)."""
        if getattr(self, "_styles", None) is None:
            self._styles = self._count_styles()
        return self._styles

    def _count_styles(self) -> Counter[str]:
        recurring = Counter(punct for (_name, punct), n in self.forms.items() if n >= 2)
        strong = Counter(self.puncts[name] for name in self.strong if name in self.puncts and
                         (self.puncts[name] != "none" or name in self.titled))
        return Counter({punct: max(recurring[punct], strong[punct] if strong[punct] >= 2 else 0)
                        for punct in set(recurring) | set(strong)})

    def names_in_capitals(self) -> bool:
        """Whether the document prints its speakers' names in capitals before a full stop: three names or more so
        (``Mr. MICA.``: the surname's capitals, a ``Mc`` aside), and no name in small letters without a title
        recurs as often as the most frequent of them."""
        if getattr(self, "_capitals", None) is None:
            def big(name: str) -> bool:
                return _capitals(name.split()[-1].replace("Mc", "MC"))

            stops = [(name, n) for (name, punct), n in self.forms.items() if punct == "stop"]
            capitals = [n for name, n in stops if big(name)]
            small = [n for name, n in stops if n >= 2 and not big(name) and name not in self.titled]
            self._capitals = len(capitals) >= 3 and max(small, default=0) < max(capitals)
        return self._capitals

    def common(self, word: str) -> bool:
        """Whether the text writes a word in lower case, and it names nobody of the registry ("right", not
        "major" or "bush")."""
        if word not in self.lower:
            return False
        if word not in self._common:
            self._common[word] = not (self.registry and self.registry.resolve_label(word.title())[0])
        return self._common[word]

    def related(self, name: str, punct: str) -> str:
        """The evidence of the other labels of the document's punctuation for a name's: its surname is another
        label (``Timm:`` and ``Ulrike Timm:``), its initials are one that recurs (``Sandra Stewart Holyoak:`` and
        ``SH:``), or it is one of two names or more in a dialogue (``Krzysztof Czabański:``, ``Lech Kaczyński:``);
        "" where none."""
        names = [n for (n, p) in self.forms if p == punct and n != name]
        last = name.split()[-1]
        if re.fullmatch(r"[^\W\d_]{3,}", last) and any(n.split()[-1].lower() == last.lower() for n in names):
            return "another label of the document gives the same surname"
        words = [w for w in re.findall(r"[^\W\d_]+", name) if w[:1].isupper()]
        initials = (words[0][0] + words[-1][0]).upper() if len(words) >= 2 else ""
        if initials and self.forms[(initials, punct)] >= 2:
            return f"its initials ({initials}) are a label that recurs"
        if len(name) <= 3 and name.isupper() and any(
                len(w := [x for x in re.findall(r"[^\W\d_]+", n) if x[:1].isupper()]) >= 2
                and (w[0][0] + w[-1][0]).upper() == name for n in names):
            return "the initials of another label's name"
        people = {n for n in names if 2 <= len(n.split()) <= 3 and all(w[:1].isupper() for w in n.split())}
        if 2 <= len(name.split()) <= 3 and people and punct != "stop":
            return "a name in a dialogue of names before the same punctuation"
        return ""

    def dialogue(self) -> bool:
        """Whether two labels or more, each alone on its line, recur: a dialogue of such labels (``John Craven``
        and ``P.M.``), not a heading or a banner that a page repeats."""
        return sum(1 for n in self.alone.values() if n >= 2) >= 2


#: How many blocks a transcript opens with, whose names a label may give.
OPENING = 15


def name_key(word: str) -> str:
    """A name's word as labels and a record's opening are matched: its letters, lower case ("kosciuskomorizet" for
    "Kosciusko-Morizet")."""
    return re.sub(r"\W", "", word).lower()


def _opening_words(bs: list[Block]) -> list[list[str]]:
    """The words of each block of a record's opening (a heading, a list of those present), its labels aside."""
    out = []
    for b in bs[:OPENING]:
        label = forms.read(b.text, language())
        out.append(re.findall(r"[^\W\d_][\w'\u2019-]*", b.text[label.end:] if label else b.text))
    return out


def _given_elsewhere(bs: list[Block], surname: str, who: str, registry: Registry) -> str:
    """A forename the record's opening gives before ``surname`` that is not the forename of ``who``, the registry's
    person it was taken for by a near spelling; "" where none."""
    key = name_key(surname)
    for words in _opening_words(bs):
        for k, w in enumerate(words[1:], start=1):
            given = words[k - 1]
            if name_key(w) == key and given[:1].isupper() and given.isalpha() and given.title() not in NOT_GIVEN \
                    and not registry.forename_fits(who, given):
                return given
    return ""


def opening_names(bs: list[Block]) -> set[str]:
    """The capitalised words of a record's opening, as :func:`name_key` gives them: the names it lists."""
    return {name_key(w) for words in _opening_words(bs) for w in words if w[:1].isupper()}


#: An e-mail or a web address, whose words are no words of the text's prose.
ADDRESS_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?://|www\.)\S+")


def label_counts(bs: list[Block], registry: Registry | None = None) -> LabelCounts:
    counts = LabelCounts()
    text = "\n".join(b.text for b in bs)
    # (not the words of an e-mail or a web address: "stefan@example.org" writes no name in lower case)
    prose = ADDRESS_RE.sub(" ", text)
    counts.lower = frozenset(w for w in set(re.findall(r"[^\W\d_][\w'\u2019-]*", prose)) if w.islower())
    letters, capitals = len(re.findall(r"[^\W\d_]", text)), len(re.findall(r"[A-Z\u00c0-\u00de\u0410-\u042f]", text))
    counts.shouting = bool(letters) and capitals >= 0.8 * letters
    counts.registry = registry
    for words in _opening_words(bs):
        counts.opening |= {name_key(w) for w in words if w[:1].isupper()}
        counts.named |= {w.lower() for w in words if len(w) > 1 and w[0].isupper() and w[1:].islower()}
    for k, b in enumerate(bs):
        if b.fw:
            continue  # a running head or foot opens no turn ("CHM Ref: X5378.2009 ...")
        text = NUMBER_RE.sub("", b.text, count=1)
        whole = SUPPLIED_LABEL_RE.match(text)
        m = LABEL_RE.match(whole.group("label") if whole else _first_line(text))
        label = None if whole else forms.read(text, language())
        marked = LEADING_MARKS.sub("", text, count=1)
        asking = label if marked == text else forms.read(marked, language())
        counts.asked = counts.asked or bool(asking and asking.question)
        if label and label.name.lower() in language().person_fields and \
                not NAME_ONLY.fullmatch(text[label.end:].strip().rstrip(".")):  # (not a field: "Interviewer: X Y")
            counts.roles[(label.name, label.punct)] += 1  # "INTERVIEWER:", a field's name too (see _form_evidence)
        if m and not _plausible(m.group("name"), _punct(m), counts):
            m = None
        if label and not (label.question or label.answer) and not _plausible(
                label.name, label.punct, None if label.titled else counts):
            label = None  # (a question's or an answer's mark is one as it stands: "P.-", as the evidence reads it)
        if label and (m is None or label.end >= m.end()):
            counts[label.name] += 1
            counts.forms[(label.name, label.punct)] += 1
            if label.alone:
                counts.alone[label.name] += 1
                if label.caps and k and RULE.fullmatch(bs[k - 1].text.strip().rsplit("\n", 1)[-1]):
                    counts.ruled[label.name] += 1
            counts.puncts[label.name] = label.punct
            if label.titled or label.caps or label.role or label.parens:
                counts.strong.add(label.name)
            counts.short_forms |= {p for p in label.parens if p in label.name.split()}
            if label.title_first or (label.parens and _party(label.parens[-1])):
                counts.titled.add(label.name)
        if m and (label is None or label.end <= m.end()) and (label is None or label.name != m.group("name")):
            counts[m.group("name")] += 1
            counts.forms[(m.group("name"), _punct(m))] += 1
            counts.puncts.setdefault(m.group("name"), _punct(m))
    return counts


def line_label(line: str) -> tuple[str, str, int] | None:
    """The label a line of hard-wrapped text opens with, as (name, punctuation, strength), where it is plausible:
    strength 1 when it opens with a title or an office, gives an office or a party, is in capitals or opens a
    numbered question (``Q3 Sarah Dunmore:``), 2 when it opens with a title and gives an office or a party (``O Sr.
    PRESIDENTE (Marcelo Nilo):-``); a label alone on its line only when it opens with a title or gives a party."""
    if TOC_ENTRY.search(line) or _heading_in_capitals(line):
        return None
    label = forms.read(line, language())
    if label and (label.question or label.answer) and label.punct != "none":
        return label.name, label.punct, 2 if label.punct == "space" else 1  # "PERIODISTA.-", "Q.", "Q (Inaudible.)"
    if label is None or not _plausible(label.name, label.punct) or _field(label.name):
        return None
    if label.punct == "none":  # alone on its line: strong only as a title and a name, or a name and a party
        strong = 1 if label.title_first or bool(label.parens and _party(label.parens[-1])) else 0
        return (label.name, label.punct, strong) if strong else None
    strong = 2 if label.title_first and (label.parens or label.role) else \
        1 if label.titled or label.caps or label.role or label.parens or label.asked else 0
    return label.name, label.punct, strong


def opens_turn(text: str, registry: Registry, candidates: Counter[str]) -> bool:
    """Whether a block opens with a speaker's label the document's evidence accepts."""
    styled = any(count >= 2 for count in candidates.values())
    return _label(text, registry, candidates, styled) is not None


def opens_paragraph(words: str, above: str = "") -> bool:
    """Whether a numbered line opens a paragraph of its own: a speaker's label, a bracket or a parenthesis, a
    dash, a question or an answer. A name and a full stop under a line that ends no sentence (``above``) go on
    with it: "my name is" over "Senator David Valesky.  I'm the chair"."""
    if words[:1] in "[(" or words.startswith(("--", "\u2014", "\u2013")):
        return True
    label = forms.read(words, language())
    if label and (label.question or label.answer) and label.punct != "none":
        return True  # "Q. Mr. Kerr, where were you ..."
    m = LABEL_RE.match(words)
    return bool(m and _punct(m) == "colon" and _plausible(m.group("name"), "colon")) or bool(
        label and _plausible(label.name, label.punct) and (label.punct == "colon" or (
            label.punct == "stop" and (label.titled or label.caps or label.question or label.answer)
            and not re.search(r"[^\W\d_]$", above.rstrip()))))


def _capitals(words: str) -> bool:
    letters = [c for c in words if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0]


def _plausible(name: str, punct: str, counts: LabelCounts | None = None) -> bool:
    """Whether a label's words may name a speaker at all: not a field's or a credit's name, not a word that opens
    a sentence (``First.``, or ``Right.`` where the text writes "right" in lower case elsewhere: a name is
    capitalised wherever it stands), not initials before a full stop (``E.O. 13526``, ``Interview de M.``)."""
    if not _plausible_words(name, punct, language().language.code):
        return False
    first = name.split()[0].rstrip(".").lower() if name.split() else ""
    return not (counts is not None and len(name.split()) == 1 and not _capitals(name) and counts.common(first))


@lru_cache(maxsize=8192)
def _plausible_words(name: str, punct: str, code: str) -> bool:
    """What :func:`_plausible` asks of the words alone, in a language (asked once each)."""
    first = name.split()[0].rstrip(".").lower() if name.split() else ""
    if name.split() and name.split()[0] in language().examining:
        return False  # "BY MR. HALE:": an examination's heading, before its questions and answers
    if language().is_furniture(name):
        return False  # "Full Transcript:"
    if len(name.split()) == 1 and (first in NOT_SPEAKERS or first in language().not_speakers):
        return False  # "First.", "Danke.": words that open speech
    items = language().item_words
    if name.lower() in items or any(w.lower().rstrip(".") in items for w in name.split()):
        return False  # what heads an item of minutes, not who speaks: "Das Ergebnis der Abstimmung:", "Beschluss:"
    if any(w.lower() in language().note_words for w in re.findall(r"[^\W\d_]+", name)):
        return False  # a note's heading: "Editor's note:", "Anmerkung der Bearbeiterin:"
    if len(name.split()) == 1 and punct == "stop" and first in language().abbreviations:
        return False  # a title written short, the name after it: "SEN. ORRIN G. HATCH, R-UTAH"
    numbered = forms.NUMBERED.fullmatch(name + ":")  # a participant known by a number ("Participant 7")
    if not numbered and (first in HEADER_WORDS or _field(name)):
        return False
    if re.search(r"\d", name) and not numbered:
        return False  # a name holds no digits ("C06702948 Date:")
    v = language()
    words = name.split()
    title = v.title_re.match(name)
    if v.events_re and v.events_re.match(name) and not (title and title.end() >= len(name.rstrip(". "))):
        return False  # an event in the room, printed as a line of its own: "Aplausos do PS." (not a voice the
        # language names as a speaker too: "ГОЛОС ІЗ ЗАЛУ. Немає.")
    untitled = name[title.end():].split() if title else words  # ("O SR. PRESIDENTE": a title and an office)
    if _capitals(name) and sum(1 for w in untitled if w.lower() in v.language.words) >= 2:
        return False  # words in capitals that make a phrase: "DISCUSSED THE FOLLOWING QUESTIONS:"
    if punct == "stop" and (sum(1 for w in words if w.lower() in v.language.words) >= 2 or (
            _capitals(name) and sum(1 for w in words if not re.fullmatch(r"(?:\w\.)+", w)) >= 4)):
        return False  # a sentence in capitals: "THIS IS A RUSH TRANSCRIPT.", "SURPRISE AT THE BRITISH ELECTION"
    return not (punct == "stop" and re.search(r"(?:^|\s|\.)[A-Z]$", name))


@dataclass(frozen=True)
class Typed:
    """What a formatted document (a word processor's, a web page's) says of its text's blocks: its paragraphs are
    those its author typed (no page breaks one, and a block that begins in lower case is a paragraph of its own),
    and the lines that are a heading end the turn above them; a paragraph that opens with a bold or otherwise
    styled run (``openings``: the run's words) gives strong evidence of a speaker's label in that run; a heading
    of the first level (``titles``) is the document's title."""

    headings: frozenset[int] = frozenset()
    openings: frozenset[str] = frozenset()
    titles: frozenset[int] = frozenset()  # the lines of its headings of the first level (Markdown's "# ...")

    def styled(self, printed: str) -> bool:
        """Whether a label as printed is the styled run a paragraph opens with (its punctuation in it or not)."""
        bare = _bare(printed)
        return bool(bare) and bare in self._bare_openings

    @cached_property
    def _bare_openings(self) -> frozenset[str]:
        return frozenset(_bare(o) for o in self.openings)


def _bare(words: str) -> str:
    return " ".join(words.split()).rstrip(LABEL_ENDS)


#: What ends a label, in or after its styled run (``**Brandt:**`` or ``**Brandt**:``).
LABEL_ENDS = " .:;,-\u2013\u2014"


#: The formatted document whose text is being read, if it is one.
TYPED: ContextVar[Typed | None] = ContextVar("typed", default=None)


def _join_page_breaks(bs: list[Block], report: Report) -> list[Block]:
    """A paragraph broken by a page break (no closing punctuation, the next block in lower case) is one block."""
    if TYPED.get() is not None:
        return bs
    out: list[Block] = []
    for b in bs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.fw and not b.fw
            and not prev.text.rstrip().endswith(TERMINAL)
            and b.text[:1].islower()
            and not SOURCE_START_RE.match(prev.text.lstrip("*"))
            and not front_matter.field_after_field(prev.text, b.text)
        ):
            report.info(b.line, f"paragraph broken at line {prev.last} continues here: joined")
            out[-1] = Block(prev.text + "\n\n" + b.text, prev.line, b.last)
        else:
            out.append(b)
    return out


#: The longest block that closes a sitting or says who takes the chair: a longer one is speech that happens to
#: start with such words.
CLOSING_MAX = 200


#: A mission's elapsed time (days, hours, minutes, seconds; before launch with a minus) or a clock time, in
#: brackets, alone on its line: a log's stamp of the transmission below it (``[00:00:02:16]``, ``[-00:00:00:10]``).
TIME_STAMP = re.compile(r"\[-?\d{1,3}(?::\d{2}){2,3}\]")


def read_body(bs: list[Block], registry: Registry, report: Report, candidates: Counter[str],
              bare: frozenset[str] = frozenset()) -> list[Turn | Item]:
    bs = _join_page_breaks(bs, report)
    # The document's own label style: a label that opens several blocks (a one-off "Document Type:" in a page's
    # metadata is no speaker where nobody's label recurs). Once per body: it holds for every block.
    styled = any(count >= 2 for count in candidates.values())
    body: list[Turn | Item] = []
    turn: Turn | None = None
    in_full: dict[str, set[str]] = {}  # surname -> the speakers labelled with it and a first name ("Mr. George Brown")
    marks = {m for b in bs for m in re.findall(r"(?<=\S)\[(\d{1,3})\]", b.text)}
    alone = ""  # the punctuation of the label of the turn under way, when it stood alone on its line
    typed = TYPED.get()
    speakers_set = speaker_headings(bs, registry)
    rostered: dict[str, str] = {}  # a roster's initials and names, above the turns ("Brian Terlson (BT), ...")
    for b in bs:
        rostered.update(roster(b.text))
    closing = language().phrase_re("closing")  # the words that close a sitting (below)
    presiding = language().phrase_re("presiding")  # a line that says who takes the chair (below)
    stamp = ""  # a log's time stamp on a line of its own over the label of the turn it times
    i = 0
    while i < len(bs):
        b = bs[i]
        text = b.text
        unwrapped, _bold = unwrap(text)
        if TIME_STAMP.fullmatch(unwrapped) and i + 1 < len(bs) and \
                _label(bs[i + 1].text, registry, candidates, styled, bare):
            stamp = unwrapped  # "[00:00:02:16]" over "CDR: The clock is running.": the turn's time, as printed
            i += 1
            continue
        # Source notes: [Source: ...] possibly over several blocks, possibly in italics.
        source = SOURCE_START_RE.match(text.lstrip("*"))
        if source:
            n = source.group("n") if not text.startswith("*") else ""
            if n:
                text = text[source.end("n") + 1:].lstrip()
            j, parts = i, [text]
            while not _closes_source(parts[-1]) and j + 1 < len(bs) and text.lstrip("*").startswith("["):
                j += 1
                parts.append(bs[j].text)
            whole = "\n\n".join(parts)
            if text.lstrip("*").startswith("[") and not _closes_source(whole):
                report.warn(b.line, "source note opened with '[' is never closed: kept as it stands")
            body.append(Item("source", whole, b.line, n=n or ""))
            turn = None
            i = j + 1
            continue
        if GAP_RE.fullmatch(unwrapped):
            nxt = bs[i + 1] if i + 1 < len(bs) else None
            ends_turn = nxt is None or _label(nxt.text, registry, candidates, styled, bare) or SOURCE_START_RE.match(
                nxt.text.lstrip("*"))
            item = Item("gap", unwrapped, b.line)
            (body if turn is None or ends_turn else turn.items).append(item)
            if ends_turn:
                turn = None
            i += 1
            continue
        set_as_label = None  # a speaker's label set as a heading
        if typed is not None and b.line in typed.headings and \
                (set_as_label := _heading_label(text, registry, candidates, styled, bare, speakers_set)) is None:
            # a heading of a formatted document ends the turn (a speaker's label set as a heading opens one: a
            # Markdown transcript's "### Prezydent Rzeczypospolitej Polskiej Andrzej Duda:")
            body.append(Item("p", text, b.line))
            turn = None
            i += 1
            continue
        if b.fw:  # a running head or foot, between the paragraphs of a turn or of the record: where it stands
            (turn.items if turn is not None else body).append(Item("fw", text, b.line, rend=b.fw))
            i += 1
            continue
        if PAGE_ONLY.fullmatch(unwrapped):  # a page of the source begins between paragraphs: where it stands
            (turn.items if turn is not None else body).append(Item("page", unwrapped, b.line))
            i += 1
            continue
        fm = FOOTNOTE_RE.match(text)
        if fm and fm.group("n") in marks:
            body.append(Item("footnote", text[fm.end():], b.line, n=fm.group("n")))
            turn = None
            i += 1
            continue
        if DIALOGUE.match(text) and i + 1 < len(bs) and _label(bs[i + 1].text, registry, candidates, styled, bare) \
                and not (i and DIALOGUE.match(bs[i - 1].text)):
            # another's words before a turn, opened by a dialogue dash: not the speaker's above, nor a list's item
            report.info(b.line, "a speech opened by a dialogue dash before a turn is no part of the turn above (the "
                                "words of a speaker the text does not name)")
            body.append(Item("p", text, b.line))
            turn = None
            i += 1
            continue
        if turn is not None and len(unwrapped) <= CLOSING_MAX and (
                (closing and closing.match(unwrapped) and find_time(unwrapped))
                or (presiding and presiding.match(unwrapped))):
            # the words that close a sitting with its hour ("Kammaren åtskildes kl. 11.42.", "Whereupon, at 11:37
            # a.m., the hearing was adjourned."), or who takes the chair, a line of its own between speeches
            # ("Presidenza del vice presidente CENTINAIO (ore 16,55)"): the record's, not the speech's, and so is
            # what follows them up to the next label (the clerk's "Vid protokollet" and name)
            body.append(Item("p", text, b.line))
            turn = None
            i += 1
            continue
        n = ""
        nm = NUMBER_RE.match(text)
        if nm:
            n, text = nm.group("n"), text[nm.end():]
        numbered = LEADING_MARKS.match(text)  # a court transcript's line numbers before the label
        marked = text[numbered.end():] if numbered else text
        pages = PAGES_BEFORE.match(marked)  # "[Page 283]R: I understand": the page begins, then the turn
        label = set_as_label or _label(marked[pages.end():] if pages else marked, registry, candidates, styled, bare)
        if label and ((label.punct == "none" and (not _speech_follows(bs, i, label.end) or _under_entry(bs, i)))
                      or (label.punct == "colon" and _names_follow(bs, i, label.end))):
            label = None  # a name alone on its line over another such line is a list's, not a speaker's; so is a
            # field over names (a table of contents' "Gewählt:" over "Abg. Klaus Herrmann (AfD)"), and an index
            # entry's second line (a witness's office under "Jason Pinsky   90   101")
        if label and b.line in front_matter.FRONT.get():
            label = None  # a front matter's field ("University: Universidade do Minho"), the record's, no voice's
        if label and _among_links(bs, i):
            label = None  # a page's links under its "Read also:" ("O Grande Debate: Polícia Federal deve ...?")
        if label and _lettered(bs, i):
            label = None  # an item of a lettered list (an agenda's "E. Vorbereitung der Plenarsitzungen: TOP 6 ...")
        if label and numbered:
            text = marked
            report.found(b.line, f"line {MARK_RE.findall(numbered.group())[-1]} opens with a label")
        elif numbered:
            numbered, pages = None, None
        if label and turn is not None and not turn.items and alone and \
                label.evidence != "a speaker label the profile names" and not _alone_again(label, text, alone,
                                                                                         candidates):
            # after a label alone on its line ("De heer Van der Ham (D66):"), its speech: "Voorzitter. Mijn
            # fractie ...", "Señor presidente: solicito ..." address the chair in the words of a label
            report.info(b.line, f"{label.printed!r} opens the speech of the label above it: not a label")
            label = None
        if label and pages:
            text = text[pages.end():]
        elif not label:
            pages = None
        if label:
            name, supplied, printed, end, evidence = label.name, label.supplied, label.printed, label.end, \
                label.evidence
            report.found(b.line, f"speaker label {printed!r} accepted: {evidence}")
            if not supplied and name in rostered:  # "BT:" under a roster's "Brian Terlson (BT)": that person
                report.found(b.line, f"speaker label {printed!r} stands for {rostered[name]}, as the roster says")
                name = rostered[name]
            who, how = registry.resolve_label(name, supplied)
            words = [w for w in (f"{supplied} {name}").split() if w.rstrip(".") not in HONORIFICS]
            if who and "near spelling" in how and words and (given := _given_elsewhere(bs, words[-1], who, registry)):
                # (the record's opening names this very surname with another forename, "Anna Bakker": no near
                # spelling of the registry's James Baker)
                who, how = None, f"unknown: the record's opening names {given} {words[-1]}"
            if who is None and len(words) == 1 and len(in_full.get(words[0], ())) == 1:
                who = next(iter(in_full[words[0]]))
                report.warn(b.line, f"speaker label {printed!r} taken as #{who}: the one speaker of this record "
                                    "named in full with that surname")
            elif who is None:
                who = registry.provisional(f"{supplied} {name}".strip()).id
                report.warn(b.line, f"speaker label {printed!r} not in the registry ({how}): "
                                    f"provisional person #{who}")
            elif how:
                report.warn(b.line, f"speaker label {printed!r} {how}")
            if len(words) >= 2:
                in_full.setdefault(words[-1], set()).add(who)
            turn = Turn(printed, name, supplied, who, b.line, n=n or label.number, glued=end < len(text) and not
                        text[end].isspace(), pages=PAGE_NUMBER.findall(pages.group()) if pages else [],
                        number_glued=bool(label.number) and not label.section, section=label.section,
                        lines=MARK_RE.findall(numbered.group()) if numbered else [], time=label.time or stamp)
            body.append(turn)
            stamp = ""
            text = text[end:].lstrip()
            alone = label.punct if not text else ""
            n = ""
            dm = DELIVERY_RE.match(text)
            if dm:
                turn.stage, text = dm.group("remark"), text[dm.end():]
            if not text:
                i += 1
                continue
        item = _item(text, b.line, n)
        target = turn.items if turn is not None else body
        if item.kind == "list" and target and isinstance(target[-1], Item) and target[-1].kind == "list" \
                and target[-1].rend == item.rend:
            target[-1].items.extend(item.items)
        else:
            target.append(item)
        i += 1
    return body


#: A footnote mark printed as a bare number right after a word or its punctuation (FRUS's ``Conversation1``,
#: ``before he left2``, ``Friday.4``, ``(Kissinger)1``); not after a capital (``G7``) or a digit.
GLUED_MARK_RE = re.compile(r"(?<=[a-z.,;:)\]\u201d\u2019\"?!])(\d{1,2})(?=[\s.,;:)]|$)")


def plain_footnotes(heading: str, body: list[Turn | Item]) -> list[str]:
    """The numbered paragraphs after a record's last turn are its footnotes when the record prints their marks
    glued to its words (FRUS: ``Memorandum of Conversation1`` ... ``1. Source: ...``): each becomes a footnote
    printed with its plain number (``rend="plain"``), which the marks point to.

    Returns the footnote marks the record prints glued to its words, in order: 1, 2, 3 ... as a documentary
    edition's superscripts read once a web page is copied as text, the first at the end of the heading or with
    its footnote printed; a digit out of that sequence is a digit of the text. A transcript often stops before
    the footnotes (an excerpt): the marks are still marks, whose notes it does not print."""
    last_turn = max((k for k, b in enumerate(body) if isinstance(b, Turn)), default=-1)
    tail: list[Item] = []  # numbered paragraphs that end the last turn: footnotes, if their marks are printed
    if last_turn >= 0:
        items = body[last_turn].items  # type: ignore[union-attr]
        while len(items) > 1 and items[-1].kind == "p" and items[-1].n:
            tail.insert(0, items.pop())
    words = [heading] + [i.text for b in body[: last_turn + 1] for i in (b.items if isinstance(b, Turn) else [b])
                         if isinstance(i, Item)]
    marks = {m for text in words for m in GLUED_MARK_RE.findall(text)}
    if tail and all(i.n in marks for i in tail):
        body[last_turn + 1 : last_turn + 1] = tail
    elif tail:
        body[last_turn].items += tail  # type: ignore[union-attr]
    printed = set()
    for item in body[last_turn + 1 :]:
        if isinstance(item, Item) and item.n in marks and item.kind in ("p", "source"):
            if item.kind == "p":
                item.kind = "footnote"
            item.rend = "plain"
            printed.add(item.n)
    sequence: list[str] = []
    title = heading.rstrip()
    if "1" in printed or any(m.group(1) == "1" and m.end() == len(title) for m in GLUED_MARK_RE.finditer(title)):
        for text in words:
            for n in GLUED_MARK_RE.findall(text):
                if n == str(len(sequence) + 1):
                    sequence.append(n)
    return sequence


def _closes_source(text: str) -> bool:
    return text.rstrip().rstrip("*").rstrip().endswith("]")


def _alone_again(label: Found, text: str, punct: str, candidates: Counter[str]) -> bool:
    """Whether a label under a label alone on its line is a turn of its own, not the first words of that speech:
    it stands alone on its line too, in the same punctuation, as it does elsewhere in the document. A member who
    rises and yields the floor at once has a turn of no words (a parliament's debates set a line to a paragraph:
    "L'honorable Robert Morin :" over "L'honorable Claire Dubois :" over her speech); an address to the chair is
    followed by the speech on its line ("Voorzitter. Mijn fractie ...")."""
    form = forms.read(text, language())
    return label.punct == punct and not text[label.end:].split("\n", 1)[0].strip() and form is not None and \
        isinstance(candidates, LabelCounts) and candidates.alone[form.name] >= 2


def _heading_label(text: str, registry: Registry, candidates: Counter[str], styled: bool,
                   bare: frozenset[str], speakers_set: frozenset[str] = frozenset()) -> Found | None:
    """The speaker's label a formatted document's heading is, and nothing else: a label on evidence, a name and
    its colon (a Markdown transcript sets its speakers as headings, "### Prezydent ... Andrzej Duda:"), or one of
    the headings :func:`speaker_headings` found to be the speakers'."""
    if text.strip() in speakers_set:
        return Found(text.strip(), "", text.strip(), len(text.rstrip()), "a heading that recurs over speeches, as a "
                     "transcription program's export sets each speaker over their words", "none")
    label = _label(text, registry, candidates, styled, bare)
    if label is not None:  # (a heading that is a name alone, no colon after it, only as one of those speakers:
        # recurring section headings, "### Discussie" and "### Besluit" under each item, are none)
        return label if not text[label.end:].strip() and label.punct != "none" else None
    form = forms.read(text, language())
    if form is None or form.punct != "colon" or not form.names or text[form.end:].strip() or \
            _field(form.name) or not _plausible(form.name, form.punct):
        return None
    return Found(form.name, "", form.printed, form.end, "a name and its colon set as a heading of its own, as a "
                 "transcript typed in Markdown sets its speakers", form.punct)


def speaker_headings(bs: list[Block], registry: Registry) -> frozenset[str]:
    """The headings of a formatted document that are its speakers' labels though no colon ends them, as a
    transcription program's export sets each speaker's role or name as a heading over their words ("### Interviewer"
    over the question, "### Business Process Manager" over the answer): two or more headings that each recur, six
    times or more together and most of the document's headings, each a label's words (four at most, no number);
    one of them a role the language names (an interviewer, a moderator), a question's or an answer's word, or a
    person the register knows, and none else a field's word. Recurring section headings ("Discussion",
    "Decision") are none of these."""
    typed = TYPED.get()
    if typed is None or not typed.headings:
        return frozenset()
    counts = Counter(b.text.strip() for b in bs if b.line in typed.headings)
    recurring = [t for t, n in counts.items() if n >= 2]
    together = sum(counts[t] for t in recurring)
    if len(recurring) < 2 or together < 6 or together < 0.8 * sum(counts.values()):
        return frozenset()
    known = False
    for words in recurring:
        label = forms.read(words, language())
        if label is None or label.punct != "none" or label.end < len(words) or label.words > 4 or \
                any(c.isdigit() for c in words):
            return frozenset()
        role = label.titled or label.question or label.answer or bool(registry.resolve_label(label.name)[0])
        if not role and (_field(label.name) or not label.names):
            return frozenset()
        known = known or role
    return frozenset(recurring) if known else frozenset()


#: A key to a transcript's labels, on a line of its own above the text, as social scientists type their interviews:
#: each short label and whom it stands for, two or more, between commas or semicolons ("I: Interviewerin, B:
#: Befragte", "I = Interviewer; P = Participant").
LEGEND = re.compile(r"(?:[^\W\d_]{1,3}\d{0,2}[ \t]?[:=][ \t]?[^\W\d_][^,;:=\n]{1,40}[,;][ \t]*)+"
                    r"[^\W\d_]{1,3}\d{0,2}[ \t]?[:=][ \t]?[^\W\d_][^,;:=\n.?!]{1,40}\.?")


def _legend(text: str, candidates: Counter[str]) -> bool:
    """Whether a block is a key to the labels (:data:`LEGEND`) whose every label opens turns elsewhere."""
    if not LEGEND.fullmatch(text.strip()):
        return False
    codes = re.findall(r"(?:^|[,;][ \t]*)([^\W\d_]{1,3}\d{0,2})[ \t]?[:=]", text.strip())
    return len(codes) >= 2 and all(candidates[code] >= 2 for code in codes)


def _label(text: str, registry: Registry, candidates: Counter[str], styled: bool,
           bare: frozenset[str] = frozenset()) -> Found | None:
    """``(name, supplied, printed label, end, evidence)`` when the block opens with a speaker label, else None.
    ``styled``: whether the document has a label style of its own (a label that opens several blocks); ``bare``:
    the labels of a text whose punctuation OCR has stripped.

    A label is accepted on evidence, never because a short capitalised phrase stands before a colon."""
    if text.startswith("\u00a7"):
        return _section_label(text)
    if _legend(text, candidates):
        return None  # "I: Interviewerin, B: Befragte": the key to the labels, no turn
    if field_block(text) or TOC_ENTRY.search(_first_line(text)) or LEADERS.search(text) or (
            _heading_in_capitals(text) and candidates[_first_line(text).partition(":")[0].strip()] < 2):
        return None  # (a label that recurs before words in capitals is a label: a log's "CDR: MARK.")
    whole = SUPPLIED_LABEL_RE.match(text)
    if whole:  # "[M.S. GORBACHEV.] Welcome.": the label as the editors supplied it
        inner = LABEL_RE.match(whole.group("label"))
        if inner and (candidates[inner.group("name")] >= 2 or registry.resolve_label(inner.group("name"))[0]):
            return Found(inner.group("name"), "", whole.group(0), whole.end(), "a label supplied whole by the editors",
                         _punct(inner))
    m = LABEL_RE.match(_first_line(text))
    label = forms.read(text, language())
    if _credit(label, text):
        return None
    if label and (m is None or label.end > m.end() or label.question or label.answer):
        return _unless_reported_or_numbered(_form_label(label, registry, candidates, styled), text, candidates)
    if not m:
        b = BARE_START.match(text) if bare else None
        if b and bare_name(b) in bare:
            return Found(bare_name(b), "", b.group(0).rstrip(), len(b.group(0).rstrip()),
                         "a title and name that open passages of a text whose punctuation OCR has stripped", "none")
        return None
    found = _pattern_label(m, registry, candidates, styled)
    if found is None and label and label.end == m.end():  # the same words, on the evidence of every form
        found = _form_label(label, registry, candidates, styled)
    return _unless_reported_or_numbered(found, text, candidates)


#: A quotation mark that opens a quotation.
OPENING_QUOTE = re.compile("\\s*[\u2018\u201c\u201e\u201a\u00ab\u2039\"]")
#: The word "number" written short before a number (``SEDUTA N. 12``, ``Document No. 5``, ``Drucksache Nr. 9``).
NUMBER_WORD = re.compile(r"(?i)\b(?:n|no|nr|num|núm|nº|n°|№)\.?$")


def _unless_reported_or_numbered(found: Found | None, text: str, candidates: Counter[str]) -> Found | None:
    """No label: words and a colon that open a paragraph once, followed by a quotation, which report what someone
    said (``Decía el presidente Juárez: ‘Nada por la fuerza’``, ``As Lincoln said: "..."``: the speaker of the
    paragraph is the one before; a label that recurs, or one the profile names, stays a label); a heading's words
    up to "No." and its number (``SEDUTA N. 12``), or a word before a paper's number (``Drucks. 20/105``); a
    title page's line that names the record after its interviewee (:func:`_names_the_record`); a dateline; a
    running head."""
    if found is None or found.evidence == "a speaker label the profile names":
        return found
    if _names_the_record(text[found.end:]):
        return None
    date = find_date(_first_line(text))
    if date and date.start < found.end < date.end:
        return None  # a dateline that a day's full stop cut: "Berlin, Dienstag, den 28." of "... 28. Juni 2016"
    if found.punct == "none" and any(p.fullmatch(found.name.strip()) for _kind, p in language().kinds):
        return None  # a running head alone on its line that names the body or the record ("CÂMARA DOS DEPUTADOS")
    if (NUMBER_WORD.search(found.printed.rstrip(":")) and re.match(r"\s*\d", text[found.end:])) or \
            re.match(r"\s*\d+\s?/\s?\d+", text[found.end:]):
        return None  # (or before a paper's number: "Drucks. 20/105")
    if candidates[found.name] >= 2:
        return found
    # (reported speech is set off by a colon: after a full stop, a quotation opens the label's own speech, as a
    # debate's "M. Haentjens. « Elle ..." does)
    return None if found.punct == "colon" and OPENING_QUOTE.match(text, found.end) else found


def _names_the_record(words: str) -> bool:
    """Whether the words after a name and a colon name the record and who made it, as an oral history's title page
    and its citation do (``ADA LINDGREN: An Interview Conducted by Martin Fell, ...``): they open with a kind of
    record of the language, after an article at most, and hold a credit's words. No one speaks them."""
    line = _first_line(words).strip()
    article = re.match(r"\w{1,4}\s+", line)
    opens = any(p.match(line) or (article and p.match(line, article.end())) for _kind, p in language().kinds)
    # (a credit's words before a name: "Conducted by Martin Fell", not "den Fragen der Kolleginnen")
    return bool(opens) and any(line[m.end():].lstrip()[:1].isupper() for m in language().credit_re.finditer(line))


def _pattern_label(m: re.Match, registry: Registry, candidates: Counter[str],
                   styled: bool) -> Found | None:
    """A label of the records of conversations (:data:`LABEL_RE`), accepted on evidence."""
    name, supplied = re.sub(r"(?<=[a-z])\.(?=[a-z])", "", m.group("name")), m.group("supp") or ""
    if name in current().not_speakers or current().role(name):  # a credit field in the profile's words
        return None
    if name in current().speakers:
        return Found(name, supplied, m.group(0), m.end(), "a speaker label the profile names", _punct(m))
    if not _plausible(name, _punct(m), candidates if isinstance(candidates, LabelCounts) else None):
        return None
    colon = m.group("punct").strip() == ":"
    if not colon and isinstance(candidates, LabelCounts) and candidates.shouting and candidates[name] < 2:
        return None  # a text in capitals: any sentence reads as a name and a full stop
    if not colon and not supplied and isinstance(candidates, LabelCounts) and not _capitals(name) and \
            candidates.names_in_capitals() and registry.resolve_label(name)[0] is None:
        return None  # a word in small letters and a full stop where the speakers are printed in capitals
        # (LabelCounts.names_in_capitals: "... Constantino" over "Brumidi. That is ...")
    who, _how = registry.resolve_label(name, supplied)
    letters = re.sub(r"[^A-Za-z]", "", name)
    stops = candidates.styles()["stop"] if isinstance(candidates, LabelCounts) else styled
    evidence = (f"it opens {candidates[name]} blocks" if candidates[name] >= 2 else
                "it names a person of the registry" if who is not None else
                "a name in capitals" if letters.isupper() and len(letters) > 1 and (colon or stops) else
                "a name before a colon, in a document whose labels recur" if colon and len(name.split()) <= 3 and styled
                else None)
    if evidence is None:
        return None
    number = m.group("num") or ""  # a paragraph number glued to the label: the turn's, not the label's
    return Found(name, supplied, m.group(0)[len(number):], m.end(), evidence, _punct(m), number)


def _credit(label: forms.Label | None, text: str) -> bool:
    """A credit, not a label: a question's word that names a field over a name alone ("Periodista: Ana Rosa
    Quintana"; not a word that ends a sentence, a reply: "Jornalista: Exato.")."""
    value = text[label.end:].strip() if label else ""
    return bool(label and label.question and _field(label.name) and NAME_ONLY.fullmatch(value)
                and not re.search(r"[^\W\d_]{3}\.$", value))


#: A name alone: capitalised words, with initials and particles, and no sentence's punctuation.
_NAME_WORD = r"(?:[^\W\d_a-z][\w'\u2019\-.]*|de|del|la|van|von|der)"
NAME_ONLY = re.compile(_NAME_WORD + r"(?:[ \u00a0]+" + _NAME_WORD + r"){0,4}")


#: A line of a block of fields: a few words, a colon, a short value (``Delivered On: 3/20/1973``).
FIELD_LINE = re.compile(r"^(?P<name>[^\W\d_][\w'\u2019/.\- ]{0,30}?)\s?:\s*(?P<value>.{0,80})$")


#: A party, or a title and a name, in parentheses after a name alone on its line (``(Con)``, ``(D66)``, ``(Mr David
#: Evennett)``): the label of a parliament's member.
PARTY = re.compile(r"^(?:[A-ZÄÖÜ][\w/\-]{0,11}|(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?\s+[A-Z][\w'\-]+"
                   r"(?:\s+[A-Z][\w'\-]+){0,2})$")


def _party(words: str) -> bool:
    return bool(PARTY.match(words.strip()))


def _heading_in_capitals(text: str) -> bool:
    """A line in capitals with a colon in it is a heading or a field, not a label before speech (``ATTENTION
    NEEDED: MISMANAGEMENT AT THE SBA``, ``PRESIDENTE: DEP. MARCELO NILO``)."""
    line = _first_line(text)
    head, colon, rest = line.partition(":")
    letters = [c for c in rest if c.isalpha()]
    return bool(colon) and len(letters) >= 3 and all(c.isupper() for c in letters) and \
        all(c.isupper() for c in head if c.isalpha())


def field_block(text: str) -> bool:
    """A block of a catalogue's or a title page's fields, whose names are no speakers' (``Speaker: Richard M.
    Nixon`` over ``Delivered On: 3/20/1973`` and ``Place: Oval Office``): two lines or more, each a field with a
    short value and a name of its own, one of them a field's name of the language."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    fields = [m for line in lines if (m := FIELD_LINE.match(line))]
    names = {m.group("name").strip().lower() for m in fields}
    return len(lines) >= 2 and bool(FIELD_LINE.match(lines[0])) and len(fields) >= max(2, len(lines) - 1) and \
        len(names) == len(fields) and any(_field(name) for name in names)


def _field(words: str) -> bool:
    """Whether words name a field of a header, a catalogue's or a web page's (``Interview Date``, ``Location``,
    ``Description``, ``Circonstances``) or a credit (``Interviewer``, ``Traduction de``), in the transcript's
    language or English."""
    words = words.strip().lower()
    return words in language().fields_and_credits or words in HEADER_WORDS



def _form_label(label: forms.Label, registry: Registry, candidates: Counter[str],
                styled: bool) -> Found | None:
    """A label in the forms of every genre and language, accepted on evidence: it recurs, it names a person of
    the registry, it is a questioner's or an answer's mark, or it opens with a title or office, or is in
    capitals, in the document's label style (the punctuation of the labels that recur)."""
    evidence = _form_evidence(label, registry, candidates, styled)
    if evidence is None:
        return None
    return Found(label.name, "", label.printed, label.end, evidence, label.punct, label.number, time=label.time)


def _asked_with(candidates: Counter[str], punct: str) -> bool:
    """Whether the document marks its questions with a question's word in this punctuation, again and again
    (``PERGUNTA -``)."""
    return isinstance(candidates, LabelCounts) and any(
        candidates.forms[(word, punct)] >= 2 for word in language().questions)


def _ruled(name: str, candidates: Counter[str]) -> bool:
    """Whether a label stands alone in capitals under a rule, in a document that sets two such labels or more
    (a government's stenographic version: ``---`` over ``PREGUNTA`` over the question)."""
    return isinstance(candidates, LabelCounts) and bool(candidates.ruled[name]) and candidates.ruled.total() >= 2


def _call_sign(label: forms.Label, candidates: Counter[str]) -> bool:
    """Whether a name with a number, in capitals before a colon, is a station's call sign heard once in a radio log
    whose labels are so (``CHASE 1:``, ``HUNTCLUB 3:`` among ``CAPCOM:`` and ``CC:``), not an item's heading."""
    return label.caps and label.punct == "colon" and isinstance(candidates, LabelCounts) and \
        candidates.styles()["colon"] >= 2 and not candidates.shouting and \
        sum(n for (name, punct), n in candidates.forms.items() if punct == "colon" and _capitals(name)) >= 10


def _voices_in_brackets(label: forms.Label, candidates: Counter[str]) -> bool:
    """Whether a voice numbered in brackets alone on its line (``[Speaker 3]``) stands in a document that sets its
    other voices so, one of them again and again (a transcription service's output): then once is enough."""
    return isinstance(candidates, LabelCounts) and bool(forms.BRACKETED_NUMBERED.fullmatch(label.printed)) and any(
        n >= 2 for (other, punct), n in candidates.forms.items()
        if punct == "none" and other != label.name and forms.NUMBERED.fullmatch(other + ":"))


def _form_evidence(label: forms.Label, registry: Registry, candidates: Counter[str], styled: bool) -> str | None:
    name, bare = label.name, label.printed.strip(" '\"\u2018\u201c").rstrip(" .:-\u2013\u2014")
    if name in current().speakers:
        return "a speaker label the profile names"
    if name in current().not_speakers or current().role(name) or language().is_furniture(bare):
        return None
    counts = candidates if isinstance(candidates, LabelCounts) and not label.titled else None
    asks = label.question or label.answer
    short = isinstance(candidates, LabelCounts) and name in candidates.short_forms  # "Zeit:" after "Die Zeit (Zeit):"
    count = candidates.forms[(name, label.punct)] if isinstance(candidates, LabelCounts) else candidates[name]
    if _voices_in_brackets(label, candidates):
        return "a voice numbered in brackets alone on its line, as the document sets the others"
    if count < 2 and re.search(r"\d", name) and not _call_sign(label, candidates):
        return None  # a participant known by a number speaks again and again; once, it heads an item ("Punkt 1:")
    # a person's role that a header names as a field ("Interviewer: Daniel Price") speaks where it labels turns
    # again and again ("INTERVIEWER: So tell me ...", "NARRATOR:", "INTERPRETER:")
    role = isinstance(candidates, LabelCounts) and candidates.roles[(name, label.punct)] >= 2 and \
        label.punct in ("colon", "stop") and len(name.split()) == 1
    if (not asks and not short and not role and (_field(name) or _field(bare))) or \
            not (asks or short or role or _plausible(name, label.punct, counts)):
        return None  # (a question's word may name a field too: "Periodista")
    if role and label.punct == "colon" and not label.caps and not label.alone:
        # ("Entrevistadora: Oi, tudo bem?" over "Entrevistado: Tudo bem.", again and again: the roles speak; in
        # capitals, the evidence of capitals below holds)
        return "a person's role, which a title page names as a field, labelling turns again and again"
    styles = candidates.styles() if isinstance(candidates, LabelCounts) else Counter()
    if label.answer and count < 2 and isinstance(candidates, LabelCounts) and not candidates.asked:
        return None  # an answer's mark once in a record that marks no question: a list's letter ("A. TOP 1: ...")
    if label.question or label.answer:
        # alone on its line, a question's word ("VRAAG") recurs, or stands among names alone on their lines that do
        alone = isinstance(candidates, LabelCounts) and any(n >= 2 for other, n in candidates.alone.items()
                                                             if other != name)
        return "the mark of a question or an answer" if label.punct != "none" or count >= 2 or alone or \
            _ruled(name, candidates) else None
    if label.asked and label.punct == "colon" and label.words <= 5:
        return "the number of a question or a speech before a name (a committee's \"Q1\", the Riksdag's \"Anf. 1\")"
    typed = TYPED.get()
    if typed is not None and styled and label.punct != "none" and label.words <= 6 and typed.styled(label.printed):
        # (in a dialogue: a description's fields, "Material:" underlined, are styled runs too)
        return "a bold or styled run that opens its paragraph, in a document whose labels recur"
    if label.punct == "none" or (label.punct == "stop" and not label.titled and label.words == 1 and count >= 2
                                 and isinstance(candidates, LabelCounts) and candidates.alone[name] >= 2) or (
            label.punct == "stop" and not label.titled and count < 2 and label.alone):
        # alone on its line ("John Craven", "P.M."): only in a dialogue of such labels; a name and a full stop
        # alone on its line, once, reads as a heading ("Pequeno Expediente.")
        dialogue = isinstance(candidates, LabelCounts) and candidates.dialogue()
        if count >= 2 and (dialogue or label.title_first or registry.resolve_label(name)[0]):
            return f"a name alone on its line that opens {count} passages, in a dialogue of labels that recur"
        if label.caps and _ruled(name, candidates):
            return "a name in capitals alone on its line under a rule, as the document sets each speaker"
        titled = label.title_first or bool(label.parens and _party(label.parens[-1])) or bool(label.role)
        if styles["none"] >= 1 and titled:
            return "a name alone on its line, in a dialogue of such labels"
        if label.punct == "none" and label.caps and label.words <= 2 and isinstance(candidates, LabelCounts) and \
                name.split()[-1].lower() in candidates.named and not candidates.common(name.split()[-1].lower()):
            # ("RUTTE" over the Prime Minister's statement, which the transcript's heading attributes to "minister-
            # president Rutte": as governments' verbatim transcripts of press conferences print the speaker)
            return "a surname in capitals alone on its line, whom the record's opening names"
        return None
    if label.punct == "stop" and re.search(r"\.\s*[-\u2013]$", label.printed) and label.names and (
            label.title_first or label.parens):
        # "El señor FREI (Presidente de la República).-": a title or an office and the full stop and dash that
        # close a speaker's label in the records of Spanish-speaking parliaments and governments, even once
        return "a title or an office and the full stop and dash of a label (.-)"
    if label.names and label.abbreviated and label.punct in ("colon", "stop", "dash") and (
            label.caps_names or label.punct != "stop" or styles["stop"] or label.parens):
        # "Mr. JONES.", "Senator SMITH.", "MR. TRBOJEVIC:", "M. Pierre-Yves Collombat .  -", "Dr. X (CDU):"
        return "a title written short and a name, in the form of a label"
    if label.punct == "dash" and not (label.title_first or label.parens or (
            (count >= 2 or styles["dash"] >= 2) and any(forms._initial(w) for w in label.printed.split()))
            or (label.words <= 3 and _asked_with(candidates, "dash") and (
                count >= 2 or name_key(name.split()[-1]) in candidates.opening))):
        # (initials and a name before a dash, once, where such labels recur: "М. ГАНАПОЛЬСКИЙ –"; who answers,
        # again and again, the questions a question's word marks with a dash, "PERGUNTA -" and "FBC -", or once,
        # named in full as the title names him)
        return None  # ("CÂMARA DOS DEPUTADOS - DETAQ", "AMTLICHES BULLETIN -": a heading, a running head)
    if label.punct == "stop" and label.caps and not label.titled and isinstance(candidates, LabelCounts) and \
            candidates.shouting and count < 2:
        return None  # a text in capitals (a cable): any sentence reads as a name and a full stop
    if label.punct == "stop" and not (label.titled or label.caps) and isinstance(candidates, LabelCounts) and \
            candidates.names_in_capitals():
        return None  # where speakers are printed in capitals before a full stop (the Congressional Record's "Mr.
        # MICA.", "Ms. MILLENDER-McDONALD."), a word in small letters and a full stop at a line's start is the end
        # of a sentence a line broke (LabelCounts.names_in_capitals)
    if count >= 2:
        return f"it opens {count} blocks"
    if registry.resolve_label(name)[0] is not None:
        return "it names a person of the registry"
    # (a name and a full stop once, where no label recurs in that form, is a sentence: a host who names himself
    # before the programme, "Rafael Arráiz Lucca. Hispanoamérica, ...")
    if label.names and isinstance(candidates, LabelCounts) and label.punct in ("colon", "stop", "dash") and \
            (label.punct != "stop" or label.titled or label.caps or label.words > 1) and \
            (styles[label.punct] or (not any(styles.values()) and label.punct != "stop")) and \
            name_key(name.split()[-1]) in candidates.opening:
        return "it names a person the record's opening names"
    if (label.role or label.parens) and styles[label.punct]:
        return "it gives an office or a party, in the punctuation of the document's labels"
    if isinstance(candidates, LabelCounts) and label.punct in ("colon", "stop", "dash") and label.names:
        related = candidates.related(name, label.punct)
        if related:
            return related
    if label.titled and styles[label.punct]:
        return "it opens with a title or an office, in the punctuation of the document's labels"
    if label.caps and (label.punct == "colon" or styles[label.punct]):
        return "a name in capitals, in the punctuation of the document's labels"
    if label.punct == "colon" and label.words <= 4 and (styled or label.parens or label.titled or label.role):
        return "a name before a colon, in a document whose labels recur"
    chairs = language().chairs_re
    if label.punct in ("colon", "stop") and chairs and (chairs.fullmatch(label.printed.strip(" .:")) or (
            label.title_first and label.names and chairs.search(label.printed))):
        # ("Председательствующий.", "Mme la présidente Yaël Braun-Pivet.")
        return "who presides, named by the office as the language's records name the chair"
    if label.punct in ("colon", "dash") and INITIALLED.fullmatch(name):
        return "initials and a surname before a colon, as a stenographic record prints a speaker"
    if label.punct == "dash" and (label.titled or label.parens):
        return "a title or a party before a dash, in the form of a label"
    return None


#: A surname after its initials, glued or spaced (``В.Путин``, ``М.С. Горбачев``, ``J.-P. Chevènement``): how the
#: stenographic records of Russia and Eastern Europe, and many others, print a speaker.
INITIALLED = re.compile(r"(?:[^\W\d_]\.(?:-[^\W\d_]\.)?\s?){1,2}[^\W\d_a-zа-яё][^\W\d_]+(?:-[^\W\d_]+)?")


#: A contribution in a parliament's record, as Hansard prints it: the section mark, perhaps a question's number,
#: the member (``\u00a7 Q2. Mr. Wingfield Digbyasked the Prime Minister``, ``\u00a7 Mr. BrownI have been asked``).
SECTION_RE = re.compile(r"^\u00a7\s+(?:(?P<n>Q?\d{1,4})\.\s+)?")
SECTION_TITLE = re.compile(r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|The)\.?\s+)?")
SECTION_WORD = re.compile(r"[A-Z][\w'\u2019\-]*\s+")
#: Where the member's name ends and the speech begins, with no space between them: before a capital, or before
#: "asked" (a written question: "Mr. Wingfield Digbyasked the Prime Minister").
GLUE = re.compile(r"(?:Mc|Mac|O')?[A-Z][a-z'\u2019\-]+?(?=[A-Z]|asked\b)")


def _section_label(text: str) -> Found | None:
    """A member's contribution after Hansard's section mark, the name glued to the speech or set off by a colon."""
    start = SECTION_RE.match(text)
    if not start:
        return None
    rest = text[start.end():]
    m = LABEL_RE.match(rest)
    number = start.group("n") or ""  # the question's number: the turn's, as the section mark is
    if m and m.group("punct").strip() == ":":
        return Found(m.group("name"), "", m.group(0), start.end() + m.end(),
                     "a name after a section mark \u00a7, as a parliament's record prints a member's contribution",
                     "colon", number, section=True)
    pos = SECTION_TITLE.match(rest).end()
    glue = GLUE.match(rest, pos)
    for _ in range(3):  # the glued word is the name's first, second, third or fourth
        if glue:
            break
        word = SECTION_WORD.match(rest, pos)
        if not word:
            return None
        pos = word.end()
        glue = GLUE.match(rest, pos)
    if not glue:
        return None
    end = start.end() + glue.end()
    return Found(rest[: glue.end()], "", rest[: glue.end()], end,
                 "a member's name after a section mark \u00a7, glued to the speech as a parliament's record prints it",
                 "glued", number, section=True)


#: A block that is a page's furniture, not the record's words: a classification banner or stamp (``SECRET``,
#: ``SECRET/SENSITIVE``, ``TOP SECRET 2``, ``CLASSIFIED BY Henry A. Kissinger``, ``Declassify on: OADR``,
#: ``RELEASE IN FULL``, ``E.O. 12958: DECL: 05/02/27``) or a page number (``- 2 -``).
BANNER_RE = re.compile(
    r"(?:TOP\s+)?(?:SECRET|CONFIDENTIAL|UNCLASSIFIED|RESTRICTED|LIMITED OFFICIAL USE)(?:\s*/\s*[A-Z]+(?:[ -][A-Z]+)*)?"
    r"(?:\s+(?:SENSITIVE|NODIS|EXDIS|EYES ONLY|EXCLUSIVELY EYES ONLY))*(?:\s+\d{1,3})?"
    r"|(?:CLASSIFIED BY|Classified by|DECLASSIFY ON|Declassify on|DECLASSIFIED|EXEMPT FROM|RELEASE IN)\b.{0,80}"
    r"|E\.O\. 1\d{4}: DECL\b.{0,40}")
PAGE_NUMBER_RE = re.compile(r"[-\u2013]\s*\d{1,4}\s*[-\u2013]")


def furniture(text: str) -> str:
    """The ``fw/@type`` of a block that is a page's furniture (``classification``, ``pageNum``), else ""."""
    flat = " ".join(text.split())
    if PAGE_NUMBER_RE.fullmatch(flat):
        return "pageNum"
    return "classification" if BANNER_RE.fullmatch(flat) else ""


#: The end of a sentence, perhaps before a closing quotation mark: a line of speech, not a running head.
SENTENCE_END = re.compile(r"[.?!:;\u2026][\"\u201d\u2019]*$")

#: The longest line a running head or foot holds.
RUNNING_MAX = 200


def running_heads(bs: list[Block]) -> list[Block]:
    """The blocks with the running heads and foots of a document made into text from its pages marked as a page's
    furniture: a line that holds its page's number among the total (``CHM Ref: X5378.2009  © 2009 Computer History
    Museum  Page 2 of 49``; the language's ``[furniture] pages``), ``pageNum`` where it holds nothing else, and a
    line printed again word for word beside two or more of them (the interview's title over each page's number)."""
    page_of = language().page_of
    if page_of is None:
        return bs
    lines = ["" if "\n" in b.text.strip() else " ".join(b.text.split()) for b in bs]
    numbered: dict[int, str] = {}
    for i, line in enumerate(lines):
        m = page_of.search(line) if 0 < len(line) <= RUNNING_MAX else None
        if m and (m.start() == 0 or m.end() == len(line)):
            numbered[i] = "pageNum" if m.group() == line else "running"
    if not numbered:
        return bs
    beside = sorted({j for i in numbered for j in (i - 1, i + 1) if 0 <= j < len(bs) and j not in numbered and
                     lines[j]})  # (each line once: one between two page numbers is beside them once)
    again = Counter(lines[j] for j in beside)
    numbered.update({j: "running" for j in beside if again[lines[j]] >= 2 and not SENTENCE_END.search(lines[j])})
    return [replace(b, fw=numbered[i]) if i in numbered else b for i, b in enumerate(bs)]


#: A block of nothing but a clock time, as a parliament's record prints the time a speech began (``23.02``) and
#: a log the time of what follows.
TIME_ONLY = re.compile(r"\(?(?:[01]?\d|2[0-4])[.:][0-5]\d(?::[0-5]\d)?(?:\s?Uhr|\s?h)?\)?")


#: A definition of Markdown's definition lists (Pandoc, PHP Markdown Extra): a colon, a space or a tab, the words;
#: under a speaker's name alone on its line, the speech.
DEFINITION = re.compile(r":[ \t]+\S")


def _speech_follows(bs: list[Block], i: int, end: int) -> bool:
    """Whether speech follows a label without punctuation: on its line (where OCR stripped the punctuation), or,
    where it stands alone, in the rest of its block or the next block, a sentence or a long line, not another
    short line of a list (``The Vice President`` over ``Warren Christopher, ...``). A salutation that ends in a
    colon opens a speech (``Amigas, amigos:``, ``Ladies and gentlemen:``) where speech follows it, not a field's
    name over a list (``Auf der Regierungsbank:``)."""
    line = _label_line(bs, i)
    if line[end:].strip():
        return True
    lines = _lines_after(bs, i)
    if lines and DEFINITION.match(lines[0]):
        return True  # the speech set as a definition under its speaker's name (Pandoc's "Ruth" over ":  Kombach")
    if lines and re.search(r"\w:$", lines[0]) and not _names_only(lines[0][:-1]):
        return len(lines) > 1 and _speech_line(lines[1])  # (a name and a colon is the next label)
    return bool(lines) and _speech_line(lines[0])


def _lines_after(bs: list[Block], i: int) -> list[str]:
    """The next lines after the first line of block ``i``: the rest of its block, else the next blocks', without
    a court transcript's line numbers (a numbered line with nothing else is no line)."""
    rest = bs[i].text.split("\n")[1:] + [line for b in bs[i + 1:i + 3] for line in b.text.split("\n")]
    return [x for x in (LEADING_MARKS.sub("", line).strip() for line in rest) if x][:2]


def _under_entry(bs: list[Block], i: int) -> bool:
    """Whether the line above block ``i`` (a court transcript's line numbers aside) is an index's entry, a name and
    its pages."""
    above = [x for b in bs[max(0, i - 2):i] for x in (LEADING_MARKS.sub("", line).strip()
                                                        for line in b.text.split("\n")) if x]
    return bool(above) and bool(TOC_ENTRY.search(above[-1]))


#: The longest line a page's list of links holds (an article's headline).
LINK_LINE = 140


def _among_links(bs: list[Block], i: int) -> bool:
    """Whether block ``i`` is one of the short lines a page lists under its own words and a colon (``Leia
    também:``, ``Read more:``): links to other pages, not the record's text."""
    above = [line.strip() for b in bs[max(0, i - 8):i] for line in b.text.split("\n") if line.strip()]
    for line in reversed(above):
        if len(line) > LINK_LINE:
            return False
        if line.endswith(":") and language().is_furniture(line[:-1]):
            return True
    return False


#: A paragraph that opens with a capital letter alone and its full stop or parenthesis, as a list's items are lettered.
LETTER = re.compile(r"(?P<letter>[A-Z])(?P<mark>[.)])[ \t\u00a0]")


def _lettered(bs: list[Block], i: int) -> bool:
    """Whether block ``i`` is an item of a list lettered in the alphabet's order, as an agenda's items are (``A.``,
    ``B.``, ... ``E. Vorbereitung der Plenarsitzungen: ...``): the block above or below it opens with the letter
    before or after its own, in the same punctuation. (A question's ``Q.`` is answered by ``A.``, not by ``R.``.)"""
    m = LETTER.match(bs[i].text)
    if not m:
        return False
    for j, step in ((i - 1, -1), (i + 1, 1)):
        other = LETTER.match(bs[j].text) if 0 <= j < len(bs) else None
        if other and other.group("mark") == m.group("mark") and \
                ord(other.group("letter")) == ord(m.group("letter")) + step:
            return True
    return False


def _label_line(bs: list[Block], i: int) -> str:
    """The first line of block ``i`` without a court transcript's line numbers, as a label is read from it."""
    return LEADING_MARKS.sub("", bs[i].text.split("\n", 1)[0])


#: The heading of an item of minutes or of a parliament's business: a section sign and its number, then words, as
#: Nordic and German-speaking parliaments and boards number them (the Riksdag's "§ 4 Meddelande om ...").
ITEM_HEADING = re.compile(r"\u00a7[ \u00a0]?\d{1,4}[a-z]?\.?[ \u00a0]+[^\W\d_]")


def _speech_line(line: str) -> bool:
    """A line of speech: long, or a sentence's end (perhaps before a bracket: "So. (Laughter)"); not a line of
    names (``Abg. Angelika Löber (SPD)``) nor the heading of the next item of business (``§ 4 Meddelande ...``)."""
    if ITEM_HEADING.match(line) and not re.search(r"[.?!\u2026]$", line):
        return False
    return len(line) >= 80 or bool(re.search(r"[.?!\u2026][\"\u201d\u2019)\]]*$", line)) or bool(
        re.search(r"[.?!\u2026]\s.*[\])]$", line) and not _names_only(line))


def _names_only(line: str) -> bool:
    """A short line whose words are all capitalised (a party in parentheses aside) and end no sentence, nor hold an
    exclamation or a question (a speech's address, ``Szanowna Pani Marszałek! Wysoka Izbo! Proszę``)."""
    words = re.sub(r"\([^()]*\)", "", line).split()
    return bool(words) and len(words) <= 6 and all(w[:1].isupper() for w in words) and \
        not re.search(r"[.?!\u2026]$|[!?]", line)


def _names_follow(bs: list[Block], i: int, end: int) -> bool:
    """Whether a label alone on its line stands over a line of names (``Abg. Klaus Herrmann (AfD)``), as a
    field's name does in a list, rather than over speech."""
    line = _label_line(bs, i)
    lines = _lines_after(bs, i)
    return not line[end:].strip() and bool(lines) and _names_only(lines[0])


def _numbered_list(text: str, line: int, n: str) -> Item | None:
    """A numbered list, its items on consecutive lines of one block, each opening with the number after the one
    before (an agenda's ``1. Welkom`` over ``2. Toelichting commissies`` over ``3. ...``; the first number, ``n``,
    already read off the block): a list whose items keep their numbers. None where the lines do not count on."""
    lines = text.split("\n")
    marks = [NUMBER_RE.match(x) for x in lines[1:]]
    if len(lines) < 2 or not n.isdigit() or not all(
            m and int(m.group("n")) == int(n) + k + 1 for k, m in enumerate(marks)):
        return None
    items = [(lines[0], line)] + [(x[m.end():], line + k + 1) for k, (x, m) in enumerate(zip(lines[1:], marks,
                                                                                          strict=True))]
    return Item("list", "", line, items=items, rend="numbered", numbers=[n] + [m.group("n") for m in marks])


def _item(text: str, line: int, n: str) -> Item:
    kind = furniture(text) if not n else ""
    if kind:
        return Item("fw", text, line, rend=kind)
    if not n and TIME_ONLY.fullmatch(text.strip()):
        return Item("time", text.strip(), line)
    numbered = _numbered_list(text, line, n) if n else None
    if numbered is not None:
        return numbered
    lm = LIST_RE.match(text)
    if lm:
        # Items on consecutive lines of one block are items each; otherwise the block is one item.
        lines = text.split("\n")
        marks = [LIST_RE.match(x) for x in lines]
        if len(lines) > 1 and all(m and m.group("mark") == lm.group("mark") for m in marks):
            items = [(x[m.end():], line + k) for k, (x, m) in enumerate(zip(lines, marks, strict=True))]
        else:
            items = [(text[lm.end():], line)]
        return Item("list", "", line, n=n, items=items, rend=LIST_REND[lm.group("mark")])
    stripped = text.strip()
    if len(stripped) > 1 and stripped[0] in "\u201c\"" and stripped[-1] in "\u201d\"" and \
            stripped.count(stripped[0]) + stripped.count(stripped[-1]) <= 2:
        return Item("quote", text, line, n=n)
    return Item("p", text, line, n=n)
