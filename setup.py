"""Build the optional C kernel `newsclean._speedups`.

Why optional: the pure-Python path in `newsclean.signature` is complete and bit-identical, so an install on a
machine without a compiler still works (just slower). CI and benchmarks set NEWSCLEAN_REQUIRE_SPEEDUPS=1 so a
broken C build fails loudly instead of silently measuring the slow path.
"""

from __future__ import annotations

import os
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


def _require_speedups() -> bool:
    """True when the environment demands the C kernel (CI, benchmarks)."""
    return os.environ.get("NEWSCLEAN_REQUIRE_SPEEDUPS", "") == "1"


class OptionalBuildExt(build_ext):
    """build_ext that downgrades a compile failure to a warning unless the kernel is required."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:
            self._skip(exc)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:
            self._skip(exc)

    def _skip(self, exc: BaseException) -> None:
        if _require_speedups():
            raise RuntimeError(f"NEWSCLEAN_REQUIRE_SPEEDUPS=1 but building newsclean._speedups failed: {exc}") from exc
        print(
            f"WARNING: newsclean._speedups was not built ({exc}); the pure-Python path will be used.",
            file=sys.stderr,
        )


def _compile_args() -> list[str]:
    """-O3 lets gcc vectorise the permutation loop; the SIMD width is chosen at load time, not here."""
    if sys.platform == "win32":
        return ["/O2"]
    return ["-O3", "-std=c11", "-fno-strict-aliasing", "-Wall", "-Wextra", "-Wno-unused-parameter"]


setup(
    ext_modules=[
        Extension(
            "newsclean._speedups",
            sources=["src/newsclean/_speedups.c"],
            extra_compile_args=_compile_args(),
            optional=not _require_speedups(),
        )
    ],
    cmdclass={"build_ext": OptionalBuildExt},
)
