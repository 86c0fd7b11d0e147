"""Section 4: `python -m bot review` on a large generated log, against reading the same log.

The log imitates a busy bot's: questions drawn from tests/data/eval.yaml, each
asked many times in many spellings (case, punctuation, a slipped letter, a
greeting or a "pls" around it), plus one line in eight that nobody else asks
(random words from the release), one in ten a 👍/👎 in `feedback.jsonl`, and a
few torn lines. Both commands run as fresh processes on the same files:

- ours: `python -m bot review --data-dir DIR --store STORE` (read, group,
  match every group, print);
- baseline: `python -c` that reads both files and `json.loads` every line,
  the least any review must do.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report import Row, median
from bot.matching.evaluate import load_cases
from bot.store import load_store

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "data" / "eval.yaml"

LINES = 100_000
QUICK_LINES = 10_000
TARGET_SECONDS = 10.0  # "within seconds" for 100,000 lines, interpreter start-up included
_AROUND = ("", "", "", "hey ", "pls ", "quick q: ", "hi, ", "so ")
_AFTER = ("", "", "", "?", "??", " pls", " please", "!")
_BASELINE = (
    "import json, sys\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, 'rb') as f:\n"
    "        for line in f:\n"
    "            try: json.loads(line)\n"
    "            except ValueError: pass\n"
)


def _spelling(question: str, rng: random.Random) -> str:
    text = rng.choice(_AROUND) + question.rstrip("?") + rng.choice(_AFTER)
    if rng.random() < 0.3:
        text = text.lower() if rng.random() < 0.7 else text.upper()
    if rng.random() < 0.2 and len(text) > 6:  # a slipped letter
        i = rng.randrange(1, len(text) - 2)
        text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text


def write_logs(folder: Path, lines: int, store: Path, seed: int = 7) -> list[Path]:
    """`unanswered.jsonl` and `feedback.jsonl` with `lines` lines between them."""
    rng = random.Random(seed)
    questions = [c.question for c in load_cases(EVAL)]
    entries = [e.id for e in load_store(store).entries]
    words = sorted({w for q in questions for w in q.lower().split() if w.isalpha()})
    misses, votes = [], []
    for n in range(lines):
        when = f"2026-11-{1 + n * 28 // lines:02d}T{n % 24:02d}:00:00Z"
        if n % 8 == 7:
            text = " ".join(rng.sample(words, rng.randint(3, 8)))
        else:
            text = _spelling(rng.choice(questions), rng)
        if n % 10 == 9:
            verdict = "down" if rng.random() < 0.6 else "up"
            record = {
                "time": when,
                "question": text,
                "entry": rng.choice(entries),
                "score": 70.0,
                "verdict": verdict,
            }
            votes.append(json.dumps(record, ensure_ascii=False))
        else:
            record = {"time": when, "text": text, "score": round(rng.uniform(0, 60), 1)}
            misses.append(json.dumps(record, ensure_ascii=False))
        if n % 5000 == 4999:
            misses.append(misses[-1][: len(misses[-1]) // 2])  # a torn line
    paths = [folder / "unanswered.jsonl", folder / "feedback.jsonl"]
    for path, rows in zip(paths, (misses, votes), strict=True):
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return paths


class ReviewBenchmarkError(Exception):
    """A command of the benchmark failed; the message holds its last stderr lines."""


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    took = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        reason = result.stderr.strip()[-500:]
        raise ReviewBenchmarkError(f"{' '.join(command[:4])} failed: {reason}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return took, cpu


def run(store: Path, quick: bool) -> list[Row]:
    """Median seconds of `review` (as shipped, then `--top 0`) against reading the same files."""
    lines = QUICK_LINES if quick else LINES
    rows = []
    with tempfile.TemporaryDirectory(prefix="release-bot-review-") as tmp:
        paths = write_logs(Path(tmp), lines, store)
        review = [sys.executable, "-m", "bot", "review", "--data-dir", tmp, "--store", str(store)]
        baseline = [sys.executable, "-c", _BASELINE, *map(str, paths)]
        variants = [("", []), (" --top 0 (every group matched)", ["--top", "0"])]
        for label, extra in variants[: 1 if quick else 2]:
            ours, base = [], []
            for _ in range(1 if quick else 3):
                ours.append(_timed([*review, *extra]))
                base.append(_timed(baseline))
            seconds = median([wall for wall, _ in ours])
            cpu = median([c for _, c in ours]), median([c for _, c in base])
            targeted = not quick and not extra
            rows.append(
                Row(
                    section="review",
                    benchmark=f"`python -m bot review{label}`, generated log of {lines:,} lines",
                    unit="s",
                    ours=seconds,
                    baseline=median([wall for wall, _ in base]),
                    baseline_name="`python -c` reading and JSON-parsing the same files",
                    target=f"ours < {TARGET_SECONDS:.0f} s" if targeted else "-",
                    ok=seconds < TARGET_SECONDS if targeted else None,
                    samples=len(ours),
                    note=f"CPU {cpu[0]:.2f} s against {cpu[1]:.2f} s (user + system)",
                )
            )
    return rows
