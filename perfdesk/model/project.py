"""A budget project's performance target table (绩效目标表) and its parts."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from perfdesk.model.money import LIMIT, to_amount
from perfdesk.model.review_marks import ProjectReview
from perfdesk.model.values import ValueReading, parse_value

MONTH_CHECKPOINTS = ("3月底", "6月底", "10月底", "12月底")
QUARTER_CHECKPOINTS = ("第一季度", "第二季度", "第三季度", "第四季度")

INDICATOR_FIELDS = ("level1", "level2", "level3", "description", "value", "basis")
INDICATOR_HEADERS = ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据")


class _Model(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid")


class Indicator(_Model):
    """One row of the indicator table. ``value`` is the clerk's 指标值, kept exactly;
    ``previous_value`` the same row's 指标值 of the year before (上年指标值), shown beside it and
    kept in the file but not printed (rollover fills it)."""

    level1: str = ""
    level2: str = ""
    level3: str = ""
    description: str = ""
    value: str = ""
    basis: str = ""
    previous_value: str = ""

    @property
    def reading(self) -> ValueReading:
        return parse_value(self.value)

    def cells(self) -> tuple[str, str, str, str, str, str]:
        return (self.level1, self.level2, self.level3, self.description, self.value, self.basis)


class Checkpoint(_Model):
    """One column of the spending plan: its label (3月底 …) and the cumulative % (or blank)."""

    label: str
    value: Decimal | None = None

    @field_validator("value", mode="before")
    @classmethod
    def _decimal(cls, value: object) -> Decimal | None:
        if value is None or value == "":
            return None
        if isinstance(value, float):
            value = repr(value)
        try:
            number = Decimal(str(value))
        except ArithmeticError:  # pydantic reports only ValueError with the field's place
            raise ValueError(f"“{value}”不是数字") from None
        if not number.is_finite():
            raise ValueError("不是数字")
        if abs(number) >= LIMIT:  # 1E+26 cannot be a percentage, and a spreadsheet would change it
            raise ValueError(f"“{value}”不是合理的百分比")
        return number


class SpendingPlan(_Model):
    """资金支出计划（%）: cumulative percentages at four checkpoints."""

    checkpoints: list[Checkpoint] = Field(
        default_factory=lambda: [Checkpoint(label=label) for label in MONTH_CHECKPOINTS]
    )

    @property
    def labels(self) -> list[str]:
        return [c.label for c in self.checkpoints]

    @property
    def values(self) -> list[Decimal | None]:
        return [c.value for c in self.checkpoints]

    @classmethod
    def of(cls, values: list[object], labels: tuple[str, ...] | list[str] = MONTH_CHECKPOINTS) -> "SpendingPlan":
        return cls(checkpoints=[Checkpoint(label=l, value=v) for l, v in zip(labels, values, strict=True)])


class Project(_Model):
    """One budget project (预算项目). Amounts are 万元 with two decimals; None means blank."""

    code: str = ""
    name: str = ""
    budget_total: Decimal | None = None
    budget_fiscal: Decimal | None = None
    budget_other: Decimal | None = None
    purpose: str = ""
    spending_plan: SpendingPlan = Field(default_factory=SpendingPlan)
    goals: list[str] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    # The bureau's review of this project (status, comment, accepted findings); not printed.
    review: ProjectReview = Field(default_factory=ProjectReview)

    @field_validator("budget_total", "budget_fiscal", "budget_other", mode="before")
    @classmethod
    def _amount(cls, value: object) -> Decimal | None:
        return to_amount(value)

    @property
    def title(self) -> str:
        """The table title without its number: ``<项目名称>绩效目标表``."""
        return f"{self.name}绩效目标表"
