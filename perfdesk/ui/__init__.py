"""The widgets and the main window (PySide6); they know the document, the undo commands and the Qt models."""
