"""One description of the printed document for every writer (PDF, Word): print profiles
(:mod:`.profile`, data in resources/profiles) and the document as ordered blocks (:mod:`.blocks`).
No ReportLab, no python-docx here."""

from perfdesk.layout.blocks import Layout, document_layout
from perfdesk.layout.profile import DEFAULT_PROFILE, PrintProfile, available_profiles, load_profile

__all__ = ["Layout", "document_layout", "DEFAULT_PROFILE", "PrintProfile", "available_profiles", "load_profile"]
