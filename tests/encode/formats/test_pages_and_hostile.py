"""A saved archive page (our own, in the style of digital archives' document pages) is read for its content and
not its chrome; hostile or broken documents get one clear line and nothing is written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.cli import main
from edition.conventions import TEI_NS
from edition.encode import Registry, encode_file, write
from edition.validate import Validator

from ...conftest import run_jing
from .make import Doc, Para, docx, odt

NS = {"t": TEI_NS}
PAGE = Path(__file__).parent.parent / "fixtures" / "formats" / "archive-page.html"


def _text(e) -> str:
    return " ".join("".join(e.itertext()).split())


@pytest.fixture(scope="module")
def page():
    return encode_file(PAGE, Registry.load(), taken=[])


def test_a_saved_archive_page_is_read_for_its_content(page):
    (doc,) = page.documents
    root = doc.tree.getroot()
    x = lambda path: root.xpath(path, namespaces=NS)  # noqa: E731
    body = _text(x("//t:text")[0])
    assert "Skip to main content" not in body and "All rights reserved" not in body and "Related documents" not in body
    assert any("chrome" in m.text and "left out" in m.text for m in page.report.messages)
    assert _text(x("//t:body//t:head")[0]).startswith("Record of Conversation between Foreign Minister Karl Ostrow")
    assert x("string(//t:settingDesc//t:date/@when)") == "1989-11-09"
    assert [_text(s) for s in x("//t:speaker")] == ["Ostrow:", "Lenoir:", "Ostrow:"]
    assert ("translated by", "Maria Sommer") in [(_text(r[0]), _text(r[1])) for r in x("//t:titleStmt/t:respStmt")]


def test_a_pages_footnotes_are_notes_at_their_marks_and_leave_the_foot_of_the_page(page):
    root = page.documents[0].tree.getroot()
    notes = root.xpath("//t:note[@place='foot']", namespaces=NS)
    assert [(n.get("n"), _text(n)) for n in notes] == [
        ("1", "The minister had spoken with the mayor an hour before."),
        ("2", "See the communiqué of the next day.")]
    assert notes[0].getparent().text.endswith("changing by the hour.")  # at its mark
    assert notes[1].xpath("t:hi/@rend", namespaces=NS) == ["italic"]  # its own formatting kept
    assert "↩" not in _text(root.find(f"{{{TEI_NS}}}text"))  # the links back are the page's, not the note's
    assert len(root.xpath("//t:text//*[contains(., 'an hour before')][not(*)]", namespaces=NS)) == 1  # once


def test_a_pages_lists_tables_and_metadata(page, tmp_path, jing):
    root = page.documents[0].tree.getroot()
    x = lambda path: root.xpath(path, namespaces=NS)  # noqa: E731
    assert [_text(i) for i in x("//t:list[@type='bulleted']/t:item")] == ["that the crossings stay open;",
                                                                       "that no force is used."]
    assert _text(x("//t:table/t:head")[0]) == "Crossings opened that night"
    assert [[_text(c) for c in r] for r in x("//t:table/t:row")] == [["Crossing", "Time"],
                                                                      ["Bornholmer Straße", "23:30"]]
    (bibl,) = x("//t:sourceDesc/t:bibl[@type='file']")
    assert bibl.find("t:ref", NS).get("target") == "https://archive.example.org/document/1204"
    assert bibl.find("t:date", NS).get("when") == "1989-11-09"
    assert not [m for m in page.report.messages if "not in the TEI" in m.text or "kept as text" in m.text]
    written = [p for p in write(page.files, tmp_path) if p.suffix == ".xml"]
    assert Validator().run(written).ok
    assert run_jing(jing, written).returncode == 0


# --- hostile and broken files ----------------------------------------------------------------------------------------


def _zip(parts: dict[str, bytes], encrypted: str = "") -> bytes:
    """A ZIP package of ``parts``; the part named ``encrypted`` flagged as encrypted, as a password-protected ZIP
    flags it (Python writes no encryption: the flag is set in its local and central headers)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    data = bytearray(out.getvalue())
    if encrypted:
        name = encrypted.encode()
        for sig, flags, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
            at = data.find(sig)
            while at >= 0:
                if data[at + name_at:at + name_at + len(name)] == name:
                    data[at + flags] |= 0x1
                at = data.find(sig, at + 4)
    return bytes(data)


def _word_parts(document: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx(Doc(body=[Para(["Brandt: Hello."])])))) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = document
    return parts


BODY = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>Brandt: Hello.</w:t></w:r></w:p></w:body></w:document>")
HOSTILE = {
    "bomb.docx": (lambda: _zip(_word_parts(BODY[:-len(b"</w:body></w:document>")] + b" " * (65 * 2**20)
                                           + b"</w:body></w:document>")), "ZIP bomb"),
    "entities.docx": (lambda: _zip(_word_parts(b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaa">'
                                               b'<!ENTITY b "&a;&a;&a;">]>' + BODY[21:])), "DOCTYPE declares"),
    "external-dtd.odt": (lambda: odt(Doc(), content_xml='<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd">'
                                                        '<x/>'), "external DTD"),
    "encrypted.docx": (lambda: _zip(_word_parts(BODY), encrypted="word/document.xml"), "encrypted"),
    "legacy.doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "Word 97-2003"),
    "damaged.docx": (lambda: docx(Doc(body=[Para(["Brandt: Hello."])]))[:300], "damaged"),
    "not-xml.docx": (lambda: _zip(_word_parts(b"<w:document><w:body>")), "word/document.xml"),
    "other.zip.docx": (lambda: _zip({"readme.txt": b"hello"}), "neither a Word document"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_or_broken_document_gets_one_line_and_nothing_is_written(name, tmp_path):
    make, says = HOSTILE[name]
    source = tmp_path / name
    source.write_bytes(make())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["encode", str(source), "--out", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and name in errors[0] and says in errors[0], result.output
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())
    assert source.read_bytes() == make() or name == "bomb.docx"  # the source is left as it was


def test_a_remote_image_is_never_fetched_and_its_address_kept(tmp_path):
    source = tmp_path / "remote.docx"
    source.write_bytes(docx(Doc(body=[Para(["Brandt: Look.", ("img", "http://192.0.2.1/x.png", "A picture")])])))
    result = encode_file(source, Registry.load(), taken=[])
    root = result.documents[0].tree.getroot()
    assert root.xpath("//t:graphic/@url", namespaces=NS) == ["http://192.0.2.1/x.png"]
    assert not result.media
    assert any("not fetched" in m.text for m in result.report.messages)


def test_images_are_written_by_names_of_our_own_inside_the_output_folder(tmp_path):
    parts = _word_parts(BODY)
    with zipfile.ZipFile(io.BytesIO(docx(Doc(body=[Para(["Brandt: Look.", ("img", "x.png", "A picture")])])))) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    rels = parts["word/_rels/document.xml.rels"].replace(b'Target="media/x.png"', b'Target="../../../../evil.png"')
    parts["word/_rels/document.xml.rels"] = rels
    parts["../../../../evil.png"] = parts.pop("word/media/x.png")
    source = tmp_path / "in" / "climb.docx"
    source.parent.mkdir()
    source.write_bytes(_zip(parts))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["encode", str(source), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    written = {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()}
    assert all(p.parts[0] in ("in", "out") for p in written)
    assert all(p.parent == Path("out") for p in written if p.parts[0] == "out")


def test_macros_are_never_run_nor_encoded_and_the_report_says_so(tmp_path):
    parts = _word_parts(BODY)
    parts["word/vbaProject.bin"] = b"Attribute VB_Name = \"AutoOpen\"\nShell \"rm -rf /\"\n"
    source = tmp_path / "macro.docm"
    source.write_bytes(_zip(parts))
    result = encode_file(source, Registry.load(), taken=[])
    assert "Shell" not in etree.tostring(result.documents[0].tree, encoding="unicode")
    assert any("macros" in m.text and "ignored" in m.text for m in result.report.messages)
