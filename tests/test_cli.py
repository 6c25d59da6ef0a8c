"""The command line: help, version, encode, and clear one-line errors for bad input (exit 1, no traceback)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from lxml import html

from edition import __version__
from edition.cli import main

from .conftest import SEED, TRANSCRIPTS


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_help_and_version(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0 and "encode" in result.output
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output
    result = runner.invoke(main, ["encode", "--help"])
    assert result.exit_code == 0 and "--force" in result.output and "--out" in result.output


def test_encode_writes_and_prints_files(runner, tmp_path):
    result = runner.invoke(main, ["encode", str(SEED), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(written) == 12 and "persons.xml" in written
    for name in written:
        assert str(tmp_path / "out" / name) in result.stdout
    assert "11 records, 104 speaker turns" in result.stderr
    assert "memcons-1991-02-23.txt:93: warning: no source note found for this record" in result.stderr


def test_never_overwrites_without_force(runner, tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(main, ["encode", str(SEED), "--out", str(out)]).exit_code == 0
    target = out / "1991-02-23-major.xml"
    target.write_text("editor's work", encoding="utf-8")
    result = runner.invoke(main, ["encode", str(SEED), "--out", str(out)])
    assert result.exit_code == 1
    assert "exists; not overwritten (use --force" in result.stderr
    assert target.read_text(encoding="utf-8") == "editor's work"
    result = runner.invoke(main, ["encode", str(SEED), "--out", str(out), "--force"])
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<?xml")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \n", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary file"),
        ("latin1.txt", "Gorbachev. Gr\u00fc\u00dfe\nKohl. Danke".encode("latin-1"), "not UTF-8"),
        ("missing.txt", None, "no such file"),
        ("adir", "dir", "is a directory"),
    ],
)
def test_bad_input_one_line_error(runner, tmp_path, name, content, expected):
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    result = runner.invoke(main, ["encode", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0] and str(path) in lines[0]
    assert not (tmp_path / "out").exists()


def test_undecodable_byte_names_its_line(runner, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Memorandum of Conversation with Tariq Aziz\n\nGorbachev. Hello\n\nAziz. \xff\xfe\n")
    result = runner.invoke(main, ["encode", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and f"{path}:5: not UTF-8" in result.stderr


def test_one_bad_file_does_not_stop_the_others(runner, tmp_path):
    result = runner.invoke(main, ["encode", str(tmp_path / "nope.txt"), str(SEED), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert (tmp_path / "o" / "1991-02-23-major.xml").exists()


def test_installed_command_runs_from_any_directory(tmp_path):
    """The console script of the installed package (no source tree on the path) encodes the seed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run([sys.executable, "-m", "edition", "encode", str(SEED), "--out", "x", "-q"],
                          cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert len(list((tmp_path / "x").glob("*.xml"))) == 12


def test_several_transcripts_one_personography(runner, tmp_path):
    out = tmp_path / "out"
    args = ["encode", str(SEED), str(TRANSCRIPTS / "record-of-conversation-1990.txt"),
            str(TRANSCRIPTS / "two-records-us-style.txt"), "--out", str(out)]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert len(names) == 11 + 1 + 2 + 1
    persons = (out / "persons.xml").read_text(encoding="utf-8")
    for pid in ("gorbachev", "the-president", "raisa-gorbachev", "anna-melyakova", "kaifu", "savranskaya"):
        assert f'xml:id="{pid}"' in persons, pid


def test_the_same_transcript_twice_gets_distinct_ids(runner, tmp_path):
    result = runner.invoke(main, ["encode", str(SEED), str(SEED), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "o" / "1991-02-23-1955-kohl-2.xml").exists()


def test_encode_report_says_what_was_recognised_with_lines(runner, tmp_path):
    transcript = tmp_path / "telcon.txt"
    transcript.write_text("MEMORANDUM OF TELEPHONE CONVERSATION\n\nDATE: May 2, 1991\n\nInterpreter: Gisela Weiss\n\n"
                          "The President: Helmut?\n\nChancellor Kohl: Yes.\n\nThe President: Good.\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    result = runner.invoke(main, ["encode", str(transcript), "--out", str(tmp_path / "tei"), "--report", str(report)])
    assert result.exit_code == 0, result.output
    text = report.read_text(encoding="utf-8")
    assert "1: found: heading: 'MEMORANDUM OF TELEPHONE CONVERSATION'; kind: telephone" in text
    assert "date: 1991-05-02" in text and "credit: interpreter Gisela Weiss" in text
    assert "7: found: speaker label 'The President:' accepted: it opens 2 blocks" in text
    assert "found:" not in result.output  # the report is for the file, not the terminal


def test_encode_report_as_a_page_shows_the_transcript_and_the_findings_side_by_side(runner, tmp_path):
    transcript = tmp_path / "telcon.txt"
    transcript.write_text("MEMORANDUM OF TELEPHONE CONVERSATION\n\nDATE: May 2, 1991\n\n"
                          "The President: Helmut? <script>alert(1)</script>\n\nChancellor Kohl: Yes.\n\n"
                          "The President: Good.\n", encoding="utf-8")
    report = tmp_path / "report.html"
    result = runner.invoke(main, ["encode", str(transcript), "--out", str(tmp_path / "tei"), "--report", str(report)])
    assert result.exit_code == 0, result.output
    page = html.parse(str(report)).getroot()
    rows = page.xpath("//table/tr")
    assert [r.xpath("string(td[1])") for r in rows] == [str(k) for k in range(1, 10)]
    line5 = rows[4]
    assert line5.xpath("string(td[2])") == "The President: Helmut? <script>alert(1)</script>"
    assert not page.xpath("//script")  # the transcript's text is never markup
    assert "turn" in line5.get("class") and "record" in rows[0].get("class")
    assert "speaker label 'The President:' accepted" in line5.xpath("string(td[3])")
    assert "date: 1991-05-02" in rows[0].xpath("string(td[3])")
