"""Where the toolkit's own files are: the schemas and the stylesheets live at the top of a checkout (``schema/``,
``xslt/``), and inside the package in an installed wheel (``edition/schema``, ``edition/xslt``; pyproject.toml)."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _find(folder: str, marker: str) -> Path:
    for candidate in (_HERE.parent / folder, _HERE / folder):
        if (candidate / marker).is_file():
            return candidate
    raise FileNotFoundError(f"the toolkit's {folder}/ ({marker}) is not installed")


def schema_dir() -> Path:
    """The schemas: ``edition.odd`` and what is generated from it, and ``tei_all.rng``."""
    return _find("schema", "edition.odd")


def xslt_dir() -> Path:
    """The stylesheets of the publications."""
    return _find("xslt", "html.xsl")
