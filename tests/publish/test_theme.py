"""An edition's own look without forking the toolkit (issue 15): a theme folder (CSS after the toolkit's, a logo,
XSLT overrides imported after the toolkit's modules) and edition.toml beside the sources."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from lxml import html

from edition.cli import main

from ..conftest import ROOT, record_page

TEI_DIR = ROOT / "tei"

HTML_OVERRIDE = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ed="urn:x-edition" xpath-default-namespace="http://www.tei-c.org/ns/1.0">
  <!-- the project's own words for an omission, in place of the toolkit's -->
  <xsl:template match="gap" mode="ed:text" priority="1">
    <span class="gap" title="left out by the publisher">[...]</span>
  </xsl:template>
</xsl:stylesheet>
"""
PRINT_OVERRIDE = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ed="urn:x-edition">
  <!-- the project's own title page, in place of the toolkit's (the toolkit's variables are at hand) -->
  <xsl:template name="ed:title-page">
    <section class="title-page">
      <h1 class="book-title"><xsl:value-of select="$title"/></h1>
      <p class="imprint">Printed for the Gorbachev reading group</p>
    </section>
  </xsl:template>
</xsl:stylesheet>
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A project as an editor lays it out: tei/, theme/, and edition.toml beside them."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(TEI_DIR, root / "tei", ignore=shutil.ignore_patterns("source"))
    theme = root / "theme"
    theme.mkdir()
    (theme / "edition.css").write_text(":root { --accent: #0b5394; }\n", encoding="utf-8")
    (theme / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><circle cx="2" cy="2" '
                                    'r="2"/></svg>\n', encoding="utf-8")
    (theme / "html.xsl").write_text(HTML_OVERRIDE, encoding="utf-8")
    (theme / "print.xsl").write_text(PRINT_OVERRIDE, encoding="utf-8")
    (root / "edition.toml").write_text('base-url = "https://example.org/reading-group"\ntheme = "theme"\n',
                                       encoding="utf-8")
    return root


def build(project: Path, *options: str):
    return CliRunner().invoke(main, ["build", str(project / "tei"), "--out", str(project / "site"), *options])


def test_the_theme_and_the_configuration_make_the_edition_its_own(project):
    result = build(project)
    assert result.exit_code == 0, result.output
    site = project / "site"
    for name in ("index.html", "persons.html", "records/1991-02-23-1435-mubarak.html"):
        doc = html.parse(str(site / name)).getroot()
        sheets = doc.xpath("//link[@rel='stylesheet']/@href")
        assert [Path(s).name for s in sheets] == ["edition.css", "theme.css"]  # the theme's after, so it wins
        assert Path(doc.xpath("//header//img[@class='logo']/@src")[0]).name == "logo.svg"
    assert (site / "theme.css").read_bytes() == (project / "theme" / "edition.css").read_bytes()
    record = record_page(site, "1991-02-23-1435-mubarak")
    assert record.xpath("//span[@class='gap']/@title")[0] == "left out by the publisher"  # the override won
    # edition.toml's base URL: the citations are absolute
    assert record.xpath("//meta[@name='citation_public_url']/@content") == [
        "https://example.org/reading-group/records/1991-02-23-1435-mubarak.html"]
    first = " ".join(pypdf.PdfReader(str(site / "edition.pdf")).pages[0].extract_text().split())
    assert "Printed for the Gorbachev reading group" in first and "Gorbachev's Conversations" in first


def test_a_change_to_the_theme_rebuilds_and_none_does_not(project):
    assert build(project).exit_code == 0
    assert "up to date" in build(project).output
    css = project / "theme" / "edition.css"
    css.write_text(css.read_text(encoding="utf-8") + "h1 { letter-spacing: .01em; }\n", encoding="utf-8")
    result = build(project)
    assert result.exit_code == 0 and "up to date" not in result.output
    assert "letter-spacing" in (project / "site" / "theme.css").read_text(encoding="utf-8")


def test_options_win_over_the_configuration_and_a_bad_one_is_named(project, tmp_path):
    result = build(project, "--only", "web", "--base-url", "https://example.net/other/")
    assert result.exit_code == 0, result.output
    record = record_page(project / "site", "1991-02-23-major")
    assert record.xpath("//link[@rel='canonical']/@href") == ["https://example.net/other/records/1991-02-23-major.html"]
    other = tmp_path / "p"
    shutil.copytree(TEI_DIR, other / "tei", ignore=shutil.ignore_patterns("source"))
    (other / "edition.toml").write_text('theme = "theme"\nbase_url = "x"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(other / "tei"), "--out", str(other / "site")])
    assert result.exit_code == 1 and "edition.toml: unknown setting 'base_url'" in result.output
    assert not (other / "site").exists()


def _small_project(root: Path) -> Path:
    """A project of one record (a build that fails fails before the record is read)."""
    (root / "tei").mkdir(parents=True)
    shutil.copy(TEI_DIR / "1991-02-23-major.xml", root / "tei")
    (root / "theme").mkdir()
    return root


@pytest.mark.parametrize("name", ["edition.css", "print.css", "logo.svg", "html.xsl"])
def test_a_theme_file_that_links_out_of_its_folder_is_refused_and_nothing_is_written(tmp_path, name):
    """A contributed theme whose file is a link to a file of the machine (``edition.css`` -> ``/etc/passwd``)
    would publish that file as the site's theme.css: refused in one line, as a source's link out of its folder
    is."""
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:the machine's own\n", encoding="utf-8")
    project = _small_project(tmp_path / "p")
    (project / "theme" / name).symlink_to(secret)
    result = CliRunner().invoke(main, ["build", str(project / "tei"), "--out", str(project / "site"),
                                       "--theme", str(project / "theme")])
    assert result.exit_code == 1, result.output
    (line,) = result.output.strip().splitlines()
    assert f"theme/{name}: a link to {secret}" in line and "not followed" in line
    assert not (project / "site").exists()


def test_the_configuration_reaches_nothing_outside_the_project(tmp_path):
    """edition.toml is read only from inside its folder, and a theme it names lies inside the project's folder."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "edition.css").write_text("body { color: red; }\n", encoding="utf-8")
    project = _small_project(tmp_path / "p")
    (project / "edition.toml").write_text('theme = "../elsewhere"\n', encoding="utf-8")
    result = build(project)
    assert result.exit_code == 1 and "the theme '../elsewhere' is outside the project's folder" in result.output
    assert not (project / "site").exists()
    (project / "edition.toml").unlink()
    (outside / "edition.toml").write_text('theme = "."\n', encoding="utf-8")
    (project / "edition.toml").symlink_to(outside / "edition.toml")
    result = build(project)
    assert result.exit_code == 1 and "edition.toml: a link to" in result.output and "not followed" in result.output
    assert not (project / "site").exists()
