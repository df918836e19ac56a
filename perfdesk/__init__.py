"""perfdesk: an offline editor for 部门预算绩效文本 (department budget performance texts)."""

__version__ = "0.1.0"
