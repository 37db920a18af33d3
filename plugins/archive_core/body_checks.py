"""What a body's structure may not hold, because the page could not carry it: a `#` heading (a second title
beside the page's own), and a `::: caption` never closed or holding more than its paragraph (the rest of the
text would be shown as the photo's caption, in markup no browser reads as the author meant)."""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it.token import Token

CAPTION_OPEN, CAPTION_CLOSE = "container_caption_open", "container_caption_close"
ONE_PARAGRAPH = ("paragraph_open", "inline", "paragraph_close")


@dataclass(frozen=True)
class BodyProblem:
    line: int | None  # 1-based, in the body
    message: str
    hint: str


def structure_problems(tokens: list[Token]) -> list[BodyProblem]:
    """Each problem, in the body's order; one pass over the tokens, however deep the captions nest."""
    problems = []
    opened: list[int] = []  # the indexes of the captions open at this token
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1":
            problems.append(
                BodyProblem(
                    _line(token),
                    "has a `#` heading, which would be a second title of the page",
                    "the page's title is the front-matter's `title:`; write a subheading as `## ...`",
                )
            )
        elif token.type == CAPTION_OPEN:
            opened.append(index)
        elif token.type == CAPTION_CLOSE and opened:
            start = opened.pop()
            if problem := _caption_problem(tokens, start, index):
                problems.append(problem)
    return sorted(problems, key=lambda problem: problem.line or 0)


def _caption_problem(tokens: list[Token], start: int, end: int) -> BodyProblem | None:
    line = _line(tokens[start])
    if not tokens[end].markup:  # closed by the end of the text, not by a `:::` line
        return BodyProblem(
            line,
            "has a `::: caption` that is never closed: all the text after it would be its caption",
            "end the caption with a line `:::` right after its text",
        )
    inside = end - start - 1  # the tokens between: compared only when they can be one paragraph's three
    if inside and (inside != len(ONE_PARAGRAPH) or tuple(t.type for t in tokens[start + 1 : end]) != ONE_PARAGRAPH):
        return BodyProblem(
            line,
            "has a `::: caption` that holds more than one paragraph",
            "a caption is one paragraph: close it with `:::` after its text, and put the rest after that line",
        )
    return None


def _line(token: Token) -> int | None:
    return token.map[0] + 1 if token.map else None
