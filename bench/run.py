"""Benchmark: presssum's paths against the loop users write with transformers, in one run.

Builds random-weight models with the exact shapes of Helsinki-NLP/opus-mt-fr-en and
sshleifer/distilbart-cnn-12-6 (tokenizers trained on the sample wires), then times each arm on the
same wires in its own subprocess, so peak RSS is each arm's own. Random weights never stop on their
own, so every arm generates exactly the same number of tokens (min = max new tokens).

presssum's arms run with their guards on (name keeping, the coverage check, the facts checks): each
generation runs in full, then answers what a faithful model would (the translation copies its source,
the summary is the input's lead), so the guards do their work but no retry fires on random output.
The `guards-off` arm sets them aside; the difference is what they cost. The machine's own limit is
measured too (float32 and int8 GEMMs of the decoders' shapes, memory bandwidth), and each arm's time
is reported as a multiple of the floor that limit puts under the work it did.

    python bench/run.py --quick --out results.json   # under 10 minutes on 2 CPU cores
    python bench/run.py                              # full size, writes bench/results/
"""

from __future__ import annotations

import argparse
import gc
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
ARMS = ("baseline", "default", "guards-off", "sentence-cache", "float32", "int8", "ctranslate2", "gpu")
# default: backend and dtype auto (CTranslate2 int8 on CPU); float32: torch at full precision; int8: torch
# dynamic int8 (--fast); guards-off: the default with name keeping and the coverage check set aside;
# sentence-cache: second versions of stories, without and with the per-sentence translation cache
QUICK_ARMS = ("baseline", "default", "guards-off", "sentence-cache")
# A new lead paragraph, as a writethru adds: the second version of every story in the sentence-cache arm.
UPDATE_LEAD = "Mise à jour à 18 h 40 : le bilan a été révisé à 14 personnes, a indiqué la préfecture dans la soirée."
GUARDS = ("all_caps", "repetition", "untranslated", "quotes", "mixed_language")
CPU_FLAGS = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_bf16", "amx_int8")


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


def sample_count() -> int:
    """How many distinct French sample wires there are: `wires` repeats them in this cycle."""
    return len(list(SAMPLES.glob("fr-*.txt")))


def second_version(article: Any) -> Any:
    """The story as a writethru sends it again: a new lead paragraph, the rest unchanged."""
    return article.model_copy(update={"paragraphs": (UPDATE_LEAD, *article.paragraphs), "input": f"{article.input}-v2"})


def pipeline_config(marian: Path, bart: Path, arm: str, *, back: bool = False) -> Any:
    """presssum's shipped settings (models.yaml), with these models and the forced output lengths.

    The guards stay on (see ForcedOutputs) except in the guards-off arm. `back` adds the
    back-translation role, which the baseline lacks, for the all-models-loaded memory check.
    """
    from presssum.config import Config, load_config

    shipped = load_config()
    fixed = {"min_new_tokens": SUMMARY_TOKENS, "max_new_tokens": SUMMARY_TOKENS}
    translation = shipped.translation.generation.model_copy(
        update={"min_new_tokens": TRANSLATION_TOKENS, "max_new_tokens": TRANSLATION_TOKENS}
    )
    backend = {"ctranslate2": "ctranslate2"}.get(arm, "auto")
    guarded = arm != "guards-off"
    marian_spec = {"model": str(marian), "backend": backend}
    return Config.model_validate(
        {
            "device": "cuda" if arm == "gpu" else "cpu",
            "dtype": "float32" if arm == "float32" else "auto",
            "quantize": "int8" if arm == "int8" else "none",
            "keep_names": guarded,
            "translation": {
                "pairs": {"fr": marian_spec},
                "generation": translation.model_dump(),
                "coverage": {} if guarded else {"fr": {"min_ratio": 0.01, "max_ratio": 100.0}},
                # forced translations copy their source, as the echo model does: the untranslated guard
                # would fire on every one, so it is the one guard these arms cannot keep on
                "guards": {"untranslated": False} if guarded else dict.fromkeys(GUARDS, False),
            },
            "summarizer": {
                "model": str(bart),
                "backend": backend,
                "generation": shipped.summarizer.generation.model_dump(),
                "lengths": {"short": fixed, "medium": fixed, "long": fixed},
            },
            # the baseline does not translate back either
            "back_translation": {"pairs": {"fr": marian_spec} if back else {}, "generation": translation.model_dump()},
        }
    )


class ForcedOutputs:
    """Wraps a backend: generation runs in full, then each output is what a faithful model would give.

    A translation is its source (so placeholders come back and its length is in the coverage band);
    a summary is the input's first words. Every call's shape is recorded, to compute the floor.
    """

    def __init__(self, inner: Any, role: str, calls: list[dict[str, Any]]) -> None:
        self.inner, self.role, self.calls = inner, role, calls
        self.name, self.batch_scale = inner.name, inner.batch_scale

    def count_tokens(self, texts: Any) -> list[int]:
        return list(self.inner.count_tokens(texts))

    def generate(self, texts: Any, settings: Any, bounds: Any) -> list[str]:
        self.inner.generate(texts, settings, bounds)
        lengths = self.inner.count_tokens(texts)
        new_tokens = bounds["max_new_tokens"]
        self.calls.append(
            {"role": self.role.split(":")[0], "batch": len(texts), "tokens": sum(lengths), "new": new_tokens,
             "beams": settings.num_beams}
        )  # fmt: skip
        if self.role == "summarizer":
            return [" ".join(text.split()[: new_tokens // 2]) for text in texts]
        return list(texts)


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
            tokenizer.decode(output[0], skip_special_tokens=True)
            english.append(sentence)  # what a faithful model gives, as in presssum's arms (ForcedOutputs)
        # users truncate to the model's limit, or the call fails on long articles
        summary_input = summary_tokenizer(" ".join(english[1:]), return_tensors="pt", truncation=True)
        summariser.generate(**summary_input, min_new_tokens=SUMMARY_TOKENS, max_new_tokens=SUMMARY_TOKENS)


def timed_digests(pipeline: Any, articles: list[Any]) -> tuple[float, dict[str, float]]:
    """Seconds to digest `articles` in the CLI's chunks, and each stage's share; no failure, no guard fired."""
    stages = {"translate_s": 0.0, "summarize_s": 0.0}
    started = time.perf_counter()
    for start in range(0, len(articles), 16):
        results = pipeline.digest_articles(articles[start : start + 16], lang="fr")
        failures = [r for r in results if not hasattr(r, "translation")]
        assert not failures, failures
        for stage in stages:  # each digest carries its share of the call's time per stage
            stages[stage] += sum(result.timings.get(stage, 0.0) for result in results)
        retried = [w for r in results for w in r.warnings]
        assert not retried, f"a guard fired on forced outputs: {retried[:2]}"
    return time.perf_counter() - started, stages


def run_story_updates(pipeline: Any, stories: list[Any]) -> dict[str, Any]:
    """Second versions of `stories`, digested without the per-sentence translation cache, then with it
    once the first versions have been digested (and their sentences cached), as a newsroom's rerun does."""
    import sqlite3

    from presssum.cache import SentenceCache
    from presssum.segment import split_sentences

    updates = [second_version(story) for story in stories]
    off_seconds, off_stages = timed_digests(pipeline, updates)
    memory = SentenceCache(sqlite3.connect(":memory:"))
    pipeline.remember_sentences(memory)
    pipeline.digest_articles(stories, lang="fr")
    cached = memory.sent_to_model
    on_seconds, on_stages = timed_digests(pipeline, updates)
    return {
        "name": "sentence-cache",
        "stories": len(updates),
        "segments": sum(1 + sum(len(split_sentences(p)) for p in a.paragraphs) for a in updates),
        "sent_to_model_with_cache": memory.sent_to_model - cached,
        "off_s": round(off_seconds, 2),
        "on_s": round(on_seconds, 2),
        "off_stages_s": {stage: round(value, 2) for stage, value in off_stages.items()},
        "on_stages_s": {stage: round(value, 2) for stage, value in on_stages.items()},
        "saved_percent": round(100 * (1 - on_seconds / off_seconds), 1),
    }


def run_arm(arm: str, marian: Path, bart: Path, count: int, scale: int) -> dict[str, Any]:
    """One arm, timed from models loaded to last digest; prints its own measures as JSON."""
    import torch

    from presssum.digest import Pipeline
    from presssum.models import load_model
    from presssum.segment import split_sentences

    articles = wires(count, scale)
    segments = sum(1 + sum(len(split_sentences(p)) for p in a.paragraphs) for a in articles)
    target_tokens = segments * TRANSLATION_TOKENS + len(articles) * SUMMARY_TOKENS
    calls: list[dict[str, Any]] = []

    def forced(spec: Any, role: str, config: Any) -> Any:
        loaded = load_model(spec, role, config)
        loaded.backend = ForcedOutputs(loaded.backend, role, calls)
        return loaded

    started = time.perf_counter()
    backend = "float32"
    stages = {"translate_s": 0.0, "summarize_s": 0.0}
    if arm == "baseline":
        run_baseline(marian, bart, articles[:1])  # warm-up, as the other arms warm up below
        loaded = time.perf_counter()
        run_baseline(marian, bart, articles)
    else:
        pipeline = Pipeline(pipeline_config(marian, bart, arm), loader=forced)
        (first,) = pipeline.digest_articles(articles[:1], lang="fr")
        if arm == "sentence-cache":
            return run_story_updates(pipeline, articles)
        loaded = time.perf_counter()
        calls.clear()
        backend = ", ".join(sorted({model.backend for model in getattr(first, "models", ())}))
        _, stages = timed_digests(pipeline, articles)
    seconds = time.perf_counter() - loaded
    work = list(calls)
    if arm != "baseline":
        # all three roles loaded at once, as a user's run holds them: the memory target's case (the
        # timed pipeline goes first, or its models would be held twice)
        del pipeline
        gc.collect()
        everything = Pipeline(pipeline_config(marian, bart, arm, back=True), loader=forced)
        everything.digest_articles(articles[:1], lang="fr")
    return {
        "name": arm,
        "baseline": arm == "baseline",
        "articles": len(articles),
        "seconds": round(seconds, 2),
        "stages_s": {stage: round(value, 2) for stage, value in stages.items()} if arm != "baseline" else None,
        "warmup_and_load_s": round(loaded - started, 2),
        "articles_per_min": round(len(articles) / seconds * 60, 2),
        "tokens_per_s": round(target_tokens / seconds, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "threads": torch.get_num_threads(),
        "backend": backend,
        "work": work,
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


def child(arm: str, marian: Path, bart: Path, count: int, scale: int = 1, *, convert: bool = False) -> dict[str, Any]:
    """One arm in a fresh process. Model conversions (CTranslate2, bfloat16 copies) are cached beside
    the models; with `convert`, a first one-wire run makes them, so no arm's timing or peak RSS holds a
    one-time conversion."""
    command = [sys.executable, __file__, "--arm", arm, "--marian", str(marian), "--bart", str(bart)]
    environment = {**os.environ, "PRESSSUM_CACHE_DIR": str(marian.parent / "cache")}
    if convert:
        subprocess.run([*command, "--wires", "1"], capture_output=True, env=environment, check=False)
    command += ["--wires", str(count), "--scale", str(scale)]
    print(f"bench: {arm} ×{scale} on {count} wires ...", file=sys.stderr, flush=True)
    done = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench: arm {arm} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    keys = ("seconds", "stages_s", "articles_per_min", "peak_rss_mb", "backend", "off_s", "on_s")
    summary = {key: result[key] for key in keys if key in result}
    print(f"bench: {arm}: {json.dumps(summary)}", file=sys.stderr, flush=True)
    return result


def cpu_features() -> dict[str, Any]:
    """The CPU's name and the instruction sets that decide which path is fast on it."""
    flags: set[str] = set()
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "flags" and not flags:
                flags = set(value.split())
            elif key.strip() == "model name":
                model = value.strip()
    return {"model": model, "cpus": os.cpu_count(), **{flag: flag in flags for flag in CPU_FLAGS}}


def model_dims(folder: Path) -> dict[str, int]:
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    keys = ("d_model", "encoder_layers", "decoder_layers", "encoder_ffn_dim", "decoder_ffn_dim", "vocab_size")
    return {key: int(config[key]) for key in keys}


def machine_limits(dims: list[dict[str, int]], repeats: int = 5) -> dict[str, float]:
    """This machine's best float32 and int8 GEMM rates at the decoders' shapes (16 inputs x 4 beams
    against each feed-forward and output matrix), and its memory bandwidth (a 256 MB copy).
    Best of `repeats`, as the machine may be shared."""
    import warnings

    import torch

    def best(run: Any) -> float:
        run()
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
        return min(times)

    rows = 64
    shapes = sorted({(d["d_model"], n) for d in dims for n in (d["decoder_ffn_dim"], d["vocab_size"])})
    float32, int8 = 0.0, 0.0
    with torch.inference_mode(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch's eager int8 API is deprecated in favour of torchao
        for width, outputs in shapes:
            x, weight = torch.randn(rows, width), torch.randn(outputs, width)
            flops = 2 * rows * width * outputs
            float32 = max(float32, flops / best(lambda x=x, w=weight: torch.nn.functional.linear(x, w)))
            quantized = torch.ao.nn.quantized.dynamic.Linear(width, outputs, dtype=torch.qint8)
            int8 = max(int8, flops / best(lambda x=x, q=quantized: q(x)))
        source = torch.ones(64 * 2**20)
        target = torch.empty_like(source)
        bandwidth = 2 * source.numel() * 4 / best(lambda: target.copy_(source))
    return {
        "float32_gflops": round(float32 / 1e9, 1),
        "int8_gops": round(int8 / 1e9, 1),
        "bandwidth_gbs": round(bandwidth / 1e9, 1),
    }


def floor_seconds(
    work: list[dict[str, Any]], dims: dict[str, dict[str, int]], limits: dict[str, float]
) -> dict[str, Any]:
    """The least time this machine needs for the recorded generation work, per stage and precision.

    Per call: the Linear layers' and attention's arithmetic at the best GEMM rate (compute-bound),
    and the weights read once per decoding step plus the growing key/value cache (bandwidth-bound);
    the floor is the larger. Everything else presssum does (segmenting, spaCy, checks) has no floor here.
    """
    result: dict[str, Any] = {}
    for precision, weight_bytes, rate in (("float32", 4, limits["float32_gflops"]), ("int8", 1, limits["int8_gops"])):
        stages: dict[str, float] = {}
        for call in work:
            m = dims[call["role"]]
            d, vocab = m["d_model"], m["vocab_size"]
            encoder = m["encoder_layers"] * (4 * d * d + 2 * d * m["encoder_ffn_dim"])
            decoder = m["decoder_layers"] * (6 * d * d + 2 * d * m["decoder_ffn_dim"]) + d * vocab
            b, tokens, new, beams = call["batch"], call["tokens"], call["new"], call["beams"]
            attention = 4 * beams * m["decoder_layers"] * d * (new * tokens + b * new * new / 2)
            cross = 2 * tokens * m["decoder_layers"] * 2 * d * d
            flops = 2 * tokens * encoder + 2 * b * beams * new * decoder + cross + attention
            # keys and values: each step reads its beams' own (self-attention) and its inputs' (cross, shared)
            cache = 4 * m["decoder_layers"] * 2 * d * (new * tokens + b * beams * new * new / 2)
            moved = weight_bytes * (encoder + new * decoder) + cache
            floor = max(flops / (rate * 1e9), moved / (limits["bandwidth_gbs"] * 1e9))
            stage = {"translation": "translate_s", "summarizer": "summarize_s"}.get(call["role"], call["role"])
            stages[stage] = stages.get(stage, 0.0) + floor
        result[precision] = {**{k: round(v, 2) for k, v in stages.items()}, "total_s": round(sum(stages.values()), 2)}
    return result


def markdown(report: dict[str, Any]) -> str:
    cpu = report["settings"]["cpu"]
    features = ", ".join(flag.upper() for flag in CPU_FLAGS if cpu.get(flag)) or "none of " + "/".join(CPU_FLAGS)
    limits = report["limits"]
    lines = [
        f"CPU: {cpu['model']}, {report['settings']['machine']}; features: {features}; "
        f"load average at start {report['settings']['load_average']}",
        f"Measured limit: float32 GEMM {limits['float32_gflops']} GFLOP/s, int8 GEMM {limits['int8_gops']} GOP/s, "
        f"memory {limits['bandwidth_gbs']} GB/s; floor of the default arm's generation work: "
        f"float32 {report['floor']['float32']['total_s']} s, int8 {report['floor']['int8']['total_s']} s",
        "",
        "| arm | backend | tokens/s | articles/min | ratio to baseline | peak RSS (MB) | seconds | × floor |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for arm in report["arms"]:
        lines.append(
            f"| {arm['name']} | {arm['backend']} | {arm['tokens_per_s']} | {arm['articles_per_min']} | "
            f"{arm['ratio'] if arm['ratio'] is not None else '-'}× | {arm['peak_rss_mb']} | {arm['seconds']} | "
            f"{arm.get('x_floor', '-')}× |"
        )
    if report.get("guards"):
        guards = report["guards"]
        lines += [
            "",
            f"Guards (name keeping, coverage check): {guards['cost_s']} s, {guards['cost_percent']}% of the default.",
        ]
    cache = report["translation_cache"]
    if isinstance(cache, dict):
        lines += [
            "",
            f"Per-sentence translation cache, {cache['stories']} second versions of stories (a new lead "
            f"paragraph): {cache['off_s']} s without it, {cache['on_s']} s with it ({cache['saved_percent']}% "
            f"less; {cache['sent_to_model_with_cache']} of {cache['segments']} segments sent to the model; "
            f"translating {cache['off_stages_s']['translate_s']} s -> {cache['on_stages_s']['translate_s']} s).",
        ]
    else:
        lines += ["", f"Per-sentence translation cache: {cache}."]
    if report.get("scaling"):
        lines += ["", "| article length | seconds per article | seconds per 1× of text |", "| ---: | ---: | ---: |"]
        for row in report["scaling"]:
            lines.append(f"| {row['scale']}× | {row['seconds_per_article']} | {row['seconds_per_unit']} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="12 wires; arms baseline (on 4), default, guards-off, sentence-cache; no length scaling",
    )
    parser.add_argument("--out", type=Path, help="write the JSON report here (default bench/results/)")
    parser.add_argument(
        "--arms", help=f"comma-separated arms of {', '.join(ARMS)} (gpu added when present); default: all"
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

    load_average = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    chosen = args.arms or ",".join(QUICK_ARMS if args.quick else ARMS[:-1])
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
        dims = {"translation": model_dims(marian), "summarizer": model_dims(bart)}
        print("bench: measuring this machine's GEMM rates and memory bandwidth ...", file=sys.stderr, flush=True)
        limits = machine_limits(list(dims.values()))
        print(f"bench: limits {json.dumps(limits)}", file=sys.stderr, flush=True)
        # The baseline loops over sentences one by one, so its rate per article is the same on one cycle
        # of the distinct samples as on many (--quick saves 4 minutes that way); the sentence-cache arm
        # updates each distinct story once.
        cycle = sample_count()
        counts = {"baseline": cycle if args.quick else count, "sentence-cache": cycle}
        # the first arm on the CPU's converted copies makes them (float32 and int8 read the checkpoint itself)
        results, converted = [], False
        for arm in arms:
            on_copy = arm in ("default", "guards-off", "sentence-cache", "ctranslate2")
            results.append(
                child(arm, marian, bart, counts.get(arm, count), convert=arm == "gpu" or (on_copy and not converted))
            )
            converted = converted or on_copy
        story_updates = next((r for r in results if r["name"] == "sentence-cache"), None)
        results = [r for r in results if r is not story_updates]
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
    # the floor of the work presssum's default does; the baseline's is no larger (the same translation
    # tokens, and one truncated summary per article where presssum summarises long articles whole)
    reference = next((r for r in results if r["name"] == "default"), None) or next(r for r in results if r["work"])
    floor = floor_seconds(reference["work"], dims, limits)
    for result in results:
        result["ratio"] = round(result["articles_per_min"] / base["articles_per_min"], 2) if base else None
        precision = "int8" if "int8" in result["backend"] else "float32"
        result["floor_precision"] = precision
        # the floor is of the reference's wires; an arm on fewer (the quick baseline) gets its share
        share = result["articles"] / reference["articles"]
        result["x_floor"] = round(result["seconds"] / (floor[precision]["total_s"] * share), 1)
        if result["stages_s"]:
            result["stages_x_floor"] = {
                stage: round(seconds / (floor[precision][stage] * share), 1)
                for stage, seconds in result["stages_s"].items()
                if floor[precision].get(stage)
            }
        result.pop("work")
    timed = {r["name"]: r["seconds"] for r in results}
    guards = None
    if "default" in timed and "guards-off" in timed:
        cost = timed["default"] - timed["guards-off"]
        guards = {"cost_s": round(cost, 2), "cost_percent": round(100 * cost / timed["default"], 1)}
    report = {
        "arms": results,
        "scaling": scaling,
        "limits": limits,
        "floor": floor,
        "guards": guards,
        "translation_cache": story_updates or "not measured (the sentence-cache arm did not run)",
        "settings": {
            "wires": count,
            "translation_new_tokens": TRANSLATION_TOKENS,
            "summary_new_tokens": SUMMARY_TOKENS,
            "num_beams": 4,
            "machine": f"{platform.processor() or platform.machine()}, {torch.get_num_threads()} threads",
            "cpu": cpu_features(),
            "load_average": load_average,
            "native_bfloat16": native_bfloat16(),
            "guards": "on in every presssum arm but guards-off (outputs forced to pass them; see ForcedOutputs)",
            "memory": "peak RSS of presssum's arms includes loading the back-translation model after the timed run",
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
