"""Chrome rules as data: generic.toml (by concept) and sites/*.toml (one per site layout)."""
