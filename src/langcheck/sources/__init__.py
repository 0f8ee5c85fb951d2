"""Readers that turn a document into the plain text the engine checks."""
