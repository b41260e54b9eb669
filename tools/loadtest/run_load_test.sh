#!/usr/bin/env bash
# Load test of the JSON API and the main pages with wrk (Debian) at fixed request rates, against a
# release build serving a generated ledger. Prints one Markdown table row per scenario.
#
#   tools/loadtest/run_load_test.sh [--invoices 1000000] [--rate 500] [--seconds 30] [--database FILE]
#                                   [--skip-organisation-pages]
#
# The ledger comes from `cartera bench` (which also prints the benchmark table) in a scratch
# SQLite file, or in PostgreSQL when DATABASE_URL is set (an empty database). `--database` reuses
# the SQLite file a `cartera bench` run left behind instead of generating again.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
INVOICES=1000000 RATE=500 SECONDS_EACH=30 CONNECTIONS=50 DATABASE_FILE=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --invoices) INVOICES=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --seconds) SECONDS_EACH=$2; shift 2 ;;
    --database) DATABASE_FILE=$2; shift 2 ;;
    --skip-organisation-pages) SKIP_ORGANISATION_PAGES=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
BIN=${CARTERA_BIN:-$REPO/.build/release/cartera}
[[ -x "$BIN" ]] || { echo "build it first: swift build -c release --product cartera" >&2; exit 2; }
WORK=$(mktemp -d)
export CARTERA_SCHEDULER=false CARTERA_MAIL_DIR="$WORK/mail" LOG_LEVEL=warning
if [[ -n "$DATABASE_FILE" ]]; then
  export CARTERA_SQLITE_PATH="$DATABASE_FILE"
else
  [[ -n "${DATABASE_URL:-}" ]] || export CARTERA_SQLITE_PATH="$WORK/load.sqlite"
  "$BIN" bench --invoices "$INVOICES" --runs 1 2>&1 | grep -v Migrator
fi
KEY=$("$BIN" create-api-key --name load 2>/dev/null | tail -n 1)
CARTERA_NEW_USER_PASSWORD=carga-de-prueba-larga "$BIN" create-user --email carga@empresa.co --name Carga --role viewer >/dev/null 2>&1 || true   # already there when --database reuses a file
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
BASE="http://127.0.0.1:$PORT"

# A signed-in session for the pages (the login form's CSRF token, then the cookie).
JAR="$WORK/cookies"
TOKEN=$(curl -s -c "$JAR" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "_csrf=$TOKEN" --data-urlencode "email=carga@empresa.co" \
  --data-urlencode "password=carga-de-prueba-larga" --data-urlencode "next=/" "$BASE/login"
COOKIE=$(awk '$6 == "cartera_session" { print $6 "=" $7 }' "$JAR" | tail -n 1)
[[ -n "$COOKIE" ]] || { echo "could not sign in for the page scenarios" >&2; exit 1; }

# Paths: real ids from the API.
curl -s -H "Authorization: Bearer $KEY" "$BASE/api/v1/customers?per_page=200" | python3 -c '
import json, sys
for c in json.load(sys.stdin)["items"]: print(c["id"])' > "$WORK/customers"
curl -s -H "Authorization: Bearer $KEY" "$BASE/api/v1/invoices?per_page=200" | python3 -c '
import json, sys
for i in json.load(sys.stdin)["items"]: print(i["id"])' > "$WORK/invoices"
awk '{ print "/api/v1/customers/" $1 }' "$WORK/customers" > "$WORK/api-customer"
awk '{ print "/api/v1/customers/" $1 "/statement" }' "$WORK/customers" > "$WORK/api-statement"
awk '{ print "/api/v1/invoices/" $1 }' "$WORK/invoices" > "$WORK/api-invoice"
for page in $(seq 1 200); do echo "/api/v1/invoices?page=$page&per_page=50"; done > "$WORK/api-invoice-list"
awk '{ print "/customers/" $1 }' "$WORK/customers" > "$WORK/page-customer"
awk '{ print "/invoices/" $1 }' "$WORK/invoices" > "$WORK/page-invoice"
echo "/worklist" > "$WORK/page-worklist"
echo "/" > "$WORK/page-dashboard"

echo
echo "| scenario | target rate | achieved | p50 | p90 | p99 | errors |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
run() {
  local name=$1 file=$2 rate=$3 header=$4
  local line connections
  # One connection per 10 requests a second (at most $CONNECTIONS): each waits 100 ms between requests.
  connections=$(( rate / 10 < 1 ? 1 : (rate / 10 > CONNECTIONS ? CONNECTIONS : rate / 10) ))
  # Steady state: what a server remembers (the organisation's payment pattern) is read once first.
  curl -s -o /dev/null -H "$header" "$BASE$(head -n 1 "$file")"
  line=$(wrk -t "$(( connections < 2 ? 1 : 2 ))" -c "$connections" -d "${SECONDS_EACH}s" --timeout 5s -H "$header" -s "$REPO/tools/loadtest/paced.lua" "$BASE" -- "$rate" "$connections" "$file" | grep '^RESULT')
  eval "$(echo "$line" | sed 's/^RESULT //; s/\([a-z0-9_]*\)=/r_\1=/g')"
  printf '| %s | %s/s | %.0f/s | %.1f ms | %.1f ms | %.1f ms | %s |\n' "$name" "$rate" "$r_rate" "$r_p50_ms" "$r_p90_ms" "$r_p99_ms" "$r_errors"
}
AUTH="Authorization: Bearer $KEY"
# Single resources at the target rate; a page of 50 invoices (50 resources' worth) and the pages
# for people at 100/s.
run "GET /api/v1/invoices/{id}" "$WORK/api-invoice" "$RATE" "$AUTH"
run "GET /api/v1/customers/{id}" "$WORK/api-customer" "$RATE" "$AUTH"
run "GET /api/v1/customers/{id}/statement" "$WORK/api-statement" "$RATE" "$AUTH"
run "GET /api/v1/invoices (page of 50)" "$WORK/api-invoice-list" 100 "$AUTH"
run "page /invoices/{id}" "$WORK/page-invoice" 100 "Cookie: $COOKIE"
run "page /customers/{id}" "$WORK/page-customer" 100 "Cookie: $COOKIE"

[[ -z "${SKIP_ORGANISATION_PAGES:-}" ]] || exit 0
# Organisation-wide pages, one request at a time: their latency is the figure (median of 3).
echo
echo "| organisation-wide (one request at a time) | median | slowest |"
echo "| --- | --- | --- |"
timed() {
  local name=$1 header=$2 path=$3 times
  times=$(for _ in 1 2 3; do curl -s -o /dev/null -w '%{time_total}\n' -H "$header" "$BASE$path"; done | sort -n)
  printf '| %s | %.2f s | %.2f s |\n' "$name" "$(echo "$times" | sed -n 2p)" "$(echo "$times" | sed -n 3p)"
}
timed "GET /api/v1/aging" "$AUTH" /api/v1/aging
for path in / /worklist /forecast /reports; do timed "page $path" "Cookie: $COOKIE" "$path"; done
