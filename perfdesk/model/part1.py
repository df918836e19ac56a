"""Part 1 of the text (第一部分 部门整体绩效目标): the department-wide goals."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid")


class SubGoal(_Model):
    """二、分项绩效目标: one item with its title, goal text and indicator text."""

    title: str = ""
    goal: str = ""
    indicators: str = ""


class Measure(_Model):
    """三、工作保障措施: one measure, optionally with numbered sub-items."""

    text: str = ""
    items: list[str] = Field(default_factory=list)


class Part1(_Model):
    overall_goal: str = ""
    sub_goals: list[SubGoal] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
