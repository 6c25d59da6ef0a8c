"""A corpus's own conventions in a profile (``edition encode --profile``): headings, labels, brackets and roles
that the defaults do not read, and a profile that is wrong named with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from edition.cli import main
from edition.conventions import TEI_NS
from edition.encode import Registry, TranscriptError, encode_file, load_profile, verify_lossless

FIXTURES = Path(__file__).parent / "fixtures"
NS = {"t": TEI_NS}


def encoded(profile):
    result = encode_file(FIXTURES / "profile-de.txt", Registry.load(), profile=profile)
    assert verify_lossless((FIXTURES / "profile-de.txt").read_text(encoding="utf-8"), result.documents) == []
    (doc,) = result.documents
    return doc.tree.getroot()


def test_a_profile_names_the_corpus_headings_labels_brackets_and_roles():
    root = encoded(load_profile(FIXTURES / "profile-de.toml"))
    x = lambda path: root.xpath(path, namespaces=NS)  # noqa: E731
    assert x("//t:text/@subtype") == ["telephone"]
    assert [s.text for s in x("//t:speaker")] == ["BK:", "Bush:", "BK:"]
    assert x("//t:stage[@type='incident']/text()") == ["Heiterkeit"]
    assert x("//t:gap/@reason") == ["illegible"]
    assert x("//t:note[@place='inline']/@type") == ["editorial"]
    assert [(r.findtext("t:resp", namespaces=NS), r.findtext("t:persName", namespaces=NS))
            for r in x("//t:titleStmt/t:respStmt[t:persName]")] == [("interpreter", "Herr Weiß")]


def test_without_the_profile_the_same_transcript_reads_less():
    root = encoded(None)
    # the German language file knows the kind of record, the event in the room and the interpreter's field ...
    assert root.xpath("//t:text/@subtype", namespaces=NS) == ["telephone"]
    assert root.xpath("//t:stage[@type='incident']/text()", namespaces=NS) == ["Heiterkeit"]
    assert root.xpath("//t:respStmt[t:resp = 'interpreter']/t:persName/text()", namespaces=NS) == ["Herr Weiß"]
    # ... but not this corpus's word for an illegible passage (the bracketed sentence is a note either way)
    assert not root.xpath("//t:gap", namespaces=NS)


@pytest.mark.parametrize(("text", "says"), [
    ("[headings]\nwords = \n", ":2:9: not a TOML profile: Invalid value"),
    ("[brackets]\n\"Heiterkeit\" = \"laughter\"\n", "'Heiterkeit' = 'laughter' is not one of"),
    ("[colours]\nred = 1\n", "unknown section [colours]"),
    ("[labels]\nspeaker = [\"P\"]\n", "[labels] has no key 'speaker'"),
])
def test_a_wrong_profile_is_one_line_naming_the_file(tmp_path, text, says):
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TranscriptError) as e:
        load_profile(path)
    assert str(e.value).startswith(str(path)) and says in str(e.value)
    result = CliRunner().invoke(main, ["encode", str(FIXTURES / "profile-de.txt"), "--out", str(tmp_path / "out"),
                                       "--profile", str(path)])
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
