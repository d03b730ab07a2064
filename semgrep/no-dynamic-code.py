import ast
import builtins

# ruleid: no-dynamic-code
eval("1 + 1")

# ruleid: no-dynamic-code
exec("x = 1")

# ruleid: no-dynamic-code
builtins.eval("1")

# ok: no-dynamic-code
ast.literal_eval("[1, 2]")
