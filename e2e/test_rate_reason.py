"""The rating tablet's one question after "không hài lòng", in a real browser against a real server: a level-4 rating,
tapped on the tablet or pressed on the counter's keypad (heard on the live stream), asks "Vì sao quý khách chưa hài
lòng?" with five big answers; one tap stores the reason (POST /api/v1/ratings/{id}/reason) and thanks the citizen;
nobody answering for 20 s puts the faces back.

    cd <repo> && python3 -m pytest -q e2e/test_rate_reason.py

Set KHONGCHO_SCREENSHOTS=/tmp/shots to keep PNGs of the question at 1280×800 and 1920×1080.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from conftest import KhongChoServer
from test_browser import (  # noqa: F401  (browser is a fixture)
    KIOSK, TV, assert_no_script_errors, browser, open_page, screenshot, text_of, wait_enabled, wait_hidden, wait_text,
    wait_visible)
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

COUNTER = 3  # quay3's counter, which serves Hộ tịch (B…)
QUESTION = "Vì sao quý khách chưa hài lòng?"
ANSWERS = ["Thời gian chờ lâu", "Thái độ phục vụ", "Hướng dẫn chưa rõ", "Giấy tờ, thủ tục", "Lý do khác"]


def ratings(server: KhongChoServer, counter: int = COUNTER) -> list[dict[str, Any]]:
    """Today's ratings at the counter, as the supervisor reads them."""
    return server.api("GET", f"/api/v1/ratings?counter={counter}", token=server.login("giamsat"))["ratings"]


def open_tablet(browser, server: KhongChoServer, size=KIOSK) -> WebDriver:
    """The tablet at COUNTER, following the live stream: a ticket called there shows on it, so the stream is open
    before the test presses anything (rating events are live only, never replayed)."""
    tablet = browser(size)
    open_page(tablet, f"{server.base_url}/rate/{COUNTER}", size)
    wait_text(tablet, "#rate-counter", f"Quầy {COUNTER}")
    server.issue("ho-tich")
    ticket = server.call_next(COUNTER, server.login(f"quay{COUNTER}"))
    wait_text(tablet, "#rate-ticket", ticket["number"], timeout=10)
    return tablet


def reason_texts(tablet: WebDriver) -> list[str]:
    return [b.text.strip() for b in tablet.find_elements(By.CSS_SELECTOR, "#reason-buttons .reason-btn")]


def test_a_tap_on_khong_hai_long_asks_why_and_stores_the_answer(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    tablet = open_tablet(browser, server)

    # A double tap on "Không hài lòng": one rating, then the question instead of the faces.
    tablet.execute_script("const b = document.querySelector('[data-level=\"4\"]'); b.click(); b.click();")
    wait_text(tablet, "#reason-title", QUESTION)
    assert reason_texts(tablet) == ANSWERS
    assert not tablet.find_element(By.ID, "rate-buttons").is_displayed()
    assert not tablet.find_element(By.ID, "thanks").is_displayed()
    sizes = [(b.rect["width"], b.rect["height"]) for b in tablet.find_elements(By.CSS_SELECTOR, ".reason-btn")]
    assert min(min(w, h) for w, h in sizes) >= 100, sizes  # big enough for a thumb from a chair
    screenshot(tablet, "rate-reason-1280x800")
    stored = ratings(server)
    assert [(r["level"], r.get("reason")) for r in stored] == [(4, None)], stored

    # A double tap on "Thái độ phục vụ": the thank-you, and the reason stored once.
    tablet.execute_script(
        "const b = document.querySelector('[data-reason=\"attitude\"]'); b.click(); b.click();")
    wait_visible(tablet, "#thanks")
    assert text_of(tablet, "#thanks .thanks-title") == "Cảm ơn quý khách!"
    assert not tablet.find_element(By.ID, "reason").is_displayed()
    wait_hidden(tablet, "#thanks", timeout=6)
    wait_enabled(tablet, '[data-level="1"]')
    # The tablet's own rating came back on the stream too: it does not ask again.
    time.sleep(0.5)
    assert not tablet.find_element(By.ID, "reason").is_displayed()
    stored = ratings(server)
    assert [(r["level"], r.get("reason")) for r in stored] == [(4, "attitude")], stored

    # A happier citizen (after the server's 3 s in which presses at a counter count as one): no question, straight to
    # the thank-you.
    tablet.find_element(By.CSS_SELECTOR, '[data-level="2"]').click()
    wait_visible(tablet, "#thanks")
    assert not tablet.find_element(By.ID, "reason").is_displayed()
    wait_hidden(tablet, "#thanks", timeout=6)
    assert sorted(r["level"] for r in ratings(server)) == [2, 4]
    assert_no_script_errors(tablet)


def test_a_keypad_khong_hai_long_asks_on_the_tablet(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    tablet = open_tablet(browser, server)

    # Another counter's "không hài lòng": not this tablet's question.
    server.api("POST", "/api/v1/ratings", {"counter": 1, "level": 4})
    time.sleep(1)
    assert not tablet.find_element(By.ID, "reason").is_displayed()
    assert tablet.find_element(By.CSS_SELECTOR, '[data-level="4"]').is_displayed()

    # The counter's keypad says "không hài lòng" (a rating posted without the tablet): the tablet asks why.
    answer = server.api("POST", "/api/v1/ratings", {"counter": COUNTER, "level": 4})
    rating_id = answer["rating"]["id"]
    wait_text(tablet, "#reason-title", QUESTION, timeout=5)
    assert reason_texts(tablet) == ANSWERS

    # In English too, on the same question.
    tablet.find_element(By.ID, "lang-switch").click()
    wait_text(tablet, "#reason-title", "Why were you not satisfied?")
    assert reason_texts(tablet)[0] == "Long wait"
    tablet.find_element(By.ID, "lang-switch").click()
    wait_text(tablet, "#reason-title", QUESTION)

    tablet.find_element(By.CSS_SELECTOR, '[data-reason="waiting"]').click()
    wait_visible(tablet, "#thanks")
    wait_hidden(tablet, "#thanks", timeout=6)
    stored = {r["id"]: r for r in ratings(server)}
    assert stored[rating_id].get("reason") == "waiting", stored
    assert [r.get("reason") for r in stored.values()] == ["waiting"], stored
    assert_no_script_errors(tablet)


def test_an_unanswered_question_goes_after_20_seconds(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    tablet = open_tablet(browser, server, TV)
    server.api("POST", "/api/v1/ratings", {"counter": COUNTER, "level": 4})
    wait_text(tablet, "#reason-title", QUESTION, timeout=5)
    asked = time.monotonic()
    screenshot(tablet, "rate-reason-1920x1080")

    # Nobody answers: the faces come back by themselves after 20 s, with no thank-you to nobody.
    wait_visible(tablet, '[data-level="4"]', timeout=25)
    waited = time.monotonic() - asked
    assert 19 <= waited <= 23, waited
    assert not tablet.find_element(By.ID, "reason").is_displayed()
    assert not tablet.find_element(By.ID, "thanks").is_displayed()
    assert [r.get("reason") for r in ratings(server)] == [None]

    # The tablet takes the next rating at once.
    tablet.find_element(By.CSS_SELECTOR, '[data-level="1"]').click()
    wait_visible(tablet, "#thanks")
    assert_no_script_errors(tablet)
