/**
 * An exact path, or a pattern where `*` matches any run of characters, matched in linear time. A pattern compiled
 * to a regular expression (`.*` for each `*`) backtracks: `*a*a*a*b` against a long path of `a`s took seconds and
 * froze the server. Greedy matching is exact for `*`-only patterns: the text before the first `*` must start the
 * path, the text after the last must end it, and each part in between is taken at its leftmost place after the
 * previous one (taking it any later can only leave less room for the rest).
 */
export function globMatcher(pattern: string): (path: string) => boolean {
  if (!pattern.includes('*')) return (path) => path === pattern;
  const parts = pattern.split('*');
  const head = parts[0]!;
  const tail = parts[parts.length - 1]!;
  const middle = parts.slice(1, -1).filter((p) => p !== '');
  const fixed = head.length + tail.length;
  return (path) => {
    if (path.length < fixed || !path.startsWith(head) || !path.endsWith(tail)) return false;
    let at = head.length;
    const end = path.length - tail.length;
    for (const part of middle) {
      const found = path.indexOf(part, at);
      if (found === -1 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}
