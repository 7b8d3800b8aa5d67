"""Front ends: turn an HTML tree or a text dump into Blocks."""
