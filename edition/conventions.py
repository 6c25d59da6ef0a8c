"""The edition's conventions, defined once for all of the Python side.

Everything that decides how a printed sign becomes TEI, or how TEI reads back as the printed text, lives here:
the text normalizations (declared in every header's ``editorialDecl``), the printed forms of the editorial
brackets, and the identifier rules. The encoder, the lossless check and the header writer all call these
functions; the XSLT side has its own single module with the same table (``xslt/conventions.xsl``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
T = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
XML_BASE = f"{{{XML_NS}}}base"

#: The TEI's divisions of a text, numbered or not.
DIVISIONS = frozenset(T + name for name in ("div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"))

#: What ``edition encode --changes`` does with a document's tracked changes: keeps them as ``add`` and ``del``,
#: accepts or rejects them all (encode/formats/changes.py).
TRACKED_CHANGES = ("keep", "accept", "reject")

#: MARC relator for translators: the ``@ref`` of ``resp`` in a translator credit.
RELATOR_TRANSLATOR = "http://id.loc.gov/vocabulary/relators/trl"

# --- Normalization -------------------------------------------------------------------------------------------

_WS = re.compile(r"\s+")
_TRIPLE_HYPHEN = re.compile(r"(?<!-)---(?!-)")


def normalize(text: str) -> str:
    """Apply the edition's declared text normalizations, and only those.

    1. Unicode NFC.
    2. Three hyphens typed for a dash (``hour---and``) become an em dash (U+2014), as the rest of the source prints.
    3. Any run of white space (line breaks, the blank lines of page breaks, tabs) becomes one space.
    """
    text = unicodedata.normalize("NFC", text)
    text = _TRIPLE_HYPHEN.sub("\u2014", text)
    return _WS.sub(" ", text)


#: The normalizations as the header declares them (``editorialDecl/normalization``): one sentence each, in the
#: order that :func:`normalize` applies them.
NORMALIZATIONS = (
    "Text is stored in Unicode normalization form C.",
    "Three hyphens typed for a dash (---) are recorded as an em dash (\u2014), the dash the rest of the source prints.",
    "Line breaks and runs of white space are recorded as one space; a heading wrapped over several lines is one "
    "heading.",
)

# --- Emphasis (Markdown-like asterisks in the transcripts) ---------------------------------------------------

#: ``**bold**`` and ``*italic*`` as the transcripts type them. The asterisks are formatting, not text: the
#: encoder records them as ``@rend`` or as the element they mean (a translator's insertion).
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S)
#: The marks of a run set in bold (or in bold italics: ``***Name:***``) as Markdown types them, for a pattern's
#: group that its closing marks repeat (a label's, a field's).
BOLD_MARKS = r"\*\*\*|\*\*|___|__"
ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])", re.S)


def strip_emphasis(text: str) -> str:
    """Remove paired emphasis asterisks, keeping their content; a lone asterisk (a footnote mark) stays."""
    text = BOLD.sub(r"\1", text)
    return ITALIC.sub(r"\1", text)


def comparable(text: str) -> str:
    """The form in which a transcript and the text of its TEI are compared: normalized, asterisks off.

    The transcripts type asterisks for bold and italics, which the TEI records as ``@rend`` or as the element they
    mean; an asterisk that is not formatting stays text in the TEI. Both sides drop every asterisk, so the
    comparison is the same whichever way an asterisk was read. The text is normalized before the asterisks go, as
    the encoder normalizes it (``---**-``: its three hyphens are already a dash), and again after.
    """
    return normalize(normalize(text).replace("*", "")).strip()


# --- Editorial brackets: printed forms -------------------------------------------------------------------------

#: How an omission by the publisher was printed: ``gap/@rend`` token -> printed form.
GAP_FORMS = {
    "brackets": "[...]",
    "brackets-ellipsis": "[\u2026]",
    "brackets-spaced": "[. . .]",
}
GAP_RE = re.compile(r"\[(?:\.\.\.|\u2026|\. \. \.)\]")
GAP_REND = {form: rend for rend, form in GAP_FORMS.items()}

#: Printed forms of the other conventions, as (before, after) the element's own text.
SUPPLIED = ("[", "]")
SIC_MARK = " [sic]"
TRANSLATOR_NOTE = ("(", ")")  # the content is italic
DELIVERY = ("(", ")")
EXCERPT = ("[", "]")
#: How a notice, an event in the room or a note was enclosed where it was printed: ``@rend`` -> (before, after).
ENCLOSURES = {"brackets": ("[", "]"), "parentheses": ("(", ")")}
#: Notes printed in the running text: an editor's note, a literal rendering, the record's narration (in brackets),
#: the time a parliament's record or a log prints before what follows.
INLINE_NOTES = ("editorial", "literal", "time")
SOURCE_NOTE = ("[", "]")
FOOTNOTE_MARK = ("[", "]")
SECTION_MARK = "\u00a7 "  # a parliament's web record opens each contribution with it
PAGE_MARK = ("[Page ", "]")  # a page of the source publication begins: [Page 283]
LIST_MARKS = {"dash": "- ", "endash": "\u2013 ", "bullet": "\u2022 ", "asterisk": "* "}

#: The formatting of a word processor's runs, as ``hi/@rend`` tokens (:mod:`edition.encode.formats`), in the
#: order they are written.
FORMATTING = ("bold", "italic", "underline", "smallcaps", "allcaps", "superscript", "subscript", "strikethrough")
#: Every ``@rend`` token the encoder writes: typography, how an omission was printed, how list items are marked.
#: The schema's closed value list for ``@rend`` (schema/edition.odd) is this list; a test keeps them in step.
REND_TOKENS = tuple(dict.fromkeys(("bold", "italic", "brackets", *GAP_FORMS, *LIST_MARKS, "page",
                                    "parentheses", "plain", "glued", "numbered", "section", *FORMATTING)))


@dataclass(frozen=True)
class Convention:
    """One editorial convention: what the source prints, how the edition encodes it, how it is rendered."""

    name: str
    printed: str
    encoded: str
    rendered: str


#: The table of conventions, written into every header's ``editorialDecl`` and the README.
CONVENTIONS: tuple[Convention, ...] = (
    Convention("omission", "[...]", '<gap reason="omitted" rend="brackets"/>', "[...]"),
    Convention(
        "omission in the source",
        "... (bare)",
        "kept as text",
        "... exactly as printed; distinct from [...]",
    ),
    Convention("supplied", "[Saddam] Hussein", '<supplied reason="clarification">Saddam</supplied>', "[Saddam]"),
    Convention("sic", "he [sic]", "<sic>he</sic>", "he [sic]"),
    Convention(
        "translator's insertion",
        "(*on readiness ...*)",
        '<note type="translator" place="inline">on readiness ...</note>',
        "(on readiness ...) with the words in italics",
    ),
    Convention(
        "remark on delivery",
        "(speaks Russian) at the start of a turn",
        '<stage type="delivery">speaks Russian</stage>',
        "(speaks Russian)",
    ),
    Convention(
        "the speaker's own parentheses",
        "(Iraq initially requested ...)",
        "kept as text",
        "as printed",
    ),
    Convention("excerpt notice", "[excerpts]", '<note type="excerpt">excerpts</note> in the opener', "[excerpts]"),
    Convention(
        "source note",
        "[Source: ... Translated by ...]",
        '<note type="source"> at the end of the record; its facts also in the header',
        "[Source: ...]",
    ),
    Convention("speaker label", "Gorbachev. / Gorbachev:", '<sp who="#id"><speaker>Gorbachev.</speaker>', "as printed"),
    Convention(
        "paragraph broken by a page break",
        "I can tell / (blank line) / you directly",
        "one <p>",
        "one paragraph",
    ),
    Convention("list in speech", "- Iraq agrees ...", '<list rend="dash"><item>', "a list, each item marked -"),
    Convention("numbered list", "1. Welkom / 2. Toelichting commissies (on consecutive lines, each the next number)",
               '<list rend="numbered"><item n="1">', "a list, each item with its number"),
    Convention("footnote mark", "word[1] ... [1] Note.", '<ref type="footnote" target="#...">1</ref>', "[1]"),
    Convention("footnote mark printed bare", "Conversation1 ... 1. Note.",
               '<ref type="footnote" rend="plain" target="#...">1</ref> ... <note type="footnote" rend="plain" '
               'n="1">', "a superscript 1 ... 1. Note."),
    Convention("footnote mark whose note the transcript lacks", "Conversation1 ... letter2 (an excerpt that stops "
               "before the notes)", '<ref type="footnote" rend="plain" n="2">2</ref>; the header says so (note '
               'type="footnotes")', "a superscript 2, unlinked, titled as not in the transcript"),
    Convention("numbered paragraph", "12. Text", '<p n="12">', "12. Text"),
    Convention("page of the source publication", "[Page 283]", '<pb n="283" rend="page"/>', "[Page 283]"),
    Convention("notice of an omission", "[omission in transcript], [1 line not declassified]",
               '<gap reason="omitted|illegible|inaudible|redacted" rend="brackets"><desc>omission in transcript'
               '</desc></gap>', "[omission in transcript]"),
    Convention("withheld by a declassification review", "E.O. 13526, section 1.4(b)(d)",
               '<gap reason="redacted"><desc>E.O. 13526, section 1.4(b)(d)</desc></gap>', "as printed"),
    Convention("event in the room", "[Laughter], (laughter)",
               '<stage type="incident" rend="brackets|parentheses">Laughter</stage>', "[Laughter] in italics"),
    Convention("classification mark or banner", "(U), SECRET/SENSITIVE, Declassify on: OADR",
               '<fw type="classification">(U)</fw>', "as printed, set apart from the text"),
    Convention("page number of the document", "- 2 -, Page 2 of 49", '<fw type="pageNum">- 2 -</fw>', "as printed"),
    Convention("running head or foot", "CHM Ref: X5378.2009 ... Page 2 of 49 (a line each page prints with its number)",
               '<fw type="running">CHM Ref: ... Page 2 of 49</fw>', "as printed, set apart from the text"),
    Convention("time of what follows", "23.02 / 006:09:17 Duke:", '<note type="time" place="inline">23.02</note>',
               "as printed, set apart, where it stands"),
    Convention("caption cue", "1 00:00:00,080 --> 00:00:02,430", '<fw type="cue">1 00:00:00,080 --> ...</fw>',
               "as printed, set apart from the speech"),
    Convention("time code of the recording", "[03:56] So we're ..., [01:02:17] (first or last in its paragraph, after "
               "a sentence, or with hours)", '<fw type="timecode">[03:56]</fw>', "as printed, small, where it stands"),
    Convention("numbered line", "5 JUDGE AGIUS: ... / 6 case, please.", '<lb n="6" rend="numbered"/>',
               "the line's number, small, where the line begins"),
    Convention("note in the text", "[editor's note: ...], [lit., ...], [The President arrived.], [CC stamp; 12 "
               "June 1969]",
               '<note type="editorial|literal" place="inline" rend="brackets">', "[...] set apart from the speech"),
)


def reading_text(element: etree._Element) -> str:
    """The text of a TEI element as the source printed it: brackets restored, header excluded.

    This is the inverse of the encoder, used to prove that nothing was lost: ``comparable(transcript)`` must equal
    ``normalize(reading_text(tei_text))``. It is the Python twin of the XSLT conventions module.
    """
    parts: list[str] = []
    _read(element, parts)
    return "".join(parts)


def _read(el: etree._Element, out: list[str]) -> None:
    if not isinstance(el.tag, str):  # comments and processing instructions carry no text of the source
        out.append(el.tail or "")
        return
    qname = etree.QName(el)
    if qname.namespace != TEI_NS:  # an example in another namespace (as TEI's egXML) is read as plain text
        out.append(el.text or "")
        for child in el:
            _read(child, out)
        out.append(el.tail or "")
        return
    local = qname.localname
    typ = el.get("type")
    before, after = "", ""
    if local == "teiHeader":
        return
    if local == "gap":
        desc = el.find(T + "desc")
        if desc is not None:  # a notice printed in the text: its words as printed, in brackets when they were
            around = ENCLOSURES.get(el.get("rend", ""), ("", ""))
            out.append(around[0] + "".join(desc.itertext()) + around[1])
        else:
            out.append(GAP_FORMS.get(el.get("rend", "brackets"), "[...]"))
        out.append(el.tail or "")
        return
    if local == "lb" or local == "pb":
        page = local == "pb" and "page" in el.get("rend", "").split()
        numbered = local == "lb" and "numbered" in el.get("rend", "").split()  # "5 JUDGE AGIUS:"
        out.append(f"{PAGE_MARK[0]}{el.get('n', '')}{PAGE_MARK[1]}" if page else
                   f" {el.get('n', '')} " if numbered else " ")
        out.append(el.tail or "")
        return
    if local == "supplied":
        before, after = SUPPLIED
    elif local == "sic" and etree.QName(el.getparent()).localname != "choice":
        after = SIC_MARK if (el.text or len(el)) else SIC_MARK.strip()
    elif local == "note" and typ == "translator":
        before, after = TRANSLATOR_NOTE
    elif local == "stage" and typ == "delivery":
        before, after = DELIVERY
    elif (local == "stage" and typ == "incident") or (local == "note" and typ in INLINE_NOTES):
        before, after = ENCLOSURES.get(el.get("rend", ""), ("", ""))
    elif local == "note" and typ == "excerpt":
        before, after = EXCERPT
    elif local == "note" and typ == "source" and "brackets" in el.get("rend", "").split():
        before, after = SOURCE_NOTE
    elif local == "ref" and typ == "footnote" and el.get("rend") != "plain":
        before, after = FOOTNOTE_MARK
    elif local == "note" and typ == "footnote":  # "[1] Note.", or "1. Note." where its mark is a bare number
        n = el.get("n", "")
        before = f"{n}. " if el.get("rend") == "plain" else FOOTNOTE_MARK[0] + n + FOOTNOTE_MARK[1] + " "
    elif local == "item":
        before = LIST_MARKS.get(el.getparent().get("rend", ""), "")
    numbered = local == "item" and el.getparent() is not None and el.getparent().get("rend") == "numbered"
    if el.get("n") and (local in ("p", "sp", "list") or numbered or (local == "note" and typ == "source")):
        # a printed paragraph, turn or note number; glued to the first word where a web page's margin number ran
        # into it ("2Gorbachev:")
        glued_n = local in ("p", "sp") and "glued" in el.get("rend", "").split()
        before = el.get("n") + ("" if glued_n else ". ") + before
    if local == "sp" and "section" in el.get("rend", "").split():
        before = SECTION_MARK + before  # Hansard's "\u00a7 Q2. Mr. Brown"
    parent = etree.QName(el.getparent()).localname if el.getparent() is not None else ""
    block = (local in BLOCKS and not (local == "stage" and parent not in FW_BLOCK_PARENTS)) or (
        local == "note" and typ in ("source", "footnote", "excerpt")) or (
        local == "fw" and parent in FW_BLOCK_PARENTS)  # (an event in a sentence stands in its line)
    glued = local == "speaker" and "glued" in el.get("rend", "").split()
    if block and not _after_glued(el):
        out.append(" ")
    out.append(before)
    out.append(el.text or "")
    for child in el:
        _read(child, out)
    out.append(after)
    if block and not glued:
        out.append(" ")
    out.append(el.tail or "")


def _after_glued(el: etree._Element) -> bool:
    """Whether an element follows a speaker label printed without a space before the speech, or is a label
    printed right after a page mark (``[Page 283]R:``) or right after its turn's number (``2Gorbachev:``)."""
    prev = el.getprevious()
    parent = el.getparent()
    if prev is None and etree.QName(el).localname == "speaker" and parent is not None and parent.get("n") and \
            "glued" in parent.get("rend", "").split():
        return True  # a turn's number glued to its label: "2Gorbachev:"
    if prev is None or (prev.tail or "").strip() or not isinstance(prev.tag, str):
        return False
    local = etree.QName(prev).localname
    return (local == "speaker" and "glued" in prev.get("rend", "").split()) or (
        local == "pb" and etree.QName(el).localname == "speaker" and "page" in prev.get("rend", "").split())


#: Elements that stand on their own line: a space separates them from their neighbours when read as text.
BLOCKS = frozenset(
    {"head", "opener", "dateline", "sp", "speaker", "stage", "p", "list", "item", "quote", "div", "front", "body",
     "text"}
)

#: Where a page's furniture (``fw``) stands on its own rather than in a line of text.
FW_BLOCK_PARENTS = frozenset({"div", "sp", "body", "front", "back"})

#: The file name of an edition's personography (written by the encoder, looked for beside records by the validator).
PERSONOGRAPHY = "persons.xml"

# --- Identifiers ----------------------------------------------------------------------------------------------

_NON_ID = re.compile(r"[^a-z0-9]+")


#: Cyrillic letters in Latin ones (the common scholarly transliteration, without diacritics), so that ids made from
#: Russian names are names too (``Председательствующий`` -> ``predsedatelstvuiushchii``), not empty.
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
     "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia", "i", "i", "ie", "g"], strict=True))


_APOSTROPHES = str.maketrans("\u2019\u2018\u02bc", "'''")
#: Latin letters that Unicode does not decompose into a letter and its accent, as the languages' own
#: transliteration writes them in ASCII (Polish ``Marszałek`` -> ``marszalek``, German ``Strauß`` -> ``strauss``).
_LATIN = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe",
                        "þ": "th"})


def slug(text: str) -> str:
    """A lower-case ASCII token for identifiers: ``Hashemi-Rafsanjani`` -> ``hashemi-rafsanjani``, ``Иванов И.
    И.`` -> ``ivanov-i-i``, ``Wałęsa`` -> ``walesa``; a name's apostrophe parts it whichever is typed (``O’Brien``
    as ``O'Brien``: ``o-brien``)."""
    text = "".join(_CYRILLIC.get(c, c) for c in text.lower().translate(_APOSTROPHES).translate(_LATIN))
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_ID.sub("-", ascii_text).strip("-")


def record_id(date: str | None, time: str | None, interlocutor: str, taken: Iterable[str] = ()) -> str:
    """The stable id of a record, also its file name: ``1991-02-23-0015-aziz``.

    Made of the date (or ``undated``), the start time as HHMM when known, and the interlocutor's id; a number is
    added only when the same id would otherwise be made twice.
    """
    parts = [date or "undated"]
    if time:
        parts.append(time.replace(":", "")[:4])
    parts.append(slug(interlocutor) or "record")
    base = "-".join(parts)
    taken = set(taken)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def xml_id(record: str) -> str:
    """The ``xml:id`` of a record's ``TEI`` element (an NCName may not start with a digit)."""
    return f"rec-{record}"


def turn_id(record: str, n: int) -> str:
    """The ``xml:id`` of the n-th speech turn of a record: a stable anchor for citation."""
    return f"{xml_id(record)}-sp{n}"


#: The longest record id the edition takes: it becomes file names (``ID.html``, ``ID.json``, ``ID.pdf``) and links.
MAX_NAME = 100
_NAME_START = ("A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d"
               "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_NAME = re.compile(f"[{_NAME_START}0-9][{_NAME_START}\\-.0-9\u00b7\u0300-\u036f\u203f\u2040]*")


def unsafe_name(name: str) -> str | None:
    """Why ``name`` cannot be a record id, which becomes a file name and a link; None when it can.

    A safe name is made of the characters of an XML NCName (letters, digits, ``.``, ``-``, ``_``; no ``/``, ``\\``,
    ``:``, ``%``, ``#``, ``?`` or space), does not start with ``.`` or ``-``, and has at most :data:`MAX_NAME`
    characters: it names a file inside the output folder and only there, and a link made of it is always relative.
    It may start with a digit, as the ids the encoder makes do (``1991-02-23-1955-kohl``, from ``rec-...``). The
    stylesheets (``ed:id``) refuse any other id too.
    """
    if not name:
        return "it is empty"
    if len(name) > MAX_NAME:
        return f"it is longer than {MAX_NAME} characters"
    if not _NAME.fullmatch(name):
        return "only letters, digits, '.', '-' and '_' may make a record id, and it may not start with '.' or '-'"
    return None


def record_name(xml_id_value: str | None, file_stem: str) -> str:
    """The id a record is published under: its ``xml:id`` without the ``rec-`` prefix, else its file name (the
    rule of ``ed:id`` in ``xslt/records.xsl``)."""
    return (xml_id_value or "").removeprefix("rec-") or file_stem


def person_id(name: str) -> str:
    """The ``xml:id`` of a provisional person made from an unresolved label."""
    s = slug(name)
    return s if s and not s[0].isdigit() else f"p-{s}"
