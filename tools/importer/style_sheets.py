"""What a saved page's own style sheets hide from every reader (`<style>`: `.promo { display: none }`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)
_DECLARATION = re.compile(r"\s*(display|visibility)\s*:\s*([^;!]*?)\s*(!\s*important\s*)?$", re.IGNORECASE)
_BRACE_OR_END = re.compile("[{};]")
_SETS_SIGHT = re.compile("display|visibility", re.IGNORECASE)
_HIDING_VALUES = {"display": "none", "visibility": "hidden"}
# A page's sheets are untrusted: so many hiding selectors are matched, each over the whole page, and as many that
# may show again what they hide, and no more (a site's own sheet hides a few dozen things; 100 complex selectors
# over a page of 1 MB take about 2 s).
_MOST_SELECTORS = 100
_KEPT = frozenset({"html", "head", "body"})


@dataclass(frozen=True)
class _Rule:
    selector: str
    property: str  # display or visibility
    hides: bool
    top_level: bool  # else inside an at-rule: `@media (min-width: 768px)`, print
    important: bool
    place: int  # in the sheet

    @cached_property
    def rank(self) -> tuple[bool, tuple[int, int, int], int]:
        """The cascade's order of rules that set one property of an element."""
        return self.important, _specificity(self.selector), self.place


def drop_what_style_sheets_hide(page: LexborHTMLParser) -> None:
    """Each element a rule of the page's `<style>` hides, with its text. Only rules for every medium and size: one
    inside an `@media` (print, a phone's screen) or another at-rule hides nothing every reader would miss. An
    element that a rule the cascade ranks higher shows again, at some screen size or in every one (Bootstrap's
    `d-none d-md-block`, `.box.open { display: block }`), is seen by its readers."""
    sheets = " ".join(node.text() or "" for node in page.css("style"))
    rules = _rules(_COMMENT.sub(" ", sheets))
    hiding = [rule for rule in rules if rule.hides and rule.top_level][:_MOST_SELECTORS]
    hidden = {rule: _selected(page, rule.selector) for rule in hiding}
    having = _names_of([node for nodes in hidden.values() for node in nodes.values()])
    may_show = (rule for rule in rules if not rule.hides and _may_select(rule.selector, having))
    showing = list(islice(may_show, _MOST_SELECTORS))
    shown = {rule: _selected(page, rule.selector) for rule in showing}
    dropped: dict[int, LexborNode] = {}
    for rule, nodes in hidden.items():
        for key, node in nodes.items():
            outranked = any(
                key in shown[other] and other.property == rule.property and other.rank > rule.rank for other in showing
            )
            if not outranked and node.tag not in _KEPT:
                dropped.setdefault(key, node)
    for node in _outermost(dropped):
        node.decompose()


def _selected(page: LexborHTMLParser, selector: str) -> dict[int, LexborNode]:
    try:
        return {node.mem_id: node for node in page.css(selector)}
    except SelectolaxError:  # a selector the engine does not read: no browser would either
        return {}


def _outermost(nodes: dict[int, LexborNode]) -> list[LexborNode]:
    """The nodes held by none of the others: removing one removes all it holds."""
    held: dict[int, bool] = {}

    def is_held(node: LexborNode) -> bool:
        path, parent, answer = [], node.parent, False
        while parent is not None and parent.mem_id not in held:
            if parent.mem_id in nodes:
                answer = True
                break
            path.append(parent.mem_id)
            parent = parent.parent
        else:
            answer = parent is not None and held[parent.mem_id]
        held.update(dict.fromkeys(path, answer))
        return answer

    return [node for node in nodes.values() if not is_held(node)]


def _rules(sheet: str) -> list[_Rule]:
    """The rules of the sheet that set `display` or `visibility`, at its top level or inside its at-rules."""
    blocks: dict[tuple[str, str, bool], int] = {}  # each rule's selectors, declarations, level -> its last place
    preludes: list[tuple[str, int]] = []  # each block open around the character read: its prelude, where it starts
    in_rules = 0  # of the blocks open, those of a rule (not an at-rule): a rule nested in one is passed over
    start = 0
    for found in _BRACE_OR_END.finditer(sheet):
        at, character = found.start(), found[0]
        if character == "{":
            preludes.append((prelude := sheet[start:at].strip(), at + 1))
            in_rules += not prelude.startswith("@")
            start = at + 1
        elif character == "}" and preludes:
            prelude, opened = preludes.pop()
            is_rule = not prelude.startswith("@")
            in_rules -= is_rule
            if is_rule and not in_rules and _SETS_SIGHT.search(block := sheet[opened:at]):
                key = (prelude, block, not preludes)
                blocks.pop(key, None)  # a rule repeated is read once, in its last place
                blocks[key] = at
            start = at + 1
        elif character == ";" and not in_rules:  # `@import ...;`: no block
            start = at + 1
    rules = [rule for (prelude, block, top), place in blocks.items() for rule in _declared(prelude, block, top, place)]
    return _latest_of_each(rules)


def _latest_of_each(rules: list[_Rule]) -> list[_Rule]:
    """Of the rules of one selector that set one property alike, the one the cascade ranks highest: a sheet that
    repeats a rule is matched once for it."""
    latest = {(rule.selector, rule.property, rule.hides, rule.top_level, rule.important): rule for rule in rules}
    return sorted(latest.values(), key=lambda rule: rule.place)


def _declared(prelude: str, block: str, top_level: bool, place: int) -> list[_Rule]:
    last: dict[str, tuple[str, bool]] = {}
    for declaration in block.split(";"):
        if match := _DECLARATION.match(declaration):
            last[match[1].lower()] = (match[2].lower(), bool(match[3]))
    selectors = [part.strip() for part in prelude.split(",") if _balanced(part)]
    return [
        _Rule(selector, name, value == _HIDING_VALUES[name], top_level, important, place)
        for name, (value, important) in last.items()
        for selector in selectors
    ]


def _specificity(selector: str) -> tuple[int, int, int]:
    """CSS's (ids, classes, types) of the selector, near enough to rank two rules of one site's sheet."""
    plain = re.sub(r"\[[^\]]*\]", "[]", re.sub(r"\\.", "x", selector))
    ids = plain.count("#")
    classes = plain.count(".") + plain.count("[") + len(re.findall(r"(?<!:):(?!:)", plain))
    types = len(re.findall(r"(?:^|[\s>+~(])[a-zA-Z]", plain)) + plain.count("::")
    return ids, classes, types


_RIGHTMOST = re.compile(r"[^\s>+~]+$")
_NAMES = re.compile(r"([.#])((?:[\w-]|\\.)+)")
_TAG = re.compile(r"[a-zA-Z][\w-]*")
_ARGUMENTS = re.compile(r"\([^()]*\)")


def _names_of(targets: list[LexborNode]) -> dict[str, set[int]]:
    """Each tag, `.class` and `#id` of the `targets` -> which of them have it."""
    having: dict[str, set[int]] = {}
    for index, node in enumerate(targets):
        classes = (node.attributes.get("class") or "").split()
        for name in {node.tag or "", *(f".{name}" for name in classes), f"#{node.attributes.get('id')}"}:
            having.setdefault(name, set()).add(index)
    return having


def _may_select(selector: str, having: dict[str, set[int]]) -> bool:
    """Whether one element of those `having` indexes has the tag, classes and id the last part of `selector`
    names (each rule that shows is matched over the whole page: only those that may show a hidden element are)."""
    last = _RIGHTMOST.search(selector.strip())
    if last is None or not having:
        return False
    own = _ARGUMENTS.sub("", last[0])  # `:not(.closed)` names a class the element has not
    names = [kind + name.replace("\\", "") for kind, name in _NAMES.findall(own)]
    if tag := _TAG.match(own):
        names.append(tag[0].lower())
    return _held_together(tuple(names), having)


def _held_together(names: tuple[str, ...], having: dict[str, set[int]]) -> bool:
    found = sorted((having.get(name, set()) for name in names), key=len)
    return not found or any(all(index in other for other in found[1:]) for index in found[0])


def _balanced(selector: str) -> bool:
    """Not a piece of a list split inside `:is(.a, .b)`, which the engine would read as another selector."""
    return (
        bool(selector.strip())
        and selector.count("(") == selector.count(")")
        and selector.count("[") == selector.count("]")
    )
