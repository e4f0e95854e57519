"""The offer scan: a pasted job offer read into agencies, phones, licence numbers and red flags.

`extract` finds the entities (and reads the one search box), `rules` holds the red-flag rules and
their TOML tables, `scan` puts them together into one result.
"""
