"""Which text encoding a seller file uses, without asking the seller.

Order matters: a BOM is proof; strict UTF-8 decoding of a sample is near-proof (legacy
encodings of CJK text almost never decode as valid UTF-8); only then is a statistical
detector asked to choose among the legacy encodings sellers actually have.
"""

from __future__ import annotations

import codecs
from pathlib import Path

SAMPLE_BYTES = 256 * 1024
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MIXED_PREFIX = "utf-8+"
"""Encoding name for UTF-8 files with some lines in a legacy encoding: 'utf-8+gb18030'."""
_LEGACY_CANDIDATES = ["gb18030", "cp932", "cp1252", "big5", "cp949", "utf_16_le", "utf_16_be"]
"""Korean is read as cp949 (Windows' Korean code page, what Korean Excel saves), not EUC-KR:
cp949 holds every EUC-KR character and the 8,822 Hangul syllables EUC-KR lacks, and a file
with one of them ('똠', '뷁') was taken for GB18030, its headers mojibake."""


def _looks_utf16(sample: bytes) -> str | None:
    """UTF-16 without BOM: ASCII text puts a NUL in every other byte."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _is_utf8(sample: bytes, truncated: bool) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the sample's end is not evidence against UTF-8.
        return truncated and error.start >= len(sample) - 3
    return True


def detect_encoding(sample: bytes, truncated: bool = False) -> str:
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    utf16 = _looks_utf16(sample)
    if utf16:
        return utf16
    if _is_utf8(sample, truncated):
        return "utf-8"
    lines = [line for line in sample.splitlines() if not line.isascii()]
    failing = [line for line in lines if not _is_utf8(line, truncated=False)]
    if lines and len(failing) <= len(lines) // 2:
        # Rows pasted together from two systems: UTF-8 with some legacy lines.
        return MIXED_PREFIX + _pasted_lines_encoding(b"\n".join(failing))
    return _legacy_encoding(sample)


def _pasted_lines_encoding(lines: bytes) -> str:
    """A few lines are too little for statistics: GB18030 (most of our sellers) if it fits."""
    try:
        lines.decode("gb18030")
    except UnicodeDecodeError:
        return _legacy_encoding(lines)
    return "gb18030"


def _legacy_encoding(sample: bytes) -> str:
    # Imported here: most files are UTF-8, and its import was a tenth of a fresh analysis
    # worker's start-up (the bot's workers' server imports it once, `isolation._PRELOAD`).
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=_LEGACY_CANDIDATES).best()
    if best is None:
        return "gb18030"  # decodes any byte sequence; garbage then fails header detection
    return best.encoding


EUROPEAN_CODE_PAGES = ("cp1252", "cp1250")
"""Windows' Western and Central European code pages: what a European 3PL's or ERP's CSV is
written in when it is not UTF-8 (German, French; Polish, Czech, Hungarian)."""
_MULTI_BYTE_LEGACY = frozenset({"gb18030", "gbk", "cp932", "big5", "euc_kr", "cp949"})


def european_readings(sample: bytes, detected: str) -> list[str]:
    """The other European code pages a sample detected as a legacy encoding decodes in
    without error, the statistical detector's choice among them first. A statistical guess
    over a few kilobytes of mostly ASCII takes Polish bytes for GBK or Windows-1252 just as
    readily: the caller keeps the reading whose header it can read (reading._read_text)."""
    if detected not in _MULTI_BYTE_LEGACY and detected not in EUROPEAN_CODE_PAGES:
        return []
    pages = [p for p in EUROPEAN_CODE_PAGES if p != detected and _decodes(sample, p)]
    if len(pages) > 1:
        from charset_normalizer import from_bytes

        best = from_bytes(sample, cp_isolation=pages).best()
        pages.sort(key=lambda page: best is None or page != best.encoding)
    return pages


def _decodes(sample: bytes, encoding: str) -> bool:
    try:
        sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, encoding: str) -> str:
    """Decode with replacement; a mixed encoding decodes each line on its own."""
    if not encoding.startswith(MIXED_PREFIX):
        return data.decode(encoding, errors="replace")
    legacy = encoding.removeprefix(MIXED_PREFIX)
    return "".join(_decode_line(line, legacy) for line in data.splitlines(keepends=True))


def _decode_line(line: bytes, legacy: str) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode(legacy, errors="replace")


def transcode_to_utf8(source: Path, encoding: str, target: Path, chunk: int = 1 << 20) -> None:
    """Stream `source` into UTF-8 at `target`, dropping NUL bytes, in bounded memory."""
    with source.open("rb") as raw, target.open("w", encoding="utf-8", newline="") as out:
        if encoding.startswith(MIXED_PREFIX):
            for line in raw:  # lines are short; a mixed file must be judged line by line
                out.write(decode(line, encoding).replace("\x00", ""))
            return
        decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        while block := raw.read(chunk):
            out.write(decoder.decode(block).replace("\x00", ""))
        out.write(decoder.decode(b"", final=True).replace("\x00", ""))
