"""The compiled cleaner (mypyc, see setup.py) is the same program as its Python source.

When the installed package is compiled, the same texts are cleaned by the installed modules and, in a
subprocess, by the .py files of this checkout; every result must be identical. CI sets
NEWSCLEAN_REQUIRE_SPEEDUPS=1, under which the cleaner must have been compiled.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import newsclean
from newsclean import clean

SOURCE = Path(__file__).resolve().parent.parent / "src"
PIECES = [
    "JAKARTA, KOMPAS.com - ",
    "REPUBLIKA.CO.ID, MOSKOW -- ",
    "Jakarta (ANTARA) - ",
    "Harga cabai naik lagi di pasar induk.",
    " Pedagang mengeluh sepi pembeli,",
    "\nBaca juga: Harga Beras Turun Jelang Lebaran\n",
    "\nADVERTISEMENT\n",
    "SCROLL TO CONTINUE WITH CONTENT",
    " (esn/indo)",
    "\n(Sputnik)\n",
    "\n\n",
    "\n",
    "Foto: Budi/detikcom",
    " Ikuti WhatsApp Channel Kabarkita.",
    "Amerika Serikat (AS)-Iran",
    "â€œ",
    "\u00a0",
]


def _texts() -> list[str]:
    rnd = random.Random(11)
    texts = [p.read_text(encoding="utf-8") for p in sorted((SOURCE.parent / "seeds").glob("*.txt"))]
    texts += ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 30))) for _ in range(300)]
    return texts


def _results(texts: list[str]) -> list[dict]:
    return [clean(text, title="Harga Cabai Naik Lagi").model_dump(mode="json") for text in texts]


def test_the_cleaner_is_compiled_when_required() -> None:
    if os.environ.get("NEWSCLEAN_REQUIRE_SPEEDUPS") != "1":
        pytest.skip("NEWSCLEAN_REQUIRE_SPEEDUPS is not set")
    assert newsclean.CLEANER_BACKEND == "compiled"


@pytest.mark.skipif(newsclean.CLEANER_BACKEND != "compiled", reason="the installed cleaner is not compiled")
def test_the_compiled_cleaner_gives_what_its_python_source_gives() -> None:
    texts = _texts()
    script = (
        "import json, sys\n"
        "import newsclean\n"
        "assert newsclean.CLEANER_BACKEND == 'python', newsclean.__file__\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_build import _results\n"
        "print(json.dumps(_results(json.load(sys.stdin))))\n"
    )
    # The checkout's src/ holds no compiled C kernel either: the signature path is not what is compared here.
    env = {**os.environ, "PYTHONPATH": str(SOURCE), "NEWSCLEAN_PUREPYTHON": "1"}
    env.pop("NEWSCLEAN_REQUIRE_SPEEDUPS", None)
    done = subprocess.run(
        [sys.executable, "-c", script], input=json.dumps(texts), capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == _results(texts)
