from bot.scoring.benchmark import Measure, Run, render, write_section


def test_scorer_section_is_replaced_and_other_sections_kept(tmp_path):
    path = tmp_path / "benchmarks.md"
    path.write_text("# Benchmarks\n\n## Scorer\n\nold numbers\n\n## Rasa stack\n\nkeep me\n")
    measure = Measure("fr", questions=Run(200, 0.1, 0.08), messages=Run(100, 0.2, 0.1))
    section = render([measure], "pinned to core 0", 1)
    write_section(section, path)
    text = path.read_text()
    assert "old numbers" not in text
    assert "| fr | 200 | 2,000 | 1.25× | 100 | 500 | 2.00× |" in text
    assert text.index("## Scorer") < text.index("## Rasa stack")
    assert "keep me" in text


def test_scorer_section_is_added_when_missing(tmp_path):
    path = tmp_path / "benchmarks.md"
    write_section("## Scorer\n\nnumbers\n", path)
    assert path.read_text() == "# Benchmarks\n\n## Scorer\n\nnumbers\n"
