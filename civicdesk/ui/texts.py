"""Interface names of stored enum values (translated like every other UI string)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from civicdesk.domain.enums import ConsultationChannel, ConsultationStatus, Role, Sex


def channel_text(value: ConsultationChannel | str) -> str:
    names = {
        ConsultationChannel.IN_PERSON: QCoreApplication.translate("Labels", "In person"),
        ConsultationChannel.PHONE: QCoreApplication.translate("Labels", "Phone"),
        ConsultationChannel.ONLINE: QCoreApplication.translate("Labels", "Online"),
        ConsultationChannel.OUTREACH: QCoreApplication.translate("Labels", "Outreach visit"),
    }
    return names.get(ConsultationChannel(value), str(value))


def status_text(value: ConsultationStatus | str) -> str:
    names = {
        ConsultationStatus.OPEN: QCoreApplication.translate("Labels", "Open"),
        ConsultationStatus.FOLLOW_UP: QCoreApplication.translate("Labels", "Follow-up"),
        ConsultationStatus.CLOSED: QCoreApplication.translate("Labels", "Closed"),
    }
    return names.get(ConsultationStatus(value), str(value))


def role_text(value: Role | str) -> str:
    names = {
        Role.CONSULTANT: QCoreApplication.translate("Labels", "Consultant"),
        Role.MANAGER: QCoreApplication.translate("Labels", "Manager"),
        Role.HEAD_OFFICE: QCoreApplication.translate("Labels", "Head office"),
    }
    return names.get(Role(value), str(value))


def sex_text(value: Sex | str | None) -> str:
    if value is None:
        return ""
    names = {
        Sex.MALE: QCoreApplication.translate("Labels", "Male"),
        Sex.FEMALE: QCoreApplication.translate("Labels", "Female"),
    }
    return names.get(Sex(value), str(value))


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("Labels", "Yes")
        if value
        else QCoreApplication.translate("Labels", "No")
    )
