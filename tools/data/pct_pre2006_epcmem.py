#!/usr/bin/python3
"""The PCTs of 2002 - 30 Sep 2006 as ODS epcmem shows them (used by pct_pre2006.py).

Every PCT or care-trust code whose practices' memberships ended between 1 Apr 2002 and 30 Sep 2006 is one body, with
the dates of those memberships.  Where the project's sources name the trust, the body keeps that name and gets the
code (printed next to the name, or matched by the archive's derived table through its successor and its practices'
postcodes: then said to be inferred); every other code is a body named as that table names it, the name marked as
inferred in its note.

What each trust passed on is read from its practices: on the day after its end, each practice's next membership.
  * Every practice went to one new code: the trust merged whole into it.
  * The practices went to several codes, and the trust is one of SI 2006/2072's "dividing PCTs" (art. 1(2)) or one of
    the trusts SI 2003/1066 dissolved: a split, its shares the practices that went each way (basis `practices`: an
    estimate, not the population; no registered-patient counts of 2002-2006 are in the sources read).
  * The practices went to several codes and the trust is not a dividing one (East Cambridgeshire and Fenland: one of
    its 20 practices joined Norfolk PCT): the trust merged whole into the code most of them joined, and the practice
    that went elsewhere is listed as a practice's own move, not a part of the trust's area.
"""
import collections
import os

import pct_epcmem
import pct_pre2006_coverage as before2006

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RECONCILIATION = os.path.join(ROOT, 'tools', 'data', 'pct_epcmem_reconciliation.md')
FIRST_END = '2002-04-01'   # codes that ended before the PCT era are not written
LAST_OLD = '2006-09-30'
BEFORE_EPCMEM = '61d3401'   # the commit whose data the reconciliation compares with

# A project name spelt otherwise in the derived table.
NAME_IN_DERIVED = {'West Cornwall PCT': 'West of Cornwall PCT',
                   'Daventry and South Northamptonshire PCT': 'Daventry and South Northants PCT',
                   'Redbridge PCT': 'Redbridge PCT (2001)'}
# The order that ended the trusts on each date, where one was read.
ORDER_OF = {'2003-04-01': 'si-2003-1066', '2006-10-01': 'si-2006-2072'}


def ended_codes(ep):
    """The PCT and care-trust codes of ODS epcmem whose last membership ended from 1 Apr 2002 to 30 Sep 2006."""
    return {c for c in ep.pct_codes() if ep.span(c)[1] and FIRST_END <= ep.span(c)[1] <= LAST_OLD}


def dates_note(first, last, sourced_from=None):
    s = ('Dates from ODS epcmem: its practices\' memberships began on %s and ended on %s (ODS record dates).'
         % (first, last))
    if sourced_from:
        s += ' The start is the earlier date of its establishment order, %s.' % sourced_from
    return s


def successors_of(ep, code):
    first, last = ep.span(code)
    day = _next_day(last)
    return day, {c: n for c, n in ep.moves(code, day).items() if c}


def _next_day(d):
    import datetime
    return (datetime.date.fromisoformat(d) + datetime.timedelta(days=1)).isoformat()


def matched_note(code, ep, ended):
    """How the code was given to a name no source prints beside it."""
    day, succ = successors_of(ep, code)
    siblings = sorted(c for c in ended if c != code and set(successors_of(ep, c)[1]) & set(succ))
    how = ('the only code of %s whose practices joined %s' % (day[:4], '/'.join(sorted(succ))) if not siblings else
           'one of %d codes whose practices joined %s; told apart by the postcodes of its member practices'
           % (len(siblings) + 1, '/'.join(sorted(succ))))
    return ('its ODS code %s is not printed beside its name in any source read: the code is matched to the name by its '
            'successor in ODS epcmem (%s), in a table derived from epcmem and epraccur.' % (code, how))


def unnamed_code_body(code, ep, dn, printed):
    """A body for a code whose trust the project's sources did not name before: named as a source prints it beside
    the code (printed: code -> (name, source id)), else as the derived table names it, the name marked inferred."""
    first, last = ep.span(code)
    name, basis = dn.get(code, (None, None))
    day, succ = successors_of(ep, code)
    src = [pct_epcmem.SOURCE_ID]
    b = {'id': 'pct/' + code, 'kind': 'care-trust' if code.startswith('T') else 'pct'}
    note = dates_note(first, last)
    inferred = None
    if code in printed and printed[code][1]:
        name = printed[code][0]
        src.append(printed[code][1])
        note += ' Name and code as printed together in the cited Hansard answer.'
    elif not name:
        raise SystemExit('code %s: no name in the derived table' % code)
    else:
        src.append(pct_epcmem.NAMES_SOURCE_ID)
        inferred = ('its name is not read from any source beside its ODS code: a table derived from ODS epcmem and '
                         'epraccur matched %s to the code by its successor (%s) and its practices\' postcodes%s.'
                         % ('this name' if basis != 'unverified' else 'a name not found in any source read',
                            '/'.join(sorted(succ)), '' if basis != 'unverified' else
                            ' (the name itself is unverified)'))
    name = name if name.endswith(('PCT', 'Trust')) else name + ' PCT'
    b.update({'name': name, 'ods': code, 'from': first, 'to': last, 'source': src, 'note': note})
    if inferred:
        pct_epcmem.mark_inferred(b, inferred)
    return b


def _label(b):
    return '%s (%s)' % (b['name'], b['ods'])


def _share_list(moves):
    total = sum(moves.values())
    codes = sorted(moves, key=lambda c: (-moves[c], c))
    shares = [round(moves[c] / total, 6) for c in codes]
    shares[0] = round(1 - sum(shares[1:]), 6)   # the rounding left on the largest part, so they sum to 1
    return total, list(zip(codes, shares))


def succession_events(ep, body_of_code, body_of_new, dividing, p_of_code, complete, counts):
    """The merge and split events of every ended code, and the practices that moved apart from their trust.

    body_of_new: code -> body id of the codes the practices joined; dividing: the codes of the "dividing PCTs" of
    SI 2006/2072; p_of_code: code -> the pct_pre2006 record of a trust the sources name (its succession sources);
    complete, counts: pct_pre2006's COMPLETE_2006 and MERGE_COUNTS (what the press and Hansard say of each new PCT).
    """
    merges = collections.defaultdict(list)   # (date, new code) -> [(old code, practices)]
    events, reassigned = [], []
    for code in sorted(body_of_code):
        day, moves = successors_of(ep, code)
        if not moves:
            raise SystemExit('code %s: no practice joined another code on %s' % (code, day))
        split = len(moves) > 1 and (code in dividing or day != '2006-10-01')
        if split or code in dividing:
            events.append(_split(code, day, moves, body_of_code, body_of_new, p_of_code.get(code)))
            continue
        main = max(moves, key=lambda c: (moves[c], c))
        for c, n in moves.items():
            if c != main:
                reassigned.append((code, day, c, n, moves[main]))
        merges[(day, main)].append((code, moves[main]))
    for (day, new), olds in sorted(merges.items()):
        events.append(_merge(day, new, olds, body_of_code, body_of_new, p_of_code, complete, counts))
    events.append(_middlesbrough(ep))
    return events, reassigned


def _sources(day, code_list, p_of_code, new=None):
    # Care trusts were designated by orders of their own, not read: the Order of the day is not their source.
    src = [ORDER_OF[day]] if day in ORDER_OF and not (new or '').startswith('T') else []
    src.append(pct_epcmem.SOURCE_ID)
    for c in code_list:
        p = p_of_code.get(c)
        for s in (p['succ'] if p else []):
            if s not in src:
                src.append(s)
    return src


def _merge(day, new, olds, body_of_code, body_of_new, p_of_code, complete, counts):
    to = body_of_new[new]
    src = _sources(day, [c for c, _ in olds], p_of_code, new)
    moved = '; '.join('%s %d' % (_label(body_of_code[c]), n) for c, n in olds)
    order = {'2006-10-01': 'SI 2006/2072 dissolved the old PCTs and established the new ones on 1 Oct 2006 (its schedules, '
                           'which list the old PCTs each new one replaced, were not read). ' if not new.startswith('T') else
                           'A care trust: the order that designated it was not read. ',
             '2003-04-01': 'SI 2003/1066 dissolved the trust(s) on 1 Apr 2003; it names no successor. '}.get(day, '')
    note = (order + 'ODS epcmem: every practice of %s on %s was a member of %s on %s (practices: %s).'
            % ('each trust listed' if len(olds) > 1 else 'the trust', pct_epcmem.day_before(day), new, day, moved))
    if day == '2006-10-01' and new in complete:
        csrc, why = complete[new]
        src += [s for s in csrc if s not in src]
        note += ' The cited sources agree: %s.' % why
    if day == '2006-10-01' and new in counts:
        csrc, n, said = counts[new]
        if csrc not in src:
            src.append(csrc)
        agree = 'as ODS epcmem shows' if n == len(olds) else 'where ODS epcmem shows %d' % len(olds)
        note += ' %s: %d trusts in all, %s.' % (said, n, agree)
    return {'id': '%s/merge/%s' % (day, new), 'date': day, 'kind': 'merge', 'from': [body_of_code[c]['id'] for c, _ in olds],
            'to': to, 'source': src, 'note': note}


def _split(code, day, moves, body_of_code, body_of_new, p):
    b = body_of_code[code]
    src = _sources(day, [code], {code: p} if p else {})
    if len(moves) == 1:
        # Waveney: a dividing PCT of SI 2006/2072 whose practices all joined one PCT; the part of its area the Order
        # gave the other held no practice of its own, so the practices give no share.
        (only,) = moves
        other = {'5PR': '5PT'}[only]
        return {'id': '%s/split/%s' % (day, b['id'].split('/')[-1]), 'date': day, 'kind': 'split', 'from': b['id'],
                'to': [{'body': body_of_new[only]}, {'body': body_of_new[other]}], 'basis': 'unknown', 'source': src,
                'note': ('A "dividing PCT" of SI 2006/2072 (art. 1(2)): its area was divided between new PCTs; the schedules '
                         'saying how were not read. ODS epcmem: all %d of its practices joined %s on %s, none %s; the part '
                         'of its area that went to %s held no practice of its own. Proportions not sourced.'
                         % (moves[only], only, day, other, other))}
    total, parts = _share_list(moves)
    why = ('A "dividing PCT" of SI 2006/2072 (art. 1(2)): its area was divided between new PCTs (the schedules saying how '
           'were not read).' if day == '2006-10-01' else
           'SI 2003/1066 dissolved the trust; it names no successor.')
    note = ('%s ODS epcmem: of its %d practices on %s, %s. The shares are those practice counts: an estimate, not the '
            'population (no registered-patient counts of the time are in the sources read).'
            % (why, total, pct_epcmem.day_before(day),
               ', '.join('%d joined %s' % (moves[c], c) for c, _ in parts)))
    return {'id': '%s/split/%s' % (day, b['id'].split('/')[-1]), 'date': day, 'kind': 'split', 'from': b['id'],
            'to': [{'body': body_of_new[c], 'share': s} for c, s in parts], 'basis': 'practices', 'source': src,
            'note': note}


def _middlesbrough(ep):
    """SI 2006/2074: Middlesbrough PCT, which continued, passed its area outside the county to Redcar and Cleveland PCT."""
    moved = ep.moves('5KM', '2006-10-01')['5QR']
    total = len(ep.members_on('5KM', LAST_OLD))
    return {'id': '2006-10-01/transfer/middlesbrough', 'date': '2006-10-01', 'kind': 'transfer', 'from': 'pct/5KM',
            'to': 'pct/5QR', 'share': round(moved / total, 6), 'basis': 'practices', 'areas': ['E06000003'],
            'source': ['si-2006-2074', 'hansard-2009-02-10-langbaurgh', pct_epcmem.SOURCE_ID],
            'note': ('SI 2006/2074 reduced the area of Middlesbrough PCT to the county of Middlesbrough; the areas it no '
                     'longer covers went to the new Redcar and Cleveland PCT; they lie in Redcar and Cleveland (E06000003). '
                     'ODS epcmem: %d of its %d practices on 30 Sep 2006 joined Redcar and Cleveland PCT (5QR) on 1 Oct '
                     '2006; the share is that practice count, an estimate, not the population.' % (moved, total))}


def add_epcmem_coverage(bodies, body_of_code, gen, events, london_2003):
    """Coverage of each ended trust from the areas its successors covered (pct_pre2006_coverage.derived): a trust that
    passed whole to a body no other trust fed takes that body's coverage of the day, shares and all."""
    succ_cov = {b['ods']: b.get('coverage', []) for b in gen.values() if b.get('ods')}
    names = {b['ods']: b['name'] for b in gen.values() if b.get('ods')}
    code_of_id = {b['id']: c for c, b in body_of_code.items()}
    new_code = {i: b['ods'] for i, b in gen.items() if b.get('ods')}
    into = collections.defaultdict(list)
    outs = collections.defaultdict(list)
    for e in events:
        if e['kind'] == 'merge':
            for f in e['from']:
                outs[f].append(e['to'])
            into[e['to']].extend(e['from'])
        elif e['kind'] == 'split':
            for t in e['to']:
                outs[e['from']].append(t['body'])
                into[t['body']].append(e['from'])
        elif e['kind'] == 'transfer':
            into[e['to']].append(e['from'])   # a part of a continuing trust: the receiver was not fed by one alone
    london = {'pct/2002/' + sl for _, sl, _ in london_2003}
    for b in bodies:
        if b['id'] not in code_of_id:
            continue
        targets = outs[b['id']]
        if len(targets) == 1 and into[targets[0]] == [b['id']]:
            cov = _one_to_one(b, targets[0], new_code, succ_cov, names)
        else:
            cov = before2006.derived([new_code[t] for t in targets], succ_cov, names, set())
            if b['id'] in london:
                for e in cov:
                    e['note'] = ('Deduced from geography and ODS epcmem: the trust\'s practices joined %s on 1 Apr 2003 '
                                 '(SI 2003/1066 names no successor); the part of the borough it served is not sourced.'
                                 % ' and '.join(names[new_code[t]] for t in targets))
        if cov:
            b['coverage'] = cov


def _one_to_one(b, target, new_code, succ_cov, names):
    out = []
    for e in before2006.on_oct06(succ_cov[new_code[target]]):
        n = {k: v for k, v in e.items() if k not in ('from', 'to', 'source', 'note')}
        n['source'] = [pct_epcmem.SOURCE_ID]
        n['note'] = ('Every practice of the trust joined %s, and no other trust\'s did (ODS epcmem): its area is taken to '
                     'be the area %s served on 1 Oct 2006 (deduced).' % (names[new_code[target]], names[new_code[target]]))
        out.append(n)
    return out


def write_reconciliation(matched, reassigned, P, body_of_code, ep, events, before):
    """Every place ODS epcmem and the data written before it disagree, with what was done (a file for people).

    before: the path of the pre2006 events file, read as it stood before epcmem was read (BEFORE_EPCMEM)."""
    import subprocess
    import yaml
    rel = os.path.relpath(before, ROOT)
    text = subprocess.run(['git', '-C', ROOT, 'show', '%s:%s' % (BEFORE_EPCMEM, rel)], check=True, capture_output=True,
                          text=True).stdout
    old = yaml.safe_load(text)['events']
    lines = ['# ODS epcmem against the PCT-era data written before it (commit %s)' % BEFORE_EPCMEM, '',
             'GENERATED by tools/data/pct_pre2006.py (tools/data/pct_pre2006_epcmem.py); do not edit by hand.', '',
             'Every disagreement between ODS epcmem (practice memberships, 1999-2019) and the events and bodies the data held '
             'before epcmem was read, and what was done with it.', '']
    code_of_id = {b['id']: c for c, b in body_of_code.items()}
    new_links = collections.defaultdict(set)
    for e in events:
        if e['kind'] == 'merge':
            for f in e['from']:
                new_links[f].add(e['to'])
        elif e['kind'] == 'split':
            new_links[e['from']].update(t['body'] for t in e['to'])
    lines += ['## Successor links of the trusts named before', '',
              'A link not listed as disagreeing agrees with ODS epcmem; links that were deduced or rested on a secondary '
              'source are now read from ODS.', '']
    agree = 0
    for e in old:
        if e['kind'] not in ('merge', 'split'):
            continue
        froms = e['from'] if isinstance(e['from'], list) else [e['from']]
        tos = [e['to']] if isinstance(e['to'], str) else [t['body'] for t in e['to']]
        for f in froms:
            if f.startswith('pct-unnamed/'):
                continue
            for t in tos:
                if t in new_links.get(f, ()):
                    agree += 1
                else:
                    lines.append('- %s -> %s (event %s): not in ODS epcmem, whose practices show %s. Fixed: the link '
                                 'follows epcmem.' % (f, t, e['id'], ', '.join(sorted(new_links.get(f, ()))) or 'nothing'))
            if e.get('deduced') and f in e['deduced'] or e.get('secondary') and f in e['secondary']:
                lines.append('- %s: its link in %s was %s; ODS epcmem now gives it, so it is no longer marked so.'
                             % (f, e['id'], 'deduced' if f in (e.get('deduced') or []) else 'stated by a secondary source only'))
    lines += ['', '%d earlier links agree with ODS epcmem.' % agree, '']
    lines += ['## Placeholders replaced', '']
    for e in old:
        froms = e['from'] if isinstance(e.get('from'), list) else []
        for f in froms:
            if f.startswith('pct-unnamed/'):
                named = [x for x in froms if not x.startswith('pct-unnamed/')]
                now = sorted(i for i, ts in new_links.items() if e['to'] in ts and i not in named)
                lines.append('- %s (into %s): %s.' % (f, e['to'], 'replaced by ' + ', '.join(
                    '%s %s' % (i, body_of_code[code_of_id[i]]['name']) for i in now) if now else
                    'removed: the trusts named were all its predecessors (ODS epcmem)'))
    lines += ['', '## Practices that moved apart from their trust', '',
              'A trust not among the dividing PCTs whose practices did not all join one code: it merged whole into the code '
              'most joined; the others are practices\' own moves, not part of the trust\'s area.', '']
    for code, day, to, n, main in reassigned:
        lines.append('- %s (%s): %d practice(s) joined %s on %s, the other %d joined the code it merged into.'
                     % (body_of_code[code]['name'], code, n, to, day, main))
    lines += ['', '## Dividing PCTs (SI 2006/2072 art. 1(2)) whose practices do not show the division', '']
    for e in events:
        if e['kind'] == 'split' and e['basis'] == 'unknown':
            lines.append('- %s: %s' % (e['from'], e['note']))
    lines += ['', '## Start dates', '',
              'Bodies now start on the first practice membership in ODS epcmem (an ODS record date), where the data gave '
              '2002-04-01 as a date by which every trust existed (NHS Confederation), or an establishment order gave a '
              'later date:', '']
    for p in P:
        first = ep.span(p['ods_code'])[0]
        if p['frm'] and p['frm'] != first:
            lines.append('- %s (%s): %s by its order, %s in epcmem; kept %s.'
                         % (p['name'], p['ods_code'], p['frm'], first, min(p['frm'], first)))
    changed = collections.Counter(ep.span(p['ods_code'])[0] for p in P if not p['frm'])
    lines.append('- The other named trusts: ' + ', '.join('%d from %s' % (n, d) for d, n in sorted(changed.items())) + '.')
    lines += ['', '## Codes matched to names the sources give without a code', '']
    for bid, name, code in matched:
        lines.append('- %s %s: %s' % (code, bid, name))
    with open(RECONCILIATION, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


# The one primary care group of England still in being on 2002-04-01 (ODS epcmem): its practices all joined the
# Witham, Braintree and Halstead Care Trust (TAG) on 2002-10-01.
PCG_CODE, PCG_SUCCESSOR = '4MH24', 'TAG'


def last_pcg(ep, body_of_code):
    """The body of the last primary care group and its merge into its care trust; its coverage is the care trust's."""
    first, last = ep.span(PCG_CODE)
    day = _next_day(last)
    moves = ep.moves(PCG_CODE, day)
    if set(moves) != {PCG_SUCCESSOR}:
        raise SystemExit('%s: practices went to %s on %s' % (PCG_CODE, dict(moves), day))
    ct = body_of_code[PCG_SUCCESSOR]
    b = {'id': 'pcg/' + PCG_CODE, 'kind': 'pcg', 'name': ct['name'].replace('Care Trust', 'Primary Care Group'),
         'ods': PCG_CODE, 'from': first, 'to': last, 'source': [pct_epcmem.SOURCE_ID],
         'note': ('A primary care group (a committee of a health authority), the last in England: ODS epcmem shows it with '
                  'practices until %s, when all %d joined %s. %s Primary care groups that became trusts before 1 Apr '
                  '2002 are not recorded (before the era of this data).' % (last, moves[PCG_SUCCESSOR], _label(ct),
                                                                           dates_note(first, last)))}
    pct_epcmem.mark_inferred(b, 'its name is not read from any source beside its code: it is named after the care trust '
                                'that took all its practices.')
    b['coverage'] = [dict(e, note='The area of the care trust that took all its practices (ODS epcmem). ' + e['note'])
                     for e in ct.get('coverage', [])]
    ev = {'id': '%s/merge/%s' % (day, PCG_SUCCESSOR), 'date': day, 'kind': 'merge', 'from': [b['id']], 'to': ct['id'],
          'source': [pct_epcmem.SOURCE_ID],
          'note': 'ODS epcmem: every practice of the primary care group %s (%d) left it on %s and joined %s on %s.'
                  % (PCG_CODE, moves[PCG_SUCCESSOR], last, PCG_SUCCESSOR, day)}
    return b, ev
