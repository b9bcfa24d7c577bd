"""The booking page (/book) in a real browser against a real server: a citizen books tomorrow's slot in Hộ tịch,
gets a code and its QR, comes back to it with /book?code=… and cancels it; a full slot cannot be chosen.

The server runs on the training clock (Monday 2026-12-07 08:00), so "tomorrow" is Tuesday 2026-12-08 and the
weekend 12–13/12 is closed. Set KHONGCHO_SCREENSHOTS=DIR to keep the screenshots.

    cd <repo> && python3 -m pytest -q e2e/test_book_page.py
"""

from __future__ import annotations

import shutil

import pytest

from conftest import ApiError, KhongChoServer
from test_browser import (  # noqa: F401
    DESKTOP, PHONE, TV, assert_no_script_errors, browser, open_page, scan_qr_on_screen, screenshot, text_of, wait_enabled,
    wait_for, wait_hidden, wait_text, wait_visible)
from test_page_tour import small_text

TOMORROW = "2026-12-08"
SATURDAY = "2026-12-12"
FIELD = "ho-tich"
NOTE = ("Đến ki-ốt trong ngày hẹn, quét mã QR hoặc nhập mã để lấy số. "
        "Lịch hẹn bị huỷ nếu không đến trong vòng 10 phút sau giờ hẹn.")


def day(date: str) -> str:
    return f'[data-testid="book-day"][data-date="{date}"]'


def slot(time: str) -> str:
    return f'[data-testid="book-slot"][data-slot="{time}"]'


def choose_day(page, date: str = TOMORROW) -> None:
    """Opens the steps at /book and picks Hộ tịch, then `date`."""
    wait_enabled(page, f'[data-testid="book-field"][data-field="{FIELD}"]', timeout=10).click()
    wait_enabled(page, day(date), timeout=10).click()
    # The day's slots show at once and are then read again (aria-busy): wait for that, or a click may hit a
    # button the page is replacing.
    wait_visible(page, '[data-testid="book-slots"][aria-busy="false"] .choice')


def fill(server: KhongChoServer, time: str, places: int = 4) -> None:
    for _ in range(places):
        server.api("POST", "/api/v1/bookings", {"field": FIELD, "date": TOMORROW, "slot": time})


def assert_reads_well(page, name: str) -> None:
    """Nothing runs off the side and no text is too small to read (as the page tour checks every page)."""
    width = page.execute_script("return [document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1], f"{name}: the page is {width[0]} px wide on a {width[1]} px screen"
    assert small_text(page) == [], f"{name}: text under 12 px"


@pytest.mark.parametrize("size", [PHONE, TV], ids=["phone", "1080p"])
def test_book_come_back_and_cancel(khongcho_server: KhongChoServer, browser, size, tmp_path) -> None:
    server = khongcho_server
    name = f"{size[0]}x{size[1]}"
    page = browser(size)
    open_page(page, f"{server.base_url}/book", size)
    wait_text(page, ".book-heading", "Đặt lịch hẹn", timeout=10)
    wait_visible(page, '[data-testid="book-field"]')
    screenshot(page, f"book-start-{name}")

    choose_day(page)
    # The weekend is shown but closed; tomorrow has every place free.
    assert not page.find_element("css selector", day(SATURDAY)).is_enabled()
    assert "nghỉ" in text_of(page, day(SATURDAY))
    wait_text(page, slot("09:00"), "09:00 – còn 4 chỗ")
    page.find_element("css selector", slot("09:00")).click()
    wait_text(page, '[data-testid="book-summary"]', "Hộ tịch · Thứ Ba, 08/12/2026 · 09:00")
    assert_reads_well(page, "steps")
    screenshot(page, f"book-steps-{name}")

    wait_enabled(page, '[data-testid="book-confirm"]').click()
    code = wait_for(page, lambda d: text_of(d, '[data-testid="booking-code"]'), 5, "no booking code shown")
    stored = server.api("GET", f"/api/v1/bookings/{code}")
    assert (stored["code"], stored["state"], stored["field"], stored["date"], stored["slot"]) == (code, "booked", FIELD, TOMORROW, "09:00")
    assert page.current_url.endswith(f"/book?code={code}"), "a reload must come back to the booking"
    wait_text(page, '[data-testid="booking-state"]', "Đã đặt lịch")
    wait_text(page, '[data-testid="booking-field"]', "Hộ tịch")
    wait_text(page, '[data-testid="booking-day"]', "Thứ Ba, 08/12/2026")
    wait_text(page, '[data-testid="booking-time"]', "09:00")
    wait_text(page, '[data-testid="booking-note"]', NOTE)
    qr = wait_visible(page, '[data-testid="booking-qr"]')
    assert qr.get_attribute("src").endswith(f"/api/v1/bookings/{code}/qr.svg")
    wait_for(page, lambda d: d.execute_script("const i = arguments[0]; return i.complete && i.naturalWidth > 0;", qr),
             5, "the QR image never loaded")
    if shutil.which("zbarimg"):
        assert scan_qr_on_screen(page, '[data-testid="booking-qr"]', tmp_path / "qr.png", code) == code
    assert_reads_well(page, "booking")
    screenshot(page, f"book-done-{name}")

    # Someone else opening the page sees one place fewer in that slot.
    open_page(page, f"{server.base_url}/book", size)
    choose_day(page)
    wait_text(page, slot("09:00"), "09:00 – còn 3 chỗ")
    wait_text(page, slot("09:30"), "09:30 – còn 4 chỗ")

    # The citizen comes back with the code and cancels, after saying yes once more.
    open_page(page, f"{server.base_url}/book?code={code}", size)
    wait_text(page, '[data-testid="booking-code"]', code, timeout=10)
    wait_enabled(page, '[data-testid="booking-cancel"]').click()
    wait_visible(page, '[data-testid="cancel-confirm"]')
    assert server.api("GET", f"/api/v1/bookings/{code}")["state"] == "booked", "asking is not cancelling"
    screenshot(page, f"book-cancel-ask-{name}")
    page.find_element("css selector", '[data-testid="cancel-yes"]').click()
    wait_text(page, '[data-testid="booking-state"]', "Đã huỷ")
    assert server.api("GET", f"/api/v1/bookings/{code}")["state"] == "cancelled"
    wait_hidden(page, '[data-testid="booking-qr"]')
    wait_hidden(page, '[data-testid="booking-cancel"]')
    wait_text(page, '[data-testid="booking-note"]', "Lịch hẹn này đã được huỷ.")
    screenshot(page, f"book-cancelled-{name}")
    assert_no_script_errors(page)


def test_full_slot_is_disabled_and_a_lost_race_is_said_in_words(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    fill(server, "10:00")
    page = browser(PHONE)
    open_page(page, f"{server.base_url}/book", PHONE)
    choose_day(page)
    wait_text(page, slot("10:00"), "10:00 – hết chỗ")
    assert not page.find_element("css selector", slot("10:00")).is_enabled()
    wait_text(page, slot("10:30"), "10:30 – còn 4 chỗ")

    # The citizen picks 10:30, but others take its last places before they confirm.
    page.find_element("css selector", slot("10:30")).click()
    wait_visible(page, '[data-testid="book-confirm"]')
    fill(server, "10:30")
    page.find_element("css selector", '[data-testid="book-confirm"]').click()
    wait_text(page, '[data-testid="book-error"]', "Khung giờ 10:30 ngày 08/12/2026 đã kín chỗ; hãy chọn khung khác.")
    wait_text(page, slot("10:30"), "10:30 – hết chỗ")
    assert not page.find_element("css selector", slot("10:30")).is_enabled()
    wait_hidden(page, '[data-testid="book-confirm"]')
    page.execute_script("document.querySelector('[data-testid=book-slots]').scrollIntoView({block: 'start'})")
    screenshot(page, "book-full-slot-390x844")
    assert_no_script_errors(page)


def test_english_and_an_unknown_code(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    page = browser(PHONE)
    open_page(page, f"{server.base_url}/book?code=ZZZZ2222", PHONE)
    wait_text(page, '[data-testid="book-error"]', "Không có lịch hẹn mã “ZZZZ2222”.", timeout=10)
    # An unknown code still leaves the way to book open.
    wait_visible(page, '[data-testid="book-field"]')

    page.find_element("css selector", '[data-testid="lang-switch"]').click()
    wait_text(page, ".book-heading", "Book an appointment")
    wait_text(page, '[data-testid="book-error"]', "No booking with code 'ZZZZ2222'.")
    choose_day(page)
    wait_text(page, f'[data-testid="book-field"][data-field="{FIELD}"]', "Civil status")
    assert "closed" in text_of(page, day(SATURDAY))
    wait_text(page, slot("08:00"), "08:00 – 4 left")
    page.find_element("css selector", slot("08:00")).click()
    wait_text(page, '[data-testid="book-summary"]', "Civil status · Tuesday, 08/12/2026 · 08:00")
    assert_reads_well(page, "english")
    page.execute_script("document.getElementById('step-day').scrollIntoView({block: 'start'})")
    screenshot(page, "book-english-390x844")
    wait_enabled(page, '[data-testid="book-confirm"]').click()
    code = wait_for(page, lambda d: text_of(d, '[data-testid="booking-code"]'), 5, "no booking code shown")
    wait_text(page, '[data-testid="booking-state"]', "Booked")
    assert server.api("GET", f"/api/v1/bookings/{code}")["slot"] == "08:00"
    with pytest.raises(ApiError):
        server.api("GET", "/api/v1/bookings/ZZZZ2222")
    assert_no_script_errors(page)
