"""Tests for bot/matching/: one module per stage of the pipeline."""
