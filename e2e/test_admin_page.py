"""The admin's setup page (/admin) in a real browser: its sections by name, a field and a counter added, an
account created and its password reset, the calendar year view with an imported file, the targets and the
devices — each checked in what the server stored, and in effect without a restart (the kiosk issues in the new
field at once).

    cd <repo> && python3 -m pytest -q e2e/test_admin_page.py
"""

from __future__ import annotations

import json
import urllib.request
from typing import Callable

from conftest import KhongChoServer
from test_browser import (  # noqa: F401  (browser is a fixture)
    DESKTOP, TV, assert_no_script_errors, browser, choose_option, open_page, screenshot, wait_enabled, text_of, wait_for, wait_hidden, wait_text, wait_visible)
from test_pages_nowait import page_login
from selenium.webdriver.common.by import By


def fill(page, css: str, value: str) -> None:
    box = page.find_element(By.CSS_SELECTOR, css)
    box.clear()
    box.send_keys(value)


def test_admin_sets_up_fields_counters_accounts_and_the_calendar(khongcho_server: KhongChoServer, browser, tmp_path) -> None:
    server = khongcho_server
    page = page_login(browser, server, "/admin", DESKTOP, "admin")
    wait_visible(page, "#admin-view")
    assert text_of(page, '[data-testid="admin-nav"]').split() == ["Trung", "tâm", "Lĩnh", "vực", "Thủ", "tục", "Quầy", "Tài", "khoản", "Lịch", "Mục", "tiêu", "Thiết", "bị"]
    for section, title in (("fields", "Lĩnh vực"), ("counters", "Quầy"), ("users", "Tài khoản"), ("calendar", "Lịch"),
                           ("targets", "Mục tiêu"), ("devices", "Thiết bị")):
        assert text_of(page, f'[data-testid="section-{section}"] h2').lower() == title.lower()
    wait_visible(page, '#fields-body tr[data-field="ho-tich"]')
    # The test server listens on loopback only: tickets would carry a link no phone can open, and the page says so.
    wait_text(page, '[data-testid="public-url-warning"]', f"Mã QR trên phiếu trỏ tới {server.base_url} — điện thoại của công dân không mở được", contains=True)
    assert text_of(page, "#public-url") == f"{server.base_url}/t/…"

    # A new field, then a counter serving it: the kiosk can issue in it at once.
    fill(page, '[data-testid="field-code"]', "dau-tu")
    fill(page, '[data-testid="field-prefix"]', "K")
    fill(page, '[data-testid="field-name"]', "Đầu tư")
    fill(page, '[data-testid="field-name-en"]', "Investment")
    fill(page, '[data-testid="field-wait"]', "20")
    page.find_element(By.CSS_SELECTOR, '[data-testid="field-save"]').click()
    wait_text(page, "#admin-message", "Đã lưu “Đầu tư”.")
    wait_visible(page, '#fields-body tr[data-field="dau-tu"]')
    fill(page, '[data-testid="counter-number"]', "7")
    fill(page, '[data-testid="counter-name"]', "Quầy 7")
    wait_visible(page, '[data-testid="counter-field-dau-tu"]').click()
    page.find_element(By.CSS_SELECTOR, '[data-testid="counter-save"]').click()
    wait_text(page, "#admin-message", "Đã lưu “Quầy 7”.")
    wait_text(page, '#counters-body tr[data-counter="7"] td:nth-child(3)', "Đầu tư")
    catalog = server.api("GET", "/api/v1/admin/catalog", token=server.login("admin"))
    assert {"code": "dau-tu", "name": "Đầu tư", "nameEn": "Investment", "prefix": "K", "waitTargetMinutes": 20}.items() <= \
        next(f for f in catalog["fields"] if f["code"] == "dau-tu").items()
    assert next(c for c in catalog["counters"] if c["number"] == 7)["fields"] == ["dau-tu"]
    assert server.issue("dau-tu")["number"] == "K001"
    wait_text(page, '[data-testid="targets-table"]', "Thời gian chờ — Đầu tư", contains=True)

    # A field with a waiting citizen cannot be deleted: the server's reason is shown, nothing is lost.
    page.find_element(By.CSS_SELECTOR, '#fields-body tr[data-field="dau-tu"] [data-testid="field-delete"]').click()
    wait_visible(page, "#ask-yes").click()
    wait_text(page, "#admin-message", "Không thể xóa lĩnh vực “Đầu tư”: còn 1 phiếu đang chờ", contains=True)
    assert "error" in page.find_element(By.ID, "admin-message").get_attribute("class")

    # An account for counter 7; its password reset; the new one signs in.
    fill(page, '[data-testid="user-username"]', "quay7")
    fill(page, '[data-testid="user-display-name"]', "Phạm Thu Hà")
    fill(page, '[data-testid="user-password"]', "mat-khau-dau-tien")
    page.find_element(By.CSS_SELECTOR, '[data-testid="user-counter"] option[value="7"]').click()
    page.find_element(By.CSS_SELECTOR, '[data-testid="user-save"]').click()
    wait_text(page, "#admin-message", "Đã lưu “quay7”.")
    wait_text(page, '#users-body tr[data-user="quay7"] td:nth-child(4)', "7")
    assert text_of(page, '#users-body tr[data-user="quay7"] .display-name') == "Phạm Thu Hà"
    page.find_element(By.CSS_SELECTOR, '#users-body tr[data-user="quay7"] [data-testid="user-reset"]').click()
    wait_visible(page, "#ask-reason").send_keys("mat-khau-moi-2026")
    page.find_element(By.ID, "ask-yes").click()
    wait_text(page, "#admin-message", "Đã đặt lại mật khẩu cho “quay7”.")
    token = server.login("quay7", "mat-khau-moi-2026")
    assert server.api("GET", "/api/v1/me", token=token)["displayName"] == "Phạm Thu Hà"
    # Renamed: the name reports and letters will show.
    page.find_element(By.CSS_SELECTOR, '#users-body tr[data-user="quay7"] [data-testid="user-rename"]').click()
    wait_visible(page, "#ask-reason").send_keys("Phạm Thị Thu Hà")
    page.find_element(By.ID, "ask-yes").click()
    wait_text(page, '#users-body tr[data-user="quay7"] .display-name', "Phạm Thị Thu Hà")

    # The calendar year view, then a file import for 2027 with its holidays.
    wait_visible(page, '[data-testid="calendar-months"] td.holiday[data-day="2026-09-02"]')
    year = json.loads(open("assets/calendar/2026.json", encoding="utf-8").read())
    year["year"] = 2027
    year["holidays"] = [{"date": "2027-01-01", "name": "Tết Dương lịch"}, {"date": "2027-04-30", "name": "Ngày Chiến thắng"}]
    year["swappedWorkingDays"] = []
    path = tmp_path / "2027.json"
    path.write_text(json.dumps(year, ensure_ascii=False), encoding="utf-8")
    page.find_element(By.CSS_SELECTOR, '[data-testid="calendar-file"]').send_keys(str(path))
    wait_text(page, "#admin-message", "Đã nhập lịch năm 2027 (2 ngày lễ).")
    wait_visible(page, '[data-testid="calendar-months"] td.holiday[data-day="2027-04-30"]')
    stored = server.api("GET", "/api/v1/admin/calendar/2027", token=server.login("admin"))
    assert [h["date"] for h in stored["holidays"]] == ["2027-01-01", "2027-04-30"]

    # The targets: 98 % on time as shipped, changed to 97 % and 80 % satisfaction for land; reports use them at once.
    assert page.find_element(By.CSS_SELECTOR, '[data-testid="target-on-time"]').get_attribute("value") == "98"
    assert page.find_element(By.CSS_SELECTOR, '[data-testid="target-field-dat-dai"]').get_attribute("value") == "85"
    fill(page, '[data-testid="target-on-time"]', "97")
    fill(page, '[data-testid="target-field-dat-dai"]', "80")
    page.find_element(By.CSS_SELECTOR, '[data-testid="targets-save"]').click()
    wait_text(page, "#admin-message", "Đã lưu mục tiêu; cảnh báo, bảng giám sát và báo cáo dùng ngay.")
    report = server.api("GET", "/api/v1/reports?period=day:2026-12-07", token=server.login("giamsat"))
    assert report["targets"]["promisesOnTime"] == 0.97 and report["targets"]["satisfactionByField"]["dat-dai"] == 0.8
    assert "Thời gian chờ — Đất đai" in text_of(page, '[data-testid="targets-table"]')
    assert len(page.find_elements(By.CSS_SELECTOR, '[data-testid="devices-list"] li')) >= 1
    screenshot(page, "admin")
    assert_no_script_errors(page)


def test_admin_page_refuses_a_supervisor(khongcho_server: KhongChoServer, browser) -> None:
    page = page_login(browser, khongcho_server, "/admin", DESKTOP, "giamsat")
    wait_text(page, "#login-error", "Tài khoản này không có quyền vào trang này.")
    assert not page.find_element(By.ID, "admin-view").is_displayed()


def png(width: int, height: int, dark: Callable[[int, int], bool]) -> bytes:
    """A gray PNG, black where `dark(x, y)`: the logo an admin uploads."""
    import struct
    import zlib
    rows = b"".join(b"\x00" + bytes(0 if dark(x, y) else 255 for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def ticket_height(server: KhongChoServer, token: str) -> int:
    """The printed ticket's height in dots (the PNG's IHDR), as the virtual printer renders it."""
    with urllib.request.urlopen(f"{server.base_url}/api/v1/public/tickets/{token}/ticket.png", timeout=10) as response:
        return int.from_bytes(response.read()[20:24], "big")


def test_admin_names_the_hall_uploads_a_logo_and_the_screen_and_tickets_follow(
        khongcho_server: KhongChoServer, browser, tmp_path) -> None:
    server = khongcho_server
    before = ticket_height(server, server.issue("dat-dai")["token"])
    display = browser(TV)
    open_page(display, f"{server.base_url}/display", TV)
    wait_text(display, '[data-testid="ticker-text"]', "Vui lòng theo dõi số thứ tự", contains=True)
    assert not display.find_element(By.CSS_SELECTOR, '[data-testid="hall-logo"]').is_displayed()

    page = page_login(browser, server, "/admin", DESKTOP, "admin")
    wait_visible(page, "#admin-view")
    assert text_of(page, '[data-testid="section-identity"] h2').lower() == "trung tâm"
    wait_text(page, "#logo-none", "Chưa có logo.")
    fill(page, '[data-testid="identity-name"]', "Trung tâm Phục vụ hành chính công xã Tân Lập")
    fill(page, '[data-testid="identity-footer"]', "Đường dây nóng: 1900 1234")
    fill(page, '[data-testid="identity-announcement"]', "Thứ Sáu không chờ: nhận hồ sơ đến 15 giờ 30")
    page.find_element(By.CSS_SELECTOR, '[data-testid="identity-save"]').click()
    wait_text(page, "#admin-message", "Đã lưu “Trung tâm Phục vụ hành chính công xã Tân Lập”.")
    logo = tmp_path / "logo.png"
    logo.write_bytes(png(120, 60, lambda x, y: (x - 60) ** 2 + (y - 30) ** 2 < 26 ** 2))
    page.find_element(By.CSS_SELECTOR, '[data-testid="logo-file"]').send_keys(str(logo))
    wait_text(page, "#admin-message", "Đã lưu logo; phiếu sau và màn hình sảnh dùng logo mới.")
    wait_visible(page, '[data-testid="logo-preview"]')
    screenshot(page, "admin-identity")

    # The hall screen redraws by itself (event: hall): the new name, the logo instead of the emblem, the ticker.
    wait_text(display, '[data-testid="centre-name"]', "Trung tâm Phục vụ hành chính công xã Tân Lập")
    wait_text(display, '[data-testid="ticker-text"]', "Thứ Sáu không chờ: nhận hồ sơ đến 15 giờ 30 · Đường dây nóng: 1900 1234")
    wait_for(display, lambda d: d.execute_script(
        "const i = document.querySelector('[data-testid=hall-logo]'); return !i.hidden && i.complete && i.naturalWidth === 120"), 5, "the logo on the hall screen")
    assert not display.find_element(By.ID, "emblem").is_displayed()
    screenshot(display, "display-identity")

    # The next ticket prints the logo at its head and the footer at its foot: taller than the one before.
    after = ticket_height(server, server.issue("dat-dai")["token"])
    assert after > before + 80, (before, after)
    stored = server.api("GET", "/api/v1/admin/identity", token=server.login("admin"))
    assert stored["footer"] == "Đường dây nóng: 1900 1234" and stored["logo"].startswith("/api/v1/hall/logo.png?v=")
    assert_no_script_errors(page)
    assert_no_script_errors(display)


def test_admin_lists_a_procedures_papers_and_fee_and_the_dossier_desk_shows_them(
        khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    page = page_login(browser, server, "/admin", DESKTOP, "admin")
    wait_visible(page, '#procedures-body tr[data-procedure="1.001193"]')
    fill(page, '[data-testid="procedure-code"]', "1.000894")
    choose_option(page, '[data-testid="procedure-field"]', "ho-tich")
    fill(page, '[data-testid="procedure-name"]', "Đăng ký kết hôn")
    fill(page, '[data-testid="procedure-days"]', "0")
    choose_option(page, '[data-testid="procedure-group"]', "1")
    page.find_element(By.CSS_SELECTOR, '[data-testid="procedure-friday"]').click()
    fill(page, '[data-testid="procedure-fee"]', "Miễn phí")
    fill(page, '[data-testid="procedure-documents"]',
         "Tờ khai đăng ký kết hôn\n  \nGiấy xác nhận tình trạng hôn nhân\nCăn cước của hai bên")
    page.find_element(By.CSS_SELECTOR, '[data-testid="procedure-save"]').click()
    wait_text(page, "#admin-message", "Đã lưu “Đăng ký kết hôn”.")
    wait_text(page, '#procedures-body tr[data-procedure="1.000894"] .documents', "3")
    wait_text(page, '#procedures-body tr[data-procedure="1.000894"] .fee', "Miễn phí")
    screenshot(page, "admin-procedures")
    stored = next(p for p in server.api("GET", "/api/v1/catalog")["procedures"] if p["code"] == "1.000894")
    assert stored == {"code": "1.000894", "field": "ho-tich", "name": "Đăng ký kết hôn", "workingDays": 0, "sameDayGroup": 1,
                      "noWaitFriday": True, "fee": "Miễn phí",
                      "documents": ["Tờ khai đăng ký kết hôn", "Giấy xác nhận tình trạng hôn nhân", "Căn cước của hai bên"]}

    # At the desk the officer ticks the papers off the same list.
    server.issue("ho-tich")
    staff = page_login(browser, server, "/staff", DESKTOP, "quay3")
    wait_visible(staff, "#desk-view")
    wait_enabled(staff, "#btn-next").click()
    wait_text(staff, "#current-number", "B001")
    wait_enabled(staff, "#btn-serve").click()
    wait_visible(staff, "#dossier-form")
    choose_option(staff, "#dossier-procedure", "1.000894")
    wait_text(staff, '[data-testid="dossier-fee"]', "Lệ phí: Miễn phí")
    wait_text(staff, "#dossier-documents", "Tờ khai đăng ký kết hôn\nGiấy xác nhận tình trạng hôn nhân\nCăn cước của hai bên")
    screenshot(staff, "staff-dossier-checklist")
    choose_option(staff, "#dossier-procedure", "1.001193")
    wait_hidden(staff, '[data-testid="dossier-checklist"]')
    assert_no_script_errors(page)
    assert_no_script_errors(staff)
