"""Suite-wide test settings.

Hypothesis draws its examples from a fixed seed (`derandomize`), as every other random choice of the project
is seeded: a run of the suite gives the same verdict on the same code, and an example that fails is found
again by the next run. To search new examples, run with `--hypothesis-profile=default` (random seeds).
"""

from hypothesis import settings

settings.register_profile("newsclean", derandomize=True)
settings.load_profile("newsclean")
