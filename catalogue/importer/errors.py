"""The one exception of the import, and how several problems are reported."""

MAX_REPORTED_ERRORS = 20
SHOWN_CHARACTERS = 60


class SourceFileError(Exception):
    """The file cannot be imported; the message says why, naming the record."""


def shown(value):
    """repr(value), cut short: a hostile file must not make a huge message."""
    text = repr(value)
    if len(text) > SHOWN_CHARACTERS:
        return f"{text[:SHOWN_CHARACTERS]}... ({len(value):,} characters)"
    return text


def label(index, record_id=None):
    """How a message names a record: its position, and its id if it has one."""
    if isinstance(record_id, str):
        return f"Record {index} (id {shown(record_id)})"
    return f"Record {index} (no valid id)"


def join_errors(errors, source, total=None):
    """One message for all the problems found, the first few in full.

    ``total`` counts the problems when ``errors`` holds only the first ones.
    """
    total = len(errors) if total is None else total
    if total == 1:
        return errors[0]
    listed = errors[:MAX_REPORTED_ERRORS]
    more = total - len(listed)
    lines = [f"{source} has {total:,} problems; nothing was imported.", *listed]
    if more:
        lines.append(f"...and {more:,} more.")
    return "\n".join(lines)
