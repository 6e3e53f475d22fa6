"""Running Lighthouse (from the npm registry, through npx) on a Chromium found
on this machine."""

import json
import os
import shutil
import time

from bench.lighthouse.reading import CATEGORIES
from bench.processes import log, run

CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking"
)
CHROME_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
LIGHTHOUSE = ("--yes", "lighthouse@12")
ATTEMPTS = 3
LIGHTHOUSE_TIMEOUT = 240  # seconds for one Lighthouse run


def find_chrome(environ=None):
    """CHROME_PATH when set (Lighthouse's own variable), else the first Chromium
    or Chrome on the PATH; None when there is none."""
    environ = os.environ if environ is None else environ
    if environ.get("CHROME_PATH"):
        return environ["CHROME_PATH"]
    return next(filter(None, map(shutil.which, CHROME_NAMES)), None)


def tools_problem():
    """Why Lighthouse cannot run here, or None."""
    if shutil.which("npx") is None:
        return "npx is not installed (Node.js with npm: apt-get install -y npm)"
    if find_chrome() is None:
        return (
            "no Chromium or Chrome found: apt-get install -y chromium, or set "
            "CHROME_PATH to a Chrome executable"
        )
    return None


def lighthouse_command(url, report_path, preset, ignore_status):
    cmd = [shutil.which("npx") or "npx", *LIGHTHOUSE, url]
    cmd += [
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
    """Run Lighthouse until it gives a usable report (it sometimes fails with
    NO_NAVSTART and the like); return (report or None, errors)."""
    env = {**os.environ, "CHROME_PATH": find_chrome()}
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
