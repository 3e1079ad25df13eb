#!/usr/bin/python3
"""The shape docs/architecture.md promises, checked on the sources:
- no function in core, cli or plugins over 80 lines, except the tables of data listed below;
- every source of core and of the built-in plugins has a unit test file of the same name under tests/unit;
- no Catch2 test name holds ; [ or ], which CTest's test list cannot carry (the test would run as another name);
- every source, test or script path README.md and docs/ name exists;
- no SQL in core, cli or plugins replaces rows (INSERT OR REPLACE, REPLACE INTO): a replaced row fires no delete
  trigger, and scenario bases keep the org's rows through their triggers (storage/scenario_base.hpp).
Usage: code_shape_test.py SOURCE_ROOT"""
import os
import re
import sys

MAX_LINES = 80
# Tables of data, not procedures: the migrations' SQL, the report's sections.
DATA_TABLES = {("core/src/storage/migrations.cpp", "migrations"),
               ("core/src/answers/report_page.cpp", "report_sections")}
# Sources tested through another unit's tests, and why.
TESTED_ELSEWHERE = {
    "plugins/builtin/workload_checks.cpp": "interrupt_report_test and task_force_test, beside their fixtures",
}


def blank_out(src):
    """Comments, string and character literals replaced by spaces (line breaks kept), so braces in them do not count."""
    out, i, n = [], 0, len(src)
    while i < n:
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
        elif src.startswith("/*", i):
            j = src.find("*/", i) + 2
        elif src.startswith('R"', i) and re.match(r'R"([^(\s]*)\(', src[i:]):
            delim = re.match(r'R"([^(\s]*)\(', src[i:]).group(1)
            j = src.find(")" + delim + '"', i) + len(delim) + 2
        elif src[i] in "\"'" and not (src[i] == "'" and i > 0 and src[i - 1].isalnum()):  # 1'000 digit separators
            j, q = i + 1, src[i]
            while j < n and src[j] != q:
                j += 2 if src[j] == "\\" else 1
            j += 1
        else:
            out.append(src[i])
            i += 1
            continue
        out.append(re.sub(r"[^\n]", " ", src[i:j]))
        i = j
    return "".join(out)


REPLACING = re.compile(r"\b(INSERT\s+OR\s+REPLACE|REPLACE\s+INTO)\b")
CONTROL = re.compile(r"\b(if|for|while|switch|catch)\s*\([^;{}]*\)\s*$")
FUNCTION = re.compile(r"\)\s*(const|noexcept|override|mutable|->\s*[\w:<>&*,\s]+)*\s*$")


def long_functions(path, text):
    """(first line, lines, name) of each function or lambda body longer than MAX_LINES."""
    src = blank_out(text)
    stack, found = [], []
    for k, ch in enumerate(src):
        if ch == "{":
            before = src[max(0, k - 400):k]
            statement = re.split(r"[;{}]", before)[-1]
            is_function = bool(FUNCTION.search(statement)) and not CONTROL.search(statement)
            name = re.findall(r"([\w:~]+)\s*\(", statement)
            stack.append((k, is_function, name[0].split("::")[-1] if name else "?"))
        elif ch == "}" and stack:
            start, is_function, name = stack.pop()
            first, last = src.count("\n", 0, start) + 1, src.count("\n", 0, k) + 1
            if is_function and last - first + 1 > MAX_LINES:
                found.append((first, last - first + 1, name))
    return found


# The store is the one door to the engine: a second engine would replace storage/ and nothing else.
STORAGE = ("core/src/storage/", "core/include/orgplan/storage/")
ENGINE = re.compile(r"#include\s*<SQLiteCpp/|\bSQLite::|(?:\.|->)sql\(\)")


def main(root):
    failures = []
    for top in ("core", "cli", "plugins"):
        for folder, _, files in os.walk(os.path.join(root, top)):
            for f in sorted(files):
                if not f.endswith((".cpp", ".hpp")):
                    continue
                path = os.path.join(folder, f)
                rel = os.path.relpath(path, root)
                with open(path, encoding="utf-8") as source:
                    text = source.read()
                    for number, line in enumerate(text.splitlines(), 1):
                        if REPLACING.search(line) and not line.lstrip().startswith("//"):
                            failures.append(f"{rel}:{number}: SQL that replaces rows: write an upsert (INSERT ... "
                                            "ON CONFLICT DO UPDATE), which fires the update triggers")
                    if not rel.startswith(STORAGE) and ENGINE.search(blank_out(text)):
                        failures.append(f"{rel}: reaches the database engine (SQLiteCpp, sql()), which only storage/ "
                                        "does: call the store's functions with the Database")
                    for line, lines, name in long_functions(path, text):
                        if (rel, name) not in DATA_TABLES:
                            failures.append(f"{rel}:{line}: {name} is {lines} lines (at most {MAX_LINES}): "
                                            "split it into its phases")
    tests = {f for _, _, files in os.walk(os.path.join(root, "tests/unit")) for f in files}
    for top in ("core/src", "plugins/builtin"):
        for folder, _, files in os.walk(os.path.join(root, top)):
            for f in sorted(files):
                rel = os.path.relpath(os.path.join(folder, f), root)
                if f.endswith(".cpp") and f[:-4] + "_test.cpp" not in tests and rel not in TESTED_ELSEWHERE:
                    failures.append(f"{rel}: no tests/unit/.../{f[:-4]}_test.cpp beside its peers")
    for top in ("tests/unit", "tests/e2e"):
        for folder, _, files in os.walk(os.path.join(root, top)):
            for f in sorted(files):
                path = os.path.join(folder, f)
                with open(path, encoding="utf-8") as source:
                    for number, line in enumerate(source, 1):
                        name = re.search(r'TEST_CASE\("((?:[^"\\]|\\.)*)"', line)
                        if name and re.search(r"[;\[\]]", name.group(1)):
                            failures.append(f"{os.path.relpath(path, root)}:{number}: test name with ; [ or ]: "
                                            f"{name.group(1)}")
    path_in_docs = re.compile(r"\b(?:core|cli|plugins|tests|bench|data)/[\w/.-]+\.(?:cpp|hpp|py|sh|csv)\b")
    docs = [os.path.join(root, "README.md")] + sorted(
        os.path.join(root, "docs", f) for f in os.listdir(os.path.join(root, "docs")) if f.endswith(".md"))
    for doc in docs:
        with open(doc, encoding="utf-8") as text:
            for number, line in enumerate(text, 1):
                for named in path_in_docs.findall(line):
                    if not os.path.exists(os.path.join(root, named)):
                        failures.append(f"{os.path.relpath(doc, root)}:{number}: names {named}, which is not there")
    for f in failures:
        print(f)
    print(f"{len(failures)} problem(s)" if failures else "code shape: ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
