"""Stage 1, read: a file of bounded size and nesting, decoded as JSON.

Both bounds are checked before ``json.loads`` sees the text: a file of
gigabytes would be read whole into memory, and arrays nested a few thousand
deep make the parser raise RecursionError instead of an error we can report.
"""

import json
import re
from pathlib import Path

from catalogue.importer.errors import SourceFileError

MAX_FILE_BYTES = 20 * 1024 * 1024  # the real file is about 1 MB
# The format needs 3 levels: the array, a record, its lists of strings. The
# limit leaves room for extra keys, and stays far below Python's recursion limit.
MAX_DEPTH = 10

# A JSON string (skipped whole, so brackets inside it do not count) or a bracket.
_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_BRACKET_OR_COMMA = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},]')


def read_json(path):
    """The decoded content of the file at ``path``; raise SourceFileError if bad."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceFileError(_too_large(path, size))
        with path.open("rb") as file:
            # Bounded even if the file grows meanwhile or is not a regular file.
            content = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise SourceFileError(f"No such file: {path}") from None
    except OSError as error:
        raise SourceFileError(f"Cannot read {path}: {error.strerror}") from None
    if len(content) > MAX_FILE_BYTES:
        raise SourceFileError(_too_large(path, len(content)))
    return parse_json(content, source=str(path))


def parse_json(content, source="The file"):
    """Decode JSON bytes after checking their nesting; raise SourceFileError if bad."""
    try:
        text = content.decode(json.detect_encoding(content))
    except UnicodeDecodeError as error:
        raise SourceFileError(f"{source} is not valid JSON: {error}") from None
    too_deep = _first_too_deep(text)
    if too_deep is not None:
        raise SourceFileError(
            f"{source} is refused: {_where(text, too_deep)} nests arrays or "
            f"objects more than {MAX_DEPTH} levels deep (this format needs 3). "
            "Nothing was imported."
        )
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        # ValueError: bad syntax, a BOM, or a number of more than 4,300 digits.
        raise SourceFileError(f"{source} is not valid JSON: {error}") from None


def _too_large(path, size):
    return (
        f"{path} is {size:,} bytes, more than the {MAX_FILE_BYTES:,} bytes an "
        "import accepts (the whole free-exercise-db file is about 1 MB). "
        "Nothing was imported."
    )


def _first_too_deep(text):
    """The offset of the first bracket nested deeper than MAX_DEPTH, or None."""
    depth = 0
    for match in _BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif token in "]}":
            depth -= 1
    return None


def _where(text, offset):
    """Which record of the top-level array ``offset`` falls in, for the message."""
    depth, index = 0, 0
    for match in _BRACKET_OR_COMMA.finditer(text, 0, offset):
        token = match.group()
        if token in "[{":
            depth += 1
        elif token in "]}":
            depth -= 1
        elif token == "," and depth == 1:
            index += 1
    if text.lstrip().startswith("["):
        return f"record {index} (character {offset:,})"
    return f"the content at character {offset:,}"
