#!/usr/bin/python3
"""Placeholders for the PCTs of 2002 - 30 Sep 2006 that no source read names (used by pct_pre2006.py).

SI 2006/2072 dissolved the old PCTs and established the new ones on 1 Oct 2006; its schedules, which list the old
trusts each new PCT replaced, were not read.  Where the predecessors recorded for a new PCT are not known to be the
full set, some of its area was served before 1 Oct 2006 by trusts no source read names.  What is known is that the
trusts merged into the new PCT together served its area.  So for each such new PCT one placeholder body is written
(`placeholder: true`, kind `pct-unnamed`): it stands for "the trust(s) before 1 October 2006 not named in the sources
read", covers every area the new PCT covered on 1 Oct 2006 with basis unknown (which of the old trusts served which
part is not sourced), and merges into the new PCT on 1 Oct 2006.  Nothing about the unnamed trusts is invented: not
their number (unless a source gives it), names, codes or areas.
"""

KIND = 'pct-unnamed'
# The body key `placeholder: true` (answers through such a body carry a note built from its note) is read only by
# libraries that know it; set to True once the library in main reads it (the reader rejects unknown keys).
WRITE_PLACEHOLDER_KEY = True
START = '2002-04-01'   # NHS Confederation: PCTs covered all of England by April 2002
LAST_OLD = '2006-09-30'
OCT06 = '2006-10-01'


def slug(s):
    import re
    return re.sub(r'[^a-z0-9]+', '-', s.lower().replace('&', 'and').replace(' pct', '')).strip('-')


def needs_placeholder(code, new_codes, complete):
    """A new PCT of 1 Oct 2006 whose recorded predecessors are not known to be the full set."""
    return code in new_codes and code not in complete


def placeholder_id(name):
    return 'pct-unnamed/' + slug(name)


def placeholder_name(name, named):
    other = 'other ' if named else ''
    return "%s's %spredecessors before October 2006 (not named in the sources read)" % (name, other)


def what_is_known(name, named, count, unnamed_said):
    """The placeholder's note: what the sources say about the trusts it stands for, and no more."""
    parts = ['Stands for the trust(s) that served part or all of the area of %s before 1 Oct 2006 and that no source '
             'read names (SI 2006/2072 established %s on 1 Oct 2006; its schedules, which list the old trusts, were '
             'not read).' % (name, name)]
    if unnamed_said:
        parts.append(unnamed_said)
    elif count:
        src_said, n = count
        parts.append('%s: %d trusts in all; %d named (%s), so %d not named by any source read.'
                     % (src_said, n, len(named), ', '.join(named), n - len(named)))
    elif named:
        parts.append('Recorded predecessors: %s; no source read says whether they were all, so there may be none '
                     'other, or several.' % ', '.join(named))
    else:
        parts.append('No predecessor of %s is named by any source read, and none gives their number.' % name)
    parts.append('Its area is the area %s covered on 1 Oct 2006 (the trusts merged into it together served it); '
                 'which trust served which part is not sourced, so the share is unknown. Start date not sourced: '
                 '2002-04-01 is the date by which PCTs covered all of England (NHS Confederation).' % name)
    return ' '.join(parts)


def coverage(areas, name, pid):
    note = ('Derived from the 1 Oct 2006 reorganisation: the trusts merged into %s together served its area, and '
            '%s stands for those of them no source read names; which part each served is not sourced, so the share '
            'is unknown.' % (name, pid))
    return [{'area': e['area'], 'basis': 'unknown', 'note': note} for e in areas]


def area_sources(areas):
    out = []
    for e in areas:
        s = e.get('source', [])
        for x in (s if isinstance(s, list) else [s]):
            if x not in out:
                out.append(x)
    return out


def body(code, name, named, areas, event_sources, count=None, unnamed=None):
    """The placeholder body for the new PCT `code` (named `name`); named: the recorded predecessors' names;
    areas: the new PCT's coverage entries on 1 Oct 2006; count: (what the source says, n) where a source gives
    the number of trusts merged; unnamed: (sources, text) where a source says none is named."""
    pid = placeholder_id(name)
    src = list(event_sources)
    if unnamed:
        src += [s for s in unnamed[0] if s not in src]
    src += [s for s in area_sources(areas) if s not in src]
    if 'nhsconfed-legacy-pcts' not in src:
        src.append('nhsconfed-legacy-pcts')
    b = {'id': pid, 'kind': KIND, 'name': placeholder_name(name, named)}
    if WRITE_PLACEHOLDER_KEY:
        b['placeholder'] = True
    b.update({'from': START, 'to': LAST_OLD, 'source': src,
              'note': what_is_known(name, named, count, unnamed[1] if unnamed else None),
              'coverage': coverage(areas, name, pid)})
    return b
