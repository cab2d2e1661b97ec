"""Suite-wide test settings.

Hypothesis draws its examples from a fixed seed (`derandomize`), as every other random choice of the project
is seeded: a run of the suite gives the same verdict on the same code, and an example that fails is found
again by the next run. To search new examples, run with `--hypothesis-profile=default` (random seeds).

`client`: a real two-process Dask `LocalCluster` and its client, one per test module that asks for it (the Dask
engine's tests); skipped where the `dask` extra is not installed.
"""

import pytest
from hypothesis import settings

settings.register_profile("newsclean", derandomize=True)
settings.load_profile("newsclean")


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected
