"""The desktop app (PySide6). Holds no SQL and no business rule: it asks `core`."""
