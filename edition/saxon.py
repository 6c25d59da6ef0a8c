"""The Saxon processor (saxonche) as every stage that runs XSLT configures it.

Its XML parser keeps the JDK's limits on entities, which count every character reference and predefined entity
(``&amp;``, ``&lt;``) of a file: a record with more than 100,000 of them was refused ("The length of entity [xml]
exceeds the 100,000 limit"). These two limits are raised to 256 MB, beyond the largest record a build takes; the
limit on entity expansions stays, and every source is read by :mod:`edition.xmlfiles` first, which refuses a DOCTYPE
that reaches outside the file and an entity bomb. The external DTD a DOCTYPE names (``SYSTEM "tei_all.dtd"``) is
never loaded, as lxml does not load it: the parser's own default would read it, from the disk or the network."""

from __future__ import annotations

from urllib.parse import quote

from saxonche import PySaxonProcessor

_LIMITS = ("maxGeneralEntitySizeLimit", "totalEntitySizeLimit")
_PROPERTY = "http://saxon.sf.net/feature/parserProperty?uri="
_NO_EXTERNAL_DTD = ("http://saxon.sf.net/feature/parserFeature?uri="
                    + quote("http://apache.org/xml/features/nonvalidating/load-external-dtd", safe=""))


def processor() -> PySaxonProcessor:
    """A new processor whose parser takes records of any size the build takes."""
    proc = PySaxonProcessor(license=False)
    for limit in _LIMITS:
        proc.set_configuration_property(
            _PROPERTY + quote(f"http://www.oracle.com/xml/jaxp/properties/{limit}", safe=""), str(256 * 2**20))
    proc.set_configuration_property(_NO_EXTERNAL_DTD, "false")
    return proc
