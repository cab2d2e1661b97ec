"""Large input: `newsclean clean` streams a big JSONL file in bounded memory, and `newsclean dedupe` memory grows
with the number of articles, not with their length.

    python benchmarks/large_input.py            # clean: 200 MB and 2 GB files; dedupe: 20,000 articles x 2 lengths
    python benchmarks/large_input.py --quick    # clean: 8 MB and 40 MB; dedupe: 2,000 articles (about 60 s)
    python benchmarks/large_input.py --clean-sizes-mb 100,1000 --dedupe-articles 10000

Synthetic articles (made-up Indonesian sentences with a dateline, a `Baca juga` line and a credit, so the
cleaner has work) are written to a temporary directory, never to the repository. A pool of distinct articles
is repeated with new ids to reach the file size: writing 2 GB stays disk-bound, and the cleaner does the same
work per byte as on distinct articles. Peak RSS is the child's `ru_maxrss` from `os.wait4`, one fresh
process per measurement. Rows for benchmarks/run.py come from `run(quick)`; `--out` writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VOCABULARY = (
    "pemerintah kota menyiapkan personel gabungan untuk mengamankan perayaan malam tahun baru di alun-alun "
    "kepala dinas perhubungan mengatakan ruas jalan ditutup sejak sore hingga acara selesai harga cabai rawit "
    "pasar tradisional naik menjadi per kilogram dalam sepekan terakhir warga diimbau menggunakan transportasi "
    "umum karena kantong parkir terbatas polisi berjaga sekitar lokasi pedagang mengeluh pasokan berkurang "
    "hujan deras membuat petani gagal panen bupati meninjau banjir yang merendam rumah warga desa sekolah"
)
POOL_SIZE = 500


def article_text(rnd: random.Random, words: int) -> str:
    """One made-up article of about `words` words: dateline, paragraphs of 40-80 words, furniture at the end."""
    vocabulary = VOCABULARY.split()
    paragraphs, left = [], words
    while left > 0:
        size = min(left, rnd.randint(40, 80))
        sentence = " ".join(rnd.choice(vocabulary) for _ in range(size))
        paragraphs.append(sentence[0].upper() + sentence[1:] + ".")
        left -= size
    return "JAKARTA, KOMPAS.com - " + "\n\n".join(paragraphs) + "\n\nBaca juga: Harga Cabai Naik Lagi\n\n(esn/indo)"


def write_corpus(path: Path, *, target_bytes: int | None = None, articles: int | None = None, words: int,
                 seed: int = 11) -> tuple[int, int]:
    """Write JSONL until `target_bytes` or `articles` is reached; returns (articles, bytes).

    With `articles` given every article is distinct (dedupe must not see duplicates); with `target_bytes` a
    pool of distinct articles is cycled with fresh ids (clean does the same work on every copy).
    """
    rnd = random.Random(seed)
    distinct = articles is not None
    pool = [] if distinct else [article_text(rnd, words) for _ in range(POOL_SIZE)]
    written = count = 0
    with path.open("w", encoding="utf-8") as fh:
        while (count < articles) if distinct else (written < (target_bytes or 0)):
            text = article_text(rnd, words) if distinct else pool[count % POOL_SIZE]
            line = json.dumps({"id": count, "title": f"Berita {count}", "text": text}, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line)
            count += 1
    return count, os.path.getsize(path)


def peak_rss(args: list[str]) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of `newsclean ARGS` run as a fresh child process."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "newsclean", *args], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"newsclean {' '.join(args)} exited {child.returncode}")
    return usage.ru_maxrss / 1024, time.perf_counter() - start


def clean_rows(sizes_mb: tuple[int, int], tmp: Path) -> list[dict]:
    """Peak RSS of `newsclean clean` on a small and a large file of the same articles (ratio near 1: bounded)."""
    measured = []
    for size in sizes_mb:
        data = tmp / f"clean-{size}mb.jsonl"
        count, nbytes = write_corpus(data, target_bytes=size * 2**20, words=400)
        rss, seconds = peak_rss(["clean", str(data), "-o", str(tmp / "clean-out.jsonl"), "--workers", "1"])
        print(f"large_input: clean {nbytes / 2**20:,.0f} MB ({count:,} articles): peak RSS {rss:.0f} MB, "
              f"{seconds:.1f} s ({nbytes / 2**20 / seconds:.1f} MB/s)", file=sys.stderr)
        measured.append((size, rss, seconds, nbytes))
        data.unlink()
        (tmp / "clean-out.jsonl").unlink()
    (small, small_rss, _, _), (large, large_rss, large_s, large_bytes) = measured
    return [
        {"name": f"clean_peak_rss_mb[{large}MB file]", "value": round(large_rss, 1), "unit": "MB",
         "baseline": round(small_rss, 1), "ratio": round(large_rss / small_rss, 3),
         "vs": f"the same command on a {small} MB file of the same articles ({large // small}x smaller)"},
        {"name": f"clean_stream_mb_per_s[{large}MB file]", "value": round(large_bytes / 2**20 / large_s, 2),
         "unit": "MB/s", "baseline": None, "ratio": None, "vs": "wall time of the whole process, 1 core"},
    ]


def dedupe_rows(articles: int, tmp: Path) -> list[dict]:
    """Peak RSS of `newsclean dedupe` on the same number of articles at two lengths (4x apart), both past the
    1,024-shingle sketch cap (`newsclean.clusters.SKETCH_SIZE`), where per-article state stops growing."""
    measured = []
    for words in (1500, 6000):
        data = tmp / f"dedupe-{words}.jsonl"
        _, nbytes = write_corpus(data, articles=articles, words=words)
        rss, seconds = peak_rss(["dedupe", str(data), "-o", str(tmp / "kept.jsonl"), "--workers", "1",
                                 "--report", str(tmp / "report.json")])
        stats = json.loads((tmp / "report.json").read_text())["stats"]
        print(f"large_input: dedupe {articles:,} articles x {words} words ({nbytes / 2**20:,.0f} MB): peak RSS "
              f"{rss:.0f} MB, {stats['bytes_per_record']:,.0f} bytes/record held, {seconds:.1f} s", file=sys.stderr)
        measured.append((words, rss, stats["bytes_per_record"], nbytes))
        data.unlink()
    (short, short_rss, short_held, short_bytes), (long, long_rss, long_held, long_bytes) = measured
    return [
        {"name": f"dedupe_peak_rss_mb[{articles} articles x {long} words]", "value": round(long_rss, 1),
         "unit": "MB", "baseline": round(short_rss, 1), "ratio": round(long_rss / short_rss, 3),
         "vs": f"the same number of articles of {short} words (input {long_bytes / short_bytes:.1f}x smaller)"},
        {"name": f"dedupe_bytes_held_per_article[{long} words]", "value": round(long_held),
         "unit": "bytes", "baseline": round(short_held), "ratio": round(long_held / short_held, 2),
         "vs": f"articles of {short} words; the run's own figure (signature, shingle hashes, columns, ids)"},
    ]


def run(quick: bool, clean_sizes_mb: tuple[int, int] | None = None, dedupe_articles: int | None = None) -> list[dict]:
    """Rows for benchmarks/run.py. Quick mode stays under 90 s on two shared cores: `clean` runs at about
    2 MB/s on these articles there, so its files are 8 and 40 MB (the full run's 200 MB and 2 GB take 20 min)."""
    sizes = clean_sizes_mb or ((8, 40) if quick else (200, 2048))
    articles = dedupe_articles or (2_000 if quick else 20_000)
    with tempfile.TemporaryDirectory(prefix="newsclean-large-") as tmp:
        return clean_rows(sizes, Path(tmp)) + dedupe_rows(articles, Path(tmp))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="8 MB and 40 MB files, 2,000 articles")
    parser.add_argument("--clean-sizes-mb", default=None, help="two file sizes for clean, e.g. 200,2048")
    parser.add_argument("--dedupe-articles", type=int, default=None, help="articles per dedupe run")
    parser.add_argument("--out", type=Path, default=None, help="write the rows as JSON here")
    args = parser.parse_args(argv)
    sizes = tuple(int(x) for x in args.clean_sizes_mb.split(",")) if args.clean_sizes_mb else None
    if sizes is not None and len(sizes) != 2:
        parser.error("--clean-sizes-mb takes two sizes")
    rows = run(args.quick, sizes, args.dedupe_articles)  # type: ignore[arg-type]
    for row in rows:
        ratio = f"  ratio {row['ratio']}" if row["ratio"] is not None else ""
        print(f"{row['name']:55s} {row['value']:>10} {row['unit']:6s} baseline {row['baseline']}{ratio}")
    if args.out:
        args.out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
