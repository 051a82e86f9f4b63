"""smallbiz-loyalty: an offline loyalty, retention and NPS desktop app for a small shop."""

__version__ = "0.1.0"
