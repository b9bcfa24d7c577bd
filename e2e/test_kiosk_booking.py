"""Booking check-in at the kiosk in a real browser against a real server: "Tôi có lịch hẹn" in the heading over the
fields opens a keypad for the 8-character code; a USB barcode scanner in keyboard-wedge mode types the code and
Enter, on the field screen as well as on the booking screen. The ticket screen shows the number with "Lịch hẹn
09:00"; a refusal is shown in the server's words; the idle reset leaves the next citizen an empty code.

    cd <repo> && python3 -m pytest -q e2e/test_kiosk_booking.py

Set KHONGCHO_SCREENSHOTS=/tmp/shots to keep PNGs of the booking screens at 1920×1080, 1080×1920 and 1280×800.
"""

from __future__ import annotations

import time

import pytest

from conftest import OPEN_HOUR, ApiError, KhongChoServer
from test_browser import (  # noqa: F401  (browser is a fixture)
    KIOSK, TV, assert_no_script_errors, browser, open_kiosk, open_page, screenshot, text_of, wait_enabled, wait_for,
    wait_text, wait_visible)
from test_kiosk_steps import PIN, PORTRAIT, by_testid, require_kiosk_settings, set_pin, within_viewport
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

TODAY = OPEN_HOUR[:10]  # the training clock's day: Monday 2026-12-07, 08:00


def book_today(server: KhongChoServer, field: str = "ho-tich", slot: str = "09:00") -> dict:
    """A booking for one of today's later slots: only staff may book today (a citizen books from tomorrow)."""
    token = server.login("quay3")
    try:
        slots = server.api("GET", f"/api/v1/bookings/slots?field={field}&date={TODAY}", token=token)
    except ApiError as error:
        if error.status == 404:
            pytest.skip("this khongcho binary has no bookings yet")
        raise
    assert slot in [s["slot"] for s in slots if s["remaining"] > 0], slots
    return server.api("POST", "/api/v1/bookings", {"field": field, "date": TODAY, "slot": slot}, token=token)


def open_booking_screen(kiosk: WebDriver) -> None:
    wait_enabled(kiosk, by_testid("booking-step")).click()
    wait_visible(kiosk, by_testid("booking-screen"))


def type_on_keypad(kiosk: WebDriver, code: str) -> None:
    """The code touched key by key on the kiosk's own keypad (no keyboard on a kiosk)."""
    for char in code:
        kiosk.find_element(By.CSS_SELECTOR, f'#booking-keypad [data-key="{char}"]').click()


def code_typed(kiosk: WebDriver) -> str:
    return kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-code-input")).get_attribute("value")


def scan(kiosk: WebDriver, text: str) -> None:
    """What a keyboard-wedge scanner does with a QR code: its text typed in one quick burst, then Enter, to whatever
    has the focus (the page, on a kiosk)."""
    ActionChains(kiosk).send_keys(text + Keys.ENTER).perform()


def booking(server: KhongChoServer, code: str) -> dict:
    return server.api("GET", f"/api/v1/bookings/{code}")


def test_a_booking_code_typed_on_the_keypad_takes_its_number(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    booked = book_today(server, "ho-tich", "09:00")
    code = booked["code"]
    assert booked["state"] == "booked" and len(code) == 8
    kiosk = open_kiosk(browser, server)

    # The way in sits in the heading, above the field buttons, never over one.
    step = wait_visible(kiosk, by_testid("booking-step"))
    assert step.text.replace("›", "").strip() == "Tôi có lịch hẹn"
    highest = min(b.rect["y"] for b in kiosk.find_elements(By.CSS_SELECTOR, ".field-btn"))
    assert step.rect["y"] + step.rect["height"] <= highest - 0.5, (step.rect, highest)

    # The booking screen: an empty code, 32 keys plus Xoá and Lấy số, and Quay lại.
    open_booking_screen(kiosk)
    assert not kiosk.find_element(By.ID, "field-grid").is_displayed()
    assert code_typed(kiosk) == ""
    keys = [k.get_attribute("data-key") for k in kiosk.find_elements(By.CSS_SELECTOR, "#booking-keypad [data-key]")]
    assert sorted(k for k in keys if k != "back") == sorted("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    assert text_of(kiosk, by_testid("booking-erase")) == "⌫ Xoá"
    assert text_of(kiosk, by_testid("booking-submit")) == "Lấy số"
    assert text_of(kiosk, by_testid("booking-back")) == "Quay lại"

    # Too short: the kiosk says so itself; Xoá takes one character back; at most 8 characters.
    type_on_keypad(kiosk, "AB")
    kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-submit")).click()
    wait_text(kiosk, by_testid("booking-error"), "Mã lịch hẹn gồm 8 ký tự.")
    kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-erase")).click()
    assert code_typed(kiosk) == "A"
    assert text_of(kiosk, by_testid("booking-error")) == ""
    kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-erase")).click()
    type_on_keypad(kiosk, code + "Z")
    assert code_typed(kiosk) == code

    # Lấy số: the ticket screen, as for a walk-in, with the booking's slot.
    kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-submit")).click()
    number = wait_visible(kiosk, by_testid("issued-number"), timeout=10).text
    assert number == "B001"
    assert text_of(kiosk, by_testid("issued-field")) == "Hộ tịch"
    wait_text(kiosk, by_testid("issued-booking"), "Lịch hẹn 09:00")
    assert text_of(kiosk, "#issued-priority") == ""
    checked = booking(server, code)
    assert checked["state"] == "checked-in" and checked["ticket"] == number, checked
    kiosk.find_element(By.CSS_SELECTOR, by_testid("lang-switch")).click()
    wait_text(kiosk, by_testid("issued-booking"), "Booking 09:00")
    kiosk.find_element(By.CSS_SELECTOR, by_testid("lang-switch")).click()
    kiosk.find_element(By.ID, "btn-done").click()
    wait_visible(kiosk, by_testid("booking-step"))

    # The same code again: the server's 409 in its words, on the booking screen, the code still there.
    open_booking_screen(kiosk)
    assert code_typed(kiosk) == "", "the next citizen finds an empty code"
    type_on_keypad(kiosk, code)
    kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-submit")).click()
    wait_text(kiosk, by_testid("booking-error"), f"Lịch hẹn {code} đã lấy số {number}.", timeout=10)
    assert kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-screen")).is_displayed()
    assert code_typed(kiosk) == code
    kiosk.find_element(By.CSS_SELECTOR, by_testid("lang-switch")).click()
    wait_text(kiosk, by_testid("booking-error"), f"Booking {code} has already checked in (ticket {number}).")
    wait_text(kiosk, "#booking-title", "Check in with your booking")
    kiosk.find_element(By.CSS_SELECTOR, by_testid("lang-switch")).click()

    # An unknown code: the server's 404 in its words. Typing again clears the message.
    unknown = "ZZZZ2222" if code != "ZZZZ2222" else "YYYY3333"
    for _ in range(8):
        kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-erase")).click()
    type_on_keypad(kiosk, unknown)
    kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-submit")).click()
    wait_text(kiosk, by_testid("booking-error"), f"Không có lịch hẹn mã “{unknown}”.", timeout=10)
    kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-erase")).click()
    wait_for(kiosk, lambda d: text_of(d, by_testid("booking-error")) == "", 5, "the message gone")

    # Quay lại: the field screen; the booking screen opens empty again.
    kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-back")).click()
    wait_visible(kiosk, '.field-btn[data-field="ho-tich"]')
    open_booking_screen(kiosk)
    assert code_typed(kiosk) == "" and text_of(kiosk, by_testid("booking-error")) == ""
    # Nothing else was issued: one ticket, the booking's.
    waiting = {f["code"]: f["waiting"] for f in server.api("GET", "/api/v1/hall")["fields"]}
    assert sum(waiting.values()) == 1, waiting
    assert_no_script_errors(kiosk)


def test_a_scanner_checks_a_booking_in_from_the_field_screen(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    first = book_today(server, "dat-dai", "09:30")
    second = book_today(server, "chung-thuc", "10:00")
    kiosk = open_kiosk(browser, server)

    # A person typing the code slowly on a keyboard is not a scanner: nothing happens on the field screen.
    body = kiosk.find_element(By.TAG_NAME, "body")
    for char in first["code"]:
        body.send_keys(char)
        time.sleep(0.15)
    body.send_keys(Keys.ENTER)
    time.sleep(0.5)
    assert kiosk.find_element(By.ID, "field-grid").is_displayed()
    assert booking(server, first["code"])["state"] == "booked"

    # The scanner's burst (code + Enter) while the field screen shows, even with a field button focused: that
    # booking's ticket, and the Enter presses no field button.
    kiosk.execute_script("document.querySelector('.field-btn[data-field=\"ho-tich\"]').focus()")
    scan(kiosk, first["code"])
    wait_visible(kiosk, by_testid("ticket-screen"), timeout=10)
    wait_text(kiosk, by_testid("issued-number"), "A001")
    assert text_of(kiosk, by_testid("issued-field")) == "Đất đai"
    wait_text(kiosk, by_testid("issued-booking"), "Lịch hẹn 09:30")
    checked = booking(server, first["code"])
    assert checked["state"] == "checked-in" and checked["ticket"] == "A001", checked
    waiting = {f["code"]: f["waiting"] for f in server.api("GET", "/api/v1/hall")["fields"]}
    assert waiting["ho-tich"] == 0, waiting
    kiosk.find_element(By.ID, "btn-done").click()
    wait_visible(kiosk, by_testid("booking-step"))

    # Scanned again: the refusal in the server's words, on the booking screen.
    scan(kiosk, first["code"])
    wait_visible(kiosk, by_testid("booking-screen"), timeout=10)
    wait_text(kiosk, by_testid("booking-error"), f"Lịch hẹn {first['code']} đã lấy số A001.")

    # On the booking screen, half a code touched on the keypad: the scan replaces it (lower case and a dash, as a
    # printed code may carry them, are the same code).
    for _ in range(8):
        kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-erase")).click()
    type_on_keypad(kiosk, "AB")
    scanned = second["code"].lower()
    scan(kiosk, f"{scanned[:4]}-{scanned[4:]}")
    wait_visible(kiosk, by_testid("ticket-screen"), timeout=10)
    prefix = {f["code"]: f["prefix"] for f in server.api("GET", "/api/v1/hall")["fields"]}["chung-thuc"]
    wait_text(kiosk, by_testid("issued-number"), f"{prefix}001")
    number = text_of(kiosk, by_testid("issued-number"))
    wait_text(kiosk, by_testid("issued-booking"), "Lịch hẹn 10:00")
    assert booking(server, second["code"])["ticket"] == number
    assert_no_script_errors(kiosk)


def test_the_idle_reset_clears_the_booking_code(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    book_today(server)
    require_kiosk_settings(server)
    set_pin(server)
    key = server.api("POST", "/api/v1/kiosk/unlock", {"pin": PIN})["token"]
    server.api("PUT", "/api/v1/kiosk/settings",
               {"token": key, "language": "vi", "idleSeconds": 10, "fields": None, "printer": None})
    kiosk = open_kiosk(browser, server)

    # A citizen switches to English, types half a code and a wrong one, and walks away.
    kiosk.find_element(By.CSS_SELECTOR, by_testid("lang-switch")).click()
    open_booking_screen(kiosk)
    type_on_keypad(kiosk, "ABC")
    kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-submit")).click()
    wait_text(kiosk, by_testid("booking-error"), "A booking code has 8 characters.")
    left = time.monotonic()
    wait_visible(kiosk, '.field-btn[data-field="ho-tich"]', timeout=20)
    assert 9 <= time.monotonic() - left <= 14, time.monotonic() - left
    wait_text(kiosk, ".kiosk-heading h1", "Lấy số thứ tự")
    open_booking_screen(kiosk)
    assert code_typed(kiosk) == "" and text_of(kiosk, by_testid("booking-error")) == ""
    assert_no_script_errors(kiosk)


# ---------------------------------------------------------------- how it looks, landscape and portrait

@pytest.mark.parametrize("size", [TV, PORTRAIT, KIOSK], ids=["1920x1080", "1080x1920", "1280x800"])
def test_booking_screens_fit_the_screen(khongcho_server: KhongChoServer, browser, size) -> None:
    server = khongcho_server
    booked = book_today(server)
    kiosk = browser(size)
    open_page(kiosk, f"{server.base_url}/kiosk", size)
    wait_enabled(kiosk, '.field-btn[data-field="ho-tich"]')
    name = f"{size[0]}x{size[1]}"
    screenshot(kiosk, f"booking-{name}-1-fields")
    assert within_viewport(kiosk, ".field-btn, [data-testid=priority-step], [data-testid=booking-step]") == []

    open_booking_screen(kiosk)
    type_on_keypad(kiosk, booked["code"][:5])
    screenshot(kiosk, f"booking-{name}-2-typing")
    assert within_viewport(kiosk, "#booking-keypad button, [data-testid=booking-code-input], [data-testid=booking-back]") == []
    keys = kiosk.find_elements(By.CSS_SELECTOR, "#booking-keypad [data-key]")
    sizes = [(k.rect["width"], k.rect["height"]) for k in keys]
    assert min(min(w, h) for w, h in sizes) >= 56, sizes  # a comfortable touch target (≈ 15 mm)

    # The longest refusal the server has, in place under the code.
    kiosk.execute_script(
        "document.getElementById('booking-error').textContent = arguments[0];"
        " document.getElementById('booking-code-input').classList.add('invalid');",
        f"Lịch hẹn {booked['code']} đã quá giờ nhận và được trả lại; vui lòng lấy số thường hoặc đặt lại.")
    screenshot(kiosk, f"booking-{name}-3-error")
    assert within_viewport(kiosk, "#booking-keypad button, [data-testid=booking-error], [data-testid=booking-back]") == []

    for _ in range(5):
        kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-erase")).click()
    type_on_keypad(kiosk, booked["code"])
    kiosk.find_element(By.CSS_SELECTOR, by_testid("booking-submit")).click()
    wait_text(kiosk, by_testid("issued-booking"), "Lịch hẹn 09:00", timeout=10)
    wait_visible(kiosk, "#ticket-image")
    wait_for(kiosk, lambda d: d.execute_script(
        "return !document.getElementById('status-qr').classList.contains('loading')"), 5, "QR")
    time.sleep(0.5)  # the number's pop-in animation
    screenshot(kiosk, f"booking-{name}-4-ticket")
    assert within_viewport(kiosk, "#issued-number, #issued-booking, #status-qr, #btn-done, .stat") == []

    # The next citizen reads English.
    kiosk.find_element(By.ID, "btn-done").click()
    wait_visible(kiosk, by_testid("booking-step"))
    kiosk.find_element(By.CSS_SELECTOR, by_testid("lang-switch")).click()
    wait_text(kiosk, f'{by_testid("booking-step")} .step-title', "I have a booking")
    screenshot(kiosk, f"booking-{name}-5-fields-en")
    assert within_viewport(kiosk, ".field-btn, [data-testid=priority-step], [data-testid=booking-step]") == []
    open_booking_screen(kiosk)
    screenshot(kiosk, f"booking-{name}-6-booking-en")
    assert within_viewport(kiosk, "#booking-keypad button, [data-testid=booking-back]") == []
    assert_no_script_errors(kiosk)
