"""The staff desk by keyboard in a real browser: the shortcuts listed under "Phím tắt" (Space, R, D, N, T), the
confirmation before a no-show, and a call out of order whose reason is required and lands in the report CSV.

    cd <repo> && python3 -m pytest -q e2e/test_staff_keys.py
"""

from __future__ import annotations

import urllib.request

from conftest import OPEN_HOUR, KhongChoServer
from test_browser import (  # noqa: F401  (browser is a fixture)
    DESKTOP, assert_no_script_errors, browser, choose_option, click_live, screenshot, text_of, wait_for, wait_hidden, wait_text,
    wait_visible)
from test_pages_nowait import page_login
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

DAY = OPEN_HOUR[:10]


def press(page, key: str) -> None:
    page.find_element(By.TAG_NAME, "body").send_keys(key)


def test_shortcuts_run_the_desk_and_a_call_out_of_order_needs_a_reason(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    for _ in range(4):
        server.issue("ho-tich")  # B001…B004
    staff = page_login(browser, server, "/staff", DESKTOP, "quay3")
    wait_visible(staff, "#desk-view")
    shortcuts = text_of(staff, '[data-testid="shortcuts"]')
    assert shortcuts.startswith("Phím tắt"), shortcuts
    for label in ("Space Gọi tiếp", "R Gọi lại", "D Hoàn thành & gọi tiếp", "N Vắng mặt", "T Chuyển"):
        assert label in shortcuts, shortcuts
    wait_text(staff, "#queue-count", "4", contains=True)

    press(staff, Keys.SPACE)
    wait_text(staff, "#current-number", "B001")
    press(staff, "r")
    wait_text(staff, "#current-recalls", "Đã gọi lại 1 lần")
    press(staff, "d")  # done with the chosen outcome, and the next one called
    wait_text(staff, "#staff-message", "Đã xong số B001; đã mời số B002.")
    wait_text(staff, "#current-number", "B002")
    press(staff, "n")
    wait_text(staff, "#ask-message", "Báo vắng mặt số B002?")
    press(staff, Keys.ESCAPE)  # declined
    wait_hidden(staff, "#ask-dialog")
    assert text_of(staff, "#current-number") == "B002"
    press(staff, "n")
    wait_visible(staff, "#ask-dialog")
    staff.switch_to.active_element.send_keys(Keys.ENTER)
    wait_text(staff, "#staff-message", "Phiếu B002: Vắng mặt.")

    # B004 ahead of B003: the reason is required, then stored and listed in the day's CSV.
    # The live queue re-draws on every event (the no-show just now): click whatever row is there when it settles.
    click_live(staff, '#queue-list tr[data-number="B004"] [data-testid="btn-call-this"]')
    wait_text(staff, "#ask-message", "Gọi số B004 trước lượt? Lý do được ghi vào báo cáo.")
    staff.find_element(By.ID, "ask-yes").click()
    wait_text(staff, "#ask-error", "Hãy ghi lý do.")
    staff.find_element(By.ID, "ask-reason").send_keys("Người khuyết tật, đi xe lăn")
    staff.find_element(By.ID, "ask-yes").click()
    wait_text(staff, "#current-number", "B004")
    wait_text(staff, "#staff-message", "Đã mời số B004.")

    press(staff, "t")  # the field list takes the focus; Enter would transfer
    wait_for(staff, lambda d: d.execute_script("return document.activeElement.id") == "transfer-field", 5, "T focuses the field list")
    screenshot(staff, "staff-keys")

    request = urllib.request.Request(f"{server.base_url}/api/v1/reports?period=day:{DAY}&format=csv")
    request.add_header("Authorization", f"Bearer {server.login('giamsat')}")
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read().decode("utf-8-sig")
    assert "Gọi không theo thứ tự (Calls out of order)" in text
    line = next(row for row in text.split("\r\n") if ",B004," in row)
    assert line.endswith(',B004,Hộ tịch,3,quay3,1,"Người khuyết tật, đi xe lăn"'), line
    assert_no_script_errors(staff)


def test_a_no_show_who_comes_back_is_put_back_at_the_chosen_place(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    for _ in range(3):
        server.issue("ho-tich")  # B001…B003
    staff = page_login(browser, server, "/staff", DESKTOP, "quay3")
    wait_visible(staff, "#desk-view")
    press(staff, Keys.SPACE)
    wait_text(staff, "#current-number", "B001")
    press(staff, "n")
    wait_visible(staff, "#ask-dialog")
    staff.switch_to.active_element.send_keys(Keys.ENTER)
    wait_text(staff, '#noshow-list li[data-number="B001"] .q-number', "B001")
    # B001 comes back: second in line, after B002.
    choose_option(staff, '#noshow-list li[data-number="B001"] [data-testid="requeue-position"]', "2")
    click_live(staff, '#noshow-list li[data-number="B001"] [data-testid="btn-requeue"]')
    wait_text(staff, "#staff-message", "Đã xếp số B001 vào hàng, vị trí thứ 2.")
    wait_hidden(staff, "#noshow-panel")
    wait_for(staff, lambda d: d.execute_script(
        "return [...document.querySelectorAll('#queue-list .q-number')].map((c) => c.textContent).join(',')") == "B002,B001,B003",
        5, "the waiting list B002, B001, B003")
    queue = server.api("GET", "/api/v1/counters/3/queue", token=server.login("quay3"))
    assert [t["number"] for t in queue] == ["B002", "B001", "B003"]
    assert_no_script_errors(staff)
