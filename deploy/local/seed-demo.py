"""Loads the demo data into the running services through their public APIs.

usage: seed-demo.py SERVICE=BASE_URL... [--data DATA_JSON] [--keys LOCAL_KEYS_JSON]
   e.g. seed-demo.py membership=http://localhost:5101 pairing=http://localhost:5102
        (a bare URL means membership=URL)

Runs deploy/local/seed/<service>.py for every service given, in dependency order: Membership first
(the roll every other service builds its view from), then the others. Every request carries its
entry's key as the Idempotency-Key, so running this again creates nothing: the services answer with
the first response, which also gives back the ids the later entries need. The seed acts as a town
administrator with a development token (seed/devtoken.py: the app host's local signing key).
"""
import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "seed"))
import devtoken  # noqa: E402
import seedlib  # noqa: E402

ORDER = ["membership", "pairing", "projects", "assessment", "notification"]


def main(argv):
    urls, data_file, keys_file = {}, HERE / "demo-data" / "lishui.json", None
    args = iter(argv)
    for arg in args:
        if arg == "--data":
            data_file = Path(next(args))
        elif arg == "--keys":
            keys_file = next(args)
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
    for service in ORDER:
        if service in urls and (HERE / "seed" / f"{service}.py").exists():
            importlib.import_module(service).seed(ctx)
            if service == "membership":  # the development provider's demo accounts need these people's ids
                path, n = devtoken.write_demo_accounts(ctx.ids, keys_file)
                print(f"演示账号：{n} 个已写入 {path} (demo sign-in accounts)", flush=True)
    print(f"演示数据：{ctx.done}/{ctx.done + ctx.failed} 条已就绪 "
          f"(demo data: {ctx.done} of {ctx.done + ctx.failed} ready, {ctx.failed} failed) -> {', '.join(urls)}")
    return 1 if ctx.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
