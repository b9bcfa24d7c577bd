"""The hall display read from 5 m, measured in a real browser: at 1080p ticket numbers at least 120 px tall,
field and counter names at least 32 px, no text under 24 px; at 1080p and 720p no field name cut off and
nothing over the tiles (the voice button lives in the ticker bar); and a stale screen says so.

    cd <repo> && python3 -m pytest -q e2e/test_display_legibility.py
"""

from __future__ import annotations

import pytest

from conftest import KhongChoServer
from test_browser import (  # noqa: F401  (browser is a fixture)
    TV, assert_no_script_errors, browser, open_page, screenshot, wait_for, wait_text, wait_visible)

HD = (1280, 720)

# Every element that shows text of its own: its font size, and whether its box cuts the text.
MEASURE = """
const out = [];
for (const node of document.querySelectorAll('body *')) {
  const own = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
  const rect = node.getBoundingClientRect();
  const style = getComputedStyle(node);
  if (!own || rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
  if (node.closest('.ticker-text')) continue;  // the scrolling announcement line moves by design
  out.push({css: node.className || node.tagName, text: node.textContent.trim().slice(0, 40),
            size: parseFloat(style.fontSize), cut: node.scrollWidth > node.clientWidth + 1 && style.overflow !== 'visible'});
}
return out;
"""

BOXES = """
const rects = (css) => [...document.querySelectorAll(css)].map((n) => n.getBoundingClientRect())
  .filter((r) => r.width > 0 && r.height > 0).map((r) => [r.left, r.top, r.right, r.bottom]);
return {controls: rects('.voice-controls button, .sound-hint'), tiles: rects('.counter-cell, .waiting-item, .now-calling, .history')};
"""


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def a_busy_hall(server: KhongChoServer) -> None:
    for field in ("dat-dai", "ho-tich", "chung-thuc", "kinh-doanh", "an-sinh", "xay-dung", "an-sinh", "ho-tich"):
        server.issue(field)
    for counter in (1, 3, 6):
        server.call_next(counter, server.login(f"quay{counter}"))


@pytest.mark.parametrize("size", [TV, HD], ids=["1080p", "720p"])
def test_display_is_legible_at_five_metres(khongcho_server: KhongChoServer, browser, size) -> None:
    a_busy_hall(khongcho_server)
    display = browser(size)
    open_page(display, f"{khongcho_server.base_url}/display", size)
    wait_visible(display, ".counter-cell")
    wait_for(display, lambda d: len(d.find_elements("css selector", ".waiting-item")) == 6, 5, "six fields waiting")
    # The clock is the hall's: the test servers run the training clock from 08:00.
    wait_for(display, lambda d: d.find_element("css selector", "#clock").text.startswith("08:0"), 5, "the hall clock")
    measured = display.execute_script(MEASURE)
    assert measured, "nothing measured"
    cut = [m for m in measured if m["cut"]]
    assert not cut, f"text cut off: {cut}"
    boxes = display.execute_script(BOXES)
    covered = [(c, t) for c in boxes["controls"] for t in boxes["tiles"] if overlaps(c, t)]
    assert not covered, f"controls over the tiles: {covered}"
    if size == TV:
        numbers = display.execute_script(
            "return [...document.querySelectorAll('.counter-number, .now-number')].filter((n) => n.textContent.trim())"
            ".map((n) => parseFloat(getComputedStyle(n).fontSize));")
        assert numbers and min(numbers) >= 120, numbers
        names = display.execute_script(
            "return [...document.querySelectorAll('.counter-label, .counter-fields, .w-name')]"
            ".map((n) => [n.textContent.trim(), parseFloat(getComputedStyle(n).fontSize)]);")
        small_names = [n for n in names if n[1] < 32]
        assert not small_names, f"names under 32 px: {small_names}"
        small = [m for m in measured if m["size"] < 24]
        assert not small, f"text under 24 px: {small}"
    screenshot(display, f"display-{size[0]}x{size[1]}")
    assert_no_script_errors(display)


def test_display_shows_it_is_stale_while_the_stream_is_down(khongcho_server: KhongChoServer, browser) -> None:
    display = browser(TV)
    open_page(display, f"{khongcho_server.base_url}/display", TV)
    wait_visible(display, ".counter-cell")
    khongcho_server.stop()
    wait_visible(display, '[data-testid="conn-badge"]', timeout=15)
    assert "stale" in display.find_element("css selector", "body").get_attribute("class")
    khongcho_server.start()
    wait_for(display, lambda d: "stale" not in d.find_element("css selector", "body").get_attribute("class"), 30, "back online")
