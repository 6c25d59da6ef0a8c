"""Property-based tests (Hypothesis) of the two readers of untrusted input: the transcript reader and the validator.

Random and mutated inputs never crash (a transcript that cannot be read is a TranscriptError, a file that cannot
be validated is a problem in the report), never hang (each example is given a generous limit far above what it
takes), and never lose text (the TEI of a transcript reads as the transcript, bracket for bracket).
"""

from __future__ import annotations

import signal
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from edition.encode import Registry, TranscriptError, encode_text, verify_lossless
from edition.validate import Validator

from .conftest import ROOT, SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
RECORD = (ROOT / "tei" / "1991-02-23-major.xml").read_bytes()
REGISTRY = Registry.load()
#: Far above what one example takes (well under a second): only a hang reaches it.
HANG = 60

#: What transcripts are made of: the conventions' signs, labels, dates, page furniture, and odd characters.
PIECES = ["[", "]", "(*", "*)", "**", "*", "[...]", "[sic]", "\n", "\n\n", "Gorbachev: ", "Gorbachev. ",
          "THE PRESIDENT: ", "P: ", "Unknown Person: ", "(speaks English) ", "- ", "1. ", "[7]", "\u201c", "---",
          "&", "<b>", "]]>", "\u2026", "12:30-", "23 February 1991", "Memorandum of Conversation between ",
          "[Source: ", "Translated by ", "SECRET", "- 2 -", "[Page 12]", "\t", "\x0c", "\r\n", "\u00a0", "\ufeff",
          "\x00", "\x07", "\ud7ff", "\U0001f600", "\u202e", "e\u0301"]


@contextmanager
def no_hang(seconds: int = HANG):
    def stop(signum, frame):
        raise AssertionError(f"no answer in {seconds} s: a hang")

    before = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)


def check_transcript(text: str) -> None:
    with no_hang():
        try:
            result = encode_text(text, "fuzz.txt", REGISTRY)
        except TranscriptError:
            return  # refused with a message, as the command line reports it
    assert verify_lossless(text, result.documents) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=60).map("".join))
@example("")  # found by this test: no text at all was an IndexError
@example("1. - [")  # found by this test: a numbered paragraph that is a list lost its number
def test_random_transcripts_never_crash_and_lose_nothing(text):
    check_transcript(text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.floats(0, 1), st.sampled_from(PIECES)), min_size=1, max_size=12))
@example([(0.7054968592604008, "\n")])  # found by this test: a line break before a source note's "]" was lost
@example([(0.0, "- "), (0.0, "**"), (0.0, "---")])  # found by this test: "---**-" compared as four hyphens
def test_mutated_seed_transcripts_never_crash_and_lose_nothing(edits):
    text = SEED_TEXT
    for where, piece in edits:
        k = int(where * len(text))
        text = text[:k] + piece + text[k:]
    check_transcript(text)


XML_PIECES = [b"<", b">", b"&", b"&amp;", b"&#0;", b"&#x110000;", b"]]>", b"<!--", b"-->", b"<?pi x?>",
              b'<!DOCTYPE TEI [<!ENTITY a "aaaa">]>', b'<!DOCTYPE TEI SYSTEM "file:///etc/passwd">', b"&a;",
              b"<hi>", b"</hi>", b"</TEI>", b'xml:id="x"', b"\xff", b"\xc3", b"\x00", b"\r", b"<![CDATA[",
              b"\xef\xbb\xbf", b"\xfe\xff", b"\xff\xfe"]


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.one_of(st.sampled_from(XML_PIECES), st.binary(max_size=8)),
                                st.integers(0, 6)), min_size=1, max_size=8))
@example(edits=[(0.0, b"\xfe\xff", 0)])  # found by this test: a UTF-16 mark before bytes that are not UTF-16
def test_mutated_records_are_validated_never_crash(tmp_path_factory, validator, edits):
    data = RECORD
    for where, piece, cut in edits:  # insert a piece, and cut a few bytes after it
        k = int(where * len(data))
        data = data[:k] + piece + data[k + cut:]
    path: Path = tmp_path_factory.mktemp("fuzz") / "record.xml"
    path.write_bytes(data)
    with no_hang():
        result = validator.run([path])
    assert result.files == [str(path)]
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message
    if data != RECORD and not result.problems:  # a change the validator finds nothing wrong with still parses
        from lxml import etree

        etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
