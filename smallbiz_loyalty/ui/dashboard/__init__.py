"""The dashboard: the month's figures against the month before, charts and the lists to act on."""
