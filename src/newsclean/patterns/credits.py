"""Credits, bylines and footers: who wrote or edited the article, and the site furniture after it.

The traps decide the shapes here (see docs/boilerplate-catalog.md in the shared docs): `(AS)`, `(30/8)`,
`(21)`, `PT Suzuki Indomobil Sales (SIS)` and `Marouane Fellaini (Belgia)` are prose. So an editor code in
parentheses is removed only where prose cannot be: on its own line, or at the end of the last body paragraph
*after* the sentence has ended (`...tewasnya Randi. (tor/fjp)`), never glued to a word before a period.
Labels (`Editor:`, `Penulis:`) need a colon and a capital: `menurut penulis hal ini` stays.
"""

from __future__ import annotations

from .base import rule

#: An editor/wire code in parentheses: `(esn/indo)`, `(tor/fjp)`, `(*/Ria)`, `(kpl/pur/tch)`, `(Sputnik)`,
#: `(kid)`, `( Wan)`, `(*)`, `[eko]`. Slash codes need a letter in every part, so dates like `(30/8)` fail.
SLASH_CODE = r"\(\s*[\p{L}*][\p{L}\d*.]{0,15}(?:\s*/\s*[\p{L}*][\p{L}\d*.]{0,15}){1,3}\s*\)"
WORD_CODE = r"\(\s*(?:\p{L}[\p{L}.]{0,14}|\*|end)\s*\)"
SQUARE_CODE = r"\[\s*\p{L}[\p{L}/]{1,14}\s*\]"
CREDIT_CODE = rf"(?:{SLASH_CODE}|{WORD_CODE}|{SQUARE_CODE})"
#: What a `CREDIT_CODE` starts with.
CREDIT_CODE_OPENINGS = ("(", "[")

#: Labels that open a byline or source line in the footer zone.
BYLINE_LABEL = (
    r"(?:Pewarta|PEWARTA|Editor|EDITOR|Penulis|PENULIS|Reporter|REPORTER|Redaktur|REDAKTUR|Penyunting|"
    r"Fotografer|Kontributor|Laporan\s+Wartawan|Laporan|Writer|Editor\s+Foto|Copy\s+Editor|Sumber|SUMBER|sumber)"
)
#: What a text opening with `BYLINE_LABEL` starts with (the label's first word, as written).
BYLINE_LABEL_OPENINGS = (
    *("Pewarta", "PEWARTA", "Editor", "EDITOR", "Penulis", "PENULIS", "Reporter", "REPORTER", "Redaktur"),
    *("REDAKTUR", "Penyunting", "Fotografer", "Kontributor", "Laporan", "Writer", "Copy", "Sumber", "SUMBER"),
    "sumber",
)
#: The lowercase words of those labels: the rules' triggers, and substrings a match must contain.
BYLINE_WORDS = (
    "pewarta",
    "editor",
    "penulis",
    "reporter",
    "redaktur",
    "penyunting",
    "fotografer",
    "kontributor",
    "laporan",
    "writer",
    "sumber",
)

#: Words that open furniture after the article: a chain of these at the end of the last paragraph is cut.
FOOTER_OPENERS = (
    r"(?:Copyright|COPYRIGHT|Hak\s+Cipta|©|\(c\)\s*\d{4}|All\s+Rights?\s+Reserved|Dilarang\s+keras|"
    r"Artikel\s+ini\s+telah\s+(?:tayang|naik|terbit)|Kirim\s+Komentar|Komentar\s+menjadi\s+tanggung)"
)

#: The footer openers' triggers: substrings, since a notice may be glued to what precedes it
#: (`ADVERTISEMENTCopyright 2024`), and the word `c` of `(c) 2024`.
FOOTER_TRIGGERS = ("~copyright", "~cipta", "©", "~reserved", "~dilarang", "~artikel", "~komentar", "c")

CREDIT_RULES = (
    rule(
        "credit.code_line",
        "credit",
        "line",
        rf"{CREDIT_CODE}(?:\s*{CREDIT_CODE})?\.?",
        "An editor or wire code alone on a line: `(esn/indo)`, `(Sputnik)`, `(kpl/khs)`, `(SIS)` after `**`.",
        trigger=(),
        first_chars="([",
    ),
    rule(
        "credit.trailing_code",
        "credit",
        "tail",
        rf"(?<=[.!?\"”'’)\]]\s{{0,3}}){CREDIT_CODE}\s*$",
        "A code at the end of the last body paragraph, after the sentence ended: `...Randi. (tor/fjp)`, "
        "`...kata dia.(zik)`. `...warna biru (biru).` and `Fellaini (Belgia)` end differently and stay.",
        needs=("(", "["),
        # Its lookbehind would be tested at every position of the paragraph: tried where a code opens.
        starts_with=CREDIT_CODE_OPENINGS,
    ),
    rule(
        "credit.source_line",
        "credit",
        "line",
        r"(?i:sumber|source)\s*:\s*[^\n.!?]{2,80}",
        "`sumber : ANTARA`, `Sumber: Antara Foto` lines after Republika articles.",
        trigger=("sumber", "source"),
        first_chars="s",
    ),
    rule(
        "byline.name_in_parentheses_line",
        "byline",
        "line",
        r"\(\s*\p{Lu}[\p{L}.'’]*(?:\s+\p{Lu}[\p{L}.'’]*){0,5}\s*\)",
        "An editor's full name on its own line: `(Fitra Iskandar)`, `(Yohanes H Wahyu Tomo)`.",
        trigger=(),
        first_chars="(",
    ),
    rule(
        "byline.label_line",
        "byline",
        "line",
        rf"{BYLINE_LABEL}\s*:\s*[^\n]{{1,120}}",
        "`Editor: Oki Budiman`, `EDITOR : Rahmad`, `Penulis: Arby Salim`, `Pewarta: ... Editor: ...` lines.",
        trigger=BYLINE_WORDS,
        first_chars="perfklwcs",
        starts_with=BYLINE_LABEL_OPENINGS,
    ),
    rule(
        "byline.label_chain",
        "byline",
        "tail",
        rf"(?:(?<=^)|(?<=[.!?\"”)]\s?)|(?<=\s)){BYLINE_LABEL}\s*:\s*\p{{Lu}}[^\n]{{0,300}}$",
        "Antara glues `Pewarta: X Editor: Y Copyright © ANTARA 2025 ...` to the last paragraph; from the first "
        "label to the end is furniture when the label sits after a sentence end in the last paragraph.",
        trigger=BYLINE_WORDS,
        needs=BYLINE_WORDS,
    ),
    rule(
        "byline.reporter_line",
        "byline",
        "line",
        r"(?:Laporan\s+(?:Wartawan|Reporter|Koresponden)\s+[^\n]{3,80}|Laporan\s+\p{Lu}[^\n.!?]{3,60}|"
        r"Tim\s+Redaksi|Penulis\s+\p{Lu}[^\n.!?]{2,40}|Reporter\s*:[^\n]{2,60}|Oleh\s*:?\s+\p{Lu}[^\n.!?]{2,50})",
        "Tribun's `Laporan Wartawan TribunSolo.com, Zharfan Muhana` and `Laporan X I Aceh Barat Daya` lines.",
        trigger=("laporan", "redaksi", "penulis", "reporter", "oleh"),
        first_chars="ltpro",
        starts_with=("Laporan", "Tim", "Penulis", "Reporter", "Oleh"),
    ),
    rule(
        "footer.line",
        "footer",
        "line",
        rf"[^\n]{{0,40}}{FOOTER_OPENERS}[^\n]{{0,300}}",
        "Copyright, syndication and comment-widget lines: `Copyright 2008 - 2025 PT. Kompas Cyber Media`, "
        "`Artikel ini telah tayang di Kompas.com dengan judul ...`, `Kirim Komentar`.",
        trigger=FOOTER_TRIGGERS,
        needs=("copyright", "cipta", "©", "(c)", "reserved", "dilarang", "artikel", "komentar"),
    ),
    rule(
        "footer.chain_to_end",
        "footer",
        "tail",
        rf"(?:(?<=^)|(?<=[.!?\"”)]\s?)|(?<=\s)){FOOTER_OPENERS}[^\n]{{0,400}}$",
        "A copyright or syndication notice glued to the end of the last paragraph.",
        trigger=FOOTER_TRIGGERS,
        needs=("copyright", "cipta", "©", "(c)", "reserved", "dilarang", "artikel", "komentar"),
    ),
    rule(
        "footer.comment_count",
        "footer",
        "line",
        r"\d{1,5}\s+(?i:komentar|comments?)",
        "Okezone's `0 Komentar` widget line.",
        trigger=("komentar", "~comment"),
        needs=("komentar", "comment"),
    ),
    rule(
        "footer.google_news",
        "promo",
        "line",
        r"[^\n]{0,80}(?i:di\s+google\s+news|google\s+news\s+\w+)[^\n]{0,80}",
        "`Baca berita Wartakotalive.com lainnya di Google News.` and its variants, as a line of their own.",
        trigger=("~google",),
        needs=("google",),
    ),
    rule(
        "footer.truncation",
        "other",
        "tail",
        r"(?:…|\.\.\.)\s*\[\+\d+\s+chars\]\s*$",
        "NewsAPI's truncation marker `… [+2570 chars]`.",
        trigger=("chars",),
        needs=("chars]",),
    ),
)
