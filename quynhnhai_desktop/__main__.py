"""``python -m quynhnhai_desktop``: the same as the ``quynhnhai`` command."""

import sys

from quynhnhai_desktop.cli import main

sys.exit(main())
