#!/usr/bin/env python3
"""Planning together through HTTP: scenarios with versions, sharing, review and merge; records fixed in place;
uploads with a dry run. What each role may do, and that nothing is written when a request is refused.

usage: serve_planning_test.py ORGPLAN_BINARY DATA_DIR
"""
import json
import os
import shutil
import sqlite3
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_support import Client, Orgplan, Server, check, finish, temp_dir  # noqa: E402

ORGPLAN, DATA = sys.argv[1:3]
OUTSIDE = "E0100"  # an engineering manager, outside the product org under E0002


def org_rows(db):
    """Every person, membership and assignment row: what a refused write must leave as it was."""
    c = sqlite3.connect(db)
    try:
        return [c.execute("SELECT * FROM %s ORDER BY 1, 2" % t).fetchall()
                for t in ("person", "membership", "pm_assignment", "team", "position")]
    finally:
        c.close()


class User(Client):
    def __init__(self, port, name):
        super().__init__(port)
        self.name = name
        assert self.sign_in(name, "pw-of-%s-123" % name) == 200, name

    def send(self, method, path, body=None, version=None, csrf=True, **kw):
        headers = dict(kw.pop("headers", {}))
        if csrf:
            headers["X-CSRF-Token"] = self.csrf
        if version is not None:
            headers["If-Match"] = '"%s"' % version
        status, h, text = self.request(method, path, json_body=body if body is not None else None, headers=headers, **kw)
        try:
            return status, json.loads(text)
        except ValueError:
            return status, text

    def post(self, path, body=None, version=None, **kw):
        return self.send("POST", path, body if body is not None else {}, version, **kw)


def metric(impact, name):
    for row in impact["metrics"]:
        if row["metric"] == name:
            return row
    return None


def multipart(files, boundary="orgplanBoundary7"):
    out = b""
    for name, content in files:
        out += ("--%s\r\nContent-Disposition: form-data; name=\"files\"; filename=\"%s\"\r\nContent-Type: text/csv"
                "\r\n\r\n" % (boundary, name)).encode() + content.encode() + b"\r\n"
    return out + ("--%s--\r\n" % boundary).encode(), "multipart/form-data; boundary=" + boundary


def main():
    work = temp_dir("orgplan-planning-")
    try:
        op = Orgplan(ORGPLAN, os.path.join(work, "org.db"))
        op.run("import", "--replace", os.path.join(DATA, "demo"))
        for name, role, extra in (("vera", "viewer", []), ("paul", "planner", []), ("olga", "planner", []),
                                  ("hana", "hr", []), ("pia", "planner", ["--scope", "E0002"])):
            op.run("user", "add", name, "--role", role, *extra, "--password-stdin", stdin="pw-of-%s-123\n" % name)
        tmp = os.path.join(work, "tmp")
        os.mkdir(tmp)
        op.env["TMPDIR"] = tmp
        server = Server(op)
        try:
            run_checks(op, server.port)
        finally:
            check(server.close() == 0, "the server stops cleanly")
        check(os.listdir(tmp) == [], "no upload or edit file is left behind")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    finish()


def run_checks(op, port):
    vera, paul, olga, hana, pia = (User(port, n) for n in ("vera", "paul", "olga", "hana", "pia"))
    api = "/api/v1/scenarios"

    # Who may create.
    status, body = vera.post(api, {"name": "v1"})
    check(status == 403, "a viewer cannot create a scenario (403)")
    status, body = paul.post(api, {"name": "grow"}, csrf=False)
    check(status == 403 and "CSRF" in body["error"], "a cookie session's change needs the CSRF token")
    status, body = paul.post(api, {"name": "grow"})
    check(status == 201 and body["owner"] == "paul" and body["status"] == "draft", "a planner creates a scenario")
    check(paul.post(api, {"name": "a/b"})[0] == 422, "a name that cannot be a link is refused")
    version = body["version"]

    # Changes, versions and undo.
    status, body = paul.post(api + "/grow/apply", {"move-pm": "E0020", "to": "team:mid-integrations"}, version)
    check(status == 200 and body["changes"][0]["by"] == "paul", "a change lands with who made it")
    status, stale = paul.post(api + "/grow/apply", {"add-makers": "bill-tax=3"}, version)
    check(status == 409 and stale["changes_since"][0]["change"].startswith("move PM E0020"),
          "a change based on a stale version is refused with 409 and what changed since")
    check(len(paul.get(api + "/grow")[2] and json.loads(paul.get(api + "/grow")[2])["changes"]) == 1,
          "the refused change wrote nothing")
    status, body = paul.post(api + "/grow/apply", {"teleport": "E0020"})
    check(status == 400 and "no option --teleport" in body["error"], "an unknown change says which ones exist")
    status, body = paul.post(api + "/grow/apply", {"move-pm": "E0100", "to": "team:mid-integrations"})
    check(status == 422 and "not a PM" in body["error"], "a change the scenario refuses is a 422 saying why")

    # Two people editing the same scenario: neither loses a change.
    status, body = paul.post(api + "/grow/share", {"user": "olga", "access": "edit"})
    check(status == 200 and body["shares"] == [{"user": "olga", "access": "edit"}], "the owner shares for editing")
    check(olga.post(api + "/grow/share", {"user": "vera", "access": "view"})[0] == 403, "only the owner shares")
    results = {}

    def edit(user, change):
        results[user.name] = user.post(api + "/grow/apply", change)[0]
    threads = [threading.Thread(target=edit, args=(paul, {"set-fte": "E0011=0.4"})),
               threading.Thread(target=edit, args=(olga, {"add-makers": "bill-tax=2"}))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    changes = json.loads(paul.get(api + "/grow")[2])["changes"]
    check(results == {"paul": 200, "olga": 200} and len(changes) == 3 and
          {c["by"] for c in changes[1:]} == {"paul", "olga"}, "two concurrent edits of one scenario both survive")
    current = json.loads(olga.get(api + "/grow")[2])["version"]
    first = paul.post(api + "/grow/apply", {"set": "ratio.threshold=9"}, current)
    second = olga.post(api + "/grow/apply", {"mix": "balanced"}, current)
    check(first[0] == 200 and second[0] == 409, "the second of two edits based on one version gets 409")
    retried = olga.post(api + "/grow/apply", {"mix": "balanced"}, second[1]["version"])
    check(retried[0] == 200 and len(retried[1]["changes"]) == 5, "retried on the new version, both edits survive")
    status, body = paul.post(api + "/grow/undo", {"change": 4}, retried[1]["version"])
    check(status == 200 and [c["change"] for c in body["changes"]][-1] == "hiring mix balanced" and
          len(body["changes"]) == 4, "a change is undone and the later ones stay")
    status, body = paul.post(api + "/grow/undo", {"change": 1})
    check(status == 200 and not any("E0020" in c["change"] for c in body["changes"]), "undo of the first change")
    paul.post(api + "/grow/apply", {"move-pm": "E0020", "to": "team:mid-integrations"})

    # What others see.
    check(vera.get(api + "/grow")[0] == 404, "a scenario not shared with a viewer is not found for them")
    paul.post(api + "/grow/share", {"user": "vera", "access": "view"})
    check(vera.get(api + "/grow")[0] == 200, "shared for viewing, the viewer opens it")
    check(vera.post(api + "/grow/apply", {"set": "ratio.threshold=8"})[0] == 403, "a view share cannot change it")
    check(vera.send("GET", api + "/grow/merge")[0] == 403, "nor preview a merge (it takes the write lock)")
    names = [s["name"] for s in json.loads(vera.get(api)[2])["scenarios"]]
    check(names == ["grow"], "the list holds what the caller may open")

    # Impact: the current org and the scenario side by side; costs as the role allows.
    hr_impact = json.loads(hana.get(api + "/grow/impact")[2])
    plan_impact_text = paul.get(api + "/grow/impact")[2]
    plan_impact = json.loads(plan_impact_text)
    own_cost_change = -0.4 * 115000  # E0011's own yearly cost (115,000) from FTE 0.8 to 0.4
    check(metric(hr_impact, "yearly people cost")["change"] == own_cost_change,
          "hr sees the yearly cost change of the FTE change")
    planner_cost = metric(plan_impact, "yearly people cost")
    check(planner_cost is not None and planner_cost["change"] != own_cost_change,
          "a planner sees yearly cost, as group means")
    check("115000" not in plan_impact_text and "46000" not in plan_impact_text,
          "a planner never sees an individual's cost in Impact")
    vera_impact = vera.get(api + "/grow/impact")[2]
    check("cost" not in vera_impact, "a viewer's Impact has no money at all")
    check(metric(hr_impact, "teams with no PM")["change"] == -1, "Impact shows the uncovered team covered")

    # Scope: a scoped planner plans only for their part of the org.
    pia.post(api, {"name": "pia-plan"})
    status, body = pia.post(api + "/pia-plan/apply", {"move-person": OUTSIDE, "to-manager": "E0002"})
    check(status == 403 and "outside" in body["error"], "a scoped user cannot move someone outside the scope")
    check(pia.post(api + "/pia-plan/apply", {"set-fte": "E0011=0.5"})[0] == 200, "a scoped user changes their own part")

    # Review: submit, the author never approves, only an approved scenario is merged.
    check(paul.post(api + "/grow/merge", {})[0] == 403, "an unapproved scenario is not merged")
    status, body = paul.post(api + "/grow/submit", {"approvers": ["paul"]})
    check(status == 422, "the author cannot name themselves as approver")
    status, body = paul.post(api + "/grow/submit", {"comment": "please review"})
    check(status == 200 and body["status"] == "in_review", "the author submits")
    check(paul.post(api + "/grow/approve", {})[0] == 403, "the author cannot approve their own scenario (403)")
    check(olga.post(api + "/grow/approve", {})[0] == 403, "a planner is no approver unless named")
    check(hana.post(api + "/grow/reject", {})[0] == 400, "a rejection needs a comment")
    status, body = hana.post(api + "/grow/reject", {"comment": "keep the threshold at 10"})
    check(status == 200 and body["status"] == "rejected", "an approver rejects with a comment")
    paul.post(api + "/grow/submit", {"approvers": ["olga"]})
    check(hana.post(api + "/grow/approve", {})[0] == 403, "with named approvers, only they approve")
    status, body = olga.post(api + "/grow/approve", {"comment": "good"})
    check(status == 200 and body["status"] == "approved", "a named approver approves")
    status, body = paul.post(api + "/grow/apply", {"set": "ratio.threshold=9.5"})
    check(status == 200 and body["status"] == "draft", "a change after approval needs a new review")
    paul.post(api + "/grow/undo", {"change": len(body["changes"])})
    paul.post(api + "/grow/submit", {})
    hana.post(api + "/grow/approve", {})

    # Merge with a conflict: the org changed a record the scenario changed too.
    status, person = hana.send("GET", "/api/v1/people/E0011")
    status, body = hana.send("PATCH", "/api/v1/people/E0011", {"fte": 0.9}, person["version"])
    check(status == 200 and body["record"]["fte"] == 0.9, "hr changes an FTE in the org")
    status, preview = paul.send("GET", api + "/grow/merge")
    keys = [c["key"] for c in preview["conflicts"]]
    check(status == 200 and "person E0011" in keys, "the merge preview lists the conflict")
    conflict = [c for c in preview["conflicts"] if c["key"] == "person E0011"][0]
    check(conflict["org"]["fte"] == 0.9 and conflict["scenario"]["fte"] == 0.4 and "cost" not in conflict["org"],
          "a conflict shows both sides, without personal fields for a planner")
    before = org_rows(op.db)
    status, body = paul.post(api + "/grow/merge", {})
    check(status == 409 and body["conflicts"] and org_rows(op.db) == before,
          "a merge with an unresolved conflict is refused and writes nothing")
    status, body = paul.post(api + "/grow/merge", {"choices": {"person E0011": "ours"}})
    check(status == 200 and body.get("merged"), "the merger chooses per conflict and the merge lands")
    ratios = json.loads(op.out("ratios", "--format", "json"))
    check("mid-integrations" not in [t["team"] if isinstance(t, dict) else t for t in ratios["teams_without_pm"]],
          "the CLI's ratios show the merged coverage")
    fte = sqlite3.connect(op.db).execute("SELECT fte FROM person WHERE id = 'E0011'").fetchone()[0]
    check(fte == 0.9, "the org's side of the conflict was kept")
    listed = op.out("scenario", "list")
    check("merged" in listed and "paul" in listed, "scenario list shows status and owner")

    # Records fixed in place.
    status, person = hana.send("GET", "/api/v1/people/E0010")
    check(status == 200 and person["version"], "a record comes with its version")
    check(paul.send("PATCH", "/api/v1/people/E0010", {"fte": 0.5}, person["version"])[0] == 403,
          "a planner cannot change a record")
    check(hana.send("PATCH", "/api/v1/people/E0010", {"fte": 0.5})[0] == 428, "a change without If-Match is refused")
    before = org_rows(op.db)
    status, body = hana.send("PATCH", "/api/v1/people/E0010", {"fte": 2}, person["version"])
    problem = (body.get("problems") or [{}])[0]
    check(status == 422 and problem.get("field") == "fte" and "fraction" in problem.get("message", "") and
          org_rows(op.db) == before, "an edit is validated as an import row: the field named, nothing written")
    status, body = hana.send("PATCH", "/api/v1/people/E0010", {"manager": "E9999"}, person["version"])
    problem = (body.get("problems") or [{}])[0]
    check(status == 422 and problem.get("field") == "manager" and "E9999" in problem.get("message", "") and
          org_rows(op.db) == before, "a reference to no one is refused like an import's")
    # An import from the command line during the edit.
    path = os.path.join(os.path.dirname(op.db), "people.csv")
    with open(path, "w") as f:
        f.write("id,name,title\nE0010,Omar Usman,Senior Product Manager\n")
    op.run("import", path)
    before = org_rows(op.db)
    status, body = hana.send("PATCH", "/api/v1/people/E0010", {"fte": 0.5}, person["version"])
    check(status == 409 and body["current"]["title"] == "Senior Product Manager" and org_rows(op.db) == before,
          "a stale If-Match gets 409 with the record as it is now, and nothing is written")
    status, body = hana.send("PATCH", "/api/v1/people/E0010", {"fte": 0.5}, body["version"])
    check(status == 200 and body["log"][0]["user"] == "hana" and body["log"][0]["fields"]["fte"] ==
          {"old": 1.0, "new": 0.5}, "the edit lands in the change log with the user and old and new values")
    status, team = hana.send("GET", "/api/v1/teams/bill-tax")
    status, body = hana.send("PATCH", "/api/v1/teams/bill-tax", {"name": "Tax engine"}, team["version"])
    check(status == 200 and body["record"]["name"] == "Tax engine", "hr renames a team")
    sam_like = pia.send("GET", "/api/v1/people/" + OUTSIDE)
    check(sam_like[0] == 404, "a scoped user cannot read a record outside the scope")

    # Uploads: a dry run says what would change; a bad row is located and nothing written.
    teams = open(os.path.join(DATA, "demo", "teams.csv")).read().rstrip("\n") + "\nnew-squad,New Squad,stream-aligned,,,\n"
    body, ctype = multipart([("teams.csv", teams)])
    before = org_rows(op.db)
    status, h, text = hana.request("POST", "/api/v1/import?dry_run=1", body=body,
                                   headers={"X-CSRF-Token": hana.csrf, "Content-Type": ctype})
    result = json.loads(text)
    created = {c["kind"]: c for c in result.get("changes", [])}
    check(status == 200 and created["teams"]["created_ids"] == ["new-squad"] and not result["written"] and
          org_rows(op.db) == before, "a dry run lists what would be created and writes nothing")
    bad, ctype = multipart([("teams.csv", teams + "broken,,x,no-such-product,,\n")])
    status, h, text = hana.request("POST", "/api/v1/import", body=bad,
                                   headers={"X-CSRF-Token": hana.csrf, "Content-Type": ctype})
    problems = json.loads(text).get("problems", [])
    check(status == 422 and problems and problems[0]["file"] == "teams.csv" and problems[0]["line"] > 1 and
          problems[0]["field"] and org_rows(op.db) == before, "a bad row is named by file, line and field; nothing written")
    status, h, text = paul.request("POST", "/api/v1/import", body=body,
                                   headers={"X-CSRF-Token": paul.csrf, "Content-Type": ctype})
    check(status == 403, "a planner cannot import")
    status, h, text = hana.request("POST", "/api/v1/import", body=body,
                                   headers={"X-CSRF-Token": hana.csrf, "Content-Type": ctype})
    check(status == 200 and json.loads(text)["written"], "applied, the upload is written")
    log = json.loads(op.out("log", "--format", "json", "--limit", "5"))
    log = log["rows"] if isinstance(log, dict) else log
    check(any(e["command"] == "serve import" and e["user"] == "hana" for e in log), "the upload is logged as hana's")


if __name__ == "__main__":
    main()
