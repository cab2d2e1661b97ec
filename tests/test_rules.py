"""Every boilerplate rule with a positive case and a trap, in the shapes of real scrapes (texts written here).

A positive names the rule that must fire and the text it must remove. A trap is prose that looks like the
boilerplate: the named rule must not fire and every sentence must survive.
"""

import pytest

from newsclean import CleanConfig, clean
from newsclean.patterns import RULE_NAMES

BODY = "Harga beras di pasar tradisional naik dua kali dalam sepekan, kata pedagang setempat."
BODY2 = "Pemerintah daerah berjanji menggelar operasi pasar mulai pekan depan di tiga kecamatan."

POSITIVES = [
    ("dateline.city_brand", f"BANDUNG, BERITAJABAR.com - {BODY}", "BANDUNG, BERITAJABAR.com -"),
    ("dateline.city_brand", f"Surabaya, CNN Indonesia -- {BODY}", "Surabaya, CNN Indonesia --"),
    ("dateline.city_brand", f"SORONG, WARTAPAPUA.CO: {BODY}", "SORONG, WARTAPAPUA.CO:"),
    ("dateline.brand_city", f"HARIANKITA.CO.ID, ROMA -- {BODY}", "HARIANKITA.CO.ID, ROMA --"),
    ("dateline.brand_city", f"KORANMADURA.COM,SAMPANG-{BODY}", "KORANMADURA.COM,SAMPANG-"),
    ("dateline.brand_city", f"INDOPOST, PARIS - {BODY}", "INDOPOST, PARIS -"),
    ("dateline.brand_city_glued", "Warta6.com, BogorHarga beras naik lagi.", "Warta6.com, Bogor"),
    ("dateline.brand_dash_city", f"NIAGA.CO.ID - SURABAYA. {BODY}", "NIAGA.CO.ID - SURABAYA."),
    ("dateline.city_agency", f"Kupang (ANTARA) - {BODY}", "Kupang (ANTARA) -"),
    ("dateline.city_agency", f"Ambon, Maluku (ANTARA News) - {BODY}", "Ambon, Maluku (ANTARA News) -"),
    ("dateline.named_city", f"POSMETRO PADANG– {BODY}", "POSMETRO PADANG–"),
    ("dateline.brand", f"Kabarsatu.id - {BODY}", "Kabarsatu.id -"),
    ("dateline.brand", f"PIKIRAN RAKYAT - {BODY}", "PIKIRAN RAKYAT -"),
    ("dateline.caps_city", f"PALEMBANG– {BODY}", "PALEMBANG–"),
    ("dateline.city_domain", f"MEDAN WARTAKITA.com - {BODY}", "MEDAN WARTAKITA.com -"),
    ("dateline.caps_city", "DENPASAR - 12 warga dievakuasi dari pantai.", "DENPASAR -"),
    ("dateline.caps_city", "BANDUNG- realme merilis ponsel baru pekan ini.", "BANDUNG-"),
    ("dateline.title_city", "Kabarkita - iPad terbaru dijual mulai pekan depan.", "Kabarkita -"),
    ("dateline.title_city", f"Kendal - {BODY}", "Kendal -"),
    ("dateline.dangling_dash", f" , - {BODY}", ", -"),
    ("ad.scroll_to_continue", f"{BODY}\nSCROLL TO CONTINUE WITH CONTENT\n{BODY2}", "SCROLL TO CONTINUE WITH CONTENT"),
    ("ad.label_line", f"{BODY}\nAdvertisement\n{BODY2}", "Advertisement"),
    (
        "ad.script",
        f"{BODY} googletag.cmd.push(function() {{ googletag.display('div-1'); }}); {BODY2}",
        "googletag.cmd.push(function() { googletag.display('div-1'); });",
    ),
    ("embed.gambas", f"{BODY}\n[Gambas:Video 20detik]\n{BODY2}", "[Gambas:Video 20detik]"),
    ("embed.twitter_pic", f"Warganet heboh. pic.twitter.com/AbC123xyz\n{BODY2}", "pic.twitter.com/AbC123xyz"),
    (
        "embed.post_shared",
        f"{BODY}\nA post shared by Dapur Kita (@dapurkita)\n{BODY2}",
        "A post shared by Dapur Kita (@dapurkita)",
    ),
    ("related.label_only", f"{BODY}\nBaca Juga\nWali Kota Resmikan Pasar Baru di Cimahi\n{BODY2}", "Baca Juga"),
    (
        "related.headline_after_label",
        f"{BODY}\nBaca Juga\nWali Kota Resmikan Pasar Baru di Cimahi\n{BODY2}",
        "Wali Kota Resmikan Pasar Baru di Cimahi",
    ),
    (
        "related.line",
        f"{BODY}\nBaca juga: Harga Cabai Turun Jelang Lebaran\n{BODY2}",
        "Baca juga: Harga Cabai Turun Jelang Lebaran",
    ),
    (
        "related.inline_headline",
        f"{BODY} Baca juga: Harga Cabai Turun Jelang LebaranSejak pekan lalu pasokan menurun.",
        "Baca juga: Harga Cabai Turun Jelang Lebaran",
    ),
    (
        "related.inline_headline",
        f"{BODY} Baca juga: Harga Cabai Turun Pewarta: Andi Wijaya",
        "Baca juga: Harga Cabai Turun",
    ),
    (
        "promo.parenthesised",
        f"{BODY} (Yuk ikuti saluran WhatsApp BeritaKita biar tidak ketinggalan kabar)",
        "(Yuk ikuti saluran WhatsApp BeritaKita biar tidak ketinggalan kabar)",
    ),
    ("promo.call_to_action", f"{BODY}\nIkuti WhatsApp Channel Warta Kita", "Ikuti WhatsApp Channel Warta Kita"),
    ("promo.slogan", f"{BODY} Kalau bukan sekarang, kapan lagi?", "Kalau bukan sekarang, kapan lagi?"),
    ("promo.campaign_line", f"{BODY}\nBagikan\n{BODY2}", "Bagikan"),
    (
        "nav.next_page",
        f"{BODY} Simak berita selengkapnya di halaman selanjutnya.",
        "Simak berita selengkapnya di halaman selanjutnya.",
    ),
    ("nav.table_of_contents", f"Daftar Isi\n{BODY}", "Daftar Isi"),
    ("other.loading", f"{BODY},,,,loading...", ",,,,loading..."),
    ("caption.photo_line", f"{BODY}\nFoto: Andi Wijaya/Warta Kita\n{BODY2}", "Foto: Andi Wijaya/Warta Kita"),
    (
        "caption.credit_parenthesis_line",
        f"{BODY}\nSeorang pedagang menata cabai (Foto: dok. Warta)\n{BODY2}",
        "Seorang pedagang menata cabai (Foto: dok. Warta)",
    ),
    ("caption.illustration_line", f"{BODY}\nIlustrasi pasar tradisional\n{BODY2}", "Ilustrasi pasar tradisional"),
    (
        "caption.photo_inline",
        f"{BODY}Foto: Rina Sari/wartakitaPedagang menata cabai di lapak.",
        "Foto: Rina Sari/wartakita",
    ),
    (
        "caption.credit_parenthesis",
        "Banjir menggenangi jalan. (Tribunnews/Andi) Warga mengungsi ke masjid.",
        "(Tribunnews/Andi)",
    ),
    (
        "caption.before_dateline",
        f"Warga antre membeli beras murah.\nCIMAHI, WARTAKITA.com - {BODY}",
        "Warga antre membeli beras murah.",
    ),
    (
        "caption.teaser_repeats_lead",
        f"Harga beras di pasar tradisional naik dua kali.\nHarga beras di pasar "
        f"tradisional naik dua kali dalam sepekan ini, kata pedagang.\n{BODY2}",
        "Harga beras di pasar tradisional naik dua kali.",
    ),
    ("credit.code_line", f"{BODY}\n(abc/xyz)", "(abc/xyz)"),
    ("credit.trailing_code", f"{BODY} (rdh/mea)", "(rdh/mea)"),
    ("credit.trailing_code", f"{BODY2}(zik)", "(zik)"),
    ("credit.source_line", f"{BODY}\nsumber : ANTARA", "sumber : ANTARA"),
    ("byline.name_in_parentheses_line", f"{BODY}\n(Rahmat Hidayat)", "(Rahmat Hidayat)"),
    ("byline.label_line", f"{BODY}\nEditor: Sri Wahyuni", "Editor: Sri Wahyuni"),
    (
        "byline.label_chain",
        f"{BODY} Pewarta: Andi Wijaya Editor: Sri Wahyuni",
        "Pewarta: Andi Wijaya Editor: Sri Wahyuni",
    ),
    (
        "byline.reporter_line",
        f"Laporan Wartawan WartaSolo.com, Budi Santoso\n{BODY}",
        "Laporan Wartawan WartaSolo.com, Budi Santoso",
    ),
    (
        "byline.signature_block",
        f"{BODY}\n{BODY2}\n{BODY}\nProf. Ahmad Subagja\nGuru Besar Universitas Kita",
        "Prof. Ahmad Subagja",
    ),
    (
        "footer.line",
        f"{BODY}\nCopyright 2010 - 2025 PT Warta Kita. All Rights Reserved.",
        "Copyright 2010 - 2025 PT Warta Kita. All Rights Reserved.",
    ),
    ("footer.chain_to_end", f"{BODY} Copyright © WARTA 2025", "Copyright © WARTA 2025"),
    ("footer.comment_count", f"{BODY}\n0 Komentar", "0 Komentar"),
    (
        "footer.google_news",
        f"{BODY}\nBaca berita WartaKita lainnya di Google News.",
        "Baca berita WartaKita lainnya di Google News.",
    ),
    ("footer.truncation", f"{BODY} Stok aman hingga… [+1520 chars]", "… [+1520 chars]"),
    ("tags.after_credit", f"{BODY} (abc/xyz) harga beras pasar induk", "harga beras pasar induk"),
    ("repeat.paragraph", f"{BODY}\n{BODY2}\nAdvertisement\n{BODY}\n{BODY2}", BODY),
    ("other.title_repeated", f"Harga Beras Naik Lagi\n{BODY}", "Harga Beras Naik Lagi"),
    ("other.leftover_punctuation", f"{BODY}\n\n* * *\n\n{BODY2}", "* * *"),
    ("embed.email_protected", f"{BODY} Hubungi [email protected] untuk info.", "[email protected]"),
]

TRAPS = [
    ("dateline.caps_city", "COVID-19 kembali merebak di beberapa kota besar, kata juru bicara."),
    ("dateline.title_city", "Jakarta-Bandung kini bisa ditempuh kurang dari satu jam dengan kereta cepat."),
    ("dateline.city_brand", "PRESIDEN Prabowo Subianto punya mimpi besar soal swasembada pangan nasional."),
    ("credit.trailing_code", "Menurut Departemen Luar Negeri Amerika Serikat (AS)."),
    ("credit.trailing_code", "Pemain terbaik laga itu adalah Marouane Fellaini (Belgia)"),
    ("credit.trailing_code", "Warnanya ada kuning, abu-abu, dan turquoise (biru)."),
    ("credit.trailing_code", "Distributor resminya adalah PT Suzuki Indomobil Sales (SIS)."),
    ("credit.trailing_code", "Pertemuan itu berlangsung pada Selasa (30/8)."),
    ("credit.code_line", "Korban bernama Rafi Haikal\n(21), seorang suporter, dirawat di rumah sakit."),
    ("byline.label_line", "Menurut penulis hal ini tidak mungkin terjadi dalam waktu dekat, katanya."),
    ("related.line", "Baca Juga Tidak hanya Luhut, Menteri Koordinator lain ikut hadir. Mereka membahas pajak."),
    ("nav.next_page", "Berikut spesifikasi lain selengkapnya. Ponsel ini dijual mulai pekan depan."),
    ("caption.photo_line", "Foto-foto yang beredar di media sosial memperlihatkan antrean panjang warga."),
    ("promo.call_to_action", "Pelaku menipu korban lewat pesan WhatsApp yang mengaku dari bank."),
    ("ad.label_line", "Iklan rokok di televisi dibatasi mulai tahun depan, kata menteri."),
    (
        "repeat.paragraph",
        "Kita usahakan rumah itu\nTanpa lelah tanpa ragu\n\nKita usahakan rumah itu\nTanpa lelah tanpa ragu",
    ),
    ("repeat.paragraph", '"Iya pak," jawab Maryam.\n\nHakim bertanya lagi soal uang itu.\n\n"Iya pak," jawab Maryam.'),
    ("dateline.brand", "Seperti dikutip Antaranews, Senin (15/2), harga emas turun tipis."),
    ("footer.line", "Penulis terkenal itu bercerita tentang hak cipta karya sastra di era digital."),
    ("credit.trailing_code", "Rusia mengirim vaksin Sputnik V ke Jakarta pada Senin."),
    (
        "repeat.paragraph",
        "Syarat pendaftaran:\n\n- Fotokopi KTP.\n\nSyarat perpanjangan:\n\n- Fotokopi KTP.",
    ),
    (
        "promo.call_to_action",
        "Cek Fakta Kabarkita.com menelusuri klaim hadiah pulsa yang diunggah sebuah akun Facebook.",
    ),
    # A reduplicated or hyphenated word opening the lead is not a city-only or brand-only dateline.
    ("dateline.title_city", "Baru - baru ini harga cabai di pasar induk naik dua kali lipat."),
    ("dateline.title_city", "Pop - up store itu dibuka di Blok M mulai pekan depan."),
    ("dateline.caps_city", "ALIH-alih turun, harga cabai malah naik lagi pekan ini."),
    ("dateline.brand", "Suara-suara dukungan untuk pedagang pasar terus mengalir."),
    # A parenthesised abbreviation then a hyphen is a compound, not an agency dateline glued into the lead.
    (
        "dateline.city_agency",
        "Perundingan berlangsung di tengah negosiasi nuklir Amerika Serikat(AS)-Iran yang alot sejak awal tahun.",
    ),
    (
        "caption.before_dateline",
        "Maskapai itu menambah rute penerbangan harian. Rute Denpasar (DPS) - Labuan Bajo (LBJ) dibuka pekan depan.",
    ),
    ("dateline.city_agency", "Pengendara wajib membawa Surat Izin Mengemudi (SIM)-nya saat razia digelar polisi."),
]


#: Prose right after a bare `Baca Juga` label (the scraper lost the headline): a list intro, a quotation, two
#: sentences. None reads as a headline, so all stay.
PROSE_AFTER_LABEL = [
    "Berikut daftar harga bahan pokok di tiga pasar induk:",
    '"Kami belum menerima laporan kenaikan dari pedagang."',
    "Lalu, apa penyebabnya? Berikut penjelasan para pedagang",
]


@pytest.mark.parametrize("line", PROSE_AFTER_LABEL)
def test_prose_after_a_bare_related_label_stays(line: str) -> None:
    result = clean(f"{BODY}\nBaca Juga\n{line}\n{BODY2}")
    assert [r.rule for r in result.removals] == ["related.label_only"]
    assert line in result.text


def test_call_to_action_never_takes_a_quotation() -> None:
    text = f'{BODY}\nIkuti WhatsApp Channel Kabarkita "Kami akan menambah pasokan," kata Budi.'
    result = clean(text)
    assert "promo.call_to_action" not in {r.rule for r in result.removals}
    assert '"Kami akan menambah pasokan," kata Budi.' in result.text


#: Datelines followed by a lead that opens with a hyphenated or glued word, or that names another outlet's
#: domain before a hyphen: only the dateline goes.
DATELINE_THEN_COMPOUND = [
    (
        "dateline.brand",
        "KABARKITA.com - Warga menggugat ayahnya di pengadilan.Saat Wartakita.com-jejaring Suara.com datang, rumah sepi.",
        "KABARKITA.com -",
    ),
    (
        "dateline.brand",
        "KABARKITA.com - Siap-siap, harga tiket kereta mudik naik mulai pekan depan.",
        "KABARKITA.com -",
    ),
    ("dateline.brand", "KABARKITA.com-Trent Alexander-Arnold cedera lagi jelang laga besar.", "KABARKITA.com-"),
    (
        "dateline.brand_city_glued",
        "Warta6.com, JakartaParis Saint-Germain menang tipis atas tamunya semalam.",
        "Warta6.com, Jakarta",
    ),
    ("dateline.brand_city", "Warta6.com, Jakarta-PandemiCovid-19 belum usai, kata menteri.", "Warta6.com, Jakarta-"),
    (
        "dateline.brand_city",
        "TRIBUNKITA.CO.ID, Bandar Lampung-Harga cabai naik lagi.",
        "TRIBUNKITA.CO.ID, Bandar Lampung-",
    ),
]


def _fired(text: str) -> dict[str, list[str]]:
    fired: dict[str, list[str]] = {}
    for removal in clean(text, title="Harga Beras Naik Lagi").removals:
        fired.setdefault(removal.rule, []).append(removal.text)
    return fired


@pytest.mark.parametrize(("rule", "text", "removed"), POSITIVES, ids=[p[0] for p in POSITIVES])
def test_rule_fires(rule: str, text: str, removed: str) -> None:
    fired = _fired(text)
    assert rule in fired, f"{rule} did not fire; fired: {fired}"
    assert any(r.strip() == removed.strip() for r in fired[rule]), fired[rule]
    assert removed.strip() not in clean(text, title="Harga Beras Naik Lagi").text or rule == "repeat.paragraph"


@pytest.mark.parametrize(("rule", "text"), TRAPS, ids=[t[0] for t in TRAPS])
def test_trap_is_kept(rule: str, text: str) -> None:
    result = clean(text)
    assert rule not in {r.rule for r in result.removals}
    for line in text.split("\n"):
        if line.strip():
            assert line.strip() in result.text.replace("\n\n", "\n").replace("\n", " ") or line.strip() in result.text


@pytest.mark.parametrize("rule", sorted({p[0] for p in POSITIVES}))
def test_every_rule_can_be_turned_off(rule: str) -> None:
    text = next(p[1] for p in POSITIVES if p[0] == rule)
    result = clean(text, title="Harga Beras Naik Lagi", config=CleanConfig(disabled_rules=frozenset({rule})))
    assert rule not in {r.rule for r in result.removals}


def test_every_rule_has_a_positive_case() -> None:
    untested = set(RULE_NAMES) - {p[0] for p in POSITIVES}
    assert not untested, untested


def test_kinds_can_be_turned_off() -> None:
    text = f"JAKARTA, WARTA.com - {BODY}\n(abc/xyz)"
    result = clean(text, config=CleanConfig(disabled_kinds=frozenset({"credit"})))
    assert "(abc/xyz)" in result.text and "JAKARTA" not in result.text


def test_config_rejects_unknown_settings() -> None:
    with pytest.raises(ValueError):
        CleanConfig(remove_everything=True)  # type: ignore[call-arg]


def test_a_misspelt_rule_name_is_refused_with_a_hint() -> None:
    with pytest.raises(ValueError, match=r"did you mean 'credit\.trailing_code'"):
        CleanConfig(disabled_rules=frozenset({"credit.trailing_cod"}))


@pytest.mark.parametrize(
    ("rule", "text", "dateline"), DATELINE_THEN_COMPOUND, ids=[d[0] for d in DATELINE_THEN_COMPOUND]
)
def test_dateline_stops_before_a_hyphenated_lead(rule: str, text: str, dateline: str) -> None:
    result = clean(text)
    assert [(r.rule, r.text) for r in result.removals] == [(rule, dateline)]
    assert result.text == text[len(dateline) :].strip()
