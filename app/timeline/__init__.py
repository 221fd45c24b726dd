"""The timeline panel: a scrubber over the kept months, with setting-change markers."""
