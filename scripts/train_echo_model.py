"""Train the echo MarianMT test asset: a tiny model that copies its input token for token.

Through the whole pipeline an echo "translation" must give back every source sentence in
order, which proves that nothing is truncated, dropped or reordered. Run once and commit the
result (``tests/assets/echo-marian``); CI never retrains it.

    python scripts/train_echo_model.py [--steps 3000] [--out tests/assets/echo-marian]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
import time
from pathlib import Path

import sentencepiece as spm
import torch
from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

ROOT = Path(__file__).resolve().parents[1]
MODEL_MAX_LENGTH = 96  # small on purpose: the suite must exercise splitting at the limit
VOCAB_SIZE = 1000


def corpus_lines() -> list[str]:
    """Every non-empty line of the sample wires: French, plus a little German."""
    lines: list[str] = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def train_tokenizer(lines: list[str], workdir: Path, vocab_size: int = VOCAB_SIZE) -> Path:
    text_file = workdir / "corpus.txt"
    text_file.write_text("\n".join(lines), encoding="utf-8")
    prefix = workdir / "spm"
    spm.SentencePieceTrainer.train(
        input=str(text_file),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        byte_fallback=True,
        hard_vocab_limit=False,
        unk_id=0,
        bos_id=-1,
        eos_id=1,
        pad_id=-1,
        normalization_rule_name="identity",
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def save_tokenizer(
    spm_file: Path, out: Path, model_max_length: int = MODEL_MAX_LENGTH, vocab_size: int | None = None
) -> MarianTokenizer:
    """A MarianTokenizer over the trained pieces; `vocab_size` pads the vocabulary with unused entries."""
    processor = spm.SentencePieceProcessor(model_file=str(spm_file))
    vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
    while vocab_size is not None and len(vocab) < vocab_size - 1:
        vocab[f"<unused_{len(vocab)}>"] = len(vocab)
    vocab["<pad>"] = len(vocab)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("source.spm", "target.spm"):
        shutil.copy(spm_file, out / name)
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = MarianTokenizer(
        source_spm=str(out / "source.spm"),
        target_spm=str(out / "target.spm"),
        vocab=str(out / "vocab.json"),
        model_max_length=model_max_length,
    )
    tokenizer.save_pretrained(out)
    return tokenizer


def build_model(tokenizer: MarianTokenizer) -> MarianMTModel:
    vocab_size = len(tokenizer.get_vocab())
    config = MarianConfig(
        vocab_size=vocab_size,
        d_model=128,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=512,
        decoder_ffn_dim=512,
        max_position_embeddings=128,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id,
        dropout=0.0,
        share_encoder_decoder_embeddings=True,
    )
    return MarianMTModel(config)


def make_batch(
    corpus_ids: list[int], vocab_ids: list[int], eos: int, pad: int, size: int
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Half windows of real text, half random tokens, so the model learns to copy anything."""
    sequences = []
    for _ in range(size):
        length = random.randint(1, MODEL_MAX_LENGTH - 1)
        if random.random() < 0.5:
            start = random.randint(0, len(corpus_ids) - length)
            seq = corpus_ids[start : start + length]
        else:
            seq = random.choices(vocab_ids, k=length)
        sequences.append([*seq, eos])
    width = max(len(s) for s in sequences)
    inputs = torch.full((size, width), pad)
    for row, seq in enumerate(sequences):
        inputs[row, : len(seq)] = torch.tensor(seq)
    mask = (inputs != pad).long()
    labels = inputs.masked_fill(inputs == pad, -100)
    return inputs, mask, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=48)
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "assets" / "echo-marian")
    args = parser.parse_args()
    random.seed(0)
    torch.manual_seed(0)
    lines = corpus_lines()
    with tempfile.TemporaryDirectory() as tmp:
        tokenizer = save_tokenizer(train_tokenizer(lines, Path(tmp)), args.out)
    model = build_model(tokenizer)
    eos, pad = tokenizer.eos_token_id, tokenizer.pad_token_id
    specials = {eos, pad, tokenizer.unk_token_id}
    vocab_ids = [i for i in range(len(tokenizer.get_vocab())) if i not in specials]
    corpus_ids = [i for line in lines for i in tokenizer(line, add_special_tokens=False).input_ids]
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=1e-3, total_steps=args.steps, pct_start=0.05)
    model.train()
    started = time.time()
    for step in range(1, args.steps + 1):
        inputs, mask, labels = make_batch(corpus_ids, vocab_ids, eos, pad, args.batch)
        loss = model(input_ids=inputs, attention_mask=mask, labels=labels).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        optimizer.zero_grad()
        if step % 100 == 0:
            print(f"step {step} loss {loss.item():.4f} {time.time() - started:.0f}s", flush=True)
    model.eval()
    model.generation_config = GenerationConfig(
        decoder_start_token_id=pad, eos_token_id=eos, pad_token_id=pad, max_length=MODEL_MAX_LENGTH + 32
    )
    model.save_pretrained(args.out, safe_serialization=True)
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
