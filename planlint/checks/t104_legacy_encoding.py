"""Text in a legacy font encoding (TCVN3, VNI) or with PDF extraction artefacts.

DOMAIN.md ("Text"): legacy encodings still arrive. TCVN3/ABC text read as Unicode shows bytes
that are no Vietnamese letter (``Céng hoµ x· héi`` for ``Cộng hoà xã hội``: tell-tales
µ ¸ ¶ · ¹ ¨ © ª « ¬ ® …); VNI writes tone marks as separate Latin letters (``Coäng hoøa``);
text extracted from a PDF gives ``ƣ`` for ``ư``, ``−`` inside words (``tr−ờng``) and the
impossible rhyme ``ơng`` for ``ông`` (``cơng``, ``nơng``). A leftover combining mark after
NFC normalisation means tone marks typed as separate characters.

A word counts only if it is made of Latin-1 characters with at least one such byte among plain
letters (a trailing ® or © is a trademark sign); a paragraph is reported when two such words
appear, once per paragraph, on its first such word, with the decoded reading.

Bad::

    1. Mục đích

    Céng hoµ x· héi chñ nghÜa ViÖt Nam: ®Èy m¹nh phong trµo thi ®ua.

Good::

    1. Mục đích

    Cộng hòa xã hội chủ nghĩa Việt Nam: đẩy mạnh phong trào thi đua; nhiệt độ 25°C, diện tích 8 m².
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.legacy import legacy
from ..finding import Hit
from ..rule import rule


@rule(
    code="T104",
    name="legacy-encoding",
    severity="warning",
    messages={
        "tcvn3": {
            "en": "text in the TCVN3 (ABC) font encoding: “{sample}” reads “{decoded}” "
                  "({count} such words in this paragraph)",
            "vi": "văn bản dùng bảng mã TCVN3 (ABC): “{sample}” là “{decoded}” ({count} từ như vậy trong đoạn)",
        },
        "vni": {
            "en": "text in the VNI font encoding: “{sample}” reads “{decoded}” ({count} such words in this paragraph)",
            "vi": "văn bản dùng bảng mã VNI: “{sample}” là “{decoded}” ({count} từ như vậy trong đoạn)",
        },
        "legacy": {
            "en": "text in a legacy 8-bit font encoding: “{sample}” ({count} such words in this paragraph)",
            "vi": "văn bản dùng bảng mã cũ (8 bit): “{sample}” ({count} từ như vậy trong đoạn)",
        },
        "pdf": {
            "en": "PDF extraction artefact: “{sample}” reads “{decoded}” ({count} in this paragraph)",
            "vi": "lỗi trích xuất từ PDF: “{sample}” là “{decoded}” ({count} chỗ trong đoạn)",
        },
        "combining": {
            "en": "tone mark typed as a separate character in “{sample}” (legacy CP1258/VIQR input)",
            "vi": "dấu thanh gõ thành ký tự rời trong “{sample}” (bảng mã CP1258/VIQR)",
        },
    },
    fix={
        "en": "convert the paragraph to Unicode (e.g. Unikey's converter) and check it",
        "vi": "chuyển đoạn văn sang bảng mã Unicode (ví dụ bằng công cụ chuyển mã Unikey) rồi soát lại",
    },
    any_text=True,  # a whole TCVN3 file hides its KẾ HOẠCH title: say why, once
)
def check(ctx: Context) -> Iterator[Hit]:
    for g in ctx.facts(legacy):
        key = g.encoding
        if key in ("pdf", "tcvn3", "vni") and not g.decoded:
            key = "legacy"
        yield Hit(g.span, {"sample": g.sample, "decoded": g.decoded, "count": g.count}, message_key=key)
