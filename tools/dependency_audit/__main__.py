import sys

from tools.dependency_audit.audit_run import main

sys.exit(main())
