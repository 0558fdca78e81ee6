"""Benchmarks: each prints the figure it measures and the ratio against its issue's floor."""
