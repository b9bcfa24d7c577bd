"""The no-wait pages in a real browser (headless Chromium through Selenium) against a real server:
the supervisor dashboard (/supervisor), the rating tablet (/rate/{counter}), device management
(/admin/devices) and the staff desk's dossier intake and ratings.

    cd <repo> && python3 -m pytest -q e2e/test_pages_nowait.py

Set KHONGCHO_SCREENSHOTS=/tmp/pages to keep a PNG of each page as the test leaves it.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any, Callable
from zoneinfo import ZoneInfo

import pytest

from conftest import OPEN_HOUR, KhongChoServer
from test_browser import (  # noqa: F401  (browser is a fixture)
    DESKTOP, KIOSK, TV, assert_no_script_errors, browser, choose_option, click_live, open_page, screenshot, sign_in, text_of,
    wait_enabled, wait_for, wait_hidden, wait_text, wait_visible)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def today() -> str:
    """The service day on the test servers' training clock (each starts at OPEN_HOUR)."""
    return OPEN_HOUR[:10]


def ratings(server: KhongChoServer, token: str, counter: int) -> list[dict[str, Any]]:
    day = today()
    return server.api("GET", f"/api/v1/ratings?from={day}&to={day}&counter={counter}", token=token)["ratings"]


def poll(fetch: Callable[[], Any], ok: Callable[[Any], bool], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    value = fetch()
    while not ok(value):
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: still {value!r} after {timeout} s")
        time.sleep(0.1)
        value = fetch()
    return value


def serve_one(server: KhongChoServer, counter: int, username: str) -> dict[str, Any]:
    """Calls the next ticket at `counter` and starts serving it; returns the ticket."""
    token = server.login(username)
    ticket = server.call_next(counter, token)
    assert ticket is not None
    server.api("POST", f"/api/v1/tickets/{ticket['id']}/serve", token=token)
    return ticket


def finish(server: KhongChoServer, ticket: dict[str, Any], username: str) -> None:
    server.api("POST", f"/api/v1/tickets/{ticket['id']}/done", {"outcome": "returned"}, token=server.login(username))


def page_login(browser, server: KhongChoServer, path: str, size: tuple[int, int], username: str) -> WebDriver:
    driver = browser(size)
    open_page(driver, f"{server.base_url}{path}", size)
    sign_in(driver, username, "khongcho-demo")
    return driver


# ---------------------------------------------------------------- supervisor

def test_supervisor_sees_field_rows_counters_and_todays_figures_live(khongcho_server: KhongChoServer, browser) -> None:
    for field in ("ho-tich", "ho-tich", "ho-tich", "dat-dai"):
        khongcho_server.issue(field)
    khongcho_server.call_next(3, khongcho_server.login("quay3"))  # B001 called at counter 3

    page = page_login(browser, khongcho_server, "/supervisor", TV, "giamsat")
    wait_visible(page, "#dash-view")
    assert text_of(page, "#user-name") == "giamsat · Giám sát"
    wait_text(page, 'tr[data-field="ho-tich"] .f-waiting', "2")
    wait_text(page, 'tr[data-field="dat-dai"] .f-waiting', "1")
    assert text_of(page, 'tr[data-field="ho-tich"] .f-title b') == "Hộ tịch"
    assert page.find_element(By.CSS_SELECTOR, 'tr[data-field="ho-tich"]').get_attribute("data-status") in ("green", "amber", "red")
    # Every field of the catalog has a row, and the field chart has one issued and one served bar per field.
    fields = khongcho_server.api("GET", "/api/v1/fields")
    assert len(page.find_elements(By.CSS_SELECTOR, "#fields-body tr")) == len(fields)
    assert len(page.find_elements(By.CSS_SELECTOR, "#chart-fields svg rect.bar.issued")) == len(fields)
    assert len(page.find_elements(By.CSS_SELECTOR, "#chart-fields svg rect.bar.served")) == len(fields)
    wait_text(page, '[data-testid="kpi-issued"] .kpi-value', "4")
    wait_text(page, '[data-testid="kpi-waiting"] .kpi-value', "3")
    wait_text(page, 'tr[data-counter="3"] .c-current', "B001", contains=True)

    # Live: a ticket issued now shows up without reloading (event stream → debounced re-read).
    khongcho_server.issue("ho-tich")
    wait_text(page, 'tr[data-field="ho-tich"] .f-waiting', "3", timeout=5)
    wait_text(page, '[data-testid="kpi-issued"] .kpi-value', "5", timeout=5)

    # English switch re-draws the figures' labels.
    page.find_element(By.ID, "lang-switch").click()
    wait_text(page, 'tr[data-field="ho-tich"] .f-title b', "Civil status")
    wait_text(page, '[data-testid="kpi-issued"] .kpi-label', "Issued")
    screenshot(page, "supervisor")
    assert_no_script_errors(page)


def test_supervisor_page_refuses_a_staff_account(khongcho_server: KhongChoServer, browser) -> None:
    page = page_login(browser, khongcho_server, "/supervisor", DESKTOP, "quay1")
    wait_text(page, "#login-error", "Tài khoản này không có quyền vào trang này.")
    assert not page.find_element(By.ID, "dash-view").is_displayed()
    assert page.execute_script("return sessionStorage.getItem('khongcho.supervisor.session')") is None


# ---------------------------------------------------------------- rating tablet

def test_rate_page_tap_is_stored_once_and_attached_to_the_ticket_just_served(khongcho_server: KhongChoServer, browser) -> None:
    khongcho_server.issue("dat-dai")  # A001, served at counter 1
    ticket = serve_one(khongcho_server, 1, "quay1")

    hall = browser(TV)
    open_page(hall, f"{khongcho_server.base_url}/display", TV)
    tablet = browser(KIOSK)
    open_page(tablet, f"{khongcho_server.base_url}/rate/1", KIOSK)
    wait_text(tablet, "#rate-counter", "Quầy 1")
    wait_text(tablet, "#rate-ticket", "A001")
    assert tablet.title == "Đánh giá – Quầy 1"
    assert [text_of(tablet, f'[data-level="{n}"] .rate-label') for n in (1, 2, 3, 4)] == [
        "Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng"]

    finish(khongcho_server, ticket, "quay1")
    wait_hidden(tablet, "#rate-serving")

    # A double tap (two clicks before the first answer) and a tap during the thank-you count once.
    tablet.execute_script("const b = document.querySelector('[data-level=\"1\"]'); b.click(); b.click();")
    wait_visible(tablet, "#thanks")
    assert text_of(tablet, "#thanks .thanks-title") == "Cảm ơn quý khách!"
    # The hall screen thanks the citizen too (live `event: rating`).
    wait_text(hall, "#thanks-toast", "Quầy 1: Cảm ơn quý khách đã đánh giá!")
    tablet.execute_script("document.querySelector('[data-level=\"4\"]').click();")
    shown = time.monotonic()
    wait_hidden(tablet, "#thanks", timeout=6)
    assert time.monotonic() - shown >= 3.0, "the thank-you left too early"
    wait_enabled(tablet, '[data-level="1"]')

    stored = ratings(khongcho_server, khongcho_server.login("giamsat"), 1)
    assert len(stored) == 1, stored
    assert (stored[0]["level"], stored[0]["counter"], stored[0]["ticket"], stored[0]["source"]) == (1, 1, "A001", "web")
    screenshot(tablet, "rate")
    assert_no_script_errors(tablet)


# ---------------------------------------------------------------- devices

def devices(server: KhongChoServer, token: str) -> list[dict[str, Any]]:
    return server.api("GET", "/api/v1/admin/devices", token=token)["devices"]


def test_devices_page_lists_simulated_devices_and_a_keypad_key_creates_a_rating(khongcho_server: KhongChoServer, browser) -> None:
    admin = khongcho_server.login("admin")
    listed = devices(khongcho_server, admin)
    # Prefer a one-key keypad; a digit-then-Enter keypad needs its Enter too.
    keypad = sorted((d for d in listed if d["simulated"] and d["kind"] == "rating-keypad"),
                    key=lambda d: "sequence" in d["profile"])[0]
    presses = ["1", "enter"] if "sequence" in keypad["profile"] else ["1"]

    page = page_login(browser, khongcho_server, "/admin/devices", TV, "admin")
    wait_visible(page, "#devices-view")
    for device in listed:
        wait_visible(page, f'#device-list tr[data-device="{device["id"]}"]')
    assert len(page.find_elements(By.CSS_SELECTOR, '#device-list tr[data-simulated="true"]')) == sum(1 for d in listed if d["simulated"])
    row = f'#device-list tr[data-device="{keypad["id"]}"]'
    assert text_of(page, f"{row} .d-kind span") == "Bàn phím đánh giá"

    # Bind the keypad to counter 1 through the page, then rate the ticket just served there by its key 1.
    choose_option(page, f"{row} select", "1")
    poll(lambda: next(d for d in devices(khongcho_server, admin) if d["id"] == keypad["id"])["counter"],
         lambda counter: counter == 1, 5, "keypad binding")
    khongcho_server.issue("dat-dai")  # A001
    ticket = serve_one(khongcho_server, 1, "quay1")
    finish(khongcho_server, ticket, "quay1")
    for key in presses:
        wait_enabled(page, f'{row} .key[data-key="{key}"]').click()
        wait_text(page, f"{row} .key-output", f"Đã gửi phím {'↵' if key == 'enter' else key}", contains=True)
    stored = poll(lambda: ratings(khongcho_server, admin, 1), lambda found: len(found) >= 1, 5, "keypad rating")
    assert len(stored) == 1, stored
    assert (stored[0]["level"], stored[0]["counter"], stored[0]["ticket"], stored[0]["source"]) == (1, 1, "A001", "keypad")
    screenshot(page, "devices")
    assert_no_script_errors(page)


def test_devices_page_draws_what_a_bound_display_shows(khongcho_server: KhongChoServer, browser) -> None:
    admin = khongcho_server.login("admin")
    display = next((d for d in devices(khongcho_server, admin)
                    if d["simulated"] and d["kind"] == "display" and "2x20" in d["profile"]), None)
    if display is None:
        pytest.fail("no simulated 2×20 display with --devices simulated")
    page = page_login(browser, khongcho_server, "/admin/devices", DESKTOP, "admin")
    row = f'#device-list tr[data-device="{display["id"]}"]'
    wait_visible(page, f"{row} .vfd")
    choose_option(page, f"{row} select", "2")
    poll(lambda: next(d for d in devices(khongcho_server, admin) if d["id"] == display["id"])["counter"],
         lambda counter: counter == 2, 5, "display binding")
    khongcho_server.issue("dat-dai")  # A001, called at counter 2
    khongcho_server.call_next(2, khongcho_server.login("quay2"))
    # Refreshed every 2 s (and on the call's event): the 2×20 glass shows the number, 20 columns a line.
    wait_text(page, f"{row} .vfd", "A001", timeout=5, contains=True)
    lines = [line.get_attribute("textContent") for line in page.find_elements(By.CSS_SELECTOR, f"{row} .vfd-line")]
    assert len(lines) == 2 and all(len(line) == 20 for line in lines), lines
    # The test button answers with the server's message.
    wait_enabled(page, f"{row} [data-testid=test]").click()
    wait_visible(page, "#devices-message")
    assert text_of(page, "#devices-message") != ""
    assert_no_script_errors(page)


# ---------------------------------------------------------------- staff desk additions

def test_staff_records_a_dossier_with_its_promise_and_sees_todays_ratings(khongcho_server: KhongChoServer, browser) -> None:
    khongcho_server.issue("ho-tich")  # B001
    khongcho_server.issue("ho-tich")  # B002
    staff = page_login(browser, khongcho_server, "/staff", DESKTOP, "quay3")
    wait_visible(staff, "#desk-view")
    wait_visible(staff, "#dossier-none")
    wait_enabled(staff, "#btn-next").click()
    wait_text(staff, "#current-number", "B001")
    wait_enabled(staff, "#btn-serve").click()
    wait_visible(staff, "#dossier-form")
    wait_text(staff, "#dossier-ticket", "Phiếu B001")

    # Complete dossier for a 3-working-day procedure: the page shows the server's promise and explanation.
    choose_option(staff, "#dossier-procedure", "1.004873")
    wait_enabled(staff, "#dossier-submit").click()
    wait_visible(staff, '[data-testid="dossier-promise"]')
    expected = khongcho_server.api("GET", "/api/v1/calendar/promise?procedure=1.004873")
    promised = datetime.fromisoformat(expected["promisedAt"].replace("Z", "+00:00")).astimezone(VIETNAM)
    promise_text = text_of(staff, '[data-testid="dossier-promise"]')
    assert promise_text.startswith("Hẹn trả kết quả: "), promise_text
    assert promised.strftime("%H:%M") in promise_text and promised.strftime("%d/%m/%Y") in promise_text, promise_text
    assert text_of(staff, '[data-testid="dossier-explanation"]') != ""

    # Done: the form stays with B001 until the next call; B002 gets a fresh form.
    wait_enabled(staff, "#btn-done").click()
    wait_visible(staff, "#current-none")
    wait_text(staff, "#dossier-ticket", "Phiếu B001")
    wait_enabled(staff, "#btn-next").click()
    wait_text(staff, "#current-number", "B002")
    wait_enabled(staff, "#btn-serve").click()
    wait_text(staff, "#dossier-ticket", "Phiếu B002")
    wait_hidden(staff, "#dossier-result")
    staff.find_element(By.CSS_SELECTOR, '[data-testid="dossier-complete-no"]').click()
    wait_enabled(staff, "#dossier-submit").click()
    wait_text(staff, '[data-testid="dossier-promise"]', "Hồ sơ chưa đủ — hướng dẫn bổ sung")

    # A rating at this counter appears in "Đánh giá hôm nay" (live, or by the 30 s re-read at the latest).
    khongcho_server.api("POST", "/api/v1/ratings", {"counter": 3, "level": 2})
    wait_text(staff, "#ratings-list li:first-child .rating-chip", "Hài lòng", timeout=35)
    wait_text(staff, "#ratings-share", "Hài lòng: 100 % (1 lượt)")
    screenshot(staff, "staff")
    assert_no_script_errors(staff)


def test_supervisor_closes_a_counter_and_moves_an_officer_live(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    server.issue("dat-dai")  # A001
    dashboard = page_login(browser, server, "/supervisor", TV, "giamsat")
    wait_visible(dashboard, "#dash-view")
    desk = page_login(browser, server, "/staff", DESKTOP, "quay1")
    wait_visible(desk, "#desk-view")
    wait_text(desk, "#counter-fixed", "1")

    # Close counter 1: the officer's desk shows it paused, live.
    click_live(dashboard, 'tr[data-counter="1"] [data-testid="toggle-counter"]')
    wait_text(dashboard, 'tr[data-counter="1"] [data-testid="toggle-counter"]', "Mở quầy")
    wait_visible(desk, "#paused-banner", timeout=5)
    click_live(dashboard, 'tr[data-counter="1"] [data-testid="toggle-counter"]')
    wait_text(dashboard, 'tr[data-counter="1"] [data-testid="toggle-counter"]', "Đóng quầy")
    wait_hidden(desk, "#paused-banner", timeout=5)

    # Move quay1 to counter 2 (land and construction): the desk follows with its same session.
    choose_option(dashboard, 'tr[data-counter="2"] [data-testid="move-officer"]', "quay1")
    click_live(dashboard, 'tr[data-counter="2"] [data-testid="move-officer-go"]')
    wait_text(dashboard, 'tr[data-counter="2"] [data-testid="assigned"]', "quay1", contains=True)
    wait_text(desk, "#staff-message", "Giám sát đã chuyển bạn sang quầy 2.", timeout=5)
    wait_text(desk, "#counter-fixed", "2")
    wait_enabled(desk, "#btn-next").click()
    wait_text(desk, "#current-number", "A001")
    assert server.api("GET", "/api/v1/counters", token=server.login("giamsat"))[1]["current"]["number"] == "A001"
    screenshot(dashboard, "supervisor-actions")
    assert_no_script_errors(dashboard)
    assert_no_script_errors(desk)


def test_devices_page_prints_a_real_test_page_on_the_printer(khongcho_server: KhongChoServer, browser) -> None:
    admin = khongcho_server.login("admin")
    printer = next(d for d in devices(khongcho_server, admin) if d["kind"] == "printer")
    assert printer["lastSeen"], printer  # seen when it was attached
    printed = khongcho_server.data / "printed"
    before = set(printed.glob("*.png")) if printed.exists() else set()
    page = page_login(browser, khongcho_server, "/admin/devices", DESKTOP, "admin")
    row = f'#device-list tr[data-device="{printer["id"]}"]'
    wait_enabled(page, f"{row} [data-testid=test]").click()
    wait_text(page, "#devices-message", f"Đã gửi trang thử tới {printer['id']}: Đã in trang thử", contains=True)
    made = poll(lambda: [p for p in printed.glob("thu-in-*.png") if p not in before], lambda found: len(found) == 1, 5,
                "the test page's PNG")
    assert made[0].stat().st_size > 1000
    after = next(d for d in devices(khongcho_server, admin) if d["id"] == printer["id"])
    assert after["lastSeen"] >= printer["lastSeen"]
    assert_no_script_errors(page)
