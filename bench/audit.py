"""
Lighthouse scores for each page type of the site, with the audits that fail.

Run from the repository root (takes a few minutes: about 15-20 s a page):

    .venv/bin/python bench/audit.py                      # mobile (Lighthouse default)
    .venv/bin/python bench/audit.py --preset desktop --out audit/desktop
    .venv/bin/python bench/audit.py --pages home,list    # a subset
    .venv/bin/python bench/audit.py --url http://127.0.0.1:8000   # a running server

(--url needs a server that answers plain HTTP, e.g. `make serve`, whose
DJANGO_SECURE_SSL_REDIRECT defaults to 0, or `make run`.)

Unless --url is given, it serves the site with the production setup (gunicorn,
whitenoise, DEBUG off, hashed static files) on a free loopback port, against a
throwaway SQLite database and media folder in a temporary directory, and stops
the server at the end, even on error or Ctrl-C. `collectstatic` still writes
to STATIC_ROOT (staticfiles/, gitignored), as `make serve` does.

Each page is fetched once before Lighthouse runs (to check its status code and
warm the server), then audited with `npx --yes lighthouse@12` on Debian's
Chromium, retried up to 3 times when Lighthouse fails (NO_NAVSTART and the like).
The 404 page is audited with --ignore-status-code, otherwise Lighthouse refuses
it; its SEO audits then flag the 404 status, which is expected.

It writes, under --out (default audit/, gitignored):

    <page>.report.json   the full Lighthouse report of each page
    scores.md            the scores table and the failing audits (also on stdout)
    scores.json          the same data, for scripts

Standard library only. Exit status 1 when a page could not be audited.
"""

import argparse
import json
import math
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
CHROME_PATH = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking"
)
LIGHTHOUSE = ["npx", "--yes", "lighthouse@12"]
CATEGORIES = {
    "performance": "Performance",
    "accessibility": "Accessibility",
    "best-practices": "Best practices",
    "seo": "SEO",
}
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}
# Page type -> (path, expected status code).
PAGES = {
    "home": ("/", 200),
    "list": ("/exercises/", 200),
    "filtered": ("/exercises/?equipment=dumbbells&muscle=back", 200),
    "exercise": ("/exercises/pull-up/", 200),
    "anatomy": ("/anatomy/", 200),
    "muscle": ("/anatomy/latissimus-dorsi/", 200),
    "article": ("/articles/middle-back-workouts/", 200),
    "404": ("/exercises/no-such-exercise/", 404),
    "equipment": ("/equipment/", 200),
}
ATTEMPTS = 3
LIGHTHOUSE_TIMEOUT = 240  # seconds for one Lighthouse run
SERVER_START_TIMEOUT = 60
ITEMS_SHOWN = 4  # offending elements or URLs listed per failing audit


def log(message):
    print(message, file=sys.stderr, flush=True)


# Processes -----------------------------------------------------------------


def descendant_groups(pid):
    """Process groups of pid's descendants (Chrome runs in a group of its own)."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append((int(stat.parent.name), fields))
    groups, todo = set(), [pid]
    while todo:
        for child, fields in children.get(todo.pop(), []):
            groups.add(int(fields[2]))
            todo.append(child)
    return groups


def stop_process(proc):
    """Stop a process started with start_new_session=True, with its descendants.

    SIGINT first: gunicorn shuts down, and Lighthouse's Chrome launcher kills
    the Chrome it started (in a process group of its own) before exiting.
    """
    if proc.poll() is not None:
        return
    groups = {proc.pid} | descendant_groups(proc.pid)
    for sig, wait in ((signal.SIGINT, 10), (signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        for group in groups:
            try:
                os.killpg(group, sig)
            except ProcessLookupError:
                pass
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        if not any(group_alive(group) for group in groups - {proc.pid}):
            return


def group_alive(group):
    try:
        os.killpg(group, 0)
        return True
    except ProcessLookupError:
        return False


def run(cmd, env=None, timeout=None):
    """Run a command in its own process group; return (exit code, output)."""
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = proc.communicate(timeout=timeout)
        return proc.returncode, output
    except subprocess.TimeoutExpired:
        stop_process(proc)
        return None, f"timed out after {timeout} s"
    finally:
        stop_process(proc)


def raise_on_sigterm():
    """Turn SIGTERM into SystemExit so that the server is stopped then too."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


# The server ------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(tmpdir, port):
    env = dict(os.environ)
    env.pop("REDIS_URL", None)  # self-contained: local-memory cache
    env.update(
        DATABASE_URL=f"sqlite:///{tmpdir}/audit.sqlite3",
        DJANGO_MEDIA_ROOT=f"{tmpdir}/media",
        DJANGO_DEBUG="0",
        DJANGO_STATIC_MANIFEST="1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        HOST="127.0.0.1",
        PORT=str(port),
    )
    return env


def prepare_site(env):
    """Migrate the throwaway database, load the content, collect static files."""
    manage = [str(VENV_BIN / "python"), "manage.py"]
    for args in (
        ["migrate", "--no-input", "-v0"],
        ["loadcontent"],
        ["collectstatic", "--no-input", "-v0"],
    ):
        log(f"  manage.py {' '.join(args)}")
        code, output = run(manage + args, env=env, timeout=300)
        if code != 0:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{output}")


def wait_until_healthy(base_url, proc, log_path):
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        if fetch_status(base_url + "/healthz") == 200:
            return
        time.sleep(0.3)
    raise RuntimeError(
        f"gunicorn did not answer /healthz with 200:\n{log_path.read_text()[-3000:]}"
    )


@contextmanager
def production_server():
    """Serve the site with gunicorn on a free port; yield its base URL."""
    with tempfile.TemporaryDirectory(prefix="audit-") as tmpdir:
        port = free_port()
        env = server_env(tmpdir, port)
        log(f"Preparing a throwaway site in {tmpdir}")
        prepare_site(env)
        log_path = Path(tmpdir) / "gunicorn.log"
        with log_path.open("w") as log_file:
            proc = subprocess.Popen(
                [str(VENV_BIN / "gunicorn"), "config.wsgi", "-c", "config/gunicorn.py"],
                cwd=ROOT,
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                base_url = f"http://127.0.0.1:{port}"
                wait_until_healthy(base_url, proc, log_path)
                log(f"gunicorn (pid {proc.pid}) serves {base_url}")
                yield base_url
            finally:
                stop_process(proc)
                log(f"gunicorn (pid {proc.pid}) stopped")


@contextmanager
def existing_server(base_url):
    if fetch_status(base_url + "/healthz") != 200:
        raise RuntimeError(f"{base_url}/healthz does not answer 200")
    yield base_url


# Lighthouse ------------------------------------------------------------------


def fetch_status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def lighthouse_command(url, report_path, preset, ignore_status):
    cmd = LIGHTHOUSE + [
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report_path}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    if ignore_status:
        cmd.append("--ignore-status-code")
    return cmd


def report_problem(report_path):
    """Why a Lighthouse report is unusable, or None when it is fine."""
    try:
        report = json.loads(report_path.read_text())
    except (OSError, ValueError) as error:
        return f"no readable report ({error})"
    if report.get("runtimeError"):
        error = report["runtimeError"]
        return f"{error.get('code')}: {error.get('message')}"
    missing = [
        key for key in CATEGORIES if report["categories"][key].get("score") is None
    ]
    if missing:
        return f"no score for {', '.join(missing)}"
    return None


def audit_page(url, report_path, preset, ignore_status):
    """Run Lighthouse until it gives a usable report; return (report, errors)."""
    env = {**os.environ, "CHROME_PATH": CHROME_PATH}
    cmd = lighthouse_command(url, report_path, preset, ignore_status)
    errors = []
    for attempt in range(1, ATTEMPTS + 1):
        report_path.unlink(missing_ok=True)
        started = time.monotonic()
        code, output = run(cmd, env=env, timeout=LIGHTHOUSE_TIMEOUT)
        problem = report_problem(report_path)
        if code == 0 and problem is None:
            log(f"    attempt {attempt}: ok in {time.monotonic() - started:.0f} s")
            return json.loads(report_path.read_text()), errors
        detail = problem or f"exit code {code}"
        tail = output.strip().splitlines()[-3:] if output else []
        errors.append(
            f"attempt {attempt}: {detail}" + "".join(f"\n  {t}" for t in tail)
        )
        log(f"    attempt {attempt} failed: {detail}")
    return None, errors


# Reading a report ------------------------------------------------------------


def percent(score):
    """Lighthouse's own rounding of a 0-1 score to 0-100."""
    return None if score is None else math.floor(score * 100 + 0.5)


def item_label(item, base_url):
    """A short name for one offending element, resource or console message."""
    if not isinstance(item, dict):
        return None
    if item.get("items"):  # a nested table: name its first item
        labels = [item_label(sub, base_url) for sub in item["items"]]
        return next((label for label in labels if label), None)
    node = item.get("node")
    if isinstance(node, dict):
        text = node.get("snippet") or node.get("selector") or node.get("nodeLabel")
    else:
        keys = ("reason", "description", "url", "label", "name", "statistic")
        text = next((item[k] for k in keys if isinstance(item.get(k), str)), None)
    if not text and isinstance(item.get("source"), dict):
        text = item["source"].get("url")
    location = item.get("sourceLocation")  # console messages: which resource
    if text and isinstance(location, dict) and location.get("url"):
        text = f"{text} ({location['url']})"
    return " ".join(text.replace(base_url, "").split())[:160] if text else None


def audit_items(audit, base_url):
    labels = []
    for item in (audit.get("details") or {}).get("items") or []:
        label = item_label(item, base_url)
        if label and label not in labels:
            labels.append(label)
    return labels


def failing(report, category_key, base_url):
    """The audits of a category below a full score (or that errored).

    Like Lighthouse's own report, it leaves out the "hidden" group (in 12.x the
    performance insights, which repeat the classic audits, and max-potential-fid).
    """
    found = []
    for ref in report["categories"][category_key]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        errored = audit.get("scoreDisplayMode") == "error"
        below_full = audit.get("score") is not None and audit["score"] < 1
        if ref.get("group") == "hidden" or not (errored or below_full):
            continue
        found.append(
            {
                "category": CATEGORIES[category_key],
                "id": audit["id"],
                "title": audit["title"],
                "score": audit.get("score"),
                "weight": ref.get("weight", 0),
                "displayValue": (
                    audit.get("errorMessage") if errored else audit.get("displayValue")
                ),
                "items": audit_items(audit, base_url),
            }
        )
    return found


def failing_audits(report, base_url):
    """Failing audits in each category that scored below 100."""
    return [
        audit
        for key in CATEGORIES
        if percent(report["categories"][key]["score"]) < 100
        for audit in failing(report, key, base_url)
    ]


def diagnostics(report, base_url):
    """Unweighted performance audits that fail, whatever the score."""
    return [
        audit
        for audit in failing(report, "performance", base_url)
        if not audit["weight"]
    ]


def page_result(name, path, status, report, errors, base_url):
    result = {"page": name, "path": path, "status": status, "errors": errors}
    if report is None:
        return {
            **result,
            "scores": None,
            "metrics": None,
            "failing": [],
            "diagnostics": [],
        }
    return {
        **result,
        "lighthouseVersion": report["lighthouseVersion"],
        "scores": {
            key: percent(report["categories"][key]["score"]) for key in CATEGORIES
        },
        "metrics": {
            label: report["audits"][key].get("displayValue")
            for key, label in METRICS.items()
            if key in report["audits"]
        },
        "warnings": report.get("runWarnings", []),
        "failing": failing_audits(report, base_url),
        "diagnostics": diagnostics(report, base_url),
    }


# Writing the results ---------------------------------------------------------


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def code(text):
    return f"`{text}`" if "`" not in text else f"``{text}``"


def scores_table(results):
    head = ["Page", "URL", *CATEGORIES.values(), *METRICS.values()]
    lines = [
        "| " + " | ".join(head) + " |",
        "|" + "---|" * 2 + "--:|" * len(CATEGORIES) + "--:|" * len(METRICS),
    ]
    for result in results:
        scores = result["scores"] or {}
        metrics = result["metrics"] or {}
        row = [result["page"], code(result["path"])]
        row += ["failed" if not scores else str(scores[key]) for key in CATEGORIES]
        row += [cell(metrics.get(label) or "") for label in METRICS.values()]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def score_text(score):
    return "error" if score is None else f"{score:g}"


def where_notes(audits):
    """Up to ITEMS_SHOWN offending elements or resources per audit, with the
    pages each is on when the audit covers several pages."""
    notes = []
    for audit in audits:
        if audit["items"]:
            notes.append(f"- {code(audit['id'])}:")
            for item in audit["items"][:ITEMS_SHOWN]:
                pages = audit.get("item_pages", {}).get(item)
                on = f" ({', '.join(pages)})" if pages else ""
                notes.append(f"    - {code(item)}{on}")
            if len(audit["items"]) > ITEMS_SHOWN:
                notes.append(f"    - and {len(audit['items']) - ITEMS_SHOWN} more")
    return ["", "Where:", "", *notes] if notes else []


def failing_section(result):
    title = f"### {result['page']} ({code(result['path'])}, HTTP {result['status']})"
    if result["scores"] is None:
        return [title, "", "Not audited:", "", "```", *result["errors"], "```", ""]
    if not result["failing"]:
        return []
    lines = [
        title,
        "",
        "| Category | Audit id | Title | Score | Weight | Value |",
        "|---|---|---|--:|--:|---|",
    ]
    for audit in result["failing"]:
        lines.append(
            f"| {audit['category']} | {code(audit['id'])} | {cell(audit['title'])} "
            f"| {score_text(audit['score'])} | {audit['weight']} "
            f"| {cell(audit['displayValue'] or '')} |"
        )
    lines += where_notes(result["failing"])
    if result["status"] >= 400:
        lines += [
            "",
            f"Expected: this page answers {result['status']} on purpose, so audits "
            "about that status (`http-status-code`, the document's console error) "
            "fail here.",
        ]
    for warning in result.get("warnings") or []:
        lines += ["", f"Lighthouse warning: {cell(warning)}"]
    return lines + [""]


def diagnostics_section(results):
    """Each unweighted performance audit that fails, with the pages it fails on."""
    by_id = {}
    for result in results:
        for audit in result["diagnostics"]:
            entry = by_id.setdefault(
                audit["id"], {**audit, "pages": [], "item_pages": {}}
            )
            value = f" ({audit['displayValue']})" if audit["displayValue"] else ""
            entry["pages"].append(f"{result['page']}{value}")
            for item in audit["items"]:
                entry["item_pages"].setdefault(item, []).append(result["page"])
    if not by_id:
        return []
    for entry in by_id.values():
        entry["items"] = list(entry["item_pages"])
        if len(entry["pages"]) == 1:
            entry["item_pages"] = {}
    lines = [
        "## Performance diagnostics",
        "",
        "Performance audits with no weight in the score (Lighthouse's opportunities",
        "and diagnostics) that do not pass, on any page, whatever its score.",
        "",
        "| Audit id | Title | Pages (value) |",
        "|---|---|---|",
    ]
    for audit in by_id.values():
        lines.append(
            f"| {code(audit['id'])} | {cell(audit['title'])} "
            f"| {cell(', '.join(audit['pages']))} |"
        )
    return lines + where_notes(by_id.values()) + [""]


def markdown(results, meta):
    lines = [
        f"# Lighthouse scores ({meta['preset']})",
        "",
        f"{meta['date']}, Lighthouse {meta['lighthouse']}, {meta['target']}.",
        "Scores 0-100; metrics as Lighthouse measured them under its throttling.",
        "",
        *scores_table(results),
        "",
        "## Failing audits",
        "",
    ]
    sections = [line for result in results for line in failing_section(result)]
    if sections:
        lines += [
            "Every audit below a full score in each category that scored below",
            "100 (weight: its share of the category score; 0: not scored).",
            "",
            *sections,
        ]
    else:
        lines += ["None: every category scored 100.", ""]
    return "\n".join(lines + diagnostics_section(results))


def write_results(out, results, meta):
    text = markdown(results, meta)
    (out / "scores.md").write_text(text)
    (out / "scores.json").write_text(
        json.dumps({**meta, "pages": results}, indent=2) + "\n"
    )
    print(text)


# Main ------------------------------------------------------------------------


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description="Lighthouse scores and failing audits for each page type."
    )
    parser.add_argument(
        "--pages",
        default=",".join(PAGES),
        help=f"comma-separated page types (default: all of {', '.join(PAGES)})",
    )
    parser.add_argument(
        "--url", help="audit this running server (e.g. http://127.0.0.1:8000)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "audit",
        help="output folder (default: audit/)",
    )
    parser.add_argument(
        "--preset",
        choices=["mobile", "desktop"],
        default="mobile",
        help="Lighthouse's mobile emulation (default) or its desktop preset",
    )
    args = parser.parse_args(argv)
    args.pages = [name.strip() for name in args.pages.split(",") if name.strip()]
    unknown = [name for name in args.pages if name not in PAGES]
    if unknown:
        parser.error(
            f"unknown page type(s) {', '.join(unknown)}; choose from {', '.join(PAGES)}"
        )
    return args


def audit_all(base_url, pages, out, preset):
    results = []
    for number, name in enumerate(pages, 1):
        path, expected = PAGES[name]
        url = base_url + path
        status = fetch_status(url)  # also warms the page cache
        log(f"[{number}/{len(pages)}] {name}: {url} (HTTP {status})")
        if status != expected:
            errors = [f"{url} answered {status}, expected {expected}"]
            log(f"    {errors[0]}; skipped")
            results.append(page_result(name, path, status, None, errors, base_url))
            continue
        report_path = out / f"{name}.report.json"
        report, errors = audit_page(url, report_path, preset, expected >= 400)
        results.append(page_result(name, path, status, report, errors, base_url))
    return results


def main(argv=None):
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    raise_on_sigterm()
    if args.url:
        args.url = args.url.rstrip("/")
    server = existing_server(args.url) if args.url else production_server()
    with server as base_url:
        results = audit_all(base_url, args.pages, args.out, args.preset)
    versions = {r["lighthouseVersion"] for r in results if r.get("lighthouseVersion")}
    meta = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "lighthouse": ", ".join(sorted(versions)) or "unknown",
        "preset": args.preset,
        "target": args.url or "a throwaway production server (gunicorn, DEBUG off)",
    }
    write_results(args.out, results, meta)
    log(f"Wrote {args.out / 'scores.md'} and {args.out / 'scores.json'}")
    return 1 if any(result["scores"] is None for result in results) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        log("Interrupted; the server was stopped.")
        sys.exit(130)
    except RuntimeError as error:
        log(f"audit.py: {error}")
        sys.exit(1)
