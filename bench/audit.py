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
warm the server), then audited with `npx --yes lighthouse@12` on the machine's
Chromium, retried up to 3 times when Lighthouse fails (NO_NAVSTART and the like).
The 404 page is audited with --ignore-status-code, otherwise Lighthouse refuses
it; its SEO audits then flag the 404 status, which is expected.

It writes, under --out (default audit/, gitignored):

    <page>.report.json   the full Lighthouse report of each page
    scores.md            the scores table and the failing audits (also on stdout)
    scores.json          the same data, for scripts

It needs npx (Node.js) and a Chromium or Chrome (CHROME_PATH, else the first of
chromium, chromium-browser, google-chrome on the PATH); without them it says so
and exits with status 2. Standard library only. Exit status 1 when a page could
not be audited.

The parts live in bench/lighthouse/: server (the throwaway site), runner
(Lighthouse itself), reading (a report's scores and failing audits), writing
(scores.md, scores.json) and main (the run).
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    # Run as a script, Python puts bench/ first on the path: the repository root
    # goes there instead, so that `bench` is the package (see bench/bench.py).
    sys.path[0] = str(Path(__file__).resolve().parent.parent)
    from bench.lighthouse.main import main

    sys.exit(main())
