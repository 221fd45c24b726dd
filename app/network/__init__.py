"""The network panel: people coloured by score on their friendship map."""
