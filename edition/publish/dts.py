"""The edition as a static DTS API: Distributed Text Services 1.0 at Level 0 (every valid call but ranges), as
files in ``dts/`` that any web server serves (``edition build --dts``, or ``dts = true`` in edition.toml).

DTS is the TEI community's API for collections of texts (https://dtsapi.org/specifications/): a client lists the
edition's records (Collection), walks a record's citation tree (Navigation) and fetches the TEI of a record or of
one passage (Document). A server answers query parameters; a static site cannot, so the URI templates put the
parameters in the file name (RFC 6570 ``{;name}`` expansion, as the specification's examples for static sites
do): ``collection;id=R.json``, ``navigation;resource=R;ref=U;down=1.json``, ``document;resource=R;ref=U.xml``.
Every file lies in ``dts/`` itself, so that the templates, relative to it, hold wherever the site is put; with the
edition's address (``--base-url``) they are absolute.

A record's citation tree is its divisions and its turns: every ``div`` (``div1`` ... ``div7``) and ``sp`` of its
text, nested as they nest, each cited by its ``xml:id``, else by its place (``2.5``: the fifth unit in the second;
an ``xml:id`` cannot begin with a digit, so the two never meet). The records' metadata is read from the
``records.json`` the web build wrote, their TEI from ``records/ID.xml``, so the API and the site agree.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..conventions import DIVISIONS, TEI_NS, XML_ID, XML_LANG
from ..xmlfiles import safe_parser
from .errors import BuildError

FOLDER = "dts"
#: The longest file name the API writes, in bytes (file systems take 255).
NAME_BYTES = 250
ENTRY = "index.json"
CONTEXT = "https://dtsapi.org/context/v1.0.json"
VERSION = "1.0"
#: The namespace of the element that holds a passage in a Document response.
WRAPPER_NS = "https://w3id.org/api/dts#"
#: The root collection's id: the edition (a record's id is a file name, and a record named so gets another).
ROOT = "edition"

T = f"{{{TEI_NS}}}"
TURN = T + "sp"


@dataclass
class Unit:
    """A citable unit: a division or a turn of a record's text."""

    identifier: str
    place: str  # its place in the tree (2.5: the fifth unit in the second), which cites it when it has no xml:id
    element: etree._Element
    level: int
    parent: Unit | None
    cite_type: str
    children: list[Unit] = field(default_factory=list)

    def as_json(self, page: str | None) -> dict:
        unit = {"identifier": self.identifier, "@type": "CitableUnit", "level": self.level,
                "parent": self.parent.identifier if self.parent else None, "citeType": self.cite_type}
        if page and self.element.get(XML_ID) == self.identifier:  # the unit on the record's page
            unit["@id"] = f"{page}#{self.identifier}"
        # its title: its heading, or a turn's speaker label, as printed
        label = self.element.find(T + ("speaker" if self.element.tag == TURN else "head"))
        words = " ".join("".join(label.itertext()).split()) if label is not None else ""
        if words:
            unit["dublinCore"] = {"title": [{"lang": _lang(label), "value": words}]}
        return unit


def _lang(element: etree._Element) -> str:
    """The language of an element's text (BCP 47): its own xml:lang or its nearest ancestor's; "und" (undetermined)
    where the record does not say."""
    return next((e.get(XML_LANG) for e in (element, *element.iterancestors()) if e.get(XML_LANG)), "und")


def citation_tree(root: etree._Element) -> list[Unit]:
    """The citable units of a record (its TEI root, or a chapter's root division), in document order."""
    text = root.find(f"{T}text") if root.tag == T + "TEI" else root
    units: list[Unit] = []
    seen: set[str] = set()

    def walk(element: etree._Element, parent: Unit | None, level: int, counter: list[int]) -> None:
        for child in element.iterchildren(tag=etree.Element):
            if child.tag in DIVISIONS or child.tag == TURN:
                counter[0] += 1
                place = f"{parent.place}.{counter[0]}" if parent else str(counter[0])
                own = child.get(XML_ID)
                unit = Unit(own if own and own not in seen else place, place, child, level, parent,
                            "turn" if child.tag == TURN else (child.get("type") or etree.QName(child).localname))
                seen.add(unit.identifier)
                units.append(unit)
                if parent:
                    parent.children.append(unit)
                walk(child, unit, level + 1, [0])
            elif child.tag not in (T + "note", T + "teiHeader"):
                walk(child, parent, level, counter)

    if text is not None:
        walk(text, None, 1, [0])
    return units


def cite_structure(units: list[Unit]) -> list[dict]:
    """The kinds of unit at each level of the tree (a play's acts, then their scenes, then the turns), as the units
    show them: each kind once per level, under the kinds it occurs in."""
    def kinds(level: list[Unit]) -> list[dict]:
        by_type: dict[str, list[Unit]] = {}
        for unit in level:
            by_type.setdefault(unit.cite_type, []).extend(unit.children)
        return [{"@type": "CiteStructure", "citeType": kind, **({"citeStructure": below} if below else {})}
                for kind, children in by_type.items() for below in [kinds(children)]]

    return kinds([u for u in units if u.parent is None])


class Api:
    """The files of the API in ``site/dts``, each named by its request (module docstring)."""

    def __init__(self, site: Path, edition: dict) -> None:
        self.folder = site / FOLDER
        home = edition.get("url", "")
        # the edition's address, where the build knew it: the API's addresses are then absolute
        self.base = home.rsplit("/", 1)[0] + "/" if "://" in home else None
        self.files = 0

    def url(self, name: str) -> str:
        """The address of a file of the API: absolute, or relative to the API's folder."""
        return f"{self.base}{FOLDER}/{name}" if self.base else name

    def site(self, link: str) -> str:
        """A page of the site (as records.json gives it) from the API's folder."""
        return link if "://" in link else "../" + link

    def write(self, name: str, body: dict | bytes) -> None:
        if "/" in name or len(name.encode("utf-8")) > NAME_BYTES:  # (a unit's id is checked first: _resource)
            raise BuildError(f"the DTS API cannot name a file {name[:80]}...")
        data = body if isinstance(body, bytes) else json.dumps(
            {"@context": CONTEXT, "dtsVersion": VERSION, **body}, ensure_ascii=False).encode("utf-8")
        (self.folder / name).write_bytes(data)
        self.files += 1

    def templates(self, resource: str | None = None) -> dict:
        """The URI templates of the three endpoints; for one resource, with its id filled in."""
        if resource is None:
            return {"collection": self.url("collection{;id,nav}.json"),
                    "navigation": self.url("navigation{;resource,ref,down}.json"),
                    "document": self.url("document{;resource,ref}.xml")}
        return {"collection": self.url(f"collection;id={resource}{{;nav}}.json"),
                "navigation": self.url(f"navigation;resource={resource}{{;ref,down}}.json"),
                "document": self.url(f"document;resource={resource}{{;ref}}.xml")}


def write_dts(site: Path, sources: dict[str, Path]) -> int:
    """Write the DTS API of the web edition in ``site`` (its records.json and records/ID.xml) into ``site/dts``;
    returns the number of files. ``sources``: each record's source file, by id, which an error names."""
    listing = json.loads((site / "records.json").read_text(encoding="utf-8"))
    api = Api(site, listing["edition"])
    api.folder.mkdir()
    records = listing["records"]
    root = ROOT
    while root in {r["id"] for r in records}:
        root += "-collection"
    collection = {"@id": root, "@type": "Collection", "title": listing["edition"]["title"], "totalParents": 0,
                  "totalChildren": len(records), "collection": api.url(f"collection;id={root}{{;nav}}.json")}
    if listing["edition"].get("licence"):
        collection["dublinCore"] = {"license": listing["edition"]["licence"]}
    api.write(ENTRY, {"@id": api.url(ENTRY), "@type": "EntryPoint", **api.templates()})
    members = [_resource(api, record, site / "records" / f"{record['id']}.xml", collection,
                         sources.get(record["id"], Path(record["tei"]))) for record in records]
    whole = {**collection, "collection": api.templates()["collection"], "member": members}
    for name in ("collection.json", f"collection;id={root}.json", f"collection;id={root};nav=children.json"):
        api.write(name, whole)
    api.write(f"collection;id={root};nav=parents.json", {**whole, "member": []})
    return api.files


def _resource(api: Api, record: dict, tei: Path, parent: dict, source: Path) -> dict:
    """Write the files of one record (its collection, navigation and document responses); returns it as a member
    of the edition's collection. ``tei``: the record's TEI in the site; ``source``: the file it was copied from."""
    rid = record["id"]
    try:
        data = tei.read_bytes()
        root = etree.fromstring(data, safe_parser())
    except (OSError, etree.XMLSyntaxError) as e:
        raise BuildError(f"{source}: cannot be read for the DTS API ({e})") from None
    units = citation_tree(root)
    for unit in units:  # the longest name a unit gives a file: its navigation from it to the bottom
        if len(f"navigation;resource={rid};ref={unit.identifier};down=-1.json".encode()) > NAME_BYTES:
            raise BuildError(f"[dts-name] the id {unit.identifier[:40]!r}... with the record's, {rid!r}, is too long "
                             "to name a file of the DTS API: shorten it, or build without --dts",
                             at=(source, unit.element.sourceline or 1))
    trees = [{"@type": "CitationTree", "citeStructure": cite_structure(units)}] if units else []
    resource = {"@id": rid, "@type": "Resource", "title": record["title"], "totalParents": 1, "totalChildren": 0,
                **api.templates(rid), "download": api.site(record["tei"]),  # TEI alone: no mediaType to choose
                "citationTrees": trees}
    resource["dublinCore"] = {"identifier": api.site(record["page"]), **({"date": record["start"]}
                                                                          if record.get("start") else {})}
    for nav, member in (("", []), (";nav=children", []), (";nav=parents", [parent])):
        api.write(f"collection;id={rid}{nav}.json", {**resource, "member": member})
    _navigation(api, resource, units, None if record.get("parts") else api.site(record["page"]))
    _documents(api, rid, root, data, units)
    return resource


def _navigation(api: Api, resource: dict, units: list[Unit], page: str | None) -> None:
    """Every Navigation response of a record but ranges (Level 0): the tree from the root, and from each unit, to
    each depth it has; a unit alone; a unit among its siblings."""
    rid = resource["@id"]
    shown = {id(u): u.as_json(page) for u in units}
    depth = max((u.level for u in units), default=1)

    def write(params: str, ref: Unit | None = None, member: list[Unit] | None = None) -> None:
        name = f"navigation;resource={rid}{params}.json"
        body = {"@type": "Navigation", "@id": api.url(name), "resource": resource}
        if ref is not None:
            body["ref"] = shown[id(ref)]
        if member is not None:
            body["member"] = [shown[id(u)] for u in member]
        api.write(name, body)

    for down in (-1, *range(1, depth + 1)):
        write(f";down={down}", member=[u for u in units if down == -1 or u.level <= down])
    top = [u for u in units if u.parent is None]
    for unit in units:
        ref = f";ref={unit.identifier}"
        write(ref, ref=unit)
        write(ref + ";down=0", ref=unit, member=unit.parent.children if unit.parent else top)
        below = _subtree(unit)
        for down in (-1, *range(1, max(depth - unit.level, 1) + 1)):
            write(f"{ref};down={down}", ref=unit,
                  member=[u for u in below if down == -1 or u.level - unit.level <= down])


def _subtree(unit: Unit) -> list[Unit]:
    """A unit and the units within it, in document order."""
    return [unit, *(u for child in unit.children for u in _subtree(child))]


def _documents(api: Api, rid: str, root: etree._Element, data: bytes, units: list[Unit]) -> None:
    """The Document responses: the record's TEI, the very file (``data``; a chapter without a header in a TEI
    element, as DTS asks), and each unit's passage in a ``dts:wrapper``."""
    api.write(f"document;resource={rid}.xml", data if root.tag == T + "TEI" else _wrapped(root))
    for unit in units:
        api.write(f"document;resource={rid};ref={unit.identifier}.xml", _wrapped(unit.element))


def _wrapped(element: etree._Element) -> bytes:
    tei = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    wrapper = etree.SubElement(tei, f"{{{WRAPPER_NS}}}wrapper", nsmap={"dts": WRAPPER_NS})
    passage = copy.deepcopy(element)
    passage.tail = None
    wrapper.append(passage)
    return etree.tostring(tei, xml_declaration=True, encoding="UTF-8")
