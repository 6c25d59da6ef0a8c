"""Writing the encoder's TEI files: all or none, never over a file unless asked, with the user's umask."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from lxml import etree


def serialize(tree: etree._ElementTree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


class WriteError(OSError):
    """Files could not be written; every file that was there before is as it was, and no temporary file is left."""


def umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write(files: dict[str, etree._ElementTree | bytes], out_dir: Path, force: bool = False) -> list[Path]:
    """Write ``files`` (name -> tree, or the bytes of an image) into ``out_dir``, all or none.

    Without ``force`` it refuses, before writing anything, to overwrite a file. Every file is written to a
    temporary file first; then each old file is kept aside (a hard link) and the new ones are renamed into place.
    If any step fails, the files already replaced are put back, the temporary files are removed, and the error
    names the file at fault: the folder is as it was. Files get the user's umask, as any file they write.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise FileExistsError(f"{out_dir}: exists and is not a directory")
    targets = {out_dir / name: tree for name, tree in files.items()}
    existing = [p for p in targets if p.exists() or p.is_symlink()]
    if existing and not force:
        raise FileExistsError(
            f"{existing[0]}: exists; not overwritten (use --force to replace it)"
            + (f", and {len(existing) - 1} more" if len(existing) > 1 else "")
        )
    for path in existing:
        if path.is_symlink() or not path.is_file():
            raise WriteError(f"{path}: is {'a link' if path.is_symlink() else 'not a file'}; not replaced, and no "
                             "file was written")
    out_dir.mkdir(parents=True, exist_ok=True)
    mode = 0o666 & ~umask()
    staged: list[tuple[Path, Path]] = []  # (temporary file, its place)
    kept: dict[Path, Path] = {}  # an old file -> its copy aside
    replaced: list[Path] = []
    path = out_dir
    try:
        for path, tree in targets.items():
            fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((Path(tmp), path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(tree if isinstance(tree, bytes) else serialize(tree))
            os.chmod(tmp, mode)
        for tmp, path in staged:
            if path.exists():
                kept[path] = tmp.with_suffix(".old")
                try:
                    os.link(path, kept[path])
                except OSError:  # a file system without hard links
                    shutil.copy2(path, kept[path])
        for tmp, path in staged:
            os.replace(tmp, path)
            replaced.append(path)
    except OSError as e:
        for done in reversed(replaced):
            if done in kept:
                os.replace(kept.pop(done), done)
            else:
                done.unlink(missing_ok=True)
        for leftover in [tmp for tmp, _ in staged] + list(kept.values()):
            leftover.unlink(missing_ok=True)
        raise WriteError(f"{path}: could not be written ({e.strerror or e}); no file in {out_dir} was changed") \
            from None
    for old in kept.values():
        old.unlink(missing_ok=True)
    return [path for _, path in staged]
