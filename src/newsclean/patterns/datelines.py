"""Datelines: the outlet and place an article opens with (`JAKARTA, KOMPAS.com - `, `INDOPOST, MOSKOW - `).

All are `lead` rules: they only apply at the start of the first body paragraph, because a city or an outlet
name followed by a dash later in an article is prose (`Jakarta - Bandung ditempuh dua jam`). Order matters:
the first rule that matches wins, so the more specific shapes come first. Named groups `outlet` and `city`
fill `CleanResult.dateline`.
"""

from __future__ import annotations

from ..cleaner.gates import (
    may_open_with_brand,
    may_open_with_brand_then_dash,
    may_open_with_city_then_comma_then_brand,
    may_open_with_city_then_parenthesis,
)
from .base import rule
from .examples import BODY
from .outlets import BRAND, CAPS_CITY, CITY, CLOSING_DASH, DASH, DOMAIN_BRAND, NAMED_BRAND

#: What may follow a dateline: the first letter, digit or quote of the lead (glued or not).
LEAD_FOLLOWS = r"(?=[\p{L}\d\"“'‘(])"
#: What follows a city-only dateline: a letter, a quote, or a digit after a space. A city-only match is just a
#: capitalised word and a dash, which a lead can open with, so the lead must not go on in lowercase: after a
#: title-case city not with an all-lowercase word (`Baru - baru ini`; `Rimanews - iPad` is a dateline), after
#: one in capitals not glued to the dash (`ALIH-alih`; `JAKARTA- realme GT 7` is a dateline).
LEAD_OPENS = r"(?=[\p{L}\"“'‘]|(?<=\s)\d)"
AFTER_TITLE_CITY = rf"(?!\p{{Ll}}++(?!\p{{Lu}})){LEAD_OPENS}"
AFTER_CAPS_CITY = rf"(?!(?<=\p{{Pd}})\p{{Ll}}){LEAD_OPENS}"

DATELINE_RULES = (
    rule(
        "dateline.brand_dash_city",
        "dateline",
        "lead",
        rf"^(?P<outlet>{BRAND}){DASH}(?P<city>{CITY})\s*(?:[.:]|{CLOSING_DASH})\s*{LEAD_FOLLOWS}",
        "Kontan and JPNN put the city after the brand (`KONTAN.CO.ID - JAKARTA. `, `jpnn.com - JAKARTA - `); "
        "the closing period, colon or dash is required so a lead starting with a place name is not eaten, and a "
        "hyphen glued on both sides (`Siap-siap`) does not close it.",
        opens_with=may_open_with_brand_then_dash,
        positives=(
            (f"NIAGA.CO.ID - SURABAYA. {BODY}", "NIAGA.CO.ID - SURABAYA."),
        ),
        traps=(
            "Fajar-Rian melaju ke final setelah menang dua gim langsung atas pasangan Jepang.",
        ),
    ),
    rule(
        "dateline.city_brand",
        "dateline",
        "lead",
        rf"^(?P<city>{CITY})\s*,\s*(?P<outlet>{BRAND})\s*(?:{DASH}|:\s*){LEAD_FOLLOWS}",
        "`JAKARTA, KOMPAS.com - `, `Jakarta, CNN Indonesia -- `, `KARIMUN, POSMETRO.CO:` (Kompas, CNN, IDN "
        "Times, iNews, Viva...). The brand must be a domain or a known outlet, so `Jakarta, Senin - ` stays.",
        opens_with=may_open_with_city_then_comma_then_brand,
        positives=(
            (f"BANDUNG, BERITAJABAR.com - {BODY}", "BANDUNG, BERITAJABAR.com -"),
            (f"Surabaya, CNN Indonesia -- {BODY}", "Surabaya, CNN Indonesia --"),
            (f"SORONG, WARTAPAPUA.CO: {BODY}", "SORONG, WARTAPAPUA.CO:"),
        ),
        traps=(
            "PRESIDEN Prabowo Subianto punya mimpi besar soal swasembada pangan nasional.",
        ),
    ),
    rule(
        "dateline.brand_city",
        "dateline",
        "lead",
        rf"^(?P<outlet>{BRAND})\s*,\s*(?P<city>{CITY}){DASH}{LEAD_FOLLOWS}",
        "`REPUBLIKA.CO.ID, MOSKOW -- `, `Liputan6.com, Jakarta - `, `TEMPO.CO,Jakarta-`, `INDOPOST, MOSKOW - `.",
        opens_with=may_open_with_brand,
        positives=(
            (f"HARIANKITA.CO.ID, ROMA -- {BODY}", "HARIANKITA.CO.ID, ROMA --"),
            (f"KORANMADURA.COM,SAMPANG-{BODY}", "KORANMADURA.COM,SAMPANG-"),
            (f"INDOPOST, PARIS - {BODY}", "INDOPOST, PARIS -"),
        ),
        traps=(
            "Antara, Reuters dan AFP sama-sama melaporkan ledakan itu terjadi menjelang tengah malam.",
        ),
    ),
    rule(
        "dateline.brand_city_glued",
        "dateline",
        "lead",
        rf"^(?P<outlet>{BRAND})\s*,\s*(?P<city>\p{{Lu}}\p{{Ll}}{{2,}}(?: \p{{Lu}}\p{{Ll}}{{2,}})?)(?=\p{{Lu}}|[\"“])",
        "Liputan6 scrapes that lost the dash glue the city to the lead (`Liputan6.com, JakartaKita semua`, "
        "`Liputan6.com, JakartaPT Pertamina`, `Liputan6.com, Palangka RayaUntuk`). The city has two or more "
        "lowercase letters after its capital, so that a name with a capital inside (`McDonald's`) is not split.",
        opens_with=may_open_with_brand,
        positives=(
            ("Warta6.com, BogorHarga beras naik lagi.", "Warta6.com, Bogor"),
            ("Warta6.com, BogorPT Kereta Api menambah jadwal.", "Warta6.com, Bogor"),
            ("Warta6.com, Tanjung PinangHarga beras naik lagi.", "Warta6.com, Tanjung Pinang"),
        ),
        traps=(
            "Kontan, Bisnis Indonesia dan Investor Daily mencatat saham perbankan menguat sepanjang pekan.",
            "Warta6.com, McDonald's dan KFC menaikkan harga paket makan siang pekan ini.",
        ),
    ),
    rule(
        "dateline.city_agency",
        "dateline",
        "lead",
        rf"^(?P<city>{CITY})(?:\s*,\s*[^()\n]{{2,40}}?)?\s*\((?P<outlet>[^()\n]{{2,40}})\){DASH}{LEAD_FOLLOWS}",
        "Agency and press-release datelines: `Jakarta (ANTARA) - `, `Mataram, NTB (ANTARA News) - `, "
        "`ISTANBUL, 23 Februari 2016 (Antara/PRNewswire) -`, `JAKARTA (Pos Kota) – `, `Jakarta (10/02) — `.",
        opens_with=may_open_with_city_then_parenthesis,
        positives=(
            (f"Kupang (ANTARA) - {BODY}", "Kupang (ANTARA) -"),
            (f"Ambon, Maluku (ANTARA News) - {BODY}", "Ambon, Maluku (ANTARA News) -"),
        ),
        traps=(
            # A parenthesised abbreviation then a hyphen is a compound, not an agency dateline glued into the lead.
            "Perundingan berlangsung di tengah negosiasi nuklir Amerika Serikat(AS)-Iran yang alot sejak awal tahun.",
            "Pengendara wajib membawa Surat Izin Mengemudi (SIM)-nya saat razia digelar polisi.",
        ),
    ),
    rule(
        "dateline.named_city",
        "dateline",
        "lead",
        rf"^(?P<outlet>{NAMED_BRAND})\s+(?P<city>{CAPS_CITY}){DASH}{LEAD_FOLLOWS}",
        "An outlet name then a city with no comma: `POSMETRO MEDAN– `.",
        opens_with=may_open_with_brand,
        positives=(
            (f"POSMETRO PADANG– {BODY}", "POSMETRO PADANG–"),
        ),
        traps=(
            "Kontan TV menayangkan wawancara dengan direktur utama bank itu pada Senin malam.",
        ),
    ),
    rule(
        "dateline.brand",
        "dateline",
        "lead",
        rf"^(?:(?P<outlet>{DOMAIN_BRAND}){DASH}|(?P<outlet>{NAMED_BRAND}){CLOSING_DASH}){LEAD_FOLLOWS}",
        "Brand-only datelines: `KOMPAS.com - `, `Suara.com - `, `tirto.id - `, `PIKIRAN RAKYAT - `, "
        "`TRIBUNJABAR.ID - `, `INFO NASIONAL - ` (Tempo advertorials). A named outlet glued to a hyphen on "
        "both sides is a word of the lead (`Suara-suara dukungan`); a domain may be (`TRIBUNNEWS.COM-Nama`).",
        opens_with=may_open_with_brand,
        positives=(
            (f"Kabarsatu.id - {BODY}", "Kabarsatu.id -"),
            (f"PIKIRAN RAKYAT - {BODY}", "PIKIRAN RAKYAT -"),
        ),
        traps=(
            "Seperti dikutip Antaranews, Senin (15/2), harga emas turun tipis.",
            # A reduplicated or hyphenated word opening the lead is not a city-only or brand-only dateline.
            "Suara-suara dukungan untuk pedagang pasar terus mengalir.",
        ),
    ),
    rule(
        "dateline.caps_city",
        "dateline",
        "lead",
        rf"^(?P<city>{CAPS_CITY}){DASH}{AFTER_CAPS_CITY}",
        "City-only datelines in capitals (Okezone, Sindonews: `JAKARTA– `, `SEOUL- `, `SERANG-Acara`). A "
        "letter must follow the dash, so `COVID-19 ...` is not a dateline, and not a lowercase one glued to it "
        "(`ALIH-alih`, `TEKA-teki`: a reduplicated word in capitals).",
        positives=(
            (f"PALEMBANG– {BODY}", "PALEMBANG–"),
            ("DENPASAR - 12 warga dievakuasi dari pantai.", "DENPASAR -"),
            ("BANDUNG- realme merilis ponsel baru pekan ini.", "BANDUNG-"),
        ),
        traps=(
            "COVID-19 kembali merebak di beberapa kota besar, kata juru bicara.",
            # A reduplicated or hyphenated word opening the lead is not a city-only or brand-only dateline.
            "ALIH-alih turun, harga cabai malah naik lagi pekan ini.",
        ),
    ),
    rule(
        "dateline.city_domain",
        "dateline",
        "lead",
        rf"^(?P<city>{CAPS_CITY})\s+(?P<outlet>{DOMAIN_BRAND}){DASH}{LEAD_FOLLOWS}",
        "`JAKARTA KOMPAS.com -`: the comma lost between a city in capitals and a domain. Only at the very start "
        "of the article: inside a paragraph `Saat Ayobandung.com-jejaring` is prose.",
        positives=(
            (f"MEDAN WARTAKITA.com - {BODY}", "MEDAN WARTAKITA.com -"),
        ),
        traps=(
            "PLATFORM Belanjaku.id mencatat lonjakan transaksi selama pekan diskon akhir tahun.",
        ),
    ),
    rule(
        "dateline.title_city",
        "dateline",
        "lead",
        rf"^(?P<city>\p{{Lu}}\p{{Ll}}+(?: \p{{Lu}}\p{{Ll}}+){{0,2}}) (?:\p{{Pd}}\s*){{1,3}}{AFTER_TITLE_CITY}",
        "Detik's `Jakarta - `, `Kendari - `: a title-case place needs a space before the dash, so the "
        "hyphenated compounds a lead can open with (`Jakarta-Bandung`) stay, and the lead must not go on with "
        "an all-lowercase word (`Baru - baru ini`, `Rancangan Undang - undang`, `Pop - up`).",
        positives=(
            ("Kabarkita - iPad terbaru dijual mulai pekan depan.", "Kabarkita -"),
            (f"Kendal - {BODY}", "Kendal -"),
        ),
        traps=(
            "Jakarta-Bandung kini bisa ditempuh kurang dari satu jam dengan kereta cepat.",
            # A reduplicated or hyphenated word opening the lead is not a city-only or brand-only dateline.
            "Baru - baru ini harga cabai di pasar induk naik dua kali lipat.",
            "Pop - up store itu dibuka di Blok M mulai pekan depan.",
        ),
    ),
    rule(
        "dateline.dangling_dash",
        "dateline",
        "lead",
        r"^(?:[,.;:][,.;:\s]*+)?(?:\p{Pd}\s*){1,3}(?=[\p{L}\d\"“'‘(])|^(?:[,.;:]\s*){1,6}(?=[\p{L}\"“'‘])",
        "The scraper lost the dateline (it was in a <strong> or a link) and left its dash or commas: "
        "`- Juru Bicara...`, ` , - Mantan...`, `,,,Pemilik...`. Only at the very start of the article.",
        positives=(
            (f" , - {BODY}", ", -"),
        ),
        traps=(
            "Warga yang ingin ikut operasi pasar wajib membawa dua berkas.\n\n- Fotokopi KTP dan kartu keluarga.\n\n- Surat keterangan dari kelurahan.",
        ),
    ),
)

#: Datelines strong enough to be trusted *inside* the first paragraph, after a caption or byline the scraper
#: glued in front (`Ilustrasi. JAKARTA, DDTCNews - `, `Tim Redaksi JAKARTA, KOMPAS.com - `). Only brand and
#: agency shapes: a bare city plus dash in the middle of a sentence is prose.
GLUED_DATELINE_NAMES = frozenset(
    {"dateline.brand_dash_city", "dateline.city_brand", "dateline.brand_city", "dateline.city_agency"}
)
