#!/usr/bin/python3
"""Generate data/nhs-england/ccg-icb-era/local-authorities.yaml (orglineage schema 1).

Upper-tier local authorities as bodies `la/<ONS code>` holding public health from 1 April 2013
(Health and Social Care Act 2012 s.12, inserting s.2B into the NHS Act 2006), with the structural changes of
2019-2023 as events. Reads at generation time:
  ../shared/sources/post2013/public_health_upper_tier_las_2013.csv      (the 152 of 2013)
  ../shared/sources/post2013/raw/ons_chd_jul2024_open-innovations_E06/E08/E09/E10.json  (ONS CHD)
  ../shared/sources/areas/raw/demographr_population_lsoa11_total_mid2017_2019_2020.csv  (ONS SAPE)
  ../shared/sources/areas/raw/ons_LSOA11_CCG18_LAD18_EN_LU_apr2018.csv (LSOA -> LAD 2018)
  ../shared/sources/areas/raw/demographr_population20_ltla21_syoa.csv  (ONS mid-2020 by LAD 2021)
Run: /usr/bin/python3 tools/data/la_bodies.py   (from the repository root)
"""
import csv, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lad_2025  # noqa: E402  the Barnsley and Sheffield recodes of 2025

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(ROOT, '..', 'shared', 'sources')
P13 = os.path.join(SHARED, 'post2013')
AR = os.path.join(SHARED, 'areas', 'raw')
OUT = os.path.join(ROOT, 'data', 'nhs-england', 'ccg-icb-era', 'local-authorities.yaml')
PH_FROM = '2013-04-01'


def q(s):
    return json.dumps(s, ensure_ascii=False)


def chd():
    out = {}
    for e in ['E06', 'E08', 'E09', 'E10']:
        with open(os.path.join(P13, 'raw', 'ons_chd_jul2024_open-innovations_%s.json' % e), encoding='utf-8') as f:
            for code, recs in json.load(f)['areas'].items():
                recs = sorted(recs, key=lambda r: r['date']['s'])
                out[code] = {'name': recs[-1]['nm'], 'alt': recs[-1].get('nm_alt') or [],
                             'from': recs[0]['date']['s'], 'to': recs[-1]['date'].get('e')}
    return out


def council_name(code, a):
    if code.startswith('E10'):
        c = [x for x in a['alt'] if 'County Council' in x]
        return c[0] if len(c) == 1 else '%s County Council' % a['name']
    c = [x for x in a['alt'] if 'Council' in x]
    return c[0] if len(c) == 1 else '%s (council)' % a['name']


def lsoa_pop(col):
    pop = {}
    with open(os.path.join(AR, 'demographr_population_lsoa11_total_mid2017_2019_2020.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            pop[r['lsoa11_code']] = float(r[col])
    return pop


def lad18_pop_mid2017():
    pop = lsoa_pop('pop_mid2017')
    out = {}
    with open(os.path.join(AR, 'ons_LSOA11_CCG18_LAD18_EN_LU_apr2018.csv'), encoding='utf-8-sig') as f:
        for r in csv.DictReader(f):
            out[r['LAD18CD']] = out.get(r['LAD18CD'], 0) + pop[r['LSOA11CD']]
    return out


def ltla21_pop_mid2020():
    out = {}
    with open(os.path.join(AR, 'demographr_population20_ltla21_syoa.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            out[r['ltla21_code']] = float(r['total_population'])
    return out


def shares(parts):
    """parts: list of (body, population) -> list of (body, share) summing to exactly 1 at 6 decimals."""
    tot = sum(p for _, p in parts)
    sh = [(b, round(p / tot, 6)) for b, p in parts]
    diff = round(1 - sum(s for _, s in sh), 6)
    i = max(range(len(sh)), key=lambda k: sh[k][1])
    sh[i] = (sh[i][0], round(sh[i][1] + diff, 6))
    return sh, tot


def main():
    areas = chd()
    with open(os.path.join(P13, 'public_health_upper_tier_las_2013.csv'), encoding='utf-8') as f:
        ph2013 = [r['ons_code'] for r in csv.DictReader(f)]
    assert len(ph2013) == 152, len(ph2013)
    later = sorted(c for c, a in areas.items() if a['from'] > PH_FROM and c[:3] in ('E06', 'E08', 'E09', 'E10'))
    # every upper-tier code live on or after 2013-04-01 must be a body
    for c, a in areas.items():
        if (a['to'] or '9999') >= PH_FROM and a['from'] <= PH_FROM and c not in ph2013:
            sys.exit('upper-tier area %s live on 2013-04-01 but not in the 2013 list' % c)

    # --- population weights for the splits
    p18 = lad18_pop_mid2017()
    p21 = ltla21_pop_mid2020()
    dorset_districts = ['E07000048', 'E07000049', 'E07000050', 'E07000051', 'E07000052', 'E07000053']
    dorset_split, dorset_tot = shares([
        ('la/E06000059', sum(p18[d] for d in dorset_districts if d != 'E07000048')),
        ('la/E06000058', p18['E07000048'])])
    nn = ['E07000150', 'E07000152', 'E07000153', 'E07000156']   # Corby, East Northants, Kettering, Wellingborough
    wn = ['E07000151', 'E07000154', 'E07000155']                # Daventry, Northampton, South Northants
    # mid-2020 estimates are published on the 2021 LADs: the new unitaries themselves
    northants_split, _ = shares([('la/E06000061', p21['E06000061']), ('la/E06000062', p21['E06000062'])])
    cumb = ['E07000026', 'E07000028', 'E07000029']               # Allerdale, Carlisle, Copeland
    wf = ['E07000027', 'E07000030', 'E07000031']                 # Barrow-in-Furness, Eden, South Lakeland
    cumbria_split, _ = shares([('la/E06000063', sum(p21[d] for d in cumb)),
                               ('la/E06000064', sum(p21[d] for d in wf))])

    L = ['# GENERATED by tools/data/la_bodies.py from the ONS Code History Database, the 2013 upper-tier list and',
         '# ONS population estimates; do not edit by hand.',
         '# Upper-tier local authorities (county councils, unitary, metropolitan and London borough councils, the',
         '# City of London and the Isles of Scilly) as bodies holding public health from 1 April 2013. The councils',
         '# existed before; they are modelled here only from the day they took on NHS public-health duties.',
         'sources:',
         '  hsca-2012-s12:',
         '    title: Health and Social Care Act 2012, section 12 (duties as to improvement of public health; inserts section 2B into the National Health Service Act 2006)',
         '    url: https://www.legislation.gov.uk/ukpga/2012/7/section/12',
         '    publisher: legislation.gov.uk',
         '    licence: OGL-3.0',
         '  si-2018-648:',
         '    title: The Bournemouth, Dorset and Poole (Structural Changes) Order 2018, SI 2018/648',
         '    url: https://www.legislation.gov.uk/uksi/2018/648/made',
         '    publisher: legislation.gov.uk',
         '    licence: OGL-3.0',
         '  si-2019-957:',
         '    title: The Buckinghamshire (Structural Changes) Order 2019, SI 2019/957',
         '    url: https://www.legislation.gov.uk/uksi/2019/957/made',
         '    publisher: legislation.gov.uk',
         '    licence: OGL-3.0',
         '  si-2020-156:',
         '    title: The Northamptonshire (Structural Changes) Order 2020, SI 2020/156',
         '    url: https://www.legislation.gov.uk/uksi/2020/156/made',
         '    publisher: legislation.gov.uk',
         '    licence: OGL-3.0',
         '  si-2022-328:',
         '    title: The North Yorkshire (Structural Changes) Order 2022, SI 2022/328',
         '    url: https://www.legislation.gov.uk/uksi/2022/328/made',
         '    publisher: legislation.gov.uk',
         '    licence: OGL-3.0',
         '  si-2022-329:',
         '    title: The Somerset (Structural Changes) Order 2022, SI 2022/329',
         '    url: https://www.legislation.gov.uk/uksi/2022/329/made',
         '    publisher: legislation.gov.uk',
         '    licence: OGL-3.0',
         '  si-2022-331:',
         '    title: The Cumbria (Structural Changes) Order 2022, SI 2022/331',
         '    url: https://www.legislation.gov.uk/uksi/2022/331/made',
         '    publisher: legislation.gov.uk',
         '    licence: OGL-3.0',
         '  ons-sape-lsoa:',
         '    title: ONS Lower layer Super Output Area population estimates (mid-2017, mid-2019, mid-2020), all ages',
         '    url: https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/datasets/lowersuperoutputareamidyearpopulationestimates',
         '    publisher: Office for National Statistics',
         '    licence: OGL-3.0',
         '    note: Read from the copies in humaniverse/demographr (population17_lsoa11, population19_lsoa11, population20_lsoa11).',
         '  ons-mye-lad-2020:',
         '    title: ONS mid-2020 population estimates by local authority district (2021 boundaries)',
         '    url: https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/datasets/populationestimatesforukenglandandwalesscotlandandnorthernireland',
         '    publisher: Office for National Statistics',
         '    licence: OGL-3.0',
         '    note: Read from the copy in humaniverse/demographr (population20_ltla21).',
         '  ons-lsoa-ccg-lad-2018:',
         '    title: ONS Lower Layer Super Output Area (2011) to Clinical Commissioning Group to Local Authority District (April 2018) Lookup in England',
         '    url: https://geoportal.statistics.gov.uk/search?q=LSOA11_CCG18_LAD18',
         '    publisher: Office for National Statistics',
         '    licence: OGL-3.0',
         '    note: Read from the copy in jtrim-ons/ons-lookups (csv/216.csv).',
         'claims:',
         '  - function: public-health',
         '    area-kinds: [la-county, la-unitary, la-metropolitan, la-london-borough]',
         '    from: %s' % PH_FROM,
         '    source: hsca-2012-s12',
         'bodies:']
    ends = {}
    for code in sorted(ph2013) + later:
        a = areas[code]
        frm = max(PH_FROM, a['from'])
        L.append('  - id: la/%s' % code)
        L.append('    kind: local-authority')
        L.append('    name: %s' % q(council_name(code, a)))
        L.append('    ons: %s' % code)
        L.append('    from: %s' % frm)
        if a['to']:
            L.append('    to: %s' % a['to'])
            ends[code] = a['to']
        src = {'2019-04-01': 'si-2018-648', '2020-04-01': 'si-2019-957', '2021-04-01': 'si-2020-156'}.get(frm)
        if code in ('E06000063', 'E06000064'):
            src = 'si-2022-331'
        elif code == 'E06000065':
            src = 'si-2022-328'
        elif code == 'E06000066':
            src = 'si-2022-329'
        L.append('    source: [ons-chd%s]' % (', ' + src if src else ', hsca-2012-s12'))
        if frm == PH_FROM:
            L.append('    note: Modelled from 1 April 2013, when upper-tier councils took on public health; the council existed before.')
        L.append('    coverage:')
        L.append('      - area: %s' % code)
        if code in lad_2025.RECODE:  # the council carries on under the district's new code
            L += ['        to: %s' % lad_2025.BEFORE, '      - area: %s' % lad_2025.RECODE[code],
                  '        from: %s' % lad_2025.DAY, '        source: [%s]' % ', '.join(lad_2025.SOURCE_IDS)]
        L.append('    functions:')
        L.append('      - function: public-health')
        L.append('        source: hsca-2012-s12')

    def split_ev(eid, date, body, sh, src, note):
        L.append('  - id: %s' % eid)
        L.append('    date: %s' % date)
        L.append('    kind: split')
        L.append('    from: %s' % body)
        L.append('    to:')
        for b, s in sh:
            L.append('      - {body: %s, share: %s}' % (b, s))
        L.append('    basis: population')
        L.append('    source: %s' % src)
        L.append('    note: %s' % q(note))

    def abolish_ev(eid, date, body, to, src, note):
        L.append('  - id: %s' % eid)
        L.append('    date: %s' % date)
        L.append('    kind: abolish')
        L.append('    body: %s' % body)
        L.append('    successors:')
        L.append('      - functions: [public-health]')
        L.append('        to: [{body: %s}]' % to)
        L.append('    source: %s' % src)
        L.append('    note: %s' % q(note))

    L.append('events:')
    L.append('  - id: 2019-04-01/merge/E06000058')
    L.append('    date: 2019-04-01')
    L.append('    kind: merge')
    L.append('    from: [la/E06000028, la/E06000029]')
    L.append('    to: la/E06000058')
    L.append('    source: [si-2018-648, ons-chd]')
    L.append('    note: "Bournemouth and Poole (unitary) were abolished and Bournemouth, Christchurch and Poole Council took their area together with the borough of Christchurch, formerly in the county of Dorset (see 2019-04-01/split/E10000009)."')
    split_ev('2019-04-01/split/E10000009', '2019-04-01', 'la/E10000009', dorset_split, '[si-2018-648, ons-chd, ons-sape-lsoa, ons-lsoa-ccg-lad-2018]',
             'Dorset County Council was wound up; the borough of Christchurch went to Bournemouth, Christchurch and Poole, the rest of the county to Dorset Council. Shares: ONS mid-2017 LSOA population of Christchurch (E07000048) against the other five districts (April 2018 LSOA->LAD lookup); county total %d.' % dorset_tot)
    abolish_ev('2020-04-01/abolish/E10000002', '2020-04-01', 'la/E10000002', 'la/E06000060', '[si-2019-957, ons-chd]',
               'Buckinghamshire County Council and the four district councils were wound up; Buckinghamshire Council is the single council for the same area.')
    split_ev('2021-04-01/split/E10000021', '2021-04-01', 'la/E10000021', northants_split, '[si-2020-156, ons-chd, ons-mye-lad-2020]',
             'Northamptonshire County Council was wound up; North Northamptonshire (Corby, East Northamptonshire, Kettering, Wellingborough) and West Northamptonshire (Daventry, Northampton, South Northamptonshire). Shares: ONS mid-2020 population of the two new areas.')
    split_ev('2023-04-01/split/E10000006', '2023-04-01', 'la/E10000006', cumbria_split, '[si-2022-331, ons-chd, ons-mye-lad-2020]',
             'Cumbria County Council was wound up; Cumberland (Allerdale, Carlisle, Copeland) and Westmorland and Furness (Barrow-in-Furness, Eden, South Lakeland). Shares: ONS mid-2020 population of the six districts.')
    abolish_ev('2023-04-01/abolish/E10000023', '2023-04-01', 'la/E10000023', 'la/E06000065', '[si-2022-328, ons-chd]',
               'North Yorkshire County Council and the seven district councils were wound up; North Yorkshire Council is the single council for the same area.')
    abolish_ev('2023-04-01/abolish/E10000027', '2023-04-01', 'la/E10000027', 'la/E06000066', '[si-2022-329, ons-chd]',
               'Somerset County Council and the four district councils were wound up; Somerset Council is the single council for the same area.')
    for old, new in sorted(lad_2025.RECODE.items()):
        L.append('  - {id: %s/recode/%s, date: %s, kind: recode, body: la/%s, ons: %s, source: [%s]}'
                 % (lad_2025.DAY, old, lad_2025.DAY, old, new, ', '.join(lad_2025.SOURCE_IDS)))
    ended = {'E06000028', 'E06000029', 'E10000009', 'E10000002', 'E10000021', 'E10000006', 'E10000023', 'E10000027'}
    assert set(ends) == ended, set(ends) ^ ended
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write('\n'.join(L) + '\n')
    print('wrote', OUT, len(ph2013) + len(later), 'bodies', dorset_split, northants_split, cumbria_split, file=sys.stderr)


if __name__ == '__main__':
    main()
