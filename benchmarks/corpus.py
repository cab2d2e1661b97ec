"""Where the benchmarks get their articles: the corpus named by `run.py --corpus`, the shared real sample, or a
seeded synthetic Indonesian-like corpus.

`run.py` passes its choice down through the environment variable `NEWSCLEAN_BENCH_CORPUS` (a JSONL or
JSONL.gz path, or `synthetic`), so every benchmark module reads the same articles without each growing its
own option. Real articles are read at run time and never copied into the repository.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

ENV = "NEWSCLEAN_BENCH_CORPUS"
SYNTHETIC = "synthetic"
SHARED_REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "id-news-real.jsonl.gz"

#: Words of Indonesian news, with the shapes the tokenizer must handle (reduplication, numbers, dates).
_VOCAB_TEXT = (
    "yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan juga oleh sudah saat kata "
    "pemerintah presiden menteri rakyat daerah kota jakarta polisi warga harga pasar beras banjir jalan "
    "tol kesehatan vaksin sekolah guru murid ekonomi rupiah persen tahun bulan hari minggu ketua partai "
    "pemilu calon gubernur bupati desa kegiatan-kegiatan diplomat-diplomat covid-19 rp1.500 2024 (12/5) "
    "mengatakan menurut menambahkan sejumlah masyarakat pembangunan anggaran kebijakan wilayah provinsi"
)
_VOCAB = tuple(_VOCAB_TEXT.split(" "))


def corpus_path() -> Path | None:
    """The JSONL corpus to read, or None for the synthetic one."""
    chosen = os.environ.get(ENV, "")
    if chosen == SYNTHETIC:
        return None
    if chosen:
        return Path(chosen)
    return SHARED_REAL if SHARED_REAL.exists() else None


def describe() -> str:
    path = corpus_path()
    return f"real articles ({path.name})" if path else "synthetic Indonesian-like articles (seed 0)"


def synthetic_articles(n: int, seed: int = 0) -> list[dict]:
    """`n` articles of 150-450 words in 3-8 paragraphs, some opening with an outlet dateline."""
    rng = random.Random(seed)
    datelines = ("JAKARTA, KOMPAS.com - ", "Jakarta (ANTARA) - ", "Liputan6.com, Jakarta - ", "")
    out = []
    for i in range(n):
        paragraphs = []
        for _ in range(rng.randint(3, 8)):
            words = [rng.choice(_VOCAB) for _ in range(rng.randint(40, 70))]
            words[0] = words[0].capitalize()
            paragraphs.append(" ".join(words) + ".")
        paragraphs[0] = rng.choice(datelines) + paragraphs[0]
        title = " ".join(rng.choice(_VOCAB) for _ in range(8)).title()
        out.append({"id": f"syn-{i}", "title": title, "text": "\n\n".join(paragraphs)})
    return out


def records(path: Path, limit: int | None = None) -> Iterator[dict]:
    """The records of a JSONL or JSONL.gz file that are objects with a string `text` (malformed lines and other
    records skipped), the first `limit` of them."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        count = 0
        for line in lines:
            if limit is not None and count >= limit:
                return
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                count += 1
                yield record


def articles(n: int, *, spread: bool = False) -> list[dict]:
    """`n` records with a non-empty text (id, title, text and whatever else they carry): the first `n`, or
    with `spread` `n` taken at even steps through the whole file, so that a small sample of a corpus built
    from many datasets in turn is not all one outlet and one year."""
    path = corpus_path()
    if path is None:
        return synthetic_articles(n)
    usable = (record for record in records(path) if record["text"].strip())
    if not spread:
        return list(itertools.islice(usable, n))
    everything = list(usable)
    step = max(1.0, len(everything) / n)
    return [everything[int(k * step)] for k in range(min(n, len(everything)))]


def texts(n: int) -> list[str]:
    return [r["text"] for r in articles(n)]
