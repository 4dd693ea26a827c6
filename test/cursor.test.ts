import t from 'tap';
import { Cursors } from '../src/truto/cursor.js';

// Cursors are remembered once checked (so a deep page costs what the first does): remembering must never let a
// cursor through that the signature alone would refuse.
t.test('a remembered cursor reads back only in its own scope, as a copy', async (t) => {
  const cursors = new Cursors('key');
  const cursor = cursors.issue('scope-a', { after: 41, page: 3 });
  t.strictSame(cursors.read('scope-a', cursor), { after: 41, page: 3 });
  t.equal(cursors.read('scope-b', cursor), undefined, 'another scope: refused, remembered or not');
  const read = cursors.read('scope-a', cursor)!;
  read.after = 999;
  t.strictSame(cursors.read('scope-a', cursor), { after: 41, page: 3 }, 'a caller changing what it got changes nothing kept');
  t.equal(new Cursors('other-key').read('scope-a', cursor), undefined, 'another key: refused');
  t.strictSame(new Cursors('key').read('scope-a', cursor), { after: 41, page: 3 }, 'a fresh instance with the key checks and accepts it');
});

t.test('past the bound, and for long scopes, cursors are still checked and accepted', async (t) => {
  const cursors = new Cursors('key');
  const issued = Array.from({ length: 10_050 }, (_, i) => [i, cursors.issue('scope', { after: i, page: i + 2, token: `t${i}` })] as const);
  for (const [i, cursor] of [issued[0]!, issued[5_000]!, issued[10_049]!]) {
    t.strictSame(cursors.read('scope', cursor), { after: i, page: i + 2, token: `t${i}` }, `cursor ${i}`);
    t.equal(cursors.read('scope ', cursor), undefined, `cursor ${i} elsewhere`);
  }
  const long = 'x'.repeat(600);
  const cursor = cursors.issue(long, { after: 7, page: 2 });
  t.strictSame(cursors.read(long, cursor), { after: 7, page: 2 });
  t.strictSame(cursors.read(long, cursor), { after: 7, page: 2 }, 'again');
  t.equal(cursors.read(`${long}y`, cursor), undefined);
});
