"""
Load benchmark of the main pages, served as in production (`make bench`).

Run from the repository root with the project's virtualenv:

    .venv/bin/python bench/bench.py                   # the full run
    .venv/bin/python bench/bench.py --quick           # smoke run: sizes 45,1000; 3 s a page
    .venv/bin/python bench/bench.py --backends sqlite --sizes 10000 --pages list,search
    .venv/bin/python bench/bench.py --states none --scenarios bypass,redis-outage
    .venv/bin/python bench/bench.py --help

bench/README.md says what each table and scenario measures. The parts live in
bench/loadtest/: options (the command line), backends and services (throwaway
databases, a Redis of its own), catalogue (building each size), server
(gunicorn), wrk, measure (pages, query counts), scenarios (cache bypass, Redis
outage), report and summary, and main (the run).
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    # Run as a script, Python puts bench/ first on the path, where this file would
    # hide the package of the same name: the repository root goes there instead.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)
    from bench.loadtest.main import main

    sys.exit(main())
