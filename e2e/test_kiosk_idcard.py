"""A chip ID card (CCCD) or VNeID QR at the kiosk, in a real browser against a real server: the hall's scanner types
the card's text (fields separated by "|") and Enter; the kiosk greets the citizen by name, and the next ticket
carries the name; a booking of today for that name and ID is offered as "Nhận số theo lịch hẹn 09:00"; a card the
server cannot read is said in its words; the greeting goes after the ticket and on the idle reset.

    cd <repo> && python3 -m pytest -q e2e/test_kiosk_idcard.py

Set KHONGCHO_SCREENSHOTS=/tmp/shots to keep PNGs of the greeting at 1280×800 and 1080×1920.
"""

from __future__ import annotations

import time
import unicodedata

import pytest

from conftest import OPEN_HOUR, ApiError, KhongChoServer
from test_browser import (  # noqa: F401  (browser is a fixture)
    KIOSK, assert_no_script_errors, browser, open_kiosk, open_page, screenshot, text_of, wait_enabled, wait_hidden,
    wait_text, wait_visible)
from test_kiosk_booking import booking, open_booking_screen, scan
from test_kiosk_steps import PIN, PORTRAIT, by_testid, require_kiosk_settings, set_pin, within_viewport
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

TODAY = OPEN_HOUR[:10]  # the training clock's day: Monday 2026-12-07, 08:00
NAME = "Trần Thị Bình"
# A made-up card: number | old number (none) | name | birth date | sex | address | issue date.
CARD = unicodedata.normalize("NFC", f"001185012345||{NAME}|02021985|Nữ|5 Tràng Tiền, Phường Hoàn Kiếm, Hà Nội|10052022")
ID_LAST4 = "2345"
MALFORMED = "079203001234|Nguyen"


def waiting_total(server: KhongChoServer) -> int:
    return sum(f["waiting"] for f in server.api("GET", "/api/v1/hall")["fields"])


def refusal(server: KhongChoServer, data: str) -> str:
    """What the server says about a card it cannot read (422), in Vietnamese."""
    with pytest.raises(ApiError) as refused:
        server.api("POST", "/api/v1/kiosk/id-scan", {"data": data})
    assert refused.value.status == 422, refused.value.body
    return refused.value.body["error"]["message"]


def greeted(kiosk: WebDriver, name: str = NAME) -> None:
    wait_text(kiosk, by_testid("idcard-hello"), f"Xin chào {name}", timeout=10)


def test_a_scanned_card_greets_and_the_ticket_carries_the_name(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    kiosk = open_kiosk(browser, server)
    assert not kiosk.find_element(By.CSS_SELECTOR, by_testid("idcard-panel")).is_displayed()

    # The scanner types the card (spaces and all) with a field button focused: neither a space nor the Enter presses
    # it; the kiosk greets the citizen and issues nothing yet.
    kiosk.execute_script("document.querySelector('.field-btn[data-field=\"ho-tich\"]').focus()")
    scan(kiosk, CARD)
    greeted(kiosk)
    assert text_of(kiosk, by_testid("idcard-hint")) == "Chạm vào lĩnh vực để lấy số mang tên quý khách"
    assert not kiosk.find_element(By.CSS_SELECTOR, by_testid("idcard-booking")).is_displayed()
    assert kiosk.find_element(By.ID, "field-grid").is_displayed()
    assert waiting_total(server) == 0
    screenshot(kiosk, "idcard-1280x800-1-hello")
    assert within_viewport(kiosk, ".field-btn, [data-testid=idcard-panel], [data-testid=priority-step]") == []

    # English, then back.
    kiosk.find_element(By.CSS_SELECTOR, by_testid("lang-switch")).click()
    wait_text(kiosk, by_testid("idcard-hello"), f"Hello, {NAME}")
    kiosk.find_element(By.CSS_SELECTOR, by_testid("lang-switch")).click()
    greeted(kiosk)

    # A field: the ticket screen shows the name.
    kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="dat-dai"]').click()
    wait_text(kiosk, by_testid("issued-number"), "A001", timeout=10)
    wait_text(kiosk, by_testid("issued-citizen"), f"Công dân: {NAME}")
    screenshot(kiosk, "idcard-1280x800-2-ticket")

    # Back at the start the greeting is gone, and the next ticket is nobody's.
    kiosk.find_element(By.ID, "btn-done").click()
    wait_visible(kiosk, '.field-btn[data-field="dat-dai"]')
    assert not kiosk.find_element(By.CSS_SELECTOR, by_testid("idcard-panel")).is_displayed()
    kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="dat-dai"]').click()
    wait_text(kiosk, by_testid("issued-number"), "A002", timeout=10)
    assert text_of(kiosk, by_testid("issued-citizen")) == ""
    kiosk.find_element(By.ID, "btn-done").click()

    # Scanned on the booking screen: a card, not a booking code — back on the fields, greeted.
    open_booking_screen(kiosk)
    scan(kiosk, CARD)
    greeted(kiosk)
    assert kiosk.find_element(By.ID, "field-grid").is_displayed()
    # "Không phải tôi": the greeting goes, and the next ticket is nobody's.
    kiosk.find_element(By.CSS_SELECTOR, by_testid("idcard-clear")).click()
    wait_hidden(kiosk, by_testid("idcard-panel"))
    assert waiting_total(server) == 2
    assert_no_script_errors(kiosk)


def test_a_card_the_server_cannot_read_is_said_in_its_words(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    words = refusal(server, MALFORMED)
    kiosk = open_kiosk(browser, server)

    scan(kiosk, MALFORMED)
    wait_text(kiosk, by_testid("idcard-hello"), "Chưa đọc được thẻ", timeout=10)
    assert text_of(kiosk, by_testid("idcard-hint")) == words
    assert not kiosk.find_element(By.CSS_SELECTOR, by_testid("idcard-clear")).is_displayed()
    # Not taken for a booking code either: still on the fields, nothing issued.
    assert kiosk.find_element(By.ID, "field-grid").is_displayed()
    assert waiting_total(server) == 0
    screenshot(kiosk, "idcard-1280x800-3-refused")

    # The next scan, a good one, replaces the message; a ticket then carries the name.
    scan(kiosk, CARD)
    greeted(kiosk)
    kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="ho-tich"]').click()
    wait_text(kiosk, by_testid("issued-citizen"), f"Công dân: {NAME}", timeout=10)
    assert_no_script_errors(kiosk)


def test_a_booked_citizen_is_offered_the_check_in(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    token = server.login("quay3")
    # Only staff may book today (a citizen books from tomorrow), and only a slot after the server's 08:00.
    booked = server.api("POST", "/api/v1/bookings",
                        {"field": "ho-tich", "date": TODAY, "slot": "09:00", "name": NAME, "idLast4": ID_LAST4},
                        token=token)
    # Someone else's booking at the same time: not offered to this card.
    server.api("POST", "/api/v1/bookings",
               {"field": "dat-dai", "date": TODAY, "slot": "09:00", "name": "Phạm Văn Dũng", "idLast4": "9999"},
               token=token)
    kiosk = open_kiosk(browser, server)

    scan(kiosk, CARD)
    greeted(kiosk)
    wait_text(kiosk, by_testid("idcard-booking"), "Nhận số theo lịch hẹn 09:00")
    assert text_of(kiosk, by_testid("idcard-hint")) == "Quý khách có lịch hẹn hôm nay"
    screenshot(kiosk, "idcard-1280x800-4-booking")
    assert within_viewport(kiosk, ".field-btn, [data-testid=idcard-panel], [data-testid=idcard-booking]") == []

    kiosk.find_element(By.CSS_SELECTOR, by_testid("idcard-booking")).click()
    wait_text(kiosk, by_testid("issued-number"), "B001", timeout=10)
    wait_text(kiosk, by_testid("issued-booking"), "Lịch hẹn 09:00")
    wait_text(kiosk, by_testid("issued-citizen"), f"Công dân: {NAME}")
    checked = booking(server, booked["code"])
    assert checked["state"] == "checked-in" and checked["ticket"] == "B001", checked

    # Checked in, the booking is no longer offered: the same card now only greets.
    kiosk.find_element(By.ID, "btn-done").click()
    wait_visible(kiosk, '.field-btn[data-field="ho-tich"]')
    scan(kiosk, CARD)
    greeted(kiosk)
    assert not kiosk.find_element(By.CSS_SELECTOR, by_testid("idcard-booking")).is_displayed()
    assert_no_script_errors(kiosk)


def test_the_idle_reset_forgets_the_card(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    require_kiosk_settings(server)
    set_pin(server)
    key = server.api("POST", "/api/v1/kiosk/unlock", {"pin": PIN})["token"]
    server.api("PUT", "/api/v1/kiosk/settings",
               {"token": key, "language": "vi", "idleSeconds": 10, "fields": None, "printer": None})
    kiosk = open_kiosk(browser, server)

    scan(kiosk, CARD)
    greeted(kiosk)
    left = time.monotonic()
    wait_hidden(kiosk, by_testid("idcard-panel"), timeout=20)
    assert 9 <= time.monotonic() - left <= 14, time.monotonic() - left
    # The citizen went with the greeting: the next ticket is nobody's.
    kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="ho-tich"]').click()
    wait_text(kiosk, by_testid("issued-number"), "B001", timeout=10)
    assert text_of(kiosk, by_testid("issued-citizen")) == ""
    assert_no_script_errors(kiosk)


def test_the_greeting_fits_a_portrait_kiosk(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    server.api("POST", "/api/v1/bookings",
               {"field": "ho-tich", "date": TODAY, "slot": "09:00", "name": NAME, "idLast4": ID_LAST4},
               token=server.login("quay3"))
    kiosk = browser(PORTRAIT)
    open_page(kiosk, f"{server.base_url}/kiosk", PORTRAIT)
    wait_enabled(kiosk, '.field-btn[data-field="ho-tich"]')
    scan(kiosk, CARD)
    wait_text(kiosk, by_testid("idcard-booking"), "Nhận số theo lịch hẹn 09:00", timeout=10)
    screenshot(kiosk, "idcard-1080x1920-booking")
    assert within_viewport(kiosk, ".field-btn, [data-testid=idcard-panel], [data-testid=idcard-booking], "
                                  "[data-testid=priority-step]") == []
    assert_no_script_errors(kiosk)
