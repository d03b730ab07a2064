import argparse
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

from bench.fuzz_report import FuzzReport
from bench.fuzz_seeds import DICTIONARIES, SEEDS, dictionary_text

OUT = Path(__file__).resolve().parent / "out" / "fuzz"


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="coverage-guided fuzzing (atheris) of a target")
    parser.add_argument("--target", choices=sorted(SEEDS), required=True)
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--out", type=Path, default=OUT)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    folder = arguments.out / arguments.target
    corpus = _seeded_corpus(folder / "corpus", arguments.target)
    dictionary = folder / "tokens.dict"
    dictionary.write_text(dictionary_text(DICTIONARIES[arguments.target]), encoding="utf-8")
    started = time.monotonic()
    exit_code = _fuzz(arguments, corpus, dictionary, folder / "fuzz.log")
    report = FuzzReport.read(folder, arguments.target, time.monotonic() - started, exit_code)
    (folder / "report.json").write_text(json.dumps(report.as_json(), indent=2), encoding="utf-8")
    print(json.dumps(report.as_json(), indent=2))
    return exit_code


def _seeded_corpus(corpus: Path, target: str) -> Path:
    corpus.mkdir(parents=True, exist_ok=True)
    for seed in SEEDS[target]():
        (corpus / f"seed-{hashlib.sha1(seed).hexdigest()}").write_bytes(seed)
    return corpus


def _fuzz(arguments: argparse.Namespace, corpus: Path, dictionary: Path, log: Path) -> int:
    command = [
        *(sys.executable, "-m", "bench.fuzz_process", arguments.target, str(corpus)),
        *(f"-max_total_time={arguments.seconds}", "-print_final_stats=1", "-max_len=8192"),
        *(f"-dict={dictionary}", f"-artifact_prefix={log.parent}/"),
    ]
    with log.open("w", encoding="utf-8") as output:
        return subprocess.run(
            command, stdout=output, stderr=subprocess.STDOUT, check=False
        ).returncode


if __name__ == "__main__":
    sys.exit(main())
