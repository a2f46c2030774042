"""Writes for small groups; each module holds one part of the method."""
