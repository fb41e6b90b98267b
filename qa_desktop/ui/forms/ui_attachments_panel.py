# Generated from forms/attachments_panel.ui by pyside6-uic: do not edit; run `make forms`.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'attachments_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget)

class Ui_AttachmentsPanel(object):
    def setupUi(self, AttachmentsPanel):
        if not AttachmentsPanel.objectName():
            AttachmentsPanel.setObjectName(u"AttachmentsPanel")
        self.panelLayout = QVBoxLayout(AttachmentsPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.noticeLabel = QLabel(AttachmentsPanel)
        self.noticeLabel.setObjectName(u"noticeLabel")
        self.noticeLabel.setTextFormat(Qt.PlainText)
        self.noticeLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.noticeLabel)

        self.listLabel = QLabel(AttachmentsPanel)
        self.listLabel.setObjectName(u"listLabel")

        self.panelLayout.addWidget(self.listLabel)

        self.attachmentList = QTreeWidget(AttachmentsPanel)
        self.attachmentList.setObjectName(u"attachmentList")
        self.attachmentList.setAlternatingRowColors(True)
        self.attachmentList.setRootIsDecorated(False)
        self.attachmentList.setUniformRowHeights(True)
        self.attachmentList.setAllColumnsShowFocus(True)
        self.attachmentList.setTextElideMode(Qt.ElideMiddle)

        self.panelLayout.addWidget(self.attachmentList)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.addButton = QPushButton(AttachmentsPanel)
        self.addButton.setObjectName(u"addButton")

        self.buttonRow.addWidget(self.addButton)

        self.openButton = QPushButton(AttachmentsPanel)
        self.openButton.setObjectName(u"openButton")

        self.buttonRow.addWidget(self.openButton)

        self.dropHint = QLabel(AttachmentsPanel)
        self.dropHint.setObjectName(u"dropHint")
        self.dropHint.setTextFormat(Qt.PlainText)
        self.dropHint.setWordWrap(True)

        self.buttonRow.addWidget(self.dropHint)

        self.buttonRow.setStretch(2, 1)

        self.panelLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.listLabel.setBuddy(self.attachmentList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.attachmentList, self.addButton)
        QWidget.setTabOrder(self.addButton, self.openButton)

        self.retranslateUi(AttachmentsPanel)

        QMetaObject.connectSlotsByName(AttachmentsPanel)
    # setupUi

    def retranslateUi(self, AttachmentsPanel):
        AttachmentsPanel.setWindowTitle(QCoreApplication.translate("AttachmentsPanel", u"Attachments", None))
        self.listLabel.setText(QCoreApplication.translate("AttachmentsPanel", u"&Files kept with this incident:", None))
        ___qtreewidgetitem = self.attachmentList.headerItem()
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("AttachmentsPanel", u"Added at", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("AttachmentsPanel", u"Added by", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("AttachmentsPanel", u"SHA-256", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("AttachmentsPanel", u"Size", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("AttachmentsPanel", u"Name", None))
#if QT_CONFIG(accessibility)
        self.attachmentList.setAccessibleName(QCoreApplication.translate("AttachmentsPanel", u"Attachments", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("AttachmentsPanel", u"&Add files\u2026", None))
        self.openButton.setText(QCoreApplication.translate("AttachmentsPanel", u"&Open", None))
        self.dropHint.setText(QCoreApplication.translate("AttachmentsPanel", u"You can also drop files here.", None))
    # retranslateUi

