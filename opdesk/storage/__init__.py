"""Storage: typed SQLAlchemy models, the engine, migrations and backups. No Qt, no HTTP."""
