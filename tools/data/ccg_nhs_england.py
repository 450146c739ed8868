"""Generate data/nhs-england/ccg-icb-era/nhs-england.yaml: the NHS Commissioning Board (NHS England),
its 27 area teams (2013-2015), local offices (2013/2015-2020) and regions, from the ONS Code History Database
extracts (E39, E40) gathered under ../shared/sources/post2013/raw, the ONS April 2018 CCG-office-region lookup
(../shared/sources/areas/raw), and the ODS/HSCIC copies read by ods_copies.py (ODS codes, London's three
area teams, the 2015 successions). Run: /usr/bin/python3 tools/data/ccg_nhs_england.py
"""
import os

import pandas as pd

import ods_copies
from ccg_common import AREAS, D, chd, day_after, write_yaml

SOURCES = {
    'ukpga-2012-7': {
        'title': 'Health and Social Care Act 2012 (c. 7)',
        'url': 'https://www.legislation.gov.uk/ukpga/2012/7/contents',
        'publisher': 'legislation.gov.uk', 'licence': 'OGL-3.0',
        'note': 's.9 (inserting s.1H into the NHS Act 2006) sets up the National Health Service Commissioning Board; '
                's.25 (inserting s.14A onwards) clinical commissioning groups; s.34 abolishes Primary Care Trusts; '
                's.12 (inserting s.2B) gives each upper-tier local authority its public health duty.',
    },
    'ukpga-2022-31': {
        'title': 'Health and Care Act 2022 (c. 31), section 1: NHS Commissioning Board renamed NHS England',
        'url': 'https://www.legislation.gov.uk/ukpga/2022/31/section/1',
        'publisher': 'legislation.gov.uk', 'licence': 'OGL-3.0',
    },
    'ons-ccg-nhsrlo-nhser-2018': {
        'title': 'ONS Clinical Commissioning Group to NHS England (Region, Local Office) and NHS England (Region) '
                 '(April 2018) Lookup in England',
        'url': 'https://geoportal.statistics.gov.uk/',
        'publisher': 'Office for National Statistics', 'licence': 'OGL-3.0',
        'note': 'Read from the copy in jtrim-ons/ons-lookups (csv/202.csv). It gives the ODS codes of the local '
                'offices (NHSRLO18CDH, Q..) and regions (NHSER18CDH, Y..) of April 2018 beside their ONS codes.',
    },
    'nhs-choices-area-teams': {
        'title': 'NHS Choices organisation data: the NHS Commissioning Board area teams (OrganisationType "Area '
                 'Team") with their ODS codes and names',
        'url': 'https://www.nhs.uk/',
        'publisher': 'NHS Choices',
        'note': 'Read from a GeoJSON copy embedded in a public page (found with the search library; its repository '
                'is not named). It lists 25 area teams, Q44-Q60 and Q64-Q70, and Q71 "London Area Team".',
    },
    'si-2022-734': {
        'title': 'The Health and Care Act 2022 (Commencement No. 2 and Transitional and Saving Provision) '
                 'Regulations 2022, SI 2022/734',
        'url': 'https://www.legislation.gov.uk/uksi/2022/734/made',
        'publisher': 'legislation.gov.uk', 'licence': 'OGL-3.0',
        'note': 'legislation.gov.uk records s.1(1) of the 2022 Act in force on 9 May 2022 only for specified purposes '
                '(SI 2022/515) and the Act\'s NHS England provisions valid from 1 July 2022.',
    },
}

AT_END = D('2015-03-31')
LONDON = 'E39000018'        # ONS gives London one area-team code; ODS (Q71) kept it for the London office
WESSEX = 'E39000025'        # ONS and ODS (Q70) kept the Wessex code for the local office of 2015
# ODS regional-office codes: the HSCIC list sizes name the four of 2013-2015, the ONS April 2018 lookup
# (NHSER18CDH) those of 2018
REGION_ODS = {'E40000001': ('Y54', 'ons-ccg-nhsrlo-nhser-2018'), 'E40000002': ('Y55', 'ons-ccg-nhsrlo-nhser-2018'),
              'E40000003': ('Y56', 'ons-ccg-nhsrlo-nhser-2018'), 'E40000004': ('Y57', 'hscic-gp-list-sizes-2013-2015'),
              'E40000005': ('Y59', 'ons-ccg-nhsrlo-nhser-2018'), 'E40000006': ('Y58', 'ons-ccg-nhsrlo-nhser-2018')}


def main():
    e39 = chd('E39')
    e40 = chd('E40')
    bodies = []
    events = []

    bodies.append({
        'id': 'nhs-england',
        'kind': 'nhs-cb',
        'name': 'National Health Service Commissioning Board',
        'from': D('2013-04-01'),
        'source': 'ukpga-2012-7',
        'note': 'Set up by the Health and Social Care Act 2012 and known as NHS England; it took on its commissioning '
                'functions (primary care contracts, specialised services) on 1 April 2013, when the PCTs were abolished. '
                'Its earlier shadow existence before 1 April 2013 is not modelled here.',
        'coverage': [{'area': 'E92000001'}],
    })
    events.append({'id': '2022-07-01/rename/nhs-england', 'date': D('2022-07-01'), 'kind': 'rename',
                   'body': 'nhs-england', 'name': 'NHS England', 'source': ['ukpga-2022-31', 'si-2022-734']})

    # Regions (E40)
    for code, recs in sorted(e40.items()):
        bid = 'region/' + code
        first, last = recs[0], recs[-1]
        ods, ods_source = REGION_ODS.get(code, (None, None))
        b = {'id': bid, 'kind': 'region', 'name': first['nm'], 'ods': ods,
             'ons': code, 'from': first['s'], 'to': last['e'], 'source': ['ons-chd', ods_source] if ods else 'ons-chd',
             'member-of': [{'group': 'nhs-england'}]}
        if code in ('E40000013', 'E40000014'):
            b['note'] = ('The ONS Code History Database starts this code on 1 Jan 2024, three months before the '
                         'previous code for the region ends (31 Mar 2024); both dates are kept as ONS gives them.')
        bodies.append(b)
        for prev, cur in zip(recs, recs[1:]):
            if prev['nm'] != cur['nm']:
                events.append({'id': '%s/rename/region-%s' % (cur['s'], code), 'date': cur['s'], 'kind': 'rename',
                               'body': bid, 'name': cur['nm'], 'source': 'ons-chd'})
        if last['e']:
            events.append({'id': '%s/abolish/region-%s' % (day_after(last['e']), code), 'date': day_after(last['e']),
                           'kind': 'abolish', 'body': bid, 'source': 'ons-chd',
                           'note': 'The ONS code ends; the region holds no commissioning functions of its own.'})

    # Area teams 2013-2015 and local offices 2015-2020 (E39), with their ODS codes
    ods = office_ods_codes(e39)
    for code, recs in sorted(e39.items()):
        for b, evs in e39_bodies(code, recs, ods):
            bodies.append(b)
            events.extend(evs)
    bodies.extend(london_area_teams())
    events.extend(area_team_ends(e39, ods))

    sources = dict(SOURCES)
    sources.update(ods_copies.SOURCES)     # declared here once for every CCG-era file that cites them
    write_yaml('nhs-england.yaml', [
        'GENERATED by tools/data/ccg_nhs_england.py; do not edit by hand.',
        'The NHS Commissioning Board (NHS England from 1 Jul 2022), its 27 area teams (2013-2015), local offices',
        '(2013/2015-2020) and regions, with names, dates and parents from the ONS Code History Database (E39, E40),',
        'ODS codes from the HSCIC/ODS files, and the 2015 successions from the ODS successor file.',
        'Area teams, offices and regions are groups (no functions of their own); CCGs are their members.',
    ], {'sources': sources, 'bodies': bodies, 'events': events})


def office_ods_codes(e39):
    """ONS E39 code -> (ODS code, source id) for the local offices: the ONS April 2018 lookup pairs the codes of
    2018; for the offices of 2015 the ODS CCG file of February 2016 gives each CCG's office (Q..) and ONS the
    CCG's parent (E39) on that date, and every pairing found is one to one (checked here)."""
    out = {}
    lk = pd.read_csv(os.path.join(AREAS, 'ons_CCG18_NHSRLO18_NHSER18_EN_LU_apr2018.csv'), dtype=str,
                     encoding='utf-8-sig')
    for ons, q in lk[['NHSRLO18CD', 'NHSRLO18CDH']].drop_duplicates().values:
        out[ons] = (q, 'ons-ccg-nhsrlo-nhser-2018')
    on = D('2016-02-01')
    e38 = chd('E38')
    ccg_ons = {}
    for v in pd.read_csv(os.path.join(AREAS, 'ons_LSOA11_CCG16_LAD16_EN_LU_apr2016.csv'), dtype=str)[
            ['CCG16CDH', 'CCG16CD']].drop_duplicates().values:
        ccg_ons[v[0]] = v[1]
    pairs = set()
    for ccg, rec in ods_copies.eccg_2016().items():
        if rec['closed'] or ccg not in ccg_ons:
            continue            # closed CCGs, commissioning hubs
        parent = [r['parent'] for r in e38[ccg_ons[ccg]] if r['s'] <= on <= (r['e'] or on)]
        pairs.add((parent[0], rec['hlhg']))
    for ons, q in pairs:
        assert [p for p in pairs if p[0] == ons or p[1] == q] == [(ons, q)], (ons, q)
        if ons in out:
            assert out[ons][0] == q, (ons, q, out[ons])
        else:
            out[ons] = (q, 'ods-eccg-2016')
    # ODS kept Q74 when ONS recoded Cumbria and North East in 2017 (E39000027 -> E39000039)
    return out


def e39_bodies(code, recs, ods):
    """The bodies (with their rename and abolish events) of one ONS E39 code: an area team to 31 Mar 2015 and
    a local office after it, or for London one office over both (its ODS code Q71 runs through)."""
    at_recs = [r for r in recs if r['e'] <= AT_END]
    lo_recs = [r for r in recs if r['s'] > AT_END]
    if code == LONDON:
        at_recs, lo_recs = [], recs
    at_ods = ods_copies.area_team_codes_2013()
    out = []
    for kind, rs, prefix in (('nhs-cb-area-team', at_recs, 'area-team/'), ('nhse-local-office', lo_recs, 'nhse-office/')):
        if not rs:
            continue
        bid = prefix + code
        first, last = rs[0], rs[-1]
        b = {'id': bid, 'kind': kind, 'name': first['nm'], 'ods': None, 'ons': code, 'from': first['s'],
             'to': last['e'], 'source': ['ons-chd'], 'member-of': [{'group': 'nhs-england'}]}
        if kind == 'nhs-cb-area-team':
            b['ods'] = at_ods[code][0]
            b['source'] += ['openprescribing-area-team-codes', 'hscic-gp-list-sizes-2013-2015']
            b['note'] = ('ODS code %s: openprescribing pairs it with this ONS code; the HSCIC registered-patient files '
                         'of 2013-2015 use it for this area team.' % b['ods'])
            if lo_recs:
                b['note'] += (' ONS kept the code %s for the NHS England local office of 2015 (%s), a separate body '
                              'here.' % (code, 'nhse-office/' + code))
        elif code in ods:
            b['ods'], src = ods[code]
            b['source'].append(src)
        if code == LONDON:
            b['ods'] = 'Q71'
            b['source'] += ['openprescribing-area-team-codes', 'nhs-choices-area-teams']
            b['note'] = ('ONS gives London one code among the area teams of 2013 (E39000018, "London"), which it kept '
                         'for NHS England London in 2015; ODS code Q71 ("London Area Team" in the NHS Choices '
                         'organisation data; paired with E39000018 by openprescribing; NHSRLO18CDH in the ONS April '
                         '2018 lookup). The NHS ran London as three area teams in 2013-2015 (Q61, Q62, Q63 in the '
                         'HSCIC registered-patient files), recorded as their own bodies; this body is the London office '
                         'above them, so it is not counted among the area teams.')
        for r in rs:
            if r['parent']:
                b['member-of'].append({'group': 'region/' + r['parent'], 'from': r['s'], 'to': r['e']})
        b['member-of'] = merge_periods(b['member-of'])
        evs = []
        for prev, cur in zip(rs, rs[1:]):
            if prev['nm'] != cur['nm']:
                evs.append({'id': '%s/rename/%s' % (cur['s'], bid.replace('/', '-')), 'date': cur['s'],
                            'kind': 'rename', 'body': bid, 'name': cur['nm'], 'source': 'ons-chd'})
        if last['e'] and kind == 'nhse-local-office':
            evs.append({'id': '%s/abolish/%s' % (day_after(last['e']), bid.replace('/', '-')),
                        'date': day_after(last['e']), 'kind': 'abolish', 'body': bid, 'source': 'ons-chd',
                        'note': 'The ONS code ends for this body; it held no commissioning functions of its own.'})
        out.append((b, evs))
    return out


LONDON_TEAMS_QUARTER = '2014_04-06'


def london_area_teams():
    """London's three area teams of 2013-2015 as the HSCIC files (ODS codes) record them; ONS has no code for
    them. The same three codes and names are in every quarterly file of April 2013 - March 2015."""
    names = ods_copies.area_team_names(LONDON_TEAMS_QUARTER)
    for q in ods_copies.LIST_SIZE_QUARTERS:
        other = ods_copies.area_team_names(q)
        assert all(other[c] == names[c] for c in ('Q61', 'Q62', 'Q63')), q
    out = []
    for code in ('Q61', 'Q62', 'Q63'):
        name, region, region_name = names[code]
        assert (region, region_name) == ('Y56', 'LONDON')
        out.append({'id': 'area-team/' + code, 'kind': 'nhs-cb-area-team', 'name': name.title(), 'ods': code,
                    'from': D('2013-04-01'), 'to': AT_END, 'source': ['hscic-gp-list-sizes-2013-2015'],
                    'member-of': [{'group': 'nhs-england'}, {'group': 'region/E40000003'}],
                    'note': 'One of the three London area teams of the NHS Commissioning Board, as the HSCIC '
                            'registered-patient files of April 2013 - March 2015 record them (regional office Y56 '
                            'London, which ONS codes E40000003). ONS has no code for it: it gives London one code, '
                            'E39000018 (nhse-office/E39000018).'})
    return out


def area_team_ends(e39, ods):
    """The events of 1 Apr 2015 that end the area teams: each goes into the local office that the ODS successor
    file names (Q44-Q69); Wessex (Q70) into the Wessex office, which kept its ODS and ONS codes; the three London
    teams, for which ODS records no successor, into NHS England London (Q71), which the ODS CCG file of 2016 and
    ONS give every London CCG as its office."""
    date = day_after(AT_END)
    at_ods = {v[0]: k for k, v in ods_copies.area_team_codes_2013().items() if k != LONDON}
    office = {q: 'nhse-office/' + ons for ons, (q, _) in ods.items()
              if any(r['s'] <= date <= (r['e'] or date) for r in e39.get(ons, []))}
    succ = {(f, t) for f, t, d in ods_copies.ods_successors() if f in at_ods and D(d) == date}
    groups = {}
    for f, t in sorted(succ):
        groups.setdefault(office[t], []).append('area-team/' + at_ods[f])
    assert sum(len(v) for v in groups.values()) == 23, groups
    events = []
    for to, frm in sorted(groups.items()):
        events.append({'id': '%s/merge/%s' % (date, to.replace('/', '-')), 'date': date, 'kind': 'merge',
                       'from': frm, 'to': to, 'source': ['ods-successors-2023', 'ons-chd'],
                       'note': 'The ODS successor file gives %s as the successor of %s on 1 Apr 2015.' % (
                           ods[to.split('/')[1]][0], ', '.join(sorted(ods_of(b) for b in frm)))})
    events.append({'id': '%s/merge/nhse-office-%s' % (date, WESSEX), 'date': date, 'kind': 'merge',
                   'from': ['area-team/' + WESSEX], 'to': 'nhse-office/' + WESSEX,
                   'source': ['ons-chd', 'ods-eccg-2016'],
                   'note': 'The Wessex area team (Q70) became NHS England South (Wessex): ONS kept E39000025 and the '
                           'ODS CCG file of 2016 still gives Q70 as the office of the Wessex CCGs; the ODS successor '
                           'file has no entry, as the code did not change.'})
    events.append({'id': '%s/merge/nhse-office-%s' % (date, LONDON), 'date': date, 'kind': 'merge',
                   'from': ['area-team/Q61', 'area-team/Q62', 'area-team/Q63'], 'to': 'nhse-office/' + LONDON,
                   'source': ['hscic-gp-list-sizes-2013-2015', 'ods-eccg-2016', 'ons-chd'],
                   'note': 'The ODS successor file records no successor for the London area teams; the HSCIC files '
                           'put the 32 London CCGs in Q61-Q63 up to March 2015, the ODS CCG file of 2016 puts all of '
                           'them in NHS England London (Q71), and ONS gives them E39000018 throughout. Derived from '
                           'that membership, not from a succession record.'})
    return events


def ods_of(body_id):
    return {'area-team/' + k: v[0] for k, v in ods_copies.area_team_codes_2013().items()}[body_id]


def merge_periods(ms):
    """Join consecutive member-of periods of the same group."""
    out = []
    for m in ms:
        if out and out[-1]['group'] == m['group'] and out[-1].get('to') and m.get('from') and \
                day_after(out[-1]['to']) == m['from']:
            out[-1]['to'] = m.get('to')
        else:
            out.append(dict(m))
    return out


if __name__ == '__main__':
    main()
