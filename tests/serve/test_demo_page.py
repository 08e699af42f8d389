"""The demo page in a real headless browser (Debian's chromium with chromium-driver)."""

from __future__ import annotations

import base64
import json
import os
import shutil
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver",
                                    reason="needs selenium (pip install selenium)")
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.skip("needs Debian chromium and chromium-driver (apt-get install chromium "
                    "chromium-driver; `make test` does it when it can)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1200,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def _server_labels(url: str, image: bytes) -> list[str]:
    body = {"requests": [{"image": {"content": base64.b64encode(image).decode()},
                          "features": [{"type": "LABEL_DETECTION", "maxResults": 10}]}]}
    request = urllib.request.Request(f"{url}/v1/images:annotate", method="POST",
                                     data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        labels = json.loads(answer.read())["responses"][0]["labelAnnotations"]
    return [label["description"] for label in labels]


def test_upload_a_photo_and_see_the_servers_labels(server, browser, photos, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    photo = tmp_path / "chelsea.jpg"
    photo.write_bytes(photos["chelsea"])
    browser.get(server.url + "/")
    browser.find_element(By.ID, "image-file").send_keys(str(photo))
    WebDriverWait(browser, 120).until(ready.text_to_be_present_in_element(
        (By.ID, "status"), "Done"))
    shown = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#panel-labels .name")]
    assert "Cat" in shown
    assert shown == _server_labels(server.url, photos["chelsea"])
    folder = Path(os.environ.get("COGSDK_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(folder / "serve-demo-labels.png"))
