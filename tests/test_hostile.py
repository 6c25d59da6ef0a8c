"""Hostile sources and faults: what a contributed file or an interrupted run can do to the build machine.

Each test reproduces an attack or a fault that an earlier version let through (issue 11), and checks that the
toolkit refuses it with a one-line error naming the file and line, writes nothing outside the output folder,
publishes nothing from outside the source tree and loses nothing.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html

from edition import publish
from edition.cli import main

from .conftest import ROOT

TEI_DIR = ROOT / "tei"


def corpus(tmp_path: Path, name: str = "tei") -> Path:
    """A copy of the curated edition's TEI, without its transcripts."""
    src = tmp_path / name
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    return src


def set_id(record: Path, new_id: str) -> None:
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r'(<TEI [^>]*xml:id=")[^"]*"', lambda m: m.group(1) + new_id + '"', text, count=1),
                      encoding="utf-8")


def tree_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"" for p in sorted(folder.rglob("*"))}


# --- 1. Record ids are not paths ------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["rec-../../escaped", "rec-javascript:alert(1)//", "rec-a%2F..%2Fb",
                                 "rec-" + "x" * 101, "rec-.hidden", "rec-a\\..\\b"])
@pytest.mark.parametrize("only", ["web", "per-document"])
def test_a_record_id_that_is_not_a_safe_name_stops_the_build_before_anything_is_written(tmp_path, bad, only):
    src = corpus(tmp_path)
    set_id(src / "1991-02-23-major.xml", bad)
    before = tree_of(tmp_path)
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "site"), "--only", only])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert re.match(rf"{re.escape(str(src / '1991-02-23-major.xml'))}:\d+: error: \[record-id\] ", lines[0])
    assert repr(bad.removeprefix("rec-")) in lines[0]
    assert tree_of(tmp_path) == before  # nothing written, here or above


def test_a_record_named_by_an_unsafe_file_name_is_refused_too(tmp_path):
    src = corpus(tmp_path)
    record = src / "1991-02-23-major.xml"
    text = record.read_text(encoding="utf-8")
    (src / "javascript:alert(1).xml").write_text(re.sub(r' xml:id="rec-[^"]*"', "", text, count=1), encoding="utf-8")
    record.unlink()
    with pytest.raises(publish.BuildError, match=r"javascript:alert\(1\)\.xml:\d+: error: \[record-id\] .*file name"):
        publish.build(src, tmp_path / "site", parts=("web",))


def test_the_stylesheets_refuse_an_unsafe_id_even_when_python_did_not(tmp_path, monkeypatch):
    """Defence in depth: ed:id stops the run if an unsafe id ever reaches it."""
    src = corpus(tmp_path)
    set_id(src / "1991-02-23-major.xml", "rec-../../escaped")
    monkeypatch.setattr(publish, "_check_name", lambda path, root: None)
    with pytest.raises(publish.BuildError, match=r"\[record-id\] the record id \.\./\.\./escaped"):
        publish.build(src, tmp_path / "site", parts=("web",))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tei"]


def test_links_made_of_ids_are_relative_paths(tmp_path):
    out = tmp_path / "site"
    publish.build(corpus(tmp_path), out, parts=("web",))
    pages = list((out / "records").glob("*.html"))
    hrefs = [a for p in pages for a in html.parse(str(p)).xpath("//a[@rel='prev' or @rel='next']/@href")]
    assert len(hrefs) == 2 * (len(pages) - 1)
    assert all(h.startswith("./") for h in hrefs), hrefs


# --- 2. Symlinks publish nothing ------------------------------------------------------------------------------------


def test_links_out_of_the_source_tree_publish_nothing(tmp_path):
    src = corpus(tmp_path)
    (src / "source").mkdir()
    (src / "source" / "transcript.txt").write_text("the transcript", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-OF-THE-BUILD-MACHINE", encoding="utf-8")
    (src / "source" / "passwd").symlink_to("/etc/passwd")
    (src / "source" / "environ").symlink_to("/proc/self/environ")
    (src / "source" / "secret.txt").symlink_to(secret)
    (src / "source" / "home").symlink_to(tmp_path, target_is_directory=True)
    (src / "source" / "again.txt").symlink_to(src / "source" / "transcript.txt")  # inside: a file like another
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    record = (src / "1991-02-23-major.xml").read_text(encoding="utf-8")
    (outside / "other.xml").write_text(record.replace("rec-1991-02-23-major", "rec-from-elsewhere")
                                       .replace("John Major", "SECRET-OF-THE-BUILD-MACHINE"), encoding="utf-8")
    (src / "linked-record.xml").symlink_to(outside / "other.xml")
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--only", "web"])
    assert result.exit_code == 0, result.output
    published = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert {"source/transcript.txt", "source/again.txt"} <= published
    assert not {"source/passwd", "source/environ", "source/secret.txt"} & published
    assert not [p for p in published if p.startswith("source/home")]
    assert not (out / "records" / "from-elsewhere.html").exists()
    assert not [p for p in out.rglob("*") if p.is_file() and b"SECRET-OF-THE-BUILD-MACHINE" in p.read_bytes()]
    for name in ("passwd", "environ", "secret.txt", "home", "linked-record.xml"):
        assert re.search(rf"warning: skipped \S*{re.escape(name)}: ", result.output), (name, result.output)
