"""CivicDesk: offline-first desktop app for rural centers of local self-government."""

__version__ = "0.1.0"
