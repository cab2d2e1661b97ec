"""Word lists and label data shared by the rules and the engine's heuristics: the related-article labels,
the words a headline or a sentence opens with, the names that look like two glued words.

Data only: it imports nothing from newsclean, so both `newsclean.patterns` and `newsclean.cleaner` can
import it without a cycle.
"""

from __future__ import annotations

#: Labels that open a related-article link (`Baca juga: ...`, Tempo's and Kompas's bare `Baca: ...`, which needs
#: its colon). Shared with the engine, which also finds the end of a headline glued into prose.
RELATED_LABEL = (
    r"(?:-\s*)?(?:(?:(?i:baca\s*(?:juga|pula|ini\s+juga(?:\s+deh)?)|lihat\s+juga|simak\s+juga|tonton\s+juga|"
    r"saksikan\s+juga|baca\s+(?:artikel|berita)\s+(?:menarik\s+)?(?:lainnya|terkait)|artikel\s+terkait|"
    r"berita\s+terkait|related(?:\s+news)?)|(?:Baca|BACA)(?=\s*[:：]))(?:\s+(?i:video))?)"
)
#: What a text opening with `RELATED_LABEL` opens with, case-folded (a dash, or the first letter of a label).
RELATED_LABEL_FIRST_CHARS = "-blstar"
#: What a text opening with `RELATED_LABEL` opens with, case-folded: a dash or the first word of a label.
RELATED_LABEL_OPENINGS = ("-", "baca", "lihat", "simak", "tonton", "saksikan", "artikel", "berita", "related")

#: The label words of `RELATED_TRIGGER` (`newsclean.cleaner.inline`).
RELATED_TRIGGER_WORDS = ("baca", "lihat", "simak", "tonton", "saksikan", "artikel", "berita", "related")

#: Lowercase words a title-case headline holds (`newsclean.cleaner.headlines.headline_end`).
HEADLINE_SMALL_WORDS = frozenset(
    [
        "di",
        "ke",
        "dari",
        "dan",
        "yang",
        "untuk",
        "dengan",
        "pada",
        "dalam",
        "atau",
        "asal",
        "jadi",
        "vs",
        "oleh",
        "bagi",
        "tak",
        "hingga",
        "usai",
        "saat",
        "soal",
        "karena",
        "akan",
        "kini",
        "ini",
        "itu",
        "jelang",
        "lewat",
        "demi",
        "agar",
        "lalu",
        "tapi",
        "terkait",
        "ala",
        "per",
        "the",
        "of",
        "and",
        "in",
        "on",
        "for",
        "to",
        "a",
    ]
)
#: What opens the parenthesis of a photo credit closing a caption line (`caption.credit_parenthesis_line`), as
#: regex alternations, case-insensitive: a photo word, a source that is no photo word (a wire, a network), and an
#: outlet's domain and a slash (`(SERAMBINEWS.COM/PDIP)`).
PHOTO_CREDIT_WORDS = r"image\s+by|credit|foto|photo|dok|ap\s+photo|antara\s+foto|istimewa|ist|shutterstock"
SOURCE_CREDIT_WORDS = r"sumber|reuters|afp|tribunnews|instagram|twitter"
DOMAIN_CREDIT = r"[\p{L}\d-]{2,30}\.(?:com|co\.id)\s*/"
#: What follows a credit's opening words to the line's end: the rest of the parenthesis, and a full stop.
CREDIT_PARENTHESIS_CLOSE = r"\b[^()\n]{0,100}\)\.?"
#: The months as Indonesian dates write them (`14 Desember 2024`), as a regex alternation.
MONTHS_ID = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
#: Verbs that report speech after a quotation or a comma (`..., ujar Teuku`, `...,” kata Umar`), as a regex
#: alternation; each may take `-nya`. `SPEECH_ENDING_VERBS` adds those that close a quotation only.
REPORTING_VERBS = "kata|ujar|ucap|tutur|jelas|ungkap|imbuh|tambah|sebut|lanjut"
SPEECH_ENDING_VERBS = f"{REPORTING_VERBS}|terang|tanya|tegas"
#: Words that open an Indonesian sentence and almost never sit inside a title-case headline (written by hand;
#: `COUNTED_SENTENCE_OPENERS` adds the ones counted in the samples).
WRITTEN_SENTENCE_OPENERS = frozenset(
    [
        "Sementara",
        "Bahkan",
        "Namun",
        "Selain",
        "Menurut",
        "Sebelumnya",
        "Kemudian",
        "Adapun",
        "Sedangkan",
        "Padahal",
        "Meski",
        "Meskipun",
        "Sejak",
        "Selanjutnya",
        "Dengan",
        "Hal",
        "Ia",
        "Dia",
        "Mereka",
        "Kami",
        "Saya",
        "Kita",
        "Diketahui",
        "Dikatakan",
        "Disebutkan",
        "Sebelum",
        "Setelah",
        "Sesuai",
        "Oleh",
        "Untuk",
        "Tak",
        "Tidak",
        "Pihaknya",
        "Terkait",
        "Hingga",
        "Dalam",
        "Pada",
        "Saat",
        "Ketika",
        "Kala",
        "Lalu",
        "Jika",
        "Apabila",
        "Karena",
        "Sebab",
        "Oleh",
        "Sebagaimana",
        "Seperti",
        "Sama",
        "Begitu",
        "Demikian",
        "Akibatnya",
        "Alhasil",
        "Selama",
        "Sebagai",
    ]
)
#: Sentence openers counted in the project's two shared samples (53,894 articles): capitalised words that open
#: a sentence (after a sentence end or at a line's start) at least 40 times, stand capitalised after a
#: lowercase word (as a name would) at most 5% as often, and sit inside an article's title (not first) at most
#: 10% as often. Read by hand afterwards: scraper words, names and imperatives of widgets (`Advertisement`,
#: `Rimanews`, `Tonton`, `Selengkapnya`) were left out. General vocabulary, not text of the samples. A
#: headline end is put before one only when it opens a sentence there (`headlines._opens_sentence`: its comma,
#: or a lowercase word next), so a title-case headline that holds the word (`Kabar Dari Istana`) keeps it.
_COUNTED_SENTENCE_OPENERS = """
    Tapi Dari Kalau Itu Menurutnya Pasalnya Beberapa Sehingga Apalagi Keduanya Nah Tetapi Maka Artinya Misalnya
    Sayangnya Termasuk Terlebih Semoga Dilansir Kendati Apakah Tentu Mungkin Nanti Bila Memang Makanya Hasilnya
    Biasanya Nantinya Itulah Terutama Atau Rencananya Tujuannya Rupanya Walau Setidaknya Tentunya Walaupun
    Seiring Ditambah Mengingat Terdapat Contohnya Semuanya Karenanya Yakni Beruntung Kemarin Harapannya
    Ketiganya Tepatnya Khususnya Baginya Entah Tadi Pantauan Yaitu Kebetulan Bahwa Intinya Supaya Untungnya
    Terlepas Kebanyakan Pokoknya Kadang Sisanya Bukannya Uniknya Kabarnya Soalnya Setelahnya Saking Terkadang
    Iya Lantaran Senada Katanya Lokasinya Sungguh Mulanya Melainkan Sontak Tampaknya Setibanya Terdiri Kalaupun
    Diantaranya Apapun Pastinya Kayaknya Disusul Misal Maksudnya Sejatinya Semenjak Seringkali Kalo Sembari
    Betapa Semula Berbekal Toh Disamping Ketahuilah Selebihnya Mengacu Lagipula Semasa Menilik Jumlahnya
    Bentuknya Ironisnya Eh
"""
COUNTED_SENTENCE_OPENERS = frozenset(_COUNTED_SENTENCE_OPENERS.split())
SENTENCE_OPENERS = WRITTEN_SENTENCE_OPENERS | COUNTED_SENTENCE_OPENERS
#: Words that open a sentence when a comma follows them (`Jadi, mana yang jadi favoritmu?`) but sit inside
#: headlines without one (`Jadi Tersangka`), so they are no `SENTENCE_OPENERS`.
OPENERS_BEFORE_COMMA = frozenset(["Jadi", "Nah", "Intinya", "Singkatnya", "Pokoknya"])

#: Capitalised camel-case words that are names, not two glued words; a headline boundary is never put inside.
CAMEL_NAMES = frozenset(
    [
        "WhatsApp",
        "YouTube",
        "TikTok",
        "PlayStation",
        "MasterChef",
        "LinkedIn",
        "PayPal",
        "OnePlus",
        "GoPay",
        "OVO",
        "ShopeePay",
        "LinkAja",
        "McDonald",
        "McDonalds",
        "BlackBerry",
        "PowerPoint",
        "JavaScript",
        "WordPress",
        "iPhone",
        "iPad",
        "MacBook",
        "FaceTime",
        "SpaceX",
        "OpenAI",
        "ChatGPT",
        "DeepSeek",
        "KompasTV",
        "MetroTV",
        "GoTo",
        "GoFood",
        "GoRide",
        "GrabFood",
        "NasDem",
        "DeepMind",
    ]
)
