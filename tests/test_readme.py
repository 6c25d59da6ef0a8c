"""The README stays true: its conventions table is the one the code uses, and it shows every command."""

from __future__ import annotations

from edition.cli import main
from edition.conventions import CONVENTIONS, NORMALIZATIONS

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_convention_is_in_the_readme():
    for c in CONVENTIONS:
        assert f"| {c.name} | `{c.printed}` | `{c.encoded}` | {c.rendered} |" in README, c.name
    assert len(NORMALIZATIONS) == 3 and "NFC" in README and "em dash" in README


def test_every_command_has_a_section_and_an_example():
    commands = list(main.commands)
    assert commands
    for name in commands:
        assert f"### `edition {name}" in README, name
        assert f"\nedition {name} " in README, name


def test_the_two_commands():
    assert 'pip install ".[test]" && python -m pytest' in README
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().endswith(
        'pip install ".[test]" && python -m pytest')


def test_every_schema_rule_is_in_the_readme():
    """The README's table of rules is the ODD's, word for word."""
    from lxml import etree

    from edition.validate.odd import read_odd, rules

    spec = read_odd(etree.parse(str(ROOT / "schema" / "edition.odd")))[2]
    for rule, severity, description in rules(spec):
        assert f"| `{rule}` | {description}{' (a warning)' if severity == 'warning' else ''} |" in README, rule


def test_validate_ci_snippet_uses_real_options():
    assert "edition validate tei/ --format github" in README
    assert "id: edition-validate" in README and "id: edition-validate" in (ROOT / ".pre-commit-hooks.yaml").read_text()
