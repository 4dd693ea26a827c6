import { Type, type Static } from '@sinclair/typebox';
import type { Offer } from '../../../model/offer.js';
import { AshbyFileHandle, AshbyUser } from '../raw.js';
import { AshbyDate, Closed, Literals, Nullable, remote, Uuid } from './common.js';

/** `offer.list` items: the offer's state and its latest version (`versions` only with Ashby's own expansion). */
export const AshbyOffer = Type.Object(
  {
    id: Uuid,
    decidedAt: Nullable(AshbyDate),
    applicationId: Uuid,
    acceptanceStatus: Literals(['Accepted', 'Declined', 'Pending', 'Created', 'Cancelled']),
    offerStatus: Literals([
      'WaitingOnApprovalStart', 'WaitingOnOfferApproval', 'WaitingOnApprovalDefinition', 'WaitingOnCandidateResponse', 'CandidateRejected',
      'CandidateAccepted', 'OfferCancelled',
    ]),
    latestVersion: Type.Object(
      {
        id: Uuid,
        startDate: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
        salary: Type.Object({ currencyCode: Type.String(), value: Type.Number() }, Closed),
        createdAt: AshbyDate,
        customFields: Type.Array(Type.Unknown()),
        fileHandles: Type.Array(AshbyFileHandle),
        author: AshbyUser,
      },
      Closed,
    ),
  },
  Closed,
);
export type AshbyOffer = Static<typeof AshbyOffer>;

const STATUS: Record<string, Offer['status']> = { Created: 'draft', Pending: 'sent', Accepted: 'signed', Declined: 'denied', Cancelled: 'deprecated' };

/** The creator is the latest version's author; a decided offer is closed then; Ashby keeps no sent date. */
export function offerToUnified(raw: AshbyOffer): Offer {
  return {
    id: raw.id,
    application: { id: raw.applicationId },
    creator: { id: raw.latestVersion.author.id },
    ...(raw.decidedAt !== null ? { closed_at: raw.decidedAt } : {}),
    start_date: raw.latestVersion.startDate,
    status: STATUS[raw.acceptanceStatus]!,
    created_at: raw.latestVersion.createdAt,
    remote_data: remote(raw),
  };
}

export const fields = ['id', 'application.id', 'creator.id', 'closed_at', 'start_date', 'status', 'created_at'] as const;
