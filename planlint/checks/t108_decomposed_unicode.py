"""Letters typed in decomposed Unicode (NFD): a vowel and its tone mark as separate characters.

Text copied from some PDF readers, macOS file names or old converters writes ``ệ`` as ``e`` +
circumflex + dot below. It looks the same, but Word's search and sorting, spelling checkers and
some fonts treat it as different letters (a search for ``Kế hoạch`` misses it, the marks float
beside the letter). Unicode's composed form (NFC) is the normal one for Vietnamese text. The
file is reported once, with the count; ``planlint check --fix`` composes every such letter (a
safe repair: the text reads the same).

Bad::

    I. MU\u0323C ĐI\u0301CH

    Bô\u0309 sung nguô\u0300n lư\u0323c cho ca\u0301c xa\u0303.

Fixed::

    I. MỤC ĐÍCH

    Bổ sung nguồn lực cho các xã.

Good::

    I. MỤC ĐÍCH

    Bổ sung nguồn lực cho các xã.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import Context
from ..facts.unicode_form import decomposed
from ..finding import Edit, Hit
from ..rule import rule


@rule(
    code="T108",
    name="decomposed-unicode",
    severity="warning",
    messages={
        "en": "{count} letter(s) are in decomposed Unicode (a tone mark typed as a separate character), "
              "first “{first}”: search and spelling tools miss them",
        "vi": "{count} chữ ở dạng Unicode tổ hợp (dấu thanh là ký tự riêng), đầu tiên là “{first}”: "
              "công cụ tìm kiếm, kiểm tra chính tả sẽ bỏ sót",
    },
    fix={"en": "save the text in composed Unicode (NFC)", "vi": "chuyển văn bản sang Unicode dựng sẵn (NFC)"},
    autofix="safe",
)
def check(ctx: Context) -> Iterator[Hit]:
    found = ctx.facts(decomposed)
    if found is None:
        return
    ctx.verdict("unicode form", found.span, "NFC ✗", False)
    yield Hit(found.span, {"count": len(found.letters), "first": found.letters[0][1]},
              edits=tuple(Edit(span, letter) for span, letter in found.letters))
