/**
 * Repeated slashes in the path part become one; the query is left as sent (`file_url=https://…` holds `//`).
 * Fastify's `rewriteUrl` runs it before routing, so every later step sees the one path a client means.
 */
export function collapseSlashes(url: string): string {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (!path.includes('//')) return url;
  return path.replace(/\/{2,}/g, '/') + (q === -1 ? '' : url.slice(q));
}
