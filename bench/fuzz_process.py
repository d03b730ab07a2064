import sys

import atheris

INSTRUMENTED_PACKAGES = ["worker", "adapters", "application", "domain"]


def main(argv: list[str]) -> None:
    target, *libfuzzer_arguments = argv[1:]
    with atheris.instrument_imports(include=INSTRUMENTED_PACKAGES):
        from bench.fuzz_targets import TARGETS
    atheris.Setup([argv[0], *libfuzzer_arguments], TARGETS[target])
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
