"""Assessment demo data: Hefeng's 2025 member points assessment, closed and on public notice (公示),
and a five-good household evaluation (五好文明户) of Gaobian's households.

Through the public API only, every entry with a stable Idempotency-Key, points drawn from a fixed
seed so every run gives the same ledger (and, once closed, replays the same notice).
"""
import random

YEAR = 2025

MEMBER_DIMENSIONS = [
    ("daily-conduct", "日常行为规范", "日常行为规范，遵守村规民约"),
    ("village-work", "配合村组开展工作", "配合村组做好征地、防汛等工作"),
    ("organisational-life", "参加组织生活", "参加党建星期二第一议题学习和主题党日"),
    ("volunteer-service", "党员志愿服务", "参加护苗长廊等志愿服务"),
    ("visiting-residents", "走访联系群众", "入户走访、联系群众"),
]

HOUSEHOLD_DIMENSIONS = [
    ("patriotic", "爱党爱国", "爱党爱国，积极参加村里活动"),
    ("law-abiding", "遵纪守法", "遵纪守法，无违法违规行为"),
    ("harmony", "家庭和睦", "尊老爱幼，家庭和睦"),
    ("neighbourly", "邻里互助", "邻里互助，热心公益"),
    ("environment", "环境卫生", "门前三包，环境整洁"),
]

# Share of members per grade band, so the published list shows every grade.
BANDS = [(0.20, 90, 99), (0.55, 70, 89), (0.15, 60, 69), (0.10, 42, 59)]


def subtree(data, root_key):
    keys, grew = {root_key}, True
    while grew:
        grew = False
        for o in data["organisations"]:
            if o.get("parent") in keys and o["key"] not in keys:
                keys.add(o["key"])
                grew = True
    return keys


def split(total, dims, rng):
    """Splits a total over the dimensions (each at most its 20), in half points."""
    halves = int(round(total * 2))
    parts = [0] * dims
    while halves > 0:
        i = rng.randrange(dims)
        if parts[i] < 40:
            parts[i] += 1
            halves -= 1
    return [p / 2 for p in parts]


def roll_total(ctx, organisation_id, subject_type):
    page = ctx.get("assessment", f"/organisations/{organisation_id}/roll?subjectType={subject_type}&pageSize=1")
    return page["total"]


def create_scheme(ctx, key, body):
    created, _ = ctx.post("assessment", "/schemes", key, body)
    return created["id"]


def enter_all(ctx, label, scheme_id, entries):
    """entries: (key, subject id, dimension, points, reason, subject label)."""
    for i, (key, subject, dimension, points, reason, who) in enumerate(entries, 1):
        def enter(key=key, subject=subject, dimension=dimension, points=points, reason=reason):
            _, replayed = ctx.post("assessment", f"/schemes/{scheme_id}/ledger-entries", key, {
                "subjectId": subject, "dimension": dimension, "points": points, "reason": reason,
                "enteredBy": label,
            })
            return replayed
        ctx.step("assessment", i, len(entries), f"{who} {dimension} {points:+g}", enter)


def close_and_publish(ctx, key, scheme_id, title):
    result = {}

    def close():
        notice, replayed = ctx.post("assessment", f"/schemes/{scheme_id}/close", key, {})
        result.update(notice)
        return replayed
    ctx.step("assessment", 1, 1, f"{title}：年度结束并公示", close)
    if result:
        base = ctx.urls["assessment"]
        print(f"[assessment] 公示 {title}: {result['subjectCount']} 个对象，公示期 {result['windowOpensOn']} 至 {result['windowClosesOn']}；"
              f"{base}/notices/{result['id']}  {base}/notices/{result['id']}/results.csv", flush=True)


def seed_members(ctx):
    data = ctx.data
    hefeng = ctx.ids["demo-org-hefeng"]
    orgs = subtree(data, "demo-org-hefeng")
    members = [m for m in data["members"] if m["organisation"] in orgs]
    expected = len(members)
    if not ctx.wait_until(f"考核服务收到鹤峰村 {expected} 名党员 (Assessment's view has Hefeng's {expected} members)",
                          lambda: roll_total(ctx, hefeng, "Member") >= expected):
        ctx.failed += 1
        return

    scheme_id = create_scheme(ctx, f"demo-assessment-scheme-hefeng-{YEAR}", {
        "organisationId": hefeng, "year": YEAR, "subjectType": "Member", "total": 100,
        "dimensions": [{"code": c, "name": n, "max": 20} for c, n, _ in MEMBER_DIMENSIONS],
    })
    rng = random.Random(20250101)
    entries = []
    for m in members:
        key = m["idempotencyKey"]
        draw, low, high = rng.random(), 0, 0
        for share, low, high in BANDS:
            if draw < share:
                break
            draw -= share
        total = rng.randint(low * 2, high * 2) / 2
        for (code, _, reason), points in zip(MEMBER_DIMENSIONS, split(total, len(MEMBER_DIMENSIONS), rng)):
            if points:
                entries.append((f"demo-assessment-{YEAR}-{key}-{code}", ctx.ids[key], code, points, reason, m["name"]))
        if total < 60:  # a conduct deduction, as secretaries enter them
            entries.append((f"demo-assessment-{YEAR}-{key}-deduction", ctx.ids[key], "daily-conduct", -2,
                            "无故缺席组织生活，扣分", m["name"]))
    enter_all(ctx, "鹤峰村党委书记", scheme_id, entries)
    close_and_publish(ctx, f"demo-assessment-close-hefeng-{YEAR}", scheme_id, f"鹤峰村 {YEAR} 年度党员量化积分考核")


def seed_households(ctx):
    data = ctx.data
    gaobian = ctx.ids["demo-org-gaobian"]
    households = [h for h in data.get("households", []) if h["organisation"] == "demo-org-gaobian"]
    if not households or not ctx.wait_until(
            f"考核服务收到高边经济社 {len(households)} 户 (Assessment's view has Gaobian's {len(households)} households)",
            lambda: roll_total(ctx, gaobian, "Household") >= len(households)):
        return

    scheme_id = create_scheme(ctx, f"demo-assessment-scheme-gaobian-households-{YEAR}", {
        "organisationId": gaobian, "year": YEAR, "subjectType": "Household", "total": 100,
        "dimensions": [{"code": c, "name": n, "max": 20} for c, n, _ in HOUSEHOLD_DIMENSIONS],
    })
    rng = random.Random(20250202)
    entries = []
    for h in households:
        total = rng.choice([rng.randint(150, 200) / 2, rng.randint(120, 180) / 2])
        for (code, _, reason), points in zip(HOUSEHOLD_DIMENSIONS, split(total, len(HOUSEHOLD_DIMENSIONS), rng)):
            if points:
                entries.append((f"demo-assessment-{YEAR}-{h['key']}-{code}", ctx.ids[h["key"]], code, points, reason, h["headName"]))
    enter_all(ctx, "高边党群小组组长", scheme_id, entries)
    close_and_publish(ctx, f"demo-assessment-close-gaobian-households-{YEAR}", scheme_id, f"高边经济社 {YEAR} 年度五好文明户评选")


def seed(ctx):
    if not ctx.has("assessment"):
        return
    seed_members(ctx)
    seed_households(ctx)
