#!/usr/bin/python3
"""Write tests/data/ods/successions.csv: the successions of the NHS ODS succession file among the kinds of body the
dataset models, each with whether the shipped data agrees, and if not, how it differs.

Run from anywhere:  /usr/bin/python3 tools/data/ods_successions.py
It reads the ODS succession file (processed 25 Sep 2023) from the copy in the public repository
tomjemmett/odsProcessing (ods_copies.ods_successors) and the dataset's YAML files.  The CSV holds facts only
(codes and dates from the ODS file; the data's own date where it differs) and is committed; the test
tests/dataset/test_ods_succession.cpp checks every row against the loaded data, so the file cannot go stale.

Scope: rows whose from- or to-code is held, at any time, by a body of a modelled kind (pct, care-trust, ccg,
nhs-cb-area-team, nhse-local-office, icb, sub-icb), or has the form of a PCT/care-trust code (5 and two characters
of which one a letter, TAx) or a CCG code (two digits and a letter).  Other rows (practices, sites, providers, dental contracts, STPs among themselves) are left out; their
count is printed.

status, for each row (date = the ODS legal start; "on" = the day before for the from-code, the date for the to-code):
  agrees       a body of a modelled kind held the from-code, a body held the to-code, and the data has a succession
               link between them on that date (or the same body changed its code on that date)
  date         the data has a succession link between the two bodies, on another date (data_date)
  from-absent  no body of a modelled kind held the from-code on the day before the date
  to-absent    no body of a modelled kind held the to-code on the date
  no-link      both bodies exist in the data but no succession links them
"""
import csv
import datetime
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ods_copies  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, 'data', 'nhs-england')
OUT = os.path.join(ROOT, 'tests', 'data', 'ods', 'successions.csv')
# the brief's kinds, and the NHS England local offices that took over the area teams in 2015
MODELLED = {'pct', 'care-trust', 'ccg', 'nhs-cb-area-team', 'nhse-local-office', 'icb', 'sub-icb'}
CODE_FORMS = re.compile(r'^(5(?=[0-9]?[A-Z])[0-9A-Z]{2}|TA[A-Z]|[0-9]{2}[A-Z])$')   # 5xx with a letter, TAx, CCG
REASONS = {
    'date': 'the data has this succession on another date (data_date): ODS records operational dates, the data '
            'legal ones or those of the ONS Code History Database',
    'from-absent': 'no body of a modelled kind holds the from-code on the day before (not in the data, or held by a '
                   'kind the data does not model, e.g. a provider trust or an STP)',
    'to-absent': 'no body of a modelled kind holds the to-code on the date (not in the data, or held by a kind the '
                 'data does not model, e.g. a provider trust or an STP)',
    'no-link': 'both bodies are in the data but no succession links them (a code-only change in ODS, or a link the '
               'data does not record)',
}


def day(s):
    return datetime.date.fromisoformat(str(s))


def load():
    bodies, events = {}, []
    for dirpath, _, files in os.walk(DATA):
        for fn in sorted(files):
            if not fn.endswith('.yaml'):
                continue
            with open(os.path.join(dirpath, fn), encoding='utf-8') as f:
                d = yaml.safe_load(f) or {}
            for b in d.get('bodies') or []:
                bodies[b['id']] = b
            events.extend(d.get('events') or [])
    return bodies, events


def code_periods(bodies, events):
    """(code, body id, first day, last day or None) for every ODS code a body held."""
    recodes = {}
    for e in events:
        if e['kind'] == 'recode' and 'ods' in e:
            recodes.setdefault(e['body'], []).append((day(e['date']), e['ods']))
    out = []
    for bid, b in bodies.items():
        start, code = day(b['from']), b.get('ods')
        end = day(b['to']) if b.get('to') else None
        for d, new in sorted(recodes.get(bid, [])):
            if code:
                out.append((code, bid, start, d - datetime.timedelta(days=1)))
            start, code = d, new
        if code:
            out.append((code, bid, start, end))
    return out


def links(events):
    """(from body, to body, date) of every succession link."""
    out = []
    for e in events:
        d, k = day(e['date']), e['kind']
        if k == 'merge':
            out += [(f, e['to'], d) for f in e['from']]
        elif k == 'split':
            out += [(e['from'], t['body'], d) for t in e['to']]
        elif k == 'transfer':
            out.append((e['from'], e['to'], d))
        elif k == 'abolish':
            for g in e.get('successors') or []:
                out += [(e['body'], t['body'], d) for t in g['to']]
    return out


def holder(periods, bodies, code, on):
    for c, bid, f, t in periods:
        if c == code and f <= on and (t is None or on <= t) and bodies[bid]['kind'] in MODELLED:
            return bid
    return None


def classify(row, periods, bodies, lk, recoded):
    frm, to, d = row
    x = holder(periods, bodies, frm, d - datetime.timedelta(days=1))
    y = holder(periods, bodies, to, d)
    if x is None:
        return 'from-absent', ''
    if y is None:
        return 'to-absent', ''
    if x == y:
        return ('agrees', '') if (x, d) in recoded else ('no-link', '')
    dates = sorted({ld for a, b, ld in lk if a == x and b == y})
    if d in dates:
        return 'agrees', ''
    if dates:
        return 'date', min(dates, key=lambda v: abs((v - d).days)).isoformat()
    return 'no-link', ''


def main():
    bodies, events = load()
    periods = code_periods(bodies, events)
    known = {c for c, bid, _, _ in periods if bodies[bid]['kind'] in MODELLED}
    lk = links(events)
    recoded = {(e['body'], day(e['date'])) for e in events if e['kind'] == 'recode' and 'ods' in e}
    rows, left = [], 0
    for frm, to, start in ods_copies.ods_successors():
        if not (frm in known or to in known or CODE_FORMS.match(frm) or CODE_FORMS.match(to)):
            left += 1
            continue
        rows.append((frm, to, day(start)))
    rows = sorted(set(rows), key=lambda r: (r[2], r[0], r[1]))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    counts = {}
    with open(OUT, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['from', 'to', 'date', 'status', 'data_date', 'reason'])
        for r in rows:
            status, dd = classify(r, periods, bodies, lk, recoded)
            counts[status] = counts.get(status, 0) + 1
            w.writerow([r[0], r[1], r[2].isoformat(), status, dd, REASONS.get(status, '')])
    with open(os.path.join(os.path.dirname(OUT), 'README.md'), 'w', encoding='utf-8') as f:
        f.write('# ODS successions (generated)\n\n`successions.csv` is GENERATED by `tools/data/ods_successions.py` from '
                'the NHS ODS succession file (processed 25 Sep 2023; copy in github.com/tomjemmett/odsProcessing, '
                '`ods_successors.csv`); do not edit by hand. One row per ODS succession among the kinds the data models '
                '(%s), with whether the shipped data agrees:\n\n' % ', '.join(sorted(MODELLED)))
        f.write('- `agrees`: the data has the succession on the ODS date (or the same body changed its code then)\n')
        for k, v in REASONS.items():
            f.write('- `%s`: %s\n' % (k, v))
        f.write('\n`tests/dataset/test_ods_succession.cpp` checks every row against the loaded data.\n')
    print('wrote %s: %d rows %s; %d rows of other kinds left out' % (OUT, len(rows), counts, left))


if __name__ == '__main__':
    main()
