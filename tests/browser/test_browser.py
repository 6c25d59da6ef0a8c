"""The web edition in a real browser: Playwright drives Debian's Chromium; axe-core checks accessibility.

In CI these tests must run (``.ci/run`` installs Chromium and the Python packages); elsewhere they skip when the
browser is missing. Screenshots of each page type go to ``test-output/screenshots/`` (or $EDITION_TEST_OUTPUT).
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from lxml import etree

from edition import publish
from edition.conventions import TEI_NS
from edition.publish import search

from ..conftest import ROOT

TEI_DIR = ROOT / "tei"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(os.environ.get("EDITION_TEST_OUTPUT", ROOT / "test-output")) / "screenshots"
NS = {"t": TEI_NS}


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing; .ci/run must install it")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright (pip)")
    if not Path(CHROMIUM).exists():
        _missing("chromium (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    publish.build(TEI_DIR, out, parts=("web",))
    SHOTS.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="module")
def server(site):
    """The site over HTTP on the loopback address (search fetches its index, which file:// does not allow)."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output readable
        pass


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def with_element(xpath: str) -> str:
    """The first record whose text has an element matching ``xpath``."""
    for path in sorted(TEI_DIR.glob("1991-*.xml")):
        if etree.parse(str(path)).xpath(xpath, namespaces=NS):
            return path.stem
    raise AssertionError(f"no record has {xpath}")


def test_timeline_leads_to_a_record_with_its_brackets_and_credits(page, site):
    page.goto((site / "index.html").as_uri())
    page.screenshot(path=str(SHOTS / "landing.png"), full_page=True)
    page.locator("svg a[href$='1991-02-23-1435-mubarak.html']").click()
    page.wait_for_url("**/1991-02-23-1435-mubarak.html")
    text = page.locator(".text")
    assert text.get_by_text("(speaks Russian)").is_visible()
    assert text.locator(".gap").first.is_visible() and text.locator(".gap").first.inner_text() == "[...]"
    assert page.locator(".credit").inner_text() == "Svetlana Savranskaya, Sarah Dunn"
    assert text.locator(".source-note").count() == 2
    page.screenshot(path=str(SHOTS / "record.png"), full_page=True)


def test_sic_supplied_and_translator_insertions_are_visible(page, site):
    sic = with_element("//t:text//t:sic")
    page.goto((site / "records" / f"{sic}.html").as_uri())
    mark = page.locator(".sic-mark").first
    assert mark.is_visible() and mark.inner_text().strip() == "[sic]"
    supplied = page.locator(".supplied").first
    assert supplied.is_visible() and supplied.inner_text().startswith("[") and supplied.inner_text().endswith("]")
    note = with_element("//t:text//t:note[@type='translator']")
    page.goto((site / "records" / f"{note}.html").as_uri())
    insertion = page.locator(".translator-note").first
    assert insertion.inner_text().startswith("(") and insertion.inner_text().endswith(")")
    assert insertion.locator("i").evaluate("e => getComputedStyle(e).fontStyle") == "italic"


def test_person_to_register_and_back_to_the_turn(page, site):
    page.goto((site / "records" / "1991-02-23-1435-mubarak.html").as_uri())
    page.locator(".speaker a", has_text="Mubarak:").first.click()
    page.wait_for_url("**/persons.html#mubarak")
    entry = page.locator("#mubarak")
    assert entry.is_visible() and "Hosni Mubarak" in entry.inner_text()
    page.screenshot(path=str(SHOTS / "register.png"))
    entry.locator("a", has_text="turn").first.click()
    page.wait_for_url("**/records/*.html#rec-*")
    anchor = page.url.split("#")[1]
    assert page.locator(":target").get_attribute("id") == anchor
    assert "Mubarak" in page.locator(":target .speaker").inner_text()


def test_search_finds_a_word_and_leads_to_its_record(page, server):
    page.goto(f"{server}/search.html")
    page.locator(".pagefind-ui__search-input").fill("Saddam")
    results = page.locator(".pagefind-ui__result")
    results.first.wait_for(timeout=15000)
    assert results.count() >= 1
    page.screenshot(path=str(SHOTS / "search.png"), full_page=True)
    results.first.locator("a").first.click()
    page.wait_for_url("**/records/*")
    assert "Saddam" in page.locator(".text").inner_text()


@pytest.mark.parametrize("name", ["index.html", "records/1991-02-23-1435-mubarak.html", "persons.html",
                                  "principles.html", "colophon.html", "search.html"])
def test_no_serious_accessibility_violation(page, server, name):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{server}/{name}")
    if name == "search.html":
        page.locator(".pagefind-ui__search-input").wait_for()
    violations = Axe().run(page).response["violations"]
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations
               if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_pages_read_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "records" / "1991-02-23-1955-kohl.html").as_uri())
    assert page.locator(".sp").count() > 5 and page.locator(".credit").is_visible()
    page.goto((site / "principles.html").as_uri())
    page.screenshot(path=str(SHOTS / "principles.png"))
    page.goto((site / "colophon.html").as_uri())
    page.screenshot(path=str(SHOTS / "colophon.png"))
    context.close()


def test_print_stylesheet_hides_navigation(page, site):
    page.goto((site / "records" / "1991-02-23-1435-mubarak.html").as_uri())
    page.emulate_media(media="print")
    assert page.locator("header.site nav").is_hidden()
    assert page.locator(".text").is_visible()


def test_search_over_several_bundles_finds_what_one_bundle_finds(page, server, tmp_path, monkeypatch):
    """A large edition is indexed in several bundles (search.SHARD_SIZE); the search page merges them."""
    monkeypatch.setattr(search, "SHARD_SIZE", 4)  # 11 records: 3 bundles
    out = tmp_path / "site"
    publish.build(TEI_DIR, out, parts=("web",))
    assert (out / "pagefind-2").is_dir()

    def results(base: str) -> list[str]:
        page.goto(f"{base}/search.html")
        page.locator(".pagefind-ui__search-input").fill("Saddam")
        page.locator(".pagefind-ui__result").first.wait_for(timeout=15000)
        page.wait_for_timeout(500)  # let every bundle answer
        return sorted(page.locator(".pagefind-ui__result-link").evaluate_all("links => links.map(a => a.href)"))

    handler = functools.partial(_Quiet, directory=str(out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        sharded = results(f"http://127.0.0.1:{httpd.server_address[1]}")
    finally:
        httpd.shutdown()
        httpd.server_close()
    single = results(server)
    assert [u.split("/records/")[1] for u in sharded] == [u.split("/records/")[1] for u in single]
    assert len(single) >= 3


PAGE_TYPES = ["index.html", "persons.html", "principles.html", "colophon.html", "search.html", "data.html",
              "records/1991-02-23-1435-mubarak.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_scrolls_sideways_on_a_phone(browser, site, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    pg = context.new_page()
    for name in PAGE_TYPES:
        pg.goto((site / name).as_uri())
        assert pg.evaluate("document.documentElement.scrollWidth") <= 390, name
        pg.screenshot(path=str(SHOTS / f"phone-{scheme}-{name.replace('/', '-')}.png"), full_page=True)
    # the table of records reads as rows, each cell with its column's name
    pg.goto((site / "index.html").as_uri())
    cell = pg.locator("table.chronology td").first
    assert cell.evaluate("e => getComputedStyle(e, '::before').content") == '"Date and time: "'
    # a turn's link is inside the page and large enough to tap
    pg.goto((site / "records" / "1991-02-23-1435-mubarak.html").as_uri())
    box = pg.locator("a.anchor").first.bounding_box()
    assert box["x"] >= 0 and box["width"] >= 24 and box["height"] >= 24
    context.close()


def test_the_dark_scheme_is_dark_and_the_light_one_light(browser, site):
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 1200, "height": 900}, color_scheme=scheme)
        pg = context.new_page()
        for name in PAGE_TYPES:  # every page type, for a person to look at
            pg.goto((site / name).as_uri())
            colours[scheme, name] = pg.evaluate("""() => { const c = getComputedStyle(document.documentElement)
                .backgroundColor.match(/\\d+/g).slice(0, 3).map(Number); return c[0] + c[1] + c[2]; }""")
            pg.screenshot(path=str(SHOTS / f"desktop-{scheme}-{name.replace('/', '-')}.png"), full_page=True)
        context.close()
    for name in PAGE_TYPES:
        assert colours["light", name] > 600 and colours["dark", name] < 150, name


def test_an_editorial_mark_explains_itself_to_the_keyboard_and_is_no_link(page, site):
    page.goto((site / "records" / f"{with_element('//t:text//t:gap')}.html").as_uri())
    gap = page.locator(".text .gap").first
    link = page.locator(".text a[href]").first
    assert gap.evaluate("e => getComputedStyle(e).color") != link.evaluate("e => getComputedStyle(e).color")
    assert gap.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    assert gap.evaluate("e => getComputedStyle(e, '::after').content") == "none"  # said only when asked
    gap.focus()  # as a tab or a tap gives it focus
    assert gap.evaluate("e => getComputedStyle(e, '::after').content") == '"omitted by the publisher"'
    anchor = page.locator("section.sp a.anchor").nth(2)
    assert re.fullmatch(r"Link to turn 3 \(\w+\)", anchor.get_attribute("aria-label"))


def test_the_favicon_and_the_download_links_resolve(page, site):
    page.goto((site / "records" / "1991-02-23-1435-mubarak.html").as_uri())
    icon = page.locator("link[rel='icon']").get_attribute("href")
    assert (site / "records" / icon).resolve().read_bytes().startswith(b"<svg")
    for a in page.locator("p.downloads a").all():
        target = (site / "records" / a.get_attribute("href")).resolve()
        assert target.is_file(), a.get_attribute("href")


def test_the_timeline_labels_are_apart_and_its_colours_explained(page, site):
    page.goto((site / "index.html").as_uri())
    boxes = [page.locator("svg .hour-label").nth(k).bounding_box()
             for k in range(page.locator("svg .hour-label").count())]
    assert len(boxes) >= 3
    for a, b in zip(boxes, boxes[1:], strict=False):
        assert a["x"] + a["width"] + 4 <= b["x"], (a, b)  # no label runs into the next
    legend = page.locator("figure.timeline figcaption .legend")
    kinds = {k.get_attribute("class").split()[-1] for k in legend.locator(".key").all()}
    assert kinds == {"meeting", "telephone"}
    for kind in kinds:  # each key has the colour of the bars it explains
        key = legend.locator(f".key.{kind}").evaluate("e => getComputedStyle(e).backgroundColor")
        bar = page.locator(f"svg rect.call.{kind}").first.evaluate("e => getComputedStyle(e).fill")
        assert key == bar
    caption = page.locator("figure.timeline figcaption").inner_text()
    assert "2 records print no time: they are in the table only." in caption



def test_search_opens_the_matching_turn_and_filters_by_kind_and_interlocutor(page, server):
    page.goto(f"{server}/search.html")
    page.locator(".pagefind-ui__search-input").fill("Mubarak")
    page.locator(".pagefind-ui__result").first.wait_for(timeout=15000)
    # a result's sub-results lead to the turns, headed by their speakers, apart from the words
    sub = page.locator(".pagefind-ui__result-nested a").first
    sub.wait_for(timeout=15000)
    href = sub.get_attribute("href")
    assert re.search(r"/records/[^#]+\.html#rec-[\w-]+-sp\d+-speaker$", href), href
    # each turn's excerpt is its words, without the speaker label that heads it already
    nested = page.locator(".pagefind-ui__result-nested").all()
    assert nested
    for turn in nested:
        label = turn.locator(".pagefind-ui__result-link").inner_text().strip()
        excerpt = turn.locator(".pagefind-ui__result-excerpt").inner_text().strip()
        assert excerpt and not excerpt.startswith(label), (label, excerpt)
    page.screenshot(path=str(SHOTS / "search-turns.png"), full_page=True)
    # the filters: what kind of record, with whom, who speaks, which day
    names = {f.inner_text().strip().lower() for f in page.locator(".pagefind-ui__filter-name").all()}
    assert {"kind", "with", "speaker", "day"} <= names, names
    sub.click()
    page.wait_for_url("**/records/*#*")
    target = page.locator(":target")
    assert target.evaluate("e => e.classList.contains('speaker')")
    assert target.evaluate("e => getComputedStyle(e.closest('section.sp')).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_edition_serve_shows_a_saved_change_on_the_open_page_without_a_reload(page, tmp_path):
    """`edition serve`: the page open in the browser shows a change saved to its source, by itself."""
    from edition.serve import Preview

    tei = tmp_path / "tei"
    shutil.copytree(TEI_DIR, tei)
    out = tmp_path / "site"

    def rebuild() -> str:
        return f"{publish.build(tei, out, parts=('web',))[1]} records"

    rebuild()
    preview = Preview(out, rebuild, [tei], host="127.0.0.1", port=0, say=lambda _line: None)
    thread = threading.Thread(target=preview.serve, daemon=True)
    thread.start()
    try:
        record = next(p for p in sorted(tei.glob("*.xml")) if p.name not in ("edition.xml", "persons.xml"))
        page.goto(preview.address + "records/" + record.stem + ".html")
        assert "SAVEDCHANGE" not in page.inner_text("main")
        text = record.read_text(encoding="utf-8")
        changed = re.sub(r"(<sp\b[^>]*>\s*<speaker>[^<]*</speaker>\s*<p>)", r"\g<1>SAVEDCHANGE ", text, count=1)
        assert changed != text
        record.write_text(changed, encoding="utf-8")
        page.locator("main", has_text="SAVEDCHANGE").wait_for(timeout=30000)  # no goto, no reload: the page's own
    finally:
        preview.stop()
        thread.join(timeout=10)


def test_the_dta_base_formats_renditions_are_set_as_the_source_sets_them(page, tmp_path):
    """A letter in the DTA Base Format (our own): its @rendition points to DTABf's standard renditions ("#sup #uu":
    a superscript underlined twice, "#g" spaced, "#et" indented) or to one its header declares in CSS; a declared
    rendition that would load a file is not applied."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "brief.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="brief"><teiHeader><fileDesc><titleStmt><title>Brief'
        "</title></titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Autograph.</p></sourceDesc>"
        "</fileDesc><encodingDesc><tagsDecl><rendition xml:id='rot' scheme='css'>color: rgb(200, 0, 0)</rendition>"
        "<rendition xml:id='fremd' scheme='css'>background: url(http://example.org/x.png)</rendition></tagsDecl>"
        "</encodingDesc></teiHeader><text><body><p rendition='#et'>den 1<hi rendition='#sup #uu'>n</hi> Jenner, "
        "<hi rendition='#g'>Berlin</hi>, <hi rendition='#rot'>eilig</hi>, <hi rendition='#fremd'>fremd</hi></p>"
        "</body></text></TEI>", encoding="utf-8")
    publish.build(src, tmp_path / "site", parts=("web",))
    page.goto((tmp_path / "site" / "records" / "brief.html").as_uri())
    style = "(e, p) => getComputedStyle(e)[p]"
    sup = page.locator("span", has_text=re.compile("^n$"))
    assert sup.evaluate(style, "verticalAlign") == "super"
    assert sup.evaluate(style, "textDecorationStyle") == "double"
    assert page.locator("span", has_text="Berlin").evaluate(style, "letterSpacing") != "normal"
    assert page.locator("p", has_text="Jenner").evaluate(style, "paddingLeft") != "0px"
    assert page.locator("span", has_text="eilig").evaluate(style, "color") == "rgb(200, 0, 0)"
    assert page.locator("span", has_text="fremd").evaluate(style, "backgroundImage") == "none"
