"""``python -m kyodo_network.cli``: the same as the ``kyodo`` command."""

from . import main

main()
