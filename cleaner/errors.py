"""The library's errors. A document that cannot be cleaned is a Rejection, turned into an error record."""


class CleanerError(Exception):
    "Base class of every error raised by cleaner"


class Rejection(CleanerError):
    "A document that cannot be cleaned; its message is the one-line reason in errors.jsonl"

    def __init__(self, reason: str, stage: str = "read"):
        super().__init__(reason)
        self.reason = reason
        self.stage = stage


class RuleError(CleanerError):
    "A rule file is malformed: its message names the file and the rule"


class InputError(CleanerError):
    "An input path or stream cannot be read"


class FetchError(Rejection):
    "A URL could not be fetched (refused, network failure, HTTP error); its message is the reason"

    def __init__(self, reason: str):
        super().__init__(reason, stage="fetch")


class ReportError(CleanerError):
    "A file the review report needs cannot be read or is not what it should be"


class DocumentTimeout(BaseException):
    """A document took longer than the configured time limit.

    A BaseException, as KeyboardInterrupt is: it is raised asynchronously inside whatever code is running,
    and a library's `except Exception` must not swallow it and carry on past the limit."""
