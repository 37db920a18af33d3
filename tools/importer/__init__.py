"""The importer: a raw source article (text or a saved HTML page) becomes a content file.

`make import SRC=...` runs `python -m tools.importer`; see CONTRIBUTING.md.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))
