"""Reading a transcript's layout: its text, its blocks of lines, its headings, and the records they start.

A transcript is read as blocks of lines separated by blank lines. A heading (``Memorandum of [Telephone]
Conversation between/with ...``, plain or in ``**``) starts a record; the blocks after it that say only when and
where, or ``[excerpts]``, belong to it. The rest are the record's body (:mod:`.turns`)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from . import front_matter
from . import labels as forms
from .dates import find_time, is_dateline, read_dateline
from .header_block import HEADER_FIELD, PARTICIPANTS, field_alone
from .labels import wrapped_title
from .language import FIELDS
from .language import current as language
from .lines import caption_offsets, number_lines, regroup, unmark
from .profile import current
from .records import Block, Heading, Item, Record, TranscriptError, unwrap
from .registry import Registry
from .report import Report
from .titles import ends_unfinished, title_block
from .titles import excluded as title_excluded
from .turns import (
    BARE_LABEL_RE,
    DIALOGUE,
    HEADER_WORDS,
    PAGES_BEFORE,
    RULE,
    SOURCE_START_RE,
    bare_labels,
    bare_name,
    colon_label,
    field_block,
    furniture,
    label_counts,
    line_label,
    name_key,
    opening_names,
    opens_paragraph,
    opens_turn,
    plain_footnotes,
    read_body,
    running_heads,
    speaker_headings,
)

#: The words of a heading that starts a record, in the forms records of conversations print: ``Memorandum of
#: Conversation``, ``Record / Transcript / Notes / Minutes / Summary of (a) (Telephone) Conversation``, ``Memorandum
#: of Conference With the President`` (as the White House staff of the 1950s recorded a meeting), ``Telcon``,
#: ``Memcon``, with ``between``, ``with``, ``of``, a comma or nothing after; in capitals (OCR may split or misread
#: a word: ``ME MORANDUM``, ``MEt-10RANDUM``).
_HEADING_WORDS = (
    r"(?:"
    r"(?:M\s?E\s?MORANDUM|M[\w\-]{1,5}RANDUM|Record|Transcript|Minutes|Notes?|Summary|Excerpts?)\s+(?:of|from)\s+"
    r"(?:an?\s+|the\s+)?(?:(?:Telephone|Phone)\s+)?(?:Conversation|Talks?|Meeting|Discussion|Conference)s?"
    r"(?=$|[\s,.:(\d\"\u201d])"
    r"|(?:(?:Telephone|Phone)\s+)?(?:Conversation|Talks?|Meeting|Discussion)s?\s+(?:between|with)\b"
    r"|(?:Telcon|Memcon)\b"
    r")"
)
#: A heading: its words at the start of a line, perhaps numbered (``216.``, ``Document No. 40:``).
HEADING_RE = re.compile(r"^(?:\d{1,4}\.\s+|Document\s+No\.\s*\d{1,4}[.:]\s+)?" + _HEADING_WORDS, re.I)
#: A heading of another spoken exchange on record, in title case or capitals and ending no sentence (``The
#: President's News Conference With President Mitterrand of France``, ``Interview with ...``; not "At yesterday's
#: press conference Aziz put forward two theses.").
EXCHANGE_HEADING_RE = re.compile(
    r"^(?!.*[.?!]$)(?:(?:The\s+|THE\s+)?(?:[A-Z][\w.\u2019'\-]*\s+){0,3}(?:News|Press|NEWS|PRESS)\s+"
    r"(?:Conference|CONFERENCE)\b|(?:Interview|INTERVIEW)\s+(?:with|of|WITH|OF)\s+[A-Z])")
#: A web page's title that quotes the heading: ``Richard Nixon and Mao Zedong "Memorandum of Conversation,"
#: February 21, 1972`` (no sentence before the quotation, which closes on the same line).
QUOTED_HEADING_RE = re.compile(r"^[A-Z][^.?!\"\u201c\n]{0,120}[\"\u201c]" + _HEADING_WORDS
                               + r"[^\"\u201d\n]*[\"\u201d]", re.I)
#: The longest first line a heading has: a longer one is a paragraph that happens to start with these words.
HEADING_MAX = 300
EXCERPT_RE = re.compile(r"^\[(excerpts?|extracts?|fragments?)\]$", re.I)


def read_bytes(path: Path) -> bytes:
    """A transcript file's bytes. Raises TranscriptError for a file that is missing, a folder, or empty."""
    if not path.exists():
        raise TranscriptError(f"{path}: no such file")
    if path.is_dir():
        raise TranscriptError(f"{path}: is a directory, not a transcript")
    data = path.read_bytes()
    if not data.strip():
        raise TranscriptError(f"{path}: empty file")
    return data


def read_text(path: Path, data: bytes | None = None) -> str:
    """The transcript's text: UTF-8 (with or without BOM), newlines unified. Raises TranscriptError."""
    data = read_bytes(path) if data is None else data
    if b"\0" in data[:8192]:
        raise TranscriptError(f"{path}: binary file (NUL bytes), not a text transcript")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise TranscriptError(
            f"{path}:{line}: not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})") from None
    return prepare(text, str(path))

#: Characters XML 1.0 cannot hold; a form feed or vertical tab (a page break) is read as a line break instead.
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def prepare(text: str, name: str) -> str:
    """Unify line breaks, read page-break controls as line breaks, refuse what XML cannot hold (with its line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n").replace("\x0b", "\n")
    bad = _NOT_XML.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise TranscriptError(f"{name}:{line}: control character U+{ord(bad.group()):04X} cannot be written to XML")
    return text


def blocks(text: str) -> list[Block]:
    out: list[Block] = []
    current: list[str] = []
    start = 0
    for i, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        if line.strip():
            if not current:
                start = i
            current.append(line.strip())
        elif current:
            out.append(Block("\n".join(current), start, i - 1))
            current = []
    if current:
        out.append(Block("\n".join(current), start, start + len(current) - 1))
    return out


#: How far a line of a typescript is indented to open a paragraph (or to centre a heading).
INDENT = 3


def double_spaced(bs: list[Block], text: str, report: Report) -> list[Block]:
    """A typescript typed double-spaced (a blank line after every line, as parliaments' and courts' records were
    typed), read as its paragraphs: where most blocks are one line of wrapped text and a paragraph begins with an
    indented line, each indented line opens a block and the lines below it, up to the next indented one, join
    it (``El señor FREI (Presidente de la República).- Señor Presidente del`` over ``Senado, don ...``).
    Anything else stays as it is."""
    raw = text.split("\n")
    indent = [len(line) - len(line.lstrip(" ")) for line in raw]
    single = [b for b in bs if "\n" not in b.text]
    opened = [b for b in single if indent[b.line - 1] >= INDENT]
    flush = [b for b in single if indent[b.line - 1] < INDENT]
    if len(bs) < 12 or len(single) < 0.8 * len(bs) or len(opened) < 0.1 * len(bs) or len(flush) < 0.3 * len(bs) \
            or sorted(len(b.text) for b in flush)[len(flush) // 2] < 50:
        return bs
    out: list[Block] = []
    for b in bs:
        if out and indent[b.line - 1] < INDENT and "\n" not in b.text and not _ENDS_PARAGRAPH.search(out[-1].text):
            out[-1] = Block(out[-1].text + " " + b.text, out[-1].line, b.last)  # (one paragraph, unwrapped)
        else:
            out.append(b)
    report.info(bs[0].line, "typed double-spaced: a line after a blank line goes on with the paragraph above it, "
                            "an indented line opens one")
    return out


def indented_paragraphs(bs: list[Block], text: str, report: Report) -> list[Block]:
    """A typescript's hard-wrapped text with no blank line between its paragraphs, each paragraph opened by an
    indented line (a court reporter's transcript of a hearing or a deposition, taken from its PDF: ``      MR.
    DAVIS:  Good morning.  This is the`` over ``transcribed interview of ...``): each indented line opens a block.
    Only in a long block whose lines are mostly flush left and wrapped (not a title page's centred lines, nor a
    list), where some open paragraphs."""
    raw = text.split("\n")
    out: list[Block] = []
    for b in bs:
        lines = b.text.split("\n")
        indent = [len(raw[b.line - 1 + k]) - len(raw[b.line - 1 + k].lstrip(" ")) for k in range(len(lines))]
        left = min(indent)
        # (an indented line after a comma or in lower case goes on with the line above: an entry's hanging indent,
        # "Mara Quist, Senior Counsel," over "   Chairman Ewing")
        opened = [k for k, n in enumerate(indent) if k and n >= left + INDENT and not lines[k - 1].endswith(",")
                  and not lines[k][:1].islower()]
        flush = [x for x, n in zip(lines, indent, strict=True) if n < left + INDENT]
        if len(lines) < INDENTED_BLOCK or not 0.1 * len(lines) <= len(opened) <= 0.5 * len(lines) \
                or sorted(map(len, flush))[3 * len(flush) // 4] < INDENTED_WRAP:
            out.append(b)
            continue
        report.info(b.line, "no blank line between paragraphs, each opened by an indented line: a paragraph "
                            "begins at each indented line")
        for start, end in zip([0, *opened], [*opened, len(lines)], strict=True):
            out.append(Block("\n".join(lines[start:end]), b.line + start, b.line + end - 1))
    return out


#: The fewest lines of a block read as indented paragraphs, and the length of its longer flush lines (the upper
#: quartile: wrapped text, where a title page's and a list's lines are short).
INDENTED_BLOCK = 8
INDENTED_WRAP = 35


#: The end of a paragraph whose next line, flush left, still begins another (a heading's last line, a label alone).
_ENDS_PARAGRAPH = re.compile(r"^[^\n]{0,40}$")


#: A line this long is a paragraph of its own, not a line of hard-wrapped text.
PARAGRAPH_LINE = 240

#: A line that ends a sentence (or a bracketed or quoted one).
_ENDS = re.compile(r"[.?!:;\u2026\"\u201d\u2019)\]]\s*$")


#: A line this long is text flattened to one line (by OCR or a web page), if speaker labels recur within it.
FLAT_LINE = 400
_WORD = re.compile(r"[A-Z][\w'’.\-]*|of|the|de|von|van|bin")


def inline_labels(line: str) -> list[int]:
    """Where the turns of a line flattened by OCR or a web page begin: before each label (one to four capitalised
    words and a colon) that recurs in the line, the longest such label at each colon (``The President:`` rather
    than ``President:``, not ``Bush. The President:``)."""
    colons = [m.start() for m in re.finditer(r"\s?:(?=\s)", line)]
    options: list[list[tuple[int, str]]] = []  # at each colon: the labels it may close, shortest first
    counts: Counter[str] = Counter()
    for pos in colons:
        words = list(re.finditer(r"\S+", line[max(0, pos - 80):pos]))
        found = []
        for k in range(1, 5):
            if len(words) < k or not all(_WORD.fullmatch(w.group()) for w in words[-k:]):
                break
            if words[-k].group().lower().rstrip(".:") in HEADER_WORDS or not words[-k].group()[0].isupper():
                continue
            start = max(0, pos - 80) + words[-k].start()
            label = line[start:pos]
            found.append((start, label))
            counts[label] += 1
        options.append(found)
    # labels in capitals, one of which recurs: the line's label style, which a label used once shares
    # ("PROFESSOR:" twice, "AUDIENCE:" once)
    capitals = any(counts[label] >= 2 and _capitals(label) for found in options for _, label in found)
    cuts = []
    for found in options:
        recurring = [(start, label) for start, label in found if counts[label] >= 2 or
                     (capitals and _capitals(label) and len(re.sub(r"\W", "", label)) >= 2)]
        if recurring:
            start = min(start for start, _ in recurring)  # the longest label that recurs
            if start > 0:
                cuts.append(start)
    return cuts


#: A heading in capitals inside a flattened line (``THE WHITE HOUSE WASHINGTON MEMORANDUM OF CONVERSATION ...``).
FLAT_HEADING_RE = re.compile(r"(?<=\s)" + _HEADING_WORDS, re.I)
#: A field of a memorandum's header inside a flattened line: with its colon (``SUBJECT:``, ``DATE, TIME AND
#: PLACE:``, ``Interpreter:``), or in capitals without one where OCR has stripped every colon.
FLAT_FIELD_RE = re.compile(
    r"(?<=\s)(?P<field>SUBJECT|PARTICIPANTS|DATE(?:\s*,?\s*TIME)?(?:\s*,?\s*AND\s+(?:PLACE|TIME))?|TIME|PLACE"
    r"|Interpreters?|Notetakers?|Drafted by|Translated by)(?P<colon>\s*:)?(?=\s)")


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


#: A label in capitals: words of capitals parted by spaces or full stops (``PRESIDENT``, ``MR. SMITH``).
_CAPITALS_LABEL = r"[A-Z][A-Z'\-]*(?:[ .][A-Z][A-Z'\-]*)*"
#: Such a label glued to the words around it (``soHALDEMAN:Yeah.``): right before a colon that no space follows.
GLUED_RE = re.compile(r"(?<![A-Z'\-])(" + _CAPITALS_LABEL + r"):(?=\S)")
#: A paragraph cut from such a text that opens with its label: the label, given the space the text lost after it.
GLUED_START_RE = re.compile(r"^(" + _CAPITALS_LABEL + r":)(?=[^\W\d])")


def glued_labels(line: str) -> list[int]:
    """Where the turns of a text begin whose line breaks were lost with the spaces at them (text taken from a PDF
    of a typed transcript: ``...soHALDEMAN:Yeah.PRESIDENT:he wouldn't...``): before each label in capitals that
    recurs (three times or more; at a colon, the longest printed as often as the shortest: ``MR. SMITH`` where
    every ``SMITH`` has its title, ``PRESIDENT`` in a running head's ``P.M.PRESIDENT:``), where four turns or more
    are found and as many labels are glued to the word after them as stand apart."""
    found = []
    for m in GLUED_RE.finditer(line):
        run = m.group(1)
        starts = [0] + [k + 1 for k, c in enumerate(run) if c in " ."]
        found.append([(m.start(1) + k, run[k:]) for k in starts if sum(c.isalpha() for c in run[k:]) >= 2])
    counts = Counter(label for options in found for _, label in options)
    cuts = [next(start for start, label in options if counts[label] == counts[options[-1][1]]) for options in found
            if options and counts[options[-1][1]] >= 3]
    spaced = len(re.findall(r"\b[A-Z]{2,}:\s", line))
    return [c for c in cuts if c > 0] if len(cuts) >= 4 and len(cuts) >= spaced else []


def flat_cuts(line: str, bare: frozenset[str] = frozenset()) -> list[int]:
    """Where a line that holds a whole text flattened by OCR or a web page is cut into paragraphs: before each
    speaker label that recurs in it (:func:`inline_labels`), and, before the first turn, before the heading (in
    capitals) and each field of the header (``SUBJECT:``, ``PARTICIPANTS``, ``DATE, TIME AND PLACE:``). In a text
    whose punctuation OCR has stripped, the turns begin at the ``bare`` labels after the header's last field."""
    stripped = ":" not in line  # OCR that strips punctuation leaves the fields in capitals only
    cuts = [] if stripped else inline_labels(line)
    if not cuts and not stripped and (glued := glued_labels(line)):
        return glued  # (its heading and fields glued as its labels are: the text before the first turn one block)
    end = cuts[0] if cuts else len(line)
    head = FLAT_HEADING_RE.search(line, 0, end)
    if head and _capitals(head.group()):  # (OCR may misread a letter: "MEt-10RANDUM")
        cuts += [head.start(), head.end()]  # the heading alone: what follows is the header's
    fields = [m.start() for m in FLAT_FIELD_RE.finditer(line, 0, end)
              if (m.group("colon") or (stripped and m.group("field").isupper()))
              and (not head or m.start() > head.start())]
    cuts += fields
    if stripped and bare:
        after = max(fields, default=head.end() if head else 0)
        cuts += [m.start() for m in BARE_LABEL_RE.finditer(line, after) if bare_name(m) in bare]
    return sorted(set(c for c in cuts if c > 0))


def _listed_label(line: str, listed: set[str]) -> bool:
    """A colon label whose name's last word is a name the opening lists ("Kosciusko-Morizet:" under the
    participants' "Jacques Kosciusko-Morizet, Ambassador of France")."""
    name = colon_label(line)
    return bool(name and listed and name.split() and name_key(name.split()[-1]) in listed
                and name.split()[-1][:1].isupper())


def _flattened(lines: list[str], bare: frozenset[str]) -> dict[str, list[int]]:
    """Of a text's lines (all of them), those flattened by OCR or a web page, with where each is cut
    (:func:`flat_cuts`): long lines in which labels recur, where they hold at least half of the text. Minutes in the
    third person that set a question and its answer in a paragraph by the names of who asked and answered ("Bram:
    waarom ...? Pieter: de huur ...") have a few such lines among many of prose: those are paragraphs, not turns
    run together."""
    found = {x: cuts for x in lines if len(x) >= FLAT_LINE and (cuts := flat_cuts(x, bare))}
    return found if 2 * sum(map(len, found)) >= sum(map(len, lines)) else {}


def single_newline_paragraphs(bs: list[Block], report: Report, bare: frozenset[str] = frozenset()) -> list[Block]:
    """Blocks of a transcript whose paragraphs are separated by single newlines, cut into their paragraphs.

    Blank lines separate paragraphs in many transcripts, single newlines in others, and a hard-wrapped transcript
    breaks its paragraphs over lines: a block is cut before each line that opens with a speaker label used at the
    start of two lines or more (``P:``, ``Dr. Kissinger:``), and a block of four lines or more whose lines are long
    and each end a sentence is one paragraph per line. Anything else stays as it is (a heading wrapped over lines,
    a source note and its credit line, hard-wrapped speech)."""
    labels = Counter(name for b in bs for line in b.text.split("\n") if (name := colon_label(line)))
    starts = Counter(found for b in bs for line in b.text.split("\n") if (found := line_label(line)))
    recurring = {punct for (_name, punct, _strong), n in starts.items() if n >= 2}
    strong = Counter(punct for (_name, punct, is_strong) in starts if is_strong)
    recurring |= {punct for punct, n in strong.items() if n >= 2}  # two strong labels share it
    # the names the opening lists (its participants): a label that names one opens a turn though it speaks once
    listed = opening_names(bs) if any(n >= 2 for n in labels.values()) else set()
    # (a line run on cut where a label recurs, or where a titled label follows a sentence's end)
    run_on = [_split_run_on(b.text.split("\n"), starts) for b in bs]
    alone = Counter(x.strip() for b in bs for x in b.text.split("\n") if x.strip().endswith(":") and colon_label(x))
    split = [_split_inline_labels(_split_glued_tails(_split_glued_stops(lines, starts), alone), labels)
             for lines in run_on]
    flattened = _flattened([x for lines in split for x in lines], bare)
    out: list[Block] = []
    for b, ran, lines in zip(bs, run_on, split, strict=True):
        if len(ran) > len(b.text.split("\n")):
            report.info(b.line, "a label that recurs stands inside a line after a run of spaces (a page that ran its "
                                "turns together): cut there")
        if len(lines) > len(ran):
            report.info(b.line, "a label of a title, a name and a full stop follows a sentence's end inside a line "
                                "(a debate's columns run together by OCR): cut there")
        flat = {k: cuts for k, x in enumerate(lines) if (cuts := flattened.get(x))}
        if flat:  # a line is a whole text flattened: each of its turns a paragraph, the other lines their own
            for k, x in enumerate(lines):
                cuts = flat.get(k, [])
                if cuts:
                    report.info(b.line + k, f"text flattened to one line: cut into {len(cuts) + 1} paragraphs before "
                                            "the speaker labels that recur in it (and a memorandum's heading and "
                                            "fields)")
                for start, end in zip([0, *cuts], [*cuts, len(x)], strict=True):
                    out.append(Block(GLUED_START_RE.sub(r"\1 ", x[start:end].strip(), count=1), b.line + k, b.line + k))
            continue
        if len(lines) < 2 or field_block(b.text):  # (a title page's fields, "Entrevistadora:" over "Rol:": no turns)
            out.append(b)
            continue
        long_lines = sum(1 for x in lines if len(x) >= 80 and _ENDS.search(x))
        if (len(lines) >= 4 and long_lines >= 0.75 * len(lines)) or (
                len(lines) >= 3 and long_lines >= 0.5 * len(lines) and max(map(len, lines)) >= PARAGRAPH_LINE):
            # (a web page's paragraphs, one a line: some of them hundreds of characters long)
            cuts = set(range(1, len(lines)))
        else:
            # before a label that recurs, or a parliament's section mark that opens each contribution
            cuts = {k for k, x in enumerate(lines)  # ("[Page 283]R:": a page begins right before the label)
                    if k and (labels[colon_label(PAGES_BEFORE.sub("", x))] >= 2 or x.startswith("\u00a7 ")
                              or _listed_label(x, listed)
                              or _opens_turn_in_style(x, starts, recurring))}
            # (and before a title's word that the line below goes on from: "La" over "Senadora Marta Ruiz:")
            cuts |= {k for k, x in enumerate(lines[:-1]) if k and wrapped_title(x, lines[k + 1], language())
                     and _opens_turn_in_style(x + "\n" + lines[k + 1], starts, recurring)}
            # a speech opened by a dialogue dash right before a turn: another's words, a paragraph of their own
            cuts |= {k for k, x in enumerate(lines) if k and DIALOGUE.match(x) and k + 1 in cuts}
            cuts |= {k + 1 for k in list(cuts) if k + 1 < len(lines) and DIALOGUE.match(lines[k])}
            named = [k for k, x in enumerate(lines) if k + 1 < len(lines) and field_alone(x)]
            if named:  # a header's field names over their values: each field a block, its values no labels;
                # the text after them begins at a label with words after it (a hearing's "MR. DAVIS: Good
                # morning." after its APPEARANCES: and their names, no blank line between)
                cuts = {k for k in cuts if k < named[0] or (k > named[-1] and _speaks(lines[k]))} \
                    | {k for k in named if k}
            if cuts:  # a source note after the turns is a paragraph of its own, whatever follows it
                notes = [k for k, x in enumerate(lines) if SOURCE_START_RE.match(x.lstrip("*"))]
                cuts |= {k for k in notes if k} | {k + 1 for k in notes if k + 1 < len(lines)}
            # a rule across the page ("---") parts what stands above it from what stands below (a speaker's name);
            # so does the line that gives the hour the sitting began ("Beginn: 13.00 Uhr"): the text follows it
            opening = language().phrase_re("opening")
            rules = [k for k, x in enumerate(lines) if RULE.fullmatch(x.strip()) or (
                opening and opening.match(x.strip()) and len(x) <= 40 and find_time(x))]
            cuts |= {k for k in rules if k} | {k + 1 for k in rules if k + 1 < len(lines)}
        # a title and a name alone under a line that ends with a comma, or with a full stop under a line that ends
        # no sentence, end its sentence ("Lara Quint, Chief Counsel," over "Senator Whitehouse.", "Staff Director
        # for" over "Senator Feinstein."): no label
        cuts = {k for k in cuts if not ((alone := _label_alone(lines[k])) and (lines[k - 1].endswith(",") or (
            alone == "stop" and not _ENDS.search(lines[k - 1]))))}
        # a title's word alone at a line's end belongs to the label below it ("El" over "Presidente Senador X:")
        cuts = {k - 1 if k > 1 and wrapped_title(lines[k - 1], lines[k], language()) else k for k in cuts}
        # and a heading in capitals wrapped after a word that cannot end it is one ("INCONTRO DEL" over
        # "PRESIDENTE DELLA REPUBBLICA": no label)
        cuts = {k for k in cuts if not (lines[k - 1].isupper() and lines[k].isupper()
                                        and ends_unfinished(lines[k - 1]))}
        if not cuts:
            out.append(b)
            continue
        report.info(b.line, "paragraphs separated by single newlines: read one paragraph per line here")
        start = 0
        for k in [*sorted(cuts), len(lines)]:
            out.append(Block("\n".join(lines[start:k]), b.line + start, b.line + k - 1))
            start = k
    return out


def _label_alone(line: str) -> str:
    """The punctuation of a line's label where the line is that label and nothing else, else ""."""
    label = forms.read(line, language())
    return label.punct if label and not line[label.end:].strip() else ""


def _speaks(line: str) -> bool:
    """A line that opens with a label and words of speech after it (not a header's field name that recurs:
    ``APPEARANCES: (Cont'd)``)."""
    label = forms.read(line, language())
    return bool(label) and bool(line[label.end:].strip()) and not field_alone(line[:label.end])


def _opens_turn_in_style(line: str, starts: Counter, recurring: set[str]) -> bool:
    """A line of hard-wrapped text that opens a turn: with a label that opens two lines or more (``The
    CHAIRMAN.``), a label of a strong form (a title or an office, a party, capitals) in the punctuation of the
    labels that recur (``Matthes, Schriftführer:`` among ``Präsident Dr. Ehlers:``), or of the strongest (a title
    and a party: ``O Sr. PRESIDENTE (Marcelo Nilo):-``)."""
    found = line_label(line)
    return bool(found) and (starts[found] >= 2 or found[2] == 2 or (found[2] and found[1] in recurring))


#: A run of spaces inside a line, before which a page may have run a turn into the one above.
_RUN = re.compile(r"(?<=\S)[ \t\u00a0]{3,}(?=\S)|(?<=[.?!\u2026\"\u201d])[ \t\u00a0]{2,}(?=\S)")


def _cut(line: str, cuts: list[int]) -> list[str]:
    """A line cut at the offsets ``cuts`` (in order, inside it): its parts, each but the last without the spaces at
    its end (the line's own end kept as it is)."""
    return [line[a:b].rstrip() if b < len(line) else line[a:b]
            for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]


def _split_run_on(lines: list[str], starts: Counter) -> list[str]:
    """Lines cut where a label that recurs at the start of lines stands inside one after a run of spaces (``What
    is that about?    CONDOLEEZZA RICE: Well``)."""
    if not any(_RUN.search(line) for line in lines):
        return lines
    runs = Counter(found for line in lines for m in _RUN.finditer(line) if (found := line_label(line[m.end():])))
    known = {found for found, n in starts.items() if n + runs[found] >= 2}
    if not known:
        return lines
    out = []
    for line in lines:
        cuts = [m.end() for m in _RUN.finditer(line) if line_label(line[m.end():]) in known]
        out += _cut(line, cuts)
    return out


#: Where a sentence, or an interjection in parentheses, ends inside a line and the next words may begin a turn.
_SENTENCE_END = re.compile(r"(?<=[.?!\u2026)\u00bb])[ \t\u00a0]*(?=[^\W\d_])")


def _split_glued_stops(lines: list[str], starts: Counter) -> list[str]:
    """Lines cut where a label of a parliament's record (a title, a name and a full stop: ``M. le président.``,
    ``Mr. JONES.``) follows the end of a sentence or of an interjection in parentheses: OCR of a debate printed in
    columns runs its turns together (``... en nombre.) M. Clémenceau. Il n'est ...``, ``aujourd'hui!M. le
    président. Il ...``). Only in a text whose paragraphs open with such labels three times or more, and only at a
    label that opens with a title the language writes short (``M.``, ``Mr.``): a name and a full stop alone are a
    sentence as often as a label."""
    if sum(n for (_name, punct, strong), n in starts.items() if punct == "stop" and strong) < 3:
        return lines
    titles = tuple(t + "." for t in language().abbreviations)
    out = []
    for line in lines:
        cuts = [m.end() for m in _SENTENCE_END.finditer(line, 1)
                if line[m.end():m.end() + 8].lower().startswith(titles) and _stop_label(line[m.end():])]
        out += _cut(line, cuts)
    return out


#: A sentence's end with the next word glued to it, no space between (the line break a PDF's text lost).
_GLUED_END = re.compile(r"(?<=[.?!\u2026)\u00bb])(?=[^\W\d_])")


def _split_inline_labels(lines: list[str], labels: Counter) -> list[str]:
    """Lines cut where a label that opens paragraphs three times or more stands inside one after a sentence's end: a
    web page's transcript that ran a short exchange into one paragraph (``... Bom dia. Presidenta: Bom dia,
    Luciano. Jornalista: É um motivo ...``)."""
    if not any(n >= 3 for name, n in labels.items() if name):
        return lines
    out = []
    short = language().abbreviations
    for line in lines:
        if ":" not in line:
            out.append(line)
            continue
        opening = forms.read(line, language())  # (not inside the line's own label: "Präsident Dr. Heinrich X:")
        cuts = [m.end() for m in _FULL_STOP.finditer(line, opening.end if opening else 1)
                if ":" in line[m.end():m.end() + MAX_INLINE_LABEL]
                and (name := colon_label(line[m.end():m.end() + MAX_INLINE_LABEL])) and labels[name] >= 3
                and not _short_word(line[:m.start()], short)]
        out += _cut(line, cuts)
    return out


#: A sentence's end inside a line, before the next word (not a parenthesis's: "Elizabeth (Jake) Feinler:").
_FULL_STOP = re.compile(r"(?<=[.?!\u2026])[\u201d\u00bb\"']?[ \t\u00a0]+(?=[^\W\d_])")


def _short_word(before: str, short: frozenset[str]) -> bool:
    """Whether the words before a full stop end with a title written short or an initial (``Dr.``, ``J.``): no
    sentence's end."""
    last = before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""
    return last.endswith(".") and (len(last.rstrip(".")) <= 1 or last.rstrip(".").lower() in short)


#: The longest stretch of a line read for a label inside it.
MAX_INLINE_LABEL = 120


def _split_glued_tails(lines: list[str], alone: Counter) -> list[str]:
    """Lines cut before a label glued to the end of the speech above it, where the label stands alone on a line of
    its own elsewhere in the text (``alone``): a debate's record taken from its PDF, whose labels stand alone on
    their lines, loses the line break after an interruption or a speech cut short (``( Oklaski )Marszałek:``,
    ``jesteśmy…Poseł Katarzyna Kotula:``). Only right after a sentence's end, an ellipsis or a closing parenthesis,
    with no space between (``Frage 1 des Abg. Jan Kurz (SPD):`` is one heading)."""
    out = []
    for line in lines:
        cut = next((m.end() for m in _GLUED_END.finditer(line, 1) if alone[line[m.end():].strip()]), None)
        out += _cut(line, [cut] if cut else [])
    return out


def _stop_label(text: str) -> bool:
    """Whether ``text`` opens with a plausible label of a title written short, a name and a full stop."""
    head = text[:200]
    label = forms.read(head, language())
    return bool(label and label.punct == "stop" and label.title_first and label.abbreviated and line_label(head))


def is_heading(block: Block) -> bool:
    if block.fw:
        return False  # a running head: printed over each page, not a record's heading
    first = block.text.split("\n", 1)[0].lstrip("*").strip()
    return len(first) <= HEADING_MAX and bool(HEADING_RE.match(first) or QUOTED_HEADING_RE.match(first) or
                                              EXCHANGE_HEADING_RE.match(first) or current().heading(first))


#: The longest block a record may hold before a second heading for it to have no running text yet.
RUNNING_TEXT = 200


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _record_starts(bs: list[Block], counts: Counter[str], report: Report) -> list[int]:
    """The blocks that start a record: each heading, unless the record it would end has no turn and no running
    text. Then the second heading is a line of the record above if that record has a header's fields (a cable's
    ``MEMCON / 1st DRAFT`` under a memorandum's date and time); otherwise the record above was a page's title and
    metadata, and the second heading is the document's own (a reading room's page over the memorandum). ``counts``:
    how often each label opens a block (:func:`label_counts`)."""
    starts: list[int] = []
    for i, b in enumerate(bs):
        if not is_heading(b):
            continue
        if starts:
            between = bs[starts[-1] + 1 : i]
            first = b.text.split("\n")[0]
            words = HEADING_RE.match(first)
            if words and len(first) - words.end() >= 10 and \
                    _plain(first) in _plain(" ".join(x.text for x in between)):
                report.info(b.line, f"heading-like line {first!r} repeats what the record above says (a web page's "
                                    "title after the document): read as part of that record")
                continue
            if not any(len(x.text) >= RUNNING_TEXT or counts[colon_label(x.text) or ""] >= 2 for x in between):
                if any(HEADER_FIELD.match(x.text) or PARTICIPANTS.match(x.text) for x in between):
                    report.info(b.line, f"heading-like line {first!r} is read as part of the record above, which has "
                                        "a header but no text yet")
                    continue
                report.info(bs[starts[-1]].line, f"heading {bs[starts[-1]].text.split(chr(10))[0]!r} has no header "
                                                 f"and no text before the heading at line {b.line}: read as a page's "
                                                 "title over the document")
                starts.pop()
        starts.append(i)
    return starts


def _set_apart(bs: list[Block], k: int, first: int, count: int) -> tuple[list[Block], int]:
    """The blocks with the lines of block ``k`` from ``first`` (``count`` of them) a block of their own, the title's:
    the lines above and below it blocks of theirs. Returns the blocks and the title's index."""
    lines = bs[k].text.split("\n")
    if first == 0 and count >= len(lines):
        return bs, k
    line = bs[k].line
    parts = [(lines[:first], line), (lines[first:first + count], line + first),
             (lines[first + count:], line + first + count)]
    made = [Block("\n".join(ls), n, n + len(ls) - 1) for ls, n in parts if ls]
    title = k + (1 if first else 0)
    return bs[:k] + made + bs[k + 1:], title


def is_page_title(text: str) -> bool:
    """A page's title over a record without heading: one short line, not all capitals (a banner such as ``SECRET``
    or ``THE WHITE HOUSE``), ending no sentence, neither a speaker label nor a date."""
    return ("\n" not in text and len(text) <= 120 and any(c.islower() for c in text)
            and not re.search(r"[.?!:;,]$", text) and not colon_label(text) and not is_dateline(text))


def _first_words(text: str) -> str:
    """A block's first line with words, as the report quotes it (a numbered page's blank line skipped)."""
    return next((line.strip() for line in unmark(text).split("\n") if line.strip()), "")


def _rejoin_unfinished(bs: list[Block]) -> list[Block]:
    """Numbered paragraphs rejoined where a line ends on a word that cannot end a title or a sentence and the
    page's blank line (its number alone) parts it from the rest: a court reporter's title page, ``PUBLIC HEARING
    ON`` over ``5`` over ``RURAL HOSPITAL CLOSURES``."""
    out: list[Block] = []
    for b in bs:
        lines = [unmark(x).strip() for x in out[-1].text.split("\n")] if out else []
        said = [x for x in lines if x]
        if said and ends_unfinished(said[-1]) and (not lines[-1] or not unmark(b.text.split("\n", 1)[0]).strip()):
            # (the blank line parts the two: the next block's first, or, once joined, the last of this one)
            out[-1] = Block(out[-1].text + "\n" + b.text, out[-1].line, b.last)
        else:
            out.append(b)
    return out


def parse(text: str, registry: Registry, report: Report) -> list[Record]:
    """Split a transcript into records and read each one."""
    text = prepare(text, report.path)
    text, numbered = number_lines(text)
    front_matter.NESTED.set(front_matter.nested_lines(text))  # (the opening reads no field of the file's own)
    front_matter.FRONT.set(front_matter.front_lines(text))  # (no field of it opens a turn)
    bare = bare_labels(text, registry)
    bs = blocks(text)
    if not numbered:  # (a court's numbered lines are regrouped by their own rule, below)
        bs = indented_paragraphs(double_spaced(bs, text, report), text, report)
    bs = single_newline_paragraphs(bs, report, bare)
    if numbered:
        report.info(1, f"{numbered} lines open with their number, as a court reporter numbers the lines of each "
                       "page: the numbers are kept as line beginnings (lb), the lines read as the paragraphs and "
                       "turns they make")
        bs = _rejoin_unfinished(regroup(bs, opens_paragraph))
    if not bs:
        raise TranscriptError(f"{report.path}: no text (only white space)")
    bs = running_heads(bs)
    candidates = label_counts(bs, registry)
    titled = keyed = False
    bs = front_matter.fields_apart(bs)
    if (at := front_matter.title_line(bs)) is not None:  # a Markdown file's front matter names its one record
        bs, k = _set_apart(bs, *at, len(bs[at[0]].text.split("\n")) - at[1])
        starts, titled, keyed = [k], True, True
        report.info(bs[k].line, f"the front matter's title {front_matter.title(bs[k].text)!r} is read as the "
                                "record's title, its other fields as a title page's")
    else:
        starts = _record_starts(bs, candidates, report)
    if not starts and not caption_offsets(text.split("\n")):  # a page's, a sitting's, an interview's own title,
        # among the page's furniture (not a line of a video's captions: speech)
        speakers = speaker_headings(bs, registry)  # (a speaker set as a heading: the text has begun)
        found = title_block(bs, lambda t: opens_turn(t, registry, candidates) or t.strip() in speakers)
        k = None
        if found is not None:
            bs, k = _set_apart(bs, *found)
        elif len(bs) > 1 and is_page_title(bs[0].text) and not title_excluded(bs[0].text):
            k = 0
        if k is not None:
            titled, starts = True, [k]
            report.info(bs[k].line, f"no heading of a record of conversation found: {_first_words(bs[k].text)!r} "
                                    "is read as the record's title" + (", what stands above it as the page's "
                                                                         "furniture" if k else ""))
    if not starts:
        report.warn(1, "no heading found (such as 'Memorandum of Conversation between ...'): "
                       "the whole file is encoded as one record")
        starts = [0]
        chunks = [(None, bs)]
    else:
        chunks = []
        for k, i in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(bs)
            chunks.append((bs[i], bs[i + 1 : end]))
    records = []
    front = bs[: starts[0]] if chunks[0][0] is not None else []
    if front:
        # Text before the first heading (a page's furniture, an editor's headnote): kept, as the first record's
        # front matter, never as speech or as a record of its own.
        report.info(front[0].line, "text before the first heading is kept as front matter of the first record")
    for head_block, rest in chunks:
        heading = None
        if head_block is not None:
            heading, rest = _read_heading(head_block, rest)
            heading.page_title, heading.keyed = titled, keyed
        body = read_body(rest, registry, report, candidates, bare)
        marks = plain_footnotes(heading.title if heading else "", body)
        first = head_block or (rest[0] if rest else bs[0])
        last = (rest[-1] if rest else first).last
        record = Record(heading, body, first.line, last, marks=marks)
        if front and not records:
            record.front = [Item("fw", b.text, b.line, rend=kind) if (kind := b.fw or furniture(b.text)) else
                            Item("p", b.text, b.line) for b in front]
            record.line = front[0].line
        records.append(record)
    return records


#: A line that ends a heading printed without a blank line after it: a field of the header block, or a list.
_AFTER_HEADING = re.compile(r"^(?:(?:PARTICIPANTS?|SUBJECTS?|DATE|TIME|PLACE|Participants?|Subjects?)\b|[-\u2022]\s)")


def _read_heading(block: Block, rest: list[Block]) -> tuple[Heading, list[Block]]:
    text, bold = unwrap(block.text)
    lines = text.split("\n")
    cut = next((k for k, line in enumerate(lines) if k and _AFTER_HEADING.match(line)), None)
    if cut is not None and text == block.text:  # the header block goes on in the same block: it is not the heading
        rest = [Block("\n".join(lines[cut:]), block.line + cut, block.last), *rest]
        lines = lines[:cut]
    title_lines: list[str] = []
    heading = Heading("", block.line, bold)
    for k, line in enumerate(lines):
        number = block.line + k
        if EXCERPT_RE.match(line):
            heading.parts.append(("excerpt", line[1:-1], number, bold))
        elif (title_lines and is_dateline(line)) or heading.parts:
            heading.parts.append(("dateline", line, number, bold))  # (or more of the date block: kept there)
        elif (start := fields_start(line)) is not None:  # the title, then the record's fields on its line
            title_lines.append(line[:start].rstrip())
            heading.parts.append(("dateline", line[start:], number, bold))
        else:
            title_lines.append(line)
    # a heading split by a blank line after a word that asks for more ("... Gorbachev and" / "John Major")
    while title_lines and not heading.parts and rest and OPEN_END.search(title_lines[-1]) and \
            "\n" not in rest[0].text and len(rest[0].text) <= 100 and not colon_label(rest[0].text) and \
            not re.search(r"[.?!]$", rest[0].text) and unwrap(rest[0].text)[1] == bold:
        title_lines.append(unwrap(rest[0].text)[0])
        rest = rest[1:]
    heading.title = "\n".join(title_lines)
    while rest:
        inner, b = unwrap(rest[0].text)
        lines = inner.split("\n")
        if EXCERPT_RE.match(inner):
            heading.parts.append(("excerpt", inner[1:-1], rest[0].line, b))
        elif all(is_dateline(line) for line in lines):  # "Monday, October 20, 1975" over "10:00 a.m. - 11:40 a.m."
            heading.parts += [("dateline", line, rest[0].line + k, b) for k, line in enumerate(lines)]
        elif any(read_dateline(t).time for t, _, _ in heading.datelines) and len(lines) <= 3 \
                and all(PLACE_LINE.match(line) and line.lower() not in language().fields_and_credits
                        for line in lines) \
                and not any(_AFTER_HEADING.match(line) for line in lines):  # (not a field's name: "OTHERS PRESENT")
            heading.parts += [("place", line, rest[0].line + k, b) for k, line in enumerate(lines)]
        else:
            break
        rest = rest[1:]
    return heading, rest


#: A field a line runs on into: a name of one word, a colon, a value ("EVENTO: Reunião ordinária", "DATA: 14/07/2010").
_FIELD_IN_LINE = re.compile(r"(?<!\S)([^\W\d_]+)\s?:\s+(?=\S)")
#: How many fields make a line of fields, and the fewest characters of title before them.
_LINE_FIELDS, _TITLE_BEFORE = 3, 10


def fields_start(line: str) -> int | None:
    """Where a heading's line, as a flattened title page prints it, runs on into the record's fields (``COMISSÃO
    DE CONSTITUIÇÃO E JUSTIÇA E DE CIDADANIA EVENTO: Reunião ordinária N°: 0987/10 DATA: 14/07/2010 INÍCIO:
    10h37min``): three fields or more, one of them the record's date or time in the words of the language, after
    words of a title. A field's name of several words (``Data da sessão``) is taken whole."""
    found = list(_FIELD_IN_LINE.finditer(line))
    when = language().field_names("date", "time", "end")
    if len(found) < _LINE_FIELDS or not any(m.group(1).lower() in when for m in found):
        return None
    start, head = found[0].start(), line[:found[0].end(1)].lower()
    for name in language().field_names(*FIELDS):  # "... Data da sessão: ...": the whole name
        if " " in name and head.endswith(" " + name):
            start = min(start, len(head) - len(name))
    return start if start >= _TITLE_BEFORE else None


#: The end of a heading line that the next line must complete.
OPEN_END = re.compile(r"(?:\b(?:and|with|between|of|the|for)|,)\s*$", re.I)

#: A line that names a place under a heading's date and time (``Great Hall of the People`` over ``Peking,
#: China``): short, capitalised words and commas, ending no sentence and opening no label. (A web page's date is
#: followed by its own links, ``Download``: a date without a time is followed by no place.)
PLACE_LINE = re.compile(r"^(?=.{3,60}$)[A-Z][\w'\u2019.\-]*(?:,?\s+(?:of|the|de|du|am|an|on|[A-Z][\w'\u2019.\-]*))*$")
