"""The check-in screen: search, pick, topics, record; today's visits beside it."""
