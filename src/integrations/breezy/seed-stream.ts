import { iso } from '../../seed/reference-time.js';
import type { World, WorldActivity, WorldUser } from '../../seed/world.js';
import type { SeedRecord } from '../types.js';
import type { BreezyIds } from './ids.js';
import type { ActingUser, BreezyStreamItem } from './shapes/stream.js';

/** Who a record is, for the stream items written on it. */
export interface StreamOwner {
  candidate: { _id: string; name: string };
  position: { _id: string; name: string };
  companyId: string;
  /** The world application the Breezy record is. */
  applicationN: number;
}

const actingUser = (ids: BreezyIds, u: WorldUser): ActingUser => ({
  _id: ids.user(u.n),
  email_address: u.email,
  name: `${u.firstName} ${u.lastName}`,
  profile_photo_url: null,
});

/**
 * A record's stream: the notes and emails about its application (those about none go to the person's first record).
 * Emails are Breezy's messages, which its stream carries beside notes.
 */
export function* streamOf(ids: BreezyIds, world: World, owner: StreamOwner, activities: readonly WorldActivity[]): Generator<SeedRecord> {
  const streamId = ids.stream(owner.applicationN);
  for (const a of activities) {
    const author = a.authorN === null ? null : actingUser(ids, world.users[a.authorN - 1]!);
    const base = { _id: ids.streamItem(a.n), stream_id: streamId, timestamp: iso(a.createdAt) };
    const item: BreezyStreamItem =
      a.kind === 'note' && author !== null
        ? {
            ...base,
            type: 'companyNotePosted',
            object: {
              body: a.body,
              attachments: [],
              company_id: owner.companyId,
              acting_user: author,
              mentioned: {},
              position_id: owner.position._id,
              position: owner.position,
              candidate_id: owner.candidate._id,
              candidate: owner.candidate,
            },
          }
        : {
            ...base,
            type: author === null ? 'messageFromCandidatePosted' : 'messageToCandidatePosted',
            object: {
              body: a.body,
              subject: a.subject ?? '',
              attachments: [],
              candidate_id: owner.candidate._id,
              company_id: owner.companyId,
              position_id: owner.position._id,
              acting_user: author,
            },
          };
    yield {
      kind: 'stream_item',
      record: {
        id: item._id,
        refs: { candidate: owner.candidate._id, job: owner.position._id },
        created_at: item.timestamp,
        updated_at: item.timestamp,
        raw: JSON.stringify(item),
      },
    };
  }
}
