"""The lesson panel: a guided lesson, one step at a time."""
