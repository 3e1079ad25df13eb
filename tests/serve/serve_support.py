"""Starting `orgplan serve` for a test and talking to it over HTTP (Python's standard library only)."""
import csv
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "browser"))
from chromium import check, finish  # noqa: E402,F401  (the checks are counted in one place)


class Orgplan:
    def __init__(self, binary, db):
        self.binary, self.db = binary, db
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("ORGPLAN_")}

    def run(self, *args, stdin=None, ok=True):
        result = subprocess.run([self.binary, "--db", self.db, *args], input=stdin, capture_output=True, text=True,
                                env=self.env)
        if ok and result.returncode != 0:
            raise SystemExit("orgplan %s failed (%d): %s" % (" ".join(args), result.returncode, result.stderr))
        return result

    def out(self, *args):
        return self.run(*args).stdout


def demo_with_markup(data_dir, work):
    """The demo org and one more person whose name is markup."""
    files = os.path.join(work, "org")
    shutil.copytree(os.path.join(data_dir, "demo"), files)
    with open(os.path.join(files, "people.csv"), newline="") as f:
        header = next(csv.reader(f))
    row = {h: "" for h in header}
    row.update({"id": "E9999", "name": "<script>alert(1)</script><b>Bold</b>", "title": "Software Engineer",
                "manager": "E0003", "function": "engineering"})
    with open(os.path.join(files, "people.csv"), "a", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow([row[h] for h in header])
    return files


class Server:
    """orgplan serve on a free loopback port; stopped (SIGTERM) on close."""

    def __init__(self, orgplan, *extra):
        self.proc = subprocess.Popen([orgplan.binary, "--db", orgplan.db, "serve", "--listen", "127.0.0.1:0", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=orgplan.env)
        self.banner = self.proc.stdout.readline()
        link_line = self.proc.stdout.readline()
        match = re.search(r"127\.0\.0\.1:(\d+)", self.banner)
        if not match:
            raise SystemExit("serve did not start: %s %s" % (self.banner, self.proc.stderr.read()))
        self.port = int(match.group(1))
        self.link = link_line.split(": ", 1)[1].strip() if ": " in link_line else ""

    def close(self):
        self.proc.terminate()
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return None


class Client:
    """One browser-like client: keeps the session cookie and the CSRF token."""

    def __init__(self, port):
        self.port, self.cookie, self.csrf, self.bearer = port, "", "", ""

    def request(self, method, path, body=None, headers=None, json_body=None, raw=False):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        h = dict(headers or {})
        if self.cookie:
            h["Cookie"] = self.cookie
        if self.bearer:
            h["Authorization"] = "Bearer " + self.bearer
        if json_body is not None:
            body = json.dumps(json_body)
            h["Content-Type"] = "application/json"
        if isinstance(body, dict):
            body = urllib.parse.urlencode(body)
            h["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=h)
        response = conn.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and value.startswith("orgplan_session="):
                self.cookie = value.split(";")[0] if "Max-Age=0" not in value else ""
        conn.close()
        headers = dict((k.lower(), v) for k, v in response.getheaders())
        return response.status, headers, data if raw else data.decode("utf-8", "replace")

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def sign_in(self, name, password):
        status, _, body = self.request("POST", "/login", json_body={"name": name, "password": password})
        if status == 200:
            self.csrf = json.loads(body)["csrf"]
        return status


def routes(orgplan, first_snapshot):
    """Every page and API route a signed-in user can read, with the parameters that change what they show."""
    taskforces = [r["name"] for r in json.loads(orgplan.out("taskforce", "list", "--format", "json"))["rows"]]
    answers = ["ratios", "ratios?by=product", "ratios?by=segment", "ratios?by=pm", "ratios?by=leader",
               "ratios?by=org", "ratios?planned", "ratios?net-of-interrupts", "diagnose", "spans", "spans?by=person",
               "spans?by=unit", "spans?by=family", "portfolio", "portfolio?by=segment", "portfolio?by=status",
               "interrupts", "interrupts?by=requester", "interrupts?by=team", "taskforce", "plan",
               "plan?simulate=200", "mentoring", "mentoring/show", "trend", "history", "check", "roster",
               "roster?family=pm", "ratios?by=team&status=over",
               "changes?from=" + first_snapshot] + ["taskforce/show/" + urllib.parse.quote(t) for t in taskforces]
    paths = ["/", "/chart", "/api/v1/session", "/api/v1/chart?depth=5", "/api/v1/people?q=e"]
    for a in answers:
        paths += ["/" + a, "/api/v1/" + a]
        path, _, query = a.partition("?")
        paths += ["/api/v1/%s?%s%sformat=csv" % (path, query, "&" if query else "")]
    return paths


def temp_dir(prefix):
    return tempfile.mkdtemp(prefix=prefix)


def wait_until(condition, seconds=10):
    end = time.time() + seconds
    while time.time() < end:
        if condition():
            return True
        time.sleep(0.1)
    return False
