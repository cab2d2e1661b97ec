"""Cleaning never loses a sentence: a repeat is removed only while a copy of it stays in the output."""

from __future__ import annotations

from newsclean import clean
from newsclean.repeats import repeat_key

LEAD = (
    "Tiga ekor gajah mencari makan di areal suaka margasatwa di Ogan Komering Ilir, Sumatera Selatan, "
    "pada Rabu (18/6/2025)."
)
BODY = "Suaka margasatwa seluas sekitar 600 ribu hektare itu menjadi rumah bagi 127 ekor gajah."
PROMO = "Ikuti Whatsapp Channel Republikasumber : Antara Foto"


def _glued_caption_article() -> str:
    """A scrape whose first paragraph glues the lead, the body and a promo, then repeats them one by one."""
    return "\n".join(
        [
            f"REPUBLIKA.CO.ID, OKI -- {LEAD}{BODY}{PROMO}",
            f"REPUBLIKA.CO.ID, OKI -- {LEAD}",
            f"{BODY}{PROMO}",
            BODY,
        ]
    )


def test_a_repeat_whose_first_copy_goes_as_a_caption_keeps_one_copy() -> None:
    result = clean(_glued_caption_article())
    assert result.text.count(BODY) == 1
    assert result.text.count(LEAD) == 1
    assert PROMO not in result.text
    assert clean(result.text).text == result.text


def test_every_repeat_removed_has_a_copy_in_the_output() -> None:
    result = clean(_glued_caption_article())
    kept = repeat_key(result.text)
    for removal in result.removals:
        if removal.kind == "repeat":
            assert repeat_key(removal.text.replace(PROMO, "")) in kept
