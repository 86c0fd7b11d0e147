"""release-bot: answers questions about a press release, grounded in its text."""

__version__ = "0.1.0"
