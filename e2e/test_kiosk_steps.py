"""The kiosk's steps in a real browser against a real server: priority as a step of its own, the "come back at …"
screen after the cutoff and on closed days, and the kiosk settings behind the admin's PIN (hold the top-left corner).

    cd <repo> && python3 -m pytest -q e2e/test_kiosk_steps.py

Set KHONGCHO_SCREENSHOTS=/tmp/shots to keep PNGs of every screen at 1920×1080 and 1080×1920.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Iterator

import pytest

from conftest import ApiError, KhongChoServer
from test_browser import (  # noqa: F401  (browser is a fixture)
    KIOSK, TV, assert_no_script_errors, browser, choose_priority, open_kiosk, open_page, screenshot, text_of, wait_enabled,
    wait_for, wait_hidden, wait_text, wait_visible)
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

PORTRAIT = (1080, 1920)
PIN = "2468"
AFTER_CLOSING = "2026-12-07T18:00:00+07:00"  # Monday evening: the hall closed at 17:00
WEEKDAYS_VI = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def by_testid(name: str) -> str:
    return f'[data-testid="{name}"]'


@pytest.fixture
def server_at(tmp_path: Path) -> Iterator:
    """Starts servers on the training clock from another instant (after closing, a Sunday night…)."""
    servers: list[KhongChoServer] = []

    def start(now: str, **options) -> KhongChoServer:
        index = len(servers)
        server = KhongChoServer(tmp_path / f"data-{index}", tmp_path / f"server-{index}.log", extra_args=["--now", now], **options)
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def opening_text(iso: str, language: str) -> str:
    """The next opening as the kiosk writes it: "08:00 Thứ Ba, 08/12/2026" (Vietnam time, as the server sends it)."""
    moment = datetime.fromisoformat(iso)
    day = (WEEKDAYS_EN if language == "en" else WEEKDAYS_VI)[moment.weekday()]
    return f"{moment:%H:%M} {day}, {moment:%d/%m/%Y}"


def open_kiosk_page(browser, server: KhongChoServer, size=KIOSK) -> WebDriver:
    """The kiosk page without waiting for field buttons (a closed hall shows none)."""
    kiosk = browser(size)
    open_page(kiosk, f"{server.base_url}/kiosk", size)
    return kiosk


def hold(driver: WebDriver, css: str, seconds: float) -> None:
    """Presses and holds the pointer on an element, as a thumb on the touch screen would."""
    element = wait_visible(driver, css)
    ActionChains(driver).click_and_hold(element).pause(seconds).release().perform()


def set_pin(server: KhongChoServer, pin: str = PIN) -> None:
    server.api("PUT", "/api/v1/admin/kiosk-pin", {"pin": pin}, token=server.login("admin"))


def require_kiosk_settings(server: KhongChoServer) -> None:
    try:
        server.api("GET", "/api/v1/kiosk/settings")
    except ApiError as error:
        if error.status == 404:
            pytest.skip("this khongcho binary has no /api/v1/kiosk/settings yet")
        raise


def enter_pin(kiosk: WebDriver, pin: str) -> None:
    """Types the PIN on the kiosk's own keypad (no keyboard on a kiosk) and presses OK."""
    wait_visible(kiosk, by_testid("pin-screen"))
    for digit in pin:
        kiosk.find_element(By.CSS_SELECTOR, f'#pin-pad [data-digit="{digit}"]').click()
    assert kiosk.find_element(By.CSS_SELECTOR, by_testid("pin-input")).get_attribute("value") == pin
    kiosk.find_element(By.CSS_SELECTOR, by_testid("pin-ok")).click()


def open_settings(kiosk: WebDriver, pin: str = PIN) -> None:
    hold(kiosk, by_testid("kiosk-corner"), 3.3)
    enter_pin(kiosk, pin)
    wait_visible(kiosk, by_testid("kiosk-settings"))


def within_viewport(driver: WebDriver, css: str) -> list[dict]:
    """Elements matching css that are displayed but not wholly inside the viewport."""
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].filter((e) => e.offsetParent !== null).map((e) => {"
        " const r = e.getBoundingClientRect(); return {id: e.id || e.dataset.priority || e.textContent.trim().slice(0, 20),"
        " top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }).filter((r) => r.top < 0 || r.left < 0"
        " || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5);", css)


# ---------------------------------------------------------------- priority, a step of its own

def test_priority_is_a_separate_step_and_lasts_one_ticket(khongcho_server: KhongChoServer, browser) -> None:
    kiosk = open_kiosk(browser, khongcho_server)
    # The field screen shows one clear button, not the five categories.
    step = wait_visible(kiosk, by_testid("priority-step"))
    assert "Tôi thuộc diện ưu tiên" in step.text
    assert "Người cao tuổi" in step.text and "người có công" in step.text
    assert [b for b in kiosk.find_elements(By.CSS_SELECTOR, ".priority-btn") if b.is_displayed()] == []
    assert text_of(kiosk, ".kiosk-heading h1") == "Lấy số thứ tự"

    # The step: five categories and "Không, quay lại", which chooses nothing.
    step.click()
    wait_visible(kiosk, "#screen-priority")
    assert not kiosk.find_element(By.ID, "field-grid").is_displayed()
    codes = [b.get_attribute("data-priority") for b in kiosk.find_elements(By.CSS_SELECTOR, ".priority-btn") if b.is_displayed()]
    assert codes == ["elderly", "disabled", "pregnant", "infant", "merit"]
    assert all(b.find_element(By.CSS_SELECTOR, ".pico svg") for b in kiosk.find_elements(By.CSS_SELECTOR, ".priority-btn"))
    assert text_of(kiosk, by_testid("priority-back")) == "Không, quay lại"
    kiosk.find_element(By.CSS_SELECTOR, by_testid("priority-back")).click()
    wait_visible(kiosk, by_testid("priority-step"))
    assert text_of(kiosk, by_testid("priority-chosen")) == ""

    # Chosen, then cleared with "Bỏ chọn": back to the plain step.
    choose_priority(kiosk, "infant")
    assert text_of(kiosk, by_testid("priority-chosen-text")) == "Ưu tiên: Người đi cùng trẻ nhỏ"
    assert not kiosk.find_element(By.CSS_SELECTOR, by_testid("priority-step")).is_displayed()
    assert text_of(kiosk, by_testid("priority-clear")) == "Bỏ chọn"
    kiosk.find_element(By.CSS_SELECTOR, by_testid("priority-clear")).click()
    wait_visible(kiosk, by_testid("priority-step"))
    wait_hidden(kiosk, by_testid("priority-chosen"))

    # Chosen again: the ticket carries it (on screen and in the queue), and the next citizen starts without it.
    choose_priority(kiosk, "elderly")
    assert text_of(kiosk, by_testid("priority-chosen-text")) == "Ưu tiên: Người cao tuổi"
    kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="ho-tich"]').click()
    wait_text(kiosk, "#issued-number", "B001")
    assert text_of(kiosk, "#issued-priority") == "Ưu tiên: Người cao tuổi"
    token = kiosk.find_element(By.ID, "status-link").get_attribute("data-token")
    assert khongcho_server.api("GET", f"/api/v1/public/tickets/{token}")["priority"] == "elderly"
    kiosk.find_element(By.ID, "btn-done").click()
    wait_visible(kiosk, by_testid("priority-step"))
    wait_hidden(kiosk, by_testid("priority-chosen"))
    assert kiosk.find_elements(By.CSS_SELECTOR, '.priority-btn[aria-pressed="true"]') == []

    # Without the step the next ticket is a standard one.
    wait_enabled(kiosk, '.field-btn[data-field="ho-tich"]').click()
    wait_text(kiosk, "#issued-number", "B002")
    assert text_of(kiosk, "#issued-priority") == ""
    token = kiosk.find_element(By.ID, "status-link").get_attribute("data-token")
    assert khongcho_server.api("GET", f"/api/v1/public/tickets/{token}")["priority"] == "none"
    assert_no_script_errors(kiosk)


def test_an_error_forgets_the_priority_and_the_language(tmp_path: Path, browser) -> None:
    server = KhongChoServer(tmp_path / "data", tmp_path / "server.log", issue_rate_limit=1)
    server.start()
    try:
        kiosk = open_kiosk(browser, server)
        kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="dat-dai"]').click()
        wait_text(kiosk, "#issued-number", "A001")
        kiosk.find_element(By.ID, "btn-done").click()

        kiosk.find_element(By.ID, "lang-switch").click()
        choose_priority(kiosk, "disabled")
        assert text_of(kiosk, by_testid("priority-chosen-text")) == "Priority: Disabled"
        kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="dat-dai"]').click()  # within the minute: 429
        wait_text(kiosk, "#error-message", "Too many tickets", contains=True)
        kiosk.find_element(By.ID, "btn-error-back").click()
        wait_text(kiosk, ".kiosk-heading h1", "Lấy số thứ tự")
        wait_visible(kiosk, by_testid("priority-step"))
        assert text_of(kiosk, by_testid("priority-chosen")) == ""
        assert_no_script_errors(kiosk)
    finally:
        server.stop()


# ---------------------------------------------------------------- closed: when to come back

def test_after_closing_the_kiosk_says_when_to_come_back(server_at, browser) -> None:
    server = server_at(AFTER_CLOSING)
    issuing = server.api("GET", "/api/v1/hall")["issuing"]
    assert issuing["open"] is False
    kiosk = open_kiosk_page(browser, server)

    closed = wait_visible(kiosk, by_testid("closed-screen"), timeout=10)
    assert text_of(kiosk, "#screen-closed h2") == "Đã hết giờ lấy số"
    assert text_of(kiosk, by_testid("closed-message")) == issuing["message"]
    assert "Mời quay lại lúc" in issuing["message"] and "Thứ Ba 08/12/2026" in issuing["message"]
    assert text_of(kiosk, by_testid("closed-next-time")) == opening_text(issuing["nextOpening"], "vi")
    assert "Giờ lấy số tiếp theo" in closed.text
    assert not kiosk.find_element(By.ID, "field-grid").is_displayed()
    assert not kiosk.find_element(By.CSS_SELECTOR, by_testid("priority-step")).is_displayed()

    # In English, from the server's English words; the language control stays where it is.
    kiosk.find_element(By.CSS_SELECTOR, by_testid("lang-switch")).click()
    wait_text(kiosk, "#screen-closed h2", "Ticket issuing has closed")
    assert text_of(kiosk, by_testid("closed-message")) == issuing["messageEn"]
    assert text_of(kiosk, by_testid("closed-next-time")) == opening_text(issuing["nextOpening"], "en")
    # Still closed after the kiosk's own refresh, and nobody gets a number meanwhile.
    with pytest.raises(ApiError) as refused:
        server.issue("ho-tich")
    assert refused.value.status == 409 and refused.value.body["error"]["code"] == "hall_closed"
    assert_no_script_errors(kiosk)


def test_a_refused_ticket_at_the_cutoff_shows_the_closed_screen(server_at, browser) -> None:
    """The kiosk still shows the fields when the cutoff passes (its hall read is up to 20 s old): the server's 409
    hall_closed on the next touch turns it into the closed screen at once, with the next opening."""
    server = server_at("2026-12-07T16:59:52+07:00")
    kiosk = open_kiosk(browser, server)
    choose_priority(kiosk, "elderly")
    wait_for(kiosk, lambda _: server.api("GET", "/api/v1/hall")["issuing"]["open"] is False, 15, "the cutoff")
    issuing = server.api("GET", "/api/v1/hall")["issuing"]
    assert wait_visible(kiosk, '.field-btn[data-field="ho-tich"]')  # not refreshed yet
    kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="ho-tich"]').click()

    wait_visible(kiosk, by_testid("closed-screen"), timeout=5)
    assert text_of(kiosk, by_testid("closed-message")) == issuing["message"]
    wait_text(kiosk, by_testid("closed-next-time"), opening_text(issuing["nextOpening"], "vi"))
    assert not kiosk.find_element(By.ID, "screen-error").is_displayed()
    # The priority went with the refused ticket.
    assert kiosk.find_elements(By.CSS_SELECTOR, '.priority-btn[aria-pressed="true"]') == []
    screenshot(kiosk, "kiosk-closed-after-refusal")
    assert_no_script_errors(kiosk)


def test_on_a_closed_day_the_kiosk_opens_by_itself(server_at, browser) -> None:
    """Sunday night: closed, back on Monday; at midnight the hall issues again (the morning queue forms before the
    doors open) and the kiosk's own 20 s refresh brings the fields back without a touch."""
    server = server_at("2026-12-06T23:59:45+07:00")
    issuing = server.api("GET", "/api/v1/hall")["issuing"]
    assert issuing["open"] is False and "Thứ Hai 07/12/2026" in issuing["message"]
    kiosk = open_kiosk_page(browser, server)
    wait_visible(kiosk, by_testid("closed-screen"), timeout=10)
    assert text_of(kiosk, by_testid("closed-message")) == issuing["message"]
    assert text_of(kiosk, by_testid("closed-next-time")) == "08:00 Thứ Hai, 07/12/2026"

    wait_enabled(kiosk, '.field-btn[data-field="ho-tich"]', timeout=40)
    assert not kiosk.find_element(By.CSS_SELECTOR, by_testid("closed-screen")).is_displayed()
    wait_visible(kiosk, by_testid("priority-step"))
    kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="ho-tich"]').click()
    wait_text(kiosk, "#issued-number", "B001")
    assert_no_script_errors(kiosk)


# ---------------------------------------------------------------- settings behind the admin's PIN

def test_admin_pin_opens_the_kiosk_settings(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    require_kiosk_settings(server)
    kiosk = open_kiosk(browser, server)

    # No PIN set yet: holding the corner only says so.
    hold(kiosk, by_testid("kiosk-corner"), 3.3)
    wait_text(kiosk, by_testid("kiosk-toast"), "Ki-ốt chưa có mã PIN cài đặt.")
    assert not kiosk.find_element(By.CSS_SELECTOR, by_testid("pin-screen")).is_displayed()

    set_pin(server)
    # A short press (a citizen touching the emblem) opens nothing.
    hold(kiosk, by_testid("kiosk-corner"), 1.0)
    time.sleep(2.5)
    assert not kiosk.find_element(By.CSS_SELECTOR, by_testid("pin-screen")).is_displayed()

    # A wrong PIN is refused in words; the right one opens the settings.
    hold(kiosk, by_testid("kiosk-corner"), 3.3)
    enter_pin(kiosk, "1111")
    wait_text(kiosk, by_testid("pin-error"), "Sai mã PIN.")
    assert kiosk.find_element(By.CSS_SELECTOR, by_testid("pin-input")).get_attribute("value") == ""
    enter_pin(kiosk, PIN)
    settings = wait_visible(kiosk, by_testid("kiosk-settings"))
    assert "Cài đặt ki-ốt" in settings.text
    printer = kiosk.find_element(By.CSS_SELECTOR, by_testid("set-printer"))
    printers = [o.get_attribute("value") for o in printer.find_elements(By.TAG_NAME, "option")]
    assert printers[0] == "" and len(printers) >= 2, printers
    assert kiosk.find_element(By.CSS_SELECTOR, by_testid("set-language")).get_attribute("value") == "vi"
    assert kiosk.find_element(By.CSS_SELECTOR, by_testid("set-idle")).get_attribute("value") == "30"
    boxes = kiosk.find_elements(By.CSS_SELECTOR, f'{by_testid("set-fields")} input[type="checkbox"]')
    assert len(boxes) == 6 and all(box.is_selected() for box in boxes)

    # The server's refusal is shown in words: a kiosk with no field at all.
    for box in boxes:
        box.click()
    kiosk.find_element(By.CSS_SELECTOR, by_testid("settings-save")).click()
    wait_text(kiosk, by_testid("settings-message"), "Cần hiện ít nhất một lĩnh vực.", contains=True)
    for box in boxes:
        box.click()

    # Without Hộ tịch, 45 s, English, this printer.
    kiosk.find_element(By.CSS_SELECTOR, by_testid("set-field-ho-tich")).click()
    idle = kiosk.find_element(By.CSS_SELECTOR, by_testid("set-idle"))
    idle.clear()
    idle.send_keys("45")
    kiosk.find_element(By.CSS_SELECTOR, f'{by_testid("set-language")} option[value="en"]').click()
    kiosk.find_element(By.CSS_SELECTOR, f'{by_testid("set-printer")} option[value="{printers[1]}"]').click()
    kiosk.find_element(By.CSS_SELECTOR, by_testid("settings-save")).click()
    wait_text(kiosk, by_testid("settings-message"), "Đã lưu cài đặt.")
    saved = server.api("GET", "/api/v1/kiosk/settings")  # same client address as the browser
    assert saved["language"] == "en" and saved["idleSeconds"] == 45 and saved["printer"] == printers[1]
    assert "ho-tich" not in saved["fields"] and len(saved["fields"]) == 5

    # A test print on that printer: it says so, and the paper lands in the simulated printer's folder.
    printed_dir = server.data / "printed"
    before = set(printed_dir.glob("*.png")) if printed_dir.exists() else set()
    kiosk.find_element(By.CSS_SELECTOR, by_testid("test-print")).click()
    wait_text(kiosk, by_testid("test-print-result"), "Đã in thử trên máy in", contains=True)
    wait_for(kiosk, lambda _: set(printed_dir.glob("*.png")) - before, 5, "a test print PNG")

    # Closed: the kiosk starts over in its new default language, without Hộ tịch.
    kiosk.find_element(By.CSS_SELECTOR, by_testid("settings-close")).click()
    wait_text(kiosk, ".kiosk-heading h1", "Take a queue number")
    wait_enabled(kiosk, '.field-btn[data-field="dat-dai"]')
    assert kiosk.find_elements(By.CSS_SELECTOR, '.field-btn[data-field="ho-tich"]') == []
    assert len(kiosk.find_elements(By.CSS_SELECTOR, ".field-btn")) == 5
    # A citizen reads Vietnamese; after the ticket the kiosk is back to English.
    kiosk.find_element(By.CSS_SELECTOR, by_testid("lang-switch")).click()
    wait_text(kiosk, ".kiosk-heading h1", "Lấy số thứ tự")
    kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="dat-dai"]').click()
    wait_text(kiosk, "#issued-number", "A001")
    kiosk.find_element(By.ID, "btn-done").click()
    wait_text(kiosk, ".kiosk-heading h1", "Take a queue number")

    # The settings survive a reload of the page (they are the server's, for this kiosk).
    kiosk.refresh()
    wait_enabled(kiosk, '.field-btn[data-field="dat-dai"]')
    assert kiosk.find_elements(By.CSS_SELECTOR, '.field-btn[data-field="ho-tich"]') == []

    # A server restart forgets the unlock: saving then asks for the PIN again, in words.
    open_settings(kiosk)
    server.restart()
    kiosk.find_element(By.CSS_SELECTOR, by_testid("settings-save")).click()
    wait_visible(kiosk, by_testid("pin-screen"), timeout=10)
    wait_text(kiosk, by_testid("pin-error"), "The kiosk settings session has expired", contains=True)
    kiosk.find_element(By.CSS_SELECTOR, by_testid("pin-cancel")).click()
    wait_enabled(kiosk, '.field-btn[data-field="dat-dai"]')
    assert_no_script_errors(kiosk)


def test_a_forgotten_settings_screen_closes_itself(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    require_kiosk_settings(server)
    set_pin(server)
    # 10 s idle, set as the kiosk would (the unlock and the settings are this client address's).
    key = server.api("POST", "/api/v1/kiosk/unlock", {"pin": PIN})["token"]
    server.api("PUT", "/api/v1/kiosk/settings", {"token": key, "language": "vi", "idleSeconds": 10, "fields": None, "printer": None})
    kiosk = open_kiosk(browser, server)

    open_settings(kiosk)
    opened = time.monotonic()
    wait_visible(kiosk, '.field-btn[data-field="ho-tich"]', timeout=20)
    assert 9 <= time.monotonic() - opened <= 14, time.monotonic() - opened
    assert not kiosk.find_element(By.CSS_SELECTOR, by_testid("kiosk-settings")).is_displayed()

    # The PIN pad too, and the unlock is gone with it: the corner asks for the PIN again.
    hold(kiosk, by_testid("kiosk-corner"), 3.3)
    wait_visible(kiosk, by_testid("pin-screen"))
    wait_visible(kiosk, '.field-btn[data-field="ho-tich"]', timeout=15)
    assert_no_script_errors(kiosk)


# ---------------------------------------------------------------- how it looks, landscape and portrait

@pytest.mark.parametrize("size", [TV, PORTRAIT], ids=["1920x1080", "1080x1920"])
def test_kiosk_steps_fit_the_screen(khongcho_server: KhongChoServer, browser, size) -> None:
    server = khongcho_server
    kiosk = browser(size)
    open_page(kiosk, f"{server.base_url}/kiosk", size)
    wait_enabled(kiosk, '.field-btn[data-field="ho-tich"]')
    name = f"{size[0]}x{size[1]}"
    screenshot(kiosk, f"steps-{name}-1-fields")
    assert within_viewport(kiosk, ".field-btn, [data-testid=priority-step], .lang-switch") == []

    kiosk.find_element(By.CSS_SELECTOR, by_testid("priority-step")).click()
    wait_visible(kiosk, "#screen-priority")
    screenshot(kiosk, f"steps-{name}-2-priority")
    assert within_viewport(kiosk, ".priority-btn, [data-testid=priority-back]") == []
    heights = [b.rect["height"] for b in kiosk.find_elements(By.CSS_SELECTOR, ".priority-btn")]
    assert min(heights) >= 80, heights
    kiosk.find_element(By.CSS_SELECTOR, '.priority-btn[data-priority="merit"]').click()
    wait_visible(kiosk, by_testid("priority-chosen"))
    screenshot(kiosk, f"steps-{name}-3-chosen")
    assert within_viewport(kiosk, ".field-btn, [data-testid=priority-chosen], [data-testid=priority-clear]") == []
    kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="ho-tich"]').click()
    wait_text(kiosk, "#issued-number", "B001")
    wait_visible(kiosk, "#ticket-image")
    wait_for(kiosk, lambda d: d.execute_script("return !document.getElementById('status-qr').classList.contains('loading')"), 5, "QR")
    time.sleep(0.5)  # the number's pop-in animation
    screenshot(kiosk, f"steps-{name}-3b-ticket")
    assert within_viewport(kiosk, "#issued-number, #issued-priority, #status-qr, #btn-done, .stat") == []
    kiosk.find_element(By.ID, "btn-done").click()
    wait_visible(kiosk, by_testid("priority-step"))

    try:
        server.api("GET", "/api/v1/kiosk/settings")
    except ApiError:
        return  # no kiosk settings in this binary: nothing more to look at
    set_pin(server)
    hold(kiosk, by_testid("kiosk-corner"), 3.3)
    wait_visible(kiosk, by_testid("pin-screen"))
    screenshot(kiosk, f"steps-{name}-4-pin")
    assert within_viewport(kiosk, "#pin-pad button, [data-testid=pin-ok], [data-testid=pin-cancel]") == []
    enter_pin(kiosk, PIN)
    wait_visible(kiosk, by_testid("kiosk-settings"))
    screenshot(kiosk, f"steps-{name}-5-settings")
    assert within_viewport(kiosk, "[data-testid=settings-save], [data-testid=settings-close], [data-testid=test-print]") == []
    assert_no_script_errors(kiosk)


@pytest.mark.parametrize("size", [TV, PORTRAIT], ids=["1920x1080", "1080x1920"])
def test_closed_screen_fits_the_screen(server_at, browser, size) -> None:
    server = server_at(AFTER_CLOSING)
    kiosk = browser(size)
    open_page(kiosk, f"{server.base_url}/kiosk", size)
    wait_visible(kiosk, by_testid("closed-screen"), timeout=10)
    wait_visible(kiosk, by_testid("closed-next-time"))
    screenshot(kiosk, f"steps-{size[0]}x{size[1]}-6-closed")
    assert within_viewport(kiosk, ".closed-card") == []
    kiosk.find_element(By.CSS_SELECTOR, by_testid("lang-switch")).click()
    wait_text(kiosk, "#screen-closed h2", "Ticket issuing has closed")
    screenshot(kiosk, f"steps-{size[0]}x{size[1]}-7-closed-en")
    assert within_viewport(kiosk, ".closed-card") == []
    assert_no_script_errors(kiosk)
