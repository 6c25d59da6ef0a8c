"""A Markdown transcript's front matter: the fields between two lines of three hyphens that open the file, as
static site generators (Jekyll, Hugo) and Pandoc read them (``title: ...``, ``date: 2019-01-20``,
``transcript_by: ...``, ``speakers:`` over a list). Its ``title`` is the record's title; the other fields are read
as a title page's fields are (:mod:`.opening`), a key's underscores as spaces (``transcript_by`` is "transcript
by")."""

from __future__ import annotations

import re
from contextvars import ContextVar

import yaml

from .language import current as language
from .records import Block

#: The line that opens and closes a front matter (YAML's end of document, ``...``, closes it too).
FENCE = re.compile(r"---[ \t]*")
CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
#: A field of a front matter: a key (a word, perhaps joined by underscores or hyphens) and its value.
FIELD = re.compile(r"(?P<key>[A-Za-z][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*))?$")
#: The most blocks a front matter is looked for in (a block a line, where the lines are paragraphs).
LINES = 40
def _title_key() -> re.Pattern[str]:
    """The key whose value is the record's title: ``title``, or its name in the transcript's language (``titulo``)."""
    names = {"title"} | language().field_names("title")
    return re.compile(r"(?:" + "|".join(sorted(map(re.escape, names))) + r")[ \t]*:[ \t]+", re.I)


#: A key of a mapping nested under a front matter's key (``history:`` over ``    v1:`` over ``        date: ...``, a
#: documentation site's record of when the file was made and changed): the outer key's value, the file's own facts,
#: never the record's, which its top-level keys and its text give.
NESTED_KEY = re.compile(r"[ \t]+[A-Za-z][\w-]*[ \t]*:(?:[ \t]|$)")
#: The numbers of the transcript's lines that are such nested keys (:func:`nested_lines`), for the opening's reading.
NESTED: ContextVar[frozenset[int]] = ContextVar("nested", default=frozenset())


#: The numbers of the lines within a front matter that opens the transcript (:func:`front_lines`): its fields, which
#: open no speaker's turn ("University: Universidade do Minho" is a field, not a voice).
FRONT: ContextVar[frozenset[int]] = ContextVar("front", default=frozenset())


def front_lines(text: str) -> frozenset[int]:
    """The numbers (from 1) of the lines between the fences of a front matter that opens the text; none where no
    front matter opens it."""
    lines = text.split("\n")
    if not FENCE.fullmatch(lines[0]):
        return frozenset()
    end = next((n for n, line in enumerate(lines[1:], start=2) if CLOSE.fullmatch(line)), None)
    return frozenset(range(2, end)) if end else frozenset()


def nested_lines(text: str) -> frozenset[int]:
    """The numbers (from 1, as the transcript's blocks count them) of the lines of a front matter that opens the
    text which are keys nested under another key (:data:`NESTED_KEY`); none where no front matter opens it. The
    blocks keep no indentation: it is read here, from the text."""
    lines = text.split("\n")
    if not FENCE.fullmatch(lines[0]):
        return frozenset()
    nested = set()
    for n, line in enumerate(lines[1:], start=2):
        if CLOSE.fullmatch(line):
            return frozenset(nested)
        if NESTED_KEY.match(line):
            nested.add(n)
    return frozenset()  # (never closed: no front matter)


def fields_apart(bs: list[Block]) -> list[Block]:
    """The blocks with each field of a front matter that opens the transcript a block of its own (a field with the
    lines its value goes on in, an item of a field's list, a fence), as a title page's fields are; the
    blocks as they are where there is none."""
    if title_line(bs) is None:
        return bs
    out: list[Block] = []
    for k, b in enumerate(bs):  # (up to its close, however long a field's value: "transcript: |" over the text)
        lines = b.text.split("\n")
        closed = next((n for n, line in enumerate(lines) if (k or n) and CLOSE.fullmatch(line)), None)
        end = len(lines) if closed is None else closed + 1
        for n, line in enumerate(lines[:end]):
            if out and n and not (_field_or_item(line) or CLOSE.fullmatch(line)) \
                    and FIELD.match(out[-1].text.split("\n", 1)[0]):  # (a value that goes on under its key)
                out[-1] = Block(out[-1].text + "\n" + line, out[-1].line, b.line + n)
            else:
                out.append(Block(line, b.line + n, b.line + n))
        if closed is not None:
            if end < len(lines):
                out.append(Block("\n".join(lines[end:]), b.line + end, b.last))
            return out + bs[k + 1:]
    return bs  # (never closed: no front matter)


def _field_or_item(line: str) -> bool:
    """A front matter's field (``date: 2019-01-20``) or an item of a field's list (``- Nicolas Dorier``)."""
    return bool(FIELD.match(line)) or line.lstrip().startswith("- ")


def title_line(bs: list[Block]) -> tuple[int, int] | None:
    """Where the title's field stands in a front matter that opens the transcript: (block, line in the block), or
    None where the transcript opens with no front matter or its front matter gives no title."""
    if not bs or not FENCE.fullmatch(bs[0].text.split("\n", 1)[0]):
        return None
    title_key = _title_key()
    field = False  # whether a field has begun: a line of neither kind under it is its value going on
    for k, b in enumerate(bs[:LINES]):
        lines = b.text.split("\n")
        for n, line in enumerate(lines):
            if not (k or n):
                continue
            if CLOSE.fullmatch(line):
                return None  # closed before any title
            if title_key.match(line) and FIELD.match(line):
                return k, n
            if not (_field_or_item(line) or line[:1] in " \t" or field):
                return None  # no field, no item of a list: no front matter
            field = field or bool(FIELD.match(line))
    return None


def title(text: str) -> str:
    """A title as its front matter's field gives it, its value as YAML reads it (without its quotation marks, its
    escapes read, ``\\_`` a no-break space, its lines folded: ``"... Kalamazoo,\\_\\`` over ``  MI"``); where
    YAML cannot read the field, its words after the key as they stand."""
    try:  # (the lines a value goes on in indented, as YAML asks and as the transcript's reading left them not)
        value = yaml.safe_load(re.sub(r"\n(?=\S)", "\n  ", text.strip()))
    except yaml.YAMLError:
        value = None
    if isinstance(value, dict) and len(value) == 1 and isinstance(next(iter(value.values())), str | int | float):
        return str(next(iter(value.values())))
    return unquoted(_title_key().sub("", text.strip(), count=1))


def unquoted(value: str) -> str:
    """A field's value without the quotation marks YAML may set around it (``"Julián Ferrer Ibarra"``)."""
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" else value


def key(name: str) -> str:
    """A field's name as the languages' field names give it: a key's underscores and hyphens as spaces."""
    return re.sub(r"[_-]+", " ", name)


def field_after_field(above: str, line: str) -> bool:
    """Whether a line is a field under a field or an item of a field's list (``date: 2019-01-20`` under ``-
    Nicolas Dorier``): a front matter's, never a paragraph's words cut by a page break."""
    last = above.rsplit("\n", 1)[-1]
    return "\n" not in line and bool(FIELD.match(line)) and (bool(FIELD.match(last)) or last.startswith("- "))
