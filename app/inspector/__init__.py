"""The inspector panel: one person's score, its parts, their friends and history."""
