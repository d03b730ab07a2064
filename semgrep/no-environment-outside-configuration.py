import os
from os import environ, getenv

# ruleid: no-environment-outside-configuration
value = os.environ["HOME"]

# ruleid: no-environment-outside-configuration
other = os.environ.get("HOME")

# ruleid: no-environment-outside-configuration
third = os.getenv("HOME")

# ruleid: no-environment-outside-configuration
fourth = environ.get("HOME")

# ruleid: no-environment-outside-configuration
fifth = getenv("HOME")

# ok: no-environment-outside-configuration
path = os.path.join("a", "b")
