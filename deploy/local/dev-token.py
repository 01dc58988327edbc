#!/usr/bin/env python3
"""Prints a development bearer token for calling the locally running services by hand.

usage: dev-token.py [ROLE] [--org ORGANISATION_ID] [--member MEMBER_ID] [--sub NAME] [--keys local-keys.json]
   ROLE: TownAdministrator (default), OrganisationSecretary (needs --org), Member (needs --member),
         Auditor, ExternalSystem
   e.g. curl -H "Authorization: Bearer $(deploy/local/dev-token.py)" http://localhost:5101/members
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "seed"))
import devtoken  # noqa: E402  (the token maker the demo seed uses too)


def main(argv):
    role, options, args = "TownAdministrator", {}, iter(argv)
    for arg in args:
        if arg in ("--org", "--member", "--sub", "--keys"):
            options[arg] = next(args, None)
        elif arg in devtoken.ROLES:
            role = arg
        else:
            print(__doc__, file=sys.stderr)
            return 2
    if (role == "OrganisationSecretary" and not options.get("--org")) or (role == "Member" and not options.get("--member")):
        print(__doc__, file=sys.stderr)
        return 2
    key = devtoken.signing_key(options.get("--keys"))
    print(devtoken.token(options.get("--sub") or f"dev-{role.lower()}", role, key, options.get("--org"), options.get("--member")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
