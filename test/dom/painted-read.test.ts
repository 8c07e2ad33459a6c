import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_WAITS, paintedRead, shadowRootsAround } from '../../lib/otto/painted-read';
import { listShadowRoots } from '../../lib/otto/item-watch/shared';
import { listRoots } from '../../lib/otto/products/list';
import { ownHosts } from '../../lib/otto/query';
import { frameAndTask } from '../support/frames';

/**
 * lib/otto/painted-read.ts: a layout read runs after a painted frame, and waits a frame when the
 * page changed the document in between (reading then would force that change's layout), but not
 * forever, and not for changes to our own hosts.
 */
let ctl: AbortController;
beforeEach(() => {
  ctl = new AbortController();
  document.body.innerHTML = '<main><table><tbody><tr><td>Row</td></tr></tbody></table></main>';
});
afterEach(() => ctl.abort());

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
/** A change the page makes after our frame callback and before our task (its own callback of the same frame). */
const pageChangesAfterOurFrame = (change: () => void) => requestAnimationFrame(() => change());

/** A read scheduled, then the page's `change` after our frame: nothing is read then, once a frame later. */
async function expectReadWaitsFor(change: () => void, what: string, roots?: () => Iterable<Node>) {
  let reads = 0;
  const r = paintedRead(() => reads++, ctl.signal, roots);
  r.schedule();
  pageChangesAfterOurFrame(change);
  await frameAndTask();
  await Promise.resolve();
  expect(reads, `read although the page had changed ${what}`).toBe(0);
  await frameAndTask();
  await frameAndTask();
  expect(reads).toBe(1);
}

describe('paintedRead', () => {
  it('reads once after the next frame, however often it was asked for', async () => {
    let reads = 0;
    const r = paintedRead(() => reads++, ctl.signal);
    r.schedule();
    r.schedule();
    expect(reads).toBe(0);
    await frameAndTask();
    expect(reads).toBe(1);
    await frameAndTask();
    expect(reads).toBe(1);
  });

  it('waits for the next frame when the page changed the document after the frame', async () => {
    await expectReadWaitsFor(() => document.querySelector('td')!.append(' changed'), 'the document');
  });

  it('reads anyway after MAX_WAITS frames of a page that changes every frame', async () => {
    let reads = 0;
    const r = paintedRead(() => reads++, ctl.signal);
    let changing = true;
    const keepChanging = () => {
      if (!changing) return;
      document.querySelector('td')!.setAttribute('data-tick', String(Math.random()));
      requestAnimationFrame(keepChanging);
    };
    r.schedule();
    requestAnimationFrame(keepChanging);
    for (let i = 0; i < MAX_WAITS + 4 && !reads; i++) await frameAndTask();
    changing = false;
    expect(reads).toBe(1);
  });

  it('does not wait for changes to our own hosts', async () => {
    let reads = 0;
    const host = document.createElement('lga-deeplink');
    ownHosts.add(host);
    const r = paintedRead(() => reads++, ctl.signal);
    r.schedule();
    pageChangesAfterOurFrame(() => {
      document.querySelector('td')!.append(host);
      host.setAttribute('data-fit', 'compact');
    });
    await frameAndTask();
    expect(reads, 'waited a frame for a change to our own host').toBe(1);
  });

  it('reads nothing once cancelled or aborted', async () => {
    let reads = 0;
    const r = paintedRead(() => reads++, ctl.signal);
    r.schedule();
    r.cancel();
    await frameAndTask();
    r.schedule();
    ctl.abort();
    await frameAndTask();
    await frame();
    expect(reads).toBe(0);
  });

  it('waits for a change inside a shadow root it was given (the document\'s observer does not see there)', async () => {
    const app = document.createElement('div');
    document.body.append(app);
    const shadow = app.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<table><tbody><tr><td>Row</td></tr></tbody></table>';
    await expectReadWaitsFor(() => shadow.querySelector('td')!.append(' changed'), 'the shadow root', () => [shadow]);
  });
});

describe('the shadow roots a layout read watches', () => {
  const shadowOf = (host: Element, html: string) => {
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = html;
    return root;
  };

  it('shadowRootsAround: every shadow root from a node up to the document, none for the document\'s own nodes', () => {
    const outer = shadowOf(document.querySelector('main')!, '<section><div class="app"></div></section>');
    const inner = shadowOf(outer.querySelector('.app')!, '<ul><li>Row</li></ul>');
    expect([...shadowRootsAround([inner.querySelector('li')!])]).toEqual([inner, outer]);
    expect([...shadowRootsAround([outer.querySelector('section')!, inner.querySelector('ul')!])]).toEqual([outer, inner]);
    expect(shadowRootsAround([document.querySelector('td')!]).size).toBe(0);
  });

  it('listShadowRoots: the root a list sits in and the shadow roots of its rows', () => {
    const app = shadowOf(document.querySelector('main')!, '<div role="table" class="list"></div>');
    const list = app.querySelector('.list')!;
    const rowRoots = [0, 1].map((i) => {
      const row = document.createElement('div');
      row.setAttribute('role', 'row');
      list.append(row);
      return shadowOf(row, `<a href="https://www.otto.de/p/produkt-${i}-S0A1B2C${i}/">Produkt ${i}</a>`);
    });
    const roots = listShadowRoots(list, listRoots(list));
    expect(roots.has(app), 'the shadow root the list sits in').toBe(true);
    for (const r of rowRoots) expect(roots.has(r), 'a row\'s shadow root').toBe(true);
    expect(roots.size).toBe(3);
  });
});
