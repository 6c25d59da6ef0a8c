"""Publish TEI as a static web edition and a print edition (PDF), with XSLT 3.0 run by saxonche.

Modules, in the order of a build: :mod:`.build` (orchestration, the checks that keep sources and the machine safe),
:mod:`.swap` (the lock and the atomic swap), :mod:`.sources` (which file is what), :mod:`.stylesheets` (the
Saxon runs), :mod:`.parts` (the work shared among processes), :mod:`.incremental` (the manifest and the rebuild
after a change), :mod:`.search` (the Pagefind index), :mod:`.pdf` (WeasyPrint's layout), :mod:`.package` (the
edition as one zip) and :mod:`.theme` (an edition's own look, and ``edition.toml``).
"""

from .build import MAX_SIZE, build
from .errors import BuildError
from .theme import Theme, config

__all__ = ["MAX_SIZE", "BuildError", "Theme", "build", "config"]
