# SPDX-License-Identifier: MIT
"""One dataset for every test module ($ORGLINEAGE_DATA: the build's image when it is built)."""
import pytest

import orglineage


@pytest.fixture(scope="session")
def lin():
    return orglineage.load()
