"""The dossier desk on the staff page in a real browser: receive a dossier with the citizen's name and phone,
find it again without diacritics, hand the result back ("Đã trả"), record a delay with its reason and new date,
and see the on-time figure move exactly (supervisor page and the day report).

    cd <repo> && python3 -m pytest -q e2e/test_dossier_desk.py
"""

from __future__ import annotations

from conftest import OPEN_HOUR, KhongChoServer
from test_browser import (  # noqa: F401  (browser is a fixture)
    DESKTOP, TV, assert_no_script_errors, browser, choose_option, screenshot, text_of, wait_enabled, wait_for,
    wait_text, wait_visible)
from test_pages_nowait import page_login
from selenium.webdriver.common.by import By

DAY = OPEN_HOUR[:10]


def receive(staff, procedure: str, name: str, phone: str, number: str) -> None:
    """Calls the next citizen at this desk, serves them and records a complete dossier with their name and phone."""
    wait_enabled(staff, "#btn-next").click()
    wait_text(staff, "#current-number", number)
    wait_enabled(staff, "#btn-serve").click()
    wait_visible(staff, "#dossier-form")
    choose_option(staff, "#dossier-procedure", procedure)
    staff.find_element(By.ID, "dossier-name").send_keys(name)
    staff.find_element(By.ID, "dossier-phone").send_keys(phone)
    wait_enabled(staff, "#dossier-submit").click()
    wait_visible(staff, '[data-testid="dossier-promise"]')
    wait_enabled(staff, "#btn-done").click()
    wait_visible(staff, "#current-none")


def search(staff, text: str) -> None:
    box = staff.find_element(By.ID, "return-search")
    box.clear()
    box.send_keys(text + "\n")


def day_report(server: KhongChoServer, token: str) -> dict:
    return server.api("GET", f"/api/v1/reports?period=day:{DAY}", token=token)["figures"]


def test_a_dossier_returned_on_time_raises_the_on_time_rate_exactly(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    server.issue("ho-tich")  # B001
    b002 = server.issue("ho-tich")
    supervisor_token = server.login("giamsat")
    assert day_report(server, supervisor_token)["total"]["promisesDue"] == 0

    staff = page_login(browser, server, "/staff", DESKTOP, "quay3")
    wait_visible(staff, "#desk-view")
    # Two same-day dossiers (birth registration): both promised by today's closing.
    receive(staff, "1.001193", "Nguyễn Văn Ân", "0912 345 678", "B001")
    receive(staff, "1.001193", "Trần Thị Bình", "0987654321", "B002")
    dossiers = server.api("GET", f"/api/v1/dossiers?from={DAY}&to={DAY}", token=supervisor_token)["dossiers"]
    assert [(d["citizenName"], d["citizenPhone"], d["status"]) for d in dossiers] == [
        ("Nguyễn Văn Ân", "0912345678", "pending"), ("Trần Thị Bình", "0987654321", "pending")]
    first, second = dossiers

    dashboard = page_login(browser, server, "/supervisor", TV, "giamsat")
    wait_visible(dashboard, "#dash-view")
    wait_text(dashboard, '[data-testid="kpi-promises"] .kpi-value', "—")

    # Found by a name typed without diacritics; "Đã trả" hands the result back before its promise.
    search(staff, "nguyen van an")
    wait_text(staff, '[data-testid="return-item"] [data-testid="return-status"]', "Chưa đến hẹn")
    assert len(staff.find_elements(By.CSS_SELECTOR, '[data-testid="return-item"]')) == 1
    assert "Nguyễn Văn Ân · 0912345678" in text_of(staff, '[data-testid="return-item"]')
    staff.find_element(By.CSS_SELECTOR, '[data-testid="btn-returned"]').click()
    wait_text(staff, "#return-message", f"Đã trả kết quả hồ sơ {first['id']} — đúng hẹn.")
    wait_text(staff, '[data-testid="return-item"] [data-testid="return-status"]', "Đã trả đúng hẹn")
    assert staff.find_elements(By.CSS_SELECTOR, '[data-testid="btn-returned"]') == []

    # Settled promises only (returned, or past their hour): the early return counts at once, the other one
    # not yet — the live gauge and the day report agree, 1 of 1 on time.
    wait_text(dashboard, '[data-testid="kpi-promises"] .kpi-value', "100 %", timeout=10)
    wait_text(dashboard, '[data-testid="kpi-promises"] .kpi-sub', "1/1 đến hạn · 0 trễ")
    report = day_report(server, supervisor_token)["total"]
    assert (report["promisesDue"], report["promisesOnTime"], report["promisesOnTimeRate"]) == (1, 1, 1.0)

    # The second will be late: by the last digits of the phone, record the reason and a new working day.
    search(staff, "4321")
    wait_text(staff, '[data-testid="return-item"] .return-who', "Trần Thị Bình · 0987654321")
    staff.find_element(By.CSS_SELECTOR, '[data-testid="btn-delay"]').click()
    wait_visible(staff, '[data-testid="delay-form"]')
    staff.find_element(By.CSS_SELECTOR, '[data-testid="delay-reason"]').send_keys("Chờ trích lục từ Sở Tư pháp")
    staff.execute_script(
        "const input = document.querySelector('[data-testid=\"delay-date\"]'); input.value = '2026-12-09';"
        "input.dispatchEvent(new Event('input', {bubbles: true}));")
    staff.find_element(By.CSS_SELECTOR, '[data-testid="delay-save"]').click()
    wait_text(staff, "#return-message", f"Đã ghi hẹn lại hồ sơ {second['id']}:", contains=True)
    wait_text(staff, '[data-testid="return-item"] .return-when.late', "Chờ trích lục từ Sở Tư pháp", contains=True)
    assert "09/12/2026" in text_of(staff, '[data-testid="return-item"] .return-when.late')
    wait_visible(staff, '[data-testid="btn-apology"]')
    stored = server.api("GET", f"/api/v1/dossiers?from={DAY}&to={DAY}", token=supervisor_token)["dossiers"][1]
    assert stored["lateReason"] == "Chờ trích lục từ Sở Tư pháp"
    assert stored["newPromisedAt"].startswith("2026-12-09T")
    assert stored["promisedAt"] == second["promisedAt"]  # the original promise still counts for the on-time rate
    screenshot(staff, "staff-dossier-desk")

    # The citizen's phone page (the promise slip's QR) shows the new date, never the name.
    phone = browser((390, 844))
    phone.get(f"{server.base_url}/t/{b002['token']}")
    wait_text(phone, '[data-testid="ticket-dossier"]', "Hẹn lại:", contains=True)
    text = text_of(phone, '[data-testid="ticket-dossier"]')
    assert "Đăng ký khai sinh" in text and "09/12/2026" in text and "Chưa đến hẹn" in text, text
    assert "Trần" not in text_of(phone, "body")
    screenshot(phone, "ticket-dossier")
    assert_no_script_errors(phone)
    assert_no_script_errors(staff)
    assert_no_script_errors(dashboard)


def test_the_return_desk_shows_only_its_own_fields(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    server.issue("ho-tich")
    token = server.login("quay3")
    ticket = server.call_next(3, token)
    server.api("POST", f"/api/v1/tickets/{ticket['id']}/dossiers",
               {"procedure": "1.001193", "complete": True, "citizenName": "Lê Văn Cường"}, token=token)
    land = page_login(browser, server, "/staff", DESKTOP, "quay1")  # counter 1 serves land only
    wait_visible(land, "#desk-view")
    search(land, "cuong")
    wait_visible(land, '[data-testid="return-empty"]')
    assert text_of(land, '[data-testid="return-empty"]') == "Không tìm thấy hồ sơ nào của quầy này."
    assert_no_script_errors(land)
