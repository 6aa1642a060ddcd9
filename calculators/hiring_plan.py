"""Placeholder until the model lands."""
NAME = None
