# Generated from forms/conflict_dialog.ui by pyside6-uic: do not edit; run `make forms`.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conflict_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QDialog,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_ConflictDialog(object):
    def setupUi(self, ConflictDialog):
        if not ConflictDialog.objectName():
            ConflictDialog.setObjectName(u"ConflictDialog")
        ConflictDialog.setSizeGripEnabled(True)
        self.dialogLayout = QVBoxLayout(ConflictDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.messageLabel = QLabel(ConflictDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setTextFormat(Qt.PlainText)
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.messageLabel)

        self.tableLabel = QLabel(ConflictDialog)
        self.tableLabel.setObjectName(u"tableLabel")
        self.tableLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.tableLabel)

        self.comparisonTable = QTableWidget(ConflictDialog)
        if (self.comparisonTable.columnCount() < 3):
            self.comparisonTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.comparisonTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.comparisonTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.comparisonTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.comparisonTable.setObjectName(u"comparisonTable")
        self.comparisonTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.comparisonTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.comparisonTable.setWordWrap(True)
        self.comparisonTable.setTextElideMode(Qt.ElideRight)

        self.dialogLayout.addWidget(self.comparisonTable)

        self.differencesOnly = QCheckBox(ConflictDialog)
        self.differencesOnly.setObjectName(u"differencesOnly")
        self.differencesOnly.setChecked(True)

        self.dialogLayout.addWidget(self.differencesOnly)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.reloadButton = QPushButton(ConflictDialog)
        self.reloadButton.setObjectName(u"reloadButton")

        self.buttonRow.addWidget(self.reloadButton)

        self.keepEditingButton = QPushButton(ConflictDialog)
        self.keepEditingButton.setObjectName(u"keepEditingButton")

        self.buttonRow.addWidget(self.keepEditingButton)


        self.dialogLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.tableLabel.setBuddy(self.comparisonTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.comparisonTable, self.differencesOnly)
        QWidget.setTabOrder(self.differencesOnly, self.reloadButton)
        QWidget.setTabOrder(self.reloadButton, self.keepEditingButton)

        self.retranslateUi(ConflictDialog)

        self.keepEditingButton.setDefault(True)


        QMetaObject.connectSlotsByName(ConflictDialog)
    # setupUi

    def retranslateUi(self, ConflictDialog):
        ConflictDialog.setWindowTitle(QCoreApplication.translate("ConflictDialog", u"Someone else saved this incident", None))
        self.tableLabel.setText(QCoreApplication.translate("ConflictDialog", u"&Both versions side by side (differences are marked \u2260):", None))
        ___qtablewidgetitem = self.comparisonTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ConflictDialog", u"Field", None))
        ___qtablewidgetitem1 = self.comparisonTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ConflictDialog", u"Your version", None))
        ___qtablewidgetitem2 = self.comparisonTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ConflictDialog", u"Their version", None))
#if QT_CONFIG(accessibility)
        self.comparisonTable.setAccessibleName(QCoreApplication.translate("ConflictDialog", u"Your version and their version", None))
#endif // QT_CONFIG(accessibility)
        self.differencesOnly.setText(QCoreApplication.translate("ConflictDialog", u"Show only the &differences", None))
        self.reloadButton.setText(QCoreApplication.translate("ConflictDialog", u"&Reload their version", None))
        self.keepEditingButton.setText(QCoreApplication.translate("ConflictDialog", u"&Keep editing mine", None))
    # retranslateUi

