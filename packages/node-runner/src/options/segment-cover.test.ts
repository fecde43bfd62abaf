import { describe, expect, it } from 'vitest';
import { parseSegment } from './segment.js';
import { segmentCoverage } from './segment-cover.js';

const cover = (...texts: string[]) => segmentCoverage(texts.map(parseSegment));

describe('segmentCoverage', () => {
  it('thirds in any order cover the test', () => {
    expect(cover('2/3:1', '0:1/3', '1/3:2/3')).toEqual({ overlaps: [], gaps: [] });
  });

  it('names overlapping segments and the same segment twice', () => {
    expect(cover('0:1/2', '1/3:1').overlaps).toEqual([['0:1/2', '1/3:1']]);
    expect(cover('0:1/2', '0:1/2', '1/2:1').overlaps).toEqual([['0:1/2', '0:1/2']]);
  });

  it('names the parts no instance ran', () => {
    expect(cover('0:1/3', '2/3:1')).toEqual({ overlaps: [], gaps: ['1/3:2/3'] });
    expect(cover('1/4:1/2').gaps).toEqual(['0:1/4', '1/2:1']);
  });
});
