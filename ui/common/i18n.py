"""Chinese translations for the GUI and the command line (the app always starts in Chinese)."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import MutableMapping

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import resource_path

log = logging.getLogger(__name__)

LOCALE = "zh_CN"
SYSTEM_LOCALE = "zh_CN.UTF-8"

# Qt's own texts that qtbase_zh_CN (Qt 6.8) leaves untranslated: the file dialog's "Type" column
# (QAbstractFileIconProvider::type). Keyed by (context, source text).
QT_SUPPLEMENT = {
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "Shortcut"): "快捷方式",
    ("QAbstractFileIconProvider", "Alias"): "替身",
    ("QAbstractFileIconProvider", "Unknown"): "未知",
}


class _QtSupplement(QTranslator):
    """The few Qt texts missing from qtbase_zh_CN; consulted only after the real catalogs."""

    def translate(  # type: ignore[override]  # None (a null QString): "not translated here"
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # An empty string would be taken as the translation of every text no catalog has.
        return QT_SUPPLEMENT.get((context, source))

    def isEmpty(self) -> bool:
        return False


def use_chinese_system_locale(environ: MutableMapping[str, str] = os.environ) -> None:
    """Make Qt's *system* locale Chinese on Linux, before the QApplication is created.

    ``QLocale.setDefault`` does not reach what Qt formats with ``QLocale::system()``, such as the
    file dialog's dates ("6 Dec 2026") and sizes ("0 bytes"). On Linux Qt reads the system locale
    from the environment once, so a PC whose session is not Chinese gets ``LC_ALL=zh_CN.UTF-8``
    for this process. Windows reads it from the user's settings (Chinese on the PCs we serve).
    """
    if sys.platform in ("win32", "darwin"):
        return
    current = environ.get("LC_ALL") or environ.get("LC_TIME") or environ.get("LANG") or ""
    if not current.startswith("zh"):
        environ["LC_ALL"] = SYSTEM_LOCALE


def install_translations(app: QCoreApplication) -> None:
    """Install Qt's own Chinese strings (standard buttons, dialogs) and BranchDesk's."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    # Installed first, so asked last: only for what no catalog translates.
    app.installTranslator(_QtSupplement(app))
    sources = (
        (f"qtbase_{LOCALE}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"branchdesk_{LOCALE}", str(resource_path("translations"))),
    )
    for name, directory in sources:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
        else:
            log.error("translation %s not found in %s", name, directory)
