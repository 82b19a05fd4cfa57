"""`python -m letopis` runs the command line."""

from letopis.cli import main

main()
