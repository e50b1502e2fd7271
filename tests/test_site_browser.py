"""The reading edition in a real browser: headless Chromium (Debian's ``chromium`` and ``chromium-driver``,
installed by ``.ci/run``) driven through Selenium, one browser session for the module.

The tests write screenshots of a document page and of a search result to ``docs/screenshots/``, which the
README shows.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import corpus
from corpus.script import character_readings
from corpus.site import write_site

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
DESKTOP, PHONE = (1280, 900), (390, 844)
DOC = "high-flyer-deepseek"  # traditional script, an interview with quotations and 1-2 links
WAIT_S = 10  # an upper bound for the page to settle, not a timing assertion


def _browser_paths() -> tuple[str, str]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    if not browser or not Path(driver).exists():
        pytest.fail("the browser tests need Debian's chromium and chromium-driver (apt-get install chromium "
                    "chromium-driver fonts-noto-cjk; .ci/run installs them)")
    return browser, driver


@pytest.fixture(scope="module")
def shipped():
    return corpus.load()


@pytest.fixture(scope="module")
def site(tmp_path_factory, shipped) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    write_site(shipped, out)
    return out


@pytest.fixture(scope="module")
def browser():
    binary, driver_path = _browser_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={DESKTOP[0]},{DESKTOP[1]}", "--hide-scrollbars", "--lang=en"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    yield driver
    driver.quit()


@pytest.fixture
def open_page(browser, site):
    """Open a page of the site at desktop width; returns the driver.  Fails on any console error."""
    def go(relative: str, size: tuple[int, int] = DESKTOP):
        browser.set_window_size(*size)
        path = re.match(r"[^?#]*", relative).group()
        browser.get((site / path).as_uri() + relative[len(path):])
        WebDriverWait(browser, WAIT_S).until(lambda d: d.execute_script("return document.readyState") == "complete")
        errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
        assert errors == [], errors
        return browser
    return go


def visible_text(driver, selector: str) -> str:
    return driver.find_element(By.CSS_SELECTOR, selector).text


@pytest.mark.parametrize("page", ["index.html", f"doc/{DOC}.html", "entity/index.html", "entity/liang-wenfeng.html",
                                  "search.html?q=DeepSeek"])
def test_pages_load_without_console_errors(open_page, page):
    driver = open_page(page)
    assert driver.find_element(By.TAG_NAME, "h1").text


def test_the_script_switch_changes_the_chinese_without_reloading(open_page, shipped):
    sentence = shipped[DOC].sentences[1]
    driver = open_page(f"doc/{DOC}.html")
    driver.execute_script("window.notReloaded = true")
    selector = f'[id="{sentence.id}"]'
    assert sentence.zh in visible_text(driver, selector)
    shown = {}
    for script in ("hans", "hant", "pinyin", "orig"):
        driver.find_element(By.CSS_SELECTOR, f'[data-set-script="{script}"]').click()
        shown[script] = visible_text(driver, selector)
        layer = driver.find_element(By.CSS_SELECTOR, f"{selector} .layer-{script}")
        assert layer.is_displayed() and layer.get_attribute("lang").startswith("zh")
    assert sentence.zh_hans in shown["hans"] and sentence.zh not in shown["hans"]
    assert sentence.zh_hant in shown["hant"]
    readings = driver.find_elements(By.CSS_SELECTOR, f"{selector} .layer-pinyin rt")
    assert [r.get_attribute("lang") for r in readings][:1] == ["zh-Latn-pinyin"]
    assert [r.get_attribute("textContent") for r in readings] == list(
        filter(None, character_readings(sentence.zh_hans, sentence.zh)))
    assert sentence.zh in shown["orig"] and driver.execute_script("return window.notReloaded") is True


def test_hovering_or_focusing_an_entity_shows_its_registry_card(open_page, shipped):
    entity = next(e for e in shipped.entities if e["id"] == "deepseek")  # also in another document
    driver = open_page(f"doc/{DOC}.html")
    card = driver.find_element(By.ID, "entity-card")
    assert not card.is_displayed()
    mention = driver.find_element(By.CSS_SELECTOR, '.zh .layer-orig .ent[data-ref="deepseek"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mention)
    ActionChains(driver).move_to_element(mention).perform()
    WebDriverWait(driver, WAIT_S).until(lambda d: card.is_displayed())
    assert entity["en"] in card.text and entity["description"] in card.text and entity["zh_hans"] in card.text
    other_docs = [doc for doc in entity["documents"] if doc != DOC]
    assert len(card.find_elements(By.CSS_SELECTOR, "li a")) == len(other_docs) > 0
    driver.save_screenshot(str(SCREENSHOTS / "document.png"))
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    WebDriverWait(driver, WAIT_S).until(lambda d: not card.is_displayed())
    english = driver.find_element(By.CSS_SELECTOR, '.en .ent[data-ref="high-flyer"]')
    driver.execute_script("arguments[0].focus()", english)
    WebDriverWait(driver, WAIT_S).until(lambda d: card.is_displayed() and "High-Flyer" in card.text)


def found_ids(driver) -> list[str]:
    return [li.get_attribute("data-id") for li in driver.find_elements(By.CSS_SELECTOR, "#results > li")]


QUERIES = ["張宏江", "张宏江", "Zhang Hongjiang", "梁文鋒", "AI", "大模型", "智源", "Liang Wenfeng", "deep"]


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_what_corpus_search_finds(open_page, shipped, query):
    expected = [s.id for s in shipped.search(query)]
    assert found_ids(open_page(f"search.html?q={query}")) == expected[:500] and expected


def test_search_finds_what_corpus_search_finds_for_every_registry_name(open_page, shipped):
    names = sorted({name for e in shipped.entities
                    for name in (e["zh_hans"], e["zh_hant"], e["en"], *(e["aliases"] or [])) if name})
    driver = open_page("search.html")
    found = driver.execute_script("return arguments[0].map(function (q) { return window.zhenSearch(q); })", names)
    differ = [name for name, ids in zip(names, found) if ids != [s.id for s in shipped.search(name)]]
    assert differ == [] and len(names) > 400


def test_search_also_finds_a_taiwanese_word_as_the_traditional_layer_writes_it(open_page, shipped):
    expected = [s.id for s in shipped.sentences if "軟體" in s.zh_hant]  # 软件 in zh_hans: OpenCC maps no 軟體 back
    assert expected and not shipped.search("軟體")
    assert found_ids(open_page("search.html?q=軟體")) == expected


def test_a_traditional_name_finds_the_simplified_and_the_english_sentences(open_page, shipped):
    driver = open_page("search.html?q=張宏江")
    hits = driver.find_elements(By.CSS_SELECTOR, "#results > li")
    simplified = [h for h in hits if h.get_attribute("data-id").startswith("geekpark-zhang-hongjiang")]
    assert simplified, "no sentence of the simplified-script interview"
    first = simplified[0]
    first_id = first.get_attribute("data-id")
    marks = [m.text for m in first.find_elements(By.TAG_NAME, "mark")]
    assert marks[:2] == ["张宏江", "Zhang Hongjiang"]
    assert first.find_element(By.CSS_SELECTOR, ".zh").get_attribute("lang") == "zh-Hans"
    driver.save_screenshot(str(SCREENSHOTS / "search.png"))
    first.find_element(By.CSS_SELECTOR, "a.hit").click()
    WebDriverWait(driver, WAIT_S).until(lambda d: "/doc/geekpark-zhang-hongjiang.html#" in d.current_url)
    assert driver.execute_script("return location.hash.slice(1)") == first_id


def test_filters_narrow_the_results(open_page, shipped):
    driver = open_page("search.html?q=&entity=deepseek&speaker=liang-wenfeng")
    found = found_ids(driver)
    expected = [s.id for s in shipped.sentences if s.speaker == "liang-wenfeng"
                and any(m.ref == "deepseek" for m in s.entities + s.en_entities)]
    assert found == expected and found
    select = driver.find_element(By.ID, "f-doc")
    options = {o.get_attribute("value") for o in select.find_elements(By.TAG_NAME, "option")}
    assert options == {"", *(d.doc_id for d in shipped)}


def test_a_permalink_scrolls_its_sentence_into_view(open_page, shipped):
    sentence = shipped[DOC].sentences[120]
    driver = open_page(f"doc/{DOC}.html#{sentence.id}")
    box = driver.execute_script(
        "var r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return [r.top, r.bottom, window.innerHeight, window.scrollY];", sentence.id)
    top, bottom, height, scrolled = box
    assert scrolled > 0 and 0 <= top and bottom <= height
    assert "targeted" in driver.find_element(By.ID, sentence.id).get_attribute("class")


def test_keyboard_moves_between_sentences_and_to_the_search_box(open_page):
    driver = open_page(f"doc/{DOC}.html")
    ActionChains(driver).send_keys("j").send_keys("j").send_keys("j").send_keys("k").perform()
    rows = driver.find_elements(By.CSS_SELECTOR, ".link")
    assert driver.switch_to.active_element == rows[1]
    ActionChains(driver).send_keys("/").perform()
    assert driver.switch_to.active_element.get_attribute("id") == "site-q"


def test_phone_width_stacks_the_languages_without_sideways_scrolling(open_page):
    driver = open_page(f"doc/{DOC}.html", PHONE)
    width, scroll_width = driver.execute_script(
        "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
    assert scroll_width <= width
    link = driver.find_elements(By.CSS_SELECTOR, ".link")[3]
    zh, en = (link.find_element(By.CSS_SELECTOR, side).rect for side in (".zh", ".en"))
    assert en["y"] >= zh["y"] + zh["height"] - 1
    driver.save_screenshot(str(SCREENSHOTS / "phone.png"))
    driver.set_window_size(*DESKTOP)
