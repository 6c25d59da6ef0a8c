"""The rules across documents: the identifiers of a whole run (who is a person or an organisation, which ids are
used twice), given to the Schematron rules of the edition's ODD as parameters (the phase ``corpus``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from ..conventions import PERSONOGRAPHY, TEI_NS, XML_BASE, XML_ID
from ..xmlfiles import shown, xml_files

PERSON_TAGS = {f"{{{TEI_NS}}}person", f"{{{TEI_NS}}}personGrp"}

ORG_TAG = f"{{{TEI_NS}}}org"


class Index:
    """The identifiers of the whole run: who is a person or an organisation, and which ids are used twice."""

    def __init__(self) -> None:
        self.where: dict[str, list[str]] = {}
        self.persons: set[str] = set()
        self.orgs: set[str] = set()

    def add(self, name: str, tree: etree._ElementTree, included: Iterable[str] = ()) -> None:
        """The identifiers of a document; ``included``: the files its XIncludes brought in (their hrefs, which
        the included elements carry as xml:base), whose ids are those files' own, counted where each is read."""
        hrefs = set(included)
        for el in tree.xpath("//*[@xml:id]"):
            if hrefs and any(e.get(XML_BASE) in hrefs for e in (el, *el.iterancestors())):
                continue
            xid = el.get(XML_ID)
            self.where.setdefault(xid, []).append(f"{shown(name, name=True)}:{el.sourceline}")
            if el.tag in PERSON_TAGS:
                self.persons.add(xid)
            elif el.tag == ORG_TAG:
                self.orgs.add(xid)

    def params(self, tree: etree._ElementTree) -> dict[str, str]:
        """The Schematron's corpus parameters for one document, cut down to what that document can ask about.

        Its pointers that name persons or organisations, and its identifiers used elsewhere too: the rules see the
        same answers as with the whole corpus, but the strings they search stay short however large the corpus.
        """
        pointed = {token[1:] for value in tree.xpath("//@who | //@ref | //@sameAs")
                   for token in value.split() if token.startswith("#")}
        own = set(tree.xpath("//@xml:id"))
        dups = "".join(f"{xid}={', '.join(self.where[xid]).replace('|', '/')}|"
                       for xid in sorted(own) if len(self.where.get(xid, ())) > 1)
        return {
            "corpus-persons": etree.XSLT.strparam(" " + " ".join(sorted(pointed & self.persons)) + " "),
            "corpus-orgs": etree.XSLT.strparam(" " + " ".join(sorted(pointed & self.orgs)) + " "),
            "corpus-duplicates": etree.XSLT.strparam("|" + dups),
        }


def collect(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """The XML files named or found under the directories named, and the personographies to read as context."""
    files = [f for p in paths for f in xml_files(p)]
    seen = {f.resolve() for f in files}
    context = []
    for d in sorted({f.parent for f in files}):
        persons = d / PERSONOGRAPHY
        if persons.is_file() and persons.resolve() not in seen:
            context.append(persons)
            seen.add(persons.resolve())
    return files, context
