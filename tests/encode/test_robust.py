"""Transcripts nobody wrote for the tests: mutated seeds and ambiguous names never crash and never lose text."""

from __future__ import annotations

import random

import pytest

from edition.conventions import T
from edition.encode import Registry, encode_text, verify_lossless

from ..conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
SNIPPETS = ["[", "]", "(*", "*)", "**", "*", "[...]", "[sic]", "\n\n", "Gorbachev: ", "Unknown Person: ",
            "(speaks English) ", "- ", "1. ", "[7]", "\u201c", "---", "&", "<b>", "]]>", "\u2026", "12:30-"]


def mutate(rng: random.Random, text: str) -> str:
    blocks = text.split("\n\n")
    for _ in range(rng.randint(1, 12)):
        k = rng.randrange(len(blocks))
        action = rng.random()
        if action < 0.4:  # insert a convention's sign, or half of one, somewhere
            b = blocks[k]
            i = rng.randint(0, len(b))
            blocks[k] = b[:i] + rng.choice(SNIPPETS) + b[i:]
        elif action < 0.6:  # drop a block
            if len(blocks) > 1:
                del blocks[k]
        elif action < 0.8:  # swap two blocks
            j = rng.randrange(len(blocks))
            blocks[k], blocks[j] = blocks[j], blocks[k]
        else:  # cut a block in two mid-sentence, as a page break would
            b = blocks[k]
            i = rng.randint(0, len(b))
            blocks[k] = b[:i] + "\n\n" + b[i:]
    return "\n\n".join(blocks)


@pytest.mark.parametrize("seed", range(60))
def test_mutated_transcripts_are_lossless(seed):
    rng = random.Random(seed)
    text = mutate(rng, SEED_TEXT)
    result = encode_text(text, f"mutant-{seed}.txt", Registry.load())
    assert result.documents
    assert verify_lossless(text, result.documents) == []
    ids = [d.id for d in result.documents]
    assert len(ids) == len(set(ids))
    for d in result.documents:  # every turn points to someone of the personography
        people = {p.get("{http://www.w3.org/XML/1998/namespace}id")
                  for p in result.personography.getroot().iter(T + "person")}
        assert {sp.get("who")[1:] for sp in d.tree.iter(T + "sp")} <= people


def test_ambiguous_names_are_reported_not_guessed(tmp_path):
    registry_file = tmp_path / "persons.tsv"
    registry_file.write_text(
        "id\tkind\tname\tforename\tsurname\taliases\twikidata\tbirth\tdeath\trole\n"
        "saddam\tperson\tSaddam Hussein\tSaddam\tHussein\tHussein|Saddam Hussein\t\t\t\t\n"
        "king\tperson\tHussein bin Talal\tHussein\tbin Talal\tHussein|King Hussein\t\t\t\t\n"
        "gorbachev\tperson\tMikhail Gorbachev\tMikhail\tGorbachev\tGorbachev\t\t\t\t\n",
        encoding="utf-8",
    )
    text = ("Memorandum of Conversation between Mikhail Gorbachev and King Hussein\n\n"
            "Gorbachev. I spoke of Hussein yesterday, and of Saddam Hussein today.\n")
    result = encode_text(text, "amb.txt", Registry.load(registry_file))
    root = result.documents[0].tree.getroot()
    refs = [p.get("ref") for p in root.find(T + "text").iter(T + "persName")]
    assert refs.count("#saddam") == 1 and "#king" in refs  # "Saddam Hussein" and the heading's "King Hussein"
    warnings = [m for m in result.report.of("warning") if "ambiguous" in m.text]
    assert len(warnings) == 1 and warnings[0].line == 3 and "'Hussein'" in warnings[0].text
    assert verify_lossless(text, result.documents) == []
