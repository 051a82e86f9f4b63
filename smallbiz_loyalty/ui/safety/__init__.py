"""Data safety in the window: the start-up health screen, sign-in and the idle lock,
automatic backups, and the "Data & safety" window (backups, checks, audit log, staff)."""
