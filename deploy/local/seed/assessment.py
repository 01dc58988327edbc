"""Assessment demo data, retelling the article: Hefeng's 2024 results imported from the paper register
as final, its 2025 member points assessment closed, published (公示), objected to, answered and made
final, so that members are commended, one organisational talk (组织谈话) and one withdrawal-advice
case (劝退, Unqualified in 2024 and 2025) arise, and some members have full marks; and a five-good
household evaluation (五好文明户) of Gaobian's households, on public notice.

Through the public API only, every entry with a stable Idempotency-Key, points drawn from a fixed
seed so every run gives the same ledger (and, once closed, replays the same notice). 2025 is recorded
on the dates it happened: in Development the seed sets the Assessment service's clock (POST /dev/clock)
to January 2026 to enter, publish and answer, to the day after the window to finalise, and then puts
it right; without that clock it publishes today and leaves finalising to a later run.
"""
import datetime
import hashlib
import random

from seedlib import SeedError

YEAR = 2025
PREVIOUS_YEAR = 2024
# The town's secretaries enter the year's points and publish in the second week of January.
PUBLISHED_ON = datetime.date(2026, 1, 13)

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

# Share of members per grade band (Unqualified only where the story puts it: see PLAN).
BANDS = [(0.20, 90, 99), (0.60, 70, 89), (0.20, 60, 69)]

# The story, by a member's place in Hefeng's roll: (2024 grade, 2024 total, 2025 total or None for a band draw).
FULL_MARKS = "full"
PLAN = {
    0: ("Excellent", 96, FULL_MARKS),   # full marks, excellent two years running: commended
    1: ("Excellent", 94, FULL_MARKS),
    2: ("Excellent", 92.5, FULL_MARKS),
    3: ("Excellent", 91, 95),
    4: ("Excellent", 93, 92),
    5: ("Unqualified", 52, 50),         # Unqualified in 2024 and 2025: organisational talk, withdrawal advice
    6: ("Unqualified", 55, 78),         # Unqualified in 2024, improved after the talk
    7: ("Unqualified", 57.5, 66),
}


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


# Entries per request to the batch endpoint (which takes up to 500): a few requests per scheme, each short.
BATCH_SIZE = 200


def batch_key(keys):
    """A batch's Idempotency-Key, from its entries' own keys: a re-run sends the same batches and they replay."""
    return "demo-assessment-batch-" + hashlib.sha256("\n".join(keys).encode()).hexdigest()[:40]


def enter_all(ctx, label, scheme_id, entries):
    """entries: (key, subject id, dimension, points, reason, subject label)."""
    try:
        closed = ctx.get("assessment", f"/schemes/{scheme_id}")["closed"]
    except SeedError:
        closed = False  # the batches below report what is wrong
    if closed:
        # Entered and closed by an earlier run (perhaps one that sent entries one by one, under other keys).
        ctx.step("assessment", len(entries), len(entries), f"{len(entries)} 条积分，方案已结束", lambda: True)
        return
    # In batches: entries of one scheme sent side by side conflict on its version (HTTP 409), and one at a
    # time they were the longest part of loading the demo data.
    for start in range(0, len(entries), BATCH_SIZE):
        batch = entries[start:start + BATCH_SIZE]

        def enter(batch=batch):
            _, replayed = ctx.post("assessment", f"/schemes/{scheme_id}/ledger-entries/batch", batch_key([e[0] for e in batch]), {
                "entries": [{"subjectId": subject, "dimension": dimension, "points": points, "reason": reason, "enteredBy": label}
                            for _, subject, dimension, points, reason, _ in batch],
            })
            return replayed
        ctx.step("assessment", start + len(batch), len(entries), f"{batch[0][5]} 至 {batch[-1][5]} 共 {len(batch)} 条积分", enter)


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


def grade_of(total):
    return "Excellent" if total >= 90 else "Qualified" if total >= 70 else "BasicallyQualified" if total >= 60 else "Unqualified"


def town_today():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


def plan_members(members, rng):
    """(member, 2024 grade, 2024 total, 2025 total) for every member, the story's ones first."""
    plans = []
    for i, m in enumerate(members):
        if i in PLAN:
            grade24, total24, total25 = PLAN[i]
            total25 = 100 if total25 == FULL_MARKS else total25
        else:
            draw, low, high = rng.random(), 0, 0
            for share, low, high in BANDS:
                if draw < share:
                    break
                draw -= share
            total25 = rng.randint(low * 2, high * 2) / 2
            total24 = min(99, max(60, total25 + rng.randint(-12, 12) / 2))
            grade24 = grade_of(total24)
        plans.append((m, grade24, total24, total25))
    return plans


def import_previous_year(ctx, hefeng, plans):
    """2024 was assessed on paper: the town imports its final results so the two-year rule applies now."""
    def do_import():
        body = {
            "organisationId": hefeng, "year": PREVIOUS_YEAR,
            "source": f"鹤峰村{PREVIOUS_YEAR}年度党员量化积分考核结果（纸质台账，已公示确认）",
            "rows": [{"memberId": ctx.ids[m["idempotencyKey"]], "grade": grade, "total": total} for m, grade, total, _ in plans],
        }
        _, replayed = ctx.post("assessment", "/imported-results", f"demo-assessment-import-hefeng-{PREVIOUS_YEAR}", body)
        return replayed
    ctx.step("assessment", 1, 1, f"鹤峰村 {PREVIOUS_YEAR} 年度考核结果导入（{len(plans)} 名党员）", do_import)
    counts = {}
    for _, grade, _, _ in plans:
        counts[grade] = counts.get(grade, 0) + 1
    print(f"[assessment] {PREVIOUS_YEAR} 年度结果（导入，已确定）：" + "，".join(f"{GRADE_ZH[g]} {n} 人" for g, n in counts.items()), flush=True)


GRADE_ZH = {"Excellent": "优秀", "Qualified": "合格", "BasicallyQualified": "基本合格", "Unqualified": "不合格"}


def hefeng_notice(ctx, hefeng):
    page = ctx.get("assessment", f"/public/notices?year={YEAR}&organisationId={hefeng}&pageSize=100")
    return next((n for n in page["items"] if n["organisationId"] == hefeng and n["topic"] == "MemberPoints"), None)


def object_and_answer(ctx, notice_id, concerning):
    """A resident objects during the window; the village secretary answers (not upheld, with reasons)."""
    filed = {}

    def file():
        objection, replayed = ctx.post("assessment", f"/notices/{notice_id}/objections", f"demo-assessment-objection-hefeng-{YEAR}", {
            "text": f"{concerning}今年参加了护苗长廊的志愿服务，“党员志愿服务”一项得分偏低，请核实。",
            "concerning": concerning, "filedBy": "鹤峰村村民",
        })
        filed.update(objection)
        return replayed
    ctx.step("assessment", 1, 2, f"公示异议：涉及 {concerning}", file)
    if not filed:
        return

    def answer():
        listed = ctx.get("assessment", f"/notices/{notice_id}/objections?pageSize=100")
        mine = next((o for o in listed["items"] if o["id"] == filed["id"]), None)
        if mine and mine.get("answered"):
            return True
        ctx.request("assessment", "POST", f"/notices/{notice_id}/objections/{filed['id']}/answer", {
            "answer": "经党委核实签到记录和志愿服务台账，该党员本年度未参加护苗长廊志愿服务，原评分无误，维持公示结果。",
            "upheld": False, "answeredBy": "鹤峰村党委书记",
        })
        return False
    ctx.step("assessment", 2, 2, "书记答复异议（经核实，维持原评分）", answer)


def set_clock(ctx, on):
    """Sets the Assessment service's Development clock to the town date `on`; false when it has none."""
    days = (on - town_today()).days
    offset = "PT0S" if days == 0 else f"P{days}D" if days > 0 else f"-P{-days}D"
    try:
        ctx.request("assessment", "POST", "/dev/clock", {"offset": offset})
    except SeedError as e:
        print(f"[assessment] 开发时钟不可用，按今天的日期办理：{e}", flush=True)
        return False
    print(f"[assessment] 开发时钟设为 {on} (Assessment's clock at {on})", flush=True)
    return True


def reset_clock(ctx):
    try:
        ctx.request("assessment", "POST", "/dev/clock", {"offset": "PT0S"})
        print("[assessment] 开发时钟已恢复", flush=True)
    except SeedError as e:
        ctx.fail()
        print(f"[assessment] 开发时钟未能恢复，请手动 POST /dev/clock {{\"offset\":\"PT0S\"}}：{e}", flush=True)


def finalise(ctx, notice):
    """Makes 2025 final the day after its window closed, on the Development clock."""
    if notice["state"] == "final":
        print(f"[assessment] {YEAR} 年度结果已确定（已存在，未重复操作）", flush=True)
        return
    closes = datetime.date.fromisoformat(notice["windowClosesOn"])
    if not set_clock(ctx, closes + datetime.timedelta(days=1)) and closes >= town_today():
        print(f"[assessment] 公示期至 {closes} 结束，期满后再确定结果", flush=True)
        return

    def do_finalise():
        result = ctx.request("assessment", "POST", f"/notices/{notice['id']}/finalise")[0]
        print(f"[assessment] {YEAR} 年度结果已确定：表彰 {result['commended']} 人，组织谈话 {result['talksRequired']} 人，"
              f"连续两年不合格（劝退）{result['unqualifiedConsecutively']} 人", flush=True)
        return False
    ctx.step("assessment", 1, 1, f"鹤峰村 {YEAR} 年度考核结果确定", do_finalise)


def seed_members(ctx):
    data = ctx.data
    hefeng = ctx.ids["demo-org-hefeng"]
    orgs = subtree(data, "demo-org-hefeng")
    members = [m for m in data["members"] if m["organisation"] in orgs]
    expected = len(members)
    if not ctx.wait_until(f"考核服务收到鹤峰村 {expected} 名党员 (Assessment's view has Hefeng's {expected} members)",
                          lambda: roll_total(ctx, hefeng, "Member") >= expected):
        ctx.fail()
        return

    rng = random.Random(20250101)
    plans = plan_members(members, rng)
    import_previous_year(ctx, hefeng, plans)
    done = hefeng_notice(ctx, hefeng)
    moved = (done is None or done["state"] != "final") and set_clock(ctx, PUBLISHED_ON)
    try:
        assess_year(ctx, hefeng, plans, rng)
    finally:
        if moved:
            reset_clock(ctx)


def assess_year(ctx, hefeng, plans, rng):
    scheme_id = create_scheme(ctx, f"demo-assessment-scheme-hefeng-{YEAR}", {
        "organisationId": hefeng, "year": YEAR, "subjectType": "Member", "total": 100,
        "dimensions": [{"code": c, "name": n, "max": 20} for c, n, _ in MEMBER_DIMENSIONS],
    })
    entries = []
    for m, _, _, total in plans:
        key = m["idempotencyKey"]
        for (code, _, reason), points in zip(MEMBER_DIMENSIONS, split(total, len(MEMBER_DIMENSIONS), rng)):
            if points:
                entries.append((f"demo-assessment-{YEAR}-{key}-{code}", ctx.ids[key], code, points, reason, m["name"]))
        if total < 60:  # a conduct deduction, as secretaries enter them
            entries.append((f"demo-assessment-{YEAR}-{key}-deduction", ctx.ids[key], "daily-conduct", -2,
                            "无故缺席组织生活，扣分", m["name"]))
    enter_all(ctx, "鹤峰村党委书记", scheme_id, entries)
    close_and_publish(ctx, f"demo-assessment-close-hefeng-{YEAR}", scheme_id, f"鹤峰村 {YEAR} 年度党员量化积分考核")

    full = [m["name"] for m, _, _, total in plans if total == 100]
    if full:
        print(f"[assessment] {YEAR} 年度满分党员：{'、'.join(full)}", flush=True)
    notice = hefeng_notice(ctx, hefeng)
    if notice is None:
        print(f"[assessment] 未找到鹤峰村 {YEAR} 年度公示，跳过异议与结果确定", flush=True)
        ctx.fail()
        return
    if len(plans) > 5:
        object_and_answer(ctx, notice["id"], plans[5][0]["name"])
    finalise(ctx, notice)


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
