"""Data layer: SQLAlchemy models, engine set-up, migrations, search, backup."""
