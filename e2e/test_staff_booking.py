"""Booking on a citizen's behalf at the counter desk, in a real browser against a real server: the officer picks a
field (the counter's own first), a day (today's later slots included) and a slot with its places left, adds the
citizen's name and the last 4 digits of their ID card, and books; the code shows big with its QR, ready to print.
Mistakes are said before sending; the server's refusals (a slot just filled) in words. (A phone with the citizen's
SMS consent comes later, with the SMS.)

The server runs on the training clock (Monday 2026-12-07 08:00). Set KHONGCHO_SCREENSHOTS=DIR to keep screenshots.

    cd <repo> && python3 -m pytest -q e2e/test_staff_booking.py
"""

from __future__ import annotations

import shutil

import pytest

from conftest import OPEN_HOUR, ApiError, KhongChoServer
from test_browser import (  # noqa: F401  (browser is a fixture)
    DESKTOP, assert_no_script_errors, browser, choose_option, click_live, scan_qr_on_screen, screenshot, text_of,
    wait_enabled, wait_for, wait_hidden, wait_text, wait_visible)
from test_pages_nowait import page_login
from selenium.webdriver.common.by import By

TODAY = OPEN_HOUR[:10]
FIELD = "ho-tich"


def slot(time: str) -> str:
    return f'#booking-slots [data-slot="{time}"]'


def book_for(server: KhongChoServer, token: str, time: str, places: int = 1) -> None:
    for _ in range(places):
        server.api("POST", "/api/v1/bookings", {"field": FIELD, "date": TODAY, "slot": time}, token=token)


def test_an_officer_books_for_a_citizen_and_sees_the_code(khongcho_server: KhongChoServer, browser, tmp_path) -> None:
    server = khongcho_server
    officer = server.login("quay4")
    book_for(server, officer, "10:00", 3)  # one place left at 10:00
    page = page_login(browser, server, "/staff", DESKTOP, "quay4")
    wait_visible(page, "#desk-view")
    wait_text(page, '[data-testid="booking-panel"] h2', "ĐẶT LỊCH HẸN")  # panel titles are set in capitals

    # The counter's own fields first (counter 4: Hộ tịch, Chứng thực), the others after them.
    wait_for(page, lambda d: d.find_element(By.ID, "booking-field").get_attribute("value") == FIELD, 10, "field")
    groups = page.find_elements(By.CSS_SELECTOR, "#booking-field optgroup")
    assert [g.get_attribute("label") for g in groups] == ["Lĩnh vực của quầy", "Lĩnh vực khác"]
    assert [o.text for o in groups[0].find_elements(By.TAG_NAME, "option")] == ["Hộ tịch", "Chứng thực"]

    # Today, with its later slots: 08:00 has begun, 10:00 has one place left.
    wait_for(page, lambda d: d.find_element(By.ID, "booking-day").get_attribute("value") == TODAY, 10, "today")
    assert "Thứ Hai, 07/12/2026 (hôm nay)" in text_of(page, f'#booking-day option[value="{TODAY}"]')
    wait_text(page, f"{slot('10:00')} .slot-left", "còn 1 chỗ")
    wait_text(page, f"{slot('09:00')} .slot-left", "còn 4 chỗ")
    assert page.find_elements(By.CSS_SELECTOR, slot("08:00")) == []

    # Mistakes are said here first.
    page.find_element(By.ID, "booking-submit").click()
    wait_text(page, "#booking-error", "Hãy chọn giờ hẹn.")
    click_live(page, slot("09:00"))
    assert page.find_element(By.CSS_SELECTOR, slot("09:00")).get_attribute("aria-pressed") == "true"
    page.find_element(By.ID, "booking-name").send_keys("Lê Văn Cường")
    page.find_element(By.ID, "booking-idlast4").send_keys("12a4")
    page.find_element(By.ID, "booking-submit").click()
    wait_text(page, "#booking-error", "4 số cuối căn cước gồm đúng 4 chữ số.")
    page.find_element(By.ID, "booking-idlast4").clear()
    page.find_element(By.ID, "booking-idlast4").send_keys("4321")
    screenshot(page, "staff-booking-1-form")
    page.find_element(By.ID, "booking-submit").click()

    # The code, big, with its QR, where and when, and whose.
    code = wait_for(page, lambda d: text_of(d, "#booking-code"), 10, "no booking code shown")
    assert len(code) == 8, code
    wait_text(page, "#booking-when", "Hộ tịch · Thứ Hai, 07/12/2026 · 09:00")
    wait_text(page, "#booking-for", "Công dân: Lê Văn Cường")
    assert not page.find_element(By.ID, "booking-form").is_displayed()
    stored = server.api("GET", f"/api/v1/bookings/{code}")
    assert (stored["state"], stored["field"], stored["date"], stored["slot"]) == ("booked", FIELD, TODAY, "09:00"), stored
    qr = wait_visible(page, "#booking-qr")
    assert qr.get_attribute("src").endswith(f"/api/v1/bookings/{code}/qr.svg")
    wait_for(page, lambda d: d.execute_script("const i = arguments[0]; return i.complete && i.naturalWidth > 0;", qr),
             5, "the QR image never loaded")
    if shutil.which("zbarimg"):
        assert scan_qr_on_screen(page, "#booking-qr", tmp_path / "qr.png", code) == code
    page.execute_script("document.getElementById('booking-result').scrollIntoView({block: 'center'})")
    screenshot(page, "staff-booking-2-code")

    # Printed, the page is the slip alone: the code and its QR, nothing of the desk.
    page.execute_script("document.body.classList.add('print-booking')")
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    visibility = page.execute_script(
        "return ['booking-code', 'booking-qr', 'btn-next', 'queue-list', 'booking-print']"
        ".map((id) => getComputedStyle(document.getElementById(id)).visibility)")
    assert visibility == ["visible", "visible", "hidden", "hidden", "hidden"], visibility
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    page.execute_script("document.body.classList.remove('print-booking')")

    # "Đặt lịch khác": an empty form, the day read again (one place fewer at 09:00).
    page.find_element(By.ID, "booking-again").click()
    wait_visible(page, "#booking-form")
    assert [page.find_element(By.ID, i).get_attribute("value") for i in ("booking-name", "booking-idlast4")] == ["", ""]
    wait_text(page, f"{slot('09:00')} .slot-left", "còn 3 chỗ")

    # The last place at 10:00 goes elsewhere while the officer fills the form: the server's words, the slot now full.
    click_live(page, slot("10:00"))
    book_for(server, officer, "10:00")
    with pytest.raises(ApiError) as refused:
        book_for(server, officer, "10:00")
    assert refused.value.status == 409
    words = refused.value.body["error"]["message"]
    page.find_element(By.ID, "booking-submit").click()
    wait_text(page, "#booking-error", words)
    wait_text(page, f"{slot('10:00')} .slot-left", "hết chỗ")
    assert not page.find_element(By.CSS_SELECTOR, slot("10:00")).is_enabled()
    screenshot(page, "staff-booking-3-full")

    # In English.
    page.find_element(By.ID, "lang-switch").click()
    wait_text(page, '[data-testid="booking-panel"] h2', "BOOK AN APPOINTMENT")
    wait_text(page, f"{slot('09:00')} .slot-left", "3 left")
    assert "(today)" in text_of(page, f'#booking-day option[value="{TODAY}"]')
    assert_no_script_errors(page)


def test_a_supervisor_books_another_day_and_signing_out_forgets_the_citizen(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    page = page_login(browser, server, "/staff", DESKTOP, "giamsat")
    wait_visible(page, "#desk-view")
    wait_for(page, lambda d: d.find_element(By.ID, "booking-day").get_attribute("value") == TODAY, 10, "today")
    choose_option(page, "#booking-field", "dat-dai")
    # The weekend is listed but cannot be chosen.
    wait_for(page, lambda d: d.find_elements(By.CSS_SELECTOR, '#booking-day option[value="2026-12-12"]'), 10, "Saturday")
    saturday = page.find_element(By.CSS_SELECTOR, '#booking-day option[value="2026-12-12"]')
    assert "nghỉ" in saturday.text and not saturday.is_enabled()
    choose_option(page, "#booking-day", "2026-12-08")
    wait_text(page, f"{slot('08:00')} .slot-left", "còn 4 chỗ")
    click_live(page, slot("08:00"))
    page.find_element(By.ID, "booking-name").send_keys("Phạm Thị Dung")
    page.find_element(By.ID, "booking-submit").click()
    code = wait_for(page, lambda d: text_of(d, "#booking-code"), 10, "no booking code shown")
    wait_text(page, "#booking-when", "Đất đai · Thứ Ba, 08/12/2026 · 08:00")
    assert server.api("GET", f"/api/v1/bookings/{code}")["date"] == "2026-12-08"

    # Signing out leaves nothing of the citizen on the shared desk.
    page.find_element(By.ID, "btn-logout").click()
    wait_visible(page, "#login-form")
    assert page.execute_script("return document.getElementById('booking-code').textContent") == ""
    assert page.execute_script("return document.getElementById('booking-name').value") == ""
    assert_no_script_errors(page)
