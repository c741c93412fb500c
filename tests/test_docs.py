from pathlib import Path

import pytest

from timeline.schema import EVENT_COLUMNS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("column", EVENT_COLUMNS)
def test_every_event_column_is_documented(column):
    # a row of the README's column table: | `column` | meaning |
    assert f"| `{column}` |" in README, f"README.md does not explain the column {column!r}"


def test_readme_gives_the_two_commands_ci_runs():
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    test_command = ci.strip().splitlines()[-1]
    assert test_command in README
    assert "streamlit run dashboard.py" in README
