"""Console output that works with any code page and never fails.

Every console write of the command-line programs goes through :class:`ConsoleText`:
:func:`install` puts one in front of ``sys.stdout`` and ``sys.stderr`` at the entry
points (``civicdesk`` and ``civicdesk-server``), so ``print``, ``argparse`` and
tracebacks all use it.  What it does with the text:

- a real Windows console: the console's wide-character API (``WriteConsoleW``), so
  every Kazakh letter shows whatever the console's code page;
- a pipe or a file on Windows (a scheduled task, a script, CI): UTF-8.  Python would
  otherwise use the ANSI code page (1251 on a Russian PC, 1252 on an English one), in
  which Kazakh letters, or all of Cyrillic, do not exist;
- elsewhere (another system, a stream that cannot be switched): the stream's own
  encoding; a character it cannot hold is written as ``?`` (no transliteration);
- a write that fails (a closed pipe, a vanished console) is dropped: output is a
  report of work already done and must never turn that work into a failure.

The frozen Windows programs ignore ``PYTHONIOENCODING`` and ``PYTHONUTF8``, so this is
the only way their output is right.  Standard library only; no layer restrictions.
"""

from __future__ import annotations

import io
import sys
from typing import Any, TextIO

__all__ = ["ConsoleText", "install", "wrap"]

_CHUNK = 8192  # UTF-16 units per WriteConsoleW call (large writes fail on old consoles)


def _console_handle(stream: TextIO) -> int | None:
    """The Windows console handle behind ``stream``, or ``None`` (not a console)."""
    if sys.platform != "win32":
        return None
    try:
        import ctypes
        import msvcrt
        from ctypes import wintypes

        handle = msvcrt.get_osfhandle(stream.fileno())
        mode = wintypes.DWORD()
        if _kernel32().GetConsoleMode(wintypes.HANDLE(handle), ctypes.byref(mode)):
            return int(handle)
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        pass
    return None


def _uses_console_io(stream: TextIO) -> bool:
    """Python itself already writes this stream with the wide-character API."""
    raw = getattr(getattr(stream, "buffer", None), "raw", None)
    return type(raw).__name__ == "_WindowsConsoleIO"


def _kernel32() -> Any:
    if sys.platform != "win32":
        raise OSError("no Windows console here")
    import ctypes

    return ctypes.WinDLL("kernel32", use_last_error=True)


def _write_console(handle: int, text: str) -> None:
    if sys.platform != "win32":
        raise OSError("no Windows console here")
    import ctypes
    from ctypes import wintypes

    data = text.encode("utf-16-le", "replace")
    written = wintypes.DWORD()
    for start in range(0, len(data), _CHUNK * 2):
        chunk = data[start : start + _CHUNK * 2]
        units = len(chunk) // 2
        buf = ctypes.create_string_buffer(chunk, len(chunk))
        ok = _kernel32().WriteConsoleW(
            wintypes.HANDLE(handle), buf, wintypes.DWORD(units), ctypes.byref(written), None
        )
        if not ok:
            raise OSError(ctypes.get_last_error(), "WriteConsoleW failed")


class ConsoleText(io.TextIOBase):
    """A text stream in front of ``target`` that writes any text without failing."""

    def __init__(self, target: TextIO) -> None:
        super().__init__()
        self.target = target
        self.mode_name = "text"
        self._console: int | None = None
        if _uses_console_io(target):
            self.mode_name = "console"
        else:
            handle = _console_handle(target)
            if handle is not None:
                self._console = handle
                self.mode_name = "console"
            elif sys.platform == "win32" and self._to_utf8():
                self.mode_name = "utf-8"

    def _to_utf8(self) -> bool:
        if (getattr(self.target, "encoding", "") or "").lower().replace("_", "-") in (
            "utf-8", "utf8"
        ):
            return True
        reconfigure = getattr(self.target, "reconfigure", None)
        if reconfigure is None:
            return False
        try:
            reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
            return False
        return True

    # -- writing
    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        try:
            if self._console is not None:
                self.target.flush()
                _write_console(self._console, text)
            else:
                self.target.write(text)
        except UnicodeError:
            self._write_replaced(text)
        except (OSError, ValueError):
            pass  # a closed pipe or console: the output is lost, the work is not
        return len(text)

    def _write_replaced(self, text: str) -> None:
        encoding = getattr(self.target, "encoding", None) or "ascii"
        try:
            safe = text.encode(encoding, "replace").decode(encoding, "replace")
        except LookupError:
            safe = text.encode("ascii", "replace").decode("ascii")
        try:
            self.target.write(safe)
        except (OSError, ValueError, UnicodeError):
            pass

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self.target.flush()
        except (OSError, ValueError):
            pass

    # -- what callers ask of a standard stream
    @property
    def encoding(self) -> str:  # type: ignore[override]
        if self.mode_name in ("console", "utf-8"):
            return "utf-8"
        return str(getattr(self.target, "encoding", None) or "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return "replace"

    @property
    def buffer(self) -> Any:
        return self.target.buffer

    def fileno(self) -> int:
        return self.target.fileno()

    def isatty(self) -> bool:
        try:
            return self.target.isatty()
        except (OSError, ValueError):
            return False

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def close(self) -> None:
        self.flush()  # the standard stream stays open: others may still write to it


def wrap(stream: TextIO | None) -> TextIO | None:
    """``stream`` behind a :class:`ConsoleText` (once); ``None`` stays ``None`` (no
    console at all, as in the windowed program)."""
    if stream is None or isinstance(stream, ConsoleText):
        return stream
    return ConsoleText(stream)  # type: ignore[return-value]


def install() -> None:
    """Route ``sys.stdout`` and ``sys.stderr`` through :class:`ConsoleText`."""
    sys.stdout = wrap(sys.stdout)  # type: ignore[assignment]
    sys.stderr = wrap(sys.stderr)  # type: ignore[assignment]
