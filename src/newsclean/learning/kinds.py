"""The kind a learned segment is reported as: from the words it holds, else from where it sits.

The kind only labels a removal (and lets `--disable-kind` turn learned removals of that kind off); what is
removed was decided by recurrence. Cues are checked in order, on the segment's exact key (casefolded words).
"""

from __future__ import annotations

from typing import Final

import regex

from ..models import RemovalKind

#: (kind, words that mark it), first match wins: a video promo (`Simak video berikut`) is an embed before it
#: is a promo, a related-link label before anything it names.
KIND_CUES: Final[tuple[tuple[RemovalKind, tuple[str, ...]], ...]] = (
    ("related", ("baca juga", "baca", "artikel terkait", "berita terkait", "lihat juga", "topik terkait")),
    ("ad", ("advertisement", "iklan", "scroll", "loading", "sponsored", "adsbygoogle")),
    ("embed", ("video", "gambas", "infografis", "instagram", "twitter", "tiktok", "youtube", "foto")),
    ("nav", ("halaman", "selanjutnya", "sebelumnya", "next", "prev")),
    ("byline", ("penulis", "editor", "reporter", "pewarta", "wartawan", "kontributor", "berkontribusi", "redaktur")),
    ("caption", ("ilustrasi", "dok", "istimewa")),
    ("tags", ("tag", "tags", "topik", "kata kunci")),
    (
        "promo",
        (
            "simak",
            "ikuti",
            "follow",
            "whatsapp",
            "google news",
            "klik",
            "download",
            "unduh",
            "langganan",
            "channel",
            "telegram",
            "gabung",
            "subscribe",
        ),
    ),
    ("footer", ("copyright", "hak cipta", "disclaimer", "artikel ini", "all rights reserved")),
)
CUE_PATTERNS: Final = tuple(
    (kind, regex.compile(r"\b(?:" + "|".join(regex.escape(w) for w in words) + r")\b")) for kind, words in KIND_CUES
)


def cued_kind(key: str) -> RemovalKind | None:
    """The kind the words of `key` name, if any."""
    for kind, pattern in CUE_PATTERNS:
        if pattern.search(key):
            return kind
    return None


def kind_of(key: str, zones: tuple[str, ...]) -> RemovalKind:
    """The kind of a learned segment with exact key (or template) `key`, seen in `zones`."""
    cued = cued_kind(key)
    if cued is not None:
        return cued
    if zones == ("lead",):
        return "dateline" if len(key.split()) <= 4 else "byline"
    if zones == ("tail",):
        return "footer"
    return "other"
