"""Messages for the editor: warnings and notes with the file and line they concern."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    path: str
    line: int
    severity: str  # "error", "warning", "info", or "found" (what was recognised: for --report, not printed)
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.text}"


@dataclass
class Report:
    """Collects what the encoder noticed, in input order; the CLI prints it, tests read it."""

    path: str
    messages: list[Message] = field(default_factory=list)

    def warn(self, line: int, text: str) -> None:
        self.messages.append(Message(self.path, line, "warning", text))

    def info(self, line: int, text: str) -> None:
        self.messages.append(Message(self.path, line, "info", text))

    def found(self, line: int, text: str) -> None:
        """What the encoder recognised, and on what evidence: for the editor's report (``--report``)."""
        self.messages.append(Message(self.path, line, "found", text))

    def of(self, severity: str) -> list[Message]:
        return [m for m in self.messages if m.severity == severity]
