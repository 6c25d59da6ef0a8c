"""The registry of persons and organisations, and how names in a transcript resolve against it.

The registry is a TSV file (``edition/data/persons.tsv`` by default; ``--persons`` gives another). A name resolves
only when exactly one entry claims it: a form claimed by two entries is ambiguous and is reported, not guessed.
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..conventions import person_id

#: Words that stand before a name in a label or the text and are not part of it.
HONORIFICS = frozenset(
    "Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Comrade President Prime Minister Chancellor Ambassador Secretary "
    "General King Queen Sir Lady Lord Foreign Premier Chairman The the"
    .split()
)


@dataclass
class Entity:
    """A person or organisation of the registry (or a provisional person made for an unresolved label)."""

    id: str
    kind: str = "person"
    name: str = ""
    forename: str = ""
    surname: str = ""
    aliases: list[str] = field(default_factory=list)
    wikidata: str = ""
    birth: str = ""
    death: str = ""
    role: str = ""
    provisional: bool = False


#: What makes a name part of an institution's or a place's name: ``George Washington University``, ``Gorbachev
#: Archive``, ``Kennedy Center``, ``Truman Doctrine``.
INSTITUTION = re.compile(r"(?:\s+[A-Z][\w.'\u2019\-]*){0,3}\s+(?:University|College|Archives?|Foundation|Library|"
                         r"Institute|Center|Centre|Museum|School|Street|Avenue|Boulevard|Square|Bridge|Airport|"
                         r"Prize|Doctrine|Plan|Memorial|Hospital|Company|Corporation|Fund|Trust|Society|Papers|"
                         r"Collection|Station|Park|Building)\b")
#: Initials between a forename and a surname of one name: ``George H.W. Bush``, ``John F. Kennedy``.
INITIALS = re.compile(r"\s+(?:[A-Z]\.\s?){1,3}\s*")
#: A capitalised word right after a given name: perhaps a surname, or a patronymic (``Mikhail Sergeyevich``).
SURNAME_AFTER = re.compile(r"[ \t]+(?P<word>[A-Z][\w'\u2019\-]+)")
PATRONYMIC = re.compile(r"(?:ovich|evich|ich|ovna|evna|ichna|yevich|yevna)$")
#: A capitalised word right before a name, in the middle of a sentence: perhaps a given name.
GIVEN_BEFORE = re.compile(r"(?<=[a-z,;:]\s)(?P<word>[A-Z][a-z]+)\s+\Z")
#: Capitalised words before a surname that are no given names: titles, offices, nationalities.
NOT_GIVEN = frozenset(
    "Mr Mrs Ms Miss Dr Sir Lord Lady Dame President Chancellor Minister Secretary Ambassador Comrade General "
    "Premier Chairman King Queen Prince Princess Senator Governor Mayor Foreign Prime Vice Deputy Madame Herr Frau "
    "Monsieur Mister Shah Sheikh Emir Sultan Pope Marshal Colonel Captain Admiral Professor Academician Bishop "
    "Father Brother Dear Soviet American French German British Italian Japanese Chinese Russian Syrian Iraqi "
    "Iranian Egyptian Indian Israeli Leader Speaker Counselor Counsellor Envoy Commissioner Director".split())


@dataclass(frozen=True)
class Mention:
    """A name found in running text: ``[start, end)`` of the raw string, with the entity it names (or None)."""

    start: int
    end: int
    text: str
    ids: tuple[str, ...]


class Registry:
    """Entities by id, and an index from each alias to the ids that claim it."""

    def __init__(self, entities: list[Entity]):
        self.entities: dict[str, Entity] = {}
        self.by_alias: dict[str, set[str]] = {}
        for e in entities:
            self.add(e)
        self._pattern: re.Pattern[str] | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> Registry:
        """Read a registry TSV: the packaged one when ``path`` is None."""
        if path is None:
            text = resources.files("edition").joinpath("data/persons.tsv").read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        rows = csv.DictReader((line for line in text.splitlines() if line and not line.startswith("#")),
                              delimiter="\t")
        entities = []
        for row in rows:
            row = {k: (v or "").strip() for k, v in row.items() if k}
            entities.append(
                Entity(
                    id=row["id"], kind=row.get("kind") or "person", name=row.get("name", ""),
                    forename=row.get("forename", ""), surname=row.get("surname", ""),
                    aliases=[a.strip() for a in row.get("aliases", "").split("|") if a.strip()],
                    wikidata=row.get("wikidata", ""), birth=row.get("birth", ""), death=row.get("death", ""),
                    role=row.get("role", ""),
                )
            )
        return cls(entities)

    def add(self, entity: Entity) -> None:
        self.entities[entity.id] = entity
        for alias in {*entity.aliases, entity.name}:
            if alias:
                self.by_alias.setdefault(_norm(alias), set()).add(entity.id)
        self._pattern = None

    def ids(self, name: str) -> set[str]:
        """The ids of every entry that claims ``name`` (white space, case and apostrophes folded)."""
        return self.by_alias.get(_norm(name), set())

    def lookup(self, name: str) -> str | None:
        """The id of the one entry that claims ``name``; None when none or several do."""
        ids = self.ids(name)
        return next(iter(ids)) if len(ids) == 1 else None

    def provisional(self, label: str) -> Entity:
        """A person made for a label the registry does not know, so that no turn is left without a speaker."""
        pid = person_id(label)
        if pid not in self.entities:
            self.add(Entity(id=pid, name=label, aliases=[label], provisional=True,
                            role="Provisional entry made by the encoder for an unresolved speaker label."))
        return self.entities[pid]

    # --- speaker labels -------------------------------------------------------------------------------------

    def resolve_label(self, name: str, supplied: str = "") -> tuple[str | None, str]:
        """Resolve a speaker label to one entity id.

        ``name`` is the printed label without its final ``.``/``:`` and without a bracketed supplied forename,
        which comes as ``supplied``. Returns ``(id, how)``: ``how`` is ``""`` for an exact match, or says why the
        label was taken as someone (a near spelling) or could not be (ambiguous, unknown).
        """
        full = f"{supplied} {name}".strip() if supplied else name
        for candidate in (full, _strip_honorifics(full), name, _strip_honorifics(name)):
            ids = self.by_alias.get(_norm(candidate))
            if ids and len(ids) == 1:
                found = next(iter(ids))
                if supplied and not self.forename_fits(found, supplied):
                    return None, f"the supplied forename [{supplied}] does not fit {self.entities[found].name}"
                return found, ""
            if ids:
                return None, "ambiguous: " + ", ".join(sorted(ids))
        # Initials before a surname (M.S. GORBACHEV): the surname decides, the initials must fit the forename.
        words = _strip_honorifics(name).split()
        if len(words) > 1:
            initials = [w for w in words[:-1] if re.fullmatch(r"(?:[A-Z]\.)+", w.upper())]
            ids = self.by_alias.get(_norm(words[-1]))
            if initials and ids and len(ids) == 1:
                found = next(iter(ids))
                if self.entities[found].forename[:1].upper() == initials[0][0].upper():
                    return found, ""
        # A surname, or a near spelling of one (Mitterand for Mitterrand), is taken, and said; not where the label
        # gives the person another forename (Omar Aziz is not Tariq Aziz).
        surnames = {_norm(e.surname): e.id for e in self.entities.values() if e.surname and e.kind == "person"}
        close = difflib.get_close_matches(_norm(words[-1] if words else name), list(surnames), n=2, cutoff=0.85)
        if len(close) == 1:
            found = surnames[close[0]]
            given = words[-2] if len(words) > 1 else ""
            if given.isalpha() and given.title() not in NOT_GIVEN and not any(w.islower() for w in words[:-2]) \
                    and not self.forename_fits(found, given):
                return None, f"unknown: the surname is {self.entities[found].name}'s, the forename {given} not"
            return found, f"taken as {self.entities[found].name} (near spelling)"
        return None, "unknown"

    def forename_fits(self, entity_id: str, supplied: str) -> bool:
        """Whether a forename (or its initial: ``T.``) given before the surname is the entry's."""
        e = self.entities[entity_id]
        if not e.forename:
            return True
        variants = {_norm(a.split()[0]) for a in e.aliases if len(a.split()) > 1} | {_norm(e.forename)}
        given = _norm(supplied.split()[0])
        return given in variants or (re.fullmatch(r"\w\.", given) is not None and given[0] == _norm(e.forename)[0])

    # --- mentions in running text ---------------------------------------------------------------------------

    def mentions(self, text: str, ignore_case: bool = False) -> list[Mention]:
        """Every registry name in ``text``, longest first, not overlapping; a bracketed forename joins its name.

        ``[Saddam] Hussein`` is one mention of ``saddam-hussein``; ``[Raisa] Gorbachev`` does not fit the
        registry's Gorbachev and is returned with no id, to be reported.
        """
        pattern = self._alias_pattern()
        if ignore_case:  # a heading set in capitals
            pattern = re.compile(pattern.pattern, re.I)
        found: list[Mention] = []
        for m in pattern.finditer(text):
            alias = m.group("alias")
            supplied = m.group("supp")
            ids = tuple(sorted(self.by_alias.get(_norm(alias), ())))
            if supplied:
                joined = self.by_alias.get(_norm(f"{supplied} {alias}"))
                if joined and len(joined) == 1:
                    ids = tuple(joined)
                elif len(ids) == 1 and not self.forename_fits(ids[0], supplied):
                    ids = ()
                else:
                    # The bracket is not a forename of this person: mention the name alone.
                    found.append(Mention(m.start("alias"), m.end(), alias, ids))
                    continue
            found.append(Mention(m.start(), m.end(), m.group(0), ids))
        return self._in_context(text, found)

    def _in_context(self, text: str, found: list[Mention]) -> list[Mention]:
        """Mentions read with the words around them: ``George H.W. Bush`` is one name; ``George Washington
        University`` and ``Gorbachev Archive`` name no person; ``Raisa Gorbachev`` is not the registry's Gorbachev
        (a given name before a surname that is not this person's: returned with no id, to be reported)."""
        out: list[Mention] = []
        for mention in found:
            if INSTITUTION.match(text, mention.end):
                continue  # part of the name of a place or body
            prev = out[-1] if out else None
            if prev and prev.ids == mention.ids and len(mention.ids) == 1 and \
                    INITIALS.fullmatch(text, prev.end, mention.start):
                out[-1] = Mention(prev.start, mention.end, text[prev.start:mention.end], prev.ids)
                continue
            after = SURNAME_AFTER.match(text, mention.end)
            if after and len(mention.ids) == 1 and " " not in mention.text.strip():
                e = self.entities[mention.ids[0]]
                if e.forename and _norm(mention.text) == _norm(e.forename) and e.surname and \
                        _norm(after.group("word")) != _norm(e.surname) and not PATRONYMIC.search(after.group("word")):
                    continue  # a given name before another surname: "Helmut Brandt" is not the registry's Helmut
            given = GIVEN_BEFORE.search(text, 0, mention.start)
            if given and len(mention.ids) == 1 and " " not in mention.text.strip() and \
                    given.group("word") not in NOT_GIVEN and not (prev and prev.end > given.start("word")):
                e = self.entities[mention.ids[0]]
                if e.forename and not self.forename_fits(e.id, given.group("word")) and \
                        _norm(mention.text) == _norm(e.surname):
                    mention = Mention(given.start("word"), mention.end, text[given.start("word"):mention.end], ())
            out.append(mention)
        return out

    def _alias_pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            # (a letter or two, as a provisional "K" for the label "K:", names nobody in running text)
            aliases = sorted({a for e in self.entities.values() for a in e.aliases if e.kind == "person"
                              and len(a) > 2}, key=len, reverse=True)
            alternation = "|".join(re.escape(a) for a in aliases) or r"(?!x)x"
            self._pattern = re.compile(
                r"(?<![\w])(?:\[(?P<supp>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*)?)\] )?"
                rf"(?P<alias>{alternation})(?![\w\-])"
            )
        return self._pattern

    def organisations(self, text: str) -> list[Mention]:
        """Names of the registry's organisations in ``text`` (archives, publishers)."""
        out = []
        for e in self.entities.values():
            if e.kind != "org":
                continue
            for alias in sorted(e.aliases, key=len, reverse=True):
                for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
                    if not any(o.start <= m.start() < o.end for o in out):
                        out.append(Mention(m.start(), m.end(), m.group(0), (e.id,)))
        return sorted(out, key=lambda o: o.start)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u2019", "'")).strip().casefold()


def _strip_honorifics(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)
