"""MkDocs hook (`hooks:` in mkdocs.yml): the parts of the site generated from the code at every build.

The CLI reference, the rule catalogue and the output schema are whole pages written from `newsclean.cli`,
the rule registry and the output models; tables inside hand-written pages are marked
`<!-- generated: NAME -->` and filled in the same way. None is written by hand, so none can drift from the
installed newsclean, and none exists outside the build: `docs/reference/` holds no files for them.
"""

from __future__ import annotations

import re

import cli_reference
import lsh_layouts
import output_schema
import rule_catalogue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from newsclean.cli import cli

#: Where each generated page sits in the site, and the function that writes it.
PAGES = {
    "reference/cli.md": lambda: cli_reference.render(cli),
    "reference/rules.md": rule_catalogue.render,
    "reference/output.md": output_schema.render,
}
#: The tables a page can ask for with `<!-- generated: NAME -->`.
TABLES = {"lsh-layouts": lsh_layouts.render}
MARKER = re.compile(r"<!-- generated: ([a-z-]+) -->")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src_uri, render in PAGES.items():
        files.append(File.generated(config, src_uri, content=render()))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def table(match: re.Match[str]) -> str:
        if match[1] not in TABLES:
            raise ValueError(f"{page.file.src_uri}: no generated table named {match[1]!r}")
        return TABLES[match[1]]()

    return MARKER.sub(table, markdown)
