"""The validator's report in the formats people and CI read: text, JSON, JUnit XML, GitHub annotations."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable

from lxml import etree

from ..xmlfiles import Problem, shown
from .result import Result


def text(result: Result) -> str:
    return "".join(f"{p}\n" for p in result.problems)


def summary(result: Result) -> str:
    state = "valid" if result.ok else "invalid"
    parts = f" ({len(result.parts)} of them parts included by others, checked there)" if result.parts else ""
    return (f"{len(result.files)} files checked{parts}: {len(result.errors)} errors, {len(result.warnings)} "
            f"warnings ({state})")


def as_json(result: Result) -> str:
    return json.dumps({
        "valid": result.ok,
        "files": result.files,
        "context": result.context,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "problems": [
            {"path": p.path, "line": p.line, "column": p.column, "severity": p.severity, "rule": p.rule,
             "message": p.message} for p in result.problems
        ],
    }, ensure_ascii=False, indent=2) + "\n"


def junit(result: Result) -> str:
    """One test case per file; each error a failure, warnings in the case's output."""
    by_file: dict[str, list[Problem]] = {f: [] for f in result.files}
    for p in result.problems:
        by_file.setdefault(p.path, []).append(p)
    failing = sum(1 for ps in by_file.values() if any(p.severity == "error" for p in ps))
    suites = etree.Element("testsuites", name="edition validate", tests=str(len(by_file)), failures=str(failing))
    suite = etree.SubElement(suites, "testsuite", name="edition validate", tests=str(len(by_file)),
                             failures=str(failing), errors="0", skipped="0")
    for path, problems in by_file.items():
        case = etree.SubElement(suite, "testcase", classname="edition.validate", name=path, file=path)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            failure = etree.SubElement(case, "failure", type=errors[0].rule,
                                       message=f"{len(errors)} errors; first: {errors[0]}")
            failure.text = "\n".join(str(p) for p in errors)
        others = [p for p in problems if p.severity != "error"]
        if others:
            etree.SubElement(case, "system-out").text = "\n".join(str(p) for p in others)
    return etree.tostring(suites, pretty_print=True, xml_declaration=True, encoding="UTF-8").decode("utf-8")


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github(result: Result) -> str:
    """GitHub Actions workflow commands: each problem becomes an annotation on its file and line."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    return "".join(
        f"::{level[p.severity]} file={_escape_property(p.path)},line={p.line},col={p.column},"
        f"title={_escape_property(p.rule)}::{_escape_data(p.message)}\n"
        for p in result.problems
    )


def printable(result: Result) -> Result:
    """The result with its file names and messages as :func:`shown` prints them."""
    return dataclasses.replace(
        result, files=[shown(f, name=True) for f in result.files],
        context=[shown(f, name=True) for f in result.context],
        problems=[dataclasses.replace(p, path=shown(p.path, name=True), message=shown(p.message))
                  for p in result.problems])


def _printed(form: Callable[[Result], str]) -> Callable[[Result], str]:
    return lambda result: form(printable(result))


FORMATS: dict[str, Callable[[Result], str]] = {name: _printed(form) for name, form in
                                               (("text", text), ("json", as_json), ("junit", junit),
                                                ("github", github))}
