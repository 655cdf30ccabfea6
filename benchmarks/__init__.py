"""Benchmark commands: `python -m benchmarks.speed` (analysis speed); see README."""
