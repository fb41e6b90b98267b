# Generated from forms/incident_editor.ui by pyside6-uic: do not edit; run `make forms`.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'incident_editor.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateTimeEdit, QFormLayout, QFrame, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSpinBox, QTabWidget, QVBoxLayout,
    QWidget)

class Ui_IncidentEditor(object):
    def setupUi(self, IncidentEditor):
        if not IncidentEditor.objectName():
            IncidentEditor.setObjectName(u"IncidentEditor")
        self.editorLayout = QVBoxLayout(IncidentEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.headerLabel = QLabel(IncidentEditor)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setTextFormat(Qt.PlainText)
        self.headerLabel.setWordWrap(True)
        self.headerLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.editorLayout.addWidget(self.headerLabel)

        self.tabs = QTabWidget(IncidentEditor)
        self.tabs.setObjectName(u"tabs")
        self.factsTab = QWidget()
        self.factsTab.setObjectName(u"factsTab")
        self.factsTabLayout = QVBoxLayout(self.factsTab)
        self.factsTabLayout.setObjectName(u"factsTabLayout")
        self.factsScroll = QScrollArea(self.factsTab)
        self.factsScroll.setObjectName(u"factsScroll")
        self.factsScroll.setFrameShape(QFrame.NoFrame)
        self.factsScroll.setWidgetResizable(True)
        self.factsPage = QWidget()
        self.factsPage.setObjectName(u"factsPage")
        self.factsForm = QFormLayout(self.factsPage)
        self.factsForm.setObjectName(u"factsForm")
        self.factsForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.referenceLabel = QLabel(self.factsPage)
        self.referenceLabel.setObjectName(u"referenceLabel")

        self.factsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.referenceLabel)

        self.referenceCell = QVBoxLayout()
        self.referenceCell.setSpacing(2)
        self.referenceCell.setObjectName(u"referenceCell")
        self.referenceLine = QHBoxLayout()
        self.referenceLine.setObjectName(u"referenceLine")
        self.referenceEdit = QLineEdit(self.factsPage)
        self.referenceEdit.setObjectName(u"referenceEdit")

        self.referenceLine.addWidget(self.referenceEdit)

        self.referenceCount = QLabel(self.factsPage)
        self.referenceCount.setObjectName(u"referenceCount")
        self.referenceCount.setTextFormat(Qt.PlainText)
        self.referenceCount.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.referenceLine.addWidget(self.referenceCount)


        self.referenceCell.addLayout(self.referenceLine)

        self.referenceError = QLabel(self.factsPage)
        self.referenceError.setObjectName(u"referenceError")
        self.referenceError.setTextFormat(Qt.PlainText)
        self.referenceError.setWordWrap(True)
        self.referenceError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.referenceCell.addWidget(self.referenceError)


        self.factsForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.referenceCell)

        self.titleLabel = QLabel(self.factsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.factsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleCell = QVBoxLayout()
        self.titleCell.setSpacing(2)
        self.titleCell.setObjectName(u"titleCell")
        self.titleLine = QHBoxLayout()
        self.titleLine.setObjectName(u"titleLine")
        self.titleEdit = QLineEdit(self.factsPage)
        self.titleEdit.setObjectName(u"titleEdit")

        self.titleLine.addWidget(self.titleEdit)

        self.titleCount = QLabel(self.factsPage)
        self.titleCount.setObjectName(u"titleCount")
        self.titleCount.setTextFormat(Qt.PlainText)
        self.titleCount.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.titleLine.addWidget(self.titleCount)


        self.titleCell.addLayout(self.titleLine)

        self.titleError = QLabel(self.factsPage)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setTextFormat(Qt.PlainText)
        self.titleError.setWordWrap(True)
        self.titleError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.titleCell.addWidget(self.titleError)


        self.factsForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.titleCell)

        self.productNameLabel = QLabel(self.factsPage)
        self.productNameLabel.setObjectName(u"productNameLabel")

        self.factsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.productNameLabel)

        self.productNameCell = QVBoxLayout()
        self.productNameCell.setSpacing(2)
        self.productNameCell.setObjectName(u"productNameCell")
        self.productNameLine = QHBoxLayout()
        self.productNameLine.setObjectName(u"productNameLine")
        self.productNameEdit = QLineEdit(self.factsPage)
        self.productNameEdit.setObjectName(u"productNameEdit")

        self.productNameLine.addWidget(self.productNameEdit)

        self.productNameCount = QLabel(self.factsPage)
        self.productNameCount.setObjectName(u"productNameCount")
        self.productNameCount.setTextFormat(Qt.PlainText)
        self.productNameCount.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.productNameLine.addWidget(self.productNameCount)


        self.productNameCell.addLayout(self.productNameLine)

        self.productNameError = QLabel(self.factsPage)
        self.productNameError.setObjectName(u"productNameError")
        self.productNameError.setTextFormat(Qt.PlainText)
        self.productNameError.setWordWrap(True)
        self.productNameError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.productNameCell.addWidget(self.productNameError)


        self.factsForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.productNameCell)

        self.modelLabel = QLabel(self.factsPage)
        self.modelLabel.setObjectName(u"modelLabel")

        self.factsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.modelLabel)

        self.modelCell = QVBoxLayout()
        self.modelCell.setSpacing(2)
        self.modelCell.setObjectName(u"modelCell")
        self.modelLine = QHBoxLayout()
        self.modelLine.setObjectName(u"modelLine")
        self.modelEdit = QLineEdit(self.factsPage)
        self.modelEdit.setObjectName(u"modelEdit")

        self.modelLine.addWidget(self.modelEdit)

        self.modelCount = QLabel(self.factsPage)
        self.modelCount.setObjectName(u"modelCount")
        self.modelCount.setTextFormat(Qt.PlainText)
        self.modelCount.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.modelLine.addWidget(self.modelCount)


        self.modelCell.addLayout(self.modelLine)

        self.modelError = QLabel(self.factsPage)
        self.modelError.setObjectName(u"modelError")
        self.modelError.setTextFormat(Qt.PlainText)
        self.modelError.setWordWrap(True)
        self.modelError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.modelCell.addWidget(self.modelError)


        self.factsForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.modelCell)

        self.unitsInFieldLabel = QLabel(self.factsPage)
        self.unitsInFieldLabel.setObjectName(u"unitsInFieldLabel")

        self.factsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.unitsInFieldLabel)

        self.unitsInFieldCell = QVBoxLayout()
        self.unitsInFieldCell.setSpacing(2)
        self.unitsInFieldCell.setObjectName(u"unitsInFieldCell")
        self.unitsInFieldLine = QHBoxLayout()
        self.unitsInFieldLine.setObjectName(u"unitsInFieldLine")
        self.unitsInFieldSpin = QSpinBox(self.factsPage)
        self.unitsInFieldSpin.setObjectName(u"unitsInFieldSpin")
        self.unitsInFieldSpin.setMaximum(2147483647)
        self.unitsInFieldSpin.setGroupSeparatorShown(True)
        self.unitsInFieldSpin.setAccelerated(True)

        self.unitsInFieldLine.addWidget(self.unitsInFieldSpin)

        self.unitsInFieldSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unitsInFieldLine.addItem(self.unitsInFieldSpacer)


        self.unitsInFieldCell.addLayout(self.unitsInFieldLine)

        self.unitsInFieldError = QLabel(self.factsPage)
        self.unitsInFieldError.setObjectName(u"unitsInFieldError")
        self.unitsInFieldError.setTextFormat(Qt.PlainText)
        self.unitsInFieldError.setWordWrap(True)
        self.unitsInFieldError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.unitsInFieldCell.addWidget(self.unitsInFieldError)


        self.factsForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.unitsInFieldCell)

        self.sourceLabel = QLabel(self.factsPage)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.factsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceCell = QVBoxLayout()
        self.sourceCell.setSpacing(2)
        self.sourceCell.setObjectName(u"sourceCell")
        self.sourceLine = QHBoxLayout()
        self.sourceLine.setObjectName(u"sourceLine")
        self.sourceCombo = QComboBox(self.factsPage)
        self.sourceCombo.setObjectName(u"sourceCombo")

        self.sourceLine.addWidget(self.sourceCombo)

        self.sourceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sourceLine.addItem(self.sourceSpacer)


        self.sourceCell.addLayout(self.sourceLine)

        self.sourceError = QLabel(self.factsPage)
        self.sourceError.setObjectName(u"sourceError")
        self.sourceError.setTextFormat(Qt.PlainText)
        self.sourceError.setWordWrap(True)
        self.sourceError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.sourceCell.addWidget(self.sourceError)


        self.factsForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.sourceCell)

        self.countryLabel = QLabel(self.factsPage)
        self.countryLabel.setObjectName(u"countryLabel")

        self.factsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.countryLabel)

        self.countryCell = QVBoxLayout()
        self.countryCell.setSpacing(2)
        self.countryCell.setObjectName(u"countryCell")
        self.countryLine = QHBoxLayout()
        self.countryLine.setObjectName(u"countryLine")
        self.countryCombo = QComboBox(self.factsPage)
        self.countryCombo.setObjectName(u"countryCombo")
        self.countryCombo.setEditable(True)
        self.countryCombo.setInsertPolicy(QComboBox.NoInsert)

        self.countryLine.addWidget(self.countryCombo)


        self.countryCell.addLayout(self.countryLine)

        self.countryError = QLabel(self.factsPage)
        self.countryError.setObjectName(u"countryError")
        self.countryError.setTextFormat(Qt.PlainText)
        self.countryError.setWordWrap(True)
        self.countryError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.countryCell.addWidget(self.countryError)


        self.factsForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.countryCell)

        self.marketsLabel = QLabel(self.factsPage)
        self.marketsLabel.setObjectName(u"marketsLabel")

        self.factsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.marketsLabel)

        self.marketsCell = QVBoxLayout()
        self.marketsCell.setSpacing(2)
        self.marketsCell.setObjectName(u"marketsCell")
        self.marketsLine = QHBoxLayout()
        self.marketsLine.setObjectName(u"marketsLine")
        self.marketsEdit = QLineEdit(self.factsPage)
        self.marketsEdit.setObjectName(u"marketsEdit")

        self.marketsLine.addWidget(self.marketsEdit)


        self.marketsCell.addLayout(self.marketsLine)

        self.marketsNames = QLabel(self.factsPage)
        self.marketsNames.setObjectName(u"marketsNames")
        self.marketsNames.setTextFormat(Qt.PlainText)
        self.marketsNames.setWordWrap(True)

        self.marketsCell.addWidget(self.marketsNames)

        self.marketsError = QLabel(self.factsPage)
        self.marketsError.setObjectName(u"marketsError")
        self.marketsError.setTextFormat(Qt.PlainText)
        self.marketsError.setWordWrap(True)
        self.marketsError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.marketsCell.addWidget(self.marketsError)


        self.factsForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.marketsCell)

        self.serialRangesLabel = QLabel(self.factsPage)
        self.serialRangesLabel.setObjectName(u"serialRangesLabel")

        self.factsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.serialRangesLabel)

        self.serialRangesCell = QVBoxLayout()
        self.serialRangesCell.setSpacing(2)
        self.serialRangesCell.setObjectName(u"serialRangesCell")
        self.serialRangesEdit = QPlainTextEdit(self.factsPage)
        self.serialRangesEdit.setObjectName(u"serialRangesEdit")
        self.serialRangesEdit.setTabChangesFocus(True)

        self.serialRangesCell.addWidget(self.serialRangesEdit)

        self.serialRangesCount = QLabel(self.factsPage)
        self.serialRangesCount.setObjectName(u"serialRangesCount")
        self.serialRangesCount.setTextFormat(Qt.PlainText)
        self.serialRangesCount.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.serialRangesCell.addWidget(self.serialRangesCount)

        self.serialRangesError = QLabel(self.factsPage)
        self.serialRangesError.setObjectName(u"serialRangesError")
        self.serialRangesError.setTextFormat(Qt.PlainText)
        self.serialRangesError.setWordWrap(True)
        self.serialRangesError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.serialRangesCell.addWidget(self.serialRangesError)


        self.factsForm.setLayout(8, QFormLayout.ItemRole.FieldRole, self.serialRangesCell)

        self.descriptionLabel = QLabel(self.factsPage)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.factsForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionCell = QVBoxLayout()
        self.descriptionCell.setSpacing(2)
        self.descriptionCell.setObjectName(u"descriptionCell")
        self.descriptionEdit = QPlainTextEdit(self.factsPage)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.descriptionCell.addWidget(self.descriptionEdit)

        self.descriptionCount = QLabel(self.factsPage)
        self.descriptionCount.setObjectName(u"descriptionCount")
        self.descriptionCount.setTextFormat(Qt.PlainText)
        self.descriptionCount.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.descriptionCell.addWidget(self.descriptionCount)

        self.descriptionError = QLabel(self.factsPage)
        self.descriptionError.setObjectName(u"descriptionError")
        self.descriptionError.setTextFormat(Qt.PlainText)
        self.descriptionError.setWordWrap(True)
        self.descriptionError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.descriptionCell.addWidget(self.descriptionError)


        self.factsForm.setLayout(9, QFormLayout.ItemRole.FieldRole, self.descriptionCell)

        self.factsScroll.setWidget(self.factsPage)

        self.factsTabLayout.addWidget(self.factsScroll)

        self.tabs.addTab(self.factsTab, "")
        self.harmTab = QWidget()
        self.harmTab.setObjectName(u"harmTab")
        self.harmTabLayout = QVBoxLayout(self.harmTab)
        self.harmTabLayout.setObjectName(u"harmTabLayout")
        self.harmScroll = QScrollArea(self.harmTab)
        self.harmScroll.setObjectName(u"harmScroll")
        self.harmScroll.setFrameShape(QFrame.NoFrame)
        self.harmScroll.setWidgetResizable(True)
        self.harmPage = QWidget()
        self.harmPage.setObjectName(u"harmPage")
        self.harmForm = QFormLayout(self.harmPage)
        self.harmForm.setObjectName(u"harmForm")
        self.harmForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.deathsLabel = QLabel(self.harmPage)
        self.deathsLabel.setObjectName(u"deathsLabel")

        self.harmForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.deathsLabel)

        self.deathsCell = QVBoxLayout()
        self.deathsCell.setSpacing(2)
        self.deathsCell.setObjectName(u"deathsCell")
        self.deathsLine = QHBoxLayout()
        self.deathsLine.setObjectName(u"deathsLine")
        self.deathsSpin = QSpinBox(self.harmPage)
        self.deathsSpin.setObjectName(u"deathsSpin")
        self.deathsSpin.setMaximum(2147483647)
        self.deathsSpin.setGroupSeparatorShown(True)
        self.deathsSpin.setAccelerated(True)

        self.deathsLine.addWidget(self.deathsSpin)

        self.deathsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.deathsLine.addItem(self.deathsSpacer)


        self.deathsCell.addLayout(self.deathsLine)

        self.deathsError = QLabel(self.harmPage)
        self.deathsError.setObjectName(u"deathsError")
        self.deathsError.setTextFormat(Qt.PlainText)
        self.deathsError.setWordWrap(True)
        self.deathsError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.deathsCell.addWidget(self.deathsError)


        self.harmForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.deathsCell)

        self.injuriesLabel = QLabel(self.harmPage)
        self.injuriesLabel.setObjectName(u"injuriesLabel")

        self.harmForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.injuriesLabel)

        self.injuriesCell = QVBoxLayout()
        self.injuriesCell.setSpacing(2)
        self.injuriesCell.setObjectName(u"injuriesCell")
        self.injuriesLine = QHBoxLayout()
        self.injuriesLine.setObjectName(u"injuriesLine")
        self.injuriesSpin = QSpinBox(self.harmPage)
        self.injuriesSpin.setObjectName(u"injuriesSpin")
        self.injuriesSpin.setMaximum(2147483647)
        self.injuriesSpin.setGroupSeparatorShown(True)
        self.injuriesSpin.setAccelerated(True)

        self.injuriesLine.addWidget(self.injuriesSpin)

        self.injuriesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.injuriesLine.addItem(self.injuriesSpacer)


        self.injuriesCell.addLayout(self.injuriesLine)

        self.injuriesError = QLabel(self.harmPage)
        self.injuriesError.setObjectName(u"injuriesError")
        self.injuriesError.setTextFormat(Qt.PlainText)
        self.injuriesError.setWordWrap(True)
        self.injuriesError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.injuriesCell.addWidget(self.injuriesError)


        self.harmForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.injuriesCell)

        self.maxTreatmentDaysLabel = QLabel(self.harmPage)
        self.maxTreatmentDaysLabel.setObjectName(u"maxTreatmentDaysLabel")

        self.harmForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.maxTreatmentDaysLabel)

        self.maxTreatmentDaysCell = QVBoxLayout()
        self.maxTreatmentDaysCell.setSpacing(2)
        self.maxTreatmentDaysCell.setObjectName(u"maxTreatmentDaysCell")
        self.maxTreatmentDaysLine = QHBoxLayout()
        self.maxTreatmentDaysLine.setObjectName(u"maxTreatmentDaysLine")
        self.maxTreatmentDaysSpin = QSpinBox(self.harmPage)
        self.maxTreatmentDaysSpin.setObjectName(u"maxTreatmentDaysSpin")
        self.maxTreatmentDaysSpin.setMaximum(2147483647)
        self.maxTreatmentDaysSpin.setGroupSeparatorShown(True)
        self.maxTreatmentDaysSpin.setAccelerated(True)

        self.maxTreatmentDaysLine.addWidget(self.maxTreatmentDaysSpin)

        self.maxTreatmentDaysSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.maxTreatmentDaysLine.addItem(self.maxTreatmentDaysSpacer)


        self.maxTreatmentDaysCell.addLayout(self.maxTreatmentDaysLine)

        self.maxTreatmentDaysError = QLabel(self.harmPage)
        self.maxTreatmentDaysError.setObjectName(u"maxTreatmentDaysError")
        self.maxTreatmentDaysError.setTextFormat(Qt.PlainText)
        self.maxTreatmentDaysError.setWordWrap(True)
        self.maxTreatmentDaysError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.maxTreatmentDaysCell.addWidget(self.maxTreatmentDaysError)


        self.harmForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.maxTreatmentDaysCell)

        self.permanentDisabilityCell = QVBoxLayout()
        self.permanentDisabilityCell.setSpacing(2)
        self.permanentDisabilityCell.setObjectName(u"permanentDisabilityCell")
        self.permanentDisabilityLine = QHBoxLayout()
        self.permanentDisabilityLine.setObjectName(u"permanentDisabilityLine")
        self.permanentDisabilityCheck = QCheckBox(self.harmPage)
        self.permanentDisabilityCheck.setObjectName(u"permanentDisabilityCheck")

        self.permanentDisabilityLine.addWidget(self.permanentDisabilityCheck)

        self.permanentDisabilitySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.permanentDisabilityLine.addItem(self.permanentDisabilitySpacer)


        self.permanentDisabilityCell.addLayout(self.permanentDisabilityLine)

        self.permanentDisabilityError = QLabel(self.harmPage)
        self.permanentDisabilityError.setObjectName(u"permanentDisabilityError")
        self.permanentDisabilityError.setTextFormat(Qt.PlainText)
        self.permanentDisabilityError.setWordWrap(True)
        self.permanentDisabilityError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.permanentDisabilityCell.addWidget(self.permanentDisabilityError)


        self.harmForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.permanentDisabilityCell)

        self.coPoisoningCell = QVBoxLayout()
        self.coPoisoningCell.setSpacing(2)
        self.coPoisoningCell.setObjectName(u"coPoisoningCell")
        self.coPoisoningLine = QHBoxLayout()
        self.coPoisoningLine.setObjectName(u"coPoisoningLine")
        self.coPoisoningCheck = QCheckBox(self.harmPage)
        self.coPoisoningCheck.setObjectName(u"coPoisoningCheck")

        self.coPoisoningLine.addWidget(self.coPoisoningCheck)

        self.coPoisoningSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.coPoisoningLine.addItem(self.coPoisoningSpacer)


        self.coPoisoningCell.addLayout(self.coPoisoningLine)

        self.coPoisoningError = QLabel(self.harmPage)
        self.coPoisoningError.setObjectName(u"coPoisoningError")
        self.coPoisoningError.setTextFormat(Qt.PlainText)
        self.coPoisoningError.setWordWrap(True)
        self.coPoisoningError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.coPoisoningCell.addWidget(self.coPoisoningError)


        self.harmForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.coPoisoningCell)

        self.fireCell = QVBoxLayout()
        self.fireCell.setSpacing(2)
        self.fireCell.setObjectName(u"fireCell")
        self.fireLine = QHBoxLayout()
        self.fireLine.setObjectName(u"fireLine")
        self.fireCheck = QCheckBox(self.harmPage)
        self.fireCheck.setObjectName(u"fireCheck")

        self.fireLine.addWidget(self.fireCheck)

        self.fireSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fireLine.addItem(self.fireSpacer)


        self.fireCell.addLayout(self.fireLine)

        self.fireError = QLabel(self.harmPage)
        self.fireError.setObjectName(u"fireError")
        self.fireError.setTextFormat(Qt.PlainText)
        self.fireError.setWordWrap(True)
        self.fireError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fireCell.addWidget(self.fireError)


        self.harmForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.fireCell)

        self.fireServiceConfirmedCell = QVBoxLayout()
        self.fireServiceConfirmedCell.setSpacing(2)
        self.fireServiceConfirmedCell.setObjectName(u"fireServiceConfirmedCell")
        self.fireServiceConfirmedLine = QHBoxLayout()
        self.fireServiceConfirmedLine.setObjectName(u"fireServiceConfirmedLine")
        self.fireServiceConfirmedCheck = QCheckBox(self.harmPage)
        self.fireServiceConfirmedCheck.setObjectName(u"fireServiceConfirmedCheck")

        self.fireServiceConfirmedLine.addWidget(self.fireServiceConfirmedCheck)

        self.fireServiceConfirmedSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fireServiceConfirmedLine.addItem(self.fireServiceConfirmedSpacer)


        self.fireServiceConfirmedCell.addLayout(self.fireServiceConfirmedLine)

        self.fireServiceConfirmedError = QLabel(self.harmPage)
        self.fireServiceConfirmedError.setObjectName(u"fireServiceConfirmedError")
        self.fireServiceConfirmedError.setTextFormat(Qt.PlainText)
        self.fireServiceConfirmedError.setWordWrap(True)
        self.fireServiceConfirmedError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fireServiceConfirmedCell.addWidget(self.fireServiceConfirmedError)


        self.harmForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.fireServiceConfirmedCell)

        self.propertyDamageCell = QVBoxLayout()
        self.propertyDamageCell.setSpacing(2)
        self.propertyDamageCell.setObjectName(u"propertyDamageCell")
        self.propertyDamageLine = QHBoxLayout()
        self.propertyDamageLine.setObjectName(u"propertyDamageLine")
        self.propertyDamageCheck = QCheckBox(self.harmPage)
        self.propertyDamageCheck.setObjectName(u"propertyDamageCheck")

        self.propertyDamageLine.addWidget(self.propertyDamageCheck)

        self.propertyDamageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.propertyDamageLine.addItem(self.propertyDamageSpacer)


        self.propertyDamageCell.addLayout(self.propertyDamageLine)

        self.propertyDamageError = QLabel(self.harmPage)
        self.propertyDamageError.setObjectName(u"propertyDamageError")
        self.propertyDamageError.setTextFormat(Qt.PlainText)
        self.propertyDamageError.setWordWrap(True)
        self.propertyDamageError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.propertyDamageCell.addWidget(self.propertyDamageError)


        self.harmForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.propertyDamageCell)

        self.harmScroll.setWidget(self.harmPage)

        self.harmTabLayout.addWidget(self.harmScroll)

        self.tabs.addTab(self.harmTab, "")
        self.datesTab = QWidget()
        self.datesTab.setObjectName(u"datesTab")
        self.datesTabLayout = QVBoxLayout(self.datesTab)
        self.datesTabLayout.setObjectName(u"datesTabLayout")
        self.timeZoneNote = QLabel(self.datesTab)
        self.timeZoneNote.setObjectName(u"timeZoneNote")
        self.timeZoneNote.setTextFormat(Qt.PlainText)
        self.timeZoneNote.setWordWrap(True)

        self.datesTabLayout.addWidget(self.timeZoneNote)

        self.datesScroll = QScrollArea(self.datesTab)
        self.datesScroll.setObjectName(u"datesScroll")
        self.datesScroll.setFrameShape(QFrame.NoFrame)
        self.datesScroll.setWidgetResizable(True)
        self.datesPage = QWidget()
        self.datesPage.setObjectName(u"datesPage")
        self.datesForm = QFormLayout(self.datesPage)
        self.datesForm.setObjectName(u"datesForm")
        self.datesForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.occurredAtLabel = QLabel(self.datesPage)
        self.occurredAtLabel.setObjectName(u"occurredAtLabel")

        self.datesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.occurredAtLabel)

        self.occurredAtCell = QVBoxLayout()
        self.occurredAtCell.setSpacing(2)
        self.occurredAtCell.setObjectName(u"occurredAtCell")
        self.occurredAtLine = QHBoxLayout()
        self.occurredAtLine.setObjectName(u"occurredAtLine")
        self.occurredAtEdit = QDateTimeEdit(self.datesPage)
        self.occurredAtEdit.setObjectName(u"occurredAtEdit")
        self.occurredAtEdit.setCalendarPopup(True)

        self.occurredAtLine.addWidget(self.occurredAtEdit)

        self.occurredAtKnown = QCheckBox(self.datesPage)
        self.occurredAtKnown.setObjectName(u"occurredAtKnown")

        self.occurredAtLine.addWidget(self.occurredAtKnown)

        self.occurredAtSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.occurredAtLine.addItem(self.occurredAtSpacer)


        self.occurredAtCell.addLayout(self.occurredAtLine)

        self.occurredAtError = QLabel(self.datesPage)
        self.occurredAtError.setObjectName(u"occurredAtError")
        self.occurredAtError.setTextFormat(Qt.PlainText)
        self.occurredAtError.setWordWrap(True)
        self.occurredAtError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.occurredAtCell.addWidget(self.occurredAtError)


        self.datesForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.occurredAtCell)

        self.firstKnownAtLabel = QLabel(self.datesPage)
        self.firstKnownAtLabel.setObjectName(u"firstKnownAtLabel")

        self.datesForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.firstKnownAtLabel)

        self.firstKnownAtCell = QVBoxLayout()
        self.firstKnownAtCell.setSpacing(2)
        self.firstKnownAtCell.setObjectName(u"firstKnownAtCell")
        self.firstKnownAtLine = QHBoxLayout()
        self.firstKnownAtLine.setObjectName(u"firstKnownAtLine")
        self.firstKnownAtEdit = QDateTimeEdit(self.datesPage)
        self.firstKnownAtEdit.setObjectName(u"firstKnownAtEdit")
        self.firstKnownAtEdit.setCalendarPopup(True)

        self.firstKnownAtLine.addWidget(self.firstKnownAtEdit)

        self.firstKnownAtSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.firstKnownAtLine.addItem(self.firstKnownAtSpacer)


        self.firstKnownAtCell.addLayout(self.firstKnownAtLine)

        self.firstKnownAtError = QLabel(self.datesPage)
        self.firstKnownAtError.setObjectName(u"firstKnownAtError")
        self.firstKnownAtError.setTextFormat(Qt.PlainText)
        self.firstKnownAtError.setWordWrap(True)
        self.firstKnownAtError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.firstKnownAtCell.addWidget(self.firstKnownAtError)


        self.datesForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.firstKnownAtCell)

        self.qaAwareAtLabel = QLabel(self.datesPage)
        self.qaAwareAtLabel.setObjectName(u"qaAwareAtLabel")

        self.datesForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.qaAwareAtLabel)

        self.qaAwareAtCell = QVBoxLayout()
        self.qaAwareAtCell.setSpacing(2)
        self.qaAwareAtCell.setObjectName(u"qaAwareAtCell")
        self.qaAwareAtLine = QHBoxLayout()
        self.qaAwareAtLine.setObjectName(u"qaAwareAtLine")
        self.qaAwareAtEdit = QDateTimeEdit(self.datesPage)
        self.qaAwareAtEdit.setObjectName(u"qaAwareAtEdit")
        self.qaAwareAtEdit.setCalendarPopup(True)

        self.qaAwareAtLine.addWidget(self.qaAwareAtEdit)

        self.qaAwareAtKnown = QCheckBox(self.datesPage)
        self.qaAwareAtKnown.setObjectName(u"qaAwareAtKnown")

        self.qaAwareAtLine.addWidget(self.qaAwareAtKnown)

        self.qaAwareAtSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.qaAwareAtLine.addItem(self.qaAwareAtSpacer)


        self.qaAwareAtCell.addLayout(self.qaAwareAtLine)

        self.qaAwareAtError = QLabel(self.datesPage)
        self.qaAwareAtError.setObjectName(u"qaAwareAtError")
        self.qaAwareAtError.setTextFormat(Qt.PlainText)
        self.qaAwareAtError.setWordWrap(True)
        self.qaAwareAtError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.qaAwareAtCell.addWidget(self.qaAwareAtError)


        self.datesForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.qaAwareAtCell)

        self.statusLabel = QLabel(self.datesPage)
        self.statusLabel.setObjectName(u"statusLabel")

        self.datesForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCell = QVBoxLayout()
        self.statusCell.setSpacing(2)
        self.statusCell.setObjectName(u"statusCell")
        self.statusLine = QHBoxLayout()
        self.statusLine.setObjectName(u"statusLine")
        self.statusCombo = QComboBox(self.datesPage)
        self.statusCombo.setObjectName(u"statusCombo")

        self.statusLine.addWidget(self.statusCombo)

        self.statusSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.statusLine.addItem(self.statusSpacer)


        self.statusCell.addLayout(self.statusLine)

        self.statusError = QLabel(self.datesPage)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setTextFormat(Qt.PlainText)
        self.statusError.setWordWrap(True)
        self.statusError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.statusCell.addWidget(self.statusError)


        self.datesForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.statusCell)

        self.severityLabel = QLabel(self.datesPage)
        self.severityLabel.setObjectName(u"severityLabel")

        self.datesForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.severityLabel)

        self.severityCell = QVBoxLayout()
        self.severityCell.setSpacing(2)
        self.severityCell.setObjectName(u"severityCell")
        self.severityLine = QHBoxLayout()
        self.severityLine.setObjectName(u"severityLine")
        self.severityCombo = QComboBox(self.datesPage)
        self.severityCombo.setObjectName(u"severityCombo")

        self.severityLine.addWidget(self.severityCombo)

        self.severitySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.severityLine.addItem(self.severitySpacer)


        self.severityCell.addLayout(self.severityLine)

        self.severityError = QLabel(self.datesPage)
        self.severityError.setObjectName(u"severityError")
        self.severityError.setTextFormat(Qt.PlainText)
        self.severityError.setWordWrap(True)
        self.severityError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.severityCell.addWidget(self.severityError)


        self.datesForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.severityCell)

        self.businessUnitLabel = QLabel(self.datesPage)
        self.businessUnitLabel.setObjectName(u"businessUnitLabel")

        self.datesForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.businessUnitLabel)

        self.businessUnitCell = QVBoxLayout()
        self.businessUnitCell.setSpacing(2)
        self.businessUnitCell.setObjectName(u"businessUnitCell")
        self.businessUnitLine = QHBoxLayout()
        self.businessUnitLine.setObjectName(u"businessUnitLine")
        self.businessUnitEdit = QLineEdit(self.datesPage)
        self.businessUnitEdit.setObjectName(u"businessUnitEdit")

        self.businessUnitLine.addWidget(self.businessUnitEdit)

        self.businessUnitCount = QLabel(self.datesPage)
        self.businessUnitCount.setObjectName(u"businessUnitCount")
        self.businessUnitCount.setTextFormat(Qt.PlainText)
        self.businessUnitCount.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.businessUnitLine.addWidget(self.businessUnitCount)


        self.businessUnitCell.addLayout(self.businessUnitLine)

        self.businessUnitError = QLabel(self.datesPage)
        self.businessUnitError.setObjectName(u"businessUnitError")
        self.businessUnitError.setTextFormat(Qt.PlainText)
        self.businessUnitError.setWordWrap(True)
        self.businessUnitError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.businessUnitCell.addWidget(self.businessUnitError)


        self.datesForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.businessUnitCell)

        self.qaOwnerLabel = QLabel(self.datesPage)
        self.qaOwnerLabel.setObjectName(u"qaOwnerLabel")

        self.datesForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.qaOwnerLabel)

        self.qaOwnerCell = QVBoxLayout()
        self.qaOwnerCell.setSpacing(2)
        self.qaOwnerCell.setObjectName(u"qaOwnerCell")
        self.qaOwnerLine = QHBoxLayout()
        self.qaOwnerLine.setObjectName(u"qaOwnerLine")
        self.qaOwnerEdit = QLineEdit(self.datesPage)
        self.qaOwnerEdit.setObjectName(u"qaOwnerEdit")

        self.qaOwnerLine.addWidget(self.qaOwnerEdit)

        self.qaOwnerCount = QLabel(self.datesPage)
        self.qaOwnerCount.setObjectName(u"qaOwnerCount")
        self.qaOwnerCount.setTextFormat(Qt.PlainText)
        self.qaOwnerCount.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.qaOwnerLine.addWidget(self.qaOwnerCount)


        self.qaOwnerCell.addLayout(self.qaOwnerLine)

        self.qaOwnerError = QLabel(self.datesPage)
        self.qaOwnerError.setObjectName(u"qaOwnerError")
        self.qaOwnerError.setTextFormat(Qt.PlainText)
        self.qaOwnerError.setWordWrap(True)
        self.qaOwnerError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.qaOwnerCell.addWidget(self.qaOwnerError)


        self.datesForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.qaOwnerCell)

        self.datesScroll.setWidget(self.datesPage)

        self.datesTabLayout.addWidget(self.datesScroll)

        self.tabs.addTab(self.datesTab, "")
        self.attachmentsTab = QWidget()
        self.attachmentsTab.setObjectName(u"attachmentsTab")
        self.attachmentsTabLayout = QVBoxLayout(self.attachmentsTab)
        self.attachmentsTabLayout.setObjectName(u"attachmentsTabLayout")
        self.tabs.addTab(self.attachmentsTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyTabLayout = QVBoxLayout(self.historyTab)
        self.historyTabLayout.setObjectName(u"historyTabLayout")
        self.historyLabel = QLabel(self.historyTab)
        self.historyLabel.setObjectName(u"historyLabel")

        self.historyTabLayout.addWidget(self.historyLabel)

        self.historyList = QListWidget(self.historyTab)
        self.historyList.setObjectName(u"historyList")
        self.historyList.setAlternatingRowColors(True)
        self.historyList.setSelectionMode(QAbstractItemView.SingleSelection)
        self.historyList.setWordWrap(True)
        self.historyList.setTextElideMode(Qt.ElideNone)
        self.historyList.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)

        self.historyTabLayout.addWidget(self.historyList)

        self.tabs.addTab(self.historyTab, "")

        self.editorLayout.addWidget(self.tabs)

        self.saveBar = QHBoxLayout()
        self.saveBar.setObjectName(u"saveBar")
        self.problemsLabel = QLabel(IncidentEditor)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setTextFormat(Qt.PlainText)
        self.problemsLabel.setWordWrap(True)

        self.saveBar.addWidget(self.problemsLabel)

        self.saveButton = QPushButton(IncidentEditor)
        self.saveButton.setObjectName(u"saveButton")

        self.saveBar.addWidget(self.saveButton)

        self.saveBar.setStretch(0, 1)

        self.editorLayout.addLayout(self.saveBar)

#if QT_CONFIG(shortcut)
        self.referenceLabel.setBuddy(self.referenceEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.productNameLabel.setBuddy(self.productNameEdit)
        self.modelLabel.setBuddy(self.modelEdit)
        self.unitsInFieldLabel.setBuddy(self.unitsInFieldSpin)
        self.sourceLabel.setBuddy(self.sourceCombo)
        self.countryLabel.setBuddy(self.countryCombo)
        self.marketsLabel.setBuddy(self.marketsEdit)
        self.serialRangesLabel.setBuddy(self.serialRangesEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.deathsLabel.setBuddy(self.deathsSpin)
        self.injuriesLabel.setBuddy(self.injuriesSpin)
        self.maxTreatmentDaysLabel.setBuddy(self.maxTreatmentDaysSpin)
        self.occurredAtLabel.setBuddy(self.occurredAtKnown)
        self.firstKnownAtLabel.setBuddy(self.firstKnownAtEdit)
        self.qaAwareAtLabel.setBuddy(self.qaAwareAtKnown)
        self.statusLabel.setBuddy(self.statusCombo)
        self.severityLabel.setBuddy(self.severityCombo)
        self.businessUnitLabel.setBuddy(self.businessUnitEdit)
        self.qaOwnerLabel.setBuddy(self.qaOwnerEdit)
        self.historyLabel.setBuddy(self.historyList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.referenceEdit, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.productNameEdit)
        QWidget.setTabOrder(self.productNameEdit, self.modelEdit)
        QWidget.setTabOrder(self.modelEdit, self.unitsInFieldSpin)
        QWidget.setTabOrder(self.unitsInFieldSpin, self.sourceCombo)
        QWidget.setTabOrder(self.sourceCombo, self.countryCombo)
        QWidget.setTabOrder(self.countryCombo, self.marketsEdit)
        QWidget.setTabOrder(self.marketsEdit, self.serialRangesEdit)
        QWidget.setTabOrder(self.serialRangesEdit, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.deathsSpin)
        QWidget.setTabOrder(self.deathsSpin, self.injuriesSpin)
        QWidget.setTabOrder(self.injuriesSpin, self.maxTreatmentDaysSpin)
        QWidget.setTabOrder(self.maxTreatmentDaysSpin, self.permanentDisabilityCheck)
        QWidget.setTabOrder(self.permanentDisabilityCheck, self.coPoisoningCheck)
        QWidget.setTabOrder(self.coPoisoningCheck, self.fireCheck)
        QWidget.setTabOrder(self.fireCheck, self.fireServiceConfirmedCheck)
        QWidget.setTabOrder(self.fireServiceConfirmedCheck, self.propertyDamageCheck)
        QWidget.setTabOrder(self.propertyDamageCheck, self.occurredAtEdit)
        QWidget.setTabOrder(self.occurredAtEdit, self.occurredAtKnown)
        QWidget.setTabOrder(self.occurredAtKnown, self.firstKnownAtEdit)
        QWidget.setTabOrder(self.firstKnownAtEdit, self.qaAwareAtEdit)
        QWidget.setTabOrder(self.qaAwareAtEdit, self.qaAwareAtKnown)
        QWidget.setTabOrder(self.qaAwareAtKnown, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.severityCombo)
        QWidget.setTabOrder(self.severityCombo, self.businessUnitEdit)
        QWidget.setTabOrder(self.businessUnitEdit, self.qaOwnerEdit)
        QWidget.setTabOrder(self.qaOwnerEdit, self.historyList)
        QWidget.setTabOrder(self.historyList, self.saveButton)

        self.retranslateUi(IncidentEditor)

        self.tabs.setCurrentIndex(0)
        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(IncidentEditor)
    # setupUi

    def retranslateUi(self, IncidentEditor):
        IncidentEditor.setWindowTitle(QCoreApplication.translate("IncidentEditor", u"Incident", None))
        self.referenceLabel.setText(QCoreApplication.translate("IncidentEditor", u"&Reference:", None))
#if QT_CONFIG(accessibility)
        self.referenceEdit.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Reference", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("IncidentEditor", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.productNameLabel.setText(QCoreApplication.translate("IncidentEditor", u"&Product name:", None))
#if QT_CONFIG(accessibility)
        self.productNameEdit.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Product name", None))
#endif // QT_CONFIG(accessibility)
        self.modelLabel.setText(QCoreApplication.translate("IncidentEditor", u"&Model:", None))
#if QT_CONFIG(accessibility)
        self.modelEdit.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Model", None))
#endif // QT_CONFIG(accessibility)
        self.unitsInFieldLabel.setText(QCoreApplication.translate("IncidentEditor", u"&Units in the field:", None))
#if QT_CONFIG(accessibility)
        self.unitsInFieldSpin.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Units in the field", None))
#endif // QT_CONFIG(accessibility)
        self.sourceLabel.setText(QCoreApplication.translate("IncidentEditor", u"S&ource:", None))
#if QT_CONFIG(accessibility)
        self.sourceCombo.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Source", None))
#endif // QT_CONFIG(accessibility)
        self.countryLabel.setText(QCoreApplication.translate("IncidentEditor", u"&Country:", None))
#if QT_CONFIG(accessibility)
        self.countryCombo.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Country", None))
#endif // QT_CONFIG(accessibility)
        self.marketsLabel.setText(QCoreApplication.translate("IncidentEditor", u"Mar&kets:", None))
#if QT_CONFIG(accessibility)
        self.marketsEdit.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Markets", None))
#endif // QT_CONFIG(accessibility)
        self.marketsEdit.setPlaceholderText(QCoreApplication.translate("IncidentEditor", u"JP, US, EU", None))
        self.serialRangesLabel.setText(QCoreApplication.translate("IncidentEditor", u"Serial &number ranges:", None))
#if QT_CONFIG(accessibility)
        self.serialRangesEdit.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Serial number ranges", None))
#endif // QT_CONFIG(accessibility)
        self.descriptionLabel.setText(QCoreApplication.translate("IncidentEditor", u"&Description:", None))
#if QT_CONFIG(accessibility)
        self.descriptionEdit.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Description", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.factsTab), QCoreApplication.translate("IncidentEditor", u"Incident facts", None))
        self.deathsLabel.setText(QCoreApplication.translate("IncidentEditor", u"&Deaths:", None))
#if QT_CONFIG(accessibility)
        self.deathsSpin.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Deaths", None))
#endif // QT_CONFIG(accessibility)
        self.injuriesLabel.setText(QCoreApplication.translate("IncidentEditor", u"&Injuries:", None))
#if QT_CONFIG(accessibility)
        self.injuriesSpin.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Injuries", None))
#endif // QT_CONFIG(accessibility)
        self.maxTreatmentDaysLabel.setText(QCoreApplication.translate("IncidentEditor", u"&Longest treatment (days):", None))
#if QT_CONFIG(accessibility)
        self.maxTreatmentDaysSpin.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Longest treatment in days", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.permanentDisabilityCheck.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Permanent disability", None))
#endif // QT_CONFIG(accessibility)
        self.permanentDisabilityCheck.setText(QCoreApplication.translate("IncidentEditor", u"&Permanent disability", None))
#if QT_CONFIG(accessibility)
        self.coPoisoningCheck.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Carbon monoxide poisoning", None))
#endif // QT_CONFIG(accessibility)
        self.coPoisoningCheck.setText(QCoreApplication.translate("IncidentEditor", u"C&O poisoning", None))
#if QT_CONFIG(accessibility)
        self.fireCheck.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Fire", None))
#endif // QT_CONFIG(accessibility)
        self.fireCheck.setText(QCoreApplication.translate("IncidentEditor", u"Fi&re", None))
#if QT_CONFIG(accessibility)
        self.fireServiceConfirmedCheck.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Fire confirmed by the fire service", None))
#endif // QT_CONFIG(accessibility)
        self.fireServiceConfirmedCheck.setText(QCoreApplication.translate("IncidentEditor", u"Fire confirmed by the fire ser&vice", None))
#if QT_CONFIG(accessibility)
        self.propertyDamageCheck.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Property damage", None))
#endif // QT_CONFIG(accessibility)
        self.propertyDamageCheck.setText(QCoreApplication.translate("IncidentEditor", u"Propert&y damage", None))
        self.tabs.setTabText(self.tabs.indexOf(self.harmTab), QCoreApplication.translate("IncidentEditor", u"Harm", None))
        self.occurredAtLabel.setText(QCoreApplication.translate("IncidentEditor", u"&Occurred at:", None))
#if QT_CONFIG(accessibility)
        self.occurredAtEdit.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Occurred at", None))
#endif // QT_CONFIG(accessibility)
        self.occurredAtEdit.setDisplayFormat(QCoreApplication.translate("IncidentEditor", u"yyyy-MM-dd HH:mm", None))
        self.occurredAtKnown.setText(QCoreApplication.translate("IncidentEditor", u"Known", None))
#if QT_CONFIG(accessibility)
        self.occurredAtKnown.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Occurred at known", None))
#endif // QT_CONFIG(accessibility)
        self.firstKnownAtLabel.setText(QCoreApplication.translate("IncidentEditor", u"Company first &knew at:", None))
#if QT_CONFIG(accessibility)
        self.firstKnownAtEdit.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Company first knew at", None))
#endif // QT_CONFIG(accessibility)
        self.firstKnownAtEdit.setDisplayFormat(QCoreApplication.translate("IncidentEditor", u"yyyy-MM-dd HH:mm", None))
        self.qaAwareAtLabel.setText(QCoreApplication.translate("IncidentEditor", u"&QA aware at:", None))
#if QT_CONFIG(accessibility)
        self.qaAwareAtEdit.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"QA aware at", None))
#endif // QT_CONFIG(accessibility)
        self.qaAwareAtEdit.setDisplayFormat(QCoreApplication.translate("IncidentEditor", u"yyyy-MM-dd HH:mm", None))
        self.qaAwareAtKnown.setText(QCoreApplication.translate("IncidentEditor", u"Known", None))
#if QT_CONFIG(accessibility)
        self.qaAwareAtKnown.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"QA aware at known", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText(QCoreApplication.translate("IncidentEditor", u"S&tatus:", None))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.severityLabel.setText(QCoreApplication.translate("IncidentEditor", u"Se&verity:", None))
#if QT_CONFIG(accessibility)
        self.severityCombo.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Severity", None))
#endif // QT_CONFIG(accessibility)
        self.businessUnitLabel.setText(QCoreApplication.translate("IncidentEditor", u"&Business unit:", None))
#if QT_CONFIG(accessibility)
        self.businessUnitEdit.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"Business unit", None))
#endif // QT_CONFIG(accessibility)
        self.qaOwnerLabel.setText(QCoreApplication.translate("IncidentEditor", u"QA o&wner:", None))
#if QT_CONFIG(accessibility)
        self.qaOwnerEdit.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"QA owner", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.datesTab), QCoreApplication.translate("IncidentEditor", u"Dates && owner", None))
        self.tabs.setTabText(self.tabs.indexOf(self.attachmentsTab), QCoreApplication.translate("IncidentEditor", u"Attachments", None))
        self.historyLabel.setText(QCoreApplication.translate("IncidentEditor", u"C&hanges, newest first:", None))
#if QT_CONFIG(accessibility)
        self.historyList.setAccessibleName(QCoreApplication.translate("IncidentEditor", u"History", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("IncidentEditor", u"History", None))
        self.saveButton.setText(QCoreApplication.translate("IncidentEditor", u"&Save", None))
    # retranslateUi

