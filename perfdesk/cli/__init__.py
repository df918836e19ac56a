"""The ``perfdesk`` command line: subcommands for files, export, checks and import."""
