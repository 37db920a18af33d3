"""`make html` imports only what a build needs: the heavy modules of other commands stay unloaded (issue 17)."""

from __future__ import annotations

from .build_helpers import run_script
from .conftest import FIXTURE

# Used by the importer (trafilatura, py3langid and the NumPy it loads) or only to draw the world map
# again (Shapely, NumPy): importing any of them is a fixed cost of every build (docs/performance.md).
NOT_FOR_A_BUILD = ("numpy", "shapely", "trafilatura", "py3langid", "matplotlib")
# The commands' own modules: the importer's (its Polish cases of country names), and the devserver's update, whose
# writer keeps the old bytes of each file it rewrites (`incremental.Rewritten`); a full build writes its pages anew.
OTHER_COMMANDS = ("tools.importer", "tools.incremental", "tools.devserver")
# Needed only to draw what a build shows on a terminal (the progress bar): a build without one loads none of them.
NOT_WITHOUT_A_TERMINAL = ("rich.progress", "rich.live", "rich.table")


def test_a_build_does_not_import_the_modules_of_other_commands(tmp_path):
    script = (
        "import sys; from tools.build import main; code = main(sys.argv[1:]); "
        "print(' '.join(sorted(sys.modules))); sys.exit(code)"
    )
    done = run_script(script, ["-q", "-o", str(tmp_path / "output")], FIXTURE)
    assert done.returncode == 0, done.stderr
    modules = set(done.stdout.split())
    loaded = {name.split(".")[0] for name in modules}
    assert "pelican" in loaded and "jinja2" in loaded  # the list is the build's own
    assert sorted(loaded.intersection(NOT_FOR_A_BUILD)) == []
    assert sorted(name for name in modules if name.startswith(OTHER_COMMANDS)) == []
    assert "rich" in loaded  # Pelican's logging: the bar's modules are what is left out
    assert sorted(modules.intersection(NOT_WITHOUT_A_TERMINAL)) == []
