"""Run the kyodo command from a checkout: python cli.py --help."""

from kyodo_network.cli import main

if __name__ == "__main__":
    main()
