"""The schema revision this version of CivicDesk writes (the Alembic head).

Opening an up-to-date database compares its stored revision with this constant, so
the app does not load Alembic at start-up. tests/db/test_engine.py checks it equals
the head of the migration scripts; a new migration must update it.
"""

HEAD = "0017_volfigures"  # chain: 0006 -> 0007_sync -> 0007_print -> 0007_kk -> 0008_security -> 0016 -> 0009_kk -> 0013_sync -> 0010_results -> 0012_volunteers -> 0011_problems -> 0017_volfigures
