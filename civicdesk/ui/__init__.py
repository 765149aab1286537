"""The PySide6 desktop interface (the only package besides the entry point that uses Qt)."""
