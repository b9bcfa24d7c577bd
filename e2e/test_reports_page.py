"""The supervisor's reports page (/supervisor/reports) in a real browser: the periods Ngày, Tháng, Quý, Năm, the
gauges against their targets, charts and tables whose figures are the API's, the one-click CSV, and the
browser's print of the page on exactly one A4 sheet.

    cd <repo> && python3 -m pytest -q e2e/test_reports_page.py
"""

from __future__ import annotations

import base64
import os
import re

from conftest import OPEN_HOUR, KhongChoServer
from test_browser import (  # noqa: F401  (browser is a fixture)
    DESKTOP, SHOTS, assert_no_script_errors, browser, screenshot, text_of, wait_for, wait_text, wait_visible)
from test_pages_nowait import page_login
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

DAY = OPEN_HOUR[:10]


def a_morning(server: KhongChoServer) -> None:
    """Tickets in two fields served at counters 1 and 3, ratings, and a dossier returned on time."""
    for field in ("ho-tich", "ho-tich", "dat-dai"):
        server.issue(field)
    for counter, username in ((3, "quay3"), (3, "quay3"), (1, "quay1")):
        token = server.login(username)
        ticket = server.call_next(counter, token)
        server.api("POST", f"/api/v1/tickets/{ticket['id']}/serve", token=token)
        if counter == 3 and ticket["number"] == "B001":
            dossier = server.api("POST", f"/api/v1/tickets/{ticket['id']}/dossiers",
                                 {"procedure": "1.001193", "complete": True}, token=token)["dossier"]
            server.api("POST", f"/api/v1/dossiers/{dossier['id']}/return", token=token)
        server.api("POST", f"/api/v1/tickets/{ticket['id']}/done", {"outcome": "returned"}, token=token)
        server.api("POST", "/api/v1/ratings", {"counter": counter, "level": 1 if counter == 3 else 4})


def vi_percent(share: float) -> str:
    """As the page writes it: one decimal at most, a decimal comma, then " %"."""
    text = f"{share * 100:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} %"


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_reports_page_periods_figures_csv_and_one_a4_page(khongcho_server: KhongChoServer, browser) -> None:
    server = khongcho_server
    a_morning(server)
    page = page_login(browser, server, "/supervisor/reports", DESKTOP, "giamsat")
    wait_visible(page, "#report-view")
    assert text_of(page, '[data-testid="period-kinds"]').split() == ["Ngày", "Tháng", "Quý", "Năm"]
    token = server.login("giamsat")

    for kind, period in (("day", f"day:{DAY}"), ("month", "month:2026-12"), ("quarter", "quarter:2026-Q4"), ("year", "year:2026")):
        page.find_element(By.CSS_SELECTOR, f'[data-testid="period-{kind}"]').click()
        report = server.api("GET", f"/api/v1/reports?period={period}", token=token)
        wait_text(page, '[data-testid="report-period"]', report["period"]["label"], contains=True)
    # Quarter and year are the reporting ones: 15/09 → 14/12 holds 7 December.
    assert report["period"]["first"] == "2025-12-15"

    page.find_element(By.CSS_SELECTOR, '[data-testid="period-day"]').click()
    report = server.api("GET", f"/api/v1/reports?period=day:{DAY}", token=token)
    wait_text(page, '[data-testid="report-period"]', report["period"]["label"], contains=True)
    total = report["figures"]["total"]
    assert (total["issued"], total["served"], total["promisesDue"], total["promisesOnTime"]) == (3, 3, 1, 1)
    # Gauges: on time 1/1 against 98 %; satisfaction (below 95 %: a "không hài lòng" at counter 1); land alone
    # against 85 %, where the only rating is that one.
    wait_text(page, '[data-testid="gauge-on-time"] [data-testid="gauge-value"]', "100 %")
    assert "Đạt mục tiêu ≥ 98 %" in text_of(page, '[data-testid="gauge-on-time"]')
    assert 0 < total["satisfactionRate"] < 0.95, total
    assert text_of(page, '[data-testid="gauge-satisfaction"] [data-testid="gauge-value"]') == vi_percent(total["satisfactionRate"])
    assert "Chưa đạt mục tiêu ≥ 95 %" in text_of(page, '[data-testid="gauge-satisfaction"]')
    assert text_of(page, '[data-testid="gauge-satisfaction-85"] [data-testid="gauge-value"]') == "0 %"
    # Tables carry the API's numbers: Hộ tịch served 2, Đất đai 1; officers quay1 and quay3.
    served = {row.find_element(By.CSS_SELECTOR, "td:first-child").text: row.find_element(By.CSS_SELECTOR, "td:nth-child(3)").text
              for row in page.find_elements(By.CSS_SELECTOR, '[data-testid="row-field"]')}
    assert served["Hộ tịch"] == "2" and served["Đất đai"] == "1", served
    officers = [row.get_attribute("data-key") for row in page.find_elements(By.CSS_SELECTOR, '[data-testid="row-staff"]')]
    assert officers == ["quay1", "quay3"]
    for chart in ("chart-field-wait", "chart-field-served", "chart-field-satisfaction", "chart-staff-served"):
        assert page.find_elements(By.CSS_SELECTOR, f'[data-testid="{chart}"] svg rect.bar'), chart

    # One click: the CSV file of the chosen period (the download is caught before it leaves the page).
    page.execute_script("""
        window.__downloads = [];
        HTMLAnchorElement.prototype.click = function () { window.__downloads.push([this.download, this.href]); };""")
    page.find_element(By.CSS_SELECTOR, '[data-testid="btn-csv"]').click()
    wait_for(page, lambda d: d.execute_script("return window.__downloads.length") == 1, 5, "the CSV download")
    name, href = page.execute_script("return window.__downloads[0]")
    assert name == f"bao-cao-{DAY}.csv"
    csv = page.execute_script("const r = await fetch(arguments[0]); return await r.text();", href)
    assert "Hộ tịch" in csv and "Báo cáo tiếp nhận và giải quyết (Reception report)" in csv
    screenshot(page, "supervisor-reports")

    # The browser's print of the page is the A4 report, on one sheet.
    options = PrintOptions()
    options.page_width = 21.0
    options.page_height = 29.7
    pdf = base64.b64decode(page.print_page(options))
    assert pdf_pages(pdf) == 1, f"{pdf_pages(pdf)} pages"
    if SHOTS:
        with open(os.path.join(SHOTS, "supervisor-reports-a4.pdf"), "wb") as file:
            file.write(pdf)
    page.find_element(By.CSS_SELECTOR, '[data-testid="period-year"]').click()
    wait_text(page, '[data-testid="report-period"]', "2026", contains=True)
    assert pdf_pages(base64.b64decode(page.print_page(options))) == 1
    assert_no_script_errors(page)
