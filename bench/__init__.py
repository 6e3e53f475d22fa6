"""Measurement tools run from the repository root: `make bench` and `make audit`.

bench.py and audit.py are the entry points; loadtest/ and lighthouse/ hold their
parts, processes.py the helpers both use to start and stop what they run, and
production.py how both serve the site as `make serve` does. Standard library only.
"""
