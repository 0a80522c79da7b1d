"""Sub-commands of main.py: one module each, with `add_arguments(parser)` and `run(args) -> int`.

A module must import heavy packages (pygame, numpy, audio) inside `run`, not at import time, so that
`python main.py --help` stays fast and `validate`/`autoplay` never touch pygame.
"""
