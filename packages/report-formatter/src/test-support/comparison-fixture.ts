// The comparison the report tests render: core's sample comparison.json, which core's schema
// test checks, so the reports are tested on a document the schema accepts.
export { sampleComparison as fixtureComparison } from '../../../core/src/test-support/comparison.js';
