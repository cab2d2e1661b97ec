"""`python -m newsclean` runs the command-line interface."""

from .cli import main

main()
