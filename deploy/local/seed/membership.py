"""Membership demo data: the town tree top-down (with each organisation's sector), then the roll, then the
households, then the offices (lishui.json).

Every member is sent with its synthetic ID-card number and mobile number (generate.py); Membership stores
them encrypted and answers with masked values, so nothing here prints or keeps them.
"""


def seed(ctx):
    data = ctx.data
    steps = [("organisations", o) for o in data["organisations"]] + [("members", m) for m in data["members"]]
    steps += [("households", h) for h in data.get("households", [])]
    roles = data.get("roles", [])
    total = len(steps) + len(roles)
    for i, (kind, entry) in enumerate(steps, 1):
        def create(kind=kind, entry=entry):
            # The sector is set apart (PUT, idempotent by nature): an organisation created by an earlier run of
            # this seed keeps its Idempotency-Key with the same body, and is classified all the same.
            body = {k: v for k, v in entry.items() if k not in ("key", "idempotencyKey", "parent", "organisation", "sector")}
            if "parent" in entry:
                body["parentId"] = ctx.ids[entry["parent"]]
            if "organisation" in entry:
                body["organisationId"] = ctx.ids[entry["organisation"]]
            key = entry.get("key") or entry["idempotencyKey"]
            created, replayed = ctx.post("membership", "/" + kind, key, body)
            ctx.ids[key] = created["id"]
            if kind == "organisations" and "sector" in entry and created.get("sector") != entry["sector"]:
                # Before the organisations below are created, so they take the sector from their parent.
                ctx.request("membership", "PUT", f"/organisations/{created['id']}/sector", {"sector": entry["sector"]})
            return replayed
        ctx.step("membership", i, total, entry.get("name") or entry.get("headName"), create)

    # Offices: secretaries, committee members, group leaders and the stationed leader (驻点领导).
    for i, entry in enumerate(roles, len(steps) + 1):
        def assign(entry=entry):
            body = {"role": entry["role"], "assignedOn": entry["assignedOn"], "decidedBy": entry["decidedBy"]}
            if "organisation" in entry:
                body["organisationId"] = ctx.ids[entry["organisation"]]
            _, replayed = ctx.post("membership", f"/members/{ctx.ids[entry['member']]}/roles", entry["key"], body)
            return replayed
        ctx.step("membership", i, total, f"任职 {entry['role']}（{entry['member']}）", assign)
