"""Pairing demo data (结对): the Party Building Office branch paired with Hefeng's village committee.

Through Pairing's public API only, after Pairing's own view of the roll has the demo members (it
learns them from Membership's events): the organisation pairing, its pairing list (结对清单), the
weekly Party Building Tuesday study with a few past weeks held and their attendance, contacts
between paired members, and the stationing visit (驻点) at which 邹润好 asked for shelter at the
pupils' pick-up point (the request that became the 护苗长廊 project).

Dates of past weeks are relative to today (town time), so each entry's Idempotency-Key names its
date: running the seed again the same day adds nothing, a week later it adds that week.
"""
import datetime
import random

SEED = 20261126
TOWN = datetime.timezone(datetime.timedelta(hours=8))
PAIRING_KEY = "demo-pairing-pbo-hefeng"
STUDY_PLACE = "鹤峰村委会党群沟通室"
STATIONING_START = "2026-03-03"  # 今年3月起实施“党建星期二”
PICKUP_VISIT_ON = "2026-06-02"   # 龙舟水频繁的时节
TOPICS = [
    "第一议题：学习党中央最新精神",
    "第一议题：学习党史，商议征地修路沟通工作",
    "第一议题：学习基层治理有关要求，讨论环境整治",
    "第一议题：学习最新指示精神，通报“我为群众办实事”项目进展",
    "第一议题：学习党章，讨论党员量化积分考核",
]
EXCUSES = ["外出务工", "身体不适", "家中有事", "到镇里参加培训"]
HEFENG_GROUPS = {"demo-org-gaobian", "demo-org-cengang", "demo-org-tangbian", "demo-org-xincun", "demo-org-datian", "demo-org-shigang"}
CONTACT_SUMMARIES = {
    "Visit": ["入户走访，了解家庭近况和对征地修路的意见", "到榕树下与村民一起收集民情民意"],
    "Phone": ["电话联系，提醒参加本周二第一议题学习", "电话了解高边经济社修路宣传的进展"],
    "Meeting": ["党建星期二学习后交流近期村务工作", "在鹤峰村文化驿站会面，商量志愿服务安排"],
}


def _today():
    return datetime.datetime.now(TOWN).date()


def _past_tuesdays(today, count):
    """The last `count` Tuesdays strictly before today, oldest first."""
    last = today - datetime.timedelta(days=(today.weekday() - 1) % 7 or 7)
    return [last - datetime.timedelta(weeks=i) for i in reversed(range(count))]


def _wait_for_roll(ctx):
    """Pairing learns the roll from events: wait until its view holds every demo member it needs."""
    wanted = {}
    for m in ctx.data["members"]:
        wanted[m["organisation"]] = wanted.get(m["organisation"], 0) + 1
    needed = {k: n for k, n in wanted.items() if k == "demo-org-pbo" or k.startswith("demo-org-hefeng") or k in HEFENG_GROUPS}

    def known():
        for key, count in needed.items():
            # The list covers the organisation's subtree: count only the organisation's own members.
            page = ctx.get("pairing", f"/local-members?organisationId={ctx.ids[key]}&pageSize=200")
            if sum(1 for m in page["items"] if m["organisationId"] == ctx.ids[key]) < count:
                return False
        return True

    print(f"[pairing] 等待结对服务同步 {sum(needed.values())} 名党员 (waiting for Pairing's view of the roll)", flush=True)
    return ctx.wait_until("Pairing's local member view has the demo members", known, timeout=300)


def seed(ctx):
    if not ctx.has("pairing"):
        return
    if not _wait_for_roll(ctx):
        ctx.failed += 1
        return
    rng = random.Random(SEED)
    today = _today()
    keys_by_id = {v: k for k, v in ctx.ids.items()}
    state = {}
    steps = []

    def pair():
        body = {
            "organBranchId": ctx.ids["demo-org-pbo"],
            "villageCommitteeId": ctx.ids["demo-org-hefeng"],
            "startsOn": "2026-03-01",
            "purpose": "党建工作办党支部与鹤峰村党委组织结对：每周二共学第一议题，党务共管、事权共议",
            "contactEveryDays": 30,
        }
        result = {}

        def attempt():  # the organisations may reach Pairing a moment after their members
            result["r"] = ctx.post("pairing", "/organisation-pairings", PAIRING_KEY, body)
            return True

        if not ctx.wait_until("Pairing knows the Party Building Office and Hefeng", attempt, timeout=120):
            attempt()  # once more, so the failure is reported with the service's answer
        created, replayed = result["r"]
        ctx.ids[PAIRING_KEY] = state["pairing"] = created["id"]
        return replayed

    def pairing_list():
        listed, replayed = ctx.post("pairing", f"/organisation-pairings/{state['pairing']}/pairing-list", "demo-pairing-list-pbo-hefeng", None)
        state["pairs"] = listed["pairs"]
        return replayed

    def schedule():
        ctx.request("pairing", "PUT", f"/organisation-pairings/{state['pairing']}/study-schedule",
                    {"time": "09:00", "place": STUDY_PLACE, "durationMinutes": 120, "startsOn": "2026-03-03"})
        return False

    steps += [("组织结对：党建工作办党支部 ↔ 鹤峰村党委", pair), ("生成并发布结对清单", pairing_list), ("每周二 09:00 第一议题学习", schedule)]

    # A few past weeks of study with attendance; the third-last was held on the Wednesday instead.
    for i, tuesday in enumerate(_past_tuesdays(today, 4)):
        held_on = tuesday + datetime.timedelta(days=1) if i == 1 else tuesday
        moved = "星期二镇里召开征地修路工作会，学习改在星期三" if i == 1 else None

        def study(held_on=held_on, moved=moved, i=i):
            week = random.Random(SEED + held_on.toordinal())
            members = sorted({p[k] for p in state["pairs"] for k in ("organMemberId", "villageMemberId")})
            attendance = []
            for member in members:
                roll = week.random()
                if roll < 0.86:
                    attendance.append({"memberId": member, "status": "Present"})
                elif roll < 0.96:
                    attendance.append({"memberId": member, "status": "Excused", "reason": week.choice(EXCUSES)})
                else:
                    attendance.append({"memberId": member, "status": "Absent"})
            body = {
                "heldOn": held_on.isoformat(),
                "topic": TOPICS[(held_on.toordinal() // 7) % len(TOPICS)],
                "notes": "学习后就征地修路、环境整治等近期工作进行沟通。",
                "movedReason": moved,
                "attendance": attendance,
            }
            _, replayed = ctx.post("pairing", f"/organisation-pairings/{state['pairing']}/study-sessions", f"demo-study-{held_on.isoformat()}", body)
            return replayed

        steps.append((f"第一议题学习 {held_on.isoformat()}{'（改期）' if moved else ''}", study))

    def next_topic():
        tuesday = today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)
        ctx.request("pairing", "PUT", f"/organisation-pairings/{state['pairing']}/study-calendar/{tuesday.isoformat()}/topic",
                    {"topic": "第一议题：学习党中央最新精神，商议护苗长廊立项"})
        return False

    steps.append(("下周二学习议题", next_topic))

    # Contacts between paired members over the last five weeks (about half the pairs, once or twice each).
    def contacts():
        chosen = [p for p in state["pairs"] if rng.random() < 0.5]
        made = replayed_all = 0
        for p in chosen:
            village_key = keys_by_id.get(p["villageMemberId"], p["villageMemberId"])
            for n in range(rng.choice([1, 1, 2])):
                on = today - datetime.timedelta(days=rng.randint(0, 34))
                channel = rng.choice(list(CONTACT_SUMMARIES))
                body = {"contactedOn": on.isoformat(), "channel": channel, "summary": rng.choice(CONTACT_SUMMARIES[channel])}
                _, replayed = ctx.post("pairing", f"/member-pairs/{p['memberPairId']}/contacts", f"demo-contact-{village_key}-{on.isoformat()}-{n}", body)
                made += 1
                replayed_all += replayed
        print(f"[pairing]   {made} 次结对联系 ({made} contacts logged)", flush=True)
        return made > 0 and replayed_all == made

    steps.append(("党员结对联系记录", contacts))

    # 驻点: the town leader stationed in Hefeng on Tuesday afternoons. The demo roll has no town
    # leader (余海生); a town-level member key is used when the roll has one, else the office's first member.
    def stationing():
        leader = ctx.ids.get("demo-town-yu-haisheng") or ctx.ids["demo-pbo-001"]
        body = {
            "leaderMemberId": leader,
            "villageCommitteeId": ctx.ids["demo-org-hefeng"],
            "startsOn": STATIONING_START,
            "startTime": "14:30",
            "endTime": "17:30",
            "place": "鹤峰村委会",
            "createdBy": "里水镇党委办公室",
        }
        created, replayed = ctx.post("pairing", "/stationing-schedules", "demo-stationing-hefeng", body)
        ctx.ids["demo-stationing-hefeng"] = state["stationing"] = created["id"]
        return replayed

    def pickup_visit():
        body = {
            "on": PICKUP_VISIT_ON,
            "notes": "村民邹润好反映学生接送点遮风挡雨的配置问题。驻点领导听完后马上带着村干部到现场了解情况，"
                     "建议在接送点与不远处的鹤峰村文化驿站之间搭建一条“护苗长廊”，学生在下雨天也可以直达文化驿站开展阅读课堂。",
            "recordedBy": "鹤峰村党委",
        }
        visit, replayed = ctx.post("pairing", f"/stationing-schedules/{state['stationing']}/visits", f"demo-stationing-visit-{PICKUP_VISIT_ON}", body)
        ctx.ids["demo-stationing-visit-pickup-shelter"] = state["visit"] = visit["id"]
        return replayed

    def pickup_request():
        body = {
            "residentName": "邹润好",
            "contactPhone": "13800138000",  # synthetic
            "subject": "前段时间龙舟水频繁，学生接送点没有遮风挡雨的配置，希望改善接送点环境",
            "location": "鹤峰村文化驿站附近的学生接送点",
            "category": "Education",
            "recordedBy": "驻点领导",
        }
        request, replayed = ctx.post("pairing", f"/stationing-visits/{state['visit']}/resident-requests", "demo-request-pickup-shelter", body)
        ctx.ids["demo-request-pickup-shelter"] = request["id"]
        ctx.ids["demo-request-pickup-shelter-reference"] = request["referenceNumber"]
        print(f"[pairing]   群众诉求编号 {request['referenceNumber']} (reference number)", flush=True)
        return replayed

    steps += [("驻点安排：每周二下午驻鹤峰村", stationing), (f"驻点记录 {PICKUP_VISIT_ON}", pickup_visit), ("群众诉求：学生接送点遮风挡雨", pickup_request)]

    for i, (label, action) in enumerate(steps, 1):
        ctx.step("pairing", i, len(steps), label, action)
