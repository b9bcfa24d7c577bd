"""Waiting away from the hall: the ticket's phone page (`/t/…`) follows the queue live and, when the citizen's
number comes within the next 3 calls, says "Sắp đến lượt" and buzzes and chimes once (where the phone allows).

    cd <repo> && python3 -m pytest -q e2e/test_phone_near.py
"""

from __future__ import annotations

from conftest import KhongChoServer
from test_browser import PHONE, assert_no_script_errors, browser, open_page, text_of, wait_for, wait_text  # noqa: F401


def test_phone_says_your_turn_is_near_three_calls_ahead(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    tickets = [server.issue("ho-tich") for _ in range(4)]
    phone = browser(PHONE)
    open_page(phone, f"{server.base_url}/t/{tickets[3]['token']}", PHONE)
    wait_text(phone, "#ticket-number", "B004")
    assert text_of(phone, "#ticket-ahead") == "3"
    assert text_of(phone, "#ticket-hint") != "Sắp đến lượt – vui lòng có mặt gần khu vực quầy."
    # Count the buzzes the page asks for (a desktop browser has no vibrator); the page has been touched once.
    phone.execute_script("window.buzzes = []; navigator.vibrate = (p) => { window.buzzes.push(p); return true; };")
    phone.find_element("id", "ticket-number").click()

    staff = server.login("quay3")
    server.call_next(3, staff)  # B001: B004 now has 2 ahead, its turn comes within 3 calls
    wait_text(phone, "#ticket-ahead", "2", timeout=5)
    wait_text(phone, "#ticket-hint", "Sắp đến lượt – vui lòng có mặt gần khu vực quầy.")
    wait_for(phone, lambda d: d.execute_script("return document.getElementById('ticket-view').dataset.near") == "announced",
             5, "the near alert fired")
    assert phone.execute_script("return window.buzzes") == [[200, 100, 200]]

    # Once only: the next call moves it closer without buzzing again.
    server.api("POST", f"/api/v1/tickets/{tickets[0]['id']}/done", {"outcome": "guided"}, token=staff)
    server.call_next(3, staff)
    wait_text(phone, "#ticket-ahead", "1", timeout=5)
    assert phone.execute_script("return window.buzzes") == [[200, 100, 200]]
    assert_no_script_errors(phone)
