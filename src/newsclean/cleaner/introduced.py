"""Paragraphs that an insert line introduces: the caption after a photo credit alone on its line, and the
description of a video after the prompt that introduces it at the article's end.

Kompas and the pages that carry agency photos put the credit above the caption: `KOMPAS.com/SUCI RAHAYU`, then
`Sho Yamamoto (kiri) dibayangi ... di Stadion Gelora Bung Tomo, Minggu (2/11/2025).` The credit line is a
`caption.photo_line`; the caption after it reads like the lead of a match report, and no line rule can tell
it from prose on its own. Its place can: the line right after a credit that stands alone.

What it avoids: the credit often has the caption glued to it (`KOMPAS.com/ADITYOHarley-Davidson Nightster
Special`); then the next line is the article's, and it stays, so the credit must be a name alone (capitals,
or capitalised words and initials). After a credit the article itself may go on (`Desain tersebut dirancang
agar ...`, `Pertandingan Persis vs PSIM berakhir imbang.`), so only the caption's own shapes are taken: one
sentence without quotation or a reporting verb that ends on the photo's day and date (`..., Minggu
(2/11/2025).`, `... (27/10/2025) malam.`, `... (5/6/2025) di Stadion Utama Gelora Bung Karno.`, or written out
as agency captions date them: `... di Turin, pada 14 Desember 2024.`), a sentence-case
line without a sentence end, or an `Ilustrasi ...` line. A prose line with a date inside goes on after it and
stays; a two-sentence caption stays too (its second sentence may be the article's).

Liputan6 closes its pages with a video: `Saksikan Video Pilihan Berikut Ini:`, the video's description, then
the link to the next page (`Selanjutnya: ...`). The prompt is an `embed.video_prompt` line; the description
is taken only where it ends the article (nothing after it but next-page links) and is short, at most two
sentences without quotation: a prompt in the middle of an article is followed by the article's prose.
"""

from __future__ import annotations

import regex

from ..patterns.credits import PHOTO_AGENCY, PHOTOGRAPHER_NAME
from ..patterns.words import MONTHS_ID, REPORTING_VERBS
from .records import ArticleState

CAPTION_RULE = "caption.after_credit_line"
VIDEO_RULE = "embed.after_video_prompt"
#: The line rules whose paragraph may be a credit alone, with the caption after it.
CREDIT_LINE_RULES = frozenset({"caption.photo_line", "caption.agency_credit_alone"})
MAX_CAPTION_CHARS = 300
MIN_CAPTION_CHARS = 15
#: A caption without a sentence end describes the photo in a sentence's words; a subheading (`Gol Rivera Jadi
#: Penentu`), capitalised and short, is the article's and stays.
MIN_UNENDED_WORDS = 6
#: A photo credit alone on its line: the outlet or agency, a slash, and a name (up to five words in capitals,
#: or capitalised words and initials), nothing glued after it.
CREDIT_ALONE = regex.compile(
    r"(?:KOMPAS\.com|Kompas\.com|DOK\.|Dok\.|SHUTTERSTOCK|Shutterstock|TRIBUNNEWS\.COM|Tribunnews\.com|detikcom|"
    rf"{PHOTO_AGENCY})\s*/\s*{PHOTOGRAPHER_NAME}",
    regex.V1,
)
#: A caption's close: the photo's date in parentheses or written out (`pada 14 Desember 2024`, as agency
#: captions date them), then perhaps the time of day and the place, then a point.
DATE_AT_END = regex.compile(
    rf"(?:\(\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\)|\b\d{{1,2}}\s+(?:{MONTHS_ID})\s+\d{{4}})"
    r"(?:\s+(?:malam|pagi|siang|sore|dini\s+hari))?"
    r"(?:\s+di\s+[^.,()]{1,80}(?:\([^()]{1,20}\))?)?\.?$",
    regex.V1,
)
#: Liputan6's link to the next page of an article, after its closing video.
NEXT_PAGE_LINK = regex.compile(r"Selanjutnya\s*:", regex.V1)
SECOND_SENTENCE = regex.compile(r"[.!?]\s+\p{Lu}", regex.V1)
SPEECH = regex.compile(rf"[\"“”]|\b(?:{REPORTING_VERBS}|mengatakan|menyatakan|menjelaskan)(?:nya)?\b", regex.V1)


def is_credit_alone(text: str) -> bool:
    """Whether the stripped paragraph `text` is a photo credit and nothing else."""
    return CREDIT_ALONE.fullmatch(text) is not None


def _short_without_speech(text: str) -> bool:
    """What a caption and a video's description both are: short, with no quotation or reporting verb."""
    return MIN_CAPTION_CHARS <= len(text) <= MAX_CAPTION_CHARS and SPEECH.search(text) is None


def reads_as_caption(text: str) -> bool:
    """Whether the stripped paragraph `text`, right after a credit alone, has a caption's shape (module doc)."""
    if not _short_without_speech(text):
        return False
    if text.startswith("Ilustrasi"):
        return True
    if SECOND_SENTENCE.search(text):
        return False
    if DATE_AT_END.search(text):
        return True
    words = text.split()
    lowercase_words = sum(1 for word in words if word[0].islower())
    return text[-1] not in ".!?:;," and len(words) >= MIN_UNENDED_WORDS and lowercase_words >= MIN_UNENDED_WORDS // 2


def drop_caption_after_credit(state: ArticleState, index: int, credit: str) -> int:
    """Drop the paragraph after `index` when `credit` (its stripped text) is a credit alone and the next
    paragraph reads as its caption; the index of the last paragraph taken."""
    if index + 1 >= len(state.paragraphs) or not state.enabled(CAPTION_RULE) or not is_credit_alone(credit):
        return index
    if not reads_as_caption(state.paragraphs[index + 1].text.strip()):
        return index
    state.drop(index + 1, "caption", CAPTION_RULE)
    return index + 1


def drop_video_description(state: ArticleState, index: int, prompt: str) -> int:
    """Drop the paragraph after the video prompt at `index` (`prompt`, its stripped text) when it describes the
    video at the article's end (module doc); the index of the last paragraph taken."""
    following = index + 1
    if following >= len(state.paragraphs) or not prompt.endswith(":") or not state.enabled(VIDEO_RULE):
        return index
    if any(not NEXT_PAGE_LINK.match(p.text.strip()) for p in state.paragraphs[following + 1 :] if p.text.strip()):
        return index
    description = state.paragraphs[following].text.strip()
    if not _short_without_speech(description):
        return index
    if len(SECOND_SENTENCE.findall(description)) > 1 or NEXT_PAGE_LINK.match(description):
        return index
    state.drop(following, "embed", VIDEO_RULE)
    return following
