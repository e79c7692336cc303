"""P rules on single statements: each phrasing a plan uses, balanced, broken and fixed."""

from __future__ import annotations

import pytest

import planlint
from planlint.config import Config
from planlint.engine import Context, lint, lint_source
from planlint.facts.poverty import balance, inventory, runs
from planlint.i18n import render
from planlint.parsing.source import Source

HEAD = "2. Chỉ tiêu xã hội:\n\n"


def plan(*lines: str) -> str:
    """A list of bullets under one heading (line 3 is the first bullet)."""
    return HEAD + "\n".join(lines) + "\n"


def found(text: str, lang: str = "en", info: bool = False) -> list[tuple[str, int, str, str]]:
    cfg = Config(select=["P"], lang=lang, show_info=info)
    return [(f.code, f.line, f.severity, f.message) for f in lint(text, cfg, fragment=True)]


def codes(text: str, info: bool = False) -> list[tuple[str, int]]:
    return [(c, line) for c, line, _, _ in found(text, info=info)]


# -- P101 ledger-balance --------------------------------------------------------------------------

SEED_STYLE = ("- Giảm nghèo: Số hộ nghèo đầu năm 46; số hộ nghèo giảm trong năm: 14; số hộ nghèo cuối năm: 32; "
              "tỷ lệ hộ nghèo theo chuẩn mới: 1,90%. Số hộ cận nghèo đầu năm: 94; số hộ cận nghèo giảm trong năm: 65; "
              "số hộ cận nghèo cuối năm: 29; tỷ lệ hộ cận nghèo: 1,72%.")


def test_labelled_ledgers_of_poor_and_near_poor_balance():
    assert codes(plan(SEED_STYLE)) == []


@pytest.mark.parametrize("find,replace,category", [
    ("đầu năm 46", "đầu năm 48", "poor households"),
    ("giảm trong năm: 14", "giảm trong năm: 13", "poor households"),
    ("nghèo cuối năm: 32", "nghèo cuối năm: 31", "poor households"),
    ("cận nghèo đầu năm: 94", "cận nghèo đầu năm: 95", "near-poor households"),
    ("cận nghèo cuối năm: 29", "cận nghèo cuối năm: 39", "near-poor households"),
])
def test_one_wrong_figure_gives_one_error(find, replace, category):
    out = found(plan(SEED_STYLE.replace(find, replace)))
    assert [(c, line, sev) for c, line, sev, _ in out] == [("P101", 3, "error")]
    assert out[0][3].startswith(category + ": start ")


def test_message_shows_the_whole_equation_in_both_languages():
    text = plan("- Giảm nghèo: số hộ nghèo đầu năm 152 hộ; phấn đấu giảm 38 hộ, số hộ nghèo cuối năm còn 124 hộ.")
    (_, _, _, en), = found(text)
    (_, _, _, vi), = found(text, lang="vi")
    assert en == "poor households: start 152 − reduced 38 = 114, but the plan says 124 at year end"
    assert vi == "hộ nghèo: đầu năm 152 − giảm 38 = 114, nhưng kế hoạch ghi cuối năm 124"


def test_finding_stands_on_the_year_end_figure():
    text = plan("- Số hộ nghèo đầu năm 152 hộ; phấn đấu giảm 38 hộ, số hộ nghèo cuối năm còn 124 hộ.")
    f = lint(text, Config(select=["P101"]), fragment=True)[0]
    line = text.split("\n")[f.line - 1]
    assert line[f.column - 1:f.end_column - 1] == "124"


@pytest.mark.parametrize("good,bad", [
    ("- Số hộ nghèo giảm từ 180 hộ xuống còn 160 hộ (giảm 20 hộ).",
     "- Số hộ nghèo giảm từ 180 hộ xuống còn 160 hộ (giảm 25 hộ)."),
    ("- Số hộ nghèo đầu năm 3.317 hộ, trong năm giảm 1.265 hộ, còn lại 2.052 hộ.",
     "- Số hộ nghèo đầu năm 3.317 hộ, trong năm giảm 1.265 hộ, còn lại 2.025 hộ."),
    ("- Hộ nghèo: đầu năm 64 hộ; thoát nghèo 20 hộ; tái nghèo 2 hộ; phát sinh mới 3 hộ; cuối năm 49 hộ.",
     "- Hộ nghèo: đầu năm 64 hộ; thoát nghèo 20 hộ; tái nghèo 2 hộ; phát sinh mới 3 hộ; cuối năm 51 hộ."),
    ("- Toàn xã hiện có 46 hộ nghèo; phấn đấu có 20 hộ thoát nghèo, 2 hộ tái nghèo, cuối năm còn 28 hộ nghèo.",
     "- Toàn xã hiện có 46 hộ nghèo; phấn đấu có 20 hộ thoát nghèo, 2 hộ tái nghèo, cuối năm còn 26 hộ nghèo."),
    ("- Số hộ nghèo cuối năm 2024 là 46 hộ, phấn đấu đến cuối năm 2025 còn 32 hộ (giảm 14 hộ).",
     "- Số hộ nghèo cuối năm 2024 là 46 hộ, phấn đấu đến cuối năm 2025 còn 32 hộ (giảm 15 hộ)."),
    ("- Số hộ nghèo, hộ cận nghèo đầu năm lần lượt là 46 hộ và 94 hộ; trong năm giảm lần lượt 14 hộ và 65 hộ; "
     "cuối năm lần lượt còn 32 hộ và 29 hộ.",
     "- Số hộ nghèo, hộ cận nghèo đầu năm lần lượt là 46 hộ và 94 hộ; trong năm giảm lần lượt 14 hộ và 65 hộ; "
     "cuối năm lần lượt còn 32 hộ và 19 hộ."),
    ("- Phấn đấu giảm 14 hộ nghèo, 65 hộ cận nghèo; đầu năm có 46 hộ nghèo và 94 hộ cận nghèo; "
     "cuối năm còn 32 hộ nghèo (1,90%) và 29 hộ cận nghèo (1,72%).",
     "- Phấn đấu giảm 14 hộ nghèo, 65 hộ cận nghèo; đầu năm có 46 hộ nghèo và 94 hộ cận nghèo; "
     "cuối năm còn 32 hộ nghèo (1,90%) và 28 hộ cận nghèo (1,72%)."),
    ("- Số hộ cận nghèo đầu năm 112 hộ; số hộ thoát cận nghèo 40 hộ; số hộ cận nghèo phát sinh 3 hộ; "
     "số hộ cận nghèo cuối năm 75 hộ.",
     "- Số hộ cận nghèo đầu năm 112 hộ; số hộ thoát cận nghèo 40 hộ; số hộ cận nghèo phát sinh 3 hộ; "
     "số hộ cận nghèo cuối năm 72 hộ."),
    ("- Năm 2025 toàn xã hiện còn 58 hộ nghèo, dự kiến thoát nghèo 21 hộ, rơi xuống nghèo 1 hộ, "
     "đến cuối năm còn 38 hộ nghèo.",
     "- Năm 2025 toàn xã hiện còn 58 hộ nghèo, dự kiến thoát nghèo 21 hộ, rơi xuống nghèo 1 hộ, "
     "đến cuối năm còn 37 hộ nghèo."),
])
def test_phrasings(good, bad):
    assert codes(plan(good)) == []
    assert [c for c, _ in codes(plan(bad))] == ["P101"]


def test_a_ledger_spread_over_bullets_of_one_list():
    good = plan("- Số hộ nghèo đầu năm: 152 hộ.", "- Phấn đấu giảm 38 hộ.", "- Số hộ nghèo cuối năm còn 114 hộ.")
    assert codes(good) == []
    bad = good.replace("còn 114", "còn 124")
    assert codes(bad) == [("P101", 5)]


def test_a_heading_names_the_category_of_its_bullets():
    text = ("1. Hộ cận nghèo:\n\n- Đầu năm: 94 hộ.\n- Giảm: 65 hộ.\n- Cuối năm: 39 hộ.\n\n"
            "2. Hộ nghèo:\n\n+ Số hộ nghèo đầu năm: 46 hộ;\n+ Số hộ thoát nghèo: 16 hộ;\n+ Số hộ tái nghèo: 0 hộ;\n"
            "+ Số hộ nghèo phát sinh: 2 hộ;\n+ Số hộ nghèo cuối năm: 32 hộ (tỷ lệ 1,90%).\n")
    out = found(text)
    assert [(c, line) for c, line, _, _ in out] == [("P101", 5)]
    assert out[0][3].startswith("near-poor households: start 94 − reduced 65 = 29")


def test_net_reduction_with_its_parts():
    good = plan("- Giảm 14 hộ nghèo (thoát nghèo 16 hộ, phát sinh mới 2 hộ); đầu năm 46 hộ, cuối năm 32 hộ.")
    assert codes(good) == []
    bad = good.replace("phát sinh mới 2", "phát sinh mới 3")
    (code, _, _, msg), = found(bad)
    assert code == "P101"
    assert msg == "poor households: the reduction of 14 does not match its parts: escaped 16 − newly poor 3 = 13"


def test_reduction_beside_arrivals_may_be_gross_or_net():
    gross = plan("- Số hộ nghèo đầu năm 46 hộ, giảm 14 hộ, phát sinh mới 2 hộ, cuối năm còn 34 hộ.")
    net = plan("- Số hộ nghèo đầu năm 46 hộ, giảm 14 hộ, phát sinh mới 2 hộ, cuối năm còn 32 hộ.")
    neither = plan("- Số hộ nghèo đầu năm 46 hộ, giảm 14 hộ, phát sinh mới 2 hộ, cuối năm còn 33 hộ.")
    assert codes(gross) == [] and codes(net) == []
    assert [c for c, _ in codes(neither)] == ["P101"]


@pytest.mark.parametrize("text", [
    "- Số hộ nghèo đầu năm 46 hộ, giảm khoảng 14 hộ, cuối năm còn 30 hộ.",
    "- Số hộ nghèo đầu năm 46 hộ, phấn đấu giảm từ 14 hộ trở lên, cuối năm còn dưới 30 hộ.",
    "- Số hộ nghèo đầu năm 546 hộ; giai đoạn 2021-2025 giảm 500 hộ nghèo, bình quân mỗi năm giảm 100 hộ; "
    "cuối năm còn 450 hộ.",
    "- Số hộ nghèo đầu năm 46 hộ. Số lao động được đào tạo nghề giảm 14 người, cuối năm còn 30 người.",
    "- Số hộ nghèo đầu năm 46 hộ; vận động 20 hộ sử dụng nước sạch; cuối năm còn 26 hộ.",
    "- Hỗ trợ xây dựng 10 nhà cho hộ nghèo; Quỹ vì người nghèo vận động 50 triệu đồng; giảm 30% số hộ nghèo.",
    "- Thực hiện Nghị quyết số 46/NQ-HĐND ngày 27/12/2023 về giảm nghèo, số hộ nghèo cuối năm còn 32 hộ.",
])
def test_figures_that_are_not_exact_or_not_of_the_ledger_are_not_checked(text):
    assert codes(plan(text)) == []


def test_households_moving_away_soften_the_finding():
    good = plan("- Số hộ nghèo đầu năm 46 hộ; thoát nghèo 12 hộ; chuyển đi 2 hộ; cuối năm còn 32 hộ.")
    assert codes(good) == []
    bad = good.replace("còn 32", "còn 30")
    assert [(c, s) for c, _, s, _ in found(bad)] == [("P101", "warning")]


def test_a_count_not_understood_softens_the_finding():
    text = plan("- Số hộ nghèo đầu năm 46 hộ, trong đó 10 hộ nghèo là hộ người có công; "
                "giảm 14 hộ; cuối năm còn 30 hộ.")
    assert [(c, s) for c, _, s, _ in found(text)] == [("P101", "warning")]


def test_balanced_and_broken_ledgers_are_recorded_as_verdicts():
    text = plan(SEED_STYLE.replace("cuối năm: 29", "cuối năm: 39"))
    src = Source("<t>", text)
    ctx = Context(planlint.parse(text), Config())
    lint_source(src, Config(select=["P"]), fragment=True, context=ctx)
    ledger = [(v.ok, v.text("en")) for v in ctx.verdicts if v.kind == "ledger"]
    assert ledger == [(True, "poor households: start 46 − reduced 14 = 32 (year end 32) ✓"),
                      (False, "near-poor households: start 94 − reduced 65 = 29, the plan says year end 39 ✗")]


# -- P102 rate-fall-points ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "- Tỷ lệ hộ nghèo từ 3,25% xuống còn 2,10% (giảm 1,15%).",
    "- Tỷ lệ hộ nghèo từ 3,25% xuống còn 2,10% (giảm 1,15 điểm phần trăm).",
    "- Tỷ lệ hộ nghèo đầu năm 2,73%, giảm 0,83%, cuối năm còn 1,90%.",
    "- Tỷ lệ hộ nghèo giảm 1,2% (từ 3,25% xuống 2,1%).",
    "- Giảm tỷ lệ hộ nghèo (theo chuẩn nghèo tiếp cận đa chiều) còn 0,53%.",
    "- Tỷ lệ hộ nghèo giảm năm 2025 so với năm 2024: 0,77%; tỷ lệ giảm hộ nghèo đến cuối năm 2025 còn dưới 1%.",
])
def test_rate_falls_that_agree(text):
    assert codes(plan(text)) == []


def test_rate_fall_not_in_points():
    out = found(plan("- Tỷ lệ hộ nghèo từ 3,25% xuống còn 2,10% (giảm 1,05%)."))
    assert [(c, line, s) for c, line, s, _ in out] == [("P102", 3, "error")]
    assert "3,25 − 2,10 = 1,15 percentage points, but the plan says a fall of 1,05%" in out[0][3]
    (_, _, _, vi), = found(plan("- Tỷ lệ hộ nghèo từ 3,25% xuống còn 2,10% (giảm 1,05%)."), lang="vi")
    assert "3,25 − 2,10 = 1,15 điểm phần trăm, nhưng kế hoạch ghi giảm 1,05%" in vi


def test_relative_fall_is_named():
    (code, _, severity, msg), = found(plan("- Tỷ lệ hộ nghèo giảm từ 3,25% xuống 2,10%, tức giảm 35,4%."))
    assert (code, severity) == ("P102", "warning")
    assert "35,4% is the fall relative to the start ((3,25 − 2,10) ÷ 3,25 = 35,4%)" in msg


def test_poor_and_near_poor_rates_are_checked_apart():
    text = plan("- Tỷ lệ hộ nghèo từ 3,25% xuống còn 2,10% (giảm 1,15%); tỷ lệ hộ cận nghèo từ 4,50% xuống "
                "còn 3,80% (giảm 0,80%).")
    out = found(text)
    assert [c for c, *_ in out] == ["P102"]
    assert out[0][3].startswith("the rate of near-poor households falls from 4,50% to 3,80%")


# -- P103 rate-denominator ---------------------------------------------------------------------------


def test_rates_of_poor_and_near_poor_imply_one_total():
    assert codes(plan(SEED_STYLE)) == []
    out = found(plan(SEED_STYLE.replace("1,72%", "2,72%")))
    assert [(c, line, s) for c, line, s, _ in out] == [("P103", 3, "warning")]
    assert "32 poor households at 1,90% means 32 ÷ 1,90% = 1.680–1.688 households" in out[0][3]
    assert "29 near-poor households at 2,72% means 29 ÷ 2,72% = 1.065–1.068" in out[0][3]


def test_a_stated_total_arbitrates():
    text = plan("- Toàn xã có 1.685 hộ.", "- Số hộ nghèo cuối năm 32 hộ, chiếm 1,90%.",
                "- Số hộ cận nghèo cuối năm 29 hộ, chiếm 1,72%.")
    assert codes(text) == []
    wrong_rate = found(text.replace("chiếm 1,90%", "chiếm 2,10%"))
    assert [(c, line, s) for c, line, s, _ in wrong_rate] == [("P103", 4, "error")]
    assert wrong_rate[0][3] == ("32 poor households of 1.685 households: 32 ÷ 1.685 × 100 = 1,90%, "
                                "but the plan says 2,10%")
    wrong_total = found(text.replace("1.685 hộ", "1.865 hộ"))
    assert [(c, line, s) for c, line, s, _ in wrong_total] == [("P103", 3, "error")]
    assert "the plan states 1.865 households" in wrong_total[0][3]


def test_a_start_rate_against_the_total_is_a_warning():
    text = plan("- Toàn xã có 1.685 hộ; số hộ nghèo đầu năm 46 hộ (chiếm 3,10%), giảm 14 hộ, cuối năm còn 32 hộ.")
    assert [(c, s) for c, _, s, _ in found(text)] == [("P103", "warning")]


def test_an_unbalanced_ledger_is_not_also_a_rate_finding():
    assert [c for c, *_ in found(plan(SEED_STYLE.replace("cuối năm: 29", "cuối năm: 39")))] == ["P101"]


def test_a_rate_in_another_bullet_is_not_paired_with_a_count():
    text = plan("- Số hộ nghèo cuối năm còn 32 hộ.", "- Giảm tỷ lệ hộ nghèo còn 0,53%.",
                "- Số hộ cận nghèo cuối năm còn 29 hộ, tỷ lệ hộ cận nghèo 1,72%.")
    assert codes(text) == []


def test_another_rate_after_a_poverty_rate_is_not_read():
    text = plan("- Tỷ lệ hộ nghèo cuối năm 1,90%; tỷ lệ lao động qua đào tạo đạt 55%; tỷ lệ hộ gia đình văn hóa 92%.")
    assert [led.rates.keys() for run in runs(planlint.parse(text)) for led in run.ledgers] == [{"end": None}.keys()]


# -- P104 unit-mix -----------------------------------------------------------------------------------


def test_households_and_people_mixed():
    out = found(plan("- Số hộ nghèo đầu năm 46 hộ; giảm 14 người; cuối năm còn 32 hộ."))
    assert [(c, s) for c, _, s, _ in out] == [("P104", "warning")]
    assert out[0][3] == ("poor households: start 46 households but reduced 14 people: households and people never "
                         "mix in one ledger")


def test_parallel_ledgers_in_households_and_people():
    text = plan("- Số hộ nghèo đầu năm 46 hộ (152 nhân khẩu); giảm 14 hộ (48 nhân khẩu); cuối năm còn 32 hộ "
                "(104 nhân khẩu).")
    assert codes(text) == []


# -- P105 incomplete-ledger --------------------------------------------------------------------------


def test_incomplete_ledgers_are_quiet_unless_asked():
    text = plan("- Số hộ nghèo đầu năm 46 hộ; phấn đấu đến cuối năm còn 32 hộ.")
    assert codes(text) == []
    out = found(text, info=True)
    assert [(c, s) for c, _, s, _ in out] == [("P105", "info")]
    assert out[0][3] == "poor households: start 46 and year end 32 are stated but no movement (46 − 32 = 14)"


@pytest.mark.parametrize("text,message", [
    ("- Số hộ nghèo đầu năm 46 hộ; phấn đấu giảm 14 hộ.",
     "poor households: start 46 − reduced 14 = 32, but the year-end figure is not stated"),
    ("- Phấn đấu giảm 38 hộ nghèo, số hộ nghèo cuối năm còn 124 hộ.",
     "poor households: the start is not stated; year end 124 with reduced 38 implies 162 at the start"),
])
def test_incomplete_ledger_variants(text, message):
    assert [m for c, _, _, m in found(plan(text), info=True) if c == "P105"] == [message]


def test_a_range_states_its_movement():
    assert codes(plan("- Số hộ nghèo giảm từ 180 hộ xuống còn 160 hộ."), info=True) == []


# -- planlint facts ----------------------------------------------------------------------------------


def test_inventory_lists_each_ledger_with_its_equation():
    rows = inventory(planlint.parse(plan(SEED_STYLE)))
    texts = [render(r.text, "vi") for r in rows]
    assert "hộ nghèo: đầu năm 46 − giảm 14 = 32 (cuối năm 32) ✓" in texts
    assert "poor households: start 46 − reduced 14 = 32 (year end 32) ✓" in [render(r.text, "en") for r in rows]
    assert "hộ cận nghèo: đầu năm 94 − giảm 65 = 29 (cuối năm 29) ✓" in texts
    assert all(r.data.get("ok", True) for r in rows if r.kind == "ledger")


def test_balance_is_none_without_a_movement():
    p = planlint.parse(plan("- Số hộ nghèo đầu năm 46 hộ; cuối năm còn 32 hộ."))
    (run,) = runs(p)
    assert balance(run.ledgers[0], "households") is None


# -- more phrasings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("good,bad", [
    ("- Theo chuẩn nghèo giai đoạn 2022-2025, số hộ nghèo đầu năm là 46 hộ; phấn đấu giảm 14 hộ, cuối năm còn 32 hộ.",
     "- Theo chuẩn nghèo giai đoạn 2022-2025, số hộ nghèo đầu năm là 46 hộ; phấn đấu giảm 14 hộ, cuối năm còn 30 hộ."),
    ("- Giảm 14 hộ nghèo so với đầu năm (46 hộ), cuối năm còn 32 hộ.",
     "- Giảm 14 hộ nghèo so với đầu năm (46 hộ), cuối năm còn 33 hộ."),
    ("- Số hộ nghèo và cận nghèo đầu năm 140 hộ, trong đó hộ nghèo 46 hộ, hộ cận nghèo 94 hộ; cuối năm còn 32 hộ "
     "nghèo và 29 hộ cận nghèo; giảm lần lượt 14 hộ và 65 hộ.",
     "- Số hộ nghèo và cận nghèo đầu năm 140 hộ, trong đó hộ nghèo 46 hộ, hộ cận nghèo 94 hộ; cuối năm còn 32 hộ "
     "nghèo và 29 hộ cận nghèo; giảm lần lượt 14 hộ và 56 hộ."),
    ("- Số hộ nghèo đầu năm 46 hộ; giảm 14 hộ; cuối năm còn 32 hộ; hỗ trợ 20 hộ nghèo được vay vốn ưu đãi.",
     "- Số hộ nghèo đầu năm 46 hộ; giảm 14 hộ; cuối năm còn 23 hộ; hỗ trợ 20 hộ nghèo được vay vốn ưu đãi."),
])
def test_more_phrasings(good, bad):
    assert codes(plan(good)) == []
    assert [c for c, _ in codes(plan(bad))] == ["P101"]


def test_a_part_introduced_by_trong_do_need_not_make_up_the_whole():
    assert codes(plan("- Số hộ nghèo đầu năm 46 hộ; giảm 14 hộ, trong đó 10 hộ thoát nghèo; cuối năm còn 32 hộ.")) == []


def test_a_respectively_list_that_cannot_be_matched_is_not_read():
    text = plan("- Số hộ nghèo đầu năm 46 hộ, cuối năm còn 32 hộ; giảm lần lượt 14 hộ, 65 hộ và 3 hộ.")
    assert codes(text, info=True) == [("P105", 3)]  # start and end only: the list is left alone


def test_ranges_of_rates_are_estimates():
    text = plan("- Tỷ lệ hộ nghèo từ 3,2% xuống còn 1,8-2%, giảm 1,3%.")
    assert codes(text) == []


def test_counts_and_rates_of_no_stated_time_share_a_total():
    good = plan("- Tổng số hộ toàn xã là 1.685 hộ, trong đó: hộ nghèo 32 hộ (1,90%), hộ cận nghèo 29 hộ (1,72%).")
    assert codes(good) == []
    bad = good.replace("(1,72%)", "(1,27%)")
    assert [(c, s) for c, _, s, _ in found(bad)] == [("P103", "error")]
    sentence = plan("- Cuối năm 2024 toàn xã còn 104 hộ nghèo, chiếm tỷ lệ 3,14%; "
                    "hộ cận nghèo là 75 hộ, chiếm tỷ lệ 2,72%.")
    assert [(c, s) for c, _, s, _ in found(sentence)] == [("P103", "warning")]


def test_villages_keep_their_own_ledgers_and_totals():
    text = plan("- Toàn xã có 1.685 hộ; số hộ nghèo cuối năm 32 hộ, chiếm 1,90%.",
                "- Thôn Đông: số hộ nghèo đầu năm 19 hộ, cuối năm còn 12 hộ, chiếm 2,40%.",
                "- Thôn Tây: giảm 9 hộ, cuối năm còn 16 hộ.")
    assert codes(text) == []


def test_a_share_of_the_poor_is_not_a_rate_over_all_households():
    text = plan("- Hỗ trợ 46 hộ nghèo (chiếm 100% số hộ nghèo) và 94 hộ cận nghèo (chiếm 100% số hộ cận nghèo) "
                "mua thẻ bảo hiểm y tế.")
    assert codes(text) == []
    assert codes(plan("- Toàn xã có 1.685 hộ dân; số hộ nghèo cuối năm 32 hộ, chiếm 2,10%.")) == [("P103", 3)]


def test_the_number_of_all_households_is_never_a_poor_count():
    text = ("2. Giảm nghèo:\n\n- Toàn xã hiện có 1.685 hộ; số hộ nghèo đầu năm 46 hộ, giảm 14 hộ, cuối năm còn 32 hộ "
            "(1,90%).\n")
    assert codes(text) == []
    (run,) = runs(planlint.parse(text))
    assert [t.value for t in run.totals] == [1685]


@pytest.mark.parametrize("text", [
    "- Số hộ nghèo đầu năm 2024 là 60 hộ, cuối năm 2024 còn 46 hộ; phấn đấu năm 2025 giảm 10 hộ.",
    "- Năm 2024 giảm 18 hộ nghèo, còn 46 hộ; năm 2025 phấn đấu giảm 14 hộ, cuối năm còn 32 hộ.",
])
def test_figures_of_two_years_are_two_ledgers(text):
    assert codes(plan(text)) == []


def test_last_years_end_starts_this_years_ledger():
    good = plan("- Số hộ nghèo cuối năm 2024 là 46 hộ; năm 2025 phấn đấu giảm 14 hộ, đến cuối năm 2025 còn 32 hộ.")
    assert codes(good) == []
    assert [c for c, _ in codes(good.replace("còn 32", "còn 33"))] == ["P101"]


def test_a_list_of_correct_ledgers_is_read_ledger_by_ledger():
    text = plan(
        "- Số hộ nghèo đầu năm 46 hộ, trong năm giảm 16 hộ, phát sinh mới 2 hộ, cuối năm 32 hộ.",
        "- Số hộ nghèo đầu năm 46 hộ; số hộ thoát nghèo 16 hộ, số hộ tái nghèo 1 hộ, số hộ nghèo mới 1 hộ, "
        "số hộ nghèo cuối năm 32 hộ.",
        "- Giảm 14 hộ nghèo (từ 46 hộ xuống 32 hộ), giảm 20 hộ cận nghèo (từ 94 hộ xuống 74 hộ).",
        "- Phấn đấu giảm 2 - 3 hộ nghèo; số hộ nghèo giảm 30,4% so với đầu năm.",
        "- Giảm tỷ lệ hộ nghèo từ 2,73% đầu năm xuống còn 1,90% vào cuối năm (giảm 0,83%).",
        "- Số hộ nghèo đầu năm: 46; giảm: 14; cuối năm: 32.",
        "- Số hộ nghèo đầu năm là 46 hộ. Trong năm có 14 hộ thoát nghèo. Số hộ nghèo cuối năm là 32 hộ.",
    )
    ctx = Context(planlint.parse(text), Config())
    assert lint_source(Source("<t>", text), Config(select=["P"], show_info=True), fragment=True, context=ctx) == []
    verdicts = [(v.kind, v.ok) for v in ctx.verdicts]
    assert verdicts.count(("ledger", True)) == 6 and ("rate fall", True) in verdicts
    assert all(ok for _, ok in verdicts)
