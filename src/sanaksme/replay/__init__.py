"""Recorded meetings: a human-readable record of what happened in the room, replayed
through the real services so every row is what the live app would have stored.

`record.parse_record` reads and checks a record file; `run.replay_record` applies it.
The format is documented in docs/recorded-demo.md.
"""
