"""Generate data/nhs-england/ccg-icb-era/ccg/*.yaml: the Clinical Commissioning Groups of 1 Apr 2013 - 30 Jun 2022,
their mergers, splits, boundary transfers, recodes and renames, their membership of NHS England area teams,
local offices and regions, and their coverage of local-authority districts with population shares.

Reads (at generation time) ../shared/sources/post2013/{ccg_2013.csv, ccg_mergers.csv, raw/ons_chd_*_E38/E39/E54.json}
and ../shared/sources/areas/raw/{ons_LSOA11_CCG*_LAD*_*.csv, demographr_population_lsoa11_total_*.csv}; the ONS
CCG codes of April 2013 and the HSCIC registered-patient files through ods_copies.py; the STP membership from
stp.py. Run: /usr/bin/python3 tools/data/stp.py && /usr/bin/python3 tools/data/ccg_bodies.py
"""
import collections
import csv
import os

import pandas as pd

import ods_copies
import stp
from ccg_common import AREAS, D, POST, chd, day_after, day_before, normalise, write_yaml

END = D('2022-06-30')          # last day of every CCG still alive (B2 writes the 1 Jul 2022 events)
START = D('2013-04-01')
AREA_TEAM_END = D('2015-03-31')
LONDON_OFFICE = 'E39000018'         # ONS's one London code of 2013-2020 (ODS Q71), see ccg_nhs_england.py
LONDON_TEAMS_QUARTER = '2014_04-06'  # every HSCIC file of 2013-2015 puts the London CCGs in the same team

# LSOA -> CCG -> LAD vintages: (label, file, first day it describes, last day, population column)
VINTAGES = [
    ('2015', 'ons_LSOA11_CCG15_LAD15_EN_LU_jul2015.csv', D('2013-04-01'), D('2017-03-31'), 'pop_mid2017'),
    ('2017', 'ons_LSOA11_CCG17_LAD17_EN_LU_apr2017_v4.csv', D('2017-04-01'), D('2018-03-31'), 'pop_mid2017'),
    ('2018', 'ons_LSOA11_CCG18_LAD18_EN_LU_apr2018.csv', D('2018-04-01'), D('2019-03-31'), 'pop_mid2019'),
    ('2019', 'ons_LSOA11_CCG19_LAD19_EN_LU_apr2019.csv', D('2019-04-01'), D('2020-03-31'), 'pop_mid2019'),
    ('2020', 'ons_LSOA11_CCG20_LAD20_EN_LU_apr2020.csv', D('2020-04-01'), D('2021-03-31'), 'pop_mid2020'),
    ('2021', 'ons_LSOA11_CCG21_LAD21_EN_LU_apr2021.csv', D('2021-04-01'), END, 'pop_mid2020'),
]

NEWCASTLE_GATESHEAD = ('00F', '00G', '00H')
NEWCASTLE, GATESHEAD = 'E08000021', 'E08000037'
# registered-patient files whose CCG totals give the two Newcastle CCGs' shares, and the years they stand for
NEWCASTLE_SHARES = [('2013_04-06', D('2013-04-01'), D('2014-03-31')), ('2014_04-06', D('2014-04-01'), D('2015-03-31'))]
NEWCASTLE_GATESHEAD_NOTE = (
    'Coverage 2013-2015: the three CCGs of Newcastle and Gateshead (00F, 00G, 00H) merged whole into 13T (ODS '
    'successor file), which the July 2015 ONS lookup gives all of Newcastle upon Tyne and Gateshead and nothing else; '
    'the ONS OA-CCG lookup of 2013, as summed to constituencies, puts Gateshead CCG in the Gateshead, Blaydon and '
    'Jarrow constituencies and the two Newcastle CCGs in the Newcastle constituencies only. So Gateshead CCG covered '
    'Gateshead, and the two Newcastle CCGs together Newcastle upon Tyne, which they divided by their member '
    'practices: the shares are of the patients registered with each CCG\'s practices (HSCIC, April-June 2013 for '
    '2013/14, April-June 2014 for 2014/15), not of residents.')

SOURCES = {
    'ons-oa11-ccg13-constituencies': {
        'title': 'Westminster constituencies contained in each CCG of 2013, from the ONS Output Area (2011) to CCG '
                 '(2013) and Output Area to constituency lookups (martinjc/CCG--Constituencies, output.csv)',
        'url': 'https://github.com/martinjc/CCG--Constituencies/blob/ca6ae7fee4c1534d8dbaadd327627ff44cdb4bb3/output.csv',
        'publisher': 'Martin Chorley (from ONS lookups, OGL)',
        'note': 'A secondary table: for each CCG13 code the constituencies its Output Areas lie in. E38000061 '
                'Gateshead: Gateshead, Jarrow, Blaydon; E38000111 Newcastle North and East: Newcastle upon Tyne East, '
                'North, Central; E38000112 Newcastle West: Newcastle upon Tyne North, Central.',
    },
    'ons-lsoa-ccg-lad-2015-2021': {
        'title': 'ONS Lower Layer Super Output Area (2011) to Clinical Commissioning Group to Local Authority District '
                 'lookups in England: July 2015, April 2016, April 2017 (v4), April 2018, April 2019, April 2020, '
                 'April 2021',
        'url': 'https://geoportal.statistics.gov.uk/search?q=LUP_LSOA11_CCG_LAD',
        'publisher': 'Office for National Statistics', 'licence': 'OGL-3.0',
        'note': 'Read from copies in jtrim-ons/ons-lookups (csv/212, 211, 226, 216, 217, 219) and '
                'open-innovations/mental-health-data-map (April 2021). Each CCG code there carries its ODS code '
                '(CCGyyCDH). Coverage periods: the July 2015 file is used for 1 Apr 2013 - 31 Mar 2017 (the April '
                '2016 file is identical; no LSOA lookup of 2013 or 2014 was at hand, so 2013-2015 coverage is derived '
                'from the 2015 boundaries), each later file from its April to the next April, the April 2021 file to '
                '30 Jun 2022.',
    },
    'ons-sape-lsoa-2017-2020': {
        'title': 'ONS Lower layer Super Output Area population estimates (mid-2017, mid-2019, mid-2020), all ages',
        'url': 'https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/'
               'datasets/lowersuperoutputareamidyearpopulationestimates',
        'publisher': 'Office for National Statistics', 'licence': 'OGL-3.0',
        'note': 'Read from humaniverse/demographr (population17/19/20_lsoa11), reduced to all-ages totals. Population '
                'shares of CCG coverage and of boundary changes use mid-2017 for the 2015-2017 lookups, mid-2019 for '
                'the 2018 and 2019 lookups, mid-2020 for the 2020 and 2021 lookups.',
    },
}


def load_vintages():
    pop = pd.read_csv(os.path.join(AREAS, 'demographr_population_lsoa11_total_mid2017_2019_2020.csv'))
    pop = pop.set_index('lsoa11_code')
    out = []
    for label, fn, frm, to, popcol in VINTAGES:
        d = pd.read_csv(os.path.join(AREAS, fn), dtype=str, encoding='utf-8-sig')
        yy = label[2:]
        d = d.rename(columns={'CCG%sCD' % yy: 'ccg', 'CCG%sCDH' % yy: 'ods', 'LAD%sCD' % yy: 'lad'})
        d = d[['LSOA11CD', 'ccg', 'ods', 'lad']].copy()
        d['pop'] = d.LSOA11CD.map(pop[popcol]).astype(float)
        assert d['pop'].notna().all(), fn
        assert len(d) == 32844
        out.append({'label': label, 'from': frm, 'to': to, 'popcol': popcol, 'df': d.set_index('LSOA11CD')})
    return out


def main():
    e38, e39, e54 = chd('E38'), chd('E39'), chd('E54')
    vints = load_vintages()
    bodies = chd_bodies(body_keys(vints), e38)
    events = end_events(bodies, vints) + transfer_events(bodies, vints) + rename_recode_events(bodies)
    cov = coverage(bodies, vints)
    london_teams = {c: q for c, q in ods_copies.ccg_area_teams(LONDON_TEAMS_QUARTER).items()
                    if q in ('Q61', 'Q62', 'Q63')}
    assert len(london_teams) == 32
    member = memberships(bodies, e39, e54, london_teams)
    records = {k: body_record(k, bodies[k], cov.get(k, []), member[k], k in london_teams) for k in bodies}
    write_files(bodies, records, events)


def body_keys(vints):
    """ONS code -> body key (the CCG's ODS code), checked across the April 2013 file and every LSOA lookup."""
    ons_key = {}
    c2013 = list(csv.DictReader(open(os.path.join(POST, 'ccg_2013.csv'))))
    assert len(c2013) == 211
    ons13 = ods_copies.ccg_codes_2013()
    assert len(ons13) == 211
    for r in c2013:
        # the ONS names-and-codes file of April 2013 has all 211 ODS codes, 00G and 00H among them
        assert r['ods_code'] in ('', ons13[r['ons_code']][0]), r
        ons_key[r['ons_code']] = ons13[r['ons_code']][0]
    for v in vints:
        for ons, ods in v['df'][['ccg', 'ods']].drop_duplicates().values:
            if ons in ons_key:
                assert ons_key[ons] == ods, (ons, ods, ons_key[ons])
            ons_key[ons] = ods
    key_ons = collections.defaultdict(list)
    for ons, key in ons_key.items():
        key_ons[key].append(ons)
    return key_ons


def chd_bodies(key_ons, e38):
    """Key -> dict(recs: the CHD records of its ONS codes to 30 Jun 2022, from, to); checks the 1 April counts."""
    bodies = {}
    for key, onss in key_ons.items():
        recs = []
        for ons in onss:
            for r in e38[ons]:
                if r['s'] > END:
                    continue
                rr = dict(r)
                rr['ons'] = ons
                if rr['e'] is None or rr['e'] > END:
                    rr['e'] = END
                recs.append(rr)
        recs.sort(key=lambda r: r['s'])
        for a, b in zip(recs, recs[1:]):
            assert day_after(a['e']) == b['s'], (key, a, b)
        bodies[key] = {'key': key, 'recs': recs, 'from': recs[0]['s'], 'to': recs[-1]['e']}
    alive = lambda d: [k for k, b in bodies.items() if b['from'] <= d <= b['to']]
    counts = {y: len(alive(D('%d-04-01' % y))) for y in (2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021)}
    print('CCGs alive on 1 April:', counts)
    assert [counts[y] for y in (2013, 2015, 2017, 2018, 2019, 2020, 2021)] == [211, 209, 207, 195, 191, 135, 106]
    return bodies


def bid(key):
    return 'ccg/' + key


def end_events(bodies, vints):
    """Merges and splits, from the LSOA lookups either side of the date."""
    events = []
    mergers = [r for r in csv.DictReader(open(os.path.join(POST, 'ccg_mergers.csv'))) if r['effective_date'] <= '2021-04-01']
    vint_at = lambda d: next(v for v in vints if v['from'] <= d <= v['to'])
    merge_groups = collections.defaultdict(list)
    for key, b in sorted(bodies.items()):
        if b['to'] >= END:
            continue
        date = day_after(b['to'])
        if date < vints[0]['from'] or date == D('2015-04-01'):
            # 2015 Newcastle Gateshead merger: no LSOA lookup before July 2015; use the ONS CHD dates and the
            # predecessor -> successor pairs (which name the new CCG 13T)
            ons_first = b['recs'][0]['ons']
            succ = [r for r in mergers if r['predecessor_ons'] == ons_first and r['effective_date'] == str(date)]
            assert len(succ) == 1, (key, succ)
            merge_groups[(date, succ[0]['successor_ods'])].append(key)
            continue
        before, after = vint_at(b['to']), vint_at(date)
        lsoas = before['df'][before['df'].ods == key]
        dest = after['df'].loc[lsoas.index]
        # population of the moved LSOAs, weighted with the population year of the earlier lookup
        by = lsoas.assign(to=dest.ods).groupby('to')['pop'].sum()
        if len(by) == 1:
            merge_groups[(date, by.index[0])].append(key)
        else:
            shares = normalise(sorted(by.items(), key=lambda kv: -kv[1]))
            events.append({
                'id': '%s/split/ccg-%s' % (date, key), 'date': date, 'kind': 'split', 'from': bid(key),
                'to': [{'body': bid(k), 'share': s} for k, s in shares], 'basis': 'population',
                'source': ['ons-chd', 'ons-lsoa-ccg-lad-2015-2021', 'ons-sape-lsoa-2017-2020'],
                'note': 'Of this CCG\'s %d LSOAs (2011) in the ONS lookup before %s, the next lookup puts %s; shares '
                        'are of their %s population (ONS estimates).' % (
                            len(lsoas), date,
                            ' and '.join('%d in %s' % (n, k) for k, n in dest.ods.value_counts().items()),
                            before['popcol'].replace('pop_', '')),
            })
    for (date, tkey), keys in sorted(merge_groups.items()):
        ev = {'id': '%s/merge/ccg-%s' % (date, tkey), 'date': date, 'kind': 'merge',
              'from': [bid(k) for k in sorted(keys)], 'to': bid(tkey), 'source': ['ons-chd']}
        if date == D('2015-04-01'):
            ev['note'] = ('ONS ends the three codes on 31 Mar 2015 and starts NHS Newcastle Gateshead CCG (E38000212) '
                          'on 1 Apr 2015; the ODS successor file gives 13T as the successor of 00F, 00G and 00H on '
                          '1 Apr 2015; the July 2015 ONS lookup has 13T for all of Newcastle upon Tyne and Gateshead.')
            ev['source'] += ['ods-successors-2023', 'ons-lsoa-ccg-lad-2015-2021']
        else:
            ev['source'].append('ons-lsoa-ccg-lad-2015-2021')
            ev['note'] = 'Every LSOA (2011) of the merged CCGs is in the new CCG in the next ONS lookup.'
        events.append(ev)
    return events


def transfer_events(bodies, vints):
    """Boundary transfers between CCGs that both continue."""
    events = []
    for prev, cur in zip(vints, vints[1:]):
        date = cur['from']
        j = prev['df'][['ods', 'pop', 'lad']].join(cur['df'][['ods']], rsuffix='_b')
        mv = j[j.ods != j.ods_b]
        for (a, bkey), g in mv.groupby(['ods', 'ods_b']):
            if bodies[a]['to'] < date:
                continue            # part of a merger or split above
            tot = prev['df'][prev['df'].ods == a]['pop'].sum()
            sh = round(float(g['pop'].sum()) / float(tot), 6)
            events.append({
                'id': '%s/transfer/ccg-%s-to-%s' % (date, a, bkey), 'date': date, 'kind': 'transfer',
                'from': bid(a), 'to': bid(bkey), 'share': sh, 'basis': 'population',
                'areas': sorted(g.lad.unique()),
                'source': ['ons-lsoa-ccg-lad-2015-2021', 'ons-sape-lsoa-2017-2020', 'ons-chd'],
                'note': '%d LSOAs (2011) move from %s to %s between the %s and %s ONS lookups; the share is of %s\'s '
                        '%s population.' % (len(g), a, bkey, prev['label'], cur['label'], a,
                                             prev['popcol'].replace('pop_', '')),
            })
    return events


def rename_recode_events(bodies):
    """Renames and recodes from the CHD records."""
    events = []
    for key, b in sorted(bodies.items()):
        for a, c in zip(b['recs'], b['recs'][1:]):
            if a['ons'] != c['ons']:
                events.append({'id': '%s/recode/ccg-%s' % (c['s'], key), 'date': c['s'], 'kind': 'recode',
                               'body': bid(key), 'ons': c['ons'], 'source': 'ons-chd'})
            if a['nm'] != c['nm']:
                events.append({'id': '%s/rename/ccg-%s' % (c['s'], key), 'date': c['s'], 'kind': 'rename',
                               'body': bid(key), 'name': c['nm'], 'source': 'ons-chd'})
    return events


def coverage(bodies, vints):
    """Key -> coverage of districts with population shares, from the LSOA lookups; the three CCGs of Newcastle
    and Gateshead, which no lookup has, from newcastle_gateshead_coverage()."""
    cov = collections.defaultdict(list)       # key -> coverage entries
    for v in vints:
        df = v['df']
        cell = df.groupby(['lad', 'ods'])['pop'].sum()
        for lad, g in cell.groupby(level=0):
            parts = [(ods, p) for (_, ods), p in g.items()]
            if len(parts) == 1:
                shares = [(parts[0][0], 1)]
            else:
                shares = normalise(parts)
            for ods, s in shares:
                b = bodies[ods]
                frm, to = max(v['from'], b['from']), min(v['to'], b['to'])
                assert frm <= to, (ods, v['label'])
                e = {'area': lad, 'share': s if s != 1 else None,
                     'basis': 'population' if s != 1 else None, 'from': frm, 'to': to}
                cov[ods].append(e)
    # join identical consecutive entries
    for key, es in cov.items():
        es.sort(key=lambda e: (e['area'], e['from']))
        out = []
        for e in es:
            if out and out[-1]['area'] == e['area'] and out[-1]['share'] == e['share'] and \
                    day_after(out[-1]['to']) == e['from']:
                out[-1]['to'] = e['to']
            else:
                out.append(dict(e))
        for e in out:
            b = bodies[key]
            if e['from'] == b['from']:
                e['from'] = None
            if e['to'] == b['to']:
                e['to'] = None
        cov[key] = out

    for key, es in newcastle_gateshead_coverage().items():
        cov[key] = es
    return cov


def memberships(bodies, e39, e54, london_teams):
    """Key -> member-of entries: CHD parents (E39 area team / local office, E54 STP -> its region), the London
    area teams of the HSCIC files, the STPs of the CCG-STP lookups."""
    stp_member = stp.ccg_memberships()
    member = {}
    for key, b in bodies.items():
        ms = []
        for r in b['recs']:
            p = r['parent']
            if p is None:
                continue
            if p == LONDON_OFFICE:
                ms.append({'group': 'nhse-office/' + p, 'from': r['s'], 'to': r['e']})
                table = e39
            elif p.startswith('E39'):
                cut = D('2015-04-01')       # area teams end 31 Mar 2015; offices follow
                if r['s'] < cut:
                    ms.append({'group': 'area-team/' + p, 'from': r['s'], 'to': min(r['e'], day_before(cut))})
                if r['e'] >= cut:
                    ms.append({'group': 'nhse-office/' + p, 'from': max(r['s'], cut), 'to': r['e']})
                table = e39
            elif p.startswith('E54'):
                table = e54
            else:
                raise ValueError(p)
            # the parent's own region over the overlapping periods
            for pr in table.get(p, []):
                f, t = max(pr['s'], r['s']), min(pr['e'] or END, r['e'])
                if f <= t and pr['parent']:
                    ms.append({'group': 'region/' + pr['parent'], 'from': f, 'to': t})
        if key in london_teams and b['from'] <= AREA_TEAM_END:
            ms.append({'group': 'area-team/' + london_teams[key], 'from': b['from'],
                       'to': min(b['to'], AREA_TEAM_END)})
        for grp, f, t in stp_member.get(key, []):
            f, t = max(f, b['from']), min(t, b['to'])
            if f <= t:
                ms.append({'group': grp, 'from': f, 'to': t})
        ms.sort(key=lambda m: (m['group'], m['from']))
        out = []
        for m in ms:
            if out and out[-1]['group'] == m['group'] and day_after(out[-1]['to']) == m['from']:
                out[-1]['to'] = m['to']
            else:
                out.append(dict(m))
        for m in out:
            if m['from'] == b['from']:
                m['from'] = None
            if m['to'] == b['to']:
                m['to'] = None
        out.sort(key=lambda m: (m['from'] or START, m['group']))
        member[key] = out
    return member


def body_record(key, b, cov, member, in_london_team):
    """The YAML record of one CCG."""
    first = b['recs'][0]
    rec = {'id': bid(key), 'kind': 'ccg', 'name': first['nm'],
           'ods': key if not key.startswith('E38') else None, 'ons': first['ons'],
           'from': b['from'], 'to': b['to'], 'source': ['ons-chd']}
    notes = []
    if key in NEWCASTLE_GATESHEAD:
        notes.append('ODS code %s as in the ONS CCG names and codes of April 2013 and the ODS CCG file (open '
                     '1 Apr 2013, closed 31 Mar 2015); ONS code, name and dates from the ONS Code History '
                     'Database.' % key)
    if b['to'] >= D('2020-04-01'):
        notes.append('From 1 Apr 2020 ONS gives a Sustainability and Transformation Partnership (E54) as its parent; '
                     'its region membership from then is that STP\'s region in the ONS Code History Database.')
    if key in NEWCASTLE_GATESHEAD:
        notes.append(NEWCASTLE_GATESHEAD_NOTE)
        rec['source'] += ['ons-ccg-names-codes-2013', 'ods-eccg-2016', 'ods-successors-2023',
                          'ons-oa11-ccg13-constituencies']
        if key != '00F':
            rec['source'].append('hscic-gp-list-sizes-2013-2015')
    elif b['from'] < D('2015-04-01') and cov:
        notes.append('Coverage for 2013-2015 is derived from the July 2015 ONS LSOA lookup (no 2013 or 2014 '
                     'lookup was at hand).')
    if key == '99M':
        notes.append('ONS gives it the Wessex area team (E39000025, Q70) from 1 Apr 2013, as here; the HSCIC '
                     'registered-patient file of April-June 2013 lists it under Surrey and Sussex (Q68), the later '
                     'files under Wessex.')
        rec['source'].append('hscic-gp-list-sizes-2013-2015')
    if key in ('09G', '09N'):
        notes.append('ONS recoded it on 3 Jul 2015 for a boundary change not visible in the lookups at hand; '
                     'the 2013-2015 coverage uses the July 2015 boundaries.')
    if cov and key not in NEWCASTLE_GATESHEAD:
        rec['source'] += ['ons-lsoa-ccg-lad-2015-2021', 'ons-sape-lsoa-2017-2020']
    if in_london_team:
        rec['source'].append('hscic-gp-list-sizes-2013-2015')
    if any(m['group'].startswith('stp/') for m in member):
        rec['source'] += stp.MEMBERSHIP_SOURCES
    if notes:
        rec['note'] = ' '.join(notes)
    rec['member-of'] = member
    rec['coverage'] = cov
    if rec['to'] == END:
        rec['x-end'] = 'Ended by the 1 Jul 2022 events (Health and Care Act 2022), recorded with the ICBs.'
    return rec


def write_files(bodies, records, events):
    """The four ccg/*.yaml files: sources and claim, the CCGs of 2013, the later CCGs, the events."""
    keys2013 = sorted(k for k, b in bodies.items() if b['from'] == START)
    later = sorted((k for k, b in bodies.items() if b['from'] > START), key=lambda k: (bodies[k]['from'], k))
    hdr = ['GENERATED by tools/data/ccg_bodies.py; do not edit by hand.']
    claims = [{
        'function': 'commissioning',
        'area-kinds': ['la-unitary', 'la-district', 'la-metropolitan', 'la-london-borough'],
        'from': START, 'to': END,
        'source': ['ukpga-2012-7', 'ons-lsoa-ccg-lad-2015-2021', 'hscic-gp-list-sizes-2013-2015'],
        'x-why': 'From 1 Apr 2013 every part of England was in a CCG (Health and Social Care Act 2012); the ONS '
                 'LSOA-CCG-LAD lookups assign every LSOA to a CCG (from July 2015; 2013-2015 through the 2015 '
                 'boundaries), and Newcastle upon Tyne is divided between its two CCGs of 2013-2015 by their '
                 'registered patients (HSCIC).',
    }]
    sources = dict(SOURCES)     # the ODS and HSCIC copies' sources are declared by ccg_nhs_england.py
    write_yaml('ccg/sources.yaml', hdr + ['Sources used by the CCG files (ccg/*.yaml), and the completeness claim',
                                          'for CCG commissioning coverage of local-authority districts.'],
               {'sources': sources, 'claims': claims})
    write_yaml('ccg/ccgs-2013.yaml', hdr + [
        'The 211 Clinical Commissioning Groups of 1 Apr 2013: names, ONS codes, dates and parents from the ONS Code',
        'History Database; ODS codes from the ONS CCG names and codes of April 2013. Coverage of local-authority',
        'districts with population shares from the ONS LSOA lookups and LSOA population estimates.'],
        {'bodies': [records[k] for k in keys2013]})
    write_yaml('ccg/ccgs-2015-2021.yaml', hdr + [
        'The CCGs created by mergers, 1 Apr 2015 - 1 Apr 2021 (same sources as ccgs-2013.yaml).'],
        {'bodies': [records[k] for k in later]})
    events.sort(key=lambda e: (e['date'], e['kind'], e['id']))
    write_yaml('ccg/events-2013-2022.yaml', hdr + [
        'Mergers, splits, boundary transfers, recodes and renames of CCGs, 1 Apr 2013 - 30 Jun 2022. Dates from the',
        'ONS Code History Database; who went where from the ONS LSOA-CCG-LAD lookups either side of the date',
        '(the 2015 Newcastle Gateshead merger from the CHD dates, before the first lookup).'],
        {'events': events})
    print('bodies', len(bodies), 'events', collections.Counter(e['kind'] for e in events))


def newcastle_gateshead_coverage():
    """Coverage of the three CCGs of 2013-2015 that ONS's first LSOA lookup (July 2015) no longer has: Gateshead
    whole for 00F; Newcastle upon Tyne for 00G and 00H, shared by their registered patients (see the note)."""
    out = {'00F': [{'area': GATESHEAD}], '00G': [], '00H': []}
    for quarter, frm, to in NEWCASTLE_SHARES:
        pts = ods_copies.ccg_patients(quarter)
        for key, s in normalise([('00G', pts['00G']), ('00H', pts['00H'])]):
            out[key].append({'area': NEWCASTLE, 'share': s, 'basis': 'practices', 'from': frm, 'to': to,
                             'source': 'hscic-gp-list-sizes-2013-2015'})
    for es in out.values():       # the bodies' own period is the default
        for e in es:
            if e.get('from') == START:
                e['from'] = None
            if e.get('to') == AREA_TEAM_END:
                e['to'] = None
    return out


def newcastle_shares(quarter):
    """00G and 00H's shares of Newcastle upon Tyne in one registered-patient file (for the 2013 transition)."""
    pts = ods_copies.ccg_patients(quarter)
    return dict(normalise([('00G', pts['00G']), ('00H', pts['00H'])]))


if __name__ == '__main__':
    main()
