#!/usr/bin/env python3
"""Arrival to findings stored, per bill: upload one bill, poll its intake item until its audit run is recorded."""
import json, sys, time, urllib.request, pathlib, statistics
port, token, folder = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
bills = sorted(p for p in folder.rglob("*") if p.is_file() and p.name.startswith(sys.argv[4] if len(sys.argv) > 4 else ""))
def call(method, path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method=method, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())
times = []
for bill in bills:
    lines = sum(1 for _ in open(bill, errors="replace"))
    start = time.monotonic()
    item = call("POST", f"/api/v1/bills?name={bill.name}", bill.read_bytes())["items"][0]
    while True:
        state = call("GET", f"/api/v1/intake/{item['id']}")
        if state.get("auditRunId") is not None or state["state"] == "FAILED":
            break
        time.sleep(0.05)
    elapsed = time.monotonic() - start
    times.append(elapsed)
    print(f"{bill.name}: {lines} lines, {state['state']}, audit {state.get('auditRunId')}, {elapsed:.2f} s", flush=True)
print(f"median {statistics.median(times):.2f} s, max {max(times):.2f} s over {len(times)} bills")
