"""Benchmark: presssum's paths against the loop users write with transformers, in one run.

Builds random-weight models with the exact shapes of Helsinki-NLP/opus-mt-fr-en and
sshleifer/distilbart-cnn-12-6 (tokenizers trained on the sample wires), then times each arm on the
same wires in its own subprocess, so peak RSS is each arm's own. Random weights never stop on their
own, so every arm generates exactly the same number of tokens (min = max new tokens).

    python bench/run.py --quick --out results.json   # under 10 minutes on 2 CPU cores
    python bench/run.py                              # full size, writes bench/results/
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TRANSLATION_TOKENS = 24  # new tokens per sentence (and headline), in every arm
SUMMARY_TOKENS = 60  # new tokens per summary, in every arm
ARMS = ("baseline", "default", "float32", "int8", "ctranslate2", "gpu")
# default: dtype auto (bfloat16 on CPUs that compute it natively); float32: the same path at full precision


def build_models(folder: Path) -> tuple[Path, Path]:
    """Random-weight opus-mt-fr-en and distilbart-cnn-12-6 twins, saved as safetensors."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from transformers import (
        BartConfig,
        BartForConditionalGeneration,
        BartTokenizer,
        GenerationConfig,
        MarianConfig,
        MarianMTModel,
    )

    from train_echo_model import corpus_lines, save_tokenizer, train_tokenizer

    torch.manual_seed(0)
    folder.mkdir(parents=True, exist_ok=True)
    marian_dir, bart_dir = folder / "opus-mt-fr-en-random", folder / "distilbart-cnn-12-6-random"
    marian_tokenizer = save_tokenizer(
        train_tokenizer(corpus_lines(), folder, vocab_size=8000), marian_dir, model_max_length=512, vocab_size=59514
    )
    # Random weights pick any id; only whole-word pieces are allowed, so the "translation" reads like
    # prose of realistic length for the summariser (random sub-word pieces would inflate it threefold).
    words = [i for piece, i in marian_tokenizer.get_vocab().items() if piece.startswith("▁") and len(piece) > 3]
    # (the vocabulary is padded to opus-mt's 59,514 entries with unused ones, as CTranslate2 checks the size)
    marian = MarianMTModel(
        MarianConfig(
            vocab_size=59514, d_model=512, encoder_layers=6, decoder_layers=6, encoder_attention_heads=8,
            decoder_attention_heads=8, encoder_ffn_dim=2048, decoder_ffn_dim=2048, max_position_embeddings=512,
            activation_function="swish", scale_embedding=True, share_encoder_decoder_embeddings=True,
            pad_token_id=marian_tokenizer.pad_token_id, eos_token_id=marian_tokenizer.eos_token_id,
            decoder_start_token_id=marian_tokenizer.pad_token_id,
        )
    )  # fmt: skip
    # the model's vocabulary is opus-mt's; ids the small tokenizer cannot spell are never chosen
    allowed = torch.full_like(marian.final_logits_bias, -1e4)
    allowed[:, words] = 0.0
    marian.final_logits_bias.copy_(allowed)
    marian.generation_config = GenerationConfig(
        num_beams=4, max_length=512, decoder_start_token_id=marian_tokenizer.pad_token_id,
        eos_token_id=marian_tokenizer.eos_token_id, pad_token_id=marian_tokenizer.pad_token_id,
        bad_words_ids=[[marian_tokenizer.pad_token_id]],
    )  # fmt: skip
    marian.save_pretrained(marian_dir, safe_serialization=True)

    bpe = ByteLevelBPETokenizer()
    bpe.train(
        files=[str(p) for p in sorted(SAMPLES.glob("*.txt"))],
        vocab_size=8000,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
        show_progress=False,
    )
    bart_dir.mkdir(parents=True, exist_ok=True)
    bpe.save_model(str(bart_dir))
    vocab = json.loads((bart_dir / "vocab.json").read_text(encoding="utf-8"))
    vocab.update({f"<unused_{i}>": i for i in range(len(vocab), 50265)})  # distilbart's size, for CTranslate2
    (bart_dir / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    bart_tokenizer = BartTokenizer(
        vocab=str(bart_dir / "vocab.json"), merges=str(bart_dir / "merges.txt"), model_max_length=1024
    )
    bart = BartForConditionalGeneration(
        BartConfig(
            vocab_size=50265, d_model=1024, encoder_layers=12, decoder_layers=6, encoder_attention_heads=16,
            decoder_attention_heads=16, encoder_ffn_dim=4096, decoder_ffn_dim=4096, max_position_embeddings=1024,
            pad_token_id=bart_tokenizer.pad_token_id, bos_token_id=bart_tokenizer.bos_token_id,
            eos_token_id=bart_tokenizer.eos_token_id, decoder_start_token_id=bart_tokenizer.eos_token_id,
            forced_bos_token_id=bart_tokenizer.bos_token_id,
            normalize_before=False,  # as in distilbart's config.json; CTranslate2's converter reads it
        )
    )  # fmt: skip
    bart.final_logits_bias[:, len(bpe.get_vocab()) :] = -1e4
    bart.generation_config = GenerationConfig(
        num_beams=4, length_penalty=2.0, no_repeat_ngram_size=3, min_length=56, max_length=142,
        early_stopping=True, decoder_start_token_id=bart_tokenizer.eos_token_id,
        bos_token_id=bart_tokenizer.bos_token_id, eos_token_id=bart_tokenizer.eos_token_id,
        pad_token_id=bart_tokenizer.pad_token_id, forced_bos_token_id=bart_tokenizer.bos_token_id,
    )  # fmt: skip
    bart.save_pretrained(bart_dir, safe_serialization=True)
    bart_tokenizer.save_pretrained(bart_dir)
    return marian_dir, bart_dir


def wires(count: int, scale: int = 1) -> list[Any]:
    """`count` French wires of realistic lengths: the samples, numbered so no two are identical."""
    from presssum import parse_wire
    from presssum.records import Article

    texts = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("fr-*.txt"))]
    articles = []
    for number in range(count):
        article = parse_wire(texts[number % len(texts)])
        articles.append(
            Article(
                headline=f"{article.headline} ({number})",
                paragraphs=article.paragraphs * scale,
                source=article.source,
                input=f"wire-{number}",
            )
        )
    return articles


def pipeline_config(marian: Path, bart: Path, arm: str) -> Any:
    """presssum's shipped settings (models.yaml), with these models and the forced output lengths.

    Two guards are set aside, as random weights trip them on every sentence where no real model
    would: the coverage check (a fixed 24-token output looks cut short beside a long sentence, so
    the sentence is split and translated again) and name keeping (random weights never copy the
    placeholders, so every sentence holding a name is translated a second time, unprotected).
    Left on, they more than double the translation work here; the facts checks still run.
    """
    from presssum.config import Config, load_config

    shipped = load_config()
    backend = "ctranslate2" if arm == "ctranslate2" else "torch"
    fixed = {"min_new_tokens": SUMMARY_TOKENS, "max_new_tokens": SUMMARY_TOKENS}
    translation = shipped.translation.generation.model_copy(
        update={"min_new_tokens": TRANSLATION_TOKENS, "max_new_tokens": TRANSLATION_TOKENS}
    )
    return Config.model_validate(
        {
            "device": "cuda" if arm == "gpu" else "cpu",
            "dtype": "float32" if arm == "float32" else "auto",
            "quantize": "int8" if arm == "int8" else "none",
            "keep_names": False,
            "translation": {
                "pairs": {"fr": {"model": str(marian), "backend": backend}},
                "generation": translation.model_dump(),
                "coverage": {"fr": {"min_ratio": 0.01, "max_ratio": 100.0}},
            },
            "summarizer": {
                "model": str(bart),
                "backend": backend,
                "generation": shipped.summarizer.generation.model_dump(),
                "lengths": {"short": fixed, "medium": fixed, "long": fixed},
            },
            "back_translation": {"pairs": {}},  # the baseline does not translate back either
        }
    )


def run_baseline(marian_dir: Path, bart_dir: Path, articles: list[Any]) -> None:
    """The model cards' snippet: one generate() per sentence, one per article, default settings."""
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    from presssum.segment import split_sentences

    tokenizer = AutoTokenizer.from_pretrained(marian_dir)
    model = AutoModelForSeq2SeqLM.from_pretrained(marian_dir)
    summary_tokenizer = AutoTokenizer.from_pretrained(bart_dir)
    summariser = AutoModelForSeq2SeqLM.from_pretrained(bart_dir)
    for article in articles:
        english = []
        for sentence in [article.headline] + [s for p in article.paragraphs for s in split_sentences(p)]:
            output = model.generate(
                **tokenizer(sentence, return_tensors="pt"),
                min_new_tokens=TRANSLATION_TOKENS,
                max_new_tokens=TRANSLATION_TOKENS,
            )
            english.append(tokenizer.decode(output[0], skip_special_tokens=True))
        # users truncate to the model's limit, or the call fails on long articles
        summary_input = summary_tokenizer(" ".join(english[1:]), return_tensors="pt", truncation=True)
        summariser.generate(**summary_input, min_new_tokens=SUMMARY_TOKENS, max_new_tokens=SUMMARY_TOKENS)


def run_arm(arm: str, marian: Path, bart: Path, count: int, scale: int) -> dict[str, Any]:
    """One arm, timed from models loaded to last digest; prints its own measures as JSON."""
    import torch

    from presssum.digest import Pipeline
    from presssum.segment import split_sentences

    articles = wires(count, scale)
    segments = sum(1 + sum(len(split_sentences(p)) for p in a.paragraphs) for a in articles)
    target_tokens = segments * TRANSLATION_TOKENS + len(articles) * SUMMARY_TOKENS
    started = time.perf_counter()
    backend = "float32"
    if arm == "baseline":
        run_baseline(marian, bart, articles[:1])  # warm-up, as the other arms warm up below
        loaded = time.perf_counter()
        run_baseline(marian, bart, articles)
    else:
        pipeline = Pipeline(pipeline_config(marian, bart, arm))
        (first,) = pipeline.digest_articles(articles[:1], lang="fr")
        loaded = time.perf_counter()
        backend = ", ".join(sorted({model.backend for model in getattr(first, "models", ())}))
        for start in range(0, len(articles), 16):
            results = pipeline.digest_articles(articles[start : start + 16], lang="fr")
            failures = [r for r in results if not hasattr(r, "translation")]
            assert not failures, failures
    seconds = time.perf_counter() - loaded
    return {
        "name": arm,
        "baseline": arm == "baseline",
        "articles": len(articles),
        "seconds": round(seconds, 2),
        "warmup_and_load_s": round(loaded - started, 2),
        "articles_per_min": round(len(articles) / seconds * 60, 2),
        "tokens_per_s": round(target_tokens / seconds, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "threads": torch.get_num_threads(),
        "backend": backend,
    }


def peak_rss_mb() -> float:
    """This process's own peak RSS. Linux's ru_maxrss carries over a fork and exec, so an arm would
    report at least what the parent held when it started the arm (2.2 GB after building the models)."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 if sys.platform != "darwin" else 2**20)


def child(arm: str, marian: Path, bart: Path, count: int, scale: int = 1) -> dict[str, Any]:
    """One arm in a fresh process. Model conversions (CTranslate2, bfloat16 copies) are cached
    beside the models, and a first one-wire run makes them, so no arm's timing or peak RSS holds a
    one-time conversion."""
    command = [sys.executable, __file__, "--arm", arm, "--marian", str(marian), "--bart", str(bart)]
    environment = {**os.environ, "PRESSSUM_CACHE_DIR": str(marian.parent / "cache")}
    if arm != "baseline" and scale == 1:
        subprocess.run([*command, "--wires", "1"], capture_output=True, env=environment, check=False)
    command += ["--wires", str(count), "--scale", str(scale)]
    print(f"bench: {arm} ×{scale} on {count} wires ...", file=sys.stderr, flush=True)
    done = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench: arm {arm} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"bench: {arm}: {result['articles_per_min']} articles/min", file=sys.stderr, flush=True)
    return result


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "| arm | backend | tokens/s | articles/min | ratio to baseline | peak RSS (MB) |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for arm in report["arms"]:
        lines.append(
            f"| {arm['name']} | {arm['backend']} | {arm['tokens_per_s']} | {arm['articles_per_min']} | "
            f"{arm['ratio'] if arm['ratio'] is not None else '-'}× | {arm['peak_rss_mb']} |"
        )
    if report.get("scaling"):
        lines += ["", "| article length | seconds per article | seconds per 1× of text |", "| ---: | ---: | ---: |"]
        for row in report["scaling"]:
            lines.append(f"| {row['scale']}× | {row['seconds_per_article']} | {row['seconds_per_unit']} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="12 wires and no length scaling: under 10 minutes")
    parser.add_argument("--out", type=Path, help="write the JSON report here (default bench/results/)")
    parser.add_argument(
        "--arms", help="comma-separated arms (gpu added when present); default all but float32 with --quick, else all"
    )
    parser.add_argument("--models", type=Path, help="keep the built models in this folder and reuse them")
    parser.add_argument("--arm", help=argparse.SUPPRESS)
    parser.add_argument("--marian", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--bart", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--wires", type=int, default=48, help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.arm:
        print(json.dumps(run_arm(args.arm, args.marian, args.bart, args.wires, args.scale)))
        return

    import torch

    from presssum.models import native_bfloat16

    chosen = args.arms or ",".join(arm for arm in ARMS[:5] if not (args.quick and arm == "float32"))
    arms = [arm for arm in chosen.split(",") if arm]
    if torch.cuda.is_available() and "gpu" not in arms:
        arms.append("gpu")
    count = 12 if args.quick else 48
    with tempfile.TemporaryDirectory(prefix="presssum-bench-") as tmp:
        folder = args.models or Path(tmp)
        marian, bart = folder / "opus-mt-fr-en-random", folder / "distilbart-cnn-12-6-random"
        if not (bart / "model.safetensors").is_file():
            print("bench: building random-weight models ...", file=sys.stderr, flush=True)
            marian, bart = build_models(folder)
        results = [child(arm, marian, bart, count) for arm in arms]
        scaling = []
        if not args.quick:
            for scale in (1, 4, 16):
                row = child("default", marian, bart, 4, scale)
                per_article = row["seconds"] / row["articles"]
                scaling.append(
                    {
                        "scale": scale,
                        "seconds_per_article": round(per_article, 2),
                        "seconds_per_unit": round(per_article / scale, 2),
                    }
                )
    base = next((r for r in results if r["baseline"]), None)
    for result in results:
        result["ratio"] = round(result["articles_per_min"] / base["articles_per_min"], 2) if base else None
    report = {
        "arms": results,
        "scaling": scaling,
        "settings": {
            "wires": count,
            "translation_new_tokens": TRANSLATION_TOKENS,
            "summary_new_tokens": SUMMARY_TOKENS,
            "num_beams": 4,
            "machine": f"{platform.processor() or platform.machine()}, {torch.get_num_threads()} threads",
            "native_bfloat16": native_bfloat16(),
            "guards_set_aside": ["coverage retry", "name keeping"],  # see pipeline_config
            "torch": torch.__version__,
        },
    }
    out = args.out or ROOT / "bench" / "results" / "results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    table = markdown(report)
    if args.out is None:
        out.with_suffix(".md").write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
