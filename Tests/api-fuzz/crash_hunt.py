#!/usr/bin/env python3
"""Crash hunt: boundary values into every API operation and every web form, as viewer, collector
and admin, against one `cartera serve` that this script starts (and restarts when it dies).

Run it through run_crash_hunt.sh, which prepares a fresh SQLite file with the demo company and the
three API keys. Only ever talks to 127.0.0.1.

  1. every operation of the served OpenAPI document: each path parameter, query parameter and body
     field in turn gets boundary values (Int64 max/min, +-10^20 amounts, 9999-12-31, 0000-01-01,
     empty, 1 MB, CR/LF, NUL, bidi marks, U+2028, wrong types, 10,000-deep JSON), the rest of the
     request stays valid and points at real ids so the request reaches the handler;
  2. every web form reachable from the dashboard (bounded crawl) and the customer portal's forms,
     each field in turn, through a signed-in session with its CSRF token;
  3. the organisation-wide pages and API reads, after whatever the fuzzing managed to store.

After every batch (an operation or a form, for one role) the server's pid must be unchanged and
/health must answer 200 within 5 s. Every 5xx and every death is written to the report
($CRASH_HUNT_REPORT, default artifacts/crash-hunt.txt) and, when $CRASH_HUNT_FINDINGS is set, one
line per finding is appended to that file as it is found. The last lines printed are

  crash hunt: requests sent N
  crash hunt: 5xx M
  crash hunt: restarts R
  P passed, F failed            (one test per batch: passed = no 5xx and no restart)

and the exit status is non-zero when any 5xx or restart happened.
"""
import argparse
import copy
import datetime
import html.parser
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import uuid

HOST = "127.0.0.1"
INT64_MAX = 9223372036854775807
INT64_MIN = -9223372036854775808
MEGABYTE = "x" * (1 << 20)
DEEP_JSON = "[" * 10000 + "]" * 10000
UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


class Raw:
    """A JSON fragment spliced into the body as is (the 10,000-deep array)."""
    def __init__(self, text):
        self.text = text


# ---------------------------------------------------------------------------------------------
# The boundary values. Each is (label, value); the label goes into the report.

AMOUNTS = [("amount_1e20", "100000000000000000000"), ("amount_-1e20", "-100000000000000000000"),
           ("amount_int64_max", "9223372036854775807"), ("amount_int64_min", "-9223372036854775808"),
           ("amount_99999999999999999.99", "99999999999999999.99"), ("amount_9e16", "90000000000000000.00"),
           ("amount_5e16", "50000000000000000.00"), ("amount_-0.01", "-0.01"), ("amount_0.001", "0.001"),
           ("amount_1e30_exp", "1e30")]
DATES = [("date_9999-12-31", "9999-12-31"), ("date_0000-01-01", "0000-01-01"), ("date_2199-12-31", "2199-12-31"),
         ("date_1899-12-31", "1899-12-31"), ("date_9999-12-15", "9999-12-15"), ("date_2026-02-30", "2026-02-30"),
         ("date_+99999", "99999-01-01")]
TEXTS = [("empty", ""), ("crlf_bcc", "a\r\nBcc: x@evil.example"), ("nul", "nul\x00byte"), ("bidi_u202e", "\u202eevil\u202c"),
         ("u2028", "line\u2028sep"), ("lone_surrogate", "\ud800"), ("template_and_quotes", "'\"<b>{{organisation_name}}{{#invoices}}%s")]
STRING_NUMBERS = [("str_int64_max", "9223372036854775807"), ("str_int64_min", "-9223372036854775808"), ("str_abc", "abc")]
WRONG_TYPES = [("json_true", True), ("json_null", None), ("json_array", []), ("json_object", {}),
               ("json_int64_max", INT64_MAX), ("json_int64_min", INT64_MIN)]
INTS = [("int64_max", INT64_MAX), ("int64_min", INT64_MIN), ("int64_max+1", INT64_MAX + 1), ("zero", 0), ("minus_one", -1),
        ("float_1e308", 1e308), ("float_0.5", 0.5)]
BIG = ("string_1mb", MEGABYTE)
DEEP = ("deep_json_10000", Raw(DEEP_JSON))

STRING_VALUES = AMOUNTS + DATES + TEXTS + STRING_NUMBERS + WRONG_TYPES
INTEGER_VALUES = INTS + [("str_int64_max", "9223372036854775807"), ("str_abc", "abc"), ("empty", ""), ("json_true", True), ("json_null", None)]
BOOLEAN_VALUES = [("str_true", "true"), ("int_1", 1), ("json_null", None), ("json_int64_max", INT64_MAX), ("crlf_bcc", "a\r\nBcc: x@evil.example")]
CONTAINER_VALUES = [("json_string", "x"), ("json_int64_max", INT64_MAX), ("json_null", None), ("json_true", True), ("empty_array", []),
                    ("empty_object", {}), ("array_of_null", [None]), ("array_10000_items", ["x"] * 10000), DEEP]

# Query strings, form fields and CSV cells are text: every value as the string a client would send.
TEXT_VALUES = ([("int64_max", str(INT64_MAX)), ("int64_min", str(INT64_MIN)), ("int64_max+1", str(INT64_MAX + 1)),
                ("zero", "0"), ("minus_one", "-1"), ("float_1e308", "1e308")]
               + AMOUNTS + DATES + [t for t in TEXTS if t[0] != "lone_surrogate"] + [("str_abc", "abc"), ("str_true", "true")])

# Every field gets the text, wrong-type and the most extreme number and date values; the whole range
# of amounts goes into fields that hold amounts or numbers, the whole range of dates into date fields
# (by the schema's format or pattern, the input's type, or the field's name).
DATE_NAME = re.compile(r"(date|_on$|On$|^from$|^to$|as_of|holidays|_at$)", re.I)
NUMBER_NAME = re.compile(r"(amount|total|price|rate|limit|fee|balance|quantity|percent|discount|instalments|days|page|within|offset|credit)", re.I)
TEXT_INTS = TEXT_VALUES[:6]
TEXT_PLAIN = [t for t in TEXTS if t[0] != "lone_surrogate"] + [("str_abc", "abc")]
PICK = {label: (label, value) for label, value in AMOUNTS + DATES + STRING_NUMBERS + TEXT_VALUES}
PICK["empty"] = ("empty", "")


def field_kind(name, schema=None, input_type=None):
    schema = schema or {}
    if schema.get("format") == "date" or input_type == "date" or DATE_NAME.search(name or ""):
        return "date"
    if "0-9" in schema.get("pattern", "") or input_type == "number" or NUMBER_NAME.search(name or ""):
        return "number"
    return "text"


def text_values(kind):
    """Values for a query parameter, a form field or a file cell: text, as a client sends it."""
    if kind == "date":
        return DATES + TEXT_PLAIN + [PICK["int64_max"], PICK["amount_1e20"]]
    if kind == "number":
        return TEXT_INTS + AMOUNTS + TEXT_PLAIN + [PICK["date_9999-12-31"]]
    return TEXT_PLAIN + [PICK["int64_max"], PICK["int64_min"], PICK["amount_1e20"], PICK["amount_-1e20"], PICK["date_9999-12-31"], PICK["date_0000-01-01"]]


# Operations that store amounts, dates or settings the organisation-wide reads add up: the sentinels
# read those after each of them.
STORES = re.compile(r"^/(invoices|payments|credit-notes|imports|bank-statements|bank-transactions|organisation|policies|customers|disputes)(/\{[a-z_]+\})?"
                    r"(/(payment-plans|promises|calls|disputes|allocations|write-off|void|issue|reverse|match|resolve))?$")

# Operations that use up what they act on: after a success (or a conflict) the next request goes to
# another customer or object.
ROTATING = re.compile(r"/(payment-plans|promises|escalation|credit-hold|disputes|write-off|void|issue|reverse|resolve|cancel|release|recall|"
                      r"match|ignore|waive|allocations|portal-links)$")

PATH_VALUES = [("bogus_uuid", None), ("nil_uuid", "00000000-0000-0000-0000-000000000000"), ("not_a_uuid", "not-a-uuid"),
               ("int64_max", str(INT64_MAX)), ("int64_min", str(INT64_MIN)), ("nul", "%00"), ("crlf", "a%0D%0ABcc:%20x"),
               ("bidi_u202e", "%E2%80%AE"), ("dotdot", "..%2F.."), ("date_9999-12-31", "9999-12-31")]


# The collector and the viewer reach the same handlers as the admin (with their own scope and
# refusals): they get these values, the admin gets every value. Keeps the run within its time.
CORE = {"int64_max", "int64_min", "int64_max+1", "float_1e308", "amount_1e20", "amount_-1e20", "amount_int64_max",
        "amount_99999999999999999.99", "amount_9e16", "date_9999-12-31", "date_0000-01-01", "date_1899-12-31", "date_9999-12-15",
        "empty", "crlf_bcc", "nul", "bidi_u202e", "u2028", "json_null", "json_int64_max", "json_array", "str_abc", "str_int64_max",
        "deep_json_10000", "string_1mb", "string_8k", "array_10000_items", "bogus_uuid", "not_a_uuid"}


def for_role(values, role):
    """The values for this role, each distinct value once (several labels can name one string)."""
    seen, out = set(), []
    for label, value in values:
        key = (type(value).__name__, value.text if isinstance(value, Raw) else repr(value))
        if key in seen or (role != "admin" and label not in CORE):
            continue
        seen.add(key)
        out.append((label, value))
    return out


def summary(value, limit=70):
    if isinstance(value, Raw):
        return "<%d-byte JSON: %s…>" % (len(value.text), value.text[:10])
    if isinstance(value, (bytes, bytearray)):
        value = value.decode("utf-8", "replace")
    text = value if isinstance(value, str) else json.dumps(value)[:200]
    if len(text) > limit:
        return "%r… (%d chars)" % (text[:limit // 2], len(text))
    return repr(text)


def json_bytes(body):
    """JSON with Raw fragments spliced in; lone surrogates go out as they are (invalid UTF-8)."""
    raws = {}

    def walk(value):
        if isinstance(value, Raw):
            key = "@@RAW%d@@" % len(raws)
            raws[key] = value.text
            return key
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    text = json.dumps(walk(body), ensure_ascii=False)
    for key, raw in raws.items():
        text = text.replace('"%s"' % key, raw)
    return text.encode("utf-8", "surrogatepass")


def quote(value):
    return urllib.parse.quote(value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value, safe="")


# ---------------------------------------------------------------------------------------------
# The server: started here, watched after every batch, restarted when it dies.

class Server:
    def __init__(self, binary, port, workdir, log_path):
        self.binary, self.port, self.workdir, self.log_path = binary, port, workdir, log_path
        self.process = None
        self.pid = None
        self.restarts = 0
        self.backtraces = int(os.environ.get("CRASH_HUNT_BACKTRACES", "10"))

    def start(self):
        env = dict(os.environ)
        env.setdefault("CARTERA_SCHEDULER", "false")
        # A crash prints the crashing thread only, without waiting for a debugger; symbolicating the
        # debug binary takes 4-7 s, so after the first crashes the runtime's backtracer is switched off
        # (the killing request is still recorded, and "Fatal error" messages still print).
        if "SWIFT_BACKTRACE" not in os.environ:
            env["SWIFT_BACKTRACE"] = ("enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,limit=24"
                                      if self.restarts < self.backtraces else "enable=no")
        log = open(self.log_path, "ab")
        log.write(b"\n==== crash hunt: server start %s\n" % datetime.datetime.now().isoformat().encode())
        log.flush()
        self.process = subprocess.Popen([self.binary, "serve", "--hostname", HOST, "--port", str(self.port)], cwd=self.workdir,
                                        env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        self.pid = self.process.pid
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("the server exited at start (status %s); log: %s\n%s" % (self.process.returncode, self.log_path, self.tail(30)))
            if self.health(timeout=2):
                return
            time.sleep(0.3)
        raise SystemExit("the server did not answer /health within 90 s; log: %s\n%s" % (self.log_path, self.tail(30)))

    def health(self, timeout=5.0):
        try:
            connection = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
            connection.request("GET", "/health")
            status = connection.getresponse().status
            connection.close()
            return status == 200
        except (OSError, http.client.HTTPException):
            return False

    def process_alive(self):
        if self.process is None or self.process.poll() is not None or self.process.pid != self.pid:
            return False
        try:
            os.kill(self.pid, 0)
            return True
        except OSError:
            return False

    def healthy(self):
        """The pid we started is alive and /health answers 200 within 5 s."""
        return self.process_alive() and self.health(timeout=5.0)

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def verdict(self, limit=10.0):
        """After a broken connection: "dead" (the process ended), "alive" (/health answers) or "hung"."""
        deadline = time.time() + limit
        while time.time() < deadline:
            if not self.process_alive():
                return "dead"
            if self.health(timeout=0.5):
                return "alive"
            time.sleep(0.05)
        return "hung"

    def stop(self, grace=5.0):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None

    def bury_and_restart(self):
        """The server is dead or hung: let a crashing process finish its backtrace, then restart.
        Returns ("crash", exit status) when it ended by itself, ("hang", None) when it had to be killed."""
        kind, status = "crash", None
        if self.process is not None and self.process.poll() is None:
            try:
                self.process.wait(10)  # a fatal error prints its backtrace before the process ends
            except subprocess.TimeoutExpired:
                kind = "hang"
                self.process.kill()
                self.process.wait(10)
        if self.process is not None and kind == "crash":
            code = self.process.returncode
            status = ("signal %s" % signal.Signals(-code).name) if code is not None and code < 0 else "exit status %s" % code
        self.process = None
        self.restarts += 1
        self.start()
        return kind, status

    def log_size(self):
        try:
            return os.path.getsize(self.log_path)
        except OSError:
            return 0

    def log_since(self, offset, max_lines=14):
        try:
            with open(self.log_path, "rb") as f:
                f.seek(offset)
                data = f.read(400_000)
        except OSError:
            return ""
        lines = [line for line in data.decode("utf-8", "replace").splitlines()
                 if line.strip() and not line.startswith("==== crash hunt") and "Server started on" not in line]
        failure = [line for line in lines if re.search(r"runtime failure|Fatal error|Signal \d+|Program crashed|\[ (ERROR|CRITICAL|WARNING) \]|crashed:", line)]
        frames = [line for line in lines if re.search(r"/Sources/Cartera[A-Za-z]*/.*\.swift:\d+", line)]
        chosen = (failure[:6] + frames[:6]) or lines[:max_lines]
        chosen = [re.sub(r"/\S*/(Sources|\.build/checkouts)/", r"\1/", re.sub(r"\s+0x[0-9a-f]{8,}\s+", " ", line.strip())) for line in chosen]
        return "\n".join(line[:400] for line in chosen)

    def tail(self, n=20):
        try:
            with open(self.log_path, "rb") as f:
                f.seek(max(0, self.log_size() - 20000))
                return "\n".join(f.read().decode("utf-8", "replace").splitlines()[-n:])
        except OSError:
            return ""


# ---------------------------------------------------------------------------------------------
# HTTP: one keep-alive connection per client, a cookie jar for pages, no redirects followed.

class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None


def answer_text(response, limit=220):
    """The gist of an answer: the JSON error, or the text of an HTML page's main part."""
    text = response.text()
    if text.lstrip().startswith("<"):
        main = re.search(r"<main[^>]*>(.*?)</main>", text, re.S)
        text = re.sub(r"<[^>]+>", " ", main.group(1) if main else text)
        text = __import__("html").unescape(text)
    return re.sub(r"\s+", " ", text).strip()[:limit]


class ConnectionLost(Exception):
    pass


class Client:
    def __init__(self, hunt, role, api_key=None):
        self.hunt, self.role, self.api_key = hunt, role, api_key
        self.cookies = {}
        self.connection = None

    def _connection(self):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(HOST, self.hunt.server.port, timeout=self.hunt.request_timeout)
        return self.connection

    def reset(self):
        if self.connection is not None:
            self.connection.close()
        self.connection = None

    def send(self, method, target, body=None, content_type=None, headers=None):
        all_headers = {"Accept": "application/json" if target.startswith("/api/") else "text/html", "Accept-Language": "es"}
        if self.api_key and target.startswith("/api/"):
            all_headers["Authorization"] = "Bearer " + self.api_key
        if self.cookies and not target.startswith("/api/"):
            all_headers["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        if content_type:
            all_headers["Content-Type"] = content_type
        if headers:
            all_headers.update(headers)
        if body is not None and not isinstance(body, (bytes, bytearray)):
            body = body.encode("utf-8", "surrogatepass")
        self.hunt.requests_sent += 1
        for attempt in (0, 1):
            try:
                connection = self._connection()
                connection.request(method, target, body=body, headers=all_headers)
                reply = connection.getresponse()
                data = reply.read()
                response = Response(reply.status, reply.getheaders(), data)
                if reply.getheader("Connection", "").lower() == "close":
                    self.reset()
                for key, value in response.headers:
                    if key.lower() == "set-cookie":
                        name, _, rest = value.partition("=")
                        cookie_value = rest.split(";", 1)[0]
                        if "expires=thu, 01 jan 1970" in value.lower() or "max-age=0" in value.lower():
                            self.cookies.pop(name.strip(), None)
                        else:
                            self.cookies[name.strip()] = cookie_value
                return response
            except socket_timeout():
                self.reset()
                raise TimeoutError("no answer within %.0f s" % self.hunt.request_timeout)
            except (OSError, http.client.HTTPException) as error:
                self.reset()
                # A stale keep-alive connection: try once more on a new one, unless the server is gone
                # (a crashing process still holds its socket while it prints the backtrace).
                if attempt == 0 and self.hunt.server.verdict() == "alive":
                    continue
                raise ConnectionLost("%s: %s" % (type(error).__name__, error))


def socket_timeout():
    import socket
    return socket.timeout


# ---------------------------------------------------------------------------------------------
# HTML: links and forms.

class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.forms = [], []
        self.form = None
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict((k, v if v is not None else "") for k, v in attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self.form = {"action": a.get("action", ""), "method": (a.get("method") or "get").lower(),
                         "enctype": a.get("enctype", "application/x-www-form-urlencoded"), "fields": [], "button": None, "id": a.get("id", "")}
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("submit", "image", "button", "reset"):
                if kind == "submit" and a.get("name") and self.form["button"] is None:
                    self.form["button"] = (a["name"], a.get("value", ""))
                return
            if not a.get("name"):
                return
            self.form["fields"].append({"name": a["name"], "type": kind, "value": a.get("value", ""), "checked": "checked" in a,
                                        "required": "required" in a, "min": a.get("min"), "max": a.get("max"), "options": []})
        elif tag == "button":
            if a.get("name") and a.get("type", "submit") == "submit" and self.form["button"] is None:
                self.form["button"] = (a["name"], a.get("value", ""))
        elif tag == "select" and a.get("name"):
            self.select = {"name": a["name"], "type": "select", "value": None, "checked": False, "required": "required" in a,
                           "min": None, "max": None, "options": [], "multiple": "multiple" in a}
            self.form["fields"].append(self.select)
        elif tag == "option" and self.select is not None:
            value = a.get("value")
            self.select["options"].append(value)
            if "selected" in a or self.select["value"] is None:
                self.select["value"] = value
            self._option = len(self.select["options"]) - 1
        elif tag == "textarea" and a.get("name"):
            self.textarea = {"name": a["name"], "type": "textarea", "value": "", "checked": False, "required": "required" in a,
                             "min": None, "max": None, "options": []}
            self.form["fields"].append(self.textarea)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea["value"] += data
        elif self.select is not None and self.select["options"] and self.select["options"][-1] is None:
            self.select["options"][-1] = data.strip()
            if self.select["value"] is None:
                self.select["value"] = data.strip()

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            if self.select is not None and self.select["value"] is None and self.select["options"]:
                self.select["value"] = self.select["options"][0]
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def parse_page(text):
    parser = PageParser()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # a broken page still yields what was parsed
        pass
    return parser


def display(target, limit=40):
    """A request target for people: ids as {id}, long query values cut."""
    parsed = urllib.parse.urlsplit(target)
    query = "&".join("%s=%s" % (k, (v if len(v) <= limit else v[:limit] + "…(%d chars)" % len(v)).replace("\r", "\\r").replace("\n", "\\n"))
                     for k, v in urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
    return UUID_RE.sub("{id}", parsed.path if len(parsed.path) < 200 else parsed.path[:200] + "…") + ("?" + query if query else "")


def shape(path):
    """/customers/3f…/contacts → /customers/{id}/contacts, so one form or page type is fuzzed once."""
    parsed = urllib.parse.urlsplit(path)
    return UUID_RE.sub("{id}", parsed.path) + ("?" + "&".join(sorted(urllib.parse.parse_qs(parsed.query))) if parsed.query else "")


# ---------------------------------------------------------------------------------------------

class Hunt:
    def __init__(self, args):
        self.args = args
        self.server = Server(args.bin, args.port, args.workdir, args.server_log)
        self.request_timeout = args.request_timeout
        self.started = time.time()
        self.deadline = self.started + args.budget
        self.requests_sent = 0
        self.server_errors = 0
        self.passed = 0
        self.failed = 0
        self.skipped = []
        self.failures = []
        self.slow = []
        self.killers = set()
        # Query parameters of the pages, from the links the crawl saw; the list pages page.
        self.page_params = {path: {"page": "2"} for path in ("/customers", "/audit", "/worklist", "/reconciliation", "/import")}
        self.sentinel_broken = set()
        self.api_left = []
        self.read_baseline = {}
        self.crawled = set()
        self.sites_written = set()
        self.current_op = None
        self.batch_stats = []
        self.findings_seen = set()
        self.keys = {"viewer": args.viewer_key, "collector": args.collector_key, "admin": args.admin_key}
        self.api = {role: Client(self, role, key) for role, key in self.keys.items()}
        self.web = {}
        self.counter = 0
        self.run_tag = "%x" % (int(time.time()) % 0xFFFFF)
        self.today = datetime.date.today()
        self.ids = {}
        self.batch = None

    # -- bookkeeping ------------------------------------------------------------------------------

    def unique(self, prefix="CH"):
        self.counter += 1
        return "%s-%s-%05d" % (prefix, self.run_tag, self.counter)

    def day(self, offset):
        return (self.today + datetime.timedelta(days=offset)).isoformat()

    def finding(self, kind, method, path, role, field, label, value, status, detail, log):
        record = {"kind": kind, "method": method, "path": path, "role": role, "field": field, "label": label,
                  "value": summary(value), "status": status, "detail": detail, "log": log, "batch": self.batch["name"] if self.batch else ""}
        self.failures.append(record)
        if self.batch is not None:
            self.batch["failed"] = True
        findings = self.args.findings
        key = (kind, method, shape(path), field, summary(value, 200), status)
        if not findings or key in self.findings_seen:
            return
        self.findings_seen.add(key)
        site = next((m.group(0) for m in re.finditer(r"Sources/Cartera\w*/\S+\.swift:\d+", log or "")), None)
        with open(findings, "a", encoding="utf-8") as f:
            what = {"crash": "server DIED", "5xx": "answered %s" % status, "hang": "server HUNG (no /health within 10 s, killed)",
                    "timeout": "request TIMED OUT",
                    "refused": "ordinary read refused with %s after the fuzzing stored its values" % status}[kind]
            given = "field `%s` = %s %s" % (field, label, summary(value, 50)) if value is not None or field.startswith(("body", "query", "path")) else field
            where = " [batch: %s]" % record["batch"] if record["batch"] and not record["batch"].startswith(("API %s %s " % (method, path), "form ")) else ""
            f.write("- `%s %s` as %s, %s → %s%s%s\n" % (method, display(path), role, given, what, (": " + detail[:220].replace("\n", " ")) if detail else "", where))
            if site and site in self.sites_written:
                f.write("  (same crash site as above: %s)\n" % site)
            elif log:
                self.sites_written.add(site)
                f.write("  ```\n" + "\n".join("  " + line[:300] for line in log.splitlines()[:10]) + "\n  ```\n")

    def note_slow(self, method, target, role, field, label, value, what):
        """Not a failure (a debug build on a busy machine is slow), but worth a look: in the findings file."""
        if self.args.findings:
            with open(self.args.findings, "a", encoding="utf-8") as f:
                f.write("- (slow, not counted) `%s %s` as %s, field `%s` = %s %s → %s [batch: %s]\n"
                        % (method, display(target), role, field, label, summary(value, 50), what, self.batch["name"] if self.batch else "-"))

    def begin(self, name, max_crashes=2):
        self.current_op = name
        self.batch = {"name": name, "failed": False, "restarts_before": self.server.restarts, "started": time.time(), "requests": self.requests_sent, "max_crashes": max_crashes,
                      "statuses": {}}

    def end(self):
        batch, self.batch = self.batch, None
        notes = ""
        if batch.get("known_killers"):
            notes += ", %d known killers not resent" % batch["known_killers"]
        if batch.get("stopped"):
            notes += ", stopped after %d crashes" % batch["max_crashes"]
        self.batch_stats.append((time.time() - batch["started"], self.requests_sent - batch["requests"], batch["name"],
                                 " ".join("%s×%d" % kv for kv in sorted(batch["statuses"].items())) + notes))
        if not self.server.healthy():
            offset = max(0, self.server.log_size() - 6000)
            pid = self.server.pid
            self.batch = batch
            kind, status = self.server.bury_and_restart()
            self.finding(kind, "-", "(after the batch)", "-", "-", "-", "", None,
                         "pid %s: %s after the batch %s" % (pid, status or "alive but no /health within 5 s", batch["name"]),
                         self.server.log_since(offset))
            self.batch = None
            for c in list(self.api.values()) + list(self.web.values()):
                c.reset()
            self.relogin_all()
        if batch["failed"] or self.server.restarts != batch["restarts_before"]:
            self.failed += 1
        else:
            self.passed += 1

    # -- one request ------------------------------------------------------------------------------

    def call(self, client, method, target, body=None, content_type=None, field="-", label="base", value=None, headers=None, always=False):
        """Sends one request; counts and records a 5xx, a death or a hang. Returns the response or None."""
        killer = (self.current_op, shape(target), field, summary(value, 200))
        if always:
            pass
        elif self.batch is not None and killer in self.killers:
            # This request killed the server for another role already: not sent again, still a failure.
            self.batch["failed"] = True
            self.batch["known_killers"] = self.batch.get("known_killers", 0) + 1
            return None
        elif self.batch is not None and self.batch.get("crashes", 0) >= self.batch["max_crashes"]:
            self.batch["stopped"] = True
            return None
        offset = self.server.log_size()
        started = time.time()
        try:
            response = client.send(method, target, body=body, content_type=content_type, headers=headers)
        except (ConnectionLost, TimeoutError) as error:
            died = self.server.verdict() != "alive"
            if not died and isinstance(error, TimeoutError):
                # /health still answers, but this request keeps a core busy: one input takes the server
                # down as surely as a crash. A failure; the server is restarted to stop the runaway work.
                self.server.kill()
                kind, status = self.server.bury_and_restart()
                self.killers.add(killer)
                if self.batch is not None:
                    self.batch["crashes"] = self.batch.get("crashes", 0) + 1
                self.finding("timeout", method, target if len(target) <= 300 else target[:300] + "…", client.role, field, label, value, None,
                             "no answer within %.0f s while /health still answered; server killed and restarted" % self.request_timeout,
                             self.server.log_since(offset))
                for c in list(self.api.values()) + list(self.web.values()):
                    c.reset()
                self.relogin_all()
                return None
            if not died:  # the connection broke but the server still answers: note it, go on
                self.slow.append("%s %s as %s, %s=%s: connection lost (%s)" % (method, target[:120], client.role, field, label, error))
                return None
            kind, status = self.server.bury_and_restart()
            self.killers.add(killer)
            if self.batch is not None:
                self.batch["crashes"] = self.batch.get("crashes", 0) + 1
            self.finding(kind, method, target if len(target) <= 300 else target[:300] + "…", client.role, field, label, value,
                         None, "%s (%s)" % (status or "killed after 10 s without /health", error), self.server.log_since(offset))
            for c in list(self.api.values()) + list(self.web.values()):
                c.reset()
            self.relogin_all()
            return None
        elapsed = time.time() - started
        if self.batch is not None:
            self.batch["statuses"][response.status] = self.batch["statuses"].get(response.status, 0) + 1
        if elapsed > 10:
            self.slow.append("%s %s as %s, %s=%s: %.1f s" % (method, shape(target)[:120], client.role, field, label, elapsed))
            self.note_slow(method, target, client.role, field, label, value, "answered %s after %.1f s" % (response.status, elapsed))
        if response.status >= 500:
            self.server_errors += 1
            detail = answer_text(response, 300)
            self.finding("5xx", method, target if len(target) < 300 else target[:300], client.role, field, label, value, response.status, detail,
                         self.server.log_since(offset))
        return response

    # -- sign-in ------------------------------------------------------------------------------------

    def sign_in(self, role):
        email = {"admin": "admin@demo.cartera", "collector": "gestor@demo.cartera", "viewer": "consulta@demo.cartera"}[role]
        client = Client(self, role)
        page = client.send("GET", "/login")
        form = next((f for f in parse_page(page.text()).forms if f["action"] == "/login"), None)
        if form is None:
            raise SystemExit("no sign-in form on /login (status %s)" % page.status)
        fields = {f["name"]: f["value"] for f in form["fields"]}
        fields.update(email=email, password=self.args.password, next="/")
        reply = client.send("POST", "/login", urllib.parse.urlencode(fields), "application/x-www-form-urlencoded")
        if reply.status not in (302, 303) or "cartera_session" not in client.cookies:
            raise SystemExit("sign-in as %s failed: %s %s" % (email, reply.status, reply.text()[:300]))
        self.web[role] = client
        return client

    def signed_in(self, role):
        client = self.web.get(role)
        if client is None:
            return False
        try:
            reply = client.send("GET", "/import")
        except (ConnectionLost, TimeoutError):
            return False
        return not (reply.status in (302, 303) and (reply.header("Location") or "").startswith("/login"))

    def relogin_all(self):
        for role in list(self.web):
            if not self.signed_in(role):
                try:
                    self.sign_in(role)
                except SystemExit as error:
                    print("crash hunt: could not sign in again as %s: %s" % (role, error), file=sys.stderr)

    # -- the OpenAPI document and real ids ---------------------------------------------------------

    def load_spec(self):
        reply = self.api["admin"].send("GET", "/api/v1/openapi.json")
        if reply.status != 200:
            raise SystemExit("GET /api/v1/openapi.json answered %s" % reply.status)
        self.spec = reply.json()
        self.schemas = self.spec.get("components", {}).get("schemas", {})

    def resolve(self, schema, depth=0):
        while isinstance(schema, dict) and "$ref" in schema and depth < 20:
            schema = self.schemas.get(schema["$ref"].split("/")[-1], {})
            depth += 1
        if isinstance(schema, dict) and "oneOf" in schema:
            options = [self.resolve(s) for s in schema["oneOf"] if self.resolve(s).get("type") != "null"]
            return options[0] if options else {}
        return schema if isinstance(schema, dict) else {}

    def api_get(self, target, role="admin"):
        reply = self.call(self.api[role], "GET", "/api/v1" + target, label="setup")
        return reply.json() if reply is not None and reply.status == 200 else None

    def api_post(self, target, body, method="POST"):
        reply = self.call(self.api["admin"], method, "/api/v1" + target, json_bytes(body), "application/json", label="setup")
        return reply.json() if reply is not None and reply.status in (200, 201) else None

    def items(self, target):
        data = self.api_get(target)
        if isinstance(data, dict):
            return data.get("items") or []
        return data if isinstance(data, list) else []

    def prepare(self):
        """Real ids for the path parameters, and a few objects made with ordinary values."""
        ids = self.ids
        customers = self.items("/customers?per_page=200")
        open_invoices = self.items("/invoices?per_page=200&overdue=true") + self.items("/invoices?per_page=200&status=open")
        by_customer = {}
        for invoice in open_invoices:
            if invoice.get("status") in ("open", "partially_paid"):
                by_customer.setdefault(invoice["customer_id"], [])
                if invoice["id"] not in by_customer[invoice["customer_id"]]:
                    by_customer[invoice["customer_id"]].append(invoice["id"])
        currency = {c["id"]: c.get("currency") or "COP" for c in customers}
        self.usd_customers = [c for c, cur in currency.items() if cur == "USD"]
        pool = [c for c in by_customer if len(by_customer[c]) >= 3] or list(by_customer) or [c["id"] for c in customers]
        if not pool:
            raise SystemExit("the demo company has no customers")
        self.rng_customers = pool
        self.open_by_customer = by_customer
        self.currency = currency
        ids["customer_id"] = pool
        ids["invoice_id"] = [i for c in pool for i in by_customer.get(c, [])]
        ids["message_id"] = [m["id"] for m in self.items("/outbox?per_page=50")]
        ids["task_id"] = [t["id"] for t in self.items("/tasks")][:30]
        ids["late_fee_id"] = [f["id"] for f in self.items("/late-fees")][:30]
        ids["payment_id"] = [p["id"] for p in self.items("/payments?per_page=50")]
        ids["credit_note_id"] = [n["id"] for n in self.items("/credit-notes?per_page=50")]
        templates = self.api_get("/templates") or []
        if isinstance(templates, dict):
            templates = templates.get("items", [])
        ids["template"] = [(t.get("key"), t.get("language"), t.get("channel")) for t in templates if t.get("key")]
        # Objects with ordinary values, so every path parameter has something real behind it.
        contacts, drafts, payments, notes, disputes, plans, policies = [], [], [], [], [], [], []
        for index, customer in enumerate(pool[:8]):
            made = self.api_post("/customers/%s/contacts" % customer, {"name": "Contacto Fuzz %d" % index, "email": "fuzz%d@example.com" % index, "role": "billing"})
            if made:
                contacts.append(made["id"])
            made = self.api_post("/invoices", {"customer_id": customer, "number": self.unique("DRAFT"), "status": "draft", "issue_date": self.day(0),
                                               "lines": [{"description": "Borrador", "quantity": "1", "unit_price": "1000.00"}]})
            if made:
                drafts.append(made["id"])
            made = self.api_post("/payments", {"customer_id": customer, "amount": "500.00", "received_on": self.day(0), "method": "transfer",
                                               "auto_allocate": False, "currency": currency.get(customer, "COP")})
            if made:
                payments.append(made["id"])
            made = self.api_post("/credit-notes", {"customer_id": customer, "number": self.unique("NC"), "amount": "100.00", "reason": "fuzz",
                                                   "issued_on": self.day(0), "currency": currency.get(customer, "COP")})
            if made:
                notes.append(made["id"])
            invoices = by_customer.get(customer, [])
            if invoices:
                made = self.api_post("/invoices/%s/disputes" % invoices[-1], {"reason": "Fuzz: cantidad incorrecta"})
                if made:
                    disputes.append(made["id"])
            if len(invoices) >= 2:
                made = self.api_post("/customers/%s/payment-plans" % customer, {"invoice_ids": invoices[:1], "instalments": 2, "first_due_on": self.day(30)})
                if made:
                    plans.append(made["id"])
        for index in range(4):
            made = self.api_post("/policies", {"name": self.unique("Politica"), "steps": [{"key": "s1", "offset_days": 3, "channel": "email",
                                                                                            "tone": "friendly", "template": "overdue"}]})
            if made:
                policies.append(made["id"])
        self.api_post("/customers/%s/statement/send" % pool[0], {})
        ids["contact_id"] = contacts
        ids["draft_invoice_id"] = drafts
        ids["payment_id"] = payments + ids["payment_id"]
        ids["credit_note_id"] = notes + ids["credit_note_id"]
        ids["dispute_id"] = disputes
        ids["plan_id"] = plans
        ids["policy_id"] = policies
        # A bank line nobody matches, for the reconciliation queue.
        statement = "date,amount,reference,payer_name\n%s,1234.56,SIN-REFERENCIA-%s,Pagador Desconocido\n" % (self.day(-1), self.run_tag)
        self.call(self.api["admin"], "POST", "/api/v1/bank-statements?format=csv&account=CH-FUZZ", statement, "text/csv", label="setup")
        ids["transaction_id"] = [t["id"] for t in self.items("/bank-transactions?status=unmatched")] or [t["id"] for t in self.items("/bank-transactions")]
        if not ids["message_id"]:
            ids["message_id"] = [m["id"] for m in self.items("/outbox?per_page=50")]
        # The portal: a link for one customer (the portal phase and the final reads make fresh ones:
        # the fuzzing may revoke this one).
        self.portal_turn = 0
        self.portal_url = self.new_portal_link()
        self.exports = {}
        for kind in ("customers", "invoices", "payments"):
            reply = self.call(self.api["admin"], "GET", "/api/v1/exports/%s.csv" % kind, label="setup")
            if reply is not None and reply.status == 200:
                self.exports[kind] = reply.text().lstrip("\ufeff").splitlines()[:2]

    SENTINELS = ["/api/v1/worklist", "/api/v1/aging", "/api/v1/invoices?per_page=50", "/api/v1/forecast", "/api/v1/customers?per_page=50", "/"]

    def sentinels(self, baseline=False):
        """Organisation-wide reads after each admin write batch: the first batch after which one stops
        answering 200 is the one that stored the row that breaks it for everyone."""
        for target in self.SENTINELS:
            if target in self.sentinel_broken:
                continue
            client = self.api["admin"] if target.startswith("/api/") else self.web.get("admin")
            if client is None:
                continue
            offset = self.server.log_size()
            reply = self.call(client, "GET", target, field="sentinel", label="after the batch", always=True)
            if reply is None:
                self.sentinel_broken.add(target)
            elif reply.status != 200:
                self.sentinel_broken.add(target)
                if reply.status < 500 and not baseline:
                    self.finding("refused", "GET", target, "admin", "sentinel", "after the batch", None, reply.status,
                                 "first seen after \"%s\": %s" % (self.batch["name"] if self.batch else "?", answer_text(reply)), self.server.log_since(offset))

    def new_portal_link(self):
        """A portal link (path /portal/<token>) for the next customer, made through the API as admin."""
        pool = self.rng_customers
        customer = pool[-1 - (self.portal_turn % len(pool))]
        self.portal_turn += 1
        made = self.api_post("/customers/%s/portal-links" % customer, {"days": 30})
        if not made:
            return None
        url = made.get("url") or made.get("link") or ""
        match = re.search(r"/portal/[^\s\"?#]+", json.dumps(made))
        return urllib.parse.urlsplit(url).path if url else (match.group(0) if match else None)

    def real_id(self, name, op_index, path):
        """A real id for this path parameter, spread over the pool so destructive operations do not
        all consume the same object."""
        ids = self.ids
        if name == "invoice_id" and path.endswith("/issue"):
            pool = ids.get("draft_invoice_id") or ids.get("invoice_id")
        elif name == "invoice_id" and re.search(r"/(void|write-off)$", path):
            pool = (ids.get("invoice_id") or [])[::-1]
        elif name == "invoice_id" and path == "/invoices/{invoice_id}" :
            pool = (ids.get("draft_invoice_id") or []) + (ids.get("invoice_id") or [])
        elif name == "customer_id" and path.endswith("/portal-links/revoke"):
            pool = ids.get("customer_id", [])[:-1] or ids.get("customer_id")
        else:
            pool = ids.get(name)
        if not pool:
            return str(uuid.uuid4())
        return pool[op_index % len(pool)]

    # -- phase 1: the API ---------------------------------------------------------------------------

    def synth(self, schema, name, customer, depth=0):
        """An ordinary value for a body field, so the rest of the request is valid."""
        s = self.resolve(schema)
        kind = s.get("type")
        if "enum" in s:
            return s["enum"][0]
        if kind == "object" or "properties" in s:
            required = s.get("required", [])
            return {k: self.synth(v, k, customer, depth + 1) for k, v in s.get("properties", {}).items() if k in required}
        if kind == "array":
            return [self.synth(s.get("items", {}), name, customer, depth + 1)] if depth < 3 else []
        if kind == "integer":
            return max(1, s.get("minimum", 1)) if "maximum" not in s else s.get("minimum", 1)
        if kind == "boolean":
            return False
        if kind == "number":
            return 1
        if s.get("format") == "uuid":
            if "customer" in name:
                return customer
            if "invoice" in name:
                invoices = self.open_by_customer.get(customer) or self.ids.get("invoice_id") or [str(uuid.uuid4())]
                return invoices[0]
            return str(uuid.uuid4())
        if s.get("format") == "date":
            return self.day(7)
        if "pattern" in s and "0-9" in s["pattern"]:
            return "10.00"
        if name in ("number", "credit_note_number"):
            return self.unique()
        if name == "currency":
            return self.currency.get(customer, "COP")
        if "email" in name:
            return "fuzz@example.com"
        return "crash hunt"

    def base_body(self, method, path, schema, customer):
        """The valid request each fuzzed field is put into: required fields plus what the handler
        needs beyond the schema's 'required' (descriptions say 'POST requires …')."""
        invoices = self.open_by_customer.get(customer) or self.ids.get("invoice_id") or []
        cur = self.currency.get(customer, "COP")
        overrides = {
            ("POST", "/customers"): lambda: {"legal_name": self.unique("Cliente Fuzz"), "currency": "COP", "payment_terms": "net30"},
            ("PATCH", "/customers/{customer_id}"): lambda: {"notes": "crash hunt"},
            ("POST", "/customers/{customer_id}/contacts"): lambda: {"name": "Contacto Fuzz", "email": "fuzz@example.com", "role": "alternate"},
            ("PATCH", "/contacts/{contact_id}"): lambda: {"name": "Contacto Fuzz"},
            ("POST", "/invoices"): lambda: {"customer_id": customer, "number": self.unique(), "issue_date": self.day(-5), "currency": cur,
                                            "payment_terms": "net30", "lines": [{"description": "Producto", "quantity": "1", "unit_price": "1000.00"}]},
            ("PATCH", "/invoices/{invoice_id}"): lambda: {"notes": "crash hunt"},
            ("POST", "/payments"): lambda: {"customer_id": customer, "amount": "1000.00", "received_on": self.day(0), "method": "transfer", "currency": cur},
            ("PATCH", "/payments/{payment_id}"): lambda: {"notes": "crash hunt"},
            ("POST", "/payments/{payment_id}/allocations"): lambda: {"allocations": [{"invoice_id": invoices[0] if invoices else str(uuid.uuid4()), "amount": "1.00"}]},
            ("POST", "/credit-notes"): lambda: {"customer_id": customer, "number": self.unique("NC"), "amount": "10.00", "reason": "fuzz",
                                                "issued_on": self.day(0), "currency": cur},
            ("POST", "/credit-notes/{credit_note_id}/allocations"): lambda: {"allocations": [{"invoice_id": invoices[0] if invoices else str(uuid.uuid4()), "amount": "1.00"}]},
            ("POST", "/policies"): lambda: {"name": self.unique("Politica"), "steps": [{"key": "s1", "offset_days": 3, "channel": "email", "tone": "friendly", "template": "overdue"}]},
            ("PATCH", "/policies/{policy_id}"): lambda: {"name": self.unique("Politica")},
            ("POST", "/templates/preview"): lambda: {"key": "overdue", "language": "es", "channel": "email", "customer_id": customer},
            ("PUT", "/templates/{key}/{language}/{channel}"): lambda: {"subject": "Recordatorio {{customer_name}}", "body": "Hola {{customer_name}}"},
            ("POST", "/reminders/run"): lambda: {"date": self.day(0)},
            ("POST", "/disputes/{dispute_id}/resolve"): lambda: {"resolution": "rejected", "note": "fuzz"},
            ("POST", "/customers/{customer_id}/promises"): lambda: {"promised_on": self.day(10), "amount": "1000.00", "currency": cur},
            ("POST", "/customers/{customer_id}/calls"): lambda: {"outcome": "reached", "note": "fuzz"},
            ("POST", "/customers/{customer_id}/escalation"): lambda: {"agency": "Agencia Fuzz", "note": "fuzz"},
            ("POST", "/customers/{customer_id}/assign"): lambda: {"user_id": None},
            ("POST", "/customers/{customer_id}/payment-plans"): lambda: {"invoice_ids": invoices[:2] or [str(uuid.uuid4())], "instalments": 3, "first_due_on": self.day(30)},
            ("POST", "/customers/{customer_id}/portal-links"): lambda: {"days": 30},
            ("POST", "/bank-transactions/{transaction_id}/match"): lambda: {"customer_id": customer},
        }
        if (method, path) in overrides:
            return overrides[(method, path)]()
        return self.synth(schema, "", customer) if schema else None

    def companions(self, method, path, name, payload, customer):
        """Fields that only count together with others (a call's promise fields with outcome=promise,
        an invoice's total without lines, ...): set so the fuzzed value is the one the handler reads."""
        if not isinstance(payload, dict):
            return payload
        invoices = self.open_by_customer.get(customer) or self.ids.get("invoice_id") or [str(uuid.uuid4())]
        top = name.split(".")[0]
        rules = {
            ("POST", "/invoices"): {"total": ({}, ["lines"])},
            ("PATCH", "/invoices/{invoice_id}"): {"total": ({}, ["lines"])},
            ("POST", "/customers/{customer_id}/calls"): {
                "promised_on": ({"outcome": "promise", "promise_amount": "1000.00", "promised_on": self.day(10)}, []),
                "promise_amount": ({"outcome": "promise", "promise_amount": "1000.00", "promised_on": self.day(10)}, []),
                "invoice_ids": ({"outcome": "promise", "promise_amount": "1000.00", "promised_on": self.day(10)}, []),
                "dispute_reason": ({"outcome": "dispute", "invoice_id": invoices[0], "dispute_reason": "fuzz"}, []),
                "dispute_amount": ({"outcome": "dispute", "invoice_id": invoices[0], "dispute_reason": "fuzz"}, []),
                "invoice_id": ({"outcome": "dispute", "dispute_reason": "fuzz"}, []),
                "follow_up_on": ({"outcome": "no_answer"}, [])},
            ("POST", "/customers/{customer_id}/payment-plans"): {"schedule": ({}, ["instalments", "every_days"])},
            ("POST", "/disputes/{dispute_id}/resolve"): {"credit_note_number": ({"resolution": "credit_note"}, []),
                                                         "credit_amount": ({"resolution": "credit_note", "credit_note_number": self.unique("NC")}, [])},
            ("PATCH", "/organisation"): {"late_fee_amount": ({"late_fee_policy": "fixed_per_step"}, []),
                                         "late_interest_rate": ({"late_fee_policy": "annual_interest"}, []),
                                         "legal_maximum_rate": ({"late_fee_policy": "annual_interest", "late_interest_rate": "24"}, [])},
        }.get((method, path), {})
        if top not in rules:
            return payload
        extra, drop = rules[top]
        payload = dict(payload)
        for key in drop:
            payload.pop(key, None)
        for key, value in extra.items():
            if key != top:
                payload[key] = value
        return payload

    def body_fields(self, schema, prefix=(), depth=0):
        """(path, schema) of every property, nested objects and the first item of arrays included."""
        s = self.resolve(schema)
        out = []
        for key, sub in s.get("properties", {}).items():
            sub = self.resolve(sub)
            here = prefix + (key,)
            out.append((here, sub))
            if depth >= 3:
                continue
            if sub.get("type") == "object" or "properties" in sub:
                out += self.body_fields(sub, here, depth + 1)
            elif sub.get("type") == "array":
                item = self.resolve(sub.get("items", {}))
                out.append((here + (0,), item))
                if item.get("type") == "object" or "properties" in item:
                    out += self.body_fields(item, here + (0,), depth + 1)
        return out

    def put_at(self, body, path, value, schema_root, customer):
        body = copy.deepcopy(body) if body is not None else {}
        node = body
        schema = self.resolve(schema_root)
        for index, key in enumerate(path):
            last = index == len(path) - 1
            if isinstance(key, int):
                item_schema = self.resolve(schema.get("items", {}))
                if not isinstance(node, list):
                    return body
                if not node:
                    node.append(self.synth(item_schema, "", customer))
                if last:
                    node[0] = value
                else:
                    if not isinstance(node[0], (dict, list)):
                        node[0] = self.synth(item_schema, "", customer)
                    node = node[0]
                schema = item_schema
            else:
                sub = self.resolve(schema.get("properties", {}).get(key, {}))
                if not isinstance(node, dict):
                    return body
                if last:
                    node[key] = value
                else:
                    if not isinstance(node.get(key), (dict, list)):
                        node[key] = [] if sub.get("type") == "array" else {}
                    node = node[key]
                schema = sub
        return body

    def values_for(self, schema, name, big):
        s = self.resolve(schema)
        kind = s.get("type")
        if kind == "array" or kind == "object" or "properties" in s:
            return CONTAINER_VALUES
        if kind in ("integer", "number"):
            values = INTEGER_VALUES + [PICK["amount_1e20"]]
        elif kind == "boolean":
            values = BOOLEAN_VALUES
        else:
            which = field_kind(str(name), s)
            if which == "date":
                values = DATES + TEXTS + WRONG_TYPES + [PICK["str_int64_max"], PICK["amount_1e20"]]
            elif which == "number":
                values = AMOUNTS + TEXTS + WRONG_TYPES + STRING_NUMBERS + [PICK["date_9999-12-31"]]
            else:
                values = TEXTS + WRONG_TYPES + [PICK["amount_1e20"], PICK["amount_-1e20"], PICK["str_int64_max"], PICK["date_9999-12-31"], PICK["date_0000-01-01"]]
            values = values + [DEEP]
        return values + ([BIG] if big else [])

    def operations(self):
        out = []
        for path, item in self.spec.get("paths", {}).items():
            shared = item.get("parameters", [])
            for method, op in item.items():
                if method not in ("get", "post", "put", "patch", "delete"):
                    continue
                out.append((method.upper(), path, op, shared + op.get("parameters", [])))
        # Reads and ordinary writes first, the operations that remove or settle things last, so the
        # objects they consume are still there for everything else.
        def rank(entry):
            method, path, _, _ = entry
            if method == "POST" and path in ("/imports", "/bank-statements", "/reminders/run"):
                return 3  # the slowest batches last: a deadline cuts them, not ten small ones
            if method == "DELETE" or re.search(r"/(void|write-off|reverse|revoke|cancel|resolve|ignore|match|waive|release|recall)$", path):
                return 2
            return 0 if method == "GET" else 1
        return sorted(out, key=rank)

    def fuzz_api(self, phase_deadline, only=None):
        """Every operation as admin, collector and viewer. What the deadline leaves out is kept in
        self.api_left; `only` runs those later, if time is left after the pages."""
        base = "/api/v1"
        ops = self.operations()
        roles = ["admin", "collector", "viewer"]
        for op_index, (method, path, op, params) in enumerate(ops):
            if path == "/openapi.json":
                continue
            customer = self.rng_customers[op_index % len(self.rng_customers)]
            for role in roles:
                if only is not None and (method, path, role) not in only:
                    continue
                if time.time() > phase_deadline:
                    self.api_left.append((method, path, role))
                    continue
                self.begin("API %s %s as %s" % (method, path, role))
                self.current_op = (method, path)
                try:
                    self.fuzz_operation(self.api[role], base, method, path, op, params, op_index, customer, role)
                    if role == "admin" and method != "GET" and STORES.search(path):
                        self.sentinels()
                finally:
                    self.end()

    def build_target(self, base, path, path_values, query):
        target = base + re.sub(r"\{([^}]+)\}", lambda m: path_values[m.group(1)], path)
        if query:
            target += "?" + "&".join("%s=%s" % (quote(k), quote(v)) for k, v in query)
        return target

    def fuzz_operation(self, client, base, method, path, op, params, op_index, customer, role):
        path_params = [p for p in params if p.get("in") == "path"]
        query_params = [p for p in params if p.get("in") == "query"]
        header_params = [p for p in params if p.get("in") == "header"]
        real = {}

        def choose_ids(turn):
            """Real ids for the path; `turn` moves to the next object once one is used up (a plan made,
            an invoice voided, a dispute resolved), so the later values still reach the handler."""
            for p in path_params:
                name = p["name"]
                if name in ("key", "language", "channel"):
                    templates = self.ids.get("template") or [("overdue", "es", "email")]
                    key, language, channel = templates[(op_index + turn) % len(templates)]
                    real.update(key=key, language=language, channel=channel)
                elif name == "customer_id" and method != "GET":
                    real[name] = ctx["customer"]
                elif name == "invoice_id" and method == "POST" and path.endswith("/disputes") and turn == 0:
                    real[name] = (self.open_by_customer.get(ctx["customer"]) or [self.real_id(name, op_index, path)])[-1]
                else:
                    real[name] = self.real_id(name, op_index + turn * 7, path)

        ctx = {"customer": customer, "turn": 0, "body": None}
        choose_ids(0)
        consuming = method == "POST" and ROTATING.search(path) is not None

        def rotate():
            ctx["turn"] += 1
            pool = self.rng_customers
            ctx["customer"] = pool[(pool.index(customer) + ctx["turn"]) % len(pool)] if customer in pool else pool[ctx["turn"] % len(pool)]
            choose_ids(ctx["turn"])
            if json_schema is not None:
                ctx["body"] = self.base_body(method, path, json_schema, ctx["customer"])

        base_query = []
        if path.endswith("/credit-check"):
            base_query = [("amount", "1000.00"), ("currency", self.currency.get(customer, "COP"))]
        body_spec = op.get("requestBody", {}).get("content", {})
        json_schema = body_spec.get("application/json", {}).get("schema") if "application/json" in body_spec else None
        raw_kind = None
        if not json_schema and body_spec:
            raw_kind = "imports" if path == "/imports" else "bank-statements"
        ctx["body"] = self.base_body(method, path, json_schema, customer) if json_schema is not None else None
        if raw_kind == "imports":
            base_query = [("kind", "invoices"), ("dry_run", "true")]
        if raw_kind == "bank-statements":
            base_query = [("format", "csv"), ("account", "CH-FUZZ")]

        def send(path_values=None, query=None, payload=None, content_type=None, field="-", label="base", value=None, headers=None):
            target = self.build_target(base, path, path_values or real, base_query if query is None else query)
            if payload is None and json_schema is not None:
                payload = ctx["body"]
            data, ctype = None, content_type
            if isinstance(payload, (bytes, str)):
                data = payload
            elif payload is not None:
                data, ctype = json_bytes(payload), "application/json"
            elif method in ("POST", "PUT", "PATCH"):
                data, ctype = b"{}", "application/json"
            reply = self.call(client, method, target, data, ctype, field=field, label=label, value=value, headers=headers)
            if consuming and reply is not None and reply.status in (200, 201, 409):
                rotate()
            return reply

        def fresh(current):
            """A new invoice or credit-note number per request, or the duplicate check answers first."""
            if isinstance(current, dict) and method == "POST" and path in ("/invoices", "/credit-notes"):
                current = dict(current)
                if current.get("number") == ctx["body"].get("number"):
                    current["number"] = self.unique()
            if isinstance(current, dict) and method == "POST" and path in ("/customers", "/policies"):
                current = dict(current)
                for key in ("legal_name", "name"):
                    if key in current and current[key] == ctx["body"].get(key):
                        current[key] = self.unique("Fuzz")
            return current

        if raw_kind is not None:
            first = send(payload=self.raw_base(raw_kind), content_type="text/csv")
        else:
            first = send(payload=fresh(ctx["body"]) if ctx["body"] is not None else None)
        if first is None and not self.server.healthy():
            return
        forbidden = first is not None and first.status == 403
        # A role the operation refuses is turned away before the handler: a sample is enough.
        big_done = False
        # Path parameters.
        for p in path_params:
            for label, value in (for_role(PATH_VALUES, role) if not forbidden else PATH_VALUES[:2]):
                values = dict(real)
                values[p["name"]] = value if value is not None else str(uuid.uuid4())
                send(path_values=values, field="path:" + p["name"], label=label, value=value)
        if forbidden:
            if ctx["body"] is not None:
                send(payload=Raw(DEEP_JSON), field="body", label=DEEP[0], value=DEEP[1])
            if method in ("POST", "PUT", "PATCH"):
                send(payload=json_bytes({"x": MEGABYTE}), content_type="application/json", field="body", label="json_1mb", value=MEGABYTE)
            return
        # Query parameters.
        for p in query_params:
            name = p["name"]
            others = [(k, v) for k, v in base_query if k != name]
            schema = self.resolve(p.get("schema", {}))
            kind = "number" if schema.get("type") in ("integer", "number") else field_kind(name, schema)
            values = for_role(text_values(kind) + [("string_8k", "q" * 8000)], role)
            for label, value in values:
                send(query=others + [(name, value)], field="query:" + name, label=label, value=value)
            send(query=others + [(name, "1"), (name, "2")], field="query:" + name, label="repeated", value="1&2")
            send(query=others + [(name + "[]", "1")], field="query:" + name, label="array_syntax", value="[]=1")
        for p in header_params:
            for label, value in [("empty", ""), ("long_8k", "k" * 8000), ("bidi_u202e", "\u202eevil"), ("nul_literal", "a\\0b")]:
                try:
                    send(payload=fresh(ctx["body"]), field="header:" + p["name"], label=label, value=value,
                         headers={p["name"]: value.encode("utf-8").decode("latin-1")})
                except ValueError:
                    pass
        # The JSON body: each field in turn, then the whole body.
        if json_schema is not None:
            for field_path, schema in self.body_fields(json_schema):
                name = ".".join(str(k) for k in field_path)
                values = for_role(self.values_for(schema, field_path[-1], big=not big_done and self.resolve(schema).get("type") == "string"), role)
                if values and BIG in values:
                    big_done = True
                for label, value in values:
                    payload = fresh(self.put_at(ctx["body"], field_path, value, json_schema, ctx["customer"]))
                    payload = self.companions(method, path, name, payload, ctx["customer"])
                    send(payload=payload, field="body:" + name, label=label, value=value)
            if method == "POST" and path in ("/invoices", "/payments") and self.usd_customers:
                # Amounts in the other currency too: conversions at the reference rate have limits of their own.
                usd = self.usd_customers[op_index % len(self.usd_customers)]
                field = "total" if path == "/invoices" else "amount"
                for label, value in for_role(AMOUNTS, role):
                    payload = dict(fresh(self.base_body(method, path, json_schema, usd)), currency="USD", **{field: value})
                    payload.pop("lines", None)
                    send(payload=payload, field="body:%s (USD)" % field, label=label, value=value)
            for label, payload, value in [("deep_json_10000", Raw(DEEP_JSON), DEEP_JSON), ("deep_object_2000", None, None),
                                          ("json_array_body", [ctx["body"]], None), ("json_string_body", "crash hunt", None),
                                          ("json_int64_max_body", INT64_MAX, None), ("malformed", b"{\"a\": ", None), ("empty_body", b"", None),
                                          ("invalid_utf8", b"{\"notes\": \"\xff\xfe\"}", None), ("json_1mb_body", json_bytes({"notes": MEGABYTE}), MEGABYTE)]:
                if label == "deep_object_2000":
                    payload = ('{"a":' * 2000 + "1" + "}" * 2000).encode()
                if isinstance(payload, Raw):
                    payload = payload.text.encode()
                if isinstance(payload, (list, int)) or (isinstance(payload, str) and label == "json_string_body"):
                    payload = json.dumps(payload).encode()
                send(payload=payload, content_type="application/json", field="body", label=label, value=value if value is not None else payload)
        elif raw_kind is not None:
            variants = self.raw_variants(raw_kind)
            if role != "admin":
                variants = variants[::5] if raw_kind == "imports" else [v for v in variants if ":" not in v[0] or any(part in CORE for part in v[0].split(":"))]
            for label, payload, ctype in variants:
                query = base_query
                if raw_kind == "bank-statements" and label.startswith(("camt", "xml")):
                    query = [("format", "camt053"), ("account", "CH-FUZZ")]
                elif raw_kind == "bank-statements" and label.startswith("mt940"):
                    query = [("format", "mt940"), ("account", "CH-FUZZ")]
                elif raw_kind == "imports" and label.startswith("import:"):
                    kind = label.split(":")[1]
                    query = [("kind", kind), ("dry_run", "false" if label.endswith(":store") else "true")]
                send(query=query, payload=payload, content_type=ctype, field="body", label=label, value=payload)
        elif method in ("POST", "PUT", "PATCH", "DELETE"):
            for label, payload in [("deep_json_10000", DEEP_JSON.encode()), ("json_1mb_body", json_bytes({"notes": MEGABYTE})), ("malformed", b"{")]:
                send(payload=payload, content_type="application/json", field="body", label=label, value=payload)

    def raw_base(self, kind):
        if kind == "imports":
            rows = self.exports.get("invoices") or ["number,customer_code,issue_date,due_date,currency,total", "X,Y,2026-01-01,2026-02-01,COP,100.00"]
            return "\n".join(rows) + "\n"
        return "date,amount,reference,payer_name\n%s,10.00,FUZZ-BASE,Pagador\n" % self.day(-1)

    def raw_variants(self, kind):
        """Files for POST /imports and POST /bank-statements: one cell at a time gets a boundary value."""
        out = []
        def cells_for(column):
            which = field_kind(column)
            if kind == "imports":  # an import costs ten times any other request: the values that matter in files
                chosen = {"number": ["amount_1e20", "amount_int64_max", "amount_9e16", "amount_5e16", "int64_min", "str_abc", "empty"],
                          "date": ["date_9999-12-31", "date_0000-01-01", "date_2199-12-31", "date_1899-12-31", "empty"],
                          "text": ["crlf_bcc", "nul", "bidi_u202e", "empty"]}[which]
                return [PICK[label] for label in chosen] + ([("quote_unclosed", "\"never closed"), ("long_cell_1mb", MEGABYTE)] if which == "text" else [])
            return text_values(which) + [("quote_unclosed", "\"never closed"), ("long_cell_1mb", MEGABYTE)]

        def csv_cell(value):
            return '"%s"' % value.replace('"', '""') if any(ch in value for ch in ',"\r\n') else value

        if kind == "imports":
            for export_kind, rows in self.exports.items():
                if len(rows) < 2:
                    continue
                header = rows[0].split(",")
                row = next(iter(__import__("csv").reader([rows[1]])))
                for column, name in enumerate(header):
                    for label, value in cells_for(name):
                        new = list(row)
                        if column < len(new):
                            new[column] = value
                        for index, col in enumerate(header):
                            if col.strip() in ("number", "invoice_number", "code", "customer_code", "reference") and index != column and export_kind != "payments":
                                if export_kind == "invoices" and col.strip() == "number":
                                    new[index] = self.unique("IMP")
                        store = label in ("amount_5e16", "amount_9e16", "date_9999-12-31", "date_2199-12-31", "crlf_bcc", "bidi_u202e")
                        text = rows[0] + "\n" + ",".join(csv_cell(c) for c in new) + "\n"
                        out.append(("import:%s:%s:%s%s" % (export_kind, name, label, ":store" if store else ""), text, "text/csv"))
            out.append(("import:invoices:wide_row", rows_or(self.exports.get("invoices"))[0] + "\n" + ",".join(["x"] * 50000) + "\n", "text/csv"))
            out.append(("import:invoices:nul_bytes", "number\x00,x\n\x00\x00\n", "text/csv"))
            out.append(("import:invoices:invalid_utf8", b"number,total\n\xff\xfe,1\n", "text/csv"))
            out.append(("import:invoices:many_lines", rows_or(self.exports.get("invoices"))[0] + "\n" + "\n" * 200000, "text/csv"))
            return out
        header = "date,amount,reference,payer_name"
        base = [self.day(-1), "10.00", "FUZZ", "Pagador"]
        for column, name in enumerate(header.split(",")):
            for label, value in cells_for(name):
                new = list(base)
                new[column] = value
                out.append(("csv:%s:%s" % (name, label), header + "\n" + ",".join(csv_cell(c) for c in new) + "\n", "text/csv"))
        camt = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>"
                "<GrpHdr><MsgId>M-{tag}</MsgId><CreDtTm>2026-04-01T06:15:02</CreDtTm></GrpHdr><Stmt><Id>S-{tag}</Id>"
                "<Acct><Id><IBAN>ES9121000418450200051332</IBAN></Id><Ccy>COP</Ccy></Acct>"
                "<Ntry><Amt Ccy=\"COP\">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>{date}</Dt></BookgDt>"
                "<NtryDtls><TxDtls><RmtInf><Ustrd>{text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>")
        from xml.sax.saxutils import escape
        for field in ("amount", "date", "text"):
            for label, value in cells_for(field if field != "text" else "reference"):
                if label == "long_cell_1mb":
                    continue
                values = {"amount": "10.00", "date": self.day(-1), "text": "FUZZ", "tag": self.unique("X")}
                values[field] = escape(value)
                out.append(("camt:%s:%s" % (field, label), camt.format(**values), "application/xml"))
        out.append(("xml_deep_100000", "<?xml version=\"1.0\"?>" + "<a>" * 100000 + "</a>" * 100000, "application/xml"))
        out.append(("xml_deep_5000", "<?xml version=\"1.0\"?><Document>" + "<Ntry>" * 5000 + "</Ntry>" * 5000 + "</Document>", "application/xml"))
        out.append(("xml_entities", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><Document>&d;&d;&d;</Document>", "application/xml"))
        out.append(("xml_many_entries", "<?xml version=\"1.0\"?><Document><BkToCstmrStmt><Stmt>" + "<Ntry/>" * 100000 + "</Stmt></BkToCstmrStmt></Document>", "application/xml"))
        mt940 = ":20:FUZZ{tag}\n:25:CH-FUZZ\n:28C:1/1\n:60F:C260301COP0,\n:61:{date}C{amount}NTRFNONREF\n:86:{text}\n:62F:C260302COP10,00\n"
        for label, value in [("amount_int64_max", "9223372036854775807,"), ("amount_1e20", "100000000000000000000,00"), ("amount_frac", "1,999"),
                             ("date_991231", "991231"), ("date_000000", "000000"), ("date_bad", "261340"), ("text_crlf", "a\r\n:61:x"),
                             ("text_nul", "a\x00b"), ("text_1mb", MEGABYTE), ("empty", "")]:
            for field in ("amount", "date", "text"):
                if field == "amount" and not label.startswith(("amount", "empty")):
                    continue
                if field == "date" and not label.startswith(("date", "empty")):
                    continue
                if field == "text" and not label.startswith(("text", "empty")):
                    continue
                values = {"amount": "10,00", "date": "260302", "text": "FUZZ", "tag": self.unique("M")}
                values[field] = value
                out.append(("mt940:%s:%s" % (field, label), mt940.format(**values), "text/plain"))
        out.append(("mt940_many_lines", ":20:X\n:25:Y\n:60F:C260301COP0,\n" + ":86:x\n" * 200000, "text/plain"))
        return out

    # -- phase 2: the web forms ---------------------------------------------------------------------

    def crawl(self, role, limit):
        client = self.web[role]
        # The dashboard's links, and the menu itself in case the dashboard does not render.
        seen_pages, seen_shapes, queue, forms = set(), {}, ["/", "/worklist", "/customers", "/reconciliation", "/forecast", "/reports",
                                                           "/import", "/audit", "/users"], []
        seen_forms = set()
        while queue and len(seen_pages) < limit and time.time() < self.deadline:
            page = queue.pop(0)
            if page in seen_pages:
                continue
            seen_pages.add(page)
            reply = self.call(client, "GET", page, field="crawl", label="page")
            if reply is None or reply.status != 200 or "html" not in (reply.header("Content-Type") or ""):
                continue
            parsed = parse_page(reply.text())
            for form in parsed.forms:
                action = urllib.parse.urljoin(page, form["action"] or page)
                if urllib.parse.urlsplit(action).netloc not in ("", "%s:%s" % (HOST, self.server.port)):
                    continue
                action = urllib.parse.urlsplit(action)._replace(scheme="", netloc="").geturl()
                if action.startswith("/logout"):
                    continue
                signature = (form["method"], shape(action), tuple(sorted(f["name"] for f in form["fields"])))
                if signature in seen_forms:
                    continue
                seen_forms.add(signature)
                forms.append((page, action, form))
            for href in parsed.links:
                target = urllib.parse.urljoin(page, href)
                split = urllib.parse.urlsplit(target)
                if split.scheme not in ("", "http") or split.netloc not in ("", "%s:%s" % (HOST, self.server.port)):
                    continue
                local = split._replace(scheme="", netloc="", fragment="").geturl()
                if not local.startswith("/") or local.startswith(("/logout", "/static")):
                    continue
                same_shape = [p for p in self.page_params if p != split.path and UUID_RE.sub("{id}", p) == UUID_RE.sub("{id}", split.path)]
                if split.query and not split.path.startswith("/portal/") and not same_shape:
                    params = self.page_params.setdefault(split.path, {})
                    for name, value in urllib.parse.parse_qsl(split.query, keep_blank_values=True):
                        params.setdefault(name, value)
                key = shape(local)
                if seen_shapes.get(key, 0) >= 2 or local in seen_pages:
                    continue
                seen_shapes[key] = seen_shapes.get(key, 0) + 1
                queue.append(local)
        return seen_pages, forms

    def default_value(self, field):
        kind, name, value = field["type"], field["name"].lower(), field["value"]
        if kind == "select":
            options = [o for o in field["options"] if o]
            return value if value else (options[0] if options else "")
        if value:
            return value
        if kind == "date" or "date" in name or field["name"].endswith(("_on", "On")):
            return self.day(10)
        if kind == "number":
            return field.get("min") or "1"
        if kind == "email" or "email" in name:
            return "fuzz.%s@example.com" % self.run_tag
        if kind == "password":
            return "fuzz-password-123"
        if any(word in name for word in ("amount", "price", "total")):
            return "1000"
        if kind in ("checkbox", "radio"):
            return value or "on"
        if field["required"] or kind in ("text", "textarea", "search", "tel"):
            return "crash hunt" if "phone" not in name and kind != "tel" else "+57 300 000 0000"
        return value

    def form_fields(self, form):
        fields = []
        for field in form["fields"]:
            if field["type"] in ("checkbox", "radio") and not field["checked"]:
                continue
            if field["type"] == "file":
                continue
            fields.append([field["name"], self.default_value(field)])
        if form["button"]:
            fields.append(list(form["button"]))
        return fields

    def encode_form(self, form, fields, file_text=None):
        if "multipart" in form["enctype"]:
            boundary = "----crashhunt%s" % uuid.uuid4().hex
            parts = []
            for name, value in fields:
                parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" % (boundary, name)).encode() + value.encode("utf-8", "surrogatepass") + b"\r\n")
            for field in form["fields"]:
                if field["type"] == "file":
                    content = file_text if file_text is not None else self.raw_base("imports")
                    content = content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
                    parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"fuzz.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                                  % (boundary, field["name"])).encode() + content + b"\r\n")
            return b"".join(parts) + ("--%s--\r\n" % boundary).encode(), "multipart/form-data; boundary=" + boundary
        return "&".join("%s=%s" % (quote(n), quote(v)) for n, v in fields), "application/x-www-form-urlencoded"

    def fuzz_form(self, client, page, action, form, role, values, renew=None):
        """Submits the form with its defaults, then each field in turn with each boundary value (the
        other fields at their defaults), then the page it lives on. `renew` gives a new (client, page,
        action, token) when the server rate-limits this one (the portal's per-link limits)."""
        method = form["method"].upper()
        where = {"client": client, "page": page, "action": action, "renewals": 0}
        fields = self.form_fields(form)
        multipart = "multipart" in form["enctype"]
        headers = None
        if multipart:
            token = next((v for n, v in fields if n == "_csrf"), None)
            headers = {"X-CSRF-Token": token} if token else None

        def use_token(token):
            for pair in fields:
                if pair[0] == "_csrf":
                    pair[1] = token
            if headers is not None:
                headers["X-CSRF-Token"] = token

        def refresh_token():
            """A new session (a sign-in through this form, say) has a new CSRF token: take it from the page."""
            reply = self.call(where["client"], "GET", where["page"], field="csrf refresh", label="page")
            if reply is None or reply.status != 200:
                return
            for other in parse_page(reply.text()).forms:
                if urllib.parse.urljoin(where["page"], other["action"] or where["page"]).endswith(where["action"].split("?")[0]):
                    token = next((f["value"] for f in other["fields"] if f["name"] == "_csrf"), None)
                    if token:
                        use_token(token)
                    return

        def submit(current, field, label, value, file_text=None):
            target_client, target = where["client"], where["action"]
            before = dict(target_client.cookies)
            if method == "GET":
                url = target.split("?")[0] + "?" + "&".join("%s=%s" % (quote(n), quote(v)) for n, v in current)
                return self.call(target_client, "GET", url, field=field, label=label, value=value)
            body, ctype = self.encode_form(form, current, file_text)
            reply = self.call(target_client, method, target, body, ctype, field=field, label=label, value=value, headers=headers)
            if reply is not None and reply.status == 429 and renew is not None and where["renewals"] < 12:
                renewed = renew()
                where["renewals"] += 1
                if renewed is not None:
                    where["client"], where["page"], where["action"], token = renewed
                    if token:
                        use_token(token)
                    current = [[n, (dict(fields)["_csrf"] if n == "_csrf" and field != "_csrf" else v)] for n, v in current]
                    body, ctype = self.encode_form(form, current, file_text)
                    reply = self.call(where["client"], method, where["action"], body, ctype, field=field, label=label, value=value, headers=headers)
            elif target_client.cookies != before:
                refresh_token()
            return reply

        first = submit(fields, "-", "defaults", None)
        forbidden = first is not None and first.status == 403
        if any(f["type"] == "password" for f in form["fields"]) and role != "anonymous":
            role = "collector"  # each accepted submission hashes a password (bcrypt): the core values only
        names = [n for n, _ in fields]
        types = {f["name"]: f["type"] for f in form["fields"]}
        for index, (name, _) in enumerate(fields):
            if time.time() > self.deadline:
                break
            if name == "_csrf":
                for label, value in [("empty", ""), ("string_1mb", MEGABYTE[:65536]), ("nul", "\x00")]:
                    submit([[n, value if i == index else v] for i, (n, v) in enumerate(fields)], name, label, value)
                continue
            if forbidden:
                continue
            kind = field_kind(name, None, types.get(name))
            field_values = values if values is not None else text_values(kind)
            # 1 MB in a body; a URL that long is refused by the HTTP parser before any handler, 8 kB there.
            big = [BIG if method != "GET" else ("string_8k", "q" * 8000)] if index == 0 or name in ("amount", "note", "name", "email", "q") else []
            for label, value in for_role(field_values, "admin" if role in ("portal", "anonymous") else role) + big:
                current = [[n, value if i == index else v] for i, (n, v) in enumerate(fields)]
                submit(current, name, label, value)
            submit([[n, v] for i, (n, v) in enumerate(fields) if i != index], name, "missing", None)
            submit(fields + [[name, "2"]], name, "repeated", "2")
        if any(f["type"] == "file" for f in form["fields"]) and not forbidden:
            for label, text, _ in self.raw_variants("imports")[::7]:
                if time.time() > self.deadline:
                    break
                submit(fields, "file", label, text, file_text=text)
        # The page the form lives on, after what the form stored.
        self.call(where["client"], "GET", where["page"], field="page-after-form", label="reload", value=None)
        return names

    def fuzz_web(self, phase_deadline):
        protected = set()
        # A person the admin's user forms may change at will (the signed-in demo users stay as they are).
        admin = self.web["admin"]
        users_page = self.call(admin, "GET", "/users", field="setup", label="page")
        if users_page is not None and users_page.status == 200:
            parsed = parse_page(users_page.text())
            form = next((f for f in parsed.forms if f["action"] == "/users"), None)
            if form is not None:
                fields = self.form_fields(form)
                fields = [[n, {"name": "Persona Fuzz", "email": "persona.fuzz.%s@example.com" % self.run_tag, "password": "fuzz-password-123"}.get(n, v)]
                          for n, v in fields]
                body, ctype = self.encode_form(form, fields)
                self.call(admin, "POST", "/users", body, ctype, field="setup", label="sacrificial user")
            users_page = self.call(admin, "GET", "/users", field="setup", label="page")
            text = users_page.text() if users_page is not None else ""
            for row in re.findall(r"<tr>(.*?)</tr>", text, re.S):
                if any(email in row for email in ("admin@demo.cartera", "gestor@demo.cartera", "consulta@demo.cartera")):
                    protected.update(UUID_RE.findall(row))
        # Role by role: the crawl, every form, then the pages' own query parameters (?page=, ?q=, …).
        for role in ("admin", "collector", "viewer"):
            if time.time() > phase_deadline:
                self.skipped.append("crawl, forms and pages as %s" % role)
                continue
            # The crawl goes on past a page that kills the server (and does not visit it again as another role).
            self.begin("crawl as %s" % role, max_crashes=8)
            self.current_op = "crawl"
            try:
                pages, forms = self.crawl(role, limit=self.args.max_pages)
            finally:
                self.end()
            self.crawled.update(shape(p) for p in pages)
            print("crash hunt: %s crawl: %d pages, %d distinct forms" % (role, len(pages), len(forms)), flush=True)
            for page, action, form in forms:
                if any(uid in action for uid in protected) or action.startswith(("/login", "/setup")):
                    continue
                if time.time() > phase_deadline:
                    self.skipped.append("form %s %s as %s" % (form["method"].upper(), shape(action), role))
                    continue
                self.begin("form %s %s as %s" % (form["method"].upper(), shape(action), role))
                self.current_op = (form["method"].upper(), shape(action))
                try:
                    self.fuzz_form(self.web[role], page, action, form, role, None)
                finally:
                    self.end()
                if not self.signed_in(role):
                    self.sign_in(role)
            for path, params in sorted(self.page_params.items()):
                if time.time() > phase_deadline:
                    self.skipped.append("page GET %s as %s" % (path, role))
                    continue
                self.begin("page GET %s as %s" % (shape(path), role))
                self.current_op = ("GET", shape(path))
                try:
                    for name in params:
                        kind = "number" if name in ("page", "per_page") else field_kind(name)
                        for label, value in for_role(text_values(kind) + [("string_8k", "q" * 8000)], role):
                            self.call(self.web[role], "GET", path + "?" + quote(name) + "=" + quote(value), field="query:" + name, label=label, value=value)
                finally:
                    self.end()

    def fuzz_portal(self, phase_deadline):
        self.portal_url = self.new_portal_link() or self.portal_url
        if not self.portal_url:
            print("crash hunt: no portal link was made; portal forms not fuzzed", file=sys.stderr)
            return
        client = Client(self, "portal")
        reply = self.call(client, "GET", self.portal_url, field="portal", label="page")
        if reply is None or reply.status != 200:
            self.begin("portal page")
            self.batch["failed"] = reply is None or reply.status >= 500
            self.end()
            return
        parsed = parse_page(reply.text())
        self.begin("portal pages")
        for variant in ("/statement.csv", "/invoices/" + str(uuid.uuid4()), "/invoices/not-a-uuid"):
            self.call(client, "GET", self.portal_url + variant, field="path", label=variant, value=variant)
        for label, value in PATH_VALUES:
            self.call(client, "GET", "/portal/" + (value or str(uuid.uuid4())), field="path:token", label=label, value=value)
        self.call(client, "GET", "/portal/" + "t" * 100000, field="path:token", label="token_100k", value="t" * 100000)
        for href in parsed.links:
            if href.startswith(self.portal_url + "/invoices/"):
                self.call(client, "GET", href, field="portal", label="invoice page")
                break
        self.end()
        seen = set()
        for form in parsed.forms:
            action = urllib.parse.urljoin(self.portal_url, form["action"] or self.portal_url)
            action = urllib.parse.urlsplit(action)._replace(scheme="", netloc="").geturl()
            signature = (shape(action), tuple(sorted(f["name"] for f in form["fields"])))
            if signature in seen or action.startswith("/language"):
                continue
            seen.add(signature)
            if time.time() > phase_deadline:
                self.skipped.append("portal form %s" % shape(action))
                continue
            self.begin("portal form %s" % shape(action))
            suffix = action[len(self.portal_url):] if action.startswith(self.portal_url) else None

            def renew(suffix=suffix):
                """The portal limits how often one link may post: a new link (and its page's token) then."""
                link = self.new_portal_link()
                if not link or suffix is None:
                    return None
                fresh = Client(self, "portal")
                page = self.call(fresh, "GET", link, field="portal", label="new link page")
                if page is None or page.status != 200:
                    return None
                token = next((f["value"] for other in parse_page(page.text()).forms for f in other["fields"] if f["name"] == "_csrf"), None)
                return fresh, link, link + suffix, token
            try:
                self.fuzz_form(client, self.portal_url, action, form, "portal", None, renew=renew)
            finally:
                self.end()

    def fuzz_anonymous_forms(self):
        """The sign-in and first-run forms, last: failed sign-ins count against 127.0.0.1."""
        client = Client(self, "anonymous")
        page = self.call(client, "GET", "/login", field="page", label="login")
        if page is None or page.status != 200:
            return
        form = next((f for f in parse_page(page.text()).forms if f["action"] == "/login"), None)
        if form is None:
            return
        self.begin("form POST /login as anonymous")
        self.fuzz_form(client, "/login", "/login", form, "anonymous",
                       [v for v in TEXT_VALUES if v[0] in ("empty", "crlf_bcc", "nul", "bidi_u202e", "u2028", "int64_max", "date_9999-12-31")])
        for label, value in [("tab_evil", "/%09/evil.example"), ("double_slash", "//evil.example"), ("backslash", "/\\evil.example"), ("crlf", "/\r\nX: y")]:
            self.call(client, "GET", "/login?next=" + quote(value), field="query:next", label=label, value=value)
        self.end()
        self.begin("form POST /setup as anonymous")
        setup = {"_csrf": next((f["value"] for f in form["fields"] if f["name"] == "_csrf"), ""), "organisationName": "Fuzz", "currency": "COP",
                 "locale": "es-CO", "timeZone": "America/Bogota", "name": "Fuzz", "email": "setup.fuzz@example.com", "password": "fuzz-password-123"}
        for name in list(setup):
            if name == "_csrf":
                continue
            for label, value in [("crlf_bcc", "a\r\nBcc: x@evil.example"), ("string_1mb", MEGABYTE), ("nul", "a\x00b"), ("empty", "")]:
                current = dict(setup, **{name: value})
                self.call(client, "POST", "/setup", "&".join("%s=%s" % (quote(k), quote(v)) for k, v in current.items()),
                          "application/x-www-form-urlencoded", field=name, label=label, value=value)
        self.call(client, "GET", "/setup", field="page", label="setup")
        self.call(client, "GET", "/no/such/page", field="page", label="unknown")
        self.call(client, "GET", "/api/v1/customers", field="no key", label="anonymous")
        self.end()

    # -- phase 3: organisation-wide reads -------------------------------------------------------------

    def read_targets(self):
        pages = ["/", "/worklist", "/worklist?scope=all", "/customers", "/customers?page=2", "/invoices", "/aging", "/forecast", "/forecast.csv",
                 "/reports", "/reports/collection.csv", "/reports/aging-by-customer.csv", "/reports/aging-by-collector.csv", "/audit",
                 "/reconciliation", "/import", "/users"]
        for customer in self.rng_customers[:6]:
            pages += ["/customers/%s" % customer, "/customers/%s/case-file" % customer]
        for invoice in (self.ids.get("invoice_id") or [])[:4]:
            pages.append("/invoices/%s" % invoice)
        if self.portal_url:
            pages.append(self.portal_url)
        api = ["/aging", "/forecast", "/forecast.csv", "/worklist", "/worklist?scope=all", "/customers?per_page=200", "/invoices?per_page=200",
               "/invoices?overdue=true", "/payments", "/credit-notes", "/audit-events", "/outbox", "/tasks", "/late-fees", "/bank-transactions",
               "/reports/aging-by-customer", "/reports/aging-by-collector", "/reports/collection", "/reports/aging-by-customer.csv",
               "/reports/aging-by-collector.csv", "/reports/collection.csv", "/exports/customers.csv", "/exports/invoices.csv",
               "/exports/payments.csv", "/exports/aging.csv", "/reminders/dry-run", "/organisation", "/policies", "/templates"]
        for customer in self.rng_customers[:6]:
            api += ["/customers/%s" % customer, "/customers/%s/statement" % customer, "/customers/%s/risk" % customer,
                    "/customers/%s/credit-check?amount=1000&currency=%s" % (customer, self.currency.get(customer, "COP")),
                    "/customers/%s/timeline" % customer,
                    "/customers/%s/payment-plans" % customer, "/customers/%s/promises" % customer]
        for invoice in (self.ids.get("invoice_id") or [])[:4]:
            api += ["/invoices/%s" % invoice, "/invoices/%s/prediction" % invoice]
        return pages, ["/api/v1" + target for target in api]

    def baseline_reads(self):
        """What the final reads answer before any fuzzing (as admin): only a change counts as refused."""
        pages, api = self.read_targets()
        portal = Client(self, "portal")
        for target in pages + api:
            client = portal if target.startswith("/portal/") else self.api["admin"] if target.startswith("/api/") else self.web["admin"]
            reply = self.call(client, "GET", target, field="baseline", label="before fuzzing", always=True)
            self.read_baseline[target] = reply.status if reply is not None else None

    def final_reads(self):
        self.portal_url = self.new_portal_link() or self.portal_url
        pages, api = self.read_targets()
        portal = Client(self, "portal")
        for role in ("viewer", "collector", "admin"):
            self.begin("organisation-wide pages as %s" % role)
            for page in pages:
                client = portal if page.startswith("/portal/") else self.web.get(role)
                if client is not None:
                    self.read(client, page)
            self.end()
            self.begin("organisation-wide API reads as %s" % role)
            for target in api:
                self.read(self.api[role], target)
            self.end()

    def read(self, client, target):
        """An ordinary read: besides no 5xx, what was stored must not make it refuse (400, 409, 422)
        for everyone. 401/403/404 are the role's and the route's business."""
        offset = self.server.log_size()
        reply = self.call(client, "GET", target, field="read", label="after fuzzing")
        if reply is not None and 400 <= reply.status < 500 and reply.status not in (401, 403, 404) and self.read_baseline.get(target) == 200:
            self.finding("refused", "GET", target, client.role, "read", "after fuzzing", None, reply.status, answer_text(reply, 300),
                         self.server.log_since(offset))

    # -- the run ----------------------------------------------------------------------------------------

    def run(self):
        if self.args.findings:
            stamp = datetime.datetime.fromtimestamp(os.path.getmtime(self.args.bin)).isoformat(timespec="seconds") if os.path.exists(self.args.bin) else "?"
            with open(self.args.findings, "a", encoding="utf-8") as f:
                f.write("\n## run %s, binary %s (built %s)\n" % (datetime.datetime.now().isoformat(timespec="seconds"), self.args.bin, stamp))
        self.server.start()
        print("crash hunt: server pid %d on 127.0.0.1:%d, budget %d s" % (self.server.pid, self.server.port, self.args.budget), flush=True)
        try:
            self.load_spec()
            for role in ("admin", "collector", "viewer"):
                self.sign_in(role)
            self.begin("setup: real ids and ordinary objects")
            self.prepare()
            self.sentinels(baseline=True)
            self.baseline_reads()
            self.end()
            # The final reads and the sign-in forms come last and always run: they keep a reserve.
            self.deadline -= min(self.args.reserve, self.args.budget / 4)
            budget = self.deadline - time.time()
            # The API gets a little over half the time, the pages and forms most of the rest, then the portal.
            self.fuzz_api(time.time() + budget * 0.58)
            print("crash hunt: API phase done at %.0f s, %d requests" % (time.time() - self.started, self.requests_sent), flush=True)
            self.fuzz_web(time.time() + max(0.0, self.deadline - time.time()) * 0.92)
            print("crash hunt: web phase done at %.0f s, %d requests" % (time.time() - self.started, self.requests_sent), flush=True)
            self.fuzz_portal(self.deadline)
            if self.api_left and time.time() < self.deadline:
                left, self.api_left = set(self.api_left), []
                self.fuzz_api(self.deadline, only=left)
                print("crash hunt: API operations the first deadline left out, done at %.0f s" % (time.time() - self.started), flush=True)
            self.skipped = ["%s %s as %s" % entry for entry in self.api_left] + self.skipped
            self.final_reads()
            # Last: failed sign-ins count against 127.0.0.1, and nothing after this needs to sign in.
            self.fuzz_anonymous_forms()
        except (Exception, SystemExit) as error:  # the summary is still printed, as a failure
            print("crash hunt: aborted: %s: %s" % (type(error).__name__, str(error)[:2000]), flush=True)
            import traceback
            traceback.print_exc()
            self.failed += 1
            if self.batch is not None:
                self.batch = None
        finally:
            self.server.stop()
        self.write_report()
        elapsed = time.time() - self.started
        print("crash hunt: %.0f s, %d batches skipped at the deadline%s" % (elapsed, len(self.skipped), (": " + "; ".join(self.skipped[:5]) + ("…" if len(self.skipped) > 5 else "")) if self.skipped else ""))
        if self.slow:
            print("crash hunt: %d slow or dropped requests (see the report)" % len(self.slow))
        if self.failures:
            print("crash hunt: failures (details in %s):" % self.args.report)
            for record in self.failures[:40]:
                print("  %s %s %s as %s, %s=%s → %s" % (record["kind"], record["method"], shape(record["path"])[:100], record["role"], record["field"],
                                                         record["label"], record["status"] or "no answer"))
            if len(self.failures) > 40:
                print("  … %d more" % (len(self.failures) - 40))
        if os.environ.get("CRASH_HUNT_STARTED", "").isdigit():
            print("crash hunt: total %.0f s with the demo load" % (time.time() - int(os.environ["CRASH_HUNT_STARTED"])))
        print("crash hunt: requests sent %d" % self.requests_sent)
        print("crash hunt: 5xx %d" % self.server_errors)
        print("crash hunt: restarts %d" % self.server.restarts)
        print("%d passed, %d failed" % (self.passed, self.failed), flush=True)
        return 1 if (self.server_errors or self.server.restarts or self.failed) else 0

    def write_report(self):
        os.makedirs(os.path.dirname(os.path.abspath(self.args.report)), exist_ok=True)
        with open(self.args.report, "w", encoding="utf-8") as f:
            f.write("crash hunt report, %s\nbinary %s\nrequests sent %d, 5xx %d, restarts %d, batches %d passed, %d failed, %d skipped\n\n"
                    % (datetime.datetime.now().isoformat(timespec="seconds"), self.args.bin, self.requests_sent, self.server_errors,
                       self.server.restarts, self.passed, self.failed, len(self.skipped)))
            for number, record in enumerate(self.failures, 1):
                f.write("#%d %s in batch \"%s\"\n  %s %s\n  role %s, field %s, value %s = %s\n  status %s\n  answer: %s\n  server log:\n%s\n\n"
                        % (number, record["kind"].upper(), record["batch"], record["method"], record["path"][:500], record["role"], record["field"],
                           record["label"], record["value"], record["status"] or "no answer", (record["detail"] or "").replace("\n", " ")[:500],
                           "\n".join("    " + line for line in (record["log"] or "(nothing)").splitlines())))
            f.write("slowest batches (seconds, requests, batch):\n" + "".join("  %6.1f %6d  %s\n" % row[:3] for row in sorted(self.batch_stats, reverse=True)[:30]) + "\n")
            f.write("every batch: seconds, requests, batch, answers (status×count):\n"
                    + "".join("  %6.1f %6d  %s: %s\n" % row for row in self.batch_stats) + "\n")
            f.write("pages crawled (by shape):\n" + "".join("  %s\n" % p for p in sorted(self.crawled)) + "\n")
            if self.skipped:
                f.write("skipped at the deadline:\n" + "\n".join("  " + s for s in self.skipped) + "\n\n")
            if self.slow:
                f.write("slow or dropped requests (not counted as failures):\n" + "\n".join("  " + s for s in self.slow) + "\n")


def rows_or(rows):
    return rows if rows else ["number,total"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workdir", required=True, help="the server's working directory (SQLite file and mail go there through the environment)")
    parser.add_argument("--server-log", required=True)
    parser.add_argument("--viewer-key", required=True)
    parser.add_argument("--collector-key", required=True)
    parser.add_argument("--admin-key", required=True)
    parser.add_argument("--password", default="cartera-demo")
    parser.add_argument("--budget", type=float, default=float(os.environ.get("CRASH_HUNT_BUDGET", "250")), help="seconds for the hunt (default 250)")
    parser.add_argument("--reserve", type=float, default=40.0, help="seconds of the budget kept for the final reads (default 40)")
    parser.add_argument("--request-timeout", type=float, default=20.0)
    parser.add_argument("--max-pages", type=int, default=150)
    parser.add_argument("--report", default=os.environ.get("CRASH_HUNT_REPORT", "artifacts/crash-hunt.txt"))
    parser.add_argument("--findings", default=os.environ.get("CRASH_HUNT_FINDINGS"), help="append one line per new finding to this file")
    args = parser.parse_args()
    hunt = Hunt(args)
    signal.signal(signal.SIGTERM, lambda *_: (hunt.server.stop(), sys.exit(143)))
    sys.exit(hunt.run())


if __name__ == "__main__":
    main()
