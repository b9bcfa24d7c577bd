"""Feedback and complaints (góp ý, phản ánh, kiến nghị) in a real browser against a real server: a citizen files an
item on /gop-y from the ticket's phone page and gets a tracking code; the supervisor classifies it (the officer
concerned is quay3), cannot assign it to quay3 (the server's words on the row), assigns it to quay1; quay1 answers
on the staff page; the supervisor closes it; the citizen's lookup shows "Đã xử lý" and the answer. Also: the kiosk's
"Góp ý" screen (topics, the on-screen keyboard, the code, the idle reset), feedback recorded at the counter, refusals
in the server's words, and the pages at phone, 1080p and kiosk sizes.

    cd <repo> && python3 -m pytest -q e2e/test_feedback.py

Set KHONGCHO_SCREENSHOTS=DIR to keep the screenshots.
"""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from conftest import ApiError, KhongChoServer
from test_browser import (  # noqa: F401  (browser is a fixture)
    DESKTOP, KIOSK, PHONE, TV, assert_no_script_errors, browser, choose_option, click_live, open_kiosk, open_page,
    screenshot, sign_in, text_of, wait_enabled, wait_for, wait_hidden, wait_text, wait_visible)
from test_book_page import assert_reads_well
from test_kiosk_steps import PIN, PORTRAIT, by_testid, require_kiosk_settings, set_pin, within_viewport

ANSWER = "Trung tâm đã bố trí thêm một quầy Hộ tịch vào buổi sáng. Xin cảm ơn ông/bà đã góp ý."


def require_feedback(server: KhongChoServer) -> None:
    """An empty item is refused (422) by a server that takes feedback; one without the route answers 404 or 405."""
    try:
        server.api("POST", "/api/v1/feedback", {})
    except ApiError as error:
        if error.status in (404, 405):
            pytest.skip("this khongcho binary has no /api/v1/feedback yet")


def refused(server: KhongChoServer, method: str, path: str, body=None, token: str | None = None) -> dict:
    """The server's error for a call the page makes too: the words the page must show."""
    with pytest.raises(ApiError) as caught:
        server.api(method, path, body, token=token)
    return caught.value.body["error"]


def row(code: str) -> str:
    return f'[data-testid="feedback-row"][data-code="{code}"]'


def open_supervisor(browser, server: KhongChoServer) -> WebDriver:
    page = browser(TV)
    open_page(page, f"{server.base_url}/supervisor", TV)
    sign_in(page, "giamsat", "khongcho-demo")
    wait_visible(page, "#dash-view")
    return page


def file_on_phone(phone: WebDriver, server: KhongChoServer, token: str) -> str:
    """From the ticket's phone page to /gop-y, about that ticket: a quick topic, a few words, a contact; the code."""
    open_page(phone, f"{server.base_url}/t/{token}", PHONE)
    wait_visible(phone, "#ticket-view")
    link = wait_visible(phone, by_testid("feedback-link"))
    assert link.text == "Góp ý, phản ánh"
    link.click()
    wait_for(phone, lambda d: "/gop-y?t=" in d.current_url, 5, "the link did not open /gop-y?t=…")
    wait_text(phone, by_testid("feedback-ticket"), "Về số thứ tự B001")
    wait_enabled(phone, '[data-testid="feedback-topic"][data-topic="waiting"]').click()
    assert phone.find_element(By.CSS_SELECTOR, by_testid("feedback-subject")).get_attribute("value") == "Thời gian chờ"
    phone.find_element(By.CSS_SELECTOR, by_testid("feedback-text")).send_keys("Chờ hơn một giờ ở quầy Hộ tịch.")
    phone.find_element(By.CSS_SELECTOR, by_testid("feedback-contact")).send_keys("0912345678")
    phone.find_element(By.CSS_SELECTOR, by_testid("feedback-send")).click()
    wait_visible(phone, by_testid("feedback-view"))
    code = wait_for(phone, lambda d: text_of(d, by_testid("feedback-code")), 5, "no tracking code shown")
    return code


def test_feedback_from_filing_to_answer(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    require_feedback(server)
    ticket = server.issue("ho-tich")

    # The citizen files it from the phone page and keeps the code.
    phone = browser(PHONE)
    code = file_on_phone(phone, server, ticket["token"])
    assert "Giữ mã này để xem trả lời" in text_of(phone, by_testid("feedback-view"))
    wait_text(phone, by_testid("feedback-sent"), "Trung tâm đã nhận góp ý của bạn.")
    assert text_of(phone, by_testid("feedback-status")) == "Đã tiếp nhận"
    assert text_of(phone, by_testid("feedback-item-subject")) == "Thời gian chờ"
    assert text_of(phone, by_testid("feedback-deadline")).startswith("Thứ ")
    assert text_of(phone, "#item-answer-text").startswith("Chưa có trả lời")
    assert f"/gop-y?code={code}" in phone.current_url
    screenshot(phone, "feedback-phone-code")
    staff_view = server.api("GET", "/api/v1/feedback?status=all", token=server.login("giamsat"))["items"]
    filed = next(item for item in staff_view if item["code"] == code)
    assert (filed["channel"], filed["ticket"], filed["contact"]) == ("web", "B001", "0912345678")

    # The supervisor classifies it: a complaint in Hộ tịch about quay3.
    sup = open_supervisor(browser, server)
    wait_visible(sup, row(code), timeout=10)
    assert text_of(sup, f"{row(code)} [data-testid=feedback-state]") == "Mới tiếp nhận"
    choose_option(sup, f"{row(code)} [data-testid=feedback-kind]", "khieu-nai")
    choose_option(sup, f"{row(code)} [data-testid=feedback-field]", "ho-tich")
    choose_option(sup, f"{row(code)} [data-testid=feedback-officer]", "quay3")
    click_live(sup, f"{row(code)} [data-testid=feedback-classify]")
    wait_text(sup, f"{row(code)} [data-testid=feedback-row-message]", f"Đã phân loại {code}.")
    wait_text(sup, f"{row(code)} [data-testid=feedback-state]", "Đã phân loại")
    assert "Cán bộ bị phản ánh: quay3" in text_of(sup, row(code))

    # quay3 may not handle a complaint about quay3: the server's words show on the row.
    choose_option(sup, f"{row(code)} [data-testid=feedback-assignee]", "quay3")
    click_live(sup, f"{row(code)} [data-testid=feedback-assign]")
    words = refused(server, "POST", f"/api/v1/feedback/{code}/assign", {"assignee": "quay3"}, server.login("giamsat"))
    assert words["code"] == "feedback_self"
    wait_text(sup, f"{row(code)} [data-testid=feedback-row-message]", words["message"])
    assert text_of(sup, f"{row(code)} [data-testid=feedback-state]") == "Đã phân loại"
    screenshot(sup, "feedback-supervisor-refused")

    choose_option(sup, f"{row(code)} [data-testid=feedback-assignee]", "quay1")
    click_live(sup, f"{row(code)} [data-testid=feedback-assign]")
    wait_text(sup, f"{row(code)} [data-testid=feedback-row-message]", f"Đã giao {code} cho quay1.")
    wait_text(sup, f"{row(code)} [data-testid=feedback-state]", "Đã giao xử lý")
    assert not sup.find_elements(By.CSS_SELECTOR, f"{row(code)} [data-testid=feedback-close]")

    # quay1 answers on the staff page.
    desk = browser(DESKTOP)
    open_page(desk, f"{server.base_url}/staff", DESKTOP)
    sign_in(desk, "quay1", "khongcho-demo")
    item = f'[data-testid="feedback-item"][data-code="{code}"]'
    wait_visible(desk, item, timeout=10)
    assert "Chờ hơn một giờ ở quầy Hộ tịch." in text_of(desk, item)
    assert "Số B001" in text_of(desk, item)
    desk.find_element(By.CSS_SELECTOR, f"{item} [data-testid=feedback-answer]").send_keys(ANSWER)
    click_live(desk, f"{item} [data-testid=feedback-answer-send]")
    wait_text(desk, by_testid("feedback-message"), f"Đã gửi trả lời cho {code}.")
    wait_text(desk, f"{item} [data-testid=feedback-item-status]", "Đã trả lời")
    screenshot(desk, "feedback-staff-answered")

    # The supervisor sees the answer and closes the item; it leaves the open list.
    sup.refresh()
    wait_visible(sup, row(code), timeout=10)
    wait_text(sup, f"{row(code)} [data-testid=feedback-state]", "Đã trả lời")
    assert ANSWER in text_of(sup, f"{row(code)} [data-testid=feedback-sup-answer]")
    click_live(sup, f"{row(code)} [data-testid=feedback-close]")
    wait_text(sup, by_testid("feedback-sup-message"), f"Đã đóng {code}.")
    wait_hidden(sup, row(code))

    # The citizen looks it up again.
    phone.refresh()
    wait_text(phone, by_testid("feedback-status"), "Đã xử lý")
    wait_text(phone, "#item-answer-text", ANSWER)
    screenshot(phone, "feedback-phone-answered")
    for page in (phone, sup, desk):
        assert_no_script_errors(page)


def test_lookup_and_refusals_in_the_servers_words(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    require_feedback(server)
    phone = browser(PHONE)

    # An unknown code: the server's words under the lookup box.
    open_page(phone, f"{server.base_url}/gop-y?code=ZZZZZZZZ", PHONE)
    words = refused(server, "GET", "/api/v1/feedback/ZZZZZZZZ")
    wait_text(phone, by_testid("lookup-error"), words["message"])
    assert phone.find_element(By.CSS_SELECTOR, by_testid("lookup-code")).get_attribute("value") == "ZZZZZZZZ"

    # The form: nothing typed is said before sending; a ticket the hall does not know, by the server (a link from an
    # old ticket's phone page: yesterday's token).
    open_page(phone, f"{server.base_url}/gop-y?t=not-a-ticket", PHONE)
    wait_text(phone, by_testid("feedback-ticket"), "Về phiếu số thứ tự của bạn")
    wait_enabled(phone, by_testid("feedback-send")).click()
    wait_text(phone, by_testid("feedback-error"), "Hãy nhập tiêu đề.")
    phone.find_element(By.CSS_SELECTOR, by_testid("feedback-subject")).send_keys("Thái độ")
    phone.find_element(By.CSS_SELECTOR, by_testid("feedback-send")).click()
    wait_text(phone, by_testid("feedback-error"), "Hãy viết nội dung góp ý.")
    phone.find_element(By.CSS_SELECTOR, by_testid("feedback-text")).send_keys("Cán bộ không hướng dẫn.")
    phone.find_element(By.CSS_SELECTOR, by_testid("feedback-send")).click()
    words = refused(server, "POST", "/api/v1/feedback", {"subject": "Thái độ", "text": "Cán bộ không hướng dẫn.", "ticket": "not-a-ticket"})
    wait_text(phone, by_testid("feedback-error"), words["message"])
    # What was typed stays, to send again without the ticket.
    assert phone.find_element(By.CSS_SELECTOR, by_testid("feedback-text")).get_attribute("value") == "Cán bộ không hướng dẫn."

    # In English the same refusal is the server's English words.
    phone.find_element(By.CSS_SELECTOR, by_testid("lang-switch")).click()
    wait_text(phone, by_testid("feedback-error"), words["messageEn"])
    phone.find_element(By.CSS_SELECTOR, by_testid("lang-switch")).click()

    # Closing before an answer is refused on the supervisor's row in the server's words.
    code = server.api("POST", "/api/v1/feedback", {"subject": "Cơ sở vật chất", "text": "Thiếu ghế chờ."})["code"]
    boss = server.login("giamsat")
    server.api("POST", f"/api/v1/feedback/{code}/classify", {"kind": "kien-nghi"}, token=boss)
    server.api("POST", f"/api/v1/feedback/{code}/assign", {"assignee": "quay2"}, token=boss)
    words = refused(server, "POST", f"/api/v1/feedback/{code}/close", token=boss)
    assert words["code"] == "feedback_unanswered"
    sup = open_supervisor(browser, server)
    wait_text(sup, f"{row(code)} [data-testid=feedback-state]", "Đã giao xử lý", timeout=10)
    # The page offers no "Đóng" before an answer; assigning to nobody is refused in the server's words.
    assert not sup.find_elements(By.CSS_SELECTOR, f"{row(code)} [data-testid=feedback-close]")
    choose_option(sup, f"{row(code)} [data-testid=feedback-assignee]", "")
    click_live(sup, f"{row(code)} [data-testid=feedback-assign]")
    words = refused(server, "POST", f"/api/v1/feedback/{code}/assign", {"assignee": ""}, boss)
    wait_text(sup, f"{row(code)} [data-testid=feedback-row-message]", words["message"])
    for page in (phone, sup):
        assert_no_script_errors(page)


def test_feedback_recorded_at_the_counter(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    require_feedback(server)
    server.issue("ho-tich")
    desk = browser(DESKTOP)
    open_page(desk, f"{server.base_url}/staff", DESKTOP)
    sign_in(desk, "quay3", "khongcho-demo")
    wait_visible(desk, by_testid("feedback-record-form"))
    wait_visible(desk, by_testid("feedback-none"))
    desk.find_element(By.CSS_SELECTOR, by_testid("feedback-record-subject")).send_keys("Hướng dẫn thủ tục")
    desk.find_element(By.CSS_SELECTOR, by_testid("feedback-record-text")).send_keys("Công dân đề nghị dán mẫu tờ khai ở sảnh.")
    desk.find_element(By.CSS_SELECTOR, by_testid("feedback-record-ticket")).send_keys("b001")
    desk.find_element(By.CSS_SELECTOR, by_testid("feedback-record-submit")).click()
    message = wait_text(desk, by_testid("feedback-record-message"), "Đã ghi nhận. Mã tra cứu: ", contains=True)
    code = message.split("Mã tra cứu: ")[1].split(" ")[0]
    items = server.api("GET", "/api/v1/feedback?status=all", token=server.login("giamsat"))["items"]
    item = next(i for i in items if i["code"] == code)
    assert (item["channel"], item["ticket"], item["receivedBy"]) == ("counter", "B001", "quay3")
    assert desk.find_element(By.CSS_SELECTOR, by_testid("feedback-record-subject")).get_attribute("value") == ""
    assert_no_script_errors(desk)


def test_kiosk_feedback_gives_a_code(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    require_feedback(server)
    kiosk = open_kiosk(browser, server)
    wait_enabled(kiosk, by_testid("feedback-step")).click()
    wait_visible(kiosk, by_testid("feedback-screen"))
    kiosk.find_element(By.CSS_SELECTOR, by_testid("feedback-send")).click()
    wait_text(kiosk, by_testid("feedback-error"), "Hãy chạm vào một điều muốn góp ý trước.")

    kiosk.find_element(By.CSS_SELECTOR, '[data-testid="feedback-topic"][data-topic="attitude"]').click()
    assert text_of(kiosk, by_testid("feedback-error")) == ""
    for key in "CHAMM":
        kiosk.find_element(By.CSS_SELECTOR, f'#feedback-keyboard [data-key="{key}"]').click()
    kiosk.find_element(By.CSS_SELECTOR, by_testid("feedback-erase")).click()
    kiosk.find_element(By.CSS_SELECTOR, by_testid("feedback-space")).click()
    for key in "QUA 2":
        kiosk.find_element(By.CSS_SELECTOR, f'#feedback-keyboard [data-key="{key}"]').click()
    assert kiosk.find_element(By.CSS_SELECTOR, by_testid("feedback-text")).get_attribute("value") == "CHAM QUA 2"
    screenshot(kiosk, "feedback-kiosk-typing")
    kiosk.find_element(By.CSS_SELECTOR, by_testid("feedback-send")).click()

    wait_visible(kiosk, by_testid("feedback-done"))
    code = wait_for(kiosk, lambda d: text_of(d, by_testid("feedback-code")), 5, "no code on the kiosk")
    screen = text_of(kiosk, by_testid("feedback-done"))
    assert "Cảm ơn bạn đã góp ý!" in screen and "Giữ mã này để xem trả lời" in screen
    assert text_of(kiosk, by_testid("feedback-lookup")) == f"Xem trả lời tại 127.0.0.1:{server.port}/gop-y bằng mã này."
    screenshot(kiosk, "feedback-kiosk-code")
    items = server.api("GET", "/api/v1/feedback?status=all", token=server.login("giamsat"))["items"]
    item = next(i for i in items if i["code"] == code)
    assert (item["subject"], item["text"], item["channel"]) == ("Thái độ phục vụ", "CHAM QUA 2", "kiosk")
    assert server.api("GET", f"/api/v1/feedback/{code}")["status"] == "received"

    # "Xong" goes back to the fields; the next citizen finds no topic and no text.
    kiosk.find_element(By.CSS_SELECTOR, by_testid("feedback-done-btn")).click()
    wait_visible(kiosk, '.field-btn[data-field="ho-tich"]')
    kiosk.find_element(By.CSS_SELECTOR, by_testid("feedback-step")).click()
    assert kiosk.find_element(By.CSS_SELECTOR, by_testid("feedback-text")).get_attribute("value") == ""
    assert not kiosk.find_elements(By.CSS_SELECTOR, ".fb-topic-btn.selected")
    assert_no_script_errors(kiosk)


def test_kiosk_feedback_idle_reset(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    require_feedback(server)
    require_kiosk_settings(server)
    set_pin(server)
    key = server.api("POST", "/api/v1/kiosk/unlock", {"pin": PIN})["token"]
    server.api("PUT", "/api/v1/kiosk/settings", {"token": key, "language": "vi", "idleSeconds": 10, "fields": None, "printer": None})
    kiosk = open_kiosk(browser, server)
    kiosk.find_element(By.CSS_SELECTOR, by_testid("feedback-step")).click()
    kiosk.find_element(By.CSS_SELECTOR, '[data-testid="feedback-topic"][data-topic="waiting"]').click()
    kiosk.find_element(By.CSS_SELECTOR, '#feedback-keyboard [data-key="A"]').click()
    left = time.monotonic()
    wait_visible(kiosk, '.field-btn[data-field="ho-tich"]', timeout=20)
    assert 9 <= time.monotonic() - left <= 14, time.monotonic() - left
    kiosk.find_element(By.CSS_SELECTOR, by_testid("feedback-step")).click()
    assert kiosk.find_element(By.CSS_SELECTOR, by_testid("feedback-text")).get_attribute("value") == ""
    assert not kiosk.find_elements(By.CSS_SELECTOR, ".fb-topic-btn.selected")
    assert_no_script_errors(kiosk)


# ---------------------------------------------------------------- how it looks

@pytest.mark.parametrize("size", [PHONE, TV], ids=["phone", "1080p"])
def test_feedback_page_reads_well(khongcho_server: KhongChoServer, browser, size) -> None:
    server = khongcho_server
    require_feedback(server)
    page = browser(size)
    open_page(page, f"{server.base_url}/gop-y", size)
    wait_visible(page, by_testid("feedback-form"))
    wait_text(page, "h1", "Góp ý, phản ánh")
    name = "phone" if size == PHONE else "1080p"
    screenshot(page, f"feedback-{name}-form")
    assert_reads_well(page, f"/gop-y {name}")
    code = server.api("POST", "/api/v1/feedback", {"subject": "Cơ sở vật chất", "text": "Thiếu ghế chờ."})["code"]
    open_page(page, f"{server.base_url}/gop-y?code={code}", size)
    wait_text(page, by_testid("feedback-code"), code)
    wait_text(page, by_testid("feedback-status"), "Đã tiếp nhận")
    screenshot(page, f"feedback-{name}-lookup")
    assert_reads_well(page, f"/gop-y?code {name}")
    assert_no_script_errors(page)


@pytest.mark.parametrize("size", [TV, PORTRAIT, KIOSK], ids=["1920x1080", "1080x1920", "1280x800"])
def test_kiosk_feedback_fits_the_screen(khongcho_server: KhongChoServer, browser, size) -> None:
    server = khongcho_server
    require_feedback(server)
    kiosk = browser(size)
    open_page(kiosk, f"{server.base_url}/kiosk", size)
    wait_enabled(kiosk, '.field-btn[data-field="ho-tich"]')
    name = f"{size[0]}x{size[1]}"
    screenshot(kiosk, f"feedback-kiosk-{name}-fields")
    assert within_viewport(kiosk, ".field-btn, [data-testid=priority-step], [data-testid=feedback-step]") == []
    kiosk.find_element(By.CSS_SELECTOR, by_testid("feedback-step")).click()
    kiosk.find_element(By.CSS_SELECTOR, '[data-testid="feedback-topic"][data-topic="facilities"]').click()
    screenshot(kiosk, f"feedback-kiosk-{name}-screen")
    assert within_viewport(kiosk, ".fb-topic-btn, .fb-key, [data-testid=feedback-send], [data-testid=feedback-back]") == []
    kiosk.find_element(By.CSS_SELECTOR, by_testid("feedback-send")).click()
    wait_visible(kiosk, by_testid("feedback-done"))
    screenshot(kiosk, f"feedback-kiosk-{name}-code")
    assert within_viewport(kiosk, "#feedback-code, [data-testid=feedback-done-btn], [data-testid=feedback-lookup]") == []
    assert_no_script_errors(kiosk)
