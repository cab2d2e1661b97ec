"""Build the optional compiled parts: the C kernel `newsclean._speedups`, the C trigger scanner
`newsclean._wordscan`, and the cleaner compiled by mypyc.

Why optional: the pure-Python paths are complete and identical (`newsclean.signature` is the kernel's
specification; the cleaner's .py files are the only source of the compiled modules), so an install on a
machine without a compiler still works, just slower. CI and benchmarks set NEWSCLEAN_REQUIRE_SPEEDUPS=1 so a
broken build fails loudly instead of silently measuring the slow path.

The cleaner is compiled by mypyc (part of mypy, a build requirement): most of `clean`'s time is the engine's
own Python work around the regex calls (per-paragraph gates, spans, passes), which mypyc turns into C calls
(1.35x on the real sample, outputs byte-identical; docs/design/cleaning.md). Editable installs skip it, so that an
edited .py file takes effect without a rebuild; NEWSCLEAN_NO_COMPILE=1 skips it everywhere.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


def _require_speedups() -> bool:
    """True when the environment demands the compiled parts, the C kernel and the cleaner (CI, benchmarks)."""
    return os.environ.get("NEWSCLEAN_REQUIRE_SPEEDUPS", "") == "1"


#: The cleaner's modules compiled by mypyc: the engine (`newsclean.cleaner`: the passes, the zones, the records,
#: the rule selection, the regex calls and the gates), the helpers it calls per paragraph, the normalizer and
#: the rule record (`patterns/base.py`); and learning's per-article loop (`learning/learn.py`, with the story
#: grouping and the kinds it calls). Not `cleaner/reference.py`, the slow specification the tests hold the
#: engine to (it stays Python), nor `cleaner/pattern_facts.py`, which only the tests use.
COMPILED_CLEANER = [
    "src/newsclean/cleaner/passes.py",
    "src/newsclean/cleaner/offsets.py",
    "src/newsclean/cleaner/records.py",
    "src/newsclean/cleaner/lead.py",
    "src/newsclean/cleaner/lines.py",
    "src/newsclean/cleaner/headlines.py",
    "src/newsclean/cleaner/inline.py",
    "src/newsclean/cleaner/tail.py",
    "src/newsclean/cleaner/repeats.py",
    "src/newsclean/cleaner/selection.py",
    "src/newsclean/cleaner/regexes.py",
    "src/newsclean/cleaner/gates.py",
    "src/newsclean/cleaner/learned.py",
    "src/newsclean/learning/units.py",
    "src/newsclean/learning/learn.py",
    "src/newsclean/learning/stories.py",
    "src/newsclean/learning/kinds.py",
    "src/newsclean/learning/matcher.py",
    "src/newsclean/paragraphs.py",
    "src/newsclean/repeats.py",
    "src/newsclean/normalization.py",
    "src/newsclean/boundaries.py",
    "src/newsclean/patterns/base.py",
]
#: Third-party packages (regex, pydantic, ftfy) are not installed in the isolated build: their types are Any.
MYPY_OPTIONS = ["--ignore-missing-imports", "--follow-imports=silent"]


@functools.cache
def _compiled_cleaner() -> list[Extension]:
    """The mypyc extensions of the cleaner, or none when mypyc is missing, disabled or fails to generate them."""
    if os.environ.get("NEWSCLEAN_NO_COMPILE", "") == "1":
        return []
    try:
        from mypyc.build import mypycify

        return mypycify([*MYPY_OPTIONS, *COMPILED_CLEANER], opt_level="3", group_name="newsclean_cleaner")
    except Exception as exc:
        if _require_speedups():
            raise RuntimeError(f"NEWSCLEAN_REQUIRE_SPEEDUPS=1 but mypyc failed on the cleaner: {exc}") from exc
        print(f"WARNING: the cleaner was not compiled ({exc}); it runs as Python.", file=sys.stderr)
        return []


class OptionalBuildExt(build_ext):
    """build_ext that downgrades a compile failure to a warning unless the compiled parts are required, and
    leaves the mypyc modules out of editable installs (a compiled module would shadow its edited .py file).

    The mypyc modules go in together or not at all: each module's stub imports one shared library, so a
    partial set would break `import newsclean`.
    """

    def finalize_options(self) -> None:
        original = self.distribution.ext_modules
        if not _editable(self):
            # Added here, not at setup() time, so that the metadata steps do not type-check the package; and
            # only for this command, so that an editable build finalized later does not inherit them.
            self.distribution.ext_modules = [*(original or []), *_compiled_cleaner()]
        try:
            super().finalize_options()
        finally:
            self.distribution.ext_modules = original

    def run(self) -> None:
        self._cleaner_failed = False
        try:
            super().run()
        except Exception as exc:
            self._skip("the compiled extensions", exc)
        if self._cleaner_failed:
            for ext in self.extensions:
                if _is_cleaner(ext):
                    with contextlib.suppress(OSError):
                        os.remove(self.get_ext_fullpath(ext.name))

    def build_extension(self, ext: Extension) -> None:
        if _is_cleaner(ext) and self._cleaner_failed:
            return
        try:
            super().build_extension(ext)
        except Exception as exc:
            self._cleaner_failed = self._cleaner_failed or _is_cleaner(ext)
            self._skip(ext.name, exc)

    def _skip(self, what: str, exc: BaseException) -> None:
        if _require_speedups():
            raise RuntimeError(f"NEWSCLEAN_REQUIRE_SPEEDUPS=1 but building {what} failed: {exc}") from exc
        print(f"WARNING: {what} not built ({exc}); the pure-Python path will be used.", file=sys.stderr)


def _editable(command: build_ext) -> bool:
    """An editable install (`pip install -e .`): setuptools runs the `editable_wheel` command for it."""
    return bool(getattr(command, "editable_mode", False)) or "editable_wheel" in sys.argv


def _is_cleaner(ext: Extension) -> bool:
    return ext.name not in C_EXTENSIONS


def _compile_args() -> list[str]:
    """-O3 lets gcc vectorise the permutation loop; the SIMD width is chosen at load time, not here."""
    if sys.platform == "win32":
        return ["/O2"]
    return ["-O3", "-std=c11", "-fno-strict-aliasing", "-Wall", "-Wextra", "-Wno-unused-parameter"]


#: The hand-written C extensions: the shingling/hashing kernel, and the cleaner's trigger-word scanner.
C_EXTENSIONS = ("newsclean._speedups", "newsclean._wordscan")

setup(
    ext_modules=[
        Extension(
            name,
            sources=[f"src/{name.replace('.', '/')}.c"],
            extra_compile_args=_compile_args(),
            optional=not _require_speedups(),
        )
        for name in C_EXTENSIONS
    ],
    cmdclass={"build_ext": OptionalBuildExt},
)
