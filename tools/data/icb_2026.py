#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The 1 April 2026 reorganisation of the integrated care boards: 12 boards abolished, 6 established,
Hampshire and Isle of Wight enlarged and given a new ONS code; the Frimley sub-ICB location D4U1Y
divided three ways and U2G6B begun. Used by tools/data/icb.py (which owns the 2022 bodies it ends or
changes) and tools/data/small_areas.py (the LSOA table of April 2026); it writes
data/nhs-england/ccg-icb-era/icb/reorganisation-2026.yaml.

What is read, and how far each is trusted:
  archive/raw/nhs_gp_reg_pat_prac_map_20260801.csv   NHS Digital, Patients Registered at a GP Practice,
      practice mapping of 1 August 2026 (the official file, copied unchanged): the 36 ICBs and 106
      sub-ICB locations in force after the reorganisation, with their ODS and ONS codes, names and
      regions, and which practice is in which sub-ICB location. Primary.
  archive/raw/ods_epraccur_2026-02_dse.csv            ODS epraccur of February 2026 (the practices'
      sub-ICB location before the reorganisation). Primary: which D4U1Y practices went where.
  archive/raw/nhs_payments_to_gp_2024_25_prac.csv     NHS Payments to General Practice 2024-25: the
      practices' registered patients, to weigh the practices that moved (a cross-check only).
  post2024/raw/rcpch_icb_successions_2026-04-01.csv   the 16 ODS succession records of 1 April 2026 as
      transcribed from the ODS API by the RCPCH's repository. Secondary: the links this module
      derives from the primary files are checked against it.
The rule that assigns Frimley's LSOAs (by the county of their district) is inferred, not read: the
ONS LSOA (2021) to SICBL to ICB (April 2026) lookup and ODS's change summary were not found.
"""
import csv
import os
import textwrap
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get('ORGLINEAGE_SOURCES') or os.path.normpath(os.path.join(REPO, '..', 'shared', 'sources'))
ARCHIVE = os.path.join(SHARED, 'archive', 'raw')
POST24 = os.path.join(SHARED, 'post2024', 'raw')
OUTFILE = os.path.join(REPO, 'data', 'nhs-england', 'ccg-icb-era', 'icb', 'reorganisation-2026.yaml')

DAY = '2026-04-01'
BEFORE = '2026-03-31'
FRIMLEY = 'D4U1Y'
THAMES_VALLEY_SUB = 'U2G6B'

# Frimley's LSOAs go with the district they lie in: East Berkshire to Thames Valley's new sub-ICB
# location, the Hampshire districts to Hampshire and Isle of Wight's D9Y0V, the Surrey districts to
# Surrey and Sussex's 92A. Inferred (by county): the LSOA list ODS published was not found. It agrees
# with the practices that moved (41 / 14 / 11) and with what the boards said of their new areas.
FRIMLEY_BY_DISTRICT = {
    'E06000036': 'U2G6B',  # Bracknell Forest (Berkshire)
    'E06000039': 'U2G6B',  # Slough (Berkshire)
    'E06000040': 'U2G6B',  # Windsor and Maidenhead (Berkshire)
    'E07000089': 'D9Y0V',  # Hart (Hampshire)
    'E07000092': 'D9Y0V',  # Rushmoor (Hampshire)
    'E07000209': '92A',    # Guildford (Surrey)
    'E07000212': '92A',    # Runnymede (Surrey)
    'E07000214': '92A',    # Surrey Heath (Surrey)
    'E07000216': '92A',    # Waverley (Surrey)
}
FRIMLEY_RULE = ('Frimley\'s LSOAs (sub-ICB location D4U1Y in the ONS April 2024 lookup) are assigned by the'
                ' county of their district: Bracknell Forest, Slough and Windsor and Maidenhead (East Berkshire)'
                ' to U2G6B (Thames Valley); Hart and Rushmoor (Hampshire) to D9Y0V (Hampshire and Isle of Wight);'
                ' Guildford, Runnymede, Surrey Heath and Waverley (Surrey) to 92A (Surrey and Sussex). This rule'
                ' is inferred: the ONS April 2026 LSOA lookup and the ODS change summary were not read.')

SOURCES = {
    'nhsd-gp-reg-prac-map-2026-08': dict(
        title='NHS Digital, Patients Registered at a GP Practice, August 2026: practice to PCN, sub-ICB location,'
              ' ICB and region mapping (gp-reg-pat-prac-map.csv, extract of 1 August 2026)',
        url='https://files.digital.nhs.uk/26/656B2E/gp-reg-pat-prac-map.zip',
        publisher='NHS Digital (NHS England)',
        licence='OGL-3.0',
        note='The 36 ICBs and 106 sub-ICB locations after the reorganisation of 1 April 2026, with their ODS and'
             ' ONS codes and names. Read from the unchanged copy in robg-test/icb-map (commit 3677cdc4,'
             ' data/nhs/gp-reg-pat-prac-map.zip, SHA-256 0990db50...).'),
    'ods-epraccur-2026-02': dict(
        title='NHS ODS, GP practices (epraccur), February 2026',
        url='https://digital.nhs.uk/services/organisation-data-service/data-search-and-export/csv-downloads/gp-and-gp-practice-related-data',
        publisher='NHS England Organisation Data Service',
        licence='OGL-3.0',
        note='The practices\' sub-ICB locations before 1 April 2026. Read from the unchanged copy in'
             ' benstanbury/antibiotic-prescribing-analysis (commit 87578533, data/raw/epraccur.csv).'),
    'nhsbsa-icb-mergers-2026': dict(
        title='NHSBSA Open Data Portal: ICB mergers April 2026 (10 April 2026)',
        url='https://opendata.nhsbsa.net/news//icb-mergers-april-2026',
        publisher='NHS Business Services Authority',
        note='"From 1 April 2026 ... There will be 6 new ICBs established across England through the abolition of'
             ' 12 existing ICBs. There will also be a change in the boundary of an existing ICB", in line with the'
             ' changes defined by the NHS Organisation Data Service.'),
    'nhse-icb-mergers-procedure-2025': dict(
        title='NHS England, Implementing integrated care board mergers and boundary changes to take effect in'
              ' April 2026 and 2027 (published 23 September 2025)',
        url='https://www.england.nhs.uk/long-read/implementing-integrated-care-board-mergers-and-boundary-changes-to-take-effect-in-april-2026-and-2027',
        publisher='NHS England',
        note='"The merger process will abolish some existing ICBs and establish new successor ICBs"; made by order'
             ' of NHS England under section 14Z25 of the NHS Act 2006. The 2026 order itself was not found.'),
    'rcpch-icb-successions-2026': dict(
        title='RCPCH, rcpch-nhs-organisations, documentation/docs/developer/icb-history.md: the ODS succession'
              ' records of 1 April 2026 (16 predecessor-successor pairs read from the ODS ORD API)',
        url='https://github.com/rcpch/rcpch-nhs-organisations/blob/2346f35eab95398019951698a99cab26da57b749/documentation/docs/developer/icb-history.md',
        publisher='Royal College of Paediatrics and Child Health (a transcription of ODS records)',
        secondary=True,
        note='A third party\'s transcription of the ODS succession records; the pairs derived here from the'
             ' primary files are checked against it.'),
    'nhs-payments-gp-2024-25': dict(
        title='NHS England, NHS Payments to General Practice, England, 2024-25 (practice level)',
        url='https://digital.nhs.uk/data-and-information/publications/statistical/nhs-payments-to-general-practice',
        publisher='NHS England',
        licence='OGL-3.0',
        note='Average registered patients per practice in 2024-25. Read from the copy in'
             ' JamesRoutledgeTHF/GP_Patient_List_Responsive (commit 9e58e6a5).'),
}
MAP_SOURCES = ['nhsd-gp-reg-prac-map-2026-08', 'nhsbsa-icb-mergers-2026', 'nhse-icb-mergers-procedure-2025']


def _rows(path, **kw):
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.DictReader(f, **kw)) if not kw.get('fieldnames') else list(csv.DictReader(f, **kw))


def read_map():
    """The August 2026 mapping: {'icbs': ods -> {ons, name, region}, 'subs': ods -> {ons, name, icb},
    'practices': practice -> sub-ICB ODS}."""
    icbs, subs, practices = {}, {}, {}
    for r in _rows(os.path.join(ARCHIVE, 'nhs_gp_reg_pat_prac_map_20260801.csv')):
        assert r['EXTRACT_DATE'] == '01Aug2026', r
        icbs.setdefault(r['ICB_CODE'], dict(ons=r['ONS_ICB_CODE'], name=r['ICB_NAME'],
                                            region=r['ONS_COMM_REGION_CODE']))
        sub = subs.setdefault(r['SUB_ICB_LOCATION_CODE'], dict(ons=r['ONS_SUB_ICB_LOCATION_CODE'],
                                                               name=r['SUB_ICB_LOCATION_NAME'], icb=r['ICB_CODE']))
        assert sub['icb'] == r['ICB_CODE'], r
        practices[r['PRACTICE_CODE']] = r['SUB_ICB_LOCATION_CODE']
    assert len(icbs) == 36 and len(subs) == 106, (len(icbs), len(subs))
    return dict(icbs=icbs, subs=subs, practices=practices)


def frimley_practice_moves(practices_2026):
    """D4U1Y's active practices in February 2026 -> their sub-ICB location in August 2026, and the
    2024-25 registered patients of each group (None for a practice the payments table lacks)."""
    before = {}
    with open(os.path.join(ARCHIVE, 'ods_epraccur_2026-02_dse.csv'), encoding='utf-8-sig', newline='') as f:
        for row in csv.reader(f):
            if row[14] == FRIMLEY and row[12] == 'ACTIVE' and 'RO76' in row[25].split('|'):
                before[row[0]] = row
    patients = {}
    for r in _rows(os.path.join(ARCHIVE, 'nhs_payments_to_gp_2024_25_prac.csv')):
        try:
            patients[r['Practice Code']] = float(r['Average Number of Registered Patients'].replace(',', ''))
        except ValueError:
            pass
    moves = defaultdict(lambda: dict(practices=0, patients=0.0, missing=0))
    for code in before:
        to = practices_2026.get(code)
        if to is None:
            continue
        m = moves[to]
        m['practices'] += 1
        if code in patients:
            m['patients'] += patients[code]
        else:
            m['missing'] += 1
    return dict(moves)


def check_successions(links):
    """links: {(predecessor ODS, successor ODS)} worked out from the primary files; they must be the
    16 pairs of the ODS succession records as the secondary transcription gives them."""
    read = {(r['predecessor_ods'], r['successor_ods']) for r in _rows(os.path.join(POST24, 'rcpch_icb_successions_2026-04-01.csv'))}
    assert read == set(links), ('succession pairs differ from the ODS records', sorted(read ^ set(links)))
    assert len(read) == 16


def _shares(weights):
    """[(key, weight)] -> [(key, share)] to 6 places, summing to exactly 1 (the largest absorbs rounding)."""
    tot = sum(w for _, w in weights)
    out = [(k, round(w / tot, 6)) for k, w in weights]
    diff = round(1 - sum(s for _, s in out), 6)
    i = max(range(len(out)), key=lambda j: out[j][1])
    out[i] = (out[i][0], round(out[i][1] + diff, 6))
    return out


def _district_shares(owned, ladpop):
    """owned: {(body, district): population} -> {body: {district: share}}, the shares of one district
    across all bodies summing to exactly 1."""
    by_lad = defaultdict(list)
    for (body, lad), p in owned.items():
        by_lad[lad].append((body, p))
    out = defaultdict(dict)
    for lad, pairs in by_lad.items():
        assert abs(sum(p for _, p in pairs) - ladpop[lad]) < 1e-6, lad
        for body, s in _shares(sorted(pairs)):
            out[body][lad] = s
    return out


class Reorganisation:
    """The 2026 state worked out from the primary files and the dataset's own April 2023 LSOA ownership.

    rows: the ONS July 2022 LSOA (2011) rows (with ltla22_code); owner23(row): the row's sub-ICB location
    (ODS) from 1 April 2023; sub_icb23: sub-ICB ODS -> its ICB's body id; icb_ods: ICB body id -> ODS code;
    pop: LSOA (2011) -> mid-2020 population; lad23(code): a 2022 district's 2023 code."""

    def __init__(self, rows, owner23, sub_icb23, icb_ods, pop, lad23):
        self.map = read_map()
        self.icb_ods = icb_ods
        self.sub_icb23 = sub_icb23
        self.id_of_ods = {ods: bid for bid, ods in icb_ods.items()}
        for ods, i in self.map['icbs'].items():
            self.id_of_ods.setdefault(ods, 'icb/' + i['ons'])
        self.new_icbs = sorted(o for o in self.map['icbs'] if o not in icb_ods.values())
        self.abolished = sorted(b for b, o in icb_ods.items() if o not in self.map['icbs'])
        assert len(self.new_icbs) == 6 and len(self.abolished) == 12, (self.new_icbs, self.abolished)
        self.sub_icb26 = {s: self.id_of_ods[v['icb']] for s, v in self.map['subs'].items()}
        assert set(self.map['subs']) == (set(sub_icb23) - {FRIMLEY}) | {THAMES_VALLEY_SUB}
        owned_icb, owned_sub = defaultdict(float), defaultdict(float)
        self.flow = defaultdict(float)       # (ICB id before, ICB id after) -> population
        self.frimley = defaultdict(float)    # sub-ICB after -> population of Frimley's LSOAs
        self.frimley_lsoas = defaultdict(int)
        self.icb_pop23 = defaultdict(float)
        ladpop = defaultdict(float)
        for r in rows:
            p = pop[r['lsoa11_code']]
            lad = lad23(r['ltla22_code'])
            before = owner23(r)
            after = FRIMLEY_BY_DISTRICT[r['ltla22_code']] if before == FRIMLEY else before
            if before == FRIMLEY:
                self.frimley[after] += p
                self.frimley_lsoas[after] += 1
            ladpop[lad] += p
            owned_sub[(after, lad)] += p
            owned_icb[(self.sub_icb26[after], lad)] += p
            self.flow[(sub_icb23[before], self.sub_icb26[after])] += p
            self.icb_pop23[sub_icb23[before]] += p
        self.cov_icb = _district_shares(owned_icb, ladpop)
        self.cov_sub = _district_shares(owned_sub, ladpop)
        self.links = {k: v for k, v in self.flow.items() if k[0] in self.abolished}
        check_successions({(icb_ods[a], self.map_ods(b)) for a, b in self.links})

    def map_ods(self, body_id):
        return self.icb_ods.get(body_id) or next(o for o, i in self.map['icbs'].items() if 'icb/' + i['ons'] == body_id)

    def successors(self, old):
        """[(new body id, population share)] of an abolished ICB, largest first."""
        pairs = [(b, p) for (a, b), p in self.links.items() if a == old]
        return sorted(_shares(pairs), key=lambda kv: (-kv[1], kv[0]))

    def changed_coverage(self, body_id, old, new):
        """old: [(district, share, from, to)] as icb.py writes them; new: {district: share} from DAY.
        -> the list with open entries that change closed on BEFORE and the new ones opened on DAY."""
        out, kept = [], set()
        for lad, s, f, t in old:
            if t is None and lad in new and abs(new[lad] - s) < 1e-9:
                kept.add(lad)
                out.append((lad, s, f, t))
            elif t is None:
                out.append((lad, s, f, BEFORE))
            else:
                out.append((lad, s, f, t))
        out += [(lad, s, DAY, None) for lad, s in sorted(new.items()) if lad not in kept]
        return out

    # ------------------------------------------------------------------ the YAML of the 2026 file
    def write(self, subs23, functions_lines, cov_lines, q):
        """subs23: sub-ICB ODS -> {'name', 'ons'} as of 2023; functions_lines(indent) and cov_lines(list)
        give the blocks as icb.py writes them for the 2022 boards; q quotes a string."""
        moves = frimley_practice_moves(self.map['practices'])
        L = ['# GENERATED by tools/data/icb.py (tools/data/icb_2026.py); do not edit by hand.',
             '# The reorganisation of 1 April 2026: 12 integrated care boards abolished, 6 established, Hampshire and',
             '# Isle of Wight (QRL) enlarged with a new ONS code. Boards, sub-ICB locations, codes and names are read from',
             '# NHS Digital\'s practice mapping of 1 August 2026; the links are worked out from it and the ONS April 2024',
             '# LSOA lookup (every sub-ICB location moved whole, except Frimley\'s D4U1Y) and checked against the ODS',
             '# succession records as transcribed by a secondary source. Shares: ONS mid-2020 LSOA population.',
             ]
        L += ['# ' + line for line in textwrap.wrap(FRIMLEY_RULE, 108)]
        L.append('sources:')
        for sid, s in SOURCES.items():
            L.append('  %s:' % sid)
            for k in ('title', 'url', 'publisher', 'licence', 'secondary', 'note'):
                if k in s:
                    L.append('    %s: %s' % (k, 'true' if s[k] is True else q(s[k])))
        L.append('bodies:')
        for ods in self.new_icbs:
            i = self.map['icbs'][ods]
            bid = 'icb/' + i['ons']
            preds = sorted({a for (a, b) in self.links if b == bid})
            L += ['  - id: %s' % bid, '    kind: icb', '    name: %s' % q(i['name']), '    ods: %s' % ods,
                  '    ons: %s' % i['ons'], '    from: %s' % DAY, '    source: [%s]' % ', '.join(MAP_SOURCES),
                  '    note: %s' % q('Established on 1 April 2026 from %s (NHS England order under section 14Z25 of the'
                                     ' NHS Act 2006, not found; in force per the ODS records and NHS Digital\'s'
                                     ' practice mapping of August 2026).' % ', '.join(self.icb_ods[p] for p in preds))]
            L += cov_lines([(lad, s, None, None) for lad, s in sorted(self.cov_icb[bid].items())])
            L += functions_lines('    ')
            L += ['    member-of:', '      - group: region/%s' % i['region'], '        source: nhsd-gp-reg-prac-map-2026-08']
        sub = self.map['subs'][THAMES_VALLEY_SUB]
        L += ['  - id: sub-icb/%s' % THAMES_VALLEY_SUB, '    kind: sub-icb', '    name: %s' % q(sub['name']),
              '    ods: %s' % THAMES_VALLEY_SUB, '    ons: %s' % sub['ons'], '    from: %s' % DAY,
              '    source: [nhsd-gp-reg-prac-map-2026-08]',
              '    note: %s' % q('A new sub-ICB location for the East Berkshire part of Frimley (not D4U1Y recoded: D4U1Y'
                                 ' ended and its practices went three ways).')]
        L += cov_lines([(lad, s, None, None) for lad, s in sorted(self.cov_sub[THAMES_VALLEY_SUB].items())])
        L += ['    member-of:', '      - group: %s' % self.sub_icb26[THAMES_VALLEY_SUB],
              '        source: nhsd-gp-reg-prac-map-2026-08']
        L.append('events:')
        L += self._icb_events(q)
        L += self._sub_events(subs23, moves, q)
        with open(OUTFILE, 'w', encoding='utf-8') as f:
            f.write('\n'.join(L) + '\n')

    def _icb_events(self, q):
        L = []
        src = '[%s, rcpch-icb-successions-2026]' % ', '.join(MAP_SOURCES)
        for ods in self.new_icbs:
            bid = 'icb/' + self.map['icbs'][ods]['ons']
            whole = [a for a in self.abolished if [b for b, _ in self.successors(a)] == [bid]]
            if not whole:
                continue
            L += ['  - id: %s/merge/%s' % (DAY, ods), '    date: %s' % DAY, '    kind: merge',
                  '    from: [%s]' % ', '.join(whole), '    to: %s' % bid, '    source: %s' % src,
                  '    note: %s' % q('Every sub-ICB location of %s passed whole to %s (NHS Digital practice mapping,'
                                     ' August 2026).' % (' and '.join(self.icb_ods[a] for a in whole),
                                                          self.map['icbs'][ods]['name']))]
        for old in self.abolished:
            succ = self.successors(old)
            if len(succ) == 1:
                continue
            frimley = self.icb_ods[old] == 'QNQ'
            L += ['  - id: %s/split/%s' % (DAY, self.icb_ods[old]), '    date: %s' % DAY, '    kind: split',
                  '    from: %s' % old, '    to:']
            L += ['      - {body: %s, share: %s}' % (b, s) for b, s in succ]
            L += ['    basis: population', '    source: %s' % src]
            if frimley:
                L.append('    inferred: %s' % q(FRIMLEY_RULE))
                parts = '; '.join('%s: %d LSOAs, mid-2020 population %d' % (s, self.frimley_lsoas[s], self.frimley[s])
                                  for s in sorted(self.frimley, key=lambda k: -self.frimley[k]))
                L.append('    note: %s' % q('Frimley was divided by LSOA (2011 LSOAs of the ONS July 2022 lookup, as moved on 1 April 2023: %s). %s' % (parts, FRIMLEY_RULE)))
            else:
                L.append('    note: %s' % q('Divided by whole sub-ICB locations, as NHS Digital\'s practice mapping'
                                             ' of August 2026 places them: %s; shares by ONS mid-2020 LSOA'
                                             ' population.' % self._sub_destinations(old)))
        qrl = self.map['icbs']['QRL']
        L += ['  - id: %s/recode/QRL' % DAY, '    date: %s' % DAY, '    kind: recode', '    body: %s' % self.id_of_ods['QRL'],
              '    ons: %s' % qrl['ons'], '    source: [nhsd-gp-reg-prac-map-2026-08, nhsbsa-icb-mergers-2026]',
              '    note: %s' % q('ONS gave Hampshire and Isle of Wight ICB a new code when its area grew by Rushmoor'
                                 ' and the rest of Hart from Frimley; its ODS code QRL continues.')]
        return L

    def _sub_destinations(self, old):
        out = defaultdict(list)
        for s, icb in sorted(self.sub_icb26.items()):
            if self.sub_icb23.get(s) == old:
                out[icb].append(s)
        return '; '.join('%s to %s' % (', '.join(v), self.map['icbs'][self.map_ods(k)]['name'])
                         for k, v in sorted(out.items()))

    def _sub_events(self, subs23, moves, q):
        L = []
        # D4U1Y divided: by LSOA population, with the practices that moved as the cross-check.
        tot = sum(self.frimley.values())
        L += ['  - id: %s/split/%s' % (DAY, FRIMLEY), '    date: %s' % DAY, '    kind: split',
              '    from: sub-icb/%s' % FRIMLEY, '    to:']
        L += ['      - {body: sub-icb/%s, share: %s}' % (s, sh)
              for s, sh in sorted(_shares(list(self.frimley.items())), key=lambda kv: -kv[1])]
        pract = '; '.join('%s %d practices, %d registered patients in 2024-25 (%.1f%%)%s'
                          % (s, m['practices'], m['patients'],
                             100 * m['patients'] / sum(x['patients'] for x in moves.values()),
                             ', %d without a figure' % m['missing'] if m['missing'] else '')
                          for s, m in sorted(moves.items(), key=lambda kv: -kv[1]['practices']))
        L += ['    basis: population',
              '    inferred: %s' % q(FRIMLEY_RULE),
              '    source: [nhsd-gp-reg-prac-map-2026-08, ods-epraccur-2026-02, nhs-payments-gp-2024-25]',
              '    note: %s' % q('D4U1Y ended on 31 March 2026. Its 2011 LSOAs: %s (mid-2020 population %d). %s Cross-check, the practices'
                                 ' that moved (ODS epraccur February 2026 against the August 2026 mapping): %s.'
                                 % ('; '.join('%s %d' % (s, self.frimley_lsoas[s]) for s in sorted(self.frimley)),
                                    tot, FRIMLEY_RULE, pract))]
        for s in sorted(self.map['subs']):
            m, old = self.map['subs'][s], subs23.get(s)
            if old is None:
                continue
            if m['ons'] != old['ons']:
                L += ['  - {id: %s/recode/%s, date: %s, kind: recode, body: sub-icb/%s, ons: %s, source: nhsd-gp-reg-prac-map-2026-08}'
                      % (DAY, s, DAY, s, m['ons'])]
            if m['name'] != old['name']:
                L += ['  - {id: %s/rename/%s, date: %s, kind: rename, body: sub-icb/%s, name: %s, source: nhsd-gp-reg-prac-map-2026-08}'
                      % (DAY, s, DAY, s, q(m['name']))]
            if self.sub_icb26[s] != self.sub_icb23[s]:
                L += ['  - {id: %s/join/%s, date: %s, kind: join, body: sub-icb/%s, group: %s, source: nhsd-gp-reg-prac-map-2026-08}'
                      % (DAY, s, DAY, s, self.sub_icb26[s])]
        return L
