#!/usr/bin/env bash
# Mutation testing of schemas/, thidua/text.py and the ingest and report stages (issue 14.5),
# with mutmut.
# Not in CI: slow. Usage:
#   bash scripts/mutation.sh [module] [workers]
#     module: a key below, or several joined by commas (default: all of them, one after the
#             other), e.g. `formatting` or `aggregate,figures`
#     workers: mutmut's parallel test processes (default 1)
# mutmut copies the sources into mutants/ (git-ignored; kept, so later runs only re-mutate
# changed files), runs only the tests that check the module (THIDUA_MUTATION_TESTS, read by
# tests/conftest.py), maps each mutated function to the tests that run it, and runs only
# those per mutant.
# Prints killed/survived per module, and the survivors (`.venv/bin/mutmut show <name>`).
set -euo pipefail
cd "$(dirname "$0")/.."
# every temporary folder of the run (each mutant's tests make their own cache and Prefect home,
# and a mutant's process ends without its exit handlers) in one folder, removed at the end
TMPDIR="$(mktemp -d "${TMPDIR:-/tmp}/thidua-mutation-XXXXXX")"
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
[ -x .venv/bin/mutmut ] || bash scripts/setup.sh

# module → the mutant names (fnmatch) and the test files that check it (a key may name only
# some functions of a module: ``x_<function>__mutmut_*``)
declare -A MUTANTS=(
  [aggregate]="thidua.report.aggregate.*"
  [formatting]="thidua.report.formatting.*"
  [figures]="thidua.report.figures.*"
  [legacy]="thidua.ingest.legacy.*"
  [values]="thidua.ingest.values.*"
  [schemas]="schemas.*"
  [continuation]="thidua.ingest.continuation.*"
  [headers]="thidua.ingest.headers.*"
  [marks]="thidua.ingest.marks.*"
  [sections]="thidua.ingest.sections.*"
  [registrant]="thidua.ingest.registrant.*"
  [identify]="thidua.ingest.identify.*"
  [titleblock]="thidua.ingest.titleblock.*"
  [titledates]="thidua.ingest.titledates.*"
  [duplicates]="thidua.ingest.duplicates.*"
  [selection]="thidua.ingest.selection.*"
  [validate]="thidua.ingest.validate.*"
  [comparison]="thidua.report.comparison*"
  [history]="thidua.report.history.*"
  [periodcheck]="thidua.ingest.periodcheck.*"
  [errorcells]="thidua.ingest.errorcells.*"
  [sheettitle]="thidua.ingest.sheettitle.*"
  [unitcodes]="thidua.ingest.unitcodes.*"
  [twins]="thidua.ingest.twins.*"
  [usdates]="thidua.ingest.usdates.*"
  [groupfill]="thidua.ingest.groupfill.*"
  [periodswap]="thidua.ingest.periodswap.*"
  [farcells]="thidua.ingest.farcells.*"
  [table]="thidua.ingest.table.*"
  [sheetchoice]="thidua.ingest.sheetchoice.*"
  [sheetrows]="thidua.ingest.sheetrows.*"
  [rows]="thidua.ingest.rows.*"
  [mergedrows]="thidua.ingest.mergedrows.*"
  [htmltable]="thidua.ingest.htmltable.*"
  [xml2003]="thidua.ingest.xml2003.*"
  [interpreted]="thidua.ingest.interpreted.*"
  [periods]="thidua.ingest.periods.*"
  [leadvalue]="thidua.ingest.leadvalue.*"
  [csvtail]="thidua.ingest.csvtail.*"
  [handover]="thidua.ingest.handover.*"
  [unitend]="thidua.ingest.unitend.*"
  [defaultkey]="thidua.ingest.defaultkey.*"
  [firstseen]="thidua.ingest.firstseen.*"
  [ditto]="thidua.ingest.ditto.*"
  [pictures]="thidua.ingest.pictures.*"
  [transposed]="thidua.ingest.transposed.*"
  [read]="thidua.ingest.read.*"
  [workbook]="thidua.ingest.workbook.*"
  [normalise]="thidua.ingest.normalise.*"
  [grouplines]="thidua.ingest.grouplines.*"
  [titlelines]="thidua.ingest.titlelines.*"
  [unitnames]="thidua.ingest.unitnames.*"
  [keyboard]="thidua.ingest.keyboard.*"
  [wardlevel]="thidua.ingest.wardlevel.*"
  [sidebyside]="thidua.ingest.sidebyside.*"
  [typegroups]="thidua.ingest.typegroups.*"
  [valuecolumns]="thidua.ingest.valuecolumns.*"
  [twocolumns]="thidua.ingest.twocolumns.*"
  [formsheet]="thidua.ingest.formsheet.*"
  [sheetversions]="thidua.ingest.sheetversions.*"
  [versionwords]="thidua.ingest.versionwords.*"
  [legend]="thidua.ingest.legend.*"
  [numfmt]="thidua.ingest.numfmt.*"
  [flatods]="thidua.ingest.flatods.*"
  [withdrawn]="thidua.ingest.withdrawn.*"
  [yearwords]="thidua.ingest.yearwords.*"
  [plandocs]="thidua.ingest.plandocs.*"
  [ballot]="thidua.ingest.ballot.*"
  [packageparts]="thidua.ingest.packageparts.*"
  [salvage]="thidua.ingest.salvage.*"
  [text]="thidua.text.*"
  [cellrules]="thidua.ingest.cellrules.*"
  [xlsxfacts]="thidua.ingest.xlsxfacts.*"
  [odsfacts]="thidua.ingest.odsfacts.*"
  [contacts]="thidua.ingest.contacts.*"
  [mhtml]="thidua.ingest.mhtml.*"
  [cellfacts]="thidua.ingest.cellfacts.*"
  [severalpeople]="thidua.ingest.severalpeople.*"
  [severalmodels]="thidua.ingest.severalmodels.*"
  [splitrows]="thidua.ingest.splitrows.*"
  [otheryears]="thidua.ingest.otheryears.*"
  [listheadings]="thidua.ingest.listheadings.*"
  [unitcolumn]="thidua.ingest.unitcolumn.*"
  [dropdownlists]="thidua.ingest.dropdownlists.*"
  [unescaped]="thidua.text.x_unescaped__mutmut_*"
  [unwrapped]="thidua.ingest.periods.x_unwrapped__mutmut_*"
  [duplicatekey]="thidua.ingest.duplicates.x_duplicate_key__mutmut_*"
  [oneunion]="thidua.ingest.duplicates.x_one_union__mutmut_*"
  [placeless]="thidua.ingest.duplicates.x_placeless__mutmut_*"
  [unionfirsts]="thidua.ingest.duplicates.x_union_firsts__mutmut_*"
  [ownnumber]="thidua.ingest.continuation.x__own_*"
  [unheaded]="thidua.ingest.unheaded.*"
  [personmodels]="thidua.ingest.personmodels.*"
  [summarytable]="thidua.ingest.summarytable.*"
  [excerpts]="thidua.ingest.excerpts.*"
  [printable]="thidua.text.x_printable__mutmut_*"
  [xmltext]="thidua.text.x_xml_text__mutmut_*"
  [groupofplace]="thidua.ingest.unitnames.x_group_of_place__mutmut_*"
  [valueunheaded]="thidua.ingest.valuecolumns.x__unheaded__mutmut_*"
  [lostletters]="thidua.ingest.errorcells.x_has_lost_letters__mutmut_*"
  [widetext]="thidua.ingest.widetext.*"
  [twicestored]="thidua.ingest.packageparts.x_twice_stored__mutmut_*"
  [digitdates]="thidua.ingest.periods.x_*digit_*"
  [personplace]="thidua.ingest.severalpeople.x_is_person_and_place__mutmut_*"
  [monthfirstcells]="thidua.ingest.usdates.x__cells_month_first__mutmut_*"
  [shortcodes]="thidua.ingest.unitcodes.x_short_codes__mutmut_*"
  [shorttitle]="thidua.ingest.identify.x_short_title_code__mutmut_*"
  [registrydates]="thidua.ingest.registrydates.*"
  [registrytext]="thidua.ingest.registrytext.*"
  [programblank]="thidua.ingest.normalise.x__program_blank__mutmut_*"
  [headerwords]="thidua.ingest.normalise.x__header_words__mutmut_*"
  [othercopies]="thidua.ingest.othercopies.*"
)
# (``read``: ``test_sheets.py`` left out, its merge down to row 1 048 576 takes 16 s a mutant;
# ``-results``: leave out the tests that read the whole corpus; test_figures_agree.py checks the same tables on the whole bundled year, but reads its 40
# files per mutant: too slow here; test_counts_by_hand.py checks every table on a small one)
declare -A TESTS=(
  [aggregate]="tests/report/test_numbers.py tests/report/test_counts_by_hand.py"
  [formatting]="tests/report/test_text_and_formatting.py tests/report/test_numbers.py tests/report/test_counts_by_hand.py tests/report/test_report_edges.py"
  [figures]="tests/report/test_numbers.py tests/report/test_counts_by_hand.py"
  [legacy]="tests/ingest/test_legacy.py tests/ingest/test_legacy_builders.py tests/ingest/test_mojibake.py -context"
  [values]="tests/ingest/test_values_edges.py tests/ingest/test_values.py tests/ingest/test_validate.py tests/ingest/test_values_mutants.py tests/ingest/test_values_other_column.py -results"
  [schemas]="tests/ingest/test_schema_rules.py tests/ingest/test_validate.py tests/ingest/test_registry_check.py tests/ingest/test_registry.py"
  [continuation]="tests/ingest/test_continuation.py tests/ingest/test_second_people.py"
  [headers]="tests/ingest/test_headers.py tests/ingest/test_headers_mutants.py tests/ingest/test_header_slips.py -corpus_context"
  [marks]="tests/ingest/test_mark_groups.py tests/ingest/test_marks.py -corpus_context"
  [sections]="tests/ingest/test_section_headings.py tests/ingest/test_sections_mutants.py tests/ingest/test_sections.py -corpus_context"
  [registrant]="tests/ingest/test_registrant.py tests/ingest/test_type_by_position.py -corpus_context"
  [identify]="tests/ingest/test_file_name_unit.py tests/ingest/test_last_year_first.py tests/ingest/test_identify.py tests/ingest/test_identify_mutants.py tests/ingest/test_title_block.py tests/ingest/test_year_span.py -results"
  [titleblock]="tests/ingest/test_identify.py tests/ingest/test_identify_mutants.py tests/ingest/test_title_block.py tests/ingest/test_title_lines.py tests/ingest/test_titleblock_mutants.py tests/ingest/test_pasted_units.py tests/ingest/test_formatted_years.py tests/ingest/test_title_slips.py tests/ingest/test_year_span.py"
  [titledates]="tests/ingest/test_sent_time.py tests/ingest/test_period_remarks.py tests/ingest/test_identify.py tests/ingest/test_title_block.py tests/ingest/test_formatted_years.py"
  [duplicates]="tests/ingest/test_duplicates_mutants.py tests/ingest/test_name_order_lookalikes.py tests/ingest/test_validate_edges.py tests/ingest/test_validate.py tests/ingest/test_many_sheets.py"
  [selection]="tests/ingest/test_selection_mutants.py tests/ingest/test_sent_time.py tests/ingest/test_failed_correction.py tests/ingest/test_batches.py tests/ingest/test_files.py tests/ingest/test_name_order_lookalikes.py tests/ingest/test_old_files.py"
  [validate]="tests/ingest/test_validate_edges.py tests/ingest/test_validate_together.py tests/ingest/test_validate_mutants.py tests/ingest/test_validate.py tests/ingest/test_schema_rules.py"
  [comparison]="tests/report/test_comparison.py tests/report/test_comparison_edges.py tests/report/test_history.py"
  [history]="tests/report/test_comparison.py tests/report/test_history.py tests/test_pipeline.py tests/publish/test_fingerprint.py"
  [periodcheck]="tests/ingest/test_lookalikes_periods.py tests/ingest/test_values.py tests/ingest/test_period_starts.py"
  [errorcells]="tests/ingest/test_error_values.py tests/ingest/test_optional_errors.py tests/ingest/test_unsaved_formulas.py tests/ingest/test_question_marks.py"
  [sheettitle]="tests/ingest/test_sheet_titles.py tests/ingest/test_sheet_named_year.py"
  [unitcodes]="tests/ingest/test_unit_code_column_foreign.py tests/ingest/test_unit_code_rows.py tests/ingest/test_identify.py"
  [twins]="tests/ingest/test_empty_twin.py"
  [usdates]="tests/ingest/test_us_dates.py"
  [groupfill]="tests/ingest/test_group_fill.py"
  [periodswap]="tests/ingest/test_period_swap.py"
  [farcells]="tests/ingest/test_far_cells.py tests/ingest/test_far_cells_ods.py tests/ingest/test_size_shapes.py tests/ingest/test_filled_down.py"
  [table]="tests/ingest/test_table_grid.py tests/ingest/test_table_mutants.py tests/ingest/test_ambiguous_headers.py tests/ingest/test_wrapped_header.py tests/ingest/test_header_wordings.py tests/ingest/test_read.py tests/ingest/test_two_tables.py"
  [sheetchoice]="tests/ingest/test_sheet_choice.py tests/ingest/test_many_sheets.py tests/ingest/test_read.py"
  [sheetrows]="tests/ingest/test_sheet_outcome.py tests/ingest/test_unit_code_rows.py tests/ingest/test_two_tables.py tests/ingest/test_many_sheets.py"
  [rows]="tests/ingest/test_sheet_data.py tests/ingest/test_type_by_position.py tests/ingest/test_read.py tests/ingest/test_two_tables.py tests/ingest/test_many_sheets.py"
  [mergedrows]="tests/ingest/test_mergedrows_mutants.py tests/ingest/test_merged_rows.py tests/ingest/test_wrapped_in_merges.py"
  [htmltable]="tests/ingest/test_html_table_edges.py tests/ingest/test_html_nested_mutants.py tests/ingest/test_html_tables.py"
  [xml2003]="tests/ingest/test_xml2003.py"
  [interpreted]="tests/ingest/test_values.py tests/ingest/test_values_edges.py tests/ingest/test_values_other_column.py -results"
  [periods]="tests/ingest/test_periods_mutants.py tests/ingest/test_normalise.py tests/ingest/test_formatted_years.py tests/ingest/test_lookalikes_periods.py tests/ingest/test_period_words.py tests/ingest/test_year_in_date_cell.py tests/ingest/test_period_kinds.py tests/ingest/test_period_weekdays.py tests/ingest/test_period_dates_in_words.py tests/ingest/test_period_starts.py -results"
  [leadvalue]="tests/ingest/test_lead_values.py tests/ingest/test_values_mixed.py"
  [read]="tests/ingest/test_read_mutants.py tests/ingest/test_read.py tests/ingest/test_two_tables.py tests/ingest/test_many_sheets.py tests/ingest/test_html_tables.py -results -context -corpus_context"
  [workbook]="tests/ingest/test_workbook_mutants.py tests/ingest/test_damaged.py tests/ingest/test_text_tables.py tests/ingest/test_sheetscan.py tests/ingest/test_csv_encodings_mixed.py tests/ingest/test_xml2003.py -context -corpus_context"
  [normalise]="tests/ingest/test_normalise_mutants.py tests/ingest/test_normalise.py tests/ingest/test_spellings.py tests/ingest/test_merged_rows.py tests/ingest/test_section_wordings.py tests/ingest/test_excel_subtotals.py tests/ingest/test_summary_block.py tests/ingest/test_row_shortcuts.py -results -context"
  [grouplines]="tests/ingest/test_group_lines.py"
  [titlelines]="tests/ingest/test_pasted_units.py tests/ingest/test_title_lines.py"
  [unitnames]="tests/ingest/test_pasted_units.py tests/ingest/test_sheet_named_unit.py tests/ingest/test_unit_name_vs_code.py tests/ingest/test_identify.py tests/ingest/test_title_unit_variants.py tests/ingest/test_unit_variants_mutants.py tests/ingest/test_group_of_place.py"
  [keyboard]="tests/ingest/test_keyboard_off.py"
  [wardlevel]="tests/ingest/test_ward_level.py"
  [sidebyside]="tests/ingest/test_sidebyside_mutants.py tests/ingest/test_side_by_side.py"
  [typegroups]="tests/ingest/test_typegroups_mutants.py tests/ingest/test_type_groups.py tests/ingest/test_type_name_columns.py tests/ingest/test_type_groups_under_hinh_thuc.py"
  [valuecolumns]="tests/ingest/test_valuecolumns_mutants.py tests/ingest/test_type_column_by_values.py"
  [twocolumns]="tests/ingest/test_two_column_headers.py"
  [formsheet]="tests/ingest/test_form_sheets.py"
  [sheetversions]="tests/ingest/test_sheet_versions.py"
  [versionwords]="tests/ingest/test_sheet_versions.py tests/ingest/test_name_order_lookalikes.py tests/ingest/test_first_seen.py"
  [legend]="tests/ingest/test_legend.py tests/ingest/test_legend_lines.py"
  [numfmt]="tests/ingest/test_numfmt.py tests/ingest/test_sheets.py tests/ingest/test_title_slips.py tests/ingest/test_numfmt_shown_words.py tests/ingest/test_sheet_data.py tests/ingest/test_formatted_years.py tests/ingest/test_xlsxfacts_mutants.py tests/ingest/test_year_in_date_cell.py"
  [flatods]="tests/ingest/test_flat_ods.py"
  [withdrawn]="tests/ingest/test_withdrawn_notes.py"
  [yearwords]="tests/ingest/test_year_words.py tests/ingest/test_year_column.py"
  [plandocs]="tests/ingest/test_period_starts.py"
  [ballot]="tests/ingest/test_ballot_boxes.py"
  [packageparts]="tests/ingest/test_packageparts_mutants.py tests/ingest/test_package_parts.py"
  [salvage]="tests/ingest/test_salvage_mutants.py tests/ingest/test_salvage.py tests/ingest/test_unread_errors.py"
  [text]="tests/report/test_text_and_formatting.py tests/test_text_controls.py"
  [cellrules]="tests/ingest/test_cellrules_mutants.py tests/ingest/test_struck_rows.py tests/ingest/test_headers.py -context -corpus_context"
  [xlsxfacts]="tests/ingest/test_xlsxfacts_mutants.py tests/ingest/test_struck_rows.py tests/ingest/test_all_hidden.py -context"
  [odsfacts]="tests/ingest/test_odsfacts_mutants.py tests/ingest/test_struck_rows.py -context"
  [contacts]="tests/ingest/test_contacts_mutants.py tests/ingest/test_contact_lines.py -context"
  [mhtml]="tests/ingest/test_mhtml_mutants.py tests/ingest/test_mhtml.py -context"
  [cellfacts]="tests/ingest/test_cellfacts_mutants.py tests/ingest/test_struck_words.py tests/ingest/test_struck_rows.py -context"
  [csvtail]="tests/ingest/test_csv_tail.py"
  [handover]="tests/ingest/test_handover.py"
  [unitend]="tests/ingest/test_unit_end.py"
  [defaultkey]="tests/ingest/test_default_password.py"
  [firstseen]="tests/ingest/test_first_seen.py tests/ingest/test_selection_mutants.py"
  [ditto]="tests/ingest/test_ditto_marks.py"
  [pictures]="tests/ingest/test_pasted_pictures.py"
  [transposed]="tests/ingest/test_transposed_mutants.py tests/ingest/test_transposed_table.py -context"
  [severalpeople]="tests/ingest/test_severalpeople_mutants.py tests/ingest/test_several_people.py tests/ingest/test_several_in_one_cell.py"
  [severalmodels]="tests/ingest/test_severalmodels_mutants.py tests/ingest/test_several_models.py tests/ingest/test_several_in_one_cell.py"
  [splitrows]="tests/ingest/test_splitrows_mutants.py tests/ingest/test_severalpeople_mutants.py tests/ingest/test_severalmodels_mutants.py tests/ingest/test_several_people.py tests/ingest/test_several_models.py"
  [otheryears]="tests/ingest/test_otheryears_mutants.py tests/ingest/test_other_years.py"
  [listheadings]="tests/ingest/test_list_headings.py"
  [unitcolumn]="tests/ingest/test_unitcolumn_mutants.py tests/ingest/test_unit_code_weak_header.py"
  [dropdownlists]="tests/ingest/test_dropdown_lists.py"
  [unescaped]="tests/ingest/test_pasted_text.py tests/report/test_text_and_formatting.py"
  [unwrapped]="tests/ingest/test_pasted_text.py tests/ingest/test_periods_mutants.py tests/ingest/test_period_kinds.py"
  [duplicatekey]="tests/ingest/test_pasted_text.py tests/ingest/test_duplicates_mutants.py tests/ingest/test_name_order_lookalikes.py tests/ingest/test_duplicate_shortened.py"
  [oneunion]="tests/ingest/test_duplicate_union.py"
  [placeless]="tests/ingest/test_duplicate_union.py"
  [unionfirsts]="tests/ingest/test_duplicate_union.py"
  [ownnumber]="tests/ingest/test_second_people.py tests/ingest/test_continuation.py"
  [unheaded]="tests/ingest/test_lost_headers.py"
  [personmodels]="tests/ingest/test_personmodels_mutants.py tests/ingest/test_person_models.py tests/ingest/test_transposed_table.py"
  [summarytable]="tests/ingest/test_summarytable_mutants.py tests/ingest/test_summary_table.py"
  [excerpts]="tests/ingest/test_excerpts_mutants.py tests/ingest/test_excerpts.py"
  [printable]="tests/ingest/test_text_mutants.py tests/test_text_controls.py tests/report/test_text_and_formatting.py"
  [xmltext]="tests/ingest/test_text_mutants.py tests/test_text_controls.py tests/report/test_text_and_formatting.py"
  [groupofplace]="tests/ingest/test_unitnames_mutants.py tests/ingest/test_group_of_place.py"
  [valueunheaded]="tests/ingest/test_valuecolumns_mutants.py tests/ingest/test_type_column_by_values.py"
  [lostletters]="tests/ingest/test_errorcells_mutants.py tests/ingest/test_question_marks.py"
  [widetext]="tests/ingest/test_widetext_mutants.py tests/ingest/test_wide_text.py tests/ingest/test_xml2003.py"
  [twicestored]="tests/ingest/test_parts_twice.py tests/ingest/test_package_parts.py"
  [digitdates]="tests/ingest/test_period_digits.py"
  [personplace]="tests/ingest/test_several_people.py"
  [monthfirstcells]="tests/ingest/test_us_dates.py"
  [shortcodes]="tests/ingest/test_short_codes.py"
  [shorttitle]="tests/ingest/test_short_codes.py"
  [registrydates]="tests/ingest/test_registrydates_mutants.py tests/ingest/test_registry_excel.py"
  [registrytext]="tests/ingest/test_registry_excel.py"
  [programblank]="tests/ingest/test_placeholder_words.py"
  [headerwords]="tests/ingest/test_header_words_row.py"
  [othercopies]="tests/ingest/test_sheet_titles.py"
)
ORDER=(aggregate formatting figures legacy values schemas continuation headers marks sections
       registrant identify titleblock titledates duplicates selection validate comparison history periodcheck errorcells sheettitle unitcodes
       table sheetchoice sheetrows rows mergedrows htmltable xml2003 interpreted periods read workbook
       normalise grouplines titlelines unitnames keyboard wardlevel sidebyside
       typegroups valuecolumns packageparts salvage text twocolumns formsheet
       sheetversions versionwords legend numfmt flatods withdrawn yearwords plandocs ballot cellrules xlsxfacts
       odsfacts leadvalue contacts mhtml cellfacts csvtail defaultkey firstseen ditto pictures transposed
       severalpeople severalmodels splitrows otheryears listheadings unitcolumn unheaded
       dropdownlists personmodels summarytable excerpts handover unitend widetext registrydates
       registrytext othercopies)
# (``unescaped``, ``unwrapped``, ``duplicatekey``, ``ownnumber``, ``printable``, ``xmltext``,
# ``groupofplace``, ``valueunheaded``, ``lostletters``, ``twicestored``, ``digitdates``,
# ``personplace``, ``monthfirstcells``, ``shortcodes``, ``shorttitle``, ``programblank``,
# ``headerwords``, ``oneunion``, ``placeless``, ``unionfirsts``: one function or two of a module
# scored above, changed since; not in ORDER, their module's run holds them)

IFS=, read -r -a modules <<< "${1:-all}"
[ "${modules[0]}" = all ] && modules=("${ORDER[@]}")
workers="${2:-1}"
report=mutants-report.txt
: > "$report"
for module in "${modules[@]}"; do
  [ -n "${MUTANTS[$module]:-}" ] || { echo "mutation.sh: không có mô-đun '$module' (có: ${ORDER[*]})" >&2; exit 2; }
  rm -f mutants/mutmut-stats.json  # other tests than the last module's: map them afresh
  export THIDUA_MUTATION_TESTS="${TESTS[$module]}"
  echo "== $module: ${MUTANTS[$module]} với ${THIDUA_MUTATION_TESTS}"
  .venv/bin/mutmut run --max-children "$workers" "${MUTANTS[$module]}" > "mutants-$module.log" 2>&1 || true
  # the key's glob as a regular expression (a ``*`` may stand inside it: ``x_*digit_*``)
  pattern=$(printf '%s' "${MUTANTS[$module]}" | sed -e 's/\./\\./g' -e 's/\*/.*/g')
  .venv/bin/mutmut results --all true 2>/dev/null | grep -E "^    ${pattern}: " > "mutants-$module.txt" || true
  # a mutant that makes the tests run past their time (an endless loop) is caught: killed
  killed=$(grep -c -e ': killed$' -e ': timeout$' "mutants-$module.txt" || true)
  total=$(grep -vc -e ': not checked$' "mutants-$module.txt" || true)
  echo "$module: $killed/$total killed" | tee -a "$report"
  grep -v -e ': killed$' -e ': timeout$' "mutants-$module.txt" | tee -a "$report" || true
done
