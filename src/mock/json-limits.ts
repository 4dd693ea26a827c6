/**
 * Limits of the JSON the admin API and the rules file take. A body is kept (a rule's `raw_response`) and written
 * back on every matched request and every `GET /_mock/rules`: 50,000 nested arrays parse, but writing them back
 * overflows the stack, so a rule stored with them broke every answer that touched it. Nesting is checked on the
 * text, before parsing, in one pass.
 */
export const MAX_JSON_DEPTH = 32;
export const MAX_ADMIN_BODY_BYTES = 1024 * 1024;

/** The value of `text`, or what is wrong with it (not JSON, nested deeper than MAX_JSON_DEPTH). */
export function parseJson(text: string): { value: unknown } | { problem: string } {
  const depth = nesting(text);
  if (depth > MAX_JSON_DEPTH) return { problem: `it nests objects and lists deeper than ${MAX_JSON_DEPTH} levels` };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    return { problem: `it is not valid JSON (${(err as Error).message})` };
  }
}

/** The deepest nesting of `[` and `{` outside strings; it stops counting once past the limit. */
function nesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest && (deepest = depth) > MAX_JSON_DEPTH) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
