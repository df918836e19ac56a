"""The two real published texts of tests/data/samples, transcribed by hand into documents.

These are the expected values for the importer's tests and the source of the bundled
examples; they are typed from the text, never produced by perfdesk's own code.
"""

from perfdesk.model import Indicator, SpendingPlan


def row(level1: str, level2: str, level3: str, description: str, value: str, basis: str) -> Indicator:
    """One indicator row, its six cells in the order the table prints them."""
    return Indicator(level1=level1, level2=level2, level3=level3, description=description,
                     value=value, basis=basis)


def plan(*values: str | None) -> SpendingPlan:
    """The four cumulative percentages printed under 3月底/6月底/10月底/12月底 (None = blank)."""
    return SpendingPlan.of(list(values))
