#!/usr/bin/env python3
"""Crash test: SIGKILL the server again and again while it records payments, runs reminders and
delivers mail, and kill `cartera import-statement` mid-file; then check that nothing was lost or
done twice.

The server runs with its scheduler every 5 s (reminders + outbox) and sends mail to a real SMTP
server (Tests/e2e/smtp_sink.py) that records every message it receives. Clients behave as real
ones do: a payment whose answer never came is sent again with the same Idempotency-Key.

Checks afterwards, straight in the SQLite file:
  * every payment sent is recorded exactly once (its Idempotency-Key and reference);
  * every invoice's stored balance equals its total minus its allocations, every payment's
    allocated amount equals its allocations, and nothing is over-allocated;
  * every bank statement line is stored once and posted as at most one payment;
  * at most one reminder per (invoice, step), one outbox message per dedupe key, and the SMTP
    server received each Message-ID at most once.

Usage: kill_test.py --bin .build/debug/cartera [--rounds 6] [--payments 120] [--seed 7]
Prints "kill test passed" and exits 0, or lists what is wrong and exits 1.
"""
import argparse
import datetime
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, binary, env, port, log):
        self.binary, self.env, self.port, self.log = binary, env, port, log
        self.process = None

    def start(self):
        self.process = subprocess.Popen([self.binary, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                        env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen("http://127.0.0.1:%d/health" % self.port, timeout=1)
                return
            except OSError:
                if self.process.poll() is not None:
                    raise SystemExit("server exited at start; see its log")
                time.sleep(0.2)
        raise SystemExit("server did not answer /health within 60 s")

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


class API:
    def __init__(self, port, key):
        self.base, self.key = "http://127.0.0.1:%d/api/v1" % port, key

    def call(self, method, path, body=None, headers=None, timeout=10):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + self.key)
        request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                return reply.status, json.loads(reply.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")


def open_all_hours(api):
    """Whenever the test runs, a day and hour at which customers may be written to: the contact rules
    (ContactRules) allow Mexico's 7:00-22:00 every day, and the organisation's zone is the fixed offset
    where it is now about midday, with every weekday a working day and no holidays of its own."""
    utc_hour = datetime.datetime.now(datetime.timezone.utc).hour
    offset = 13 - utc_hour  # local hour about 13:00 on the same date as UTC (offsets -10..+13 exist)
    # Etc/GMT zones are named with the sign reversed: Etc/GMT-5 is UTC+5.
    zone = "Etc/GMT" if offset == 0 else "Etc/GMT%+d" % -offset
    status, body = api.call("PATCH", "/organisation", {"locale": "es-MX", "time_zone": zone,
                                                       "working_weekdays": [1, 2, 3, 4, 5, 6, 7], "holidays": []})
    assert status == 200, body


def seed_ledger(api, rng, today):
    """Customers with an email contact and overdue invoices, so reminders are due today."""
    open_all_hours(api)
    invoices = []
    for c in range(12):
        status, customer = api.call("POST", "/customers", {"legal_name": "Cliente Caída %02d S.A.S." % c, "payment_terms": "net30"})
        assert status == 201, customer
        api.call("POST", "/customers/%s/contacts" % customer["id"],
                 {"name": "Tesorería %d" % c, "role": "billing", "email": "tesoreria%d@cliente.example" % c})
        for i in range(6):
            days_ago = rng.choice([31, 40, 50, 60, 75, 90])
            issued = (today - datetime.timedelta(days=days_ago + 30)).isoformat()
            number = "FK-%02d-%02d" % (c, i)
            total = "%d.00" % rng.randrange(50_000, 900_000, 1_000)
            status, invoice = api.call("POST", "/invoices", {"customer_id": customer["id"], "number": number, "issue_date": issued, "total": total})
            assert status == 201, invoice
            invoices.append((customer["id"], number, total))
    return invoices


def statement_csv(path, invoices, rng, today):
    lines = ["date,amount,reference,payer_name"]
    for n, (_, number, total) in enumerate(rng.sample(invoices, 24)):
        lines.append("%s,%s,Pago factura %s transf %04d,Cliente" % (today.isoformat(), total, number, n))
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")


def check(db_path, payments_sent, mail_dir):
    problems = []
    db = sqlite3.connect(db_path)
    one = lambda sql, *args: db.execute(sql, args).fetchall()
    for key, reference in payments_sent:
        count = one("SELECT COUNT(*) FROM payments WHERE reference = ?", reference)[0][0]
        if count != 1:
            problems.append("payment %s recorded %d times" % (reference, count))
    for number, total, settled, balance, allocated in one("""
            SELECT i.number, i.total_minor, i.settled_minor, i.balance_minor, COALESCE(SUM(a.amount_minor), 0)
            FROM invoices i LEFT JOIN allocations a ON a.invoice_id = i.id GROUP BY i.id"""):
        if settled != allocated or balance != total - allocated or balance < 0:
            problems.append("invoice %s: total %d settled %d balance %d but allocations %d" % (number, total, settled, balance, allocated))
    for reference, amount, stored, allocated in one("""
            SELECT p.reference, p.amount_minor, p.allocated_minor, COALESCE(SUM(a.amount_minor), 0)
            FROM payments p LEFT JOIN allocations a ON a.payment_id = p.id GROUP BY p.id"""):
        if stored != allocated or allocated > amount:
            problems.append("payment %s: amount %d allocated %d but allocations %d" % (reference, amount, stored, allocated))
    for (duplicates,) in one("SELECT COUNT(*) - COUNT(DISTINCT identity_hash) FROM bank_transactions"):
        if duplicates:
            problems.append("%d statement lines stored twice" % duplicates)
    for (duplicates,) in one("SELECT COUNT(payment_id) - COUNT(DISTINCT payment_id) FROM bank_transactions"):
        if duplicates:
            problems.append("%d payments posted twice from one statement line" % duplicates)
    for invoice, step, count in one("SELECT invoice_id, step_key, COUNT(*) FROM reminder_deliveries GROUP BY invoice_id, step_key HAVING COUNT(*) > 1"):
        problems.append("invoice %s had step %s %d times" % (invoice, step, count))
    for key, count in one("SELECT dedupe_key, COUNT(*) FROM outbox_messages GROUP BY dedupe_key HAVING COUNT(*) > 1"):
        problems.append("message %s queued %d times" % (key, count))
    received = {}
    for name in os.listdir(mail_dir):
        if name.endswith(".json"):
            with open(os.path.join(mail_dir, name)) as source:
                message_id = json.load(source)["message_id"]
            received[message_id] = received.get(message_id, 0) + 1
    problems += ["%s received %d times" % (m, n) for m, n in received.items() if n > 1]
    stats = {
        "payments": one("SELECT COUNT(*) FROM payments")[0][0],
        "statement_lines": one("SELECT COUNT(*) FROM bank_transactions")[0][0],
        "reminders": one("SELECT COUNT(*) FROM reminder_deliveries")[0][0],
        "messages_queued": one("SELECT COUNT(*) FROM outbox_messages")[0][0],
        "messages_sent": one("SELECT COUNT(*) FROM outbox_messages WHERE status = 'sent'")[0][0],
        "interrupted_not_resent": one("SELECT COUNT(*) FROM outbox_messages WHERE status = 'failed' AND last_error LIKE 'interrupted%'")[0][0],
        "mail_received": sum(received.values()),
    }
    return problems, stats


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(REPO, ".build/debug/cartera"))
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--payments", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="cartera-kill-")
    db_path, mail_dir = os.path.join(work, "cartera.sqlite"), os.path.join(work, "mail")
    log = open(os.path.join(work, "server.log"), "ab")

    sink = subprocess.Popen([sys.executable, os.path.join(REPO, "Tests/e2e/smtp_sink.py"), "--dir", mail_dir],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    smtp_port = int(sink.stdout.readline().split()[1])
    env = dict(os.environ, CARTERA_SQLITE_PATH=db_path, CARTERA_SCHEDULER="true", CARTERA_SCHEDULER_INTERVAL="5",
               CARTERA_REMINDER_HOUR="0", CARTERA_SMTP_HOST="127.0.0.1", CARTERA_SMTP_PORT=str(smtp_port),
               CARTERA_SMTP_SECURITY="none", LOG_LEVEL="warning")
    env.pop("DATABASE_URL", None)
    key = subprocess.run([args.bin, "create-api-key", "--name", "kill-test"], env=env, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    server = Server(args.bin, env, free_port(), log)
    api = API(server.port, key)
    today = datetime.date.today()
    server.start()
    invoices = seed_ledger(api, rng, today)
    statement = os.path.join(work, "statement.csv")
    statement_csv(statement, invoices, rng, today)

    customers = sorted({c for c, _, _ in invoices})
    payments = [("kill-%04d" % n, "KILL-%04d" % n, rng.choice(customers), "%d.00" % rng.randrange(10_000, 300_000, 1_000))
                for n in range(args.payments)]
    pending = list(payments)
    imported = False
    kills = 0
    for round_number in range(args.rounds):
        if server.process.poll() is not None:
            server.start()
        deadline = time.time() + rng.uniform(1.0, 6.0)
        importer = None
        if not imported:
            importer = subprocess.Popen([args.bin, "import-statement", statement, "--format", "csv"], env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        while pending and time.time() < deadline:
            key_, reference, customer, amount = pending[0]
            try:
                status, body = api.call("POST", "/payments", {"customer_id": customer, "amount": amount, "reference": reference},
                                        headers={"Idempotency-Key": key_}, timeout=5)
            except OSError:
                break  # the answer never came: send it again after the restart, same key
            if status != 201:
                raise SystemExit("payment %s refused: %s %s" % (reference, status, body))
            pending.pop(0)
        server.kill()
        kills += 1
        if importer:
            if importer.poll() is None:
                importer.send_signal(signal.SIGKILL)
                importer.wait()
                kills += 1
            else:
                imported = importer.returncode == 0
        print("round %d: killed; %d payment(s) still to send, statement imported: %s" % (round_number + 1, len(pending), imported), flush=True)

    # Recovery: the server comes back, the clients finish, the import is run to the end.
    server.start()
    for key_, reference, customer, amount in pending:
        status, body = api.call("POST", "/payments", {"customer_id": customer, "amount": amount, "reference": reference},
                                headers={"Idempotency-Key": key_})
        assert status == 201, body
    for _ in range(2):  # the second import must find every line already there
        result = subprocess.run([args.bin, "import-statement", statement, "--format", "csv"], env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    time.sleep(12)  # two scheduler ticks: what the kills interrupted is picked up again
    server.stop()
    sink.stdin.close()
    sink.wait(timeout=10)

    problems, stats = check(db_path, [(k, r) for k, r, _, _ in payments], mail_dir)
    print("kills: %d; %s" % (kills, json.dumps(stats)))
    print("last import: " + result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "")
    if stats["reminders"] == 0 or stats["mail_received"] == 0:
        problems.append("the run did no reminder work, so it proves nothing")
    if problems:
        print("\n".join(problems))
        print("kill test FAILED (work dir %s)" % work)
        sys.exit(1)
    print("kill test passed")


if __name__ == "__main__":
    main()
