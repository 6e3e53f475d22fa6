"""`make audit`: Lighthouse on each page type (bench/audit.py is its entry point)."""
