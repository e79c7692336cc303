"""Input adapters: which reader turns a file into the ``Source`` planlint checks.

Text plans (.txt, .md, anything else) are decoded as UTF-8 text. A Word document (.docx) goes
through ``docx.py`` and a PDF through ``pdf.py``; their libraries are imported only then, so a
text plan starts as fast as before. A legacy .doc is converted with LibreOffice when ``soffice``
is on the PATH, else refused with one line. A Word or PDF file hiding under a text name is
refused with one line rather than read as garbage.
"""

from __future__ import annotations

from pathlib import Path

from .source import InputError, Source

WORD_SUFFIXES = (".docx", ".docm", ".dotx")
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes) -> str:
    """``docx``, ``pdf``, ``ole2`` (legacy .doc or encrypted .docx), ``zip`` or ``text``."""
    if data[:4] == b"PK\x03\x04":
        return "docx" if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536] else "zip"
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:8] == OLE2:
        return "ole2"
    return "text"


def load(data: bytes, name: str, suffix: str = "") -> Source:
    """The ``Source`` for a file's bytes; ``suffix`` is the file's extension (lower case)."""
    kind = sniff(data)
    if kind == "ole2" and _encrypted(data):
        raise InputError(f"{name}: password-protected Word file; remove the password (File > Info > "
                         "Protect Document) and save again")
    if suffix in WORD_SUFFIXES or (suffix == "" and kind == "docx"):
        from .docx import read_docx

        return read_docx(data, name)
    if suffix == ".pdf" or (suffix == "" and kind == "pdf"):
        if kind != "pdf":
            raise InputError(f"{name}: not a PDF file (no %PDF header)")
        from .pdf import read_pdf

        return read_pdf(data, name)
    if suffix == ".doc":
        return _legacy_doc(data, name)
    if kind == "docx":
        raise InputError(f"{name}: this is a Word document (.docx), not a text plan; rename it to .docx")
    if kind == "pdf":
        raise InputError(f"{name}: this is a PDF file, not a text plan; rename it to .pdf")
    if kind == "ole2":
        raise InputError(f"{name}: this is a Word 97-2003 (.doc) file, not a text plan; save it as .docx")
    return Source.from_bytes(data, name)


def _encrypted(data: bytes) -> bool:
    """An OLE2 container holding an encrypted OOXML package (what Word writes for a password)."""
    return "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data


def _legacy_doc(data: bytes, name: str) -> Source:
    if data[:4] == b"PK\x03\x04":  # a .docx named .doc
        from .docx import read_docx

        return read_docx(data, name)
    import shutil

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise InputError(f"{name}: legacy Word 97-2003 file (.doc); open it in Word and save as .docx "
                         "(or install LibreOffice: planlint converts .doc with soffice when it is on the PATH)")
    converted = convert_with_soffice(data, "draft.doc", "docx", soffice)
    if converted is None:
        raise InputError(f"{name}: legacy Word 97-2003 file (.doc) that LibreOffice could not convert; "
                         "save it as .docx")
    from .docx import read_docx

    return read_docx(converted, name)


def convert_with_soffice(data: bytes, filename: str, target: str, soffice: str | None = None,
                         timeout: float = 120) -> bytes | None:
    """Convert a document with LibreOffice headless (``target``: docx, pdf, …); None on failure."""
    import os
    import shutil
    import subprocess
    import tempfile

    soffice = soffice or shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory(prefix="planlint-") as tmp:
        src = Path(tmp, filename)
        src.write_bytes(data)
        profile = Path(tmp, "profile").as_uri()  # a private profile: no clash with a running LibreOffice
        try:
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                            "--outdir", tmp, str(src)], capture_output=True, timeout=timeout, check=False,
                           env={**os.environ, "HOME": tmp})
        except (OSError, subprocess.TimeoutExpired):
            return None
        out = src.with_suffix("." + target.split(":")[0])
        return out.read_bytes() if out.is_file() else None
