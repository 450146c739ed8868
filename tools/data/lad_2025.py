# SPDX-License-Identifier: MIT
"""The Barnsley and Sheffield boundary change of 1 April 2025, after the ONS Code History Database of
July 2024 that tools/data/areas.py reads: ONS gave both districts new codes (Barnsley E08000016 ->
E08000038, Sheffield E08000019 -> E08000039).

What is read, and how far each is trusted:
  - The Barnsley and Sheffield (Boundary Change) Order 2024, SI 2024/1328 (made 12 December 2024): the
    transfer of the Oughtibridge Mill development from Barnsley to Sheffield on 1 April 2025. Primary: the
    date and that it is a boundary change between the two.
  - The new codes: TheDrunkGoldfish/lsc-pop, docs/decisions/0012-geography-vintage-april-2026.md, a
    repository's note on the ONS LSOA (2021) to SICBL to ICB to LAD (April 2026) lookup: "code changes, same
    boundaries; 491 LSOAs". Secondary (the ONS file itself was not found; see
    ../shared/sources/post2024/README.md §2.5 and §8).
No LSOA changed district (the moved development is smaller than an LSOA), so each LSOA of the old code is in
the new code from 1 April 2025, and each board's share of the district is unchanged.
Used by tools/data/areas.py, area_history.py, icb.py, la_bodies.py and small_areas.py.
"""

DAY = '2025-04-01'
BEFORE = '2025-03-31'
RECODE = {'E08000016': 'E08000038', 'E08000019': 'E08000039'}
NAMES = {'E08000038': 'Barnsley', 'E08000039': 'Sheffield'}
SOURCE_IDS = ['si-2024-1328', 'lsc-pop-lad-2026']
NOTE = ('ONS recoded the district on 1 April 2025 after the Barnsley and Sheffield boundary change (SI 2024/1328: '
        'the Oughtibridge Mill development moved from Barnsley to Sheffield); no LSOA changed district, the few '
        'addresses that moved are not apportioned. The new code is read from a secondary source.')

# The `sources:` entries, written once (in areas/local-authority-areas.yaml) and cited by the other files.
SOURCE_LINES = [
    '  si-2024-1328:',
    '    title: The Barnsley and Sheffield (Boundary Change) Order 2024, SI 2024/1328 (in force 1 April 2025)',
    '    url: https://www.legislation.gov.uk/uksi/2024/1328/made',
    '    publisher: legislation.gov.uk',
    '    licence: OGL-3.0',
    '  lsc-pop-lad-2026:',
    '    title: "TheDrunkGoldfish/lsc-pop, decision 0012: geography vintage April 2026 (LAD codes of the ONS April 2026'
    ' lookup: Barnsley E08000038, Sheffield E08000039, same boundaries)"',
    '    url: https://github.com/TheDrunkGoldfish/lsc-pop/blob/fe6508b14f58bbd19078afde8a712116fa6f1c92/docs/decisions/'
    '0012-geography-vintage-april-2026.md',
    '    publisher: TheDrunkGoldfish/lsc-pop (GitHub)',
    '    secondary: true',
    '    note: A repository\'s reading of the ONS LSOA (2021) to SICBL to ICB to LAD (April 2026) lookup, which was not'
    ' found itself; cited for the two new codes only.',
]


def recode_coverage(rows):
    """Coverage rows (lad, share, from, to) with each open row of an old code ended the day before and the same
    share carried on under the new code."""
    out = []
    for lad, share, frm, to in rows:
        if lad in RECODE and frm is not None and frm >= DAY:
            out.append((RECODE[lad], share, frm, to))
        elif lad in RECODE and (to is None or to >= DAY):
            out.append((lad, share, frm, BEFORE))
            out.append((RECODE[lad], share, DAY, to))
        else:
            out.append((lad, share, frm, to))
    return out
