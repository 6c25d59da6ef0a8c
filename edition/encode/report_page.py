"""The encoding report as a web page (``edition encode --report FILE.html``): each transcript side by side with what
was recognised in it, line by line, for the editor who checks an encoding against its source.

The left column is the transcript as it was read, numbered; the right column what the encoder found, noted and
warned at that line. Lines that start a record or a speaker turn are marked. Everything is escaped (a transcript
is text, never markup) and the page needs nothing beyond itself."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .encoder import EncodeResult

STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; }
h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td { vertical-align: top; padding: .1rem .5rem; border-bottom: 1px solid #eee; }
td.n { width: 3.5rem; text-align: right; color: #777; font-variant-numeric: tabular-nums; }
td.t { width: 55%; white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: 12.5px; }
tr.record td.t { border-top: 2px solid #345; }
tr.turn td.t { background: #f3f7ff; }
ul { margin: 0; padding-left: 1rem; }
li.found { color: #234; } li.info { color: #666; } li.warning { color: #8a3b00; font-weight: 600; }
.legend span { margin-right: 1rem; }
@media (prefers-color-scheme: dark) {
  body { background: #151515; color: #ddd; } td { border-color: #333; }
  tr.turn td.t { background: #1d2533; } li.found { color: #bcd; } li.warning { color: #f0a060; }
}
"""


def encoding_report_page(results: list[EncodeResult]) -> str:
    """The whole report as one HTML page."""
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           "<title>Encoding report</title>", f"<style>{STYLE}</style></head><body>",
           "<h1>Encoding report</h1>",
           '<p class="legend"><span>left: the transcript as read, by line</span><span>right: what the encoder '
           "found there (a rule above a line: a record starts; shaded: a speaker turn starts)</span></p>"]
    for result in results:
        out.append(_transcript(result))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _transcript(result: EncodeResult) -> str:
    turns = sum(len(d.record.turns) for d in result.documents)
    starts = {d.record.line for d in result.documents}
    turn_lines = {t.line for d in result.documents for t in d.record.turns}
    notes: dict[int, list[str]] = {}
    for m in result.report.messages:
        notes.setdefault(m.line, []).append(f'<li class="{m.severity}">{escape(m.severity)}: {escape(m.text)}</li>')
    rows = [f"<h2>{escape(result.source)}: {len(result.documents)} record(s), {turns} speaker turns</h2>",
            "<table>"]
    lines = result.text.removesuffix("\n").split("\n") if result.text else []
    for k, line in enumerate(lines, start=1):
        kind = " ".join(c for c, on in (("record", k in starts), ("turn", k in turn_lines)) if on)
        said = notes.pop(k, [])
        found = "<ul>" + "".join(said) + "</ul>" if said else ""
        rows.append(f'<tr class="{kind}" id="{escape(result.source)}-{k}"><td class="n">{k}</td>'
                    f'<td class="t">{escape(line)}</td><td>{found}</td></tr>')
    for k in sorted(notes):  # messages about no line of the text as read
        rows.append(f'<tr><td class="n">{k}</td><td class="t"></td><td><ul>{"".join(notes[k])}</ul></td></tr>')
    rows.append("</table>")
    return "\n".join(rows)
