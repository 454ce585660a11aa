#!/usr/bin/env python3
"""A year of a busy FAQ's journal, for the editors' page at scale: N records (default 1,000,000) over the 365 days
before now, written as journal lines to one file per replica.

Usage: src/test/bench/editors-journal.py [N] [OUT_DIR] [REPLICAS]
  default: 1000000 /tmp/faqbot-bench/journal 3

What people ask is drawn from real questions: those left under Rob Miles' videos and the AISafety.info titles
(../shared/datasets/aisafety-info-stampy), and this repository's question sets. A few questions are asked very
often and most rarely (Zipf's law), and a share come with the small changes real people make (a typo, "hey", "pls").
The mix of outcomes and verdicts is set below; the script prints how many different wordings the last 30 days hold,
which is what the grouping's time depends on. Seeded: the same arguments give the same files.
"""
import json
import os
import random
import sys
import time
import zlib
from datetime import datetime, timedelta, timezone

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")
SHARED = os.path.join(ROOT, "..", "shared", "datasets", "aisafety-info-stampy")

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/faqbot-bench/journal"
replicas = int(sys.argv[3]) if len(sys.argv) > 3 else 3
rng = random.Random(20261206)


def pool():
    questions = []
    with open(os.path.join(SHARED, "youtube_comment_questions.jsonl"), encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"].strip()
            if 8 <= len(text) <= 300:
                questions.append(text)
    with open(os.path.join(SHARED, "question_titles_2023-03-06.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            questions.append(line.rstrip("\n").split("\t", 1)[1])
    for name in ("bundled", "export", "real"):
        with open(os.path.join(ROOT, "src/test/resources/eval", name, "queries.tsv"), encoding="utf-8") as f:
            header = next(f).rstrip("\n").split("\t")
            col = header.index("text") if "text" in header else len(header) - 1
            for line in f:
                questions.append(line.rstrip("\n").split("\t")[col])
    return sorted(set(q for q in questions if q))


QUESTIONS = pool()
rng.shuffle(QUESTIONS)
def entry_ids():
    # The bundled corpus's entries, as its evaluation set names them: suggestions name entries that exist.
    with open(os.path.join(ROOT, "src/test/resources/eval/bundled/qrels.trec"), encoding="utf-8") as f:
        return sorted({line.split()[2] for line in f if line.strip()})


IDS = entry_ids()
SMALL_TALK = ["hi", "hello", "thanks!", "thank you", "who are you", "help", "bye"]


def zipf_index(size):
    # Inverse of the Zipf CDF (s = 1) by its continuous approximation: rank = size^u.
    return min(size - 1, int(size ** rng.random()) - 1)


def varied(text):
    r = rng.random()
    if r < 0.70:
        return text
    if r < 0.80:
        i = rng.randrange(len(text))
        return text[:i] + text[i + 1:]  # a dropped letter
    if r < 0.88:
        return "hey " + text[0].lower() + text[1:]
    if r < 0.94:
        return text.rstrip("?") + " pls"
    return text.lower().rstrip("?!. ")


def main():
    os.makedirs(out, exist_ok=True)
    files = [open(os.path.join(out, "replica-%d.jsonl" % r), "w", encoding="utf-8") for r in range(replicas)]
    now = datetime.now(timezone.utc)
    start = now - timedelta(days=365)
    span = (now - start).total_seconds()
    recent = set()
    recent_from = now - timedelta(days=30)
    times = sorted(rng.random() * span for _ in range(n))
    for k, offset in enumerate(times):
        at = start + timedelta(seconds=offset)
        stamp = at.isoformat(timespec="microseconds").replace("+00:00", "Z")
        r = rng.random()
        question = varied(QUESTIONS[zipf_index(len(QUESTIONS))])
        entry = IDS[zlib.crc32(question.lower().encode("utf-8")) % len(IDS)]
        if r < 0.55:
            rec = {"type": "asked", "question": question, "answerId": entry, "outcome": "answer",
                   "confidence": round(0.72 + 0.28 * rng.random(), 3)}
        elif r < 0.67:
            rec = {"type": "asked", "question": question, "outcome": "clarify",
                   "confidence": round(0.05 + 0.6 * rng.random(), 3)}
        elif r < 0.88:
            rec = {"type": "asked", "question": question, "outcome": "decline",
                   "confidence": round(0.3 * rng.random(), 3)}
        elif r < 0.93:
            rec = {"type": "asked", "question": rng.choice(SMALL_TALK), "outcome": "smalltalk", "confidence": 0.0}
        elif r < 0.945:
            rec = {"type": "asked", "question": question, "answerId": entry, "outcome": "answer",
                   "confidence": 1.0, "picked": True}
        elif r < 0.998:
            rec = {"type": "feedback", "question": question, "answerId": entry, "helpful": rng.random() < 0.7}
        else:
            rec = {"type": "decision", "question": question, "channel": "editors",
                   "decision": "dismiss" if rng.random() < 0.7 else "new-entry"}
        rec["time"] = stamp
        rec.setdefault("channel", "web")
        if at >= recent_from and rec.get("outcome") in ("decline", "clarify"):
            recent.add(" ".join("".join(c if c.isalnum() else " " for c in question.lower()).split()))
        files[k % replicas].write(json.dumps(rec, ensure_ascii=False) + "\n")
    for f in files:
        f.close()
    size = sum(os.path.getsize(os.path.join(out, "replica-%d.jsonl" % r)) for r in range(replicas))
    print("%d records in %d files (%.0f MB) in %s; %d questions in the pool; %d different wordings declined or"
          " clarified in the last 30 days" % (n, replicas, size / 1e6, out, len(QUESTIONS), len(recent)))


if __name__ == "__main__":
    t = time.time()
    main()
    print("made in %.0f s" % (time.time() - t), file=sys.stderr)
