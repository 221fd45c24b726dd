"""Pieces shared by the panels and the window: theme, plain words and pacing."""
