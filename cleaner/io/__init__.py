"""Readers (files, directories, stdin) and writers (atomic JSON files, error logs)."""
