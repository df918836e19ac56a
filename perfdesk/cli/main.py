"""Parse the command line and dispatch to a subcommand; errors go to stderr with status 2.

``perfdesk [FILE]`` opens the window; the subcommands live in small modules beside this one
and are imported only when used, so ``perfdesk --version`` stays quick.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
import traceback
from typing import Sequence

from perfdesk import __version__
from perfdesk.errors import PerfdeskError, describe_error

# subcommand -> (module in perfdesk.cli, function, help text)
SUBCOMMANDS: dict[str, tuple[str, str, str]] = {
    "new": ("files", "run_new", "写出一个空白模板工作簿"),
    "convert": ("files", "run_convert", "在 .xlsx 与 .json 之间转换"),
    "info": ("files", "run_info", "列出预算单位、项目和合计金额"),
    "export": ("export", "run_export", "把文本导出为正式格式的 PDF 或 Word（.docx）"),
    "check": ("check", "run_check", "审核一个或多个文件"),
    "import": ("importing", "run_import", "从上年公开的文本（.pdf/.docx/.txt）导入"),
    "rollover": ("importing", "run_rollover", "生成下一年度的草稿"),
    "compare": ("compare", "run_compare", "列出同一文本两个版本之间的不同"),
    "suggest": ("suggest", "run_suggest", "在指标库（往年文本和通用共性指标）中查找三级指标"),
}


# argparse's own complaints, in the clerk's language (the rest of its text is kept)
USAGE_MESSAGES = (
    (re.compile(r"the following arguments are required: (.*)"), "缺少参数：{0}"),
    (re.compile(r"unrecognized arguments: (.*)"), "不认识的参数：{0}（可用 -h 查看用法）"),
    (re.compile(r"argument (\S+): invalid int value: '(.*)'"), "参数 {0} 的值“{1}”不是整数"),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 后面缺少它的值"),
    (re.compile(r"argument (\S+): invalid choice: '(.*)' \(choose from (.*)\)"), "参数 {0} 的值“{1}”不可用（可选：{2}）"),
)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are Chinese; status 2 as before."""

    def error(self, message: str):  # noqa: ANN201 - never returns
        for pattern, chinese in USAGE_MESSAGES:
            match = pattern.fullmatch(message)
            if match:
                message = chinese.format(*match.groups())
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：{message}\n")


def _subparser(name: str) -> argparse.ArgumentParser:
    parser = Parser(prog=f"perfdesk {name}", description=SUBCOMMANDS[name][2])
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
        parser.add_argument("output", help="要写出的 .pdf 或 .docx")
        parser.add_argument("--project", action="append", default=[], metavar="CODE",
                            help="只导出这个项目编码的表（可重复）")
        parser.add_argument("--profile", default=None, metavar="NAME",
                            help="版式：compact（默认）、gbt9704（公文格式），或 resources/profiles 中的其他版式、一个版式 .json 文件")
        parser.add_argument("--jobs", type=int, default=None, metavar="N",
                            help="同时排版的进程数（默认：较大的文档每个处理器核心一个）")
        parser.add_argument("--body-font", default=os.environ.get("PERFDESK_BODY_FONT"), metavar="FILE",
                            help="正文字体文件（TrueType .ttf/.ttc，宋体类）；也可用环境变量 PERFDESK_BODY_FONT")
        parser.add_argument("--heading-font", default=os.environ.get("PERFDESK_HEADING_FONT"), metavar="FILE",
                            help="标题字体文件（TrueType .ttf/.ttc，黑体类）；也可用环境变量 PERFDESK_HEADING_FONT")
    elif name == "check":
        parser.add_argument("files", nargs="+")
        parser.add_argument("--json", action="store_true", help="输出 JSON 列表")
        parser.add_argument("--rules", default=None, metavar="FILE",
                            help="另一地区的审核规则（JSON，格式同 resources/review/hebei.json）")
        parser.add_argument("--jobs", type=int, default=None, metavar="N",
                            help="同时审核的进程数（默认每个处理器核心一个）")
        parser.add_argument("--annotate", default=None, metavar="OUT.xlsx",
                            help="写出工作簿的批注版：每个问题作为批注标在它的单元格上（原文件不改动）")
        parser.add_argument("--summary", default=None, metavar="OUT.xlsx",
                            help="写出审核汇总工作簿：每个文件一行，另一张表列出全部问题")
        parser.add_argument("--report", default=None, metavar="OUT.pdf", help="写出审核意见（PDF），可打印后退回")
        parser.add_argument("--reviewer", default=None, metavar="NAME", help="审核意见上的审核人")
    elif name == "import":
        parser.add_argument("input", help=".pdf、.docx 或 .txt")
        parser.add_argument("output", help="要写出的 .xlsx")
    elif name == "rollover":
        parser.add_argument("input")
        parser.add_argument("output")
        parser.add_argument("--year", type=int, required=True, help="新的预算年度")
    elif name == "compare":
        parser.add_argument("old", help="原来的版本（.xlsx 或 .json）")
        parser.add_argument("new", help="新的版本（.xlsx 或 .json）")
        parser.add_argument("--json", action="store_true", help="输出 JSON")
        parser.add_argument("--pdf", default=None, metavar="OUT.pdf", help="写出对比报告（PDF）")
    elif name == "suggest":
        parser.add_argument("text", help="三级指标的一段文字（两三个字即可）")
        parser.add_argument("--from", dest="folders", action="append", default=[], metavar="FOLDER",
                            help="存放往年文本（.xlsx/.json）的文件夹（可重复）")
        parser.add_argument("--common", action="store_true", help="也查随软件提供的通用共性指标（排在后面）")
        parser.add_argument("--level2", default="", metavar="二级指标", help="正在填写的行的二级指标（同二级的排在前面）")
        parser.add_argument("--limit", type=int, default=20, metavar="N", help="最多列出几条（默认 20）")
        parser.add_argument("--json", action="store_true", help="输出 JSON 列表")
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = Parser(
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
    except BrokenPipeError:  # the output was piped into `head` or a pager that closed early
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so the exit flush cannot fail again
        except OSError:
            pass
        return 0
    except SystemExit as stop:
        return int(stop.code or 0) if isinstance(stop.code, int) else 2
    except OSError as error:
        where = f"“{error.filename}”" if error.filename else ""
        print(f"perfdesk: 文件{where}操作失败：{describe_error(error)}", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - a bug of ours: one line for the clerk, not a traceback
        if os.environ.get("PERFDESK_DEBUG"):
            raise
        print(f"perfdesk: 内部错误（{describe_bug(error)}），请把这一行告诉维护人员。"
              "设置环境变量 PERFDESK_DEBUG=1 可看到详细信息。", file=sys.stderr)
        return 2


def describe_bug(error: BaseException) -> str:
    """``KeyError: 'x' @ ruledata.py:90``: enough for a maintainer, short enough for a clerk."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" @ {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""
    return f"{type(error).__name__}: {error}{where}"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
