#!/usr/bin/env python3
"""Two `cartera serve` instances on one PostgreSQL database, both running the scheduler
(reminders + outbox every 5 s) and sending to one real SMTP server (Tests/e2e/smtp_sink.py).

Checks: the two schedulers share the work without doing anything twice (one reminder per
(invoice, step), one message per dedupe key, each Message-ID received once by SMTP); payments
recorded on either instance are all there once; a session started on instance A works on B.
Midway, instance A is killed with SIGKILL and restarted, so a scheduler dies mid-tick too.

Usage: two_instances.py --database-url postgres://… [--bin .build/debug/cartera]
The database must be empty (a fresh one); the script creates the schema through migrations.
"""
import argparse
import datetime
import http.cookiejar
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kill_test import API, REPO, Server, free_port, seed_ledger  # noqa: E402


def sign_in(port, email, password, jar):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open("http://127.0.0.1:%d/login" % port, timeout=10).read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"_csrf": token, "next": "/", "email": email, "password": password}).encode()
    opener.open("http://127.0.0.1:%d/login" % port, data=form, timeout=10)
    return opener


def psql(url, sql):
    return subprocess.run(["psql", url, "-At", "-c", sql], capture_output=True, text=True, check=True).stdout.split("\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(REPO, ".build/debug/cartera"))
    parser.add_argument("--database-url", required=True)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="cartera-two-")
    mail_dir = os.path.join(work, "mail")
    log = open(os.path.join(work, "servers.log"), "ab")
    sink = subprocess.Popen([sys.executable, os.path.join(REPO, "Tests/e2e/smtp_sink.py"), "--dir", mail_dir],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    smtp_port = int(sink.stdout.readline().split()[1])
    env = dict(os.environ, DATABASE_URL=args.database_url, CARTERA_SCHEDULER="true", CARTERA_SCHEDULER_INTERVAL="5",
               CARTERA_REMINDER_HOUR="0", CARTERA_SMTP_HOST="127.0.0.1", CARTERA_SMTP_PORT=str(smtp_port),
               CARTERA_SMTP_SECURITY="none", LOG_LEVEL="warning")
    run = lambda *command: subprocess.run([args.bin, *command], env=env, capture_output=True, text=True, check=True).stdout
    key = run("create-api-key", "--name", "two-instances").strip().splitlines()[-1]
    subprocess.run([args.bin, "create-user", "--email", "gestora@empresa.co", "--name", "Gestora", "--role", "collector"],
                   env=dict(env, CARTERA_NEW_USER_PASSWORD="una-clave-bastante-larga"), capture_output=True, text=True, check=True)
    a, b = Server(args.bin, env, free_port(), log), Server(args.bin, env, free_port(), log)
    a.start()
    b.start()
    rng = random.Random(11)
    seed_ledger(API(a.port, key), rng, datetime.date.today())

    problems = []
    # A session made on A is a session on B: the sessions live in the database.
    jar = http.cookiejar.CookieJar()
    sign_in(a.port, "gestora@empresa.co", "una-clave-bastante-larga", jar)
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    reply = opener.open("http://127.0.0.1:%d/worklist" % b.port, timeout=10)
    if reply.geturl().endswith("/login") or "nav-worklist" not in reply.read().decode():
        problems.append("the session from instance A was not recognised by instance B")

    customers = [c["id"] for c in API(a.port, key).call("GET", "/customers?per_page=100")[1]["items"]]
    for n in range(40):
        server = a if n % 2 == 0 else b
        status, body = API(server.port, key).call("POST", "/payments", {"customer_id": rng.choice(customers), "amount": "15000.00",
                                                                        "reference": "TWO-%03d" % n}, headers={"Idempotency-Key": "two-%03d" % n})
        if status != 201:
            problems.append("payment %d refused on %s: %s" % (n, "A" if server is a else "B", body))
        if n == 20:
            time.sleep(6)
            a.kill()  # a scheduler dies mid-run; B carries on, A comes back
            a.start()
    time.sleep(16)  # three scheduler ticks on both
    a.stop()
    b.stop()
    sink.stdin.close()
    sink.wait(timeout=10)

    url = args.database_url
    if psql(url, "SELECT COUNT(*) FROM payments WHERE reference LIKE 'TWO-%'")[0] != "40":
        problems.append("expected 40 payments")
    for line in psql(url, "SELECT invoice_id, step_key FROM reminder_deliveries GROUP BY invoice_id, step_key HAVING COUNT(*) > 1"):
        if line:
            problems.append("reminder twice: " + line)
    for line in psql(url, "SELECT dedupe_key FROM outbox_messages GROUP BY dedupe_key HAVING COUNT(*) > 1"):
        if line:
            problems.append("message queued twice: " + line)
    received = {}
    for name in os.listdir(mail_dir):
        if name.endswith(".json"):
            with open(os.path.join(mail_dir, name)) as source:
                message_id = json.load(source)["message_id"]
            received[message_id] = received.get(message_id, 0) + 1
    problems += ["%s received %d times" % (m, n) for m, n in received.items() if n > 1]
    sent = int(psql(url, "SELECT COUNT(*) FROM outbox_messages WHERE status = 'sent'")[0])
    workers = psql(url, "SELECT COUNT(DISTINCT actor) FROM audit_events WHERE action = 'message.sent'")[0]
    reminders = int(psql(url, "SELECT COUNT(*) FROM reminder_deliveries")[0])
    print("reminders: %d, messages sent: %d by %s worker(s), mail received: %d" % (reminders, sent, workers, sum(received.values())))
    if reminders == 0 or sent == 0:
        problems.append("no reminder work was done, so this proves nothing")
    if problems:
        print("\n".join(problems))
        print("two-instance test FAILED (work dir %s)" % work)
        sys.exit(1)
    print("two-instance test passed")


if __name__ == "__main__":
    main()
