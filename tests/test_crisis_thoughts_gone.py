"""Thoughts of dying that went away are past in French and German too, even when the going is
dated ("depuis le traitement", "seit der Therapie": a date of the going, not a present); when
the next clause brings them back, they are the writer's now. Sentences written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "mes idées noires sont parties depuis le traitement",
        "les idées suicidaires ont disparu avec le lithium, je revis",
        "meine suizidgedanken sind seit der therapie weg",
        "die todesgedanken sind zum glück vorbei, danke für den artikel",
    ],
)
def test_thoughts_that_went_away_are_past(text):
    result = assess(text)
    assert result.level not in URGENT, (text, result)
    assert "past" in result.signals


@pytest.mark.parametrize(
    "text",
    [
        "mes idées noires sont parties depuis le traitement, mais ce soir elles reviennent",
        "j'ai des idées noires depuis le traitement",
        "meine suizidgedanken sind seit der therapie weg, aber heute nacht sind sie wieder da",
        "ich habe seit der therapie suizidgedanken",
    ],
)
def test_thoughts_back_now_or_only_dated_are_the_writers_now(text):
    assert assess(text).level in URGENT, text
