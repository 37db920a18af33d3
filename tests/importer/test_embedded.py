"""What a saved page shows that its file does not hold: the pages its frames load, an object's or an embed's
document, a frame's own document written in its `srcdoc`. None is read as the article's text, and none is left out
silently: a page of frames is refused, naming them; each other is reported at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import body_of, run_import, written_files

TEXT = (
    "<p>The convention was signed in Hanoi by seventy-two countries on the first day, the United Nations said.</p>\n"
    "<p>Officials said the treaty would enter into force after the fortieth ratification, in some years.</p>\n"
)
OPTIONS = ("--date", "2025-10-26", "--source-url", "https://www.example.org/hanoi")


def test_a_page_of_frames_is_refused_naming_the_pages_its_frames_load(capsys, tmp_path):
    """A frameset shows other files; its `<noframes>` only a browser without frames shows. It was told "no article
    text found", with the hint to save the text as .txt."""
    source = tmp_path / "frames.html"
    source.write_text(
        '<!DOCTYPE html><html><head><title>Signing in Hanoi</title></head>\n<frameset cols="20%,80%">\n'
        '<frame src="menu.html">\n<frame src="article.html">\n'
        f"<noframes><body><h1>Signing in Hanoi</h1>{TEXT}</body></noframes></frameset></html>\n",
        encoding="utf-8",
    )
    result = run_import(capsys, source, tmp_path / "content", *OPTIONS)
    assert result.code != 0 and written_files(tmp_path / "content") == []
    assert f"{source}:2: file: is a page of frames" in result.err, result.err
    assert "'menu.html', 'article.html'" in result.err and "import that" in result.err, result.err


def imported(capsys, tmp_path, markup: str) -> tuple[Path, str, str]:
    """The page of the article TEXT with `markup` after it (from line 5) imported: its path, body and report."""
    source = tmp_path / "page.html"
    source.write_text(
        "<!DOCTYPE html><html><head><title>Signing in Hanoi</title></head><body><article>\n"
        f"<h1>Signing in Hanoi</h1>\n{TEXT}{markup}</article></body></html>\n",
        encoding="utf-8",
    )
    result = run_import(capsys, source, tmp_path / "content", *OPTIONS)
    assert result.code == 0, result.err
    return source, body_of(result.path), result.err


def test_what_a_page_embeds_is_reported_at_its_line_and_not_read_as_its_text(capsys, tmp_path):
    source, body, err = imported(
        capsys,
        tmp_path,
        '<object data="report.pdf"><p>The report says the convention is the first of its kind.</p></object>\n'
        '<embed src="vote.mp4">\n'
        '<iframe src="https://video.example/vote">A frame.</iframe>\n'
        '<iframe srcdoc="&lt;p&gt;The delegates applauded for a minute.&lt;/p&gt;"></iframe>\n'
        "<template><iframe src=never-shown.html></iframe></template>\n"
        "<p>The text after them all, which is the article's.</p>\n",
    )
    assert "after them all" in body
    assert "first of its kind" not in body and "applauded" not in body and "A frame" not in body
    assert f"{source}:5: dropped an object (<object> of 'report.pdf')" in err, err
    assert "'The report says the convention is the first of its kind.'" in err, err
    assert f"{source}:6: dropped an embedded document (<embed> of 'vote.mp4'), not in this file: 'vote.mp4'" in err
    assert f"{source}:7: dropped a frame (<iframe> of 'https://video.example/vote'), not in this file" in err, err
    assert f"{source}:8: dropped a frame's own document (<iframe srcdoc>)" in err, err
    assert "'The delegates applauded for a minute.'" in err, err
    assert "never-shown" not in err  # in a template: shown to no reader, nothing lost


# libxml2 (2.14) reads these void elements of HTML as holding what follows them, to their parent's end; trafilatura
# drops an `<embed>`, a `<source>` or a `<track>` whole: the rest of the paragraph after one was left out, silently.
VOID = ["embed", "source", "track", "wbr", "keygen"]


@pytest.mark.parametrize("void", VOID)
def test_what_follows_a_void_element_is_the_article_s_text(capsys, tmp_path, void):
    _, body, _ = imported(
        capsys,
        tmp_path,
        f"<p>Officials said the treaty would<{void} src=a.mp4> enter into force after the fortieth ratification.</p>\n"
        "<p>The text after it, which is the article's.</p>\n",
    )
    assert "would enter into force after the fortieth ratification." in body, body
    assert "after it, which is the article's" in body, body


# A recording, a video and a script's drawing are not in the file either; the text they hold is shown only where a
# browser cannot play them (or runs no script). Alone between paragraphs it was read as the article's, and the whole
# article joined into one paragraph with it; inside a paragraph, or with another after it, left out silently.
MEDIA = {
    '<video controls src="vote.mp4"><track src="vote.vtt">Your browser cannot play the video, download it.</video>': (
        "a video (<video> of 'vote.mp4'), not in this file, and its fallback text",
        "Your browser cannot play the video, download it.",
    ),
    '<audio controls src="speech.mp3">The speech of the minister, as a recording.</audio>': (
        "a recording (<audio> of 'speech.mp3'), not in this file, and its fallback text",
        "The speech of the minister, as a recording.",
    ),
    "<canvas>A chart of the ratifications by year, drawn by a script.</canvas>": (
        "a drawing a script makes (<canvas>), not in this file, and its fallback text",
        "A chart of the ratifications by year, drawn by a script.",
    ),
    '<p>The minister spoke: <audio><source src="speech.mp3">Download the speech.</audio> for an hour.</p>': (
        "a recording (<audio> of 'speech.mp3'), not in this file, and its fallback text",
        "Download the speech.",
    ),
}


@pytest.mark.parametrize("markup", MEDIA)
def test_a_recording_a_video_or_a_canvas_is_reported_with_its_fallback_text_and_not_read_as_the_article_s(
    capsys, tmp_path, markup
):
    source, body, err = imported(capsys, tmp_path, f"{markup}<p>After it.</p>\n")
    what, fallback = MEDIA[markup]
    assert fallback not in body, body
    assert "\nOfficials said the treaty would enter into force after the fortieth ratification, in some years.\n\n" in (
        body
    )
    assert "\nAfter it.\n" in body, body
    assert f"{source}:5: dropped {what}, shown only where a browser" in err, err
    assert f": {fallback!r}" in err, err


# The report quotes what a frame's own document shows: not its script's code nor its style sheet.
def test_a_frame_s_own_document_is_quoted_as_it_shows_without_its_code(capsys, tmp_path):
    _, _, err = imported(
        capsys,
        tmp_path,
        '<iframe srcdoc="&lt;style&gt;p{color:red}&lt;/style&gt;&lt;script&gt;track()&lt;/script&gt;'
        '&lt;p&gt;The delegates applauded.&lt;/p&gt;"></iframe>\n',
    )
    assert "dropped a frame's own document (<iframe srcdoc>): 'The delegates applauded.'" in err, err
