import pytest

from bot.scoring.corpus import GoldMessage
from bot.scoring.train import file_folds


def _messages(counts: dict[str, int]) -> list[GoldMessage]:
    return [
        GoldMessage(f"{source} {i}", "statement", (), source)
        for source, n in counts.items()
        for i in range(n)
    ]


def test_folds_hold_out_whole_files():
    messages = _messages({f"train-{n}.tsv": 3 + n for n in range(8)})
    folds = file_folds(messages)
    assert len(folds) == 5
    tested = sorted(i for _, test in folds for i in test)
    assert tested == list(range(len(messages))), "every message is tested exactly once"
    for train, test in folds:
        assert {messages[i].source for i in train}.isdisjoint(messages[i].source for i in test)


def test_fewer_files_than_folds_gives_one_file_per_fold():
    folds = file_folds(_messages({"train.tsv": 4, "train-2.tsv": 5}))
    assert len(folds) == 2


def test_a_single_file_cannot_be_cross_validated():
    with pytest.raises(ValueError):
        file_folds(_messages({"train.tsv": 9}))
