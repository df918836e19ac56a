"""The document model: pydantic records and their mutators. No Qt, no file formats."""

from perfdesk.model.document import SCHEMA_VERSION, BudgetUnit, Change, Document, DocumentStatus
from perfdesk.model.framework import DEFAULT_FRAMEWORK, Framework, available_frameworks, load_framework
from perfdesk.model.kept_sheet import KeptCell, KeptSheet
from perfdesk.model.money import NO_AMOUNT, format_amount, to_amount, typed_amount, without_thousands
from perfdesk.model.part1 import Measure, Part1, SubGoal
from perfdesk.model.project import (
    INDICATOR_FIELDS,
    INDICATOR_HEADERS,
    MONTH_CHECKPOINTS,
    QUARTER_CHECKPOINTS,
    Checkpoint,
    Indicator,
    Project,
    SpendingPlan,
)
from perfdesk.model.review_marks import Acceptance, ProjectReview, ReviewStatus
from perfdesk.model.values import ValueKind, ValueReading, parse_value

__all__ = [
    "SCHEMA_VERSION", "BudgetUnit", "Change", "Document", "DocumentStatus", "DEFAULT_FRAMEWORK",
    "Framework", "available_frameworks", "load_framework", "format_amount", "to_amount", "typed_amount", "without_thousands", "NO_AMOUNT", "Measure",
    "Part1", "SubGoal", "INDICATOR_FIELDS", "INDICATOR_HEADERS", "MONTH_CHECKPOINTS",
    "QUARTER_CHECKPOINTS", "Checkpoint", "Indicator", "Project", "SpendingPlan", "ValueKind",
    "ValueReading", "parse_value", "KeptCell", "KeptSheet", "Acceptance", "ProjectReview", "ReviewStatus",
]
