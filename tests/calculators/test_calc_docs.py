"""The 'How we calculate' macro renders from the model: explanation, every field, every source, the default result."""
import pytest

import calculators
from calculators.sources import SOURCES
from macros.calc_docs import assumptions_table, how_we_calculate

DOCUMENTED = ["screening-overhead", "stage-planner"]


@pytest.mark.parametrize("name", DOCUMENTED)
def test_page_is_generated_from_the_model(name):
    module = calculators._load()[name]
    text = how_we_calculate(name)
    for heading, _ in module.EXPLANATION:
        assert f"### {heading}" in text
    for f in calculators.fields(name):
        assert f"(`{f['name']}`)" in text
        if "source" in f and f["source"]["year"]:
            assert str(f["source"]["year"]) in text
            if f["source"]["url"]:
                assert f"]({f['source']['url']})" in text
    assert calculators.run(name, {})["html"] in text
    assert 'class="calc-static"' in text and " id=" not in text


def test_assumptions_table_shapes():
    table = assumptions_table("screening-overhead")
    lines = table.splitlines()
    assert len(lines) == 2 + len(calculators.fields("screening-overhead"))
    assert all(line.count(" | ") >= 5 for line in lines[2:])
    row = next(line for line in lines if "`hourly_cost`" in line)
    assert "$43.64 per hour" in row and "$27.50 per hour to $67.50 per hour" in row
    assert SOURCES["bls-hr-pay"]["reliability"] in row
    row = next(line for line in lines if "`reschedule_rate`" in line)
    assert "Assumption" in row and "n/a" in row
    row = next(line for line in lines if "`interviewers_per_call`" in line)
    assert "1 person" in row and "Your input" in row


def test_sensitivity_section_lists_what_moves_the_saving():
    text = how_we_calculate("screening-overhead")
    assert "## What moves the result most" in text
    section = text.split("## What moves the result most")[1].split("## The default scenario")[0]
    first_row = [line for line in section.splitlines() if line.startswith("| Outreach")]
    assert first_row, "scheduling moves the saving most at the defaults"
    assert "## What moves the result most" not in how_we_calculate("stage-planner")
