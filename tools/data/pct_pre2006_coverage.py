#!/usr/bin/python3
"""Coverage of the PCTs of 2002 - 30 Sep 2006 in local-authority terms (used by pct_2006_2013.py and pct_pre2006.py).

No source at hand maps each PCT of 2002-2006 to local-authority areas (the establishment orders' Schedules were not
read). What the data can say follows from the 1 Oct 2006 reorganisation:

* London: SI 2006/2072 did not restructure London's 31 PCTs (the Department of Health's list of proposals of
  30 Nov 2005 gives London "No need for consultation"), so each London PCT served before 1 Oct 2006 the borough
  (or boroughs) it served after; written whole, as after.  The three trusts dissolved on 1 Apr 2003 (SI 2003/1066)
  are handled in pct_pre2006.py.
* Other PCTs that continued across 1 Oct 2006 under their old code: the area after 1 Oct 2006 is taken to be the area
  before, unless an order of 1 Oct 2006 changed it (SI 2006/2074 reduced Middlesbrough PCT's area; see MIDDLESBROUGH).
  Deduced, and said so in the note of each entry.
* PCTs abolished on 1 Oct 2006: the trusts merged into (or divided between) the new PCTs together served the new
  PCTs' areas.  Each predecessor (ODS epcmem gives every one, pct_pre2006_epcmem.py) is written for every area its
  successor(s) covered on 2006-10-01, with basis unknown and no share, and a note saying why.  A predecessor so
  listed may not have served every one of those areas.
"""

OCT06 = "2006-10-01"
LAST_OLD = "2006-09-30"

LONDON_SOURCES = ["dh-pct-proposals-2005-11-30", "wikipedia-list-of-pcts"]
SOURCES = {
    "dh-pct-proposals-2005-11-30": {
        "title": "Department of Health: Proposals for Primary Care Trusts approved by the Secretary of State for Health on "
                 "30 November 2005 for consultation (by SHA)",
        "url": "https://docslib.org/doc/11253870/pdf-format-16kb",
        "publisher": "Department of Health (copy on docslib.org)",
        "note": "Lists the options for each SHA; for London: \"No need for consultation\" (London's PCTs were not "
                "restructured in 2006).",
    },
    "wikipedia-list-of-pcts": {
        "title": "Wikipedia: List of primary care trusts in England",
        "url": "https://en.wikipedia.org/wiki/List_of_primary_care_trusts_in_England",
        "publisher": "Wikipedia", "licence": "CC BY-SA",
        "note": "secondary source only. History: in October 2006 all PCTs outside London were restructured, 303 to 152; "
                "London's 31 PCTs were coterminous with the London boroughs.",
    },
}

LONDON_NOTE = ("London's PCTs were not restructured on 1 Oct 2006 (Department of Health, proposals of 30 Nov 2005: "
               "London, no need for consultation; Wikipedia, secondary: coterminous with the boroughs), so the trust "
               "served before 1 Oct 2006 the area it served after.")
CONTINUING_NOTE = ("Deduced: the trust continued across 1 Oct 2006 under its code, and no order changing its area on that "
                   "date was read (SI 2006/2074 changed Middlesbrough's, recorded as a transfer), so its area before is "
                   "taken to be its area after.")

# SI 2006/2074 reduced Middlesbrough PCT's area to the county of Middlesbrough; the rest went to Redcar and Cleveland
# PCT.  Before 1 Oct 2006 it therefore served the whole county of Middlesbrough and a part of Redcar and Cleveland.
MIDDLESBROUGH = {
    "pct/5KM": [
        {"area": "E06000002", "source": ["si-2006-2074"],
         "note": "SI 2006/2074 reduced the trust's area to the county of Middlesbrough from 1 Oct 2006, so the county "
                 "lay wholly in its area before."},
        {"area": "E06000003", "basis": "unknown", "source": ["si-2006-2074", "hansard-2009-02-10-langbaurgh"],
         "note": "The areas SI 2006/2074 took from the trust went to Redcar and Cleveland PCT (\"Langbaurgh PCT merged with "
                 "a part of Middlesbrough PCT\", Hansard 10 Feb 2009): a part of Redcar and Cleveland, of unknown size."},
    ],
}


def on_oct06(entries):
    """The coverage entries of a body that are in force on 1 Oct 2006."""
    return [e for e in entries if str(e["from"]) <= OCT06 <= str(e.get("to", "9999-12-31"))]


def continuing(body_id, london, frm, entries):
    """Coverage before 1 Oct 2006 of a PCT that continued across it: entries for [frm, 2006-09-30]."""
    if frm >= OCT06:
        return []
    if body_id in MIDDLESBROUGH:
        return [dict(e, **{"from": frm, "to": LAST_OLD}) for e in MIDDLESBROUGH[body_id]]
    out = []
    for e in on_oct06(entries):
        n = {k: v for k, v in e.items() if k not in ("from", "to", "source", "note")}
        n["from"], n["to"] = frm, LAST_OLD
        n["source"] = LONDON_SOURCES if london else (e["source"] if isinstance(e["source"], list) else [e["source"]])
        n["note"] = LONDON_NOTE if london else CONTINUING_NOTE
        out.append(n)
    return out


def derived(successors, succ_cov, names, incomplete, placeholders=None):
    """Coverage of an old trust from the areas its 1 Oct 2006 successor(s) covered on that date.

    successors: the new PCTs' ODS codes; succ_cov: code -> coverage entries of the new PCT; names: code -> name;
    incomplete: codes of new PCTs whose recorded predecessor set is not known to be complete; placeholders: code ->
    id of a body standing for the new PCT's predecessors no source names (none since ODS epcmem was read).
    """
    placeholders = placeholders or {}
    out, seen = [], set()
    for code in successors:
        areas = on_oct06(succ_cov.get(code, []))
        if len(areas) > 1 and code in incomplete and code not in placeholders:
            continue   # some of the successor's areas may have been served only by trusts not recorded
        for e in areas:
            if e["area"] in seen:
                continue
            seen.add(e["area"])
            note = ("Derived from the 1 Oct 2006 reorganisation: the trusts merged into (or divided between) %s together "
                    "served its area; which of them served which part is not sourced, so the share is unknown and this "
                    "trust may not have served every area of its successor." % names[code])
            if code in placeholders:
                note += (" Other trusts, not named by any source read, may also have served it; %s stands for them "
                         "(SI 2006/2072's schedules, which list all the predecessors, were not read)." % placeholders[code])
            elif code in incomplete:
                note += (" Other trusts not recorded here may also have served it (SI 2006/2072's schedules, which list all "
                         "the predecessors, were not read).")
            out.append({"area": e["area"], "basis": "unknown", "note": note})
    return out
