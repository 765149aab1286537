"""Texts of Qt's own buttons that Qt's catalogs leave in English (the Russian one keeps
a Latin «OK», the Kazakh one «Yes», «No», «Don't Save»...). Listing them here puts them
in the app's catalogs, which are installed after Qt's and so take precedence."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_button_texts() -> list[str]:
    """The texts, translated (the calls are what the catalog tool collects)."""
    return [
        QCoreApplication.translate("QPlatformTheme", "OK"),
        QCoreApplication.translate("QPlatformTheme", "Yes"),
        QCoreApplication.translate("QPlatformTheme", "No"),
        QCoreApplication.translate("QPlatformTheme", "No to A&ll"),
        QCoreApplication.translate("QPlatformTheme", "Don't Save"),
        QCoreApplication.translate("QMessageBox", "Show Details..."),
        QCoreApplication.translate("QMessageBox", "Hide Details..."),
    ]
