"""Benchmark workloads, one module per utility, each defining WORKLOADS: list[Workload]."""
