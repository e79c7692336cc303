"""Legacy Vietnamese font encodings read as Latin-1: the TCVN3 (ABC) and VNI-Windows tables and
their decoders, and the bytes that give such text away."""

from __future__ import annotations

import re

# TCVN3 (ABC, the .VnTime fonts), read as Latin-1: each byte stands for one Vietnamese letter.
_TCVN3 = dict(zip(
    "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦",
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ", strict=True))
# bytes of TCVN3 that are no letter at all: a word holding one is TCVN3 text
_TCVN3_SYMBOLS = frozenset("µ¸¶·¹¨»¾¼½©®ª×÷«¬\xad¡¢§£¤¥¦")
# Latin-1 letters Vietnamese never uses: in a word with plain letters they are a legacy byte
# (VNI writes tone marks as separate letters: "Coäng hoøa"; TCVN3 uses some of them too)
_FOREIGN_LETTERS = frozenset("äåæçëîïñöøûüþßÆÇËÎÏÐÑÖØÜÞÄÅËÏÛ")


def _vni_table() -> dict[str, str]:
    tones = "ùøûõï"  # sắc huyền hỏi ngã nặng, typed after the vowel
    table: dict[str, str] = {}

    def add(seq: str, out: str) -> None:
        table[seq] = out
        table[seq.upper()] = out.upper()

    for base, out in (("a", "áàảãạ"), ("e", "éèẻẽẹ"), ("o", "óòỏõọ"), ("ô", "ớờởỡợ"), ("u", "úùủũụ"),
                      ("ö", "ứừửữự"), ("y", "ýỳỷỹ")):
        for t, o in zip(tones, out, strict=False):
            add(base + t, o)
    for base, hat, out in (("a", "âáàåãä", "âấầẩẫậ"), ("e", "âáàåãä", "êếềểễệ"), ("o", "âáàåãä", "ôốồổỗộ"),
                           ("a", "êéèúüë", "ăắằẳẵặ")):
        for h, o in zip(hat, out, strict=True):
            add(base + h, o)
    for single, out in (("í", "í"), ("ì", "ì"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"), ("î", "ỵ"), ("ô", "ơ"),
                        ("ö", "ư"), ("ñ", "đ")):
        add(single, out)
    return table


_VNI = _vni_table()
_VNI_SEQ = re.compile("|".join(re.escape(k) for k in sorted(_VNI, key=len, reverse=True)))


def vni_decode(s: str) -> str:
    """VNI-Windows text read as Latin-1 -> Unicode (``Coäng hoøa`` -> ``Cộng hòa``)."""
    return _VNI_SEQ.sub(lambda m: _VNI[m.group()], s)


def tcvn3_decode(s: str) -> str:
    out = []
    for w in re.split(r"(\s+)", s):
        dec = "".join(_TCVN3.get(c, c) for c in w)
        letters = [c for c in w if c.isascii() and c.isalpha()]
        out.append(dec.upper() if len(letters) > 1 and all(c.isupper() for c in letters) else dec)
    return "".join(out)
