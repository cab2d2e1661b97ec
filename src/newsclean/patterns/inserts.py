"""Inserts inside the article body: related links, ads, promos, navigation, embeds and photo captions.

`line` rules remove a whole paragraph that is nothing but the insert. `inline` rules remove an insert glued into
a paragraph of prose; they are written so that they cannot reach past the insert into the sentence around it.
"""

from __future__ import annotations

from ..cleaner.gates import may_close_with_credit_parenthesis, may_open_with_related_label
from .base import rule
from .credits import PHOTO_AGENCY, PHOTOGRAPHER_NAME
from .examples import BODY, BODY2
from .words import (
    CREDIT_PARENTHESIS_CLOSE,
    DOMAIN_CREDIT,
    MONTHS_ID,
    PHOTO_CREDIT_WORDS,
    RELATED_LABEL,
    RELATED_LABEL_FIRST_CHARS,
    REPORTING_VERBS,
    SOURCE_CREDIT_WORDS,
)

#: A dateline brand ahead (`REPUBLIKA.CO.ID,`, `KOMPAS.com -`): an all-capitals name with a domain, then a
#: comma, a pipe or a dash. An inline insert never runs into one: the line joiner glues a line that ends
#: without punctuation (`Ikuti Whatsapp Channel Republika`) to the next line's dateline with a space, and the
#: sentence after that dateline is the article's.
_NEXT_LINE_AHEAD = r"\s*\p{Lu}{3,}(?:\.\p{L}+)+\s*(?:[,|]|--?|–|—)"

#: Month names as a tweet embed dates a tweet, in English and Indonesian.
_MONTH_EN = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ID = rf"(?:{MONTHS_ID})"
_MONTH_WORDS = tuple(
    sorted({month.lower() for pattern in (_MONTH_EN, _MONTH_ID) for month in pattern[3:-1].split("|")})
)

INSERT_RULES = (
    rule(
        "ad.scroll_to_continue",
        "ad",
        "inline",
        r"SCROLL\s+TO\s+CONTINUE\s+WITH\s+CONTENT",
        "Detik and CNN place this ad marker between paragraphs, or glued between sentences.",
        trigger=("~scroll",),
        needs=("scroll",),
        positives=(
            (f"{BODY}\nSCROLL TO CONTINUE WITH CONTENT\n{BODY2}", "SCROLL TO CONTINUE WITH CONTENT"),
        ),
        traps=(
            "Pembaca cukup menggulir layar, atau dalam bahasa pengembangnya scroll to continue, untuk membaca lanjutan berita.",
        ),
    ),
    rule(
        "ad.label_line",
        "ad",
        "line",
        r"(?i:advertisement|advertisment|iklan|sponsored|konten\s+bersponsor|ads|ad)\.?",
        "A paragraph that is only an ad label (Liputan6's `Advertisement` between every few paragraphs). "
        "The same word inside a sentence (`iklan` as a topic) is prose and is not touched.",
        trigger=("~advertis", "iklan", "~sponsor", "ads", "ad"),
        first_chars="aisk",
        positives=(
            (f"{BODY}\nAdvertisement\n{BODY2}", "Advertisement"),
        ),
        traps=(
            "Iklan rokok di televisi dibatasi mulai tahun depan, kata menteri.",
        ),
    ),
    rule(
        "ad.script",
        "ad",
        "inline",
        r"googletag\.cmd\.push\(\s*function\s*\(\)\s*\{[^{}]{0,300}\}\s*\)\s*;?"
        r"|\(adsbygoogle\s*=\s*window\.adsbygoogle\s*\|\|\s*\[\]\)\.push\(\{\}\);?",
        "Ad-slot JavaScript left in the text by a scraper that kept <script> contents.",
        trigger=("~googletag", "~adsbygoogle"),
        needs=("googletag", "adsbygoogle"),
        positives=(
            (
                f"{BODY} googletag.cmd.push(function() {{ googletag.display('div-1'); }}); {BODY2}",
                "googletag.cmd.push(function() { googletag.display('div-1'); });",
            ),
        ),
        traps=(
            "Pengembang situs itu memakai googletag untuk mengatur letak iklan di setiap halaman.",
        ),
    ),
    rule(
        "embed.gambas",
        "embed",
        "inline",
        r"\[Gambas:[^\]\n]{1,60}\]",
        "CNN/CNBC/Detik embed placeholders: `[Gambas:Video 20detik]`, `[Gambas:Instagram]`.",
        trigger=("~gambas",),
        needs=("[gambas:",),
        positives=(
            (f"{BODY}\n[Gambas:Video 20detik]\n{BODY2}", "[Gambas:Video 20detik]"),
        ),
        traps=(
            "Sayur yang harganya naik antara lain gambas, terong, dan kacang panjang.",
        ),
    ),
    rule(
        "embed.twitter_pic",
        "embed",
        "inline",
        r"pic\.twitter\.com/(?:[A-Za-z\d]{10}(?=\p{Lu}\p{Ll})|\w+)",
        "The image link of an embedded tweet; the tweet text and its author stay (they can be quoted prose). Its "
        "code has ten characters: one glued to a capitalised word (`pic.twitter.com/ENWQP8A0svHal ini ...`) ends "
        "there, and the next sentence keeps its first word.",
        trigger=("twitter",),
        needs=("pic.twitter.com/",),
        positives=(
            (f"Warganet heboh. pic.twitter.com/AbC123xyz\n{BODY2}", "pic.twitter.com/AbC123xyz"),
            (f"Warganet heboh. pic.twitter.com/AbC123xyz0Hal itu viral.\n{BODY2}", "pic.twitter.com/AbC123xyz0"),
        ),
        traps=(
            "Unggahan itu pertama kali beredar di twitter.com sebelum dihapus pemiliknya.",
        ),
    ),
    rule(
        "embed.post_shared",
        "embed",
        "line",
        r"A post shared by [^\n]{1,100}",
        "Instagram embed footer: `A post shared by KOMPAS Lifestyle (@kompas.lifestyle)`.",
        trigger=("shared",),
        first_chars="a",
        starts_with=("A post shared by",),
        positives=(
            (f"{BODY}\nA post shared by Dapur Kita (@dapurkita)\n{BODY2}", "A post shared by Dapur Kita (@dapurkita)"),
        ),
        traps=(
            "Keterangan foto berbahasa Inggris, a post shared by the family, ikut disalin oleh akun-akun penggemar.",
        ),
    ),
    rule(
        "embed.tweet_line",
        "embed",
        "line",
        rf"[^\n]{{1,600}}?\s[—–]\s[^\n()]{{1,60}}\(@\w{{1,30}}\)\s+(?:{_MONTH_EN}\s+\d{{1,2}},\s+\d{{4}}|"
        rf"\d{{1,2}}\s+{_MONTH_ID}\s+\d{{4}})",
        "The text of an embedded tweet, as the embed code renders it: the tweet, then `— Name (@handle) August 3, "
        "2022` (or `3 Agustus 2022`). Prose quoting a tweet has no dash-handle-date signature at its end.",
        # Its trigger is the month of the date that ends it.
        trigger=_MONTH_WORDS,
        needs=("(@",),
        positives=(
            (
                f"{BODY}\nAplikasinya error lagi ya — Rina (@rinasari) August 3, 2022\n{BODY2}",
                "Aplikasinya error lagi ya — Rina (@rinasari) August 3, 2022",
            ),
        ),
        traps=(
            "Akun @rinasari menulis pada 3 Agustus 2022 bahwa aplikasinya kembali error sejak pagi.",
        ),
    ),
    rule(
        "embed.tiktok",
        "embed",
        "inline",
        r"@(?P<handle>[\w.]{2,30})\s[^\n♬]{0,500}?♬[^\n♬]{0,150}?-\s?(?P=handle)(?![\p{Ll}\d_.])",
        "The text of an embedded TikTok glued into prose: `@user caption #fyp ♬ original sound - Name - user`. "
        "It opens with the handle and its sound credit ends with the same handle, so the end is certain (glued "
        "to the next capitalised word, as here: `...- dapurkitaBaca juga:`).",
        trigger=("~♬",),
        starts_with=("@",),
        positives=(
            (
                f"{BODY}@dapurkita Resep hari ini #fyp ♬ original sound - Dapur Kita - dapurkita{BODY2}",
                "@dapurkita Resep hari ini #fyp ♬ original sound - Dapur Kita - dapurkita",
            ),
        ),
        traps=(
            "Akun @dapurkita mengunggah video memasak dengan lagu ♬ yang sedang viral di media sosial.",
            "Akun @rinasari mengunggah video berlatar lagu ♬ Kau Tak Akan Terganti, kata rinasari kepada wartawan.",
        ),
    ),
    rule(
        "embed.email_protected",
        "other",
        "inline",
        r"\[email(?:\s|\u00a0)protected\]",
        "Cloudflare e-mail obfuscation left in the page text.",
        trigger=("~protected",),
        needs=("protected]",),
        positives=(
            (f"{BODY} Hubungi [email protected] untuk info.", "[email protected]"),
        ),
        traps=(
            "Situs itu menyembunyikan alamat email penulisnya agar tetap protected dari robot spam.",
        ),
    ),
    rule(
        "related.label_only",
        "related",
        "line",
        rf"{RELATED_LABEL}\s*[:：]?",
        "A bare `Baca Juga` (Liputan6 dropped the headline) or `Baca juga:` with the headline on the next "
        "line (Detik); the engine also takes the headline lines that follow.",
        # `baca` as a substring: the label may be written glued (`Bacajuga`).
        trigger=("~baca", "lihat", "simak", "tonton", "saksikan", "artikel", "berita", "related"),
        first_chars=RELATED_LABEL_FIRST_CHARS,
        opens_with=may_open_with_related_label,
        positives=(
            (f"{BODY}\nBaca Juga\nWali Kota Resmikan Pasar Baru di Cimahi\n{BODY2}", "Baca Juga"),
        ),
        traps=(
            "Baca juga petunjuk pemakaian sebelum memasang tabung gas di rumah, pesan petugas.",
        ),
    ),
    rule(
        "related.glued_label",
        "related",
        "inline",
        r"(?:(?<=^)|(?<=[.!?\"”]\s{0,2}))(?:Baca\s?[Jj]uga|BACA\s?JUGA)(?=[\"“\p{Lu}])",
        "A `Baca Juga` label glued with no space and no colon to what follows (`Baca JugaPemkot Mojokerto juga "
        "menjamin ...`, `Baca Juga“Belajarlah ...`): the scraper dropped the link, or kept its headline with no "
        "end to find. Only the label goes: what follows may be the next sentence of the article. With a space "
        "after it (`Baca juga Kompas edisi Minggu`) the words can be an invitation in prose, and stay.",
        trigger=("~baca",),
        needs=("baca",),
        starts_with=("Baca", "BACA"),
        positives=(
            (f"{BODY}\n\nBaca JugaPemkot Cimahi juga menjamin iklim investasi yang kondusif.", "Baca Juga"),
            (f"{BODY} Baca Juga“Belajarlah dengan sungguh-sungguh,” ucapnya.", "Baca Juga"),
        ),
        traps=(
            "Baca juga Kompas edisi Minggu untuk mengetahui hasil lengkap pertandingan itu, pesannya.",
        ),
        keeps=(
            (
                f"{BODY}\n\nBaca JugaPemkot Cimahi juga menjamin iklim investasi yang kondusif.",
                "Pemkot Cimahi juga menjamin iklim investasi yang kondusif.",
            ),
        ),
    ),
    rule(
        "related.parenthesised",
        "related",
        "inline",
        r"\((?:Baca|BACA)(?:\s+(?:[Jj]uga|JUGA))?\s*[:：]\s*[^()\n]{5,200}\)",
        "A related link in parentheses, on its own line or after a sentence: `(Baca: Grab Minta Tarif Ojek "
        "Online Lebih Tinggi)`, `(Baca juga: ...)`. The label and its colon are written with a capital: a "
        "parenthesis in prose that says `baca` (`(baca: tidak boleh)`) stays.",
        trigger=("baca",),
        needs=("(baca",),
        positives=(
            (f"{BODY}\n(Baca: Tarif Ojek Warta Naik Pekan Depan)\n{BODY2}", "(Baca: Tarif Ojek Warta Naik Pekan Depan)"),
            (f"{BODY} (Baca juga: Tarif Ojek Warta Naik)", "(Baca juga: Tarif Ojek Warta Naik)"),
        ),
        traps=(
            "Papan itu bertuliskan aturan lama (baca: dilarang parkir) yang sudah lama dipasang warga.",
        ),
    ),
    rule(
        "promo.parenthesised",
        "promo",
        "inline",
        r"\((?i:ayo|yuk|jangan\s+lupa|simak|ikuti|baca\s+juga)\b[^()\n]{10,300}\)",
        "Calls to action in parentheses: `(Ayo ikuti saluran WhatsApp KapanLagi.com biar enggak ...)`.",
        trigger=("ayo", "yuk", "jangan", "simak", "ikuti", "baca"),
        needs=("(ayo", "(yuk", "(jangan", "(simak", "(ikuti", "(baca"),
        positives=(
            (
                f"{BODY} (Yuk ikuti saluran WhatsApp BeritaKita biar tidak ketinggalan kabar)",
                "(Yuk ikuti saluran WhatsApp BeritaKita biar tidak ketinggalan kabar)",
            ),
        ),
        traps=(
            "Pesan Bung Karno, Jas Merah (Jangan Sekali-kali Meninggalkan Sejarah), dikutip berulang kali dalam upacara itu.",
        ),
    ),
    rule(
        "promo.call_to_action",
        "promo",
        "inline",
        r"(?:(?<=^)|(?<=[.!?\"”)]\s?))\s*(?:Ikuti|Simak|Temukan|Dapatkan|Follow|Gabung(?:lah)?|Yuk|Ayo|Download|"
        r"Jangan\s+lewatkan|Baca(?!\s*(?i:juga))|Saksikan|Tonton|Subscribe|"
        r"(?:Unduh|Klik|Pastikan|Update|Cek(?!\s+Fakta\b)|Kunjungi|Langganan)"
        r"(?=(?:[^.!?\n]|\.(?=\w)){0,200}?(?<!\p{L})(?i:berita|artikel|informasi|kabar|news|konten)(?!\p{L})))\b"
        rf"(?:(?!{_NEXT_LINE_AHEAD})(?:[^.!?\n]|\.(?=\w)|,(?!,))){{0,160}}?(?<!\p{{L}})(?i:whatsapp|google\s+news|"
        r"telegram|channel|saluran|aplikasi|apps?|kapanlagi|instagram|facebook|youtube|tiktok|newsletter|play\s+store|"
        r"app\s+store|langganan)(?!\p{L})"
        rf"(?:(?!{_NEXT_LINE_AHEAD})(?:[^.!?\n\"“,]|\.(?=\w)|,(?!,))){{0,160}}(?:[.!?]+(?!\w)|$|(?={_NEXT_LINE_AHEAD}))",
        "Sentences that send the reader to a channel: `Ikuti Whatsapp Channel Republika`, `Baca berita "
        "Wartakotalive.com lainnya di Google News.` A verb of invitation must open the sentence and a channel "
        "word must follow, so prose that mentions WhatsApp is kept; it never reaches into a quotation (glued after "
        "it, that is prose), and `Cek Fakta` is Liputan6's fact-check desk reporting, not an invitation. The channel "
        "is a whole word: `akun Facebooknya` and `berlangganan` are prose about an account or a subscription. It "
        "stays within what was one line: it ends before a dateline brand (`Ikuti Whatsapp Channel Republika` then "
        "`REPUBLIKA.CO.ID, JAKARTA --` on the next line, which the paragraph joiner glues on with a space), never "
        "crosses okezone's `,,` (a lost line break) and never ends inside a word (`bmkg.go.` of a URL); `Baca juga:` "
        "is a related link, never an invitation (its headline and the sentence after it were taken when they named "
        "a channel). A match ends at the scraped text's line break (`within_line`): `Ikuti Whatsapp Channel "
        "Republikasumber : Antara` stays apart from the sentence on the next line. Verbs that also give "
        "instructions (`Unduh`, `Klik`, `Pastikan`, `Update`, `Cek`, `Kunjungi`, `Langganan`) invite only in a "
        "sentence that names the news (`berita`, `artikel`, `informasi`, `kabar`, `news`, `konten`: `Cek Berita dan "
        "Artikel yang lain di Google News`); a how-to's steps (`Unduh aplikasi Travoy melalui Play Store`) and news "
        "of an app (`Update versi 1.17 ini ... lewat Play Store`) are the article's.",
        within_line=True,
        trigger=(
            "whatsapp",
            "google",
            "telegram",
            "channel",
            "saluran",
            "aplikasi",
            "app",
            "apps",
            "~kapanlagi",
            "instagram",
            "facebook",
            "youtube",
            "tiktok",
            "newsletter",
            "store",
            "langganan",
        ),
        needs=(
            "whatsapp",
            "google",
            "telegram",
            "channel",
            "saluran",
            "aplikasi",
            "app",
            "kapanlagi",
            "instagram",
            "facebook",
            "youtube",
            "tiktok",
            "newsletter",
            "play",
            "langganan",
        ),
        # The verb of invitation, too: prose often names a channel (one paragraph in three of the sample
        # articles that hold one), far less often with one of these verbs as well.
        also_needs=(
            "ikuti",
            "simak",
            "temukan",
            "dapatkan",
            "follow",
            "gabung",
            "yuk",
            "ayo",
            "download",
            "unduh",
            "klik",
            "pastikan",
            "jangan",
            "update",
            "cek",
            "baca",
            "saksikan",
            "tonton",
            "kunjungi",
            "subscribe",
            "langganan",
        ),
        # The opening lookbehind admits only the paragraph's start and the places after a sentence end, a
        # quote or a parenthesis, and an invitation verb follows after spaces; the `regex` module would test
        # the lookbehind at every position (50 us a paragraph), and a verb with no channel after it costs a
        # scan of the sentence (28 us a `Baca juga ...`). Every character `regex` takes for `\s` is one for
        # stdlib `re` too (tests/test_rule_gates.py checks all of Unicode).
        starts_after=(
            r"[.!?\"”)](?=\s*(?:Ikuti|Simak|Temukan|Dapatkan|Follow|Gabung|Yuk|Ayo|Download|Unduh|Klik|Pastikan|"
            r"Jangan|Update|Cek|Baca|Saksikan|Tonton|Kunjungi|Subscribe|Langganan))"
        ),
        # The channel word (a need) comes before the sentence ends: the verb and the gap hold no `!` or `?`,
        # so a verb with no channel ahead of the next of them is not tried (`Baca juga ...`).
        needs_before="!?",
        positives=(
            (f"{BODY}\nIkuti WhatsApp Channel Warta Kita", "Ikuti WhatsApp Channel Warta Kita"),
        ),
        traps=(
            "Pelaku menipu korban lewat pesan WhatsApp yang mengaku dari bank.",
            "Cek Fakta Kabarkita.com menelusuri klaim hadiah pulsa yang diunggah sebuah akun Facebook.",
            "Unduh aplikasi Jalanku melalui Play Store atau App Store, lalu daftarkan nomor kendaraan Anda.",
            "Update versi terbaru aplikasi itu kini bisa diunduh lewat Play Store oleh semua pengguna.",
        ),
        keeps=(
            # A line break of the scrape ends the invitation: the sentence on the next line stays.
            (
                f"{BODY}\nIkuti Whatsapp Channel Wartasumber : Antara\nIndeks saham ditutup menguat pada sore ini.",
                "Indeks saham ditutup menguat pada sore ini.",
            ),
            # The promo line joined to the next line's dateline (`tests/test_headlines.py` holds the pattern to it
            # on the joined paragraph): the promo goes, the article's sentence stays.
            # `Baca juga:` and a headline naming a channel, glued to the next sentence: not an invitation.
            (
                f"{BODY} Baca juga: Cara Hapus Riwayat Pencarian Google di DesktopRaksasa mesin pencari itu "
                "meluncurkan pembaruan untuk aplikasi browser.",
                "Raksasa mesin pencari itu meluncurkan pembaruan untuk aplikasi browser.",
            ),
        ),
    ),
    rule(
        "promo.install_reminder",
        "promo",
        "inline",
        r"(?:(?<=^)|(?<=[.!?:]\s?))\s*[.,]?\s*Pastikan\s+\p{L}+\s+(?:sudah|telah)\s+(?:install|instal|menginstal|memasang)\s+"
        r"aplikasi\s+WhatsApp\s+ya\b[.!]?",
        "The reminder that closes Kompas's and Tribun's WhatsApp Channel invitations: `Pastikan kamu sudah install "
        "aplikasi WhatsApp ya.`, `Pastikan Tribunners sudah install aplikasi WhatsApp ya`. Its verb gives "
        "instructions in how-to articles too, so the invitation rule takes it only in a sentence that names the "
        "news; this one is written out word for word, up to the chatty `ya` no step of a how-to ends with.",
        trigger=("whatsapp",),
        needs=("pastikan",),
        positives=(
            (f"{BODY} Pastikan kamu sudah install aplikasi WhatsApp ya.", "Pastikan kamu sudah install aplikasi WhatsApp ya."),
        ),
        traps=(
            "Pastikan kamu sudah install aplikasi WhatsApp versi terbaru sebelum mencoba fitur itu.",
            "Pastikan nomor telepon yang terdaftar di aplikasi itu sama dengan nomor WhatsApp Anda.",
        ),
    ),
    rule(
        "promo.slogan",
        "promo",
        "inline",
        r"(?:(?i:karena\s+)?(?i:kalau|kalo)\s+bukan\s+sekarang,?\s*(?i:kapan\s*lagi)\?(?![\"”’']))"
        r"|(?:Temukan\s+berbagai\s+ulasan\s+menarik(?:[^.!?\n]|\.(?=\w)){0,120}[.!?])",
        "KapanLagi's closing slogan and teaser. The slogan is a saying too: closed by a quotation mark, it ends "
        "someone's words (`... Karena kalau bukan sekarang, kapan lagi?\" tambahnya.`) and stays.",
        trigger=("~sekarang", "~temukan"),
        needs=("bukan", "temukan"),
        positives=(
            (f"{BODY} Kalau bukan sekarang, kapan lagi?", "Kalau bukan sekarang, kapan lagi?"),
        ),
        traps=(
            '"Kalau bukan sekarang, kapan lagi kita berbenah?" ujar wali kota di depan para pedagang.',
            '"Pasar ini harus dibenahi. Karena kalau bukan sekarang, kapan lagi?" tambahnya.',
        ),
    ),
    rule(
        "promo.news_update_invitation",
        "promo",
        "inline",
        r"Simak\s+breaking\s+news\s+dan\s+berita\s+pilihan\s+kami\s+langsung\s+di\s+ponselmu\."
        r"(?:\s*Pilih\s+saluran\s+andalanmu\s+akses\s+berita\s+[\w.-]{2,30}\s+WhatsApp\s+Channel\s*:?)?"
        r"|Dapatkan\s+update\s+berita\s+pilihan\s+dan\s+breaking\s+news\s+setiap\s+hari\s+dari\s+[\w.-]{2,30}\."
        r"(?:\s*Mari\s+bergabung\s+di\s+Grup\s+Telegram\s+[\"“][^\"”\n]{2,60}[\"”],?\s*caranya\s+klik\s+link\s+"
        r"\S{5,80}?,?\s+kemudian\s+join\.)?"
        r"(?:\s*Anda\s+harus\s+install\s+aplikasi\s+Telegram\s+terlebih\s+(?:dulu|dahulu)\s+di\s+ponsel(?:mu)?\.?)?",
        "Kompas's closing invitations to its WhatsApp channel (`Simak breaking news dan berita pilihan kami "
        "langsung di ponselmu. Pilih saluran andalanmu ...`) and Telegram group (`Dapatkan update berita pilihan "
        "...`). Their sentences open with a verb the call-to-action rule does not take (`Pilih`, `Mari`) or name "
        "no channel (`... di ponselmu.`), and in a sample of 500 of the outlet's stories they recur too seldom to "
        "be learned; written out word for word, they cannot be prose.",
        trigger=("breaking",),
        needs=("breaking",),
        starts_with=("Simak", "Dapatkan"),
        positives=(
            (
                f"{BODY}\nSimak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran "
                "andalanmu akses berita Warta.com WhatsApp Channel :",
                "Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses "
                "berita Warta.com WhatsApp Channel :",
            ),
            (
                f"{BODY}Dapatkan update berita pilihan dan breaking news setiap hari dari Warta.com. Mari bergabung "
                'di Grup Telegram "Warta Update", caranya klik link https://t.me/wartaupdate, kemudian join.',
                "Dapatkan update berita pilihan dan breaking news setiap hari dari Warta.com. Mari bergabung di "
                'Grup Telegram "Warta Update", caranya klik link https://t.me/wartaupdate, kemudian join.',
            ),
        ),
        traps=(
            "Warga bisa simak breaking news soal banjir dari radio setempat, kata petugas.",
        ),
    ),
    rule(
        "promo.channel_link_line",
        "promo",
        "line",
        r"\.?\s*https?://(?:www\.)?(?:whatsapp\.com/channel|chat\.whatsapp\.com|t\.me)/[\w./?=&-]{2,80}\s*\.?",
        "A bare link to a WhatsApp channel or a Telegram group on its own line: the target of an invitation "
        "whose words went before it. A line holds nothing else, so prose that cites a channel keeps its link.",
        trigger=("~http",),
        needs=("whatsapp.com/", "t.me/"),
        positives=(
            (f"{BODY}\nhttps://www.whatsapp.com/channel/0029VaWartaKita\n{BODY2}", "https://www.whatsapp.com/channel/0029VaWartaKita"),
        ),
        traps=(
            "Admin membagikan tautan https://t.me/wargakita di grup warga agar semua ikut bergabung.",
        ),
    ),
    rule(
        "promo.campaign_line",
        "promo",
        "line",
        r"(?i:hoegeng\s+awards?\s+\d{4}|baca\s+kisah\s+inspiratif[^\n]{0,80}|selengkapnya|ikuti\s+kami\s+di"
        r"[^\n]{0,40}|share\s+now|bagikan|dengarkan\s+artikel|gabung\s+tempo\s+circle|thanks\s+for\s+rating!?"
        r"|berikan\s+rating\s+untuk\s+resep\s+ini|geser\s+untuk\s+melihat\s+tabel\s+lengkap"
        r"|saksikan\s+live\s*detik\w*:?|facebook|twitter|whatsapp|telegram|linkedin|line|copy\s+link)",
        "Widget and campaign lines that stand alone: share buttons, `Hoegeng Awards 2025`, `Selengkapnya`.",
        trigger=(
            "hoegeng",
            "kisah",
            "~selengkapnya",
            "ikuti",
            "share",
            "bagikan",
            "dengarkan",
            "gabung",
            "thanks",
            "rating",
            "geser",
            "live",
            "saksikan",
            "facebook",
            "twitter",
            "whatsapp",
            "telegram",
            "linkedin",
            "line",
            "copy",
        ),
        first_chars="hbsidgtfwlc",
        positives=(
            (f"{BODY}\nBagikan\n{BODY2}", "Bagikan"),
        ),
        traps=(
            "Facebook dan Twitter sempat tidak bisa diakses selama dua jam pada Senin malam.",
        ),
    ),
    rule(
        "nav.next_page",
        "nav",
        "inline",
        r"(?:Simak|Baca|Dapatkan|Lihat|Cek)\s[^.!?\n]{0,80}?(?i:di\s+halaman\s+(?:selanjutnya|berikutnya)|"
        r"selengkapnya\s*di\s*sini|selengkapnya\s*klik\s*di\s*sini)\.?"
        r"|(?i:halaman\s+(?:selanjutnya|berikutnya)\s*(?:>>|»|›)?)(?=\s*$)"
        r"|Selengkapnya\s+(?:baca|simak|klik|lihat)\s+di\s*sini\.?",
        "Pagination prompts: `Simak berita selengkapnya di halaman selanjutnya.`, `Baca selengkapnyadi sini.`, "
        "`Selengkapnya baca di sini.` A bare `selengkapnya` is prose (`Berikut spesifikasi lain selengkapnya.`) "
        "and is not matched.",
        trigger=("~selanjutnya", "~berikutnya", "~selengkapnya"),
        needs=("selanjutnya", "berikutnya", "selengkapnya"),
        positives=(
            (
                f"{BODY} Simak berita selengkapnya di halaman selanjutnya.",
                "Simak berita selengkapnya di halaman selanjutnya.",
            ),
            (f"{BODY}\nSelengkapnya baca di sini.\n{BODY2}", "Selengkapnya baca di sini."),
        ),
        traps=(
            "Berikut spesifikasi lain selengkapnya. Ponsel ini dijual mulai pekan depan.",
        ),
    ),
    rule(
        "other.loading",
        "other",
        "inline",
        r"[,\s]*\bloading\.{3}",
        "A lazy-loading placeholder left by the scraper (`,,,,loading...`).",
        trigger=("~loading",),
        needs=("loading...",),
        positives=(
            (f"{BODY},,,,loading...", ",,,,loading..."),
        ),
        traps=(
            "Proses loading aplikasi itu lambat sejak pembaruan terakhir, keluh warganet.",
        ),
    ),
    rule(
        "nav.table_of_contents",
        "nav",
        "line",
        r"(?i:daftar\s+isi)",
        "Detik's table-of-contents label (its entries are repeated as subheadings below and stay there).",
        trigger=("isi",),
        first_chars="d",
        positives=(
            (f"Daftar Isi\n{BODY}", "Daftar Isi"),
        ),
        traps=(
            "Daftar isi buku itu memuat dua belas bab tentang sejarah pasar di Jawa.",
        ),
    ),
    rule(
        "caption.photo_line",
        "caption",
        "line",
        r"(?:(?i:foto|photo|ilustrasi|dok\.?|sumber\s+foto|kredit\s+foto|credit|image)\s*[:.]|"
        r"(?:KOMPAS\.com|Kompas\.com|DOK\.|Dok\.|dok\.|SHUTTERSTOCK|Shutterstock|iStockphoto|Freepik|Istimewa|"
        r"ANTARA FOTO|Antara Foto|TRIBUNNEWS\.COM|Tribunnews\.com|detikcom)\s*/)"
        r"(?:(?![)\]][\"“]?\p{Lu}\p{Ll}|[.!?][\"”]?\p{Lu}\p{Ll}|\s[-–—]+\s|,\p{Lu}\p{Ll})[^\n]){0,250}",
        "Photo captions and credits on their own line: `Foto: ...`, `KOMPAS.com/ADITYO...`, `Dok. Jasa Marga...`."
        " `Foto-foto yang beredar...` has no colon and stays. A line where a closing parenthesis is glued to a "
        "capitalised word (`Foto: Lenin (BBC)Dengan wajah dingin ...`) goes on into the article's next sentence: "
        "it is no caption line (`caption.photo_label_glued` takes the caption); so does one with a sentence end "
        "glued to a capitalised word (`...Jawa Tengah.Anda tidak perlu ...`), okezone's comma seam before a "
        "capital (`Foto: @akun,Intan Khasanah memang ...`), or a dash between spaces, where a dateline and the "
        "lead follow the caption (`Foto: Gibran (youtube Rans) Solo - Gibran belum ...`).",
        trigger=(
            "foto",
            "photo",
            "ilustrasi",
            "dok",
            "credit",
            "kredit",
            "image",
            "kompas",
            "shutterstock",
            "istockphoto",
            "freepik",
            "istimewa",
            "tribunnews",
            "detikcom",
        ),
        first_chars="fpidskcat",
        positives=(
            (f"{BODY}\nFoto: Andi Wijaya/Warta Kita\n{BODY2}", "Foto: Andi Wijaya/Warta Kita"),
        ),
        traps=(
            "Foto-foto yang beredar di media sosial memperlihatkan antrean panjang warga.",
        ),
        keeps=(
            # The caption and the dateline go (`caption.photo_before_city_dateline`), the lead stays.
            (
                "Foto: Warta Solo - Wali Kota Solo belum mendapat lampu hijau untuk maju lewat partainya.",
                "Wali Kota Solo belum mendapat lampu hijau untuk maju lewat partainya.",
            ),
        ),
    ),
    rule(
        "caption.agency_credit_alone",
        "caption",
        "line",
        rf"{PHOTO_AGENCY}\s*/\s*{PHOTOGRAPHER_NAME}",
        "A wire agency's photo credit alone on its line (`AFP/STEFANO RELLANDINI`, `ANTARA/Putu Indah Savitri`), "
        "as Kompas prints it above the caption: the agency, a slash and a name, nothing else. A line that goes "
        "on after the name (`AFP/Reuters melaporkan ...`) is the article's.",
        trigger=("antara", "afp", "reuters", "ap", "epa"),
        first_chars="arep",
        positives=((f"{BODY}\nAFP/ANDI WIJAYA\n{BODY2}", "AFP/ANDI WIJAYA"),),
        traps=("AFP/Reuters melaporkan bahwa harga minyak dunia naik tajam pekan ini.",),
    ),
    rule(
        "caption.copyright_credit_line",
        "caption",
        "line",
        r"[^\n.!?©]{0,60}©\s*[\p{L}\d][\p{L}\d.]{1,40}(?:/\p{L}[\p{L}\d._]*(?:\s\p{Lu}[\p{L}\d.]*){0,3})?",
        "A photo credit line with a copyright sign: `Ernest Prakasa © KapanLagi.com`, `© KapanLagi.com/Daniel "
        "Kampua`, `Zarry Hendrik © instagram.com/zarhendrik`. A short line, no sentence end before the sign: "
        "prose mentioning `©` goes on after the name and stays.",
        trigger=("~©",),
        needs=("©",),
        positives=(
            (f"{BODY}\nRina Sari © WartaKita.com\n{BODY2}", "Rina Sari © WartaKita.com"),
            (f"{BODY}\n© WartaKita.com/Andi Wijaya\n{BODY2}", "© WartaKita.com/Andi Wijaya"),
        ),
        traps=(
            "Ketika ditanya oleh tim ©KapanLagi.com di Kuningan, ia menegaskan keputusannya sudah bulat.",
            "Seperti dilansir ©KapanLagi.com/Instagram, pasangan itu sudah menikah sejak 2019.",
        ),
    ),
    rule(
        "caption.c_credit_line",
        "caption",
        "line",
        r"(?!\()(?![^\n]*\([abAB]\))[^\n]{10,300}?\s\(c\)\s+(?!\p{Ll})[^\s()][^\n()]{0,59}",
        "A caption line that ends in `(c)` and its credit, as bola.net and merdeka.com write them: `Rizky Ridho "
        "merayakan golnya, Minggu (10/08/2025). (c) Dok. Persija Jakarta X`. `(c)` is also the third item of a "
        "list in prose (`huruf (a), (b), dan (c) ...`, `(c) Menolak tawaran`): a line that opens with it or "
        "holds `(a)` or `(b)` stays, as does one where a lowercase word or more than 60 characters follow it.",
        needs=("(c)",),
        positives=(
            (
                f"{BODY}\nPelatih Warta FC memimpin latihan, Sabtu (15/11/2025). (c) Dok. Warta FC\n{BODY2}",
                "Pelatih Warta FC memimpin latihan, Sabtu (15/11/2025). (c) Dok. Warta FC",
            ),
            (f"{BODY}\nAksi Andi Wijaya pada laga pramusim (c) Rina Sari\n{BODY2}", "Aksi Andi Wijaya pada laga pramusim (c) Rina Sari"),
        ),
        traps=(
            "Syaratnya tiga: (a) berusia 17 tahun, (b) memiliki KTP, dan (c) Terdaftar sebagai pemilih.",
            "Pilihan ketiga adalah opsi (c) yang menurut panitia paling mudah dijalankan oleh warga desa.",
            "(c) Menolak tawaran tersebut dan kembali ke klub lama.",
        ),
    ),
    rule(
        "caption.credit_parenthesis_line",
        "caption",
        "line",
        rf"(?:[^\n]{{0,200}}\((?i:{PHOTO_CREDIT_WORDS})|"
        rf"(?:[^\n.!?]|[.!?](?![\s,\"”]|\p{{L}})){{0,200}}\((?i:{SOURCE_CREDIT_WORDS})|"
        rf"(?![^\n]*\b(?:{REPORTING_VERBS})(?:nya)?\b)(?![^\n]*\)\.$)"
        rf"[^\n.!?\"“”()]{{3,200}}\((?i:{DOMAIN_CREDIT}))"
        rf"{CREDIT_PARENTHESIS_CLOSE}",
        "A short line that carries a photo credit in parentheses is a caption: "
        "`Ilustrasi Ruka (Image by @... on Instagram)`, `Taylor Swift memeluk Selena Gomez (REUTERS/...)`, "
        "`Walid Cheddira merayakan gol ... pada 21 September 2025. (Foto oleh Stefano RELLANDINI / AFP)`, "
        "`bakal Calon Presiden, Ganjar Pranowo (SERAMBINEWS.COM/PDIP)` (an outlet's domain and a slash, after "
        "words with no sentence end, quotation or reporting verb, the line ending at the parenthesis: a reporter's "
        "credit after a quote, `... pungkasnya.(Warta.co.id/Andi)`, closes prose). A source "
        "that is no photo word (an agency, a network) after a sentence end is prose naming its sources "
        "(`... penyelidikan.,rap/ts (AFP, dpa)`, `... Pencoblosan dilakukan 30 November. (Reuters)`): the line "
        "stays.",
        trigger=(
            "image",
            "credit",
            "foto",
            "photo",
            "sumber",
            "dok",
            "reuters",
            "afp",
            "antara",
            "tribunnews",
            "istimewa",
            "ist",
            "shutterstock",
            "instagram",
            "twitter",
            "~co",
        ),
        needs=("(",),
        ends_with=(")", ")."),
        closes_with=may_close_with_credit_parenthesis,
        positives=(
            (
                f"{BODY}\nSeorang pedagang menata cabai (Foto: dok. Warta)\n{BODY2}",
                "Seorang pedagang menata cabai (Foto: dok. Warta)",
            ),
            (f"{BODY}\nWali Kota Cimahi, Andi Wijaya (WARTAKITA.COM/Rina)\n{BODY2}", "Wali Kota Cimahi, Andi Wijaya (WARTAKITA.COM/Rina)"),
        ),
        traps=(
            "Ia datang bersama istrinya, kata warga (WartaKita.com/Andi).",
            "Akun resminya (Instagram) mengunggah video itu, lalu menghapusnya sejam kemudian.",
            f"Banyak media khawatir intimidasi akan meningkat. Pencoblosan dilakukan 30 November. (Reuters)\n{BODY2}",
        ),
        keeps=(
            # A reporter's credit after a quote closes prose: the credit goes (a credit rule), the quote stays.
            (
                f'{BODY}\n"Pelaku sudah kami amankan," pungkasnya.(WartaKita.co.id/Andi Wijaya)',
                '"Pelaku sudah kami amankan," pungkasnya.',
            ),
        ),
    ),
    rule(
        "caption.illustration_line",
        "caption",
        "line",
        r"[\p{L}\d./]{0,30}?Ilustrasi\b[^.!?\n]{0,150}(?:\.\s*(?:Foto|FOTO)\s*:\s*[^.!?\n]{1,40})?",
        "`Ilustrasi ...` caption lines without a sentence end (but for a closing `. Foto: <source>`), also with a "
        "photo source glued in front "
        "(`GoogleIlustrasi sistem operasi Android XR`).",
        trigger=("~ilustrasi",),
        needs=("ilustrasi",),
        positives=(
            (f"{BODY}\nIlustrasi pasar tradisional\n{BODY2}", "Ilustrasi pasar tradisional"),
        ),
        traps=(
            "Ilustrasi sampul buku itu dibuat oleh pelukis asal Bali.",
        ),
    ),
    rule(
        "caption.photo_before_city_dateline",
        "caption",
        "inline",
        r"(?:(?<=^)|(?<=\b(?:WIB|WITA|WIT)\s))(?:(?!\s\p{Pd}\s)[^\n]){0,200}?(?:Foto|FOTO|Ilustrasi|Video)\s*:\s*(?:(?!\s\p{Pd}\s)[^\n]){1,80}"
        r"(?=\s\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?\s\p{Pd}\s+[\p{Lu}\"“])",
        "A photo's caption and credit that a page scrape put before Detik's dateline (`Google Stadia. Foto: "
        "Stephen Lam/Reuters Jakarta - Google mengumumkan ...`): from the start of a paragraph through the `Foto:` "
        "credit, up to a place and a dash. The credit's end is where the dateline starts, so the lead is never "
        "reached, and nothing crosses a spaced dash. It starts a paragraph, or follows the time of the page "
        "header (`byline.page_header`), which is cut in the same pass.",
        trigger=("~foto", "~ilustrasi", "~video"),
        starts_after=r"\b(?:WIB|WITA|WIT)\s",
        needs=("foto", "ilustrasi", "video"),
        positives=(
            (
                f"Pasar Induk Kramat Jati. Foto: Rina Sari/wartakita Jakarta - {BODY}",
                "Pasar Induk Kramat Jati. Foto: Rina Sari/wartakita",
            ),
        ),
        traps=(
            "Lomba Foto: peserta mengirim karya ke panitia di Jakarta paling lambat Senin, kata panitia.",
        ),
    ),
    rule(
        "caption.photo_inline",
        "caption",
        "inline",
        r"(?:(?<=^)|(?<=[\s.!?\"”)\p{Ll}]))(?:Foto|FOTO|Video)\s*:\s*[^/\n]{1,60}?/\s*[\p{L}.]+?(?=\p{Lu}\p{Ll}|\s|$)",
        "Detik's photo credit glued into prose: `...Sultra.Foto: Sitti Harlina/detikcomTim Medis RS...`; the "
        "credit ends at the slash-separated source, so the next sentence is kept.",
        trigger=("~foto", "~video"),
        needs=("foto", "video"),
        # A match starts where its label does: the pattern is tried there only (its lookbehind would be tested
        # at every position).
        starts_with=("Foto", "FOTO", "Video"),
        positives=(
            (f"{BODY}Foto: Rina Sari/wartakitaPedagang menata cabai di lapak.", "Foto: Rina Sari/wartakita"),
        ),
        traps=(
            "Lomba itu dibagi dua kategori, Video: durasi paling lama tiga menit, dan Foto: satu karya per peserta.",
        ),
    ),
    rule(
        "caption.photo_label_glued",
        "caption",
        "inline",
        r"(?<=^)(?:Foto|FOTO)\s*:\s*[^\n()]{1,150}?\([^()\n]{1,40}\)(?=[\"“]?\p{Lu}\p{Ll})",
        "A `Foto:` caption opening a paragraph, its credit in parentheses glued to the article's next sentence: "
        "`Foto: Vladimir Lenin (BBC)Dengan wajah dingin ...`. The caption ends at the first parenthesis that a "
        "capitalised word follows with no space, so the sentence after it is never reached.",
        trigger=("foto",),
        needs=("foto",),
        starts_with=("Foto", "FOTO"),
        positives=(
            (
                "Foto: Pedagang menata cabai di lapak (Warta)Harga cabai naik lagi di pasar induk pekan ini.",
                "Foto: Pedagang menata cabai di lapak (Warta)",
            ),
        ),
        traps=(
            "Foto itu diambil di lapak pedagang cabai (Pasar Induk) pada Senin pagi, kata fotografernya.",
        ),
        keeps=(
            (
                "Foto: Pedagang menata cabai di lapak (Warta)Harga cabai naik lagi di pasar induk pekan ini.",
                "Harga cabai naik lagi di pasar induk pekan ini.",
            ),
        ),
    ),
    rule(
        "caption.outlet_credit_glued",
        "caption",
        "inline",
        r"(?:(?<=^)|(?<=[.!?\"”]\s{0,3}))(?:KOMPAS\.com|Kompas\.com|KOMPAS\.COM)/\s?\p{Lu}"
        r"(?:(?!(?<=\p{Ll})\p{Lu}\p{Ll})[^\n.!?]){3,300}?(?:[.!?](?=\s|$|\p{Lu}\p{Ll})|(?<=\p{Ll})(?=\p{Lu}\p{Ll}))",
        "Kompas prints a photo's credit before its caption, `KOMPAS.com/NAME Caption.`; a scrape glues it into "
        "the text (`... kata presiden.KOMPAS.com/NIRMALA MAULANA A Dari kiri ke kanan, ...`) or the next "
        "paragraph onto it (`... Jawa Tengah.Taman Balekambang buka ...`), where the line rule cannot take it. The "
        "caption ends at its first sentence end, or where a capitalised word is glued to a lowercase letter "
        "(`... Hutan Pinus MangunanSalah satu spot ...`: the next paragraph): a second sentence of the caption, "
        "or the rest of a camel-case name, stays rather than risk the article's. Only after a sentence end or at "
        "a paragraph's start: a source named in prose (`dilansir dari Kompas.com/...`) is no caption, nor is a "
        "source note (`(Sumber: Kompas.com/...)`, which the byline rules judge).",
        trigger=("kompas",),
        needs=("kompas.com/",),
        starts_with=("KOMPAS.com/", "Kompas.com/", "KOMPAS.COM/"),
        positives=(
            (
                f"{BODY}KOMPAS.com/ANDI WIJAYA Pedagang menata cabai di Pasar Induk, Senin (1/7/2024).{BODY2}",
                "KOMPAS.com/ANDI WIJAYA Pedagang menata cabai di Pasar Induk, Senin (1/7/2024).",
            ),
        ),
        traps=(
            "Data itu dilansir dari Kompas.com/Tren pada Senin, kata warga yang membagikannya.",
            "Menurut data Kompas.com/Litbang, harga cabai naik lagi pekan ini di pasar induk kota.",
        ),
        keeps=(
            # The next paragraph glued to the caption: the caption ends at the glue, the sentence stays.
            (
                "Harga naik. KOMPAS.com/ANDI Pasar Induk CimahiSalah satu pedagang menata cabai di lapaknya.",
                "Salah satu pedagang menata cabai di lapaknya.",
            ),
        ),
    ),
    rule(
        "caption.illustration_glued",
        "caption",
        "inline",
        r"(?<=[\p{L}\d.!?\"”)\]])(?:Ilustrasi\b\s*:?|Foto\s*:)[^.!?\n()]{0,120}\([^()\n]{1,60}\)(?=[\"“]?\p{Lu}\p{Ll})",
        "A photo caption flattened into the text with no space on either side: glued after the word or sentence "
        "before it and before the next sentence (Liputan6's `... dari 153 NegaraIlustrasi perubahan iklim (AFP)"
        "Pernyataan itu ...`, detik's `... imbuh Elling.Foto: Petugas pajak ... (Rolando/detikcom)Sistem ...`). "
        "From the label to its credit in parentheses, no sentence end between them. A caption with a space "
        "before it may be the article's own words (`... membuat Ilustrasi ...`): it stays.",
        trigger=("~ilustrasi", "~foto"),
        needs=("ilustrasi", "foto"),
        starts_with=("Ilustrasi", "Foto"),
        positives=(
            (
                f"{BODY} Harga Cabai MelonjakIlustrasi pedagang cabai (AFP)Pemerintah berjanji menggelar operasi "
                "pasar.",
                "Ilustrasi pedagang cabai (AFP)",
            ),
        ),
        traps=(
            "Ia membuat Ilustrasi wajah presiden (karikatur) untuk pameran itu. Pameran dibuka Senin.",
        ),
        keeps=(
            (
                f"{BODY} Harga Cabai MelonjakIlustrasi pedagang cabai (AFP)Pemerintah berjanji menggelar operasi "
                "pasar.",
                "Pemerintah berjanji menggelar operasi pasar.",
            ),
        ),
    ),
    rule(
        "caption.sentence_before_photo_credit",
        "caption",
        "inline",
        r"(?<=[.!?\"”][ \t]{1,3})[\p{Lu}\d][^.!?\n\"“”]{8,220}?[ \t]?\.[ \t]*"
        r"\((?:ANTARA FOTO|Antara Foto|ANTARA|Antara|AP Photo|REUTERS|Reuters|AFP|Foto|FOTO)[ \t]*[/:][^()\n]{1,60}\)"
        r"(?=[ \t]*[\p{Lu}\"“])",
        "The caption of a photo the scraper flattened into the paragraph: one sentence, then the photo agency's "
        "credit, then the article goes on (`... di Tokyo. Kendaraan legendaris itu dipamerkan di Tokyo Big Sight. "
        "(ANTARA/Monalisa) Daihatsu ...`). A credit in the middle of a paragraph belongs to a photo, and its "
        "caption is the sentence before it; only that sentence goes, from a sentence end, with no quotation in it "
        "(a quote before a credit is the article's), and only before photo agencies' labels: an outlet's credit "
        "(`(TribunJakarta.com/Name)`) closes the reporter's text, whose last sentence is prose.",
        trigger=("~antara", "~photo", "~reuters", "~afp", "~foto"),
        needs=("(antara", "(ap photo", "(reuters", "(afp", "(foto"),
        positives=(
            (
                f"{BODY} Pedagang menata cabai di Pasar Induk, Senin (3/6). (ANTARA/Rina Sari) {BODY2}",
                "Pedagang menata cabai di Pasar Induk, Senin (3/6). (ANTARA/Rina Sari)",
            ),
        ),
        traps=(
            f"{BODY} Warga membaca kabar itu di situs berita. (Antara News) {BODY2}",
        ),
        keeps=(
            (f"{BODY} Pedagang menata cabai di Pasar Induk, Senin (3/6). (ANTARA/Rina Sari) {BODY2}", BODY2),
            (
                f"{BODY} Setelah ditemukan, jenazah korban dibawa ke rumah keluarganya. (TribunJakarta.com/Rina Sari) "
                f"{BODY2}",
                "Setelah ditemukan, jenazah korban dibawa ke rumah keluarganya.",
            ),
            (
                f'{BODY} "Kami akan terus memantau harga," kata Rina. (Foto: Warta/Andi) {BODY2}',
                '"Kami akan terus memantau harga," kata Rina.',
            ),
        ),
    ),
    rule(
        "caption.credit_parenthesis",
        "caption",
        "inline",
        r"\((?:(?:Tribun[\p{L}-]*\.com|Tribunnews|TRIBUNNEWS|REUTERS|Reuters|ANTARA FOTO|Antara Foto|AP Photo|AFP|dok|"
        r"Dok|Istimewa|istimewa|Image by)(?!\p{L})\s*[/:.]?|(?:ANTARA|Antara)\s*/|(?:Foto|foto|credit|Credit)\s*[/:])"
        r"\s*[^()\n]{1,80}\)",
        "A photo-credit parenthesis inside a paragraph: `(Tribunnews/Herudin)`, `(REUTERS / Danny Moloshok)`, "
        "`(TribunnewsSultra.com/Sugi Hartono)`, `(ANTARA/Beyonce.com)`, `(Foto: Istimewa)`. The label is a whole "
        "word: `(dokter)`, `(Doktor)`, `(Fotografer)` and `(AFPI)` are prose. Antara, `foto` and `credit` are "
        "labels only with their slash or colon: `(Antara News)`, `(foto paling kiri)`, `(foto ini)` and "
        "`(credit scoring)` are prose.",
        trigger=("~tribun", "reuters", "antara", "photo", "afp", "foto", "dok", "istimewa", "image", "credit"),
        needs=(
            "(tribun",
            "(reuters",
            "(antara",
            "(ap photo",
            "(afp",
            "(foto",
            "(dok",
            "(istimewa",
            "(image by",
            "(credit",
        ),
        positives=(
            ("Banjir menggenangi jalan. (Tribunnews/Andi) Warga mengungsi ke masjid.", "(Tribunnews/Andi)"),
            ("Banjir menggenangi jalan. (Tribun-Papua.com/Andi) Warga mengungsi.", "(Tribun-Papua.com/Andi)"),
            ("Penyanyi itu merilis lagu baru. (ANTARA/Warta.com) Lagu itu langsung populer.", "(ANTARA/Warta.com)"),
            ("Polisi berjaga di depan gedung. (Foto: Istimewa) Massa mulai berdatangan.", "(Foto: Istimewa)"),
        ),
        traps=(
            "Ia datang bersama istrinya (dokter gigi di puskesmas) dan dua anaknya.",
            "Penyelenggara wajib menilai kelayakan pendanaan (credit scoring) sebelum menyalurkan pinjaman.",
            "Mobil itu tampak mirip dengan mobil Esemka Bima (foto paling kiri baris pertama) yang viral.",
        ),
    ),
    rule(
        "nav.page_count",
        "nav",
        "line",
        r"(?i:[0-9]{1,2}\s+dari\s+[0-9]{1,2}\s+halaman|selanjutnya(?:\s*:\s*[^.!?\n]{1,100})?|"
        r"halaman\s+[0-9]{1,2}\s+dari\s+[0-9]{1,2})",
        "A multi-page article's page marks on their own line: `2 dari 3 halaman`, and the `Selanjutnya` link "
        "(`Selanjutnya: <next page's headline>`, no sentence end in it). Only the whole line goes; "
        "`Selanjutnya, polisi memeriksa saksi.` is prose and stays.",
        trigger=("~halaman", "~selanjutnya"),
        positives=(
            (f"{BODY}\n2 dari 3 halaman\n{BODY2}", "2 dari 3 halaman"),
            (f"{BODY}\nSelanjutnya\n{BODY2}", "Selanjutnya"),
            (f"{BODY}\n{BODY2}\nSelanjutnya: Berdampak pada Kondisi Pertanian", "Selanjutnya: Berdampak pada Kondisi Pertanian"),
        ),
        traps=(
            "Selanjutnya, polisi memeriksa tiga saksi di markas polres.",
            "Dua dari tiga halaman buku itu robek saat ditemukan di gudang.",
        ),
    ),
    rule(
        "other.none_placeholder",
        "other",
        "line",
        r"(?:None|null)(?:\s+(?:None|null))*",
        "A scraper that wrote an empty field as Python's `None` (or JSON's `null`) leaves it as a line of its own; "
        "no sentence is only those words. Inside a sentence they stay.",
        trigger=("~none", "~null"),
        first_chars="nN",
        positives=(
            (f"{BODY}\nNone None\n{BODY2}", "None None"),
        ),
        traps=(
            "Nilai kolom itu tercatat None di basis data lama, kata petugas.",
        ),
    ),
    rule(
        "embed.video_prompt",
        "embed",
        "line",
        r"(?i:(?:yuk,?\s+)?(?:simak|saksikan|tonton|lihat)(?:\s+juga)?\s+(?:video|infografis|rangkaian\s+infografis)"
        r"(?:[^.!?\n]{0,40}?\s*[:!.]?|\s*:?\s*['\"‘“][^\n'\"’”]{1,150}['\"’”]\s*:?))|"
        r"(?i:simak|saksikan|tonton|lihat)(?:\s+(?i:juga))?\s+(?i:video)\s*:\s*(?:(?![.!?]\s+\p{Lu})[^\n]){1,160}",
        "The line that introduces an embedded video or infographic the scraper dropped: `Simak video pilihan "
        "berikut`, `Yuk, Simak Juga Video ini!`, `Simak dalam rangkaian Infografis berikut ini`. Only a line "
        "that is nothing else; a sentence that goes on after it stays. Detik names the video in quotes: `Simak "
        "Video 'Ahmad Dhani Sindir Keras soal Sengketa Hak Cipta':`, or after a colon: `Simak Video: Gunung "
        "Lewotobi Meletus, Status Naik Menjadi Awas` (one title, no second sentence), above its `[Gambas:...]`.",
        trigger=("simak", "saksikan", "tonton", "lihat"),
        first_chars="ystol",
        positives=(
            (f"{BODY}\nSimak video pilihan berikut\n{BODY2}", "Simak video pilihan berikut"),
            (f"{BODY}\nYuk, Simak Juga Video ini!\n{BODY2}", "Yuk, Simak Juga Video ini!"),
            (
                f"{BODY}\nSimak Video 'Warga Padati Pasar Jelang Lebaran, Harga Naik':\n{BODY2}",
                "Simak Video 'Warga Padati Pasar Jelang Lebaran, Harga Naik':",
            ),
            (
                f"{BODY}\nSimak juga Video: Warga Padati Pasar Jelang Lebaran, Harga Naik?\n[Gambas:Video 20detik]",
                "Simak juga Video: Warga Padati Pasar Jelang Lebaran, Harga Naik?",
            ),
        ),
        traps=(
            "Simak video itu, kata hakim, sebelum saksi memberi keterangan di persidangan hari ini yang panjang.",
            "Lihat video: Pasar itu ramai. Warga berdesakan membeli beras murah sejak pagi.",
        ),
    ),
    rule(
        "embed.closing_prompt",
        "embed",
        "tail",
        r"(?:(?<=^)|(?<=[.!?\"”]\s{0,3}))(?:(?:Yuk|Ayo),?\s+)?(?:Simak|Saksikan|Tonton|Lihat|Cek)\b"
        r"(?:'[^'\n]{1,160}'|\"[^\"\n]{1,160}\"|“[^”\n]{1,160}”|‘[^’\n]{1,160}’|[^\n.!?'\"“”‘’]|[.!?](?=\S)){3,200}"
        r"\s*:\s*$",
        "The sentence that closes an article by pointing at an embed the scraper dropped: `Lihat Video '32 "
        "Penerbangan Dibatalkan':`, `Saksikan Live DetikPagi:`, `Simak dalam rangkaian Infografis berikut ini:`. "
        "It opens with an invitation verb after a sentence end and ends the article with a colon, so what it "
        "introduces is missing; a sentence of prose neither invites the reader nor ends an article on a colon. "
        "Only that sentence goes (no sentence end outside quotes in it).",
        trigger=("simak", "saksikan", "tonton", "lihat", "cek"),
        needs=(":",),
        starts_with=("Yuk", "Ayo", "Simak", "Saksikan", "Tonton", "Lihat", "Cek"),
        positives=(
            (f"{BODY} Lihat Video 'Warga Padati Pasar: Harga Naik':", "Lihat Video 'Warga Padati Pasar: Harga Naik':"),
            (f"{BODY} Simak dalam rangkaian Infografis berikut ini:", "Simak dalam rangkaian Infografis berikut ini:"),
        ),
        traps=(
            f"{BODY} Lihat saja data BPS: harga beras naik tiga persen.",
            f"{BODY} Cek harga beras di pasar terdekat. Menurut dia, ada tiga hal:",
        ),
    ),
)
