"""HTML pages a person opens to see what a run did: `newsclean clean --html` and `newsclean dedupe --html`.

* `clean_page`: counts by kind, rule and source, and a sample of articles with every removal marked in place;
* `dedupe_page`: a sample of clusters, each duplicate beside the record it is tied to, the differing words
  marked, with its relation and similarity;
* `marks`: removed spans marked in the normalized text; `word_diff`: the words two texts do not share;
* `document`: escaping, the page skeleton with its inline style and script (`page.css`, `filters.js`), the
  filter bar, tables and the atomic write.

Each page is one self-contained file that loads nothing from the network and reads well with JavaScript off.
"""
