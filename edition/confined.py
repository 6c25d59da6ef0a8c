"""The one rule for every file a build reads (sources, images, the theme, what ``edition.toml`` names): a regular
file that really lies inside its folder. A link that leads out of it (to ``/etc/passwd``, a home folder, a device)
is refused, so that a contributed link publishes nothing of the build machine."""

from __future__ import annotations

import stat
from pathlib import Path


def inside(path: Path, root: Path, folders: dict[Path, Path] | None = None) -> tuple[Path | None, str | None]:
    """Where the file ``path`` really is, if it may be read as part of the sources whose folder resolves to
    ``root``; else None and why. It must be a regular file that really lies inside ``root``: a link that leads out
    of it (to ``/etc/passwd``, a home folder, a device) is refused, so that a contributed link publishes nothing of
    the build machine. ``folders``: resolved folders already met (a path is resolved once per folder, and once more
    only when the file itself is a link)."""
    try:
        if path.is_symlink():
            real = path.resolve(strict=True)
        else:
            folders = folders if folders is not None else {}
            if path.parent not in folders:
                folders[path.parent] = path.parent.resolve(strict=True)
            real = folders[path.parent] / path.name
        if not real.is_relative_to(root):
            return None, f"{path}: a link to {real}, outside {root}; not followed"
        if not stat.S_ISREG(real.stat().st_mode):
            return None, f"{path}: not a regular file"
    except (OSError, RuntimeError) as e:  # a broken link or a loop
        return None, f"{path}: cannot be read ({getattr(e, 'strerror', None) or e})"
    return real, None
