"""Carrying a site's unchanged files into the site that replaces it, in a process of its own (carry.py)."""

from __future__ import annotations

import os

import pytest

from edition.publish.carry import Carrying
from edition.publish.errors import BuildError


def site(tmp_path):
    out = tmp_path / "site"
    (out / "records").mkdir(parents=True)
    for rid in ("a", "b"):
        (out / "records" / f"{rid}.html").write_text(rid, encoding="utf-8")
    (out / "index.html").write_text("all", encoding="utf-8")
    return out


def test_the_files_kept_are_linked_by_a_process_of_its_own(tmp_path):
    out, fresh = site(tmp_path), tmp_path / "fresh"
    fresh.mkdir()
    with Carrying(out, fresh, keep={"a"}, aggregates={"index.html"}) as carrying:
        assert carrying.result() == 2
    assert sorted(os.listdir(fresh)) == ["index.html", "records"]  # the job's file removed
    assert os.listdir(fresh / "records") == ["a.html"]
    assert (fresh / "records" / "a.html").stat().st_ino == (out / "records" / "a.html").stat().st_ino


def test_a_process_that_fails_says_why_in_one_line(tmp_path):
    out, fresh = site(tmp_path), tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "records").write_text("a file where the folder goes", encoding="utf-8")
    with Carrying(out, fresh, keep={"a"}) as carrying, pytest.raises(BuildError) as failed:
        carrying.result()
    assert "could not be carried over" in str(failed.value) and "\n" not in str(failed.value)
    assert "FileExistsError" in str(failed.value) or "NotADirectoryError" in str(failed.value)
    assert os.listdir(fresh) == ["records"]


def test_leaving_on_an_error_stops_the_process(tmp_path):
    out, fresh = site(tmp_path), tmp_path / "fresh"
    fresh.mkdir()
    with pytest.raises(KeyboardInterrupt), Carrying(out, fresh, keep={"a", "b"}) as carrying:
        raise KeyboardInterrupt
    assert carrying._proc.returncode is not None
    assert not (fresh / ".edition-carry.json").exists()
