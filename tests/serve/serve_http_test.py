#!/usr/bin/env python3
"""orgplan serve through HTTP: who gets in, what each role and scope sees, and what the server refuses.

usage: serve_http_test.py ORGPLAN_BINARY DATA_DIR
"""
import csv
import gzip
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_support import Client, Orgplan, Server, check, demo_with_markup, finish, routes, temp_dir, wait_until  # noqa: E402

ORGPLAN, DATA = sys.argv[1:3]


def people_of(files):
    with open(os.path.join(files, "people.csv"), newline="") as f:
        return list(csv.DictReader(f))


def below(people, root):
    """The ids of root and everyone reporting to them at any depth."""
    reports, by_email = {}, {p["email"]: p["id"] for p in people if p["email"]}
    for p in people:  # a manager is given by id or by email
        reports.setdefault(by_email.get(p["manager"], p["manager"]), []).append(p["id"])
    out, todo = set(), [root]
    while todo:
        i = todo.pop()
        out.add(i)
        todo += reports.get(i, [])
    return out


def walk(client, paths):
    """The bodies of every route, and the routes that did not answer 200."""
    bodies, failures = {}, []
    for path in paths:
        status, _, body = client.get(path)
        if status != 200:
            failures.append((path, status, body[:200]))
        bodies[path] = body
    return bodies, failures


def leaks(bodies, patterns):
    found = []
    for path, body in bodies.items():
        for what, pattern in patterns:
            if pattern.search(body):
                found.append((path, what))
    return found


def main():
    work = temp_dir("orgplan-serve-")
    try:
        files = demo_with_markup(DATA, work)
        op = Orgplan(ORGPLAN, os.path.join(work, "org.db"))
        op.run("import", "--replace", files, "--as-of", "2026-01-31")  # two snapshots: a trend to draw
        op.run("import", "--replace", files)
        people = people_of(files)
        scope_root = "E0002"
        in_scope = below(people, scope_root)
        for name, role, extra in (("vera", "viewer", []), ("paul", "planner", []), ("hana", "hr", []),
                                  ("ada", "admin", []), ("sam", "hr", ["--scope", scope_root])):
            op.run("user", "add", name, "--role", role, *extra, "--password-stdin", stdin="pw-of-%s-123\n" % name)
        check(op.run("user", "add", "x", "--role", "viewer", "--password-stdin", stdin="short\n", ok=False).returncode
              == 2, "a password under 10 characters is refused")
        check(op.run("user", "add", "y", "--role", "boss", "--password-stdin", stdin="long-enough-1\n",
                     ok=False).returncode == 2, "an unknown role is refused")

        # Exposure: anything but loopback needs TLS (or a proxy that does it) and at least one user.
        refused = op.run("serve", "--listen", "0.0.0.0:0", ok=False)
        check(refused.returncode == 2 and "without TLS" in refused.stderr, "non-loopback without TLS refuses to start")
        empty = Orgplan(ORGPLAN, os.path.join(work, "empty.db"))
        empty.run("import", "--replace", files)
        refused = empty.run("serve", "--listen", "0.0.0.0:0", "--behind-proxy", ok=False)
        check(refused.returncode == 2 and "no users" in refused.stderr, "non-loopback with no users refuses to start")

        server_tmp = os.path.join(work, "tmp")  # where the server keeps its views
        os.mkdir(server_tmp)
        op.env["TMPDIR"] = server_tmp
        server = Server(op)
        try:
            run_checks(op, server, people, in_scope)
        finally:
            code = server.close()
            check(code == 0, "SIGTERM stops the server cleanly (exit %s)" % code)
        leftovers = os.listdir(server_tmp)
        check(leftovers == [], "the views of the org are removed when the server stops (%s)" % leftovers)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    finish()


def run_checks(op, server, people, in_scope):
    port = server.port
    anonymous = Client(port)
    status, headers, body = anonymous.get("/api/v1/ratios")
    check(status == 401 and json.loads(body)["status"] == 401, "no session: the API answers 401 in JSON")
    status, headers, _ = anonymous.get("/ratios")
    check(status == 303 and headers.get("location") == "/login", "no session: a page redirects to sign-in")
    for header, value in (("content-security-policy", "default-src 'self'"), ("x-content-type-options", "nosniff"),
                          ("referrer-policy", "no-referrer")):
        check(value in headers.get(header, ""), "responses carry %s" % header)
    check("frame-ancestors 'none'" in headers.get("content-security-policy", ""), "no framing")

    # The start link signs its owner in once.
    owner = Client(port)
    path = server.link.split(str(port), 1)[1]
    status, headers, _ = owner.get(path)
    check(status == 303 and owner.cookie, "the start link signs the owner in")
    check(owner.get("/api/v1/session")[0] == 200, "the owner's session works")
    check(Client(port).get(path)[0] == 401, "the start link works only once")
    check("HttpOnly" in headers.get("set-cookie", "") and "SameSite=Strict" in headers.get("set-cookie", ""),
          "the session cookie is HttpOnly and SameSite=Strict")

    viewer, planner, admin, scoped = Client(port), Client(port), Client(port), Client(port)
    check(viewer.sign_in("vera", "pw-of-vera-123") == 200, "a viewer signs in")
    check(planner.sign_in("paul", "pw-of-paul-123") == 200, "a planner signs in")
    check(admin.sign_in("ada", "pw-of-ada-123") == 200, "an admin signs in")
    check(scoped.sign_in("sam", "pw-of-sam-123") == 200, "a scoped hr user signs in")
    entries = json.loads(op.out("log", "--format", "json", "--limit", "50"))
    entries = entries["rows"] if isinstance(entries, dict) else entries
    check(any(e.get("user") == "vera" and e.get("command") == "serve sign-in" for e in entries),
          "sign-ins are in orgplan log with the user's name")

    # Sign-in, and the brake on guessing.
    check(Client(port).sign_in("vera", "wrong password") == 401, "a wrong password is refused")
    guesser = Client(port)
    codes = [guesser.sign_in("hana", "guess-%d" % i) for i in range(5)]
    # One failure above (from the same address) and four here make five: the fifth try here waits.
    check(codes[:4] == [401] * 4 and codes[4] == 429, "after five failures in a minute, tries are held (%s)" % codes)
    check(Client(port).sign_in("hana", "pw-of-hana-123") == 429, "even the right password waits out the brake")
    log = json.loads(op.out("log", "--format", "json", "--limit", "50"))
    entries = log["rows"] if isinstance(log, dict) else log
    commands = [(e.get("user"), e.get("command")) for e in entries]
    check(("hana", "serve sign-in failed") in commands,
          "failed sign-ins are in orgplan log with the name")

    # The API answers exactly what the CLI prints.
    for query, args in (("ratios?by=team", ["ratios", "--by", "team"]), ("spans", ["spans"]),
                        ("diagnose", ["diagnose"]), ("plan?quarters=4&simulate=100", ["plan", "--quarters", "4",
                                                                                     "--simulate", "100"])):
        status, _, body = admin.get("/api/v1/" + query)
        check(status == 200 and body == op.out(*args, "--format", "json"),
              "GET /api/v1/%s is the body of orgplan %s --format json" % (query, " ".join(args)))
    # Browsers take gzip: the same bytes, compressed; Brotli asked alone gets the body as it is (the HTTP library's
    # own per-request Brotli takes seconds on a large page), and so does gzip refused with q=0.
    for path in ("/api/v1/ratios?by=team", "/ratios", "/", "/static/app.js", "/api/v1/ratios?by=team&format=csv"):
        plain = admin.get(path, raw=True)[2]
        status, headers, body = admin.get(path, headers={"Accept-Encoding": "gzip, deflate, br"}, raw=True)
        check(status == 200 and headers.get("content-encoding") == "gzip" and len(body) < len(plain)
              and "Accept-Encoding" in headers.get("vary", ""), "GET %s is gzip-compressed for a browser" % path)
        check(gzip.decompress(body) == plain, "GET %s: the gzip body is the plain body" % path)
        for refused in ("br", "gzip;q=0, br"):
            status, headers, body = admin.get(path, headers={"Accept-Encoding": refused}, raw=True)
            check(status == 200 and "content-encoding" not in headers and body == plain,
                  "GET %s with Accept-Encoding %s: the body as it is" % (path, refused))
    # Pages draw what their JSON twin holds: the trend's org ratio per snapshot against the threshold, the plan's
    # ratio per quarter with its simulated band.
    trend = json.loads(admin.get("/api/v1/trend")[2])
    page = admin.get("/trend")[2]
    check(len(trend["rows"]) == 2 and page.count('class="point"') == 2 and "threshold %g:1" % trend["threshold"] in page,
          "the Trend page draws the org ratio of each snapshot and the threshold")
    page = admin.get("/plan?simulate=200")[2]
    check("<svg" in page and 'class="band"' in page, "the Plan page draws the ratio by quarter with the P10-P90 band")
    check('class="band"' not in admin.get("/plan")[2], "...and no band when nothing was simulated")
    status, _, body = admin.get("/api/v1/ratios?by=nothing")
    check(status == 400 and "--by 'nothing'" in json.loads(body)["error"], "a bad option value: 400 with the CLI's message")
    status, _, body = admin.get("/api/v1/ratios?db=/etc/passwd")
    check(status == 400 and "not a parameter" in json.loads(body)["error"], "--db cannot be given through the API")
    check(admin.get("/api/v1/plan?growth-file=/etc/passwd")[0] == 400, "no option that reads a server file")
    check(admin.get("/api/v1/nothing")[0] == 404, "an unknown answer: 404")
    # docs/openapi.json lists the answers the server gives.
    with open(os.path.join(DATA, "..", "docs", "openapi.json")) as f:
        paths = json.load(f)["paths"]
    documented = paths["/api/v1/{command}"]["get"]["parameters"][0]["schema"]["enum"]
    menu = [p.split("/")[-1] for p in re.findall(r'href="(/[a-z]+)"', admin.get("/ratios")[2])]
    check(sorted(documented) == sorted(m for m in menu if m not in ("chart", "scenarios", "import")),
          "docs/openapi.json lists exactly the answers of the menu (%s vs %s)" % (documented, menu))
    check(all(p in paths for p in ("/api/v1/scenarios", "/api/v1/scenarios/{name}/apply", "/api/v1/people/{id}",
                                   "/api/v1/teams/{id}", "/api/v1/import")),
          "docs/openapi.json documents the planning routes")
    check(admin.get("/api/v1/chart?root=nobody")[0] == 404, "an unknown chart node: 404")
    # /find opens the page of whatever an id names.
    for id_, to in (("E0002", "/chart?focus=E0002"), ("plat-devex", "/roster?team=plat-devex"),
                    ("p-platform", "/ratios?by=team&product=p-platform"),
                    ("seg-ent", "/ratios?by=product&segment=seg-ent")):
        status, headers, _ = admin.get("/find?id=" + id_)
        check(status == 303 and headers.get("location") == to, "/find?id=%s opens %s (%s)" % (id_, to, headers.get("location")))
    status, _, body = admin.get("/find?id=g-svc-custom")
    check(status == 404 and "is a goal" in body, "/find of a goal says goals have no page")
    check(admin.get("/find?id=nobody")[0] == 404, "/find of nothing: 404")
    check(scoped.get("/find?id=E0001")[0] == 404, "/find does not open someone outside the caller's scope")

    # A viewer sees no cost, salary or email of anyone, on any route.
    emails = [p["email"] for p in people if p["email"]]
    costs = {p["cost"] for p in people if p["cost"]}
    patterns = [("email " + e, re.compile(re.escape(e), re.I)) for e in emails]
    patterns += [("cost " + c, re.compile(r"(?<![\d.])%s(?:\.0+)?(?![\d])" % re.escape(c))) for c in costs]
    patterns += [("a cost field", re.compile(r'"(?:[a-z_]*cost[a-z_]*)"\s*:'))]
    paths = routes(op, json.loads(op.out("history", "--format", "json"))["rows"][0]["as_of"])
    bodies, failures = walk(viewer, paths)
    check(failures == [], "every route answers a viewer (%s)" % failures[:3])
    found = leaks(bodies, patterns)
    check(found == [], "no route shows a viewer any cost or email (%d routes; %s)" % (len(bodies), found[:5]))
    check("E0002" in bodies["/api/v1/chart?depth=5"], "the viewer sees the structure")

    # A planner sees costs only as totals over groups: no one's own cost.
    bodies, failures = walk(planner, [p for p in paths if "portfolio" in p or "plan" in p])
    check(failures == [], "the planner's cost answers work")
    # Sums of the cost defaults (cost.default_*) are estimates anyone may know, not someone's cost.
    defaults = {"%g" % r["value"] for r in json.loads(op.out("config", "list", "--format", "json"))["rows"]
                if r["key"].startswith("cost.default_")}
    person_costs = [p for p in patterns if (p[0].startswith("cost ") and p[0][5:] not in defaults) or
                    p[0].startswith("email ")]
    found = leaks(bodies, person_costs)
    check(found == [], "a planner never sees an individual's cost or email (%s)" % found[:5])
    status, _, body = planner.get("/api/v1/portfolio")
    check('"cost"' in body, "a planner sees costs as totals")

    # A scoped user sees only the people below their scope, anywhere.
    outside = [p for p in people if p["id"] not in in_scope]
    id_patterns = [("person " + p["id"], re.compile(r"\b%s\b" % re.escape(p["id"]))) for p in outside]
    bodies, failures = walk(scoped, paths)
    check(failures == [], "every route answers a scoped user (%s)" % failures[:3])
    found = leaks(bodies, id_patterns)
    check(found == [], "no person outside the scope appears anywhere (%s)" % found[:5])
    tree = json.loads(scoped.get("/api/v1/chart?depth=0")[2])
    check(tree["node"]["id"] == "E0002" and tree["node"]["head_count"] == len(in_scope),
          "the scoped chart starts at the scope with its %d people" % len(in_scope))

    # Markup in the data is text on every page.
    bodies, _ = walk(admin, ["/", "/chart", "/spans?by=person", "/diagnose", "/ratios?by=pm", "/check"])
    check(all("<script>alert(1)" not in b for b in bodies.values()), "a name with markup never reaches a page as markup")
    check("&lt;script&gt;alert(1)&lt;/script&gt;" in bodies["/spans?by=person"], "...it shows as text")

    # Writes: the role, the CSRF token, the body.
    check(viewer.request("POST", "/api/v1/config", json_body={"ratio.threshold": 7},
                         headers={"X-CSRF-Token": viewer.csrf})[0] == 403, "a viewer's write: 403")
    before = op.out("config", "get", "ratio.threshold").strip()
    log_before = len(json.loads(op.out("log", "--format", "json", "--limit", "1000"))["rows"])
    check(admin.request("POST", "/api/v1/config", json_body={"ratio.threshold": 7})[0] == 403,
          "a write without the CSRF token: 403")
    status, _, body = admin.request("POST", "/api/v1/config", body="{not json",
                                    headers={"X-CSRF-Token": admin.csrf, "Content-Type": "application/json"})
    check(status == 400, "malformed JSON: 400")
    check(admin.request("POST", "/api/v1/config", json_body={"ratio.threshold": -3},
                        headers={"X-CSRF-Token": admin.csrf})[0] == 422, "a value out of range: 422")
    check(op.out("config", "get", "ratio.threshold").strip() == before and
          len(json.loads(op.out("log", "--format", "json", "--limit", "1000"))["rows"]) == log_before,
          "...and nothing was written")
    status, _, body = admin.request("POST", "/api/v1/config", json_body={"ratio.threshold": 7},
                                    headers={"X-CSRF-Token": admin.csrf})
    check(status == 200 and op.out("config", "get", "ratio.threshold").strip() == "7", "an admin's write lands")
    check(json.loads(admin.get("/api/v1/ratios")[2])["threshold"] == 7, "the next answer sees it")
    op.run("config", "set", "ratio.threshold", "9")
    check(json.loads(admin.get("/api/v1/ratios")[2])["threshold"] == 9, "a CLI write is seen by the next request")

    # After a write, what was read in the last hour is computed again in the background, before anyone asks.
    check(viewer.get("/api/v1/status")[0] == 403, "only admins read the server's status")
    admin.get("/")
    admin.get("/diagnose")  # a page and the JSON of the same answer: both are computed again
    admin.get("/api/v1/diagnose")

    def status():
        return json.loads(admin.get("/api/v1/status")[2])

    before = status()
    op.run("config", "set", "ratio.threshold", "8")

    def settled():
        now = status()
        # The round of this version finished (a round still running for the write before does not count).
        return (now["warm_up_version"] == now["version"] and now["warm_up_pending"] == 0 and
                now["warm_up_runs"] > before["warm_up_runs"])

    check(wait_until(settled, 30), "after a CLI write the warm-up computes the answers read before it")
    warmed = status()
    check(json.loads(admin.get("/api/v1/ratios")[2])["threshold"] == 8 and admin.get("/")[0] == 200 and
          admin.get("/diagnose")[0] == 200 and admin.get("/api/v1/diagnose")[0] == 200 and
          status()["answers_computed"] == warmed["answers_computed"],
          "...so the next reader's ratios, findings and overview are ready, computed for the new version")
    big = "x" * (2 << 20)
    check(admin.request("POST", "/api/v1/config", body=big, headers={"X-CSRF-Token": admin.csrf,
                                                                      "Content-Type": "application/json"})[0] == 413,
          "a body over the limit: 413")

    # Static files: only the two compiled in.
    for path in ("/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/app.css/../../x",
                 "/static/", "/static/.%2e/server.cpp"):
        check(admin.get(path)[0] == 404, "path traversal %s: 404" % path)
    check(admin.get("/static/app.js")[0] == 200, "the script is served")

    # Tokens for scripts.
    created = json.loads(op.out("token", "create", "vera", "--format", "json"))
    script = Client(port)
    script.bearer = created["token"]
    check(script.get("/api/v1/spans")[0] == 200, "a bearer token reads the API")
    check(script.request("POST", "/api/v1/config", json_body={"ratio.threshold": 8})[0] == 403,
          "a token is held to its user's role")
    op.run("token", "revoke", created["id"])
    check(script.get("/api/v1/spans")[0] == 401, "a revoked token: 401")
    tokens = op.out("token", "list")
    check(created["token"] not in tokens and created["token"] not in open(op.db, "rb").read().decode("latin-1"),
          "the token itself is kept nowhere")

    # A slow client does not block others.
    slow = socket.create_connection(("127.0.0.1", port))
    slow.sendall(b"GET /api/v1/ratios HTTP/1.1\r\nHost: x\r\n")
    started = time.time()
    check(admin.get("/api/v1/spans")[0] == 200 and time.time() - started < 5, "a slow client does not block others")
    slow.close()

    # Removing a user ends their access at once; signing out ends the session on the server.
    op.run("user", "remove", "paul")
    check(planner.get("/api/v1/spans")[0] == 401, "a removed user's session stops working")
    cookie = viewer.cookie
    status, _, _ = viewer.request("POST", "/logout", headers={"X-CSRF-Token": viewer.csrf, "Accept": "application/json"})
    check(status == 200, "sign out")
    stale = Client(port)
    stale.cookie = cookie
    check(stale.get("/api/v1/spans")[0] == 401, "the old cookie no longer works after sign-out")


if __name__ == "__main__":
    main()
