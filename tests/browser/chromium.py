"""What the browser tests share: headless Chromium from Debian with its logs, and counting checks."""
import json
import shutil
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

passed, failed = 0, 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
        print("ok: " + what)
    else:
        failed += 1
        print("FAILED: " + what)


def finish():
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


def browser(profile, size="1280,2000"):
    """Headless Chromium that keeps the console and network logs, with nothing of its own going out."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=" + size, "--user-data-dir=" + profile):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def requests(driver):
    """The URLs the page asked for since the performance log was last read."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def wait(driver, condition, seconds=20):
    """Whether `condition` comes true within `seconds` (a page changing under it counts as not yet)."""
    end = time.time() + seconds
    while time.time() < end:
        try:
            if condition(driver):
                return True
        except Exception:
            pass
        time.sleep(0.1)
    return False


def sign_in(driver, base, name, password):
    """Signs in through orgplan serve's form; whether the overview came."""
    driver.get(base + "/login")
    driver.find_element(By.NAME, "name").send_keys(name)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    return wait(driver, lambda d: d.current_url == base + "/")
