"""When the database is damaged: say what happened and offer the newest good backup.

Nothing is ever replaced silently. Restoring needs the officer's click, and
the damaged file is moved into the backups folder rather than deleted.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.storage.backup import BackupInfo, newest_good_backup, restore_backup
from briefing_app.storage.errors import StorageError
from briefing_app.storage.paths import backups_dir

log = logging.getLogger(__name__)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class RecoveryDialog(QDialog):
    """Explains a damaged database and offers to restore ``backup`` (if there is one)."""

    def __init__(self, db_path: Path, problem: str, backup: BackupInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle("Database damaged — Briefing Builder")
        self.setMinimumWidth(560)
        self.db_path = db_path
        self.backup = backup
        layout = QVBoxLayout(self)

        heading = QLabel("<h3>Your database could not be opened safely</h3>", self)
        layout.addWidget(heading)
        what = QLabel(
            f"<p><b>What happened:</b> {_escape(problem)}</p>"
            f"<p>The file is <code>{_escape(str(db_path))}</code>. Nothing has been changed or deleted. "
            "This usually follows a power cut or a copy that did not finish.</p>",
            self,
        )
        what.setObjectName("recoveryProblem")
        layout.addWidget(what)

        if backup is not None:
            offer = QLabel(
                f"<p><b>The newest good backup</b> is from {_escape(backup.label)}:<br>"
                f"<code>{_escape(str(backup.path))}</code></p>"
                "<p>Restoring it puts that copy in place of the damaged file. Work done after the backup "
                "was taken is not in it. The backup is copied and checked first; only then does it take the "
                "damaged file's place, which is kept in the backups folder, not deleted.</p>",
                self,
            )
        else:
            offer = QLabel(
                f"<p><b>No good backup was found</b> in <code>{_escape(str(backups_dir(db_path)))}</code>.</p>"
                "<p>The damaged file stays where it is. Keep it: your IT support may be able to recover it. "
                "To start working, run Briefing Builder with another database file (<code>--db</code>).</p>",
                self,
            )
        offer.setObjectName("recoveryOffer")
        for label in (what, offer):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(offer)

        buttons = QDialogButtonBox(self)
        self.restore_button: QPushButton | None = None
        if backup is not None:
            self.restore_button = buttons.addButton("Restore this backup", QDialogButtonBox.ButtonRole.AcceptRole)
            self.restore_button.setObjectName("restoreBackup")
            self.restore_button.setDefault(True)
        self.quit_button = buttons.addButton("Quit", QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.setObjectName("quitRecovery")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def offer_recovery(db_path: Path, problem: str, parent: QWidget | None = None) -> bool:
    """Show the recovery dialog; returns True once the officer chose a backup and it was restored."""
    backup = newest_good_backup(db_path)
    log.error("Database %s damaged: %s; newest good backup: %s", db_path, problem,
              backup.path if backup else None)
    dialog = RecoveryDialog(db_path, problem, backup, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or backup is None:
        return False
    try:
        kept = restore_backup(db_path, backup.path)
    except (OSError, StorageError) as exc:
        log.exception("Restoring %s failed", backup.path)
        QMessageBox.critical(parent, "Restore failed",
                             f"The backup could not be restored: {exc}\nNothing else was changed.")
        return False
    QMessageBox.information(
        parent, "Backup restored",
        f"The backup from {backup.label} is now your database."
        + (f"\nThe damaged file was kept as {kept}." if kept
           else "\nThere was no room to keep a copy of the damaged file."),
    )
    return True
