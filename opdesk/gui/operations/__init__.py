"""Small background operations, one factory per action, grouped by area."""
