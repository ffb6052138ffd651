"""The parser makes the same Plan model as before, field by field, for every sample plan
and every rule case's snippet (tests/parse_models.py says what is recorded).

A change to what the parser makes is regenerated on purpose, as the other golden files:
``PLANCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_parse_models.py``. The golden file
holds digests; to see what changed, dump the models in full from this checkout and from
main with ``python tests/parse_models.py`` and compare them.
"""

from __future__ import annotations

import json
import os

from .parse_models import digest, models
from .test_golden import GOLDEN

MODELS = GOLDEN / "models.json"


def test_every_sample_plan_parses_to_the_recorded_model():
    found = {name: digest(model) for name, model in models().items()}
    if os.environ.get("PLANCHECK_UPDATE_GOLDEN"):
        text = json.dumps(found, indent=1, sort_keys=True) + "\n"
        MODELS.write_text(text, encoding="utf-8")
    recorded = json.loads(MODELS.read_text(encoding="utf-8"))
    changed = sorted(
        name for name in found.keys() | recorded.keys() if found.get(name) != recorded.get(name)
    )
    assert not changed, (
        f"the parser makes other models of {changed}: if meant, regenerate with"
        " PLANCHECK_UPDATE_GOLDEN=1 after comparing the full models (tests/parse_models.py)"
    )


def test_the_record_covers_plans_of_every_kind():
    """Not an empty corpus: plans with tasks, a Markdown plan, a table, a non-plan file."""
    made = models()
    plans = [m for m in made.values() if "tasks" in m]
    assert len(plans) >= 200 and sum(len(m["tasks"]) for m in plans) >= 800
    assert any(m["source"]["kind"] == "md" for m in plans)
    assert any(m["tables"] for m in plans)
    assert any(m.get("not_a_plan") for m in made.values())
