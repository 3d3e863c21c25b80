"""User-facing errors. The CLI prints `Error: <message>` and exits 1 for any of these."""


class StudykitError(Exception):
    """Base for every error a user can cause and fix; the message is one line."""


class InputError(StudykitError):
    """An article or other input file is missing, unreadable, empty or undecodable."""


class BankError(StudykitError):
    """A bank file is missing, not valid YAML, or does not match the schema."""


class OutputError(StudykitError):
    """An output file could not be written."""


class StoreError(StudykitError):
    """The review database is corrupt, foreign or locked."""


class CheckError(StudykitError):
    """A bank breaks the quality rules."""
