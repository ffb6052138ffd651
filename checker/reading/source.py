"""Reading a plan file as the drafter saved it, and writing it back the same way.

A plan is kept as the exact decoded text (newlines untouched) plus what is needed to
re-encode it byte for byte: the encoding, whether it had a BOM, and its line ending.
Every position the checker reports is a 1-based line and column into that text.
"""

import codecs
import os
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

from ..base.errors import InputError, Reason, os_reason
from ..base.lazyre import LazyPattern
from .text import fold, split_lines

if TYPE_CHECKING:  # a path is read as it is named (a string, or a Path a caller made): a
    # Path is made here only to write a file, and a run from the result cache imports no
    # pathlib
    from pathlib import Path

_BINARY_CONTROL = LazyPattern(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")

#: Largest file we accept: far above any real plan, small enough to stay within memory bounds.
MAX_BYTES = 20 * 1024 * 1024
TOO_LARGE = "file too large ({size} MB; the limit is 20 MB)"


class Source(NamedTuple):
    """The text of one plan with everything needed to map offsets and to write it back."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    kind: str = "txt"  # txt | md | docx | pdf | html
    line_starts: tuple[int, ...] = ()
    #: the text with full-width marks folded to half width, offset for offset (see text.fold)
    folded: str = ""
    #: for a Word document, where each line is in Word: ``("p", n)`` the n-th body paragraph,
    #: ``("t", table, row)`` a row of a task-division table (see docx.Layout)
    places: tuple[tuple, ...] = ()
    #: how the text was rebuilt when it is not the file's own lines: ``joined`` or
    #: ``wrapped`` (``reflow``), ``pdf``, ``html``, ``docx``; "" for a text read as it is
    reading: str = ""
    #: what a web page states of its document outside the text, in its metadata block
    #: (``webpage.page_facts``): ``(kind, value, start, end)``, kind ``number``, ``written``
    #: or ``published``, ``start:end`` where the value stands in ``text`` (-1, -1 where the
    #: rendering does not hold it); kind ``block`` (no value) is a line of the block itself
    meta: tuple[tuple[str, str, int, int], ...] = ()

    def __repr__(self) -> str:  # the text itself would fill a screen
        return f"Source({self.path!r}, {self.encoding}, {len(self.text)} characters)"

    @classmethod
    def from_text(
        cls,
        text: str,
        path: str = "<text>",
        *,
        encoding: str = "utf-8",
        bom: bool = False,
        kind: str | None = None,
        places: tuple[tuple, ...] = (),
        reading: str = "",
        meta: tuple[tuple[str, str, int, int], ...] = (),
    ) -> "Source":
        """Build a source from decoded text; the line ending is the one the file uses most."""
        starts, newline = _line_starts(text)
        if kind is None:
            kind = "md" if path.lower().endswith((".md", ".markdown")) else "txt"
        return cls(
            path,
            text,
            encoding,
            bom,
            newline,
            kind,
            line_starts=tuple(starts),
            folded=fold(text),
            places=places,
            reading=reading,
            meta=meta,
        )

    def __reduce__(self) -> tuple:
        """Pickled without ``folded`` (half of it, and one ``fold`` away from the text): a
        parallel run sends each file's source from its worker back to the parent."""
        fields = (self.path, self.text, self.encoding, self.bom, self.newline, self.kind)
        return _unpickled, (*fields, self.line_starts, self.places, self.reading, self.meta)

    @property
    def rewritable(self) -> bool:
        """Whether --fix may write this text back over the file: only a text file read as
        it is (a Word file, a PDF, a web page or a rebuilt text is not the file's bytes)."""
        return self.kind in ("txt", "md") and not self.reading

    @property
    def lines(self) -> list[str]:
        """The lines of the text without their terminators (line 1 is index 0)."""
        return split_lines(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset, columns counted in code points."""
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_end(self, line: int) -> int:
        """Offset just past the last character of a 1-based line (before its terminator)."""
        if line < len(self.line_starts):
            end = self.line_starts[line]
            return end - (2 if self.text[end - 2 : end] == "\r\n" else 1)
        return len(self.text)

    def encode(self, text: str) -> bytes:
        """Encode text as this file was encoded, BOM included."""
        data = text.encode(self.encoding)
        if self.bom:
            data = BYTE_ORDER_MARKS[self.encoding] + data
        return data


#: the byte-order marks a plan may start with, by the encoding they announce: a UTF-8 BOM
#: (Notepad's "UTF-8 with BOM"), and UTF-16's (Notepad's "Unicode" saves UTF-16 LE with one)
BYTE_ORDER_MARKS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}


def _line_starts(text: str) -> tuple[list[int], str]:
    """Where each line starts, and the line ending the text uses most (``\n`` if none; on
    a tie, ``\n`` before ``\r\n`` before ``\r``).

    A line starts after each ``\n`` (the running length of the pieces between them) and
    after each ``\r`` that no ``\n`` follows. Found with ``str`` methods: a pattern that
    splits at the three endings reads Chinese text five times slower, and every file is
    read this way, from the result cache too.
    """
    starts = list(accumulate([len(piece) + 1 for piece in text.split("\n")], initial=0))[:-1]
    if "\r" not in text:  # (counting ``\r\n`` costs thirty times looking for ``\r``)
        return starts, "\n"
    crlf = text.count("\r\n")
    counts = {"\n": len(starts) - 1 - crlf, "\r\n": crlf, "\r": text.count("\r") - crlf}
    if counts["\r"]:
        starts = sorted(starts + _after_lone_returns(text))
    return starts, max(counts, key=counts.__getitem__)  # the first of the most: the tie order


def _after_lone_returns(text: str) -> list[int]:
    """The offsets just after each ``\r`` that ends a line by itself (old Mac files)."""
    found = []
    at = text.find("\r")
    while at != -1:
        if not text.startswith("\n", at + 1):
            found.append(at + 1)
        at = text.find("\r", at + 1)
    return found


def decode(data: bytes, path: str) -> tuple[str, str, bool]:
    """Decode a plan's bytes: UTF-8 (BOM or not) first, then what charset-normalizer finds.

    Raises InputError for what is not a text plan (empty, binary, undecodable).
    """
    if not data.strip():
        raise InputError(
            path, Reason("empty file" if not data else "file has only whitespace", "empty")
        )
    bom = data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8) :]
        if not data.strip():
            raise InputError(path, Reason("file has only a byte-order mark", "empty"))
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, path)
    if b"\x00" in data:
        if _looks_utf16(data):
            raise InputError(
                path, Reason("UTF-16 text without a byte-order mark: save it as UTF-8", "encoding")
            )
        raise InputError(path, Reason("binary file (contains NUL bytes)", "binary"))
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.start >= len(data) - 3:
            # a UTF-8 file cut inside its last character: check what is there
            text, encoding = data[: error.start].decode("utf-8", errors="strict"), "utf-8"
        elif bom:
            raise InputError(
                path,
                Reason(
                    "invalid UTF-8 after a BOM at byte {offset}", "encoding", offset=error.start
                ),
            ) from None
        else:
            text, encoding = _decode_legacy(data, path)
    if len(_BINARY_CONTROL.findall(text[:4096])) > 8:
        raise InputError(path, Reason("binary file (control characters)", "binary"))
    return text, encoding, bom


def _decode_utf16(data: bytes, path: str) -> tuple[str, str, bool]:
    """A plan saved as UTF-16 with its byte-order mark (Windows Notepad's "Unicode"): read,
    and written back under --fix as it came, mark and byte order kept."""
    encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
    try:
        text = data[2:].decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            path, Reason("cannot decode as {encoding}", "encoding", encoding="UTF-16")
        ) from None
    if not text.strip():
        raise InputError(path, Reason("file has only a byte-order mark", "empty"))
    if "\x00" in text or len(_BINARY_CONTROL.findall(text[:4096])) > 8:
        raise InputError(path, Reason("binary file (control characters)", "binary"))
    return text, encoding, True


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte NUL in a text of ASCII lines (its
    newlines ``\n\0`` or ``\0\n``). Chinese text in UTF-16 has few NUL bytes, so a plan is
    seldom told this way; it is said only to help, and the file is refused either way."""
    sample = data[:4096]
    return (
        len(sample) % 2 == 0
        and (sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4)
        and (b"\n\x00" in sample or b"\x00\n" in sample)
    )


def _decode_legacy(data: bytes, path: str) -> tuple[str, str]:
    """Plans not in UTF-8 are in practice GB18030/GBK; charset-normalizer decides."""
    from charset_normalizer import from_bytes  # only paid for by non-UTF-8 files

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16"]).best()
    if best is None:
        raise InputError(path, Reason("cannot decode: neither UTF-8 nor GB18030", "encoding"))
    encoding = "gb18030" if best.encoding in {"gb2312", "gbk", "gb18030"} else best.encoding
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise InputError(
            path, Reason("cannot decode as {encoding}", "encoding", encoding=encoding)
        ) from None


def read_source(path: "str | Path", display: str | None = None) -> Source:
    """Read and decode one plan file; every failure is an InputError naming the file."""
    return read_file(path, display)[0]


def read_file(path: "str | Path", display: str | None = None) -> tuple[Source, bytes]:
    """``read_source``, with the bytes the Source was made from: the result cache keys a
    file by what was read once, so that a plan saved again mid-run can never have one
    content's findings kept under the other's key."""
    name = display or str(path)
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            raise InputError(name, Reason(TOO_LARGE, "too-large", size=size // 1_048_576))
        if not os.path.isfile(path):
            raise InputError(name, Reason("not a regular file", "not-a-file"))
        with open(path, "rb") as handle:
            data = handle.read()
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(name, Reason("no such file", "not-found")) from None
    except IsADirectoryError:
        raise InputError(name, Reason("is a directory", "not-a-file")) from None
    except PermissionError:
        raise InputError(name, Reason("permission denied", "unreadable")) from None
    except OSError as error:
        raise InputError(name, Reason("{reason}", "unreadable", reason=os_reason(error))) from None
    return source_from_file(data, path, name), data


#: how an OLE compound file starts: Word 97-2003 ``.doc`` and WPS ``.wps`` documents, and a
#: password-protected ``.docx``, which Word wraps in one
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: legacy word-processor files and what they start with (OLE, or RTF that Word saves as .doc)
_LEGACY_SUFFIXES = (".doc", ".wps")
LEGACY_WORD = Reason(
    "an older Word or WPS file (.doc, .wps), not .docx: open it in Word or WPS and save it as .docx",
    "legacy-word",
)

#: the streams Word puts in the OLE wrapper of a password-protected .docx/.xlsx/.pptx
#: ([MS-OFFCRYPTO] 2.3.4.4, as UTF-16 directory entry names); a .doc or .wps has neither
_ENCRYPTED_STREAMS = ("EncryptionInfo", "EncryptedPackage")
PASSWORD_PROTECTED = Reason(
    "a password-protected (encrypted) Word file: remove the password in Word or WPS (File, Info, Protect Document, Encrypt with Password) and save it",
    "encrypted",
)


#: the formats read from a file's bytes by their suffix (each reader imported only for its own)
WEB_SUFFIXES = (".html", ".htm")


def source_from_file(
    data: bytes, path: "str | Path", name: str, known: str | None = None
) -> Source:
    """Decode a file's bytes into a Source: a Word document, a PDF or a web page by its
    suffix, else text; a file wrapped by Word or WPS is one line (``refuse_wrapped``).
    ``known``: how a check of these same bytes read them (``Source.reading``, as the result
    cache keeps it), so that a text read then as it is is not looked at again (``_rebuilt``)."""
    refuse_wrapped(data, path, name)
    suffix = _suffix(path)
    if suffix == ".docx":
        from io import BytesIO

        from .docx import read_docx

        text, places, reading = read_docx(BytesIO(data), name)
        return Source.from_text(
            text, name, encoding="docx", kind="docx", places=places, reading=reading
        )
    if suffix == ".pdf":
        from .pdf import read_pdf

        text, places = read_pdf(data, name)
        return Source.from_text(
            text, name, encoding="pdf", kind="pdf", places=places, reading="pdf"
        )
    if suffix in WEB_SUFFIXES:
        from .webpage import read_html

        text, encoding, facts = read_html(data, name, decode)
        source = _rebuilt(text, name, encoding, kind="html", reading="html", known=known)
        return source._replace(meta=_placed(facts, source.text)) if facts else source
    return source_from_bytes(data, name, known)


def _placed(facts: tuple[tuple[str, str, str], ...], text: str) -> tuple:
    """A page's metadata facts ``(kind, value, line)`` placed in the text it was read as:
    the value where its line (the block's line the reader rendered it on, "" when the
    rendering holds none) stands, found by its content (the paragraphs of a page's text may
    have been rebuilt since); ``-1, -1`` where it is not found."""
    placed = []
    for kind, value, line in facts:
        at = text.find(line) if line else -1
        start = text.find(value, at) if at >= 0 else -1
        end = start + len(value or line) if start >= 0 else -1
        placed.append((kind, value, start, end))
    return tuple(placed)


def _suffix(path: "str | Path") -> str:
    """A file's suffix, lower-cased (``.docx``; "" for none), what its format is told by."""
    return os.path.splitext(path)[1].lower()


def refuse_wrapped(data: bytes, path: "str | Path", name: str) -> None:
    """A file Word or WPS wrapped in an OLE compound file is no document plancheck reads:
    a password-protected .docx says so, a .doc or .wps (or RTF named .doc) says to save it
    as .docx (its bytes are no text to decode: "binary file" told a drafter nothing)."""
    if data.startswith(_OLE_MAGIC) and all(
        stream.encode("utf-16-le") in data for stream in _ENCRYPTED_STREAMS
    ):  # (encoded here: the codec is loaded only for an OLE file)
        raise InputError(name, PASSWORD_PROTECTED)
    legacy = _suffix(path) in _LEGACY_SUFFIXES and data.startswith(b"{\\rtf")
    if data.startswith(_OLE_MAGIC) or legacy:
        raise InputError(name, LEGACY_WORD)


def source_from_bytes(data: bytes, name: str, known: str | None = None) -> Source:
    """Decode bytes (a file's or standard input's) into a Source, its paragraphs rebuilt
    where the text was joined onto one line or hard-wrapped (``reflow``); ``known`` as
    ``source_from_file`` takes it."""
    text, encoding, bom = decode(data, name)
    return _rebuilt(text, name, encoding, bom=bom, known=known)


def _rebuilt(
    text: str,
    name: str,
    encoding: str,
    *,
    bom: bool = False,
    kind: str | None = None,
    reading: str = "",
    known: str | None = None,
) -> Source:
    """A Source of the text with its paragraphs one a line: the text itself when it has
    them (a clean plan is read exactly as it is), else ``reflow``'s reading, each line
    placed at the line of the input where it begins.

    ``known`` is how the same bytes were read before (the result cache's entry): when it
    is ``reading``, nothing was rebuilt then, and the text is taken as it is without
    importing ``reflow`` or looking at the text again (both a share of a run from the
    cache that bench/instructions.py measures)."""
    if known == reading:
        return Source.from_text(text, name, encoding=encoding, bom=bom, kind=kind, reading=reading)
    from .reflow import AS_IS, reconstruct

    rebuilt = reconstruct(text)
    if rebuilt.how == AS_IS:
        return Source.from_text(text, name, encoding=encoding, bom=bom, kind=kind, reading=reading)
    places = tuple(("ls", pieces) for pieces in rebuilt.line_of) if not reading else ()
    how = f"{reading}+{rebuilt.how}" if reading else rebuilt.how
    return Source.from_text(
        rebuilt.text, name, encoding=encoding, bom=bom, kind=kind, places=places, reading=how
    )


def same_file(a: "Path", b: "Path") -> bool:
    """Whether two paths name one file: the same inode when both exist (a symlink, a hard
    link), else the same resolved path."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a symlink loop, a path too long: not the same file
        return False


def write_atomic(path: "str | Path", data: bytes) -> None:
    """Replace a file's content all at once: temp file beside it, fsync, rename.

    The file keeps its permission bits; a reader never sees half a plan.
    """
    from pathlib import Path

    target = Path(path)
    mode = target.stat().st_mode & 0o7777
    if not mode & 0o222 or not os.access(target, os.W_OK):  # read-only even for root
        raise InputError(str(path), Reason("file is read-only; not fixed", "unwritable"))
    import tempfile  # only --fix writes

    try:
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        beside = Reason(
            "cannot write beside the file ({reason})", "unwritable", reason=os_reason(error)
        )
        raise InputError(str(path), beside) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        pause_before_replace(target)
        os.replace(temp, target)
    except OSError as error:  # a full disk, a read-only mount: the file keeps its text
        Path(temp).unlink(missing_ok=True)
        reason = os_reason(error)
        unwritten = Reason(
            "cannot write the file ({reason}); not fixed", "unwritable", reason=reason
        )
        raise InputError(str(path), unwritten) from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_output(path: "str | Path", data: bytes) -> None:
    """Write an output (``-o``, a report) all at once: a reader, or a run stopped half-way,
    never finds half a report where the old one was (``replace_whole``)."""
    from pathlib import Path

    def write(temp: Path) -> None:
        with open(temp, "wb") as out:
            out.write(data)
            out.flush()
            if os.path.isfile(temp):  # a pipe or a terminal cannot be synced, nor needs it
                os.fsync(out.fileno())

    replace_whole(Path(path), write)


def replace_whole(target: "Path", write: "Callable[[Path], None]") -> None:
    """Make ``target`` with ``write(temp)``: a temp file beside it, then a rename. A new file
    gets the permissions an ordinary new file gets (not mkstemp's private ones), an existing
    one keeps its own; a device or a pipe (``-o /dev/stdout``) is written to as it is. An
    OSError is the caller's to word; no temp file is left."""
    import stat
    import tempfile
    from pathlib import Path

    try:
        existing = target.stat()
    except FileNotFoundError:
        existing = None
    if (
        existing is not None
        and not stat.S_ISREG(existing.st_mode)
        and not stat.S_ISDIR(existing.st_mode)
    ):
        write(target)
        return
    if existing is not None and stat.S_ISREG(existing.st_mode):
        mode = existing.st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        write(Path(temp))
        os.chmod(temp, mode)
        pause_before_replace(target)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


#: a test's hook: set, the writer stops between the whole temp file and the rename, so a
#: test can kill it there and see the file old (tests/test_safety.py)
PAUSE_ENV = "PLANCHECK_TEST_PAUSE_BEFORE_RENAME"


def pause_before_replace(target: "Path") -> None:
    """With ``$PLANCHECK_TEST_PAUSE_BEFORE_RENAME`` set to a file name, create that file (the
    test's signal that the temp file is whole) and wait to be killed: the moment a crash
    would leave the most behind. Unset (always, outside tests), nothing."""
    signal = os.environ.get(PAUSE_ENV)
    if signal:
        import time
        from pathlib import Path

        Path(signal).write_text(str(target), encoding="utf-8")
        while True:
            time.sleep(0.05)


def _unpickled(
    path: str,
    text: str,
    encoding: str,
    bom: bool,
    newline: str,
    kind: str,
    line_starts: tuple[int, ...],
    places: tuple[tuple, ...],
    reading: str,
    meta: tuple[tuple[str, str, int, int], ...] = (),
) -> Source:
    """A pickled ``Source`` back, its folded text made again."""
    return Source(
        path, text, encoding, bom, newline, kind, line_starts, fold(text), places, reading, meta
    )
