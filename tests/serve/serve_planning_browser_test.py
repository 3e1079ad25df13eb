#!/usr/bin/env python3
"""Planning together in headless Chromium: a planner creates a scenario, drags a PM onto a team on its board, sees
the Impact tab change and submits it; hr approves and merges it, and the command line's ratios show it; hr fixes an
FTE on a person's page and sees the log line; an upload with a bad row shows the located error and writes nothing.

usage: serve_planning_browser_test.py ORGPLAN_BINARY DATA_DIR
"""
import json
import os
import shutil
import sqlite3
import sys

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "browser"))
from chromium import browser, check, console_errors, finish, wait  # noqa: E402
from chromium import sign_in as signed_in  # noqa: E402
from serve_support import Orgplan, Server, temp_dir  # noqa: E402

ORGPLAN, DATA = sys.argv[1:3]


def sign_in(driver, base, name):
    return signed_in(driver, base, name, "pw-of-%s-123" % name)


def sign_out(driver, base):
    driver.find_element(By.CSS_SELECTOR, "form.signout button").click()
    wait(driver, lambda d: d.current_url == base + "/login")


def tab(driver, name):
    driver.find_element(By.CSS_SELECTOR, "nav.tabs button[data-tab=%s]" % name).click()


def impact_row(driver, metric):
    """The cells of the Impact table's row for `metric`."""
    for row in driver.find_elements(By.CSS_SELECTOR, "#impact table.data tbody tr"):
        cells = [c.get_attribute("textContent").strip() for c in row.find_elements(By.TAG_NAME, "td")]
        if cells and cells[0] == metric:
            return cells
    return None


def status_text(driver):
    return driver.find_element(By.CSS_SELECTOR, ".scenario-state .status").text


def click_button(driver, text):
    driver.find_element(By.XPATH, "//button[normalize-space()='%s']" % text).click()


def save_field(driver, field, value):
    """Types `value` into a field of the record's form and saves it."""
    box = driver.find_element(By.CSS_SELECTOR, "#record-edit input[name=%s]" % field)
    box.clear()
    box.send_keys(value)
    driver.find_element(By.CSS_SELECTOR, "#record-edit button[type=submit]").click()


def dry_run(driver, base, path):
    """Uploads `path` on the Import page for a dry run."""
    driver.get(base + "/import")
    driver.find_element(By.CSS_SELECTOR, "#import-form input[type=file]").send_keys(path)
    driver.find_element(By.CSS_SELECTOR, "#import-form button[type=submit]").click()


def people_rows(db):
    c = sqlite3.connect(db)
    try:
        return c.execute("SELECT * FROM person ORDER BY id").fetchall() + c.execute("SELECT * FROM team ORDER BY id").fetchall()
    finally:
        c.close()


def main():
    work = temp_dir("orgplan-planning-browser-")
    driver = browser(os.path.join(work, "profile"), "1400,1200")
    try:
        op = Orgplan(ORGPLAN, os.path.join(work, "org.db"))
        op.run("import", "--replace", os.path.join(DATA, "demo"))
        for name, role in (("paul", "planner"), ("hana", "hr")):
            op.run("user", "add", name, "--role", role, "--password-stdin", stdin="pw-of-%s-123\n" % name)
        server = Server(op)
        try:
            run(driver, "http://127.0.0.1:%d" % server.port, op, work)
        finally:
            server.close()
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)
    finish()


def run(driver, base, op, work):
    check(sign_in(driver, base, "paul"), "a planner signs in")
    driver.get(base + "/scenarios")
    driver.find_element(By.CSS_SELECTOR, "#scenario-create input[name=name]").send_keys("grow")
    driver.find_element(By.CSS_SELECTOR, "#scenario-create button").click()
    check(wait(driver, lambda d: d.current_url.startswith(base + "/scenarios/grow")), "the planner creates a scenario")
    check(wait(driver, lambda d: status_text(d) == "draft"), "the new scenario is a draft")
    tab(driver, "impact")
    before = impact_row(driver, "teams with no PM")
    check(before is not None and before[1] == before[2], "Impact shows the scenario equal to the org at first")

    tab(driver, "board")
    chip_css = ".pm-chip[data-pm=E0020]"
    target_css = ".team-col[data-team=mid-integrations]"
    check(wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, chip_css) and d.find_element(By.CSS_SELECTOR, target_css)),
          "the board shows the teams and their PMs")
    chip = driver.find_element(By.CSS_SELECTOR, chip_css)
    target = driver.find_element(By.CSS_SELECTOR, target_css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
    ActionChains(driver).click_and_hold(chip).move_by_offset(5, 5).move_to_element(target).pause(0.2).release().perform()
    moved = target_css + " " + chip_css + ".moved"
    check(wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, moved)),
          "dragged onto a team, the PM is there on the board, marked as moved")
    tab(driver, "impact")
    after = impact_row(driver, "teams with no PM")
    check(after is not None and float(after[2]) == float(before[2]) - 1 and after[3].startswith("-1"),
          "the Impact tab shows one team fewer without a PM (%s -> %s)" % (before, after))
    marked = [r.find_element(By.TAG_NAME, "td").get_attribute("textContent")
              for r in driver.find_elements(By.CSS_SELECTOR, "#impact table.data tbody tr.changed")]
    check("teams with no PM" in marked and "people" not in marked, "the differences are marked (%s)" % marked)
    tab(driver, "changes")
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#changes table.data tbody tr")]
    check(len(rows) == 1 and "move PM E0020 to team mid-integrations" in rows[0] and "paul" in rows[0],
          "the Changes tab lists the change with who made it")
    # A person dragged from one team's people to another team.
    tab(driver, "board")
    source_css, dest_css = ".team-col[data-team=ana-query]", ".team-col[data-team=plat-observe]"
    check(wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, source_css + " button.show-people")), "a team offers its people")
    driver.find_element(By.CSS_SELECTOR, source_css + " button.show-people").click()
    check(wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, source_css + " .person-chip")), "the team's people show")
    person = driver.find_elements(By.CSS_SELECTOR, source_css + " .person-chip")[0]
    person_id = person.get_attribute("data-person")
    dest = driver.find_element(By.CSS_SELECTOR, dest_css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", dest)
    driver.execute_script("window.beforeMove = true")
    ActionChains(driver).click_and_hold(person).move_by_offset(5, 5).move_to_element(dest).pause(0.2).release().perform()
    check(wait(driver, lambda d: not d.execute_script("return window.beforeMove === true") and
               d.find_element(By.CSS_SELECTOR, dest_css + " button.show-people")),
          "the board comes back after the move")
    driver.find_element(By.CSS_SELECTOR, dest_css + " button.show-people").click()
    check(wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, dest_css + " .person-chip.moved[data-person='%s']" % person_id)),
          "the person dragged to another team is there, marked as moved")
    tab(driver, "changes")
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#changes table.data tbody tr")]
    check(len(rows) == 2 and "move %s to team plat-observe" % person_id in rows[1], "the person's move is a change")
    # Someone else changes the scenario meanwhile (here the command line): this page's next change is refused with
    # what changed, and the page offers the scenario as it is now.
    op.run("scenario", "apply", "grow", "--set", "ratio.threshold=9")
    driver.find_elements(By.CSS_SELECTOR, "#changes button.undo")[0].click()
    check(wait(driver, lambda d: "changed since" in d.find_element(By.CSS_SELECTOR, "p.error").text and
               "ratio.threshold" in d.find_element(By.CSS_SELECTOR, "p.error").text),
          "a change based on an old version is refused, naming what changed since")
    driver.execute_script("window.beforeMove = true")
    driver.find_element(By.CSS_SELECTOR, "p.error button.reload").click()
    check(wait(driver, lambda d: not d.execute_script("return window.beforeMove === true") and
               len(d.find_elements(By.CSS_SELECTOR, "#changes table.data tbody tr")) == 3),
          "the scenario as it is now shows the other change")
    driver.execute_script("window.beforeMove = true")
    driver.find_elements(By.CSS_SELECTOR, "#changes button.undo")[2].click()
    check(wait(driver, lambda d: not d.execute_script("return window.beforeMove === true") and
               len(d.find_elements(By.CSS_SELECTOR, "#changes table.data tbody tr")) == 2),
          "Undo takes one change out and keeps the others")
    tab(driver, "review")
    click_button(driver, "Submit for review")
    check(wait(driver, lambda d: status_text(d) == "in review"), "the planner submits the scenario")
    check(not driver.find_elements(By.XPATH, "//button[normalize-space()='Approve']"),
          "the author is offered no Approve button")
    # The refused undo above answered 409 on purpose; anything else is a fault.
    errors = [e for e in console_errors(driver) if not (e["source"] == "network" and "409" in e["message"])]
    check(not errors, "no console error on the scenario page (%s)" % errors[:2])
    sign_out(driver, base)

    check(sign_in(driver, base, "hana"), "hr signs in")
    driver.get(base + "/scenarios")
    check("grow" in driver.find_element(By.XPATH, "//h2[normalize-space()='In review']/..").text,
          "the scenario is listed in review")
    driver.get(base + "/scenarios/grow#review")
    check(wait(driver, lambda d: d.find_element(By.XPATH, "//button[normalize-space()='Approve']")), "hr may approve")
    click_button(driver, "Approve")
    check(wait(driver, lambda d: status_text(d) == "approved"), "hr approves")
    tab(driver, "review")
    click_button(driver, "Merge into the org…")
    check(wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "#merge-preview button.merge")),
          "the merge shows what it would do first")
    driver.find_element(By.CSS_SELECTOR, "#merge-preview button.merge").click()
    check(wait(driver, lambda d: status_text(d) == "merged"), "the merge lands")
    ratios = json.loads(op.out("ratios", "--format", "json"))
    uncovered = [t["team"] if isinstance(t, dict) else t for t in ratios["teams_without_pm"]]
    check("mid-integrations" not in uncovered, "the command line's ratios show the merged coverage")

    # hr fixes an FTE on the person's page.
    driver.get(base + "/people/E0010")
    save_field(driver, "fte", "0.5")
    check(wait(driver, lambda d: "0.5" in d.find_element(By.CSS_SELECTOR, "#record-log tbody tr").text),
          "the edit shows in the record's log")
    line = driver.find_element(By.CSS_SELECTOR, "#record-log tbody tr").text
    check("hana" in line and "fte" in line and "1" in line, "the log line names the user, the field, old and new (%s)" % line)
    save_field(driver, "fte", "3")
    check(wait(driver, lambda d: "field 'fte'" in d.find_element(By.ID, "record-error").text),
          "a bad value is refused with the field named")

    # An upload with a bad row.
    bad = os.path.join(work, "teams.csv")
    with open(os.path.join(DATA, "demo", "teams.csv")) as f:
        teams = f.read().rstrip("\n")
    with open(bad, "w") as f:
        f.write(teams + "\nnew-squad,New Squad,stream-aligned,,,\nbroken,,x,,,\n")
    before = people_rows(op.db)
    dry_run(driver, base, bad)
    check(wait(driver, lambda d: "teams.csv:" in d.find_element(By.ID, "import-error").text and
               "field 'name'" in d.find_element(By.ID, "import-error").text),
          "the upload's bad row is shown with its file, line and field")
    check(people_rows(op.db) == before, "the refused upload wrote nothing")
    with open(bad, "w") as f:
        f.write(teams + "\nnew-squad,New Squad,stream-aligned,,,\n")
    dry_run(driver, base, bad)
    check(wait(driver, lambda d: "new-squad" in d.find_element(By.ID, "import-result").text),
          "the dry run lists the team it would create")
    check(people_rows(op.db) == before, "the dry run wrote nothing")
    driver.find_element(By.CSS_SELECTOR, "button.apply-import").click()
    check(wait(driver, lambda d: d.find_element(By.ID, "import-result").text.startswith("Written")),
          "applied, the upload is written")
    check(sqlite3.connect(op.db).execute("SELECT name FROM team WHERE id = 'new-squad'").fetchone() == ("New Squad",),
          "the new team is in the org")
    # The refused edit and upload above answered 422 on purpose; anything else is a fault.
    errors = [e for e in console_errors(driver) if not (e["source"] == "network" and "422" in e["message"])]
    check(not errors, "no console error while planning (%s)" % errors[:2])


if __name__ == "__main__":
    main()
