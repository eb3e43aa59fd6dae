"""SQLite (or, later, PostgreSQL) storage: tables, engine, migrations, queries."""
