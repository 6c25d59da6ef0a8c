"""The images a record shows (``graphic/@url``, relative to the record's file), copied into the site beside its page
(``records/URL``), so that the web edition shows them with no server and no other host.

Only regular files that really lie in the record's folder are copied (:func:`confined.inside`): an ``@url`` that
climbs out of it (``../../etc/passwd``) or a link that leads out is refused and named in a warning; an address with
a scheme (``https://...``) is shown as its address, never fetched."""

from __future__ import annotations

import re
import shutil
from pathlib import Path, PurePosixPath

from ..confined import inside
from ..conventions import TEI_NS
from ..xmlfiles import pull_parser

#: What a local image's address may be: a relative path of plain names (no scheme, no leading slash, no "..").
LOCAL = re.compile(r"^(?![a-zA-Z][a-zA-Z0-9+.\-]*:)(?![/\\])(?:[\w.\-]+/)*[\w.\-]+$")


def local_images(record: Path) -> list[str]:
    """The local addresses of the images a record shows."""
    urls: list[str] = []
    data = record.read_bytes()
    if b"graphic" not in data:  # as most records: nothing to parse for
        return urls
    # a pull parser, as iterparse would not take collect_ids: a repeated xml:id is no reason to stop here
    parser = pull_parser(tag=f"{{{TEI_NS}}}graphic", huge_tree=False)
    parser.feed(data)
    parser.close()
    for _event, el in parser.read_events():
        url = (el.get("url") or "").strip()
        if url and LOCAL.match(url) and ".." not in PurePosixPath(url).parts:
            urls.append(url)
    return urls


def copy_images(records: list[Path], out: Path, known: dict[Path, list[str]] | None = None) -> list[str]:
    """Copy each record's local images to ``out/records/URL``; returns the images refused, with why. ``known``:
    the local images of records, where they are known (:func:`local_images` of the file as it is)."""
    refused: list[str] = []
    target_root = (out / "records").resolve()
    for record in records:
        urls = known[record] if known is not None and record in known else local_images(record)
        root = record.parent.resolve() if urls else None
        for url in dict.fromkeys(urls):
            real, why = inside(record.parent / url, root)
            if real is None:
                refused.append(f"image {why}")
                continue
            target = (out / "records" / url).resolve()
            if not target.is_relative_to(target_root):
                refused.append(f"image {url} of {record}: outside the site; not copied")
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(real, target)
    return refused
