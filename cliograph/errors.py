"""The exceptions cliograph raises to its callers.

The library raises these and never prints or exits; the CLI turns them into one-line
messages and exit statuses, the web app into an error page. Every message says what
happened and, where there is one, what to do about it.

    CliographError
    ├── UsageError        the caller asked for something malformed (exit status 2)
    ├── SourceError       one input file cannot be read (exit status 1)
    ├── ModelError        no usable spaCy pipeline is installed
    ├── StoreError        the database is missing, locked or of an unknown version
    └── RuleError         a rule or lexicon file in the package is malformed
"""

from __future__ import annotations


class CliographError(Exception):
    """Base class: anything cliograph itself reports to a user."""

    exit_status = 1


class UsageError(CliographError):
    """A request that cannot be carried out as written."""

    exit_status = 2


class SourceError(CliographError):
    """An input file that is missing, empty, binary, undecodable or broken.

    The message names the file so that a batch ingest can list the bad ones.
    """

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ModelError(CliographError):
    """No spaCy English pipeline could be loaded."""


class StoreError(CliographError):
    """The SQLite store cannot be opened or written."""


class RuleError(CliographError):
    """A packaged rule or lexicon file failed validation on load."""
