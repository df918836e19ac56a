<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CoverEditor</name>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="60" />
        <source>Department:</source>
        <translation>部门名称：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="61" />
        <source>Budget year:</source>
        <translation>预算年度：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="62" />
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="63" />
        <source>Prepared by:</source>
        <translation>编制：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="64" />
        <source>Reviewed by:</source>
        <translation>审核：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="65" />
        <source>Indicator framework:</source>
        <translation>指标体系：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="72" />
        <source>Contents</source>
        <translation>内容概况</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/cover_editor.py" line="92" />
        <source>%n budget unit(s), </source>
        <translation>
            <numerusform>%n 个预算单位，</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/cover_editor.py" line="93" />
        <source>%n project(s); </source>
        <translation>
            <numerusform>%n 个项目；</numerusform></translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="94" />
        <source>budget %1, fiscal funds %2, other funds %3 (10,000 yuan).</source>
        <translation>预算数 %1 万元，财政资金 %2 万元，其他资金 %3 万元。</translation>
    </message>
</context>
<context>
    <name>DepartmentTree</name>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="41" />
        <source>Add budget unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="42" />
        <source>Add project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="43" />
        <source>Delete…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="44" />
        <source>Rename</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="45" />
        <source>Move up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="46" />
        <source>Move down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="47" />
        <source>Duplicate project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="48" />
        <source>Move to unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="165" />
        <source>New budget unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="179" />
        <source>New project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="188" />
        <source>(unnamed unit)</source>
        <translation>（未命名单位）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="189" />
        <source>Delete the budget unit “%1” and its %2 projects?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="193" />
        <source>Delete the project “%1”?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="193" />
        <source>(unnamed project)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="196" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>DocumentTreeModel</name>
    <message>
        <location filename="../../perfdesk/qtmodels/tree_model.py" line="147" />
        <source>Cover</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/tree_model.py" line="149" />
        <source>Part 1: department-wide goals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/tree_model.py" line="153" />
        <source>(unnamed unit)</source>
        <translation>（未命名单位）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/tree_model.py" line="155" />
        <source>(unnamed project)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="48" />
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="50" />
        <source>Unsaved changes</source>
        <translation>尚未保存的修改</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="51" />
        <source>“%1” has changes that are not saved. Save them?</source>
        <translation>“%1”有尚未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="62" />
        <source>The file could not be accessed: %1</source>
        <translation>无法访问文件：%1</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="66" />
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="80" />
        <location filename="../../perfdesk/ui/file_actions.py" line="88" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="80" />
        <location filename="../../perfdesk/ui/file_actions.py" line="106" />
        <source>Workbooks (*.xlsx)</source>
        <translation>工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="106" />
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="120" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="126" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="134" />
        <source>Import last year's text</source>
        <translation>导入上年文本</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="135" />
        <source>Published texts (*.txt *.docx)</source>
        <translation>公开文本 (*.txt *.docx)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="143" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/file_actions.py" line="147" />
        <source>%n passage(s) could not be placed; please check them:</source>
        <translation>
            <numerusform>有 %n 处文字未能归位，请核对：</numerusform></translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="148" />
        <source>Everything in the text was placed.</source>
        <translation>文本内容已全部导入。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="149" />
        <source>Import notes</source>
        <translation>导入说明</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="155" />
        <location filename="../../perfdesk/ui/file_actions.py" line="164" />
        <location filename="../../perfdesk/ui/file_actions.py" line="167" />
        <source>Roll forward</source>
        <translation>结转下一年度</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="155" />
        <source>New budget year:</source>
        <translation>新的预算年度：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="168" />
        <source>The draft for %1 was made. Changes:</source>
        <translation>已生成 %1 年度草案。变更如下：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="185" />
        <location filename="../../perfdesk/ui/file_actions.py" line="194" />
        <location filename="../../perfdesk/ui/file_actions.py" line="200" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/file_actions.py" line="195" />
        <source>The review found %n error(s). Export the PDF anyway?</source>
        <translation>
            <numerusform>审核发现 %n 个错误。仍要导出 PDF 吗？</numerusform></translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="200" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="206" />
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="223" />
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="237" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="92" />
        <source>Document (cover, Part 1, units)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="150" />
        <source>Finding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="150" />
        <source>Severity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="151" />
        <source>Place</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="191" />
        <source>Error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="191" />
        <source>Warning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="192" />
        <source>Hint</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FontSettingsDialog</name>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="91" />
        <source>PDF fonts</source>
        <translation>PDF 字体</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="96" />
        <source>Automatic (installed CJK font)</source>
        <translation>自动（使用已安装的中文字体）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="99" />
        <source>Body text font:</source>
        <translation>正文字体：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="100" />
        <source>Heading font:</source>
        <translation>标题字体：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="101" />
        <source>TrueType (.ttf/.ttc) files are embedded in the PDF so that it prints the same on every computer.</source>
        <translation>TrueType 字体（.ttf/.ttc）会嵌入 PDF，在任何电脑上打印都一样。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="115" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="121" />
        <source>Choose a font file</source>
        <translation>选择字体文件</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="122" />
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
</context>
<context>
    <name>IndicatorGrid</name>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="63" />
        <source>Insert row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="64" />
        <source>Insert an indicator below the current row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="65" />
        <source>Delete rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="66" />
        <source>Delete the selected indicator rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="67" />
        <source>Move up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="68" />
        <source>Move down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="69" />
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="70" />
        <source>Copy the selected rows as tab-separated text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="71" />
        <source>Paste</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="72" />
        <source>Paste rows copied from Excel or WPS</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <location filename="../../perfdesk/qtmodels/indicator_model.py" line="188" />
        <source>A %1 should have a number, e.g. ≥5人 or 100%.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/indicator_model.py" line="200" />
        <source>This second-level indicator does not belong under %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="65" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="206" />
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/main_window.py" line="212" />
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n 个项目</numerusform></translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="213" />
        <source>Budget %1  fiscal %2  other %3 (10,000 yuan)</source>
        <translation>预算数 %1  财政资金 %2  其他资金 %3（万元）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/main_window.py" line="217" />
        <source>Review: %n error(s)</source>
        <translation>
            <numerusform>审核：%n 个错误</numerusform></translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="218" />
        <source>Review: no errors</source>
        <translation>审核：无错误</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="223" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="224" />
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="225" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="226" />
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="228" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="229" />
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="232" />
        <source>&amp;Import last year's text…</source>
        <translation>导入上年文本(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="233" />
        <source>Roll forward to &amp;next year…</source>
        <translation>结转到下一年度(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="235" />
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="236" />
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="237" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="239" />
        <source>PDF &amp;fonts…</source>
        <translation>PDF 字体(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="241" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="243" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="244" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="246" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="256" />
        <source>&amp;Indicators</source>
        <translation>绩效指标(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="260" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="262" />
        <source>&amp;Review findings</source>
        <translation>审核结果(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="264" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="265" />
        <source>&amp;About perfdesk</source>
        <translation>关于 perfdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="267" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="290" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="293" />
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
</context>
<context>
    <name>Part1Editor</name>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="109" />
        <source>Part 1  Department-wide performance goals</source>
        <translation>第一部分  部门整体绩效目标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="116" />
        <source>1. Overall goal</source>
        <translation>一、总体绩效目标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="124" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="125" />
        <source>Goal:</source>
        <translation>绩效目标：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="126" />
        <source>Indicators:</source>
        <translation>绩效指标：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="130" />
        <source>2. Sub-goals</source>
        <translation>二、分项绩效目标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="137" />
        <source>One sub-item per line; numbering is added when printing</source>
        <translation>每行一个子项；编号在打印时自动添加</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="138" />
        <source>Measure:</source>
        <translation>保障措施：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="139" />
        <source>Sub-items:</source>
        <translation>子项：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="142" />
        <source>3. Assurance measures</source>
        <translation>三、工作保障措施</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="63" />
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/print_preview.py" line="70" />
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform></translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="71" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="73" />
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="75" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="77" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="69" />
        <source>By month end</source>
        <translation>按月末</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="70" />
        <source>By quarter</source>
        <translation>按季度</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="81" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="82" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="83" />
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="84" />
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="108" />
        <source>Project name:</source>
        <translation>项目名称：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="110" />
        <source>Project code:</source>
        <translation>项目编码：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="111" />
        <source>Budget unit:</source>
        <translation>预算单位：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="114" />
        <source>of which fiscal funds:</source>
        <translation>其中：财政资金</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="116" />
        <source>other funds:</source>
        <translation>其他资金</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="118" />
        <source>Unit: 10,000 yuan</source>
        <translation>单位：万元</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="119" />
        <source>Budget:</source>
        <translation>预算数：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="126" />
        <source>Spending plan (%):</source>
        <translation>资金支出计划（%）：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="130" />
        <source>Use of funds:</source>
        <translation>资金用途：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="140" />
        <source>Goals:</source>
        <translation>绩效目标：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="203" />
        <source>(unnamed unit)</source>
        <translation>（未命名单位）</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="86" />
        <source>Fix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="154" />
        <source>Errors (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="154" />
        <source>Warnings (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="155" />
        <source>Hints (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="159" />
        <source>No problems found.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="161" />
        <source>Double-click a finding to go to its cell.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="186" />
        <source>Errors remain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="187" />
        <source>The review found %1 error(s). Export the PDF anyway?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="249" />
        <source>Go to cell</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="253" />
        <source>Fix: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UnitEditor</name>
    <message>
        <location filename="../../perfdesk/ui/unit_editor.py" line="37" />
        <source>Unit code:</source>
        <translation>单位编码：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/unit_editor.py" line="38" />
        <source>Unit name:</source>
        <translation>单位名称：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/unit_editor.py" line="44" />
        <source>Projects of this unit</source>
        <translation>本单位项目</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/unit_editor.py" line="69" />
        <source>(unnamed unit)</source>
        <translation>（未命名单位）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/unit_editor.py" line="71" />
        <source>%n project(s), budget total %1 (10,000 yuan)</source>
        <translation>
            <numerusform>%n 个项目，预算数合计 %1 万元</numerusform></translation>
    </message>
</context>
<context>
    <name>_ListPane</name>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="40" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="41" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="42" />
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="43" />
        <source>Down</source>
        <translation>下移</translation>
    </message>
</context>
</TS>
