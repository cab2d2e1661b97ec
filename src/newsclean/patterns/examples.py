"""The prose the rules' examples are built around: the positives and traps of every rule in the registry
(`Rule.positives`, `Rule.traps`, `CodeRule`) glue their boilerplate to these sentences.

The texts were written for the project, in the shapes of real scrapes; none is copied from data.
"""

from __future__ import annotations

#: Two sentences of ordinary news prose that no rule touches.
BODY = "Harga beras di pasar tradisional naik dua kali dalam sepekan, kata pedagang setempat."
BODY2 = "Pemerintah daerah berjanji menggelar operasi pasar mulai pekan depan di tiga kecamatan."
#: The title every example is cleaned with: `other.title_repeated` removes a first paragraph that repeats it.
TITLE = "Harga Beras Naik Lagi"
