"""The bureau's review papers: findings placed on the clerk's own cells (:mod:`.locate`), the
checked file as a whole (:mod:`.checked`), the annotated copy of the workbook, the summary
workbook over many files and the 审核意见 report PDF.

This layer sits above the review rules and the file readers/writers and knows both; the
window and the command line use it. No Qt here.
"""
