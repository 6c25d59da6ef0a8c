"""``edition serve``: the built site served from its folder, built again when a source changes, each page asking
for the site's version to reload itself; nothing outside the site served; Ctrl-C ends it cleanly."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from edition import publish
from edition.serve import RELOAD_SCRIPT, VERSION_PATH, Preview

from ..conftest import ROOT

WAIT = 30  # seconds a rebuild may take on a slow machine


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, ""


def _first_record(tei: Path) -> Path:
    return next(p for p in sorted(tei.glob("*.xml")) if p.name not in ("edition.xml", "persons.xml"))


def _mark(path: Path, word: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r"(<sp\b[^>]*>\s*<speaker>[^<]*</speaker>\s*<p>)", r"\g<1>" + word + " ", text, count=1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")


@pytest.fixture
def preview(tmp_path):
    tei = tmp_path / "tei"
    shutil.copytree(ROOT / "tei", tei)
    site = tmp_path / "site"
    said: list[str] = []

    def rebuild() -> str:
        return f"{publish.build(tei, site, parts=('web',))[1]} records"

    rebuild()
    p = Preview(site, rebuild, [tei], host="127.0.0.1", port=0, say=said.append)
    thread = threading.Thread(target=p.serve, daemon=True)
    thread.start()
    yield p, tei, said
    p.stop()
    thread.join(timeout=10)


def test_a_changed_source_is_rebuilt_and_its_page_shows_the_change(preview):
    p, tei, said = preview
    record = _first_record(tei)
    page = p.address + "records/" + record.stem + ".html"
    status, before = _get(page)
    assert status == 200 and "PREVIEWMARK" not in before
    assert RELOAD_SCRIPT.replace("VERSION", "1") in before  # the page asks for the version, to reload itself
    assert _get(p.address + VERSION_PATH.lstrip("/"))[1] == "1"
    _mark(record, "PREVIEWMARK")
    deadline = time.monotonic() + WAIT
    while _get(p.address + VERSION_PATH.lstrip("/"))[1] == "1" and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _get(p.address + VERSION_PATH.lstrip("/"))[1] == "2"
    assert "PREVIEWMARK" in _get(page)[1]
    assert said and said[-1].startswith("rebuilt in ") and said[-1].endswith("11 records")
    # the site's own files are not changed for the preview
    assert "edition serve" not in (p.site / "records" / (record.stem + ".html")).read_text(encoding="utf-8")
    assert RELOAD_SCRIPT.replace("VERSION", "2") in _get(page)[1]  # (served at the version it was built at)


def test_a_failed_rebuild_keeps_the_last_good_site_served_and_says_why(preview):
    p, tei, said = preview
    _first_record(tei).write_text("<TEI", encoding="utf-8")  # not XML
    deadline = time.monotonic() + WAIT
    while not said and time.monotonic() < deadline:
        time.sleep(0.2)
    assert said and said[-1].startswith("error: the rebuild failed, the last good site is still served:")
    assert "\n" not in said[-1]
    assert _get(p.address)[0] == 200 and _get(p.address + VERSION_PATH.lstrip("/"))[1] == "1"


def test_nothing_outside_the_site_is_served(preview):
    p, _tei, _said = preview
    (p.site.parent / "secret.txt").write_text("secret", encoding="utf-8")
    for path in ("../secret.txt", "%2e%2e/secret.txt", "..%2fsecret.txt", "/etc/passwd", "../../../../etc/passwd"):
        status, body = _get(p.address + path)
        assert "secret" not in body and "root:" not in body, path


def test_the_command_prints_its_address_and_stops_cleanly_on_ctrl_c(tmp_path):
    tei = tmp_path / "tei"
    shutil.copytree(ROOT / "tei", tei)
    proc = subprocess.Popen([sys.executable, "-m", "edition", "serve", str(tei), "--out", str(tmp_path / "site"),
                             "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        deadline = time.monotonic() + WAIT * 2
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            lines.append(line)
            if line.startswith("serving ") or not line:
                break
        address = re.search(r"at (http://localhost:\d+/)", lines[-1])
        assert address, lines
        assert _get(address.group(1))[0] == 200
        proc.send_signal(signal.SIGINT)
        out = proc.communicate(timeout=WAIT)[1]
        assert proc.returncode == 0 and out.strip().endswith("stopped")
    finally:
        if proc.poll() is None:
            proc.kill()


def test_an_address_already_in_use_is_one_line_and_exit_1(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "edition", "serve", str(ROOT / "tei"), "--out",
                                 str(tmp_path / "site"), "--port", str(port)], capture_output=True, text=True,
                                timeout=WAIT * 2)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith(f"error: cannot listen on 127.0.0.1:{port}")


def test_the_open_page_reloads_once_the_rebuilt_pages_are_in_place_not_after_the_search_index(tmp_path):
    """A rebuild tells the preview when its site is in place (publish.build's ``in_place``), before a quick
    rebuild's search index follows: the page's version moves on then, and once for the rebuild."""
    tei = tmp_path / "tei"
    shutil.copytree(ROOT / "tei", tei, ignore=shutil.ignore_patterns("source"))
    site = tmp_path / "site"
    publish.build(tei, site, parts=("web",))
    record = _first_record(tei)
    seen: list[tuple[bool, bool, str]] = []
    preview: list[Preview] = []

    def in_place() -> None:
        page = (site / "records" / (record.stem + ".html")).read_text(encoding="utf-8")
        pending = "search_pending" in (site / ".edition-build").read_text(encoding="utf-8")
        seen.append(("PREVIEWMARK" in page, pending, _get(preview[0].address + VERSION_PATH.lstrip("/"))[1]))
        preview[0].in_place()

    def rebuild() -> str:
        return f"{publish.build(tei, site, parts=('web',), in_place=in_place)[1]} records"

    said: list[str] = []
    preview.append(Preview(site, rebuild, [tei], host="127.0.0.1", port=0, say=said.append))
    thread = threading.Thread(target=preview[0].serve, daemon=True)
    thread.start()
    try:
        _mark(record, "PREVIEWMARK")
        deadline = time.monotonic() + WAIT
        while not said and time.monotonic() < deadline:  # (until the rebuild has ended)
            time.sleep(0.1)
        assert said and said[-1].startswith("rebuilt in ")
        assert seen == [(True, True, "1")]  # the new page in place, its search index still to come
        assert _get(preview[0].address + VERSION_PATH.lstrip("/"))[1] == "2"
        assert "search_pending" not in (site / ".edition-build").read_text(encoding="utf-8")
    finally:
        preview[0].stop()
        thread.join(timeout=10)
