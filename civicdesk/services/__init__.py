"""Use cases. Each call owns its transaction, takes plain values, returns dataclasses."""
