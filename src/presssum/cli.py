"""The `presssum` command: parses options, calls the library, picks a renderer. No model code here."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console

from presssum.about import package_version
from presssum.config import Config, load_config, role_overrides
from presssum.errors import ExitCode, ModelUnavailableError, PresssumError, local_folders_fix
from presssum.load import DEFAULT_MAX_BYTES, DEFAULT_MAX_WORDS
from presssum.render import FORMATS
from presssum.render.email import DEFAULT_SENDER

app = typer.Typer(
    help="Turn foreign-language press wires into bilingual English digests.\n\n"
    "Example: presssum digest samples/fr-cyber-consultation.txt",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
models_app = typer.Typer(help="List and download the models named in models.yaml.", no_args_is_help=True)
app.add_typer(models_app, name="models")

ConfigOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at runtime
    typer.Option(
        "--config",
        "-c",
        help="Model registry laid over the packaged models.yaml (else $PRESSSUM_CONFIG). "
        "Example: --config ~/newsroom.yaml",
        show_default=False,
    ),
]

FullOption = Annotated[
    bool, typer.Option("--full", help="Add the whole translation, paragraph by paragraph beside the original.")
]
LengthOption = Annotated[
    str, typer.Option("--length", "-l", help="Summary length: short | medium | long. Example: --length short")
]
LangOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--lang", help="Force the source language instead of detecting it. Example: --lang fr"),
]
HoldEmbargoedOption = Annotated[
    bool,
    typer.Option(
        "--hold-embargoed",
        help="Keep agency items whose embargo has not passed out of the outputs (they are reported as held).",
    ),
]
ToOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--to", help="Recipient for --format email. Example: --to desk@example.org", show_default=False),
]


TracebackOption = Annotated[
    bool, typer.Option("--traceback", help="Show the full traceback of an error, for bug reports.")
]


def _version(show: bool) -> None:
    if show:
        print(f"presssum {package_version()}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print presssum's version and exit."),
    ] = False,
) -> None:
    """Turn foreign-language press wires into bilingual English digests."""


def _fail(message: str, code: ExitCode) -> typer.Exit:
    Console(stderr=True, highlight=False).print(f"[bold red]presssum: error:[/] {message}", markup=True, soft_wrap=True)
    return typer.Exit(code)


@contextmanager
def _errors(show_traceback: bool = False) -> Iterator[None]:
    """The one boundary where presssum's own errors become one line and an exit code; bugs stay tracebacks
    (a bug that one input sets off fails that input alone, batch.py; --traceback shows its trace too)."""
    logger, handler = logging.getLogger("presssum"), logging.StreamHandler()
    if show_traceback:
        logger.addHandler(handler)
    try:
        yield
    except KeyboardInterrupt as exc:  # the one place Ctrl-C is handled: every command exits 130
        if show_traceback:
            raise
        if str(exc):  # engine.Interrupted: what the run had done, and that its outputs are kept
            Console(stderr=True, highlight=False).print(f"presssum: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except BrokenPipeError:  # stdout's reader went away (`| head`): every command stops quietly, as `cat` does
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python flushes stdout at exit; that must not fail again
        raise typer.Exit(ExitCode.BROKEN_PIPE) from None
    except ModelUnavailableError as exc:
        if show_traceback:
            raise
        raise _fail(str(exc), ExitCode.MODELS_UNAVAILABLE) from None
    except PresssumError as exc:
        if show_traceback:
            raise
        raise _fail(str(exc), ExitCode.USAGE) from None
    finally:
        logger.removeHandler(handler)  # a second command in the same process (tests, notebooks) adds its own


def _load_config(config: Path | None, **flags: Any) -> Config:
    base = load_config(config)
    layer = role_overrides(base=base, **flags)
    return load_config(config, overrides=layer) if layer else base


@app.command()
def digest(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Wire files, folders (searched recursively) or '-' for stdin. "
            "Example: presssum digest inbox/   or   cat wire.txt | presssum digest -",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help=f"{' | '.join(FORMATS)}. Default: rich on a terminal, text when piped. Example: --format json",
            show_default=False,
        ),
    ] = None,
    full: FullOption = False,
    length: LengthOption = "medium",
    lang: LangOption = None,
    config: ConfigOption = None,
    translation_model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            help="Translation model for every source language: hub id or folder. "
            "Example: --translation-model ./opus-mt-fr-en",
        ),
    ] = None,
    summary_model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Summarisation model. Example: --summary-model facebook/bart-large-cnn"),
    ] = None,
    back_model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Model translating the summary back. Example: --back-model Helsinki-NLP/opus-mt-en-fr"),
    ] = None,
    device: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="auto | cpu | cuda | mps. Example: --device cpu"),
    ] = None,
    dtype: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="auto | float32 | float16 | bfloat16; any but auto runs torch. Example: --dtype float32"),
    ] = None,
    hold_embargoed: HoldEmbargoedOption = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="When a summary states a figure, date or name the wire does not back, summarise again "
            "conservatively, then fall back to the lead sentences.",
        ),
    ] = False,
    glossary: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            help="TSV of forced translations (source<TAB>target) and do-not-translate terms (one per line). "
            "Example: --glossary newsroom.tsv",
            show_default=False,
        ),
    ] = None,
    fast: Annotated[
        bool, typer.Option("--fast", help="Dynamic int8 quantisation of the torch models on CPU (quantize: int8).")
    ] = False,
    backend: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            help="auto | torch | ctranslate2, for every role (auto: CTranslate2 int8 on CPU). Example: --backend torch",
            show_default=False,
        ),
    ] = None,
    glob: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            help="Files to take from folders (default: every known input suffix). Example: --glob '*.xml'",
            show_default=False,
        ),
    ] = None,
    max_bytes: Annotated[
        int, typer.Option(help="Refuse inputs larger than this many bytes. Example: --max-bytes 1000000")
    ] = DEFAULT_MAX_BYTES,
    max_words: Annotated[
        int,
        typer.Option(
            help="Refuse articles longer than this many words (about 300 pages by default). Example: --max-words 200000"
        ),
    ] = DEFAULT_MAX_WORDS,
    output: Annotated[
        Optional[str],  # noqa: UP045 - a string, so --engine ray keeps URLs such as s3://bucket/digests
        typer.Option(
            "--output",
            "-o",
            help="Write one file per article into this folder, plus index.json. Example: --output digests/",
            show_default=False,
        ),
    ] = None,
    to: ToOption = None,
    sender: Annotated[
        str, typer.Option("--from", help="Sender for --format email. Example: --from 'Wires <wires@example.org>'")
    ] = DEFAULT_SENDER,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first input that fails.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Digest again even what the cache holds (and do not store results).")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary line on stderr.")] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", help="--engine ray: Ray's own log lines on stderr too (kept off it by default)."),
    ] = False,
    show_traceback: TracebackOption = False,
    group: Annotated[
        bool,
        typer.Option("--group", help="One entry per story across agencies and languages, as `presssum brief` prints."),
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            help="local | ray. ray digests on a Ray cluster (pip install 'presssum\\[ray]') into --output: "
            "JSON Lines parts plus index.json; a rerun skips what is done. Example: --engine ray -o s3://bucket/out",
        ),
    ] = "local",
    workers: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            help="--engine ray: actors, each loading the models once (default: as many as fit). Example: --workers 4",
            show_default=False,
        ),
    ] = None,
    worker_cpus: Annotated[
        int, typer.Option(help="--engine ray: CPUs, and so threads, of each actor. Example: --worker-cpus 2")
    ] = 1,
    ray_address: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            help="--engine ray: the cluster to join (default $RAY_ADDRESS, else one started here). "
            "Example: --ray-address ray://head:10001",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Digest wires: translate, summarise, and print a bilingual digest.

    Examples:

      presssum digest samples/fr-cyber-consultation.txt

      presssum digest inbox/ --format jsonl > digests.jsonl

      presssum digest wire.txt --full --length short --lang fr

      presssum digest inbox/ --format email --to desk@example.org | sendmail -t
    """
    from presssum.cli_run import run
    from presssum.options import DigestOptions

    options = DigestOptions(
        inputs=inputs,
        output_format=output_format,
        full=full,
        length=length,
        lang=lang,
        glob=glob,
        max_bytes=max_bytes,
        max_words=max_words,
        quiet=quiet,
        output=Path(output) if output else None,
        fail_fast=fail_fast,
        use_cache=not no_cache,
        to=to,
        sender=sender,
        strict=strict,
        hold_embargoed=hold_embargoed,
        verbose=verbose,
    )
    with _errors(show_traceback):
        from presssum.mask import load_glossary

        loaded_config = _load_config(
            config,
            glossary=load_glossary(glossary) if glossary else None,
            translation_model=translation_model,
            summary_model=summary_model,
            back_model=back_model,
            device=device,
            dtype=dtype,
            fast=fast,
            backend=backend,
        )
        if engine == "ray" and not group:
            from presssum.engine_ray import run_digest

            code = run_digest(
                loaded_config, options, dest=output, workers=workers, worker_cpus=worker_cpus, address=ray_address
            )
        elif engine != "local" or workers is not None or ray_address is not None:
            raise PresssumError(
                f"--engine is local or ray (got {engine}); --workers, --ray-address need ray, not --group"
            )
        elif group:
            from presssum.cli_brief import run_brief

            code = run_brief(loaded_config, options)
        else:
            code = run(loaded_config, options)
    raise typer.Exit(code)


@app.command("brief")
def brief_command(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Inbox folders or wire files. Example: presssum brief inbox/", show_default=False),
    ],
    since: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Only wires published this recently (m, h, d). Example: --since 24h", show_default=False),
    ] = None,
    output_format: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--format", "-f", help=f"{' | '.join(FORMATS)}. Example: --format html", show_default=False),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write one file per story, plus index.json. Example: --output brief/"),
    ] = None,
    watch: Annotated[
        bool, typer.Option("--watch", help="Keep the --output folder up to date as wires land, until Ctrl-C.")
    ] = False,
    full: FullOption = False,
    length: LengthOption = "medium",
    lang: LangOption = None,
    config: ConfigOption = None,
    to: ToOption = None,
    sender: Annotated[str, typer.Option("--from", help="Sender for --format email.")] = DEFAULT_SENDER,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
    show_traceback: TracebackOption = False,
) -> None:
    """Group wires into stories across agencies and languages: one digest per story, its sources, and the
    figures, dates and names the agencies give differently.

    Examples:

      presssum brief inbox/ --since 24h

      presssum brief inbox/ --format email --to desk@example.org | sendmail -t

      presssum brief inbox/ --watch --output brief/ --format html
    """
    from presssum.brief import parse_since
    from presssum.cli_brief import run_brief
    from presssum.options import DigestOptions

    with _errors(show_traceback):
        if watch and not (len(inputs) == 1 and Path(inputs[0]).is_dir()):
            raise PresssumError("--watch needs one inbox folder")
        options = DigestOptions(
            inputs=inputs,
            output_format=output_format,
            full=full,
            length=length,
            lang=lang,
            quiet=quiet,
            output=output,
            to=to,
            sender=sender,
        )
        window = parse_since(since) if since else None
        code = run_brief(_load_config(config), options, window, Path(inputs[0]) if watch else None)
    raise typer.Exit(code)


@app.command("watch")
def watch_command(
    inbox: Annotated[
        Path, typer.Argument(help="Folder to watch (recursively). Example: presssum watch inbox/ -o out/")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for the digests and index.json. Example: --output out/")
    ],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help=f"{' | '.join(FORMATS)}. Example: --format html")
    ] = "text",
    full: FullOption = False,
    length: LengthOption = "medium",
    lang: LangOption = None,
    config: ConfigOption = None,
    to: ToOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
    hold_embargoed: HoldEmbargoedOption = False,
    show_traceback: TracebackOption = False,
) -> None:
    """Digest wires as they land in a folder, skipping those already done, until Ctrl-C.

    Example: presssum watch inbox/ --output digests/ --format markdown
    """
    from presssum.cli_run import run_watch
    from presssum.options import DigestOptions

    with _errors(show_traceback):
        if not inbox.is_dir():
            raise PresssumError(f"{inbox}: not a folder")
        options = DigestOptions(
            inputs=[str(inbox)],
            output_format=output_format,
            full=full,
            length=length,
            lang=lang,
            quiet=quiet,
            output=output,
            to=to,
            hold_embargoed=hold_embargoed,
        )
        code = run_watch(_load_config(config), options, inbox)
    raise typer.Exit(code)


@models_app.command("list")
def models_list(
    config: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the list as JSON.")] = False,
) -> None:
    """Show each role's model and whether it is available offline.

    Example: presssum models list --json
    """
    import json

    from presssum.models import is_available

    with _errors():
        loaded = load_config(config)
    rows = [(role, spec, is_available(spec)) for role, spec in loaded.roles()]
    if as_json:
        listing = [
            {"role": role, "model": spec.model, "revision": spec.revision, "available": available}
            for role, spec, available in rows
        ]
        print(json.dumps(listing, indent=2))
        return
    from rich.table import Table

    table = Table("role", "model", "revision", "local")
    for role, spec, available in rows:
        table.add_row(role, spec.model, spec.revision or "-", "yes" if available else "[red]no[/]")
    Console().print(table)


@models_app.command("pull")
def models_pull(
    config: ConfigOption = None,
    lang: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--lang", help="Only these source languages (repeatable). Example: --lang fr --lang de"),
    ] = None,
) -> None:
    """Download every model in the registry into the local cache, with progress bars.

    Example: presssum models pull --lang fr
    """
    from presssum.models import resolve_model

    with _errors():
        loaded = load_config(config)
    missing = 0
    for role, spec in loaded.roles():
        if lang and ":" in role and role.split(":")[1] not in lang:
            continue
        try:
            folder = resolve_model(spec, role, offline=False, safetensors_only=loaded.safetensors_only)
            print(f"{role}: {spec.model} -> {folder}", file=sys.stderr)
        except ModelUnavailableError as exc:
            missing += 1
            for line in exc.missing:
                print(f"presssum: error: {line}", file=sys.stderr)
    if missing:
        reason = "check the network and the model ids"
        print(
            f"presssum: {missing} model(s) could not be downloaded; {reason}, or {local_folders_fix(loaded.sources)}",
            file=sys.stderr,
        )
    raise typer.Exit(ExitCode.MODELS_UNAVAILABLE if missing else ExitCode.OK)


def main() -> None:
    """Entry point of the console script."""
    app()
