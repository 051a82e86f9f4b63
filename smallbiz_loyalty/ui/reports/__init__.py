"""The Reports screen: the month, what can be printed for it, and spreadsheet exports."""
