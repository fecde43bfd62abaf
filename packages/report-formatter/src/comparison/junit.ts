// The comparison as JUnit XML for CI systems: one test suite, one test case per row and budget
// (a <failure> when the budget was exceeded), validated against the Jenkins JUnit schema in the
// tests. Rows with no budget in force still get a case, so a row is never silently missing.
import type { ComparisonJson } from '@rota-perf/core';
import { budgetOutcome, budgetText, CHANGE_VERDICT_TEXT, kindText } from './cells.js';

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Case {
  classname: string;
  name: string;
  failure: string | null;
}

/** The JUnit XML of a comparison. */
export function formatComparisonJunit(comparison: ComparisonJson): string {
  const cases: Case[] = comparison.rows.flatMap((row) => {
    const classname = `rota-perf.compare.${kindText(row).replace(/\s+/g, '-')}`;
    if (row.budgets.length === 0) {
      return [
        { classname, name: `${row.name}: ${CHANGE_VERDICT_TEXT[row.verdict]}`, failure: null },
      ];
    }
    return row.budgets.map((check) => ({
      classname,
      name: `${row.name}: ${budgetText(check)}`,
      failure: check.exceeded
        ? `${budgetOutcome(check)}; verdict ${CHANGE_VERDICT_TEXT[row.verdict]}`
        : null,
    }));
  });
  const failures = cases.filter((c) => c.failure !== null).length;
  const body = cases.map((c) => {
    const open = `    <testcase name="${escapeXml(c.name)}" classname="${escapeXml(c.classname)}" time="0"`;
    if (c.failure === null) return `${open}/>`;
    const message = escapeXml(c.failure);
    return `${open}>\n      <failure message="${message}" type="budget-exceeded">${message}</failure>\n    </testcase>`;
  });
  const suite = `  <testsuite name="rota-perf compare" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0" timestamp="${comparison.created_at.slice(0, 19)}" hostname="localhost">`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="rota-perf compare" tests="${cases.length}" failures="${failures}" errors="0">`,
    suite,
    ...body,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
