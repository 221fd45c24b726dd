"""The dashboard panel: the metrics over time and the score histogram."""
