"""Benchmarks run by hand (never by the test suite); figures in docs/performance.md."""
