"""Run the property-based fuzz tests (tests/test_fuzz.py) with a large example budget.

    python benchmarks/fuzz.py [--examples 2000]

The suite runs each property with a small budget (25 examples) so CI stays quick; this runs the
same properties with thousands, as a hostile trial would. Exit status is pytest's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path


def main() -> int:
    """Run tests/test_fuzz.py with LANGCHECK_FUZZ_EXAMPLES set; return pytest's exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per property (default 2000)")
    args = parser.parse_args()
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "LANGCHECK_FUZZ_EXAMPLES": str(args.examples)}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", str(root / "tests" / "test_fuzz.py")]
    return subprocess.run(command, cwd=root, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
