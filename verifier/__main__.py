"""`python -m verifier`: the command line (verifier.cli)."""
import sys

from verifier.cli import main

sys.exit(main())
