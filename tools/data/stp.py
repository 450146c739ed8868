"""Generate data/nhs-england/ccg-icb-era/stp/stps.yaml: the Sustainability and Transformation Partnerships
(STPs, later many of them Integrated Care Systems) of April 2016 - June 2022 as groups, one body per ONS E54 code,
with their names, renames, ODS codes (from April 2020) and ends; ccg_memberships() gives the CCGs' membership,
which ccg_bodies.py writes on the CCG bodies.

Reads (at generation time) ../shared/sources/post2013/raw/ons_chd_*_E54.json (names, dates) and
../shared/sources/areas/raw/: the ONS CCG -> STP lookups of April 2017 (v3), 2018 (v2), 2019 and 2020, the ONS
LSOA (2011) -> CCG -> STP lookup of April 2021 (geographr copy), the LSOA -> CCG -> LAD lookups and the LSOA
population estimates (to follow an STP's area into the next year's STPs).
Run: /usr/bin/python3 tools/data/stp.py (before tools/data/ccg_bodies.py)
"""
import collections
import os

import pandas as pd

import ods_copies
from ccg_common import AREAS, D, chd, day_after, day_before, normalise, write_yaml

FIRST = D('2016-04-01')
END = D('2022-06-30')          # STPs gave way to the statutory ICBs on 1 Jul 2022

# (label, CCG -> STP file or None for the LSOA file of 2021, first day, last day, LSOA -> CCG -> LAD file, population)
VINTAGES = [
    ('2017', 'ons_CCG17_STP17_EN_LU_apr2017_v3.csv', D('2017-04-01'), D('2018-03-31'),
     'ons_LSOA11_CCG17_LAD17_EN_LU_apr2017_v4.csv', 'pop_mid2017'),
    ('2018', 'ons_CCG18_STP18_EN_LU_apr2018_v2.csv', D('2018-04-01'), D('2019-03-31'),
     'ons_LSOA11_CCG18_LAD18_EN_LU_apr2018.csv', 'pop_mid2019'),
    ('2019', 'ons_CCG19_STP19_EN_LU_apr2019.csv', D('2019-04-01'), D('2020-03-31'),
     'ons_LSOA11_CCG19_LAD19_EN_LU_apr2019.csv', 'pop_mid2019'),
    ('2020', 'ons_CCG20_STP20_EN_LU_apr2020.csv', D('2020-04-01'), D('2021-03-31'),
     'ons_LSOA11_CCG20_LAD20_EN_LU_apr2020.csv', 'pop_mid2020'),
    ('2021', None, D('2021-04-01'), END, 'ons_LSOA11_CCG21_LAD21_EN_LU_apr2021.csv', 'pop_mid2020'),
]
ODS_FROM = D('2020-04-01')     # the first lookup with the STPs' ODS codes (STP20CDH)

SOURCES = {
    'ons-ccg-stp-2017-2020': {
        'title': 'ONS Clinical Commissioning Group to STPs Lookups in England: April 2017 (Version 3), April 2018 '
                 '(Version 2), April 2019, April 2020',
        'url': 'https://geoportal.statistics.gov.uk/search?q=CCG%20STP%20lookup',
        'publisher': 'Office for National Statistics', 'licence': 'OGL-3.0',
        'note': 'Read from copies in jtrim-ons/ons-lookups (csv/066, 065, 028, 031). Each CCG (ONS and ODS codes) '
                'with its STP (ONS E54 code and name; the April 2020 file also the STP\'s ODS code, STP20CDH). Each '
                'file is used from its April to the next April.',
    },
    'ons-lsoa-ccg-stp-lad-2021': {
        'title': 'ONS LSOA (2011) to Clinical Commissioning Group to STP to Local Authority District (April 2021) '
                 'Lookup in England',
        'url': 'https://geoportal.statistics.gov.uk/',
        'publisher': 'Office for National Statistics', 'licence': 'OGL-3.0',
        'note': 'Read from the copy in humaniverse/geographr (lookup_lsoa11_ccg21_stp21_ltla21, converted to CSV); '
                'it has ONS codes only, so the CCGs are matched to their ODS codes through the April 2021 '
                'LSOA-CCG-LAD lookup. Used for 1 Apr 2021 - 30 Jun 2022.',
    },
}
MEMBERSHIP_SOURCES = ['ons-ccg-stp-2017-2020', 'ons-lsoa-ccg-stp-lad-2021']


def stp_records():
    """E54 code -> its CHD records that are STPs (before 1 Jul 2022), oldest first, ends capped at 30 Jun 2022."""
    out = {}
    for code, recs in chd('E54').items():
        rs = [dict(r) for r in recs if r['s'] <= END]
        for r in rs:
            if r['e'] is None or r['e'] > END:
                r['e'] = END
        if rs:
            out[code] = rs
    return out


def ccg_to_stp():
    """label -> {CCG ODS code: STP ONS code}, and {STP ONS code: ODS code} from the April 2020 file."""
    out, ods = {}, {}
    for label, fn, _, _, lsoa_fn, _ in VINTAGES:
        yy = label[2:]
        if fn:
            d = pd.read_csv(os.path.join(AREAS, fn), dtype=str, encoding='utf-8-sig')
            out[label] = dict(zip(d['CCG%sCDH' % yy], d['STP%sCD' % yy]))
            if 'STP%sCDH' % yy in d:
                ods.update(zip(d['STP%sCD' % yy], d['STP%sCDH' % yy]))
        else:
            g = pd.read_csv(os.path.join(AREAS, 'geographr_lookup_lsoa11_ccg21_stp21_ltla21.csv'), dtype=str)
            lk = pd.read_csv(os.path.join(AREAS, lsoa_fn), dtype=str, encoding='utf-8-sig')
            ons_ods = dict(zip(lk.CCG21CD, lk.CCG21CDH))
            pairs = g[['ccg21_code', 'stp21_code']].drop_duplicates()
            assert pairs.ccg21_code.is_unique        # every CCG of 2021 lies in one STP
            out[label] = {ons_ods[c]: s for c, s in pairs.values}
    return out, ods


def lsoa_stp(label, fn_lsoa, popcol, ccg_stp, pop):
    """LSOA -> (STP, population) in one vintage, through the LSOA -> CCG lookup."""
    yy = label[2:]
    lk = pd.read_csv(os.path.join(AREAS, fn_lsoa), dtype=str, encoding='utf-8-sig')
    lk = lk[['LSOA11CD', 'CCG%sCDH' % yy]].rename(columns={'CCG%sCDH' % yy: 'ccg'})
    lk['stp'] = lk.ccg.map(ccg_stp)
    assert lk.stp.notna().all(), label
    lk['pop'] = lk.LSOA11CD.map(pop[popcol]).astype(float)
    return lk.set_index('LSOA11CD')


def ccg_memberships():
    """CCG ODS code -> [(group id, from, to)]: each vintage's STP, from its April to the next, inside the STP's
    own life (ONS ends a few codes a day or a month before the next lookup)."""
    recs = stp_records()
    life = {c: (rs[0]['s'], rs[-1]['e']) for c, rs in recs.items()}
    maps, _ = ccg_to_stp()
    out = collections.defaultdict(list)
    for label, _, frm, to, _, _ in VINTAGES:
        for ccg, s in sorted(maps[label].items()):
            f, t = max(frm, life[s][0]), min(to, life[s][1])
            assert f <= t, (label, ccg, s)
            out[ccg].append(('stp/' + s, f, t))
    return out


def end_events(recs, maps):
    """The events that end the STP codes before 30 Jun 2022. Where the code's CCGs are in a lookup before and after
    its end, its LSOAs are followed into the next lookup's STPs: all into one -> merge, several -> split by
    population. The codes of 2016 ended before the first lookup (April 2017), so they are only abolished."""
    pop = pd.read_csv(os.path.join(AREAS, 'demographr_population_lsoa11_total_mid2017_2019_2020.csv'))
    pop = pop.set_index('lsoa11_code')
    lsoa = {v[0]: lsoa_stp(v[0], v[4], v[5], maps[v[0]], pop) for v in VINTAGES}
    starts = collections.defaultdict(list)
    for c, rs in recs.items():
        starts[rs[0]['s']].append(c)
    merges = collections.defaultdict(list)
    events = []
    for code, rs in sorted(recs.items()):
        last = rs[-1]['e']
        if last >= END:
            continue
        date = day_after(last)
        before = [v for v in VINTAGES if v[2] <= last <= v[3]]
        after = [v for v in VINTAGES if date <= v[2] <= day_after(date)]   # ONS ends some codes a day early
        if not before:
            new = sorted(c for d, cs in starts.items() if d in (date, day_after(date)) for c in cs)
            events.append({'id': '%s/abolish/stp-%s' % (date, code), 'date': date, 'kind': 'abolish',
                           'body': 'stp/' + code, 'source': 'ons-chd',
                           'note': 'ONS ends this code on %s, before the first CCG-STP lookup (April 2017), so '
                                   'where its CCGs went is not sourced here; ONS starts %s on the next day.' % (
                                       last, ', '.join('%s (%s)' % (c, recs[c][0]['nm']) for c in new) or
                                       'no new code')})
            continue
        if not after:
            raise SystemExit('STP %s ends %s, between lookups' % (code, last))
        b, a = before[0], after[0]
        mine = lsoa[b[0]][lsoa[b[0]].stp == code]
        dest = mine.assign(to=lsoa[a[0]].loc[mine.index].stp).groupby('to')['pop'].sum()
        if len(dest) == 1:
            merges[(date, dest.index[0])].append((code, len(mine), b[0], a[0]))
            continue
        shares = normalise(sorted(dest.items(), key=lambda kv: -kv[1]))
        events.append({'id': '%s/split/stp-%s' % (date, code), 'date': date, 'kind': 'split', 'from': 'stp/' + code,
                       'to': [{'body': 'stp/' + k, 'share': s} for k, s in shares], 'basis': 'population',
                       'source': ['ons-chd', 'ons-ccg-stp-2017-2020', 'ons-lsoa-ccg-lad-2015-2021',
                                  'ons-sape-lsoa-2017-2020'],
                       'note': 'Of this STP\'s %d LSOAs (2011, through its CCGs in the %s lookups), the %s lookups '
                               'put %s; shares are of their %s population.' % (
                                   len(mine), b[0], a[0],
                                   ' and '.join('%d in %s' % (n, k) for k, n in
                                                mine.assign(to=lsoa[a[0]].loc[mine.index].stp).to.value_counts()
                                                .items()), b[5].replace('pop_', ''))})
    for (date, to), frm in sorted(merges.items()):
        events.append({'id': '%s/merge/stp-%s' % (date, to), 'date': date, 'kind': 'merge',
                       'from': ['stp/' + c for c, _, _, _ in frm], 'to': 'stp/' + to,
                       'source': ['ons-chd', 'ons-ccg-stp-2017-2020', 'ons-lsoa-ccg-lad-2015-2021'],
                       'note': 'ONS ends %s on %s; every LSOA (2011) of %s in the %s lookups is in %s in the %s '
                               'lookups.' % (', '.join(c for c, _, _, _ in frm), day_before(date),
                                             'them' if len(frm) > 1 else 'it', frm[0][2], to, frm[0][3])})
    return events


def main():
    recs = stp_records()
    maps, ods = ccg_to_stp()
    bodies, events = [], []
    for code, rs in sorted(recs.items()):
        first, last = rs[0], rs[-1]
        bid = 'stp/' + code
        b = {'id': bid, 'kind': 'stp', 'name': first['nm'], 'ods': None, 'ons': code, 'from': first['s'], 'to': last['e'],
             'source': ['ons-chd'], 'member-of': []}
        notes = []
        if first['s'] < FIRST:
            raise SystemExit('STP code %s starts before April 2016' % code)
        in_lookups = [label for label, m in maps.items() if code in m.values()]
        if not in_lookups:
            notes.append('No CCG-STP lookup at hand covers its dates, so its member CCGs are not given.')
        elif first['s'] < D('2017-04-01'):
            notes.append('Its CCGs before April 2017 (the first CCG-STP lookup at hand) are not given.')
        if set(in_lookups) - {'2021'}:
            b['source'].append(MEMBERSHIP_SOURCES[0])
        if '2021' in in_lookups:
            b['source'].append(MEMBERSHIP_SOURCES[1])
        if first['s'] == D('2020-03-31'):
            notes.append('ONS starts this code on 31 Mar 2020, a day before the April 2020 lookups use it.')
        for r in rs:
            if r['parent']:
                b['member-of'].append({'group': 'region/' + r['parent'], 'from': r['s'], 'to': r['e']})
        b['member-of'] = join_periods(b['member-of'], b)
        if code in ods:
            notes.append('ODS code %s from the April 2020 CCG-STP lookup (STP20CDH), given from 1 Apr 2020; the '
                         'later ICB of the same area kept it.' % ods[code])
            events.append({'id': '%s/recode/stp-%s' % (ODS_FROM, code), 'date': ODS_FROM, 'kind': 'recode',
                           'body': bid, 'ods': ods[code], 'source': 'ons-ccg-stp-2017-2020',
                           'note': 'The first lookup at hand that gives the STP\'s ODS code.'})
        if last['e'] == END:
            notes.append('Ended on 1 Jul 2022 when the statutory integrated care boards were established '
                         '(Health and Care Act 2022); the STP was a partnership, not a statutory body, so no '
                         'succession to the ICB is recorded.')
            events.append({'id': '2022-07-01/abolish/stp-%s' % code, 'date': day_after(END), 'kind': 'abolish',
                           'body': bid, 'source': ['ons-chd', 'ukpga-2022-31']})
        if notes:
            b['note'] = ' '.join(notes)
        bodies.append(b)
        for prev, cur in zip(rs, rs[1:]):
            if prev['nm'] != cur['nm']:
                events.append({'id': '%s/rename/stp-%s' % (cur['s'], code), 'date': cur['s'], 'kind': 'rename',
                               'body': bid, 'name': cur['nm'], 'source': 'ons-chd'})
    ends = end_events(recs, maps)
    earlier_ods_codes(bodies, ends, recs, ods)
    events += ends
    events.sort(key=lambda e: (e['date'], e['kind'], e['id']))
    write_yaml('stp/stps.yaml', [
        'GENERATED by tools/data/stp.py; do not edit by hand.',
        'Sustainability and Transformation Partnerships (April 2016 - June 2022), one body per ONS E54 code, as',
        'groups: names, dates and regions from the ONS Code History Database; ODS codes from the April 2020 lookup;',
        'their CCGs (member-of on the CCG bodies) from the ONS CCG-STP lookups of April 2017-2021.',
    ], {'sources': SOURCES, 'bodies': bodies, 'events': events})
    print('STP bodies', len(bodies), 'events', collections.Counter(e['kind'] for e in events))


def earlier_ods_codes(bodies, ends, recs, ods):
    """ODS codes before April 2020 where the ODS successor file proves them: a succession into an STP code of the
    April 2020 lookup, dated before 2020, that matches a merge derived here (same date, as many predecessors,
    the target named as the 2020 holder of the code). The predecessors' own codes cannot be told apart, so they
    are named in the merge's note only."""
    by_code = {q: c for c, q in ods.items()}
    into = collections.defaultdict(list)
    for f, t, d in ods_copies.ods_successors():
        if t in by_code and D(d) < ODS_FROM:
            into[(t, D(d))].append(f)
    body = {b['id']: b for b in bodies}
    for (t, d), froms in sorted(into.items()):
        (ev,) = [e for e in ends if e['kind'] == 'merge' and e['date'] == d and len(e['from']) == len(froms)]
        target = ev['to'].split('/')[1]
        assert recs[target][-1]['nm'] == recs[by_code[t]][0]['nm'], (t, target)
        b = body[ev['to']]
        b['ods'] = t
        b['source'].append('ods-successors-2023')
        b['note'] = (b.get('note', '') + ' ODS code %s from its start: the ODS successor file gives %s as the '
                     'successor of %s on %s, the merge recorded here (the April 2020 lookup gives %s to %s, the ONS '
                     'code that replaced this one).' % (t, t, ', '.join(sorted(froms)), d, t, by_code[t])).strip()
        ev['source'].append('ods-successors-2023')
        ev['note'] += (' The ODS successor file records the same merge: %s -> %s (which of the three codes was '
                       'which STP is not recorded there).' % (', '.join(sorted(froms)), t))


def join_periods(ms, body):
    """Join consecutive periods of the same group and drop dates equal to the body's own."""
    out = []
    for m in sorted(ms, key=lambda m: (m['group'], m['from'])):
        if out and out[-1]['group'] == m['group'] and day_after(out[-1]['to']) == m['from']:
            out[-1]['to'] = m['to']
        else:
            out.append(dict(m))
    for m in out:
        if m['from'] == body['from']:
            m['from'] = None
        if m['to'] == body['to']:
            m['to'] = None
    return out


if __name__ == '__main__':
    main()
