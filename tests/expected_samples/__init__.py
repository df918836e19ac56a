"""The two real published texts of tests/data/samples, transcribed by hand into documents.

These are the expected values for the importer's tests and the source of the bundled
examples; they are typed from the text, never produced by perfdesk's own code.
"""
