# SPDX-License-Identifier: MIT
"""The page in a real browser: headless Chromium (Debian's chromium, driven through chromium-driver
by Selenium) against `orglineage serve` on a free port of 127.0.0.1.

A person's path: search "Cornwall", open Cornwall and Isles of Scilly PCT, read its successors on
2023-01-01 and see its lineage drawn, then ask who commissioned E06000052 on 2007-06-01.

Run: python3 test_browser.py ORGLINEAGE_PROGRAM DATA_DIR SCREENSHOT_DIR (ctest does, as serve.browser)."""
import os
import socket
import subprocess
import sys
import tempfile
import time
import unittest

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server import Server  # noqa: E402

PROGRAM, DATA, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
WAIT = 30  # seconds for any one step; the whole test is bounded by ctest's TIMEOUT


def free_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def listening(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


class Process:
    """A program of the test that listens on a free port of 127.0.0.1, stopped at the end.

    The browser and its driver are started here, each told the loopback address: left to themselves,
    Selenium reaches chromium-driver as "localhost" and the driver reaches the browser as "localhost",
    a name a bare machine may not resolve (a Debian root made by debootstrap has no /etc/hosts)."""

    def __init__(self, name, argv):
        self.name = name
        self.port = free_port()
        self.process = subprocess.Popen([a.replace("PORT", str(self.port)) for a in argv],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + WAIT
        while not listening(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{name} did not listen on 127.0.0.1:{self.port}")
            time.sleep(0.1)
        self.address = f"127.0.0.1:{self.port}"

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def headless_chromium(profile):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-dev-shm-usage", "--window-size=1400,1800", "--user-data-dir=" + profile,
             "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=PORT", "about:blank"]
    return Process("chromium", ["/usr/bin/chromium"] + flags)


def browser_through_driver(chromium, driver):
    options = webdriver.ChromeOptions()
    options.add_experimental_option("debuggerAddress", chromium.address)
    return webdriver.Remote(command_executor="http://" + driver.address, options=options)


class PageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(PROGRAM, DATA)
        cls.profile = tempfile.TemporaryDirectory(prefix="orglineage-chromium-")
        cls.helpers = []
        try:
            cls.helpers.append(headless_chromium(cls.profile.name))
            cls.helpers.append(Process("chromedriver", ["/usr/bin/chromedriver", "--port=PORT"]))
            cls.browser = browser_through_driver(*cls.helpers)
        except Exception:
            for helper in reversed(cls.helpers):
                helper.stop()
            cls.server.stop()
            cls.profile.cleanup()
            raise
        cls.browser.set_page_load_timeout(WAIT)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        for helper in reversed(cls.helpers):
            helper.stop()
        cls.server.stop()
        cls.profile.cleanup()

    def wait(self, condition):
        return WebDriverWait(self.browser, WAIT).until(condition)

    def css(self, selector):
        return self.browser.find_element(By.CSS_SELECTOR, selector)

    def fill(self, element_id, text):
        field = self.browser.find_element(By.ID, element_id)
        field.clear()
        if field.get_attribute("type") == "date":
            # A date field takes its value through script in any locale.
            self.browser.execute_script("arguments[0].value = arguments[1]", field, text)
        else:
            field.send_keys(text)

    def test_a_person_looks_cornwall_up(self):
        b = self.browser
        b.get(self.server.url + "/")
        self.wait(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
        self.assertIn("data nhs-england", self.css("#version").text)

        # Search "Cornwall": the PCT is among the bodies found.
        self.fill("search-text", "Cornwall")
        self.css("#search-go").click()
        pct = self.wait(ready.element_to_be_clickable((By.CSS_SELECTOR, '#search-results a[data-id="pct/5QP"]')))
        self.assertEqual(pct.text, "Cornwall and Isles of Scilly PCT")

        # Its card: successors on 2023-01-01 are the Cornwall ICB, the whole of it.
        pct.click()
        self.wait(ready.text_to_be_present_in_element((By.ID, "card-title"), "Cornwall and Isles of Scilly PCT"))
        self.fill("succ-on", "2023-01-01")
        self.css("#succ-go").click()
        row = self.wait(ready.presence_of_element_located((By.CSS_SELECTOR, '#successors tr[data-id="icb/E54000036"]')))
        self.assertIn("NHS Cornwall and the Isles of Scilly Integrated Care Board", row.text)
        self.assertIn("100%", row.text)
        self.assertEqual(len(b.find_elements(By.CSS_SELECTOR, "#successors tbody tr")), 1)
        # The events that made it carry their sources, and their notes stand beside them.
        self.wait(ready.presence_of_element_located((By.CSS_SELECTOR, "#events tbody tr")))
        self.assertIn("si-2006-2072", self.css("#events").text)

        # The lineage picture is drawn: an SVG from Graphviz, loaded with a real size.
        img = self.wait(ready.presence_of_element_located((By.CSS_SELECTOR, "#lineage-picture img")))
        self.wait(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img))
        status, headers, svg = self.server.request("GET", img.get_attribute("src").replace(self.server.url, ""))
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "image/svg+xml")
        self.assertIn(b"Cornwall and Isles of Scilly PCT", svg)

        # Who commissioned E06000052 (Cornwall's code since 2009) on 2007-06-01: the PCT, derived
        # from the territory, with the note saying so beside the row.
        self.fill("who-area", "E06000052")
        self.fill("who-on", "2007-06-01")
        self.css("#who-go").click()
        row = self.wait(ready.presence_of_element_located((By.CSS_SELECTOR, '#who-answer tr[data-id="pct/5QP"]')))
        self.assertIn("Cornwall and Isles of Scilly PCT", row.text)
        self.assertTrue(row.find_elements(By.CSS_SELECTOR, ".notes li"), "the derived answer's note is beside it")

        os.makedirs(SHOTS, exist_ok=True)
        b.find_element(By.TAG_NAME, "body").screenshot(os.path.join(SHOTS, "serve-page.png"))
        self.assertGreater(os.path.getsize(os.path.join(SHOTS, "serve-page.png")), 10000)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
