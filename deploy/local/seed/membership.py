"""Membership demo data: the town tree top-down, then the roll, then the households (lishui.json).

Every member is sent with its synthetic ID-card number and mobile number (generate.py); Membership stores
them encrypted and answers with masked values, so nothing here prints or keeps them.
"""


def seed(ctx):
    data = ctx.data
    steps = [("organisations", o) for o in data["organisations"]] + [("members", m) for m in data["members"]]
    steps += [("households", h) for h in data.get("households", [])]
    for i, (kind, entry) in enumerate(steps, 1):
        def create(kind=kind, entry=entry):
            body = {k: v for k, v in entry.items() if k not in ("key", "idempotencyKey", "parent", "organisation")}
            if "parent" in entry:
                body["parentId"] = ctx.ids[entry["parent"]]
            if "organisation" in entry:
                body["organisationId"] = ctx.ids[entry["organisation"]]
            key = entry.get("key") or entry["idempotencyKey"]
            created, replayed = ctx.post("membership", "/" + kind, key, body)
            ctx.ids[key] = created["id"]
            return replayed
        ctx.step("membership", i, len(steps), entry.get("name") or entry.get("headName"), create)
