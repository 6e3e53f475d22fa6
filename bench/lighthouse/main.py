"""The audit's run: each page type fetched, then audited with Lighthouse."""

import argparse
from datetime import UTC, datetime
from pathlib import Path

from bench.lighthouse.reading import page_result
from bench.lighthouse.runner import audit_page, tools_problem
from bench.lighthouse.server import existing_server, fetch_status, production_server
from bench.lighthouse.writing import write_results
from bench.processes import ROOT, CommandError, log, raise_on_sigterm

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


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="bench/audit.py",
        description="Lighthouse scores and failing audits for each page type.",
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
    if unknown or not args.pages:
        parser.error(
            f"unknown page type(s) {', '.join(unknown) or repr('')}; "
            f"choose from {', '.join(PAGES)}"
        )
    if args.url:
        args.url = args.url.rstrip("/")
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
    problem = tools_problem()
    if problem:
        log(f"audit.py: {problem}")
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    raise_on_sigterm()
    try:
        server = existing_server(args.url) if args.url else production_server()
        with server as base_url:
            results = audit_all(base_url, args.pages, args.out, args.preset)
    except KeyboardInterrupt:
        log("Interrupted; the server was stopped.")
        return 130
    except CommandError as error:
        log(f"audit.py: {error}")
        return 1
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
