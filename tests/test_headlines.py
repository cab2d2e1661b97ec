"""Where a glued `Baca juga` headline ends (`newsclean.cleaner.headlines.headline_end`), on paragraphs as the engine
sees them: a certain end is taken, an uncertain one leaves the headline and never cuts into the next sentence."""

from __future__ import annotations

import pytest

from newsclean import clean
from newsclean.cleaner.inline import related_links
from newsclean.cleaner.lines import is_related_link_line
from newsclean.cleaner.reference import clean_reference


def _removed(paragraph: str) -> list[str]:
    return [paragraph[start:end].strip() for start, end, _ in related_links(paragraph)]


@pytest.mark.parametrize(
    ("paragraph", "removed"),
    [
        # The next paragraph glued on: a quote after the last word, a `?` glued to a capital, a line break.
        (
            'Polisi berjaga.Baca juga: Polisi Sita 9 Gram Sabu"Maka dari itu tempatnya harus aman," ujarnya.',
            "Baca juga: Polisi Sita 9 Gram Sabu",
        ),
        (
            "Ia unggul.Baca juga: Gap Makin Lebar, Apa Kata Pelatih?Tapi tak lama kemudian lawan menyamakan skor.",
            "Baca juga: Gap Makin Lebar, Apa Kata Pelatih?",
        ),
        (
            "Ia unggul. Baca juga: Ramalan Zodiak Hari Ini: Cinta, Karier hingga Keuangan\nundangannya untuk lima "
            "orang, kata dia.",
            "Baca juga: Ramalan Zodiak Hari Ini: Cinta, Karier hingga Keuangan",
        ),
        # A sentence opener with its comma ends a headline, whatever commas the headline holds.
        (
            "Ia dilantik. Baca juga: Profil Andi: Pecat Budi, Jadi Idola Warga, Kini Penasihat Wali Kota Terlebih, "
            "kata Rina, wali kota mengenalnya.",
            "Baca juga: Profil Andi: Pecat Budi, Jadi Idola Warga, Kini Penasihat Wali Kota",
        ),
        # The opener glued to the acronym the headline ends with (`MKPerwakilan`).
        (
            "Ia datang. Baca juga: Warga Cimahi Gugat Aturan Parkir ke MKNamun, gugatan itu belum disidangkan.",
            "Baca juga: Warga Cimahi Gugat Aturan Parkir ke MK",
        ),
        # A quotation of speech opening after the headline.
        (
            "Warga berjaga. Baca juga: Kampung Aman Berkat Gotong Royong “Maka dengan membangun pos ronda, warga "
            "merasa aman,” kata Budi.",
            "Baca juga: Kampung Aman Berkat Gotong Royong",
        ),
        # Two words glued where the headline ends (the engine's oldest certain end) still count.
        (
            "Ia datang. Baca juga: Siswa di Kendari Turun ke JalanKakak dari almarhum menangis di UGD.",
            "Baca juga: Siswa di Kendari Turun ke Jalan",
        ),
        # An opening exclamation and a closing ellipsis are the headline's own.
        (
            "Ia datang. Baca juga: Mengenaskan! Mayat Bayi Ditemukan di Kota Warta, Tangan-Kakinya Putus",
            "Baca juga: Mengenaskan! Mayat Bayi Ditemukan di Kota Warta, Tangan-Kakinya Putus",
        ),
        (
            "Ia datang. Baca juga: Jangan Sampai Masyarakat Senang, Petani Enggak Senang...\nDia menyebutkan itu.",
            "Baca juga: Jangan Sampai Masyarakat Senang, Petani Enggak Senang...",
        ),
        # A sentence glued to the headline ends it, even where the rest of the paragraph is short enough to be
        # taken whole; and a quotation closed after its point ends a sentence.
        (
            'Ia hadir. Baca juga: Pelaku Penembakan Trem Ditangkap, Motif Masih Belum JelasSecara terpisah, polisi '
            'menyatakan bahwa "pria yang tewas adalah seorang polisi."',
            "Baca juga: Pelaku Penembakan Trem Ditangkap, Motif Masih Belum Jelas",
        ),
        # Tempo's bare `Baca:` label (with its colon and a capital) is a label too.
        (
            'Ia tersenyum," ucapnya.Baca: Ahok Sudah Tahu Warta Jadi CawapresRommy pun mengatakan hal serupa.',
            "Baca: Ahok Sudah Tahu Warta Jadi Cawapres",
        ),
        # ... also before a two-letter word that opens the next sentence (`TerpopulerIa menegaskan`).
        (
            "Ia datang. Baca juga: Survei Warta: Partai Biru Masuk 5 Besar TerpopulerIa menegaskan hasil itu.",
            "Baca juga: Survei Warta: Partai Biru Masuk 5 Besar Terpopuler",
        ),
        # A counted sentence opener with its comma starts the next sentence.
        (
            "Ia datang. Baca juga: Pengurus Baru Diharapkan Solid, Tak Ribut Masalah Internal Hasilnya, lima "
            "calon terpilih dengan suara terbanyak.",
            "Baca juga: Pengurus Baru Diharapkan Solid, Tak Ribut Masalah Internal",
        ),
        # An acronym that ends the headline with the next sentence's subject glued on (`RISultan`).
        (
            "Ia hadir. Baca juga: Wali Kota Hadiri Malam Final Duta Budaya DPD RISultan menyebutkan banyak stigma "
            "negatif soal politik.",
            "Baca juga: Wali Kota Hadiri Malam Final Duta Budaya DPD RI",
        ),
        # A sentence glued on whose subject is a name (`ArahPengumuman Ma'ruf Amin sebagai`); a brand's short glued
        # part (`VietJet Air`) is inside the headline.
        (
            "Ia diam.Baca juga: Cerita Warta Soal Cawapres, dari Rina Lalu Belok ArahPengumuman Ma'ruf Amin sebagai "
            "cawapres sempat diwarnai drama.",
            "Baca juga: Cerita Warta Soal Cawapres, dari Rina Lalu Belok Arah",
        ),
        (
            "Ia terbang. Baca juga: Maskapai Vietnam, VietJet Air Terbang ke Indonesia Mulai Maret\nRupanya, "
            "penerbangan itu ramai.",
            "Baca juga: Maskapai Vietnam, VietJet Air Terbang ke Indonesia Mulai Maret",
        ),
        # The first glue ends the headline: a closing single quote before a glued subheading, not the acronym the
        # subheading ends with (`WMOTemperatur`).
        (
            "Ia hadir.Baca juga: Desak Kebijakan Lebih Tegas, Parlemen Eropa Deklarasikan 'Darurat Iklim'Temuan dalam "
            "laporan WMOTemperatur rata-rata naik tajam.",
            "Baca juga: Desak Kebijakan Lebih Tegas, Parlemen Eropa Deklarasikan 'Darurat Iklim'",
        ),
        # A question closes its capitalised run: the capitalised words after it are the prose's subject.
        (
            "Ia bingung. Baca juga: Kok Bisa Kendaraan Tak Berasap tapi Tak Lulus Uji Emisi?  Kata Agus, justru "
            "kendaraan itu mengebul.",
            "Baca juga: Kok Bisa Kendaraan Tak Berasap tapi Tak Lulus Uji Emisi?",
        ),
        # `lalu` joins two verbs in a title-case headline; `Sebagai` with a lowercase word opens a sentence.
        (
            "Ia melapor. Baca juga: Truk Aspal Mundur lalu Hantam Warung Warga di Bogor Dalam foto itu, jalan macet.",
            "Baca juga: Truk Aspal Mundur lalu Hantam Warung Warga di Bogor",
        ),
        (
            "Ia datang. Baca juga: Kapolri Akui Idolakan Eks Wakapolri: Terima Kasih Pak Sebagai informasi, kabar "
            "itu beredar sejak pagi.",
            "Baca juga: Kapolri Akui Idolakan Eks Wakapolri: Terima Kasih Pak",
        ),
    ],
)
def test_certain_end_is_taken(paragraph: str, removed: str) -> None:
    assert _removed(paragraph) == [removed]


@pytest.mark.parametrize(
    ("paragraph", "kept"),
    [
        # Small words then lowercase prose: the cut went right before `menjadikan`, `ditujukan`, `mulai`.
        ("Ia datang. Baca juga: Gaji PNS Suriah Dibayar Arab Saudi Angka ini menjadikan Saudi donor.", "Angka ini"),
        ("Ia datang. Baca juga: Bansos Beras Mulai Disalurkan Juni Bansos ini ditujukan kepada warga.", "Bansos ini"),
        # Words glued inside prose (a stripped link) after a reporting verb: no headline end.
        (
            "Ia datang. Baca juga: Artis harapkan pemimpin yang peduli budaya Pemimpin yang memahami anak muda, kata "
            "KieshaAlvaro, akan mendengar mereka.",
            "Pemimpin yang memahami anak muda, kata Kiesha",
        ),
        # A quotation after a bare label (the headline lost by the scraper).
        ('Baca juga:,"Kita yakini daftar ini muncul dari analisis risiko," ujar pria itu.', '"Kita yakini'),
        # The next paragraph glued on after a stretch that is no headline: the label goes, the prose stays.
        (
            "Ia datang. Baca juga: Jokowi Resmikan Tol Baru di Jawa Tengah yang menghubungkan dua kota besar?"
            "Pemerintah menyatakan proyek selesai tepat waktu dan akan dibuka besok",
            "Pemerintah menyatakan proyek selesai",
        ),
        # An opener between two capitalised words is inside a name (`Menteri Dalam Negeri`), not a sentence start.
        (
            "Ia datang. Baca juga: Ini Daftar Menteri yang Dilantik Hadir Menteri Luar Negeri Rina, Menteri Dalam "
            "Negeri Budi, Menteri Keuangan Andi, dan para wakil menteri.",
            "Hadir Menteri Luar Negeri Rina",
        ),
        # A subheading glued between the headline and the next sentence: the later glue is no certain end.
        (
            "Ia datang.Baca juga: Leher Kaku Pertanda Kolesterol Tinggi? Dokter Bilang GiniCara Menurunkan "
            "Kolesterol AlamiDi sisi lain ada beberapa cara alami.",
            "Cara Menurunkan Kolesterol Alami",
        ),
        # An acronym glued to a name inside the headline (`@TMCPoldaMetro`) is no end: the prose after the
        # acronym that does end it (`NKRIBerikut ini`) is kept.
        (
            "Ia datang. Baca juga: Cuitan @TMCPoldaMetro soal Ambulans di Pejompongan Tokoh Papua Tak Berhak Atur "
            "NKRIBerikut ini 10 poin permintaan warga.",
            "Berikut ini",
        ),
        # A subheading glued after the headline, then the next sentence glued to it: the guess stops before the
        # uncertain glue, and the small words after it (`Baru-baru ini,`) are the sentence's.
        (
            "Ia datang. Baca juga: Wali Kota di Antara 2 Pilihan Usai Pilpres dan Tak Ikut PilkadaTegaskan Tak "
            "Terlibat Iuran Partai PerubahanBaru-baru ini, Anies sempat dikaitkan dengan partai itu.",
            "Baru-baru ini",
        ),
        # A sentence break before an opening quotation is one: the glue after it (`SuperShow`) is in prose.
        (
            "Ia datang. Baca Juga: Daftar Susunan Pemain Jepang vs Timnas Indonesia Andi Wijaya selaku kepala divisi "
            'menambahkan. "Warta+ SuperShow Sports kembali dihadirkan untuk pemirsa.',
            "menambahkan",
        ),
        # A label whose headline the scraper lost, before a closing question: the label alone goes.
        ("Kulitmu lembap seharian. Baca juga: ,Jadi, mana pelembap favoritmu?,", "Jadi, mana pelembap favoritmu?"),
    ],
)
def test_uncertain_end_keeps_the_sentence(paragraph: str, kept: str) -> None:
    for start, end, _ in related_links(paragraph):
        assert kept not in paragraph[start:end]
        # The cut never stops right before a lowercase word.
        assert not paragraph[end:].lstrip()[:1].islower()


@pytest.mark.parametrize(
    ("line", "is_link"),
    [
        ("Baca juga: Harga Cabai Turun Jelang Lebaran", True),
        ("Baca juga: BSI bagikan dividen Baca juga: BSI luncurkan Deposito Wakaf", True),
        ("Baca juga: Beasiswa Dibuka, Kuliah di 3 Negara Ia juga menyampaikan tekad untuk membawa semangat", False),
        ('Baca juga: SBY Ajak Rakyat Dukung Jokowi"Tentu saya tambahkan, kami tadi membuat list', False),
        ('Baca juga:,"Kita yakini daftar ini muncul dari analisis," ujar pria itu.,', False),
        # A closing question after a bare label: prose, which opens with a sentence opener and its comma.
        ("Baca juga: ,Jadi, mana parfum favoritmu?,", False),
        ("Baca juga: Jadi Juara, Tim Cimahi Pulang Bawa Piala?", True),
        ("Baca juga: Kita, Warga dan Sungai Citarum", True),
    ],
)
def test_related_link_line_is_all_headlines(line: str, is_link: bool) -> None:
    assert is_related_link_line(line) is is_link


def _promo_matches(paragraph: str) -> list[str]:
    from newsclean.patterns import ALL_RULES

    promo = next(rule for rule in ALL_RULES if rule.name == "promo.call_to_action")
    return [match.group().strip() for match in promo.pattern.finditer(paragraph)]


@pytest.mark.parametrize(
    ("paragraph", "matches"),
    [
        # The line joiner glues a promo line that ends without punctuation to the next line's dateline.
        (
            "paparnya.Ikuti Whatsapp Channel Republika REPUBLIKA.CO.ID, CIREBON--Kepolisian memastikan tambang ditutup.",
            ["Ikuti Whatsapp Channel Republika"],
        ),
        (
            "Ia datang.Ikuti Whatsapp Channel Republikasumber : Antara REPUBLIKA.CO.ID, JAKARTA -- Ketua PSSI hadir.",
            ["Ikuti Whatsapp Channel Republikasumber : Antara"],
        ),
        ("Ia datang. Baca berita Wartakotalive.com lainnya di Google News.", ["Baca berita Wartakotalive.com lainnya di Google News."]),
        # `Baca juga:` is a related link, not an invitation; okezone's `,,` is a lost line break.
        ("Ia datang. Baca juga: Facebook Rilis Fitur Baru ala TiktokLebih lanjut, dia menyebut aplikasi itu.", []),
        ("Simak ulasan berikut dari akun Instagram @valerie, Selasa (17/9/2019) :,,,Bila orang mengenakan kaus.", []),
    ],
)
def test_call_to_action_stays_within_a_line(paragraph: str, matches: list[str]) -> None:
    assert _promo_matches(paragraph) == matches


def test_a_headline_line_joined_to_the_next_paragraph_after_a_bare_label_goes_alone() -> None:
    """Detik's scrapes break lines around links, and the splitter joins the headline line under `Baca juga:` to
    the paragraph after it: the line break says where the headline ends, and the sentence after it stays."""
    text = (
        "Polisi menggelar razia di jalan tol itu pada Selasa pagi.\nBaca juga:\nKakorlantas Ungkap Hasil Anev "
        "Sosialisasi Zero Over Dimensi, Ini Datanya\nMenurut dia, mewujudkan zero overdimensi bukan masalah sulit."
    )
    cleaned = clean(text)
    assert cleaned.text.endswith("\n\nMenurut dia, mewujudkan zero overdimensi bukan masalah sulit.")
    assert "Kakorlantas" not in cleaned.text
    assert clean_reference(text).text == cleaned.text
    # A wrapped sentence under a bare label goes on in lower case: no line of it is cut.
    wrapped = "Polisi berjaga di jalan itu pada Selasa pagi.\nBaca juga:\nWarga yang melintas di jalan itu\nterpaksa menunggu dua jam."
    assert clean(wrapped).text.endswith("Warga yang melintas di jalan itu terpaksa menunggu dua jam.")


def test_a_sentence_whose_links_broke_its_lines_is_not_taken_for_the_headline_above_it() -> None:
    """Detik's scrapes also break lines around links inside a sentence (`lawatan` / `Indonesia` / `ke markas`):
    the splitter joins the headline and that broken sentence into one short paragraph without a sentence end,
    which as a whole passes for a headline. Only the headline line goes; the sentence stays whole."""
    text = (
        "Timnas sudah lolos ke babak berikutnya sejak pekan lalu.\nBaca juga:\nJadwal Timnas Vs Vietnam, Main Sore "
        "Ini\nDengan demikian, lawatan\nTimnas\nke markas\nVietnam\ntidak lagi menentukan nasib kedua tim."
    )
    cleaned = clean(text)
    assert "\n\nDengan demikian, lawatan Timnas ke markas" in cleaned.text
    assert cleaned.text.endswith("Vietnam tidak lagi menentukan nasib kedua tim.")
    assert "Jadwal Timnas" not in cleaned.text
    assert clean_reference(text).text == cleaned.text


def test_headline_lines_under_a_bare_label_go_up_to_the_prose_joined_to_them() -> None:
    """Republika's `Baca Juga` is followed by up to four headline lines; when its text is hard-wrapped, the
    splitter joins them to the paragraph after them. The title-case lines go, the wrapped prose stays."""
    prose = "Ia menjelaskan, beras adalah bahan pangan yang paling dibutuhkan untuk menjaga\nketahanan pangan daerah."
    text = (
        "Harga beras naik di semua pasar kota pada pekan ini.\nBaca Juga\nPetani Cimahi Panen Raya di Lahan Baru\n"
        f"Bulog: Stok Beras Aman sampai Akhir Tahun\n{prose}"
    )
    cleaned = clean(text)
    assert cleaned.text.endswith(prose.replace("\n", " "))
    assert "Petani Cimahi" not in cleaned.text and "Bulog" not in cleaned.text
    assert clean_reference(text).text == cleaned.text

def test_tag_lines_joined_to_a_short_closing_line_after_the_editor_code_go() -> None:
    """Detik's topic tags, one per line after the editor code, joined by the splitter with a campaign line
    after them (`Hoegeng Awards 2025`): the tag lines go by their lines in the normalized text."""
    text = (
        "Polisi menggelar razia di jalan tol itu pada Selasa pagi.\nIa menambahkan hal itu kepada wartawan.\n"
        "(zap/hri)\nkakorlantas polri\nzero over dimension dan overload\nKampanye Warta 2025"
    )
    cleaned = clean(text)
    assert "polri" not in cleaned.text and "overload" not in cleaned.text
    assert ("tags", "tags.after_credit") in {(r.kind, r.rule) for r in cleaned.removals}
    assert clean_reference(text).text == cleaned.text
    prose = text.replace("Kampanye Warta 2025", "Polisi akan terus menggelar razia serupa hingga akhir tahun ini.")
    assert "kakorlantas polri" in clean(prose).text


def test_a_question_opening_with_an_opener_and_its_comma_after_a_bare_label_is_prose() -> None:
    text = (
        "Kutub utara adalah titik tetap di Belahan Bumi Utara.\nBaca Juga\nNamun, fakta-fakta ilmiah ini belum "
        "cukup menjelaskan satu hal: kenapa utara selalu berada di atas?\nDalam sejarahnya, tidak ada yang mutlak."
    )
    assert "Namun, fakta-fakta ilmiah ini belum cukup menjelaskan" in clean(text).text
