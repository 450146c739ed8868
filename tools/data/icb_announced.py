#!/usr/bin/python3
"""Generate data/nhs-england/ccg-icb-era/icb/announced.yaml: the ICB changes announced but not known
to be in force, as `status: announced` events and bodies (applied only when a query asks, e.g.
`orglineage --include-announced`), and as announcements (directions that name no event yet).

What is recorded, and why as announced: the written ministerial statement of 9 September 2025
(HCWS915) named the first new ICB footprints "to come into effect on 1 April 2026"; no order
putting them into force, and no ODS or ONS record of the new boards, was found in the sources read
(the newest register read is the ONS Code History Database of July 2024). NHS England later
directed every clustered ICB to merge by April 2027.

Reads at generation time:
  ../shared/sources/post2013/icb_mergers_announced_2026.csv   the footprints named by the statement
  data/nhs-england/ccg-icb-era/icb/icbs.yaml                  the 42 ICBs (written by icb.py): the
      coverage, functions and region of the boards each new footprint is made of
Run: /usr/bin/python3 tools/data/icb_announced.py   (from the repository root, after icb.py)
"""
import csv, os, sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ccg_common import write_yaml  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The gathered sources sit beside the repository (../shared), or beside its worktree directory.
SHARED = next((p for p in (os.path.join(ROOT, '..', 'shared', 'sources'), os.path.join(ROOT, '..', '..', 'shared', 'sources'))
               if os.path.isdir(p)), os.path.join(ROOT, '..', 'shared', 'sources'))
CSV = os.path.join(SHARED, 'post2013', 'icb_mergers_announced_2026.csv')
ICBS = os.path.join(ROOT, 'data', 'nhs-england', 'ccg-icb-era', 'icb', 'icbs.yaml')
DAY = '2026-04-01'
BEFORE = '2026-03-31'

SOURCES = {
    'wms-2025-09-09-hcws915': dict(
        title='Integrated Care Boards: Running Costs and Boundary Alignment with Strategic Authorities, written '
              'ministerial statement HCWS915, House of Commons, 9 September 2025',
        url='https://parallelparliament.co.uk/debate/2025-09-09/commons/written-statements/'
            'integrated-care-boards-running-costs-and-boundary-alignment-with-strategic-authorities/ministerial-extracts',
        publisher='UK Parliament (as reproduced by Parallel Parliament)',
        licence='OPL-3.0',
        note='Names the first new ICB footprints, "to come into effect on 1 April 2026": Norfolk and Suffolk, Essex, '
             'Hampshire and the Isle of Wight, Surrey and Sussex, North West and North Central London, Thames Valley, '
             'and one more whose name is cut off ("Cen...") in the copy read.'),
    'nhse-east-of-england-changes': dict(
        title='NHS England East of England: Changes to NHS organisations in the East of England',
        url='https://www.england.nhs.uk/east-of-england/ccgs-and-acute-trusts',
        publisher='NHS England',
        note='Six ICBs to become three, "formal mergers planned for April 2026": Mid and South Essex with north east '
             'and west Essex; Bedfordshire, Luton and Milton Keynes with Cambridgeshire and Peterborough and '
             'Hertfordshire; Norfolk and Waveney with Suffolk.'),
    'mse-ics-east-of-england-chairs': dict(
        title='NHS Mid and South Essex: chairs of the future East of England ICBs confirmed',
        url='https://www.midandsouthessex.ics.nhs.uk/?p=21872',
        publisher='Mid and South Essex Integrated Care System',
        note='Names the parts: North East Essex (served by Suffolk and North East Essex ICB) and West Essex (served '
             'by Hertfordshire and West Essex ICB) with Mid and South Essex; Hertfordshire (served by Hertfordshire '
             'and West Essex ICB) with Bedfordshire, Luton and Milton Keynes and Cambridgeshire and Peterborough; '
             'Suffolk with Norfolk and Waveney. "The current ICBs will legally remain in place until the legislation '
             'is changed."'),
    'distilledpost-icb-merge-2027': dict(
        title='NHS England orders clustered integrated care boards to merge by April 2027 (Distilled Post)',
        url='https://www.distilledpost.com/post/nhs-england-orders-immediate-integration-of-clustered-care-boards-by-next-april',
        publisher='Distilled Post',
        secondary=True,
        note='A news report of NHS England\'s direction; the direction itself was not read.'),
}

# The new footprints: the boards merged whole into each, and the boards divided between them (with
# the county whose districts go to each side). East of England from NHS England's own pages; the
# London merger and the Surrey and Sussex and Thames Valley footprints from the footprints' names
# (deduced: the statement names the footprint, not the boards).
NEW = [
    # id, name (as the statement gives it), merged whole, basis for the merged ones
    ('norfolk-and-suffolk', 'Norfolk and Suffolk ICB', ['icb/E54000022'], 'stated'),
    ('essex', 'Essex ICB', ['icb/E54000026'], 'stated'),
    # The statement's name for it is cut off ("Cen...") in the copy read: named by its parts.
    ('central-east', 'Bedfordshire, Luton and Milton Keynes, Cambridgeshire and Peterborough, and Hertfordshire ICB',
     ['icb/E54000024', 'icb/E54000056'], 'stated'),
    ('north-west-and-north-central-london', 'North West and North Central London ICB',
     ['icb/E54000027', 'icb/E54000028'], 'deduced'),
    ('surrey-and-sussex', 'Surrey and Sussex ICB', ['icb/E54000052', 'icb/E54000053'], 'deduced'),
    ('thames-valley', 'Thames Valley ICB', ['icb/E54000044'], 'deduced'),
]
# Divided boards: each county's districts go to one new footprint.
DIVIDED = [
    ('icb/E54000023', {'E10000029': 'norfolk-and-suffolk', 'E10000012': 'essex'}),   # Suffolk / north east Essex
    ('icb/E54000025', {'E10000015': 'central-east', 'E10000012': 'essex'}),          # Hertfordshire / west Essex
]
EAST_SOURCES = ['wms-2025-09-09-hcws915', 'nhse-east-of-england-changes', 'mse-ics-east-of-england-chairs']
EAST = {'norfolk-and-suffolk', 'essex', 'central-east'}
ANNOUNCEMENTS = [
    dict(id='2026-04-01/announced/hampshire-and-the-isle-of-wight', date=DAY,
         bodies=['icb/E54000042', 'icb/E54000034'], source=['wms-2025-09-09-hcws915'],
         note='The statement names a new Hampshire and the Isle of Wight ICB footprint from 1 April 2026 without its '
              'parts; Frimley ICB, whose area lies partly in Hampshire, is expected to be divided between the new '
              'footprints (not read in a primary source). Not recorded as an event.'),
    dict(id='2027-04-01/announced/clustered-icbs-merge', date='2027-04-01', kinds=['icb'],
         source=['distilledpost-icb-merge-2027'],
         note='NHS England directed every clustered ICB to merge into a single board by April 2027; which boards, '
              'and into what, is not recorded here.'),
]


def load_icbs():
    with open(ICBS, encoding='utf-8') as f:
        doc = yaml.safe_load(f)
    return {b['id']: b for b in doc['bodies']}


def county_of():
    """District code -> its county (parent) code, from the dataset's own areas."""
    with open(os.path.join(ROOT, 'data', 'nhs-england', 'areas', 'local-authority-areas.yaml'), encoding='utf-8') as f:
        doc = yaml.safe_load(f)
    return {a['code']: a.get('parent') for a in doc['areas']}


def live(entries, day=BEFORE):
    """The sub-records (coverage, functions) in force on `day`."""
    out = []
    for e in entries or []:
        if str(e.get('from', '0000')) <= day and str(e.get('to', '9999')) >= day:
            out.append(e)
    return out


def main():
    with open(CSV, encoding='utf-8') as f:
        named = {r['new_icb_name'] for r in csv.DictReader(f)}
    for _, name, _, _ in NEW[:2] + NEW[3:]:
        if name not in named:
            sys.exit('%s: not in %s' % (name, CSV))
    icbs = load_icbs()
    parent = county_of()
    coverage = {n[0]: {} for n in NEW}
    for new, _, whole, _ in NEW:
        for old in whole:
            for c in live(icbs[old].get('coverage')):
                coverage[new][c['area']] = coverage[new].get(c['area'], 0) + float(c.get('share', 1))
    for old, by_county in DIVIDED:
        for c in live(icbs[old].get('coverage')):
            new = by_county.get(parent.get(c['area']))
            if not new:
                sys.exit('%s: no footprint for district %s' % (old, c['area']))
            coverage[new][c['area']] = coverage[new].get(c['area'], 0) + float(c.get('share', 1))
    bodies, events = [], []
    for new, name, whole, basis in NEW:
        first = icbs[whole[0]]
        src = EAST_SOURCES if new in EAST else ['wms-2025-09-09-hcws915']
        cov = []
        for area, share in sorted(coverage[new].items()):
            share = round(share, 6)
            cov.append(dict(area=area) if share >= 1 - 1e-6 else dict(area=area, share=share, basis='population'))
        funcs = [dict((k, v) for k, v in fn.items() if k != 'from') for fn in live(first.get('functions'))]
        regions = [dict(group=m['group'], source=m.get('source', 'ons-chd')) for m in live(first.get('member-of'))]
        bodies.append(dict(id='icb/announced/' + new, kind='icb', name=name, **{'from': DAY}, status='announced',
                           source=src, coverage=cov, functions=funcs, **({'member-of': regions} if regions else {}),
                           note='Announced, not known to be in force: no establishment order and no ODS or ONS record '
                                'of it was found. Coverage: the districts of the boards it is made of, with their '
                                'population shares.' + (' Named by its parts: the statement\'s name for it is cut off '
                                                        '("Cen...") in the copy read.' if new == 'central-east' else '')))
        ev = dict(id='%s/merge/announced-%s' % (DAY, new), date=DAY, kind='merge', status='announced', **{'from': whole},
                  to='icb/announced/' + new, source=src,
                  note='Announced for 1 April 2026 (written ministerial statement HCWS915, 9 September 2025); not '
                       'known to be in force.' + ('' if basis == 'stated' else
                                                  ' The boards merged are deduced from the footprint\'s name.'))
        if basis == 'deduced':
            ev['deduced'] = list(whole)
        events.append(ev)
    for old, by_county in DIVIDED:
        targets = sorted(set(by_county.values()))
        events.append(dict(id='%s/split/announced-%s' % (DAY, old.split('/')[-1]), date=DAY, kind='split',
                           status='announced', **{'from': old},
                           to=[dict(body='icb/announced/' + t) for t in targets], basis='unknown', source=EAST_SOURCES,
                           note='Announced for 1 April 2026: the board\'s area is to be divided by county between two '
                                'new footprints (NHS England, East of England); the proportions are not given.'))
    doc = dict(sources=SOURCES, bodies=bodies, events=events, announcements=ANNOUNCEMENTS)
    write_yaml('icb/announced.yaml', [
        'GENERATED by tools/data/icb_announced.py; do not edit by hand.',
        'ICB changes announced but not known to be in force (status: announced): applied only when a query asks',
        '(orglineage --include-announced); every answer on or after their date that touches them says so.'], doc)


if __name__ == '__main__':
    main()
