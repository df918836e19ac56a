"""Parse the command line and dispatch to a subcommand; errors go to stderr with status 2.

``perfdesk [FILE]`` opens the window; the subcommands live in small modules beside this one
and are imported only when used, so ``perfdesk --version`` stays quick.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from perfdesk import __version__
from perfdesk.errors import PerfdeskError

# subcommand -> (module in perfdesk.cli, function, help text)
SUBCOMMANDS: dict[str, tuple[str, str, str]] = {
    "new": ("files", "run_new", "写出一个空白模板工作簿"),
    "convert": ("files", "run_convert", "在 .xlsx 与 .json 之间转换"),
    "info": ("files", "run_info", "列出预算单位、项目和合计金额"),
    "export": ("export", "run_export", "把文本导出为正式格式的 PDF"),
    "check": ("check", "run_check", "审核一个或多个文件"),
    "import": ("importing", "run_import", "从上年公开的文本（.txt/.docx）导入"),
    "rollover": ("importing", "run_rollover", "把文件结转为下一年度的草案"),
}


def _subparser(name: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"perfdesk {name}", description=SUBCOMMANDS[name][2])
    if name == "new":
        parser.add_argument("output", help="要写出的 .xlsx 文件")
        parser.add_argument("--department", default="", help="部门名称")
        parser.add_argument("--year", type=int, default=None, help="预算年度")
    elif name == "convert":
        parser.add_argument("input", help=".xlsx 或 .json")
        parser.add_argument("output", help=".json 或 .xlsx")
    elif name == "info":
        parser.add_argument("file")
    elif name == "export":
        parser.add_argument("input", help=".xlsx 或 .json")
        parser.add_argument("output", help="要写出的 .pdf")
        parser.add_argument("--project", action="append", default=[], metavar="CODE",
                            help="只导出这个项目编码的表（可重复）")
    elif name == "check":
        parser.add_argument("files", nargs="+")
        parser.add_argument("--json", action="store_true", help="输出 JSON 列表")
        parser.add_argument("--rules", default=None, metavar="FILE",
                            help="另一地区的审核规则（JSON，格式同 resources/review/hebei.json）")
    elif name == "import":
        parser.add_argument("input", help=".txt 或 .docx")
        parser.add_argument("output", help="要写出的 .xlsx")
    elif name == "rollover":
        parser.add_argument("input")
        parser.add_argument("output")
        parser.add_argument("--year", type=int, required=True, help="新的预算年度")
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perfdesk",
        description="部门预算绩效文本编辑器。子命令：" + "、".join(SUBCOMMANDS),
    )
    parser.add_argument("--version", action="version", version=f"perfdesk {__version__}")
    parser.add_argument("--lang", choices=["zh_CN", "en"], default=None, help="界面语言")
    parser.add_argument("file", nargs="?", help="要打开的 .xlsx 文件")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in SUBCOMMANDS:
            name = args_list[0]
            args = _subparser(name).parse_args(args_list[1:])
            module_name, function, _ = SUBCOMMANDS[name]
            module = importlib.import_module(f"perfdesk.cli.{module_name}")
            return int(getattr(module, function)(args) or 0)
        args = _gui_parser().parse_args(args_list)
        from perfdesk.ui.app import run_app  # Qt is imported only for the window

        return int(run_app(args.file, lang=args.lang) or 0)
    except PerfdeskError as error:
        print(f"perfdesk: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except SystemExit as stop:
        return int(stop.code or 0) if isinstance(stop.code, int) else 2
    except OSError as error:
        print(f"perfdesk: 文件操作失败：{error.strerror or error}（{error.filename or ''}）", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
