"""Field extractors: dates, people, HTML metadata, text-dump fields."""
