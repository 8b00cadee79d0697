"""Real Chromium against a live server on this worker's test database.

Tests here are marked ``browser`` (``-m "not browser"`` leaves them out). They use the
Debian Chromium through Playwright (never ``playwright install``: nothing downloads), at a
phone's size, and may save screenshots under tests/artifacts/screenshots/ for people and
CI to look at. Data made with the usual factories (``make_invitation`` ...) is visible to
the live server, because both use the same database; tables are emptied after each test.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from werkzeug.serving import make_server

from feedback_app import create_app
from feedback_app.extensions import db
from tests.conftest import _test_config

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
#: A common phone's viewport in CSS pixels (iPhone 12-15).
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def live_server(database_url: str) -> Iterator[str]:
    """Serve the app with werkzeug in a thread on a free port; yield its base URL."""
    app = create_app(_test_config(database_url))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with `make system-deps-test`")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, live_server: str, app: object) -> Iterator[Page]:
    """A fresh phone-sized, touch-enabled tab (no cookies) on the live server.

    Depends on ``app`` so the test's data is cleaned up after the browser is done.
    """
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, base_url=live_server, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def screenshot(page: Page, request: pytest.FixtureRequest) -> Callable[[str], Path]:
    """Return ``take(name)``: save a full-page screenshot named after the test."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    test_name = request.node.name.replace("[", "-").replace("]", "")

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{test_name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
