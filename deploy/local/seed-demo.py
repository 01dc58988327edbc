"""Loads the demo data into the running services through their public APIs.

usage: seed-demo.py SERVICE=BASE_URL... [--data DATA_JSON] [--keys LOCAL_KEYS_JSON] [--marker FILE]
   e.g. seed-demo.py membership=http://localhost:5101 pairing=http://localhost:5102
        (a bare URL means membership=URL)

Runs deploy/local/seed/<service>.py for every service given, in dependency order: Membership first
(the roll every other service builds its view from), then the others. Every request carries its
entry's key as the Idempotency-Key, so running this again creates nothing: the services answer with
the first response, which also gives back the ids the later entries need. The seed acts as a town
administrator with a development token (seed/devtoken.py: the app host's local signing key).

Membership goes first; then Assessment side by side with Pairing and PracticalProjects (in that
order: the care corridor starts from the request Pairing raises).

--marker FILE (up.sh: the app host's state folder, so it goes with the data): after a complete run,
the seed's version (a hash of the data, the seed's code and today's date, since some entries are
dated relative to today) and one count per service. When the version is the same and each service
still answers the same count (one GET each), the data is confirmed and nothing is sent again.
"""
import datetime
import hashlib
import importlib
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "seed"))
import devtoken  # noqa: E402
import seedlib  # noqa: E402

# After membership, these run side by side; within a chain, in order. Projects needs one thing of
# Pairing's, the pick-up shelter request, and waits for it where it needs it (seed/projects.py).
CHAINS = [["pairing"], ["projects"], ["assessment"], ["notification"]]
# One cheap count per service that a complete run leaves behind (see --marker).
CHECKS = {
    "membership": "/members?pageSize=1",
    "pairing": "/resident-requests?pageSize=1",
    "projects": "/projects?pageSize=1",
    "assessment": "/public/notices?pageSize=1",
}
TOWN = datetime.timezone(datetime.timedelta(hours=8))


def version(data_file, urls):
    digest = hashlib.sha256()
    for path in [data_file, Path(__file__), *sorted((HERE / "seed").glob("*.py"))]:
        digest.update(path.name.encode() + b"\0" + Path(path).read_bytes())
    digest.update(" ".join(sorted(s for s in urls if (HERE / "seed" / f"{s}.py").exists())).encode())
    digest.update(datetime.datetime.now(TOWN).date().isoformat().encode())
    return digest.hexdigest()


def counts(ctx):
    services = [s for s in CHECKS if ctx.has(s)]
    with ThreadPoolExecutor(max_workers=len(services) or 1) as pool:
        return dict(zip(services, pool.map(lambda s: ctx.get(s, CHECKS[s])["total"], services)))


def run(ctx, service):
    if ctx.has(service) and (HERE / "seed" / f"{service}.py").exists():
        started = time.monotonic()
        try:
            importlib.import_module(service).seed(ctx)
        finally:
            ctx.finished.add(service)
        # Where a fresh start's minute of demo loading goes (read by deploy/local/up-timing.sh too).
        took = time.monotonic() - started
        print(f"[{service}] 用时 {took:.1f} 秒 (seeded in {took:.1f} s)", flush=True)


def main(argv):
    urls, data_file, keys_file, marker = {}, HERE / "demo-data" / "lishui.json", None, None
    args = iter(argv)
    for arg in args:
        if arg == "--data":
            data_file = Path(next(args))
        elif arg == "--keys":
            keys_file = next(args)
        elif arg == "--marker":
            marker = Path(next(args))
        elif "=" in arg:
            name, url = arg.split("=", 1)
            urls[name] = url.rstrip("/")
        else:
            urls["membership"] = arg.rstrip("/")
    if "membership" not in urls:
        print(__doc__, file=sys.stderr)
        return 2
    token = devtoken.token("demo-seed", "TownAdministrator", devtoken.signing_key(keys_file))
    ctx = seedlib.Context(urls, json.loads(data_file.read_text(encoding="utf-8")), token)
    seed_version = version(data_file, urls)
    if marker and marker.exists():
        try:
            recorded = json.loads(marker.read_text(encoding="utf-8"))
            if recorded.get("version") == seed_version and recorded.get("counts") == counts(ctx):
                print(f"演示数据已就绪：与上次完整导入一致，未重复发送 "
                      f"(demo data confirmed: same seed as the last complete run, {recorded['counts']}) -> {', '.join(urls)}")
                return 0
        except (ValueError, KeyError, seedlib.SeedError) as e:
            print(f"(demo data marker not usable: {e}; loading everything)", file=sys.stderr)
    run(ctx, "membership")
    if "membership" in urls:  # the development provider's demo accounts need these people's ids
        path, n = devtoken.write_demo_accounts(ctx.ids, keys_file)
        print(f"演示账号：{n} 个已写入 {path} (demo sign-in accounts)", flush=True)
    with ThreadPoolExecutor(max_workers=len(CHAINS)) as pool:
        list(pool.map(lambda chain: [run(ctx, s) for s in chain], CHAINS))
    if marker and not ctx.failed:
        marker.write_text(json.dumps({"version": seed_version, "counts": counts(ctx)}), encoding="utf-8")
    print(f"演示数据：{ctx.done}/{ctx.done + ctx.failed} 条已就绪 "
          f"(demo data: {ctx.done} of {ctx.done + ctx.failed} ready, {ctx.failed} failed) -> {', '.join(urls)}")
    return 1 if ctx.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
