"""The kiosk with 4, 12 and 30 fields in a real browser, on the 10" landscape kiosk and a 1080×1920 portrait
one: every field is reachable (paged when they do not fit), every button lies wholly above the priority step and
shows its whole name and waiting line, and a field on the last page issues its ticket.

    cd <repo> && python3 -m pytest -q e2e/test_kiosk_paging.py
"""

from __future__ import annotations

import string

import pytest

from conftest import KhongChoServer
from test_browser import (  # noqa: F401  (browser is a fixture)
    KIOSK, assert_no_script_errors, browser, open_page, screenshot, text_of, wait_for, wait_text, wait_visible)
from selenium.webdriver.common.by import By

PORTRAIT = (1080, 1920)


def catalog_with(server: KhongChoServer, count: int) -> list[dict]:
    """Replaces the demo catalog's fields by `count` fields (the demo ones first), one counter serving them all."""
    token = server.login("admin")
    catalog = server.api("GET", "/api/v1/admin/catalog", token=token)
    fields = catalog["fields"][:count]
    prefixes = [p for p in string.ascii_uppercase if p not in {f["prefix"] for f in fields}]
    prefixes += [a + b for a in "HKMNPQ" for b in "ABCDEFGH"]
    for index in range(len(fields), count):
        fields.append({"code": f"linh-vuc-{index + 1:02d}", "name": f"Lĩnh vực thử số {index + 1}",
                       "nameEn": f"Test service {index + 1}", "prefix": prefixes.pop(0), "waitTargetMinutes": 15})
    codes = [f["code"] for f in fields]
    catalog["fields"] = fields
    catalog["procedures"] = [p for p in catalog["procedures"] if p["field"] in codes]
    catalog["counters"] = [{"number": 1, "name": "Quầy 1", "fields": codes}]
    server.api("PUT", "/api/v1/admin/catalog", catalog, token=token)
    return fields


def inside(rect: dict, limit: dict) -> bool:
    return rect["top"] >= 0 and rect["bottom"] <= limit["top"] + 0.5 and rect["left"] >= 0 and rect["right"] <= limit["right"] + 0.5


@pytest.mark.parametrize("count", [4, 12, 30])
@pytest.mark.parametrize("size", [KIOSK, PORTRAIT], ids=["landscape", "portrait"])
def test_every_field_is_reachable_above_the_priority_panel(khongcho_server: KhongChoServer, browser, count, size) -> None:
    fields = catalog_with(khongcho_server, count)
    kiosk = browser(size)
    open_page(kiosk, f"{khongcho_server.base_url}/kiosk", size)
    # open_page sets the viewport after the page loaded; the kiosk re-pages on that resize. Start again at the final
    # size, so that the pages read below are not those of the first, smaller window.
    kiosk.refresh()
    wait_for(kiosk, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".field-btn")) > 0, 10, "field buttons")
    seen: list[str] = []
    pages = 0
    while True:
        pages += 1
        panel = kiosk.execute_script("const r = document.querySelector('.priority-panel').getBoundingClientRect();"
                                     "return {top: r.top, right: r.right};")
        buttons = kiosk.execute_script(
            "return [...document.querySelectorAll('.field-btn')].map((b) => { const r = b.getBoundingClientRect();"
            " return {code: b.dataset.field, top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
            " cut: (() => { const t = b.querySelector('.field-text').getBoundingClientRect();"
            " return t.top < r.top - 0.5 || t.bottom > r.bottom + 0.5 || t.right > r.right + 0.5; })()}; });")
        hidden = [b for b in buttons if not inside(b, panel)]
        assert not hidden, f"page {pages}: buttons not wholly above the priority panel: {hidden}"
        cut = [b["code"] for b in buttons if b["cut"]]
        assert not cut, f"page {pages}: buttons too short for their name and waiting line: {cut}"
        assert buttons and all(b["bottom"] - b["top"] >= 60 for b in buttons), buttons
        seen += [b["code"] for b in buttons]
        pager = kiosk.find_element(By.ID, "field-pager")
        if not pager.is_displayed() or not kiosk.find_element(By.ID, "page-next").is_enabled():
            break
        assert text_of(kiosk, "#page-text") == f"Trang {pages}/{text_of(kiosk, '#page-text').split('/')[1]}"
        kiosk.find_element(By.ID, "page-next").click()
        wait_for(kiosk, lambda d: d.find_element(By.CSS_SELECTOR, ".field-btn").get_attribute("data-field") not in seen, 5, "the next page")
    assert seen == [f["code"] for f in fields]
    if count == 4:
        assert not kiosk.find_element(By.ID, "field-pager").is_displayed()
    if count == 30:
        assert pages >= 2
    screenshot(kiosk, f"kiosk-{count}-fields-{size[0]}x{size[1]}")
    # The last field, on the last page, issues its ticket.
    last = fields[-1]
    kiosk.find_element(By.CSS_SELECTOR, f'.field-btn[data-field="{last["code"]}"]').click()
    wait_text(kiosk, "#issued-number", f"{last['prefix']}001", timeout=10)
    assert_no_script_errors(kiosk)
