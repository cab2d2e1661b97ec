"""Credits, bylines and footers: who wrote or edited the article, and the site furniture after it.

The traps decide the shapes here (see docs/boilerplate-catalog.md in the shared docs): `(AS)`, `(30/8)`,
`(21)`, `PT Suzuki Indomobil Sales (SIS)` and `Marouane Fellaini (Belgia)` are prose. So an editor code in
parentheses is removed only where prose cannot be: on its own line, or at the end of the last body paragraph
*after* the sentence has ended (`...tewasnya Randi. (tor/fjp)`), never glued to a word before a period.
Labels (`Editor:`, `Penulis:`) need a colon and a capital: `menurut penulis hal ini` stays.
"""

from __future__ import annotations

from ..cleaner.gates import may_close_with_capitals
from .base import rule
from .examples import BODY, BODY2

#: An editor/wire code in parentheses: `(esn/indo)`, `(tor/fjp)`, `(*/Ria)`, `(kpl/pur/tch)`, `(Sputnik)`,
#: `(kid)`, `( Wan)`, `(*)`, `[eko]`, `(K24)`, `(D011)`, `(mg1)`. Slash codes need a letter in every part, so
#: dates like `(30/8)` fail; a code with digits is capitals then two or three digits, or lowercase letters then
#: digits: `(21)` and `(2024)` have no letter, and `(U-23)`, `(H-3)` and `(R2)` are prose (an age group, a day
#: before a holiday, a ring road), so Media Indonesia's `(Z-3)` stays.
SLASH_CODE = r"\(\s*[\p{L}*][\p{L}\d*.]{0,15}(?:\s*/\s*[\p{L}*][\p{L}\d*.]{0,15}){1,3}\s*\)"
WORD_CODE = r"\(\s*(?:\p{L}[\p{L}.]{0,14}|\p{Lu}{1,4}\d{2,3}|\p{Ll}{1,4}\d{1,3}|\*|end)\s*\)"
SQUARE_CODE = r"\[\s*\p{L}[\p{L}/]{1,14}\s*\]"
CREDIT_CODE = rf"(?:{SLASH_CODE}|{WORD_CODE}|{SQUARE_CODE})"
#: What a `CREDIT_CODE` starts with.
CREDIT_CODE_OPENINGS = ("(", "[")

#: A photographer's name after a photo credit's slash (`KOMPAS.com/SUCI RAHAYU`, `ANTARA FOTO/Hafidz Mubarak A`):
#: up to five words in capitals, or capitalised words and initials. A caption glued to the name
#: (`KOMPAS.com/ADITYOHarley-Davidson`) breaks the shape.
PHOTOGRAPHER_NAME = (
    r"(?:\p{Lu}[\p{Lu}.'\-]*(?:\s+\p{Lu}[\p{Lu}.'\-]*){0,4}|"
    r"\p{Lu}[\p{Ll}.'\-]+(?:\s+(?:\p{Lu}[\p{Ll}.'\-]+|\p{Lu}\.?)){0,4})"
)
#: A reporter's name as Tempo signs its articles: two to four words in capitals of three letters or more, or
#: initials with their points (`AMINUDDIN A.S.`).
CAPITALS_WORD = r"(?:\p{Lu}{3,}(?:['’-]\p{Lu}+)*|(?:\p{Lu}\.){1,3})"
CAPITALS_NAME = rf"{CAPITALS_WORD}(?:\s+{CAPITALS_WORD}){{1,3}}"

#: The wire agencies whose photos the outlets carry, as their credits write them before the slash.
PHOTO_AGENCY = r"(?:ANTARA FOTO|Antara Foto|ANTARA|AFP|REUTERS|Reuters|AP Photo|AP|EPA)"

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

#: Words that open furniture after the article: a chain of these at the end of the last paragraph is cut. A `©`
#: opens a notice only before a year or `Copyright` (`© 2024 PT ...`): glued to a name it is a brand written in
#: prose (`oleh tim ©KapanLagi.com di Kuningan`), and after `√` it is Mac Roman mojibake (`TRESemm√©`) that
#: ftfy left. `Hak Cipta` opens one only before `©`, a year or `dilindungi`: `UU Hak Cipta juga menegaskan`
#: is prose about the copyright law.
FOOTER_OPENERS = (
    r"(?:Copyright|COPYRIGHT|Hak\s+Cipta(?=\s*(?:©|\(c\)|\d{4}|[Dd]ilindungi))|(?<!√)©(?=\s*(?:\d{4}|Copyright|COPYRIGHT))|"
    r"\(c\)\s*\d{4}|All\s+Rights?\s+Reserved|Dilarang\s+keras|"
    r"(?:Sebagian\s+(?:besar\s+)?artikel|Artikel)\s+ini\s+(?:(?:telah|sudah)\s+(?:lebih\s+dulu\s+)?(?:tayang|naik|terbit)|merupakan\s+bagian\s+dari)|"
    r"Kirim\s+Komentar|"
    r"Komentar\s+menjadi\s+tanggung)"
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
        positives=(
            (f"{BODY}\n(abc/xyz)", "(abc/xyz)"),
        ),
        traps=(
            "Korban bernama Rafi Haikal\n(21), seorang suporter, dirawat di rumah sakit.",
        ),
    ),
    rule(
        "credit.trailing_code",
        "credit",
        "tail",
        rf"(?<=[.!?\"”'’)\]],{{0,3}}\s{{0,3}}){CREDIT_CODE}\s*$",
        "A code at the end of the last body paragraph, after the sentence ended: `...Randi. (tor/fjp)`, "
        "`...kata dia.(zik)`, also after the commas a one-line scrape puts between paragraphs (`...terkendali.,"
        "(vhs)`). `...warna biru (biru).` and `Fellaini (Belgia)` end differently and stay.",
        needs=("(", "["),
        # Its lookbehind would be tested at every position of the paragraph: tried where a code opens.
        starts_with=CREDIT_CODE_OPENINGS,
        positives=(
            (f"{BODY} (rdh/mea)", "(rdh/mea)"),
            (f"{BODY2}(zik)", "(zik)"),
            (f"{BODY} (K24)", "(K24)"),
            (f"{BODY2},(vhs)", "(vhs)"),
        ),
        traps=(
            "Skuad itu berangkat untuk pemusatan latihan timnas. (U-23)",
            "Arus mudik diperkirakan memuncak pada Selasa malam. (H-3)",
            "Menurut Departemen Luar Negeri Amerika Serikat (AS).",
            "Pemain terbaik laga itu adalah Marouane Fellaini (Belgia)",
            "Warnanya ada kuning, abu-abu, dan turquoise (biru).",
            "Distributor resminya adalah PT Suzuki Indomobil Sales (SIS).",
            "Pertemuan itu berlangsung pada Selasa (30/8).",
            "Rusia mengirim vaksin Sputnik V ke Jakarta pada Senin.",
        ),
    ),
    rule(
        "credit.reporter_trailing",
        "credit",
        "tail",
        r"(?<=[.!?\"”'’]\s{0,3})\(\s*\p{Lu}[\p{L}.'’]*(?:\s+\p{Lu}[\p{L}.'’]*){0,4}"
        r"(?:\s*/\s*\p{Lu}[\p{L}.'’]*(?:\s+\p{Lu}[\p{L}.'’]*){0,4}){0,4}\s*\)\s*$",
        "The reporter's name, or outlet and name, in parentheses after the last sentence: `...ujarnya. (Tribun "
        "Jambi/Rifani Halim)`, `...kata dia. (Andy Dwijayanto)`, Antara's video crew (`... spektakuler. (Rina "
        "Sari/Andi/I Gusti Agung Ayu N)`: up to five names of up to five words), where the footer glued after it has gone. Words "
        "in title case only, after a sentence end, at the very end of the body: a parenthesis in prose follows a "
        "word (`Fellaini (Belgia)`), and a stage direction has lowercase words (`(Hadirin bertepuk tangan)`).",
        needs=("(",),
        starts_with=("(",),
        positives=(
            (f"{BODY} (Warta Jambi/Rina Sari)", "(Warta Jambi/Rina Sari)"),
            (f"{BODY2} (Andi Wijaya)", "(Andi Wijaya)"),
            (f"{BODY2} (Rina Sari Dewi/Andi/Budi Santoso/I Gusti Ayu Made N)", "(Rina Sari Dewi/Andi/Budi Santoso/I Gusti Ayu Made N)"),
        ),
        traps=(
            "Pemain terbaik laga itu adalah Marouane Fellaini (Belgia Timur)",
            "Saudara-saudara, pasar ini milik kita bersama. (Hadirin bertepuk tangan)",
            "Distributor resminya adalah PT Suzuki Indomobil Sales (SIS).",
        ),
    ),
    rule(
        "byline.capitals_names_trailing",
        "byline",
        "tail",
        rf"(?:(?<=^)|(?<=[.!?\"”’]\s{{1,3}})){CAPITALS_NAME}(?:\s*[|,]\s*{CAPITALS_NAME}){{0,3}}\s*$",
        "Tempo signs its articles with the reporters' names in capitals, on the last line or after the last "
        "sentence: `DIAS PRASONGKO`, `CAESAR AKBAR | VINDRY FLORENTIN`, `... personalnya. SILVIA ALYA RAHMAH`. "
        "Two to four words of three capitals or more (or initials) per name, nothing after them, and a sentence "
        "end or nothing before them: an intensity closing a quake report (`IV MMI`) has a shorter word, a "
        "closing acronym stands alone (`PSSI`), and a closing line of prose has lowercase letters.",
        closes_with=may_close_with_capitals,
        positives=(
            (f"{BODY}\nRINA SARI DEWI", "RINA SARI DEWI"),
            (f"{BODY} ANDI WIJAYA | RINA SARI", "ANDI WIJAYA | RINA SARI"),
        ),
        traps=(
            "Guncangan gempa itu terasa di Kota Bima dengan intensitas IV MMI",
            "Pertandingan itu digelar oleh induk organisasi sepak bola nasional. PSSI",
            "Laga itu berakhir dengan skor PSIS 2-2 PSM",
        ),
    ),
    rule(
        "credit.source_line",
        "credit",
        "line",
        r"(?i:sumber|source)\s*:\s*[^\n.!?]{2,80}",
        "`sumber : ANTARA`, `Sumber: Antara Foto` lines after Republika articles.",
        trigger=("sumber", "source"),
        first_chars="s",
        positives=(
            (f"{BODY}\nsumber : ANTARA", "sumber : ANTARA"),
        ),
        traps=(
            "Sumber air bersih warga berasal dari mata air di lereng gunung.",
        ),
    ),
    rule(
        "byline.name_in_parentheses_line",
        "byline",
        "line",
        r"\(\s*\p{Lu}[\p{L}.'’]*(?:\s+\p{Lu}[\p{L}.'’]*){0,5}\s*\)",
        "An editor's full name on its own line: `(Fitra Iskandar)`, `(Yohanes H Wahyu Tomo)`.",
        trigger=(),
        first_chars="(",
        positives=(
            (f"{BODY}\n(Rahmat Hidayat)", "(Rahmat Hidayat)"),
        ),
        traps=(
            f"Saudara-saudara, pasar ini milik kita bersama.\n\n(Hadirin bertepuk tangan)\n\n{BODY2}",
        ),
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
        positives=(
            (f"{BODY}\nEditor: Sri Wahyuni", "Editor: Sri Wahyuni"),
        ),
        traps=(
            "Menurut penulis hal ini tidak mungkin terjadi dalam waktu dekat, katanya.",
        ),
    ),
    rule(
        "byline.label_chain",
        "byline",
        "tail",
        rf"(?:(?<=^)|(?<=[.!?\"”),]\s?)|(?<=\s))(?:\(\s*)?{BYLINE_LABEL}\s*:\s*\p{{Lu}}[^\n]{{0,300}}$",
        "Antara glues `Pewarta: X Editor: Y Copyright © ANTARA 2025 ...` to the last paragraph; from the first "
        "label to the end is furniture when the label sits after a sentence end in the last paragraph. Kompas "
        "and Liputan6 scrapes close with the chain in parentheses: `(Penulis: X | Editor: Y)`, and one-line scrapes "
        "after the commas that joined their paragraphs (`sambungnya.,Reporter: X,Sumber: Merdeka`). Its triggers are "
        "substrings: a one-line scrape glues the label to the word before it (`di JakartaPewarta:`), and the cut "
        "of a related link there sets it apart within the pass.",
        trigger=tuple(f"~{word}" for word in BYLINE_WORDS),
        needs=BYLINE_WORDS,
        positives=(
            (f"{BODY} Pewarta: Andi Wijaya Editor: Sri Wahyuni", "Pewarta: Andi Wijaya Editor: Sri Wahyuni"),
            (f"{BODY}\n(Penulis: Andi Wijaya | Editor: Sri Wahyuni)", "(Penulis: Andi Wijaya | Editor: Sri Wahyuni)"),
            (f"{BODY}\n{BODY2},Reporter: Andi Wijaya,Sumber: Warta", "Reporter: Andi Wijaya,Sumber: Warta"),
        ),
        traps=(
            "Di halaman terakhir novel itu tertulis pesan sang Penulis: jangan pernah berhenti membaca.",
        ),
    ),
    rule(
        "byline.page_header",
        "byline",
        "inline",
        r"^(?:(?:[^\n.]|\.(?=\S)){0,200}?\s)?\p{Lu}[\p{L}.'’]*(?:\s+\p{Lu}[\p{L}.'’]*){0,4}\s+-\s+[\p{L}.]{3,30}\s+"
        r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu),?\s+\d{1,2}\s+\p{L}{3,9}\s+\d{4}\s+"
        r"\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)\b",
        "The page header a scraper took with the article (`<headline> Muhamad Rosyadi - detikInet Senin, 02 Okt "
        "2017 06:38 WIB Jakarta - ...`): at the start of a paragraph, a writer's name, a dash, the outlet and a "
        "weekday, date and time in a time zone. Prose never names a weekday, a date and a clock time after a "
        "name and a dash; the headline before it (no full stop ending a sentence in it) goes with it.",
        trigger=("wib", "wita", "wit"),
        needs=("wib", "wit"),
        positives=(
            (
                f"Harga Beras Naik Lagi Rina Sari - wartaNews Senin, 02 Okt 2017 06:38 WIB Jakarta - {BODY}",
                "Harga Beras Naik Lagi Rina Sari - wartaNews Senin, 02 Okt 2017 06:38 WIB",
            ),
        ),
        traps=(
            "Pertemuan Rina Sari - wartawan senior - berlangsung Senin, 02 Okt 2017 pukul 06:38 WIB di balai kota.",
        ),
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
        positives=(
            (f"Laporan Wartawan WartaSolo.com, Budi Santoso\n{BODY}", "Laporan Wartawan WartaSolo.com, Budi Santoso"),
        ),
        traps=(
            "Laporan Badan Pemeriksa Keuangan itu diserahkan ke DPR pada Senin pagi.",
        ),
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
        positives=(
            (
                f"{BODY}\nCopyright 2010 - 2025 PT Warta Kita. All Rights Reserved.",
                "Copyright 2010 - 2025 PT Warta Kita. All Rights Reserved.",
            ),
            (
                f"{BODY}\nArtikel ini merupakan bagian dari Warta Lestari, sebuah inisiatif untuk lingkungan.",
                "Artikel ini merupakan bagian dari Warta Lestari, sebuah inisiatif untuk lingkungan.",
            ),
        ),
        traps=(
            "Penulis terkenal itu bercerita tentang hak cipta karya sastra di era digital.",
            "Bahkan, lanjut Razilu, UU Hak Cipta juga telah menegaskan bahwa pembayaran royalti diatur oleh LMK.",
            "Ketika ditanya oleh tim ©KapanLagi.com di Kuningan, ia menegaskan keputusannya sudah bulat.",
        ),
    ),
    rule(
        "footer.chain_to_end",
        "footer",
        "tail",
        rf"(?:(?<=^)|(?<=[.!?\"”)]\s?)|(?<=\s)){FOOTER_OPENERS}[^\n]{{0,400}}$",
        "A copyright or syndication notice glued to the end of the last paragraph.",
        trigger=FOOTER_TRIGGERS,
        needs=("copyright", "cipta", "©", "(c)", "reserved", "dilarang", "artikel", "komentar"),
        positives=(
            (f"{BODY} Copyright © WARTA 2025", "Copyright © WARTA 2025"),
            (
                f"{BODY} Sebagian artikel ini telah tayang di Warta.com dengan judul Ponsel Baru Dirilis",
                "Sebagian artikel ini telah tayang di Warta.com dengan judul Ponsel Baru Dirilis",
            ),
        ),
        traps=(
            "Menurut pengelola, pengunjung dilarang keras membawa makanan dari luar area taman.",
        ),
    ),
    rule(
        "footer.comment_count",
        "footer",
        "line",
        r"\d{1,5}\s+(?i:komentar|comments?)",
        "Okezone's `0 Komentar` widget line.",
        trigger=("komentar", "~comment"),
        needs=("komentar", "comment"),
        positives=(
            (f"{BODY}\n0 Komentar", "0 Komentar"),
        ),
        traps=(
            "120 komentar masuk dalam satu jam setelah video itu diunggah.",
        ),
    ),
    rule(
        "footer.google_news",
        "promo",
        "line",
        r"[^\n]{0,80}(?i:di\s+google\s+news|google\s+news\s+\w+)[^\n]{0,80}",
        "`Baca berita Wartakotalive.com lainnya di Google News.` and its variants, as a line of their own.",
        trigger=("~google",),
        needs=("google",),
        positives=(
            (f"{BODY}\nBaca berita WartaKita lainnya di Google News.", "Baca berita WartaKita lainnya di Google News."),
        ),
        traps=(
            "Aturan baru itu juga berlaku bagi agregator berita seperti Google News.",
        ),
    ),
    rule(
        "footer.truncation",
        "other",
        "tail",
        r"(?:…|\.\.\.)\s*\[\+\d+\s+chars\]\s*$",
        "NewsAPI's truncation marker `… [+2570 chars]`.",
        trigger=("chars",),
        needs=("chars]",),
        positives=(
            (f"{BODY} Stok aman hingga… [+1520 chars]", "… [+1520 chars]"),
        ),
        traps=(
            "Pengembang menyebut batas panjang judul kini 120 chars, naik dari sebelumnya 80 chars.",
        ),
    ),
)
