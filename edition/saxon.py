"""The Saxon processor (saxonche) as every stage that runs XSLT configures it.

Its XML parser keeps the JDK's limits on entities, which count every character reference and predefined entity
(``&amp;``, ``&lt;``) of a file: a record with more than 100,000 of them was refused ("The length of entity [xml]
exceeds the 100,000 limit"). These two limits are raised to 256 MB, beyond the largest record a build takes; the
limit on entity expansions stays, and every source is read by :mod:`edition.xmlfiles` first, which refuses a DOCTYPE
that reaches outside the file and an entity bomb."""

from __future__ import annotations

from urllib.parse import quote

from saxonche import PySaxonProcessor

_LIMITS = ("maxGeneralEntitySizeLimit", "totalEntitySizeLimit")
_PROPERTY = "http://saxon.sf.net/feature/parserProperty?uri="


def processor() -> PySaxonProcessor:
    """A new processor whose parser takes records of any size the build takes."""
    proc = PySaxonProcessor(license=False)
    for limit in _LIMITS:
        proc.set_configuration_property(
            _PROPERTY + quote(f"http://www.oracle.com/xml/jaxp/properties/{limit}", safe=""), str(256 * 2**20))
    return proc
