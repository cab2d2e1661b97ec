"""Exceptions newsclean raises on purpose. Anything else escaping the library is a bug."""


class NewscleanError(Exception):
    """Base class of every error newsclean raises deliberately."""


class ConfigError(NewscleanError, ValueError):
    """Settings that cannot work together, or an index whose settings differ from the run's."""


class InputError(NewscleanError, ValueError):
    """An input file or record that cannot be read; the message names the file and line."""


class RecordTimeout(NewscleanError, TimeoutError):
    """One record took longer than its time budget (see `newsclean.watchdog`); the record is rejected."""


class OutputError(NewscleanError, ValueError):
    """An output the run cannot write as asked: a directory, a suffix that names no format, Parquet without
    pyarrow. Raised before any work is done."""


class TooManyRejects(InputError):
    """A run that rejected every record, or a larger share of them than `--max-rejects` allows."""
