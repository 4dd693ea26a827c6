import type { Offer } from '../../../model/offer.js';
import { dateParams, enc, harvestResource, listCall } from '../api.js';
import { fields, GreenhouseOffer, offerToUnified } from '../shapes/offers.js';

/**
 * `GET /v1/offers` (dates), or `GET /v1/applications/{id}/offers` for one application: "if specified, no other query
 * parameters can be used", so the per-application call carries none.
 */
export const offers = harvestResource<Offer, GreenhouseOffer>({
  kind: 'offer',
  methods: ['list'],
  fields,
  path: '/offers',
  rawSchema: GreenhouseOffer,
  toUnified: ({ raw }) => offerToUnified(raw),
  supported: ['application_id', 'created_at', 'updated_at'],
  query: ({ filters }, base) =>
    filters.application_id !== undefined ? { applicationId: filters.application_id } : base,
  listCall: (request, hasMore) =>
    request.filters.application_id !== undefined
      ? listCall(`/applications/${enc(request.filters.application_id)}/offers`, request, hasMore)
      : listCall('/offers', request, hasMore, dateParams(request.filters)),
});
