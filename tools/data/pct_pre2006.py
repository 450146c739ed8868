#!/usr/bin/python3
"""Generate data/nhs-england/pct-era/pre2006/*.yaml: the PCTs and SHAs of 2002 - 30 Sep 2006 that ended,
the 1 Apr 2003 London dissolutions (SI 2003/1066), the 1 Jul 2006 SHA mergers (SI 2006/1408) and the
1 Oct 2006 PCT reorganisation (SI 2006/2072, SI 2006/2074).

Run from the repository root:  /usr/bin/python3 tools/data/pct_pre2006.py  (ORGLINEAGE_SOURCES names the gathered
sources when the checkout is not beside them).  Run tools/data/pct_2006_2013.py first: this script reads its output.
It reads the research files in ../shared/sources/pre2013 (names, ODS codes and the pages they were read from), ODS
epcmem in ../shared/sources/archive (pct_epcmem.py) and the 2006-2013 PCT list, and writes four YAML files and
tools/data/pct_epcmem_reconciliation.md.  The generated files are committed; the build never runs this script.

Evidence policy:
  * Every PCT and care-trust code of ODS epcmem whose practices' memberships ended between 1 Apr 2002 and
    30 Sep 2006 is one body, with those dates (pct_pre2006_epcmem.py).  A trust the sources named (the list P
    below) keeps its name and its sources; its code is the one printed next to its name (pct_2002_2006_codes.csv,
    or the rows of pct_2002_2006_hansard.csv whose confidence is 'sourced (code, ...'), else the one a table
    derived from epcmem matches to it, and then the body says so (`inferred:`).  Every other code is named as
    that table names it, marked inferred.
  * What a trust passed on is read from its practices (pct_pre2006_epcmem.py): whole to the code they all joined,
    or split by practice counts for the dividing PCTs of SI 2006/2072 art. 1(2) and the trusts SI 2003/1066
    dissolved.  The pages cited for a link (stated or deduced before epcmem was read) stay cited beside it, and
    what they say of a new PCT's whole set (COMPLETE_2006) or count (MERGE_COUNTS) is checked against it in the
    event's note.  SI 2006/2072's schedules (the legal old -> new table) were NOT read.
  * Rows of the shared files that rest on Wikipedia alone are written as trusts only where epcmem holds their
    code; bodies known by name from Wikipedia alone are `secondary-only`.
"""
import csv
import datetime
import glob
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pct_epcmem  # noqa: E402
from pct_pre2006_epcmem import (NAME_IN_DERIVED, add_epcmem_coverage, dates_note, ended_codes, last_pcg,  # noqa: E402
                                matched_note, succession_events, unnamed_code_body, write_reconciliation)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# the gathered sources sit beside the checkout; a worktree elsewhere names them with ORGLINEAGE_SOURCES
SHARED = os.path.join(os.environ.get('ORGLINEAGE_SOURCES') or os.path.normpath(os.path.join(ROOT, '..', 'shared', 'sources')),
                      'pre2013')
DATA = os.path.join(ROOT, 'data', 'nhs-england')
OUT = os.path.join(DATA, 'pct-era', 'pre2006')
SCRIPT = 'tools/data/pct_pre2006.py'

OCT06 = '2006-10-01'
JUL06 = '2006-07-01'
APR03 = '2003-04-01'
PCT_START = '2002-04-01'  # NHS Confederation: PCTs fully established across England in April 2002

LEG = dict(publisher='legislation.gov.uk', licence='OGL-3.0')
HANS = dict(publisher='UK Parliament (Hansard)')

# ---------------------------------------------------------------------------------------------------------
# Sources.  Ids already defined in another file of the dataset are reused, not redefined (checked at run time).
SOURCES = {
    # si-2006-2072 is defined (with what was read of it) by pct_2006_2013.py; this entry is only a fallback.
    'si-2006-2072': dict(title='The Primary Care Trusts (Establishment and Dissolution) (England) Order 2006, SI 2006/2072',
                         url='https://www.legislation.gov.uk/uksi/2006/2072/made', **LEG),
    'si-2006-1408': dict(title='The Strategic Health Authorities (Establishment and Abolition) (England) Order 2006, SI 2006/1408',
                         url='https://www.legislation.gov.uk/uksi/2006/1408/made', **LEG),
    'si-2003-1066': dict(title='The Primary Care Trusts (Dissolutions) Order 2003, SI 2003/1066',
                         url='https://www.legislation.gov.uk/uksi/2003/1066/made', **LEG),
    'si-2006-2074': dict(title='The Middlesbrough Primary Care Trust (Establishment) Amendment Order 2006, SI 2006/2074',
                         url='https://www.legislation.gov.uk/uksi/2006/2074/made', **LEG,
                         note='Made 24 Jul 2006, in force 1 Oct 2006: substitutes "The county of Middlesbrough" as the area of '
                              'Middlesbrough PCT (established by SI 2002/138); the areas no longer covered go to Redcar and '
                              'Cleveland PCT, established by SI 2006/2072 (explanatory note).'),
    'si-2002-553': dict(title='The Health Authorities (Establishment and Abolition) (England) Order 2002, SI 2002/553',
                        url='https://www.legislation.gov.uk/uksi/2002/553/made', **LEG,
                        note='Made 10 Mar 2002, in force 1 Apr 2002: abolishes the old Health Authorities and establishes the new '
                             'Health Authorities of Schedule 1 (the 28 that became Strategic Health Authorities). Schedule 1 '
                             '(names and areas) was not read.'),
    'si-2001-3493': dict(title='The North Liverpool Primary Care Trust (Establishment) Order 2001, SI 2001/3493',
                         url='https://www.legislation.gov.uk/uksi/2001/3493/article/2/made', **LEG,
                         note='Article 2: established with effect from 29 Oct 2001; operational date 1 Apr 2002.'),
    'si-2002-71': dict(title='The South Cambridgeshire Primary Care Trust (Establishment) Order 2002, SI 2002/71',
                       url='https://www.legislation.gov.uk/uksi/2002/71/article/2/made', **LEG,
                       note='Article 2: established with effect from 23 Jan 2002; operational date 1 Apr 2002.'),
    'si-2000-1718': dict(title='The West Norfolk Primary Care Trust (Establishment) Order 2000, SI 2000/1718',
                         url='https://www.legislation.gov.uk/uksi/2000/1718/made', **LEG,
                         note='Made 28 Jun 2000, in force 7 Jul 2000 (read from a mirror, zoomlaw.co.uk).'),
    'si-2000-2576': dict(title='The South Manchester Primary Care Trust (Establishment) Amendment Order 2000, SI 2000/2576',
                         url='https://www.legislation.gov.uk/uksi/2000/2576/made', **LEG,
                         note='Made 21 Sep 2000, in force 1 Oct 2000 (read from a mirror, global-regulation.com); it amends the '
                              'South Manchester PCT (Establishment) Order 2000, whose own number was not seen.'),
    'si-2001-66': dict(title='The Wyre Forest Primary Care Trust (Establishment) Order 2001, SI 2001/66',
                       url='https://www.legislation.gov.uk/uksi/2001/66/made', **LEG,
                       note='Title and number read from a Joint Committee on Statutory Instruments memorandum of 9 Feb 2001; '
                            'the establishment and operational dates were not read.'),
    'nhs-act-1977-s16a': dict(title='National Health Service Act 1977, section 16A (Primary Care Trusts), as inserted by the Health Act 1999',
                              url='https://www.legislation.gov.uk/ukpga/1977/49/section/16A', **LEG,
                              note='PCTs are established for areas in England by order of the Secretary of State; a PCT exercises '
                                   'the Secretary of State\'s health service functions for its area (commissioning).'),
    'nhsconfed-legacy-pcts': dict(title='The legacy of primary care trusts (NHS Confederation, PCT Network, 2012)',
                                  publisher='NHS Confederation',
                                  note='States that PCTs were launched in April 2000 and fully established across the country in April 2002.'),
    'ons-pct2011-ccg2013-lookup': dict(
        title='ONS lookup: Primary Care Trusts (2011) to Clinical Commissioning Groups (2013), with population percentages',
        url='https://geoportal.statistics.gov.uk/', publisher='Office for National Statistics', licence='OGL-3.0',
        note='Read from a copy in the public repository elahmo/dsfood (app/static/csv/ccg2ons.js). Used here only to place an '
             'old trust\'s district inside one 2006 PCT (e.g. NHS Ashford CCG lies in Eastern and Coastal Kent PCT).'),
    # Hansard
    'hansard-2004-02-23-pct-codes': dict(title='House of Commons written answer, 23 February 2004 (cardiac episodes by PCT of residence, with PCT codes)',
                                         url='https://publications.parliament.uk/pa/cm200304/cmhansrd/vo040223/text/40223w66.htm', **HANS),
    'hansard-2004-09-16-surrey-sussex': dict(
        title='House of Commons written statement, 16 September 2004: general practitioners in each PCT of the Surrey and Sussex SHA, 2000-2003 (with PCT codes)',
        url='https://api.parliament.uk/historic-hansard/written_statements/2004/sep/16/general-practitioners', **HANS),
    'hansard-2004-10-04-gp-lists': dict(title='House of Commons written answer, 4 October 2004: the ten PCTs with the highest GP list sizes (with PCT codes)',
                                        url='https://publications.parliament.uk/pa/cm200304/cmhansrd/vo041004/text/41004w53.htm', **HANS),
    'hansard-2004-05-28-blackpool-south': dict(
        title='House of Commons written answer, 28 May 2004: medical staff, Blackpool South (staff by organisation, with PCT and SHA codes)',
        url='https://api.parliament.uk/historic-hansard/written-answers/2004/may/28/medical-staff-blackpool-south', **HANS,
        note='Lists 5HE Fylde PCT and 5HF Wyre PCT under Q13 Cumbria and Lancashire SHA.'),
    'hansard-2004-05-11-bootle': dict(title='House of Commons written answer, 11 May 2004: health services (staff figures including South Sefton PCT)',
                                      url='https://api.parliament.uk/historic-hansard/written-answers/2004/may/11/health-services', **HANS),
    'hansard-2006-06-08-wirral': dict(title='House of Commons written answer, 8 June 2006: NHS finance (Bebington and West Wirral PCT, Birkenhead and Wallasey PCT)',
                                      url='https://hansard.parliament.uk/Commons/2006-06-08/debates/06060913000196/NHSFinance', **HANS),
    'hansard-2006-07-13-sha-finance': dict(
        title='House of Commons written answer, 13 July 2006, Table 1: 2004-05 audited year-end financial position for the 28 strategic health authorities',
        url='https://publications.parliament.uk/pa/cm200506/cmhansrd/vo060713/text/60713w0028.htm', **HANS),
    'hansard-2006-07-24-pfi': dict(
        title='House of Commons written answer, 24 July 2006: PFI schemes over 10 million pounds by strategic health authority and NHS trust',
        url='https://publications.parliament.uk/pa/cm200506/cmhansrd/vo060724/text/60724w0091.htm', **HANS,
        note='Lists among the scheme sponsors Royston, Buntingford and Bishop Stortford PCT (East of England), Guildford and Waverley '
             'PCT (South East Coast), Newbury and Community PCT (South Central) and Mid Devon PCT (South West).'),
    'hansard-lords-2006-10-05-longridge': dict(
        title='House of Lords written answers, October 2006: NHS: Longridge Primary Care Trust (HL7215, HL7216)',
        url='https://hansard.parliament.uk/debates/GetDebateAsText/0610054000108', **HANS,
        note='Longridge (in Preston PCT) was included in the new East Lancashire PCT; management of Longridge Community Hospital '
             'rests with the new Central Lancashire PCT.'),
    'hansard-2006-10-26-south-petherton': dict(title='House of Commons written answer, 26 October 2006: South Petherton Hospital (the former South Somerset PCT and the new Somerset PCT)',
                                               url='https://hansard.parliament.uk/Commons/2006-10-26/debates/0610277000039/SouthPethertonHospital', **HANS),
    'hansard-2007-05-03-mid-essex': dict(title='House of Commons written answer, 3 May 2007: Mid-Essex Primary Care Trust',
                                         url='https://hansard.parliament.uk/Commons/2007-05-03/debates/07050384000134/Mid-EssexPrimaryCareTrust', **HANS,
                                         note='"Mid-Essex PCT was formed on 1 October 2006 from a complete merger of Chelmsford PCT, Maldon and South '
                                              'Chelmsford PCT and Wa[it]ham, Braintree and Halstead care trust" (footnote; the answer misspells Witham).'),
    'hansard-2008-09-01-cumbria': dict(title='House of Commons written answer, 1 September 2008: Health Services: Cumbria (spending by Cumbria PCT and its predecessor organisations)',
                                       url='https://hansard.parliament.uk/Commons/2008-09-01/debates/08090235000131/HealthServicesCumbria', **HANS,
                                       note='Predecessor organisations listed: Carlisle and District PCT, Eden Valley PCT, West Cumbria PCT, Morecambe '
                                            'Bay PCT (with spending from 2001-02), and the Cumbria and Lancashire SHA.'),
    'hansard-2008-09-01-hes-sha-codes': dict(title='House of Commons written answer, 1 September 2008: hospital episode statistics by strategic health authority of residence (with SHA codes)',
                                             url='https://publications.parliament.uk/pa/cm200708/cmhansrd/cm080901/text/80901w0078.htm', **HANS,
                                             note='Prints the codes Q12-Q28 next to the names of the 2002-2006 SHAs (the stored copy starts at Q12).'),
    'hansard-2008-10-15-derbyshire': dict(title='House of Commons written answer, 15 October 2008: Health Professions: Manpower (Chesterfield, Derbyshire)',
                                          url='https://hansard.parliament.uk/Commons/2008-10-15/debates/0810164000037/HealthProfessionsManpower', **HANS,
                                          note='"In 2006 Amber Valley PCT, Chesterfield PCT, Derbyshire Dales and South Derbyshire PCT, Erewash PCT, High '
                                               'Peak and Dales PCT and North Eastern Derbyshire PCT merged to form Derbyshire County PCT" (footnote).'),
    'hansard-2008-11-05-cambridgeshire': dict(title='House of Commons written answer, 5 November 2008: Doctors: Cambridgeshire',
                                              note='Note 2: "Peterborough PCT was created on 1 October 2006 from a complete merger '
                                                   'of North Peterborough PCT and a part merger of South Peterborough PCT '
                                                   '(Peterborough part). Cambridgeshire PCT was created on 1 October 2006 from a '
                                                   'complete merger of Cambridge City PCT, East Cambridgeshire and Fenland PCT, '
                                                   'Huntingdonshire PCT, South Cambridgeshire PCT and with a part merger of South '
                                                   'Peterborough PCT (Cambridgeshire elements)."',
                                              url='https://hansard.parliament.uk/Commons/2008-11-05/debates/08110569000016/DoctorsCambridgeshire', **HANS),
    'hansard-2009-01-27-hampshire': dict(title='House of Commons written answer, 27 January 2009: administration costs of Hampshire PCT and its predecessors (with PCT codes)',
                                         url='https://publications.parliament.uk/pa/cm200809/cmhansrd/cm090127/text/90127w0032.htm', **HANS,
                                         note='Gives 5G6, 5DF, 5E9 and 5FD as predecessors of Hampshire PCT 5QC; the stored copy stops at "5LY".'),
    'hansard-2009-02-10-langbaurgh': dict(title='House of Commons written answer, 10 February 2009: Heart Diseases (Teesside PCTs)',
                                          url='https://hansard.parliament.uk/Commons/2009-02-10/debates/09021036000027/HeartDiseases', **HANS,
                                          note='"Langbaurgh PCT merged with a part of Middlesbrough PCT and became Redcar and Cleveland PCT".'),
    'hansard-2009-05-20-doncaster': dict(title='House of Commons written answer, 20 May 2009: Dental Services: South Yorkshire',
                                         url='https://hansard.parliament.uk/Commons/2009-05-20/debates/09052054000008/DentalServicesSouthYorkshire', **HANS),
    'hansard-2009-07-20-wakefield': dict(title='House of Commons written answer, 20 July 2009 (Wakefield District PCT and its predecessors)',
                                         url='https://publications.parliament.uk/pa/cm200809/cmhansrd/cm090720/text/90720w0063.htm', **HANS),
    'hansard-2010-01-06-gloucester': dict(title='House of Commons written answer, 6 January 2010: NHS: Gloucester',
                                          url='https://hansard.parliament.uk/Commons/2010-01-06/debates/1001071000174/NHSGloucester', **HANS,
                                          note='"Gloucestershire PCT was formed in October 2006 from a complete merger of Cheltenham and Tewkesbury PCT, '
                                               'Cotswold and Vale PCT, and West Gloucestershire PCT" (footnote).'),
    'hansard-2010-03-15-manchester': dict(title='House of Commons written answer, 15 March 2010: Doctors and Nurses: Greater Manchester',
                                          url='https://hansard.parliament.uk/Commons/2010-03-15/debates/10031523000010/DoctorsAndNursesGreaterManchester', **HANS,
                                          note='"Manchester PCT was created on 1 October 2006 following a merger of Central Manchester PCT, North '
                                               'Manchester PCT and South Manchester PCT" (note 1).'),
    # Trusts' own papers and news reports (secondary to the orders, which were not read)
    'yumpu-leicester-city-pct-ar-2006-07': dict(title='Leicester City PCT, annual report 2006-07 (copy on yumpu.com)',
                                                note='"The Annual Report and Summary Financial Statements of Leicester City Primary '
                                                     'Care Trust (incorporating Eastern Leicester Primary Care Trust and Leicester '
                                                     'City West Primary Care Trust)"; "both of the predecessor PCTs".',
                                                url='https://www.yumpu.com/en/document/view/45042042/our-staff-leicestershire-and-rutland',
                                                publisher='Leicester City PCT'),
    'west-norfolk-pct-ar-2005-06': dict(title='West Norfolk PCT, annual report 2005-06 (copy on fdocuments.in)',
                                        url='https://fdocuments.in/document/west-norfolk-pct.html', publisher='West Norfolk PCT',
                                        note='The PCT "is abolished at the end of September and becomes part of Norfolk PCT"; it says the PCT was '
                                             'established in October 2000.'),
    'hinckley-bosworth-pct-doc': dict(title='Hinckley and Bosworth PCT document (copy on docslib.org)',
                                      url='https://docslib.org/doc/897327/pct-hinckley-bosworth', publisher='Hinckley and Bosworth PCT'),
    'bbc-5396350': dict(title='BBC News, 1 Oct 2006: NHS trusts merge in Bristol and Gloucestershire (story 5396350)',
                        url='http://news.bbc.co.uk/2/hi/uk_news/england/bristol/somerset/5396350.stm', publisher='BBC News',
                        note='"Bristol\'s two NHS health care trusts have merged to become one operation from Sunday. The Bristol '
                             'Primary Care Trust has taken over from Bristol South and West and Bristol North PCT."'),
    'bbc-4903210': dict(title='BBC News, 12 April 2006: Bigger health authority for east (story 4903210)',
                        url='http://news.bbc.co.uk/2/hi/uk_news/england/4903210.stm', publisher='BBC News',
                        note='Read from a mirror (bbctodays.pages.dev). Cambs, Norfolk and Suffolk SHA to include Essex, Beds and Herts; '
                             'Buckinghamshire in a South Central SHA with Hampshire (including the Isle of Wight), Oxfordshire and Berkshire.'),
    'bbc-5136442': dict(title='BBC News, 1 July 2006: NHS authority merged to cut costs (story 5136442)',
                        url='http://news.bbc.co.uk/2/hi/uk_news/england/devon/5136442.stm', publisher='BBC News',
                        note='Read from a mirror (bbctodays.pages.dev). "NHS South West replaces the Strategic Health Authorities for Avon, '
                             'Gloucestershire and Wiltshire; Dorset and Somerset; and South West Peninsula."'),
    'bbc-4720219': dict(title='BBC News, 27 July 2005: Healthcare Commission ratings, southern counties (story 4720219)',
                        url='http://news.bbc.co.uk/1/hi/england/southern_counties/4720219.stm', publisher='BBC News',
                        note='Read from a mirror (bbctodays.pages.dev).'),
    'bbc-3910603': dict(title='BBC News, July 2004: PCT star ratings in Devon and Cornwall (story 3910603)',
                        url='http://news.bbc.co.uk/2/hi/uk_news/england/devon/3910603.stm', publisher='BBC News',
                        note='Read from a mirror (bbctodays.pages.dev).'),
    'guardian-2004-07-21-nhs5': dict(title='The Guardian, 21 July 2004: NHS star ratings, three-star primary care trusts',
                                     url='http://www.guardian.co.uk/society/2004/jul/21/NHS5', publisher='The Guardian'),
    'echo-news-955467': dict(title='Echo (Basildon), 2006: Rising to the challenge (story 955467)',
                             url='http://www.echo-news.co.uk/news/955467.Rising_to_the_challenge/', publisher='Echo',
                             note='"From October 1 Southend and Castle Point and Rochford PCTs became one organisation" (South East '
                                  'Essex PCT); "Basildon PCT merges with Brentwood, Billericay and Wickford and Thurrock PCTs to '
                                  'create the South West Essex PCT"; "the number of PCTs serving Essex has been reduced from 13 to '
                                  'just five".'),
    'eadt-7470122': dict(title='East Anglian Daily Times: Essex PCT shake-up "illogical" - GPs (7470122)',
                         url='https://www.eadt.co.uk/sport/essex-pct-shake-up-illogical-gp-s-7470122', publisher='East Anglian Daily Times',
                         note='"In Essex, there will be five PCTs instead of the current 13"; "Tendring PCT and Colchester PCT, which '
                              'will merge to form the new North East Essex PCT".'),
    'eadt-7466238': dict(title='East Anglian Daily Times: Council backs single PCT plan (7466238)',
                         url='https://www.eadt.co.uk/news/council-backs-single-pct-plan-7466238', publisher='East Anglian Daily Times',
                         note='"There are currently five PCTS in the county, at Suffolk West, Ipswich, Suffolk Coastal, Suffolk '
                              'Central and Waveney".'),
    'eadt-7470012': dict(title='East Anglian Daily Times, 2006: PCT wins breakaway fight (7470012)',
                         url='https://www.eadt.co.uk/news/pct-wins-breakaway-fight-7470012', publisher='East Anglian Daily Times',
                         note='The Health Secretary backed three PCTs across Norfolk and Suffolk: Suffolk, Norfolk, and Great Yarmouth and '
                              'Waveney (Waveney PCT to merge with Great Yarmouth PCT).'),
    'royston-crow-7665076': dict(title='Royston Crow, 2006: A strategic move in NHS shake-up (7665076)',
                                 url='https://www.royston-crow.co.uk/news/a-strategic-move-in-nhs-shake-up-7665076', publisher='Royston Crow'),
    'borehamwoodtimes-765425': dict(title='Borehamwood Times: Hertsmere PCT to go in NHS shake-up (765425)',
                                    url='https://www.borehamwoodtimes.co.uk/news/765425.hertsmere-pct-to-go-in-nhs-shake-up/',
                                    publisher='Borehamwood Times',
                                    note='Hertsmere PCT "will be merged with St Albans and Harpenden PCT, Dacorum PCT and the Watford '
                                         'and Three Rivers PCT to create West Hertfordshire PCT"; "The eight currently in the county '
                                         'will be reduced to two."'),
    'telegraphandargus-948363': dict(title='Telegraph and Argus (Bradford): Health trust pledge to benefit patients (948363)',
                                     url='https://www.thetelegraphandargus.co.uk/news/948363.health-trust-pledge-to-benefit-patients/',
                                     publisher='Telegraph and Argus'),
    'telegraphandargus-763087': dict(title='Telegraph and Argus (Bradford), 2006: Shake-up heralds new era in health (763087)',
                                     url='https://www.thetelegraphandargus.co.uk/news/763087.shake-up-heralds-new-era-in-health/',
                                     publisher='Telegraph and Argus',
                                     note='"From October 1, the four primary care trusts serving Bradford and Airedale ... will be replaced '
                                          'by just one organisation for the entire district", Bradford and Airedale Teaching PCT.'),
    'telegraphandargus-763842': dict(title='Telegraph and Argus (Bradford), 2006: NHS pledge to staff (763842)',
                                     url='http://www.thetelegraphandargus.co.uk/news/local/localbrad/763842.NHS_pledge_to_staff/',
                                     publisher='Telegraph and Argus',
                                     note='"From October 1, Airedale, North Bradford, South and West and City Primary Care Trusts will cease '
                                          'to exist", replaced by Bradford and Airedale Teaching PCT; the PCTs of the region cut from 15 to five.'),
    'northernecho-7146816': dict(title='The Northern Echo, 2005: Primary care trust merger planned (7146816)',
                                 url='http://www.thenorthernecho.co.uk/news/7146816.primary-care-trust-merger-planned/',
                                 publisher='The Northern Echo',
                                 note='Plans to merge the four North Yorkshire PCTs into one authority covering the whole of North '
                                      'Yorkshire and the city of York (the four are not named).'),
    'savebridlingtonhospital-0105': dict(title='Save/Support Bridlington Hospital campaign: Yorkshire Wolds & Coast PCT debt timeline (news 0105)',
                                         url='https://savebridlingtonhospital.co.uk/news/0105.html',
                                         publisher='savebridlingtonhospital.co.uk (community campaign site)',
                                         note='Weak, secondary. "April 2001: Yorkshire Wolds & Coast Primary Care Trust (PCT) inherit '
                                              '1.1m debt from the now-defunct Hull & East Riding Community Health Trust"; the PCT\'s '
                                              'review of Withernsea, Hornsea, Driffield (Alfred Bean) and Bridlington hospitals, 2004-05.'),
    'savebridlingtonhospital-0104': dict(title='Save/Support Bridlington Hospital campaign: Yorkshire Wolds & Coast PCT deficit confirmed (news 0104)',
                                         url='https://savebridlingtonhospital.co.uk/news/0104.html',
                                         publisher='savebridlingtonhospital.co.uk (community campaign site)',
                                         note='Weak, secondary. The Yorkshire Wolds & Coast Primary Care Trust confirmed a deficit of '
                                              '6.25m (about 2004-05).'),
    'edp24-7580100': dict(title='Eastern Daily Press, 2006: Hoping to win the trust of patients (7580100)',
                          url='https://www.edp24.co.uk/lifestyle/hoping-to-win-the-trust-of-patients-7580100',
                          publisher='Eastern Daily Press',
                          note='The new Norfolk PCT from 1 Oct 2006; the chief executive of the outgoing West Norfolk PCT was the '
                               '"transitional lead" charged with "moulding five into one".'),
    'cravenherald-1406662': dict(title='Craven Herald: Health trust under fire (1406662)',
                                 url='https://cravenherald.co.uk/news/1406662.health-trust-under-fire', publisher='Craven Herald'),
    'telegraphandargus-8006827': dict(title='Telegraph and Argus: Trust reveals health care vision for Craven (8006827)',
                                      url='http://www.thetelegraphandargus.co.uk/news/8006827.Trust_reveals_health_care_vision_for_Craven/',
                                      publisher='Telegraph and Argus'),
    'examiner-5058756': dict(title='Huddersfield Examiner, 2006: Health merger aims to fund help (5058756)',
                             url='http://www.examiner.co.uk/news/west-yorkshire-news/health-merger-aims-fund-help-5058756',
                             publisher='Huddersfield Examiner',
                             note='West Yorkshire SHA to be merged with other authorities into one covering Yorkshire, North Lincolnshire '
                                  'and North East Lincolnshire; a single Kirklees PCT proposed from South Huddersfield, Huddersfield Central '
                                  'and North Kirklees PCTs.'),
    'hsj-21746': dict(title='Health Service Journal: Starters orders (21746)', url='https://www.hsj.co.uk/home/starters-orders/21746.article',
                      publisher='Health Service Journal'),
    'hsj-18751': dict(title='Health Service Journal, 2004: Curtain up on health investment in capital of culture (18751)',
                      url='https://www.hsj.co.uk/home/curtain-up-on-and1631bn-health-investment-in-capital-of-culture/18751.article',
                      publisher='Health Service Journal'),
    'kentonline-a26201': dict(title='KentOnline, 29 September 2006: New lease of life for Primary Care Trust',
                              url='https://www.kentonline.co.uk/kent/news/amp/new-lease-of-life-for-primary-ca-a26201/', publisher='KentOnline',
                              note='"The Eastern and Coastal Kent Primary Care Trust replaces Swale Primary Care Trust as well as four others in '
                                   'the east of the county."'),
    'kentonline-a20534': dict(title='KentOnline, 30 September 2005: Shake-up to cut Kent\'s primary care trusts by two-thirds',
                              url='https://premium.kentonline.co.uk/kent/news/shake-up-to-cut-kents-primary-c-a20534', publisher='KentOnline',
                              note='"nine primary care trusts slimmed down to just three" (the proposal: one for Canterbury, '
                                   'Dover, Shepway, Swale and Thanet, one for Ashford, Dartford, Gravesham, Maidstone, Sevenoaks, '
                                   'Tonbridge and Malling and Tunbridge Wells, one for Medway).'),
    'kentonline-a24193': dict(title='KentOnline, 19 May 2006: Huge health shake-up details finalised',
                              url='https://www.kentonline.co.uk/kent/news/amp/huge-health-shake-up-details-fin-a24193/', publisher='KentOnline',
                              note='Three PCTs across Kent and Medway from 1 October (West Kent, Medway Teaching, Eastern and Coastal Kent '
                                   'Teaching); the Kent and Medway SHA to merge with Surrey and Sussex to form the South East Coast SHA on 1 July.'),
    'kentonline-a9301': dict(title='KentOnline, July 2003: Hospital trust shamed with zero (first PCT ratings)',
                             url='https://premium.kentonline.co.uk/maidstone/news/hospital-trust-shamed-with-zero-a9301', publisher='KentOnline'),
    'kentonline-a19906': dict(title='KentOnline, 2005: Future of primary care trusts under threat',
                              url='https://kentonline.co.uk/kent/news/future-of-primary-care-trusts-un-a19906/', publisher='KentOnline',
                              note='"some primary care trusts may have to join forces, even though the nine that serve Kent were only '
                                   'set up in 2002" (Kent and Medway SHA review of 2005).'),
    'eadt-7453486': dict(title='East Anglian Daily Times, 2005: Health shake-up could cost jobs (7453486)',
                         url='https://www.eadt.co.uk/news/health/health-shake-up-could-cost-jobs-7453486', publisher='East Anglian Daily Times',
                         note='"Essex Strategic Health Authority (SHA) wants to axe the existing 13 primary care trusts that serve Essex".'),
    'eadt-7453864': dict(title='East Anglian Daily Times, 2005: County\'s health trusts set for merger (7453864)',
                         url='https://www.eadt.co.uk/news/county-s-health-trusts-set-for-merger-7453864', publisher='East Anglian Daily Times',
                         note='"There are currently five primary care trusts in Suffolk - Suffolk West, Waveney, Central Suffolk, '
                              'Suffolk Coastal and Ipswich."'),
    'ipswichstar-7455912': dict(title='Ipswich Star, 2005: New shape to health services (7455912)',
                                url='https://www.ipswichstar.co.uk/news/new-shape-to-health-services-7455912', publisher='Ipswich Star',
                                note='The Department of Health\'s options: one PCT for the whole of Suffolk, or "one for all of Suffolk '
                                     'except Waveney and then a separate Great Yarmouth and Waveney PCT".'),
    'gponline-588453': dict(title='GP online, 2006: PCT numbers halved in bid to save 250m (588453)',
                            url='https://www.gponline.com/pct-numbers-halved-bid-save-250m/article/588453', publisher='GP (gponline.com)',
                            note='PCTs cut from 303 to 152, formally established in October 2006; "In Hampshire, seven trusts are to '
                                 'merge into a single organisation."'),
    'wiltshiretimes-969450': dict(title='Wiltshire Times, Oct 2006: PCT rated among worst in country (969450)',
                                  url='https://wiltshiretimes.co.uk/news/969450.pct-rated-among-worst-in-country',
                                  publisher='Wiltshire Times',
                                  note='"Earlier this month the Kennet and North Wiltshire PCT merged with West Wiltshire and South '
                                       'Wiltshire PCTs, to form a Wiltshire PCT."'),
    'examiner-14100410': dict(title='Huddersfield Examiner, 2018: Local health boards unite (14100410)',
                              url='http://www.examiner.co.uk/news/health/local-health-boards-unite-board-14100410',
                              publisher='Huddersfield Examiner',
                              note='"Previously there had been three - the Huddersfield Central, South Huddersfield and North '
                                   'Kirklees PCT - which ran until 2006 when they merged together".'),
    'bromsgroveadvertiser-996794': dict(title='Bromsgrove Advertiser, Oct 2006: Health care past, present and future (996794)',
                                        url='http://www.bromsgroveadvertiser.co.uk/news/banewsletters/display.var.996794.0.health_care_past_present_and_future.php',
                                        publisher='Bromsgrove Advertiser',
                                        note='"THE Redditch and Bromsgrove Primary Care Trust has now been consigned to history"; "We now '
                                             'have the new Worcestershire Primary Care Trust".'),
    'worcesternews-7836063': dict(title='Worcester News, 2006: Council no to PCT merger (7836063)',
                                  url='https://worcesternews.co.uk/news/7836063.council-no-to-pct-merger', publisher='Worcester News',
                                  note='Redditch councillors vote against the plans to merge Redditch and Bromsgrove PCT with other trusts.'),
    'worcesternews-6538073': dict(title='Worcester News, 2006: Consult over the health changes (letter, 6538073)',
                                  url='http://www.worcesternews.co.uk/news/6538073.consult-over-the-health-changes/',
                                  publisher='Worcester News',
                                  note='Argues for "retaining the South Worcestershire PCT and formalising the amalgamation of the Wyre '
                                       'Forest and the Redditch and Bromsgrove PCTs into a North Worcestershire PCT".'),
    'wyreforest-dc-2006-02-16': dict(title='Wyre Forest District Council, Cabinet 16 Feb 2006: Ensuring a Patient-Led NHS - Consultations (agenda item 8.2)',
                                     url='https://docslib.org/doc/1756127/sandwell-metropolitan-borough-council',
                                     publisher='Wyre Forest District Council (copy on docslib.org)',
                                     note='Recommends option 2 for West Midlands South, "merging Wyre Forest PCT, Redditch & Bromsgrove PCT '
                                          'and South Worcestershire PCT into a single Worcestershire PCT and, similarly, in Warwickshire, '
                                          'creating a Warwickshire PCT but leaving Herefordshire PCT and Coventry PCT as at present".'),
    'lords-st-2003-evidence-q653': dict(
        title='House of Lords Select Committee on Science and Technology, session 2002-03 (23-xiv), minutes of evidence, Q653',
        url='http://www.publications.parliament.uk/pa/ld200203/ldselect/ldsctech/23-xiv/3031802.htm', **HANS,
        note='"My name is Shaun Brogan. I am the Chief Executive of the Vale of Aylesbury Primary Care Trust (PCT). We have 195,000 '
             'population, budget of around £130 million and we come from Aylesbury in Buckinghamshire."'),
    'yorkpress-7974166': dict(title='The Press (York), 2005: Vision unveiled for NHS across York and N Yorks (7974166)',
                              url='https://www.yorkpress.co.uk/news/7974166.vision-unveiled-for-nhs-across-york-and-n-yorks/',
                              publisher='The Press (York)',
                              note='"the four primary care trusts (PCTs) in the region": Selby and York PCT, Craven, Harrogate and '
                                   'Rural PCT, Hambleton and Richmondshire, and Scarborough, Whitby and Ryedale; the proposal "for '
                                   'one organisation to cover North Yorkshire and the city of York".'),
    'yorkpress-779046': dict(title='The Press (York), 2006: Out of touch (letter, 779046)',
                             url='https://yorkpress.co.uk/news/779046.out-of-touch', publisher='The Press (York)',
                             note='"As a former member of the Selby and York Primary Care Trust (PCT)"; "the creation of one large '
                                  'PCT covering the whole of North Yorkshire".'),
    'yorkpress-7892934': dict(title='The Press (York), 2004: Health chiefs in vote appeal (7892934)',
                              url='https://yorkpress.co.uk/news/7892934.health-chiefs-in-vote-appeal', publisher='The Press (York)',
                              note='Jeremy Clough, "chief executive of Selby and York Primary Care Trust".'),
    'northernecho-7156537': dict(title='The Northern Echo, 2006: Outlining role of new PCT (7156537)',
                                 url='https://thenorthernecho.co.uk/news/7156537.outlining-role-new-pct', publisher='The Northern Echo',
                                 note='Michael Whitworth, chief executive of Scarborough, Whitby and Ryedale PCT: the new North '
                                      'Yorkshire-wide PCT, "which will also cover York, will replace four existing PCTs".'),
    'northernecho-7151192': dict(title='The Northern Echo, 2005: Health trust trying to cut costs (7151192)',
                                 url='https://www.thenorthernecho.co.uk/news/7151192.health-trust-trying-cut-costs/',
                                 publisher='The Northern Echo',
                                 note='Scarborough, Whitby and Ryedale PCT: its first deficit "since it was created in 2002-2003".'),
    'theargus-6812560': dict(title='The Argus (Brighton), 2006: Health trust mergers condemned by MPs (6812560)',
                             url='https://www.theargus.co.uk/news/6812560.health-trust-mergers-condemned-by-mps/', publisher='The Argus',
                             note='"Sussex\'s ten primary care trusts will be merged into four": Brighton and Hove City, Hastings and Rother, East '
                                  'Sussex Downs and Weald, West Sussex.'),
    'bexhillobserver-2435539': dict(title='Bexhill Observer, 2006: Health plans thwarted',
                                    url='https://www.bexhillobserver.net/news/health-plans-thwarted-2435539', publisher='Bexhill Observer',
                                    note='"Hastings and St Leonards and Bexhill and Rother PCTs would merge to become Hastings and Rother PCT".'),
    'bexhillobserver-2435908': dict(title='Bexhill Observer, 2006: "Money siphoned off" in health changes',
                                    url='https://www.bexhillobserver.net/news/money-siphoned-off-in-health-changes-2435908', publisher='Bexhill Observer',
                                    note='Names the four East Sussex PCTs: Bexhill and Rother, Eastbourne Downs, Hastings and St Leonards, Sussex Downs '
                                         'and Weald.'),
    'yourlocalguardian-1005865': dict(title='Your Local Guardian, 2006: We need fewer hospitals, says PCT (Surrey PCT formed on 1 October)',
                                      url='https://yourlocalguardian.co.uk/news/1005865.we-need-fewer-hospitals-says-pct', publisher='Your Local Guardian'),
    'rattlechain-sandwell-pct': dict(title='What lies beneath Rattlechain Lagoon: Sandwell PCT',
                                     url='http://www.whatliesbeneathrattlechainlagoon.org.uk/?page_id=2427',
                                     publisher='whatliesbeneathrattlechainlagoon.org.uk (community campaign site)',
                                     note='Weak, secondary: "formed in October 2006 following the merger of three Primary Care Trusts: Oldbury & '
                                          'Smethwick, Rowley Regis & Tipton and Wednesbury & West Bromwich".'),
    'gazetteandherald-7257862': dict(title='Gazette and Herald (Wiltshire): Health bosses face 8.7m overspend (7257862)',
                                     url='https://gazetteandherald.co.uk/news/7257862.health-bosses-face-87m-overspend', publisher='Gazette and Herald'),
    'gazetteandherald-7312458': dict(title='Gazette and Herald (Wiltshire), 2003: Zero leaves trust progress unsung (7312458)',
                                     url='https://gazetteandherald.co.uk/news/7312458.zero-leaves-trust-progress-unsung', publisher='Gazette and Herald'),
    'lancashiretelegraph-5976343': dict(title='Lancashire Telegraph: Care trust starts (5976343)',
                                        url='https://lancashiretelegraph.co.uk/news/5976343.care-trust-starts', publisher='Lancashire Telegraph'),
    'lancashiretelegraph-5977210': dict(title='Lancashire Telegraph: New primary care trust launching (5977210)',
                                        url='https://lancashiretelegraph.co.uk/news/5977210.new-primary-care-trust-launching', publisher='Lancashire Telegraph'),
    'chesterchronicle-5296057': dict(title='Chester Chronicle: Care trust fails to keep three stars (5296057)',
                                     url='https://www.chesterchronicle.co.uk/news/chester-cheshire-news/care-trust-fails-keep-three-5296057',
                                     publisher='Chester Chronicle'),
    'chesterchronicle-5260562': dict(title='Chester Chronicle, 2006: HQ to bring streamlined NHS together (NHS North West from 1 July)',
                                     url='https://www.chesterchronicle.co.uk/news/chester-cheshire-news/hq-bring-streamlined-nhs-together-5260562',
                                     publisher='Chester Chronicle',
                                     note='"The new HQ for the NHS in the region brings together the current Cheshire and Merseyside, Cumbria and '
                                          'Lancashire and Greater Manchester strategic health authorities".'),
    'birminghampost-3984584': dict(title='Birmingham Post, 2006: Authorities to become one body for region',
                                   url='https://www.birminghampost.co.uk/news/local-news/authorities-become-one-body-region-3984584',
                                   publisher='Birmingham Post',
                                   note='Birmingham and the Black Country, Shropshire and Staffordshire, and West Midlands South SHAs to merge into '
                                        'the West Midlands SHA from 1 July.'),
    'oxfordmail-943605': dict(title='Oxford Mail, 2006: New era beckons for primary healthcare in county (943605)',
                              url='https://oxfordmail.co.uk/news/943605.new-era-beckons-primary-healthcare-county', publisher='Oxford Mail'),
    'oxfordmail-773137': dict(title='Oxford Mail: Health trusts to be merged in shake-up (773137)',
                              url='https://www.oxfordmail.co.uk/videos/general/773137.health-trusts-to-be-merged-in-shake-up/', publisher='Oxford Mail',
                              note='"All of the county\'s health services will be delivered by Oxfordshire Primary Care Trust from '
                                   'October 1. At the moment, health services are delivered by five PCTs Oxford City, Cherwell '
                                   'Vale, South East, South West, and North East Oxfordshire PCTs."'),
    'harboroughmail-4689578': dict(title='Harborough Mail: So who exactly runs our health services?',
                                   url='http://www.harboroughmail.co.uk/news/health/so-who-exactly-runs-our-health-services-1-4689578',
                                   publisher='Harborough Mail'),
    'worcesternews-7801174': dict(title='Worcester News: star ratings for Worcestershire trusts (7801174)',
                                  url='http://www.worcesternews.co.uk/news/7801174.well-done-mental-health-service-goes-from-zero-to-hero-but-royal-is-still-a-one-star-hospital/',
                                  publisher='Worcester News'),
    'worcesternews-7728765': dict(title='Worcester News, 2001: Health change go-ahead (7728765)',
                                  url='https://worcesternews.co.uk/news/7728765.health-change-go-ahead', publisher='Worcester News',
                                  note='The new body "will be named Coventry, Warwickshire, Herefordshire and Worcestershire Strategic Health '
                                       'Authority"; 28 authorities replace 99, in force in April 2002.'),
    'northernecho-7089791': dict(title='The Northern Echo, 2002: Shake-up of health power confirmed (7089791)',
                                 url='https://www.thenorthernecho.co.uk/news/7089791.shake-up-health-power-confirmed/', publisher='The Northern Echo',
                                 note='County Durham and Tees Valley SHA, Northumberland, Tyne and Wear SHA and North and East Yorkshire and '
                                      'Northern Lincolnshire SHA take over in April 2002; the changes take legal effect in October.'),
    'cluster-thenorthernecho-co-uk-news-health-nhsne-10320524-yasmin-chau': dict(
        title='The Northern Echo: Yasmin Chaudhry, chief executive of County Durham and Darlington PCTs, looks back (10320524)',
        url='https://thenorthernecho.co.uk/news/health/nhsne/10320524', publisher='The Northern Echo',
        note='"In 2006 ... two PCTs were created in our region, joining together Derwentside, Durham Dales, Durham and '
             'Chester-le-Street, Easington and Sedgefield with Darlington remaining as a standalone."'),
    'julianlewis-3595': dict(title='Julian Lewis MP, news coverage, 2006: Hospital campaigners fear mergers could be a threat (New Forest PCT)',
                             url='https://www.julianlewis.net/selected-news-coverage/3595:hospital-campaigners-fear-mergers-could-be-a-threat-119',
                             publisher='Julian Lewis MP (reprint of a Lymington Times report, 28 Jan 2006)'),
    # --- added by the second pass (A1b) ---
    'men-1046461': dict(title='Manchester Evening News, 2006: Hospital trusts \'fair\' rating (1046461)',
                        url='http://www.manchestereveningnews.co.uk/news/local-news/hospital-trusts-fair-rating-1046461',
                        publisher='Manchester Evening News',
                        note='Reports the 2005-06 ratings of "the outgoing Heywood and Middleton Primary Care Trust" and "the former Rochdale '
                             'PCT": "Heywood and Middleton merged with Rochdale at the start of October", quoting the chief executive of '
                             'Heywood, Middleton and Rochdale PCT.'),
    'warringtonguardian-5331555': dict(title='Warrington Guardian, 2005: Health chiefs in talks over merger (5331555)',
                                       url='https://warringtonguardian.co.uk/news/5331555.health-chiefs-in-talks-over-merger',
                                       publisher='Warrington Guardian',
                                       note='"Halton NHS Primary Care Trust (PCT) could merge with St Helens PCT"; the strategic health authority '
                                            'was to announce its preferred option for Cheshire and Merseyside.'),
    'lincoln-ac-uk-2002-02-teachingpct': dict(title='University of Lincoln news, 7 February 2002: Lincolnshire to get a Teaching Primary Care Trust',
                                              url='http://www.lincoln.ac.uk/news/2002/02/teachingpct.htm', publisher='University of Lincoln',
                                              note='Names Lincolnshire South West Primary Care Trust, chosen as one of eight Teaching PCTs; refers '
                                                   'to "the county\'s primary care trusts".'),
    'careappointments-78893': dict(title='Care Appointments news: New Health Trust Takes Control (78893)',
                                   url='https://careappointments.com/care-news/england/78893/new-health-trust-takes-control/',
                                   publisher='careappointments.com',
                                   note='"Uttlesford Primary Care Trust has now become part of the brand new West Essex PCT"; five new PCTs '
                                        'replace the previous 12 across Essex; East Anglia has 14 PCTs instead of 41.'),
    'hansard-2006-02-07-nhs-reorganisation': dict(
        title='House of Commons debate, 7 February 2006: NHS Reorganisation (opposition day), contribution of David Taylor MP',
        url='http://data.parliament.uk/pimsdata/hansard/CONTRIBUTION_298723', **HANS,
        note='HC Deb 7 Feb 2006 vol 442 c803 (read from a parliamentary search prototype page that prints the contribution). Asks '
             'why Charnwood and North West Leicestershire PCT, serving about 250,000 people, is being absorbed into a PCT of about '
             '650,000 around the city of Leicester.'),
    'bham-building-bridges-2003': dict(title='Smith J, Goodwin N, Peck E: Building bridges, Health Service Journal 5856 (2003), pp. 24-26',
                                       url='https://research.birmingham.ac.uk/en/publications/building-bridges-2',
                                       publisher='University of Birmingham research portal (record of an HSJ article)',
                                       note='Abstract: a review of Trafford South PCT stakeholders led to a joint and integrated management '
                                            'structure for "the two Trafford PCTs".'),
    'hansard-2003-10-20-leicestershire': dict(
        title='House of Commons written answer, 20 October 2003: Hospitals: Leicestershire (patients treated, with out-patient activity by PCT, 2002-03)',
        url='https://api.parliament.uk/historic-hansard/written_answers/2003/oct/20/hospitals-leicestershire', **HANS,
        note='HC Deb 20 Oct 2003 vol 411 c465W. Lists out-patient activity of Charnwood and North West Leicestershire PCT and Leicester '
             'City West PCT in 2002-03.'),
    'wikipedia-healthcare-in-nottinghamshire': dict(
        title='Wikipedia: Healthcare in Nottinghamshire', url='https://en.wikipedia.org/wiki/Healthcare_in_Nottinghamshire',
        publisher='Wikipedia', licence='CC BY-SA',
        note='secondary source only. History section: eight PCTs established in 2002 (it names seven: Ashfield, Broxtowe and Hucknall, '
             'Gedling, Mansfield District, Newark and Sherwood, Nottingham City, Rushcliffe); all but Nottingham City merged into '
             'Nottinghamshire County Teaching PCT in 2006. (Bassetlaw PCT, the eighth, continued as 5ET.)'),
    'wikipedia-healthcare-in-derbyshire': dict(
        title='Wikipedia: Healthcare in Derbyshire', url='https://en.wikipedia.org/wiki/Healthcare_in_Derbyshire',
        publisher='Wikipedia', licence='CC BY-SA',
        note='secondary source only. History section: eight PCTs established in 2002 (Central Derby, Greater Derby, High Peak and '
             'Dales, Erewash, Derbyshire Dales and South Derbyshire, North Eastern Derbyshire, Amber Valley, Chesterfield), merged into '
             'two, Derby City and Derbyshire County, in 2006; managed by the Trent SHA.'),
    'wikipedia-healthcare-in-lincolnshire': dict(
        title='Wikipedia: Healthcare in Lincolnshire', url='https://en.wikipedia.org/wiki/Healthcare_in_Lincolnshire',
        publisher='Wikipedia', licence='CC BY-SA',
        note='secondary source only. History section: East Lincolnshire, Lincolnshire South West Teaching PCT and West Lincolnshire '
             '(established 2002) were merged in 2006.'),
    'wikipedia-healthcare-in-devon': dict(
        title='Wikipedia: Healthcare in Devon', url='https://en.wikipedia.org/wiki/Healthcare_in_Devon',
        publisher='Wikipedia', licence='CC BY-SA',
        note='secondary source only. History section: eight PCTs established in 2002 (North Devon, Mid Devon, Exeter, East Devon, '
             'Teignbridge, South Hams and West Devon, Plymouth Teaching, Torbay), managed by the South West Peninsula SHA from 2002 '
             'until 2006; those other than Plymouth and Torbay merged to form Devon PCT.'),
    'wikipedia-healthcare-in-northamptonshire': dict(
        title='Wikipedia: Healthcare in Northamptonshire', url='https://en.wikipedia.org/wiki/Healthcare_in_Northamptonshire',
        publisher='Wikipedia', licence='CC BY-SA',
        note='secondary source only. History section: Daventry and South Northamptonshire PCT, Northampton Teaching PCT and '
             'Northamptonshire Heartlands PCT (established 2002) merged into Northamptonshire Teaching PCT in 2006; managed by the '
             'Leicestershire, Northamptonshire and Rutland SHA.'),
    'wikipedia-healthcare-in-staffordshire': dict(
        title='Wikipedia: Healthcare in Staffordshire', url='https://en.wikipedia.org/wiki/Healthcare_in_Staffordshire',
        publisher='Wikipedia', licence='CC BY-SA',
        note='secondary source only. History section: Newcastle-under-Lyme and Staffordshire Moorlands PCTs were merged into North '
             'Staffordshire PCT in 2006; managed by the Shropshire and Staffordshire SHA. (Its claim of a single Stoke-on-Trent PCT in '
             '2002 is not used.)'),
    'wikipedia-nhs-west-essex': dict(
        title='Wikipedia: NHS West Essex', url='https://en.wikipedia.org/wiki/NHS_West_Essex', publisher='Wikipedia', licence='CC BY-SA',
        note='secondary source only. Formed in October 2006 following the merger of Epping Forest, Harlow and Uttlesford PCTs.'),
    'wikipedia-healthcare-in-leicestershire': dict(
        title='Wikipedia: Healthcare in Leicestershire', url='https://en.wikipedia.org/wiki/Healthcare_in_Leicestershire',
        publisher='Wikipedia', licence='CC BY-SA',
        note='secondary source only (read from a copy on wikimili.com). History section: PCTs established in 2002 (Eastern Leicester, '
             'Leicester City West, Charnwood and North West Leicestershire, Hinckley and Bosworth, Melton Rutland and Harborough, South '
             'Leicestershire; it also lists Leicestershire County and Rutland PCT, which dates from 2006), merged into Leicester City '
             'PCT and Leicestershire County and Rutland PCT in 2006; managed by the Leicestershire, Northamptonshire and Rutland SHA.'),
    'wikipedia-healthcare-in-lancashire': dict(
        title='Wikipedia: Healthcare in Lancashire', url='https://en.wikipedia.org/wiki/Healthcare_in_Lancashire',
        publisher='Wikipedia', licence='CC BY-SA',
        note='secondary source only. History section: nine PCTs covered the county in 2002 (Blackburn with Darwen, Blackpool, Chorley '
             'and South Ribble, Preston, West Lancashire, East Lancashire Teaching, Fylde, Wyre, and half of Morecambe Bay), reduced '
             'by mergers to five in 2006; managed by the Cumbria and Lancashire SHA until 2006.'),
}

# ---------------------------------------------------------------------------------------------------------
# The 28 SHAs of 2002-2006.  code: only where printed next to the name (Hansard 1 Sep 2008, Q12-Q28).
SHAS = [
    # slug, name, ods, new SHA (A2's id), merge basis, merge sources
    ('avon-gloucestershire-and-wiltshire', 'Avon, Gloucestershire and Wiltshire', 'Q20', 'south-west', 'stated', ['bbc-5136442']),
    ('bedfordshire-and-hertfordshire', 'Bedfordshire and Hertfordshire', None, 'east-of-england', 'stated', ['bbc-4903210', 'royston-crow-7665076']),
    ('birmingham-and-the-black-country', 'Birmingham and the Black Country', 'Q27', 'west-midlands', 'stated', ['birminghampost-3984584']),
    ('cheshire-and-merseyside', 'Cheshire and Merseyside', 'Q15', 'north-west', 'stated', ['chesterchronicle-5260562']),
    ('county-durham-and-tees-valley', 'County Durham and Tees Valley', None, 'north-east', 'deduced', []),
    ('cumbria-and-lancashire', 'Cumbria and Lancashire', 'Q13', 'north-west', 'stated', ['chesterchronicle-5260562']),
    ('dorset-and-somerset', 'Dorset and Somerset', 'Q22', 'south-west', 'stated', ['bbc-5136442']),
    ('essex', 'Essex', None, 'east-of-england', 'stated', ['bbc-4903210', 'royston-crow-7665076']),
    ('greater-manchester', 'Greater Manchester', 'Q14', 'north-west', 'stated', ['chesterchronicle-5260562']),
    ('hampshire-and-isle-of-wight', 'Hampshire and Isle of Wight', 'Q17', 'south-central', 'stated', ['bbc-4903210']),
    ('kent-and-medway', 'Kent and Medway', 'Q18', 'south-east-coast', 'stated', ['kentonline-a24193']),
    ('leicestershire-northamptonshire-and-rutland', 'Leicestershire, Northamptonshire and Rutland', 'Q25', 'east-midlands', 'deduced', []),
    ('norfolk-suffolk-and-cambridgeshire', 'Norfolk, Suffolk and Cambridgeshire', None, 'east-of-england', 'stated', ['bbc-4903210', 'royston-crow-7665076']),
    ('north-and-east-yorkshire-and-northern-lincolnshire', 'North and East Yorkshire and Northern Lincolnshire', None,
     'yorkshire-and-the-humber', 'deduced', ['examiner-5058756']),
    ('north-central-london', 'North Central London', None, 'london', 'deduced', []),
    ('north-east-london', 'North East London', None, 'london', 'deduced', []),
    ('north-west-london', 'North West London', None, 'london', 'deduced', []),
    ('northumberland-tyne-and-wear', 'Northumberland, Tyne and Wear', None, 'north-east', 'deduced', []),
    ('shropshire-and-staffordshire', 'Shropshire and Staffordshire', 'Q26', 'west-midlands', 'stated', ['birminghampost-3984584']),
    ('south-east-london', 'South East London', None, 'london', 'deduced', []),
    ('south-west-london', 'South West London', None, 'london', 'deduced', []),
    ('south-west-peninsula', 'South West Peninsula', 'Q21', 'south-west', 'stated', ['bbc-5136442']),
    ('south-yorkshire', 'South Yorkshire', 'Q23', 'yorkshire-and-the-humber', 'deduced', ['examiner-5058756']),
    ('surrey-and-sussex', 'Surrey and Sussex', 'Q19', 'south-east-coast', 'stated', ['kentonline-a24193']),
    ('thames-valley', 'Thames Valley', 'Q16', 'south-central', 'stated', ['bbc-4903210']),
    ('trent', 'Trent', 'Q24', 'east-midlands', 'deduced', []),
    ('west-midlands-south', 'Coventry, Warwickshire, Herefordshire and Worcestershire', 'Q28', 'west-midlands', 'stated', ['birminghampost-3984584']),
    ('west-yorkshire', 'West Yorkshire', 'Q12', 'yorkshire-and-the-humber', 'stated', ['examiner-5058756']),
]
SHA_DEDUCED_NOTE = {
    'london': 'the five London SHAs covered the London boroughs only, and NHS London was established for London',
    'north-east': 'the SHA covered only North East region counties, and NHS North East was established for that region',
    'east-midlands': 'the SHA covered only East Midlands region counties, and NHS East Midlands was established for that region',
    'yorkshire-and-the-humber': 'the SHA covered only Yorkshire and the Humber region areas, and NHS Yorkshire and the Humber was '
                                'established for that region (the Huddersfield Examiner reports West Yorkshire SHA merging with the '
                                'other authorities of Yorkshire, North Lincolnshire and North East Lincolnshire)',
}

# ---------------------------------------------------------------------------------------------------------
# The old PCTs.  name: as in the source; key: the name as spelt in the shared CSVs (to pick up the ODS code);
# to: list of (new ODS, basis) ; evid: sources showing the trust existed; succ: sources for the successor link.
S, D = 'stated', 'deduced'
P = []


def pct(name, to, evid, succ=(), sha=None, sha_src=None, kind='pct', key=None, frm=None, frm_src=None, note=None, ods=None,
        secondary=False):
    P.append(dict(name=name, to=list(to), evid=list(evid), succ=list(succ), sha=sha, sha_src=sha_src, kind=kind,
                  key=key or name, frm=frm, frm_src=frm_src, note=note, ods=ods, secondary=secondary))


SS = ('surrey-and-sussex', 'hansard-2004-09-16-surrey-sussex')
H0223 = 'hansard-2004-02-23-pct-codes'
H0916 = 'hansard-2004-09-16-surrey-sussex'
# Surrey and Sussex SHA (all 14 abolished trusts: codes from the 2004 answers; membership from the 16 Sep 2004 statement)
for n, k in [('Adur, Arun and Worthing PCT', None), ('Crawley PCT', None), ('Horsham and Chanctonbury PCT', None),
             ('Mid-Sussex PCT', None), ('Western Sussex PCT', None)]:
    pct(n, [('5P6', D)], [H0223, H0916], ['theargus-6812560'], *SS)
for n in ['Eastbourne Downs PCT', 'Sussex Downs and Weald PCT']:
    pct(n, [('5P7', D)], [H0223, H0916], ['theargus-6812560', 'bexhillobserver-2435908'], *SS)
for n in ['Bexhill and Rother PCT', 'Hastings and St Leonards PCT']:
    pct(n, [('5P8', S)], [H0223, H0916], ['bexhillobserver-2435539'], *SS)
for n in ['East Elmbridge and Mid Surrey PCT', 'East Surrey PCT', 'Guildford and Waverley PCT', 'Woking PCT']:
    pct(n, [('5P5', D)], [H0223, H0916], ['theargus-6812560', 'yourlocalguardian-1005865'], *SS)
pct('North Surrey PCT', [('5P5', D)], [H0916], ['theargus-6812560', 'yourlocalguardian-1005865'], *SS)
# Kent and Medway
pct('Ashford PCT', [('5QA', D)], [H0223], ['kentonline-a26201', 'ons-pct2011-ccg2013-lookup'])
pct('Swale PCT', [('5QA', S)], ['kentonline-a26201'], ['kentonline-a26201'])
pct('East Kent Coastal PCT', [('5QA', D)], ['guardian-2004-07-21-nhs5'], ['kentonline-a26201', 'kentonline-a20534'])
for n, e in [('Dartford, Gravesham and Swanley PCT', [H0223]), ('Maidstone Weald PCT', [H0223, 'kentonline-a9301']),
             ('South West Kent PCT', [H0223, 'kentonline-a9301'])]:
    pct(n, [('5P9', D)], e, ['kentonline-a20534', 'kentonline-a24193', 'ons-pct2011-ccg2013-lookup'])
# Hampshire and Isle of Wight
for n in ['Blackwater Valley and Hart PCT', 'North Hampshire PCT', 'Mid-Hampshire PCT', 'East Hampshire PCT']:
    pct(n, [('5QC', S)], ['hansard-2009-01-27-hampshire'], ['hansard-2009-01-27-hampshire'])
pct('Fareham and Gosport PCT', [('5QC', D)], [H0223], ['hansard-2009-01-27-hampshire', 'ons-pct2011-ccg2013-lookup'])
pct('New Forest PCT', [('5QC', D)], ['julianlewis-3595'], ['julianlewis-3595'])
# Dorset and Somerset
pct('Bournemouth PCT', [('5QN', D)], [H0223], ['bbc-5136442'])
pct('North Dorset PCT', [('5QM', D)], [H0223], [])
pct('South and East Dorset PCT', [('5QM', D)], [H0223], [])
pct('South West Dorset PCT', [('5QM', D)], [H0223], [])
pct('Poole PCT', [('5QN', D), ('5QM', D)], [H0223, 'si-2006-2072'], ['si-2006-2072'])
pct('South Somerset PCT', [('5QL', S)], ['hansard-2006-10-26-south-petherton'], ['hansard-2006-10-26-south-petherton'])
# Avon, Gloucestershire and Wiltshire
for n in ['Bristol North PCT', 'Bristol South and West PCT']:
    pct(n, [('5QJ', S)], ['bbc-5396350'], ['bbc-5396350'])
for n in ['Cheltenham and Tewkesbury PCT', 'Cotswold and Vale PCT', 'West Gloucestershire PCT']:
    pct(n, [('5QH', S)], ['hansard-2010-01-06-gloucester', 'bbc-5396350'], ['hansard-2010-01-06-gloucester', 'bbc-5396350'])
pct('Kennet and North Wiltshire PCT', [('5QK', S)], ['gazetteandherald-7257862', 'gazetteandherald-7312458', 'wiltshiretimes-969450'],
    ['wiltshiretimes-969450'])
pct('West Wiltshire PCT', [('5QK', S)], ['gazetteandherald-7312458', 'wiltshiretimes-969450'], ['wiltshiretimes-969450'])
pct('South Wiltshire PCT', [('5QK', S)], ['wiltshiretimes-969450'], ['wiltshiretimes-969450'],
    note='Named by the Wiltshire Times (Oct 2006) as one of the three PCTs that merged to form Wiltshire PCT; no other '
         'record of it (code, establishment order) was read.')
# South West Peninsula (the other Devon PCTs rest on Wikipedia only and are left out)
pct('Mid Devon PCT', [('5QQ', D)], ['hansard-2006-07-24-pfi'], [])
pct('North and East Cornwall PCT', [('5QP', D)], ['bbc-3910603'], [])
pct('West Cornwall PCT', [('5QP', D)], ['bbc-3910603'], [], note='Name as printed by BBC News (2004); the formal name (possibly '
    '"West of Cornwall PCT") was not seen.')
# Birmingham and the Black Country
for n in ['Dudley South PCT', 'Dudley Beacon and Castle PCT']:
    pct(n, [('5PE', D)], [H0223], [])
for n in ['Rowley Regis and Tipton PCT', 'Wednesbury and West Bromwich PCT']:
    pct(n, [('5PF', S)], [H0223, 'rattlechain-sandwell-pct'], ['rattlechain-sandwell-pct'])
pct('Oldbury and Smethwick PCT', [('5PF', S)], ['rattlechain-sandwell-pct'], ['rattlechain-sandwell-pct'])
for n in ['North Birmingham PCT', 'Eastern Birmingham PCT']:
    pct(n, [('5PG', D)], [H0223], [])
# Shropshire and Staffordshire
for n, e in [('Burntwood, Lichfield and Tamworth PCT', [H0223]), ('South Western Staffordshire PCT', [H0223]),
             ('Cannock Chase PCT', ['hansard-2004-10-04-gp-lists'])]:
    pct(n, [('5PK', D)], e, [])
# West Midlands South
pct('Wyre Forest PCT', [('5PL', S)], [H0223, 'si-2001-66'], ['wyreforest-dc-2006-02-16'])
pct('South Worcestershire PCT', [('5PL', S)], ['worcesternews-7801174', 'worcesternews-6538073'], ['wyreforest-dc-2006-02-16'])
pct('Redditch and Bromsgrove PCT', [('5PL', S)], ['bromsgroveadvertiser-996794', 'worcesternews-7836063'],
    ['bromsgroveadvertiser-996794', 'wyreforest-dc-2006-02-16'],
    note='The Bromsgrove Advertiser (Oct 2006): the trust "has now been consigned to history", replaced by the new '
         'Worcestershire PCT, and its annual general meeting celebrated "its four year life".')
# Bedfordshire and Hertfordshire
pct('Bedford PCT', [('5P2', D)], [H0223, 'guardian-2004-07-21-nhs5'], [])
for n in ['Dacorum PCT', 'Hertsmere PCT', 'St Albans and Harpenden PCT', 'Watford and Three Rivers PCT']:
    pct(n, [('5P4', S)], ['borehamwoodtimes-765425'], ['borehamwoodtimes-765425'])
pct("Royston, Buntingford and Bishop's Stortford PCT", [('5P3', D)], ['hansard-2006-07-24-pfi', 'royston-crow-7665076'],
    ['borehamwoodtimes-765425'], note='Named "Royston, Buntingford and Bishop Stortford PCT" in the Hansard table.')
# Essex
pct('Southend on Sea PCT', [('5P1', S)], ['hansard-2004-10-04-gp-lists', 'echo-news-955467'], ['echo-news-955467'], key='Southend On Sea PCT')
pct('Castle Point and Rochford PCT', [('5P1', S)], ['hansard-2004-10-04-gp-lists', 'echo-news-955467'], ['echo-news-955467'])
pct('Thurrock PCT', [('5PY', S)], ['hansard-2004-10-04-gp-lists', 'echo-news-955467'], ['echo-news-955467'])
for n in ['Basildon PCT', 'Billericay, Brentwood and Wickford PCT']:
    pct(n, [('5PY', S)], ['echo-news-955467'], ['echo-news-955467'])
for n in ['Colchester PCT', 'Tendring PCT']:
    pct(n, [('5PW', S)], ['eadt-7470122'], ['eadt-7470122'])
for n in ['Chelmsford PCT', 'Maldon and South Chelmsford PCT']:
    pct(n, [('5PX', S)], ['hansard-2007-05-03-mid-essex'], ['hansard-2007-05-03-mid-essex'])
pct('Witham, Braintree and Halstead Care Trust', [('5PX', S)], ['hansard-2007-05-03-mid-essex'], ['hansard-2007-05-03-mid-essex'],
    kind='care-trust', note='A care trust (kind care-trust); when it took care-trust status is not sourced.')
# Norfolk, Suffolk and Cambridgeshire
for n in ['Cambridge City PCT', 'East Cambridgeshire and Fenland PCT', 'Huntingdonshire PCT']:
    pct(n, [('5PP', S)], ['hansard-2008-11-05-cambridgeshire'], ['hansard-2008-11-05-cambridgeshire'])
pct('South Cambridgeshire PCT', [('5PP', S)], ['hansard-2008-11-05-cambridgeshire', 'si-2002-71'], ['hansard-2008-11-05-cambridgeshire'],
    frm='2002-04-01', frm_src='si-2002-71', note='Established on 23 Jan 2002 (SI 2002/71 art. 2(1)); operational date 1 Apr 2002 (art. 2(2)).')
pct('North Peterborough PCT', [('5PN', S)], ['hansard-2008-11-05-cambridgeshire'], ['hansard-2008-11-05-cambridgeshire'])
pct('South Peterborough PCT', [('5PN', S), ('5PP', S)], ['hansard-2008-11-05-cambridgeshire', 'si-2006-2072'],
    ['si-2006-2072', 'hansard-2008-11-05-cambridgeshire'])
for n in ['Central Suffolk PCT', 'Ipswich PCT', 'Suffolk Coastal PCT', 'Suffolk West PCT']:
    pct(n, [('5PT', S)], ['eadt-7466238'], ['eadt-7466238', 'eadt-7470012'])
pct('Great Yarmouth PCT', [('5PR', S)], ['eadt-7470012'], ['eadt-7470012'])
pct('Waveney PCT', [('5PR', S), ('5PT', D)], ['eadt-7470012', 'si-2006-2072'], ['si-2006-2072', 'eadt-7470012'])
pct('West Norfolk PCT', [('5PQ', S)], ['west-norfolk-pct-ar-2005-06', 'si-2000-1718'], ['west-norfolk-pct-ar-2005-06'],
    frm='2000-07-07', frm_src='si-2000-1718',
    note='Established by SI 2000/1718 (in force 7 Jul 2000; its article giving the establishment and operational dates was not '
         'read); the trust\'s 2005-06 annual report says it was established in October 2000.')
# Leicestershire, Northamptonshire and Rutland
pct('Eastern Leicester PCT', [('5PC', S)], ['hansard-2004-10-04-gp-lists', 'yumpu-leicester-city-pct-ar-2006-07'],
    ['yumpu-leicester-city-pct-ar-2006-07'])
pct('Leicester City West PCT', [('5PC', S)], ['yumpu-leicester-city-pct-ar-2006-07'], ['yumpu-leicester-city-pct-ar-2006-07'])
pct('Hinckley and Bosworth PCT', [('5PA', D)], ['hinckley-bosworth-pct-doc'], [])
pct('Melton, Rutland and Harborough PCT', [('5PA', D)], ['harboroughmail-4689578'], [])
# Trent (Derbyshire only: the Nottinghamshire, Lincolnshire and Derby City trusts rest on Wikipedia and are left out)
for n in ['Amber Valley PCT', 'Chesterfield PCT', 'Derbyshire Dales and South Derbyshire PCT', 'Erewash PCT', 'High Peak and Dales PCT',
          'North Eastern Derbyshire PCT']:
    pct(n, [('5N6', S)], ['hansard-2008-10-15-derbyshire'], ['hansard-2008-10-15-derbyshire'])
# Cumbria and Lancashire
CL = ('cumbria-and-lancashire', 'hansard-2004-05-28-blackpool-south')
for n in ['Carlisle and District PCT', 'Eden Valley PCT', 'West Cumbria PCT']:
    pct(n, [('5NE', S)], ['hansard-2008-09-01-cumbria'], ['hansard-2008-09-01-cumbria'],
        note='Hansard (1 Sep 2008) shows its spending from 2001-02.')
pct('Morecambe Bay PCT', [('5NE', S), ('5NF', D)], ['hansard-2008-09-01-cumbria', 'si-2006-2072'],
    ['si-2006-2072', 'hansard-2008-09-01-cumbria'], note='Hansard (1 Sep 2008) shows its spending from 2001-02.')
for n in ['Fylde PCT', 'Wyre PCT']:
    pct(n, [('5NF', D)], ['hansard-2004-05-28-blackpool-south'], ['ons-pct2011-ccg2013-lookup'], *CL)
pct('Preston PCT', [('5NG', D), ('5NH', S)], ['lancashiretelegraph-5976343', 'si-2006-2072'],
    ['si-2006-2072', 'hansard-lords-2006-10-05-longridge'])
pct('Chorley and South Ribble PCT', [('5NG', D)], ['guardian-2004-07-21-nhs5'], ['ons-pct2011-ccg2013-lookup'])
pct('Burnley, Pendle and Rossendale PCT', [('5NH', D)], ['guardian-2004-07-21-nhs5'], ['ons-pct2011-ccg2013-lookup'])
pct('Hyndburn and Ribble Valley PCT', [('5NH', D)], ['lancashiretelegraph-5977210'], ['ons-pct2011-ccg2013-lookup'])
# Cheshire and Merseyside
for n in ['Bebington and West Wirral PCT', 'Birkenhead and Wallasey PCT']:
    pct(n, [('5NK', D)], ['hansard-2006-06-08-wirral'], [])
pct('North Liverpool PCT', [('5NL', D)], ['si-2001-3493', 'hsj-18751'], [], frm='2002-04-01', frm_src='si-2001-3493',
    note='Established on 29 Oct 2001 (SI 2001/3493 art. 2(1)); operational date 1 Apr 2002 (art. 2(2)).')
for n in ['Central Liverpool PCT', 'South Liverpool PCT']:
    pct(n, [('5NL', D)], ['hsj-18751'], [])
pct('South Sefton PCT', [('5NJ', D)], ['hansard-2004-05-11-bootle'], [])
pct('Ellesmere Port and Neston PCT', [('5NN', D)], ['chesterchronicle-5296057'], [])
# Greater Manchester
for n in ['Central Manchester PCT', 'North Manchester PCT']:
    pct(n, [('5NT', S)], ['hansard-2010-03-15-manchester'], ['hansard-2010-03-15-manchester'])
pct('South Manchester PCT', [('5NT', S)], ['hansard-2010-03-15-manchester', 'si-2000-2576'], ['hansard-2010-03-15-manchester'],
    frm='2000-09-21', frm_src='si-2000-2576',
    note='Established by the South Manchester PCT (Establishment) Order 2000 (number and dates not seen); 2000-09-21 is the date '
         'its amendment order SI 2000/2576 was made, the earliest sourced date of the trust.')
# County Durham and Tees Valley
pct('Langbaurgh PCT', [('5QR', S)], ['hansard-2009-02-10-langbaurgh'], ['hansard-2009-02-10-langbaurgh'])
NE10320524 = 'cluster-thenorthernecho-co-uk-news-health-nhsne-10320524-yasmin-chau'
for n in ['Derwentside PCT', 'Durham Dales PCT', 'Easington PCT', 'Sedgefield PCT']:
    pct(n, [('5ND', S)], [NE10320524], [NE10320524])
pct('Durham and Chester-le-Street PCT', [('5ND', S)], [NE10320524, 'guardian-2004-07-21-nhs5'], [NE10320524])
# South Yorkshire
for n in ['Doncaster Central PCT', 'Doncaster East PCT', 'Doncaster West PCT']:
    pct(n, [('5N5', S)], ['hansard-2009-05-20-doncaster'], ['hansard-2009-05-20-doncaster'])
# West Yorkshire
for n in ['Eastern Wakefield PCT', 'Wakefield West PCT']:
    pct(n, [('5N3', S)], ['hansard-2009-07-20-wakefield'], ['hansard-2009-07-20-wakefield'])
for n in ['Airedale PCT', 'Bradford City Teaching PCT', 'Bradford South and West PCT', 'North Bradford PCT']:
    pct(n, [('5NY', S)], ['telegraphandargus-948363', 'telegraphandargus-763087'],
        ['telegraphandargus-948363', 'telegraphandargus-763087', 'telegraphandargus-763842'])
for n in ['Huddersfield Central PCT', 'North Kirklees PCT', 'South Huddersfield PCT']:
    pct(n, [('5N2', S)], ['examiner-5058756', 'examiner-14100410'], ['examiner-5058756', 'examiner-14100410'])
pct('North East Leeds PCT', [('5N1', D)], ['hsj-21746'], [], frm='2002-04-01', frm_src='hsj-21746',
    note='"One of five created in Leeds this spring, all of which became operational on 1 April" 2002 (HSJ, 11 Apr 2002); '
         'the other four Leeds trusts are not named by any source read, so they are not recorded.')
# North and East Yorkshire and Northern Lincolnshire
pct('Craven, Harrogate and Rural District PCT', [('5NV', S)], ['cravenherald-1406662', 'guardian-2004-07-21-nhs5'],
    ['telegraphandargus-8006827'])
pct('Hambleton and Richmondshire PCT', [('5NV', S)], ['guardian-2004-07-21-nhs5', 'yorkpress-7974166'],
    ['northernecho-7146816', 'yorkpress-7974166'])
pct('Selby and York PCT', [('5NV', S)], ['yorkpress-7974166', 'yorkpress-7892934'], ['yorkpress-7974166', 'yorkpress-779046'],
    note='Named by The Press (York) among "the four primary care trusts (PCTs) in the region" proposed to merge into one for '
         'North Yorkshire and York (2005); a former member writes of the merger into "one large PCT covering the whole of North '
         'Yorkshire" (2006).')
pct('Scarborough, Whitby and Ryedale PCT', [('5NV', S)], ['yorkpress-7974166', 'northernecho-7151192'],
    ['northernecho-7156537', 'yorkpress-7974166'],
    note='Its chief executive: the new North Yorkshire-wide PCT, "which will also cover York, will replace four existing PCTs" '
         '(The Northern Echo); the trust was "created in 2002-2003" (The Northern Echo).')
pct('Yorkshire Wolds and Coast PCT', [('5NW', D)], ['savebridlingtonhospital-0105', 'savebridlingtonhospital-0104'], [],
    frm_src=None,
    note='Weak, secondary: named by a hospital campaign site, which says the trust inherited debt in April 2001 and ran the '
         'community hospitals of Bridlington, Driffield, Hornsea and Withernsea. Successor deduced: those towns lie in the East '
         'Riding of Yorkshire, whose PCT of 1 Oct 2006 is East Riding of Yorkshire PCT (5NW). The trust\'s other predecessors of '
         'East Riding of Yorkshire PCT are not recorded.')
# Thames Valley
for n in ['Oxford City PCT', 'North East Oxfordshire PCT', 'South East Oxfordshire PCT', 'South West Oxfordshire PCT']:
    pct(n, [('5QE', S)], ['oxfordmail-943605'], ['oxfordmail-943605', 'oxfordmail-773137'])
pct('Chiltern and South Bucks PCT', [('5QD', D)], ['guardian-2004-07-21-nhs5'], [])
pct('Vale of Aylesbury PCT', [('5QD', D)], ['lords-st-2003-evidence-q653'], [],
    note='Its chief executive gave evidence to a House of Lords select committee in 2003 for the "Vale of Aylesbury Primary Care '
         'Trust (PCT) ... 195,000 population ... from Aylesbury in Buckinghamshire". Successor deduced: Aylesbury lies in '
         'Buckinghamshire, whose PCT of 1 Oct 2006 outside Milton Keynes is Buckinghamshire PCT (5QD).')
pct('Newbury and Community PCT', [('5QF', D)], ['hansard-2006-07-24-pfi'], [])
# ---- added by the second pass (A1b): trusts of the 1 Oct 2006 PCTs that had no predecessor, and Wikipedia-only leads ----
W = 'secondary'   # basis: stated only by a secondary source (Wikipedia); the body's note says "secondary source only"
# Greater Manchester
for n in ['Heywood and Middleton PCT', 'Rochdale PCT']:
    pct(n, [('5NQ', S)], ['men-1046461'], ['men-1046461'])
pct('Trafford South PCT', [('5NR', D)], ['bham-building-bridges-2003'], [],
    note='The other of "the two Trafford PCTs" (presumably Trafford North PCT) is not named by any source read, so it is not recorded.')
# Cheshire and Merseyside
for n in ['Halton PCT', 'St Helens PCT']:
    pct(n, [('5NM', D)], ['warringtonguardian-5331555'], [])
# Cumbria and Lancashire
pct('West Lancashire PCT', [('5NG', D)], ['wikipedia-healthcare-in-lancashire'], ['ons-pct2011-ccg2013-lookup'], secondary=True,
    note='Successor deduced: NHS West Lancashire CCG lies wholly in Central Lancashire PCT (ONS PCT 2011 to CCG 2013 lookup).')
# Trent
for n in ['Ashfield PCT', 'Broxtowe and Hucknall PCT', 'Gedling PCT', 'Mansfield District PCT', 'Newark and Sherwood PCT', 'Rushcliffe PCT']:
    pct(n, [('5N8', W)], ['wikipedia-healthcare-in-nottinghamshire'], ['wikipedia-healthcare-in-nottinghamshire'], secondary=True)
for n in ['Central Derby PCT', 'Greater Derby PCT']:
    pct(n, [('5N7', W)], ['wikipedia-healthcare-in-derbyshire'], ['wikipedia-healthcare-in-derbyshire', 'hansard-2008-10-15-derbyshire'],
        'trent', 'wikipedia-healthcare-in-derbyshire', secondary=True,
        note='Wikipedia says the eight Derbyshire PCTs merged into Derby City and Derbyshire County; Hansard (15 Oct 2008) names the six '
             'that formed Derbyshire County PCT, which leaves this trust to Derby City PCT.')
pct('Lincolnshire South West Teaching PCT', [('5N9', W)], ['lincoln-ac-uk-2002-02-teachingpct', 'wikipedia-healthcare-in-lincolnshire'],
    ['wikipedia-healthcare-in-lincolnshire'], secondary=True,
    note='Named "Lincolnshire South West Primary Care Trust" in the University of Lincoln news of 7 Feb 2002, when it was chosen to '
         'become a Teaching PCT; the date of its Teaching status is not sourced. Its successor rests on Wikipedia alone.')
for n in ['East Lincolnshire PCT', 'West Lincolnshire PCT']:
    pct(n, [('5N9', W)], ['wikipedia-healthcare-in-lincolnshire'], ['wikipedia-healthcare-in-lincolnshire'], secondary=True)
# Leicestershire, Northamptonshire and Rutland
pct('Charnwood and North West Leicestershire PCT', [('5PA', S)], ['hansard-2003-10-20-leicestershire', 'hansard-2006-02-07-nhs-reorganisation',
                                                                   'wikipedia-healthcare-in-leicestershire'],
    ['hansard-2006-02-07-nhs-reorganisation'],
    note='Hansard (7 Feb 2006) speaks of the trust being absorbed into the county PCT around the city of Leicester (Leicestershire County '
         'and Rutland PCT).')
pct('South Leicestershire PCT', [('5PA', W)], ['wikipedia-healthcare-in-leicestershire'], ['wikipedia-healthcare-in-leicestershire'],
    secondary=True, note='Successor: the county PCT, as the trust\'s area lies outside the city of Leicester.')
for n in ['Daventry and South Northamptonshire PCT', 'Northampton Teaching PCT', 'Northamptonshire Heartlands PCT']:
    pct(n, [('5PD', W)], ['wikipedia-healthcare-in-northamptonshire'], ['wikipedia-healthcare-in-northamptonshire'],
        'leicestershire-northamptonshire-and-rutland', 'wikipedia-healthcare-in-northamptonshire', secondary=True)
# Shropshire and Staffordshire
for n in ['Newcastle-under-Lyme PCT', 'Staffordshire Moorlands PCT']:
    pct(n, [('5PH', W)], ['wikipedia-healthcare-in-staffordshire'], ['wikipedia-healthcare-in-staffordshire'],
        'shropshire-and-staffordshire', 'wikipedia-healthcare-in-staffordshire', secondary=True)
# Essex
pct('Uttlesford PCT', [('5PV', S)], ['careappointments-78893', 'wikipedia-nhs-west-essex'], ['careappointments-78893', 'wikipedia-nhs-west-essex'])
for n in ['Epping Forest PCT', 'Harlow PCT']:
    pct(n, [('5PV', W)], ['wikipedia-nhs-west-essex'], ['wikipedia-nhs-west-essex'], secondary=True)
# South West Peninsula
pct('East Devon PCT', [('5QQ', W)], ['guardian-2004-07-21-nhs5', 'wikipedia-healthcare-in-devon'], ['wikipedia-healthcare-in-devon'],
    'south-west-peninsula', 'wikipedia-healthcare-in-devon', secondary=True,
    note='Rated three stars in July 2004 (The Guardian); its successor rests on Wikipedia alone.')
for n in ['Exeter PCT', 'North Devon PCT', 'South Hams and West Devon PCT', 'Teignbridge PCT']:
    pct(n, [('5QQ', W)], ['wikipedia-healthcare-in-devon'], ['wikipedia-healthcare-in-devon'],
        'south-west-peninsula', 'wikipedia-healthcare-in-devon', secondary=True)
# Hampshire and Isle of Wight
pct('Isle of Wight PCT', [('5QT', D)], [H0223], [],
    note='Code 5DG printed with the name in Hansard (23 Feb 2004). Deduced: the island\'s PCT from 1 Oct 2006 (Isle of Wight National '
         'Health Service PCT) carries a new 2006-series code, 5QT, and starts on 1 Oct 2006 in the 2006-2013 data, so the old trust is '
         'taken to have been abolished and replaced on that date; no source read states this.')
pct('Cherwell Vale PCT', [('5QE', S)], ['si-2006-2072', 'oxfordmail-773137'], ['si-2006-2072', 'oxfordmail-773137'],
    note='The Oxford Mail names it among the five PCTs whose services Oxfordshire PCT took over on 1 Oct 2006; as a dividing PCT '
         '(SI 2006/2072 art. 1(2)) part of its area went to another new PCT, which no source read names.')

# SHA membership stated by the Wikipedia county articles (secondary): applied to trusts that have no other sourced SHA.
WIKI_SHA = {
    'wikipedia-healthcare-in-derbyshire': ('trent', ['Amber Valley PCT', 'Chesterfield PCT', 'Derbyshire Dales and South Derbyshire PCT',
                                                     'Erewash PCT', 'High Peak and Dales PCT', 'North Eastern Derbyshire PCT']),
    'wikipedia-healthcare-in-leicestershire': ('leicestershire-northamptonshire-and-rutland',
                                               ['Eastern Leicester PCT', 'Leicester City West PCT', 'Charnwood and North West Leicestershire PCT',
                                                'Hinckley and Bosworth PCT', 'Melton, Rutland and Harborough PCT', 'South Leicestershire PCT']),
    'wikipedia-healthcare-in-lancashire': ('cumbria-and-lancashire', ['Chorley and South Ribble PCT', 'Preston PCT', 'West Lancashire PCT',
                                                                      'Morecambe Bay PCT']),
    'wikipedia-healthcare-in-devon': ('south-west-peninsula', ['Mid Devon PCT']),
}
for _src, (_sha, _names) in WIKI_SHA.items():
    for _p in P:
        if _p['name'] in _names and not _p['sha']:
            _p['sha'], _p['sha_src'] = _sha, _src
            if _src not in _p['evid']:
                _p['evid'].append(_src)
# Mid Devon: its successor is also stated by Wikipedia (secondary)
for _p in P:
    if _p['name'] == 'Mid Devon PCT':
        _p['to'] = [('5QQ', 'secondary')]
        _p['succ'].append('wikipedia-healthcare-in-devon')

ALIASES = ['Southend PCT', 'Redbridge PCT (2001)', 'Woking PCT', 'West of Cornwall PCT']
DIVIDING = {'Cherwell Vale PCT', 'Morecambe Bay PCT', 'Poole PCT', 'Preston PCT', 'South Peterborough PCT', 'Waveney PCT'}
# Dividing PCTs of which only some successors are sourced: their split is marked incomplete.
DIVIDING_PARTLY_SOURCED = {'Cherwell Vale PCT'}

# The London trusts dissolved on 1 Apr 2003 (SI 2003/1066).  Ids pct/2002/<slug> (no codes sourced).
LONDON_2003 = [
    ('Chingford, Wanstead and Woodford PCT', 'chingford-wanstead-and-woodford', [('5NA', D), ('5NC', D)]),
    ('Redbridge PCT', 'redbridge', [('5NA', D)]),
    ('Walthamstow, Leyton and Leytonstone PCT', 'walthamstow-leyton-and-leytonstone', [('5NC', D)]),
]

# Old-PCT names in the shared files that are deliberately left out, with the reason (printed on stdout).
LEFT_OUT_REASONS = {
    'north norfolk': 'existence seen only on a blog',
    'rushmoor and hart': 'SI 2001/3297; whether it became Blackwater Valley and Hart PCT is not sourced',
    'fenland': 'SI 2000/286 (2000); its fate before 2002 is not sourced',
    'southampton east healthcare': 'a 2000-2002 trust, not one of the 2002-2006 set',
}


# ---------------------------------------------------------------------------------------------------------
def norm(s):
    s = s.lower().replace('&', 'and').replace('.', '').replace(',', ' ').replace('-', ' ')
    s = re.sub(r'\b(primary care trust|pct|teaching|care trust|\(2001\)|\(2003\))\b', ' ', s)
    return re.sub(r'\s+', ' ', s).strip()


def slug(s):
    s = re.sub(r'\b(PCT|Care Trust)\b', '', s)
    s = s.lower().replace('&', 'and')
    return re.sub(r'[^a-z0-9]+', '-', s).strip('-')


def read_csv(name):
    with open(os.path.join(SHARED, name), newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))


def other_files_ids():
    """Source, body and event ids defined by files outside pct-era/pre2006."""
    src, bodies, events = set(), set(), set()
    for f in glob.glob(os.path.join(DATA, '**', '*.yaml'), recursive=True):
        if os.path.normpath(f).startswith(os.path.normpath(OUT)):
            continue
        with open(f, encoding='utf-8') as fh:
            d = yaml.safe_load(fh)
        if not isinstance(d, dict):
            continue
        src.update((d.get('sources') or {}).keys())
        bodies.update(b['id'] for b in d.get('bodies') or [])
        events.update(e['id'] for e in d.get('events') or [])
    return src, bodies, events


def main():
    codes = read_csv('pct_2002_2006_codes.csv')
    hans = read_csv('pct_2002_2006_hansard.csv')
    pcts06 = {r['ods_code']: r for r in read_csv('pct_2006_2013.csv')}
    # ODS codes seen next to the name
    code_of = {}
    for r in codes:
        code_of[norm(r['name'])] = r['ods_code']
    for r in hans:
        if r['ods_code'] and r['confidence'].startswith('sourced (code'):
            code_of.setdefault(norm(r['name']), r['ods_code'])

    other_src, other_bodies, other_events = other_files_ids()

    bodies, events = [], []
    used_sources = set()

    def body_id(name, ods):
        if ods:
            i = 'pct/' + ods
            if i not in other_bodies:
                return i
            print('WARNING: id %s is taken elsewhere; using a slug id for %s' % (i, name))
        return 'pct/2002/' + slug(name)

    ep = pct_epcmem.Epcmem()
    dn = pct_epcmem.derived_names()
    gen = read_generated_2006_2013()
    hansard_of_url = {v['url']: k for k, v in SOURCES.items() if v.get('url')}
    printed_names = {}   # code -> (name, Hansard source id): printed together
    for r in codes:
        printed_names[r['ods_code']] = (r['name'], hansard_of_url.get(r.get('source_url', '').split(' ; ')[0].strip()))
    # Read for the data of 2006-2013 (pct_2006_2013.py): "Bexley PCT had ODS code 5AX in 2004 (Hansard 23 Feb 2004)".
    printed_names['5AX'] = ('Bexley PCT', 'hansard-2004-02-23-pct-codes')
    ended = ended_codes(ep)
    code_by_name = {norm(n): c for c, (n, _) in dn.items() if c in ended}
    body_of_code = {}   # every PCT code of 2002-2006 that ended by 30 Sep 2006 -> its body
    matched = []        # (body id, name, code, how): codes given to the trusts the project's sources name

    def epcmem_dates(b, code, sourced_from=None):
        first, last = ep.span(code)
        b['from'] = min(first, sourced_from) if sourced_from else first
        b['to'] = last
        return first, last

    for p in P:
        printed = p['ods'] or code_of.get(norm(p['key']))
        code = printed or code_by_name.get(norm(NAME_IN_DERIVED.get(p['name'], p['key'])))
        if code not in ended:
            sys.exit('%s: no ODS epcmem code ending by 30 Sep 2006 (%s)' % (p['name'], code))
        bid = body_id(p['name'], printed)
        b = dict(id=bid, kind=p['kind'], name=p['name'], ods=code)
        first, last = epcmem_dates(b, code, p['frm'])
        src = list(dict.fromkeys(([p['frm_src']] if p['frm_src'] and p['frm'] < first else []) + p['evid']
                                 + [pct_epcmem.SOURCE_ID]))
        notes = [dates_note(first, last, p['frm'] if p['frm'] and p['frm'] < first else None)]
        inferred = None
        if printed:
            notes.append('ODS code as printed next to the name in the cited Hansard answer(s).')
        else:
            src.append(pct_epcmem.NAMES_SOURCE_ID)
            inferred = matched_note(code, ep, ended)
            matched.append((bid, p['name'], code))
        b['source'] = src
        if p['secondary']:
            b['secondary-only'] = True
            notes.append('Secondary source only: the trust\'s name is sourced to a Wikipedia article, not to a primary record.')
        if p['note']:
            notes.append(p['note'])
        b['note'] = ' '.join(notes)
        if inferred:
            pct_epcmem.mark_inferred(b, inferred)
        if p['sha']:
            mo = [dict(group='sha/2002/' + p['sha'], source=p['sha_src'])]
            sha = next(s for s in SHAS if s[0] == p['sha'])
            if sha[4] == 'stated':
                mo.append(dict(group='sha/' + sha[3], **{'from': JUL06}, source=sha[5][0],
                               **{'x-basis': 'deduced: the old SHA, of which the trust was a member, merged into this SHA on 1 Jul 2006'}))
            b['member-of'] = mo
        bodies.append(b)
        used_sources.update(src)
        p['id'] = bid
        p['ods_code'] = code
        body_of_code[code] = b

    # London, 1 Apr 2003 (SI 2003/1066): the three trusts it dissolved
    for name, sl, _ in LONDON_2003:
        code = code_by_name[norm(NAME_IN_DERIVED.get(name, name))]
        b = {'id': 'pct/2002/' + sl, 'kind': 'pct', 'name': name, 'ods': code}
        first, last = epcmem_dates(b, code)
        b['source'] = ['si-2003-1066', pct_epcmem.SOURCE_ID, pct_epcmem.NAMES_SOURCE_ID]
        b['note'] = ('Established by the %s (Establishment) Order 2001 (number and dates not seen); dissolved on 1 Apr 2003 by '
                     'SI 2003/1066. %s' % (name.replace(' PCT', ' Primary Care Trust'), dates_note(first, last)))
        pct_epcmem.mark_inferred(b, matched_note(code, ep, ended))
        bodies.append(b)
        body_of_code[code] = b
        matched.append((b['id'], name, code))

    # every other code: a body named as the archive's derived table names it, the name marked as inferred
    for code in sorted(ended - set(body_of_code)):
        b = unnamed_code_body(code, ep, dn, printed_names)
        bodies.append(b)
        used_sources.update(b['source'])
        body_of_code[code] = b
    used_sources.update([pct_epcmem.SOURCE_ID, pct_epcmem.NAMES_SOURCE_ID, 'si-2003-1066'])

    # who went where: the practices that moved
    body_of_new = {b['ods']: i for i, b in gen.items() if b.get('ods')}
    dividing = {p['ods_code'] for p in P if p['name'] in DIVIDING}
    p_of_code = {p['ods_code']: p for p in P}
    evs, reassigned = succession_events(ep, body_of_code, body_of_new, dividing, p_of_code, COMPLETE_2006, MERGE_COUNTS)
    events.extend(evs)
    for e in evs:
        used_sources.update(e['source'])
    add_epcmem_coverage(bodies, body_of_code, gen, evs, LONDON_2003)
    pcg, pcg_merge = last_pcg(ep, body_of_code)
    bodies.append(pcg)
    events.append(pcg_merge)
    write_reconciliation(matched, reassigned, P, body_of_code, ep, evs, os.path.join(OUT, 'events.yaml'))
    used_sources.update(['nhs-act-1977-s16a', 'dh-pct-proposals-2005-11-30'])   # the London claim, below

    # the 28 SHAs and their 1 Jul 2006 mergers
    sha_bodies, sha_events = [], []
    into = {}
    for sl, name, ods, new, basis, src in SHAS:
        bid = 'sha/2002/' + sl
        b = dict(id=bid, kind='sha', name=name + ' Strategic Health Authority')
        if ods:
            b['ods'] = ods
        b['from'] = '2002-04-01'
        b['to'] = '2006-06-30'
        bsrc = ['si-2002-553', 'hansard-2006-07-13-sha-finance'] + (['hansard-2008-09-01-hes-sha-codes'] if ods else [])
        if sl in ('county-durham-and-tees-valley', 'northumberland-tyne-and-wear', 'north-and-east-yorkshire-and-northern-lincolnshire'):
            bsrc.append('northernecho-7089791')
        if sl == 'west-midlands-south':
            bsrc.append('worcesternews-7728765')
        b['source'] = bsrc
        note = ('Established on 1 Apr 2002 as a Health Authority by SI 2002/553 (Schedule 1 not read) and a Strategic Health Authority '
                'from 1 Oct 2002 (National Health Service Reform and Health Care Professions Act 2002, s.1); its name before 1 Oct 2002 '
                'is not recorded. Named as in the Hansard table of 13 Jul 2006.')
        if ods:
            note += ' ODS code as printed next to the name in Hansard, 1 Sep 2008.'
        else:
            note += ' ODS code not sourced.'
        if sl == 'west-midlands-south':
            note = note.replace('Named as in the Hansard table of 13 Jul 2006.',
                                'Named "Coventry, Warwickshire, Herefordshire and Worcestershire" at its creation (Worcester News, 2001) and in '
                                'the Hansard HES table (1 Sep 2008, Q28); "West Midlands South SHA" in the Hansard table of 13 Jul 2006. '
                                'The date of the change of name is not sourced, so no rename event is recorded.')
        b['note'] = note
        sha_bodies.append(b)
        used_sources.update(bsrc)
        into.setdefault(new, []).append((bid, basis, src, name))
    for new, ms in into.items():
        src = ['si-2006-1408'] + sorted({s for _, _, ss, _ in ms for s in ss})
        stated = [n for _, bs, _, n in ms if bs == 'stated']
        deduced = [n for _, bs, _, n in ms if bs == 'deduced']
        note = ('SI 2006/1408 abolished the SHAs of its Schedule 2 on 1 Jul 2006 and names each one\'s "relevant new authority" there; '
                'the Schedule was not read.')
        if stated:
            note += ' Stated by the cited reports: %s.' % '; '.join(stated)
        if deduced:
            note += ' Deduced (%s): %s.' % (SHA_DEDUCED_NOTE.get(new, 'by region'), '; '.join(deduced))
        ev = dict(id='%s/merge/sha-%s' % (JUL06, new), date=JUL06, kind='merge', **{'from': [m[0] for m in ms]}, to='sha/' + new,
                  source=src, note=note)
        if deduced:
            ev['deduced'] = [m[0] for m in ms if m[1] == 'deduced']
        sha_events.append(ev)
        used_sources.update(src)

    # sources: define only those not defined elsewhere
    missing = used_sources - set(SOURCES) - other_src
    if missing:
        sys.exit('undeclared sources: %s' % sorted(missing))
    mine = {k: v for k, v in SOURCES.items() if k in used_sources and k not in other_src}
    # An encyclopaedia is a secondary source: answers resting on it alone say so.
    mine = {k: (dict(v, secondary=True) if v.get('publisher') == 'Wikipedia' else v) for k, v in mine.items()}

    # ids must be free
    clash = ({b['id'] for b in bodies + sha_bodies} & other_bodies) | ({e['id'] for e in events + sha_events} & other_events)
    if clash:
        sys.exit('ids already used elsewhere: %s' % sorted(clash))

    os.makedirs(OUT, exist_ok=True)
    write('sources.yaml', 'Sources cited by the 2002-2006 PCT and SHA files (ids defined by other files are reused, not repeated).',
          {'sources': mine})
    claims = [{'function': 'commissioning', 'area-kinds': ['la-london-borough'], 'from': PCT_START, 'to': '2006-09-30',
               'source': ['nhs-act-1977-s16a', 'dh-pct-proposals-2005-11-30'],
               'x-note': 'London: the boroughs\' PCTs are all named. Redbridge '
                         'and Waltham Forest before 1 Apr 2003 are served by the three trusts dissolved by SI 2003/1066 in '
                         'shares not sourced (said in their coverage notes).'},
              {'function': 'commissioning', 'area-kinds': ['la-unitary', 'la-metropolitan', 'la-district'],
               'from': PCT_START, 'to': '2006-09-30', 'source': ['nhs-act-1977-s16a', 'si-2006-2072'],
               'x-note': 'Outside London the trusts of 2002-2006 are known only in part (see NEWS.md): where the trusts '
                         'recorded as merged into a PCT of 1 Oct 2006 are not known to be all of them, a placeholder '
                         '(kind pct-unnamed) stands for those no source read names, over the new '
                         'PCT\'s area. Every share outside London is unknown, said in each coverage note.'}]
    write('pcts.yaml', 'PCTs (and a care trust) of 2002-2006 that ended on 31 Mar 2003 or 30 Sep 2006. PCTs that continued across '
          '1 Oct 2006 are in ../2006-2013. Coverage derived by tools/data/pct_pre2006_coverage.py (see its docstring).',
          {'claims': claims, 'bodies': bodies})
    write('events.yaml', 'The 1 Apr 2003 London dissolutions (SI 2003/1066), the 1 Oct 2006 PCT mergers and divisions (SI 2006/2072) '
          'and the Middlesbrough boundary change (SI 2006/2074).', {'events': events})
    write('shas.yaml', 'The 28 Strategic Health Authorities of 1 Apr 2002 - 30 Jun 2006 and their 1 Jul 2006 mergers into the 10 '
          'SHAs (SI 2006/1408).', {'bodies': sha_bodies, 'events': sha_events})

    # report what was left out
    written = {norm(p['name']) for p in P} | {norm(n) for n, _, _ in LONDON_2003} | {norm(a) for a in ALIASES}
    written |= {norm(r['name']) for r in pcts06.values()}   # continuing trusts (in ../2006-2013)
    left = []
    for r in hans:
        if 'continued' in (r['successor_2006_name'] or ''):
            continue
        if norm(r['name']) not in written:
            left.append((r['name'], r['source_url'][:80]))
    for r in codes:
        if norm(r['name']) not in written:
            left.append((r['name'] + ' ' + r['ods_code'], 'codes file'))
    for r in read_csv('pct_establishment_orders.csv'):
        n = norm(r['name'])
        if n in written or 'continued' in (r['later_changes'] or ''):
            continue
        left.append((r['name'], (r['source_url'] or '')[:80]))
    seen = set()
    print('Written: %d PCT bodies (%d with ODS code), %d SHA bodies, %d PCT events, %d SHA events, %d sources defined here'
          % (len(bodies), sum(1 for b in bodies if 'ods' in b), len(sha_bodies), len(events), len(sha_events), len(mine)))
    print('Left out (not written):')
    for n, why in left:
        if norm(n) in seen:
            continue
        seen.add(norm(n))
        reason = next((v for k, v in LEFT_OUT_REASONS.items() if k in norm(n)), 'source: ' + why)
        print('  - %s: %s' % (n, reason))


# New PCTs of 1 Oct 2006 whose recorded predecessors are the complete set, as the cited sources give it (a "complete
# merger of", a list of all the trusts merged, or a count matched by the names recorded): code -> (sources, why).
def _as_states(src):
    return ([src], 'as %s states' % src)


COMPLETE_2006 = {c: _as_states(src) for c, src in {
    '5QH': 'hansard-2010-01-06-gloucester', '5PX': 'hansard-2007-05-03-mid-essex', '5N6': 'hansard-2008-10-15-derbyshire',
    '5NT': 'hansard-2010-03-15-manchester', '5N5': 'hansard-2009-05-20-doncaster', '5N3': 'hansard-2009-07-20-wakefield',
    '5NE': 'hansard-2008-09-01-cumbria', '5ND': 'cluster-thenorthernecho-co-uk-news-health-nhsne-10320524-yasmin-chau',
    '5NQ': 'men-1046461', '5P6': 'theargus-6812560', '5P7': 'theargus-6812560', '5P8': 'bexhillobserver-2435539',
    '5NY': 'telegraphandargus-948363',
}.items()}
ESSEX_13 = ('Essex was served by 13 PCTs before 1 Oct 2006 and by five after (Echo 955467: "reduced from 13 to just five"; '
            'EADT 7470122 and 7453486), and the 13 are all recorded, each in one of the five')
COMPLETE_2006.update({
    '5P1': (['echo-news-955467', 'eadt-7453486'],
            'Echo 955467: "Southend and Castle Point and Rochford PCTs became one organisation"; ' + ESSEX_13),
    '5PY': (['echo-news-955467', 'eadt-7453486'],
            'Echo 955467: "Basildon PCT merges with Brentwood, Billericay and Wickford and Thurrock PCTs to create the South '
            'West Essex PCT"; ' + ESSEX_13),
    '5PW': (['eadt-7470122', 'echo-news-955467', 'eadt-7453486'],
            'EADT 7470122: "Tendring PCT and Colchester PCT, which will merge to form the new North East Essex PCT"; ' + ESSEX_13),
    '5PV': (['echo-news-955467', 'eadt-7470122', 'eadt-7453486'], ESSEX_13 + ', three of them in West Essex PCT'),
    '5P4': (['borehamwoodtimes-765425'],
            'the Borehamwood Times: Hertsmere PCT "will be merged with St Albans and Harpenden PCT, Dacorum PCT and the Watford '
            'and Three Rivers PCT to create West Hertfordshire PCT"'),
    '5P5': (['hansard-2004-09-16-surrey-sussex'],
            'the written statement of 16 Sep 2004 tabulates "each primary care trust in the Surrey and Sussex Strategic Health '
            'Authority": 15 PCTs, of which these five are the Surrey ones (the other ten are Sussex\'s, whose new PCTs are '
            'sourced separately), and none of the dividing PCTs of SI 2006/2072 art. 1(2) lay in Surrey'),
    '5P9': (['kentonline-a20534', 'kentonline-a19906', 'kentonline-a26201'],
            'nine PCTs served Kent and Medway (KentOnline, 2005: "the nine that serve Kent"; "nine primary care trusts slimmed '
            'down to just three"); Medway PCT continued and Eastern and Coastal Kent PCT replaced five (KentOnline, 29 Sep '
            '2006), which leaves three for West Kent PCT, the three recorded (KentOnline of 19 May 2006 says "the current '
            'eight", which the recorded names contradict)'),
    '5PT': (['eadt-7466238', 'eadt-7453864'],
            'EADT: "There are currently five PCTS in the county, at Suffolk West, Ipswich, Suffolk Coastal, Suffolk Central '
            'and Waveney"; Waveney PCT, a dividing PCT, passed part of its area to Suffolk PCT (its split event)'),
    '5PR': (['eadt-7470012', 'ipswichstar-7455912'],
            'EADT 7470012: Waveney PCT to merge with Great Yarmouth PCT as Great Yarmouth and Waveney PCT (Waveney, a dividing '
            'PCT, by its split event; Ipswich Star 7455912: Suffolk "except Waveney" and a separate Great Yarmouth and Waveney '
            'PCT)'),
    '5QK': (['wiltshiretimes-969450'],
            'the Wiltshire Times: "the Kennet and North Wiltshire PCT merged with West Wiltshire and South Wiltshire PCTs, to '
            'form a Wiltshire PCT"'),
    '5PN': (['hansard-2008-11-05-cambridgeshire'],
            'Hansard 5 Nov 2008, note 2: "a complete merger of North Peterborough PCT and a part merger of South Peterborough '
            'PCT (Peterborough part)" (South Peterborough, a dividing PCT, by its split event)'),
    '5PP': (['hansard-2008-11-05-cambridgeshire'],
            'Hansard 5 Nov 2008, note 2: "a complete merger of Cambridge City PCT, East Cambridgeshire and Fenland PCT, '
            'Huntingdonshire PCT, South Cambridgeshire PCT and with a part merger of South Peterborough PCT" (by its split '
            'event)'),
    '5PC': (['yumpu-leicester-city-pct-ar-2006-07'],
            'its annual report 2006-07: "Leicester City Primary Care Trust (incorporating Eastern Leicester Primary Care Trust '
            'and Leicester City West Primary Care Trust)", "both of the predecessor PCTs"'),
    '5N2': (['examiner-14100410', 'examiner-5058756'],
            'the Huddersfield Examiner: "Previously there had been three - the Huddersfield Central, South Huddersfield and '
            'North Kirklees PCT - which ran until 2006 when they merged together"'),
    '5QJ': (['bbc-5396350'],
            'BBC News, 1 Oct 2006: "Bristol\'s two NHS health care trusts have merged ... The Bristol Primary Care Trust has '
            'taken over from Bristol South and West and Bristol North PCT"'),
    '5PF': (['rattlechain-sandwell-pct'],
            'a community campaign site (weak): "formed in October 2006 following the merger of three Primary Care Trusts: '
            'Oldbury & Smethwick, Rowley Regis & Tipton and Wednesbury & West Bromwich"'),
    '5PL': (['wyreforest-dc-2006-02-16', 'bromsgroveadvertiser-996794'],
            'the option the Wyre Forest District Council cabinet supported (16 Feb 2006), "merging Wyre Forest PCT, Redditch & '
            'Bromsgrove PCT and South Worcestershire PCT into a single Worcestershire PCT", is the structure of 1 Oct 2006 (the '
            'Bromsgrove Advertiser: Redditch and Bromsgrove PCT replaced by "the new Worcestershire Primary Care Trust")'),
    '5QR': (['hansard-2009-02-10-langbaurgh', 'si-2006-2074'],
            'Hansard 10 Feb 2009: "Langbaurgh PCT merged with a part of Middlesbrough PCT and became Redcar and Cleveland PCT" '
            '(the part of Middlesbrough PCT by the transfer event of SI 2006/2074)'),
    # The whole set as a Wikipedia county article gives it (secondary source only; said in the note, and each link
    # that rests on it alone is marked secondary on the event).
    '5N8': (['wikipedia-healthcare-in-nottinghamshire'],
            'secondary source only: Wikipedia (Healthcare in Nottinghamshire) names the 2002 PCTs of the county and says all '
            'but Nottingham City merged into Nottinghamshire County Teaching PCT (Bassetlaw PCT, which it does not name, '
            'continued as 5ET)'),
    '5N7': (['wikipedia-healthcare-in-derbyshire', 'hansard-2008-10-15-derbyshire'],
            'secondary source only for the count: Wikipedia (Healthcare in Derbyshire) gives eight Derbyshire PCTs merged '
            'into two, and Hansard 15 Oct 2008 names the six that formed Derbyshire County PCT, which leaves these two'),
    '5N9': (['wikipedia-healthcare-in-lincolnshire'],
            'secondary source only: Wikipedia (Healthcare in Lincolnshire) says East Lincolnshire, Lincolnshire South West '
            'Teaching and West Lincolnshire PCTs were merged in 2006'),
    '5PD': (['wikipedia-healthcare-in-northamptonshire'],
            'secondary source only: Wikipedia (Healthcare in Northamptonshire) says the three PCTs of 2002 were merged into '
            'Northamptonshire Teaching PCT in 2006'),
    '5QQ': (['wikipedia-healthcare-in-devon'],
            'secondary source only: Wikipedia (Healthcare in Devon) names the eight PCTs of 2002 and says those other than '
            'Plymouth and Torbay merged to form Devon PCT'),
    '5PA': (['wikipedia-healthcare-in-leicestershire', 'hansard-2006-02-07-nhs-reorganisation'],
            'secondary source only: Wikipedia (Healthcare in Leicestershire) names the county\'s PCTs of 2002, of which '
            'these four lay outside the city (the two city PCTs formed Leicester City PCT, by its annual report)'),
    '5NV': (['yorkpress-7974166', 'northernecho-7156537', 'northernecho-7146816'],
            'The Press (York) names "the four primary care trusts (PCTs) in the region" (Selby and York; Craven, Harrogate and '
            'Rural; Hambleton and Richmondshire; Scarborough, Whitby and Ryedale) and the one organisation proposed for North '
            'Yorkshire and York, which "will replace four existing PCTs" (The Northern Echo)'),
    '5QE': (['oxfordmail-773137'],
            'the Oxford Mail: "All of the county\'s health services will be delivered by Oxfordshire Primary Care Trust from '
            'October 1. At the moment, health services are delivered by five PCTs Oxford City, Cherwell Vale, South East, South '
            'West, and North East Oxfordshire PCTs" (Cherwell Vale, a dividing PCT, by its split event)'),
})


# New PCTs of 1 Oct 2006 for which a source gives the number of trusts merged, more than are recorded.
MERGE_COUNTS = {
    '5N1': ('hsj-21746', 5, 'HSJ (11 Apr 2002) says North East Leeds was "one of five created in Leeds"'),
    '5PQ': ('edp24-7580100', 5, 'The Eastern Daily Press (2006) says the transitional lead was "charged with moulding five '
                                'into one"'),
    '5QA': ('kentonline-a26201', 5, 'KentOnline (29 Sep 2006) says the new trust "replaces Swale Primary Care Trust as well '
                                    'as four others in the east of the county"'),
    '5QC': ('gponline-588453', 7, 'GP online (2006): "In Hampshire, seven trusts are to merge into a single organisation"'),
    '5P3': ('borehamwoodtimes-765425', 4, 'The Borehamwood Times (2006): "The eight currently in the county will be reduced to '
                                          'two", four of them into West Hertfordshire PCT'),
}


def read_generated_2006_2013():
    """The 2006-2013 PCT records as generated by pct_2006_2013.py (their coverage on 1 Oct 2006)."""
    with open(os.path.join(DATA, 'pct-era', '2006-2013', 'pcts.yaml'), encoding='utf-8') as f:
        return {b['id']: b for b in yaml.safe_load(f)['bodies']}


DATE_RE = re.compile(r'^\d{4}-\d{2}-\d{2}$')


def dates(x, key=None):
    """Turn ISO date strings under from/to/date into dates, so that YAML writes them unquoted."""
    if isinstance(x, dict):
        return {k: dates(v, k) for k, v in x.items()}
    if isinstance(x, list):
        return [dates(v, key) for v in x]
    if key in ('from', 'to', 'date') and isinstance(x, str) and DATE_RE.match(x):
        return datetime.date.fromisoformat(x)
    return x


def write(name, comment, data):
    path = os.path.join(OUT, name)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('# GENERATED by %s from the files in ../shared/sources/pre2013; do not edit by hand.\n' % SCRIPT)
        f.write('# Run /usr/bin/python3 %s to regenerate.\n' % SCRIPT)
        f.write('# %s\n' % comment)
        yaml.safe_dump(dates(data), f, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False)


if __name__ == '__main__':
    main()
