#!/usr/bin/env python3
"""Writes a synthetic FAQ of long answers in faqbot's JSONL corpus shape, the same for the same seed: each entry a
question and several paragraphs of sentences recombined from the bundled corpus (corpus/*.txt).

Usage: src/test/bench/synthetic-corpus.py [ENTRIES] [OUT] [SEED]   (default 1000 /tmp/faqbot-bench/synthetic-1000.jsonl 7)
"""
import json
import pathlib
import random
import re
import sys

root = pathlib.Path(__file__).resolve().parents[3]
entries = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
out = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else f"/tmp/faqbot-bench/synthetic-{entries}.jsonl")
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7

questions, sentences = [], []
for path in sorted((root / "corpus").glob("*.txt")):
    body = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("Question:"):
            questions.append(line[len("Question:"):].strip())
        elif line.strip() == "Related":
            break
        elif line and not re.match(r"^(Also asked as|Tags|Sources?):", line) and not line.startswith("- "):
            body.append(line)
    for paragraph in body:
        sentences += [s for s in re.split(r"(?<=[.!?])\s+", re.sub(r"</?u>", "", paragraph)) if len(s.split()) >= 5]

rng = random.Random(seed)
out.parent.mkdir(parents=True, exist_ok=True)
with out.open("w", encoding="utf-8") as f:
    for i in range(entries):
        topic = rng.choice(questions).rstrip("?")
        paragraphs = [" ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
                      for _ in range(rng.randint(3, 6))]
        f.write(json.dumps({"doc_id": f"s{i:04d}", "question": f"{topic}, case {i}?",
                            "answer": "\n\n".join(paragraphs)}) + "\n")
print(f"{out}: {entries} entries, {len(sentences)} source sentences, seed {seed}", file=sys.stderr)
