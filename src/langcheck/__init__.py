"""langcheck: a linter for victim-blaming language in case notes."""

__version__ = "0.1.0"
