"""Pairing demo data (结对): the Party Building Office branch paired with Hefeng's village committee.

Through Pairing's public API only, after Pairing's own view of the roll has the demo members (it
learns them from Membership's events): the service positions (党群服务阵地: the town's party school
and service centre, Hefeng's service centre, 文化驿站, 党群沟通室 and the banyan-tree spot 榕树头),
the organisation pairing, its pairing list (结对清单), the weekly Party Building Tuesday study with a
few past weeks held at the 党群沟通室 and their attendance, contacts logged in every member pair, the
monthly discussions of Hefeng's six party–mass groups over the last months with their attendance,
and the stationing visit (驻点) at which 邹润好 asked for shelter at the pupils' pick-up point (the
request that became the 护苗长廊 project).

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
# 党群服务阵地 (synthetic addresses): key, organisation key, name, kind, address, description.
POSITIONS = [
    ("demo-position-town-party-school", "demo-org-town", "里水镇党校", "PartySchool", "里水镇镇政府东侧党校楼",
     "全镇党员教育培训阵地，举办党员轮训和“新星燎原”“银星闪耀”专题培训。"),
    ("demo-position-town-service-centre", "demo-org-town", "里水镇党群服务中心", "ServiceCentre", "里水镇镇政府一楼",
     "镇级党群服务中心，提供党员服务、群众诉求受理和“我为群众办实事”项目咨询。"),
    ("demo-position-hefeng-service-centre", "demo-org-hefeng", "鹤峰村党群服务中心", "ServiceCentre", "鹤峰村委会一楼",
     "村级党群服务中心，每周二下午驻点领导在此接待村民。"),
    ("demo-position-hefeng-culture-station", "demo-org-hefeng", "鹤峰村文化驿站", "ServiceStation", "鹤峰村学生接送点旁",
     "利用闲置房屋改造的文化驿站，开设阅读课堂，党员志愿者在此服务群众。"),
    ("demo-position-hefeng-communication-room", "demo-org-hefeng", STUDY_PLACE, "ServiceStation", "鹤峰村委会二楼",
     "党员和群众沟通议事的场所，党建星期二第一议题学习在此举行。"),
    ("demo-position-hefeng-banyan", "demo-org-hefeng", "鹤峰村榕树头", "ServiceStation", "鹤峰村村口大榕树下",
     "在大榕树下设立的党群服务点，党员在此收集民情民意、召开党群小组讨论。"),
]
STUDY_POSITION = "demo-position-hefeng-communication-room"
STATIONING_POSITION = "demo-position-hefeng-service-centre"
DISCUSSION_MONTHS = 4  # the last full months
DISCUSSION_TOPICS = [
    ("讨论本社修路征地沟通工作", "通报修路方案和征地范围，党员分片入户宣传，收集群众意见并做好解释。"),
    ("讨论环境整治和房前屋后清理", "对照村环境整治要求，党员带头清理房前屋后，分工包干巷道卫生。"),
    ("讨论“五好文明户”推荐", "学习评选标准，推荐本社候选家庭，结果在榕树头公示栏公示。"),
    ("讨论党员量化积分自评", "逐项对照五个考评维度自评，互相提醒参加组织生活和走访联系群众。"),
    ("讨论护苗长廊建设意见", "通报驻点时群众反映的接送点避雨问题，收集对护苗长廊选址和用料的意见。"),
]
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
        ctx.fail()
        return
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

    for key, organisation, name, kind, address, description in POSITIONS:
        def position(key=key, organisation=organisation, name=name, kind=kind, address=address, description=description):
            body = {"organisationId": ctx.ids[organisation], "name": name, "kind": kind, "address": address, "description": description}
            result = {}

            def attempt():  # the town may reach Pairing's organisation view a moment after the village
                result["r"] = ctx.post("pairing", "/service-positions", key, body)
                return True

            if not ctx.wait_until(f"Pairing knows the organisation of {name}", attempt, timeout=60):
                attempt()
            created, replayed = result["r"]
            ctx.ids[key] = created["id"]
            return replayed

        steps.append((f"党群服务阵地：{name}", position))

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
                "servicePositionId": ctx.ids[STUDY_POSITION],
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

    # Contacts in every member pair over the last five weeks (one to three each), each pair's own
    # random sequence so the same pair gets the same contacts on a re-run the same day.
    # One pair of 吴晓燕 (the pbo-member demo account) was last in touch six weeks ago, so 联系逾期
    # has a row to show and she can clear it.
    def contacts():
        made = replayed_all = 0
        late = min((keys_by_id.get(p["villageMemberId"], p["villageMemberId"]) for p in state["pairs"]
                    if p["organMemberId"] == ctx.ids.get("demo-pbo-001")), default=None)
        for p in state["pairs"]:
            village_key = keys_by_id.get(p["villageMemberId"], p["villageMemberId"])
            pair_rng = random.Random(f"{SEED}-{village_key}")
            for n in range(pair_rng.choice([1, 2, 2, 3])):
                days = pair_rng.randint(0, 34)
                on = today - datetime.timedelta(days=42 + n if village_key == late else days)
                channel = pair_rng.choice(list(CONTACT_SUMMARIES))
                body = {"contactedOn": on.isoformat(), "channel": channel, "summary": pair_rng.choice(CONTACT_SUMMARIES[channel])}
                _, replayed = ctx.post("pairing", f"/member-pairs/{p['memberPairId']}/contacts", f"demo-contact-{village_key}-{on.isoformat()}-{n}", body)
                made += 1
                replayed_all += replayed
        print(f"[pairing]   {len(state['pairs'])} 对结对共 {made} 次联系 ({made} contacts logged over {len(state['pairs'])} pairs)", flush=True)
        return made > 0 and replayed_all == made

    steps.append(("党员结对联系记录", contacts))

    # 党群小组每月讨论: each of Hefeng's party–mass groups meets once a month, on its own day, at the
    # banyan-tree spot or the culture station; every member of the group is on the sheet.
    groups = [o for o in ctx.data["organisations"] if o.get("kind") == "PartyMassGroup" and o.get("parent") == "demo-org-hefeng-branch"]
    first_of_month = today.replace(day=1)
    months = []
    for _ in range(DISCUSSION_MONTHS):
        first_of_month = (first_of_month - datetime.timedelta(days=1)).replace(day=1)
        months.append(first_of_month)
    for month in reversed(months):
        for g, group in enumerate(groups):
            def discussion(month=month, g=g, group=group):
                sheet_rng = random.Random(f"{SEED}-{group['key']}-{month.isoformat()}")
                held_on = month.replace(day=8 + 2 * g)
                attendance = []
                for m in (m for m in ctx.data["members"] if m["organisation"] == group["key"]):
                    roll = sheet_rng.random()
                    if roll < 0.82:
                        attendance.append({"memberId": ctx.ids[m["idempotencyKey"]], "status": "Present"})
                    elif roll < 0.95:
                        attendance.append({"memberId": ctx.ids[m["idempotencyKey"]], "status": "Excused", "reason": sheet_rng.choice(EXCUSES)})
                    else:
                        attendance.append({"memberId": ctx.ids[m["idempotencyKey"]], "status": "Absent"})
                topic, minutes = DISCUSSION_TOPICS[(month.month + g) % len(DISCUSSION_TOPICS)]
                cooperative = group.get("economicCooperative", group["name"])
                place_key = "demo-position-hefeng-banyan" if g % 2 == 0 else "demo-position-hefeng-culture-station"
                body = {
                    "heldOn": held_on.isoformat(),
                    "topic": f"{cooperative}：{topic}",
                    "servicePositionId": ctx.ids[place_key],
                    "minutes": f"{group['name']}{month.month}月讨论。{minutes}",
                    "attendance": attendance,
                }
                path = f"/party-mass-groups/{ctx.ids[group['key']]}/discussions"
                key = f"demo-discussion-{group['key']}-{month.strftime('%Y-%m')}"
                result = {}

                def attempt():  # the group reaches Pairing's organisation view on its own queue
                    result["r"] = ctx.post("pairing", path, key, body)
                    return True

                if not ctx.wait_until(f"Pairing knows {group['name']}", attempt, timeout=60):
                    attempt()
                return result["r"][1]

            steps.append((f"党群小组每月讨论：{group['name']} {month.year}年{month.month}月", discussion))

    # 驻点: the leader stationed in Hefeng on Tuesday afternoons, the member the roll seed gives the
    # StationedLeader office (a synthetic person, like everyone in the demo).
    def stationing():
        leader = ctx.ids["demo-pbo-004"]
        body = {
            "leaderMemberId": leader,
            "villageCommitteeId": ctx.ids["demo-org-hefeng"],
            "startsOn": STATIONING_START,
            "startTime": "14:30",
            "endTime": "17:30",
            "place": "鹤峰村党群服务中心（村委会一楼）",
            "createdBy": "里水镇党委办公室",
            "servicePositionId": ctx.ids[STATIONING_POSITION],
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
