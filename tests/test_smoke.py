from planlint import lint


def test_repeated_roman_found():
    text = "KẾ HOẠCH\nThi đua\n\nI. A\n\nII. B\n\nII. C\n\nIII. D\n"
    codes = [(f.code, f.line) for f in lint(text)]
    assert ("S103", 8) in codes
