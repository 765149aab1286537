"""Compiled translations where the package folder cannot be written (a wheel installed
for all users): they go to the user's cache and are found there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from civicdesk.paths import resources_dir
from civicdesk.ui import i18n


@pytest.fixture()
def catalogs_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    res = tmp_path / "resources"
    shutil.copytree(resources_dir() / "translations", res / "translations",
                    ignore=shutil.ignore_patterns("*.qm"))
    monkeypatch.setenv("CIVICDESK_RESOURCES", str(res))
    monkeypatch.setenv("CIVICDESK_CACHE_DIR", str(tmp_path / "cache"))
    return res / "translations"


def test_unwritable_package_folder_compiles_into_the_cache(catalogs_copy: Path,
                                                           tmp_path: Path) -> None:
    # a folder where the .qm file would go: lrelease cannot write there (even as root)
    for ts in catalogs_copy.glob("*.ts"):
        ts.with_suffix(".qm").mkdir()
    written = i18n.ensure_compiled()
    assert written and all(p.parent == tmp_path / "cache" / "translations" for p in written)
    kk = i18n.qm_files("kk")
    assert {p.name for p in kk} == {p.with_suffix(".qm").name for p in catalogs_copy.glob("*_kk.ts")}
    assert all(QTranslator().load(str(p)) for p in kk)
    assert i18n.ensure_compiled() == []  # found in the cache: nothing compiled again


def test_writable_package_folder_keeps_them_beside_the_catalogs(catalogs_copy: Path) -> None:
    written = i18n.ensure_compiled()
    assert written and all(p.parent == catalogs_copy for p in written)
    assert all(p.parent == catalogs_copy for p in i18n.qm_files("ru"))


def test_a_build_compiles_only_beside_the_catalogs(catalogs_copy: Path) -> None:
    for ts in catalogs_copy.glob("*.ts"):
        ts.with_suffix(".qm").mkdir()
    assert i18n.ensure_compiled(catalogs_copy) == []
    assert i18n.qm_files() == []
