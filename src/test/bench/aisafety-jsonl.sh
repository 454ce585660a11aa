#!/usr/bin/env bash
# Converts the AISafety.info export's live entries into faqbot's JSONL corpus shape ({"doc_id", "question",
# "answer", "alternates"} per line), for benchmarking until faqbot reads the export itself. Writes OUT, never the repo.
# Usage: src/test/bench/aisafety-jsonl.sh [EXPORT] [OUT]
#   (default ../shared/datasets/aisafety-info-stampy/faq_entries_2023-03.jsonl, /tmp/faqbot-bench/aisafety.jsonl)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
export_file="${1:-../shared/datasets/aisafety-info-stampy/faq_entries_2023-03.jsonl}"
out="${2:-/tmp/faqbot-bench/aisafety.jsonl}"
command -v jq >/dev/null || { echo "aisafety-jsonl.sh: jq is needed (apt-get install jq)" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
jq -c 'select(.status == "Live on site" and (.answer_markdown // "" | test("\\S")))
       | {doc_id: .ui_id, question: .title, answer: .answer_markdown, alternates: (.alternate_phrasings // [])}' \
  "$export_file" > "$out"
echo "$out: $(wc -l < "$out") entries" >&2
