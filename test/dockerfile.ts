/**
 * Reads a Dockerfile into its stages and instructions, and a .dockerignore into a matcher: enough of Docker's
 * grammar for test/docker-recipe.test.ts to perform the recipe itself rather than a copy of it.
 */

export interface Instruction {
  op: string;
  /** The text after the instruction's name, continuation lines joined. */
  args: string;
  /** `--from=build`, `--chown=node:node`, `--interval=5s`… */
  flags: Record<string, string>;
}

export interface Stage {
  name: string;
  image: string;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const lines: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    if (/^\s*#/.test(raw)) continue;
    if (raw.endsWith('\\')) {
      current += `${raw.slice(0, -1)} `;
      continue;
    }
    current += raw;
    if (current.trim()) lines.push(current.trim());
    current = '';
  }
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op = '', rest = ''] = /^(\w+)\s+([\s\S]*)$/.exec(line) ?? [];
    const flags: Record<string, string> = {};
    let args = rest;
    for (let m = /^--([\w-]+)=(\S+)\s+/.exec(args); m; m = /^--([\w-]+)=(\S+)\s+/.exec(args)) {
      flags[m[1]!] = m[2]!;
      args = args.slice(m[0].length);
    }
    const name = op.toUpperCase();
    if (name === 'FROM') {
      const [image = '', , as] = args.split(/\s+/);
      stages.push({ name: as ?? String(stages.length), image, instructions: [] });
    } else {
      if (stages.length === 0) throw new Error(`${name} before FROM`);
      stages.at(-1)!.instructions.push({ op: name, args, flags });
    }
  }
  return stages;
}

/** `KEY=value KEY2="v 2"` (ENV, ARG) into pairs; a bare `KEY` (ARG without default) is an empty string. */
export function parsePairs(args: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const m of args.matchAll(/(\w+)(?:=("[^"]*"|\S*))?/g)) pairs.push([m[1]!, (m[2] ?? '').replace(/^"|"$/g, '')]);
  return pairs;
}

/** The exec form `["node", "x.js"]`, or the shell form as `sh -c`. */
export function commandOf(args: string): string[] {
  return args.trim().startsWith('[') ? (JSON.parse(args) as string[]) : ['sh', '-c', args];
}

/** Docker's .dockerignore: each pattern matches a path relative to the context, and excludes what lies under it. */
export function dockerignore(text: string): (path: string) => boolean {
  const patterns = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((p) => {
      const negate = p.startsWith('!');
      const glob = (negate ? p.slice(1) : p).replace(/^\/+|\/+$/g, '');
      const source = glob
        .split('')
        .map((c, i, all) => (c === '*' ? (all[i + 1] === '*' || all[i - 1] === '*' ? '.*' : '[^/]*') : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
        .join('')
        .replace(/\.\*\.\*/g, '.*');
      return { negate, regex: new RegExp(`^${source}(/.*)?$`) };
    });
  return (path) => {
    let excluded = false;
    for (const p of patterns) if (p.regex.test(path)) excluded = !p.negate;
    return excluded;
  };
}
