"""The kind of record a transcript is (``text/@subtype``: meeting, telephone, interview, hearing, debate, trial,
press, minutes, other), recognised as an editor does, on the evidence of its conventions: the words of its title
and opening in its language (``Memorandum of Telephone Conversation``, ``Press Briefing``, ``Stenographisches
Protokoll``, ``Oral History Interview``), the fields of an interview's title page (``Interviewer:``), and its
labels: who presides over a parliament (``Präsident``, ``Marszałek``, ``PRESIDENTE``, ``De voorzitter``) and the
parties in parentheses after members' names, who speaks in court (``THE COURT``, ``THE WITNESS``, ``JUDGE``), the
questions of a press briefing or an interview (``Q:``). The evidence is said in the editor's report."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from .labels import NUMBERED
from .language import current as language
from .opening import SENTENCE_BREAK, lines_of, narrative_opening, sentence
from .records import Record
from .titles import agenda_item

if TYPE_CHECKING:
    from .header import Facts

#: A party in parentheses after a member's name: an acronym or one short word (``(CDU)``, ``(PSD)``, ``(D66)``,
#: ``(Freiheitliche)``, ``(SANTA FE)`` is a province: not a party, but a parliament's all the same).
PARTY = re.compile(r"^(?:[A-ZÄÖÜ][\w/\-]{0,14}|[A-ZÄÖÜ][\w\-]+(?: [A-ZÄÖÜ][\w\-]+)?)$")


def words_kind(text: str, capitalised: bool = False) -> str | None:
    """The kind of record some words name in the transcript's language (or English), or None: the kind whose
    words come first (``Discurso ... no Senado Federal`` is a debate, whatever its summary says after).
    ``capitalised``: only words written as a title writes them (not "I just sitting here" in an opening's speech)."""
    found = [(m, kind) for kind, pattern in language().kinds
             if (m := next((m for m in pattern.finditer(text) if not capitalised or m.group()[:1].isupper()), None))]
    if not found:
        return None
    kinds = {kind for _, kind in found}
    if "meeting" in kinds and kinds & {"telephone", "press", "hearing", "interview", "trial"}:
        # a meeting's words name the occasion, another kind's what it was: a conversation on the telephone
        # ("Vermerk über ein Telefongespräch"), with the press ("Incontro del Presidente ... con i giornalisti"),
        # a commission of inquiry's hearing ("30ª Reunião da Comissão Parlamentar de Inquérito"); a sitting's
        # words and a meeting's, the first (a committee's "Séance" where "la réunion débute")
        found = [(m, kind) for m, kind in found if kind != "meeting"]
    first = min(m.start() for m, _ in found)  # at the same place the longest words: "Entrevista coletiva"
    return max(((m, kind) for m, kind in found if m.start() == first), key=lambda mk: len(mk[0].group()))[1]


def recognise(record: Record, f: Facts, asking: list[str], hosting: dict[str, str] | None = None
              ) -> tuple[str | None, str]:
    """The kind of record and the evidence for it; (None, "") where nothing says. ``asking``: who asks, as the
    turns show it (:func:`questioners`); ``hosting``: a broadcast's hosts (:func:`hosts`)."""
    v = language()
    interviewee = [name for name, role in f.listed if role == "interviewee"]
    if record.heading is not None:
        kind = words_kind(f.title)
        if kind == "meeting" and interviewee:  # a meeting's words name the occasion ("à conversa com X"), the
            kind = None  # field of the one interviewed what it was
        if kind:
            return kind, f"the words of its title ({f.title[:60]!r})"
        datelines = " ".join(text for part, text, _, _ in record.heading.parts if part == "dateline")
        kind = words_kind(datelines)  # the heading's own fields before the page's furniture: "EVENTO: Reunião"
        if kind:
            return kind, f"the words of its heading ({datelines[:60]!r})"
    interviewer = [name for role, name in f.credits if role == "interviewer"]
    if interviewer:
        return "interview", f"its title page names an interviewer ({interviewer[0]})"
    if interviewee:  # ("Interviewee: Fermat", "Entrevistada: ...": the field's name says what the record is)
        return "interview", f"its title page names an interviewee ({interviewee[0]})"
    labels = [t.label for t in record.turns]
    court = [label for label in labels if v.court_re and v.court_re.search(label)]
    if court:
        return "trial", f"who speaks in court, as its labels name them ({court[0]!r})"
    lines = [line for line, _ in lines_of(record)]
    agenda = next((line for line in lines if agenda_item(line)), None)
    if agenda:
        return "debate", f"an item of a parliament's agenda announced before its title ({agenda[:60]!r})"
    opening = " ".join(line for line in lines if not sentence(line) or line.isupper())  # (not an editor's note
    # that speaks of "das Protokoll", a transcript; a heading in capitals that runs on as long is no note)
    kind = words_kind(opening, capitalised=v.title_case)  # (a language that capitalises its titles)
    speeches = [label for label in labels if (m := v.lead_re.match(label)) and m.group("asked") and
                m.group("asked").rstrip("0123456789 .\u00a0") not in v.questions]
    if speeches:
        return "debate", f"a chamber's record that numbers each speech before its label ({speeches[0]!r})"
    chairs = [label for label in labels if v.chairs_re and v.chairs_re.search(label)
              and not NUMBERED.fullmatch(label.strip("[] :") + ":")]  # (a voice by its number: "[Speaker 1]")
    parties = [label for label in labels if any(PARTY.match(p.strip()) for p in re.findall(r"\(([^()]+)\)", label))]
    if kind in ("hearing", "meeting", "minutes") and (chairs or parties or labels):
        return kind, f"the words of its opening, and its labels ({labels[0]!r})"
    debating = kind == "debate" or (f.title and words_kind(f.title) == "debate")
    if chairs or (parties and debating) or any(t.section for t in record.turns):
        if any(t.section for t in record.turns):
            return "minutes", "a parliament's section marks before its members' contributions (\u00a7)"
        said = chairs[0] if chairs else parties[0]
        return "debate", f"a parliament's labels: who presides, or members with their parties ({said!r})"
    if kind:
        return kind, f"the words of its opening ({opening[:60]!r})"
    if hosting:
        name = next(iter(hosting.values()))
        return "interview", f"a broadcast: its host names themselves ({name!r}) and speaks in it"
    questions = [t.label for t in record.turns if t.name in v.questions]
    if questions:
        return "press", f"questions asked from the floor ({questions[0]!r})"
    if asking:
        return "interview", (f"its turns: {asking[0]} asks, in most turns a question, and the other answers at "
                             "length")
    asker = next((t.label for t in record.turns if v.credit_roles.get(t.name.lower()) == "interviewer"), None)
    if asker:  # ("Interviewer:", "Entrevistadora:": the label names who interviews, where nothing above says otherwise)
        return "interview", f"a speaker is labelled as the interviewer ({asker!r})"
    narrated = v.phrase_re("narrated")
    told = narrated.search(narrative_opening(record)[:NARRATED]) if narrated and not record.turns else None
    if told:  # an ambassador's record of his visit: "... 1 января посетил председателя ..."
        return "meeting", f"a record in narrative whose first paragraph tells of a meeting ({told.group()!r})"
    return None, ""


#: How far into a record's first paragraph the words that tell of a meeting are looked for.
NARRATED = 400


#: A question as printed in the languages: a question mark, Spanish's opening one, Greek's semicolon aside.
QUESTION = re.compile(r"[?\u00bf\u061f\uff1f]")


def questioners(record: Record) -> list[str]:
    """Who asks in an interview, as its turns show it (the convention of interviews in every language, broadcast,
    press or oral history): among two to four speakers, those who ask a question in most of their turns (two at
    least), and beside them one who answers, at greater length and seldom asking. Empty where the turns do not
    show it so (a debate, a conversation of equals, a briefing with many questioners)."""
    names = {t.name for t in record.turns}
    full = {initials(n): n for n in names if len(n.split()) >= 2}  # "MG:" after "Molly Graham:" is the same person
    turns: dict[str, list[str]] = {}
    for t in record.turns:
        said = " ".join(i.text for i in t.items)
        turns.setdefault(full.get(t.name.replace(".", ""), t.name), []).append(said)
    if not 2 <= len(turns) <= 4:
        return []

    prompt = language().phrase_re("prompts")

    def asks(s: str) -> bool:  # a question, or a request for an account ("Tell us about your family.")
        return bool(QUESTION.search(s) or (prompt and any(prompt.match(x) for x in SENTENCE_BREAK.split(s.strip()))))

    def asking(said: list[str]) -> float:
        return sum(asks(s) for s in said) / len(said)

    def words(said: list[str]) -> int:
        return sum(len(s.split()) for s in said)

    ask = [n for n, said in turns.items() if len(said) >= 2 and asking(said) >= 0.6]
    def rarely(said: list[str]) -> bool:  # few turns ask, or few sentences of all ("Ну что?!" in a long account)
        sentences = [x for s in said for x in SENTENCE_BREAK.split(s.strip()) if x]
        return asking(said) <= 0.34 or sum(asks(x) for x in sentences) <= 0.15 * len(sentences)

    answer = [n for n, said in turns.items() if n not in ask and len(said) >= 2 and rarely(said)]
    if not ask or len(answer) != 1 or len(ask) + len(answer) < len(turns) - 1:
        return []
    if words(turns[answer[0]]) <= max(words(turns[n]) for n in ask):
        return []
    return ask


#: A name as a host says it after the words that sign a broadcast on (``I'm Neal Conan, and this is ...``): two or
#: three capitalised words, then a comma, a full stop or the words that go on (``and``, ``in``, ``with``).
SIGNED = re.compile(r"\s+(?P<name>[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+){1,2})(?=[,.;]|\s+(?:and|in|with)\b)")

#: How many of the first turns a host's signing on is looked for in.
SIGNING_TURNS = 3


def hosts(record: Record) -> dict[str, str]:
    """A broadcast's hosts, by the name their labels give, with the full name they give themselves: the
    convention of radio and television, whose host signs on in the opening (``From NPR News in Washington, I'm
    Neal Conan, and this is TALK OF THE NATION.``, ``Good evening. I'm Judy Woodruff.``) and speaks under their
    surname (``CONAN:``) in two turns or more. The words that sign on are the language's (``signing_on``)."""
    sign = language().phrase_re("signing_on")
    if sign is None:
        return {}
    turns = record.turns
    said = [line for line, _ in lines_of(record)]
    said += [" ".join(i.text for i in t.items) for t in turns[:SIGNING_TURNS]]
    count = Counter(t.name for t in turns)
    found: dict[str, str] = {}
    for text in said:
        for m in sign.finditer(text):
            named = SIGNED.match(text, m.end())
            if named is None:
                continue
            surname = named.group("name").split()[-1].lower()
            for name, n in count.items():
                if n >= 2 and name.split()[-1].lower() == surname:
                    found.setdefault(name, named.group("name"))
    return found


def initials(name: str) -> str:
    """The initials of a name's capitalised words (``Molly Graham``: ``MG``)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper()).upper()
