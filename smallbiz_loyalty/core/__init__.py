"""The domain: pure Python, no Qt and no reportlab (checked by import-linter)."""
