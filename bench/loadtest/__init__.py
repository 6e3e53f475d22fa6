"""`make bench`: the load benchmark (bench/bench.py is its entry point)."""
