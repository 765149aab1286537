"""Can Qt really open a window here? Exit 0 if it can, 1 (with Qt's own words on
stderr) if it cannot.

Importing PySide6.QtGui succeeds even when the platform plugin cannot load (on Linux
the xcb plugin needs libxcb-cursor0 and friends), so scripts/start.sh runs this to
decide whether system libraries are missing. It creates the application and a
window, shows it and processes events: exactly what the app will do first.
"""

from __future__ import annotations

import sys


def main() -> int:
    try:
        from PySide6.QtWidgets import QApplication, QWidget
    except ImportError as exc:
        print(f"PySide6 cannot be imported: {exc}", file=sys.stderr)
        return 1
    # QApplication aborts the process (it does not raise) when no platform plugin
    # loads; the caller then sees a non-zero exit code and Qt's message.
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(40, 30)
    window.show()
    app.processEvents()
    ok = window.windowHandle() is not None and window.isVisible()
    window.close()
    app.processEvents()
    if not ok:
        print("Qt created no window", file=sys.stderr)
        return 1
    print("qt-window-ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
