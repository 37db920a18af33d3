"""Benchmarks: a synthetic corpus and `make bench`."""
