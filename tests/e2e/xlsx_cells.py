#!/usr/bin/env python3
"""Prints the sheets of an XLSX workbook in order as JSON: [{"name": ..., "rows": [[cell, ...], ...]}, ...].

Reads the Office Open XML parts with the standard library only, so tests need no spreadsheet package.
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def main(path):
    book = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in book.namelist():
        for si in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    workbook = ET.fromstring(book.read("xl/workbook.xml"))
    rels = ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    out = []
    for sheet in workbook.find("m:sheets", NS):
        part = "xl/" + target[sheet.get("{%s}id" % NS["r"])]
        rows = []
        for row in ET.fromstring(book.read(part)).find("m:sheetData", NS):
            cells = []
            for c in row:
                i = column_index(c.get("r"))
                while len(cells) < i:
                    cells.append(None)
                v = c.find("m:v", NS)
                if c.get("t") == "s":
                    cells.append(shared[int(v.text)])
                elif c.get("t") == "inlineStr":
                    cells.append("".join(t.text or "" for t in c.iter("{%s}t" % NS["m"])))
                elif v is not None:
                    number = float(v.text)
                    cells.append(int(number) if number.is_integer() else number)
                else:
                    cells.append(None)
            rows.append(cells)
        out.append({"name": sheet.get("name"), "rows": rows})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
