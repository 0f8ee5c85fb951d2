"""`langcheck init`: write a commented starter `.langcheck.toml` for a team.

Two starting points, because the first question a team answers is whom its notes describe: a
child-safeguarding team wants every rule with ages read from the text; a team that works with
adults (domestic abuse, adult safeguarding) wants the child-only rules off. The file explains
each setting so that it can be changed without the manual. An existing file is never replaced.
"""

from __future__ import annotations

import enum
from pathlib import Path

import click

from langcheck.cli.console import fail, stdout_console


class Team(enum.Enum):
    """Whom a team's notes are about."""

    CHILDREN = "children"
    ADULTS = "adults"


_HEADER = """\
# langcheck settings for {who}.
# langcheck uses the nearest .langcheck.toml above each file it checks; options given on the
# command line win. Every setting is explained in README.md ("Configuration").

# Which rules to use: rule ids (AG001), prefixes (AG), names, categories (missing) or globs.
# "ALL" is every rule; `langcheck rules` lists them.
select = ["ALL"]
ignore = []
"""

_SUBJECT = {
    Team.CHILDREN: """\
# Whom the notes describe: "auto" presumes a child unless the text shows that the person the
# words describe is an adult (an age of 18 or over, "the woman", a DOB field). Use "child" if
# every note is about a child, whatever it says.
subject = "auto"
""",
    Team.ADULTS: """\
# Whom the notes describe: "adult" turns off the rules that blame only when said of a child
# ("boyfriend", "sexually active"); the rules about victims of any age stay on. Use "auto" if
# some notes are about children.
subject = "adult"
""",
}

_FOOTER = """
# The lowest severity that makes `langcheck check` exit 1 (and block a pre-commit commit):
# info | warning | error.
fail-on = "warning"

# Also report wording inside quotation marks (as info), for reviewers.
include-quotes = false

# Folders of your own rules, relative to this file (test them with `langcheck test-rules DIR`).
extend-rules = []

# Files and folders never to check, as globs relative to this file.
exclude = []

# Rules to switch off for some files only.
[per-file-ignores]
# "training/*.md" = ["agency", "consent"]   # training slides quote the wording on purpose
"""

NAME = ".langcheck.toml"


def starter(team: Team) -> str:
    """Return the text of a starter config for `team`."""
    who = "a team whose notes are about children" if team is Team.CHILDREN else "a team whose notes are about adults"
    return _HEADER.format(who=who) + "\n" + _SUBJECT[team] + _FOOTER


@click.command("init", short_help="Write a commented starter .langcheck.toml here.")
@click.option(
    "--team",
    type=click.Choice([t.value for t in Team]),
    default=Team.CHILDREN.value,
    show_default=True,
    help="Whom your notes are about: children (a child is presumed unless the text shows an adult) or adults.",
)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".", required=False)
def init_command(team: str, folder: Path) -> None:
    """Write a commented starter .langcheck.toml in FOLDER (default: here).

    It never replaces a file that is already there.
    """
    target = folder / NAME
    try:
        with target.open("x", encoding="utf-8") as handle:  # "x": fails if the file exists
            handle.write(starter(Team(team)))
    except FileExistsError:
        fail(f"{target}: already exists; edit it, or move it away and run langcheck init again")
    except OSError as exc:
        fail(f"{target}: cannot be written ({exc.strerror}); choose a folder you can write to")
    stdout_console().print(
        f"Wrote {target} for a team whose notes are about {team}. Check it with: langcheck check .",
        soft_wrap=True,
        highlight=False,
    )
