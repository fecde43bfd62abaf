import { isIP } from 'node:net';
import { generate } from 'selfsigned';

/** A throw-away self-signed certificate for `--tls` (clients skip verification). */
export async function generateSelfSignedCertificate(
  host: string,
): Promise<{ key: string; cert: string }> {
  const altNames = [
    { type: 2 as const, value: 'localhost' },
    { type: 7 as const, ip: '127.0.0.1' },
    ...(isIP(host) ? [{ type: 7 as const, ip: host }] : [{ type: 2 as const, value: host }]),
  ];
  const pems = await generate([{ name: 'commonName', value: host }], {
    keyType: 'ec',
    extensions: [{ name: 'subjectAltName', altNames }],
  } as Parameters<typeof generate>[1]);
  return { key: pems.private, cert: pems.cert };
}
