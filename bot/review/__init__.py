"""The operator's loop: what the bot missed or got wrong, and the store changes that fix it.

Pure: reads the bot's logs and the store, runs the real matcher, never imports
`telegram`. `python -m bot review` is the command (`bot.review.command`).
"""
