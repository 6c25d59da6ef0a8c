"""What a validation run gives (:class:`Result`), and the one error it raises (:class:`SchemaError`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..xmlfiles import Problem


class SchemaError(Exception):
    """A schema given to the validator cannot be used (a usage error, not a problem of the documents)."""


@dataclass
class Result:
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    context: list[str] = field(default_factory=list)  # personographies read for pointers, not named by the user
    parts: list[str] = field(default_factory=list)  # files other files include, validated where they are included

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors
