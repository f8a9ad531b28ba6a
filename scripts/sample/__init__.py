"""Building blocks of the DVK-01 sample-data generator (``scripts/generate_sample.py``).

- ``vocab``: word lists (fictional people, unions, model names) and the form's spellings.
- ``rows``: how many registrations each unit gets, and the registrations themselves.
- ``layout``: how each unit lays out its file, as a format-independent grid of rows.
- ``writers``: the grid written as ``.xlsx`` / ``.xls`` / ``.csv``, byte-for-byte reproducibly.
- ``verify``: an independent re-reading of the written files that recounts everything.
"""
