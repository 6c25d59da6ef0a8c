"""The languages a transcript may be in, as data: one TOML file per language in ``languages/`` gives its common
words (by which a transcript's language is recognised), month and weekday names and date orders, forms of a time,
the names of a header's fields, credit words, the titles and offices that open a speaker's label, the words of an
event in the room, the words that name a kind of record and a web page's own words. Adding a language is adding a
file; no code names a language.

The language recognised for a transcript is in force for the time of its encoding (:func:`using`), as a profile is;
the readers ask :func:`current` for its words, which hold the words of English as well (a transcript in any
language may be published on a page whose furniture is English). Dates are read in the words of every language."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

#: The roles a language file may credit, as the header's ``resp`` says them.
CREDIT_ROLES = ("translator", "interpreter", "interviewer", "notetaker", "drafted by", "editor")
#: The kinds of record (``text/@subtype``) a language file's words may name, in the order they are tried.
KINDS = ("telephone", "press", "interview", "hearing", "trial", "debate", "minutes", "meeting")
FIELDS = ("date", "time", "end", "place", "subject", "agenda", "participants", "interviewee", "contents", "catalogue",
          "title")
#: The kinds of field whose values are people: who took part, and who was interviewed.
PEOPLE = ("participants", "interviewee")
#: The fewest common words a transcript must hold for its language to be told (fewer: English, and said so).
MIN_WORDS = 5


@dataclass(frozen=True)
class Language:
    """What one language file gives (see ``languages/en.toml`` for each key's meaning)."""

    code: str
    name: str
    words: frozenset[str]
    months: tuple[tuple[str, ...], ...]
    weekdays: tuple[str, ...]
    numeric: str = "dmy"
    ordinals: tuple[str, ...] = ()
    joiners: tuple[str, ...] = ()
    after_year: tuple[str, ...] = ()
    time_forms: tuple[str, ...] = ()
    opening: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    slate: tuple[str, ...] = ()
    approximate: tuple[str, ...] = ()  # words that say a time is approximate ("approximately", "gegen")
    published: tuple[str, ...] = ()
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    credits: dict[str, tuple[str, ...]] = field(default_factory=dict)
    titles: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    particles: tuple[str, ...] = ()
    not_speakers: tuple[str, ...] = ()
    items: tuple[str, ...] = ()  # the words that head a minute's item ("Ergebnis", "Decision"): no speaker's
    notes: tuple[str, ...] = ()
    chairs: tuple[str, ...] = ()
    examining: tuple[str, ...] = ()
    signing_on: tuple[str, ...] = ()
    prompts: tuple[str, ...] = ()
    numbered: tuple[str, ...] = ()
    compounds: tuple[str, ...] | None = None
    saying: tuple[str, ...] = ()
    inaudible: tuple[str, ...] = ()
    withheld: tuple[str, ...] = ()
    recording: tuple[str, ...] = ()  # the transcriber's notes on the recording: "(END OF SIDE 1)"
    court: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    presiding: tuple[str, ...] = ()
    kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    narrated: tuple[str, ...] = ()
    furniture: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    place_heads: tuple[str, ...] = ()
    aboard: tuple[str, ...] = ()
    place_in: tuple[str, ...] = ()
    series: tuple[str, ...] = ()
    unfinished: tuple[str, ...] = ()
    title_case: bool = False


def _strings(data: dict, key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where}: {key} must be a list of words")
    return tuple(value)


def _pages(data: dict, where: str) -> tuple[str, ...]:
    forms = _strings(data, "pages", where)
    if any("{n}" not in f or "{total}" not in f for f in forms):
        raise ValueError(f"{where}: [furniture] pages must hold {{n}} and {{total}} (\"Page {{n}} of {{total}}\")")
    return forms


def parse(text: str, where: str) -> Language:
    """A language from its file's text; a file that lacks what the encoder needs is a ``ValueError`` naming it."""
    data = tomllib.loads(text)
    dates, times = data.get("dates", {}), data.get("times", {})
    months = dates.get("months", [])
    if len(months) != 12 or not all(isinstance(m, list) and m for m in months):
        raise ValueError(f"{where}: [dates] months must give twelve lists of names")
    if dates.get("numeric", "dmy") not in ("dmy", "mdy"):
        raise ValueError(f"{where}: [dates] numeric must be \"dmy\" or \"mdy\"")
    if data.get("titles", {}).get("case", "sentence") not in ("title", "sentence"):
        raise ValueError(f"{where}: [titles] case must be \"title\" or \"sentence\"")
    labels, sections = data.get("labels", {}), {}
    for section, allowed in (("fields", FIELDS), ("credits", CREDIT_ROLES), ("kinds", KINDS + ("narrated",))):
        table = data.get(section, {})
        unknown = set(table) - set(allowed)
        if unknown:
            raise ValueError(f"{where}: [{section}] has no key {sorted(unknown)[0]!r} (known: {', '.join(allowed)})")
        sections[section] = {k: _strings(table, k, where) for k in table}
    return Language(
        code=data["code"], name=data["name"], words=frozenset(w.lower() for w in _strings(data, "words", where)),
        months=tuple(tuple(m) for m in months), weekdays=_strings(dates, "weekdays", where),
        numeric=dates.get("numeric", "dmy"), ordinals=_strings(dates, "ordinals", where),
        joiners=_strings(dates, "joiners", where), after_year=_strings(dates, "after_year", where),
        published=_strings(dates, "published", where),
        time_forms=_strings(times, "forms", where), opening=_strings(times, "opening", where),
        closing=_strings(times, "closing", where), slate=_strings(times, "slate", where),
        approximate=_strings(times, "approximate", where), fields=sections["fields"],
        credits=sections["credits"],
        titles=_strings(labels, "titles", where), abbreviations=_strings(labels, "abbreviations", where),
        questions=_strings(labels, "questions", where),
        answers=_strings(labels, "answers", where), particles=_strings(labels, "particles", where),
        not_speakers=_strings(labels, "not_speakers", where), items=_strings(labels, "items", where),
        notes=_strings(labels, "notes", where),
        chairs=_strings(labels, "chairs", where),
        court=_strings(labels, "court", where), examining=_strings(labels, "examining", where),
        signing_on=_strings(labels, "signing_on", where), prompts=_strings(labels, "prompts", where),
        numbered=_strings(labels, "numbered", where),
        compounds=_strings(labels, "compounds", where) if "compounds" in labels else None,
        saying=_strings(labels, "saying", where),
        inaudible=_strings(data.get("events", {}), "inaudible", where),
        withheld=_strings(data.get("events", {}), "withheld", where),
        recording=_strings(data.get("events", {}), "recording", where),
        events=_strings(data.get("events", {}), "words", where),
        presiding=_strings(data.get("events", {}), "presiding", where),
        kinds={k: v for k, v in sections["kinds"].items() if k in KINDS},
        narrated=sections["kinds"].get("narrated", ()),
        furniture=_strings(data.get("furniture", {}), "phrases", where),
        pages=_pages(data.get("furniture", {}), where),
        places=_strings(data.get("places", {}), "words", where),
        place_heads=_strings(data.get("places", {}), "heads", where),
        aboard=_strings(data.get("places", {}), "aboard", where),
        place_in=_strings(data.get("places", {}), "in", where),
        series=_strings(data.get("series", {}), "words", where),
        unfinished=_strings(data.get("titles", {}), "unfinished", where),
        title_case=data.get("titles", {}).get("case") == "title")


@cache
def languages() -> dict[str, Language]:
    """Every language the encoder knows, by its code (``en``, ``de``, ...)."""
    folder = resources.files("edition.encode") / "languages"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            language = parse(entry.read_text(encoding="utf-8"), f"edition/encode/languages/{entry.name}")
            found[language.code] = language
    return found


_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


@dataclass(frozen=True)
class Detected:
    """The language recognised for a transcript, and the evidence: how many of its common words the text holds,
    the most frequent of them, and the runner-up's count."""

    language: Language
    hits: int
    examples: tuple[str, ...]
    runner_up: tuple[str, int] | None

    @property
    def evidence(self) -> str:
        if self.hits < MIN_WORDS:
            return (f"too few common words of any language ({self.hits}) to tell: {self.language.name} is assumed")
        said = f"{self.hits} of its common words ({', '.join(repr(w) for w in self.examples)})"
        if self.runner_up:
            name, n = self.runner_up
            said += f"; {name} next with {n}"
        return said


def detect(text: str) -> Detected:
    """The language of a text: the one whose common words it holds most often (English when none holds enough)."""
    tokens = Counter(w.lower() for w in _WORD.findall(text[:200_000]))
    scores = []
    for language in languages().values():
        hits = Counter({w: n for w, n in tokens.items() if w in language.words})
        scores.append((sum(hits.values()), language, hits))
    scores.sort(key=lambda s: (-s[0], s[1].code != "en", s[1].code))
    best, language, hits = scores[0]
    english = languages()["en"]
    if best < MIN_WORDS:
        return Detected(english, best, (), None)
    runner = (scores[1][1].name, scores[1][0]) if len(scores) > 1 and scores[1][0] else None
    return Detected(language, best, tuple(w for w, _ in hits.most_common(3)), runner)


@dataclass(frozen=True)
class Vocabulary:
    """The words the readers use for one transcript: those of its language, with English's beside them."""

    language: Language

    @cached_property
    def _all(self) -> tuple[Language, ...]:
        english = languages()["en"]
        return (self.language,) if self.language.code == "en" else (self.language, english)

    def _union(self, attribute: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(w for lang in self._all for w in getattr(lang, attribute)))

    @property
    def title_case(self) -> bool:
        """Whether the transcript's language capitalises every word of a title (English), so that a kind of record
        named in lower case is mentioned in passing; not English's beside another language's."""
        return self.language.title_case

    @property
    def place_in(self) -> tuple[str, ...]:
        """The transcript's own language's words before a town that ends a title (``em``, ``en``); not English's."""
        return self.language.place_in

    @cached_property
    def titles(self) -> tuple[str, ...]:
        """Titles and offices, and the titles written short."""
        return tuple(dict.fromkeys(self._union("titles") + self._union("abbreviations")))

    @cached_property
    def examining(self) -> frozenset[str]:
        return frozenset(self._union("examining"))

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._union("abbreviations"))

    @cached_property
    def questions(self) -> frozenset[str]:
        return frozenset(self._union("questions"))

    @cached_property
    def answers(self) -> frozenset[str]:
        return frozenset(self._union("answers"))

    @cached_property
    def item_words(self) -> frozenset[str]:
        """The words that head an item of minutes (``Ergebnis``, ``Beschluss``, ``Decision``, ``Vote``), lower case:
        a label that holds one names what follows, never who speaks."""
        return frozenset(w.lower() for w in self._union("items"))

    @cached_property
    def not_speakers(self) -> frozenset[str]:
        """Words that open speech and never name a speaker (``Danke``, ``Yes``), lower case."""
        return frozenset(w.lower() for w in self._union("not_speakers"))

    @cached_property
    def note_words(self) -> frozenset[str]:
        """The words of a note's heading (``Note``, ``Anmerkung``), lower case."""
        return frozenset(w.lower() for w in self._union("notes"))

    @cached_property
    def saying(self) -> frozenset[str]:
        """The words after a comma that end a label by saying that the person speaks (``som yttrade``), lower
        case."""
        return frozenset(w.lower() for w in self._union("saying"))

    @cached_property
    def particles(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self._union("particles"))

    @cached_property
    def lead_re(self) -> re.Pattern[str]:
        """What may stand before a label and is printed with it: a clock time, perhaps in brackets (a mission's log,
        a video's transcript: ``006:09:17 Duke:``, ``[00:09:25] Name:``; a recognised segment, ``[43.48, 46.12] -
        SPEAKER_00:``); then an opening quotation mark (a record
        that sets each paragraph in quotes), a paragraph number glued to the label (``2Gorbachev:``), or the number
        the record gives the question or the speech the label opens, after its language's word (a Westminster
        committee's ``Q1 Chair:``, the Riksdag's ``Anf. 12 Talmannen:``). (Not a bullet: a list's item, such as a
        participant's name, is no label.)"""
        numbered = "|".join(re.escape(w) + (r"[ \u00a0]?" if w.endswith(".") else "") + r"\d{1,5}"
                            for w in sorted(self._union("numbered"), key=len, reverse=True))
        clock = r"(?:\d{1,3}:)?\d{1,3}:\d{2}(?:[.,]\d{1,3})?"
        # (a segment of a recording, its start and end in seconds or as clock times, and a dash after it, as speech
        # recognition writes each voice's segment: "[43.48, 46.12] - SPEAKER_00:")
        offset = rf"(?:{clock}|\d{{1,6}}(?:\.\d{{1,3}})?)"
        segment = rf"\[{offset}(?:,|[ \u00a0]?[-\u2013][ \u00a0]?)[ \u00a0]?{offset}\](?:[ \t\u00a0]+[-\u2013])?"
        return re.compile(rf"(?P<time>(?:{clock}|\[{clock}\]|{segment})[ \t\u00a0]+(?=[^\W\d_]))?"
                          r"(?:['\u2018\u201c\"]|(?P<number>\d{1,3})(?=[^\W\d_])"
                          + (rf"|(?P<asked>{numbered})[ \t\u00a0]+(?=[^\W\d_])" if numbered else "(?P<asked>(?!))")
                          + r")?")

    @cached_property
    def title_re(self) -> re.Pattern[str]:
        """A title or office at a position (``Präsident``, ``El señor``, ``M.``), longest first; a title of one
        letter in the case the file gives (``M`` is Monsieur, ``m`` is nothing), a longer one in any case (``THE
        CHAIRMAN``, ``MR.``)."""
        titles = sorted(self.titles, key=len, reverse=True)
        short = [re.escape(t) for t in titles if len(t) == 1]
        long = [re.escape(t).replace(r"\ ", r"\s+").replace("'", "['\u2019]")  # ("El\nPresidente", wrapped;
                for t in titles if len(t) > 1]  # either apostrophe: "L’honorable")
        alternatives = [f"(?i:{'|'.join(long)})"] if long else []
        alternatives += short
        # a language that writes compounds solid names an office by one that ends in a title of its own
        # ("Miljöminister", "Bundesfinanzminister"), its first parts perhaps joined ("Klimat- och miljöminister")
        for lang in self._all:
            ends = [re.escape(t) for t in sorted(lang.titles, key=len, reverse=True) if len(t) >= 6 and " " not in t]
            if lang.compounds is not None and ends:
                joined = "|".join(re.escape(w) for w in lang.compounds)
                first = rf"(?:[^\W\d_]+-[ \t\u00a0]+(?:{joined})[ \t\u00a0]+)?" if joined else ""
                alternatives.append(rf"{first}[^\W\d_]{{2,}}(?i:{'|'.join(ends)})")
        return re.compile(r"(?:" + "|".join(alternatives) + r")(?:\.|(?=[\s:,(]|$))")

    @cached_property
    def time_forms(self) -> tuple[re.Pattern[str], ...]:
        """The forms of a time in words of the languages (``alle 9,35``, ``godz. 10 min 05``, ``15 h 30``), each a
        pattern with the groups ``h1`` and ``m1`` (empty where the form gives no minute), longest first."""
        def pattern(form: str) -> re.Pattern[str]:
            out = re.escape(form).replace(r"\{h\}", r"(?P<h1>[01]?\d|2[0-4])", 1)
            out = out.replace(r"\{m\}", r"(?P<m1>[0-5]?\d)", 1).replace(r"\ ", r"\s*")
            if "(?P<m1>" not in out:
                out += r"(?P<m1>)"
            return re.compile(r"(?<!\w)" + out + r"(?!\w)", re.I)
        return tuple(pattern(f) for f in sorted(self._union("time_forms"), key=len, reverse=True))

    @cached_property
    def time_words(self) -> frozenset[str]:
        """The words of the time forms (``heures``, ``horas``, ``Uhr``, ``kl``), lower case: a text without one holds
        no time in words."""
        return frozenset(w.lower() for f in self._union("time_forms") for w in re.findall(r"[^\W\d_]{2,}", f))

    @cached_property
    def chairs_re(self) -> re.Pattern[str] | None:
        return self.phrase_re("chairs")

    @cached_property
    def court_re(self) -> re.Pattern[str] | None:
        return self.phrase_re("court")

    def phrase_re(self, attribute: str) -> re.Pattern[str] | None:
        """Any of a list of phrases of both languages (``opening``, ``closing``, ``chairs``, ``court``,
        ``presiding``, ``narrated``: the words with which a record in narrative tells of a meeting), as whole
        words, case aside; made once."""
        cache = self.__dict__.setdefault("_phrases", {})
        if attribute not in cache:
            words = sorted(self._union(attribute), key=len, reverse=True)
            cache[attribute] = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)",
                                          re.I) if words else None
        return cache[attribute]

    @cached_property
    def events_re(self) -> re.Pattern[str] | None:
        """The words that open an event in the room, at the start of a bracket's or parenthesis's words."""
        words = sorted(self._union("events"), key=len, reverse=True)
        return re.compile(r"(?i:" + "|".join(re.escape(w) for w in words) + r")(?!\w)") if words else None

    def field_names(self, *kinds: str) -> frozenset[str]:
        """The names of a header's fields of these kinds (lower case), in both languages; made once."""
        cache = self.__dict__.setdefault("_fields", {})
        if kinds not in cache:
            cache[kinds] = frozenset(n.lower() for lang in self._all for k in kinds for n in lang.fields.get(k, ()))
        return cache[kinds]

    @cached_property
    def fields_and_credits(self) -> frozenset[str]:
        """The names of every field and the words of every credit, lower case."""
        return self.field_names(*FIELDS) | self.credit_names

    @cached_property
    def person_fields(self) -> frozenset[str]:
        """The one-word names of fields and credits that name a person by their role (``interviewer``,
        ``narrator``, ``interpreter``), lower case: a role that may label turns too."""
        words = self.field_names(*PEOPLE) | self.credit_names
        return frozenset(w for w in words if " " not in w)

    @cached_property
    def credit_names(self) -> frozenset[str]:
        """The words of every credit, lower case (``interviewer``, ``translated by``)."""
        return frozenset(w.lower() for w, _ in self.credit_words)

    @cached_property
    def credit_re(self) -> re.Pattern[str]:
        """Any credit's words, as whole words, case aside (longest first)."""
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w, _ in self.credit_words) + r")(?!\w)", re.I)

    @cached_property
    def credit_roles(self) -> dict[str, str]:
        """The role each credit's words give, by the words in lower case (``interviewer``: "interviewer")."""
        return {w.lower(): role for w, role in self.credit_words}

    @cached_property
    def weekdays(self) -> frozenset[str]:
        """The weekday names of the transcript's language, lower case."""
        return frozenset(w.lower() for w in self.language.weekdays)

    @cached_property
    def credit_words(self) -> tuple[tuple[str, str], ...]:
        """(words, role) for every credit, longest words first."""
        pairs = [(w, role) for lang in self._all for role, ws in lang.credits.items() for w in ws]
        return tuple(sorted(dict.fromkeys(pairs), key=lambda p: -len(p[0])))

    @cached_property
    def kinds(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        out = []
        for kind in KINDS:
            words = [w for lang in self._all for w in lang.kinds.get(kind, ())]
            if words:
                out.append((kind, re.compile(r"(?<!\w)(?:" + "|".join(
                    re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + r")(?!\w)", re.I)))
        return tuple(out)

    @cached_property
    def furniture(self) -> frozenset[str]:
        return frozenset(bare(p) for p in self._union("furniture"))

    @cached_property
    def page_of(self) -> re.Pattern[str] | None:
        """A page's number among its total in the words of either language (``Page 2 of 49``, ``Seite 2 von
        49``), as whole words, case aside."""
        forms = [re.escape(f).replace(r"\ ", r"\s+").replace(r"\{n\}", r"\d{1,4}").replace(r"\{total\}", r"\d{1,4}")
                 for f in self._union("pages")]
        return re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)", re.I) if forms else None

    @cached_property
    def place_words(self) -> frozenset[str]:
        """The words that name a room, a hall, a building (``Palácio``, ``Room``)."""
        return frozenset(self._union("places"))

    @cached_property
    def series_words(self) -> frozenset[str]:
        """The words that name a series or a project a record belongs to (``Oral History Project``)."""
        return frozenset(w.lower() for w in self._union("series"))

    @cached_property
    def unfinished(self) -> frozenset[str]:
        """The words that cannot end a title (``of``, ``del``), lower case: its title goes on on the next line."""
        return frozenset(w.lower() for w in self._union("unfinished"))

    @cached_property
    def place_end(self) -> re.Pattern[str] | None:
        """A line that ends with a word that names a place: a room, a hall, a building."""
        words = self._union("places")
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")[.,]?\s*$") if words else None

    @cached_property
    def place_start(self) -> re.Pattern[str] | None:
        """A line whose first or second word names a room, a hall, a building, the words after it whose it is
        (``Сесійний зал Верховної Ради України``, ``Salle des séances``): a language that puts the noun first."""
        words = self._union("place_heads")
        return re.compile(r"^\s*(?:[^\W\d_]+\s+)?(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)",
                          re.I) if words else None

    @cached_property
    def _aboard(self) -> re.Pattern[str] | None:
        words = sorted(self._union("aboard"), key=len, reverse=True)
        return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?=\w)", re.I) if words else None

    def names_a_journey(self, line: str) -> bool:
        """A short line, no sentence, that opens with the words of a record made on the way (``Aboard Air Force
        One``, ``En Route Kalamazoo, Michigan``, ``À bord de l'avion présidentiel``): where it was made."""
        return bool(self._aboard and self._aboard.match(line.strip()) and _place_shaped(line))

    def names_hall_first(self, line: str) -> bool:
        """A short line, no sentence, that opens with a place's noun (:attr:`place_start`): where the record was
        made, never its title."""
        return bool(self.place_start and self.place_start.search(line) and _place_shaped(line))

    def without_furniture(self, line: str) -> str:
        """A line without the page's own words it opens with, where the last of them is glued to a capital (``Liens
        Ignorer la navigationJournal des débats ...``: a skip link run into the title; not ``Contact Group``)."""
        pos, phrases = 0, self._furniture_phrases
        while True:
            found = next((len(p) for p in phrases if line[pos:pos + len(p)].lower() == p and
                          not line[pos + len(p):pos + len(p) + 1].islower()), 0)
            if not found:
                return line
            pos += found
            if line[pos:pos + 1].isupper():
                return line[pos:]  # glued: the page's words end here
            pos += len(line[pos:]) - len(line[pos:].lstrip())

    @cached_property
    def _furniture_phrases(self) -> tuple[str, ...]:
        return tuple(sorted({p.lower() for p in self._union("furniture")}, key=len, reverse=True))

    def is_furniture(self, line: str) -> bool:
        """A line that is nothing but a web page's own words (``Skip to content``, ``Version classiqueVersion
        mobile``, ``[ Publicité ]``); each line weighed once."""
        memo = self.__dict__.setdefault("_furniture_memo", {})
        if line not in memo:
            if len(memo) > 20000:
                memo.clear()
            memo[line] = bare(line) in self.furniture
        return memo[line]


def _place_shaped(line: str) -> bool:
    """A line as short as a place's name (80 characters at most) that ends no sentence."""
    return len(line) <= 80 and not re.search(r"[.?!]$", line.strip())


def bare(text: str) -> str:
    """Words as a page's furniture is compared: lower case, punctuation off."""
    return " ".join(re.sub(r"[^\w\s.'\u2019-]+", " ", text.lower()).split()).strip(" .")


_CURRENT: ContextVar[Vocabulary | None] = ContextVar("language", default=None)


@cache
def vocabulary(code: str) -> Vocabulary:
    """The vocabulary of a language, made once (its patterns are compiled on first use)."""
    return Vocabulary(languages()[code])


def current() -> Vocabulary:
    """The vocabulary in force: the transcript's language (English outside an encoding)."""
    return _CURRENT.get() or vocabulary("en")


@contextmanager
def using(language: Language) -> Iterator[None]:
    token = _CURRENT.set(vocabulary(language.code))
    try:
        yield
    finally:
        _CURRENT.reset(token)
