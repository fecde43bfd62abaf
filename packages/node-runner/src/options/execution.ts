// Which part of the test this instance runs: --execution-segment / --execution-segment-sequence
// (or options.executionSegment / options.executionSegmentSequence; the flags win, as in k6).
import { EXIT, RunnerError } from '../errors.js';
import {
  type ExecutionSegment,
  FULL_SEGMENT,
  fillSequence,
  formatSegment,
  parseSegment,
  parseSegmentSequence,
  sameSegment,
} from './segment.js';
import { SegmentSplit, Share } from './striping.js';

/** The segment settings as given on the command line (raw text, checked when the run opens). */
export interface SegmentSettings {
  executionSegment?: string;
  executionSegmentSequence?: string;
}

const SEGMENT_EXAMPLES = 'e.g. 0:1/3, 1/3:2/3, 0.5:1, 50%:100%';

/** The setting's text and where it came from (a flag or the script's options). */
function pick(
  flag: string | undefined,
  flagName: string,
  options: Record<string, unknown>,
  key: string,
): { text: string; source: string } | undefined {
  if (flag !== undefined) return { text: flag, source: `--${flagName}` };
  const value = options[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new RunnerError(
      `invalid options.${key} ${JSON.stringify(value)}: expected a string (${SEGMENT_EXAMPLES})`,
      EXIT.invalidConfig,
    );
  return { text: value, source: `options.${key}` };
}

function invalid(source: string, text: string, why: unknown, expected: string): RunnerError {
  const reason = why instanceof Error ? why.message : String(why);
  return new RunnerError(
    `invalid ${source} "${text}": ${reason} (expected ${expected})`,
    EXIT.invalidConfig,
  );
}

/** This instance's share of the test; the whole test when no segment is set. */
export function resolveShare(
  settings: SegmentSettings,
  options: Record<string, unknown>,
): { share: Share; label: string } {
  const seg = pick(settings.executionSegment, 'execution-segment', options, 'executionSegment');
  const seq = pick(
    settings.executionSegmentSequence,
    'execution-segment-sequence',
    options,
    'executionSegmentSequence',
  );
  let segment: ExecutionSegment = FULL_SEGMENT;
  if (seg) {
    try {
      segment = parseSegment(seg.text);
    } catch (err) {
      throw invalid(seg.source, seg.text, err, `from:to within 0..1, ${SEGMENT_EXAMPLES}`);
    }
  }
  let sequence: ExecutionSegment[] | undefined;
  if (seq && seq.text !== '') {
    try {
      sequence = parseSegmentSequence(seq.text);
    } catch (err) {
      throw invalid(seq.source, seq.text, err, 'ascending points from 0 to 1, e.g. 0,1/3,2/3,1');
    }
  }
  const filled = fillSequence(sequence, segment);
  const index = filled.findIndex((s) => sameSegment(s, segment));
  if (index < 0) {
    const given = seg ? `${seg.source} "${seg.text}"` : 'the whole test (no --execution-segment)';
    throw new RunnerError(
      `${given} is not a segment of ${seq?.source} "${seq?.text}" (expected one of ${filled.map(formatSegment).join(', ')})`,
      EXIT.invalidConfig,
    );
  }
  let split: SegmentSplit;
  try {
    split = new SegmentSplit(filled);
  } catch (err) {
    const where = seq ?? seg;
    throw invalid(
      where?.source ?? '',
      where?.text ?? '',
      err,
      'coarser fractions, e.g. 0,1/3,2/3,1',
    );
  }
  return { share: new Share(split, index), label: formatSegment(segment) };
}
