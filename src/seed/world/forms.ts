import type { Random } from '../random.js';
import * as V from '../vocabulary.js';
import type { WorldQuestion } from '../world.js';

/**
 * A job post's application form: the basic fields every post asks for, then one to four questions of its own (mostly
 * its department's, sometimes a common one). `next` numbers the questions across the account.
 */
export function applicationForm(r: Random, department: string, next: () => number): WorldQuestion[] {
  const form: WorldQuestion[] = V.BASIC_QUESTIONS.map((q) => ({
    n: next(),
    key: q.key,
    label: q.label,
    type: q.type,
    required: q.required,
    options: [],
    group: 'Personal information',
    visibility: 'public',
  }));
  const own = V.DEPARTMENT_QUESTIONS[department] ?? [];
  const count = r.int(1, 4);
  const fromDepartment = r.sample(own, Math.min(own.length, r.int(1, count)));
  const picked = [...fromDepartment, ...r.sample(V.COMMON_QUESTIONS, count - fromDepartment.length)];
  for (const q of picked) {
    form.push({
      n: next(),
      key: null,
      label: q.label,
      type: q.type,
      required: q.required,
      options: q.options ?? [],
      group: 'Questions',
      visibility: q.visibility ?? 'public',
    });
  }
  return form;
}
