// layoutGraph without a worker: Graphviz's WebAssembly runs in node too.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO } from '../../test/fixtures';
import { parseProfile } from '../core/profile/parse';
import { ProfileBuilder } from '../core/profile/builder';
import { graphView } from '../core/view/graph';
import { layoutGraph, MAX_LABEL_LINE, shortenLabelLines, xdotLayout } from './graph-layout';

const load = (f: string) => parseProfile(new Uint8Array(fs.readFileSync(path.join(GO, f))));

describe('layoutGraph', () => {
  it('lays out the cpu graph: every node and edge of the DOT, inside the bounding box', async () => {
    const { data } = graphView(load('cpu.pb.gz'), { view: 'graph', options: {} });
    const out = await layoutGraph(data);
    const L = out.layout!;
    expect(out.dot).toBe(data.dot);
    expect(L.width).toBeGreaterThan(100);
    expect(L.height).toBeGreaterThan(100);
    // every graph node once, plus the tag nodelets of the DOT
    const ids = L.nodes.filter((n) => n.nodeId !== undefined).map((n) => n.nodeId);
    expect(ids.sort((a, b) => a! - b!)).toEqual(data.nodes.map((n) => n.id));
    const nodelets = [...data.dot.matchAll(/^NN?\d+_\d+ \[/gm)].length;
    expect(L.nodes.length).toBe(data.nodes.length + nodelets);
    expect(L.nodes.some((n) => n.dotName === 'cluster_L')).toBe(false);
    // the edges of the DOT, with the nodelet edges
    const dotEdges = [...data.dot.matchAll(/^(N\d+(?:_\d+)?) -> (N\d+(?:_\d+)?) \[/gm)].map((m) => `${m[1]}>${m[2]}`);
    expect(L.edges.map((e) => `${e.tail}>${e.head}`).sort()).toEqual(dotEdges.sort());
    for (const n of L.nodes) {
      for (const s of n.shapes) {
        const pts = s.kind === 'text' ? [s.x, s.y] : s.kind === 'ellipse' ? [s.cx, s.cy] : s.points;
        for (const v of pts) {
          expect(v).toBeGreaterThanOrEqual(-1);
          expect(v).toBeLessThanOrEqual(Math.max(L.width, L.height) + 1);
        }
      }
    }
  }, 120_000);

  it('draws nodes with the DOT colours and font sizes, and their label lines as text', async () => {
    const { data } = graphView(load('cpu.pb.gz'), { view: 'graph', options: {} });
    const L = (await layoutGraph(data)).layout!;
    for (const m of data.dot.matchAll(/^N(\d+) \[label="([^"]*)".* fontsize=(\d+) .* color="([^"]*)" fillcolor="([^"]*)"\]$/gm)) {
      const node = L.nodes.find((n) => n.nodeId === Number(m[1]))!;
      const box = node.shapes.find((s) => s.kind === 'polygon');
      expect(box && box.kind === 'polygon' && [box.fill, box.stroke]).toEqual([m[5], m[4]]);
      const texts = node.shapes.filter((s) => s.kind === 'text');
      expect(texts.map((t) => t.kind === 'text' && t.text)).toEqual(m[2].split('\\n').filter((l) => l !== ''));
      for (const t of texts) expect(t.kind === 'text' && t.fontSize).toBe(Number(m[3]));
    }
  }, 120_000);

  it('marks residual edges dotted and widens heavy edges', async () => {
    const { data } = graphView(load('cpu.pb.gz'), { view: 'graph', options: {} });
    const L = (await layoutGraph(data)).layout!;
    for (const e of data.edges) {
      const le = L.edges.find((x) => x.tail === `N${e.from}` && x.head === `N${e.to}`)!;
      const line = le.shapes.find((s) => s.kind === 'bezier')!;
      expect(line.kind === 'bezier' && line.dash).toBe(e.residual ? 'dotted' : null);
      const label = le.shapes.filter((s) => s.kind === 'text').map((s) => s.kind === 'text' && s.text);
      expect(label[0]).toBe(` ${e.label}`);
      if (e.inline) expect(label).toContain(' (inline)');
    }
    const widths = L.edges.flatMap((e) => e.shapes.map((s) => (s.kind === 'bezier' ? s.strokeWidth : 0)));
    expect(Math.max(...widths)).toBeGreaterThan(1);
  }, 120_000);

  it('handles an empty graph (a focus that matches nothing)', async () => {
    const { data } = graphView(load('cpu.pb.gz'), { view: 'graph', options: { focus: 'no_function_matches_this' } });
    expect(data.nodes).toEqual([]);
    const L = (await layoutGraph(data)).layout!;
    expect(L.nodes).toEqual([]);
    expect(L.edges).toEqual([]);
  }, 120_000);

  it('cuts label lines longer than MAX_LABEL_LINE for the layout, whole escapes and code points', () => {
    const long = 'x'.repeat(MAX_LABEL_LINE + 50);
    const dot = `N1 [label="main\\n${long}\\n10ms" tooltip="main.${long}"]\nN1 -> N2 [label=" 20ms"]`;
    const out = shortenLabelLines(dot);
    expect(out).toBe(`N1 [label="main\\n${'x'.repeat(MAX_LABEL_LINE)}…\\n10ms" tooltip="main.${long}"]\nN1 -> N2 [label=" 20ms"]`);
    // an escape at the cut stays whole; astral characters count once
    expect(shortenLabelLines('label="ab\\"cd"', 3)).toBe('label="ab\\"…"');
    expect(shortenLabelLines('label="😀😀😀😀"', 2)).toBe('label="😀😀…"');
    expect(shortenLabelLines(dot, 1000)).toBe(dot);
  });

  it('lays out a node with a 50,000-character name at a readable size', async () => {
    const b = new ProfileBuilder();
    b.addSampleType('samples', 'count');
    const name = 'main.Long' + 'x'.repeat(50_000);
    const f0 = b.addFunction('main.main', 'main.main', 'main.go');
    const f1 = b.addFunction(name, name, 'main.go');
    const l0 = b.addLocation(0x1000n, -1, [{ function: f0, line: 1 }]);
    const l1 = b.addLocation(0x2000n, -1, [{ function: f1, line: 2 }]);
    b.addSample([l1, l0], [2]);
    const { data } = graphView(b.build(), { view: 'graph', options: {} });
    const out = await layoutGraph(data);
    expect(out.dot).toBe(data.dot); // the DOT itself is pprof's, whole
    expect(out.layout!.width).toBeLessThan(3000);
    expect(out.nodes.map((n) => n.name)).toContain(name);
  }, 120_000);

  it('flips y and maps xdot operations', () => {
    const L = xdotLayout({
      bb: '0,0,100,50',
      objects: [
        {
          _gvid: 0,
          name: 'N1',
          _draw_: [
            { op: 'c', color: '#b20800' },
            { op: 'C', color: '#edd6d5' },
            { op: 'P', points: [[0, 0], [10, 50]] },
          ],
          _ldraw_: [{ op: 'F', size: 12, face: 'Times-Roman' }, { op: 'T', pt: [5, 40], align: 'l', text: '<b>x</b>' }],
        },
      ],
      edges: [],
    });
    expect(L.nodes[0].shapes).toEqual([
      { kind: 'polygon', points: [0, 50, 10, 0], fill: '#edd6d5', stroke: '#b20800', strokeWidth: 1, dash: null },
      { kind: 'text', x: 5, y: 10, text: '<b>x</b>', anchor: 'start', fontSize: 12, fontFamily: 'Times,serif', color: '#000000' },
    ]);
  });
});
