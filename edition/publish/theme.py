"""An edition's own look, without forking the toolkit: a theme folder (``edition build --theme DIR``, or ``theme`` in
``edition.toml``) and the project's configuration file.

A theme folder may hold:

- ``edition.css``: the web edition's own rules, linked after the toolkit's (as ``theme.css``), so they win;
- ``print.css``: the print edition's own rules, after the toolkit's;
- ``logo.svg`` or ``logo.png``: shown beside the edition's title on every page and on the PDF's title page;
- ``html.xsl`` and ``print.xsl``: XSLT overrides, imported after the toolkit's own modules (they win over any
  template or function of the same name, and may call the toolkit's with ``xsl:next-match`` or ``xsl:apply-imports``).

``edition.toml`` beside the sources' folder (``tei/../edition.toml``) or in it gives the defaults of ``edition
build``: ``base-url``, ``theme`` (a folder, relative to the file), ``per-document``, ``dts`` and ``conventions``
(``"leiden"``: every record printed in the Leiden conventions) and ``link-base`` (the address of the documents the
sources point to outside the edition); options on the command line win. A build records
the theme's files and the configuration it used (incremental.manifest_of), so a change to either rebuilds."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..confined import inside
from .errors import BuildError

CONFIG = "edition.toml"
FILES = ("edition.css", "print.css", "logo.svg", "logo.png", "html.xsl", "print.xsl")
KEYS = {"base-url": str, "theme": str, "per-document": bool, "dts": bool, "conventions": str, "link-base": str}
#: The editorial conventions an edition may choose for all its records (``conventions`` in edition.toml).
CONVENTIONS = ("leiden",)


@dataclass(frozen=True)
class Theme:
    folder: Path
    files: tuple[str, ...] = field(default_factory=tuple)  # which of FILES it has

    @classmethod
    def read(cls, folder: Path) -> Theme:
        """The theme in ``folder``; a file of it that is a link out of the folder (``edition.css`` to
        ``/etc/passwd``) is refused as a source would be (:func:`confined.inside`), not published."""
        if not folder.is_dir():
            raise BuildError(f"{folder}: the theme is not a folder")
        root, files = folder.resolve(), []
        for name in FILES:
            path = folder / name
            if path.exists() or path.is_symlink():
                real, why = inside(path, root)
                if real is None:
                    raise BuildError(f"{why} (a theme's files are read only from inside its folder)")
                files.append(name)
        return cls(root, tuple(files))

    def has(self, name: str) -> bool:
        return name in self.files

    @property
    def logo(self) -> str | None:
        return next((name for name in ("logo.svg", "logo.png") if self.has(name)), None)

    def digest(self) -> str:
        """The content hash of the theme's files, for the build's record of what it was made from."""
        h = hashlib.sha256()
        for name in self.files:
            h.update(name.encode() + b"\0" + (self.folder / name).read_bytes())
        return h.hexdigest()


def config(source: Path) -> tuple[dict, Path | None]:
    """The settings of ``edition.toml`` for the sources in ``source`` (the file in the folder, else beside it) and
    where the file is; an unknown key or a value of the wrong type is an error naming the file, and so is a file
    that is a link out of its folder or a theme it names outside the folder the file is in (a project's
    configuration reaches nothing of the machine beyond the project)."""
    folder = source if source.is_dir() else source.parent
    for place in (folder / CONFIG, folder.parent / CONFIG):
        if place.exists() or place.is_symlink():
            real, why = inside(place, place.parent.resolve())
            if real is None:
                raise BuildError(why)
            try:
                data = tomllib.loads(place.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
                raise BuildError(f"{place}: not a TOML file ({e})") from None
            for key, value in data.items():
                if key not in KEYS:
                    raise BuildError(f"{place}: unknown setting {key!r} (known: {', '.join(KEYS)})")
                if not isinstance(value, KEYS[key]):
                    raise BuildError(f"{place}: {key} must be a {KEYS[key].__name__}")
            if "conventions" in data and data["conventions"] not in CONVENTIONS:
                raise BuildError(f"{place}: conventions must be one of {', '.join(CONVENTIONS)}, not "
                                 f"{data['conventions']!r}")
            if "theme" in data and not (place.parent / data["theme"]).resolve().is_relative_to(
                    place.parent.resolve()):
                raise BuildError(f"{place}: the theme {data['theme']!r} is outside the project's folder "
                                 f"({place.parent}); name a folder inside it, or give --theme")
            return data, place
    return {}, None
