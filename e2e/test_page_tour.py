"""Every page as a person meets it, on the screens they use: each page at 1080p (1920×1080) and the kiosk at
1080×1920 portrait, after a morning's work (tickets in several fields, a call, a service). For each page: its
content shows, nothing runs off the side (no horizontal scrolling), no visible text is smaller than 12 px, and no
script fails. With KHONGCHO_SCREENSHOTS=DIR the screenshots are kept (`make screenshots` puts them under
var/screenshots/) so a person can look at them.

    cd <repo> && python3 -m pytest -q e2e/test_page_tour.py
"""

from __future__ import annotations

import pytest

from conftest import KhongChoServer
from test_browser import TV, assert_no_script_errors, browser, open_page, screenshot, sign_in, wait_visible  # noqa: F401

PORTRAIT = (1080, 1920)

# (name, path, viewport, who signs in, what must show)
PAGES = [
    ("kiosk-portrait", "/kiosk", PORTRAIT, None, ".field-btn"),
    ("kiosk", "/kiosk", TV, None, ".field-btn"),
    ("display", "/display", TV, None, '#waiting-list [data-field="ho-tich"]'),
    ("staff", "/staff", TV, "quay3", "#current-number"),
    ("supervisor", "/supervisor", TV, "giamsat", "#dash-view"),
    ("reports", "/supervisor/reports", TV, "giamsat", "#report-view"),
    ("admin", "/admin", TV, "admin", "#admin-view"),
    ("devices", "/admin/devices", TV, "admin", "#devices-view"),
    ("ticket", "/t/{token}", TV, None, "#ticket-view"),
    ("rate", "/rate/3", TV, None, ".rate-prompt"),
]


@pytest.fixture(scope="module")
def morning(tmp_path_factory) -> KhongChoServer:
    """One server for the tour: a morning's tickets, B001 served at counter 3."""
    root = tmp_path_factory.mktemp("tour")
    server = KhongChoServer(root / "data", root / "server.log")
    server.start()
    tickets = [server.issue(field) for field in ("ho-tich", "ho-tich", "dat-dai", "chung-thuc", "kinh-doanh", "ho-tich")]
    staff = server.login("quay3")
    called = server.call_next(3, staff)
    server.api("POST", f"/api/v1/tickets/{called['id']}/serve", token=staff)
    server.token = tickets[1]["token"]
    yield server
    server.stop()


def small_text(page) -> list[str]:
    """Visible text set below 12 px (what nobody reads at arm's length), as 'tag.class: text (size)'."""
    return page.execute_script("""
        const small = [];
        for (const node of document.querySelectorAll('body *')) {
          const own = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
          if (!own) continue;
          const box = node.getBoundingClientRect();
          const style = getComputedStyle(node);
          if (!box.width || !box.height || style.visibility === 'hidden' || style.display === 'none') continue;
          // SVG text is sized in the drawing's units: scale it to the screen's pixels.
          const scale = node instanceof SVGGraphicsElement && node.getScreenCTM() ? Math.abs(node.getScreenCTM().a) : 1;
          const size = Math.round(parseFloat(style.fontSize) * scale * 10) / 10;
          const name = node.getAttribute('class') || '';
          if (size < 12) small.push(`${node.tagName.toLowerCase()}.${name}: ${node.textContent.trim().slice(0, 40)} (${size}px)`);
        }
        return small;""")


@pytest.mark.parametrize("name, path, size, user, shows", PAGES, ids=[p[0] for p in PAGES])
def test_page_reads_well_on_its_screen(morning: KhongChoServer, browser, name, path, size, user, shows) -> None:
    page = browser(size)
    open_page(page, morning.base_url + path.replace("{token}", morning.token), size)
    if user:
        sign_in(page, user, "khongcho-demo")
    wait_visible(page, shows, timeout=10)
    page.execute_script("return document.fonts.ready")
    screenshot(page, f"tour-{name}-{size[0]}x{size[1]}")
    width = page.execute_script("return [document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1], f"{name}: the page is {width[0]} px wide on a {width[1]} px screen"
    assert small_text(page) == [], f"{name}: text under 12 px"
    assert_no_script_errors(page)
