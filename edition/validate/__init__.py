"""Validate TEI: the edition's customization (RELAX NG and Schematron generated from its ODD, :mod:`.odd`) or any
other project's schemas, and the rules across documents; reports for people and CI (:mod:`.formats`).

Modules: :mod:`.validator` (the run), :mod:`.relaxng`, :mod:`.schematron`, :mod:`.corpus` (the rules across
documents), :mod:`.formats` (text, JSON, JUnit, GitHub), :mod:`.odd` (the schemas from the ODD).
"""

from .corpus import collect
from .formats import FORMATS, summary
from .result import Result, SchemaError
from .validator import Validator, default_jobs

__all__ = ["FORMATS", "Result", "SchemaError", "Validator", "collect", "default_jobs", "summary"]
