// The client service of docker-compose.yml: waits until the mock is healthy, then calls it by its service name the
// way an integration test would, including downloading an attachment through its file_url.
const base = process.env.TRUTO_BASE_URL ?? 'http://truto-mock:4010';
const token = process.env.TRUTO_TOKEN ?? 'truto-mock-token';
const account = process.env.TRUTO_ACCOUNT ?? '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const headers = { Authorization: `Bearer ${token}` };

for (let attempt = 1; ; attempt++) {
  const status = await fetch(`${base}/health`).then((r) => r.status, () => 0);
  if (status === 200) break;
  if (attempt === 120) throw new Error(`${base} is not healthy (last status ${status})`);
  await new Promise((r) => setTimeout(r, 500));
}

async function get(path) {
  const res = await fetch(`${base}${path}`, { headers });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const page = await get(`/unified/ats/candidates?integrated_account_id=${account}&limit=5`);
console.log(`candidates: ${page.result.map((c) => c.name).join(', ')}`);
const ada = await get(`/unified/ats/candidates/9000001003?integrated_account_id=${account}`);
const attachments = await get(`/unified/ats/attachments?integrated_account_id=${account}&candidate_id=${ada.id}`);
const first = attachments.result[0];
const file = await fetch(first.file_url); // a signed link on the mock itself: no token needed
if (!file.ok) throw new Error(`GET ${first.file_url}: ${file.status}`);
const bytes = new Uint8Array(await file.arrayBuffer());
console.log(`${ada.name}: ${attachments.result.length} attachments; downloaded ${first.file_name} (${file.headers.get('content-type')}, ${bytes.length} bytes) from ${new URL(first.file_url).host}`);
