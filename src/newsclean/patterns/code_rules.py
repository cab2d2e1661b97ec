"""The rules written as code: shapes that need more than one pattern, as data for the registry.

Their code is in the zone modules of `newsclean.cleaner` (and restated in `newsclean.cleaner.reference`);
here each has what a catalogue rule has, so that `newsclean.patterns.REGISTRY` and `newsclean rules` list every
rule alike: its name (reported with every removal, and the handle to turn it off), the kind its removals carry,
its zone (`newsclean.patterns.base.Zone`), why it exists, where its code is, and the examples the tests run.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import Zone
from .examples import BODY, BODY2


@dataclass(frozen=True, slots=True)
class CodeRule:
    """A rule written as code. `code` names, as dotted paths, the functions (or patterns) of the fast engine
    that implement it; `positives`, `traps` and `keeps` are as on `newsclean.patterns.base.Rule`."""

    name: str
    kind: str
    zone: Zone
    why: str
    code: tuple[str, ...]
    positives: tuple[tuple[str, str], ...]
    traps: tuple[str, ...]
    keeps: tuple[tuple[str, str], ...] = ()


CODE_RULES: tuple[CodeRule, ...] = (
    CodeRule(
        "related.line",
        "related",
        "line",
        "A paragraph that opens with a related-article label and goes on with a headline (`Baca juga: Harga "
        "Cabai Turun`) goes whole. After a label followed by prose (a finished sentence) the scraper lost the "
        "headline: the paragraph stays, label and all, since cutting the rest of the line would delete real text.",
        code=("newsclean.cleaner.lines.apply_line_rules", "newsclean.cleaner.lines.is_related_link_line"),
        positives=(
            (
                f"{BODY}\nBaca juga: Harga Cabai Turun Jelang Lebaran\n{BODY2}",
                "Baca juga: Harga Cabai Turun Jelang Lebaran",
            ),
        ),
        traps=(
            "Baca Juga Tidak hanya Luhut, Menteri Koordinator lain ikut hadir. Mereka membahas pajak.",
        ),
        keeps=(
            # A headline glued to the next paragraph's prose with no sentence break between them: the line is
            # no related link, only its label goes.
            (
                f"{BODY}\nBaca juga: Beasiswa Dibuka, Kuliah di 3 Negara Ia juga menyampaikan tekad untuk membawa "
                "semangat belajar dalam setiap langkahnya.“Saya berkomitmen,” katanya.\n{BODY2}",
                "Ia juga menyampaikan tekad untuk membawa semangat belajar dalam setiap langkahnya.",
            ),
            # A quotation after a bare label (the scraper lost the headline).
            (
                f'{BODY}\nBaca juga:,"Kita yakini daftar ini muncul dari analisis risiko," ujar pria itu.,\n{BODY2}',
                '"Kita yakini daftar ini muncul dari analisis risiko," ujar pria itu.',
            ),
        ),
    ),
    CodeRule(
        "related.headline_after_label",
        "related",
        "line",
        "After a bare `Baca Juga` label, up to four headline lines follow (Republika); after `Baca juga:`, one "
        "(Detik). A following line that is a finished sentence, or longer than a headline, ends the run: it is prose.",
        code=("newsclean.cleaner.lines.drop_headlines_after_label", "newsclean.cleaner.headlines.is_headline"),
        positives=(
            (f"{BODY}\nBaca Juga\nWali Kota Resmikan Pasar Baru di Cimahi\n{BODY2}", "Wali Kota Resmikan Pasar Baru di Cimahi"),
        ),
        traps=(
            # A label that opens a sentence is no bare label: the subheading after it stays.
            "Simak juga penjelasan petugas di bawah ini.\n\nJadwal Operasi Pasar di Tiga Kecamatan\n\n"
            "Operasi pasar digelar mulai Senin pagi di balai desa.",
        ),
    ),
    CodeRule(
        "related.inline_headline",
        "related",
        "inline",
        "`Baca juga: <headline>` glued into a paragraph: the label and the headline go, up to where the headline "
        "ends (the next label, two words glued without a space, a word that opens sentences, or the last "
        "capitalised run before lowercase prose), erring towards keeping prose. The label needs its colon.",
        code=("newsclean.cleaner.inline.related_links", "newsclean.cleaner.headlines.headline_end"),
        positives=(
            (
                f"{BODY} Baca juga: Harga Cabai Turun Jelang LebaranSejak pekan lalu pasokan menurun.",
                "Baca juga: Harga Cabai Turun Jelang Lebaran",
            ),
            (f"{BODY} Baca juga: Harga Cabai Turun Pewarta: Andi Wijaya", "Baca juga: Harga Cabai Turun"),
            # The next paragraph glued on: an opening quote right after the headline's last word, a quotation of
            # speech (`tests/test_headlines.py` has more, on paragraphs as the engine sees them).
            (
                f'{BODY} Baca juga: Polisi Sita 9 Gram Sabu di Cimahi"Maka dari itu tempatnya harus aman," ujarnya.',
                "Baca juga: Polisi Sita 9 Gram Sabu di Cimahi",
            ),
            (
                f"{BODY} Baca juga: Kampung Aman Berkat Gotong Royong “Maka dengan membangun pos ronda, warga merasa "
                "aman,” kata Budi.",
                "Baca juga: Kampung Aman Berkat Gotong Royong",
            ),
        ),
        traps=(
            "Petugas meminta warga melihat juga papan pengumuman di balai desa: jadwal operasi pasar berubah mulai "
            "Senin.",
        ),
        keeps=(
            # A headline glued onto the next paragraph with only a space: where it ends is a guess, so only the
            # label goes; the cut before a lowercase word took `“Maka dengan` or a speaker's name.
            (
                f"{BODY} Baca juga: Harga Beras Naik Lagi di Pasar Cimahi Pedagang itu, seperti dikutip Antara, "
                "menaikkan harga sejak Senin.",
                "Pedagang itu, seperti dikutip Antara, menaikkan harga sejak Senin.",
            ),
            (
                f"{BODY} Baca juga: Bansos Beras Mulai Disalurkan Akhir Juni 2025 Bansos ini ditujukan kepada 18 "
                "juta keluarga.",
                "Bansos ini ditujukan kepada 18 juta keluarga.",
            ),
            # Words glued inside prose where the scraper stripped a link (`KieshaAlvaro`) are no headline end when
            # what stands before them is prose: a reporting verb after a comma.
            (
                f"{BODY} Baca juga: Artis harapkan sosok pemimpin yang peduli budaya Pemimpin yang memahami "
                "generasi muda, kata KieshaAlvaro, akan mendengar anak muda.",
                "Pemimpin yang memahami generasi muda, kata KieshaAlvaro, akan mendengar anak muda.",
            ),
            # A headline never runs over a line break.
            (
                f"{BODY} Baca juga: Ramalan Zodiak Capricorn Hari Ini 10 Juni 2025: Cinta, Karier hingga Keuangan\n"
                "“Undangannya ini untuk lima orang, dan saya mengajak teman,” katanya.",
                "“Undangannya ini untuk lima orang, dan saya mengajak teman,” katanya.",
            ),
        ),
    ),
    CodeRule(
        "caption.before_dateline",
        "caption",
        "lead",
        "Scrapers put a photo caption (often repeating the lead), a `(Sputnik)` photo credit or a `Laporan "
        "Wartawan ...` line above the dateline, or glue it in front of it: what stands before a dateline found in "
        "the first body paragraphs goes. With no dateline nothing does, and past the article's start a dateline "
        "must read as one (`Rute Denpasar (DPS) - Labuan Bajo` is prose). A paragraph that quotes someone "
        "(`...damai,” kata Umar`) is no caption: Tribun opens some stories with speech above the dateline.",
        code=("newsclean.cleaner.lead.strip_lead", "newsclean.cleaner.lead.is_plausible_inside"),
        positives=(
            (f"Warga antre membeli beras murah.\nCIMAHI, WARTAKITA.com - {BODY}", "Warga antre membeli beras murah."),
        ),
        keeps=(
            (
                f"“Kami menjual kopi untuk hidup baru,” kata Umar, pemilik kedai itu.\nCIMAHI, WARTAKITA.com - {BODY}",
                "“Kami menjual kopi untuk hidup baru,” kata Umar, pemilik kedai itu.",
            ),
        ),
        traps=(
            # A parenthesised abbreviation then a hyphen is a compound, not an agency dateline glued into the lead.
            "Maskapai itu menambah rute penerbangan harian. Rute Denpasar (DPS) - Labuan Bajo (LBJ) dibuka pekan depan.",
        ),
    ),
    CodeRule(
        "nav.contents_entries",
        "nav",
        "line",
        "Detik opens long articles with `Daftar Isi` and the titles of the sections below, one per line; the "
        "lines after the label go while each is short, ends no statement (a question may: subheadings ask them) "
        "and stands again further down as the subheading it links to, which stays: a line of its own, or, where "
        "the scraper glued the subheadings into the text, between a sentence end (or a list's colon) and a "
        "capital glued on (`...dahulu.Apakah Prediabetes Bisa Sembuh?Prediabetes masih ...`). The article's "
        "first paragraph after an empty table is never repeated below, and stays.",
        code=(
            "newsclean.cleaner.lines.drop_contents_entries",
            "newsclean.cleaner.lines._is_contents_entry",
        ),
        positives=(
            (
                f"Daftar Isi\nSyarat Ikut Lelang\nCara Daftar Lelang\n{BODY}\nSyarat Ikut Lelang\n{BODY2}",
                "Syarat Ikut Lelang",
            ),
            (
                f"Daftar Isi\nBolehkah Warga Ikut Lelang?\n1. Daftar Lewat Situs\n{BODY} Lelang digelar pekan depan."
                "Bolehkah Warga Ikut Lelang?Semua warga boleh ikut, dengan dua cara: 1. Daftar Lewat SitusPeserta "
                "mengisi formulir di situs komisi.",
                "Bolehkah Warga Ikut Lelang?",
            ),
        ),
        traps=(
            # A subheading repeated below without the label before it is the article's.
            "Syarat Ikut Lelang\nKomisi itu akan melelang barang rampasan pekan ini.\nSyarat Ikut Lelang\n"
            "Peserta wajib mendaftar lebih dulu.",
        ),
        keeps=(
            # A title-case line after the label that is not repeated below is the article's.
            (
                "Daftar Isi\nLelang Barang Rampasan Digelar Rabu\nKomisi itu akan melelang barang rampasan pekan ini.",
                "Lelang Barang Rampasan Digelar Rabu",
            ),
        ),
    ),
    CodeRule(
        "caption.after_credit_line",
        "caption",
        "line",
        "Kompas and the pages of agency photos put the credit above the caption (`KOMPAS.com/SUCI RAHAYU`, then "
        "`Pemain Warta FC merayakan gol di Stadion Cimahi, Minggu (2/11/2025).`): after a credit alone on its "
        "line (`caption.photo_line`), the next line goes when it has a caption's shape: one sentence ending on "
        "the photo's date (`Minggu (2/11/2025).`, or written out as agencies do: `pada 14 Desember 2024.`), a "
        "sentence-case line without a sentence end, or `Ilustrasi ...`. Not after a credit "
        "with the caption glued to it, whose next line is the article's, nor a line that quotes or reports "
        "speech, has a second sentence, or ends without the date (`Desain tersebut dirancang ...`).",
        code=(
            "newsclean.cleaner.introduced.drop_caption_after_credit",
            "newsclean.cleaner.introduced.reads_as_caption",
        ),
        positives=(
            (
                f"{BODY}\nKOMPAS.com/RINA SARI\nPemain Warta FC merayakan gol ke gawang Cimahi United di Stadion "
                f"Siliwangi, Minggu (2/11/2025).\n{BODY2}",
                "Pemain Warta FC merayakan gol ke gawang Cimahi United di Stadion Siliwangi, Minggu (2/11/2025).",
            ),
            (
                f"{BODY}\nANTARA FOTO/Andi Wijaya\nPetugas menata karung beras di gudang Bulog Cimahi\n{BODY2}",
                "Petugas menata karung beras di gudang Bulog Cimahi",
            ),
            (
                f"{BODY}\nAFP/RINA SARI\nKapten Warta FC berebut bola dengan penyerang lawan di Stadion Siliwangi, "
                "pada 14 Desember 2024.",
                "Kapten Warta FC berebut bola dengan penyerang lawan di Stadion Siliwangi, pada 14 Desember 2024.",
            ),
        ),
        traps=(
            # A subheading, capitalised and short, is no caption even without a sentence end.
            "Gol Andi Wijaya Jadi Penentu",
        ),
        keeps=(
            # After a credit alone the article may go on: a sentence without the photo's date at its end.
            (
                f"{BODY}\nKOMPAS.com/RINA SARI\nDesain tersebut dirancang agar pengemudi tetap merasa nyaman.\n{BODY2}",
                "Desain tersebut dirancang agar pengemudi tetap merasa nyaman.",
            ),
            (
                f"{BODY}\nKOMPAS.com/RINA SARI\nPelatih Warta FC menilai hasil imbang, Sabtu (8/11/2025), terasa "
                f"seperti kekalahan.\n{BODY2}",
                "Pelatih Warta FC menilai hasil imbang, Sabtu (8/11/2025), terasa seperti kekalahan.",
            ),
            (f"{BODY}\nKOMPAS.com/RINA SARI\nGol Andi Wijaya Jadi Penentu\n{BODY2}", "Gol Andi Wijaya Jadi Penentu"),
            # The caption is glued to the credit: the next line is the article's.
            (
                f"{BODY}\nKOMPAS.com/RINASARIToyota Avanza Terbaru\nMobil itu dijual mulai pekan depan di Cimahi\n"
                f"{BODY2}",
                "Mobil itu dijual mulai pekan depan di Cimahi",
            ),
            (
                f"{BODY}\nKOMPAS.com/RINA SARI\nBupati meresmikan pasar itu, Senin (3/11/2025), kata Andi.\n{BODY2}",
                "Bupati meresmikan pasar itu, Senin (3/11/2025), kata Andi.",
            ),
        ),
    ),
    CodeRule(
        "embed.after_video_prompt",
        "embed",
        "line",
        "Liputan6 closes a page with a video: `Saksikan Video Pilihan Berikut Ini:`, the video's description, "
        "then the next page's link (`Selanjutnya: ...`). After a video prompt line that ends in a colon "
        "(`embed.video_prompt`), the paragraph that ends the article (nothing after it but next-page links) goes "
        "when it is short: at most two sentences, no quotation or reported speech. A prompt in the middle of an "
        "article is followed by its prose, which stays.",
        code=("newsclean.cleaner.introduced.drop_video_description",),
        positives=(
            (
                f"{BODY}\nSaksikan Video Pilihan Berikut Ini:\nWarga Cimahi memadati pasar murah jelang Lebaran.\n"
                "Selanjutnya: Harga Cabai Turun",
                "Warga Cimahi memadati pasar murah jelang Lebaran.",
            ),
        ),
        traps=(
            # A sentence about a video, not a prompt line: what follows it is the article's.
            f"{BODY}\nWarga menyaksikan video itu bersama tetangga:\nPasar murah digelar di Cimahi.",
        ),
        keeps=(
            (f"{BODY}\nSaksikan Video Pilihan Berikut Ini:\n{BODY2}\nPasar itu buka setiap hari.", BODY2),
            (
                f"{BODY}\nSaksikan Video Pilihan Berikut Ini:\n\"Kami senang,\" kata Andi, pedagang di pasar itu.",
                "\"Kami senang,\" kata Andi, pedagang di pasar itu.",
            ),
        ),
    ),
    CodeRule(
        "caption.teaser_repeats_lead",
        "caption",
        "lead",
        "Liputan6 (2016) and others open with the photo caption or RSS teaser, then the lead repeats it: a short "
        "first paragraph whose words all reappear, in order, in the next one goes. Only a paragraph contained "
        "whole in the next is removed, so a real first paragraph survives.",
        code=("newsclean.cleaner.lead._teaser_repeating_lead",),
        positives=(
            (
                f"Harga beras di pasar tradisional naik dua kali.\nHarga beras di pasar "
                f"tradisional naik dua kali dalam sepekan ini, kata pedagang.\n{BODY2}",
                "Harga beras di pasar tradisional naik dua kali.",
            ),
        ),
        traps=(
            # The lead repeats most of the first paragraph, not all of it.
            f"Harga beras di pasar tradisional naik dua kali dalam sepekan menjelang Lebaran.\n\n{BODY}",
        ),
    ),
    CodeRule(
        "tags.after_credit",
        "tags",
        "tail",
        "Detik follows the editor code with topic tags in lowercase (`(fbr/wes) luna maya`, or one tag per line): "
        "only lowercase text after a credit code, or lines after a removed credit line, are taken, so a lowercase "
        "last line of prose is never a tag.",
        code=("newsclean.cleaner.tail._first_tail_cut", "newsclean.cleaner.tail.drop_trailing_tag_lines"),
        positives=(
            (f"{BODY} (abc/xyz) harga beras pasar induk", "harga beras pasar induk"),
        ),
        traps=(
            "Acara ditutup dengan pembacaan puisi oleh murid kelas enam.\n\nkami menanam padi di tanah sendiri",
        ),
    ),
    CodeRule(
        "embed.doubled_title",
        "embed",
        "tail",
        "A video or related-story widget at the end of the body prints its headline twice, each on a line of its "
        "own, before the editor code: both lines go when they are the last two standing, identical, and shaped as "
        "a headline (a capital, three words or more, no sentence end inside). A doubled closing sentence ends with "
        "a point and is left to the repeat rule, which keeps its first copy.",
        code=("newsclean.cleaner.tail.drop_doubled_title",),
        positives=(
            (
                f"{BODY}\n{BODY2}\nGempa Guncang Jepang, Tsunami Diprediksi Terjadi\n"
                "Gempa Guncang Jepang, Tsunami Diprediksi Terjadi\n(abc/xyz)",
                "Gempa Guncang Jepang, Tsunami Diprediksi Terjadi",
            ),
        ),
        traps=(
            f"{BODY}\nWarga diminta tetap tenang dan tidak panik.\nWarga diminta tetap tenang dan tidak panik.",
        ),
    ),
    CodeRule(
        "byline.signature_block",
        "byline",
        "tail",
        "An opinion piece ends with its author's name and titles, one per line (`Prof. X` / `Direktur ...`): taken "
        "only when the last two to four paragraphs are all short, capitalised and unpunctuated, the first of them "
        "reads as a personal name, and prose stands before them. A closing subheading or a one-line last sentence "
        "has punctuation or no name shape, and stays.",
        code=("newsclean.cleaner.tail.drop_signature_block",),
        positives=(
            (f"{BODY}\n{BODY2}\n{BODY}\nProf. Ahmad Subagja\nGuru Besar Universitas Kita", "Prof. Ahmad Subagja"),
        ),
        traps=(
            f"{BODY}\n{BODY2}\nMenurut dia, pasokan dari sentra produksi tersendat karena hujan.\n"
            "Salam hangat dari pengurus pasar\nPaguyuban Pedagang Kramat Jati",
        ),
    ),
    CodeRule(
        "repeat.paragraph",
        "repeat",
        "repeats",
        "Scrapers print a block twice (around an `Advertisement` line), nest copies or repeat an embed under its "
        "attribution: a paragraph that repeats an earlier one (ignoring case, punctuation and a `Video` label) "
        "goes and the first body copy stays. Only prose is removed, or a paragraph that continues a removed block: "
        "a chorus, a court reply or a list item that recurs stays.",
        code=("newsclean.cleaner.repeats.drop_repeats", "newsclean.repeats.find_repeats"),
        positives=(
            (f"{BODY}\n{BODY2}\nAdvertisement\n{BODY}\n{BODY2}", BODY),
        ),
        traps=(
            "Kita usahakan rumah itu\nTanpa lelah tanpa ragu\n\nKita usahakan rumah itu\nTanpa lelah tanpa ragu",
            '"Iya pak," jawab Maryam.\n\nHakim bertanya lagi soal uang itu.\n\n"Iya pak," jawab Maryam.',
            "Syarat pendaftaran:\n\n- Fotokopi KTP.\n\nSyarat perpanjangan:\n\n- Fotokopi KTP.",
        ),
    ),
    CodeRule(
        "other.title_repeated",
        "other",
        "title",
        "Scrapers often put the headline as the first line of the text: with a title given, a first paragraph that "
        "only repeats it (ignoring case and punctuation) is not body. A lead that opens with the title's words "
        "and goes on stays.",
        code=("newsclean.cleaner.repeats.drop_repeated_title",),
        positives=(
            (f"Harga Beras Naik Lagi\n{BODY}", "Harga Beras Naik Lagi"),
        ),
        traps=(
            "Harga beras naik lagi pekan ini setelah pasokan dari Jawa Tengah tersendat.",
        ),
    ),
    CodeRule(
        "other.leftover_punctuation",
        "other",
        "render",
        "A paragraph with no letter or digit left once a pass's removals are cut from it (`* * *`, the commas and "
        "dashes around a removed insert) is not text: it goes. With the rule off its punctuation stays.",
        code=("newsclean.cleaner.passes._render",),
        positives=(
            (f"{BODY}\n\n* * *\n\n{BODY2}", "* * *"),
        ),
        traps=(
            # A score holds digits: it is text, however much punctuation stands around them.
            f"Persib menutup laga itu dengan kemenangan tipis atas tamunya.\n\n2 - 1\n\n{BODY2}",
        ),
    ),
)
