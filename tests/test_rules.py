"""Every rule of the registry (`newsclean.patterns.REGISTRY`: the catalogue and the rules written as code) on its
own examples, in the shapes of real scrapes (texts written for the project).

A positive names the text the rule must remove from an article. A trap is prose that looks like the boilerplate:
the rule must not fire and every line must survive. The examples live with the rules; this module runs them
(and `POSITIVES`, `TRAPS` list them for the other tests).
"""

import importlib
from typing import get_args

import pytest

from newsclean import CleanConfig, clean, normalize
from newsclean.models import REMOVAL_KINDS
from newsclean.patterns import REGISTRY, RULE_KINDS, RULE_NAMES, CodeRule, Rule, Zone
from newsclean.patterns.examples import BODY, BODY2, TITLE

#: (rule, article text, the text it removes) for every positive of the registry.
POSITIVES = [(entry.name, text, removed) for entry in REGISTRY for text, removed in entry.positives]
#: (rule, prose it must leave whole) for every trap of the registry.
TRAPS = [(entry.name, text) for entry in REGISTRY for text in entry.traps]
KINDS = sorted(set(RULE_KINDS.values()))


def test_every_rule_has_a_positive_and_a_trap() -> None:
    assert not [entry.name for entry in REGISTRY if not entry.positives]
    assert not [entry.name for entry in REGISTRY if not entry.traps]


def test_rule_names_are_unique() -> None:
    assert len(set(RULE_NAMES)) == len(RULE_NAMES) == len(REGISTRY)
    assert list(RULE_KINDS) == list(RULE_NAMES)


@pytest.mark.parametrize("entry", REGISTRY, ids=RULE_NAMES)
def test_every_rule_has_a_kind_a_zone_and_a_why(entry: Rule | CodeRule) -> None:
    assert entry.kind and RULE_KINDS[entry.name] == entry.kind
    assert entry.zone in get_args(Zone)
    assert isinstance(entry.why, str) and entry.why.strip() == entry.why and len(entry.why) > 20
    if isinstance(entry, Rule):
        assert entry.zone == entry.scope
    else:
        assert entry.code
        for path in entry.code:  # the code it names exists
            module, _, name = path.rpartition(".")
            assert hasattr(importlib.import_module(module), name), path


def test_every_kind_is_a_removal_kind() -> None:
    """A rule's removals are `Removal`s, whose kind is a `RemovalKind`: a new kind must be added there too."""
    assert set(RULE_KINDS.values()) <= set(REMOVAL_KINDS)


def _fired(text: str, config: CleanConfig | None = None) -> dict[str, list[str]]:
    fired: dict[str, list[str]] = {}
    for removal in clean(text, title=TITLE, config=config).removals:
        fired.setdefault(removal.rule, []).append(removal.text)
    return fired


@pytest.mark.parametrize(("rule", "text", "removed"), POSITIVES, ids=[p[0] for p in POSITIVES])
def test_rule_fires(rule: str, text: str, removed: str) -> None:
    result = clean(text, title=TITLE)
    fired = _fired(text)
    assert rule in fired, f"{rule} did not fire; fired: {fired}"
    assert any(r.strip() == removed.strip() for r in fired[rule]), fired[rule]
    # A repeat's first copy stays, and so does the subheading a table-of-contents entry names.
    assert removed.strip() not in result.text or rule in {"repeat.paragraph", "nav.contents_entries"}
    assert {r.kind for r in result.removals if r.rule == rule} == {RULE_KINDS[rule]}


@pytest.mark.parametrize("title", [None, TITLE], ids=["untitled", "titled"])
@pytest.mark.parametrize(("rule", "text"), TRAPS, ids=[t[0] for t in TRAPS])
def test_trap_is_kept(rule: str, text: str, title: str | None) -> None:
    result = clean(text, title=title)
    assert rule not in {r.rule for r in result.removals}
    for line in text.split("\n"):
        if line.strip():
            assert line.strip() in result.text.replace("\n\n", "\n").replace("\n", " ") or line.strip() in result.text


#: (rule, article text, prose in it that must survive) for every `keeps` example of the registry.
KEEPS = [(entry.name, text, kept) for entry in REGISTRY for text, kept in entry.keeps]


@pytest.mark.parametrize("title", [None, TITLE], ids=["untitled", "titled"])
@pytest.mark.parametrize(("rule", "text", "kept"), KEEPS, ids=[k[0] for k in KEEPS])
def test_keep_survives(rule: str, text: str, kept: str, title: str | None) -> None:
    """The rule may fire next to the prose (a label goes), but the prose it once cut into survives whole."""
    result = clean(text, title=title)
    assert kept in result.text.replace("\n\n", " ").replace("\n", " "), [(r.rule, r.text) for r in result.removals]
    assert not any(kept in r.text or r.text.strip() in kept for r in result.removals if r.rule == rule)


@pytest.mark.parametrize("entry", REGISTRY, ids=RULE_NAMES)
def test_every_rule_can_be_turned_off(entry: Rule | CodeRule) -> None:
    config = CleanConfig(disabled_rules=frozenset({entry.name}))
    for text, _ in entry.positives:
        assert entry.name not in _fired(text, config)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_can_be_turned_off(kind: str) -> None:
    config = CleanConfig(disabled_kinds=frozenset({kind}))
    for entry in REGISTRY:
        if entry.kind == kind:
            for text, _ in entry.positives:
                removals = clean(text, title=TITLE, config=config).removals
                assert kind not in {r.kind for r in removals}, (entry.name, text)


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


def test_a_misspelt_kind_is_refused_with_a_hint() -> None:
    with pytest.raises(ValueError, match=r"did you mean 'credit'"):
        CleanConfig(disabled_kinds=frozenset({"credits"}))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rule", "text", "dateline"), DATELINE_THEN_COMPOUND, ids=[d[0] for d in DATELINE_THEN_COMPOUND]
)
def test_dateline_stops_before_a_hyphenated_lead(rule: str, text: str, dateline: str) -> None:
    result = clean(text)
    assert [(r.rule, r.text) for r in result.removals] == [(rule, dateline)]
    # Normalization may restore a paragraph break the scraper lost (`pengadilan.Saat`): compare line by line.
    assert result.text.replace("\n\n", "\n") == normalize(text)[len(dateline) :].strip()
