"""Turn answers into findings: tallies, trends, sentiment, themes, quotes and report models.

Pure Python by design: nothing here imports Flask, SQLAlchemy or ``feedback_app``, so the
analysis can be tested alone and reused outside the web platform.
"""
