"""Make digitless-hei.ttf: a Chinese TrueType font without Latin digits or letters.

Like Droid Sans Fallback, which many Linux PCs have as their only Chinese font: it has hanzi
and Chinese punctuation but no 0-9, no ASCII at all. The PDF export must still print every
code, amount and percentage (from another installed font). Made from WenQuanYi Micro Hei
(fonts-wqy-microhei) with fontTools (``pip install fonttools``; only this script needs it):

    .venv/bin/python tests/data/fonts/make_digitless.py
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
TARGET = Path(__file__).with_name("digitless-hei.ttf")
FAMILY = "Digitless Hei"
# The hanzi of the test documents and of what the export itself prints, and CJK punctuation.
HANZI = ("测试局本级项目符号产出指标数量质量时效成本效益社会经济生态可持续满意度服务对象一二三四五六七八九十百千万亿元"
         "年月日季度第部分门整体绩效目标预算规模及资金用途支出计划财政其他中编码名称描述值确定依据工作表单位页共"
         "总分项保障措施文草案编制审核录的和与在为有不人次个率完成按时实现提高降低增加减少以上下内外达到合格"
         "科技局信息化建设运行维护专业培训会议设备购置办公经费人员公用城乡居民医疗保险教育卫生农业水利交通"
         "环境保护安全管理监督检查宣传发展改革统计审计市区县镇村街道机关事业行政综合执法资源规划自然")
PUNCTUATION = "，。、；：？！…—（）《》“”‘’【】〔〕％＜＞≥≤㎡　·"


def main() -> None:
    font = TTFont(SOURCE, fontNumber=0)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = []
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(dict.fromkeys(HANZI + PUNCTUATION)))
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "")
    font.save(TARGET)
    print(TARGET, TARGET.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
