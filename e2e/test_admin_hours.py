"""The admin's office hours and kiosk PIN from the admin page, in a real browser: a ticket cutoff set on the
form stops the kiosk at once and the kiosk says when to come back; Saturday mornings open the hall on
Saturdays; the kiosk PIN is set and removed, never shown.

    cd <repo> && python3 -m pytest -q e2e/test_admin_hours.py
"""

from __future__ import annotations

import pytest

from conftest import ApiError, KhongChoServer
from test_browser import DESKTOP, assert_no_script_errors, browser, screenshot, text_of, wait_text, wait_visible  # noqa: F401
from test_pages_nowait import page_login
from selenium.webdriver.common.by import By


def set_time(page, name: str, value: str) -> None:
    page.execute_script(
        "const box = document.querySelector(`#hours-form [name='${arguments[0]}']`); box.value = arguments[1];"
        "box.dispatchEvent(new Event('input', {bubbles: true}));", name, value)


def test_admin_sets_the_hours_and_the_kiosk_follows_at_once(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server  # training clock: Monday 2026-12-07 08:00
    assert server.api("GET", "/api/v1/hall")["issuing"] == {"open": True}
    page = page_login(browser, server, "/admin#calendar", DESKTOP, "admin")
    wait_visible(page, '#hours-body tr[data-weekday="1"]')
    assert text_of(page, '#hours-body tr[data-weekday="1"] th') == "Thứ Hai"
    # The shipped winter hours are shown for Monday to Friday; the weekend is closed.
    assert page.find_element(By.CSS_SELECTOR, "[name='am-start-1']").get_attribute("value") == "08:00"
    assert page.find_element(By.CSS_SELECTOR, "[name='am-start-6']").get_attribute("value") == ""

    # A cutoff before the morning opens is refused in words, and nothing changes.
    set_time(page, "last-1", "07:45")
    page.find_element(By.CSS_SELECTOR, '[data-testid="hours-save"]').click()
    wait_text(page, "#admin-message", "Giờ ngừng cấp số của Thứ Hai (“07:45”) phải nằm trong giờ làm việc.")
    assert server.issue("ho-tich")["number"] == "B001"

    # Monday opens at 07:30 and stops giving numbers at 07:45; Saturday mornings open.
    set_time(page, "am-start-1", "07:30")
    set_time(page, "am-start-6", "07:30")
    set_time(page, "am-end-6", "11:30")
    page.find_element(By.CSS_SELECTOR, '[data-testid="hours-save"]').click()
    wait_text(page, "#admin-message", "Đã lưu giờ làm việc; ki-ốt và hẹn trả dùng ngay.")
    stored = server.api("GET", "/api/v1/admin/hours", token=server.login("admin"))
    assert stored["days"][0]["lastTicket"] == "07:45"
    assert stored["days"][0]["sessions"][0] == {"start": "07:30", "end": "12:00"}
    assert stored["days"][5]["sessions"] == [{"start": "07:30", "end": "11:30"}]
    with pytest.raises(ApiError) as refused:
        server.issue("ho-tich")
    assert refused.value.status == 409
    issuing = server.api("GET", "/api/v1/hall")["issuing"]
    assert issuing["open"] is False
    # Tuesday keeps the winter hours shown on the form (08:00): only Monday was changed.
    assert issuing["message"] == "Mời quay lại lúc 08:00 Thứ Ba 08/12/2026."
    screenshot(page, "admin-hours")

    # The kiosk PIN: set from the same page, shown only as set, then removed.
    page.find_element(By.CSS_SELECTOR, '[data-testid="kiosk-pin"]').send_keys("2468")
    page.find_element(By.CSS_SELECTOR, '[data-testid="kiosk-pin-save"]').click()
    wait_text(page, "#admin-message", "Đã đặt mã PIN mới cho ki-ốt.")
    wait_text(page, '[data-testid="kiosk-pin-state"]', "Đã đặt mã PIN.")
    assert page.find_element(By.CSS_SELECTOR, '[data-testid="kiosk-pin"]').get_attribute("value") == ""
    assert server.api("GET", "/api/v1/kiosk/settings")["pinSet"] is True
    assert "token" in server.api("POST", "/api/v1/kiosk/unlock", {"pin": "2468"})
    page.find_element(By.CSS_SELECTOR, '[data-testid="kiosk-pin-remove"]').click()
    wait_visible(page, '[data-testid="ask-dialog"]')
    page.find_element(By.ID, "ask-yes").click()
    wait_text(page, "#admin-message", "Đã bỏ mã PIN ki-ốt.")
    wait_text(page, '[data-testid="kiosk-pin-state"]', "Chưa có mã PIN: không mở được cài đặt trên ki-ốt.")
    assert server.api("GET", "/api/v1/kiosk/settings")["pinSet"] is False
    assert_no_script_errors(page)


def test_admin_sets_a_walk_in_cap_and_the_kiosk_offers_a_slot(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server  # Monday 2026-12-07 08:00
    page = page_login(browser, server, "/admin#calendar", DESKTOP, "admin")
    wait_visible(page, '#booking-fields tr[data-field="ho-tich"]')
    assert page.find_element(By.CSS_SELECTOR, "#booking-form [name='slotMinutes']").get_attribute("value") == "30"
    page.find_element(By.CSS_SELECTOR, '[data-testid="cap-ho-tich"]').send_keys("1")
    page.find_element(By.CSS_SELECTOR, '[data-testid="bookable-xay-dung"]').click()
    # Half of the counters' time kept for bookings, a quarter for civil status, 15 minutes a citizen.
    page.find_element(By.CSS_SELECTOR, '[data-testid="booking-share"]').send_keys("50")
    page.find_element(By.CSS_SELECTOR, '[data-testid="share-ho-tich"]').send_keys("25")
    page.find_element(By.CSS_SELECTOR, '[data-testid="booking-save"]').click()
    wait_text(page, "#admin-message", "Đã lưu cài đặt đặt lịch; áp dụng ngay.")
    stored = server.api("GET", "/api/v1/admin/booking", token=server.login("admin"))
    assert stored["fields"] == {"ho-tich": {"walkInCap": 1, "counterShare": 0.25}, "xay-dung": {"bookable": False}}
    assert stored["counterShare"] == 0.5 and stored["serviceMinutes"] == 15
    counters = server.api("GET", "/api/v1/catalog")["counters"]
    serving = {code: sum(code in counter["fields"] for counter in counters) for code in ("dat-dai", "ho-tich")}
    for code, share in (("dat-dai", 0.5), ("ho-tich", 0.25)):
        slots = server.api("GET", f"/api/v1/bookings/slots?field={code}&date=2026-12-08")
        assert slots[0]["capacity"] == min(4, int(share * serving[code] * 30 // 15)), (code, serving, slots[0])
    assert server.issue("ho-tich")["number"] == "B001"
    with pytest.raises(ApiError) as capped:
        server.issue("ho-tich")
    assert capped.value.status == 409 and capped.value.body["error"]["code"] == "walk_in_cap"
    assert capped.value.body["error"]["message"].startswith("Hôm nay đã hết 1 số lấy tại chỗ cho lĩnh vực này. Khung hẹn trống gần nhất: 08:30 Thứ Hai 07/12/2026")
    assert server.api("GET", "/api/v1/bookings/slots?field=xay-dung&date=2026-12-08") == []
    assert_no_script_errors(page)


def test_admin_sets_the_feedback_deadline_and_new_feedback_gets_it(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server  # Monday 2026-12-07 08:00
    page = page_login(browser, server, "/admin#targets", DESKTOP, "admin")
    box = wait_visible(page, '[data-testid="target-feedback"]')
    assert box.get_attribute("value") == "10"
    box.clear()
    box.send_keys("5")
    page.find_element(By.CSS_SELECTOR, '[data-testid="targets-save"]').click()
    wait_text(page, "#admin-message", "Đã lưu mục tiêu; cảnh báo, bảng giám sát và báo cáo dùng ngay.")
    assert server.api("GET", "/api/v1/admin/targets", token=server.login("admin"))["feedbackWorkingDays"] == 5
    receipt = server.api("POST", "/api/v1/feedback", {"subject": "Thời gian chờ", "text": "Chờ lâu quá."})
    # Five working days after Monday 7 December: Monday 14 December, at that day's closing.
    assert receipt["deadline"].startswith("2026-12-14T")
    assert_no_script_errors(page)
