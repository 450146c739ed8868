#!/usr/bin/python3
"""ODS epcmem read for the PCT era (used by pct_pre2006.py and pct_2006_2013.py).

epcmem is ODS's history of GP practices' (prescribing cost centres') memberships of their commissioners, April 1999 to
August 2019 (generated 2019-08-30).  A parent code's dates are those of its memberships: its first join and its last
left.  What a body of 2002-2013 passed on is read from its practices: a practice whose membership of an old code ended
on the day before a change and whose membership of another code began on the day of the change moved with it.

The file is read from the copy in ../shared/sources/archive/raw (a byte-for-byte copy of the one a public repository
holds, see its PROVENANCE.md); the data cites ODS.  Names are not in epcmem: the archive's derived table
(derived_pct_codes_2002_2006_from_epcmem.csv) matched names to codes through the successor and the practices'
postcodes; it is read here for those names only, and every name taken from it is marked as inferred.
"""
import collections
import csv
import datetime
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARCHIVE = os.environ.get('ORGLINEAGE_SOURCES') and os.path.join(os.environ['ORGLINEAGE_SOURCES'], 'archive', 'raw') \
    or os.path.normpath(os.path.join(ROOT, '..', 'shared', 'sources', 'archive', 'raw'))
EPCMEM = 'ods_epcmem_20190830.csv'
DERIVED = 'derived_pct_codes_2002_2006_from_epcmem.csv'

SOURCE_ID = 'ods-epcmem-2019-08'
SOURCE = dict(
    title='NHS Digital ODS: GP practice (prescribing cost centre) to commissioner membership history, epcmem '
          '(generated 2019-08-30)',
    url='https://digital.nhs.uk/services/organisation-data-service/export-data-files/csv-downloads/gp-and-gp-practice-related-data',
    publisher='NHS Digital, Organisation Data Service', licence='OGL-3.0',
    note='Every practice\'s memberships of PCGs, PCTs, care trusts and CCGs, April 1999 to August 2019, with join and '
         'left dates (ODS record dates). Read from the copy in the public repository nhsconnect/prm-gp2gp-data-sandbox '
         '@ 8e17a6019772cc4d7fba8dd85ac49d7689701b77, data/epcmem.csv (downloaded there on 2019-10-07). A code\'s dates here '
         'are its first join and last left; what a trust passed on at a change is read from the practices that moved.')
NAMES_SOURCE_ID = 'archive-epcmem-pct-names'
NAMES_SOURCE = dict(
    title='PCT codes of 2002-2006 with names matched by successor and practice postcodes (a table derived from ODS '
          'epcmem and epraccur, not an official file)',
    publisher='orglineage sources archive (derived_pct_codes_2002_2006_from_epcmem.csv)', secondary=True,
    note='Names are not in epcmem. This derived table matches a name to each code through its ODS successor and the '
         'postcodes of its member practices (ODS epraccur, October 2019); the names come from the project\'s other '
         'sources, or, for the codes it marks "name unverified", from no source read. Every name taken from it is '
         'inferred, and the data says so.')


def iso(d):
    """'20060930' -> '2006-09-30'."""
    return '%s-%s-%s' % (d[:4], d[4:6], d[6:])


def day_before(d):
    return (datetime.date.fromisoformat(d) - datetime.timedelta(days=1)).isoformat()


def is_english_pct(code):
    """A PCT or care-trust code: three characters, 5xx or Txx (Welsh boards are 6xx/7xx, CCGs 00A-15N and 99x)."""
    return len(code) == 3 and code[0] in '5T'


class Epcmem:
    """The memberships, indexed by parent code and by practice."""

    def __init__(self, path=None):
        path = path or os.path.join(ARCHIVE, EPCMEM)
        self.by_parent = collections.defaultdict(list)
        self.by_practice = collections.defaultdict(list)
        with open(path, newline='', encoding='utf-8') as f:
            for n, row in enumerate(csv.reader(f), 1):
                if len(row) != 6:
                    raise SystemExit('%s:%d: expected 6 fields, found %d' % (path, n, len(row)))
                practice, parent, _, join, left, _ = row
                m = (practice, parent, iso(join), iso(left) if left else None)
                self.by_parent[parent].append(m)
                self.by_practice[practice].append(m)

    def span(self, code):
        """(first join, last left or None while a membership is open) of a parent code."""
        ms = self.by_parent[code]
        first = min(m[2] for m in ms)
        lefts = [m[3] for m in ms]
        return first, (None if None in lefts else max(lefts))

    def pct_codes(self):
        return sorted(c for c in self.by_parent if is_english_pct(c))

    def active_on(self, code, day):
        first, last = self.span(code)
        return first <= day and (last is None or day <= last)

    def members_on(self, code, day):
        return {m[0] for m in self.by_parent[code] if m[2] <= day and (m[3] is None or day <= m[3])}

    def moves(self, code, date):
        """Where the practices of `code` whose membership ended the day before `date` went on `date`:
        {new code: practices}; None for those with no membership beginning that day (closed, or moved later)."""
        last = day_before(date)
        out = collections.Counter()
        for practice, _, _, left in self.by_parent[code]:
            if left != last:
                continue
            nxt = [m[1] for m in self.by_practice[practice] if m[2] == date and m[1] != code]
            out[nxt[0] if nxt else None] += 1
        return out


def derived_names():
    """code -> (name, basis) from the archive's derived table; basis is 'sourced', 'inferred' or 'unverified'."""
    out = {}
    with open(os.path.join(ARCHIVE, DERIVED), newline='', encoding='utf-8') as f:
        for r in csv.DictReader(f):
            b = r['name_basis']
            basis = 'sourced' if b.startswith('sourced') else 'unverified' if 'unverified' in b else \
                'continuing' if b.startswith('continuing') else 'inferred'
            out[r['ods_code']] = (r['name'], basis)
    return out


# The body key `inferred:` (every answer naming the body carries it as a note) is read only by libraries that know
# it; until the library in main reads it, the text goes at the end of the body's note.
WRITE_INFERRED_KEY = True


def mark_inferred(body, text):
    """Say what of a body's record is inferred rather than read (call after its note is written)."""
    if WRITE_INFERRED_KEY:
        body['inferred'] = text
    else:
        body['note'] = (body.get('note', '') + ' Inferred, not read: ' + text).strip()
