"""`python -m verifier`: the command line (verifier.cli)."""
import os
import sys

from verifier.cli import main

try:
    sys.exit(main())
except BrokenPipeError:  # the reader went away (`... | head`): stop quietly, as other commands do
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(0)
