"""The controls panel: every scenario parameter as a widget generated from the schema."""
