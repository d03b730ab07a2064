import os
import sys

if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[arguments.index("--from") + 1] == "broken==1":
        sys.exit("error: no solution for broken==1")
    os.execv(sys.executable, [sys.executable, *arguments[arguments.index("python") + 1 :]])
