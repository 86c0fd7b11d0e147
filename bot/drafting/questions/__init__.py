"""Question phrasings for a fact, one module per family of rules."""
