"""Generate data/nhs-england/ccg-icb-era/nhs-england.yaml: the NHS Commissioning Board (NHS England),
its area teams (2013-2015), local offices (2015-2020) and regions, from the ONS Code History Database
extracts (E39, E40) gathered under ../shared/sources/post2013/raw. Run: /usr/bin/python3 tools/data/ccg_nhs_england.py
"""
import csv
import os

from ccg_common import D, POST, chd, day_after, write_yaml

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
    'si-2022-734': {
        'title': 'The Health and Care Act 2022 (Commencement No. 2 and Transitional and Saving Provision) '
                 'Regulations 2022, SI 2022/734',
        'url': 'https://www.legislation.gov.uk/uksi/2022/734/made',
        'publisher': 'legislation.gov.uk', 'licence': 'OGL-3.0',
        'note': 'legislation.gov.uk records s.1(1) of the 2022 Act in force on 9 May 2022 only for specified purposes '
                '(SI 2022/515) and the Act\'s NHS England provisions valid from 1 July 2022.',
    },
}

REGION_IDS = {}


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
        b = {'id': bid, 'kind': 'region', 'name': first['nm'],
             'ons': code, 'from': first['s'], 'to': last['e'], 'source': 'ons-chd',
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

    # Area teams 2013-2015 and local offices 2015-2020 (E39)
    at_ods = {r['ons_code']: r['ods_code'] for r in csv.DictReader(open(os.path.join(POST, 'area_teams_2013.csv')))}
    for code, recs in sorted(e39.items()):
        at_recs = [r for r in recs if r['s'] < D('2015-04-01')]
        lo_recs = [r for r in recs if r['s'] >= D('2015-04-01')]
        for kind, rs, prefix in (('nhs-cb-area-team', at_recs, 'area-team/'), ('nhse-local-office', lo_recs, 'nhse-office/')):
            if not rs:
                continue
            bid = prefix + code
            first, last = rs[0], rs[-1]
            name = first['nm']
            b = {'id': bid, 'kind': kind, 'name': name, 'ons': code, 'from': first['s'], 'to': last['e'],
                 'source': 'ons-chd', 'member-of': [{'group': 'nhs-england'}]}
            if kind == 'nhs-cb-area-team':
                notes = []
                if code in at_ods:
                    notes.append('NHS Choices organisation data lists it as area team %s (matched by name; '
                                 'not confirmed from an ODS record, so not given as its ods code).' % at_ods[code])
                if code == 'E39000018':
                    notes.append('ONS gives London one area-team code; the NHS organised London as three area teams '
                                 'whose codes are not sourced here.')
                if lo_recs:
                    notes.append('ONS kept the code %s for the NHS England local office of 2015 (%s), a separate body '
                                 'here.' % (code, 'nhse-office/' + code))
                if notes:
                    b['note'] = ' '.join(notes)
            # parent periods
            for r in rs:
                if r['parent']:
                    b['member-of'].append({'group': 'region/' + r['parent'], 'from': r['s'], 'to': r['e']})
            b['member-of'] = merge_periods(b['member-of'])
            bodies.append(b)
            for prev, cur in zip(rs, rs[1:]):
                if prev['nm'] != cur['nm']:
                    events.append({'id': '%s/rename/%s' % (cur['s'], bid.replace('/', '-')), 'date': cur['s'],
                                   'kind': 'rename', 'body': bid, 'name': cur['nm'], 'source': 'ons-chd'})
            if last['e']:
                events.append({'id': '%s/abolish/%s' % (day_after(last['e']), bid.replace('/', '-')),
                               'date': day_after(last['e']), 'kind': 'abolish', 'body': bid, 'source': 'ons-chd',
                               'note': 'The ONS code ends for this body; it held no commissioning functions of its own.'})

    write_yaml('nhs-england.yaml', [
        'GENERATED by tools/data/ccg_nhs_england.py; do not edit by hand.',
        'The NHS Commissioning Board (NHS England from 1 Jul 2022), its area teams (2013-2015), local offices',
        '(2015-2020) and regions, with names, dates and parents from the ONS Code History Database (E39, E40).',
        'Area teams, offices and regions are groups (no functions of their own); CCGs are their members.',
    ], {'sources': SOURCES, 'bodies': bodies, 'events': events})


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
