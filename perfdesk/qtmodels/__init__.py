"""Qt item models adapting the document to views: the department tree, the indicator table
and the short lists of goals, sub-goals and measures.

The models follow the document through its change notifications (rows inserted, removed,
moved, data changed) rather than resetting, and make every edit through an undo command.
Import them from their modules (``perfdesk.qtmodels.tree_model`` …). ``project_filter`` holds
the Qt-free matching behind the tree's "查找项目" field.
"""
