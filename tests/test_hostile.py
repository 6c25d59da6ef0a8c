"""Hostile sources and faults: what a contributed file or an interrupted run can do to the build machine.

Each test reproduces an attack or a fault that an earlier version let through (issue 11), and checks that the
toolkit refuses it with a one-line error naming the file and line, writes nothing outside the output folder,
publishes nothing from outside the source tree and loses nothing.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html

from edition import publish
from edition.cli import main
from edition.publish import search, sources, swap

from .conftest import ROOT, run_jing

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
    monkeypatch.setattr(sources, "check_name", lambda path, root: None)
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


# --- 3. No source is ever deleted -----------------------------------------------------------------------------------


def test_a_build_never_replaces_a_folder_that_holds_its_sources(tmp_path):
    site = tmp_path / "site"
    publish.build(corpus(tmp_path), site, parts=("web",))
    tei = shutil.move(str(tmp_path / "tei"), site / "tei")  # the editor later put the TEI in the built folder
    before = tree_of(site)
    result = CliRunner().invoke(main, ["build", str(tei), "--out", str(site), "--only", "web"])
    assert result.exit_code == 1 and "holds the sources" in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1
    assert tree_of(site) == before


@pytest.mark.parametrize("where", ["source", "inside"])
def test_a_build_never_writes_into_its_sources(tmp_path, where):
    src = corpus(tmp_path)
    out = src if where == "source" else src / "site"
    before = tree_of(src)
    with pytest.raises(publish.BuildError, match="sources' own folder"):
        publish.build(src, out, parts=("web",))
    assert tree_of(src) == before


def test_a_built_folder_that_now_holds_other_files_is_not_replaced(tmp_path):
    """A folder built once (empty then), where the editor later put the project (tei/, .git/): it is never replaced."""
    project = tmp_path / "project"
    src = corpus(tmp_path, "elsewhere")
    publish.build(src, project, parts=("web",))
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    shutil.copytree(src, project / "tei")
    (src / "1991-02-23-major.xml").write_text((src / "1991-02-23-major.xml").read_text(encoding="utf-8")
                                              .replace("John Major", "John  Major"), encoding="utf-8")
    before = tree_of(project)
    with pytest.raises(publish.BuildError, match=r"holds \.git, tei, which no build made"):
        publish.build(src, project, parts=("web",))
    assert tree_of(project) == before


def test_the_current_folder_is_never_the_output(tmp_path, monkeypatch):
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build", str(TEI_DIR), "--out", ".", "--only", "web"])
    assert result.exit_code == 1 and "is the current folder" in result.output
    assert list(project.iterdir()) == []


# --- 5. The swap is atomic and leaves nothing behind ----------------------------------------------------------------


def many_records(tmp_path: Path, copies: int) -> Path:
    """The curated records, ``copies`` times over under new ids: a corpus of 11 x copies records."""
    src = corpus(tmp_path, "many")
    for record in [p for p in src.glob("*.xml") if p.name not in ("persons.xml", "edition.xml")]:
        text = record.read_text(encoding="utf-8")
        own = re.search(r'<TEI [^>]*xml:id="(rec-[^"]+)"', text).group(1)
        for k in range(1, copies):
            (src / f"{record.stem}-c{k}.xml").write_text(text.replace(own, f"{own}-c{k}"), encoding="utf-8")
    return src


def strays(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


def test_each_build_removes_what_a_killed_build_left(tmp_path):
    src = corpus(tmp_path)
    out = tmp_path / "site"
    for left in (".site-building-x1y2", ".site-old-a9b8", ".search-q7w6"):
        (tmp_path / left / "records").mkdir(parents=True)
        (tmp_path / left / "records" / "page.html").write_text("half")
    (tmp_path / ".other-building-k1").mkdir()  # another site's: not this build's to remove
    publish.build(src, out, parts=("web",))
    assert strays(tmp_path) == [".other-building-k1"]


def test_the_swap_is_one_exchange_on_linux(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "new").write_text("new")
    (b / "old").write_text("old")
    inode = b.stat().st_ino
    swap.swap(a, b)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b"] and (b / "new").is_file()
    assert b.stat().st_ino != inode


def test_without_an_exchange_two_renames_put_the_old_site_back_if_the_second_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    out.mkdir()
    (out / "index.html").write_text("old")
    fresh.mkdir()
    (fresh / "index.html").write_text("new")
    rename = Path.rename

    def failing(self, target):
        if self == fresh:
            raise OSError(28, "No space left on device")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", failing)
    with pytest.raises(OSError):
        swap.swap(fresh, out)
    assert (out / "index.html").read_text() == "old"
    monkeypatch.setattr(Path, "rename", rename)
    swap.swap(fresh, out)
    assert (out / "index.html").read_text() == "new" and sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def edition_command(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "CI": "true"}
    return subprocess.Popen([sys.executable, "-m", "edition", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, **kwargs)


def processes_under(folder: Path) -> list[str]:
    """The command lines of the running processes that name ``folder`` (Linux /proc)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        if cmdline.parent.name == str(os.getpid()):
            continue
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if str(folder) in text:
            found.append(text)
    return found


def test_a_second_build_into_one_folder_waits_for_the_first(tmp_path):
    src = corpus(tmp_path)
    out = tmp_path / "site"
    with swap.locked(out):  # a build is running
        second = edition_command("build", str(src), "--out", str(out), "--only", "web")
        with pytest.raises(subprocess.TimeoutExpired):
            second.wait(timeout=3)
        assert not out.exists()
    _, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert "waiting for another build" in err and (out / "index.html").is_file()


@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT"])
def test_an_interrupted_build_ends_with_one_line_and_leaves_the_site(tmp_path, how):
    src = many_records(tmp_path, 55)  # 605 records: built in parts by two worker processes
    out = tmp_path / "site"
    publish.build(corpus(tmp_path, "small"), out, parts=("web",))
    before = tree_of(out)
    build = edition_command("build", str(src), "--out", str(out), "--only", "web", "--jobs", "2",
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".site-building-*/records/*.html")):  # the workers are writing pages
        assert build.poll() is None and time.monotonic() < deadline, "the build ended before it could be interrupted"
        time.sleep(0.05)
    if how == "SIGINT":  # Ctrl-C on a terminal: the whole process group
        os.killpg(build.pid, signal.SIGINT)
    else:
        build.send_signal(signal.SIGTERM)
    _, err = build.communicate(timeout=120)
    assert build.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert [line for line in err.splitlines() if "error" in line.lower()] == \
        [f"error: the build was interrupted; {out} is unchanged"]
    assert tree_of(out) == before and strays(tmp_path) == []


def test_a_build_killed_at_any_moment_leaves_the_previous_site_whole(tmp_path):
    """SIGKILL at several moments of a rebuild of a few hundred records: the site is the old one, byte for byte,
    or (killed after the swap) the new one; the next build succeeds and leaves no stray folder."""
    src = many_records(tmp_path, 30)  # 330 records
    out = tmp_path / "site"
    publish.build(src, out, parts=("web",))
    old = tree_of(out)
    kohl = src / "1991-02-23-1955-kohl.xml"
    head, turns = kohl.read_text(encoding="utf-8").split("<sp ", 1)
    kohl.write_text(head + "<sp " + turns.replace("<p>", "<p>Changed. ", 1), encoding="utf-8")
    moments = [0.3, 0.8, 1.3, 2.0, 2.8, random.uniform(0.2, 3.0)]
    states = []
    for moment in moments:
        build = edition_command("build", str(src), "--out", str(out), "--only", "web", "--jobs", "2")
        time.sleep(moment)
        build.kill()
        build.communicate(timeout=60)
        now = tree_of(out)
        if now != old:  # the build had swapped the new site in: then it is whole and the next build has nothing to do
            assert build.returncode == 0 or b"Changed." in now["records/1991-02-23-1955-kohl.html"]
            states.append("new")
            break
        states.append("old")
    assert "old" in states, f"every build ended before it was killed ({states}): kill earlier"
    time.sleep(0.5)
    assert not processes_under(tmp_path), "a killed build left a process behind (the search indexer?)"
    result = edition_command("build", str(src), "--out", str(out), "--only", "web", "--jobs", "2")
    _, err = result.communicate(timeout=300)
    assert result.returncode == 0, err
    assert "Changed." in (out / "records" / "1991-02-23-1955-kohl.html").read_text(encoding="utf-8")
    assert strays(tmp_path) == []


# --- 4. encode --force is all-or-nothing ----------------------------------------------------------------------------

SEED = ROOT / "tei" / "source" / "memcons-1991-02-23.txt"


def encoded(tmp_path: Path) -> tuple[Path, list[Path]]:
    out = tmp_path / "tei"
    result = CliRunner().invoke(main, ["encode", str(SEED), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, [Path(line) for line in result.stdout.splitlines()]


def test_encode_force_with_a_file_that_cannot_be_replaced_changes_nothing(tmp_path):
    out, written = encoded(tmp_path)
    last = written[-1]
    last.unlink()
    last.mkdir()  # a directory where a file would go
    (last / "keep.txt").write_text("mine")
    for path in written[:-1]:
        path.write_text("the editor's curated version", encoding="utf-8")
    before = tree_of(out)
    result = CliRunner().invoke(main, ["encode", str(SEED), "--out", str(out), "--force"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(last) in errors[0] and ".tmp" not in errors[0], result.output
    assert tree_of(out) == before


def test_encode_force_puts_back_every_file_when_a_rename_fails_midway(tmp_path, monkeypatch):
    out, written = encoded(tmp_path)
    for path in written:
        path.write_text("the editor's curated version", encoding="utf-8")
    before = tree_of(out)
    replace, calls = os.replace, []

    def failing(source, target):
        calls.append(target)
        if len(calls) == 3 and Path(target) in written:  # an immutable file, say
            raise PermissionError(1, "Operation not permitted")
        return replace(source, target)

    monkeypatch.setattr(os, "replace", failing)
    result = CliRunner().invoke(main, ["encode", str(SEED), "--out", str(out), "--force"])
    assert result.exit_code == 1
    assert f"error: {written[2]}: could not be written" in result.output, result.output
    assert tree_of(out) == before


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_encoded_files_follow_the_users_umask(tmp_path, umask):
    before = os.umask(umask)
    try:
        _, written = encoded(tmp_path)
    finally:
        os.umask(before)
    assert {oct(p.stat().st_mode & 0o777) for p in written} == {oct(0o666 & ~umask)}


def test_an_edition_file_with_a_doctype_is_named_with_its_line(tmp_path):
    edition = tmp_path / "edition.xml"
    edition.write_text('<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI/>\n')
    result = CliRunner().invoke(main, ["encode", str(SEED), "--out", str(tmp_path / "tei"), "--edition",
                                       str(edition)])
    assert result.exit_code == 1
    assert f"error: {edition}:2:1: [doctype]" in result.output, result.output
    assert "<string>" not in result.output


# --- 6. Links stay on the site --------------------------------------------------------------------------------------

LINKS = {"/\\evil.example/": False, "\\\\evil.example/": False, "\\/evil.example/": False, "//evil.example/": False,
         " /\\evil.example/": False, "source/transcript.txt": True, "../persons.html": True,
         "https://example.org/": True}


def with_links(tmp_path: Path, base_url: str | None = None) -> Path:
    """The edition with a record whose first paragraph links to each of LINKS."""
    src = corpus(tmp_path)
    major = src / "1991-02-23-major.xml"
    head, turns = major.read_text(encoding="utf-8").split("<sp ", 1)
    refs = " ".join(f'<ref target="{t}">link{k}</ref>' for k, t in enumerate(LINKS))
    major.write_text(head + "<sp " + turns.replace("</p>", f" {refs}</p>", 1), encoding="utf-8")
    if base_url:
        about = src / "edition.xml"
        record_idno = '<idno type="record">edition</idno>'
        about.write_text(about.read_text(encoding="utf-8").replace(
            record_idno, f'{record_idno}<idno type="URL">{base_url}</idno>'), encoding="utf-8")
    return src


def test_links_to_another_host_written_with_backslashes_are_not_links(tmp_path):
    out = tmp_path / "site"
    publish.build(with_links(tmp_path), out, parts=("web",))
    page = html.parse(str(out / "records" / "1991-02-23-major.html"))
    for k, (target, allowed) in enumerate(LINKS.items()):
        anchors = page.xpath(f"//a[normalize-space() = 'link{k}']")
        words = page.xpath(f"//*[text()[contains(., 'link{k}')]]")
        assert words, target  # the words are always there
        assert bool(anchors) == allowed, (target, [a.get("href") for a in anchors])


def pdf_links(pdf: Path) -> list[str]:
    import pypdf

    return [annot.get_object()["/A"]["/URI"] for page in pypdf.PdfReader(str(pdf)).pages
            for annot in page.get("/Annots", []) if "/URI" in annot.get_object().get("/A", {})]


@pytest.mark.parametrize("base_url", [None, "https://example.org/edition"])
def test_relative_links_in_print_resolve_against_the_editions_address_or_are_dropped(tmp_path, base_url):
    out = tmp_path / "site"
    publish.build(with_links(tmp_path, base_url), out, parts=("print",))
    links = pdf_links(out / "edition.pdf")
    assert "https://example.org/" in links
    assert not [u for u in links if u.startswith("file:") or "evil.example" in u], links
    resolved = {"https://example.org/edition/source/transcript.txt", "https://example.org/persons.html"}
    assert (resolved <= set(links)) == bool(base_url), links


# --- 7. Errors say what went wrong ----------------------------------------------------------------------------------


def deep_record(tmp_path: Path, depth: int) -> Path:
    src = corpus(tmp_path)
    major = src / "1991-02-23-major.xml"
    head, turns = major.read_text(encoding="utf-8").split("<sp ", 1)
    deep = "<hi>" * depth + "deep" + "</hi>" * depth
    major.write_text(head + "<sp " + turns.replace("</p>", f"\n{deep}</p>", 1), encoding="utf-8")
    return src


def test_a_record_too_deep_for_the_xslt_processor_fails_validation_and_the_build_at_its_line(tmp_path):
    src = deep_record(tmp_path, 120)
    major = src / "1991-02-23-major.xml"
    line = next(n for n, text in enumerate(major.read_text(encoding="utf-8").splitlines(), 1) if "<hi><hi>" in text)
    result = CliRunner().invoke(main, ["validate", str(major)])
    assert result.exit_code == 1
    assert re.search(rf"^{re.escape(str(major))}:{line}:\d+: error: \[depth\] ", result.output, re.M), result.output
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "site"), "--only", "web"])
    assert result.exit_code == 1
    assert re.fullmatch(rf"{re.escape(str(major))}:{line}:\d+: error: \[depth\] [^\n]*\n", result.output), result.output
    ok = deep_record(tmp_path / "ok", 80)  # deep, but within the limit: builds
    result = CliRunner().invoke(main, ["build", str(ok), "--out", str(tmp_path / "ok-site"), "--only", "web"])
    assert result.exit_code == 0, result.output


def test_a_failing_stylesheet_run_names_the_record_and_says_saxons_message(tmp_path, monkeypatch):
    """Were a fault to reach Saxon (here the depth check is switched off), the message names the file and the cause,
    not only a line of a stylesheet."""
    src = deep_record(tmp_path, 120)
    monkeypatch.setattr(sources, "too_deep", lambda path, tree: None)
    for part in ("web", "print"):
        result = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "site"), "--only", part])
        assert result.exit_code == 1
        message = [line for line in result.output.splitlines() if "error" in line]
        assert len(message) == 1, result.output
        assert message[0].startswith(f"{src / '1991-02-23-major.xml'}: error: [")
        assert "depth" in message[0] and "html.xsl" not in message[0], message[0]


# --- 8. The validator reports every problem -------------------------------------------------------------------------


def test_relax_ng_reports_every_problem_of_an_element_as_jing_does(tmp_path, jing):
    record = tmp_path / "record.xml"
    text = (TEI_DIR / "1991-02-23-major.xml").read_text(encoding="utf-8")
    head, turns = text.split("<sp ", 1)
    turns = turns.replace("<speaker>", "<speaker><bogus>x</bogus> and <bogus2/>", 1)
    record.write_text(head + '<sp rend="nonsense-value" foo="bar" ' + turns, encoding="utf-8")
    shutil.copy(TEI_DIR / "persons.xml", tmp_path)
    result = CliRunner().invoke(main, ["validate", str(record), "--format", "json"])
    import json

    ours = [(p["line"], p["message"]) for p in json.loads(result.stdout)["problems"] if p["rule"] == "relaxng"]
    theirs = [line for line in run_jing(jing, [record], ROOT / "schema" / "edition.rng").stdout.splitlines()
              if ": error: " in line]
    assert len(ours) == len(theirs) == 4, (ours, theirs)
    assert {line for line, _ in ours} == {int(line.split(":")[1]) for line in theirs}
    assert [m for _, m in ours if "foo" in m] and [m for _, m in ours if "bogus2" in m]


def odd_names(tmp_path: Path) -> Path:
    """A folder of records whose file names hold a control character and bytes that are not UTF-8."""
    folder = tmp_path / "odd"
    folder.mkdir()
    text = (TEI_DIR / "1991-02-23-major.xml").read_bytes()
    for raw in (b"bad\x01name.xml", b"caf\xe9.xml", b"line\nbreak.xml"):
        with open(os.path.join(os.fsencode(folder), raw), "wb") as f:
            f.write(text.replace(b'<sp ', b'<sp foo="bar" ', 1))  # an error in each
    return folder


@pytest.mark.parametrize("fmt", ["junit", "json", "text", "github"])
def test_reports_are_valid_whatever_the_file_names(tmp_path, fmt):
    import json

    from lxml import etree

    result = CliRunner().invoke(main, ["validate", str(odd_names(tmp_path)), "--format", fmt])
    assert result.exit_code == 1, result.output
    out = result.stdout_bytes.decode("utf-8")  # strictly
    if fmt == "junit":
        cases = etree.fromstring(result.stdout_bytes).findall(".//testcase")
        assert sorted(c.get("name").rsplit("/", 1)[-1] for c in cases) == \
            ["bad\\x01name.xml", "caf\\xe9.xml", "line\\x0abreak.xml"]
    elif fmt == "json":
        assert len(json.loads(out)["files"]) == 3
    else:  # one line per problem (the attribute foo in each file): no name breaks a line
        lines = out.splitlines()
        assert len([line for line in lines if "foo" in line]) == 3, out
        assert all(re.match(r"(::error file=)?/", line) for line in lines), out


def test_a_report_into_a_folder_that_does_not_exist_is_a_one_line_error(tmp_path):
    record = TEI_DIR / "1991-02-23-major.xml"
    (tmp_path / "file.txt").write_text("")
    for target in (tmp_path / "missing" / "report.xml", tmp_path / "file.txt" / "report.xml"):
        result = CliRunner().invoke(main, ["validate", str(record), "--format", "junit", "-o", str(target)])
        assert result.exit_code == 2
        assert len(result.output.strip().splitlines()) == 1 and "report" in result.output, result.output


# --- 9. Memory stays bounded ----------------------------------------------------------------------------------------


def test_a_record_larger_than_the_limit_is_refused_before_any_work(tmp_path):
    src = corpus(tmp_path)
    major = src / "1991-02-23-major.xml"
    head, turns = major.read_text(encoding="utf-8").split("<sp ", 1)
    major.write_text(head + "<!--" + "x" * 1_200_000 + "--><sp " + turns, encoding="utf-8")
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--max-record-size", "1"])
    assert result.exit_code == 1
    assert re.fullmatch(rf"{re.escape(str(major))}:1: error: \[record-size\] the file has 1 MB, more than the 1 MB "
                        r"a build takes .*--max-record-size\n", result.output), result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tei"]
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--only", "web"])  # default: 64 MB
    assert result.exit_code == 0, result.output


def test_the_indexers_own_failure_reaches_the_user(tmp_path, monkeypatch):
    run = subprocess.run

    def killed(cmd, **kwargs):
        if any("pagefind" in part for part in cmd):
            return subprocess.CompletedProcess(cmd, -signal.SIGKILL, "", "")
        return run(cmd, **kwargs)

    monkeypatch.setattr(search.subprocess, "run", killed)
    with pytest.raises(publish.BuildError, match=r"the search index could not be built: the indexer was killed by "
                                                 r"SIGKILL \(out of memory\?\)$"):
        publish.build(corpus(tmp_path), tmp_path / "site", parts=("web",))

    def failing(cmd, **kwargs):
        return subprocess.CompletedProcess(cmd, 1, "", "Error: could not write pagefind-entry.json\n") \
            if any("pagefind" in part for part in cmd) else run(cmd, **kwargs)

    monkeypatch.setattr(search.subprocess, "run", failing)
    with pytest.raises(publish.BuildError, match=r"could not be built: Error: could not write pagefind-entry\.json$"):
        publish.build(corpus(tmp_path, "again"), tmp_path / "site", parts=("web",))


def test_a_build_killed_while_indexing_leaves_no_indexer_behind(tmp_path):
    src = many_records(tmp_path, 30)
    build = edition_command("build", str(src), "--out", str(tmp_path / "site"), "--only", "web", "--jobs", "1")
    deadline = time.monotonic() + 120
    while not [p for p in processes_under(tmp_path) if "--output-path" in p]:  # the indexer is running
        assert build.poll() is None and time.monotonic() < deadline, "the build ended before it indexed"
        time.sleep(0.02)
    build.kill()
    build.communicate(timeout=60)
    time.sleep(0.5)
    assert not processes_under(tmp_path)
