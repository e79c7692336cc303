"""The T rules' data in ``rules/``: the legacy encodings, the syllable letters, the markup words.
Each table is checked for empty entries, duplicates and entries that contradict each other."""

from __future__ import annotations

import unicodedata

from planlint.data import vocabulary


def _vietnamese_letter(c: str) -> bool:
    return len(c) == 1 and c.isalpha() and (c in "đĐ" or unicodedata.normalize("NFD", c)[0].isascii())


def test_tcvn3_is_one_letter_a_byte_and_back():
    enc = vocabulary("encodings")
    pairs = enc["tcvn3"]["letters"]
    assert pairs and all(len(p) == 2 and len(p[0]) == 1 and _vietnamese_letter(p[1]) for p in pairs), pairs
    assert len({b for b, _ in pairs}) == len(pairs), "a byte listed twice"
    assert len({v for _, v in pairs}) == len(pairs), "two bytes for one letter"
    assert all(unicodedata.is_normalized("NFC", v) and ord(b) <= 0xFF for b, v in pairs)
    symbols = enc["tcvn3"]["symbols"]
    assert symbols and len(set(symbols)) == len(symbols) and set(symbols) <= {b for b, _ in pairs}


def test_latin1_letters_are_no_vietnamese_letters():
    latin1 = vocabulary("encodings")["latin1"]
    for key in ("foreign_letters", "mid_word_capitals"):
        chars = latin1[key]
        assert chars and all(c.isalpha() and ord(c) <= 0xFF for c in chars), key
    # Vietnamese has none of the foreign letters (ä, ø, ß …)
    viet = {v for _, v in vocabulary("encodings")["tcvn3"]["letters"]}
    assert not set(latin1["foreign_letters"]) & {c for v in viet for c in (v, v.upper())}
    assert all(c.isupper() for c in latin1["mid_word_capitals"])


def test_vni_sequences():
    vni = vocabulary("encodings")["vni"]
    pairs = vni["letters"]
    typed = [t for t, _ in pairs]
    assert len(set(typed)) == len(typed), "a VNI sequence listed twice"
    for t, letter in pairs:
        assert t and t == t.lower() and all(ord(c) <= 0xFF for c in t), t
        assert _vietnamese_letter(letter) and letter == letter.lower(), letter
    tells = vni["tell_tales"]
    assert tells and len(set(tells)) == len(tells)
    assert set(tells) <= {c for t in typed for c in t}, "a tell-tale no VNI sequence uses"


def test_pdf_artefacts():
    pdf = vocabulary("encodings")["pdf"]
    assert pdf["letters"] and all(len(a) == 1 and _vietnamese_letter(b) and a != b for a, b in pdf["letters"])
    rhyme = pdf["impossible_rhyme"]
    assert rhyme["found"] and rhyme["reads"] and rhyme["found"] != rhyme["reads"]
    assert len(rhyme["found"]) == len(rhyme["reads"]) and rhyme["found"][1:] == rhyme["reads"][1:]
    assert len(rhyme["unless_after"]) == 1


def test_syllable_letters():
    syl = vocabulary("syllables")
    vowels, consonants = syl["vowels"], syl["consonants"]
    for chars in (vowels, consonants, syl["marked_vowels"]):
        assert chars and len(set(chars)) == len(chars) and chars == chars.lower()
    assert not set(vowels) & set(consonants)
    assert set(syl["marked_vowels"]) <= set(vowels)
    assert syl["glides"] and all(c in consonants and v in vowels for c, v in syl["glides"])
    rhymes, onsets = syl["two_place_rhymes"], syl["two_place_onsets"]
    assert rhymes and len(set(rhymes)) == len(rhymes) and all(set(r) <= set(vowels) for r in rhymes)
    assert onsets and len(set(onsets)) == len(onsets) and all(set(o) <= set(consonants) for o in onsets)
    assert "q" not in onsets  # "quý": the u belongs to the consonant


def test_markup_words():
    lines = vocabulary("markup")["subscript"]["name_list_lines"]
    assert lines and all(w and w == w.strip().lower() for w in lines) and len(set(lines)) == len(lines)
