"""Reads CSV files with Python's standard csv module, as a statistician's script would.

Prints {path: [[cell, ...], ...]} as JSON; the header row is included.
A file with a UTF-8 BOM (the excel/ copies) is read with utf-8-sig.
"""
import csv
import json
import sys

tables = {}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        tables[path] = list(csv.reader(handle, strict=True))
json.dump(tables, sys.stdout, ensure_ascii=False)
