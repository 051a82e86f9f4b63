"""Settings: the shop profile, the loyalty programmes and their rewards, and the staff."""
