"""Measuring extraction against gold annotations (`kg eval`)."""
