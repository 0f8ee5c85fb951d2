"""Word wrapping with a hanging indent, for the text output and `langcheck explain`.

A terminal wraps long lines wherever the edge falls ("exploitati / on"), and rich's own
wrapping starts continuation lines at the left margin, which hides where one finding ends.
This breaks at spaces only and indents what follows, keeping the styles of the pieces.
"""

from __future__ import annotations

from rich.text import Text


def hang(line: Text, width: int | None, indent: int) -> Text:
    """Return `line` (one line, no newline) broken at spaces to fit `width`, later lines indented.

    A word longer than the room left is not split (a URL must stay whole): it overflows.
    `width` None means no wrapping (the output is not going to a terminal).
    """
    plain = line.plain
    if width is None or len(plain) <= width:
        return line
    indent = min(indent, max(width // 2, 0))
    breaks: list[int] = []
    start, room = 0, width
    while len(plain) - start > room:
        cut = plain.rfind(" ", start + 1, start + room + 1)
        if cut == -1:  # one word fills the line: break after it instead
            cut = plain.find(" ", start + room)
            if cut == -1:
                break
        breaks.append(cut)
        start, room = cut + 1, width - indent
    out = Text(style=line.style)
    for i, piece in enumerate(line.divide(breaks)):
        if i:
            out.append("\n" + " " * indent)
        out.append_text(piece[1:] if i else piece)  # drop the space the line was broken at
    return out
