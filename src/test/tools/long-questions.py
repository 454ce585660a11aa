#!/usr/bin/env python3
"""Writes the long questions left under Rob Miles' videos as an eval queries file (no labels: every one is out of
scope to `faqbot eval`, which then reports how many were answered, clarified or declined, and how long they took).

Usage: src/test/tools/long-questions.py [MIN_CHARS [MAX_CHARS]] > long.tsv   (defaults 1001 and 4000)
Reads ../shared/datasets/aisafety-info-stampy/youtube_comment_questions.jsonl, or the file FAQBOT_COMMENTS names.
"""
import json
import os
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parents[3]
source = Path(os.environ.get("FAQBOT_COMMENTS",
                             root.parent / "shared/datasets/aisafety-info-stampy/youtube_comment_questions.jsonl"))
if not source.is_file():
    sys.exit(f"long-questions: no comments file at {source}; name one with FAQBOT_COMMENTS")
low = int(sys.argv[1]) if len(sys.argv) > 1 else 1001
high = int(sys.argv[2]) if len(sys.argv) > 2 else 4000

print("query_id\ttext")
with source.open(encoding="utf-8") as comments:
    for number, line in enumerate(comments, 1):
        # Whitespace, tabs and line breaks included, becomes one space, as faqbot reads a message anyway.
        text = re.sub(r"\s+", " ", json.loads(line)["text"]).strip()
        if low <= len(text) <= high:
            print(f"line{number}\t{text}")
