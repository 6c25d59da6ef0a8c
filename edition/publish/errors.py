"""The one error of a build: it cannot be built, and nothing was changed in the output folder."""

from __future__ import annotations

import re
from pathlib import Path


class BuildError(Exception):
    """The edition cannot be built; nothing was changed in the output folder.

    ``at``: the file (and line) at fault, when there is one: the message is then ``file:line: error: ...``."""

    def __init__(self, message: str, at: tuple[Path | str, int] | None = None) -> None:
        super().__init__(f"{at[0]}:{at[1]}: error: {message}" if at else message)
        self.located = at is not None or bool(re.match(r"\S[^\n]*?: error: ", message))
