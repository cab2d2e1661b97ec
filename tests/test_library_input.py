"""What `newsclean.dedupe` and `newsclean.learn` take as `records`: mappings with the text field. A record of
another type, or a run in which no record has the text field, is an `InputError`; a record whose text is
missing among others that have one is a reject (dedupe) or skipped (learn), as a null or empty text is."""

from __future__ import annotations

import pytest
from test_outputs import article, records

import newsclean
from newsclean import DedupeConfig, InputError


@pytest.mark.parametrize("bad", ["teks berita sebagai string", 42, ("id", "text"), None])
def test_dedupe_raises_for_a_record_that_is_not_a_mapping(bad):
    with pytest.raises(InputError, match=r"not a mapping: give mappings with the text under the text field"):
        newsclean.dedupe([*records(3), bad])


def test_dedupe_of_bare_strings_raises_instead_of_returning_nothing():
    with pytest.raises(InputError, match=r"a record of type str \('SURABAYA, KOMPAS.com - .*\.\.\.\), not a mapping"):
        newsclean.dedupe([article(1), article(2)])


def test_dedupe_raises_when_no_record_has_the_text_field():
    with pytest.raises(InputError, match=r"no record has a 'body' field \(6 given\).*DedupeConfig\(text_field=\.\.\.\)"):
        newsclean.dedupe(records(6), config=DedupeConfig(text_field="body"))


def test_dedupe_rejects_a_record_without_text_among_good_ones():
    given = [*records(3), {"id": "tanpa-teks", "title": "kosong"}]
    result = newsclean.dedupe(given)
    assert [(r.id, r.reason) for r in result.rejects] == [("tanpa-teks", "missing text: no 'text' field")]
    assert result.kept.tolist() == [True, True, True, False]


def test_dedupe_with_the_right_text_field_reads_it():
    moved = [{"id": r["id"], "body": r["text"]} for r in records(6)]
    result = newsclean.dedupe(moved, config=DedupeConfig(text_field="body", workers=1))
    assert not result.rejects and result.stats.kept == 5  # record 5 copies record 1


def test_learn_raises_for_a_record_of_another_type_and_for_a_missing_text_field():
    with pytest.raises(InputError, match=r"a record of type int \(7\), not a mapping"):
        newsclean.learn([{"source": "a.id", "text": article(1)}, 7])
    with pytest.raises(InputError, match=r"no record has a 'body' field \(4 given\).*learn\(records, text_field"):
        newsclean.learn(records(4), text_field="body")


def test_learn_takes_strings_and_skips_a_record_without_text_among_good_ones():
    profile = newsclean.learn([article(n) for n in range(5)])
    assert profile.sources[""].documents == 5
    mixed = [{"source": "a.id", "text": article(n)} for n in range(5)] + [{"source": "a.id", "title": "kosong"}]
    assert newsclean.learn(mixed).sources["a.id"].documents == 5
