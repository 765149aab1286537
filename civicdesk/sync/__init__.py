"""Center ⇄ head office sync: protocol schemas, desktop client, head-office server.

See docs/sync.md for the protocol. ``civicdesk.sync.server`` is the head-office server;
it imports nothing from the desktop side (ui, services, printing).
"""
