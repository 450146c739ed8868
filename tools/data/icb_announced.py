#!/usr/bin/python3
"""Generate data/nhs-england/ccg-icb-era/icb/announced.yaml: the changes announced but not known to be
in force at the knowledge horizon, as announcements (directions that name no event yet). Every answer
on or after an announcement's date that touches its bodies says that it is announced, not confirmed.

What is recorded, and why as announced (../shared/sources/post2024/README.md, sections 3, 4 and 6):
- the ICB mergers of 1 April 2027: NHS England's procedure provides for them and NHS England directed
  every clustered board to merge by then (a news report), but no decision naming the boards was found;
- the abolition of NHS England (the Health Bill 2026-27, target March 2027): before Parliament, in
  committee in June 2026; no Royal Assent or commencement found;
- the delegation of vaccination and most screening to the ICBs, planned for 1 April 2026: no source read
  from after that date confirms it (it names no body: the dataset has no vaccination or screening function);
- Surrey's two unitary councils from 1 April 2027 (the Government's decision of 28 October 2025): the
  county council, which holds public health, and the eleven districts to be dissolved on 31 March 2027.
The reorganisation of 1 April 2026, once announced here, is in force and lives in reorganisation-2026.yaml.

Run: /usr/bin/python3 tools/data/icb_announced.py   (from the repository root)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ccg_common import write_yaml  # noqa: E402

SOURCES = {
    'nhse-icb-mergers-procedure-2025-27': dict(
        title='NHS England, Integrated care system boundary changes and mergers procedure (published 23 September'
              ' 2025): changes to be implemented on 1 April 2026 and 1 April 2027',
        url='https://www.england.nhs.uk/publication/integrated-care-system-boundary-changes-and-mergers-procedure',
        publisher='NHS England'),
    'distilledpost-icb-merge-2027': dict(
        title='NHS England orders clustered integrated care boards to merge by April 2027 (Distilled Post)',
        url='https://www.distilledpost.com/post/nhs-england-orders-immediate-integration-of-clustered-care-boards-by-next-april',
        publisher='Distilled Post',
        secondary=True,
        note='A news report of NHS England\'s direction; the direction itself was not read.'),
    'nhsconfed-icb-clusters-mergers': dict(
        title='NHS Confederation, ICB clusters and mergers (updated 6 October 2025)',
        url='https://www.nhsconfed.org/publications/icb-clusters-and-mergers',
        publisher='NHS Confederation',
        secondary=True,
        note='"Decisions on further ICB mergers will take place in summer 2026 and come into effect on 1 April 2027."'),
    'dhsc-health-bill-ia-2026': dict(
        title='Department of Health and Social Care, Health Bill: impact assessments summary (14 May 2026)',
        url='https://www.policythreads.co.uk/document/531930/',
        publisher='Department of Health and Social Care (as reproduced by Policy Threads)',
        licence='OGL-3.0',
        note='"On 13 March 2025, the government announced plans to abolish NHS England and merge its functions into'
             ' the Department of Health and Social Care (DHSC) by March 2027, subject to Parliamentary approval."'),
    'health-bill-2026-committee': dict(
        title='House of Commons, Health Bill, Public Bill Committee, 23-25 June 2026 (clause 1: abolition of NHS England)',
        url='https://parallelparliament.co.uk/debate/2026-06-25/commons/public-bill-committees/health-bill-sixth-sitting/ministerial-extracts',
        publisher='UK Parliament (as reproduced by Parallel Parliament)',
        licence='OPL-3.0',
        note='The newest stage of the bill found. No report stage, Lords stage, Royal Assent or commencement order'
             ' was found.'),
    'nhse-vaccination-screening-delegation-2025': dict(
        title='NHS England, Delegation proposals for vaccination and screening (6 February 2025)',
        url='https://www.england.nhs.uk/long-read/delegation-proposals-for-vaccination-and-screening',
        publisher='NHS England',
        note='"delegate the significant majority of these services to integrated care boards (ICBs) on 1 April 2026";'
             ' child health information services, bowel screening hubs, the cervical screening administration'
             ' service, HPV and newborn bloodspot laboratories stay national.'),
    'mhclg-surrey-unitaries-2025': dict(
        title='Ministry of Housing, Communities and Local Government: decision on local government reorganisation'
              ' in Surrey (28 October 2025): East Surrey and West Surrey unitary councils from 1 April 2027',
        url='https://www.surreylgrhub.org/homepage/15/decision-on-local-government-reorganisation',
        publisher='Surrey local government reorganisation hub (the Surrey councils)',
        note='East Surrey (Elmbridge, Epsom and Ewell, Mole Valley, Reigate and Banstead, Tandridge) and West Surrey'
             ' (Guildford, Runnymede, Spelthorne, Surrey Heath, Waverley, Woking); "On 31 March 2027, the twelve'
             ' existing councils will be dissolved". The structural changes order\'s title and the new councils\''
             ' GSS codes were not found.'),
}

ANNOUNCEMENTS = [
    dict(id='2027-04-01/announced/icb-mergers', date='2027-04-01', kinds=['icb'],
         source=['nhse-icb-mergers-procedure-2025-27', 'distilledpost-icb-merge-2027', 'nhsconfed-icb-clusters-mergers'],
         note='NHS England\'s procedure provides for ICB mergers and boundary changes on 1 April 2027, and NHS'
              ' England is reported to have directed every clustered ICB to merge by then; no decision naming the'
              ' boards was found in the sources read: which boards merge, and into what, is not known.'),
    dict(id='2027-03-31/announced/nhs-england-abolition', date='2027-03-31', bodies=['nhs-england'],
         source=['dhsc-health-bill-ia-2026', 'health-bill-2026-committee'],
         note='The Health Bill 2026-27 abolishes NHS England and passes its functions, commissioning among them, to'
              ' the Secretary of State, by March 2027 (the Government\'s target); the bill was before Parliament'
              ' (in committee in June 2026) and no Royal Assent or commencement was found.'),
    # No body: the dataset models no vaccination or screening function, so no answer is about them; naming
    # NHS England would put this note on every answer naming it (dental, specialised --legal) from April 2026.
    dict(id='2026-04-01/announced/vaccination-screening-delegation', date='2026-04-01',
         source=['nhse-vaccination-screening-delegation-2025'],
         note='NHS England planned to delegate vaccination and most screening services to the ICBs from 1 April 2026;'
              ' no source read from after that date confirms that it did. The dataset does not model vaccination or'
              ' screening as functions, so this is listed by `changes` only and no answer carries it.'),
    dict(id='2027-04-01/announced/surrey-unitaries', date='2027-04-01', bodies=['la/E10000030'],
         source=['mhclg-surrey-unitaries-2025'],
         note='Surrey County Council and its eleven districts are to be dissolved on 31 March 2027, and East Surrey'
              ' and West Surrey unitary councils to take over on 1 April 2027; the order and the new councils\' codes'
              ' were not found.'),
]


def main():
    write_yaml('icb/announced.yaml', [
        'GENERATED by tools/data/icb_announced.py; do not edit by hand.',
        'Changes announced but not known to be in force at the knowledge horizon: every answer on or after their',
        'date that touches their bodies says so.'], dict(sources=SOURCES, announcements=ANNOUNCEMENTS))


if __name__ == '__main__':
    main()
