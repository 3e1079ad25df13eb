#!/usr/bin/env python3
"""Opens orgplan's HTML report and org chart in headless Chromium and checks what a reader gets.

usage: report_browser_test.py ORGPLAN_BINARY DATA_DIR FIXTURES_DIR
Set ORGPLAN_SCREENSHOT=FILE.png to keep a screenshot of the demo report (docs/report.png is made this way).
"""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

from chromium import browser, check, console_errors, finish, requests

ORGPLAN, DATA, FIXTURES = sys.argv[1:4]
def orgplan(db, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGPLAN_")}
    result = subprocess.run([ORGPLAN, "--db", db, *args], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit("orgplan %s failed (%d): %s" % (" ".join(args), result.returncode, result.stderr))
    return result.stdout


def distinct_bytes(png):
    """How many different byte values the decoded pixels hold: a blank page has very few."""
    at, idat = 8, b""
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        if kind == b"IDAT":
            idat += png[at + 8:at + 8 + length]
        at += 12 + length
    return len(set(zlib.decompress(idat)[:2_000_000]))


def open_page(driver, path):
    """Loads a file with the logs emptied first, so they hold only what this page did."""
    driver.get("about:blank")
    driver.get_log("performance")
    driver.get_log("browser")
    driver.get("file://" + path)


def count(driver, selector):
    return driver.execute_script("return document.querySelectorAll(arguments[0]).length", selector)


def main():
    work = tempfile.mkdtemp(prefix="orgplan-browser-")
    driver = browser(os.path.join(work, "profile"))
    try:
        demo = os.path.join(work, "demo.db")
        orgplan(demo, "import", os.path.join(DATA, "demo"))
        report = os.path.join(work, "report.html")
        orgplan(demo, "report", "--out", report, "--simulate", "500", "--seed", "7")
        teams = json.loads(orgplan(demo, "ratios", "--by", "team", "--format", "json"))["rows"]
        products = json.loads(orgplan(demo, "ratios", "--by", "product", "--format", "json"))["rows"]
        findings = json.loads(orgplan(demo, "diagnose", "--format", "json"))["rows"]

        open_page(driver, report)
        check(console_errors(driver) == [], "the report loads with no console errors")
        outside = [u for u in requests(driver) if not u.startswith(("file:", "data:", "about:"))]
        check(outside == [], "the report makes no network request (%s)" % outside)
        for section in ("summary", "teams", "products", "spread", "principles", "hiring", "mentoring", "plan",
                        "interrupts", "taskforces", "findings", "orgchart"):
            check(count(driver, "section#" + section + " h2") == 1, "section %s is there" % section)
        check(count(driver, "#teams svg rect.bar") == min(40, len(teams)), "one bar per team (%d)" % len(teams))
        check(count(driver, "#teams svg rect.bar.no_pm") == sum(r["status"] == "no_pm" for r in teams),
              "the teams without a PM are the hatched bars")
        check(count(driver, "#teams svg line.reference") == 1, "the threshold line is drawn")
        check(count(driver, "#products svg rect.bar") >= len(products), "one bar per product and segment")
        check(count(driver, "#plan svg path.band") == 1 and count(driver, "#plan svg circle.point") == 8,
              "the plan chart has its P10-P90 band and 8 quarters")
        check(count(driver, "#findings .finding") == len(findings), "every finding is listed (%d)" % len(findings))
        check(count(driver, "#orgchart svg g.node") > 10, "the org chart is drawn")
        interrupted = json.loads(orgplan(demo, "interrupts", "--format", "json"))["rows"]
        check(count(driver, "#interrupts svg rect.bar") == sum(r["pm"] != "(none)" for r in interrupted),
              "one bar per interrupted PM")
        check(count(driver, "#interrupts svg rect.bar.over") ==
              sum(r["pm"] != "(none)" and r["unplanned_share"] > 0.2 for r in interrupted),
              "the PMs above the overload share are the orange bars")
        check("Pricing and packaging for 2027" in driver.find_element(By.ID, "taskforces").text,
              "the saved task forces are listed")
        summary = driver.find_element(By.ID, "summary").text
        check("14.1:1" in summary and "teams with makers and no PM" in summary, "the summary states the org ratio")

        # Sorting by a click on a header, where scripts run.
        score = driver.find_element(By.XPATH, "//section[@id='principles']//th[normalize-space()='score']")
        score.click()
        values = [float(td.get_attribute("data-value")) for td in
                  driver.find_elements(By.XPATH, "//section[@id='principles']//tbody/tr/td[last()]")]
        check(values == sorted(values) and len(values) > 3, "a click on a header sorts the table")
        score.click()
        values = [float(td.get_attribute("data-value")) for td in
                  driver.find_elements(By.XPATH, "//section[@id='principles']//tbody/tr/td[last()]")]
        check(values == sorted(values, reverse=True), "a second click sorts it the other way")

        png = driver.get_screenshot_as_png()
        check(distinct_bytes(png) > 60, "the screenshot is not blank")
        if os.environ.get("ORGPLAN_SCREENSHOT"):
            driver.set_window_size(1280, 1500)
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(os.environ["ORGPLAN_SCREENSHOT"])

        # Text from the data is text: a name that is markup does not run.
        hostile = os.path.join(work, "hostile.db")
        orgplan(hostile, "import", os.path.join(FIXTURES, "formula"))
        orgplan(hostile, "import", os.path.join(FIXTURES, "markup"))
        hostile_report = os.path.join(work, "hostile.html")
        orgplan(hostile, "report", "--out", hostile_report)
        open_page(driver, hostile_report)
        try:
            driver.switch_to.alert
            alerted = True
        except NoAlertPresentException:
            alerted = False
        check(not alerted, "a name like <script>alert(1)</script> does not run")
        check(count(driver, "script") == 1, "the page has only its own script")
        check("<script>alert(1)</script>" in driver.find_element(By.TAG_NAME, "body").text,
              "the name shows as text")
        check(console_errors(driver) == [], "the hostile report loads with no console errors")

        # The org chart page on its own.
        chart = os.path.join(work, "chart.html")
        orgplan(demo, "chart", "--format", "html", "--out", chart, "--depth", "2")
        open_page(driver, chart)
        check(count(driver, "svg g.node") > 5 and console_errors(driver) == [], "the org chart page loads and draws")
        check([u for u in requests(driver) if not u.startswith(("file:", "data:", "about:"))] == [],
              "the chart page makes no network request")
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)
    finish()


if __name__ == "__main__":
    main()
