"""Review checks (审核): the rules a finance bureau's reviewer applies to a text.

No Qt here. ``check_document`` gives every finding; ``check_project`` re-checks one project
after an edit. Thresholds and word lists are data (``resources/review/*.json``).
"""

from perfdesk.review.checker import check_document, check_document_level, check_project, count_by_severity
from perfdesk.review.findings import FIELDS, RULES, Finding, Fix, Severity
from perfdesk.review.ruledata import ReviewRules, load_rules, load_rules_file, strip_markup

__all__ = ["check_document", "check_document_level", "check_project", "count_by_severity", "FIELDS", "RULES",
           "Finding", "Fix", "Severity", "ReviewRules", "load_rules", "load_rules_file", "strip_markup"]
