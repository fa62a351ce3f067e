import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { appendUpdate, compactStored, loadDocState } from '@/server/documents/store';
import { addMembership, makePage, makeTree, makeUser } from '@/test/factories';
import { applyMarkdown } from './body';
import { bodyCacheStats, liveBody, versionBody } from './body-cache';

describe('body cache', () => {
  it('serves a body again until its stored state changes, however it changed', () => {
    const tree = makeTree();
    const alice = makeUser();
    addMembership(alice, tree.section);
    const page = makePage(alice, tree.section, { markdown: 'Premier état.' });
    const first = liveBody(page.id);
    expect(first.text).toBe('Premier état.');
    expect(liveBody(page.id)).toBe(first); // same object: nothing rebuilt
    expect(Object.isFrozen(first.json)).toBe(true);

    // A write straight to the log (another process: the CLI) is seen.
    const base = loadDocState(page.id).state;
    const next = applyMarkdown(base, 'Second état.');
    appendUpdate(page.id, Y.diffUpdate(next, Y.encodeStateVectorFromUpdate(base)), alice.id);
    const second = liveBody(page.id);
    expect(second.text).toBe('Second état.');
    expect(second.markdown).toBe('Second état.');

    // Compaction rewrites the storage, not the text.
    compactStored(page.id);
    const third = liveBody(page.id);
    expect(third).not.toBe(second);
    expect(third.text).toBe('Second état.');
  });

  it('keeps versions by id', () => {
    let reads = 0;
    const state = () => (reads++, applyMarkdown(null, 'Version publiée.'));
    const a = versionBody('v-test', state);
    const b = versionBody('v-test', state);
    expect(a).toBe(b);
    expect(a.text).toBe('Version publiée.');
    expect(reads).toBe(1);
  });

  it('keeps its memory bounded: a huge body is served but not kept', () => {
    const tree = makeTree();
    const alice = makeUser();
    addMembership(alice, tree.section);
    const huge = makePage(alice, tree.section, { markdown: 'Début.' });
    // Grown in the editor (forms and the API take 200,000 characters at most).
    const base = loadDocState(huge.id).state;
    const next = applyMarkdown(base, 'mot '.repeat(110_000));
    appendUpdate(huge.id, Y.diffUpdate(next, Y.encodeStateVectorFromUpdate(base)), alice.id);
    const before = bodyCacheStats();
    const a = liveBody(huge.id);
    expect(a.text.length).toBeGreaterThan(400_000);
    expect(liveBody(huge.id)).not.toBe(a); // rebuilt each time, never held
    expect(bodyCacheStats()).toEqual(before);
  });
});
