#!/usr/bin/python3
"""Generate the 1 July 2022 -> today part of data/nhs-england (orglineage schema 1):

  data/nhs-england/ccg-icb-era/icb/icbs.yaml             the 42 integrated care boards, their functions and coverage
  data/nhs-england/ccg-icb-era/icb/sub-icb-locations.yaml the 106 sub-ICB locations (former CCG codes)
  data/nhs-england/ccg-icb-era/icb/transition-2022.yaml   the 1 July 2022 abolition of the 106 CCGs

Reads at generation time (../shared/sources):
  areas/raw/geographr_lookup_lsoa11_sicbl22_icb22_ltla22.csv   ONS LSOA(2011)->SICBL->ICB->LAD (July 2022)
  areas/raw/ons_LSOA11_CCG21_LAD21_EN_LU_apr2021.csv            ONS LSOA(2011)->CCG->LAD (April 2021)
  areas/raw/demographr_population_lsoa11_total_mid2017_2019_2020.csv  ONS mid-2020 LSOA population
  areas/raw/geographr_lookup_ltla22_ltla23.csv                  ONS LAD 2022 -> 2023
  areas/raw/geographr_lookup_lsoa11_lsoa21_ltla22.csv, geographr_lookup_lsoa21_icb24.csv  (2023 boundary move)
  post2013/raw/ons_chd_jul2024_open-innovations_E38/E54.json     ONS Code History Database (July 2024)
Run: /usr/bin/python3 tools/data/icb.py   (from the repository root)
"""
import csv, json, os, sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import icb_2026  # noqa: E402
import lad_2025  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get('ORGLINEAGE_SOURCES') or os.path.join(ROOT, '..', 'shared', 'sources')
AR = os.path.join(SHARED, 'areas', 'raw')
PR = os.path.join(SHARED, 'post2013', 'raw')
OUTDIR = os.path.join(ROOT, 'data', 'nhs-england', 'ccg-icb-era', 'icb')
D0 = '2022-07-01'
LAD23 = '2023-04-01'


def q(s):
    return json.dumps(s, ensure_ascii=False)


def rd(name):
    with open(os.path.join(AR, name), encoding='utf-8-sig') as f:
        return list(csv.DictReader(f))


def chd(ent):
    with open(os.path.join(PR, 'ons_chd_jul2024_open-innovations_%s.json' % ent), encoding='utf-8') as f:
        return json.load(f)['areas']


def fix_shares(pairs):
    """pairs: [(key, weight)] -> [(key, share)] rounded to 6 places, summing to exactly 1."""
    tot = sum(w for _, w in pairs)
    out = [(k, round(w / tot, 6)) for k, w in pairs]
    diff = round(1 - sum(s for _, s in out), 6)
    i = max(range(len(out)), key=lambda j: out[j][1])
    out[i] = (out[i][0], round(out[i][1] + diff, 6))
    return out


SOURCES = '''sources:
  icb-establishment-order-2022:
    title: The Integrated Care Boards (Establishment) Order 2022 (made by NHS England under section 14Z25 of the National Health Service Act 2006), establishing 42 ICBs from 1 July 2022, with the statutory list of ICB areas
    url: https://www.england.nhs.uk/publication/integrated-care-boards-in-england/
    publisher: NHS England
    note: Made by NHS England, not by a minister; no statutory-instrument number was found for it. NHS England publishes the order, the list of areas (by LTLA and LSOA) and the constitutions.
  icb-variation-order-2023:
    title: The Integrated Care Boards (Establishment) (Variation) Order 2023, in force 1 April 2023
    url: https://www.england.nhs.uk/integratedcare/integrated-care-in-your-area/
    publisher: NHS England
  ukpga-2022-31-icb:
    title: Health and Care Act 2022 (c. 31), Part 1 (section 19 establishes integrated care boards by inserting Chapter A3 into the National Health Service Act 2006; clinical commissioning groups are abolished)
    url: https://www.legislation.gov.uk/ukpga/2022/31/contents
    publisher: legislation.gov.uk
    licence: OGL-3.0
  ons-lsoa-sicbl-icb-lad-2022:
    title: ONS Lower Layer Super Output Area (2011) to Sub ICB Location to Integrated Care Board to Local Authority District (July 2022) Lookup in England
    url: https://geoportal.statistics.gov.uk/search?q=LSOA11_SICBL22_ICB22_LAD22
    publisher: Office for National Statistics
    licence: OGL-3.0
    note: Read from the copy in humaniverse/geographr (data/lookup_lsoa11_sicbl22_icb22_ltla22.rda); gives the SICBL22CDH and ICB22CDH (ODS) codes.
  ons-lsoa-ccg-lad-2021:
    title: ONS Lower Layer Super Output Area (2011) to Clinical Commissioning Group to Local Authority District (April 2021) Lookup in England
    url: https://geoportal.statistics.gov.uk/search?q=LSOA11_CCG21_LAD21
    publisher: Office for National Statistics
    licence: OGL-3.0
    note: Read from the copy in open-innovations/mental-health-data-map (data/).
  ons-lsoa-sicbl-icb-2024:
    title: ONS LSOA (2021) to Sub ICB Location to Integrated Care Board to Cancer Alliance to Local Authority District (April 2024) Lookup in England, with the ONS LSOA (2011) to LSOA (2021) to LAD (2022) lookup
    url: https://geoportal.statistics.gov.uk/search?q=LSOA21_SICBL24_ICB24
    publisher: Office for National Statistics
    licence: OGL-3.0
    note: Read from the copies in humaniverse/geographr (lookup_lsoa21_icb24, lookup_lsoa11_lsoa21_ltla22).
  ons-ltla22-ltla23:
    title: ONS Local Authority District (2022) to Local Authority District (2023) lookup
    url: https://geoportal.statistics.gov.uk/search?q=LAD22_LAD23
    publisher: Office for National Statistics
    licence: OGL-3.0
    note: Read from the copy in humaniverse/geographr (lookup_ltla22_ltla23).
  nhse-delegation-primary-care:
    title: NHS England, Delegation of primary medical, pharmaceutical, ophthalmic and dental functions (from 1 July 2022 all ICBs assumed delegated responsibility for primary medical services)
    url: https://www.england.nhs.uk/commissioning/primary-care/primary-care-comm/delegation-of-primary-medical-pharmaceutical-ophthalmic-and-dental-functions
    publisher: NHS England
  nhse-prn00089-pod:
    title: NHS England letter PRN00089, Direct commissioning delegation (the NHS England Board approved delegation of pharmaceutical, general ophthalmic and dental services to the remaining 35 ICBs on 1 April 2023)
    url: https://www.england.nhs.uk/long-read/direct-commissioning-delegation/
    publisher: NHS England
  nhse-board-spec-2023-12:
    title: NHS England Board paper, Specialised commissioning 2024/25 - next steps with delegation to integrated care boards (7 December 2023)
    url: https://www.england.nhs.uk/long-read/specialised-commissioning-2024-25-next-steps-with-delegation-to-integrated-care-boards/
    publisher: NHS England
  nhse-board-spec-2025:
    title: NHS England Board paper, Commissioning integration - delegation of specialised services to integrated care boards 2025/26
    url: https://www.england.nhs.uk/long-read/commissioning-integration-delegation-of-specialised-services-to-integrated-care-boards-2025-26/
    publisher: NHS England
    note: "Approve the delegation of commissioning responsibility for these 70 specialised services to all ICBs in the North East and Yorkshire, London, South East and South West regions from April 2025 (and the additional 11 services to those ICBs in the Midlands, North West and East of England regions)."
  nhse-spec-delegated-2024:
    title: NHS Black Country ICB, Specialised commissioning delegated to integrated care boards (April 2024)
    url: https://blackcountry.icb.nhs.uk/news-and-events/latest-news/specialised-commissioning-delegated-integrated-care-boards-april-2024
    publisher: NHS Black Country Integrated Care Board
  pinnt-spec-delegation-2025:
    title: PINNT, Update on delegation of specialised services (8 April 2025)
    url: https://pinnt.com/News/News/Non-Members/Update-on-delegation-of-Specialised-Services.aspx
    publisher: PINNT
    secondary: true
    note: Reports that the delegation of April 2025 went ahead.
  surrey-heartlands-specialised:
    title: NHS Surrey Heartlands, Specialised commissioning
    url: https://surreyheartlands.org/specialised-commissioning
    publisher: NHS Surrey Heartlands Integrated Care Board
    note: NHS England "remains the accountable commissioner" for the delegated specialised services.
'''


SPEC_2024, SPEC_2025 = '2024-04-01', '2025-04-01'
SPEC_PART_2024 = ('59 specialised services, delegated by NHS England from 1 April 2024 to the ICBs of the East of'
                  ' England, Midlands and North West; NHS England kept the other specialised services and the duty in law')
SPEC_PART_2025 = ('70 specialised services (the 59 of 2024 and 11 more), delegated by NHS England to every ICB from'
                  ' 1 April 2025; NHS England kept the other specialised services (those commissioned nationally) and'
                  ' remains the accountable commissioner')

POD_NOTE = ('Pharmacy, optometry and dental commissioning are given from 1 April 2023, when NHS England delegated'
            ' them to "the remaining 35 ICBs" (letter PRN00089); some ICBs (nine per a Hansard answer of 30 June'
            ' 2022) held some of them from 1 July 2022, but which ones is not sourced here, so before 1 April 2023'
            ' the dataset leaves them with NHS England.')


def main():
    # ---------------------------------------------------------------- inputs
    pop = {r['lsoa11_code']: float(r['pop_mid2020'])
           for r in rd('demographr_population_lsoa11_total_mid2017_2019_2020.csv')}
    l22 = rd('geographr_lookup_lsoa11_sicbl22_icb22_ltla22.csv')
    l21 = {r['LSOA11CD']: r for r in rd('ons_LSOA11_CCG21_LAD21_EN_LU_apr2021.csv')}
    assert len(l22) == 32844 and len(l21) == 32844
    lad2223 = {}
    for r in rd('geographr_lookup_ltla22_ltla23.csv'):
        if r['ltla22_code'].startswith('E'):
            lad2223[r['ltla22_code']] = r['ltla23_code']
    e54, e38 = chd('E54'), chd('E38')

    icbs = {}       # ons -> dict
    subs = {}       # sicbl ODS -> dict
    for r in l22:
        i = icbs.setdefault(r['icb22_code'], {'ods': r['icb22_code_h'], 'name': r['icb22_name'], 'lsoas': []})
        i['lsoas'].append(r)
        s = subs.setdefault(r['sicbl22_code_h'], {'ons': r['sicbl22_code'], 'name': r['sicbl22_name'],
                                                  'icb': r['icb22_code'], 'lsoas': []})
        assert s['icb'] == r['icb22_code'], r
        s['lsoas'].append(r)
    assert len(icbs) == 42 and len(subs) == 106, (len(icbs), len(subs))

    # 2023-04-01 boundary move (the ICB variation order): LSOAs unchanged between 2011 and 2021 whose SICBL differs
    # between the July 2022 and April 2024 lookups.
    bridge = {r['lsoa11_code']: r for r in rd('geographr_lookup_lsoa11_lsoa21_ltla22.csv')}
    l24 = {r['lsoa21_code']: r for r in rd('geographr_lookup_lsoa21_icb24.csv')}
    moved = []      # (lsoa11, from sicbl, to sicbl, from icb, to icb)
    for r in l22:
        b = bridge.get(r['lsoa11_code'])
        if not b or b['change_code'] != 'U':
            continue
        n = l24[b['lsoa21_code']]
        if n['sicbl24_code_nhs'] != r['sicbl22_code_h']:
            moved.append((r['lsoa11_code'], r['sicbl22_code_h'], n['sicbl24_code_nhs'], r['icb22_code'], n['icb24_code'],
                          r['ltla22_code']))
    # ICB ONS code at 2024 -> 2022 id (recodes)
    recode_icb = {}
    for code, recs in e54.items():
        for rec in recs:
            if rec['date']['s'] == LAD23:
                # the 2022 code it replaced: same name, ending the day before
                for c2, r2 in e54.items():
                    for x in r2:
                        if x['date'].get('e') == '2023-03-31' and x['date']['s'] == D0 and x['nm'] == rec['nm']:
                            recode_icb[code] = c2
    assert set(recode_icb) == {'E54000063', 'E54000064'}, recode_icb
    moved = [(l, a, b, ia, recode_icb.get(ib, ib), lad) for (l, a, b, ia, ib, lad) in moved]
    assert {(a, b) for _, a, b, _, _, _ in moved} == {('92A', '70F')}, moved
    moved_lsoas = {m[0]: m for m in moved}

    # ---------------------------------------------------------------- coverage in LAD terms
    ladpop22 = defaultdict(float)
    for r in l22:
        ladpop22[r['ltla22_code']] += pop[r['lsoa11_code']]

    def coverage(lsoa_rows, after_move_owner=None):
        """-> list of (area, share, from, to). lsoa_rows: the LSOAs of the body as of 2022-07-01.
        after_move_owner: function(lsoa_row) -> True if the LSOA belongs to the body from 2023-04-01."""
        per22 = defaultdict(float)
        per23 = defaultdict(float)
        for r in lsoa_rows:
            per22[r['ltla22_code']] += pop[r['lsoa11_code']]
        rows23 = lsoa_rows if after_move_owner is None else after_move_owner
        for r in rows23:
            per23[lad2223[r['ltla22_code']]] += pop[r['lsoa11_code']]
        ladpop23 = defaultdict(float)
        for lad, p in ladpop22.items():
            ladpop23[lad2223[lad]] += p
        out = []
        for lad in sorted(set(per22) | set(lad2223[x] for x in per22)):
            pass
        # 2022 vintage, until the LAD changes or the 2023 boundary move
        for lad22, p in sorted(per22.items()):
            lad23 = lad2223[lad22]
            s22 = p / ladpop22[lad22]
            s23 = per23.get(lad23, 0) / ladpop23[lad23] if lad23 in per23 else 0
            same = (lad23 == lad22) and abs(s22 - s23) < 1e-12
            out.append((lad22, s22, None, None if same else '2023-03-31'))
        for lad23, p in sorted(per23.items()):
            s23 = p / ladpop23[lad23]
            lad22s = [k for k, v in lad2223.items() if v == lad23]
            s22 = per22.get(lad23, 0) / ladpop22[lad23] if lad23 in ladpop22 else None
            if lad22s == [lad23] and s22 is not None and abs(s22 - s23) < 1e-12:
                continue
            out.append((lad23, s23, LAD23, None))
        return out

    # rows owned after the move, per ICB and per SICBL
    def rows_after(pred):
        res = []
        for r in l22:
            m = moved_lsoas.get(r['lsoa11_code'])
            if m:
                if pred(m[2], m[4]):
                    res.append(r)
            elif pred(r['sicbl22_code_h'], r['icb22_code']):
                res.append(r)
        return res

    cov_icb = {c: coverage(i['lsoas'], rows_after(lambda s, ic, c=c: ic == c)) for c, i in icbs.items()}
    cov_sub = {c: coverage(s['lsoas'], rows_after(lambda sc, ic, c=c: sc == c)) for c, s in subs.items()}

    # make per-(LAD, period) shares sum to exactly 1 across ICBs: round with a fix-up per LAD and period
    def round_cov(cov):
        keyed = defaultdict(list)
        for body, lst in cov.items():
            for (lad, s, f, t) in lst:
                keyed[(lad, f, t)].append((body, s))
        # shares of one LAD in one period may be split across entries with different periods (e.g. a LAD whose
        # share changed in 2023): rounding is per (LAD, from, to) group, then checked by the caller's validator
        rounded = {}
        for key, lst in keyed.items():
            tot = sum(s for _, s in lst)
            if abs(tot - 1) < 1e-9:
                for b, s in fix_shares(lst):
                    rounded[(b,) + key] = s
            else:
                for b, s in lst:
                    rounded[(b,) + key] = round(s, 6)
        return {body: [(lad, rounded[(body, lad, f, t)], f, t) for (lad, s, f, t) in lst] for body, lst in cov.items()}

    cov_icb = round_cov(cov_icb)
    cov_sub = round_cov(cov_sub)

    # ---------------------------------------------------------------- 1 April 2026
    def owner23(r):
        m = moved_lsoas.get(r['lsoa11_code'])
        return m[2] if m else r['sicbl22_code_h']
    reorg = icb_2026.Reorganisation(l22, owner23, {c: 'icb/' + s['icb'] for c, s in subs.items()},
                                    {'icb/' + c: i['ods'] for c, i in icbs.items()}, pop, lambda lad: lad2223[lad])
    ended = set(reorg.abolished) | {'sub-icb/' + icb_2026.FRIMLEY}
    for c in icbs:
        if 'icb/' + c in reorg.cov_icb and 'icb/' + c not in ended:
            cov_icb[c] = reorg.changed_coverage('icb/' + c, cov_icb[c], reorg.cov_icb['icb/' + c])
    for c in subs:
        if 'sub-icb/' + c not in ended:
            cov_sub[c] = reorg.changed_coverage('sub-icb/' + c, cov_sub[c], reorg.cov_sub[c])

    # 1 April 2025: Barnsley and Sheffield recoded (tools/data/lad_2025.py), each board's share unchanged.
    cov_icb = {c: lad_2025.recode_coverage(lst) for c, lst in cov_icb.items()}
    cov_sub = {c: lad_2025.recode_coverage(lst) for c, lst in cov_sub.items()}

    def cov_lines(lst, ind='    '):
        L = [ind + 'coverage:']
        for lad, s, f, t in lst:
            e = '%s  - area: %s' % (ind, lad)
            L.append(e)
            if s < 1:
                L.append('%s    share: %s' % (ind, s))
                L.append('%s    basis: population' % ind)
            if f:
                L.append('%s    from: %s' % (ind, f))
            if t:
                L.append('%s    to: %s' % (ind, t))
            if lad in lad_2025.NAMES:
                L.append('%s    source: [%s]' % (ind, ', '.join(lad_2025.SOURCE_IDS)))
        return L

    # ---------------------------------------------------------------- ICBs
    def functions_lines(ind, start, early_specialised=False):
        """The functions of an ICB established on `start`; `early_specialised`: one of the boards that took
        the first 59 specialised services in April 2024."""
        F = [ind + 'functions:',
             ind + '  - function: commissioning',
             ind + '    source: ukpga-2022-31-icb',
             ind + '  - function: commissioning.primary-care.medical',
             ind + '    delegated-by: nhs-england',
             ind + '    source: nhse-delegation-primary-care']
        for fn in ('pharmacy', 'optometry', 'dental'):
            F.append(ind + '  - function: commissioning.primary-care.%s' % fn)
            if start < '2023-04-01':
                F.append(ind + '    from: 2023-04-01')
            F.append(ind + '    delegated-by: nhs-england')
            F.append(ind + '    source: nhse-prn00089-pod')
        # Specialised commissioning: delegated service by service, never whole; NHS England stays the
        # commissioner in law (it "remains the accountable commissioner").
        if early_specialised:
            F += [ind + '  - function: commissioning.specialised',
                  ind + '    from: %s' % SPEC_2024, ind + '    to: 2025-03-31',
                  ind + '    delegated-by: nhs-england',
                  ind + '    source: [nhse-board-spec-2023-12, nhse-spec-delegated-2024]',
                  ind + '    part: %s' % q(SPEC_PART_2024)]
        F += [ind + '  - function: commissioning.specialised']
        if start < SPEC_2025:
            F.append(ind + '    from: %s' % SPEC_2025)
        F += [ind + '    delegated-by: nhs-england',
              ind + '    source: [nhse-board-spec-2025, pinnt-spec-delegation-2025, surrey-heartlands-specialised]',
              ind + '    part: %s' % q(SPEC_PART_2025)]
        return F

    def region_of(code):
        recs = [r for r in e54[code] if r['date']['s'] == D0]
        return recs[0]['parent']

    REG_SPLIT = {'E40000007': 'E40000013', 'E40000010': 'E40000014'}   # regions recoded by ONS on 2024-01-01
    L = ['# GENERATED by tools/data/icb.py; do not edit by hand.',
         '# The 42 integrated care boards from 1 July 2022: ODS and ONS codes (ONS LSOA->SICBL->ICB lookup, July',
         '# 2022), names and dates (ONS Code History Database, July 2024), functions and coverage. Coverage is in',
         '# local-authority-district terms with shares of the ONS mid-2020 LSOA population (LSOA 2011 assignment of',
         '# July 2022); from 2023-04-01 on the 2023 districts (Cumbria, North Yorkshire, Somerset reorganisations) and',
         '# with the 2023 Surrey Heartlands -> Sussex boundary move (4 LSOAs of Chichester district).',
         '# Specialised services: held by delegation (NHS England stays the commissioner in law) and only in part:',
         '# 59 services from April 2024 by the ICBs of the East of England, Midlands and North West, 70 by every ICB',
         '# from April 2025 (each holding says which part). The boards of 1 April 2026: reorganisation-2026.yaml.',
         SOURCES.rstrip('\n'),
         'claims:',
         '  - function: commissioning',
         '    area-kinds: [la-unitary, la-district, la-metropolitan, la-london-borough]',
         '    from: %s' % D0,
         '    source: [icb-establishment-order-2022, ons-lsoa-sicbl-icb-lad-2022]',
         'bodies:']
    spec_regions = {'E40000007', 'E40000010', 'E40000011'}   # East of England, North West, Midlands
    for code in sorted(icbs):
        i = icbs[code]
        recs = [r for r in e54[code] if r['date']['s'] == D0]
        assert recs, code
        nm = recs[0]['nm']
        assert nm == i['name'], (nm, i['name'])
        L.append('  - id: icb/%s' % code)
        L.append('    kind: icb')
        L.append('    name: %s' % q(nm))
        L.append('    ods: %s' % i['ods'])
        L.append('    ons: %s' % code)
        L.append('    from: %s' % D0)
        if 'icb/' + code in ended:
            L.append('    to: %s' % icb_2026.BEFORE)
        L.append('    source: [icb-establishment-order-2022, ons-chd, ons-lsoa-sicbl-icb-lad-2022]')
        reg = region_of(code)
        note = POD_NOTE
        if reg in spec_regions:
            note += (' In the %s region: one of the ICBs to which NHS England delegated 59 specialised services from'
                     ' April 2024 (NHS England Board paper of 7 Dec 2023), before the other regions (April 2025).'
                     % {'E40000007': 'East of England', 'E40000010': 'North West', 'E40000011': 'Midlands'}[reg])
        L.append('    note: %s' % q(note))
        L += cov_lines(cov_icb[code])
        L += functions_lines('    ', D0, reg in spec_regions)
        L.append('    member-of:')
        if reg in REG_SPLIT:
            L.append('      - group: region/%s' % reg)
            L.append('        to: 2023-12-31')
            L.append('        source: ons-chd')
            L.append('      - group: region/%s' % REG_SPLIT[reg])
            L.append('        from: 2024-01-01')
            L.append('        source: ons-chd')
        else:
            L.append('      - group: region/%s' % reg)
            L.append('        source: ons-chd')
    L.append('events:')
    for code in sorted(icbs):
        L.append('  - {id: %s/establish/%s, date: %s, kind: establish, body: icb/%s, source: [icb-establishment-order-2022, ukpga-2022-31-icb, si-2022-734]}'
                 % (D0, code, D0, code))
    # 2023 recodes
    for new, old in sorted(recode_icb.items()):
        L.append('  - id: %s/recode/%s' % (LAD23, old))
        L.append('    date: %s' % LAD23)
        L.append('    kind: recode')
        L.append('    body: icb/%s' % old)
        L.append('    ons: %s' % new)
        L.append('    source: [ons-chd, icb-variation-order-2023]')
        L.append('    note: ONS gave the ICB a new code on 1 April 2023 because its boundary changed (Integrated Care Boards (Establishment) (Variation) Order 2023).')
    # 2023 boundary move between ICBs
    by_pair = defaultdict(list)
    for m in moved:
        by_pair[(m[3], m[4])].append(m)
    icbpop = {c: sum(pop[r['lsoa11_code']] for r in i['lsoas']) for c, i in icbs.items()}
    for (fa, ta), ms in sorted(by_pair.items()):
        p = sum(pop[m[0]] for m in ms)
        L.append('  - id: %s/transfer/%s-%s' % (LAD23, fa, ta))
        L.append('    date: %s' % LAD23)
        L.append('    kind: transfer')
        L.append('    from: icb/%s' % fa)
        L.append('    to: icb/%s' % ta)
        L.append('    share: %s' % round(p / icbpop[fa], 6))
        L.append('    basis: population')
        L.append('    areas: [%s]' % ', '.join(sorted({m[5] for m in ms})))
        L.append('    source: [icb-variation-order-2023, ons-chd, ons-lsoa-sicbl-icb-lad-2022, ons-lsoa-sicbl-icb-2024, ons-sape-lsoa]')
        L.append('    note: %s' % q('%d LSOAs (%s), mid-2020 population %d, are in sub-ICB location %s in the July 2022 ONS lookup and in %s in the April 2024 one; ONS recoded both ICBs and both sub-ICB locations on 1 April 2023, the day the variation order took effect.'
                                 % (len(ms), ', '.join(sorted(m[0] for m in ms)), p, ms[0][1], ms[0][2])))
    with open(os.path.join(OUTDIR, 'icbs.yaml'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(L) + '\n')

    # ---------------------------------------------------------------- sub-ICB locations
    L = ['# GENERATED by tools/data/icb.py; do not edit by hand.',
         '# The 106 sub-ICB locations of 1 July 2022: parts of an ICB that keep a former CCG code (ODS code from the',
         '# ONS LSOA->SICBL->ICB lookup of July 2022, SICBL22CDH; ONS code and name from the same lookup and the ONS',
         '# Code History Database). Coverage: shares of ONS mid-2020 LSOA population, as for the ICBs.',
         'bodies:']
    recode_sub = {}
    for code, recs in e38.items():
        for rec in recs:
            if rec['date']['s'] == LAD23:
                old = [c2 for c2, r2 in e38.items() for x in r2
                       if x['date'].get('e') == '2023-03-31' and x['date']['s'] == D0 and x['nm'] == rec['nm']]
                assert len(old) == 1, (code, old)
                recode_sub[old[0]] = code
    for ods in sorted(subs):
        s = subs[ods]
        chdrec = [r for r in e38[s['ons']] if r['date']['s'] == D0]
        assert chdrec and chdrec[0]['nm'] == s['name'], (ods, s['ons'], chdrec, s['name'])
        L.append('  - id: sub-icb/%s' % ods)
        L.append('    kind: sub-icb')
        L.append('    name: %s' % q(s['name']))
        L.append('    ods: %s' % ods)
        L.append('    ons: %s' % s['ons'])
        L.append('    from: %s' % D0)
        if 'sub-icb/' + ods in ended:
            L.append('    to: %s' % icb_2026.BEFORE)
        L.append('    source: [icb-establishment-order-2022, ons-chd, ons-lsoa-sicbl-icb-lad-2022]')
        L += cov_lines(cov_sub[ods])
        L.append('    member-of:')
        L.append('      - group: icb/%s' % s['icb'])
        L.append('        source: ons-lsoa-sicbl-icb-lad-2022')
    L.append('events:')
    for old, new in sorted(recode_sub.items()):
        ods = [k for k, v in subs.items() if v['ons'] == old][0]
        L.append('  - id: %s/recode/%s' % (LAD23, ods))
        L.append('    date: %s' % LAD23)
        L.append('    kind: recode')
        L.append('    body: sub-icb/%s' % ods)
        L.append('    ons: %s' % new)
        L.append('    source: [ons-chd, icb-variation-order-2023]')
        L.append('    note: New ONS code on 1 April 2023 with the Surrey Heartlands / Sussex boundary change.')
    with open(os.path.join(OUTDIR, 'sub-icb-locations.yaml'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(L) + '\n')
    reorg.write({c: {'name': s['name'], 'ons': recode_sub.get(s['ons'], s['ons'])} for c, s in subs.items()},
                lambda ind: functions_lines(ind, icb_2026.DAY), cov_lines, q)

    # ---------------------------------------------------------------- CCG -> ICB, 1 July 2022
    ccgs = {}
    for lsoa, r in l21.items():
        c = ccgs.setdefault(r['CCG21CDH'], {'ons': r['CCG21CD'], 'name': r['CCG21NM'], 'icb': defaultdict(float),
                                              'sub': defaultdict(float), 'n': defaultdict(int)})
    l22by = {r['lsoa11_code']: r for r in l22}
    for lsoa, r in l21.items():
        c = ccgs[r['CCG21CDH']]
        n = l22by[lsoa]
        c['icb'][n['icb22_code']] += pop[lsoa]
        c['sub'][n['sicbl22_code_h']] += pop[lsoa]
        c['n'][(n['icb22_code'], n['sicbl22_code_h'])] += 1
    assert len(ccgs) == 106
    L = ['# GENERATED by tools/data/icb.py; do not edit by hand.',
         '# 1 July 2022: the 106 clinical commissioning groups are abolished (Health and Care Act 2022, commenced by',
         '# SI 2022/734) and their commissioning passes to the integrated care boards established that day. A CCG',
         '# whose LSOAs (ONS April 2021 LSOA->CCG lookup) fall in two ICBs (ONS July 2022 LSOA->SICBL->ICB lookup) is',
         '# divided by ONS mid-2020 LSOA population. Every CCG code carries on as a sub-ICB location code.',
         'events:']
    nsplit = 0
    for ods in sorted(ccgs):
        c = ccgs[ods]
        sh = fix_shares(sorted(c['icb'].items(), key=lambda kv: -kv[1]))
        subs_of = sorted(c['sub'].items(), key=lambda kv: -kv[1])
        L.append('  - id: %s/abolish/%s' % (D0, ods))
        L.append('    date: %s' % D0)
        L.append('    kind: abolish')
        L.append('    body: ccg/%s' % ods)
        L.append('    successors:')
        L.append('      - functions: [commissioning]')
        if len(sh) == 1:
            L.append('        to: [{body: icb/%s}]' % sh[0][0])
            L.append('    source: [ukpga-2022-31-icb, si-2022-734, icb-establishment-order-2022, ons-lsoa-sicbl-icb-lad-2022]')
            L.append('    note: %s' % q('%s: its area passed whole to %s; its code continues as sub-ICB location %s.'
                                     % (c['name'], icbs[sh[0][0]]['name'], ods)))
        else:
            nsplit += 1
            L.append('        to: [%s]' % ', '.join('{body: icb/%s, share: %s}' % (b, s) for b, s in sh))
            L.append('        basis: population')
            L.append('        source: [ons-lsoa-ccg-lad-2021, ons-lsoa-sicbl-icb-lad-2022, ons-sape-lsoa]')
            L.append('    source: [ukpga-2022-31-icb, si-2022-734, icb-establishment-order-2022]')
            parts = []
            for (ic, sc), n in sorted(c['n'].items(), key=lambda kv: -kv[1]):
                parts.append('%d LSOAs to %s (sub-ICB location %s)' % (n, icbs[ic]['name'], sc))
            L.append('    note: %s' % q('%s was divided between ICBs: %s; shares by ONS mid-2020 LSOA population.'
                                     % (c['name'], '; '.join(parts))))
    with open(os.path.join(OUTDIR, 'transition-2022.yaml'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(L) + '\n')
    print('ICBs', len(icbs), 'sub-ICBs', len(subs), 'CCGs', len(ccgs), 'divided', nsplit, 'moved 2023', len(moved),
          file=sys.stderr)


if __name__ == '__main__':
    main()
