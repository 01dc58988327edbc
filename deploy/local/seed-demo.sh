#!/usr/bin/env bash
# Loads the demo roll into a running membership service: POST /members once per member.
# usage: seed-demo.sh MEMBERSHIP_BASE_URL [MEMBERS_JSON]
#   e.g. seed-demo.sh http://127.0.0.1:5101
# MEMBERS_JSON defaults to demo-data/members.json beside this script: {"members": [{"idempotencyKey":
# "...", <body of POST /members>}, ...]}. Each member is sent with its Idempotency-Key header, so
# running this again creates nothing new: the service answers with the first response.
# Needs curl and jq or python3. Exit status non-zero when a member could not be registered.
set -euo pipefail

BASE_URL=${1:?usage: $0 MEMBERSHIP_BASE_URL [MEMBERS_JSON]}
BASE_URL=${BASE_URL%/}
FILE=${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/demo-data/members.json}
[[ -r $FILE ]] || { echo "cannot read $FILE" >&2; exit 1; }
command -v curl > /dev/null || { echo "curl is needed (apt-get install -y curl)" >&2; exit 1; }

# One line per member: idempotency key <TAB> name <TAB> base64 of the request body.
members() {
  if command -v jq > /dev/null; then
    jq -r '.members[] | [.idempotencyKey, .name, (del(.idempotencyKey) | tojson | @base64)] | @tsv' "$FILE"
  elif command -v python3 > /dev/null; then
    python3 - "$FILE" << 'PY'
import base64, json, sys
for m in json.load(open(sys.argv[1], encoding="utf-8"))["members"]:
    body = {k: v for k, v in m.items() if k != "idempotencyKey"}
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    print(m["idempotencyKey"], m["name"], base64.b64encode(data).decode(), sep="\t")
PY
  else
    echo "jq or python3 is needed to read $FILE" >&2; return 1
  fi
}

list=$(members)
total=$(grep -c . <<< "$list" || true)
(( total > 0 )) || { echo "no members in $FILE" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

i=0 created=0 existing=0 failed=0
while IFS=$'\t' read -r key name body64; do
  i=$((i + 1))
  base64 -d <<< "$body64" > "$tmp/body.json"
  status=000
  for attempt in 1 2 3 4 5; do # the service may still be warming up
    status=$(curl -sS -o "$tmp/response" -D "$tmp/headers" -w '%{http_code}' --max-time 30 \
      -X POST "$BASE_URL/members" \
      -H 'Content-Type: application/json' -H 'Accept: application/json' -H "Idempotency-Key: $key" \
      --data-binary "@$tmp/body.json" 2> "$tmp/curl-error") || status=000
    [[ $status == 000 || $status == 5?? ]] || break
    sleep "$attempt"
  done
  if [[ $status == 201 ]] && grep -qi '^idempotent-replayed: *true' "$tmp/headers"; then
    existing=$((existing + 1))
    echo "已导入 $i/$total  $name（已存在，未重复导入）"
  elif [[ $status == 201 ]]; then
    created=$((created + 1))
    echo "已导入 $i/$total  $name"
  else
    failed=$((failed + 1))
    echo "导入失败 $i/$total  $name: HTTP $status $(cat "$tmp/curl-error" 2> /dev/null) $(head -c 600 "$tmp/response" 2> /dev/null)" >&2
  fi
done <<< "$list"

echo "演示数据：新增 $created 名，已存在 $existing 名，失败 $failed 名 (demo members: $created new, $existing already there, $failed failed) -> $BASE_URL/members"
(( failed == 0 ))
