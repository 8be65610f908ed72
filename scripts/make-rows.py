#!/usr/bin/env python3
"""N batch rows as JSON Lines on stdout: the 30 units of samples/batch/rows.csv over and over,
each with its own number and name. Used by the batch benchmarks.

    scripts/make-rows.py N [samples/batch/rows.csv] > rows.jsonl
"""
import csv
import json
import sys

n = int(sys.argv[1])
source = sys.argv[2] if len(sys.argv) > 2 else "samples/batch/rows.csv"
units = list(csv.DictReader(open(source, encoding="utf-8")))
width = max(5, len(str(n)))
for i in range(n):
    u = units[i % len(units)]
    recipients = [r.strip() for r in u["noi_nhan[]"].split(";")]
    print(json.dumps({"ma": f"{i + 1:0{width}d}-{u['ma']}", "so": str(61 + i), "noi_nhan": recipients},
                     ensure_ascii=False))
