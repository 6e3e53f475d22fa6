"""The facet index reads only the bits a page needs, and they are the right ones."""

import random

from catalogue.facet_index import SKIP_BLOCK, FacetIndex


def index_of(size):
    """An index with just the fields ``positions`` and ``of_positions`` read."""
    index = FacetIndex.__new__(FacetIndex)
    index.order = list(range(size))
    return index


def test_a_window_of_positions_is_that_slice_of_all_of_them():
    chooser = random.Random(20261130)
    for size in (0, 1, 45, SKIP_BLOCK - 1, SKIP_BLOCK, 3 * SKIP_BLOCK + 7, 10_000):
        index = index_of(size)
        for density in (0.0, 0.01, 0.5, 1.0):
            bits = [n for n in range(size) if chooser.random() < density]
            mask = index.of_positions(bits)
            for start in {0, 1, 47, 48, len(bits) // 2, len(bits) - 1, len(bits)}:
                for stop in {start, start + 1, start + 48, None}:
                    if start < 0:
                        continue
                    assert index.positions(mask, start, stop) == bits[start:stop]
                    backwards = bits[::-1][start:stop]
                    assert index.positions(mask, start, stop, reverse=True) == backwards


def test_a_mask_from_positions_has_exactly_those_bits():
    index = index_of(1000)
    bits = [0, 7, 8, 63, 64, 999]
    assert index.of_positions(bits) == sum(1 << bit for bit in bits)
    assert index.of_positions([]) == 0
