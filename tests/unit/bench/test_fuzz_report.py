from pathlib import Path

from bench.fuzz_report import FuzzReport

LOG = """\
#2\tINITED cov: 8 ft: 8 corp: 1/1b exec/s: 0 rss: 60Mb
#934496\tDONE   cov: 130 ft: 590 corp: 148/38Kb lim: 4096 exec/s: 58406 rss: 60Mb
stat::number_of_executed_units: 934496
stat::average_exec_per_sec:     58406
"""


def test_should_read_executions_coverage_corpus_and_findings_from_a_run(tmp_path: Path) -> None:
    (tmp_path / "fuzz.log").write_text(LOG, encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "unit").write_bytes(b"x")
    (tmp_path / "crash-abc").write_bytes(b"y")

    report = FuzzReport.read(tmp_path, "reader", 300.04, 1)

    assert {**report.as_json(), "commit": None} == {
        "target": "reader",
        "commit": None,
        "seconds": 300.0,
        "exit_code": 1,
        "executions": 934496,
        "coverage_edges": 130,
        "features": 590,
        "corpus_files": 1,
        "findings": ["crash-abc"],
    }
