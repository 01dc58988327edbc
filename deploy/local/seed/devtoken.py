"""Development bearer tokens for local runs: HS256, signed with the key the app host made on first start.

The app host keeps the key in its state folder (aspire/Lishui.AppHost/.infra/local-keys.json by default,
never in the repository) and tells every service to accept it outside production only. Production
services validate tokens from the town's OpenID Connect provider instead and refuse this key.
"""
import base64
import hashlib
import hmac
import json
import os
import time
from pathlib import Path

ISSUER = "lishui-local-dev"        # DevelopmentTokens.Issuer in the app host
AUDIENCE = "lishui-platform"
KEY_NAME = "Authentication.SigningKey"
DEFAULT_KEYS = Path(__file__).resolve().parents[3] / "aspire" / "Lishui.AppHost" / ".infra" / "local-keys.json"
ROLES = ["TownAdministrator", "OrganisationSecretary", "Member", "Auditor", "ExternalSystem"]


def signing_key(keys_file=None):
    """The base64 key from LISHUI_DEV_SIGNING_KEY, or from the app host's local-keys.json."""
    if os.environ.get("LISHUI_DEV_SIGNING_KEY"):
        return os.environ["LISHUI_DEV_SIGNING_KEY"]
    path = Path(keys_file or os.environ.get("LISHUI_LOCAL_KEYS") or DEFAULT_KEYS)
    try:
        return json.loads(path.read_text(encoding="utf-8"))[KEY_NAME]
    except (OSError, KeyError, ValueError) as e:
        raise SystemExit(f"no development signing key in {path} ({e}); start the platform once with deploy/local/up.sh") from None


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(subject, role, key, organisation=None, member=None, hours=8):
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": subject, "role": role, "iat": now, "nbf": now - 60, "exp": now + hours * 3600}
    if organisation:
        claims["lishui_org"] = organisation
    if member:
        claims["lishui_member"] = member
    signing_input = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()) + "." + _b64(json.dumps(claims).encode())
    signature = hmac.new(base64.b64decode(key), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + _b64(signature)


# The development OpenID provider's demo accounts tied to demo people (aspire/Lishui.DevIdentity reads
# dev-accounts.json from the state folder; the town administrator and the auditor are built in). One
# documented demo password for all: a local tool only, never deployed.
DEMO_PASSWORD = "lishui2026"   # DemoAccounts.DefaultPassword
BUILT_IN_ACCOUNTS = [
    ("town-admin", "镇党委管理员", "TownAdministrator", None, None),
    ("auditor", "审计人员", "Auditor", None, None),
]
# A member's organisation is where they belong (their own Tuesday); it grants a member nothing more.
DEMO_ACCOUNTS = [  # user name, display name, role, organisation key, member key (deploy/local/demo-data)
    ("hefeng-secretary", "张建国（鹤峰村党委书记）", "OrganisationSecretary", "demo-org-hefeng", "demo-hefeng-001"),
    ("hefeng-member", "周丽华（鹤峰村党员）", "Member", "demo-org-hefeng-branch", "demo-hefeng-006"),
    ("pbo-member", "吴晓燕（党建工作办党支部党员）", "Member", "demo-org-pbo", "demo-pbo-001"),
    ("zhoucun-secretary", "冯永康（洲村党委书记）", "OrganisationSecretary", "demo-org-zhoucun", "demo-zhoucun-004"),
]
ROLE_NAMES = {"TownAdministrator": "镇党委管理员", "Auditor": "审计", "OrganisationSecretary": "村党委书记", "Member": "党员"}


def state_dir(keys_file=None):
    """The app host's state folder: where local-keys.json is."""
    return Path(keys_file or os.environ.get("LISHUI_LOCAL_KEYS") or DEFAULT_KEYS).resolve().parent


def write_demo_accounts(ids, keys_file=None):
    """Writes the demo accounts with the ids the seed was given; the provider reads them at each sign-in."""
    accounts = []
    for user, name, role, org, member in DEMO_ACCOUNTS:
        if member not in ids or (org and org not in ids):
            continue
        account = {"userName": user, "displayName": name, "role": role, "memberId": ids[member]}
        if org:
            account["organisationId"] = ids[org]
        accounts.append(account)
    path = state_dir(keys_file) / "dev-accounts.json"
    temp = path.with_suffix(".tmp")
    temp.write_text(json.dumps(accounts, ensure_ascii=False, indent=2), encoding="utf-8")
    temp.replace(path)
    return path, len(accounts)


def print_demo_accounts():
    """The accounts up.sh shows beside the login address."""
    print(f"演示账号（密码均为 {DEMO_PASSWORD}）:")
    for user, name, role, _, _ in BUILT_IN_ACCOUNTS + DEMO_ACCOUNTS:
        print(f"  {user:<18} {name}  [{ROLE_NAMES.get(role, role)} / {role}]")
