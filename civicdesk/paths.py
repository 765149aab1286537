"""Where CivicDesk finds its read-only resources and keeps its data.

A leaf module (standard library and platformdirs only) that every layer may import.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "CivicDesk"


def resources_dir() -> Path:
    """The ``civicdesk/resources/`` folder: inside the package (checkout, editable or wheel
    install), or inside the bundle of a frozen build."""
    env = os.environ.get("CIVICDESK_RESOURCES")
    if env:
        return Path(env)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent / "resources"


def default_data_dir() -> Path:
    """The user's data folder (never inside the program folder)."""
    env = os.environ.get("CIVICDESK_DATA_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    env = os.environ.get("CIVICDESK_CACHE_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
