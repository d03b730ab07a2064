import pytest

from bench.fuzz_seeds import SEEDS, dictionary_text
from bench.fuzz_targets import OUTCOMES, reader_choices

SEED_OUTCOMES = {
    "parser": ["parsed", "parsed"],
    "reader": ["5 records", "5 records", "8 records"],
}
SEED_CASES = [
    (name, seed, outcome)
    for name in sorted(SEEDS)
    for seed, outcome in zip(SEEDS[name](), SEED_OUTCOMES[name], strict=True)
]
AWKWARD_CASES = [
    ("parser", b"", "malformed: invalid_json"),
    ("parser", b"\xff" * 20, "malformed: invalid_json"),
    ("parser", b'{"import_id": 1}', "malformed: invalid_body"),
    ("reader", b"", "failed: source_unreadable"),
    ("reader", b"\x00", "failed: source_unreadable"),
    ("reader", b"\xff" * 20, "0 records"),
]


@pytest.mark.parametrize(
    ("target", "seed", "expected"),
    SEED_CASES,
    ids=[f"{name}-{number}" for number, (name, _, _) in enumerate(SEED_CASES)],
)
def test_should_import_each_seed_of_a_target(target: str, seed: bytes, expected: str) -> None:
    outcome = OUTCOMES[target](seed)

    assert outcome == expected


@pytest.mark.parametrize(
    ("target", "data", "expected"),
    AWKWARD_CASES,
    ids=[f"{name}-{number}" for number, (name, _, _) in enumerate(AWKWARD_CASES)],
)
def test_should_answer_awkward_input_with_a_contract_outcome(
    target: str, data: bytes, expected: str
) -> None:
    outcome = OUTCOMES[target](data)

    assert outcome == expected


def test_should_encode_the_choices_the_reader_target_reads_back() -> None:
    choices = reader_choices(delimiter=";", encoding="latin-1", header=True, types="date")

    assert choices == bytes([1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0])


def test_should_escape_quotes_backslashes_and_bytes_in_a_libfuzzer_dictionary() -> None:
    text = dictionary_text(['"a"', "\\", "é"])

    assert text == '"\\x22a\\x22"\n"\\x5c"\n"\\xc3\\xa9"\n'
