"""Document-convention rules (D001–D007)."""
