"""The indicator framework (指标体系): which 二级指标 belong under which 一级指标.

Frameworks are data (``resources/frameworks/*.json``) so that another region's, or the
Ministry of Finance's 2021 one with 成本指标 at the first level, can be loaded without code.
Aliases let older spellings (效果指标 for 效益指标) be recognised and mapped.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

from perfdesk.resources import resource_path

DEFAULT_FRAMEWORK = "hebei"


class Level2(BaseModel):
    name: str
    aliases: list[str] = Field(default_factory=list)


class Level1(BaseModel):
    name: str
    aliases: list[str] = Field(default_factory=list)
    children: list[Level2] = Field(default_factory=list)


class Framework(BaseModel):
    id: str
    name: str
    levels: list[Level1]

    def level1_names(self) -> list[str]:
        return [level.name for level in self.levels]

    def level2_names(self, level1: str) -> list[str]:
        found = self.find_level1(level1)
        return [child.name for child in found.children] if found else []

    def find_level1(self, name: str) -> Level1 | None:
        name = name.strip()
        for level in self.levels:
            if name == level.name or name in level.aliases:
                return level
        return None

    def canonical_level1(self, name: str) -> str | None:
        found = self.find_level1(name)
        return found.name if found else None

    def _find_level2(self, name: str) -> tuple[Level1, Level2] | None:
        name = name.strip()
        for level in self.levels:
            for child in level.children:
                if name == child.name or name in child.aliases:
                    return level, child
        return None

    def canonical_level2(self, name: str) -> str | None:
        """The framework's own spelling of a 二级指标 (aliases mapped), or None if unknown."""
        found = self._find_level2(name)
        return found[1].name if found else None

    def parent_of(self, level2: str) -> str | None:
        """The 一级指标 a 二级指标 belongs under, or None if the framework does not know it."""
        found = self._find_level2(level2)
        return found[0].name if found else None

    def contains(self, level1: str, level2: str) -> bool:
        found = self.find_level1(level1)
        if not found:
            return False
        level2 = level2.strip()
        return any(level2 == c.name or level2 in c.aliases for c in found.children)


def framework_dir() -> Path:
    return resource_path("frameworks")


def available_frameworks() -> list[str]:
    return sorted(p.stem for p in framework_dir().glob("*.json"))


@lru_cache(maxsize=None)
def load_framework(framework_id: str = DEFAULT_FRAMEWORK) -> Framework:
    """Load a framework by id (the file name in resources/frameworks without .json)."""
    path = framework_dir() / f"{framework_id}.json"
    if not path.is_file():
        raise KeyError(f"未找到指标体系“{framework_id}”")
    return Framework.model_validate(json.loads(path.read_text(encoding="utf-8")))


def load_framework_file(path: Path) -> Framework:
    return Framework.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
