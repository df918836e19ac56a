<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../perfdesk/ui/about.py" line="82" />
        <source>About perfdesk</source>
        <translation>关于 perfdesk</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/about.py" line="88" />
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/about.py" line="91" />
        <source>An offline editor in which county bureaus write, check and print their department's yearly budget performance text.</source>
        <translation>离线编辑器：供县级各部门编写、审核并打印本部门年度预算绩效文本。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/about.py" line="105" />
        <source>Part</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/about.py" line="105" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/about.py" line="105" />
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/about.py" line="111" />
        <source>Qt and PySide6 are used under the GNU LGPL version 3: their libraries are separate files in the installation folder and may be replaced.</source>
        <translation>Qt 与 PySide6 按 GNU LGPL 第 3 版使用：其库文件是安装目录中的独立文件，可以替换。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/about.py" line="113" />
        <source>No fonts are bundled: the PDF export uses the fonts of the system (SimSun, SimHei and FangSong on Windows).</source>
        <translation>本程序不附带字体：导出 PDF 时使用系统字体（Windows 上为宋体、黑体和仿宋）。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/about.py" line="121" />
        <source>Licence texts…</source>
        <translation>许可证全文…</translation>
    </message>
</context>
<context>
    <name>AutoSaver</name>
    <message>
        <location filename="../../perfdesk/ui/recovery.py" line="131" />
        <source>The recovery copy could not be written (%1): please save your work.</source>
        <translation>无法写入恢复副本（%1），请及时保存文件。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/recovery.py" line="199" />
        <source>Recovered the unsaved changes of “%1”. Save to keep them.</source>
        <translation>已恢复“%1”未保存的修改，请保存以保留这些修改。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/recovery.py" line="207" />
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/recovery.py" line="212" />
        <source>Recovery copy</source>
        <translation>恢复副本</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/recovery.py" line="213" />
        <source>The recovery copy of “%1” could not be read: %2
It was renamed and kept as %3.</source>
        <translation>无法读取“%1”的恢复副本：%2
该副本已改名保留为 %3。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/recovery.py" line="228" />
        <source>Recover unsaved changes</source>
        <translation>恢复未保存的修改</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/recovery.py" line="225" />
        <source>perfdesk was not closed normally last time. Unsaved changes to “%1” were found (saved at %2). Recover them?</source>
        <translation>上次未正常退出，发现“%1”未保存的修改（保存于 %2）。是否恢复？</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/recovery.py" line="218" />
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/recovery.py" line="219" />
        <source>A new document that was never saved.</source>
        <translation>这是一个尚未保存过的新文档。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/recovery.py" line="221" />
        <source>Department: %1    Year: %2</source>
        <translation>部门：%1    年度：%2</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/recovery.py" line="223" />
        <source>A recovered document is shown as unsaved: check it, then save it. “Later” keeps the recovery copy for next time.</source>
        <translation>恢复后的文档显示为“未保存”，请核对后保存。选择“以后再说”将保留恢复副本，下次再询问。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/recovery.py" line="229" />
        <source>&amp;Recover</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/recovery.py" line="230" />
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/recovery.py" line="231" />
        <source>&amp;Later</source>
        <translation>以后再说(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="59" />
        <source>Compare again</source>
        <translation>重新比较</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="62" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="68" />
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="68" />
        <source>Old version</source>
        <translation>原版本</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="68" />
        <source>New version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="69" />
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="116" />
        <source>Choose File ▸ Compare with another version… to see what changed.</source>
        <translation>选择“文件 ▸ 与其他版本比较…”查看两个版本的不同。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="120" />
        <source>“%1” and the open text have the same content.</source>
        <translation>“%1”与当前文本内容相同。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/compare_panel.py" line="122" />
        <source>%n difference(s) from “%1” (old) to the open text (new). Double-click one to go there.</source>
        <translation>
            <numerusform>从“%1”（原版本）到当前文本（新版本）共 %n 处不同。双击可跳转到该处。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="142" />
        <source>Document (cover, Part 1)</source>
        <translation>全文（封面、第一部分）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="150" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="152" />
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="162" />
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="162" />
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="162" />
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="185" />
        <location filename="../../perfdesk/ui/compare_panel.py" line="200" />
        <source>Print the comparison</source>
        <translation>打印比较结果</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="186" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="194" />
        <source>open text</source>
        <translation>当前文本</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/compare_panel.py" line="203" />
        <source>Comparison written: %1</source>
        <translation>已写出比较结果：%1</translation>
    </message>
</context>
<context>
    <name>CoverEditor</name>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="42" />
        <source>Draft</source>
        <translation>草案</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="42" />
        <source>Final</source>
        <translation>正式</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="63" />
        <source>Department:</source>
        <translation>部门名称：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="64" />
        <source>Budget year:</source>
        <translation>预算年度：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="65" />
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="66" />
        <source>Prepared by:</source>
        <translation>编制：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="67" />
        <source>Reviewed by:</source>
        <translation>审核：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="68" />
        <source>Indicator framework:</source>
        <translation>指标体系：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="75" />
        <source>Contents</source>
        <translation>内容概况</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/cover_editor.py" line="95" />
        <source>%n budget unit(s), </source>
        <translation>
            <numerusform>%n 个预算单位，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/cover_editor.py" line="96" />
        <source>%n project(s); </source>
        <translation>
            <numerusform>%n 个项目；</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/cover_editor.py" line="97" />
        <source>budget %1, fiscal funds %2, other funds %3 (10,000 yuan).</source>
        <translation>预算数 %1 万元，财政资金 %2 万元，其他资金 %3 万元。</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../perfdesk/ui/crash.py" line="128" />
        <source>perfdesk ran into an internal error; what you just did may not have been completed.</source>
        <translation>perfdesk 遇到内部错误，刚才的操作可能没有完成。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/crash.py" line="130" />
        <source>The recovery copy could not be written: please save your work now (File ▸ Save as if saving to the same file fails).</source>
        <translation>未能写入恢复副本，请立即保存文件（如果保存到原文件失败，请用“文件 ▸ 另存为”）。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/crash.py" line="133" />
        <source>Your changes were saved as a recovery copy, which can be recovered at the next start; you can also simply save now and keep working.</source>
        <translation>您的修改已保存为恢复副本，下次启动时可恢复；也可以现在直接保存文件，继续工作。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/crash.py" line="136" />
        <source>There were no unsaved changes. You can keep working.</source>
        <translation>文档没有未保存的修改，可以继续工作。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/crash.py" line="138" />
        <source>The details were written to %1; please send this file to your maintainer.</source>
        <translation>详细信息已写入 %1，请把这个文件发给维护人员。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/crash.py" line="141" />
        <source>The details could not be written to a log file: %1</source>
        <translation>详细信息无法写入日志文件：%1</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/crash.py" line="152" />
        <source>perfdesk: internal error</source>
        <translation>perfdesk：内部错误</translation>
    </message>
</context>
<context>
    <name>DepartmentTree</name>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="53" />
        <source>Add budget unit</source>
        <translation>添加预算单位</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="54" />
        <source>Add project</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="55" />
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="56" />
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="57" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="58" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="59" />
        <source>Duplicate project</source>
        <translation>复制项目</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="60" />
        <source>Move to unit</source>
        <translation>移到预算单位</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="281" />
        <source>New budget unit</source>
        <translation>新预算单位</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="295" />
        <source>New project</source>
        <translation>新项目</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="304" />
        <source>(unnamed unit)</source>
        <translation>（未命名单位）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="305" />
        <source>Delete the budget unit “%1” and its %2 projects?</source>
        <translation>删除预算单位“%1”及其 %2 个项目？</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="309" />
        <source>Delete the project “%1”?</source>
        <translation>删除项目“%1”？</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="309" />
        <source>(unnamed project)</source>
        <translation>（未命名项目）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/department_tree.py" line="312" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>DocumentTreeModel</name>
    <message>
        <location filename="../../perfdesk/qtmodels/tree_model.py" line="189" />
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/tree_model.py" line="191" />
        <source>Part 1: department-wide goals</source>
        <translation>第一部分 部门整体绩效目标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/tree_model.py" line="195" />
        <source>(unnamed unit)</source>
        <translation>（未命名单位）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/tree_model.py" line="197" />
        <source>(unnamed project)</source>
        <translation>（未命名项目）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/tree_model.py" line="214" />
        <source>Budget: %1 (10,000 yuan)</source>
        <translation>预算数：%1 万元</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/tree_model.py" line="218" />
        <source>Review: %1</source>
        <translation>审核：%1</translation>
    </message>
</context>
<context>
    <name>ExportChoiceDialog</name>
    <message>
        <location filename="../../perfdesk/ui/export_dialog.py" line="37" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/export_dialog.py" line="38" />
        <source>The whole document</source>
        <translation>整个文档</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/export_dialog.py" line="40" />
        <source>Only the checked projects:</source>
        <translation>只导出勾选的项目：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/export_dialog.py" line="49" />
        <source>(no name)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/export_dialog.py" line="59" />
        <source>This project has no project code, so it cannot be exported alone.</source>
        <translation>这个项目没有项目编码，不能单独导出。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/export_dialog.py" line="71" />
        <source>Export:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/export_dialog.py" line="79" />
        <source>Print profile:</source>
        <translation>版式：</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="102" />
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="104" />
        <source>Unsaved changes</source>
        <translation>尚未保存的修改</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="105" />
        <source>“%1” has changes that are not saved. Save them?</source>
        <translation>“%1”有尚未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="116" />
        <source>The file could not be accessed: %1</source>
        <translation>无法访问文件：%1</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="120" />
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="147" />
        <location filename="../../perfdesk/ui/file_actions.py" line="250" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="127" />
        <source>Performance texts (*.xlsx *.json)</source>
        <translation>绩效文本 (*.xlsx *.json)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="272" />
        <source>Workbooks (*.xlsx)</source>
        <translation>工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="272" />
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="202" />
        <location filename="../../perfdesk/ui/file_actions.py" line="291" />
        <location filename="../../perfdesk/ui/file_actions.py" line="314" />
        <location filename="../../perfdesk/ui/file_actions.py" line="342" />
        <location filename="../../perfdesk/ui/file_actions.py" line="397" />
        <location filename="../../perfdesk/ui/file_actions.py" line="400" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="372" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/file_actions.py" line="398" />
        <source>%n item(s) could not be read when the file was opened (see “Opening notes”); once saved over the original file they will no longer be kept.</source>
        <translation>
            <numerusform>打开时有 %n 处内容未能读入（见“打开说明”），保存到原文件后这些内容将不再保留。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="207" />
        <location filename="../../perfdesk/ui/file_actions.py" line="401" />
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="143" />
        <source>Still opening a file: please wait.</source>
        <translation>仍在打开文件，请稍候。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="190" />
        <source>File in use</source>
        <translation>文件正在使用</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="191" />
        <source>“%1” is open in %2.</source>
        <translation>“%1”正由 %2 打开。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="192" />
        <source>Open it read-only? Your changes can then be saved under another name.</source>
        <translation>要以只读方式打开吗？修改后可以另存为其他文件。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="193" />
        <source>Open read-only</source>
        <translation>只读打开</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="194" />
        <location filename="../../perfdesk/ui/file_actions.py" line="208" />
        <location filename="../../perfdesk/ui/file_actions.py" line="402" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="203" />
        <source>“%1” was changed on disk by another program or window since it was opened or last saved.</source>
        <translation>“%1”在打开或上次保存之后已被其他程序或窗口修改。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="205" />
        <source>Overwrite it with this document, save under another name, or cancel?</source>
        <translation>用当前内容覆盖它、另存为其他文件，还是取消？</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="206" />
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="245" />
        <source>Opening %1 …</source>
        <translation>正在打开 %1 …</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="286" />
        <source>Still saving “%1”: please wait.</source>
        <translation>仍在保存“%1”，请稍候。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="291" />
        <source>“%1” is open in %2: save under another name.</source>
        <translation>“%1”正由 %2 打开，请另存为其他文件。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="352" />
        <source>Saving %1 …</source>
        <translation>正在保存 %1 …</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="374" />
        <source>(changes made while saving are not saved yet)</source>
        <translation>（保存过程中所做的修改尚未保存）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="415" />
        <location filename="../../perfdesk/ui/file_actions.py" line="423" />
        <source>Compare with another version</source>
        <translation>与其他版本比较</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="435" />
        <source>Import last year's text</source>
        <translation>导入上年文本</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="436" />
        <source>Published texts (*.pdf *.docx *.txt)</source>
        <translation>公开文本 (*.pdf *.docx *.txt)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="444" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/file_actions.py" line="448" />
        <source>%n passage(s) could not be placed; please check them:</source>
        <translation>
            <numerusform>有 %n 处文字未能归位，请核对：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="449" />
        <source>Everything in the text was placed.</source>
        <translation>文本内容已全部导入。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="450" />
        <source>Import notes</source>
        <translation>导入说明</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="456" />
        <location filename="../../perfdesk/ui/file_actions.py" line="465" />
        <location filename="../../perfdesk/ui/file_actions.py" line="468" />
        <source>Make next year's draft</source>
        <translation>生成下一年度草稿</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="456" />
        <source>Budget year of the draft:</source>
        <translation>草稿的预算年度：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/file_actions.py" line="469" />
        <source>The draft for %1 was made. Changes:</source>
        <translation>已生成 %1 年度草案。变更如下：</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="169" />
        <source>Find and Replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="178" />
        <source>Whole cell only</source>
        <translation>单元格完全匹配</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="182" />
        <source>All projects</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="183" />
        <source>Current project</source>
        <translation>当前项目</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="186" />
        <source>Find what:</source>
        <translation>查找内容：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="187" />
        <source>Replace with:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="188" />
        <source>Within:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="191" />
        <source>Find Next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="194" />
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="196" />
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="198" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="260" />
        <location filename="../../perfdesk/ui/find_replace.py" line="297" />
        <source>Type the text to find.</source>
        <translation>请输入查找内容。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="264" />
        <location filename="../../perfdesk/ui/find_replace.py" line="301" />
        <source>Choose a project first.</source>
        <translation>请先选择一个项目。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="270" />
        <location filename="../../perfdesk/ui/find_replace.py" line="323" />
        <source>Cannot find “%1”.</source>
        <translation>找不到“%1”。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="277" />
        <source>Search wrapped to the beginning.</source>
        <translation>已从头开始。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/find_replace.py" line="321" />
        <source>Replaced %1 occurrence(s).</source>
        <translation>已替换 %1 处。</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="260" />
        <source>Document (cover, Part 1, units)</source>
        <translation>文档（封面、第一部分、预算单位）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="327" />
        <source>Finding</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="327" />
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="328" />
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="328" />
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="355" />
        <source>Accepted by the reviewer</source>
        <translation>已核实保留</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="358" />
        <source>Fix available:</source>
        <translation>可一键修正：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="383" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="383" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/findings_model.py" line="384" />
        <source>Hint</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>FontSettingsDialog</name>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="133" />
        <source>PDF fonts</source>
        <translation>PDF 字体</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="146" />
        <location filename="../../perfdesk/ui/settings.py" line="175" />
        <source>Automatic (installed CJK font)</source>
        <translation>自动（使用已安装的中文字体）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="149" />
        <source>Body text font:</source>
        <translation>正文字体：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="151" />
        <source>Heading font:</source>
        <translation>标题字体：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="153" />
        <source>Chinese TrueType fonts found on this computer: %1.</source>
        <translation>本机找到的 TrueType 中文字体：%1 个。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="155" />
        <source>No Chinese TrueType font was found on this computer: copy one (e.g. simfang.ttf, simhei.ttf) into your own fonts folder, %1, or choose a font file.</source>
        <translation>本机没有找到 TrueType 中文字体：请把字体文件（如 simfang.ttf、simhei.ttf）复制到个人字体文件夹 %1（不需要管理员权限），或直接选择字体文件。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="158" />
        <source>TrueType (.ttf/.ttc) files are embedded in the PDF so that it prints the same on every computer.</source>
        <translation>TrueType 字体（.ttf/.ttc）会嵌入 PDF，在任何电脑上打印都一样。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="178" />
        <source>Another font file</source>
        <translation>其他字体文件</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="199" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="207" />
        <source>Choose a font file</source>
        <translation>选择字体文件</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/settings.py" line="208" />
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
</context>
<context>
    <name>IndicatorGrid</name>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="305" />
        <source>Insert row above</source>
        <translation>在上方插入行</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="306" />
        <source>Insert an indicator above the current row</source>
        <translation>在当前行上方插入一行绩效指标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="307" />
        <source>Insert row below</source>
        <translation>在下方插入行</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="309" />
        <source>Insert an indicator below the current row</source>
        <translation>在当前行下方插入一行绩效指标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="310" />
        <source>Delete rows</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="311" />
        <source>Delete the selected indicator rows</source>
        <translation>删除所选的绩效指标行</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="312" />
        <source>Clear cells</source>
        <translation>清除内容</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="314" />
        <source>Empty the selected cells</source>
        <translation>清空所选单元格</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="315" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="316" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="317" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="318" />
        <source>Copy the selected rows as tab-separated text</source>
        <translation>以制表符分隔的文本复制所选行</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="319" />
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="320" />
        <source>Paste rows copied from Excel or WPS, or fill the selected cells</source>
        <translation>粘贴从 Excel 或 WPS 复制的行，或填入所选单元格</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="322" />
        <source>Fill down</source>
        <translation>向下填充</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="323" />
        <source>Copy the top row of the selection into the rows below it</source>
        <translation>把所选区域的第一行复制到下面各行</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="333" />
        <source>Choose from library…</source>
        <translation>从指标库选择…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="334" />
        <source>Insert indicators chosen from the indicator library, each under its level 1 and level 2</source>
        <translation>插入从指标库选出的指标，各自放在它的一级、二级指标下</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="340" />
        <source>Show last year's values</source>
        <translation>显示上年指标值</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/indicator_grid.py" line="343" />
        <source>Show the 上年指标值 column (when the document has last year's values)</source>
        <translation>显示“上年指标值”一栏（文本中有上年指标值时）</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <location filename="../../perfdesk/qtmodels/indicator_model.py" line="164" />
        <source>Level 1</source>
        <translation>一级指标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/indicator_model.py" line="164" />
        <source>Level 2</source>
        <translation>二级指标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/indicator_model.py" line="164" />
        <source>Level 3</source>
        <translation>三级指标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/indicator_model.py" line="164" />
        <source>Description</source>
        <translation>绩效指标描述</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/indicator_model.py" line="165" />
        <source>Target value</source>
        <translation>指标值</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/indicator_model.py" line="165" />
        <source>Basis</source>
        <translation>指标值确定依据</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/indicator_model.py" line="165" />
        <source>Last year's value</source>
        <translation>上年指标值</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/indicator_model.py" line="188" />
        <source>A %1 should name a deadline or a rate, e.g. 年底前 or ≥95%.</source>
        <translation>%1的指标值应当写明完成时限或及时率，例如 年底前 或 ≥95%。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/indicator_model.py" line="190" />
        <source>A %1 should have a number, e.g. ≥5人 or 100%.</source>
        <translation>%1的指标值应当是数值，例如 ≥5人 或 100%。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/indicator_model.py" line="203" />
        <source>This second-level indicator does not belong under %1.</source>
        <translation>此二级指标不属于“%1”。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/qtmodels/indicator_model.py" line="216" />
        <source>Last year's value (filled when next year's draft is made; not printed)</source>
        <translation>上年指标值（生成下一年度草稿时填入，不打印）</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../../perfdesk/ui/library_dialog.py" line="41" />
        <source>Choose from the indicator library</source>
        <translation>从指标库选择</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/library_dialog.py" line="47" />
        <source>Part of a level 3 indicator, e.g. 满意 or 完成率</source>
        <translation>输入三级指标中的几个字，如“满意”或“完成率”</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/library_dialog.py" line="51" />
        <source>All second-level indicators</source>
        <translation>全部二级指标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/library_dialog.py" line="81" />
        <source>Ways it is written (click one to insert that one):</source>
        <translation>不同写法（点选一种即插入该写法）：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/library_dialog.py" line="88" />
        <source>Grey rows are common indicators (通用共性指标): </source>
        <translation>灰色的是通用共性指标：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/library_dialog.py" line="93" />
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/library_dialog.py" line="140" />
        <source>Nothing in the library contains this text.</source>
        <translation>指标库中没有含这段文字的指标。</translation>
    </message>
</context>
<context>
    <name>LibrarySettingsDialog</name>
    <message>
        <location filename="../../perfdesk/ui/library_settings.py" line="175" />
        <source>Indicator library</source>
        <translation>指标库</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/library_settings.py" line="176" />
        <source>Indicators are suggested from the bureau's own past documents (.xlsx, .json) in these folders and below them. The library follows the files as they change.</source>
        <translation>指标从下列文件夹（含子文件夹）中本单位往年的文本（.xlsx、.json）里提取；文件改动后，指标库随之更新。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/library_settings.py" line="182" />
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/library_settings.py" line="185" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/library_settings.py" line="195" />
        <source>Also offer the common indicators (通用共性指标), after the bureau's own</source>
        <translation>同时提供通用共性指标（排在本单位的指标之后）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/library_settings.py" line="201" />
        <source>Files that could not be read (skipped until they change):</source>
        <translation>无法读取的文件（已跳过，文件改动后再读）：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/library_settings.py" line="223" />
        <source>The library holds %1 indicator rows from %2 files.</source>
        <translation>指标库中有 %1 行指标，来自 %2 个文件。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/library_settings.py" line="233" />
        <source>Folder of past documents</source>
        <translation>存放往年文本的文件夹</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="131" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="138" />
        <source>Opening notes</source>
        <translation>打开说明</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="146" />
        <source>Comparison</source>
        <translation>版本比较</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="395" />
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="397" />
        <source>(read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="398" />
        <source>perfdesk budget performance text</source>
        <translation>部门预算绩效文本 perfdesk</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/main_window.py" line="409" />
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n 个项目</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="410" />
        <source>Budget %1  fiscal %2  other %3 (10,000 yuan)</source>
        <translation>预算数 %1  财政资金 %2  其他资金 %3（万元）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="418" />
        <source>Review: checking…</source>
        <translation>审核：正在检查…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/main_window.py" line="421" />
        <source>Review: %n error(s)</source>
        <translation>
            <numerusform>审核：%n 个错误</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="422" />
        <source>Review: no errors</source>
        <translation>审核：无错误</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="427" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="428" />
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="429" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="430" />
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="432" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="433" />
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="436" />
        <source>&amp;Import last year's text…</source>
        <translation>导入上年文本(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="437" />
        <source>Make next year's &amp;draft…</source>
        <translation>生成下一年度草稿(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="438" />
        <source>&amp;Compare with another version…</source>
        <translation>与其他版本比较(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="440" />
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="441" />
        <source>Export &amp;Word…</source>
        <translation>导出 Word(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="442" />
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="443" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="445" />
        <source>PDF &amp;fonts…</source>
        <translation>PDF 字体(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="446" />
        <source>Indicator &amp;library…</source>
        <translation>指标库(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="448" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="450" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="451" />
        <location filename="../../perfdesk/ui/main_window.py" line="515" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="453" />
        <location filename="../../perfdesk/ui/main_window.py" line="516" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="458" />
        <source>&amp;Find project…</source>
        <translation>查找项目(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="460" />
        <source>Find and rep&amp;lace…</source>
        <translation>查找和替换(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="467" />
        <source>&amp;Indicators</source>
        <translation>绩效指标(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="470" />
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="471" />
        <source>Export &amp;annotated copy…</source>
        <translation>导出批注版(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="473" />
        <source>Export review &amp;report (PDF)…</source>
        <translation>导出审核意见 PDF(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="476" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="478" />
        <source>&amp;Review findings</source>
        <translation>审核结果(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="481" />
        <source>&amp;Opening notes</source>
        <translation>打开说明(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="484" />
        <source>&amp;Comparison</source>
        <translation>版本比较(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="487" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="497" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="498" />
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="501" />
        <source>&amp;About perfdesk</source>
        <translation>关于 perfdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="503" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="551" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="554" />
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="562" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/main_window.py" line="563" />
        <source>The interface language changes the next time perfdesk starts.</source>
        <translation>界面语言将在下次启动 perfdesk 时更改。</translation>
    </message>
</context>
<context>
    <name>OpenNotesModel</name>
    <message>
        <location filename="../../perfdesk/ui/open_notes.py" line="56" />
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/open_notes.py" line="56" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/open_notes.py" line="56" />
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/open_notes.py" line="74" />
        <source>Carried over as it is when saving.</source>
        <translation>保存时原样保留。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/open_notes.py" line="88" />
        <source>Sheet “%1” %2</source>
        <translation>工作表“%1” %2</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/open_notes.py" line="89" />
        <source>Sheet “%1”</source>
        <translation>工作表“%1”</translation>
    </message>
</context>
<context>
    <name>OpenNotesPanel</name>
    <message>
        <location filename="../../perfdesk/ui/open_notes.py" line="133" />
        <source>the file</source>
        <translation>文件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/open_notes.py" line="136" />
        <source>%n item(s) in “%1” could not be placed when it was opened and are listed below with their sheet and cell: saving will not write them.</source>
        <translation>
            <numerusform>“%1”中有 %n 处内容打开时未能读入，下面列出了它们所在的工作表和单元格；保存时不会写入这些内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/open_notes.py" line="139" />
        <source>%n item(s) (in grey) are not edited in perfdesk: saving carries them over as they are.</source>
        <translation>
            <numerusform>有 %n 处内容（灰色）perfdesk 不作编辑，保存时原样保留。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Part1Editor</name>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="119" />
        <source>Part 1  Department-wide performance goals</source>
        <translation>第一部分  部门整体绩效目标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="126" />
        <source>1. Overall goal</source>
        <translation>一、总体绩效目标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="134" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="135" />
        <source>Goal:</source>
        <translation>绩效目标：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="136" />
        <source>Indicators:</source>
        <translation>绩效指标：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="140" />
        <source>2. Sub-goals</source>
        <translation>二、分项绩效目标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="147" />
        <source>One sub-item per line; numbering is added when printing</source>
        <translation>每行一个子项；编号在打印时自动添加</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="148" />
        <source>Measure:</source>
        <translation>保障措施：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="149" />
        <source>Sub-items:</source>
        <translation>子项：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="152" />
        <source>3. Assurance measures</source>
        <translation>三、工作保障措施</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="83" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="84" />
        <source>Stop making the PDF (Esc)</source>
        <translation>停止生成 PDF（Esc）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/print_actions.py" line="150" />
        <source>The review found %n error(s). Export the PDF anyway?</source>
        <translation>
            <numerusform>审核发现 %n 个错误。仍要导出 PDF 吗？</numerusform></translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="151" />
        <location filename="../../perfdesk/ui/print_actions.py" line="156" />
        <location filename="../../perfdesk/ui/print_actions.py" line="165" />
        <location filename="../../perfdesk/ui/print_actions.py" line="330" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="156" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="166" />
        <source>The PDF was exported to %1.</source>
        <translation>PDF 已导出到 %1。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="167" />
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="167" />
        <source>Open containing folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="167" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="195" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="219" />
        <source>A PDF is still being made: please wait, or cancel it.</source>
        <translation>正在生成 PDF，请稍候，或先取消。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="263" />
        <source>Laying out the PDF…</source>
        <translation>正在排版 PDF…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="266" />
        <source>Making the PDF …</source>
        <translation>正在生成 PDF …</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="278" />
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="305" />
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="315" />
        <location filename="../../perfdesk/ui/print_actions.py" line="330" />
        <location filename="../../perfdesk/ui/print_actions.py" line="350" />
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="325" />
        <source>Export cancelled: no file was written.</source>
        <translation>已取消导出，没有写入文件。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="326" />
        <source>Print preview cancelled.</source>
        <translation>已取消打印预览。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="327" />
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_actions.py" line="330" />
        <location filename="../../perfdesk/ui/print_actions.py" line="362" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="85" />
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="160" />
        <source>Printing is possible once every page is laid out.</source>
        <translation>所有页面排版完成后才能打印。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="181" />
        <source>Page %1 of %2</source>
        <translation>第 %1 页 / 共 %2 页</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="188" />
        <source>Go to…</source>
        <translation>转到…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="117" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="118" />
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="123" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="127" />
        <source>Laying out the remaining pages…</source>
        <translation>正在排版其余页面…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="129" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/print_preview.py" line="138" />
        <source>Zoom:</source>
        <translation>缩放：</translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="49" />
        <source>Project code from the budget system (21 characters)</source>
        <translation>项目编码（预算系统中的 21 位编码）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="73" />
        <source>By month end</source>
        <translation>按月末</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="74" />
        <source>By quarter</source>
        <translation>按季度</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="88" />
        <source>Delete goal</source>
        <translation>删除绩效目标</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="93" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="94" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="95" />
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="96" />
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="109" />
        <source>The finance bureau's comment on this project</source>
        <translation>财政局对本项目的审核意见</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="132" />
        <source>Project name:</source>
        <translation>项目名称：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="134" />
        <source>Project code:</source>
        <translation>项目编码：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="135" />
        <source>Budget unit:</source>
        <translation>预算单位：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="140" />
        <source>of which fiscal funds:</source>
        <translation>其中：财政资金</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="142" />
        <source>other funds:</source>
        <translation>其他资金</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="145" />
        <source>Unit: 10,000 yuan</source>
        <translation>单位：万元</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="146" />
        <source>Budget:</source>
        <translation>预算数：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="153" />
        <source>Spending plan (%):</source>
        <translation>资金支出计划（%）：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="157" />
        <source>Review:</source>
        <translation>审核：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="161" />
        <source>Use of funds:</source>
        <translation>资金用途：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="172" />
        <source>Goals:</source>
        <translation>绩效目标：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="205" />
        <source>Hide the project form</source>
        <translation>收起项目信息</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="207" />
        <source>Hide the project form to give the indicator grid the height (Ctrl+Shift+F); click again to show it</source>
        <translation>收起上方的项目信息，把高度留给绩效指标表（Ctrl+Shift+F）；再点一次重新显示</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_editor.py" line="283" />
        <source>(unnamed unit)</source>
        <translation>（未命名单位）</translation>
    </message>
</context>
<context>
    <name>ProjectSearchField</name>
    <message>
        <location filename="../../perfdesk/ui/project_search.py" line="25" />
        <source>Find project: name or code</source>
        <translation>查找项目：名称或编码</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_search.py" line="26" />
        <source>Find project</source>
        <translation>查找项目</translation>
    </message>
</context>
<context>
    <name>ProjectSearchPane</name>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/project_search.py" line="90" />
        <source>%n project(s) found</source>
        <translation>
            <numerusform>找到 %n 个项目</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/project_search.py" line="91" />
        <source>No matching projects</source>
        <translation>没有找到匹配的项目</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="136" />
        <location filename="../../perfdesk/ui/review_panel.py" line="432" />
        <location filename="../../perfdesk/ui/review_panel.py" line="536" />
        <source>Accept…</source>
        <translation>核实保留…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="141" />
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="148" />
        <source>Rule data…</source>
        <translation>审核规则…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="151" />
        <source>Load another region's rule data…</source>
        <translation>载入其他地区的审核规则…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="153" />
        <source>Use the bundled rule data</source>
        <translation>使用内置审核规则</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="186" />
        <source>Checking…</source>
        <translation>正在审核…</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="234" />
        <source>Rule data</source>
        <translation>审核规则</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="241" />
        <source>Choose review rule data</source>
        <translation>选择审核规则文件</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="242" />
        <source>Review rule data (*.json)</source>
        <translation>审核规则文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="248" />
        <source>bundled</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="249" />
        <source>Review rules: %1 (%2)</source>
        <translation>审核规则：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="332" />
        <source>Errors (%1)</source>
        <translation>错误（%1）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="332" />
        <source>Warnings (%1)</source>
        <translation>警告（%1）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="333" />
        <source>Hints (%1)</source>
        <translation>提示（%1）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="336" />
        <source>Accepted (%1)</source>
        <translation>已核实保留 (%1)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="338" />
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="340" />
        <source>Double-click a finding to go to its cell.</source>
        <translation>双击一条审核意见可跳转到对应单元格。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="342" />
        <source>Rule data: %1</source>
        <translation>审核规则：%1</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="376" />
        <source>Errors remain</source>
        <translation>仍有错误</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="377" />
        <source>The review found %1 error(s). Export the PDF anyway?</source>
        <translation>审核发现 %1 个错误。仍要导出 PDF 吗？</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="432" />
        <location filename="../../perfdesk/ui/review_panel.py" line="536" />
        <source>Reopen</source>
        <translation>撤销保留</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="450" />
        <location filename="../../perfdesk/ui/review_panel.py" line="459" />
        <source>Accept finding</source>
        <translation>核实保留</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="451" />
        <source>The finding stays as it is and is counted apart.
Reason (for the department and the file):</source>
        <translation>此问题保留不改，单独计数。
保留理由（写入文件，部门可见）：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="459" />
        <source>Reopen finding</source>
        <translation>撤销核实保留</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="503" />
        <source>Budget amounts</source>
        <translation>预算金额</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="505" />
        <source>Which figure is wrong?</source>
        <translation>哪个数填错了？</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="506" />
        <source>Correct the budget total</source>
        <translation>改预算数</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="509" />
        <source>Correct the fiscal funds</source>
        <translation>改财政资金</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="528" />
        <source>Go to cell</source>
        <translation>转到单元格</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_panel.py" line="532" />
        <source>Fix: %1</source>
        <translation>修正：%1</translation>
    </message>
</context>
<context>
    <name>ReviewPapers</name>
    <message>
        <location filename="../../perfdesk/ui/review_papers.py" line="44" />
        <source>Export annotated copy</source>
        <translation>导出批注版</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_papers.py" line="47" />
        <source>The annotated copy is made from the workbook file. Save the document as an .xlsx workbook first.</source>
        <translation>批注版根据工作簿文件生成。请先把文本保存为 .xlsx 工作簿。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_papers.py" line="51" />
        <source>The annotated copy is made from the file on disk. Save your changes first?</source>
        <translation>批注版根据磁盘上的文件生成。先保存所做的修改吗？</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_papers.py" line="55" />
        <source>Workbooks (*.xlsx)</source>
        <translation>工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_papers.py" line="65" />
        <source>Annotated copy written: %1 (%2 comments)</source>
        <translation>已写出批注版：%1（%2 条批注）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_papers.py" line="72" />
        <source>Export review report</source>
        <translation>导出审核意见</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_papers.py" line="73" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/review_papers.py" line="86" />
        <source>Review report written: %1</source>
        <translation>已写出审核意见：%1</translation>
    </message>
</context>
<context>
    <name>UnitEditor</name>
    <message>
        <location filename="../../perfdesk/ui/unit_editor.py" line="42" />
        <source>Unit code:</source>
        <translation>单位编码：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/unit_editor.py" line="43" />
        <source>Unit name:</source>
        <translation>单位名称：</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/unit_editor.py" line="49" />
        <source>Projects of this unit</source>
        <translation>本单位项目</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/unit_editor.py" line="74" />
        <source>(unnamed unit)</source>
        <translation>（未命名单位）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/unit_editor.py" line="76" />
        <source>%n project(s), budget total %1 (10,000 yuan)</source>
        <translation>
            <numerusform>%n 个项目，预算数合计 %1 万元</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/unit_editor.py" line="79" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/unit_editor.py" line="79" />
        <source>Project code</source>
        <translation>项目编码</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/unit_editor.py" line="79" />
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/unit_editor.py" line="80" />
        <source>Budget (10,000 yuan)</source>
        <translation>预算数（万元）</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/unit_editor.py" line="84" />
        <source>(unnamed project)</source>
        <translation>（未命名项目）</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../../perfdesk/ui/user_guide.py" line="42" />
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/user_guide.py" line="62" />
        <source>The user guide was not found: %1</source>
        <translation>找不到使用说明文件：%1</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/user_guide.py" line="66" />
        <source>Back to contents</source>
        <translation>回到目录</translation>
    </message>
</context>
<context>
    <name>WordExport</name>
    <message>
        <location filename="../../perfdesk/ui/word_export.py" line="38" />
        <location filename="../../perfdesk/ui/word_export.py" line="57" />
        <location filename="../../perfdesk/ui/word_export.py" line="59" />
        <location filename="../../perfdesk/ui/word_export.py" line="68" />
        <location filename="../../perfdesk/ui/word_export.py" line="73" />
        <location filename="../../perfdesk/ui/word_export.py" line="86" />
        <source>Export Word</source>
        <translation>导出 Word</translation>
    </message>
    <message numerus="yes">
        <location filename="../../perfdesk/ui/word_export.py" line="67" />
        <source>The review found %n error(s). Export the Word file anyway?</source>
        <translation>
            <numerusform>审核发现 %n 个错误。仍要导出 Word 文件吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/word_export.py" line="73" />
        <source>Word files (*.docx)</source>
        <translation>Word 文件 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/word_export.py" line="76" />
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/word_export.py" line="83" />
        <source>The Word file was exported to %1.</source>
        <translation>Word 文件已导出到 %1。</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/word_export.py" line="87" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/word_export.py" line="87" />
        <source>Open containing folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/word_export.py" line="87" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>_ListPane</name>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="47" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="48" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="49" />
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../perfdesk/ui/part1_editor.py" line="50" />
        <source>Down</source>
        <translation>下移</translation>
    </message>
</context>
</TS>
