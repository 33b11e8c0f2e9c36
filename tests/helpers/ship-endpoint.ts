// A minimal SHIP endpoint for tests: real HTTPS on 127.0.0.1 answering GetInfo, or 401 for a wrong Salto-SHIP-Key.
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { X509Certificate } from 'node:crypto';
import { makeCert } from '../../scripts/sim/certs';

const GETINFO_OK = `<?xml version="1.0" encoding="UTF-8"?>
<RequestResponse>
   <RequestName>GetInfo</RequestName>
   <Params>
       <ProtocolID>SHIP</ProtocolID>
       <ProtocolVersion>1.0</ProtocolVersion>
       <DateTime>2004-9-2T12:30:20</DateTime>
       <DefaultLanguage>eng</DefaultLanguage>
   </Params>
</RequestResponse>`;

export interface ShipEndpoint {
  port: number;
  fingerprint256: string;
  /** Keys seen in Salto-SHIP-Key headers, in order. */
  keysSeen: string[];
  setKey(k: string): void;
  close(): Promise<void>;
}

export async function startShipEndpoint(key: string): Promise<ShipEndpoint> {
  const pem = makeCert({ commonName: 'space.local' });
  let expected = key;
  const keysSeen: string[] = [];
  const sockets = new Set<Socket>();
  const srv = https.createServer({ cert: pem.cert, key: pem.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const given = String(req.headers['salto-ship-key'] ?? '');
      keysSeen.push(given);
      const body = Buffer.concat(chunks).toString('utf8');
      if (given !== expected) {
        res.writeHead(401).end();
      } else if (
        req.method === 'POST' &&
        /<RequestName>\s*GetInfo\s*<\/RequestName>/.test(body) &&
        /ship\.v1\+xml/.test(String(req.headers['content-type']))
      ) {
        res.writeHead(200, { 'Content-Type': 'application/vnd.saltosystems.ship.v1+xml' }).end(GETINFO_OK);
      } else {
        res.writeHead(400).end();
      }
    });
  });
  srv.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await new Promise<number>((r) =>
    srv.listen(0, '127.0.0.1', () => r((srv.address() as AddressInfo).port)),
  );
  return {
    port,
    fingerprint256: new X509Certificate(pem.cert).fingerprint256,
    keysSeen,
    setKey: (k) => {
      expected = k;
    },
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        srv.close(() => r());
      }),
  };
}
