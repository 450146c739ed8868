"""Readers for the NHS ODS, HSCIC and ONS files that public repositories keep copies of, used by the CCG-era
converters (ccg_bodies.py, ccg_nhs_england.py, transition_2013.py, stp.py).

Each copy is read at generation time, at a pinned commit, from a local snapshot of its repository (the
search library's `fetch` puts them under /work/.mirror/<owner>+<name>/repo; set ORGLINEAGE_MIRRORS to use
another directory). Nothing here is copied into data/: the converters write facts and cite the originals.
"""
import csv
import io
import os
import subprocess

MIRRORS = os.environ.get('ORGLINEAGE_MIRRORS', '/work/.mirror')

# repository -> the commit whose files are read
OPENPRESCRIBING = ('ebmdatalab/openprescribing', '2aab031b6d83d25a6247ccc85c5e9d0f8460d456')
OPENPRESCRIBING_ECCG = ('ebmdatalab/openprescribing', '6e98b609f3366c969e669fc320aa03288bf71e81')
ODS_PROCESSING = ('tomjemmett/odsProcessing', '75fc309001e233a1bb35c6228708945232c5c05c')

# HSCIC "Numbers of patients registered at a GP practice" quarterly files in the openprescribing copy
LIST_SIZE_QUARTERS = ['2013_04-06', '2013_07-09', '2013_10-12', '2014_01-03', '2014_04-06', '2014_07-09',
                      '2014_10-12', '2015_01-03']


def _read(repo_commit, path, encoding='utf-8'):
    repo, commit = repo_commit
    git_dir = os.path.join(MIRRORS, repo.replace('/', '+'), 'repo')
    if not os.path.isdir(git_dir):
        raise SystemExit('%s: no snapshot of %s (fetch github:%s first, or set ORGLINEAGE_MIRRORS)'
                         % (git_dir, repo, repo))
    out = subprocess.run(['git', '--git-dir', git_dir, 'show', '%s:%s' % (commit, path)],
                         check=True, capture_output=True).stdout
    return out.decode(encoding)


def ods_successors():
    """The ODS succession file (processed 25 Sep 2023): list of (from ODS code, to ODS code, legal start)."""
    text = _read(ODS_PROCESSING, 'ods_successors.csv')
    return [(r['from'], r['to'], r['legal_start']) for r in csv.DictReader(io.StringIO(text))]


def ccg_codes_2013():
    """ONS 'CCG names and codes' of April 2013: ONS code -> (ODS code, name)."""
    text = _read(OPENPRESCRIBING, 'openprescribing/data/org_codes/CCG_APR_2013.csv', 'latin-1')
    return {r['CCG13CD']: (r['CCG13CDH'], r['CCG13NM']) for r in csv.DictReader(io.StringIO(text))}


def area_team_codes_2013():
    """ONS area-team codes paired with their ODS codes (openprescribing's at.csv): ONS code -> (ODS, name)."""
    text = _read(OPENPRESCRIBING, 'openprescribing/data/org_codes/at.csv')
    # the copy ends its lines with a bare carriage return
    rows = csv.DictReader(io.StringIO('\n'.join(text.splitlines())))
    return {r['ons_code']: (r['hscic_code'], r['name']) for r in rows}


def eccg_2016():
    """The ODS CCG file (eccg) as of February 2016: ODS code -> dict(name, region, hlhg, opened, closed)."""
    text = _read(OPENPRESCRIBING_ECCG, 'openprescribing/data/org_codes/eccg.csv')
    out = {}
    for r in csv.reader(io.StringIO(text)):
        out[r[0]] = {'name': r[1], 'region': r[2], 'hlhg': r[3], 'opened': r[10], 'closed': r[11]}
    return out


def list_sizes(quarter):
    """One HSCIC quarterly registered-patients file: rows of dict(region, region_name, area_team,
    area_team_name, pco, pco_name, practice, patients), patients summed over the age bands."""
    text = _read(OPENPRESCRIBING, 'openprescribing/data/list_sizes/Patient_List_Size_%s.csv' % quarter, 'latin-1')
    rows = []
    for r in csv.DictReader(io.StringIO(text)):
        r = {k.strip(): (v or '').strip() for k, v in r.items()}
        bands = [k for k in r if k.startswith(('Male', 'Female'))]
        rows.append({'region': r['Regional Office Code'], 'region_name': r['Regional Office Name'],
                     'area_team': r['Area Team Code'], 'area_team_name': r['Area Team Name'],
                     'pco': r['PCO Code'], 'pco_name': r['PCO Name'], 'practice': r['Practice Code'],
                     'patients': sum(int(r[k]) for k in bands)})
    return rows


def ccg_area_teams(quarter):
    """CCG ODS code -> area-team ODS code in one quarter's list-size file (CCG rows carry 'CCG' in the name)."""
    out = {}
    for r in list_sizes(quarter):
        if r['pco_name'].endswith('CCG') and r['pco'].endswith('00'):
            ccg = r['pco'][:3]
            assert out.get(ccg, r['area_team']) == r['area_team'], (quarter, ccg)
            out[ccg] = r['area_team']
    return out


def ccg_patients(quarter):
    """CCG ODS code -> registered patients (all practices of the CCG) in one quarter's file."""
    out = {}
    for r in list_sizes(quarter):
        if r['pco_name'].endswith('CCG') and r['pco'].endswith('00'):
            out[r['pco'][:3]] = out.get(r['pco'][:3], 0) + r['patients']
    return out


def area_team_names(quarter):
    """Area-team ODS code -> (name, regional office code, regional office name) in one quarter's file."""
    return {r['area_team']: (r['area_team_name'], r['region'], r['region_name']) for r in list_sizes(quarter)}


# The citations of these copies, for the sources: blocks of the files that use them.
SOURCES = {
    'ons-ccg-names-codes-2013': {
        'title': 'ONS Clinical Commissioning Groups (April 2013) names and codes in England (CCG13CD, CCG13CDH, '
                 'CCG13NM)',
        'url': 'https://geoportal.statistics.gov.uk/',
        'publisher': 'Office for National Statistics', 'licence': 'OGL-3.0',
        'note': 'Read from the copy in ebmdatalab/openprescribing@2aab031 (openprescribing/data/org_codes/'
                'CCG_APR_2013.csv): the 211 CCGs of 1 April 2013 with their ONS and ODS codes.',
    },
    'ods-eccg-2016': {
        'title': 'NHS Organisation Data Service CCG file (eccg), February 2016 edition',
        'url': 'https://digital.nhs.uk/services/organisation-data-service',
        'publisher': 'Health and Social Care Information Centre (NHS Digital)', 'licence': 'OGL-3.0',
        'note': 'Read from the copy in ebmdatalab/openprescribing@6e98b60 (openprescribing/data/org_codes/eccg.csv): '
                'each CCG with its ODS region (Y..), its high-level health geography (the NHS England local office, '
                'Q..), open and close dates (00F, 00G and 00H opened 1 Apr 2013 and closed 31 Mar 2015).',
    },
    'ods-successors-2023': {
        'title': 'NHS Organisation Data Service succession records (successor file), as processed on 25 Sep 2023',
        'url': 'https://digital.nhs.uk/services/organisation-data-service',
        'publisher': 'NHS England (Organisation Data Service)', 'licence': 'OGL-3.0',
        'note': 'Read from the copy in tomjemmett/odsProcessing@75fc309 (ods_successors.csv: from, to, legal start). '
                'It has 00F, 00G and 00H -> 13T and the area teams Q44-Q60 and Q64-Q69 -> the local offices Q72-Q82, '
                'all on 1 Apr 2015; it has no successor for the London area teams Q61-Q63 nor for Q70 (Wessex), '
                'whose code continued.',
    },
    'hscic-gp-list-sizes-2013-2015': {
        'title': 'HSCIC Numbers of Patients Registered at a GP Practice, quarterly files April 2013 - March 2015 '
                 '(by practice, with its CCG, NHS England area team and regional office)',
        'url': 'https://digital.nhs.uk/data-and-information/publications/statistical/'
               'patients-registered-at-a-gp-practice',
        'publisher': 'Health and Social Care Information Centre', 'licence': 'OGL-3.0',
        'note': 'Read from the copies in ebmdatalab/openprescribing@2aab031 (openprescribing/data/list_sizes/'
                'Patient_List_Size_2013_04-06.csv ... 2015_01-03.csv). They record 27 area teams, Q44-Q70, with '
                'London as three (Q61 North East London, Q62 North West London, Q63 South London), each CCG\'s '
                'area team, and the patients registered with each CCG\'s practices.',
    },
    'openprescribing-area-team-codes': {
        'title': 'ONS area-team codes (E39) paired with their ODS codes (Q44-Q71), openprescribing at.csv',
        'url': 'https://github.com/ebmdatalab/openprescribing/blob/2aab031b6d83d25a6247ccc85c5e9d0f8460d456/'
               'openprescribing/data/org_codes/at.csv',
        'publisher': 'EBM DataLab (openprescribing)',
        'note': 'A secondary table joining the ONS area-team names and codes of April 2013 to the ODS area-team '
                'codes: it pairs ONS E39000018 (London) with Q71 and every other E39 code with one of Q44-Q70.',
    },
}


def ons_sha_2012():
    """ONS Strategic Health Authority names and codes (2012): list of (ONS code, ODS code, name)."""
    text = _read(OPENPRESCRIBING, 'openprescribing/data/org_codes/SHA_2012.csv')
    return [(r['SHA12CD'], r['SHA12CDO'], r['SHA12NM']) for r in csv.DictReader(io.StringIO(text))]


def ons_pco_sha_2012():
    """ONS Primary Care Organisation (2012) to Strategic Health Authority lookup: list of (PCO ODS code, SHA ODS code).
    A PCO whose area crossed an SHA boundary has a row for each SHA."""
    text = _read(OPENPRESCRIBING, 'openprescribing/data/org_codes/PCO12_SHA12_EN_LU.csv')
    return [(r['PCO12CDO'], r['SHA12CDO']) for r in csv.DictReader(io.StringIO(text))]
