"""Segmenters: cut a decoded document (HTML tree or text dump) into Blocks, marking the main content."""
