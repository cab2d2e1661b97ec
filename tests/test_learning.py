"""Learned outlet boilerplate: units, learning (distinct stories, zones, templates), cleaning with a profile, the CLI.

The corpora here are written for the tests: seeded random prose from a small Indonesian vocabulary, with the
shapes real outlets add (a footer promo, a `Penulis: | Editor:` byline, a dateline prefix of an outlet no rule
knows, a wire paragraph that every copy of a story carries, a quote repeated in follow-up stories).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Callable

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.cleaner.reference import clean_reference
from newsclean.learning.learn import learn, source_of
from newsclean.learning.matcher import LearnedEntry, SourceMatcher, zone_of
from newsclean.learning.profile import LearnSettings, Profile
from newsclean.learning.units import (
    KEY_CHARS,
    KEY_TABLE,
    SEGMENT_BOUNDARY,
    WHITE_SPACE_CHARS,
    ascii_key_chars,
    boundaries,
    exact_key,
    searched_template_key,
    segments,
    template_key,
    words_of,
)

WORDS = [
    "pemerintah",
    "kota",
    "warga",
    "pasar",
    "harga",
    "beras",
    "naik",
    "turun",
    "petani",
    "panen",
    "hujan",
    "jalan",
    "rusak",
    "perbaikan",
    "anggaran",
    "daerah",
    "sekolah",
    "guru",
    "murid",
    "rumah",
    "sakit",
    "pasien",
    "dokter",
    "banjir",
    "sungai",
    "tanggul",
    "polisi",
    "pelaku",
    "korban",
    "saksi",
    "kantor",
    "dinas",
    "gubernur",
    "bupati",
    "menteri",
    "rapat",
    "kebijakan",
    "program",
    "bantuan",
    "sosial",
    "keluarga",
    "miskin",
    "data",
    "nelayan",
    "laut",
    "kapal",
    "ikan",
]
NAMES = ("Ahmad Fauzi", "Siti Rahma", "Budi Santoso", "Rina Wulandari", "Dedi Kurniawan", "Yuni Astuti")
CITIES = ("LAMONGAN", "GRESIK", "TUBAN", "MADIUN", "KEDIRI", "BLITAR", "JOMBANG")
FOOTER = "Dapatkan kabar terbaru Suryapos setiap pagi lewat surel harian kami."
WIRE = "Kantor berita itu melaporkan bahwa tanggul sungai jebol setelah hujan deras mengguyur tiga hari berturut-turut."
QUOTE = '"Kami akan memperbaiki tanggul itu secepatnya agar warga bisa kembali ke rumah," kata bupati kepada wartawan.'


def sentence(rng: random.Random, words: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(3))


def story(rng: random.Random, number: int) -> dict:
    body = [f"SURYAPOS, {rng.choice(CITIES)} - {paragraph(rng)}"] + [paragraph(rng) for _ in range(4)]
    body += [FOOTER, f"Penulis: {rng.choice(NAMES)} | Editor: {rng.choice(NAMES)}"]
    return {"id": f"s{number}", "source": "suryapos.com", "title": f"Berita {number}", "text": "\n".join(body)}


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    rng = random.Random(7)
    records = [story(rng, number) for number in range(40)]
    # One wire story carried by ten copies (re-scrapes): its paragraph is one story's, not boilerplate.
    wire_story = story(rng, 100)
    wire_story["text"] = wire_story["text"].replace("\n", f"\n{WIRE}\n", 1)
    records += [dict(wire_story, id=f"wire{copy}") for copy in range(10)]
    # A quote repeated in three follow-up stories, in the body: prose.
    for follow_up in range(3):
        record = story(rng, 200 + follow_up)
        lines = record["text"].split("\n")
        lines.insert(3, QUOTE)
        records.append(dict(record, text="\n".join(lines)))
    return records


@pytest.fixture(scope="module")
def profile(corpus: list[dict]) -> Profile:
    return learn(corpus)


def patterns(profile: Profile, source: str = "suryapos.com") -> dict[str, str]:
    return {entry.pattern: entry.kind for entry in profile.sources[source].segments}


def test_segments_split_at_sentence_ends_pipes_and_spaced_dashes() -> None:
    text = "SURYAPOS, TUBAN - Harga naik. Simak kanal kami | Penulis: Ani"
    pieces = [text[start:end] for start, end, _ in segments(text)]
    assert pieces == ["SURYAPOS, TUBAN", "Harga naik.", "Simak kanal kami", "Penulis: Ani"]
    start, _, cut_end = segments(text)[0]
    assert text[start:cut_end] == "SURYAPOS, TUBAN - "


@pytest.mark.parametrize(
    "text",
    [
        "Harga naik lagi. Warga antre!  Panen gagal?\tHujan turun… Selesai.",
        "Harga naik.\u2028Warga antre. . Panen gagal",
        "Harga naik. - Warga antre | Panen - gagal",
        "Harga naik.Warga antre, kata petani-petani kota",
        "Harga naik.\x1c- Warga antre.\x1cPanen\u3000- gagal",
    ],
)
def test_segments_are_the_same_with_or_without_separator_marks(text: str) -> None:
    """A paragraph without a pipe or a dash takes a faster search for sentence ends: same segments."""
    found = []
    position = 0
    for boundary in SEGMENT_BOUNDARY.finditer(text):
        found.append((position, boundary.start(), boundary.end()))
        position = boundary.end()
    found.append((position, len(text.rstrip()), len(text)))
    assert segments(text) == [(start, end, cut_end) for start, end, cut_end in found if end > start]


def test_the_boundaries_take_the_whitespace_of_the_segment_boundary() -> None:
    """`boundaries` tests whitespace with `WHITE_SPACE_CHARS`: `regex`'s `\\s`, character for character."""
    assert sorted(map(ord, WHITE_SPACE_CHARS)) == [c for c in range(0x110000) if regex.match(r"\s", chr(c))]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["Harga naik", "a", ".", "!", "?", "…", "|", "-", "–", "—", " ", "  ", "\t", "\n",
                                 "\u3000", "\u2005", "\x1c", "\x85"]), max_size=14).map("".join))
def test_boundaries_found_from_the_marks_are_the_segment_boundary_search(text: str) -> None:
    """`boundaries` proposes a match at each mark: the spans of the search it stands for."""
    assert boundaries(text) == [found.span() for found in SEGMENT_BOUNDARY.finditer(text)]


@pytest.mark.parametrize(
    "paragraph", ["Baca Juga: Harga Beras 2024 Naik | Editor: Ani", "Straße 5 – İzmir | Künstler: ÉLODIE"]
)
def test_keys_sliced_from_the_keyed_paragraph_are_the_segments_keys(paragraph: str) -> None:
    chars = ascii_key_chars(paragraph)
    for start, end, _ in segments(paragraph):
        key = exact_key(paragraph[start:end])
        assert chars is None or words_of(chars[start:end]) == key
    assert (chars is None) == (not paragraph.isascii())


def test_the_key_string_translates_as_the_key_table() -> None:
    every = "".join(map(chr, range(0x10000))) + "\U0001d7d8\U0001f600\U00010140x"
    assert every.translate(KEY_CHARS) == every.translate(KEY_TABLE)


def test_keys_ignore_case_digits_and_punctuation_and_slot_names() -> None:
    assert exact_key("Halaman 2 dari 3:") == exact_key("HALAMAN 5 dari 9") == "halaman 0 dari 0"
    assert template_key("Penulis: Ahmad Fauzi | Editor: Budi")[0] == template_key("Penulis: Ani | Editor: Rudi H")[0]
    assert template_key("(mcr8/jpnn)") == ("( <> / jpnn )", ("mcr8",))
    assert template_key("kata iPhone covid-19 straße") == ("kata iphone covid 00 strasse", ())


#: Pieces of ASCII segments: slot words, words with digits and joiners, marks, `_`, runs of spaces (where the fast
#: path splits) and the other whitespace (which it passes over), and `\x1c` (a mark, though `str.isspace` takes it).
TEMPLATE_PIECES = ("Penulis", "ANI", "ani", "2024", "mcr8", "covid-19", "Dr.", "e-KTP", "iPhone", "x", "Z", "7", "a1",
                   "B.c", "q-", "-", ".", ":", "|", "/", "(", ")", "_", " ", "  ", "\t", "\n", "\x1c", "\x0b", ",")


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(TEMPLATE_PIECES) | st.characters(max_codepoint=127), max_size=16).map("".join))
def test_ascii_template_keys_are_the_searched_template_keys(text: str) -> None:
    """`template_key` reads an ASCII segment a chunk at a time: the key of the search it stands for."""
    assert template_key(text) == searched_template_key(text)


def test_learns_footer_byline_and_dateline_template(profile: Profile) -> None:
    learned = patterns(profile)
    assert learned[exact_key(FOOTER)] == "footer"
    assert learned["{penulis} : <>"] == "byline"
    assert learned["{editor} : <>"] == "byline"
    assert learned["{suryapos} , <>"] == "dateline"


def test_copies_of_one_story_count_once(profile: Profile) -> None:
    source = profile.sources["suryapos.com"]
    assert source.documents == source.sampled == 53
    assert source.stories == 44  # 40 + the wire story's ten copies as one + 3 follow-ups
    assert exact_key(WIRE) not in patterns(profile)


def test_a_quote_repeated_in_follow_ups_is_not_learned(profile: Profile) -> None:
    assert exact_key(QUOTE) not in patterns(profile)


def test_learning_does_not_depend_on_input_order(corpus: list[dict], profile: Profile) -> None:
    shuffled = corpus[:]
    random.Random(3).shuffle(shuffled)
    assert learn(shuffled) == profile


def test_sample_bounds_what_is_learned_from(corpus: list[dict]) -> None:
    small = learn(corpus, LearnSettings(sample_per_source=20))
    assert small.sources["suryapos.com"].sampled == 20
    assert small.sources["suryapos.com"].documents == len(corpus)


def test_clean_with_profile_removes_learned_entries_and_reports_evidence(corpus: list[dict], profile: Profile) -> None:
    record = corpus[0]
    result = newsclean.clean(record["text"], title=record["title"], source="suryapos.com", profile=profile)
    assert "SURYAPOS" not in result.text and "Dapatkan kabar" not in result.text and "Penulis" not in result.text
    learned = [r for r in result.removals if r.rule.startswith("learned.")]
    assert {r.kind for r in learned} >= {"footer", "dateline"}
    normalized = newsclean.normalize(record["text"])
    for removal in result.removals:
        assert normalized[removal.start : removal.end] == removal.text
    assert all(r.stories and r.stories >= 4 for r in learned)
    assert all(r.stories is None for r in result.removals if not r.rule.startswith("learned."))
    for line in record["text"].split("\n")[1:5]:
        assert line in result.text


def test_clean_keeps_prose_a_profile_does_not_know(corpus: list[dict], profile: Profile) -> None:
    for record in corpus[40:]:
        result = newsclean.clean(record["text"], source="suryapos.com", profile=profile)
        if WIRE in record["text"]:
            assert WIRE in result.text
        if QUOTE in record["text"]:
            assert QUOTE in result.text


def test_other_sources_and_no_source_are_cleaned_by_the_rules_alone(corpus: list[dict], profile: Profile) -> None:
    text = corpus[0]["text"]
    assert newsclean.clean(text, source="lain.com", profile=profile) == newsclean.clean(text)
    assert newsclean.clean(text, profile=profile) == newsclean.clean(text)


def test_learned_rules_can_be_turned_off(corpus: list[dict], profile: Profile) -> None:
    learned_rules = {"learned.segment", "learned.template", "learned.dateline_prefix"}
    config = newsclean.CleanConfig(disabled_rules=frozenset(learned_rules))
    result = newsclean.clean(corpus[0]["text"], source="suryapos.com", profile=profile, config=config)
    assert not [r for r in result.removals if r.rule.startswith("learned.")]
    by_kind = newsclean.CleanConfig(disabled_kinds=frozenset({"footer"}))
    result = newsclean.clean(corpus[0]["text"], source="suryapos.com", profile=profile, config=by_kind)
    assert FOOTER in result.text


def test_reference_engine_equals_fast_engine_with_a_profile(corpus: list[dict], profile: Profile) -> None:
    for record in corpus[::5]:
        kwargs = {"title": record["title"], "source": "suryapos.com", "profile": profile}
        assert clean_reference(record["text"], **kwargs) == newsclean.clean(record["text"], **kwargs)


def test_cleaning_with_a_profile_is_idempotent(corpus: list[dict], profile: Profile) -> None:
    for record in corpus[::7]:
        once = newsclean.clean(record["text"], source="suryapos.com", profile=profile).text
        assert newsclean.clean(once, source="suryapos.com", profile=profile).text == once


def test_profile_round_trips_and_an_edited_entry_is_obeyed(tmp_path, corpus: list[dict], profile: Profile) -> None:
    path = tmp_path / "profile.json"
    profile.save(str(path))
    assert Profile.load(path) == profile
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = data["sources"]["suryapos.com"]["segments"]
    data["sources"]["suryapos.com"]["segments"] = [e for e in entries if e["kind"] != "footer"]
    edited = Profile.model_validate(data)
    assert FOOTER in newsclean.clean(corpus[0]["text"], source="suryapos.com", profile=edited).text


def test_matcher_obeys_zones() -> None:
    entry = {
        "kind": "footer",
        "match": "exact",
        "pattern": "ikuti kami",
        "zones": ["tail"],
        "stories": 9,
        "example": "Ikuti kami",
    }
    learned = Profile.model_validate(
        {"sources": {"x": {"documents": 1, "sampled": 1, "stories": 1, "segments": [entry]}}}
    )
    matcher = learned.matcher("x")
    assert matcher is not None and learned.matcher("y") is None
    assert matcher.find("Ikuti kami.", "tail") is not None
    assert matcher.find("Ikuti kami.", "body") is None
    assert zone_of(0, 10, 100) == "lead" and zone_of(80, 90, 100) == "tail" and zone_of(40, 60, 100) == "body"


def test_source_of_uses_the_source_field_then_the_url_host() -> None:
    assert source_of({"source": " Kompas.com "}) == "kompas.com"
    assert source_of({"url": "https://www.detik.com/news/x"}) == "detik.com"
    assert source_of({"text": "x"}) == ""


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsclean", *args], capture_output=True, text=True, input=stdin)


def test_cli_learn_then_clean_with_the_profile(tmp_path, corpus: list[dict]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in corpus), encoding="utf-8")
    profile_path = tmp_path / "profile.json"
    learned = _cli("learn", str(source), "-o", str(profile_path))
    assert learned.returncode == 0, learned.stderr
    assert "learned entr" in learned.stderr and learned.stdout == ""
    loaded = Profile.load(profile_path)
    assert loaded.sources["suryapos.com"].segments
    out = tmp_path / "out.jsonl"
    cleaned = _cli("clean", str(source), "--profile", str(profile_path), "-o", str(out))
    assert cleaned.returncode == 0, cleaned.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(FOOTER not in r["text"] for r in records)
    assert any(r.get("stories") for rec in records for r in rec["newsclean"]["removals"])


def test_cli_clean_learns_from_its_input_by_default(tmp_path, corpus: list[dict]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in corpus), encoding="utf-8")
    out, saved = tmp_path / "out.jsonl", tmp_path / "saved.json"
    cleaned = _cli("clean", str(source), "-o", str(out), "--save-profile", str(saved))
    assert cleaned.returncode == 0, cleaned.stderr
    assert all(FOOTER not in json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines())
    assert Profile.load(saved).sources["suryapos.com"].segments
    rules_only = _cli("clean", str(source), "--no-learn", "-o", str(tmp_path / "rules.jsonl"))
    assert rules_only.returncode == 0
    rules_text = (tmp_path / "rules.jsonl").read_text(encoding="utf-8")
    assert "learned." not in rules_text


def test_cli_stdin_falls_back_to_the_rules(corpus: list[dict]) -> None:
    piped = _cli("clean", "-", stdin="".join(json.dumps(r) + "\n" for r in corpus[:3]))
    assert piped.returncode == 0, piped.stderr
    assert "learned." not in piped.stdout


def test_cli_rejects_a_file_that_is_not_a_profile(tmp_path, corpus: list[dict]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(corpus[0]) + "\n", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"sources": {"x": {"documents": "many"}}}', encoding="utf-8")
    result = _cli("clean", str(source), "--profile", str(bad))
    assert result.returncode == 2
    assert "not a newsclean profile" in result.stderr and "Traceback" not in result.stderr


def test_tag_block_is_learned_when_many_stories_end_with_one() -> None:
    rng = random.Random(11)
    records = []
    for number in range(30):
        text = "\n".join(paragraph(rng) for _ in range(4))
        if number % 3 == 0:
            villages = [f"Desa {rng.choice(WORDS).title()} {number}" for _ in range(2)]
            text += "\nDaftar desa terdampak:\n" + "\n".join(villages)  # a closing list: content
        else:
            text += "\n\n" + "\n\n".join(" ".join(rng.sample(WORDS, 2)) for _ in range(3))
        records.append({"id": number, "source": "tagged.id", "text": text})
    profile = learn(records)
    assert [e.match for e in profile.sources["tagged.id"].segments if e.kind == "tags"] == ["tag_lines"]
    for record in records[1:3]:
        tagged = newsclean.clean(record["text"], source="tagged.id", profile=profile)
        assert "learned.tag_lines" in {r.rule for r in tagged.removals}
        assert all(line not in tagged.text for line in record["text"].split("\n\n")[-3:])
    for record in records[::3]:
        listed = newsclean.clean(record["text"], source="tagged.id", profile=profile)
        assert listed.text.endswith("\n\n".join(record["text"].split("\n")[-3:]))


def test_tail_code_shape_is_learned_from_the_stories_it_ends() -> None:
    """`(Z-3)` is a shape the credit rules leave (`(H-3)` is prose): a source learns it from its own stories."""
    rng = random.Random(5)
    records = []
    for number in range(30):
        body = "\n\n".join(paragraph(rng) for _ in range(4))
        code = f" ({rng.choice('ZSPR')}-{rng.randint(1, 9)})" if number % 3 else ""
        records.append({"id": number, "source": "kode.id", "text": body + code})
    profile = learn(records)
    learned = [e for e in profile.sources["kode.id"].segments if e.match == "tail_code"]
    assert [(e.pattern, e.kind, e.stories) for e in learned] == [("(A-9)", "credit", 20)]
    coded = newsclean.clean(records[1]["text"], source="kode.id", profile=profile)
    assert [(r.rule, r.kind) for r in coded.removals if r.rule.startswith("learned.")] == [
        ("learned.tail_code", "credit")
    ]
    assert coded.text == newsclean.clean(records[1]["text"].rsplit(" (", 1)[0], source="kode.id").text
    assert clean_reference(records[1]["text"], source="kode.id", profile=profile).text == coded.text
    unlearned = newsclean.clean(records[1]["text"], source="kode.id")
    assert unlearned.text.endswith(records[1]["text"][-6:])
    prose = records[3]["text"] + "\n\nArus mudik memuncak pada Selasa malam (H-3)."
    assert newsclean.clean(prose, source="kode.id", profile=profile).text.endswith("malam (H-3).")


LINKED = "Warga Cimahi Gelar Festival Kopi Tahunan di Alun-alun Kota"
#: A second headline that shares the linked one's first words and goes on as a headline.
SIBLING = "Warga Cimahi Gelar Festival Kopi Tahunan di Alun-alun Kota Bandung Barat"
PROSE_AFTER_LINK = (
    "Pemerintah kota menyiapkan tenda bagi pedagang.",
    "Acara itu dibuka wali kota pada Sabtu pagi.",
    "Dinas pariwisata mencatat ribuan pengunjung.",
    '"Kami senang sekali," kata seorang pedagang.',
)


def linking_records() -> list[dict]:
    """Stories of one outlet whose one-line scrapes glue `Baca juga: <LINKED>` to the next sentence."""
    rng = random.Random(3)
    records = []
    for number, after in enumerate(PROSE_AFTER_LINK):
        text = f"{paragraph(rng)} Baca juga: {LINKED} {after} {paragraph(rng)}"
        records.append({"id": f"link{number}", "source": "warta.id", "text": text})
    records.append({"id": "sibling", "source": "warta.id", "text": f"{paragraph(rng)} Baca juga: {SIBLING} Jalan itu ramai."})
    return records


def test_related_headline_is_learned_where_linking_stories_part() -> None:
    from newsclean.learning.related import learned_headlines

    after = {number: [f"{LINKED} {text}"] for number, text in enumerate(PROSE_AFTER_LINK)}
    assert learned_headlines(after) == {LINKED: {0, 1, 2, 3}}
    # One story's copies go on with the same prose: they teach nothing, nor does one story alone.
    assert learned_headlines({0: [f"{LINKED} {PROSE_AFTER_LINK[0]}"] * 3}) == {}
    # Two headlines sharing their first words part inside a headline (a capitalised word, no prose after it).
    assert learned_headlines({0: ["Warga Cimahi Gelar Festival Timur Ramai"], 1: ["Warga Cimahi Gelar Festival Barat Sepi"]}) == {}
    # One story going on as prose is enough after a long shared headline (the other opens with its verb).
    assert learned_headlines({0: [f"{LINKED} Hadir Wali Kota Cimahi"], 1: [f"{LINKED} Acara itu ramai."]}) == {
        LINKED: {0, 1}
    }
    short = "Warga Cimahi Gelar Festival"
    assert learned_headlines({0: [f"{short} Hadir Wali Kota Cimahi"], 1: [f"{short} Acara itu ramai."]}) == {}


def test_clean_ends_a_glued_related_headline_where_the_profile_learned_it() -> None:
    records = linking_records()
    profile = learn(records)
    learned = [e for e in profile.sources["warta.id"].segments if e.match == "related_headline"]
    # The sibling's link starts with the whole linked headline, ten words: it counts among the linking stories.
    assert [(e.pattern, e.kind, e.stories) for e in learned] == [(LINKED, "related", 5)]
    record = records[1]
    result = newsclean.clean(record["text"], source="warta.id", profile=profile)
    assert f"Baca juga: {LINKED}" not in result.text and PROSE_AFTER_LINK[1] in result.text
    [removal] = [r for r in result.removals if r.rule == "learned.related_headline"]
    assert (removal.kind, removal.text, removal.stories) == ("related", f"Baca juga: {LINKED}", 5)
    assert result == clean_reference(record["text"], source="warta.id", profile=profile)
    # A headline that goes on past the learned one here is left to the shape rules, which keep the prose.
    sibling = newsclean.clean(records[-1]["text"], source="warta.id", profile=profile)
    assert "learned.related_headline" not in {r.rule for r in sibling.removals}
    assert "Jalan itu ramai." in sibling.text
    off = newsclean.CleanConfig(disabled_rules=frozenset({"learned.related_headline"}))
    unlearned = newsclean.clean(record["text"], source="warta.id", profile=profile, config=off)
    assert "learned.related_headline" not in {r.rule for r in unlearned.removals}


def test_a_link_to_another_sampled_article_ends_where_its_title_does() -> None:
    rng = random.Random(4)
    title = "Harga Cabai di Pasar Cimahi Turun Dua Kali dalam Sepekan"
    records = [
        {"id": "linked", "source": "warta.id", "title": title, "text": paragraph(rng)},
        {"id": "linking", "source": "warta.id", "title": "Operasi Pasar", "text": f"{paragraph(rng)} Baca juga: {title} "
         f"Pedagang itu mengaku senang. {paragraph(rng)}"},
    ]
    profile = learn(records)
    learned = [e for e in profile.sources["warta.id"].segments if e.match == "related_headline"]
    assert [(e.pattern, e.stories) for e in learned] == [(title, 1)]
    result = newsclean.clean(records[1]["text"], source="warta.id", profile=profile)
    assert f"Baca juga: {title}" not in result.text and "Pedagang itu mengaku senang." in result.text
    # Its own title in an article's text is no link.
    alone = learn([dict(records[1], title=title)])
    assert not [e for e in alone.sources["warta.id"].segments if e.match == "related_headline"]


#: Learned keys (a first word holding a digit wildcard `0`, or only wildcards) and templates (their anchors).
GATE_ENTRIES = st.lists(
    st.sampled_from(
        [("exact", "baca juga"), ("exact", "0000 tag"), ("exact", "ke-0 lagi"), ("exact", "© 0 redaksi"),
         ("exact", "tag"), ("template", "simak <> {gambas}"), ("template", "<> video <>")]
    ),
    min_size=1,
    max_size=4,
)
GATE_TEXT = st.lists(
    st.sampled_from(["Baca", "juga:", "Tag", "ke-7", "© 2", "x", "gambas", "Video", "2020", "tagar", " ", "."]),
    max_size=8,
)


@settings(max_examples=500, deadline=None)
@given(GATE_ENTRIES, GATE_TEXT)
def test_the_gate_literals_leave_the_gate_search_its_answer(entries: list[tuple[str, str]], pieces: list[str]) -> None:
    """`may_hold` searches its gate only where one of the gate's literals occurs: the same answer as the search."""
    matcher = SourceMatcher(tuple(LearnedEntry("footer", match, key, frozenset({"tail"}), 3) for match, key in entries))
    paragraph = "".join(pieces)
    assert matcher.may_hold(paragraph) == (matcher.gate.search(paragraph.casefold()) is not None)


def test_a_phrase_cut_at_a_score_dash_is_not_learned() -> None:
    """Match reports of one outlet open many sentences `Pada menit ke - 61 ...`: the piece before the dash recurs
    in many stories, but it ends with a function word, so it is the start of a sentence, not a line to cut."""
    rng = random.Random(13)
    records = []
    for number in range(30):
        minute = rng.randint(10, 89)
        text = "\n\n".join(
            [paragraph(rng), f"Pada menit ke - {minute} {sentence(rng)}", paragraph(rng), "Simak kabar bola harian kami."]
        )
        records.append({"id": number, "source": "bola.example", "text": text})
    learned = patterns(learn(records), "bola.example")
    assert "pada menit ke" not in learned
    assert "simak kabar bola harian kami" in learned
    cleaned = newsclean.clean(records[0]["text"], source="bola.example", profile=learn(records))
    assert "Pada menit ke - " in cleaned.text


def stories_of(rng: random.Random, source: str, shape: Callable[[str], str], count: int = 30) -> list[dict]:
    """`count` records of `source`, each four paragraphs of prose put into `shape` (the boilerplate around it)."""
    return [
        {"id": number, "source": source, "text": shape("\n\n".join(paragraph(rng) for _ in range(4)))}
        for number in range(count)
    ]


def test_a_learned_name_is_not_cut_out_of_a_row_of_fields() -> None:
    """A name learned where it stands alone at the end of stories (one tag per line) also fills rows of a list
    (`Rizky Ridho - Persija Jakarta vs Arema - 9 Maret 2025`): the row is content and stays whole."""
    rng = random.Random(17)
    records = stories_of(rng, "liga.example", lambda body: f"{body}\n\nRizky Ridho")
    profile = learn(records)
    assert patterns(profile, "liga.example").get("rizky ridho") == "footer"
    row = "Rizky Ridho - Persija Jakarta vs Arema - 9 Maret 2025"
    text = "\n\n".join([paragraph(rng), paragraph(rng), "Daftar nominasi gol terbaik:", row, paragraph(rng), "Rizky Ridho"])
    cleaned = newsclean.clean(text, source="liga.example", profile=profile)
    assert row in cleaned.text
    assert not cleaned.text.endswith("Rizky Ridho")
    assert clean_reference(text, source="liga.example", profile=profile).text == cleaned.text


def test_learned_dateline_is_cut_where_the_scrape_lost_its_dash() -> None:
    """`Warta6.com, Bogor - ` recurs at the start of the source's stories; a story whose scrape lost the dash
    (`Warta6.com, Bogor Harga ...`) loses the learned dateline, and only it: not a city word the source never
    learned, not a prefix that starts no article, not without the profile."""
    rng = random.Random(11)
    records = stories_of(rng, "warta6.com", lambda body: f"Warta6.com, Bogor - {body.capitalize()}")
    profile = learn(records)
    lead = "Harga beras di pasar induk naik lagi pekan ini."
    body = lead + "\n\n" + "\n\n".join(paragraph(rng) for _ in range(4))
    dashless = f"Warta6.com, Bogor {body}"
    cleaned = newsclean.clean(dashless, source="warta6.com", profile=profile)
    assert [(r.rule, r.kind, r.text) for r in cleaned.removals] == [
        ("learned.dateline_prefix", "dateline", "Warta6.com, Bogor")
    ]
    assert cleaned.text.startswith(lead)
    assert clean_reference(dashless, source="warta6.com", profile=profile).text == cleaned.text
    assert newsclean.clean(dashless, source="warta6.com").text.startswith("Warta6.com, Bogor Harga")
    unlearned_city = f"Warta6.com, Depok {body}"
    assert newsclean.clean(unlearned_city, source="warta6.com", profile=profile).text == newsclean.clean(
        unlearned_city, source="warta6.com"
    ).text
    inside = f"{lead} Warta6.com, Bogor Harga cabai ikut naik.\n\n{body}"
    assert "Warta6.com, Bogor Harga cabai" in newsclean.clean(inside, source="warta6.com", profile=profile).text
