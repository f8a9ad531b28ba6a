"""Ingest: one unit file from bytes to registrations, rejections and ignored rows (discover,
workbook bytes, read, legacy encodings, identify, normalise, validate) and the unit registry.

May import: :mod:`schemas`, :mod:`thidua.text`, :mod:`thidua.settings`; nothing of a later stage.
"""
