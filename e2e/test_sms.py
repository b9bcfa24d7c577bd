"""Text messages (SMS) in a real browser against a real server with the simulated modem (`--devices simulated`),
whose messages the server logs as `SMS (mô phỏng / simulated) → •••…456: <text>`:

- the ticket's phone page (/t/…): "Nhắn tin cho tôi khi sắp đến lượt" with a phone and a consent in plain words; the
  server's refusal (no consent) in its words; "Sẽ nhắn tin đến số •••••••456" and "Huỷ, xoá số"; the near-turn
  message goes once 2 people are ahead (the page's \"sắp đến lượt\" too); the card is gone once the ticket no longer waits;
- the booking page (/book) and the desk's booking panel: an optional phone + consent, and the code by SMS;
- a server without a modem (`--devices none`) offers none of it.

The server runs on the training clock (Monday 2026-12-07 08:00). Set KHONGCHO_SCREENSHOTS=DIR to keep screenshots.

    cd <repo> && python3 -m pytest -q e2e/test_sms.py
"""

from __future__ import annotations

import time
from pathlib import Path

from selenium.webdriver.common.by import By

from conftest import KhongChoServer
from test_book_page import assert_reads_well, choose_day, slot
from test_browser import (  # noqa: F401  (browser is a fixture)
    DESKTOP, PHONE, assert_no_script_errors, browser, click_live, open_page, screenshot, text_of, wait_enabled, wait_for,
    wait_hidden, wait_text, wait_visible)
from test_pages_nowait import page_login
from test_staff_booking import slot as desk_slot

SIMULATED = "SMS (mô phỏng / simulated) → "
NO_CONSENT = "Cần đồng ý nhận tin nhắn thì mới lưu số điện thoại"
CONSENT = "Tôi đồng ý để trung tâm lưu số điện thoại này đến hết hôm nay để nhắn tin báo sắp đến lượt."
SOON = "Sắp đến lượt – vui lòng có mặt gần khu vực quầy."


def sent(server: KhongChoServer, text: str) -> list[str]:
    """The simulated modem's messages in the server's log that contain `text`."""
    return [line for line in server.log_text().splitlines() if SIMULATED in line and text in line]


def wait_sent(server: KhongChoServer, text: str, timeout: float = 10) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if lines := sent(server, text):
            return lines[0]
        time.sleep(0.2)
    raise AssertionError(f"no SMS with {text!r} in the server log within {timeout} s:\n{server.log_text()[-3000:]}")


def type_into(page, css: str, text: str) -> None:
    field = page.find_element(By.CSS_SELECTOR, css)
    field.clear()
    field.send_keys(text)


def sms_card_read(page) -> bool:
    """The page has had the ticket's SMS answer (so a hidden card is hidden for good, not yet to come)."""
    return page.execute_script(
        "return performance.getEntriesByType('resource').some((e) => e.name.endsWith('/sms'));")


def test_phone_page_texts_when_the_turn_is_near(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    tickets = [server.issue("dat-dai") for _ in range(5)]
    token = tickets[4]["token"]
    page = browser(PHONE)
    open_page(page, f"{server.base_url}/t/{token}", PHONE)
    wait_text(page, "#ticket-number", "A005", timeout=10)
    assert text_of(page, "#ticket-ahead") == "4"
    wait_text(page, '[data-testid="sms-card"] h2', "Nhắn tin cho tôi khi sắp đến lượt")
    assert text_of(page, ".sms-consent") == CONSENT
    page.execute_script("document.getElementById('sms-card').scrollIntoView({block: 'center'})")
    assert_reads_well(page, "ticket with the SMS card")
    screenshot(page, "sms-1-card-390x844")

    # Without the consent ticked, the server keeps nothing and says why, next to the form.
    type_into(page, "#sms-phone", "0903 123 456")
    page.find_element(By.ID, "sms-submit").click()
    wait_text(page, '[data-testid="sms-error"]', NO_CONSENT, contains=True)
    assert server.api("GET", f"/api/v1/public/tickets/{token}/sms")["subscribed"] is False
    screenshot(page, "sms-2-no-consent-390x844")

    page.find_element(By.ID, "sms-consent").click()
    page.find_element(By.ID, "sms-submit").click()
    wait_text(page, '[data-testid="sms-done-text"]', "Sẽ nhắn tin đến số •••••••456")
    wait_hidden(page, '[data-testid="sms-form"]')
    wait_hidden(page, '[data-testid="sms-error"]')
    assert server.api("GET", f"/api/v1/public/tickets/{token}/sms") == {
        "available": True, "subscribed": True, "phone": "•••••••456"}
    screenshot(page, "sms-3-subscribed-390x844")

    # "Huỷ, xoá số" deletes it; the form comes back empty; then again, written the international way.
    page.find_element(By.ID, "sms-remove").click()
    wait_visible(page, '[data-testid="sms-form"]')
    assert server.api("GET", f"/api/v1/public/tickets/{token}/sms")["subscribed"] is False
    assert page.find_element(By.ID, "sms-phone").get_attribute("value") == ""
    assert not page.find_element(By.ID, "sms-consent").is_selected()
    type_into(page, "#sms-phone", "+84 903 123 456")
    page.find_element(By.ID, "sms-consent").click()
    page.find_element(By.ID, "sms-submit").click()
    wait_text(page, '[data-testid="sms-done-text"]', "Sẽ nhắn tin đến số •••••••456")
    page.find_element(By.ID, "lang-switch").click()
    wait_text(page, '[data-testid="sms-done-text"]', "We will text •••••••456")
    page.find_element(By.ID, "lang-switch").click()
    wait_text(page, '[data-testid="sms-done-text"]', "Sẽ nhắn tin đến số •••••••456")
    assert sent(server, "A005") == [], "nothing is sent while 4 are ahead"

    # A001 is called: 3 ahead of A005, not yet near (the page and the message agree: near = the next 3 calls).
    server.call_next(1, server.login("quay1"))
    wait_text(page, "#ticket-ahead", "3", timeout=5)
    time.sleep(2.5)  # one pass of the outbox (every 2 s)
    assert sent(server, "A005") == [], "nothing is sent while 3 are ahead"

    # A002 is called at counter 2: 2 ahead, the page says "sắp đến lượt" and the message goes, once, number masked.
    server.call_next(2, server.login("quay2"))
    wait_text(page, "#ticket-ahead", "2", timeout=5)
    wait_text(page, "#ticket-hint", SOON)
    assert "sắp đến lượt" in text_of(page, "#ticket-hint").lower()
    line = wait_sent(server, "A005", timeout=10)
    assert "456: Sắp đến lượt số A005: còn 2 người trước quý khách. Mời về sảnh chờ." in line, line
    assert "0903" not in server.log_text() and "903123" not in server.log_text()
    time.sleep(2.5)
    assert len(sent(server, "A005")) == 1, sent(server, "A005")
    screenshot(page, "sms-5-near-390x844")

    # A ticket no longer waiting offers no message.
    open_page(page, f"{server.base_url}/t/{tickets[0]['token']}", PHONE)
    wait_text(page, "#ticket-number", "A001", timeout=10)
    wait_visible(page, '[data-testid="call-banner"]')
    time.sleep(0.5)
    assert not page.find_element(By.ID, "sms-card").is_displayed()
    assert_no_script_errors(page)


def test_booking_page_texts_the_code(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    page = browser(PHONE)
    open_page(page, f"{server.base_url}/book", PHONE)
    choose_day(page)
    page.find_element(By.CSS_SELECTOR, slot("09:00")).click()
    wait_text(page, '[data-testid="book-sms"] h2', "Nhận mã hẹn qua tin nhắn (không bắt buộc)")
    assert text_of(page, '[data-testid="book-sms"] .sms-consent') == \
        "Tôi đồng ý để trung tâm lưu số này đến hết ngày hẹn để nhắn mã hẹn."
    type_into(page, "#book-phone", "0911 222 333")
    page.find_element(By.CSS_SELECTOR, '[data-testid="book-confirm"]').click()
    wait_text(page, '[data-testid="book-error"]', NO_CONSENT, contains=True)
    slots = server.api("GET", "/api/v1/bookings/slots?field=ho-tich&date=2026-12-08")
    assert [s["remaining"] for s in slots if s["slot"] == "09:00"] == [4], "nothing is booked without consent"
    page.execute_script("document.getElementById('step-sms').scrollIntoView({block: 'start'})")
    assert_reads_well(page, "booking with a phone")
    screenshot(page, "sms-book-1-no-consent-390x844")

    page.find_element(By.ID, "book-sms-consent").click()
    page.find_element(By.CSS_SELECTOR, '[data-testid="book-confirm"]').click()
    code = wait_for(page, lambda d: text_of(d, '[data-testid="booking-code"]'), 10, "no booking code shown")
    wait_text(page, '[data-testid="booking-sms-note"]', "Mã hẹn sẽ được nhắn tin đến số •••••••333.")
    line = wait_sent(server, f"mã {code}", timeout=10)
    assert f"333: Lịch hẹn 09:00 08/12/2026, mã {code}. Nhập mã tại ki-ốt khi đến." in line, line
    page.execute_script("document.getElementById('booking-sms-note').scrollIntoView({block: 'center'})")
    screenshot(page, "sms-book-2-code-390x844")
    assert_no_script_errors(page)


def test_desk_booking_texts_the_code(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    page = page_login(browser, server, "/staff", DESKTOP, "quay4")
    wait_visible(page, "#desk-view")
    wait_visible(page, '[data-testid="booking-sms"]', timeout=10)
    click_live(page, desk_slot("09:00"), timeout=10)
    type_into(page, "#booking-phone", "0988 777 654")
    page.find_element(By.ID, "booking-submit").click()
    wait_text(page, "#booking-error", NO_CONSENT, contains=True)
    page.find_element(By.ID, "booking-sms-consent").click()
    page.execute_script("document.getElementById('booking-sms').scrollIntoView({block: 'center'})")
    screenshot(page, "sms-desk-1-form")
    page.find_element(By.ID, "booking-submit").click()
    code = wait_for(page, lambda d: text_of(d, "#booking-code"), 10, "no booking code shown")
    wait_text(page, "#booking-sms-to", "Mã hẹn sẽ được nhắn tin đến số •••••••654.")
    wait_sent(server, f"mã {code}", timeout=10)
    page.execute_script("document.getElementById('booking-result').scrollIntoView({block: 'center'})")
    screenshot(page, "sms-desk-2-code")

    # "Đặt lịch khác": nothing of the last citizen's number stays in the form.
    page.find_element(By.ID, "booking-again").click()
    wait_visible(page, "#booking-form")
    assert page.find_element(By.ID, "booking-phone").get_attribute("value") == ""
    assert not page.find_element(By.ID, "booking-sms-consent").is_selected()
    assert_no_script_errors(page)


class NoModemServer(KhongChoServer):
    """`khongcho serve --devices none`: no printer, no keypads, no modem."""

    def command(self) -> list[str]:
        command = super().command()
        command[command.index("--devices") + 1] = "none"
        return command


def test_without_a_modem_nothing_offers_sms(tmp_path: Path, browser) -> None:
    server = NoModemServer(tmp_path / "data", tmp_path / "server.log")
    server.start()
    try:
        assert server.api("GET", "/api/v1/sms")["available"] is False
        ticket = server.issue("dat-dai")
        page = browser(PHONE)
        open_page(page, f"{server.base_url}/t/{ticket['token']}", PHONE)
        wait_text(page, "#ticket-number", "A001", timeout=10)
        wait_for(page, sms_card_read, 5, "the page never asked about SMS")
        time.sleep(0.3)
        assert not page.find_element(By.ID, "sms-card").is_displayed()
        screenshot(page, "sms-none-ticket-390x844")

        open_page(page, f"{server.base_url}/book", PHONE)
        choose_day(page)
        page.find_element(By.CSS_SELECTOR, slot("09:00")).click()
        wait_visible(page, '[data-testid="book-confirm"]')
        wait_for(page, sms_card_read, 5, "the page never asked about SMS")
        time.sleep(0.3)
        assert not page.find_element(By.ID, "step-sms").is_displayed()
        assert_no_script_errors(page)
    finally:
        server.stop()
