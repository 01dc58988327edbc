"""Loads the demo data into a running membership service through its public API.

usage: seed-demo.py MEMBERSHIP_BASE_URL [DATA_JSON]

Organisations first (top-down), then members, then households. Every request carries its entry's key as the
Idempotency-Key, so running this again creates nothing: the service answers with the first
response, which also gives back the ids the later entries need.
"""
import json
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def post(base, path, key, body):
    data = json.dumps(body, ensure_ascii=False).encode()
    for attempt in range(1, 6):  # the service may still be warming up
        request = urllib.request.Request(base + path, data=data, method="POST", headers={
            "Content-Type": "application/json", "Accept": "application/json", "Idempotency-Key": key})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response), response.headers.get("Idempotent-Replayed") == "true"
        except urllib.error.HTTPError as e:
            if e.code < 500:
                raise RuntimeError(f"HTTP {e.code}: {e.read().decode(errors='replace')[:600]}") from None
        except urllib.error.URLError:
            pass
        time.sleep(attempt)
    raise RuntimeError("the service did not answer")


def main():
    base = sys.argv[1].rstrip("/")
    file = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).with_name("demo-data") / "lishui.json"
    data = json.loads(file.read_text(encoding="utf-8"))
    ids, failed = {}, 0
    steps = [("organisations", o) for o in data["organisations"]] + [("members", m) for m in data["members"]]
    steps += [("households", h) for h in data.get("households", [])]
    for i, (kind, entry) in enumerate(steps, 1):
        body = {k: v for k, v in entry.items() if k not in ("key", "idempotencyKey", "parent", "organisation")}
        if "parent" in entry:
            body["parentId"] = ids[entry["parent"]]
        if "organisation" in entry:
            body["organisationId"] = ids[entry["organisation"]]
        key = entry.get("key") or entry["idempotencyKey"]
        try:
            created, replayed = post(base, "/" + kind, key, body)
            ids[key] = created["id"]
            print(f"已导入 {i}/{len(steps)}  {entry.get('name') or entry.get('headName')}{'（已存在，未重复导入）' if replayed else ''}", flush=True)
        except (RuntimeError, KeyError) as e:
            failed += 1
            print(f"导入失败 {i}/{len(steps)}  {entry.get('name') or entry.get('headName')}: {e}", file=sys.stderr, flush=True)
    print(f"演示数据：{len(steps) - failed}/{len(steps)} 条已就绪 (demo data: {len(steps) - failed} of {len(steps)} ready, {failed} failed) -> {base}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
