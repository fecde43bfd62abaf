import { describe, expect, it } from 'vitest';
import { describeMissing, SCENARIO_REQUIREMENTS, scenariosSkippedFor } from './skips.js';

describe('scenariosSkippedFor', () => {
  it('skips nothing for a complete dataset', () => {
    expect(scenariosSkippedFor({ missing: [] })).toEqual([]);
    expect(describeMissing({ missing: [], problems: [] })).toBeNull();
  });

  it('names exactly the scenarios that need a missing piece', () => {
    const skipped = scenariosSkippedFor({ missing: ['itemId'] });
    const expected = Object.entries(SCENARIO_REQUIREMENTS)
      .filter(([, needs]) => needs.includes('itemId'))
      .map(([scenario]) => ({ scenario, missing: ['itemId'] }));
    expect(skipped).toEqual(expected);
    expect(skipped.map((skip) => skip.scenario)).toEqual([
      'trail_item_detail',
      'trail_item_progress',
    ]);
  });

  it('a missing trail skips every trail-bound scenario', () => {
    const skipped = scenariosSkippedFor({ missing: ['trailId'] }).map((skip) => skip.scenario);
    expect(skipped).toEqual(Object.keys(SCENARIO_REQUIREMENTS));
  });

  it('describes the problems and skips in one message', () => {
    const text = describeMissing({ missing: ['sectionId'], problems: ['trail 3 has no sections'] });
    expect(text).toContain('missing sectionId');
    expect(text).toContain('trail 3 has no sections');
    expect(text).toContain('Skipped scenarios: trails_section_items');
  });
});
