"""Transcripts whose every line is numbered, as court reporters print them (``5 JUDGE AGIUS: Madam Registrar``):
the numbers, 1 to 25 or so on each page, are kept as line beginnings of the source (``<lb n="5"
rend="numbered"/>``), and the lines are read as the paragraphs and turns they make.

While the text is read, each number stands in the text as a mark that no transcript holds (two characters of
Unicode's private use area around it), so that the readers of paragraphs and labels see the words and the inline
encoding (:mod:`.inline`) turns the mark into the ``lb``. A transcript that holds those characters is not read so.

A video's captions mark their lines otherwise: each line of words under the recording's elapsed time
(:func:`caption_offsets`), which is no hour of the day, and whose lines are speech, none a heading or a dateline."""

from __future__ import annotations

import re

from .records import Block

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
#: A numbered line's number, as the text holds it while it is read.
MARK_RE = re.compile(MARK_OPEN + r"(\d{1,4}\.?)" + MARK_CLOSE)
#: The marks at the start of a paragraph (a label follows them).
LEADING_MARKS = re.compile(r"^(?:" + MARK_OPEN + r"\d{1,4}\.?" + MARK_CLOSE + r"\s*)+")
#: A line's number as printed: ``5``, or ``32.`` as some text files number every line of a document.
_NUMBERED = re.compile(r"^(\d{1,4})(\.?)(?:\s+|$)(?=\S|$)")
#: How many lines at least, and what share of the lines with text, must be numbered for the layout to be read.
MIN_LINES, SHARE = 8, 0.6


def number_lines(text: str) -> tuple[str, int]:
    """The text with each line's printed number as a mark, and how many lines are numbered; the text as it was
    (and 0) when it is not laid out in numbered lines: most lines with text open with a number, and a number is
    mostly the one before it plus one (a page begins again at 1)."""
    if MARK_OPEN in text or MARK_CLOSE in text:
        return text, 0
    lines = text.split("\n")
    found = [(k, m) for k, line in enumerate(lines) if (m := _NUMBERED.match(line.strip()))]
    numbers = [(k, int(m.group(1))) for k, m in found]
    printed = {k: m.group(1) + m.group(2) for k, m in found}
    with_text = sum(1 for line in lines if line.strip())
    if len(numbers) < MIN_LINES or len(numbers) < SHARE * with_text:
        return text, 0
    steps = sum(1 for (_, a), (_, b) in zip(numbers, numbers[1:], strict=False) if b == a + 1 or b == 1)
    if steps < 0.8 * (len(numbers) - 1):
        return text, 0
    last = 0
    for k, n in numbers:
        if last and not (last < n <= last + 3 or n <= 2):
            continue  # a number out of the count is the line's own: "130 East Merrick Road" under line 4
        last = n
        stripped = lines[k].lstrip()
        indent = lines[k][: len(lines[k]) - len(stripped)]
        lines[k] = indent + MARK_OPEN + printed[k] + MARK_CLOSE + stripped[len(printed[k]):]
    return "\n".join(lines), len(numbers)


def unmark(text: str) -> str:
    """The words of a text without its line marks (for reading dates, titles and labels in it)."""
    return MARK_RE.sub("", text) if MARK_OPEN in text else text


def regroup(bs: list[Block], opens_paragraph) -> list[Block]:
    """Numbered lines as the paragraphs they make: a line goes on the paragraph above it unless it opens a new
    one (``opens_paragraph(words)``: a speaker's label, a bracket or a parenthesis, a dash). A line the reporter
    left unnumbered goes on the numbered line right above it (a title page numbered every other line:
    ``1  ROUNDTABLE DISCUSSION HELD BY`` over ``THE NEW YORK STATE SENATE``)."""
    units: list[Block] = []
    for b in bs:
        for k, line in enumerate(b.text.split("\n")):
            units.append(Block(line, b.line + k, b.line + k))
    out: list[Block] = []
    for u in units:
        words = LEADING_MARKS.sub("", u.text)
        above = LEADING_MARKS.sub("", out[-1].text.rsplit("\n", 1)[-1]) if out else ""
        if out and (MARK_OPEN in u.text or u.line == out[-1].last + 1) and not opens_paragraph(words, above) and \
                MARK_OPEN in out[-1].text:
            prev = out[-1]
            out[-1] = Block(prev.text + "\n" + u.text, prev.line, u.last)
        else:
            out.append(u)
    return out


#: A caption's elapsed time alone on its line (``0:02``, ``1:00``, ``12:47``, ``1:02:17``), as a video's captions set
#: one over each line of words: where the recording stands, never an hour of the day.
OFFSET_LINE = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


def caption_offsets(lines: list[str]) -> list[int]:
    """The lines of a video's captions that give the recording's elapsed time (:data:`OFFSET_LINE`): five or more,
    in order, the first within the first minute; none where the text is no such captions (a log's clock times
    are hours of the day, which do not begin at nought)."""
    found = []
    for k, line in enumerate(lines):
        m = OFFSET_LINE.fullmatch(line.strip())
        if m:
            a, b, c = (int(g) if g else None for g in m.groups())
            found.append((k, a * 60 + b if c is None else (a * 60 + b) * 60 + c))
    if len(found) < 5 or found[0][1] >= 60 or any(b < a for (_, a), (_, b) in zip(found, found[1:], strict=False)):
        return []
    return [k for k, _ in found]
