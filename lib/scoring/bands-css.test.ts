import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCORE_BANDS } from './score';

describe('score colours', () => {
  it('the CSS band classes use the colours of SCORE_BANDS', () => {
    const css = fs.readFileSync('app/globals.css', 'utf8');
    SCORE_BANDS.forEach((band, i) => {
      expect(css).toContain(`.band-${i}, .band-${i} .cell-link { background: ${band.colour}; color: ${band.text}; }`);
    });
  });
});
