"""Names and numbers: the matching core, with no I/O.

`normalize` turns a name into its key (scripts, legal forms, Kazakh letters), `phonetic` reads it by
ear, `numbers` reads phone and licence numbers, `match` finds candidate records in an in-memory
index, and `score` decides how alike two names are and why.
"""
