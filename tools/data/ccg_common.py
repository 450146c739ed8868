"""Shared helpers for the CCG-era converters (tools/data/ccg_*.py, tools/data/transition_2013*.py).

They read the gathered copies under ../shared/sources (relative to the checkout) at generation time
and write YAML into data/nhs-england/ccg-icb-era/. Run with /usr/bin/python3.
"""
import datetime as dt
import json
import os

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# the gathered sources sit beside the checkout; a worktree elsewhere names them with ORGLINEAGE_SOURCES
SHARED = os.environ.get('ORGLINEAGE_SOURCES') or os.path.normpath(os.path.join(REPO, '..', 'shared', 'sources'))
POST = os.path.join(SHARED, 'post2013')
AREAS = os.path.join(SHARED, 'areas', 'raw')
OUT = os.path.join(REPO, 'data', 'nhs-england', 'ccg-icb-era')


def D(s):
    """ISO string -> date (None stays None)."""
    if s is None or s == '' or (isinstance(s, float)):
        return None
    return dt.date.fromisoformat(str(s)[:10])


def day_before(d):
    return d - dt.timedelta(days=1)


def day_after(d):
    return d + dt.timedelta(days=1)


def chd(entity):
    """ONS Code History Database extract for one entity (E38, E39, E40, E54 ...): code -> records, oldest first."""
    path = os.path.join(POST, 'raw', 'ons_chd_jul2024_open-innovations_%s.json' % entity)
    areas = json.load(open(path))['areas']
    out = {}
    for code, recs in areas.items():
        rs = []
        for r in recs:
            rs.append({'s': D(r['date'].get('s')), 'e': D(r['date'].get('e')), 'nm': r['nm'],
                       'parent': r.get('parent')})
        rs.sort(key=lambda r: r['s'])
        out[code] = rs
    return out


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def _str_rep(dumper, data):
    return dumper.represent_scalar('tag:yaml.org,2002:str', data)


_Dumper.add_representer(str, _str_rep)


def clean(obj):
    """Drop None values and empty lists from dicts, recursively."""
    if isinstance(obj, dict):
        return {k: clean(v) for k, v in obj.items() if v is not None and v != []}
    if isinstance(obj, list):
        return [clean(v) for v in obj]
    return obj


def write_yaml(relpath, header_lines, doc):
    path = os.path.join(OUT, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = yaml.dump(clean(doc), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110,
                     default_flow_style=False)
    with open(path, 'w') as f:
        for line in header_lines:
            f.write('# ' + line + '\n' if line else '#\n')
        f.write(text)
    print('wrote', path)


def share(x):
    """Round a share for the YAML (keeps 6 decimals; caller makes the last one absorb rounding)."""
    return round(float(x), 6)


def normalise(pairs):
    """pairs: list of (key, weight) -> list of (key, share) rounded to 6 dp, summing exactly to 1."""
    tot = float(sum(float(w) for _, w in pairs))
    out = [(k, round(float(w) / tot, 6)) for k, w in pairs]
    diff = round(1 - sum(s for _, s in out), 6)
    if out and diff:
        i = max(range(len(out)), key=lambda j: out[j][1])
        out[i] = (out[i][0], round(out[i][1] + diff, 6))
    return out
