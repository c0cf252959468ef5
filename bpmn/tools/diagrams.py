#!/usr/bin/env python3
"""Lays out the process diagrams by hand on a grid (a development tool, not part of the build): one function per
process file, placing every shape by its centre and routing every sequence flow; layout.py writes the result into
the file's collaboration, lane set and bpmndi sections and touches nothing else. Usage, from the repository root:

    python3 bpmn/tools/diagrams.py                 # every process
    python3 bpmn/tools/diagrams.py price-floors    # one

Conventions (bpmn/README.md): every plane fits Cockpit's canvas at 0.75 or more (the tool prints each plane's fit);
the main path left to right on one row; rework and escalations below it, returning from below; a boundary event on
its host's bottom edge, spaced, clear of the host's name; columns 110-150 px apart, rows 100-140 px apart, tasks 60 px
tall where nothing is attached (Layout(..., compact=True)). tools/render/render.mjs shows the result as Cockpit does.
"""

import sys

sys.dont_write_bytecode = True  # a dev tool: no __pycache__ beside the sources
from layout import Layout  # noqa: E402

CONSORTIUM = "Coffee Export Consortium"
LAYOUTS = {}


def layout(file):
    def register(fn):
        LAYOUTS[file.replace(".bpmn", "")] = fn
        fn.file = file
        return fn

    return register


@layout("price-floors.bpmn")
def price_floors():
    d = Layout("price-floors.bpmn", ("Consortium", CONSORTIUM, "DailyPriceFloorsCollaboration"))
    ecta, nbe = 90, 370  # the rows of the two lanes
    d.at("EveryMorning", 110, ecta).at("FixTheDay", 230, ecta).at("ProposePriceFloors", 390, ecta)
    d.at("RecordProposal", 550, ecta)
    d.boundary("ProposalOverdue", "ProposePriceFloors", offset=-25, label="BL")
    d.at("ProposePriceFloorsEscalation", 390, 220).at("ProposalEscalated", 540, 220, label="R")
    d.boundary("ProposalRefused", "RecordProposal", offset=-20)
    d.at("CosignPriceFloors", 710, nbe).at("CosignDecision", 850, nbe, label="B")
    d.at("RecordCosignature", 990, nbe).at("PricesInForce", 1120, nbe)
    d.boundary("CosignatureOverdue", "CosignPriceFloors", offset=-25, label="BL")
    d.at("CosignPriceFloorsEscalation", 710, 500).at("CosignatureEscalated", 860, 500, label="R")
    d.boundary("CosignatureRefused", "RecordCosignature", offset=-20)

    d.flow("fromTimer").flow("toPropose").flow("toRecordProposal")
    d.flow("toProposalEscalation", "B", "T-25").flow("toProposalEscalated")
    d.flow("proposalRefused", "B", "B+25", via=[(530, 160), (415, 160)])
    d.flow("toCosign", "R", "T")
    d.flow("toCosignatureEscalation", "B", "T-25").flow("toCosignatureEscalated")
    d.flow("toCosignDecision").flow("cosign").flow("toInForce")
    d.flow("sendBack", "T", "T", via=[(850, 25), (390, 25)], label=(790, 8))
    d.flow("cosignatureRefused", "B", "B+25", via=[(970, 440), (735, 440)])

    d.lane("EctaLane", "ECTA", 0, 280, ["EveryMorning", "FixTheDay", "ProposePriceFloors",
                                         "ProposePriceFloorsEscalation", "ProposalEscalated", "RecordProposal"])
    d.lane("NationalBankLane", "National Bank", 280, 270,
           ["CosignPriceFloors", "CosignPriceFloorsEscalation", "CosignatureEscalated", "CosignDecision",
            "RecordCosignature", "PricesInForce"])
    return d


@layout("rule-set-change.bpmn")
def rule_set_change():
    """ECTA proposes along the top; its revision sits a half row lower to the right (entered from the left by a
    refused proposal above and a send-back below), its escalation under it; National Bank co-signs below."""
    d = Layout("rule-set-change.bpmn", ("Consortium", CONSORTIUM, "RuleSetChangeCollaboration"), compact=True)
    ecta, revise, nbe = 80, 175, 390  # rows: ECTA's proposal, its revision; National Bank's co-signature
    d.at("RuleSetChangeProposed", 110, ecta).at("ProposeRuleSet", 250, ecta)
    d.boundary("ProposalRefused", "ProposeRuleSet", offset=25)
    d.at("ReviseRuleSetChange", 560, revise, w=120).at("RevisionDecision", 700, revise)
    d.at("RuleSetChangeWithdrawn", 820, revise)
    d.boundary("RevisionOverdue", "ReviseRuleSetChange", offset=-25, label="BR")
    d.at("ReviseRuleSetChangeEscalation", 560, 295, w=160).at("RevisionEscalated", 700, 295, label="R")
    d.at("CosignRuleSetChange", 250, nbe).at("CosignDecision", 400, nbe, label="B")
    d.at("CosignRuleSet", 550, nbe).at("RuleSetCosigned", 690, nbe)
    d.boundary("CosignatureOverdue", "CosignRuleSetChange", offset=-25, label="BL")
    d.boundary("CosignatureRefused", "CosignRuleSet", offset=-20)
    d.at("CosignRuleSetChangeEscalation", 250, 506, w=120).at("CosignatureEscalated", 400, 506, label="R")

    d.flow("toPropose")
    d.flow("toCosign", "B-25", "T-25")
    d.flow("proposalRefused", "B", "L-20", via=[(275, 155)])
    d.flow("toRevisionDecision").flow("withdraw")
    d.flow("proposeAgain", "T", "T", via=[(700, 18), (250, 18)], label=(640, 2))
    d.flow("toRevisionEscalation", "B", "T-25").flow("toRevisionEscalated")
    d.flow("toCosignDecision").flow("cosign").flow("toCosigned")
    d.flow("sendBack", "T", "L+20", via=[(400, 195)], label=(435, 300))
    d.flow("cosignatureRefused", "B", "B+25", via=[(530, 457), (275, 457)])
    d.flow("toCosignatureEscalation", "B", "T-25").flow("toCosignatureEscalated")

    d.lane("EctaLane", "ECTA", 0, 330,
           ["RuleSetChangeProposed", "ProposeRuleSet", "ReviseRuleSetChange", "RevisionDecision",
            "RuleSetChangeWithdrawn", "ReviseRuleSetChangeEscalation", "RevisionEscalated"])
    d.lane("NationalBankLane", "National Bank", 330, 220,
           ["CosignRuleSetChange", "CosignDecision", "CosignRuleSet", "RuleSetCosigned",
            "CosignRuleSetChangeEscalation", "CosignatureEscalated"])
    return d


@layout("stage-review.bpmn")
def stage_review():
    d = Layout("stage-review.bpmn", ("Consortium", CONSORTIUM, "StageReviewCollaboration"))
    main, returned, rejected = 70, 186, 302  # rows: the approval, then the return and the rejection below it
    d.at("ReviewRequested", 110, main).at("DecideServiceLevel", 230, main).at("Review", 390, main)
    d.at("Decision", 540, main, label="T")
    for task, end, row in (("RecordApproval", "Approved", main), ("RecordReturn", "Returned", returned),
                           ("RecordRejection", "Rejected", rejected)):
        d.at(task, 690, row, w=140).at(end, 830, row)
    d.boundary("ReviewOverdue", "Review", offset=-30, label=(312, 130))
    for boundary, host in (("ApprovalRefused", "RecordApproval"), ("ReturnRefused", "RecordReturn"),
                           ("RejectionRefused", "RecordRejection")):
        d.boundary(boundary, host, offset=20)
    d.at("EscalateToSupervisors", 390, 470).at("Escalated", 540, 470, label="R")

    d.flow("toServiceLevel").flow("toReview").flow("toDecision")
    d.flow("approve").flow("toApproved").flow("toReturned").flow("toRejected")
    d.flow("return", "B", "L", label=(590, returned - 42)).flow("reject", "B", "L", label=(590, rejected - 17))
    # A refused decision goes back to the officer from below, the outer loops entering further left.
    d.flow("approvalRefused", "B", "B", via=[(710, 137), (920, 137), (920, 400), (390, 400)])
    d.flow("returnRefused", "B", "B+20", via=[(710, 252), (900, 252), (900, 390), (410, 390)])
    d.flow("rejectionRefused", "B", "B+40", via=[(710, 370), (430, 370)])
    d.flow("toEscalate", "B", "T-30").flow("toEscalated")

    d.lane("OfficerLane", "Officer of the reviewing organisation", 0, 420,
           ["ReviewRequested", "DecideServiceLevel", "Review", "Decision", "RecordApproval", "Approved",
            "RecordReturn", "Returned", "RecordRejection", "Rejected"])
    d.lane("SupervisorLane", "Its supervisors", 420, 100, ["EscalateToSupervisors", "Escalated"])
    return d


def review(d, stage, cx, cy):
    """A reviewing stage: the review, its outcome, rejection above the outcome, the exporter's amendment below
    (entered from the outcome, recorded to the left of it, back into the review from below)."""
    g = cx + 150
    d.at(f"ReviewAt{stage}", cx, cy).at(f"After{stage}", g, cy, label=(g - 55, cy - 72))
    d.at(f"RejectedAt{stage}", g, cy - 100, label="R")
    d.at(f"AmendFor{stage}", g, cy + 120).at(f"RecordAmendmentFor{stage}", cx, cy + 120)
    d.boundary(f"RecordAmendmentFor{stage}Refused", f"RecordAmendmentFor{stage}")
    d.flow(f"ReviewAt{stage}ToOutcome")
    d.flow(f"{stage}Rejected", "T", "B", label=(g + 30, cy - 62))
    d.flow(f"{stage}Returned", "B", "T", label=(g - 32, cy + 42))
    d.flow(f"{stage}Amended", "L", "R")
    d.flow(f"{stage}AmendmentRefused", "B", "B", via=[(cx, cy + 185), (g, cy + 185)])
    d.flow(f"{stage}ReEntered", "T", "B")


def escalation(d, task, cx, cy, host_offset=-25, below=130, label=None, end_label="R", w=120):
    """A task's service level: the timer on its bottom edge, the escalation straight below, the end beside it."""
    d.boundary(f"{task}Overdue", task, offset=host_offset, label=label or (cx + host_offset - 52, cy + 48))
    d.at(f"{task}Escalation", cx, cy + below, w=w).at(f"{task}Escalated", cx + 130, cy + below, label=end_label)
    d.flow(f"{task}ToEscalation", "B", f"T{host_offset:+d}").flow(f"{task}EscalationDone")


@layout("export-lifecycle.bpmn")
def export_lifecycle():
    d = Layout("export-lifecycle.bpmn", ("Consortium", CONSORTIUM, "ExportLifecycleCollaboration"))
    lanes = [("ExporterLane", "Exporter", 90), ("CommercialBankLane", "Commercial Bank", 98),
             ("EctaLane", "ECTA", 105), ("EcxLane", "ECX", 30), ("NationalBankLane", "National Bank", 74),
             ("CustomAuthoritiesLane", "Custom Authorities", 60), ("ShippingLineLane", "Shipping Line", 88)]
    top = {}
    y = 0
    for lane, _, height in lanes:
        top[lane] = y
        y += height
    overview(d)
    cancellation(d.on("Cancellation"))
    contract_registration(d.on("ContractRegistration"))
    shipment_window(d.on("ShipmentWindow"))

    members = {
        "ExporterLane": ["ExportSubmitted", "DecideServiceLevel", "FileExport", "FilingRefused", "Cancellation",
                         "CancellationRequested", "RecordCancellation", "ExportCancelled", "AmendForBank",
                         "RecordAmendmentForBank", "AmendForEcta", "RecordAmendmentForEcta", "AmendForEcx",
                         "RecordAmendmentForEcx", "AmendForNationalBank", "RecordAmendmentForNationalBank",
                         "AmendForCustoms", "RecordAmendmentForCustoms"],
        "CommercialBankLane": ["ContractRegistration", "RegistrationStarted", "ReviewAtBank", "AfterBank",
                               "RejectedAtBank", "RecordRepatriation", "RecordProceeds", "ExportCompleted"],
        "EctaLane": ["ContractReportDue", "RejectedInContractRegistration", "ReviewAtEcta", "AfterEcta", "RejectedAtEcta", "ContractRegistered",
                     "FollowUpLateContractReport", "FollowUpLateContractReportEscalation",
                     "FollowUpLateContractReportEscalated", "LateReportFollowedUp", "ExportRejected",
                     "CancelledForOverdueShipment", "ShipmentDeadlineWatch", "WatchStarted", "ShipmentDeadlinePassed",
                     "WatchEnded", "WarnOfShipmentDeadline", "Warned", "DecideOnOverdueShipment",
                     "DecideOnOverdueShipmentEscalation", "DecideOnOverdueShipmentEscalated", "AfterOverdueDecision",
                     "ExtendShipmentDeadline", "CancelOverdueExport", "OverdueExportCancelled"],
        "EcxLane": ["ShipmentWindow", "WindowOpened", "WindowForks", "ReviewAtEcx", "AfterEcx", "RejectedAtEcx"],
        "NationalBankLane": ["RejectedInShipmentWindow", "DecideForeignExchangeRules", "ReviewAtNationalBank", "AfterNationalBank",
                             "RejectedAtNationalBank", "FourEyes", "CoApproveForeignExchange",
                             "CoApproveForeignExchangeEscalation", "CoApproveForeignExchangeEscalated",
                             "RecordCoApproval", "MarkExporterDelinquent", "ExporterMarkedDelinquent"],
        "CustomAuthoritiesLane": ["CancelledInShipmentWindow", "ReviewAtCustoms", "AfterCustoms", "RejectedAtCustoms"],
        "ShippingLineLane": ["BookShipment", "BookShipmentEscalation", "BookShipmentEscalated", "RecordBooking",
                             "Ship", "ShipEscalation", "ShipEscalated", "RecordShipment", "Shipped", "RecordMilestone",
                             "MilestoneRecorded", "MilestoneRefused", "RecordArrival", "ArrivalRecorded",
                             "ArrivalRefused"],
    }
    for lane, name, height in lanes:
        d.lane(lane, name, top[lane], height, members[lane])
    d.plane = d.planes[0]
    return d


@layout("exporter-registration.bpmn")
def exporter_registration():
    """The exporter applies and documents its application in its own lane; ECTA reviews, decides and records on
    the main row, a refusal above it, a renewal below it; then the licence's watch runs on along the main row and
    folds onto the row below at the reminder's outcome. A decision the ledger refuses returns to the review: the
    registration along the top into its top, the renewal along the bottom into its bottom, clear of the
    escalation straight below the review's timer."""
    d = Layout("exporter-registration.bpmn", ("Consortium", CONSORTIUM, "ExporterRegistrationCollaboration"),
               compact=True)
    exporter, above, main, below = 55, 214, 320, 430  # the rows
    d.at("LicenceApplied", 110, exporter).at("RecordApplication", 205, exporter)
    d.at("AwaitDocuments", 340, exporter, w=140)
    d.boundary("DocumentsOverdue", "AwaitDocuments", offset=-45, label="BL")
    d.at("ReviewApplication", 420, main)
    d.boundary("ReviewOverdue", "ReviewApplication", offset=-35, label="BL")
    d.at("ReviewApplicationEscalation", 385, below + 16).at("ReviewEscalated", 270, below + 16)
    d.at("ApplicationDecision", 540, main, label="B")
    d.at("RecordRefusal", 540, above).at("ApplicationRefused", 660, above, label="R")
    d.boundary("RefusalNotRecorded", "RecordRefusal", offset=-34)
    d.at("WhatIsGranted", 640, main, label="T")
    d.at("RecordRegistration", 770, main)
    d.boundary("RegistrationRefused", "RecordRegistration", "T", offset=30)
    d.at("RecordRenewal", 770, below)
    d.boundary("RenewalRefused", "RecordRenewal", offset=-30)
    d.at("LicenceInForce", 880, main, label="T")
    d.at("ReminderDue", 940, main, label=(940, main + 44)).at("RemindOfExpiry", 1025, main)
    d.at("ReminderStillDue", 1125, main, label=(1075, main - 60))
    d.at("RenewedBeforeReminder", 1125, main - 100, label="R")
    d.at("ExpiryDue", 1125, below, label="BL").at("NoteExpiry", 1210, below)
    d.at("ExpiryStillDue", 1310, below, label=(1358, 362))  # above the zoom buttons' corner
    d.at("RenewedBeforeExpiry", 1310, main, label="R")
    d.at("LicenceExpired", 1310, below + 75, label="L")

    d.flow("toRecordApplication").flow("toAwaitDocuments")
    d.flow("toReviewApplication", "R", "T")
    d.flow("documentsOverdue", "B", "L")
    d.flow("reviewOverdue", "B", "T").flow("toReviewEscalated", "L", "R")
    d.flow("toApplicationDecision").flow("register")
    d.flow("refuse", "T", "B").flow("toApplicationRefused")
    d.flow("refusalNotRecorded", "L", "T+40")
    d.flow("registration").flow("renewal", "B", "L")
    d.flow("registrationRefused", "T", "T+25", via=[(800, 150), (445, 150)])
    d.flow("renewalRefused", "B", "B+25", via=[(740, 505), (445, 505)])
    d.flow("registered").flow("renewed", "R", "B")
    d.flow("toReminderDue").flow("toRemindOfExpiry").flow("toReminderStillDue")
    d.flow("supersededBeforeReminder", "T", "B").flow("toExpiryDue", "B", "T")
    d.flow("toNoteExpiry").flow("toExpiryStillDue")
    d.flow("supersededBeforeExpiry", "T", "B", label=(1262, main + 30)).flow("toLicenceExpired", "B", "T")

    d.lane("ExporterLane", "Exporter", 0, 135, ["LicenceApplied", "RecordApplication", "AwaitDocuments"])
    d.lane("EctaLane", "ECTA", 135, 395,
           ["ReviewApplication", "ReviewApplicationEscalation", "ReviewEscalated", "ApplicationDecision",
            "RecordRefusal", "ApplicationRefused", "WhatIsGranted", "RecordRegistration", "RecordRenewal",
            "LicenceInForce", "ReminderDue", "RemindOfExpiry", "ReminderStillDue", "RenewedBeforeReminder",
            "ExpiryDue", "NoteExpiry", "ExpiryStillDue", "RenewedBeforeExpiry", "LicenceExpired"])
    return d


def overview(d):
    """The lifecycle's own level, one row to a lane: filing; the two stage sub-processes, collapsed (drill down
    into them), each drawn across the lanes of the organisations that work in it, the shipment window straight
    below the contract registration; right of the registration the late contract report; the rejections and the
    overdue cancellation come up into ECTA's lane; proceeds along the bank's lane, the watches on them (tracking
    and arrival for the shipping line, delinquency for National Bank) straight down from their events; the
    cancellation event sub-process collapsed too. The sub-processes' boundary events sit on the edge that faces
    their targets, clear of the drill-down button in the bottom-right corner."""
    exporter, bank, ecta, nbe, shipping = 45, 135, 238, 360, 492  # the lanes' rows
    d.at("ExportSubmitted", 105, exporter).at("DecideServiceLevel", 210, exporter)
    d.at("FileExport", 360, exporter - 5, w=180, h=60)
    d.boundary("FileExportRefused", "FileExport", offset=65)
    d.at("FilingRefused", 490, 70, label="R")
    d.box("Cancellation", 650, 15, 100, 60, expanded=False)
    d.box("ContractRegistration", 290, 106, 140, 174, expanded=False)  # clear of the filing's refusal
    d.boundary("ContractReportDue", "ContractRegistration", "R", offset=37, label=(492, 236))
    d.boundary("RejectedInContractRegistration", "ContractRegistration", "L", offset=65)
    d.at("ExportRejected", 230, 258, label="T").at("CancelledForOverdueShipment", 130, 258, label="T")
    d.at("FollowUpLateContractReport", 605, ecta, w=140, h=70)
    d.at("LateReportFollowedUp", 712, ecta - 31, label="R")
    d.boundary("FollowUpLateContractReportOverdue", "FollowUpLateContractReport", "R", offset=23, label="BR")
    d.at("FollowUpLateContractReportEscalation", 852, ecta + 5).at("FollowUpLateContractReportEscalated", 927,
                                                                    ecta + 5, label="B")
    d.box("ShipmentWindow", 270, 300, 200, 240, expanded=False)
    d.boundary("RejectedInShipmentWindow", "ShipmentWindow", "L", offset=343 - 420)
    d.boundary("CancelledInShipmentWindow", "ShipmentWindow", "L", offset=416 - 420)
    d.at("RecordRepatriation", 1075, bank, w=200, h=60)
    d.boundary("TrackingMilestoneReceived", "RecordRepatriation", offset=-75, label=(1030, 192))
    d.boundary("ArrivalReported", "RecordRepatriation", offset=0, label=(1100, 192))
    d.boundary("RepatriationDue", "RecordRepatriation", offset=75, label=(1196, 192))
    d.at("RecordProceeds", 1265, bank, w=140, h=70).at("ExportCompleted", 1385, bank, label="B")
    d.boundary("RecordProceedsRefused", "RecordProceeds", offset=-45)
    d.at("MarkExporterDelinquent", 1190, nbe, w=160, h=70).at("ExporterMarkedDelinquent", 1310, nbe, label="R")
    d.at("RecordMilestone", 780, shipping, w=140, h=70).at("MilestoneRecorded", 890, shipping - 15, label="R")
    d.boundary("RecordMilestoneRefused", "RecordMilestone", offset=45)
    d.at("MilestoneRefused", 890, shipping + 35, label="R")
    d.at("RecordArrival", 1075, shipping, w=140, h=70).at("ArrivalRecorded", 1190, shipping - 15, label="R")
    d.boundary("RecordArrivalRefused", "RecordArrival", offset=45)
    d.at("ArrivalRefused", 1190, shipping + 35, label="R")

    d.flow("toServiceLevel").flow("toFile").flow("toRegistration", "B-30", "T-30")
    d.flow("filingRefused", "R", "L")
    d.flow("toLateReport", "R", "L-8")
    d.flow("rejectedInContractRegistration", "L", "R")
    d.flow("lateReportDone", "R-31", "L")
    d.flow("FollowUpLateContractReportToEscalation", "R", "L+18")
    d.flow("FollowUpLateContractReportEscalationDone")
    d.flow("toShipmentWindow", "B", "T-10")
    d.flow("rejectedInShipmentWindow", "L", "B").flow("cancelledInShipmentWindow", "L", "B")
    d.flow("toProceeds", "R-40", "L", via=[(965, 380), (965, bank)])
    d.flow("toRecordProceeds").flow("toCompleted")
    d.flow("proceedsRefused", "B", "R+20", via=[(1220, 190), (1190, 190), (1190, bank + 20)])
    d.flow("toMilestone", "B", "T", via=[(1000, 420), (780, 420)]).flow("milestoneDone", "R-15", "L")
    d.flow("milestoneRefused", "R", "L")
    d.flow("toArrival", "B", "T").flow("arrivalDone", "R-15", "L").flow("arrivalRefused", "R", "L")
    d.flow("toDelinquent", "B", "T-40").flow("delinquent")


def cancellation(d):
    """The cancellation event sub-process's own plane, clear of the breadcrumb at the top left."""
    d.at("CancellationRequested", 100, 100, label="B").at("RecordCancellation", 220, 100)
    d.at("ExportCancelled", 340, 100, label="B")
    d.flow("toRecordCancellation").flow("toCancelled")


def contract_registration(d):
    d.at("RegistrationStarted", 60, 150)
    review(d, "Bank", 180, 150)
    review(d, "Ecta", 480, 150)
    d.at("ContractRegistered", 760, 150)
    d.flow("toBank").flow("BankApproved").flow("EctaApproved")


def compact_review(d, stage, cx, cy):
    """A reviewing stage as review() draws it, tighter: the rejection 65 px above the outcome, the amendment
    85 px below, its ledger step two lines wide."""
    g = cx + 145
    d.at(f"ReviewAt{stage}", cx, cy, w=130).at(f"After{stage}", g, cy, label=(g - 64, cy - 74))
    d.at(f"RejectedAt{stage}", g, cy - 65, label="R")
    d.at(f"AmendFor{stage}", g, cy + 80).at(f"RecordAmendmentFor{stage}", cx, cy + 80, w=150)
    d.boundary(f"RecordAmendmentFor{stage}Refused", f"RecordAmendmentFor{stage}")
    d.flow(f"ReviewAt{stage}ToOutcome")
    d.flow(f"{stage}Rejected", "T", "B", label=(g + 28, cy - 42))
    d.flow(f"{stage}Returned", "B", "T", label=(g + 30, cy + 26))
    d.flow(f"{stage}Amended", "L", "R")
    d.flow(f"{stage}AmendmentRefused", "B", "B", via=[(cx, cy + 141), (g, cy + 141)])
    d.flow(f"{stage}ReEntered", "T", "B")


def shipment_window(d):
    """Two rows: ECX and National Bank, the deadline watch beside them at the right (the window's fork reaches
    it along the top, right of Cockpit's breadcrumb); then four eyes, Custom Authorities and the shipment."""
    d.compact = True
    one, two = 158, 402
    d.at("WindowOpened", 45, one).at("WindowForks", 120, one)
    compact_review(d, "Ecx", 235, one)
    d.at("DecideForeignExchangeRules", 505, one)
    compact_review(d, "NationalBank", 640, one)
    # the deadline watch, right of the first row
    d.box("ShipmentDeadlineWatch", 890, one - 42, 190, 96)
    d.at("WatchStarted", 920, one).at("ShipmentDeadlinePassed", 992, one, label="B").at("WatchEnded", 1050, one)
    d.boundary("ShipmentDeadlineNear", "ShipmentDeadlineWatch", offset=-60, label="BR")
    d.at("WarnOfShipmentDeadline", 925, one + 132).at("Warned", 1025, one + 132, label="B")
    d.at("DecideOnOverdueShipment", 1170, one, w=120)
    d.boundary("DecideOnOverdueShipmentOverdue", "DecideOnOverdueShipment", offset=-30, label=(1088, one + 59))
    d.at("DecideOnOverdueShipmentEscalation", 1140, one + 125, w=120)
    d.at("DecideOnOverdueShipmentEscalated", 1240, one + 125, label="R")
    d.at("AfterOverdueDecision", 1270, one)
    d.at("ExtendShipmentDeadline", 1030, one - 113, w=160, h=70)  # clear of Cockpit's statistics toggle
    d.boundary("ExtendShipmentDeadlineRefused", "ExtendShipmentDeadline", offset=20)
    d.at("CancelOverdueExport", 1395, one).at("OverdueExportCancelled", 1395, one + 125, label="L")
    d.boundary("CancelOverdueExportRefused", "CancelOverdueExport", offset=-25)
    # the second row
    d.at("FourEyes", 60, two, label="B")
    d.at("CoApproveForeignExchange", 230, two).at("RecordCoApproval", 360, two)
    escalation(d, "CoApproveForeignExchange", 230, two, below=112, end_label="B")
    d.boundary("RecordCoApprovalRefused", "RecordCoApproval", offset=20)
    compact_review(d, "Customs", 500, two)
    d.at("BookShipment", 820, two).at("RecordBooking", 945, two).at("Ship", 1070, two)
    d.at("RecordShipment", 1195, two).at("Shipped", 1295, two)
    escalation(d, "BookShipment", 820, two, below=112, label=(740, two + 48), end_label="B")
    escalation(d, "Ship", 1070, two, below=112, label=(990, two + 48), end_label="B")
    d.boundary("RecordBookingRefused", "RecordBooking", offset=-20)
    d.boundary("RecordShipmentRefused", "RecordShipment", offset=-20)

    d.flow("toWindowForks").flow("toEcx").flow("EcxApproved").flow("toNbe")
    d.flow("toDeadlineWatch", "T", "T-50", via=[(120, 62), (935, 62)])
    d.flow("toShipmentDeadline").flow("toWatchEnded")
    d.flow("toWarning", "B", "T").flow("warned")
    d.flow("toOverdue", "R-6").flow("overdueDecided")
    d.flow("DecideOnOverdueShipmentToEscalation", "B", "T").flow("DecideOnOverdueShipmentEscalationDone")
    d.flow("OverdueExtended", "T", "B+65", via=[(1270, one - 63), (1095, one - 63)]).flow("OverdueCancelled", label=(1320, one - 17))
    d.flow("toOverdueExportCancelled", "B", "T")
    d.flow("extended", "B-15", "T+30")
    d.flow("extensionRefused", "B", "T-40", via=[(1050, one - 54), (1130, one - 54)])
    d.flow("overdueCancellationRefused", "B", "B+30", via=[(1370, one + 75), (1200, one + 75)])
    d.flow("NationalBankApproved", "R", "L", via=[(850, one), (850, 310), (20, 310), (20, two)],
           label=(880, 220))
    d.flow("fourEyesNeeded", label=(130, two - 35))
    d.flow("fourEyesNotNeeded", "T", "T", via=[(60, two - 52), (500, two - 52)], label=(135, two - 82))
    d.flow("coApproved").flow("toCustoms")
    d.flow("coApprovalRefused", "B", "B+25", via=[(380, two + 70), (255, two + 70)])
    d.flow("CustomsApproved").flow("toBooking").flow("toShip").flow("toShipment").flow("toShipped")
    d.flow("bookingRefused", "B", "B+25", via=[(925, two + 70), (845, two + 70)])
    d.flow("shipmentRefused", "B", "B+25", via=[(1175, two + 70), (1095, two + 70)])


# --- The regulators' administration processes: one officer's row, rework below it, a co-signer's lane apart ------

@layout("exporter-standing.bpmn")
def exporter_standing():
    """The officer's decision along the top, the proposal and its revision below it; the revision's escalation
    sits up on the officer's row, right of the suspension (straight above its timer), so that the lanes stay
    short; the supervisor co-signs below, escalating straight down."""
    d = Layout("exporter-standing.bpmn", ("Consortium", CONSORTIUM, "ExporterStandingChangeCollaboration"),
               compact=True)
    main, rework, cosign = 65, 191, 345  # rows: the officer's decision, their rework, the supervisor's co-signature
    d.at("StandingChangeRequested", 110, main).at("CosignatureNeeded", 220, main, label=(160, 12))
    d.at("RecordSuspension", 360, main).at("ExporterSuspended", 460, main)
    d.boundary("SuspensionRefused", "RecordSuspension", offset=30)
    d.at("RecordStandingProposal", 320, rework)
    d.boundary("ProposalRefused", "RecordStandingProposal", offset=20)
    d.at("ReviseStandingChange", 600, rework).at("RevisionDecision", 760, rework)
    d.at("StandingChangeWithdrawn", 880, rework)
    d.boundary("RevisionOverdue", "ReviseStandingChange", "T", offset=30, label=(686, 116))
    d.at("ReviseStandingChangeEscalation", 600, main, w=120).at("RevisionEscalated", 710, main)
    d.at("CosignStandingChange", 480, cosign).at("CosignDecision", 625, cosign)
    d.at("RecordCosignedChange", 760, cosign).at("StandingChanged", 880, cosign)
    d.boundary("CosignatureOverdue", "CosignStandingChange", offset=-35, label="BL")
    d.boundary("CosignedChangeRefused", "RecordCosignedChange", offset=-20)
    d.at("CosignStandingChangeEscalation", 445, 461, w=160).at("CosignatureEscalated", 300, 461)

    d.flow("toCosignatureNeeded").flow("suspend").flow("propose", "B", "L", label=(165, 130)).flow("toSuspended")
    d.flow("suspensionRefused", "B", "L-20")
    d.flow("proposalRefused", "B", "L+20", via=[(340, 262), (505, 262), (505, 211)])
    d.flow("toCosign", "B-20", "L")
    d.flow("toRevisionDecision").flow("withdraw")
    d.flow("resubmit", "T", "T", via=[(760, 8), (220, 8)])
    d.flow("toRevisionEscalation", "T", "B").flow("toRevisionEscalated")
    d.flow("toCosignDecision").flow("cosign").flow("toStandingChanged")
    d.flow("sendBack", "T", "B+25")
    d.flow("cosignedChangeRefused", "B", "B+25", via=[(740, 420), (505, 420)])
    d.flow("toCosignatureEscalation", "B", "T").flow("toCosignatureEscalated", "L", "R")

    d.lane("EctaLane", "ECTA", 0, 275,
           ["StandingChangeRequested", "CosignatureNeeded", "RecordSuspension", "ExporterSuspended",
            "RecordStandingProposal", "ReviseStandingChange", "RevisionDecision", "StandingChangeWithdrawn",
            "ReviseStandingChangeEscalation", "RevisionEscalated"])
    d.lane("EctaSupervisorsLane", "ECTA supervisors", 275, 225,
           ["CosignStandingChange", "CosignDecision", "RecordCosignedChange", "StandingChanged",
            "CosignStandingChangeEscalation", "CosignatureEscalated"])
    return d


def decided_alone(d, start, step, done, refused, revise, decision, withdrawn, overdue, escalation, escalated):
    """One officer's decision on the ledger, its refusal back to them below it, decided again or withdrawn."""
    main, rework = 90, 230
    d.at(start, 110, main).at(step, 250, main).at(done, 390, main)
    d.boundary(refused, step, offset=-20)
    d.at(revise, 250, rework).at(decision, 390, rework).at(withdrawn, 510, rework)
    d.boundary(overdue, revise, offset=-25, label=(160, 276))
    d.at(escalation, 225, 360).at(escalated, 370, 360)
    model = d.model.flows
    for flow, (source, target, _) in model.items():
        if source == refused:
            d.flow(flow, "B", "T-20")
        elif source == decision and target == step:
            d.flow(flow, "T", "B+25", via=[(390, 160), (275, 160)])
        elif source == overdue:
            d.flow(flow, "B", "T")
        else:
            d.flow(flow)
    return d


@layout("exporter-delinquency.bpmn")
def exporter_delinquency():
    d = Layout("exporter-delinquency.bpmn", ("Consortium", CONSORTIUM, "ExporterDelinquencyCollaboration"))
    decided_alone(d, "DelinquencyChangeRequested", "RecordDelinquencyChange", "DelinquencyChanged",
                  "DelinquencyChangeRefused", "ReviseDelinquencyChange", "RevisionDecision",
                  "DelinquencyChangeWithdrawn", "RevisionOverdue", "ReviseDelinquencyChangeEscalation",
                  "RevisionEscalated")
    d.lane("NationalBankLane", "National Bank", 0, 420,
           ["DelinquencyChangeRequested", "RecordDelinquencyChange", "DelinquencyChanged",
            "ReviseDelinquencyChange", "RevisionDecision", "DelinquencyChangeWithdrawn",
            "ReviseDelinquencyChangeEscalation", "RevisionEscalated"])
    return d


@layout("cancellation-for-cause.bpmn")
def cancellation_for_cause():
    d = Layout("cancellation-for-cause.bpmn", ("Consortium", CONSORTIUM, "CancellationForCauseCollaboration"))
    decided_alone(d, "CancellationForCauseRequested", "RecordCancellationForCause", "ExportCancelledForCause",
                  "CancellationRefused", "ReviewRefusedCancellation", "ReviewDecision", "CancellationWithdrawn",
                  "ReviewOverdue", "ReviewRefusedCancellationEscalation", "ReviewEscalated")
    d.lane("RegulatorLane", "ECTA or National Bank", 0, 420,
           ["CancellationForCauseRequested", "RecordCancellationForCause", "ExportCancelledForCause",
            "ReviewRefusedCancellation", "ReviewDecision", "CancellationWithdrawn",
            "ReviewRefusedCancellationEscalation", "ReviewEscalated"])
    return d


@layout("buyer-blacklist.bpmn")
def buyer_blacklist():
    d = Layout("buyer-blacklist.bpmn", ("Consortium", CONSORTIUM, "BuyerBlacklistCollaboration"))
    d.at("BlacklistChangeRequested", 110, 80).at("BlacklistChange", 220, 80, label=(160, 12))
    d.at("RecordBlacklisting", 360, 80).at("BuyerBlacklisted", 500, 80)
    d.at("RecordRemoval", 360, 206).at("BuyerRemovedFromBlacklist", 500, 206)
    d.boundary("BlacklistingRefused", "RecordBlacklisting", offset=20)
    d.boundary("RemovalRefused", "RecordRemoval", offset=20)
    d.at("ReviseBlacklistChange", 640, 330).at("RevisionDecision", 780, 330)
    d.at("BlacklistChangeWithdrawn", 900, 330)
    d.boundary("RevisionOverdue", "ReviseBlacklistChange", offset=-25, label="BL")
    d.at("ReviseBlacklistChangeEscalation", 615, 456).at("RevisionEscalated", 480, 456)

    d.flow("toBlacklistChange").flow("enter").flow("remove", "B", "L")
    d.flow("toBuyerBlacklisted").flow("toBuyerRemoved")
    d.flow("blacklistingRefused", "B", "T", via=[(380, 150), (640, 150)])
    d.flow("removalRefused", "B", "L", via=[(380, 330)])
    d.flow("toRevisionDecision").flow("withdraw")
    d.flow("resubmit", "T", "T", via=[(780, 22), (220, 22)])
    d.flow("toRevisionEscalation", "B", "T").flow("toRevisionEscalated", "L", "R")
    d.lane("EctaLane", "ECTA", 0, 530,
           ["BlacklistChangeRequested", "BlacklistChange", "RecordBlacklisting", "BuyerBlacklisted",
            "RecordRemoval", "BuyerRemovedFromBlacklist", "ReviseBlacklistChange", "RevisionDecision",
            "BlacklistChangeWithdrawn", "ReviseBlacklistChangeEscalation", "RevisionEscalated"])
    return d


if __name__ == "__main__":
    for key in sys.argv[1:] or LAYOUTS:
        diagram = LAYOUTS[key]()
        diagram.check_complete()
        diagram.write()
        diagram.report()
