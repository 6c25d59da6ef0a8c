"""The Saxon processor (saxonche) as every stage that runs XSLT configures it.

Its XML parser keeps the JDK's limits on entities, which count every character reference and predefined entity
(``&amp;``, ``&lt;``) of a file: a record with more than 100,000 of them was refused ("The length of entity [xml]
exceeds the 100,000 limit"). These two limits are raised to 256 MB, beyond the largest record a build takes; the
limit on entity expansions stays, and every source is read by :mod:`edition.xmlfiles` first, which refuses a DOCTYPE
that reaches outside the file and an entity bomb. The external DTD a DOCTYPE names (``SYSTEM "tei_all.dtd"``) is
never loaded, as lxml does not load it: the parser's own default would read it, from the disk or the network. A
stylesheet's or a Schematron's ``doc()`` reads files only: an address on the network is refused, never fetched."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

from saxonche import PySaxonProcessor

_LIMITS = ("maxGeneralEntitySizeLimit", "totalEntitySizeLimit")
_PROPERTY = "http://saxon.sf.net/feature/parserProperty?uri="
#: The schemes Saxon may read a document from (doc(), document(), unparsed-text()): files alone, never the network.
_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"
_NO_EXTERNAL_DTD = ("http://saxon.sf.net/feature/parserFeature?uri="
                    + quote("http://apache.org/xml/features/nonvalidating/load-external-dtd", safe=""))


def processor() -> PySaxonProcessor:
    """A new processor whose parser takes records of any size the build takes."""
    proc = PySaxonProcessor(license=False)
    for limit in _LIMITS:
        proc.set_configuration_property(
            _PROPERTY + quote(f"http://www.oracle.com/xml/jaxp/properties/{limit}", safe=""), str(256 * 2**20))
    proc.set_configuration_property(_NO_EXTERNAL_DTD, "false")
    proc.set_configuration_property(_PROTOCOLS, "file")  # (a stylesheet's or a Schematron's doc() never fetches)
    return proc


@contextmanager
def quiet() -> Iterator[None]:
    """Saxon's own account of an error (the stack of templates it was in: "In template d12e6 on line 99 ...") is
    written to the process's standard error, beside the one line the caller says of it: held back while a run or a
    compilation is made (the caller's exception still says what failed)."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
