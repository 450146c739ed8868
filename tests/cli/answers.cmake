# CLI tests on the shipped data for answers people can use: groups and members, search and names,
# changes and diff links, notes beside answers and --strict, defaults and exit codes, lineage as CSV,
# DOT and SVG, the knowledge horizon and announced changes. Golden outputs are in expected/; each was
# checked by hand against the data files named beside its test.
set(U ENVS --unset=ORGLINEAGE_DATA)

# ---- groups / members --------------------------------------------------------------------------------
# 00K (Hartlepool and Stockton-on-Tees CCG) in 2014: its area team and region (ccg-icb-era/ccg/ccgs-2013.yaml).
cli_test(answers.groups_ccg SHIPPED ARGS groups 00K --on 2014-01-01 ${U} EXPECT groups_00K_2014.txt)
cli_test(answers.groups_all SHIPPED ARGS groups 00K --format json ${U}
  JSON "query.command=groups" "query.on=null" "results.0.member_from=2013-04-01")
cli_test(answers.groups_kind SHIPPED ARGS groups 00K --kind REGION --format json ${U}
  JSON "results.0.kind=region")
# The two PCTs of the Derby City and Derbyshire County cluster (pct-era/2006-2013/clusters.yaml).
cli_test(answers.members_cluster SHIPPED ARGS members pct-cluster/derby-city-and-derbyshire-county --on 2012-01-01
  --format csv ${U} EXPECT members_derbyshire_cluster_2012.csv)
cli_test(answers.members_none SHIPPED RC 1 ARGS members pct/5QP --on 2010-01-01 ${U} ERR "had no members")
cli_test(answers.members_icb SHIPPED ARGS members icb/E54000036 --on 2023-01-01 --format json ${U}
  JSON "results#=1" "results.0.id=sub-icb/11N" "results.0.kind=sub-icb")

# ---- search, and names wherever a body is asked for ---------------------------------------------------
cli_test(answers.search_kernow SHIPPED ARGS search kernow ${U} EXPECT search_kernow.txt)
cli_test(answers.search_punctuation SHIPPED ARGS search "nhs-KERNOW  ccg" --format json ${U}
  JSON "query.normalised=nhs kernow ccg" "results.0.id=ccg/11N" "results.0.match=exact")
cli_test(answers.search_kind_on SHIPPED ARGS search derbyshire --on 2010-01-01 --kind pct --format json ${U}
  JSON "results#=1" "results.0.id=pct/5N6")
cli_test(answers.search_none SHIPPED RC 1 ARGS search zzzqqq ${U} ERR "no body or area has a name matching")
cli_test(answers.resolve_name SHIPPED ARGS resolve "NHS Kernow CCG" --format json ${U}
  JSON "results#=1" "results.0.id=ccg/11N" ERR "taking 'NHS Kernow CCG' as the name of ccg/11N")
cli_test(answers.lineage_ambiguous_name SHIPPED RC 1 ARGS lineage Derbyshire ${U}
  ERR "'Derbyshire' names [0-9]+ bodies: " "pct/5N6 \\(Derbyshire County PCT" "orglineage search 'Derbyshire'")
cli_test(answers.successors_by_name SHIPPED ARGS successors "Derbyshire County PCT" --on 2013-04-01 --format json ${U}
  JSON "query.body.id=pct/5N6" "query.by_name=ON")

# ---- changes, and diff with who became whom -----------------------------------------------------------
# 1 April 2010: the two Hertfordshire PCTs merge into 5QV; Blackburn with Darwen PCT 5CC into its care trust TAP (ONS CHD).
cli_test(answers.changes_day SHIPPED ARGS changes --from 2010-04-01 --kind pct ${U} EXPECT changes_2010-04-01_pct.txt)
cli_test(answers.changes_json SHIPPED ARGS changes --from 2018-04-01 --kind ccg --format json ${U}
  JSON "query.to=2018-04-01" "results.0.kind=merge" "results.0.sources.0.id=ons-chd" "results.0.status=in-force")
cli_test(answers.changes_range SHIPPED ARGS changes --from 2018-03-01 --to 2018-04-30 --kind CCG --format csv ${U}
  OUT "\n2018-04-01,merge,ccg/02V,ccg/15F,1,whole,,2018-04-01/merge/ccg-15F,")
cli_test(answers.changes_backwards SHIPPED RC 2 ARGS changes --from 2018-04-01 --to 2018-01-01 ${U} ERR "is before --from")
cli_test(answers.diff_links SHIPPED ARGS diff 2018-03-31 2018-04-01 --kind ccg ${U}
  OUT "appeared +ccg/15F +ccg +NHS Leeds CCG .*< ccg/02V, ccg/03C, ccg/03G"
      "ended +ccg/02V +ccg +NHS Leeds North CCG .*> ccg/15F" "ended +ccg/03G .*> ccg/15F")
cli_test(answers.diff_links_json SHIPPED ARGS diff 2018-03-31 2018-04-01 --kind ccg --format json ${U}
  JSON "results.5.id=ccg/15F" "results.5.link_list#=3" "results.5.link_list.0.event=2018-04-01/merge/ccg-15F")

# ---- notes beside answers, and --strict ---------------------------------------------------------------
# NHS North East's two predecessors of 1 July 2006, both links deduced by region (pct-era/pre2006/shas.yaml).
set(NE_SHA predecessors sha/north-east --function performance-management)
cli_test(answers.notes_predecessors SHIPPED ARGS ${NE_SHA} ${U} EXPECT predecessors_sha_north_east.txt)
cli_test(answers.notes_json SHIPPED ARGS ${NE_SHA} --format json ${U}
  JSON "results.0.id=sha/2002/county-durham-and-tees-valley" "results.0.notes#=1" "results.0.notes.0.kind=deduced"
       "results.0.notes.0.about=2006-07-01/merge/sha-north-east")
cli_test(answers.notes_csv SHIPPED ARGS ${NE_SHA} --format csv ${U}
  OUT "^id,kind,name,ods,ons,from,to,share,basis,notes\n" ",deduced: the link County Durham and Tees Valley")
cli_test(answers.strict SHIPPED RC 4 ARGS --strict ${NE_SHA} ${U} ERR "--strict: 2 of 2 answers carry notes")

# ---- the PCT era from ODS epcmem (pct-era/pre2006: every code with its dates, sets read from the practices) ----------
cli_test(answers.pcts_2006_09_30 SHIPPED ARGS snapshot --on 2006-09-30 --kind pct --format json ${U}
  JSON "results#=303" "results.0.ods=5AW")
cli_test(answers.pcts_2002_04_01 SHIPPED ARGS snapshot --on 2002-04-01 --kind pct --format json ${U} JSON "results#=303")
# Leeds PCT's five, each by its ODS code.
cli_test(answers.predecessors_leeds SHIPPED ARGS predecessors 5N1 ${U} EXPECT predecessors_5N1.txt)
cli_test(answers.predecessors_bournemouth_poole SHIPPED ARGS predecessors 5QN --format json ${U}
  JSON "results#=2" "results.0.id=pct/5CE" "results.0.basis=whole" "results.1.id=pct/5KV" "results.1.share=0.96"
       "results.1.basis=practices")
cli_test(answers.predecessors_norfolk SHIPPED ARGS predecessors 5PQ --format json ${U}
  JSON "results#=5" "results.0.id=pct/2002/west-norfolk" "results.0.ods=5CY" "results.4.id=pct/5JM")
cli_test(answers.predecessors_sheffield SHIPPED ARGS predecessors 5N4 --format json ${U}
  JSON "results#=4" "results.0.ods=5EE" "results.1.ods=5EN" "results.2.ods=5EP" "results.3.ods=5EQ")
cli_test(answers.strict_clean SHIPPED ARGS --strict successors 5QP --on 2013-04-01 --function public-health ${U}
  OUT "la/E06000052")
cli_test(answers.notes_secondary SHIPPED ARGS successors pct/2002/ashfield --on 2006-10-01 --format json ${U}
  JSON "results.0.id=pct/5N8" "results.0.notes.0.kind=secondary-source")
cli_test(answers.notes_unknown_share SHIPPED ARGS lineage pct/2002/waveney --format json ${U}
  OUT "\"kind\": \"unknown-share\"" "no proportion \\(basis unknown\\)")

# ---- defaults and exit codes --------------------------------------------------------------------------
cli_test(answers.default_predecessors SHIPPED ARGS predecessors 5QC --format json ${U}
  JSON "query.on=2006-10-01" "query.on_default=ON" ERR "answering for 2006-10-01, pct/5QC's first day")
cli_test(answers.default_successors_ended SHIPPED ARGS successors 5QP --format json ${U}
  JSON "query.on=2013-04-01" "results.0.id=ccg/11N" ERR "the day after pct/5QP's last day")
cli_test(answers.unknown_function SHIPPED RC 2 ARGS successors 5QP --on 2010-01-01 --function nope ${U}
  ERR "unknown function 'nope'")
cli_test(answers.unknown_kind SHIPPED RC 2 ARGS snapshot --on 2010-01-01 --kind nope ${U} ERR "unknown kind 'nope'")
cli_test(answers.kind_family SHIPPED ARGS snapshot --on 2006-10-01 --kind PCT --format json ${U}
  JSON "results#=152" "query.kinds.0=pct" "query.kinds.1=care-trust")
cli_test(answers.kind_help SHIPPED ARGS snapshot --help ${U} OUT "pct includes the care trusts that acted as PCTs")
cli_test(answers.exit_codes_help SHIPPED ARGS --help ${U} OUT "4 an answer that carries notes under --strict")
cli_test(answers.reused_code SHIPPED RC 1 ARGS successors 01Y --on 2023-01-01 ${U}
  ERR "also held by ccg/01Y \\(NHS Tameside and Glossop CCG, ccg, 2013-04-01..2022-06-30\\), picked by --code-on 2022-06-30")
cli_test(answers.reused_code_no_date SHIPPED RC 1 ARGS successors 01Y ${U}
  ERR "code '01Y' is ambiguous: ccg/01Y" "--code-on DATE")

# ---- lineage as CSV, DOT and SVG ----------------------------------------------------------------------
cli_test(answers.lineage_csv SHIPPED ARGS lineage 5N1 --format csv ${U}
  OUT "^row,id,kind,name,ods,ons,from,to,date,event,from_body,to_body,share,basis,functions,sources,notes\n"
      "\nbody,pct/5N1,pct,Leeds PCT,5N1,"
      "\nlink,2006-10-01/merge/5N1,merge,,,,,,2006-10-01,merge,pct/2002/north-east-leeds,pct/5N1,1,whole,,si-2006-2072;ods-epcmem-2019-08;hsj-21746,\n")
cli_test(answers.lineage_dot_legend SHIPPED ARGS lineage 5N1 --format dot ${U}
  OUT "subgraph cluster_legend" "only the functions named on the arrow pass\", style=dashed"
      "share of the predecessor \\(the arrow's tail\\)" "style=dotted" "penwidth=3")
cli_test(answers.lineage_readable SHIPPED ARGS lineage 5N6 --format json ${U}
  JSON "query.scope=ancestry" "results.0.id=pct/2002/amber-valley")
cli_test(answers.lineage_svg SHIPPED ARGS lineage 5N1 --format svg ${U} OUT "^<\\?xml" "<svg" "Leeds PCT")

# ---- the knowledge horizon and announced changes ------------------------------------------------------
cli_test(answers.horizon SHIPPED ARGS successors 5QP --on 2026-10-01 --format json ${U}
  JSON "results.0.notes.0.kind=after-horizon")
cli_test(answers.horizon_strict SHIPPED RC 4 ARGS --strict successors 5QP --on 2026-10-01 ${U} ERR "--strict")
# June 2026 is before the horizon (2026-08-01) and after the reorganisation of 1 April 2026: no note.
cli_test(answers.horizon_inside SHIPPED ARGS --strict who --area Babergh --on 2026-06-01 --format json ${U}
  JSON "results#=1" "results.0.id=icb/E54000068" "results.0.notes#=0")
# The ICB mergers of 1 April 2027 are announced without a decision naming the boards (icb/announced.yaml):
# every ICB answer from that day says so, after the horizon's note.
cli_test(answers.announced_note SHIPPED ARGS successors icb/E54000036 --on 2027-06-01 --format json ${U}
  JSON "results.0.id=icb/E54000036" "results.0.notes.0.kind=after-horizon" "results#=1" "results.0.notes.1.kind=announced"
       "results.0.notes.1.about=2027-04-01/announced/icb-mergers")
# NHS England's abolition (the Health Bill 2026-27) is announced, not in force: the body holding dental
# commissioning in law answers, and says so.
cli_test(answers.announced_abolition SHIPPED ARGS who --area Cornwall --on 2027-06-01 --function commissioning.primary-care.dental
  --legal --format json ${U} JSON "results#=1" "results.0.id=nhs-england" "results.0.notes.2.kind=announced"
  "results.0.notes.2.about=2027-03-31/announced/nhs-england-abolition" "results.0.notes#=3")
# The reorganisation of 1 April 2026, in force: the 16 links with their bases, QRL's new ONS code, and the
# announcement of 2027 (ccg-icb-era/icb/reorganisation-2026.yaml, announced.yaml).
cli_test(answers.changes_icb_2026 SHIPPED ARGS changes --from 2026-04-01 --to 2027-04-01 --kind icb --format csv ${U}
  EXPECT changes_icb_2026.csv)

# ---- notes beside small-area answers (an LSOA, a postcode) -------------------------------------------
# E01019727 (Glossop) in 2010: no LSOA table before the CCGs; its district High Peak (E07000037) was
# divided between Derbyshire County PCT and Tameside and Glossop PCT, and its first CCG (01Y) came from
# 5LH alone (small-areas/lsoa11-lad.csv, ccg-icb-era/transition-2013.yaml): derived, and says how.
cli_test(answers.notes_who_lsoa SHIPPED ARGS who --area E01019727 --on 2010-06-01 ${U}
  EXPECT who_lsoa_E01019727_2010.txt ERR "source: derived")
cli_test(answers.notes_who_lsoa_json SHIPPED ARGS who --area E01019727 --on 2010-06-01 --format json ${U}
  EXPECT who_lsoa_E01019727_2010.json)
# The same LSOA by postcode in 2023, between the ONS lookups of July 2022 and April 2024: carried from
# the 2022 table through the dataset's events (tests/small_areas/data/postcodes.csv puts SK13 8AA in it).
set(POSTCODES ${CMAKE_CURRENT_SOURCE_DIR}/../small_areas/data/postcodes.csv)
cli_test(answers.notes_who_postcode_csv SHIPPED ARGS who --postcode "sk13 8aa" --postcode-file ${POSTCODES}
  --on 2023-06-01 --format csv ${U} EXPECT who_postcode_SK13_8AA_2023.csv)
cli_test(answers.strict_who_lsoa SHIPPED RC 4 ARGS --strict who --area E01019727 --on 2010-06-01 ${U}
  ERR "--strict: 2 of 2 answers carry notes")
cli_test(answers.strict_who_postcode SHIPPED RC 4 ARGS --strict who --postcode "SK13 8AA" --postcode-file ${POSTCODES}
  --on 2023-06-01 ${U} ERR "--strict: 2 of 2 answers carry notes")
# Read from the ONS lookup of July 2022 itself: nothing to note, and --strict passes.
cli_test(answers.strict_who_lsoa_sourced SHIPPED ARGS --strict who --area E01019727 --on 2022-07-01 --format json ${U}
  JSON "results#=1" "results.0.id=icb/E54000058" "results.0.notes#=0")
# An area with no recorded start (older than its code's records) is open-ended, not "1400-01-01..".
cli_test(answers.area_open_ended SHIPPED RC 1 ARGS who --area Durham --on 2005-06-01 ${U}
  ERR "E10000010 \\(Durham, la-county, until 2009-03-31\\); E07000056 \\(Durham, la-district, until 2009-03-31\\)")

# ---- notes beside crosswalk weights ------------------------------------------------------------------
# The 28 SHAs of 2002 into the 10 of 1 July 2006: 11 of the links are deduced from the regions' areas,
# not stated by a source read (pct-era/pre2006/shas.yaml), and each such row says so.
cli_test(answers.notes_crosswalk SHIPPED ARGS crosswalk --from 2006-06-30 --to 2006-07-01 --kind sha
  --function performance-management ${U} EXPECT crosswalk_sha_2006.txt)
cli_test(answers.notes_crosswalk_json SHIPPED ARGS crosswalk --from 2006-06-30 --to 2006-07-01 --kind sha
  --function performance-management --format json ${U} EXPECT crosswalk_sha_2006.json)
cli_test(answers.notes_crosswalk_all_dates SHIPPED ARGS crosswalk --all-dates --to 2006-07-01 --kind sha
  --function performance-management --format csv ${U} EXPECT crosswalk_all_dates_sha_2006.csv)
cli_test(answers.strict_crosswalk SHIPPED RC 4 ARGS --strict crosswalk --from 2006-06-30 --to 2006-07-01 --kind sha
  --function performance-management ${U} ERR "--strict: 11 of 28 answers carry notes")
cli_test(answers.strict_crosswalk_all_dates SHIPPED RC 4 ARGS --strict crosswalk --all-dates --to 2006-07-01 --kind sha
  --function performance-management --format csv ${U} ERR "--strict: 14 of 105 answers carry notes")
# The care trusts acting as PCTs into the CCGs of 2013: every link read, every share sourced.
cli_test(answers.strict_crosswalk_clean SHIPPED ARGS --strict crosswalk --from 2012-06-01 --to 2013-06-01 --kind care-trust
  --format json ${U} JSON "results#=6" "results.3.from_id=pct/TAN" "results.3.notes#=0")
# A figure dated after the knowledge horizon (2024-07-31) may belong to changes the data does not know:
# the long table's open spans say so; a sub-ICB location's part of a divided ICB is unknown, and says why.
cli_test(answers.notes_crosswalk_horizon SHIPPED ARGS crosswalk --all-dates --to 2024-07-01 --format csv ${U}
  OUT "\n92A,2023-04-01,9999-12-31,sub-icb/92A,icb/E54000052,QXU,1,whole,via-group,after-horizon: the span runs past the data's knowledge horizon \\(2024-07-31")
cli_test(answers.notes_crosswalk_estimate SHIPPED ARGS crosswalk --from 2022-08-01 --to 2021-06-01 --kind sub-icb --format csv ${U}
  OUT "\nsub-icb/70F,70F,NHS Sussex ICB - 70F,ccg/70F,70F,NHS West Sussex CCG,1,whole,via-group,\n"
      "\nsub-icb/15M,15M,[^\n]*,normalised,\"unknown-share: the weight of NHS Derby and Derbyshire CCG \\(ccg/15M\\)[^\n]* is an estimate")

# ---- notes beside remapped figures -------------------------------------------------------------------
# Six rows onto the ICBs of July 2024 (tests/cli/data/remap/figures_notes.csv): North East Leeds PCT's
# link to Leeds PCT is read from ODS epcmem, but its code is matched to its name (deduced: its record's
# `inferred`); Ashfield PCT's code likewise, and it rests on a secondary source;
# the Glossop LSOA in 2010 is answered through its district and first CCG; 15M in January 2025 (before
# the knowledge horizon, 2026-08-01), 11N in 2019 and 70F in 2022 carry nothing. Notes are kept per
# output row: a `notes` column of kinds, and --notes FILE with each note and its count of input rows.
set(REMAP_NOTES ${CMAKE_CURRENT_SOURCE_DIR}/data/remap/figures_notes.csv)
set(REMAP_ARGS --code-column code --date-column month --value-column items --to 2024-07-01)
cli_test(answers.notes_remap SHIPPED ARGS remap ${REMAP_NOTES} ${REMAP_ARGS} ${U} EXPECT remap_notes_2024.csv
  ERR "4 output rows carry notes, from 3 input rows")
cli_test(answers.notes_remap_file SHIPPED ARGS remap ${REMAP_NOTES} ${REMAP_ARGS} -o /dev/null --notes @FILE@ -q ${U}
  FILE csv EXPECT remap_notes_2024_notes.csv)
cli_test(answers.notes_remap_rows SHIPPED ARGS remap ${REMAP_NOTES} ${REMAP_ARGS} --no-aggregate -q ${U}
  EXPECT remap_notes_2024_rows.csv)
cli_test(answers.strict_remap SHIPPED RC 4 ARGS --strict remap ${REMAP_NOTES} ${REMAP_ARGS} -q ${U}
  OUT "\nQT6,NHS Cornwall and the Isles of Scilly Integrated Care Board,2019-06,100,1,whole,icb/E54000036,\n"
  ERR "--strict: 4 of 7 output rows carry notes")
# Figures of 2025/26 under the codes of their day, onto the boards of June 2026: Frimley (QNQ) divided three
# ways, Suffolk and North East Essex (QJG) and Hertfordshire and West Essex (QM7) two ways, by the shares of
# reorganisation-2026.yaml; QRL takes its own and Frimley's part; totals conserved (3800). The rows that take
# a part of Frimley say that its shares rest on an inferred rule (deduced).
set(REMAP_2026 --code-column code --date-column month --value-column items --to 2026-06-01)
cli_test(answers.remap_2025_26_old_codes SHIPPED ARGS remap ${CMAKE_CURRENT_SOURCE_DIR}/data/remap/icb_2025_26_old_codes.csv
  ${REMAP_2026} ${U} EXPECT remap_icb_2025_26_old_codes.csv ERR "items: read 3800, mapped 3800 -> output 3800, rejected 0")
# Figures of 2026/27 under the new codes (5-character ODS, the new ONS code of QRL) map as they are.
cli_test(answers.remap_2026_27_new_codes SHIPPED ARGS --strict remap ${CMAKE_CURRENT_SOURCE_DIR}/data/remap/icb_2026_27_new_codes.csv
  ${REMAP_2026} ${U} EXPECT remap_icb_2026_27_new_codes.csv ERR "items: read 385, mapped 385 -> output 385, rejected 0")
# The crosswalk of the reorganisation: all 42 boards of 31 March 2026 onto the 36 of 1 April, with bases.
cli_test(answers.crosswalk_icb_2026 SHIPPED ARGS crosswalk --from 2026-03-31 --to 2026-04-01 --kind icb --format csv ${U}
  EXPECT crosswalk_icb_2026.csv)
# A cluster of 2025-26 (icb/clusters-2025.yaml): its two boards on 1 December 2025, and what it rests on
# (local news only) said on each row; none before its chairs' appointment.
cli_test(answers.members_icb_cluster_2025 SHIPPED ARGS members icb-cluster/cornwall-and-devon --on 2025-12-01 --format json ${U}
  JSON "results#=2" "results.0.id=icb/E54000036" "results.1.id=icb/E54000037" "results.0.member_from=2025-09-01"
       "results.0.notes.0.kind=secondary-source" "results.0.notes.0.about=icb-cluster/cornwall-and-devon")
cli_test(answers.members_icb_cluster_before SHIPPED RC 1 ARGS members icb-cluster/cornwall-and-devon --on 2025-06-01 ${U}
  ERR "had no members")
# Specialised commissioning in Cornwall: NHS England in 2023; the ICB by delegation, for part of it (70
# services), in 2025; NHS England in law (--legal).
set(SPEC --area Cornwall --function commissioning.specialised --format json)
cli_test(answers.specialised_cornwall_2023 SHIPPED ARGS who ${SPEC} --on 2023-06-01 ${U}
  JSON "results#=1" "results.0.id=nhs-england")
cli_test(answers.specialised_cornwall_2025 SHIPPED ARGS who ${SPEC} --on 2025-06-01 ${U}
  JSON "results#=1" "results.0.id=icb/E54000036" "results.0.delegated_by=nhs-england" "results.0.notes#=1"
       "results.0.notes.0.kind=incomplete")
cli_test(answers.specialised_cornwall_legal SHIPPED ARGS who ${SPEC} --on 2025-06-01 --legal ${U}
  JSON "results#=1" "results.0.id=nhs-england")
# In June 2026 NHS England's answers carry no announced note: the vaccination and screening delegation planned
# for April 2026 (unconfirmed) concerns no function the dataset models, so `changes` alone lists it.
cli_test(answers.specialised_cornwall_legal_2026 SHIPPED ARGS who ${SPEC} --on 2026-06-01 --legal ${U}
  JSON "results#=1" "results.0.id=nhs-england" "results.0.notes#=1" "results.0.notes.0.kind=derived")
cli_test(answers.announced_vaccination_changes SHIPPED ARGS changes --from 2026-04-01 --to 2026-04-01 --format csv ${U}
  OUT "2026-04-01,announced,,,,,,2026-04-01/announced/vaccination-screening-delegation,")
# Barnsley recoded on 1 April 2025 (SI 2024/1328; the new code from a secondary source): by name and by
# its new code it is South Yorkshire's, and its old code is answered for its territory.
cli_test(answers.barnsley_2026 SHIPPED ARGS who --area Barnsley --on 2026-06-01 --format json ${U}
  JSON "results#=1" "results.0.id=icb/E54000061" "results.0.via_area=E08000038" "results.0.share=1.0")
cli_test(answers.barnsley_old_code_2026 SHIPPED ARGS who --area E08000016 --on 2026-06-01 --format json ${U}
  JSON "results#=1" "results.0.id=icb/E54000061" "results.0.via_area=E08000038"
       "results.0.derivation=territory of E08000016 on 2026-06-01")
cli_test(answers.strict_remap_clean SHIPPED ARGS --strict remap ${CMAKE_CURRENT_SOURCE_DIR}/data/remap/figures_clean.csv
  ${REMAP_ARGS} -q ${U} OUT "\nQNX,NHS Sussex Integrated Care Board,2022-08,300,1,whole,icb/E54000053,\n")
