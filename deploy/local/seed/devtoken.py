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
