"""newsclean over Parquet with pyarrow: clean a column batch by batch, and keep one row per story.

    clean_parquet("articles.parquet", "clean.parquet")
    kept = dedupe_table(pyarrow.parquet.read_table("clean.parquet"))
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

import newsclean


def clean_batch(batch: pa.RecordBatch, text: str = "text") -> pa.RecordBatch:
    """The batch with `clean_text` and `removed` columns; a row without a text gets nulls, never vanishes."""
    results = [newsclean.clean(raw) if isinstance(raw, str) else None for raw in batch.column(text).to_pylist()]
    clean_text = pa.array([r.text if r else None for r in results], pa.string())
    removed = pa.array([[x.kind for x in r.removals] if r else None for r in results], pa.list_(pa.string()))
    columns = [*batch.columns, clean_text, removed]
    return pa.RecordBatch.from_arrays(columns, names=[*batch.schema.names, "clean_text", "removed"])


def clean_parquet(source: str, target: str, text: str = "text", batch_size: int = 1_000) -> int:
    """Clean every row of the Parquet file `source` into `target`, holding one batch in memory at a time;
    returns the number of rows written."""
    written = 0
    writer: pq.ParquetWriter | None = None
    try:
        for batch in pq.ParquetFile(source).iter_batches(batch_size=batch_size):
            cleaned = clean_batch(batch, text)
            if writer is None:
                writer = pq.ParquetWriter(target, cleaned.schema)
            writer.write_batch(cleaned)
            written += cleaned.num_rows
    finally:
        if writer is not None:
            writer.close()
    return written


def dedupe_table(table: pa.Table) -> pa.Table:
    """The rows of `table` that are kept, one per story (`text` column; `id`, `source`, `date` when present)."""
    found = newsclean.dedupe(table.to_pylist())
    return table.filter(pa.array(found.kept))
