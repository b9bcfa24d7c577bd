"""Transfer to a specific counter with a note, in real browsers: counter 3 sends a citizen to counter 4 with a
note; counter 3's queue no longer shows the ticket, counter 4's shows it first with the note, and its officer
reads the note when calling it.

    cd <repo> && python3 -m pytest -q e2e/test_staff_transfer.py
"""

from __future__ import annotations

from conftest import KhongChoServer
from test_browser import (  # noqa: F401  (browser is a fixture)
    DESKTOP, assert_no_script_errors, browser, choose_option, screenshot, text_of, wait_enabled, wait_text, wait_visible)
from test_pages_nowait import page_login
from selenium.webdriver.common.by import By


def test_counter_3_sends_a_citizen_to_counter_4_with_a_note(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    for _ in range(2):
        server.issue("ho-tich")
    three = page_login(browser, server, "/staff", DESKTOP, "quay3")
    wait_enabled(three, "#btn-next").click()
    wait_text(three, "#current-number", "B001")
    choose_option(three, "#transfer-field", "counter:4")
    assert text_of(three, '#transfer-field option[value="counter:4"]') == "Quầy 4 – Hộ tịch, Chứng thực"
    three.find_element(By.ID, "transfer-note").send_keys("Đã xem CCCD, thiếu giấy ủy quyền")
    wait_enabled(three, "#btn-transfer").click()
    wait_text(three, "#staff-message", "Đã chuyển phiếu B001 sang quầy 4.")
    wait_visible(three, "#current-none")
    assert three.find_element(By.ID, "transfer-note").get_attribute("value") == ""
    # Counter 3 no longer lists it, although it is the oldest Hộ tịch ticket.
    wait_text(three, "#queue-list tr:first-child .q-number", "B002")
    assert three.find_elements(By.CSS_SELECTOR, '#queue-list tr[data-number="B001"]') == []

    four = page_login(browser, server, "/staff", DESKTOP, "quay4")
    wait_text(four, '#queue-list tr[data-number="B001"] [data-testid="for-counter"]', "→ Quầy 4")
    assert text_of(four, '#queue-list tr[data-number="B001"] [data-testid="queue-note"]') == "Đã xem CCCD, thiếu giấy ủy quyền"
    wait_enabled(four, "#btn-next").click()
    wait_text(four, "#current-number", "B001")
    wait_text(four, "#current-note", "Ghi chú khi chuyển: Đã xem CCCD, thiếu giấy ủy quyền")
    screenshot(four, "staff-transfer-note")
    # Stored: the ticket went to counter 4 with the note, its issued field unchanged.
    ticket = next(t for t in server.api("GET", "/api/v1/counters", token=server.login("quay4")) if t["number"] == 4)["current"]
    assert ticket["number"] == "B001" and ticket["note"] == "Đã xem CCCD, thiếu giấy ủy quyền" and ticket["forCounter"] == 4
    assert_no_script_errors(three)
    assert_no_script_errors(four)
