"""Performance benchmarks for release-bot. Run them with `python -m benchmarks` (see __main__)."""
