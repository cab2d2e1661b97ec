"""Properties of clean() on any input: it never raises, it is idempotent, and its report is consistent."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import clean, normalize
from newsclean.cleaner.selection import ASCII_SUBSTRINGS, CASELESS_SUBSTRING_BITS
from newsclean.repeats import repeat_key

#: Fragments in the shapes of real boilerplate, mixed with arbitrary text so the rules actually fire.
FRAGMENTS = st.sampled_from(
    [
        "JAKARTA, KOMPAS.com - ",
        "Baca juga: ",
        "Advertisement",
        "(esn/indo)",
        "(Sputnik)",
        "\n",
        "\n\n",
        " - ",
        "Editor: Budi",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Foto: A/B",
        "(AS)",
        "(30/8)",
        "Ilustrasi ",
        "Copyright ©",
        "â€œ",
        "â€ ",
        "\u00a0",
        "\u200b",
        "Petugαs",
        "Harga beras naik lagi di pasar. ",
        "Dia berkata, “Ya.” ",
        "Video: Banjir di Kota",
        "(kpl/khs)",
        "Laporan Wartawan X.com, Y",
        ",,,",
        "[Gambas:Video 20detik]",
        "sumber : A",
    ]
)
TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=25).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_never_raises_and_is_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once.text).text == once.text


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_unicode_is_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once.text).text == once.text


@SETTINGS
@given(TEXT)
def test_removals_point_into_the_normalized_text(text: str) -> None:
    normalized = normalize(text)
    result = clean(text)
    for removal in result.removals:
        assert normalized[removal.start : removal.end] == removal.text
    assert "\n\n\n" not in result.text and result.text == result.text.strip()


@SETTINGS
@given(st.text(max_size=300))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


def test_a_trigger_freed_by_a_cut_selects_its_rule() -> None:
    """Cutting an insert can split a glued word into a trigger (`CONTENTIlustrasi`); the next pass selects it."""
    once = clean("SCROLL TO CONTINUE WITH CONTENTIlustrasi ")
    assert once.text == ""
    assert clean(once.text).text == once.text


def test_substring_triggers_hold_no_whitespace() -> None:
    """A later pass looks for substring triggers paragraph by paragraph, which needs them whitespace-free."""
    substrings = [*ASCII_SUBSTRINGS, *(character.encode() for character, _ in CASELESS_SUBSTRING_BITS)]
    assert substrings
    assert all(len(substring.split()) == 1 for substring in substrings)


def test_a_chain_of_glued_inserts_is_cleaned_to_a_fixed_point() -> None:
    """Each glued insert is found only once the one before it is cut (found by the idempotence property)."""
    text = "AdvertisementSCROLL TO CONTINUE WITH CONTENTFoto: A/BFoto: A/BBaca juga: "
    once = clean(text)
    assert once.text == ""
    assert clean(once.text).text == once.text


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Harga", "cabai", "naik", " ", "  ", ", ", "Video:", "VIDEO ", "“", "”", "é", "ß", "_", "1", "-"]),
        max_size=40,
    ).map("".join)
)
def test_a_key_only_grows_as_its_text_goes_on(text: str) -> None:
    """`_drop_repeated_title` skips a first paragraph whose start already has a longer key than the title's,
    when the paragraph opens with a letter or digit that starts no `Video:` label."""
    for opening in ("Harga", "ß", "é", "1", "X"):
        assert_key_grows(opening + text)


def assert_key_grows(text: str) -> None:
    for end in range(1, len(text) + 1, 3):
        assert len(repeat_key(text[:end])) <= len(repeat_key(text))
