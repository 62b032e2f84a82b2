"""What every engine shares: discovery, the --output writers, the exit code, Ctrl-C, formats for briefs."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from rich.console import Console

from presssum.engine import Interrupted, Placed, progress_bar, run
from presssum.errors import ExitCode
from presssum.load import find_inputs
from presssum.outdir import ArticleFiles, Destination, JsonLinesParts, OutputDir, read_parts
from presssum.records import Digest, Failure, ParagraphPair, Story, StorySource, Summary
from presssum.render import OUTPUT_FORMATS, RenderOptions
from tests.conftest import SAMPLES, run_cli


def digest(name: str) -> Digest:
    return Digest(
        input=name,
        source_lang="fr",
        headline=f"Titre {name}",
        headline_en=f"Headline {name}",
        source=None,
        dateline=None,
        paragraphs=(ParagraphPair(source="Texte.", en="Text."),),
        summary=Summary(en="A summary."),
        models=(),
    )


class PressedCtrlC:
    """An engine that digests two wires, fails a third, and is then interrupted, as by Ctrl-C."""

    def digest(self, names: Sequence[str], on_stage: Callable[[str], None]) -> Iterator[Placed]:
        yield Placed("a.txt", "a.txt", digest("a.txt"))
        yield Placed("b.txt", "b.txt", Failure(input="b.txt", error="binary data, not text"))
        yield Placed("c.txt", "c.txt", digest("c.txt"), position=0, key="k")
        raise KeyboardInterrupt


@pytest.mark.parametrize("layout", ["files", "parts"])
def test_ctrl_c_keeps_what_each_writer_finished_and_says_so(tmp_path: Path, layout: str) -> None:
    names = ["a.txt", "b.txt", "c.txt", "d.txt"]
    if layout == "files":
        writer: ArticleFiles | JsonLinesParts = ArticleFiles(
            OutputDir(tmp_path, ".txt"), lambda d: d.headline_en.encode()
        )
    else:
        writer = JsonLinesParts(Destination(str(tmp_path)), names)
    err = Console(file=io.StringIO(), highlight=False)
    with pytest.raises(Interrupted, match="interrupted after 2 digested; finished outputs are kept"):
        run(PressedCtrlC(), names, writer, progress=progress_bar(err, disable=True), err=err)
    index = json.loads((tmp_path / "index.json").read_text("utf-8"))["articles"]
    assert [entry["input"] for entry in index] == ["a.txt", "b.txt", "c.txt"]
    assert index[1] == {"input": "b.txt", "file": None, "error": "binary data, not text"}
    if layout == "parts":  # records still pending in memory were written out as a part
        records = read_parts(str(tmp_path))
        assert [(record["input"], "source_lang" in record) for record in records] == [
            ("a.txt", True),
            ("b.txt", False),
            ("c.txt", True),
        ]
    else:
        assert (tmp_path / index[2]["file"]).read_text("utf-8") == "Headline c.txt"


def test_every_format_renders_a_brief_from_the_registry() -> None:
    source = StorySource(
        input="a.txt", agency="AFP", lang="fr", published=None, headline="Titre", headline_en="Headline"
    )
    story = Story(id="headline-1", digest=digest("a.txt"), sources=(source,))
    options = RenderOptions(to="desk@example.org", sender="presssum <p@localhost>")
    for name, output in OUTPUT_FORMATS.items():
        shown = output.brief([story], options)
        assert b"Headline a.txt" in shown and b"AFP" in shown, name


def test_a_quoted_glob_is_expanded_and_an_object_store_needs_the_ray_engine() -> None:
    pattern = str(SAMPLES / "fr-*.txt")
    assert find_inputs([pattern]).names == sorted(str(path) for path in SAMPLES.glob("fr-*.txt"))
    result = run_cli("digest", "s3://bucket/wires/")
    assert result.returncode == ExitCode.USAGE
    assert "s3:// inputs are object stores, read by --engine ray" in result.stderr
