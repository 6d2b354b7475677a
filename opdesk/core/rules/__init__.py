"""Rules of the domain: pure functions that validate and normalise."""
