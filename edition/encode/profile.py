"""A corpus's own conventions, where they differ from what the encoder reads by default: a small TOML file passed
with ``edition encode --profile FILE``. The defaults work without one; a profile only adds.

.. code-block:: toml

    [headings]                      # words that open a record's heading, and the kind of record they name
    words = ["Aufzeichnung des Gesprächs", "Niederschrift"]
    kinds = { "Telefongespräch" = "telephone" }

    [labels]                        # speaker labels accepted wherever they open a paragraph, and words never a label
    speakers = ["P", "K"]
    not_speakers = ["Cold War"]

    [brackets]                      # words in brackets (or parentheses) and their meaning
    "Heiterkeit" = "incident"
    "unleserlich" = "illegible"
    "Anm. d. Red." = "editorial"

    [roles]                         # words that credit a person in a list of participants or as a field
    "Dolmetscher" = "interpreter"
    "Protokoll" = "notetaker"

The profile in force is set for the time of one encoding (:func:`using`) and read where a convention is applied
(:func:`current`), so that the reading modules keep their signatures."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .records import TranscriptError

#: What a profile may give each bracketed word: the meanings of the conventions (see edition/conventions.py).
BRACKET_MEANINGS = ("incident", "omitted", "illegible", "inaudible", "redacted", "editorial", "literal", "supplied")
KINDS = ("meeting", "telephone", "interview", "hearing", "debate", "trial", "press", "minutes", "other")
ROLES = ("interpreter", "notetaker", "translator", "drafted by")
SECTIONS = {"headings": {"words", "kinds"}, "labels": {"speakers", "not_speakers"}, "brackets": None, "roles": None}


def _words(words: list[str] | tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for a list of phrases, matched as whole words, case aside; None for none."""
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                      + r")(?!\w)", re.I)


@dataclass(frozen=True)
class Profile:
    """A corpus's conventions: extra heading words and kinds, labels, bracket meanings and roles."""

    heading_words: tuple[str, ...] = ()
    kinds: dict[str, str] = field(default_factory=dict)
    speakers: frozenset[str] = frozenset()
    not_speakers: frozenset[str] = frozenset()
    brackets: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    path: str = ""

    # Compiled once per profile: the encoder asks on every block and every bracket.
    @cached_property
    def _heading(self) -> re.Pattern[str] | None:
        return _words(self.heading_words)

    @cached_property
    def _tables(self) -> dict[str, list[tuple[re.Pattern[str], str]]]:
        return {name: [(_words([word]), value) for word, value in table.items()]
                for name, table in (("kinds", self.kinds), ("brackets", self.brackets), ("roles", self.roles))}

    def _first(self, table: str, words: str) -> str | None:
        return next((value for pattern, value in self._tables[table] if pattern.search(words)), None)

    def heading(self, line: str) -> bool:
        """Whether a line opens with one of the profile's heading words."""
        return bool(self._heading and self._heading.match(line.strip()))

    def kind_of(self, words: str) -> str | None:
        return self._first("kinds", words)

    def bracket(self, words: str) -> str | None:
        """The meaning the profile gives a bracket's words (one of its words appears in them), or None."""
        return self._first("brackets", words)

    def role(self, words: str) -> str | None:
        return self._first("roles", words)


_CURRENT: ContextVar[Profile | None] = ContextVar("profile", default=None)
_NONE = Profile()


def current() -> Profile:
    """The profile in force (an empty one unless :func:`using` set one)."""
    return _CURRENT.get() or _NONE


@contextmanager
def using(profile: Profile | None) -> Iterator[None]:
    token = _CURRENT.set(profile)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def load(path: Path) -> Profile:
    """Read a profile. Raises :class:`TranscriptError` naming the file (and line) of what is wrong."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:  # its message ends "(at line L, column C)"
        where = re.search(r"line (\d+), column (\d+)", str(e))
        at = f"{where.group(1)}:{where.group(2)}:" if where else ""
        raise TranscriptError(f"{path}:{at} not a TOML profile: {str(e).split(' (at ')[0]}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise TranscriptError(f"{path}: cannot read the profile ({e})") from None
    for section, value in data.items():
        if section not in SECTIONS or not isinstance(value, dict):
            raise TranscriptError(f"{path}: unknown section [{section}] (known: {', '.join(SECTIONS)})")
        allowed = SECTIONS[section]
        for key, item in value.items():
            if allowed is not None and key not in allowed:
                raise TranscriptError(f"{path}: [{section}] has no key {key!r} (known: {', '.join(sorted(allowed))})")
            if allowed is None and not isinstance(item, str):
                raise TranscriptError(f"{path}: [{section}] {key!r} must be a string")
    headings, labels = data.get("headings", {}), data.get("labels", {})
    _check(path, "headings.kinds", headings.get("kinds", {}), KINDS)
    _check(path, "brackets", data.get("brackets", {}), BRACKET_MEANINGS)
    _check(path, "roles", data.get("roles", {}), ROLES)
    for key, value in (("headings.words", headings.get("words", [])), ("labels.speakers", labels.get("speakers", [])),
                       ("labels.not_speakers", labels.get("not_speakers", []))):
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise TranscriptError(f"{path}: {key} must be a list of words")
    return Profile(tuple(headings.get("words", [])), dict(headings.get("kinds", {})),
                   frozenset(labels.get("speakers", [])), frozenset(labels.get("not_speakers", [])),
                   dict(data.get("brackets", {})), dict(data.get("roles", {})), str(path))


def _check(path: Path, key: str, table: object, allowed: tuple[str, ...]) -> None:
    if not isinstance(table, dict):
        raise TranscriptError(f"{path}: {key} must be a table")
    for word, value in table.items():
        if value not in allowed:
            raise TranscriptError(f"{path}: {key} {word!r} = {value!r} is not one of {', '.join(allowed)}")
