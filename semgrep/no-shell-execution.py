import asyncio
import os
import subprocess

# ruleid: no-shell-execution
subprocess.run("ls -l", shell=True)

# ruleid: no-shell-execution
subprocess.Popen("ls", cwd="/", shell=True, text=True)

# ruleid: no-shell-execution
os.system("ls")

# ruleid: no-shell-execution
os.popen("ls")

# ruleid: no-shell-execution
asyncio.create_subprocess_shell("ls")

# ok: no-shell-execution
subprocess.run(["ls", "-l"], check=True)

# ok: no-shell-execution
subprocess.run(["ls"], shell=False)
