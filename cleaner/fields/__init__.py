"""Readers of metadata fields: dates, bylines and the metadata of an HTML page."""
