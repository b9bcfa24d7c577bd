"""The four web pages in a real browser (headless Chromium through Selenium), against a real server.

Uses Debian's /usr/bin/chromium and /usr/bin/chromedriver explicitly, so Selenium Manager never downloads
anything. The server comes from the `khongcho_server` fixture in conftest.py (fresh data per test).

    cd <repo> && python3 -m pytest -q e2e/test_browser.py

Set KHONGCHO_SCREENSHOTS=/tmp/pages to keep a PNG of the kiosk's ticket screen. The kiosk's QR code is read
from a screenshot with zbarimg (apt-get install zbar-tools).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest

selenium = pytest.importorskip("selenium")
from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from conftest import KhongChoServer  # noqa: E402

CHROMIUM = os.environ.get("KHONGCHO_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("KHONGCHO_CHROMEDRIVER", "/usr/bin/chromedriver")
SHOTS = os.environ.get("KHONGCHO_SCREENSHOTS")
KIOSK = (1280, 800)
TV = (1920, 1080)
DESKTOP = (1366, 768)
PHONE = (390, 844)


# ---------------------------------------------------------------- browser fixtures and helpers

@pytest.fixture
def browser() -> Iterator[Callable[[tuple[int, int]], WebDriver]]:
    """A factory of headless Chromium windows (each with its own fresh profile); all quit after the test."""
    if not (os.path.isfile(CHROMIUM) and os.path.isfile(CHROMEDRIVER)):
        pytest.skip(f"needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)")
    drivers: list[WebDriver] = []

    def open_window(size: tuple[int, int]) -> WebDriver:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=vi-VN",
                         "--autoplay-policy=no-user-gesture-required", f"--window-size={size[0]},{size[1]}"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        drivers.append(driver)
        return driver

    yield open_window
    for driver in drivers:
        try:
            driver.quit()
        except WebDriverException:
            pass


def wait_for(driver: WebDriver, condition: Callable[[WebDriver], object], timeout: float, message: str):
    return WebDriverWait(driver, timeout, poll_frequency=0.05,
                         ignored_exceptions=(StaleElementReferenceException,)).until(condition, message)


def text_of(driver: WebDriver, css: str) -> str:
    """The element's visible text ("" when missing or hidden). Pages redraw live, so an element found can be
    replaced before it is read: look it up again then."""
    for _ in range(5):
        try:
            elements = driver.find_elements(By.CSS_SELECTOR, css)
            return elements[0].text.strip() if elements and elements[0].is_displayed() else ""
        except StaleElementReferenceException:
            time.sleep(0.05)
    return ""


def wait_text(driver: WebDriver, css: str, expected: str, timeout: float = 5, contains: bool = False) -> str:
    def check(d: WebDriver):
        text = text_of(d, css)
        return text if (expected in text if contains else text == expected) else False
    try:
        return wait_for(driver, check, timeout, f"{css} never showed {expected!r}")
    except Exception:
        raise AssertionError(f"{css}: expected {expected!r}, page shows {text_of(driver, css)!r} "
                             f"(url {driver.current_url})") from None


def wait_visible(driver: WebDriver, css: str, timeout: float = 5):
    def check(d: WebDriver):
        found = d.find_elements(By.CSS_SELECTOR, css)
        return found[0] if found and found[0].is_displayed() else False
    return wait_for(driver, check, timeout, f"{css} never became visible")


def wait_hidden(driver: WebDriver, css: str, timeout: float = 5) -> None:
    def check(d: WebDriver):
        found = d.find_elements(By.CSS_SELECTOR, css)
        return not found or not found[0].is_displayed()
    wait_for(driver, check, timeout, f"{css} never went away")


def wait_enabled(driver: WebDriver, css: str, timeout: float = 5):
    def check(d: WebDriver):
        found = d.find_elements(By.CSS_SELECTOR, css)
        return found[0] if found and found[0].is_displayed() and found[0].is_enabled() else False
    return wait_for(driver, check, timeout, f"{css} never became clickable")


def click_live(driver: WebDriver, css: str, timeout: float = 5) -> None:
    """Clicks an element that the page may re-draw at any moment (a live table), retrying a stale one."""
    def attempt(d: WebDriver) -> bool:
        try:
            found = d.find_elements(By.CSS_SELECTOR, css)
            if not found or not found[0].is_displayed() or not found[0].is_enabled():
                return False
            found[0].click()
            return True
        except StaleElementReferenceException:
            return False
    wait_for(driver, attempt, timeout, f"{css} could not be clicked")


def choose_option(driver: WebDriver, css: str, value: str, timeout: float = 5) -> None:
    """Picks an <option> by value, retrying while the page re-renders the <select> after a live event."""
    def pick(d: WebDriver) -> bool:
        try:
            d.find_element(By.CSS_SELECTOR, f'{css} option[value="{value}"]').click()
            return d.find_element(By.CSS_SELECTOR, css).get_attribute("value") == value
        except (StaleElementReferenceException, NoSuchElementException):
            return False
    wait_for(driver, pick, timeout, f"could not choose {value} in {css}")


def assert_no_script_errors(driver: WebDriver) -> None:
    """No uncaught exceptions in the page (network failures during a restart are expected and ignored)."""
    errors = [entry["message"] for entry in driver.get_log("browser")
              if entry["level"] == "SEVERE" and entry.get("source") != "network"
              and "Failed to load resource" not in entry["message"] and "net::ERR_" not in entry["message"]]
    assert not errors, f"script errors on {driver.current_url}: {errors}"


def scan_qr_on_screen(driver: WebDriver, css: str, png: Path, token: str) -> str:
    """What a phone reads from the QR code image `css` as the screen shows it: the element's pixels from a
    screenshot, decoded by zbarimg. Like a phone camera it looks again for a few seconds: the ticket screen is still
    settling (the printed-ticket picture and the priority badge arrive after the number and move the code down), and
    an element screenshot taken mid-move catches half a code."""
    zbarimg = shutil.which("zbarimg")
    if not zbarimg:
        pytest.skip("needs zbarimg (apt-get install zbar-tools)")
    image = wait_visible(driver, css)
    wait_for(driver, lambda d: d.execute_script(
        "const i = arguments[0]; return i.complete && i.naturalWidth > 0 && !i.classList.contains('loading')"
        " && i.getAttribute('src').includes(arguments[1]);", image, token),
        5, f"{css} never loaded the code for ticket {token}")
    deadline = time.monotonic() + 10
    while True:
        image.screenshot(str(png))
        scan = subprocess.run([zbarimg, "--raw", "-q", str(png)], capture_output=True, text=True, timeout=30)
        if scan.returncode == 0 or time.monotonic() > deadline:
            break
        time.sleep(0.25)
    assert scan.returncode == 0, f"zbarimg found no QR code in {png} (exit {scan.returncode}): {scan.stderr}"
    return scan.stdout.strip()


def screenshot(driver: WebDriver, name: str) -> None:
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        driver.save_screenshot(os.path.join(SHOTS, f"{name}.png"))


def open_page(driver: WebDriver, url: str, size: tuple[int, int]) -> None:
    driver.get(url)
    # Make the viewport (not the outer window) the size the page is designed for.
    inner_width, inner_height = driver.execute_script("return [innerWidth, innerHeight]")
    if (inner_width, inner_height) != size:
        outer = driver.get_window_size()
        driver.set_window_size(outer["width"] + size[0] - inner_width, outer["height"] + size[1] - inner_height)


def open_kiosk(browser, server: KhongChoServer) -> WebDriver:
    kiosk = browser(KIOSK)
    open_page(kiosk, f"{server.base_url}/kiosk", KIOSK)
    wait_enabled(kiosk, '.field-btn[data-field="ho-tich"]')
    return kiosk


def choose_priority(kiosk: WebDriver, code: str) -> None:
    """The kiosk's priority step: the button under the fields, then the category on its own screen; back on the
    fields, the banner says which priority the next ticket carries."""
    wait_enabled(kiosk, '[data-testid="priority-step"]').click()
    wait_enabled(kiosk, f'.priority-btn[data-priority="{code}"]').click()
    wait_visible(kiosk, '[data-testid="priority-chosen"]')
    wait_visible(kiosk, "#field-grid")


def open_display(browser, server: KhongChoServer) -> WebDriver:
    display = browser(TV)
    open_page(display, f"{server.base_url}/display", TV)
    wait_visible(display, '[data-counter="3"]')
    wait_text(display, '[data-counter="3"] .counter-label', "QUẦY 3")
    return display


def staff_login(browser, server: KhongChoServer, username: str, password: str = "khongcho-demo") -> WebDriver:
    staff = browser(DESKTOP)
    open_page(staff, f"{server.base_url}/staff", DESKTOP)
    sign_in(staff, username, password)
    wait_visible(staff, "#desk-view")
    return staff


def sign_in(staff: WebDriver, username: str, password: str) -> None:
    name = wait_visible(staff, "#login-username")
    name.clear()
    name.send_keys(username)
    secret = staff.find_element(By.ID, "login-password")
    secret.clear()
    secret.send_keys(password)
    staff.find_element(By.ID, "btn-login").click()


# ---------------------------------------------------------------- tests

def test_kiosk_issues_a_number_with_people_ahead(khongcho_server: KhongChoServer, browser, tmp_path: Path) -> None:
    kiosk = open_kiosk(browser, khongcho_server)
    assert "Hộ tịch" in text_of(kiosk, '.field-btn[data-field="ho-tich"]')
    wait_text(kiosk, '.field-btn[data-field="ho-tich"] .field-waiting', "0 người đang chờ")

    kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="ho-tich"]').click()

    wait_text(kiosk, "#issued-number", "B001")
    assert text_of(kiosk, "#issued-field") == "Hộ tịch"
    ticket_screen = text_of(kiosk, "#screen-ticket")
    assert "Số người chờ trước bạn" in ticket_screen
    assert text_of(kiosk, "#issued-ahead") == "0"
    assert "Thời gian chờ dự kiến" in ticket_screen
    assert "/t/" in text_of(kiosk, "#status-link")
    # The QR code on screen (drawn by the server) takes a phone to this ticket's status page.
    token = kiosk.find_element(By.ID, "status-link").get_attribute("data-token")
    status_url = f"{khongcho_server.base_url}/t/{token}"
    assert kiosk.find_element(By.ID, "status-link").get_attribute("data-url") == status_url
    assert scan_qr_on_screen(kiosk, "#status-qr", tmp_path / "kiosk-qr.png", token) == status_url
    assert kiosk.find_element(By.ID, "status-qr").get_attribute("alt") == "Mã QR mở trang theo dõi phiếu của bạn"
    # The simulated printer printed it: the kiosk says so, shows the paper, and keeps it as a PNG.
    wait_text(kiosk, "#print-note", "Vui lòng nhận phiếu ở khe máy in.")
    wait_visible(kiosk, "#ticket-image")
    screenshot(kiosk, "kiosk-ticket")
    printed = list((khongcho_server.data / "printed").glob("*-B001.png"))
    assert len(printed) == 1 and printed[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # "Xong" returns to the start, where the field now counts the new ticket.
    kiosk.find_element(By.ID, "btn-done").click()
    wait_text(kiosk, '.field-btn[data-field="ho-tich"] .field-waiting', "1 người đang chờ")

    # A priority ticket: priority is a step of its own, remembered for one ticket only.
    choose_priority(kiosk, "elderly")
    assert text_of(kiosk, '[data-testid="priority-chosen-text"]') == "Ưu tiên: Người cao tuổi"
    kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="ho-tich"]').click()
    wait_text(kiosk, "#issued-number", "B002")
    assert text_of(kiosk, "#issued-priority") == "Ưu tiên: Người cao tuổi"
    second = kiosk.find_element(By.ID, "status-link").get_attribute("data-token")
    assert second != token
    assert scan_qr_on_screen(kiosk, "#status-qr", tmp_path / "kiosk-qr-2.png", second) == f"{khongcho_server.base_url}/t/{second}"
    kiosk.find_element(By.ID, "btn-done").click()
    wait_visible(kiosk, '.field-btn[data-field="ho-tich"]')
    assert kiosk.find_element(By.CSS_SELECTOR, '.priority-btn[data-priority="elderly"]').get_attribute("aria-pressed") == "false"
    wait_visible(kiosk, '[data-testid="priority-step"]')
    assert not kiosk.find_element(By.CSS_SELECTOR, '[data-testid="priority-chosen"]').is_displayed()
    assert_no_script_errors(kiosk)


def test_staff_call_appears_on_display_within_two_seconds(khongcho_server: KhongChoServer, browser) -> None:
    khongcho_server.issue("ho-tich")
    display = open_display(browser, khongcho_server)
    wait_text(display, '#waiting-list [data-field="ho-tich"] .w-count', "1")

    staff = browser(DESKTOP)
    open_page(staff, f"{khongcho_server.base_url}/staff", DESKTOP)
    sign_in(staff, "quay3", "wrong-password")
    wait_text(staff, "#login-error", "Sai tên đăng nhập hoặc mật khẩu.")
    sign_in(staff, "quay3", "khongcho-demo")
    wait_visible(staff, "#desk-view")
    assert text_of(staff, "#user-name") == "quay3 · Cán bộ"
    wait_text(staff, "#counter-fixed", "3")
    wait_text(staff, "#queue-list tr:first-child .q-number", "B001")

    wait_enabled(staff, "#btn-next").click()
    called_at = time.monotonic()

    wait_text(display, '[data-counter="3"] .counter-number', "B001", timeout=2)
    assert time.monotonic() - called_at < 2.0
    assert text_of(display, '[data-counter="3"] .counter-status') == "Mời"
    assert text_of(display, "#now-number") == "B001"
    assert text_of(display, "#now-counter") == "3"
    assert "B001" in text_of(display, "#history")
    wait_text(display, '#waiting-list [data-field="ho-tich"] .w-count', "0")

    wait_text(staff, "#current-number", "B001")
    assert text_of(staff, "#current-state") == "Đang mời"
    assert "Đã mời số B001" in text_of(staff, "#staff-message")

    # Serve, then finish: the display follows, the counter becomes free again.
    wait_enabled(staff, "#btn-serve").click()
    wait_text(display, '[data-counter="3"] .counter-status', "Đang phục vụ", timeout=2)
    wait_text(staff, "#current-state", "Đang phục vụ")
    wait_enabled(staff, "#btn-done").click()
    wait_text(display, '[data-counter="3"] .counter-number', "—", timeout=2)
    wait_visible(staff, "#current-none")
    assert_no_script_errors(display)
    assert_no_script_errors(staff)


def test_phone_page_follows_its_ticket_until_called(khongcho_server: KhongChoServer, browser) -> None:
    kiosk = open_kiosk(browser, khongcho_server)
    kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="ho-tich"]').click()
    wait_text(kiosk, "#issued-number", "B001")
    status_url = kiosk.find_element(By.ID, "status-link").get_attribute("data-url")
    assert status_url.startswith(f"{khongcho_server.base_url}/t/")

    phone = browser(PHONE)
    open_page(phone, status_url, PHONE)
    wait_text(phone, "#ticket-number", "B001")
    assert text_of(phone, "#ticket-field") == "Hộ tịch"
    assert text_of(phone, "#ticket-state") == "Đang chờ"
    assert text_of(phone, "#ticket-ahead") == "0"
    assert not phone.find_element(By.ID, "call-banner").is_displayed()

    token = khongcho_server.login("quay3")
    called = khongcho_server.call_next(3, token)
    assert called and called["number"] == "B001"

    wait_text(phone, "#call-text", "Mời số B001 đến quầy 3", timeout=5)
    assert "quầy 3" in text_of(phone, "#call-banner")
    assert text_of(phone, "#ticket-state") == "Đang mời"

    phone.find_element(By.ID, "lang-switch").click()
    wait_text(phone, "#call-text", "Please go to counter 3", contains=True)
    assert_no_script_errors(phone)


def test_kiosk_offers_print_again_when_no_paper_came_out(khongcho_server: KhongChoServer, browser) -> None:
    """The simulated printer runs out of paper (its sensors.json, as a centre rehearses it): the number stays on
    screen with the reason and "Lấy lại vé"; paper back in, the button prints it and goes away."""
    printed = khongcho_server.data / "printed"
    printed.mkdir(parents=True, exist_ok=True)
    sensors = printed / "sensors.json"
    sensors.write_text('{"paperOut": true}')
    try:
        kiosk = open_kiosk(browser, khongcho_server)
        kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="dat-dai"]').click()
        wait_text(kiosk, "#issued-number", "A001")
        wait_text(kiosk, "#print-note", "Máy in hết giấy – Máy in đang gặp sự cố – vui lòng ghi nhớ số thứ tự của bạn.")
        wait_visible(kiosk, "#btn-reprint")
        assert text_of(kiosk, "#btn-reprint") == "Lấy lại vé"
        screenshot(kiosk, "kiosk-print-again")
        assert list(printed.glob("*-A001.png")) == []

        sensors.unlink()
        kiosk.find_element(By.ID, "btn-reprint").click()
        wait_text(kiosk, "#print-note", "Vui lòng nhận phiếu ở khe máy in.")
        wait_hidden(kiosk, "#btn-reprint")
        assert len(list(printed.glob("*-A001.png"))) == 1
        assert_no_script_errors(kiosk)
    finally:
        sensors.unlink(missing_ok=True)


def test_kiosk_language_switch_shows_english_and_is_remembered(khongcho_server: KhongChoServer, browser) -> None:
    kiosk = open_kiosk(browser, khongcho_server)
    assert text_of(kiosk, "#lang-switch") == "English"
    assert text_of(kiosk, '.field-btn[data-field="ho-tich"] .field-name') == "Hộ tịch"

    kiosk.find_element(By.ID, "lang-switch").click()

    wait_text(kiosk, '.field-btn[data-field="ho-tich"] .field-name', "Civil status")
    assert text_of(kiosk, ".kiosk-heading h1") == "Take a queue number"
    assert text_of(kiosk, '[data-testid="priority-step"] .step-title') == "I have priority"
    kiosk.find_element(By.CSS_SELECTOR, '[data-testid="priority-step"]').click()
    wait_text(kiosk, '.priority-btn[data-priority="elderly"]', "Elderly")
    assert text_of(kiosk, '[data-testid="priority-back"]') == "No, go back"
    kiosk.find_element(By.CSS_SELECTOR, '[data-testid="priority-back"]').click()
    wait_visible(kiosk, "#field-grid")
    assert text_of(kiosk, '.field-btn[data-field="ho-tich"] .field-waiting') == "0 waiting"
    assert text_of(kiosk, "#lang-switch") == "Tiếng Việt"

    kiosk.refresh()  # kept in localStorage
    wait_text(kiosk, '.field-btn[data-field="ho-tich"] .field-name', "Civil status")
    kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="ho-tich"]').click()
    wait_text(kiosk, "#issued-number", "B001")
    assert "People ahead of you" in text_of(kiosk, "#screen-ticket")
    assert text_of(kiosk, "#btn-done") == "Done"
    assert kiosk.find_element(By.ID, "status-qr").get_attribute("alt") == "QR code that opens your ticket's status page"

    kiosk.find_element(By.ID, "lang-switch").click()
    wait_text(kiosk, "#btn-done", "Xong")
    assert_no_script_errors(kiosk)


def test_kiosk_is_back_in_vietnamese_without_priority_after_a_ticket_and_after_30_s_idle(
        khongcho_server: KhongChoServer, browser) -> None:
    kiosk = open_kiosk(browser, khongcho_server)
    kiosk.find_element(By.ID, "lang-switch").click()
    wait_text(kiosk, ".kiosk-heading h1", "Take a queue number")
    choose_priority(kiosk, "elderly")
    kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="ho-tich"]').click()
    wait_text(kiosk, "#issued-number", "B001")
    assert text_of(kiosk, "#issued-priority") == "Priority: Elderly"
    assert text_of(kiosk, "#btn-done") == "Done"
    kiosk.find_element(By.ID, "btn-done").click()
    # The next citizen: Vietnamese, and no priority carried over.
    wait_text(kiosk, ".kiosk-heading h1", "Lấy số thứ tự")
    assert text_of(kiosk, "#lang-switch") == "English"
    pressed = kiosk.find_elements(By.CSS_SELECTOR, '.priority-btn[aria-pressed="true"]')
    assert pressed == [], [p.get_attribute("data-priority") for p in pressed]
    assert text_of(kiosk, '[data-testid="priority-chosen"]') == ""

    # Someone switches to English, picks a priority and walks away: 30 s later the kiosk is back to Vietnamese.
    kiosk.find_element(By.ID, "lang-switch").click()
    choose_priority(kiosk, "pregnant")
    touched = time.monotonic()
    wait_text(kiosk, '[data-testid="priority-chosen-text"]', "Priority: Pregnant")
    wait_text(kiosk, ".kiosk-heading h1", "Take a queue number")
    wait_text(kiosk, ".kiosk-heading h1", "Lấy số thứ tự", timeout=40)
    idle = time.monotonic() - touched
    assert 29 <= idle <= 36, f"reset after {idle:.1f} s"
    assert kiosk.find_elements(By.CSS_SELECTOR, '.priority-btn[aria-pressed="true"]') == []
    wait_hidden(kiosk, '[data-testid="priority-chosen"]')
    assert text_of(kiosk, '[data-testid="priority-step"] .step-title') == "Tôi thuộc diện ưu tiên"
    assert_no_script_errors(kiosk)


def test_display_recovers_after_server_restart(khongcho_server: KhongChoServer, browser) -> None:
    display = open_display(browser, khongcho_server)
    wait_hidden(display, "#conn-badge")

    khongcho_server.stop()
    badge = wait_visible(display, "#conn-badge", timeout=5)
    assert "Mất kết nối" in badge.text

    khongcho_server.start()  # same port, same data directory
    ticket = khongcho_server.issue("ho-tich")
    token = khongcho_server.login("quay3")
    called = khongcho_server.call_next(3, token)
    assert called and called["number"] == ticket["number"]
    called_at = time.monotonic()

    wait_text(display, '[data-counter="3"] .counter-number', ticket["number"], timeout=6)
    assert time.monotonic() - called_at < 6.0
    wait_hidden(display, "#conn-badge", timeout=2)

    # And it is live again, not just reloaded: the next call arrives through the stream.
    khongcho_server.issue("ho-tich")
    token4 = khongcho_server.login("quay4")
    second = khongcho_server.call_next(4, token4)
    wait_text(display, '[data-counter="4"] .counter-number', second["number"], timeout=2)
    wait_text(display, "#now-number", second["number"], timeout=2)


def test_kiosk_shows_the_servers_error_in_vietnamese(tmp_path, browser) -> None:
    server = KhongChoServer(tmp_path / "data", tmp_path / "server.log", issue_rate_limit=1)
    server.start()
    try:
        kiosk = open_kiosk(browser, server)
        kiosk.find_element(By.CSS_SELECTOR, '.field-btn[data-field="dat-dai"]').click()
        wait_text(kiosk, "#issued-number", "A001")
        kiosk.find_element(By.ID, "btn-done").click()

        wait_enabled(kiosk, '.field-btn[data-field="dat-dai"]').click()  # second ticket within the minute: 429

        message = wait_text(kiosk, "#error-message", "Lấy số quá nhanh", contains=True)
        assert "vui lòng chờ" in message
        assert text_of(kiosk, "#screen-error h2") == "Chưa lấy được số"
        kiosk.find_element(By.ID, "btn-error-back").click()
        wait_visible(kiosk, '.field-btn[data-field="dat-dai"]')
        assert_no_script_errors(kiosk)
    finally:
        server.stop()


def test_supervisor_works_any_counter_through_every_action(khongcho_server: KhongChoServer, browser) -> None:
    khongcho_server.issue("ho-tich")  # B001
    staff = staff_login(browser, khongcho_server, "giamsat")
    assert text_of(staff, "#user-name") == "giamsat · Giám sát"
    wait_visible(staff, "#counter-select")
    choose_option(staff, "#counter-select", "4")
    wait_text(staff, "#counter-fields", "Hộ tịch, Chứng thực", contains=True)
    wait_text(staff, "#queue-list tr:first-child .q-number", "B001")

    # Pause: no calls until resumed.
    wait_enabled(staff, "#btn-pause").click()
    wait_visible(staff, "#paused-banner")
    wait_text(staff, "#btn-pause", "Mở lại quầy")
    assert not staff.find_element(By.ID, "btn-next").is_enabled()
    wait_enabled(staff, "#btn-pause").click()
    wait_hidden(staff, "#paused-banner")

    wait_enabled(staff, "#btn-next").click()
    wait_text(staff, "#current-number", "B001")
    wait_enabled(staff, "#btn-reprint").click()
    wait_text(staff, "#staff-message", "Đã in lại phiếu B001.")
    wait_enabled(staff, "#btn-recall").click()
    wait_text(staff, "#current-recalls", "Đã gọi lại 1 lần")

    # Transfer to Chứng thực: the ticket goes back to the waiting list under its new field.
    choose_option(staff, "#transfer-field", "chung-thuc")
    wait_enabled(staff, "#btn-transfer").click()
    wait_visible(staff, "#current-none")
    wait_text(staff, "#staff-message", "Đã chuyển phiếu B001 sang Chứng thực.")
    wait_text(staff, '#queue-list tr[data-number="B001"] td:nth-child(3)', "Chứng thực")

    wait_enabled(staff, "#btn-next").click()
    wait_text(staff, "#current-number", "B001")
    wait_enabled(staff, "#btn-noshow").click()
    # Asked first, the confirm button focused: Enter goes through.
    wait_text(staff, "#ask-message", "Báo vắng mặt số B001?")
    staff.switch_to.active_element.send_keys(Keys.ENTER)
    wait_visible(staff, "#current-none")
    wait_text(staff, "#staff-message", "Phiếu B001: Vắng mặt.")

    wait_enabled(staff, "#btn-next").click()
    wait_text(staff, "#staff-message", "Không còn ai đang chờ.")

    # A ticket issued meanwhile shows up in the list by itself (live), then is cancelled at the counter.
    khongcho_server.issue("chung-thuc")  # C001
    wait_text(staff, "#queue-list tr:first-child .q-number", "C001")
    wait_enabled(staff, "#btn-next").click()
    wait_text(staff, "#current-number", "C001")
    wait_enabled(staff, "#btn-cancel").click()
    wait_text(staff, "#ask-message", "Hủy phiếu C001? Công dân sẽ phải lấy số mới.")
    staff.find_element(By.ID, "ask-no").click()  # declined: nothing changes
    wait_hidden(staff, "#ask-dialog")
    assert text_of(staff, "#current-number") == "C001"
    wait_enabled(staff, "#btn-cancel").click()
    wait_visible(staff, "#ask-yes").click()
    wait_text(staff, "#staff-message", "Phiếu C001: Đã hủy.")
    wait_visible(staff, "#queue-empty")

    # English, then sign out; the session is gone.
    staff.find_element(By.ID, "lang-switch").click()
    wait_text(staff, "#btn-next", "Call next")
    staff.find_element(By.ID, "btn-logout").click()
    wait_visible(staff, "#login-form")
    assert staff.execute_script("return sessionStorage.getItem('khongcho.staff.session')") is None
    assert_no_script_errors(staff)
