import { describe, expect, it } from 'vitest';
import type { GraphShape } from '../../core/view/graph';
import { planChunks, shapesCost } from './graph-chunks';

describe('planChunks', () => {
  it('fills each chunk up to the budget', () => {
    expect(planChunks([4, 4, 4, 4, 4], 10)).toEqual([2, 4, 5]);
  });
  it('gives an item over the budget a chunk of its own', () => {
    expect(planChunks([3, 30, 3], 10)).toEqual([1, 2, 3]);
  });
  it('has no chunk for no items', () => {
    expect(planChunks([], 10)).toEqual([]);
  });
  it('ends every item list at its length', () => {
    const costs = Array.from({ length: 97 }, (_, i) => 1 + (i % 7));
    const ends = planChunks(costs, 20);
    expect(ends.at(-1)).toBe(97);
    for (let i = 1; i < ends.length; i++) expect(ends[i]).toBeGreaterThan(ends[i - 1]);
  });
});

describe('shapesCost', () => {
  it('counts a text three times', () => {
    const text: GraphShape = { kind: 'text', x: 0, y: 0, text: 'a', anchor: 'middle', fontSize: 8, fontFamily: 'Times', color: '#000' };
    const path: GraphShape = { kind: 'polygon', points: [0, 0, 1, 1], fill: null, stroke: '#000', strokeWidth: 1, dash: null };
    expect(shapesCost([text, path, text])).toBe(1 + 3 + 1 + 3);
  });
});
