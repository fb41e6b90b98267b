"""Performance measurements of QA Desktop (run with ``python -m benchmarks.<name>``)."""
