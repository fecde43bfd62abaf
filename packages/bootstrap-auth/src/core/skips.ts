import type { Dataset, DatasetField } from './types.js';

// Which dataset pieces each scenario of the k6 scripts needs (scenario names = endpoint keys).
// Scenarios not listed (trails_showcase, trails_list, me_profile, auth_login) need none.
export const SCENARIO_REQUIREMENTS: Readonly<Record<string, readonly DatasetField[]>> = {
  trails_detail: ['trailId'],
  trails_sections: ['trailId'],
  trails_section_items: ['trailId', 'sectionId'],
  trails_sections_with_items: ['trailId'],
  trails_included_items: ['trailId'],
  trails_requirements: ['trailId'],
  trails_audience: ['trailId'],
  trails_learn: ['trailId'],
  trail_item_detail: ['trailId', 'itemId'],
  user_trail_enroll: ['trailId', 'csrfToken'],
  user_trail_progress: ['trailId'],
  user_trail_items_progress: ['trailId', 'enrolment'],
  user_trail_sections_progress: ['trailId', 'enrolment'],
  trail_item_progress: ['trailId', 'itemId', 'csrfToken'],
  trail_form_submission: ['trailId', 'formItemId', 'formQuestions', 'csrfToken'],
};

/** A scenario that cannot run and the dataset pieces it lacks. */
export interface SkippedScenario {
  scenario: string;
  missing: DatasetField[];
}

/** Scenarios that cannot run with this dataset, in catalogue order. */
export function scenariosSkippedFor(dataset: Pick<Dataset, 'missing'>): SkippedScenario[] {
  const skipped: SkippedScenario[] = [];
  for (const scenario of Object.keys(SCENARIO_REQUIREMENTS)) {
    const needs = SCENARIO_REQUIREMENTS[scenario] ?? [];
    const missing = needs.filter((field) => dataset.missing.includes(field));
    if (missing.length > 0) skipped.push({ scenario, missing });
  }
  return skipped;
}

/** The one warning to print for an incomplete dataset, or null when nothing is missing. */
export function describeMissing(dataset: Pick<Dataset, 'missing' | 'problems'>): string | null {
  if (dataset.missing.length === 0) return null;
  const skipped = scenariosSkippedFor(dataset).map((skip) => skip.scenario);
  return [
    `bootstrap-auth: dataset incomplete, missing ${dataset.missing.join(', ')}.`,
    ...dataset.problems.map((problem) => `  - ${problem}`),
    `  Skipped scenarios: ${skipped.length === 0 ? 'none' : skipped.join(', ')}`,
  ].join('\n');
}
