import { describe, expect, it } from 'vitest';
import { createProgressBar } from './progress-bar.js';

const progress = {
  caseName: 'TrailsRepository.get_trail',
  caseIndex: 2,
  caseCount: 21,
  phase: 'done' as const,
  completed: 50,
  total: 50,
};

describe('createProgressBar', () => {
  it('draws nothing when the stream is not a TTY', () => {
    const chunks: string[] = [];
    const bar = createProgressBar({ isTTY: false, write: (c) => chunks.push(c) });
    bar.onProgress(progress);
    bar.clear();
    expect(chunks).toEqual([]);
  });

  it('draws the case position, the bar and the case name on a TTY, then clears it', () => {
    const chunks: string[] = [];
    const bar = createProgressBar({ isTTY: true, columns: 200, write: (c) => chunks.push(c) });
    bar.onProgress(progress);
    expect(chunks[0]).toContain('[3/21]');
    expect(chunks[0]).toContain('#'.repeat(24));
    expect(chunks[0]).toContain(progress.caseName);
    bar.clear();
    expect(chunks).toHaveLength(2);
  });
});
