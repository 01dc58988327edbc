"""What every demo-data module shares: HTTP with Idempotency-Key and retries, waiting, progress lines.

A module is deploy/local/seed/<service>.py with a function seed(ctx). It posts through the service's
public API only, with a stable Idempotency-Key per entry, so re-running the seed creates nothing twice.
"""
import json
import sys
import threading
import time
import urllib.error
import urllib.request


class SeedError(RuntimeError):
    pass


def retry_after(header, throttled):
    """Seconds to wait after a 429: the service's Retry-After (whole seconds), at least 1 and at most 60."""
    try:
        seconds = float(header)
    except (TypeError, ValueError):  # missing, or an HTTP date: back off by how often it happened
        seconds = throttled
    return min(max(seconds, 1), 60)


class Context:
    def __init__(self, urls, data, token=None):
        self.urls = urls    # service name -> base URL, e.g. {"membership": "http://localhost:5101"}
        self.token = token  # a town administrator's bearer token (the seed acts as one)
        self.data = data    # deploy/local/demo-data/lishui.json
        self.ids = {}       # demo key -> id the service gave it (organisations, members, households, ...)
        self.finished = set()  # services whose seed has run to its end (others may wait on it)
        self.failed = 0
        self.done = 0
        self._lock = threading.Lock()  # services are seeded side by side (seed-demo.py)

    def fail(self):
        with self._lock:
            self.failed += 1

    def has(self, service):
        return service in self.urls

    def request(self, service, method, path, body=None, key=None, attempts=6):
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode()
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        if body is not None:
            headers["Content-Type"] = "application/json"
        if key:
            headers["Idempotency-Key"] = key
        attempt = throttled = 0
        while attempt < attempts:  # the service may still be warming up
            attempt += 1
            req = urllib.request.Request(self.urls[service] + path, data=data, method=method, headers=headers)
            try:
                with urllib.request.urlopen(req, timeout=60) as response:
                    text = response.read().decode()
                    return (json.loads(text) if text else None), response.headers.get("Idempotent-Replayed") == "true"
            except urllib.error.HTTPError as e:
                if e.code == 429 and throttled < 10:  # rate-limited: wait as long as the service asks, then try again
                    throttled += 1
                    attempt -= 1  # being throttled is not the service failing to answer
                    time.sleep(retry_after(e.headers.get("Retry-After"), throttled))
                    continue
                if e.code < 500:
                    raise SeedError(f"HTTP {e.code} {method} {path}: {e.read().decode(errors='replace')[:600]}") from None
            except urllib.error.URLError:
                pass
            time.sleep(attempt)
        raise SeedError(f"{service} did not answer {method} {path}")

    def post(self, service, path, key, body):
        """POST with an Idempotency-Key; returns (json, replayed)."""
        return self.request(service, "POST", path, body, key)

    def get(self, service, path):
        return self.request(service, "GET", path)[0]

    def wait_until(self, description, check, timeout=180):
        """Polls check() every second (events take a moment to reach other services)."""
        deadline = time.time() + timeout
        while True:
            try:
                if check():
                    return True
            except SeedError:
                pass
            if time.time() > deadline:
                print(f"等待超时：{description} (gave up waiting: {description})", file=sys.stderr, flush=True)
                return False
            time.sleep(1)

    def step(self, service, i, n, label, action):
        """Runs one entry, printing progress; a failed entry is reported and counted, the rest go on."""
        try:
            replayed = action()
            with self._lock:
                self.done += 1
            print(f"[{service}] 已导入 {i}/{n}  {label}{'（已存在，未重复导入）' if replayed else ''}", flush=True)
        except (SeedError, KeyError) as e:
            self.fail()
            print(f"[{service}] 导入失败 {i}/{n}  {label}: {e}", file=sys.stderr, flush=True)
