"""Chinese translations for the GUI and the command line (the app always starts in Chinese)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import resource_path

log = logging.getLogger(__name__)

LOCALE = "zh_CN"


def install_translations(app: QCoreApplication) -> None:
    """Install Qt's own Chinese strings (standard buttons, dialogs) and BranchDesk's."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
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
