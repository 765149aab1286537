"""Pure rules of the domain: no Qt, no SQLAlchemy, no I/O."""
