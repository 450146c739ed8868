#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Generate data/nhs-england/ccg-icb-era/icb/clusters-2025.yaml: the ICB clusters of 2025-26, groups of
integrated care boards run by one leadership team. A cluster is not a legal change: "clustering ICBs
remain separate legal entities with unchanged boundaries, separate financial allocations and legal
duties" (NHS England), so it is recorded as a group (kind icb-cluster, holding no function) that its
boards join, as the PCT clusters of 2011-2013 are, never as a succession.

What is read (../shared/sources/post2024/README.md section 1, each fact with its address): the written
ministerial statement HCWS915 (42 leadership teams to 26), NHS England's pages, and for most clusters
local news only. NHS England's own list of the clusters was not found, so:
- a cluster whose sources are all secondary is `secondary-only` (its answers say so);
- a planned cluster no source confirms has its memberships marked `deduced`;
- South East London and South West London, which were "exploring" clustering, are left out, as are the
  boards that stayed alone (North East and Yorkshire, North West, North East London, Hampshire and Isle
  of Wight, Kent and Medway).
Start: a cluster is not a legal act, so it has no legal start; the date is that of its chair or shared
leadership as the sources give it (1 September 2025, when the first cluster chairs were announced, where
a source gives no other). Clusters whose boards merged on 1 April 2026 end the day before.

Run: /usr/bin/python3 tools/data/icb_clusters.py   (from the repository root)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ccg_common import write_yaml  # noqa: E402

START = '2025-09-01'
MERGED = '2026-04-01'

SOURCES = {
    'wms-2025-09-09-hcws915': dict(
        title='Integrated Care Boards: Running Costs and Boundary Alignment with Strategic Authorities, written'
              ' ministerial statement HCWS915, House of Commons, 9 September 2025',
        url='https://parallelparliament.co.uk/debate/2025-09-09/commons/written-statements/'
            'integrated-care-boards-running-costs-and-boundary-alignment-with-strategic-authorities/ministerial-extracts',
        publisher='UK Parliament (as reproduced by Parallel Parliament)', licence='OPL-3.0',
        note='"a number of ICBs will cluster together to share leadership and functions; clustering ICBs remain'
             ' legally separate organisations with their own financial allocations ... the number of ICB senior'
             ' leadership teams will go from 42 to 26." Names no cluster.'),
    'nhse-integrated-care-in-your-area': dict(
        title='NHS England, Integrated care in your area',
        url='https://www.england.nhs.uk/integratedcare/integrated-care-in-your-area/', publisher='NHS England',
        note='"clustering ICBs remain separate legal entities with unchanged boundaries, separate financial'
             ' allocations and legal duties".'),
    'nhse-east-of-england-changes': dict(
        title='NHS England East of England: Changes to NHS organisations in the East of England',
        url='https://www.england.nhs.uk/east-of-england/ccgs-and-acute-trusts', publisher='NHS England',
        note='"Norfolk and Waveney ICB has clustered with Suffolk, chaired by Will Pope"; "Mid and South Essex ICB is'
             ' working with the geographical areas of north east Essex and west Essex"; Bedfordshire, Luton and'
             ' Milton Keynes, Cambridgeshire and Peterborough and Hertfordshire "have clustered together, chaired'
             ' by Robin Porter".'),
    'mse-essex-joint-committee-2025-11': dict(
        title='NHS Mid and South Essex: Essex joint committee of Hertfordshire and West Essex, Mid and South Essex'
              ' and Suffolk and North East Essex ICBs, 20 November 2025',
        url='https://www.midandsouthessex.ics.nhs.uk/news/essex-joint-committee-20-november-2025/?category=events',
        publisher='Mid and South Essex Integrated Care System'),
    'hlnews-west-midlands-clusters-2025-07': dict(
        title='West Midlands ICBs to form three clusters (Healthcare Leader, 14 July 2025)',
        url='https://healthcareleadernews.com/news/west-midlands-icbs-to-form-three-clusters',
        publisher='Healthcare Leader', secondary=True),
    'hcm-cluster-chairs-2025-09': dict(
        title='ICBs appoint cluster chairs (Healthcare Management, 1 September 2025)',
        url='https://www.healthcare-management.uk/breaking-news-icbs-appoints-cluster-chairs',
        publisher='Healthcare Management', secondary=True,
        note='"Danielle Oum has been confirmed the chair of the new NHS Birmingham, Black Country and Solihull ICB'
             ' cluster"; "Mike Bell will be joint chair for North West London and North Central London ICBs".'),
    'hwics-reset-2025-07': dict(
        title='Herefordshire and Worcestershire ICB reset (1 July 2025)',
        url='https://www.hwics.org.uk/news/latest-news/herefordshire-and-worcestershire-icb-reset',
        publisher='Herefordshire and Worcestershire Integrated Care System'),
    'lichfieldlive-stw-ssot-2025-09': dict(
        title='Health cluster appoints new chief executive (Lichfield Live, 30 September 2025)',
        url='https://lichfieldlive.co.uk/2025/09/30/health-cluster-appoints-new-chief-executive/',
        publisher='Lichfield Live', secondary=True,
        note='Shropshire, Telford and Wrekin with Staffordshire and Stoke-on-Trent: chief executive Simon'
             ' Whitehouse, chair Ian Green.'),
    'hlnews-lnr-cluster-2025-08': dict(
        title='Leicestershire and Northamptonshire ICBs set to cluster (Healthcare Leader, 14 August 2025)',
        url='https://healthcareleadernews.com/news/leicestershire-and-northamptonshire-icbs-set-to-cluster',
        publisher='Healthcare Leader', secondary=True),
    'leicester-cabinet-lnr-chair': dict(
        title='Leicester City Council, cabinet item on the Leicester, Leicestershire and Rutland and'
              ' Northamptonshire ICB cluster (chair Anu Singh)',
        url='https://cabinet.leicester.gov.uk/mgAi.aspx?ID=127381', publisher='Leicester City Council'),
    'hlnews-more-icb-clusters-2025': dict(
        title='More ICBs announce clustering plans (Healthcare Leader, 2025)',
        url='https://healthcareleadernews.com/news/more-icbs-announce-clustering-plans/',
        publisher='Healthcare Leader', secondary=True,
        note='Derby and Derbyshire, Nottingham and Nottinghamshire and Lincolnshire "will \'cluster\' together to'
             ' develop shared teams": a plan of mid-2025; no confirmation was found.'),
    'barnetpost-nwl-ncl-2025-09': dict(
        title='Boss to oversee north London NHS merger named (Barnet Post, 30 September 2025)',
        url='https://barnetpost.co.uk/2025/09/30/boss-to-oversee-north-london-nhs-merger-named',
        publisher='Barnet Post', secondary=True),
    'htn-thames-valley-partners-2025-11': dict(
        title='Future of Frimley and Buckinghamshire, Oxfordshire and Berkshire West ICBs as Thames Valley ICB'
              ' Partners (HTN, 5 November 2025)',
        url='https://htn.co.uk/2025/11/05/future-of-frimley-and-buckinghamshire-oxfordshire-and-berkshire-west-icbs-as-thames-valley-icb-partners',
        publisher='HTN', secondary=True, note='"initial term of six months to March 2026".'),
    'bbc-surrey-sussex-2025': dict(
        title='BBC News: Surrey Heartlands and Sussex ICBs to share a chair and chief executive',
        url='https://feeds.bbci.co.uk/news/articles/ckg6047vx7zo', publisher='BBC News', secondary=True,
        note='"shared chair and chief executive ... from October" (chair Ian Smith).'),
    'tavistock-devon-cluster-chair-2025-09': dict(
        title='New chair appointed to NHS Devon (Tavistock Today, 18 September 2025)',
        url='https://www.tavistock-today.co.uk/news/new-chair-appointed-to-nhs-devon-833480',
        publisher='Tavistock Today', secondary=True,
        note='Chair John Govett of the NHS Devon ICB cluster (Cornwall and the Isles of Scilly with Devon) "from'
             ' September".'),
    'pp-wq-66063-rural-icbs': dict(
        title='Written question 66063, Integrated Care Boards: Rural Areas (House of Commons)',
        url='https://parallelparliament.co.uk/question/66063/integrated-care-boards-rural-areas',
        publisher='UK Parliament (as reproduced by Parallel Parliament)', licence='OPL-3.0',
        note='Bath and North East Somerset, Swindon and Wiltshire, Somerset and Dorset "are preparing to'
             ' \'cluster\' by April 2026".'),
    'hlnews-bnssg-gloucestershire': dict(
        title='Bristol ICB plans to merge with Gloucestershire ICB (Healthcare Leader)',
        url='https://healthcareleadernews.com/news/bristol-icb-plans-to-merge-with-gloucestershire-icb',
        publisher='Healthcare Leader', secondary=True),
}

NATIONAL = ['wms-2025-09-09-hcws915', 'nhse-integrated-care-in-your-area']

# slug, name, members (ICB body id -> part, '' for the whole board), sources, start, deduced (note) or None
CLUSTERS = [
    ('birmingham-black-country-and-solihull', 'NHS Birmingham, Black Country and Solihull ICB cluster',
     {'icb/E54000055': '', 'icb/E54000062': ''}, ['hlnews-west-midlands-clusters-2025-07', 'hcm-cluster-chairs-2025-09'],
     START, None),
    ('coventry-warwickshire-herefordshire-worcestershire',
     'Coventry and Warwickshire and Herefordshire and Worcestershire ICB cluster',
     {'icb/E54000018': '', 'icb/E54000019': ''}, ['hlnews-west-midlands-clusters-2025-07', 'hwics-reset-2025-07'],
     START, None),
    ('shropshire-telford-wrekin-staffordshire-stoke', 'Shropshire, Telford and Wrekin and Staffordshire and'
     ' Stoke-on-Trent ICB cluster', {'icb/E54000011': '', 'icb/E54000010': ''},
     ['hlnews-west-midlands-clusters-2025-07', 'lichfieldlive-stw-ssot-2025-09'], START, None),
    ('leicestershire-northamptonshire', 'Leicester, Leicestershire and Rutland and Northamptonshire ICB cluster',
     {'icb/E54000015': '', 'icb/E54000059': ''}, ['hlnews-lnr-cluster-2025-08', 'leicester-cabinet-lnr-chair'],
     START, None),
    ('derbyshire-nottinghamshire-lincolnshire', 'Derby and Derbyshire, Nottingham and Nottinghamshire and'
     ' Lincolnshire ICB cluster (planned)', {'icb/E54000058': '', 'icb/E54000060': '', 'icb/E54000013': ''},
     ['hlnews-more-icb-clusters-2025'], START,
     'a plan of mid-2025 reported by Healthcare Leader; no source read confirms that the cluster was formed'),
    ('norfolk-waveney-and-suffolk', 'Norfolk and Waveney and Suffolk ICB cluster',
     {'icb/E54000022': '', 'icb/E54000023': 'its Suffolk part'}, ['nhse-east-of-england-changes'], START, None),
    ('essex', 'Essex ICB cluster (Mid and South Essex with north east and west Essex)',
     {'icb/E54000026': '', 'icb/E54000023': 'its north east Essex part', 'icb/E54000025': 'its west Essex part'},
     ['nhse-east-of-england-changes', 'mse-essex-joint-committee-2025-11'], START, None),
    ('bedfordshire-cambridgeshire-hertfordshire', 'Bedfordshire, Luton and Milton Keynes, Cambridgeshire and'
     ' Peterborough and Hertfordshire ICB cluster',
     {'icb/E54000024': '', 'icb/E54000056': '', 'icb/E54000025': 'its Hertfordshire part'},
     ['nhse-east-of-england-changes'], START, None),
    ('north-central-and-north-west-london', 'North Central London and North West London ICB cluster',
     {'icb/E54000028': '', 'icb/E54000027': ''}, ['hcm-cluster-chairs-2025-09', 'barnetpost-nwl-ncl-2025-09'],
     START, None),
    ('thames-valley-icb-partners', 'Thames Valley ICB Partners (Buckinghamshire, Oxfordshire and Berkshire West'
     ' with Frimley)', {'icb/E54000044': '', 'icb/E54000034': ''}, ['htn-thames-valley-partners-2025-11'], START, None),
    ('surrey-heartlands-and-sussex', 'Surrey Heartlands and Sussex ICB cluster',
     {'icb/E54000052': '', 'icb/E54000053': ''}, ['bbc-surrey-sussex-2025'], '2025-10-01', None),
    ('cornwall-and-devon', 'NHS Devon ICB Cluster (Cornwall and the Isles of Scilly with Devon)',
     {'icb/E54000036': '', 'icb/E54000037': ''}, ['tavistock-devon-cluster-chair-2025-09'], START, None),
    ('bsw-somerset-dorset', 'Bath and North East Somerset, Swindon and Wiltshire, Somerset and Dorset ICB cluster',
     {'icb/E54000040': '', 'icb/E54000038': '', 'icb/E54000041': ''}, ['pp-wq-66063-rural-icbs'], START, None),
    ('bnssg-gloucestershire', 'Bristol, North Somerset and South Gloucestershire and Gloucestershire ICB cluster',
     {'icb/E54000039': '', 'icb/E54000043': ''}, ['hlnews-bnssg-gloucestershire'], START, None),
]
# Boards abolished on 1 April 2026 (reorganisation-2026.yaml): a cluster all of whose boards went ends then.
ABOLISHED_2026 = {'icb/E54000022', 'icb/E54000023', 'icb/E54000024', 'icb/E54000025', 'icb/E54000026',
                  'icb/E54000027', 'icb/E54000028', 'icb/E54000034', 'icb/E54000044', 'icb/E54000052',
                  'icb/E54000053', 'icb/E54000056'}


def main():
    bodies, events = [], []
    for slug, name, members, srcs, start, deduced in CLUSTERS:
        bid = 'icb-cluster/' + slug
        secondary = all(SOURCES[s].get('secondary') for s in srcs)
        ended = all(m in ABOLISHED_2026 for m in members)
        note = ('Shared leadership of its boards, which stayed separate statutory bodies with their own areas,'
                ' allocations and duties: no legal effect. Start: %s.' %
                ('the chair and chief executive "from October" 2025' if start != START else
                 'the appointment of its chair or leadership, taken as 1 September 2025, when the first cluster'
                 ' chairs were announced; the cluster has no legal start'))
        if ended:
            note += ' It ended when its boards were abolished on 1 April 2026.'
        body = {'id': bid, 'kind': 'icb-cluster', 'name': name, 'from': start}
        if ended:
            body['to'] = '2026-03-31'
        body['source'] = srcs + NATIONAL
        if secondary:
            body['secondary-only'] = True
        body['note'] = note
        bodies.append(body)
        for member, part in members.items():
            ev = {'id': '%s/join/%s/%s' % (start, slug, member.split('/')[1]), 'date': start, 'kind': 'join',
                  'body': member, 'group': bid, 'source': srcs}
            notes = []
            if part:
                notes.append('The board joined for %s only: the cluster was drawn by geography, not by board.' % part)
            if deduced:
                ev['deduced'] = [member]
                notes.append('Planned, not confirmed: %s.' % deduced)
            if notes:
                ev['note'] = ' '.join(notes)
            events.append(ev)
        if ended:
            events.append({'id': '%s/abolish/%s' % (MERGED, bid), 'date': MERGED, 'kind': 'abolish', 'body': bid,
                           'source': ['nhsd-gp-reg-prac-map-2026-08', 'nhsbsa-icb-mergers-2026'],
                           'note': 'The cluster ended with the abolition of its boards on 1 April 2026.'})
    write_yaml('icb/clusters-2025.yaml', [
        'GENERATED by tools/data/icb_clusters.py; do not edit by hand.',
        'The ICB clusters of 2025-26: groups of boards under one leadership team (no legal effect; the boards stayed',
        'the statutory bodies). NHS England\'s list was not found: each cluster is pieced together from the sources',
        'named, secondary ones marked; planned clusters not confirmed have their memberships marked deduced.'],
        dict(sources=SOURCES, bodies=bodies, events=events))


if __name__ == '__main__':
    main()
