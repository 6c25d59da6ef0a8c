"""Shared fixtures: the seed transcript, its encoding (made once), and jing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from edition.encode import EncodeResult, Registry, encode_file

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tei" / "source" / "memcons-1991-02-23.txt"
TEI_ALL = ROOT / "schema" / "tei_all.rng"
#: The fixtures, beside the tests that use them: transcripts in other styles (encode), a valid and an invalid
#: document per schema rule (validate), and TEI from other projects (validate and publish).
TRANSCRIPTS = Path(__file__).resolve().parent / "encode" / "fixtures"
RULES = Path(__file__).resolve().parent / "validate" / "fixtures"
OTHERTEI = Path(__file__).resolve().parent / "fixtures" / "othertei"


@pytest.fixture(scope="session")
def seed_result() -> EncodeResult:
    return encode_file(SEED, Registry.load())


@pytest.fixture(scope="session")
def jing() -> str:
    """The jing command. In CI it must be there (``.ci/run`` installs it): a missing jing fails, never skips."""
    path = shutil.which("jing")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("jing is not installed; .ci/run must install the Debian package 'jing'")
        pytest.skip("jing is not installed (apt-get install jing)")
    return path


def build_site(tmp: Path, sources: list[Path], *options: str) -> Path:
    """Build the sources (copied into ``tmp/src``, folders whole) with ``edition build``; the site's folder."""
    from click.testing import CliRunner

    from edition.cli import main

    (tmp / "src").mkdir()
    for source in sources:
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp / "src" / source.name)
    result = CliRunner().invoke(main, ["build", str(tmp / "src"), "--out", str(tmp / "site"), *options])
    assert result.exit_code == 0, result.output
    return tmp / "site"


def build_texts(tmp: Path, texts: dict[str, str], *options: str) -> Path:
    """Build TEI written here (file name, under ``tmp/src``, -> its text) with ``edition build``; the site's folder."""
    from click.testing import CliRunner

    from edition.cli import main

    for name, text in texts.items():
        (tmp / "src" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / "src" / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp / "src"), "--out", str(tmp / "site"), *options])
    assert result.exit_code == 0, result.output
    return tmp / "site"


def words(el) -> str:
    """An element's text as a reader sees it: its words, each run of white space one space."""
    return " ".join(el.text_content().split())


def record_page(site: Path, rid: str):
    """The web page of a record of a built site (``records/ID.html``), parsed."""
    from lxml import html

    return html.parse(str(site / "records" / f"{rid}.html")).getroot()


def run_jing(jing: str, files: list[Path], schema: Path = TEI_ALL) -> subprocess.CompletedProcess[str]:
    """Validate ``files`` against ``schema`` (tei_all.rng) in one jing run; jing's warnings about jars are dropped."""
    proc = subprocess.run([jing, str(schema), *map(str, files)], capture_output=True, text=True, timeout=300)
    out = "\n".join(line for line in (proc.stdout + proc.stderr).splitlines() if not line.startswith("[warning]"))
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, "")
