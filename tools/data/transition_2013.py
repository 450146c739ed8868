"""Generate data/nhs-england/ccg-icb-era/transition-2013.yaml: the abolition of every PCT (and care trust acting
as a PCT) on 1 Apr 2013 under the Health and Social Care Act 2012, with per-function successors:
commissioning -> CCGs (PCT -> CCG postcode shares), primary care and specialised commissioning -> the NHS
Commissioning Board, public health -> the upper-tier local authorities.

Public health: each PCT's own coverage on 2013-03-31 (written into pct-era/2006-2013/pcts.yaml by
pct_2006_2013.py, which must run first) gives the districts/unitaries it served; a district counts for its county
(the parent in areas/local-authority-areas.yaml); the council bodies are those of ccg-icb-era/local-authorities.yaml.
Where a PCT served several councils, the shares are its population in each: coverage share x the area's ONS
mid-2017 population (sum of LSOAs of the July 2015 LSOA -> CCG -> LAD lookup).

Reads ../shared/sources/post2013/pct_to_ccg_2013.csv, ../shared/sources/areas/raw (LSOA -> CCG -> LAD July 2015,
LSOA populations) and the PCT bodies already in data/nhs-england (ids pct/<ODS> with to: 2013-03-31).
Run: /usr/bin/python3 tools/data/pct_2006_2013.py && /usr/bin/python3 tools/data/transition_2013.py
"""
import collections
import glob
import os
import re

import pandas as pd
import yaml

from ccg_bodies import newcastle_shares
from ccg_common import AREAS, D, POST, REPO, write_yaml

DATE = D('2013-04-01')
# The PCT-CCG lookup has the CCG codes of July 2015, so it puts Newcastle PCT and Gateshead PCT wholly in 13T
# (Newcastle Gateshead, 1 Apr 2015); their CCGs of 1 Apr 2013 are those that 13T was formed from (see the notes).
NEWCASTLE_PCT, GATESHEAD_PCT = '5D7', '5KF'
NEWCASTLE_SHARES_QUARTER = '2013_04-06'

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


PCT_ERA = os.path.join(REPO, 'data', 'nhs-england', 'pct-era', '2006-2013', 'pcts.yaml')
LA_BODIES = os.path.join(REPO, 'data', 'nhs-england', 'ccg-icb-era', 'local-authorities.yaml')
AREA_FILE = os.path.join(REPO, 'data', 'nhs-england', 'areas', 'local-authority-areas.yaml')
LAST_DAY = D('2013-03-31')
PH_SOURCES = ['hsca-2012-s12', 'ons-pct11-ccg-postcodes', 'ons-lsoa11-ccg15-lad15', 'ons-sape-lsoa-2017']


def _norm(name):
    name = name.lower().replace('&', 'and')
    name = re.sub(r'\b(city of|county of|county|council|borough|metropolitan|district|the)\b', ' ', name)
    return re.sub(r'[^a-z]+', ' ', name).strip()


def public_health_context():
    """Everything public_health() needs: the PCT bodies with their coverage (written by pct_2006_2013.py), the
    areas with their parents, the council bodies of 1 Apr 2013 and the mid-2017 population of every district."""
    pcts = {b['id']: b for b in yaml.safe_load(open(PCT_ERA))['bodies']}
    areas = {a['code']: a for a in yaml.safe_load(open(AREA_FILE))['areas']}
    councils = {}
    for b in yaml.safe_load(open(LA_BODIES))['bodies']:
        if b.get('kind') == 'local-authority' and D(b['from']) <= DATE and (b.get('to') is None or D(b['to']) >= DATE):
            councils[b['ons']] = b
    council_by_name = {_norm(b['name']): c for c, b in councils.items()}
    pop = pd.read_csv(os.path.join(AREAS, 'demographr_population_lsoa11_total_mid2017_2019_2020.csv'), dtype=str)
    pop = dict(zip(pop.lsoa11_code, pop.pop_mid2017.astype(int)))
    lk = pd.read_csv(os.path.join(AREAS, 'ons_LSOA11_CCG15_LAD15_EN_LU_jul2015.csv'), dtype=str)
    lad_pop, lad_name = collections.defaultdict(int), {}
    for ls, lad, nm in lk[['LSOA11CD', 'LAD15CD', 'LAD15NM']].values:
        lad_pop[lad] += pop[ls]
        lad_name[_norm(nm)] = lad
    return {'pcts': pcts, 'areas': areas, 'councils': councils, 'council_by_name': council_by_name,
            'lad_pop': lad_pop, 'lad_by_name': lad_name}


def _area_pop(code, ctx):
    """Mid-2017 population of a district/unitary (by code, or by name where the code changed on 1 Apr 2013)."""
    if code in ctx['lad_pop']:
        return ctx['lad_pop'][code]
    lad = ctx['lad_by_name'].get(_norm(ctx['areas'][code]['name']))
    if lad is None:
        raise SystemExit('no population for area %s %s' % (code, ctx['areas'][code]['name']))
    return ctx['lad_pop'][lad]


def _council_of(code, ctx):
    """The upper-tier council body (la/<ONS>) of 1 Apr 2013 for an area live on 31 Mar 2013: a district's council
    for public health is its county's; a code that changed on 1 Apr 2013 (Gateshead, Northumberland, four
    Hertfordshire districts' county unchanged) is matched by name."""
    a = ctx['areas'][code]
    if a['kind'] == 'la-district':
        code = a['parent']
        a = ctx['areas'][code]
    if code in ctx['councils']:
        return code
    n = _norm(a['name'])
    for cn, c in ctx['council_by_name'].items():
        if cn == n:
            return c
    raise SystemExit('no council body for %s %s' % (code, a['name']))


def public_health(pid, ctx):
    """Public-health successor group of one PCT and the sentence of the event's note that explains it."""
    b = ctx['pcts'].get(pid)
    cov = [e for e in (b or {}).get('coverage') or []
           if D(e.get('from') or b['from']) <= LAST_DAY <= D(e.get('to') or b['to'])]
    if not cov:
        raise SystemExit('no coverage on 2013-03-31 for %s' % pid)
    per = collections.defaultdict(float)
    detail = collections.defaultdict(list)
    for e in cov:
        a = ctx['areas'][e['area']]
        if a['kind'] == 'la-county':   # a whole county: the sum of its districts live on 2013-03-31
            n = sum(e.get('share', 1) * _area_pop(c, ctx) for c, x in ctx['areas'].items()
                    if x.get('parent') == e['area'] and x['kind'] == 'la-district'
                    and (x.get('to') is None or D(x['to']) >= LAST_DAY)
                    and (x.get('from') is None or D(x['from']) <= LAST_DAY))
        else:
            n = e.get('share', 1) * _area_pop(e['area'], ctx)
        c = _council_of(e['area'], ctx)
        per[c] += n
        detail[c].append(a['name'] if e.get('share', 1) == 1 else '%.1f%% of %s' % (100 * e['share'], a['name']))
    cname = {c: ctx['councils'][c]['name'] for c in per}
    grp = {'functions': ['public-health'], 'source': PH_SOURCES}
    if len(per) == 1:
        (c,) = per
        grp['to'] = [{'body': 'la/' + c}]
        return grp, ('Public health: the area this PCT served on 31 Mar 2013 (%s, from its coverage, derived from ONS '
                     'lookups) lies wholly in %s, which took over public health under the Health and Social Care '
                     'Act 2012.' % (', '.join(detail[c]), cname[c]))
    tot = sum(per.values())
    order = sorted(per, key=lambda c: -per[c])
    shares = {c: round(per[c] / tot, 4) for c in order}
    shares[order[0]] = round(1 - sum(shares[c] for c in order[1:]), 4)
    grp['to'] = [{'body': 'la/' + c, 'share': shares[c]} for c in order]
    grp['basis'] = 'population'
    parts = '; '.join('%s %.1f%% (%s)' % (cname[c], 100 * shares[c], ', '.join(detail[c])) for c in order)
    return grp, ('Public health passed to the upper-tier councils of the area this PCT served on 31 Mar 2013 '
                 '(Health and Social Care Act 2012): %s. Shares are parts of the PCT\'s population: for each area of '
                 'the PCT\'s coverage (see the PCT body; districts count for their county council), the PCT\'s share '
                 'of that area times the area\'s ONS mid-2017 population (sum of its LSOAs), summed by council; they '
                 'inherit the approximation of that coverage (2015 CCG boundaries as a proxy).' % parts)


def newcastle_gateshead(pct_ods):
    """Commissioning successors of Newcastle and Gateshead PCTs, whose lookup row names 13T."""
    common = ('The PCT-CCG lookup puts all of this PCT\'s postcodes in NHS Newcastle Gateshead CCG (13T), formed on '
              '1 Apr 2015 from the three CCGs of 2013 (00F, 00G, 00H, ODS successor file), of which Gateshead CCG '
              'covered Gateshead and the two Newcastle CCGs Newcastle upon Tyne (see the CCG bodies).')
    if pct_ods == GATESHEAD_PCT:
        return ({'functions': ['commissioning'], 'to': [{'body': 'ccg/00F'}],
                 'source': ['pct-ccg-lookup-2013', 'ods-successors-2023', 'ons-oa11-ccg13-constituencies']},
                common + ' So its commissioning went to Gateshead CCG.')
    shares = newcastle_shares(NEWCASTLE_SHARES_QUARTER)
    return ({'functions': ['commissioning'],
             'to': [{'body': 'ccg/' + k, 'share': shares[k]} for k in ('00G', '00H')], 'basis': 'practices',
             'source': ['pct-ccg-lookup-2013', 'ods-successors-2023', 'ons-oa11-ccg13-constituencies',
                        'hscic-gp-list-sizes-2013-2015']},
            common + ' Its commissioning is divided between Newcastle North and East and Newcastle West by the '
                     'patients registered with their practices in April-June 2013 (HSCIC).')


def main():
    lk = pd.read_csv(os.path.join(POST, 'pct_to_ccg_2013.csv'), dtype=str)
    lk['weight'] = lk.weight.astype(float)
    pcts = existing_pcts()
    print('PCT bodies ending 2013-03-31 in the dataset:', len(pcts))

    ph_ctx = public_health_context()

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
            assert len(ccgs) == 1 and pct_ods in (NEWCASTLE_PCT, GATESHEAD_PCT)
            grp, note = newcastle_gateshead(pct_ods)
            succ.append(grp)
            notes.append(note)
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
        # public health: the upper-tier councils of the PCT's own coverage on 2013-03-31
        ph, ph_note = public_health(pid, ph_ctx)
        notes.append(ph_note)
        if len(ph['to']) > 1:
            multi_ph += 1
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
    print('abolish events', len(events), 'of PCTs serving several public-health councils', multi_ph)
    write_yaml('transition-2013.yaml', [
        'GENERATED by tools/data/transition_2013.py; do not edit by hand.',
        'The abolition of the PCTs and care trusts on 1 Apr 2013 (Health and Social Care Act 2012, s.34), one event',
        'per PCT with per-function successors: commissioning -> CCGs (share of the PCT\'s postcodes), primary care and',
        'specialised commissioning -> the NHS Commissioning Board, public health -> the upper-tier councils of the PCT\'s',
        'own coverage on 31 Mar 2013 (population shares where it served several).',
    ], {'sources': SOURCES, 'events': events})


if __name__ == '__main__':
    main()
