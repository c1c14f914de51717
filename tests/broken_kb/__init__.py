"""Broken knowledge bases, each made from a copy of the shipped one by a small recipe (issue 10, item 2)."""
