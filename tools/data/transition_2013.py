"""Generate data/nhs-england/ccg-icb-era/transition-2013.yaml: the abolition of every PCT (and care trust acting
as a PCT) on 1 Apr 2013 under the Health and Social Care Act 2012, with per-function successors:
commissioning -> CCGs (PCT -> CCG postcode shares), primary care and specialised commissioning -> the NHS
Commissioning Board, public health -> the upper-tier local authorities.

Reads ../shared/sources/post2013/pct_to_ccg_2013.csv, ../shared/sources/areas/raw (LSOA -> CCG -> LAD July 2015,
LTLA -> UTLA Dec 2017) and the PCT bodies already in data/nhs-england (ids pct/<ODS> with to: 2013-03-31).
Run: /usr/bin/python3 tools/data/transition_2013.py
"""
import collections
import glob
import os

import pandas as pd
import yaml

from ccg_common import AREAS, D, POST, REPO, write_yaml

DATE = D('2013-04-01')
NEWCASTLE_GATESHEAD = ['ccg/00F', 'ccg/E38000111', 'ccg/E38000112']

SOURCES = {
    'pct-ccg-lookup-2013': {
        'title': 'PCT (2011) to CCG lookup with the percentage of each PCT\'s postcodes in each CCG (ONS/NHS lookup)',
        'url': 'https://geoportal.statistics.gov.uk/',
        'publisher': 'Office for National Statistics',
        'licence': 'OGL-3.0',
        'note': 'Read from the copy in elahmo/dsfood@2b831ed (app/static/csv/ccg2ons.js): 151 PCOs (ONS E16/E17 and '
                'ODS codes) with their CCGs (ODS and ONS codes) and pcd_percent. The exact ONS product and date are '
                'not stated by the copy; it uses the CCG codes of July 2015 (13T for Newcastle Gateshead). The '
                'percentages of each PCT sum to exactly 100, so each share is the percentage / 100 (no normalising).',
    },
}


def existing_pcts():
    out = {}
    for f in glob.glob(os.path.join(REPO, 'data', 'nhs-england', '**', '*.yaml'), recursive=True):
        if 'ccg-icb-era' in f:
            continue
        d = yaml.safe_load(open(f)) or {}
        for b in d.get('bodies') or []:
            if b.get('kind') in ('pct', 'care-trust') and str(b.get('to')) == '2013-03-31':
                out[b.get('ods')] = b['id']
    return out


def main():
    lk = pd.read_csv(os.path.join(POST, 'pct_to_ccg_2013.csv'), dtype=str)
    lk['weight'] = lk.weight.astype(float)
    pcts = existing_pcts()
    print('PCT bodies ending 2013-03-31 in the dataset:', len(pcts))

    # upper-tier LAs of each (2015) CCG, from the July 2015 LSOA lookup and the LTLA -> UTLA lookup
    lu = pd.read_csv(os.path.join(AREAS, 'ons_LTLA17_UTLA17_EW_LU_dec2017.csv'), dtype=str, encoding='utf-8-sig')
    lu = dict(zip(lu.LTLA17CD, lu.UTLA17CD))
    d = pd.read_csv(os.path.join(AREAS, 'ons_LSOA11_CCG15_LAD15_EN_LU_jul2015.csv'), dtype=str)
    d['utla'] = [lad if not lad.startswith('E07') else lu[lad] for lad in d.LAD15CD]
    ccg_utlas = collections.defaultdict(set)
    for c, u in d[['CCG15CDH', 'utla']].drop_duplicates().values:
        ccg_utlas[c].add(u)
    utla_names = dict(zip(d.LAD15CD, d.LAD15NM))
    utla_names.update({r.UTLA17CD: r.UTLA17NM for r in pd.read_csv(
        os.path.join(AREAS, 'ons_LTLA17_UTLA17_EW_LU_dec2017.csv'), dtype=str, encoding='utf-8-sig').itertuples()})

    events = []
    multi_ph = 0
    for pct_ods, g in lk.groupby('pct_ods', sort=True):
        pid = pcts.get(pct_ods) or 'pct/' + pct_ods
        if pct_ods not in pcts:
            print('WARNING: no PCT body for', pct_ods)
        notes = []
        ccgs = list(zip(g.ccg_ods, g.weight))
        succ = []
        # commissioning
        if any(c == '13T' for c, _ in ccgs):
            assert len(ccgs) == 1
            succ.append({'functions': ['commissioning'], 'to': [{'body': b} for b in NEWCASTLE_GATESHEAD],
                         'basis': 'unknown', 'source': 'pct-ccg-lookup-2013'})
            notes.append('The PCT-CCG lookup puts all of this PCT\'s postcodes in NHS Newcastle Gateshead CCG (13T), '
                         'formed on 1 Apr 2015 from the three CCGs of 2013 (Gateshead, Newcastle North and East, '
                         'Newcastle West); how this PCT divided between those three is not sourced.')
        else:
            tos = []
            for c, w in sorted(ccgs, key=lambda cw: -cw[1]):
                t = {'body': 'ccg/' + c}
                if len(ccgs) > 1:
                    t['share'] = round(w / 100.0, 6)
                tos.append(t)
            if len(tos) > 1:
                tot = round(sum(t['share'] for t in tos), 6)
                assert abs(tot - 1) < 1e-9, (pct_ods, tot)
            grp = {'functions': ['commissioning'], 'to': tos, 'source': 'pct-ccg-lookup-2013'}
            if len(tos) > 1:
                grp['basis'] = 'postcodes'
            succ.append(grp)
        succ.append({'functions': ['commissioning.primary-care', 'commissioning.specialised'],
                     'to': [{'body': 'nhs-england'}]})
        # public health
        us = set()
        for c, _ in ccgs:
            us |= ccg_utlas[c]
        us = sorted(us)
        ph = {'functions': ['public-health'], 'to': [{'body': 'la/' + u} for u in us],
              'source': ['ons-lsoa-ccg-lad-2015-2021', 'ons-ltla-utla']}
        if len(us) > 1:
            multi_ph += 1
            ph['basis'] = 'unknown'
            notes.append('Public health: the upper-tier councils listed are the candidates found by chaining the '
                         'PCT-CCG lookup with the ONS LSOA-CCG-LAD lookup (July 2015) and LTLA-UTLA lookup: the '
                         'councils of the CCGs that received this PCT\'s postcodes (%s). No PCT-to-local-authority '
                         'lookup was at hand, so which of them this PCT covered, and in what proportion, is not '
                         'sourced; a council whose part of a shared CCG came from another PCT may be listed '
                         'wrongly.' % ', '.join(utla_names.get(u, u) for u in us))
        else:
            notes.append('Public health: %s is the only upper-tier council of the CCGs that received this PCT\'s '
                         'postcodes (ONS LSOA-CCG-LAD lookup July 2015 and LTLA-UTLA lookup), so the PCT\'s area lay '
                         'within it.' % utla_names.get(us[0], us[0]))
        succ.append(ph)
        ev = {'id': '2013-04-01/abolish/%s' % pct_ods, 'date': DATE, 'kind': 'abolish', 'body': pid,
              'successors': succ, 'source': 'ukpga-2012-7', 'note': ' '.join(notes)}
        events.append(ev)
    missing = sorted(set(pcts) - set(lk.pct_ods))
    for pct_ods in missing:
        print('WARNING: PCT without lookup row', pct_ods)
        events.append({'id': '2013-04-01/abolish/%s' % pct_ods, 'date': DATE, 'kind': 'abolish',
                       'body': pcts[pct_ods], 'source': 'ukpga-2012-7',
                       'successors': [{'functions': ['commissioning.primary-care', 'commissioning.specialised'],
                                       'to': [{'body': 'nhs-england'}]}],
                       'note': 'This PCT is not in the PCT-CCG lookup at hand: its CCG and local-authority successors '
                               'are not sourced.'})
    print('abolish events', len(events), 'with several candidate public-health councils', multi_ph)
    write_yaml('transition-2013.yaml', [
        'GENERATED by tools/data/transition_2013.py; do not edit by hand.',
        'The abolition of the PCTs and care trusts on 1 Apr 2013 (Health and Social Care Act 2012, s.34), one event',
        'per PCT with per-function successors: commissioning -> CCGs (share of the PCT\'s postcodes), primary care and',
        'specialised commissioning -> the NHS Commissioning Board, public health -> upper-tier councils (la/<ONS>).',
    ], {'sources': SOURCES, 'events': events})


if __name__ == '__main__':
    main()
