"""Builders of hostile workbooks for the tests (issue 16): each is made on the spot, small on disk."""
