#!/usr/bin/env bash
# Converts the AISafety.info export's live entries into faqbot's evaluation JSONL shape ({"doc_id", "question",
# "answer", "alternates"} per line), whose answers are read as plain text: their Markdown, link URLs and video <iframe>
# tags go to the models as words. The cold-index figures in docs/performance.md up to "The last second" were measured
# on it; it is kept to reproduce them, not as the export faqbot serves (cold-lib.sh times the export itself).
# Writes OUT, never the repo.
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
