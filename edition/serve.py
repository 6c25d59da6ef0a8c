"""A local preview of the built edition, rebuilt as the sources change (``edition serve``).

The usual convention of static-site generators: the web edition is built once, then served over HTTP from its
folder; a watcher looks at the sources (the TEI folder, ``edition.toml`` and the theme) twice a second and, when a
file is added, changed or removed, builds again (the build is incremental: only what changed is written again, and
the new site is swapped in at once, :mod:`.publish.swap`). Each HTML page the preview serves carries a small script
that asks the preview for the site's version and reloads the page when it changes, so that an open page shows a
saved change without a manual reload. The files of the site are never changed for it: the script is added as a page
is served.

Safe by default: the server is bound to the loopback address unless told otherwise, serves only the site's folder
(the standard library's handler maps no path outside it), and only reads. A build that fails leaves the last good
site served and says why on one line; Ctrl-C stops the watcher and the server and ends the command cleanly.
"""

from __future__ import annotations

import http.server
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

#: How often the sources are looked at, in seconds.
POLL = 0.5
#: The address the page asks for the site's version, and how often, in milliseconds.
VERSION_PATH = "/_edition/version"
RELOAD_EVERY = 700
#: The script added to each page served: it knows the version it was served at (VERSION), and reloads the page once
#: the preview's is another (a rebuild may end before the page first asks).
RELOAD_SCRIPT = (
    "<script>/* edition serve: reload when the edition is rebuilt */(function(){var seen='VERSION';"
    "setInterval(function(){fetch('" + VERSION_PATH + "',{cache:'no-store'}).then(function(r){return r.text();})"
    ".then(function(v){if(v!==seen){location.reload();}}).catch(function(){});},"
    + str(RELOAD_EVERY) + ");})();</script>"
)


def snapshot(folders: list[Path], files: list[Path]) -> dict[str, tuple[int, int]]:
    """Each file under the folders (and each file named), with its modification time and size."""
    paths = [str(path) for path in files]
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            paths += [os.path.join(root, name) for name in names]
    seen: dict[str, tuple[int, int]] = {}
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            continue  # (absent, or removed while it was looked at)
        seen[path] = (st.st_mtime_ns, st.st_size)
    return seen


class Preview:
    """The built site at ``site``, served at ``host``:``port``, built again by ``rebuild`` (which returns what to
    say, or raises with a message) when a file under ``watched`` (or one of ``files``) changes."""

    def __init__(self, site: Path, rebuild: Callable[[], str], watched: list[Path], files: list[Path] = (),
                 host: str = "127.0.0.1", port: int = 8000, say: Callable[[str], None] = print,
                 built_from: dict[str, tuple[int, int]] | None = None) -> None:
        self.site, self.rebuild, self.say = site, rebuild, say
        self.watched, self.files = list(watched), list(files)
        # what the site was built from (taken before the build, a change saved during it is seen): now by default
        self._built_from = built_from if built_from is not None else snapshot(self.watched, self.files)
        self.version = 1
        self._in_place = False  # whether the rebuild under way has said its site is in place (:meth:`in_place`)
        self._stop = threading.Event()
        preview = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, directory=str(preview.site), **kwargs)

            def do_GET(self) -> None:  # noqa: N802 - the standard library's name
                asked = self.path.split("?", 1)[0].split("#", 1)[0]
                if asked == VERSION_PATH:
                    self._send(str(preview.version).encode(), "text/plain; charset=utf-8")
                    return
                local = Path(self.translate_path(self.path))
                if local.is_dir() and asked.endswith("/"):
                    local = local / "index.html"  # (a folder's address without its slash is redirected first)
                if local.suffix == ".html" and local.is_file():
                    page = local.read_bytes()
                    at = page.rfind(b"</body>")
                    script = RELOAD_SCRIPT.replace("VERSION", str(preview.version)).encode()
                    self._send(page[:at] + script + page[at:] if at >= 0 else page + script, "text/html; charset=utf-8")
                    return
                super().do_GET()

            def _send(self, body: bytes, kind: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:  # the preview says what it rebuilds, not every request
                pass

        self.server = http.server.ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True

    @property
    def address(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{'localhost' if host in ('127.0.0.1', '::1') else host}:{port}/"

    def watch(self) -> None:
        """Build again whenever the sources change, until :meth:`stop`."""
        before = self._built_from
        while not self._stop.wait(POLL):
            now = snapshot(self.watched, self.files)
            if now == before:
                continue
            before = now
            started = time.monotonic()
            self._in_place = False
            try:
                said = self.rebuild()
            except Exception as e:  # noqa: BLE001 - the preview goes on serving the last good site
                self.say(f"error: the rebuild failed, the last good site is still served: {e}")
                continue
            if not self._in_place:
                self.version += 1
            self.say(f"rebuilt in {time.monotonic() - started:.1f} s: {said}")

    def in_place(self) -> None:
        """The rebuilt site is in place (its search index may follow): the open page reloads now."""
        self._in_place = True
        self.version += 1

    def serve(self) -> None:
        """Serve and watch until Ctrl-C (or :meth:`stop`)."""
        watcher = threading.Thread(target=self.watch, name="edition-serve-watch", daemon=True)
        watcher.start()
        try:
            self.server.serve_forever(poll_interval=0.2)
        finally:
            self._stop.set()
            watcher.join(timeout=5)
            self.server.server_close()

    def stop(self) -> None:
        self._stop.set()
        self.server.shutdown()
